/**
 * The market's trade disclosure (成交信息披露) on the public portal: deals put in force per day
 * (Beijing days) and their amounts, over the last 7, 30 or 90 days — as charts (ECharts, loaded
 * lazily) and as tables — and the same by category and by region. No single trade's price shows: a
 * cell of fewer than the minimum deals is merged into "other", whose amount shows only when it holds
 * enough deals, and a day's total is withheld when it would reveal the rest; the page says so where
 * it happens.
 */
import { lazy, Suspense, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { formatFen } from '../../format/money.format';
import { categoryLabel, regionLabel } from './listing.view';
import { dailySeries, daysBetween, fenToYuanNumber, shanghaiToday, sumFen, totalsByKey, type DisclosedDay } from './trade.rules';
import type { Disclosure } from './trade.view';

const LineChartView = lazy(() => import('../../charts/line.chart'));
const BarChartView = lazy(() => import('../../charts/bar.chart'));
const RANGES = [7, 30, 90] as const;

/** `YYYY-MM-DD` a number of days before another. */
const daysBefore = (date: string, n: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() - n * 86_400_000).toISOString().slice(0, 10);

export default function MarketDisclosurePage() {
  const { t } = useI18n();
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const to = shanghaiToday();
  const from = daysBefore(to, range - 1);
  const res = useApiResource(`market-disclosure-${from}-${to}`, () => unwrap(api.GET('/api/v1/public/exchange/disclosure', { params: { query: { from, to } } })));
  const d = res.data && res.data.from === from && res.data.to === to ? res.data : undefined;

  return (
    <div data-testid="disclosure" data-from={d?.from ?? ''} data-to={d?.to ?? ''} data-min-deals={d?.minDeals ?? ''}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="disclosure-title">
          {t('trade.disclosure.title')}
        </Typography.Title>
        <Segmented<(typeof RANGES)[number]>
          value={range}
          onChange={setRange}
          options={RANGES.map((r) => ({ value: r, label: t('trade.disclosure.lastDays', { n: r }) }))}
          data-testid="disclosure-range"
        />
      </div>
      <Typography.Paragraph type="secondary">{t('trade.disclosure.intro')}</Typography.Paragraph>
      {d && (
        <Alert type="info" showIcon icon={<EyeInvisibleOutlined />} style={{ marginBottom: 16 }} title={t('trade.disclosure.rule', { n: d.minDeals })} data-testid="disclosure-rule" />
      )}
      {res.error && <Alert type="error" showIcon title={res.error} style={{ marginBottom: 16 }} />}
      {!d ? (
        <Skeleton active />
      ) : (
        <>
          <Summary d={d} />
          <Daily d={d} />
          <Card style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                { key: 'category', label: t('trade.disclosure.byCategory'), children: <ByKey days={d.byCategory} label={(k) => (k === 'other' ? t('trade.disclosure.other') : categoryLabel(t, k))} testId="disclosure-category" /> },
                { key: 'region', label: t('trade.disclosure.byRegion'), children: <ByKey days={d.byRegion} label={(k) => (k === 'other' ? t('trade.disclosure.other') : regionLabel(t, k))} testId="disclosure-region" /> },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}

function Summary({ d }: { d: Disclosure }) {
  const { t } = useI18n();
  const deals = d.byCategory.reduce((s, x) => s + x.deals, 0);
  const shown = d.byCategory.filter((x) => x.amountFen !== null);
  const withheldDays = d.byCategory.length - shown.length;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <Card size="small" data-testid="disclosure-deals" data-deals={deals}>
          <Statistic title={t('trade.disclosure.deals')} value={deals} />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" data-testid="disclosure-amount" data-fen={sumFen(shown.map((x) => x.amountFen!))} data-withheld-days={withheldDays}>
          <Statistic title={t('trade.disclosure.amountShown')} value={formatFen(sumFen(shown.map((x) => x.amountFen!)))} />
          {withheldDays > 0 && <Typography.Text type="secondary">{t('trade.disclosure.daysWithheld', { n: withheldDays })}</Typography.Text>}
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic title={t('trade.disclosure.daysWithDeals')} value={d.byCategory.length} suffix={`/ ${daysBetween(d.from, d.to).length}`} />
        </Card>
      </Col>
    </Row>
  );
}

function Daily({ d }: { d: Disclosure }) {
  const { t } = useI18n();
  const series = dailySeries(d.from, d.to, d.byCategory);
  const labels = series.map((s) => s.date.slice(5));
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        <Card title={t('trade.disclosure.dailyDeals')} size="small">
          <Suspense fallback={<Skeleton active />}>
            <LineChartView labels={labels} series={[{ name: t('trade.disclosure.deals'), values: series.map((s) => s.deals) }]} />
          </Suspense>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('trade.disclosure.dailyAmount')} size="small" extra={<Typography.Text type="secondary">{t('trade.disclosure.yuan')}</Typography.Text>}>
          <Suspense fallback={<Skeleton active />}>
            <LineChartView labels={labels} connectNulls={false} series={[{ name: t('trade.disclosure.amount'), values: series.map((s) => (s.amountFen === null ? null : fenToYuanNumber(s.amountFen))) }]} />
          </Suspense>
          {series.some((s) => s.amountFen === null) && <Typography.Text type="secondary">{t('trade.disclosure.gapHint')}</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
}

const withheld = (t: Translate, why: string) => (
  <Tooltip title={why}>
    <Tag icon={<EyeInvisibleOutlined />} data-withheld="true">
      {t('trade.disclosure.withheld')}
    </Tag>
  </Tooltip>
);

/** One dimension: deals per key as a chart, the totals per key, and every day's cells. */
function ByKey({ days, label, testId }: { days: Disclosure['byCategory']; label(key: string): string; testId: string }) {
  const { t } = useI18n();
  const totals = totalsByKey(days as DisclosedDay[]);
  if (days.length === 0) return <Empty description={t('trade.disclosure.none')} data-testid={`${testId}-empty`} />;
  const rows = days.flatMap((day) => day.cells.map((c) => ({ ...c, date: day.date, id: `${day.date}-${c.key}` })));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t('trade.disclosure.dealsByKey')}</Typography.Text>
          <Suspense fallback={<Skeleton active />}>
            <BarChartView labels={totals.map((x) => label(x.key))} values={totals.map((x) => x.deals)} height={Math.max(160, totals.length * 36)} />
          </Suspense>
        </Col>
        <Col xs={24} lg={12}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={totals}
            scroll={{ x: 'max-content' }}
            data-testid={`${testId}-totals`}
            onRow={(x) => ({ 'data-testid': `${testId}-total-${x.key}`, 'data-deals': x.deals, 'data-fen': x.shownFen, 'data-withheld-deals': x.withheldDeals }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('trade.disclosure.key'), key: 'key', render: (_: unknown, x) => label(x.key) },
              { title: t('trade.disclosure.deals'), dataIndex: 'deals', key: 'deals', align: 'right' },
              {
                title: t('trade.disclosure.amountShown'),
                key: 'amount',
                align: 'right',
                render: (_: unknown, x) =>
                  x.withheldDeals === x.deals ? withheld(t, t('trade.disclosure.withheldWhy')) : (
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {formatFen(x.shownFen)}
                      {x.withheldDeals > 0 && <Typography.Text type="secondary">{` ${t('trade.disclosure.partly', { n: x.withheldDeals })}`}</Typography.Text>}
                    </span>
                  ),
              },
            ]}
          />
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid={`${testId}-cells`}
        onRow={(c) => ({ 'data-testid': `${testId}-cell-${c.date}-${c.key}`, 'data-deals': c.deals, 'data-fen': c.amountFen ?? '' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('trade.disclosure.date'), dataIndex: 'date', key: 'date', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          {
            title: t('trade.disclosure.key'),
            key: 'key',
            render: (_: unknown, c) => (
              <span>
                {label(c.key)}
                {c.merged ? <Typography.Text type="secondary">{` ${t('trade.disclosure.merged', { n: c.merged })}`}</Typography.Text> : null}
              </span>
            ),
          },
          { title: t('trade.disclosure.deals'), dataIndex: 'deals', key: 'deals', align: 'right' },
          { title: t('trade.disclosure.amount'), key: 'amount', align: 'right', render: (_: unknown, c) => (c.amountFen === null ? withheld(t, t('trade.disclosure.withheldWhy')) : <span style={{ whiteSpace: 'nowrap' }}>{formatFen(c.amountFen)}</span>) },
        ]}
      />
      <Table
        size="small"
        rowKey="date"
        dataSource={days}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid={`${testId}-days`}
        onRow={(day) => ({ 'data-testid': `${testId}-day-${day.date}`, 'data-deals': day.deals, 'data-fen': day.amountFen ?? '' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('trade.disclosure.date'), dataIndex: 'date', key: 'date' },
          { title: t('trade.disclosure.deals'), dataIndex: 'deals', key: 'deals', align: 'right' },
          { title: t('trade.disclosure.dayTotal'), key: 'amount', align: 'right', render: (_: unknown, day) => (day.amountFen === null ? withheld(t, t('trade.disclosure.totalWithheldWhy')) : <span style={{ whiteSpace: 'nowrap' }}>{formatFen(day.amountFen)}</span>) },
        ]}
      />
    </Space>
  );
}
