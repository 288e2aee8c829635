import { randomBytes } from 'node:crypto';
import type { Tx } from '../../platform/database/database.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/events/outbox.js';
import { actorOf, hasAnyRole, type Principal } from '../../platform/http/access.js';
import { SYSTEM_ACTOR } from '../../platform/events/outbox.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import { GatewayErrors } from './gateway.errors.js';
import type { DataSource } from './gateway.source.js';
import type { CatalogService, OrganisationDirectory } from '../catalog/index.js';
import { MASK_METHODS, weakerEntry, type MaskingMatrix, type MaskMethod } from './masking.rules.js';
import * as repo from './grant.repository.js';

/** What creates a grant (contracts.md §B). */
export interface GrantInput {
  kind: 'sharing' | 'open_key' | 'open_application' | 'direct' | 'authorization' | 'consent' | 'contract';
  sourceRef: string;
  resourceId: string;
  grantorOrgId: string;
  granteeOrgId: string;
  fields: string[];
  rowFilter?: Record<string, string[]> | null;
  purpose?: string | null;
  validFrom?: Date;
  expiresAt: Date | null;
  ratePerMinute?: number | null;
  dailyRowQuota?: number | null;
  /** Most delivered calls over the grant's life (a data subject's "maximum number of uses"). */
  maxCalls?: number | null;
  masking?: Record<string, MaskMethod> | null;
}
export interface Grant extends Required<GrantInput> {
  id: string;
  callsUsed: number;
  status: 'active' | 'revoked' | 'expired';
  createdAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}
export type GrantChanges = Partial<Pick<GrantInput, 'fields' | 'rowFilter' | 'expiresAt' | 'ratePerMinute' | 'dailyRowQuota'>>;
export interface GrantListQuery {
  granteeOrgId?: string | undefined;
  grantorOrgId?: string | undefined;
  resourceId?: string | undefined;
  sourceRef?: string | undefined;
  status?: repo.GrantStatus | undefined;
  page: number;
  pageSize: number;
}
/** Who did it, for the event (optional: service callers inside another module's unit of work pass theirs). */
export interface ChangeMeta {
  actor?: Actor;
  requestId?: string | undefined;
}

/** A grant as the data path uses it: the row plus its decrypted salt. */
export interface LiveGrant extends repo.GrantRow {
  salt: Buffer;
}

const GRANT_CACHE_TTL_MS = 2_000;
/** Grants kept in the data path's cache (oldest dropped first): bounded memory with millions of grants. */
const GRANT_CACHE_MAX = 50_000;
const MAX_FILTER_VALUES = 1_000;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Grants (授权): what a grantee organisation may read of a resource through the gateway. Only
 * the gateway writes them; sharing, open data and later authorizations and contracts issue,
 * narrow and revoke them through this service inside their own transactions, so that e.g. an
 * approval and its grant commit together. Rules:
 * - core data (核心数据) is never delivered (数据安全法 Art. 21; rules-cn.md §2: "核心数据不得共享、
 *   开放或挂接交付") — neither a core-level resource nor a core field;
 * - granted and filtered fields must exist in the resource; the resource must be published and
 *   mounted, and the grantor must own it;
 * - masking may only strengthen the platform's defaults (config `gateway.masking`);
 * - narrowing can only narrow (fields ⊆, row scope ⊆, earlier expiry, lower rate and quota);
 * - expiry is enforced at call time (and a sweep records `gateway.grant.expired`).
 */
export class GrantService {
  private readonly cache = new Map<string, { at: number; grant: LiveGrant }>();
  private readonly byCaller = new Map<string, { at: number; ids: string[] }>();

  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
    private readonly matrix: MaskingMatrix,
    private readonly orgs?: OrganisationDirectory,
  ) {
    // Narrowed, revoked or expired in this or (once sequenced) any process: drop the cached copy.
    k.bus.subscribe('gateway.grant.*', (event) => this.invalidate(event.subject.id));
  }

  toGrant(g: repo.GrantRow, now = this.k.clock.now()): Grant {
    return {
      id: g.id,
      kind: g.kind,
      sourceRef: g.sourceRef,
      resourceId: g.resourceId,
      grantorOrgId: g.grantorOrgId,
      granteeOrgId: g.granteeOrgId,
      fields: g.fields,
      rowFilter: g.rowFilter,
      purpose: g.purpose,
      validFrom: g.validFrom,
      expiresAt: g.expiresAt,
      ratePerMinute: g.ratePerMinute,
      dailyRowQuota: g.dailyRowQuota,
      maxCalls: g.maxCalls,
      callsUsed: g.callsUsed,
      masking: g.masking,
      status: g.status === 'active' && g.expiresAt && g.expiresAt <= now ? 'expired' : g.status,
      createdAt: g.createdAt.toISOString(),
      revokedAt: iso(g.revokedAt),
      revokeReason: g.revokeReason,
    };
  }

  /** The resource as catalog serves it, read on the caller's transaction. */
  private async source(tx: Tx, resourceId: string): Promise<DataSource> {
    const src = await this.catalog.sourceIn(tx, resourceId);
    if (!src) throw new AppError(GatewayErrors.GATEWAY_RESOURCE_NOT_FOUND);
    return src;
  }

  private checkFields(src: DataSource, fields: string[]): void {
    for (const f of fields) {
      const field = src.fields.find((x) => x.name === f);
      if (!field) throw new AppError(GatewayErrors.GATEWAY_FIELD_UNKNOWN, { field: f }, { field: f });
      if (field.level === 'core') throw new AppError(GatewayErrors.GATEWAY_CORE_DATA, { field: f }, { reason: `field ${f}` });
    }
  }

  private checkRowFilter(src: DataSource, rowFilter: Record<string, string[]> | null | undefined): void {
    for (const [f, values] of Object.entries(rowFilter ?? {})) {
      if (!src.fields.some((x) => x.name === f)) throw new AppError(GatewayErrors.GATEWAY_FIELD_UNKNOWN, { field: f }, { field: f });
      if (!Array.isArray(values) || values.length === 0 || values.length > MAX_FILTER_VALUES || values.some((v) => typeof v !== 'string')) {
        throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, { field: f }, { reason: `row filter of ${f}: 1..${MAX_FILTER_VALUES} string values` });
      }
    }
  }

  /** Issues a grant inside the caller's transaction; emits `gateway.grant.issued`. */
  async issue(tx: Tx, emit: Emit, input: GrantInput, meta: ChangeMeta = {}): Promise<Grant> {
    const src = await this.source(tx, input.resourceId);
    if (src.ownerOrgId !== input.grantorOrgId) throw new AppError(GatewayErrors.GATEWAY_GRANTOR_NOT_OWNER);
    if (src.level === 'core') throw new AppError(GatewayErrors.GATEWAY_CORE_DATA, { level: 'core' }, { reason: 'resource level core' });
    if (src.status !== 'published') throw new AppError(GatewayErrors.GATEWAY_RESOURCE_NOT_PUBLISHED, { status: src.status }, { status: src.status });
    if (!src.mount) throw new AppError(GatewayErrors.GATEWAY_RESOURCE_NOT_MOUNTED);
    if (input.granteeOrgId === input.grantorOrgId) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, {}, { reason: 'grantee is the grantor' });
    const fields = [...new Set(input.fields)];
    if (fields.length === 0) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, {}, { reason: 'no fields' });
    this.checkFields(src, fields);
    this.checkRowFilter(src, input.rowFilter);
    for (const [f, m] of Object.entries(input.masking ?? {})) {
      if (!fields.includes(f)) throw new AppError(GatewayErrors.GATEWAY_FIELD_UNKNOWN, { field: f }, { field: f });
      if (!(MASK_METHODS as readonly string[]).includes(m)) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, { field: f }, { reason: `masking method ${m}` });
    }
    const weaker = weakerEntry(src.fields, this.matrix, input.masking);
    if (weaker) throw new AppError(GatewayErrors.GATEWAY_MASKING_WEAKER, weaker, weaker);
    const now = this.k.clock.now();
    const validFrom = input.validFrom ?? now;
    if (input.expiresAt && input.expiresAt <= validFrom) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, {}, { reason: 'expiry before validity start' });
    if (input.expiresAt && input.expiresAt <= now) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, {}, { reason: 'expiry in the past' });
    for (const [name, v] of [['ratePerMinute', input.ratePerMinute], ['dailyRowQuota', input.dailyRowQuota], ['maxCalls', input.maxCalls]] as const) {
      if (v !== null && v !== undefined && (!Number.isSafeInteger(v) || v <= 0)) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, { [name]: v }, { reason: `${name} must be a positive integer` });
    }
    const id = newId('gnt');
    const row: repo.GrantRow = {
      id,
      kind: input.kind,
      sourceRef: input.sourceRef,
      resourceId: input.resourceId,
      grantorOrgId: input.grantorOrgId,
      granteeOrgId: input.granteeOrgId,
      fields,
      rowFilter: input.rowFilter && Object.keys(input.rowFilter).length ? Object.fromEntries(Object.entries(input.rowFilter).map(([f, v]) => [f, [...new Set(v)]])) : null,
      purpose: input.purpose?.trim() || null,
      validFrom,
      expiresAt: input.expiresAt ?? null,
      ratePerMinute: input.ratePerMinute ?? null,
      dailyRowQuota: input.dailyRowQuota ?? null,
      maxCalls: input.maxCalls ?? null,
      callsUsed: 0,
      masking: input.masking && Object.keys(input.masking).length ? input.masking : null,
      // The per-grant salt of the hash method, encrypted at rest and bound to the grant id.
      saltSealed: this.k.secretBox.seal(randomBytes(32), id),
      status: 'active',
      createdAt: now,
      updatedAt: now,
      revokedAt: null,
      revokeReason: null,
    };
    await repo.insertGrant(tx, row);
    await emit({
      type: 'gateway.grant.issued',
      subject: { type: 'grant', id },
      orgId: row.grantorOrgId,
      actor: meta.actor ?? SYSTEM_ACTOR,
      requestId: meta.requestId,
      payload: {
        kind: row.kind, sourceRef: row.sourceRef, resourceId: row.resourceId, grantorOrgId: row.grantorOrgId, granteeOrgId: row.granteeOrgId,
        fields: row.fields, rowFilter: row.rowFilter, purpose: row.purpose, validFrom: validFrom.toISOString(), expiresAt: iso(row.expiresAt),
        ratePerMinute: row.ratePerMinute, dailyRowQuota: row.dailyRowQuota, masking: row.masking,
      },
    });
    this.byCaller.delete(`${row.granteeOrgId}|${row.resourceId}`);
    return this.toGrant(row, now);
  }

  private async locked(tx: Tx, grantId: string, action: string): Promise<repo.GrantRow> {
    const g = await repo.findGrant(tx, grantId, true);
    if (!g) throw new AppError(GatewayErrors.GATEWAY_GRANT_NOT_FOUND);
    const status = this.toGrant(g).status;
    if (status !== 'active') throw new AppError(GatewayErrors.GATEWAY_GRANT_STATE_CONFLICT, { status }, { status, action });
    return g;
  }

  /** Narrows a grant (only ever narrower: a widening is `409 GATEWAY_GRANT_WIDENING`); emits `gateway.grant.narrowed`. */
  async narrow(tx: Tx, emit: Emit, grantId: string, changes: GrantChanges, meta: ChangeMeta = {}): Promise<Grant> {
    const g = await this.locked(tx, grantId, 'narrow');
    const widening = (what: string) => new AppError(GatewayErrors.GATEWAY_GRANT_WIDENING, { what }, { what });
    const changed: string[] = [];
    const next: repo.GrantRow = { ...g, updatedAt: this.k.clock.now() };
    if (changes.fields !== undefined) {
      const fields = [...new Set(changes.fields)];
      if (fields.length === 0) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, {}, { reason: 'no fields' });
      const extra = fields.filter((f) => !g.fields.includes(f));
      if (extra.length) throw widening(`fields ${extra.join(', ')}`);
      if (!sameSet(fields, g.fields)) changed.push('fields');
      next.fields = g.fields.filter((f) => fields.includes(f));
    }
    if (changes.rowFilter !== undefined) {
      const nf = changes.rowFilter && Object.keys(changes.rowFilter).length ? changes.rowFilter : null;
      if (nf) this.checkRowFilter(await this.source(tx, g.resourceId), nf);
      for (const [f, values] of Object.entries(g.rowFilter ?? {})) {
        const nv = nf?.[f];
        if (!nv) throw widening(`row scope of ${f} removed`);
        const extra = nv.filter((v) => !values.includes(v));
        if (extra.length) throw widening(`row scope of ${f}: ${extra.slice(0, 5).join(', ')}`);
      }
      const norm = nf ? Object.fromEntries(Object.entries(nf).map(([f, v]) => [f, [...new Set(v)]])) : null;
      if (JSON.stringify(norm) !== JSON.stringify(g.rowFilter)) changed.push('rowFilter');
      next.rowFilter = norm;
    }
    if (changes.expiresAt !== undefined) {
      if (changes.expiresAt === null) {
        if (g.expiresAt !== null) throw widening('expiry removed');
      } else {
        if (g.expiresAt && changes.expiresAt > g.expiresAt) throw widening('later expiry');
        if (changes.expiresAt <= g.validFrom) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, {}, { reason: 'expiry before validity start' });
        if (g.expiresAt?.getTime() !== changes.expiresAt.getTime()) changed.push('expiresAt');
      }
      next.expiresAt = changes.expiresAt;
    }
    for (const key of ['ratePerMinute', 'dailyRowQuota'] as const) {
      const v = changes[key];
      if (v === undefined) continue;
      if (v === null) {
        if (g[key] !== null) throw widening(`${key} removed`);
      } else {
        if (!Number.isSafeInteger(v) || v <= 0) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, { [key]: v }, { reason: `${key} must be a positive integer` });
        if (g[key] !== null && v > g[key]) throw widening(`higher ${key}`);
        if (g[key] !== v) changed.push(key);
      }
      next[key] = v;
    }
    await repo.saveGrant(tx, next);
    await emit({
      type: 'gateway.grant.narrowed',
      subject: { type: 'grant', id: g.id },
      orgId: g.grantorOrgId,
      actor: meta.actor ?? SYSTEM_ACTOR,
      requestId: meta.requestId,
      payload: { resourceId: g.resourceId, granteeOrgId: g.granteeOrgId, changed, fields: next.fields, rowFilter: next.rowFilter, expiresAt: iso(next.expiresAt), ratePerMinute: next.ratePerMinute, dailyRowQuota: next.dailyRowQuota },
    });
    this.invalidate(g.id);
    return this.toGrant(next);
  }

  /** Revokes an active grant at once; emits `gateway.grant.revoked`. */
  async revoke(tx: Tx, emit: Emit, grantId: string, reason: string, meta: ChangeMeta = {}): Promise<Grant> {
    const g = await this.locked(tx, grantId, 'revoke');
    const text = reason.trim();
    if (!text) throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, {}, { reason: 'a revocation needs a reason' });
    const now = this.k.clock.now();
    const next: repo.GrantRow = { ...g, status: 'revoked', revokedAt: now, revokeReason: text, updatedAt: now };
    await repo.saveGrant(tx, next);
    await emit({
      type: 'gateway.grant.revoked',
      subject: { type: 'grant', id: g.id },
      orgId: g.grantorOrgId,
      actor: meta.actor ?? SYSTEM_ACTOR,
      requestId: meta.requestId,
      payload: { resourceId: g.resourceId, granteeOrgId: g.granteeOrgId, reason: text },
    });
    this.invalidate(g.id);
    return this.toGrant(next, now);
  }

  async get(grantId: string): Promise<Grant | null> {
    const g = await repo.findGrant(this.k.db, grantId);
    return g ? this.toGrant(g) : null;
  }

  async list(q: GrantListQuery): Promise<{ items: Grant[]; total: number }> {
    const now = this.k.clock.now();
    const { items, total } = await repo.listGrants(this.k.db, q, now);
    return { items: items.map((g) => this.toGrant(g, now)), total };
  }

  /**
   * Records `gateway.grant.expired` for active grants past their expiry (the data path already
   * refuses them by the clock; this makes the fact evidence). Returns how many expired.
   */
  async expireDue(limit = 500): Promise<number> {
    return this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      const due = await repo.dueForExpiry(tx, now, limit);
      for (const g of due) {
        await repo.saveGrant(tx, { ...g, status: 'expired', updatedAt: now });
        await emit({
          type: 'gateway.grant.expired',
          subject: { type: 'grant', id: g.id },
          orgId: g.grantorOrgId,
          actor: SYSTEM_ACTOR,
          payload: { resourceId: g.resourceId, granteeOrgId: g.granteeOrgId, expiresAt: g.expiresAt!.toISOString() },
        });
        this.invalidate(g.id);
      }
      return due.length;
    });
  }

  // ---- the HTTP API: the principal's view --------------------------------------------------------

  /** The grant when the principal is its grantee or grantor (or a supervisor); otherwise not found. */
  async getFor(grantId: string, by: Principal): Promise<Grant> {
    const g = await this.get(grantId);
    if (!g || (g.granteeOrgId !== by.orgId && g.grantorOrgId !== by.orgId && !hasAnyRole(by, SUPERVISORS))) throw new AppError(GatewayErrors.GATEWAY_GRANT_NOT_FOUND);
    return g;
  }

  async listFor(by: Principal, q: { role: 'grantee' | 'grantor'; resourceId?: string | undefined; status?: repo.GrantStatus | undefined; page: number; pageSize: number }) {
    const side = q.role === 'grantor' ? { grantorOrgId: by.orgId } : { granteeOrgId: by.orgId };
    const r = await this.list({ ...side, resourceId: q.resourceId, status: q.status, page: q.page, pageSize: q.pageSize });
    return { ...r, page: q.page, pageSize: q.pageSize };
  }

  /** A resource owner grants another organisation access directly (e.g. an enterprise's social data). */
  async issueDirect(by: Principal, body: DirectGrantBody, requestId?: string): Promise<Grant> {
    if (this.orgs) {
      const org = await this.orgs.get(body.granteeOrgId).catch(() => null);
      if (!org || org.status !== 'active') throw new AppError(GatewayErrors.GATEWAY_GRANT_INVALID, { granteeOrgId: body.granteeOrgId }, { reason: 'grantee organisation unknown or inactive' });
    }
    return this.k.transact((tx, emit) =>
      this.issue(tx, emit, {
        kind: 'direct',
        sourceRef: `direct:${by.userId ?? by.apiKeyId ?? by.orgId}`,
        resourceId: body.resourceId,
        grantorOrgId: by.orgId,
        granteeOrgId: body.granteeOrgId,
        fields: body.fields,
        rowFilter: body.rowFilter ?? null,
        purpose: body.purpose ?? null,
        ...(body.validFrom ? { validFrom: new Date(body.validFrom) } : {}),
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        ratePerMinute: body.ratePerMinute ?? null,
        dailyRowQuota: body.dailyRowQuota ?? null,
        masking: body.masking ?? null,
      }, { actor: actorOf(by), requestId }),
    );
  }

  /** Only the grantor changes a grant; the grantee is told it may not, anyone else that it does not exist. */
  private async asGrantor(grantId: string, by: Principal): Promise<void> {
    const g = await this.getFor(grantId, by);
    if (g.grantorOrgId !== by.orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
  }

  async narrowBy(by: Principal, grantId: string, body: NarrowBody, requestId?: string): Promise<Grant> {
    await this.asGrantor(grantId, by);
    const changes: GrantChanges = {};
    if (body.fields !== undefined) changes.fields = body.fields;
    if (body.rowFilter !== undefined) changes.rowFilter = body.rowFilter;
    if (body.expiresAt !== undefined) changes.expiresAt = body.expiresAt === null ? null : new Date(body.expiresAt);
    if (body.ratePerMinute !== undefined) changes.ratePerMinute = body.ratePerMinute;
    if (body.dailyRowQuota !== undefined) changes.dailyRowQuota = body.dailyRowQuota;
    return this.k.transact((tx, emit) => this.narrow(tx, emit, grantId, changes, { actor: actorOf(by), requestId }));
  }

  async revokeBy(by: Principal, grantId: string, reason: string, requestId?: string): Promise<Grant> {
    await this.asGrantor(grantId, by);
    return this.k.transact((tx, emit) => this.revoke(tx, emit, grantId, reason, { actor: actorOf(by), requestId }));
  }

  // ---- the data path's view: cached by id, invalidated on change in this process ----

  /** Takes one use of a grant with a use limit; the uses after it, or null when none was left. */
  takeUse(grantId: string): Promise<number | null> {
    return repo.takeCall(this.k.db, grantId);
  }

  invalidate(grantId: string): void {
    const hit = this.cache.get(grantId);
    this.cache.delete(grantId);
    if (hit) this.byCaller.delete(`${hit.grant.granteeOrgId}|${hit.grant.resourceId}`);
  }

  private live(g: repo.GrantRow): LiveGrant {
    return { ...g, salt: this.k.secretBox.open(g.saltSealed, g.id) };
  }

  /** A grant for the data path (cached ≤ 2 s; dropped at once on a change made in this process). */
  async cached(grantId: string): Promise<LiveGrant | null> {
    const t = Date.now();
    const hit = this.cache.get(grantId);
    if (hit && t - hit.at < GRANT_CACHE_TTL_MS) return hit.grant;
    const g = await repo.findGrant(this.k.db, grantId);
    if (!g) return null;
    const grant = this.live(g);
    this.remember(grantId, { at: t, grant });
    return grant;
  }

  private remember(grantId: string, entry: { at: number; grant: LiveGrant }): void {
    if (this.cache.size >= GRANT_CACHE_MAX && !this.cache.has(grantId)) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(grantId, entry);
  }

  /**
   * Source references of active grants of `kind` whose uses are all taken (calls_used ≥ max_calls),
   * for the module that issued them to end what they carry (authorization: used-up consents).
   */
  usedUpSourceRefs(kind: repo.GrantKind, limit: number): Promise<string[]> {
    return repo.usedUpSourceRefs(this.k.db, kind, limit);
  }

  /** The caller organisation's current (not revoked) grants on a resource, newest last. */
  async forCaller(orgId: string, resourceId: string): Promise<LiveGrant[]> {
    const key = `${orgId}|${resourceId}`;
    const t = Date.now();
    const hit = this.byCaller.get(key);
    if (hit && t - hit.at < GRANT_CACHE_TTL_MS) {
      const out: LiveGrant[] = [];
      for (const id of hit.ids) {
        const g = await this.cached(id);
        if (g && g.status === 'active') out.push(g);
      }
      return out;
    }
    const rows = await repo.activeGrantsFor(this.k.db, orgId, resourceId);
    const out = rows.map((g) => {
      const grant = this.live(g);
      this.remember(g.id, { at: t, grant });
      return grant;
    });
    this.byCaller.set(key, { at: t, ids: out.map((g) => g.id) });
    return out;
  }
}

/** Grants as the HTTP API exposes them: who may see, issue, narrow and revoke. */
export interface DirectGrantBody {
  resourceId: string;
  granteeOrgId: string;
  fields: string[];
  rowFilter?: Record<string, string[]> | null | undefined;
  purpose?: string | null | undefined;
  validFrom?: string | undefined;
  expiresAt?: string | null | undefined;
  ratePerMinute?: number | null | undefined;
  dailyRowQuota?: number | null | undefined;
  masking?: Record<string, MaskMethod> | null | undefined;
}
export interface NarrowBody {
  fields?: string[] | undefined;
  rowFilter?: Record<string, string[]> | null | undefined;
  expiresAt?: string | null | undefined;
  ratePerMinute?: number | null | undefined;
  dailyRowQuota?: number | null | undefined;
}

/** Organisations whose role lets them see every grant (supervision). */
export const SUPERVISORS = ['regulator'] as const;
