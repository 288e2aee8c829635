import { useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Empty, Popconfirm, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { agreementActions } from '../../access';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { useOrgNames } from '../catalog/resource.view';
import { AgreementProductsPanel } from './agreement-products.panel';
import {
  AgreementStatusTag, Digest, feeText, modeLabel, msg, purposeOf, TextModal, termText,
  type AgreementDetail, type Seal, type SealCheck, type SealVerification,
} from './authorization.view';

type Scope = AgreementDetail['scope'][number];
type Step = 'review' | 'reject' | 'withdraw' | 'seal' | 'activate' | 'suspend' | 'resume' | 'terminate';
/** Steps that need words: a note (review, optional) or a reason (required). */
type Worded = 'review' | 'reject' | 'suspend' | 'terminate';

/**
 * One authorized-operation agreement: its terms, scope, timeline, the two organisations' seals
 * (verifiable against the document), the steps the caller may take now, and its products.
 */
export default function AgreementDetailPage() {
  const { agreementId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const { message } = App.useApp();
  const orgNameOf = useOrgNames(locale);
  const res = useApiResource(`authorization-agreement-${agreementId}`, () => unwrap(api.GET('/api/v1/authorization/agreements/{agreementId}', { params: { path: { agreementId } } })));
  const [busy, setBusy] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Worded | null>(null);
  const [verification, setVerification] = useState<SealVerification | null>(null);
  const [verifying, setVerifying] = useState(false);

  const a = res.data && res.data.id === agreementId ? res.data : undefined;
  if (res.loading && !a) return <Skeleton active />;
  if (!a) return <Alert type="error" showIcon message={res.error} data-testid="agreement-load-error" />;
  const can = agreementActions(access, me ?? null, a);
  const path = { params: { path: { agreementId: a.id } } };

  /** Runs one step and reloads the agreement (its answer has no document). */
  const step = async (name: Step, call: () => Promise<unknown>) => {
    setBusy(name);
    setError(null);
    try {
      await call();
      message.success(msg(t, `authorization.done.${name}`));
      setVerification(null);
      res.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const post = (name: 'withdraw' | 'seal' | 'activate' | 'resume') => () =>
    step(name, () => {
      switch (name) {
        case 'withdraw': return unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/withdraw', path));
        case 'seal': return unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/seal', path));
        case 'activate': return unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/activate', path));
        case 'resume': return unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/resume', path));
      }
    });
  const worded = async (name: Worded, words: string | null) => {
    switch (name) {
      case 'review': await unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/review', { ...path, body: { note: words } })); break;
      case 'reject': await unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/reject', { ...path, body: { reason: words ?? '' } })); break;
      case 'suspend': await unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/suspend', { ...path, body: { reason: words ?? '' } })); break;
      case 'terminate': await unwrap(api.POST('/api/v1/authorization/agreements/{agreementId}/terminate', { ...path, body: { reason: words ?? '' } })); break;
    }
    setDialog(null);
    setError(null);
    setVerification(null);
    message.success(msg(t, `authorization.done.${name}`));
    res.reload();
  };
  const verify = async () => {
    setVerifying(true);
    setError(null);
    try {
      setVerification(await unwrap(api.GET('/api/v1/authorization/agreements/{agreementId}/seals/verify', path)));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setVerifying(false);
    }
  };

  const confirm = (name: 'withdraw' | 'seal' | 'activate' | 'resume', danger = false) => (
    <Popconfirm
      title={msg(t, `authorization.confirm.${name}`)}
      description={name === 'seal' ? t('authorization.confirm.sealText', { digest: a.documentDigest ?? '—' }) : undefined}
      okText={msg(t, `authorization.action.${name}`)}
      cancelText={t('common.cancel')}
      onConfirm={post(name)}
    >
      <Button type={danger ? 'default' : 'primary'} danger={danger} loading={busy === name} data-testid={`agreement-${name}`}>
        {msg(t, `authorization.action.${name}`)}
      </Button>
    </Popconfirm>
  );
  const open = (name: Worded, danger = false) => (
    <Button type={name === 'review' ? 'primary' : 'default'} danger={danger} onClick={() => setDialog(name)} data-testid={`agreement-${name}`}>
      {msg(t, `authorization.action.${name}`)}
    </Button>
  );

  const scopeColumns: TableProps<Scope>['columns'] = [
    {
      title: t('authorization.col.resource'),
      key: 'title',
      render: (_: unknown, s: Scope) => (
        <Link to={`/console/catalog/resources/${s.resourceId}`} data-testid={`scope-resource-${s.resourceId}`}>
          {orgName(s.title, locale)}
        </Link>
      ),
    },
    { title: t('authorization.col.source'), dataIndex: 'sourceOrgId', key: 'source', render: (id: string) => orgNameOf(id) },
    { title: t('authorization.col.fields'), dataIndex: 'fields', key: 'fields', render: (f: string[]) => <span className="lt-mono">{f.join(', ')}</span> },
  ];

  const timeline = (
    [
      ['appliedAt', a.appliedAt],
      ['reviewedAt', a.reviewedAt],
      ['signedAt', a.signedAt],
      ['activatedAt', a.activatedAt],
      ['endedAt', a.endedAt],
    ] as const
  )
    .filter(([, at]) => !!at)
    .map(([key, at]) => ({
      key,
      color: key === 'endedAt' ? 'gray' : 'blue',
      title: formatTime(at, locale),
      content: <span data-testid={`timeline-${key}`}>{msg(t, `authorization.timeline.${key}`)}</span>,
    }));

  return (
    <div>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} data-testid="agreement-title" style={{ margin: 0 }}>
            {purposeOf(t, a)}
          </Typography.Title>
          <AgreementStatusTag t={t} status={a.status} />
          <Tag>{modeLabel(t, a.mode)}</Tag>
        </Space>
        <Space wrap data-testid="agreement-actions">
          {can.review && open('review')}
          {can.seal && confirm('seal')}
          {can.activate && confirm('activate')}
          {can.resume && confirm('resume')}
          {can.withdraw && confirm('withdraw', true)}
          {can.reject && open('reject', true)}
          {can.suspend && open('suspend', true)}
          {can.terminate && open('terminate', true)}
        </Space>
      </div>
      {error && <Alert type="error" showIcon closable message={error} style={{ marginBottom: 16 }} data-testid="agreement-action-error" onClose={() => setError(null)} />}
      {res.error && <Alert type="error" showIcon message={res.error} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('authorization.detail.terms')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="agreement-terms">
            <Descriptions.Item label={t('authorization.field.implementingBody')}>
              <span data-testid="agreement-implementing">{orgNameOf(a.implementingOrgId)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.operator')}>
              <span data-testid="agreement-operator">{orgNameOf(a.operatorOrgId)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.mode')}>{modeLabel(t, a.mode)}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.domain')}>{a.domain ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.scenarios')} span={2}>
              {a.scenarios.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="agreement-scenarios">
                  {a.scenarios.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.term')}>{termText(a)}</Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.feeCap')}>
              <span data-testid="agreement-fee-cap">{feeText(t, a.feeCap)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.securityObligations')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.securityObligations}</Typography.Paragraph>
            </Descriptions.Item>
            {a.reviewNote && (
              <Descriptions.Item label={t('authorization.field.reviewNote')} span={2}>
                <span data-testid="agreement-review-note">{a.reviewNote}</span>
              </Descriptions.Item>
            )}
            {a.reason && (
              <Descriptions.Item label={t('authorization.field.reason')} span={2}>
                <span data-testid="agreement-reason">{a.reason}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('authorization.field.grants')}>
              <span data-testid="agreement-grants">{t('authorization.grants.count', { count: a.grantIds.length })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('authorization.field.id')}>
              <Typography.Text className="lt-mono" copyable>
                {a.id}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('authorization.field.scope')}>
          <Table<Scope> rowKey="resourceId" size="small" data-testid="agreement-scope" columns={scopeColumns} dataSource={a.scope} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card title={t('authorization.detail.timeline')} style={{ height: '100%' }}>
              <Timeline items={timeline} data-testid="agreement-timeline" />
              <Typography.Text type="secondary">{t('common.timeZoneNote')}</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card
              title={t('authorization.detail.seals')}
              style={{ height: '100%' }}
              extra={
                <Button onClick={verify} loading={verifying} disabled={!a.seals.implementingBody && !a.seals.operator} data-testid="agreement-verify-seals">
                  {t('authorization.seal.verify')}
                </Button>
              }
            >
              <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('authorization.field.documentDigest')}>
                  {a.documentDigest ? <Digest value={a.documentDigest} testId="agreement-digest" /> : t('authorization.seal.notFixed')}
                </Descriptions.Item>
              </Descriptions>
              <Row gutter={[16, 16]}>
                <Col xs={24} md={12}>
                  <SealView t={t} locale={locale} party="implementingBody" org={orgNameOf(a.implementingOrgId)} seal={a.seals.implementingBody} check={verification?.implementingBody} />
                </Col>
                <Col xs={24} md={12}>
                  <SealView t={t} locale={locale} party="operator" org={orgNameOf(a.operatorOrgId)} seal={a.seals.operator} check={verification?.operator} />
                </Col>
              </Row>
            </Card>
          </Col>
        </Row>
        <AgreementProductsPanel agreement={a} canDeclare={can.declare} />
        <Collapse
          items={[
            {
              key: 'document',
              label: t('authorization.detail.document'),
              children: (
                <pre className="lt-mono" style={{ margin: 0, maxHeight: 360, overflow: 'auto' }} data-testid="agreement-document">
                  {JSON.stringify(a.document, null, 2)}
                </pre>
              ),
            },
          ]}
        />
      </Space>
      {dialog && (
        <TextModal
          title={msg(t, `authorization.dialog.${dialog}`)}
          label={t(dialog === 'review' ? 'authorization.field.reviewNote' : 'authorization.field.reason')}
          intro={msg(t, `authorization.dialog.${dialog}Intro`)}
          required={dialog !== 'review'}
          testId={`${dialog}-text`}
          onSend={(words) => worded(dialog, words)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

/** One party's seal: who sealed, when, over which digest — and, once checked, whether it holds. */
function SealView(props: { t: Translate; locale: string; party: 'implementingBody' | 'operator'; org: string; seal: Seal | null; check: SealCheck | undefined }) {
  const { t, locale, party, seal, check } = props;
  return (
    <Card size="small" type="inner" title={msg(t, `authorization.seal.${party}`)} data-testid={`seal-${party}`} data-sealed={seal ? 'true' : 'false'}>
      {!seal ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('authorization.seal.none')} />
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('authorization.seal.org')}>{props.org}</Descriptions.Item>
          <Descriptions.Item label={t('authorization.seal.signedBy')}>
            <span className="lt-mono">{seal.signedBy ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('authorization.seal.signedAt')}>{formatTime(seal.signedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('authorization.seal.digest')}>
            <span className="lt-mono">{seal.digest}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('authorization.seal.key')}>
            <span className="lt-mono">{seal.kid}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {check && (
        <Tag color={check.valid ? 'green' : check.reason === 'not_sealed' ? 'default' : 'red'} data-testid={`seal-check-${party}`} data-valid={check.valid ? 'true' : 'false'} style={{ marginTop: 8 }}>
          {check.valid ? t('authorization.seal.valid') : check.reason === 'not_sealed' ? t('authorization.seal.none') : t('authorization.seal.invalid', { reason: check.reason ?? '—' })}
        </Tag>
      )}
    </Card>
  );
}
