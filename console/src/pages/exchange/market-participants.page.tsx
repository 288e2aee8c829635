/**
 * Public market pages (信息披露): who takes part in the exchange — its active members by kind, the
 * register of certified data brokers with their standing, and the sanctions (suspensions,
 * terminations, broker suspensions and revocations) with their reasons. No login; no contact details.
 */
import { useState } from 'react';
import { Alert, Select, Table, Tabs, Typography } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { actionLabel, kindLabel, MEMBER_KINDS, serviceLabel } from './exchange.view';
import { brokerColumns, type BrokerRow } from './broker-register.page';

export default function MarketParticipantsPage() {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<string>('all');
  const [page, setPage] = useState(1);
  const members = useApiResource(`public-members-${kind}-${page}`, () => unwrap(api.GET('/api/v1/public/exchange/members', { params: { query: { page, pageSize: 20, ...(kind !== 'all' ? { kind: kind as (typeof MEMBER_KINDS)[number] } : {}) } } })));
  const brokers = useApiResource('public-brokers', () => unwrap(api.GET('/api/v1/public/exchange/brokers', { params: { query: { page: 1, pageSize: 200 } } })));
  const sanctions = useApiResource('public-sanctions', () => unwrap(api.GET('/api/v1/public/exchange/sanctions', { params: { query: { page: 1, pageSize: 100 } } })));
  const error = members.error ?? brokers.error ?? sanctions.error;
  return (
    <div>
      <Typography.Title level={2} data-testid="market-title">
        {t('exchange.market.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('exchange.market.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          {
            key: 'members',
            label: t('exchange.market.members'),
            children: (
              <>
                <div className="lt-toolbar">
                  <Select
                    style={{ minWidth: 160 }}
                    value={kind}
                    onChange={(v) => { setKind(v); setPage(1); }}
                    options={[{ value: 'all', label: t('exchange.allKinds') }, ...MEMBER_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))]}
                    data-testid="market-kind"
                  />
                </div>
                <Table
                  rowKey={(m) => `${m.orgId}-${m.kind}`}
                  data-testid="market-members"
                  loading={members.loading}
                  dataSource={members.data?.items ?? []}
                  scroll={{ x: 'max-content' }}
                  pagination={{ current: page, pageSize: 20, total: members.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
                  locale={{ emptyText: t('exchange.market.noMembers') }}
                  columns={[
                    { title: t('exchange.col.org'), dataIndex: 'orgName', key: 'org', render: (n: { zh: string; en: string }) => orgName(n, locale) },
                    { title: t('exchange.col.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => kindLabel(t, k) },
                    { title: t('exchange.col.services'), dataIndex: 'services', key: 'services', render: (s: string[]) => (s.length ? s.map((x) => serviceLabel(t, x)).join('、') : '—') },
                    { title: t('exchange.market.since'), dataIndex: 'since', key: 'since', render: (v: string) => formatTime(v, locale) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'brokers',
            label: t('exchange.market.brokers'),
            children: <Table<BrokerRow> rowKey="id" data-testid="market-brokers" loading={brokers.loading} dataSource={brokers.data?.items ?? []} columns={brokerColumns(t, locale)} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('exchange.brokers.empty') }} />,
          },
          {
            key: 'sanctions',
            label: t('exchange.market.sanctions'),
            children: (
              <Table
                rowKey="id"
                data-testid="market-sanctions"
                loading={sanctions.loading}
                dataSource={sanctions.data?.items ?? []}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                locale={{ emptyText: t('exchange.market.noSanctions') }}
                columns={[
                  { title: t('exchange.market.at'), dataIndex: 'at', key: 'at', render: (v: string) => formatTime(v, locale) },
                  { title: t('exchange.col.org'), dataIndex: 'orgName', key: 'org', render: (n: { zh: string; en: string }) => orgName(n, locale) },
                  { title: t('exchange.market.subject'), dataIndex: 'subjectType', key: 'subject', render: (s: string) => t(s === 'broker' ? 'exchange.market.subject.broker' : 'exchange.market.subject.member') },
                  { title: t('exchange.market.action'), dataIndex: 'action', key: 'action', render: (a: string) => actionLabel(t, a) },
                  { title: t('exchange.col.reason'), dataIndex: 'reason', key: 'reason' },
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
