/**
 * Bad input gets a clear error with a stable code and changes nothing; never a 500, never a stack.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './db.js';
import { randomUscc, useLiutong, type TestOrg } from './harness.js';
import { allErrorCodes } from '../src/platform/errors.js';

describeEachEngine('HTTP error handling', (engine) => {
  const h = useLiutong(engine, { bodyLimitBytes: 4096 });
  let org: TestOrg;
  beforeAll(async () => {
    org = await h().org(['enterprise']);
  });

  const orgCount = async () => (await h().call('GET', '/api/v1/orgs?pageSize=1', { token: h().adminToken })).body.total as number;

  it('malformed JSON → 400 REQUEST_MALFORMED_JSON, nothing created', async () => {
    const before = await orgCount();
    const r = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, headers: { 'content-type': 'application/json' }, payload: '{"name": {"zh": "x", ' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('REQUEST_MALFORMED_JSON');
    expect(r.body.error.requestId).toMatch(/^req_/);
    expect(await orgCount()).toBe(before);
  });

  it('unknown fields are rejected, not ignored, and named in details', async () => {
    const r = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, body: { name: { zh: '某', en: 'X' }, uscc: randomUscc(), roles: ['enterprise'], isAdmin: true } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('REQUEST_VALIDATION_FAILED');
    expect(r.body.error.details.fields.map((f: any) => f.path)).toContain('body.isAdmin');
    const nested = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, body: { name: { zh: '某', en: 'X', fr: 'Y' }, uscc: randomUscc(), roles: ['enterprise'] } });
    expect(nested.status).toBe(400);
  });

  it('wrong types are not coerced in bodies', async () => {
    const r = await h().call('POST', '/api/v1/auth/login', { body: { login: 12345, password: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('REQUEST_VALIDATION_FAILED');
    const roles = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, body: { name: { zh: '某', en: 'X' }, uscc: randomUscc(), roles: 'enterprise' } });
    expect(roles.status).toBe(400);
    const badRole = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, body: { name: { zh: '某', en: 'X' }, uscc: randomUscc(), roles: ['emperor'] } });
    expect(badRole.status).toBe(400);
  });

  it('bad query strings and path parameters are 400 with a code', async () => {
    for (const url of ['/api/v1/orgs?page=0', '/api/v1/orgs?pageSize=abc', '/api/v1/orgs?nope=1', '/api/v1/ledger/entries/-1', '/api/v1/ledger/entries/abc', '/api/v1/ledger/consistency?from=2']) {
      const r = await h().call('GET', url, { token: org.staffToken });
      expect(r.status, url).toBe(400);
      expect(r.body.error.code, url).toBe('REQUEST_VALIDATION_FAILED');
    }
  });

  it('oversize bodies → 413 REQUEST_BODY_TOO_LARGE', async () => {
    const r = await h().call('POST', '/api/v1/seals/sign', { token: org.staffToken, body: { payload: 'x'.repeat(10_000) } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('REQUEST_BODY_TOO_LARGE');
    expect(r.body.error.message).toContain('4096');
  });

  it('other content types → 415; unknown routes → 404 ROUTE_NOT_FOUND', async () => {
    const r = await h().call('POST', '/api/v1/auth/login', { headers: { 'content-type': 'text/plain' }, payload: 'login=admin' });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE');
    const nf = await h().call('GET', '/api/v1/nowhere', { headers: { 'accept-language': 'en' } });
    expect(nf.status).toBe(404);
    expect(nf.body.error).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: 'No such endpoint: GET /api/v1/nowhere' });
  });

  it('an empty JSON body is a 400, not a crash', async () => {
    const r = await h().call('POST', '/api/v1/auth/login', { headers: { 'content-type': 'application/json' }, payload: '' });
    expect(r.status).toBe(400);
  });

  it('a malformed Authorization header is 401 AUTH_INVALID_TOKEN, a missing one 401 AUTH_REQUIRED', async () => {
    const bad = await h().call('GET', '/api/v1/me', { headers: { authorization: 'Basic abc' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('AUTH_INVALID_TOKEN');
    const none = await h().call('GET', '/api/v1/me');
    expect(none.body.error.code).toBe('AUTH_REQUIRED');
    const forged = await h().call('GET', '/api/v1/me', { token: `lts_${randomBytes(32).toString('base64url')}` });
    expect(forged.status).toBe(401);
  });

  it('random junk to every state-changing route never yields a 500 or a stack trace', async () => {
    const junk: unknown[] = [null, 0, 'x', [], [1, 2], { a: 1 }, { payload: { deep: [{ x: 'y'.repeat(100) }] } }, { login: '', password: '' }, { name: null }, { digest: 'sha256:zz', title: '' }, { cosignature: '— x AAAA' }, { verifierKey: 'a+b+c' }];
    for (const route of h().lt.routes.filter((r) => r.method !== 'GET')) {
      const url = route.url.replace(':orgId', org.id).replace(':keyId', 'key_x').replace(':size', '1');
      for (const body of junk) {
        const r = await h().call(route.method, url, { token: org.adminToken, body });
        expect(r.status, `${route.method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
        if (r.status < 400) continue;
        if (url.startsWith('/api/3/')) {
          // The CKAN-compatible action API answers in CKAN's error shape (DESIGN.md §6.5).
          expect(r.body, url).toMatchObject({ success: false, error: { __type: expect.any(String), message: expect.anything() } });
        } else {
          expect(allErrorCodes().has(r.body.error.code), `${route.method} ${url} → ${JSON.stringify(r.body)}`).toBe(true);
        }
      }
    }
  });
});

describe('error catalogue', () => {
  it('every code has a status and messages in both languages', () => {
    for (const [code, def] of allErrorCodes()) {
      expect(def.status, code).toBeGreaterThanOrEqual(400);
      expect(def['zh-CN'].length, code).toBeGreaterThan(0);
      expect(def['en-US'].length, code).toBeGreaterThan(0);
      expect(def['zh-CN'], code).not.toBe(def['en-US']);
      // The same placeholders in both languages.
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(def['zh-CN']), code).toEqual(ph(def['en-US']));
    }
  });
});
