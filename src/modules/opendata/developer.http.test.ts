import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { publishOpen } from '../../../test/opendata/opendata.helpers.js';

const AGREEMENT = '本单位承诺仅将数据用于所述用途，不转让、不再识别个人，期满删除。We use the data only for the stated purpose.';

describeEachEngine('open-data developers, keys, applications and the apps showcase', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let gov: TestOrg;
  let gov2: TestOrg;
  let dev: TestOrg;
  let dev2: TestOrg;
  let uncond: string;
  let cond: string;
  let cond2: string;

  const call = (method: string, url: string, token: string, body?: unknown) => h().call(method, url, { token, ...(body !== undefined ? { body } : {}) });
  const entries = async (subjectId: string) => {
    await h().lt.flush();
    return ((await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[]).map((e) => e.entry.type);
  };
  const apply = (org: TestOrg, resourceId: string, over: Record<string, unknown> = {}) =>
    call('POST', '/api/v1/opendata/applications', org.staffToken, { resourceId, purpose: '交通出行研究', agreement: AGREEMENT, acceptConditions: true, ...over });

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    gov = await h().org(['source_unit'], 'Transport', 'government');
    gov2 = await h().org(['source_unit'], 'Weather', 'government');
    dev = await h().org(['enterprise'], 'Dev');
    dev2 = await h().org(['enterprise'], 'Dev2');
    uncond = await publishOpen(h(), gov, bureau, 'unconditional', undefined, true);
    cond = await publishOpen(h(), gov, bureau, 'conditional', undefined, true);
    cond2 = await publishOpen(h(), gov2, bureau, 'conditional', undefined, true);
    for (const d of [dev, dev2]) {
      const r = await call('POST', '/api/v1/opendata/developers', d.adminToken, { contactName: '张三', contactEmail: 'Dev@Example.com' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  });

  it('registers a developer once; a second registration is 409 and not registered orgs get 403 on keys', async () => {
    const me = await call('GET', '/api/v1/opendata/developers/me', dev.auditorToken);
    expect(me.body).toMatchObject({ orgId: dev.id, contactEmail: 'dev@example.com', status: 'active' });
    expect((await call('POST', '/api/v1/opendata/developers', dev.staffToken, { contactName: '李四', contactEmail: 'x@example.com' })).status).toBe(409);
    expect((await call('POST', '/api/v1/opendata/developers', dev.auditorToken, { contactName: '李四', contactEmail: 'x@example.com' })).status).toBe(403);
    const stranger = await h().org(['enterprise'], 'Stranger');
    const r = await call('POST', '/api/v1/opendata/keys', stranger.staffToken, { resourceId: uncond });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('OPENDATA_DEVELOPER_REQUIRED');
    expect(await entries(dev.id)).toContain('opendata.developer.registered');
  });

  it('a developer key is an open_key grant: the developer reads rows through the gateway; revoking it ends access', async () => {
    expect((await call('GET', `/api/v1/data/${uncond}/rows`, dev.staffToken)).status).toBe(403);
    const k = await call('POST', '/api/v1/opendata/keys', dev.staffToken, { resourceId: uncond });
    expect(k.status, JSON.stringify(k.body)).toBe(201);
    expect(k.body).toMatchObject({ resourceId: uncond, grantorOrgId: gov.id, status: 'active', endpoint: `http://liutong.test/api/v1/data/${uncond}/rows` });
    const grant = await h().lt.gateway.grants.get(k.body.grantId);
    expect(grant).toMatchObject({ kind: 'open_key', sourceRef: k.body.id, granteeOrgId: dev.id, grantorOrgId: gov.id, status: 'active', ratePerMinute: 60, dailyRowQuota: 100000 });
    const rows = await call('GET', `/api/v1/data/${uncond}/rows`, dev.staffToken);
    expect(rows.status, JSON.stringify(rows.body)).toBe(200);
    expect(rows.body.items).toHaveLength(3);
    expect((await call('POST', '/api/v1/opendata/keys', dev.staffToken, { resourceId: uncond })).status).toBe(409);
    // A conditional dataset needs an application, not a key; a dataset that is not open does not exist here.
    const c = await call('POST', '/api/v1/opendata/keys', dev.staffToken, { resourceId: cond });
    expect(c.status).toBe(409);
    expect(c.body.error.code).toBe('OPENDATA_OPEN_TYPE_MISMATCH');
    // Another developer neither sees nor revokes this key.
    expect((await call('GET', '/api/v1/opendata/keys', dev2.staffToken)).body.items.map((x: any) => x.id)).not.toContain(k.body.id);
    const other = await call('POST', `/api/v1/opendata/keys/${k.body.id}/revoke`, dev2.adminToken);
    expect(other.status).toBe(404);
    expect((await call('GET', `/api/v1/data/${uncond}/rows`, dev2.staffToken)).status).toBe(403);
    const revoked = await call('POST', `/api/v1/opendata/keys/${k.body.id}/revoke`, dev.adminToken);
    expect(revoked.status).toBe(200);
    expect((await h().lt.gateway.grants.get(k.body.grantId))!.status).toBe('revoked');
    expect((await call('POST', `/api/v1/opendata/keys/${k.body.id}/revoke`, dev.adminToken)).status).toBe(409);
    expect((await call('GET', `/api/v1/data/${uncond}/rows`, dev.staffToken)).status).toBe(403);
    expect(await entries(k.body.id)).toEqual(['opendata.key.issued', 'opendata.key.revoked']);
  });

  it('applications: submitted → approved issues an open_application grant; illegal transitions are 409', async () => {
    const a = await apply(dev, cond, { fields: ['route_no', 'stops'] });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ status: 'submitted', grantorOrgId: gov.id, developerOrgId: dev.id, grantId: null });
    expect((await call('GET', `/api/v1/data/${cond}/rows`, dev.staffToken)).status).toBe(403);
    // The developer cannot approve its own application; the source unit can, narrowing the fields.
    expect((await call('POST', `/api/v1/opendata/applications/${a.body.id}/approve`, dev.adminToken, {})).status).toBe(403);
    const ok = await call('POST', `/api/v1/opendata/applications/${a.body.id}/approve`, gov.staffToken, { fields: ['route_no'] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', fields: ['route_no'] });
    const grant = await h().lt.gateway.grants.get(ok.body.grantId);
    expect(grant).toMatchObject({ kind: 'open_application', sourceRef: a.body.id, granteeOrgId: dev.id, fields: ['route_no'], status: 'active' });
    const rows = await call('GET', `/api/v1/data/${cond}/rows`, dev.staffToken);
    expect(rows.status, JSON.stringify(rows.body)).toBe(200);
    expect(Object.keys(rows.body.items[0])).toEqual(['route_no']);
    for (const action of ['approve', 'reject']) {
      const again = await call('POST', `/api/v1/opendata/applications/${a.body.id}/${action}`, gov.staffToken, action === 'reject' ? { reason: '太迟' } : {});
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('OPENDATA_APPLICATION_STATE_CONFLICT');
    }
    expect((await call('POST', `/api/v1/opendata/applications/${a.body.id}/withdraw`, dev.staffToken)).status).toBe(409);
    const rv = await call('POST', `/api/v1/opendata/applications/${a.body.id}/revoke`, gov.adminToken, { reason: '超范围使用' });
    expect(rv.status).toBe(200);
    expect((await h().lt.gateway.grants.get(ok.body.grantId))!.status).toBe('revoked');
    expect((await call('GET', `/api/v1/data/${cond}/rows`, dev.staffToken)).status).toBe(403);
    expect(await entries(a.body.id)).toEqual(['opendata.application.submitted', 'opendata.application.approved', 'opendata.application.revoked']);
  });

  it('applications: rejected and withdrawn are final; bad input changes nothing', async () => {
    const r = await apply(dev, cond);
    const rej = await call('POST', `/api/v1/opendata/applications/${r.body.id}/reject`, gov.staffToken, { reason: '用途不明确' });
    expect(rej.body).toMatchObject({ status: 'rejected', reason: '用途不明确', grantId: null });
    expect((await call('POST', `/api/v1/opendata/applications/${r.body.id}/approve`, gov.staffToken, {})).status).toBe(409);
    const w = await apply(dev, cond);
    expect((await call('POST', `/api/v1/opendata/applications/${w.body.id}/withdraw`, dev.staffToken)).body.status).toBe('withdrawn');
    expect((await call('POST', `/api/v1/opendata/applications/${w.body.id}/approve`, gov.staffToken, {})).status).toBe(409);
    const before = (await call('GET', '/api/v1/opendata/applications', dev.staffToken)).body.total;
    expect((await apply(dev, cond, { acceptConditions: false })).body.error.code).toBe('OPENDATA_AGREEMENT_REQUIRED');
    expect((await apply(dev, cond, { fields: ['secret'] })).body.error.code).toBe('OPENDATA_FIELDS_INVALID');
    expect((await apply(dev, uncond)).body.error.code).toBe('OPENDATA_OPEN_TYPE_MISMATCH');
    expect((await apply(dev, cond, { agreement: 'short' })).status).toBe(400);
    expect((await apply(dev, cond, { expiresAt: '2000-01-01T00:00:00Z' })).status).toBe(400);
    expect((await call('GET', '/api/v1/opendata/applications', dev.staffToken)).body.total).toBe(before);
  });

  it('across organisations: a source unit decides only its own datasets’ applications; developers see only their own', async () => {
    const a = await apply(dev, cond2);
    expect(a.status).toBe(201);
    // gov does not own cond2: the application is hidden from it.
    const wrong = await call('POST', `/api/v1/opendata/applications/${a.body.id}/approve`, gov.staffToken, {});
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('OPENDATA_APPLICATION_NOT_FOUND');
    expect((await call('GET', `/api/v1/opendata/applications/${a.body.id}`, gov.staffToken)).status).toBe(404);
    expect((await call('GET', `/api/v1/opendata/applications/${a.body.id}`, dev2.staffToken)).status).toBe(404);
    expect((await call('POST', `/api/v1/opendata/applications/${a.body.id}/withdraw`, dev2.staffToken)).status).toBe(404);
    expect((await call('GET', '/api/v1/opendata/applications?role=incoming', gov.staffToken)).body.items.map((x: any) => x.id)).not.toContain(a.body.id);
    expect((await call('GET', '/api/v1/opendata/applications?role=incoming', gov2.staffToken)).body.items.map((x: any) => x.id)).toContain(a.body.id);
    expect((await call('GET', '/api/v1/opendata/applications', dev2.staffToken)).body.items.map((x: any) => x.id)).not.toContain(a.body.id);
    expect((await call('POST', `/api/v1/opendata/applications/${a.body.id}/approve`, gov2.staffToken, {})).status).toBe(200);
  });

  it('apps showcase: developers submit, the data bureau approves for display; illegal reviews are 409', async () => {
    const body = { name: { zh: '公交到站提醒', en: 'Bus arrival alerts' }, description: { zh: '基于公交线路开放数据', en: 'Built on open bus route data' }, url: 'https://bus.example.com', datasetIds: [uncond] };
    const s = await call('POST', '/api/v1/opendata/apps', dev.staffToken, body);
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect((await h().call('GET', '/api/v1/public/opendata/apps')).body.items.map((x: any) => x.id)).not.toContain(s.body.id);
    expect((await call('POST', `/api/v1/opendata/apps/${s.body.id}/approve`, gov.staffToken)).status).toBe(403);
    expect((await call('GET', '/api/v1/opendata/apps', dev2.staffToken)).body.items.map((x: any) => x.id)).not.toContain(s.body.id);
    expect((await call('GET', '/api/v1/opendata/apps?status=submitted', bureau.staffToken)).body.items.map((x: any) => x.id)).toContain(s.body.id);
    expect((await call('POST', `/api/v1/opendata/apps/${s.body.id}/approve`, bureau.staffToken)).body.status).toBe('approved');
    expect((await call('POST', `/api/v1/opendata/apps/${s.body.id}/approve`, bureau.staffToken)).status).toBe(409);
    const shown = await h().call('GET', '/api/v1/public/opendata/apps');
    expect(shown.body.items.find((x: any) => x.id === s.body.id)).toMatchObject({ name: body.name, url: body.url, datasetIds: [uncond] });
    expect((await call('POST', `/api/v1/opendata/apps/${s.body.id}/delist`, bureau.staffToken, { reason: '链接失效' })).body.status).toBe('delisted');
    expect((await h().call('GET', '/api/v1/public/opendata/apps')).body.items.map((x: any) => x.id)).not.toContain(s.body.id);
    const bad = await call('POST', '/api/v1/opendata/apps', dev.staffToken, { ...body, datasetIds: ['res_00000000000000000000'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('OPENDATA_APP_DATASETS_INVALID');
    expect(await entries(s.body.id)).toEqual(['opendata.app.submitted', 'opendata.app.approved', 'opendata.app.delisted']);
  });
});
