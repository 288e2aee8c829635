import { useState } from 'react';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { formatTime } from '../../format/time.format';
import { shortDigest } from '../authorization/authorization.view';
import { text, type Consent, type UsageCall } from './space.view';

/**
 * Access history (访问记录): every gateway call under the authorization — who called, when (Asia/Shanghai),
 * the answer (refusals in red with their code), how many rows and the call record's hash, which the
 * gateway's ledger commitments cover. Refusals after a revocation are listed too.
 */
export function ConsentUsagePanel({ consent, orgNameOf, round }: { consent: Consent; orgNameOf(id: string): string; round: number }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const usage = useApiResource(`consent-usage-${consent.id}-${consent.updatedAt}-${round}-${page.page}-${page.pageSize}`, () =>
    unwrap(api.GET('/api/v1/authorization/consents/{consentId}/usage', { params: { path: { consentId: consent.id }, query: page } })),
  );
  const itemOf = (resourceId: string) => consent.items.find((i) => i.resourceId === resourceId);

  const columns: TableProps<UsageCall>['columns'] = [
    { title: t('space.usage.calledAt'), dataIndex: 'calledAt', key: 'calledAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
    { title: t('space.usage.caller'), dataIndex: 'callerOrgId', key: 'caller', render: (id: string) => orgNameOf(id) },
    {
      title: t('space.usage.item'),
      dataIndex: 'resourceId',
      key: 'item',
      render: (id: string) => {
        const item = itemOf(id);
        return item ? text(item.name, locale) : <span className="lt-mono">{id}</span>;
      },
    },
    {
      title: t('space.usage.result'),
      key: 'status',
      render: (_: unknown, c: UsageCall) =>
        c.status < 400 ? (
          <Tag color="green" data-testid={`usage-status-${c.id}`} data-status={c.status}>
            {t('space.usage.ok', { status: c.status })}
          </Tag>
        ) : (
          <Tag color="red" data-testid={`usage-status-${c.id}`} data-status={c.status}>
            {t('space.usage.refused', { status: c.status, code: c.code ?? '—' })}
          </Tag>
        ),
    },
    { title: t('space.usage.rows'), dataIndex: 'rows', key: 'rows' },
    {
      title: t('space.usage.recordHash'),
      dataIndex: 'recordHash',
      key: 'hash',
      render: (h: string) => (
        <Typography.Text className="lt-mono" copyable={{ text: h }}>
          {shortDigest(h)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card
      title={t('space.usage.title')}
      data-testid="consent-usage-card"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={usage.reload} aria-label={t('space.usage.reload')} data-testid="consent-usage-reload">
          {t('space.usage.reload')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('space.usage.intro')}</Typography.Paragraph>
      {usage.error && <Alert type="error" showIcon message={usage.error} style={{ marginBottom: 12 }} />}
      <Table<UsageCall>
        rowKey="id"
        size="small"
        data-testid="consent-usage"
        loading={usage.loading}
        columns={columns}
        dataSource={usage.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('space.usage.empty') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: usage.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      <Typography.Text type="secondary">{t('common.timeZoneNote')}</Typography.Text>
    </Card>
  );
}
