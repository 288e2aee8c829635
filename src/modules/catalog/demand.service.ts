import type { Tx } from '../../platform/database/database.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { CatalogErrors } from './catalog.errors.js';
import * as repo from './demand.repository.js';
import type { ElementService } from './element.service.js';
import { fieldsOf } from './resource.repository.js';
import { LIST_REVIEWERS } from './system.service.js';

type I18n = { zh: string; en: string };

export interface NewDemand {
  title: I18n;
  description?: I18n | undefined;
  /** Wanted fields in free text (e.g. "统一社会信用代码、月用电量"), and/or data elements. */
  wantedFields?: string | undefined;
  elementIds?: string[] | undefined;
  purpose: string;
}
export interface DemandListQuery {
  orgId?: string | undefined;
  status?: repo.DemandStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

type Action = 'match' | 'close';
/**
 * The demand machine (DESIGN.md §4): open → matched (one or more published resources linked; more
 * may be linked later) → closed; an open demand may also be closed unmatched (or simply left open).
 * Closed is final.
 */
const TRANSITIONS: Record<repo.DemandStatus, Partial<Record<Action, repo.DemandStatus>>> = {
  open: { match: 'matched', close: 'closed' },
  matched: { match: 'matched', close: 'closed' },
  closed: {},
};

/** Words of a demand for suggestions: its titles and wanted fields split at spaces and punctuation, two characters or more. */
export function demandWords(d: { titleZh: string; titleEn: string; wantedFields: string | null }): string[] {
  const words = [d.titleZh, d.titleEn, d.wantedFields ?? '']
    .flatMap((s) => s.split(/[\s,，、;；:：/|()（）。.]+/))
    .map((w) => w.trim().toLowerCase())
    .filter((w) => [...w].length >= 2 && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, 20);
}
const STOP_WORDS = new Set(['data', 'the', 'and', 'of', 'for', 'with', '数据', '信息']);

const trimI18n = (t: I18n): I18n => ({ zh: t.zh.trim(), en: t.en.trim() });

/**
 * The demand list (需求清单): data needs raised by bodies, matched to published public resources
 * (by the data bureau or the requester) or left open; suggestions explain themselves (shared data
 * elements, title or field-label words). Every transition is an evidence event.
 */
export class DemandService {
  constructor(
    private readonly k: Kernel,
    private readonly elements: ElementService,
  ) {}

  view(d: repo.DemandRow & { matchCount?: number }, matches?: repo.MatchRow[]) {
    return {
      id: d.id,
      orgId: d.orgId,
      title: { zh: d.titleZh, en: d.titleEn },
      description: d.descriptionZh !== null && d.descriptionEn !== null ? { zh: d.descriptionZh, en: d.descriptionEn } : null,
      wantedFields: d.wantedFields,
      elementIds: d.elementIds,
      purpose: d.purpose,
      status: d.status,
      closeReason: d.closeReason,
      matchCount: matches?.length ?? d.matchCount ?? 0,
      matches: (matches ?? []).map((m) => ({ resourceId: m.resourceId, matchedByOrgId: m.matchedByOrgId, matchedAt: m.createdAt.toISOString() })),
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
      matchedAt: d.matchedAt?.toISOString() ?? null,
      closedAt: d.closedAt?.toISOString() ?? null,
    };
  }

  /** Raises a demand of the caller's organisation (`orgId`). */
  async create(orgId: string, input: NewDemand, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const elementIds = [...new Set(input.elementIds ?? [])];
    for (const id of elementIds) {
      const e = await this.elements.get(id).catch(() => null);
      if (!e) throw new AppError(CatalogErrors.CATALOG_ATTRIBUTE_INVALID, { attribute: 'elementIds', reason: 'element_not_found', elementId: id }, { attribute: 'elementIds', reason: 'element_not_found' });
    }
    const now = this.k.clock.now();
    const title = trimI18n(input.title);
    const d = input.description ? trimI18n(input.description) : null;
    const row: repo.DemandRow = {
      id: newId('dmd'),
      orgId,
      titleZh: title.zh,
      titleEn: title.en,
      descriptionZh: d?.zh ?? null,
      descriptionEn: d?.en ?? null,
      wantedFields: input.wantedFields?.trim() || null,
      elementIds,
      purpose: input.purpose.trim(),
      status: 'open',
      closeReason: null,
      createdAt: now,
      updatedAt: now,
      matchedAt: null,
      closedAt: null,
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertDemand(tx, row);
      await emit({ type: 'catalog.demand.created', subject: { type: 'demand', id: row.id }, orgId, actor: serviceActor(by), requestId, payload: { title, elementIds, purpose: row.purpose } });
      return this.view(row, []);
    });
  }

  async list(by: Principal | null, query: DemandListQuery) {
    const all = !by || hasAnyRole(by, LIST_REVIEWERS);
    const orgIds = all ? (query.orgId ? [query.orgId] : undefined) : query.orgId && query.orgId !== by!.orgId ? [] : [by!.orgId];
    const { items, total } = await repo.listDemands(this.k.db, { orgIds, status: query.status, q: query.q, page: query.page, pageSize: query.pageSize });
    return { items: items.map((d) => this.view(d)), total, page: query.page, pageSize: query.pageSize };
  }

  /** One demand with its matches: the requester, the data bureau and the regulator see it; others get 404. */
  async get(id: string, by: Principal | null) {
    const d = await this.visible(id, by);
    return this.view(d, await repo.matchesOf(this.k.db, id));
  }

  /**
   * Suggested matches, each with its reasons: published public resources with fields bound to the
   * wanted data elements (strongest: 2 points each) or whose title or a field label contains a
   * word of the demand's titles or wanted fields (1 point each); best first, already matched ones left out.
   */
  async suggestions(id: string, by: Principal | null) {
    const d = await this.visible(id, by);
    const words = demandWords(d);
    const matched = new Set((await repo.matchesOf(this.k.db, id)).map((m) => m.resourceId));
    const found = (await repo.candidates(this.k.db, d.elementIds, words, 100)).filter((c) => !matched.has(c.id));
    const fields = await fieldsOf(this.k.db, found.map((c) => ({ resourceId: c.id, version: c.version })));
    const items = found.map((c) => {
      const fs = fields.get(`${c.id}@${c.version}`) ?? [];
      const elements = [...new Set(fs.filter((f) => f.elementId && d.elementIds.includes(f.elementId)).map((f) => f.elementIdentifier!))];
      const texts = [c.titleZh, c.titleEn, ...fs.flatMap((f) => [f.labelZh, f.labelEn])].map((t) => t.toLowerCase());
      const hits = words.filter((w) => texts.some((t) => t.includes(w)));
      return {
        resourceId: c.id,
        sourceOrgId: c.sourceOrgId,
        title: { zh: c.titleZh, en: c.titleEn },
        score: elements.length * 2 + hits.length,
        reasons: [...elements.map((e) => ({ kind: 'element' as const, value: e })), ...hits.map((w) => ({ kind: 'word' as const, value: w }))],
      };
    });
    items.sort((a, b) => b.score - a.score || a.resourceId.localeCompare(b.resourceId));
    return { items: items.slice(0, 20) };
  }

  /** Links published public resources to the demand (open/matched → matched): the requester or the data bureau. */
  async match(id: string, resourceIds: string[], by: Principal | null, requestId?: string) {
    const wanted = [...new Set(resourceIds)];
    return this.k.transact(async (tx, emit) => {
      const d = await this.forChange(tx, id, by, 'match');
      const ok = await repo.publishedPublic(tx, wanted);
      const missing = wanted.filter((r) => !ok.some((o) => o.id === r));
      if (missing.length) throw new AppError(CatalogErrors.CATALOG_DEMAND_MATCH_INVALID, { resourceIds: missing, reason: 'not_published_public' }, { reason: 'not_published_public' });
      const before = new Set((await repo.matchesOf(tx, id)).map((m) => m.resourceId));
      const added = wanted.filter((r) => !before.has(r));
      const now = this.k.clock.now();
      await repo.insertMatches(tx, id, added, by?.orgId ?? d.orgId, now);
      await repo.setStatus(tx, id, { status: 'matched', updatedAt: now, ...(d.matchedAt ? {} : { matchedAt: now }) });
      await emit({ type: 'catalog.demand.matched', subject: { type: 'demand', id }, orgId: d.orgId, actor: serviceActor(by), requestId, payload: { resourceIds: added, status: 'matched' } });
      return this.view({ ...d, status: 'matched', updatedAt: now, matchedAt: d.matchedAt ?? now }, await repo.matchesOf(tx, id));
    });
  }

  /** Closes a demand (open or matched → closed, final): the requester or the data bureau. */
  async close(id: string, reason: string | undefined, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const d = await this.forChange(tx, id, by, 'close');
      const now = this.k.clock.now();
      const closeReason = reason?.trim() || null;
      await repo.setStatus(tx, id, { status: 'closed', updatedAt: now, closedAt: now, closeReason });
      await emit({ type: 'catalog.demand.closed', subject: { type: 'demand', id }, orgId: d.orgId, actor: serviceActor(by), requestId, payload: { from: d.status as 'open' | 'matched', reason: closeReason } });
      return this.view({ ...d, status: 'closed', updatedAt: now, closedAt: now, closeReason }, await repo.matchesOf(tx, id));
    });
  }

  private async visible(id: string, by: Principal | null): Promise<repo.DemandRow> {
    const d = await repo.findDemand(this.k.db, id);
    if (!d || (by && by.orgId !== d.orgId && !hasAnyRole(by, LIST_REVIEWERS))) throw new AppError(CatalogErrors.CATALOG_DEMAND_NOT_FOUND);
    return d;
  }

  /** The demand (locked) if `by` may act on it (the requester or the data bureau) and the machine allows `action`. */
  private async forChange(tx: Tx, id: string, by: Principal | null, action: Action): Promise<repo.DemandRow> {
    const d = await repo.findDemand(tx, id, true);
    if (!d || (by && by.orgId !== d.orgId && !hasAnyRole(by, LIST_REVIEWERS))) throw new AppError(CatalogErrors.CATALOG_DEMAND_NOT_FOUND);
    if (by && by.orgId !== d.orgId && !hasAnyRole(by, ['data_bureau'])) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (!TRANSITIONS[d.status][action]) throw new AppError(CatalogErrors.CATALOG_DEMAND_STATE_CONFLICT, { status: d.status, action }, { status: d.status, action });
    return d;
  }
}
