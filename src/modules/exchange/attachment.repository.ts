import type { Executor } from '../../platform/database/database.js';

/** Insurance (数据保险) or custody (数据托管) attached to a contract by its provider. */
export interface AttachmentRow {
  id: string;
  negotiationId: string;
  providerOrgId: string;
  kind: 'insurance' | 'custody';
  beneficiaryOrgId: string;
  reference: string;
  description: string;
  coverageFen: bigint | null;
  premiumFen: bigint | null;
  validUntil: string | null;
  documentSha256: string | null;
  createdBy: string | null;
  createdAt: Date;
}

const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const map = (r: any): AttachmentRow => ({
  id: r.id, negotiationId: r.negotiation_id, providerOrgId: r.provider_org_id, kind: r.kind, beneficiaryOrgId: r.beneficiary_org_id, reference: r.reference, description: r.description,
  coverageFen: r.coverage_fen == null ? null : BigInt(r.coverage_fen), premiumFen: r.premium_fen == null ? null : BigInt(r.premium_fen), validUntil: day(r.valid_until),
  documentSha256: r.document_sha256 ?? null, createdBy: r.created_by ?? null, createdAt: new Date(r.created_at),
});

/** Inserts an attachment; false when the provider attached this reference of this kind to the contract already. */
export async function insertAttachment(db: Executor, a: AttachmentRow): Promise<boolean> {
  const r = await db.insertInto('exchange_contract_attachment').values({
    id: a.id, negotiation_id: a.negotiationId, provider_org_id: a.providerOrgId, kind: a.kind, beneficiary_org_id: a.beneficiaryOrgId, reference: a.reference, description: a.description,
    coverage_fen: a.coverageFen?.toString() ?? null, premium_fen: a.premiumFen?.toString() ?? null, valid_until: a.validUntil, document_sha256: a.documentSha256, created_by: a.createdBy, created_at: a.createdAt,
  }).onConflict((oc) => oc.constraint('exchange_contract_attachment_once').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function attachmentsOf(db: Executor, negotiationId: string): Promise<AttachmentRow[]> {
  return (await db.selectFrom('exchange_contract_attachment').selectAll().where('negotiation_id', '=', negotiationId).orderBy('created_at').orderBy('id').execute()).map(map);
}

/** A provider's attachments, newest first. */
export async function attachmentsBy(db: Executor, providerOrgId: string, page: number, pageSize: number): Promise<{ items: AttachmentRow[]; total: number }> {
  const q = db.selectFrom('exchange_contract_attachment').where('provider_org_id', '=', providerOrgId);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(map), total };
}
