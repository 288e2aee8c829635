import type { Executor } from '../../platform/database/database.js';
import type { CodeItem, DataType, Format } from './value.validators.js';

export type ElementStatus = 'active' | 'retired';

export interface ElementRow {
  id: string;
  identifier: string;
  nameZh: string;
  nameEn: string;
  definitionZh: string | null;
  definitionEn: string | null;
  dataType: DataType;
  format: Format | null;
  codeList: CodeItem[] | null;
  unit: string | null;
  version: number;
  sourceOrgId: string;
  ownerOrgId: string;
  status: ElementStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** Columns an update may set. */
export type ElementUpdate = Partial<Pick<ElementRow, 'nameZh' | 'nameEn' | 'definitionZh' | 'definitionEn' | 'format' | 'codeList' | 'unit' | 'version' | 'status' | 'updatedAt'>>;

const T = 'catalog_element';

function mapElement(r: any): ElementRow {
  return {
    id: r.id,
    identifier: r.identifier,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    definitionZh: r.definition_zh,
    definitionEn: r.definition_en,
    dataType: r.data_type,
    format: r.format ?? null,
    codeList: r.code_list ?? null,
    unit: r.unit,
    version: Number(r.version),
    sourceOrgId: r.source_org_id,
    ownerOrgId: r.owner_org_id,
    status: r.status,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

/** A unique index refused a row: which one. */
export class ElementConflict extends Error {
  constructor(readonly on: 'identifier' | 'name') {
    super(`catalog_element ${on} conflict`);
  }
}

/** Maps PostgreSQL's unique violation (23505) on the element's unique indexes; rethrows anything else. */
function rethrowConflict(err: unknown): never {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code === '23505') {
    const which = `${e.constraint ?? ''} ${e.message ?? ''}`;
    if (which.includes('catalog_element_identifier_key')) throw new ElementConflict('identifier');
    if (which.includes('catalog_element_name_zh_active_key')) throw new ElementConflict('name');
  }
  throw err;
}

export async function insertElement(db: Executor, e: ElementRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: e.id,
      identifier: e.identifier,
      name_zh: e.nameZh,
      name_en: e.nameEn,
      definition_zh: e.definitionZh,
      definition_en: e.definitionEn,
      data_type: e.dataType,
      format: json(e.format),
      code_list: json(e.codeList),
      unit: e.unit,
      version: e.version,
      source_org_id: e.sourceOrgId,
      owner_org_id: e.ownerOrgId,
      status: e.status,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
    })
    .execute()
    .catch(rethrowConflict);
}

export async function updateElement(db: Executor, id: string, u: ElementUpdate): Promise<void> {
  const set: Record<string, unknown> = {};
  if (u.nameZh !== undefined) set.name_zh = u.nameZh;
  if (u.nameEn !== undefined) set.name_en = u.nameEn;
  if (u.definitionZh !== undefined) set.definition_zh = u.definitionZh;
  if (u.definitionEn !== undefined) set.definition_en = u.definitionEn;
  if (u.format !== undefined) set.format = json(u.format);
  if (u.codeList !== undefined) set.code_list = json(u.codeList);
  if (u.unit !== undefined) set.unit = u.unit;
  if (u.version !== undefined) set.version = u.version;
  if (u.status !== undefined) set.status = u.status;
  if (u.updatedAt !== undefined) set.updated_at = u.updatedAt;
  await db.updateTable(T).set(set).where('id', '=', id).execute().catch(rethrowConflict);
}

/** One element; `forUpdate` locks its row until the transaction ends (updates are serialised). */
export async function findElement(db: Executor, id: string, forUpdate = false): Promise<ElementRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapElement(r) : undefined;
}

export async function identifierTaken(db: Executor, identifier: string): Promise<boolean> {
  const r = await db.selectFrom(T).select('id').where('identifier', '=', identifier).executeTakeFirst();
  return !!r;
}

/** Whether another active element has this Chinese name (case-insensitive, as the unique index). */
export async function activeNameTaken(db: Executor, nameZh: string, exceptId?: string): Promise<boolean> {
  let q = db
    .selectFrom(T)
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name_zh']), '=', nameZh.toLowerCase()))
    .where('status', '=', 'active');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export interface ElementQuery {
  q?: string | undefined;
  sourceOrgId?: string | undefined;
  dataType?: DataType | undefined;
  status?: ElementStatus | undefined;
  sort: 'identifier' | 'createdAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export async function listElements(db: Executor, query: ElementQuery): Promise<{ items: ElementRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('identifier', 'ilike', like), eb('name_zh', 'ilike', like), eb('name_en', 'ilike', like)]));
  }
  if (query.sourceOrgId) base = base.where('source_org_id', '=', query.sourceOrgId);
  if (query.dataType) base = base.where('data_type', '=', query.dataType);
  if (query.status) base = base.where('status', '=', query.status);
  const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll()
    .orderBy(query.sort === 'identifier' ? 'identifier' : 'created_at', query.order)
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(mapElement), total: Number(totalRow?.n ?? 0) };
}
