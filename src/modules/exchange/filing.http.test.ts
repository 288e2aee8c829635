import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong } from '../../../test/harness.js';
import { fixture, listingBasis, membership, tradeContext } from '../../../test/routes/exchange.cases.js';

describeEachEngine('off-exchange trades filed for the record (场外交易备案)', (engine) => {
  const h = useLiutong(engine);
  const api = (method: string, url: string, token: string, body?: unknown) => h().call(method, `/api/v1${url}`, { token, body });
  let n = 0;

  it('a member files a deal made outside the exchange, the counterparty confirms; the registered asset must be the seller’s', async () => {
    const { c, seller, buyer, stranger } = await tradeContext(h(), () => ++n);
    const { assetId } = await listingBasis(c);
    const ex = await fixture(c);
    await membership(c, buyer, 'active', 'buyer');
    const body = (over: Record<string, unknown> = {}) => ({ counterpartyOrgId: buyer.id, role: 'seller', assetId, description: '线下签约的年度数据服务', amountFen: '5000000', tradedOn: '2026-11-20', contractSha256: 'ab'.repeat(32), ...over });

    expect((await api('POST', '/exchange/filings', stranger.staffToken, body())).body.error.code).toBe('EXCHANGE_NOT_MEMBER');
    expect((await api('POST', '/exchange/filings', seller.staffToken, body({ tradedOn: '2099-01-01' }))).body.error.details).toMatchObject({ reason: 'traded_on' });
    expect((await api('POST', '/exchange/filings', buyer.staffToken, body({ counterpartyOrgId: stranger.id, role: 'buyer' }))).body.error.details).toMatchObject({ reason: 'not_holder' });
    expect((await api('POST', '/exchange/filings', seller.staffToken, body({ contractSha256: 'xyz' }))).status).toBe(400);
    const filed = await api('POST', '/exchange/filings', seller.staffToken, body());
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ status: 'filed', filerRole: 'seller', registrationNumber: expect.stringMatching(/^GDDA-/), counterparty: { orgId: buyer.id } });
    const id = filed.body.id as string;

    expect((await api('GET', `/exchange/filings/${id}`, stranger.auditorToken)).status).toBe(404);
    expect((await api('POST', `/exchange/filings/${id}/confirm`, seller.staffToken)).status).toBe(403);
    expect((await api('POST', `/exchange/filings/${id}/confirm`, stranger.staffToken)).status).toBe(404);
    expect((await api('POST', `/exchange/filings/${id}/confirm`, buyer.staffToken)).body).toMatchObject({ status: 'confirmed' });
    expect((await api('POST', `/exchange/filings/${id}/confirm`, buyer.staffToken)).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    expect((await api('GET', '/exchange/filings', buyer.auditorToken)).body.items.map((f: { id: string }) => f.id)).toEqual([id]);
    expect((await api('GET', '/exchange/filings?all=true', stranger.auditorToken)).body.total).toBe(0);
    expect((await api('GET', '/exchange/filings?all=true&status=confirmed', ex.exchange.auditorToken)).body.items.map((f: { id: string }) => f.id)).toContain(id);
  });
});
