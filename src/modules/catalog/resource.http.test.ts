import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const CREDIT = 'cat_theme000000000000001';
const THEME = 'cat_theme000000000000000';
const POPULATION = 'cat_base0000000000000001';
const G1 = { level: 'general', generalLevel: 1, personalInfo: 'none' };
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
const SHARE_COND = { type: 'conditional', conditions: '仅用于信贷审批' };
const OPEN_NONE = { type: 'none' };

describeEachEngine('resource catalog, categories and grading over HTTP', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let regulator: TestOrg;
  let pub: TestOrg;
  let pub2: TestOrg;
  let ent: TestOrg;
  let ent2: TestOrg;
  let uscc: string;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;

  const body = (over: Record<string, unknown> = {}) => {
    const k = tag();
    return {
      title: { zh: `企业用电量${k}`, en: `Electricity usage ${k}` },
      categoryId: CREDIT,
      fields: [
        { name: 'uscc', label: { zh: '统一社会信用代码', en: 'USCC' }, elementId: uscc, key: true, grade: G1 },
        { name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G2 },
      ],
      updateFrequency: 'monthly',
      format: 'table',
      sharing: SHARE_COND,
      open: OPEN_NONE,
      ...over,
    };
  };
  const create = (over: Record<string, unknown> = {}, org: TestOrg = pub, token = org.staffToken) => h().call('POST', '/api/v1/catalog/resources', { token, body: body(over) });
  const act = (id: string, action: string, token: string) => h().call('POST', `/api/v1/catalog/resources/${id}/${action}`, { token });
  const get = (id: string, token: string) => h().call('GET', `/api/v1/catalog/resources/${id}`, { token });
  const grade = (id: string, field: string, g: unknown, token = pub.staffToken) => h().call('PUT', `/api/v1/catalog/resources/${id}/fields/${field}/grade`, { token, body: g });
  const published = async (org: TestOrg = pub, over: Record<string, unknown> = {}) => {
    const r = await create(over, org);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await act(r.body.id, 'submit', org.staffToken)).status).toBe(200);
    const p = await act(r.body.id, 'publish', org === pub || org === pub2 ? bureau.staffToken : org.adminToken);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    return p.body as any;
  };
  const entries = async (subjectId: string) => {
    await h().lt.flush();
    return (await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[];
  };
  const total = async () => (await h().lt.catalog.resources.list(null, { page: 1, pageSize: 1 })).total;

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    regulator = await h().org(['regulator'], 'Reg', 'government');
    pub = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    pub2 = await h().org(['source_unit'], 'Police', 'government');
    ent = await h().org(['enterprise'], 'Ent');
    ent2 = await h().org(['enterprise'], 'Ent2');
    const e = await h().call('POST', '/api/v1/catalog/elements', {
      token: bureau.staffToken,
      body: { identifier: `DE.RES.USCC${tag().toUpperCase()}`, name: { zh: `资源测试代码${tag()}`, en: 'USCC' }, dataType: 'string', format: { kind: 'validator', name: 'uscc' }, sourceOrgId: pub.id },
    });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    uscc = e.body.id;
  });

  describe('categories', () => {
    it('serves the seeded tree of base and theme databases to any signed-in user', async () => {
      const r = await h().call('GET', '/api/v1/catalog/categories', { token: ent.auditorToken });
      expect(r.status).toBe(200);
      const [base, theme] = r.body.items;
      expect(base).toMatchObject({ code: 'base', name: { zh: '基础库', en: 'Base databases' } });
      expect(base.children.map((c: any) => c.name.zh)).toEqual(['人口', '法人', '空间地理', '电子证照']);
      expect(theme.children.map((c: any) => c.name.zh)).toEqual(['信用', '金融', '医疗', '交通', '生态', '市场监管']);
      expect(theme.children[0].name.en).toBe('Credit');
      expect((await h().call('GET', '/api/v1/catalog/categories')).status).toBe(401);
    });

    it('the data bureau creates, renames and moves categories; codes are unique and moves make no cycle', async () => {
      const code = `theme.test${tag()}`;
      const c = await h().call('POST', '/api/v1/catalog/categories', { token: bureau.staffToken, body: { code, name: { zh: '测试主题', en: 'Test theme' }, parentId: THEME } });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const child = await h().call('POST', '/api/v1/catalog/categories', { token: bureau.staffToken, body: { code: `${code}.child`, name: { zh: '子类', en: 'Child' }, parentId: c.body.id } });
      expect(child.status).toBe(201);
      const dup = await h().call('POST', '/api/v1/catalog/categories', { token: bureau.staffToken, body: { code, name: { zh: '重复', en: 'Dup' } } });
      expect([dup.status, dup.body.error.code]).toEqual([409, 'CATALOG_CATEGORY_CODE_TAKEN']);
      const cycle = await h().call('PATCH', `/api/v1/catalog/categories/${c.body.id}`, { token: bureau.staffToken, body: { parentId: child.body.id } });
      expect([cycle.status, cycle.body.error.code]).toEqual([409, 'CATALOG_CATEGORY_CYCLE']);
      const self = await h().call('PATCH', `/api/v1/catalog/categories/${c.body.id}`, { token: bureau.staffToken, body: { parentId: c.body.id } });
      expect(self.body.error.code).toBe('CATALOG_CATEGORY_CYCLE');
      const moved = await h().call('PATCH', `/api/v1/catalog/categories/${child.body.id}`, { token: bureau.adminToken, body: { parentId: null, name: { zh: '独立', en: 'Standalone' } } });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ parentId: null, name: { zh: '独立', en: 'Standalone' } });
      expect((await h().call('POST', '/api/v1/catalog/categories', { token: ent.adminToken, body: { code: `x${tag()}`, name: { zh: 'x', en: 'x' } } })).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await h().call('POST', '/api/v1/catalog/categories', { token: bureau.staffToken, body: { code: `x${tag()}`, name: { zh: 'x', en: 'x' }, parentId: 'cat_00000000000000000000' } })).body.error.code).toBe('CATALOG_CATEGORY_NOT_FOUND');
      const [entry] = await entries(c.body.id);
      expect(entry.entry).toMatchObject({ type: 'catalog.category.created', org: bureau.id });
    });
  });

  describe('resources and the state machine', () => {
    it('creates a draft in the documented shape: public for a public body, fields typed by their element', async () => {
      const r = await create({ description: { zh: '按月', en: 'Monthly' }, systemName: '营销系统', timeSpan: { from: '2024-01-01', to: '2025-12-31' }, coverage: '广东省' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({
        id: expect.stringMatching(/^res_[0-9a-z]{20}$/),
        sourceOrgId: pub.id,
        scope: 'public',
        version: 1,
        headVersion: 1,
        liveVersion: null,
        status: 'draft',
        systemName: '营销系统',
        timeSpan: { from: '2024-01-01', to: '2025-12-31' },
        coverage: '广东省',
        grading: { level: 'general', generalLevel: 2, personalInfo: 'none' },
        sharing: SHARE_COND,
        open: OPEN_NONE,
      });
      expect(r.body.fields[0]).toMatchObject({ name: 'uscc', elementId: uscc, dataType: 'string', format: { kind: 'validator', name: 'uscc' }, key: true });
      expect(r.body.fields[1]).toMatchObject({ name: 'kwh', elementId: null, dataType: 'decimal', format: null, key: false });
      expect((await get(r.body.id, pub.auditorToken)).body).toEqual(r.body);
      const social = await create({}, ent);
      expect(social.body.scope).toBe('social');
      const [entry] = await entries(r.body.id);
      expect(entry.entry).toMatchObject({ type: 'catalog.resource.created', org: pub.id, subject: { type: 'resource', id: r.body.id } });
      expect(entry.payload).toMatchObject({ scope: 'public', version: 1, fields: ['uscc', 'kwh'], level: 'general' });
    });

    it('walks every allowed transition, with its events', async () => {
      const r = (await create()).body;
      const s = await act(r.id, 'submit', pub.staffToken);
      expect([s.status, s.body.status]).toEqual([200, 'submitted']);
      const p = await act(r.id, 'publish', bureau.staffToken);
      expect([p.status, p.body.status, p.body.liveVersion]).toEqual([200, 'published', 1]);
      const d = await act(r.id, 'deprecate', pub.adminToken);
      expect([d.status, d.body.status]).toEqual([200, 'deprecated']);
      expect((await entries(r.id)).map((e) => e.entry.type)).toEqual(['catalog.resource.created', 'catalog.resource.submitted', 'catalog.resource.published', 'catalog.resource.deprecated']);
      // the data bureau may also deprecate public data
      const other = await published();
      expect((await act(other.id, 'deprecate', bureau.adminToken)).status).toBe(200);
    });

    it('refuses illegal transitions with 409 CATALOG_RESOURCE_STATE_CONFLICT', async () => {
      const draft = (await create()).body;
      const conflict = async (id: string, action: string, token: string, status: string) => {
        const r = await act(id, action, token);
        expect([r.status, r.body.error?.code, r.body.error?.details], `${action} on ${status}`).toEqual([409, 'CATALOG_RESOURCE_STATE_CONFLICT', { status, action }]);
      };
      await conflict(draft.id, 'publish', bureau.staffToken, 'draft');
      await conflict(draft.id, 'deprecate', pub.adminToken, 'draft');
      await act(draft.id, 'submit', pub.staffToken);
      await conflict(draft.id, 'submit', pub.staffToken, 'submitted');
      await conflict(draft.id, 'deprecate', pub.adminToken, 'submitted');
      const edit = await h().call('PATCH', `/api/v1/catalog/resources/${draft.id}`, { token: pub.staffToken, body: { coverage: 'x' } });
      expect([edit.status, edit.body.error.code]).toEqual([409, 'CATALOG_RESOURCE_STATE_CONFLICT']);
      expect((await grade(draft.id, 'kwh', G1)).body.error.code).toBe('CATALOG_RESOURCE_STATE_CONFLICT');
      const pubd = await published();
      await conflict(pubd.id, 'submit', pub.staffToken, 'published');
      await conflict(pubd.id, 'publish', bureau.staffToken, 'published');
      expect((await grade(pubd.id, 'kwh', G1)).status).toBe(409);
      await act(pubd.id, 'deprecate', pub.adminToken);
      for (const a of ['submit', 'publish', 'deprecate']) await conflict(pubd.id, a, a === 'publish' ? bureau.staffToken : pub.adminToken, 'deprecated');
      expect((await h().call('PATCH', `/api/v1/catalog/resources/${pubd.id}`, { token: pub.staffToken, body: { coverage: 'x' } })).status).toBe(409);
    });

    it('publishing: public data by the data bureau only, social data by its own org_admin', async () => {
      const r = (await create()).body;
      await act(r.id, 'submit', pub.staffToken);
      expect((await act(r.id, 'publish', pub.adminToken)).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await act(r.id, 'publish', regulator.adminToken)).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      const s = (await create({}, ent)).body;
      await act(s.id, 'submit', ent.staffToken);
      expect((await act(s.id, 'publish', ent.staffToken)).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await act(s.id, 'publish', bureau.staffToken)).body.error.code).toBe('CATALOG_RESOURCE_NOT_FOUND');
      expect((await act(s.id, 'publish', ent.adminToken)).status).toBe(200);
    });

    it('editing a published resource makes a new draft version; the published one stays until the new one is published', async () => {
      const p = await published();
      const e = await h().call('PATCH', `/api/v1/catalog/resources/${p.id}`, { token: pub.staffToken, body: { title: { zh: '新标题', en: 'New title' } } });
      expect(e.status, JSON.stringify(e.body)).toBe(200);
      expect(e.body).toMatchObject({ version: 2, status: 'draft', headVersion: 2, liveVersion: 1, title: { zh: '新标题', en: 'New title' } });
      expect(e.body.fields.map((f: any) => f.grade)).toEqual([G1 && { ...G1, sensitiveCategories: [] }, { ...G2, sensitiveCategories: [] }]);
      // Others still see version 1; the owner sees its draft.
      const seen = (await get(p.id, ent.staffToken)).body;
      expect([seen.version, seen.status, seen.title.zh]).toEqual([1, 'published', p.title.zh]);
      expect((await get(p.id, pub.staffToken)).body.version).toBe(2);
      // A second edit changes the same draft.
      const e2 = await h().call('PATCH', `/api/v1/catalog/resources/${p.id}`, { token: pub.staffToken, body: { coverage: '全省' } });
      expect([e2.body.version, e2.body.coverage]).toEqual([2, '全省']);
      await act(p.id, 'submit', pub.staffToken);
      const v2 = await act(p.id, 'publish', bureau.staffToken);
      expect(v2.body).toMatchObject({ version: 2, status: 'published', liveVersion: 2 });
      expect((await get(p.id, ent.staffToken)).body).toMatchObject({ version: 2, title: { zh: '新标题' } });
      const [, , , updated] = await entries(p.id);
      expect(updated.entry.type).toBe('catalog.resource.updated');
      expect(updated.payload).toMatchObject({ version: 2, newVersion: true, changed: ['title'] });
      const last = (await entries(p.id)).at(-1);
      expect(last.payload).toMatchObject({ version: 2, supersedes: 1 });
    });
  });

  describe('visibility across organisations', () => {
    it("own resources in every state, others' published public ones, never others' social ones", async () => {
      const pubDraft = (await create({}, pub)).body;
      const pubLive = await published(pub);
      const pubSubmitted = (await create({}, pub)).body;
      await act(pubSubmitted.id, 'submit', pub.staffToken);
      const social = await published(ent);
      const ids = async (token: string, qs = '') => ((await h().call('GET', `/api/v1/catalog/resources?pageSize=200${qs}`, { token })).body.items as any[]).map((i) => i.id);

      const byEnt2 = await ids(ent2.staffToken);
      expect(byEnt2).toContain(pubLive.id);
      expect(byEnt2).not.toContain(pubDraft.id);
      expect(byEnt2).not.toContain(pubSubmitted.id);
      expect(byEnt2).not.toContain(social.id);
      expect(await ids(ent.auditorToken)).toEqual(expect.arrayContaining([social.id, pubLive.id]));
      expect(await ids(pub.auditorToken)).toEqual(expect.arrayContaining([pubDraft.id, pubLive.id, pubSubmitted.id]));
      for (const reviewer of [bureau, regulator]) {
        const seen = await ids(reviewer.auditorToken);
        expect(seen).toEqual(expect.arrayContaining([pubLive.id, pubSubmitted.id]));
        expect(seen).not.toContain(pubDraft.id);
        expect(seen).not.toContain(social.id);
      }
      expect((await get(social.id, ent2.staffToken)).body.error.code).toBe('CATALOG_RESOURCE_NOT_FOUND');
      expect((await get(social.id, bureau.staffToken)).status).toBe(404);
      expect((await get(pubDraft.id, ent.staffToken)).status).toBe(404);
      expect((await get(pubSubmitted.id, regulator.staffToken)).status).toBe(200);
      // filters
      expect(await ids(ent2.staffToken, `&sourceOrgId=${ent.id}`)).toEqual([]);
      expect(await ids(pub.staffToken, '&status=draft')).toContain(pubDraft.id);
      expect(await ids(pub.staffToken, '&status=draft')).not.toContain(pubLive.id);
      expect(await ids(ent.staffToken, '&scope=social')).toContain(social.id);
      expect(await ids(ent.staffToken, '&scope=public')).not.toContain(social.id);
      expect(await ids(ent2.staffToken, '&scope=social')).toEqual([]);
      expect(await ids(ent2.staffToken, `&category=${THEME}`)).toContain(pubLive.id); // a subtree
      expect(await ids(ent2.staffToken, `&category=${POPULATION}`)).not.toContain(pubLive.id);
      expect(await ids(ent2.staffToken, `&q=${encodeURIComponent(pubLive.title.zh.slice(-6))}`)).toEqual([pubLive.id]);
      expect(await ids(ent2.staffToken, '&level=core')).not.toContain(pubLive.id);
      const page = (await h().call('GET', '/api/v1/catalog/resources?pageSize=1&page=1', { token: pub.staffToken })).body;
      expect(page).toMatchObject({ page: 1, pageSize: 1, total: expect.any(Number) });
      expect(page.items).toHaveLength(1);
    });

    it("another organisation cannot edit, grade, submit or deprecate someone else's resource", async () => {
      const draft = (await create()).body;
      const live = await published();
      const social = (await create({}, ent)).body;
      expect((await h().call('PATCH', `/api/v1/catalog/resources/${live.id}`, { token: pub2.adminToken, body: { coverage: 'x' } })).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      expect((await h().call('PATCH', `/api/v1/catalog/resources/${social.id}`, { token: ent2.adminToken, body: { coverage: 'x' } })).body.error.code).toBe('CATALOG_RESOURCE_NOT_FOUND');
      expect((await act(draft.id, 'submit', pub2.adminToken)).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      expect((await act(social.id, 'submit', ent2.adminToken)).status).toBe(404);
      expect((await grade(draft.id, 'kwh', G1, pub2.staffToken)).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      expect((await grade(social.id, 'kwh', G1, ent2.staffToken)).status).toBe(404);
      expect((await act(live.id, 'deprecate', pub2.adminToken)).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      expect((await act(live.id, 'deprecate', pub.staffToken)).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await get(draft.id, pub.staffToken)).body.version).toBe(1);
    });
  });

  describe('classification and grading', () => {
    it('the resource level is its highest field level (就高从严), computed from field grades', async () => {
      const r = (await create({ sharing: undefined, open: undefined })).body;
      expect(r.grading).toEqual({ level: 'general', generalLevel: 2, personalInfo: 'none' });
      let g = await grade(r.id, 'uscc', { level: 'general', generalLevel: 4, personalInfo: 'personal' });
      expect(g.status, JSON.stringify(g.body)).toBe(200);
      expect(g.body.grading).toEqual({ level: 'general', generalLevel: 4, personalInfo: 'personal' });
      g = await grade(r.id, 'kwh', { level: 'important', personalInfo: 'sensitive', sensitiveCategories: ['financial_accounts'] });
      expect(g.body.grading).toEqual({ level: 'important', generalLevel: null, personalInfo: 'sensitive' });
      g = await grade(r.id, 'kwh', { level: 'core', personalInfo: 'none' });
      expect(g.body.grading.level).toBe('core');
      g = await grade(r.id, 'kwh', G1);
      expect(g.body.grading).toEqual({ level: 'general', generalLevel: 4, personalInfo: 'personal' });
      const [, graded] = await entries(r.id);
      expect(graded.entry.type).toBe('catalog.resource.graded');
      expect(graded.payload).toMatchObject({ field: 'uscc', grade: { level: 'general', generalLevel: 4 }, level: 'general' });
      // the level cannot be set by hand
      expect((await h().call('PATCH', `/api/v1/catalog/resources/${r.id}`, { token: pub.staffToken, body: { grading: { level: 'general' } } })).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
      expect((await grade(r.id, 'nope', G1)).body.error.code).toBe('CATALOG_FIELD_NOT_FOUND');
    });

    it('refuses attributes the grading forbids, naming the rule', async () => {
      const core = { level: 'core', personalInfo: 'none' };
      const important = { level: 'important', personalInfo: 'none' };
      const sensitive = { level: 'general', generalLevel: 4, personalInfo: 'sensitive', sensitiveCategories: ['whereabouts'] };
      const withGrade = (g: unknown) => [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string', grade: g }];
      const cases: Array<[unknown, unknown, unknown, string]> = [
        [core, SHARE_COND, OPEN_NONE, 'core_never_shared'],
        [core, { type: 'unconditional' }, OPEN_NONE, 'core_never_shared'],
        [core, { type: 'none', legalBasis: '核心数据' }, { type: 'conditional', conditions: 'x' }, 'core_never_opened'],
        [important, SHARE_COND, { type: 'unconditional' }, 'important_not_opened_unconditionally'],
        [sensitive, SHARE_COND, { type: 'unconditional' }, 'sensitive_pi_not_opened_unconditionally'],
      ];
      for (const [g, sharing, open, rule] of cases) {
        const r = await create({ fields: withGrade(g), sharing, open });
        expect([r.status, r.body.error?.code, r.body.error?.details?.rule], rule).toEqual([400, 'CATALOG_GRADING_CONFLICT', rule]);
      }
      // allowed: important data conditionally opened; core data neither shared nor opened
      expect((await create({ fields: withGrade(important), open: { type: 'conditional', conditions: '申请' } })).status).toBe(201);
      const c = await create({ fields: withGrade(core), sharing: { type: 'none', legalBasis: '数据安全法第二十一条' }, open: OPEN_NONE });
      expect(c.status).toBe(201);
      // raising a grade into conflict is refused, and so is changing attributes into conflict
      const open = (await create({ open: { type: 'unconditional' } })).body;
      const raise = await grade(open.id, 'kwh', important);
      expect([raise.status, raise.body.error.details.rule]).toEqual([400, 'important_not_opened_unconditionally']);
      expect((await h().call('PATCH', `/api/v1/catalog/resources/${c.body.id}`, { token: pub.staffToken, body: { sharing: SHARE_COND } })).body.error.details.rule).toBe('core_never_shared');
      expect((await get(open.id, pub.staffToken)).body.fields[1].grade).toEqual({ ...G2, sensitiveCategories: [] });
    });

    it('publishing re-checks: every field graded, public data with its attributes', async () => {
      const ungraded = (await create({ fields: [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string' }] })).body;
      expect(ungraded.grading.level).toBeNull();
      await act(ungraded.id, 'submit', pub.staffToken);
      const p = await act(ungraded.id, 'publish', bureau.staffToken);
      expect([p.status, p.body.error.code, p.body.error.details]).toEqual([400, 'CATALOG_GRADING_INCOMPLETE', { fields: ['a'] }]);
      const bare = (await create({ sharing: undefined, open: undefined })).body;
      await act(bare.id, 'submit', pub.staffToken);
      expect((await act(bare.id, 'publish', bureau.staffToken)).body.error.code).toBe('CATALOG_ATTRIBUTES_REQUIRED');
      expect((await get(bare.id, pub.staffToken)).body.status).toBe('submitted');
      // social data needs no sharing/open attributes
      const s = (await create({ sharing: undefined, open: undefined }, ent)).body;
      await act(s.id, 'submit', ent.staffToken);
      expect((await act(s.id, 'publish', ent.adminToken)).status).toBe(200);
    });
  });

  describe('bad input', () => {
    it('refuses bad input with stable codes and writes nothing', async () => {
      await h().lt.flush();
      const before = await total();
      const field = (over: Record<string, unknown>) => [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string', ...over }];
      const cases: Array<[Record<string, unknown>, number, string, unknown?]> = [
        [{ fields: field({ elementId: uscc }) }, 400, 'CATALOG_FIELD_INVALID', { field: 'a', reason: 'element_and_data_type' }],
        [{ fields: field({ dataType: undefined }) }, 400, 'CATALOG_FIELD_INVALID', { reason: 'data_type_required' }],
        [{ fields: field({ dataType: undefined, elementId: 'del_00000000000000000000' }) }, 400, 'CATALOG_FIELD_INVALID', { reason: 'element_not_found' }],
        [{ fields: [...field({}), ...field({})] }, 400, 'CATALOG_FIELD_INVALID', { reason: 'duplicate_name' }],
        [{ fields: field({ grade: { level: 'general', personalInfo: 'none' } }) }, 400, 'CATALOG_FIELD_INVALID', { reason: 'general_level_required' }],
        [{ fields: field({ grade: { level: 'core', generalLevel: 2, personalInfo: 'none' } }) }, 400, 'CATALOG_FIELD_INVALID', { reason: 'general_level_not_allowed' }],
        [{ fields: field({ grade: { level: 'general', generalLevel: 3, personalInfo: 'sensitive' } }) }, 400, 'CATALOG_FIELD_INVALID', { reason: 'sensitive_categories_required' }],
        [{ fields: field({ grade: { level: 'general', generalLevel: 3, personalInfo: 'personal', sensitiveCategories: ['biometrics'] } }) }, 400, 'CATALOG_FIELD_INVALID', { reason: 'sensitive_categories_not_allowed' }],
        [{ sharing: { type: 'conditional' } }, 400, 'CATALOG_ATTRIBUTE_INVALID', { attribute: 'sharing', reason: 'conditions_required' }],
        [{ sharing: { type: 'none' } }, 400, 'CATALOG_ATTRIBUTE_INVALID', { attribute: 'sharing', reason: 'legal_basis_required' }],
        [{ open: { type: 'conditional' } }, 400, 'CATALOG_ATTRIBUTE_INVALID', { attribute: 'open', reason: 'conditions_required' }],
        [{ timeSpan: { from: '2025-01-01', to: '2024-01-01' } }, 400, 'CATALOG_ATTRIBUTE_INVALID', { attribute: 'timeSpan', reason: 'from_after_to' }],
        [{ timeSpan: { from: '2025-02-30' } }, 400, 'CATALOG_ATTRIBUTE_INVALID', { reason: 'invalid_date' }],
        [{ categoryId: 'cat_00000000000000000000' }, 400, 'CATALOG_ATTRIBUTE_INVALID', { attribute: 'categoryId', reason: 'not_found' }],
        [{ fields: field({ grade: { level: 'general', generalLevel: 5, personalInfo: 'none' } }) }, 400, 'CATALOG_FIELD_INVALID', { reason: 'general_level_unknown' }],
        [{ fields: field({ grade: { level: 'general', generalLevel: 11, personalInfo: 'none' } }) }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ fields: [] }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ updateFrequency: 'hourly' }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ status: 'published' }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ fields: field({ name: 'Bad Name' }) }, 400, 'REQUEST_VALIDATION_FAILED'],
      ];
      for (const [over, status, code, details] of cases) {
        const r = await create(over);
        expect(r.status, `${JSON.stringify(over).slice(0, 100)} → ${JSON.stringify(r.body)}`).toBe(status);
        expect(r.body.error.code).toBe(code);
        if (details) expect(r.body.error.details).toMatchObject(details as object);
      }
      expect((await create({}, pub, pub.auditorToken)).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect(await total()).toBe(before);
      const en = await h().call('POST', '/api/v1/catalog/resources', { token: pub.staffToken, body: body({ sharing: { type: 'none' } }), headers: { 'accept-language': 'en-US' } });
      expect(en.body.error.message).toBe('Invalid sharing (legal_basis_required).');
    });
  });
});

describeEachEngine('general data sub-levels are configurable (catalog.generalLevels)', (engine) => {
  const h = useLiutong(engine, { catalog: { generalLevels: 6 } });
  it('accepts the configured number of sub-levels and no more', async () => {
    const pub = await h().org(['source_unit'], 'Pub', 'government');
    const make = (generalLevel: number) =>
      h().call('POST', '/api/v1/catalog/resources', {
        token: pub.staffToken,
        body: {
          title: { zh: `分级${generalLevel}`, en: `Level ${generalLevel}` }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
          fields: [{ name: 'a', label: { zh: '甲', en: 'A' }, dataType: 'string', grade: { level: 'general', generalLevel, personalInfo: 'none' } }],
        },
      });
    const six = await make(6);
    expect(six.status, JSON.stringify(six.body)).toBe(201);
    expect(six.body.grading).toMatchObject({ level: 'general', generalLevel: 6 });
    const seven = await make(7);
    expect(seven.status).toBe(400);
    expect(seven.body.error.details).toMatchObject({ reason: 'general_level_unknown' });
  });
});
