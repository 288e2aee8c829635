/**
 * Shared pieces of the pages after a contract is in force (交付 → 验收 → 清结算 → 售后) and of the
 * books: the API's shapes, the labels of settlement lines, statuses, accounts, journals, destruction
 * methods, disputes and filings, their tags, and the settlement split as a table — who gets what,
 * each line with its share of the deal and its fen on the row for tests, the total against the
 * escrow that was paid.
 */
import { Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { formatTime } from '../../format/time.format';
import type { paths } from '../../api/openapi.schema';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { orgName } from '../../format/labels';
import { hasMessage, useI18n, type Translate } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';
import { formatFen } from '../../format/money.format';
import { orderedLines, sumFen, type SettlementLine } from './trade.rules';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Delivery = Json<'/api/v1/exchange/negotiations/{negotiationId}/deliveries', 'get'>['items'][number];
export type SettlementItem = NonNullable<Json<'/api/v1/exchange/negotiations/{negotiationId}/settlement', 'get'>['item']>;
export type Statement = Json<'/api/v1/exchange/books/orgs/{orgId}/statement', 'get'>;
export type StatementLine = Statement['items'][number];
export type Reconciliation = Json<'/api/v1/exchange/books/reconciliation', 'get'>;
export type SettlementBatch = Json<'/api/v1/exchange/settlements', 'get'>['items'][number];
export type SettlementRun = Json<'/api/v1/exchange/settlements', 'post'>;
export type SettlementBatchDetail = Json<'/api/v1/exchange/settlements/{batchId}', 'get'>;
export type Dispute = Json<'/api/v1/exchange/disputes/{disputeId}', 'get'>;
export type Filing = Json<'/api/v1/exchange/filings/{filingId}', 'get'>;
export type Disclosure = Json<'/api/v1/public/exchange/disclosure', 'get'>;
export type PublicMember = Json<'/api/v1/public/exchange/members', 'get'>['items'][number];
export type Attachment = Json<'/api/v1/exchange/attachments', 'get'>['items'][number];

/** A vocabulary's label, or the code itself when the console does not know it yet (the server may add one). */
const msg = (t: Translate, key: string) => (hasMessage(key) ? t(key as MessageKey) : key.slice(key.lastIndexOf('.') + 1));
export const lineLabel = (t: Translate, to: string) => msg(t, `trade.line.${to}`);
export const settlementStatusLabel = (t: Translate, s: string) => msg(t, `trade.settlementStatus.${s}`);
export const accountLabel = (t: Translate, k: string) => msg(t, `trade.account.${k}`);
export const journalLabel = (t: Translate, k: string) => msg(t, `trade.journal.${k}`);
export const destructionMethodLabel = (t: Translate, m: string) => msg(t, `trade.destruction.method.${m}`);
export const disputeStatusLabel = (t: Translate, s: string) => msg(t, `trade.disputeStatus.${s}`);
export const filingStatusLabel = (t: Translate, s: string) => msg(t, `trade.filingStatus.${s}`);
export const acceptedByLabel = (t: Translate, s: string) => msg(t, `trade.acceptedBy.${s}`);
export const attachmentKindLabel = (t: Translate, k: string) => msg(t, `trade.attachment.kind.${k}`);

/** Organisations' names by id from the directory (signed in), in the current language; the id when unknown. */
export function useOrgDirectory(locale: string): (orgId: string) => string {
  const orgs = useApiResource('trade-org-directory', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items);
  return (orgId: string) => {
    const o = orgs.data?.find((x) => x.id === orgId);
    return o ? orgName(o.name, locale) : orgId;
  };
}

const SETTLEMENT_COLOURS: Record<string, string> = { pending: 'blue', held: 'orange', settled: 'green' };
const DISPUTE_COLOURS: Record<string, string> = { open: 'orange', ruled: 'green' };
const FILING_COLOURS: Record<string, string> = { filed: 'blue', confirmed: 'green' };

export function SettlementStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={SETTLEMENT_COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {settlementStatusLabel(t, status)}
    </Tag>
  );
}

export function DisputeStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={DISPUTE_COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {disputeStatusLabel(t, status)}
    </Tag>
  );
}

export function FilingStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={FILING_COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {filingStatusLabel(t, status)}
    </Tag>
  );
}

/** A share of a whole in per cent with up to two decimals (`1.5 %`), from fen. */
export function shareOf(partFen: string, wholeFen: string): string {
  const whole = BigInt(wholeFen);
  if (whole === 0n) return '—';
  const bp = (BigInt(partFen) * 10_000n * 100n) / whole; // hundredths of a basis point
  return `${(Number(bp) / 10_000).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
}

/**
 * The split of a deal: each line (the seller's proceeds, the brokers' commissions, public data's
 * share, the exchange's fee) with the organisation it goes to, its amount and its share, and the
 * total (what the escrow releases). `nameOf` names an organisation; the fee goes to the exchange.
 */
export function SettlementLines({ lines, totalFen, nameOf, testId = 'settlement-lines' }: { lines: readonly SettlementLine[]; totalFen: string; nameOf(orgId: string | null, to: string): string; testId?: string }) {
  const { t } = useI18n();
  const rows = orderedLines(lines);
  const sum = sumFen(rows.map((l) => l.amountFen));
  return (
    <Table<SettlementLine>
      size="small"
      rowKey={(l) => `${l.to}-${l.orgId ?? ''}`}
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      data-sum-fen={sum}
      onRow={(l) => ({ 'data-testid': `settlement-line-${l.to}`, 'data-fen': l.amountFen, 'data-org': l.orgId ?? '' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('trade.settlement.col.line'), key: 'line', render: (_: unknown, l) => <span style={{ whiteSpace: 'nowrap' }}>{lineLabel(t, l.to)}</span> },
        { title: t('trade.settlement.col.to'), key: 'to', render: (_: unknown, l) => nameOf(l.orgId, l.to) },
        { title: t('trade.settlement.col.amount'), key: 'amount', align: 'right', render: (_: unknown, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(l.amountFen)}</span> },
        { title: t('trade.settlement.col.share'), key: 'share', align: 'right', render: (_: unknown, l) => <span style={{ whiteSpace: 'nowrap' }}>{shareOf(l.amountFen, totalFen)}</span> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <Typography.Text strong>{t('trade.settlement.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-total`} data-fen={sum}>
              {formatFen(sum)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {sum === totalFen ? '100 %' : shareOf(sum, totalFen)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/**
 * Insurance (数据保险) and custody (数据托管) attached to contracts by their providers: kind, provider,
 * beneficiary, reference, what is covered, the sum insured, the premium or fee, validity, the
 * document's SHA-256 and when; with `contract`, the contract each belongs to (the provider's list).
 */
export function AttachmentsTable({ items, nameOf, contract = false, testId = 'attachments', pagination = false }: { items: readonly Attachment[]; nameOf(orgId: string): string; contract?: boolean; testId?: string; pagination?: TableProps<Attachment>['pagination'] }) {
  const { t, locale } = useI18n();
  return (
    <Table<Attachment>
      size="small"
      rowKey="id"
      pagination={pagination}
      dataSource={[...items]}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      data-count={items.length}
      locale={{ emptyText: t('trade.attachment.empty') }}
      onRow={(a) => ({ 'data-testid': `attachment-${a.id}`, 'data-kind': a.kind, 'data-reference': a.reference, 'data-negotiation': a.negotiationId, 'data-beneficiary': a.beneficiaryOrgId, 'data-coverage-fen': a.coverageFen ?? '', 'data-premium-fen': a.premiumFen ?? '', 'data-sha256': a.documentSha256 ?? '' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('trade.attachment.col.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => <Tag color={k === 'insurance' ? 'geekblue' : 'purple'}>{attachmentKindLabel(t, k)}</Tag> },
        ...(contract
          ? [{ title: t('trade.attachment.col.contract'), dataIndex: 'negotiationId', key: 'contract', render: (v: string) => <Link to={`/console/exchange/negotiations/${v}`} className="lt-mono">{v}</Link> }]
          : [{ title: t('trade.attachment.col.provider'), dataIndex: 'providerOrgId', key: 'provider', render: (v: string) => nameOf(v) }]),
        { title: t('trade.attachment.col.beneficiary'), dataIndex: 'beneficiaryOrgId', key: 'beneficiary', render: (v: string) => nameOf(v) },
        { title: t('trade.attachment.col.reference'), dataIndex: 'reference', key: 'reference', render: (v: string) => <span className="lt-mono">{v}</span> },
        { title: t('trade.attachment.col.description'), dataIndex: 'description', key: 'description', render: (v: string) => <div style={{ minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}>{v}</div> },
        { title: t('trade.attachment.col.coverage'), dataIndex: 'coverageFen', key: 'coverage', align: 'right', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ? formatFen(v) : '—'}</span> },
        { title: t('trade.attachment.col.premium'), dataIndex: 'premiumFen', key: 'premium', align: 'right', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ? formatFen(v) : '—'}</span> },
        { title: t('trade.attachment.col.validUntil'), dataIndex: 'validUntil', key: 'valid', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? '—'}</span> },
        {
          title: t('trade.attachment.col.sha256'),
          dataIndex: 'documentSha256',
          key: 'sha256',
          render: (v: string | null) => (v ? <Typography.Text className="lt-mono" copyable={{ text: v }} style={{ fontSize: 12 }}>{`${v.slice(0, 16)}…`}</Typography.Text> : '—'),
        },
        { title: t('trade.attachment.col.at'), dataIndex: 'createdAt', key: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
      ]}
    />
  );
}
