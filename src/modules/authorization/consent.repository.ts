import type { Executor } from '../../platform/database/database.js';
import type { StoredSeal } from './agreement.repository.js';
import type { ConsentStatus } from './consent.rules.js';

/** A data item as requested (copied from its definition then). */
export interface RequestedItem {
  itemId: string;
  code: string;
  name: { zh: string; en: string };
  resourceId: string;
  sourceOrgId: string;
  subjectField: string;
  fields: string[];
  periodField: string | null;
}

export interface ConsentRow {
  id: string;
  requesterOrgId: string;
  holderOrgId: string;
  /** The holder's identifier the rows are matched by (its USCC). */
  holderSubject: string;
  items: RequestedItem[];
  purpose: string;
  purposeText: string;
  /** Data period, months YYYY-MM (inclusive). */
  periodFrom: string;
  periodTo: string;
  validUntil: Date;
  maxUses: number;
  status: ConsentStatus;
  reason: string | null;
  /** The consent record (ISO/IEC TS 27560 fields) once approved, and the holder's seal over it. */
  record: Record<string, unknown> | null;
  recordSeal: StoredSeal | null;
  grantIds: string[];
  /** The ledger event of the approval (its id and payload digest): the evidence certificates cite. */
  approvalEvent: { eventId: string; payloadDigest: string } | null;
  createdAt: Date;
  decidedAt: Date | null;
  endedAt: Date | null;
  deletionDueAt: Date | null;
  deletionAttestedAt: Date | null;
  deletionStatement: string | null;
  deletionOverdueAt: Date | null;
  updatedAt: Date;
}

const T = 'authorization_consent';
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function map(r: any): ConsentRow {
  return {
    id: r.id, requesterOrgId: r.requester_org_id, holderOrgId: r.holder_org_id, holderSubject: r.holder_subject, items: r.items, purpose: r.purpose,
    purposeText: r.purpose_text, periodFrom: r.period_from, periodTo: r.period_to, validUntil: new Date(r.valid_until), maxUses: Number(r.max_uses),
    status: r.status, reason: r.reason, record: r.record ?? null, recordSeal: r.record_seal ?? null, grantIds: r.grant_ids ?? [], approvalEvent: r.approval_event ?? null, createdAt: new Date(r.created_at),
    decidedAt: date(r.decided_at), endedAt: date(r.ended_at), deletionDueAt: date(r.deletion_due_at), deletionAttestedAt: date(r.deletion_attested_at),
    deletionStatement: r.deletion_statement, deletionOverdueAt: date(r.deletion_overdue_at), updatedAt: new Date(r.updated_at),
  };
}

function mutable(c: ConsentRow) {
  return {
    status: c.status, reason: c.reason, record: json(c.record), record_seal: json(c.recordSeal), grant_ids: json(c.grantIds), approval_event: json(c.approvalEvent), decided_at: c.decidedAt,
    ended_at: c.endedAt, deletion_due_at: c.deletionDueAt, deletion_attested_at: c.deletionAttestedAt, deletion_statement: c.deletionStatement,
    deletion_overdue_at: c.deletionOverdueAt, updated_at: c.updatedAt,
  };
}

export async function insertConsent(db: Executor, c: ConsentRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: c.id, requester_org_id: c.requesterOrgId, holder_org_id: c.holderOrgId, holder_subject: c.holderSubject, items: json(c.items), purpose: c.purpose,
      purpose_text: c.purposeText, period_from: c.periodFrom, period_to: c.periodTo, valid_until: c.validUntil, max_uses: c.maxUses, created_at: c.createdAt,
      ...mutable(c),
    })
    .execute();
}

export async function saveConsent(db: Executor, c: ConsentRow): Promise<void> {
  await db.updateTable(T).set(mutable(c)).where('id', '=', c.id).execute();
}

export async function findConsent(db: Executor, id: string, forUpdate = false): Promise<ConsentRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

export interface ConsentQuery {
  holderOrgId?: string | undefined;
  requesterOrgId?: string | undefined;
  status?: ConsentStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listConsents(db: Executor, q: ConsentQuery): Promise<{ items: ConsentRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (q.holderOrgId) base = base.where('holder_org_id', '=', q.holderOrgId);
  if (q.requesterOrgId) base = base.where('requester_org_id', '=', q.requesterOrgId);
  if (q.status) base = base.where('status', '=', q.status);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** Approved authorizations past their validity, locked (others sweeping skip them). */
export async function dueToExpire(db: Executor, now: Date, limit: number): Promise<ConsentRow[]> {
  const rows = await db.selectFrom(T).selectAll().where('status', '=', 'approved').where('valid_until', '<=', now).orderBy('valid_until').limit(limit).forUpdate().skipLocked().execute();
  return rows.map(map);
}

/** Ended authorizations whose deletion attestation is overdue and not flagged yet, locked. */
export async function deletionOverdue(db: Executor, now: Date, limit: number): Promise<ConsentRow[]> {
  const rows = await db
    .selectFrom(T)
    .selectAll()
    .where('deletion_due_at', '<=', now)
    .where('deletion_attested_at', 'is', null)
    .where('deletion_overdue_at', 'is', null)
    .orderBy('deletion_due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(map);
}
