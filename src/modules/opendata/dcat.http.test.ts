import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { publishOpen } from '../../../test/opendata/opendata.helpers.js';

/**
 * Structural JSON-LD check (JSON-LD 1.1 §4): every term is a compact IRI whose prefix the context
 * defines (or an absolute IRI), every @id an absolute IRI, every value object has @value and at
 * most one of @language / @type. Returns the problems found.
 */
function jsonLdProblems(doc: any): string[] {
  const problems: string[] = [];
  const ctx = doc['@context'];
  if (!ctx || typeof ctx !== 'object') return ['no @context object'];
  for (const [p, iri] of Object.entries(ctx)) if (typeof iri !== 'string' || !/^https?:\/\/\S+[#/]$/.test(iri)) problems.push(`context ${p}`);
  const compact = (t: string, at: string) => {
    const m = /^([a-z][a-z0-9]*):(.+)$/.exec(t);
    if (!m || !(m[1]! in ctx)) problems.push(`${at}: ${t} is not a known compact IRI`);
  };
  const walk = (node: any, at: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    if ('@value' in node) {
      const keys = Object.keys(node).sort();
      const ok = keys.join() === '@value' || keys.join() === '@language,@value' || keys.join() === '@type,@value';
      if (!ok) problems.push(`${at}: bad value object ${keys}`);
      if (node['@language'] && !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(node['@language'])) problems.push(`${at}: bad language`);
      if (node['@type']) compact(node['@type'], at);
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === '@context') continue;
      if (k === '@id') {
        if (typeof v !== 'string' || !/^(https?:\/\/|did:)\S+$/.test(v)) problems.push(`${at}.@id: ${String(v)}`);
      } else if (k === '@type') compact(v as string, `${at}.@type`);
      else if (k.startsWith('@')) problems.push(`${at}: unexpected keyword ${k}`);
      else {
        compact(k, at);
        walk(v, `${at}.${k}`);
      }
    }
  };
  walk(doc, '$');
  return problems;
}

const langs = (v: any[]) => v.map((x) => x['@language']).sort();

describeEachEngine('DCAT JSON-LD catalog (public)', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let gov: TestOrg;
  let uncond: string;
  let cond: string;
  let closed: string;

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    gov = await h().org(['source_unit'], 'Transport', 'government');
    uncond = await publishOpen(h(), gov, bureau, 'unconditional', { zh: '公交线路站点', en: 'Bus routes and stops' });
    cond = await publishOpen(h(), gov, bureau, 'conditional');
    closed = await publishOpen(h(), gov, bureau, 'none');
  });

  it('is a dcat:Catalog of the open datasets, valid JSON-LD with the required DCAT-AP properties', async () => {
    const r = await h().call('GET', '/api/v1/public/dcat.jsonld');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/ld\+json/);
    const doc = r.body;
    expect(jsonLdProblems(doc)).toEqual([]);
    expect(doc['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' });
    expect(doc['@type']).toBe('dcat:Catalog');
    for (const p of ['dct:title', 'dct:description', 'dct:publisher', 'dcat:dataset']) expect(doc, p).toHaveProperty([p]);
    const ids = doc['dcat:dataset'].map((d: any) => d['dct:identifier']);
    expect(ids.sort()).toEqual([uncond, cond].sort());
    expect(ids).not.toContain(closed);

    const ds = doc['dcat:dataset'].find((d: any) => d['dct:identifier'] === uncond);
    expect(ds['@type']).toBe('dcat:Dataset');
    expect(ds['dct:title']).toEqual([{ '@value': '公交线路站点', '@language': 'zh' }, { '@value': 'Bus routes and stops', '@language': 'en' }]);
    expect(langs(ds['dct:description'])).toEqual(['en', 'zh']);
    expect(ds['dct:publisher']).toMatchObject({ '@type': 'foaf:Organization', '@id': `http://liutong.test/orgs/${gov.id}/did.json` });
    expect(ds['dct:issued']['@type']).toBe('xsd:dateTime');
    expect(Number.isNaN(Date.parse(ds['dct:modified']['@value']))).toBe(false);
    expect(ds['dcat:theme']['skos:prefLabel']).toContainEqual({ '@value': '交通', '@language': 'zh' });
    expect(ds['dct:accrualPeriodicity']['@id']).toBe('http://publications.europa.eu/resource/authority/frequency/MONTHLY');
    expect(ds['dct:accessRights']['@id']).toMatch(/access-right\/PUBLIC$/);
    expect(ds['dct:license']['@id']).toBe('http://liutong.test/open-data/terms');
    expect(ds['dcat:distribution']).toHaveLength(2);
    for (const dist of ds['dcat:distribution']) {
      expect(dist['@type']).toBe('dcat:Distribution');
      expect(dist['dcat:accessURL']['@id']).toMatch(new RegExp(`^http://liutong.test/api/v1/data/${uncond}/rows`));
      expect(dist['dcat:downloadURL']['@id']).toBe(dist['dcat:accessURL']['@id']);
      expect(dist['dct:format']['@id']).toMatch(/file-type\/(JSON|CSV)$/);
      expect(dist['dcat:mediaType']['@id']).toMatch(/media-types\/(application\/json|text\/csv)$/);
    }
    const c = doc['dcat:dataset'].find((d: any) => d['dct:identifier'] === cond);
    expect(c['dct:accessRights']['@id']).toMatch(/access-right\/RESTRICTED$/);
    expect(c['dcat:distribution'][0]['dcat:downloadURL']).toBeUndefined();
  });

  it('serves one dataset as its own JSON-LD document; a dataset that is not open is 404', async () => {
    const r = await h().call('GET', `/api/v1/public/dcat/datasets/${uncond}`);
    expect(r.status).toBe(200);
    expect(jsonLdProblems(r.body)).toEqual([]);
    expect(r.body['@type']).toBe('dcat:Dataset');
    expect(r.body['@id']).toBe(`http://liutong.test/api/v1/public/dcat/datasets/${uncond}`);
    const no = await h().call('GET', `/api/v1/public/dcat/datasets/${closed}`);
    expect(no.status).toBe(404);
    expect(no.body.error.code).toBe('OPENDATA_DATASET_NOT_FOUND');
  });

  it('the portal lists and shows open datasets without login; search in Chinese without spaces', async () => {
    const all = await h().call('GET', '/api/v1/public/opendata/datasets');
    expect(all.status).toBe(200);
    expect(all.body.items.map((d: any) => d.id).sort()).toEqual([uncond, cond].sort());
    const q = await h().call('GET', `/api/v1/public/opendata/datasets?q=${encodeURIComponent('公交')}&openType=unconditional`);
    expect(q.body.items.map((d: any) => d.id)).toEqual([uncond]);
    const one = await h().call('GET', `/api/v1/public/opendata/datasets/${cond}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ openType: 'conditional', openConditions: '仅限科研用途', organisation: { id: gov.id } });
    expect(one.body.fields.map((f: any) => f.name)).toEqual(['route_no', 'stops']);
    expect(one.body).not.toHaveProperty('grading');
    expect((await h().call('GET', `/api/v1/public/opendata/datasets/${closed}`)).status).toBe(404);
    expect((await h().call('GET', '/api/v1/public/opendata/datasets?bogus=1')).status).toBe(400);
  });
});
