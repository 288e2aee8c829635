import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { OrgRole } from '../../platform/http/access.js';

export type OrgType = 'government' | 'public_institution' | 'public_enterprise' | 'enterprise' | 'social_organisation' | 'platform' | 'individual';

export interface OrganisationRow {
  id: string;
  nameZh: string;
  nameEn: string;
  type: OrgType;
  uscc: string | null;
  roles: OrgRole[];
  status: 'active' | 'suspended';
  createdAt: Date;
  updatedAt: Date;
}

const T = 'identity_organisation';

export function mapOrganisation(r: any): OrganisationRow {
  return {
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    type: r.type,
    uscc: r.uscc,
    roles: r.roles,
    status: r.status,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

export async function insertOrganisation(db: Executor, o: OrganisationRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: o.id,
      name_zh: o.nameZh,
      name_en: o.nameEn,
      type: o.type,
      uscc: o.uscc,
      roles: sql`${sql.val(o.roles)}::text[]`,
      status: o.status,
      created_at: o.createdAt,
      updated_at: o.updatedAt,
    })
    .execute();
}

export async function findOrganisation(db: Executor, id: string): Promise<OrganisationRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapOrganisation(r) : undefined;
}

/** Several organisations in one statement (those that exist). */
export async function findOrganisations(db: Executor, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(T).selectAll().where('id', 'in', ids).execute()).map(mapOrganisation);
}

export async function findOrganisationByUscc(db: Executor, uscc: string): Promise<OrganisationRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('uscc', '=', uscc).executeTakeFirst();
  return r ? mapOrganisation(r) : undefined;
}

export interface OrganisationQuery {
  q?: string | undefined;
  role?: OrgRole | undefined;
  type?: OrgType | undefined;
  page: number;
  pageSize: number;
  sort: 'name' | 'createdAt';
  order: 'asc' | 'desc';
}

export async function listOrganisations(db: Executor, query: OrganisationQuery): Promise<{ items: OrganisationRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('name_zh', 'ilike', like), eb('name_en', 'ilike', like), eb('uscc', '=', query.q!.toUpperCase())]));
  }
  if (query.role) base = base.where(sql<boolean>`${query.role} = any(roles)`);
  if (query.type) base = base.where('type', '=', query.type);
  const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const sortColumn = query.sort === 'name' ? 'name_zh' : 'created_at';
  const rows = await base
    .selectAll()
    .orderBy(sortColumn, query.order)
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(mapOrganisation), total: Number(totalRow?.n ?? 0) };
}

export async function countOrganisations(db: Executor): Promise<number> {
  const r = await db.selectFrom(T).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}
