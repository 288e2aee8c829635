import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { ApplicationStatus, ApplicationType, Expertise, Licence, ObjectKind, Right, Scenario, SourceClaim } from './application.rules.js';

export interface ApplicationRow {
  id: string;
  type: ApplicationType;
  objectKind: ObjectKind;
  applicantOrgId: string;
  titleZh: string;
  titleEn: string;
  description: string;
  resourceId: string | null;
  productId: string | null;
  scenario: Scenario | null;
  sources: SourceClaim[];
  rights: Right[];
  grading: { level: string; generalLevel: number | null } | null;
  status: ApplicationStatus;
  seed: string | null;
  seedEventId: string | null;
  eligible: Array<{ id: string; expertise: string[] }> | null;
  recused: Array<{ reviewerId: string; reasons: string[] }> | null;
  panel: Array<{ reviewerId: string; expertise: Expertise }> | null;
  decision: { outcome: 'approved' | 'rejected'; approvals: number; rejections: number; vetoed: boolean } | null;
  decidedByOrgId: string | null;
  publicityUntil: Date | null;
  registrationNumber: string | null;
  /** The ledger event of the registration (id and payload digest): the evidence its certificate cites. */
  registeredEvent: { eventId: string; payloadDigest: string } | null;
  reason: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  registeredAt: Date | null;
  updatedAt: Date;
  /** The asset: a first registration's own id; for later ones, the first registration they change. */
  assetId: string;
  /** The asset's current record (application id) a change-type application started from. */
  basedOn: string | null;
  /** The new holder of a transfer, the licensee of a licence. */
  counterpartyOrgId: string | null;
  licence: Licence | null;
  /** Why: a cancellation, revocation, objection or correction. */
  grounds: string | null;
  // On a first registration once registered (the asset): its state, current holder, current record, revisions, dispute.
  assetStatus: 'active' | 'cancelled' | 'revoked' | null;
  holderOrgId: string | null;
  currentId: string | null;
  revision: number;
  disputeUntil: Date | null;
}

export interface VoteRow {
  applicationId: string;
  reviewerId: string;
  vote: 'approve' | 'reject';
  opinion: string;
  votedAt: Date;
}

export interface ObjectionRow {
  id: string;
  applicationId: string;
  orgId: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

const A = 'registry_application';
const V = 'registry_vote';
const O = 'registry_objection';
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

const map = (r: any): ApplicationRow => ({
  id: r.id, type: r.type, objectKind: r.object_kind, applicantOrgId: r.applicant_org_id, titleZh: r.title_zh, titleEn: r.title_en, description: r.description,
  resourceId: r.resource_id, productId: r.product_id, scenario: r.scenario, sources: r.sources, rights: r.rights, grading: r.grading, status: r.status, seed: r.seed,
  seedEventId: r.seed_event_id, eligible: r.eligible, recused: r.recused, panel: r.panel, decision: r.decision, decidedByOrgId: r.decided_by_org_id,
  publicityUntil: date(r.publicity_until), registrationNumber: r.registration_number, registeredEvent: r.registered_event ?? null, reason: r.reason, createdAt: new Date(r.created_at), submittedAt: date(r.submitted_at),
  decidedAt: date(r.decided_at), registeredAt: date(r.registered_at), updatedAt: new Date(r.updated_at),
  assetId: r.asset_id, basedOn: r.based_on ?? null, counterpartyOrgId: r.counterparty_org_id ?? null, licence: r.licence ?? null, grounds: r.grounds ?? null,
  assetStatus: r.asset_status ?? null, holderOrgId: r.holder_org_id ?? null, currentId: r.current_id ?? null, revision: Number(r.revision ?? 0), disputeUntil: date(r.dispute_until),
});

const columns = (a: ApplicationRow) => ({
  type: a.type, object_kind: a.objectKind, applicant_org_id: a.applicantOrgId, title_zh: a.titleZh, title_en: a.titleEn, description: a.description,
  resource_id: a.resourceId, product_id: a.productId, scenario: json(a.scenario), sources: JSON.stringify(a.sources), rights: JSON.stringify(a.rights), grading: json(a.grading),
  status: a.status, seed: a.seed, seed_event_id: a.seedEventId, eligible: json(a.eligible), recused: json(a.recused), panel: json(a.panel), decision: json(a.decision),
  decided_by_org_id: a.decidedByOrgId, publicity_until: a.publicityUntil, registration_number: a.registrationNumber, registered_event: json(a.registeredEvent), reason: a.reason, created_at: a.createdAt,
  submitted_at: a.submittedAt, decided_at: a.decidedAt, registered_at: a.registeredAt, updated_at: a.updatedAt,
  asset_id: a.assetId, based_on: a.basedOn, counterparty_org_id: a.counterpartyOrgId, licence: json(a.licence), grounds: a.grounds,
  asset_status: a.assetStatus, holder_org_id: a.holderOrgId, current_id: a.currentId, revision: a.revision, dispute_until: a.disputeUntil,
});

export async function insertApplication(db: Executor, a: ApplicationRow): Promise<void> {
  await db.insertInto(A).values({ id: a.id, ...columns(a) }).execute();
}

export async function saveApplication(db: Executor, a: ApplicationRow): Promise<void> {
  await db.updateTable(A).set(columns(a)).where('id', '=', a.id).execute();
}

export async function findApplication(db: Executor, id: string, forUpdate = false): Promise<ApplicationRow | undefined> {
  let q = db.selectFrom(A).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

export interface ApplicationQuery {
  applicantOrgId?: string | undefined;
  /** Registered assets (first registrations) whose current holder is this organisation. */
  holderOrgId?: string | undefined;
  /** Only first registrations (the assets) — the public register. */
  firstOnly?: boolean | undefined;
  type?: ApplicationType | undefined;
  status?: ApplicationStatus | undefined;
  /** Applications whose panel includes this reviewer. */
  reviewerId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listApplications(db: Executor, q: ApplicationQuery): Promise<{ items: ApplicationRow[]; total: number }> {
  let base = db.selectFrom(A);
  if (q.applicantOrgId) base = base.where('applicant_org_id', '=', q.applicantOrgId);
  if (q.holderOrgId) base = base.where('holder_org_id', '=', q.holderOrgId).where('type', '=', 'first');
  if (q.firstOnly) base = base.where('type', '=', 'first');
  if (q.type) base = base.where('type', '=', q.type);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.reviewerId) base = base.where(sql<boolean>`panel @> ${JSON.stringify([{ reviewerId: q.reviewerId }])}::jsonb`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) => eb.or([eb('title_zh', 'ilike', like), eb('title_en', 'ilike', like), eb('registration_number', 'ilike', like), eb('description', 'ilike', like)]));
  }
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** Publicity over: applications past their publicity end. */
export async function publicityOver(db: Executor, now: Date, limit: number): Promise<ApplicationRow[]> {
  return (await db.selectFrom(A).selectAll().where('status', '=', 'publicity').where('publicity_until', '<=', now).orderBy('publicity_until').limit(limit).execute()).map(map);
}

/** Records a vote; false when this reviewer already voted on the application. */
export async function insertVote(db: Executor, v: VoteRow): Promise<boolean> {
  const r = await db.insertInto(V).values({ application_id: v.applicationId, reviewer_id: v.reviewerId, vote: v.vote, opinion: v.opinion, voted_at: v.votedAt })
    .onConflict((oc) => oc.columns(['application_id', 'reviewer_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function votesOf(db: Executor, applicationId: string): Promise<VoteRow[]> {
  return (await db.selectFrom(V).selectAll().where('application_id', '=', applicationId).orderBy('voted_at').execute()).map((r: any) => ({
    applicationId: r.application_id, reviewerId: r.reviewer_id, vote: r.vote, opinion: r.opinion, votedAt: new Date(r.voted_at),
  }));
}

export async function insertObjection(db: Executor, o: ObjectionRow): Promise<void> {
  await db.insertInto(O).values({ id: o.id, application_id: o.applicationId, org_id: o.orgId, reason: o.reason, status: o.status, resolution: o.resolution, created_at: o.createdAt, resolved_at: o.resolvedAt }).execute();
}

export async function objectionsOf(db: Executor, applicationId: string): Promise<ObjectionRow[]> {
  return (await db.selectFrom(O).selectAll().where('application_id', '=', applicationId).orderBy('created_at').orderBy('id').execute()).map((r: any) => ({
    id: r.id, applicationId: r.application_id, orgId: r.org_id, reason: r.reason, status: r.status, resolution: r.resolution, createdAt: new Date(r.created_at), resolvedAt: date(r.resolved_at),
  }));
}

export async function resolveObjection(db: Executor, id: string, status: 'upheld' | 'dismissed', resolution: string, at: Date): Promise<boolean> {
  const r = await db.updateTable(O).set({ status, resolution, resolved_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The next registration sequence number of a year (the counter row is locked by the update). */
export async function nextNumber(db: Executor, year: number): Promise<number> {
  const r = await db.insertInto('registry_number_counter').values({ year, seq: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ seq: sql`registry_number_counter.seq + 1` })).returning('seq').executeTakeFirstOrThrow();
  return Number(r.seq);
}

/** Every application of an asset (its first registration and those after), oldest first — the asset's history. */
export async function applicationsOfAsset(db: Executor, assetId: string): Promise<ApplicationRow[]> {
  return (await db.selectFrom(A).selectAll().where('asset_id', '=', assetId).orderBy('created_at').orderBy('id').limit(1000).execute()).map(map);
}
