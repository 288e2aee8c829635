/**
 * The exchange's membership desk (会员审核): every application and membership, filtered by state
 * and kind, newest first; open one to read its files and decide. The regulator reads the same list.
 */
import { useState } from 'react';
import { Alert, Select, Table, Typography } from 'antd';
import { listPagination } from '../../layout/list.params';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { orgName } from '../../format/labels';
import { kindLabel, MEMBER_KINDS, MEMBER_STATUSES } from './exchange.view';
import { memberColumns, type MemberRow } from './membership.page';
import type { MessageKey } from '../../locales/index';

export default function MemberReviewPage() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<string>('applied');
  const [kind, setKind] = useState<string>('all');
  const [page, setPage] = useState(1);
  const list = useApiResource(`exchange-members-${status}-${kind}-${page}`, () =>
    unwrap(api.GET('/api/v1/exchange/members', {
      params: { query: { page, pageSize: 20, ...(status !== 'all' ? { status: status as (typeof MEMBER_STATUSES)[number] } : {}), ...(kind !== 'all' ? { kind: kind as (typeof MEMBER_KINDS)[number] } : {}) } },
    })),
  );
  const columns = [
    { title: t('exchange.col.org'), dataIndex: 'orgName', key: 'org', render: (n: MemberRow['orgName']) => orgName(n, locale) },
    ...memberColumns(t, locale),
  ];
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="members-title">
          {t('exchange.members.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.members.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select
          style={{ minWidth: 140 }}
          value={status}
          onChange={(v) => { setStatus(v); setPage(1); }}
          options={[{ value: 'all', label: t('exchange.all') }, ...MEMBER_STATUSES.map((s) => ({ value: s, label: t(`exchange.status.${s}` as MessageKey) }))]}
          data-testid="members-filter-status"
        />
        <Select
          style={{ minWidth: 140 }}
          value={kind}
          onChange={(v) => { setKind(v); setPage(1); }}
          options={[{ value: 'all', label: t('exchange.allKinds') }, ...MEMBER_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))]}
          data-testid="members-filter-kind"
        />
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<MemberRow>
        rowKey="id"
        data-testid="members-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={listPagination(t, page, 20, list.data?.total ?? 0, setPage)}
        locale={{ emptyText: t('exchange.members.empty') }}
      />
    </div>
  );
}
