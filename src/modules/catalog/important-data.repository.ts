import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { Attribute, Level, PersonalInfo } from './resource.grading.js';

export type EntryStatus = 'active' | 'retired';

/** An entry of the important-data catalogue (重要数据目录): a sector's description of important data and how to recognise it. */
export interface EntryRow {
  id: string;
  ownerOrgId: string;
  sector: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  elementIdentifiers: string[];
  keywords: string[];
  categoryIds: string[];
  status: EntryStatus;
  createdAt: Date;
  updatedAt: Date;
}

const T = 'catalog_important_entry';

function mapEntry(r: any): EntryRow {
  return {
    id: r.id,
    ownerOrgId: r.owner_org_id,
    sector: r.sector,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    elementIdentifiers: r.element_identifiers ?? [],
    keywords: r.keywords ?? [],
    categoryIds: r.category_ids ?? [],
    status: r.status,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

export async function insertEntry(db: Executor, e: EntryRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: e.id, owner_org_id: e.ownerOrgId, sector: e.sector, name_zh: e.nameZh, name_en: e.nameEn, description_zh: e.descriptionZh, description_en: e.descriptionEn,
      element_identifiers: JSON.stringify(e.elementIdentifiers), keywords: JSON.stringify(e.keywords), category_ids: JSON.stringify(e.categoryIds),
      status: e.status, created_at: e.createdAt, updated_at: e.updatedAt,
    })
    .execute();
}

export async function setEntryStatus(db: Executor, id: string, status: EntryStatus, at: Date): Promise<void> {
  await db.updateTable(T).set({ status, updated_at: at }).where('id', '=', id).execute();
}

export async function findEntry(db: Executor, id: string, forUpdate = false): Promise<EntryRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapEntry(r) : undefined;
}

export async function activeEntries(db: Executor): Promise<EntryRow[]> {
  return (await db.selectFrom(T).selectAll().where('status', '=', 'active').orderBy('created_at').orderBy('id').execute()).map(mapEntry);
}

export async function listEntries(db: Executor, q: { sector?: string | undefined; status?: EntryStatus | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom(T);
  if (q.sector) base = base.where('sector', '=', q.sector);
  if (q.status) base = base.where('status', '=', q.status);
  const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('sector').orderBy('created_at').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(mapEntry), total: Number(totalRow?.n ?? 0) };
}

/** The category and its ancestors. */
export async function categoryAncestors(db: Executor, categoryId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`with recursive up(id, parent_id) as (
      select id, parent_id from catalog_category where id = ${categoryId}
      union all select c.id, c.parent_id from catalog_category c join up on c.id = up.parent_id)
    select id from up`.execute(db);
  return r.rows.map((x) => x.id);
}

/** The categories and all their descendants. */
export async function categorySubtree(db: Executor, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const r = await sql<{ id: string }>`with recursive down(id) as (
      select id from catalog_category where id in (${sql.join(ids)})
      union all select c.id from catalog_category c join down on c.parent_id = down.id)
    select distinct id from down`.execute(db);
  return r.rows.map((x) => x.id);
}

export interface CandidateVersion {
  resourceId: string;
  sourceOrgId: string;
  version: number;
  level: Level | null;
  personalInfo: PersonalInfo;
  sharing: Attribute | null;
  open: Attribute | null;
}

/**
 * Head and live versions of every resource that `e` selects (the same rule as entryMatches: every
 * kind of criterion the entry gives must hold; within a kind, any value), already locked for the
 * caller's transaction. `categories` is the subtree of the entry's categories.
 */
export async function versionsMatching(db: Executor, e: EntryRow, categories: string[]): Promise<CandidateVersion[]> {
  let q = db
    .selectFrom('catalog_resource as r')
    .innerJoin('catalog_resource_version as v', (j) => j.onRef('v.resource_id', '=', 'r.id').on(sql<boolean>`(v.version = r.head_version or v.version = r.live_version)`))
    .select(['r.id', 'r.source_org_id', 'v.version', 'v.level', 'v.personal_info', 'v.sharing', 'v.open']);
  if (e.elementIdentifiers.length) {
    q = q.where((eb) => eb.exists(eb.selectFrom('catalog_resource_field as f').select('f.name').whereRef('f.resource_id', '=', 'v.resource_id').whereRef('f.version', '=', 'v.version').where('f.element_identifier', 'in', e.elementIdentifiers)));
  }
  if (e.keywords.length) {
    q = q.where((eb) =>
      eb.or(
        e.keywords.flatMap((k) => {
          const l = `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          return [
            eb('v.title_zh', 'ilike', l), eb('v.title_en', 'ilike', l), eb('v.description_zh', 'ilike', l), eb('v.description_en', 'ilike', l),
            eb.exists(eb.selectFrom('catalog_resource_field as f').select('f.name').whereRef('f.resource_id', '=', 'v.resource_id').whereRef('f.version', '=', 'v.version').where((x) => x.or([x('f.label_zh', 'ilike', l), x('f.label_en', 'ilike', l)]))),
          ];
        }),
      ),
    );
  }
  if (e.categoryIds.length) q = q.where('v.category_id', 'in', categories.length ? categories : ['-']);
  const rows = await q.orderBy('r.id').orderBy('v.version').forUpdate().execute();
  return rows.map((r: any) => ({ resourceId: r.id, sourceOrgId: r.source_org_id, version: Number(r.version), level: r.level, personalInfo: r.personal_info, sharing: r.sharing ?? null, open: r.open ?? null }));
}

/** Raises a version to important (the general sub-level no longer applies). */
export async function raiseToImportant(db: Executor, resourceId: string, version: number, at: Date): Promise<void> {
  await db.updateTable('catalog_resource_version').set({ level: 'important', general_level: null, updated_at: at }).where('resource_id', '=', resourceId).where('version', '=', version).execute();
}
