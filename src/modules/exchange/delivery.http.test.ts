import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { USER_PASSWORD, useLiutong } from '../../../test/harness.js';
import { fixture, listing, listingContent, membership, tradeContext } from '../../../test/routes/exchange.cases.js';
import { fixedClock } from '../../platform/clock.js';
import { shanghaiDate } from '../../platform/calendar/working-day.calendar.js';

const HOUR = 3_600_000;
const FILE = Buffer.from('uscc,month,kwh\n91440101MA5XXXXXX0,2026-10,12034\n');

describeEachEngine('exchange delivery (交付), acceptance (验收) and settlement (清结算)', (engine) => {
  // A minute ahead of the wall clock: the route helpers end registry publicity at the wall clock.
  const clock = fixedClock(new Date(Date.now() + 60_000));
  const h = useLiutong(engine, {}, { clock });
  const api = (method: string, url: string, token: string | undefined, body?: unknown) => h().call(method, `/api/v1${url}`, { ...(token ? { token } : {}), body });
  let n = 0;

  it('delivers files through expiring links within the contract’s uses, accepts (or auto-accepts), and settles T+1 exactly once with the split', async () => {
    const { c, seller, buyer, stranger } = await tradeContext(h(), () => ++n);
    const { id: listingId } = await listing(c, 'listed', { policy: { ...listingContent().policy, maxUses: 2, destructionRequired: true } });
    const ex = await fixture(c);
    await membership(c, buyer, 'active', 'buyer');
    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: buyer.id, amountFen: '300000', ref: 'bank-delivery-1', memo: '入金' });
    const contract = async () => {
      const id = (await api('POST', '/exchange/negotiations', buyer.staffToken, { listingId, move: 'request', terms: { priceFen: '100000', quantity: 1, purposes: ['测试'], periodDays: 30, maxUses: 2 } })).body.id as string;
      for (const [token, move] of [[seller.adminToken, 'agree'], [buyer.adminToken, 'verify'], [seller.adminToken, 'finalize']] as const) {
        const r = await api('POST', `/exchange/negotiations/${id}/${move}`, token, {});
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
      return id;
    };
    const id = await contract();
    const deliver = (token: string, negotiationId = id) => api('POST', `/exchange/negotiations/${negotiationId}/deliveries`, token, { name: '用电量.csv', mediaType: 'text/csv', contentBase64: FILE.toString('base64'), note: '2026 年 10 月数据' });

    // Nothing to accept before a delivery; only the seller delivers.
    expect((await api('POST', `/exchange/negotiations/${id}/acceptance`, buyer.staffToken)).body.error).toMatchObject({ code: 'EXCHANGE_STATE_CONFLICT', details: { status: 'nothing_delivered' } });
    expect((await deliver(buyer.staffToken)).status).toBe(403);
    expect((await deliver(stranger.staffToken)).status).toBe(404);
    const delivered = await deliver(seller.staffToken);
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(201);
    expect(delivered.body).toMatchObject({ name: '用电量.csv', size: FILE.length, sha256: createHash('sha256').update(FILE).digest('hex') });
    expect(Date.parse(delivered.body.acceptanceDue) - clock.now().getTime()).toBe(7 * 24 * HOUR);
    expect((await api('GET', `/exchange/negotiations/${id}/deliveries`, buyer.auditorToken)).body.items).toHaveLength(1);
    expect((await api('GET', `/exchange/negotiations/${id}/deliveries`, stranger.auditorToken)).status).toBe(404);

    // The buyer's link; each download a use; the third refused and recorded.
    const linkPath = `/exchange/negotiations/${id}/deliveries/${delivered.body.id}/link`;
    expect((await api('POST', linkPath, seller.staffToken)).status).toBe(403);
    const link = await api('POST', linkPath, buyer.staffToken);
    expect(link.status).toBe(201);
    const get = (url: string) => h().call('GET', url);
    const first = await get(link.body.url);
    expect(first.status).toBe(200);
    expect(String(first.body)).toBe(FILE.toString());
    expect(first.headers['x-uses-left']).toBe('1');
    expect((await get(link.body.url)).headers['x-uses-left']).toBe('0');
    const third = await get(link.body.url);
    expect(third.status).toBe(403);
    expect(third.body.error).toMatchObject({ code: 'EXCHANGE_USE_REFUSED', details: { reason: 'uses_exhausted' } });
    expect((await get('/api/v1/exchange/downloads/' + 'A'.repeat(43))).status).toBe(404);
    await h().lt.flush();
    const refused = await h().lt.kernel.db.selectFrom('ledger_entry' as never).select('payload' as never).where('type' as never, '=', 'exchange.delivery.refused' as never).where('subject_id' as never, '=', id as never).execute();
    expect(refused.map((r) => (r as { payload: { reason: string } }).payload.reason)).toEqual(['uses_exhausted']);
    expect((await api('GET', `/exchange/negotiations/${id}`, buyer.auditorToken)).body.uses).toBe(2);

    // The buyer accepts: the split is fixed (1 % fee), due the next working day.
    const accepted = await api('POST', `/exchange/negotiations/${id}/acceptance`, buyer.staffToken);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.settlement.lines).toEqual([{ to: 'seller', orgId: seller.id, amountFen: '99000' }, { to: 'fee', orgId: null, amountFen: '1000' }]);
    const dueOn = accepted.body.settlement.dueOn as string;
    expect(dueOn > shanghaiDate(clock.now())).toBe(true);
    expect((await api('POST', `/exchange/negotiations/${id}/acceptance`, buyer.staffToken)).body.error.details).toMatchObject({ status: 'accepted' });
    expect((await deliver(seller.staffToken)).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');

    // A second contract is not accepted by the buyer: a week after delivery the sweep accepts it.
    const second = await contract();
    expect((await deliver(seller.staffToken, second)).status).toBe(201);
    const secondLink = (await api('POST', `/exchange/negotiations/${second}/deliveries/${(await api('GET', `/exchange/negotiations/${second}/deliveries`, buyer.staffToken)).body.items[0].id}/link`, buyer.staffToken)).body.url as string;
    clock.advance(25 * HOUR);
    expect((await get(secondLink)).body.error.details).toEqual({ reason: 'link_expired' });
    expect(await h().lt.exchange.deliveries.sweep()).toBe(0);
    clock.advance(6 * 24 * HOUR);
    expect(await h().lt.exchange.deliveries.sweep()).toBe(1);
    for (const org of [buyer, seller, stranger]) await h().relogin(org);
    expect((await api('GET', `/exchange/negotiations/${second}`, buyer.auditorToken)).body).toMatchObject({ acceptedBy: 'auto' });

    // Settlement: the finance staff only; each deal exactly once; the books reconcile; escrow empties.
    const finance = await h().login(ex.financeLogin, USER_PASSWORD);
    await h().relogin(ex.exchange);
    expect((await api('POST', '/exchange/settlements', seller.adminToken, {})).status).toBe(403);
    const early = await api('POST', '/exchange/settlements', finance, { businessDate: shanghaiDate(new Date(Date.parse(`${dueOn}T00:00:00+08:00`) - 24 * HOUR)) });
    expect(early.body).toMatchObject({ items: 0, batches: [] });
    // Today (a week on) the first deal is due; the auto-accepted one is due the next working day.
    const secondDue = (await api('GET', `/exchange/negotiations/${second}/settlement`, seller.auditorToken)).body.item.dueOn as string;
    expect(secondDue > shanghaiDate(clock.now())).toBe(true);
    const run = await api('POST', '/exchange/settlements', finance, {});
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toMatchObject({ items: 1, amountFen: '100000' });
    expect((await api('POST', '/exchange/settlements', finance, {})).body.items).toBe(0);
    // Nothing is settled before its day; on its day it is, once.
    expect((await api('POST', '/exchange/settlements', finance, { businessDate: secondDue })).body.error).toMatchObject({ code: 'EXCHANGE_NOT_DUE', details: { date: secondDue } });
    clock.set(new Date(`${secondDue}T10:00:00+08:00`));
    for (const org of [buyer, seller, stranger, ex.exchange]) await h().relogin(org);
    const financeNow = await h().login(ex.financeLogin, USER_PASSWORD);
    expect((await api('POST', '/exchange/settlements', financeNow, { businessDate: secondDue })).body).toMatchObject({ items: 1, amountFen: '100000' });
    expect((await api('POST', '/exchange/settlements', financeNow, { businessDate: secondDue })).body.items).toBe(0);
    const item = await api('GET', `/exchange/negotiations/${id}/settlement`, seller.auditorToken);
    expect(item.body.item).toMatchObject({ status: 'settled', batchId: run.body.batches[0].id });
    expect((await api('GET', `/exchange/negotiations/${id}/settlement`, stranger.auditorToken)).status).toBe(404);
    const statement = await api('GET', `/exchange/books/orgs/${seller.id}/statement`, seller.auditorToken);
    expect(statement.body.accounts.find((a: { kind: string }) => a.kind === 'member_available').balanceFen).toBe('198000');
    const buyerBooks = await api('GET', `/exchange/books/orgs/${buyer.id}/statement`, buyer.auditorToken);
    expect(buyerBooks.body.accounts.filter((a: { kind: string }) => a.kind === 'escrow').every((a: { balanceFen: string }) => a.balanceFen === '0')).toBe(true);
    expect((await api('GET', '/exchange/books/reconciliation', ex.exchange.auditorToken)).body.ok).toBe(true);
    expect((await api('GET', '/exchange/settlements', ex.exchange.auditorToken)).body).toMatchObject({ total: 2, items: [{ businessDate: secondDue, items: 1 }, { items: 1 }] });
    // A batch's deals: the exchange sees them, the seller its own, a stranger nothing; the exchange's fee income is on its own books.
    const batchId = run.body.batches[0].id as string;
    expect((await api('GET', `/exchange/settlements/${batchId}`, ex.exchange.auditorToken)).body).toMatchObject({ id: batchId, deals: [{ negotiationId: id, contractNumber: expect.any(String), amountFen: '100000' }] });
    expect((await api('GET', `/exchange/settlements/${batchId}`, seller.auditorToken)).body.deals).toHaveLength(1);
    expect((await api('GET', `/exchange/settlements/${batchId}`, stranger.auditorToken)).status).toBe(404);
    const own = await api('GET', '/exchange/books/exchange', ex.exchange.auditorToken);
    expect(own.body).toMatchObject({ orgId: null });
    expect(own.body.accounts.find((a: { kind: string }) => a.kind === 'fee_income').balanceFen).toBe('2000');
    expect((await api('GET', '/exchange/books/exchange', seller.auditorToken)).status).toBe(403);

    // Ratings: each side once, after acceptance; public averages.
    const unaccepted = await contract();
    expect((await api('POST', `/exchange/negotiations/${unaccepted}/ratings`, buyer.staffToken, { score: 5, comment: '' })).body.error.details).toMatchObject({ status: 'not_accepted' });
    expect((await api('POST', `/exchange/negotiations/${id}/ratings`, buyer.staffToken, { score: 6, comment: '' })).status).toBe(400);
    expect((await api('POST', `/exchange/negotiations/${id}/ratings`, stranger.staffToken, { score: 1, comment: '差' })).status).toBe(404);
    expect((await api('GET', `/exchange/negotiations/${id}`, buyer.auditorToken)).body.viewerRated).toBe(false);
    expect((await api('POST', `/exchange/negotiations/${id}/ratings`, buyer.staffToken, { score: 5, comment: '数据质量好，交付及时' })).status).toBe(201);
    expect((await api('GET', `/exchange/negotiations/${id}`, buyer.auditorToken)).body.viewerRated).toBe(true);
    expect((await api('GET', `/exchange/negotiations/${id}`, seller.auditorToken)).body.viewerRated).toBe(false);
    expect((await api('POST', `/exchange/negotiations/${id}/ratings`, buyer.staffToken, { score: 1, comment: '改评' })).body.error.details).toMatchObject({ status: 'rated' });
    expect((await api('POST', `/exchange/negotiations/${second}/ratings`, buyer.staffToken, { score: 4, comment: '' })).status).toBe(201);
    expect((await api('POST', `/exchange/negotiations/${id}/ratings`, seller.staffToken, { score: 4, comment: '付款及时' })).status).toBe(201);
    expect((await h().call('GET', `/api/v1/public/exchange/ratings/${seller.id}`)).body).toMatchObject({ count: 2, average: 4.5 });
    expect((await h().call('GET', `/api/v1/public/exchange/ratings/${buyer.id}`)).body).toMatchObject({ count: 1, average: 4, latest: [{ score: 4, comment: '付款及时' }] });

    // Destruction (销毁证明): only once the contract ended; overdue ones flagged to the exchange after 30 days.
    const destroy = (negotiationId: string, token: string) => api('POST', `/exchange/negotiations/${negotiationId}/destruction`, token, { statement: '已删除全部副本及备份', method: 'deletion' });
    expect((await destroy(id, buyer.staffToken)).body.error.details).toMatchObject({ status: 'in_force' });
    clock.advance(31 * 24 * HOUR);
    for (const org of [buyer, seller, stranger, ex.exchange]) await h().relogin(org);
    expect((await destroy(id, seller.staffToken)).status).toBe(403);
    expect((await api('GET', '/exchange/destructions/overdue', ex.exchange.auditorToken)).body.items).toEqual([]);
    clock.advance(31 * 24 * HOUR);
    for (const org of [buyer, seller, stranger, ex.exchange]) await h().relogin(org);
    const overdue = await api('GET', '/exchange/destructions/overdue', ex.exchange.auditorToken);
    expect(overdue.body.items.map((x: { negotiationId: string }) => x.negotiationId).sort()).toEqual([id, second, unaccepted].sort());
    expect((await api('GET', '/exchange/destructions/overdue', seller.auditorToken)).status).toBe(403);
    const attested = await destroy(id, buyer.staffToken);
    expect(attested.status, JSON.stringify(attested.body)).toBe(201);
    expect(attested.body).toMatchObject({ method: 'deletion', evidenceSha256: null });
    expect((await api('GET', `/exchange/negotiations/${id}`, seller.auditorToken)).body.destruction).toMatchObject({ method: 'deletion', statement: '已删除全部副本及备份' });
    expect((await destroy(id, buyer.staffToken)).body.error.details).toMatchObject({ status: 'attested' });
    expect((await api('GET', '/exchange/destructions/overdue', ex.exchange.auditorToken)).body.items.map((x: { negotiationId: string }) => x.negotiationId).sort()).toEqual([second, unaccepted].sort());
  });
});
