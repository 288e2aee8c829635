/**
 * The registration application form (登记申请): the subject — one of the organisation's catalog
 * resources (its own social data) or one of its operator products (under an authorized-operation
 * agreement) — the object kind and names, the scenario (who uses it and for what: 无场景不登记),
 * the sources with their records, and the three rights (数据资源持有权、数据加工使用权、数据产品经营权)
 * with their holders, basis, scope and term. "Save draft" keeps it; "Submit" saves and asks for the
 * completeness and legality check, whose problems (409 REGISTRY_INCOMPLETE) are listed in words.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Divider, Empty, Form, Input, Radio, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { orgName } from '../../format/labels';
import { shanghaiDate } from '../authorization/agreement.rules';
import { purposeOf } from '../authorization/authorization.view';
import {
  draftBody, draftValues, emptyDraft, FORM_TYPES, incompleteRows, LIMITS, MAX_SOURCES, OBJECT_KINDS, problemsOf, RIGHTS, SOURCE_KINDS,
  type DraftValues, type RightKind, type SourceKind,
} from './registry.rules';
import { msg, objectKindLabel, ProblemList, RegistryTypeTag, rightLabel, sourceKindLabel, text, type Application } from './registry.view';

/** The types this form edits: a first registration, or a change or correction of a registered asset (its record). */
type FormType = 'first' | 'change' | 'correction';
type FormValues = DraftValues & { grounds?: string };
const ASSET_ID = /^rga_[0-9a-z]{20}$/;

const PAGE = { page: 1, pageSize: 200 } as const;

/** What the pickers offer: the organisation's resources, products, active agreements (as operator), approved authorizations it asked for, and the directory. */
function useChoices(orgId: string) {
  const resources = useApiResource(`registry-form-resources-${orgId}`, async () => (await unwrap(api.GET('/api/v1/catalog/resources', { params: { query: { sourceOrgId: orgId, ...PAGE } } }))).items);
  const products = useApiResource('registry-form-products', async () => (await unwrap(api.GET('/api/v1/authorization/products', { params: { query: { box: 'mine', status: 'declared', ...PAGE } } }))).items);
  const agreements = useApiResource('registry-form-agreements', async () => (await unwrap(api.GET('/api/v1/authorization/agreements', { params: { query: { box: 'mine', role: 'operator', status: 'active', ...PAGE } } }))).items);
  const consents = useApiResource('registry-form-consents', async () => (await unwrap(api.GET('/api/v1/authorization/consents', { params: { query: { box: 'requester', status: 'approved', ...PAGE } } }))).items);
  const orgs = useApiResource('registry-form-orgs', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { ...PAGE, sort: 'name', order: 'asc' } } }))).items);
  return { resources, products, agreements, consents, orgs };
}

export default function ApplicationFormPage() {
  const { applicationId } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const wanted = params.get('type');
  const assetParam = params.get('asset') ?? '';
  // A change or correction of a registered asset (?type=change&asset=rga_…) starts from the asset's current record.
  const laterType: FormType | null = !applicationId && (wanted === 'change' || wanted === 'correction') && ASSET_ID.test(assetParam) ? wanted : null;
  const existing = useApiResource(`registry-form-application-${applicationId ?? 'new'}`, async () =>
    applicationId ? unwrap(api.GET('/api/v1/registry/applications/{applicationId}', { params: { path: { applicationId } } })) : null,
  );
  const base = useApiResource(`registry-form-asset-${laterType ?? ''}-${laterType ? assetParam : ''}`, async () => {
    if (!laterType) return null;
    const asset = await unwrap(api.GET('/api/v1/registry/applications/{applicationId}', { params: { path: { applicationId: assetParam } } }));
    const currentId = asset.asset?.currentId;
    const current = currentId && currentId !== asset.id ? await unwrap(api.GET('/api/v1/registry/applications/{applicationId}', { params: { path: { applicationId: currentId } } })) : asset;
    return { asset, current };
  });
  if (!me) return null;
  if (laterType) {
    const b = base.data && base.data.asset.id === assetParam ? base.data : undefined;
    if (base.loading && !b) return <Skeleton active />;
    if (!b) return <Alert type="error" showIcon title={base.error} data-testid="registry-form-load-error" />;
    return <ApplicationForm key={`${laterType}-${assetParam}`} orgId={me.orgId} application={null} initialProblems={null} type={laterType} asset={b.asset} base={b.current} />;
  }
  if (applicationId) {
    const a = existing.data && existing.data.id === applicationId ? existing.data : undefined;
    if (existing.loading && !a) return <Skeleton active />;
    if (!a) return <Alert type="error" showIcon title={existing.error} data-testid="registry-form-load-error" />;
    if (!FORM_TYPES.includes(a.type as FormType)) {
      return (
        <Alert
          type="info"
          showIcon
          data-testid="registry-form-not-form"
          title={t('registry.form.notForm')}
          action={<Link to={`/console/registry/applications/${a.id}`}>{t('registry.form.toDetail')}</Link>}
        />
      );
    }
    if (a.status !== 'draft') {
      return (
        <Alert
          type="info"
          showIcon
          data-testid="registry-form-not-draft"
          title={t('registry.form.notDraft')}
          action={<Link to={`/console/registry/applications/${a.id}`}>{t('registry.form.toDetail')}</Link>}
        />
      );
    }
    const state = location.state as { problems?: unknown } | null;
    return <ApplicationForm key={a.id} orgId={me.orgId} application={a} initialProblems={Array.isArray(state?.problems) ? (state.problems as string[]) : null} type={a.type as FormType} asset={null} base={null} />;
  }
  return <ApplicationForm key="new" orgId={me.orgId} application={null} initialProblems={null} type="first" asset={null} base={null} />;
}

function ApplicationForm(props: {
  orgId: string;
  application: Application | null;
  initialProblems: string[] | null;
  type: FormType;
  /** A new change or correction: the asset (its first registration) and the record it starts from. */
  asset: Application | null;
  base: Application | null;
}) {
  const { orgId, application, initialProblems, type, asset, base } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[] | null>(initialProblems);
  const today = shanghaiDate();
  const choices = useChoices(orgId);
  const watched = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const assetId = application ? application.assetId : asset?.id ?? null;
  const subjectKind = watched?.subjectKind ?? (application?.productId ? 'product' : 'resource');
  const incomplete = incompleteRows(watched ?? {});
  const orgOptions = (choices.orgs.data ?? []).filter((o) => o.status === 'active').map((o) => ({ value: o.id, label: orgName(o.name, locale) }));
  const resourceOptions = (choices.resources.data ?? []).map((r) => ({ value: r.id, label: orgName(r.title, locale) }));

  /** Saves the draft (creates it the first time) and returns its id. */
  const save = async (v: FormValues): Promise<string> => {
    const body = { ...draftBody(v), ...(type === 'correction' ? { grounds: (v.grounds ?? '').trim() || null } : {}) };
    if (application) {
      await unwrap(api.PATCH('/api/v1/registry/applications/{applicationId}', { params: { path: { applicationId: application.id } }, body }));
      return application.id;
    }
    return (await unwrap(api.POST('/api/v1/registry/applications', { body: { type, ...(type !== 'first' && assetId ? { assetId } : {}), ...body } }))).id;
  };

  const run = async (action: 'save' | 'submit') => {
    let v: FormValues;
    try {
      await form.validateFields();
      v = form.getFieldsValue(true) as FormValues;
    } catch {
      return;
    }
    setBusy(action);
    setError(null);
    let id: string | null = application?.id ?? null;
    try {
      id = await save(v);
      if (action === 'save') {
        message.success(t('registry.form.saved'));
        setProblems(null);
        if (!application) navigate(`/console/registry/applications/${id}/edit`, { replace: true });
        return;
      }
      await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/submit', { params: { path: { applicationId: id } } }));
      message.success(t('registry.form.submitted'));
      navigate(`/console/registry/applications/${id}`);
    } catch (err) {
      const found = problemsOf(err);
      if (found) {
        setProblems(found);
        // A new draft was saved before the check: go on editing it.
        if (!application && id) navigate(`/console/registry/applications/${id}/edit`, { replace: true, state: { problems: found } });
      } else {
        setError(errorMessage(err, t));
      }
    } finally {
      setBusy(null);
    }
  };

  /** Choosing a subject fills what follows from it while it is still empty: the own-collection source, or the product's kind and agreement. */
  const onValuesChange = (changed: Partial<DraftValues>) => {
    // Another kind of source takes another kind of record.
    (changed.sources ?? []).forEach((s, i) => {
      if (s && 'kind' in s && s.kind) form.setFieldValue(['sources', i], { ...form.getFieldValue(['sources', i]), ref: undefined, counterpartyOrgId: undefined });
    });
    const v = form.getFieldsValue(true) as DraftValues;
    const first = v.sources?.[0];
    const firstEmpty = !first || !(first.ref ?? '').trim();
    if (changed.resourceId && firstEmpty && (!first?.kind || first.kind === 'own_collection')) {
      form.setFieldValue(['sources', 0], { ...(first ?? {}), kind: 'own_collection', ref: changed.resourceId });
    }
    if (changed.productId) {
      const p = choices.products.data?.find((x) => x.id === changed.productId);
      if (p) {
        if ((OBJECT_KINDS as readonly string[]).includes(p.kind)) form.setFieldValue('objectKind', p.kind);
        if (!(v.titleZh ?? '').trim() && !(v.titleEn ?? '').trim()) form.setFieldsValue({ titleZh: p.name.zh, titleEn: p.name.en });
        if (firstEmpty) form.setFieldValue(['sources', 0], { ...(first ?? {}), kind: 'authorized_operation', ref: p.agreementId });
      }
    }
  };

  const rightIndex = (kind: RightKind) => RIGHTS.indexOf(kind);

  return (
    <div>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]}>
          <Typography.Title level={3} data-testid="registry-form-title" data-type={type} style={{ margin: 0 }}>
            {type !== 'first' ? msg(t, `registry.form.${type}Title`) : application ? t('registry.form.editTitle') : t('registry.form.newTitle')}
          </Typography.Title>
          {type !== 'first' && <RegistryTypeTag t={t} type={type} />}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{type === 'first' ? t('registry.form.intro') : msg(t, `registry.form.${type}Intro`)}</Typography.Paragraph>
      {type !== 'first' && assetId && (
        <Typography.Paragraph>
          <Link to={`/console/registry/applications/${assetId}`} data-testid="registry-form-asset">
            {t('registry.form.assetOf', { title: asset ? text(asset.title, locale) : assetId })}
          </Link>
        </Typography.Paragraph>
      )}
      <Card style={{ maxWidth: 1040 }} data-testid="registry-form" data-application={application?.id ?? ''}>
        {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} data-testid="registry-form-error" onClose={() => setError(null)} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={
            application
              ? { ...draftValues(application, orgId, today), grounds: application.grounds ?? '' }
              : base
                ? draftValues(base, orgId, today)
                : emptyDraft(orgId, today)
          }
          onValuesChange={onValuesChange}
        >
          {type === 'correction' && (
            <Form.Item name="grounds" label={t('registry.form.grounds')} rules={[{ max: LIMITS.reason }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={LIMITS.reason} placeholder={t('registry.form.groundsPlaceholder')} data-testid="registry-form-grounds" />
            </Form.Item>
          )}
          <Divider titlePlacement="start">{t('registry.form.subject')}</Divider>
          <Form.Item name="subjectKind" label={t('registry.field.subjectKind')}>
            <Radio.Group
              data-testid="registry-form-subject-kind"
              options={[
                { value: 'resource', label: t('registry.subject.resource') },
                { value: 'product', label: t('registry.subject.product') },
              ]}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {subjectKind === 'resource' ? (
                <Form.Item name="resourceId" label={t('registry.field.resource')} extra={t('registry.form.resourceHint')}>
                  <Select
                    showSearch
                    allowClear
                    optionFilterProp="label"
                    loading={choices.resources.loading}
                    placeholder={t('registry.form.resourcePlaceholder')}
                    notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.form.noResources')} />}
                    options={resourceOptions}
                    data-testid="registry-form-resource"
                  />
                </Form.Item>
              ) : (
                <Form.Item name="productId" label={t('registry.field.product')} extra={t('registry.form.productHint')}>
                  <Select
                    showSearch
                    allowClear
                    optionFilterProp="label"
                    loading={choices.products.loading}
                    placeholder={t('registry.form.productPlaceholder')}
                    notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.form.noProducts')} />}
                    options={(choices.products.data ?? []).map((p) => ({ value: p.id, label: orgName(p.name, locale) }))}
                    data-testid="registry-form-product"
                  />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="objectKind" label={t('registry.field.objectKind')} rules={[{ required: true, message: t('registry.form.required') }]}>
                <Select options={OBJECT_KINDS.map((k) => ({ value: k, label: objectKindLabel(t, k) }))} data-testid="registry-form-object-kind" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('registry.form.basics')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="titleZh" label={t('registry.field.titleZh')} rules={[{ required: true, whitespace: true, max: LIMITS.title, message: t('registry.form.required') }]}>
                <Input maxLength={LIMITS.title} data-testid="registry-form-title-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleEn" label={t('registry.field.titleEn')} rules={[{ required: true, whitespace: true, max: LIMITS.title, message: t('registry.form.required') }]}>
                <Input maxLength={LIMITS.title} data-testid="registry-form-title-en" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('registry.field.description')} rules={[{ max: LIMITS.description }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={LIMITS.description} data-testid="registry-form-description" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('registry.form.scenario')}</Divider>
          <Typography.Paragraph type="secondary">{t('registry.form.scenarioHint')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="scenarioUsers" label={t('registry.field.scenarioUsers')} rules={[{ max: LIMITS.users }]}>
                <Input maxLength={LIMITS.users} placeholder={t('registry.form.usersPlaceholder')} data-testid="registry-form-scenario-users" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="scenarioPurpose" label={t('registry.field.scenarioPurpose')} rules={[{ max: LIMITS.purpose }]}>
                <Input maxLength={LIMITS.purpose} placeholder={t('registry.form.purposePlaceholder')} data-testid="registry-form-scenario-purpose" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="scenarioDescription" label={t('registry.field.scenarioDescription')} rules={[{ max: LIMITS.scenarioDescription }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={LIMITS.scenarioDescription} data-testid="registry-form-scenario-description" />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('registry.form.sources')}</Divider>
          <Typography.Paragraph type="secondary">{t('registry.form.sourcesHint')}</Typography.Paragraph>
          <Form.List name="sources">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((item, index) => (
                  <SourceRow
                    key={item.key}
                    t={t}
                    index={index}
                    name={item.name}
                    kind={watched?.sources?.[index]?.kind}
                    incomplete={incomplete.sources.includes(index)}
                    onRemove={() => remove(item.name)}
                    refOptions={{
                      own_collection: resourceOptions,
                      authorized_operation: (choices.agreements.data ?? []).map((a) => ({ value: a.id, label: `${purposeOf(t, a)} · ${a.id}` })),
                      data_subject_authorization: (choices.consents.data ?? []).map((c) => ({ value: c.id, label: `${c.items.map((i) => orgName(i.name, locale)).join('、')} · ${c.id}` })),
                    }}
                    orgOptions={orgOptions}
                  />
                ))}
                {items.length < MAX_SOURCES && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'own_collection' })} data-testid="registry-form-add-source">
                    {t('registry.form.addSource')}
                  </Button>
                )}
              </Space>
            )}
          </Form.List>

          <Divider titlePlacement="start">{t('registry.form.rights')}</Divider>
          <Typography.Paragraph type="secondary">{t('registry.form.rightsHint')}</Typography.Paragraph>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {RIGHTS.map((kind) => (
              <Card
                key={kind}
                size="small"
                type="inner"
                data-testid={`registry-form-right-${kind}`}
                title={
                  <Space wrap size={[8, 4]}>
                    <span>{rightLabel(t, kind)}</span>
                    {incomplete.rights.includes(kind) && <Tag color="orange">{t('registry.form.rowIncomplete')}</Tag>}
                  </Space>
                }
              >
                <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                  {msg(t, `registry.right.hint.${kind}`)}
                </Typography.Paragraph>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name={['rights', rightIndex(kind), 'holderOrgId']} label={t('registry.field.holder')}>
                      <Select showSearch optionFilterProp="label" loading={choices.orgs.loading} options={orgOptions} data-testid={`registry-form-right-${kind}-holder`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={['rights', rightIndex(kind), 'termFrom']} label={t('registry.field.termFrom')}>
                      <Input type="date" data-testid={`registry-form-right-${kind}-from`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={['rights', rightIndex(kind), 'termTo']} label={t('registry.field.termTo')} extra={t('registry.form.termToHint')}>
                      <Input type="date" data-testid={`registry-form-right-${kind}-to`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={['rights', rightIndex(kind), 'basis']} label={t('registry.field.basis')} rules={[{ max: LIMITS.basis }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={LIMITS.basis} placeholder={t('registry.form.basisPlaceholder')} data-testid={`registry-form-right-${kind}-basis`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={['rights', rightIndex(kind), 'scope']} label={t('registry.field.scope')} rules={[{ max: LIMITS.scope }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={LIMITS.scope} placeholder={t('registry.form.scopePlaceholder')} data-testid={`registry-form-right-${kind}-scope`} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
          </Space>

          {(incomplete.sources.length > 0 || incomplete.rights.length > 0) && (
            <Alert type="info" showIcon style={{ margin: '16px 0 0' }} title={t('registry.form.incompleteRows')} data-testid="registry-form-incomplete" />
          )}
          <Divider />
          {problems && problems.length > 0 && <ProblemList t={t} problems={problems} title={t('registry.problems.title')} />}
          <Space wrap>
            <Button type="primary" loading={busy === 'submit'} disabled={busy !== null} onClick={() => run('submit')} data-testid="registry-form-submit">
              {t('registry.form.submit')}
            </Button>
            <Button loading={busy === 'save'} disabled={busy !== null} onClick={() => run('save')} data-testid="registry-form-save">
              {t('registry.form.save')}
            </Button>
            <Button onClick={() => navigate(application ? `/console/registry/applications/${application.id}` : assetId ? `/console/registry/applications/${assetId}` : '/console/registry')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}

/** One source: its kind, its record (a picker for records on this platform, the digest for a purchase contract), the counterparty of a purchase, a description. */
function SourceRow(props: {
  t: Translate;
  index: number;
  name: number;
  kind: SourceKind | undefined;
  incomplete: boolean;
  onRemove(): void;
  refOptions: Record<'own_collection' | 'authorized_operation' | 'data_subject_authorization', Array<{ value: string; label: string }>>;
  orgOptions: Array<{ value: string; label: string }>;
}) {
  const { t, index, name, kind } = props;
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`registry-form-source-${index}`}
      title={
        <Space wrap size={[8, 4]}>
          <span>{t('registry.form.sourceN', { n: index + 1 })}</span>
          {props.incomplete && <Tag color="orange">{t('registry.form.rowIncomplete')}</Tag>}
        </Space>
      }
      extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('registry.form.removeSource')} onClick={props.onRemove} data-testid={`registry-form-remove-source-${index}`} />}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'kind']} label={t('registry.field.sourceKind')}>
            <Select options={SOURCE_KINDS.map((k) => ({ value: k, label: sourceKindLabel(t, k) }))} data-testid={`registry-form-source-${index}-kind`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          {kind && kind !== 'purchase_contract' ? (
            <Form.Item name={[name, 'ref']} label={msg(t, `registry.sourceRef.${kind}`)}>
              <Select showSearch allowClear optionFilterProp="label" options={props.refOptions[kind]} notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={msg(t, `registry.sourceRef.${kind}None`)} />} data-testid={`registry-form-source-${index}-ref`} />
            </Form.Item>
          ) : (
            <Form.Item name={[name, 'ref']} label={t('registry.sourceRef.purchase_contract')} extra={t('registry.form.digestHint')} rules={[{ max: LIMITS.ref }]}>
              <Input maxLength={LIMITS.ref} className="lt-mono" placeholder={t('registry.form.digestPlaceholder')} data-testid={`registry-form-source-${index}-ref`} />
            </Form.Item>
          )}
        </Col>
        {kind === 'purchase_contract' && (
          <Col xs={24} md={12}>
            <Form.Item name={[name, 'counterpartyOrgId']} label={t('registry.field.counterparty')}>
              <Select showSearch allowClear optionFilterProp="label" options={props.orgOptions} data-testid={`registry-form-source-${index}-counterparty`} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={kind === 'purchase_contract' ? 12 : 24}>
          <Form.Item name={[name, 'description']} label={t('registry.field.sourceDescription')} rules={[{ max: LIMITS.sourceDescription }]}>
            <Input maxLength={LIMITS.sourceDescription} data-testid={`registry-form-source-${index}-description`} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
