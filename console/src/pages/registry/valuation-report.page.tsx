/**
 * One valuation report (价值评估报告), for the applicant, its valuer and the overseers: the asset,
 * holder and valuer, the base date (评估基准日) and the value; each method used with its inputs and
 * every intermediate figure the API computed — the cost method's replacement cost and adjustment
 * factor, the income method's yearly income, discount factors and present values, the market
 * method's adjusted comparables — and their reconciliation; the opinion; the valuer's electronic seal
 * (algorithm, key, digest) and the server's check of it. "Print" prints the report alone: the page's
 * print style hides the console around it. Anyone else gets the not-found message (the API's 404).
 */
import { Alert, Button, Card, Descriptions, Empty, Skeleton, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { ApiError } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { formatFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { msg, text } from '../authorization/authorization.view';
import { decimalText, label, reportOf, ValuationKindTag, VALUATION_METHODS, yuanText, type Valuation, type ValuationMethod } from './valuation.panel';

/** Printing shows the report alone: no menu, header or page actions; no card chrome. */
const PRINT_CSS = `
@media print {
  @page { margin: 14mm; }
  .ant-layout-sider, .lt-sider, .ant-layout-header, .lt-console-header, .lt-no-print, .ant-message, .ant-notification { display: none !important; }
  .lt-valuation-page > :not(.lt-valuation-report) { display: none !important; }
  html, body, .ant-layout, .lt-console { background: #fff !important; min-height: 0 !important; }
  .lt-console-content { padding: 0 !important; }
  .lt-valuation-report { border: none !important; box-shadow: none !important; }
  .lt-valuation-report > .ant-card-body { padding: 0 !important; }
  .lt-valuation-report .ant-card { break-inside: avoid; }
  .lt-valuation-report tr { break-inside: avoid; }
  .lt-valuation-report .ant-table-content { overflow: visible !important; }
}
`;

type Row = Record<string, unknown>;
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Row[]) : []);
const obj = (v: unknown): Row => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : {});
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const nowrap = (s: string) => <span style={{ whiteSpace: 'nowrap' }}>{s}</span>;

export default function ValuationReportPage() {
  const { valuationId = '' } = useParams();
  const { t } = useI18n();
  const res = useApiResource(`valuation-${valuationId}`, async (): Promise<Valuation | 'not_found'> => {
    try {
      return await unwrap(api.GET('/api/v1/registry/valuations/{valuationId}', { params: { path: { valuationId } } }));
    } catch (err) {
      // Not the applicant's, the valuer's or an overseer's (or no such report): the API answers 404.
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return 'not_found';
      throw err;
    }
  });
  const v = res.data === 'not_found' || (res.data && res.data.id === valuationId) ? res.data : undefined;
  if (res.loading && !v) return <Skeleton active />;
  if (v === 'not_found') return <Alert type="error" showIcon title={t('valuation.report.notFound')} description={t('valuation.report.notFoundText')} data-testid="valuation-not-found" />;
  if (!v) return <Alert type="error" showIcon title={res.error} data-testid="valuation-load-error" />;
  return <ReportView v={v} reload={res.reload} reloading={res.loading} />;
}

function ReportView({ v, reload, reloading }: { v: Valuation; reload(): void; reloading: boolean }) {
  const { t, locale } = useI18n();
  const r = reportOf(v);
  const methods = r.result?.methods ?? {};
  const used = VALUATION_METHODS.filter((m) => methods[m]);
  const reconciliation = r.result?.reconciliation;
  return (
    <div className="lt-valuation-page" data-testid="valuation-page" data-id={v.id}>
      <style>{PRINT_CSS}</style>
      <div className="lt-page-header lt-no-print">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('menu.registry.valuation')}
          </Typography.Title>
          <ValuationKindTag t={t} kind={v.kind} />
        </Space>
        <Space wrap>
          <Link to={`/console/registry/applications/${v.applicationId}`} data-testid="valuation-to-application">
            {t('valuation.form.toApplication')}
          </Link>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="valuation-print">
            {t('valuation.report.print')}
          </Button>
          <Button icon={<ReloadOutlined />} loading={reloading} onClick={reload} aria-label={t('valuation.report.reload')} />
        </Space>
      </div>
      <Card className="lt-valuation-report" data-testid="valuation-report" data-kind={v.kind} data-value-fen={v.valueFen}>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ textAlign: 'center' }}>
            <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="valuation-report-title">
              {v.kind === 'self_estimate' ? t('valuation.report.titleSelf') : t('valuation.report.title')}
            </Typography.Title>
            <Typography.Text type="secondary" className="lt-mono">
              {t('valuation.report.number', { id: v.id })}
            </Typography.Text>
          </div>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="valuation-facts">
            <Descriptions.Item label={t('valuation.field.asset')} span={2}>
              <span data-testid="valuation-asset">{text(r.asset?.title, locale)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.registrationNumber')}>
              <span className="lt-mono">{r.asset?.registrationNumber ?? t('valuation.form.unregistered')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.objectKind')}>{label(t, 'registry.objectKind', r.asset?.objectKind)}</Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.holder')}>
              <span data-testid="valuation-holder">{text(r.holder?.name, locale)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.valuer')}>
              <span data-testid="valuation-valuer">{text(r.valuer?.name, locale)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.kind')}>{label(t, 'valuation.kind', v.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.baseDate')}>
              <span data-testid="valuation-base-date">{v.baseDate}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.methods')}>{used.map((m) => label(t, 'valuation.method', m)).join(t('valuation.report.listSeparator')) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.issuedAt')}>{formatTime(r.issuedAt ?? v.createdAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('valuation.field.basis')} span={2}>
              {r.basis ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" type="inner">
            <Typography.Text type="secondary">{t('valuation.report.value')}</Typography.Text>
            <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.4 }} data-testid="valuation-value" data-fen={v.valueFen}>
              {formatFen(v.valueFen)}
            </div>
            <Typography.Text type="secondary">{used.length > 1 ? t('valuation.report.valueReconciled') : t('valuation.report.valueSingle')}</Typography.Text>
          </Card>
          {methods.cost && <CostSection t={t} m={methods.cost} />}
          {methods.income && <IncomeSection t={t} m={methods.income} inputs={obj(r.inputs?.income)} />}
          {methods.market && <MarketSection t={t} m={methods.market} />}
          {reconciliation && <ReconciliationSection t={t} rec={reconciliation} />}
          <Card size="small" type="inner" title={t('valuation.field.opinion')}>
            {r.opinion ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="valuation-opinion">
                {r.opinion}
              </Typography.Paragraph>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('valuation.report.noOpinion')} />
            )}
          </Card>
          <SealSection t={t} v={v} locale={locale} />
          <Typography.Text type="secondary">{t('common.timeZoneNote')}</Typography.Text>
        </Space>
      </Card>
    </div>
  );
}

/** A method's value: as computed (yuan, six places) and rounded half up to the fen. */
function MethodValue({ t, m, method }: { t: Translate; m: Row; method: ValuationMethod }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginTop: 12 }}>
      <Descriptions.Item label={t('valuation.report.methodValueExact')}>{nowrap(yuanText(m.valueYuan))}</Descriptions.Item>
      <Descriptions.Item label={t('valuation.report.methodValue')}>
        <Typography.Text strong data-testid={`valuation-method-value-${method}`}>
          {formatFen(str(m.valueFen))}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

function CostSection({ t, m }: { t: Translate; m: Row }) {
  const items = rows(m.items);
  const adj = obj(m.adjustment);
  const dims = rows(adj.dimensions);
  const itemColumns: TableProps<Row>['columns'] = [
    { title: t('valuation.cost.kind'), key: 'kind', render: (_: unknown, x: Row) => label(t, 'valuation.costKind', str(x.kind)) },
    { title: t('valuation.cost.label'), key: 'label', render: (_: unknown, x: Row) => str(x.label) || '—' },
    { title: t('valuation.cost.amount'), key: 'amount', align: 'right', render: (_: unknown, x: Row) => nowrap(yuanText(x.amountYuan)) },
  ];
  const dimColumns: TableProps<Row>['columns'] = [
    { title: t('valuation.cost.dimension'), key: 'dimension', render: (_: unknown, x: Row) => label(t, 'valuation.dimension', str(x.dimension)) },
    { title: t('valuation.cost.score'), key: 'score', align: 'right', render: (_: unknown, x: Row) => decimalText(x.score) },
    { title: t('valuation.cost.weight'), key: 'weight', align: 'right', render: (_: unknown, x: Row) => decimalText(x.weight) },
    { title: t('valuation.cost.weightedScore'), key: 'weighted', align: 'right', render: (_: unknown, x: Row) => decimalText(x.weightedScore) },
  ];
  return (
    <Card size="small" type="inner" title={t('valuation.method.cost')} data-testid="valuation-method-cost">
      <Typography.Paragraph type="secondary">{t('valuation.cost.formula')}</Typography.Paragraph>
      <Table<Row> rowKey={(_, i) => String(i)} size="small" columns={itemColumns} dataSource={items} pagination={false} scroll={{ x: 'max-content' }} data-testid="valuation-cost-items" />
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('valuation.cost.replacementCost')}>
          <span data-testid="valuation-replacement-cost">{nowrap(yuanText(m.replacementCostYuan))}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('valuation.cost.adjustment')}>{msg(t, adj.kind === 'remaining_life' ? 'valuation.adjustment.remaining_life' : 'valuation.adjustment.quality')}</Descriptions.Item>
        {adj.kind === 'remaining_life' && (
          <>
            <Descriptions.Item label={t('valuation.cost.remainingYears')}>{decimalText(adj.remainingYears)}</Descriptions.Item>
            <Descriptions.Item label={t('valuation.cost.totalYears')}>{decimalText(adj.totalYears)}</Descriptions.Item>
          </>
        )}
        {adj.kind === 'quality' && <Descriptions.Item label={t('valuation.cost.compositeScore')}>{decimalText(adj.compositeScore)}</Descriptions.Item>}
        <Descriptions.Item label={t('valuation.cost.factor')}>
          <span data-testid="valuation-cost-factor">{decimalText(adj.factor)}</span>
        </Descriptions.Item>
      </Descriptions>
      {adj.kind === 'quality' && dims.length > 0 && (
        <Table<Row> style={{ marginTop: 12 }} rowKey={(x) => str(x.dimension)} size="small" columns={dimColumns} dataSource={dims} pagination={false} scroll={{ x: 'max-content' }} />
      )}
      <MethodValue t={t} m={m} method="cost" />
    </Card>
  );
}

function IncomeSection({ t, m, inputs }: { t: Translate; m: Row; inputs: Row }) {
  const years = rows(m.years);
  const bounds = rows(inputs.lifeBounds);
  const basisKeys = [...new Set(years.flatMap((y) => Object.keys(obj(y.basis))))];
  const columns: TableProps<Row>['columns'] = [
    { title: t('valuation.income.yearCol'), key: 'year', render: (_: unknown, y: Row) => str(y.year) },
    ...basisKeys.map((k) => ({ title: label(t, 'valuation.basis', k), key: `basis-${k}`, align: 'right' as const, render: (_: unknown, y: Row) => nowrap(yuanText(obj(y.basis)[k])) })),
    { title: t('valuation.income.incomeCol'), key: 'income', align: 'right', render: (_: unknown, y: Row) => nowrap(yuanText(y.incomeYuan)) },
    { title: t('valuation.income.exponentCol'), key: 'exponent', align: 'right', render: (_: unknown, y: Row) => str(y.exponent) },
    { title: t('valuation.income.factorCol'), key: 'factor', align: 'right', render: (_: unknown, y: Row) => decimalText(y.discountFactor) },
    { title: t('valuation.income.discountedCol'), key: 'discounted', align: 'right', render: (_: unknown, y: Row) => nowrap(yuanText(y.discountedYuan)) },
  ];
  return (
    <Card size="small" type="inner" title={t('valuation.method.income')} data-testid="valuation-method-income">
      <Typography.Paragraph type="secondary">{t('valuation.income.formula')}</Typography.Paragraph>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('valuation.income.variant')}>{label(t, 'valuation.variant', str(m.variant))}</Descriptions.Item>
        <Descriptions.Item label={t('valuation.income.discountRate')}>{decimalText(m.discountRate)}</Descriptions.Item>
        <Descriptions.Item label={t('valuation.income.timing')}>{label(t, 'valuation.timing', str(m.timing))}</Descriptions.Item>
        <Descriptions.Item label={t('valuation.income.economicLife')}>{t('valuation.report.years', { years: str(m.economicLifeYears) })}</Descriptions.Item>
        {m.royaltyRate !== undefined && <Descriptions.Item label={t('valuation.income.royaltyRate')}>{decimalText(m.royaltyRate)}</Descriptions.Item>}
        {bounds.length > 0 && (
          <Descriptions.Item label={t('valuation.income.lifeBounds')} span={2}>
            <Space orientation="vertical" size={2}>
              {bounds.map((b, i) => (
                <span key={i}>
                  {t('valuation.report.bound', { basis: label(t, 'valuation.lifeBasis', str(b.basis)), years: str(b.years) })}
                  {b.note ? ` · ${str(b.note)}` : ''}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table<Row> rowKey={(y) => str(y.year)} size="small" columns={columns} dataSource={years} pagination={false} scroll={{ x: 'max-content' }} data-testid="valuation-income-years" />
      <MethodValue t={t} m={m} method="income" />
    </Card>
  );
}

function MarketSection({ t, m }: { t: Translate; m: Row }) {
  const comparables = rows(m.comparables);
  const coefficients = ['quality', 'supplyDemand', 'date', 'volume', 'other'];
  const columns: TableProps<Row>['columns'] = [
    { title: t('valuation.market.id'), key: 'id', render: (_: unknown, c: Row) => str(c.id) },
    { title: t('valuation.market.price'), key: 'price', align: 'right', render: (_: unknown, c: Row) => nowrap(yuanText(c.priceYuan)) },
    ...coefficients.map((k) => ({ title: label(t, 'valuation.coefficient', k), key: k, align: 'right' as const, render: (_: unknown, c: Row) => decimalText(obj(c.coefficients)[k]) })),
    { title: t('valuation.market.combined'), key: 'combined', align: 'right', render: (_: unknown, c: Row) => decimalText(c.combinedCoefficient) },
    { title: t('valuation.market.adjusted'), key: 'adjusted', align: 'right', render: (_: unknown, c: Row) => nowrap(yuanText(c.adjustedYuan)) },
    { title: t('valuation.market.weight'), key: 'weight', align: 'right', render: (_: unknown, c: Row) => decimalText(c.weight) },
  ];
  return (
    <Card size="small" type="inner" title={t('valuation.method.market')} data-testid="valuation-method-market">
      <Typography.Paragraph type="secondary">{t('valuation.market.formula')}</Typography.Paragraph>
      <Table<Row> rowKey={(c, i) => `${str(c.id)}-${i}`} size="small" columns={columns} dataSource={comparables} pagination={false} scroll={{ x: 'max-content' }} data-testid="valuation-market-comparables" />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {m.weighting === 'explicit' ? t('valuation.market.weightingExplicit') : t('valuation.market.weightingEqual')}
      </Typography.Paragraph>
      <MethodValue t={t} m={m} method="market" />
    </Card>
  );
}

function ReconciliationSection({ t, rec }: { t: Translate; rec: Row }) {
  const columns: TableProps<Row>['columns'] = [
    { title: t('valuation.reconciliation.method'), key: 'method', render: (_: unknown, x: Row) => label(t, 'valuation.method', str(x.method)) },
    { title: t('valuation.reconciliation.value'), key: 'value', align: 'right', render: (_: unknown, x: Row) => nowrap(yuanText(x.valueYuan)) },
    { title: t('valuation.reconciliation.weight'), key: 'weight', align: 'right', render: (_: unknown, x: Row) => decimalText(x.weight) },
    { title: t('valuation.reconciliation.weighted'), key: 'weighted', align: 'right', render: (_: unknown, x: Row) => nowrap(yuanText(x.weightedYuan)) },
  ];
  return (
    <Card size="small" type="inner" title={t('valuation.reconciliation.title')} data-testid="valuation-reconciliation">
      <Typography.Paragraph type="secondary">{t('valuation.reconciliation.formula')}</Typography.Paragraph>
      <Table<Row> rowKey={(x) => str(x.method)} size="small" columns={columns} dataSource={rows(rec.methods)} pagination={false} scroll={{ x: 'max-content' }} />
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('valuation.report.methodValueExact')}>{nowrap(yuanText(rec.valueYuan))}</Descriptions.Item>
        <Descriptions.Item label={t('valuation.report.value')}>
          <Typography.Text strong>{formatFen(str(rec.valueFen))}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The valuer's electronic seal over the report, and the server's check: digest, key and signature. */
function SealSection({ t, v, locale }: { t: Translate; v: Valuation; locale: string }) {
  const seal = obj(v.seal);
  const check = v.sealCheck;
  const reason = check && !check.valid ? str((check as Row).reason) : '';
  return (
    <Card size="small" type="inner" title={t('valuation.seal.title')} data-testid="valuation-seal">
      {check ? (
        <Alert
          type={check.valid ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="valuation-seal-check"
          data-valid={String(check.valid)}
          title={check.valid ? t('valuation.seal.valid') : t('valuation.seal.invalid')}
          description={check.valid ? t('valuation.seal.validText') : t('valuation.seal.invalidText', { reason: label(t, 'valuation.sealReason', reason) })}
        />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="valuation-seal-check" data-valid="unknown" title={t('valuation.seal.unchecked')} />
      )}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('valuation.seal.alg')}>
          <span className="lt-mono" data-testid="valuation-seal-alg">
            {str(seal.alg) || '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('valuation.seal.kid')}>
          <span className="lt-mono" data-testid="valuation-seal-kid">
            {str(seal.kid) || '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('valuation.seal.digest')}>
          <span className="lt-mono" data-testid="valuation-seal-digest">
            {str(seal.digest) || '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('valuation.seal.signer')}>
          <span className="lt-mono">{str(seal.signer) || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('valuation.seal.signedAt')}>{formatTime(str(seal.signedAt) || null, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('valuation.seal.signature')}>
          <span className="lt-mono" style={{ fontSize: 12 }}>
            {str(seal.signature) || '—'}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

