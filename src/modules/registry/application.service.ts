import { randomBytes, createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { PlatformErrors } from '../../platform/errors.js';
import { isDateText, shanghaiDate, WorkingDayCalendar } from '../../platform/calendar/working-day.calendar.js';
import { canonicalDigest } from '../../platform/canonical-json.digest.js';
import { hasAnyRole, OVERSEER_ROLES, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { CatalogService } from '../catalog/index.js';
import type { AuthorizationService } from '../authorization/index.js';
import type { RelationReason } from '../identity/index.js';
import { RegistryErrors } from './registry.errors.js';
import {
  allowed, BLOCKED_BY_DISPUTE, completenessProblems, decide, drawPanel, effectOf, FILERS, parseComposition, pathOf, RECORD_TYPES, registrationNumber, revisionNumber, subsequentProblems, transferredRights,
  type ApplicationStatus, type ApplicationType, type Licence, type ObjectKind, type Right, type Scenario, type SourceClaim,
} from './application.rules.js';
import * as repo from './application.repository.js';
import type { ReviewerService } from './reviewer.service.js';

export interface Draft {
  type: ApplicationType;
  /** Registrations after the first: the asset (its first registration's id). */
  assetId?: string | null | undefined;
  objectKind?: ObjectKind | undefined;
  title?: { zh: string; en: string } | undefined;
  description?: string | undefined;
  counterpartyOrgId?: string | null | undefined;
  licence?: Licence | null | undefined;
  grounds?: string | null | undefined;
  resourceId?: string | null | undefined;
  productId?: string | null | undefined;
  scenario?: Scenario | null | undefined;
  sources?: SourceClaim[] | undefined;
  rights?: Right[] | undefined;
}

/** identity's services, as much as registration needs. */
export interface RegistryDirectory {
  get(orgId: string): Promise<{ id: string; status: string; roles: string[]; name: { zh: string; en: string } }>;
}
export interface Relations {
  related(a: string, b: string, day: string, sharePercent?: number): Promise<RelationReason[]>;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Data asset registration (数据资产登记, "无场景不登记、无登记不交易"): an applicant registers a data
 * asset — a catalog resource (public data it runs under an agreement, or its own social data) or an
 * operator product — with its scenario, its sources and their legality evidence (checked against
 * the real records), and the three rights. Workflow: draft → submitted (completeness check) → the
 * data bureau draws a compliance committee panel (合规会审) at random — the seed and the eligible
 * reviewers committed to the ledger before the draw, reviewers related to the applicant recused — →
 * each reviewer votes → decided by the configured rule → publicity (公示) for the configured working
 * days, with public objections handled by the bureau → registered with a unique registration
 * number. Every step an evidence event; illegal transitions refused (409).
 */
export class ApplicationService {
  private readonly calendar: WorkingDayCalendar;

  constructor(
    private readonly k: Kernel,
    private readonly orgs: RegistryDirectory,
    private readonly relations: Relations,
    private readonly catalog: CatalogService,
    private readonly authorization: Pick<AuthorizationService, 'agreements' | 'products' | 'consents'>,
    private readonly reviewers: ReviewerService,
  ) {
    this.calendar = new WorkingDayCalendar({ holidays: k.config.calendar.holidays, workdays: k.config.calendar.workdays });
  }

  private overseer(by: Principal | null) {
    return hasAnyRole(by, OVERSEER_ROLES);
  }

  view(a: repo.ApplicationRow, extra: { votes?: repo.VoteRow[]; objections?: repo.ObjectionRow[] } = {}) {
    return {
      id: a.id, type: a.type, objectKind: a.objectKind, applicantOrgId: a.applicantOrgId, title: { zh: a.titleZh, en: a.titleEn }, description: a.description,
      resourceId: a.resourceId, productId: a.productId, scenario: a.scenario, sources: a.sources, rights: a.rights, grading: a.grading, status: a.status,
      committee: a.seed ? { seed: a.seed, seedEventId: a.seedEventId, eligible: a.eligible, recused: a.recused, panel: a.panel } : null,
      decision: a.decision, publicityUntil: iso(a.publicityUntil), registrationNumber: a.registrationNumber, registeredEvent: a.registeredEvent, registrarOrgId: a.decidedByOrgId, reason: a.reason,
      createdAt: a.createdAt.toISOString(), submittedAt: iso(a.submittedAt), decidedAt: iso(a.decidedAt), registeredAt: iso(a.registeredAt), updatedAt: a.updatedAt.toISOString(),
      assetId: a.assetId, basedOn: a.basedOn, counterpartyOrgId: a.counterpartyOrgId, licence: a.licence, grounds: a.grounds,
      path: pathOf(a.type, this.k.config.registry.reviewedTypes),
      // Whom this registration's certificate goes to: the new holder of a transfer, the licensee, otherwise the applicant (the holder).
      certificateHolderOrgId: a.type === 'transfer' || a.type === 'licence' ? a.counterpartyOrgId : a.applicantOrgId,
      asset: a.type === 'first' && a.assetStatus
        ? { status: a.assetStatus, holderOrgId: a.holderOrgId, currentId: a.currentId, revision: a.revision, disputeUntil: a.disputeUntil && a.disputeUntil > this.k.clock.now() ? a.disputeUntil.toISOString() : null }
        : null,
      ...(extra.votes ? { votes: extra.votes.map((v) => ({ reviewerId: v.reviewerId, vote: v.vote, opinion: v.opinion, votedAt: v.votedAt.toISOString() })) } : {}),
      ...(extra.objections ? { objections: extra.objections.map((o) => ({ id: o.id, orgId: o.orgId, reason: o.reason, status: o.status, resolution: o.resolution, createdAt: o.createdAt.toISOString(), resolvedAt: iso(o.resolvedAt) })) } : {}),
    };
  }

  /** The applicant, the overseers, and (for applications in review) the panel's reviewers may see one. */
  private async row(id: string, by: Principal | null): Promise<repo.ApplicationRow> {
    const a = await repo.findApplication(this.k.db, id);
    if (!a) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    if (!by || by.orgId === a.applicantOrgId || by.orgId === a.counterpartyOrgId || by.orgId === a.holderOrgId || this.overseer(by)) return a;
    if (a.assetId !== a.id) {
      // A registration about an asset: its current holder sees it too (e.g. a revocation or objection).
      const asset = await repo.findApplication(this.k.db, a.assetId);
      if (asset && asset.holderOrgId === by.orgId) return a;
    }
    if (by.userId && a.panel) {
      const me = await this.reviewers.byUser(by.userId);
      if (me && a.panel.some((p) => p.reviewerId === me.id)) return a;
    }
    throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
  }

  /** The application locked in the caller's transaction (its permission was checked before). */
  private async locked(tx: Parameters<Parameters<Kernel['transact']>[0]>[0], id: string): Promise<repo.ApplicationRow> {
    const a = await repo.findApplication(tx, id, true);
    if (!a) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    return a;
  }

  async get(id: string, by: Principal | null) {
    const a = await this.row(id, by);
    const [votes, objections] = await Promise.all([repo.votesOf(this.k.db, id), repo.objectionsOf(this.k.db, id)]);
    // The caller as a panel member: which reviewer it is, and whether it has voted.
    const me = by?.userId ? await this.reviewers.byUser(by.userId) : undefined;
    const onPanel = !!me && !!a.panel?.some((p) => p.reviewerId === me.id);
    return { ...this.view(a, { votes, objections }), viewer: { reviewerId: onPanel ? me!.id : null, voted: onPanel && votes.some((v) => v.reviewerId === me!.id) } };
  }

  async list(by: Principal, q: { box?: 'mine' | 'assets' | 'review' | 'all' | undefined; status?: ApplicationStatus | undefined; type?: ApplicationType | undefined; assetId?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
    const box = q.box ?? 'mine';
    let scope: Partial<repo.ApplicationQuery> = { applicantOrgId: by.orgId };
    // The registered assets the caller's organisation holds now (after transfers too).
    if (box === 'assets') scope = { holderOrgId: by.orgId, status: 'registered' };
    if (box === 'review') {
      const me = by.userId ? await this.reviewers.byUser(by.userId) : undefined;
      if (!me) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      scope = { reviewerId: me.id };
    }
    if (box === 'all') {
      if (!this.overseer(by)) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { roles: OVERSEER_ROLES }, { roles: OVERSEER_ROLES.join(', ') });
      scope = {};
    }
    const page = await repo.listApplications(this.k.db, { status: q.status, ...scope, type: q.type, q: q.q, page: q.page, pageSize: q.pageSize });
    return { items: page.items.map((a) => this.view(a)), total: page.total, page: q.page, pageSize: q.pageSize };
  }

  /** One entry of the public register (registered or in publicity), public fields only — what an objector reads. */
  async publicEntry(id: string) {
    const a = await repo.findApplication(this.k.db, id);
    if (!a || (a.status !== 'registered' && a.status !== 'publicity')) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    const entry = (await this.publicEntries([a]))[0]!;
    // The asset's history: its registrations, in order (public fields).
    const history = (await repo.applicationsOfAsset(this.k.db, a.assetId)).filter((x) => x.status === 'registered' || x.status === 'publicity').map((x) => ({
      id: x.id, type: x.type, status: x.status, registrationNumber: x.registrationNumber, counterpartyOrgId: x.counterpartyOrgId, registeredAt: iso(x.registeredAt), publicityUntil: iso(x.publicityUntil),
    }));
    return { ...entry, history };
  }

  /**
   * What the exchange needs to list an asset (无登记不交易): the asset's first registration and
   * standing (registered, in force, objection running, holder) with its current record's title,
   * grading and product; null when there is no such asset.
   */
  async tradeBasis(assetId: string) {
    const a = await repo.findApplication(this.k.db, assetId);
    if (!a || a.type !== 'first' || a.assetId !== a.id) return null;
    const r = a.currentId && a.currentId !== a.id ? ((await repo.findApplication(this.k.db, a.currentId)) ?? a) : a;
    return {
      assetId: a.id, registrationNumber: a.registrationNumber, status: a.status, assetStatus: a.assetStatus, holderOrgId: a.holderOrgId,
      disputed: !!a.disputeUntil && a.disputeUntil > this.k.clock.now(), title: { zh: r.titleZh, en: r.titleEn }, objectKind: r.objectKind,
      gradingLevel: r.grading?.level ?? null, productId: r.productId, resourceId: r.resourceId,
    };
  }

  /** The registered assets, public fields only (the public register on the portal). */
  async publicRegister(q: { q?: string | undefined; status?: 'registered' | 'publicity' | undefined; holderOrgId?: string | undefined; page: number; pageSize: number }) {
    const status = q.status ?? 'registered';
    // Registered: the assets (first registrations, showing their current record); in publicity: every application open to objections.
    const page = await repo.listApplications(this.k.db, { status, firstOnly: status === 'registered', q: q.q, holderOrgId: q.holderOrgId, page: q.page, pageSize: q.pageSize });
    return { items: await this.publicEntries(page.items), total: page.total, page: q.page, pageSize: q.pageSize };
  }

  private async publicEntries(rows: repo.ApplicationRow[]) {
    const names = new Map<string, { zh: string; en: string }>();
    const nameOf = async (id: string) => {
      if (!names.has(id)) names.set(id, (await this.orgs.get(id).catch(() => null))?.name ?? { zh: id, en: id });
      return names.get(id)!;
    };
    const items = [];
    const now = this.k.clock.now();
    for (const a of rows) {
      // An asset shows its current record (after changes, transfers and corrections).
      const r = a.currentId && a.currentId !== a.id ? ((await repo.findApplication(this.k.db, a.currentId)) ?? a) : a;
      items.push({
        id: a.id, registrationNumber: a.registrationNumber, title: { zh: r.titleZh, en: r.titleEn }, objectKind: r.objectKind, type: a.type, status: a.status,
        applicant: { orgId: a.applicantOrgId, name: await nameOf(a.applicantOrgId) }, scenario: r.scenario ? { users: r.scenario.users, purpose: r.scenario.purpose } : null,
        rights: await Promise.all(r.rights.map(async (x) => ({ kind: x.kind, holder: { orgId: x.holderOrgId, name: await nameOf(x.holderOrgId) }, termFrom: x.termFrom, termTo: x.termTo }))),
        grading: r.grading ? { level: r.grading.level } : null, publicityUntil: iso(a.publicityUntil), registeredAt: iso(a.registeredAt),
        assetId: a.assetId, holder: a.holderOrgId ? { orgId: a.holderOrgId, name: await nameOf(a.holderOrgId) } : null, assetStatus: a.assetStatus,
        disputed: !!a.disputeUntil && a.disputeUntil > now, revision: a.revision,
      });
    }
    return items;
  }

  // ---- drafting ----

  private checkShape(d: Partial<Draft>) {
    const bad = (reason: string) => new AppError(RegistryErrors.REGISTRY_APPLICATION_INVALID, { reason }, { reason });
    if (d.resourceId && d.productId) throw bad('resource_or_product');
    for (const r of d.rights ?? []) {
      if (!isDateText(r.termFrom) || (r.termTo !== null && !isDateText(r.termTo))) throw bad(`right_term:${r.kind}`);
    }
    if (d.licence && (!isDateText(d.licence.termFrom) || (d.licence.termTo !== null && !isDateText(d.licence.termTo)))) throw bad('licence_term');
  }

  private invalid(reason: string) {
    return new AppError(RegistryErrors.REGISTRY_APPLICATION_INVALID, { reason }, { reason });
  }

  /** The asset (a registered first registration) a later registration is about, in force. */
  private async activeAsset(assetId: string, db: Parameters<typeof repo.findApplication>[0] = this.k.db, forUpdate = false): Promise<repo.ApplicationRow> {
    const asset = await repo.findApplication(db, assetId, forUpdate);
    if (!asset || asset.type !== 'first') throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    if (asset.status !== 'registered' || asset.assetStatus !== 'active') {
      const status = asset.assetStatus ?? asset.status;
      throw new AppError(RegistryErrors.REGISTRY_ASSET_NOT_ACTIVE, { status }, { status });
    }
    return asset;
  }

  private notDisputed(type: ApplicationType, asset: repo.ApplicationRow) {
    if (BLOCKED_BY_DISPUTE.includes(type) && asset.disputeUntil && asset.disputeUntil > this.k.clock.now()) {
      throw new AppError(RegistryErrors.REGISTRY_ASSET_DISPUTED, { until: asset.disputeUntil.toISOString() }, { until: asset.disputeUntil.toISOString() });
    }
  }

  /** Who may file a registration of this type on this asset (FILERS): the holder, the registrar, or anyone else. */
  private mayFile(type: ApplicationType, asset: repo.ApplicationRow, applicantOrgId: string, by: Principal | null) {
    const filer = FILERS[type];
    if (filer === 'holder' && applicantOrgId !== asset.holderOrgId) throw new AppError(RegistryErrors.REGISTRY_NOT_HOLDER);
    if (filer === 'registrar' && by && !by.orgRoles.includes('data_bureau')) throw new AppError(RegistryErrors.REGISTRY_NOT_HOLDER);
    if (filer === 'third_party' && applicantOrgId === asset.holderOrgId) throw new AppError(RegistryErrors.REGISTRY_NOT_HOLDER);
  }

  /**
   * Starts an application (a draft). A first registration carries its own record; one after the first
   * names the asset and starts from its current record — a change or correction edits it, a transfer
   * passes the holder's rights to the new holder, a licence adds the licensee's terms, the others carry
   * their grounds.
   */
  async create(applicantOrgId: string, d: Draft, by: Principal | null, requestId?: string) {
    this.checkShape(d);
    const now = this.k.clock.now();
    const id = newId('rga');
    const blank = {
      status: 'draft' as const, seed: null, seedEventId: null, eligible: null, recused: null, panel: null, decision: null, decidedByOrgId: null, publicityUntil: null,
      registrationNumber: null, registeredEvent: null, reason: null, createdAt: now, submittedAt: null, decidedAt: null, registeredAt: null, updatedAt: now,
      assetStatus: null, holderOrgId: null, currentId: null, revision: 0, disputeUntil: null,
      licence: d.licence ? { ...d.licence, scope: d.licence.scope.trim() } : null, grounds: d.grounds?.trim() || null,
    };
    let a: repo.ApplicationRow;
    if (d.type === 'first') {
      if (d.assetId) throw this.invalid('first_has_no_asset');
      if (!d.objectKind || !d.title || d.description === undefined) throw this.invalid('record_missing');
      a = {
        ...blank, id, type: d.type, objectKind: d.objectKind, applicantOrgId, titleZh: d.title.zh.trim(), titleEn: d.title.en.trim(), description: d.description.trim(),
        resourceId: d.resourceId ?? null, productId: d.productId ?? null, scenario: d.scenario ?? null, sources: d.sources ?? [], rights: d.rights ?? [], grading: null,
        assetId: id, basedOn: null, counterpartyOrgId: null,
      };
    } else {
      if (!d.assetId) throw this.invalid('asset_missing');
      const asset = await this.activeAsset(d.assetId);
      this.mayFile(d.type, asset, applicantOrgId, by);
      this.notDisputed(d.type, asset);
      const cur = asset.currentId && asset.currentId !== asset.id ? ((await repo.findApplication(this.k.db, asset.currentId)) ?? asset) : asset;
      const edits = d.type === 'change' || d.type === 'correction';
      const counterpartyOrgId = d.type === 'transfer' || d.type === 'licence' ? d.counterpartyOrgId ?? null : null;
      a = {
        ...blank, id, type: d.type, applicantOrgId, assetId: asset.id, basedOn: cur.id, counterpartyOrgId,
        objectKind: (edits && d.objectKind) || cur.objectKind, titleZh: edits && d.title ? d.title.zh.trim() : cur.titleZh, titleEn: edits && d.title ? d.title.en.trim() : cur.titleEn,
        description: edits && d.description !== undefined ? d.description.trim() : cur.description,
        resourceId: edits && d.resourceId !== undefined ? d.resourceId : cur.resourceId, productId: edits && d.productId !== undefined ? d.productId : cur.productId,
        scenario: edits && d.scenario !== undefined ? d.scenario : cur.scenario, sources: edits && d.sources !== undefined ? d.sources : cur.sources,
        rights: edits && d.rights !== undefined ? d.rights : d.type === 'transfer' && counterpartyOrgId ? transferredRights(cur.rights, asset.holderOrgId!, counterpartyOrgId) : cur.rights,
        grading: cur.grading,
      };
      if (edits) this.checkShape({ resourceId: a.resourceId, productId: a.productId });
    }
    return this.k.transact(async (tx, emit) => {
      await repo.insertApplication(tx, a);
      await emit({
        type: 'registry.application.created', subject: { type: 'registry_application', id: a.id }, orgId: applicantOrgId, actor: serviceActor(by), requestId,
        payload: { type: a.type, objectKind: a.objectKind, resourceId: a.resourceId, productId: a.productId, assetId: a.assetId, basedOn: a.basedOn, counterpartyOrgId: a.counterpartyOrgId },
      });
      return this.view(a);
    });
  }

  async update(id: string, d: Partial<Draft>, by: Principal | null, requestId?: string) {
    const a = await this.row(id, by);
    if (by && by.orgId !== a.applicantOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (!allowed(a.status, 'update')) throw this.conflict(a, 'update');
    this.checkShape({ ...d, ...(d.resourceId === undefined && d.productId === undefined ? { resourceId: a.resourceId, productId: a.productId } : {}) });
    // The record is edited on a first registration, a change or a correction; a transfer edits its new holder (the rights follow), a licence its terms.
    const record = a.type === 'first' || a.type === 'change' || a.type === 'correction';
    const recordFields = ['objectKind', 'title', 'description', 'resourceId', 'productId', 'scenario', 'sources', 'rights'] as const;
    if (!record && recordFields.some((f) => d[f] !== undefined)) throw this.invalid(`record_fixed:${a.type}`);
    if (d.counterpartyOrgId !== undefined && a.type !== 'transfer' && a.type !== 'licence') throw this.invalid(`no_counterparty:${a.type}`);
    if (d.licence !== undefined && a.type !== 'licence') throw this.invalid(`no_licence:${a.type}`);
    Object.assign(a, {
      ...(d.objectKind ? { objectKind: d.objectKind } : {}), ...(d.title ? { titleZh: d.title.zh.trim(), titleEn: d.title.en.trim() } : {}),
      ...(d.description !== undefined ? { description: d.description.trim() } : {}), ...(d.resourceId !== undefined ? { resourceId: d.resourceId } : {}),
      ...(d.productId !== undefined ? { productId: d.productId } : {}), ...(d.scenario !== undefined ? { scenario: d.scenario } : {}),
      ...(d.sources !== undefined ? { sources: d.sources } : {}), ...(d.rights !== undefined ? { rights: d.rights } : {}),
      ...(d.licence !== undefined ? { licence: d.licence ? { ...d.licence, scope: d.licence.scope.trim() } : null } : {}), ...(d.grounds !== undefined ? { grounds: d.grounds?.trim() || null } : {}),
      updatedAt: this.k.clock.now(),
    });
    if (a.type === 'transfer' && d.counterpartyOrgId !== undefined) {
      const asset = await repo.findApplication(this.k.db, a.assetId);
      const base = a.basedOn ? await repo.findApplication(this.k.db, a.basedOn) : undefined;
      a.counterpartyOrgId = d.counterpartyOrgId;
      if (asset?.holderOrgId && base) a.rights = d.counterpartyOrgId ? transferredRights(base.rights, asset.holderOrgId, d.counterpartyOrgId) : base.rights;
    } else if (d.counterpartyOrgId !== undefined) a.counterpartyOrgId = d.counterpartyOrgId;
    return this.k.transact(async (tx, emit) => {
      await repo.saveApplication(tx, a);
      await emit({ type: 'registry.application.updated', subject: { type: 'registry_application', id }, orgId: a.applicantOrgId, actor: serviceActor(by), requestId, payload: { fields: Object.keys(d) } });
      return this.view(a);
    });
  }

  /**
   * The completeness and legality check: scenario, subject, sources and rights present; the subject
   * the applicant's to register (own resource, a resource under its active agreement, or its product);
   * each source backed by a real record (its own resource, its active agreement, an approved
   * authorization it requested, a counterparty that exists); no core data (核心数据 is refused).
   */
  private async problems(a: repo.ApplicationRow, known?: { sources: SourceClaim[]; resourceId: string | null; productId: string | null }): Promise<{ problems: string[]; grading: repo.ApplicationRow['grading'] }> {
    // A later registration keeps what was verified at the first: the subject (when unchanged) and the sources it already had are not checked again against the applicant.
    const sameSubject = !!known && known.resourceId === a.resourceId && known.productId === a.productId;
    const verified = new Set((known?.sources ?? []).map((x) => JSON.stringify([x.kind, x.ref, x.counterpartyOrgId ?? null])));
    const problems = completenessProblems({ scenario: a.scenario, sources: a.sources, rights: a.rights, subject: { resourceId: a.resourceId, productId: a.productId } });
    let grading: repo.ApplicationRow['grading'] = null;
    const resourceIds: string[] = [];
    if (a.resourceId) resourceIds.push(a.resourceId);
    if (a.productId) {
      const p = await this.authorization.products.get(a.productId, null).catch(() => null);
      if (!p || (!sameSubject && p.operatorOrgId !== a.applicantOrgId) || p.status === 'withdrawn') problems.push('subject_product_not_yours');
      else resourceIds.push(...p.resourceIds);
    }
    const order = ['general', 'important', 'core'];
    for (const rid of resourceIds) {
      const src = await this.catalog.mounts.source(rid);
      if (!src) { problems.push(`subject_resource_unknown:${rid}`); continue; }
      const levels = [src.level, ...src.fields.map((f) => f.level)].filter((l): l is NonNullable<typeof l> => !!l);
      const top = levels.sort((x, y) => order.indexOf(y) - order.indexOf(x))[0] ?? 'general';
      if (!grading || order.indexOf(top) > order.indexOf(grading.level)) grading = { level: top, generalLevel: null };
      if (a.resourceId === rid && src.ownerOrgId !== a.applicantOrgId && !sameSubject) {
        // Public data registered by an operator: only under its active agreement covering the resource.
        const covered = await this.agreementCovers(a, rid);
        if (!covered) problems.push('subject_resource_not_yours');
      }
    }
    if (grading?.level === 'core') problems.push('core_data'); // 核心数据不予登记
    for (const s of a.sources) {
      if (verified.has(JSON.stringify([s.kind, s.ref, s.counterpartyOrgId ?? null]))) continue;
      if (s.kind === 'own_collection') {
        const src = await this.catalog.mounts.source(s.ref);
        if (!src || src.ownerOrgId !== a.applicantOrgId) problems.push(`source_unverified:${s.ref}`);
      } else if (s.kind === 'authorized_operation') {
        const ag = await this.authorization.agreements.get(s.ref, null).catch(() => null);
        if (!ag || ag.operatorOrgId !== a.applicantOrgId || ag.status !== 'active') problems.push(`source_unverified:${s.ref}`);
      } else if (s.kind === 'data_subject_authorization') {
        const c = await this.authorization.consents.get(s.ref, null).catch(() => null);
        if (!c || c.requesterOrgId !== a.applicantOrgId || c.status !== 'approved') problems.push(`source_unverified:${s.ref}`);
      } else if (s.kind === 'purchase_contract') {
        const counterparty = s.counterpartyOrgId ? await this.orgs.get(s.counterpartyOrgId).catch(() => null) : null;
        if (!/^sha256:[0-9a-f]{64}$/.test(s.ref) || !counterparty) problems.push(`source_unverified:${s.ref}`);
      }
    }
    for (const r of a.rights) {
      const holder = await this.orgs.get(r.holderOrgId).catch(() => null);
      if (!holder) problems.push(`right_holder_unknown:${r.kind}`);
    }
    return { problems: [...new Set(problems)], grading };
  }

  /**
   * The check of a registration after the first: the asset still in force, not disputed (for the types
   * a dispute blocks), its record unchanged since the application started (a stale base is refused);
   * the type's own content (subsequentProblems); the counterparty a live organisation; and for the record
   * types the resulting record's completeness and legality (what is new in it checked against the records).
   */
  private async laterProblems(a: repo.ApplicationRow): Promise<{ problems: string[]; grading: repo.ApplicationRow['grading'] }> {
    const asset = await this.activeAsset(a.assetId);
    this.notDisputed(a.type, asset);
    if (a.basedOn && asset.currentId !== a.basedOn && (RECORD_TYPES.includes(a.type) || a.type === 'licence')) throw new AppError(RegistryErrors.REGISTRY_ASSET_STALE);
    const current = asset.currentId && asset.currentId !== asset.id ? ((await repo.findApplication(this.k.db, asset.currentId)) ?? asset) : asset;
    const problems = subsequentProblems(a.type, a, { holderOrgId: asset.holderOrgId!, current });
    if (a.counterpartyOrgId) {
      const o = await this.orgs.get(a.counterpartyOrgId).catch(() => null);
      if (!o || o.status !== 'active') problems.push('counterparty_unknown');
    }
    let grading = a.grading;
    if (RECORD_TYPES.includes(a.type)) {
      const r = await this.problems(a, { sources: current.sources, resourceId: current.resourceId, productId: current.productId });
      problems.push(...r.problems);
      grading = r.grading;
    }
    return { problems: [...new Set(problems)], grading };
  }

  private async agreementCovers(a: repo.ApplicationRow, resourceId: string): Promise<boolean> {
    for (const s of a.sources.filter((x) => x.kind === 'authorized_operation')) {
      const ag = await this.authorization.agreements.get(s.ref, null).catch(() => null);
      if (ag && ag.operatorOrgId === a.applicantOrgId && ag.status === 'active' && ag.scope.some((x) => x.resourceId === resourceId)) return true;
    }
    return false;
  }

  /** The applicant submits: the completeness check runs; an incomplete or unlawful draft stays a draft (409 with the problems). */
  async submit(id: string, by: Principal | null, requestId?: string) {
    const a = await this.row(id, by);
    if (by && by.orgId !== a.applicantOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (!allowed(a.status, 'submit')) throw this.conflict(a, 'submit');
    const { problems, grading } = a.type === 'first' ? await this.problems(a) : await this.laterProblems(a);
    if (problems.includes('core_data')) throw new AppError(RegistryErrors.REGISTRY_CORE_DATA);
    if (problems.length) throw new AppError(RegistryErrors.REGISTRY_INCOMPLETE, { problems }, { problems: problems.join(', ') });
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      const cur = await this.locked(tx, id);
      if (!allowed(cur.status, 'submit')) throw this.conflict(cur, 'submit');
      Object.assign(cur, { status: 'submitted', grading, submittedAt: now, updatedAt: now });
      await repo.saveApplication(tx, cur);
      await emit({
        type: 'registry.application.submitted', subject: { type: 'registry_application', id }, orgId: cur.applicantOrgId, actor: serviceActor(by), requestId,
        payload: { completeness: 'passed', grading, sources: cur.sources.map((s) => ({ kind: s.kind, ref: s.ref })), rights: cur.rights.map((r) => ({ kind: r.kind, holderOrgId: r.holderOrgId })), scenario: cur.scenario },
      });
      return this.view(cur);
    });
  }

  async withdraw(id: string, by: Principal | null, requestId?: string) {
    const a = await this.row(id, by);
    if (by && by.orgId !== a.applicantOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    return this.move(a, 'withdraw', 'withdrawn', by, requestId, 'registry.application.withdrawn', {});
  }

  private conflict(a: repo.ApplicationRow, action: string) {
    return new AppError(RegistryErrors.REGISTRY_STATE_CONFLICT, { status: a.status, action }, { status: a.status, action });
  }

  private async move(a: repo.ApplicationRow, action: string, to: ApplicationStatus, by: Principal | null, requestId: string | undefined, event: 'registry.application.withdrawn', payload: Record<string, never>) {
    if (!allowed(a.status, action)) throw this.conflict(a, action);
    return this.k.transact(async (tx, emit) => {
      const cur = await this.locked(tx, a.id);
      if (!allowed(cur.status, action)) throw this.conflict(cur, action);
      Object.assign(cur, { status: to, updatedAt: this.k.clock.now() });
      await repo.saveApplication(tx, cur);
      await emit({ type: event, subject: { type: 'registry_application', id: a.id }, orgId: cur.applicantOrgId, actor: serviceActor(by), requestId, payload });
      return this.view(cur);
    });
  }

  // ---- the compliance committee (合规会审) ----

  /**
   * The data bureau draws the panel. First the seed (32 random bytes), the eligible reviewers (the
   * active pool minus those related to the applicant: same organisation, parent or subsidiary,
   * shareholder ≥ the configured percent, counterparty in the last 12 months — identity's recorded
   * relationships) and the composition are committed in their own transaction (an evidence event);
   * only then is the panel drawn from them (drawPanel: sha256 of seed, expertise and position), so
   * anyone can reproduce it from the ledger.
   */
  async draw(id: string, by: Principal, requestId?: string) {
    if (!by.orgRoles.includes('data_bureau')) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { roles: ['data_bureau'] }, { roles: 'data_bureau' });
    let a = await this.row(id, by);
    if (!allowed(a.status, 'draw') || pathOf(a.type, this.k.config.registry.reviewedTypes) !== 'committee') throw this.conflict(a, 'draw');
    const composition = parseComposition(this.k.config.registry.panel);
    if (a.status === 'submitted') {
      const day = shanghaiDate(this.k.clock.now());
      const eligible: Array<{ id: string; expertise: string[] }> = [];
      const recused: Array<{ reviewerId: string; reasons: string[] }> = [];
      for (const r of await this.reviewers.active()) {
        const reasons = await this.relations.related(r.orgId, a.applicantOrgId, day, this.k.config.registry.relatedSharePercent);
        if (reasons.length) recused.push({ reviewerId: r.id, reasons });
        else eligible.push({ id: r.id, expertise: r.expertise });
      }
      if (!drawPanel('0'.repeat(64), composition, eligible)) throw new AppError(RegistryErrors.REGISTRY_POOL_INSUFFICIENT, { composition: this.k.config.registry.panel }, { composition: this.k.config.registry.panel.join(', ') });
      const seed = randomBytes(32).toString('hex');
      a = await this.k.transact(async (tx, emit) => {
        const cur = await this.locked(tx, id);
        if (cur.status !== 'submitted') throw this.conflict(cur, 'draw');
        const payload = { seed, composition: this.k.config.registry.panel, eligible, recused, poolDigest: canonicalDigest(eligible) };
        const eventId = await emit({ type: 'registry.review.seed_committed', subject: { type: 'registry_application', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload });
        Object.assign(cur, { status: 'drawing', seed, seedEventId: eventId, eligible, recused, decidedByOrgId: by.orgId, updatedAt: this.k.clock.now() });
        await repo.saveApplication(tx, cur);
        return cur;
      });
    }
    // The draw itself, from what was committed (also resumes a draw interrupted after the seed).
    const panel = drawPanel(a.seed!, composition, a.eligible!);
    if (!panel) throw new AppError(RegistryErrors.REGISTRY_POOL_INSUFFICIENT, { composition: this.k.config.registry.panel }, { composition: this.k.config.registry.panel.join(', ') });
    return this.k.transact(async (tx, emit) => {
      const cur = await this.locked(tx, id);
      if (cur.status !== 'drawing') throw this.conflict(cur, 'draw');
      Object.assign(cur, { status: 'in_review', panel, updatedAt: this.k.clock.now() });
      await repo.saveApplication(tx, cur);
      await emit({ type: 'registry.review.panel_drawn', subject: { type: 'registry_application', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { seedEventId: cur.seedEventId!, panel } });
      return this.view(cur);
    });
  }

  /**
   * A panel member votes (once) with an opinion. When the last vote is in, the committee decides
   * (config registry.approvalRatio, registry.securityVeto): approved → publicity for the configured
   * working days; rejected → rejected.
   */
  async vote(id: string, input: { vote: 'approve' | 'reject'; opinion: string }, by: Principal, requestId?: string) {
    const me = by.userId ? await this.reviewers.byUser(by.userId) : undefined;
    const a = await repo.findApplication(this.k.db, id);
    if (!a) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    if (!me || !a.panel?.some((p) => p.reviewerId === me.id)) {
      // Not on this panel — e.g. a recused reviewer: refused, nothing recorded.
      throw new AppError(RegistryErrors.REGISTRY_NOT_ON_PANEL);
    }
    if (!allowed(a.status, 'vote')) throw this.conflict(a, 'vote');
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      const cur = await this.locked(tx, id);
      if (!allowed(cur.status, 'vote')) throw this.conflict(cur, 'vote');
      if (!(await repo.insertVote(tx, { applicationId: id, reviewerId: me.id, vote: input.vote, opinion: input.opinion.trim(), votedAt: now }))) throw new AppError(RegistryErrors.REGISTRY_ALREADY_VOTED);
      await emit({ type: 'registry.review.voted', subject: { type: 'registry_application', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { reviewerId: me.id, vote: input.vote, opinionDigest: `sha256:${createHash('sha256').update(input.opinion.trim()).digest('hex')}` } });
      const votes = await repo.votesOf(tx, id);
      const decision = decide(cur.panel!, votes, { ratio: this.k.config.registry.approvalRatio, securityVeto: this.k.config.registry.securityVeto });
      if (decision) {
        const publicityUntil = decision.outcome === 'approved' ? this.calendar.deadline(now, this.k.config.registry.publicityWorkingDays) : null;
        Object.assign(cur, { status: decision.outcome === 'approved' ? 'publicity' : 'rejected', decision, decidedAt: now, publicityUntil, updatedAt: now });
        await repo.saveApplication(tx, cur);
        await emit({ type: 'registry.review.decided', subject: { type: 'registry_application', id }, orgId: cur.applicantOrgId, actor: { kind: 'system' }, requestId, payload: { ...decision, publicityUntil: iso(publicityUntil) } });
      }
      return this.view(cur, { votes });
    });
  }

  // ---- publicity (公示) and objections ----

  /** Anyone signed in may object during publicity (异议), with a reason. */
  async object(id: string, reason: string, by: Principal, requestId?: string) {
    const a = await repo.findApplication(this.k.db, id);
    if (!a || (a.status !== 'publicity' && a.status !== 'registered')) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    if (!allowed(a.status, 'object')) throw this.conflict(a, 'object');
    const o: repo.ObjectionRow = { id: newId('rgo'), applicationId: id, orgId: by.orgId, reason: reason.trim(), status: 'open', resolution: null, createdAt: this.k.clock.now(), resolvedAt: null };
    return this.k.transact(async (tx, emit) => {
      await repo.insertObjection(tx, o);
      await emit({ type: 'registry.objection.filed', subject: { type: 'registry_application', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { objectionId: o.id, reason: o.reason } });
      return { id: o.id, orgId: o.orgId, reason: o.reason, status: o.status, resolution: null, createdAt: o.createdAt.toISOString(), resolvedAt: null };
    });
  }

  /** The data bureau handles an objection: upheld ends the application (rejected); dismissed lets publicity run on. */
  async resolve(id: string, objectionId: string, input: { outcome: 'upheld' | 'dismissed'; resolution: string }, by: Principal, requestId?: string) {
    if (!by.orgRoles.includes('data_bureau')) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { roles: ['data_bureau'] }, { roles: 'data_bureau' });
    const a = await this.row(id, by);
    if (!allowed(a.status, 'resolve')) throw this.conflict(a, 'resolve');
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      const cur = await this.locked(tx, id);
      if (!allowed(cur.status, 'resolve')) throw this.conflict(cur, 'resolve');
      if (!(await repo.resolveObjection(tx, objectionId, input.outcome, input.resolution.trim(), now))) throw new AppError(RegistryErrors.REGISTRY_OBJECTION_NOT_OPEN);
      await emit({ type: 'registry.objection.resolved', subject: { type: 'registry_application', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { objectionId, outcome: input.outcome, resolution: input.resolution.trim() } });
      if (input.outcome === 'upheld') {
        Object.assign(cur, { status: 'rejected', reason: input.resolution.trim(), updatedAt: now });
        await repo.saveApplication(tx, cur);
        await emit({ type: 'registry.application.rejected', subject: { type: 'registry_application', id }, orgId: cur.applicantOrgId, actor: serviceActor(by), requestId, payload: { reason: input.resolution.trim(), cause: 'objection_upheld' } });
      }
      return this.view(cur, { objections: await repo.objectionsOf(tx, id) });
    });
  }

  /**
   * Registers an application whose publicity is over with no objection open: a unique number from
   * the configured format and the year's sequence. The data bureau (or the sweep) does it.
   */
  async register(id: string, by: Principal | null, requestId?: string) {
    if (by && !by.orgRoles.includes('data_bureau')) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { roles: ['data_bureau'] }, { roles: 'data_bureau' });
    const a = await this.row(id, by);
    if (!allowed(a.status, 'register')) throw this.conflict(a, 'register');
    const now = this.k.clock.now();
    if (a.publicityUntil && now < a.publicityUntil) throw new AppError(RegistryErrors.REGISTRY_PUBLICITY_RUNNING, { until: a.publicityUntil.toISOString() }, { until: a.publicityUntil.toISOString() });
    if ((await repo.objectionsOf(this.k.db, id)).some((o) => o.status === 'open')) throw new AppError(RegistryErrors.REGISTRY_OBJECTION_OPEN);
    return this.k.transact(async (tx, emit) => {
      const cur = await this.locked(tx, id);
      if (!allowed(cur.status, 'register')) throw this.conflict(cur, 'register');
      if ((await repo.objectionsOf(tx, id)).some((o) => o.status === 'open')) throw new AppError(RegistryErrors.REGISTRY_OBJECTION_OPEN);
      return this.view(await this.registerIn(tx, emit, cur, by, requestId));
    });
  }

  /**
   * The registrar decides a registration that needs no committee (registry.reviewedTypes): approved,
   * it is registered at once with its effect on the asset; rejected, it ends with the reason.
   */
  async decideAsRegistrar(id: string, input: { outcome: 'approved' | 'rejected'; reason: string }, by: Principal, requestId?: string) {
    if (!by.orgRoles.includes('data_bureau')) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { roles: ['data_bureau'] }, { roles: 'data_bureau' });
    const a = await this.row(id, by);
    if (!allowed(a.status, 'decide') || pathOf(a.type, this.k.config.registry.reviewedTypes) !== 'registrar') throw this.conflict(a, 'decide');
    const reason = input.reason.trim();
    return this.k.transact(async (tx, emit) => {
      const cur = await this.locked(tx, id);
      if (!allowed(cur.status, 'decide')) throw this.conflict(cur, 'decide');
      const now = this.k.clock.now();
      if (input.outcome === 'rejected') {
        Object.assign(cur, { status: 'rejected', reason, decidedAt: now, decidedByOrgId: by.orgId, updatedAt: now });
        await repo.saveApplication(tx, cur);
        await emit({ type: 'registry.application.rejected', subject: { type: 'registry_application', id }, orgId: cur.applicantOrgId, actor: serviceActor(by), requestId, payload: { reason, cause: 'registrar' } });
        return this.view(cur);
      }
      Object.assign(cur, { decidedAt: now, decidedByOrgId: by.orgId, reason: reason || null });
      return this.view(await this.registerIn(tx, emit, cur, by, requestId));
    });
  }

  /**
   * Registers `cur` (locked) in the caller's transaction, with its effect on the asset (effectOf): a
   * first registration becomes an asset in force held by its applicant; a change, transfer or correction
   * becomes the asset's current record (refused when the record moved since it started) — a transfer
   * moves the holder; a cancellation or revocation ends the asset; an objection records a dispute for
   * `registry.objectionDays`. The number: a first registration's from the year's sequence, a later one
   * the asset's number and its revision. The event tells the certificates module what to issue and end.
   */
  private async registerIn(tx: Parameters<Parameters<Kernel['transact']>[0]>[0], emit: Parameters<Parameters<Kernel['transact']>[0]>[1], cur: repo.ApplicationRow, by: Principal | null, requestId: string | undefined): Promise<repo.ApplicationRow> {
    const now = this.k.clock.now();
    const effect = effectOf(cur.type);
    const asset = cur.type === 'first' ? cur : await this.activeAsset(cur.assetId, tx, true);
    let number: string;
    const ends: string[] = [];
    if (cur.type === 'first') {
      const year = Number(shanghaiDate(now).slice(0, 4));
      number = registrationNumber(this.k.config.registry.numberFormat, year, await repo.nextNumber(tx, year));
      Object.assign(cur, { assetStatus: 'active', holderOrgId: cur.applicantOrgId, currentId: cur.id });
    } else {
      this.notDisputed(cur.type, asset);
      if (effect.record && asset.currentId !== cur.basedOn) throw new AppError(RegistryErrors.REGISTRY_ASSET_STALE);
      asset.revision += 1;
      number = revisionNumber(asset.registrationNumber!, asset.revision);
      if (effect.ends === 'current' && asset.currentId) ends.push(asset.currentId);
      if (effect.ends === 'all') {
        ends.push(asset.currentId ?? asset.id);
        for (const x of await repo.applicationsOfAsset(tx, asset.id)) if (x.type === 'licence' && x.status === 'registered') ends.push(x.id);
      }
      if (effect.record) asset.currentId = cur.id;
      if (cur.type === 'transfer') asset.holderOrgId = cur.counterpartyOrgId;
      if (effect.status) asset.assetStatus = effect.status;
      if (effect.dispute) asset.disputeUntil = new Date(now.getTime() + this.k.config.registry.objectionDays * 86_400_000);
      asset.updatedAt = now;
      await repo.saveApplication(tx, asset);
    }
    const registrarOrgId = by?.orgId ?? cur.decidedByOrgId;
    const holderOrgId = (cur.type === 'transfer' || cur.type === 'licence' ? cur.counterpartyOrgId : asset.holderOrgId) ?? cur.applicantOrgId;
    const payload = {
      registrationNumber: number, objectKind: cur.objectKind, rights: cur.rights.map((r) => ({ kind: r.kind, holderOrgId: r.holderOrgId })), registrarOrgId,
      type: cur.type, assetId: asset.id, holderOrgId, ends, certify: effect.certify, assetStatus: asset.assetStatus ?? 'active', disputeUntil: iso(asset.disputeUntil),
    };
    const eventId = await emit({ type: 'registry.application.registered', subject: { type: 'registry_application', id: cur.id }, orgId: cur.applicantOrgId, actor: serviceActor(by), requestId, payload });
    Object.assign(cur, {
      status: 'registered', registrationNumber: number, registeredAt: now, decidedByOrgId: registrarOrgId, updatedAt: now,
      registeredEvent: { eventId, payloadDigest: canonicalDigest(payload) },
    });
    await repo.saveApplication(tx, cur);
    return cur;
  }

  /** Registers every application whose publicity ended without an open objection (the periodic sweep). */
  async sweep(): Promise<number> {
    let n = 0;
    for (const a of await repo.publicityOver(this.k.db, this.k.clock.now(), 200)) {
      try {
        await this.register(a.id, null);
        n++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // an objection is open: the bureau decides
      }
    }
    return n;
  }
}
