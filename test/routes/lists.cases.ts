/** Route cases: the three lists (系统清单, 需求清单, overview), census import and the important-data catalogue. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { randomUscc, type Reply } from '../harness.js';
import { resourceIn, type Case, type Ctx } from './route.cases.js';

const notFound = (code: string) => (r: Reply) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe(code);
};
const SYSTEM_HIDDEN = notFound('CATALOG_SYSTEM_NOT_FOUND');
const DEMAND_HIDDEN = notFound('CATALOG_DEMAND_NOT_FOUND');
const CATALOGUE = { notApplicable: 'the important-data catalogue is a published classification standard kept by the data bureau; no organisation-private data' };

/** A system of the public body (c.gov). */
async function newSystem(c: Ctx): Promise<string> {
  const n = c.n();
  const r = await c.h.call('POST', '/api/v1/catalog/systems', { token: c.gov.staffToken, body: { name: { zh: `路由系统${n}`, en: `Route system ${n}` } } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
/** A demand raised by the public body (c.gov). */
async function newDemand(c: Ctx): Promise<string> {
  const n = c.n();
  const r = await c.h.call('POST', '/api/v1/catalog/demands', { token: c.gov.staffToken, body: { title: { zh: `路由需求${n}`, en: `Route demand ${n}` }, purpose: '审批' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function newEntry(c: Ctx): Promise<string> {
  const r = await c.h.call('POST', '/api/v1/catalog/important-data', { token: c.dbA.staffToken, body: { sector: 'energy', name: { zh: '路由条目', en: 'Route entry' }, keywords: [`不匹配任何资源${c.n()}`] } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function censusBook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('organisations');
  const n = Math.floor(Math.random() * 1e9);
  ws.addRow(['name_zh', 'name_en', 'uscc', 'type']);
  ws.addRow([`路由普查${n}`, `Route census ${n}`, randomUscc(), 'government']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export const LISTS_CASES: Record<string, Case> = {
  'POST /api/v1/catalog/systems': {
    success: (c) => ({ token: c.gov.staffToken, url: '/api/v1/catalog/systems', body: { name: { zh: `新系统${c.n()}`, en: 'New system' }, hosting: '政务云' } }),
    status: 201,
    refused: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/catalog/systems', body: { name: { zh: '拒绝', en: 'Refused' } } }),
    crossOrg: (c) => Promise.resolve({ token: c.a.adminToken, url: '/api/v1/catalog/systems', body: { orgId: c.gov.id, name: { zh: `越权${c.n()}`, en: 'Cross' } }, expect: (r: Reply) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    } }),
  },
  'GET /api/v1/catalog/systems': {
    success: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/catalog/systems' }),
    status: 200,
    crossOrg: async (c) => {
      await newSystem(c);
      return { token: c.a.auditorToken, url: `/api/v1/catalog/systems?orgId=${c.gov.id}`, expect: (r: Reply) => expect(r.body.total).toBe(0) };
    },
  },
  'GET /api/v1/catalog/systems/:systemId': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/systems/${await newSystem(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/catalog/systems/${await newSystem(c)}`, expect: SYSTEM_HIDDEN }),
  },
  'PATCH /api/v1/catalog/systems/:systemId': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/systems/${await newSystem(c)}`, body: { launchYear: 2020 } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/systems/${await newSystem(c)}`, body: { launchYear: 2020 } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/catalog/systems/${await newSystem(c)}`, body: { launchYear: 2020 }, expect: SYSTEM_HIDDEN }),
  },
  'POST /api/v1/catalog/systems/:systemId/retire': {
    success: async (c) => ({ token: c.gov.adminToken, url: `/api/v1/catalog/systems/${await newSystem(c)}/retire` }),
    status: 200,
    refused: async (c) => {
      const id = await newSystem(c);
      await c.h.call('POST', `/api/v1/catalog/systems/${id}/retire`, { token: c.gov.staffToken });
      return { token: c.gov.staffToken, url: `/api/v1/catalog/systems/${id}/retire` };
    },
    crossOrg: async (c) => ({ token: c.regA.adminToken, url: `/api/v1/catalog/systems/${await newSystem(c)}/retire`, expect: (r: Reply) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    } }),
  },
  'GET /api/v1/catalog/lists/overview': {
    success: (c) => ({ token: c.dbA.auditorToken, url: `/api/v1/catalog/lists/overview?orgId=${c.gov.id}` }),
    status: 200,
    crossOrg: (c) => Promise.resolve({ token: c.a.auditorToken, url: `/api/v1/catalog/lists/overview?orgId=${c.gov.id}`, expect: (r: Reply) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    } }),
  },
  'POST /api/v1/catalog/demands': {
    success: (c) => ({ token: c.gov.staffToken, url: '/api/v1/catalog/demands', body: { title: { zh: '新需求', en: 'New demand' }, purpose: '审批', wantedFields: '用电量' } }),
    status: 201,
    refused: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/catalog/demands', body: { title: { zh: '拒绝', en: 'Refused' }, purpose: '审批' } }),
    crossOrg: { notApplicable: "a demand is always raised for the caller's own body (no organisation in the request)" },
  },
  'GET /api/v1/catalog/demands': {
    success: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/catalog/demands?status=open' }),
    status: 200,
    crossOrg: async (c) => {
      await newDemand(c);
      return { token: c.a.auditorToken, url: `/api/v1/catalog/demands?orgId=${c.gov.id}`, expect: (r: Reply) => expect(r.body.total).toBe(0) };
    },
  },
  'GET /api/v1/catalog/demands/:demandId': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/demands/${await newDemand(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/catalog/demands/${await newDemand(c)}`, expect: DEMAND_HIDDEN }),
  },
  'GET /api/v1/catalog/demands/:demandId/suggestions': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/demands/${await newDemand(c)}/suggestions` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/catalog/demands/${await newDemand(c)}/suggestions`, expect: DEMAND_HIDDEN }),
  },
  'POST /api/v1/catalog/demands/:demandId/match': {
    success: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/demands/${await newDemand(c)}/match`, body: { resourceIds: [await resourceIn(c, 'published')] } }),
    status: 200,
    refused: async (c) => {
      const id = await newDemand(c);
      await c.h.call('POST', `/api/v1/catalog/demands/${id}/close`, { token: c.gov.staffToken, body: {} });
      return { token: c.gov.staffToken, url: `/api/v1/catalog/demands/${id}/match`, body: { resourceIds: [await resourceIn(c, 'published')] } };
    },
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/catalog/demands/${await newDemand(c)}/match`, body: { resourceIds: [await resourceIn(c, 'published')] }, expect: DEMAND_HIDDEN }),
  },
  'POST /api/v1/catalog/demands/:demandId/close': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/demands/${await newDemand(c)}/close`, body: { reason: '不再需要' } }),
    status: 200,
    refused: async (c) => {
      const id = await newDemand(c);
      await c.h.call('POST', `/api/v1/catalog/demands/${id}/close`, { token: c.gov.staffToken, body: {} });
      return { token: c.gov.staffToken, url: `/api/v1/catalog/demands/${id}/close`, body: {} };
    },
    crossOrg: async (c) => ({ token: c.regA.adminToken, url: `/api/v1/catalog/demands/${await newDemand(c)}/close`, body: {}, expect: (r: Reply) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    } }),
  },
  'POST /api/v1/catalog/important-data': {
    success: (c) => ({ token: c.dbA.staffToken, url: '/api/v1/catalog/important-data', body: { sector: 'transport', name: { zh: '路网数据', en: 'Road network' }, keywords: [`路网${c.n()}`] } }),
    status: 201,
    refused: (c) => ({ token: c.gov.adminToken, url: '/api/v1/catalog/important-data', body: { sector: 'transport', name: { zh: '拒绝', en: 'Refused' }, keywords: ['路网'] } }),
    crossOrg: { notApplicable: "an entry is always owned by the caller's own bureau; retiring another bureau's entry is the retire route's cross-organisation case" },
  },
  'GET /api/v1/catalog/important-data': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/catalog/important-data?sector=energy' }), status: 200, crossOrg: CATALOGUE },
  'GET /api/v1/catalog/important-data/:entryId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/catalog/important-data/${await newEntry(c)}` }),
    status: 200,
    crossOrg: CATALOGUE,
  },
  'POST /api/v1/catalog/important-data/:entryId/retire': {
    success: async (c) => ({ token: c.dbA.adminToken, url: `/api/v1/catalog/important-data/${await newEntry(c)}/retire` }),
    status: 200,
    refused: async (c) => {
      const id = await newEntry(c);
      await c.h.call('POST', `/api/v1/catalog/important-data/${id}/retire`, { token: c.dbA.staffToken });
      return { token: c.dbA.staffToken, url: `/api/v1/catalog/important-data/${id}/retire` };
    },
    crossOrg: async (c) => ({ token: c.dbB.adminToken, url: `/api/v1/catalog/important-data/${await newEntry(c)}/retire`, expect: (r: Reply) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    } }),
  },
  'POST /api/v1/catalog/census/import': {
    success: async (c) => ({ token: c.dbA.staffToken, url: '/api/v1/catalog/census/import', body: { format: 'xlsx', contentBase64: await censusBook() } }),
    status: 201,
    refused: async (c) => ({ token: c.gov.adminToken, url: '/api/v1/catalog/census/import', body: { format: 'xlsx', contentBase64: await censusBook() } }),
    crossOrg: { notApplicable: 'only the data bureau imports, and what it imports is created under the bodies the file names (refusals of other callers are the refusal case)' },
  },
  'GET /api/v1/catalog/census/template': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/catalog/census/template?format=csv&sheet=resources' }), status: 200, crossOrg: { notApplicable: 'an empty template, no data' } },
};
