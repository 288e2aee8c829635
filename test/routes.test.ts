/**
 * Route-table-driven checks (DESIGN.md §6.8). Every route the server knows must appear in CASES:
 * - a state-changing route (one that declares `config.event`) must, on success, put that event in
 *   the ledger with the request id, and on a refused attempt record `platform.request.refused`;
 * - every route has a cross-organisation case: a call by another organisation that must be denied
 *   or must not reveal private fields, or a stated reason why the route cannot address another
 *   organisation's records at all.
 */
import { AUTHORIZATION_CASES } from './routes/authorization.cases.js';
import { CERTIFICATES_CASES } from './routes/certificates.cases.js';
import { REGISTRY_CASES } from './routes/registry.cases.js';
import { EXCHANGE_CASES } from './routes/exchange.cases.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './db.js';
import { useLiutong, type Reply } from './harness.js';
import { generateNoteKey, parseWitnessSignerKey, witnessVerifierKey } from '../src/modules/ledger/index.js';
import type { Call, Case, Ctx } from './routes/route.cases.js';
import { CORE_CASES } from './routes/core.cases.js';
import { CATALOG_CASES } from './routes/catalog.cases.js';
import { MOUNT_CASES } from './routes/mount.cases.js';
import { GATEWAY_CASES } from './routes/gateway.cases.js';
import { LISTS_CASES } from './routes/lists.cases.js';
import { SHARING_CASES } from './routes/sharing.cases.js';
import { CDO_CASES } from './routes/cdo.cases.js';
import { SEARCH_CASES } from './routes/search.cases.js';
import { OPENDATA_CASES } from './routes/opendata.cases.js';

/** Every area's cases; a route may be described once only. */
const AREAS: Array<Record<string, Case>> = [CORE_CASES, CATALOG_CASES, CDO_CASES, SHARING_CASES, SEARCH_CASES, LISTS_CASES, OPENDATA_CASES, MOUNT_CASES, GATEWAY_CASES, AUTHORIZATION_CASES, REGISTRY_CASES, CERTIFICATES_CASES, EXCHANGE_CASES];
const CASES: Record<string, Case> = {};
const DUPLICATES: string[] = [];
for (const area of AREAS) {
  for (const [k, v] of Object.entries(area)) {
    if (CASES[k]) DUPLICATES.push(k);
    CASES[k] = v;
  }
}

describeEachEngine('route table', (engine) => {
  const h = useLiutong(engine);
  let ctx: Ctx;

  beforeAll(async () => {
    let counter = 0;
    const [a, b, regA, regB] = [await h().org(['enterprise'], 'A'), await h().org(['enterprise'], 'B'), await h().org(['regulator'], 'RegA'), await h().org(['regulator'], 'RegB')];
    const [dbA, dbB, src] = [await h().org(['data_bureau'], 'BureauA'), await h().org(['data_bureau'], 'BureauB'), await h().org(['source_unit'], 'Source')];
    const gov = await h().org(['source_unit'], 'Gov', 'government');
    const witnessSigner = generateNoteKey(`witness.${regA.id}`).signerKey;
    const w = parseWitnessSignerKey(witnessSigner);
    const reg = await h().call('POST', '/api/v1/ledger/witnesses', { token: regA.adminToken, body: { verifierKey: witnessVerifierKey(w.name, w.publicKey) } });
    expect(reg.status).toBe(201);
    await h().call('POST', '/api/v1/seals/sign', { token: b.staffToken, body: { payload: 'b' } });
    await h().lt.flush();
    ctx = { h: h(), a, b, regA, regB, dbA, dbB, src, gov, witnessSigner, n: () => ++counter + Math.floor(Math.random() * 1e6) };
  });

  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('has a case for every route, and no case for a route that does not exist', () => {
    expect(DUPLICATES).toEqual([]);
    const routes = h().lt.routes.map(key);
    expect(routes.filter((r) => !CASES[r])).toEqual([]);
    expect(Object.keys(CASES).filter((c) => !routes.includes(c))).toEqual([]);
  });

  it('lists every /api/v1 route in the OpenAPI document', async () => {
    const doc = (await h().call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const r of h().lt.routes.filter((x) => x.url.startsWith('/api/v1'))) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[p]?.[r.method.toLowerCase()], `${key(r)} in OpenAPI`).toBeTruthy();
    }
  });

  async function send(method: string, call: Call): Promise<Reply> {
    return h().call(method, call.url, { ...(call.token ? { token: call.token } : {}), ...(call.body !== undefined ? { body: call.body } : {}) });
  }

  async function ledgerHas(type: string, requestId: string): Promise<boolean> {
    await h().lt.flush();
    const r = await h().call('GET', `/api/v1/ledger/entries?type=${type}&order=desc&pageSize=50`, { token: h().adminToken });
    return r.body.items.some((i: any) => i.entry.requestId === requestId);
  }

  for (const [name, c] of Object.entries(CASES)) {
    const [method] = name.split(' ') as [string];
    describe(name, () => {
      it('succeeds for an authorized caller', async () => {
        const route = h().lt.routes.find((r) => key(r) === name);
        if (!route) return; // reported by the completeness test
        const r = await send(method, await c.success(ctx));
        expect(r.status, JSON.stringify(r.body)).toBe(c.status);
        if (route.event) {
          expect(await ledgerHas(route.event, r.headers['x-request-id'] as string), `${route.event} recorded`).toBe(true);
        }
      });

      it('records a refused attempt as evidence (state-changing routes)', async () => {
        const route = h().lt.routes.find((r) => key(r) === name);
        if (!route?.event) {
          expect(c.refused, 'only state-changing routes have refusal cases').toBeUndefined();
          return;
        }
        expect(c.refused, `${name} declares event ${route.event} and needs a refusal case`).toBeDefined();
        const r = await send(method, await c.refused!(ctx));
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(await ledgerHas('platform.request.refused', r.headers['x-request-id'] as string)).toBe(true);
      });

      it('denies or hides across organisations', async () => {
        if ('notApplicable' in c.crossOrg) {
          expect(c.crossOrg.notApplicable.length).toBeGreaterThan(10);
          return;
        }
        const call = await c.crossOrg(ctx);
        const r = await send(method, call);
        call.expect(r);
      });
    });
  }
});
