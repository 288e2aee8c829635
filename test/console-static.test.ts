import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiutong, type Liutong } from '../src/liutong.app.js';
import { cloneDatabase } from './db.js';
import { testConfig } from './harness.js';
import type { Database } from '../src/platform/database/database.js';

describe('the platform serves the console at /', () => {
  let lt: Liutong;
  let db: Database;
  let missing: Liutong;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liutong-console-'));
  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(os.tmpdir(), 'liutong-secret.txt'), 'TOP-SECRET-CONTENT-42');
    db = await cloneDatabase('pglite');
    lt = await createLiutong(testConfig(), { database: db, migrated: true, startRelay: false, consoleDir: dir });
    missing = await createLiutong(testConfig(), { database: db, migrated: true, startRelay: false, consoleDir: path.join(dir, 'nowhere') });
  });
  afterAll(async () => {
    await lt.close();
    await missing.close();
    await db.close();
  });
  const get = (url: string, app = lt) => app.app.inject({ method: 'GET', url });

  it('answers page paths with index.html and a content security policy', async () => {
    for (const url of ['/', '/login', '/console/orgs/org_x', '/verify?x=1']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.body).toContain('<title>console</title>');
      expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves built assets with long caching and a 404 for missing files', async () => {
    const r = await get('/assets/app-abc123.js');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/javascript');
    expect(r.headers['cache-control']).toContain('immutable');
    const m = await get('/assets/nope.js');
    expect(m.statusCode).toBe(404);
    expect(m.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it("keeps the server's own routes first and unknown API paths API errors", async () => {
    const api = await get('/api/v1/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
    expect((await get('/healthz')).json().status).toBe('ok');
    expect((await get('/api/v1/ledger/key')).statusCode).toBe(200);
    const did = await get('/.well-known/did.json');
    expect(did.statusCode).toBe(200);
    expect(did.headers['content-type']).not.toContain('text/html');
  });

  it('never serves a file outside the console folder', async () => {
    for (const url of ['/../liutong-secret.txt', '/%2e%2e/liutong-secret.txt', '/assets/..%2f..%2fliutong-secret.txt', '/%00.js']) {
      const r = await get(url);
      expect(r.body, url).not.toContain('TOP-SECRET-CONTENT-42');
      expect([200, 404], url).toContain(r.statusCode);
    }
  });

  it('says the console is not built instead of failing when console/dist is missing', async () => {
    const r = await get('/console', missing);
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('CONSOLE_NOT_BUILT');
  });
});
