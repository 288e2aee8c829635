/**
 * Shared pieces of the route table (see test/routes.test.ts): the context every case gets, the
 * case shape, and helpers that make records to address. Each area keeps its cases in its own
 * `<area>.cases.ts` beside this file, registered in routes.test.ts.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Harness, Reply, TestOrg } from '../harness.js';
import { cosignCheckpoint, openNote } from '../../src/modules/ledger/index.js';

export interface Call {
  token?: string;
  url: string;
  body?: unknown;
}
export interface Ctx {
  h: Harness;
  a: TestOrg;
  b: TestOrg;
  regA: TestOrg;
  regB: TestOrg;
  /** Data bureaus (catalog owners) and a source unit. */
  dbA: TestOrg;
  dbB: TestOrg;
  src: TestOrg;
  /** A public body (government source unit): its resources are public data. */
  gov: TestOrg;
  witnessSigner: string;
  n: () => number;
}
export interface Case {
  success: (c: Ctx) => Promise<Call> | Call;
  status: number;
  refused?: (c: Ctx) => Promise<Call> | Call;
  crossOrg: ((c: Ctx) => Promise<Call & { expect: (r: Reply) => void }>) | { notApplicable: string };
}

export const deny = (status = 403) => (r: Reply) => expect(r.status).toBe(status);
export const digest = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
export const PUBLIC = { notApplicable: 'public information, no organisation-private data' };

/** A fresh data element owned by bureau A (or `owner`). */
export async function newElement(c: Ctx, owner: TestOrg = c.dbA): Promise<string> {
  const n = c.n();
  const r = await c.h.call('POST', '/api/v1/catalog/elements', { token: owner.staffToken, body: { identifier: `DE.ROUTE${n}`, name: { zh: `路由数据元${n}`, en: `Route element ${n}` }, dataType: 'string', sourceOrgId: c.src.id } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
export const CATEGORY_TREE = { notApplicable: 'the category tree is platform-wide configuration kept by the data bureau; no organisation-private data' };

/** A draft resource of `org` (default: the public body), graded, with sharing and open attributes. */
export async function newResource(c: Ctx, org: TestOrg = c.gov): Promise<string> {
  const n = c.n();
  const r = await c.h.call('POST', '/api/v1/catalog/resources', { token: org.staffToken, body: {
    title: { zh: `路由资源${n}`, en: `Route resource ${n}` }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
    fields: [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: { level: 'general', generalLevel: 2, personalInfo: 'none' } }],
    sharing: { type: 'conditional', conditions: '仅用于审批' }, open: { type: 'none' },
  } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
/** A resource of `org` taken to `state`: submitted, or published (public data by bureau A, social data by its own org_admin). */
export async function resourceIn(c: Ctx, state: 'submitted' | 'published', org: TestOrg = c.gov): Promise<string> {
  const id = await newResource(c, org);
  expect((await c.h.call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: org.staffToken })).status).toBe(200);
  if (state === 'published') {
    const p = await c.h.call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: org === c.gov ? c.dbA.staffToken : org.adminToken });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  }
  return id;
}
export const forbiddenOrg = (r: Reply) => {
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
};
export const hidden = (r: Reply) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe('CATALOG_RESOURCE_NOT_FOUND');
};
export const GRADE = { level: 'general', generalLevel: 3, personalInfo: 'personal' };

export const STANDARD = { notApplicable: 'the data element standard is published to every signed-in user; no organisation-private data' };

export async function latestCosignLine(c: Ctx) {
  const cp = (await c.h.call('GET', '/api/v1/ledger/checkpoint')).body;
  return { size: cp.size as number, line: cosignCheckpoint(openNote(cp.note, []).text, c.witnessSigner, Math.floor(Date.now() / 1000)) };
}

