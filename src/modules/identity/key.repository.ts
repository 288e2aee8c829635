import type { Executor } from '../../platform/database/database.js';
import type { JsonWebKey } from '../../platform/signing.js';

export interface OrgKeyRow {
  id: string;
  orgId: string;
  algorithm: 'Ed25519';
  publicJwk: JsonWebKey;
  privateKeyEnc: string;
  status: 'active' | 'retired';
  createdAt: Date;
  retiredAt: Date | null;
}

function map(r: any): OrgKeyRow {
  return {
    id: r.id,
    orgId: r.org_id,
    algorithm: r.algorithm,
    publicJwk: r.public_jwk,
    privateKeyEnc: r.private_key_enc,
    status: r.status,
    createdAt: new Date(r.created_at),
    retiredAt: r.retired_at ? new Date(r.retired_at) : null,
  };
}

export async function insertOrgKey(db: Executor, k: OrgKeyRow): Promise<void> {
  await db
    .insertInto('identity_org_key')
    .values({
      id: k.id, org_id: k.orgId, algorithm: k.algorithm, public_jwk: JSON.stringify(k.publicJwk),
      private_key_enc: k.privateKeyEnc, status: k.status, created_at: k.createdAt, retired_at: k.retiredAt,
    })
    .execute();
}

export async function activeOrgKey(db: Executor, orgId: string): Promise<OrgKeyRow | undefined> {
  const r = await db.selectFrom('identity_org_key').selectAll().where('org_id', '=', orgId).where('status', '=', 'active').executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function findOrgKey(db: Executor, id: string): Promise<OrgKeyRow | undefined> {
  const r = await db.selectFrom('identity_org_key').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function listOrgKeys(db: Executor, orgId: string): Promise<OrgKeyRow[]> {
  const rows = await db.selectFrom('identity_org_key').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute();
  return rows.map(map);
}

export async function retireOrgKey(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('identity_org_key').set({ status: 'retired', retired_at: at }).where('id', '=', id).execute();
}
