/**
 * Licences (电子证照) for the source units that issue them: the organisation's issued licences, paged
 * on the server, by type and status, numbers and holders masked as the API returns them; issue a
 * licence (licence-issue.modal.tsx) and revoke one with a reason. The data bureau and the regulator
 * see every issuer's licences here, read-only (a regulator that is also a source unit issues and
 * revokes its own).
 */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import type { paths } from '../../api/openapi.schema';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { Digest, TextModal } from '../authorization/authorization.view';
import { LICENCE_STATUS_FILTERS, type LicenceStatusFilter } from './licence.rules';
import { LicenceIssueModal } from './licence-issue.modal';
import { LicenceStateTag, msg, text, useLicenceTypes, validityText, type IssuedLicence } from './licence.view';

type ListQuery = NonNullable<paths['/api/v1/authorization/licences']['get']['parameters']['query']>;

interface Query {
  type: string | undefined;
  status: LicenceStatusFilter | undefined;
  mine: boolean;
  page: number;
  pageSize: number;
}

export default function LicenceListPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const { message } = App.useApp();
  const overseer = !!me && (me.orgRoles.includes('data_bureau') || me.orgRoles.includes('regulator'));
  const issuer = !!me?.orgRoles.includes('source_unit');
  const [query, setQuery] = useState<Query>({ type: undefined, status: undefined, mine: false, page: 1, pageSize: 20 });
  const types = useLicenceTypes();
  const list = useApiResource(`licences-${JSON.stringify(query)}`, () =>
    unwrap(
      api.GET('/api/v1/authorization/licences', {
        params: {
          query: {
            ...(query.type ? { type: query.type as ListQuery['type'] } : {}),
            ...(query.status ? { status: query.status } : {}),
            ...(query.mine && me ? { issuerOrgId: me.orgId } : {}),
            page: query.page,
            pageSize: query.pageSize,
          },
        },
      }),
    ),
  );
  const [issuing, setIssuing] = useState(false);
  const [detail, setDetail] = useState<IssuedLicence | null>(null);
  const [revoking, setRevoking] = useState<IssuedLicence | null>(null);
  const canRevoke = (l: IssuedLicence) => access['licences.issue'] && l.issuer.orgId === me?.orgId && l.state !== 'revoked';

  const columns: TableProps<IssuedLicence>['columns'] = [
    { title: t('licences.field.type'), key: 'type', render: (_: unknown, l: IssuedLicence) => text(l.typeName, locale) },
    { title: t('licences.field.number'), dataIndex: 'numberMasked', key: 'number', render: (n: string) => <span className="lt-mono">{n}</span> },
    {
      title: t('licences.field.holder'),
      key: 'holder',
      render: (_: unknown, l: IssuedLicence) => (
        <span>
          {l.holderName}
          <br />
          <Typography.Text type="secondary" className="lt-mono">
            {l.holderMasked}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('licences.field.issuer'), key: 'issuer', render: (_: unknown, l: IssuedLicence) => (l.issuer.orgId === me?.orgId ? <Typography.Text strong>{text(l.issuer.name, locale)}</Typography.Text> : text(l.issuer.name, locale)) },
    { title: t('licences.field.validity'), key: 'validity', render: (_: unknown, l: IssuedLicence) => <span style={{ whiteSpace: 'nowrap' }}>{validityText(t, locale, l.validFrom, l.validTo)}</span> },
    { title: t('licences.field.issuedAt'), dataIndex: 'issuedAt', key: 'issuedAt', render: (v: string) => formatTime(v, locale) },
    { title: t('licences.field.state'), dataIndex: 'state', key: 'state', render: (s: string, l: IssuedLicence) => <LicenceStateTag t={t} state={s} testId={`licence-state-${l.id}`} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, l: IssuedLicence) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setDetail(l)} data-testid={`licence-detail-${l.id}`}>
            {t('licences.action.detail')}
          </Button>
          {canRevoke(l) && (
            <Button size="small" danger onClick={() => setRevoking(l)} data-testid={`licence-revoke-${l.id}`}>
              {t('licences.action.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="licences-title">
          {t('licences.issued.title')}
        </Typography.Title>
        {access['licences.issue'] && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!types.data?.length} onClick={() => setIssuing(true)} data-testid="licence-issue">
            {t('licences.action.issue')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('licences.issued.intro')}</Typography.Paragraph>
      {overseer && (
        <Typography.Paragraph type="secondary" data-testid="licences-overseer-note">
          {t('licences.issued.introOverseer')}
        </Typography.Paragraph>
      )}
      <div className="lt-toolbar">
        <Select<string>
          allowClear
          placeholder={t('licences.filter.type')}
          style={{ minWidth: 180 }}
          value={query.type}
          loading={types.loading}
          onChange={(type) => setQuery((p) => ({ ...p, type, page: 1 }))}
          options={(types.data ?? []).map((x) => ({ value: x.code, label: text(x.name, locale) }))}
          data-testid="licence-filter-type"
        />
        <Select<LicenceStatusFilter>
          allowClear
          placeholder={t('licences.filter.status')}
          style={{ minWidth: 160 }}
          value={query.status}
          onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
          options={LICENCE_STATUS_FILTERS.map((s) => ({ value: s, label: msg(t, `licences.filter.status.${s}`) }))}
          data-testid="licence-filter-status"
        />
        {overseer && issuer && (
          <Space>
            <Switch checked={query.mine} onChange={(mine) => setQuery((p) => ({ ...p, mine, page: 1 }))} data-testid="licence-filter-mine" />
            <span>{t('licences.filter.mine')}</span>
          </Space>
        )}
      </div>
      {(list.error || types.error) && <Alert type="error" showIcon title={list.error ?? types.error} style={{ marginBottom: 16 }} data-testid="licences-error" />}
      <Table<IssuedLicence>
        rowKey="id"
        data-testid="licence-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery((p) => ({ ...p, page, pageSize })),
        }}
      />
      {issuing && types.data && (
        <LicenceIssueModal
          types={types.data}
          onClose={(issued) => {
            setIssuing(false);
            if (issued) list.reload();
          }}
        />
      )}
      {detail && <LicenceDetailModal t={t} locale={locale} licence={detail} onClose={() => setDetail(null)} />}
      {revoking && (
        <TextModal
          title={t('licences.revoke.title')}
          label={t('licences.revoke.reason')}
          intro={t('licences.revoke.intro')}
          required
          testId="licence-revoke-reason"
          onClose={() => setRevoking(null)}
          onSend={async (reason) => {
            await unwrap(api.POST('/api/v1/authorization/licences/{licenceId}/revoke', { params: { path: { licenceId: revoking.id } }, body: { reason: reason ?? '' } }));
            message.success(t('licences.revoke.done'));
            setRevoking(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

function LicenceDetailModal({ t, locale, licence: l, onClose }: { t: Translate; locale: string; licence: IssuedLicence; onClose(): void }) {
  const items: DescriptionsProps['items'] = [
    { key: 'type', label: t('licences.field.type'), children: text(l.typeName, locale) },
    { key: 'number', label: t('licences.field.number'), children: <span className="lt-mono">{l.numberMasked}</span> },
    { key: 'holder', label: t('licences.field.holder'), children: <span>{l.holderName} <span className="lt-mono">{l.holderMasked}</span></span> },
    { key: 'issuer', label: t('licences.field.issuer'), children: text(l.issuer.name, locale) },
    { key: 'validity', label: t('licences.field.validity'), children: validityText(t, locale, l.validFrom, l.validTo) },
    { key: 'issuedAt', label: t('licences.field.issuedAt'), children: formatTime(l.issuedAt, locale) },
    { key: 'state', label: t('licences.field.state'), children: <LicenceStateTag t={t} state={l.state} testId="licence-detail-state" /> },
    ...(l.revokedAt ? [{ key: 'revokedAt', label: t('licences.field.revokedAt'), children: formatTime(l.revokedAt, locale) }] : []),
    ...(l.revokeReason ? [{ key: 'reason', label: t('licences.field.revokeReason'), children: <span data-testid="licence-detail-reason">{l.revokeReason}</span> }] : []),
    { key: 'digest', label: t('licences.field.digest'), children: <Digest value={l.digest} testId="licence-detail-digest" /> },
  ];
  return (
    <Modal open title={t('licences.detail.title')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Descriptions bordered size="small" column={1} items={items} data-testid="licence-detail" />
    </Modal>
  );
}
