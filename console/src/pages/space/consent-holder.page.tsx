import { useState } from 'react';
import { Alert, Card, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useOrgNames } from '../catalog/resource.view';
import { ConsentActions } from './consent.actions';
import { CONSENT_STATUSES, type ConsentStatus } from './space.rules';
import { consentColumns, msg, type Consent } from './space.view';

interface Query {
  status: ConsentStatus | undefined;
  page: number;
  pageSize: number;
}

/**
 * The holder's authorizations (数据授权管理): pending requests first, each approved (the consent
 * record sealed, the requester's grants issued) or rejected with a reason; below, every
 * authorization by status, approved ones revocable — the requester's next retrieval is refused.
 */
export default function ConsentHolderPage() {
  const { t, locale } = useI18n();
  const orgNameOf = useOrgNames(locale);
  const [pendingPage, setPendingPage] = useState({ page: 1, pageSize: 10 });
  const [query, setQuery] = useState<Query>({ status: undefined, page: 1, pageSize: 20 });
  const pending = useApiResource(`consents-holder-pending-${JSON.stringify(pendingPage)}`, () =>
    unwrap(api.GET('/api/v1/authorization/consents', { params: { query: { box: 'holder', status: 'pending', ...pendingPage } } })),
  );
  const list = useApiResource(`consents-holder-${JSON.stringify(query)}`, () =>
    unwrap(api.GET('/api/v1/authorization/consents', { params: { query: { box: 'holder', ...(query.status ? { status: query.status } : {}), page: query.page, pageSize: query.pageSize } } })),
  );
  const reload = () => {
    pending.reload();
    list.reload();
  };
  const columns = (): NonNullable<TableProps<Consent>['columns']> => [
    ...consentColumns(t, locale, 'holder', orgNameOf),
    { title: t('common.actions'), key: 'actions', render: (_: unknown, c: Consent) => <ConsentActions consent={c} size="small" onDone={reload} /> },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('space.holderList.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('space.holderList.intro')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('space.holderList.pending', { count: pending.data?.total ?? 0 })} data-testid="consent-pending-card">
          {pending.error && <Alert type="error" showIcon message={pending.error} style={{ marginBottom: 12 }} />}
          <Table<Consent>
            rowKey="id"
            size="small"
            data-testid="consent-pending"
            loading={pending.loading}
            columns={columns()}
            dataSource={pending.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('space.holderList.noPending') }}
            pagination={{
              current: pendingPage.page,
              pageSize: pendingPage.pageSize,
              total: pending.data?.total ?? 0,
              hideOnSinglePage: true,
              onChange: (page, pageSize) => setPendingPage({ page, pageSize }),
            }}
          />
        </Card>
        <Card title={t('space.holderList.all')}>
          <div className="lt-toolbar">
            <Select<ConsentStatus>
              allowClear
              placeholder={t('space.filter.status')}
              style={{ minWidth: 160 }}
              value={query.status}
              onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
              options={CONSENT_STATUSES.map((s) => ({ value: s, label: msg(t, `space.status.${s}`) }))}
              data-testid="consent-filter-status"
            />
          </div>
          {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} data-testid="consent-error" />}
          <Table<Consent>
            rowKey="id"
            data-testid="consent-table"
            loading={list.loading}
            columns={columns()}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setQuery((p) => ({ ...p, page, pageSize })),
            }}
          />
        </Card>
      </Space>
    </div>
  );
}
