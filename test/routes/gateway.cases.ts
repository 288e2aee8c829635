/** Route cases: the data gateway (grants, granted data, calls, usage, proofs). */
import { expect } from 'vitest';
import type { Reply } from '../harness.js';
import { resourceIn, type Case, type Ctx } from './route.cases.js';

const CSV = { format: 'csv', contentBase64: Buffer.from('kwh\n1.5\n2\n3.25\n').toString('base64') };
/** A published, mounted public resource of the public body (one field `kwh`). */
const mounted = async (c: Ctx) => {
  const id = await resourceIn(c, 'published');
  const r = await c.h.call('POST', `/api/v1/catalog/resources/${id}/mount`, { token: c.gov.staffToken, body: CSV });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return id;
};
/** A direct grant of such a resource to org A. */
const granted = async (c: Ctx) => {
  const resourceId = await mounted(c);
  const g = await c.h.call('POST', '/api/v1/gateway/grants', { token: c.gov.staffToken, body: { resourceId, granteeOrgId: c.a.id, fields: ['kwh'], ratePerMinute: 100 } });
  expect(g.status, JSON.stringify(g.body)).toBe(201);
  return { resourceId, grantId: g.body.id as string };
};
/** A call made by org A under a fresh grant. */
const called = async (c: Ctx) => {
  const { resourceId, grantId } = await granted(c);
  const r = await c.h.call('GET', `/api/v1/data/${resourceId}/rows`, { token: c.a.staffToken });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { resourceId, grantId, callId: r.body.callId as string };
};
/** A published, mounted, unconditionally open resource of the public body. */
const openMounted = async (c: Ctx) => {
  const n = c.n();
  const r = await c.h.call('POST', '/api/v1/catalog/resources', { token: c.gov.staffToken, body: {
    title: { zh: `开放资源${n}`, en: `Open resource ${n}` }, categoryId: 'cat_theme000000000000004', updateFrequency: 'monthly', format: 'table',
    fields: [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: { level: 'general', generalLevel: 1, personalInfo: 'none' } }],
    sharing: { type: 'unconditional' }, open: { type: 'unconditional' },
  } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  expect((await c.h.call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: c.gov.staffToken })).status).toBe(200);
  expect((await c.h.call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: c.dbA.staffToken })).status).toBe(200);
  expect((await c.h.call('POST', `/api/v1/catalog/resources/${id}/mount`, { token: c.gov.staffToken, body: CSV })).status).toBe(201);
  return id;
};
const notFound = (code: string) => (r: Reply) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe(code);
};

export const GATEWAY_CASES: Record<string, Case> = {
  'GET /api/v1/gateway/grants': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/gateway/grants?role=grantee' }),
    status: 200,
    crossOrg: async (c) => {
      const { grantId } = await granted(c);
      return { token: c.b.staffToken, url: '/api/v1/gateway/grants?role=grantee&pageSize=200', expect: (r) => expect(r.body.items.map((g: any) => g.id)).not.toContain(grantId) };
    },
  },
  'GET /api/v1/gateway/grants/:grantId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}`, expect: notFound('GATEWAY_GRANT_NOT_FOUND') }),
  },
  'POST /api/v1/gateway/grants': {
    success: async (c) => ({ token: c.gov.staffToken, url: '/api/v1/gateway/grants', body: { resourceId: await mounted(c), granteeOrgId: c.a.id, fields: ['kwh'] } }),
    status: 201,
    refused: async (c) => ({ token: c.gov.staffToken, url: '/api/v1/gateway/grants', body: { resourceId: await mounted(c), granteeOrgId: c.a.id, fields: ['nope'] } }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: '/api/v1/gateway/grants', body: { resourceId: await mounted(c), granteeOrgId: c.a.id, fields: ['kwh'] }, expect: (r) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('GATEWAY_GRANTOR_NOT_OWNER');
    } }),
  },
  'PATCH /api/v1/gateway/grants/:grantId': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}`, body: { ratePerMinute: 10 } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}`, body: { ratePerMinute: 1000 } }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}`, body: { ratePerMinute: 1 }, expect: notFound('GATEWAY_GRANT_NOT_FOUND') }),
  },
  'POST /api/v1/gateway/grants/:grantId/revoke': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}/revoke`, body: { reason: '到期前终止' } }),
    status: 200,
    // The grantee may not revoke (only the grantor).
    refused: async (c) => ({ token: c.a.staffToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}/revoke`, body: { reason: 'x' } }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/gateway/grants/${(await granted(c)).grantId}/revoke`, body: { reason: 'x' }, expect: notFound('GATEWAY_GRANT_NOT_FOUND') }),
  },
  'GET /api/v1/gateway/calls': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/gateway/calls?role=grantee' }),
    status: 200,
    crossOrg: async (c) => {
      const { callId } = await called(c);
      return { token: c.b.staffToken, url: '/api/v1/gateway/calls?role=grantor&pageSize=200', expect: (r) => expect(r.body.items.map((x: any) => x.id)).not.toContain(callId) };
    },
  },
  'GET /api/v1/gateway/usage': {
    success: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/gateway/usage?role=grantor' }),
    status: 200,
    crossOrg: async (c) => {
      const { grantId } = await called(c);
      return { token: c.b.staffToken, url: '/api/v1/gateway/usage?role=grantor', expect: (r) => expect(r.body.grants.map((g: any) => g.grantId)).not.toContain(grantId) };
    },
  },
  'GET /api/v1/gateway/calls/:callId/proof': {
    success: async (c) => {
      const { callId } = await called(c);
      await c.h.lt.gateway.flush();
      return { token: c.a.auditorToken, url: `/api/v1/gateway/calls/${callId}/proof` };
    },
    status: 200,
    crossOrg: async (c) => {
      const { callId } = await called(c);
      await c.h.lt.gateway.flush();
      return { token: c.b.staffToken, url: `/api/v1/gateway/calls/${callId}/proof`, expect: notFound('GATEWAY_CALL_NOT_FOUND') };
    },
  },
  'GET /api/v1/public/data/:resourceId/rows': {
    success: async (c) => ({ url: `/api/v1/public/data/${await openMounted(c)}/rows?format=csv` }),
    status: 200,
    crossOrg: { notApplicable: 'anonymous delivery of unconditionally open data only; a dataset that is not open is refused to everyone alike (GATEWAY_NOT_OPEN_DATA)' },
  },
  'GET /api/v1/data/:resourceId/rows': {
    success: async (c) => ({ token: c.a.staffToken, url: `/api/v1/data/${(await granted(c)).resourceId}/rows?where=kwh:2&fields=kwh` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/data/${(await granted(c)).resourceId}/rows`, expect: (r) => {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('GATEWAY_NO_GRANT');
    } }),
  },
};
