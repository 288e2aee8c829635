/**
 * One negotiation (磋商) and the contract it becomes: the terms on the table against the listed
 * price, the parties and their brokers, the history of moves (who offered what, when), the seals on
 * the contract and those still needed, and the moves the viewer may make now (access.ts
 * negotiationActions over the API's viewerMoves): a counter-offer with new terms, accept, agree (the
 * seller seals the contract), verify (the buyer seals and pays the amount into escrow), a broker's
 * seal, finalize (the contract in force once every broker sealed), terminate with a reason. Once
 * agreed, the contract document and its seals open on their own page; the DSP agreement is shown as
 * JSON. Once in force, what follows the seals (trade.panel.tsx): delivery, acceptance, settlement,
 * the transaction certificate, ratings, disputes, destruction. The exchange and the regulator read.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Popconfirm, Row, Skeleton, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { negotiationActions } from '../../access';
import { formatFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { ReasonModal } from './exchange.view';
import type { Pricing } from './listing.rules';
import { FLOW, flowIndex, PARTIES, type Terms } from './negotiation.rules';
import { TradePanel } from './trade.panel';
import { moveLabel, NegotiationStateTag, partiesById, partyLabel, stateLabel, termsLine, TermsModal, TermsView, viewerSideLabel } from './negotiation.view';

type Step = 'accept' | 'agree' | 'verify' | 'seal' | 'finalize';

export default function NegotiationDetailPage() {
  const { negotiationId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [round, setRound] = useState(0);
  const [countering, setCountering] = useState(false);
  const [terminating, setTerminating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const res = useApiResource(`exchange-negotiation-${negotiationId}-${round}`, () => unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}', { params: { path: { negotiationId } } })));
  const n = res.data && res.data.id === negotiationId ? res.data : undefined;
  if (res.loading && !n) return <Skeleton active />;
  if (!n) return <Alert type="error" showIcon title={res.error ?? t('exchange.negotiation.notFound')} data-testid="negotiation-load-error" />;

  const can = negotiationActions(me?.memberRole ?? null, n);
  const pricing = n.pricing as Pricing;
  const names = partiesById(n);
  const who = (orgId: string) => (names.has(orgId) ? orgName(names.get(orgId)!, locale) : orgId);
  const counterMove = can.request ? 'request' : can.offer ? 'offer' : null;
  const reload = () => setRound((r) => r + 1);
  const moved = (move: string) => {
    message.success(t('exchange.negotiation.done', { action: moveLabel(t, move) }));
    reload();
  };
  const post = async (move: Step | 'request' | 'offer' | 'terminate', body: { terms?: Terms; reason?: string } = {}) => {
    await unwrap(api.POST('/api/v1/exchange/negotiations/{negotiationId}/{move}', { params: { path: { negotiationId, move } }, body }));
    moved(move);
  };
  const now = async (step: Step) => {
    setBusy(step);
    setError(null);
    try {
      await post(step);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };
  const confirm = (step: Step, label: string, description: string, primary = true) => (
    <Popconfirm key={step} title={t('exchange.negotiation.confirm', { action: label })} description={<div style={{ maxWidth: 320 }}>{description}</div>} okText={label} cancelText={t('common.cancel')} onConfirm={() => now(step)}>
      <Button type={primary ? 'primary' : 'default'} loading={busy === step} data-testid={`negotiation-${step}`}>
        {label}
      </Button>
    </Popconfirm>
  );

  // What verifying pays into escrow (escrowDueFen, before VERIFIED): the amount and the buyer's broker's commission.
  const dueFen = n.escrowDueFen ?? null;
  const commissionFen = dueFen ? (BigInt(dueFen) - BigInt(n.amountFen)).toString() : null;
  const escrowDue = dueFen && n.buyerBroker && commissionFen !== '0'
    ? t('exchange.negotiation.verifyHintDue', { due: formatFen(dueFen), amount: formatFen(n.amountFen), commission: formatFen(commissionFen) })
    : t(n.buyerBroker && !dueFen ? 'exchange.negotiation.verifyHintBroker' : 'exchange.negotiation.verifyHint', { amount: formatFen(dueFen ?? n.amountFen) });
  const ended = n.state === 'TERMINATED';
  const final = n.state === 'FINALIZED' || ended;
  const forward = can.request || can.offer || can.accept || can.agree || can.verify || can.seal || can.finalize;
  const seals = PARTIES.filter((p) => p === 'seller' || p === 'buyer' || (p === 'sellerBroker' && n.sellerBroker) || (p === 'buyerBroker' && n.buyerBroker)).map((party) => {
    const s = n.seals.find((x) => x.party === party);
    const org = party === 'seller' ? n.seller : party === 'buyer' ? n.buyer : party === 'sellerBroker' ? n.sellerBroker! : n.buyerBroker!;
    return { party, org: orgName(org.name, locale), seal: s ?? null, needed: n.sealsNeeded.includes(party) };
  });

  return (
    <div data-testid="negotiation" data-id={n.id} data-state={n.state} data-viewer-side={n.viewerSide} data-viewer-party={n.viewerParty ?? ''}>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]} style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="negotiation-title">
            {orgName(n.listingTitle, locale)}
          </Typography.Title>
          <NegotiationStateTag state={n.state} testId="negotiation-state" />
          <Tag>{viewerSideLabel(t, n.viewerSide)}</Tag>
        </Space>
        <Space wrap>
          <Link to="/console/exchange/negotiations" data-testid="negotiation-back">
            {t('exchange.negotiation.back')}
          </Link>
          {n.documentDigest && (
            <Button icon={<FileTextOutlined />} onClick={() => navigate(`/console/exchange/negotiations/${n.id}/contract`)} data-testid="negotiation-contract-link">
              {t('exchange.negotiation.openContract')}
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} onClose={() => setError(null)} data-testid="negotiation-error" />}
      {ended && n.reason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('exchange.negotiation.terminatedBecause', { reason: n.reason })} data-testid="negotiation-reason" />}
      {!ended && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Steps
            responsive
            size="small"
            current={flowIndex(n.state)}
            status={n.state === 'FINALIZED' ? 'finish' : 'process'}
            items={FLOW.map((s, i) => ({ title: i === 0 && n.state === 'OFFERED' ? stateLabel(t, 'OFFERED') : stateLabel(t, s) }))}
          />
        </Card>
      )}
      {!final && (
        <Card title={t('exchange.negotiation.yourMove')} size="small" style={{ marginBottom: 16 }} data-testid="negotiation-actions">
          {can.verify && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={escrowDue} data-testid="negotiation-escrow-hint" data-due-fen={dueFen ?? ''} />}
          {can.awaitingBrokers && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('exchange.negotiation.awaitingBrokers')} data-testid="negotiation-awaiting-brokers" />}
          {!forward && (
            <Typography.Paragraph type="secondary" data-testid="negotiation-waiting">
              {n.viewerSide === 'overseer' ? t('exchange.negotiation.overseer') : t('exchange.negotiation.waiting')}
            </Typography.Paragraph>
          )}
          {(forward || can.terminate) && (
            <Space wrap>
              {counterMove && (
                <Button type={can.accept ? 'default' : 'primary'} onClick={() => setCountering(true)} data-testid="negotiation-counter">
                  {t('exchange.negotiation.counter')}
                </Button>
              )}
              {can.accept && confirm('accept', moveLabel(t, 'accept'), t('exchange.negotiation.acceptHint'))}
              {can.agree && confirm('agree', t('exchange.negotiation.agreeAction'), t('exchange.negotiation.agreeHint'))}
              {can.verify && confirm('verify', t('exchange.negotiation.verifyAction'), escrowDue)}
              {can.seal && confirm('seal', t('exchange.negotiation.sealAction'), t('exchange.negotiation.sealHint'))}
              {can.finalize && confirm('finalize', t('exchange.negotiation.finalizeAction'), t('exchange.negotiation.finalizeHint'))}
              {can.terminate && (
                <Button danger onClick={() => setTerminating(true)} data-testid="negotiation-terminate">
                  {t('exchange.negotiation.terminate')}
                </Button>
              )}
            </Space>
          )}
        </Card>
      )}
      <Card title={t('exchange.negotiation.terms')} style={{ marginBottom: 16 }} data-testid="negotiation-terms" data-amount-fen={n.amountFen} data-price-fen={n.terms.priceFen}>
        <TermsView terms={n.terms} pricing={pricing} listed={n.listedPriceFen} testId="negotiation-terms-view" />
        <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('exchange.listing.col.title')}>
            <Link to={`/market/${n.listingId}`}>{orgName(n.listingTitle, locale)}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.negotiation.round')}>{n.round}</Descriptions.Item>
          <Descriptions.Item label={partyLabel(t, 'seller')}>
            <span data-testid="negotiation-seller">{orgName(n.seller.name, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={partyLabel(t, 'buyer')}>
            <span data-testid="negotiation-buyer">{orgName(n.buyer.name, locale)}</span>
          </Descriptions.Item>
          {n.sellerBroker && <Descriptions.Item label={partyLabel(t, 'sellerBroker')}>{orgName(n.sellerBroker.name, locale)}</Descriptions.Item>}
          {n.buyerBroker && <Descriptions.Item label={partyLabel(t, 'buyerBroker')}>{orgName(n.buyerBroker.name, locale)}</Descriptions.Item>}
          <Descriptions.Item label={t('exchange.negotiation.contractNumber')}>
            <span className="lt-mono" data-testid="negotiation-contract-number">{n.contractNumber ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('exchange.negotiation.escrow')}>
            <span data-testid="negotiation-escrow" data-fen={n.escrowFen}>{n.escrowJournalId ? formatFen(n.escrowFen) : '—'}</span>
          </Descriptions.Item>
          {n.startsOn && n.endsOn && <Descriptions.Item label={t('exchange.negotiation.term')}>{t('exchange.negotiation.fromTo', { from: n.startsOn, to: n.endsOn })}</Descriptions.Item>}
          {n.documentDigest && (
            <Descriptions.Item label={t('exchange.contract.digest')}>
              <Typography.Text className="lt-mono" copyable={{ text: n.documentDigest }} style={{ wordBreak: 'break-all' }}>
                {n.documentDigest}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {n.state === 'FINALIZED' && <TradePanel n={n} onChanged={reload} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={t('exchange.negotiation.history')} style={{ height: '100%' }}>
            <Timeline
              data-testid="negotiation-history"
              items={n.moves.map((m) => ({
                key: m.seq,
                color: m.move === 'terminate' ? 'red' : m.move === 'finalize' ? 'green' : m.side === 'provider' ? 'blue' : 'gray',
                title: formatTime(m.at, locale),
                content: (
                  <div data-testid={`negotiation-move-${m.seq}`} data-move={m.move}>
                    <Typography.Text strong>{t('exchange.negotiation.moveBy', { org: who(m.orgId), move: moveLabel(t, m.move) })}</Typography.Text>
                    {m.terms && <div>{termsLine(t, pricing, m.terms)}</div>}
                    {m.note && (
                      <Typography.Text type="secondary" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                        {m.note}
                      </Typography.Text>
                    )}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('exchange.negotiation.seals')} style={{ height: '100%' }}>
            {n.documentDigest ? null : (
              <Typography.Paragraph type="secondary">{t('exchange.negotiation.sealsLater')}</Typography.Paragraph>
            )}
            <Table
              size="small"
              rowKey="party"
              pagination={false}
              data-testid="negotiation-seals"
              dataSource={seals}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ 'data-testid': `seal-${r.party}`, 'data-sealed': r.seal ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('exchange.negotiation.col.party'), key: 'party', render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{partyLabel(t, r.party)}</span> },
                { title: t('exchange.col.org'), dataIndex: 'org', key: 'org' },
                {
                  title: t('exchange.negotiation.col.seal'),
                  key: 'seal',
                  render: (_: unknown, r) =>
                    r.seal ? (
                      <>
                        <Tag icon={<CheckCircleFilled />} color="green">
                          {t('exchange.negotiation.sealed')}
                        </Tag>
                        <Typography.Text type="secondary" style={{ display: 'block', whiteSpace: 'nowrap', fontSize: 12 }}>
                          {formatTime(r.seal.signedAt, locale)}
                        </Typography.Text>
                      </>
                    ) : (
                      <Tag icon={<ClockCircleOutlined />} color={r.needed && !ended ? 'gold' : 'default'}>
                        {t('exchange.negotiation.sealNeeded')}
                      </Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {n.agreement && (
        <Collapse
          data-testid="negotiation-agreement"
          items={[
            {
              key: 'agreement',
              label: t('exchange.negotiation.agreement'),
              children: (
                <pre className="lt-mono" data-testid="negotiation-agreement-json" style={{ margin: 0, maxHeight: 480, overflow: 'auto' }}>
                  {JSON.stringify(n.agreement, null, 2)}
                </pre>
              ),
            },
          ]}
        />
      )}
      {countering && counterMove && (
        <TermsModal
          title={t('exchange.negotiation.counter')}
          intro={t(counterMove === 'request' ? 'exchange.negotiation.counterIntroBuyer' : 'exchange.negotiation.counterIntroSeller')}
          pricing={pricing}
          policy={n.policy}
          initial={n.terms}
          onClose={() => setCountering(false)}
          onSubmit={async (terms) => {
            await post(counterMove, { terms });
            setCountering(false);
          }}
        />
      )}
      {terminating && (
        <ReasonModal
          title={t('exchange.negotiation.terminate')}
          hint={t(n.escrowJournalId ? 'exchange.negotiation.terminateHintEscrow' : 'exchange.negotiation.terminateHint')}
          onClose={() => setTerminating(false)}
          onSubmit={async (reason) => {
            await post('terminate', { reason });
            setTerminating(false);
          }}
        />
      )}
    </div>
  );
}

