import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import type { Organisation } from '../../api/api.types';
import { errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { canSeeOrgPrivate } from '../../access';
import { formatTime } from '../../format/time.format';
import { label, orgName } from '../../format/labels';
import { OrgUsersPanel } from './org-users.panel';
import { OrgApiKeysPanel } from './org-api-keys.panel';
import { OrgSigningKeysPanel } from './org-signing-keys.panel';
import { canReadRelationships, OrgRelationshipsPanel } from '../registry/relationship.panel';

type OrgView = Organisation;

export default function OrgDetailPage() {
  const { orgId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const [org, setOrg] = useState<OrgView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setOrg(await unwrap(api.GET('/api/v1/orgs/{orgId}', { params: { path: { orgId } } })));
    } catch (err) {
      setOrg(null);
      setError(errorMessage(err, t));
    }
  }, [orgId, t]);
  useEffect(() => {
    void load();
  }, [load]);

  if (org === undefined) return <Skeleton active />;
  if (org === null) return <Alert type="error" showIcon message={error} />;
  const own = canSeeOrgPrivate(me ?? null, org.id);
  const isMember = me?.orgId === org.id;
  const tabs = [
    {
      key: 'profile',
      label: t('orgs.detail.profile'),
      children: (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="org-profile">
          <Descriptions.Item label={t('orgs.col.name')}>{orgName(org.name, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.uscc')}>
            <span className="lt-mono">{org.uscc ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.type')}>{label(t, 'orgType', org.type)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.status')}>
            <Tag color={org.status === 'active' ? 'green' : 'orange'}>{org.status === 'active' ? t('orgs.status.active') : t('orgs.status.suspended')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.roles')} span={2}>
            <Space size={[4, 4]} wrap>
              {org.roles.map((r) => (
                <Tag key={r}>{label(t, 'role', r)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('orgs.detail.id')}>
            <Typography.Text className="lt-mono" copyable>
              {org.id}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.createdAt')}>{formatTime(org.createdAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.detail.did')} span={2}>
            <Typography.Text className="lt-mono" copyable>
              {org.did}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ),
    },
    {
      key: 'users',
      label: t('orgs.detail.users'),
      children: own ? <OrgUsersPanel orgId={org.id} /> : <Empty description={t('orgs.detail.privateOnly')} />,
    },
    {
      key: 'api-keys',
      label: t('orgs.detail.apiKeys'),
      children: isMember && access['orgs.viewApiKeys'] ? <OrgApiKeysPanel orgId={org.id} /> : <Empty description={t('orgs.detail.privateOnly')} />,
    },
    { key: 'keys', label: t('orgs.detail.keys'), children: <OrgSigningKeysPanel orgId={org.id} /> },
    { key: 'did', label: t('orgs.detail.didDocument'), children: <DidDocument orgId={org.id} /> },
    ...(canReadRelationships(me, org.id) ? [{ key: 'relationships', label: <span data-testid="org-tab-relationships">{t('registry.relationship.tab')}</span>, children: <OrgRelationshipsPanel orgId={org.id} /> }] : []),
  ];
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="org-title">
          {orgName(org.name, locale)}
        </Typography.Title>
      </div>
      <Card>
        <Tabs items={tabs} />
      </Card>
    </div>
  );
}

function DidDocument({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const [doc, setDoc] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/orgs/${encodeURIComponent(orgId)}/did.json`)
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const text = JSON.stringify(await r.json(), null, 2);
        if (live) setDoc(text);
      })
      .catch((err) => {
        if (live) {
          setDoc(null);
          setError(errorMessage(err, t));
        }
      });
    return () => {
      live = false;
    };
  }, [orgId, t]);
  if (doc === undefined) return <Skeleton active />;
  if (doc === null) return <Alert type="error" showIcon message={error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button href={`/orgs/${encodeURIComponent(orgId)}/did.json`} target="_blank">
        {t('common.view')}
      </Button>
      <pre className="lt-mono" data-testid="did-document">
        {doc}
      </pre>
    </Space>
  );
}
