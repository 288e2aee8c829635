import type { Executor } from '../../platform/database/database.js';

export type StatusPurpose = 'revocation' | 'suspension';

export interface StatusListRow {
  id: string;
  issuerOrgId: string;
  purpose: StatusPurpose;
  /** 0 for an issuer's first list of a purpose, then 1, 2, … as lists fill up. */
  generation: number;
  size: number;
  /** The bitstring, base64. */
  bits: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const L = 'certificates_status_list';
const E = 'certificates_status_entry';

const map = (r: any): StatusListRow => ({
  id: r.id, issuerOrgId: r.issuer_org_id, purpose: r.purpose, generation: Number(r.generation), size: Number(r.size), bits: r.bits, version: Number(r.version),
  createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
});

/** Creates a list unless the issuer already has this generation (concurrent creators converge on one row). */
export async function insertList(db: Executor, l: StatusListRow): Promise<void> {
  await db.insertInto(L).values({
    id: l.id, issuer_org_id: l.issuerOrgId, purpose: l.purpose, generation: l.generation, size: l.size, bits: l.bits, version: l.version, created_at: l.createdAt, updated_at: l.updatedAt,
  }).onConflict((oc) => oc.doNothing()).execute();
}

export async function findList(db: Executor, id: string, forUpdate = false): Promise<StatusListRow | undefined> {
  let q = db.selectFrom(L).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

/** The issuer's newest list for a purpose (id, generation and size only: not its bits). */
export async function latestList(db: Executor, issuerOrgId: string, purpose: StatusPurpose): Promise<{ id: string; generation: number; size: number } | undefined> {
  const r = await db.selectFrom(L).select(['id', 'generation', 'size']).where('issuer_org_id', '=', issuerOrgId).where('purpose', '=', purpose)
    .orderBy('generation', 'desc').limit(1).executeTakeFirst();
  return r ? { id: r.id as string, generation: Number(r.generation), size: Number(r.size) } : undefined;
}

/** Takes an index for a certificate; false when it was ever taken before (indexes are never reused). No list row is locked. */
export async function takeIndex(db: Executor, listId: string, idx: number, certificateId: string): Promise<boolean> {
  const r = await db.insertInto(E).values({ list_id: listId, idx, certificate_id: certificateId }).onConflict((oc) => oc.columns(['list_id', 'idx']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A list's bits only if its version moved past `version` (the verifier's cache check). */
export async function bitsIfNewer(db: Executor, id: string, version: number): Promise<{ bits: string; version: number } | 'same' | undefined> {
  const r = await db.selectFrom(L).select(['version']).where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  if (Number(r.version) === version) return 'same';
  const b = await db.selectFrom(L).select(['bits', 'version']).where('id', '=', id).executeTakeFirst();
  return b ? { bits: b.bits as string, version: Number(b.version) } : undefined;
}

export async function saveBits(db: Executor, id: string, bits: string, at: Date): Promise<void> {
  await db.updateTable(L).set((eb) => ({ bits, version: eb('version', '+', 1), updated_at: at })).where('id', '=', id).execute();
}
