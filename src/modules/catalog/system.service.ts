import type { Executor, Tx } from '../../platform/database/database.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import { CatalogErrors } from './catalog.errors.js';
import type { OrganisationDirectory } from './element.service.js';
import * as repo from './system.repository.js';

type I18n = { zh: string; en: string };

/** Who sees every body's lists: the data bureau (it keeps the three lists) and the regulator. */
export const LIST_REVIEWERS = ['data_bureau', 'regulator'] as const;

export interface NewSystem {
  name: I18n;
  department?: string | undefined;
  description?: I18n | undefined;
  status?: repo.SystemStatus | undefined;
  launchYear?: number | undefined;
  hosting?: string | undefined;
}
/** PATCH: `null` clears an optional field. Retiring is its own action. */
export interface SystemChanges {
  name?: I18n | undefined;
  department?: string | null | undefined;
  description?: I18n | null | undefined;
  launchYear?: number | null | undefined;
  hosting?: string | null | undefined;
}
export interface SystemListQuery {
  orgId?: string | undefined;
  status?: repo.SystemStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

type Action = 'update' | 'retire';
/** The system's states (DESIGN.md §4): in service → retired; a retired system is kept, unchanged. */
const TRANSITIONS: Record<repo.SystemStatus, Partial<Record<Action, repo.SystemStatus>>> = {
  in_service: { update: 'in_service', retire: 'retired' },
  retired: {},
};

const trimI18n = (t: I18n): I18n => ({ zh: t.zh.trim(), en: t.en.trim() });
const text = (s: string | null | undefined) => s?.trim() || null;

/**
 * The system list (系统清单): the information systems of each public body — name, department,
 * status, launch year, hosting (e.g. 政务云) — and the resources that declare them. A body keeps
 * its own list; the data bureau keeps every body's (it may write any, e.g. by census import) and,
 * with the regulator, reads all. Every change is an evidence event.
 */
export class SystemService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationDirectory,
  ) {}

  view(s: repo.SystemRow & { resourceCount?: number }) {
    return {
      id: s.id,
      orgId: s.orgId,
      name: { zh: s.nameZh, en: s.nameEn },
      department: s.department,
      description: s.descriptionZh !== null && s.descriptionEn !== null ? { zh: s.descriptionZh, en: s.descriptionEn } : null,
      status: s.status,
      launchYear: s.launchYear,
      hosting: s.hosting,
      resourceCount: s.resourceCount ?? 0,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  /** Checks who may write `orgId`'s list: its own members, or the data bureau. */
  private assertWriter(orgId: string, by: Principal | null): void {
    if (by && by.orgId !== orgId && !hasAnyRole(by, ['data_bureau'])) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
  }

  /** Builds the row of a new system of `orgId` (an active organisation); nothing written. */
  async prepare(orgId: string, input: NewSystem, by: Principal | null): Promise<repo.SystemRow> {
    this.assertWriter(orgId, by);
    const org = await this.orgs.get(orgId).catch(() => null);
    if (!org || org.status !== 'active') throw new AppError(CatalogErrors.CATALOG_ATTRIBUTE_INVALID, { attribute: 'orgId', reason: org ? 'inactive' : 'not_found' }, { attribute: 'orgId', reason: org ? 'inactive' : 'not_found' });
    return this.row(orgId, input);
  }

  /** The row of a new system (no checks against the database): census import builds rows for bodies of the same file. */
  row(orgId: string, input: NewSystem): repo.SystemRow {
    const now = this.k.clock.now();
    const name = trimI18n(input.name);
    const d = input.description ? trimI18n(input.description) : null;
    return {
      id: newId('sys'),
      orgId,
      nameZh: name.zh,
      nameEn: name.en,
      department: text(input.department),
      descriptionZh: d?.zh ?? null,
      descriptionEn: d?.en ?? null,
      status: input.status ?? 'in_service',
      launchYear: input.launchYear ?? null,
      hosting: text(input.hosting),
      createdAt: now,
      updatedAt: now,
    };
  }

  async create(orgId: string, input: NewSystem, by: Principal | null, requestId?: string) {
    const row = await this.prepare(orgId, input, by);
    return this.k.transact(async (tx, emit) => this.insertIn(tx, emit, row, by, requestId));
  }

  /** Writes a prepared system inside the caller's transaction (also used by census import). */
  async insertIn(tx: Tx, emit: Emit, row: repo.SystemRow, by: Principal | null, requestId?: string) {
    if (await repo.nameTaken(tx, row.orgId, row.nameZh)) throw this.nameTaken(row);
    await repo.insertSystem(tx, row).catch((err) => this.rethrow(err, row));
    await emit({
      type: 'catalog.system.created',
      subject: { type: 'system', id: row.id },
      orgId: row.orgId,
      actor: serviceActor(by),
      requestId,
      payload: { name: { zh: row.nameZh, en: row.nameEn }, status: row.status, department: row.department },
    });
    return this.view(row);
  }

  async list(by: Principal | null, query: SystemListQuery) {
    const all = !by || hasAnyRole(by, LIST_REVIEWERS);
    const orgIds = all ? (query.orgId ? [query.orgId] : undefined) : query.orgId && query.orgId !== by!.orgId ? [] : [by!.orgId];
    const { items, total } = await repo.listSystems(this.k.db, { orgIds, status: query.status, q: query.q, page: query.page, pageSize: query.pageSize });
    return { items: items.map((s) => this.view(s)), total, page: query.page, pageSize: query.pageSize };
  }

  /** One system: the owner's members, the data bureau and the regulator see it; others get 404. */
  async get(id: string, by: Principal | null) {
    const s = await repo.findSystem(this.k.db, id);
    if (!s || (by && by.orgId !== s.orgId && !hasAnyRole(by, LIST_REVIEWERS))) throw new AppError(CatalogErrors.CATALOG_SYSTEM_NOT_FOUND);
    return this.view({ ...s, resourceCount: await repo.resourceCount(this.k.db, id) });
  }

  async update(id: string, changes: SystemChanges, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const s = await this.forChange(tx, id, by, 'update');
      const next: repo.SystemRow = { ...s, updatedAt: this.k.clock.now() };
      if (changes.name) ({ zh: next.nameZh, en: next.nameEn } = trimI18n(changes.name));
      if (changes.description !== undefined) {
        const d = changes.description && trimI18n(changes.description);
        next.descriptionZh = d?.zh ?? null;
        next.descriptionEn = d?.en ?? null;
      }
      if (changes.department !== undefined) next.department = text(changes.department);
      if (changes.hosting !== undefined) next.hosting = text(changes.hosting);
      if (changes.launchYear !== undefined) next.launchYear = changes.launchYear;
      if (changes.name && (await repo.nameTaken(tx, s.orgId, next.nameZh, s.id))) throw this.nameTaken(next);
      await repo.saveSystem(tx, next).catch((err) => this.rethrow(err, next));
      const changed = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined).sort();
      await emit({ type: 'catalog.system.updated', subject: { type: 'system', id }, orgId: s.orgId, actor: serviceActor(by), requestId, payload: { changed } });
      return this.view(next);
    });
  }

  /** Retires a system in service (its resources keep naming it; new ones may not). */
  async retire(id: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const s = await this.forChange(tx, id, by, 'retire');
      const next: repo.SystemRow = { ...s, status: TRANSITIONS[s.status].retire!, updatedAt: this.k.clock.now() };
      await repo.saveSystem(tx, next);
      await emit({ type: 'catalog.system.retired', subject: { type: 'system', id }, orgId: s.orgId, actor: serviceActor(by), requestId, payload: { name: { zh: s.nameZh, en: s.nameEn } } });
      return this.view(next);
    });
  }

  /**
   * The three lists (三清单) per body for the data bureau (and the regulator): systems, public
   * resources (数据清单; published, without a declared system), demands open / matched / closed,
   * and the resources of each system. Anyone else sees their own body only.
   */
  async overview(by: Principal | null, orgId?: string) {
    const all = !by || hasAnyRole(by, LIST_REVIEWERS);
    if (!all && orgId && orgId !== by!.orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const o = await repo.overview(this.k.db, all ? orgId : by!.orgId);
    const names = new Map<string, I18n>();
    for (const b of o.bodies) {
      const org = await this.orgs.get(b.orgId).catch(() => null);
      names.set(b.orgId, org?.name ?? { zh: b.orgId, en: b.orgId });
    }
    return {
      bodies: o.bodies.map((b) => ({
        ...b,
        orgName: names.get(b.orgId)!,
        systemResources: o.perSystem.filter((s) => s.orgId === b.orgId).map((s) => ({ systemId: s.systemId, name: { zh: s.nameZh, en: s.nameEn }, status: s.status, resources: s.resources })),
      })),
    };
  }

  /**
   * ResourceHooks.checkSystem: a resource may declare only an in-service system of its own source
   * unit (the resource's "system" attribute, 系统清单 ↔ 数据清单).
   */
  async checkSystem(db: Executor, sourceOrgId: string, systemId: string): Promise<void> {
    const s = await repo.findSystem(db, systemId);
    const reason = !s ? 'not_found' : s.orgId !== sourceOrgId ? 'not_own_system' : s.status !== 'in_service' ? 'system_retired' : null;
    if (reason) throw new AppError(CatalogErrors.CATALOG_ATTRIBUTE_INVALID, { attribute: 'systemId', reason }, { attribute: 'systemId', reason });
  }

  private async forChange(tx: Tx, id: string, by: Principal | null, action: Action): Promise<repo.SystemRow> {
    const s = await repo.findSystem(tx, id, true);
    if (!s || (by && by.orgId !== s.orgId && !hasAnyRole(by, LIST_REVIEWERS))) throw new AppError(CatalogErrors.CATALOG_SYSTEM_NOT_FOUND);
    this.assertWriter(s.orgId, by);
    if (!TRANSITIONS[s.status][action]) throw new AppError(CatalogErrors.CATALOG_SYSTEM_STATE_CONFLICT, { status: s.status, action }, { status: s.status, action });
    return s;
  }

  private nameTaken(s: repo.SystemRow): AppError {
    return new AppError(CatalogErrors.CATALOG_SYSTEM_NAME_TAKEN, { name: s.nameZh }, { name: s.nameZh });
  }

  private rethrow(err: unknown, s: repo.SystemRow): never {
    if (err instanceof repo.SystemNameConflict) throw this.nameTaken(s);
    throw err;
  }
}
