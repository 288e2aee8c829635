import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { USER_PASSWORD, useLiutong } from '../../../test/harness.js';
import { fixture, listing, listingBasis, listingContent, membership, tradeContext } from '../../../test/routes/exchange.cases.js';
import { fixedClock } from '../../platform/clock.js';
import { shanghaiDate } from '../../platform/calendar/working-day.calendar.js';

const DAY = 86_400_000;

describeEachEngine('exchange API delivery through gateway grants, billed by use from the metered calls', (engine) => {
  // A minute ahead of the wall clock: the route helpers end registry publicity at the wall clock.
  const clock = fixedClock(new Date(Date.now() + 60_000));
  const h = useLiutong(engine, {}, { clock });
  const api = (method: string, url: string, token: string | undefined, body?: unknown) => h().call(method, `/api/v1${url}`, { ...(token ? { token } : {}), body });
  let n = 0;

  it('grants the buyer the policy’s fields for the contract’s period and calls, refuses calls outside them, and bills the calls used with the rest refunded', async () => {
    const { c, seller, buyer, stranger } = await tradeContext(h(), () => ++n);
    // The registered asset stands on the seller's catalog resource: published and mounted (the gateway serves its rows).
    const { assetId } = await listingBasis(c);
    const resourceId = (await h().lt.registry.applications.tradeBasis(assetId))!.resourceId!;
    await h().lt.catalog.resources.submit(resourceId, null);
    await h().lt.catalog.resources.publish(resourceId, null);
    await h().lt.catalog.mounts.upload(resourceId, Buffer.from('score\n1.5\n2.5\n3.5\n'), 'csv', null);
    const perCall = { ...listingContent('按次接口'), deliveryMethods: ['api'], pricing: { model: 'per_call', amountFen: '50' }, policy: { ...listingContent().policy, maxUses: 1000, fields: ['score'] } };
    const { id: listingId } = await listing(c, 'listed', perCall);
    const { id: fileOnly } = await listing(c, 'listed');
    const ex = await fixture(c);
    await membership(c, buyer, 'active', 'buyer');
    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: buyer.id, amountFen: '500000', ref: `api-delivery-${n}`, memo: '入金' });
    const contract = async (on: string, terms: Record<string, unknown>) => {
      const r = await api('POST', '/exchange/negotiations', buyer.staffToken, { listingId: on, move: 'request', terms: { purposes: ['测试'], periodDays: 30, ...terms } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      for (const [token, move] of [[seller.adminToken, 'agree'], [buyer.adminToken, 'verify'], [seller.adminToken, 'finalize']] as const) {
        const m = await api('POST', `/exchange/negotiations/${r.body.id}/${move}`, token, {});
        expect(m.status, JSON.stringify(m.body)).toBe(200);
      }
      return r.body.id as string;
    };
    // Three calls at ¥0.50 paid into escrow: ¥1.50.
    const id = await contract(listingId, { priceFen: '50', quantity: 3, maxUses: 3 });
    const contractText = await api('GET', `/exchange/negotiations/${id}/contract`, buyer.auditorToken);
    expect(String(contractText.body)).toContain('接口交付的字段限于 score');
    expect(String(contractText.body)).toContain('按平台网关计量的实际调用次数结算');
    expect(String(contractText.body)).toMatch(/协议达成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
    const balance = async () => (await api('GET', `/exchange/books/orgs/${buyer.id}/statement`, buyer.auditorToken)).body.accounts.find((a: { kind: string }) => a.kind === 'member_available').balanceFen as string;
    expect(await balance()).toBe('499850');

    // Only the seller delivers; the fields are the policy's; no API on a file-only listing.
    const deliverApi = (token: string, body: Record<string, unknown> = {}, on = id) => api('POST', `/exchange/negotiations/${on}/deliveries/api`, token, body);
    expect((await deliverApi(buyer.adminToken)).status).toBe(403);
    expect((await deliverApi(stranger.adminToken)).status).toBe(404);
    expect((await deliverApi(seller.staffToken, { fields: ['score', 'other'] })).body.error).toMatchObject({ code: 'EXCHANGE_TERMS_INVALID', details: { reason: 'fields_outside_the_policy' } });
    const fileContract = await contract(fileOnly, { priceFen: '100000', quantity: 1, maxUses: null });
    expect((await deliverApi(seller.staffToken, {}, fileContract)).body.error).toMatchObject({ code: 'EXCHANGE_API_UNAVAILABLE', details: { reason: 'api_not_offered' } });
    expect((await api('GET', `/exchange/negotiations/${id}/api-usage`, buyer.auditorToken)).body).toEqual({ grant: null });

    const delivered = await deliverApi(seller.staffToken, { note: '接口已开通' });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(201);
    const endsOn = (await api('GET', `/exchange/negotiations/${id}`, buyer.auditorToken)).body.endsOn as string;
    expect(delivered.body).toMatchObject({ method: 'api', grant: { resourceId, fields: ['score'], maxCalls: 3, billing: 'by_use' } });
    expect(Date.parse(delivered.body.grant.expiresAt)).toBe(Date.parse(`${endsOn}T00:00:00+08:00`) + DAY);
    expect((await deliverApi(seller.staffToken)).body.error).toMatchObject({ code: 'EXCHANGE_STATE_CONFLICT', details: { status: 'granted' } });
    // The delivery record is the grant's descriptor; no download link for it.
    expect((await api('POST', `/exchange/negotiations/${id}/deliveries/${delivered.body.id}/link`, buyer.staffToken)).status).toBe(404);

    // The buyer calls the gateway: rows of the granted fields; the grant counts the calls.
    const rows = () => api('GET', `/data/${resourceId}/rows`, buyer.staffToken);
    const first = await rows();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ grantId: delivered.body.grant.id, fields: ['score'] });
    expect(first.body.items.length).toBe(3);
    expect(Object.keys(first.body.items[0])).toEqual(['score']);
    expect((await rows()).status).toBe(200);
    expect((await api('GET', `/data/${resourceId}/rows`, stranger.staffToken)).status).toBe(403);
    const usage = await api('GET', `/exchange/negotiations/${id}/api-usage`, seller.auditorToken);
    expect(usage.body).toMatchObject({ grant: { callsUsed: 2, maxCalls: 3, status: 'active' }, billing: { byUse: true, billedUses: null, billedAt: null } });
    expect((await api('GET', `/exchange/negotiations/${id}/api-usage`, stranger.auditorToken)).status).toBe(404);

    // Not billed before acceptance; accepted without a settlement item (billed by use); no dispute before the bill.
    expect(await h().lt.exchange.deliveries.billDue()).toBe(0);
    const accepted = await api('POST', `/exchange/negotiations/${id}/acceptance`, buyer.staffToken);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ billing: 'by_use', settlement: null });
    expect((await api('GET', `/exchange/negotiations/${id}/settlement`, buyer.auditorToken)).body.item).toBeNull();
    expect(await h().lt.exchange.deliveries.billDue()).toBe(0); // one call left, the period running
    expect((await api('POST', `/exchange/negotiations/${id}/disputes`, buyer.staffToken, { arbitratorOrgId: stranger.id, claim: '接口不可用', claimedRefundFen: '50' })).body.error)
      .toMatchObject({ code: 'EXCHANGE_STATE_CONFLICT', details: { status: 'billing_pending' } });

    // The period ends: the gateway refuses the call, and the sweep bills the two calls used (¥1.00) and refunds ¥0.50.
    clock.advance(31 * DAY);
    for (const org of [buyer, seller, ex.exchange]) await h().relogin(org);
    const late = await rows();
    expect(late.status).toBe(403);
    expect(await h().lt.exchange.deliveries.sweep()).toBeGreaterThanOrEqual(1);
    expect(await h().lt.exchange.deliveries.billDue()).toBe(0);
    const view = await api('GET', `/exchange/negotiations/${id}`, buyer.auditorToken);
    expect(view.body.billing).toMatchObject({ byUse: true, billedUses: 2 });
    expect(await balance()).toBe('399900'); // less the file contract's ¥1,000 in escrow
    const item = (await api('GET', `/exchange/negotiations/${id}/settlement`, seller.auditorToken)).body.item;
    expect(item).toMatchObject({ amountFen: '100', status: 'pending', lines: [{ to: 'seller', orgId: seller.id, amountFen: '99' }, { to: 'fee', orgId: null, amountFen: '1' }] });
    clock.set(new Date(`${item.dueOn}T10:00:00+08:00`));
    for (const org of [buyer, seller, ex.exchange]) await h().relogin(org);
    const finance = await h().login(ex.financeLogin, USER_PASSWORD);
    expect((await api('POST', '/exchange/settlements', finance, { businessDate: item.dueOn })).body).toMatchObject({ items: 1, amountFen: '100' });
    expect((await api('GET', `/exchange/books/orgs/${seller.id}/statement`, seller.auditorToken)).body.accounts.find((a: { kind: string }) => a.kind === 'member_available').balanceFen).toBe('99');
    expect((await api('GET', '/exchange/books/reconciliation', ex.exchange.auditorToken)).body.ok).toBe(true);
    await h().lt.flush();
    const billed = await h().lt.kernel.db.selectFrom('ledger_entry' as never).select('payload' as never).where('type' as never, '=', 'exchange.contract.billed' as never).where('subject_id' as never, '=', id as never).execute();
    expect(billed.map((r) => (r as { payload: unknown }).payload)).toEqual([expect.objectContaining({ uses: 2, calls: 2, billedFen: '100', refundFen: '50', dueOn: item.dueOn })]);
    expect(shanghaiDate(clock.now()) > endsOn).toBe(true);
  });
});
