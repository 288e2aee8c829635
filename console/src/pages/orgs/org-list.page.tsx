import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import type { Organisation } from '../../api/api.types';
import { errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { label, ORG_ROLE_CODES, ORG_TYPE_CODES, orgName } from '../../format/labels';

type Org = Organisation;
type OrgRole = (typeof ORG_ROLE_CODES)[number];
type OrgType = (typeof ORG_TYPE_CODES)[number];

interface Query {
  q: string;
  role: OrgRole | undefined;
  type: OrgType | undefined;
  sort: 'name' | 'createdAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export default function OrgListPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const navigate = useNavigate();
  const [query, setQuery] = useState<Query>({ q: '', role: undefined, type: undefined, sort: 'createdAt', order: 'desc', page: 1, pageSize: 20 });
  const [data, setData] = useState<{ items: Org[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (q: Query) => {
    setLoading(true);
    setError(null);
    try {
      const page = await unwrap(
        api.GET('/api/v1/orgs', {
          params: { query: { ...(q.q ? { q: q.q } : {}), ...(q.role ? { role: q.role } : {}), ...(q.type ? { type: q.type } : {}), sort: q.sort, order: q.order, page: q.page, pageSize: q.pageSize } },
        }),
      );
      setData({ items: page.items, total: page.total });
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    void load(query);
  }, [load, query]);

  const columns: TableProps<Org>['columns'] = [
    {
      title: t('orgs.col.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: query.sort === 'name' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_: unknown, o: Org) => <Link to={`/console/orgs/${o.id}`}>{orgName(o.name, locale)}</Link>,
    },
    { title: t('orgs.col.uscc'), dataIndex: 'uscc', key: 'uscc', render: (v: string | null) => <span className="lt-mono">{v ?? '—'}</span> },
    { title: t('orgs.col.type'), dataIndex: 'type', key: 'type', render: (v: string) => label(t, 'orgType', v) },
    {
      title: t('orgs.col.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: string[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r}>{label(t, 'role', r)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('orgs.col.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: string) => <Tag color={v === 'active' ? 'green' : 'orange'}>{v === 'active' ? t('orgs.status.active') : t('orgs.status.suspended')}</Tag>,
    },
    {
      title: t('orgs.col.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: query.sort === 'createdAt' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: string) => formatTime(v, locale),
    },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('orgs.title')}</Typography.Title>
        {access['orgs.create'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/orgs/new')} data-testid="org-create">
            {t('orgs.create')}
          </Button>
        )}
      </div>
      <div className="lt-toolbar">
        <Input.Search
          allowClear
          placeholder={t('orgs.searchPlaceholder')}
          style={{ maxWidth: 320 }}
          maxLength={100}
          data-testid="org-search"
          onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim(), page: 1 }))}
        />
        <Select<OrgRole>
          allowClear
          placeholder={t('orgs.filterRole')}
          style={{ minWidth: 180 }}
          value={query.role}
          onChange={(role) => setQuery((prev) => ({ ...prev, role, page: 1 }))}
          options={ORG_ROLE_CODES.map((r) => ({ value: r, label: label(t, 'role', r) }))}
        />
        <Select<OrgType>
          allowClear
          placeholder={t('orgs.filterType')}
          style={{ minWidth: 160 }}
          value={query.type}
          onChange={(type) => setQuery((prev) => ({ ...prev, type, page: 1 }))}
          options={ORG_TYPE_CODES.map((v) => ({ value: v, label: label(t, 'orgType', v) }))}
        />
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<Org>
        rowKey="id"
        data-testid="org-table"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.columnKey === 'name' ? 'name' : 'createdAt';
          setQuery((prev) => ({
            ...prev,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? prev.pageSize,
            sort: s?.order ? field : 'createdAt',
            order: s?.order === 'ascend' ? 'asc' : 'desc',
          }));
        }}
      />
    </div>
  );
}
