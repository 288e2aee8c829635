import { sql } from 'kysely';
import { toBuffer, type Executor } from '../../platform/database/database.js';

export interface EntryRow {
  index: number;
  eventId: string;
  type: string;
  orgId: string | null;
  subjectType: string;
  subjectId: string;
  occurredAt: Date;
  entry: string;
  leafHash: Buffer;
  payload: unknown;
}

function mapEntry(r: any): EntryRow {
  return {
    index: Number(r.idx),
    eventId: r.event_id,
    type: r.type,
    orgId: r.org_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    occurredAt: new Date(r.occurred_at),
    entry: r.entry,
    leafHash: toBuffer(r.leaf_hash),
    payload: r.payload,
  };
}

export async function insertEntries(db: Executor, rows: EntryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('ledger_entry')
      .values(
        rows.slice(i, i + 1000).map((e) => ({
          idx: e.index,
          event_id: e.eventId,
          type: e.type,
          org_id: e.orgId,
          subject_type: e.subjectType,
          subject_id: e.subjectId,
          occurred_at: e.occurredAt,
          entry: e.entry,
          leaf_hash: e.leafHash,
          payload: JSON.stringify(e.payload),
        })),
      )
      .execute();
  }
}

export async function findEntry(db: Executor, index: number): Promise<EntryRow | undefined> {
  const r = await db.selectFrom('ledger_entry').selectAll().where('idx', '=', index).executeTakeFirst();
  return r ? mapEntry(r) : undefined;
}

/** Only what a receipt needs: the canonical entry text and its leaf hash (not the payload). */
export async function findEntryText(db: Executor, index: number): Promise<{ entry: string; leafHash: Buffer } | undefined> {
  const r = await db.selectFrom('ledger_entry').select(['entry', 'leaf_hash']).where('idx', '=', index).executeTakeFirst();
  return r ? { entry: r.entry as string, leafHash: toBuffer(r.leaf_hash) } : undefined;
}

export async function findEntryByEvent(db: Executor, eventId: string): Promise<EntryRow | undefined> {
  const r = await db.selectFrom('ledger_entry').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  return r ? mapEntry(r) : undefined;
}

export interface EntryQuery {
  type?: string | undefined;
  typePrefix?: string | undefined;
  orgId?: string | undefined;
  subjectId?: string | undefined;
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
}

export async function listEntries(db: Executor, q: EntryQuery): Promise<{ items: EntryRow[]; total: number }> {
  let base = db.selectFrom('ledger_entry');
  if (q.type) base = base.where('type', '=', q.type);
  if (q.typePrefix) base = base.where('type', 'like', `${q.typePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.orgId) base = base.where('org_id', '=', q.orgId);
  if (q.subjectId) base = base.where('subject_id', '=', q.subjectId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('idx', q.order).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(mapEntry), total: Number(total?.n ?? 0) };
}

/** Leaf hashes in [from, to), in index order. */
export async function leafHashes(db: Executor, from: number, to: number): Promise<Buffer[]> {
  const rows = await db
    .selectFrom('ledger_entry')
    .select(['idx', 'leaf_hash'])
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .orderBy('idx')
    .execute();
  return rows.map((r: any) => toBuffer(r.leaf_hash));
}

/** Entries in [from, from+limit) for full verification, in index order. */
export async function entryChunk(db: Executor, afterIndex: number, limit: number): Promise<EntryRow[]> {
  const rows = await db.selectFrom('ledger_entry').selectAll().where('idx', '>', afterIndex).orderBy('idx').limit(limit).execute();
  return rows.map(mapEntry);
}

export interface CheckpointRow {
  size: number;
  rootHash: Buffer;
  note: string;
  createdAt: Date;
}

const mapCheckpoint = (r: any): CheckpointRow => ({ size: Number(r.size), rootHash: toBuffer(r.root_hash), note: r.note, createdAt: new Date(r.created_at) });

export async function insertCheckpoint(db: Executor, c: CheckpointRow): Promise<void> {
  await db.insertInto('ledger_checkpoint').values({ size: c.size, root_hash: c.rootHash, note: c.note, created_at: c.createdAt }).execute();
}

export async function latestCheckpoint(db: Executor): Promise<CheckpointRow | undefined> {
  const r = await db.selectFrom('ledger_checkpoint').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
  return r ? mapCheckpoint(r) : undefined;
}

export async function findCheckpoint(db: Executor, size: number): Promise<CheckpointRow | undefined> {
  const r = await db.selectFrom('ledger_checkpoint').selectAll().where('size', '=', size).executeTakeFirst();
  return r ? mapCheckpoint(r) : undefined;
}

export async function allCheckpoints(db: Executor): Promise<CheckpointRow[]> {
  return (await db.selectFrom('ledger_checkpoint').selectAll().orderBy('size').execute()).map(mapCheckpoint);
}

export interface KeyRow {
  id: string;
  origin: string;
  verifierKey: string;
  signerKeyEnc: string;
  status: 'active' | 'retired';
  createdAt: Date;
}

export async function activeKey(db: Executor): Promise<KeyRow | undefined> {
  const r: any = await db.selectFrom('ledger_key').selectAll().where('status', '=', 'active').executeTakeFirst();
  return r ? { id: r.id, origin: r.origin, verifierKey: r.verifier_key, signerKeyEnc: r.signer_key_enc, status: r.status, createdAt: new Date(r.created_at) } : undefined;
}

export async function allKeys(db: Executor): Promise<Array<Pick<KeyRow, 'id' | 'origin' | 'verifierKey' | 'status'>>> {
  const rows = await db.selectFrom('ledger_key').select(['id', 'origin', 'verifier_key', 'status']).execute();
  return rows.map((r: any) => ({ id: r.id, origin: r.origin, verifierKey: r.verifier_key, status: r.status }));
}

export async function insertKey(db: Executor, k: KeyRow): Promise<void> {
  await db
    .insertInto('ledger_key')
    .values({ id: k.id, origin: k.origin, verifier_key: k.verifierKey, signer_key_enc: k.signerKeyEnc, status: k.status, created_at: k.createdAt })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface WitnessRow {
  id: string;
  orgId: string;
  name: string;
  verifierKey: string;
  status: 'active' | 'revoked';
  createdAt: Date;
}

const mapWitness = (r: any): WitnessRow => ({ id: r.id, orgId: r.org_id, name: r.name, verifierKey: r.verifier_key, status: r.status, createdAt: new Date(r.created_at) });

export async function insertWitness(db: Executor, w: WitnessRow): Promise<void> {
  await db.insertInto('ledger_witness').values({ id: w.id, org_id: w.orgId, name: w.name, verifier_key: w.verifierKey, status: w.status, created_at: w.createdAt }).execute();
}

export async function findWitnessByName(db: Executor, name: string): Promise<WitnessRow | undefined> {
  const r = await db.selectFrom('ledger_witness').selectAll().where('name', '=', name).executeTakeFirst();
  return r ? mapWitness(r) : undefined;
}

export async function listWitnesses(db: Executor): Promise<WitnessRow[]> {
  return (await db.selectFrom('ledger_witness').selectAll().orderBy('created_at').execute()).map(mapWitness);
}

export interface CosignatureRow {
  size: number;
  witnessId: string;
  line: string;
  signedAt: Date;
}

export async function upsertCosignature(db: Executor, c: CosignatureRow, now: Date): Promise<void> {
  await db
    .insertInto('ledger_cosignature')
    .values({ size: c.size, witness_id: c.witnessId, line: c.line, signed_at: c.signedAt, created_at: now })
    .onConflict((oc) => oc.columns(['size', 'witness_id']).doUpdateSet({ line: c.line, signed_at: c.signedAt }))
    .execute();
}

export async function cosignaturesOf(db: Executor, size: number): Promise<Array<CosignatureRow & { witnessName: string; orgId: string }>> {
  const rows = await db
    .selectFrom('ledger_cosignature as c')
    .innerJoin('ledger_witness as w', 'w.id', 'c.witness_id')
    .select(['c.size', 'c.witness_id', 'c.line', 'c.signed_at', 'w.name', 'w.org_id'])
    .where('c.size', '=', size)
    .orderBy('w.name')
    .execute();
  return rows.map((r: any) => ({ size: Number(r.size), witnessId: r.witness_id, line: r.line, signedAt: new Date(r.signed_at), witnessName: r.name, orgId: r.org_id }));
}

export async function allCosignatures(db: Executor): Promise<Array<CosignatureRow & { verifierKey: string }>> {
  const rows = await db
    .selectFrom('ledger_cosignature as c')
    .innerJoin('ledger_witness as w', 'w.id', 'c.witness_id')
    .select(['c.size', 'c.witness_id', 'c.line', 'c.signed_at', 'w.verifier_key'])
    .orderBy('c.size')
    .execute();
  return rows.map((r: any) => ({ size: Number(r.size), witnessId: r.witness_id, line: r.line, signedAt: new Date(r.signed_at), verifierKey: r.verifier_key }));
}

export async function largestCosignedSize(db: Executor, witnessId: string): Promise<number> {
  const r = await sql<{ m: string | null }>`select max(size) as m from ledger_cosignature where witness_id = ${witnessId}`.execute(db);
  return r.rows[0]?.m == null ? 0 : Number(r.rows[0].m);
}

export async function insertAttestation(db: Executor, a: { id: string; orgId: string; digest: string; title: string; createdBy: string | null; createdAt: Date }): Promise<void> {
  await db.insertInto('ledger_attestation').values({ id: a.id, org_id: a.orgId, digest: a.digest, title: a.title, created_by: a.createdBy, created_at: a.createdAt }).execute();
}
