import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

export type SharingType = 'unconditional' | 'conditional' | 'none';
export type RequestStatus = 'pending' | 'granted' | 'rejected' | 'refused' | 'withdrawn' | 'revoked';
export type RowFilter = Record<string, string[]>;

export interface RequestRow {
  id: string;
  resourceId: string;
  resourceVersion: number;
  resourceTitleZh: string;
  resourceTitleEn: string;
  sourceOrgId: string;
  requesterOrgId: string;
  sharingType: SharingType;
  /** The resource's conditions (有条件) or legal basis (不予), as recorded when requested. */
  sharingTerms: string | null;
  status: RequestStatus;
  fields: string[];
  purpose: string;
  legalBasis: string;
  validFrom: Date;
  validTo: Date;
  rowFilter: RowFilter | null;
  ratePerMinute: number | null;
  grantedFields: string[] | null;
  grantedRowFilter: RowFilter | null;
  grantedRatePerMinute: number | null;
  grantedFrom: Date | null;
  grantedTo: Date | null;
  grantId: string | null;
  /** Why rejected (the source unit), refused (the resource's basis) or revoked. */
  reason: string | null;
  workingDays: number | null;
  deadlineAt: Date | null;
  overdueFlaggedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const T = 'sharing_request';
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function map(r: any): RequestRow {
  return {
    id: r.id,
    resourceId: r.resource_id,
    resourceVersion: Number(r.resource_version),
    resourceTitleZh: r.resource_title_zh,
    resourceTitleEn: r.resource_title_en,
    sourceOrgId: r.source_org_id,
    requesterOrgId: r.requester_org_id,
    sharingType: r.sharing_type,
    sharingTerms: r.sharing_terms,
    status: r.status,
    fields: r.fields,
    purpose: r.purpose,
    legalBasis: r.legal_basis,
    validFrom: new Date(r.valid_from),
    validTo: new Date(r.valid_to),
    rowFilter: r.row_filter ?? null,
    ratePerMinute: int(r.rate_per_minute),
    grantedFields: r.granted_fields ?? null,
    grantedRowFilter: r.granted_row_filter ?? null,
    grantedRatePerMinute: int(r.granted_rate_per_minute),
    grantedFrom: date(r.granted_from),
    grantedTo: date(r.granted_to),
    grantId: r.grant_id,
    reason: r.reason,
    workingDays: int(r.working_days),
    deadlineAt: date(r.deadline_at),
    overdueFlaggedAt: date(r.overdue_flagged_at),
    decidedAt: date(r.decided_at),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

function columns(r: RequestRow) {
  return {
    status: r.status,
    granted_fields: json(r.grantedFields),
    granted_row_filter: json(r.grantedRowFilter),
    granted_rate_per_minute: r.grantedRatePerMinute,
    granted_from: r.grantedFrom,
    granted_to: r.grantedTo,
    grant_id: r.grantId,
    reason: r.reason,
    overdue_flagged_at: r.overdueFlaggedAt,
    decided_at: r.decidedAt,
    updated_at: r.updatedAt,
  };
}

export async function insertRequest(db: Executor, r: RequestRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: r.id,
      resource_id: r.resourceId,
      resource_version: r.resourceVersion,
      resource_title_zh: r.resourceTitleZh,
      resource_title_en: r.resourceTitleEn,
      source_org_id: r.sourceOrgId,
      requester_org_id: r.requesterOrgId,
      sharing_type: r.sharingType,
      sharing_terms: r.sharingTerms,
      fields: json(r.fields),
      purpose: r.purpose,
      legal_basis: r.legalBasis,
      valid_from: r.validFrom,
      valid_to: r.validTo,
      row_filter: json(r.rowFilter),
      rate_per_minute: r.ratePerMinute,
      working_days: r.workingDays,
      deadline_at: r.deadlineAt,
      created_at: r.createdAt,
      ...columns(r),
    })
    .execute();
}

/** Writes every mutable column. */
export async function saveRequest(db: Executor, r: RequestRow): Promise<void> {
  await db.updateTable(T).set(columns(r)).where('id', '=', r.id).execute();
}

/** The request; `forUpdate` locks it (every transition is serialised on this row). */
export async function findRequest(db: Executor, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

export interface RequestQuery {
  requesterOrgId?: string | undefined;
  sourceOrgId?: string | undefined;
  status?: RequestStatus | undefined;
  resourceId?: string | undefined;
  /** true: pending and past the deadline at `now`; false: not so. */
  overdue?: boolean | undefined;
  now: Date;
  page: number;
  pageSize: number;
}

export async function listRequests(db: Executor, q: RequestQuery): Promise<{ items: RequestRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (q.requesterOrgId) base = base.where('requester_org_id', '=', q.requesterOrgId);
  if (q.sourceOrgId) base = base.where('source_org_id', '=', q.sourceOrgId);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.resourceId) base = base.where('resource_id', '=', q.resourceId);
  if (q.overdue === true) base = base.where('status', '=', 'pending').where('deadline_at', '<=', q.now);
  if (q.overdue === false) base = base.where(sql<boolean>`not (status = 'pending' and deadline_at <= ${q.now})`);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** Pending requests past their deadline at `now` not flagged yet, locked (others sweeping skip them). */
export async function dueUnflagged(db: Executor, now: Date, limit: number): Promise<RequestRow[]> {
  const rows = await db
    .selectFrom(T)
    .selectAll()
    .where('status', '=', 'pending')
    .where('deadline_at', '<=', now)
    .where('overdue_flagged_at', 'is', null)
    .orderBy('deadline_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(map);
}
