import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { USER_PASSWORD, useLiutong } from '../../../test/harness.js';
import { fixedClock } from '../../platform/clock.js';
import { fixture, listing, membership, serviceProvider, tradeContext } from '../../../test/routes/exchange.cases.js';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const FILE = Buffer.from('a,b\n1,2\n');

describeEachEngine('exchange disputes (争议) and arbitration (仲裁): the ruling executes in the books', (engine) => {
  // A minute ahead of the wall clock (the route helpers end registry publicity at the wall clock); moved to settlement day.
  const start = new Date(Date.now() + 60_000);
  const clock = fixedClock(start);
  const h = useLiutong(engine, {}, { clock });
  const api = (method: string, url: string, token: string, body?: unknown) => h().call(method, `/api/v1${url}`, { token, body });
  let n = 0;

  it('holds acceptance while a dispute is open; the arbitrator’s refund goes back to the buyer and the rest settles', async () => {
    const { c, seller, buyer, stranger } = await tradeContext(h(), () => ++n);
    const arbitrator = await h().org(['service_provider'], 'Arbitration');
    const { id: listingId } = await listing(c, 'listed');
    const ex = await fixture(c);
    await membership(c, buyer, 'active', 'buyer');
    await membership(c, stranger, 'active', 'buyer');
    const app = await api('POST', '/exchange/members', arbitrator.adminToken, { kind: 'service_provider', services: ['arbitration'], contact: { name: '仲裁秘书', phone: '020-12345678', email: 'arb@example.cn' }, statement: '数据交易争议仲裁' });
    await api('POST', `/exchange/members/${app.body.id}/files`, arbitrator.staffToken, { name: '资质.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') });
    expect((await api('POST', `/exchange/members/${app.body.id}/approve`, ex.exchange.staffToken, {})).status).toBe(200);
    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: buyer.id, amountFen: '100000', ref: `bank-dispute-${buyer.id}`, memo: '入金' });
    const id = (await api('POST', '/exchange/negotiations', buyer.staffToken, { listingId, move: 'request', terms: { priceFen: '100000', quantity: 1, purposes: ['测试'], periodDays: 30, maxUses: null } })).body.id as string;
    for (const [token, move] of [[seller.adminToken, 'agree'], [buyer.adminToken, 'verify'], [seller.adminToken, 'finalize']] as const) expect((await api('POST', `/exchange/negotiations/${id}/${move}`, token, {})).status).toBe(200);
    expect((await api('POST', `/exchange/negotiations/${id}/deliveries`, seller.staffToken, { name: 'a.csv', mediaType: 'text/csv', contentBase64: FILE.toString('base64'), note: '' })).status).toBe(201);

    // Raising: only a party, before an arbitration provider, for at most the amount.
    const claim = (over: Record<string, unknown> = {}) => ({ arbitratorOrgId: arbitrator.id, claim: '交付数据与样例字段不一致，缺少 2026 年 9 月数据', claimedRefundFen: '50000', ...over });
    expect((await api('POST', `/exchange/negotiations/${id}/disputes`, stranger.staffToken, claim())).status).toBe(404);
    expect((await api('POST', `/exchange/negotiations/${id}/disputes`, buyer.staffToken, claim({ arbitratorOrgId: stranger.id }))).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    expect((await api('POST', `/exchange/negotiations/${id}/disputes`, buyer.staffToken, claim({ claimedRefundFen: '100001' }))).body.error.details).toMatchObject({ reason: 'refund_above_amount' });
    const raised = await api('POST', `/exchange/negotiations/${id}/disputes`, buyer.staffToken, claim());
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body).toMatchObject({ status: 'open', raisedByOrgId: buyer.id });
    expect((await api('POST', `/exchange/negotiations/${id}/disputes`, seller.staffToken, claim())).body.error.details).toMatchObject({ status: 'disputed' });
    expect((await api('POST', `/exchange/negotiations/${id}/acceptance`, buyer.staffToken)).body.error.details).toMatchObject({ status: 'disputed' });

    // Who sees it: the parties and the arbitrator, with the contract named; the arbitrator may read the contract it rules on.
    expect((await api('GET', `/exchange/disputes/${raised.body.id}`, seller.auditorToken)).body).toMatchObject({
      contractNumber: expect.stringMatching(/^GDDE-\d{4}-\d{6}$/), listingTitle: { zh: '路由挂牌' }, amountFen: '100000', buyer: { orgId: buyer.id, name: { en: expect.any(String) } }, seller: { orgId: seller.id }, arbitratorName: { zh: expect.any(String) },
    });
    expect((await api('GET', `/exchange/negotiations/${id}`, arbitrator.auditorToken)).body).toMatchObject({ id, amountFen: '100000', viewerMoves: [] });
    expect((await api('GET', `/exchange/negotiations/${id}`, stranger.auditorToken)).status).toBe(404);
    expect((await api('GET', `/exchange/disputes?negotiationId=${id}`, buyer.auditorToken)).body.items.map((d: { id: string }) => d.id)).toEqual([raised.body.id]);
    expect((await api('GET', `/exchange/disputes?negotiationId=${id}`, stranger.auditorToken)).body.total).toBe(0);
    expect((await api('GET', `/exchange/disputes/${raised.body.id}`, stranger.auditorToken)).status).toBe(404);
    expect((await api('GET', '/exchange/disputes?status=open', arbitrator.auditorToken)).body.items.map((d: { id: string }) => d.id)).toEqual([raised.body.id]);
    expect((await api('GET', '/exchange/disputes', stranger.auditorToken)).body.total).toBe(0);

    // The ruling: only the arbitrator; a refund of ¥300, executed; the rest settles with the usual split.
    expect((await api('POST', `/exchange/disputes/${raised.body.id}/ruling`, seller.staffToken, { ruling: '驳回', refundFen: '0' })).status).toBe(404);
    expect((await api('POST', `/exchange/disputes/${raised.body.id}/ruling`, arbitrator.staffToken, { ruling: '全额退款', refundFen: '100001' })).body.error.details).toMatchObject({ reason: 'refund_above_amount' });
    const ruled = await api('POST', `/exchange/disputes/${raised.body.id}/ruling`, arbitrator.staffToken, { ruling: '卖方交付存在瑕疵，退还价款 30%。', refundFen: '30000' });
    expect(ruled.status, JSON.stringify(ruled.body)).toBe(200);
    expect(ruled.body).toMatchObject({ status: 'ruled', refundFen: '30000', settlement: { amountFen: '70000', lines: [{ to: 'seller', amountFen: '69300' }, { to: 'fee', amountFen: '700' }] } });
    expect((await api('POST', `/exchange/disputes/${raised.body.id}/ruling`, arbitrator.staffToken, { ruling: '再裁', refundFen: '1' })).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    const buyerBooks = await api('GET', `/exchange/books/orgs/${buyer.id}/statement`, buyer.auditorToken);
    expect(buyerBooks.body.accounts.find((a: { kind: string }) => a.kind === 'member_available').balanceFen).toBe('30000');
    expect((await api('GET', `/exchange/negotiations/${id}`, buyer.auditorToken)).body.acceptedBy).toBe('ruling');

    clock.set(new Date(`${ruled.body.settlement.dueOn}T10:00:00+08:00`));
    for (const org of [buyer, seller, arbitrator, ex.exchange]) await h().relogin(org);
    const settled = await api('POST', '/exchange/settlements', await h().login(ex.financeLogin, USER_PASSWORD), { businessDate: ruled.body.settlement.dueOn });
    expect(settled.body).toMatchObject({ items: 1, amountFen: '70000' });
    expect((await api('GET', `/exchange/disputes/${raised.body.id}`, buyer.auditorToken)).body.settlement).toMatchObject({ amountFen: '70000', status: 'settled' });
    const sellerBooks = await api('GET', `/exchange/books/orgs/${seller.id}/statement`, seller.auditorToken);
    expect(sellerBooks.body.accounts.find((a: { kind: string }) => a.kind === 'member_available').balanceFen).toBe('69300');
    expect((await api('GET', '/exchange/books/reconciliation', ex.exchange.auditorToken)).body.ok).toBe(true);
    expect((await api('POST', `/exchange/negotiations/${id}/disputes`, buyer.staffToken, claim())).body.error.details).toMatchObject({ status: 'settled' });
    clock.set(start); // the next test's sessions (and the harness's) start from here
  });

  it('executes a penalty (违约金) beyond the refund from the payer’s money to the other party, or refuses the ruling whole when that money does not cover it', async () => {
    const { c, seller, buyer } = await tradeContext(h(), () => ++n);
    const { id: listingId } = await listing(c, 'listed');
    const ex = await fixture(c);
    const arbitrator = await serviceProvider(c, 'arbitration');
    await membership(c, buyer, 'active', 'buyer');
    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: buyer.id, amountFen: '100000', ref: `penalty-${buyer.id}`, memo: '入金' });
    const id = (await api('POST', '/exchange/negotiations', buyer.staffToken, { listingId, move: 'request', terms: { priceFen: '100000', quantity: 1, purposes: ['测试'], periodDays: 30, maxUses: null } })).body.id as string;
    for (const [token, move] of [[seller.adminToken, 'agree'], [buyer.adminToken, 'verify'], [seller.adminToken, 'finalize']] as const) expect((await api('POST', `/exchange/negotiations/${id}/${move}`, token, {})).status).toBe(200);
    const raised = await api('POST', `/exchange/negotiations/${id}/disputes`, buyer.staffToken, { arbitratorOrgId: arbitrator.id, claim: '卖方逾期未交付', claimedRefundFen: '100000' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const available = async (orgId: string, token: string) => (await api('GET', `/exchange/books/orgs/${orgId}/statement`, token)).body.accounts.find((a: { kind: string }) => a.kind === 'member_available')?.balanceFen ?? '0';
    const rule = (body: Record<string, unknown>) => api('POST', `/exchange/disputes/${raised.body.id}/ruling`, arbitrator.staffToken, { ruling: '卖方逾期未交付，全额退款并支付违约金。', refundFen: '100000', ...body });

    expect((await rule({ penaltyFen: '20000' })).body.error.details).toMatchObject({ reason: 'penalty_payer_required' });
    expect((await rule({ penaltyFen: '100001', penaltyPayer: 'seller' })).body.error.details).toMatchObject({ reason: 'penalty_above_amount' });
    // The seller has no money at the exchange: the whole ruling is refused and nothing moves.
    const poor = await rule({ penaltyFen: '20000', penaltyPayer: 'seller' });
    expect(poor.body.error.code).toBe('EXCHANGE_INSUFFICIENT_FUNDS');
    expect((await api('GET', `/exchange/disputes/${raised.body.id}`, buyer.auditorToken)).body.status).toBe('open');
    expect(await available(buyer.id, buyer.auditorToken)).toBe('0');

    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: seller.id, amountFen: '50000', ref: `penalty-${seller.id}`, memo: '保证金' });
    const ruled = await rule({ penaltyFen: '20000', penaltyPayer: 'seller' });
    expect(ruled.status, JSON.stringify(ruled.body)).toBe(200);
    expect(ruled.body).toMatchObject({ status: 'ruled', refundFen: '100000', penaltyFen: '20000', penaltyPayer: 'seller' });
    expect(ruled.body.settlement).toBeUndefined();
    expect(await available(buyer.id, buyer.auditorToken)).toBe('120000');
    expect(await available(seller.id, seller.auditorToken)).toBe('30000');
    expect((await api('GET', `/exchange/negotiations/${id}/settlement`, seller.auditorToken)).body.item).toBeNull();
    expect((await api('GET', '/exchange/books/reconciliation', ex.exchange.auditorToken)).body.ok).toBe(true);
    await h().lt.flush();
    const evidence = await h().lt.kernel.db.selectFrom('ledger_entry' as never).select('payload' as never).where('type' as never, '=', 'exchange.dispute.ruled' as never).where('subject_id' as never, '=', raised.body.id as never).execute();
    expect(evidence.map((r) => (r as { payload: unknown }).payload)).toEqual([expect.objectContaining({ refundFen: '100000', penaltyFen: '20000', penaltyPayer: 'seller', settlementFen: '0', dueOn: null })]);
  });
});
