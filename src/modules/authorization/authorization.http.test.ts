import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { canonicalize } from '../../platform/canonical-json.codec.js';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { SHARING, sharedResource } from '../../../test/routes/sharing.cases.js';

// Tuesday 2026-09-29, 10:00 in Shanghai; the terms below start on 1 October.
const START = new Date('2026-09-29T02:00:00Z');
const at = (iso: string) => new Date(iso);

describeEachEngine('authorized operation (授权运营) over HTTP', (engine) => {
  const clock = fixedClock(START);
  const h = useLiutong(engine, { sessionTtlSeconds: 30 * 24 * 3600 }, { clock });
  let bureau: TestOrg;
  let grid: TestOrg;
  let impl: TestOrg;
  let operator: TestOrg;
  let third: TestOrg;
  let resource: string;
  let other: string;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;

  const apply = (over: Record<string, unknown> = {}, token = operator.staffToken) =>
    h().call('POST', '/api/v1/authorization/agreements', {
      token,
      body: {
        implementingOrgId: impl.id, mode: 'scenario', scenarios: ['电费贷：银行凭企业授权审批信贷'], scope: [{ resourceId: resource, fields: ['uscc', 'kwh'] }],
        termFrom: '2026-10-01', termTo: '2027-09-30', feeCap: { amount: '0.50', unit: '元/次' }, securityObligations: '数据不出域；按等保三级要求存储；不得向第三方提供原始数据。',
        ...over,
      },
    });
  const act = (id: string, action: string, token: string, body?: unknown) => h().call('POST', `/api/v1/authorization/agreements/${id}/${action}`, { token, ...(body !== undefined ? { body } : {}) });
  const get = (id: string, token: string) => h().call('GET', `/api/v1/authorization/agreements/${id}`, { token });
  const rows = (grantId: string, token = operator.staffToken, query = '') => h().call('GET', `/api/v1/data/${resource}/rows?grant=${grantId}&pageSize=10${query}`, { token });
  const types = async (subjectId: string) => {
    await h().lt.flush();
    return ((await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[]).map((e) => e.entry.type);
  };
  /** Applied, reviewed and sealed by both: signed, not yet in force. */
  const signed = async (over: Record<string, unknown> = {}) => {
    const a = await apply(over);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect((await act(a.body.id, 'review', impl.staffToken, {})).status).toBe(200);
    expect((await act(a.body.id, 'seal', impl.adminToken)).status).toBe(200);
    const s = await act(a.body.id, 'seal', operator.adminToken);
    expect(s.body.status).toBe('signed');
    return a.body.id as string;
  };

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    grid = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    impl = await h().org(['implementing_body'], 'Implementing', 'government');
    operator = await h().org(['operator', 'enterprise'], 'Operator');
    third = await h().org(['enterprise'], 'Third');
    resource = await sharedResource(h(), grid, bureau, SHARING.conditional, tag());
    other = await sharedResource(h(), grid, bureau, SHARING.conditional, tag());
  });
  beforeEach(() => clock.set(START));

  it('applied → reviewed → sealed by both → in force: the operator reads exactly its scope, only while active', async () => {
    const a = await apply();
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ status: 'applied', operatorOrgId: operator.id, implementingOrgId: impl.id, mode: 'scenario', scope: [{ resourceId: resource, fields: ['uscc', 'kwh'], sourceOrgId: grid.id }], grantIds: [] });
    const id = a.body.id as string;
    // Only the implementing body reviews; a third organisation does not even see it.
    expect((await act(id, 'review', operator.staffToken, {})).status).toBe(403);
    expect((await get(id, third.staffToken)).status).toBe(404);
    expect((await act(id, 'seal', impl.adminToken)).body.error.code).toBe('AUTHORIZATION_AGREEMENT_STATE_CONFLICT');
    const reviewed = await act(id, 'review', impl.staffToken, { note: '材料齐全，同意。' });
    expect(reviewed.body).toMatchObject({ status: 'reviewed', reviewNote: '材料齐全，同意。' });
    const doc = (await get(id, operator.auditorToken)).body.document;
    expect(reviewed.body.documentDigest).toBe(`sha256:${createHash('sha256').update(canonicalize(doc)).digest('hex')}`);

    // Both organisations' administrators seal; staff may not; no party seals twice.
    expect((await act(id, 'seal', impl.staffToken)).status).toBe(403);
    expect((await act(id, 'seal', third.adminToken)).status).toBe(404);
    const first = await act(id, 'seal', impl.adminToken);
    expect(first.body).toMatchObject({ status: 'reviewed', seals: { implementingBody: { orgId: impl.id, digest: reviewed.body.documentDigest }, operator: null } });
    expect((await act(id, 'seal', impl.adminToken)).body.error.code).toBe('AUTHORIZATION_AGREEMENT_STATE_CONFLICT');
    const both = await act(id, 'seal', operator.adminToken);
    expect(both.body.status).toBe('signed');
    const check = await h().call('GET', `/api/v1/authorization/agreements/${id}/seals/verify`, { token: impl.staffToken });
    expect(check.body).toMatchObject({ implementingBody: { valid: true, orgId: impl.id }, operator: { valid: true, orgId: operator.id } });
    // A seal proves these terms and no others.
    expect(await h().lt.identity.seals.verify({ ...doc, termTo: '2031-09-30' }, both.body.seals.operator)).toEqual({ valid: false, reason: 'digest_mismatch' });

    // In force from the term's first day only: then one grant per resource in scope.
    expect((await act(id, 'activate', impl.staffToken)).body.error.code).toBe('AUTHORIZATION_TERM_NOT_STARTED');
    clock.set(at('2026-10-01T01:00:00Z'));
    const active = await act(id, 'activate', impl.staffToken);
    expect(active.body.status, JSON.stringify(active.body)).toBe('active');
    expect(active.body.grantIds).toHaveLength(1);
    const grantId = active.body.grantIds[0];
    const grant = await h().lt.gateway.grants.get(grantId);
    expect(grant).toMatchObject({ kind: 'authorization', sourceRef: id, resourceId: resource, grantorOrgId: grid.id, granteeOrgId: operator.id, fields: ['uscc', 'kwh'], expiresAt: at('2027-09-30T16:00:00Z') });
    const read = await rows(grantId);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.items).toHaveLength(3);
    expect(Object.keys(read.body.items[0]).sort()).toEqual(['kwh', 'uscc']);
    expect((await rows(grantId, operator.staffToken, '&fields=company')).body.error.code).toBe('GATEWAY_FIELD_NOT_GRANTED');
    expect((await rows(grantId, third.staffToken)).status).toBe(403);

    // Suspended: the next read is refused; resumed: a new grant; terminated: refused for good.
    expect((await act(id, 'suspend', operator.staffToken, { reason: '自行暂停' })).status).toBe(403);
    const suspended = await act(id, 'suspend', impl.staffToken, { reason: '安全检查发现问题，限期整改。' });
    expect(suspended.body).toMatchObject({ status: 'suspended', grantIds: [], reason: '安全检查发现问题，限期整改。' });
    expect((await rows(grantId)).body.error.code).toBe('GATEWAY_GRANT_REVOKED');
    const resumed = await act(id, 'resume', impl.staffToken);
    expect(resumed.body.status).toBe('active');
    const again = resumed.body.grantIds[0];
    expect(again).not.toBe(grantId);
    expect((await rows(again)).status).toBe(200);
    // The data bureau may end it too (supervision).
    const ended = await act(id, 'terminate', bureau.staffToken, { reason: '运营机构严重违反协议。' });
    expect(ended.body).toMatchObject({ status: 'terminated', grantIds: [] });
    expect((await rows(again)).body.error.code).toBe('GATEWAY_GRANT_REVOKED');
    expect((await act(id, 'resume', impl.staffToken)).body.error.code).toBe('AUTHORIZATION_AGREEMENT_STATE_CONFLICT');
    // Each step told the other party (inbox).
    const kinds = async (org: TestOrg) => ((await h().call('GET', '/api/v1/notifications?pageSize=100', { token: org.auditorToken })).body.items as any[]).filter((n) => n.subject.id === id).map((n) => n.kind).sort();
    expect(await kinds(impl)).toEqual(['agreement.applied', 'agreement.sealed', 'agreement.suspended', 'agreement.terminated']);
    expect(await kinds(operator)).toEqual(['agreement.activated', 'agreement.resumed', 'agreement.reviewed', 'agreement.sealed', 'agreement.suspended', 'agreement.terminated']);
    expect(await kinds(third)).toEqual([]);
    expect(await types(id)).toEqual([
      'authorization.agreement.applied', 'authorization.agreement.reviewed', 'authorization.agreement.sealed', 'authorization.agreement.sealed',
      'authorization.agreement.activated', 'authorization.agreement.suspended', 'authorization.agreement.resumed', 'authorization.agreement.terminated',
    ]);
  });

  it('refuses what breaks the rules with stable codes and stores nothing', async () => {
    const before = (await h().call('GET', '/api/v1/authorization/agreements?role=operator', { token: operator.staffToken })).body.total;
    const code = async (over: Record<string, unknown>, token?: string) => (await apply(over, token)).body.error?.code;
    expect(await code({ scenarios: ['电费贷', '银税互动'] })).toBe('AUTHORIZATION_MODE_INVALID');
    expect(await code({ mode: 'domain', scenarios: [] })).toBe('AUTHORIZATION_MODE_INVALID');
    expect(await code({ termTo: '2031-10-01' })).toBe('AUTHORIZATION_TERM_INVALID');
    expect(await code({ termFrom: '2026-02-30' })).toBe('AUTHORIZATION_TERM_INVALID');
    expect(await code({ scope: [{ resourceId: resource, fields: ['nope'] }] })).toBe('AUTHORIZATION_FIELD_UNKNOWN');
    expect(await code({ feeCap: { amount: '-1', unit: '元/次' } })).toBe('REQUEST_VALIDATION_FAILED');
    // A draft, and a published resource without data, cannot be authorized.
    const draft = await h().call('POST', '/api/v1/catalog/resources', { token: grid.staffToken, body: { title: { zh: `草稿${tag()}`, en: `Draft ${tag()}` }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table', fields: [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: { level: 'general', generalLevel: 1, personalInfo: 'none' } }] } });
    const unavailable = await apply({ scope: [{ resourceId: draft.body.id, fields: ['kwh'] }] });
    expect(unavailable.body.error).toMatchObject({ code: 'AUTHORIZATION_RESOURCE_UNAVAILABLE', details: { reason: 'not_published' } });
    // Roles: only an operator applies, and only to an implementing body.
    expect(await code({}, third.staffToken)).toBe('AUTH_FORBIDDEN_ROLE');
    expect(await code({ implementingOrgId: bureau.id })).toBe('AUTHORIZATION_PARTY_ROLE');
    expect(await code({}, operator.auditorToken)).toBe('AUTH_FORBIDDEN_ROLE');
    expect((await h().call('GET', '/api/v1/authorization/agreements?role=operator', { token: operator.staffToken })).body.total).toBe(before);
    // Only overseers list every agreement.
    expect((await h().call('GET', '/api/v1/authorization/agreements?box=all', { token: third.staffToken })).status).toBe(403);
    expect((await h().call('GET', '/api/v1/authorization/agreements?box=all', { token: bureau.auditorToken })).status).toBe(200);
  });

  it('the operator declares products within the scope, the scenario and the fee cap; the parties see them', async () => {
    const id = await signed();
    const declare = (body: Record<string, unknown>, token = operator.staffToken) =>
      h().call('POST', `/api/v1/authorization/agreements/${id}/products`, {
        token, body: { name: { zh: '电费贷风控评分', en: 'Electricity-loan risk score' }, kind: 'api', resourceIds: [resource], scenario: '电费贷：银行凭企业授权审批信贷', fee: { amount: '0.30', unit: '元/次' }, ...body },
      });
    expect((await declare({})).body.error.code).toBe('AUTHORIZATION_AGREEMENT_STATE_CONFLICT');
    clock.set(at('2026-10-02T01:00:00Z'));
    expect((await act(id, 'activate', impl.staffToken)).body.status).toBe('active');
    expect((await declare({ resourceIds: [other] })).body.error.code).toBe('AUTHORIZATION_PRODUCT_OUT_OF_SCOPE');
    expect((await declare({ scenario: '精准营销' })).body.error.code).toBe('AUTHORIZATION_MODE_INVALID');
    const above = await declare({ fee: { amount: '0.80', unit: '元/次' } });
    expect(above.body.error).toMatchObject({ code: 'AUTHORIZATION_FEE_ABOVE_CAP', details: { amount: '0.80', cap: '0.50', unit: '元/次' } });
    expect((await declare({}, impl.staffToken)).status).toBe(403);
    const ok = await declare({});
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ agreementId: id, kind: 'api', status: 'declared', fee: { amount: '0.30', unit: '元/次' } });
    const listed = await h().call('GET', `/api/v1/authorization/products?agreementId=${id}`, { token: impl.auditorToken });
    expect(listed.body.items.map((p: any) => p.id)).toEqual([ok.body.id]);
    expect((await h().call('GET', `/api/v1/authorization/products?agreementId=${id}`, { token: third.staffToken })).status).toBe(404);
    expect((await h().call('GET', `/api/v1/authorization/products/${ok.body.id}`, { token: third.staffToken })).status).toBe(404);
    expect((await h().call('POST', `/api/v1/authorization/products/${ok.body.id}/withdraw`, { token: impl.staffToken })).status).toBe(403);
    const gone = await h().call('POST', `/api/v1/authorization/products/${ok.body.id}/withdraw`, { token: operator.staffToken });
    expect(gone.body.status).toBe('withdrawn');
    expect((await h().call('POST', `/api/v1/authorization/products/${ok.body.id}/withdraw`, { token: operator.staffToken })).body.error.code).toBe('AUTHORIZATION_PRODUCT_STATE_CONFLICT');
    await act(id, 'terminate', impl.staffToken, { reason: '测试结束' });
  });

  it('expires at the end of its term: the grant stops at midnight and the sweep records the end', async () => {
    const id = await signed({ termTo: '2026-10-20' });
    clock.set(at('2026-10-01T01:00:00Z'));
    const grantId = (await act(id, 'activate', impl.staffToken)).body.grantIds[0];
    clock.set(at('2026-10-20T15:59:00Z'));
    expect((await rows(grantId)).status).toBe(200);
    expect(await h().lt.authorization.agreements.sweepExpired()).toBe(0);
    clock.set(at('2026-10-20T16:00:00Z'));
    expect((await rows(grantId)).body.error.code).toBe('GATEWAY_GRANT_EXPIRED');
    expect(await h().lt.authorization.agreements.sweepExpired()).toBe(1);
    expect((await get(id, impl.staffToken)).body).toMatchObject({ status: 'expired', grantIds: [] });
    expect((await types(id)).at(-1)).toBe('authorization.agreement.expired');
  });

  it('publishes annual disclosures on the portal (JSON and CSV), by year and role, and tells the bureau who has not', async () => {
    const id = await signed({ termFrom: '2026-10-01', termTo: '2026-12-31' });
    clock.set(at('2026-10-01T01:00:00Z'));
    await act(id, 'activate', impl.staffToken);
    const product = await h().call('POST', `/api/v1/authorization/agreements/${id}/products`, {
      token: operator.staffToken, body: { name: { zh: '企业用电指数', en: 'Enterprise power index' }, kind: 'indicator', resourceIds: [resource], scenario: '电费贷：银行凭企业授权审批信贷', fee: { amount: '2000', unit: '元/年' } },
    });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const dropped = await h().call('POST', `/api/v1/authorization/agreements/${id}/products`, {
      token: operator.staffToken, body: { name: { zh: '试运营报表', en: 'Trial report' }, kind: 'report', resourceIds: [resource], scenario: '电费贷：银行凭企业授权审批信贷' },
    });
    expect((await h().call('POST', `/api/v1/authorization/products/${dropped.body.id}/withdraw`, { token: operator.staffToken })).status).toBe(200);
    // The year must have ended.
    expect((await h().call('POST', '/api/v1/authorization/disclosures', { token: operator.staffToken, body: { year: 2026, role: 'operator' } })).body.error.code).toBe('AUTHORIZATION_DISCLOSURE_YEAR_INVALID');
    clock.set(at('2027-01-15T02:00:00Z'));
    for (const o of [operator, impl, bureau, third]) await h().relogin(o);
    await h().lt.authorization.agreements.sweepExpired();
    const missing = await h().call('GET', '/api/v1/authorization/disclosures/missing?year=2026', { token: bureau.staffToken });
    expect(missing.body).toMatchObject({ year: 2026, dueDate: '2027-03-31', pastDue: false });
    expect(missing.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ orgId: operator.id, role: 'operator' }), expect.objectContaining({ orgId: impl.id, role: 'implementing_body' })]));
    expect((await h().call('GET', '/api/v1/authorization/disclosures/missing?year=2026', { token: third.staffToken })).status).toBe(403);

    const pub = await h().call('POST', '/api/v1/authorization/disclosures', { token: operator.staffToken, body: { year: 2026, role: 'operator' } });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body).toMatchObject({ orgId: operator.id, role: 'operator', year: 2026, revision: 1 });
    // Every product declared in the year, withdrawn ones included (they were offered that year).
    expect(pub.body.products).toBe(pub.body.report.products.length);
    expect(pub.body.agreements).toBeGreaterThanOrEqual(1);
    const report = pub.body.report;
    expect(pub.body.digest).toBe(`sha256:${createHash('sha256').update(canonicalize(report)).digest('hex')}`);
    expect(report.entity).toMatchObject({ orgId: operator.id });
    const entry = report.agreements.find((x: any) => x.id === id);
    expect(entry).toMatchObject({ counterparty: { orgId: impl.id }, feeCap: { amount: '0.50', unit: '元/次' }, resources: [{ resourceId: resource, fields: ['uscc', 'kwh'] }] });
    expect(report.products).toEqual(expect.arrayContaining([expect.objectContaining({ id: product.body.id, kind: 'indicator', fee: { amount: '2000', unit: '元/年' } }), expect.objectContaining({ id: dropped.body.id, status: 'withdrawn' })]));
    // An operator is not an implementing body: nothing to disclose in that role.
    expect((await h().call('POST', '/api/v1/authorization/disclosures', { token: operator.staffToken, body: { year: 2026, role: 'implementing_body' } })).body.error.code).toBe('AUTHORIZATION_DISCLOSURE_NOTHING');

    // On the portal, without a login; and as CSV for download.
    const list = await h().call('GET', `/api/v1/public/authorization/disclosures?year=2026&orgId=${operator.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: pub.body.id, digest: pub.body.digest, revision: 1 })]);
    expect((await h().call('GET', `/api/v1/public/authorization/disclosures/${pub.body.id}`)).body.report).toEqual(report);
    const csv = await h().lt.app.inject({ method: 'GET', url: `/api/v1/public/authorization/disclosures/${pub.body.id}/csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF记录 record,')).toBe(true);
    expect(csv.body).toContain(`resource,`);
    expect(csv.body).toContain('企业用电指数');
    expect((await h().call('GET', '/api/v1/public/authorization/disclosures/dis_00000000000000000000')).status).toBe(404);

    // Published again: the next revision; the implementing body publishes its own; past the due date the bureau sees who is late.
    expect((await h().call('POST', '/api/v1/authorization/disclosures', { token: operator.staffToken, body: { year: 2026, role: 'operator' } })).body.revision).toBe(2);
    expect((await h().call('POST', '/api/v1/authorization/disclosures', { token: impl.staffToken, body: { year: 2026, role: 'implementing_body' } })).status).toBe(201);
    clock.set(at('2027-04-01T02:00:00Z'));
    await h().relogin(bureau);
    const late = await h().call('GET', '/api/v1/authorization/disclosures/missing?year=2026', { token: bureau.staffToken });
    expect(late.body.pastDue).toBe(true);
    expect(late.body.items.filter((x: any) => x.orgId === operator.id || x.orgId === impl.id)).toEqual([]);
  });
});
