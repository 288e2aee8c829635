/**
 * Negotiations and contracts (磋商与合同): my organisation's, as seller, buyer or broker — each with
 * its state, the listing, the counterpart, the amount in yuan and, once agreed, the contract number
 * and its period; the exchange and the regulator may see all of them. Filtered by state (and by
 * listing, from a listing's page), paged by the server; open one to move it.
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
import { NEGOTIATION_STATES, type NegotiationState } from './negotiation.rules';
import { NegotiationStateTag, stateLabel, viewerSideLabel, type NegotiationSummary } from './negotiation.view';

const PAGE_SIZE = 20;

export default function NegotiationListPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const [params, set] = useListParams();
  const all = access['exchange.review'] && params.get('all') === '1';
  const state = (NEGOTIATION_STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as NegotiationState) : undefined;
  const listingId = /^lst_[0-9a-z]{20}$/.test(params.get('listing') ?? '') ? params.get('listing')! : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { page, pageSize: PAGE_SIZE, ...(all ? { all: true } : {}), ...(state ? { state } : {}), ...(listingId ? { listingId } : {}) };
  const list = useApiResource(`exchange-negotiations-${JSON.stringify(query)}`, () => unwrap(api.GET('/api/v1/exchange/negotiations', { params: { query } })));
  const name = (o: { name: { zh: string; en: string } } | null) => (o ? orgName(o.name, locale) : '');

  const counterpart = (n: NegotiationSummary) => {
    if (n.viewerSide === 'provider') return [name(n.buyer), n.buyerBroker && t('exchange.negotiation.via', { broker: name(n.buyerBroker) })];
    if (n.viewerSide === 'consumer') return [name(n.seller), n.sellerBroker && t('exchange.negotiation.via', { broker: name(n.sellerBroker) })];
    return [t('exchange.negotiation.sellerToBuyer', { seller: name(n.seller), buyer: name(n.buyer) })];
  };

  const columns: NonNullable<TableProps<NegotiationSummary>['columns']> = [
    {
      title: t('exchange.listing.col.title'),
      key: 'listing',
      render: (_: unknown, n: NegotiationSummary) => (
        <Link to={`/console/exchange/negotiations/${n.id}`} data-testid={`negotiation-link-${n.id}`}>
          {orgName(n.listingTitle, locale)}
        </Link>
      ),
    },
    { title: t('exchange.col.status'), dataIndex: 'state', key: 'state', render: (s: string, n: NegotiationSummary) => <NegotiationStateTag state={s} testId={`negotiation-state-${n.id}`} /> },
    { title: t('exchange.negotiation.col.side'), dataIndex: 'viewerSide', key: 'side', render: (s: string) => <Tag>{viewerSideLabel(t, s)}</Tag> },
    {
      title: t('exchange.negotiation.col.counterpart'),
      key: 'counterpart',
      render: (_: unknown, n: NegotiationSummary) => {
        const [main, via] = counterpart(n);
        return (
          <>
            {main}
            {via && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {via}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      title: t('exchange.terms.amount'),
      dataIndex: 'amountFen',
      key: 'amount',
      align: 'right',
      render: (a: string, n: NegotiationSummary) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid={`negotiation-amount-${n.id}`}>
          {formatFen(a)}
        </span>
      ),
    },
    {
      title: t('exchange.negotiation.contractNumber'),
      dataIndex: 'contractNumber',
      key: 'contract',
      render: (c: string | null, n: NegotiationSummary) => (c ? <span className="lt-mono" style={{ whiteSpace: 'nowrap' }} data-testid={`negotiation-contract-${n.id}`}>{c}</span> : '—'),
    },
    {
      title: t('exchange.negotiation.term'),
      key: 'term',
      render: (_: unknown, n: NegotiationSummary) => (n.startsOn && n.endsOn ? <span style={{ whiteSpace: 'nowrap' }}>{t('exchange.negotiation.fromTo', { from: n.startsOn, to: n.endsOn })}</span> : '—'),
    },
    { title: t('exchange.listing.col.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
  ];

  return (
    <div data-testid="negotiations" data-all={all ? 'true' : 'false'}>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="negotiations-title">
          {t('exchange.negotiations.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.negotiations.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Space wrap size={[12, 8]}>
          <Select
            style={{ minWidth: 180 }}
            value={state ?? 'all'}
            onChange={(v) => set({ state: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('exchange.negotiations.allStates') }, ...NEGOTIATION_STATES.map((s) => ({ value: s, label: stateLabel(t, s) }))]}
            aria-label={t('exchange.col.status')}
            data-testid="negotiations-state"
          />
          {access['exchange.review'] && (
            <AllSwitch checked={all} onChange={(on) => set({ all: on ? '1' : undefined })} label={t('exchange.negotiations.all')} testId="negotiations-all" />
          )}
          {listingId && (
            <Tag closable onClose={() => set({ listing: undefined })} data-testid="negotiations-listing-filter">
              {t('exchange.negotiations.oneListing')}
            </Tag>
          )}
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<NegotiationSummary>
        rowKey="id"
        data-testid="negotiations-table"
        data-total={list.data && !list.loading ? list.data.total : undefined}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={listPagination(t, page, PAGE_SIZE, list.data?.total ?? 0, (p) => set({ page: p }))}
        locale={{ emptyText: t('exchange.negotiations.empty') }}
      />
    </div>
  );
}
