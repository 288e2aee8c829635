/**
 * Listings (挂牌管理): my organisation's listings as seller or broker; for a compliance service
 * provider, those it was asked to assess; for the exchange and the regulator, those awaiting the
 * exchange's review and all of them. Paged by the server; open one to act on it.
 */
import { Alert, Button, Select, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { listPagination, useListParams } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import type { MessageKey } from '../../locales/index';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { LISTING_STATUSES, listingBoxes, type ListingBox, type Pricing } from './listing.rules';
import { categoryLabel, ListingStatusTag, listingStatusLabel, priceText, regionLabel, type ListingSummary } from './listing.view';

const PAGE_SIZE = 20;

export default function ListingListPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const navigate = useNavigate();
  const [params, set] = useListParams();
  const boxes = listingBoxes(access);
  const box: ListingBox = boxes.includes(params.get('box') as ListingBox) ? (params.get('box') as ListingBox) : boxes[0]!;
  const status = (LISTING_STATUSES as readonly string[]).includes(params.get('status') ?? '') && box !== 'review' ? (params.get('status') as (typeof LISTING_STATUSES)[number]) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { box, page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) };
  const list = useApiResource(`exchange-listings-${JSON.stringify(query)}`, () => unwrap(api.GET('/api/v1/exchange/listings', { params: { query } })));

  const columns: NonNullable<TableProps<ListingSummary>['columns']> = [
    {
      title: t('exchange.listing.col.title'),
      key: 'title',
      render: (_: unknown, l: ListingSummary) => (
        <Link to={`/console/exchange/listings/${l.id}`} data-testid={`listing-link-${l.id}`}>
          {orgName(l.title, locale)}
        </Link>
      ),
    },
    { title: t('exchange.col.status'), dataIndex: 'status', key: 'status', render: (s: string, l: ListingSummary) => <ListingStatusTag status={s} testId={`listing-status-${l.id}`} /> },
    {
      title: t('exchange.listing.col.seller'),
      key: 'seller',
      render: (_: unknown, l: ListingSummary) => (
        <>
          {orgName(l.seller.name, locale)}
          {l.broker && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('exchange.listing.col.broker')}: {orgName(l.broker.name, locale)}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('exchange.listing.col.category'), dataIndex: 'category', key: 'category', render: (c: string) => categoryLabel(t, c) },
    { title: t('exchange.listing.col.region'), dataIndex: 'region', key: 'region', render: (r: string) => regionLabel(t, r) },
    { title: t('exchange.listing.col.price'), dataIndex: 'pricing', key: 'price', render: (p: Pricing) => <span style={{ whiteSpace: 'nowrap' }}>{priceText(t, p)}</span> },
    { title: t('exchange.listing.col.assessor'), dataIndex: 'assessorName', key: 'assessor', render: (n: ListingSummary['assessorName']) => (n ? orgName(n, locale) : '—') },
    { title: t('exchange.listing.col.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
  ];

  return (
    <div data-testid="listings" data-box={box}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="listings-title">
          {t('exchange.listings.title')}
        </Typography.Title>
        {access['exchange.list'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/exchange/listings/new')} data-testid="listing-new">
            {t('exchange.listings.new')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.listings.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={box}
        onChange={(key) => set({ box: key, status: undefined })}
        items={boxes.map((b) => ({ key: b, label: <span data-testid={`listings-box-${b}`}>{t(`exchange.listings.box.${b}` as MessageKey)}</span> }))}
      />
      {box !== 'review' && (
        <div className="lt-toolbar">
          <Select
            style={{ minWidth: 160 }}
            value={status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('exchange.listings.allStatuses') }, ...LISTING_STATUSES.map((s) => ({ value: s, label: listingStatusLabel(t, s) }))]}
            data-testid="listings-status"
          />
        </div>
      )}
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<ListingSummary>
        rowKey="id"
        data-testid="listings-table"
        data-total={list.data && !list.loading ? list.data.total : undefined}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={listPagination(t, page, PAGE_SIZE, list.data?.total ?? 0, (p) => set({ page: p }))}
        locale={{ emptyText: t(`exchange.listings.box.${box}Empty` as MessageKey) }}
      />
    </div>
  );
}
