/**
 * The compliance committee's reviewer pool (数据资产登记合规委员会评审专家库), kept by the data bureau
 * (the regulator reads it): experts — users of any organisation — with their expertise; the bureau
 * adds one by picking the organisation and its user, and retires one (panels already drawn keep
 * them). Recusals rest on the relationships between organisations, recorded here too.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, ApartmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { ApiError, errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { useOrgNames } from '../catalog/resource.view';
import { EXPERTISE, isRegistrar, type Expertise } from './registry.rules';
import { ExpertiseTags, expertiseLabel, type Reviewer } from './registry.view';
import { canRecordRelationships, RelationshipModal } from './relationship.panel';

type StatusFilter = 'active' | 'retired' | 'all';

export default function ReviewerPoolPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const orgNameOf = useOrgNames(locale);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [dialog, setDialog] = useState<'add' | 'relationship' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pool = useApiResource(`registry-pool-${status}`, async () => (await unwrap(api.GET('/api/v1/registry/reviewers', { params: { query: status === 'all' ? {} : { status } } }))).items);
  const manage = isRegistrar(me ?? null);

  const retire = async (r: Reviewer) => {
    setBusy(r.id);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/registry/reviewers/{reviewerId}/retire', { params: { path: { reviewerId: r.id } } }));
      message.success(t('registry.pool.retired'));
      pool.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<Reviewer>['columns'] = [
    { title: t('registry.pool.col.name'), dataIndex: 'name', key: 'name', render: (n: string, r: Reviewer) => <span data-testid={`pool-name-${r.id}`}>{n}</span> },
    { title: t('registry.pool.col.org'), dataIndex: 'orgId', key: 'org', render: (id: string) => <Link to={`/console/orgs/${id}`}>{orgNameOf(id)}</Link> },
    { title: t('registry.pool.col.expertise'), dataIndex: 'expertise', key: 'expertise', render: (e: string[]) => <ExpertiseTags t={t} expertise={e} /> },
    {
      title: t('registry.pool.col.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: string, r: Reviewer) => (
        <Tag color={s === 'active' ? 'green' : 'default'} data-status={s} data-testid={`pool-status-${r.id}`}>
          {s === 'active' ? t('registry.pool.active') : t('registry.pool.retiredTag')}
        </Tag>
      ),
    },
    { title: t('registry.pool.col.addedAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: Reviewer) =>
              r.status === 'active' ? (
                <Popconfirm title={t('registry.pool.retireConfirm')} description={t('registry.pool.retireText')} okText={t('registry.pool.retire')} cancelText={t('common.cancel')} onConfirm={() => retire(r)}>
                  <Button size="small" danger loading={busy === r.id} data-testid={`pool-retire-${r.id}`}>
                    {t('registry.pool.retire')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3} data-testid="pool-title">
          {t('registry.pool.title')}
        </Typography.Title>
        <Space wrap>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')} data-testid="pool-add">
              {t('registry.pool.add')}
            </Button>
          )}
          {me && canRecordRelationships(me.orgRoles) && (
            <Button icon={<ApartmentOutlined />} onClick={() => setDialog('relationship')} data-testid="pool-relationship">
              {t('registry.relationship.record')}
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('registry.pool.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Select<StatusFilter>
          style={{ minWidth: 140 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'active', label: t('registry.pool.active') },
            { value: 'retired', label: t('registry.pool.retiredTag') },
            { value: 'all', label: t('registry.pool.all') },
          ]}
          data-testid="pool-filter-status"
        />
      </div>
      {(error || pool.error) && <Alert type="error" showIcon closable title={error ?? pool.error} style={{ marginBottom: 16 }} data-testid="pool-error" onClose={() => setError(null)} />}
      <Table<Reviewer>
        rowKey="id"
        data-testid="pool-table"
        data-count={pool.data && !pool.loading ? pool.data.length : undefined}
        loading={pool.loading}
        columns={columns}
        dataSource={pool.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: t('registry.pool.empty') }}
      />
      {dialog === 'add' && (
        <AddReviewerModal
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setStatus('active');
            pool.reload();
          }}
        />
      )}
      {dialog === 'relationship' && <RelationshipModal onClose={() => setDialog(null)} onDone={() => setDialog(null)} />}
    </div>
  );
}

interface AddValues {
  orgId?: string;
  userId?: string;
  expertise: Expertise[];
}
const USER_ID = /^usr_[0-9a-z]{20}$/;

/**
 * Adds an expert: the organisation, then its user — chosen from its members when the directory
 * lets the caller read them, typed as a user ID otherwise — and the expertise.
 */
function AddReviewerModal({ onDone, onClose }: { onDone(): void; onClose(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const orgId = Form.useWatch('orgId', form);
  const orgs = useApiResource('registry-pool-orgs', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items);
  const users = useApiResource(`registry-pool-users-${orgId ?? ''}`, async () => {
    if (!orgId) return { items: [] as Array<{ id: string; displayName: string; username: string; status: string }>, readable: true };
    try {
      return { items: (await unwrap(api.GET('/api/v1/orgs/{orgId}/users', { params: { path: { orgId }, query: { page: 1, pageSize: 200 } } }))).items, readable: true };
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) return { items: [], readable: false };
      throw err;
    }
  });
  const readable = users.data?.readable ?? true;
  return (
    <FormModal open title={t('registry.pool.addTitle')} busy={busy} error={error ?? users.error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('registry.pool.addIntro')}</Typography.Paragraph>
      <Form<AddValues>
        form={form}
        layout="vertical"
        initialValues={{ expertise: [] }}
        onValuesChange={(changed) => {
          if ('orgId' in changed) form.setFieldValue('userId', undefined);
        }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/registry/reviewers', { body: { userId: v.userId!.trim(), expertise: v.expertise } }));
            message.success(t('registry.pool.added'));
            onDone();
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="orgId" label={t('registry.pool.col.org')} rules={[{ required: true, message: t('registry.form.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={orgs.loading}
            options={(orgs.data ?? []).filter((o) => o.status === 'active').map((o) => ({ value: o.id, label: orgName(o.name, locale) }))}
            data-testid="pool-add-org"
          />
        </Form.Item>
        {readable ? (
          <Form.Item name="userId" label={t('registry.pool.user')} rules={[{ required: true, message: t('registry.form.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              disabled={!orgId}
              loading={users.loading}
              options={(users.data?.items ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
              data-testid="pool-add-user"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="userId"
            label={t('registry.pool.userId')}
            extra={t('registry.pool.userIdHint')}
            rules={[{ required: true, pattern: USER_ID, message: t('registry.pool.userIdRule') }]}
          >
            <Input className="lt-mono" maxLength={24} data-testid="pool-add-user-id" />
          </Form.Item>
        )}
        <Form.Item name="expertise" label={t('registry.pool.col.expertise')} rules={[{ required: true, type: 'array', min: 1, message: t('registry.pool.expertiseRequired') }]}>
          <Checkbox.Group data-testid="pool-add-expertise" options={EXPERTISE.map((e) => ({ value: e, label: expertiseLabel(t, e) }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
