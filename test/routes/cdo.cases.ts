/** Route cases: chief data officers (appointments, management evaluation, DCMM self-assessment). */
import { expect } from 'vitest';
import { forbiddenOrg, PUBLIC, type Case, type Ctx } from './route.cases.js';
import type { Reply, TestOrg } from '../harness.js';

const forbiddenRole = (r: Reply) => {
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
};
const DCMM_MODEL = { notApplicable: 'the DCMM model (GB/T 36073-2018 item list) is platform-wide configuration; no organisation-private data' };

/** A period no other case used: a random year (one evaluation per period). */
const period = (c: Ctx) => String(1000 + ((c.n() * 7919) % 9000));
async function evaluation(c: Ctx): Promise<string> {
  const r = await c.h.call('POST', '/api/v1/cdo/evaluations', { token: c.dbA.staffToken, body: { period: period(c) } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function appointment(c: Ctx, org: TestOrg): Promise<string> {
  const r = await c.h.call('POST', `/api/v1/cdo/orgs/${org.id}/appointments`, { token: org.adminToken, body: { userId: org.adminUserId, title: '首席数据官' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function ratings(c: Ctx) {
  const model = (await c.h.call('GET', '/api/v1/cdo/dcmm/model', { token: c.a.staffToken })).body;
  return model.areas.flatMap((a: any) => a.items).map((i: any) => ({ itemId: i.id, level: 2, evidence: '制度文件' }));
}
async function assessment(c: Ctx, org: TestOrg): Promise<string> {
  const r = await c.h.call('POST', `/api/v1/cdo/orgs/${org.id}/dcmm-assessments`, { token: org.staffToken, body: { ratings: await ratings(c) } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function item(c: Ctx): Promise<string> {
  const r = await c.h.call('POST', '/api/v1/cdo/dcmm/items', { token: c.dbA.staffToken, body: { area: 'quality', code: `quality.route${c.n()}`, name: { zh: '路由能力项', en: 'Route item' } } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  // Deactivated at once, so that other cases' assessments need not rate it.
  await c.h.call('PATCH', `/api/v1/cdo/dcmm/items/${r.body.id}`, { token: c.dbA.staffToken, body: { active: false } });
  return r.body.id as string;
}

export const CDO_CASES: Record<string, Case> = {
  'POST /api/v1/cdo/orgs/:orgId/appointments': {
    success: (c) => ({ token: c.gov.adminToken, url: `/api/v1/cdo/orgs/${c.gov.id}/appointments`, body: { userId: c.gov.adminUserId, title: '首席数据官', termEnd: '2029-12-31' } }),
    status: 201,
    refused: (c) => ({ token: c.gov.staffToken, url: `/api/v1/cdo/orgs/${c.gov.id}/appointments`, body: { userId: c.gov.adminUserId, title: '首席数据官' } }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/cdo/orgs/${c.a.id}/appointments`, body: { userId: c.b.adminUserId, title: 'CDO' }, expect: forbiddenOrg }),
  },
  'POST /api/v1/cdo/orgs/:orgId/appointments/:appointmentId/end': {
    success: async (c) => ({ token: c.a.adminToken, url: `/api/v1/cdo/orgs/${c.a.id}/appointments/${await appointment(c, c.a)}/end`, body: { reason: '任期届满' } }),
    status: 200,
    refused: async (c) => {
      const id = await appointment(c, c.a);
      await c.h.call('POST', `/api/v1/cdo/orgs/${c.a.id}/appointments/${id}/end`, { token: c.a.adminToken, body: { reason: '辞任' } });
      return { token: c.a.adminToken, url: `/api/v1/cdo/orgs/${c.a.id}/appointments/${id}/end`, body: { reason: '再次' } };
    },
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/cdo/orgs/${c.a.id}/appointments/${await appointment(c, c.a)}/end`, body: { reason: 'x' }, expect: forbiddenOrg }),
  },
  'GET /api/v1/cdo/orgs/:orgId/appointments': {
    success: (c) => ({ token: c.dbA.auditorToken, url: `/api/v1/cdo/orgs/${c.gov.id}/appointments` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/cdo/orgs/${c.a.id}/appointments`, expect: forbiddenOrg }),
  },
  'GET /api/v1/cdo/appointments': {
    success: (c) => ({ token: c.regA.auditorToken, url: '/api/v1/cdo/appointments' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: '/api/v1/cdo/appointments', expect: forbiddenRole }),
  },
  'GET /api/v1/cdo/settings': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/cdo/settings' }), status: 200, crossOrg: PUBLIC },
  'GET /api/v1/cdo/indicators': {
    success: (c) => ({ token: c.dbA.auditorToken, url: '/api/v1/cdo/indicators' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.gov.adminToken, url: '/api/v1/cdo/indicators', expect: forbiddenRole }),
  },
  'GET /api/v1/cdo/orgs/:orgId/indicators': {
    success: (c) => ({ token: c.gov.auditorToken, url: `/api/v1/cdo/orgs/${c.gov.id}/indicators` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/cdo/orgs/${c.gov.id}/indicators`, expect: forbiddenOrg }),
  },
  'GET /api/v1/cdo/orgs/:orgId/trend': {
    success: (c) => ({ token: c.gov.staffToken, url: `/api/v1/cdo/orgs/${c.gov.id}/trend` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/cdo/orgs/${c.gov.id}/trend`, expect: forbiddenOrg }),
  },
  'POST /api/v1/cdo/evaluations': {
    success: (c) => ({ token: c.dbA.staffToken, url: '/api/v1/cdo/evaluations', body: { period: period(c), note: '路由评价' } }),
    status: 201,
    refused: (c) => ({ token: c.gov.adminToken, url: '/api/v1/cdo/evaluations', body: { period: period(c) } }),
    crossOrg: { notApplicable: 'a snapshot covers every public body at once and is taken by the data bureau only (refused for others, see refusal case)' },
  },
  'GET /api/v1/cdo/evaluations': {
    success: (c) => ({ token: c.regB.auditorToken, url: '/api/v1/cdo/evaluations' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.gov.adminToken, url: '/api/v1/cdo/evaluations', expect: forbiddenRole }),
  },
  'GET /api/v1/cdo/evaluations/:evaluationId': {
    success: async (c) => ({ token: c.dbB.auditorToken, url: `/api/v1/cdo/evaluations/${await evaluation(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.adminToken, url: `/api/v1/cdo/evaluations/${await evaluation(c)}`, expect: forbiddenRole }),
  },
  'GET /api/v1/cdo/dcmm/model': { success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/cdo/dcmm/model?all=true' }), status: 200, crossOrg: DCMM_MODEL },
  'POST /api/v1/cdo/dcmm/items': {
    success: (c) => ({ token: c.dbA.staffToken, url: '/api/v1/cdo/dcmm/items', body: { area: 'security', code: `security.route${c.n()}`, name: { zh: '路由能力项', en: 'Route item' } } }),
    status: 201,
    refused: (c) => ({ token: c.a.adminToken, url: '/api/v1/cdo/dcmm/items', body: { area: 'security', code: `security.refused${c.n()}`, name: { zh: '拒绝', en: 'Refused' } } }),
    crossOrg: DCMM_MODEL,
  },
  'PATCH /api/v1/cdo/dcmm/items/:itemId': {
    success: async (c) => ({ token: c.dbA.adminToken, url: `/api/v1/cdo/dcmm/items/${await item(c)}`, body: { active: false, name: { zh: '已停用', en: 'Deactivated' } } }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.auditorToken, url: `/api/v1/cdo/dcmm/items/${await item(c)}`, body: { active: false } }),
    crossOrg: DCMM_MODEL,
  },
  'POST /api/v1/cdo/orgs/:orgId/dcmm-assessments': {
    success: async (c) => ({ token: c.a.staffToken, url: `/api/v1/cdo/orgs/${c.a.id}/dcmm-assessments`, body: { ratings: await ratings(c), note: '自评' } }),
    status: 201,
    refused: async (c) => ({ token: c.a.staffToken, url: `/api/v1/cdo/orgs/${c.a.id}/dcmm-assessments`, body: { ratings: (await ratings(c)).slice(1) } }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/cdo/orgs/${c.a.id}/dcmm-assessments`, body: { ratings: await ratings(c) }, expect: forbiddenOrg }),
  },
  'GET /api/v1/cdo/orgs/:orgId/dcmm-assessments': {
    success: (c) => ({ token: c.dbA.auditorToken, url: `/api/v1/cdo/orgs/${c.a.id}/dcmm-assessments` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/cdo/orgs/${c.a.id}/dcmm-assessments`, expect: forbiddenOrg }),
  },
  'GET /api/v1/cdo/orgs/:orgId/dcmm-assessments/:assessmentId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/cdo/orgs/${c.a.id}/dcmm-assessments/${await assessment(c, c.a)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/cdo/orgs/${c.a.id}/dcmm-assessments/${await assessment(c, c.a)}`, expect: forbiddenOrg }),
  },
};
