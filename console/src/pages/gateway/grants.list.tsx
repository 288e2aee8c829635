import { useState } from 'react';
import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { useOrgNames } from '../catalog/resource.view';
import { CallsCard, GRANT_STATUSES, grantColumns, msg, NarrowModal, RevokeModal, UsageByGrantee, UsageCard, type Grant, type Side } from './gateway.view';

/** Grants on one side — held (grantee) or issued (grantor, with narrow and revoke) — with usage and calls. */
export function GrantsList({ side }: { side: Side }) {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const orgNameOf = useOrgNames(locale);
  const [query, setQuery] = useState<{ status: (typeof GRANT_STATUSES)[number] | undefined; page: number; pageSize: number }>({ status: side === 'grantor' ? 'active' : undefined, page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ kind: 'narrow' | 'revoke'; g: Grant } | null>(null);
  const list = useApiResource(`gateway-grants-${side}-${JSON.stringify(query)}`, () =>
    unwrap(api.GET('/api/v1/gateway/grants', { params: { query: { role: side, ...(query.status ? { status: query.status } : {}), page: query.page, pageSize: query.pageSize } } })),
  );
  const columns = grantColumns(t, locale, side, orgNameOf);
  if (side === 'grantor' && access['gateway.manage']) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, g: Grant) =>
        g.status === 'active' ? (
          <Space size={4}>
            <Button size="small" onClick={() => setDialog({ kind: 'narrow', g })} data-testid={`narrow-${g.id}`}>
              {t('gateway.action.narrow')}
            </Button>
            <Button size="small" danger onClick={() => setDialog({ kind: 'revoke', g })} data-testid={`revoke-${g.id}`}>
              {t('gateway.action.revoke')}
            </Button>
          </Space>
        ) : null,
    });
  }
  const close = (next: Grant | null) => {
    setDialog(null);
    if (next) list.reload();
  };
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t(side === 'grantee' ? 'gateway.grants.title' : 'gateway.issued.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t(side === 'grantee' ? 'gateway.grants.intro' : 'gateway.issued.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select
          allowClear
          placeholder={t('gateway.filter.status')}
          style={{ minWidth: 160 }}
          value={query.status}
          onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
          options={GRANT_STATUSES.map((s) => ({ value: s, label: msg(t, `gateway.status.${s}`) }))}
          data-testid="gateway-filter-status"
        />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Table<Grant>
          rowKey="id"
          data-testid={`gateway-grants-${side}`}
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (page, pageSize) => setQuery((p) => ({ ...p, page, pageSize })) }}
        />
        <UsageCard side={side} />
        {side === 'grantor' && <UsageByGrantee orgNameOf={orgNameOf} />}
        <CallsCard side={side} orgNameOf={orgNameOf} />
      </Space>
      {dialog?.kind === 'narrow' && <NarrowModal grant={dialog.g} onClose={close} />}
      {dialog?.kind === 'revoke' && <RevokeModal grant={dialog.g} onClose={close} />}
    </div>
  );
}
