import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { PlatformErrors } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import { shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { ExchangeErrors, stateConflict } from './exchange.errors.js';
import type { BookService } from './book.service.js';
import { contractSealPayload, type ContractSealer, type TransactionCertifier } from './contract.seals.js';
import { canonicalDigest } from '../../platform/canonical-json.digest.js';
import { feeCapProblem, odrlOffer, type Pricing } from './listing.rules.js';
import { buyerCommissionFen } from './settlement.rules.js';
import type { ListingService } from './listing.service.js';
import type { ListingRow } from './listing.repository.js';
import type { MemberService } from './member.service.js';
import { arbitrates } from './dispute.repository.js';
import {
  amountOf, beijingTime, contractNumber, contractText, listedPriceFen, mayMove, modelOf, MOVES, termsProblem, type NegotiationMove, type NegotiationState, type Side, type Terms,
} from './negotiation.rules.js';
import * as repo from './negotiation.repository.js';
import { nextCounter } from './member.repository.js';
import { partiesOf, type ExchangeDirectory, oversees } from './organisation.names.js';

export interface OpenNegotiation {
  listingId: string;
  /** request: the buyer (or its broker naming `buyerOrgId`) asks; offer: the seller (or its broker) offers to `buyerOrgId`. */
  move: 'request' | 'offer';
  buyerOrgId?: string | undefined;
  terms: Terms;
  note?: string | undefined;
}

type Party = 'seller' | 'buyer' | 'sellerBroker' | 'buyerBroker';
/** The order seals are shown in: the parties, then their brokers. */
const PARTIES: readonly Party[] = ['seller', 'buyer', 'sellerBroker', 'buyerBroker'];
/** A contract's seals in the parties' order. */
const sealsInOrder = (n: repo.NegotiationRow) => PARTIES.flatMap((p) => (n.seals[p] ? [[p, n.seals[p]!] as const] : []));
const BUYING_KINDS = ['buyer', 'data_merchant'] as const;
const SELLING_KINDS = ['seller', 'data_merchant'] as const;
const DAY = 86_400_000;

/**
 * Negotiation and contract (撮合 → 成交): a buyer's request or a seller's offer on a listed
 * listing runs the Dataspace Protocol states with counter-offers on price and terms. The seller's
 * agreement creates the contract document (zh-CN) it seals; the buyer verifies by sealing it and
 * paying the amount into escrow (no funds, no contract); every broker seals; the seller finalises
 * and the contract is in force for its period. Either side terminates before that, and escrow goes
 * back to the buyer. Suspended members and brokers, unlisted listings and terms outside the
 * listing's policy or its fee cap are refused with stable codes.
 */
export class NegotiationService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: ExchangeDirectory,
    private readonly members: MemberService,
    private readonly listings: ListingService,
    private readonly books: BookService,
    private readonly seals: ContractSealer,
    private readonly certificates: TransactionCertifier,
  ) {}

  /** The caller's side: the seller or its broker provide, the buyer or its broker consume. */
  private sideOf(n: Pick<repo.NegotiationRow, 'sellerOrgId' | 'buyerOrgId' | 'sellerBrokerOrgId' | 'buyerBrokerOrgId'>, orgId: string): Side | null {
    if (n.sellerOrgId === orgId || n.sellerBrokerOrgId === orgId) return 'provider';
    if (n.buyerOrgId === orgId || n.buyerBrokerOrgId === orgId) return 'consumer';
    return null;
  }

  private partyOf(n: repo.NegotiationRow, orgId: string): Party | null {
    return n.sellerOrgId === orgId ? 'seller' : n.buyerOrgId === orgId ? 'buyer' : n.sellerBrokerOrgId === orgId ? 'sellerBroker' : n.buyerBrokerOrgId === orgId ? 'buyerBroker' : null;
  }

  private invalid(reason: string, details: Record<string, unknown> = {}) {
    return new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason, ...details }, { reason });
  }

  private conflict(state: string, action: string) {
    return stateConflict(state, action);
  }

  /** Terms within the listing's policy, priced within the public data's fee cap. */
  private checkTerms(l: ListingRow, input: Terms): Terms {
    const t: Terms = { priceFen: input.priceFen, quantity: input.quantity, purposes: [...new Set(input.purposes.map((p) => p.trim()).filter(Boolean))], periodDays: input.periodDays, maxUses: input.maxUses };
    const problem = termsProblem(t, l.pricing, l.policy);
    if (problem) throw this.invalid(problem);
    const cap = l.publicData?.feeCap ?? null;
    const model = modelOf(l.pricing);
    // The agreed price in the listing's unit (a tier's price is per call; a quote is agreed as a one-off price).
    const priced: Pricing = l.pricing.model === 'subscription' ? { model: 'subscription', amountFen: t.priceFen, period: l.pricing.period }
      : model === 'one_off' ? { model: 'one_off', amountFen: t.priceFen } : { model: 'per_call', amountFen: t.priceFen };
    const fee = feeCapProblem(priced, cap);
    if (fee) throw new AppError(ExchangeErrors.EXCHANGE_FEE_ABOVE_CAP, { ...fee, cap }, { cap: `${cap!.amount} ${cap!.unit}` });
    return t;
  }

  /** Both parties active members, brokers certified under their mandates, the listing listed. */
  private async standing(n: Pick<repo.NegotiationRow, 'listingId' | 'sellerOrgId' | 'buyerOrgId' | 'sellerBrokerOrgId' | 'buyerBrokerOrgId'>): Promise<ListingRow & { buyerBrokerBp: number | null }> {
    const l = await this.listings.requireListed(n.listingId);
    await this.members.requireMember(n.sellerOrgId, [...SELLING_KINDS]);
    await this.members.requireMember(n.buyerOrgId, [...BUYING_KINDS]);
    if (n.sellerBrokerOrgId) await this.members.mandateFor(n.sellerBrokerOrgId, n.sellerOrgId, 'sell');
    const buyerMandate = n.buyerBrokerOrgId ? await this.members.mandateFor(n.buyerBrokerOrgId, n.buyerOrgId, 'buy') : null;
    return { ...l, buyerBrokerBp: buyerMandate?.commissionBp ?? null };
  }

  /** A buyer's request (DSP REQUESTED) or a seller's offer (OFFERED) on a listed listing. */
  async open(by: Principal, input: OpenNegotiation, requestId?: string) {
    const l = await this.listings.requireListed(input.listingId);
    let buyerOrgId: string;
    let buyerBroker: { orgId: string; mandateId: string } | null = null;
    if (input.move === 'request') {
      buyerOrgId = input.buyerOrgId ?? by.orgId;
      if (buyerOrgId !== by.orgId) buyerBroker = { orgId: by.orgId, mandateId: (await this.members.mandateFor(by.orgId, buyerOrgId, 'buy')).id };
    } else {
      if (by.orgId !== l.sellerOrgId && by.orgId !== l.brokerOrgId) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
      if (!input.buyerOrgId) throw this.invalid('buyer_required');
      buyerOrgId = input.buyerOrgId;
    }
    if (buyerOrgId === l.sellerOrgId || buyerOrgId === l.brokerOrgId) throw this.invalid('buyer_is_the_seller');
    const terms = this.checkTerms(l, input.terms);
    const base = { listingId: l.id, sellerOrgId: l.sellerOrgId, buyerOrgId, sellerBrokerOrgId: l.brokerOrgId, buyerBrokerOrgId: buyerBroker?.orgId ?? null };
    await this.standing(base);
    const now = this.k.clock.now();
    const n: repo.NegotiationRow = {
      id: newId('neg'), ...base, sellerMandateId: l.mandateId, buyerMandateId: buyerBroker?.mandateId ?? null, state: MOVES[input.move].to, terms, amountFen: amountOf(terms), round: 1,
      contractNumber: null, document: null, documentDigest: null, seals: {}, escrowJournalId: null, escrowFen: 0n, uses: 0, reason: null, startsOn: null, endsOn: null,
      deliveredAt: null, acceptanceDue: null, acceptedAt: null, acceptedBy: null, finalizedEvent: null, destruction: null, grantId: null, billByUse: false, billedUses: null, billedAt: null, createdAt: now, updatedAt: now,
      agreedAt: null, verifiedAt: null, finalizedAt: null, terminatedAt: null,
    };
    const side: Side = input.move === 'request' ? 'consumer' : 'provider';
    const names = await this.namesFor(n);
    return this.k.transact(async (tx, emit) => {
      await repo.insertNegotiation(tx, n);
      const moves = [await this.record(tx, emit, n, input.move, null, side, by, terms, input.note ?? null, requestId)];
      return this.view(n, l, names, moves, by);
    });
  }

  /** Writes a move and its evidence event. */
  private async record(tx: Tx, emit: Emit, n: repo.NegotiationRow, move: NegotiationMove | 'seal', from: NegotiationState | null, side: Side, by: Principal, terms: Terms | null, note: string | null, requestId?: string) {
    // One move per round: the move's number is the round it made.
    const m: repo.MoveRow = { negotiationId: n.id, seq: n.round, move, fromState: from, toState: n.state, side, orgId: by.orgId, terms, note, at: this.k.clock.now() };
    await repo.insertMove(tx, m);
    const payload = { listingId: n.listingId, move, from, to: n.state, side, round: n.round, amountFen: n.amountFen.toString(), ...(terms ? { terms } : {}), ...(n.contractNumber ? { contractNumber: n.contractNumber, documentDigest: n.documentDigest } : {}) };
    const eventId = await emit({ type: 'exchange.negotiation.moved', subject: { type: 'exchange_negotiation', id: n.id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload });
    return { ...m, event: { eventId, payloadDigest: canonicalDigest(payload) } };
  }

  /**
   * A move on an open negotiation. Counter-offers (request by the consumer side from OFFERED, offer
   * by the provider side from REQUESTED) carry new terms; accept, agree, verify, finalize and
   * terminate take none (terminate a reason). Agreeing and verifying seal the contract document,
   * so only the seller and the buyer themselves (their administrators) make them.
   */
  async move(id: string, move: NegotiationMove, by: Principal, input: { terms?: Terms | undefined; reason?: string | undefined }, requestId?: string) {
    const n = await repo.findNegotiation(this.k.db, id);
    const side = n ? this.sideOf(n, by.orgId) : null;
    if (!n || !side) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    if (!mayMove(move, side, n.state)) throw this.conflict(n.state, move);
    const sealing = move === 'agree' || move === 'verify';
    if (sealing && this.partyOf(n, by.orgId) !== (move === 'agree' ? 'seller' : 'buyer')) throw new AppError(ExchangeErrors.EXCHANGE_PARTY_MUST_SEAL);
    if ((sealing || move === 'finalize') && by.memberRole !== 'org_admin') throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['org_admin'] }, { roles: 'org_admin' });
    const counter = move === 'request' || move === 'offer';
    if (counter && !input.terms) throw this.invalid('terms_required');
    const reason = input.reason?.trim() || null;
    if (move === 'terminate' && !reason) throw this.invalid('reason_required');
    const from = n.state;
    const now = this.k.clock.now();
    const next: repo.NegotiationRow = { ...n, state: MOVES[move].to, round: n.round + 1, updatedAt: now };
    // Everything but a termination needs the listing listed and everyone in good standing.
    const l = move === 'terminate' ? { ...(await this.listingOf(n)), buyerBrokerBp: null } : await this.standing(n);
    if (counter) {
      next.terms = this.checkTerms(l, input.terms!);
      next.amountFen = amountOf(next.terms);
    }
    let seal = null;
    if (move === 'agree') {
      const year = Number(shanghaiDate(now).slice(0, 4));
      const parties = await this.contractParties(n, l);
      // The number is drawn first, as the document the seal signs carries it; a refusal after this leaves a gap in the year's sequence.
      next.contractNumber = contractNumber(year, await this.k.transact((tx) => nextCounter(tx, `contract:${year}`)));
      next.document = contractText({
        number: next.contractNumber, parties, listing: { id: l.id, title: l.title.zh, registrationNumber: l.registrationNumber, assetId: l.assetId, pricing: l.pricing, deliveryMethods: l.deliveryMethods },
        policy: l.policy, terms: n.terms, agreedAt: beijingTime(now),
      });
      next.documentDigest = `sha256:${createHash('sha256').update(next.document).digest('hex')}`;
      next.agreedAt = now;
    }
    if (sealing) {
      const payload = contractSealPayload(next.contractNumber!, next.documentDigest!);
      seal = await this.seals.sign(by.orgId, payload, by, 'exchange.contract', requestId);
      next.seals = { ...next.seals, [move === 'agree' ? 'seller' : 'buyer']: seal };
    }
    if (move === 'verify') {
      next.verifiedAt = now;
      // The buyer's broker's commission is the buyer's to pay: held in escrow with the amount.
      next.escrowFen = n.amountFen + buyerCommissionFen(n.amountFen, l.buyerBrokerBp);
    }
    if (move === 'finalize') {
      const missing = [n.sellerBrokerOrgId ? 'sellerBroker' : null, n.buyerBrokerOrgId ? 'buyerBroker' : null].filter((p): p is Party => !!p && !n.seals[p as Party]);
      if (missing.length) throw new AppError(ExchangeErrors.EXCHANGE_SEALS_MISSING, { missing }, { missing: missing.join(', ') });
      next.finalizedAt = now;
      next.startsOn = shanghaiDate(now);
      next.endsOn = shanghaiDate(new Date(now.getTime() + n.terms.periodDays * DAY));
    }
    if (move === 'terminate') {
      next.reason = reason;
      next.terminatedAt = now;
    }
    const names = await this.namesFor(n);
    const view = await this.k.transact(async (tx, emit) => {
      if (!(await repo.saveNegotiation(tx, next, from, n.round))) throw this.conflict('changed', move);
      if (move === 'verify') {
        // The buyer pays into escrow as it signs: refused (EXCHANGE_INSUFFICIENT_FUNDS) beyond its available money.
        const available = await this.books.account('member_available', n.buyerOrgId, null, tx);
        const escrow = await this.books.account('escrow', n.buyerOrgId, n.id, tx);
        const j = await this.books.postIn(tx, emit, { kind: 'escrow', ref: `escrow:${n.id}`, memo: `${next.contractNumber} 合同价款托管`, lines: [{ accountId: available.id, amountFen: next.escrowFen }, { accountId: escrow.id, amountFen: -next.escrowFen }] }, by, requestId);
        next.escrowJournalId = j.journalId;
        await repo.saveNegotiation(tx, next, next.state, next.round);
      }
      if (move === 'terminate' && n.escrowJournalId) {
        const available = await this.books.account('member_available', n.buyerOrgId, null, tx);
        const escrow = await this.books.account('escrow', n.buyerOrgId, n.id, tx);
        await this.books.postIn(tx, emit, { kind: 'escrow_release', ref: `escrow-release:${n.id}`, memo: `${n.contractNumber} 合同终止，托管价款退回买方`, lines: [{ accountId: escrow.id, amountFen: n.escrowFen }, { accountId: available.id, amountFen: -n.escrowFen }] }, by, requestId);
      }
      const recorded = await this.record(tx, emit, next, move, from, side, by, counter ? next.terms : null, reason, requestId);
      if (move === 'finalize') {
        next.finalizedEvent = recorded.event;
        await repo.saveNegotiation(tx, next, next.state, next.round);
      }
      if (seal) {
        await emit({
          type: 'exchange.contract.sealed', subject: { type: 'exchange_negotiation', id: n.id }, orgId: by.orgId, actor: serviceActor(by), requestId,
          payload: { party: move === 'agree' ? 'seller' : 'buyer', contractNumber: next.contractNumber!, documentDigest: next.documentDigest!, kid: seal.kid, signature: seal.signature },
        });
      }
      return this.view(next, l, names, await repo.movesOf(tx, n.id), by);
    });
    // The transaction certificate follows the contract into force; a failure leaves the contract in
    // force and is logged — the exchange issues it again (POST …/certificate).
    if (move === 'finalize') await this.certify(next, l, null, requestId).catch((err: unknown) => this.k.logger.warn({ err, negotiationId: n.id }, 'transaction certificate not issued; the exchange can issue it again'));
    return view;
  }

  /** Issues the transaction certificate (交易凭证) of a contract in force, through the certificates module. */
  private async certify(n: repo.NegotiationRow, l: ListingRow, by: Principal | null, requestId?: string) {
    if (n.state !== 'FINALIZED' || !n.finalizedEvent || !l.exchangeOrgId) throw this.conflict(n.state, 'certify');
    const sellerDid = (await partiesOf(this.orgs, [n.sellerOrgId])).get(n.sellerOrgId)!.did;
    return this.certificates.issueTransaction({
      negotiationId: n.id, contractNumber: n.contractNumber!, documentDigest: n.documentDigest!, exchangeOrgId: l.exchangeOrgId, sellerOrgId: n.sellerOrgId, buyerOrgId: n.buyerOrgId,
      brokerOrgIds: [n.sellerBrokerOrgId, n.buyerBrokerOrgId].filter((x): x is string => !!x), listingId: l.id, title: l.title.zh, assetId: l.assetId, registrationNumber: l.registrationNumber,
      amountFen: n.amountFen.toString(), terms: { ...n.terms }, policy: { ...odrlOffer(l.id, l.assetId, sellerDid, { ...l.policy, purposes: n.terms.purposes, periodDays: n.terms.periodDays, maxUses: n.terms.maxUses }), '@type': 'Agreement' },
      startsOn: n.startsOn!, endsOn: n.endsOn!, finalizedEvent: n.finalizedEvent,
    }, by, requestId);
  }

  /** The exchange issues a contract's transaction certificate again (after a failure at finalisation). */
  async reissueCertificate(id: string, by: Principal, requestId?: string) {
    const n = await repo.findNegotiation(this.k.db, id);
    if (!n) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    return this.certify(n, await this.listingOf(n), by, requestId);
  }

  /** A broker of the negotiation seals the agreed contract (before it is finalised). */
  async seal(id: string, by: Principal, requestId?: string) {
    const n = await repo.findNegotiation(this.k.db, id);
    const party = n ? this.partyOf(n, by.orgId) : null;
    if (!n || !party) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    if (party !== 'sellerBroker' && party !== 'buyerBroker') throw new AppError(ExchangeErrors.EXCHANGE_PARTY_MUST_SEAL);
    if (by.memberRole !== 'org_admin') throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['org_admin'] }, { roles: 'org_admin' });
    if ((n.state !== 'AGREED' && n.state !== 'VERIFIED') || n.seals[party]) throw this.conflict(n.state, 'seal');
    await this.members.mandateFor(by.orgId, party === 'sellerBroker' ? n.sellerOrgId : n.buyerOrgId, party === 'sellerBroker' ? 'sell' : 'buy');
    const seal = await this.seals.sign(by.orgId, contractSealPayload(n.contractNumber!, n.documentDigest!), by, 'exchange.contract', requestId);
    const next: repo.NegotiationRow = { ...n, seals: { ...n.seals, [party]: seal }, round: n.round + 1, updatedAt: this.k.clock.now() };
    const l = await this.listingOf(n);
    const names = await this.namesFor(n);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.saveNegotiation(tx, next, n.state, n.round))) throw this.conflict('changed', 'seal');
      await this.record(tx, emit, next, 'seal', n.state, party === 'sellerBroker' ? 'provider' : 'consumer', by, null, null, requestId);
      await emit({
        type: 'exchange.contract.sealed', subject: { type: 'exchange_negotiation', id: n.id }, orgId: by.orgId, actor: serviceActor(by), requestId,
        payload: { party, contractNumber: n.contractNumber!, documentDigest: n.documentDigest!, kid: seal.kid, signature: seal.signature },
      });
      return this.view(next, l, names, await repo.movesOf(tx, n.id), by);
    });
  }

  private async listingOf(n: repo.NegotiationRow): Promise<ListingRow> {
    return this.listings.row(n.listingId);
  }

  private async contractParties(n: repo.NegotiationRow, l: ListingRow) {
    const org = async (id: string) => this.orgs.get(id);
    const [seller, buyer] = [await org(n.sellerOrgId), await org(n.buyerOrgId)];
    const exchange = l.exchangeOrgId ? (await org(l.exchangeOrgId)).name.zh : '数据交易所';
    return {
      seller: { name: seller.name.zh, uscc: seller.uscc ?? null }, buyer: { name: buyer.name.zh, uscc: buyer.uscc ?? null },
      sellerBroker: n.sellerBrokerOrgId ? { name: (await org(n.sellerBrokerOrgId)).name.zh } : null, buyerBroker: n.buyerBrokerOrgId ? { name: (await org(n.buyerBrokerOrgId)).name.zh } : null,
      exchange,
    };
  }

  /** A negotiation its parties and brokers, the exchange and the regulator read — and the arbitrator of a dispute on it. */
  private async row(id: string, viewer: Principal) {
    const n = await repo.findNegotiation(this.k.db, id);
    if (!n || !(this.sideOf(n, viewer.orgId) || oversees(viewer) || (await arbitrates(this.k.db, id, viewer.orgId)))) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    return n;
  }

  /** A negotiation as its parties and brokers, the exchange and the regulator see it. */
  async get(id: string, viewer: Principal) {
    const n = await this.row(id, viewer);
    const l = await this.listingOf(n);
    const view = this.view(n, l, await this.namesFor(n), await repo.movesOf(this.k.db, id), viewer);
    // Before the buyer verifies: what it will pay into escrow — the amount and its broker's commission under the mandate in force.
    let escrowDueFen: string | null = null;
    if (['REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED'].includes(n.state)) {
      const bp = n.buyerBrokerOrgId ? ((await this.members.mandateFor(n.buyerBrokerOrgId, n.buyerOrgId, 'buy').catch(() => null))?.commissionBp ?? null) : null;
      escrowDueFen = (n.amountFen + buyerCommissionFen(n.amountFen, bp)).toString();
    }
    return { ...view, escrowDueFen, viewerRated: await repo.ratedBy(this.k.db, id, viewer.orgId) };
  }

  /** The contract document (text) once agreed. */
  async document(id: string, viewer: Principal): Promise<{ number: string; text: string; digest: string }> {
    const n = await this.row(id, viewer);
    if (!n.document) throw this.conflict(n.state, 'document');
    return { number: n.contractNumber!, text: n.document, digest: n.documentDigest! };
  }

  /** Checks each seal on the contract against its document. */
  async verifySeals(id: string, viewer: Principal) {
    const n = await this.row(id, viewer);
    if (!n.document) throw this.conflict(n.state, 'verify_seals');
    const digest = `sha256:${createHash('sha256').update(n.document).digest('hex')}`;
    const payload = contractSealPayload(n.contractNumber!, digest);
    const out: Array<{ party: Party; orgId: string; valid: boolean; reason: string | null; signedAt: string; kid: string }> = [];
    for (const [party, s] of sealsInOrder(n)) {
      const check = await this.seals.verify(payload, s);
      out.push({ party, orgId: s.orgId, valid: check.valid && digest === n.documentDigest, reason: check.valid ? (digest === n.documentDigest ? null : 'document_changed') : (check.reason ?? 'invalid'), signedAt: s.signedAt, kid: s.kid });
    }
    return { contractNumber: n.contractNumber!, documentDigest: digest, seals: out };
  }

  /** The caller's negotiations (as seller, buyer or broker); the exchange and the regulator all (`all`). */
  async list(viewer: Principal, q: { all?: boolean | undefined; state?: NegotiationState | undefined; listingId?: string | undefined; page: number; pageSize: number }) {
    const everyone = q.all && oversees(viewer);
    const r = await repo.listNegotiations(this.k.db, { ...(everyone ? {} : { partyOrgId: viewer.orgId }), state: q.state, listingId: q.listingId, page: q.page, pageSize: q.pageSize });
    const names = await partiesOf(this.orgs, r.items.flatMap((n) => [n.sellerOrgId, n.buyerOrgId, n.sellerBrokerOrgId, n.buyerBrokerOrgId]));
    const titles = new Map<string, { zh: string; en: string }>();
    for (const n of r.items) if (!titles.has(n.listingId)) titles.set(n.listingId, (await this.listingOf(n)).title);
    return { items: r.items.map((n) => this.summary(n, titles.get(n.listingId)!, names, viewer)), total: r.total, page: q.page, pageSize: q.pageSize };
  }

  /** The names and DIDs of the negotiation's organisations — read before a transaction (PGlite has one connection). */
  private async namesFor(n: Pick<repo.NegotiationRow, 'sellerOrgId' | 'buyerOrgId' | 'sellerBrokerOrgId' | 'buyerBrokerOrgId'>) {
    return partiesOf(this.orgs, [n.sellerOrgId, n.buyerOrgId, n.sellerBrokerOrgId, n.buyerBrokerOrgId]);
  }

  private summary(n: repo.NegotiationRow, title: { zh: string; en: string }, names: Map<string, { name: { zh: string; en: string }; did: string }>, viewer: Principal) {
    const who = (id: string | null) => (id ? { orgId: id, name: names.get(id)?.name ?? { zh: id, en: id } } : null);
    return {
      id: n.id, listingId: n.listingId, listingTitle: title, state: n.state, round: n.round, terms: n.terms, amountFen: n.amountFen.toString(),
      seller: who(n.sellerOrgId)!, buyer: who(n.buyerOrgId)!, sellerBroker: who(n.sellerBrokerOrgId), buyerBroker: who(n.buyerBrokerOrgId),
      contractNumber: n.contractNumber, startsOn: n.startsOn, endsOn: n.endsOn, updatedAt: n.updatedAt.toISOString(),
      viewerSide: this.sideOf(n, viewer.orgId) ?? 'overseer',
    };
  }

  /**
   * The moves the viewer's party may make now (the server's rules; the member role is the caller's
   * own to check): its side's moves in this state, agree only for the seller and verify only for the
   * buyer (they seal as themselves), and `seal` for a broker whose seal the contract still needs.
   */
  private viewerMoves(n: repo.NegotiationRow, side: Side | null, party: Party | null): string[] {
    if (!side) return [];
    const moves: string[] = (Object.keys(MOVES) as NegotiationMove[]).filter((mv) => mayMove(mv, side, n.state) && (mv !== 'agree' || party === 'seller') && (mv !== 'verify' || party === 'buyer'));
    if ((party === 'sellerBroker' || party === 'buyerBroker') && (n.state === 'AGREED' || n.state === 'VERIFIED') && !n.seals[party]) moves.push('seal');
    return moves;
  }

  private view(n: repo.NegotiationRow, l: ListingRow, names: Map<string, { name: { zh: string; en: string }; did: string }>, moves: repo.MoveRow[], viewer: Principal) {
    const party = this.partyOf(n, viewer.orgId);
    const side = this.sideOf(n, viewer.orgId);
    const listed = listedPriceFen(l.pricing, n.terms.quantity);
    const [seller, buyer] = n.agreedAt ? [names.get(n.sellerOrgId)!, names.get(n.buyerOrgId)!] : [null, null];
    return {
      ...this.summary(n, l.title, names, viewer),
      listedPriceFen: listed, pricing: l.pricing, policy: l.policy, documentDigest: n.documentDigest, reason: n.reason,
      seals: sealsInOrder(n).map(([p, s]) => ({ party: p, orgId: s.orgId, kid: s.kid, signedAt: s.signedAt })),
      sealsNeeded: (['seller', 'buyer', ...(n.sellerBrokerOrgId ? ['sellerBroker'] : []), ...(n.buyerBrokerOrgId ? ['buyerBroker'] : [])] as Party[]).filter((p) => !n.seals[p]),
      escrowJournalId: n.escrowJournalId, escrowFen: n.escrowFen.toString(), uses: n.uses, deliveredAt: n.deliveredAt?.toISOString() ?? null, acceptanceDue: n.acceptanceDue?.toISOString() ?? null,
      acceptedAt: n.acceptedAt?.toISOString() ?? null, acceptedBy: n.acceptedBy, createdAt: n.createdAt.toISOString(), agreedAt: n.agreedAt?.toISOString() ?? null, verifiedAt: n.verifiedAt?.toISOString() ?? null,
      finalizedAt: n.finalizedAt?.toISOString() ?? null, terminatedAt: n.terminatedAt?.toISOString() ?? null,
      destruction: n.destruction, grantId: n.grantId, billing: n.billByUse ? { byUse: true, billedUses: n.billedUses, billedAt: n.billedAt?.toISOString() ?? null } : null,
      // The agreement as the Dataspace Protocol names it: target, assigner, assignee, timestamp, policy.
      agreement: n.agreedAt && seller && buyer ? {
        '@type': 'Agreement', uid: `urn:liutong:contract:${n.contractNumber}`, target: `urn:liutong:asset:${l.assetId}`, assigner: seller.did, assignee: buyer.did, timestamp: n.agreedAt.toISOString(),
        policy: { ...odrlOffer(l.id, l.assetId, seller.did, { ...l.policy, purposes: n.terms.purposes, periodDays: n.terms.periodDays, maxUses: n.terms.maxUses }), '@type': 'Agreement', assignee: buyer.did },
      } : null,
      moves: moves.map((m) => ({ seq: m.seq, move: m.move, from: m.fromState, to: m.toState, side: m.side, orgId: m.orgId, terms: m.terms, note: m.note, at: m.at.toISOString() })),
      viewerParty: party,
      viewerMoves: this.viewerMoves(n, side, party),
    };
  }
}
