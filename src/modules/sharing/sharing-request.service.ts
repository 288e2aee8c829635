import { AppError, PlatformErrors } from '../../platform/errors.js';
import { WorkingDayCalendar, shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { CatalogService } from '../catalog/index.js';
import type { GatewayService } from '../gateway/index.js';
import { SharingErrors } from './sharing.errors.js';
import * as repo from './sharing-request.repository.js';
import { INITIAL, TRANSITIONS, narrow, normalise, type Action, type Scope, type ScopeChanges } from './sharing-request.rules.js';

/** Organisation types that are public bodies (公共管理和服务机构): only they take part in sharing. */
const PUBLIC_ORG_TYPES = ['government', 'public_institution', 'public_enterprise'];
/** Who sees every request (supervision of the primary market). */
const OVERSEERS = ['data_bureau', 'regulator'] as const;

/** identity's organisation service, as much as sharing needs. */
export interface OrganisationLookup {
  get(orgId: string): Promise<{ id: string; type: string; status: string }>;
}

export interface NewRequest {
  resourceId: string;
  fields: string[];
  purpose: string;
  legalBasis: string;
  validFrom?: string | undefined;
  validTo: string;
  rowFilter?: repo.RowFilter | null | undefined;
  ratePerMinute?: number | null | undefined;
}
export interface ScopeInput {
  fields?: string[] | undefined;
  rowFilter?: repo.RowFilter | null | undefined;
  ratePerMinute?: number | null | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
}
export interface RequestListQuery {
  box?: 'sent' | 'received' | 'all' | undefined;
  status?: repo.RequestStatus | undefined;
  resourceId?: string | undefined;
  overdue?: boolean | undefined;
  page: number;
  pageSize: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Sharing requests (共享申请): a public body asks for another body's published public data; by the
 * resource's sharing class it is granted at once, awaits the source unit's decision within a
 * working-day deadline, or is refused at once. A grant is issued, narrowed and revoked through the
 * gateway in the same transaction as the request's transition. Rules: sharing-request.rules.ts.
 */
export class SharingRequestService {
  readonly calendar: WorkingDayCalendar;

  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationLookup,
    private readonly catalog: CatalogService,
    private readonly grants: GatewayService['grants'],
  ) {
    this.calendar = new WorkingDayCalendar({ holidays: k.config.calendar.holidays, workdays: k.config.calendar.workdays });
  }

  view(r: repo.RequestRow) {
    const now = this.k.clock.now();
    const overdue = r.status === 'pending' && r.deadlineAt !== null && now >= r.deadlineAt;
    const granted = r.grantedFields
      ? { fields: r.grantedFields, rowFilter: r.grantedRowFilter, ratePerMinute: r.grantedRatePerMinute, validFrom: iso(r.grantedFrom)!, validTo: iso(r.grantedTo)! }
      : null;
    return {
      id: r.id,
      resource: { id: r.resourceId, version: r.resourceVersion, title: { zh: r.resourceTitleZh, en: r.resourceTitleEn } },
      sourceOrgId: r.sourceOrgId,
      requesterOrgId: r.requesterOrgId,
      sharing: { type: r.sharingType, terms: r.sharingTerms },
      status: r.status,
      requested: { fields: r.fields, rowFilter: r.rowFilter, ratePerMinute: r.ratePerMinute, validFrom: r.validFrom.toISOString(), validTo: r.validTo.toISOString() },
      granted,
      purpose: r.purpose,
      legalBasis: r.legalBasis,
      grantId: r.grantId,
      reason: r.reason,
      workingDays: r.workingDays,
      deadlineAt: iso(r.deadlineAt),
      /** The last working day (Asia/Shanghai date) to answer by. */
      deadlineDate: r.deadlineAt ? shanghaiDate(new Date(r.deadlineAt.getTime() - 1)) : null,
      /** Working days after today up to the deadline day (0 on the last day and once overdue). */
      workingDaysLeft: r.status === 'pending' && r.deadlineAt ? this.calendar.workingDaysBetween(now, new Date(r.deadlineAt.getTime() - 1)) : null,
      overdue,
      overdueFlaggedAt: iso(r.overdueFlaggedAt),
      decidedAt: iso(r.decidedAt),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  /**
   * Requests a resource for `requesterOrgId` (the caller's organisation). The resource's sharing
   * class decides at once: granted (the grant issued in this transaction), pending, or refused.
   */
  async create(requesterOrgId: string, input: NewRequest, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== requesterOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const org = await this.orgs.get(requesterOrgId);
    if (org.status !== 'active') throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION, { reason: 'inactive' });
    if (!PUBLIC_ORG_TYPES.includes(org.type)) throw new AppError(SharingErrors.SHARING_REQUESTER_NOT_PUBLIC_BODY);
    const res = await this.resource(input.resourceId, requesterOrgId, by);
    const fieldNames = res.fields.map((f) => f.name);
    const fields = [...new Set(input.fields)];
    for (const f of [...fields, ...Object.keys(input.rowFilter ?? {})]) {
      if (!fieldNames.includes(f)) throw new AppError(SharingErrors.SHARING_FIELD_UNKNOWN, { field: f }, { field: f });
    }
    // Core data is never shared (GB/T 43697-2024); the grading already forbids a core resource a
    // sharing class, this guards the field level too.
    if (res.grading.level === 'core' || res.fields.some((f) => fields.includes(f.name) && f.grade?.level === 'core')) throw new AppError(SharingErrors.SHARING_CORE_DATA);
    const now = this.k.clock.now();
    const validFrom = input.validFrom ? this.parse(input.validFrom, 'validFrom') : now;
    const validTo = this.parse(input.validTo, 'validTo');
    if (validTo <= validFrom) throw new AppError(SharingErrors.SHARING_PERIOD_INVALID, { reason: 'to_not_after_from' }, { reason: 'to_not_after_from' });
    if (validTo <= now) throw new AppError(SharingErrors.SHARING_PERIOD_INVALID, { reason: 'ended' }, { reason: 'ended' });
    const sharing = res.sharing!;
    const type = sharing.type;
    const status = INITIAL[type];
    const workingDays = type === 'conditional' ? this.k.config.sharing.approvalWorkingDays : null;
    const r: repo.RequestRow = {
      id: newId('shr'),
      resourceId: res.id,
      resourceVersion: res.version,
      resourceTitleZh: res.title.zh,
      resourceTitleEn: res.title.en,
      sourceOrgId: res.sourceOrgId,
      requesterOrgId,
      sharingType: type,
      sharingTerms: sharing.conditions ?? sharing.legalBasis ?? null,
      status,
      fields,
      purpose: input.purpose.trim(),
      legalBasis: input.legalBasis.trim(),
      validFrom,
      validTo,
      rowFilter: normalise(input.rowFilter),
      ratePerMinute: input.ratePerMinute ?? null,
      grantedFields: null,
      grantedRowFilter: null,
      grantedRatePerMinute: null,
      grantedFrom: null,
      grantedTo: null,
      grantId: null,
      reason: type === 'none' ? (sharing.legalBasis ?? null) : null,
      workingDays,
      deadlineAt: workingDays !== null ? this.calendar.deadline(now, workingDays) : null,
      overdueFlaggedAt: null,
      decidedAt: type === 'conditional' ? null : now,
      createdAt: now,
      updatedAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      const actor = serviceActor(by);
      const subject = { type: 'sharing_request', id: r.id };
      await emit({
        type: 'sharing.request.created', subject, orgId: requesterOrgId, actor, requestId,
        payload: {
          resourceId: r.resourceId, resourceVersion: r.resourceVersion, sourceOrgId: r.sourceOrgId, requesterOrgId, sharingType: type, status: status as 'pending' | 'granted' | 'refused',
          purpose: r.purpose, legalBasis: r.legalBasis, deadlineAt: iso(r.deadlineAt), workingDays, ...this.scopeOut(this.requested(r)),
        },
      });
      if (type === 'unconditional') {
        const scope = this.requested(r);
        await this.issue(tx, emit, r, scope, by, requestId);
        await repo.insertRequest(tx, r);
        await emit({ type: 'sharing.request.granted', subject, orgId: r.sourceOrgId, actor, requestId, payload: { grantId: r.grantId!, by: 'unconditional', ...this.scopeOut(scope) } });
      } else {
        await repo.insertRequest(tx, r);
        if (type === 'none') await emit({ type: 'sharing.request.refused', subject, orgId: r.sourceOrgId, actor, requestId, payload: { basis: r.reason ?? '' } });
      }
      return this.view(r);
    });
  }

  async list(by: Principal, q: RequestListQuery) {
    const box = q.box ?? 'sent';
    if (box === 'all' && !hasAnyRole(by, OVERSEERS)) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: OVERSEERS }, { roles: OVERSEERS.join(', ') });
    const { items, total } = await repo.listRequests(this.k.db, {
      ...(box === 'sent' ? { requesterOrgId: by.orgId } : box === 'received' ? { sourceOrgId: by.orgId } : {}),
      status: q.status, resourceId: q.resourceId, overdue: q.overdue, now: this.k.clock.now(), page: q.page, pageSize: q.pageSize,
    });
    return { items: items.map((r) => this.view(r)), total, page: q.page, pageSize: q.pageSize };
  }

  /** One request: to its requester, its source unit, the data bureau and the regulator; not found for anyone else. */
  async get(id: string, by: Principal | null) {
    const r = await repo.findRequest(this.k.db, id);
    if (!r || (by && !this.canSee(r, by))) throw new AppError(SharingErrors.SHARING_REQUEST_NOT_FOUND);
    return this.view(r);
  }

  /** The source unit approves a pending request, possibly narrowing it; the grant is issued with it. */
  async approve(id: string, changes: ScopeInput, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const r = await this.forAction(tx, id, by, 'approve', 'source');
      const requested = this.requested(r);
      const { scope, narrowed } = this.narrowed(requested, changes);
      const now = this.k.clock.now();
      const late = r.deadlineAt !== null && now >= r.deadlineAt;
      await this.issue(tx, emit, r, scope, by, requestId);
      Object.assign(r, { status: 'granted', decidedAt: now, updatedAt: now });
      await repo.saveRequest(tx, r);
      await emit({ type: 'sharing.request.approved', subject: { type: 'sharing_request', id }, orgId: r.sourceOrgId, actor: serviceActor(by), requestId, payload: { grantId: r.grantId!, narrowed, late, ...this.scopeOut(scope) } });
      return this.view(r);
    });
  }

  /** The source unit rejects a pending request, with its reason. */
  async reject(id: string, reason: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const r = await this.forAction(tx, id, by, 'reject', 'source');
      const now = this.k.clock.now();
      const late = r.deadlineAt !== null && now >= r.deadlineAt;
      Object.assign(r, { status: 'rejected', reason: reason.trim(), decidedAt: now, updatedAt: now });
      await repo.saveRequest(tx, r);
      await emit({ type: 'sharing.request.rejected', subject: { type: 'sharing_request', id }, orgId: r.sourceOrgId, actor: serviceActor(by), requestId, payload: { reason: r.reason!, late } });
      return this.view(r);
    });
  }

  /** The requester withdraws its pending request. */
  async withdraw(id: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const r = await this.forAction(tx, id, by, 'withdraw', 'requester');
      const now = this.k.clock.now();
      Object.assign(r, { status: 'withdrawn', decidedAt: now, updatedAt: now });
      await repo.saveRequest(tx, r);
      await emit({ type: 'sharing.request.withdrawn', subject: { type: 'sharing_request', id }, orgId: r.requesterOrgId, actor: serviceActor(by), requestId, payload: {} });
      return this.view(r);
    });
  }

  /** The source unit narrows a granted request further (fewer fields or rows, lower rate, earlier end); the grant follows. */
  async narrowGranted(id: string, changes: Omit<ScopeInput, 'validFrom'>, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const r = await this.forAction(tx, id, by, 'narrow', 'source');
      const { scope, narrowed } = this.narrowed(this.grantedScope(r), changes);
      await this.grants.narrow(tx, emit, r.grantId!, {
        ...(narrowed.includes('fields') ? { fields: scope.fields } : {}),
        ...(narrowed.includes('rowFilter') ? { rowFilter: scope.rowFilter } : {}),
        ...(narrowed.includes('ratePerMinute') ? { ratePerMinute: scope.ratePerMinute } : {}),
        ...(narrowed.includes('validTo') ? { expiresAt: scope.validTo } : {}),
      }, { actor: serviceActor(by), requestId });
      this.setGranted(r, scope);
      r.updatedAt = this.k.clock.now();
      await repo.saveRequest(tx, r);
      await emit({ type: 'sharing.request.narrowed', subject: { type: 'sharing_request', id }, orgId: r.sourceOrgId, actor: serviceActor(by), requestId, payload: { grantId: r.grantId!, narrowed, ...this.scopeOut(scope) } });
      return this.view(r);
    });
  }

  /** The source unit (or the data bureau) revokes a granted request; its grant is revoked with it. */
  async revoke(id: string, reason: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const r = await this.forAction(tx, id, by, 'revoke', 'source_or_bureau');
      const now = this.k.clock.now();
      await this.grants.revoke(tx, emit, r.grantId!, reason.trim(), { actor: serviceActor(by), requestId });
      Object.assign(r, { status: 'revoked', reason: reason.trim(), updatedAt: now });
      await repo.saveRequest(tx, r);
      await emit({ type: 'sharing.request.revoked', subject: { type: 'sharing_request', id }, orgId: r.sourceOrgId, actor: serviceActor(by), requestId, payload: { grantId: r.grantId!, reason: r.reason! } });
      return this.view(r);
    });
  }

  /**
   * Flags pending requests past their working-day deadline: one `sharing.request.overdue` event
   * per request, once. Called periodically by the server (index.ts) and by tests directly.
   * Returns how many were flagged.
   */
  async sweepOverdue(): Promise<number> {
    let flagged = 0;
    for (;;) {
      const n = await this.k.transact(async (tx, emit) => {
        const now = this.k.clock.now();
        const due = await repo.dueUnflagged(tx, now, 200);
        for (const r of due) {
          r.overdueFlaggedAt = now;
          await repo.saveRequest(tx, { ...r, updatedAt: r.updatedAt });
          await emit({
            type: 'sharing.request.overdue', subject: { type: 'sharing_request', id: r.id }, orgId: r.sourceOrgId, actor: { kind: 'system' },
            payload: { deadlineAt: r.deadlineAt!.toISOString(), workingDays: r.workingDays ?? 0, sourceOrgId: r.sourceOrgId },
          });
        }
        return due.length;
      });
      flagged += n;
      if (n < 200) return flagged;
    }
  }

  // ---- internals

  private canSee(r: repo.RequestRow, by: Principal): boolean {
    return by.orgId === r.requesterOrgId || by.orgId === r.sourceOrgId || hasAnyRole(by, OVERSEERS);
  }

  /**
   * The request (locked) if `by` may take `action` on it and the machine allows it. A request the
   * caller may not see is not found; one it may see but not act on is 403.
   */
  private async forAction(tx: Tx, id: string, by: Principal | null, action: Action, who: 'source' | 'requester' | 'source_or_bureau'): Promise<repo.RequestRow> {
    const r = await repo.findRequest(tx, id, true);
    if (!r || (by && !this.canSee(r, by))) throw new AppError(SharingErrors.SHARING_REQUEST_NOT_FOUND);
    if (by) {
      const ok = who === 'requester' ? by.orgId === r.requesterOrgId
        : who === 'source' ? by.orgId === r.sourceOrgId
          : by.orgId === r.sourceOrgId || hasAnyRole(by, ['data_bureau']);
      if (!ok) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    }
    if (!TRANSITIONS[r.status][action]) throw new AppError(SharingErrors.SHARING_REQUEST_STATE_CONFLICT, { status: r.status, action }, { status: r.status, action });
    return r;
  }

  /** The resource as the requester sees it, if it can be requested at all. */
  private async resource(resourceId: string, requesterOrgId: string, by: Principal | null) {
    const viewer: Principal = by ?? { kind: 'user', orgId: requesterOrgId, orgRoles: [], memberRole: 'staff', personRoles: [], displayName: 'system' };
    let res: Awaited<ReturnType<CatalogService['resources']['get']>>;
    try {
      res = await this.catalog.resources.get(resourceId, viewer);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw new AppError(SharingErrors.SHARING_RESOURCE_UNAVAILABLE, { reason: 'not_found' }, { reason: 'not_found' });
      throw err;
    }
    const unavailable = (reason: string) => new AppError(SharingErrors.SHARING_RESOURCE_UNAVAILABLE, { reason }, { reason });
    if (res.sourceOrgId === requesterOrgId) throw unavailable('own_resource');
    if (res.scope !== 'public') throw unavailable('not_public_data');
    if (res.status !== 'published') throw unavailable('not_published');
    if (!res.sharing) throw unavailable('no_sharing_class');
    return res;
  }

  private parse(s: string, what: string): Date {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) throw new AppError(SharingErrors.SHARING_PERIOD_INVALID, { reason: `${what}_invalid` }, { reason: `${what}_invalid` });
    return d;
  }

  private requested(r: repo.RequestRow): Scope {
    return { fields: r.fields, rowFilter: r.rowFilter, ratePerMinute: r.ratePerMinute, validFrom: r.validFrom, validTo: r.validTo };
  }

  private grantedScope(r: repo.RequestRow): Scope {
    return { fields: r.grantedFields!, rowFilter: r.grantedRowFilter, ratePerMinute: r.grantedRatePerMinute, validFrom: r.grantedFrom!, validTo: r.grantedTo! };
  }

  private setGranted(r: repo.RequestRow, s: Scope): void {
    Object.assign(r, { grantedFields: s.fields, grantedRowFilter: s.rowFilter, grantedRatePerMinute: s.ratePerMinute, grantedFrom: s.validFrom, grantedTo: s.validTo });
  }

  private narrowed(current: Scope, input: ScopeInput) {
    const changes: ScopeChanges = {};
    if (input.fields) changes.fields = [...new Set(input.fields)];
    if (input.rowFilter !== undefined) changes.rowFilter = normalise(input.rowFilter);
    if (input.ratePerMinute !== undefined) changes.ratePerMinute = input.ratePerMinute;
    if (input.validFrom) changes.validFrom = this.parse(input.validFrom, 'validFrom');
    if (input.validTo) changes.validTo = this.parse(input.validTo, 'validTo');
    const out = narrow(current, changes);
    if ('widening' in out) throw new AppError(SharingErrors.SHARING_WIDENING, { what: out.widening }, { what: out.widening });
    if (!out.scope.fields.length) throw new AppError(SharingErrors.SHARING_WIDENING, { what: 'fields: none left' }, { what: 'fields: none left' });
    if (out.scope.validTo <= out.scope.validFrom) throw new AppError(SharingErrors.SHARING_PERIOD_INVALID, { reason: 'to_not_after_from' }, { reason: 'to_not_after_from' });
    return out;
  }

  private async issue(tx: Tx, emit: Emit, r: repo.RequestRow, scope: Scope, by: Principal | null, requestId: string | undefined): Promise<void> {
    const grant = await this.grants.issue(tx, emit, {
      kind: 'sharing', sourceRef: r.id, resourceId: r.resourceId, grantorOrgId: r.sourceOrgId, granteeOrgId: r.requesterOrgId,
      fields: scope.fields, rowFilter: scope.rowFilter, purpose: r.purpose, validFrom: scope.validFrom, expiresAt: scope.validTo, ratePerMinute: scope.ratePerMinute,
    }, { actor: serviceActor(by), requestId });
    r.grantId = grant.id;
    this.setGranted(r, scope);
  }

  private scopeOut(s: Scope) {
    return { fields: s.fields, rowFilter: s.rowFilter, ratePerMinute: s.ratePerMinute, validFrom: s.validFrom.toISOString(), validTo: s.validTo.toISOString() };
  }
}
