/**
 * A new valuation report (价值评估, 中评协〔2023〕17号《数据资产评估指导意见》) of a registration
 * application's asset: the kind (a valuer organisation's appraisal, or the applicant's
 * self-estimate), the base date (评估基准日), one or more of the three methods with their inputs —
 * the cost method (成本法: replacement-cost items and the value adjustment by quality or remaining
 * economic life), the income method (收益法: direct, royalty, excess or incremental income, the
 * discount rate, the economic life and its bounds, a row per forecast year) and the market method
 * (市场法: comparable transactions with their five adjustment coefficients) — the reconciliation
 * weights when several methods are used, and the opinion. Amounts are typed in yuan and sent as the
 * decimal strings typed: the API computes exactly and seals the report; its problems are listed.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { ApiError, errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { shanghaiDate } from '../authorization/agreement.rules';
import { msg, text } from '../authorization/authorization.view';
import { label, valuationKindsFor, VALUATION_METHODS, type ValuationKind, type ValuationMethod } from './valuation.panel';

const COST_KINDS = ['preliminary', 'direct', 'indirect', 'opportunity', 'taxes'] as const;
const DIMENSIONS = ['accuracy', 'consistency', 'completeness', 'conformity', 'timeliness', 'accessibility'] as const;
const VARIANTS = ['direct', 'royalty', 'excess', 'incremental'] as const;
const LIFE_BASES = ['legal', 'contract', 'update', 'timeliness', 'rights', 'carrier', 'other'] as const;
const COEFFICIENTS = ['quality', 'supplyDemand', 'date', 'volume', 'other'] as const;
type Variant = (typeof VARIANTS)[number];
const OPINION_MAX = 4000;

interface YearValues {
  netCashFlowYuan?: string;
  revenueYuan?: string;
  totalEarningsYuan?: string;
  charges?: Array<{ asset?: string; amountYuan?: string }>;
  withDataYuan?: string;
  withoutDataYuan?: string;
}
interface ComparableValues extends Partial<Record<(typeof COEFFICIENTS)[number], string>> {
  id?: string;
  priceYuan?: string;
  weight?: string;
}
export interface ValuationValues {
  kind: ValuationKind;
  baseDate: string;
  methods: ValuationMethod[];
  cost: {
    items: Array<{ kind?: string; label?: string; amountYuan?: string }>;
    adjustment: 'quality' | 'remaining_life';
    dimensions: Array<{ dimension: string; score?: string; weight?: string }>;
    remainingYears?: string;
    totalYears?: string;
  };
  income: {
    variant: Variant;
    discountRate?: string;
    timing: 'end' | 'mid';
    economicLifeYears?: number | null;
    royaltyRate?: string;
    lifeBounds: Array<{ basis?: string; years?: number | null; note?: string }>;
    years: YearValues[];
  };
  market: { comparables: ComparableValues[] };
  weights: Partial<Record<ValuationMethod, string>>;
  opinion?: string;
}

/** A decimal as typed, without spaces, thousands separators or a leading ¥; undefined when empty (the API names what is missing). */
export const decimal = (s: string | undefined | null): string | undefined => {
  const v = (s ?? '').replace(/[\s,，]/g, '').replace(/^[¥￥]/, '');
  return v === '' ? undefined : v;
};
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** The request body from the form: only the methods chosen; weights only when there are several. */
export function valuationBody(v: ValuationValues) {
  const use = (m: ValuationMethod) => v.methods.includes(m);
  const cost = use('cost')
    ? {
        items: (v.cost.items ?? []).map((i) => ({ kind: i.kind, ...(i.label?.trim() ? { label: i.label.trim() } : {}), amountYuan: decimal(i.amountYuan) })),
        adjustment:
          v.cost.adjustment === 'remaining_life'
            ? { kind: 'remaining_life', remainingYears: decimal(v.cost.remainingYears), totalYears: decimal(v.cost.totalYears) }
            : { kind: 'quality', dimensions: (v.cost.dimensions ?? []).filter((d) => decimal(d.score) !== undefined || decimal(d.weight) !== undefined).map((d) => ({ dimension: d.dimension, score: decimal(d.score), weight: decimal(d.weight) })) },
      }
    : undefined;
  const year = (y: YearValues) => {
    switch (v.income.variant) {
      case 'direct':
        return { netCashFlowYuan: decimal(y.netCashFlowYuan) };
      case 'royalty':
        return { revenueYuan: decimal(y.revenueYuan) };
      case 'excess':
        return { totalEarningsYuan: decimal(y.totalEarningsYuan), contributoryCharges: (y.charges ?? []).map((c) => ({ asset: (c.asset ?? '').trim(), amountYuan: decimal(c.amountYuan) })) };
      case 'incremental':
        return { withDataYuan: decimal(y.withDataYuan), withoutDataYuan: decimal(y.withoutDataYuan) };
    }
  };
  const bounds = (v.income.lifeBounds ?? []).filter((b) => b.basis || b.years);
  const income = use('income')
    ? {
        variant: v.income.variant,
        discountRate: decimal(v.income.discountRate),
        timing: v.income.timing,
        economicLifeYears: v.income.economicLifeYears ?? undefined,
        ...(v.income.variant === 'royalty' ? { royaltyRate: decimal(v.income.royaltyRate) } : {}),
        ...(bounds.length > 0 ? { lifeBounds: bounds.map((b) => ({ basis: b.basis, years: b.years ?? undefined, ...(b.note?.trim() ? { note: b.note.trim() } : {}) })) } : {}),
        years: (v.income.years ?? []).map(year),
      }
    : undefined;
  const market = use('market')
    ? {
        comparables: (v.market.comparables ?? []).map((c) => ({
          id: (c.id ?? '').trim(),
          priceYuan: decimal(c.priceYuan),
          coefficients: Object.fromEntries(COEFFICIENTS.map((k) => [k, decimal(c[k])])),
          ...(decimal(c.weight) !== undefined ? { weight: decimal(c.weight) } : {}),
        })),
      }
    : undefined;
  const weights = v.methods.length > 1 ? Object.fromEntries(VALUATION_METHODS.filter(use).map((m) => [m, decimal(v.weights?.[m])])) : undefined;
  const opinion = v.opinion?.trim();
  return {
    kind: v.kind,
    baseDate: v.baseDate.trim(),
    ...(cost ? { cost } : {}),
    ...(income ? { income } : {}),
    ...(market ? { market } : {}),
    ...(weights ? { weights } : {}),
    ...(opinion ? { opinion } : {}),
  };
}

export interface ValuationProblem {
  code: string;
  path: string | null;
  message: string | null;
}
/** The problems of a refused valuation (400 REGISTRY_VALUATION_INVALID, details.problems), or null. */
export function valuationProblems(err: unknown): ValuationProblem[] | null {
  if (!(err instanceof ApiError) || err.code !== 'REGISTRY_VALUATION_INVALID') return null;
  const list = (err.body?.details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(list)) return null;
  return list
    .filter((p): p is { code: string; path?: unknown; message?: unknown } => typeof p?.code === 'string')
    .map((p) => ({ code: p.code, path: typeof p.path === 'string' ? p.path : null, message: typeof p.message === 'string' ? p.message : null }));
}

const emptyValues = (kind: ValuationKind, today: string): ValuationValues => ({
  kind,
  baseDate: today,
  methods: ['cost'],
  cost: { items: [{ kind: 'direct' }], adjustment: 'quality', dimensions: DIMENSIONS.map((dimension) => ({ dimension })) },
  income: { variant: 'direct', timing: 'end', economicLifeYears: 5, lifeBounds: [], years: [{}] },
  market: { comparables: [{ id: 'A', ...Object.fromEntries(COEFFICIENTS.map((k) => [k, '1'])) }] },
  weights: {},
});

export default function ValuationFormPage() {
  const { applicationId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  // A valuer that is no party to the application cannot read it (404): it still appraises it.
  const app = useApiResource(`valuation-form-application-${applicationId}`, async () => {
    try {
      return await unwrap(api.GET('/api/v1/registry/applications/{applicationId}', { params: { path: { applicationId } } }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  });
  if (!me) return null;
  const a = app.data === null || (app.data && app.data.id === applicationId) ? app.data : undefined;
  if (app.loading && a === undefined) return <Skeleton active />;
  if (a === undefined) return <Alert type="error" showIcon title={app.error} data-testid="valuation-form-load-error" />;
  const kinds = valuationKindsFor(me, a ? a.applicantOrgId : null);
  return (
    <div>
      <div className="lt-page-header">
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
          <Typography.Title level={3} data-testid="valuation-form-title">
            {t('valuation.form.title')}
          </Typography.Title>
          {a && <Typography.Text type="secondary">{t('valuation.form.asset', { title: text(a.title, locale), number: a.registrationNumber ?? t('valuation.form.unregistered') })}</Typography.Text>}
        </Space>
        {a && <Link to={`/console/registry/applications/${a.id}`}>{t('valuation.form.toApplication')}</Link>}
      </div>
      <Typography.Paragraph type="secondary">{t('valuation.form.intro')}</Typography.Paragraph>
      {kinds.length === 0 ? (
        <Alert type="warning" showIcon title={t('valuation.form.notAllowed')} data-testid="valuation-form-not-allowed" />
      ) : (
        <ValuationForm applicationId={applicationId} kinds={kinds} />
      )}
    </div>
  );
}

function ValuationForm({ applicationId, kinds }: { applicationId: string; kinds: ValuationKind[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ValuationValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ValuationProblem[] | null>(null);
  const watched = Form.useWatch([], form) as Partial<ValuationValues> | undefined;
  const methods = watched?.methods ?? ['cost'];
  const variant = watched?.income?.variant ?? 'direct';
  const adjustment = watched?.cost?.adjustment ?? 'quality';
  const required: Rule = { required: true, whitespace: true, message: t('valuation.form.required') };
  // A number as typed — thousands separators and a leading ¥ allowed (sent without them); the API checks ranges and sums.
  const number: Rule = {
    validator: async (_r, value: string | undefined) => {
      const d = decimal(value);
      if (d !== undefined && !DECIMAL.test(d)) throw new Error(t('valuation.form.decimal'));
    },
  };
  const dec: Rule[] = [required, number];
  const optionalDec: Rule[] = [number];

  const send = async () => {
    let v: ValuationValues;
    try {
      await form.validateFields();
      v = form.getFieldsValue(true) as ValuationValues;
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    setProblems(null);
    try {
      const created = await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/valuations', { params: { path: { applicationId } }, body: valuationBody(v) as never }));
      message.success(t('valuation.form.done'));
      navigate(`/console/registry/valuations/${created.id}`);
    } catch (err) {
      setError(errorMessage(err, t));
      setProblems(valuationProblems(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 1040 }} data-testid="valuation-form">
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="valuation-form-error"
          title={error}
          description={problems && problems.length > 0 && <ProblemItems t={t} problems={problems} />}
          onClose={() => {
            setError(null);
            setProblems(null);
          }}
        />
      )}
      <Form<ValuationValues> form={form} layout="vertical" initialValues={emptyValues(kinds[0]!, shanghaiDate())}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('valuation.field.kind')} extra={msg(t, `valuation.kind.${kinds[0]}.hint`)}>
              <Radio.Group data-testid="valuation-form-kind" options={kinds.map((k) => ({ value: k, label: label(t, 'valuation.kind', k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="baseDate"
              label={t('valuation.field.baseDate')}
              extra={t('valuation.form.baseDateHint')}
              rules={[required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('valuation.form.day') }]}
            >
              <Input placeholder={t('valuation.form.dayPlaceholder')} data-testid="valuation-form-base-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="methods" label={t('valuation.field.methods')} extra={t('valuation.form.methodsHint')} rules={[{ type: 'array', min: 1, message: t('valuation.form.methodsRequired') }]}>
          <Checkbox.Group data-testid="valuation-form-methods" options={VALUATION_METHODS.map((m) => ({ value: m, label: <span data-testid={`valuation-form-method-${m}`}>{label(t, 'valuation.method', m)}</span> }))} />
        </Form.Item>

        {methods.includes('cost') && (
          <>
            <Divider titlePlacement="start">{t('valuation.method.cost')}</Divider>
            <Typography.Paragraph type="secondary">{t('valuation.cost.intro')}</Typography.Paragraph>
            <Form.List name={['cost', 'items']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row key={f.key} gutter={8} align="top" data-testid={`valuation-form-cost-item-${f.name}`}>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[f.name, 'kind']} label={t('valuation.cost.kind')} rules={[{ required: true, message: t('valuation.form.required') }]}>
                          <Select options={COST_KINDS.map((k) => ({ value: k, label: label(t, 'valuation.costKind', k) }))} data-testid={`valuation-form-cost-kind-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[f.name, 'label']} label={t('valuation.cost.label')}>
                          <Input maxLength={200} data-testid={`valuation-form-cost-label-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} sm={6}>
                        <Form.Item name={[f.name, 'amountYuan']} label={t('valuation.cost.amount')} rules={dec}>
                          <Input inputMode="decimal" data-testid={`valuation-form-cost-amount-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} sm={2}>
                        <Form.Item label=" ">
                          <Button icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('valuation.form.remove')} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'direct' })} style={{ marginBottom: 16 }} data-testid="valuation-form-cost-add">
                    {t('valuation.cost.add')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name={['cost', 'adjustment']} label={t('valuation.cost.adjustment')} extra={t('valuation.cost.adjustmentHint')}>
              <Radio.Group
                data-testid="valuation-form-adjustment"
                options={[
                  { value: 'quality', label: <span data-testid="valuation-form-adjustment-quality">{t('valuation.adjustment.quality')}</span> },
                  { value: 'remaining_life', label: <span data-testid="valuation-form-adjustment-remaining_life">{t('valuation.adjustment.remaining_life')}</span> },
                ]}
              />
            </Form.Item>
            {adjustment === 'quality' ? (
              <Form.List name={['cost', 'dimensions']}>
                {(fields) => (
                  <>
                    <Typography.Paragraph type="secondary">{t('valuation.cost.qualityHint')}</Typography.Paragraph>
                    {fields.map((f) => {
                      const dimension = (form.getFieldValue(['cost', 'dimensions', f.name, 'dimension']) as string | undefined) ?? '';
                      return (
                        <Row key={f.key} gutter={8} align="middle" data-testid={`valuation-form-dimension-${dimension}`}>
                          <Col xs={24} sm={8}>
                            <Typography.Text strong>{label(t, 'valuation.dimension', dimension)}</Typography.Text>
                          </Col>
                          <Col xs={12} sm={8}>
                            <Form.Item name={[f.name, 'score']} label={t('valuation.cost.score')} rules={optionalDec}>
                              <Input inputMode="decimal" data-testid={`valuation-form-score-${dimension}`} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} sm={8}>
                            <Form.Item name={[f.name, 'weight']} label={t('valuation.cost.weight')} rules={optionalDec}>
                              <Input inputMode="decimal" data-testid={`valuation-form-weight-${dimension}`} />
                            </Form.Item>
                          </Col>
                        </Row>
                      );
                    })}
                  </>
                )}
              </Form.List>
            ) : (
              <Row gutter={16}>
                <Col xs={12} md={6}>
                  <Form.Item name={['cost', 'remainingYears']} label={t('valuation.cost.remainingYears')} rules={dec}>
                    <Input inputMode="decimal" data-testid="valuation-form-remaining-years" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={['cost', 'totalYears']} label={t('valuation.cost.totalYears')} rules={dec}>
                    <Input inputMode="decimal" data-testid="valuation-form-total-years" />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </>
        )}

        {methods.includes('income') && (
          <>
            <Divider titlePlacement="start">{t('valuation.method.income')}</Divider>
            <Typography.Paragraph type="secondary">{t('valuation.income.intro')}</Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={['income', 'variant']} label={t('valuation.income.variant')}>
                  <Select options={VARIANTS.map((k) => ({ value: k, label: label(t, 'valuation.variant', k) }))} data-testid="valuation-form-variant" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name={['income', 'discountRate']} label={t('valuation.income.discountRate')} extra={t('valuation.income.rateHint')} rules={dec}>
                  <Input inputMode="decimal" data-testid="valuation-form-discount-rate" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name={['income', 'economicLifeYears']} label={t('valuation.income.economicLife')} rules={[{ required: true, message: t('valuation.form.required') }]}>
                  <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="valuation-form-economic-life" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['income', 'timing']} label={t('valuation.income.timing')}>
                  <Radio.Group
                    options={[
                      { value: 'end', label: t('valuation.timing.end') },
                      { value: 'mid', label: t('valuation.timing.mid') },
                    ]}
                  />
                </Form.Item>
              </Col>
              {variant === 'royalty' && (
                <Col xs={12} md={8}>
                  <Form.Item name={['income', 'royaltyRate']} label={t('valuation.income.royaltyRate')} extra={t('valuation.income.rateHint')} rules={dec}>
                    <Input inputMode="decimal" data-testid="valuation-form-royalty-rate" />
                  </Form.Item>
                </Col>
              )}
            </Row>
            <Typography.Text strong>{t('valuation.income.lifeBounds')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('valuation.income.lifeBoundsHint')}</Typography.Paragraph>
            <Form.List name={['income', 'lifeBounds']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row key={f.key} gutter={8} align="top">
                      <Col xs={24} sm={8}>
                        <Form.Item name={[f.name, 'basis']} label={t('valuation.income.boundBasis')} rules={[{ required: true, message: t('valuation.form.required') }]}>
                          <Select options={LIFE_BASES.map((k) => ({ value: k, label: label(t, 'valuation.lifeBasis', k) }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={10} sm={5}>
                        <Form.Item name={[f.name, 'years']} label={t('valuation.income.boundYears')} rules={[{ required: true, message: t('valuation.form.required') }]}>
                          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={10} sm={9}>
                        <Form.Item name={[f.name, 'note']} label={t('valuation.income.boundNote')}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} sm={2}>
                        <Form.Item label=" ">
                          <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('valuation.form.remove')} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ basis: 'contract' })} style={{ marginBottom: 16 }}>
                    {t('valuation.income.addBound')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.List name={['income', 'years']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Card
                      key={f.key}
                      size="small"
                      type="inner"
                      style={{ marginBottom: 8 }}
                      title={t('valuation.income.year', { year: i + 1 })}
                      data-testid={`valuation-form-year-${f.name}`}
                      extra={<Button size="small" icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('valuation.form.remove')} />}
                    >
                      <YearFields t={t} variant={variant} name={f.name} dec={dec} />
                    </Card>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }} data-testid="valuation-form-year-add">
                    {t('valuation.income.addYear')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}

        {methods.includes('market') && (
          <>
            <Divider titlePlacement="start">{t('valuation.method.market')}</Divider>
            <Typography.Paragraph type="secondary">{t('valuation.market.intro')}</Typography.Paragraph>
            <Form.List name={['market', 'comparables']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Card
                      key={f.key}
                      size="small"
                      type="inner"
                      style={{ marginBottom: 8 }}
                      title={t('valuation.market.comparable', { n: i + 1 })}
                      data-testid={`valuation-form-comparable-${f.name}`}
                      extra={<Button size="small" icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('valuation.form.remove')} />}
                    >
                      <Row gutter={8}>
                        <Col xs={12} sm={8}>
                          <Form.Item name={[f.name, 'id']} label={t('valuation.market.id')} rules={[required]}>
                            <Input maxLength={100} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} sm={8}>
                          <Form.Item name={[f.name, 'priceYuan']} label={t('valuation.market.price')} rules={dec}>
                            <Input inputMode="decimal" data-testid={`valuation-form-price-${f.name}`} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} sm={8}>
                          <Form.Item name={[f.name, 'weight']} label={t('valuation.market.weight')} extra={t('valuation.market.weightHint')} rules={optionalDec}>
                            <Input inputMode="decimal" />
                          </Form.Item>
                        </Col>
                        {COEFFICIENTS.map((k) => (
                          <Col key={k} xs={12} sm={8} md={4}>
                            <Form.Item name={[f.name, k]} label={label(t, 'valuation.coefficient', k)} rules={dec}>
                              <Input inputMode="decimal" data-testid={`valuation-form-coefficient-${f.name}-${k}`} />
                            </Form.Item>
                          </Col>
                        ))}
                      </Row>
                    </Card>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ id: String.fromCharCode(65 + (fields.length % 26)), ...Object.fromEntries(COEFFICIENTS.map((k) => [k, '1'])) })}
                    style={{ marginBottom: 16 }}
                    data-testid="valuation-form-comparable-add"
                  >
                    {t('valuation.market.add')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}

        {methods.length > 1 && (
          <>
            <Divider titlePlacement="start">{t('valuation.reconciliation.title')}</Divider>
            <Typography.Paragraph type="secondary">{t('valuation.reconciliation.hint')}</Typography.Paragraph>
            <Row gutter={16}>
              {VALUATION_METHODS.filter((m) => methods.includes(m)).map((m) => (
                <Col key={m} xs={8} md={4}>
                  <Form.Item name={['weights', m]} label={label(t, 'valuation.method', m)} rules={dec}>
                    <Input inputMode="decimal" data-testid={`valuation-form-weight-method-${m}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </>
        )}

        <Divider />
        <Form.Item name="opinion" label={t('valuation.field.opinion')} rules={[{ max: OPINION_MAX }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={OPINION_MAX} data-testid="valuation-form-opinion" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" loading={busy} onClick={send} data-testid="valuation-form-submit">
            {t('valuation.form.submit')}
          </Button>
          <Button onClick={() => navigate(`/console/registry/applications/${applicationId}`)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** One forecast year's inputs, by the income variant. */
function YearFields({ t, variant, name, dec }: { t: Translate; variant: Variant; name: number; dec: Rule[] }) {
  const field = (key: keyof YearValues, labelKey: string) => (
    <Col xs={24} sm={12}>
      <Form.Item name={[name, key]} label={msg(t, labelKey)} rules={dec}>
        <Input inputMode="decimal" data-testid={`valuation-form-year-${name}-${key}`} />
      </Form.Item>
    </Col>
  );
  if (variant === 'direct') return <Row gutter={8}>{field('netCashFlowYuan', 'valuation.year.netCashFlow')}</Row>;
  if (variant === 'royalty') return <Row gutter={8}>{field('revenueYuan', 'valuation.year.revenue')}</Row>;
  if (variant === 'incremental')
    return (
      <Row gutter={8}>
        {field('withDataYuan', 'valuation.year.withData')}
        {field('withoutDataYuan', 'valuation.year.withoutData')}
      </Row>
    );
  return (
    <>
      <Row gutter={8}>{field('totalEarningsYuan', 'valuation.year.totalEarnings')}</Row>
      <Form.List name={[name, 'charges']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col xs={24} sm={11}>
                  <Form.Item name={[f.name, 'asset']} label={t('valuation.year.chargeAsset')} rules={[{ required: true, whitespace: true, message: t('valuation.form.required') }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={20} sm={11}>
                  <Form.Item name={[f.name, 'amountYuan']} label={t('valuation.year.chargeAmount')} rules={dec}>
                    <Input inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2}>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('valuation.form.remove')} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('valuation.year.addCharge')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The API's problems in words: where in the input, and what is wrong. */
function ProblemItems({ t, problems }: { t: Translate; problems: ValuationProblem[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="valuation-problems">
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.path ?? ''}-${i}`} data-testid="valuation-problem" data-code={p.code} data-path={p.path ?? ''}>
          {p.path && <span className="lt-mono">{p.path}</span>}
          {p.path && t('valuation.problem.separator')}
          {label(t, 'valuation.problem', p.code) === p.code ? (p.message ?? p.code) : label(t, 'valuation.problem', p.code)}
        </li>
      ))}
    </ul>
  );
}
