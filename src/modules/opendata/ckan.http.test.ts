import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { expectSameShape, fixture, publishOpen } from '../../../test/opendata/opendata.helpers.js';

describeEachEngine('CKAN action API subset (public, CKAN shapes)', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let gov: TestOrg;
  let gov2: TestOrg;
  let uncond: string;
  let cond: string;
  let closed: string;
  let other: string;

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    gov = await h().org(['source_unit'], 'Transport', 'government');
    gov2 = await h().org(['source_unit'], 'Weather', 'government');
    uncond = await publishOpen(h(), gov, bureau, 'unconditional', { zh: '公交线路站点', en: 'Bus routes and stops' });
    cond = await publishOpen(h(), gov, bureau, 'conditional', { zh: '出租车运营记录', en: 'Taxi trips' });
    closed = await publishOpen(h(), gov, bureau, 'none', { zh: '不予开放的资源', en: 'Closed resource' });
    other = await publishOpen(h(), gov2, bureau, 'unconditional', { zh: '逐时气象观测', en: 'Hourly weather observations' });
  });

  const ckan = (path: string) => h().call('GET', `/api/3/action/${path}`);

  it('package_list lists open datasets only, with CKAN’s envelope, no login', async () => {
    const r = await ckan('package_list');
    expect(r.status).toBe(200);
    expectSameShape(r.body, fixture('package_list'));
    expect(r.body.success).toBe(true);
    expect(r.body.help).toBe('http://liutong.test/api/3/action/help_show?name=package_list');
    expect(r.body.result).toEqual([uncond, cond, other].sort());
    expect(r.body.result).not.toContain(closed);
    const page = await ckan('package_list?limit=1&offset=1&unknown_param=x');
    expect(page.status).toBe(200);
    expect(page.body.result).toEqual([[uncond, cond, other].sort()[1]]);
  });

  it('package_show answers a CKAN dataset dictionary', async () => {
    const r = await ckan(`package_show?id=${uncond}&use_default_schema=true`);
    expect(r.status).toBe(200);
    expectSameShape(r.body, fixture('package_show'));
    const p = r.body.result;
    expect(p).toMatchObject({ id: uncond, name: uncond, title: '公交线路站点', isopen: true, private: false, state: 'active', type: 'dataset', owner_org: gov.id });
    expect(p.organization).toMatchObject({ id: gov.id, name: gov.id, is_organization: true, type: 'organization' });
    expect(p.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect(p.resources.map((x: any) => x.format)).toEqual(['JSON', 'CSV']);
    expect(p.resources[0].url).toBe(`http://liutong.test/api/v1/data/${uncond}/rows`);
    expect(p.extras).toContainEqual({ key: 'title_en', value: 'Bus routes and stops' });
    expect(p.extras).toContainEqual({ key: 'open_type', value: 'unconditional' });
    expect(p.tags.map((t: any) => t.name)).toEqual(['交通', 'Transport']);
    const c = (await ckan(`package_show?id=${cond}`)).body.result;
    expect(c.isopen).toBe(false);
    expect(c.extras).toContainEqual({ key: 'open_conditions', value: '仅限科研用途' });
  });

  it('package_show: CKAN errors — Not Found 404 (also for a dataset that is not open), Validation Error 409', async () => {
    for (const id of [closed, 'res_00000000000000000000', 'nope']) {
      const r = await ckan(`package_show?id=${id}`);
      expect(r.status).toBe(404);
      expectSameShape(r.body, fixture('error_not_found'));
      expect(r.body).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    }
    const missing = await ckan('package_show');
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ success: false, error: { __type: 'Validation Error', id: ['Missing value'] } });
  });

  it('package_search: q, fq, rows, start, sort; count and results in CKAN’s shape', async () => {
    const all = await ckan('package_search');
    expect(all.status).toBe(200);
    expectSameShape(all.body, fixture('package_search'));
    expect(all.body.result.count).toBe(3);
    expect(all.body.result.sort).toBe('score desc, metadata_modified desc');
    // Chinese without spaces, English case-insensitive, several words all required.
    expect((await ckan(`package_search?q=${encodeURIComponent('公交')}`)).body.result.results.map((p: any) => p.id)).toEqual([uncond]);
    expect((await ckan('package_search?q=WEATHER%20hourly')).body.result.results.map((p: any) => p.id)).toEqual([other]);
    expect((await ckan('package_search?q=weather%20taxi')).body.result.count).toBe(0);
    const byOrg = await ckan(`package_search?fq=${encodeURIComponent(`organization:${gov.id}`)}&rows=1&sort=title_string%20asc`);
    expect(byOrg.body.result.count).toBe(2);
    expect(byOrg.body.result.results).toHaveLength(1);
    const second = await ckan(`package_search?fq=${encodeURIComponent(`organization:${gov.id}`)}&rows=1&start=1&sort=title_string%20asc`);
    expect(second.body.result.results[0].id).not.toBe(byOrg.body.result.results[0].id);
    expect((await ckan(`package_search?fq=${encodeURIComponent('open_type:conditional')}`)).body.result.results.map((p: any) => p.id)).toEqual([cond]);
    expect((await ckan('package_search?fq=res_format:CSV&facet.field=%5B%22tags%22%5D')).body.result.count).toBe(3);
    // The CKAN harvester's incremental query: modified since a time, sorted by id.
    const since = encodeURIComponent('metadata_modified:[2000-01-01T00:00:00Z TO *]');
    expect((await ckan(`package_search?fq=${since}&sort=id%20asc`)).body.result.results.map((p: any) => p.id)).toEqual([uncond, cond, other].sort());
    expect((await ckan(`package_search?fq=${encodeURIComponent('metadata_modified:[2999-01-01T00:00:00Z TO *]')}`)).body.result.count).toBe(0);
    const bad = await ckan('package_search?rows=ten');
    expect(bad.status).toBe(409);
    expectSameShape(bad.body, fixture('error_validation'));
    expect(bad.body.error).toEqual({ __type: 'Validation Error', rows: ['Invalid integer'] });
    expect((await ckan('package_search?start=-1')).body.error).toEqual({ __type: 'Validation Error', start: ['Must be a natural number'] });
  });

  it('organization_list: names, or dictionaries with all_fields=true and package counts', async () => {
    const names = await ckan('organization_list');
    expect(names.status).toBe(200);
    expectSameShape(names.body, fixture('organization_list'));
    expect([...names.body.result].sort()).toEqual([gov.id, gov2.id].sort());
    const full = await ckan('organization_list?all_fields=true');
    expectSameShape(full.body, fixture('organization_list_all_fields'));
    const mine = full.body.result.find((o: any) => o.id === gov.id);
    expect(mine.package_count).toBe(2);
  });

  it('an unknown action is CKAN’s 400 "Bad request - Action name not known"', async () => {
    const r = await ckan('package_create');
    expect(r.status).toBe(400);
    expect(r.body).toBe('Bad request - Action name not known: package_create');
  });

  it('answers the same actions posted as a JSON object, as CKAN clients (ckanapi) do', async () => {
    const r = await h().call('POST', '/api/3/action/package_search', { body: { q: '公交', rows: 5, include_private: true } });
    expect(r.status).toBe(200);
    expectSameShape(r.body, fixture('package_search'));
    expect(r.body.result.results.map((p: any) => p.id)).toEqual([uncond]);
    const show = await h().call('POST', '/api/3/action/package_show', { body: { id: uncond } });
    expect(show.body.result.id).toBe(uncond);
    const bad = await h().call('POST', '/api/3/action/package_list', { payload: '[1,2]', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(typeof bad.body).toBe('string');
  });

  it('a dataset deprecated by its owner leaves the CKAN API', async () => {
    const id = await publishOpen(h(), gov2, bureau, 'unconditional');
    expect((await ckan('package_list')).body.result).toContain(id);
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/deprecate`, { token: bureau.staffToken })).status).toBe(200);
    expect((await ckan('package_list')).body.result).not.toContain(id);
    expect((await ckan(`package_show?id=${id}`)).status).toBe(404);
  });
});
