import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { canonicalDigest } from '../../platform/canonical-json.digest.js';
import { ExchangeErrors, stateConflict } from './exchange.errors.js';
import {
  assessmentPassed, CHECKLIST_ITEMS, feeCapProblem, LISTING_TRANSITIONS, listingDigest, MAX_SAMPLE_BYTES, odrlOffer, pricingProblem, prohibitedKinds, queryTerms,
  registrationProblem, listingTerms, facetTerms, type Checklist, type ListingSample, type ListingStatus, type Pricing, type TradeBasis, type UsagePolicy,
} from './listing.rules.js';
import * as repo from './listing.repository.js';
import type { MemberService } from './member.service.js';
import { namesOf, type ExchangeDirectory, oversees } from './organisation.names.js';

/** The registry and authorized operation, as much as listing needs. */
export interface ListingSources {
  /** The asset's registration and standing, or null when there is no such asset. */
  tradeBasis(assetId: string): Promise<(TradeBasis & { title: { zh: string; en: string }; productId: string | null; resourceId?: string | null }) | null>;
  /** The authorized-operation terms of a declared product (its agreement's parties and fee cap), or null when it is not one. */
  publicDataTerms(productId: string): Promise<repo.PublicDataTerms | null>;
}

export interface ListingContent {
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  category: string;
  region: string;
  dataKinds: string[];
  sample: ListingSample;
  deliveryMethods: string[];
  pricing: Pricing;
  policy: UsagePolicy;
}

export interface NewListing extends ListingContent {
  assetId: string;
  /** When a broker lists for its client: the client (the seller), under a mandate for the sell side. */
  sellerOrgId?: string | undefined;
}

export interface ListingQuery {
  box?: 'mine' | 'assess' | 'review' | 'all' | undefined;
  status?: ListingStatus | undefined;
  page: number;
  pageSize: number;
}

export interface MarketQuery {
  q?: string | undefined;
  category?: string | undefined;
  region?: string | undefined;
  delivery?: string | undefined;
  pricing?: string | undefined;
  sellerOrgId?: string | undefined;
  page: number;
  pageSize: number;
}

/** What the seller (or its broker) does to a listing, and what the exchange does. */
export const PARTY_ACTIONS = ['request_assessment', 'submit', 'withdraw', 'delist'] as const;
export type PartyAction = (typeof PARTY_ACTIONS)[number];
export const EXCHANGE_ACTIONS = ['approve', 'reject', 'suspend', 'reinstate', 'delist'] as const;
export type ExchangeAction = (typeof EXCHANGE_ACTIONS)[number];

/** The market counts its matches up to this many (beyond: "1,000+"), so that a broad search stays fast. */
export const MARKET_COUNT_CAP = 1_000;

/** Members that may sell (list) at the exchange. */
const SELLING_KINDS = ['seller', 'data_merchant'] as const;

/**
 * Listing (挂牌): a registered asset offered by its holder or, under a mandate, by its broker.
 * Gates, each refused with a stable code and recorded: no registration, no trade (the asset is
 * registered, in force, undisputed, held by the seller, not core data); the prohibited list; the
 * service-fee cap of public data under authorized operation; not compliant, not listed (a passed
 * compliance assessment by a compliance service provider or the exchange, bound to the content's
 * digest); the exchange's review. Listed listings are the portal's market.
 */
export class ListingService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: ExchangeDirectory,
    private readonly members: MemberService,
    private readonly sources: ListingSources,
  ) {}

  private isParty(l: repo.ListingRow, p: Principal): boolean {
    return l.sellerOrgId === p.orgId || l.brokerOrgId === p.orgId;
  }

  private invalid(reason: string, details: Record<string, unknown> = {}) {
    return new AppError(ExchangeErrors.EXCHANGE_LISTING_INVALID, { reason, ...details }, { reason });
  }

  /** Shape checks that need no database: sample size, pricing, policy, unique lists. */
  private normalise(c: ListingContent): ListingContent {
    const trim = (t: { zh: string; en: string }) => ({ zh: t.zh.trim(), en: t.en.trim() });
    const out: ListingContent = {
      title: trim(c.title), description: trim(c.description), category: c.category, region: c.region, dataKinds: [...new Set(c.dataKinds)].sort(),
      sample: { kind: c.sample.kind, mediaType: c.sample.mediaType, content: c.sample.content }, deliveryMethods: [...new Set(c.deliveryMethods)].sort(), pricing: c.pricing,
      policy: { ...c.policy, purposes: [...new Set(c.policy.purposes.map((p) => p.trim()).filter(Boolean))] },
    };
    if (!out.title.zh || !out.title.en) throw this.invalid('title_required');
    if (Buffer.byteLength(out.sample.content) > MAX_SAMPLE_BYTES) throw this.invalid('sample_too_large', { maxBytes: MAX_SAMPLE_BYTES });
    if (!out.sample.content.trim()) throw this.invalid('sample_required');
    if (out.sample.mediaType === 'application/json') {
      try {
        JSON.parse(out.sample.content);
      } catch {
        throw this.invalid('sample_not_json');
      }
    }
    const p = pricingProblem(out.pricing);
    if (p) throw this.invalid(p);
    if (out.policy.purposes.length === 0) throw this.invalid('purposes_required');
    return out;
  }

  /**
   * The gates every listing passes at each step (creation, edit, submission, approval): the
   * registration, core data, the prohibited list, the fee cap. Returns the public-data terms.
   */
  private async gate(assetId: string, sellerOrgId: string, c: ListingContent) {
    const basis = await this.sources.tradeBasis(assetId);
    const problem = registrationProblem(basis, sellerOrgId);
    if (problem === 'core_data') throw new AppError(ExchangeErrors.EXCHANGE_CORE_DATA, { assetId }, {});
    if (problem) throw new AppError(ExchangeErrors.EXCHANGE_NOT_REGISTERED, { assetId, reason: problem }, { reason: problem });
    const banned = prohibitedKinds(c.dataKinds, this.k.config.exchange.prohibitedDataKinds);
    if (banned.length) throw new AppError(ExchangeErrors.EXCHANGE_PROHIBITED, { kinds: banned }, { kinds: banned.join(', ') });
    const publicData = basis!.productId ? await this.sources.publicDataTerms(basis!.productId) : null;
    const fee = feeCapProblem(c.pricing, publicData?.feeCap ?? null);
    if (fee) throw new AppError(ExchangeErrors.EXCHANGE_FEE_ABOVE_CAP, { ...fee, cap: publicData!.feeCap }, { cap: `${publicData!.feeCap!.amount} ${publicData!.feeCap!.unit}` });
    return { basis: basis!, publicData };
  }

  /** The seller an acting organisation lists for: itself, or its client under a sell mandate (it being a certified broker). */
  private async actingFor(by: Principal, sellerOrgId: string | undefined): Promise<{ sellerOrgId: string; brokerOrgId: string | null; mandateId: string | null }> {
    if (!sellerOrgId || sellerOrgId === by.orgId) {
      await this.members.requireMember(by.orgId, [...SELLING_KINDS]);
      return { sellerOrgId: by.orgId, brokerOrgId: null, mandateId: null };
    }
    await this.members.requireMember(by.orgId, ['broker']);
    const m = await this.members.mandateFor(by.orgId, sellerOrgId, 'sell');
    await this.members.requireMember(sellerOrgId, [...SELLING_KINDS]);
    return { sellerOrgId, brokerOrgId: by.orgId, mandateId: m.id };
  }

  /** A listing draft, through every gate. */
  async create(by: Principal, input: NewListing, requestId?: string) {
    const content = this.normalise(input);
    const who = await this.actingFor(by, input.sellerOrgId);
    const { basis, publicData } = await this.gate(input.assetId, who.sellerOrgId, content);
    const now = this.k.clock.now();
    const l: repo.ListingRow = {
      id: newId('lst'), ...who, assetId: basis.assetId, registrationNumber: basis.registrationNumber!, ...content, publicData, status: 'draft',
      digest: listingDigest({ assetId: basis.assetId, ...content }), assessorOrgId: null, assessmentId: null, exchangeOrgId: null, reason: null, terms: [], createdBy: by.userId ?? null,
      createdAt: now, updatedAt: now, submittedAt: null, listedAt: null, endedAt: null,
    };
    l.terms = this.termsOf(l);
    const names = await namesOf(this.orgs, [l.sellerOrgId, l.brokerOrgId]);
    return this.k.transact(async (tx, emit) => {
      await repo.insertListing(tx, l);
      await emit({
        type: 'exchange.listing.created', subject: { type: 'exchange_listing', id: l.id }, orgId: l.sellerOrgId, actor: serviceActor(by), requestId,
        payload: { sellerOrgId: l.sellerOrgId, brokerOrgId: l.brokerOrgId, mandateId: l.mandateId, assetId: l.assetId, registrationNumber: l.registrationNumber, digest: l.digest, publicData: !!publicData },
      });
      return this.view(l, names, [], by);
    });
  }

  private termsOf(l: Pick<repo.ListingRow, 'title' | 'description' | 'registrationNumber' | 'category' | 'region' | 'deliveryMethods' | 'pricing'>): string[] {
    return listingTerms(l);
  }

  /** A listing row its party may act on (else not found). */
  private async partyRow(id: string, by: Principal): Promise<repo.ListingRow> {
    const l = await repo.findListing(this.k.db, id);
    if (!l || !this.isParty(l, by)) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
    return l;
  }

  private conflict(status: string, action: string) {
    return stateConflict(status, action);
  }

  /** The seller (or its broker) edits a draft; the gates run again. */
  async update(id: string, by: Principal, input: ListingContent, requestId?: string) {
    const l = await this.partyRow(id, by);
    if (l.status !== 'draft') throw this.conflict(l.status, 'update');
    const content = this.normalise(input);
    const { publicData } = await this.gate(l.assetId, l.sellerOrgId, content);
    const next: repo.ListingRow = { ...l, ...content, publicData, digest: listingDigest({ assetId: l.assetId, ...content }), updatedAt: this.k.clock.now() };
    next.terms = this.termsOf(next);
    const names = await namesOf(this.orgs, [l.sellerOrgId, l.brokerOrgId]);
    const assessments = await repo.assessmentsOf(this.k.db, id);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.saveListing(tx, next, 'draft'))) throw this.conflict('changed', 'update');
      await emit({ type: 'exchange.listing.updated', subject: { type: 'exchange_listing', id }, orgId: l.sellerOrgId, actor: serviceActor(by), requestId, payload: { digest: next.digest, previousDigest: l.digest } });
      return this.view(next, names, assessments, by);
    });
  }

  /**
   * Moves a listing along its state machine (not the assessment: `assess`). The seller or its
   * broker asks an assessor, submits (a passed assessment of this very content), withdraws and
   * delists; the exchange approves (the gates again), sends back, suspends, reinstates, delists —
   * with a reason to send back, suspend or delist.
   */
  async act(id: string, action: PartyAction | ExchangeAction, input: { reason?: string | undefined; assessorOrgId?: string | undefined }, by: Principal, requestId?: string) {
    const l = await repo.findListing(this.k.db, id);
    const byExchange = (EXCHANGE_ACTIONS as readonly string[]).includes(action) && !(action === 'delist' && l && this.isParty(l, by));
    if (!l || (byExchange ? !by.orgRoles.includes('exchange') : !this.isParty(l, by))) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
    const rule = LISTING_TRANSITIONS[action];
    if (!rule.from.includes(l.status)) throw this.conflict(l.status, action);
    const why = input.reason?.trim() || null;
    if ((action === 'reject' || action === 'suspend' || (action === 'delist' && byExchange)) && !why) throw this.invalid('reason_required');
    const now = this.k.clock.now();
    const next: repo.ListingRow = { ...l, status: rule.to, reason: why, updatedAt: now };
    if (action === 'request_assessment') {
      const assessor = input.assessorOrgId;
      if (!assessor) throw this.invalid('assessor_required');
      if (assessor === l.sellerOrgId || assessor === l.brokerOrgId) throw this.invalid('assessor_is_a_party');
      const org = await this.orgs.get(assessor).catch(() => null);
      if (!org || org.status !== 'active') throw this.invalid('assessor_unknown');
      if (!org.roles.includes('exchange')) await this.members.requireService(assessor, 'compliance');
      next.assessorOrgId = assessor;
      next.assessmentId = null;
    }
    if (action === 'submit' || action === 'approve') {
      const a = l.assessmentId ? await repo.findAssessment(this.k.db, l.assessmentId) : undefined;
      if (!a || !a.passed || a.listingDigest !== l.digest) throw new AppError(ExchangeErrors.EXCHANGE_ASSESSMENT_REQUIRED);
      await this.gate(l.assetId, l.sellerOrgId, l);
      await this.members.requireMember(l.sellerOrgId, [...SELLING_KINDS]);
      if (l.brokerOrgId) await this.members.mandateFor(l.brokerOrgId, l.sellerOrgId, 'sell');
      if (action === 'submit') next.submittedAt = now;
      else Object.assign(next, { listedAt: now, exchangeOrgId: by.orgId });
    }
    if (action === 'reject') next.assessmentId = null; // sent back: the content may change, so a new assessment is due
    if (action === 'delist' || action === 'withdraw') next.endedAt = now;
    const names = await namesOf(this.orgs, [l.sellerOrgId, l.brokerOrgId, next.assessorOrgId]);
    const assessments = await repo.assessmentsOf(this.k.db, id);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.saveListing(tx, next, l.status))) throw this.conflict('changed', action);
      await emit({
        type: 'exchange.listing.changed', subject: { type: 'exchange_listing', id }, orgId: l.sellerOrgId, actor: serviceActor(by), requestId,
        payload: { action, from: l.status, to: rule.to, reason: why, digest: l.digest, ...(next.assessorOrgId && action === 'request_assessment' ? { assessorOrgId: next.assessorOrgId } : {}) },
      });
      return this.view(next, names, assessments, by);
    });
  }

  /**
   * The assessor named by the seller records its compliance assessment (合规评估): the checklist
   * (source legality, authorizations, personal information, grading, security, scenario), each with
   * a note, and the evidence. It passes only when every item passed; it binds to the content's digest.
   */
  async assess(id: string, by: Principal, input: { checklist: Checklist; evidence: string }, requestId?: string) {
    const l = await repo.findListing(this.k.db, id);
    if (!l || l.assessorOrgId !== by.orgId) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
    if (l.status !== 'assessing') throw this.conflict(l.status, 'assess');
    const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, { passed: input.checklist[k].passed, note: input.checklist[k].note.trim() }])) as Checklist;
    const failedWithoutNote = CHECKLIST_ITEMS.filter((k) => !checklist[k].passed && !checklist[k].note);
    if (failedWithoutNote.length) throw this.invalid('note_required_for_failed_items', { items: failedWithoutNote });
    const evidence = input.evidence.trim();
    if (!evidence) throw this.invalid('evidence_required');
    const passed = assessmentPassed(checklist);
    const now = this.k.clock.now();
    const a: repo.AssessmentRow = { id: newId('cas'), listingId: id, assessorOrgId: by.orgId, assessorUser: by.userId ?? null, checklist, passed, evidence, listingDigest: l.digest, createdAt: now };
    const rule = LISTING_TRANSITIONS[passed ? 'assess_pass' : 'assess_fail'];
    const next: repo.ListingRow = { ...l, status: rule.to, assessmentId: a.id, reason: passed ? null : 'assessment_failed', updatedAt: now };
    const names = await namesOf(this.orgs, [l.sellerOrgId, l.brokerOrgId, l.assessorOrgId]);
    const earlier = await repo.assessmentsOf(this.k.db, id);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.saveListing(tx, next, 'assessing'))) throw this.conflict('changed', 'assess');
      await repo.insertAssessment(tx, a);
      await emit({
        type: 'exchange.listing.assessed', subject: { type: 'exchange_listing', id }, orgId: l.sellerOrgId, actor: serviceActor(by), requestId,
        payload: { assessmentId: a.id, assessorOrgId: a.assessorOrgId, passed, failed: CHECKLIST_ITEMS.filter((k) => !checklist[k].passed), listingDigest: l.digest, checklistDigest: canonicalDigest({ checklist, evidence }) },
      });
      return this.view(next, names, [...earlier, a], by);
    });
  }

  /** A listing as its parties, its assessor, the exchange and the regulator see it (others: not found). */
  async get(id: string, viewer: Principal) {
    const l = await repo.findListing(this.k.db, id);
    if (!l || !(this.isParty(l, viewer) || oversees(viewer) || l.assessorOrgId === viewer.orgId)) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
    const names = await namesOf(this.orgs, [l.sellerOrgId, l.brokerOrgId, l.assessorOrgId]);
    return this.view(l, names, await repo.assessmentsOf(this.k.db, id), viewer);
  }

  /** Listings: mine (as seller or broker), assess (named as assessor), review (submitted; the exchange), all (the exchange, the regulator). */
  async list(viewer: Principal, q: ListingQuery) {
    const box = q.box ?? 'mine';
    let f: repo.ListingFilter;
    if (box === 'mine') f = { partyOrgId: viewer.orgId, status: q.status, page: q.page, pageSize: q.pageSize };
    else if (box === 'assess') f = { assessorOrgId: viewer.orgId, status: q.status, page: q.page, pageSize: q.pageSize };
    else {
      if (!oversees(viewer)) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
      f = { status: box === 'review' ? 'submitted' : q.status, page: q.page, pageSize: q.pageSize };
    }
    const r = await repo.listListings(this.k.db, f);
    const names = await namesOf(this.orgs, r.items.flatMap((l) => [l.sellerOrgId, l.brokerOrgId, l.assessorOrgId]));
    return { items: r.items.map((l) => this.summary(l, names)), total: r.total, page: q.page, pageSize: q.pageSize };
  }

  /** The portal's market: listed listings, searched (every query term must match) and filtered. */
  async market(q: MarketQuery) {
    const terms = [...(q.q ? queryTerms(q.q) : []), ...facetTerms({ category: q.category, region: q.region, deliveryMethods: q.delivery ? [q.delivery] : [], pricingModel: q.pricing })];
    const r = await repo.searchMarket(this.k.db, { terms, sellerOrgId: q.sellerOrgId, page: q.page, pageSize: q.pageSize, countUpTo: MARKET_COUNT_CAP });
    const names = await namesOf(this.orgs, r.items.flatMap((l) => [l.sellerOrgId, l.brokerOrgId]));
    return { items: r.items.map((l) => this.summary(l, names)), total: r.total, capped: r.capped, page: q.page, pageSize: q.pageSize };
  }

  /** A listed listing, public: its offer, sample, policy (with its ODRL form) and the assessment's outcome. */
  async publicListing(id: string) {
    const l = await repo.findListing(this.k.db, id);
    if (!l || l.status !== 'listed') throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
    const names = await namesOf(this.orgs, [l.sellerOrgId, l.brokerOrgId, l.assessorOrgId]);
    const a = l.assessmentId ? await repo.findAssessment(this.k.db, l.assessmentId) : undefined;
    const seller = await this.orgs.get(l.sellerOrgId);
    return {
      ...this.summary(l, names), description: l.description, dataKinds: l.dataKinds, sample: l.sample, policy: l.policy, odrl: odrlOffer(l.id, l.assetId, seller.did, l.policy),
      assessment: a ? { assessorOrgId: a.assessorOrgId, assessorName: names.get(a.assessorOrgId)!, passed: a.passed, at: a.createdAt.toISOString() } : null,
    };
  }

  /** A listing's row, whatever its state (for the contracts made on it). */
  async row(id: string): Promise<repo.ListingRow> {
    const l = await repo.findListing(this.k.db, id);
    if (!l) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
    return l;
  }

  /** The catalog resource a registered asset stands on (API delivery through the gateway), or null (a product, or no such asset). */
  async resourceOf(assetId: string): Promise<string | null> {
    return (await this.sources.tradeBasis(assetId))?.resourceId ?? null;
  }

  /** A listing for trading (negotiation): listed, else EXCHANGE_LISTING_NOT_LISTED. */
  async requireListed(id: string): Promise<repo.ListingRow> {
    const l = await repo.findListing(this.k.db, id);
    if (!l) throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_FOUND);
    if (l.status !== 'listed') throw new AppError(ExchangeErrors.EXCHANGE_LISTING_NOT_LISTED, { status: l.status }, { status: l.status });
    return l;
  }

  private summary(l: repo.ListingRow, names: Map<string, { zh: string; en: string }>) {
    return {
      id: l.id, title: l.title, category: l.category, region: l.region, status: l.status, assetId: l.assetId, registrationNumber: l.registrationNumber,
      seller: { orgId: l.sellerOrgId, name: names.get(l.sellerOrgId)! }, broker: l.brokerOrgId ? { orgId: l.brokerOrgId, name: names.get(l.brokerOrgId)! } : null,
      deliveryMethods: l.deliveryMethods, pricing: l.pricing, publicData: l.publicData ? { agreementId: l.publicData.agreementId, productId: l.publicData.productId, feeCap: l.publicData.feeCap } : null,
      assessorOrgId: l.assessorOrgId, assessorName: l.assessorOrgId ? (names.get(l.assessorOrgId) ?? null) : null,
      updatedAt: l.updatedAt.toISOString(), listedAt: l.listedAt?.toISOString() ?? null,
    };
  }

  private view(l: repo.ListingRow, names: Map<string, { zh: string; en: string }>, assessments: repo.AssessmentRow[], viewer: Principal) {
    const role = this.isParty(l, viewer) ? 'party' : l.assessorOrgId === viewer.orgId ? 'assessor' : viewer.orgRoles.includes('exchange') ? 'exchange' : 'regulator';
    return {
      ...this.summary(l, names), description: l.description, dataKinds: l.dataKinds, sample: l.sample, policy: l.policy, digest: l.digest, reason: l.reason,
      mandateId: l.mandateId, assessmentId: l.assessmentId, createdAt: l.createdAt.toISOString(), submittedAt: l.submittedAt?.toISOString() ?? null, endedAt: l.endedAt?.toISOString() ?? null,
      publicDataTerms: l.publicData,
      assessments: assessments.map((a) => ({
        id: a.id, assessorOrgId: a.assessorOrgId, assessorName: names.get(a.assessorOrgId) ?? { zh: a.assessorOrgId, en: a.assessorOrgId }, checklist: a.checklist, passed: a.passed,
        evidence: a.evidence, listingDigest: a.listingDigest, current: a.listingDigest === l.digest, createdAt: a.createdAt.toISOString(),
      })),
      viewerRole: role,
    };
  }
}
