/** Route cases: the catalog (elements, categories, resources). */
import { expect } from 'vitest';
import type { Ctx } from './route.cases.js';
import { CATEGORY_TREE, forbiddenOrg, GRADE, hidden, newElement, newResource, resourceIn, STANDARD, type Case } from './route.cases.js';

export const CATALOG_CASES: Record<string, Case> = {
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
  'POST /api/v1/catalog/resources/:resourceId/scan': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await mountedResource(c)}/scan`, body: { apply: true } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/scan`, body: {} }),
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/catalog/resources/${await mountedResource(c)}/scan`, body: {}, expect: (r) => expect([403, 404]).toContain(r.status) }),
  },
};

/** A draft of the public body with one mounted row (field kwh). */
async function mountedResource(c: Ctx): Promise<string> {
  const id = await newResource(c);
  const m = await c.h.lt.app.inject({ method: 'POST', url: `/api/v1/catalog/resources/${id}/mount`, headers: { authorization: `Bearer ${c.gov.staffToken}`, 'content-type': 'text/csv' }, payload: 'kwh\r\n12.5\r\n' });
  expect(m.statusCode, m.body).toBe(201);
  return id;
}
