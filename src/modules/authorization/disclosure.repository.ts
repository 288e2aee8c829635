import type { Executor } from '../../platform/database/database.js';

export type DisclosureRole = 'implementing_body' | 'operator';

/** An annual disclosure report (年度信息披露) as published: the report is frozen, with its digest. */
export interface DisclosureRow {
  id: string;
  orgId: string;
  role: DisclosureRole;
  year: number;
  /** 1 for the first publication; each correction publishes the next. */
  revision: number;
  report: Record<string, unknown>;
  digest: string;
  publishedAt: Date;
}

const T = 'authorization_disclosure';

function map(r: any): DisclosureRow {
  return { id: r.id, orgId: r.org_id, role: r.role, year: Number(r.year), revision: Number(r.revision), report: r.report, digest: r.digest, publishedAt: new Date(r.published_at) };
}

/** Creates, or replaces with the next revision, the report of (org, role, year). */
export async function upsertDisclosure(db: Executor, d: DisclosureRow): Promise<void> {
  const values = { revision: d.revision, report: JSON.stringify(d.report), digest: d.digest, published_at: d.publishedAt };
  await db
    .insertInto(T)
    .values({ id: d.id, org_id: d.orgId, role: d.role, year: d.year, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'role', 'year']).doUpdateSet(values))
    .execute();
}

export async function findDisclosure(db: Executor, id: string): Promise<DisclosureRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function findDisclosureOf(db: Executor, orgId: string, role: DisclosureRole, year: number, forUpdate = false): Promise<DisclosureRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('org_id', '=', orgId).where('role', '=', role).where('year', '=', year);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

export interface DisclosureQuery {
  year?: number | undefined;
  orgId?: string | undefined;
  role?: DisclosureRole | undefined;
  page: number;
  pageSize: number;
}

export async function listDisclosures(db: Executor, q: DisclosureQuery): Promise<{ items: DisclosureRow[]; total: number }> {
  let base = db.selectFrom(T);
  if (q.year !== undefined) base = base.where('year', '=', q.year);
  if (q.orgId) base = base.where('org_id', '=', q.orgId);
  if (q.role) base = base.where('role', '=', q.role);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('year', 'desc').orderBy('published_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** (org, role) pairs that published for `year`. */
export async function publishedFor(db: Executor, year: number): Promise<Set<string>> {
  const rows = await db.selectFrom(T).select(['org_id', 'role']).where('year', '=', year).execute();
  return new Set(rows.map((r) => `${r.role}:${r.org_id}`));
}
