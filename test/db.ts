import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../src/platform/database/database.js';

export const ENGINES: Engine[] = ['pglite', 'postgres'];

/** Opens a fresh, migrated database of the given engine, cloned from the run's template. */
export async function cloneDatabase(engine: Engine): Promise<Database & { url?: string }> {
  if (engine === 'pglite') {
    const file = inject('pgliteTemplate');
    return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
  }
  const url = inject('pgUrl');
  const template = inject('pgTemplate');
  if (!url || !template) throw new Error('PostgreSQL is not configured for tests');
  const name = `liutong_t_${template.slice('liutong_tpl_'.length)}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (err) {
        // Two workers copying the template at the same moment: wait and retry.
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), poolSize: 5 });
  return {
    ...db,
    url: u.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await c.end();
    },
  };
}

export function postgresAvailable(): boolean {
  return !!inject('pgUrl');
}

/**
 * Runs a suite once per engine. The PostgreSQL run is skipped (and visibly reported as skipped)
 * when LIUTONG_TEST_DATABASE_URL is unset; every PostgreSQL test that runs is counted in
 * .test-results/postgres-tests.count so that CI can prove the half ran.
 */
export function describeEachEngine(name: string, body: (engine: Engine) => void): void {
  for (const engine of ENGINES) {
    const run = engine === 'pglite' || postgresAvailable() ? describe : describe.skip;
    run(`${name} [${engine}]`, () => {
      if (engine === 'postgres') {
        beforeEach(() => {
          appendFileSync(path.resolve('.test-results/postgres-tests.count'), '1\n');
        });
      }
      body(engine);
    });
  }
}

/** A database per test file and engine, opened before the suite and dropped after it. */
export function useDatabase(engine: Engine): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await cloneDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('database not open yet');
    return db;
  };
}
