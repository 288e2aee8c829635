import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Space, Spin, Switch, Table, Tag, Typography, message } from 'antd';
import type { TableProps } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { levelName, type Assessment, type AssessmentSummary, type DcmmModel } from './cdo.view';

const RadarChartView = lazy(() => import('../../charts/radar.chart'));

type Item = DcmmModel['areas'][number]['items'][number];
type Rating = Assessment['ratings'][number];
const LEVELS = [1, 2, 3, 4, 5] as const;

/** DCMM self-assessment (GB/T 36073-2018): the form over the configurable item list, the result with its area radar, the history; the bureau edits the item list. */
export default function CdoDcmmPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const orgId = me?.orgId ?? '';
  const [assessing, setAssessing] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const model = useApiResource('dcmm-model', async () => unwrap(api.GET('/api/v1/cdo/dcmm/model', { params: { query: { all: access['cdo.editItems'] } } })));
  const history = useApiResource(`dcmm:${orgId}:${page}`, async () => unwrap(api.GET('/api/v1/cdo/orgs/{orgId}/dcmm-assessments', { params: { path: { orgId }, query: { page, pageSize: 10 } } })));
  const shown = viewing ?? history.data?.items[0]?.id ?? null;
  const result = useApiResource(`dcmm-result:${shown}`, async () =>
    shown ? ((await unwrap(api.GET('/api/v1/cdo/orgs/{orgId}/dcmm-assessments/{assessmentId}', { params: { path: { orgId, assessmentId: shown } } }))) as Assessment) : null,
  );
  const areaName = (area: string) => orgName(model.data?.areas.find((a) => a.area === area)?.name, locale);

  const historyColumns: TableProps<AssessmentSummary>['columns'] = [
    { title: t('cdo.dcmm.assessedAt'), dataIndex: 'assessedAt', key: 'at', render: (v: string) => formatTime(v, locale) },
    { title: t('cdo.dcmm.overall'), dataIndex: 'overallLevel', key: 'level', render: (v: number) => <Tag color="red">{levelName(t, v)}</Tag> },
    { title: t('cdo.dcmm.overallScore'), dataIndex: 'overallScore', key: 'score' },
    { title: t('cdo.dcmm.note'), dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '—' },
    { title: t('cdo.col.actions'), key: 'actions', render: (_: unknown, a: AssessmentSummary) => <Button size="small" onClick={() => setViewing(a.id)}>{t('cdo.dcmm.view')}</Button> },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('cdo.dcmm.title')}</Typography.Title>
        {access['cdo.assess'] && !assessing && (
          <Button type="primary" onClick={() => setAssessing(true)} data-testid="dcmm-start">
            {t('cdo.dcmm.assess')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('cdo.dcmm.intro')}</Typography.Paragraph>
      {model.error && <Alert type="error" showIcon message={model.error} style={{ marginBottom: 16 }} />}
      {assessing && model.data && (
        <AssessmentForm
          orgId={orgId}
          model={model.data}
          onDone={(id) => {
            setAssessing(false);
            if (id) {
              setViewing(id);
              history.reload();
            }
          }}
        />
      )}
      <Card title={t('cdo.dcmm.result')} style={{ marginBottom: 16 }}>
        {result.error && <Alert type="error" showIcon message={result.error} />}
        {result.data ? <AssessmentResult assessment={result.data} areaName={areaName} /> : <Empty description={t('cdo.dcmm.none')} />}
      </Card>
      <Card title={t('cdo.dcmm.history')} style={{ marginBottom: 16 }}>
        {history.error && <Alert type="error" showIcon message={history.error} />}
        <Table<AssessmentSummary>
          rowKey="id"
          data-testid="dcmm-history"
          loading={history.loading}
          columns={historyColumns}
          dataSource={history.data?.items ?? []}
          pagination={{ current: page, pageSize: 10, total: history.data?.total ?? 0, onChange: setPage }}
          locale={{ emptyText: t('cdo.dcmm.none') }}
        />
      </Card>
      {access['cdo.editItems'] && model.data && <ItemsCard model={model.data} onChanged={model.reload} />}
    </div>
  );
}

function AssessmentResult({ assessment, areaName }: { assessment: Assessment; areaName(area: string): string }) {
  const { t, locale } = useI18n();
  const axes = useMemo(() => assessment.areas.map((a) => areaName(a.area)), [assessment, areaName]);
  const series = useMemo(() => [{ name: t('cdo.dcmm.areaScore'), values: assessment.areas.map((a) => a.score) }], [assessment, t]);
  const ratingColumns: TableProps<Rating>['columns'] = [
    { title: t('cdo.dcmm.area'), dataIndex: 'area', key: 'area', render: (v: string) => areaName(v) },
    { title: t('cdo.dcmm.item'), dataIndex: 'name', key: 'name', render: (n: Rating['name']) => orgName(n, locale) },
    { title: t('cdo.dcmm.level'), dataIndex: 'level', key: 'level', render: (v: number) => levelName(t, v) },
    { title: t('cdo.dcmm.evidence'), dataIndex: 'evidence', key: 'evidence' },
  ];
  return (
    <div data-testid="dcmm-result">
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('cdo.dcmm.overall')}>
              <Tag color="red" data-testid="dcmm-overall">{levelName(t, assessment.overallLevel)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('cdo.dcmm.overallScore')}>{assessment.overallScore}</Descriptions.Item>
            <Descriptions.Item label={t('cdo.dcmm.assessedAt')}>{formatTime(assessment.assessedAt, locale)}</Descriptions.Item>
            {assessment.areas.map((a) => (
              <Descriptions.Item key={a.area} label={areaName(a.area)}>
                <Space>
                  {levelName(t, a.level)}
                  <Typography.Text type="secondary">{a.score}</Typography.Text>
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Col>
        <Col xs={24} lg={14}>
          <Suspense fallback={<Spin />}>
            <RadarChartView axes={axes} series={series} max={5} />
          </Suspense>
        </Col>
      </Row>
      <Table<Rating> rowKey="itemId" size="small" columns={ratingColumns} dataSource={assessment.ratings} pagination={false} scroll={{ x: true }} />
    </div>
  );
}

type RatingValues = Record<string, { level?: number; evidence?: string }>;

function AssessmentForm({ orgId, model, onDone }: { orgId: string; model: DcmmModel; onDone(id: string | null): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ ratings: RatingValues; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const areas = model.areas.map((a) => ({ ...a, items: a.items.filter((i) => i.active) })).filter((a) => a.items.length > 0);
  return (
    <Card title={t('cdo.dcmm.assess')} style={{ marginBottom: 16 }} data-testid="dcmm-form">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<{ ratings: RatingValues; note?: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const ratings = areas.flatMap((a) => a.items).map((i) => ({ itemId: i.id, level: v.ratings[i.id]!.level!, evidence: v.ratings[i.id]!.evidence!.trim() }));
            const saved = (await unwrap(api.POST('/api/v1/cdo/orgs/{orgId}/dcmm-assessments', { params: { path: { orgId } }, body: { ratings, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } }))) as Assessment;
            message.success(t('cdo.dcmm.saved', { level: levelName(t, saved.overallLevel) }));
            onDone(saved.id);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        {areas.map((a) => (
          <div key={a.area} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>{orgName(a.name, locale)}</Typography.Title>
            {a.items.map((i) => (
              <Row gutter={12} key={i.id} align="top">
                <Col xs={24} md={6}>
                  <Typography.Text>{orgName(i.name, locale)}</Typography.Text>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={['ratings', i.id, 'level']} rules={[{ required: true, message: t('cdo.form.required') }]}>
                    <Select<number> placeholder={t('cdo.dcmm.level')} options={LEVELS.map((l) => ({ value: l, label: `${l} · ${levelName(t, l)}` }))} data-testid={`dcmm-level-${i.code}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={['ratings', i.id, 'evidence']} rules={[{ required: true, whitespace: true, message: t('cdo.form.required') }]}>
                    <Input maxLength={2000} placeholder={t('cdo.dcmm.evidenceHint')} data-testid={`dcmm-evidence-${i.code}`} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
          </div>
        ))}
        <Form.Item name="note" label={t('cdo.dcmm.note')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="dcmm-submit">
            {t('cdo.dcmm.submit')}
          </Button>
          <Button onClick={() => onDone(null)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function ItemsCard({ model, onChanged }: { model: DcmmModel; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [adding, setAdding] = useState(false);
  const items = model.areas.flatMap((a) => a.items.map((i) => ({ ...i, areaName: a.name })));
  const toggle = async (i: Item, active: boolean) => {
    try {
      await unwrap(api.PATCH('/api/v1/cdo/dcmm/items/{itemId}', { params: { path: { itemId: i.id } }, body: { active } }));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };
  const columns: TableProps<(typeof items)[number]>['columns'] = [
    { title: t('cdo.dcmm.area'), dataIndex: 'areaName', key: 'area', render: (n: Item['name']) => orgName(n, locale) },
    { title: t('cdo.dcmm.code'), dataIndex: 'code', key: 'code' },
    { title: t('cdo.dcmm.item'), dataIndex: 'name', key: 'name', render: (n: Item['name']) => orgName(n, locale) },
    { title: t('cdo.dcmm.active'), dataIndex: 'active', key: 'active', render: (v: boolean, i) => <Switch checked={v} onChange={(on) => void toggle(i, on)} /> },
  ];
  return (
    <Card
      title={t('cdo.dcmm.items')}
      extra={
        <Button onClick={() => setAdding(true)} data-testid="dcmm-add-item">
          {t('cdo.dcmm.addItem')}
        </Button>
      }
    >
      <Table rowKey="id" size="small" columns={columns} dataSource={items} pagination={{ pageSize: 30 }} />
      {adding && (
        <AddItemModal
          areas={model.areas.map((a) => ({ value: a.area, label: orgName(a.name, locale) }))}
          onClose={(changed) => {
            setAdding(false);
            if (changed) onChanged();
          }}
        />
      )}
    </Card>
  );
}

interface ItemValues {
  area: DcmmModel['areas'][number]['area'];
  code: string;
  nameZh: string;
  nameEn: string;
}

function AddItemModal({ areas, onClose }: { areas: Array<{ value: ItemValues['area']; label: string }>; onClose(changed: boolean): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ItemValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('cdo.dcmm.addItem')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<ItemValues>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/cdo/dcmm/items', { body: { area: v.area, code: v.code.trim(), name: { zh: v.nameZh.trim(), en: v.nameEn.trim() } } }));
            onClose(true);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="area" label={t('cdo.dcmm.area')} rules={[{ required: true, message: t('cdo.form.required') }]}>
          <Select options={areas} />
        </Form.Item>
        <Form.Item name="code" label={t('cdo.dcmm.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, message: t('cdo.dcmm.codeRule') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('cdo.dcmm.nameZh')} rules={[{ required: true, whitespace: true, message: t('cdo.form.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('cdo.dcmm.nameEn')} rules={[{ required: true, whitespace: true, message: t('cdo.form.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
