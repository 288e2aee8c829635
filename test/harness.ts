import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../src/platform/config/config.loader.js';
import type { LiutongConfig } from '../src/platform/config/config.schema.js';
import type { Engine } from '../src/platform/database/database.js';
import type { Clock } from '../src/platform/clock.js';
import type { OrgRole, MemberRole } from '../src/platform/http/access.js';
import { createLiutong, type Liutong } from '../src/liutong.app.js';
import { makeUscc } from '../src/modules/identity/index.js';
import { cloneDatabase } from './db.js';

/** A stand-in console build, so route tests do not depend on `vite build` (the browser tests use the real one). */
export const CONSOLE_FIXTURE = path.resolve('test/fixtures/console-dist');

export const ADMIN_PASSWORD = 'Admin-Passw0rd!';
export const USER_PASSWORD = 'User-Passw0rd!';

export function testConfig(overrides: Record<string, unknown> = {}): LiutongConfig {
  return loadConfig({
    env: {},
    overrides: {
      keyEncryptionSecret: 'test-key-encryption-secret',
      // The same scrypt at a cost of 2^10 instead of 2^15: the suite creates thousands of users.
      passwordCostLn: 10,
      logLevel: 'silent',
      port: 0,
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'liutong-test-')),
      publicBaseUrl: 'http://liutong.test',
      adminPassword: ADMIN_PASSWORD,
      ...overrides,
    },
  });
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A random USCC with a correct check character (Guangzhou division code). */
export function randomUscc(): string {
  let org = '';
  for (const b of randomBytes(9)) org += USCC_CHARS[b % USCC_CHARS.length];
  return makeUscc(`91440101${org}`);
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface TestOrg {
  id: string;
  did: string;
  adminToken: string;
  staffToken: string;
  auditorToken: string;
  adminUserId: string;
  /** Login names by member role (for `relogin` after a test moved the clock past the sessions). */
  usernames: Record<'org_admin' | 'staff' | 'auditor', string>;
}

export class Harness {
  adminToken = '';
  constructor(readonly lt: Liutong) {}

  async call<T = any>(method: string, url: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; payload?: string } = {}): Promise<Reply<T>> {
    const res = await this.lt.app.inject({
      method: method as any,
      url,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      ...(opts.payload !== undefined ? { payload: opts.payload } : opts.body !== undefined ? { payload: JSON.stringify(opts.body) } : {}),
    });
    let body: any = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body, headers: res.headers };
  }

  async login(login: string, password: string): Promise<string> {
    const r = await this.call('POST', '/api/v1/auth/login', { body: { login, password } });
    if (r.status !== 200) throw new Error(`login ${login} failed: ${JSON.stringify(r.body)}`);
    return r.body.token;
  }

  private n = 0;
  /** Creates an organisation (of `type`, default enterprise) through the API (as admin) with an org_admin, a staff and an auditor user. */
  async org(roles: OrgRole[], name = 'Test', type?: 'government' | 'public_institution' | 'public_enterprise' | 'enterprise'): Promise<TestOrg> {
    const k = ++this.n + randomBytes(3).toString('hex');
    const created = await this.call('POST', '/api/v1/orgs', { token: this.adminToken, body: { name: { zh: `${name}机构${k}`, en: `${name} org ${k}` }, uscc: randomUscc(), roles, ...(type ? { type } : {}) } });
    if (created.status !== 201) throw new Error(`org create failed: ${JSON.stringify(created.body)}`);
    const id = created.body.id as string;
    const tokens: Record<MemberRole, string> = {} as any;
    const usernames = {} as TestOrg['usernames'];
    let adminUserId = '';
    for (const role of ['org_admin', 'staff', 'auditor'] as MemberRole[]) {
      const username = `u${k}_${role}`.replace(/[^a-zA-Z0-9_]/g, '');
      const u = await this.call('POST', `/api/v1/orgs/${id}/users`, { token: this.adminToken, body: { username, displayName: `${role} ${k}`, password: USER_PASSWORD, memberRole: role } });
      if (u.status !== 201) throw new Error(`user create failed: ${JSON.stringify(u.body)}`);
      if (role === 'org_admin') adminUserId = u.body.id;
      tokens[role] = await this.login(username, USER_PASSWORD);
      usernames[role as keyof TestOrg['usernames']] = username;
    }
    return { id, did: created.body.did, adminToken: tokens.org_admin, staffToken: tokens.staff, auditorToken: tokens.auditor, adminUserId, usernames };
  }

  /**
   * A published public resource of `owner` with `csv` mounted: created, mounted, quality-checked
   * (the publishing gate), submitted and published by `bureau`. `resource` is the create body
   * (title, category, fields, attributes…). Returns the resource id; any failed step throws.
   */
  async publishedTable(owner: TestOrg, bureau: TestOrg, resource: Record<string, unknown>, csv: string): Promise<string> {
    const step = async (what: string, r: Promise<Reply>, status: number) => {
      const got = await r;
      if (got.status !== status) throw new Error(`${what}: ${got.status} ${JSON.stringify(got.body)}`);
      return got;
    };
    const created = await step('create', this.call('POST', '/api/v1/catalog/resources', { token: owner.staffToken, body: { updateFrequency: 'monthly', format: 'table', ...resource } }), 201);
    const id = created.body.id as string;
    await step('mount', this.call('POST', `/api/v1/catalog/resources/${id}/mount`, { token: owner.staffToken, body: { format: 'csv', contentBase64: Buffer.from(csv).toString('base64') } }), 201);
    await step('quality', this.call('POST', `/api/v1/catalog/resources/${id}/quality/run`, { token: owner.staffToken }), 201);
    await step('submit', this.call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: owner.staffToken }), 200);
    await step('publish', this.call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: bureau.staffToken }), 200);
    return id;
  }

  /** Fresh sessions for `org`'s users (and the platform admin), e.g. after the clock moved past the old ones. */
  async relogin(org: TestOrg): Promise<void> {
    this.adminToken = await this.login('admin', ADMIN_PASSWORD);
    org.adminToken = await this.login(org.usernames.org_admin, USER_PASSWORD);
    org.staffToken = await this.login(org.usernames.staff, USER_PASSWORD);
    org.auditorToken = await this.login(org.usernames.auditor, USER_PASSWORD);
  }
}

/** A full Liutong (all modules, HTTP via inject) on a fresh database of `engine`, with the admin logged in. */
export function useLiutong(engine: Engine, overrides: Record<string, unknown> = {}, options: { clock?: Clock } = {}): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    const database = await cloneDatabase(engine);
    const lt = await createLiutong(testConfig(overrides), { database, migrated: true, startRelay: false, consoleDir: CONSOLE_FIXTURE, ...options });
    await lt.identity.organisations.bootstrapAdmin(ADMIN_PASSWORD);
    h = new Harness(lt);
    h.adminToken = await h.login('admin', ADMIN_PASSWORD);
    (h as any).database = database;
  });
  afterAll(async () => {
    if (!h) return;
    await h.lt.close();
    await (h as any).database.close();
    rmSync(h.lt.kernel.config.dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!h) throw new Error('harness not ready');
    return h;
  };
}
