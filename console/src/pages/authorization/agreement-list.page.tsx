import { useState } from 'react';
import { Alert, Button, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { PARTY_ROLES, STATUSES, type AgreementStatus, type PartyRole } from './agreement.rules';
import { AgreementStatusTag, feeText, modeLabel, msg, purposeOf, roleLabel, termText, type Agreement } from './authorization.view';

interface Query {
  all: boolean;
  role: PartyRole | undefined;
  status: AgreementStatus | undefined;
  page: number;
  pageSize: number;
}

/**
 * Authorized-operation agreements (授权运营协议) of the caller's organisation, on either side or
 * one (?role=), by status, paged on the server; the data bureau and the regulator may switch to
 * every agreement (box=all). Operators apply from here.
 */
export default function AgreementListPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const navigate = useNavigate();
  const orgNameOf = useOrgNames(locale);
  const [query, setQuery] = useState<Query>({ all: false, role: undefined, status: undefined, page: 1, pageSize: 20 });
  const list = useApiResource(`authorization-agreements-${JSON.stringify(query)}`, () =>
    unwrap(
      api.GET('/api/v1/authorization/agreements', {
        params: {
          query: {
            ...(query.all ? { box: 'all' as const } : { box: 'mine' as const, ...(query.role ? { role: query.role } : {}) }),
            ...(query.status ? { status: query.status } : {}),
            page: query.page,
            pageSize: query.pageSize,
          },
        },
      }),
    ),
  );
  const ours = (id: string) => (id === me?.orgId ? <Typography.Text strong>{orgNameOf(id)}</Typography.Text> : orgNameOf(id));

  const columns: TableProps<Agreement>['columns'] = [
    {
      title: t('authorization.col.purpose'),
      key: 'purpose',
      render: (_: unknown, a: Agreement) => (
        <Link to={`/console/authorization/agreements/${a.id}`} data-testid={`agreement-link-${a.id}`}>
          {purposeOf(t, a)}
        </Link>
      ),
    },
    { title: t('authorization.col.implementingBody'), dataIndex: 'implementingOrgId', key: 'implementing', render: (id: string) => ours(id) },
    { title: t('authorization.col.operator'), dataIndex: 'operatorOrgId', key: 'operator', render: (id: string) => ours(id) },
    { title: t('authorization.col.mode'), dataIndex: 'mode', key: 'mode', render: (m: string) => modeLabel(t, m) },
    { title: t('authorization.col.status'), dataIndex: 'status', key: 'status', render: (s: string) => <AgreementStatusTag t={t} status={s} /> },
    { title: t('authorization.col.scope'), key: 'scope', render: (_: unknown, a: Agreement) => t('authorization.scope.count', { resources: a.scope.length }) },
    { title: t('authorization.col.term'), key: 'term', render: (_: unknown, a: Agreement) => <span style={{ whiteSpace: 'nowrap' }}>{termText(a)}</span> },
    { title: t('authorization.col.feeCap'), dataIndex: 'feeCap', key: 'feeCap', render: (f: Agreement['feeCap']) => feeText(t, f) },
    { title: t('authorization.col.appliedAt'), dataIndex: 'appliedAt', key: 'appliedAt', render: (v: string) => formatTime(v, locale) },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('authorization.agreements.title')}</Typography.Title>
        {access['authorization.apply'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/authorization/agreements/new')} data-testid="agreement-apply">
            {t('authorization.action.apply')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('authorization.agreements.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<PartyRole>
          allowClear
          disabled={query.all}
          placeholder={t('authorization.filter.role')}
          style={{ minWidth: 160 }}
          value={query.all ? undefined : query.role}
          onChange={(role) => setQuery((p) => ({ ...p, role, page: 1 }))}
          options={PARTY_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          data-testid="agreement-filter-role"
        />
        <Select<AgreementStatus>
          allowClear
          placeholder={t('authorization.filter.status')}
          style={{ minWidth: 160 }}
          value={query.status}
          onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
          options={STATUSES.map((s) => ({ value: s, label: msg(t, `authorization.status.${s}`) }))}
          data-testid="agreement-filter-status"
        />
        {access['authorization.oversee'] && (
          <Space>
            <Switch checked={query.all} onChange={(all) => setQuery((p) => ({ ...p, all, page: 1 }))} data-testid="agreement-filter-all" />
            <span>{t('authorization.filter.all')}</span>
          </Space>
        )}
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} data-testid="agreement-error" />}
      <Table<Agreement>
        rowKey="id"
        data-testid="agreement-table"
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
