/** Route cases: asset registration (资产登记) — reviewer pool, applications, committee, publicity, register. */
import { expect } from 'vitest';
import type { Reply, TestOrg } from '../harness.js';
import { deny, PUBLIC, type Case, type Ctx } from './route.cases.js';

interface Fixture {
  experts: Array<{ org: TestOrg; reviewerId: string }>;
  resource: string;
}
const fixtures = new WeakMap<Ctx, Promise<Fixture>>();
/** Every expert any fixture put in the pool, by reviewer id: a panel may draw an earlier fixture's expert (the pool is the database's). */
const expertTokens = new Map<string, string>();
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };

/** One expert per kind of the default panel, and a resource of enterprise A (social data). */
function fixture(c: Ctx): Promise<Fixture> {
  let f = fixtures.get(c);
  if (!f) {
    f = (async () => {
      const experts = [];
      for (const expertise of ['legal', 'industry', 'valuation', 'technical', 'security']) {
        const org = await c.h.org(['service_provider'], `Expert ${expertise}`);
        const r = await c.h.call('POST', '/api/v1/registry/reviewers', { token: c.dbA.staffToken, body: { userId: org.adminUserId, expertise: [expertise] } });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        experts.push({ org, reviewerId: r.body.id as string });
        expertTokens.set(r.body.id as string, org.adminToken);
      }
      const n = c.n();
      const res = await c.h.call('POST', '/api/v1/catalog/resources', {
        token: c.a.staffToken,
        body: {
          title: { zh: `登记路由${n}`, en: `Registry route ${n}` }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
          fields: [{ name: 'score', label: { zh: '评分', en: 'Score' }, dataType: 'decimal', grade: G2 }], sharing: { type: 'conditional', conditions: '按合同提供' }, open: { type: 'none' },
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { experts, resource: res.body.id as string };
    })();
    fixtures.set(c, f);
  }
  return f;
}

const draftBody = (c: Ctx, resource: string, over: Record<string, unknown> = {}) => ({
  type: 'first', objectKind: 'dataset', title: { zh: '路由登记', en: 'Route registration' }, description: '路由测试', resourceId: resource,
  scenario: { users: '商业银行', purpose: '授信审批' }, sources: [{ kind: 'own_collection', ref: resource }],
  rights: (['holding', 'processing', 'operating'] as const).map((kind) => ({ kind, holderOrgId: c.a.id, basis: '自行采集', scope: '全部字段', termFrom: '2026-01-01', termTo: null })),
  ...over,
});

type State = 'draft' | 'submitted' | 'in_review' | 'publicity' | 'publicity_over';
/** A fresh application of enterprise A taken to `state` (publicity_over: its publicity end moved into the past). */
async function application(c: Ctx, state: State, over: Record<string, unknown> = {}): Promise<{ id: string; panel: Array<{ reviewerId: string }> }> {
  const f = await fixture(c);
  const r = await c.h.call('POST', '/api/v1/registry/applications', { token: c.a.staffToken, body: draftBody(c, f.resource, over) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  let panel: Array<{ reviewerId: string }> = [];
  if (state === 'draft') return { id, panel };
  expect((await c.h.call('POST', `/api/v1/registry/applications/${id}/submit`, { token: c.a.staffToken })).status).toBe(200);
  if (state === 'submitted') return { id, panel };
  const d = await c.h.call('POST', `/api/v1/registry/applications/${id}/draw`, { token: c.dbA.staffToken });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  panel = d.body.committee.panel;
  if (state === 'in_review') return { id, panel };
  for (const p of panel) {
    const token = expertTokens.get(p.reviewerId)!;
    expect((await c.h.call('POST', `/api/v1/registry/applications/${id}/votes`, { token, body: { vote: 'approve', opinion: '同意' } })).status).toBe(200);
  }
  if (state === 'publicity_over') {
    // Publicity lasts working days; the route table runs now, so its end is moved into the past.
    await c.h.lt.kernel.db.updateTable('registry_application' as never).set({ publicity_until: new Date(Date.now() - 1000) } as never).where('id' as never, '=', id as never).execute();
  }
  return { id, panel };
}
const tokenOfReviewer = async (c: Ctx, reviewerId: string) => {
  await fixture(c);
  return expertTokens.get(reviewerId)!;
};
const url = (id: string, action = '') => `/api/v1/registry/applications/${id}${action ? `/${action}` : ''}`;
async function objection(c: Ctx): Promise<{ id: string; objectionId: string }> {
  const { id } = await application(c, 'publicity');
  const o = await c.h.call('POST', url(id, 'objections'), { token: c.b.staffToken, body: { reason: '权属存疑' } });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  return { id, objectionId: o.body.id as string };
}
async function freshReviewer(c: Ctx): Promise<string> {
  const org = await c.h.org(['service_provider'], 'Expert extra');
  const r = await c.h.call('POST', '/api/v1/registry/reviewers', { token: c.dbA.staffToken, body: { userId: org.adminUserId, expertise: ['audit'] } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

export const REGISTRY_CASES: Record<string, Case> = {
  'GET /api/v1/registry/reviewers': {
    success: async (c) => { await fixture(c); return { token: c.dbA.auditorToken, url: '/api/v1/registry/reviewers?status=active' }; },
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: '/api/v1/registry/reviewers', expect: deny(403) }),
  },
  'POST /api/v1/registry/reviewers': {
    // Audit and accounting are outside the default panel, so extra experts never join the fixture's panels.
    success: async (c) => ({ token: c.dbA.staffToken, url: '/api/v1/registry/reviewers', body: { userId: (await c.h.org(['service_provider'], 'Expert new')).adminUserId, expertise: ['audit', 'accounting'] } }),
    status: 201,
    refused: async (c) => ({ token: c.dbA.staffToken, url: '/api/v1/registry/reviewers', body: { userId: (await fixture(c)).experts[0]!.org.adminUserId, expertise: ['legal'] } }),
    crossOrg: async (c) => ({ token: c.a.adminToken, url: '/api/v1/registry/reviewers', body: { userId: c.a.adminUserId, expertise: ['legal'] }, expect: deny(403) }),
  },
  'POST /api/v1/registry/reviewers/:reviewerId/retire': {
    success: async (c) => ({ token: c.dbA.staffToken, url: `/api/v1/registry/reviewers/${await freshReviewer(c)}/retire` }),
    status: 200,
    refused: async (c) => {
      const id = await freshReviewer(c);
      expect((await c.h.call('POST', `/api/v1/registry/reviewers/${id}/retire`, { token: c.dbA.staffToken })).status).toBe(200);
      return { token: c.dbA.staffToken, url: `/api/v1/registry/reviewers/${id}/retire` };
    },
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/registry/reviewers/${await freshReviewer(c)}/retire`, expect: deny(403) }),
  },
  'POST /api/v1/registry/applications': {
    success: async (c) => ({ token: c.a.staffToken, url: '/api/v1/registry/applications', body: draftBody(c, (await fixture(c)).resource) }),
    status: 201,
    refused: async (c) => ({ token: c.a.staffToken, url: '/api/v1/registry/applications', body: draftBody(c, (await fixture(c)).resource, { type: 'transfer' }) }),
    crossOrg: { notApplicable: "always an application of the caller's own organisation" },
  },
  'GET /api/v1/registry/applications': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/registry/applications?box=mine' }),
    status: 200,
    crossOrg: async (c) => {
      const { id } = await application(c, 'draft');
      return { token: c.b.staffToken, url: '/api/v1/registry/applications?pageSize=200', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
      } };
    },
  },
  'GET /api/v1/registry/applications/:applicationId': {
    success: async (c) => ({ token: c.a.auditorToken, url: url((await application(c, 'draft')).id) }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'draft')).id), expect: deny(404) }),
  },
  'PATCH /api/v1/registry/applications/:applicationId': {
    success: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'draft')).id), body: { description: '更新说明' } }),
    status: 200,
    refused: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'submitted')).id), body: { description: '提交后修改' } }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'draft')).id), body: { description: '越权' }, expect: deny(404) }),
  },
  'POST /api/v1/registry/applications/:applicationId/submit': {
    success: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'draft')).id, 'submit') }),
    status: 200,
    refused: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'draft', { scenario: null })).id, 'submit') }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'draft')).id, 'submit'), expect: deny(404) }),
  },
  'POST /api/v1/registry/applications/:applicationId/withdraw': {
    success: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'draft')).id, 'withdraw') }),
    status: 200,
    refused: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'in_review')).id, 'withdraw') }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'draft')).id, 'withdraw'), expect: deny(404) }),
  },
  'POST /api/v1/registry/applications/:applicationId/draw': {
    success: async (c) => ({ token: c.dbA.staffToken, url: url((await application(c, 'submitted')).id, 'draw') }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.staffToken, url: url((await application(c, 'draft')).id, 'draw') }),
    crossOrg: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'submitted')).id, 'draw'), expect: deny(403) }),
  },
  'POST /api/v1/registry/applications/:applicationId/votes': {
    success: async (c) => {
      const { id, panel } = await application(c, 'in_review');
      return { token: await tokenOfReviewer(c, panel[0]!.reviewerId), url: url(id, 'votes'), body: { vote: 'approve', opinion: '同意' } };
    },
    status: 200,
    refused: async (c) => {
      const { id, panel } = await application(c, 'in_review');
      const token = await tokenOfReviewer(c, panel[0]!.reviewerId);
      expect((await c.h.call('POST', url(id, 'votes'), { token, body: { vote: 'approve', opinion: '同意' } })).status).toBe(200);
      return { token, url: url(id, 'votes'), body: { vote: 'reject', opinion: '再投' } };
    },
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'in_review')).id, 'votes'), body: { vote: 'approve', opinion: '越权' }, expect: deny(403) }),
  },
  'POST /api/v1/registry/applications/:applicationId/objections': {
    success: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'publicity')).id, 'objections'), body: { reason: '权属存疑' } }),
    status: 201,
    refused: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'in_review')).id, 'objections'), body: { reason: '公示前' } }),
    crossOrg: { notApplicable: 'anyone signed in may object during publicity (public participation)' },
  },
  'POST /api/v1/registry/applications/:applicationId/objections/:objectionId/resolve': {
    success: async (c) => {
      const o = await objection(c);
      return { token: c.dbA.staffToken, url: `${url(o.id, 'objections')}/${o.objectionId}/resolve`, body: { outcome: 'dismissed', resolution: '异议不成立' } };
    },
    status: 200,
    refused: async (c) => {
      const o = await objection(c);
      expect((await c.h.call('POST', `${url(o.id, 'objections')}/${o.objectionId}/resolve`, { token: c.dbA.staffToken, body: { outcome: 'dismissed', resolution: '异议不成立' } })).status).toBe(200);
      return { token: c.dbA.staffToken, url: `${url(o.id, 'objections')}/${o.objectionId}/resolve`, body: { outcome: 'upheld', resolution: '再次处理' } };
    },
    crossOrg: async (c) => {
      const o = await objection(c);
      return { token: c.a.staffToken, url: `${url(o.id, 'objections')}/${o.objectionId}/resolve`, body: { outcome: 'dismissed', resolution: '自行处理' }, expect: deny(403) };
    },
  },
  'POST /api/v1/registry/applications/:applicationId/register': {
    success: async (c) => ({ token: c.dbA.staffToken, url: url((await application(c, 'publicity_over')).id, 'register') }),
    status: 200,
    refused: async (c) => ({ token: c.dbA.staffToken, url: url((await application(c, 'in_review')).id, 'register') }),
    crossOrg: async (c) => ({ token: c.a.staffToken, url: url((await application(c, 'publicity_over')).id, 'register'), expect: deny(403) }),
  },
  'POST /api/v1/registry/applications/:applicationId/decide': {
    success: async (c) => ({ token: c.dbA.staffToken, url: url(await laterObjection(c), 'decide'), body: { outcome: 'approved', reason: '异议登记' } }),
    status: 200,
    // A registration that goes through the committee (first) is not the registrar's alone.
    refused: async (c) => ({ token: c.dbA.staffToken, url: url((await application(c, 'submitted')).id, 'decide'), body: { outcome: 'approved', reason: '' } }),
    crossOrg: async (c) => ({ token: c.a.staffToken, url: url(await laterObjection(c), 'decide'), body: { outcome: 'rejected', reason: '自行处理' }, expect: deny(403) }),
  },
  'POST /api/v1/registry/applications/:applicationId/valuations': {
    success: async (c) => ({ token: (await fixture(c)).experts[2]!.org.staffToken, url: url((await application(c, 'draft')).id, 'valuations'), body: valuationBody('appraisal') }),
    status: 201,
    refused: async (c) => ({ token: (await fixture(c)).experts[2]!.org.staffToken, url: url((await application(c, 'draft')).id, 'valuations'), body: { ...valuationBody('appraisal'), cost: { items: [], adjustment: { kind: 'remaining_life', remainingYears: '3', totalYears: '5' } } } }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await application(c, 'draft')).id, 'valuations'), body: valuationBody('self_estimate'), expect: deny(404) }),
  },
  'GET /api/v1/registry/applications/:applicationId/valuations': {
    success: async (c) => ({ token: c.a.auditorToken, url: url((await valuation(c)).applicationId, 'valuations') }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url((await valuation(c)).applicationId, 'valuations'), expect: deny(404) }),
  },
  'GET /api/v1/registry/valuations/:valuationId': {
    success: async (c) => ({ token: c.a.auditorToken, url: `/api/v1/registry/valuations/${(await valuation(c)).id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/registry/valuations/${(await valuation(c)).id}`, expect: deny(404) }),
  },
  'POST /api/v1/registry/accounting/assets': {
    success: async (c) => ({ token: c.a.staffToken, url: '/api/v1/registry/accounting/assets', body: accountingBody(await registeredApplication(c)) }),
    status: 201,
    refused: async (c) => {
      const id = await registeredApplication(c);
      expect((await c.h.call('POST', '/api/v1/registry/accounting/assets', { token: c.a.staffToken, body: accountingBody(id) })).status).toBe(201);
      return { token: c.a.staffToken, url: '/api/v1/registry/accounting/assets', body: accountingBody(id) };
    },
    crossOrg: async (c) => ({ token: c.b.staffToken, url: '/api/v1/registry/accounting/assets', body: accountingBody(await registeredApplication(c)), expect: deny(404) }),
  },
  'GET /api/v1/registry/accounting/assets': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/registry/accounting/assets' }),
    status: 200,
    crossOrg: { notApplicable: "always the caller's own organisation's books" },
  },
  'GET /api/v1/registry/accounting/disclosure': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/registry/accounting/disclosure?year=2026' }),
    status: 200,
    crossOrg: { notApplicable: "always the caller's own organisation's books" },
  },
  'GET /api/v1/public/registry/assets/:applicationId': {
    success: async (c) => ({ url: `/api/v1/public/registry/assets/${(await application(c, 'publicity')).id}` }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/registry/assets': {
    success: () => ({ url: '/api/v1/public/registry/assets?q=GDDA' }),
    status: 200,
    crossOrg: PUBLIC,
  },
};

/** A registered application of enterprise A (its publicity end moved into the past, then registered by bureau A). */
export async function registeredApplication(c: Ctx): Promise<string> {
  const { id } = await application(c, 'publicity_over');
  const r = await c.h.call('POST', url(id, 'register'), { token: c.dbA.staffToken });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return id;
}

const valuationBody = (kind: 'appraisal' | 'self_estimate') => ({
  kind, baseDate: '2026-10-31',
  cost: { items: [{ kind: 'direct', amountYuan: '1000000' }], adjustment: { kind: 'remaining_life', remainingYears: '3', totalYears: '5' } },
});
/** A valuation by the fixture's valuation expert of a fresh draft of enterprise A. */
async function valuation(c: Ctx): Promise<{ id: string; applicationId: string }> {
  const { id } = await application(c, 'draft');
  const r = await c.h.call('POST', url(id, 'valuations'), { token: (await fixture(c)).experts[2]!.org.staffToken, body: valuationBody('appraisal') });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.id as string, applicationId: id };
}

const accountingBody = (applicationId: string) => ({
  applicationId, facts: { holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true, rdPhase: 'development', readyForIntendedUse: true },
  costItems: [{ kind: 'development', amountFen: '12000000' }], recognizedOn: '2026-06-30', lifeYears: 3,
});

/** A submitted objection registration (异议登记) by enterprise B on a registered asset of enterprise A: the registrar decides it. */
async function laterObjection(c: Ctx): Promise<string> {
  const assetId = await registeredApplication(c);
  const r = await c.h.call('POST', '/api/v1/registry/applications', { token: c.b.staffToken, body: { type: 'objection', assetId, grounds: '权属争议，已起诉' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect((await c.h.call('POST', url(r.body.id, 'submit'), { token: c.b.staffToken })).status).toBe(200);
  return r.body.id as string;
}
