import { useState } from 'react';
import { Alert, Empty, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { PARTY_ROLES, pastYears, type PartyRole } from './agreement.rules';
import { roleLabel, shortDigest, type DisclosureSummary } from './authorization.view';

/**
 * The public list of annual disclosures of authorized operation (授权运营信息披露), no login: who
 * disclosed, for which year and in which role, with the digest of each report.
 */
export default function DisclosureListPage() {
  const { t, locale } = useI18n();
  const years = pastYears(new Date(), 10);
  const [query, setQuery] = useState<{ year: number | undefined; role: PartyRole | undefined; page: number; pageSize: number }>({ year: undefined, role: undefined, page: 1, pageSize: 20 });
  const list = useApiResource(`public-disclosures-${JSON.stringify(query)}`, () =>
    unwrap(
      api.GET('/api/v1/public/authorization/disclosures', {
        params: { query: { ...(query.year ? { year: query.year } : {}), ...(query.role ? { role: query.role } : {}), page: query.page, pageSize: query.pageSize } },
      }),
    ),
  );
  const columns: TableProps<DisclosureSummary>['columns'] = [
    {
      title: t('authorization.disclosure.col.org'),
      key: 'org',
      render: (_: unknown, d: DisclosureSummary) => (
        <Link to={`/disclosures/${d.id}`} data-testid={`disclosure-${d.id}`}>
          {orgName(d.orgName, locale)}
        </Link>
      ),
    },
    { title: t('authorization.disclosure.year'), dataIndex: 'year', key: 'year' },
    { title: t('authorization.disclosure.role'), dataIndex: 'role', key: 'role', render: (r: string) => roleLabel(t, r) },
    { title: t('authorization.disclosure.col.counts'), key: 'counts', render: (_: unknown, d: DisclosureSummary) => t('authorization.disclosure.counts', { agreements: d.agreements, products: d.products }) },
    { title: t('authorization.disclosure.col.revision'), dataIndex: 'revision', key: 'revision' },
    { title: t('authorization.disclosure.col.digest'), dataIndex: 'digest', key: 'digest', render: (v: string) => <span className="lt-mono">{shortDigest(v)}</span> },
    { title: t('authorization.disclosure.col.publishedAt'), dataIndex: 'publishedAt', key: 'publishedAt', render: (v: string) => formatTime(v, locale) },
  ];
  return (
    <div data-testid="disclosure-portal">
      <Typography.Title level={3}>{t('authorization.portal.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('authorization.portal.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<number>
          allowClear
          placeholder={t('authorization.disclosure.year')}
          style={{ minWidth: 120 }}
          value={query.year}
          onChange={(year) => setQuery((p) => ({ ...p, year, page: 1 }))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          data-testid="portal-filter-year"
        />
        <Select<PartyRole>
          allowClear
          placeholder={t('authorization.disclosure.role')}
          style={{ minWidth: 140 }}
          value={query.role}
          onChange={(role) => setQuery((p) => ({ ...p, role, page: 1 }))}
          options={PARTY_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          data-testid="portal-filter-role"
        />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<DisclosureSummary>
        rowKey="id"
        data-testid="disclosure-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('authorization.portal.empty')} data-testid="disclosure-empty" /> }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery((p) => ({ ...p, page, pageSize })),
        }}
      />
    </div>
  );
}
