import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap } from '../../api/api.client';
import type { DataElement } from '../../api/api.types';
import { describeError, errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate, hasMessage } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { ElementTransferPanel } from './element-transfer.panel';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import type { MessageKey } from '../../locales/index';

const DATA_TYPES = ['string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'code'] as const;
type DataType = (typeof DATA_TYPES)[number];
type Format = { kind: 'validator'; name: string } | { kind: 'regex'; pattern: string };
type CodeItem = NonNullable<DataElement['codeList']>[number];
type Element = DataElement;
interface Query {
  q: string;
  dataType: DataType | undefined;
  sort: 'identifier' | 'createdAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const typeLabel = (t: Translate, v: string) => t(`catalog.type.${v}` as MessageKey);

/** A check's stable reason code in words; the code itself when the console does not know it. */
function reasonLabel(t: Translate, reason: string | undefined): string {
  if (!reason) return '';
  const key = `catalog.reason.${reason}`;
  return hasMessage(key) ? t(key as MessageKey) : reason;
}

function formatLabel(t: Translate, f: Format | null): string {
  if (!f) return t('catalog.format.none');
  return f.kind === 'validator' ? t('catalog.format.validator', { name: f.name }) : t('catalog.format.regex', { pattern: f.pattern });
}

/** `code=中文=English` lines → code list; the line number of the first bad line otherwise. */
export function parseCodeList(text: string): CodeItem[] | { badLine: number } {
  const items: CodeItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [code, zh, en] = line.split('=').map((s) => s.trim());
    if (!code || !zh || !en) return { badLine: i + 1 };
    items.push({ code, label: { zh, en } });
  }
  return items;
}

export default function ElementListPage() {
  const { t, locale } = useI18n();
  const { access } = useSession();
  const [query, setQuery] = useState<Query>({ q: '', dataType: undefined, sort: 'identifier', order: 'asc', page: 1, pageSize: 20 });
  const [open, setOpen] = useState<Element | null>(null);
  const [creating, setCreating] = useState(false);
  const sources = useApiResource('source-units', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { role: 'source_unit', pageSize: 200, page: 1, sort: 'name', order: 'asc' } } }))).items);
  const sourceName = (id: string) => {
    const o = sources.data?.find((x) => x.id === id);
    return o ? orgName(o.name, locale) : id;
  };
  const list = useApiResource(JSON.stringify(query), async () => {
    const r = await unwrap(
      api.GET('/api/v1/catalog/elements', {
        params: { query: { ...(query.q ? { q: query.q } : {}), ...(query.dataType ? { dataType: query.dataType } : {}), sort: query.sort, order: query.order, page: query.page, pageSize: query.pageSize } },
      }),
    );
    return { items: r.items as Element[], total: r.total };
  });

  const columns: TableProps<Element>['columns'] = [
    {
      title: t('catalog.col.identifier'),
      dataIndex: 'identifier',
      key: 'identifier',
      sorter: true,
      sortOrder: query.sort === 'identifier' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: string, e: Element) => (
        <Button type="link" size="small" className="lt-mono" onClick={() => setOpen(e)}>
          {v}
        </Button>
      ),
    },
    { title: t('catalog.col.name'), dataIndex: 'name', key: 'name', render: (n: Element['name']) => orgName(n, locale) },
    { title: t('catalog.col.dataType'), dataIndex: 'dataType', key: 'dataType', render: (v: string) => typeLabel(t, v) },
    { title: t('catalog.col.format'), dataIndex: 'format', key: 'format', render: (f: Format | null) => <span className="lt-mono">{formatLabel(t, f)}</span> },
    { title: t('catalog.col.source'), dataIndex: 'sourceOrgId', key: 'source', render: (id: string) => sourceName(id) },
    { title: t('catalog.col.version'), dataIndex: 'version', key: 'version' },
    {
      title: t('catalog.col.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{v === 'active' ? t('catalog.status.active') : t('catalog.status.retired')}</Tag>,
    },
    {
      title: t('catalog.col.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: query.sort === 'createdAt' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: string) => formatTime(v, locale),
    },
  ];

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('catalog.elements.title')}</Typography.Title>
        {access['catalog.defineElements'] && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="element-create">
            {t('catalog.elements.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('catalog.elements.intro')}</Typography.Paragraph>
      <div className="lt-toolbar">
        <Input.Search allowClear maxLength={100} placeholder={t('catalog.elements.search')} style={{ maxWidth: 320 }} onSearch={(q) => setQuery((p) => ({ ...p, q: q.trim(), page: 1 }))} data-testid="element-search" />
        <Select<DataType>
          allowClear
          placeholder={t('catalog.elements.filterType')}
          style={{ minWidth: 180 }}
          value={query.dataType}
          onChange={(dataType) => setQuery((p) => ({ ...p, dataType, page: 1 }))}
          options={DATA_TYPES.map((v) => ({ value: v, label: typeLabel(t, v) }))}
        />
        <ElementTransferPanel canImport={access['catalog.defineElements']} onImported={list.reload} />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 16 }} />}
      <Table<Element>
        rowKey="id"
        data-testid="element-table"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        onChange={(pagination, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setQuery((p) => ({
            ...p,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? p.pageSize,
            sort: s?.order ? (s.columnKey === 'createdAt' ? 'createdAt' : 'identifier') : 'identifier',
            order: s?.order === 'descend' ? 'desc' : 'asc',
          }));
        }}
      />
      {creating && (
        <ElementForm
          sources={(sources.data ?? []).map((o) => ({ value: o.id, label: orgName(o.name, locale) }))}
          onClose={(created) => {
            setCreating(false);
            if (created) list.reload();
          }}
        />
      )}
      <ElementDrawer
        element={open}
        sourceName={open ? sourceName(open.sourceOrgId) : ''}
        canRetire={access['catalog.defineElements']}
        onClose={(changed) => {
          setOpen(null);
          if (changed) list.reload();
        }}
      />
    </div>
  );
}

interface FormValues {
  identifier: string;
  nameZh: string;
  nameEn: string;
  definitionZh?: string;
  definitionEn?: string;
  dataType: DataType;
  formatKind: 'none' | 'validator' | 'regex';
  validator?: string;
  pattern?: string;
  codeList?: string;
  unit?: string;
  sourceOrgId: string;
}

function ElementForm({ sources, onClose }: { sources: Array<{ value: string; label: string }>; onClose(created: boolean): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const validators = useApiResource('validators', async () => (await unwrap(api.GET('/api/v1/catalog/validators'))).items);
  const formatKind = Form.useWatch('formatKind', form);
  const dataType = Form.useWatch('dataType', form);
  return (
    <FormModal open title={t('catalog.elements.create')} busy={busy} error={error} onCancel={() => onClose(false)} onSubmit={() => form.submit()}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ dataType: 'string', formatKind: 'none' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const codes = v.dataType === 'code' ? parseCodeList(v.codeList ?? '') : null;
            const format: Format | undefined =
              v.formatKind === 'validator' && v.validator ? { kind: 'validator', name: v.validator } : v.formatKind === 'regex' && v.pattern ? { kind: 'regex', pattern: v.pattern } : undefined;
            const body = {
              identifier: v.identifier.trim(),
              name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
              ...(v.definitionZh?.trim() && v.definitionEn?.trim() ? { definition: { zh: v.definitionZh.trim(), en: v.definitionEn.trim() } } : {}),
              dataType: v.dataType,
              ...(format ? { format } : {}),
              ...(Array.isArray(codes) ? { codeList: codes } : {}),
              ...(v.unit?.trim() ? { unit: v.unit.trim() } : {}),
              sourceOrgId: v.sourceOrgId,
            };
            const created = await unwrap(api.POST('/api/v1/catalog/elements', { body: body as never }));
            message.success(t('catalog.form.created', { identifier: (created as Element).identifier }));
            onClose(true);
          } catch (err) {
            setError(describeError(err, t).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="identifier" label={t('catalog.form.identifier')} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_.-]{2,39}$/, message: t('catalog.form.identifierRule') }]}>
          <Input className="lt-mono" data-testid="element-identifier" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('catalog.form.nameZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.form.nameRequired') }]}>
          <Input data-testid="element-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalog.form.nameEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.form.nameRequired') }]}>
          <Input data-testid="element-name-en" />
        </Form.Item>
        <Form.Item name="definitionZh" label={t('catalog.form.definitionZh')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="definitionEn" label={t('catalog.form.definitionEn')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dataType" label={t('catalog.form.dataType')}>
          <Select<DataType> options={DATA_TYPES.map((v) => ({ value: v, label: typeLabel(t, v) }))} />
        </Form.Item>
        {dataType === 'code' ? (
          <Form.Item
            name="codeList"
            label={t('catalog.form.codeList')}
            rules={[
              {
                validator: async (_r, value: string | undefined) => {
                  const parsed = parseCodeList(value ?? '');
                  if (!Array.isArray(parsed)) throw new Error(t('catalog.form.codeListInvalid', { line: parsed.badLine }));
                  if (!parsed.length) throw new Error(t('catalog.form.codeListRequired'));
                },
              },
            ]}
          >
            <Input.TextArea className="lt-mono" autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="formatKind" label={t('catalog.form.formatKind')}>
              <Select
                options={[
                  { value: 'none', label: t('catalog.form.formatNone') },
                  { value: 'validator', label: t('catalog.form.formatValidator') },
                  { value: 'regex', label: t('catalog.form.formatRegex') },
                ]}
              />
            </Form.Item>
            {formatKind === 'validator' && (
              <Form.Item name="validator" label={t('catalog.form.validator')} rules={[{ required: true, message: t('catalog.form.validatorRequired') }]}>
                <Select options={(validators.data ?? []).map((v) => ({ value: v.name, label: orgName(v.label, locale) }))} />
              </Form.Item>
            )}
            {formatKind === 'regex' && (
              <Form.Item
                name="pattern"
                label={t('catalog.form.pattern')}
                rules={[
                  { required: true, max: 500, message: t('catalog.form.patternRequired') },
                  {
                    validator: async (_r, value: string | undefined) => {
                      try {
                        new RegExp(value ?? '', 'u');
                      } catch {
                        throw new Error(t('catalog.form.patternInvalid'));
                      }
                    },
                  },
                ]}
              >
                <Input className="lt-mono" />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="unit" label={t('catalog.form.unit')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="sourceOrgId" label={t('catalog.form.source')} rules={[{ required: true, message: t('catalog.form.sourceRequired') }]}>
          <Select showSearch optionFilterProp="label" options={sources} data-testid="element-source" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ElementDrawer({ element, sourceName, canRetire, onClose }: { element: Element | null; sourceName: string; canRetire: boolean; onClose(changed: boolean): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [value, setValue] = useState('');
  const [verdict, setVerdict] = useState<{ valid: boolean; reason?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!element) return null;
  return (
    <Drawer
      open
      width={Math.min(640, window.innerWidth)}
      title={t('catalog.detail.title', { identifier: element.identifier })}
      onClose={() => {
        setVerdict(null);
        setValue('');
        onClose(false);
      }}
      extra={
        canRetire &&
        element.status === 'active' && (
          <Popconfirm
            title={t('catalog.detail.retireConfirm')}
            okText={t('catalog.detail.retire')}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await unwrap(api.POST('/api/v1/catalog/elements/{elementId}/retire', { params: { path: { elementId: element.id } } }));
                message.success(t('catalog.detail.retired'));
                onClose(true);
              } catch (err) {
                message.error(errorMessage(err, t));
              }
            }}
          >
            <Button danger>{t('catalog.detail.retire')}</Button>
          </Popconfirm>
        )
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('catalog.col.name')}>{orgName(element.name, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.detail.definition')}>{element.definition ? orgName(element.definition, locale) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.col.dataType')}>{typeLabel(t, element.dataType)}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.col.format')}>
            <span className="lt-mono">{formatLabel(t, element.format)}</span>
          </Descriptions.Item>
          {element.codeList && (
            <Descriptions.Item label={t('catalog.detail.codeList')}>
              <Space size={[4, 4]} wrap>
                {element.codeList.map((c) => (
                  <Tag key={c.code}>{`${c.code} · ${orgName(c.label, locale)}`}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('catalog.detail.unit')}>{element.unit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.col.source')}>{sourceName}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.col.version')}>{element.version}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.col.updatedAt')}>{formatTime(element.updatedAt, locale)}</Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Title level={5}>{t('catalog.check.title')}</Typography.Title>
          <Space.Compact style={{ width: '100%' }}>
            <Input value={value} onChange={(e) => setValue(e.target.value)} placeholder={t('catalog.check.placeholder')} maxLength={1000} data-testid="element-check-value" />
            <Button
              type="primary"
              data-testid="element-check"
              onClick={async () => {
                setError(null);
                try {
                  setVerdict(await unwrap(api.POST('/api/v1/catalog/elements/{elementId}/check', { params: { path: { elementId: element.id } }, body: { value } })));
                } catch (err) {
                  setVerdict(null);
                  setError(errorMessage(err, t));
                }
              }}
            >
              {t('catalog.check.button')}
            </Button>
          </Space.Compact>
          {verdict && (
            <Alert
              style={{ marginTop: 12 }}
              type={verdict.valid ? 'success' : 'error'}
              showIcon
              data-testid="element-check-result"
              data-valid={String(verdict.valid)}
              message={verdict.valid ? t('catalog.check.valid') : t('catalog.check.invalid', { reason: reasonLabel(t, verdict.reason) })}
            />
          )}
          {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
        </div>
      </Space>
    </Drawer>
  );
}
