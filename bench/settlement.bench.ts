/**
 * Settlement benchmark (清结算): postings per second of settlement batches in the exchange's books
 * (账簿), on PostgreSQL only, with the reconciliation holding afterwards.
 *
 * Set-up, through the books service: LIUTONG_BENCH_SETTLE_TRADES trades (default 5,000) between 500
 * buyers, 500 sellers and 50 brokers (member accounts keyed by organisation ids: the books do not read
 * identity; membership is a later part of the exchange); each buyer funded by one deposit batch
 * journal; each trade's price moved from its buyer's available money into the trade's own escrow
 * account (one batch journal per 1,000 trades).
 *
 * Measured: settlement of every trade in batches of LIUTONG_BENCH_SETTLE_BATCH trades (default 1,000)
 * — per trade four lines: the escrow released (debit), the seller's proceeds, the exchange's fee (3 %)
 * and the broker's commission (1 %), credited — each batch one journal through `books.post` (locks,
 * balance checks, postings, balances, evidence event, one transaction). Rate: postings/s. Target
 * ≥ 20,000/s (absolute). Reference, same run: a bare multi-row INSERT of as many posting-sized rows
 * into an unindexed table, 1,000 rows per statement, in one transaction.
 * Checks (PASS/FAIL): every batch posted again posts nothing (exactly once by reference); the books
 * reconcile afterwards; every escrow account is back to zero.
 *
 * Environment: LIUTONG_BENCH_DATABASE_URL (the server; the bench creates and drops its own database;
 * unreachable = SKIP), LIUTONG_BENCH_SETTLE_TRADES, LIUTONG_BENCH_SETTLE_BATCH.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { fmt, fmtMs, note, report, skip, verdict } from './report.js';
import { postgresUnavailable, startPlatform } from './platform.js';

const NAME = 'settlement';
const TARGET = 20_000;

function envInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name}: expected a positive integer, got "${text}"`);
  return n;
}

const orgId = (kind: string, i: number) => `org_${kind}${String(i).padStart(20 - kind.length, '0')}`;

export const parts: readonly string[] = [];

export async function run(): Promise<void> {
  const why = await postgresUnavailable();
  if (why) return skip(NAME, why);
  const trades = envInt('LIUTONG_BENCH_SETTLE_TRADES', 5_000);
  const batch = envInt('LIUTONG_BENCH_SETTLE_BATCH', 1_000);
  const p = await startPlatform('postgres');
  try {
    const { lt } = p;
    const books = lt.exchange.books;
    note(NAME, { engine: 'postgres', trades, 'batch(trades)': batch, 'postings-per-trade': 4, cores: os.cpus().length, 'load-average(1min)': os.loadavg()[0]!.toFixed(1) });

    // ---- set-up -------------------------------------------------------------------------------
    const t0 = performance.now();
    const bank = await books.account('bank', null);
    const fee = await books.account('fee_income', null);
    const buyers = [];
    const sellers = [];
    const brokers = [];
    for (let i = 0; i < 500; i++) buyers.push(await books.account('member_available', orgId('buy', i)));
    for (let i = 0; i < 500; i++) sellers.push(await books.account('member_available', orgId('sel', i)));
    for (let i = 0; i < 50; i++) brokers.push(await books.account('member_available', orgId('brk', i)));
    const price = (t: number) => BigInt(100_000 + (t % 97) * 1_000); // ¥1,000.00 … ¥1,960.00
    const funding = new Map<string, bigint>();
    for (let t = 0; t < trades; t++) funding.set(buyers[t % 500]!.id, (funding.get(buyers[t % 500]!.id) ?? 0n) + price(t));
    const total = [...funding.values()].reduce((a, b) => a + b, 0n);
    await books.post({ kind: 'deposit_batch', ref: 'bench-funding', memo: 'bench', lines: [{ accountId: bank.id, amountFen: total }, ...[...funding].map(([accountId, n]) => ({ accountId, amountFen: -n }))] }, null);
    const escrows = [];
    for (let t = 0; t < trades; t++) escrows.push(await books.account('escrow', null, `trade-${t}`));
    for (let from = 0; from < trades; from += 1_000) {
      const lines = [];
      for (let t = from; t < Math.min(trades, from + 1_000); t++) lines.push({ accountId: buyers[t % 500]!.id, amountFen: price(t) }, { accountId: escrows[t]!.id, amountFen: -price(t) });
      await books.post({ kind: 'escrow_batch', ref: `bench-escrow-${from}`, memo: 'bench', lines }, null);
    }
    note(`${NAME} set-up`, { accounts: fmt(2 + 1_050 + trades), 'escrowed(fen)': total.toString(), time: fmtMs(performance.now() - t0) });

    // ---- measured: settlement batches --------------------------------------------------------------
    const journals: Array<{ ref: string; lines: Array<{ accountId: string; amountFen: bigint }> }> = [];
    for (let from = 0; from < trades; from += batch) {
      const lines = [];
      for (let t = from; t < Math.min(trades, from + batch); t++) {
        const amount = price(t);
        const exchangeFee = (amount * 3n) / 100n;
        const commission = amount / 100n;
        lines.push(
          { accountId: escrows[t]!.id, amountFen: amount },
          { accountId: sellers[t % 500]!.id, amountFen: -(amount - exchangeFee - commission) },
          { accountId: fee.id, amountFen: -exchangeFee },
          { accountId: brokers[t % 50]!.id, amountFen: -commission },
        );
      }
      journals.push({ ref: `bench-settle-${from}`, lines });
    }
    const postings = journals.reduce((n, j) => n + j.lines.length, 0);
    const cpu0 = process.cpuUsage();
    const ts = performance.now();
    for (const j of journals) await books.post({ kind: 'settlement', ref: j.ref, memo: 'T+1 settlement batch', lines: j.lines }, null);
    const settleMs = performance.now() - ts;
    const cpu = process.cpuUsage(cpu0);

    // Reference: bare multi-row INSERTs of as many posting-sized rows, 1,000 per statement, one transaction.
    await sql`create unlogged table bench_posting_ref (journal_id text, line integer, account_id text, amount_fen bigint)`.execute(lt.kernel.db);
    const tr = performance.now();
    await lt.kernel.db.transaction().execute(async (tx) => {
      for (const j of journals) {
        for (let i = 0; i < j.lines.length; i += 1_000) {
          await tx.insertInto('bench_posting_ref' as never).values(j.lines.slice(i, i + 1_000).map((l, k) => ({ journal_id: `ref_${j.ref}`, line: i + k + 1, account_id: l.accountId, amount_fen: l.amountFen.toString() })) as never).execute();
        }
      }
    });
    const refMs = performance.now() - tr;
    await sql`drop table bench_posting_ref`.execute(lt.kernel.db);

    report({ name: `${NAME}/postings`, size: ['postings', postings], rate: (postings * 1000) / settleMs, reference: { label: 'bare multi-row INSERT of as many rows, same run', rate: (postings * 1000) / refMs }, target: { rate: TARGET } });
    note(`${NAME}/postings`, {
      journals: journals.length, time: fmtMs(settleMs), 'per-journal': fmtMs(settleMs / journals.length),
      'process-cpu': `${(((cpu.user + cpu.system) / 1000 / settleMs) * 100).toFixed(0)}% of one core`,
    });

    // ---- checks ---------------------------------------------------------------------------------------
    const again = [];
    for (const j of journals) again.push(await books.post({ kind: 'settlement', ref: j.ref, memo: 'rerun', lines: j.lines }, null));
    verdict(`${NAME}/exactly-once`, again.every((r) => r.duplicate), { 'batches-posted-again': journals.length, 'posted-twice': again.filter((r) => !r.duplicate).length });
    const tc = performance.now();
    const rec = await books.reconcile();
    verdict(`${NAME}/reconcile`, rec.ok, { journals: rec.journals, postings: fmt(rec.postings), accounts: fmt(rec.accounts), problems: rec.problems.length, time: fmtMs(performance.now() - tc) });
    let open = 0;
    for (let t = 0; t < trades; t += Math.max(1, Math.floor(trades / 200))) if ((await books.balance('escrow', null, `trade-${t}`)) !== 0n) open++;
    verdict(`${NAME}/escrow-released`, open === 0, { 'escrow-accounts-sampled': Math.ceil(trades / Math.max(1, Math.floor(trades / 200))), 'not-zero': open });
  } finally {
    await p.close();
  }
}
