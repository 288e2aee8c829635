/**
 * Disputes (争议仲裁): my organisation's, as the buyer or seller of the contract or as the
 * arbitration provider named — each with its contract, who raised it, the arbitrator, the refund
 * asked and ordered, its status and when; the exchange and the regulator may see all of them.
 * Filtered by status, paged by the server; open one to read it or, as the arbitrator, to rule.
 */
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { listPagination, useListParams } from '../../layout/list.params';
import { AllSwitch } from '../../layout/all.switch';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { DISPUTE_STATUSES } from './trade.rules';
import { DisputeStatusTag, disputeStatusLabel, useOrgDirectory, type Dispute } from './trade.view';

const PAGE_SIZE = 20;

export default function DisputeListPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const [params, set] = useListParams();
  const all = access['exchange.review'] && params.get('all') === '1';
  const status = (DISPUTE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as (typeof DISPUTE_STATUSES)[number]) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { page, pageSize: PAGE_SIZE, ...(all ? { all: true } : {}), ...(status ? { status } : {}) };
  const list = useApiResource(`exchange-disputes-${JSON.stringify(query)}`, () => unwrap(api.GET('/api/v1/exchange/disputes', { params: { query } })));
  const nameOf = useOrgDirectory(locale);

  const columns: NonNullable<TableProps<Dispute>['columns']> = [
    {
      title: t('trade.disputes.col.dispute'),
      key: 'dispute',
      render: (_: unknown, d: Dispute) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/console/exchange/disputes/${d.id}`} className="lt-mono" data-testid={`dispute-link-${d.id}`}>
            {d.id}
          </Link>
          {d.arbitratorOrgId === me?.orgId && <Tag color="purple">{t('trade.disputes.asArbitrator')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('trade.disputes.contract'),
      key: 'contract',
      render: (_: unknown, d: Dispute) => (
        <Space orientation="vertical" size={0} data-testid={`dispute-contract-${d.id}`} data-contract={d.contractNumber ?? ''}>
          <span className="lt-mono">{d.contractNumber ?? '—'}</span>
          {d.listingTitle && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{orgName(d.listingTitle, locale)}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('trade.disputes.parties'),
      key: 'parties',
      render: (_: unknown, d: Dispute) => (d.seller && d.buyer ? <span data-testid={`dispute-parties-${d.id}`}>{t('trade.disputes.partiesText', { seller: orgName(d.seller.name, locale), buyer: orgName(d.buyer.name, locale) })}</span> : '—'),
    },
    { title: t('trade.dispute.col.status'), dataIndex: 'status', key: 'status', render: (s: string, d: Dispute) => <DisputeStatusTag status={s} testId={`dispute-status-${d.id}`} /> },
    { title: t('trade.dispute.col.raisedBy'), dataIndex: 'raisedByOrgId', key: 'by', render: (v: string) => nameOf(v) },
    { title: t('trade.dispute.col.arbitrator'), dataIndex: 'arbitratorOrgId', key: 'arbitrator', render: (v: string) => nameOf(v) },
    { title: t('trade.dispute.col.claimed'), dataIndex: 'claimedRefundFen', key: 'claimed', align: 'right', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(v)}</span> },
    { title: t('trade.dispute.col.refund'), dataIndex: 'refundFen', key: 'refund', align: 'right', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(v)}</span> },
    { title: t('trade.dispute.col.at'), dataIndex: 'createdAt', key: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
  ];

  return (
    <div data-testid="disputes" data-all={all ? 'true' : 'false'}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="disputes-title">
          {t('trade.disputes.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('trade.disputes.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Space wrap size={[12, 8]}>
          <Select
            style={{ minWidth: 160 }}
            value={status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('trade.disputes.allStatuses') }, ...DISPUTE_STATUSES.map((s) => ({ value: s, label: disputeStatusLabel(t, s) }))]}
            aria-label={t('trade.dispute.col.status')}
            data-testid="disputes-status"
          />
          {access['exchange.review'] && (
            <AllSwitch checked={all} onChange={(on) => set({ all: on ? '1' : undefined })} label={t('trade.disputes.all')} testId="disputes-all" />
          )}
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<Dispute>
        rowKey="id"
        data-testid="disputes-table"
        data-total={list.data && !list.loading ? list.data.total : undefined}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={listPagination(t, page, PAGE_SIZE, list.data?.total ?? 0, (p) => set({ page: p }))}
        locale={{ emptyText: t('trade.disputes.empty') }}
      />
    </div>
  );
}
