/** Route cases: sharing requests (共享申请); and the fixtures the sharing tests share. */
import { expect } from 'vitest';
import type { Harness, Reply, TestOrg } from '../harness.js';
import type { Case, Ctx } from './route.cases.js';

const CREDIT = 'cat_theme000000000000001';
const G = (generalLevel: number, personalInfo = 'none') => ({ level: 'general', generalLevel, personalInfo });
/** A company electricity table: a key, a name, a personal contact phone (masked by the gateway), a figure. */
export const SHARING_FIELDS = [
  { name: 'uscc', label: { zh: '统一社会信用代码', en: 'USCC' }, dataType: 'string', key: true, grade: G(1) },
  { name: 'company', label: { zh: '企业名称', en: 'Company' }, dataType: 'string', grade: G(1) },
  { name: 'contact_phone', label: { zh: '联系电话', en: 'Contact phone' }, dataType: 'string', grade: G(3, 'personal') },
  { name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G(2) },
];
export const SHARING_CSV = [
  'uscc,company,contact_phone,kwh',
  '91440101MA5CXXXX01,广州甲电子有限公司,13800138000,1200.5',
  '91440101MA5CXXXX02,广州乙食品有限公司,13900139000,860',
  '91440101MA5CXXXX03,广州丙物流有限公司,13700137000,15000',
].join('\n');

export type SharingAttr = { type: 'unconditional' | 'conditional' | 'none'; conditions?: string; legalBasis?: string };
export const SHARING = {
  unconditional: { type: 'unconditional' },
  conditional: { type: 'conditional', conditions: '仅用于企业信用评价，不得转授' },
  none: { type: 'none', legalBasis: '《中华人民共和国统计法》第二十五条' },
} satisfies Record<string, SharingAttr>;

/** A published public resource of `owner` with the given sharing class, with a table mounted (published by `bureau`). */
export async function sharedResource(h: Harness, owner: TestOrg, bureau: TestOrg, sharing: SharingAttr, tag: string): Promise<string> {
  return h.publishedTable(owner, bureau, { title: { zh: `企业用电${tag}`, en: `Company electricity ${tag}` }, categoryId: CREDIT, fields: SHARING_FIELDS, sharing, open: { type: 'none' } }, SHARING_CSV);
}

/** Per context: a requesting public body and two mounted resources of the public body `gov`. */
const fixtures = new WeakMap<Ctx, Promise<{ asker: TestOrg; cond: string; uncond: string }>>();
function sharingFixture(c: Ctx) {
  let f = fixtures.get(c);
  if (!f) {
    f = (async () => ({
      asker: await c.h.org(['source_unit'], 'Asker', 'government'),
      cond: await sharedResource(c.h, c.gov, c.dbA, SHARING.conditional, `route${c.n()}`),
      uncond: await sharedResource(c.h, c.gov, c.dbA, SHARING.unconditional, `route${c.n()}`),
    }))();
    fixtures.set(c, f);
  }
  return f;
}

const ask = (resourceId: string) => ({ resourceId, fields: ['uscc', 'kwh'], purpose: '企业信用评价', legalBasis: '《广东省社会信用条例》', validTo: new Date(Date.now() + 365 * 86_400_000).toISOString() });

/** A fresh request by the asker: pending (conditional resource) or granted (unconditional). */
async function request(c: Ctx, state: 'pending' | 'granted'): Promise<string> {
  const f = await sharingFixture(c);
  const r = await c.h.call('POST', '/api/v1/sharing/requests', { token: f.asker.staffToken, body: ask(state === 'pending' ? f.cond : f.uncond) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.status).toBe(state);
  return r.body.id as string;
}

const hiddenRequest = (r: Reply) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe('SHARING_REQUEST_NOT_FOUND');
};
const url = (id: string, action: string) => `/api/v1/sharing/requests/${id}/${action}`;

export const SHARING_CASES: Record<string, Case> = {
  'POST /api/v1/sharing/requests': {
    success: async (c) => {
      const f = await sharingFixture(c);
      return { token: f.asker.staffToken, url: '/api/v1/sharing/requests', body: ask(f.cond) };
    },
    status: 201,
    // An enterprise is not a public body: it uses open data instead.
    refused: async (c) => ({ token: c.a.staffToken, url: '/api/v1/sharing/requests', body: ask((await sharingFixture(c)).cond) }),
    crossOrg: { notApplicable: "a request is always made for the caller's own organisation (no organisation parameter); a third body's access to requests is denied in the per-request cases" },
  },
  'GET /api/v1/sharing/requests': {
    success: async (c) => ({ token: (await sharingFixture(c)).asker.auditorToken, url: '/api/v1/sharing/requests?box=sent&overdue=false' }),
    status: 200,
    crossOrg: async (c) => {
      const id = await request(c, 'pending');
      return { token: c.b.staffToken, url: '/api/v1/sharing/requests?box=received&pageSize=200', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      } };
    },
  },
  'GET /api/v1/sharing/requests/:requestId': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/sharing/requests/${await request(c, 'pending')}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/sharing/requests/${await request(c, 'pending')}`, expect: hiddenRequest }),
  },
  'POST /api/v1/sharing/requests/:requestId/approve': {
    success: async (c) => ({ token: c.gov.staffToken, url: url(await request(c, 'pending'), 'approve'), body: { fields: ['uscc'] } }),
    status: 200,
    // The requester cannot approve its own request.
    refused: async (c) => ({ token: (await sharingFixture(c)).asker.staffToken, url: url(await request(c, 'pending'), 'approve'), body: {} }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: url(await request(c, 'pending'), 'approve'), body: {}, expect: hiddenRequest }),
  },
  'POST /api/v1/sharing/requests/:requestId/reject': {
    success: async (c) => ({ token: c.gov.staffToken, url: url(await request(c, 'pending'), 'reject'), body: { reason: '用途与职责无关' } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: url(await request(c, 'granted'), 'reject'), body: { reason: '已共享' } }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: url(await request(c, 'pending'), 'reject'), body: { reason: 'x' }, expect: hiddenRequest }),
  },
  'POST /api/v1/sharing/requests/:requestId/withdraw': {
    success: async (c) => ({ token: (await sharingFixture(c)).asker.staffToken, url: url(await request(c, 'pending'), 'withdraw') }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: url(await request(c, 'pending'), 'withdraw') }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: url(await request(c, 'pending'), 'withdraw'), expect: hiddenRequest }),
  },
  'POST /api/v1/sharing/requests/:requestId/narrow': {
    success: async (c) => ({ token: c.gov.staffToken, url: url(await request(c, 'granted'), 'narrow'), body: { fields: ['uscc'] } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: url(await request(c, 'granted'), 'narrow'), body: { fields: ['uscc', 'company'] } }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: url(await request(c, 'granted'), 'narrow'), body: { fields: ['uscc'] }, expect: hiddenRequest }),
  },
  'POST /api/v1/sharing/requests/:requestId/revoke': {
    success: async (c) => ({ token: c.gov.adminToken, url: url(await request(c, 'granted'), 'revoke'), body: { reason: '监督检查发现超范围使用' } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: url(await request(c, 'pending'), 'revoke'), body: { reason: '未共享' } }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: url(await request(c, 'granted'), 'revoke'), body: { reason: 'x' }, expect: hiddenRequest }),
  },
};
