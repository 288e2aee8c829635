/**
 * Rules of clearing (清算): how a deal's money is split at settlement, pure and tested in
 * settlement.rules.test.ts.
 *
 * Sources: the issue's split — seller proceeds, the exchange's fee, the brokers' commissions (each
 * under its mandate's rate), and for products built on public data the revenue share of the
 * implementing body (数据二十条: 谁投入、谁贡献、谁受益); Dawex's lesson in the anchors: the
 * buyer's payment is held until delivery, the provider is paid after delivery minus commission. The
 * rates are configuration [M] (exchange.feeBp, exchange.publicDataShareBp) and mandates. Fen are
 * rounded half up per share; the seller takes the remainder, so the parts always sum to the whole.
 */
import { commissionFen } from './member.rules.js';

export interface SplitRates {
  feeBp: number;
  /** The seller's broker's commission (from the seller's proceeds), under its mandate; null when none. */
  sellerBrokerBp: number | null;
  /** Public data's revenue share to the implementing body; null when the product is not built on public data. */
  publicShareBp: number | null;
}

export interface Split {
  feeFen: bigint;
  sellerBrokerFen: bigint;
  publicShareFen: bigint;
  sellerFen: bigint;
}

/** Splits a deal's amount; refused (null) when the deductions would exceed it. */
export function split(amountFen: bigint, r: SplitRates): Split | null {
  const feeFen = commissionFen(amountFen, r.feeBp);
  const sellerBrokerFen = r.sellerBrokerBp === null ? 0n : commissionFen(amountFen, r.sellerBrokerBp);
  const publicShareFen = r.publicShareBp === null ? 0n : commissionFen(amountFen, r.publicShareBp);
  const sellerFen = amountFen - feeFen - sellerBrokerFen - publicShareFen;
  return sellerFen < 0n ? null : { feeFen, sellerBrokerFen, publicShareFen, sellerFen };
}

/** The buyer's broker's commission, paid by the buyer on top of the amount (held in escrow with it). */
export const buyerCommissionFen = (amountFen: bigint, buyerBrokerBp: number | null): bigint => (buyerBrokerBp === null ? 0n : commissionFen(amountFen, buyerBrokerBp));

/** One line of a settlement: who is credited what (an org's available money, or the exchange's fee income). */
export interface SettlementLine {
  to: 'seller' | 'fee' | 'sellerBroker' | 'buyerBroker' | 'publicShare';
  orgId: string | null;
  amountFen: string;
}

/** The credits of a deal at settlement (zero parts left out); they sum to the escrow held. */
export function settlementLines(p: {
  sellerOrgId: string; sellerBrokerOrgId: string | null; buyerBrokerOrgId: string | null; implementingOrgId: string | null;
  split: Split; buyerCommissionFen: bigint;
}): SettlementLine[] {
  const lines: SettlementLine[] = [
    { to: 'seller', orgId: p.sellerOrgId, amountFen: p.split.sellerFen.toString() },
    { to: 'fee', orgId: null, amountFen: p.split.feeFen.toString() },
    { to: 'sellerBroker', orgId: p.sellerBrokerOrgId, amountFen: p.split.sellerBrokerFen.toString() },
    { to: 'buyerBroker', orgId: p.buyerBrokerOrgId, amountFen: p.buyerCommissionFen.toString() },
    { to: 'publicShare', orgId: p.implementingOrgId, amountFen: p.split.publicShareFen.toString() },
  ];
  return lines.filter((l) => l.amountFen !== '0');
}
