import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Select, Space, Spin, Table, Tooltip, Typography, message } from 'antd';
import type { TableProps } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { INDICATOR_KEYS, indicatorName, indicatorValue, radarValues, scoreText, type Evaluation, type Indicator } from './cdo.view';

const LineChartView = lazy(() => import('../../charts/line.chart'));
const RadarChartView = lazy(() => import('../../charts/radar.chart'));

interface Row {
  orgId: string;
  orgName: { zh: string; en: string };
  score: number | null;
  rank: number | null;
  indicators: Indicator[];
  cdo?: { name: string; title: string } | null;
}

const LIVE = 'live';

/** The data bureau's evaluation dashboard (管理评价): ranking (live or a snapshot), a body's score trend and its indicator radar. */
export default function CdoEvaluationPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const [view, setView] = useState<string>(LIVE);
  const [selected, setSelected] = useState<string | null>(null);
  const [taking, setTaking] = useState(false);
  const snapshots = useApiResource('snapshots', async () => unwrap(api.GET('/api/v1/cdo/evaluations', { params: { query: { page: 1, pageSize: 100 } } })));
  const ranking = useApiResource(`ranking:${view}`, async () => {
    if (view === LIVE) {
      const r = await unwrap(api.GET('/api/v1/cdo/indicators'));
      return { items: r.items as Row[], unavailable: r.unavailable as string[], weights: r.weights, at: r.computedAt };
    }
    const e = (await unwrap(api.GET('/api/v1/cdo/evaluations/{evaluationId}', { params: { path: { evaluationId: view } } }))) as Evaluation;
    return { items: e.items as Row[], unavailable: e.unavailable, weights: e.weights, at: e.takenAt };
  });
  const trend = useApiResource(`trend:${selected}`, async () => (selected ? unwrap(api.GET('/api/v1/cdo/orgs/{orgId}/trend', { params: { path: { orgId: selected }, query: { limit: 24 } } })) : null));
  const current = ranking.data?.items.find((r) => r.orgId === selected) ?? null;

  const axes = useMemo(() => INDICATOR_KEYS.map((k) => indicatorName(t, k)), [t]);
  const radarSeries = useMemo(() => (current ? [{ name: orgName(current.orgName, locale), values: radarValues(current.indicators) }] : []), [current, locale]);
  const trendLabels = useMemo(() => (trend.data?.items ?? []).map((i) => i.period), [trend.data]);
  const trendSeries = useMemo(() => [{ name: t('cdo.col.score'), values: (trend.data?.items ?? []).map((i) => i.score) }], [trend.data, t]);

  const columns: TableProps<Row>['columns'] = [
    { title: t('cdo.col.rank'), dataIndex: 'rank', key: 'rank', width: 72, render: (v: number | null) => v ?? '—' },
    { title: t('cdo.col.org'), dataIndex: 'orgName', key: 'org', render: (n: Row['orgName']) => orgName(n, locale) },
    { title: t('cdo.col.score'), dataIndex: 'score', key: 'score', render: (v: number | null) => <Typography.Text strong>{scoreText(v)}</Typography.Text> },
    ...(view === LIVE ? [{ title: t('cdo.col.cdo'), key: 'cdo', render: (_: unknown, r: Row) => (r.cdo ? `${r.cdo.name}（${r.cdo.title}）` : '—') }] : []),
    ...INDICATOR_KEYS.map((k) => ({
      title: indicatorName(t, k),
      key: k,
      render: (_: unknown, r: Row) => {
        const i = r.indicators.find((x) => x.key === k);
        return i ? <Tooltip title={indicatorValue(t, i)}>{scoreText(i.score)}</Tooltip> : '—';
      },
    })),
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('cdo.eval.title')}</Typography.Title>
        {access['cdo.evaluate'] && (
          <Button type="primary" onClick={() => setTaking(true)} data-testid="cdo-take">
            {t('cdo.eval.take')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('cdo.eval.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Space wrap>
          <Typography.Text>{t('cdo.eval.snapshot')}</Typography.Text>
          <Select<string>
            style={{ minWidth: 260 }}
            value={view}
            onChange={(v) => setView(v)}
            loading={snapshots.loading}
            options={[{ value: LIVE, label: t('cdo.eval.liveOption') }, ...(snapshots.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.period} · ${formatTime(s.takenAt, locale)}` }))]}
            data-testid="cdo-snapshot"
          />
          {ranking.data && <Typography.Text type="secondary">{t('cdo.eval.computedAt', { time: formatTime(ranking.data.at, locale) })}</Typography.Text>}
        </Space>
      </div>
      {ranking.error && <Alert type="error" showIcon message={ranking.error} style={{ marginBottom: 16 }} />}
      {ranking.data && ranking.data.unavailable.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('cdo.eval.unavailable', { list: ranking.data.unavailable.map((k) => indicatorName(t, k)).join('、') })} />
      )}
      <Card title={view === LIVE ? t('cdo.eval.live') : t('cdo.eval.snapshot')} style={{ marginBottom: 16 }}>
        <Table<Row>
          rowKey="orgId"
          data-testid="cdo-ranking"
          loading={ranking.loading}
          columns={columns}
          dataSource={ranking.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          onRow={(r) => ({ onClick: () => setSelected(r.orgId), style: { cursor: 'pointer', ...(r.orgId === selected ? { background: '#fff1f0' } : {}) } })}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={current ? `${t('cdo.eval.trend')} · ${orgName(current.orgName, locale)}` : t('cdo.eval.trend')} style={{ marginBottom: 16 }}>
            {!selected ? (
              <Empty description={t('cdo.eval.selectBody')} />
            ) : trend.data && trend.data.items.length > 0 ? (
              <Suspense fallback={<Spin />}>
                <LineChartView labels={trendLabels} series={trendSeries} max={100} />
              </Suspense>
            ) : (
              <Empty description={t('cdo.eval.noSnapshots')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('cdo.eval.radar')} style={{ marginBottom: 16 }}>
            {current ? (
              <Suspense fallback={<Spin />}>
                <RadarChartView axes={axes} series={radarSeries} max={100} />
              </Suspense>
            ) : (
              <Empty description={t('cdo.eval.selectBody')} />
            )}
          </Card>
        </Col>
      </Row>
      {taking && (
        <TakeModal
          onClose={(id) => {
            setTaking(false);
            if (id) {
              snapshots.reload();
              setView(id);
            }
          }}
        />
      )}
    </div>
  );
}

function TakeModal({ onClose }: { onClose(id: string | null): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ period: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('cdo.eval.take')} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Form<{ period: string; note?: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const e = (await unwrap(api.POST('/api/v1/cdo/evaluations', { body: { period: v.period.trim(), ...(v.note?.trim() ? { note: v.note.trim() } : {}) } }))) as Evaluation;
            message.success(t('cdo.eval.taken', { period: e.period }));
            onClose(e.id);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="period" label={t('cdo.eval.period')} rules={[{ required: true, pattern: /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, message: t('cdo.eval.periodRule') }]}>
          <Input maxLength={7} data-testid="cdo-period" />
        </Form.Item>
        <Form.Item name="note" label={t('cdo.eval.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
