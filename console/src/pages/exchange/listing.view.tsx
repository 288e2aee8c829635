/**
 * Shared pieces of the listing pages (挂牌) in the console and on the portal: the API's shapes,
 * the vocabularies' labels, the status tag, the price in yuan, the sample (a small table for CSV,
 * the text for JSON), the usage policy with its ODRL reading, and an assessment's checklist.
 */
import { Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { paths } from '../../api/openapi.schema';
import type { Translate } from '../../i18n/i18n.context';
import { useI18n } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';
import { formatFen } from '../../format/money.format';
import { CHECKLIST_ITEMS, odrlSummary, parseCsv, prettyJson, type Pricing, type UsagePolicy } from './listing.rules';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Listing = Json<'/api/v1/exchange/listings/{listingId}', 'get'>;
export type ListingSummary = Json<'/api/v1/exchange/listings', 'get'>['items'][number];
export type PublicListing = Json<'/api/v1/public/exchange/listings/{listingId}', 'get'>;

const msg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
export const categoryLabel = (t: Translate, c: string) => msg(t, `exchange.category.${c}`);
export const regionLabel = (t: Translate, r: string) => msg(t, `exchange.region.${r}`);
export const dataKindLabel = (t: Translate, k: string) => msg(t, `exchange.dataKind.${k}`);
export const deliveryLabel = (t: Translate, d: string) => msg(t, `exchange.delivery.${d}`);
export const pricingLabel = (t: Translate, m: string) => msg(t, `exchange.pricing.${m}`);
export const periodLabel = (t: Translate, p: string) => msg(t, `exchange.period.${p}`);
export const sampleKindLabel = (t: Translate, k: string) => msg(t, `exchange.sampleKind.${k}`);
export const mediaTypeLabel = (t: Translate, m: string) => msg(t, m === 'application/json' ? 'exchange.mediaType.json' : 'exchange.mediaType.csv');
export const listingStatusLabel = (t: Translate, s: string) => msg(t, `exchange.listing.status.${s}`);
export const checklistLabel = (t: Translate, item: string) => msg(t, `exchange.checklist.${item}`);
export const listingActionLabel = (t: Translate, a: string) => msg(t, `exchange.listing.action.${a}`);
export const problemLabel = (t: Translate, p: string) => msg(t, `exchange.problem.${p}`);

const STATUS_COLOURS: Record<string, string> = {
  draft: 'default', assessing: 'blue', assessed: 'cyan', submitted: 'gold', listed: 'green', suspended: 'orange', delisted: 'red', withdrawn: 'default',
};

export function ListingStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-status={status} data-testid={testId}>
      {listingStatusLabel(t, status)}
    </Tag>
  );
}

/** The price in one line, in yuan: `¥12.50（一次性）`, `¥300.00 / 月`, `¥0.08 / 次起（阶梯）`, `面议`. */
export function priceText(t: Translate, p: Pricing): string {
  switch (p.model) {
    case 'one_off':
      return t('exchange.price.one_off', { amount: formatFen(p.amountFen) });
    case 'subscription':
      return t('exchange.price.subscription', { amount: formatFen(p.amountFen), period: periodLabel(t, p.period) });
    case 'per_call':
      return t('exchange.price.per_call', { amount: formatFen(p.amountFen) });
    case 'tiered': {
      const lowest = p.tiers.map((x) => BigInt(x.amountFen)).reduce((a, b) => (b < a ? b : a));
      return t('exchange.price.tiered', { amount: formatFen(lowest.toString()) });
    }
    default:
      return t('exchange.price.quote');
  }
}

/** The price, with the tiers line by line for a tiered price. */
export function PriceView({ pricing, testId }: { pricing: Pricing; testId?: string }) {
  const { t } = useI18n();
  if (pricing.model !== 'tiered') return <span data-testid={testId}>{priceText(t, pricing)}</span>;
  let from = 1;
  return (
    <div data-testid={testId}>
      <div>{priceText(t, pricing)}</div>
      {pricing.tiers.map((tier, i) => {
        const line = tier.upTo === null
          ? t('exchange.price.tierOver', { from, amount: formatFen(tier.amountFen) })
          : t('exchange.price.tierUpTo', { from, upTo: tier.upTo, amount: formatFen(tier.amountFen) });
        from = (tier.upTo ?? from) + 1;
        return (
          <Typography.Text key={i} type="secondary" style={{ display: 'block' }}>
            {line}
          </Typography.Text>
        );
      })}
    </div>
  );
}

/** A sample: CSV as a small table (header row first), JSON pretty-printed. */
export function SampleView({ sample }: { sample: { kind: string; mediaType: string; content: string } }) {
  const { t } = useI18n();
  if (sample.mediaType === 'text/csv') {
    const MAX = 20;
    const [header = [], ...rows] = parseCsv(sample.content, MAX + 1);
    const width = Math.max(header.length, ...rows.map((r) => r.length));
    const columns = Array.from({ length: width }, (_, i) => ({ title: header[i] ?? '', dataIndex: String(i), key: String(i), render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> }));
    const data = rows.map((r, k) => ({ key: k, ...Object.fromEntries(r.map((c, i) => [String(i), c])) }));
    return (
      <div data-testid="listing-sample" data-media-type={sample.mediaType}>
        <Table size="small" columns={columns} dataSource={data} pagination={false} scroll={{ x: 'max-content' }} bordered />
        {rows.length >= MAX && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('exchange.listing.sampleRows', { n: MAX })}
          </Typography.Text>
        )}
      </div>
    );
  }
  return (
    <pre className="lt-mono" data-testid="listing-sample" data-media-type={sample.mediaType} style={{ maxHeight: 360, overflow: 'auto', background: '#fafafa', padding: 12, margin: 0 }}>
      {prettyJson(sample.content)}
    </pre>
  );
}

/** The usage policy: purposes, period, uses, the flags, and what ODRL makes of them. */
export function PolicyView({ policy }: { policy: UsagePolicy }) {
  const { t } = useI18n();
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <>
      <Descriptions column={1} size="small" data-testid="listing-policy">
        <Descriptions.Item label={t('exchange.listingForm.purposes')}>
          <Space wrap size={[4, 4]}>
            {policy.purposes.map((p) => <Tag key={p}>{p}</Tag>)}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.listingForm.periodDays')}>{t('exchange.listing.periodDays', { days: policy.periodDays })}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.listingForm.maxUses')}>{policy.maxUses === null ? t('exchange.listing.unlimited') : t('exchange.listing.maxUses', { n: policy.maxUses })}</Descriptions.Item>
        {policy.fields && policy.fields.length > 0 && (
          <Descriptions.Item label={t('exchange.listing.apiFields')}>
            <Space wrap size={[4, 4]} data-testid="listing-policy-fields" data-fields={policy.fields.join(',')}>
              {policy.fields.map((f) => <Tag key={f} className="lt-mono">{f}</Tag>)}
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('exchange.policy.noResale')}>{yes(policy.noResale)}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.policy.mainlandOnly')}>{yes(policy.mainlandOnly)}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.policy.noReidentification')}>{yes(policy.noReidentification)}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.policy.destructionRequired')}>{yes(policy.destructionRequired)}</Descriptions.Item>
      </Descriptions>
      <OdrlView policy={policy} />
    </>
  );
}

/** The offer as ODRL reads it: permission with constraints, prohibitions, duties. */
export function OdrlView({ policy }: { policy: UsagePolicy }) {
  const { t } = useI18n();
  const o = odrlSummary(policy, t('exchange.sep.list'));
  const list = t('exchange.sep.list');
  return (
    <div data-testid="listing-odrl-summary" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('exchange.odrl.title')}</Typography.Text>
      <List
        size="small"
        split={false}
        dataSource={[
          `${t('exchange.odrl.permission')} ${o.constraints.map((c) => msg(t, `exchange.odrl.${c.operand}`, { value: c.value })).join(t('exchange.sep.clause'))}`,
          `${t('exchange.odrl.prohibited')} ${o.prohibitions.length ? o.prohibitions.map((p) => msg(t, `exchange.odrl.${p}`)).join(list) : t('exchange.odrl.none')}`,
          `${t('exchange.odrl.duty')} ${o.duties.length ? o.duties.map((d) => msg(t, `exchange.odrl.${d}`)).join(list) : t('exchange.odrl.none')}`,
        ]}
        renderItem={(line) => <List.Item style={{ paddingLeft: 0 }}>{line}</List.Item>}
      />
    </div>
  );
}

/** An assessment's checklist: each item, passed or not, with its note. */
export function ChecklistTable({ checklist, testId }: { checklist: Record<string, { passed?: boolean; note?: string }>; testId?: string }) {
  const { t } = useI18n();
  const rows = CHECKLIST_ITEMS.map((item) => ({ item, passed: checklist[item]?.passed ?? false, note: checklist[item]?.note ?? '' }));
  return (
    <Table
      size="small"
      rowKey="item"
      data-testid={testId}
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('exchange.assessments.item'), dataIndex: 'item', key: 'item', render: (i: string) => <span style={{ whiteSpace: 'nowrap' }}>{checklistLabel(t, i)}</span> },
        {
          title: t('exchange.assessments.result'),
          dataIndex: 'passed',
          key: 'passed',
          render: (p: boolean) => (p ? <Tag icon={<CheckCircleFilled />} color="green">{t('exchange.assessments.passed')}</Tag> : <Tag icon={<CloseCircleFilled />} color="red">{t('exchange.assessments.failed')}</Tag>),
        },
        { title: t('exchange.assessments.note'), dataIndex: 'note', key: 'note', render: (n: string) => n || '—' },
      ]}
    />
  );
}
