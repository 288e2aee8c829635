import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const CREDIT = 'cat_theme000000000000001';
const THEME = 'cat_theme000000000000000';
const POPULATION = 'cat_base0000000000000001';
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
const CORE = { level: 'core', personalInfo: 'none' };

describeEachEngine('important-data catalogue (重要数据目录) and the grading hook', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let bureau2: TestOrg;
  let pub: TestOrg;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;
  const resource = (title: { zh: string; en: string }, over: Record<string, unknown> = {}) =>
    h().call('POST', '/api/v1/catalog/resources', { token: pub.staffToken, body: {
      title, categoryId: CREDIT, updateFrequency: 'monthly', format: 'table',
      fields: [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G2 }], ...over,
    } });
  const entry = (body: Record<string, unknown>, token = bureau.staffToken) =>
    h().call('POST', '/api/v1/catalog/important-data', { token, body: { sector: 'energy', name: { zh: `电网运行数据${tag()}`, en: `Grid operation ${tag()}` }, ...body } });
  const get = async (id: string) => (await h().call('GET', `/api/v1/catalog/resources/${id}`, { token: pub.staffToken })).body;

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    bureau2 = await h().org(['data_bureau'], 'Bureau2', 'government');
    pub = await h().org(['source_unit'], 'Grid', 'public_enterprise');
  });

  it('adding an entry raises the matching resources (and only them) to important, with an event; the catalogue is evented', async () => {
    const word = `电网拓扑${tag()}`;
    const match = (await resource({ zh: `${word}数据`, en: 'Grid topology' }, { sharing: { type: 'conditional', conditions: '审批' }, open: { type: 'unconditional' } })).body;
    const other = (await resource({ zh: `天气${tag()}`, en: 'Weather' })).body;
    const otherCategory = (await resource({ zh: `${word}交通`, en: 'Grid topology transport' }, { categoryId: POPULATION })).body;
    const core = (await resource({ zh: `${word}核心`, en: 'Core' }, { fields: [{ name: 'k', label: { zh: '核心', en: 'Core' }, dataType: 'string', grade: CORE }] })).body;
    expect([match.grading.level, other.grading.level, core.grading.level]).toEqual(['general', 'general', 'core']);
    const before = { other: await get(other.id), otherCategory: await get(otherCategory.id) };

    const e = await entry({ keywords: [word], categoryIds: [THEME], description: { zh: '电网', en: 'Grid' } });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    expect(e.body).toMatchObject({ id: expect.stringMatching(/^imp_/), sector: 'energy', keywords: [word], categoryIds: [THEME], status: 'active', regraded: [match.id] });
    const raised = await get(match.id);
    expect(raised.grading).toMatchObject({ level: 'important', generalLevel: null });
    expect(raised.fields[0].grade).toEqual({ ...G2, sensitiveCategories: [] }); // the field's own grade is a person's: untouched
    expect(await get(other.id)).toEqual(before.other); // nothing else changes
    expect(await get(otherCategory.id)).toEqual(before.otherCategory); // keyword alone is not enough: the category must match too
    expect((await get(core.id)).grading.level).toBe('core'); // never lowered
    await h().lt.flush();
    const ledger = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${match.id}&order=asc&pageSize=50`, { token: h().adminToken })).body.items;
    const regraded = ledger.find((x: any) => x.entry.type === 'catalog.resource.regraded');
    expect(regraded).toBeTruthy();
    const created = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${e.body.id}&order=asc&pageSize=5`, { token: h().adminToken })).body.items;
    expect(created.map((x: any) => x.entry.type)).toEqual(['catalog.important.created']);

    // Important data then follows the grading rules already coded: never opened unconditionally.
    expect((await h().call('POST', `/api/v1/catalog/resources/${match.id}/submit`, { token: pub.staffToken })).status).toBe(200);
    const pubd = await h().call('POST', `/api/v1/catalog/resources/${match.id}/publish`, { token: bureau.staffToken });
    expect([pubd.status, pubd.body.error.code, pubd.body.error.details.rule]).toEqual([400, 'CATALOG_GRADING_CONFLICT', 'important_not_opened_unconditionally']);
  });

  it('a new resource matching an active entry is graded important at once, and its attributes are checked against that', async () => {
    const id = `DE.IMP.GRID${tag().toUpperCase()}`;
    const el = await h().call('POST', '/api/v1/catalog/elements', { token: bureau.staffToken, body: { identifier: id, name: { zh: `电网节点${tag()}`, en: 'Grid node' }, dataType: 'string', sourceOrgId: pub.id } });
    expect(el.status).toBe(201);
    expect((await entry({ elementIdentifiers: [id] })).status).toBe(201);
    const fields = [{ name: 'node', label: { zh: '节点', en: 'Node' }, elementId: el.body.id, grade: G2 }];
    const r = await resource({ zh: `节点表${tag()}`, en: 'Nodes' }, { fields });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.grading.level).toBe('important');
    const open = await resource({ zh: `节点表${tag()}`, en: 'Nodes' }, { fields, open: { type: 'unconditional' } });
    expect([open.status, open.body.error.code, open.body.error.details.rule]).toEqual([400, 'CATALOG_GRADING_CONFLICT', 'important_not_opened_unconditionally']);
    const plain = await resource({ zh: `普通表${tag()}`, en: 'Plain' });
    expect(plain.body.grading.level).toBe('general');
    // A regrade of a field keeps the raise (the match only raises).
    const g = await h().call('PUT', `/api/v1/catalog/resources/${r.body.id}/fields/node/grade`, { token: pub.staffToken, body: { level: 'general', generalLevel: 1, personalInfo: 'none' } });
    expect(g.body.grading.level).toBe('important');
  });

  it('only a data bureau keeps the catalogue; bad entries change nothing; retiring lowers nothing', async () => {
    expect((await entry({ keywords: ['电网'] }, pub.adminToken)).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
    const none = await entry({});
    expect([none.status, none.body.error.code]).toEqual([400, 'CATALOG_IMPORTANT_ENTRY_INVALID']);
    expect((await entry({ categoryIds: ['cat_00000000000000000000'] })).body.error.details.reason).toBe('category_not_found');
    expect((await entry({ keywords: ['x'] })).body.error.details.reason).toBe('keyword_too_short');
    expect((await entry({ keywords: ['电网'], bogus: 1 })).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
    const word = `退役测试${tag()}`;
    const r = (await resource({ zh: word, en: 'Retire test' })).body;
    const e = (await entry({ keywords: [word] })).body;
    expect((await get(r.id)).grading.level).toBe('important');
    expect((await h().call('POST', `/api/v1/catalog/important-data/${e.id}/retire`, { token: bureau2.adminToken })).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    const ret = await h().call('POST', `/api/v1/catalog/important-data/${e.id}/retire`, { token: bureau.adminToken });
    expect(ret.body.status).toBe('retired');
    expect((await h().call('POST', `/api/v1/catalog/important-data/${e.id}/retire`, { token: bureau.adminToken })).body.error.code).toBe('CATALOG_IMPORTANT_ENTRY_STATE_CONFLICT');
    expect((await get(r.id)).grading.level).toBe('important');
    expect((await resource({ zh: `${word}新`, en: 'After retire' })).body.grading.level).toBe('general');
    const list = await h().call('GET', '/api/v1/catalog/important-data?sector=energy&pageSize=200', { token: pub.auditorToken });
    expect(list.body.items.find((x: any) => x.id === e.id).status).toBe('retired');
  });
});
