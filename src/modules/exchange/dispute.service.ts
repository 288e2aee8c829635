import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { ExchangeErrors, stateConflict } from './exchange.errors.js';
import { namesOf, oversees, type ExchangeDirectory } from './organisation.names.js';
import type { BookService } from './book.service.js';
import type { ListingService } from './listing.service.js';
import type { MemberService } from './member.service.js';
import * as nrepo from './negotiation.repository.js';
import * as repo from './dispute.repository.js';
import * as srepo from './settlement.repository.js';
import { markAccepted } from './delivery.repository.js';
import type { SettlementService } from './settlement.service.js';

/**
 * Disputes (争议) and arbitration (仲裁). The buyer or the seller of a contract in force whose money
 * is still in escrow raises a dispute before an arbitration service-provider member; while it is
 * open the deal is neither accepted nor settled. The arbitrator's ruling executes at once in the
 * books: the refund it orders goes from escrow back to the buyer, and the rest becomes the deal's
 * settlement item (split as usual) due T+n; a penalty (违约金, 民法典 第585条) it orders one party to
 * pay the other moves from the payer's available money to the other's — refused, and the ruling
 * with it, when the payer's money does not cover it (no account goes negative). A contract billed
 * by use can be disputed once it was billed (the metered calls fix the amount in dispute).
 */
export class DisputeService {
  constructor(
    private readonly k: Kernel,
    private readonly members: MemberService,
    private readonly listings: ListingService,
    private readonly settlements: SettlementService,
    private readonly books: BookService,
    private readonly orgs: ExchangeDirectory,
  ) {}

  private view(d: repo.DisputeRow) {
    return {
      id: d.id, negotiationId: d.negotiationId, raisedByOrgId: d.raisedByOrgId, arbitratorOrgId: d.arbitratorOrgId, claim: d.claim, claimedRefundFen: d.claimedRefundFen.toString(),
      status: d.status, ruling: d.ruling, refundFen: d.refundFen?.toString() ?? null, penaltyFen: d.penaltyFen?.toString() ?? null, penaltyPayer: d.penaltyPayer, createdAt: d.createdAt.toISOString(), ruledAt: d.ruledAt?.toISOString() ?? null,
    };
  }

  /** Disputes with their contract: number, listing title, the parties and the arbitrator by name (one lookup of names). */
  private async described(rows: repo.DisputeRow[]) {
    const deals = new Map<string, nrepo.NegotiationRow>();
    for (const d of rows) if (!deals.has(d.negotiationId)) deals.set(d.negotiationId, (await nrepo.findNegotiation(this.k.db, d.negotiationId))!);
    const titles = new Map<string, { zh: string; en: string }>();
    for (const n of deals.values()) if (!titles.has(n.listingId)) titles.set(n.listingId, (await this.listings.row(n.listingId)).title);
    const names = await namesOf(this.orgs, [...[...deals.values()].flatMap((n) => [n.buyerOrgId, n.sellerOrgId]), ...rows.map((d) => d.arbitratorOrgId)]);
    return rows.map((d) => {
      const n = deals.get(d.negotiationId)!;
      return {
        ...this.view(d), contractNumber: n.contractNumber, listingTitle: titles.get(n.listingId)!, amountFen: n.amountFen.toString(),
        buyer: { orgId: n.buyerOrgId, name: names.get(n.buyerOrgId)! }, seller: { orgId: n.sellerOrgId, name: names.get(n.sellerOrgId)! }, arbitratorName: names.get(d.arbitratorOrgId)!,
      };
    });
  }

  private conflict(status: string, action: string) {
    return stateConflict(status, action);
  }

  /** The buyer or the seller raises a dispute before an arbitrator, while the money is still in escrow. */
  async raise(negotiationId: string, by: Principal, input: { arbitratorOrgId: string; claim: string; claimedRefundFen: string }, requestId?: string) {
    const n = await nrepo.findNegotiation(this.k.db, negotiationId);
    if (!n || (n.buyerOrgId !== by.orgId && n.sellerOrgId !== by.orgId)) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    const item = await srepo.findItem(this.k.db, negotiationId);
    if (n.state !== 'FINALIZED' || item?.status === 'settled') throw this.conflict(item?.status === 'settled' ? 'settled' : n.state, 'dispute');
    if (n.billByUse && !n.billedAt) throw this.conflict('billing_pending', 'dispute');
    if (input.arbitratorOrgId === n.buyerOrgId || input.arbitratorOrgId === n.sellerOrgId) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'arbitrator_is_a_party' }, { reason: 'arbitrator_is_a_party' });
    const claimed = BigInt(input.claimedRefundFen);
    if (claimed > n.amountFen) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'refund_above_amount' }, { reason: 'refund_above_amount' });
    const claim = input.claim.trim();
    if (!claim) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'claim_required' }, { reason: 'claim_required' });
    await this.members.requireService(input.arbitratorOrgId, 'arbitration');
    const d: repo.DisputeRow = {
      id: newId('dsp'), negotiationId, raisedByOrgId: by.orgId, arbitratorOrgId: input.arbitratorOrgId, claim, claimedRefundFen: claimed, status: 'open', ruling: null, refundFen: null, penaltyFen: null, penaltyPayer: null,
      createdAt: this.k.clock.now(), ruledAt: null,
    };
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.insertDispute(tx, d))) throw this.conflict('disputed', 'dispute');
      if (item) await srepo.holdItem(tx, negotiationId);
      await emit({ type: 'exchange.dispute.raised', subject: { type: 'exchange_dispute', id: d.id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { negotiationId, contractNumber: n.contractNumber!, arbitratorOrgId: d.arbitratorOrgId, claimedRefundFen: input.claimedRefundFen } });
      return this.view(d);
    });
  }

  /**
   * The arbitrator rules: a refund (possibly none) executed from escrow, the rest to settlement, and
   * optionally a penalty one party pays the other.
   */
  async rule(id: string, by: Principal, input: { ruling: string; refundFen: string; penaltyFen?: string | undefined; penaltyPayer?: 'seller' | 'buyer' | undefined }, requestId?: string) {
    const d = await repo.findDispute(this.k.db, id);
    if (!d || d.arbitratorOrgId !== by.orgId) throw new AppError(ExchangeErrors.EXCHANGE_DISPUTE_NOT_FOUND);
    if (d.status !== 'open') throw this.conflict(d.status, 'rule');
    const ruling = input.ruling.trim();
    if (!ruling) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'ruling_required' }, { reason: 'ruling_required' });
    const n = (await nrepo.findNegotiation(this.k.db, d.negotiationId))!;
    const existing = await srepo.findItem(this.k.db, n.id);
    // What is in dispute: the contract's amount, or for a contract billed by use what was billed (its item holds the rest of the escrow).
    const base = n.billByUse ? { amountFen: BigInt(n.terms.priceFen) * BigInt(n.billedUses ?? 0), escrowFen: existing?.amountFen ?? 0n } : { amountFen: n.amountFen, escrowFen: n.escrowFen };
    const refund = BigInt(input.refundFen);
    if (refund > base.amountFen) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'refund_above_amount' }, { reason: 'refund_above_amount' });
    const penaltyFen = BigInt(input.penaltyFen ?? '0');
    if (penaltyFen > 0n && !input.penaltyPayer) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'penalty_payer_required' }, { reason: 'penalty_payer_required' });
    if (penaltyFen > n.amountFen) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'penalty_above_amount' }, { reason: 'penalty_above_amount' });
    const penalty = penaltyFen > 0n ? { fen: penaltyFen, payer: input.penaltyPayer! } : null;
    const now = this.k.clock.now();
    const l = await this.listings.row(n.listingId);
    // The rest of the deal settles as usual: the amount less the refund; the buyer's broker keeps its commission.
    const settled = await this.settlements.itemFor({ ...n, amountFen: base.amountFen - refund, escrowFen: base.escrowFen - refund }, l, now);
    const item = settled.amountFen > 0n ? settled : null;
    const escrow = await this.books.account('escrow', n.buyerOrgId, n.id);
    const available = await this.books.account('member_available', n.buyerOrgId);
    const payee = penalty ? await this.books.account('member_available', penalty.payer === 'seller' ? n.buyerOrgId : n.sellerOrgId) : null;
    const payer = penalty ? await this.books.account('member_available', penalty.payer === 'seller' ? n.sellerOrgId : n.buyerOrgId) : null;
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.rule(tx, id, ruling, refund, penalty, now))) throw this.conflict('ruled', 'rule');
      // Whatever stays in escrow beyond the settled rest goes back to the buyer with the refund (the buyer's broker keeps its commission).
      const back = base.escrowFen - (item?.amountFen ?? 0n);
      if (back > 0n) {
        await this.books.postIn(tx, emit, { kind: 'refund', ref: `refund:${id}`, memo: `${n.contractNumber} 仲裁裁决退款`, lines: [{ accountId: escrow.id, amountFen: back }, { accountId: available.id, amountFen: -back }] }, by, requestId);
      }
      if (penalty) {
        await this.books.postIn(tx, emit, { kind: 'penalty', ref: `penalty:${id}`, memo: `${n.contractNumber} 仲裁裁决违约金`, lines: [{ accountId: payer!.id, amountFen: penalty.fen }, { accountId: payee!.id, amountFen: -penalty.fen }] }, by, requestId);
      }
      if (existing && item) await srepo.replaceItem(tx, item);
      else if (existing) await srepo.dropItem(tx, n.id);
      else if (item) await srepo.insertItem(tx, item);
      if (!n.acceptedAt) await markAccepted(tx, n.id, now, 'ruling');
      await emit({
        type: 'exchange.dispute.ruled', subject: { type: 'exchange_dispute', id }, orgId: by.orgId, actor: serviceActor(by), requestId,
        payload: { negotiationId: n.id, contractNumber: n.contractNumber!, refundFen: refund.toString(), settlementFen: (item?.amountFen ?? 0n).toString(), dueOn: item?.dueOn ?? null, penaltyFen: penaltyFen.toString(), penaltyPayer: penalty?.payer ?? null },
      });
      return {
        ...this.view({ ...d, status: 'ruled', ruling, refundFen: refund, penaltyFen: penalty?.fen ?? null, penaltyPayer: penalty?.payer ?? null, ruledAt: now }),
        ...(item ? { settlement: { dueOn: item.dueOn, amountFen: item.amountFen.toString(), lines: item.lines } } : {}),
      };
    });
  }

  /** Whether a contract has an open dispute (acceptance waits for the ruling). */
  async isOpen(negotiationId: string): Promise<boolean> {
    return !!(await repo.openDisputeOf(this.k.db, negotiationId));
  }

  /** A dispute as its parties, its arbitrator, the exchange and the regulator see it. */
  async get(id: string, viewer: Principal) {
    const d = await repo.findDispute(this.k.db, id);
    const n = d ? await nrepo.findNegotiation(this.k.db, d.negotiationId) : undefined;
    const overseer = oversees(viewer);
    if (!d || !n || !(overseer || d.arbitratorOrgId === viewer.orgId || n.buyerOrgId === viewer.orgId || n.sellerOrgId === viewer.orgId)) throw new AppError(ExchangeErrors.EXCHANGE_DISPUTE_NOT_FOUND);
    const [described] = await this.described([d]);
    // Once ruled: the rest's settlement as it stands (due, settled).
    const item = d.status === 'ruled' ? await srepo.findItem(this.k.db, d.negotiationId) : undefined;
    return { ...described!, ...(item ? { settlement: { dueOn: item.dueOn, amountFen: item.amountFen.toString(), lines: item.lines, status: item.status } } : {}) };
  }

  /** Disputes: the caller's (as party or arbitrator); all for the exchange and the regulator (`all`). */
  async list(viewer: Principal, q: { all?: boolean | undefined; status?: 'open' | 'ruled' | undefined; negotiationId?: string | undefined; page: number; pageSize: number }) {
    const everyone = q.all && oversees(viewer);
    const r = await repo.listDisputes(this.k.db, { ...(everyone ? {} : { partyOrgIds: { orgId: viewer.orgId } }), status: q.status, negotiationId: q.negotiationId, page: q.page, pageSize: q.pageSize });
    return { items: await this.described(r.items), total: r.total, page: q.page, pageSize: q.pageSize };
  }
}
