import { Alert, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { orgName } from '../../format/labels';
import { lmsg, type OverviewBody } from './lists.view';

/** The three lists (三清单) per body, for the data bureau and the regulator. */
export default function ListsOverviewPage() {
  const { t, locale } = useI18n();
  const data = useApiResource('lists-overview', async () => (await unwrap(api.GET('/api/v1/catalog/lists/overview'))).bodies as OverviewBody[]);
  const columns: TableProps<OverviewBody>['columns'] = [
    { title: t('lists.col.org'), dataIndex: 'orgName', key: 'org', render: (n: OverviewBody['orgName']) => orgName(n, locale) },
    { title: t('lists.overview.col.systems'), key: 'systems', render: (_: unknown, b: OverviewBody) => `${b.systemsInService} / ${b.systems}` },
    { title: t('lists.overview.col.resources'), key: 'resources', render: (_: unknown, b: OverviewBody) => `${b.publishedResources} / ${b.resources}` },
    { title: t('lists.overview.col.withoutSystem'), dataIndex: 'resourcesWithoutSystem', key: 'withoutSystem' },
    { title: t('lists.overview.col.demands'), key: 'demands', render: (_: unknown, b: OverviewBody) => `${b.demandsOpen} / ${b.demandsMatched} / ${b.demandsClosed}` },
  ];
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('lists.overview.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('lists.overview.intro')}</Typography.Paragraph>
      {data.error && <Alert type="error" showIcon message={data.error} style={{ marginBottom: 16 }} />}
      <Table<OverviewBody>
        rowKey="orgId"
        data-testid="lists-overview"
        loading={data.loading}
        columns={columns}
        dataSource={data.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        expandable={{
          rowExpandable: (b) => b.systemResources.length > 0,
          expandedRowRender: (b) => (
            <Table
              size="small"
              rowKey="systemId"
              pagination={false}
              title={() => t('lists.overview.perSystem')}
              dataSource={b.systemResources}
              columns={[
                { title: t('lists.systems.col.name'), dataIndex: 'name', key: 'name', render: (n: OverviewBody['orgName']) => orgName(n, locale) },
                { title: t('lists.col.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={v === 'in_service' ? 'green' : 'default'}>{lmsg(t, `lists.systems.status.${v}`)}</Tag> },
                { title: t('lists.systems.col.resources'), dataIndex: 'resources', key: 'resources' },
              ]}
            />
          ),
        }}
      />
    </div>
  );
}
