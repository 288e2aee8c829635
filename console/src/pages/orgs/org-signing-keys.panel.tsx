import { Alert, App, Button, Popconfirm, Table, Tag } from 'antd';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { canManageOrg } from '../../access';
import { formatTime } from '../../format/time.format';

interface KeyInfo {
  keyId: string;
  algorithm: string;
  status: string;
  validFrom: string;
  validUntil: string | null;
}

/** The organisation's seal keys, current and retired; rotation keeps old seals verifiable. */
export function OrgSigningKeysPanel({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const { message } = App.useApp();
  const manage = canManageOrg(access, me ?? null, orgId) && access['orgs.rotateKeys'];

  const keys = useApiResource(orgId, async () => (await unwrap(api.GET('/api/v1/orgs/{orgId}/keys', { params: { path: { orgId } } }))).items as KeyInfo[]);
  const load = keys.reload;

  return (
    <div>
      {manage && (
        <div className="lt-toolbar">
          <Popconfirm
            title={t('orgs.signing.rotateConfirm')}
            okText={t('orgs.signing.rotate')}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await unwrap(api.POST('/api/v1/orgs/{orgId}/keys/rotate', { params: { path: { orgId } } }));
                message.success(t('orgs.signing.rotated'));
                void load();
              } catch (err) {
                message.error(errorMessage(err, t));
              }
            }}
          >
            <Button data-testid="key-rotate">{t('orgs.signing.rotate')}</Button>
          </Popconfirm>
        </div>
      )}
      {keys.error && <Alert type="error" showIcon message={keys.error} style={{ marginBottom: 16 }} />}
      <Table<KeyInfo>
        rowKey="keyId"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          { title: t('orgs.signing.keyId'), dataIndex: 'keyId', key: 'keyId', render: (v: string) => <span className="lt-mono">{v}</span> },
          { title: t('orgs.signing.algorithm'), dataIndex: 'algorithm', key: 'algorithm' },
          { title: t('orgs.signing.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{v === 'active' ? t('orgs.signing.status.active') : t('orgs.signing.status.retired')}</Tag> },
          { title: t('orgs.signing.validFrom'), dataIndex: 'validFrom', key: 'validFrom', render: (v: string) => formatTime(v, locale) },
          { title: t('orgs.signing.validUntil'), dataIndex: 'validUntil', key: 'validUntil', render: (v: string | null) => formatTime(v, locale) },
        ]}
      />
    </div>
  );
}
