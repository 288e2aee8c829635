import { useState } from 'react';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import { describeError, errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { useCategories } from './resource.view';
import { lmsg, type ImportantEntry } from './lists.view';

/** The important-data catalogue (重要数据目录): entries per sector, kept by the data bureau. */
export default function ImportantDataPage() {
  const { t, locale } = useI18n();
  const { access, me } = useSession();
  const { message } = App.useApp();
  const [query, setQuery] = useState({ sector: '', page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const categories = useCategories(locale);
  const list = useApiResource(JSON.stringify(query), async () => {
    const r = await unwrap(api.GET('/api/v1/catalog/important-data', { params: { query: { ...(query.sector ? { sector: query.sector } : {}), page: query.page, pageSize: query.pageSize } } }));
    return { items: r.items as ImportantEntry[], total: r.total };
  });
  const columns: TableProps<ImportantEntry>['columns'] = [
    { title: t('lists.important.col.sector'), dataIndex: 'sector', key: 'sector', render: (v: string) => <span className="lt-mono">{v}</span> },
    { title: t('lists.important.col.name'), dataIndex: 'name', key: 'name', render: (n: ImportantEntry['name']) => orgName(n, locale) },
    {
      title: t('lists.important.col.criteria'),
      key: 'criteria',
      render: (_: unknown, e: ImportantEntry) => (
        <Space direction="vertical" size={0}>
          {e.elementIdentifiers.length > 0 && <span>{t('lists.important.criteria.elements', { value: e.elementIdentifiers.join(', ') })}</span>}
          {e.keywords.length > 0 && <span>{t('lists.important.criteria.keywords', { value: e.keywords.join(', ') })}</span>}
          {e.categoryIds.length > 0 && <span>{t('lists.important.criteria.categories', { value: e.categoryIds.map((c) => categories.name(c)).join(', ') })}</span>}
        </Space>
      ),
    },
    { title: t('lists.col.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={v === 'active' ? 'red' : 'default'}>{lmsg(t, `lists.important.status.${v}`)}</Tag> },
    { title: t('lists.col.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => formatTime(v, locale) },
    {
      key: 'actions',
      render: (_: unknown, e: ImportantEntry) =>
        access['lists.writeImportantData'] &&
        e.status === 'active' &&
        e.ownerOrgId === me?.orgId && (
          <Popconfirm
            title={t('lists.important.retireConfirm')}
            okText={t('lists.important.retire')}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await unwrap(api.POST('/api/v1/catalog/important-data/{entryId}/retire', { params: { path: { entryId: e.id } } }));
                message.success(t('lists.important.retired'));
                list.reload();
              } catch (err) {
                message.error(errorMessage(err, t));
              }
            }}
          >
            <Button size="small" danger>
              {t('lists.important.retire')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('lists.important.title')}</Typography.Title>
        {access['lists.writeImportantData'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="important-create">
            {t('lists.important.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('lists.important.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Input.Search allowClear maxLength={41} placeholder={t('lists.important.col.sector')} style={{ maxWidth: 240 }} onSearch={(sector) => setQuery((p) => ({ ...p, sector: sector.trim(), page: 1 }))} />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<ImportantEntry>
        rowKey="id"
        data-testid="important-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        onChange={(pagination) => setQuery((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }))}
      />
      {creating && (
        <EntryForm
          categoryTree={categories.tree}
          onClose={(created) => {
            setCreating(false);
            if (created) list.reload();
          }}
        />
      )}
    </div>
  );
}

interface FormValues {
  sector: string;
  nameZh: string;
  nameEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
  elementIdentifiers?: string[];
  keywords?: string[];
  categoryIds?: string[];
}

function EntryForm({ categoryTree, onClose }: { categoryTree: ReturnType<typeof useCategories>['tree']; onClose(created: boolean): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const elements = useApiResource('important-elements', async () => (await unwrap(api.GET('/api/v1/catalog/elements', { params: { query: { status: 'active', sort: 'identifier', order: 'asc', page: 1, pageSize: 200 } } }))).items);
  const text = (v?: string) => v?.trim() || undefined;
  return (
    <FormModal open title={t('lists.important.create')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('lists.important.form.rule')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!v.elementIdentifiers?.length && !v.keywords?.length && !v.categoryIds?.length) {
            setError(t('lists.important.form.criteriaRequired'));
            return;
          }
          if (!!text(v.descriptionZh) !== !!text(v.descriptionEn)) {
            setError(t('lists.bothLanguages'));
            return;
          }
          setBusy(true);
          setError(null);
          try {
            const r = await unwrap(
              api.POST('/api/v1/catalog/important-data', {
                body: {
                  sector: v.sector.trim(),
                  name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
                  ...(text(v.descriptionZh) ? { description: { zh: text(v.descriptionZh)!, en: text(v.descriptionEn)! } } : {}),
                  ...(v.elementIdentifiers?.length ? { elementIdentifiers: v.elementIdentifiers } : {}),
                  ...(v.keywords?.length ? { keywords: v.keywords.map((k) => k.trim()).filter(Boolean) } : {}),
                  ...(v.categoryIds?.length ? { categoryIds: v.categoryIds } : {}),
                },
              }),
            );
            message.success(t('lists.important.created', { count: r.regraded.length }));
            onClose(true);
          } catch (err) {
            setError(describeError(err, t).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="sector" label={t('lists.important.form.sector')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,40}$/, message: t('lists.important.form.sectorRule') }]}>
          <Input className="lt-mono" data-testid="important-sector" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('lists.nameZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('lists.required') }]}>
          <Input data-testid="important-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('lists.nameEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('lists.required') }]}>
          <Input data-testid="important-name-en" />
        </Form.Item>
        <Form.Item name="elementIdentifiers" label={t('lists.important.form.elements')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={(elements.data ?? []).map((e) => ({ value: e.identifier, label: `${e.identifier} · ${orgName(e.name, locale)}` }))} />
        </Form.Item>
        <Form.Item name="keywords" label={t('lists.important.form.keywords')}>
          <Select mode="tags" tokenSeparators={[',', '，', ';', '；']} open={false} data-testid="important-keywords" />
        </Form.Item>
        <Form.Item name="categoryIds" label={t('lists.important.form.categories')}>
          <TreeSelect multiple treeDefaultExpandAll treeData={categoryTree} />
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
