import { useState } from 'react';
import { Alert, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { CatalogSearch } from '../catalog/search.view';
import { i18nText, msg, OpenTypeTag, type Dataset } from './opendata.view';

type OpenType = 'unconditional' | 'conditional';

/**
 * The open-data portal (开放广东), public: browse and search the open datasets (this module's list,
 * each linking to its page), the search engineer's full-text search over open data, the machine
 * interfaces (CKAN, DCAT) and the apps showcase.
 */
export default function OpenDataPage() {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState<{ q: string; openType: OpenType | undefined; page: number; pageSize: number }>({ q: '', openType: undefined, page: 1, pageSize: 20 });
  const list = useApiResource(`opendata-${JSON.stringify(query)}`, () =>
    unwrap(api.GET('/api/v1/public/opendata/datasets', { params: { query: { ...(query.q ? { q: query.q } : {}), ...(query.openType ? { openType: query.openType } : {}), page: query.page, pageSize: query.pageSize } } })),
  );
  const columns: TableProps<Dataset>['columns'] = [
    { title: t('opendata.col.title'), key: 'title', render: (_: unknown, d: Dataset) => <Link to={`/open-data/${d.id}`} data-testid={`dataset-${d.id}`}>{i18nText(d.title, locale)}</Link> },
    { title: t('opendata.col.publisher'), key: 'org', render: (_: unknown, d: Dataset) => i18nText(d.organisation.name, locale) },
    { title: t('opendata.col.category'), key: 'category', render: (_: unknown, d: Dataset) => i18nText(d.category?.name, locale) },
    { title: t('opendata.openType'), key: 'openType', render: (_: unknown, d: Dataset) => <OpenTypeTag t={t} openType={d.openType} /> },
    { title: t('opendata.col.frequency'), key: 'frequency', render: (_: unknown, d: Dataset) => msg(t, `catalog.resource.frequency.${d.updateFrequency}`) },
    { title: t('opendata.col.updatedAt'), key: 'updatedAt', render: (_: unknown, d: Dataset) => formatTime(d.publishedAt ?? d.updatedAt, locale) },
  ];
  const browse = (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton
          maxLength={100}
          style={{ width: 'min(420px, calc(100vw - 48px))' }}
          placeholder={t('opendata.portal.searchPlaceholder')}
          onSearch={(q) => setQuery((p) => ({ ...p, q: q.trim(), page: 1 }))}
          data-testid="opendata-search"
        />
        <Select<OpenType>
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('opendata.openType')}
          value={query.openType}
          onChange={(openType) => setQuery((p) => ({ ...p, openType, page: 1 }))}
          options={(['unconditional', 'conditional'] as const).map((v) => ({ value: v, label: msg(t, `opendata.openType.${v}`) }))}
        />
      </Space>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<Dataset>
        rowKey="id"
        data-testid="opendata-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setQuery((p) => ({ ...p, page, pageSize })) }}
      />
    </div>
  );
  return (
    <div data-testid="opendata-portal">
      <Typography.Title level={3}>{t('opendata.portal.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('opendata.portal.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('opendata.portal.machine', { ckan: '/api/3/action/package_search', dcat: '/api/v1/public/dcat.jsonld' })} · <Link to="/open-data/apps">{t('opendata.portal.appsLink')}</Link>
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'datasets', label: t('opendata.portal.tab.datasets'), children: browse },
          { key: 'search', label: t('opendata.portal.tab.search'), children: <CatalogSearch mode="public" /> },
        ]}
      />
    </div>
  );
}
