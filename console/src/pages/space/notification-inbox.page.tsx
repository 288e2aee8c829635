import { useState } from 'react';
import { Alert, App, Badge, Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { announceInboxChanged, kindLabel, linkOf, notificationText, type Notification } from './notification.view';
import { text } from './space.view';
import { WebhooksPanel } from './webhooks.panel';

/**
 * The organisation's inbox (通知): every request, approval, rejection, revocation, expiry and
 * deletion attestation of its authorizations, in words, each leading to the authorization; unread
 * ones first marked. The org_admin also manages the organisation's webhooks here.
 */
export default function NotificationInboxPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const { message } = App.useApp();
  const orgNameOf = useOrgNames(locale);
  const [query, setQuery] = useState({ unread: false, page: 1, pageSize: 20 });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inbox = useApiResource(`notifications-${JSON.stringify(query)}`, () =>
    unwrap(api.GET('/api/v1/notifications', { params: { query: { ...(query.unread ? { unread: true } : {}), page: query.page, pageSize: query.pageSize } } })),
  );
  const dataItems = useApiResource('notification-data-items', async () => (await unwrap(api.GET('/api/v1/authorization/data-items', { params: { query: {} } }))).items);
  const itemName = (code: string) => {
    const d = dataItems.data?.find((x) => x.code === code);
    return d ? text(d.name, locale) : code;
  };
  const separator = locale === 'zh-CN' ? '、' : ', ';

  const mark = async (id: string | null) => {
    setBusy(id ?? 'all');
    setError(null);
    try {
      const r = await unwrap(id ? api.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId: id } } }) : api.POST('/api/v1/notifications/read'));
      if (!id) message.success(t('notifications.markedAll', { count: r.marked }));
      announceInboxChanged();
      inbox.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  const entry = (n: Notification) => {
    const link = linkOf(n);
    const words = notificationText(t, n, orgNameOf, itemName, separator);
    return (
      <List.Item
        key={n.id}
        data-testid={`notification-${n.id}`}
        data-kind={n.kind}
        data-read={n.readAt ? 'true' : 'false'}
        actions={
          n.readAt
            ? []
            : [
                <Button key="read" size="small" type="link" icon={<CheckOutlined />} loading={busy === n.id} onClick={() => mark(n.id)} data-testid={`notification-read-${n.id}`}>
                  {t('notifications.markRead')}
                </Button>,
              ]
        }
      >
        <List.Item.Meta
          avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
          title={
            link ? (
              <Link to={link} data-testid={`notification-link-${n.id}`} style={{ fontWeight: n.readAt ? 400 : 600 }}>
                {words}
              </Link>
            ) : (
              <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{words}</span>
            )
          }
          description={
            <Space wrap size={[8, 4]}>
              <Tag>{kindLabel(t, n.kind)}</Tag>
              <span>{formatTime(n.createdAt, locale)}</span>
              {!n.readAt && <Tag color="red">{t('notifications.unreadTag')}</Tag>}
            </Space>
          }
        />
      </List.Item>
    );
  };

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="notifications-title">
          {t('notifications.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('notifications.intro')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card
          title={t('notifications.inbox', { unread: inbox.data?.unread ?? 0 })}
          data-testid="notifications-inbox"
          data-unread={inbox.data ? inbox.data.unread : undefined}
          extra={
            <Button size="small" disabled={!inbox.data?.unread} loading={busy === 'all'} onClick={() => mark(null)} data-testid="notifications-read-all">
              {t('notifications.markAll')}
            </Button>
          }
        >
          <div className="lt-toolbar">
            <Space>
              <Switch checked={query.unread} onChange={(unread) => setQuery((q) => ({ ...q, unread, page: 1 }))} data-testid="notifications-unread-only" />
              <span>{t('notifications.unreadOnly')}</span>
            </Space>
          </div>
          {inbox.error && <Alert type="error" showIcon message={inbox.error} style={{ marginBottom: 12 }} />}
          {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} />}
          <List<Notification>
            loading={inbox.loading}
            dataSource={inbox.data?.items ?? []}
            renderItem={entry}
            locale={{ emptyText: t(query.unread ? 'notifications.emptyUnread' : 'notifications.empty') }}
            data-testid="notifications-list"
            pagination={
              (inbox.data?.total ?? 0) > query.pageSize
                ? { current: query.page, pageSize: query.pageSize, total: inbox.data?.total ?? 0, onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })), size: 'small' }
                : false
            }
          />
        </Card>
        {access['notifications.webhooks'] && <WebhooksPanel />}
      </Space>
    </div>
  );
}
