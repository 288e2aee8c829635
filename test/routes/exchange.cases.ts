/** Route cases: the exchange — books (账簿), members (会员), brokers (数据经纪人), mandates, disclosure. */
import { expect } from 'vitest';
import { USER_PASSWORD, type Reply, type TestOrg } from '../harness.js';
import { registeredApplication } from './registry.cases.js';
import { deny, PUBLIC, type Case, type Ctx } from './route.cases.js';

/**
 * The parties of an exchange flow test as a route-case context: enterprise A the seller, B the
 * buyer, a data bureau (the registrar of A's asset), and a stranger (no part in the deal).
 */
export async function tradeContext(h: Ctx['h'], n: () => number): Promise<{ c: Ctx; seller: TestOrg; buyer: TestOrg; bureau: TestOrg; stranger: TestOrg }> {
  const seller = await h.org(['enterprise'], 'Seller');
  const buyer = await h.org(['enterprise'], 'Buyer');
  const bureau = await h.org(['data_bureau'], 'Bureau', 'government');
  const stranger = await h.org(['enterprise'], 'Stranger');
  return { c: { h, a: seller, b: buyer, dbA: bureau, n } as unknown as Ctx, seller, buyer, bureau, stranger };
}

interface Fixture {
  exchange: TestOrg;
  financeToken: string;
  /** The finance user's login name (for a new session after a test moved the clock). */
  financeLogin: string;
}
const fixtures = new WeakMap<Ctx, Promise<Fixture>>();

/** The exchange with a user of its finance staff. */
export function fixture(c: Ctx): Promise<Fixture> {
  let f = fixtures.get(c);
  if (!f) {
    f = (async () => {
      const exchange = await c.h.org(['exchange'], 'Exchange');
      const username = `fin${c.n()}x${exchange.id.slice(-6)}`;
      const u = await c.h.call('POST', `/api/v1/orgs/${exchange.id}/users`, { token: exchange.adminToken, body: { username, displayName: '财务', password: USER_PASSWORD, memberRole: 'finance' } });
      expect(u.status, JSON.stringify(u.body)).toBe(201);
      return { exchange, financeToken: await c.h.login(username, USER_PASSWORD), financeLogin: username };
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
export async function membership(c: Ctx, org: TestOrg, state: 'applied' | 'filed' | 'active', kind = 'buyer'): Promise<string> {
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
export async function broker(c: Ctx): Promise<{ org: TestOrg; certId: string }> {
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

export const listingContent = (zh = '路由挂牌') => ({
  title: { zh, en: 'Route listing' }, description: { zh: '路由测试的挂牌', en: 'A listing of the route table' }, category: 'energy', region: 'guangzhou', dataKinds: ['enterprise'],
  sample: { kind: 'synthetic', mediaType: 'text/csv', content: 'a,b\n1,2\n' }, deliveryMethods: ['file'], pricing: { model: 'one_off', amountFen: '100000' },
  policy: { purposes: ['测试'], periodDays: 30, maxUses: null, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: false },
});
const allPassed = { checklist: Object.fromEntries(['source_legality', 'authorizations', 'personal_information', 'grading', 'security', 'scenario'].map((k) => [k, { passed: true, note: '符合' }])), evidence: '路由测试' };
const listingBases = new WeakMap<Ctx, Promise<{ assetId: string; assessor: TestOrg }>>();
/** Enterprise A as an active seller with a registered asset, and a compliance service provider member. */
export function listingBasis(c: Ctx): Promise<{ assetId: string; assessor: TestOrg }> {
  let b = listingBases.get(c);
  if (!b) {
    b = (async () => {
      await membership(c, c.a, 'active', 'seller');
      const assessor = await c.h.org(['service_provider'], 'Assessor');
      const a = await c.h.call('POST', '/api/v1/exchange/members', { token: assessor.adminToken, body: { ...application('service_provider'), services: ['compliance'] } });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      expect((await c.h.call('POST', `/api/v1/exchange/members/${a.body.id}/files`, { token: assessor.staffToken, body: pdfBody })).status).toBe(201);
      expect((await c.h.call('POST', `/api/v1/exchange/members/${a.body.id}/approve`, { token: (await fixture(c)).exchange.staffToken, body: {} })).status).toBe(200);
      return { assetId: await registeredApplication(c), assessor };
    })();
    listingBases.set(c, b);
  }
  return b;
}
type ListingState = 'draft' | 'assessing' | 'submitted' | 'listed';
/** A fresh listing of enterprise A taken to `state`. */
export async function listing(c: Ctx, state: ListingState, content: Record<string, unknown> = {}): Promise<{ id: string; assessor: TestOrg }> {
  const { assetId, assessor } = await listingBasis(c);
  const call = async (url: string, token: string, body: unknown = {}, status = 200) => {
    const r = await c.h.call('POST', `/api/v1/exchange/listings${url}`, { token, body });
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const id = (await call('', c.a.staffToken, { assetId, ...listingContent(), ...content }, 201)).id as string;
  if (state === 'draft') return { id, assessor };
  await call(`/${id}/request-assessment`, c.a.staffToken, { assessorOrgId: assessor.id });
  if (state === 'assessing') return { id, assessor };
  await call(`/${id}/assessment`, assessor.staffToken, allPassed, 201);
  await call(`/${id}/submit`, c.a.staffToken);
  if (state === 'submitted') return { id, assessor };
  await call(`/${id}/review/approve`, (await fixture(c)).exchange.staffToken);
  return { id, assessor };
}

const dealTerms = { priceFen: '100000', quantity: 1, purposes: ['测试'], periodDays: 30, maxUses: null };
/** A negotiation on a fresh listed listing of A: B (an active buyer) requests; taken to `state`. */
const tradedListings = new WeakMap<Ctx, Promise<string>>();
/** One listed listing of A per context that every negotiation case trades on (many negotiations may share a listing), B an active buyer. */
function tradedListing(c: Ctx): Promise<string> {
  let l = tradedListings.get(c);
  if (!l) {
    l = (async () => {
      const { id } = await listing(c, 'listed');
      await membership(c, c.b, 'active', 'buyer');
      return id;
    })();
    tradedListings.set(c, l);
  }
  return l;
}
async function negotiation(c: Ctx, state: 'REQUESTED' | 'AGREED' | 'VERIFIED' | 'FINALIZED' | 'DELIVERED' | 'ACCEPTED'): Promise<string> {
  const listingId = await tradedListing(c);
  const r = await c.h.call('POST', '/api/v1/exchange/negotiations', { token: c.b.staffToken, body: { listingId, move: 'request', terms: dealTerms } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  if (state === 'REQUESTED') return id;
  expect((await c.h.call('POST', `/api/v1/exchange/negotiations/${id}/agree`, { token: c.a.adminToken, body: {} })).status).toBe(200);
  if (state === 'AGREED') return id;
  const f = await fixture(c);
  expect((await c.h.call('POST', '/api/v1/exchange/books/deposits', { token: f.financeToken, body: { orgId: c.b.id, amountFen: '100000', ref: `deal-${id}`, memo: '路由测试' } })).status).toBe(201);
  expect((await c.h.call('POST', `/api/v1/exchange/negotiations/${id}/verify`, { token: c.b.adminToken, body: {} })).status).toBe(200);
  if (state === 'VERIFIED') return id;
  expect((await c.h.call('POST', `/api/v1/exchange/negotiations/${id}/finalize`, { token: c.a.adminToken, body: {} })).status).toBe(200);
  if (state === 'FINALIZED') return id;
  expect((await c.h.call('POST', `/api/v1/exchange/negotiations/${id}/deliveries`, { token: c.a.staffToken, body: deliveryBody })).status).toBe(201);
  if (state === 'DELIVERED') return id;
  expect((await c.h.call('POST', `/api/v1/exchange/negotiations/${id}/acceptance`, { token: c.b.staffToken })).status).toBe(200);
  return id;
}
const deliveryBody = { name: '交付.csv', mediaType: 'text/csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64'), note: '路由测试' };
/** A delivered contract's first delivery. */
async function delivery(c: Ctx): Promise<{ negotiationId: string; deliveryId: string }> {
  const negotiationId = await negotiation(c, 'DELIVERED');
  const list = await c.h.call('GET', `/api/v1/exchange/negotiations/${negotiationId}/deliveries`, { token: c.b.auditorToken });
  return { negotiationId, deliveryId: list.body.items[0].id };
}

const providers = new WeakMap<Ctx, Map<string, Promise<TestOrg>>>();
/** An active service-provider member offering `service` (one per context and service). */
export function serviceProvider(c: Ctx, service: 'arbitration' | 'insurance' | 'custody'): Promise<TestOrg> {
  const mine = providers.get(c) ?? new Map<string, Promise<TestOrg>>();
  providers.set(c, mine);
  let p = mine.get(service);
  if (!p) {
    p = (async () => {
      const org = await c.h.org(['service_provider'], `Provider ${service}`);
      const m = await c.h.call('POST', '/api/v1/exchange/members', { token: org.adminToken, body: { ...application('service_provider'), services: [service] } });
      expect(m.status, JSON.stringify(m.body)).toBe(201);
      expect((await c.h.call('POST', `/api/v1/exchange/members/${m.body.id}/files`, { token: org.staffToken, body: pdfBody })).status).toBe(201);
      expect((await c.h.call('POST', `/api/v1/exchange/members/${m.body.id}/approve`, { token: (await fixture(c)).exchange.staffToken, body: {} })).status).toBe(200);
      return org;
    })();
    mine.set(service, p);
  }
  return p;
}
const arbitrator = (c: Ctx) => serviceProvider(c, 'arbitration');

const apiListings = new WeakMap<Ctx, Promise<string>>();
/** A contract in force on a per-call API listing of A (its asset's catalog resource published and mounted), B the buyer. */
async function apiContract(c: Ctx): Promise<string> {
  let l = apiListings.get(c);
  if (!l) {
    l = (async () => {
      const { assetId } = await listingBasis(c);
      const resourceId = (await c.h.lt.registry.applications.tradeBasis(assetId))!.resourceId!;
      const r = await c.h.lt.catalog.resources.get(resourceId, null);
      if (r.status !== 'published') {
        await c.h.lt.catalog.resources.submit(resourceId, null);
        await c.h.lt.catalog.resources.publish(resourceId, null);
        await c.h.lt.catalog.mounts.upload(resourceId, Buffer.from('score\n1.5\n'), 'csv', null);
      }
      const { id } = await listing(c, 'listed', { deliveryMethods: ['api'], pricing: { model: 'per_call', amountFen: '10' }, policy: { ...listingContent().policy, maxUses: 100, fields: ['score'] } });
      await membership(c, c.b, 'active', 'buyer');
      return id;
    })();
    apiListings.set(c, l);
  }
  const listingId = await l;
  const r = await c.h.call('POST', '/api/v1/exchange/negotiations', { token: c.b.staffToken, body: { listingId, move: 'request', terms: { priceFen: '10', quantity: 10, purposes: ['测试'], periodDays: 30, maxUses: 10 } } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  const f = await fixture(c);
  expect((await c.h.call('POST', '/api/v1/exchange/books/deposits', { token: f.financeToken, body: { orgId: c.b.id, amountFen: '100', ref: `api-deal-${id}`, memo: '路由测试' } })).status).toBe(201);
  for (const [token, move] of [[c.a.adminToken, 'agree'], [c.b.adminToken, 'verify'], [c.a.adminToken, 'finalize']] as const) {
    const m = await c.h.call('POST', `/api/v1/exchange/negotiations/${id}/${move}`, { token, body: {} });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
  }
  return id;
}
/** A settlement batch holding an accepted deal of A and B (its item made due today, then settled). */
async function settledBatch(c: Ctx): Promise<string> {
  const id = await negotiation(c, 'ACCEPTED');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await c.h.lt.kernel.db.updateTable('exchange_settlement_item' as never).set({ due_on: today } as never).where('negotiation_id' as never, '=', id as never).execute();
  const r = await c.h.call('POST', '/api/v1/exchange/settlements', { token: (await fixture(c)).financeToken, body: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.batches[0].id as string;
}
const attachmentBody = { kind: 'insurance', beneficiary: 'buyer', reference: 'PDAA2026440100000001', description: '数据交易履约保证保险', coverageFen: '100000', premiumFen: '500' };

const claimBody = async (c: Ctx) => ({ arbitratorOrgId: (await arbitrator(c)).id, claim: '交付不符', claimedRefundFen: '1000' });
/** An open dispute of B on a delivered contract. */
async function dispute(c: Ctx): Promise<string> {
  const id = await negotiation(c, 'DELIVERED');
  const r = await c.h.call('POST', `/api/v1/exchange/negotiations/${id}/disputes`, { token: c.b.staffToken, body: await claimBody(c) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const filingBody = async (c: Ctx) => ({ counterpartyOrgId: c.b.id, role: 'seller', assetId: (await listingBasis(c)).assetId, description: '场外交易', amountFen: '100000', tradedOn: '2026-11-20', contractSha256: 'cd'.repeat(32) });
/** A filing of A (seller) with B as counterparty. */
async function filing(c: Ctx): Promise<string> {
  const r = await c.h.call('POST', '/api/v1/exchange/filings', { token: c.a.staffToken, body: await filingBody(c) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
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
  'POST /api/v1/exchange/listings': {
    success: async (c) => ({ token: c.a.staffToken, url: '/api/v1/exchange/listings', body: { assetId: (await listingBasis(c)).assetId, ...listingContent() } }),
    status: 201,
    refused: async (c) => ({ token: c.a.staffToken, url: '/api/v1/exchange/listings', body: { assetId: (await listingBasis(c)).assetId, ...listingContent(), dataKinds: ['genetic'] } }),
    // Another company cannot list A's asset (it is not the holder).
    crossOrg: async (c) => {
      await membership(c, c.b, 'active', 'seller');
      return { token: c.b.staffToken, url: '/api/v1/exchange/listings', body: { assetId: (await listingBasis(c)).assetId, ...listingContent() }, expect: (r: Reply) => expect(r.body.error?.details?.reason).toBe('not_holder') };
    },
  },
  'GET /api/v1/exchange/listings': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/listings' }),
    status: 200,
    crossOrg: async (c) => {
      await listing(c, 'draft');
      return { token: c.b.auditorToken, url: '/api/v1/exchange/listings', expect: (r: Reply) => expect(r.body.items.every((l: { seller: { orgId: string } }) => l.seller.orgId === c.b.id)).toBe(true) };
    },
  },
  'GET /api/v1/exchange/listings/:listingId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}`, expect: deny(404) }),
  },
  'PUT /api/v1/exchange/listings/:listingId': {
    success: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}`, body: listingContent('改过的路由挂牌') }),
    status: 200,
    refused: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'assessing')).id}`, body: listingContent('改过的路由挂牌') }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}`, body: listingContent('别人改的'), expect: deny(404) }),
  },
  'POST /api/v1/exchange/listings/:listingId/assessment': {
    success: async (c) => {
      const l = await listing(c, 'assessing');
      return { token: l.assessor.staffToken, url: `/api/v1/exchange/listings/${l.id}/assessment`, body: allPassed };
    },
    status: 201,
    refused: async (c) => {
      const l = await listing(c, 'draft');
      return { token: l.assessor.staffToken, url: `/api/v1/exchange/listings/${l.id}/assessment`, body: allPassed };
    },
    // The seller cannot assess its own listing (only the named assessor).
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'assessing')).id}/assessment`, body: allPassed, expect: deny(404) }),
  },
  'POST /api/v1/exchange/listings/:listingId/review/:action': {
    success: async (c) => ({ token: (await fixture(c)).exchange.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'submitted')).id}/review/approve`, body: {} }),
    status: 200,
    refused: async (c) => ({ token: (await fixture(c)).exchange.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}/review/approve`, body: {} }),
    // The seller cannot approve its own listing.
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'submitted')).id}/review/approve`, body: {}, expect: deny(403) }),
  },
  'POST /api/v1/exchange/listings/:listingId/:action': {
    success: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}/request-assessment`, body: { assessorOrgId: (await listingBasis(c)).assessor.id } }),
    status: 200,
    refused: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}/submit`, body: {} }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/listings/${(await listing(c, 'draft')).id}/withdraw`, body: {}, expect: deny(404) }),
  },
  'GET /api/v1/public/exchange/listings': {
    success: () => ({ url: '/api/v1/public/exchange/listings?q=路由&category=energy' }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/exchange/listings/:listingId': {
    success: async (c) => ({ url: `/api/v1/public/exchange/listings/${await tradedListing(c)}` }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'POST /api/v1/exchange/negotiations': {
    success: async (c) => ({ token: c.b.staffToken, url: '/api/v1/exchange/negotiations', body: { listingId: await tradedListing(c), move: 'request', terms: dealTerms } }),
    status: 201,
    refused: async (c) => ({ token: c.b.staffToken, url: '/api/v1/exchange/negotiations', body: { listingId: (await listing(c, 'submitted')).id, move: 'request', terms: dealTerms } }),
    // B cannot offer A's listing (only its seller or broker).
    crossOrg: async (c) => ({ token: c.b.staffToken, url: '/api/v1/exchange/negotiations', body: { listingId: await tradedListing(c), move: 'offer', buyerOrgId: c.regA.id, terms: dealTerms }, expect: deny(404) }),
  },
  'GET /api/v1/exchange/negotiations': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/negotiations' }),
    status: 200,
    crossOrg: async (c) => {
      await negotiation(c, 'REQUESTED');
      const other = await c.h.org(['enterprise'], 'Outsider');
      return { token: other.auditorToken, url: '/api/v1/exchange/negotiations?all=true', expect: (r: Reply) => expect(r.body.total).toBe(0) };
    },
  },
  'GET /api/v1/exchange/negotiations/:negotiationId': {
    success: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'REQUESTED')}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'REQUESTED')}`, expect: deny(404) }),
  },
  'GET /api/v1/exchange/negotiations/:negotiationId/contract': {
    success: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'AGREED')}/contract` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'AGREED')}/contract`, expect: deny(404) }),
  },
  'GET /api/v1/exchange/negotiations/:negotiationId/seals': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'AGREED')}/seals` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'AGREED')}/seals`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/:move': {
    success: async (c) => ({ token: c.a.adminToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'VERIFIED')}/finalize`, body: {} }),
    status: 200,
    // The buyer has no money for a second deal's escrow.
    refused: async (c) => ({ token: c.b.adminToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'AGREED')}/verify`, body: {} }),
    crossOrg: async (c) => ({ token: c.src.adminToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'REQUESTED')}/terminate`, body: { reason: '他人终止' }, expect: deny(404) }),
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/deliveries': {
    success: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/deliveries`, body: deliveryBody }),
    status: 201,
    refused: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'ACCEPTED')}/deliveries`, body: deliveryBody }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/deliveries`, body: deliveryBody, expect: deny(404) }),
  },
  'GET /api/v1/exchange/negotiations/:negotiationId/deliveries': {
    success: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'DELIVERED')}/deliveries` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'DELIVERED')}/deliveries`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/deliveries/:deliveryId/link': {
    success: async (c) => {
      const d = await delivery(c);
      return { token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${d.negotiationId}/deliveries/${d.deliveryId}/link` };
    },
    status: 201,
    // The seller cannot take the buyer's link.
    refused: async (c) => {
      const d = await delivery(c);
      return { token: c.a.staffToken, url: `/api/v1/exchange/negotiations/${d.negotiationId}/deliveries/${d.deliveryId}/link` };
    },
    crossOrg: async (c) => {
      const d = await delivery(c);
      return { token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${d.negotiationId}/deliveries/${d.deliveryId}/link`, expect: deny(404) };
    },
  },
  'GET /api/v1/exchange/downloads/:token': {
    success: async (c) => {
      const d = await delivery(c);
      const link = await c.h.call('POST', `/api/v1/exchange/negotiations/${d.negotiationId}/deliveries/${d.deliveryId}/link`, { token: c.b.staffToken });
      return { url: link.body.url as string };
    },
    status: 200,
    crossOrg: { notApplicable: 'the link is the capability: whoever holds it downloads within the contract’s uses (each download recorded)' },
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/acceptance': {
    success: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'DELIVERED')}/acceptance` }),
    status: 200,
    refused: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/acceptance` }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'DELIVERED')}/acceptance`, expect: deny(404) }),
  },
  'GET /api/v1/exchange/negotiations/:negotiationId/settlement': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'ACCEPTED')}/settlement` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'ACCEPTED')}/settlement`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/settlements': {
    success: async (c) => ({ token: (await fixture(c)).financeToken, url: '/api/v1/exchange/settlements', body: {} }),
    status: 200,
    refused: async (c) => ({ token: (await fixture(c)).financeToken, url: '/api/v1/exchange/settlements', body: { businessDate: '2026-13-45' } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: '/api/v1/exchange/settlements', body: {}, expect: deny(403) }),
  },
  'GET /api/v1/exchange/settlements/:batchId': {
    success: async (c) => ({ token: (await fixture(c)).exchange.auditorToken, url: `/api/v1/exchange/settlements/${await settledBatch(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/settlements/${await settledBatch(c)}`, expect: deny(404) }),
  },
  'GET /api/v1/exchange/books/exchange': {
    success: async (c) => ({ token: (await fixture(c)).exchange.auditorToken, url: '/api/v1/exchange/books/exchange' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/books/exchange', expect: deny(403) }),
  },
  'GET /api/v1/exchange/settlements': {
    success: async (c) => ({ token: (await fixture(c)).exchange.auditorToken, url: '/api/v1/exchange/settlements' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/settlements', expect: deny(403) }),
  },
  'GET /api/v1/public/exchange/disclosure': {
    success: () => ({ url: '/api/v1/public/exchange/disclosure' }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/certificate': {
    // Issuing again once the certificate issued at finalisation was revoked by the exchange (e.g. issued with an error).
    success: async (c) => {
      const id = await negotiation(c, 'FINALIZED');
      const f = await fixture(c);
      const held = await c.h.call('GET', `/api/v1/certificates?box=held&sourceId=${id}`, { token: c.b.auditorToken });
      expect(held.body.items).toHaveLength(1);
      const revoked = await c.h.call('POST', `/api/v1/certificates/${held.body.items[0].id}/revoke`, { token: f.exchange.staffToken, body: { reason: '凭证信息有误，重新签发' } });
      expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
      return { token: f.exchange.staffToken, url: `/api/v1/exchange/negotiations/${id}/certificate` };
    },
    status: 201,
    refused: async (c) => ({ token: (await fixture(c)).exchange.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/certificate` }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/certificate`, expect: deny(403) }),
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/destruction': {
    // The route table runs now: a contract of a one-day period has not ended yet, so the success case moves its end into the past.
    success: async (c) => {
      const id = await negotiation(c, 'FINALIZED');
      await c.h.lt.kernel.db.updateTable('exchange_negotiation' as never).set({ ends_on: '2026-01-01' } as never).where('id' as never, '=', id as never).execute();
      return { token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${id}/destruction`, body: { statement: '已删除', method: 'deletion' } };
    },
    status: 201,
    refused: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/destruction`, body: { statement: '已删除', method: 'deletion' } }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/destruction`, body: { statement: '已删除', method: 'deletion' }, expect: deny(404) }),
  },
  'GET /api/v1/exchange/destructions/overdue': {
    success: async (c) => ({ token: (await fixture(c)).exchange.auditorToken, url: '/api/v1/exchange/destructions/overdue' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.auditorToken, url: '/api/v1/exchange/destructions/overdue', expect: deny(403) }),
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/ratings': {
    success: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'ACCEPTED')}/ratings`, body: { score: 5, comment: '好' } }),
    status: 201,
    refused: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/ratings`, body: { score: 5, comment: '好' } }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'ACCEPTED')}/ratings`, body: { score: 1, comment: '差' }, expect: deny(404) }),
  },
  'GET /api/v1/public/exchange/ratings/:orgId': {
    success: (c) => ({ url: `/api/v1/public/exchange/ratings/${c.a.id}` }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/disputes': {
    success: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'DELIVERED')}/disputes`, body: await claimBody(c) }),
    status: 201,
    refused: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'VERIFIED')}/disputes`, body: await claimBody(c) }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'DELIVERED')}/disputes`, body: await claimBody(c), expect: deny(404) }),
  },
  'GET /api/v1/exchange/disputes': {
    success: (c) => ({ token: c.b.auditorToken, url: '/api/v1/exchange/disputes' }),
    status: 200,
    crossOrg: async (c) => {
      await dispute(c);
      return { token: c.src.auditorToken, url: '/api/v1/exchange/disputes?all=true', expect: (r: Reply) => expect(r.body.total).toBe(0) };
    },
  },
  'GET /api/v1/exchange/disputes/:disputeId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/exchange/disputes/${await dispute(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/disputes/${await dispute(c)}`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/disputes/:disputeId/ruling': {
    success: async (c) => ({ token: (await arbitrator(c)).staffToken, url: `/api/v1/exchange/disputes/${await dispute(c)}/ruling`, body: { ruling: '部分退款', refundFen: '1000' } }),
    status: 200,
    refused: async (c) => ({ token: (await arbitrator(c)).staffToken, url: `/api/v1/exchange/disputes/${await dispute(c)}/ruling`, body: { ruling: '超额退款', refundFen: '999999999' } }),
    // A party cannot rule its own dispute.
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/disputes/${await dispute(c)}/ruling`, body: { ruling: '自行裁决', refundFen: '100000' }, expect: deny(404) }),
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/deliveries/api': {
    success: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/negotiations/${await apiContract(c)}/deliveries/api`, body: {} }),
    status: 201,
    // A file-only listing offers no API delivery.
    refused: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/deliveries/api`, body: {} }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${await apiContract(c)}/deliveries/api`, body: {}, expect: deny(404) }),
  },
  'GET /api/v1/exchange/negotiations/:negotiationId/api-usage': {
    success: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/api-usage` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/api-usage`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/negotiations/:negotiationId/attachments': {
    success: async (c) => ({ token: (await serviceProvider(c, 'insurance')).staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/attachments`, body: attachmentBody }),
    status: 201,
    refused: async (c) => ({ token: (await serviceProvider(c, 'insurance')).staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'REQUESTED')}/attachments`, body: attachmentBody }),
    // An organisation that is not an insurance provider member attaches nothing.
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/attachments`, body: attachmentBody, expect: deny(409) }),
  },
  'GET /api/v1/exchange/negotiations/:negotiationId/attachments': {
    success: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/attachments` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/negotiations/${await negotiation(c, 'FINALIZED')}/attachments`, expect: deny(404) }),
  },
  'GET /api/v1/exchange/attachments': {
    success: async (c) => ({ token: (await serviceProvider(c, 'insurance')).auditorToken, url: '/api/v1/exchange/attachments' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: '/api/v1/exchange/attachments', expect: (r: Reply) => expect(r.body.total).toBe(0) }),
  },
  'POST /api/v1/exchange/filings': {
    success: async (c) => ({ token: c.a.staffToken, url: '/api/v1/exchange/filings', body: await filingBody(c) }),
    status: 201,
    refused: async (c) => ({ token: c.a.staffToken, url: '/api/v1/exchange/filings', body: { ...(await filingBody(c)), tradedOn: '2099-12-31' } }),
    crossOrg: { notApplicable: 'a member files for itself: the filer is the caller’s own organisation (filing another’s asset as seller is refused: not_holder)' },
  },
  'GET /api/v1/exchange/filings': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/exchange/filings' }),
    status: 200,
    crossOrg: async (c) => {
      await filing(c);
      return { token: c.src.auditorToken, url: '/api/v1/exchange/filings?all=true', expect: (r: Reply) => expect(r.body.total).toBe(0) };
    },
  },
  'GET /api/v1/exchange/filings/:filingId': {
    success: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/exchange/filings/${await filing(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.auditorToken, url: `/api/v1/exchange/filings/${await filing(c)}`, expect: deny(404) }),
  },
  'POST /api/v1/exchange/filings/:filingId/confirm': {
    success: async (c) => ({ token: c.b.staffToken, url: `/api/v1/exchange/filings/${await filing(c)}/confirm` }),
    status: 200,
    refused: async (c) => ({ token: c.a.staffToken, url: `/api/v1/exchange/filings/${await filing(c)}/confirm` }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/exchange/filings/${await filing(c)}/confirm`, expect: deny(404) }),
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
