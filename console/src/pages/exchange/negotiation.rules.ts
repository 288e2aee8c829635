/**
 * Rules of the negotiation and contract pages (撮合 → 成交), pure and tested in
 * test/console/negotiation-rules.test.ts against the server's src/modules/exchange/negotiation.rules.ts
 * and its body schemas: the Dataspace Protocol's states and moves, the unit a price is in (a call, a
 * period, the whole), the listed price for a quantity, the terms form's values ↔ the API's terms
 * (price entered in yuan, carried in fen), the checks the server makes on terms that the browser can
 * make first, and who may ask to buy a listing (a buyer or data-merchant member for itself, a broker
 * for the clients of its buy mandates).
 */
import { yuanToFen } from '../../format/money.format';
import type { Pricing, UsagePolicy } from './listing.rules';

export const NEGOTIATION_STATES = ['REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED', 'VERIFIED', 'FINALIZED', 'TERMINATED'] as const;
export type NegotiationState = (typeof NEGOTIATION_STATES)[number];
/** The Dataspace Protocol's moves (negotiation.rules.ts MOVES). */
export const NEGOTIATION_MOVES = ['request', 'offer', 'accept', 'agree', 'verify', 'finalize', 'terminate'] as const;
/** The moves a negotiation's history holds: the protocol's, and a broker's seal. */
export const HISTORY_MOVES = [...NEGOTIATION_MOVES, 'seal'] as const;
export const PARTIES = ['seller', 'buyer', 'sellerBroker', 'buyerBroker'] as const;
export const SIDES = ['provider', 'consumer', 'overseer'] as const;
/** Why terms do not fit the listing (negotiation.rules.ts termsProblem, and the service's own). */
export const TERMS_PROBLEMS = [
  'price', 'quantity', 'purposes_outside_the_policy', 'period_beyond_the_policy', 'uses_beyond_the_policy', 'one_off_quantity_is_one', 'calls_are_the_uses', 'amount',
] as const;
/** The road to a contract in force, as the page's steps show it (OFFERED counts as negotiating). */
export const FLOW = ['REQUESTED', 'ACCEPTED', 'AGREED', 'VERIFIED', 'FINALIZED'] as const;

export type Party = (typeof PARTIES)[number];
export type TermsProblem = (typeof TERMS_PROBLEMS)[number];

export function flowIndex(state: string): number {
  if (state === 'OFFERED') return 0;
  return FLOW.indexOf(state as (typeof FLOW)[number]);
}

/** The terms on the table, as the API carries them. */
export interface Terms {
  /** Per call (per_call, tiered), per period (subscription), or the whole (one_off, quote), in fen. */
  priceFen: string;
  /** Calls, periods, or 1. */
  quantity: number;
  purposes: string[];
  periodDays: number;
  maxUses: number | null;
}

/** What one unit of the quantity is: a call (per-call and tiered prices), a period (a subscription), the whole (one-off, quote). */
export type Unit = 'call' | 'period' | 'whole';

export function unitOf(p: Pricing): Unit {
  if (p.model === 'per_call' || p.model === 'tiered') return 'call';
  if (p.model === 'subscription') return 'period';
  return 'whole';
}

/** The listed price per unit for a quantity (the tier it falls in), or null for a quote. */
export function listedPriceFen(p: Pricing, quantity: number): string | null {
  if (p.model === 'quote') return null;
  if (p.model === 'tiered') return (p.tiers.find((t) => t.upTo === null || quantity <= t.upTo) ?? p.tiers[p.tiers.length - 1]!).amountFen;
  return p.amountFen;
}

/** The amount of the terms: price × quantity, in fen ('' when the price is not an amount). */
export function amountFen(t: Pick<Terms, 'priceFen' | 'quantity'>): string {
  if (!/^[0-9]+$/.test(t.priceFen) || !Number.isInteger(t.quantity) || t.quantity < 0) return '';
  return (BigInt(t.priceFen) * BigInt(t.quantity)).toString();
}

/** Fen as a person edits yuan: `"3600000"` → `"36000.00"` (no symbol, no separators). */
export function fenToYuanInput(fen: string): string {
  const digits = fen.replace(/^0+(?=\d)/, '').padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * Why the terms do not fit the listing, or null (mirrors the server's termsProblem): a positive
 * price, purposes among those offered, a period and uses within the policy's, a quantity that
 * matches the unit (the calls are the uses; one for a one-off), an amount within bounds.
 */
export function termsProblem(t: Terms, pricing: Pricing, policy: UsagePolicy): TermsProblem | null {
  if (!/^[1-9][0-9]{0,15}$/.test(t.priceFen)) return 'price';
  if (!Number.isInteger(t.quantity) || t.quantity < 1) return 'quantity';
  if (t.purposes.length === 0 || t.purposes.some((p) => !policy.purposes.includes(p))) return 'purposes_outside_the_policy';
  if (t.periodDays < 1 || t.periodDays > policy.periodDays) return 'period_beyond_the_policy';
  if (policy.maxUses !== null && (t.maxUses === null || t.maxUses > policy.maxUses)) return 'uses_beyond_the_policy';
  const whole = pricing.model === 'one_off' || pricing.model === 'quote';
  if (whole && t.quantity !== 1) return 'one_off_quantity_is_one';
  if (unitOf(pricing) === 'call' && (t.maxUses === null || t.quantity !== t.maxUses)) return 'calls_are_the_uses';
  if (BigInt(t.priceFen) * BigInt(t.quantity) > 9_000_000_000_000_000n) return 'amount';
  return null;
}

/** The terms form: the price in yuan as typed, the quantity (calls or periods), purposes, period, uses. */
export interface TermsValues {
  price: string;
  quantity: number | null;
  purposes: string[];
  periodDays: number | null;
  /** Null: unlimited (only where the policy sets no limit). Ignored for per-call prices: the calls are the uses. */
  maxUses: number | null;
}

/**
 * The form's first values: the terms on the table when there are some (a counter-offer starts from
 * them), else the listing's offer — its price, all its purposes, its whole period and uses, one
 * period or the whole, and for per-call prices as many calls as the policy allows (1,000 without a limit).
 */
export function termsValues(pricing: Pricing, policy: UsagePolicy, terms?: Terms | null): TermsValues {
  if (terms) return { price: fenToYuanInput(terms.priceFen), quantity: terms.quantity, purposes: [...terms.purposes], periodDays: terms.periodDays, maxUses: terms.maxUses };
  const unit = unitOf(pricing);
  const quantity = unit === 'call' ? (policy.maxUses ?? 1000) : 1;
  const listed = listedPriceFen(pricing, quantity);
  return { price: listed ? fenToYuanInput(listed) : '', quantity, purposes: [...policy.purposes], periodDays: policy.periodDays, maxUses: unit === 'call' ? quantity : policy.maxUses };
}

/** The API's terms from the form's values: the price in fen ('' when not an amount), one for the whole, the calls as the uses. */
export function termsFrom(v: TermsValues, pricing: Pricing): Terms {
  const unit = unitOf(pricing);
  const quantity = unit === 'whole' ? 1 : (v.quantity ?? 0);
  return {
    priceFen: yuanToFen(v.price ?? '') ?? '',
    quantity,
    purposes: [...new Set((v.purposes ?? []).map((p) => p.trim()).filter(Boolean))],
    periodDays: v.periodDays ?? 0,
    maxUses: unit === 'call' ? quantity : (v.maxUses ?? null),
  };
}

/** A membership of the caller's organisation (GET /exchange/members/mine). */
export interface Membership {
  kind: string;
  status: string;
}
/** A mandate the caller's organisation holds as broker (GET /exchange/mandates?box=broker). */
export interface BrokerMandate {
  brokerOrgId: string;
  clientOrgId: string;
  clientName: { zh: string; en: string };
  side: string;
  status: string;
  inForce: boolean;
}

/**
 * Who the caller may ask to buy a listing for (mirrors NegotiationService.open and its standing
 * check): itself, as an active buyer or data-merchant member; each client of an active buy mandate
 * in force it holds as broker. Never the listing's seller or its broker.
 */
export function buyerChoices(
  orgId: string,
  memberships: readonly Membership[],
  mandates: readonly BrokerMandate[],
  listing: { sellerOrgId: string; brokerOrgId: string | null },
): { self: boolean; clients: Array<{ orgId: string; name: { zh: string; en: string } }> } {
  const excluded = (id: string) => id === listing.sellerOrgId || id === listing.brokerOrgId;
  const self = !excluded(orgId) && memberships.some((m) => m.status === 'active' && (m.kind === 'buyer' || m.kind === 'data_merchant'));
  const clients = new Map<string, { zh: string; en: string }>();
  if (!excluded(orgId)) {
    for (const m of mandates) {
      if (m.brokerOrgId === orgId && m.status === 'active' && m.inForce && (m.side === 'buy' || m.side === 'both') && !excluded(m.clientOrgId) && m.clientOrgId !== orgId) clients.set(m.clientOrgId, m.clientName);
    }
  }
  return { self, clients: [...clients].map(([id, name]) => ({ orgId: id, name })) };
}
