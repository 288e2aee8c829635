/**
 * Settlement (清结算) at the exchange: its finance staff run settlement for a business date — every
 * accepted deal due on or before it (T+n working days after acceptance; never a date after today:
 * nothing is paid out before it is due) settled in batches, each
 * batch one balanced journal from escrow to the sellers, brokers, public data's implementing bodies
 * and the exchange's fee, each deal exactly once (a second run settles nothing more) — and the
 * exchange and the regulator see the batches, newest first.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Table, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { listPagination } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { isCalendarDate, shanghaiToday } from './trade.rules';
import type { SettlementBatch, SettlementRun } from './trade.view';

const PAGE_SIZE = 20;

export default function SettlementsPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SettlementRun | null>(null);
  const [form] = Form.useForm<{ businessDate: string }>();
  const batches = useApiResource(`settlement-batches-${page}-${round}`, () => unwrap(api.GET('/api/v1/exchange/settlements', { params: { query: { page, pageSize: PAGE_SIZE } } })));
  const run = async (businessDate: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(api.POST('/api/v1/exchange/settlements', { body: { businessDate } }));
      setResult(r);
      message.success(t('trade.settlements.ran', { items: r.items }));
      setPage(1);
      setRound((x) => x + 1);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="settlements">
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="settlements-title">
          {t('trade.settlements.title')}
        </Typography.Title>
        <Link to="/console/exchange/books">{t('trade.settlements.toBooks')}</Link>
      </div>
      <Typography.Paragraph type="secondary">{t('trade.settlements.intro')}</Typography.Paragraph>
      {access['exchange.finance'] && (
        <Card title={t('trade.settlements.run')} style={{ marginBottom: 16 }} data-testid="settlements-run">
          {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} data-testid="settlements-error" />}
          <Form form={form} layout="inline" initialValues={{ businessDate: shanghaiToday() }} onFinish={(v) => void run(v.businessDate.trim())} style={{ rowGap: 8 }}>
            <Form.Item name="businessDate" label={t('trade.settlements.businessDate')} rules={[{ required: true, validator: async (_: unknown, v: string | undefined) => { if (!v || !isCalendarDate(v.trim())) throw new Error(t('trade.settlements.dateRule')); if (v.trim() > shanghaiToday()) throw new Error(t('trade.settlements.notDue', { today: shanghaiToday() })); } }]}>
              <Input type="date" max={shanghaiToday()} style={{ width: 180 }} data-testid="settlements-date" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={busy} data-testid="settlements-submit">
                {t('trade.settlements.runButton')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('trade.settlements.runHint')}</Typography.Paragraph>
          {result && (
            <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginTop: 12 }} data-testid="settlements-result" data-date={result.businessDate} data-items={result.items} data-amount-fen={result.amountFen} data-batches={result.batches.map((b) => b.id).join(',')}>
              <Descriptions.Item label={t('trade.settlements.businessDate')}>{result.businessDate}</Descriptions.Item>
              <Descriptions.Item label={t('trade.settlements.items')}>{result.items}</Descriptions.Item>
              <Descriptions.Item label={t('trade.settlements.amount')}>{formatFen(result.amountFen)}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
      <Card title={t('trade.settlements.batches')}>
        {batches.error && <Alert type="error" showIcon title={batches.error} style={{ marginBottom: 12 }} />}
        <Table<SettlementBatch>
          rowKey="id"
          size="small"
          loading={batches.loading}
          dataSource={batches.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="settlements-batches"
          onRow={(b) => ({ 'data-testid': `batch-${b.id}`, 'data-date': b.businessDate, 'data-items': b.items, 'data-fen': b.amountFen, 'data-journal': b.journalId }) as React.HTMLAttributes<HTMLElement>}
          pagination={listPagination(t, page, PAGE_SIZE, batches.data?.total ?? 0, setPage)}
          locale={{ emptyText: t('trade.settlements.empty') }}
          columns={[
            { title: t('trade.settlements.col.batch'), dataIndex: 'id', key: 'id', render: (v: string) => <Link to={`/console/exchange/settlements/${v}`} className="lt-mono" data-testid={`batch-link-${v}`}>{v}</Link> },
            { title: t('trade.settlements.businessDate'), dataIndex: 'businessDate', key: 'date' },
            { title: t('trade.settlements.items'), dataIndex: 'items', key: 'items', align: 'right' },
            { title: t('trade.settlements.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(v)}</span> },
            { title: t('trade.settlements.col.journal'), dataIndex: 'journalId', key: 'journal', render: (v: string) => <span className="lt-mono">{v}</span> },
            { title: t('trade.settlements.col.at'), dataIndex: 'settledAt', key: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
          ]}
        />
      </Card>
    </div>
  );
}
