import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { ChangeMeta, Grant, GrantInput } from '../gateway/index.js';
import { shanghaiDate, shanghaiStartOf } from '../../platform/calendar/working-day.calendar.js';
import { ExchangeErrors, stateConflict } from './exchange.errors.js';
import { oversees } from './organisation.names.js';
import type { ListingService } from './listing.service.js';
import * as nrepo from './negotiation.repository.js';
import * as repo from './delivery.repository.js';
import { openDisputeOf } from './dispute.repository.js';
import type { SettlementService } from './settlement.service.js';
import type { BookService } from './book.service.js';
import { findMandate } from './member.repository.js';
import { billByUse, billsByUse } from './negotiation.rules.js';
import { buyerCommissionFen } from './settlement.rules.js';

/** The gateway's grants as the exchange uses them (the gateway module's `grants`). */
export interface ContractGrants {
  issue(tx: Tx, emit: Emit, input: GrantInput, meta?: ChangeMeta): Promise<Grant>;
  get(grantId: string): Promise<Grant | null>;
}

const DAY = 86_400_000;
/** A delivered file: at most 8 MiB. */
export const MAX_DELIVERY_BYTES = 8 * 1024 * 1024;
const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/**
 * Delivery (交付) and acceptance (验收). The seller delivers files to a contract in force; the buyer
 * fetches them through expiring download links, each download a use counted against the contract's
 * policy (period, uses) and refused outside it — the refusal itself recorded. The buyer accepts the
 * delivery, or the acceptance period runs out (the sweep accepts it): the deal becomes a settlement
 * item due T+n.
 *
 * API delivery: the seller opens a gateway grant to the buyer bounded by the contract — the fields
 * of the listing's policy (or named by the seller when the policy names none), the contract's
 * period (the grant expires at the end of its last day, Beijing time), its uses (the grant's most
 * calls) and purposes — so the gateway refuses any call outside it and meters every call. A per-call
 * or tiered contract delivered this way is billed by use: accepted as usual, then billed when its
 * calls are used up or its period ended — the calls metered at the agreed price go to settlement,
 * the rest of the escrow back to the buyer. Compute-only delivery waits for privacy computing.
 */
export class DeliveryService {
  constructor(
    private readonly k: Kernel,
    private readonly listings: ListingService,
    private readonly settlements: SettlementService,
    private readonly books: BookService,
    private readonly grants: ContractGrants,
  ) {}

  private async contract(id: string, by: Principal, as: 'seller' | 'buyer' | 'any'): Promise<nrepo.NegotiationRow> {
    const n = await nrepo.findNegotiation(this.k.db, id);
    const party = n && (n.sellerOrgId === by.orgId ? 'seller' : n.buyerOrgId === by.orgId ? 'buyer' : n.sellerBrokerOrgId === by.orgId || n.buyerBrokerOrgId === by.orgId ? 'broker' : null);
    const overseer = oversees(by);
    if (!n || (!party && !overseer)) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    if (as !== 'any' && party !== as) throw new AppError(ExchangeErrors.EXCHANGE_PARTY_MUST_SEAL);
    return n;
  }

  private inForce(n: nrepo.NegotiationRow): boolean {
    return n.state === 'FINALIZED' && !!n.endsOn && shanghaiDate(this.k.clock.now()) <= n.endsOn;
  }

  /** The seller delivers a file to a contract in force (before acceptance). */
  async deliver(id: string, by: Principal, file: { name: string; mediaType: string; content: Uint8Array; note: string }, requestId?: string) {
    const n = await this.contract(id, by, 'seller');
    if (!this.inForce(n) || n.acceptedAt) throw stateConflict(n.acceptedAt ? 'accepted' : n.state, 'deliver');
    if (file.content.length === 0 || file.content.length > MAX_DELIVERY_BYTES) throw new AppError(ExchangeErrors.EXCHANGE_FILE_INVALID, { reason: 'size' }, { reason: 'size' });
    const now = this.k.clock.now();
    const d: repo.DeliveryRow = {
      id: newId('dlv'), negotiationId: id, method: 'file', name: file.name.trim(), mediaType: file.mediaType, size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'),
      note: file.note.trim(), createdAt: now,
    };
    const acceptanceDue = n.acceptanceDue ?? new Date(now.getTime() + this.k.config.exchange.acceptanceDays * DAY);
    return this.k.transact(async (tx, emit) => {
      await repo.insertDelivery(tx, d, file.content);
      await repo.markDelivered(tx, id, n.deliveredAt ?? now, acceptanceDue);
      await emit({
        type: 'exchange.delivery.made', subject: { type: 'exchange_negotiation', id }, orgId: n.sellerOrgId, actor: serviceActor(by), requestId,
        payload: { deliveryId: d.id, contractNumber: n.contractNumber!, method: d.method, name: d.name, size: d.size, sha256: d.sha256, acceptanceDue: acceptanceDue.toISOString() },
      });
      return { ...repo.deliveryView(d), acceptanceDue: acceptanceDue.toISOString() };
    });
  }

  /**
   * The seller delivers through the API: a gateway grant from the seller to the buyer on the
   * registered asset's catalog resource, bounded by the contract (fields, period, uses, purposes).
   */
  async deliverApi(id: string, by: Principal, input: { fields?: string[] | undefined; note?: string | undefined }, requestId?: string) {
    const n = await this.contract(id, by, 'seller');
    if (!this.inForce(n) || n.acceptedAt) throw stateConflict(n.acceptedAt ? 'accepted' : n.state, 'deliver');
    if (n.grantId) throw stateConflict('granted', 'deliver');
    const l = await this.listings.row(n.listingId);
    const unavailable = (reason: string) => new AppError(ExchangeErrors.EXCHANGE_API_UNAVAILABLE, { reason }, { reason });
    if (!l.deliveryMethods.includes('api')) throw unavailable('api_not_offered');
    const resourceId = await this.listings.resourceOf(l.assetId);
    if (!resourceId) throw unavailable('no_catalog_resource');
    const fields = l.policy.fields ?? input.fields ?? [];
    if (fields.length === 0) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'fields_required' }, { reason: 'fields_required' });
    if (l.policy.fields && input.fields && (input.fields.length !== l.policy.fields.length || input.fields.some((f) => !l.policy.fields!.includes(f)))) {
      throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'fields_outside_the_policy' }, { reason: 'fields_outside_the_policy' });
    }
    const now = this.k.clock.now();
    // The grant ends with the contract's last day (Beijing time); the uses are the contract's.
    const expiresAt = new Date(shanghaiStartOf(n.endsOn!).getTime() + DAY);
    const acceptanceDue = n.acceptanceDue ?? new Date(now.getTime() + this.k.config.exchange.acceptanceDays * DAY);
    const byUse = billsByUse(l);
    return this.k.transact(async (tx, emit) => {
      const grant = await this.grants.issue(tx, emit, {
        kind: 'contract', sourceRef: n.id, resourceId, grantorOrgId: n.sellerOrgId, granteeOrgId: n.buyerOrgId, fields,
        purpose: `${n.contractNumber} ${n.terms.purposes.join('、')}`, validFrom: now, expiresAt, maxCalls: n.terms.maxUses,
      }, { actor: serviceActor(by), requestId });
      if (!(await repo.setGrant(tx, id, grant.id, byUse))) throw stateConflict('granted', 'deliver');
      // The delivery record carries the grant's descriptor (its digest is the delivery's evidence).
      const descriptor = { grantId: grant.id, resourceId, fields: grant.fields, validFrom: grant.validFrom.toISOString(), expiresAt: expiresAt.toISOString(), maxCalls: grant.maxCalls, purpose: grant.purpose, billing: byUse ? 'by_use' : 'amount' };
      const content = Buffer.from(JSON.stringify(descriptor, null, 2));
      const d: repo.DeliveryRow = {
        id: newId('dlv'), negotiationId: id, method: 'api', name: `gateway-grant-${grant.id}.json`, mediaType: 'application/json', size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'), note: (input.note ?? '').trim(), createdAt: now,
      };
      await repo.insertDelivery(tx, d, content);
      await repo.markDelivered(tx, id, n.deliveredAt ?? now, acceptanceDue);
      await emit({
        type: 'exchange.delivery.made', subject: { type: 'exchange_negotiation', id }, orgId: n.sellerOrgId, actor: serviceActor(by), requestId,
        payload: { deliveryId: d.id, contractNumber: n.contractNumber!, method: 'api', name: d.name, size: d.size, sha256: d.sha256, acceptanceDue: acceptanceDue.toISOString(), grantId: grant.id, fields: grant.fields, expiresAt: expiresAt.toISOString(), maxCalls: grant.maxCalls },
      });
      return { ...repo.deliveryView(d), acceptanceDue: acceptanceDue.toISOString(), grant: { id: grant.id, resourceId, fields: grant.fields, expiresAt: expiresAt.toISOString(), maxCalls: grant.maxCalls, billing: byUse ? ('by_use' as const) : ('amount' as const) } };
    });
  }

  /** The contract's API access as the gateway meters it (calls used of the most), or null without a grant. */
  async apiUsage(id: string, by: Principal) {
    const n = await this.contract(id, by, 'any');
    if (!n.grantId) return { grant: null };
    const g = await this.grants.get(n.grantId);
    return {
      grant: g && { id: g.id, resourceId: g.resourceId, fields: g.fields, status: g.status, expiresAt: g.expiresAt?.toISOString() ?? null, maxCalls: g.maxCalls, callsUsed: g.callsUsed },
      billing: n.billByUse ? { byUse: true, billedUses: n.billedUses, billedAt: n.billedAt?.toISOString() ?? null } : { byUse: false, billedUses: null, billedAt: null },
    };
  }

  /** A contract's deliveries (its parties, brokers, the exchange, the regulator). */
  async list(id: string, by: Principal) {
    await this.contract(id, by, 'any');
    return { items: (await repo.deliveriesOf(this.k.db, id)).map(repo.deliveryView) };
  }

  /** The buyer gets an expiring download link for a delivered file (the link is shown once). */
  async link(id: string, deliveryId: string, by: Principal, requestId?: string) {
    const n = await this.contract(id, by, 'buyer');
    const d = (await repo.deliveriesOf(this.k.db, id)).find((x) => x.id === deliveryId && x.method === 'file');
    if (!d) throw new AppError(ExchangeErrors.EXCHANGE_FILE_NOT_FOUND);
    if (!this.inForce(n)) throw new AppError(ExchangeErrors.EXCHANGE_USE_REFUSED, { reason: 'not_in_force' }, { reason: 'not_in_force' });
    const token = randomBytes(32).toString('base64url');
    const now = this.k.clock.now();
    const endOfContract = new Date(`${n.endsOn}T23:59:59+08:00`);
    const expiresAt = new Date(Math.min(now.getTime() + this.k.config.exchange.downloadLinkMinutes * 60_000, endOfContract.getTime()));
    await this.k.transact(async (tx, emit) => {
      await repo.insertLink(tx, { tokenHash: hashToken(token), deliveryId, negotiationId: id, expiresAt, createdAt: now });
      await emit({ type: 'exchange.delivery.link_issued', subject: { type: 'exchange_negotiation', id }, orgId: n.buyerOrgId, actor: serviceActor(by), requestId, payload: { deliveryId, expiresAt: expiresAt.toISOString() } });
    });
    return { url: `/api/v1/exchange/downloads/${token}`, expiresAt: expiresAt.toISOString() };
  }

  /**
   * A download through a link: within the link's life and the contract's period, and within its
   * uses (each download is one). Refusals are recorded as evidence before they are answered.
   */
  async download(token: string, requestId?: string): Promise<{ name: string; mediaType: string; sha256: string; content: Buffer; usesLeft: number | null }> {
    const link = await repo.findLink(this.k.db, hashToken(token));
    if (!link) throw new AppError(ExchangeErrors.EXCHANGE_FILE_NOT_FOUND);
    const n = (await nrepo.findNegotiation(this.k.db, link.negotiationId))!;
    const now = this.k.clock.now();
    const refuse = async (reason: string) => {
      await this.k.transact(async (_tx, emit) => {
        await emit({ type: 'exchange.delivery.refused', subject: { type: 'exchange_negotiation', id: n.id }, orgId: n.buyerOrgId, actor: serviceActor(null), requestId, payload: { deliveryId: link.deliveryId, reason, uses: n.uses } });
      });
      return new AppError(ExchangeErrors.EXCHANGE_USE_REFUSED, { reason }, { reason });
    };
    if (now > link.expiresAt) throw await refuse('link_expired');
    if (!this.inForce(n)) throw await refuse(n.state === 'FINALIZED' ? 'contract_ended' : 'not_in_force');
    const file = await repo.deliveryContent(this.k.db, link.deliveryId);
    const counted = await this.k.transact(async (tx, emit) => {
      if (!(await nrepo.countUse(tx, n.id, n.terms.maxUses))) return false;
      await emit({ type: 'exchange.delivery.downloaded', subject: { type: 'exchange_negotiation', id: n.id }, orgId: n.buyerOrgId, actor: serviceActor(null), requestId, payload: { deliveryId: link.deliveryId, sha256: file!.sha256, use: n.uses + 1 } });
      return true;
    });
    if (!counted) throw await refuse('uses_exhausted');
    return { name: file!.name, mediaType: file!.mediaType, sha256: file!.sha256, content: file!.content, usesLeft: n.terms.maxUses === null ? null : n.terms.maxUses - n.uses - 1 };
  }

  /** The buyer accepts the delivery (验收): the deal is queued for settlement T+n. */
  async accept(id: string, by: Principal | null, requestId?: string, auto = false) {
    const n = by ? await this.contract(id, by, 'buyer') : (await nrepo.findNegotiation(this.k.db, id))!;
    if (n.state !== 'FINALIZED' || n.acceptedAt || !n.deliveredAt) {
      const status = n.acceptedAt ? 'accepted' : !n.deliveredAt && n.state === 'FINALIZED' ? 'nothing_delivered' : n.state;
      throw stateConflict(status, 'accept');
    }
    if (await openDisputeOf(this.k.db, id)) throw stateConflict('disputed', 'accept');
    const now = this.k.clock.now();
    const l = await this.listings.row(n.listingId);
    if (n.billByUse) {
      // Billed by use: accepted now, settled when billed from the metered calls (billDue).
      return this.k.transact(async (tx, emit) => {
        if (!(await repo.markAccepted(tx, id, now, auto ? 'auto' : 'buyer'))) throw stateConflict('accepted', 'accept');
        await emit({
          type: 'exchange.delivery.accepted', subject: { type: 'exchange_negotiation', id }, orgId: n.buyerOrgId, actor: serviceActor(by), requestId,
          payload: { contractNumber: n.contractNumber!, by: auto ? 'auto' : 'buyer', dueOn: null, escrowFen: n.escrowFen.toString(), lines: [], billing: 'by_use' },
        });
        return { acceptedAt: now.toISOString(), acceptedBy: auto ? 'auto' : 'buyer', settlement: null, billing: 'by_use' as const };
      });
    }
    const item = await this.settlements.itemFor(n, l, now);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.markAccepted(tx, id, now, auto ? 'auto' : 'buyer'))) throw stateConflict('accepted', 'accept');
      await this.settlements.queueIn(tx, item);
      await emit({
        type: 'exchange.delivery.accepted', subject: { type: 'exchange_negotiation', id }, orgId: n.buyerOrgId, actor: serviceActor(by), requestId,
        payload: { contractNumber: n.contractNumber!, by: auto ? 'auto' : 'buyer', dueOn: item.dueOn, escrowFen: item.amountFen.toString(), lines: item.lines },
      });
      return { acceptedAt: now.toISOString(), acceptedBy: auto ? 'auto' : 'buyer', settlement: { dueOn: item.dueOn, amountFen: item.amountFen.toString(), lines: item.lines }, billing: 'amount' as const };
    });
  }

  /**
   * Bills the by-use contracts whose calls are used up or whose period ended (after acceptance, no
   * open dispute): the metered calls at the agreed price (and the buyer's broker's commission on
   * them) become the settlement item; the rest of the escrow goes back to the buyer. Returns how many.
   */
  async billDue(): Promise<number> {
    let done = 0;
    const today = shanghaiDate(this.k.clock.now());
    for (const id of await repo.billingCandidates(this.k.db, 200)) {
      const n = (await nrepo.findNegotiation(this.k.db, id))!;
      const g = n.grantId ? await this.grants.get(n.grantId) : null;
      const callsUsed = g?.callsUsed ?? 0;
      const ended = !g || g.status !== 'active' || (n.endsOn !== null && today > n.endsOn) || (n.terms.maxUses !== null && callsUsed >= n.terms.maxUses);
      if (!ended || (await openDisputeOf(this.k.db, id))) continue;
      await this.bill(n, callsUsed);
      done++;
    }
    return done;
  }

  private async bill(n: nrepo.NegotiationRow, callsUsed: number): Promise<void> {
    const now = this.k.clock.now();
    const l = await this.listings.row(n.listingId);
    const b = billByUse(n.terms, callsUsed);
    const buyerMandate = n.buyerMandateId ? await findMandate(this.k.db, n.buyerMandateId) : undefined;
    const commission = n.buyerBrokerOrgId ? buyerCommissionFen(b.billedFen, buyerMandate?.commissionBp ?? null) : 0n;
    const dueFen = b.billedFen + commission;
    const refund = n.escrowFen - dueFen;
    const item = b.billedFen > 0n ? await this.settlements.itemFor({ ...n, amountFen: b.billedFen, escrowFen: dueFen }, l, now) : null;
    const escrow = await this.books.account('escrow', n.buyerOrgId, n.id);
    const available = await this.books.account('member_available', n.buyerOrgId);
    await this.k.transact(async (tx, emit) => {
      if (!(await repo.markBilled(tx, n.id, b.uses, now))) return;
      if (refund > 0n) {
        await this.books.postIn(tx, emit, { kind: 'refund', ref: `unused:${n.id}`, memo: `${n.contractNumber} 按实际调用次数结算，未使用部分退回`, lines: [{ accountId: escrow.id, amountFen: refund }, { accountId: available.id, amountFen: -refund }] }, null);
      }
      if (item) await this.settlements.queueIn(tx, item);
      await emit({
        type: 'exchange.contract.billed', subject: { type: 'exchange_negotiation', id: n.id }, orgId: n.buyerOrgId, actor: serviceActor(null),
        payload: { contractNumber: n.contractNumber!, grantId: n.grantId!, uses: b.uses, calls: callsUsed, billedFen: b.billedFen.toString(), refundFen: refund.toString(), dueOn: item?.dueOn ?? null },
      });
    });
  }

  /** Accepts the deliveries whose acceptance period ended and bills the by-use contracts that ended (the periodic sweep); returns how many. */
  async sweep(): Promise<number> {
    let done = await this.billDue();
    for (const n of await nrepo.acceptanceOverdue(this.k.db, this.k.clock.now(), 200)) {
      try {
        await this.accept(n.id, null, undefined, true);
        done++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return done;
  }

  // ---- after the trade: destruction attestations (销毁证明) and ratings -------------------------------

  /**
   * The buyer attests that it destroyed the data and its copies once the contract ended (where the
   * policy requires it): a statement, the method and optionally the digest of a supporting document.
   */
  async attestDestruction(id: string, by: Principal, input: { statement: string; method: string; evidenceSha256?: string | undefined }, requestId?: string) {
    const n = await this.contract(id, by, 'buyer');
    const today = shanghaiDate(this.k.clock.now());
    if (n.state !== 'FINALIZED' || !n.endsOn || today <= n.endsOn) {
      const status = n.state === 'FINALIZED' ? 'in_force' : n.state;
      throw stateConflict(status, 'attest_destruction');
    }
    const statement = input.statement.trim();
    if (!statement) throw new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason: 'statement_required' }, { reason: 'statement_required' });
    const d = { statement, method: input.method, evidenceSha256: input.evidenceSha256 ?? null, attestedAt: this.k.clock.now().toISOString(), attestedBy: by.userId ?? null };
    return this.k.transact(async (tx, emit) => {
      if (!(await nrepo.attestDestruction(tx, id, d))) throw stateConflict('attested', 'attest_destruction');
      await emit({ type: 'exchange.destruction.attested', subject: { type: 'exchange_negotiation', id }, orgId: n.buyerOrgId, actor: serviceActor(by), requestId, payload: { contractNumber: n.contractNumber!, method: d.method, evidenceSha256: d.evidenceSha256, statementSha256: createHash('sha256').update(statement).digest('hex') } });
      return d;
    });
  }

  /**
   * Contracts whose policy requires destruction, ended more than `exchange.destructionDays` ago and
   * not attested: flagged to the exchange and the regulator.
   */
  async overdueDestructions(page: number, pageSize: number) {
    const today = shanghaiStartOf(shanghaiDate(this.k.clock.now()));
    const endedBy = shanghaiDate(new Date(today.getTime() - this.k.config.exchange.destructionDays * DAY));
    const rows = await nrepo.endedWithoutDestruction(this.k.db, endedBy, page, pageSize);
    return { items: rows.map((n) => ({ negotiationId: n.id, contractNumber: n.contractNumber, buyerOrgId: n.buyerOrgId, sellerOrgId: n.sellerOrgId, endsOn: n.endsOn, listingTitle: n.listingTitle })), page, pageSize };
  }

  /** A party rates the other once the delivery was accepted: 1–5 and a comment (once per deal). */
  async rate(id: string, by: Principal, input: { score: number; comment: string }, requestId?: string) {
    const n = await this.contract(id, by, 'any');
    const rateeOrgId = by.orgId === n.buyerOrgId ? n.sellerOrgId : by.orgId === n.sellerOrgId ? n.buyerOrgId : null;
    if (!rateeOrgId) throw new AppError(ExchangeErrors.EXCHANGE_PARTY_MUST_SEAL);
    if (!n.acceptedAt) throw stateConflict('not_accepted', 'rate');
    const row = { negotiationId: id, raterOrgId: by.orgId, rateeOrgId, score: input.score, comment: input.comment.trim(), at: this.k.clock.now() };
    return this.k.transact(async (tx, emit) => {
      if (!(await nrepo.insertRating(tx, row))) throw stateConflict('rated', 'rate');
      await emit({ type: 'exchange.rating.given', subject: { type: 'exchange_negotiation', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { rateeOrgId, score: row.score } });
      return { negotiationId: id, raterOrgId: row.raterOrgId, rateeOrgId, score: row.score, comment: row.comment, at: row.at.toISOString() };
    });
  }

  /** An organisation's ratings as a counterparty (public). */
  async ratings(orgId: string) {
    const r = await nrepo.ratingsOf(this.k.db, orgId, 20);
    return { orgId, count: r.count, average: r.average, latest: r.latest.map((x) => ({ score: x.score, comment: x.comment, at: x.at.toISOString() })) };
  }
}
