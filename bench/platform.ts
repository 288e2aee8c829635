/**
 * Shared set-up of the benchmarks: a real Liutong (createLiutong, the composition root) on a
 * fresh in-memory PGlite or a fresh throwaway PostgreSQL database `liutong_bench_*`, which is
 * dropped again afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLiutong, type Liutong } from '../src/liutong.app.js';
import { loadConfig } from '../src/platform/config/config.loader.js';
import { openDatabase, type Engine } from '../src/platform/database/database.js';
import type { Principal } from '../src/platform/http/access.js';
import { makeUscc } from '../src/modules/identity/index.js';

/** Server URL for the PostgreSQL runs (any database on it; the bench creates its own). */
export const POSTGRES_URL = process.env.LIUTONG_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchPlatform {
  lt: Liutong;
  engine: Engine;
  close(): Promise<void>;
}

/** Whether PostgreSQL answers at POSTGRES_URL; the reason when it does not. */
export async function postgresUnavailable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return null;
  } catch (err) {
    return `no PostgreSQL at ${POSTGRES_URL.replace(/\/\/[^@/]*@/, '//')}: ${(err as Error).message}`;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * Drops a bench database. Plain DROP first, retried while Liutong's pool connections are still
 * closing: a forced drop would kill them and their 'error' event, which nobody listens to any
 * more, would crash the process. Forced only as a last resort.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      return await adminQuery(`drop database if exists ${name}`);
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err; // 55006: still being accessed
      await sleep(100);
    }
  }
  await adminQuery(`drop database if exists ${name} with (force)`);
}

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export interface StartOptions {
  /** Config overrides (dotted keys), e.g. { 'ledger.intervalMs': 50 }. */
  overrides?: Record<string, unknown>;
  /** Start the background relay (default true). */
  startRelay?: boolean;
  /** PGlite in a temporary data directory instead of in memory. */
  onDisk?: boolean;
}

/**
 * Starts Liutong on a fresh database. PGlite is opened in memory (openDatabase({})), or in a
 * temporary directory, and migrated by createLiutong; PostgreSQL gets a new database that
 * createLiutong opens itself (default pool).
 */
export async function startPlatform(engine: Engine, options: StartOptions = {}): Promise<BenchPlatform> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'liutong-bench-'));
  let dbName: string | undefined;
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    dbName = `liutong_bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(`create database ${dbName}`);
    const u = new URL(POSTGRES_URL);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const config = loadConfig({
    // Group commit can be tuned for an experiment: LIUTONG_GROUP_COMMIT_MAX / _LANES.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('LIUTONG_GROUP_COMMIT_'))),
    overrides: {
      keyEncryptionSecret: 'bench-key-encryption-secret',
      logLevel: 'error',
      port: 0,
      host: '127.0.0.1',
      dataDir,
      databaseUrl,
      ...options.overrides,
    },
  });
  const database = engine === 'pglite' ? await openDatabase(options.onDisk ? { dataDir } : {}) : undefined;
  let lt: Liutong;
  try {
    lt = await createLiutong(config, { ...(database ? { database } : {}), startRelay: options.startRelay !== false });
  } catch (err) {
    try {
      await database?.close();
      if (dbName) await dropDatabase(dbName);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    throw err;
  }
  return {
    lt,
    engine,
    async close() {
      try {
        await lt.close();
        await database?.close();
        if (dbName) await dropDatabase(dbName);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function randomUscc(): string {
  let org = '';
  for (const b of randomBytes(9)) org += USCC_CHARS[b % USCC_CHARS.length];
  return makeUscc(`91440101${org}`);
}

/**
 * An enterprise organisation created by the platform itself (`null` principal) with one staff
 * user, and the Principal that authenticating that user would yield.
 */
export async function benchPrincipal(lt: Liutong): Promise<Principal> {
  const org = await lt.identity.organisations.create({ name: { zh: '基准测试企业', en: 'Bench enterprise' }, uscc: randomUscc(), roles: ['enterprise'] }, null);
  const user = await lt.identity.organisations.createUser(org.id, { username: `bench_${randomBytes(4).toString('hex')}`, displayName: 'Bench writer', password: 'Bench-Passw0rd!', memberRole: 'staff' }, null);
  return { kind: 'user', orgId: org.id, orgRoles: ['enterprise'], memberRole: 'staff', personRoles: [], userId: user.id, displayName: 'Bench writer' };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface QueryTimes {
  /** Total milliseconds and count per statement kind, e.g. "insert ledger_entry". */
  readonly byKind: Map<string, { n: number; ms: number }>;
  stop(): void;
}

const statementKind = (text: string) => {
  const m = /^\s*(\w+)\b(?:[\s\S]*?\b(?:from|into|update)\s+"?(\w+)"?)?/i.exec(text);
  return m ? [m[1]!.toLowerCase(), m[2]].filter(Boolean).join(' ') : text.slice(0, 30);
};

/**
 * Times every query by statement kind until stop(). On PGlite, which runs one query at a time,
 * these times add up to the time the database was busy; on PostgreSQL (every pg.Client of the
 * process is timed) they are latencies: server work plus round trip plus waiting for the CPU.
 */
export function timeQueries(lt: Liutong): QueryTimes {
  const byKind = new Map<string, { n: number; ms: number }>();
  const record = (text: string, ms: number) => {
    const kind = statementKind(text);
    const s = byKind.get(kind) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    byKind.set(kind, s);
  };
  const pglite = lt.database.pglite;
  if (pglite) {
    const query = pglite.query.bind(pglite);
    (pglite as any).query = async (text: string, ...rest: unknown[]) => {
      const t = performance.now();
      try {
        return await (query as any)(text, ...rest);
      } finally {
        record(text, performance.now() - t);
      }
    };
    return { byKind, stop: () => void delete (pglite as any).query };
  }
  const proto = pg.Client.prototype as any;
  const query = proto.query;
  proto.query = function (this: unknown, config: any, ...rest: unknown[]) {
    const t = performance.now();
    const result = query.call(this, config, ...rest);
    if (typeof result?.then === 'function') result.then(() => record(typeof config === 'string' ? config : config?.text ?? '', performance.now() - t), () => {});
    return result;
  };
  return { byKind, stop: () => void (proto.query = query) };
}

const kindKey = (kind: string) => kind.replace(/ /g, ':');

/** PGlite: `kind=µs` of database time per unit (event, call) for the costliest kinds, and the total. */
export function perUnit(times: QueryTimes, units: number, top = 8): Record<string, string> {
  const rows = [...times.byKind].sort((a, b) => b[1].ms - a[1].ms);
  const us = (ms: number) => `${Math.round((ms * 1000) / units).toLocaleString('en-US')}µs`;
  const out: Record<string, string> = {};
  for (const [kind, s] of rows.slice(0, top)) if ((s.ms * 1000) / units >= 0.5) out[kindKey(kind)] = us(s.ms);
  out['sql-total'] = us(rows.reduce((sum, [, s]) => sum + s.ms, 0));
  return out;
}

/** PostgreSQL: `kind=average latency×count` for the most frequent statement kinds, after `units=n`. */
export function latencies(times: QueryTimes, unit: [label: string, n: number], top = 8): Record<string, string> {
  const rows = [...times.byKind].sort((a, b) => b[1].n - a[1].n).slice(0, top);
  const out: Record<string, string> = { [unit[0]]: unit[1].toLocaleString('en-US') };
  for (const [kind, s] of rows) out[kindKey(kind)] = `${(s.ms / s.n).toFixed(2)}ms×${s.n.toLocaleString('en-US')}`;
  return out;
}
