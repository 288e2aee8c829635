import type { Kernel, Emit } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import { isDateText, shanghaiDate, WorkingDayCalendar } from '../../platform/calendar/working-day.calendar.js';
import { ExchangeErrors } from './exchange.errors.js';
import { oversees } from './organisation.names.js';
import type { BookService } from './book.service.js';
import type { ListingRow } from './listing.repository.js';
import { findMandate } from './member.repository.js';
import type { NegotiationRow } from './negotiation.repository.js';
import { settlementLines, split, type SettlementLine } from './settlement.rules.js';
import * as repo from './settlement.repository.js';

/**
 * Clearing and settlement (清结算). A deal whose delivery was accepted becomes a settlement item due
 * T+n working days later, its split fixed then (seller, exchange fee, brokers' commissions, public
 * data's revenue share). A run settles the due items in batches: each batch one transaction — one
 * balanced journal from the deals' escrow to the credited accounts (posted once by its reference),
 * the batch row, the items marked settled. A process killed mid-run leaves whole batches or none:
 * the books balance and the next run settles each remaining item exactly once.
 */
export class SettlementService {
  private readonly calendar: WorkingDayCalendar;

  constructor(
    private readonly k: Kernel,
    private readonly books: BookService,
  ) {
    this.calendar = new WorkingDayCalendar({ holidays: k.config.calendar.holidays, workdays: k.config.calendar.workdays });
  }

  /** The item a deal becomes when its delivery is accepted: due T+n, split now. Read before the accepting transaction. */
  async itemFor(n: NegotiationRow, l: ListingRow, acceptedAt: Date): Promise<repo.ItemRow> {
    const cfg = this.k.config.exchange;
    const sellerMandate = n.sellerMandateId ? await findMandate(this.k.db, n.sellerMandateId) : undefined;
    const parts = split(n.amountFen, { feeBp: cfg.feeBp, sellerBrokerBp: sellerMandate?.commissionBp ?? null, publicShareBp: l.publicData ? cfg.publicDataShareBp : null });
    if (!parts) throw new AppError(ExchangeErrors.EXCHANGE_JOURNAL_UNBALANCED, { reason: 'deductions_exceed_amount' }, { reason: 'deductions_exceed_amount' });
    const lines = settlementLines({
      sellerOrgId: n.sellerOrgId, sellerBrokerOrgId: n.sellerBrokerOrgId, buyerBrokerOrgId: n.buyerBrokerOrgId, implementingOrgId: l.publicData?.implementingOrgId ?? null,
      split: parts, buyerCommissionFen: n.escrowFen - n.amountFen,
    });
    const dueOn = cfg.settlementLagDays === 0 ? shanghaiDate(acceptedAt) : this.calendar.addWorkingDays(shanghaiDate(acceptedAt), cfg.settlementLagDays);
    return { negotiationId: n.id, buyerOrgId: n.buyerOrgId, dueOn, amountFen: n.escrowFen, lines, status: 'pending', batchId: null, createdAt: acceptedAt, settledAt: null };
  }

  /** Queues the item in the accepting transaction. */
  async queueIn(tx: Tx, item: repo.ItemRow): Promise<void> {
    await repo.insertItem(tx, item);
  }

  /**
   * Settles every item due on or before `businessDate` (default: today), batch by batch. Returns what
   * it settled; a second run the same day settles nothing more.
   */
  async run(by: Principal | null, businessDate?: string, requestId?: string, onBatch?: (b: { id: string; items: number; amountFen: string }) => void): Promise<{ businessDate: string; batches: Array<{ id: string; items: number; amountFen: string; journalId: string }>; items: number; amountFen: string }> {
    if (businessDate !== undefined && !isDateText(businessDate)) throw new AppError(ExchangeErrors.EXCHANGE_DATE_INVALID, { date: businessDate }, { date: businessDate });
    const today = shanghaiDate(this.k.clock.now());
    const date = businessDate ?? today;
    // T+n means on day T+n: a run for a day still to come would pay sellers before their money is due.
    if (date > today) throw new AppError(ExchangeErrors.EXCHANGE_NOT_DUE, { date, today }, { date, today });
    const size = this.k.config.exchange.settlementBatchSize;
    const batches: Array<{ id: string; items: number; amountFen: string; journalId: string }> = [];
    for (;;) {
      const due = await repo.dueItems(this.k.db, date, size);
      if (due.length === 0) break;
      // Accounts are opened outside the batch transaction (PGlite has one connection; opening is idempotent).
      const accounts = new Map<string, string>();
      const key = (kind: string, org: string | null, ref: string | null) => `${kind}|${org ?? ''}|${ref ?? ''}`;
      for (const it of due) {
        accounts.set(key('escrow', it.buyerOrgId, it.negotiationId), (await this.books.account('escrow', it.buyerOrgId, it.negotiationId)).id);
        for (const l of it.lines) {
          const kind = l.to === 'fee' ? 'fee_income' : 'member_available';
          if (!accounts.has(key(kind, l.orgId, null))) accounts.set(key(kind, l.orgId, null), (await this.books.account(kind, l.orgId, null)).id);
        }
      }
      const batch = await this.k.transact(async (tx, emit) => this.settleBatch(tx, emit, date, due.map((d) => d.negotiationId), accounts, key, by, requestId));
      if (!batch) break; // another run took these items
      batches.push(batch);
      onBatch?.(batch);
    }
    const total = batches.reduce((t, b) => t + BigInt(b.amountFen), 0n);
    const result = { businessDate: date, batches, items: batches.reduce((t, b) => t + b.items, 0), amountFen: total.toString() };
    // Every run is evidence, an empty one too (who ran it, for which day, what it settled).
    await this.k.transact(async (_tx, emit) => {
      await emit({ type: 'exchange.settlement.ran', subject: { type: 'exchange_settlement', id: date }, actor: serviceActor(by), requestId, payload: { businessDate: date, batches: batches.map((b) => b.id), items: result.items, amountFen: result.amountFen } });
    });
    return result;
  }

  private async settleBatch(tx: Tx, emit: Emit, date: string, ids: string[], accounts: Map<string, string>, key: (kind: string, org: string | null, ref: string | null) => string, by: Principal | null, requestId?: string) {
    // Lock the items still pending (a concurrent run skips them), so each is settled once.
    const items = await repo.lockPending(tx, ids);
    if (items.length === 0) return null;
    const id = newId('stb');
    const credit = new Map<string, bigint>();
    const lines: Array<{ accountId: string; amountFen: bigint }> = [];
    let amount = 0n;
    for (const it of items) {
      lines.push({ accountId: accounts.get(key('escrow', it.buyerOrgId, it.negotiationId))!, amountFen: it.amountFen });
      amount += it.amountFen;
      for (const l of it.lines as SettlementLine[]) {
        const acc = accounts.get(key(l.to === 'fee' ? 'fee_income' : 'member_available', l.orgId, null))!;
        credit.set(acc, (credit.get(acc) ?? 0n) + BigInt(l.amountFen));
      }
    }
    for (const [accountId, fen] of credit) lines.push({ accountId, amountFen: -fen });
    const j = await this.books.postIn(tx, emit, { kind: 'settlement', ref: `settlement:${id}`, memo: `${date} 清算批次（${items.length} 笔）`, lines }, by, requestId);
    const now = this.k.clock.now();
    await repo.insertBatch(tx, { id, businessDate: date, items: items.length, amountFen: amount, journalId: j.journalId, settledAt: now });
    await repo.markSettled(tx, items.map((i) => i.negotiationId), id, now);
    await emit({
      type: 'exchange.settlement.batch_settled', subject: { type: 'exchange_settlement_batch', id }, actor: serviceActor(by), requestId,
      payload: { businessDate: date, items: items.length, amountFen: amount.toString(), journalId: j.journalId, negotiationIds: items.length <= 100 ? items.map((i) => i.negotiationId) : undefined },
    });
    return { id, items: items.length, amountFen: amount.toString(), journalId: j.journalId };
  }

  /** A deal's settlement item (its parties, the exchange, the regulator see it through the negotiation). */
  async item(negotiationId: string) {
    const it = await repo.findItem(this.k.db, negotiationId);
    return it ? { dueOn: it.dueOn, amountFen: it.amountFen.toString(), lines: it.lines, status: it.status, batchId: it.batchId, settledAt: it.settledAt?.toISOString() ?? null } : null;
  }

  /**
   * A batch with its deals (contract, amount, split): the exchange and the regulator see all of it; a
   * member the deals it paid or is credited in (NOT_FOUND when none).
   */
  async batch(id: string, viewer: Principal) {
    const b = await repo.findBatch(this.k.db, id);
    const items = b ? await repo.itemsOfBatch(this.k.db, id) : [];
    const mine = oversees(viewer) ? items : items.filter((i) => i.buyerOrgId === viewer.orgId || i.lines.some((l) => l.orgId === viewer.orgId));
    if (!b || mine.length === 0) throw new AppError(ExchangeErrors.EXCHANGE_BATCH_NOT_FOUND);
    return {
      id: b.id, businessDate: b.businessDate, items: b.items, amountFen: b.amountFen.toString(), journalId: b.journalId, settledAt: b.settledAt.toISOString(),
      deals: mine.map((i) => ({ negotiationId: i.negotiationId, contractNumber: i.contractNumber, buyerOrgId: i.buyerOrgId, amountFen: i.amountFen.toString(), lines: i.lines })),
    };
  }

  /** Settlement batches, newest first (the exchange, the regulator). */
  async batches(page: number, pageSize: number) {
    const r = await repo.listBatches(this.k.db, page, pageSize);
    return { items: r.items.map((b) => ({ id: b.id, businessDate: b.businessDate, items: b.items, amountFen: b.amountFen.toString(), journalId: b.journalId, settledAt: b.settledAt.toISOString() })), total: r.total, page, pageSize };
  }
}
