/**
 * Shared pieces of the negotiation and contract pages (撮合 → 成交) and of the listing pages that
 * open a negotiation: the API's shapes, the labels of states, moves and parties, the state tag, the
 * terms as a list, the terms form (a request to buy, a counter-offer) and the "request to buy"
 * entry of a listed listing for a buyer member or a broker buying for its clients.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { paths } from '../../api/openapi.schema';
import { api, unwrap } from '../../api/api.client';
import { errorMessage } from '../../api/api.errors';
import { useApiResource } from '../../api/api-resource.hook';
import { useI18n, type Translate } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import type { MessageKey } from '../../locales/index';
import { FormModal } from '../../layout/form.modal';
import { formatFen } from '../../format/money.format';
import { orgName } from '../../format/labels';
import { periodLabel } from './listing.view';
import type { Pricing, UsagePolicy } from './listing.rules';
import { amountFen, buyerChoices, listedPriceFen, termsFrom, termsProblem, termsValues, unitOf, type Terms, type TermsValues } from './negotiation.rules';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Negotiation = Json<'/api/v1/exchange/negotiations/{negotiationId}', 'get'>;
export type NegotiationSummary = Json<'/api/v1/exchange/negotiations', 'get'>['items'][number];
export type ContractSeals = Json<'/api/v1/exchange/negotiations/{negotiationId}/seals', 'get'>;
type OrgRef = { orgId: string; name: { zh: string; en: string } };

const msg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
export const stateLabel = (t: Translate, s: string) => msg(t, `exchange.negotiation.state.${s}`);
export const moveLabel = (t: Translate, m: string) => msg(t, `exchange.negotiation.move.${m}`);
export const partyLabel = (t: Translate, p: string) => msg(t, `exchange.negotiation.party.${p}`);
export const viewerSideLabel = (t: Translate, s: string) => msg(t, `exchange.negotiation.side.${s}`);
export const termsProblemLabel = (t: Translate, p: string) => msg(t, `exchange.terms.problem.${p}`);

const STATE_COLOURS: Record<string, string> = { REQUESTED: 'blue', OFFERED: 'geekblue', ACCEPTED: 'cyan', AGREED: 'gold', VERIFIED: 'orange', FINALIZED: 'green', TERMINATED: 'red' };

export function NegotiationStateTag({ state, testId }: { state: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state] ?? 'default'} data-state={state} data-testid={testId}>
      {stateLabel(t, state)}
    </Tag>
  );
}

/** The organisations of a negotiation by id (for its moves and seals). */
export function partiesById(n: { seller: OrgRef; buyer: OrgRef; sellerBroker: OrgRef | null; buyerBroker: OrgRef | null }): Map<string, OrgRef['name']> {
  return new Map([n.seller, n.buyer, n.sellerBroker, n.buyerBroker].filter((p): p is OrgRef => !!p).map((p) => [p.orgId, p.name]));
}

/** The price with its unit: `¥30,000.00 / 年`, `¥0.50 / 次`, `¥12.50（总价）`. */
export function unitPriceText(t: Translate, pricing: Pricing, priceFen: string): string {
  const amount = formatFen(priceFen);
  const unit = unitOf(pricing);
  if (unit === 'call') return t('exchange.price.per_call', { amount });
  if (unit === 'period' && pricing.model === 'subscription') return t('exchange.price.subscription', { amount, period: periodLabel(t, pricing.period) });
  return t('exchange.terms.whole', { amount });
}

/** The quantity with its unit: `1 年`, `10,000 次`, `1 份`. */
export function quantityText(t: Translate, pricing: Pricing, quantity: number): string {
  const n = quantity.toLocaleString('en-US');
  const unit = unitOf(pricing);
  if (unit === 'call') return t('exchange.terms.calls', { n });
  if (unit === 'period' && pricing.model === 'subscription') return t('exchange.terms.periods', { n, period: periodLabel(t, pricing.period) });
  return t('exchange.terms.wholeQuantity', { n });
}

/** One line of terms, for the history: price, quantity, amount. */
export function termsLine(t: Translate, pricing: Pricing, terms: Terms): string {
  return t('exchange.terms.line', { price: unitPriceText(t, pricing, terms.priceFen), quantity: quantityText(t, pricing, terms.quantity), amount: formatFen(amountFen(terms)) });
}

/** The terms on the table: price per unit (against the listed price), quantity, amount, purposes, period, uses. */
export function TermsView({ terms, pricing, listed, testId }: { terms: Terms; pricing: Pricing; listed?: string | null; testId?: string }) {
  const { t } = useI18n();
  const below = listed ? BigInt(terms.priceFen) - BigInt(listed) : null;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid={testId}>
      <Descriptions.Item label={t('exchange.terms.price')}>
        <span data-testid="terms-view-price" data-fen={terms.priceFen}>
          <Typography.Text strong>{unitPriceText(t, pricing, terms.priceFen)}</Typography.Text>
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('exchange.terms.listedPrice')}>
        <span data-testid="terms-view-listed" data-fen={listed ?? ''}>
          {listed ? unitPriceText(t, pricing, listed) : t('exchange.price.quote')}
          {below !== null && below !== 0n && (
            <Typography.Text type={below < 0n ? 'success' : 'warning'} style={{ marginLeft: 8 }}>
              {below < 0n ? t('exchange.terms.belowListed', { amount: formatFen((-below).toString()) }) : t('exchange.terms.aboveListed', { amount: formatFen(below.toString()) })}
            </Typography.Text>
          )}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('exchange.terms.quantity')}>{quantityText(t, pricing, terms.quantity)}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.terms.amount')}>
        <Typography.Text strong data-testid="terms-view-amount">
          {formatFen(amountFen(terms))}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('exchange.listingForm.purposes')}>
        <Space wrap size={[4, 4]}>
          {terms.purposes.map((p) => <Tag key={p}>{p}</Tag>)}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('exchange.listingForm.periodDays')}>{t('exchange.listing.periodDays', { days: terms.periodDays })}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.listingForm.maxUses')}>{terms.maxUses === null ? t('exchange.listing.unlimited') : t('exchange.listing.maxUses', { n: terms.maxUses })}</Descriptions.Item>
    </Descriptions>
  );
}

interface TermsFormValues extends TermsValues {
  buyerOrgId?: string;
  note?: string;
}

/**
 * The terms form in a dialog: the price in yuan (the listed price shown beside it), the quantity in
 * the listing's unit, purposes among the listing's, period and uses within its policy; the amount
 * follows as it is typed, and terms outside the policy are refused before anything is sent.
 */
export function TermsModal(props: {
  title: string;
  intro: string;
  pricing: Pricing;
  policy: UsagePolicy;
  initial?: Terms | null;
  /** Whom the request is for, when the caller may buy for its broker's clients. */
  buyers?: Array<{ value: string; label: string }>;
  note?: boolean;
  onSubmit(terms: Terms, extra: { buyerOrgId?: string; note?: string }): Promise<void>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<TermsFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { pricing, policy } = props;
  const unit = unitOf(pricing);
  const initial: TermsFormValues = { ...termsValues(pricing, policy, props.initial), ...(props.buyers?.length ? { buyerOrgId: props.buyers[0]!.value } : {}), note: '' };
  const watched = Form.useWatch([], form) as TermsFormValues | undefined;
  const terms = termsFrom({ ...initial, ...(watched ?? {}) }, pricing);
  const amount = amountFen(terms);
  const listed = listedPriceFen(pricing, terms.quantity || 1);
  return (
    <FormModal open title={props.title} busy={busy} error={error} onCancel={props.onClose} onSubmit={() => form.submit()}>
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      <Form<TermsFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        data-testid="terms-form"
        onFinish={async (v) => {
          const next = termsFrom(v, pricing);
          const problem = termsProblem(next, pricing, policy);
          if (problem) {
            setError(termsProblemLabel(t, problem));
            return;
          }
          setBusy(true);
          setError(null);
          try {
            await props.onSubmit(next, { ...(v.buyerOrgId ? { buyerOrgId: v.buyerOrgId } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
          } catch (err) {
            setError(errorMessage(err, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        {props.buyers && props.buyers.length > 0 && (
          <Form.Item name="buyerOrgId" label={t('exchange.terms.buyer')} extra={t('exchange.terms.buyerHint')} rules={[{ required: true, message: t('exchange.required') }]}>
            <Select options={props.buyers} data-testid="terms-buyer" />
          </Form.Item>
        )}
        <Form.Item
          name="price"
          label={t(unit === 'call' ? 'exchange.terms.pricePerCall' : unit === 'period' ? 'exchange.terms.pricePerPeriod' : 'exchange.terms.priceWhole')}
          extra={listed ? t('exchange.terms.listedHint', { price: unitPriceText(t, pricing, listed) }) : t('exchange.terms.quoteHint')}
          rules={[
            { required: true, whitespace: true, message: t('exchange.required') },
            { validator: async (_: unknown, v: string | undefined) => { if (v && !/^[1-9][0-9]*$/.test(termsFrom({ ...initial, price: v }, pricing).priceFen)) throw new Error(t('exchange.terms.priceRule')); } },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="terms-price" />
        </Form.Item>
        {unit !== 'whole' && (
          <Form.Item
            name="quantity"
            label={unit === 'call' ? t('exchange.terms.callsLabel') : t('exchange.terms.periodsLabel', { period: pricing.model === 'subscription' ? periodLabel(t, pricing.period) : '' })}
            extra={unit === 'call' ? t('exchange.terms.callsHint') : undefined}
            rules={[{ required: true, message: t('exchange.required') }]}
          >
            <InputNumber min={1} max={unit === 'call' && policy.maxUses !== null ? policy.maxUses : 100_000_000} precision={0} style={{ width: '100%' }} data-testid="terms-quantity" />
          </Form.Item>
        )}
        <Form.Item name="purposes" label={t('exchange.listingForm.purposes')} rules={[{ required: true, type: 'array', min: 1, message: t('exchange.terms.purposesRule') }]}>
          <Checkbox.Group data-testid="terms-purposes" options={policy.purposes.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="periodDays" label={t('exchange.listingForm.periodDays')} extra={t('exchange.terms.periodHint', { days: policy.periodDays })} rules={[{ required: true, message: t('exchange.required') }]}>
          <InputNumber min={1} max={policy.periodDays} precision={0} style={{ width: '100%' }} data-testid="terms-period" />
        </Form.Item>
        {unit !== 'call' && (
          <Form.Item
            name="maxUses"
            label={t('exchange.listingForm.maxUses')}
            extra={policy.maxUses === null ? t('exchange.terms.usesUnlimitedHint') : t('exchange.terms.usesHint', { n: policy.maxUses })}
            rules={policy.maxUses === null ? [] : [{ required: true, message: t('exchange.required') }]}
          >
            <InputNumber min={1} max={policy.maxUses ?? undefined} precision={0} style={{ width: '100%' }} data-testid="terms-max-uses" />
          </Form.Item>
        )}
        {props.note && (
          <Form.Item name="note" label={t('exchange.terms.note')}>
            <Input.TextArea rows={2} maxLength={1000} showCount data-testid="terms-note" />
          </Form.Item>
        )}
        <Alert type="info" showIcon title={t('exchange.terms.amountIs', { amount: amount && terms.priceFen ? formatFen(amount) : '—' })} data-testid="terms-amount" data-fen={amount} />
      </Form>
    </FormModal>
  );
}

/**
 * "Request to buy" (申请购买) on a listed listing, for an organisation that may buy it: an active
 * buyer or data-merchant member for itself, a broker for the clients of its buy mandates. Opens the
 * terms form (the listed price first) and, once the request is made, the negotiation's page.
 * Nothing shows for anyone else.
 */
export function RequestToBuy(props: { listing: { id: string; status: string; seller: OrgRef; broker: OrgRef | null; pricing: unknown; policy: UsagePolicy }; block?: boolean }) {
  const { t, locale } = useI18n();
  const { me, access } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const l = props.listing;
  const able = !!me && access['exchange.negotiate'] && l.status === 'listed';
  const choices = useApiResource(`buyer-choices-${able ? (me?.orgId ?? '') : ''}`, async () => {
    if (!able || !me) return null;
    const [mine, mandates] = await Promise.all([
      unwrap(api.GET('/api/v1/exchange/members/mine')),
      me.orgRoles.includes('broker') ? unwrap(api.GET('/api/v1/exchange/mandates', { params: { query: { box: 'broker', status: 'active', page: 1, pageSize: 100 } } })) : Promise.resolve({ items: [] }),
    ]);
    return { mine: mine.items, mandates: mandates.items };
  });
  if (!able || !me || !choices.data) return null;
  const { self, clients } = buyerChoices(me.orgId, choices.data.mine, choices.data.mandates, { sellerOrgId: l.seller.orgId, brokerOrgId: l.broker?.orgId ?? null });
  if (!self && clients.length === 0) return null;
  const buyers = clients.length ? [...(self ? [{ value: me.orgId, label: t('exchange.terms.forMyself') }] : []), ...clients.map((c) => ({ value: c.orgId, label: orgName(c.name, locale) }))] : undefined;
  return (
    <>
      <Button type="primary" icon={<ShoppingCartOutlined />} block={props.block} onClick={() => setOpen(true)} data-testid="request-to-buy">
        {t('exchange.negotiation.requestToBuy')}
      </Button>
      {open && (
        <TermsModal
          title={t('exchange.negotiation.requestToBuy')}
          intro={t('exchange.negotiation.requestIntro')}
          pricing={l.pricing as Pricing}
          policy={l.policy}
          buyers={buyers}
          note
          onClose={() => setOpen(false)}
          onSubmit={async (terms, extra) => {
            const buyerOrgId = extra.buyerOrgId && extra.buyerOrgId !== me.orgId ? extra.buyerOrgId : undefined;
            const n = await unwrap(api.POST('/api/v1/exchange/negotiations', { body: { listingId: l.id, move: 'request', terms, ...(buyerOrgId ? { buyerOrgId } : {}), ...(extra.note ? { note: extra.note } : {}) } }));
            setOpen(false);
            navigate(`/console/exchange/negotiations/${n.id}`);
          }}
        />
      )}
    </>
  );
}
