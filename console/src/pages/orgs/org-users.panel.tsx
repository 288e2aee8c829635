import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { passwordPolicy } from '../../../../src/platform/password.policy';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { FormModal } from '../../layout/form.modal';
import { describeError } from '../../api/api.errors';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { canManageOrg } from '../../access';
import { formatTime } from '../../format/time.format';
import { label, MEMBER_ROLE_CODES } from '../../format/labels';
import type { MessageKey } from '../../locales/index';

interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  memberRole: string;
  status: string;
  createdAt: string;
}
type MemberRole = (typeof MEMBER_ROLE_CODES)[number];
interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  password: string;
  memberRole: MemberRole;
}

export function OrgUsersPanel({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const manage = canManageOrg(access, me ?? null, orgId);

  const users = useApiResource(`${orgId}/${page.page}/${page.pageSize}`, async () => {
    const r = await unwrap(api.GET('/api/v1/orgs/{orgId}/users', { params: { path: { orgId }, query: page } }));
    return { items: r.items as User[], total: r.total };
  });
  const { data, error, loading } = users;
  const load = users.reload;

  return (
    <div>
      {manage && (
        <div className="lt-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="user-add">
            {t('orgs.users.add')}
          </Button>
        </div>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<User>
        rowKey="id"
        data-testid="org-users"
        onRow={(u) => ({ 'data-testid': `user-${u.username}`, 'data-member-role': u.memberRole }) as React.HTMLAttributes<HTMLElement>}
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: data?.total ?? 0, showTotal: (total) => t('common.total', { total }) }}
        onChange={(p) => setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        columns={[
          { title: t('orgs.users.username'), dataIndex: 'username', key: 'username' },
          { title: t('orgs.users.displayName'), dataIndex: 'displayName', key: 'displayName' },
          { title: t('orgs.users.memberRole'), dataIndex: 'memberRole', key: 'memberRole', render: (v: string) => <Tag>{label(t, 'member', v)}</Tag> },
          { title: t('orgs.users.email'), dataIndex: 'email', key: 'email', render: (v: string | null) => v ?? '—' },
          { title: t('orgs.users.phone'), dataIndex: 'phone', key: 'phone', render: (v: string | null) => v ?? '—' },
          { title: t('orgs.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v, locale) },
        ]}
      />
      <FormModal open={open} title={t('orgs.users.add')} busy={busy} error={formError} onCancel={() => setOpen(false)} onSubmit={() => form.submit()}>
        <Form<NewUser>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ memberRole: 'staff' }}
          onFinish={async (v) => {
            setBusy(true);
            setFormError(null);
            try {
              const body = {
                username: v.username.trim(),
                displayName: v.displayName.trim(),
                password: v.password,
                memberRole: v.memberRole,
                ...(v.email?.trim() ? { email: v.email.trim() } : {}),
                ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
              };
              const u = await unwrap(api.POST('/api/v1/orgs/{orgId}/users', { params: { path: { orgId } }, body }));
              message.success(t('orgs.users.created', { username: u.username }));
              setOpen(false);
              void load();
            } catch (err) {
              setFormError(describeError(err, t).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item
            name="username"
            label={t('orgs.users.username')}
            rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,39}$/, message: t('orgs.users.usernameRule') }]}
          >
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('orgs.users.displayName')} rules={[{ required: true, whitespace: true, max: 100, message: t('orgs.users.displayNameRequired') }]}>
            <Input data-testid="user-display-name" />
          </Form.Item>
          <Form.Item name="email" label={t('orgs.users.email')} rules={[{ type: 'email', max: 200, message: t('orgs.users.emailInvalid') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('orgs.users.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('orgs.users.phoneInvalid') }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('orgs.users.password')}
            rules={[
              {
                validator: async (_r, value: string | undefined) => {
                  // The server's password policy (src/platform/password.policy.ts), checked before sending.
                  const p = passwordPolicy(value ?? '');
                  if (!p.ok) throw new Error(t(`orgs.users.password.${p.reason}` as MessageKey));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
          <Form.Item name="memberRole" label={t('orgs.users.memberRole')}>
            <Select<MemberRole> options={MEMBER_ROLE_CODES.map((r) => ({ value: r, label: label(t, 'member', r) }))} data-testid="user-member-role" />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
