import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const CREDIT = 'cat_theme000000000000001';
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };

describeEachEngine('demand list (需求清单): open → matched → closed, suggestions', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let pub: TestOrg;
  let pub2: TestOrg;
  let ent: TestOrg;
  let element: string;
  let elementIdentifier: string;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;
  const demand = (org: TestOrg, over: Record<string, unknown> = {}) =>
    h().call('POST', '/api/v1/catalog/demands', { token: org.staffToken, body: { title: { zh: `企业用电需求${tag()}`, en: `Company power demand ${tag()}` }, purpose: '信贷审批', ...over } });
  const published = async (org: TestOrg, title: { zh: string; en: string }, fields: unknown[]) => {
    const r = await h().call('POST', '/api/v1/catalog/resources', { token: org.staffToken, body: {
      title, categoryId: CREDIT, updateFrequency: 'monthly', format: 'table', fields, sharing: { type: 'conditional', conditions: '审批' }, open: { type: 'none' },
    } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await h().call('POST', `/api/v1/catalog/resources/${r.body.id}/submit`, { token: org.staffToken })).status).toBe(200);
    expect((await h().call('POST', `/api/v1/catalog/resources/${r.body.id}/publish`, { token: bureau.staffToken })).status).toBe(200);
    return r.body.id as string;
  };
  const act = (id: string, action: 'match' | 'close', token: string, body: unknown = {}) => h().call('POST', `/api/v1/catalog/demands/${id}/${action}`, { token, body });

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    pub = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    pub2 = await h().org(['source_unit'], 'Tax', 'government');
    ent = await h().org(['enterprise'], 'Ent');
    elementIdentifier = `DE.DMD.USCC${tag().toUpperCase()}`;
    const e = await h().call('POST', '/api/v1/catalog/elements', { token: bureau.staffToken, body: { identifier: elementIdentifier, name: { zh: `需求测试代码${tag()}`, en: 'USCC' }, dataType: 'string', sourceOrgId: pub.id } });
    expect(e.status).toBe(201);
    element = e.body.id;
  });

  it('walks open → matched → closed with an event each; illegal transitions are 409', async () => {
    const d = await demand(pub2, { wantedFields: '统一社会信用代码、月用电量', elementIds: [element], description: { zh: '说明', en: 'Notes' } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body).toMatchObject({ id: expect.stringMatching(/^dmd_/), orgId: pub2.id, status: 'open', elementIds: [element], matches: [] });
    const res = await published(pub, { zh: `电力数据${tag()}`, en: `Power ${tag()}` }, [{ name: 'uscc', label: { zh: '代码', en: 'Code' }, elementId: element, grade: G2 }]);
    const m = await act(d.body.id, 'match', pub2.staffToken, { resourceIds: [res] });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body).toMatchObject({ status: 'matched', matchCount: 1, matches: [{ resourceId: res, matchedByOrgId: pub2.id }] });
    const res2 = await published(pub, { zh: `电力数据${tag()}`, en: `Power ${tag()}` }, [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G2 }]);
    const more = await act(d.body.id, 'match', bureau.staffToken, { resourceIds: [res2, res] });
    expect(more.body.matches.map((x: any) => x.resourceId).sort()).toEqual([res, res2].sort());
    const c = await act(d.body.id, 'close', pub2.staffToken, { reason: '已满足' });
    expect(c.body).toMatchObject({ status: 'closed', closeReason: '已满足' });
    const again = await act(d.body.id, 'close', pub2.staffToken);
    expect([again.status, again.body.error.code]).toEqual([409, 'CATALOG_DEMAND_STATE_CONFLICT']);
    expect((await act(d.body.id, 'match', bureau.staffToken, { resourceIds: [res] })).body.error.code).toBe('CATALOG_DEMAND_STATE_CONFLICT');
    await h().lt.flush();
    const ledger = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${d.body.id}&order=asc&pageSize=50`, { token: h().adminToken })).body.items;
    expect(ledger.map((e: any) => e.entry.type)).toEqual(['catalog.demand.created', 'catalog.demand.matched', 'catalog.demand.matched', 'catalog.demand.closed']);
    const unmatched = await demand(pub2);
    expect((await act(unmatched.body.id, 'close', bureau.adminToken)).body.status).toBe('closed');
  });

  it('matches only published public resources, changing nothing otherwise; other bodies cannot see or act', async () => {
    const d = (await demand(pub2)).body;
    const draft = await h().call('POST', '/api/v1/catalog/resources', { token: pub.staffToken, body: { title: { zh: '草稿', en: 'Draft' }, categoryId: CREDIT, updateFrequency: 'monthly', format: 'table', fields: [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string' }] } });
    const bad = await act(d.id, 'match', pub2.staffToken, { resourceIds: [draft.body.id] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'CATALOG_DEMAND_MATCH_INVALID']);
    expect((await h().call('GET', `/api/v1/catalog/demands/${d.id}`, { token: pub2.staffToken })).body).toMatchObject({ status: 'open', matchCount: 0 });
    expect((await h().call('GET', `/api/v1/catalog/demands/${d.id}`, { token: pub.staffToken })).body.error.code).toBe('CATALOG_DEMAND_NOT_FOUND');
    expect((await act(d.id, 'close', ent.adminToken)).body.error.code).toBe('CATALOG_DEMAND_NOT_FOUND');
    expect((await act(d.id, 'close', pub2.auditorToken)).status).toBe(403);
    expect((await h().call('GET', '/api/v1/catalog/demands?pageSize=200', { token: pub.staffToken })).body.items.some((x: any) => x.id === d.id)).toBe(false);
    expect((await h().call('GET', '/api/v1/catalog/demands?pageSize=200', { token: bureau.auditorToken })).body.items.some((x: any) => x.id === d.id)).toBe(true);
    const unknown = await demand(pub2, { elementIds: ['del_00000000000000000000'] });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'CATALOG_ATTRIBUTE_INVALID']);
  });

  it('suggests resources sharing the wanted elements or words, with the reasons, best first', async () => {
    const k = tag();
    const both = await published(pub, { zh: `企业月度耗电量${k}`, en: `Monthly power ${k}` }, [{ name: 'uscc', label: { zh: '代码', en: 'Code' }, elementId: element, grade: G2 }]);
    const word = await published(pub, { zh: `耗电量统计${k}`, en: `Power stats ${k}` }, [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string', grade: G2 }]);
    const none = await published(pub, { zh: `天气${tag()}`, en: `Weather ${tag()}` }, [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string', grade: G2 }]);
    const d = (await demand(pub2, { title: { zh: '耗电量', en: 'consumption' }, wantedFields: `耗电量${k}`, elementIds: [element] })).body;
    const s = await h().call('GET', `/api/v1/catalog/demands/${d.id}/suggestions`, { token: pub2.staffToken });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const ids = s.body.items.map((i: any) => i.resourceId);
    expect(ids).toContain(both);
    expect(ids).toContain(word);
    expect(ids).not.toContain(none);
    const first = s.body.items.find((i: any) => i.resourceId === both);
    expect(first.reasons).toEqual(expect.arrayContaining([{ kind: 'element', value: elementIdentifier }]));
    expect(first.score).toBeGreaterThan(s.body.items.find((i: any) => i.resourceId === word).score);
    await act(d.id, 'match', pub2.staffToken, { resourceIds: [both] });
    const after = await h().call('GET', `/api/v1/catalog/demands/${d.id}/suggestions`, { token: pub2.staffToken });
    expect(after.body.items.map((i: any) => i.resourceId)).not.toContain(both);
  });
});
