import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { describeError, errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { useOrgNames } from './resource.view';
import { lmsg, SYSTEM_STATUSES, type System } from './lists.view';

type Status = (typeof SYSTEM_STATUSES)[number];

export default function SystemListPage() {
  const { t, locale } = useI18n();
  const { access, me: user } = useSession();
  const { message } = App.useApp();
  const [query, setQuery] = useState({ q: '', status: undefined as Status | undefined, page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<System | 'new' | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const orgLabel = useOrgNames(locale);
  const list = useApiResource(JSON.stringify(query), async () => {
    const r = await unwrap(api.GET('/api/v1/catalog/systems', { params: { query: { ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), page: query.page, pageSize: query.pageSize } } }));
    return { items: r.items as System[], total: r.total };
  });
  const mayWrite = (s: System) => access['lists.writeSystems'] && (s.orgId === user?.orgId || !!user?.orgRoles.includes('data_bureau'));

  const columns: TableProps<System>['columns'] = [
    { title: t('lists.systems.col.name'), dataIndex: 'name', key: 'name', render: (n: System['name']) => orgName(n, locale) },
    { title: t('lists.col.org'), dataIndex: 'orgId', key: 'org', render: (id: string) => orgLabel(id) },
    { title: t('lists.systems.col.department'), dataIndex: 'department', key: 'department', render: (v: string | null) => v ?? t('lists.none') },
    { title: t('lists.systems.col.launchYear'), dataIndex: 'launchYear', key: 'launchYear', render: (v: number | null) => v ?? t('lists.none') },
    { title: t('lists.systems.col.hosting'), dataIndex: 'hosting', key: 'hosting', render: (v: string | null) => v ?? t('lists.none') },
    {
      title: t('lists.systems.col.resources'),
      dataIndex: 'resourceCount',
      key: 'resources',
      render: (v: number, s: System) => (
        <Button type="link" size="small" disabled={!v} onClick={() => setExpanded(expanded === s.id ? null : s.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('lists.col.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={v === 'in_service' ? 'green' : 'default'}>{lmsg(t, `lists.systems.status.${v}`)}</Tag> },
    { title: t('lists.col.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => formatTime(v, locale) },
    {
      key: 'actions',
      render: (_: unknown, s: System) =>
        mayWrite(s) &&
        s.status === 'in_service' && (
          <Space>
            <Button size="small" onClick={() => setEditing(s)}>
              {t('lists.systems.edit')}
            </Button>
            <Popconfirm
              title={t('lists.systems.retireConfirm')}
              okText={t('lists.systems.retire')}
              cancelText={t('common.cancel')}
              onConfirm={async () => {
                try {
                  await unwrap(api.POST('/api/v1/catalog/systems/{systemId}/retire', { params: { path: { systemId: s.id } } }));
                  message.success(t('lists.systems.retired'));
                  list.reload();
                } catch (err) {
                  message.error(errorMessage(err, t));
                }
              }}
            >
              <Button size="small" danger>
                {t('lists.systems.retire')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('lists.systems.title')}</Typography.Title>
        {access['lists.writeSystems'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="system-create">
            {t('lists.systems.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('lists.systems.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Input.Search allowClear maxLength={100} placeholder={t('lists.search')} style={{ maxWidth: 320 }} onSearch={(q) => setQuery((p) => ({ ...p, q: q.trim(), page: 1 }))} />
        <Select<Status>
          allowClear
          placeholder={t('lists.filterStatus')}
          style={{ minWidth: 140 }}
          value={query.status}
          onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
          options={SYSTEM_STATUSES.map((s) => ({ value: s, label: lmsg(t, `lists.systems.status.${s}`) }))}
        />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<System>
        rowKey="id"
        data-testid="system-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowKeys: expanded ? [expanded] : [], showExpandColumn: false, expandedRowRender: (s) => <SystemResources systemId={s.id} /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        onChange={(pagination) => setQuery((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }))}
      />
      {editing && (
        <SystemForm
          system={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) list.reload();
          }}
        />
      )}
    </div>
  );
}

function SystemResources({ systemId }: { systemId: string }) {
  const { t, locale } = useI18n();
  const r = useApiResource(`system-resources-${systemId}`, async () => (await unwrap(api.GET('/api/v1/catalog/resources', { params: { query: { systemId, page: 1, pageSize: 50 } } }))).items);
  if (r.error) return <Alert type="error" showIcon message={r.error} />;
  return (
    <div>
      <Typography.Text strong>{t('lists.systems.resources')}</Typography.Text>
      <ul>
        {(r.data ?? []).map((x) => (
          <li key={x.id}>
            <Link to={`/console/catalog/resources/${x.id}`}>{orgName(x.title, locale)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FormValues {
  orgId?: string;
  nameZh: string;
  nameEn: string;
  department?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  launchYear?: number;
  hosting?: string;
}

function SystemForm({ system, onClose }: { system: System | null; onClose(saved: boolean): void }) {
  const { t, locale } = useI18n();
  const { me: user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bureau = !!user?.orgRoles.includes('data_bureau');
  const bodies = useApiResource(bureau ? 'system-bodies' : 'no-bodies', async () =>
    bureau ? (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items : [],
  );
  const text = (v?: string) => v?.trim() || undefined;
  return (
    <FormModal open title={system ? t('lists.systems.edit') : t('lists.systems.create')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={
          system
            ? { nameZh: system.name.zh, nameEn: system.name.en, department: system.department ?? undefined, descriptionZh: system.description?.zh, descriptionEn: system.description?.en, launchYear: system.launchYear ?? undefined, hosting: system.hosting ?? undefined }
            : {}
        }
        onFinish={async (v) => {
          if (!!text(v.descriptionZh) !== !!text(v.descriptionEn)) {
            setError(t('lists.bothLanguages'));
            return;
          }
          setBusy(true);
          setError(null);
          const description = text(v.descriptionZh) ? { zh: text(v.descriptionZh)!, en: text(v.descriptionEn)! } : undefined;
          try {
            if (system) {
              await unwrap(
                api.PATCH('/api/v1/catalog/systems/{systemId}', {
                  params: { path: { systemId: system.id } },
                  body: { name: { zh: v.nameZh.trim(), en: v.nameEn.trim() }, department: text(v.department) ?? null, description: description ?? null, launchYear: v.launchYear ?? null, hosting: text(v.hosting) ?? null },
                }),
              );
              message.success(t('lists.saved'));
            } else {
              await unwrap(
                api.POST('/api/v1/catalog/systems', {
                  body: {
                    ...(v.orgId ? { orgId: v.orgId } : {}),
                    name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
                    ...(text(v.department) ? { department: text(v.department)! } : {}),
                    ...(description ? { description } : {}),
                    ...(v.launchYear ? { launchYear: v.launchYear } : {}),
                    ...(text(v.hosting) ? { hosting: text(v.hosting)! } : {}),
                  },
                }),
              );
              message.success(t('lists.systems.created'));
            }
            onClose(true);
          } catch (err) {
            setError(describeError(err, t).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {!system && bureau && (
          <Form.Item name="orgId" label={t('lists.systems.form.org')}>
            <Select allowClear showSearch optionFilterProp="label" options={(bodies.data ?? []).map((o) => ({ value: o.id, label: orgName(o.name, locale) }))} />
          </Form.Item>
        )}
        <Form.Item name="nameZh" label={t('lists.nameZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('lists.required') }]}>
          <Input data-testid="system-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('lists.nameEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('lists.required') }]}>
          <Input data-testid="system-name-en" />
        </Form.Item>
        <Form.Item name="department" label={t('lists.systems.col.department')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="launchYear" label={t('lists.systems.col.launchYear')} rules={[{ type: 'number', min: 1949, max: 2200, message: t('lists.systems.form.yearRule') }]}>
          <InputNumber style={{ width: '100%' }} precision={0} />
        </Form.Item>
        <Form.Item name="hosting" label={t('lists.systems.col.hosting')} extra={t('lists.systems.form.hostingHint')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="descriptionZh" label={t('lists.descriptionZh')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="descriptionEn" label={t('lists.descriptionEn')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
