/** Helpers shared by the open-data tests: publishing open datasets and comparing JSON shapes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Harness, TestOrg } from '../harness.js';

export const fixture = (name: string) => JSON.parse(readFileSync(path.resolve('test/fixtures/ckan', `${name}.json`), 'utf8'));

const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
let n = 0;

/** A public body's resource taken to published by `bureau`, with open type `open` (unconditional, conditional or none). */
export async function publishOpen(h: Harness, gov: TestOrg, bureau: TestOrg, open: 'unconditional' | 'conditional' | 'none', title?: { zh: string; en: string }, mount = false): Promise<string> {
  const k = `${++n}${Math.random().toString(36).slice(2, 6)}`;
  const t = title ?? { zh: `开放资源${k}`, en: `Open resource ${k}` };
  const r = await h.call('POST', '/api/v1/catalog/resources', { token: gov.staffToken, body: {
    title: t,
    description: { zh: `${t.zh}（说明）`, en: `${t.en} (description)` },
    categoryId: 'cat_theme000000000000004', updateFrequency: 'monthly', format: 'table',
    fields: [
      { name: 'route_no', label: { zh: '线路号', en: 'Route number' }, dataType: 'string', key: true, grade: G2 },
      { name: 'stops', label: { zh: '站点数', en: 'Stops' }, dataType: 'integer', grade: G2 },
    ],
    sharing: { type: 'unconditional' },
    open: open === 'conditional' ? { type: 'conditional', conditions: '仅限科研用途' } : { type: open },
  } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  if (mount) {
    const csv = 'route_no,stops\n1,12\n2,20\n3,7\n';
    const m = await h.call('POST', `/api/v1/catalog/resources/${r.body.id}/mount`, { token: gov.staffToken, body: { format: 'csv', contentBase64: Buffer.from(csv).toString('base64') } });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    // Publishing mounted data needs a passing quality report (catalog's quality gate).
    const q = await h.call('POST', `/api/v1/catalog/resources/${r.body.id}/quality/run`, { token: gov.staffToken });
    expect(q.status, JSON.stringify(q.body)).toBe(201);
  }
  expect((await h.call('POST', `/api/v1/catalog/resources/${r.body.id}/submit`, { token: gov.staffToken })).status).toBe(200);
  const p = await h.call('POST', `/api/v1/catalog/resources/${r.body.id}/publish`, { token: bureau.staffToken });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  return r.body.id as string;
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Fails unless `actual` has every key of `expected` with the same JSON type, recursively (array
 * items against the fixture's first item). A null in the fixture accepts null or a string.
 */
export function expectSameShape(actual: unknown, expected: unknown, at = '$'): void {
  const e = kind(expected);
  const a = kind(actual);
  if (e === 'null') {
    expect(['null', 'string'], `${at}: ${a}`).toContain(a);
    return;
  }
  expect(a, `${at} type`).toBe(e);
  if (e === 'array') {
    const ex = expected as unknown[];
    if (ex.length) for (const [i, item] of (actual as unknown[]).entries()) expectSameShape(item, ex[0], `${at}[${i}]`);
  } else if (e === 'object') {
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      expect(Object.keys(actual as object), `${at} has key ${k}`).toContain(k);
      expectSameShape((actual as Record<string, unknown>)[k], v, `${at}.${k}`);
    }
  }
}
