/**
 * Vitest global setup: migrate once, clone per test file (DESIGN.md §8).
 * - PGlite: a migrated store is dumped to .test-results/pglite-template.tgz; each test file loads it.
 * - PostgreSQL (LIUTONG_TEST_DATABASE_URL): a migrated template database; each test file gets
 *   `CREATE DATABASE … TEMPLATE …`. Without the URL the PostgreSQL half is skipped with a notice,
 *   unless LIUTONG_REQUIRE_POSTGRES=1 (CI), where that is an error.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/database/database.js';
import { runMigrations } from '../src/platform/database/migrator.js';
import { MODULE_MIGRATIONS } from '../src/liutong.app.js';

export const RESULTS_DIR = path.resolve('.test-results');

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (process.env.LIUTONG_TEST_KEEP_COUNTS !== '1') {
    // (bin/test.js re-runs the files of a hung worker with this set: the counts CI reads add up.)
    rmSync(path.join(RESULTS_DIR, 'postgres-tests.count'), { force: true });
    rmSync(path.join(RESULTS_DIR, 'browser-tests.count'), { force: true });
  }
  // The browser suites' seeded demo store is built once per run by the first suite that needs it.
  rmSync(path.join(RESULTS_DIR, 'pglite-demo.tgz'), { force: true });
  rmSync(path.join(RESULTS_DIR, 'pglite-demo.lock'), { force: true });

  const lite = await openDatabase({});
  await runMigrations(lite.db, MODULE_MIGRATIONS);
  const dump = await lite.pglite!.dumpDataDir('gzip');
  const templateFile = path.join(RESULTS_DIR, 'pglite-template.tgz');
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', templateFile);

  const url = process.env.LIUTONG_TEST_DATABASE_URL;
  if (!url) {
    if (process.env.LIUTONG_REQUIRE_POSTGRES === '1') throw new Error('LIUTONG_REQUIRE_POSTGRES=1 but LIUTONG_TEST_DATABASE_URL is not set');
    console.warn('\n[liutong] NOTICE: LIUTONG_TEST_DATABASE_URL is not set: the PostgreSQL half of every database test is SKIPPED.\n');
    project.provide('pgTemplate', null);
    project.provide('pgUrl', null);
    return;
  }
  const template = `liutong_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const tplUrl = withDatabase(url, template);
  const db = await openDatabase({ databaseUrl: tplUrl, poolSize: 1 });
  await runMigrations(db.db, MODULE_MIGRATIONS);
  await db.close();
  project.provide('pgTemplate', template);
  project.provide('pgUrl', url);

  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query(`select datname from pg_database where datname like 'liutong_t_${process.pid}_%' or datname = $1`, [template]);
    for (const row of r.rows) await c.query(`drop database if exists ${row.datname} with (force)`);
    await c.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

