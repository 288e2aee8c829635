import { useState } from 'react';
import { Alert, Button, Checkbox, Popconfirm, Select, Space, Table, Typography, App } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { useOrgNames } from '../catalog/resource.view';
import { ApproveModal, DeadlineCell, msg, ReasonModal, RequestDetail, SharingStatusTag, STATUSES, type SharingRequest, type Status } from './sharing.view';

interface Query {
  status: Status | undefined;
  overdue: boolean;
  page: number;
  pageSize: number;
}

/**
 * The requests of the caller's organisation: `sent` (its own requests: withdraw, view data) or
 * `received` (its inbox as source unit: approve with narrowing, reject, revoke).
 */
export function SharingList({ box }: { box: 'sent' | 'received' }) {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const { message } = App.useApp();
  const orgNameOf = useOrgNames(locale);
  const [query, setQuery] = useState<Query>({ status: box === 'received' ? 'pending' : undefined, overdue: false, page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ kind: 'approve' | 'reject' | 'revoke'; r: SharingRequest } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useApiResource(`sharing-${box}-${JSON.stringify(query)}`, () =>
    unwrap(api.GET('/api/v1/sharing/requests', { params: { query: { box, ...(query.status ? { status: query.status } : {}), ...(query.overdue ? { overdue: true } : {}), page: query.page, pageSize: query.pageSize } } })),
  );
  const can = access['sharing.decide'];

  const withdraw = async (r: SharingRequest) => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/sharing/requests/{requestId}/withdraw', { params: { path: { requestId: r.id } } }));
      message.success(t('sharing.action.done.withdrawn'));
      list.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  const actions = (r: SharingRequest) => (
    <Space size={4} wrap>
      {box === 'received' && can && r.status === 'pending' && (
        <>
          <Button size="small" type="primary" onClick={() => setDialog({ kind: 'approve', r })} data-testid={`approve-${r.id}`}>
            {t('sharing.action.approve')}
          </Button>
          <Button size="small" danger onClick={() => setDialog({ kind: 'reject', r })} data-testid={`reject-${r.id}`}>
            {t('sharing.action.reject')}
          </Button>
        </>
      )}
      {box === 'received' && can && r.status === 'granted' && (
        <Button size="small" danger onClick={() => setDialog({ kind: 'revoke', r })} data-testid={`revoke-${r.id}`}>
          {t('sharing.action.revoke')}
        </Button>
      )}
      {box === 'sent' && can && r.status === 'pending' && (
        <Popconfirm title={t('sharing.action.withdrawConfirm')} okText={t('sharing.action.withdraw')} cancelText={t('common.cancel')} onConfirm={() => withdraw(r)}>
          <Button size="small" data-testid={`withdraw-${r.id}`}>
            {t('sharing.action.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {box === 'sent' && r.status === 'granted' && (
        <Link to={`/console/sharing/data?request=${r.id}`} data-testid={`view-data-${r.id}`}>
          {t('sharing.action.viewData')}
        </Link>
      )}
    </Space>
  );

  const columns: TableProps<SharingRequest>['columns'] = [
    { title: t('sharing.col.resource'), key: 'resource', render: (_: unknown, r: SharingRequest) => <Link to={`/console/catalog/resources/${r.resource.id}`}>{orgName(r.resource.title, locale)}</Link> },
    box === 'sent'
      ? { title: t('sharing.col.source'), dataIndex: 'sourceOrgId', key: 'org', render: (id: string) => orgNameOf(id) }
      : { title: t('sharing.col.requester'), dataIndex: 'requesterOrgId', key: 'org', render: (id: string) => orgNameOf(id) },
    { title: t('sharing.col.status'), dataIndex: 'status', key: 'status', render: (s: string) => <SharingStatusTag t={t} status={s} /> },
    { title: t('sharing.col.fields'), key: 'fields', render: (_: unknown, r: SharingRequest) => <span className="lt-mono">{(r.granted ?? r.requested).fields.join(', ')}</span> },
    { title: t('sharing.col.deadline'), key: 'deadline', render: (_: unknown, r: SharingRequest) => <DeadlineCell t={t} r={r} /> },
    { title: t('sharing.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v, locale) },
    { title: t('common.actions'), key: 'actions', render: (_: unknown, r: SharingRequest) => actions(r) },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t(box === 'sent' ? 'sharing.requests.title' : 'sharing.approvals.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t(box === 'sent' ? 'sharing.requests.intro' : 'sharing.approvals.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<Status>
          allowClear
          placeholder={t('sharing.filter.status')}
          style={{ minWidth: 160 }}
          value={query.status}
          onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
          options={STATUSES.map((s) => ({ value: s, label: msg(t, `sharing.status.${s}`) }))}
          data-testid="sharing-filter-status"
        />
        <Checkbox checked={query.overdue} onChange={(e) => setQuery((p) => ({ ...p, overdue: e.target.checked, page: 1 }))} data-testid="sharing-filter-overdue">
          {t('sharing.filter.overdue')}
        </Checkbox>
      </div>
      {(list.error || error) && <Alert type="error" showIcon closable message={error ?? list.error} style={{ marginBottom: 16 }} data-testid="sharing-error" onClose={() => setError(null)} />}
      <Table<SharingRequest>
        rowKey="id"
        data-testid="sharing-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        expandable={{ expandedRowRender: (r) => <RequestDetail t={t} r={r} locale={locale} /> }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setQuery((p) => ({ ...p, page, pageSize })),
        }}
      />
      {dialog?.kind === 'approve' && (
        <ApproveModal
          request={dialog.r}
          onClose={(next) => {
            setDialog(null);
            if (next) list.reload();
          }}
        />
      )}
      {(dialog?.kind === 'reject' || dialog?.kind === 'revoke') && (
        <ReasonModal
          request={dialog.r}
          action={dialog.kind}
          onClose={(next) => {
            setDialog(null);
            if (next) list.reload();
          }}
        />
      )}
    </div>
  );
}
