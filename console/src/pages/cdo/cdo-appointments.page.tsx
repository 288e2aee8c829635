import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { TableProps } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { label, orgName } from '../../format/labels';
import { reasonLabel, statusLabel, type Appointment, type RegisterEntry } from './cdo.view';

/** Chief data officers: the organisation's appointments (history kept), appointing and ending; the register for the data bureau and the regulator. */
export default function CdoAppointmentsPage() {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const orgId = me?.orgId ?? '';
  const [appointing, setAppointing] = useState(false);
  const [ending, setEnding] = useState<Appointment | null>(null);
  const [page, setPage] = useState(1);
  const history = useApiResource(`history:${orgId}`, async () => unwrap(api.GET('/api/v1/cdo/orgs/{orgId}/appointments', { params: { path: { orgId }, query: { page: 1, pageSize: 50 } } })));
  const register = useApiResource(`register:${access['cdo.oversight']}:${page}`, async () =>
    access['cdo.oversight'] ? unwrap(api.GET('/api/v1/cdo/appointments', { params: { query: { page, pageSize: 20 } } })) : null,
  );

  const columns: TableProps<Appointment>['columns'] = [
    { title: t('cdo.col.name'), dataIndex: 'name', key: 'name' },
    { title: t('cdo.col.title'), dataIndex: 'title', key: 'title' },
    { title: t('cdo.col.appointedAt'), dataIndex: 'appointedAt', key: 'appointedAt' },
    { title: t('cdo.col.termEnd'), dataIndex: 'termEnd', key: 'termEnd', render: (v: string | null) => v ?? '—' },
    { title: t('cdo.col.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={v === 'current' ? 'green' : 'default'}>{statusLabel(t, v)}</Tag> },
    { title: t('cdo.col.endedAt'), dataIndex: 'endedAt', key: 'endedAt', render: (v: string | null) => (v ? formatTime(v, locale) : '—') },
    { title: t('cdo.col.endReason'), dataIndex: 'endReason', key: 'endReason', render: (v: string | null) => reasonLabel(t, v) },
    {
      title: t('cdo.col.actions'),
      key: 'actions',
      render: (_: unknown, a: Appointment) =>
        a.status === 'current' && access['cdo.appoint'] ? (
          <Button size="small" danger onClick={() => setEnding(a)} data-testid="cdo-end">
            {t('cdo.appointments.end')}
          </Button>
        ) : null,
    },
  ];
  const registerColumns: TableProps<RegisterEntry>['columns'] = [
    { title: t('cdo.col.org'), dataIndex: 'orgName', key: 'org', render: (n: RegisterEntry['orgName'], r) => <Space>{orgName(n, locale)}<Tag>{label(t, 'orgType', r.orgType)}</Tag></Space> },
    { title: t('cdo.col.name'), dataIndex: 'name', key: 'name' },
    { title: t('cdo.col.title'), dataIndex: 'title', key: 'title' },
    { title: t('cdo.col.appointedAt'), dataIndex: 'appointedAt', key: 'appointedAt' },
    { title: t('cdo.col.termEnd'), dataIndex: 'termEnd', key: 'termEnd', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('cdo.appointments.title')}</Typography.Title>
        {access['cdo.appoint'] && (
          <Button type="primary" onClick={() => setAppointing(true)} data-testid="cdo-appoint">
            {t('cdo.appointments.appoint')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('cdo.appointments.intro')}</Typography.Paragraph>
      {history.error && <Alert type="error" showIcon message={history.error} style={{ marginBottom: 16 }} />}
      <Card title={t('cdo.appointments.history')} style={{ marginBottom: 16 }}>
        <Table<Appointment>
          rowKey="id"
          data-testid="cdo-history"
          loading={history.loading}
          columns={columns}
          dataSource={history.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('cdo.appointments.none') }}
          scroll={{ x: true }}
        />
      </Card>
      {access['cdo.oversight'] && (
        <Card title={t('cdo.appointments.register')}>
          {register.error && <Alert type="error" showIcon message={register.error} style={{ marginBottom: 16 }} />}
          <Table<RegisterEntry>
            rowKey="id"
            data-testid="cdo-register"
            loading={register.loading}
            columns={registerColumns}
            dataSource={register.data?.items ?? []}
            pagination={{ current: page, pageSize: 20, total: register.data?.total ?? 0, onChange: setPage }}
            scroll={{ x: true }}
          />
        </Card>
      )}
      {appointing && <AppointModal orgId={orgId} onClose={(changed) => { setAppointing(false); if (changed) history.reload(); }} />}
      {ending && <EndModal orgId={orgId} appointment={ending} onClose={(changed) => { setEnding(null); if (changed) history.reload(); }} />}
    </div>
  );
}

interface AppointValues {
  userId: string;
  name?: string;
  title: string;
  appointedAt?: { format(f: string): string };
  termEnd?: { format(f: string): string };
}

function AppointModal({ orgId, onClose }: { orgId: string; onClose(changed: boolean): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AppointValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const users = useApiResource(`users:${orgId}`, async () => unwrap(api.GET('/api/v1/orgs/{orgId}/users', { params: { path: { orgId }, query: { page: 1, pageSize: 200 } } })));
  return (
    <FormModal open title={t('cdo.appointments.appoint')} busy={busy} error={error ?? users.error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<AppointValues>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const body = {
              userId: v.userId,
              title: v.title.trim(),
              ...(v.name?.trim() ? { name: v.name.trim() } : {}),
              ...(v.appointedAt ? { appointedAt: v.appointedAt.format('YYYY-MM-DD') } : {}),
              ...(v.termEnd ? { termEnd: v.termEnd.format('YYYY-MM-DD') } : {}),
            };
            const made = await unwrap(api.POST('/api/v1/cdo/orgs/{orgId}/appointments', { params: { path: { orgId } }, body }));
            message.success(t('cdo.appointments.appointed', { name: (made as Appointment).name }));
            onClose(true);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="userId" label={t('cdo.form.user')} rules={[{ required: true, message: t('cdo.form.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={users.loading}
            options={(users.data?.items ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            data-testid="cdo-user"
          />
        </Form.Item>
        <Form.Item name="name" label={t('cdo.form.name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t('cdo.form.title')} rules={[{ required: true, whitespace: true, message: t('cdo.form.required') }]}>
          <Input maxLength={200} data-testid="cdo-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="appointedAt" label={t('cdo.form.appointedAt')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="termEnd" label={t('cdo.form.termEnd')}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}

function EndModal({ orgId, appointment, onClose }: { orgId: string; appointment: Appointment; onClose(changed: boolean): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('cdo.appointments.end')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/cdo/orgs/{orgId}/appointments/{appointmentId}/end', { params: { path: { orgId, appointmentId: appointment.id } }, body: { reason: v.reason.trim() } }));
            message.success(t('cdo.appointments.ended'));
            onClose(true);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={t('cdo.appointments.endReason')} rules={[{ required: true, whitespace: true, message: t('cdo.form.required') }]}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
