import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const CREDIT = 'cat_theme000000000000001';
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };

describeEachEngine('system list (系统清单), resources declaring their system, three-lists overview', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let regulator: TestOrg;
  let pub: TestOrg;
  let pub2: TestOrg;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;
  const sys = (org: TestOrg, over: Record<string, unknown> = {}, token = org.staffToken) =>
    h().call('POST', '/api/v1/catalog/systems', { token, body: { name: { zh: `营销系统${tag()}`, en: `Marketing system ${tag()}` }, department: '信息中心', hosting: '政务云', launchYear: 2019, ...over } });
  const resource = (org: TestOrg, over: Record<string, unknown> = {}) =>
    h().call('POST', '/api/v1/catalog/resources', { token: org.staffToken, body: {
      title: { zh: `用电数据${tag()}`, en: `Power usage ${tag()}` }, categoryId: CREDIT, updateFrequency: 'monthly', format: 'table',
      fields: [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G2 }], ...over,
    } });
  const entries = async (subjectId: string) => {
    await h().lt.flush();
    return (await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[];
  };

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    regulator = await h().org(['regulator'], 'Reg', 'government');
    pub = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    pub2 = await h().org(['source_unit'], 'Police', 'government');
  });

  it('a body keeps its own systems; every change is an event; names are unique per body', async () => {
    const r = await sys(pub, { name: { zh: '电力营销系统', en: 'Power marketing system' }, description: { zh: '营销业务', en: 'Marketing' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ id: expect.stringMatching(/^sys_[0-9a-z]{20}$/), orgId: pub.id, status: 'in_service', hosting: '政务云', launchYear: 2019, department: '信息中心', resourceCount: 0 });
    const dup = await sys(pub, { name: { zh: '电力营销系统', en: 'Other' } });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'CATALOG_SYSTEM_NAME_TAKEN']);
    expect((await sys(pub2, { name: { zh: '电力营销系统', en: 'Same name, other body' } })).status).toBe(201);
    const p = await h().call('PATCH', `/api/v1/catalog/systems/${r.body.id}`, { token: pub.adminToken, body: { hosting: null, launchYear: 2020 } });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body).toMatchObject({ hosting: null, launchYear: 2020 });
    const ret = await h().call('POST', `/api/v1/catalog/systems/${r.body.id}/retire`, { token: pub.staffToken });
    expect(ret.body.status).toBe('retired');
    const again = await h().call('POST', `/api/v1/catalog/systems/${r.body.id}/retire`, { token: pub.staffToken });
    expect([again.status, again.body.error.code]).toEqual([409, 'CATALOG_SYSTEM_STATE_CONFLICT']);
    const edit = await h().call('PATCH', `/api/v1/catalog/systems/${r.body.id}`, { token: pub.staffToken, body: { hosting: 'x' } });
    expect(edit.body.error.code).toBe('CATALOG_SYSTEM_STATE_CONFLICT');
    expect((await entries(r.body.id)).map((e) => e.entry.type)).toEqual(['catalog.system.created', 'catalog.system.updated', 'catalog.system.retired']);
  });

  it('other bodies cannot see or change a body’s systems; the data bureau writes any, the regulator reads all', async () => {
    const r = await sys(pub);
    expect((await h().call('GET', `/api/v1/catalog/systems/${r.body.id}`, { token: pub2.adminToken })).body.error.code).toBe('CATALOG_SYSTEM_NOT_FOUND');
    expect((await h().call('PATCH', `/api/v1/catalog/systems/${r.body.id}`, { token: pub2.adminToken, body: { hosting: 'x' } })).status).toBe(404);
    expect((await sys(pub2, { orgId: pub.id })).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    const mine = await h().call('GET', `/api/v1/catalog/systems?orgId=${pub.id}`, { token: pub2.staffToken });
    expect(mine.body.total).toBe(0);
    expect((await h().call('GET', `/api/v1/catalog/systems/${r.body.id}`, { token: regulator.auditorToken })).status).toBe(200);
    expect((await h().call('POST', `/api/v1/catalog/systems/${r.body.id}/retire`, { token: regulator.adminToken })).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    const byBureau = await sys(pub, { orgId: pub.id }, bureau.staffToken);
    expect(byBureau.status).toBe(201);
    expect(byBureau.body.orgId).toBe(pub.id);
    expect((await sys(pub, {}, pub.auditorToken)).status).toBe(403);
    const all = await h().call('GET', `/api/v1/catalog/systems?orgId=${pub.id}&pageSize=200`, { token: bureau.auditorToken });
    expect(all.body.items.map((s: any) => s.id)).toEqual(expect.arrayContaining([r.body.id, byBureau.body.id]));
    const bad = await sys(pub, { launchYear: 1800 });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'REQUEST_VALIDATION_FAILED']);
  });

  it('a resource declares one of its own body’s systems in service; the overview counts the three lists', async () => {
    const s = (await sys(pub)).body;
    const other = (await sys(pub2)).body;
    const r = await resource(pub, { systemId: s.id });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.systemId).toBe(s.id);
    const foreign = await resource(pub, { systemId: other.id });
    expect([foreign.status, foreign.body.error.code, foreign.body.error.details.reason]).toEqual([400, 'CATALOG_ATTRIBUTE_INVALID', 'not_own_system']);
    const missing = await resource(pub, { systemId: 'sys_00000000000000000000' });
    expect(missing.body.error.details.reason).toBe('not_found');
    const plain = (await resource(pub)).body;
    const patched = await h().call('PATCH', `/api/v1/catalog/resources/${plain.id}`, { token: pub.staffToken, body: { systemId: s.id } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.systemId).toBe(s.id);
    const bySystem = await h().call('GET', `/api/v1/catalog/resources?systemId=${s.id}`, { token: pub.staffToken });
    expect(bySystem.body.items.map((i: any) => i.id).sort()).toEqual([r.body.id, plain.id].sort());
    expect((await h().call('GET', `/api/v1/catalog/systems/${s.id}`, { token: pub.staffToken })).body.resourceCount).toBe(2);
    const retired = (await sys(pub)).body;
    await h().call('POST', `/api/v1/catalog/systems/${retired.id}/retire`, { token: pub.staffToken });
    expect((await resource(pub, { systemId: retired.id })).body.error.details.reason).toBe('system_retired');

    const o = await h().call('GET', `/api/v1/catalog/lists/overview?orgId=${pub.id}`, { token: bureau.staffToken });
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    const body = o.body.bodies.find((b: any) => b.orgId === pub.id);
    expect(body.resources).toBeGreaterThanOrEqual(2);
    expect(body.systemResources.find((x: any) => x.systemId === s.id).resources).toBe(2);
    expect(body.orgName.zh).toContain('Grid');
    const refused = await h().call('GET', `/api/v1/catalog/lists/overview?orgId=${pub.id}`, { token: pub2.staffToken });
    expect(refused.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    const own = await h().call('GET', '/api/v1/catalog/lists/overview', { token: pub2.staffToken });
    expect(own.body.bodies.map((b: any) => b.orgId)).toEqual([pub2.id]);
  });
});
