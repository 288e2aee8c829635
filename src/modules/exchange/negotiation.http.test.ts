import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { broker, fixture, listing, membership } from '../../../test/routes/exchange.cases.js';
import type { Ctx } from '../../../test/routes/route.cases.js';

/** The route table's listing: one-off at ¥1,000.00, for 测试, 30 days, uses unbounded. */
const terms = (over: Record<string, unknown> = {}) => ({ priceFen: '100000', quantity: 1, purposes: ['测试'], periodDays: 30, maxUses: null, ...over });

describeEachEngine('exchange negotiations (撮合) and contracts (成交): DSP states, seals, escrow', (engine) => {
  const h = useLiutong(engine);
  const api = (method: string, url: string, token: string, body?: unknown) => h().call(method, `/api/v1${url}`, { token, body });
  let n = 0;
  /** A context as the route table's helpers want it: A sells (with a listed listing), B buys. */
  const context = async (): Promise<Ctx> => {
    const seller = await h().org(['enterprise'], 'Seller');
    const buyer = await h().org(['enterprise'], 'Buyer');
    const bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    return { h: h(), a: seller, b: buyer, dbA: bureau, n: () => ++n } as unknown as Ctx;
  };
  const balance = async (c: Ctx, org: TestOrg) => {
    const s = await api('GET', `/exchange/books/orgs/${org.id}/statement`, org.auditorToken);
    const of = (kind: string) => s.body.accounts.filter((a: { kind: string }) => a.kind === kind).reduce((t: bigint, a: { balanceFen: string }) => t + BigInt(a.balanceFen), 0n);
    return { available: of('member_available'), escrow: of('escrow') };
  };

  it('runs request → counter-offers → agreed (seller seals) → verified (buyer seals and pays into escrow) → finalized; terms, funds and roles are checked', async () => {
    const c = await context();
    const { id: listingId } = await listing(c, 'listed');
    const ex = await fixture(c);
    const stranger = await h().org(['enterprise'], 'Stranger');

    // The buyer must be a member; terms must fit the listing.
    expect((await api('POST', '/exchange/negotiations', c.b.staffToken, { listingId, move: 'request', terms: terms() })).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    await membership(c, c.b, 'active', 'buyer');
    const refuse = async (t: Record<string, unknown>) => (await api('POST', '/exchange/negotiations', c.b.staffToken, { listingId, move: 'request', terms: terms(t) })).body.error;
    expect(await refuse({ purposes: ['转售'] })).toMatchObject({ code: 'EXCHANGE_TERMS_INVALID', details: { reason: 'purposes_outside_the_policy' } });
    expect(await refuse({ periodDays: 31 })).toMatchObject({ details: { reason: 'period_beyond_the_policy' } });
    expect(await refuse({ quantity: 2 })).toMatchObject({ details: { reason: 'one_off_quantity_is_one' } });
    expect((await api('POST', '/exchange/negotiations', c.a.staffToken, { listingId, move: 'offer', terms: terms() })).body.error.details).toMatchObject({ reason: 'buyer_required' });
    expect((await api('POST', '/exchange/negotiations', c.b.staffToken, { listingId, move: 'offer', buyerOrgId: c.b.id, terms: terms() })).status).toBe(404);

    const opened = await api('POST', '/exchange/negotiations', c.b.staffToken, { listingId, move: 'request', terms: terms({ priceFen: '80000' }), note: '请求八折' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ state: 'REQUESTED', round: 1, amountFen: '80000', listedPriceFen: '100000', viewerSide: 'consumer', viewerMoves: ['terminate'] });
    const id = opened.body.id as string;
    expect((await api('GET', `/exchange/negotiations/${id}`, stranger.adminToken)).status).toBe(404);
    expect((await api('GET', `/exchange/negotiations/${id}`, c.a.auditorToken)).body.viewerMoves).toEqual(['offer', 'agree', 'terminate']);

    // Counter-offers: each side only from the other's move; terms required.
    expect((await api('POST', `/exchange/negotiations/${id}/request`, c.b.staffToken, { terms: terms() })).body.error).toMatchObject({ code: 'EXCHANGE_STATE_CONFLICT', details: { status: 'REQUESTED', action: 'request' } });
    expect((await api('POST', `/exchange/negotiations/${id}/offer`, c.a.staffToken, {})).body.error.details).toMatchObject({ reason: 'terms_required' });
    expect((await api('POST', `/exchange/negotiations/${id}/offer`, c.a.staffToken, { terms: terms({ priceFen: '95000' }) })).body).toMatchObject({ state: 'OFFERED', amountFen: '95000', round: 2 });
    expect((await api('POST', `/exchange/negotiations/${id}/request`, c.b.staffToken, { terms: terms({ priceFen: '90000' }) })).body).toMatchObject({ state: 'REQUESTED', amountFen: '90000', round: 3 });

    // The seller agrees: its administrator seals the contract document.
    expect((await api('POST', `/exchange/negotiations/${id}/agree`, c.a.staffToken, {})).status).toBe(403);
    expect((await api('POST', `/exchange/negotiations/${id}/agree`, c.b.adminToken, {})).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    const agreed = await api('POST', `/exchange/negotiations/${id}/agree`, c.a.adminToken, {});
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body).toMatchObject({ state: 'AGREED', contractNumber: expect.stringMatching(/^GDDE-\d{4}-\d{6}$/), sealsNeeded: ['buyer'] });
    expect(agreed.body.agreement).toMatchObject({ '@type': 'Agreement', target: expect.stringMatching(/^urn:liutong:asset:/), assigner: expect.stringContaining(c.a.id), assignee: expect.stringContaining(c.b.id) });
    const doc = await h().call('GET', `/api/v1/exchange/negotiations/${id}/contract`, { token: c.b.auditorToken });
    expect(doc.status).toBe(200);
    expect(doc.body).toContain(agreed.body.contractNumber);
    expect(doc.body).toContain('合同总价 ¥900.00');
    expect(`sha256:${createHash('sha256').update(doc.body).digest('hex')}`).toBe(agreed.body.documentDigest);
    expect(doc.headers['x-content-sha256']).toBe(agreed.body.documentDigest.slice(7));

    // The buyer verifies: its seal and its money into escrow — none yet, so refused and nothing changes.
    expect((await api('POST', `/exchange/negotiations/${id}/verify`, c.b.adminToken, {})).body.error.code).toBe('EXCHANGE_INSUFFICIENT_FUNDS');
    expect((await api('GET', `/exchange/negotiations/${id}`, c.b.auditorToken)).body).toMatchObject({ state: 'AGREED', sealsNeeded: ['buyer'] });
    expect((await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: c.b.id, amountFen: '100000', ref: `bank-${id}`, memo: '入金' })).status).toBe(201);
    const verified = await api('POST', `/exchange/negotiations/${id}/verify`, c.b.adminToken, {});
    expect(verified.body).toMatchObject({ state: 'VERIFIED', sealsNeeded: [] });
    expect(verified.body.escrowJournalId).toMatch(/^jnl_/);
    expect(await balance(c, c.b)).toEqual({ available: 10000n, escrow: 90000n });

    // The seller finalises: the contract is in force for its period; both seals verify.
    const done = await api('POST', `/exchange/negotiations/${id}/finalize`, c.a.adminToken, {});
    expect(done.body).toMatchObject({ state: 'FINALIZED', viewerMoves: [] });
    expect(Date.parse(done.body.endsOn) - Date.parse(done.body.startsOn)).toBe(30 * 86_400_000);
    const seals = await api('GET', `/exchange/negotiations/${id}/seals`, ex.exchange.auditorToken);
    expect(seals.body.seals.map((s: { party: string; valid: boolean }) => [s.party, s.valid]).sort()).toEqual([['buyer', true], ['seller', true]]);
    expect((await api('POST', `/exchange/negotiations/${id}/terminate`, c.b.staffToken, { reason: '反悔' })).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    expect((await api('GET', '/exchange/negotiations?state=FINALIZED', c.b.auditorToken)).body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await api('GET', '/exchange/negotiations', stranger.auditorToken)).body.total).toBe(0);
    const moves = (await api('GET', `/exchange/negotiations/${id}`, c.a.auditorToken)).body.moves.map((m: { move: string; to: string }) => `${m.move}:${m.to}`);
    expect(moves).toEqual(['request:REQUESTED', 'offer:OFFERED', 'request:REQUESTED', 'agree:AGREED', 'verify:VERIFIED', 'finalize:FINALIZED']);
    expect((await api('GET', '/exchange/books/reconciliation', ex.exchange.auditorToken)).body.ok).toBe(true);

    // The transaction certificate (交易凭证): issued by the exchange to the buyer at finalisation, verifiable, not twice.
    await h().lt.flush();
    const held = await api('GET', `/certificates?box=held&sourceId=${id}`, c.b.auditorToken);
    expect(held.body.items).toHaveLength(1);
    expect(held.body.items[0]).toMatchObject({ type: 'transaction', issuerOrgId: ex.exchange.id, holderOrgId: c.b.id, userOrgId: c.a.id, status: 'active' });
    const cert = await api('GET', `/certificates/${held.body.items[0].id}`, c.b.auditorToken);
    expect(cert.body.credential.credentialSubject).toMatchObject({ contractNumber: agreed.body.contractNumber, contractDigest: agreed.body.documentDigest, amountFen: '90000' });
    const verified2 = await h().call('POST', '/api/v1/certificates/verify', { body: { credential: cert.body.jwt } });
    expect(verified2.body.valid, JSON.stringify(verified2.body.checks)).toBe(true);
    expect((await api('POST', `/exchange/negotiations/${id}/certificate`, ex.exchange.staffToken, {})).body.error.code).toBe('CERTIFICATES_ALREADY_ISSUED');
    expect((await api('POST', `/exchange/negotiations/${id}/certificate`, c.a.adminToken, {})).status).toBe(403);
  });

  it("a buyer's broker negotiates under its mandate and must seal before the contract is final; a termination returns escrow; a suspended broker is refused", async () => {
    const c = await context();
    const { id: listingId } = await listing(c, 'listed');
    const ex = await fixture(c);
    await membership(c, c.b, 'active', 'buyer');
    const b = await broker(c);
    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: c.b.id, amountFen: '300000', ref: `bank-broker-${c.b.id}`, memo: '入金' });

    // Without a buy mandate the broker cannot ask for the buyer.
    expect((await api('POST', '/exchange/negotiations', b.org.staffToken, { listingId, move: 'request', buyerOrgId: c.b.id, terms: terms() })).body.error).toMatchObject({ code: 'EXCHANGE_MANDATE_INVALID' });
    expect((await api('POST', '/exchange/mandates', c.b.adminToken, { brokerOrgId: b.org.id, side: 'buy', scope: '代理采购', commissionBp: 100, validUntil: new Date(Date.now() + 30 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10) })).status).toBe(201);
    const opened = await api('POST', '/exchange/negotiations', b.org.staffToken, { listingId, move: 'request', buyerOrgId: c.b.id, terms: terms() });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ buyer: { orgId: c.b.id }, buyerBroker: { orgId: b.org.id }, viewerSide: 'consumer' });
    const id = opened.body.id as string;
    expect((await api('POST', `/exchange/negotiations/${id}/agree`, c.a.adminToken, {})).body.state).toBe('AGREED');
    // What each may do now: the buyer verifies (it seals as itself), its broker may terminate or seal, never verify.
    expect((await api('GET', `/exchange/negotiations/${id}`, c.b.auditorToken)).body).toMatchObject({ viewerMoves: ['verify', 'terminate'], escrowDueFen: '101000' });
    expect((await api('GET', `/exchange/negotiations/${id}`, b.org.auditorToken)).body.viewerMoves).toEqual(['terminate', 'seal']);
    // The broker cannot sign for the buyer; the buyer verifies; finalising waits for the broker's seal.
    expect((await api('POST', `/exchange/negotiations/${id}/verify`, b.org.adminToken, {})).body.error.code).toBe('EXCHANGE_PARTY_MUST_SEAL');
    expect((await api('POST', `/exchange/negotiations/${id}/verify`, c.b.adminToken, {})).body).toMatchObject({ sealsNeeded: ['buyerBroker'], amountFen: '100000', escrowFen: '101000' });
    expect((await api('POST', `/exchange/negotiations/${id}/finalize`, c.a.adminToken, {})).body.error).toMatchObject({ code: 'EXCHANGE_SEALS_MISSING', details: { missing: ['buyerBroker'] } });
    expect((await api('POST', `/exchange/negotiations/${id}/seal`, c.b.adminToken, {})).body.error.code).toBe('EXCHANGE_PARTY_MUST_SEAL');
    const sealed = await api('POST', `/exchange/negotiations/${id}/seal`, b.org.adminToken, {});
    expect(sealed.body.sealsNeeded).toEqual([]);
    expect(sealed.body.viewerMoves).toEqual(['terminate']);
    expect(sealed.body.seals.map((x: { party: string }) => x.party)).toEqual(['seller', 'buyer', 'buyerBroker']);
    expect((await api('POST', `/exchange/negotiations/${id}/seal`, b.org.adminToken, {})).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    expect((await api('POST', `/exchange/negotiations/${id}/finalize`, c.a.adminToken, {})).body.state).toBe('FINALIZED');
    const seals = await api('GET', `/exchange/negotiations/${id}/seals`, b.org.auditorToken);
    expect(seals.body.seals.map((s: { party: string; valid: boolean }) => `${s.party}:${s.valid}`).sort()).toEqual(['buyer:true', 'buyerBroker:true', 'seller:true']);

    // A second deal, terminated after the buyer paid: escrow goes back, the books reconcile.
    const second = (await api('POST', '/exchange/negotiations', c.b.staffToken, { listingId, move: 'request', terms: terms() })).body.id as string;
    await api('POST', `/exchange/negotiations/${second}/agree`, c.a.adminToken, {});
    await api('POST', `/exchange/negotiations/${second}/verify`, c.b.adminToken, {});
    // The first deal's escrow holds its broker's 1 % commission too (the buyer pays its broker).
    expect(await balance(c, c.b)).toEqual({ available: 99000n, escrow: 201000n });
    expect((await api('POST', `/exchange/negotiations/${second}/terminate`, c.a.staffToken, {})).body.error.details).toMatchObject({ reason: 'reason_required' });
    expect((await api('POST', `/exchange/negotiations/${second}/terminate`, c.a.staffToken, { reason: '卖方无法按期交付' })).body).toMatchObject({ state: 'TERMINATED', reason: '卖方无法按期交付' });
    expect(await balance(c, c.b)).toEqual({ available: 199000n, escrow: 101000n });
    expect((await api('GET', '/exchange/books/reconciliation', ex.exchange.auditorToken)).body.ok).toBe(true);

    // The bureau suspends the broker: its side of a new negotiation is refused.
    const third = (await api('POST', '/exchange/negotiations', b.org.staffToken, { listingId, move: 'request', buyerOrgId: c.b.id, terms: terms() })).body.id as string;
    expect((await api('POST', `/exchange/brokers/${b.certId}/suspend`, c.dbA.staffToken, { reason: '违规撮合' })).status).toBe(200);
    expect((await api('POST', `/exchange/negotiations/${third}/agree`, c.a.adminToken, {})).body.error).toMatchObject({ code: 'EXCHANGE_BROKER_NOT_CERTIFIED' });
    // A suspended listing cannot be traded; termination still works.
    await api('POST', `/exchange/listings/${listingId}/review/suspend`, ex.exchange.staffToken, { reason: '核查' });
    expect((await api('POST', '/exchange/negotiations', c.b.staffToken, { listingId, move: 'request', terms: terms() })).body.error.code).toBe('EXCHANGE_LISTING_NOT_LISTED');
    expect((await api('POST', `/exchange/negotiations/${third}/terminate`, c.b.staffToken, { reason: '经纪人被暂停' })).body.state).toBe('TERMINATED');
  });

  it('discloses the day’s deals by category and region, amounts only where three deals or more make them', async () => {
    const c = await context();
    const { id: listingId } = await listing(c, 'listed');
    const ex = await fixture(c);
    await membership(c, c.b, 'active', 'buyer');
    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: c.b.id, amountFen: '1000000', ref: `bank-disclosure-${c.b.id}`, memo: '入金' });
    const disclosure = async () => (await h().call('GET', '/api/v1/public/exchange/disclosure')).body;
    const deal = async (priceFen: string) => {
      const id = (await api('POST', '/exchange/negotiations', c.b.staffToken, { listingId, move: 'request', terms: terms({ priceFen }) })).body.id as string;
      for (const [token, move] of [[c.a.adminToken, 'agree'], [c.b.adminToken, 'verify'], [c.a.adminToken, 'finalize']] as const) expect((await api('POST', `/exchange/negotiations/${id}/${move}`, token, {})).status).toBe(200);
    };
    // Deals in force so far in this database (the earlier tests'), all energy / guangzhou.
    const before = (await disclosure()).byCategory.at(-1)?.deals ?? 0;
    await deal('70000');
    if (before + 1 < 3) {
      const d = await disclosure();
      expect(d.byCategory.at(-1)).toMatchObject({ deals: before + 1, amountFen: null, cells: [{ key: 'other', amountFen: null }] });
    }
    await deal('80000');
    await deal('90000');
    const all = (await api('GET', '/exchange/negotiations?all=true&state=FINALIZED&pageSize=100', ex.exchange.auditorToken)).body.items as Array<{ amountFen: string }>;
    const sum = all.reduce((t, n) => t + BigInt(n.amountFen), 0n).toString();
    const d = await disclosure();
    expect(d.minDeals).toBe(3);
    expect(d.byCategory.reduce((t: number, day: { deals: number }) => t + day.deals, 0)).toBe(all.length);
    // (Unless this file ran across midnight in Shanghai, every deal is today's.)
    if (d.byCategory.length === 1) {
      expect(d.byCategory[0]).toMatchObject({ deals: all.length, amountFen: sum, cells: [{ key: 'energy', deals: all.length, amountFen: sum }] });
      expect(d.byRegion[0]).toMatchObject({ cells: [{ key: 'guangzhou', amountFen: sum }] });
    }
    expect((await h().call('GET', '/api/v1/public/exchange/disclosure?from=2026-02-30')).body.error.code).toBe('EXCHANGE_DATE_INVALID');
    expect((await h().call('GET', '/api/v1/public/exchange/disclosure?from=2024-01-01&to=2026-01-01')).body.error.code).toBe('EXCHANGE_DATE_INVALID');
  });
});
