import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Select, Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { FormModal } from '../../layout/form.modal';
import { i18nText, StatusTag, type Application, type DeveloperKey, type ShowcaseApp } from './opendata.view';

/** The developer centre (开发者中心): registration, keys, applications and apps of the caller's organisation. */
export default function DeveloperPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const me = useApiResource(`developer-${round}`, () => unwrap(api.GET('/api/v1/opendata/developers/me')).catch(() => null));
  const keys = useApiResource(`keys-${round}`, () => unwrap(api.GET('/api/v1/opendata/keys', { params: { query: { page: 1, pageSize: 100 } } })));
  const apps = useApiResource(`apps-${round}`, () => unwrap(api.GET('/api/v1/opendata/apps', { params: { query: { page: 1, pageSize: 100 } } })));
  const applications = useApiResource(`applications-${round}`, () => unwrap(api.GET('/api/v1/opendata/applications', { params: { query: { role: 'mine', page: 1, pageSize: 100 } } })));
  const reload = () => setRound((r) => r + 1);
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      message.success(t('opendata.done.saved'));
      reload();
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  const dataset = (id: string) => <Link to={`/open-data/${id}`} className="lt-mono">{id}</Link>;

  if (me.data === undefined) return null;
  return (
    <div data-testid="opendata-developer">
      <Typography.Title level={3}>{t('opendata.developer.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('opendata.developer.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} />}
      {me.data === null ? (
        <RegisterForm onDone={reload} canWrite={access['opendata.write']} />
      ) : (
        <Tabs
          items={[
            {
              key: 'keys', label: t('opendata.developer.keys'),
              children: (
                <Table<DeveloperKey> rowKey="id" data-testid="opendata-keys" loading={keys.loading} dataSource={keys.data?.items ?? []} scroll={{ x: 'max-content' }} columns={[
                  { title: t('opendata.col.resource'), key: 'r', render: (_: unknown, k: DeveloperKey) => dataset(k.resourceId) },
                  { title: t('opendata.col.endpoint'), key: 'e', render: (_: unknown, k: DeveloperKey) => <Typography.Text code copyable>{k.endpoint}</Typography.Text> },
                  { title: t('opendata.col.status'), key: 's', render: (_: unknown, k: DeveloperKey) => <StatusTag t={t} status={k.status} /> },
                  { title: t('opendata.col.createdAt'), key: 'c', render: (_: unknown, k: DeveloperKey) => formatTime(k.createdAt, locale) },
                  { title: t('common.actions'), key: 'a', render: (_: unknown, k: DeveloperKey) => access['opendata.write'] && k.status === 'active' && (
                    <Popconfirm title={t('opendata.action.confirm')} onConfirm={() => run(() => unwrap(api.POST('/api/v1/opendata/keys/{keyId}/revoke', { params: { path: { keyId: k.id } } })))}>
                      <Button size="small" danger>{t('opendata.action.revoke')}</Button>
                    </Popconfirm>
                  ) },
                ]} />
              ),
            },
            {
              key: 'applications', label: t('opendata.developer.applications'),
              children: (
                <Table<Application> rowKey="id" data-testid="opendata-applications" loading={applications.loading} dataSource={applications.data?.items ?? []} scroll={{ x: 'max-content' }} columns={[
                  { title: t('opendata.col.resource'), key: 'r', render: (_: unknown, a: Application) => dataset(a.resourceId) },
                  { title: t('opendata.col.purpose'), dataIndex: 'purpose', key: 'p' },
                  { title: t('opendata.col.status'), key: 's', render: (_: unknown, a: Application) => <StatusTag t={t} status={a.status} /> },
                  { title: t('opendata.form.reason'), dataIndex: 'reason', key: 'reason' },
                  { title: t('opendata.col.expiresAt'), key: 'x', render: (_: unknown, a: Application) => (a.expiresAt ? formatTime(a.expiresAt, locale) : '—') },
                  { title: t('common.actions'), key: 'a', render: (_: unknown, a: Application) => access['opendata.write'] && a.status === 'submitted' && (
                    <Popconfirm title={t('opendata.action.confirm')} onConfirm={() => run(() => unwrap(api.POST('/api/v1/opendata/applications/{applicationId}/withdraw', { params: { path: { applicationId: a.id } } })))}>
                      <Button size="small">{t('opendata.action.withdraw')}</Button>
                    </Popconfirm>
                  ) },
                ]} />
              ),
            },
            {
              key: 'apps', label: t('opendata.developer.apps'),
              children: (
                <>
                  {access['opendata.write'] && <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setSubmitting(true)} data-testid="opendata-submit-app">{t('opendata.action.submitApp')}</Button>}
                  <Table<ShowcaseApp> rowKey="id" loading={apps.loading} dataSource={apps.data?.items ?? []} scroll={{ x: 'max-content' }} columns={[
                    { title: t('opendata.col.name'), key: 'n', render: (_: unknown, a: ShowcaseApp) => i18nText(a.name, locale) },
                    { title: t('opendata.col.url'), key: 'u', render: (_: unknown, a: ShowcaseApp) => <a href={a.url} target="_blank" rel="noreferrer noopener">{a.url}</a> },
                    { title: t('opendata.col.status'), key: 's', render: (_: unknown, a: ShowcaseApp) => <StatusTag t={t} status={a.status} /> },
                    { title: t('opendata.form.reason'), dataIndex: 'reason', key: 'reason' },
                  ]} />
                </>
              ),
            },
            {
              key: 'profile', label: t('opendata.developer.profile'),
              children: (
                <Descriptions bordered column={1} size="small">
                  <Descriptions.Item label={t('opendata.form.contactName')}>{me.data.contactName}</Descriptions.Item>
                  <Descriptions.Item label={t('opendata.form.contactEmail')}>{me.data.contactEmail}</Descriptions.Item>
                  <Descriptions.Item label={t('opendata.form.contactPhone')}>{me.data.contactPhone ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('opendata.col.status')}><StatusTag t={t} status={me.data.status} /></Descriptions.Item>
                </Descriptions>
              ),
            },
          ]}
        />
      )}
      {submitting && <SubmitAppModal onClose={(done) => { setSubmitting(false); if (done) reload(); }} />}
    </div>
  );
}

function RegisterForm({ onDone, canWrite }: { onDone(): void; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ contactName: string; contactEmail: string; contactPhone?: string; description?: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/opendata/developers', { body: { contactName: v.contactName, contactEmail: v.contactEmail, ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}), ...(v.description ? { description: v.description } : {}) } }));
      message.success(t('opendata.done.registered'));
      onDone();
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  return (
    <div style={{ maxWidth: 520 }} data-testid="opendata-register">
      <Alert type="info" showIcon message={t('opendata.developer.notRegistered')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" disabled={!canWrite}>
        <Form.Item name="contactName" label={t('opendata.form.contactName')} rules={[{ required: true, whitespace: true, message: t('opendata.form.required') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="contactEmail" label={t('opendata.form.contactEmail')} rules={[{ required: true, type: 'email', message: t('opendata.form.required') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="contactPhone" label={t('opendata.form.contactPhone')}><Input maxLength={20} /></Form.Item>
        <Form.Item name="description" label={t('opendata.form.description')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Button type="primary" onClick={submit} data-testid="opendata-register-submit">{t('opendata.action.register')}</Button>
      </Form>
    </div>
  );
}

function SubmitAppModal({ onClose }: { onClose(done: boolean): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ nameZh: string; nameEn: string; descZh: string; descEn: string; url: string; datasetIds: string[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const datasets = useApiResource('app-datasets', () => unwrap(api.GET('/api/v1/public/opendata/datasets', { params: { query: { page: 1, pageSize: 200 } } })));
  const required = [{ required: true, whitespace: true, message: t('opendata.form.required') }];
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/opendata/apps', { body: { name: { zh: v.nameZh, en: v.nameEn }, description: { zh: v.descZh, en: v.descEn }, url: v.url, datasetIds: v.datasetIds } }));
      onClose(true);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal open title={t('opendata.action.submitApp')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={submit}>
      <Form form={form} layout="vertical">
        <Form.Item name="nameZh" label={t('opendata.form.appNameZh')} rules={required}><Input maxLength={100} /></Form.Item>
        <Form.Item name="nameEn" label={t('opendata.form.appNameEn')} rules={required}><Input maxLength={100} /></Form.Item>
        <Form.Item name="descZh" label={t('opendata.form.appDescZh')} rules={required}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="descEn" label={t('opendata.form.appDescEn')} rules={required}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="url" label={t('opendata.form.appUrl')} rules={[{ required: true, type: 'url', message: t('opendata.form.required') }]}><Input maxLength={2000} /></Form.Item>
        <Form.Item name="datasetIds" label={t('opendata.form.appDatasets')} rules={[{ required: true, type: 'array', min: 1, message: t('opendata.form.required') }]}>
          <Select mode="multiple" options={(datasets.data?.items ?? []).map((d) => ({ value: d.id, label: i18nText(d.title, locale) }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
