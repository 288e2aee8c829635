import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { canonicalDigest } from '../../platform/canonical-json.digest.js';
import { USER_PASSWORD, useLiutong } from '../../../test/harness.js';

const byFinance = null; // the service as the exchange's finance staff would call it (routes come with membership)

describeEachEngine("the exchange's books (账簿): double entry in fen, exactly once, never negative, reconciled", (engine) => {
  const h = useLiutong(engine);
  const books = () => h().lt.exchange.books;
  const orgs: string[] = [];
  const org = async () => {
    const o = await h().org(['enterprise'], `Member ${orgs.length}`);
    orgs.push(o.id);
    return o.id;
  };

  it('deposits and withdraws, refuses overdrafts and unbalanced journals changing nothing, and posts a reference once', async () => {
    const buyer = await org();
    const d = await books().deposit(buyer, 500_000n, 'dep-1', '会员入金', byFinance);
    expect(d.duplicate).toBe(false);
    expect(await books().balance('member_available', buyer)).toBe(500_000n);
    expect(await books().balance('bank', null)).toBeGreaterThanOrEqual(500_000n);
    // The same reference again: nothing posted twice.
    expect(await books().deposit(buyer, 500_000n, 'dep-1', '重复', byFinance)).toEqual({ journalId: d.journalId, duplicate: true });
    expect(await books().balance('member_available', buyer)).toBe(500_000n);
    // Overdraft refused with the amounts; nothing written.
    const before = await books().reconcile();
    await expect(books().withdraw(buyer, 500_001n, 'wd-1', '出金', byFinance)).rejects.toMatchObject({ code: 'EXCHANGE_INSUFFICIENT_FUNDS', details: { availableFen: '500000', neededFen: '500001' } });
    expect(await books().balance('member_available', buyer)).toBe(500_000n);
    expect((await books().reconcile()).journals).toBe(before.journals);
    // And the refused reference is still free.
    await books().withdraw(buyer, 200_000n, 'wd-1', '出金', byFinance);
    expect(await books().balance('member_available', buyer)).toBe(300_000n);
    await expect(books().deposit(buyer, 0n, 'dep-0', 'x', byFinance)).rejects.toMatchObject({ code: 'EXCHANGE_AMOUNT_INVALID' });
    const a = await books().account('member_available', buyer);
    const fee = await books().account('fee_income', null);
    await expect(books().post({ kind: 'fee', ref: 'bad-1', memo: 'x', lines: [{ accountId: a.id, amountFen: 100n }, { accountId: fee.id, amountFen: -99n }] }, byFinance)).rejects.toMatchObject({ code: 'EXCHANGE_JOURNAL_UNBALANCED', details: { reason: 'sum:1' } });
    await expect(books().post({ kind: 'fee', ref: 'bad-2', memo: 'x', lines: [{ accountId: a.id, amountFen: 0n }] }, byFinance)).rejects.toMatchObject({ code: 'EXCHANGE_JOURNAL_UNBALANCED', details: { reason: 'lines' } });
    // A balanced fee journal: the member pays, the exchange earns; every journal is an evidence event.
    const f = await books().post({ kind: 'fee', ref: 'fee-1', memo: '服务费', lines: [{ accountId: a.id, amountFen: 3_000n }, { accountId: fee.id, amountFen: -3_000n }] }, byFinance);
    expect(await books().balance('member_available', buyer)).toBe(297_000n);
    expect(await books().balance('fee_income', null)).toBe(3_000n);
    await h().lt.flush();
    const feeLines = [{ accountId: a.id, amountFen: '3000' }, { accountId: fee.id, amountFen: '-3000' }];
    const events = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${f.journalId}&pageSize=10`, { token: h().adminToken })).body.items;
    expect(events.map((e: { entry: { type: string }; payload: unknown }) => [e.entry.type, e.payload])).toEqual([
      ['exchange.books.posted', { journalId: f.journalId, kind: 'fee', ref: 'fee-1', lineCount: 2, totalDebitFen: '3000', linesDigest: canonicalDigest(feeLines), lines: feeLines }],
    ]);
    expect(await books().reconcile()).toMatchObject({ ok: true, problems: [] });
  });

  it('posts a batch journal over more than a thousand accounts at once; its event carries the digest, not the lines', async () => {
    const bank = await books().account('bank', null);
    const members = [];
    for (let i = 0; i < 1_100; i++) members.push(await books().account('member_available', `org_batch${String(i).padStart(15, '0')}`));
    const lines = [{ accountId: bank.id, amountFen: 0n }, ...members.map((m, i) => ({ accountId: m.id, amountFen: -BigInt(100 + i) }))];
    lines[0]!.amountFen = -lines.slice(1).reduce((s, l) => s + l.amountFen, 0n);
    const bankBefore = await books().balance('bank', null);
    const r = await books().post({ kind: 'deposit_batch', ref: 'batch-1', memo: '批量入金', lines }, byFinance);
    expect(await books().balance('member_available', 'org_batch000000000000000')).toBe(100n);
    expect(await books().balance('member_available', 'org_batch000000000001099')).toBe(1_199n);
    expect(await books().balance('bank', null)).toBe(bankBefore + lines[0]!.amountFen);
    await h().lt.flush();
    const ev = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${r.journalId}&pageSize=10`, { token: h().adminToken })).body.items[0];
    expect(ev.payload).toMatchObject({ lineCount: 1_101, totalDebitFen: lines[0]!.amountFen.toString() });
    expect(ev.payload.lines).toBeUndefined();
    expect(ev.payload.linesDigest).toBe(canonicalDigest(lines.map((l) => ({ accountId: l.accountId, amountFen: l.amountFen.toString() }))));
    expect((await books().reconcile()).ok).toBe(true);
  });

  it('concurrent withdrawals never take a member below zero', async () => {
    const m = await org();
    await books().deposit(m, 1_000n, `dep-c-${m}`, '入金', byFinance);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => books().withdraw(m, 300n, `wd-c-${m}-${i}`, '出金', byFinance)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('EXCHANGE_INSUFFICIENT_FUNDS');
    expect(await books().balance('member_available', m)).toBe(100n);
    expect((await books().reconcile()).ok).toBe(true);
  });

  it('reconciliation finds a tampered balance, a missing line and a forbidden negative balance', async () => {
    const m = await org();
    const dep = await books().deposit(m, 10_000n, `dep-t-${m}`, '入金', byFinance);
    const acct = await books().account('member_available', m);
    const db = h().lt.kernel.db;
    await sql`update exchange_account set balance_fen = balance_fen - 1 where id = ${acct.id}`.execute(db);
    let r = await books().reconcile();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(expect.arrayContaining([expect.stringContaining(`account ${acct.id}: balance -10001 but lines sum to -10000`), 'all balances sum to -1, not 0']));
    await sql`update exchange_account set balance_fen = balance_fen + 1 where id = ${acct.id}`.execute(db);
    await sql`delete from exchange_posting where journal_id = ${dep.journalId} and line = 2`.execute(db);
    r = await books().reconcile();
    expect(r.problems).toEqual(expect.arrayContaining([`journal ${dep.journalId}: lines sum to 10000 over 1 of 2 lines`]));
    await sql`insert into exchange_posting (journal_id, line, account_id, amount_fen) values (${dep.journalId}, 2, ${acct.id}, -10000)`.execute(db);
    await sql`update exchange_account set balance_fen = 5 where id = ${acct.id}`.execute(db);
    expect((await books().reconcile()).problems).toEqual(expect.arrayContaining([`account ${acct.id}: negative on its credit side (5)`]));
    await sql`update exchange_account set balance_fen = -10000 where id = ${acct.id}`.execute(db);
    expect(await books().reconcile()).toMatchObject({ ok: true });
  });

  it("over HTTP: the exchange's finance staff record money, a member reads its statement, the regulator reconciles", async () => {
    const exchange = await h().org(['exchange'], 'Exchange');
    const member = await h().org(['enterprise'], 'Member');
    const regulator = await h().org(['regulator'], 'Regulator');
    const u = await h().call('POST', `/api/v1/orgs/${exchange.id}/users`, { token: exchange.adminToken, body: { username: `fin_${exchange.id.slice(-8)}`, displayName: '交易所财务', password: USER_PASSWORD, memberRole: 'finance' } });
    expect(u.status).toBe(201);
    const finance = await h().login(`fin_${exchange.id.slice(-8)}`, USER_PASSWORD);
    const money = (ref: string, amountFen: string) => ({ orgId: member.id, amountFen, ref, memo: '银行流水 ' + ref });
    const d = await h().call('POST', '/api/v1/exchange/books/deposits', { token: finance, body: money('ICBC-20261130-0001', '30000000') });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body).toMatchObject({ duplicate: false, availableFen: '30000000' });
    const again = await h().call('POST', '/api/v1/exchange/books/deposits', { token: finance, body: money('ICBC-20261130-0001', '30000000') });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ journalId: d.body.journalId, duplicate: true, availableFen: '30000000' });
    expect((await h().call('POST', '/api/v1/exchange/books/deposits', { token: exchange.staffToken, body: money('X-1', '1') })).status).toBe(403);
    expect((await h().call('POST', '/api/v1/exchange/books/deposits', { token: finance, body: { ...money('X-2', '1'), orgId: 'org_00000000000000000000' } })).body.error.code).toBe('EXCHANGE_ACCOUNT_NOT_FOUND');
    expect((await h().call('POST', '/api/v1/exchange/books/deposits', { token: finance, body: money('X-3', '-5') })).status).toBe(400);
    const over = await h().call('POST', '/api/v1/exchange/books/withdrawals', { token: finance, body: money('ICBC-20261130-0002', '30000001') });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'EXCHANGE_INSUFFICIENT_FUNDS', details: { availableFen: '30000000' } });
    expect((await h().call('POST', '/api/v1/exchange/books/withdrawals', { token: finance, body: money('ICBC-20261130-0002', '10000000') })).status).toBe(201);
    const st = await h().call('GET', `/api/v1/exchange/books/orgs/${member.id}/statement`, { token: member.auditorToken });
    expect(st.body.accounts).toEqual([expect.objectContaining({ kind: 'member_available', balanceFen: '20000000' })]);
    expect(st.body.items.map((x: { kind: string; amountFen: string }) => [x.kind, x.amountFen]).sort()).toEqual([['deposit', '30000000'], ['withdrawal', '-10000000']]);
    expect((await h().call('GET', `/api/v1/exchange/books/orgs/${member.id}/statement`, { token: regulator.auditorToken })).status).toBe(200);
    expect((await h().call('GET', `/api/v1/exchange/books/orgs/${exchange.id}/statement`, { token: member.auditorToken })).status).toBe(403);
    expect((await h().call('GET', '/api/v1/exchange/books/reconciliation', { token: regulator.auditorToken })).body).toMatchObject({ ok: true, problems: [] });
    expect((await h().call('GET', '/api/v1/exchange/books/reconciliation', { token: member.auditorToken })).status).toBe(403);
  });
});
