import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { label, orgName } from '../../format/labels';

export default function AccountPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  if (!me) return null;
  const u = me.user;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('account.title')}</Typography.Title>
      </div>
      {me.kind === 'api_key' && <Alert type="info" showIcon message={t('account.apiKey', { name: me.apiKey?.name ?? '' })} />}
      <Card title={t('account.profile')}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="account-profile">
          <Descriptions.Item label={t('account.username')}>{u?.username ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('account.displayName')}>{u?.displayName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('account.email')}>{u?.email ?? t('account.none')}</Descriptions.Item>
          <Descriptions.Item label={t('account.phone')}>{u?.phone ?? t('account.none')}</Descriptions.Item>
          <Descriptions.Item label={t('account.memberRole')}>{label(t, 'member', me.memberRole)}</Descriptions.Item>
          <Descriptions.Item label={t('account.personRoles')}>
            {me.personRoles.length ? me.personRoles.map((r) => <Tag key={r}>{label(t, 'role', r)}</Tag>) : t('account.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('account.organisation')}>{orgName(me.organisation?.name, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('account.orgRoles')}>
            <Space size={[4, 4]} wrap>
              {me.orgRoles.map((r) => (
                <Tag key={r}>{label(t, 'role', r)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('account.session')}>
        <Typography.Paragraph>{t('account.sessionText')}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('common.timeZoneNote')}</Typography.Text>
      </Card>
    </Space>
  );
}
