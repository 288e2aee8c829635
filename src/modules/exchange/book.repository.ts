import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { NormalSide } from './book.rules.js';

export interface AccountRow {
  id: string;
  orgId: string | null;
  kind: string;
  ref: string | null;
  normalSide: NormalSide;
  allowNegative: boolean;
  balanceFen: bigint;
  createdAt: Date;
}

const AC = 'exchange_account';
const mapAccount = (r: any): AccountRow => ({
  id: r.id, orgId: r.org_id ?? null, kind: r.kind, ref: r.ref ?? null, normalSide: r.normal_side, allowNegative: !!r.allow_negative, balanceFen: BigInt(r.balance_fen), createdAt: new Date(r.created_at),
});

/** The account of (org, kind, ref), or undefined. */
export async function findAccount(db: Executor, orgId: string | null, kind: string, ref: string | null): Promise<AccountRow | undefined> {
  const r = await db.selectFrom(AC).selectAll()
    .where(sql<boolean>`coalesce(org_id, '') = ${orgId ?? ''}`).where('kind', '=', kind).where(sql<boolean>`coalesce(ref, '') = ${ref ?? ''}`).executeTakeFirst();
  return r ? mapAccount(r) : undefined;
}

/** Opens an account unless it exists (concurrent openers: one wins, none fails). */
export async function insertAccount(db: Executor, a: AccountRow): Promise<void> {
  await sql`insert into exchange_account (id, org_id, kind, ref, normal_side, allow_negative, balance_fen, created_at)
    values (${a.id}, ${a.orgId}, ${a.kind}, ${a.ref}, ${a.normalSide}, ${a.allowNegative}, 0, ${a.createdAt})
    on conflict ((coalesce(org_id, '')), kind, (coalesce(ref, ''))) do nothing`.execute(db);
}

/** The accounts locked for update, in id order (so concurrent journals never deadlock). */
export async function lockAccounts(db: Executor, ids: string[]): Promise<AccountRow[]> {
  const sorted = [...ids].sort();
  const out: AccountRow[] = [];
  for (let i = 0; i < sorted.length; i += 5000) {
    const rows = await db.selectFrom(AC).selectAll().where('id', 'in', sorted.slice(i, i + 5000)).orderBy('id').forUpdate().execute();
    out.push(...rows.map(mapAccount));
  }
  return out;
}

/** Sets the balances in one statement (two array parameters: a settlement batch touches thousands of accounts). */
export async function setBalances(db: Executor, balances: Array<{ id: string; balanceFen: bigint }>): Promise<void> {
  if (balances.length === 0) return;
  await sql`update exchange_account as a set balance_fen = v.balance_fen
    from unnest(${balances.map((b) => b.id)}::text[], ${balances.map((b) => b.balanceFen.toString())}::bigint[]) as v(id, balance_fen) where a.id = v.id`.execute(db);
}

/** Inserts a journal; false when its reference was posted before (the journal is not posted again). */
export async function insertJournal(db: Executor, j: { id: string; kind: string; ref: string; memo: string; lines: number; totalDebitFen: bigint; postedAt: Date }): Promise<boolean> {
  const r = await db.insertInto('exchange_journal').values({ id: j.id, kind: j.kind, ref: j.ref, memo: j.memo, lines: j.lines, total_debit_fen: j.totalDebitFen.toString(), posted_at: j.postedAt })
    .onConflict((oc) => oc.column('ref').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function journalByRef(db: Executor, ref: string): Promise<{ id: string; kind: string; postedAt: Date } | undefined> {
  const r = await db.selectFrom('exchange_journal').select(['id', 'kind', 'posted_at']).where('ref', '=', ref).executeTakeFirst();
  return r ? { id: r.id as string, kind: r.kind as string, postedAt: new Date(r.posted_at as string) } : undefined;
}

export async function insertPostings(db: Executor, journalId: string, lines: Array<{ accountId: string; amountFen: bigint }>): Promise<void> {
  // One statement with array parameters, however many lines (a settlement batch has thousands).
  await sql`insert into exchange_posting (journal_id, line, account_id, amount_fen)
    select ${journalId}, t.line, t.account_id, t.amount_fen
    from unnest(${lines.map((_, i) => i + 1)}::int[], ${lines.map((l) => l.accountId)}::text[], ${lines.map((l) => l.amountFen.toString())}::bigint[]) as t(line, account_id, amount_fen)`.execute(db);
}

export async function postingsOf(db: Executor, journalId: string): Promise<Array<{ accountId: string; amountFen: bigint }>> {
  return (await db.selectFrom('exchange_posting').select(['account_id', 'amount_fen']).where('journal_id', '=', journalId).orderBy('line').execute())
    .map((r) => ({ accountId: r.account_id as string, amountFen: BigInt(r.amount_fen as string) }));
}

/** What reconciliation finds wrong, straight from the tables. */
export async function reconciliation(db: Executor) {
  const counts = (await sql<{ accounts: string; journals: string; postings: string; total: string | null }>`
    select (select count(*) from exchange_account) as accounts, (select count(*) from exchange_journal) as journals,
           (select count(*) from exchange_posting) as postings, (select sum(balance_fen) from exchange_account) as total`.execute(db)).rows[0]!;
  const unbalancedJournals = (await sql<{ id: string; sum: string; n: string; lines: number }>`
    select j.id, coalesce(sum(p.amount_fen), 0) as sum, count(p.line) as n, j.lines from exchange_journal j left join exchange_posting p on p.journal_id = j.id
    group by j.id, j.lines having coalesce(sum(p.amount_fen), 0) <> 0 or count(p.line) <> j.lines order by j.id limit 100`.execute(db)).rows;
  const driftedAccounts = (await sql<{ id: string; balance_fen: string; sum: string }>`
    select a.id, a.balance_fen, coalesce(sum(p.amount_fen), 0) as sum from exchange_account a left join exchange_posting p on p.account_id = a.id
    group by a.id, a.balance_fen having a.balance_fen <> coalesce(sum(p.amount_fen), 0) order by a.id limit 100`.execute(db)).rows;
  const negativeAccounts = (await sql<{ id: string; balance_fen: string; normal_side: string }>`
    select id, balance_fen, normal_side from exchange_account
    where not allow_negative and ((normal_side = 'debit' and balance_fen < 0) or (normal_side = 'credit' and balance_fen > 0)) order by id limit 100`.execute(db)).rows;
  return { counts, unbalancedJournals, driftedAccounts, negativeAccounts };
}

export interface StatementLine {
  journalId: string;
  line: number;
  kind: string;
  ref: string;
  memo: string;
  postedAt: Date;
  accountKind: string;
  normalSide: NormalSide;
  amountFen: bigint;
}

/** An organisation's accounts. */
/** An organisation's accounts, or the exchange's own (orgId null: bank, fee income, clearing). */
export async function accountsOf(db: Executor, orgId: string | null): Promise<AccountRow[]> {
  const q = db.selectFrom(AC).selectAll();
  return (await (orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId)).orderBy('kind').orderBy('id').execute()).map(mapAccount);
}

/** The lines on an organisation's accounts, newest first. */
export async function statementOf(db: Executor, orgId: string | null, page: number, pageSize: number): Promise<{ items: StatementLine[]; total: number }> {
  const joined = db.selectFrom('exchange_posting as p').innerJoin('exchange_account as a', 'a.id', 'p.account_id').innerJoin('exchange_journal as j', 'j.id', 'p.journal_id');
  const base = orgId === null ? joined.where('a.org_id', 'is', null) : joined.where('a.org_id', '=', orgId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.select(['p.journal_id', 'p.line', 'j.kind', 'j.ref', 'j.memo', 'j.posted_at', 'a.kind as account_kind', 'a.normal_side', 'p.amount_fen'])
    .orderBy('j.posted_at', 'desc').orderBy('p.journal_id', 'desc').orderBy('p.line').limit(pageSize).offset((page - 1) * pageSize).execute();
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r: any) => ({ journalId: r.journal_id, line: Number(r.line), kind: r.kind, ref: r.ref, memo: r.memo, postedAt: new Date(r.posted_at), accountKind: r.account_kind, normalSide: r.normal_side, amountFen: BigInt(r.amount_fen) })),
  };
}
