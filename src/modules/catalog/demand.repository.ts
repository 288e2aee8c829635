import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

export type DemandStatus = 'open' | 'matched' | 'closed';

/** A data demand raised by a body: the demand list (需求清单). */
export interface DemandRow {
  id: string;
  orgId: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  wantedFields: string | null;
  elementIds: string[];
  purpose: string;
  status: DemandStatus;
  closeReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  matchedAt: Date | null;
  closedAt: Date | null;
}

export interface MatchRow {
  resourceId: string;
  matchedByOrgId: string;
  createdAt: Date;
}

const T = 'catalog_demand';
const M = 'catalog_demand_match';

function mapDemand(r: any): DemandRow {
  return {
    id: r.id,
    orgId: r.org_id,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    wantedFields: r.wanted_fields,
    elementIds: r.element_ids ?? [],
    purpose: r.purpose,
    status: r.status,
    closeReason: r.close_reason,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    matchedAt: r.matched_at ? new Date(r.matched_at) : null,
    closedAt: r.closed_at ? new Date(r.closed_at) : null,
  };
}

export async function insertDemand(db: Executor, d: DemandRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: d.id, org_id: d.orgId, title_zh: d.titleZh, title_en: d.titleEn, description_zh: d.descriptionZh, description_en: d.descriptionEn,
      wanted_fields: d.wantedFields, element_ids: JSON.stringify(d.elementIds), purpose: d.purpose, status: d.status, close_reason: d.closeReason,
      created_at: d.createdAt, updated_at: d.updatedAt, matched_at: d.matchedAt, closed_at: d.closedAt,
    })
    .execute();
}

export async function setStatus(db: Executor, id: string, u: { status: DemandStatus; updatedAt: Date; matchedAt?: Date; closedAt?: Date; closeReason?: string | null }): Promise<void> {
  await db
    .updateTable(T)
    .set({
      status: u.status, updated_at: u.updatedAt,
      ...(u.matchedAt ? { matched_at: u.matchedAt } : {}),
      ...(u.closedAt ? { closed_at: u.closedAt } : {}),
      ...(u.closeReason !== undefined ? { close_reason: u.closeReason } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function findDemand(db: Executor, id: string, forUpdate = false): Promise<DemandRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapDemand(r) : undefined;
}

export async function insertMatches(db: Executor, demandId: string, resourceIds: string[], byOrgId: string, at: Date): Promise<void> {
  if (!resourceIds.length) return;
  await db.insertInto(M).values(resourceIds.map((resource_id) => ({ demand_id: demandId, resource_id, matched_by_org_id: byOrgId, created_at: at }))).execute();
}

export async function matchesOf(db: Executor, demandId: string): Promise<MatchRow[]> {
  const rows = await db.selectFrom(M).selectAll().where('demand_id', '=', demandId).orderBy('created_at').orderBy('resource_id').execute();
  return rows.map((r: any) => ({ resourceId: r.resource_id, matchedByOrgId: r.matched_by_org_id, createdAt: new Date(r.created_at) }));
}

export interface DemandQuery {
  orgIds?: string[] | undefined;
  status?: DemandStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listDemands(db: Executor, query: DemandQuery): Promise<{ items: Array<DemandRow & { matchCount: number }>; total: number }> {
  let base = db.selectFrom(`${T} as d`);
  if (query.orgIds) base = query.orgIds.length ? base.where('d.org_id', 'in', query.orgIds) : base.where(sql<boolean>`false`);
  if (query.status) base = base.where('d.status', '=', query.status);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('d.title_zh', 'ilike', like), eb('d.title_en', 'ilike', like)]));
  }
  const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('d')
    .select(sql<string>`(select count(*) from catalog_demand_match m where m.demand_id = d.id)`.as('match_count'))
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((r: any) => ({ ...mapDemand(r), matchCount: Number(r.match_count) })), total: Number(totalRow?.n ?? 0) };
}

/** Published public resources (at their live version) with their titles. */
export interface Published {
  id: string;
  sourceOrgId: string;
  version: number;
  titleZh: string;
  titleEn: string;
}

/** The resources among `ids` that are public and published (live version published). */
export async function publishedPublic(db: Executor, ids: string[]): Promise<Published[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('catalog_resource as r')
    .innerJoin('catalog_resource_version as v', (j) => j.onRef('v.resource_id', '=', 'r.id').onRef('v.version', '=', 'r.live_version'))
    .select(['r.id', 'r.source_org_id', 'v.version', 'v.title_zh', 'v.title_en'])
    .where('r.id', 'in', ids)
    .where('r.scope', '=', 'public')
    .where('v.status', '=', 'published')
    .execute();
  return rows.map((r: any) => ({ id: r.id, sourceOrgId: r.source_org_id, version: Number(r.version), titleZh: r.title_zh, titleEn: r.title_en }));
}

/**
 * Suggestion candidates for a demand: published public resources with a field bound to one of
 * `elementIds`, or whose title or a field label contains one of `words`. At most `limit`.
 */
export async function candidates(db: Executor, elementIds: string[], words: string[], limit: number): Promise<Published[]> {
  if (!elementIds.length && !words.length) return [];
  const likes = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await db
    .selectFrom('catalog_resource as r')
    .innerJoin('catalog_resource_version as v', (j) => j.onRef('v.resource_id', '=', 'r.id').onRef('v.version', '=', 'r.live_version'))
    .select(['r.id', 'r.source_org_id', 'v.version', 'v.title_zh', 'v.title_en'])
    .where('r.scope', '=', 'public')
    .where('v.status', '=', 'published')
    .where((eb) =>
      eb.or([
        ...(elementIds.length
          ? [eb.exists(eb.selectFrom('catalog_resource_field as f').select('f.name').whereRef('f.resource_id', '=', 'r.id').whereRef('f.version', '=', 'v.version').where('f.element_id', 'in', elementIds))]
          : []),
        ...likes.flatMap((l) => [
          eb('v.title_zh', 'ilike', l),
          eb('v.title_en', 'ilike', l),
          eb.exists(eb.selectFrom('catalog_resource_field as f').select('f.name').whereRef('f.resource_id', '=', 'r.id').whereRef('f.version', '=', 'v.version').where((e) => e.or([e('f.label_zh', 'ilike', l), e('f.label_en', 'ilike', l)]))),
        ]),
      ]),
    )
    .orderBy('v.published_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r: any) => ({ id: r.id, sourceOrgId: r.source_org_id, version: Number(r.version), titleZh: r.title_zh, titleEn: r.title_en }));
}
