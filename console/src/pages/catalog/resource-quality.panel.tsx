import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { ApiError } from '../../api/api.errors';
import type { CatalogResource } from '../../api/api.types';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { msg, refusal } from './resource.view';

const RadarChartView = lazy(() => import('../../charts/radar.chart'));

/** GB/T 36344-2018 dimensions, in the order the server reports them. */
const DIMENSIONS = ['accuracy', 'consistency', 'completeness', 'conformity', 'timeliness', 'accessibility'] as const;
const KINDS = ['required', 'unique', 'range', 'pattern', 'codes', 'compare', 'freshness'] as const;
const OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
type Kind = (typeof KINDS)[number];

interface RuleRow {
  kind: Kind;
  field: string;
  min?: string;
  max?: string;
  pattern?: string;
  values?: string;
  op?: (typeof OPS)[number];
  other?: string;
  maxAgeDays?: number | null;
}
interface Sample {
  key: string | null;
  field: string | null;
  value: string | null;
  rule: string;
  dimension: string;
}

/** Form rows → the API's rule objects (only the parameters of each kind). */
function toRule(r: RuleRow): Record<string, unknown> {
  switch (r.kind) {
    case 'range':
      return { kind: r.kind, field: r.field, ...(r.min?.trim() ? { min: r.min.trim() } : {}), ...(r.max?.trim() ? { max: r.max.trim() } : {}) };
    case 'pattern':
      return { kind: r.kind, field: r.field, pattern: r.pattern ?? '' };
    case 'codes':
      return { kind: r.kind, field: r.field, values: (r.values ?? '').split(/[,，]/).map((v) => v.trim()).filter(Boolean) };
    case 'compare':
      return { kind: r.kind, field: r.field, op: r.op ?? '>=', other: r.other ?? '' };
    case 'freshness':
      return { kind: r.kind, field: r.field, ...(r.maxAgeDays ? { maxAgeDays: r.maxAgeDays } : {}) };
    default:
      return { kind: r.kind, field: r.field };
  }
}
const fromRule = (r: Record<string, unknown>): RuleRow => ({ ...(r as unknown as RuleRow), ...(Array.isArray(r.values) ? { values: (r.values as string[]).join(', ') } : {}) });

/** The "Quality" panel (质量): run, six-dimension radar, overall score against the threshold, failing samples, rules. */
export function ResourceQualityPanel({ resource, own }: { resource: CatalogResource; own: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const report = useApiResource(`quality-${resource.id}-${resource.version}-${round}`, async () => {
    try {
      return await unwrap(api.GET('/api/v1/catalog/resources/{resourceId}/quality', { params: { path: { resourceId: resource.id } } }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && err.body?.code === 'CATALOG_QUALITY_REPORT_NOT_FOUND') return null;
      throw err;
    }
  });
  const rules = useApiResource(`quality-rules-${resource.id}-${round}`, () => unwrap(api.GET('/api/v1/catalog/resources/{resourceId}/quality/rules', { params: { path: { resourceId: resource.id } } })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const r = report.data ?? null;
  const axes = useMemo(() => DIMENSIONS.map((d) => msg(t, `quality.dim.${d}`)), [t]);
  const series = useMemo(() => (r ? [{ name: t('quality.series'), values: DIMENSIONS.map((d) => r.scores[d]) }] : []), [r, t]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await unwrap(api.POST('/api/v1/catalog/resources/{resourceId}/quality/run', { params: { path: { resourceId: resource.id } } }));
      message.success(t('quality.ran', { score: next.overall }));
      setRound((x) => x + 1);
    } catch (err) {
      setError(refusal(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('quality.title')}
      data-testid="resource-quality"
      extra={
        own && (
          <Space wrap>
            <Button onClick={() => setEditing(true)} data-testid="quality-rules-edit">
              {t('quality.rules.edit')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void run()} data-testid="quality-run">
              {t('quality.run')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('quality.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} />}
      {report.error && <Alert type="error" showIcon message={report.error} />}
      {report.loading && !r && <Skeleton active />}
      {!report.loading && !r && !report.error && <Empty description={t('quality.none')} data-testid="quality-none" />}
      {r && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Suspense fallback={<Skeleton active />}>
              <RadarChartView axes={axes} series={series} max={100} />
            </Suspense>
          </Col>
          <Col xs={24} lg={12}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Space size="large" wrap>
                <Statistic title={t('quality.overall')} value={r.overall} precision={2} valueStyle={{ color: r.passed ? '#389e0d' : '#c8102e' }} />
                <Statistic title={t('quality.rowsProfiled')} value={r.rowsProfiled} />
              </Space>
              <Space wrap>
                <Tag color={r.passed ? 'green' : 'red'} data-testid="quality-passed">
                  {r.passed ? t('quality.passed') : t('quality.failed')}
                </Tag>
                <span>{t('quality.threshold', { threshold: r.threshold })}</span>
                <Typography.Text type="secondary">
                  {t('quality.createdAt')}: {formatTime(r.createdAt, locale)}
                </Typography.Text>
              </Space>
              <Table
                size="small"
                data-testid="quality-scores"
                rowKey="d"
                pagination={false}
                dataSource={DIMENSIONS.map((d) => ({ d, score: r.scores[d], rules: r.ruleCounts[d] }))}
                columns={[
                  { title: t('quality.sample.dimension'), dataIndex: 'd', key: 'd', render: (d: string) => msg(t, `quality.dim.${d}`) },
                  { title: t('quality.series'), dataIndex: 'score', key: 'score' },
                  { title: t('quality.rules'), dataIndex: 'rules', key: 'rules', render: (n: number) => t('quality.rulesN', { count: n }) },
                ]}
              />
            </Space>
          </Col>
        </Row>
      )}
      {r && r.samples.length > 0 && (
        <Table<Sample>
          size="small"
          style={{ marginTop: 16 }}
          data-testid="quality-samples"
          title={() => t('quality.samples')}
          rowKey={(s, i) => `${s.rule}-${s.key}-${i}`}
          dataSource={r.samples}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('quality.sample.key'), dataIndex: 'key', key: 'key', render: (v: string | null) => (v ? <span className="lt-mono">{v}</span> : '—') },
            { title: t('quality.sample.field'), dataIndex: 'field', key: 'field', render: (v: string | null) => v ?? '—' },
            { title: t('quality.sample.value'), dataIndex: 'value', key: 'value', render: (v: string | null) => v ?? '—' },
            { title: t('quality.sample.rule'), dataIndex: 'rule', key: 'rule', render: (v: string) => <span className="lt-mono">{v}</span> },
            { title: t('quality.sample.dimension'), dataIndex: 'dimension', key: 'dimension', render: (d: string) => msg(t, `quality.dim.${d}`) },
          ]}
        />
      )}
      {rules.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }} data-testid="quality-rules">
          {t('quality.rules')}: {rules.data.rules.length ? rules.data.rules.map((x) => `${msg(t, `quality.kind.${String(x.kind)}`)} · ${String(x.field)}`).join('；') : t('quality.rules.empty')}
          <br />
          {t('quality.rules.derived', { count: rules.data.derived.length })}
        </Typography.Paragraph>
      )}
      {editing && rules.data && (
        <RulesModal
          resource={resource}
          initial={rules.data.rules.map(fromRule)}
          onClose={(saved) => {
            setEditing(false);
            if (saved) setRound((x) => x + 1);
          }}
        />
      )}
    </Card>
  );
}

function RulesModal({ resource, initial, onClose }: { resource: CatalogResource; initial: RuleRow[]; onClose(saved: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rules: RuleRow[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldOptions = resource.fields.map((f) => ({ value: f.name, label: f.name }));
  return (
    <FormModal open title={t('quality.rules.edit')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<{ rules: RuleRow[] }>
        form={form}
        layout="vertical"
        initialValues={{ rules: initial }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const body = { rules: (v.rules ?? []).map(toRule) } as never;
            await unwrap(api.PUT('/api/v1/catalog/resources/{resourceId}/quality/rules', { params: { path: { resourceId: resource.id } }, body }));
            message.success(t('quality.rules.saved'));
            onClose(true);
          } catch (err) {
            setError(refusal(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.List name="rules">
          {(items, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {items.map((item) => (
                <Card key={item.key} size="small" extra={<MinusCircleOutlined onClick={() => remove(item.name)} />}>
                  <Space wrap align="start">
                    <Form.Item name={[item.name, 'kind']} label={t('quality.rule.kind')} rules={[{ required: true, message: t('quality.rule.kind') }]}>
                      <Select style={{ width: 200 }} options={KINDS.map((k) => ({ value: k, label: msg(t, `quality.kind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'field']} label={t('quality.rule.field')} rules={[{ required: true, message: t('quality.rule.field') }]}>
                      <Select style={{ width: 140 }} options={fieldOptions} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const kind = form.getFieldValue(['rules', item.name, 'kind']) as Kind | undefined;
                        if (kind === 'range')
                          return (
                            <Space>
                              <Form.Item name={[item.name, 'min']} label={t('quality.rule.min')}>
                                <Input style={{ width: 110 }} />
                              </Form.Item>
                              <Form.Item name={[item.name, 'max']} label={t('quality.rule.max')}>
                                <Input style={{ width: 110 }} />
                              </Form.Item>
                            </Space>
                          );
                        if (kind === 'pattern')
                          return (
                            <Form.Item name={[item.name, 'pattern']} label={t('quality.rule.pattern')} rules={[{ required: true, message: t('quality.rule.pattern') }]}>
                              <Input style={{ width: 220 }} className="lt-mono" />
                            </Form.Item>
                          );
                        if (kind === 'codes')
                          return (
                            <Form.Item name={[item.name, 'values']} label={t('quality.rule.values')} rules={[{ required: true, message: t('quality.rule.values') }]}>
                              <Input style={{ width: 220 }} />
                            </Form.Item>
                          );
                        if (kind === 'compare')
                          return (
                            <Space>
                              <Form.Item name={[item.name, 'op']} label={t('quality.rule.op')} initialValue=">=">
                                <Select style={{ width: 80 }} options={OPS.map((o) => ({ value: o, label: o }))} />
                              </Form.Item>
                              <Form.Item name={[item.name, 'other']} label={t('quality.rule.other')} rules={[{ required: true, message: t('quality.rule.other') }]}>
                                <Select style={{ width: 140 }} options={fieldOptions} />
                              </Form.Item>
                            </Space>
                          );
                        if (kind === 'freshness')
                          return (
                            <Form.Item name={[item.name, 'maxAgeDays']} label={t('quality.rule.maxAgeDays')}>
                              <InputNumber min={1} max={3650} style={{ width: 160 }} />
                            </Form.Item>
                          );
                        return null;
                      }}
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'required' })} block data-testid="quality-rule-add">
                {t('quality.rules.add')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
