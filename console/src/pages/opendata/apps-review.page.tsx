import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { ReasonModal } from './opendata.modals';
import { i18nText, msg, StatusTag, type ShowcaseApp } from './opendata.view';

type Status = ShowcaseApp['status'];
const STATUSES: Status[] = ['submitted', 'approved', 'rejected', 'delisted'];

/** The data bureau's review of apps for the public showcase: approve, reject, delist. */
export default function AppsReviewPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const orgNameOf = useOrgNames(locale);
  const [status, setStatus] = useState<Status | undefined>('submitted');
  const [dialog, setDialog] = useState<{ kind: 'reject' | 'delist'; a: ShowcaseApp } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useApiResource(`apps-review-${status}`, () => unwrap(api.GET('/api/v1/opendata/apps', { params: { query: { ...(status ? { status } : {}), page: 1, pageSize: 100 } } })));
  const approve = async (a: ShowcaseApp) => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/opendata/apps/{appId}/approve', { params: { path: { appId: a.id } } }));
      message.success(t('opendata.done.saved'));
      list.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  const columns: TableProps<ShowcaseApp>['columns'] = [
    { title: t('opendata.col.name'), key: 'n', render: (_: unknown, a: ShowcaseApp) => i18nText(a.name, locale) },
    { title: t('opendata.col.developer'), key: 'd', render: (_: unknown, a: ShowcaseApp) => orgNameOf(a.developerOrgId) },
    { title: t('opendata.col.url'), key: 'u', render: (_: unknown, a: ShowcaseApp) => <a href={a.url} target="_blank" rel="noreferrer noopener">{a.url}</a> },
    { title: t('opendata.col.datasets'), key: 'ds', render: (_: unknown, a: ShowcaseApp) => <span className="lt-mono">{a.datasetIds.join(', ')}</span> },
    { title: t('opendata.col.status'), key: 's', render: (_: unknown, a: ShowcaseApp) => <StatusTag t={t} status={a.status} /> },
    { title: t('opendata.col.createdAt'), key: 'c', render: (_: unknown, a: ShowcaseApp) => formatTime(a.createdAt, locale) },
    {
      title: t('common.actions'), key: 'a', render: (_: unknown, a: ShowcaseApp) => (
        <Space size={4}>
          {a.status === 'submitted' && (
            <>
              <Popconfirm title={t('opendata.action.confirm')} onConfirm={() => approve(a)}>
                <Button size="small" type="primary">{t('opendata.action.approve')}</Button>
              </Popconfirm>
              <Button size="small" danger onClick={() => setDialog({ kind: 'reject', a })}>{t('opendata.action.reject')}</Button>
            </>
          )}
          {a.status === 'approved' && <Button size="small" danger onClick={() => setDialog({ kind: 'delist', a })}>{t('opendata.action.delist')}</Button>}
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="opendata-apps-review">
      <Typography.Title level={3}>{t('opendata.appsReview.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('opendata.appsReview.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<Status> allowClear style={{ minWidth: 160 }} placeholder={t('opendata.col.status')} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: msg(t, `opendata.status.${s}`) }))} />
      </div>
      {(list.error || error) && <Alert type="error" showIcon closable message={error ?? list.error} style={{ marginBottom: 16 }} onClose={() => setError(null)} />}
      <Table<ShowcaseApp> rowKey="id" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }} />
      {dialog && (
        <ReasonModal
          title={t(dialog.kind === 'reject' ? 'opendata.action.reject' : 'opendata.action.delist')}
          act={(reason) => unwrap(api.POST(`/api/v1/opendata/apps/{appId}/${dialog.kind}`, { params: { path: { appId: dialog.a.id } }, body: { reason } }))}
          onClose={(done) => {
            setDialog(null);
            if (done) list.reload();
          }}
        />
      )}
    </div>
  );
}
