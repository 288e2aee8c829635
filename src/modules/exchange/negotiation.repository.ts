import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { StoredSeal } from './contract.seals.js';
import type { NegotiationState, Side, Terms } from './negotiation.rules.js';

export interface NegotiationRow {
  id: string;
  listingId: string;
  sellerOrgId: string;
  buyerOrgId: string;
  sellerBrokerOrgId: string | null;
  buyerBrokerOrgId: string | null;
  sellerMandateId: string | null;
  buyerMandateId: string | null;
  state: NegotiationState;
  terms: Terms;
  amountFen: bigint;
  round: number;
  contractNumber: string | null;
  document: string | null;
  documentDigest: string | null;
  seals: Partial<Record<'seller' | 'buyer' | 'sellerBroker' | 'buyerBroker', StoredSeal>>;
  escrowJournalId: string | null;
  /** What the buyer paid into escrow: the amount and its broker's commission. */
  escrowFen: bigint;
  /** Uses (downloads, calls) under the contract so far. */
  uses: number;
  reason: string | null;
  startsOn: string | null;
  endsOn: string | null;
  deliveredAt: Date | null;
  acceptanceDue: Date | null;
  acceptedAt: Date | null;
  acceptedBy: 'buyer' | 'auto' | 'ruling' | null;
  /** The ledger event of the finalisation (the transaction certificate's evidence). */
  finalizedEvent: { eventId: string; payloadDigest: string } | null;
  /** The buyer's destruction attestation (销毁证明) once the contract ended. */
  destruction: { statement: string; method: string; evidenceSha256: string | null; attestedAt: string; attestedBy: string | null } | null;
  /** The gateway grant of an API delivery. */
  grantId: string | null;
  /** Per-call pricing delivered by API: billed at the end from the gateway's metered calls. */
  billByUse: boolean;
  billedUses: number | null;
  billedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  agreedAt: Date | null;
  verifiedAt: Date | null;
  finalizedAt: Date | null;
  terminatedAt: Date | null;
}

export interface MoveRow {
  negotiationId: string;
  seq: number;
  move: string;
  fromState: NegotiationState | null;
  toState: NegotiationState;
  side: Side;
  orgId: string;
  terms: Terms | null;
  note: string | null;
  at: Date;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));
const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

const map = (r: any): NegotiationRow => ({
  id: r.id, listingId: r.listing_id, sellerOrgId: r.seller_org_id, buyerOrgId: r.buyer_org_id, sellerBrokerOrgId: r.seller_broker_org_id ?? null, buyerBrokerOrgId: r.buyer_broker_org_id ?? null,
  sellerMandateId: r.seller_mandate_id ?? null, buyerMandateId: r.buyer_mandate_id ?? null, state: r.state, terms: json(r.terms), amountFen: BigInt(r.amount_fen), round: Number(r.round),
  contractNumber: r.contract_number ?? null, document: r.document ?? null, documentDigest: r.document_digest ?? null, seals: json(r.seals), escrowJournalId: r.escrow_journal_id ?? null,
  escrowFen: BigInt(r.escrow_fen ?? 0), uses: Number(r.uses ?? 0), reason: r.reason ?? null, startsOn: day(r.starts_on), endsOn: day(r.ends_on), deliveredAt: date(r.delivered_at),
  acceptanceDue: date(r.acceptance_due), acceptedAt: date(r.accepted_at), acceptedBy: r.accepted_by ?? null, finalizedEvent: r.finalized_event == null ? null : json(r.finalized_event), destruction: r.destruction == null ? null : json(r.destruction),
  grantId: r.grant_id ?? null, billByUse: r.bill_by_use === true, billedUses: r.billed_uses == null ? null : Number(r.billed_uses), billedAt: date(r.billed_at), createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), agreedAt: date(r.agreed_at),
  verifiedAt: date(r.verified_at), finalizedAt: date(r.finalized_at), terminatedAt: date(r.terminated_at),
});
const mapMove = (r: any): MoveRow => ({
  negotiationId: r.negotiation_id, seq: Number(r.seq), move: r.move, fromState: r.from_state ?? null, toState: r.to_state, side: r.side, orgId: r.org_id,
  terms: r.terms == null ? null : json(r.terms), note: r.note ?? null, at: new Date(r.at),
});

const columns = (n: NegotiationRow) => ({
  id: n.id, listing_id: n.listingId, seller_org_id: n.sellerOrgId, buyer_org_id: n.buyerOrgId, seller_broker_org_id: n.sellerBrokerOrgId, buyer_broker_org_id: n.buyerBrokerOrgId,
  seller_mandate_id: n.sellerMandateId, buyer_mandate_id: n.buyerMandateId, state: n.state, terms: JSON.stringify(n.terms), amount_fen: n.amountFen.toString(), round: n.round,
  contract_number: n.contractNumber, document: n.document, document_digest: n.documentDigest, seals: JSON.stringify(n.seals), escrow_journal_id: n.escrowJournalId, escrow_fen: n.escrowFen.toString(),
  uses: n.uses, reason: n.reason, starts_on: n.startsOn, ends_on: n.endsOn, delivered_at: n.deliveredAt, acceptance_due: n.acceptanceDue, accepted_at: n.acceptedAt, accepted_by: n.acceptedBy, finalized_event: n.finalizedEvent ? JSON.stringify(n.finalizedEvent) : null, destruction: n.destruction ? JSON.stringify(n.destruction) : null,
  grant_id: n.grantId, bill_by_use: n.billByUse, billed_uses: n.billedUses, billed_at: n.billedAt, created_at: n.createdAt, updated_at: n.updatedAt, agreed_at: n.agreedAt, verified_at: n.verifiedAt, finalized_at: n.finalizedAt,
  terminated_at: n.terminatedAt,
});

export async function insertNegotiation(db: Executor, n: NegotiationRow): Promise<void> {
  await db.insertInto('exchange_negotiation').values(columns(n)).execute();
}

/** Saves the row whole when it is still in `from` at round `round` (false: someone moved first). */
export async function saveNegotiation(db: Executor, n: NegotiationRow, from: NegotiationState, round: number): Promise<boolean> {
  const { id: _id, ...rest } = columns(n);
  const r = await db.updateTable('exchange_negotiation').set(rest).where('id', '=', n.id).where('state', '=', from).where('round', '=', round).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findNegotiation(db: Executor, id: string): Promise<NegotiationRow | undefined> {
  const r = await db.selectFrom('exchange_negotiation').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function insertMove(db: Executor, m: MoveRow): Promise<void> {
  await db.insertInto('exchange_negotiation_move').values({
    negotiation_id: m.negotiationId, seq: m.seq, move: m.move, from_state: m.fromState, to_state: m.toState, side: m.side, org_id: m.orgId,
    terms: m.terms ? JSON.stringify(m.terms) : null, note: m.note, at: m.at,
  }).execute();
}

export async function movesOf(db: Executor, id: string): Promise<MoveRow[]> {
  return (await db.selectFrom('exchange_negotiation_move').selectAll().where('negotiation_id', '=', id).orderBy('seq').execute()).map(mapMove);
}

export async function listNegotiations(db: Executor, f: { partyOrgId?: string; state?: NegotiationState; listingId?: string; page: number; pageSize: number }): Promise<{ items: NegotiationRow[]; total: number }> {
  let q = db.selectFrom('exchange_negotiation');
  if (f.partyOrgId) {
    const o = f.partyOrgId;
    q = q.where((e) => e.or([e('seller_org_id', '=', o), e('buyer_org_id', '=', o), e('seller_broker_org_id', '=', o), e('buyer_broker_org_id', '=', o)]));
  }
  if (f.state) q = q.where('state', '=', f.state);
  if (f.listingId) q = q.where('listing_id', '=', f.listingId);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(map), total };
}

/** Counts one use if the contract allows another (uses below maxUses, or unbounded); false when exhausted. */
export async function countUse(db: Executor, id: string, maxUses: number | null): Promise<boolean> {
  let q = db.updateTable('exchange_negotiation').set((e) => ({ uses: e('uses', '+', 1) })).where('id', '=', id).where('state', '=', 'FINALIZED');
  if (maxUses !== null) q = q.where('uses', '<', maxUses);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Finalised contracts delivered and not accepted whose acceptance period is over. */
export async function acceptanceOverdue(db: Executor, now: Date, limit: number): Promise<NegotiationRow[]> {
  return (await db.selectFrom('exchange_negotiation').selectAll().where('state', '=', 'FINALIZED').where('accepted_at', 'is', null).where('acceptance_due', '<', now).orderBy('acceptance_due').limit(limit).execute()).map(map);
}

/** Records the destruction attestation once (false when one exists). */
export async function attestDestruction(db: Executor, id: string, d: NonNullable<NegotiationRow['destruction']>): Promise<boolean> {
  const r = await db.updateTable('exchange_negotiation').set({ destruction: JSON.stringify(d) }).where('id', '=', id).where('destruction', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Contracts in force that ended on or before `endedBy` without a destruction attestation (the caller filters by policy). */
export async function endedWithoutDestruction(db: Executor, endedBy: string, page: number, pageSize: number): Promise<Array<NegotiationRow & { listingTitle: { zh: string; en: string } }>> {
  // Only contracts whose listing's policy requires destruction, filtered before paging, with the listing's title in one query.
  const rows = await db.selectFrom('exchange_negotiation as n').innerJoin('exchange_listing as l', 'l.id', 'n.listing_id').selectAll('n').select(['l.title_zh as listing_title_zh', 'l.title_en as listing_title_en'])
    .where('n.state', '=', 'FINALIZED').where('n.destruction', 'is', null).where('n.ends_on', '<=', endedBy).where(sql<boolean>`(l.policy->>'destructionRequired')::boolean`)
    .orderBy('n.ends_on').orderBy('n.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return rows.map((r) => ({ ...map(r), listingTitle: { zh: String(r.listing_title_zh), en: String(r.listing_title_en) } }));
}

export interface RatingRow { negotiationId: string; raterOrgId: string; rateeOrgId: string; score: number; comment: string; at: Date }

/** A party's rating of the other (once per deal; false when it rated already). */
export async function insertRating(db: Executor, r: RatingRow): Promise<boolean> {
  const res = await sql`insert into exchange_rating (negotiation_id, rater_org_id, ratee_org_id, score, comment, at) values (${r.negotiationId}, ${r.raterOrgId}, ${r.rateeOrgId}, ${r.score}, ${r.comment}, ${r.at})
    on conflict (negotiation_id, rater_org_id) do nothing`.execute(db);
  return Number(res.numAffectedRows ?? 0) > 0;
}

/** An organisation's ratings received: count, average (two decimals) and the latest. */
/** Whether an organisation rated the other party of a deal. */
export async function ratedBy(db: Executor, negotiationId: string, orgId: string): Promise<boolean> {
  return !!(await db.selectFrom('exchange_rating').select('negotiation_id').where('negotiation_id', '=', negotiationId).where('rater_org_id', '=', orgId).executeTakeFirst());
}

export async function ratingsOf(db: Executor, orgId: string, limit: number): Promise<{ count: number; average: number | null; latest: RatingRow[] }> {
  const agg = (await sql<{ n: string; avg: string | null }>`select count(*) as n, round(avg(score)::numeric, 2) as avg from exchange_rating where ratee_org_id = ${orgId}`.execute(db)).rows[0]!;
  const rows = await db.selectFrom('exchange_rating').selectAll().where('ratee_org_id', '=', orgId).orderBy('at', 'desc').limit(limit).execute();
  return {
    count: Number(agg.n), average: agg.avg === null ? null : Number(agg.avg),
    latest: rows.map((r: any) => ({ negotiationId: r.negotiation_id, raterOrgId: r.rater_org_id, rateeOrgId: r.ratee_org_id, score: Number(r.score), comment: r.comment, at: new Date(r.at) })),
  };
}

export async function ratingsOfDeal(db: Executor, negotiationId: string): Promise<RatingRow[]> {
  return (await db.selectFrom('exchange_rating').selectAll().where('negotiation_id', '=', negotiationId).execute()).map((r: any) => ({
    negotiationId: r.negotiation_id, raterOrgId: r.rater_org_id, rateeOrgId: r.ratee_org_id, score: Number(r.score), comment: r.comment, at: new Date(r.at),
  }));
}
