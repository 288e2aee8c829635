import { useState } from 'react';
import { Alert, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { orgName } from '../../format/labels';
import { useOrgNames } from '../catalog/resource.view';
import { ScopeView, type SharingRequest } from './sharing.view';

type Row = Record<string, unknown>;

/** Data granted to my organisation by sharing requests, read through the data gateway (masked by grade). */
export default function GrantedDataPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const orgNameOf = useOrgNames(locale);
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const granted = useApiResource('sharing-granted', () => unwrap(api.GET('/api/v1/sharing/requests', { params: { query: { box: 'sent', status: 'granted', page: 1, pageSize: 200 } } })));
  const requestId = params.get('request') ?? granted.data?.items[0]?.id ?? null;
  const request: SharingRequest | undefined = granted.data?.items.find((r) => r.id === requestId);
  const rows = useApiResource(`sharing-rows-${request?.id ?? 'none'}-${page.page}-${page.pageSize}`, async () => {
    if (!request?.grantId) return null;
    return unwrap(
      api.GET('/api/v1/data/{resourceId}/rows', { params: { path: { resourceId: request.resource.id }, query: { grant: request.grantId, page: page.page, pageSize: page.pageSize, format: 'json' } } }),
    );
  });
  const data = rows.data as { fields: string[]; items: Row[]; hasMore: boolean } | null | undefined;

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('sharing.data.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('sharing.data.intro')}</Typography.Paragraph>
      {granted.error && <Alert type="error" showIcon message={granted.error} style={{ marginBottom: 16 }} />}
      {granted.data && granted.data.items.length === 0 && !request && <Empty description={t('sharing.data.empty')} />}
      {granted.data && granted.data.items.length > 0 && (
        <div className="lt-toolbar">
          <Select<string>
            style={{ minWidth: 360, maxWidth: '100%' }}
            placeholder={t('sharing.data.pick')}
            value={request?.id}
            onChange={(id) => {
              setPage((p) => ({ ...p, page: 1 }));
              setParams({ request: id });
            }}
            options={granted.data.items.map((r) => ({ value: r.id, label: `${orgName(r.resource.title, locale)} — ${orgNameOf(r.sourceOrgId)}` }))}
            data-testid="granted-pick"
          />
        </div>
      )}
      {request && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={orgName(request.resource.title, locale)} data-testid="granted-request">
            {request.granted ? <ScopeView t={t} s={request.granted} locale={locale} testId="granted-scope" /> : <Alert type="info" message={t('sharing.data.notGranted')} />}
          </Card>
          {rows.error && <Alert type="error" showIcon message={rows.error} data-testid="granted-rows-error" />}
          {data && (
            <Card title={t('sharing.data.rows', { count: data.items.length })} extra={<Typography.Text type="secondary">{t('sharing.data.masked')}</Typography.Text>}>
              <Table<Row & { __key: number }>
                rowKey="__key"
                size="small"
                data-testid="granted-rows"
                loading={rows.loading}
                columns={data.fields.map((f) => ({ title: f, dataIndex: f, key: f, render: (v: unknown) => <span className="lt-mono">{v === null || v === undefined ? '—' : String(v)}</span> }))}
                dataSource={data.items.map((r, i) => ({ ...r, __key: i }))}
                scroll={{ x: 'max-content' }}
                pagination={{
                  current: page.page,
                  pageSize: page.pageSize,
                  total: (page.page - 1) * page.pageSize + data.items.length + (data.hasMore ? 1 : 0),
                  onChange: (p, s) => setPage({ page: p, pageSize: s }),
                }}
              />
            </Card>
          )}
        </Space>
      )}
    </div>
  );
}
