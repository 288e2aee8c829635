import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * A migration is a list of SQL statements (one statement each: PGlite's extended protocol runs
 * one at a time). Names are timestamp-prefixed and a landed migration is frozen: its checksum
 * is recorded and a changed migration stops the start-up.
 */
export interface Migration {
  name: string;
  statements: string[];
}

export interface ModuleMigrations {
  module: string;
  migrations: Migration[];
}

const LOCK_KEY = 0x4c54_4d47; // 'LTMG'

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function runMigrations(db: Db, modules: ModuleMigrations[]): Promise<string[]> {
  await sql`create table if not exists platform_migration (
    module text not null, name text not null, checksum text not null,
    applied_at timestamptz not null default now(), primary key (module, name))`.execute(db);
  const applied: string[] = [];
  await db.transaction().execute(async (tx) => {
    // With several processes on one PostgreSQL, one migrates and the others wait.
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
    const done = await tx.selectFrom('platform_migration').select(['module', 'name', 'checksum']).execute();
    const known = new Map(done.map((r: any) => [`${r.module}/${r.name}`, r.checksum as string]));
    for (const { module, migrations } of modules) {
      let previous = '';
      for (const m of migrations) {
        if (!/^\d{8}T\d{4}_[a-z0-9_]+$/.test(m.name)) throw new MigrationError(`${module}/${m.name}: name must look like 20261123T1200_description`);
        if (m.name <= previous) throw new MigrationError(`${module}/${m.name}: migrations must be listed in name order`);
        previous = m.name;
        const checksum = checksumOf(m);
        const existing = known.get(`${module}/${m.name}`);
        if (existing !== undefined) {
          if (existing !== checksum) throw new MigrationError(`${module}/${m.name} was changed after it was applied; landed migrations are frozen, add a new one`);
          continue;
        }
        for (const statement of m.statements) await sql.raw(statement).execute(tx);
        await tx.insertInto('platform_migration').values({ module, name: m.name, checksum }).execute();
        applied.push(`${module}/${m.name}`);
      }
    }
  });
  return applied;
}

function checksumOf(m: Migration): string {
  // Whitespace-insensitive so that reformatting a file does not count as a change.
  const text = m.statements.map((s) => s.replace(/\s+/g, ' ').trim()).join(';\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
