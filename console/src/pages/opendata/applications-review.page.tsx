import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { ReasonModal } from './opendata.modals';
import { msg, StatusTag, type Application } from './opendata.view';

type Status = Application['status'];
const STATUSES: Status[] = ['submitted', 'approved', 'rejected', 'withdrawn', 'revoked'];

/** The source unit's inbox of applications for its conditionally open datasets: approve, reject, revoke. */
export default function ApplicationsReviewPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const orgNameOf = useOrgNames(locale);
  const [status, setStatus] = useState<Status | undefined>('submitted');
  const [dialog, setDialog] = useState<{ kind: 'reject' | 'revoke'; a: Application } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useApiResource(`incoming-${status}`, () => unwrap(api.GET('/api/v1/opendata/applications', { params: { query: { role: 'incoming', ...(status ? { status } : {}), page: 1, pageSize: 100 } } })));
  const approve = async (a: Application) => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/opendata/applications/{applicationId}/approve', { params: { path: { applicationId: a.id } }, body: {} }));
      message.success(t('opendata.done.saved'));
      list.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  const columns: TableProps<Application>['columns'] = [
    { title: t('opendata.col.resource'), key: 'r', render: (_: unknown, a: Application) => <Link to={`/open-data/${a.resourceId}`} className="lt-mono">{a.resourceId}</Link> },
    { title: t('opendata.col.developer'), key: 'd', render: (_: unknown, a: Application) => orgNameOf(a.developerOrgId) },
    { title: t('opendata.col.purpose'), dataIndex: 'purpose', key: 'p' },
    { title: t('opendata.col.fields'), key: 'f', render: (_: unknown, a: Application) => <span className="lt-mono">{a.fields.join(', ')}</span> },
    { title: t('opendata.col.status'), key: 's', render: (_: unknown, a: Application) => <StatusTag t={t} status={a.status} /> },
    { title: t('opendata.col.createdAt'), key: 'c', render: (_: unknown, a: Application) => formatTime(a.createdAt, locale) },
    {
      title: t('common.actions'), key: 'a', render: (_: unknown, a: Application) => (
        <Space size={4}>
          {a.status === 'submitted' && (
            <>
              <Popconfirm title={t('opendata.action.confirm')} onConfirm={() => approve(a)}>
                <Button size="small" type="primary" data-testid={`approve-${a.id}`}>{t('opendata.action.approve')}</Button>
              </Popconfirm>
              <Button size="small" danger onClick={() => setDialog({ kind: 'reject', a })}>{t('opendata.action.reject')}</Button>
            </>
          )}
          {a.status === 'approved' && <Button size="small" danger onClick={() => setDialog({ kind: 'revoke', a })}>{t('opendata.action.revoke')}</Button>}
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="opendata-review">
      <Typography.Title level={3}>{t('opendata.review.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('opendata.review.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<Status> allowClear style={{ minWidth: 160 }} placeholder={t('opendata.col.status')} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: msg(t, `opendata.status.${s}`) }))} />
      </div>
      {(list.error || error) && <Alert type="error" showIcon closable message={error ?? list.error} style={{ marginBottom: 16 }} onClose={() => setError(null)} />}
      <Table<Application>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        expandable={{ expandedRowRender: (a) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.agreement}</Typography.Paragraph> }}
        scroll={{ x: 'max-content' }}
      />
      {dialog && (
        <ReasonModal
          title={t(dialog.kind === 'reject' ? 'opendata.action.reject' : 'opendata.action.revoke')}
          act={(reason) => unwrap(api.POST(`/api/v1/opendata/applications/{applicationId}/${dialog.kind}`, { params: { path: { applicationId: dialog.a.id } }, body: { reason } }))}
          onClose={(done) => {
            setDialog(null);
            if (done) list.reload();
          }}
        />
      )}
    </div>
  );
}
