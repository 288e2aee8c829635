/** Route cases: the exchange — books (账簿), members (会员), brokers (数据经纪人), mandates, disclosure. */
import { expect } from 'vitest';
import { USER_PASSWORD, type Reply, type TestOrg } from '../harness.js';
import { deny, PUBLIC, type Case, type Ctx } from './route.cases.js';

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
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const application = (kind = 'buyer') => ({ kind, contact: { name: '联系人', phone: '020-12345678', email: 'route@example.cn' }, statement: '路由测试' });
const pdfBody = { name: '营业执照.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') };
const day = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** A membership application of `org` (kind buyer unless given), optionally with a file and approved. */
async function membership(c: Ctx, org: TestOrg, state: 'applied' | 'filed' | 'active', kind = 'buyer'): Promise<string> {
  const a = await c.h.call('POST', '/api/v1/exchange/members', { token: org.adminToken, body: application(kind) });
  if (a.status === 409) {
    // Already a member of this kind from an earlier case: use it.
    const mine = (await c.h.call('GET', '/api/v1/exchange/members/mine', { token: org.adminToken })).body.items.find((m: { kind: string }) => m.kind === kind);
    return mine.id as string;
  }
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  if (state === 'applied') return a.body.id;
  expect((await c.h.call('POST', `/api/v1/exchange/members/${a.body.id}/files`, { token: org.staffToken, body: pdfBody })).status).toBe(201);
  if (state === 'active') expect((await c.h.call('POST', `/api/v1/exchange/members/${a.body.id}/approve`, { token: (await fixture(c)).exchange.staffToken, body: {} })).status).toBe(200);
  return a.body.id;
}

/** A certified broker organisation, an active broker member. */
async function broker(c: Ctx): Promise<{ org: TestOrg; certId: string }> {
  const org = await c.h.org(['broker'], 'Broker');
  const cert = await c.h.call('POST', '/api/v1/exchange/brokers', { token: c.dbA.staffToken, body: { orgId: org.id, industries: ['能源'], validFrom: day(0), validUntil: day(365) } });
  expect(cert.status, JSON.stringify(cert.body)).toBe(201);
  await membership(c, org, 'active', 'broker');
  return { org, certId: cert.body.id };
}

/** A mandate of enterprise A (a seller member) to a fresh broker. */
async function mandate(c: Ctx): Promise<{ id: string; broker: TestOrg }> {
  const b = await broker(c);
  await membership(c, c.a, 'active', 'seller');
  const m = await c.h.call('POST', '/api/v1/exchange/mandates', { token: c.a.adminToken, body: { brokerOrgId: b.org.id, side: 'sell', scope: '代理挂牌', commissionBp: 100, validUntil: day(30) } });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  return { id: m.body.id, broker: b.org };
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
  'POST /api/v1/exchange/members': {
    success: async (c) => ({ token: (await c.h.org(['enterprise'], 'Applicant')).adminToken, url: '/api/v1/exchange/members', body: application('seller') }),
    status: 201,
    refused: (c) => ({ token: c.b.adminToken, url: '/api/v1/exchange/members', body: application('service_provider') }),
    crossOrg: { notApplicable: 'an organisation applies for itself: the applicant is the caller’s own organisation' },
  },
  'GET /api/v1/exchange/members': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/members' }),
    status: 200,
    crossOrg: async (c) => {
      await membership(c, c.a, 'applied');
      return { token: c.b.auditorToken, url: `/api/v1/exchange/members?orgId=${c.a.id}`, expect: (r: Reply) => expect(r.body.items.every((m: { orgId: string }) => m.orgId === c.b.id)).toBe(true) };
    },
  },
  'GET /api/v1/exchange/members/mine': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/members/mine' }),
    status: 200,
    crossOrg: { notApplicable: "lists only the caller's own organisation's memberships" },
  },
  'GET /api/v1/exchange/members/:memberId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/exchange/members/${await membership(c, c.a, 'applied')}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/exchange/members/${await membership(c, c.a, 'applied')}`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/members/:memberId/files': {
    success: async (c) => {
      const org = await c.h.org(['enterprise'], 'Filer');
      return { token: org.staffToken, url: `/api/v1/exchange/members/${await membership(c, org, 'applied')}/files`, body: pdfBody };
    },
    status: 201,
    refused: async (c) => {
      const org = await c.h.org(['enterprise'], 'Filer');
      return { token: org.staffToken, url: `/api/v1/exchange/members/${await membership(c, org, 'applied')}/files`, body: { ...pdfBody, contentBase64: Buffer.from('GIF89a').toString('base64') } };
    },
    crossOrg: async (c) => {
      const org = await c.h.org(['enterprise'], 'Filer');
      return { token: c.b.staffToken, url: `/api/v1/exchange/members/${await membership(c, org, 'applied')}/files`, body: pdfBody, expect: deny(404) };
    },
  },
  'GET /api/v1/exchange/members/:memberId/files/:fileId': {
    success: async (c) => {
      const org = await c.h.org(['enterprise'], 'Filer');
      const id = await membership(c, org, 'filed');
      const fileId = (await c.h.call('GET', `/api/v1/exchange/members/${id}`, { token: org.auditorToken })).body.files[0].id;
      return { token: (await fixture(c)).exchange.auditorToken, url: `/api/v1/exchange/members/${id}/files/${fileId}` };
    },
    status: 200,
    crossOrg: async (c) => {
      const org = await c.h.org(['enterprise'], 'Filer');
      const id = await membership(c, org, 'filed');
      const fileId = (await c.h.call('GET', `/api/v1/exchange/members/${id}`, { token: org.auditorToken })).body.files[0].id;
      return { token: c.b.adminToken, url: `/api/v1/exchange/members/${id}/files/${fileId}`, expect: deny(404) };
    },
  },
  'POST /api/v1/exchange/members/:memberId/withdraw': {
    success: async (c) => {
      const org = await c.h.org(['enterprise'], 'Withdrawer');
      return { token: org.adminToken, url: `/api/v1/exchange/members/${await membership(c, org, 'applied')}/withdraw` };
    },
    status: 200,
    refused: async (c) => {
      const org = await c.h.org(['enterprise'], 'Withdrawer');
      return { token: org.adminToken, url: `/api/v1/exchange/members/${await membership(c, org, 'active')}/withdraw` };
    },
    crossOrg: async (c) => {
      const org = await c.h.org(['enterprise'], 'Withdrawer');
      return { token: c.b.adminToken, url: `/api/v1/exchange/members/${await membership(c, org, 'applied')}/withdraw`, expect: deny(404) };
    },
  },
  'POST /api/v1/exchange/members/:memberId/:action': {
    success: async (c) => {
      const org = await c.h.org(['enterprise'], 'Approved');
      return { token: (await fixture(c)).exchange.staffToken, url: `/api/v1/exchange/members/${await membership(c, org, 'filed')}/approve`, body: {} };
    },
    status: 200,
    refused: async (c) => {
      const org = await c.h.org(['enterprise'], 'Unfiled');
      return { token: (await fixture(c)).exchange.staffToken, url: `/api/v1/exchange/members/${await membership(c, org, 'applied')}/approve`, body: {} };
    },
    // An applicant cannot approve itself.
    crossOrg: async (c) => {
      const org = await c.h.org(['enterprise'], 'SelfApprover');
      return { token: org.adminToken, url: `/api/v1/exchange/members/${await membership(c, org, 'filed')}/approve`, body: {}, expect: deny(403) };
    },
  },
  'POST /api/v1/exchange/brokers': {
    success: async (c) => ({ token: c.dbA.staffToken, url: '/api/v1/exchange/brokers', body: { orgId: (await c.h.org(['broker'], 'Broker')).id, industries: ['金融'], validFrom: day(0), validUntil: day(100) } }),
    status: 201,
    refused: (c) => ({ token: c.dbA.staffToken, url: '/api/v1/exchange/brokers', body: { orgId: c.a.id, industries: ['金融'], validFrom: day(0), validUntil: day(100) } }),
    crossOrg: async (c) => ({ token: (await fixture(c)).exchange.staffToken, url: '/api/v1/exchange/brokers', body: { orgId: (await c.h.org(['broker'], 'Broker')).id, industries: ['金融'], validFrom: day(0), validUntil: day(100) }, expect: deny(403) }),
  },
  'POST /api/v1/exchange/brokers/:brokerId/:action': {
    success: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/exchange/brokers/${(await broker(c)).certId}/suspend`, body: { reason: '路由测试' } }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/exchange/brokers/${(await broker(c)).certId}/reinstate`, body: { reason: '路由测试' } }),
    crossOrg: async (c) => {
      const b = await broker(c);
      return { token: b.org.adminToken, url: `/api/v1/exchange/brokers/${b.certId}/reinstate`, body: { reason: '自行恢复' }, expect: deny(403) };
    },
  },
  'POST /api/v1/exchange/mandates': {
    success: async (c) => {
      const b = await broker(c);
      await membership(c, c.a, 'active', 'seller');
      return { token: c.a.adminToken, url: '/api/v1/exchange/mandates', body: { brokerOrgId: b.org.id, side: 'sell', scope: '代理挂牌', commissionBp: 100, validUntil: day(30) } };
    },
    status: 201,
    refused: async (c) => ({ token: c.b.adminToken, url: '/api/v1/exchange/mandates', body: { brokerOrgId: (await broker(c)).org.id, side: 'buy', scope: '代理采购', commissionBp: 100, validUntil: day(30) } }),
    crossOrg: { notApplicable: 'a client mandates for itself: the client is the caller’s own organisation' },
  },
  'GET /api/v1/exchange/mandates': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/mandates' }),
    status: 200,
    crossOrg: async (c) => {
      await mandate(c);
      return { token: c.b.auditorToken, url: '/api/v1/exchange/mandates', expect: (r: Reply) => expect(r.body.items.every((m: { clientOrgId: string; brokerOrgId: string }) => m.clientOrgId === c.b.id || m.brokerOrgId === c.b.id)).toBe(true) };
    },
  },
  'GET /api/v1/exchange/mandates/:mandateId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/exchange/mandates/${(await mandate(c)).id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/mandates/${(await mandate(c)).id}`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/mandates/:mandateId/end': {
    success: async (c) => ({ token: c.a.adminToken, url: `/api/v1/exchange/mandates/${(await mandate(c)).id}/end` }),
    status: 200,
    refused: async (c) => {
      const m = await mandate(c);
      expect((await c.h.call('POST', `/api/v1/exchange/mandates/${m.id}/end`, { token: m.broker.adminToken })).status).toBe(200);
      return { token: c.a.adminToken, url: `/api/v1/exchange/mandates/${m.id}/end` };
    },
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/exchange/mandates/${(await mandate(c)).id}/end`, expect: deny(404) }),
  },
  'GET /api/v1/public/exchange/members': {
    success: () => ({ url: '/api/v1/public/exchange/members?kind=seller' }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/exchange/brokers': {
    success: () => ({ url: '/api/v1/public/exchange/brokers' }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/exchange/brokers/:brokerId': {
    success: async (c) => ({ url: `/api/v1/public/exchange/brokers/${(await broker(c)).certId}` }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/exchange/sanctions': {
    success: () => ({ url: '/api/v1/public/exchange/sanctions' }),
    status: 200,
    crossOrg: PUBLIC,
  },
};
