import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { NOTIFICATION_KINDS, type NotificationKind } from './space.rules';
import { kindLabel, type Delivery, type Webhook } from './notification.view';
import { msg } from './space.view';

/** The did:web document of an organisation (its seal and signing keys). */
const didPath = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}/did.json`;
const DELIVERY_COLOURS: Record<string, string> = { delivered: 'green', pending: 'gold', failed: 'red' };

/**
 * The organisation's webhooks (org_admin): where notifications are POSTed, for which kinds, each
 * with its deliveries (attempts, last answer, next attempt), and how a receiver checks the
 * Liutong-Signature header with the platform operator's key.
 */
export function WebhooksPanel() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const hooks = useApiResource('webhooks', () => unwrap(api.GET('/api/v1/webhooks')));
  // The platform operator signs deliveries; its DID document carries the key.
  const operator = useApiResource('platform-operator', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { role: 'platform_admin', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } } }))).items[0] ?? null);
  const [creating, setCreating] = useState(false);
  const [deliveriesOf, setDeliveriesOf] = useState<Webhook | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (w: Webhook) => {
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/webhooks/{webhookId}', { params: { path: { webhookId: w.id } } }));
      message.success(t('notifications.webhook.deleted'));
      hooks.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  const columns: TableProps<Webhook>['columns'] = [
    { title: t('notifications.webhook.url'), dataIndex: 'url', key: 'url', render: (u: string) => <span className="lt-mono">{u}</span> },
    {
      title: t('notifications.webhook.kinds'),
      dataIndex: 'kinds',
      key: 'kinds',
      render: (kinds: string[]) => (kinds.length ? <Space wrap size={[4, 4]}>{kinds.map((k) => <Tag key={k}>{kindLabel(t, k)}</Tag>)}</Space> : t('notifications.webhook.allKinds')),
    },
    { title: t('notifications.webhook.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, w: Webhook) => (
        <Space size={4}>
          <Button size="small" onClick={() => setDeliveriesOf(w)} data-testid={`webhook-deliveries-${w.id}`}>
            {t('notifications.webhook.deliveries')}
          </Button>
          <Popconfirm title={t('notifications.webhook.deleteConfirm')} okText={t('notifications.webhook.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(w)}>
            <Button size="small" danger data-testid={`webhook-delete-${w.id}`}>
              {t('notifications.webhook.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('notifications.webhooks.title')}
      data-testid="webhooks"
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-create">
          {t('notifications.webhook.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('notifications.webhooks.intro')}</Typography.Paragraph>
      {hooks.error && <Alert type="error" showIcon message={hooks.error} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} />}
      <Table<Webhook>
        rowKey="id"
        size="small"
        data-testid="webhook-table"
        loading={hooks.loading}
        columns={columns}
        dataSource={hooks.data?.items.filter((w) => w.status === 'active') ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('notifications.webhooks.empty') }}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 16 }}
        data-testid="webhook-signature-note"
        message={t('notifications.signature.title')}
        description={
          <div>
            <Typography.Paragraph style={{ marginBottom: 8 }}>{t('notifications.signature.header')}</Typography.Paragraph>
            <pre className="lt-mono" style={{ margin: '0 0 8px' }}>
              {t('notifications.signature.format')}
            </pre>
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('notifications.signature.step1')}</li>
              <li>{t('notifications.signature.step2')}</li>
              <li>{t('notifications.signature.step3')}</li>
              <li>{t('notifications.signature.step4')}</li>
            </ol>
            {operator.data && (
              <Typography.Paragraph style={{ margin: '8px 0 0' }}>
                {t('notifications.signature.did')}{' '}
                <a href={didPath(operator.data.id)} target="_blank" rel="noreferrer" className="lt-mono" data-testid="webhook-operator-did">
                  {didPath(operator.data.id)}
                </a>
              </Typography.Paragraph>
            )}
          </div>
        }
      />
      {creating && (
        <WebhookModal
          onClose={(created) => {
            setCreating(false);
            if (created) hooks.reload();
          }}
        />
      )}
      {deliveriesOf && <DeliveriesModal webhook={deliveriesOf} onClose={() => setDeliveriesOf(null)} />}
    </Card>
  );
}

function WebhookModal({ onClose }: { onClose(created: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ url: string; kinds?: NotificationKind[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('notifications.webhook.create')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<{ url: string; kinds?: NotificationKind[] }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/webhooks', { body: { url: v.url.trim(), ...(v.kinds?.length ? { kinds: v.kinds } : {}) } }));
            message.success(t('notifications.webhook.created'));
            onClose(true);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="url"
          label={t('notifications.webhook.url')}
          extra={t('notifications.webhook.urlHint')}
          rules={[
            { required: true, whitespace: true, message: t('notifications.webhook.urlRequired') },
            { max: 2000 },
            { pattern: /^https?:\/\/\S+$/, message: t('notifications.webhook.urlRule') },
          ]}
        >
          <Input maxLength={2000} className="lt-mono" placeholder={t('notifications.webhook.urlPlaceholder')} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="kinds" label={t('notifications.webhook.kinds')} extra={t('notifications.webhook.kindsHint')}>
          <Select<NotificationKind[]> mode="multiple" allowClear options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: msg(t, `notifications.kind.${k}`) }))} data-testid="webhook-kinds" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function DeliveriesModal({ webhook, onClose }: { webhook: Webhook; onClose(): void }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApiResource(`webhook-deliveries-${webhook.id}-${page.page}-${page.pageSize}`, () =>
    unwrap(api.GET('/api/v1/webhooks/{webhookId}/deliveries', { params: { path: { webhookId: webhook.id }, query: page } })),
  );
  const columns: TableProps<Delivery>['columns'] = [
    { title: t('notifications.delivery.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v, locale) },
    { title: t('notifications.delivery.status'), dataIndex: 'status', key: 'status', render: (s: string) => <Tag color={DELIVERY_COLOURS[s] ?? 'default'}>{msg(t, `notifications.delivery.status.${s}`)}</Tag> },
    { title: t('notifications.delivery.attempts'), dataIndex: 'attempts', key: 'attempts' },
    {
      title: t('notifications.delivery.last'),
      key: 'last',
      render: (_: unknown, d: Delivery) => (d.lastStatus !== null || d.lastError ? <span className="lt-mono">{[d.lastStatus, d.lastError].filter((x) => x !== null && x !== '').join(' · ')}</span> : '—'),
    },
    {
      title: t('notifications.delivery.next'),
      key: 'next',
      render: (_: unknown, d: Delivery) => (d.status === 'pending' ? formatTime(d.nextAttemptAt, locale) : '—'),
    },
    { title: t('notifications.delivery.deliveredAt'), dataIndex: 'deliveredAt', key: 'deliveredAt', render: (v: string | null) => formatTime(v, locale) },
    { title: t('notifications.delivery.notification'), dataIndex: 'notificationId', key: 'notification', render: (id: string) => <span className="lt-mono">{id}</span> },
  ];
  return (
    <Modal open title={t('notifications.delivery.title')} footer={null} onCancel={onClose} width={960} destroyOnHidden>
      <Typography.Paragraph type="secondary" className="lt-mono">
        {webhook.url}
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        data-testid="webhook-delivery-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('notifications.delivery.empty') }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
    </Modal>
  );
}
