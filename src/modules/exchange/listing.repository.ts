import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { Checklist, ListingSample, ListingStatus, Pricing, UsagePolicy } from './listing.rules.js';

/** A product built on public data under authorized operation (授权运营): the agreement's parties and fee cap. */
export interface PublicDataTerms {
  productId: string;
  agreementId: string;
  implementingOrgId: string;
  operatorOrgId: string;
  feeCap: { amount: string; unit: string } | null;
}

export interface ListingRow {
  id: string;
  sellerOrgId: string;
  brokerOrgId: string | null;
  mandateId: string | null;
  assetId: string;
  registrationNumber: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  category: string;
  region: string;
  dataKinds: string[];
  sample: ListingSample;
  deliveryMethods: string[];
  pricing: Pricing;
  policy: UsagePolicy;
  publicData: PublicDataTerms | null;
  status: ListingStatus;
  digest: string;
  assessorOrgId: string | null;
  assessmentId: string | null;
  /** The exchange that approved it (named in its contracts). */
  exchangeOrgId: string | null;
  reason: string | null;
  terms: string[];
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  listedAt: Date | null;
  endedAt: Date | null;
}

export interface AssessmentRow {
  id: string;
  listingId: string;
  assessorOrgId: string;
  assessorUser: string | null;
  checklist: Checklist;
  passed: boolean;
  evidence: string;
  listingDigest: string;
  createdAt: Date;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));

const mapListing = (r: any): ListingRow => ({
  id: r.id, sellerOrgId: r.seller_org_id, brokerOrgId: r.broker_org_id ?? null, mandateId: r.mandate_id ?? null, assetId: r.asset_id, registrationNumber: r.registration_number,
  title: { zh: r.title_zh, en: r.title_en }, description: { zh: r.description_zh, en: r.description_en }, category: r.category, region: r.region, dataKinds: json(r.data_kinds),
  sample: json(r.sample), deliveryMethods: json(r.delivery_methods), pricing: json(r.pricing), policy: json(r.policy), publicData: r.public_data == null ? null : json(r.public_data),
  status: r.status, digest: r.digest, assessorOrgId: r.assessor_org_id ?? null, assessmentId: r.assessment_id ?? null, exchangeOrgId: r.exchange_org_id ?? null, reason: r.reason ?? null, terms: r.terms ?? [],
  createdBy: r.created_by ?? null, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), submittedAt: date(r.submitted_at), listedAt: date(r.listed_at), endedAt: date(r.ended_at),
});
const mapAssessment = (r: any): AssessmentRow => ({
  id: r.id, listingId: r.listing_id, assessorOrgId: r.assessor_org_id, assessorUser: r.assessor_user ?? null, checklist: json(r.checklist), passed: !!r.passed, evidence: r.evidence,
  listingDigest: r.listing_digest, createdAt: new Date(r.created_at),
});

const columns = (l: ListingRow) => ({
  id: l.id, seller_org_id: l.sellerOrgId, broker_org_id: l.brokerOrgId, mandate_id: l.mandateId, asset_id: l.assetId, registration_number: l.registrationNumber,
  title_zh: l.title.zh, title_en: l.title.en, description_zh: l.description.zh, description_en: l.description.en, category: l.category, region: l.region,
  data_kinds: JSON.stringify(l.dataKinds), sample: JSON.stringify(l.sample), delivery_methods: JSON.stringify(l.deliveryMethods), pricing: JSON.stringify(l.pricing),
  policy: JSON.stringify(l.policy), public_data: l.publicData ? JSON.stringify(l.publicData) : null, status: l.status, digest: l.digest, assessor_org_id: l.assessorOrgId,
  assessment_id: l.assessmentId, exchange_org_id: l.exchangeOrgId, reason: l.reason, terms: sql`${l.terms}::text[]`, created_by: l.createdBy, created_at: l.createdAt, updated_at: l.updatedAt,
  submitted_at: l.submittedAt, listed_at: l.listedAt, ended_at: l.endedAt,
});

export async function insertListing(db: Executor, l: ListingRow): Promise<void> {
  await db.insertInto('exchange_listing').values(columns(l)).execute();
}

/** Saves a listing's row whole, when it is still in `from` (false: it moved meanwhile). */
export async function saveListing(db: Executor, l: ListingRow, from: ListingStatus): Promise<boolean> {
  const { id: _id, ...rest } = columns(l);
  const r = await db.updateTable('exchange_listing').set(rest).where('id', '=', l.id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findListing(db: Executor, id: string, lock = false): Promise<ListingRow | undefined> {
  let q = db.selectFrom('exchange_listing').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapListing(r) : undefined;
}

export interface ListingFilter {
  sellerOrgId?: string;
  brokerOrgId?: string;
  /** The seller or its broker. */
  partyOrgId?: string;
  assessorOrgId?: string;
  status?: ListingStatus;
  statuses?: ListingStatus[];
  page: number;
  pageSize: number;
}

export async function listListings(db: Executor, f: ListingFilter): Promise<{ items: ListingRow[]; total: number }> {
  let q = db.selectFrom('exchange_listing');
  if (f.sellerOrgId) q = q.where('seller_org_id', '=', f.sellerOrgId);
  if (f.brokerOrgId) q = q.where('broker_org_id', '=', f.brokerOrgId);
  if (f.partyOrgId) q = q.where((e) => e.or([e('seller_org_id', '=', f.partyOrgId!), e('broker_org_id', '=', f.partyOrgId!)]));
  if (f.assessorOrgId) q = q.where('assessor_org_id', '=', f.assessorOrgId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.statuses) q = q.where('status', 'in', f.statuses.length ? f.statuses : ['']);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(mapListing), total };
}

export async function insertAssessment(db: Executor, a: AssessmentRow): Promise<void> {
  await db.insertInto('exchange_assessment').values({
    id: a.id, listing_id: a.listingId, assessor_org_id: a.assessorOrgId, assessor_user: a.assessorUser, checklist: JSON.stringify(a.checklist), passed: a.passed,
    evidence: a.evidence, listing_digest: a.listingDigest, created_at: a.createdAt,
  }).execute();
}

export async function assessmentsOf(db: Executor, listingId: string): Promise<AssessmentRow[]> {
  return (await db.selectFrom('exchange_assessment').selectAll().where('listing_id', '=', listingId).orderBy('created_at').orderBy('id').execute()).map(mapAssessment);
}

export async function findAssessment(db: Executor, id: string): Promise<AssessmentRow | undefined> {
  const r = await db.selectFrom('exchange_assessment').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapAssessment(r) : undefined;
}

/**
 * The market: listed listings whose search terms contain every one of `terms` (words and facet
 * terms), newest first. The matches are counted up to `countUpTo` (`capped` beyond it); the page
 * is chosen on the narrow columns and then read whole.
 */
export async function searchMarket(db: Executor, f: { terms: string[]; sellerOrgId?: string | undefined; page: number; pageSize: number; countUpTo: number }): Promise<{ items: ListingRow[]; total: number; capped: boolean }> {
  const base = (indexed: boolean) => {
    let q = db.selectFrom('exchange_listing').where('status', '=', 'listed');
    // coalesce() hides the containment from the GIN index: a broad search then walks the listings
    // newest first and stops at the page, instead of sorting every match.
    if (f.terms.length) q = q.where(indexed ? sql<boolean>`terms @> ${f.terms}::text[]` : sql<boolean>`coalesce(terms @> ${f.terms}::text[], false)`);
    if (f.sellerOrgId) q = q.where('seller_org_id', '=', f.sellerOrgId);
    return q;
  };
  const counted = Number((await db.selectFrom(base(true).select('id').limit(f.countUpTo + 1).as('m')).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const capped = counted > f.countUpTo;
  const ids = (await base(!capped).select('id').orderBy('listed_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute()).map((r) => r.id as string);
  const rows = ids.length ? (await db.selectFrom('exchange_listing').selectAll().where('id', 'in', ids).execute()).map(mapListing) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((id) => byId.get(id)!).filter(Boolean), total: Math.min(counted, f.countUpTo), capped };
}
