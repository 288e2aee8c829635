import { describe, expect, it } from 'vitest';
import { useLiutong } from '../../test/harness.js';
import { seedDemo } from './demo.seed.js';

describe('demo market (挂牌)', () => {
  const h = useLiutong('pglite');

  it('registers the assets, lists a dozen in every state, prices the public-data product under its cap and leaves the port index unlisted', async () => {
    const lt = h().lt;
    expect((await seedDemo(lt, 'Demo-Passw0rd-1', { scale: 0.02 })).seeded).toBe(true);
    const exchange = await h().login('exchange', 'Demo-Passw0rd-1');
    const all = await h().call('GET', '/api/v1/exchange/listings?box=all&pageSize=50', { token: exchange });
    const byStatus = (all.body.items as Array<{ status: string }>).reduce<Record<string, number>>((m, l) => ({ ...m, [l.status]: (m[l.status] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ listed: 7, suspended: 1, delisted: 1, submitted: 1, assessing: 1, draft: 2 });

    // The market shows the seven listed, searchable; the public-data product carries its agreement's cap.
    const market = await h().call('GET', '/api/v1/public/exchange/listings?pageSize=50');
    expect(market.body.total).toBe(7);
    const risk = (await h().call('GET', `/api/v1/public/exchange/listings?q=${encodeURIComponent('风险预警')}`)).body.items;
    expect(risk).toHaveLength(1);
    expect(risk[0]).toMatchObject({ pricing: { model: 'per_call', amountFen: '9' }, publicData: { feeCap: { amount: '0.10', unit: '元/次' } } });
    const brokered = market.body.items.find((l: { broker: unknown }) => l.broker);
    expect(brokered).toMatchObject({ seller: { name: { zh: '佛山某制造有限公司（演示）' } }, broker: { name: { zh: '广州某数据经纪有限公司（演示）' } } });

    // The cap binds through the registry and authorization: ten fen for the same asset is refused.
    const analytics = await h().login('analytics', 'Demo-Passw0rd-1');
    const detail = (await h().call('GET', `/api/v1/exchange/listings/${risk[0].id}`, { token: analytics })).body;
    const { title, description, category, region, dataKinds, sample, deliveryMethods, policy } = detail;
    const above = await h().call('POST', '/api/v1/exchange/listings', { token: analytics, body: { assetId: detail.assetId, title, description, category, region, dataKinds, sample, deliveryMethods, policy, pricing: { model: 'per_call', amountFen: '11' } } });
    expect(above.body.error).toMatchObject({ code: 'EXCHANGE_FEE_ABOVE_CAP', details: { reason: 'above_cap', amountFen: '11', capFen: '10' } });

    // The compliance centre has one to assess; the failed one is back with the seller, with its reason.
    const expert = await h().login('expert.legal', 'Demo-Passw0rd-1');
    expect((await h().call('GET', '/api/v1/exchange/listings?box=assess&status=assessing', { token: expert })).body.total).toBe(1);
    const mine = (await h().call('GET', '/api/v1/exchange/listings?status=draft', { token: analytics })).body.items;
    expect(mine).toHaveLength(1);
    expect((await h().call('GET', `/api/v1/exchange/listings/${mine[0].id}`, { token: analytics })).body).toMatchObject({ reason: 'assessment_failed', assessments: [{ passed: false }] });

    // Trades in every negotiation state; one settled in a batch; the books reconcile.
    const deals = await h().call('GET', '/api/v1/exchange/negotiations?all=true&pageSize=50', { token: exchange });
    const states = (deals.body.items as Array<{ state: string }>).map((d) => d.state).sort();
    expect(states).toEqual(['ACCEPTED', 'AGREED', 'FINALIZED', 'FINALIZED', 'FINALIZED', 'FINALIZED', 'OFFERED', 'REQUESTED', 'TERMINATED', 'VERIFIED']);
    expect((await h().call('GET', '/api/v1/exchange/settlements', { token: exchange })).body).toMatchObject({ total: 1, items: [{ items: 1, amountFen: '8000000' }] });
    expect((await h().call('GET', '/api/v1/exchange/books/reconciliation', { token: exchange })).body.ok).toBe(true);
    const bank = await h().login('bank', 'Demo-Passw0rd-1');
    const inForce = (deals.body.items as Array<{ id: string; state: string; listingTitle: { zh: string } }>).find((d) => d.state === 'FINALIZED' && d.listingTitle.zh === '粤港澳大湾区产业景气指数')!;
    expect((await h().call('GET', `/api/v1/exchange/negotiations/${inForce.id}`, { token: bank })).body).toMatchObject({ amountFen: '3400000', acceptedAt: null, deliveredAt: expect.any(String) });
    // The subscription is insured for the bank by the insurer.
    expect((await h().call('GET', `/api/v1/exchange/negotiations/${inForce.id}/attachments`, { token: bank })).body.items).toMatchObject([{ kind: 'insurance', coverageFen: '3400000' }]);
    // The per-query contract is delivered through the gateway and billed by use: three calls metered so far.
    const perQuery = (deals.body.items as Array<{ id: string; state: string; listingTitle: { zh: string } }>).find((d) => d.state === 'FINALIZED' && d.listingTitle.zh.includes('按次查询'))!;
    expect((await h().call('GET', `/api/v1/exchange/negotiations/${perQuery.id}/api-usage`, { token: bank })).body).toMatchObject({ grant: { callsUsed: 3, maxCalls: 200, status: 'active' }, billing: { byUse: true, billedUses: null } });
    // A dispute waits for the arbitration centre's ruling.
    const arbitrator = await h().login('arbitrator', 'Demo-Passw0rd-1');
    expect((await h().call('GET', '/api/v1/exchange/disputes?status=open', { token: arbitrator })).body).toMatchObject({ total: 1, items: [{ claimedRefundFen: '2000000', status: 'open' }] });

    // Disclosure: today's three deals — one in manufacturing, two in finance, each category under three
    // deals so neither shows an amount; merged into 'other' (three deals) their total is shown. The deal
    // of ten days ago is alone on its day: counted, its amount withheld.
    const disclosed = (await h().call('GET', '/api/v1/public/exchange/disclosure')).body;
    expect(disclosed.byCategory.at(-1)).toMatchObject({ deals: 3, amountFen: '11410000', cells: [{ key: 'other', deals: 3, amountFen: '11410000', merged: 2 }] });
    expect(disclosed.byCategory.filter((d: { deals: number }) => d.deals > 0).slice(0, -1)).toMatchObject([{ deals: 1, amountFen: null }]);

    // The port container index is a registered asset of the analytics company with no listing yet.
    const assets = (await h().call('GET', '/api/v1/registry/applications?box=assets&pageSize=100', { token: analytics })).body.items as Array<{ id: string; title: { zh: string } }>;
    const port = assets.find((a) => a.title.zh === '港口集装箱吞吐量预测指数');
    expect(port).toBeDefined();
    expect((all.body.items as Array<{ assetId: string }>).some((l) => l.assetId === port!.id)).toBe(false);
  });
});
