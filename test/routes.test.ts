/**
 * Route-table-driven checks (DESIGN.md §6.8). Every route the server knows must appear in CASES:
 * - a state-changing route (one that declares `config.event`) must, on success, put that event in
 *   the ledger with the request id, and on a refused attempt record `platform.request.refused`;
 * - every route has a cross-organisation case: a call by another organisation that must be denied
 *   or must not reveal private fields, or a stated reason why the route cannot address another
 *   organisation's records at all.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './db.js';
import { ADMIN_PASSWORD, Harness, randomUscc, useLiutong, USER_PASSWORD, type Reply, type TestOrg } from './harness.js';
import { cosignCheckpoint, generateNoteKey, openNote, parseWitnessSignerKey, witnessVerifierKey } from '../src/modules/ledger/index.js';

interface Call {
  token?: string;
  url: string;
  body?: unknown;
}
interface Ctx {
  h: Harness;
  a: TestOrg;
  b: TestOrg;
  regA: TestOrg;
  regB: TestOrg;
  /** Data bureaus (catalog owners) and a source unit. */
  dbA: TestOrg;
  dbB: TestOrg;
  src: TestOrg;
  /** A public body (government source unit): its resources are public data. */
  gov: TestOrg;
  witnessSigner: string;
  n: () => number;
}
interface Case {
  success: (c: Ctx) => Promise<Call> | Call;
  status: number;
  refused?: (c: Ctx) => Promise<Call> | Call;
  crossOrg: ((c: Ctx) => Promise<Call & { expect: (r: Reply) => void }>) | { notApplicable: string };
}

const deny = (status = 403) => (r: Reply) => expect(r.status).toBe(status);
const digest = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const PUBLIC = { notApplicable: 'public information, no organisation-private data' };

/** A fresh data element owned by bureau A (or `owner`). */
async function newElement(c: Ctx, owner: TestOrg = c.dbA): Promise<string> {
  const n = c.n();
  const r = await c.h.call('POST', '/api/v1/catalog/elements', { token: owner.staffToken, body: { identifier: `DE.ROUTE${n}`, name: { zh: `路由数据元${n}`, en: `Route element ${n}` }, dataType: 'string', sourceOrgId: c.src.id } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
const CATEGORY_TREE = { notApplicable: 'the category tree is platform-wide configuration kept by the data bureau; no organisation-private data' };

/** A draft resource of `org` (default: the public body), graded, with sharing and open attributes. */
async function newResource(c: Ctx, org: TestOrg = c.gov): Promise<string> {
  const n = c.n();
  const r = await c.h.call('POST', '/api/v1/catalog/resources', { token: org.staffToken, body: {
    title: { zh: `路由资源${n}`, en: `Route resource ${n}` }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
    fields: [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: { level: 'general', generalLevel: 2, personalInfo: 'none' } }],
    sharing: { type: 'conditional', conditions: '仅用于审批' }, open: { type: 'none' },
  } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
/** A resource of `org` taken to `state`: submitted, or published (public data by bureau A, social data by its own org_admin). */
async function resourceIn(c: Ctx, state: 'submitted' | 'published', org: TestOrg = c.gov): Promise<string> {
  const id = await newResource(c, org);
  expect((await c.h.call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: org.staffToken })).status).toBe(200);
  if (state === 'published') {
    const p = await c.h.call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: org === c.gov ? c.dbA.staffToken : org.adminToken });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  }
  return id;
}
const forbiddenOrg = (r: Reply) => {
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
};
const hidden = (r: Reply) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe('CATALOG_RESOURCE_NOT_FOUND');
};
const GRADE = { level: 'general', generalLevel: 3, personalInfo: 'personal' };

const STANDARD = { notApplicable: 'the data element standard is published to every signed-in user; no organisation-private data' };

async function latestCosignLine(c: Ctx) {
  const cp = (await c.h.call('GET', '/api/v1/ledger/checkpoint')).body;
  return { size: cp.size as number, line: cosignCheckpoint(openNote(cp.note, []).text, c.witnessSigner, Math.floor(Date.now() / 1000)) };
}

const CASES: Record<string, Case> = {
  'GET /api/openapi.json': { success: () => ({ url: '/api/openapi.json' }), status: 200, crossOrg: PUBLIC },
  'GET /healthz': { success: () => ({ url: '/healthz' }), status: 200, crossOrg: PUBLIC },
  'GET /readyz': { success: () => ({ url: '/readyz' }), status: 200, crossOrg: PUBLIC },
  'GET /metrics': { success: () => ({ url: '/metrics' }), status: 200, crossOrg: { notApplicable: 'process metrics only, no records' } },
  'GET /*': { success: () => ({ url: '/console/orgs' }), status: 200, crossOrg: { notApplicable: 'the console and portal pages: the same static files for everyone' } },
  'GET /.well-known/did.json': { success: () => ({ url: '/.well-known/did.json' }), status: 200, crossOrg: PUBLIC },
  'GET /orgs/:orgId/did.json': { success: (c) => ({ url: `/orgs/${c.a.id}/did.json` }), status: 200, crossOrg: PUBLIC },

  'POST /api/v1/auth/login': {
    success: () => ({ url: '/api/v1/auth/login', body: { login: 'admin', password: ADMIN_PASSWORD } }),
    status: 200,
    refused: () => ({ url: '/api/v1/auth/login', body: { login: 'admin', password: 'wrong-password-1' } }),
    crossOrg: { notApplicable: 'credentials select the account; there is no organisation parameter' },
  },
  'POST /api/v1/auth/logout': {
    success: async (c) => ({ token: await c.h.login('admin', ADMIN_PASSWORD), url: '/api/v1/auth/logout' }),
    status: 204,
    refused: () => ({ url: '/api/v1/auth/logout' }),
    crossOrg: { notApplicable: 'ends only the session of the token presented' },
  },
  'GET /api/v1/me': { success: (c) => ({ token: c.a.staffToken, url: '/api/v1/me' }), status: 200, crossOrg: { notApplicable: 'describes only the caller' } },
  'POST /api/v1/orgs': {
    success: (c) => ({ token: c.h.adminToken, url: '/api/v1/orgs', body: { name: { zh: `路由${c.n()}`, en: `Route ${c.n()}` }, uscc: randomUscc(), roles: ['enterprise'] } }),
    status: 201,
    refused: (c) => ({ token: c.a.adminToken, url: '/api/v1/orgs', body: { name: { zh: 'x', en: 'x' }, uscc: randomUscc(), roles: ['enterprise'] } }),
    crossOrg: { notApplicable: 'creates a new organisation; who may grant which role is tested in identity.http.test.ts' },
  },
  'GET /api/v1/orgs': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/orgs' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: '/api/v1/orgs?pageSize=200', expect: (r) => expect(JSON.stringify(r.body)).not.toMatch(/username|passwordHash|key_hash|privateKey/) }),
  },
  'GET /api/v1/orgs/:orgId': {
    success: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.a.id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.b.id}`, expect: (r) => expect(Object.keys(r.body).sort()).toEqual(['createdAt', 'did', 'id', 'name', 'roles', 'status', 'type', 'uscc']) }),
  },
  'GET /api/v1/orgs/:orgId/users': {
    success: (c) => ({ token: c.a.auditorToken, url: `/api/v1/orgs/${c.a.id}/users` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/users`, expect: deny() }),
  },
  'POST /api/v1/orgs/:orgId/users': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/users`, body: { username: `route${c.n()}`, displayName: 'R', password: USER_PASSWORD, memberRole: 'staff' } }),
    status: 201,
    refused: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.a.id}/users`, body: { username: `route${c.n()}`, displayName: 'R', password: USER_PASSWORD, memberRole: 'staff' } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/users`, body: { username: `route${c.n()}`, displayName: 'R', password: USER_PASSWORD, memberRole: 'org_admin' }, expect: deny() }),
  },
  'GET /api/v1/orgs/:orgId/api-keys': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/api-keys`, expect: deny() }),
  },
  'POST /api/v1/orgs/:orgId/api-keys': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys`, body: { name: 'k' } }),
    status: 201,
    refused: (c) => ({ token: c.a.auditorToken, url: `/api/v1/orgs/${c.a.id}/api-keys`, body: { name: 'k' } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/api-keys`, body: { name: 'k' }, expect: deny() }),
  },
  'DELETE /api/v1/orgs/:orgId/api-keys/:keyId': {
    success: async (c) => {
      const k = await c.h.call('POST', `/api/v1/orgs/${c.a.id}/api-keys`, { token: c.a.adminToken, body: { name: 'to revoke' } });
      return { token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys/${k.body.id}` };
    },
    status: 204,
    refused: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/api-keys/key_doesnotexist0000000` }),
    crossOrg: async (c) => {
      const k = await c.h.call('POST', `/api/v1/orgs/${c.b.id}/api-keys`, { token: c.b.adminToken, body: { name: 'b key' } });
      // Through its own organisation's path the key of B is not found either.
      const own = await c.h.call('DELETE', `/api/v1/orgs/${c.a.id}/api-keys/${k.body.id}`, { token: c.a.adminToken });
      expect(own.status).toBe(404);
      return { token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/api-keys/${k.body.id}`, expect: deny() };
    },
  },
  'GET /api/v1/orgs/:orgId/keys': { success: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.b.id}/keys` }), status: 200, crossOrg: { notApplicable: 'public verification keys, also published in the DID document' } },
  'POST /api/v1/orgs/:orgId/keys/rotate': {
    success: (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.a.id}/keys/rotate` }),
    status: 200,
    refused: (c) => ({ token: c.a.staffToken, url: `/api/v1/orgs/${c.a.id}/keys/rotate` }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/orgs/${c.b.id}/keys/rotate`, expect: deny() }),
  },
  'POST /api/v1/seals/sign': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/seals/sign', body: { payload: { n: c.n() } } }),
    status: 200,
    refused: (c) => ({ token: c.a.auditorToken, url: '/api/v1/seals/sign', body: { payload: 1 } }),
    crossOrg: { notApplicable: "always seals with the caller's own organisation key; no organisation parameter" },
  },
  'POST /api/v1/seals/verify': { success: () => ({ url: '/api/v1/seals/verify', body: { payload: 1, seal: {} } }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/key': { success: () => ({ url: '/api/v1/ledger/key' }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/checkpoint': { success: () => ({ url: '/api/v1/ledger/checkpoint' }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/checkpoints/:size': {
    success: async (c) => ({ url: `/api/v1/ledger/checkpoints/${(await c.h.call('GET', '/api/v1/ledger/checkpoint')).body.size}` }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/ledger/consistency': { success: () => ({ url: '/api/v1/ledger/consistency?from=1&to=2' }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/ledger/entries': {
    success: (c) => ({ token: c.a.staffToken, url: `/api/v1/ledger/entries?orgId=${c.a.id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/ledger/entries?orgId=${c.b.id}`, expect: (r) => {
      expect(r.body.items.length).toBeGreaterThan(0);
      for (const item of r.body.items) expect(item).not.toHaveProperty('payload');
    } }),
  },
  'GET /api/v1/ledger/entries/:index': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/ledger/entries/0' }),
    status: 200,
    crossOrg: async (c) => {
      const own = (await c.h.call('GET', `/api/v1/ledger/entries?orgId=${c.b.id}&pageSize=1`, { token: c.b.staffToken })).body.items[0];
      expect(own).toHaveProperty('payload');
      return { token: c.a.staffToken, url: `/api/v1/ledger/entries/${own.index}`, expect: (r) => expect(r.body).not.toHaveProperty('payload') };
    },
  },
  'GET /api/v1/ledger/entries/:index/receipt': { success: () => ({ url: '/api/v1/ledger/entries/0/receipt' }), status: 200, crossOrg: { notApplicable: 'receipts carry no payload, only its digest' } },
  'GET /api/v1/ledger/events/:eventId/receipt': {
    success: async (c) => ({ url: `/api/v1/ledger/events/${JSON.parse(JSON.stringify((await c.h.call('GET', '/api/v1/ledger/entries/0/receipt')).body.entry)).id}/receipt` }),
    status: 200,
    crossOrg: { notApplicable: 'receipts carry no payload, only its digest' },
  },
  'GET /api/v1/ledger/witnesses': { success: () => ({ url: '/api/v1/ledger/witnesses' }), status: 200, crossOrg: PUBLIC },
  'POST /api/v1/ledger/witnesses': {
    success: (c) => {
      const k = parseWitnessSignerKey(generateNoteKey(`w${c.n()}.route`).signerKey);
      return { token: c.regB.adminToken, url: '/api/v1/ledger/witnesses', body: { verifierKey: witnessVerifierKey(k.name, k.publicKey) } };
    },
    status: 201,
    refused: (c) => {
      const k = parseWitnessSignerKey(generateNoteKey(`w${c.n()}.route`).signerKey);
      return { token: c.a.adminToken, url: '/api/v1/ledger/witnesses', body: { verifierKey: witnessVerifierKey(k.name, k.publicKey) } };
    },
    crossOrg: { notApplicable: "registers a key for the caller's own organisation" },
  },
  'POST /api/v1/ledger/checkpoints/:size/cosignatures': {
    success: async (c) => {
      const { size, line } = await latestCosignLine(c);
      return { token: c.regA.staffToken, url: `/api/v1/ledger/checkpoints/${size}/cosignatures`, body: { cosignature: line } };
    },
    status: 201,
    refused: async (c) => {
      const { size, line } = await latestCosignLine(c);
      return { token: c.a.adminToken, url: `/api/v1/ledger/checkpoints/${size}/cosignatures`, body: { cosignature: line } };
    },
    crossOrg: async (c) => {
      const { size, line } = await latestCosignLine(c);
      return { token: c.regB.adminToken, url: `/api/v1/ledger/checkpoints/${size}/cosignatures`, body: { cosignature: line }, expect: (r) => {
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('LEDGER_WITNESS_UNKNOWN');
      } };
    },
  },
  'POST /api/v1/ledger/attestations': {
    success: (c) => ({ token: c.a.staffToken, url: '/api/v1/ledger/attestations', body: { digest: digest(String(c.n())), title: '文件' } }),
    status: 201,
    refused: (c) => ({ token: c.a.auditorToken, url: '/api/v1/ledger/attestations', body: { digest: digest('x'), title: 'x' } }),
    crossOrg: { notApplicable: "records for the caller's own organisation only" },
  },
  'GET /api/v1/catalog/validators': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/catalog/validators' }), status: 200, crossOrg: STANDARD },
  'POST /api/v1/catalog/elements': {
    success: (c) => {
      const n = c.n();
      return { token: c.dbA.staffToken, url: '/api/v1/catalog/elements', body: { identifier: `DE.NEW${n}`, name: { zh: `新数据元${n}`, en: `New element ${n}` }, dataType: 'string', sourceOrgId: c.src.id } };
    },
    status: 201,
    refused: (c) => ({ token: c.a.adminToken, url: '/api/v1/catalog/elements', body: { identifier: 'DE.REFUSED', name: { zh: '拒绝', en: 'Refused' }, dataType: 'string', sourceOrgId: c.src.id } }),
    crossOrg: { notApplicable: "always owned by the caller's own bureau; the source unit named is checked in catalog.http.test.ts" },
  },
  'POST /api/v1/catalog/elements/import': {
    success: async (c) => {
      const n = c.n();
      const uscc = (await c.h.call('GET', `/api/v1/orgs/${c.src.id}`, { token: c.h.adminToken })).body.uscc;
      const csv = `identifier,name_zh,name_en,data_type,source_uscc\nDE.IMPORT${n},导入数据元${n},Imported element ${n},string,${uscc}\n`;
      return { token: c.dbA.staffToken, url: '/api/v1/catalog/elements/import', body: { format: 'csv', contentBase64: Buffer.from(csv).toString('base64') } };
    },
    status: 201,
    refused: (c) => ({ token: c.a.adminToken, url: '/api/v1/catalog/elements/import', body: { format: 'csv', contentBase64: Buffer.from('identifier\n').toString('base64') } }),
    crossOrg: { notApplicable: "imported elements are always owned by the caller's own bureau" },
  },
  'GET /api/v1/catalog/elements/export': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/catalog/elements/export?format=csv' }), status: 200, crossOrg: STANDARD },
  'GET /api/v1/catalog/elements': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/catalog/elements?q=DE&sort=createdAt&order=desc' }), status: 200, crossOrg: STANDARD },
  'GET /api/v1/catalog/elements/:elementId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/catalog/elements/${await newElement(c)}` }),
    status: 200,
    crossOrg: STANDARD,
  },
  'PATCH /api/v1/catalog/elements/:elementId': {
    success: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/elements/${await newElement(c)}`, body: { unit: '个' } }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.auditorToken, url: `/api/v1/catalog/elements/${await newElement(c)}`, body: { unit: '个' } }),
    crossOrg: async (c) => ({ token: c.dbB.adminToken, url: `/api/v1/catalog/elements/${await newElement(c)}`, body: { unit: '个' }, expect: (r) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    } }),
  },
  'POST /api/v1/catalog/elements/:elementId/retire': {
    success: async (c) => ({ token: c.dbA.adminToken, url: `/api/v1/catalog/elements/${await newElement(c)}/retire` }),
    status: 200,
    refused: async (c) => {
      const id = await newElement(c);
      await c.h.call('POST', `/api/v1/catalog/elements/${id}/retire`, { token: c.dbA.staffToken });
      return { token: c.dbA.staffToken, url: `/api/v1/catalog/elements/${id}/retire` };
    },
    crossOrg: async (c) => ({ token: c.dbB.staffToken, url: `/api/v1/catalog/elements/${await newElement(c)}/retire`, expect: (r) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    } }),
  },
  'POST /api/v1/catalog/elements/:elementId/check': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/catalog/elements/${await newElement(c)}/check`, body: { value: 'x' } }),
    status: 200,
    crossOrg: STANDARD,
  },
  'GET /api/v1/catalog/categories': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/catalog/categories' }), status: 200, crossOrg: CATEGORY_TREE },
  'POST /api/v1/catalog/categories': {
    success: (c) => ({ token: c.dbA.staffToken, url: '/api/v1/catalog/categories', body: { code: `theme.route${c.n()}`, name: { zh: '路由分类', en: 'Route category' }, parentId: 'cat_theme000000000000000' } }),
    status: 201,
    refused: (c) => ({ token: c.a.adminToken, url: '/api/v1/catalog/categories', body: { code: `theme.refused${c.n()}`, name: { zh: '拒绝', en: 'Refused' } } }),
    crossOrg: CATEGORY_TREE,
  },
  'PATCH /api/v1/catalog/categories/:categoryId': {
    success: async (c) => {
      const r = await c.h.call('POST', '/api/v1/catalog/categories', { token: c.dbA.staffToken, body: { code: `theme.move${c.n()}`, name: { zh: '移动', en: 'Move' } } });
      return { token: c.dbA.adminToken, url: `/api/v1/catalog/categories/${r.body.id}`, body: { parentId: 'cat_theme000000000000000', name: { zh: '已移动', en: 'Moved' } } };
    },
    status: 200,
    refused: (c) => ({ token: c.dbA.staffToken, url: '/api/v1/catalog/categories/cat_theme000000000000000', body: { parentId: 'cat_theme000000000000001' } }),
    crossOrg: CATEGORY_TREE,
  },
  'POST /api/v1/catalog/resources': {
    success: async (c) => ({ token: c.gov.staffToken, url: '/api/v1/catalog/resources', body: { title: { zh: '新资源', en: 'New resource' }, categoryId: 'cat_base0000000000000001', updateFrequency: 'daily', format: 'api', fields: [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string' }] } }),
    status: 201,
    refused: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/catalog/resources', body: { title: { zh: '拒绝', en: 'Refused' }, categoryId: 'cat_base0000000000000001', updateFrequency: 'daily', format: 'api', fields: [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string' }] } }),
    crossOrg: { notApplicable: "always catalogued for the caller's own organisation; there is no organisation parameter" },
  },
  'GET /api/v1/catalog/resources': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/catalog/resources?scope=public&level=general&q=%E8%B7%AF%E7%94%B1' }),
    status: 200,
    crossOrg: async (c) => {
      const social = await resourceIn(c, 'published', c.a);
      return { token: c.b.staffToken, url: '/api/v1/catalog/resources?pageSize=200', expect: (r) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((i: any) => i.id)).not.toContain(social);
        expect(r.body.items.every((i: any) => i.scope === 'public' || i.sourceOrgId === c.b.id)).toBe(true);
      } };
    },
  },
  'GET /api/v1/catalog/resources/:resourceId': {
    success: async (c) => ({ token: c.b.auditorToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'published')}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'published', c.a)}`, expect: hidden }),
  },
  'PATCH /api/v1/catalog/resources/:resourceId': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'published')}`, body: { coverage: '全省' } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'submitted')}`, body: { coverage: '全省' } }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'published')}`, body: { coverage: '全省' }, expect: forbiddenOrg }),
  },
  'PUT /api/v1/catalog/resources/:resourceId/fields/:field/grade': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/fields/kwh/grade`, body: GRADE }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/fields/kwh/grade`, body: { level: 'core', personalInfo: 'none' } }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/catalog/resources/${await newResource(c, c.a)}/fields/kwh/grade`, body: GRADE, expect: hidden }),
  },
  'POST /api/v1/catalog/resources/:resourceId/submit': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/submit` }),
    status: 200,
    refused: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/resources/${await newResource(c)}/submit` }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/catalog/resources/${await newResource(c)}/submit`, expect: forbiddenOrg }),
  },
  'POST /api/v1/catalog/resources/:resourceId/publish': {
    success: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'submitted')}/publish` }),
    status: 200,
    refused: async (c) => ({ token: c.gov.adminToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'submitted')}/publish` }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'submitted', c.a)}/publish`, expect: hidden }),
  },
  'POST /api/v1/catalog/resources/:resourceId/deprecate': {
    success: async (c) => ({ token: c.gov.adminToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'published')}/deprecate` }),
    status: 200,
    refused: async (c) => ({ token: c.gov.adminToken, url: `/api/v1/catalog/resources/${await newResource(c)}/deprecate` }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/catalog/resources/${await resourceIn(c, 'published')}/deprecate`, expect: forbiddenOrg }),
  },
};

describeEachEngine('route table', (engine) => {
  const h = useLiutong(engine);
  let ctx: Ctx;

  beforeAll(async () => {
    let counter = 0;
    const [a, b, regA, regB] = [await h().org(['enterprise'], 'A'), await h().org(['enterprise'], 'B'), await h().org(['regulator'], 'RegA'), await h().org(['regulator'], 'RegB')];
    const [dbA, dbB, src] = [await h().org(['data_bureau'], 'BureauA'), await h().org(['data_bureau'], 'BureauB'), await h().org(['source_unit'], 'Source')];
    const gov = await h().org(['source_unit'], 'Gov', 'government');
    const witnessSigner = generateNoteKey(`witness.${regA.id}`).signerKey;
    const w = parseWitnessSignerKey(witnessSigner);
    const reg = await h().call('POST', '/api/v1/ledger/witnesses', { token: regA.adminToken, body: { verifierKey: witnessVerifierKey(w.name, w.publicKey) } });
    expect(reg.status).toBe(201);
    await h().call('POST', '/api/v1/seals/sign', { token: b.staffToken, body: { payload: 'b' } });
    await h().lt.flush();
    ctx = { h: h(), a, b, regA, regB, dbA, dbB, src, gov, witnessSigner, n: () => ++counter + Math.floor(Math.random() * 1e6) };
  });

  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('has a case for every route, and no case for a route that does not exist', () => {
    const routes = h().lt.routes.map(key);
    expect(routes.filter((r) => !CASES[r])).toEqual([]);
    expect(Object.keys(CASES).filter((c) => !routes.includes(c))).toEqual([]);
  });

  it('lists every /api/v1 route in the OpenAPI document', async () => {
    const doc = (await h().call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const r of h().lt.routes.filter((x) => x.url.startsWith('/api/v1'))) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[p]?.[r.method.toLowerCase()], `${key(r)} in OpenAPI`).toBeTruthy();
    }
  });

  async function send(method: string, call: Call): Promise<Reply> {
    return h().call(method, call.url, { ...(call.token ? { token: call.token } : {}), ...(call.body !== undefined ? { body: call.body } : {}) });
  }

  async function ledgerHas(type: string, requestId: string): Promise<boolean> {
    await h().lt.flush();
    const r = await h().call('GET', `/api/v1/ledger/entries?type=${type}&order=desc&pageSize=50`, { token: h().adminToken });
    return r.body.items.some((i: any) => i.entry.requestId === requestId);
  }

  for (const [name, c] of Object.entries(CASES)) {
    const [method] = name.split(' ') as [string];
    describe(name, () => {
      it('succeeds for an authorized caller', async () => {
        const route = h().lt.routes.find((r) => key(r) === name);
        if (!route) return; // reported by the completeness test
        const r = await send(method, await c.success(ctx));
        expect(r.status, JSON.stringify(r.body)).toBe(c.status);
        if (route.event) {
          expect(await ledgerHas(route.event, r.headers['x-request-id'] as string), `${route.event} recorded`).toBe(true);
        }
      });

      it('records a refused attempt as evidence (state-changing routes)', async () => {
        const route = h().lt.routes.find((r) => key(r) === name);
        if (!route?.event) {
          expect(c.refused, 'only state-changing routes have refusal cases').toBeUndefined();
          return;
        }
        expect(c.refused, `${name} declares event ${route.event} and needs a refusal case`).toBeDefined();
        const r = await send(method, await c.refused!(ctx));
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(await ledgerHas('platform.request.refused', r.headers['x-request-id'] as string)).toBe(true);
      });

      it('denies or hides across organisations', async () => {
        if ('notApplicable' in c.crossOrg) {
          expect(c.crossOrg.notApplicable.length).toBeGreaterThan(10);
          return;
        }
        const call = await c.crossOrg(ctx);
        const r = await send(method, call);
        call.expect(r);
      });
    });
  }
});
