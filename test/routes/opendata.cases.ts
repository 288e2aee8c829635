/**
 * Route cases: the open-data portal (开放广东). The CKAN action API (/api/3/action/…), the DCAT
 * catalog, the open-dataset list and the apps showcase are public (no login) and show only open
 * data — published public data that is 无条件开放 or 有条件开放 — so they have no organisation-private
 * data to deny across organisations.
 */
import { expect } from 'vitest';
import type { TestOrg } from '../harness.js';
import { publishOpen } from '../opendata/opendata.helpers.js';
import { forbiddenOrg, type Case, type Ctx } from './route.cases.js';

const OPEN_PUBLIC = { notApplicable: 'public open-data route (no login): only open datasets of public bodies, no organisation-private data' };
const AGREEMENT = '仅用于所述用途，不转让、不再识别个人，期满删除。Only for the stated purpose.';

/** Registers `org` as a developer (once). */
async function developer(c: Ctx, org: TestOrg): Promise<void> {
  const r = await c.h.call('POST', '/api/v1/opendata/developers', { token: org.adminToken, body: { contactName: '开发者', contactEmail: 'dev@example.com' } });
  expect([201, 409]).toContain(r.status);
}
const dataset = (c: Ctx, open: 'unconditional' | 'conditional', mount = false) => publishOpen(c.h, c.gov, c.dbA, open, undefined, mount);

/** A submitted application of developer A for a mounted conditional dataset of the public body. */
async function application(c: Ctx): Promise<string> {
  await developer(c, c.a);
  const resourceId = await dataset(c, 'conditional', true);
  const r = await c.h.call('POST', '/api/v1/opendata/applications', { token: c.a.staffToken, body: { resourceId, purpose: '出行研究', agreement: AGREEMENT, acceptConditions: true } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function approved(c: Ctx): Promise<string> {
  const id = await application(c);
  expect((await c.h.call('POST', `/api/v1/opendata/applications/${id}/approve`, { token: c.gov.staffToken, body: {} })).status).toBe(200);
  return id;
}
async function key(c: Ctx): Promise<string> {
  await developer(c, c.a);
  const r = await c.h.call('POST', '/api/v1/opendata/keys', { token: c.a.staffToken, body: { resourceId: await dataset(c, 'unconditional', true) } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function app(c: Ctx): Promise<string> {
  await developer(c, c.a);
  const r = await c.h.call('POST', '/api/v1/opendata/apps', { token: c.a.staffToken, body: { name: { zh: '应用', en: 'App' }, description: { zh: '说明', en: 'About' }, url: 'https://app.example.com', datasetIds: [await dataset(c, 'unconditional')] } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
const hiddenApplication = (r: { status: number; body: any }) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe('OPENDATA_APPLICATION_NOT_FOUND');
};

export const OPENDATA_CASES: Record<string, Case> = {
  'GET /api/3/action/package_list': { success: () => ({ url: '/api/3/action/package_list' }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/3/action/package_show': { success: async (c) => ({ url: `/api/3/action/package_show?id=${await dataset(c, 'unconditional')}` }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/3/action/package_search': { success: () => ({ url: '/api/3/action/package_search?q=route&rows=5' }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/3/action/organization_list': { success: () => ({ url: '/api/3/action/organization_list?all_fields=true' }), status: 200, crossOrg: OPEN_PUBLIC },
  'POST /api/3/action/package_list': { success: () => ({ url: '/api/3/action/package_list', body: { limit: 5 } }), status: 200, crossOrg: OPEN_PUBLIC },
  'POST /api/3/action/package_show': { success: async (c) => ({ url: '/api/3/action/package_show', body: { id: await dataset(c, 'conditional') } }), status: 200, crossOrg: OPEN_PUBLIC },
  'POST /api/3/action/package_search': { success: () => ({ url: '/api/3/action/package_search', body: { q: 'route', rows: 5 } }), status: 200, crossOrg: OPEN_PUBLIC },
  'POST /api/3/action/organization_list': { success: () => ({ url: '/api/3/action/organization_list', body: { all_fields: true } }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/3/action/:action': { success: () => ({ url: '/api/3/action/package_create' }), status: 400, crossOrg: OPEN_PUBLIC },
  'GET /api/v1/public/opendata/datasets': { success: () => ({ url: '/api/v1/public/opendata/datasets?q=route' }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/v1/public/opendata/datasets/:resourceId': { success: async (c) => ({ url: `/api/v1/public/opendata/datasets/${await dataset(c, 'conditional')}` }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/v1/public/dcat.jsonld': { success: () => ({ url: '/api/v1/public/dcat.jsonld' }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/v1/public/dcat/datasets/:resourceId': { success: async (c) => ({ url: `/api/v1/public/dcat/datasets/${await dataset(c, 'unconditional')}` }), status: 200, crossOrg: OPEN_PUBLIC },
  'GET /api/v1/public/opendata/apps': { success: () => ({ url: '/api/v1/public/opendata/apps' }), status: 200, crossOrg: OPEN_PUBLIC },

  'POST /api/v1/opendata/developers': {
    success: async (c) => ({ token: (await c.h.org(['enterprise'], 'Developer')).adminToken, url: '/api/v1/opendata/developers', body: { contactName: '开发者', contactEmail: 'dev@example.com' } }),
    status: 201,
    refused: (c) => ({ token: c.b.auditorToken, url: '/api/v1/opendata/developers', body: { contactName: '开发者', contactEmail: 'dev@example.com' } }),
    crossOrg: { notApplicable: "registers the caller's own organisation; no organisation is named in the request" },
  },
  'GET /api/v1/opendata/developers/me': {
    success: async (c) => {
      await developer(c, c.a);
      return { token: c.a.auditorToken, url: '/api/v1/opendata/developers/me' };
    },
    status: 200,
    crossOrg: { notApplicable: "answers the caller's own organisation's profile only; no organisation is named in the request" },
  },
  'POST /api/v1/opendata/keys': {
    success: async (c) => {
      await developer(c, c.a);
      return { token: c.a.staffToken, url: '/api/v1/opendata/keys', body: { resourceId: await dataset(c, 'unconditional', true) } };
    },
    status: 201,
    refused: async (c) => ({ token: c.a.staffToken, url: '/api/v1/opendata/keys', body: { resourceId: await dataset(c, 'conditional') } }),
    crossOrg: { notApplicable: "a key is always issued to the caller's own organisation; keys of others are covered by the revoke and list cases" },
  },
  'GET /api/v1/opendata/keys': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/opendata/keys' }),
    status: 200,
    crossOrg: async (c) => {
      await key(c);
      return { token: c.b.staffToken, url: '/api/v1/opendata/keys', expect: (r) => expect(r.body.items.some((k: any) => k.developerOrgId !== c.b.id)).toBe(false) };
    },
  },
  'POST /api/v1/opendata/keys/:keyId/revoke': {
    success: async (c) => ({ token: c.a.adminToken, url: `/api/v1/opendata/keys/${await key(c)}/revoke` }),
    status: 200,
    refused: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/opendata/keys/${await key(c)}/revoke` }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/opendata/keys/${await key(c)}/revoke`, expect: (r) => expect([r.status, r.body.error.code]).toEqual([404, 'OPENDATA_KEY_NOT_FOUND']) }),
  },
  'POST /api/v1/opendata/applications': {
    success: async (c) => {
      await developer(c, c.a);
      return { token: c.a.staffToken, url: '/api/v1/opendata/applications', body: { resourceId: await dataset(c, 'conditional'), purpose: '研究', agreement: AGREEMENT, acceptConditions: true } };
    },
    status: 201,
    refused: async (c) => ({ token: c.a.staffToken, url: '/api/v1/opendata/applications', body: { resourceId: await dataset(c, 'conditional'), purpose: '研究', agreement: AGREEMENT, acceptConditions: false } }),
    crossOrg: { notApplicable: "an application is always made by the caller's own organisation; others' applications are covered by the get and decision cases" },
  },
  'GET /api/v1/opendata/applications': {
    success: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/opendata/applications?role=incoming' }),
    status: 200,
    crossOrg: async (c) => {
      const id = await application(c);
      return { token: c.b.staffToken, url: '/api/v1/opendata/applications', expect: (r) => expect(r.body.items.map((x: any) => x.id)).not.toContain(id) };
    },
  },
  'GET /api/v1/opendata/applications/:applicationId': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/opendata/applications/${await application(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/opendata/applications/${await application(c)}`, expect: hiddenApplication }),
  },
  'POST /api/v1/opendata/applications/:applicationId/approve': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/opendata/applications/${await application(c)}/approve`, body: {} }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/opendata/applications/${await approved(c)}/approve`, body: {} }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/opendata/applications/${await application(c)}/approve`, body: {}, expect: hiddenApplication }),
  },
  'POST /api/v1/opendata/applications/:applicationId/reject': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/opendata/applications/${await application(c)}/reject`, body: { reason: '用途不明' } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/opendata/applications/${await application(c)}/reject`, body: { reason: '用途不明' } }),
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/opendata/applications/${await application(c)}/reject`, body: { reason: '用途不明' }, expect: hiddenApplication }),
  },
  'POST /api/v1/opendata/applications/:applicationId/withdraw': {
    success: async (c) => ({ token: c.a.staffToken, url: `/api/v1/opendata/applications/${await application(c)}/withdraw` }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/opendata/applications/${await application(c)}/withdraw` }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/opendata/applications/${await application(c)}/withdraw`, expect: hiddenApplication }),
  },
  'POST /api/v1/opendata/applications/:applicationId/revoke': {
    success: async (c) => ({ token: c.gov.adminToken, url: `/api/v1/opendata/applications/${await approved(c)}/revoke`, body: { reason: '超范围使用' } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.adminToken, url: `/api/v1/opendata/applications/${await application(c)}/revoke`, body: { reason: '超范围使用' } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/opendata/applications/${await approved(c)}/revoke`, body: { reason: '自行撤销' }, expect: forbiddenOrg }),
  },
  'POST /api/v1/opendata/apps': {
    success: async (c) => {
      await developer(c, c.a);
      return { token: c.a.staffToken, url: '/api/v1/opendata/apps', body: { name: { zh: '应用', en: 'App' }, description: { zh: '说明', en: 'About' }, url: 'https://app.example.com', datasetIds: [await dataset(c, 'unconditional')] } };
    },
    status: 201,
    refused: (c) => ({ token: c.a.staffToken, url: '/api/v1/opendata/apps', body: { name: { zh: '应用', en: 'App' }, description: { zh: '说明', en: 'About' }, url: 'https://app.example.com', datasetIds: ['res_00000000000000000000'] } }),
    crossOrg: { notApplicable: "an app is always submitted by the caller's own organisation; listing others' apps is covered by GET /api/v1/opendata/apps" },
  },
  'GET /api/v1/opendata/apps': {
    success: (c) => ({ token: c.dbA.auditorToken, url: '/api/v1/opendata/apps?status=submitted' }),
    status: 200,
    crossOrg: async (c) => {
      const id = await app(c);
      return { token: c.b.staffToken, url: '/api/v1/opendata/apps', expect: (r) => expect(r.body.items.map((x: any) => x.id)).not.toContain(id) };
    },
  },
  'POST /api/v1/opendata/apps/:appId/approve': {
    success: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/opendata/apps/${await app(c)}/approve` }),
    status: 200,
    refused: async (c) => ({ token: c.a.adminToken, url: `/api/v1/opendata/apps/${await app(c)}/approve` }),
    crossOrg: { notApplicable: 'the showcase is reviewed by the data bureau for the whole platform (role check; refusal case covers other organisations)' },
  },
  'POST /api/v1/opendata/apps/:appId/reject': {
    success: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/opendata/apps/${await app(c)}/reject`, body: { reason: '与开放数据无关' } }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.auditorToken, url: `/api/v1/opendata/apps/${await app(c)}/reject`, body: { reason: '与开放数据无关' } }),
    crossOrg: { notApplicable: 'the showcase is reviewed by the data bureau for the whole platform (role check; refusal case covers other organisations)' },
  },
  'POST /api/v1/opendata/apps/:appId/delist': {
    success: async (c) => {
      const id = await app(c);
      expect((await c.h.call('POST', `/api/v1/opendata/apps/${id}/approve`, { token: c.dbA.staffToken })).status).toBe(200);
      return { token: c.dbB.staffToken, url: `/api/v1/opendata/apps/${id}/delist`, body: { reason: '链接失效' } };
    },
    status: 200,
    refused: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/opendata/apps/${await app(c)}/delist`, body: { reason: '链接失效' } }),
    crossOrg: { notApplicable: 'the showcase is reviewed by the data bureau for the whole platform (role check; refusal case covers other organisations)' },
  },
};
