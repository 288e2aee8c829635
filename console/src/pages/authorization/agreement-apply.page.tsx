import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Divider, Empty, Form, Input, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { orgName } from '../../format/labels';
import { LevelTag, refusal, useOrgNames } from '../catalog/resource.view';
import {
  AMOUNT, cleanScenarios, MAX_SCENARIOS, MAX_SCOPE, MAX_TERM_YEARS, MODES, modeProblem, shanghaiDate, termProblem, type Mode,
} from './agreement.rules';
import { modeLabel, msg } from './authorization.view';

type Resource = Awaited<ReturnType<typeof searchResources>>['items'][number];
interface ScopeEntry {
  resource: Resource;
  fields: string[];
}
interface Values {
  implementingOrgId: string;
  mode: Mode;
  domain?: string;
  scenarios: Array<string | undefined>;
  scope: ScopeEntry[];
  termFrom: string;
  termTo: string;
  feeAmount?: string;
  feeUnit?: string;
  securityObligations: string;
}

/** Units people write fee caps in (free text; these are suggestions). */
const FEE_UNITS = ['元/次', '元/条', '元/千次', '元/月', '元/年'];

const searchResources = (q: string, page: number) =>
  unwrap(api.GET('/api/v1/catalog/resources', { params: { query: { status: 'published', scope: 'public', ...(q ? { q } : {}), page, pageSize: 8 } } }));

/** Every rule the server would refuse, in words, computed from the form as it stands. */
export function applyProblems(t: Translate, locale: string, v: Partial<Values>, today: string): string[] {
  const out: string[] = [];
  const mode = v.mode ?? 'whole';
  const mp = modeProblem(mode, mode === 'domain' ? (v.domain ?? '') : null, cleanScenarios(v.scenarios ?? []));
  if (mp) out.push(msg(t, `authorization.rule.${mp}`));
  if (v.termFrom && v.termTo) {
    const tp = termProblem(v.termFrom, v.termTo, today, MAX_TERM_YEARS);
    if (tp) out.push(msg(t, `authorization.rule.term.${tp}`, { maxYears: MAX_TERM_YEARS }));
  }
  const scope = v.scope ?? [];
  if (!scope.length) out.push(t('authorization.rule.scope_empty'));
  for (const s of scope) if (!s.fields.length) out.push(t('authorization.rule.scope_fields', { resource: orgName(s.resource.title, locale) }));
  if (!!v.feeAmount?.trim() !== !!v.feeUnit?.trim()) out.push(t('authorization.rule.fee_pair'));
  return out;
}

/**
 * The operator's application for authorized operation (授权运营申请): the implementing body, the
 * mode and what it covers (domain, scenarios), the scope (published public-data resources and
 * their fields), the term, the service-fee cap and the security obligations. The rules are shown
 * before sending; the server checks them again and the scope against the catalog.
 */
export default function AgreementApplyPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = shanghaiDate();
  const bodies = useApiResource('implementing-bodies', async () =>
    (await unwrap(api.GET('/api/v1/orgs', { params: { query: { role: 'implementing_body', page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items,
  );
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const problems = applyProblems(t, locale, watched ?? {}, today);
  const mode = watched?.mode ?? 'whole';

  return (
    <div>
      <div className="lt-page-header">
        <Typography.Title level={3}>{t('authorization.apply.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('authorization.apply.intro')}</Typography.Paragraph>
      <Card style={{ maxWidth: 1040 }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="apply-error" />}
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="apply-rules"
          message={t('authorization.apply.rules.title')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('authorization.apply.rules.modes')}</li>
              <li>{t('authorization.apply.rules.term', { maxYears: MAX_TERM_YEARS })}</li>
              <li>{t('authorization.apply.rules.scope')}</li>
              <li>{t('authorization.apply.rules.fee')}</li>
            </ul>
          }
        />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ mode: 'whole', scenarios: [''], scope: [], termFrom: today, termTo: shanghaiDate(new Date(), 3) }}
          onFinish={async (v) => {
            setError(null);
            if (applyProblems(t, locale, v, today).length) return;
            setBusy(true);
            try {
              const amount = v.feeAmount?.trim();
              const unit = v.feeUnit?.trim();
              const created = await unwrap(
                api.POST('/api/v1/authorization/agreements', {
                  body: {
                    implementingOrgId: v.implementingOrgId,
                    mode: v.mode,
                    ...(v.mode === 'domain' ? { domain: v.domain!.trim() } : {}),
                    scenarios: cleanScenarios(v.scenarios),
                    scope: v.scope.map((s) => ({ resourceId: s.resource.id, fields: s.fields })),
                    termFrom: v.termFrom,
                    termTo: v.termTo,
                    ...(amount && unit ? { feeCap: { amount, unit } } : {}),
                    securityObligations: v.securityObligations.trim(),
                  },
                }),
              );
              message.success(t('authorization.apply.done'));
              navigate(`/console/authorization/agreements/${created.id}`);
            } catch (err) {
              setError(refusal(err, t));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Divider titlePlacement="start">{t('authorization.apply.parties')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="implementingOrgId" label={t('authorization.field.implementingBody')} rules={[{ required: true, message: t('authorization.apply.implementingRequired') }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={bodies.loading}
                  placeholder={t('authorization.apply.implementingPlaceholder')}
                  data-testid="apply-implementing"
                  options={(bodies.data ?? []).filter((o) => o.status === 'active' && o.id !== me?.orgId).map((o) => ({ value: o.id, label: orgName(o.name, locale) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('authorization.field.operator')}>
                <Input disabled value={me?.organisation ? orgName(me.organisation.name, locale) : ''} />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('authorization.apply.what')}</Divider>
          <Form.Item name="mode" label={t('authorization.field.mode')}>
            <Radio.Group data-testid="apply-mode" options={MODES.map((m) => ({ value: m, label: modeLabel(t, m) }))} />
          </Form.Item>
          <Typography.Paragraph type="secondary" data-testid="apply-mode-hint">
            {msg(t, `authorization.mode.hint.${mode}`)}
          </Typography.Paragraph>
          {mode === 'domain' && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="domain" label={t('authorization.field.domain')} rules={[{ required: true, whitespace: true, max: 200, message: t('authorization.rule.domain_required') }]}>
                  <Input maxLength={200} placeholder={t('authorization.apply.domainPlaceholder')} data-testid="apply-domain" />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Form.List name="scenarios">
            {(items, { add, remove }) => (
              <Form.Item label={t('authorization.field.scenarios')} extra={mode === 'scenario' ? t('authorization.apply.oneScenario') : t('authorization.apply.scenariosHint')}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {items.map((item, index) => (
                    <Space.Compact key={item.key} style={{ width: '100%' }}>
                      <Form.Item name={item.name} noStyle rules={[{ max: 500 }]}>
                        <Input maxLength={500} placeholder={t('authorization.apply.scenarioPlaceholder')} data-testid={`apply-scenario-${index}`} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={t('authorization.apply.removeScenario')} onClick={() => remove(item.name)} disabled={items.length <= 1} />
                    </Space.Compact>
                  ))}
                  {items.length < MAX_SCENARIOS && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} data-testid="apply-add-scenario">
                      {t('authorization.apply.addScenario')}
                    </Button>
                  )}
                </Space>
              </Form.Item>
            )}
          </Form.List>

          <Divider titlePlacement="start">{t('authorization.field.scope')}</Divider>
          <Form.Item name="scope" noStyle>
            <ScopePicker t={t} />
          </Form.Item>

          <Divider titlePlacement="start">{t('authorization.apply.terms')}</Divider>
          <Row gutter={16}>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="termFrom" label={t('authorization.field.termFrom')} rules={[{ required: true, message: t('authorization.apply.termRequired') }]}>
                <Input type="date" min={today} data-testid="apply-term-from" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="termTo" label={t('authorization.field.termTo')} rules={[{ required: true, message: t('authorization.apply.termRequired') }]} extra={t('authorization.apply.termHint', { maxYears: MAX_TERM_YEARS })}>
                <Input type="date" min={today} data-testid="apply-term-to" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="feeAmount" label={t('authorization.field.feeCapAmount')} rules={[{ pattern: AMOUNT, message: t('authorization.apply.amountRule') }]} extra={t('authorization.apply.feeHint')}>
                <Input inputMode="decimal" maxLength={15} suffix={t('authorization.apply.yuan')} data-testid="apply-fee-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="feeUnit" label={t('authorization.field.feeCapUnit')} rules={[{ max: 20, whitespace: true }]}>
                <AutoComplete options={FEE_UNITS.map((u) => ({ value: u }))} data-testid="apply-fee-unit">
                  <Input maxLength={20} />
                </AutoComplete>
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="securityObligations"
                label={t('authorization.field.securityObligations')}
                rules={[{ required: true, whitespace: true, max: 4000, message: t('authorization.apply.obligationsRequired') }]}
                extra={t('authorization.apply.obligationsHint')}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="apply-obligations" />
              </Form.Item>
            </Col>
          </Row>
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="apply-problems"
              message={t('authorization.rule.title')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy} disabled={problems.length > 0} data-testid="apply-submit">
              {t('authorization.apply.submit')}
            </Button>
            <Button onClick={() => navigate('/console/authorization/agreements')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}

/**
 * The scope: search published public-data resources, add them, and tick the fields of each (core
 * data can never be authorized, so core fields cannot be ticked).
 */
function ScopePicker({ t, value = [], onChange }: { t: Translate; value?: ScopeEntry[]; onChange?(next: ScopeEntry[]): void }) {
  const { locale } = useI18n();
  const sourceName = useOrgNames(locale);
  const [search, setSearch] = useState({ q: '', page: 1 });
  const found = useApiResource(`authorization-scope-search-${JSON.stringify(search)}`, () => searchResources(search.q, search.page));
  const set = (next: ScopeEntry[]) => onChange?.(next);
  const chosen = new Set(value.map((s) => s.resource.id));

  const columns: TableProps<Resource>['columns'] = [
    { title: t('authorization.col.resource'), key: 'title', render: (_: unknown, r: Resource) => <Link to={`/console/catalog/resources/${r.id}`} target="_blank">{orgName(r.title, locale)}</Link> },
    { title: t('authorization.col.source'), dataIndex: 'sourceOrgId', key: 'source', render: (id: string) => sourceName(id) },
    { title: t('authorization.col.level'), key: 'level', render: (_: unknown, r: Resource) => <LevelTag t={t} level={r.grading.level} generalLevel={r.grading.generalLevel} /> },
    { title: t('authorization.col.fields'), key: 'fields', render: (_: unknown, r: Resource) => r.fields.length },
    {
      title: t('common.actions'),
      key: 'add',
      render: (_: unknown, r: Resource) => (
        <Button
          size="small"
          disabled={chosen.has(r.id) || value.length >= MAX_SCOPE || r.grading.level === 'core'}
          onClick={() => set([...value, { resource: r, fields: [] }])}
          data-testid={`scope-add-${r.id}`}
        >
          {chosen.has(r.id) ? t('authorization.scope.added') : t('authorization.scope.add')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="apply-scope">
      <Input.Search
        allowClear
        enterButton
        maxLength={100}
        style={{ width: 'min(420px, 100%)', marginBottom: 12 }}
        placeholder={t('authorization.scope.searchPlaceholder')}
        onSearch={(q) => setSearch({ q: q.trim(), page: 1 })}
        data-testid="scope-search"
      />
      {found.error && <Alert type="error" showIcon message={found.error} style={{ marginBottom: 12 }} />}
      <Table<Resource>
        rowKey="id"
        size="small"
        data-testid="scope-results"
        loading={found.loading}
        columns={columns}
        dataSource={found.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: search.page, pageSize: 8, total: found.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setSearch((p) => ({ ...p, page })) }}
      />
      <Typography.Title level={5}>{t('authorization.scope.chosen', { count: value.length, max: MAX_SCOPE })}</Typography.Title>
      {value.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('authorization.scope.none')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {value.map((s, i) => (
          <Card
            key={s.resource.id}
            size="small"
            data-testid={`scope-entry-${s.resource.id}`}
            title={orgName(s.resource.title, locale)}
            extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('authorization.scope.remove')} onClick={() => set(value.filter((_, j) => j !== i))} />}
          >
            <Space wrap style={{ marginBottom: 8 }}>
              <Button size="small" onClick={() => set(value.map((x, j) => (j === i ? { ...x, fields: x.resource.fields.filter((f) => f.grade?.level !== 'core').map((f) => f.name) } : x)))}>
                {t('authorization.scope.allFields')}
              </Button>
              <Button size="small" onClick={() => set(value.map((x, j) => (j === i ? { ...x, fields: [] } : x)))}>
                {t('authorization.scope.noFields')}
              </Button>
            </Space>
            <Checkbox.Group
              value={s.fields}
              onChange={(fields) => set(value.map((x, j) => (j === i ? { ...x, fields: fields as string[] } : x)))}
              data-testid={`scope-fields-${s.resource.id}`}
              options={s.resource.fields.map((f) => ({
                value: f.name,
                disabled: f.grade?.level === 'core',
                label: (
                  <span>
                    {orgName(f.label, locale)} <span className="lt-mono">({f.name})</span>
                    {f.grade?.level === 'core' && (
                      <Tag color="red" style={{ marginInlineStart: 4 }}>
                        {t('authorization.scope.core')}
                      </Tag>
                    )}
                  </span>
                ),
              }))}
            />
          </Card>
        ))}
      </Space>
    </div>
  );
}
