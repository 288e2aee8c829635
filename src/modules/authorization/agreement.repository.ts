import type { Executor } from '../../platform/database/database.js';
import type { AgreementStatus, Mode } from './agreement.rules.js';

export interface ScopeEntry {
  resourceId: string;
  fields: string[];
  /** As authorized (the resource's title and source unit then). */
  title: { zh: string; en: string };
  sourceOrgId: string;
}
export interface FeeCap {
  /** Yuan, decimal text. */
  amount: string;
  /** What the amount is per, e.g. 元/次, 元/千条, 元/年. */
  unit: string;
}
import type { Seal } from '../identity/index.js';

/** A seal as identity's SealService returns it (stored whole, verifiable with its public key). */
export type StoredSeal = Seal;

export interface AgreementRow {
  id: string;
  implementingOrgId: string;
  operatorOrgId: string;
  mode: Mode;
  domain: string | null;
  scenarios: string[];
  scope: ScopeEntry[];
  termFrom: string;
  termTo: string;
  feeCap: FeeCap | null;
  securityObligations: string;
  status: AgreementStatus;
  reviewNote: string | null;
  /** Why rejected, suspended or terminated. */
  reason: string | null;
  /** sha256 of the agreement document both parties seal (set when reviewed). */
  documentDigest: string | null;
  implementingSeal: StoredSeal | null;
  operatorSeal: StoredSeal | null;
  /** The operator's live gateway grants (one per resource in scope) while active. */
  grantIds: string[];
  appliedAt: Date;
  reviewedAt: Date | null;
  signedAt: Date | null;
  activatedAt: Date | null;
  endedAt: Date | null;
  updatedAt: Date;
}

const T = 'authorization_agreement';
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function map(r: any): AgreementRow {
  return {
    id: r.id,
    implementingOrgId: r.implementing_org_id,
    operatorOrgId: r.operator_org_id,
    mode: r.mode,
    domain: r.domain,
    scenarios: r.scenarios,
    scope: r.scope,
    termFrom: r.term_from,
    termTo: r.term_to,
    feeCap: r.fee_cap ?? null,
    securityObligations: r.security_obligations,
    status: r.status,
    reviewNote: r.review_note,
    reason: r.reason,
    documentDigest: r.document_digest,
    implementingSeal: r.implementing_seal ?? null,
    operatorSeal: r.operator_seal ?? null,
    grantIds: r.grant_ids ?? [],
    appliedAt: new Date(r.applied_at),
    reviewedAt: date(r.reviewed_at),
    signedAt: date(r.signed_at),
    activatedAt: date(r.activated_at),
    endedAt: date(r.ended_at),
    updatedAt: new Date(r.updated_at),
  };
}

function mutable(a: AgreementRow) {
  return {
    status: a.status,
    review_note: a.reviewNote,
    reason: a.reason,
    document_digest: a.documentDigest,
    implementing_seal: json(a.implementingSeal),
    operator_seal: json(a.operatorSeal),
    grant_ids: json(a.grantIds),
    reviewed_at: a.reviewedAt,
    signed_at: a.signedAt,
    activated_at: a.activatedAt,
    ended_at: a.endedAt,
    updated_at: a.updatedAt,
  };
}

export async function insertAgreement(db: Executor, a: AgreementRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: a.id,
      implementing_org_id: a.implementingOrgId,
      operator_org_id: a.operatorOrgId,
      mode: a.mode,
      domain: a.domain,
      scenarios: json(a.scenarios),
      scope: json(a.scope),
      term_from: a.termFrom,
      term_to: a.termTo,
      fee_cap: json(a.feeCap),
      security_obligations: a.securityObligations,
      applied_at: a.appliedAt,
      ...mutable(a),
    })
    .execute();
}

export async function saveAgreement(db: Executor, a: AgreementRow): Promise<void> {
  await db.updateTable(T).set(mutable(a)).where('id', '=', a.id).execute();
}

/** The agreement; `forUpdate` locks it (every transition is serialised on this row). */
export async function findAgreement(db: Executor, id: string, forUpdate = false): Promise<AgreementRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

export interface AgreementQuery {
  /** Agreements where this organisation is a party (either side). */
  partyOrgId?: string | undefined;
  implementingOrgId?: string | undefined;
  operatorOrgId?: string | undefined;
  status?: AgreementStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listAgreements(db: Executor, q: AgreementQuery): Promise<{ items: AgreementRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (q.partyOrgId) base = base.where((eb) => eb.or([eb('implementing_org_id', '=', q.partyOrgId!), eb('operator_org_id', '=', q.partyOrgId!)]));
  if (q.implementingOrgId) base = base.where('implementing_org_id', '=', q.implementingOrgId);
  if (q.operatorOrgId) base = base.where('operator_org_id', '=', q.operatorOrgId);
  if (q.status) base = base.where('status', '=', q.status);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('applied_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/**
 * Agreements of `orgId` in `role` that were in force at some time in `year`: signed at some point
 * (sealed by both), with a term overlapping the year.
 */
export async function agreementsInYear(db: Executor, orgId: string, role: 'implementing_body' | 'operator', year: number): Promise<AgreementRow[]> {
  const rows = await db
    .selectFrom(T)
    .selectAll()
    .where(role === 'implementing_body' ? 'implementing_org_id' : 'operator_org_id', '=', orgId)
    .where('signed_at', 'is not', null)
    .where('term_from', '<=', `${year}-12-31`)
    .where('term_to', '>=', `${year}-01-01`)
    .orderBy('applied_at')
    .orderBy('id')
    .execute();
  return rows.map(map);
}

/** Parties (org, role) with an agreement in force in `year` — who owes a disclosure for it. */
export async function partiesInYear(db: Executor, year: number): Promise<Array<{ orgId: string; role: 'implementing_body' | 'operator' }>> {
  const rows = await db
    .selectFrom(T)
    .select(['implementing_org_id', 'operator_org_id'])
    .where('signed_at', 'is not', null)
    .where('term_from', '<=', `${year}-12-31`)
    .where('term_to', '>=', `${year}-01-01`)
    .execute();
  const seen = new Map<string, { orgId: string; role: 'implementing_body' | 'operator' }>();
  for (const r of rows) {
    seen.set(`i:${r.implementing_org_id}`, { orgId: r.implementing_org_id, role: 'implementing_body' });
    seen.set(`o:${r.operator_org_id}`, { orgId: r.operator_org_id, role: 'operator' });
  }
  return [...seen.values()];
}

/** Agreements in force or suspended whose term ended before `today`, locked (others sweeping skip them). */
export async function dueToExpire(db: Executor, today: string, limit: number): Promise<AgreementRow[]> {
  const rows = await db
    .selectFrom(T)
    .selectAll()
    .where('status', 'in', ['active', 'suspended'])
    .where('term_to', '<', today)
    .orderBy('term_to')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(map);
}
