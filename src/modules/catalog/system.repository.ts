import { sql, type Expression } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

export type SystemStatus = 'in_service' | 'retired';

/** An information system (信息系统) of a public body: the system list (系统清单). */
export interface SystemRow {
  id: string;
  orgId: string;
  nameZh: string;
  nameEn: string;
  department: string | null;
  descriptionZh: string | null;
  descriptionEn: string | null;
  status: SystemStatus;
  launchYear: number | null;
  hosting: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const T = 'catalog_system';

function mapSystem(r: any): SystemRow {
  return {
    id: r.id,
    orgId: r.org_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    department: r.department,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    status: r.status,
    launchYear: r.launch_year === null ? null : Number(r.launch_year),
    hosting: r.hosting,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** The unique (organisation, Chinese name) index refused a row. */
export class SystemNameConflict extends Error {}

const columns = (s: SystemRow) => ({
  name_zh: s.nameZh,
  name_en: s.nameEn,
  department: s.department,
  description_zh: s.descriptionZh,
  description_en: s.descriptionEn,
  status: s.status,
  launch_year: s.launchYear,
  hosting: s.hosting,
  updated_at: s.updatedAt,
});

function rethrow(err: unknown): never {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code === '23505' && `${e.constraint ?? ''} ${e.message ?? ''}`.includes('catalog_system_name_key')) throw new SystemNameConflict();
  throw err;
}

export async function insertSystem(db: Executor, s: SystemRow): Promise<void> {
  await db.insertInto(T).values({ id: s.id, org_id: s.orgId, created_at: s.createdAt, ...columns(s) }).execute().catch(rethrow);
}

export async function saveSystem(db: Executor, s: SystemRow): Promise<void> {
  await db.updateTable(T).set(columns(s)).where('id', '=', s.id).execute().catch(rethrow);
}

export async function findSystem(db: Executor, id: string, forUpdate = false): Promise<SystemRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapSystem(r) : undefined;
}

export async function nameTaken(db: Executor, orgId: string, nameZh: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom(T).select('id').where('org_id', '=', orgId).where(sql<boolean>`lower(name_zh) = lower(${nameZh})`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export interface SystemQuery {
  /** Only these organisations' systems (undefined = all). */
  orgIds?: string[] | undefined;
  status?: SystemStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const RESOURCES_OF = (system: Expression<unknown>) =>
  sql<string>`(select count(*) from catalog_resource r join catalog_resource_version v on v.resource_id = r.id and v.version = r.head_version where v.system_id = ${system})`;

/** The number of resources whose head version declares the system. */
export async function resourceCount(db: Executor, systemId: string): Promise<number> {
  const r = await db.selectNoFrom(RESOURCES_OF(sql.val(systemId)).as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Systems with the number of resources whose head version declares them. */
export async function listSystems(db: Executor, query: SystemQuery): Promise<{ items: Array<SystemRow & { resourceCount: number }>; total: number }> {
  let base = db.selectFrom(`${T} as s`);
  if (query.orgIds) base = query.orgIds.length ? base.where('s.org_id', 'in', query.orgIds) : base.where(sql<boolean>`false`);
  if (query.status) base = base.where('s.status', '=', query.status);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('s.name_zh', 'ilike', like), eb('s.name_en', 'ilike', like)]));
  }
  const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('s')
    .select(RESOURCES_OF(sql.ref('s.id')).as('resource_count'))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((r: any) => ({ ...mapSystem(r), resourceCount: Number(r.resource_count) })), total: Number(totalRow?.n ?? 0) };
}

/** Per-body counts of the three lists (系统清单, 数据清单, 需求清单): the data bureau's overview. */
export interface OverviewRow {
  orgId: string;
  systems: number;
  systemsInService: number;
  resources: number;
  publishedResources: number;
  resourcesWithoutSystem: number;
  demandsOpen: number;
  demandsMatched: number;
  demandsClosed: number;
}

export async function overview(db: Executor, orgId?: string): Promise<{ bodies: OverviewRow[]; perSystem: Array<{ systemId: string; orgId: string; nameZh: string; nameEn: string; status: SystemStatus; resources: number }> }> {
  const only = orgId ? sql`and x.org_id = ${orgId}` : sql``;
  const r = await sql<any>`
    with x as (
      select org_id, 1 as systems, (status = 'in_service')::int as in_service, 0 as resources, 0 as published, 0 as no_system, 0 as d_open, 0 as d_matched, 0 as d_closed from catalog_system
      union all
      select r.source_org_id, 0, 0, 1, (r.live_version is not null and r.status <> 'deprecated')::int, (v.system_id is null)::int, 0, 0, 0
        from catalog_resource r join catalog_resource_version v on v.resource_id = r.id and v.version = r.head_version where r.scope = 'public'
      union all
      select org_id, 0, 0, 0, 0, 0, (status = 'open')::int, (status = 'matched')::int, (status = 'closed')::int from catalog_demand
    )
    select x.org_id, sum(systems) as systems, sum(in_service) as in_service, sum(resources) as resources, sum(published) as published, sum(no_system) as no_system,
      sum(d_open) as d_open, sum(d_matched) as d_matched, sum(d_closed) as d_closed
    from x where true ${only} group by x.org_id order by x.org_id limit 1000`.execute(db);
  const s = await sql<any>`
    select s.id, s.org_id, s.name_zh, s.name_en, s.status,
      (select count(*) from catalog_resource r join catalog_resource_version v on v.resource_id = r.id and v.version = r.head_version where v.system_id = s.id) as resources
    from catalog_system s ${orgId ? sql`where s.org_id = ${orgId}` : sql``} order by s.org_id, s.created_at, s.id limit 5000`.execute(db);
  return {
    bodies: r.rows.map((x) => ({
      orgId: x.org_id, systems: Number(x.systems), systemsInService: Number(x.in_service), resources: Number(x.resources), publishedResources: Number(x.published),
      resourcesWithoutSystem: Number(x.no_system), demandsOpen: Number(x.d_open), demandsMatched: Number(x.d_matched), demandsClosed: Number(x.d_closed),
    })),
    perSystem: s.rows.map((x) => ({ systemId: x.id, orgId: x.org_id, nameZh: x.name_zh, nameEn: x.name_en, status: x.status, resources: Number(x.resources) })),
  };
}
