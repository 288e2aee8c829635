import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

/** Mounted data (挂接): content-addressed originals, mounts per resource version, and the row store. */

export type MountFormat = 'csv' | 'xlsx' | 'parquet';

export interface MountRow {
  resourceId: string;
  version: number;
  /** 'none': the data was removed from this version (a tombstone; earlier mounts stop carrying forward). */
  kind: 'table' | 'api' | 'none';
  fileSha256: string | null;
  fileFormat: MountFormat | null;
  rowCount: number | null;
  /** Names of the key fields the rows were keyed by (table mounts). */
  keyFields: string[] | null;
  /** Data type of each field the rows were checked against at mount time (table mounts). */
  fieldTypes: Record<string, string> | null;
  /** The field each column of the original was read as, in file order (table mounts since 2026-12). */
  columns: string[] | null;
  upstreamUrl: string | null;
  keyParam: string | null;
  timeoutMs: number | null;
  mountedAt: Date;
  mountedBy: string | null;
}

const M = 'catalog_mount';
const FILE = 'catalog_mount_file';
const ROW = 'catalog_row';

/** Rows per INSERT statement: arrays are passed as two parameters, so a chunk is one round trip. */
export const INSERT_CHUNK = 5_000;

function mapMount(r: any): MountRow {
  return {
    resourceId: r.resource_id,
    version: Number(r.version),
    kind: r.kind,
    fileSha256: r.file_sha256,
    fileFormat: r.file_format,
    rowCount: r.row_count === null ? null : Number(r.row_count),
    keyFields: r.key_fields ?? null,
    fieldTypes: r.field_types ?? null,
    columns: r.columns ?? null,
    upstreamUrl: r.upstream_url,
    keyParam: r.key_param,
    timeoutMs: r.timeout_ms === null ? null : Number(r.timeout_ms),
    mountedAt: new Date(r.mounted_at),
    mountedBy: r.mounted_by,
  };
}

/** Keeps an original file once per content (sha256); a second upload of the same bytes stores nothing. */
export async function keepFile(db: Executor, f: { sha256: string; format: MountFormat; content: Uint8Array; at: Date }): Promise<void> {
  await db
    .insertInto(FILE)
    .values({ sha256: f.sha256, format: f.format, size_bytes: f.content.byteLength, content: Buffer.from(f.content), created_at: f.at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** The original of a mounted table (kept by sha256). */
export async function fileContent(db: Executor, sha256: string): Promise<Uint8Array | undefined> {
  const r = await db.selectFrom(FILE).select('content').where('sha256', '=', sha256).executeTakeFirst();
  return r ? new Uint8Array(r.content as Buffer) : undefined;
}

export async function fileCount(db: Executor, sha256: string): Promise<number> {
  const r = await db.selectFrom(FILE).select((eb) => eb.fn.countAll<string>().as('n')).where('sha256', '=', sha256).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Creates or replaces the mount of one resource version. */
export async function saveMount(db: Executor, m: MountRow): Promise<void> {
  const values = {
    kind: m.kind,
    file_sha256: m.fileSha256,
    file_format: m.fileFormat,
    row_count: m.rowCount,
    key_fields: m.keyFields === null ? null : JSON.stringify(m.keyFields),
    field_types: m.fieldTypes === null ? null : JSON.stringify(m.fieldTypes),
    columns: m.columns === null ? null : JSON.stringify(m.columns),
    upstream_url: m.upstreamUrl,
    key_param: m.keyParam,
    timeout_ms: m.timeoutMs,
    mounted_at: m.mountedAt,
    mounted_by: m.mountedBy,
  };
  await db
    .insertInto(M)
    .values({ resource_id: m.resourceId, version: m.version, ...values })
    .onConflict((oc) => oc.columns(['resource_id', 'version']).doUpdateSet(values))
    .execute();
}

export async function findMount(db: Executor, resourceId: string, version: number): Promise<MountRow | undefined> {
  const r = await db.selectFrom(M).selectAll().where('resource_id', '=', resourceId).where('version', '=', version).executeTakeFirst();
  return r ? mapMount(r) : undefined;
}

/**
 * The mount that serves `version`: its own, or else the newest mount of an earlier version (data
 * carries forward to a new version until it is mounted again). A removal (kind 'none') serves nothing.
 */
export async function servedMount(db: Executor, resourceId: string, version: number): Promise<(MountRow & { kind: 'table' | 'api' }) | undefined> {
  const r = await db
    .selectFrom(M)
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('version', '<=', version)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && r.kind !== 'none' ? (mapMount(r) as MountRow & { kind: 'table' | 'api' }) : undefined;
}

export async function deleteRows(db: Executor, resourceId: string, version: number): Promise<void> {
  await db.deleteFrom(ROW).where('resource_id', '=', resourceId).where('version', '=', version).execute();
}

/**
 * Bulk insert: chunks of INSERT_CHUNK rows, each one statement with the keys and the JSON rows as
 * two array parameters (`unnest`), inside the caller's transaction (all or nothing).
 */
export async function insertRows(db: Executor, resourceId: string, version: number, rows: Array<{ key: string; json: string }>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const keys = chunk.map((r) => r.key);
    const docs = chunk.map((r) => r.json);
    await sql`insert into catalog_row (resource_id, version, key, row)
      select ${resourceId}, ${version}, k, d::jsonb from unnest(${keys}::text[], ${docs}::text[]) as t(k, d)`.execute(db);
  }
}

export interface RowQuery {
  /** Exact keys to probe (the key fields' values joined with U+001F); one index probe each. */
  keys?: string[] | undefined;
  /** Other filters: field → allowed values, compared with the stored value's text. */
  filters?: Record<string, string[]> | undefined;
  offset: number;
  limit: number;
}

/** Rows of one version in key order; one more than `limit` is read to tell whether more follow. */
export async function queryRows(db: Executor, resourceId: string, version: number, q: RowQuery): Promise<{ rows: Array<{ key: string; row: Record<string, unknown> }>; hasMore: boolean }> {
  let query = db.selectFrom(ROW).select(['key', 'row']).where('resource_id', '=', resourceId).where('version', '=', version);
  if (q.keys) {
    if (q.keys.length === 0) return { rows: [], hasMore: false };
    query = q.keys.length === 1 ? query.where('key', '=', q.keys[0]!) : query.where('key', 'in', q.keys);
  }
  for (const [field, values] of Object.entries(q.filters ?? {})) {
    if (values.length === 0) return { rows: [], hasMore: false };
    query = query.where(sql<boolean>`(row ->> ${field}) = any(${values}::text[])`);
  }
  const rows = await query.orderBy('key').offset(q.offset).limit(q.limit + 1).execute();
  const hasMore = rows.length > q.limit;
  return { rows: rows.slice(0, q.limit).map((r: any) => ({ key: r.key, row: typeof r.row === 'string' ? JSON.parse(r.row) : r.row })), hasMore };
}

export async function countRows(db: Executor, resourceId: string, version: number): Promise<number> {
  const r = await db.selectFrom(ROW).select((eb) => eb.fn.countAll<string>().as('n')).where('resource_id', '=', resourceId).where('version', '=', version).executeTakeFirst();
  return Number(r?.n ?? 0);
}
