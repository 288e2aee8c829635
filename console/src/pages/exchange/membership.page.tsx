/**
 * My organisation at the exchange (会员登记): its memberships — seller, buyer, data merchant,
 * broker, service provider — with their state; the administrator applies for one here, then attaches
 * the qualification files on the application's page before the exchange decides.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { computeAccess } from '../../access';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { kindLabel, MEMBER_KINDS, MemberStatusTag, SERVICE_KINDS, serviceLabel } from './exchange.view';

export interface MemberRow {
  id: string;
  orgId: string;
  orgName: { zh: string; en: string };
  kind: string;
  services: string[];
  status: string;
  appliedAt: string;
  decidedAt: string | null;
  reason: string | null;
}

/** The columns every membership table shows (the review list adds the organisation). */
export function memberColumns(t: ReturnType<typeof useI18n>['t'], locale: string): NonNullable<TableProps<MemberRow>['columns']> {
  return [
    { title: t('exchange.col.kind'), dataIndex: 'kind', key: 'kind', render: (k: string, m: MemberRow) => <Link to={`/console/exchange/members/${m.id}`} data-testid={`member-link-${m.id}`}>{kindLabel(t, k)}</Link> },
    { title: t('exchange.col.services'), dataIndex: 'services', key: 'services', render: (s: string[]) => (s.length ? s.map((x) => serviceLabel(t, x)).join('、') : '—') },
    { title: t('exchange.col.status'), dataIndex: 'status', key: 'status', render: (s: string, m: MemberRow) => <MemberStatusTag status={s} testId={`member-status-${m.id}`} /> },
    { title: t('exchange.col.appliedAt'), dataIndex: 'appliedAt', key: 'appliedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
    { title: t('exchange.col.reason'), dataIndex: 'reason', key: 'reason', render: (r: string | null) => r ?? '—' },
  ];
}

export default function MembershipPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [applying, setApplying] = useState(false);
  const orgId = me?.orgId ?? '';
  const list = useApiResource(`exchange-membership-${orgId}`, async () => (await unwrap(api.GET('/api/v1/exchange/members', { params: { query: { orgId, page: 1, pageSize: 100 } } }))).items);
  const access = computeAccess(me ?? null);
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="membership-title">
          {t('exchange.membership.title')}
        </Typography.Title>
        {access['exchange.apply'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="membership-apply">
            {t('exchange.membership.apply')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('exchange.membership.intro')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<MemberRow>
        rowKey="id"
        data-testid="membership-table"
        loading={list.loading}
        columns={memberColumns(t, locale)}
        dataSource={list.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('exchange.membership.empty') }}
      />
      {applying && <ApplyModal onClose={() => setApplying(false)} />}
    </div>
  );
}

interface ApplyValues {
  kind: string;
  services?: string[];
  contactName: string;
  phone: string;
  email: string;
  statement: string;
}

function ApplyModal({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplyValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal open title={t('exchange.membership.applyTitle')} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('exchange.membership.applyIntro')}</Typography.Paragraph>
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const created = await unwrap(api.POST('/api/v1/exchange/members', {
              body: {
                kind: v.kind as (typeof MEMBER_KINDS)[number],
                ...(v.kind === 'service_provider' ? { services: (v.services ?? []) as Array<(typeof SERVICE_KINDS)[number]> } : {}),
                contact: { name: v.contactName.trim(), phone: v.phone.trim(), email: v.email.trim() },
                statement: v.statement.trim(),
              },
            }));
            message.success(t('exchange.membership.applied'));
            navigate(`/console/exchange/members/${created.id}`);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="kind" label={t('exchange.col.kind')} rules={[{ required: true, message: t('exchange.required') }]}>
          <Select options={MEMBER_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} data-testid="apply-kind" />
        </Form.Item>
        {kind === 'service_provider' && (
          <Form.Item name="services" label={t('exchange.col.services')} rules={[{ required: true, type: 'array', min: 1, message: t('exchange.servicesRequired') }]}>
            <Checkbox.Group options={SERVICE_KINDS.map((s) => ({ value: s, label: serviceLabel(t, s) }))} data-testid="apply-services" />
          </Form.Item>
        )}
        <Form.Item name="contactName" label={t('exchange.contact.name')} rules={[{ required: true, whitespace: true, message: t('exchange.required') }]}>
          <Input maxLength={50} data-testid="apply-contact-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('exchange.contact.phone')} rules={[{ required: true, pattern: /^[0-9+() -]{5,30}$/, message: t('exchange.phoneRule') }]}>
          <Input maxLength={30} data-testid="apply-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('exchange.contact.email')} rules={[{ required: true, type: 'email', message: t('exchange.emailRule') }]}>
          <Input maxLength={200} data-testid="apply-email" />
        </Form.Item>
        <Form.Item name="statement" label={t('exchange.statement')} extra={t('exchange.statementHint')} rules={[{ required: true, whitespace: true, message: t('exchange.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="apply-statement" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
