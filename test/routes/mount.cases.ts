/** Route cases: mounting (挂接) and data quality (质量) of catalog resources. */
import { expect } from 'vitest';
import { forbiddenOrg, hidden, newResource, type Case, type Ctx } from './route.cases.js';

/** The route helpers' resource has one decimal field `kwh`: a matching CSV, sent in the JSON form. */
const CSV = { format: 'csv', contentBase64: Buffer.from('kwh\n1.5\n2\n3.25\n').toString('base64') };
const mounted = async (c: Ctx, org = c.gov) => {
  const id = await newResource(c, org);
  const r = await c.h.call('POST', `/api/v1/catalog/resources/${id}/mount`, { token: org.staffToken, body: CSV });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return id;
};
const reported = async (c: Ctx, org = c.gov) => {
  const id = await mounted(c, org);
  const r = await c.h.call('POST', `/api/v1/catalog/resources/${id}/quality/run`, { token: org.staffToken });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return id;
};
/** Another organisation's social resource is not even found. */
const hiddenSocial = (path: string, prepare: (c: Ctx, org: Ctx['a']) => Promise<string> = (c, org) => newResource(c, org)) =>
  async (c: Ctx) => ({ token: c.b.staffToken, url: `/api/v1/catalog/resources/${await prepare(c, c.a)}${path}`, expect: hidden });

export const MOUNT_CASES: Record<string, Case> = {
  'POST /api/v1/catalog/resources/:resourceId/mount': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/mount`, body: CSV }),
    status: 201,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/mount`, body: { format: 'csv', contentBase64: Buffer.from('kwh\nnot a number\n').toString('base64') } }),
    crossOrg: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/mount`, body: CSV, expect: forbiddenOrg }),
  },
  'PUT /api/v1/catalog/resources/:resourceId/mount': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/mount`, body: { upstreamUrl: 'https://api.example.test/kwh', keyParam: 'id' } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/mount`, body: { upstreamUrl: 'ftp://api.example.test/kwh' } }),
    crossOrg: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/mount`, body: { upstreamUrl: 'https://evil.example.test/' }, expect: forbiddenOrg }),
  },
  'DELETE /api/v1/catalog/resources/:resourceId/mount': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await mounted(c)}/mount` }),
    status: 200,
    // Nothing mounted: nothing to remove.
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/mount` }),
    crossOrg: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/resources/${await mounted(c)}/mount`, expect: forbiddenOrg }),
  },
  'GET /api/v1/catalog/resources/:resourceId/mount': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/resources/${await mounted(c)}/mount` }),
    status: 200,
    crossOrg: hiddenSocial('/mount', mounted),
  },
  'GET /api/v1/catalog/resources/:resourceId/mount/preview': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/resources/${await mounted(c)}/mount/preview?limit=2` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/resources/${await mounted(c)}/mount/preview`, expect: forbiddenOrg }),
  },
  'POST /api/v1/catalog/resources/:resourceId/quality/run': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await mounted(c)}/quality/run` }),
    status: 201,
    refused: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/resources/${await mounted(c)}/quality/run` }),
    crossOrg: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/resources/${await mounted(c)}/quality/run`, expect: forbiddenOrg }),
  },
  'GET /api/v1/catalog/resources/:resourceId/quality': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/resources/${await reported(c)}/quality` }),
    status: 200,
    crossOrg: hiddenSocial('/quality', reported),
  },
  'GET /api/v1/catalog/resources/:resourceId/quality/rules': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/catalog/resources/${await newResource(c)}/quality/rules` }),
    status: 200,
    crossOrg: hiddenSocial('/quality/rules'),
  },
  'PUT /api/v1/catalog/resources/:resourceId/quality/rules': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/quality/rules`, body: { rules: [{ kind: 'required', field: 'kwh' }, { kind: 'range', field: 'kwh', min: '0' }] } }),
    status: 200,
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/quality/rules`, body: { rules: [{ kind: 'required', field: 'nope' }] } }),
    crossOrg: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/catalog/resources/${await newResource(c)}/quality/rules`, body: { rules: [] }, expect: forbiddenOrg }),
  },
};
