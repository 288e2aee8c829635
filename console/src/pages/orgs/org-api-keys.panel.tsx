import { useState } from 'react';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { FormModal } from '../../layout/form.modal';
import { describeError, errorMessage } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { label, MEMBER_ROLE_CODES } from '../../format/labels';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  memberRole: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}
type MemberRole = (typeof MEMBER_ROLE_CODES)[number];

/** How a key starts (the rest is secret and never stored). */
const keyPreview = (prefix: string) => `ltk_${prefix}_…`;

export function OrgApiKeysPanel({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; memberRole: MemberRole }>();
  const manage = access['orgs.manageApiKeys'];

  const keys = useApiResource(orgId, async () => (await unwrap(api.GET('/api/v1/orgs/{orgId}/api-keys', { params: { path: { orgId } } }))).items as ApiKey[]);
  const load = keys.reload;

  return (
    <div>
      {manage && (
        <div className="lt-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="api-key-create">
            {t('orgs.keys.create')}
          </Button>
        </div>
      )}
      {shown && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setShown(null)}
          style={{ marginBottom: 16 }}
          message={t('orgs.keys.shownOnce')}
          description={
            <Typography.Text className="lt-mono" copyable data-testid="api-key-secret">
              {shown}
            </Typography.Text>
          }
        />
      )}
      {keys.error && <Alert type="error" showIcon message={keys.error} style={{ marginBottom: 16 }} />}
      <Table<ApiKey>
        rowKey="id"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          { title: t('orgs.keys.name'), dataIndex: 'name', key: 'name' },
          { title: t('orgs.keys.prefix'), dataIndex: 'prefix', key: 'prefix', render: (v: string) => <span className="lt-mono">{keyPreview(v)}</span> },
          { title: t('orgs.keys.memberRole'), dataIndex: 'memberRole', key: 'memberRole', render: (v: string) => <Tag>{label(t, 'member', v)}</Tag> },
          { title: t('orgs.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v, locale) },
          { title: t('orgs.keys.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: (v: string | null) => (v ? formatTime(v, locale) : t('orgs.keys.never')) },
          { title: t('orgs.keys.revokedAt'), dataIndex: 'revokedAt', key: 'revokedAt', render: (v: string | null) => formatTime(v, locale) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, k: ApiKey) =>
                    k.revokedAt ? null : (
                      <Popconfirm
                        title={t('orgs.keys.revokeConfirm')}
                        okText={t('orgs.keys.revoke')}
                        cancelText={t('common.cancel')}
                        onConfirm={async () => {
                          try {
                            await api.DELETE('/api/v1/orgs/{orgId}/api-keys/{keyId}', { params: { path: { orgId, keyId: k.id } } });
                            message.success(t('orgs.keys.revoked'));
                            void load();
                          } catch (err) {
                            message.error(errorMessage(err, t));
                          }
                        }}
                      >
                        <Button danger size="small">
                          {t('orgs.keys.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormModal open={open} title={t('orgs.keys.create')} busy={busy} error={formError} onCancel={() => setOpen(false)} onSubmit={() => form.submit()}>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ memberRole: 'staff' }}
          onFinish={async (v) => {
            setBusy(true);
            setFormError(null);
            try {
              const r = await unwrap(api.POST('/api/v1/orgs/{orgId}/api-keys', { params: { path: { orgId } }, body: { name: v.name.trim(), memberRole: v.memberRole } }));
              setShown((r as { key: string }).key);
              setOpen(false);
              void load();
            } catch (err) {
              setFormError(describeError(err, t).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="name" label={t('orgs.keys.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('orgs.keys.nameRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="memberRole" label={t('orgs.keys.memberRole')}>
            <Select<MemberRole> options={MEMBER_ROLE_CODES.map((r) => ({ value: r, label: label(t, 'member', r) }))} />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
