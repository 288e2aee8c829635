/**
 * One dispute (争议详情), for its parties, its arbitrator and the overseers: the claim and the refund
 * asked, who raised it before whom, the seller and the buyer, the contract it concerns (its page
 * for those who may read it, the arbitrator included), and the
 * ruling once given — the refund ordered from escrow back to the buyer and the rest settled in the
 * usual split. The arbitration provider's staff rule here (access.ts disputeActions): the ruling in
 * words and the refund, confirmed before it executes; the server's refusal shows in the page.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Radio, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { disputeActions } from '../../access';
import { formatFen, yuanToFen } from '../../format/money.format';
import { formatTime } from '../../format/time.format';
import { orgName } from '../../format/labels';
import { refundProblem } from './trade.rules';
import { DisputeStatusTag, SettlementLines, useOrgDirectory, type Dispute } from './trade.view';

export default function DisputeDetailPage() {
  const { disputeId = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [round, setRound] = useState(0);
  const [ruled, setRuled] = useState<Dispute | null>(null);
  const res = useApiResource(`exchange-dispute-${disputeId}-${round}`, () => unwrap(api.GET('/api/v1/exchange/disputes/{disputeId}', { params: { path: { disputeId } } })));
  const loaded = res.data && res.data.id === disputeId ? res.data : undefined;
  // The ruling as the POST answered it until the dispute is read again (with its parties and contract).
  const d = ruled && ruled.id === disputeId && loaded?.status !== 'ruled' ? ruled : loaded;
  // The contract, where the viewer may read it (its parties, the named arbitrator and the overseers).
  const negotiationId = d?.negotiationId ?? '';
  const contract = useApiResource(`exchange-dispute-contract-${negotiationId}`, async () => {
    if (!negotiationId) return null;
    try {
      return await unwrap(api.GET('/api/v1/exchange/negotiations/{negotiationId}', { params: { path: { negotiationId } } }));
    } catch {
      return null;
    }
  });
  const nameOf = useOrgDirectory(locale);
  if (res.loading && !d) return <Skeleton active />;
  if (!d) return <Alert type="error" showIcon title={res.error ?? t('trade.disputes.notFound')} data-testid="dispute-load-error" />;
  const can = disputeActions(me ?? null, d);
  const n = contract.data ?? null;

  return (
    <div data-testid="dispute" data-id={d.id} data-status={d.status} data-refund-fen={d.refundFen ?? ''}>
      <div className="lt-page-header">
        <Space wrap size={[8, 8]}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="dispute-title">
            {t('trade.disputes.one')}
          </Typography.Title>
          <DisputeStatusTag status={d.status} testId="dispute-status" />
        </Space>
        <Link to="/console/exchange/disputes">{t('trade.disputes.back')}</Link>
      </div>
      <Card title={t('trade.disputes.claim')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('trade.dispute.col.raisedBy')}>
            <span data-testid="dispute-raised-by">{nameOf(d.raisedByOrgId)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.dispute.col.arbitrator')}>
            <span data-testid="dispute-arbitrator">{nameOf(d.arbitratorOrgId)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.dispute.col.claimed')}>
            <span data-testid="dispute-claimed" data-fen={d.claimedRefundFen}>{formatFen(d.claimedRefundFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.dispute.col.at')}>{formatTime(d.createdAt, locale)}</Descriptions.Item>
          {d.seller && (
            <Descriptions.Item label={t('trade.filings.side.seller')}>
              <span data-testid="dispute-seller">{orgName(d.seller.name, locale)}</span>
            </Descriptions.Item>
          )}
          {d.buyer && (
            <Descriptions.Item label={t('trade.filings.side.buyer')}>
              <span data-testid="dispute-buyer">{orgName(d.buyer.name, locale)}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('trade.disputes.contract')} span={2}>
            {n ? (
              <Link to={`/console/exchange/negotiations/${n.id}`} data-testid="dispute-contract">
                {`${n.contractNumber ?? n.id} · ${orgName(n.listingTitle, locale)} · ${formatFen(n.amountFen)}`}
              </Link>
            ) : (
              <span data-testid="dispute-contract">
                {[d.contractNumber ?? d.negotiationId, d.listingTitle ? orgName(d.listingTitle, locale) : null, d.amountFen ? formatFen(d.amountFen) : null].filter(Boolean).join(' · ')}
              </span>
            )}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="dispute-claim">
          {d.claim}
        </Typography.Paragraph>
      </Card>
      {d.status === 'ruled' && (
        <Card title={t('trade.disputes.ruling')} style={{ marginBottom: 16 }} data-testid="dispute-ruling">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('trade.dispute.col.refund')}>
              <span data-testid="dispute-refund" data-fen={d.refundFen ?? ''}>{formatFen(d.refundFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('trade.disputes.ruledAt')}>{formatTime(d.ruledAt, locale)}</Descriptions.Item>
            {d.penaltyFen && d.penaltyFen !== '0' && (
              <Descriptions.Item label={t('trade.disputes.penalty')} span={2}>
                <span data-testid="dispute-penalty" data-fen={d.penaltyFen} data-payer={d.penaltyPayer ?? ''}>
                  {t('trade.disputes.penaltyText', { amount: formatFen(d.penaltyFen), payer: d.penaltyPayer === 'seller' ? t('trade.filings.side.seller') : t('trade.filings.side.buyer') })}
                </span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="dispute-ruling-text">
            {d.ruling}
          </Typography.Paragraph>
          {d.settlement ? (
            <>
              <Typography.Paragraph type="secondary">{t('trade.disputes.settlesOn', { date: d.settlement.dueOn, amount: formatFen(d.settlement.amountFen) })}</Typography.Paragraph>
              <SettlementLines lines={d.settlement.lines} totalFen={d.settlement.amountFen} nameOf={(orgId, to) => (to === 'fee' ? t('trade.settlement.theExchange') : orgId ? nameOf(orgId) : '')} testId="dispute-settlement-lines" />
            </>
          ) : (
            n && <Typography.Paragraph type="secondary">{t('trade.disputes.settlementOnContract')}</Typography.Paragraph>
          )}
        </Card>
      )}
      {can.rule && <RulingForm d={d} amountFen={n?.amountFen ?? d.amountFen ?? null} onRuled={(r) => { setRuled(r); setRound((x) => x + 1); }} />}
      {can.rule && !n && !contract.loading && <Alert type="info" showIcon title={t('trade.disputes.contractHidden')} />}
    </div>
  );
}

interface RulingValues {
  ruling: string;
  refund: string;
  penalty: string;
  penaltyPayer?: 'seller' | 'buyer';
}

/** The arbitrator's ruling: executed at once — the refund from escrow to the buyer, the rest to settlement. */
function RulingForm({ d, amountFen, onRuled }: { d: Dispute; amountFen: string | null; onRuled(r: Dispute): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RulingValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refund = Form.useWatch('refund', form);
  const penalty = yuanToFen(Form.useWatch('penalty', form) ?? '') ?? '0';
  const rule = async () => {
    let v: RulingValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(api.POST('/api/v1/exchange/disputes/{disputeId}/ruling', { params: { path: { disputeId: d.id } }, body: { ruling: v.ruling.trim(), refundFen: yuanToFen(v.refund)!, ...(yuanToFen(v.penalty ?? '') && yuanToFen(v.penalty ?? '') !== '0' ? { penaltyFen: yuanToFen(v.penalty)!, penaltyPayer: v.penaltyPayer! } : {}) } }));
      message.success(t('trade.disputes.ruled'));
      onRuled(r);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('trade.disputes.rule')} style={{ marginBottom: 16 }} data-testid="ruling-form">
      <Typography.Paragraph type="secondary">{t('trade.disputes.ruleIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 12 }} onClose={() => setError(null)} data-testid="ruling-error" />}
      <Form<RulingValues> form={form} layout="vertical" initialValues={{ refund: '0', penalty: '0' }}>
        <Form.Item name="ruling" label={t('trade.disputes.rulingText')} rules={[{ required: true, whitespace: true, message: t('trade.required') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="ruling-text" />
        </Form.Item>
        <Form.Item
          name="refund"
          label={t('trade.disputes.refund')}
          extra={amountFen ? t('trade.dispute.claimedRefundHint', { amount: formatFen(amountFen) }) : t('trade.disputes.refundHint')}
          rules={[{ validator: async (_: unknown, v: string | undefined) => { const p = refundProblem(yuanToFen(v ?? ''), amountFen ?? '999999999999999999'); if (p) throw new Error(t(`trade.refundProblem.${p}`)); } }]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="ruling-refund" />
        </Form.Item>
        <Space wrap align="start" size={[16, 0]}>
          <Form.Item
            name="penalty"
            label={t('trade.disputes.penaltyLabel')}
            extra={t('trade.disputes.penaltyHint')}
            rules={[{ validator: async (_: unknown, v: string | undefined) => { const p = refundProblem(yuanToFen(v ?? ''), amountFen ?? '999999999999999999'); if (p) throw new Error(t(p === 'amount' ? 'trade.refundProblem.amount' : 'trade.disputes.penaltyAboveAmount')); } }]}
          >
            <Input prefix="¥" inputMode="decimal" data-testid="ruling-penalty" />
          </Form.Item>
          {penalty !== '0' && (
            <Form.Item name="penaltyPayer" label={t('trade.disputes.penaltyPayer')} rules={[{ required: true, message: t('trade.required') }]}>
              <Radio.Group data-testid="ruling-penalty-payer" options={[{ value: 'seller', label: t('trade.filings.roleSeller') }, { value: 'buyer', label: t('trade.filings.roleBuyer') }]} />
            </Form.Item>
          )}
        </Space>
      </Form>
      <Popconfirm
        title={t('trade.disputes.ruleConfirm')}
        description={<div style={{ maxWidth: 320 }}>{t('trade.disputes.ruleConfirmHint', { refund: formatFen(yuanToFen(refund ?? '') ?? '') })}</div>}
        okText={t('trade.disputes.rule')}
        cancelText={t('common.cancel')}
        onConfirm={() => rule()}
      >
        <Button type="primary" loading={busy} data-testid="ruling-submit">
          {t('trade.disputes.rule')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
