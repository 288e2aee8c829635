import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { SettlementLine } from './settlement.rules.js';

export interface ItemRow {
  negotiationId: string;
  buyerOrgId: string;
  dueOn: string;
  /** The escrow the item releases (the amount and the buyer's broker's commission). */
  amountFen: bigint;
  lines: SettlementLine[];
  status: 'pending' | 'held' | 'settled';
  batchId: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

export interface BatchRow {
  id: string;
  businessDate: string;
  items: number;
  amountFen: bigint;
  journalId: string;
  settledAt: Date;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const mapItem = (r: any): ItemRow => ({
  negotiationId: r.negotiation_id, buyerOrgId: r.buyer_org_id, dueOn: day(r.due_on), amountFen: BigInt(r.amount_fen), lines: json(r.lines), status: r.status, batchId: r.batch_id ?? null,
  createdAt: new Date(r.created_at), settledAt: r.settled_at == null ? null : new Date(r.settled_at),
});
const mapBatch = (r: any): BatchRow => ({ id: r.id, businessDate: day(r.business_date), items: Number(r.items), amountFen: BigInt(r.amount_fen), journalId: r.journal_id, settledAt: new Date(r.settled_at) });

export async function insertItem(db: Executor, i: ItemRow): Promise<void> {
  await db.insertInto('exchange_settlement_item').values({
    negotiation_id: i.negotiationId, buyer_org_id: i.buyerOrgId, due_on: i.dueOn, amount_fen: i.amountFen.toString(), lines: JSON.stringify(i.lines), status: i.status, batch_id: null,
    created_at: i.createdAt, settled_at: null,
  }).execute();
}

export async function findItem(db: Executor, negotiationId: string): Promise<ItemRow | undefined> {
  const r = await db.selectFrom('exchange_settlement_item').selectAll().where('negotiation_id', '=', negotiationId).executeTakeFirst();
  return r ? mapItem(r) : undefined;
}

/** Pending items due on or before `date`, oldest first. */
export async function dueItems(db: Executor, date: string, limit: number): Promise<ItemRow[]> {
  return (await db.selectFrom('exchange_settlement_item').selectAll().where('status', '=', 'pending').where('due_on', '<=', date).orderBy('due_on').orderBy('negotiation_id').limit(limit).execute()).map(mapItem);
}

/** Locks those of `ids` still pending (skipping any another run holds). */
export async function lockPending(db: Executor, ids: string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const r = await sql`select * from exchange_settlement_item where negotiation_id = any(${ids}::text[]) and status = 'pending' order by negotiation_id for update skip locked`.execute(db);
  return (r.rows as any[]).map(mapItem);
}

export async function markSettled(db: Executor, ids: string[], batchId: string, at: Date): Promise<void> {
  await sql`update exchange_settlement_item set status = 'settled', batch_id = ${batchId}, settled_at = ${at} where negotiation_id = any(${ids}::text[]) and status = 'pending'`.execute(db);
}

export async function insertBatch(db: Executor, b: BatchRow): Promise<void> {
  await db.insertInto('exchange_settlement_batch').values({ id: b.id, business_date: b.businessDate, items: b.items, amount_fen: b.amountFen.toString(), journal_id: b.journalId, settled_at: b.settledAt }).execute();
}

export async function listBatches(db: Executor, page: number, pageSize: number): Promise<{ items: BatchRow[]; total: number }> {
  const total = Number((await db.selectFrom('exchange_settlement_batch').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await db.selectFrom('exchange_settlement_batch').selectAll().orderBy('business_date', 'desc').orderBy('settled_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(mapBatch), total };
}

/** Holds a pending item while a dispute is open (false when it is settled already). */
export async function holdItem(db: Executor, negotiationId: string): Promise<boolean> {
  const r = await db.updateTable('exchange_settlement_item').set({ status: 'held' }).where('negotiation_id', '=', negotiationId).where('status', 'in', ['pending', 'held']).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** After a ruling: the item's amount and lines replaced, pending again and due on `dueOn`. */
export async function replaceItem(db: Executor, i: ItemRow): Promise<void> {
  await db.updateTable('exchange_settlement_item').set({ amount_fen: i.amountFen.toString(), lines: JSON.stringify(i.lines), status: 'pending', due_on: i.dueOn }).where('negotiation_id', '=', i.negotiationId).where('status', '=', 'held').execute();
}

/** Drops a deal's unsettled item (a ruling refunded all of it). */
export async function dropItem(db: Executor, negotiationId: string): Promise<void> {
  await db.deleteFrom('exchange_settlement_item').where('negotiation_id', '=', negotiationId).where('status', '!=', 'settled').execute();
}

export async function findBatch(db: Executor, id: string): Promise<BatchRow | undefined> {
  const r = await db.selectFrom('exchange_settlement_batch').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapBatch(r) : undefined;
}

/** A batch's items with their contract numbers, in contract order. */
export async function itemsOfBatch(db: Executor, batchId: string): Promise<Array<ItemRow & { contractNumber: string | null }>> {
  const rows = await db.selectFrom('exchange_settlement_item as i').innerJoin('exchange_negotiation as n', 'n.id', 'i.negotiation_id').selectAll('i').select('n.contract_number')
    .where('i.batch_id', '=', batchId).orderBy('n.contract_number').orderBy('i.negotiation_id').execute();
  return rows.map((r) => ({ ...mapItem(r), contractNumber: (r as { contract_number: string | null }).contract_number ?? null }));
}
