import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

export interface CallRow {
  id: string;
  grantId: string | null;
  resourceId: string;
  callerOrgId: string;
  grantorOrgId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  calledAt: Date;
  filtersDigest: string;
  rows: number;
  bytes: number;
  status: number;
  code: string | null;
  recordHash: string;
  commitmentId: string | null;
  leafIndex: number | null;
}

export interface CommitmentRow {
  id: string;
  grantId: string | null;
  firstAt: Date;
  lastAt: Date;
  calls: number;
  rows: number;
  bytes: number;
  root: string;
  eventId: string;
  createdAt: Date;
}

export interface UsageDelta {
  grantId: string;
  day: string;
  calls: number;
  refused: number;
  rows: number;
  bytes: number;
}

const C = 'gateway_call';

function mapCall(r: any): CallRow {
  return {
    id: r.id,
    grantId: r.grant_id,
    resourceId: r.resource_id,
    callerOrgId: r.caller_org_id,
    grantorOrgId: r.grantor_org_id,
    userId: r.user_id,
    apiKeyId: r.api_key_id,
    calledAt: new Date(r.called_at),
    filtersDigest: r.filters_digest,
    rows: Number(r.rows),
    bytes: Number(r.bytes),
    status: Number(r.status),
    code: r.code,
    recordHash: r.record_hash,
    commitmentId: r.commitment_id,
    leafIndex: r.leaf_index === null ? null : Number(r.leaf_index),
  };
}

function mapCommitment(r: any): CommitmentRow {
  return {
    id: r.id,
    grantId: r.grant_id,
    firstAt: new Date(r.first_at),
    lastAt: new Date(r.last_at),
    calls: Number(r.calls),
    rows: Number(r.rows),
    bytes: Number(r.bytes),
    root: r.root,
    eventId: r.event_id,
    createdAt: new Date(r.created_at),
  };
}

/** One multi-row insert of call records plus one upsert of the usage aggregates. */
export async function insertCalls(db: Executor, calls: CallRow[], usage: UsageDelta[]): Promise<void> {
  if (calls.length) {
    await db
      .insertInto(C)
      .values(
        calls.map((c) => ({
          id: c.id, grant_id: c.grantId, resource_id: c.resourceId, caller_org_id: c.callerOrgId, grantor_org_id: c.grantorOrgId,
          user_id: c.userId, api_key_id: c.apiKeyId, called_at: c.calledAt, filters_digest: c.filtersDigest, rows: c.rows,
          bytes: c.bytes, status: c.status, code: c.code, record_hash: c.recordHash, commitment_id: c.commitmentId, leaf_index: c.leafIndex,
        })),
      )
      .execute();
  }
  if (usage.length) {
    await db
      .insertInto('gateway_usage')
      .values(usage.map((u) => ({ grant_id: u.grantId, day: u.day, calls: u.calls, refused: u.refused, rows: u.rows, bytes: u.bytes })))
      .onConflict((oc) =>
        oc.columns(['grant_id', 'day']).doUpdateSet({
          calls: sql`gateway_usage.calls + excluded.calls`,
          refused: sql`gateway_usage.refused + excluded.refused`,
          rows: sql`gateway_usage.rows + excluded.rows`,
          bytes: sql`gateway_usage.bytes + excluded.bytes`,
        }),
      )
      .execute();
  }
}

/** Rows a grant delivered on a day (for its daily quota). */
export async function rowsOnDay(db: Executor, grantId: string, day: string): Promise<number> {
  const r = await db.selectFrom('gateway_usage').select('rows').where('grant_id', '=', grantId).where('day', '=', day).executeTakeFirst();
  return r ? Number(r.rows) : 0;
}

export async function insertCommitment(db: Executor, c: CommitmentRow): Promise<void> {
  await db
    .insertInto('gateway_commitment')
    .values({ id: c.id, grant_id: c.grantId, first_at: c.firstAt, last_at: c.lastAt, calls: c.calls, rows: c.rows, bytes: c.bytes, root: c.root, event_id: c.eventId, created_at: c.createdAt })
    .execute();
}

/** Commitment ids of recent calls that have no commitment row (their process died within its interval). */
export async function orphanCommitments(db: Executor, since: Date): Promise<string[]> {
  const rows = await db
    .selectFrom(`${C} as c`)
    .leftJoin('gateway_commitment as m', 'm.id', 'c.commitment_id')
    .select('c.commitment_id')
    .where('c.called_at', '>=', since)
    .where('c.commitment_id', 'is not', null)
    .where('m.id', 'is', null)
    .groupBy('c.commitment_id')
    .execute();
  return rows.map((r: any) => r.commitment_id as string);
}

export async function callsOfCommitment(db: Executor, commitmentId: string): Promise<CallRow[]> {
  const rows = await db.selectFrom(C).selectAll().where('commitment_id', '=', commitmentId).orderBy('leaf_index').execute();
  return rows.map(mapCall);
}

export async function findCall(db: Executor, id: string): Promise<CallRow | undefined> {
  const r = await db.selectFrom(C).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapCall(r) : undefined;
}

export async function findCommitment(db: Executor, id: string): Promise<CommitmentRow | undefined> {
  const r = await db.selectFrom('gateway_commitment').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapCommitment(r) : undefined;
}

/** The leaf hashes of a commitment, in leaf order. */
export async function commitmentLeaves(db: Executor, commitmentId: string): Promise<string[]> {
  const rows = await db.selectFrom(C).select('record_hash').where('commitment_id', '=', commitmentId).orderBy('leaf_index').execute();
  return rows.map((r: any) => r.record_hash as string);
}

export interface CallQuery {
  /** Calls made by this organisation (grantee side). */
  callerOrgId?: string | undefined;
  /** Calls on grants this organisation issued (grantor side). */
  grantorOrgId?: string | undefined;
  grantId?: string | undefined;
  /** Calls on any of these grants (e.g. the grants of one data-subject authorization). */
  grantIds?: string[] | undefined;
  resourceId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listCalls(db: Executor, q: CallQuery): Promise<{ items: CallRow[]; total: number }> {
  let base = db.selectFrom(C);
  if (q.callerOrgId) base = base.where('caller_org_id', '=', q.callerOrgId);
  if (q.grantorOrgId) base = base.where('grantor_org_id', '=', q.grantorOrgId);
  if (q.grantId) base = base.where('grant_id', '=', q.grantId);
  if (q.grantIds) {
    if (!q.grantIds.length) return { items: [], total: 0 };
    base = base.where('grant_id', 'in', q.grantIds);
  }
  if (q.resourceId) base = base.where('resource_id', '=', q.resourceId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('called_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(mapCall), total: Number(total?.n ?? 0) };
}

export interface UsageRow {
  grantId: string;
  day: string;
  calls: number;
  refused: number;
  rows: number;
  bytes: number;
  granteeOrgId: string;
  grantorOrgId: string;
  resourceId: string;
}

/** Usage per grant per day, joined to the grant's parties (both are the gateway's own tables). */
export async function usage(db: Executor, q: { granteeOrgId?: string | undefined; grantorOrgId?: string | undefined; grantId?: string | undefined; from: string; to: string }): Promise<UsageRow[]> {
  let base = db
    .selectFrom('gateway_usage as u')
    .innerJoin('gateway_grant as g', 'g.id', 'u.grant_id')
    .where('u.day', '>=', q.from)
    .where('u.day', '<=', q.to);
  if (q.granteeOrgId) base = base.where('g.grantee_org_id', '=', q.granteeOrgId);
  if (q.grantorOrgId) base = base.where('g.grantor_org_id', '=', q.grantorOrgId);
  if (q.grantId) base = base.where('u.grant_id', '=', q.grantId);
  const rows = await base
    .select(['u.grant_id', sql<string>`to_char(u.day, 'YYYY-MM-DD')`.as('day_text'), 'u.calls', 'u.refused', 'u.rows', 'u.bytes', 'g.grantee_org_id', 'g.grantor_org_id', 'g.resource_id'])
    .orderBy('u.day')
    .orderBy('u.grant_id')
    .execute();
  return rows.map((r: any) => ({
    grantId: r.grant_id, day: r.day_text, calls: Number(r.calls), refused: Number(r.refused), rows: Number(r.rows), bytes: Number(r.bytes),
    granteeOrgId: r.grantee_org_id, grantorOrgId: r.grantor_org_id, resourceId: r.resource_id,
  }));
}

export async function countCalls(db: Executor): Promise<{ total: number; uncommitted: number }> {
  const r = await db
    .selectFrom(C)
    .select([(eb) => eb.fn.countAll<string>().as('n'), sql<string>`count(*) filter (where commitment_id is null)`.as('u')])
    .executeTakeFirst();
  return { total: Number(r?.n ?? 0), uncommitted: Number(r?.u ?? 0) };
}
