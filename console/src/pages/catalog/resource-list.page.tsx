import { useState } from 'react';
import { Alert, Button, Input, Select, Table, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import type { CatalogResource } from '../../api/api.types';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { LEVELS, RESOURCE_STATUSES, SCOPES, type Level } from './resource.rules';
import { attributeLabel, LevelTag, msg, StatusTag, useCategories, useOrgNames } from './resource.view';

type Resource = CatalogResource;
type Status = (typeof RESOURCE_STATUSES)[number];
type Scope = (typeof SCOPES)[number];

interface Query {
  q: string;
  category: string | undefined;
  status: Status | undefined;
  level: Level | undefined;
  scope: Scope | undefined;
  page: number;
  pageSize: number;
}

export default function ResourceListPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const navigate = useNavigate();
  const [query, setQuery] = useState<Query>({ q: '', category: undefined, status: undefined, level: undefined, scope: undefined, page: 1, pageSize: 20 });
  const categories = useCategories(locale);
  const sourceName = useOrgNames(locale);
  const list = useApiResource(JSON.stringify(query), async () => {
    const { q, category, status, level, scope, page, pageSize } = query;
    const r = await unwrap(
      api.GET('/api/v1/catalog/resources', {
        params: { query: { ...(q ? { q } : {}), ...(category ? { category } : {}), ...(status ? { status } : {}), ...(level ? { level } : {}), ...(scope ? { scope } : {}), page, pageSize } },
      }),
    );
    return { items: r.items as Resource[], total: r.total };
  });

  const columns: TableProps<Resource>['columns'] = [
    {
      title: t('catalog.resource.col.title'),
      dataIndex: 'title',
      key: 'title',
      render: (_: unknown, r: Resource) => <Link to={`/console/catalog/resources/${r.id}`}>{orgName(r.title, locale)}</Link>,
    },
    { title: t('catalog.resource.col.source'), dataIndex: 'sourceOrgId', key: 'source', render: (id: string) => sourceName(id) },
    { title: t('catalog.resource.col.category'), dataIndex: 'categoryId', key: 'category', render: (id: string) => categories.name(id) },
    { title: t('catalog.resource.col.scope'), dataIndex: 'scope', key: 'scope', render: (v: string) => msg(t, `catalog.resource.scope.${v}`) },
    { title: t('catalog.resource.col.level'), dataIndex: 'grading', key: 'level', render: (g: Resource['grading']) => <LevelTag t={t} level={g.level} generalLevel={g.generalLevel} /> },
    { title: t('catalog.resource.col.sharing'), dataIndex: 'sharing', key: 'sharing', render: (a: Resource['sharing']) => attributeLabel(t, 'sharing', a) },
    { title: t('catalog.resource.col.open'), dataIndex: 'open', key: 'open', render: (a: Resource['open']) => attributeLabel(t, 'open', a) },
    { title: t('catalog.resource.col.status'), dataIndex: 'status', key: 'status', render: (v: string) => <StatusTag t={t} status={v} /> },
    { title: t('catalog.resource.col.version'), dataIndex: 'version', key: 'version' },
    { title: t('catalog.resource.col.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => formatTime(v, locale) },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('catalog.resource.title')}</Typography.Title>
        {access['catalog.writeResources'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/catalog/resources/new')} data-testid="resource-create">
            {t('catalog.resource.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('catalog.resource.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Input.Search allowClear maxLength={100} placeholder={t('catalog.resource.search')} style={{ maxWidth: 320 }} onSearch={(q) => setQuery((p) => ({ ...p, q: q.trim(), page: 1 }))} data-testid="resource-search" />
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t('catalog.resource.filterCategory')}
          style={{ minWidth: 200, maxWidth: '100%' }}
          value={query.category}
          treeData={categories.tree}
          onChange={(category: string | undefined) => setQuery((p) => ({ ...p, category, page: 1 }))}
          data-testid="resource-filter-category"
        />
        <Select<Status>
          allowClear
          placeholder={t('catalog.resource.filterStatus')}
          style={{ minWidth: 140 }}
          value={query.status}
          onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
          options={RESOURCE_STATUSES.map((s) => ({ value: s, label: msg(t, `catalog.resource.status.${s}`) }))}
        />
        <Select<Level>
          allowClear
          placeholder={t('catalog.resource.filterLevel')}
          style={{ minWidth: 140 }}
          value={query.level}
          onChange={(level) => setQuery((p) => ({ ...p, level, page: 1 }))}
          options={LEVELS.map((l) => ({ value: l, label: msg(t, `catalog.grade.level.${l}`) }))}
        />
        <Select<Scope>
          allowClear
          placeholder={t('catalog.resource.filterScope')}
          style={{ minWidth: 140 }}
          value={query.scope}
          onChange={(scope) => setQuery((p) => ({ ...p, scope, page: 1 }))}
          options={SCOPES.map((s) => ({ value: s, label: msg(t, `catalog.resource.scope.${s}`) }))}
        />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      {categories.error && <Alert type="warning" showIcon message={categories.error} style={{ marginBottom: 16 }} />}
      <Table<Resource>
        rowKey="id"
        data-testid="resource-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        onChange={(pagination) => setQuery((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }))}
      />
    </div>
  );
}
