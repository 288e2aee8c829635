import type { Executor } from '../../platform/database/database.js';
import type { MaskMethod } from './masking.rules.js';

export type GrantKind = 'sharing' | 'open_key' | 'open_application' | 'direct' | 'authorization' | 'consent' | 'contract';
export type GrantStatus = 'active' | 'revoked' | 'expired';

export interface GrantRow {
  id: string;
  kind: GrantKind;
  sourceRef: string;
  resourceId: string;
  grantorOrgId: string;
  granteeOrgId: string;
  fields: string[];
  rowFilter: Record<string, string[]> | null;
  purpose: string | null;
  validFrom: Date;
  expiresAt: Date | null;
  ratePerMinute: number | null;
  dailyRowQuota: number | null;
  /** Most delivered calls over the grant's life (null: no limit); `callsUsed` so far. */
  maxCalls: number | null;
  callsUsed: number;
  masking: Record<string, MaskMethod> | null;
  saltSealed: string;
  status: GrantStatus;
  createdAt: Date;
  updatedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
}

const G = 'gateway_grant';
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function mapGrant(r: any): GrantRow {
  return {
    id: r.id,
    kind: r.kind,
    sourceRef: r.source_ref,
    resourceId: r.resource_id,
    grantorOrgId: r.grantor_org_id,
    granteeOrgId: r.grantee_org_id,
    fields: parse<string[]>(r.fields),
    rowFilter: r.row_filter === null ? null : parse(r.row_filter),
    purpose: r.purpose,
    validFrom: new Date(r.valid_from),
    expiresAt: r.expires_at ? new Date(r.expires_at) : null,
    ratePerMinute: r.rate_per_minute === null ? null : Number(r.rate_per_minute),
    dailyRowQuota: r.daily_row_quota === null ? null : Number(r.daily_row_quota),
    maxCalls: r.max_calls === null || r.max_calls === undefined ? null : Number(r.max_calls),
    callsUsed: Number(r.calls_used ?? 0),
    masking: r.masking === null ? null : parse(r.masking),
    saltSealed: r.salt_sealed,
    status: r.status,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
    revokeReason: r.revoke_reason,
  };
}

function columns(g: GrantRow) {
  return {
    fields: json(g.fields),
    row_filter: json(g.rowFilter),
    expires_at: g.expiresAt,
    rate_per_minute: g.ratePerMinute,
    daily_row_quota: g.dailyRowQuota,
    status: g.status,
    updated_at: g.updatedAt,
    revoked_at: g.revokedAt,
    revoke_reason: g.revokeReason,
  };
}

export async function insertGrant(db: Executor, g: GrantRow): Promise<void> {
  await db
    .insertInto(G)
    .values({
      id: g.id,
      kind: g.kind,
      source_ref: g.sourceRef,
      resource_id: g.resourceId,
      grantor_org_id: g.grantorOrgId,
      grantee_org_id: g.granteeOrgId,
      purpose: g.purpose,
      valid_from: g.validFrom,
      max_calls: g.maxCalls,
      masking: json(g.masking),
      salt_sealed: g.saltSealed,
      created_at: g.createdAt,
      ...columns(g),
    })
    .execute();
}

/** Writes the mutable columns (scope, period, limits, status). */
export async function saveGrant(db: Executor, g: GrantRow): Promise<void> {
  await db.updateTable(G).set(columns(g)).where('id', '=', g.id).execute();
}

/**
 * Takes one use of a grant with a use limit: the count rises only while below the limit, in one
 * statement. Returns the uses after this one, or null when none was left.
 */
export async function takeCall(db: Executor, id: string): Promise<number | null> {
  const r = await db
    .updateTable(G)
    .set((eb) => ({ calls_used: eb('calls_used', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb('calls_used', '<', eb.ref('max_calls')))
    .returning('calls_used')
    .executeTakeFirst();
  return r ? Number(r.calls_used) : null;
}

export async function findGrant(db: Executor, id: string, forUpdate = false): Promise<GrantRow | undefined> {
  let q = db.selectFrom(G).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapGrant(r) : undefined;
}

export interface GrantQuery {
  granteeOrgId?: string | undefined;
  grantorOrgId?: string | undefined;
  resourceId?: string | undefined;
  sourceRef?: string | undefined;
  status?: GrantStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listGrants(db: Executor, q: GrantQuery, now: Date): Promise<{ items: GrantRow[]; total: number }> {
  let base = db.selectFrom(G);
  if (q.granteeOrgId) base = base.where('grantee_org_id', '=', q.granteeOrgId);
  if (q.grantorOrgId) base = base.where('grantor_org_id', '=', q.grantorOrgId);
  if (q.resourceId) base = base.where('resource_id', '=', q.resourceId);
  if (q.sourceRef) base = base.where('source_ref', '=', q.sourceRef);
  // Expiry is a fact of the clock: an active grant past its expiry is listed as expired.
  if (q.status === 'active') base = base.where('status', '=', 'active').where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  else if (q.status === 'expired') base = base.where((eb) => eb.or([eb('status', '=', 'expired'), eb.and([eb('status', '=', 'active'), eb('expires_at', '<=', now)])]));
  else if (q.status === 'revoked') base = base.where('status', '=', 'revoked');
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(mapGrant), total: Number(total?.n ?? 0) };
}

/** Active grants of `granteeOrgId` on `resourceId` that are not past expiry (the data path's lookup). */
export async function activeGrantsFor(db: Executor, granteeOrgId: string, resourceId: string, limit = 20): Promise<GrantRow[]> {
  // Bounded: a caller holding many grants on one resource (a bank's consents) must name one with
  // ?grant=, and two are enough to say so; the limit keeps that answer cheap.
  const rows = await db
    .selectFrom(G)
    .selectAll()
    .where('grantee_org_id', '=', granteeOrgId)
    .where('resource_id', '=', resourceId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map(mapGrant);
}

/** Source references of active grants of a kind with every use taken (the used-up check's partial index). */
export async function usedUpSourceRefs(db: Executor, kind: GrantKind, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom(G)
    .select('source_ref')
    .distinct()
    .where('kind', '=', kind)
    .where('status', '=', 'active')
    .where('max_calls', 'is not', null)
    .where((eb) => eb('calls_used', '>=', eb.ref('max_calls')))
    .limit(limit)
    .execute();
  return rows.map((r) => r.source_ref as string);
}

/** Active grants whose expiry has passed, locked for the expiry sweep. */
export async function dueForExpiry(db: Executor, now: Date, limit: number): Promise<GrantRow[]> {
  const rows = await db
    .selectFrom(G)
    .selectAll()
    .where('status', '=', 'active')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(mapGrant);
}
