import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
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
import { DEMAND_STATUSES, lmsg, type Demand, type Suggestion } from './lists.view';

type Status = (typeof DEMAND_STATUSES)[number];
const COLORS: Record<Status, string> = { open: 'blue', matched: 'green', closed: 'default' };

export default function DemandListPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const [query, setQuery] = useState({ q: '', status: undefined as Status | undefined, page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const orgLabel = useOrgNames(locale);
  const list = useApiResource(JSON.stringify(query), async () => {
    const r = await unwrap(api.GET('/api/v1/catalog/demands', { params: { query: { ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), page: query.page, pageSize: query.pageSize } } }));
    return { items: r.items as Demand[], total: r.total };
  });

  const columns: TableProps<Demand>['columns'] = [
    {
      title: t('lists.demands.col.title'),
      dataIndex: 'title',
      key: 'title',
      render: (v: Demand['title'], d: Demand) => (
        <Button type="link" size="small" onClick={() => setOpen(d.id)}>
          {orgName(v, locale)}
        </Button>
      ),
    },
    { title: t('lists.demands.col.requester'), dataIndex: 'orgId', key: 'org', render: (id: string) => orgLabel(id) },
    { title: t('lists.demands.col.matches'), dataIndex: 'matchCount', key: 'matches' },
    { title: t('lists.col.status'), dataIndex: 'status', key: 'status', render: (v: Status) => <Tag color={COLORS[v]}>{lmsg(t, `lists.demands.status.${v}`)}</Tag> },
    { title: t('lists.col.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatTime(v, locale) },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('lists.demands.title')}</Typography.Title>
        {access['lists.writeDemands'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="demand-create">
            {t('lists.demands.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('lists.demands.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Input.Search allowClear maxLength={100} placeholder={t('lists.search')} style={{ maxWidth: 320 }} onSearch={(q) => setQuery((p) => ({ ...p, q: q.trim(), page: 1 }))} />
        <Select<Status>
          allowClear
          placeholder={t('lists.filterStatus')}
          style={{ minWidth: 140 }}
          value={query.status}
          onChange={(status) => setQuery((p) => ({ ...p, status, page: 1 }))}
          options={DEMAND_STATUSES.map((s) => ({ value: s, label: lmsg(t, `lists.demands.status.${s}`) }))}
        />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<Demand>
        rowKey="id"
        data-testid="demand-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        onChange={(pagination) => setQuery((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }))}
      />
      {creating && (
        <DemandForm
          onClose={(created) => {
            setCreating(false);
            if (created) list.reload();
          }}
        />
      )}
      {open && (
        <DemandDrawer
          id={open}
          orgLabel={orgLabel}
          onClose={(changed) => {
            setOpen(null);
            if (changed) list.reload();
          }}
        />
      )}
    </div>
  );
}

interface FormValues {
  titleZh: string;
  titleEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
  wantedFields?: string;
  elementIds?: string[];
  purpose: string;
}

function DemandForm({ onClose }: { onClose(created: boolean): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const elements = useApiResource('demand-elements', async () => (await unwrap(api.GET('/api/v1/catalog/elements', { params: { query: { status: 'active', sort: 'identifier', order: 'asc', page: 1, pageSize: 200 } } }))).items);
  const text = (v?: string) => v?.trim() || undefined;
  return (
    <FormModal open title={t('lists.demands.create')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!!text(v.descriptionZh) !== !!text(v.descriptionEn)) {
            setError(t('lists.bothLanguages'));
            return;
          }
          setBusy(true);
          setError(null);
          try {
            await unwrap(
              api.POST('/api/v1/catalog/demands', {
                body: {
                  title: { zh: v.titleZh.trim(), en: v.titleEn.trim() },
                  ...(text(v.descriptionZh) ? { description: { zh: text(v.descriptionZh)!, en: text(v.descriptionEn)! } } : {}),
                  ...(text(v.wantedFields) ? { wantedFields: text(v.wantedFields)! } : {}),
                  ...(v.elementIds?.length ? { elementIds: v.elementIds } : {}),
                  purpose: v.purpose.trim(),
                },
              }),
            );
            message.success(t('lists.demands.created'));
            onClose(true);
          } catch (err) {
            setError(describeError(err, t).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="titleZh" label={t('lists.demands.form.titleZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('lists.required') }]}>
          <Input data-testid="demand-title-zh" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('lists.demands.form.titleEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('lists.required') }]}>
          <Input data-testid="demand-title-en" />
        </Form.Item>
        <Form.Item name="wantedFields" label={t('lists.demands.form.wantedFields')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="elementIds" label={t('lists.demands.form.elements')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={(elements.data ?? []).map((e) => ({ value: e.id, label: `${e.identifier} · ${orgName(e.name, locale)}` }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('lists.demands.form.purpose')} rules={[{ required: true, whitespace: true, max: 2000, message: t('lists.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="demand-purpose" />
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

function DemandDrawer({ id, orgLabel, onClose }: { id: string; orgLabel(id: string): string; onClose(changed: boolean): void }) {
  const { t, locale } = useI18n();
  const { access, me } = useSession();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const [changed, setChanged] = useState(false);
  const [closing, setClosing] = useState(false);
  const demand = useApiResource(`demand-${id}-${round}`, async () => (await unwrap(api.GET('/api/v1/catalog/demands/{demandId}', { params: { path: { demandId: id } } }))) as Demand);
  const suggestions = useApiResource(`demand-suggestions-${id}-${round}`, async () => (await unwrap(api.GET('/api/v1/catalog/demands/{demandId}/suggestions', { params: { path: { demandId: id } } }))).items as Suggestion[]);
  const matchedTitles = useApiResource(`demand-matched-${id}-${round}`, async () => {
    const d = await unwrap(api.GET('/api/v1/catalog/demands/{demandId}', { params: { path: { demandId: id } } }));
    const out: Array<{ id: string; title: string }> = [];
    for (const m of d.matches) {
      const r = await api.GET('/api/v1/catalog/resources/{resourceId}', { params: { path: { resourceId: m.resourceId } } }).catch(() => null);
      out.push({ id: m.resourceId, title: r?.data ? orgName(r.data.title, locale) : m.resourceId });
    }
    return out;
  });
  const d = demand.data;
  const mayAct = !!d && d.status !== 'closed' && access['lists.writeDemands'] && (d.orgId === me?.orgId || !!me?.orgRoles.includes('data_bureau'));
  const refresh = () => {
    setChanged(true);
    setRound((r) => r + 1);
  };
  const match = async (resourceId: string) => {
    try {
      await unwrap(api.POST('/api/v1/catalog/demands/{demandId}/match', { params: { path: { demandId: id } }, body: { resourceIds: [resourceId] } }));
      message.success(t('lists.demands.matched'));
      refresh();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };
  return (
    <Drawer
      open
      width={Math.min(760, window.innerWidth)}
      title={d ? orgName(d.title, locale) : t('lists.demands.detail')}
      onClose={() => onClose(changed)}
      extra={
        mayAct && (
          <Button danger onClick={() => setClosing(true)} data-testid="demand-close">
            {t('lists.demands.close')}
          </Button>
        )
      }
    >
      {demand.error && <Alert type="error" showIcon message={demand.error} />}
      {d && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('lists.demands.col.requester')}>{orgLabel(d.orgId)}</Descriptions.Item>
            <Descriptions.Item label={t('lists.col.status')}>
              <Tag color={COLORS[d.status]}>{lmsg(t, `lists.demands.status.${d.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('lists.demands.purpose')}>{d.purpose}</Descriptions.Item>
            <Descriptions.Item label={t('lists.demands.wantedFields')}>{d.wantedFields ?? t('lists.none')}</Descriptions.Item>
            <Descriptions.Item label={t('lists.descriptionZh')}>{d.description ? orgName(d.description, locale) : t('lists.none')}</Descriptions.Item>
            {d.closeReason && <Descriptions.Item label={t('lists.demands.closeReasonShown')}>{d.closeReason}</Descriptions.Item>}
            <Descriptions.Item label={t('lists.col.createdAt')}>{formatTime(d.createdAt, locale)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('lists.demands.matches')}</Typography.Title>
            {matchedTitles.data?.length ? (
              <ul data-testid="demand-matches">
                {matchedTitles.data.map((m) => (
                  <li key={m.id}>
                    <Link to={`/console/catalog/resources/${m.id}`}>{m.title}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('lists.demands.noMatches')}</Typography.Text>
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('lists.demands.suggestions')}</Typography.Title>
            {suggestions.error && <Alert type="error" showIcon message={suggestions.error} />}
            <Table<Suggestion>
              size="small"
              rowKey="resourceId"
              data-testid="demand-suggestions"
              loading={suggestions.loading}
              pagination={false}
              locale={{ emptyText: t('lists.demands.noSuggestions') }}
              dataSource={suggestions.data ?? []}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('lists.demands.col.title'), dataIndex: 'title', key: 'title', render: (v: Suggestion['title'], s: Suggestion) => <Link to={`/console/catalog/resources/${s.resourceId}`}>{orgName(v, locale)}</Link> },
                { title: t('lists.col.org'), dataIndex: 'sourceOrgId', key: 'org', render: (v: string) => orgLabel(v) },
                { title: t('lists.demands.score'), dataIndex: 'score', key: 'score' },
                {
                  title: t('lists.demands.reasons'),
                  dataIndex: 'reasons',
                  key: 'reasons',
                  render: (rs: Suggestion['reasons']) => (
                    <Space size={[4, 4]} wrap>
                      {rs.map((r) => (
                        <Tag key={`${r.kind}-${r.value}`}>{lmsg(t, `lists.demands.reason.${r.kind}`, { value: r.value })}</Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  key: 'match',
                  render: (_: unknown, s: Suggestion) =>
                    mayAct && (
                      <Button size="small" type="primary" onClick={() => void match(s.resourceId)}>
                        {t('lists.demands.match')}
                      </Button>
                    ),
                },
              ]}
            />
          </div>
        </Space>
      )}
      {closing && <CloseForm id={id} onClose={(done) => (setClosing(false), done && refresh())} />}
    </Drawer>
  );
}

function CloseForm({ id, onClose }: { id: string; onClose(done: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('lists.demands.close')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<{ reason?: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/catalog/demands/{demandId}/close', { params: { path: { demandId: id } }, body: v.reason?.trim() ? { reason: v.reason.trim() } : {} }));
            message.success(t('lists.demands.closed'));
            onClose(true);
          } catch (err) {
            setError(describeError(err, t).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={t('lists.demands.closeReason')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
