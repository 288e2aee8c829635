import type { Executor } from '../../platform/database/database.js';

export interface CategoryRow {
  id: string;
  code: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  createdAt: Date;
  updatedAt: Date;
}

const T = 'catalog_category';

function mapCategory(r: any): CategoryRow {
  return {
    id: r.id,
    code: r.code,
    parentId: r.parent_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    sortOrder: Number(r.sort_order),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** A unique code was refused by the index (a concurrent writer won the race). */
export class CategoryCodeConflict extends Error {}

export async function insertCategory(db: Executor, c: CategoryRow): Promise<void> {
  await db
    .insertInto(T)
    .values({ id: c.id, code: c.code, parent_id: c.parentId, name_zh: c.nameZh, name_en: c.nameEn, sort_order: c.sortOrder, created_at: c.createdAt, updated_at: c.updatedAt })
    .execute()
    .catch((err) => {
      if ((err as { code?: string }).code === '23505') throw new CategoryCodeConflict();
      throw err;
    });
}

export async function updateCategory(db: Executor, id: string, u: Partial<Pick<CategoryRow, 'nameZh' | 'nameEn' | 'parentId' | 'sortOrder' | 'updatedAt'>>): Promise<void> {
  const set: Record<string, unknown> = {};
  if (u.nameZh !== undefined) set.name_zh = u.nameZh;
  if (u.nameEn !== undefined) set.name_en = u.nameEn;
  if (u.parentId !== undefined) set.parent_id = u.parentId;
  if (u.sortOrder !== undefined) set.sort_order = u.sortOrder;
  if (u.updatedAt !== undefined) set.updated_at = u.updatedAt;
  await db.updateTable(T).set(set).where('id', '=', id).execute();
}

export async function findCategory(db: Executor, id: string): Promise<CategoryRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapCategory(r) : undefined;
}

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  return !!(await db.selectFrom(T).select('id').where('code', '=', code).executeTakeFirst());
}

/** The whole tree (small: a few hundred nodes), ordered for display. */
export async function allCategories(db: Executor): Promise<CategoryRow[]> {
  const rows = await db.selectFrom(T).selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map(mapCategory);
}

/** Serialises structural changes to the tree (moves), so two moves cannot make a cycle together. */
export async function lockTree(db: Executor): Promise<void> {
  await db.selectFrom(T).select('id').where('parent_id', 'is', null).orderBy('id').forUpdate().execute();
}

/** The next sort position among `parentId`'s children. */
export async function nextSortOrder(db: Executor, parentId: string | null): Promise<number> {
  const q = db.selectFrom(T).select((eb) => eb.fn.max<number>('sort_order').as('m'));
  const r = await (parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId)).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}
