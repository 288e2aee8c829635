import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { fixedClock } from '../../platform/clock.js';
import { DIMENSIONS } from './quality.rules.js';

const POPULATION = 'cat_base0000000000000001';
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
const fixture = (name: string) => readFileSync(`test/fixtures/quality/${name}`);
/** Rules of every quality fixture (see test/fixtures/quality/README.md). */
const RULES = [
  { kind: 'required', field: 'name' },
  { kind: 'unique', field: 'name' },
  { kind: 'pattern', field: 'name', pattern: '[\\u4e00-\\u9fa5]{2,4}' },
  { kind: 'range', field: 'income', min: '0', max: '100000' },
  { kind: 'compare', field: 'end', op: '>=', other: 'start' },
  { kind: 'freshness', field: 'updated', maxAgeDays: 30 },
];

describeEachEngine('data quality (质量, GB/T 36344-2018) over HTTP', (engine) => {
  const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));
  // A strict threshold so that one degraded dimension fails the gate.
  const h = useLiutong(engine, { catalog: { qualityThreshold: 95 } }, { clock });
  let bureau: TestOrg;
  let police: TestOrg;
  let other: TestOrg;
  let ent: TestOrg;
  let ent2: TestOrg;
  let ridElement: string;
  let genderElement: string;
  let upstream: Server;
  let upstreamUrl: string;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;

  const newResource = async (org: TestOrg = police) => {
    const k = tag();
    const r = await h().call('POST', '/api/v1/catalog/resources', {
      token: org.staffToken,
      body: {
        title: { zh: `质量样本${k}`, en: `Quality sample ${k}` }, categoryId: POPULATION, updateFrequency: 'monthly', format: 'table',
        fields: [
          { name: 'id', label: { zh: '身份证号', en: 'ID number' }, elementId: ridElement, key: true, grade: G2 },
          { name: 'name', label: { zh: '姓名', en: 'Name' }, dataType: 'string', grade: G2 },
          { name: 'gender', label: { zh: '性别', en: 'Gender' }, elementId: genderElement, grade: G2 },
          { name: 'income', label: { zh: '月收入', en: 'Monthly income' }, dataType: 'decimal', grade: G2 },
          { name: 'start', label: { zh: '开始日期', en: 'Start' }, dataType: 'date', grade: G2 },
          { name: 'end', label: { zh: '结束日期', en: 'End' }, dataType: 'date', grade: G2 },
          { name: 'updated', label: { zh: '更新日期', en: 'Updated' }, dataType: 'date', grade: G2 },
        ],
        ...(org === ent ? {} : { sharing: { type: 'conditional', conditions: '仅用于政务服务' }, open: { type: 'none' } }),
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const rules = await h().call('PUT', `/api/v1/catalog/resources/${r.body.id}/quality/rules`, { token: org.staffToken, body: { rules: RULES } });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    return r.body.id as string;
  };
  const mount = async (id: string, file: string, org: TestOrg = police) => {
    clock.advance(1000);
    const res = await h().lt.app.inject({ method: 'POST', url: `/api/v1/catalog/resources/${id}/mount`, headers: { authorization: `Bearer ${org.staffToken}`, 'content-type': 'text/csv' }, payload: fixture(file) });
    expect(res.statusCode, res.body).toBe(201);
  };
  const run = async (id: string, token = police.staffToken) => {
    clock.advance(1000);
    return h().call('POST', `/api/v1/catalog/resources/${id}/quality/run`, { token });
  };
  const reportOf = async (file: string) => {
    const id = await newResource();
    await mount(id, file);
    const r = await run(id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id, report: r.body };
  };

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    police = await h().org(['source_unit'], 'Police', 'government');
    other = await h().org(['source_unit'], 'Other', 'government');
    ent = await h().org(['enterprise'], 'Ent');
    ent2 = await h().org(['enterprise'], 'Ent2');
    const e1 = await h().call('POST', '/api/v1/catalog/elements', {
      token: bureau.staffToken,
      body: { identifier: `DE.QUALITY.RID${tag().toUpperCase()}`, name: { zh: `质量身份证号${tag()}`, en: 'Resident ID' }, dataType: 'string', format: { kind: 'validator', name: 'resident_id' }, sourceOrgId: police.id },
    });
    expect(e1.status, JSON.stringify(e1.body)).toBe(201);
    ridElement = e1.body.id;
    const e2 = await h().call('POST', '/api/v1/catalog/elements', {
      token: bureau.staffToken,
      body: {
        identifier: `DE.QUALITY.GENDER${tag().toUpperCase()}`, name: { zh: `质量性别${tag()}`, en: 'Gender' }, dataType: 'code', sourceOrgId: police.id,
        codeList: [{ code: '1', label: { zh: '男', en: 'Male' } }, { code: '2', label: { zh: '女', en: 'Female' } }],
      },
    });
    expect(e2.status, JSON.stringify(e2.body)).toBe(201);
    genderElement = e2.body.id;
    // A real local upstream for API mounts: /ok answers, /down fails.
    upstream = createServer((req, res) => {
      res.statusCode = req.url?.startsWith('/ok') ? 200 : 503;
      res.end('{}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => upstream?.close(resolve));
  });

  describe('one fixture per dimension: only that dimension drops', () => {
    let clean: any;
    beforeAll(async () => {
      clean = (await reportOf('clean.csv')).report;
    });

    it('scores the clean fixture 100 in every dimension, with the rules it ran', () => {
      expect(clean.rowsProfiled).toBe(6);
      for (const d of DIMENSIONS) expect(clean.scores[d], d).toBe(100);
      expect(clean.overall).toBe(100);
      expect(clean.passed).toBe(true);
      expect(clean.samples).toEqual([]);
      const kinds = clean.rules.map((r: any) => `${r.source}:${r.rule.kind}:${r.dimension}`);
      expect(kinds).toEqual(expect.arrayContaining([
        'derived:element:conformity', 'derived:filled:completeness', 'derived:mount_age:timeliness', 'derived:mounted:accessibility', 'derived:readable:accessibility',
        'user:required:completeness', 'user:unique:accuracy', 'user:pattern:conformity', 'user:range:accuracy', 'user:compare:consistency', 'user:freshness:timeliness',
      ]));
    });

    for (const dimension of ['accuracy', 'consistency', 'completeness', 'conformity', 'timeliness'] as const) {
      it(`${dimension}: only ${dimension} drops, with failing samples`, async () => {
        const { report } = await reportOf(`${dimension}.csv`);
        expect(report.scores[dimension]).toBeLessThan(clean.scores[dimension]);
        for (const d of DIMENSIONS.filter((x) => x !== dimension)) expect(report.scores[d], d).toBe(clean.scores[d]);
        expect(report.overall).toBeLessThan(clean.overall);
        expect(report.samples.length).toBeGreaterThan(0);
        expect(report.samples.every((s: any) => s.dimension === dimension)).toBe(true);
      });
    }

    it('names the failing row, field, value and rule', async () => {
      const acc = (await reportOf('accuracy.csv')).report;
      expect(acc.samples).toEqual([{ key: '440106198304130034', field: 'income', value: '999999.00', rule: 'range:income', dimension: 'accuracy' }]);
      expect(acc.scores.accuracy).toBe(91.67); // range 5/6, unique 6/6 → 100 × (0.8333 + 1) / 2
      const con = (await reportOf('consistency.csv')).report;
      expect(con.samples).toEqual([{ key: '440106198405140047', field: 'end', value: '2026-03-15 >= 2026-04-01', rule: 'compare:end', dimension: 'consistency' }]);
      const time = (await reportOf('timeliness.csv')).report;
      expect(time.samples).toEqual([{ key: null, field: 'updated', value: '2026-06-15', rule: 'freshness:updated', dimension: 'timeliness' }]);
    });

    it('accessibility: an API mount whose upstream fails drops only accessibility', async () => {
      const up = await newResource();
      const down = await newResource();
      expect((await h().call('PUT', `/api/v1/catalog/resources/${up}/mount`, { token: police.staffToken, body: { upstreamUrl: `${upstreamUrl}/ok`, timeoutMs: 2000 } })).status).toBe(200);
      expect((await h().call('PUT', `/api/v1/catalog/resources/${down}/mount`, { token: police.staffToken, body: { upstreamUrl: `${upstreamUrl}/down`, timeoutMs: 2000 } })).status).toBe(200);
      const a = (await run(up)).body;
      const b = (await run(down)).body;
      expect(a.scores.accessibility).toBe(100);
      expect(b.scores.accessibility).toBe(50);
      for (const d of DIMENSIONS.filter((x) => x !== 'accessibility')) expect(b.scores[d], d).toBe(a.scores[d]);
      expect(b.samples).toEqual([{ key: null, field: null, value: `${upstreamUrl}/down`, rule: 'readable', dimension: 'accessibility' }]);
      // No data at all: not accessible.
      const none = await newResource();
      const c = (await run(none)).body;
      expect(c.scores.accessibility).toBe(0);
    });
  });

  it('records each run as evidence and serves the latest report; samples only to the owner', async () => {
    const { id, report } = await reportOf('accuracy.csv');
    await h().lt.flush();
    const entries = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${id}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[];
    expect(entries.map((e) => e.entry.type)).toContain('catalog.quality.reported');
    const own = await h().call('GET', `/api/v1/catalog/resources/${id}/quality`, { token: police.auditorToken });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: report.id, overall: report.overall, scores: report.scores });
    expect(own.body.samples).toHaveLength(1);
    // Not visible to others before publication; after it, without the samples.
    expect((await h().call('GET', `/api/v1/catalog/resources/${id}/quality`, { token: other.staffToken })).status).toBe(404);
    const denied = await run(id, other.staffToken);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    expect((await h().call('PUT', `/api/v1/catalog/resources/${id}/quality/rules`, { token: other.staffToken, body: { rules: [] } })).status).toBe(403);
    const social = await newResource(ent);
    expect((await run(social, ent2.staffToken)).status).toBe(404);
    expect((await h().call('GET', `/api/v1/catalog/resources/${social}/quality`, { token: ent2.staffToken })).status).toBe(404);
  });

  it('refuses invalid user rules and changes nothing', async () => {
    const id = await newResource();
    const put = (rules: unknown[]) => h().call('PUT', `/api/v1/catalog/resources/${id}/quality/rules`, { token: police.staffToken, body: { rules } });
    for (const [rule, reason] of [
      [{ kind: 'range', field: 'name', min: '1' }, 'range_type'],
      [{ kind: 'range', field: 'income', min: 'abc' }, 'range_bound'],
      [{ kind: 'range', field: 'income', min: '10', max: '1' }, 'range_inverted'],
      [{ kind: 'required', field: 'nope' }, 'unknown_field'],
      [{ kind: 'compare', field: 'end', op: '>=', other: 'income' }, 'incomparable_types'],
      [{ kind: 'freshness', field: 'income' }, 'freshness_type'],
      [{ kind: 'pattern', field: 'name', pattern: '(a+)+' }, 'regex_unsafe'],
    ] as const) {
      const r = await put([{ kind: 'required', field: 'name' }, rule]);
      expect(r.status, JSON.stringify(rule)).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'CATALOG_QUALITY_RULE_INVALID', details: { index: 2, reason } });
    }
    expect((await put([{ kind: 'compare', field: 'end', op: '=>', other: 'start' }])).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
    const rules = await h().call('GET', `/api/v1/catalog/resources/${id}/quality/rules`, { token: police.staffToken });
    expect(rules.body.rules).toEqual(RULES);
    expect(rules.body.derived.map((r: any) => r.kind)).toContain('element');
  });

  it('gates publishing on a current report scoring at least catalog.qualityThreshold; data-less resources publish as before', async () => {
    const publish = (id: string) => h().call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: bureau.staffToken });
    const submit = (id: string) => h().call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: police.staffToken });
    // No data: catalogue first (目录先行).
    const bare = await newResource();
    expect((await submit(bare)).status).toBe(200);
    expect((await publish(bare)).status).toBe(200);
    // Data, no report.
    const id = await newResource();
    await mount(id, 'timeliness.csv');
    expect((await submit(id)).status).toBe(200);
    const noReport = await publish(id);
    expect(noReport.status).toBe(409);
    expect(noReport.body.error).toMatchObject({ code: 'CATALOG_QUALITY_GATE', details: { reason: 'no_report', threshold: 95 } });
    // Below the threshold (timeliness 50 → overall 91.67 < 95).
    const low = await run(id);
    expect(low.body.overall).toBe(91.67);
    expect(low.body.passed).toBe(false);
    expect((await publish(id)).body.error.details).toMatchObject({ reason: 'below_threshold', score: 91.67 });
    // Fresh data, then a report older than the data: stale.
    await mount(id, 'clean.csv');
    expect((await run(id)).body.overall).toBe(100);
    await mount(id, 'clean.csv');
    expect((await publish(id)).body.error.details.reason).toBe('stale_report');
    expect((await run(id)).status).toBe(201);
    const ok = await publish(id);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // Now published: others see the report without samples.
    const seen = await h().call('GET', `/api/v1/catalog/resources/${id}/quality`, { token: other.staffToken });
    expect(seen.status).toBe(200);
    expect(seen.body.samples).toEqual([]);
  });
});
