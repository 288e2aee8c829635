import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { Rule, UserRule } from './quality.rules.js';

/** Quality rules per resource and reports per resource version; profiling queries over the row store. */

const RULES = 'catalog_quality_rules';
const REPORT = 'catalog_quality_report';

export interface ReportRow {
  id: string;
  resourceId: string;
  version: number;
  dataVersion: number | null;
  rowsProfiled: number;
  overall: number;
  scores: Record<string, number>;
  rules: unknown[];
  samples: unknown[];
  threshold: number;
  createdAt: Date;
}

const json = (v: unknown) => JSON.stringify(v);
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export async function findRules(db: Executor, resourceId: string): Promise<UserRule[]> {
  const r = await db.selectFrom(RULES).select('rules').where('resource_id', '=', resourceId).executeTakeFirst();
  return r ? parsed<UserRule[]>(r.rules) : [];
}

export async function saveRules(db: Executor, resourceId: string, rules: UserRule[], at: Date): Promise<void> {
  await db
    .insertInto(RULES)
    .values({ resource_id: resourceId, rules: json(rules), updated_at: at })
    .onConflict((oc) => oc.column('resource_id').doUpdateSet({ rules: json(rules), updated_at: at }))
    .execute();
}

export async function insertReport(db: Executor, r: ReportRow): Promise<void> {
  await db
    .insertInto(REPORT)
    .values({
      id: r.id, resource_id: r.resourceId, version: r.version, data_version: r.dataVersion, rows_profiled: r.rowsProfiled, overall: r.overall,
      scores: json(r.scores), rules: json(r.rules), samples: json(r.samples), threshold: r.threshold, created_at: r.createdAt,
    })
    .execute();
}

/** The newest report of a resource version. */
export async function latestReport(db: Executor, resourceId: string, version: number): Promise<ReportRow | undefined> {
  const r: any = await db.selectFrom(REPORT).selectAll().where('resource_id', '=', resourceId).where('version', '=', version).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id, resourceId: r.resource_id, version: Number(r.version), dataVersion: r.data_version === null ? null : Number(r.data_version), rowsProfiled: Number(r.rows_profiled),
    overall: Number(r.overall), scores: parsed(r.scores), rules: parsed(r.rules), samples: parsed(r.samples), threshold: Number(r.threshold), createdAt: new Date(r.created_at),
  };
}

// ---- profiling ------------------------------------------------------------------------------------

const NUMERIC = '^-?[0-9]+(\\.[0-9]+)?$';
const OPS: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
/**
 * Profiling reads each field of a row ONCE: the scan is a subquery `select row ->> 'f' as f, …
 * offset 0` (the OFFSET keeps PostgreSQL from folding it into the outer query, which would
 * extract the field again for every rule using it), and the rules compare `x.f`. Measured on
 * PGlite: ~25% faster than `row ->> 'f'` per rule, ~2× faster than `jsonb_to_record`. Field
 * names are `^[a-z][a-z0-9_]*$` (the resource schema), quoted as identifiers; the values are
 * the JSON values' text, null when absent.
 */
const v = (field: string) => sql`x.${sql.id(field)}`;
/**
 * The version's rows with every field extracted, plus the key, as `x`. `fence` (OFFSET 0) for the
 * full scans; without it (sample look-ups) the planner folds the subquery and can walk the
 * primary-key index in key order, stopping at the first failing rows.
 */
const source = (fields: string[], resourceId: string, version: number, fence = true) =>
  sql`(select r.key, ${sql.join(fields.map((f) => sql`r.row ->> ${f} as ${sql.id(f)}`), sql`, `)} from catalog_row as r
    where r.resource_id = ${resourceId} and r.version = ${version}${fence ? sql` offset 0` : sql``}) as x`;
/** Separator of the values `string_agg` collects; a value containing it makes the column be read again as JSON. */
const SEP = '\u001e';

/** A rule evaluated in SQL: the condition of a failing row and of a row it applies to (null = every row). */
export interface SqlCheck {
  fail: RawBuilder<unknown>;
  applies: RawBuilder<unknown> | null;
  /** What a sample shows as the value. */
  value: RawBuilder<unknown>;
}

/**
 * The SQL form of a row rule, or null when it must run in JavaScript (element formats, patterns)
 * or is not a row rule. `numeric` tells which fields compare as numbers (integer, decimal).
 */
export function sqlCheck(rule: Rule, numeric: (field: string) => boolean, codeList?: string[], checkedNumeric: (field: string) => boolean = () => false): SqlCheck | null {
  switch (rule.kind) {
    case 'filled':
    case 'required':
      return { fail: sql`${v(rule.field)} is null`, applies: null, value: sql`null::text` };
    case 'codes':
    case 'element': {
      const values = rule.kind === 'codes' ? rule.values : codeList;
      if (!values) return null;
      return { fail: sql`not (${v(rule.field)} = any(${values}::text[]))`, applies: sql`${v(rule.field)} is not null`, value: v(rule.field) };
    }
    case 'range': {
      const f = v(rule.field);
      const parts: RawBuilder<unknown>[] = [];
      if (numeric(rule.field)) {
        if (rule.min !== undefined) parts.push(sql`${f}::numeric < ${rule.min}::numeric`);
        if (rule.max !== undefined) parts.push(sql`${f}::numeric > ${rule.max}::numeric`);
        const out = parts.length ? sql.join(parts, sql` or `) : sql`false`;
        // Values the mount already checked as numbers cast directly; others are screened first.
        if (checkedNumeric(rule.field)) return { fail: sql`(${out})`, applies: sql`${f} is not null`, value: f };
        return { fail: sql`(case when ${f} ~ ${NUMERIC} then (${out}) else true end)`, applies: sql`${f} is not null`, value: f };
      }
      if (rule.min !== undefined) parts.push(sql`${f} < ${rule.min}`);
      if (rule.max !== undefined) parts.push(sql`${f} > ${rule.max}`);
      return { fail: parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`, applies: sql`${f} is not null`, value: f };
    }
    case 'compare': {
      const l = v(rule.field);
      const r = v(rule.other);
      const op = sql.raw(OPS[rule.op]!);
      const both = sql`${l} is not null and ${r} is not null`;
      const fail = numeric(rule.field) && numeric(rule.other) && checkedNumeric(rule.field) && checkedNumeric(rule.other)
        ? sql`not (${l}::numeric ${op} ${r}::numeric)`
        : numeric(rule.field) && numeric(rule.other)
        ? sql`(case when ${l} ~ ${NUMERIC} and ${r} ~ ${NUMERIC} then not (${l}::numeric ${op} ${r}::numeric) else true end)`
        : sql`not (${l} ${op} ${r})`;
      return { fail, applies: both, value: sql`${l} || ' ${sql.raw(OPS[rule.op]!)} ' || ${r}` };
    }
    default:
      return null;
  }
}

export interface Aggregates {
  rows: number;
  checks: Array<{ checked: number; failed: number }>;
  max: Array<string | null>;
  /** Non-null values of the `collect` fields (any order), for rules checked in JavaScript. */
  values: string[][];
}

/**
 * ONE scan over a version's rows computing everything the SQL can: `count(*) filter (where …)`
 * per rule, `max(…)` for freshness, and `json_agg` of the columns that rules checked in
 * JavaScript need (element formats, patterns, uniqueness — a hash set beats the database's sort
 * for `count(distinct …)` by far), so the rows are read once.
 */
export async function aggregate(
  db: Executor, resourceId: string, version: number, fields: string[], checks: SqlCheck[], maxFields: string[], collect: string[],
): Promise<Aggregates> {
  const cols: RawBuilder<unknown>[] = [sql`count(*) as n`];
  checks.forEach((c, i) => {
    cols.push(sql`count(*) filter (where ${c.applies ?? sql`true`}) as ${sql.raw(`a${i}`)}`);
    cols.push(sql`count(*) filter (where ${c.applies ? sql`${c.applies} and ` : sql``}${c.fail}) as ${sql.raw(`f${i}`)}`);
  });
  maxFields.forEach((f, i) => cols.push(sql`max(${v(f)}) as ${sql.raw(`m${i}`)}`));
  // Collected values: one string per column (cheapest to hand over and split), with their count.
  collect.forEach((f, i) => {
    cols.push(sql`coalesce(string_agg(${v(f)}, ${SEP}), '') as ${sql.raw(`j${i}`)}`);
    cols.push(sql`count(${v(f)}) as ${sql.raw(`k${i}`)}`);
  });
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(cols, sql`, `)} from ${source(fields, resourceId, version)}`.execute(db);
  const r = rows[0] ?? {};
  const values: string[][] = [];
  for (const [i, f] of collect.entries()) {
    const count = Number(r[`k${i}`] ?? 0);
    const text = String(r[`j${i}`] ?? '');
    const split = count === 0 ? [] : text.split(SEP);
    if (split.length === count) values.push(split);
    else {
      // Some value contains the separator: read this column again, as JSON.
      const again = await sql<{ j: string }>`select coalesce(json_agg(${v(f)}) filter (where ${v(f)} is not null), '[]')::text as j from ${source(fields, resourceId, version)}`.execute(db);
      values.push(JSON.parse(again.rows[0]?.j ?? '[]') as string[]);
    }
  }
  return {
    rows: Number(r.n ?? 0),
    checks: checks.map((_c, i) => ({ checked: Number(r[`a${i}`] ?? 0), failed: Number(r[`f${i}`] ?? 0) })),
    max: maxFields.map((_f, i) => (r[`m${i}`] as string | null) ?? null),
    values,
  };
}

/** The first failing rows of an SQL rule (key order). */
export async function failingSamples(db: Executor, resourceId: string, version: number, fields: string[], c: SqlCheck, limit: number): Promise<Array<{ key: string; value: string | null }>> {
  const { rows } = await sql<{ key: string; value: string | null }>`select x.key, ${c.value} as value from ${source(fields, resourceId, version, false)}
    where ${c.applies ? sql`${c.applies} and ` : sql``}${c.fail}
    order by x.key limit ${limit}`.execute(db);
  return rows;
}

/** The first rows (key order) whose `field` has one of `values`: samples of values that failed a JavaScript check. */
export async function rowsWithValues(db: Executor, resourceId: string, version: number, fields: string[], field: string, values: string[], limit: number): Promise<Array<{ key: string; value: string | null }>> {
  const { rows } = await sql<{ key: string; value: string | null }>`select r.key, r.row ->> ${field} as value from catalog_row as r
    where r.resource_id = ${resourceId} and r.version = ${version} and r.row ->> ${field} = any(${values}::text[])
    order by r.key limit ${limit}`.execute(db);
  return rows;
}
