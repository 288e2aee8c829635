/**
 * A contract in force, after the seals (交付 → 验收 → 清结算 → 售后), on the negotiation's page:
 * delivery and acceptance (trade-delivery.panel.tsx); API access through the gateway and its billing
 * by use (trade-api.panel.tsx); the settlement of the deal once accepted — the
 * split lines with who gets what, its status and due date; the transaction certificate the exchange
 * issued to the buyer; ratings of the counterparty once accepted; disputes before an arbitration
 * provider while the money is in escrow; insurance and custody attached by their providers; and the buyer's destruction attestation once the contract
 * ended. Each part shows to whom it applies (access.ts tradeActions; the server still decides), and
 * a refusal shows the server's message where it happened.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Rate, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { AlertOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { tradeActions, type TradeSteps } from '../../access';
import { FormModal } from '../../layout/form.modal';
import { formatFen, yuanToFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { DESTRUCTION_METHODS, refundProblem, SHA256_HEX, shanghaiToday } from './trade.rules';
import { AttachmentsTable, destructionMethodLabel, DisputeStatusTag, SettlementLines, SettlementStatusTag, useOrgDirectory, type Dispute, type SettlementItem } from './trade.view';
import { DeliverySection } from './trade-delivery.panel';
import { ApiAccessSection } from './trade-api.panel';
import { partiesById, type Negotiation } from './negotiation.view';

export function TradePanel({ n, onChanged }: { n: Negotiation; onChanged(): void }) {
  const { me } = useSession();
  const { locale } = useI18n();
  const [round, setRound] = useState(0);
  const key = `${n.id}-${n.acceptedAt ?? ''}-${n.deliveredAt ?? ''}-${round}`;
  const deliveries = useApiResource(`trade-deliveries-${key}`, async () => (await unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}/deliveries', { params: { path: { negotiationId: n.id } } }))).items);
  const settlement = useApiResource(`trade-settlement-${key}`, async () => (await unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}/settlement', { params: { path: { negotiationId: n.id } } }))).item);
  const overseer = n.viewerSide === 'overseer';
  // This contract's disputes (the caller's as party or arbitrator; every one for the overseers).
  const disputes = useApiResource(`trade-disputes-${key}`, async () => (await unwrap(api.GET('/api/v1/exchange/disputes', { params: { query: { page: 1, pageSize: 100, negotiationId: n.id, ...(overseer ? { all: true } : {}) } } }))).items);
  const changed = () => {
    setRound((r) => r + 1);
    onChanged();
  };
  // Whether the listing offers API delivery: asked only while the seller may still open API access.
  const apiPending = n.viewerParty === 'seller' && !n.acceptedAt && !n.grantId;
  const listing = useApiResource(`trade-listing-${n.listingId}-${apiPending}`, async () => (apiPending ? unwrap(api.GET('/api/v1/exchange/listings/{listingId}', { params: { path: { listingId: n.listingId } } })) : null));
  const item = settlement.data ?? null;
  const openDispute = (disputes.data ?? []).some((d) => d.status === 'open');
  const can = tradeActions(me?.memberRole ?? null, n, { today: shanghaiToday(), settlementStatus: item?.status ?? null, openDispute, apiOffered: listing.data?.deliveryMethods.includes('api') ?? false });
  const names = partiesById(n);
  const orgNameOf = useOrgDirectory(locale);
  const nameOf = (orgId: string | null) => (orgId && names.has(orgId) ? orgName(names.get(orgId)!, locale) : orgId ? orgNameOf(orgId) : '');
  const party = n.viewerParty === 'buyer' || n.viewerParty === 'seller';
  // The certificate is the buyer's (held), the seller's (its data user) and the overseers' to see; brokers are not on it.
  const certificateShown = party || overseer;

  return (
    <div data-testid="trade" data-settlement-status={item?.status ?? ''}>
      <DeliverySection n={n} deliveries={deliveries.data ?? []} can={can} onChanged={changed} />
      <ApiAccessSection n={n} can={can} onChanged={changed} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={certificateShown ? 14 : 24}>
          <SettlementCard n={n} item={item} error={settlement.error} nameOf={nameOf} />
        </Col>
        {certificateShown && (
          <Col xs={24} xl={10}>
            <CertificateCard n={n} />
          </Col>
        )}
      </Row>
      {(can.rate || (party && n.acceptedAt)) && <RatingCard key={String(n.viewerRated ?? false)} n={n} can={can} nameOf={nameOf} />}
      <DisputeCard n={n} can={can} disputes={disputes.data ?? []} error={disputes.error} nameOf={nameOf} onChanged={changed} />
      <AttachmentsCard n={n} nameOf={(orgId) => nameOf(orgId)} />
      {(can.attestDestruction || n.destruction) && <DestructionCard n={n} onChanged={changed} />}
    </div>
  );
}

/** The deal's settlement item: the split, its status, due date and batch. */
function SettlementCard({ n, item, error, nameOf }: { n: Negotiation; item: SettlementItem | null; error: string | null; nameOf(orgId: string | null): string }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('trade.settlement.title')} style={{ height: '100%' }} data-testid="settlement" data-status={item?.status ?? 'none'} data-due-on={item?.dueOn ?? ''} data-amount-fen={item?.amountFen ?? ''} data-batch={item?.batchId ?? ''}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!item ? (
        <Typography.Paragraph type="secondary" data-testid="settlement-none">
          {n.acceptedAt ? t('trade.settlement.billed') : t('trade.settlement.afterAcceptance', { escrow: formatFen(n.escrowFen) })}
        </Typography.Paragraph>
      ) : (
        <>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('trade.settlement.status')}>
              <SettlementStatusTag status={item.status} testId="settlement-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('trade.settlement.dueOn')}>
              <span data-testid="settlement-due-on">{item.dueOn}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('trade.settlement.escrow')}>{formatFen(item.amountFen)}</Descriptions.Item>
            {item.settledAt && <Descriptions.Item label={t('trade.settlement.settledAt')}>{formatTime(item.settledAt, locale)}</Descriptions.Item>}
            {item.batchId && (
              <Descriptions.Item label={t('trade.settlement.batch')}>
                <span className="lt-mono" data-testid="settlement-batch">{item.batchId}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          {item.status === 'held' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('trade.settlement.heldHint')} />}
          {item.status === 'pending' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('trade.settlement.pendingHint', { date: item.dueOn })} />}
          <SettlementLines lines={item.lines} totalFen={item.amountFen} nameOf={(orgId, to) => (to === 'fee' ? t('trade.settlement.theExchange') : nameOf(orgId))} />
        </>
      )}
    </Card>
  );
}

/** Insurance and custody its providers attached to the contract (shown once there is any). */
function AttachmentsCard({ n, nameOf }: { n: Negotiation; nameOf(orgId: string): string }) {
  const { t } = useI18n();
  const list = useApiResource(`trade-attachments-${n.id}`, async () => (await unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}/attachments', { params: { path: { negotiationId: n.id } } }))).items);
  if (!list.error && !(list.data ?? []).length) return null;
  return (
    <Card title={t('trade.attachment.title')} style={{ marginBottom: 16 }} data-testid="trade-attachments" data-count={list.data?.length ?? 0}>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('trade.attachment.intro')}</Typography.Paragraph>
      <AttachmentsTable items={list.data ?? []} nameOf={nameOf} />
    </Card>
  );
}

/** The transaction certificate (数据交易凭证) issued to the buyer at finalisation. */
function CertificateCard({ n }: { n: Negotiation }) {
  const { t, locale } = useI18n();
  const certs = useApiResource(`trade-certificate-${n.id}`, async () => (await unwrap(api.GET('/api/v1/certificates', { params: { query: { box: 'all', type: 'transaction', sourceId: n.id, page: 1, pageSize: 10 } } }))).items);
  const list = certs.data ?? [];
  const current = list.find((c) => c.status === 'active') ?? list[0];
  return (
    <Card title={t('trade.certificate.title')} style={{ height: '100%' }} data-testid="trade-certificate" data-count={certs.data ? list.length : ''}>
      {certs.error && <Alert type="error" showIcon title={certs.error} />}
      {certs.data && !current && <Typography.Paragraph type="secondary" data-testid="trade-certificate-none">{t('trade.certificate.none')}</Typography.Paragraph>}
      {current && (
        <Space orientation="vertical">
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('trade.certificate.intro')}</Typography.Paragraph>
          <Space wrap>
            <Link to={`/console/certificates/${current.id}`} data-testid="trade-certificate-link" data-id={current.id}>
              <SafetyCertificateOutlined /> {t('trade.certificate.open')}
            </Link>
            <Tag color={current.status === 'active' ? 'green' : 'default'} data-testid="trade-certificate-status" data-status={current.status}>
              {t(`trade.certificate.status.${current.status}`)}
            </Tag>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('trade.certificate.issuedAt', { time: formatTime(current.issuedAt, locale) })}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}

/** Rating the counterparty (1–5 and a comment, once) once the delivery was accepted; its public rating shown. */
function RatingCard({ n, can, nameOf }: { n: Negotiation; can: TradeSteps; nameOf(orgId: string | null): string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const other = n.viewerParty === 'buyer' ? n.seller.orgId : n.buyer.orgId;
  const [round, setRound] = useState(0);
  const ratings = useApiResource(`trade-ratings-${other}-${round}`, () => unwrap(api.GET('/api/v1/public/exchange/ratings/{orgId}', { params: { path: { orgId: other } } })));
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [given, setGiven] = useState<number | null>(null);
  const rate = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/ratings', { params: { path: { negotiationId: n.id } }, body: { score, comment: comment.trim() } }));
      setGiven(r.score);
      message.success(t('trade.rating.done'));
      setRound((x) => x + 1);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  const r = ratings.data;
  return (
    <Card title={t('trade.rating.title', { org: nameOf(other) })} style={{ marginBottom: 16 }} data-testid="rating" data-given={given ?? ''}>
      {r && (
        <Typography.Paragraph data-testid="rating-public" data-count={r.count} data-average={r.average ?? ''}>
          {r.count ? t('trade.rating.public', { average: (r.average ?? 0).toFixed(1), count: r.count }) : t('trade.rating.noneYet')}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} data-testid="rating-error" />}
      {given !== null ? (
        <Alert type="success" showIcon title={t('trade.rating.given', { score: given })} />
      ) : n.viewerRated ? (
        <Alert type="success" showIcon title={t('trade.rating.rated')} data-testid="rating-rated" />
      ) : (
        can.rate && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('trade.rating.hint')}</Typography.Text>
            <Rate value={score} onChange={setScore} data-testid="rating-score" aria-label={t('trade.rating.score')} />
            <Input.TextArea rows={2} maxLength={1000} showCount value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('trade.rating.comment')} data-testid="rating-comment" />
            <Button type="primary" disabled={score < 1} loading={busy} onClick={() => void rate()} data-testid="rating-submit">
              {t('trade.rating.submit')}
            </Button>
          </Space>
        )
      )}
    </Card>
  );
}

/** The contract's disputes, and raising one before an arbitration provider (a party, while the money is in escrow). */
function DisputeCard({ n, can, disputes, error, nameOf, onChanged }: { n: Negotiation; can: TradeSteps; disputes: readonly Dispute[]; error: string | null; nameOf(orgId: string | null): string; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [raising, setRaising] = useState(false);
  if (!can.dispute && disputes.length === 0 && !error) return null;
  return (
    <Card
      title={t('trade.dispute.title')}
      style={{ marginBottom: 16 }}
      data-testid="trade-disputes"
      data-count={disputes.length}
      extra={can.dispute && (
        <Button danger icon={<AlertOutlined />} onClick={() => setRaising(true)} data-testid="dispute-raise">
          {t('trade.dispute.raise')}
        </Button>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {disputes.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('trade.dispute.hint')}</Typography.Paragraph>
      ) : (
        <Table<Dispute>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...disputes]}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('trade.dispute.col.status'), dataIndex: 'status', key: 'status', render: (s: string, d) => <Link to={`/console/exchange/disputes/${d.id}`} data-testid={`trade-dispute-${d.id}`}><DisputeStatusTag status={s} /></Link> },
            { title: t('trade.dispute.col.raisedBy'), dataIndex: 'raisedByOrgId', key: 'by', render: (v: string) => nameOf(v) },
            { title: t('trade.dispute.col.arbitrator'), dataIndex: 'arbitratorOrgId', key: 'arb', render: (v: string) => nameOf(v) },
            { title: t('trade.dispute.col.claimed'), dataIndex: 'claimedRefundFen', key: 'claimed', align: 'right', render: (v: string) => formatFen(v) },
            { title: t('trade.dispute.col.refund'), dataIndex: 'refundFen', key: 'refund', align: 'right', render: (v: string | null) => formatFen(v) },
            { title: t('trade.disputes.penalty'), dataIndex: 'penaltyFen', key: 'penalty', align: 'right', render: (v: string | null) => (v && v !== '0' ? formatFen(v) : '—') },
            { title: t('trade.dispute.col.at'), dataIndex: 'createdAt', key: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, locale)}</span> },
          ]}
        />
      )}
      {raising && <RaiseDisputeModal n={n} onClose={() => setRaising(false)} onRaised={() => { setRaising(false); onChanged(); }} />}
    </Card>
  );
}

interface DisputeValues {
  arbitratorOrgId: string;
  claim: string;
  refund: string;
}

function RaiseDisputeModal({ n, onClose, onRaised }: { n: Negotiation; onClose(): void; onRaised(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DisputeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The exchange's active members offering arbitration (never a party to the contract).
  const arbitrators = useApiResource('trade-arbitrators', async () => (await unwrap(api.GET('/api/v1/public/exchange/members', { params: { query: { kind: 'service_provider', service: 'arbitration', page: 1, pageSize: 100 } } }))).items);
  const options = (arbitrators.data ?? []).filter((m) => m.orgId !== n.buyer.orgId && m.orgId !== n.seller.orgId).map((m) => ({ value: m.orgId, label: orgName(m.orgName, locale) }));
  return (
    <FormModal open title={t('trade.dispute.raise')} busy={busy} error={error} onCancel={onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('trade.dispute.raiseIntro', { amount: formatFen(n.amountFen) })}</Typography.Paragraph>
      {arbitrators.data && options.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('trade.dispute.noArbitrator')} data-testid="dispute-no-arbitrator" />}
      <Form<DisputeValues>
        form={form}
        layout="vertical"
        initialValues={{ refund: '0' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/disputes', { params: { path: { negotiationId: n.id } }, body: { arbitratorOrgId: v.arbitratorOrgId, claim: v.claim.trim(), claimedRefundFen: yuanToFen(v.refund)! } }));
            message.success(t('trade.dispute.raised'));
            onRaised();
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="arbitratorOrgId" label={t('trade.dispute.arbitrator')} rules={[{ required: true, message: t('trade.required') }]}>
          <Select options={options} loading={arbitrators.loading} data-testid="dispute-arbitrator" />
        </Form.Item>
        <Form.Item name="claim" label={t('trade.dispute.claim')} rules={[{ required: true, whitespace: true, message: t('trade.required') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="dispute-claim" />
        </Form.Item>
        <Form.Item
          name="refund"
          label={t('trade.dispute.claimedRefund')}
          extra={t('trade.dispute.claimedRefundHint', { amount: formatFen(n.amountFen) })}
          rules={[{ validator: async (_: unknown, v: string | undefined) => { const p = refundProblem(yuanToFen(v ?? ''), n.amountFen); if (p) throw new Error(t(`trade.refundProblem.${p}`)); } }]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="dispute-refund" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface DestructionValues {
  statement: string;
  method: (typeof DESTRUCTION_METHODS)[number];
  evidenceSha256?: string;
}

/** The buyer's destruction attestation (销毁证明) once the contract ended. */
function DestructionCard({ n, onChanged }: { n: Negotiation; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<DestructionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attested, setDone] = useState<{ attestedAt: string; method: string } | null>(null);
  const done = n.destruction ?? attested;
  return (
    <Card title={t('trade.destruction.title')} style={{ marginBottom: 16 }} data-testid="destruction" data-attested={done ? 'true' : 'false'}>
      <Typography.Paragraph type="secondary">{t(n.policy.destructionRequired ? 'trade.destruction.required' : 'trade.destruction.optional', { date: n.endsOn ?? '—' })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} data-testid="destruction-error" />}
      {done ? (
        <>
          <Alert type="success" showIcon title={t('trade.destruction.done', { time: formatTime(done.attestedAt, locale), method: destructionMethodLabel(t, done.method) })} data-testid="destruction-done" />
          {n.destruction && (
            <Descriptions column={1} size="small" style={{ marginTop: 12 }} data-testid="destruction-attestation">
              <Descriptions.Item label={t('trade.destruction.statement')}><span style={{ whiteSpace: 'pre-wrap' }}>{n.destruction.statement}</span></Descriptions.Item>
              {n.destruction.evidenceSha256 && (
                <Descriptions.Item label={t('trade.destruction.evidence')}>
                  <Typography.Text className="lt-mono" copyable style={{ wordBreak: 'break-all' }}>{n.destruction.evidenceSha256}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
        </>
      ) : (
        <Form<DestructionValues>
          form={form}
          layout="vertical"
          initialValues={{ method: 'deletion' }}
          onFinish={async (v) => {
            setBusy(true);
            setError(null);
            try {
              const evidence = v.evidenceSha256?.trim().toLowerCase();
              const d = await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/destruction', { params: { path: { negotiationId: n.id } }, body: { statement: v.statement.trim(), method: v.method, ...(evidence ? { evidenceSha256: evidence } : {}) } }));
              setDone(d);
              onChanged();
            } catch (err) {
              setError(errorMessage(err, t));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="statement" label={t('trade.destruction.statement')} extra={t('trade.destruction.statementHint')} rules={[{ required: true, whitespace: true, message: t('trade.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="destruction-statement" />
          </Form.Item>
          <Form.Item name="method" label={t('trade.destruction.methodLabel')}>
            <Select options={DESTRUCTION_METHODS.map((m) => ({ value: m, label: destructionMethodLabel(t, m) }))} data-testid="destruction-method" />
          </Form.Item>
          <Form.Item name="evidenceSha256" label={t('trade.destruction.evidence')} extra={t('trade.destruction.evidenceHint')} rules={[{ validator: async (_: unknown, v: string | undefined) => { if (v && v.trim() && !SHA256_HEX.test(v.trim().toLowerCase())) throw new Error(t('trade.destruction.evidenceRule')); } }]}>
            <Input className="lt-mono" data-testid="destruction-evidence" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="destruction-submit">
            {t('trade.destruction.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
