/**
 * Relationships between organisations (关联关系) as the data bureau records them — parent and
 * subsidiary, shareholding (with its percentage), counterparty (a trade within the last twelve
 * months) — the basis of recusing related reviewers from a compliance panel. The dialog records one;
 * the panel lists an organisation's (either side) on its detail page.
 */
import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Row, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { useOrgNames } from '../catalog/resource.view';
import { RELATIONSHIP_KINDS, type RelationshipKind } from './registry.rules';
import { msg, relationshipLabel, type Relationship } from './registry.view';

interface Values {
  orgId: string;
  kind: RelationshipKind;
  relatedOrgId: string;
  sharePercent?: string;
  since: string;
  until?: string;
  note?: string;
}
/** A shareholding as the server takes it: more than 0, at most 100, up to four decimals. */
const PERCENT = /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/;

/** Who may record relationships (POST /orgs/{orgId}/relationships): the data bureau and the platform operator. */
export const canRecordRelationships = (orgRoles: readonly string[]) => orgRoles.includes('data_bureau') || orgRoles.includes('platform_admin');
/** Who may read an organisation's (GET …/relationships): its own members, the platform, the data bureau, the regulator. */
export const canReadRelationships = (me: { orgId: string; orgRoles: readonly string[] } | null | undefined, orgId: string) =>
  !!me && (me.orgId === orgId || ['platform_admin', 'data_bureau', 'regulator'].some((r) => me.orgRoles.includes(r)));

/** The dialog recording one relationship; `orgId` fixes the organisation whose relationship it is. */
export function RelationshipModal({ orgId, onDone, onClose }: { orgId?: string; onDone(r: Relationship): void; onClose(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const orgs = useApiResource('registry-relationship-orgs', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items);
  const options = (orgs.data ?? []).map((o) => ({ value: o.id, label: orgName(o.name, locale) }));
  const kind = Form.useWatch('kind', form) ?? 'shareholder';
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return (
    <FormModal open title={t('registry.relationship.record')} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('registry.relationship.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ ...(orgId ? { orgId } : {}), kind: 'shareholder', since: today }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const r = await unwrap(
              api.POST('/api/v1/orgs/{orgId}/relationships', {
                params: { path: { orgId: v.orgId } },
                body: {
                  relatedOrgId: v.relatedOrgId,
                  kind: v.kind,
                  ...(v.kind === 'shareholder' ? { sharePercent: v.sharePercent?.trim() ?? null } : {}),
                  since: v.since,
                  ...(v.until ? { until: v.until } : {}),
                  ...(v.note?.trim() ? { note: v.note.trim() } : {}),
                },
              }),
            );
            message.success(t('registry.relationship.done'));
            onDone(r);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="orgId" label={t('registry.relationship.org')} rules={[{ required: true, message: t('registry.form.required') }]}>
          <Select showSearch optionFilterProp="label" disabled={!!orgId} loading={orgs.loading} options={options} data-testid="relationship-org" />
        </Form.Item>
        <Form.Item name="kind" label={t('registry.relationship.kind')} extra={msg(t, `registry.relationship.hint.${kind}`)}>
          <Select options={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: relationshipLabel(t, k) }))} data-testid="relationship-kind" />
        </Form.Item>
        <Form.Item
          name="relatedOrgId"
          label={t('registry.relationship.related')}
          dependencies={['orgId']}
          rules={[
            { required: true, message: t('registry.form.required') },
            ({ getFieldValue }) => ({ validator: (_, v) => (v && v === getFieldValue('orgId') ? Promise.reject(new Error(t('registry.relationship.self'))) : Promise.resolve()) }),
          ]}
        >
          <Select showSearch optionFilterProp="label" loading={orgs.loading} options={options} data-testid="relationship-related" />
        </Form.Item>
        <Row gutter={16}>
          {kind === 'shareholder' && (
            <Col xs={24} sm={8}>
              <Form.Item name="sharePercent" label={t('registry.relationship.share')} rules={[{ required: true, validator: (_, v: string | undefined) => (v && PERCENT.test(v.trim()) && Number(v) > 0 ? Promise.resolve() : Promise.reject(new Error(t('registry.relationship.shareRule')))) }]}>
                <Input inputMode="decimal" maxLength={9} suffix="%" data-testid="relationship-share" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} sm={8}>
            <Form.Item name="since" label={kind === 'counterparty' ? t('registry.relationship.tradeDate') : t('registry.relationship.since')} rules={[{ required: true, message: t('registry.form.required') }]}>
              <Input type="date" data-testid="relationship-since" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="until" label={t('registry.relationship.until')}>
              <Input type="date" data-testid="relationship-until" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('registry.relationship.note')} rules={[{ max: 500 }]}>
          <Input maxLength={500} data-testid="relationship-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** An organisation's recorded relationships (either side), with the way to record one for those who may. */
export function OrgRelationshipsPanel({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const orgNameOf = useOrgNames(locale);
  const [open, setOpen] = useState(false);
  const list = useApiResource(`org-relationships-${orgId}`, async () => (await unwrap(api.GET('/api/v1/orgs/{orgId}/relationships', { params: { path: { orgId } } }))).items);
  const columns: TableProps<Relationship>['columns'] = [
    {
      title: t('registry.relationship.col.what'),
      key: 'what',
      render: (_: unknown, r: Relationship) => (
        <span data-testid={`relationship-${r.id}`}>
          {msg(t, `registry.relationship.says.${r.kind}`, { org: orgNameOf(r.orgId), related: orgNameOf(r.relatedOrgId), share: r.sharePercent ?? '—' })}
        </span>
      ),
    },
    { title: t('registry.relationship.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => relationshipLabel(t, k) },
    { title: t('registry.relationship.period'), key: 'period', render: (_: unknown, r: Relationship) => <span style={{ whiteSpace: 'nowrap' }}>{`${r.since} – ${r.until ?? t('registry.term.open')}`}</span> },
    { title: t('registry.relationship.note'), dataIndex: 'note', key: 'note', render: (n: string | null) => n ?? '—' },
    { title: t('registry.relationship.recordedAt'), dataIndex: 'recordedAt', key: 'recordedAt', render: (v: string) => formatTime(v, locale) },
  ];
  return (
    <div data-testid="org-relationships">
      <Typography.Paragraph type="secondary">{t('registry.relationship.panelIntro')}</Typography.Paragraph>
      {me && canRecordRelationships(me.orgRoles) && (
        <div className="lt-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="relationship-add">
            {t('registry.relationship.record')}
          </Button>
        </div>
      )}
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<Relationship> rowKey="id" size="small" data-testid="relationship-table" loading={list.loading} columns={columns} dataSource={list.data ?? []} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('registry.relationship.none') }} />
      {open && (
        <RelationshipModal
          orgId={orgId}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
