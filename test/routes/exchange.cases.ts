/** Route cases: the exchange's books (账簿) — deposits, withdrawals, statements, reconciliation. */
import { expect } from 'vitest';
import { USER_PASSWORD, type Reply, type TestOrg } from '../harness.js';
import { deny, type Case, type Ctx } from './route.cases.js';

interface Fixture {
  exchange: TestOrg;
  financeToken: string;
}
const fixtures = new WeakMap<Ctx, Promise<Fixture>>();

/** The exchange with a user of its finance staff. */
function fixture(c: Ctx): Promise<Fixture> {
  let f = fixtures.get(c);
  if (!f) {
    f = (async () => {
      const exchange = await c.h.org(['exchange'], 'Exchange');
      const username = `fin${c.n()}x${exchange.id.slice(-6)}`;
      const u = await c.h.call('POST', `/api/v1/orgs/${exchange.id}/users`, { token: exchange.adminToken, body: { username, displayName: '财务', password: USER_PASSWORD, memberRole: 'finance' } });
      expect(u.status, JSON.stringify(u.body)).toBe(201);
      return { exchange, financeToken: await c.h.login(username, USER_PASSWORD) };
    })();
    fixtures.set(c, f);
  }
  return f;
}
const money = (c: Ctx, orgId: string, amountFen: string) => ({ orgId, amountFen, ref: `bank-${c.n()}-${Date.now()}`, memo: '路由测试' });

export const EXCHANGE_CASES: Record<string, Case> = {
  'POST /api/v1/exchange/books/deposits': {
    success: async (c) => ({ token: (await fixture(c)).financeToken, url: '/api/v1/exchange/books/deposits', body: money(c, c.a.id, '100000') }),
    status: 201,
    refused: async (c) => ({ token: (await fixture(c)).financeToken, url: '/api/v1/exchange/books/deposits', body: money(c, 'org_00000000000000000000', '100000') }),
    // A member (or the exchange's staff who are not finance) cannot record money.
    crossOrg: async (c) => ({ token: (await fixture(c)).exchange.staffToken, url: '/api/v1/exchange/books/deposits', body: money(c, c.a.id, '100000'), expect: deny(403) }),
  },
  'POST /api/v1/exchange/books/withdrawals': {
    success: async (c) => {
      const f = await fixture(c);
      expect((await c.h.call('POST', '/api/v1/exchange/books/deposits', { token: f.financeToken, body: money(c, c.b.id, '5000') })).status).toBe(201);
      return { token: f.financeToken, url: '/api/v1/exchange/books/withdrawals', body: money(c, c.b.id, '5000') };
    },
    status: 201,
    refused: async (c) => ({ token: (await fixture(c)).financeToken, url: '/api/v1/exchange/books/withdrawals', body: money(c, c.regA.id, '1') }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: '/api/v1/exchange/books/withdrawals', body: money(c, c.a.id, '1'), expect: deny(403) }),
  },
  'GET /api/v1/exchange/books/orgs/:orgId/statement': {
    success: (c) => ({ token: c.a.auditorToken, url: `/api/v1/exchange/books/orgs/${c.a.id}/statement` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/books/orgs/${c.a.id}/statement`, expect: deny(403) }),
  },
  'GET /api/v1/exchange/books/reconciliation': {
    success: async (c) => ({ token: (await fixture(c)).exchange.auditorToken, url: '/api/v1/exchange/books/reconciliation' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/books/reconciliation', expect: (r: Reply) => expect(r.status).toBe(403) }),
  },
};
