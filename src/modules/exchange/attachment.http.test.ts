import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong } from '../../../test/harness.js';
import { fixture, listing, membership, serviceProvider, tradeContext } from '../../../test/routes/exchange.cases.js';

describeEachEngine('exchange: data insurance and custody attached to contracts by their providers', (engine) => {
  const h = useLiutong(engine);
  const api = (method: string, url: string, token: string, body?: unknown) => h().call(method, `/api/v1${url}`, { token, body });
  let n = 0;

  it('lets an insurance or custody provider member attach its policy to a contract in force, seen by the parties and not by others', async () => {
    const { c, seller, buyer, stranger } = await tradeContext(h(), () => ++n);
    const { id: listingId } = await listing(c, 'listed');
    const ex = await fixture(c);
    const insurer = await serviceProvider(c, 'insurance');
    const custodian = await serviceProvider(c, 'custody');
    const otherInsurer = await h().org(['service_provider'], 'Other insurer');
    await membership(c, buyer, 'active', 'buyer');
    await api('POST', '/exchange/books/deposits', ex.financeToken, { orgId: buyer.id, amountFen: '100000', ref: `attach-${buyer.id}`, memo: '入金' });
    const id = (await api('POST', '/exchange/negotiations', buyer.staffToken, { listingId, move: 'request', terms: { priceFen: '100000', quantity: 1, purposes: ['测试'], periodDays: 30, maxUses: null } })).body.id as string;
    const policy = { kind: 'insurance', beneficiary: 'buyer', reference: 'PDAA2026440100000001', description: '数据交易履约保证保险：卖方未按约交付时赔付买方已付价款', coverageFen: '100000', premiumFen: '800', validUntil: '2099-12-31', documentSha256: 'ab'.repeat(32) };
    const attach = (token: string, body: Record<string, unknown> = policy) => api('POST', `/exchange/negotiations/${id}/attachments`, token, body);

    // Not before the contract is in force.
    expect((await attach(insurer.staffToken)).body.error).toMatchObject({ code: 'EXCHANGE_STATE_CONFLICT', details: { status: 'REQUESTED' } });
    for (const [token, move] of [[seller.adminToken, 'agree'], [buyer.adminToken, 'verify'], [seller.adminToken, 'finalize']] as const) expect((await api('POST', `/exchange/negotiations/${id}/${move}`, token, {})).status).toBe(200);

    // Only an active provider member of that service; never a party; an insurance names its cover.
    expect((await attach(otherInsurer.staffToken)).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    expect((await attach(custodian.staffToken)).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    expect((await attach(insurer.staffToken, { ...policy, coverageFen: undefined })).body.error).toMatchObject({ code: 'EXCHANGE_ATTACHMENT_INVALID', details: { reason: 'coverage_required' } });
    expect((await attach(insurer.staffToken, { ...policy, validUntil: '2020-01-01' })).body.error.details).toMatchObject({ reason: 'valid_until' });
    expect((await attach(insurer.auditorToken)).status).toBe(403);
    const attached = await attach(insurer.staffToken);
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    expect(attached.body).toMatchObject({ kind: 'insurance', providerOrgId: insurer.id, beneficiaryOrgId: buyer.id, coverageFen: '100000', premiumFen: '800' });
    expect((await attach(insurer.staffToken)).body.error.details).toMatchObject({ status: 'attached' });
    const custody = await attach(custodian.staffToken, { kind: 'custody', beneficiary: 'seller', reference: 'CUS-2026-0001', description: '交付数据副本托管至合同期满后 30 日' });
    expect(custody.status, JSON.stringify(custody.body)).toBe(201);

    // The parties and the exchange see both; each provider its own; others nothing.
    const list = (token: string) => api('GET', `/exchange/negotiations/${id}/attachments`, token);
    expect((await list(buyer.auditorToken)).body.items.map((a: { kind: string }) => a.kind)).toEqual(['insurance', 'custody']);
    expect((await list(ex.exchange.auditorToken)).body.items).toHaveLength(2);
    expect((await list(custodian.auditorToken)).body.items.map((a: { providerOrgId: string }) => a.providerOrgId)).toEqual([custodian.id]);
    expect((await list(stranger.auditorToken)).status).toBe(404);
    expect((await api('GET', '/exchange/attachments', insurer.auditorToken, undefined)).body).toMatchObject({ total: 1, items: [{ negotiationId: id, reference: 'PDAA2026440100000001' }] });
    expect((await api('GET', '/exchange/attachments', stranger.auditorToken, undefined)).body.total).toBe(0);

    await h().lt.flush();
    const evidence = await h().lt.kernel.db.selectFrom('ledger_entry' as never).select('payload' as never).where('type' as never, '=', 'exchange.contract.attached' as never).where('subject_id' as never, '=', id as never).execute();
    expect(evidence).toHaveLength(2);
  });
});
