import type { Executor } from '../../platform/database/database.js';

/** An individual's account record: the resident ID sealed, its keyed hash for lookup, a masked copy for display. */
export interface PersonRow {
  orgId: string;
  idHash: string;
  idSealed: string;
  idMasked: string;
  name: string;
  phone: string;
  verifiedAt: Date;
}

const T = 'authorization_person';
const map = (r: any): PersonRow => ({ orgId: r.org_id, idHash: r.id_hash, idSealed: r.id_sealed, idMasked: r.id_masked, name: r.name, phone: r.phone, verifiedAt: new Date(r.verified_at) });

export async function insertPerson(db: Executor, p: PersonRow): Promise<void> {
  await db.insertInto(T).values({ org_id: p.orgId, id_hash: p.idHash, id_sealed: p.idSealed, id_masked: p.idMasked, name: p.name, phone: p.phone, verified_at: p.verifiedAt }).execute();
}

export async function findPerson(db: Executor, orgId: string): Promise<PersonRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function findPersonByHash(db: Executor, idHash: string): Promise<PersonRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  return r ? map(r) : undefined;
}
