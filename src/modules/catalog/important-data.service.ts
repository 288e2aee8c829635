import type { Executor } from '../../platform/database/database.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { CatalogErrors } from './catalog.errors.js';
import type { CategoryService } from './category.service.js';
import type { OrganisationDirectory } from './element.service.js';
import * as repo from './important-data.repository.js';
import { gradingViolation } from './resource.grading.js';
import type { FieldRow, VersionRow } from './resource.repository.js';
import { indexResource } from './search.indexer.js';

type I18n = { zh: string; en: string };

export interface NewImportantEntry {
  sector: string;
  name: I18n;
  description?: I18n | undefined;
  elementIdentifiers?: string[] | undefined;
  keywords?: string[] | undefined;
  categoryIds?: string[] | undefined;
}

const trimI18n = (t: I18n): I18n => ({ zh: t.zh.trim(), en: t.en.trim() });
const uniq = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

/**
 * Whether a resource version matches an entry: every kind of criterion the entry gives must hold
 * (a field bound to one of its data elements; one of its keywords in the title, description or a
 * field label, case-insensitive; the category or one of its ancestors among its categories), any
 * value within a kind. `categoryPath` = the version's category and its ancestors.
 */
export function entryMatches(
  e: Pick<repo.EntryRow, 'elementIdentifiers' | 'keywords' | 'categoryIds'>,
  v: Pick<VersionRow, 'titleZh' | 'titleEn' | 'descriptionZh' | 'descriptionEn'>,
  fields: Array<Pick<FieldRow, 'elementIdentifier' | 'labelZh' | 'labelEn'>>,
  categoryPath: string[],
): boolean {
  if (!e.elementIdentifiers.length && !e.keywords.length && !e.categoryIds.length) return false;
  if (e.elementIdentifiers.length && !fields.some((f) => f.elementIdentifier && e.elementIdentifiers.includes(f.elementIdentifier))) return false;
  if (e.keywords.length) {
    const texts = [v.titleZh, v.titleEn, v.descriptionZh ?? '', v.descriptionEn ?? '', ...fields.flatMap((f) => [f.labelZh, f.labelEn])].map((t) => t.toLowerCase());
    if (!e.keywords.some((k) => texts.some((t) => t.includes(k.toLowerCase())))) return false;
  }
  if (e.categoryIds.length && !categoryPath.some((c) => e.categoryIds.includes(c))) return false;
  return true;
}

/**
 * The important-data catalogue (重要数据目录, GB/T 43697-2024 §6 and Annex G; rules-cn.md §2.1):
 * per sector, kept by the data bureau. A resource matching an active entry is graded at least
 * important (the hook in ResourceService.regrade), never lowered by it; adding an entry
 * re-evaluates the existing resources at once (each raise an event). Retiring an entry lowers
 * nothing already graded (就高从严); the next edit of a resource recomputes its level.
 */
export class ImportantDataService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationDirectory,
    private readonly categories: CategoryService,
  ) {}

  view(e: repo.EntryRow) {
    return {
      id: e.id,
      ownerOrgId: e.ownerOrgId,
      sector: e.sector,
      name: { zh: e.nameZh, en: e.nameEn },
      description: e.descriptionZh !== null && e.descriptionEn !== null ? { zh: e.descriptionZh, en: e.descriptionEn } : null,
      elementIdentifiers: e.elementIdentifiers,
      keywords: e.keywords,
      categoryIds: e.categoryIds,
      status: e.status,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }

  /** Adds an entry (the caller's data bureau) and raises every existing resource version it matches to important. */
  async create(ownerOrgId: string, input: NewImportantEntry, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== ownerOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const owner = await this.orgs.get(ownerOrgId);
    if (owner.status !== 'active' || !owner.roles.includes('data_bureau')) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['data_bureau'] }, { roles: 'data_bureau' });
    const bad = (reason: string) => new AppError(CatalogErrors.CATALOG_IMPORTANT_ENTRY_INVALID, { reason }, { reason });
    const elementIdentifiers = uniq(input.elementIdentifiers);
    const keywords = uniq(input.keywords);
    const categoryIds = uniq(input.categoryIds);
    if (!elementIdentifiers.length && !keywords.length && !categoryIds.length) throw bad('criteria_required');
    if (keywords.some((k) => [...k].length < 2)) throw bad('keyword_too_short');
    for (const c of categoryIds) if (!(await this.categories.get(c).catch(() => null))) throw bad('category_not_found');
    const now = this.k.clock.now();
    const name = trimI18n(input.name);
    const d = input.description ? trimI18n(input.description) : null;
    const row: repo.EntryRow = {
      id: newId('imp'), ownerOrgId, sector: input.sector.trim(), nameZh: name.zh, nameEn: name.en, descriptionZh: d?.zh ?? null, descriptionEn: d?.en ?? null,
      elementIdentifiers, keywords, categoryIds, status: 'active', createdAt: now, updatedAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertEntry(tx, row);
      // Re-evaluation: every head or live version this entry selects goes up to important (never down).
      const versions = await repo.versionsMatching(tx, row, await repo.categorySubtree(tx, categoryIds));
      const byResource = new Map<string, repo.CandidateVersion[]>();
      for (const v of versions) {
        if (v.level === 'core' || v.level === 'important') continue;
        byResource.set(v.resourceId, [...(byResource.get(v.resourceId) ?? []), v]);
      }
      for (const [resourceId, vs] of byResource) {
        for (const v of vs) await repo.raiseToImportant(tx, resourceId, v.version, now);
        await indexResource(tx, resourceId); // the search index's level facet follows (search.indexer.ts)
        // A raised level can break the sharing/open rules (important data is never opened
        // unconditionally): recorded in the event for the source unit and the bureau to act on.
        const conflict = vs.map((v) => gradingViolation({ level: 'important', personalInfo: v.personalInfo }, v.sharing, v.open)).find(Boolean) ?? null;
        await emit({
          type: 'catalog.resource.regraded',
          subject: { type: 'resource', id: resourceId },
          orgId: vs[0]!.sourceOrgId,
          actor: serviceActor(by),
          requestId,
          payload: { versions: vs.map((v) => v.version), level: 'important', entryIds: [row.id], conflict: conflict?.rule ?? null },
        });
      }
      await emit({
        type: 'catalog.important.created',
        subject: { type: 'important_data_entry', id: row.id },
        orgId: ownerOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { sector: row.sector, name, elementIdentifiers, keywords, categoryIds, regraded: byResource.size },
      });
      return { ...this.view(row), regraded: [...byResource.keys()] };
    });
  }

  async list(query: { sector?: string | undefined; status?: repo.EntryStatus | undefined; page: number; pageSize: number }) {
    const { items, total } = await repo.listEntries(this.k.db, query);
    return { items: items.map((e) => this.view(e)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string) {
    const e = await repo.findEntry(this.k.db, id);
    if (!e) throw new AppError(CatalogErrors.CATALOG_IMPORTANT_ENTRY_NOT_FOUND);
    return this.view(e);
  }

  /** Retires an entry (its owner bureau). Levels already raised stay (never lowered by the catalogue). */
  async retire(id: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const e = await repo.findEntry(tx, id, true);
      if (!e) throw new AppError(CatalogErrors.CATALOG_IMPORTANT_ENTRY_NOT_FOUND);
      if (by && by.orgId !== e.ownerOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
      if (e.status !== 'active') throw new AppError(CatalogErrors.CATALOG_IMPORTANT_ENTRY_STATE_CONFLICT, { status: e.status, action: 'retire' }, { status: e.status, action: 'retire' });
      const now = this.k.clock.now();
      await repo.setEntryStatus(tx, id, 'retired', now);
      await emit({ type: 'catalog.important.retired', subject: { type: 'important_data_entry', id }, orgId: e.ownerOrgId, actor: serviceActor(by), requestId, payload: { sector: e.sector } });
      return this.view({ ...e, status: 'retired', updatedAt: now });
    });
  }

  /** ResourceHooks.importantMatches: the active entries a version matches (on the caller's executor). */
  async importantMatches(db: Executor, v: VersionRow, fields: FieldRow[]): Promise<string[]> {
    const entries = await repo.activeEntries(db);
    if (!entries.length) return [];
    const path = await repo.categoryAncestors(db, v.categoryId);
    return entries.filter((e) => entryMatches(e, v, fields, path)).map((e) => e.id);
  }
}
