import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import { canonicalDigest } from '../../platform/canonical-json.digest.js';
import { ExchangeErrors } from './exchange.errors.js';
import { ACCOUNT_KINDS, onNormalSide, unbalanced, type AccountKind } from './book.rules.js';
import * as repo from './book.repository.js';

/** A journal's event names its lines up to this many; larger ones (settlement batches) carry their digest, count and total. */
const MAX_EVENT_LINES = 100;

export interface JournalInput {
  /** What the journal records, e.g. deposit, withdrawal, escrow, release, settlement. */
  kind: string;
  /** Unique per journal: posting the same reference again posts nothing (exactly once across re-runs). */
  ref: string;
  memo: string;
  lines: Array<{ accountId: string; amountFen: bigint }>;
}

export interface ReconcileReport {
  ok: boolean;
  accounts: number;
  journals: number;
  postings: number;
  problems: string[];
}

/**
 * The exchange's books (账簿): accounts in integer fen, balanced journals posted exactly once per
 * reference, balances that never go below zero where the account forbids it (a member never pays
 * without funds), each journal an evidence event, and a reconciliation that proves it all from the
 * tables (`liutong books reconcile`). Money moves only here; later parts of the exchange (escrow,
 * release, settlement) post journals through `postIn`, inside their own transactions.
 */
export class BookService {
  constructor(private readonly k: Kernel) {}

  /** The account of (kind, org, ref), opened on first use. */
  async account(kind: AccountKind, orgId: string | null, ref: string | null = null, db: Tx | Kernel['db'] = this.k.db): Promise<repo.AccountRow> {
    const found = await repo.findAccount(db, orgId, kind, ref);
    if (found) return found;
    const def = ACCOUNT_KINDS[kind];
    await repo.insertAccount(db, { id: newId('acc'), orgId, kind, ref, normalSide: def.side, allowNegative: def.allowNegative, balanceFen: 0n, createdAt: this.k.clock.now() });
    return (await repo.findAccount(db, orgId, kind, ref))!;
  }

  /** What an account holds on its normal side (a member's available money), in fen. */
  async balance(kind: AccountKind, orgId: string | null, ref: string | null = null): Promise<bigint> {
    const a = await repo.findAccount(this.k.db, orgId, kind, ref);
    return a ? onNormalSide(a.balanceFen, a.normalSide) : 0n;
  }

  /**
   * Posts a journal in the caller's transaction: refused unless balanced; nothing when its reference
   * was posted before (`duplicate`); the accounts locked in id order, each new balance checked — an
   * account that may not go negative and would is refused (EXCHANGE_INSUFFICIENT_FUNDS) and nothing
   * is written; then the lines, the balances and the evidence event.
   */
  async postIn(tx: Tx, emit: Emit, j: JournalInput, by: Principal | null, requestId?: string): Promise<{ journalId: string; duplicate: boolean }> {
    const why = unbalanced(j.lines);
    if (why) throw new AppError(ExchangeErrors.EXCHANGE_JOURNAL_UNBALANCED, { reason: why }, { reason: why });
    const journalId = newId('jnl');
    const totalDebitFen = j.lines.reduce((s, l) => (l.amountFen > 0n ? s + l.amountFen : s), 0n);
    if (!(await repo.insertJournal(tx, { id: journalId, kind: j.kind, ref: j.ref, memo: j.memo, lines: j.lines.length, totalDebitFen, postedAt: this.k.clock.now() }))) {
      return { journalId: (await repo.journalByRef(tx, j.ref))!.id, duplicate: true };
    }
    const delta = new Map<string, bigint>();
    for (const l of j.lines) delta.set(l.accountId, (delta.get(l.accountId) ?? 0n) + l.amountFen);
    const accounts = await repo.lockAccounts(tx, [...delta.keys()]);
    if (accounts.length !== delta.size) throw new AppError(ExchangeErrors.EXCHANGE_ACCOUNT_NOT_FOUND);
    const balances = accounts.map((a) => ({ a, balanceFen: a.balanceFen + delta.get(a.id)! }));
    for (const { a, balanceFen } of balances) {
      const after = onNormalSide(balanceFen, a.normalSide);
      if (!a.allowNegative && after < 0n) {
        const availableFen = onNormalSide(a.balanceFen, a.normalSide).toString();
        throw new AppError(ExchangeErrors.EXCHANGE_INSUFFICIENT_FUNDS, { account: a.id, availableFen, neededFen: (-onNormalSide(delta.get(a.id)!, a.normalSide)).toString() }, { account: a.id, availableFen, neededFen: (-onNormalSide(delta.get(a.id)!, a.normalSide)).toString() });
      }
    }
    await repo.insertPostings(tx, journalId, j.lines);
    const lines = j.lines.map((l) => ({ accountId: l.accountId, amountFen: l.amountFen.toString() }));
    await repo.setBalances(tx, balances.map((b) => ({ id: b.a.id, balanceFen: b.balanceFen })));
    await emit({
      type: 'exchange.books.posted', subject: { type: 'exchange_journal', id: journalId }, actor: serviceActor(by), requestId,
      payload: {
        journalId, kind: j.kind, ref: j.ref, lineCount: j.lines.length, totalDebitFen: totalDebitFen.toString(), linesDigest: canonicalDigest(lines),
        ...(lines.length <= MAX_EVENT_LINES ? { lines } : {}),
      },
    });
    return { journalId, duplicate: false };
  }

  async post(j: JournalInput, by: Principal | null, requestId?: string) {
    return this.k.transact((tx, emit) => this.postIn(tx, emit, j, by, requestId));
  }

  private amount(amountFen: bigint) {
    if (amountFen <= 0n) throw new AppError(ExchangeErrors.EXCHANGE_AMOUNT_INVALID);
    return amountFen;
  }

  /** A member's deposit (money received at the exchange's bank): bank debit, the member's available credit. */
  async deposit(orgId: string, amountFen: bigint, ref: string, memo: string, by: Principal | null, requestId?: string) {
    const n = this.amount(amountFen);
    const [bank, member] = [await this.account('bank', null), await this.account('member_available', orgId)];
    return this.post({ kind: 'deposit', ref, memo, lines: [{ accountId: bank.id, amountFen: n }, { accountId: member.id, amountFen: -n }] }, by, requestId);
  }

  /** A member's withdrawal: refused beyond its available money. */
  async withdraw(orgId: string, amountFen: bigint, ref: string, memo: string, by: Principal | null, requestId?: string) {
    const n = this.amount(amountFen);
    const [bank, member] = [await this.account('bank', null), await this.account('member_available', orgId)];
    return this.post({ kind: 'withdrawal', ref, memo, lines: [{ accountId: member.id, amountFen: n }, { accountId: bank.id, amountFen: -n }] }, by, requestId);
  }

  /**
   * A member's balances and statement: each account's money on its normal side, and its lines newest
   * first, signed as the member sees them (money in positive).
   */
  /** An organisation's balances and lines; `null`: the exchange's own accounts (bank, fee income, clearing). */
  async statement(orgId: string | null, page: number, pageSize: number) {
    const [accounts, lines] = await Promise.all([repo.accountsOf(this.k.db, orgId), repo.statementOf(this.k.db, orgId, page, pageSize)]);
    return {
      orgId,
      accounts: accounts.map((a) => ({ id: a.id, kind: a.kind, ref: a.ref, balanceFen: onNormalSide(a.balanceFen, a.normalSide).toString() })),
      items: lines.items.map((l) => ({ journalId: l.journalId, line: l.line, kind: l.kind, ref: l.ref, memo: l.memo, postedAt: l.postedAt.toISOString(), accountKind: l.accountKind, amountFen: onNormalSide(l.amountFen, l.normalSide).toString() })),
      total: lines.total, page, pageSize,
    };
  }

  /** Reconciliation of the books (reconcileBooks). */
  async reconcile(): Promise<ReconcileReport> {
    return reconcileBooks(this.k.db);
  }
}

/**
 * Reconciliation, from the tables alone (also `liutong books reconcile`, without starting the
 * platform): every journal's lines sum to zero and are all there; every account's balance equals the
 * sum of its lines; no account below zero on its normal side unless allowed; all balances together
 * sum to zero.
 */
export async function reconcileBooks(db: Kernel['db']): Promise<ReconcileReport> {
  const r = await repo.reconciliation(db);
  const problems = [
    ...r.unbalancedJournals.map((j) => `journal ${j.id}: lines sum to ${j.sum} over ${j.n} of ${j.lines} lines`),
    ...r.driftedAccounts.map((a) => `account ${a.id}: balance ${a.balance_fen} but lines sum to ${a.sum}`),
    ...r.negativeAccounts.map((a) => `account ${a.id}: negative on its ${a.normal_side} side (${a.balance_fen})`),
  ];
  const total = BigInt(r.counts.total ?? '0');
  if (total !== 0n) problems.push(`all balances sum to ${total}, not 0`);
  return { ok: problems.length === 0, accounts: Number(r.counts.accounts), journals: Number(r.counts.journals), postings: Number(r.counts.postings), problems };
}
