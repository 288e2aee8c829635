/**
 * `npm run bench -- quality [pglite|postgres]`: data quality profiling (质量, GB/T 36344-2018) of a
 * 1,000,000-row mounted table, in rows profiled per second (target ≥ 200,000/s on the 2-core
 * machine), on PGlite and PostgreSQL.
 *
 * Dataset: a resource with 8 fields — a key, a mobile number bound to an element with the
 * `mobile` validator (checked in JavaScript, a streamed pass over that column), a gender bound to
 * a code element (code list, SQL), a name, an income, two dates and an update date — and the
 * user rules required(name), unique(mobile), range(income), compare(end >= start),
 * freshness(updated), pattern(name), plus the derived rules (element formats, filled per field,
 * mount age, accessibility): 19 rules in all. The rows are BULK-LOADED with one
 * `insert … select … from generate_series` into the catalog row store (the same table and JSONB
 * shape a mounted file produces), not uploaded as a file: this bench measures profiling, not
 * parsing.
 *
 * Reference, measured in the same run on the same rows: one full scan that reads every row's
 * JSON document (`select sum(octet_length(row::text))` over the version's rows) — the least
 * work any profiler that looks at every value must do on this database. ratio = profiling
 * rate / reference rate.
 *
 * LIUTONG_BENCH_QUALITY_ROWS overrides the row count.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Engine } from '../src/platform/database/database.js';
import { makeUscc } from '../src/modules/identity/index.js';
import { fmtMs, note, report, skip } from './report.js';
import { postgresUnavailable, startPlatform } from './platform.js';

const ROWS = Number(process.env.LIUTONG_BENCH_QUALITY_ROWS ?? 1_000_000);
const TARGET = 200_000;

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const uscc = () => makeUscc(`11440100${Array.from(randomBytes(9), (b) => USCC_CHARS[b % USCC_CHARS.length]).join('')}`);

async function qualityBench(engine: Engine): Promise<void> {
  const name = `quality/${engine}`;
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return skip(name, why);
  }
  const p = await startPlatform(engine, { startRelay: false });
  try {
    const { lt } = p;
    const orgs = lt.identity.organisations;
    const bureau = await orgs.create({ name: { zh: '基准数据管理局', en: 'Bench data bureau' }, uscc: uscc(), type: 'government', roles: ['data_bureau'] }, null);
    const source = await orgs.create({ name: { zh: '基准数源单位', en: 'Bench source unit' }, uscc: uscc(), type: 'government', roles: ['source_unit'] }, null);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const mobile = await lt.catalog.elements.create(bureau.id, { identifier: `DE.BENCH.MOBILE${tag}`, name: { zh: `基准手机号${tag}`, en: 'Mobile' }, dataType: 'string', format: { kind: 'validator', name: 'mobile' }, sourceOrgId: source.id }, null);
    const gender = await lt.catalog.elements.create(bureau.id, {
      identifier: `DE.BENCH.GENDER${tag}`, name: { zh: `基准性别${tag}`, en: 'Gender' }, dataType: 'code', sourceOrgId: source.id,
      codeList: [{ code: '1', label: { zh: '男', en: 'Male' } }, { code: '2', label: { zh: '女', en: 'Female' } }],
    }, null);
    const label = (zh: string, en: string) => ({ zh, en });
    const res = await lt.catalog.resources.create(source.id, {
      title: label('质量基准', 'Quality bench'), categoryId: 'cat_base0000000000000001', updateFrequency: 'monthly', format: 'table',
      fields: [
        { name: 'id', label: label('编号', 'Id'), dataType: 'string', key: true },
        { name: 'mobile', label: label('手机号', 'Mobile'), elementId: mobile.id },
        { name: 'gender', label: label('性别', 'Gender'), elementId: gender.id },
        { name: 'name', label: label('姓名', 'Name'), dataType: 'string' },
        { name: 'income', label: label('收入', 'Income'), dataType: 'decimal' },
        { name: 'start', label: label('开始', 'Start'), dataType: 'date' },
        { name: 'end', label: label('结束', 'End'), dataType: 'date' },
        { name: 'updated', label: label('更新', 'Updated'), dataType: 'date' },
      ],
    }, null);
    await lt.catalog.quality.setRules(res.id, [
      { kind: 'required', field: 'name' },
      { kind: 'unique', field: 'mobile' },
      { kind: 'range', field: 'income', min: '0', max: '100000' },
      { kind: 'compare', field: 'end', op: '>=', other: 'start' },
      { kind: 'freshness', field: 'updated', maxAgeDays: 31 },
      { kind: 'pattern', field: 'name', pattern: '用户[0-9]+' },
    ], null);

    // Bulk load (see the header): rows as a mount produces them, plus the mount record.
    const t0 = performance.now();
    await lt.kernel.db.transaction().execute(async (tx) => {
      await sql`insert into catalog_row (resource_id, version, key, row)
        select ${res.id}, 1, lpad(i::text, 10, '0'), jsonb_build_object(
          'id', lpad(i::text, 10, '0'),
          'mobile', '13' || lpad(i::text, 9, '0'),
          'gender', ((i % 2) + 1)::text,
          'name', case when i % 1000 = 0 then null else '用户' || i end,
          'income', (i % 150000)::text || '.50',
          'start', to_char(date '2020-01-01' + (i % 1000), 'YYYY-MM-DD'),
          'end', to_char(date '2020-01-01' + (i % 1000) + (i % 90) - 5, 'YYYY-MM-DD'),
          'updated', to_char(current_date - (i % 20), 'YYYY-MM-DD'))
        from generate_series(1, ${ROWS}::int) as i`.execute(tx);
      await sql`insert into catalog_mount_file (sha256, format, size_bytes, content, created_at) values ('bench', 'csv', 0, ''::bytea, now())`.execute(tx);
      await sql`insert into catalog_mount (resource_id, version, kind, file_sha256, file_format, row_count, key_fields, field_types, mounted_at)
        values (${res.id}, 1, 'table', 'bench', 'csv', ${ROWS}, '["id"]'::jsonb, ${JSON.stringify({ id: 'string', mobile: 'string', gender: 'code', name: 'string', income: 'decimal', start: 'date', end: 'date', updated: 'date' })}::jsonb, now())`.execute(tx);
    });
    await sql`analyze catalog_row`.execute(lt.kernel.db);
    note(`${name} bulk-load`, { rows: ROWS, time: fmtMs(performance.now() - t0), how: 'insert … select from generate_series (not a file upload)' });

    // Reference: one scan reading every row's JSON document. Warm once, then measure.
    const refQuery = () => sql`select sum(octet_length(row::text)) as n from catalog_row where resource_id = ${res.id} and version = 1`.execute(lt.kernel.db);
    await refQuery();
    const r0 = performance.now();
    await refQuery();
    const refMs = performance.now() - r0;

    await lt.catalog.quality.profile(res.id, 1); // warm-up (plans, caches)
    const q0 = performance.now();
    const result = await lt.catalog.quality.profile(res.id, 1);
    const ms = performance.now() - q0;
    if (result.rowsProfiled !== ROWS) throw new Error(`profiled ${result.rowsProfiled} rows, expected ${ROWS}`);
    note(`${name} report`, {
      time: fmtMs(ms), rules: result.rules.length, overall: result.overall.toFixed(2),
      scores: Object.entries(result.scores).map(([d, s]) => `${d}:${s}`).join(','),
    });
    report({
      name,
      size: ['rows', ROWS],
      rate: (ROWS * 1000) / ms,
      reference: { label: 'full scan reading every JSON row', rate: (ROWS * 1000) / refMs },
      target: { rate: TARGET },
    });
  } finally {
    await p.close();
  }
}

export const parts = ['pglite', 'postgres'] as const;

export async function run(only: string[]): Promise<void> {
  const want = (part: string) => only.length === 0 || only.includes(part);
  if (want('pglite')) await qualityBench('pglite');
  if (want('postgres')) await qualityBench('postgres');
}
