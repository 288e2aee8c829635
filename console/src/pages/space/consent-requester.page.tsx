import { useState } from 'react';
import { Alert, Button, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
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
 * The requester's side (我的数据授权申请): the authorizations my organisation asked enterprises for,
 * by status, paged on the server; a new request from here. Each row opens the detail, where an
 * approved authorization's data is retrieved through the gateway.
 */
export default function ConsentRequesterPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const navigate = useNavigate();
  const orgNameOf = useOrgNames(locale);
  const [query, setQuery] = useState<Query>({ status: undefined, page: 1, pageSize: 20 });
  const list = useApiResource(`consents-requester-${JSON.stringify(query)}`, () =>
    unwrap(api.GET('/api/v1/authorization/consents', { params: { query: { box: 'requester', ...(query.status ? { status: query.status } : {}), page: query.page, pageSize: query.pageSize } } })),
  );
  const columns: NonNullable<TableProps<Consent>['columns']> = [
    ...consentColumns(t, locale, 'requester', orgNameOf),
    { title: t('common.actions'), key: 'actions', render: (_: unknown, c: Consent) => <ConsentActions consent={c} size="small" onDone={() => list.reload()} /> },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('space.requesterList.title')}</Typography.Title>
        {access['space.request'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/space/requests/new')} data-testid="consent-new">
            {t('space.action.newRequest')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('space.requesterList.intro')}</Typography.Paragraph>
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
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} data-testid="consent-error" />}
      <Table<Consent>
        rowKey="id"
        data-testid="consent-table"
        loading={list.loading}
        columns={columns}
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
    </div>
  );
}
