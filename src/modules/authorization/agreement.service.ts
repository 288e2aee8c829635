import { createHash } from 'node:crypto';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { canonicalize } from '../../platform/canonical-json.codec.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { CatalogService } from '../catalog/index.js';
import type { GatewayService } from '../gateway/index.js';
import type { SealCheck } from '../identity/index.js';
import { AuthorizationErrors } from './authorization.errors.js';
import * as repo from './agreement.repository.js';
import { allowed, modeProblem, termEnd, termProblem, TRANSITIONS, type Action, type AgreementStatus, type Mode } from './agreement.rules.js';
import type { NotificationKind, NotificationService } from './notification.service.js';
import { OVERSEERS } from './authorization.access.js';

/** identity's organisation service, as much as authorization needs. */
export interface OrganisationLookup {
  get(orgId: string): Promise<{ id: string; type: string; status: string; roles: string[]; name: { zh: string; en: string }; uscc: string | null }>;
}
/** identity's seal service, as much as authorization needs. */
export interface SealApi {
  sign(orgId: string, payload: unknown, by: Principal | null, purpose?: string, requestId?: string): Promise<repo.StoredSeal>;
  verify(payload: unknown, seal: unknown): Promise<SealCheck>;
}

export interface NewAgreement {
  implementingOrgId: string;
  mode: Mode;
  domain?: string | null | undefined;
  scenarios: string[];
  scope: Array<{ resourceId: string; fields: string[] }>;
  termFrom: string;
  termTo: string;
  feeCap?: repo.FeeCap | null | undefined;
  securityObligations: string;
}
export interface AgreementListQuery {
  box?: 'mine' | 'all' | undefined;
  role?: 'implementing_body' | 'operator' | undefined;
  status?: AgreementStatus | undefined;
  page: number;
  pageSize: number;
}

const MAX_SCOPE = 50;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Authorized operation (授权运营): an operator (运营机构) applies to an implementing body (实施机构)
 * for public data in a scope (resources and fields), by mode (整体 / 分领域 / 依场景), for a term and
 * under a service-fee cap (运营服务费上限) and security obligations. The implementing body reviews;
 * both organisations seal the agreement document with their electronic seals; once in force the
 * operator's gateway grants are issued — one per resource, expiring with the term — and they are
 * revoked when the agreement is suspended, terminated or expires. Every step is an evidence event.
 * Rules: agreement.rules.ts.
 */
export class AgreementService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationLookup,
    private readonly catalog: CatalogService,
    private readonly grants: GatewayService['grants'],
    private readonly seals: SealApi,
    private readonly notifications: NotificationService | null = null,
  ) {}

  /** Inbox entries and webhooks for the agreement's other party (or both), in the transaction of the change. */
  private async tell(tx: Tx, a: repo.AgreementRow, kind: NotificationKind, to: Array<'implementing_body' | 'operator'>) {
    if (!this.notifications) return;
    await this.notifications.notify(tx, to.map((p) => (p === 'operator' ? a.operatorOrgId : a.implementingOrgId)), kind, this.subject(a), {
      agreementId: a.id, status: a.status, implementingOrgId: a.implementingOrgId, operatorOrgId: a.operatorOrgId, mode: a.mode, termFrom: a.termFrom, termTo: a.termTo,
    });
  }

  get maxTermYears(): number {
    return this.k.config.authorization.maxTermYears;
  }

  /** The document both parties seal: the agreed terms, canonical JSON (RFC 8785) when signed. */
  document(a: repo.AgreementRow) {
    return {
      type: 'liutong.authorization.agreement',
      v: 1,
      id: a.id,
      implementingOrgId: a.implementingOrgId,
      operatorOrgId: a.operatorOrgId,
      mode: a.mode,
      domain: a.domain,
      scenarios: a.scenarios,
      scope: a.scope.map((s) => ({ resourceId: s.resourceId, fields: s.fields })),
      termFrom: a.termFrom,
      termTo: a.termTo,
      feeCap: a.feeCap,
      securityObligations: a.securityObligations,
    };
  }

  private digestOf(a: repo.AgreementRow): string {
    return `sha256:${createHash('sha256').update(canonicalize(this.document(a))).digest('hex')}`;
  }

  view(a: repo.AgreementRow) {
    return {
      id: a.id,
      implementingOrgId: a.implementingOrgId,
      operatorOrgId: a.operatorOrgId,
      mode: a.mode,
      domain: a.domain,
      scenarios: a.scenarios,
      scope: a.scope,
      termFrom: a.termFrom,
      termTo: a.termTo,
      feeCap: a.feeCap,
      securityObligations: a.securityObligations,
      status: a.status,
      reviewNote: a.reviewNote,
      reason: a.reason,
      documentDigest: a.documentDigest,
      seals: { implementingBody: a.implementingSeal, operator: a.operatorSeal },
      grantIds: a.grantIds,
      actions: Object.keys(TRANSITIONS[a.status]) as Action[],
      appliedAt: a.appliedAt.toISOString(),
      reviewedAt: iso(a.reviewedAt),
      signedAt: iso(a.signedAt),
      activatedAt: iso(a.activatedAt),
      endedAt: iso(a.endedAt),
      updatedAt: a.updatedAt.toISOString(),
    };
  }

  /** The operator (the caller's organisation) applies; the scope is checked against the catalog. */
  async apply(operatorOrgId: string, input: NewAgreement, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== operatorOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const operator = await this.orgs.get(operatorOrgId);
    if (!operator.roles.includes('operator')) throw new AppError(AuthorizationErrors.AUTHORIZATION_PARTY_ROLE, { party: 'operator', role: 'operator' }, { party: 'operator', role: 'operator' });
    let implementing;
    try {
      implementing = await this.orgs.get(input.implementingOrgId);
    } catch {
      throw new AppError(AuthorizationErrors.AUTHORIZATION_PARTY_ROLE, { party: 'implementing_body', role: 'implementing_body' }, { party: 'implementing body', role: 'implementing_body' });
    }
    if (!implementing.roles.includes('implementing_body') || implementing.status !== 'active' || implementing.id === operatorOrgId) {
      throw new AppError(AuthorizationErrors.AUTHORIZATION_PARTY_ROLE, { party: 'implementing_body', role: 'implementing_body' }, { party: 'implementing body', role: 'implementing_body' });
    }
    const scenarios = [...new Set(input.scenarios.map((s) => s.trim()).filter(Boolean))];
    const domain = input.domain?.trim() || null;
    const mode = modeProblem(input.mode, domain, scenarios);
    if (mode) throw new AppError(AuthorizationErrors.AUTHORIZATION_MODE_INVALID, { reason: mode }, { reason: mode });
    const now = this.k.clock.now();
    const term = termProblem(input.termFrom, input.termTo, shanghaiDate(now), this.maxTermYears);
    if (term) throw new AppError(AuthorizationErrors.AUTHORIZATION_TERM_INVALID, { reason: term, maxYears: this.maxTermYears }, { reason: term, maxYears: this.maxTermYears });
    const scope = await this.checkScope(input.scope);
    const a: repo.AgreementRow = {
      id: newId('aut'),
      implementingOrgId: implementing.id,
      operatorOrgId,
      mode: input.mode,
      domain,
      scenarios,
      scope,
      termFrom: input.termFrom,
      termTo: input.termTo,
      feeCap: input.feeCap ? { amount: input.feeCap.amount, unit: input.feeCap.unit.trim() } : null,
      securityObligations: input.securityObligations.trim(),
      status: 'applied',
      reviewNote: null,
      reason: null,
      documentDigest: null,
      implementingSeal: null,
      operatorSeal: null,
      grantIds: [],
      appliedAt: now,
      reviewedAt: null,
      signedAt: null,
      activatedAt: null,
      endedAt: null,
      updatedAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertAgreement(tx, a);
      await emit({
        type: 'authorization.agreement.applied', subject: this.subject(a), orgId: operatorOrgId, actor: serviceActor(by), requestId,
        payload: {
          implementingOrgId: a.implementingOrgId, operatorOrgId, mode: a.mode, domain: a.domain, scenarios: a.scenarios,
          scope: a.scope.map((s) => ({ resourceId: s.resourceId, fields: s.fields })), termFrom: a.termFrom, termTo: a.termTo, feeCap: a.feeCap,
        },
      });
      await this.tell(tx, a, 'agreement.applied', ['implementing_body']);
      return this.view(a);
    });
  }

  async list(by: Principal, q: AgreementListQuery) {
    const box = q.box ?? 'mine';
    if (box === 'all' && !hasAnyRole(by, OVERSEERS)) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: OVERSEERS }, { roles: OVERSEERS.join(', ') });
    const mine = box === 'mine';
    const { items, total } = await repo.listAgreements(this.k.db, {
      ...(mine && !q.role ? { partyOrgId: by.orgId } : {}),
      ...(q.role === 'implementing_body' ? { implementingOrgId: mine ? by.orgId : undefined } : {}),
      ...(q.role === 'operator' ? { operatorOrgId: mine ? by.orgId : undefined } : {}),
      status: q.status, page: q.page, pageSize: q.pageSize,
    });
    return { items: items.map((a) => this.view(a)), total, page: q.page, pageSize: q.pageSize };
  }

  /** One agreement: to its two parties, the data bureau and the regulator; not found for anyone else. */
  async get(id: string, by: Principal | null) {
    const a = await repo.findAgreement(this.k.db, id);
    if (!a || (by && !this.canSee(a, by))) throw new AppError(AuthorizationErrors.AUTHORIZATION_AGREEMENT_NOT_FOUND);
    return { ...this.view(a), document: this.document(a) };
  }

  /** The row as read (parties, overseers); used by products and disclosure. */
  async row(id: string, by: Principal | null, tx?: Tx, lock = false): Promise<repo.AgreementRow> {
    const a = await repo.findAgreement(tx ?? this.k.db, id, lock);
    if (!a || (by && !this.canSee(a, by))) throw new AppError(AuthorizationErrors.AUTHORIZATION_AGREEMENT_NOT_FOUND);
    return a;
  }

  /** The implementing body accepts the application after review; the document to seal is fixed. */
  async review(id: string, note: string | null | undefined, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'review', 'implementing', async (tx, emit, a, now) => {
      Object.assign(a, { status: 'reviewed', reviewNote: note?.trim() || null, reviewedAt: now, documentDigest: this.digestOf(a) });
      await emit({ type: 'authorization.agreement.reviewed', subject: this.subject(a), orgId: a.implementingOrgId, actor: serviceActor(by), requestId, payload: { note: a.reviewNote, documentDigest: a.documentDigest! } });
      await this.tell(tx, a, 'agreement.reviewed', ['operator']);
    });
  }

  /** The implementing body refuses the application (before it is signed), with its reason. */
  async reject(id: string, reason: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'reject', 'implementing', async (tx, emit, a, now) => {
      Object.assign(a, { status: 'rejected', reason: reason.trim(), endedAt: now });
      await emit({ type: 'authorization.agreement.rejected', subject: this.subject(a), orgId: a.implementingOrgId, actor: serviceActor(by), requestId, payload: { reason: a.reason! } });
      await this.tell(tx, a, 'agreement.rejected', ['operator']);
    });
  }

  /** The operator withdraws its application (before it is signed). */
  async withdraw(id: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'withdraw', 'operator', async (tx, emit, a, now) => {
      Object.assign(a, { status: 'withdrawn', endedAt: now });
      await emit({ type: 'authorization.agreement.withdrawn', subject: this.subject(a), orgId: a.operatorOrgId, actor: serviceActor(by), requestId, payload: {} });
      await this.tell(tx, a, 'agreement.withdrawn', ['implementing_body']);
    });
  }

  /**
   * The caller's organisation seals the reviewed agreement document with its electronic seal
   * (identity's seal service, Ed25519 over the canonical document). The second party's seal makes
   * the agreement signed. The caller must be its organisation's administrator.
   */
  async seal(id: string, by: Principal, requestId?: string) {
    if (by.memberRole !== 'org_admin') throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['org_admin'] }, { roles: 'org_admin' });
    const before = await this.row(id, by);
    const party = this.partyOf(before, by);
    if (!party) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (!allowed(before.status, 'seal')) throw this.conflict(before, 'seal');
    if ((party === 'implementing_body' ? before.implementingSeal : before.operatorSeal) !== null) throw this.conflict(before, 'seal');
    // Sealing runs in identity's own transaction (its `identity.seal.applied` event); the
    // agreement then takes the seal only if the document is still the one reviewed.
    const seal = await this.seals.sign(by.orgId, this.document(before), by, 'authorization.agreement', requestId);
    return this.k.transact(async (tx, emit) => {
      const a = await this.row(id, by, tx, true);
      if (!allowed(a.status, 'seal') || (party === 'implementing_body' ? a.implementingSeal : a.operatorSeal) !== null) throw this.conflict(a, 'seal');
      if (seal.digest !== a.documentDigest) throw new AppError(AuthorizationErrors.AUTHORIZATION_DOCUMENT_CHANGED);
      const now = this.k.clock.now();
      if (party === 'implementing_body') a.implementingSeal = seal;
      else a.operatorSeal = seal;
      const complete = a.implementingSeal !== null && a.operatorSeal !== null;
      if (complete) Object.assign(a, { status: 'signed', signedAt: now });
      a.updatedAt = now;
      await repo.saveAgreement(tx, a);
      await emit({
        type: 'authorization.agreement.sealed', subject: this.subject(a), orgId: by.orgId, actor: serviceActor(by), requestId,
        payload: { party, documentDigest: seal.digest, kid: seal.kid, signature: seal.signature, complete },
      });
      await this.tell(tx, a, 'agreement.sealed', [party === 'operator' ? 'implementing_body' : 'operator']);
      return this.view(a);
    });
  }

  /** Checks both seals against the document (anyone who may see the agreement). */
  async verifySeals(id: string, by: Principal | null) {
    const a = await this.row(id, by);
    const doc = this.document(a);
    const check = async (s: repo.StoredSeal | null): Promise<SealCheck> => (s ? this.seals.verify(doc, s) : { valid: false, reason: 'not_sealed' });
    return { documentDigest: this.digestOf(a), implementingBody: await check(a.implementingSeal), operator: await check(a.operatorSeal) };
  }

  /** The implementing body puts a signed agreement in force (from the term's first day): grants issued. */
  async activate(id: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'activate', 'implementing', async (tx, emit, a, now) => {
      if (shanghaiDate(now) < a.termFrom) throw new AppError(AuthorizationErrors.AUTHORIZATION_TERM_NOT_STARTED, { termFrom: a.termFrom }, { termFrom: a.termFrom });
      a.grantIds = await this.issueGrants(tx, emit, a, by, requestId);
      Object.assign(a, { status: 'active', activatedAt: now });
      await emit({ type: 'authorization.agreement.activated', subject: this.subject(a), orgId: a.implementingOrgId, actor: serviceActor(by), requestId, payload: { grantIds: a.grantIds, termTo: a.termTo } });
      await this.tell(tx, a, 'agreement.activated', ['operator']);
    });
  }

  /** The implementing body (or the data bureau) suspends an agreement in force: the grants are revoked. */
  async suspend(id: string, reason: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'suspend', 'implementing_or_bureau', async (tx, emit, a) => {
      const revoked = await this.revokeGrants(tx, emit, a, `授权运营协议已暂停 / agreement suspended: ${reason.trim()}`, by, requestId);
      Object.assign(a, { status: 'suspended', reason: reason.trim() });
      await emit({ type: 'authorization.agreement.suspended', subject: this.subject(a), orgId: a.implementingOrgId, actor: serviceActor(by), requestId, payload: { reason: a.reason!, revokedGrantIds: revoked } });
      await this.tell(tx, a, 'agreement.suspended', ['operator', 'implementing_body']);
    });
  }

  /** The implementing body resumes a suspended agreement: new grants for the rest of the term. */
  async resume(id: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'resume', 'implementing', async (tx, emit, a) => {
      a.grantIds = await this.issueGrants(tx, emit, a, by, requestId);
      Object.assign(a, { status: 'active', reason: null });
      await emit({ type: 'authorization.agreement.resumed', subject: this.subject(a), orgId: a.implementingOrgId, actor: serviceActor(by), requestId, payload: { grantIds: a.grantIds } });
      await this.tell(tx, a, 'agreement.resumed', ['operator']);
    });
  }

  /** The implementing body (or the data bureau) ends an agreement before its term: the grants are revoked. */
  async terminate(id: string, reason: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'terminate', 'implementing_or_bureau', async (tx, emit, a, now) => {
      const revoked = await this.revokeGrants(tx, emit, a, `授权运营协议已终止 / agreement terminated: ${reason.trim()}`, by, requestId);
      Object.assign(a, { status: 'terminated', reason: reason.trim(), endedAt: now });
      await emit({ type: 'authorization.agreement.terminated', subject: this.subject(a), orgId: a.implementingOrgId, actor: serviceActor(by), requestId, payload: { reason: a.reason!, revokedGrantIds: revoked } });
      await this.tell(tx, a, 'agreement.terminated', ['operator', 'implementing_body']);
    });
  }

  /**
   * Marks agreements whose term has ended as expired (their grants expired with the term and are
   * revoked for the record). Called periodically by the server (index.ts) and by tests directly.
   */
  async sweepExpired(): Promise<number> {
    let done = 0;
    for (;;) {
      const n = await this.k.transact(async (tx, emit) => {
        const now = this.k.clock.now();
        const due = await repo.dueToExpire(tx, shanghaiDate(now), 100);
        for (const a of due) {
          const revoked = await this.revokeGrants(tx, emit, a, '授权运营期限届满 / term ended', null);
          Object.assign(a, { status: 'expired', endedAt: now, updatedAt: now });
          await repo.saveAgreement(tx, a);
          await emit({ type: 'authorization.agreement.expired', subject: this.subject(a), orgId: a.implementingOrgId, actor: { kind: 'system' }, payload: { termTo: a.termTo, revokedGrantIds: revoked } });
          await this.tell(tx, a, 'agreement.expired', ['operator', 'implementing_body']);
        }
        return due.length;
      });
      done += n;
      if (n < 100) return done;
    }
  }

  // ---- internals

  private subject(a: repo.AgreementRow) {
    return { type: 'authorization_agreement', id: a.id };
  }

  canSee(a: repo.AgreementRow, by: Principal): boolean {
    return by.orgId === a.implementingOrgId || by.orgId === a.operatorOrgId || hasAnyRole(by, OVERSEERS);
  }

  private partyOf(a: repo.AgreementRow, by: Principal): 'implementing_body' | 'operator' | null {
    return by.orgId === a.implementingOrgId ? 'implementing_body' : by.orgId === a.operatorOrgId ? 'operator' : null;
  }

  private conflict(a: repo.AgreementRow, action: string) {
    return new AppError(AuthorizationErrors.AUTHORIZATION_AGREEMENT_STATE_CONFLICT, { status: a.status, action }, { status: a.status, action });
  }

  /** Locks the agreement, checks who may act and that the machine allows it, runs `fn`, saves. */
  private async transition(
    id: string, by: Principal | null, action: Action, who: 'implementing' | 'operator' | 'implementing_or_bureau',
    fn: (tx: Tx, emit: Emit, a: repo.AgreementRow, now: Date) => Promise<void>,
  ) {
    return this.k.transact(async (tx, emit) => {
      const a = await this.row(id, by, tx, true);
      if (by) {
        const ok = who === 'operator' ? by.orgId === a.operatorOrgId
          : who === 'implementing' ? by.orgId === a.implementingOrgId
            : by.orgId === a.implementingOrgId || hasAnyRole(by, ['data_bureau']);
        if (!ok) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
      }
      if (!allowed(a.status, action)) throw this.conflict(a, action);
      const now = this.k.clock.now();
      await fn(tx, emit, a, now);
      a.updatedAt = now;
      await repo.saveAgreement(tx, a);
      return this.view(a);
    });
  }

  /** The scope as the catalog has it: published public data with mounted data, fields that exist, no core data. */
  private async checkScope(input: NewAgreement['scope']): Promise<repo.ScopeEntry[]> {
    if (input.length === 0 || input.length > MAX_SCOPE) throw new AppError(AuthorizationErrors.AUTHORIZATION_RESOURCE_UNAVAILABLE, { resourceId: '-', reason: 'scope_size' }, { resourceId: '-', reason: `1..${MAX_SCOPE} resources` });
    const out: repo.ScopeEntry[] = [];
    for (const entry of input) {
      if (out.some((o) => o.resourceId === entry.resourceId)) continue;
      const unavailable = (reason: string) => new AppError(AuthorizationErrors.AUTHORIZATION_RESOURCE_UNAVAILABLE, { resourceId: entry.resourceId, reason }, { resourceId: entry.resourceId, reason });
      const src = await this.catalog.mounts.source(entry.resourceId);
      if (!src || !src.publicData) throw unavailable('not_found');
      if (src.status !== 'published') throw unavailable('not_published');
      if (!src.mount) throw unavailable('not_mounted');
      if (src.level === 'core') throw new AppError(AuthorizationErrors.AUTHORIZATION_CORE_DATA, { resourceId: entry.resourceId }, { where: entry.resourceId });
      const fields = [...new Set(entry.fields)];
      if (!fields.length) throw unavailable('no_fields');
      for (const f of fields) {
        const field = src.fields.find((x) => x.name === f);
        if (!field) throw new AppError(AuthorizationErrors.AUTHORIZATION_FIELD_UNKNOWN, { resourceId: entry.resourceId, field: f }, { resourceId: entry.resourceId, field: f });
        if (field.level === 'core') throw new AppError(AuthorizationErrors.AUTHORIZATION_CORE_DATA, { resourceId: entry.resourceId, field: f }, { where: `${entry.resourceId}.${f}` });
      }
      const listed = (await this.catalog.resources.listPublished({ id: entry.resourceId, page: 1, pageSize: 1 })).items[0];
      out.push({ resourceId: entry.resourceId, fields, title: listed ? { zh: listed.title.zh, en: listed.title.en } : { zh: entry.resourceId, en: entry.resourceId }, sourceOrgId: src.ownerOrgId });
    }
    return out;
  }

  /** One gateway grant per resource in scope, from the source unit to the operator, ending with the term. */
  private async issueGrants(tx: Tx, emit: Emit, a: repo.AgreementRow, by: Principal | null, requestId?: string): Promise<string[]> {
    const ids: string[] = [];
    const purpose = [a.mode === 'domain' ? a.domain : null, ...a.scenarios].filter(Boolean).join('；') || '授权运营';
    for (const s of a.scope) {
      const g = await this.grants.issue(tx, emit, {
        kind: 'authorization', sourceRef: a.id, resourceId: s.resourceId, grantorOrgId: s.sourceOrgId, granteeOrgId: a.operatorOrgId,
        fields: s.fields, purpose: `授权运营：${purpose}`, expiresAt: termEnd(a.termTo),
      }, { actor: serviceActor(by), requestId });
      ids.push(g.id);
    }
    return ids;
  }

  private async revokeGrants(tx: Tx, emit: Emit, a: repo.AgreementRow, reason: string, by: Principal | null, requestId?: string): Promise<string[]> {
    const revoked: string[] = [];
    for (const id of a.grantIds) {
      try {
        await this.grants.revoke(tx, emit, id, reason, { actor: serviceActor(by), requestId });
        revoked.push(id);
      } catch (err) {
        // Already expired with the term (or revoked at the gateway by its grantor): nothing to revoke.
        if (!(err instanceof AppError && err.code === 'GATEWAY_GRANT_STATE_CONFLICT')) throw err;
      }
    }
    a.grantIds = [];
    return revoked;
  }
}
