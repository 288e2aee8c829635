/**
 * One listing (挂牌详情): its content (asset and registration number, seller and broker, category,
 * region, data kinds, delivery, price in yuan, the sample, the usage policy and its ODRL reading),
 * its compliance assessments with their checklists, and the steps the viewer may take
 * (access.ts listingActions): the seller or its broker edits the draft, asks a compliance
 * assessor, submits once assessed, withdraws or delists; the named assessor records the
 * checklist and its evidence; the exchange approves, sends back, suspends, reinstates or delists
 * (with a reason where one is required); the regulator reads.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, Popconfirm, Row, Select, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { listingActions } from '../../access';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { ReasonModal } from './exchange.view';
import { CHECKLIST_ITEMS, LIMITS, type ChecklistItem, type Pricing } from './listing.rules';
import {
  categoryLabel, checklistLabel, ChecklistTable, dataKindLabel, deliveryLabel, listingActionLabel, ListingStatusTag, listingStatusLabel, PolicyView, PriceView, regionLabel,
  sampleKindLabel, SampleView, type Listing,
} from './listing.view';
import { RequestToBuy } from './negotiation.view';

type PartyStep = 'submit' | 'withdraw' | 'delist';
type ReviewStep = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'delist';
const FLOW = ['draft', 'assessing', 'assessed', 'submitted', 'listed'] as const;

export default function ListingDetailPage() {
  const { listingId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [round, setRound] = useState(0);
  const [asking, setAsking] = useState<'reject' | 'suspend' | 'delist' | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const res = useApiResource(`exchange-listing-${listingId}-${round}`, () => unwrap(api.GET('/api/v1/exchange/listings/{listingId}', { params: { path: { listingId } } })));
  const l = res.data && res.data.id === listingId ? res.data : undefined;
  if (res.loading && !l) return <Skeleton active />;
  if (!l) return <Alert type="error" showIcon title={res.error ?? t('exchange.listing.notFound')} data-testid="listing-load-error" />;
  const can = listingActions(l.viewerRole, l.status, me?.memberRole ?? null);
  const reload = () => setRound((r) => r + 1);
  const done = (action: string) => {
    message.success(t('exchange.listing.done', { action: listingActionLabel(t, action) }));
    reload();
  };

  const party = async (action: PartyStep) => {
    await unwrap(api.POST('/api/v1/exchange/listings/{listingId}/{action}', { params: { path: { listingId, action } }, body: {} }));
    done(action);
  };
  const review = async (action: ReviewStep, reason?: string) => {
    await unwrap(api.POST('/api/v1/exchange/listings/{listingId}/review/{action}', { params: { path: { listingId, action } }, body: reason ? { reason } : {} }));
    setAsking(null);
    done(action);
  };
  const now = async (key: string, step: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    try {
      await step();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const confirm = (testId: string, action: string, run: () => Promise<void>, opts: { primary?: boolean; danger?: boolean } = {}) => (
    <Popconfirm key={testId} title={t('exchange.listing.confirm', { action: listingActionLabel(t, action) })} okText={listingActionLabel(t, action)} cancelText={t('common.cancel')} onConfirm={() => now(testId, run)}>
      <Button type={opts.primary ? 'primary' : 'default'} danger={opts.danger} loading={busy === testId} data-testid={testId}>
        {listingActionLabel(t, action)}
      </Button>
    </Popconfirm>
  );
  const withReason = (action: 'reject' | 'suspend' | 'delist') => (
    <Button key={action} danger onClick={() => setAsking(action)} data-testid={`review-${action}`}>
      {listingActionLabel(t, action)}
    </Button>
  );

  const flowIndex = FLOW.indexOf(l.status as (typeof FLOW)[number]);
  const ended = l.status === 'delisted' || l.status === 'withdrawn';
  const current = l.assessments.filter((a) => a.current);

  return (
    <div>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]}>
          <Typography.Title level={3} data-testid="listing-title" style={{ margin: 0 }}>
            {orgName(l.title, locale)}
          </Typography.Title>
          <ListingStatusTag status={l.status} testId="listing-status" />
        </Space>
        <Space wrap data-testid="listing-actions">
          {can.edit && (
            <Button onClick={() => navigate(`/console/exchange/listings/${l.id}/edit`)} data-testid="listing-edit">
              {listingActionLabel(t, 'edit')}
            </Button>
          )}
          {can.requestAssessment && (
            <Button type="primary" onClick={() => setRequesting(true)} data-testid="listing-request-assessment">
              {listingActionLabel(t, 'request_assessment')}
            </Button>
          )}
          {can.submit && confirm('listing-submit', 'submit', () => party('submit'), { primary: true })}
          {can.withdraw && confirm('listing-withdraw', 'withdraw', () => party('withdraw'))}
          {can.delist && confirm('listing-delist', 'delist', () => party('delist'), { danger: true })}
          {can.approve && confirm('review-approve', 'approve', () => review('approve'), { primary: true })}
          {can.reject && withReason('reject')}
          {can.suspend && withReason('suspend')}
          {can.reinstate && confirm('review-reinstate', 'reinstate', () => review('reinstate'))}
          {can.exchangeDelist && withReason('delist')}
          <RequestToBuy listing={l} />
          {(l.viewerRole === 'party' || l.viewerRole === 'exchange' || l.viewerRole === 'regulator') && ['listed', 'suspended', 'delisted'].includes(l.status) && (
            <Button onClick={() => navigate(`/console/exchange/negotiations?listing=${l.id}${l.viewerRole === 'party' ? '' : '&all=1'}`)} data-testid="listing-negotiations">
              {t('exchange.listing.negotiations')}
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="listing-error" />}
      {l.reason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="listing-reason"
          title={l.reason === 'assessment_failed' ? t('exchange.listing.reason.assessment_failed') : `${t('exchange.col.reason')}: ${l.reason}`}
        />
      )}
      {(l.viewerRole === 'assessor' || l.viewerRole === 'regulator') && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(l.viewerRole === 'assessor' ? 'exchange.listing.viewerRole.assessor' : 'exchange.listing.viewerRole.regulator')} />
      )}
      {!ended && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Steps
            responsive
            size="small"
            current={flowIndex === -1 ? FLOW.length - 1 : flowIndex}
            status={l.status === 'suspended' ? 'error' : l.status === 'listed' ? 'finish' : 'process'}
            items={FLOW.map((s) => ({ title: s === 'listed' && l.status === 'suspended' ? listingStatusLabel(t, 'suspended') : listingStatusLabel(t, s) }))}
          />
        </Card>
      )}
      {can.assess && (
        <AssessmentForm
          listingId={l.id}
          onDone={() => {
            message.success(t('exchange.assess.done'));
            reload();
          }}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="listing-detail" data-status={l.status} data-viewer-role={l.viewerRole}>
          <Descriptions.Item label={t('exchange.listing.registrationNumber')}>
            <span className="lt-mono" data-testid="listing-registration-number">{l.registrationNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.seller')}>{orgName(l.seller.name, locale)}</Descriptions.Item>
          {l.broker && <Descriptions.Item label={t('exchange.listing.col.broker')}>{orgName(l.broker.name, locale)}</Descriptions.Item>}
          <Descriptions.Item label={t('exchange.listing.col.category')}>{categoryLabel(t, l.category)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.region')}>{regionLabel(t, l.region)}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.listingForm.dataKinds')}>
            <Space wrap size={[4, 4]}>
              {l.dataKinds.map((k) => <Tag key={k}>{dataKindLabel(t, k)}</Tag>)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.delivery')}>{l.deliveryMethods.map((d) => deliveryLabel(t, d)).join(t('exchange.sep.list'))}</Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.price')}>
            <PriceView pricing={l.pricing as Pricing} testId="listing-price" />
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.col.assessor')}>{l.assessorName ? orgName(l.assessorName, locale) : '—'}</Descriptions.Item>
          {l.publicDataTerms?.feeCap && (
            <Descriptions.Item label={t('exchange.listing.feeCap')}>
              {l.publicDataTerms.feeCap.amount} {l.publicDataTerms.feeCap.unit}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('exchange.listing.col.updatedAt')}>{formatTime(l.updatedAt, locale)}</Descriptions.Item>
          {l.listedAt && <Descriptions.Item label={t('exchange.listing.listedAt')}>{formatTime(l.listedAt, locale)}</Descriptions.Item>}
        </Descriptions>
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('exchange.listing.digest')}>
            <span className="lt-mono">{l.digest}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.listing.description')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{orgName(l.description, locale)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={`${t('exchange.listing.sample')} · ${sampleKindLabel(t, l.sample.kind)}`} style={{ height: '100%' }}>
            <SampleView sample={l.sample} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('exchange.listingForm.policy')} style={{ height: '100%' }}>
            <PolicyView policy={l.policy} />
          </Card>
        </Col>
      </Row>
      <Card title={t('exchange.assessments.title')} data-testid="listing-assessments" data-count={l.assessments.length} data-current={current.length}>
        {l.assessments.length === 0 ? (
          <Typography.Text type="secondary">{t('exchange.assessments.empty')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {[...l.assessments].reverse().map((a) => (
              <AssessmentCard key={a.id} a={a} />
            ))}
          </Space>
        )}
      </Card>
      {requesting && (
        <RequestAssessmentModal
          listing={l}
          onClose={() => setRequesting(false)}
          onSubmit={async (assessorOrgId) => {
            await unwrap(api.POST('/api/v1/exchange/listings/{listingId}/{action}', { params: { path: { listingId, action: 'request-assessment' } }, body: { assessorOrgId } }));
            setRequesting(false);
            done('request_assessment');
          }}
        />
      )}
      {asking && (
        <ReasonModal
          title={listingActionLabel(t, asking)}
          hint={t(asking === 'reject' ? 'exchange.listing.reason.reject' : 'exchange.listing.reason.sanction')}
          onClose={() => setAsking(null)}
          onSubmit={(reason) => review(asking, reason)}
        />
      )}
    </div>
  );
}

function AssessmentCard({ a }: { a: Listing['assessments'][number] }) {
  const { t, locale } = useI18n();
  return (
    <Card
      type="inner"
      size="small"
      data-testid={`assessment-${a.id}`}
      data-passed={a.passed}
      title={`${orgName(a.assessorName, locale)} · ${formatTime(a.createdAt, locale)}`}
      extra={
        <Space wrap size={[4, 4]}>
          <Tag color={a.passed ? 'green' : 'red'}>{a.passed ? t('exchange.assessments.passed') : t('exchange.assessments.failed')}</Tag>
          <Tag color={a.current ? 'blue' : 'default'}>{a.current ? t('exchange.assessments.current') : t('exchange.assessments.stale')}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph>
        <Typography.Text strong>{t('exchange.assessments.evidence')}: </Typography.Text>
        <span style={{ whiteSpace: 'pre-wrap' }}>{a.evidence}</span>
      </Typography.Paragraph>
      <ChecklistTable checklist={a.checklist} testId={`assessment-${a.id}-checklist`} />
    </Card>
  );
}

/** The seller (or its broker) names a compliance service provider member, or the exchange itself, as assessor. */
function RequestAssessmentModal(props: { listing: Listing; onClose(): void; onSubmit(assessorOrgId: string): Promise<void> }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ assessorOrgId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parties = [props.listing.seller.orgId, props.listing.broker?.orgId];
  const assessors = useApiResource('listing-assessors', async () =>
    (await unwrap(api.GET('/api/v1/public/exchange/members', { params: { query: { kind: 'service_provider', service: 'compliance', page: 1, pageSize: 100 } } }))).items,
  );
  // The exchange itself may assess (the server accepts its organisation as assessor).
  const exchanges = useApiResource('listing-assessor-exchange', async () => (await unwrap(api.GET('/api/v1/orgs', { params: { query: { role: 'exchange', page: 1, pageSize: 10, sort: 'name', order: 'asc' } } }))).items);
  const options = [
    ...(exchanges.data ?? []).filter((o) => !parties.includes(o.id)).map((o) => ({ value: o.id, label: t('exchange.requestAssessment.theExchange', { name: orgName(o.name, locale) }) })),
    ...(assessors.data ?? []).filter((m) => !parties.includes(m.orgId)).map((m) => ({ value: m.orgId, label: orgName(m.orgName, locale) })),
  ];
  return (
    <FormModal open title={listingActionLabel(t, 'request_assessment')} busy={busy} error={error ?? assessors.error} onCancel={props.onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('exchange.requestAssessment.intro')}</Typography.Paragraph>
      <Form<{ assessorOrgId: string }>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await props.onSubmit(v.assessorOrgId);
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="assessorOrgId" label={t('exchange.requestAssessment.assessor')} rules={[{ required: true, message: t('exchange.required') }]}>
          <Select loading={assessors.loading || exchanges.loading} options={options} notFoundContent={t('exchange.requestAssessment.none')} data-testid="assessor-select" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface AssessmentValues {
  checklist: Record<ChecklistItem, { passed: boolean; note: string }>;
  evidence: string;
}

/** The named assessor's checklist (合规评估): each item passed or not, with a note (required when not), and the evidence. */
function AssessmentForm({ listingId, onDone }: { listingId: string; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AssessmentValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checklist = Form.useWatch('checklist', form) as AssessmentValues['checklist'] | undefined;
  const allPassed = CHECKLIST_ITEMS.every((k) => checklist?.[k]?.passed === true);
  const initial: AssessmentValues = { checklist: Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, { passed: false, note: '' }])) as AssessmentValues['checklist'], evidence: '' };
  return (
    <Card title={t('exchange.assess.title')} style={{ marginBottom: 16 }} data-testid="assessment-form">
      <Typography.Paragraph type="secondary">{t('exchange.assess.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="assessment-error" />}
      <Form<AssessmentValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            const body = {
              checklist: Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, { passed: !!v.checklist[k].passed, note: (v.checklist[k].note ?? '').trim() }])) as AssessmentValues['checklist'],
              evidence: v.evidence.trim(),
            };
            await unwrap(api.POST('/api/v1/exchange/listings/{listingId}/assessment', { params: { path: { listingId } }, body }));
            onDone();
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        {CHECKLIST_ITEMS.map((item) => (
          <Row key={item} gutter={16} data-testid={`checklist-row-${item}`}>
            <Col xs={24} md={10}>
              <Form.Item name={['checklist', item, 'passed']} valuePropName="checked" extra={t(`exchange.checklist.${item}.hint`)} style={{ marginBottom: 8 }}>
                <Checkbox data-testid={`checklist-${item}`}>
                  {checklistLabel(t, item)} · {t('exchange.assess.passed')}
                </Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name={['checklist', item, 'note']}
                dependencies={[['checklist', item, 'passed']]}
                style={{ marginBottom: 8 }}
                rules={[
                  { max: LIMITS.note },
                  ({ getFieldValue }) => ({
                    validator: async (_: unknown, v: string | undefined) => {
                      if (!getFieldValue(['checklist', item, 'passed']) && !(v ?? '').trim()) throw new Error(t('exchange.assess.noteRequired'));
                    },
                  }),
                ]}
              >
                <Input maxLength={LIMITS.note} placeholder={t('exchange.assessments.note')} aria-label={`${checklistLabel(t, item)} ${t('exchange.assessments.note')}`} data-testid={`checklist-${item}-note`} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Form.Item name="evidence" label={t('exchange.assess.evidence')} extra={t('exchange.assess.evidenceHint')} rules={[{ required: true, whitespace: true, message: t('exchange.required') }, { max: LIMITS.evidence }]}>
          <Input.TextArea rows={3} maxLength={LIMITS.evidence} showCount data-testid="assessment-evidence" />
        </Form.Item>
        <Alert type={allPassed ? 'success' : 'warning'} showIcon style={{ marginBottom: 16 }} title={allPassed ? t('exchange.assess.outcomePass') : t('exchange.assess.outcomeFail')} data-testid="assessment-outcome" data-passed={allPassed} />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="assessment-submit">
          {t('exchange.assess.submit')}
        </Button>
      </Form>
    </Card>
  );
}
