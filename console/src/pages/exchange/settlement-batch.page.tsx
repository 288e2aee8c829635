/**
 * One settlement batch (清算批次): its business date, deals, amount, journal and when it settled, and
 * each deal in it — the contract, the amount released from escrow and its split (seller, brokers,
 * public data's share, the exchange's fee). The exchange and the regulator see every deal; a member
 * the deals it paid or is credited in (the server decides). Reached from the settlements page and
 * from a settlement line of a statement.
 */
import { Alert, Card, Descriptions, Empty, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { SettlementLines, useOrgDirectory } from './trade.view';

export default function SettlementBatchPage() {
  const { batchId = '' } = useParams();
  const { t, locale } = useI18n();
  const { access } = useSession();
  const res = useApiResource(`settlement-batch-${batchId}`, () => unwrap(api.GET('/api/v1/exchange/settlements/{batchId}', { params: { path: { batchId } } })));
  const nameOf = useOrgDirectory(locale);
  const b = res.data && res.data.id === batchId ? res.data : undefined;
  if (res.loading && !b) return <Skeleton active />;
  if (!b) return <Alert type="error" showIcon title={res.error ?? t('trade.batch.notFound')} data-testid="batch-load-error" />;
  return (
    <div data-testid="batch" data-id={b.id} data-date={b.businessDate} data-items={b.items} data-fen={b.amountFen} data-journal={b.journalId} data-deals={b.deals.length}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="batch-title">
          {t('trade.batch.title', { date: b.businessDate })}
        </Typography.Title>
        <Link to={access['exchange.settlements'] ? '/console/exchange/settlements' : '/console/exchange/books'}>{t(access['exchange.settlements'] ? 'trade.batch.back' : 'trade.batch.toBooks')}</Link>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('trade.settlements.col.batch')}><span className="lt-mono">{b.id}</span></Descriptions.Item>
          <Descriptions.Item label={t('trade.settlements.businessDate')}>{b.businessDate}</Descriptions.Item>
          <Descriptions.Item label={t('trade.settlements.items')}>{b.items}</Descriptions.Item>
          <Descriptions.Item label={t('trade.settlements.amount')}>{formatFen(b.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('trade.settlements.col.journal')}><span className="lt-mono">{b.journalId}</span></Descriptions.Item>
          <Descriptions.Item label={t('trade.settlements.col.at')}>{formatTime(b.settledAt, locale)}</Descriptions.Item>
        </Descriptions>
        {b.deals.length < b.items && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="batch-partial">{t('trade.batch.yours', { shown: b.deals.length, items: b.items })}</Typography.Paragraph>}
      </Card>
      {b.deals.length === 0 && <Empty description={t('trade.batch.noDeals')} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {b.deals.map((d) => (
          <Card
            key={d.negotiationId}
            size="small"
            title={
              <Space wrap>
                <span>{t('trade.batch.deal', { contract: d.contractNumber ?? d.negotiationId })}</span>
                <Typography.Text type="secondary">{t('trade.batch.buyer', { buyer: nameOf(d.buyerOrgId) })}</Typography.Text>
              </Space>
            }
            extra={<Link to={`/console/exchange/negotiations/${d.negotiationId}`} data-testid={`batch-deal-link-${d.negotiationId}`}>{t('trade.batch.openContract')}</Link>}
            data-testid={`batch-deal-${d.negotiationId}`}
            data-fen={d.amountFen}
            data-contract={d.contractNumber ?? ''}
          >
            <SettlementLines lines={d.lines} totalFen={d.amountFen} nameOf={(orgId, to) => (to === 'fee' ? t('trade.settlement.theExchange') : orgId ? nameOf(orgId) : '—')} testId={`batch-lines-${d.negotiationId}`} />
          </Card>
        ))}
      </Space>
    </div>
  );
}
