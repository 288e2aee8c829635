import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite.driver.js';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<any>;
export type Tx = Transaction<any>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Kysely<any>;

export interface Database {
  readonly engine: Engine;
  readonly db: Db;
  /** The embedded store, for backup (PGlite only). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent = in memory. */
  dataDir?: string | undefined;
  /** A gzipped PGlite data directory dump to start from (clone of a migrated template). */
  loadDataDir?: Blob | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Told of errors on idle PostgreSQL connections (they are discarded and replaced). */
  onPoolError?: (err: Error) => void;
}

// Both engines answer int8 and numeric as strings (pg's default), so that bigint money and counts
// never lose precision and code behaves the same on both.
const PGLITE_PARSERS = { 20: (v: string) => v, 1700: (v: string) => v };

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A server restart, a dropped database or an administrator's pg_terminate_backend reaches idle
    // clients as an 'error' event, and pool.end() returns before its clients have finished closing.
    // Without listeners either would be an uncaught exception that kills the process; the pool
    // discards the broken client and the next query opens a fresh connection.
    const onError = options.onPoolError ?? (() => {});
    pool.on('error', onError);
    pool.on('connect', (client) => client.on('error', onError));
    // Fail fast with the server's own message when the URL is wrong.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { engine: 'postgres', db, close: () => db.destroy() };
  }
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  // Note: `new PGlite(undefined, options)` ignores the options; name the in-memory store explicitly.
  const pglite = new PGlite(dir ?? 'memory://', {
    parsers: PGLITE_PARSERS,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    db,
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Runs `fn` in a transaction. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

export async function advisoryXactLock(tx: Tx, key: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key})`.execute(tx);
}

/** bytea arrives as Buffer from pg and Uint8Array from PGlite. */
export function toBuffer(value: Uint8Array | Buffer): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
