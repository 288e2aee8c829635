import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { FormModal } from '../../layout/form.modal';
import { i18nText, msg, OpenTypeTag, type Dataset } from './opendata.view';

/** One open dataset (public): description, fields, the data API, and the developer's next step (key or application). */
export default function OpenDatasetPage() {
  const { resourceId = '' } = useParams();
  const { t, locale } = useI18n();
  const { access } = useSession();
  const { message } = App.useApp();
  const ds = useApiResource(`dataset-${resourceId}`, () => unwrap(api.GET('/api/v1/public/opendata/datasets/{resourceId}', { params: { path: { resourceId } } })));
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const d = ds.data;

  const getKey = async () => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/opendata/keys', { body: { resourceId } }));
      message.success(t('opendata.done.key'));
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  if (ds.error) return <Alert type="error" showIcon message={ds.error} />;
  if (!d) return null;
  const endpoint = `${window.location.origin}/api/v1/data/${d.id}/rows`;
  return (
    <div data-testid="opendata-dataset">
      <Typography.Title level={3}>{i18nText(d.title, locale)}</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <OpenTypeTag t={t} openType={d.openType} />
        <a href={`/api/v1/public/dcat/datasets/${d.id}`}>{t('opendata.dataset.dcat')}</a>
        <a href={`/api/3/action/package_show?id=${d.id}`}>{t('opendata.dataset.ckan')}</a>
      </Space>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="opendata-error" />}
      <Descriptions bordered column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('opendata.dataset.description')}>{i18nText(d.description, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('opendata.col.publisher')}>{i18nText(d.organisation.name, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('opendata.col.category')}>{i18nText(d.category?.name, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('opendata.col.frequency')}>{msg(t, `catalog.resource.frequency.${d.updateFrequency}`)}</Descriptions.Item>
        <Descriptions.Item label={t('opendata.col.updatedAt')}>{formatTime(d.publishedAt ?? d.updatedAt, locale)}</Descriptions.Item>
        {d.openConditions && <Descriptions.Item label={t('opendata.dataset.conditions')}>{d.openConditions}</Descriptions.Item>}
        <Descriptions.Item label={t('opendata.dataset.api')}>
          <Typography.Text code copyable>{endpoint}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('opendata.dataset.apiHelp')}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginBottom: 16 }} wrap>
        {access['opendata.write'] && d.openType === 'unconditional' && (
          <Button type="primary" onClick={getKey} data-testid="opendata-get-key">{t('opendata.action.getKey')}</Button>
        )}
        {access['opendata.write'] && d.openType === 'conditional' && (
          <Button type="primary" onClick={() => setApplying(true)} data-testid="opendata-apply">{t('opendata.action.apply')}</Button>
        )}
        {!access.signedIn && <Typography.Text type="secondary"><Link to="/login">{t('opendata.dataset.signIn')}</Link></Typography.Text>}
      </Space>
      <Typography.Title level={5}>{t('opendata.dataset.fields')}</Typography.Title>
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={d.fields}
        columns={[
          { title: t('opendata.dataset.field.name'), dataIndex: 'name', key: 'name', render: (v: string) => <span className="lt-mono">{v}</span> },
          { title: t('opendata.dataset.field.label'), key: 'label', render: (_: unknown, f: Dataset['fields'][number]) => i18nText(f.label, locale) },
          { title: t('opendata.dataset.field.type'), dataIndex: 'dataType', key: 'type' },
          { title: t('opendata.dataset.field.key'), dataIndex: 'key', key: 'key', render: (k: boolean) => (k ? '✓' : '') },
        ]}
      />
      {d.openType === 'unconditional' ? <PreviewAndDownload dataset={d} /> : <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t('opendata.dataset.previewConditional')}</Typography.Paragraph>}
      {applying && <ApplyModal dataset={d} onClose={() => setApplying(false)} />}
    </div>
  );
}

/** Rows of the first page, masked by the gateway, and CSV/JSON downloads of the whole dataset (无条件开放 only). */
function PreviewAndDownload({ dataset }: { dataset: Dataset }) {
  const { t, locale } = useI18n();
  const rows = useApiResource(`dataset-rows-${dataset.id}`, () =>
    unwrap(api.GET('/api/v1/public/data/{resourceId}/rows', { params: { path: { resourceId: dataset.id }, query: { page: 1, pageSize: 10, format: 'json' } } })),
  );
  const base = `/api/v1/public/data/${dataset.id}/rows?pageSize=10000`;
  return (
    <div data-testid="opendata-preview" style={{ marginTop: 16 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('opendata.dataset.previewTitle')}</Typography.Title>
        <a href={`${base}&format=csv&bom=true`} download data-testid="opendata-download-csv">{t('opendata.dataset.downloadCsv')}</a>
        <a href={`${base}&format=json`} target="_blank" rel="noreferrer" data-testid="opendata-download-json">{t('opendata.dataset.downloadJson')}</a>
      </Space>
      <Typography.Paragraph type="secondary">{t('opendata.dataset.previewHelp')}</Typography.Paragraph>
      {rows.error && <Alert type="error" showIcon message={rows.error} style={{ marginBottom: 8 }} />}
      <Table
        size="small"
        loading={rows.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(_, i) => String(i)}
        dataSource={(rows.data?.items ?? []) as Array<Record<string, unknown>>}
        columns={(rows.data?.fields ?? []).map((f) => ({
          title: i18nText(dataset.fields.find((x) => x.name === f)?.label, locale) || f,
          dataIndex: f,
          key: f,
          render: (v: unknown) => (v === null || v === undefined ? '' : String(v)),
        }))}
        data-testid="opendata-preview-table"
      />
    </div>
  );
}

function ApplyModal({ dataset, onClose }: { dataset: Dataset; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ purpose: string; agreement: string; acceptConditions: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/opendata/applications', { body: { resourceId: dataset.id, purpose: v.purpose, agreement: v.agreement, acceptConditions: !!v.acceptConditions } }));
      message.success(t('opendata.done.applied'));
      onClose();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal open title={t('opendata.action.apply')} busy={busy} error={error} onCancel={onClose} onSubmit={submit}>
      <Form form={form} layout="vertical" initialValues={{ agreement: t('opendata.form.agreementDefault'), acceptConditions: false }}>
        <Form.Item name="purpose" label={t('opendata.form.purpose')} rules={[{ required: true, whitespace: true, message: t('opendata.form.required') }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="apply-purpose" />
        </Form.Item>
        <Form.Item name="agreement" label={t('opendata.form.agreement')} rules={[{ required: true, min: 20, message: t('opendata.form.required') }]}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="acceptConditions" valuePropName="checked">
          <Checkbox data-testid="apply-accept">{t('opendata.form.acceptConditions')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
