import { AppError, PlatformErrors } from '../../platform/errors.js';
import { canonicalDigest } from '../../platform/canonical-json.digest.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { CatalogService } from '../catalog/index.js';
import type { GatewayService } from '../gateway/index.js';
import { AuthorizationErrors } from './authorization.errors.js';
import type { OrganisationLookup, SealApi } from './agreement.service.js';
import * as repo from './consent.repository.js';
import { consentAllowed, consentRecord, monthsBetween, type ConsentAction, type ConsentStatus } from './consent.rules.js';
import type { DataItemService } from './data-item.service.js';
import type { NotificationKind, NotificationService } from './notification.service.js';
import { hiddenItems } from './data-item.repository.js';
import { residentIdProblem, type AccountService } from './account.service.js';
import { OVERSEERS } from './authorization.access.js';

export interface NewConsentRequest {
  /** The holder: an enterprise by its unified social credit code, or a person by resident ID (exactly one). */
  holderUscc?: string | undefined;
  holderResidentId?: string | undefined;
  itemIds: string[];
  purpose: string;
  purposeText: string;
  periodFrom: string;
  periodTo: string;
  validUntil: string;
  maxUses: number;
}
export interface ConsentListQuery {
  box?: 'holder' | 'requester' | 'all' | undefined;
  status?: ConsentStatus | undefined;
  page: number;
  pageSize: number;
}
/** identity's organisation search, as much as finding a holder by USCC needs. */
export interface OrganisationSearch extends OrganisationLookup {
  list(q: { q?: string; role?: 'platform_admin'; page: number; pageSize: number; sort: 'createdAt'; order: 'asc' }): Promise<{ items: Array<{ id: string; uscc: string | null; type: string; status: string }> }>;
}

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const digestOf = canonicalDigest;

/**
 * Data-subject authorization (数据主体授权, "授权用数、全程溯源、自主管理"): a requester (a bank) asks a
 * holder (an enterprise) for named data items, for a purpose, a data period, a validity and a
 * number of uses; the holder approves — a consent record with the ISO/IEC TS 27560 fields, sealed
 * by the holder, and the requester's gateway grants (the holder's rows only, the period's months
 * only, counted uses, expiring with the validity) — or rejects. The holder revokes at any time and
 * the very next gateway call is refused. Once an authorization ends the requester attests the
 * deletion of what it retrieved within `authorization.deletionDays`; overdue attestations are
 * flagged to the holder. The holder sees every use (access history), refusals included.
 */
export class ConsentService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationSearch,
    private readonly catalog: CatalogService,
    private readonly gateway: Pick<GatewayService, 'grants' | 'usage'>,
    private readonly seals: SealApi,
    private readonly items: DataItemService,
    private readonly notifications: NotificationService,
    private readonly accounts: AccountService,
  ) {}

  /** Inbox entries and webhooks for the authorization's parties, in the transaction of the change. */
  private async tell(tx: Tx, c: repo.ConsentRow, kind: NotificationKind, to: Array<'holder' | 'requester'>) {
    const orgIds = to.map((w) => (w === 'holder' ? c.holderOrgId : c.requesterOrgId));
    await this.notifications.notify(tx, orgIds, kind, this.subject(c), {
      consentId: c.id, status: c.status, holderOrgId: c.holderOrgId, requesterOrgId: c.requesterOrgId, items: c.items.map((i) => i.code), validUntil: c.validUntil.toISOString(),
    });
  }

  /** The purposes a request may name (config `authorization.purposes`, [M]). */
  get purposes(): string[] {
    return this.k.config.authorization.purposes;
  }

  view(c: repo.ConsentRow) {
    const now = this.k.clock.now();
    return {
      id: c.id,
      requesterOrgId: c.requesterOrgId,
      holderOrgId: c.holderOrgId,
      holderKind: this.kindOf(c),
      /** The enterprise's USCC; for a person null (see holderIdMasked). */
      holderUscc: this.kindOf(c) === 'legal_person' ? c.holderSubject : null,
      holderIdMasked: this.kindOf(c) === 'natural_person' ? c.holderSubject : null,
      items: c.items.map((i) => ({ itemId: i.itemId, code: i.code, name: i.name, resourceId: i.resourceId, sourceOrgId: i.sourceOrgId, fields: i.fields })),
      purpose: c.purpose,
      purposeText: c.purposeText,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      validUntil: c.validUntil.toISOString(),
      maxUses: c.maxUses,
      status: c.status,
      reason: c.reason,
      record: c.record,
      recordSeal: c.recordSeal,
      recordDigest: c.record ? digestOf(c.record) : null,
      grantIds: c.grantIds,
      approvalEvent: c.approvalEvent,
      createdAt: c.createdAt.toISOString(),
      decidedAt: iso(c.decidedAt),
      endedAt: iso(c.endedAt),
      deletion: c.deletionDueAt
        ? { dueAt: c.deletionDueAt.toISOString(), attestedAt: iso(c.deletionAttestedAt), statement: c.deletionStatement, overdue: !c.deletionAttestedAt && now >= c.deletionDueAt }
        : null,
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  /** The requester (the caller's organisation) asks a holder for data items. */
  async request(requesterOrgId: string, input: NewConsentRequest, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== requesterOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const invalid = (reason: string) => new AppError(AuthorizationErrors.AUTHORIZATION_CONSENT_INVALID, { reason }, { reason });
    if (!this.k.config.authorization.purposes.includes(input.purpose)) throw new AppError(AuthorizationErrors.AUTHORIZATION_PURPOSE_UNKNOWN, { purpose: input.purpose, purposes: this.k.config.authorization.purposes }, { purpose: input.purpose });
    const months = monthsBetween(input.periodFrom, input.periodTo);
    if (!months) throw invalid('period');
    const now = this.k.clock.now();
    const validUntil = new Date(input.validUntil);
    if (Number.isNaN(validUntil.getTime()) || validUntil <= now) throw invalid('valid_until_not_in_future');
    if (validUntil.getTime() - now.getTime() > 5 * 366 * DAY_MS) throw invalid('valid_until_too_far');
    let holder: { id: string; kind: 'legal_person' | 'natural_person'; subject: string; stored: string };
    if ((input.holderUscc === undefined) === (input.holderResidentId === undefined)) throw invalid('holder_uscc_or_resident_id');
    if (input.holderResidentId !== undefined) {
      const rid = input.holderResidentId.toUpperCase();
      if (residentIdProblem(rid)) throw invalid('resident_id');
      const person = await this.accounts.findByResidentId(rid);
      if (!person) throw new AppError(AuthorizationErrors.AUTHORIZATION_HOLDER_NOT_FOUND, { subject: 'resident_id' }, { subject: 'resident_id' });
      // A person's number is not kept in the request: only its masked form; approval unseals it.
      holder = { id: person.orgId, kind: 'natural_person', subject: rid, stored: person.masked };
    } else {
      const found = (await this.orgs.list({ q: input.holderUscc, page: 1, pageSize: 5, sort: 'createdAt', order: 'asc' })).items.find((o) => o.uscc === input.holderUscc && o.status === 'active');
      if (!found) throw new AppError(AuthorizationErrors.AUTHORIZATION_HOLDER_NOT_FOUND, { subject: input.holderUscc }, { subject: input.holderUscc! });
      holder = { id: found.id, kind: 'legal_person', subject: input.holderUscc!, stored: input.holderUscc! };
    }
    if (holder.id === requesterOrgId) throw invalid('holder_is_requester');
    const defs = await this.items.active([...new Set(input.itemIds)]);
    const items: repo.RequestedItem[] = [];
    const hidden = await hiddenItems(this.k.db, holder.id);
    for (const d of defs) {
      if (d.subjectKind !== holder.kind) throw invalid(`item_not_for:${holder.kind}:${d.code}`);
      // A hidden item is refused like one the holder does not have (no telling which).
      if (hidden.has(d.id)) throw new AppError(AuthorizationErrors.AUTHORIZATION_ITEM_NOT_HELD, { item: d.code }, { item: d.code });
      // Requests for items a holder does not have are refused: its rows must exist.
      const src = await this.catalog.mounts.source(d.resourceId);
      const held = src ? await this.catalog.mounts.queryRows(d.resourceId, { version: src.version, filters: { [d.subjectField]: [holder.subject] }, offset: 0, limit: 1 }) : null;
      if (!held?.rows.length) throw new AppError(AuthorizationErrors.AUTHORIZATION_ITEM_NOT_HELD, { item: d.code }, { item: d.code });
      items.push({ itemId: d.id, code: d.code, name: { zh: d.nameZh, en: d.nameEn }, resourceId: d.resourceId, sourceOrgId: d.sourceOrgId, subjectField: d.subjectField, fields: d.fields, periodField: d.periodField });
    }
    const c: repo.ConsentRow = {
      id: newId('cns'), requesterOrgId, holderOrgId: holder.id, holderSubject: holder.stored, items, purpose: input.purpose, purposeText: input.purposeText.trim(),
      periodFrom: input.periodFrom, periodTo: input.periodTo, validUntil, maxUses: input.maxUses, status: 'pending', reason: null, record: null, recordSeal: null,
      grantIds: [], approvalEvent: null, createdAt: now, decidedAt: null, endedAt: null, deletionDueAt: null, deletionAttestedAt: null, deletionStatement: null, deletionOverdueAt: null, updatedAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertConsent(tx, c);
      await emit({
        type: 'authorization.consent.requested', subject: this.subject(c), orgId: requesterOrgId, actor: serviceActor(by), requestId,
        payload: { requesterOrgId, holderOrgId: holder.id, items: items.map((i) => i.code), purpose: c.purpose, periodFrom: c.periodFrom, periodTo: c.periodTo, validUntil: validUntil.toISOString(), maxUses: c.maxUses },
      });
      await this.tell(tx, c, 'consent.requested', ['holder']);
      return this.view(c);
    });
  }

  async list(by: Principal, q: ConsentListQuery) {
    const box = q.box ?? 'holder';
    if (box === 'all' && !hasAnyRole(by, OVERSEERS)) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: OVERSEERS }, { roles: OVERSEERS.join(', ') });
    const { items, total } = await repo.listConsents(this.k.db, {
      ...(box === 'holder' ? { holderOrgId: by.orgId } : box === 'requester' ? { requesterOrgId: by.orgId } : {}),
      status: q.status, page: q.page, pageSize: q.pageSize,
    });
    return { items: items.map((c) => this.view(c)), total, page: q.page, pageSize: q.pageSize };
  }

  /** One authorization: to its holder, its requester and the overseers; not found for anyone else. */
  async get(id: string, by: Principal | null) {
    return this.view(await this.row(id, by));
  }

  /**
   * The holder approves: the consent record is built and sealed with the holder's seal (identity's
   * own transaction), then — if still pending — stored with the requester's grants, one per item.
   */
  async approve(id: string, by: Principal | null, requestId?: string) {
    const before = await this.row(id, by);
    if (by && by.orgId !== before.holderOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (!consentAllowed(before.status, 'approve')) throw this.conflict(before, 'approve');
    const [principal, controller] = await Promise.all([this.orgs.get(before.holderOrgId), this.orgs.get(before.requesterOrgId)]);
    const person = this.kindOf(before) === 'natural_person' ? await this.accounts.residentIdOf(before.holderOrgId) : null;
    const subject = person ? person.residentId : before.holderSubject;
    const now = this.k.clock.now();
    const record = consentRecord({
      consentId: before.id, at: now,
      principal: person
        ? { orgId: principal.id, kind: 'natural_person', name: principal.name, identifier: { scheme: 'resident_id', value: person.masked } }
        : { orgId: principal.id, kind: 'legal_person', name: principal.name, identifier: { scheme: 'USCC', value: principal.uscc } },
      controller: { orgId: controller.id, name: controller.name, uscc: controller.uscc },
      purpose: before.purpose, purposeText: before.purposeText, items: before.items, periodFrom: before.periodFrom, periodTo: before.periodTo, validUntil: before.validUntil, maxUses: before.maxUses,
      withdrawalUrl: `${this.k.baseUrl()}/api/v1/authorization/consents/${before.id}/revoke`,
    });
    const seal = await this.seals.sign(before.holderOrgId, record, by, 'authorization.consent', requestId);
    return this.k.transact(async (tx, emit) => {
      const c = await this.row(id, by, tx, true);
      if (!consentAllowed(c.status, 'approve')) throw this.conflict(c, 'approve');
      const months = monthsBetween(c.periodFrom, c.periodTo)!;
      const grantIds: string[] = [];
      for (const item of c.items) {
        const g = await this.gateway.grants.issue(tx, emit, {
          kind: 'consent', sourceRef: c.id, resourceId: item.resourceId, grantorOrgId: item.sourceOrgId, granteeOrgId: c.requesterOrgId,
          fields: [...new Set([item.subjectField, ...item.fields, ...(item.periodField ? [item.periodField] : [])])],
          rowFilter: { [item.subjectField]: [subject], ...(item.periodField ? { [item.periodField]: months } : {}) },
          purpose: `数据主体授权：${c.purposeText}`, expiresAt: c.validUntil, maxCalls: c.maxUses,
        }, { actor: serviceActor(by), requestId });
        grantIds.push(g.id);
      }
      const payload = { recordDigest: digestOf(record), kid: seal.kid, signature: seal.signature, grantIds };
      const eventId = await emit({ type: 'authorization.consent.approved', subject: this.subject(c), orgId: c.holderOrgId, actor: serviceActor(by), requestId, payload });
      Object.assign(c, { status: 'approved', record, recordSeal: seal, grantIds, approvalEvent: { eventId, payloadDigest: digestOf(payload) }, decidedAt: now, updatedAt: now });
      await repo.saveConsent(tx, c);
      await this.tell(tx, c, 'consent.approved', ['requester']);
      return this.view(c);
    });
  }

  /** The holder rejects a pending request, with a reason. */
  async reject(id: string, reason: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'reject', 'holder', async (tx, emit, c, now) => {
      Object.assign(c, { status: 'rejected', reason: reason.trim(), decidedAt: now });
      await emit({ type: 'authorization.consent.rejected', subject: this.subject(c), orgId: c.holderOrgId, actor: serviceActor(by), requestId, payload: { reason: c.reason! } });
      await this.tell(tx, c, 'consent.rejected', ['requester']);
    });
  }

  /** The requester withdraws its pending request. */
  async withdraw(id: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'withdraw', 'requester', async (tx, emit, c, now) => {
      Object.assign(c, { status: 'withdrawn', decidedAt: now });
      await emit({ type: 'authorization.consent.withdrawn', subject: this.subject(c), orgId: c.requesterOrgId, actor: serviceActor(by), requestId, payload: {} });
      await this.tell(tx, c, 'consent.withdrawn', ['holder']);
    });
  }

  /** The holder revokes an approved authorization: its grants are revoked in the same transaction. */
  async revoke(id: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'revoke', 'holder', async (tx, emit, c, now) => {
      const revoked = await this.end(tx, emit, c, 'revoked', now, '数据主体已撤回授权 / the data subject revoked the authorization', by, requestId);
      await emit({ type: 'authorization.consent.revoked', subject: this.subject(c), orgId: c.holderOrgId, actor: serviceActor(by), requestId, payload: { revokedGrantIds: revoked, deletionDueAt: c.deletionDueAt!.toISOString() } });
      await this.tell(tx, c, 'consent.revoked', ['requester']);
    });
  }

  /** The requester attests it deleted the data it retrieved (销毁记录), once the authorization has ended. */
  async attestDeletion(id: string, statement: string, by: Principal | null, requestId?: string) {
    return this.transition(id, by, 'attest', 'requester', async (tx, emit, c, now) => {
      if (c.deletionAttestedAt) throw this.conflict(c, 'attest');
      const late = c.deletionDueAt !== null && now > c.deletionDueAt;
      Object.assign(c, { deletionAttestedAt: now, deletionStatement: statement.trim() });
      await emit({ type: 'authorization.consent.deletion_attested', subject: this.subject(c), orgId: c.requesterOrgId, actor: serviceActor(by), requestId, payload: { statementDigest: digestOf(c.deletionStatement), late } });
      await this.tell(tx, c, 'consent.deletion_attested', ['holder']);
    });
  }

  /** Every gateway call under the authorization, refusals included (its holder, its requester, overseers). */
  async usage(id: string, by: Principal | null, page: number, pageSize: number) {
    const c = await this.row(id, by);
    // A grant's id outlives revocation: calls refused after it are listed too.
    const grants = await this.gateway.grants.list({ sourceRef: c.id, page: 1, pageSize: 100 });
    return { consentId: c.id, ...(await this.gateway.usage.callsOfGrants(grants.items.map((g) => g.id), page, pageSize)) };
  }

  /**
   * The periodic sweep (also called by tests): approved authorizations past their validity become
   * expired; those whose every grant's uses are used up become exhausted; ended ones without a
   * deletion attestation past its due time are flagged once to the holder. Returns the counts.
   */
  async sweep(): Promise<{ expired: number; exhausted: number; overdue: number }> {
    const out = { expired: 0, exhausted: 0, overdue: 0 };
    await this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      for (const c of await repo.dueToExpire(tx, now, 200)) {
        const revoked = await this.end(tx, emit, c, 'expired', now, '授权已到期 / the authorization expired', null);
        await repo.saveConsent(tx, c);
        await emit({ type: 'authorization.consent.expired', subject: this.subject(c), orgId: c.holderOrgId, actor: { kind: 'system' }, payload: { revokedGrantIds: revoked, deletionDueAt: c.deletionDueAt!.toISOString() } });
        await this.tell(tx, c, 'consent.expired', ['holder', 'requester']);
        out.expired++;
      }
      for (const c of await repo.deletionOverdue(tx, now, 200)) {
        c.deletionOverdueAt = now;
        c.updatedAt = now;
        await repo.saveConsent(tx, c);
        await emit({ type: 'authorization.consent.deletion_overdue', subject: this.subject(c), orgId: c.holderOrgId, actor: { kind: 'system' }, payload: { dueAt: c.deletionDueAt!.toISOString(), holderOrgId: c.holderOrgId } });
        await this.tell(tx, c, 'consent.deletion_overdue', ['holder']);
        out.overdue++;
      }
    });
    // Used up: the gateway names the consents whose grants have taken their last use; one is
    // ended when all of its grants have (re-checked under its lock).
    for (const id of await this.gateway.grants.usedUpSourceRefs('consent', 500)) {
      const c = await repo.findConsent(this.k.db, id);
      if (!c || c.status !== 'approved') continue;
      const grants = await Promise.all(c.grantIds.map((g) => this.gateway.grants.get(g)));
      if (!grants.length || !grants.every((g) => g && g.maxCalls !== null && g.callsUsed >= g.maxCalls)) continue;
      await this.k.transact(async (tx, emit) => {
        const locked = await repo.findConsent(tx, c.id, true);
        if (!locked || locked.status !== 'approved') return;
        const now = this.k.clock.now();
        const revoked = await this.end(tx, emit, locked, 'exhausted', now, '授权次数已用完 / the authorization\'s uses are used up', null);
        await repo.saveConsent(tx, locked);
        await emit({ type: 'authorization.consent.exhausted', subject: this.subject(locked), orgId: locked.holderOrgId, actor: { kind: 'system' }, payload: { revokedGrantIds: revoked, deletionDueAt: locked.deletionDueAt!.toISOString() } });
        await this.tell(tx, locked, 'consent.exhausted', ['holder', 'requester']);
        out.exhausted++;
      });
    }
    return out;
  }

  // ---- internals

  /** A person's requests keep the masked number (with asterisks); an enterprise's its USCC. */
  private kindOf(c: repo.ConsentRow): 'legal_person' | 'natural_person' {
    return c.holderSubject.includes('*') ? 'natural_person' : 'legal_person';
  }

  private subject(c: repo.ConsentRow) {
    return { type: 'authorization_consent', id: c.id };
  }

  private conflict(c: repo.ConsentRow, action: string) {
    return new AppError(AuthorizationErrors.AUTHORIZATION_CONSENT_STATE_CONFLICT, { status: c.status, action }, { status: c.status, action });
  }

  private canSee(c: repo.ConsentRow, by: Principal): boolean {
    return by.orgId === c.holderOrgId || by.orgId === c.requesterOrgId || hasAnyRole(by, OVERSEERS);
  }

  private async row(id: string, by: Principal | null, tx?: Tx, lock = false): Promise<repo.ConsentRow> {
    const c = await repo.findConsent(tx ?? this.k.db, id, lock);
    if (!c || (by && !this.canSee(c, by))) throw new AppError(AuthorizationErrors.AUTHORIZATION_CONSENT_NOT_FOUND);
    return c;
  }

  private async transition(id: string, by: Principal | null, action: ConsentAction, who: 'holder' | 'requester', fn: (tx: Tx, emit: Emit, c: repo.ConsentRow, now: Date) => Promise<void>) {
    return this.k.transact(async (tx, emit) => {
      const c = await this.row(id, by, tx, true);
      if (by && by.orgId !== (who === 'holder' ? c.holderOrgId : c.requesterOrgId)) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
      if (!consentAllowed(c.status, action)) throw this.conflict(c, action);
      const now = this.k.clock.now();
      await fn(tx, emit, c, now);
      c.updatedAt = now;
      await repo.saveConsent(tx, c);
      return this.view(c);
    });
  }

  /** Ends an approved authorization: its live grants revoked, the deletion attestation due. */
  private async end(tx: Tx, emit: Emit, c: repo.ConsentRow, status: 'revoked' | 'expired' | 'exhausted', now: Date, reason: string, by: Principal | null, requestId?: string): Promise<string[]> {
    const revoked: string[] = [];
    for (const g of c.grantIds) {
      try {
        await this.gateway.grants.revoke(tx, emit, g, reason, { actor: serviceActor(by), requestId });
        revoked.push(g);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'GATEWAY_GRANT_STATE_CONFLICT')) throw err;
      }
    }
    Object.assign(c, { status, endedAt: now, deletionDueAt: new Date(now.getTime() + this.k.config.authorization.deletionDays * DAY_MS), updatedAt: now });
    return revoked;
  }
}
