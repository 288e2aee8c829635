import type { Executor } from '../../platform/database/database.js';

export type SubjectKind = 'legal_person' | 'natural_person';

/** A data item (常用数据) of the digital spaces: the holder's rows of one resource, matched by the holder's identifier. */
export interface DataItemRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  resourceId: string;
  sourceOrgId: string;
  subjectKind: SubjectKind;
  /** The resource field holding the subject's identifier (USCC or resident ID). */
  subjectField: string;
  fields: string[];
  /** A field holding the month (YYYY-MM) a row covers, for the requested data period; null when none. */
  periodField: string | null;
  status: 'active' | 'retired';
  createdAt: Date;
}

const T = 'authorization_data_item';

function map(r: any): DataItemRow {
  return {
    id: r.id, code: r.code, nameZh: r.name_zh, nameEn: r.name_en, resourceId: r.resource_id, sourceOrgId: r.source_org_id, subjectKind: r.subject_kind,
    subjectField: r.subject_field, fields: r.fields, periodField: r.period_field, status: r.status, createdAt: new Date(r.created_at),
  };
}

export async function insertItem(db: Executor, d: DataItemRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: d.id, code: d.code, name_zh: d.nameZh, name_en: d.nameEn, resource_id: d.resourceId, source_org_id: d.sourceOrgId, subject_kind: d.subjectKind,
      subject_field: d.subjectField, fields: JSON.stringify(d.fields), period_field: d.periodField, status: d.status, created_at: d.createdAt,
    })
    .execute();
}

export async function findItems(db: Executor, ids: string[]): Promise<DataItemRow[]> {
  if (!ids.length) return [];
  return (await db.selectFrom(T).selectAll().where('id', 'in', ids).execute()).map(map);
}

export async function findItemByCode(db: Executor, code: string): Promise<DataItemRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('code', '=', code).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function listItems(db: Executor, q: { subjectKind?: SubjectKind | undefined; status?: 'active' | 'retired' | undefined }): Promise<DataItemRow[]> {
  let base = db.selectFrom(T).selectAll();
  if (q.subjectKind) base = base.where('subject_kind', '=', q.subjectKind);
  if (q.status) base = base.where('status', '=', q.status);
  return (await base.orderBy('code').execute()).map(map);
}

const H = 'authorization_hidden_item';

export async function hiddenItems(db: Executor, holderOrgId: string): Promise<Set<string>> {
  const rows = await db.selectFrom(H).select('item_id').where('holder_org_id', '=', holderOrgId).execute();
  return new Set(rows.map((r) => r.item_id as string));
}

/** Hides (true) or shows (false) an item; whether anything changed. */
export async function setHidden(db: Executor, holderOrgId: string, itemId: string, hidden: boolean, at: Date): Promise<boolean> {
  if (hidden) {
    const r = await db.insertInto(H).values({ holder_org_id: holderOrgId, item_id: itemId, hidden_at: at }).onConflict((oc) => oc.columns(['holder_org_id', 'item_id']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const r = await db.deleteFrom(H).where('holder_org_id', '=', holderOrgId).where('item_id', '=', itemId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

const B = 'authorization_space_binding';

export interface BindingRow {
  orgId: string;
  uscc: string;
  legalRep: string;
  verifiedAt: Date;
  verifiedBy: string | null;
}

export async function findBinding(db: Executor, orgId: string): Promise<BindingRow | undefined> {
  const r = await db.selectFrom(B).selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return r ? { orgId: r.org_id, uscc: r.uscc, legalRep: r.legal_rep, verifiedAt: new Date(r.verified_at), verifiedBy: r.verified_by } : undefined;
}

export async function saveBinding(db: Executor, b: BindingRow): Promise<void> {
  const values = { uscc: b.uscc, legal_rep: b.legalRep, verified_at: b.verifiedAt, verified_by: b.verifiedBy };
  await db.insertInto(B).values({ org_id: b.orgId, ...values }).onConflict((oc) => oc.column('org_id').doUpdateSet(values)).execute();
}
