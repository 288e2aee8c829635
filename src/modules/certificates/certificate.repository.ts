import type { Executor } from '../../platform/database/database.js';

export type CertificateStatus = 'active' | 'suspended' | 'revoked' | 'expired';
export type CertificateType = 'circulation' | 'registration' | 'transaction';

export interface CertificateRow {
  id: string;
  type: CertificateType;
  issuerOrgId: string;
  holderOrgId: string;
  userOrgId: string | null;
  sourceKind: 'consent' | 'registration' | 'contract';
  sourceId: string;
  jwt: string;
  credential: Record<string, unknown>;
  digest: string;
  status: CertificateStatus;
  revocationListId: string;
  revocationIndex: number;
  suspensionListId: string;
  suspensionIndex: number;
  validFrom: Date;
  validUntil: Date | null;
  issuedAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  reason: string | null;
  replaces: string | null;
  replacedBy: string | null;
}

export interface UseRow {
  id: string;
  certificateId: string;
  verifierOrgId: string;
  note: string;
  amountFen: string | null;
  usedAt: Date;
}

const T = 'certificates_certificate';
const U = 'certificates_use';
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

const map = (r: any): CertificateRow => ({
  id: r.id, type: r.type, issuerOrgId: r.issuer_org_id, holderOrgId: r.holder_org_id, userOrgId: r.user_org_id, sourceKind: r.source_kind, sourceId: r.source_id,
  jwt: r.jwt, credential: r.credential, digest: r.digest, status: r.status, revocationListId: r.revocation_list_id, revocationIndex: Number(r.revocation_index),
  suspensionListId: r.suspension_list_id, suspensionIndex: Number(r.suspension_index), validFrom: new Date(r.valid_from), validUntil: date(r.valid_until),
  issuedAt: new Date(r.issued_at), updatedAt: new Date(r.updated_at), endedAt: date(r.ended_at), reason: r.reason, replaces: r.replaces, replacedBy: r.replaced_by,
});

export async function insertCertificate(db: Executor, c: CertificateRow): Promise<void> {
  await db.insertInto(T).values({
    id: c.id, type: c.type, issuer_org_id: c.issuerOrgId, holder_org_id: c.holderOrgId, user_org_id: c.userOrgId, source_kind: c.sourceKind, source_id: c.sourceId,
    jwt: c.jwt, credential: JSON.stringify(c.credential), digest: c.digest, status: c.status, revocation_list_id: c.revocationListId, revocation_index: c.revocationIndex,
    suspension_list_id: c.suspensionListId, suspension_index: c.suspensionIndex, valid_from: c.validFrom, valid_until: c.validUntil, issued_at: c.issuedAt,
    updated_at: c.updatedAt, ended_at: c.endedAt, reason: c.reason, replaces: c.replaces, replaced_by: c.replacedBy,
  }).execute();
}

export async function findCertificate(db: Executor, id: string, forUpdate = false): Promise<CertificateRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

/** Moves a certificate from one of `from` to `to`; false when it was not in one of them any more. */
export async function setStatus(db: Executor, id: string, from: CertificateStatus[], to: CertificateStatus, at: Date, reason: string | null, ended: boolean): Promise<boolean> {
  const r = await db.updateTable(T).set({ status: to, updated_at: at, reason, ...(ended ? { ended_at: at } : {}) }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Certificates on a basis still in force (active or suspended). */
export async function liveBySource(db: Executor, sourceKind: string, sourceId: string): Promise<CertificateRow[]> {
  return (await db.selectFrom(T).selectAll().where('source_kind', '=', sourceKind).where('source_id', '=', sourceId).where('status', 'in', ['active', 'suspended']).execute()).map(map);
}

/** Live certificates of a kind of basis, oldest first (for reconciling with their bases). */
export async function liveOfKind(db: Executor, sourceKind: string, afterId: string, limit: number): Promise<CertificateRow[]> {
  return (await db.selectFrom(T).selectAll().where('source_kind', '=', sourceKind).where('status', 'in', ['active', 'suspended']).where('id', '>', afterId).orderBy('id').limit(limit).execute()).map(map);
}

export async function dueToExpire(db: Executor, now: Date, limit: number): Promise<CertificateRow[]> {
  return (await db.selectFrom(T).selectAll().where('status', 'in', ['active', 'suspended']).where('valid_until', '<=', now).orderBy('valid_until').limit(limit).execute()).map(map);
}

export interface CertificateQuery {
  holderOrgId?: string | undefined;
  userOrgId?: string | undefined;
  issuerOrgId?: string | undefined;
  /** Any of these organisations as holder, user or issuer. */
  partyOrgId?: string | undefined;
  type?: CertificateType | undefined;
  status?: CertificateStatus | undefined;
  /** The basis: a consent or registration application id. */
  sourceId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listCertificates(db: Executor, q: CertificateQuery): Promise<{ items: CertificateRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (q.holderOrgId) base = base.where('holder_org_id', '=', q.holderOrgId);
  if (q.userOrgId) base = base.where('user_org_id', '=', q.userOrgId);
  if (q.issuerOrgId) base = base.where('issuer_org_id', '=', q.issuerOrgId);
  if (q.partyOrgId) {
    const o = q.partyOrgId;
    base = base.where((eb) => eb.or([eb('holder_org_id', '=', o), eb('user_org_id', '=', o), eb('issuer_org_id', '=', o)]));
  }
  if (q.type) base = base.where('type', '=', q.type);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.sourceId) base = base.where('source_id', '=', q.sourceId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('issued_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

export async function insertUse(db: Executor, u: UseRow): Promise<void> {
  await db.insertInto(U).values({ id: u.id, certificate_id: u.certificateId, verifier_org_id: u.verifierOrgId, note: u.note, amount_fen: u.amountFen, used_at: u.usedAt }).execute();
}

export async function usesOf(db: Executor, certificateId: string): Promise<UseRow[]> {
  return (await db.selectFrom(U).selectAll().where('certificate_id', '=', certificateId).orderBy('used_at', 'desc').orderBy('id').execute()).map((r: any) => ({
    id: r.id, certificateId: r.certificate_id, verifierOrgId: r.verifier_org_id, note: r.note, amountFen: r.amount_fen, usedAt: new Date(r.used_at),
  }));
}

/** A certificate issued here with exactly this credential (by the digest of its JWS). */
export async function findByDigest(db: Executor, digest: string): Promise<CertificateRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('digest', '=', digest).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function setReplacedBy(db: Executor, id: string, successor: string): Promise<void> {
  await db.updateTable(T).set({ replaced_by: successor }).where('id', '=', id).execute();
}
