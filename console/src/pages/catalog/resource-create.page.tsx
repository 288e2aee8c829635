import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, Radio, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useSession } from '../../session/session.context';
import type { CatalogResource } from '../../api/api.types';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { orgName } from '../../format/labels';
import {
  ATTRIBUTE_TYPES, attributeProblem, DATA_TYPES, FREQUENCIES, gradeBody, gradingViolation, RESOURCE_FORMATS, resourceGrade,
  type Attribute, type AttributeType, type Grade,
} from './resource.rules';
import { GradeInputs, LevelTag, msg, refusal, useCategories } from './resource.view';

type DataType = (typeof DATA_TYPES)[number];

interface FieldValues {
  name: string;
  labelZh: string;
  labelEn: string;
  binding: 'element' | 'type';
  elementId?: string;
  dataType?: DataType;
  key?: boolean;
  grade: Grade;
}
interface AttrValues {
  type?: AttributeType;
  conditions?: string;
  legalBasis?: string;
}
interface Values {
  titleZh: string;
  titleEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
  categoryId: string;
  updateFrequency: (typeof FREQUENCIES)[number];
  format: (typeof RESOURCE_FORMATS)[number];
  timeFrom?: string;
  timeTo?: string;
  coverage?: string;
  systemName?: string;
  systemId?: string;
  fields: FieldValues[];
  sharing?: AttrValues;
  open?: AttrValues;
}

const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const newField = (): Partial<FieldValues> => ({ binding: 'element', key: false, grade: { level: 'general', generalLevel: 1, personalInfo: 'none', sensitiveCategories: [] } });
const toAttribute = (a: AttrValues | undefined): Attribute | null =>
  a?.type ? { type: a.type, ...(a.conditions?.trim() ? { conditions: a.conditions.trim() } : {}), ...(a.legalBasis?.trim() ? { legalBasis: a.legalBasis.trim() } : {}) } : null;

/** Every rule the server would refuse, in words, computed from the form as it stands. */
export function formProblems(t: Translate, v: Partial<Values>): string[] {
  const out: string[] = [];
  const sharing = toAttribute(v.sharing);
  const open = toAttribute(v.open);
  for (const [kind, a] of [['sharing', sharing], ['open', open]] as const) {
    const p = a && attributeProblem(kind, a);
    if (p) out.push(`${t(kind === 'sharing' ? 'catalog.resource.form.sharing' : 'catalog.resource.form.open')}: ${msg(t, `catalog.rule.${p}`)}`);
  }
  const grade = resourceGrade((v.fields ?? []).map((f) => f?.grade));
  const rule = gradingViolation(grade, sharing, open);
  if (rule) out.push(msg(t, `catalog.rule.${rule}`));
  return out;
}

export default function ResourceCreatePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const categories = useCategories(locale);
  const { me } = useSession();
  // 系统清单: the organisation's information systems in service, to say where the data comes from.
  const systems = useApiResource(`my-systems-${me?.orgId ?? ''}`, async () =>
    me?.orgId ? (await unwrap(api.GET('/api/v1/catalog/systems', { params: { query: { orgId: me.orgId, status: 'in_service', page: 1, pageSize: 200 } } }))).items : [],
  );
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const problems = formProblems(t, watched ?? {});
  const level = resourceGrade((watched?.fields ?? []).map((f) => f?.grade));

  const attributeInputs = (kind: 'sharing' | 'open') => (
    <>
      <Form.Item name={[kind, 'type']} label={t(kind === 'sharing' ? 'catalog.resource.form.sharing' : 'catalog.resource.form.open')}>
        <Select allowClear data-testid={`resource-${kind}-type`} options={ATTRIBUTE_TYPES.map((a) => ({ value: a, label: msg(t, `catalog.${kind}.${a}`) }))} />
      </Form.Item>
      {watched?.[kind]?.type === 'conditional' && (
        <Form.Item
          name={[kind, 'conditions']}
          label={t(kind === 'sharing' ? 'catalog.resource.form.sharingConditions' : 'catalog.resource.form.openConditions')}
          rules={[{ required: true, whitespace: true, message: t('catalog.rule.conditions_required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid={`resource-${kind}-conditions`} />
        </Form.Item>
      )}
      {watched?.[kind]?.type === 'none' && (
        <Form.Item
          name={[kind, 'legalBasis']}
          label={t(kind === 'sharing' ? 'catalog.resource.form.sharingLegalBasis' : 'catalog.resource.form.openLegalBasis')}
          rules={kind === 'sharing' ? [{ required: true, whitespace: true, message: t('catalog.rule.legal_basis_required') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid={`resource-${kind}-basis`} />
        </Form.Item>
      )}
    </>
  );

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('catalog.resource.form.title')}</Typography.Title>
      </div>
      <Card style={{ maxWidth: 960 }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="resource-form-error" />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ updateFrequency: 'monthly', format: 'table', fields: [newField()] }}
          onFinish={async (v) => {
            setError(null);
            if (formProblems(t, v).length) return;
            setBusy(true);
            try {
              const dz = v.descriptionZh?.trim();
              const de = v.descriptionEn?.trim();
              const sharing = toAttribute(v.sharing);
              const open = toAttribute(v.open);
              const body = {
                title: { zh: v.titleZh.trim(), en: v.titleEn.trim() },
                ...(dz && de ? { description: { zh: dz, en: de } } : {}),
                categoryId: v.categoryId,
                ...(v.systemName?.trim() ? { systemName: v.systemName.trim() } : {}),
                ...(v.systemId ? { systemId: v.systemId } : {}),
                updateFrequency: v.updateFrequency,
                format: v.format,
                ...(v.timeFrom || v.timeTo ? { timeSpan: { ...(v.timeFrom ? { from: v.timeFrom } : {}), ...(v.timeTo ? { to: v.timeTo } : {}) } } : {}),
                ...(v.coverage?.trim() ? { coverage: v.coverage.trim() } : {}),
                ...(sharing ? { sharing } : {}),
                ...(open ? { open } : {}),
                fields: v.fields.map((f) => ({
                  name: f.name.trim(),
                  label: { zh: f.labelZh.trim(), en: f.labelEn.trim() },
                  ...(f.binding === 'element' ? { elementId: f.elementId! } : { dataType: f.dataType! }),
                  key: !!f.key,
                  grade: gradeBody(f.grade),
                })),
              };
              const created = (await unwrap(api.POST('/api/v1/catalog/resources', { body }))) as CatalogResource;
              message.success(t('catalog.resource.form.created', { title: orgName(created.title, locale) }));
              navigate(`/console/catalog/resources/${created.id}`);
            } catch (err) {
              setError(refusal(err, t));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Divider titlePlacement="start">{t('catalog.resource.form.basics')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="titleZh" label={t('catalog.resource.form.titleZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.resource.form.titleRequired') }]}>
                <Input data-testid="resource-title-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleEn" label={t('catalog.resource.form.titleEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.resource.form.titleRequired') }]}>
                <Input data-testid="resource-title-en" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="descriptionZh" label={t('catalog.resource.form.descriptionZh')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
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
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="categoryId" label={t('catalog.resource.form.category')} rules={[{ required: true, message: t('catalog.resource.form.categoryRequired') }]}>
                <TreeSelect treeDefaultExpandAll treeData={categories.tree} data-testid="resource-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="updateFrequency" label={t('catalog.resource.form.frequency')}>
                <Select data-testid="resource-frequency" options={FREQUENCIES.map((f) => ({ value: f, label: msg(t, `catalog.resource.frequency.${f}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="format" label={t('catalog.resource.form.format')}>
                <Select data-testid="resource-format" options={RESOURCE_FORMATS.map((f) => ({ value: f, label: msg(t, `catalog.resource.format.${f}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="timeFrom" label={t('catalog.resource.form.timeFrom')}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="timeTo"
                label={t('catalog.resource.form.timeTo')}
                dependencies={['timeFrom']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_r, value: string | undefined) => {
                      const from = getFieldValue('timeFrom') as string | undefined;
                      if (from && value && from > value) throw new Error(t('catalog.resource.form.timeInvalid'));
                    },
                  }),
                ]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="coverage" label={t('catalog.resource.form.coverage')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="systemId" label={t('catalog.resource.form.system')} extra={t('catalog.resource.form.systemHint')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  loading={systems.loading}
                  data-testid="resource-system"
                  options={(systems.data ?? []).map((s) => ({ value: s.id, label: orgName(s.name, locale) }))}
                  onChange={(id?: string) => {
                    const chosen = (systems.data ?? []).find((s) => s.id === id);
                    if (chosen) form.setFieldValue('systemName', chosen.name.zh);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="systemName" label={t('catalog.resource.form.systemName')}>
                <Input maxLength={200} data-testid="resource-system-name" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('catalog.resource.form.fields')}</Divider>
          <Form.List name="fields" rules={[{ validator: async (_r, list: unknown[]) => { if (!list?.length) throw new Error(t('catalog.resource.form.fieldsRequired')); } }]}>
            {(items, { add, remove }, { errors }) => (
              <>
                {items.map((item, index) => (
                  <Card
                    key={item.key}
                    size="small"
                    style={{ marginBottom: 16 }}
                    title={t('catalog.resource.form.fieldN', { n: index + 1 })}
                    data-testid={`resource-field-${index}`}
                    extra={
                      items.length > 1 && (
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('catalog.resource.form.removeField')} onClick={() => remove(item.name)} />
                      )
                    }
                  >
                    <FieldInputs t={t} name={item.name} index={index} />
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newField())} data-testid="resource-add-field" block>
                  {t('catalog.resource.form.addField')}
                </Button>
              </>
            )}
          </Form.List>

          <Divider titlePlacement="start">{t('catalog.resource.form.attributes')}</Divider>
          <Typography.Paragraph type="secondary">{t('catalog.resource.form.publicNeedsAttributes')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {attributeInputs('sharing')}
            </Col>
            <Col xs={24} md={12}>
              {attributeInputs('open')}
            </Col>
          </Row>
          <Space wrap style={{ marginBottom: 16 }} data-testid="resource-level-preview">
            <span>{t('catalog.resource.form.levelPreview')}</span>
            <LevelTag t={t} level={level.level} generalLevel={level.generalLevel} />
            <span>{msg(t, `catalog.grade.pi.${level.personalInfo}`)}</span>
          </Space>
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="resource-rule-alert"
              message={t('catalog.rule.title')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} disabled={problems.length > 0} data-testid="resource-submit-form">
              {t('common.submit')}
            </Button>
            <Button onClick={() => navigate('/console/catalog/resources')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}

function FieldInputs({ t, name, index }: { t: Translate; name: number; index: number }) {
  const form = Form.useFormInstance<Values>();
  const binding = Form.useWatch(['fields', name, 'binding'], form) as FieldValues['binding'] | undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name={[name, 'name']}
          label={t('catalog.resource.form.fieldName')}
          rules={[
            { required: true, pattern: FIELD_NAME, message: t('catalog.resource.form.fieldNameRule') },
            {
              validator: async (_r, value: string | undefined) => {
                const all = (form.getFieldValue('fields') as Array<Partial<FieldValues> | undefined>).map((f) => f?.name?.trim());
                if (value && all.filter((n) => n === value.trim()).length > 1) throw new Error(t('catalog.resource.form.fieldNameDuplicate'));
              },
            },
          ]}
        >
          <Input className="lt-mono" maxLength={63} data-testid={`field-${index}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'labelZh']} label={t('catalog.resource.form.labelZh')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.resource.form.labelRequired') }]}>
          <Input data-testid={`field-${index}-label-zh`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'labelEn']} label={t('catalog.resource.form.labelEn')} rules={[{ required: true, whitespace: true, max: 200, message: t('catalog.resource.form.labelRequired') }]}>
          <Input data-testid={`field-${index}-label-en`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'binding']} label={t('catalog.resource.form.binding')}>
          <Radio.Group
            data-testid={`field-${index}-binding`}
            options={[
              { value: 'element', label: t('catalog.resource.form.bindElement') },
              { value: 'type', label: t('catalog.resource.form.bindType') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {binding === 'type' ? (
          <Form.Item name={[name, 'dataType']} label={t('catalog.resource.form.dataType')} rules={[{ required: true, message: t('catalog.resource.form.dataType') }]}>
            <Select data-testid={`field-${index}-type`} options={DATA_TYPES.map((d) => ({ value: d, label: msg(t, `catalog.type.${d}`) }))} />
          </Form.Item>
        ) : (
          <Form.Item name={[name, 'elementId']} label={t('catalog.resource.form.element')} rules={[{ required: true, message: t('catalog.resource.form.elementRequired') }]}>
            <ElementSelect t={t} testId={`field-${index}-element`} />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={4}>
        <Form.Item name={[name, 'key']} valuePropName="checked" label=" " colon={false}>
          <Checkbox data-testid={`field-${index}-key`}>{t('catalog.resource.form.key')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Row gutter={16}>
          <GradeCols t={t} name={name} index={index} />
        </Row>
      </Col>
    </Row>
  );
}

function GradeCols({ t, name, index }: { t: Translate; name: number; index: number }) {
  return (
    <Col xs={24}>
      <GradeInputs t={t} path={[name, 'grade']} absolute={['fields', name, 'grade']} testId={`field-${index}-grade`} />
    </Col>
  );
}

/** A data element picker that searches GET /catalog/elements?q= as the user types (active elements only). */
function ElementSelect({ t, testId, value, onChange }: { t: Translate; testId: string; value?: string; onChange?(v: string): void }) {
  const { locale } = useI18n();
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const search = useMemo(
    () => async (q: string) => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const r = await unwrap(api.GET('/api/v1/catalog/elements', { params: { query: { ...(q.trim() ? { q: q.trim() } : {}), status: 'active', sort: 'identifier', order: 'asc', page: 1, pageSize: 20 } } }));
        if (mine === seq.current) setOptions(r.items.map((e) => ({ value: e.id, label: `${e.identifier} · ${orgName(e.name, locale)}` })));
      } catch {
        if (mine === seq.current) setOptions([]);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [locale],
  );
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      loading={loading}
      placeholder={t('catalog.resource.form.elementSearch')}
      options={options}
      onSearch={(q) => void search(q)}
      onFocus={() => {
        if (!options.length) void search('');
      }}
      data-testid={testId}
    />
  );
}
