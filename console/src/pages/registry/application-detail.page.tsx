/**
 * One registration application (登记申请详情): what it registers (subject, names, scenario, sources,
 * the three rights), the compliance committee (the seed committed to the ledger before the draw,
 * linked to its receipt; the eligible reviewers; those recused and why; the panel with each
 * member's expertise, vote and opinion), the decision, publicity and its objections with their
 * resolutions, the registration number and the registration certificate — and the steps the caller
 * may take now: the applicant edits, submits or withdraws; the data bureau draws the panel, resolves
 * objections and registers once publicity is over; a panel member votes once; anyone else signed in
 * objects during publicity. Organisations that are not parties (a would-be objector) see the public
 * register's entry instead, with the objection form.
 *
 * After the first registration: a registered asset shows its state, current holder, current record,
 * revision, running objection and history, and the registrations the caller may file (assetActions,
 * mirroring FILERS) — change and correction on the form, transfer, licence, cancellation, revocation
 * and objection in a dialog that creates and submits at once. A later registration shows its asset,
 * counterparty, licence terms and grounds; one decided by the registrar (path `registrar`) is
 * approved or rejected by the data bureau here (/decide).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, Popconfirm, Radio, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { ApiError, errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { FormModal } from '../../layout/form.modal';
import { formatTime } from '../../format/time.format';
import { useOrgNames } from '../catalog/resource.view';
import { TextModal } from '../authorization/authorization.view';
import { receiptPath } from '../certificates/certificate.rules';
import { orgName } from '../../format/labels';
import {
  applicationActions, assetActions, isLater, isOverseer, laterBody, LICENCE_RIGHTS, LIMITS, problemsOf, publicityLastDay, readContent,
  type Actions, type LaterType, type LaterValues, type SourceClaim, type Right,
} from './registry.rules';
import {
  AssetStatusTag, ExpertiseTags, known, msg, objectKindLabel, ProblemList, recusalLabel, RegistryStatusTag, RegistryTypeTag, rightLabel, sourceKindLabel, termText, text, typeLabel, useReviewers,
  type Application, type PublicEntry, type Reviewer,
} from './registry.view';
import { ValuationPanel } from './valuation.panel';

type Step = 'submit' | 'withdraw' | 'draw' | 'register' | 'approve';
type Dialog = { kind: 'vote' } | { kind: 'object' } | { kind: 'resolve'; objectionId: string } | { kind: 'reject' } | { kind: 'later'; type: LaterType } | null;
/** Registrations after the first filed on the form (they edit the record); the others in a dialog. */
const ON_FORM: readonly LaterType[] = ['change', 'correction'];

export default function ApplicationDetailPage() {
  const { applicationId = '' } = useParams();
  const res = useApiResource(`registry-application-${applicationId}`, async (): Promise<Application | 'not_party'> => {
    try {
      return await unwrap(api.GET('/api/v1/registry/applications/{applicationId}', { params: { path: { applicationId } } }));
    } catch (err) {
      // Not a party to it (404): the public register's entry instead.
      if (err instanceof ApiError && err.status === 404) return 'not_party';
      throw err;
    }
  });
  const a = res.data === 'not_party' || (res.data && res.data.id === applicationId) ? res.data : undefined;
  if (res.loading && !a) return <Skeleton active />;
  if (a === 'not_party') return <PublicApplication applicationId={applicationId} />;
  if (!a) return <Alert type="error" showIcon title={res.error} data-testid="registry-load-error" />;
  return <ApplicationView a={a} reload={res.reload} reloading={res.loading} />;
}

function ApplicationView({ a, reload, reloading }: { a: Application; reload(): void; reloading: boolean }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const orgNameOf = useOrgNames(locale);
  const reviewers = useReviewers(isOverseer(me ?? null));
  const [busy, setBusy] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [votedHere, setVotedHere] = useState(false);
  const content = readContent(a);
  const path = { params: { path: { applicationId: a.id } } };

  // On the panel, and voted? The server says (viewer); it refuses a second vote either way.
  const onPanel = !!a.viewer?.reviewerId;
  const can: Actions = applicationActions(me ?? null, a, { onPanel, voted: votedHere || !!a.viewer?.voted, now: new Date() });
  const rememberVote = () => setVotedHere(true);

  const step = async (name: Step) => {
    setBusy(name);
    setError(null);
    setProblems(null);
    try {
      switch (name) {
        case 'submit': await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/submit', path)); break;
        case 'withdraw': await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/withdraw', path)); break;
        case 'draw': await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/draw', path)); break;
        case 'register': await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/register', path)); break;
        case 'approve': await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/decide', { ...path, body: { outcome: 'approved', reason: '' } })); break;
      }
      message.success(msg(t, `registry.done.${name}`));
      reload();
    } catch (err) {
      const found = problemsOf(err);
      if (found) setProblems(found);
      else setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const confirm = (name: Step, primary = true) => (
    <Popconfirm title={msg(t, `registry.confirm.${name}`)} description={msg(t, `registry.confirm.${name}Text`)} okText={msg(t, `registry.action.${name}`)} cancelText={t('common.cancel')} onConfirm={() => step(name)}>
      <Button type={primary ? 'primary' : 'default'} danger={name === 'withdraw'} loading={busy === name} data-testid={`registry-${name}`}>
        {msg(t, `registry.action.${name}`)}
      </Button>
    </Popconfirm>
  );
  const reviewerName = (id: string) => {
    const r = reviewers.get(id);
    return r ? `${r.name} · ${orgNameOf(r.orgId)}` : id;
  };
  const objections = a.objections ?? [];
  const lastDay = publicityLastDay(a.publicityUntil);
  const later = assetActions(me ?? null, a, new Date());
  const fileLater = (type: LaterType) => (ON_FORM.includes(type) ? navigate(`/console/registry/new?type=${type}&asset=${a.id}`) : setDialog({ kind: 'later', type }));

  return (
    <div data-testid="registry-detail" data-id={a.id} data-status={a.status} data-type={a.type}>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} data-testid="registry-title" style={{ margin: 0 }}>
            {text(a.title, locale)}
          </Typography.Title>
          <RegistryTypeTag t={t} type={a.type} />
          <RegistryStatusTag t={t} status={a.status} />
          <Tag>{objectKindLabel(t, a.objectKind)}</Tag>
        </Space>
        <Space wrap data-testid="registry-actions">
          {can.edit && (
            <Button onClick={() => navigate(`/console/registry/applications/${a.id}/edit`)} data-testid="registry-edit">
              {t('registry.action.edit')}
            </Button>
          )}
          {can.submit && confirm('submit')}
          {can.draw && confirm('draw')}
          {can.vote && (
            <Button type="primary" onClick={() => setDialog({ kind: 'vote' })} data-testid="registry-vote">
              {t('registry.action.vote')}
            </Button>
          )}
          {can.register && confirm('register')}
          {can.registerWaiting && (
            <Tooltip title={objections.some((o) => o.status === 'open') ? t('registry.register.objectionOpen') : t('registry.register.publicityRuns', { day: lastDay ?? '—' })}>
              <Button disabled data-testid="registry-register-waiting">
                {t('registry.action.register')}
              </Button>
            </Tooltip>
          )}
          {can.object && (
            <Button danger onClick={() => setDialog({ kind: 'object' })} data-testid="registry-object">
              {t('registry.action.object')}
            </Button>
          )}
          {can.decide && confirm('approve')}
          {can.decide && (
            <Button danger onClick={() => setDialog({ kind: 'reject' })} data-testid="registry-reject">
              {t('registry.action.reject')}
            </Button>
          )}
          {later.map((type) => (
            <Button key={type} danger={type === 'cancel' || type === 'revoke' || type === 'objection'} onClick={() => fileLater(type)} data-testid={`registry-later-${type}`}>
              {msg(t, `registry.later.${type}`)}
            </Button>
          ))}
          {can.withdraw && confirm('withdraw', false)}
          <Button icon={<ReloadOutlined />} loading={reloading} onClick={reload} aria-label={t('registry.detail.reload')} data-testid="registry-reload" />
        </Space>
      </div>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} data-testid="registry-action-error" onClose={() => setError(null)} />}
      {problems && <ProblemList t={t} problems={problems} title={t('registry.problems.title')} />}
      {a.status === 'publicity' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="registry-publicity"
          data-until={a.publicityUntil ?? ''}
          title={t('registry.publicity.until', { day: lastDay ?? '—' })}
          description={t('registry.publicity.text', { at: formatTime(a.publicityUntil, locale) })}
        />
      )}
      {a.path === 'registrar' && a.status === 'submitted' && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="registry-registrar-path" title={t('registry.registrar.waiting')} />}
      {a.status === 'rejected' && (a.reason || content.decision) && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="registry-rejected" title={t('registry.detail.rejected')} description={a.reason ?? undefined} />
      )}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {a.asset && <AssetCard a={a} orgNameOf={orgNameOf} />}
        {a.registrationNumber && <RegistrationCard a={a} orgNameOf={orgNameOf} />}
        {isLater(a.type) && <LaterCard a={a} orgNameOf={orgNameOf} />}
        <Card title={t('registry.detail.content')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="registry-content">
            <Descriptions.Item label={t('registry.field.applicant')}>
              <span data-testid="registry-applicant">{orgNameOf(a.applicantOrgId)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.field.type')}>
              <span data-testid="registry-type-label">{typeLabel(t, a.type)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.field.subject')} span={2}>
              <SubjectName resourceId={a.resourceId} productId={a.productId} />
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.field.titleZh')}>{a.title.zh}</Descriptions.Item>
            <Descriptions.Item label={t('registry.field.titleEn')}>{a.title.en}</Descriptions.Item>
            <Descriptions.Item label={t('registry.field.description')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.description || '—'}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.field.grading')}>{gradingText(t, a.grading)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.field.id')}>
              <Typography.Text className="lt-mono" copyable>
                {a.id}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.field.createdAt')}>{formatTime(a.createdAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.field.submittedAt')}>{formatTime(a.submittedAt, locale)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('registry.detail.scenario')}>
          {content.scenario ? (
            <Descriptions column={1} bordered size="small" data-testid="registry-scenario">
              <Descriptions.Item label={t('registry.field.scenarioUsers')}>{content.scenario.users}</Descriptions.Item>
              <Descriptions.Item label={t('registry.field.scenarioPurpose')}>{content.scenario.purpose}</Descriptions.Item>
              {content.scenario.description && <Descriptions.Item label={t('registry.field.scenarioDescription')}>{content.scenario.description}</Descriptions.Item>}
            </Descriptions>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.detail.noScenario')} />
          )}
        </Card>
        <Card title={t('registry.detail.sources')}>
          <SourcesTable t={t} sources={content.sources} orgNameOf={orgNameOf} />
        </Card>
        <Card title={t('registry.detail.rights')}>
          <RightsTable t={t} rights={content.rights} orgNameOf={orgNameOf} />
        </Card>
        {(a.path !== 'registrar' || a.committee) && <CommitteeCard t={t} a={a} reviewerName={reviewerName} reviewers={reviewers} />}
        {(a.status === 'publicity' || objections.length > 0) && (
          <Card title={t('registry.detail.objections')} data-testid="registry-objections" data-count={objections.length}>
            {objections.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.objection.none')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {objections.map((o) => (
                  <Card key={o.id} size="small" type="inner" data-testid={`registry-objection-${o.id}`} data-status={o.status}>
                    <Descriptions column={1} size="small">
                      <Descriptions.Item label={t('registry.objection.org')}>{orgNameOf(o.orgId)}</Descriptions.Item>
                      <Descriptions.Item label={t('registry.objection.reason')}>
                        <span style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</span>
                      </Descriptions.Item>
                      <Descriptions.Item label={t('registry.objection.filedAt')}>{formatTime(o.createdAt, locale)}</Descriptions.Item>
                      <Descriptions.Item label={t('registry.objection.status')}>
                        <Tag color={o.status === 'open' ? 'gold' : o.status === 'upheld' ? 'red' : 'default'} data-testid="registry-objection-status">
                          {known(t, 'registry.objection.state', o.status)}
                        </Tag>
                      </Descriptions.Item>
                      {o.resolution && (
                        <Descriptions.Item label={t('registry.objection.resolution')}>
                          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="registry-objection-resolution">
                              {o.resolution}
                            </span>
                            <Typography.Text type="secondary">{formatTime(o.resolvedAt, locale)}</Typography.Text>
                          </Space>
                        </Descriptions.Item>
                      )}
                    </Descriptions>
                    {can.resolve && o.status === 'open' && (
                      <Button onClick={() => setDialog({ kind: 'resolve', objectionId: o.id })} data-testid={`registry-resolve-${o.id}`}>
                        {t('registry.action.resolve')}
                      </Button>
                    )}
                  </Card>
                ))}
              </Space>
            )}
          </Card>
        )}
        <ValuationPanel application={a} />
        <Typography.Text type="secondary">{t('common.timeZoneNote')}</Typography.Text>
      </Space>
      {dialog?.kind === 'vote' && (
        <VoteModal
          onClose={() => setDialog(null)}
          onSend={async (v) => {
            try {
              await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/votes', { ...path, body: v }));
            } catch (err) {
              if ((err as ApiError).code === 'REGISTRY_ALREADY_VOTED') rememberVote();
              throw err;
            }
            rememberVote();
            setDialog(null);
            message.success(t('registry.done.vote'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'object' && (
        <ObjectModal
          applicationId={a.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
      {dialog?.kind === 'reject' && (
        <TextModal
          title={t('registry.dialog.reject')}
          label={t('registry.dialog.rejectReason')}
          intro={t('registry.dialog.rejectIntro')}
          required
          testId="registry-reject-reason"
          onClose={() => setDialog(null)}
          onSend={async (reason) => {
            await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/decide', { ...path, body: { outcome: 'rejected', reason: reason ?? '' } }));
            setDialog(null);
            message.success(t('registry.done.reject'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'later' && (
        <LaterModal
          type={dialog.type}
          assetId={a.id}
          holderOrgId={a.asset?.holderOrgId ?? null}
          onClose={() => setDialog(null)}
          onDone={(id) => {
            setDialog(null);
            navigate(`/console/registry/applications/${id}`);
          }}
        />
      )}
      {dialog?.kind === 'resolve' && (
        <ResolveModal
          onClose={() => setDialog(null)}
          onSend={async (v) => {
            await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/objections/{objectionId}/resolve', { params: { path: { applicationId: a.id, objectionId: dialog.objectionId } }, body: v }));
            setDialog(null);
            message.success(t('registry.done.resolve'));
            reload();
          }}
        />
      )}
    </div>
  );
}

/** The subject by its name when the caller may read it (the applicant; others may not see a private resource), by its id otherwise. */
function SubjectName({ resourceId, productId }: { resourceId: string | null; productId: string | null }) {
  const { locale } = useI18n();
  const name = useApiResource(`registry-subject-${resourceId ?? ''}-${productId ?? ''}`, async () => {
    try {
      if (resourceId) return (await unwrap(api.GET('/api/v1/catalog/resources/{resourceId}', { params: { path: { resourceId } } }))).title;
      if (productId) return (await unwrap(api.GET('/api/v1/authorization/products/{productId}', { params: { path: { productId } } }))).name;
    } catch {
      /* not readable by the caller: the id stands */
    }
    return null;
  });
  const id = resourceId ?? productId;
  if (!id) return <span>—</span>;
  return (
    <Space orientation="vertical" size={0} style={{ minWidth: 0 }} data-testid="registry-subject" data-id={id}>
      {name.data && <span>{text(name.data, locale)}</span>}
      {resourceId && name.data ? (
        <Link to={`/console/catalog/resources/${resourceId}`} className="lt-mono">
          {id}
        </Link>
      ) : (
        <span className="lt-mono">{id}</span>
      )}
    </Space>
  );
}

const gradingText = (t: Translate, g: unknown) => {
  const level = (g as { level?: unknown } | null)?.level;
  return typeof level === 'string' ? known(t, 'catalog.grade.level', level) : '—';
};

function SourcesTable({ t, sources, orgNameOf }: { t: Translate; sources: SourceClaim[]; orgNameOf(id: string): string }) {
  const columns: TableProps<SourceClaim & { i: number }>['columns'] = [
    { title: t('registry.field.sourceKind'), dataIndex: 'kind', key: 'kind', render: (k: string) => sourceKindLabel(t, k) },
    {
      title: t('registry.field.sourceRef'),
      key: 'ref',
      render: (_: unknown, s: SourceClaim) =>
        s.kind === 'own_collection' ? (
          <Link to={`/console/catalog/resources/${s.ref}`} className="lt-mono">
            {s.ref}
          </Link>
        ) : s.kind === 'authorized_operation' ? (
          <Link to={`/console/authorization/agreements/${s.ref}`} className="lt-mono">
            {s.ref}
          </Link>
        ) : s.kind === 'data_subject_authorization' ? (
          <Link to={`/console/space/authorizations/${s.ref}`} className="lt-mono">
            {s.ref}
          </Link>
        ) : (
          <span className="lt-mono">{s.ref}</span>
        ),
    },
    { title: t('registry.field.counterparty'), key: 'counterparty', render: (_: unknown, s: SourceClaim) => (s.counterpartyOrgId ? orgNameOf(s.counterpartyOrgId) : '—') },
    { title: t('registry.field.sourceDescription'), key: 'description', render: (_: unknown, s: SourceClaim) => s.description || '—' },
  ];
  return <Table rowKey="i" size="small" data-testid="registry-sources" columns={columns} dataSource={sources.map((s, i) => ({ ...s, i }))} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('registry.detail.noSources') }} />;
}

function RightsTable({ t, rights, orgNameOf }: { t: Translate; rights: Right[]; orgNameOf(id: string): string }) {
  const columns: TableProps<Right & { i: number }>['columns'] = [
    { title: t('registry.field.right'), dataIndex: 'kind', key: 'kind', render: (k: string) => <span data-testid={`registry-right-${k}`}>{rightLabel(t, k)}</span> },
    { title: t('registry.field.holder'), dataIndex: 'holderOrgId', key: 'holder', render: (id: string) => orgNameOf(id) },
    { title: t('registry.field.basis'), dataIndex: 'basis', key: 'basis' },
    { title: t('registry.field.scope'), dataIndex: 'scope', key: 'scope' },
    { title: t('registry.field.term'), key: 'term', render: (_: unknown, r: Right) => <span style={{ whiteSpace: 'nowrap' }}>{termText(t, r)}</span> },
  ];
  return <Table rowKey="i" size="small" data-testid="registry-rights" columns={columns} dataSource={rights.map((r, i) => ({ ...r, i }))} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('registry.detail.noRights') }} />;
}

interface PanelRow {
  reviewerId: string;
  expertise: string;
  vote: string | null;
  opinion: string | null;
  votedAt: string | null;
}

/** The committee: seed and its ledger event, eligible and recused reviewers, the panel with the votes, the decision. */
function CommitteeCard({ t, a, reviewerName, reviewers }: { t: Translate; a: Application; reviewerName(id: string): string; reviewers: Map<string, Reviewer> }) {
  const { locale } = useI18n();
  const { committee, decision } = readContent(a);
  if (!committee) {
    return (
      <Card title={t('registry.detail.committee')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.committee.notDrawn')} data-testid="registry-committee-none" />
      </Card>
    );
  }
  const votes = a.votes ?? [];
  const rows: PanelRow[] = committee.panel.map((p) => {
    const v = votes.find((x) => x.reviewerId === p.reviewerId);
    return { reviewerId: p.reviewerId, expertise: p.expertise, vote: v?.vote ?? null, opinion: v?.opinion ?? null, votedAt: v?.votedAt ?? null };
  });
  const columns: TableProps<PanelRow>['columns'] = [
    { title: t('registry.committee.reviewer'), key: 'reviewer', render: (_: unknown, r: PanelRow) => <span data-testid="registry-panel-reviewer">{reviewerName(r.reviewerId)}</span> },
    { title: t('registry.committee.expertise'), dataIndex: 'expertise', key: 'expertise', render: (e: string) => <ExpertiseTags t={t} expertise={[e]} /> },
    {
      title: t('registry.committee.vote'),
      key: 'vote',
      render: (_: unknown, r: PanelRow) =>
        r.vote ? (
          <Tag color={r.vote === 'approve' ? 'green' : 'red'} data-testid="registry-panel-vote" data-vote={r.vote}>
            {known(t, 'registry.vote', r.vote)}
          </Tag>
        ) : (
          <Tag data-testid="registry-panel-vote" data-vote="">
            {t('registry.committee.notVoted')}
          </Tag>
        ),
    },
    { title: t('registry.committee.opinion'), key: 'opinion', render: (_: unknown, r: PanelRow) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.opinion ?? '—'}</span> },
    { title: t('registry.committee.votedAt'), key: 'votedAt', render: (_: unknown, r: PanelRow) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.votedAt, locale)}</span> },
  ];
  return (
    <Card title={t('registry.detail.committee')} data-testid="registry-committee" data-panel={committee.panel.length} data-recused={committee.recused.length} data-eligible={committee.eligible.length}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('registry.committee.seed')} span={2}>
          <Typography.Text className="lt-mono" copyable data-testid="registry-seed">
            {committee.seed}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.committee.seedEvent')} span={2}>
          {committee.seedEventId ? (
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <span className="lt-mono" data-testid="registry-seed-event">
                {committee.seedEventId}
              </span>
              <a href={receiptPath(committee.seedEventId)} target="_blank" rel="noreferrer" data-testid="registry-seed-receipt">
                {t('registry.committee.receipt')}
              </a>
              <Typography.Text type="secondary">{t('registry.committee.seedNote')}</Typography.Text>
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.committee.eligible')}>
          <span data-testid="registry-eligible">{t('registry.committee.eligibleCount', { count: committee.eligible.length })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.committee.recused')}>
          {committee.recused.length === 0 ? (
            t('registry.committee.noneRecused')
          ) : (
            <Space orientation="vertical" size={4} data-testid="registry-recused">
              {committee.recused.map((r) => (
                <span key={r.reviewerId} data-testid="registry-recused-reviewer" data-reviewer={r.reviewerId}>
                  {reviewerName(r.reviewerId)}{' '}
                  {r.reasons.map((reason) => (
                    <Tag key={reason} color="orange" data-reason={reason}>
                      {recusalLabel(t, reason)}
                    </Tag>
                  ))}
                  {reviewers.get(r.reviewerId) && <ExpertiseTags t={t} expertise={reviewers.get(r.reviewerId)!.expertise} />}
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('registry.committee.panel')}</Typography.Title>
      <Table<PanelRow> rowKey="reviewerId" size="small" data-testid="registry-panel" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
      {decision && (
        <Alert
          style={{ marginTop: 16 }}
          type={decision.outcome === 'approved' ? 'success' : 'error'}
          showIcon
          data-testid="registry-decision"
          data-outcome={decision.outcome}
          title={msg(t, `registry.decision.${decision.outcome}`)}
          description={`${t('registry.decision.counts', { approvals: decision.approvals, rejections: decision.rejections })}${decision.vetoed ? ` ${t('registry.decision.vetoed')}` : ''}`}
        />
      )}
    </Card>
  );
}

/** The registration number, date and registrar, and the registration certificate once issued (it follows the registration within moments). */
function RegistrationCard({ a, orgNameOf }: { a: Application; orgNameOf(id: string): string }) {
  const { t, locale } = useI18n();
  const [round, setRound] = useState(0);
  const cert = useApiResource(`registry-certificate-${a.id}-${round}`, async () =>
    (await unwrap(api.GET('/api/v1/certificates', { params: { query: { box: 'all', type: 'registration', sourceId: a.id, page: 1, pageSize: 5 } } }))).items[0] ?? null,
  );
  // Issued asynchronously once the ledger has sequenced the registration: look again for a while.
  useEffect(() => {
    if (cert.loading || cert.data || cert.error || round >= 30) return;
    const timer = setTimeout(() => setRound((r) => r + 1), 2000);
    return () => clearTimeout(timer);
  }, [cert.loading, cert.data, cert.error, round]);
  return (
    <Card title={t('registry.detail.registration')} data-testid="registry-registration">
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('registry.field.number')}>
          <Typography.Text className="lt-mono" copyable strong data-testid="registry-number">
            {a.registrationNumber}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.field.registeredAt')}>{formatTime(a.registeredAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.registrar')}>{a.registrarOrgId ? orgNameOf(a.registrarOrgId) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.certificate')}>
          {cert.data ? (
            <Link to={`/console/certificates/${cert.data.id}`} className="lt-mono" data-testid="registry-certificate" data-status={cert.data.status}>
              {cert.data.id}
            </Link>
          ) : (
            <Typography.Text type="secondary" data-testid="registry-certificate-pending">
              {cert.error ?? t('registry.certificate.pending')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {a.registeredEvent && (
          <Descriptions.Item label={t('registry.field.registeredEvent')} span={2}>
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <span className="lt-mono">{a.registeredEvent.eventId}</span>
              <Typography.Text type="secondary" className="lt-mono">
                {a.registeredEvent.payloadDigest}
              </Typography.Text>
              <a href={receiptPath(a.registeredEvent.eventId)} target="_blank" rel="noreferrer">
                {t('registry.committee.receipt')}
              </a>
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function VoteModal({ onSend, onClose }: { onSend(v: { vote: 'approve' | 'reject'; opinion: string }): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ vote: 'approve' | 'reject'; opinion: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('registry.dialog.vote')} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('registry.dialog.voteIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ vote: 'approve' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await onSend({ vote: v.vote, opinion: v.opinion.trim() });
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="vote" label={t('registry.committee.vote')}>
          <Radio.Group
            data-testid="registry-vote-choice"
            options={[
              { value: 'approve', label: <span data-testid="registry-vote-approve">{t('registry.vote.approve')}</span> },
              { value: 'reject', label: <span data-testid="registry-vote-reject">{t('registry.vote.reject')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" label={t('registry.committee.opinion')} rules={[{ required: true, whitespace: true, max: LIMITS.opinion, message: t('registry.dialog.opinionRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={LIMITS.opinion} data-testid="registry-vote-opinion" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ResolveModal({ onSend, onClose }: { onSend(v: { outcome: 'upheld' | 'dismissed'; resolution: string }): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ outcome: 'upheld' | 'dismissed'; resolution: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal open title={t('registry.dialog.resolve')} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('registry.dialog.resolveIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'dismissed' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await onSend({ outcome: v.outcome, resolution: v.resolution.trim() });
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="outcome" label={t('registry.objection.outcome')}>
          <Radio.Group
            data-testid="registry-resolve-outcome"
            options={[
              { value: 'dismissed', label: <span data-testid="registry-resolve-dismissed">{t('registry.objection.state.dismissed')}</span> },
              { value: 'upheld', label: <span data-testid="registry-resolve-upheld">{t('registry.objection.state.upheld')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item name="resolution" label={t('registry.objection.resolution')} rules={[{ required: true, whitespace: true, max: LIMITS.reason, message: t('registry.dialog.resolutionRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={LIMITS.reason} data-testid="registry-resolve-text" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The objection form (异议): a reason, sent for the data bureau to handle. */
function ObjectModal({ applicationId, onDone, onClose }: { applicationId: string; onDone(objectionId: string): void; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <TextModal
      title={t('registry.dialog.object')}
      label={t('registry.objection.reason')}
      intro={t('registry.dialog.objectIntro')}
      required
      testId="registry-object-reason"
      onClose={onClose}
      onSend={async (reason) => {
        const o = await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/objections', { params: { path: { applicationId } }, body: { reason: reason ?? '' } }));
        message.success(t('registry.done.object'));
        onDone(o.id);
      }}
    />
  );
}

/**
 * An application the caller's organisation is no party to: its public register entry (registered or
 * in publicity) with the asset's state, holder and history; during publicity the objection form, and
 * on an asset in force the objection registration (异议登记) for any other organisation.
 */
function PublicApplication({ applicationId }: { applicationId: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const [filed, setFiled] = useState<string | null>(null);
  const [open, setOpen] = useState<'object' | LaterType | null>(null);
  const entry = useApiResource(`registry-public-entry-${applicationId}`, async (): Promise<PublicEntry | null> => {
    try {
      return await unwrap(api.GET('/api/v1/public/registry/assets/{applicationId}', { params: { path: { applicationId } } }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  });
  if (entry.loading && entry.data === undefined) return <Skeleton active />;
  const e = entry.data;
  if (!e) return <Alert type="error" showIcon title={entry.error ?? t('registry.public.notFound')} data-testid="registry-load-error" />;
  const later = assetActions(me ?? null, { type: e.type, status: e.status, asset: e.assetStatus ? { status: e.assetStatus, holderOrgId: e.holder?.orgId ?? null, disputeUntil: null } : null }, new Date());
  return (
    <div data-testid="registry-public-detail" data-id={e.id} data-status={e.status}>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} data-testid="registry-title" style={{ margin: 0 }}>
            {text(e.title, locale)}
          </Typography.Title>
          <RegistryTypeTag t={t} type={e.type} />
          <RegistryStatusTag t={t} status={e.status} />
        </Space>
        <Space wrap data-testid="registry-actions">
          {e.status === 'publicity' && !filed && (
            <Button danger onClick={() => setOpen('object')} data-testid="registry-object">
              {t('registry.action.object')}
            </Button>
          )}
          {later.map((type) => (
            <Button key={type} danger onClick={() => setOpen(type)} data-testid={`registry-later-${type}`}>
              {msg(t, `registry.later.${type}`)}
            </Button>
          ))}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('registry.public.notParty')}</Typography.Paragraph>
      {filed && <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="registry-objection-filed" title={t('registry.objection.filed')} description={t('registry.objection.filedText', { id: filed })} />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <PublicEntryView e={e} />
        </Card>
        {e.history && e.type === 'first' && (
          <Card title={t('registry.detail.history')}>
            <HistoryTable history={e.history} loading={false} orgNameOf={(id) => id} />
          </Card>
        )}
      </Space>
      {open === 'object' && (
        <ObjectModal
          applicationId={e.id}
          onClose={() => setOpen(null)}
          onDone={(id) => {
            setOpen(null);
            setFiled(id);
          }}
        />
      )}
      {open && open !== 'object' && (
        <LaterModal
          type={open}
          assetId={e.id}
          holderOrgId={e.holder?.orgId ?? null}
          onClose={() => setOpen(null)}
          onDone={(id) => {
            setOpen(null);
            navigate(`/console/registry/applications/${id}`);
          }}
        />
      )}
    </div>
  );
}

type History = NonNullable<PublicEntry['history']>[number];

/** The asset's registrations in order (the public entry's history): number, type, state, counterparty, when. */
function HistoryTable({ history, loading, orgNameOf }: { history: History[]; loading: boolean; orgNameOf(id: string): string }) {
  const { t, locale } = useI18n();
  const columns: TableProps<History>['columns'] = [
    {
      title: t('registry.history.number'),
      key: 'number',
      render: (_: unknown, h: History) => (
        <Link to={`/console/registry/applications/${h.id}`} className="lt-mono" data-testid={`registry-history-link-${h.id}`}>
          {h.registrationNumber ?? h.id}
        </Link>
      ),
    },
    { title: t('registry.history.type'), key: 'type', render: (_: unknown, h: History) => <RegistryTypeTag t={t} type={h.type} testId="registry-history-type" /> },
    { title: t('registry.history.status'), key: 'status', render: (_: unknown, h: History) => <RegistryStatusTag t={t} status={h.status} testId="registry-history-status" /> },
    { title: t('registry.history.counterparty'), key: 'counterparty', render: (_: unknown, h: History) => (h.counterpartyOrgId ? orgNameOf(h.counterpartyOrgId) : '—') },
    {
      title: t('registry.history.at'),
      key: 'at',
      render: (_: unknown, h: History) => <span style={{ whiteSpace: 'nowrap' }}>{h.registeredAt ? formatTime(h.registeredAt, locale) : h.status === 'publicity' ? t('registry.publicity.until', { day: publicityLastDay(h.publicityUntil) ?? '—' }) : '—'}</span>,
    },
  ];
  return <Table<History> rowKey="id" size="small" data-testid="registry-history" data-count={history.length} loading={loading} columns={columns} dataSource={history} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('registry.history.none') }} />;
}

/** A registered asset (its first registration): state, current holder, current record, revision, a running objection, and its registrations. */
function AssetCard({ a, orgNameOf }: { a: Application; orgNameOf(id: string): string }) {
  const { t, locale } = useI18n();
  const asset = a.asset!;
  const entry = useApiResource(`registry-asset-entry-${a.id}-${a.updatedAt}-${asset.revision}-${asset.status}`, async () => {
    try {
      return await unwrap(api.GET('/api/v1/public/registry/assets/{applicationId}', { params: { path: { applicationId: a.id } } }));
    } catch {
      return null;
    }
  });
  return (
    <Card title={t('registry.detail.asset')} data-testid="registry-asset" data-status={asset.status} data-holder={asset.holderOrgId ?? ''} data-revision={asset.revision}>
      <Typography.Paragraph type="secondary">{t('registry.asset.intro')}</Typography.Paragraph>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('registry.asset.status')}>
          <AssetStatusTag t={t} status={asset.status} disputed={!!asset.disputeUntil} />
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.asset.holder')}>
          <span data-testid="registry-asset-holder">{asset.holderOrgId ? orgNameOf(asset.holderOrgId) : '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.asset.current')}>
          {asset.currentId ? (
            <Link to={`/console/registry/applications/${asset.currentId}`} className="lt-mono" data-testid="registry-asset-current">
              {asset.currentId}
            </Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.asset.revision')}>
          <span data-testid="registry-asset-revision">{asset.revision}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.asset.disputeUntil')} span={2}>
          <span data-testid="registry-asset-dispute">{asset.disputeUntil ? formatTime(asset.disputeUntil, locale) : t('registry.asset.noDispute')}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('registry.detail.history')}</Typography.Title>
      <HistoryTable history={entry.data?.history ?? []} loading={entry.loading} orgNameOf={orgNameOf} />
    </Card>
  );
}

/** A registration after the first: its asset, procedure, counterparty, licence terms and grounds. */
function LaterCard({ a, orgNameOf }: { a: Application; orgNameOf(id: string): string }) {
  const { t } = useI18n();
  const l = a.licence as { rights?: unknown; scope?: unknown; termFrom?: unknown; termTo?: unknown; exclusive?: unknown } | null;
  const rights = Array.isArray(l?.rights) ? l.rights.filter((x): x is string => typeof x === 'string') : [];
  const termFrom = typeof l?.termFrom === 'string' ? l.termFrom : '';
  const termTo = typeof l?.termTo === 'string' ? l.termTo : null;
  return (
    <Card title={typeLabel(t, a.type)} data-testid="registry-later" data-type={a.type} data-path={a.path}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('registry.asset.of')}>
          <Link to={`/console/registry/applications/${a.assetId}`} className="lt-mono" data-testid="registry-asset-link">
            {a.assetId}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.field.path')}>
          <span data-testid="registry-path">{msg(t, `registry.path.${a.path}`)}</span>
        </Descriptions.Item>
        {(a.type === 'transfer' || a.type === 'licence') && (
          <Descriptions.Item label={a.type === 'transfer' ? t('registry.field.newHolder') : t('registry.field.licensee')} span={2}>
            <span data-testid="registry-counterparty">{a.counterpartyOrgId ? orgNameOf(a.counterpartyOrgId) : '—'}</span>
          </Descriptions.Item>
        )}
        {a.type === 'licence' && l && (
          <>
            <Descriptions.Item label={t('registry.field.licenceRights')}>
              <span data-testid="registry-licence-rights">{rights.map((r) => rightLabel(t, r)).join('、') || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.field.exclusive')}>{l.exclusive === true ? t('registry.licence.exclusive') : t('registry.licence.nonExclusive')}</Descriptions.Item>
            <Descriptions.Item label={t('registry.field.licenceScope')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{typeof l.scope === 'string' ? l.scope : '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.field.licenceTerm')}>
              <span style={{ whiteSpace: 'nowrap' }} data-testid="registry-licence-term">
                {termText(t, { termFrom, termTo })}
              </span>
            </Descriptions.Item>
          </>
        )}
        {(a.grounds || ['cancel', 'revoke', 'objection', 'correction'].includes(a.type)) && (
          <Descriptions.Item label={t('registry.field.grounds')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="registry-grounds">
              {a.grounds ?? '—'}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/**
 * Files a registration after the first from a dialog — transfer (the new holder), licence (the
 * licensee and the terms), cancellation, revocation or objection (the grounds): creates the draft and
 * submits it at once. A refused submission (its problems in words) keeps the draft; sending again
 * corrects and submits that draft.
 */
function LaterModal({ type, assetId, holderOrgId, onDone, onClose }: { type: LaterType; assetId: string; holderOrgId: string | null; onDone(id: string): void; onClose(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LaterValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const needsOrg = type === 'transfer' || type === 'licence';
  const orgs = useApiResource(`registry-later-orgs-${needsOrg}`, async () =>
    needsOrg ? (await unwrap(api.GET('/api/v1/orgs', { params: { query: { page: 1, pageSize: 200, sort: 'name', order: 'asc' } } }))).items : [],
  );
  const options = (orgs.data ?? []).filter((o) => o.status === 'active' && o.id !== holderOrgId).map((o) => ({ value: o.id, label: orgName(o.name, locale) }));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <FormModal open title={msg(t, `registry.later.${type}`)} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <div data-testid="registry-later-dialog" data-type={type}>
        <Typography.Paragraph type="secondary">{msg(t, `registry.laterIntro.${type}`)}</Typography.Paragraph>
        {problems && <ProblemList t={t} problems={problems} title={t('registry.problems.title')} />}
        {draftId && (
          <Typography.Paragraph type="secondary" data-testid="registry-later-draft">
            {t('registry.later.draftKept', { id: draftId })}
          </Typography.Paragraph>
        )}
        <Form<LaterValues>
          form={form}
          layout="vertical"
          initialValues={{ licenceRights: ['processing'], termFrom: today, exclusive: false }}
          onFinish={async (v) => {
            setBusy(true);
            setError(null);
            setProblems(null);
            let id = draftId;
            try {
              if (id) {
                await unwrap(api.PATCH('/api/v1/registry/applications/{applicationId}', { params: { path: { applicationId: id } }, body: laterBody(type, v) }));
              } else {
                id = (await unwrap(api.POST('/api/v1/registry/applications', { body: { ...laterBody(type, v), type, assetId } }))).id;
                setDraftId(id);
              }
              await unwrap(api.POST('/api/v1/registry/applications/{applicationId}/submit', { params: { path: { applicationId: id } } }));
              message.success(t('registry.later.submitted'));
              onDone(id);
            } catch (err) {
              const found = problemsOf(err);
              if (found) setProblems(found);
              else setError(errorMessage(err, t));
            } finally {
              setBusy(false);
            }
          }}
        >
          {needsOrg && (
            <Form.Item name="counterpartyOrgId" label={type === 'transfer' ? t('registry.field.newHolder') : t('registry.field.licensee')} rules={[{ required: true, message: t('registry.later.counterpartyRequired') }]}>
              <Select
                showSearch
                loading={orgs.loading}
                placeholder={t('registry.later.counterpartyPlaceholder')}
                filterOption={(input, o) => `${o?.label ?? ''} ${o?.value ?? ''}`.toLowerCase().includes(input.toLowerCase())}
                options={options}
                data-testid="registry-later-counterparty"
              />
            </Form.Item>
          )}
          {type === 'licence' && (
            <>
              <Form.Item name="licenceRights" label={t('registry.field.licenceRights')} rules={[{ required: true, type: 'array', min: 1, message: t('registry.later.rightsRequired') }]}>
                <Checkbox.Group data-testid="registry-later-licence-rights" options={LICENCE_RIGHTS.map((r) => ({ value: r, label: rightLabel(t, r) }))} />
              </Form.Item>
              <Form.Item name="licenceScope" label={t('registry.field.licenceScope')} rules={[...required(t('registry.later.scopeRequired')), { max: LIMITS.scope }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={LIMITS.scope} placeholder={t('registry.form.scopePlaceholder')} data-testid="registry-later-licence-scope" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={12}>
                  <Form.Item name="termFrom" label={t('registry.field.termFrom')} rules={required(t('registry.later.termFromRequired'))}>
                    <Input type="date" data-testid="registry-later-term-from" />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name="termTo" label={t('registry.field.termTo')} extra={t('registry.form.termToHint')}>
                    <Input type="date" data-testid="registry-later-term-to" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="exclusive" valuePropName="checked">
                <Checkbox data-testid="registry-later-exclusive">{t('registry.field.exclusive')}</Checkbox>
              </Form.Item>
            </>
          )}
          {(type === 'cancel' || type === 'revoke' || type === 'objection') && (
            <Form.Item name="grounds" label={t('registry.field.grounds')} rules={[...required(t('registry.later.groundsRequired')), { max: LIMITS.reason }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={LIMITS.reason} data-testid="registry-later-grounds" />
            </Form.Item>
          )}
        </Form>
      </div>
    </FormModal>
  );
}

/** A public register entry in words (used on the portal and for non-parties). */
export function PublicEntryView({ e }: { e: PublicEntry }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="registry-public-entry">
      <Descriptions.Item label={t('registry.field.number')}>
        <span className="lt-mono">{e.registrationNumber ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('registry.field.objectKind')}>{objectKindLabel(t, e.objectKind)}</Descriptions.Item>
      <Descriptions.Item label={t('registry.field.applicant')}>{text(e.applicant.name, locale)}</Descriptions.Item>
      <Descriptions.Item label={t('registry.field.grading')}>{gradingText(t, e.grading)}</Descriptions.Item>
      {e.assetStatus && (
        <Descriptions.Item label={t('registry.asset.status')}>
          <AssetStatusTag t={t} status={e.assetStatus} disputed={e.disputed} />
        </Descriptions.Item>
      )}
      {e.holder && <Descriptions.Item label={t('registry.asset.holder')}>{text(e.holder.name, locale)}</Descriptions.Item>}
      <Descriptions.Item label={t('registry.field.scenarioUsers')}>{e.scenario?.users ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('registry.field.scenarioPurpose')}>{e.scenario?.purpose ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('registry.detail.rights')} span={2}>
        <Space orientation="vertical" size={2}>
          {e.rights.map((r, i) => (
            <span key={`${r.kind}-${i}`}>{t('registry.public.right', { right: rightLabel(t, r.kind), holder: text(r.holder.name, locale), term: termText(t, r) })}</span>
          ))}
        </Space>
      </Descriptions.Item>
      {e.status === 'publicity' && <Descriptions.Item label={t('registry.field.publicityUntil')}>{publicityLastDay(e.publicityUntil) ?? '—'}</Descriptions.Item>}
      {e.registeredAt && <Descriptions.Item label={t('registry.field.registeredAt')}>{formatTime(e.registeredAt, locale)}</Descriptions.Item>}
    </Descriptions>
  );
}
