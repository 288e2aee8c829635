import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { ApiOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { ApiError } from '../../api/api.errors';
import type { CatalogResource } from '../../api/api.types';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { refusal } from './resource.view';
import { toBase64 } from '../../format/file.transfer';

/** Files up to this size are sent (the server's own limit is `catalog.mountBodyLimitBytes`). */
const MAX_BYTES = 48 * 1024 * 1024;
const PREVIEW_ROWS = 20;

interface Problem {
  line: number | null;
  column: string | null;
  reason: string;
  value?: string;
}

const formatOf = (name: string): 'csv' | 'xlsx' | 'parquet' => (/\.xlsx$/i.test(name) ? 'xlsx' : /\.parquet$/i.test(name) ? 'parquet' : 'csv');

/** The "Data" panel of a resource (挂接): what is mounted, upload or API mount and a preview for the owner. */
export function ResourceMountPanel({ resource, own, onChanged }: { resource: CatalogResource; own: boolean; onChanged?(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const info = useApiResource(`mount-${resource.id}-${resource.version}`, () => unwrap(api.GET('/api/v1/catalog/resources/{resourceId}/mount', { params: { path: { resourceId: resource.id } } })));
  const preview = useApiResource(`mount-preview-${resource.id}-${info.data?.mount?.mountedAt ?? ''}`, async () =>
    own && info.data?.mount?.kind === 'table'
      ? unwrap(api.GET('/api/v1/catalog/resources/{resourceId}/mount/preview', { params: { path: { resourceId: resource.id }, query: { limit: PREVIEW_ROWS } } }))
      : null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [apiOpen, setApiOpen] = useState(false);
  const m = info.data?.mount ?? null;

  const upload = async (file: File) => {
    setError(null);
    setProblems(null);
    if (file.size > MAX_BYTES) {
      message.error(t('mount.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      const body = { format: formatOf(file.name), contentBase64: toBase64(await file.arrayBuffer()) };
      const r = await unwrap(api.POST('/api/v1/catalog/resources/{resourceId}/mount', { params: { path: { resourceId: resource.id } }, body }));
      message.success(t('mount.uploaded', { rows: r.mount.rowCount ?? 0 }));
      info.reload();
      onChanged?.();
    } catch (err) {
      const details = err instanceof ApiError ? (err.body?.details as { problems?: Problem[] } | undefined) : undefined;
      if (details?.problems) setProblems(details.problems);
      setError(refusal(err, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setError(null);
    setProblems(null);
    try {
      await unwrap(api.DELETE('/api/v1/catalog/resources/{resourceId}/mount', { params: { path: { resourceId: resource.id } } }));
      message.success(t('mount.removed'));
      info.reload();
      onChanged?.();
    } catch (err) {
      setError(refusal(err, t));
    }
  };

  const columns = (preview.data?.columns ?? []).map((c) => ({
    title: orgName(c.label, locale),
    dataIndex: c.name,
    key: c.name,
    render: (v: unknown) => (v === null || v === undefined ? '—' : String(v)),
  }));

  return (
    <Card
      title={t('mount.title')}
      data-testid="resource-mount"
      extra={
        own && (
          <Space wrap>
            <Upload accept=".csv,.xlsx,.parquet" showUploadList={false} maxCount={1} beforeUpload={(file) => {
                void upload(file);
                return false;
              }}>
              <Button icon={<UploadOutlined />} loading={busy} data-testid="mount-upload">
                {t('mount.upload')}
              </Button>
            </Upload>
            <Button icon={<ApiOutlined />} onClick={() => setApiOpen(true)} data-testid="mount-api">
              {t('mount.apiAction')}
            </Button>
            {m && resource.status === 'draft' && (
              <Popconfirm title={t('mount.removeConfirm')} okText={t('mount.remove')} cancelText={t('common.cancel')} onConfirm={remove}>
                <Button danger icon={<DeleteOutlined />} data-testid="mount-remove">
                  {t('mount.remove')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('mount.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} data-testid="mount-error" onClose={() => setError(null)} />}
      {problems && (
        <Table<Problem>
          size="small"
          data-testid="mount-problems"
          style={{ marginBottom: 16 }}
          title={() => t('mount.problems', { count: problems.length })}
          rowKey={(p) => `${p.line}-${p.column}-${p.reason}`}
          dataSource={problems}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('mount.problem.line'), dataIndex: 'line', key: 'line', render: (v: number | null) => v ?? '—' },
            { title: t('mount.problem.column'), dataIndex: 'column', key: 'column', render: (v: string | null) => v ?? '—' },
            { title: t('mount.problem.reason'), dataIndex: 'reason', key: 'reason', render: (v: string) => <span className="lt-mono">{v}</span> },
            { title: t('mount.problem.value'), dataIndex: 'value', key: 'value', render: (v?: string) => v ?? '—' },
          ]}
        />
      )}
      {info.error && <Alert type="error" showIcon message={info.error} />}
      {!info.loading && !m && !info.error && <Empty description={t('mount.none')} data-testid="mount-none" />}
      {m && (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="mount-info">
          <Descriptions.Item label={t('mount.kind')}>{m.kind === 'table' ? t('mount.kind.table') : t('mount.kind.api')}</Descriptions.Item>
          <Descriptions.Item label={t('mount.version')}>{m.version}</Descriptions.Item>
          {m.kind === 'table' ? (
            <>
              <Descriptions.Item label={t('mount.rows')}>
                <span data-testid="mount-rows">{m.rowCount}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('mount.format')}>{m.format ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('mount.sha256')} span={2}>
                <Typography.Text className="lt-mono" copyable>
                  {m.sha256}
                </Typography.Text>
              </Descriptions.Item>
            </>
          ) : (
            <>
              <Descriptions.Item label={t('mount.upstream')} span={2}>
                <span className="lt-mono">{m.upstreamUrl}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('mount.keyParam')}>{m.keyParam ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('mount.timeout')}>{m.timeoutMs}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('mount.mountedAt')}>{formatTime(m.mountedAt, locale)}</Descriptions.Item>
        </Descriptions>
      )}
      {preview.data && preview.data.rows.length > 0 && (
        <Table<Record<string, unknown>>
          size="small"
          style={{ marginTop: 16 }}
          data-testid="mount-preview"
          title={() => t('mount.preview', { count: preview.data!.rows.length })}
          rowKey={(_r, i) => String(i)}
          columns={columns}
          dataSource={preview.data.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      {apiOpen && (
        <ApiMountModal
          resourceId={resource.id}
          onClose={(saved) => {
            setApiOpen(false);
            if (saved) {
              info.reload();
              onChanged?.();
            }
          }}
        />
      )}
    </Card>
  );
}

function ApiMountModal({ resourceId, onClose }: { resourceId: string; onClose(saved: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ upstreamUrl: string; keyParam?: string; timeoutMs?: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('mount.apiTitle')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ timeoutMs: 5000 }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const body = { upstreamUrl: v.upstreamUrl.trim(), ...(v.keyParam?.trim() ? { keyParam: v.keyParam.trim() } : {}), ...(v.timeoutMs ? { timeoutMs: v.timeoutMs } : {}) };
            await unwrap(api.PUT('/api/v1/catalog/resources/{resourceId}/mount', { params: { path: { resourceId } }, body }));
            message.success(t('mount.apiSaved'));
            onClose(true);
          } catch (err) {
            setError(refusal(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="upstreamUrl" label={t('mount.upstream')} rules={[{ required: true, message: t('mount.upstream') }]}>
          <Input data-testid="mount-api-url" />
        </Form.Item>
        <Form.Item name="keyParam" label={t('mount.keyParam')}>
          <Input data-testid="mount-api-key" />
        </Form.Item>
        <Form.Item name="timeoutMs" label={t('mount.timeout')}>
          <InputNumber min={100} max={60000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
