/**
 * Data assets on the books (数据资产入表, 财政部《企业数据资源相关会计处理暂行规定》财会〔2023〕11号), for an
 * enterprise: its registered assets recognised — each with its class (存货 inventory, 无形资产
 * intangible asset, 开发支出 development expenditure, or expensed), source (外购 / 自行开发 / 其他),
 * capitalized cost and its lines, the day recognised, the useful life, the monthly straight-line
 * amortization (摊销) and the carrying amount (账面价值) now; a form to recognise one of its registered
 * applications from the facts (how it is held and acquired, whether it meets the recognition
 * conditions, the R&D phase), the cost lines, the day, the life and the residual value; and the
 * year's disclosure tables by class and source, exportable as XLSX (the API's workbook).
 */
import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { FormRule, TableProps } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { paths } from '../../api/openapi.schema';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatFen, yuanToFen } from '../../format/money.format';
import { shanghaiDate } from '../authorization/agreement.rules';
import { text } from '../authorization/authorization.view';
import { label } from './valuation.panel';
import { download, fileNameOf } from '../../format/file.transfer';

type AccountingAsset = paths['/api/v1/registry/accounting/assets']['get']['responses'][200]['content']['application/json']['items'][number];
type Disclosure = paths['/api/v1/registry/accounting/disclosure']['get']['responses'][200]['content']['application/json'];
type DisclosureRow = Disclosure['tables'][number]['rows'][number];

export type AssetClass = 'inventory' | 'intangible' | 'development' | 'expensed';
const CLASS_COLOURS: Record<string, string> = { inventory: 'blue', intangible: 'green', development: 'purple', expensed: 'default' };
/** 财会〔2023〕11号 二(一): the capitalizable costs of a purchased data resource; the processing ones only when directly attributable. */
const CAPITALIZABLE = ['price', 'taxes', 'desensitisation', 'cleaning', 'labelling', 'integration', 'analysis', 'visualisation', 'ownership_verification', 'quality_assessment', 'registration_settlement', 'security_management'] as const;
const PROCESSING: readonly string[] = ['desensitisation', 'cleaning', 'labelling', 'integration', 'analysis', 'visualisation'];
/** Other costs: capitalized for a resource developed or acquired otherwise, expensed for a purchased one. */
const OTHER_COSTS = ['labour', 'compute', 'training', 'advertising', 'administration', 'other'] as const;
const COST_KINDS = [...CAPITALIZABLE, ...OTHER_COSTS];

export interface Facts {
  holding?: 'for_sale' | 'internal_use';
  acquisition?: 'purchased' | 'self_developed' | 'other';
  meetsRecognition?: boolean;
  rdPhase?: 'research' | 'development';
  readyForIntendedUse?: boolean;
}

/** The class the facts lead to (mirrors accounting.rules.ts classifyDataResource); null while facts are missing. */
export function expectedClass(f: Facts): AssetClass | null {
  if (!f.holding || !f.acquisition) return null;
  if (f.holding === 'for_sale') return f.meetsRecognition ? 'inventory' : 'expensed';
  if (f.acquisition === 'self_developed') {
    if (f.rdPhase === 'research') return 'expensed';
    if (f.rdPhase !== 'development') return null;
    if (!f.meetsRecognition) return 'expensed';
    return f.readyForIntendedUse ? 'intangible' : 'development';
  }
  return f.meetsRecognition ? 'intangible' : 'expensed';
}
const rdApplies = (f: Facts) => f.holding === 'internal_use' && f.acquisition === 'self_developed';

interface CostItemValues {
  kind?: string;
  label?: string;
  amount?: string;
  notDirectlyAttributable?: boolean;
  afterReadyForUse?: boolean;
}
interface RecogniseValues {
  applicationId?: string;
  facts: Facts;
  costItems: CostItemValues[];
  recognizedOn: string;
  lifeYears?: number | null;
  startMonth?: string;
  residual?: string;
}

/** The request body from the form; amounts typed in yuan become fen. */
export function recogniseBody(v: RecogniseValues) {
  const f = v.facts;
  const rd = rdApplies(f);
  const purchased = f.acquisition === 'purchased';
  const residual = (v.residual ?? '').trim() ? yuanToFen(v.residual ?? '') : null;
  return {
    applicationId: v.applicationId ?? '',
    facts: {
      holding: f.holding!,
      acquisition: f.acquisition!,
      meetsRecognition: !!f.meetsRecognition,
      ...(rd && f.rdPhase ? { rdPhase: f.rdPhase } : {}),
      ...(rd && f.rdPhase === 'development' ? { readyForIntendedUse: !!f.readyForIntendedUse } : {}),
    },
    costItems: (v.costItems ?? []).map((c) => ({
      kind: c.kind ?? '',
      ...(c.label?.trim() ? { label: c.label.trim() } : {}),
      amountFen: yuanToFen(c.amount ?? '') ?? '',
      ...(purchased && PROCESSING.includes(c.kind ?? '') && c.notDirectlyAttributable ? { directlyAttributable: false } : {}),
      ...(purchased && c.afterReadyForUse ? { afterReadyForUse: true } : {}),
    })),
    recognizedOn: v.recognizedOn.trim(),
    ...(expectedClass(f) === 'intangible'
      ? { ...(v.lifeYears ? { lifeYears: v.lifeYears } : {}), ...(v.startMonth?.trim() ? { startMonth: v.startMonth.trim() } : {}), ...(residual ? { residualFen: residual } : {}) }
      : {}),
  };
}

type Schedule = { months: number; monthlyFen: string; lastMonthFen: string; firstMonth: string; lastMonth: string };
const scheduleOf = (a: AccountingAsset): Schedule | null => {
  const s = a.schedule as Partial<Schedule> | null;
  return s && typeof s.months === 'number' && typeof s.monthlyFen === 'string' && typeof s.firstMonth === 'string' ? (s as Schedule) : null;
};
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Accumulated amortization and carrying amount (账面价值) at the end of `month` ('YYYY-MM'), in fen. */
export function bookValueAt(a: AccountingAsset, month: string): { accumulatedFen: string; carryingFen: string } {
  const cost = BigInt(a.capitalizedFen);
  const s = scheduleOf(a);
  if (a.class !== 'intangible' || !s) return { accumulatedFen: '0', carryingFen: cost.toString() };
  const n = Math.max(0, Math.min(s.months, monthIndex(month) - monthIndex(s.firstMonth) + 1));
  const accumulated = BigInt(s.monthlyFen) * BigInt(Math.min(n, s.months - 1)) + (n === s.months ? BigInt(s.lastMonthFen) : 0n);
  return { accumulatedFen: accumulated.toString(), carryingFen: (cost - accumulated).toString() };
}

const money = (fen: unknown) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(fen === null || fen === undefined ? null : String(fen))}</span>;

export default function AccountingPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const assets = useApiResource('accounting-assets', async () => (await unwrap(api.GET('/api/v1/registry/accounting/assets'))).items);
  const apps = useApiResource('accounting-registered-applications', async () =>
    (await unwrap(api.GET('/api/v1/registry/applications', { params: { query: { box: 'mine', status: 'registered', page: 1, pageSize: 200 } } }))).items,
  );
  const [open, setOpen] = useState(false);
  // Bumped when the books change (or on reload), for the disclosure tables to load again.
  const [round, setRound] = useState(0);
  const month = shanghaiDate().slice(0, 7);
  const appOf = (id: string) => apps.data?.find((a) => a.id === id);
  const recognised = new Set((assets.data ?? []).map((a) => a.applicationId));
  const candidates = (apps.data ?? []).filter((a) => !recognised.has(a.id));

  const columns: TableProps<AccountingAsset>['columns'] = [
    {
      title: t('accounting.col.asset'),
      key: 'asset',
      render: (_: unknown, a: AccountingAsset) => {
        const app = appOf(a.applicationId);
        return (
          <Space orientation="vertical" size={0} style={{ minWidth: 160 }}>
            <Link to={`/console/registry/applications/${a.applicationId}`} data-testid={`accounting-asset-link-${a.applicationId}`}>
              {app ? text(app.title, locale) : a.applicationId}
            </Link>
            {app?.registrationNumber && (
              <Typography.Text type="secondary" className="lt-mono">
                {app.registrationNumber}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t('accounting.col.class'),
      dataIndex: 'class',
      key: 'class',
      render: (c: string, a: AccountingAsset) => (
        <Tag color={CLASS_COLOURS[c] ?? 'default'} data-testid={`accounting-class-${a.applicationId}`} data-class={c}>
          {label(t, 'accounting.class', c)}
        </Tag>
      ),
    },
    { title: t('accounting.col.source'), dataIndex: 'source', key: 'source', render: (s: string) => <span style={{ whiteSpace: 'nowrap' }}>{label(t, 'accounting.source', s)}</span> },
    { title: t('accounting.col.capitalized'), dataIndex: 'capitalizedFen', key: 'capitalized', align: 'right', render: (f: string, a: AccountingAsset) => <span data-testid={`accounting-capitalized-${a.applicationId}`}>{money(f)}</span> },
    { title: t('accounting.col.recognizedOn'), dataIndex: 'recognizedOn', key: 'recognizedOn', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
    {
      title: t('accounting.col.life'),
      key: 'life',
      render: (_: unknown, a: AccountingAsset) => <span style={{ whiteSpace: 'nowrap' }}>{a.lifeMonths ? t('accounting.lifeText', { years: decimalYears(a.lifeMonths), months: a.lifeMonths }) : '—'}</span>,
    },
    {
      title: t('accounting.col.monthly'),
      key: 'monthly',
      align: 'right',
      render: (_: unknown, a: AccountingAsset) => {
        const s = scheduleOf(a);
        if (!s) return '—';
        return (
          <Space orientation="vertical" size={0} data-testid={`accounting-monthly-${a.applicationId}`} data-monthly-fen={s.monthlyFen}>
            {money(s.monthlyFen)}
            {s.lastMonthFen !== s.monthlyFen && <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('accounting.lastMonth', { amount: formatFen(s.lastMonthFen) })}</Typography.Text>}
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('accounting.scheduleRange', { from: s.firstMonth, to: s.lastMonth })}</Typography.Text>
          </Space>
        );
      },
    },
    { title: t('accounting.col.accumulated', { month }), key: 'accumulated', align: 'right', render: (_: unknown, a: AccountingAsset) => money(bookValueAt(a, month).accumulatedFen) },
    {
      title: t('accounting.col.carrying', { month }),
      key: 'carrying',
      align: 'right',
      render: (_: unknown, a: AccountingAsset) => <span data-testid={`accounting-carrying-${a.applicationId}`}>{money(bookValueAt(a, month).carryingFen)}</span>,
    },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="accounting-title">
          {t('menu.registry.accounting')}
        </Typography.Title>
        <Space wrap>
          {access['registry.recognise'] && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="accounting-recognise">
              {t('accounting.action.recognise')}
            </Button>
          )}
          <Button
            icon={<ReloadOutlined />}
            loading={assets.loading}
            onClick={() => {
              assets.reload();
              apps.reload();
              setRound((r) => r + 1);
            }}
            aria-label={t('accounting.reload')}
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('accounting.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('accounting.assets.title')}>
          {assets.error && <Alert type="error" showIcon title={assets.error} style={{ marginBottom: 16 }} data-testid="accounting-load-error" />}
          {assets.data && assets.data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounting.assets.none')} data-testid="accounting-empty" />
          ) : (
            <Table<AccountingAsset>
              rowKey="id"
              size="small"
              loading={assets.loading}
              columns={columns}
              dataSource={assets.data ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="accounting-assets"
              data-count={assets.data?.length ?? ''}
              onRow={(a) => ({ 'data-testid': `accounting-asset-${a.applicationId}`, 'data-class': a.class }) as HTMLAttributes<HTMLElement>}
              expandable={{ expandedRowRender: (a) => <AssetDetails t={t} a={a} locale={locale} /> }}
            />
          )}
        </Card>
        <DisclosureCard round={round} />
        <Typography.Text type="secondary">{t('accounting.basisNote')}</Typography.Text>
      </Space>
      {open && (
        <RecogniseModal
          candidates={candidates.map((a) => ({ value: a.id, label: `${text(a.title, locale)}${a.registrationNumber ? ` · ${a.registrationNumber}` : ''}` }))}
          loading={apps.loading}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            assets.reload();
            setRound((r) => r + 1);
          }}
        />
      )}
    </div>
  );
}

type CostLine = { kind: string; label: string; amountFen: string; capitalizable: boolean; reason: string };
const decimalYears = (months: number) => (months % 12 === 0 ? String(months / 12) : (months / 12).toFixed(1));

/** The classification and its basis, the cost lines (capitalized or expensed, and why) and the amortization schedule. */
function AssetDetails({ t, a, locale }: { t: Translate; a: AccountingAsset; locale: string }) {
  const c = a.classification as { basis?: { zh: string; en: string }; balanceSheetLine?: { zh: string; en: string } | null };
  const cost = a.cost as { capitalizedFen?: string; expensedFen?: string; lines?: CostLine[] };
  const s = scheduleOf(a);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`accounting-details-${a.applicationId}`}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('accounting.detail.line')}>{c.balanceSheetLine ? text(c.balanceSheetLine, locale) : t('accounting.detail.noLine')}</Descriptions.Item>
        <Descriptions.Item label={t('accounting.detail.expensed')}>{money(cost.expensedFen ?? '0')}</Descriptions.Item>
        <Descriptions.Item label={t('accounting.detail.basis')} span={2}>
          {c.basis ? text(c.basis, locale) : '—'}
        </Descriptions.Item>
        {s && (
          <>
            <Descriptions.Item label={t('accounting.detail.schedule')}>{t('accounting.scheduleRange', { from: s.firstMonth, to: s.lastMonth })}</Descriptions.Item>
            <Descriptions.Item label={t('accounting.detail.residual')}>{money(a.residualFen)}</Descriptions.Item>
            <Descriptions.Item label={t('accounting.detail.amortizable')} span={2}>
              {t('accounting.detail.amortizableText', { amount: formatFen((BigInt(a.capitalizedFen) - BigInt(a.residualFen)).toString()), months: s.months, monthly: formatFen(s.monthlyFen), last: formatFen(s.lastMonthFen) })}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Table<CostLine>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={cost.lines ?? []}
        columns={[
          { title: t('accounting.cost.kind'), key: 'kind', render: (_: unknown, l: CostLine) => `${label(t, 'accounting.costKind', l.kind)}${l.label && l.label !== l.kind ? ` · ${l.label}` : ''}` },
          { title: t('accounting.cost.amount'), key: 'amount', align: 'right', render: (_: unknown, l: CostLine) => money(l.amountFen) },
          {
            title: t('accounting.cost.treatment'),
            key: 'treatment',
            render: (_: unknown, l: CostLine) => (
              <Tag color={l.capitalizable ? 'green' : 'orange'}>{label(t, 'accounting.reason', l.reason)}</Tag>
            ),
          },
        ]}
      />
    </Space>
  );
}

const AMOUNT_KEYS_AMORTIZED = ['openingCostFen', 'additionsFen', 'closingCostFen', 'openingAccumulatedFen', 'amortizationFen', 'closingAccumulatedFen', 'openingCarryingFen', 'closingCarryingFen'] as const;
const AMOUNT_KEYS_PLAIN = ['openingCostFen', 'additionsFen', 'closingCostFen'] as const;

/** The year's disclosure tables (财会〔2023〕11号 三(二)) by class and source, and the XLSX export. */
function DisclosureCard({ round }: { round: number }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const years = Array.from({ length: Math.max(1, thisYear + 1 - 2024 + 1) }, (_, i) => 2024 + i).reverse();
  const [year, setYear] = useState(Math.max(2024, thisYear));
  const [exporting, setExporting] = useState(false);
  const d = useApiResource(`accounting-disclosure-${year}-${round}`, () => unwrap(api.GET('/api/v1/registry/accounting/disclosure', { params: { query: { year } } })));
  const data = d.data && d.data.year === year ? d.data : undefined;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { data: blob, response } = await api.GET('/api/v1/registry/accounting/disclosure', { params: { query: { year, format: 'xlsx' } }, parseAs: 'blob' });
      download(blob as unknown as Blob, fileNameOf(response.headers.get('content-disposition')) ?? `data-resources-disclosure-${year}.xlsx`);
      message.success(t('accounting.disclosure.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={t('accounting.disclosure.title')}
      data-testid="accounting-disclosure"
      data-year={data?.year ?? ''}
      extra={
        <Space wrap>
          <Select
            value={year}
            onChange={(y: number) => setYear(y)}
            options={years.map((y) => ({ value: y, label: t('accounting.disclosure.year', { year: y }) }))}
            style={{ width: 120 }}
            aria-label={t('accounting.disclosure.yearLabel')}
            data-testid="accounting-year"
          />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx} data-testid="accounting-export">
            {t('accounting.disclosure.export')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('accounting.disclosure.intro')}</Typography.Paragraph>
      {d.error && <Alert type="error" showIcon title={d.error} style={{ marginBottom: 16 }} />}
      {data && data.tables.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounting.disclosure.none', { year })} data-testid="accounting-disclosure-empty" />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {(data?.tables ?? []).map((table) => {
          const keys = table.class === 'intangible' ? AMOUNT_KEYS_AMORTIZED : AMOUNT_KEYS_PLAIN;
          const columns: TableProps<DisclosureRow>['columns'] = [
            {
              title: t('accounting.disclosure.item'),
              key: 'label',
              fixed: 'left',
              render: (_: unknown, r: DisclosureRow) => {
                const l = r.label as { zh: string; en: string } | undefined;
                return r.source === 'total' ? <Typography.Text strong>{text(l, locale)}</Typography.Text> : text(l, locale);
              },
            },
            ...keys.map((k) => ({
              title: label(t, table.class === 'intangible' ? 'accounting.disclosure.col' : 'accounting.disclosure.plain', k),
              key: k,
              align: 'right' as const,
              render: (_: unknown, r: DisclosureRow) => (r.source === 'total' ? <Typography.Text strong>{money(r[k])}</Typography.Text> : money(r[k])),
            })),
          ];
          return (
            <Card key={table.class} size="small" type="inner" title={text(table.title, locale)} data-testid={`accounting-disclosure-${table.class}`}>
              <Table<DisclosureRow>
                rowKey={(r) => String(r.source)}
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={columns}
                dataSource={table.rows}
                onRow={(r) => ({ 'data-testid': `accounting-disclosure-row-${table.class}-${String(r.source)}` }) as HTMLAttributes<HTMLElement>}
              />
            </Card>
          );
        })}
      </Space>
    </Card>
  );
}

/** Recognise one of the organisation's registered assets: facts → class, cost lines, day, life, residual. */
function RecogniseModal({ candidates, loading, onClose, onDone }: { candidates: Array<{ value: string; label: string }>; loading: boolean; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecogniseValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = shanghaiDate();
  const watched = Form.useWatch([], form) as Partial<RecogniseValues> | undefined;
  const facts: Facts = watched?.facts ?? { holding: 'internal_use', acquisition: 'purchased', meetsRecognition: true };
  const cls = expectedClass(facts);
  const purchased = facts.acquisition === 'purchased';
  const required: FormRule = { required: true, message: t('accounting.form.required') };
  const amountRule: FormRule = { validator: async (_r, value: string | undefined) => { if (!yuanToFen(value ?? '')) throw new Error(t('accounting.form.amount')); } };

  const submit = async () => {
    let v: RecogniseValues;
    try {
      await form.validateFields();
      v = form.getFieldsValue(true) as RecogniseValues;
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/registry/accounting/assets', { body: recogniseBody(v) }));
      message.success(t('accounting.form.done'));
      onDone();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={780}
      title={t('accounting.form.title')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'form-submit' } as Record<string, string>}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="accounting-form-error" />}
      <Typography.Paragraph type="secondary">{t('accounting.form.intro')}</Typography.Paragraph>
      <Form<RecogniseValues>
        form={form}
        layout="vertical"
        initialValues={{ facts: { holding: 'internal_use', acquisition: 'purchased', meetsRecognition: true }, costItems: [{ kind: 'price' }], recognizedOn: today, lifeYears: 5 }}
      >
        <Form.Item name="applicationId" label={t('accounting.form.application')} rules={[required]} extra={candidates.length === 0 && !loading ? t('accounting.form.noCandidates') : t('accounting.form.applicationHint')}>
          <Select showSearch optionFilterProp="label" loading={loading} options={candidates} placeholder={t('accounting.form.applicationPlaceholder')} data-testid="accounting-form-application" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['facts', 'holding']} label={t('accounting.form.holding')}>
              <Radio.Group
                data-testid="accounting-form-holding"
                options={(['internal_use', 'for_sale'] as const).map((h) => ({ value: h, label: <span data-testid={`accounting-form-holding-${h}`}>{label(t, 'accounting.holding', h)}</span> }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['facts', 'acquisition']} label={t('accounting.form.acquisition')}>
              <Radio.Group
                data-testid="accounting-form-acquisition"
                options={(['purchased', 'self_developed', 'other'] as const).map((s) => ({ value: s, label: <span data-testid={`accounting-form-acquisition-${s}`}>{label(t, 'accounting.source', s)}</span> }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {rdApplies(facts) && (
          <Form.Item name={['facts', 'rdPhase']} label={t('accounting.form.rdPhase')} rules={[required]}>
            <Radio.Group options={(['research', 'development'] as const).map((p) => ({ value: p, label: label(t, 'accounting.rdPhase', p) }))} />
          </Form.Item>
        )}
        <Form.Item name={['facts', 'meetsRecognition']} valuePropName="checked" extra={meetsHint(t, facts)}>
          <Checkbox data-testid="accounting-form-meets">{t('accounting.form.meetsRecognition')}</Checkbox>
        </Form.Item>
        {rdApplies(facts) && facts.rdPhase === 'development' && (
          <Form.Item name={['facts', 'readyForIntendedUse']} valuePropName="checked">
            <Checkbox>{t('accounting.form.ready')}</Checkbox>
          </Form.Item>
        )}
        <Alert
          type={cls === 'expensed' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="accounting-form-class"
          data-class={cls ?? ''}
          title={cls ? t('accounting.form.classPreview', { class: label(t, 'accounting.class', cls) }) : t('accounting.form.classUnknown')}
        />
        <Typography.Text strong>{t('accounting.form.costItems')}</Typography.Text>
        <Typography.Paragraph type="secondary">{purchased ? t('accounting.form.costHintPurchased') : t('accounting.form.costHint')}</Typography.Paragraph>
        <Form.List name="costItems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const kind = (watched?.costItems?.[f.name]?.kind ?? '') as string;
                return (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }} data-testid={`accounting-form-cost-${f.name}`}>
                    <Row gutter={8} align="top">
                      <Col xs={24} sm={9}>
                        <Form.Item name={[f.name, 'kind']} label={t('accounting.cost.kind')} rules={[required]}>
                          <Select showSearch optionFilterProp="label" options={COST_KINDS.map((k) => ({ value: k, label: label(t, 'accounting.costKind', k) }))} data-testid={`accounting-form-cost-kind-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={7}>
                        <Form.Item name={[f.name, 'label']} label={t('accounting.cost.label')}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} sm={6}>
                        <Form.Item name={[f.name, 'amount']} label={t('accounting.cost.amountYuan')} rules={[amountRule]}>
                          <Input inputMode="decimal" data-testid={`accounting-form-cost-amount-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} sm={2}>
                        <Form.Item label=" ">
                          <Button icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('accounting.form.remove')} />
                        </Form.Item>
                      </Col>
                    </Row>
                    {purchased && (
                      <Space wrap size={[16, 0]}>
                        {PROCESSING.includes(kind) && (
                          <Form.Item name={[f.name, 'notDirectlyAttributable']} valuePropName="checked" style={{ marginBottom: 0 }}>
                            <Checkbox>{t('accounting.form.notDirect')}</Checkbox>
                          </Form.Item>
                        )}
                        <Form.Item name={[f.name, 'afterReadyForUse']} valuePropName="checked" style={{ marginBottom: 0 }}>
                          <Checkbox>{t('accounting.form.afterReady')}</Checkbox>
                        </Form.Item>
                      </Space>
                    )}
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: purchased ? 'taxes' : 'labour' })} style={{ marginBottom: 16 }} data-testid="accounting-form-cost-add">
                {t('accounting.form.addCost')}
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="recognizedOn" label={t('accounting.form.recognizedOn')} rules={[required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('accounting.form.day') }]}>
              <Input placeholder={t('accounting.form.dayPlaceholder')} data-testid="accounting-form-recognized-on" />
            </Form.Item>
          </Col>
          {cls === 'intangible' && (
            <>
              <Col xs={12} sm={12} md={6}>
                <Form.Item name="lifeYears" label={t('accounting.form.lifeYears')} rules={[required]}>
                  <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="accounting-form-life" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={12} md={6}>
                <Form.Item name="startMonth" label={t('accounting.form.startMonth')} extra={t('accounting.form.startMonthHint')} rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('accounting.form.month') }]}>
                  <Input placeholder={t('accounting.form.monthPlaceholder')} data-testid="accounting-form-start-month" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} md={6}>
                <Form.Item
                  name="residual"
                  label={t('accounting.form.residual')}
                  extra={t('accounting.form.residualHint')}
                  rules={[{ validator: async (_r, value: string | undefined) => { if ((value ?? '').trim() && !yuanToFen(value ?? '')) throw new Error(t('accounting.form.amount')); } }]}
                >
                  <Input inputMode="decimal" data-testid="accounting-form-residual" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}

/** What "meets the recognition conditions" means for the facts chosen. */
function meetsHint(t: Translate, f: Facts): string {
  if (f.holding === 'for_sale') return t('accounting.form.meetsHint.inventory');
  if (rdApplies(f)) return t('accounting.form.meetsHint.development');
  return t('accounting.form.meetsHint.intangible');
}
