import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { resourceDocs } from './search.indexer.js';
import { insertDocs, MATCH_CAP } from './search.repository.js';

const CREDIT = 'cat_theme000000000000001';
const THEME = 'cat_theme000000000000000';
const POPULATION = 'cat_base0000000000000001';
const G1 = { level: 'general', generalLevel: 1, personalInfo: 'none' };
const IMPORTANT = { level: 'important', personalInfo: 'none' };
const SHARE = { type: 'unconditional' };
const OPEN = { type: 'unconditional' };
const OPEN_COND = { type: 'conditional', conditions: '须签署数据利用协议' };
const OPEN_NONE = { type: 'none' };

/** A Chinese tag no other test uses (ten characters from the heavenly stems and earthly branches). */
const POOL = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
const zhTag = () => Array.from({ length: 4 }, () => POOL[Math.floor(Math.random() * POOL.length)]).join('');
const enTag = () => `zq${Math.random().toString(36).slice(2, 8).replace(/[0-9]/g, 'x')}`;

describeEachEngine('catalog search over HTTP (bigrams, facets, visibility)', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let grid: TestOrg;
  let police: TestOrg;
  let ent: TestOrg;
  let other: TestOrg;

  const resource = (zh: string, en: string, over: Record<string, unknown> = {}) => ({
    title: { zh, en },
    description: { zh: `${zh}的说明`, en: `About ${en}` },
    categoryId: CREDIT,
    fields: [
      { name: 'uscc', label: { zh: '统一社会信用代码', en: 'USCC' }, dataType: 'string', key: true, grade: G1 },
      { name: 'kwh', label: { zh: '用电量千瓦时', en: 'Consumption kWh' }, dataType: 'decimal', grade: G1 },
    ],
    updateFrequency: 'monthly',
    format: 'table',
    sharing: SHARE,
    open: OPEN,
    ...over,
  });
  const create = async (org: TestOrg, body: unknown) => {
    const r = await h().call('POST', '/api/v1/catalog/resources', { token: org.staffToken, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const publish = async (org: TestOrg, id: string, publisher: string) => {
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: org.staffToken })).status).toBe(200);
    const p = await h().call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: publisher });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  };
  const search = async (token: string | undefined, query: string) => {
    const r = await h().call('GET', `/api/v1/catalog/search?${query}`, token ? { token } : {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { items: any[]; total: number; totalExact: boolean; facets: Record<string, Array<{ value: string; count: number; label?: { zh: string } }>> };
  };
  const publicSearch = async (query: string) => {
    const r = await h().call('GET', `/api/v1/public/search?${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { items: any[]; total: number; facets: Record<string, Array<{ value: string; count: number }>> };
  };
  const q = (s: string) => `q=${encodeURIComponent(s)}`;
  const ids = (r: { items: any[] }) => r.items.map((i) => i.id);

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    grid = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    police = await h().org(['source_unit'], 'Police', 'government');
    ent = await h().org(['enterprise'], 'Ent');
    other = await h().org(['enterprise'], 'Other');
  });

  it('finds Chinese without spaces by bigrams and single characters, English by words and prefixes, across titles, descriptions and field labels', async () => {
    const t = zhTag();
    const e = enTag();
    const id = await create(grid, resource(`${t}企业用电量月度统计`, `${e} enterprise electricity usage`));
    await publish(grid, id, bureau.staffToken);
    const viewer = police.staffToken;
    for (const query of [`${t}企业用电`, `${t} 企业用电量`, `${t} 用电`, `${t} 电`, `${e} electricity`, `${e} elec`, `${e.toUpperCase()} ELECTRICITY`, `${e} kwh`, `${t} 千瓦时`, `用电量 ${t}企业`, `${t}企业用电量月度统计的说明`]) {
      const r = await search(viewer, q(query));
      expect(ids(r), query).toEqual([id]);
      expect(r.totalExact).toBe(true);
    }
    // Grams present but not adjacent (电…企) and a word that is not a prefix: no match.
    expect((await search(viewer, q(`${t} 电企`))).total).toBe(0);
    expect((await search(viewer, q(`${t}用电`))).total).toBe(0);
    expect((await search(viewer, q(`${e} lectricity`))).total).toBe(0);
    expect((await search(viewer, q(`${t} 用水`))).total).toBe(0);
    const hit = (await search(viewer, q(`${t} 用电`))).items[0];
    expect(hit).toMatchObject({ type: 'resource', title: { zh: `${t}企业用电量月度统计` }, level: 'general', open: 'unconditional', sharing: 'unconditional', format: 'table', status: 'published', body: { id: grid.id } });
    expect(hit.body.name.zh).toContain('Grid');
    expect(hit.category).toMatchObject({ id: CREDIT, name: { zh: '信用' } });
  });

  it('finds data elements by Chinese and English name, definition and identifier; the public search never lists them', async () => {
    const t = zhTag();
    const ident = `DE.${enTag().toUpperCase()}.ID`;
    const el = await h().call('POST', '/api/v1/catalog/elements', {
      token: bureau.staffToken,
      body: { identifier: ident, name: { zh: `${t}居民身份号码`, en: 'Resident identity number' }, definition: { zh: '公民身份号码', en: 'Citizen ID' }, dataType: 'string', format: { kind: 'validator', name: 'resident_id' }, sourceOrgId: police.id },
    });
    expect(el.status, JSON.stringify(el.body)).toBe(201);
    for (const query of [`${t}居民身份`, `身份号码 ${t}`, `${t} 公民`, ident, ident.toLowerCase(), `${ident} resident`]) {
      const r = await search(ent.staffToken, q(query));
      expect(ids(r), query).toEqual([el.body.id]);
      expect(r.items[0]).toMatchObject({ type: 'element', code: ident, status: 'active', body: { id: police.id } });
    }
    expect((await search(ent.staffToken, `${q(ident)}&type=resource`)).total).toBe(0);
    expect((await publicSearch(q(ident))).total).toBe(0);
    // An update and a retirement are indexed in the same transaction.
    expect((await h().call('PATCH', `/api/v1/catalog/elements/${el.body.id}`, { token: bureau.staffToken, body: { name: { zh: `${t}身份证件号码`, en: 'ID card number' } } })).status).toBe(200);
    expect(ids(await search(ent.staffToken, q(`${t} 证件`)))).toEqual([el.body.id]);
    expect((await search(ent.staffToken, q(`${t} 居民`))).total).toBe(0);
    expect((await h().call('POST', `/api/v1/catalog/elements/${el.body.id}/retire`, { token: bureau.staffToken })).status).toBe(200);
    expect((await search(ent.staffToken, q(`${t} 证件`))).items[0].status).toBe('retired');
  });

  it('shows each organisation only what the catalog lets it read: drafts and social data to their owner only, in results and facet counts', async () => {
    const t = zhTag();
    const draft = await create(grid, resource(`${t}草稿资源`, 'Draft resource'));
    const social = await create(ent, resource(`${t}企业私有资源`, 'Private enterprise data', { sharing: undefined, open: undefined }));
    await publish(ent, social, ent.adminToken);
    const open = await create(police, resource(`${t}公开资源`, 'Published open resource'));
    await publish(police, open, bureau.staffToken);
    const closed = await create(police, resource(`${t}不开放资源`, 'Published closed resource', { open: OPEN_NONE }));
    await publish(police, closed, bureau.staffToken);
    const submitted = await create(police, resource(`${t}待审资源`, 'Submitted resource'));
    expect((await h().call('POST', `/api/v1/catalog/resources/${submitted}/submit`, { token: police.staffToken })).status).toBe(200);

    const seen = async (token: string | undefined) => (token ? await search(token, q(t)) : await publicSearch(q(t)));
    const set = (r: { items: any[] }) => ids(r).sort();
    expect(set(await seen(grid.staffToken))).toEqual([draft, open, closed].sort());
    expect(set(await seen(ent.staffToken))).toEqual([social, open, closed].sort());
    expect(set(await seen(other.staffToken))).toEqual([open, closed].sort());
    expect(set(await seen(police.staffToken))).toEqual([open, closed, submitted].sort());
    // The data bureau reviews: it also sees public data under review, never others' drafts or social data.
    expect(set(await seen(bureau.staffToken))).toEqual([open, closed, submitted].sort());
    // The public sees open datasets only.
    expect(set(await seen(undefined))).toEqual([open]);

    // Facet counts leak nothing either: another organisation's body facet has no trace of the private ones.
    const r = await seen(other.staffToken);
    expect(r.total).toBe(2);
    expect(r.facets.body!.map((f) => f.value)).toEqual([police.id]);
    expect(r.facets.body![0]).toMatchObject({ count: 2 });
    expect(r.facets.open!.map((f) => [f.value, f.count]).sort()).toEqual([['none', 1], ['unconditional', 1]]);
    expect((await search(other.staffToken, `${q(t)}&body=${ent.id}`)).total).toBe(0);
    expect((await search(other.staffToken, `${q(t)}&body=${grid.id}`)).total).toBe(0);
    const mine = await seen(ent.staffToken);
    expect(mine.facets.body!.find((f) => f.value === ent.id)?.count).toBe(1);
  });

  it('a new draft of a published resource: the owner finds the draft, everyone else (and the public) still the published version', async () => {
    const t = zhTag();
    const id = await create(grid, resource(`${t}旧标题资源`, 'Old title'));
    await publish(grid, id, bureau.staffToken);
    const edit = await h().call('PATCH', `/api/v1/catalog/resources/${id}`, { token: grid.staffToken, body: { title: { zh: `${t}新标题资源`, en: 'New title' }, open: OPEN_COND } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const own = await search(grid.staffToken, q(t));
    expect(own.items.map((i) => [i.id, i.title.zh, i.status, i.version])).toEqual([[id, `${t}新标题资源`, 'draft', 2]]);
    const others = await search(police.staffToken, q(t));
    expect(others.items.map((i) => [i.id, i.title.zh, i.status, i.version])).toEqual([[id, `${t}旧标题资源`, 'published', 1]]);
    expect(ids(await publicSearch(q(`${t}旧标题`)))).toEqual([id]);
    expect((await publicSearch(q(`${t}新标题`))).total).toBe(0);
    // Published again: the new version replaces the old one for everyone; open type now conditional.
    await publish(grid, id, bureau.staffToken);
    const after = await search(police.staffToken, q(t));
    expect(after.items.map((i) => [i.title.zh, i.version, i.open])).toEqual([[`${t}新标题资源`, 2, 'conditional']]);
    expect(ids(await publicSearch(`${q(t)}&open=conditional`))).toEqual([id]);
    // Deprecated: gone from others' and the public's results, still the owner's.
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/deprecate`, { token: grid.adminToken })).status).toBe(200);
    expect((await search(police.staffToken, q(t))).total).toBe(0);
    expect((await publicSearch(q(t))).total).toBe(0);
    expect((await search(grid.staffToken, q(t))).items[0].status).toBe('deprecated');
  });

  it('filters by facets (category subtree, level, sharing, open, format, body, type) and counts them; pages ordered by relevance then recency', async () => {
    const t = zhTag();
    const a = await create(police, resource(`${t}人口统计`, 'Population statistics', { categoryId: POPULATION, format: 'api' }));
    const b = await create(police, resource(`${t}信用评价`, 'Credit rating', { open: OPEN_NONE, fields: [{ name: 'x', label: { zh: '字段', en: 'Field' }, dataType: 'string', grade: IMPORTANT }] }));
    const c = await create(police, resource(`信用数据目录`, 'Credit directory', { description: { zh: `包含${t}的资源`, en: 'Mentions the tag' } }));
    for (const id of [a, b, c]) await publish(police, id, bureau.staffToken);
    const token = grid.staffToken;
    // Relevance: the two with the tag in the title first (newest first), then the one that has it only in its description.
    const all = await search(token, q(t));
    expect(ids(all)).toEqual([b, a, c]);
    expect(all.items.map((i) => i.relevance)).toEqual([2, 2, 1]);
    expect(all.facets.category!.map((f) => [f.value, f.count]).sort()).toEqual([[POPULATION, 1], [CREDIT, 2]]);
    expect(all.facets.category!.find((f) => f.value === POPULATION)?.label?.zh).toBe('人口');
    expect(all.facets.level!.map((f) => [f.value, f.count]).sort()).toEqual([['general', 2], ['important', 1]]);
    expect(all.facets.format!.map((f) => [f.value, f.count]).sort()).toEqual([['api', 1], ['table', 2]]);
    expect(all.facets.type).toEqual([{ value: 'resource', count: 3 }]);
    expect(ids(await search(token, `${q(t)}&category=${THEME}`))).toEqual([b, c]);
    expect(ids(await search(token, `${q(t)}&category=${POPULATION}`))).toEqual([a]);
    expect(ids(await search(token, `${q(t)}&level=important`))).toEqual([b]);
    expect(ids(await search(token, `${q(t)}&open=none`))).toEqual([b]);
    expect(ids(await search(token, `${q(t)}&format=api&sharing=unconditional`))).toEqual([a]);
    expect(ids(await search(token, `${q(t)}&body=${police.id}&type=resource`))).toEqual([b, a, c]);
    const page2 = await search(token, `${q(t)}&page=2&pageSize=2`);
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(page2)).toEqual([c]);
    expect(ids(await publicSearch(q(t))).sort()).toEqual([a, c].sort());
  });

  it('refuses bad input with a stable code, and the signed-in search without a token', async () => {
    const token = grid.staffToken;
    expect((await h().call('GET', '/api/v1/catalog/search?q=x&unknown=1', { token })).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
    expect((await h().call('GET', '/api/v1/catalog/search?level=secret', { token })).status).toBe(400);
    expect((await h().call('GET', '/api/v1/public/search?type=element')).status).toBe(400);
    const long = await h().call('GET', `/api/v1/catalog/search?${q('一 二 三 四 五 六 七 八 九')}`, { token, headers: { 'accept-language': 'en-US' } });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('CATALOG_SEARCH_QUERY_INVALID');
    expect(long.body.error.message).toContain('at most');
    expect((await h().call('GET', '/api/v1/catalog/search?category=cat_nope0000000000000000', { token })).body.error.code).toBe('CATALOG_CATEGORY_NOT_FOUND');
    expect((await h().call('GET', '/api/v1/catalog/search?q=x')).status).toBe(401);
  });

  it('reindex rebuilds the same index from the catalog (platform administrator only), recorded in the ledger', async () => {
    const t = zhTag();
    const id = await create(police, resource(`${t}重建索引资源`, 'Reindexed resource'));
    await publish(police, id, bureau.staffToken);
    const before = await search(grid.staffToken, q(t));
    expect((await h().call('POST', '/api/v1/catalog/search/reindex', { token: bureau.adminToken })).status).toBe(403);
    const r = await h().call('POST', '/api/v1/catalog/search/reindex', { token: h().adminToken });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.resources).toBeGreaterThan(0);
    expect(r.body.documents).toBeGreaterThanOrEqual(r.body.resources);
    expect(await search(grid.staffToken, q(t))).toEqual(before);
    await h().lt.flush();
    const entries = (await h().call('GET', '/api/v1/ledger/entries?type=catalog.search.reindexed&pageSize=5', { token: h().adminToken })).body.items as any[];
    expect(entries.length).toBeGreaterThan(0);
  });

  it('looks at the most recent 1,000 matches at most: a frequent term says its count is not exact; an old rare one is still found', async () => {
    const t = zhTag();
    const old = zhTag();
    const now = h().lt.kernel.clock.now().getTime();
    const source = (i: number, title: string, at: number) => ({
      id: `res_bulk${t}${i}`, sourceOrgId: police.id, scope: 'public', headVersion: 1, status: 'published', liveVersion: 1, version: 1, versionStatus: 'published',
      titleZh: title, titleEn: `Bulk ${i}`, descriptionZh: null, descriptionEn: null, categoryId: CREDIT, systemName: null, coverage: null, format: 'table',
      level: 'general', sharingType: 'unconditional', openType: i % 2 ? 'unconditional' : 'none', updatedAt: new Date(at), fields: [],
    });
    // 1,100 documents updated over the last two days, and 3 updated four years ago (straight into the index: the catalog rows are not needed here).
    const docs = resourceDocs([
      ...Array.from({ length: MATCH_CAP + 100 }, (_, i) => source(i, `${t}批量资源`, now - (i + 1) * 60_000)),
      ...Array.from({ length: 3 }, (_, i) => source(5000 + i, `${old}陈旧资源`, now - 4 * 365 * 86_400_000 - i * 60_000)),
    ]);
    await insertDocs(h().lt.kernel.db, docs);
    const many = await search(grid.staffToken, `${q(t)}&pageSize=3`);
    expect(many.totalExact).toBe(false);
    expect(many.total).toBe(MATCH_CAP);
    expect(many.items.map((i) => i.id)).toEqual([`res_bulk${t}0`, `res_bulk${t}1`, `res_bulk${t}2`]);
    expect(many.facets.open!.reduce((n, f) => n + f.count, 0)).toBe(MATCH_CAP);
    // Narrowed below the cap, the count is exact again (open datasets: every other one).
    const narrowed = await publicSearch(`${q(t)}&pageSize=1`);
    expect(narrowed).toMatchObject({ total: (MATCH_CAP + 100) / 2, totalExact: true });
    expect((await search(grid.staffToken, `${q(t)}&page=50&pageSize=20`)).items).toHaveLength(20);
    expect((await search(grid.staffToken, `${q(t)}&page=51&pageSize=20`)).items).toHaveLength(0);
    const rare = await search(grid.staffToken, q(old));
    expect(rare).toMatchObject({ total: 3, totalExact: true });
    expect(rare.items.map((i) => i.id)).toEqual([`res_bulk${t}5000`, `res_bulk${t}5001`, `res_bulk${t}5002`]);
  });
});
