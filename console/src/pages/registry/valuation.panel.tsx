/**
 * The valuation reports (价值评估报告) of a registration application, as a card on its page: each
 * report's value, kind (a valuer's appraisal or the applicant's self-estimate), valuer, base date and
 * a link to the report; and "New valuation" when the caller may make one — the applicant's org_admin
 * or staff a self-estimate, a valuer organisation's (service_provider) an appraisal of someone
 * else's asset. The server still decides (valuation.service.ts). Also the pieces the valuation pages
 * share: the report's shape and the display of the API's decimal strings.
 */
import { Alert, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { paths } from '../../api/openapi.schema';
import type { CurrentUser } from '../../access';
import { api, unwrap } from '../../api/api.client';
import { ApiError } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate, hasMessage } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { msg, text } from '../authorization/authorization.view';

export type Valuation = paths['/api/v1/registry/valuations/{valuationId}']['get']['responses'][200]['content']['application/json'];
export type ValuationKind = 'appraisal' | 'self_estimate';
export const VALUATION_METHODS = ['cost', 'income', 'market'] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

type I18nText = { zh: string; en: string };
/** What a sealed report states (valuation.service.ts), as far as the console reads it. */
export interface ValuationReport {
  id?: string;
  kind?: string;
  basis?: string;
  asset?: { applicationId?: string; title?: I18nText; objectKind?: string; registrationNumber?: string | null };
  holder?: { orgId?: string; name?: I18nText };
  valuer?: { orgId?: string; name?: I18nText };
  baseDate?: string;
  inputs?: { cost?: Record<string, unknown> | null; income?: Record<string, unknown> | null; market?: Record<string, unknown> | null; weights?: Record<string, string> | null };
  result?: { methods?: Partial<Record<ValuationMethod, Record<string, unknown>>>; reconciliation?: Record<string, unknown> };
  valueFen?: string;
  opinion?: string | null;
  issuedAt?: string;
}
export const reportOf = (v: Valuation): ValuationReport => (v.report ?? {}) as ValuationReport;

const writer = (u: CurrentUser) => u.memberRole === 'org_admin' || u.memberRole === 'staff';

/**
 * Which kind of report the caller may make on an application (mirrors valuation.service.ts create):
 * the applicant's org_admin or staff a self-estimate; a valuer organisation's (service_provider),
 * not the applicant, an appraisal. `applicantOrgId` null: the caller is no party to the application.
 */
export function valuationKindsFor(me: CurrentUser | null, applicantOrgId: string | null): ValuationKind[] {
  if (!me || !writer(me)) return [];
  if (applicantOrgId !== null && me.orgId === applicantOrgId) return ['self_estimate'];
  return me.orgRoles.includes('service_provider') ? ['appraisal'] : [];
}

/** A label from a vocabulary of these pages (`valuation.kind.appraisal` …), the code itself when unknown. */
export const label = (t: Translate, prefix: string, code: string | null | undefined): string => {
  if (code === null || code === undefined || code === '') return '—';
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? msg(t, key) : code;
};

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A decimal string of the API ("1113000.375000") for reading: thousands grouped, trailing zeros of
 * the fraction dropped (never a digit that carries value), at least `minDecimals` places kept.
 * Anything that is not a decimal is shown as it is.
 */
export function decimalText(value: unknown, minDecimals = 0): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  let frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, '0');
  return `${m[1]}${group(m[2]!)}${frac ? `.${frac}` : ''}`;
}

/** Yuan of the API ("1113000.375000") as money: `¥1,113,000.375` (at least two decimals). */
export function yuanText(value: unknown): string {
  const d = decimalText(value, 2);
  if (d === '—' || !/^-?[\d,]+(\.\d+)?$/.test(d)) return d;
  return d.startsWith('-') ? `-¥${d.slice(1)}` : `¥${d}`;
}

export function ValuationKindTag({ t, kind }: { t: Translate; kind: string }) {
  return (
    <Tag color={kind === 'appraisal' ? 'blue' : 'gold'} data-testid="valuation-kind" data-kind={kind}>
      {label(t, 'valuation.kind', kind)}
    </Tag>
  );
}

/** The application's reports; a 404 (a valuer that made none yet, not a party) lists none. */
export function ValuationPanel({ application }: { application: { id: string; applicantOrgId: string } }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const list = useApiResource(`registry-valuations-${application.id}`, async () => {
    try {
      return (await unwrap(api.GET('/api/v1/registry/applications/{applicationId}/valuations', { params: { path: { applicationId: application.id } } }))).items;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return [];
      throw err;
    }
  });
  const kinds = valuationKindsFor(me ?? null, application.applicantOrgId);
  const items = list.data ?? [];
  const columns: TableProps<Valuation>['columns'] = [
    {
      title: t('valuation.col.value'),
      key: 'value',
      render: (_: unknown, v: Valuation) => (
        <Link to={`/console/registry/valuations/${v.id}`} data-testid={`valuation-link-${v.id}`} style={{ whiteSpace: 'nowrap' }}>
          {formatFen(v.valueFen)}
        </Link>
      ),
    },
    { title: t('valuation.col.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => <ValuationKindTag t={t} kind={k} /> },
    { title: t('valuation.col.valuer'), key: 'valuer', render: (_: unknown, v: Valuation) => text(reportOf(v).valuer?.name, locale) },
    { title: t('valuation.col.baseDate'), dataIndex: 'baseDate', key: 'baseDate', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
    { title: t('valuation.col.issuedAt'), dataIndex: 'createdAt', key: 'createdAt', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(d, locale)}</span> },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_: unknown, v: Valuation) => <Link to={`/console/registry/valuations/${v.id}`}>{t('valuation.panel.open')}</Link>,
    },
  ];
  return (
    <Card
      title={t('valuation.panel.title')}
      data-testid="valuation-panel"
      data-count={list.data ? items.length : ''}
      extra={
        kinds.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/console/registry/applications/${application.id}/valuations/new`)} data-testid="valuation-new">
            {t('valuation.panel.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('valuation.panel.intro')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} data-testid="valuation-panel-error" />}
      {list.data && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('valuation.panel.none')} />
      ) : (
        <Table<Valuation> rowKey="id" size="small" loading={list.loading} columns={columns} dataSource={items} pagination={false} scroll={{ x: 'max-content' }} data-testid="valuation-table" />
      )}
    </Card>
  );
}
