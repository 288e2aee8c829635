import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Col, Descriptions, Empty, Row, Spin, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { INDICATOR_KEYS, IndicatorStatusTag, indicatorName, indicatorValue, radarValues, scoreText, type Indicator } from './cdo.view';

const LineChartView = lazy(() => import('../../charts/line.chart'));
const RadarChartView = lazy(() => import('../../charts/radar.chart'));

/** A public body's own indicators and score now, and its trend across evaluation snapshots. */
export default function CdoIndicatorsPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const orgId = me?.orgId ?? '';
  const body = useApiResource(`indicators:${orgId}`, async () => unwrap(api.GET('/api/v1/cdo/orgs/{orgId}/indicators', { params: { path: { orgId } } })));
  const trend = useApiResource(`trend:${orgId}`, async () => unwrap(api.GET('/api/v1/cdo/orgs/{orgId}/trend', { params: { path: { orgId }, query: { limit: 24 } } })));
  const axes = useMemo(() => INDICATOR_KEYS.map((k) => indicatorName(t, k)), [t]);
  const radar = useMemo(() => (body.data ? [{ name: t('cdo.body.score'), values: radarValues(body.data.indicators) }] : []), [body.data, t]);
  const labels = useMemo(() => (trend.data?.items ?? []).map((i) => i.period), [trend.data]);
  const series = useMemo(
    () => [
      { name: t('cdo.col.score'), values: (trend.data?.items ?? []).map((i) => i.score) },
      { name: t('cdo.col.rank'), values: (trend.data?.items ?? []).map((i) => i.rank) },
    ],
    [trend.data, t],
  );

  const columns: TableProps<Indicator>['columns'] = [
    { title: t('cdo.col.indicator'), dataIndex: 'key', key: 'key', render: (k: string) => indicatorName(t, k) },
    { title: t('cdo.col.status'), dataIndex: 'status', key: 'status', render: (s: string) => <IndicatorStatusTag t={t} status={s} /> },
    { title: t('cdo.col.value'), key: 'value', render: (_: unknown, i: Indicator) => indicatorValue(t, i) },
    { title: t('cdo.col.indicatorScore'), dataIndex: 'score', key: 'score', render: (v: number | null) => scoreText(v) },
    { title: t('cdo.col.weight'), key: 'weight', render: (_: unknown, i: Indicator) => body.data?.weights[i.key] ?? '—' },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('cdo.body.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('cdo.body.intro')}</Typography.Paragraph>
      {body.error && <Alert type="warning" showIcon message={body.error} style={{ marginBottom: 16 }} />}
      {body.data && (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card style={{ marginBottom: 16 }}>
              <Statistic title={t('cdo.body.score')} value={body.data.score === null ? t('cdo.body.noScore') : scoreText(body.data.score)} data-testid="cdo-score" />
              <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
                <Descriptions.Item label={t('cdo.col.cdo')}>{body.data.cdo ? `${body.data.cdo.name} · ${body.data.cdo.title}` : t('cdo.appointments.none')}</Descriptions.Item>
                <Descriptions.Item label={t('cdo.body.computedAt')}>{formatTime(body.data.computedAt, locale)}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t('cdo.eval.radar')} style={{ marginBottom: 16 }}>
              <Suspense fallback={<Spin />}>
                <RadarChartView axes={axes} series={radar} max={100} />
              </Suspense>
            </Card>
          </Col>
        </Row>
      )}
      {body.data && (
        <Card style={{ marginBottom: 16 }}>
          <Table<Indicator> rowKey="key" data-testid="cdo-indicators" columns={columns} dataSource={body.data.indicators} pagination={false} scroll={{ x: true }} />
        </Card>
      )}
      <Card title={t('cdo.eval.trend')}>
        {trend.error && <Alert type="error" showIcon message={trend.error} />}
        {trend.data && trend.data.items.length > 0 ? (
          <Suspense fallback={<Spin />}>
            <LineChartView labels={labels} series={series} />
          </Suspense>
        ) : (
          <Empty description={t('cdo.eval.noSnapshots')} />
        )}
      </Card>
    </div>
  );
}
