import type { Executor } from '../../platform/database/database.js';
import type { SubjectKind } from './data-item.repository.js';
import type { StoredSeal } from './agreement.repository.js';

/** A licence (电子证照) as stored: the signed document encrypted, the identifiers only hashed and masked. */
export interface LicenceRow {
  id: string;
  typeCode: string;
  numberHash: string;
  numberMasked: string;
  subjectKind: SubjectKind;
  subjectHash: string;
  subjectMasked: string;
  holderName: string;
  issuerOrgId: string;
  validFrom: string;
  validTo: string | null;
  issuedAt: Date;
  documentSealed: string;
  digest: string;
  seal: StoredSeal;
  status: 'valid' | 'revoked';
  revokedAt: Date | null;
  revokeReason: string | null;
}

const T = 'authorization_licence';

function map(r: any): LicenceRow {
  return {
    id: r.id, typeCode: r.type_code, numberHash: r.number_hash, numberMasked: r.number_masked, subjectKind: r.subject_kind, subjectHash: r.subject_hash,
    subjectMasked: r.subject_masked, holderName: r.holder_name, issuerOrgId: r.issuer_org_id, validFrom: r.valid_from, validTo: r.valid_to,
    issuedAt: new Date(r.issued_at), documentSealed: r.document_sealed, digest: r.digest, seal: r.seal, status: r.status,
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null, revokeReason: r.revoke_reason,
  };
}

export async function insertLicence(db: Executor, l: LicenceRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: l.id, type_code: l.typeCode, number_hash: l.numberHash, number_masked: l.numberMasked, subject_kind: l.subjectKind, subject_hash: l.subjectHash,
      subject_masked: l.subjectMasked, holder_name: l.holderName, issuer_org_id: l.issuerOrgId, valid_from: l.validFrom, valid_to: l.validTo, issued_at: l.issuedAt,
      document_sealed: l.documentSealed, digest: l.digest, seal: JSON.stringify(l.seal), status: l.status, revoked_at: l.revokedAt, revoke_reason: l.revokeReason,
    })
    .execute();
}

export async function findLicence(db: Executor, id: string): Promise<LicenceRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

/** A valid licence of the type with this number (one at a time). */
export async function findValidByNumber(db: Executor, typeCode: string, numberHash: string): Promise<LicenceRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('type_code', '=', typeCode).where('number_hash', '=', numberHash).where('status', '=', 'valid').executeTakeFirst();
  return r ? map(r) : undefined;
}

/** The holder's licences, newest first. */
export async function licencesOfSubject(db: Executor, subjectKind: SubjectKind, subjectHash: string): Promise<LicenceRow[]> {
  return (await db.selectFrom(T).selectAll().where('subject_hash', '=', subjectHash).where('subject_kind', '=', subjectKind).orderBy('issued_at', 'desc').orderBy('id').execute()).map(map);
}

export async function listLicences(
  db: Executor,
  q: { issuerOrgId?: string | undefined; typeCode?: string | undefined; status?: 'valid' | 'revoked' | undefined; page: number; pageSize: number },
): Promise<{ items: LicenceRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (q.issuerOrgId) base = base.where('issuer_org_id', '=', q.issuerOrgId);
  if (q.typeCode) base = base.where('type_code', '=', q.typeCode);
  if (q.status) base = base.where('status', '=', q.status);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('issued_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** Revokes a valid licence; false when it was not valid any more (a concurrent revocation). */
export async function revokeLicence(db: Executor, id: string, at: Date, reason: string): Promise<boolean> {
  const r = await db.updateTable(T).set({ status: 'revoked', revoked_at: at, revoke_reason: reason }).where('id', '=', id).where('status', '=', 'valid').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
