import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { Attribute, FieldGrade, Level, PersonalInfo } from './resource.grading.js';
import type { DataType, Format } from './value.validators.js';

export type ResourceStatus = 'draft' | 'submitted' | 'published' | 'deprecated';
/** A version's status: the resource machine's states plus `superseded` (a published version replaced by a newer one). */
export type VersionStatus = ResourceStatus | 'superseded';
export type Scope = 'public' | 'social';
export type Frequency = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'irregular';
export type ResourceFormat = 'table' | 'api' | 'file';

/** The resource: its owner, scope, the head (newest) version and the live (last published) one. */
export interface ResourceRow {
  id: string;
  sourceOrgId: string;
  scope: Scope;
  headVersion: number;
  /** Status of the head version. */
  status: ResourceStatus;
  liveVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRow {
  resourceId: string;
  version: number;
  status: VersionStatus;
  titleZh: string;
  titleEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  categoryId: string;
  systemName: string | null;
  /** The information system (系统清单, system.service.ts) the data comes from; of the source unit. */
  systemId: string | null;
  updateFrequency: Frequency;
  timeFrom: string | null;
  timeTo: string | null;
  coverage: string | null;
  format: ResourceFormat;
  level: Level | null;
  generalLevel: number | null;
  personalInfo: PersonalInfo;
  sharing: Attribute | null;
  open: Attribute | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
}

export interface FieldRow {
  name: string;
  labelZh: string;
  labelEn: string;
  elementId: string | null;
  elementIdentifier: string | null;
  dataType: DataType;
  format: Format | null;
  key: boolean;
  grade: FieldGrade | null;
}

const R = 'catalog_resource';
const V = 'catalog_resource_version';
const F = 'catalog_resource_field';
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

function mapResource(r: any): ResourceRow {
  return {
    id: r.id,
    sourceOrgId: r.source_org_id,
    scope: r.scope,
    headVersion: Number(r.head_version),
    status: r.status,
    liveVersion: r.live_version === null ? null : Number(r.live_version),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

function mapVersion(r: any): VersionRow {
  return {
    resourceId: r.resource_id,
    version: Number(r.version),
    status: r.v_status ?? r.status,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    categoryId: r.category_id,
    systemName: r.system_name,
    systemId: r.system_id ?? null,
    updateFrequency: r.update_frequency,
    timeFrom: r.time_from_text ?? null,
    timeTo: r.time_to_text ?? null,
    coverage: r.coverage,
    format: r.format,
    level: r.level,
    generalLevel: r.general_level === null ? null : Number(r.general_level),
    personalInfo: r.personal_info,
    sharing: r.sharing ?? null,
    open: r.open ?? null,
    createdAt: new Date(r.v_created_at ?? r.created_at),
    updatedAt: new Date(r.v_updated_at ?? r.updated_at),
    submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
    publishedAt: r.published_at ? new Date(r.published_at) : null,
  };
}

function mapField(r: any): FieldRow {
  return {
    name: r.name,
    labelZh: r.label_zh,
    labelEn: r.label_en,
    elementId: r.element_id,
    elementIdentifier: r.element_identifier,
    dataType: r.data_type,
    format: r.format ?? null,
    key: !!r.is_key,
    grade: r.level === null ? null : { level: r.level, generalLevel: r.general_level === null ? null : Number(r.general_level), personalInfo: r.personal_info, sensitiveCategories: r.sensitive_categories ?? [] },
  };
}

export async function insertResource(db: Executor, r: ResourceRow): Promise<void> {
  await db
    .insertInto(R)
    .values({ id: r.id, source_org_id: r.sourceOrgId, scope: r.scope, head_version: r.headVersion, status: r.status, live_version: r.liveVersion, created_at: r.createdAt, updated_at: r.updatedAt })
    .execute();
}

export async function updateResource(db: Executor, id: string, u: Partial<Pick<ResourceRow, 'headVersion' | 'status' | 'liveVersion' | 'updatedAt'>>): Promise<void> {
  const set: Record<string, unknown> = {};
  if (u.headVersion !== undefined) set.head_version = u.headVersion;
  if (u.status !== undefined) set.status = u.status;
  if (u.liveVersion !== undefined) set.live_version = u.liveVersion;
  if (u.updatedAt !== undefined) set.updated_at = u.updatedAt;
  await db.updateTable(R).set(set).where('id', '=', id).execute();
}

function versionColumns(v: VersionRow) {
  return {
    status: v.status,
    title_zh: v.titleZh,
    title_en: v.titleEn,
    description_zh: v.descriptionZh,
    description_en: v.descriptionEn,
    category_id: v.categoryId,
    system_name: v.systemName,
    system_id: v.systemId,
    update_frequency: v.updateFrequency,
    time_from: v.timeFrom,
    time_to: v.timeTo,
    coverage: v.coverage,
    format: v.format,
    level: v.level,
    general_level: v.generalLevel,
    personal_info: v.personalInfo,
    sharing: json(v.sharing),
    open: json(v.open),
    updated_at: v.updatedAt,
    submitted_at: v.submittedAt,
    published_at: v.publishedAt,
  };
}

export async function insertVersion(db: Executor, v: VersionRow): Promise<void> {
  await db.insertInto(V).values({ resource_id: v.resourceId, version: v.version, created_at: v.createdAt, ...versionColumns(v) }).execute();
}

/** Writes every mutable column of a version. */
export async function saveVersion(db: Executor, v: VersionRow): Promise<void> {
  await db.updateTable(V).set(versionColumns(v)).where('resource_id', '=', v.resourceId).where('version', '=', v.version).execute();
}

export async function setVersionStatus(db: Executor, resourceId: string, version: number, status: VersionStatus, updatedAt: Date): Promise<void> {
  await db.updateTable(V).set({ status, updated_at: updatedAt }).where('resource_id', '=', resourceId).where('version', '=', version).execute();
}

/** Replaces the fields of one version (in their order). */
export async function replaceFields(db: Executor, resourceId: string, version: number, fields: FieldRow[]): Promise<void> {
  await db.deleteFrom(F).where('resource_id', '=', resourceId).where('version', '=', version).execute();
  if (fields.length === 0) return;
  await db
    .insertInto(F)
    .values(
      fields.map((f, i) => ({
        resource_id: resourceId,
        version,
        position: i,
        name: f.name,
        label_zh: f.labelZh,
        label_en: f.labelEn,
        element_id: f.elementId,
        element_identifier: f.elementIdentifier,
        data_type: f.dataType,
        format: json(f.format),
        is_key: f.key,
        level: f.grade?.level ?? null,
        general_level: f.grade?.generalLevel ?? null,
        personal_info: f.grade?.personalInfo ?? null,
        sensitive_categories: f.grade ? json(f.grade.sensitiveCategories) : null,
      })),
    )
    .execute();
}

/** The resource; `forUpdate` locks it (every change to a resource and its versions is serialised on this row). */
export async function findResource(db: Executor, id: string, forUpdate = false): Promise<ResourceRow | undefined> {
  let q = db.selectFrom(R).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapResource(r) : undefined;
}

const dateText = (col: string, as: string) => sql<string | null>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`.as(as);

export async function findVersion(db: Executor, resourceId: string, version: number): Promise<VersionRow | undefined> {
  const r = await db
    .selectFrom(V)
    .selectAll()
    .select([dateText('time_from', 'time_from_text'), dateText('time_to', 'time_to_text')])
    .where('resource_id', '=', resourceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r ? mapVersion(r) : undefined;
}

export async function findFields(db: Executor, resourceId: string, version: number): Promise<FieldRow[]> {
  const rows = await db.selectFrom(F).selectAll().where('resource_id', '=', resourceId).where('version', '=', version).orderBy('position').execute();
  return rows.map(mapField);
}

/** Fields of several (resource, version) pairs, keyed `resourceId@version`. */
export async function fieldsOf(db: Executor, keys: Array<{ resourceId: string; version: number }>): Promise<Map<string, FieldRow[]>> {
  const out = new Map<string, FieldRow[]>(keys.map((k) => [`${k.resourceId}@${k.version}`, []]));
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom(F)
    .selectAll()
    .where('resource_id', 'in', [...new Set(keys.map((k) => k.resourceId))])
    .orderBy('resource_id')
    .orderBy('version')
    .orderBy('position')
    .execute();
  for (const r of rows as any[]) out.get(`${r.resource_id}@${Number(r.version)}`)?.push(mapField(r));
  return out;
}

/** Who is looking: `all` = the platform itself; `reviewer` = data bureau or regulator (see public resources under review). */
export interface Viewer {
  orgId: string | null;
  reviewer: boolean;
  all?: boolean;
}

export interface ResourceQuery {
  id?: string | undefined;
  q?: string | undefined;
  categoryIds?: string[] | undefined;
  status?: VersionStatus | undefined;
  sourceOrgId?: string | undefined;
  level?: Level | undefined;
  scope?: Scope | undefined;
  systemId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Resources as `viewer` may see them, each with the version it sees: its own organisation's at
 * their head version; others' public resources at their live version while it is published; a
 * reviewer (data bureau, regulator) also sees public resources under review (submitted) and
 * deprecated ones. Others' social resources never.
 */
export async function listResources(db: Executor, viewer: Viewer, query: ResourceQuery): Promise<{ items: Array<{ resource: ResourceRow; version: VersionRow }>; total: number }> {
  const org = viewer.orgId ?? '';
  const reviewer = viewer.reviewer;
  let base = db
    .selectFrom(`${R} as r`)
    .innerJoin(`${V} as v`, (j) =>
      j.onRef('v.resource_id', '=', 'r.id').on(
        sql<boolean>`v.version = case
          when ${viewer.all ?? false} or r.source_org_id = ${org} then r.head_version
          when ${reviewer} and r.scope = 'public' and r.status <> 'draft' then r.head_version
          else r.live_version end`,
      ),
    );
  if (!viewer.all) {
    base = base.where(
      sql<boolean>`(r.source_org_id = ${org} or (r.scope = 'public' and (v.status = 'published' or (${reviewer} and v.status in ('submitted', 'deprecated')))))`,
    );
  }
  if (query.id) base = base.where('r.id', '=', query.id);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('v.title_zh', 'ilike', like), eb('v.title_en', 'ilike', like)]));
  }
  if (query.categoryIds) base = base.where('v.category_id', 'in', query.categoryIds);
  if (query.status) base = base.where('v.status', '=', query.status);
  if (query.sourceOrgId) base = base.where('r.source_org_id', '=', query.sourceOrgId);
  if (query.level) base = base.where('v.level', '=', query.level);
  if (query.scope) base = base.where('r.scope', '=', query.scope);
  if (query.systemId) base = base.where('v.system_id', '=', query.systemId);
  const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('r')
    .select([
      'v.resource_id', 'v.version', 'v.status as v_status', 'v.title_zh', 'v.title_en', 'v.description_zh', 'v.description_en', 'v.category_id', 'v.system_name', 'v.system_id',
      'v.update_frequency', 'v.coverage', 'v.format', 'v.level', 'v.general_level', 'v.personal_info', 'v.sharing', 'v.open',
      'v.created_at as v_created_at', 'v.updated_at as v_updated_at', 'v.submitted_at', 'v.published_at',
      dateText('v.time_from', 'time_from_text'), dateText('v.time_to', 'time_to_text'),
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((r) => ({ resource: mapResource(r), version: mapVersion(r) })), total: Number(totalRow?.n ?? 0) };
}
