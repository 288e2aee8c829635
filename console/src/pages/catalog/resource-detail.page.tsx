import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import type { CatalogResource, ResourceField } from '../../api/api.types';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { resourceActions } from '../../access';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { gradeBody, type Grade } from './resource.rules';
import { attributeLabel, GradeInputs, LevelTag, msg, refusal, StatusTag, useCategories, useOrgNames } from './resource.view';
import { RequestSharingModal } from '../sharing/sharing.view';
import { ResourceMountPanel } from './resource-mount.panel';
import { ResourceQualityPanel } from './resource-quality.panel';
import { ResourceScanModal } from './resource-scan.modal';

type Resource = CatalogResource;
type Field = ResourceField;

export default function ResourceDetailPage() {
  const { resourceId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const { message } = App.useApp();
  const res = useApiResource(`resource-${resourceId}`, () => unwrap(api.GET('/api/v1/catalog/resources/{resourceId}', { params: { path: { resourceId } } })));
  const [override, setOverride] = useState<Resource | null>(null);
  const categories = useCategories(locale);
  const sourceName = useOrgNames(locale);
  const [grading, setGrading] = useState<Field | null>(null);
  const [scanning, setScanning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const r = override && override.id === resourceId ? override : res.data;
  if (res.loading && !r) return <Skeleton active />;
  if (!r) return <Alert type="error" showIcon message={res.error} data-testid="resource-error" />;
  const can = resourceActions(access, me ?? null, r);

  const act = async (name: 'submit' | 'publish' | 'deprecate', done: string) => {
    setBusy(name);
    setError(null);
    try {
      const next = await unwrap(api.POST(`/api/v1/catalog/resources/{resourceId}/${name}`, { params: { path: { resourceId: r.id } } }));
      setOverride(next as Resource);
      message.success(done);
    } catch (err) {
      setError(refusal(err, t));
    } finally {
      setBusy(null);
    }
  };

  const fieldColumns: TableProps<Field>['columns'] = [
    { title: t('catalog.resource.field.name'), dataIndex: 'name', key: 'name', render: (v: string) => <span className="lt-mono">{v}</span> },
    { title: t('catalog.resource.field.label'), dataIndex: 'label', key: 'label', render: (l: Field['label']) => orgName(l, locale) },
    { title: t('catalog.resource.field.type'), dataIndex: 'dataType', key: 'type', render: (v: string) => msg(t, `catalog.type.${v}`) },
    { title: t('catalog.resource.field.element'), dataIndex: 'elementIdentifier', key: 'element', render: (v: string | null) => (v ? <span className="lt-mono">{v}</span> : '—') },
    { title: t('catalog.resource.field.key'), dataIndex: 'key', key: 'key', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    { title: t('catalog.resource.field.grade'), dataIndex: 'grade', key: 'grade', render: (g: Field['grade']) => <LevelTag t={t} level={g?.level} generalLevel={g?.generalLevel} /> },
    {
      title: t('catalog.resource.field.personalInfo'),
      dataIndex: 'grade',
      key: 'pi',
      render: (g: Field['grade']) =>
        !g ? (
          '—'
        ) : (
          <Space size={[4, 4]} wrap>
            <span>{msg(t, `catalog.grade.pi.${g.personalInfo}`)}</span>
            {g.sensitiveCategories.map((c) => (
              <Tag key={c} color="magenta">
                {msg(t, `catalog.grade.sensitive.${c}`)}
              </Tag>
            ))}
          </Space>
        ),
    },
    ...(can.grade
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, f: Field) => (
              <Button size="small" onClick={() => setGrading(f)} data-testid={`grade-${f.name}`}>
                {t('catalog.grade.action')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const attr = (kind: 'sharing' | 'open') => {
    const a = r[kind];
    return (
      <Space direction="vertical" size={0}>
        <span data-testid={`resource-${kind}`}>{attributeLabel(t, kind, a)}</span>
        {a?.conditions && <Typography.Text type="secondary">{t('catalog.resource.detail.conditions', { text: a.conditions })}</Typography.Text>}
        {a?.legalBasis && <Typography.Text type="secondary">{t('catalog.resource.detail.legalBasis', { text: a.legalBasis })}</Typography.Text>}
      </Space>
    );
  };

  return (
    <div>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} data-testid="resource-title" style={{ margin: 0 }}>
            {orgName(r.title, locale)}
          </Typography.Title>
          <StatusTag t={t} status={r.status} />
          <Tag data-testid="resource-version">{t('catalog.resource.detail.versionN', { version: r.version })}</Tag>
          <LevelTag t={t} level={r.grading.level} generalLevel={r.grading.generalLevel} />
        </Space>
        <Space wrap data-testid="resource-actions">
          {access['sharing.request'] && r.scope === 'public' && r.status === 'published' && me?.orgId !== r.sourceOrgId && (
            <Button type="primary" onClick={() => setRequesting(true)} data-testid="resource-request-sharing">
              {t('sharing.action.request')}
            </Button>
          )}
          {can.edit && (
            <Button onClick={() => setEditing(true)} data-testid="resource-edit">
              {r.status === 'published' ? t('catalog.resource.action.editNewVersion') : t('catalog.resource.action.edit')}
            </Button>
          )}
          {can.submit && (
            <Popconfirm title={t('catalog.resource.action.submitConfirm')} okText={t('catalog.resource.action.submit')} cancelText={t('common.cancel')} onConfirm={() => act('submit', t('catalog.resource.action.submitted'))}>
              <Button type="primary" loading={busy === 'submit'} data-testid="resource-submit">
                {t('catalog.resource.action.submit')}
              </Button>
            </Popconfirm>
          )}
          {can.publish && (
            <Popconfirm title={t('catalog.resource.action.publishConfirm')} okText={t('catalog.resource.action.publish')} cancelText={t('common.cancel')} onConfirm={() => act('publish', t('catalog.resource.action.published'))}>
              <Button type="primary" loading={busy === 'publish'} data-testid="resource-publish">
                {t('catalog.resource.action.publish')}
              </Button>
            </Popconfirm>
          )}
          {can.deprecate && (
            <Popconfirm title={t('catalog.resource.action.deprecateConfirm')} okText={t('catalog.resource.action.deprecate')} cancelText={t('common.cancel')} onConfirm={() => act('deprecate', t('catalog.resource.action.deprecated'))}>
              <Button danger loading={busy === 'deprecate'} data-testid="resource-deprecate">
                {t('catalog.resource.action.deprecate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} data-testid="resource-action-error" onClose={() => setError(null)} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('catalog.resource.detail.attributes')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="resource-attributes">
            <Descriptions.Item label={t('catalog.resource.col.source')}>{sourceName(r.sourceOrgId)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.col.scope')}>{msg(t, `catalog.resource.scope.${r.scope}`)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.col.category')}>{categories.name(r.categoryId)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.personalInfo')}>{msg(t, `catalog.grade.pi.${r.grading.personalInfo}`)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.description')} span={2}>
              {r.description ? orgName(r.description, locale) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.frequency')}>{msg(t, `catalog.resource.frequency.${r.updateFrequency}`)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.format')}>{msg(t, `catalog.resource.format.${r.format}`)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.timeSpan')}>{r.timeSpan ? `${r.timeSpan.from ?? '…'} – ${r.timeSpan.to ?? '…'}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.coverage')}>{r.coverage ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.systemName')}>{r.systemName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.liveVersion')}>{r.liveVersion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.form.sharing')}>{attr('sharing')}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.form.open')}>{attr('open')}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.submittedAt')}>{formatTime(r.submittedAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.publishedAt')}>{formatTime(r.publishedAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.col.updatedAt')}>{formatTime(r.updatedAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.resource.detail.id')}>
              <Typography.Text className="lt-mono" copyable>
                {r.id}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          title={t('catalog.resource.detail.fields')}
          extra={
            can.grade && (
              <Button onClick={() => setScanning(true)} data-testid="resource-scan">
                {t('catalog.scan.action')}
              </Button>
            )
          }
        >
          <Table<Field> rowKey="name" data-testid="resource-fields" columns={fieldColumns} dataSource={r.fields} pagination={false} scroll={{ x: 'max-content' }} size="small" />
        </Card>
        {/* Mounted data and its quality (挂接, 质量): resource-mount.panel.tsx, resource-quality.panel.tsx */}
        <ResourceMountPanel resource={r} own={me?.orgId === r.sourceOrgId && access['catalog.writeResources'] === true} />
        <ResourceQualityPanel resource={r} own={me?.orgId === r.sourceOrgId && access['catalog.writeResources'] === true} />
      </Space>
      {grading && (
        <GradeModal
          resource={r}
          field={grading}
          onClose={(next) => {
            setGrading(null);
            if (next) setOverride(next);
          }}
        />
      )}
      {scanning && (
        <ResourceScanModal
          resource={r}
          onClose={(next) => {
            setScanning(false);
            if (next) setOverride(next);
          }}
        />
      )}
      {requesting && <RequestSharingModal resource={r} onClose={() => setRequesting(false)} />}
      {editing && (
        <EditModal
          resource={r}
          onClose={(next) => {
            setEditing(false);
            if (next) setOverride(next);
          }}
        />
      )}
    </div>
  );
}

function GradeModal({ resource, field, onClose }: { resource: Resource; field: Field; onClose(next: Resource | null): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grade: Grade }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const initial: Grade = field.grade ?? { level: 'general', generalLevel: 1, personalInfo: 'none', sensitiveCategories: [] };
  return (
    <FormModal open title={t('catalog.grade.title', { field: orgName(field.label, locale) })} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Form<{ grade: Grade }>
        form={form}
        layout="vertical"
        initialValues={{ grade: initial }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const next = await unwrap(
              api.PUT('/api/v1/catalog/resources/{resourceId}/fields/{field}/grade', { params: { path: { resourceId: resource.id, field: field.name } }, body: gradeBody(v.grade) }),
            );
            message.success(t('catalog.grade.saved', { field: field.name }));
            onClose(next as Resource);
          } catch (err) {
            setError(refusal(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <GradeInputs t={t} path={['grade']} testId="grade" />
      </Form>
    </FormModal>
  );
}

interface EditValues {
  titleZh: string;
  titleEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
}

/** Title and description; on a published resource the server starts a new draft version. */
function EditModal({ resource, onClose }: { resource: Resource; onClose(next: Resource | null): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('catalog.resource.action.editTitle')} busy={busy} error={error} onCancel={() => onClose(null)} onSubmit={() => form.submit()}>
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{ titleZh: resource.title.zh, titleEn: resource.title.en, descriptionZh: resource.description?.zh, descriptionEn: resource.description?.en }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const dz = v.descriptionZh?.trim();
            const de = v.descriptionEn?.trim();
            const next = await unwrap(
              api.PATCH('/api/v1/catalog/resources/{resourceId}', {
                params: { path: { resourceId: resource.id } },
                body: { title: { zh: v.titleZh.trim(), en: v.titleEn.trim() }, description: dz && de ? { zh: dz, en: de } : null },
              }),
            );
            message.success(t('catalog.resource.action.edited', { version: (next as Resource).version }));
            onClose(next as Resource);
          } catch (err) {
            setError(refusal(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="titleZh" label={t('catalog.resource.form.titleZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.resource.form.titleRequired') }]}>
          <Input data-testid="edit-title-zh" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('catalog.resource.form.titleEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.resource.form.titleRequired') }]}>
          <Input data-testid="edit-title-en" />
        </Form.Item>
        <Form.Item name="descriptionZh" label={t('catalog.resource.form.descriptionZh')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="descriptionEn"
          label={t('catalog.resource.form.descriptionEn')}
          dependencies={['descriptionZh']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, value: string | undefined) => {
                if (!!value?.trim() !== !!(getFieldValue('descriptionZh') as string | undefined)?.trim()) throw new Error(t('catalog.resource.form.descriptionPair'));
              },
            }),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
