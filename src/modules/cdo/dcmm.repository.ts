import type { Executor } from '../../platform/database/database.js';
import type { AreaResult, DcmmArea } from './dcmm.model.js';

export interface ItemRow {
  id: string;
  area: DcmmArea;
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}
export interface AssessmentRow {
  id: string;
  orgId: string;
  overallLevel: number;
  overallScore: number;
  areas: AreaResult[];
  note: string | null;
  assessedAt: Date;
  assessedBy: string;
}
export interface RatingRow {
  assessmentId: string;
  itemId: string;
  area: DcmmArea;
  code: string;
  nameZh: string;
  nameEn: string;
  level: number;
  evidence: string;
}

const I = 'cdo_dcmm_item';
const A = 'cdo_dcmm_assessment';
const RT = 'cdo_dcmm_rating';

const mapItem = (r: any): ItemRow => ({
  id: r.id, area: r.area, code: r.code, nameZh: r.name_zh, nameEn: r.name_en, sortOrder: Number(r.sort_order), active: !!r.active,
  createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
});
const mapAssessment = (r: any): AssessmentRow => ({
  id: r.id, orgId: r.org_id, overallLevel: Number(r.overall_level), overallScore: Number(r.overall_score), areas: r.areas, note: r.note,
  assessedAt: new Date(r.assessed_at), assessedBy: r.assessed_by,
});
const mapRating = (r: any): RatingRow => ({
  assessmentId: r.assessment_id, itemId: r.item_id, area: r.area, code: r.code, nameZh: r.name_zh, nameEn: r.name_en, level: Number(r.level), evidence: r.evidence,
});

export async function listItems(db: Executor, activeOnly: boolean): Promise<ItemRow[]> {
  let q = db.selectFrom(I).selectAll();
  if (activeOnly) q = q.where('active', '=', true);
  return (await q.orderBy('sort_order').orderBy('code').execute()).map(mapItem);
}

export async function findItem(db: Executor, id: string, forUpdate = false): Promise<ItemRow | undefined> {
  let q = db.selectFrom(I).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapItem(r) : undefined;
}

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  return !!(await db.selectFrom(I).select('id').where('code', '=', code).executeTakeFirst());
}

export async function insertItem(db: Executor, i: ItemRow): Promise<void> {
  await db.insertInto(I).values({ id: i.id, area: i.area, code: i.code, name_zh: i.nameZh, name_en: i.nameEn, sort_order: i.sortOrder, active: i.active, created_at: i.createdAt, updated_at: i.updatedAt }).execute();
}

export async function saveItem(db: Executor, i: ItemRow): Promise<void> {
  await db.updateTable(I).set({ name_zh: i.nameZh, name_en: i.nameEn, sort_order: i.sortOrder, active: i.active, updated_at: i.updatedAt }).where('id', '=', i.id).execute();
}

export async function insertAssessment(db: Executor, a: AssessmentRow, ratings: RatingRow[]): Promise<void> {
  await db
    .insertInto(A)
    .values({ id: a.id, org_id: a.orgId, overall_level: a.overallLevel, overall_score: a.overallScore, areas: JSON.stringify(a.areas), note: a.note, assessed_at: a.assessedAt, assessed_by: a.assessedBy })
    .execute();
  if (ratings.length === 0) return;
  await db
    .insertInto(RT)
    .values(ratings.map((r) => ({ assessment_id: r.assessmentId, item_id: r.itemId, area: r.area, code: r.code, name_zh: r.nameZh, name_en: r.nameEn, level: r.level, evidence: r.evidence })))
    .execute();
}

export async function findAssessment(db: Executor, id: string): Promise<AssessmentRow | undefined> {
  const r = await db.selectFrom(A).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapAssessment(r) : undefined;
}

export async function ratingsOf(db: Executor, assessmentId: string): Promise<RatingRow[]> {
  const rows = await db.selectFrom(RT).selectAll().where('assessment_id', '=', assessmentId).execute();
  return rows.map(mapRating);
}

export async function listAssessments(db: Executor, orgId: string, page: number, pageSize: number): Promise<{ items: AssessmentRow[]; total: number }> {
  const total = await db.selectFrom(A).where('org_id', '=', orgId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await db.selectFrom(A).selectAll().where('org_id', '=', orgId).orderBy('assessed_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(mapAssessment), total: Number(total?.n ?? 0) };
}
