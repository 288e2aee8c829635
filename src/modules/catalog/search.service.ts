import { AppError, PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import { CatalogErrors } from './catalog.errors.js';
import type { CategoryService, CategoryNode } from './category.service.js';
import type { OrganisationDirectory } from './element.service.js';
import { reindexAll } from './search.indexer.js';
import * as repo from './search.repository.js';
import { parseQuery } from './search.tokenizer.js';

type I18n = { zh: string; en: string };

/** Reviewers see public resources under review (the same roles as resource.service.ts). */
const REVIEWERS = ['data_bureau', 'regulator'] as const;
/** Query terms and length accepted (a longer query is refused, not truncated). */
export const MAX_QUERY_LENGTH = 100;
export const MAX_QUERY_TERMS = 8;

export interface SearchQuery {
  q?: string | undefined;
  type?: repo.DocType | undefined;
  body?: string | undefined;
  category?: string | undefined;
  level?: string | undefined;
  sharing?: string | undefined;
  open?: string | undefined;
  format?: string | undefined;
  page: number;
  pageSize: number;
}

export interface FacetValue {
  value: string;
  count: number;
  label?: I18n;
}

/**
 * One search over the catalog: resources, data elements and open datasets, in Chinese and English
 * (bigram index, search.tokenizer.ts), with facets (type, body, category, level, sharing, open,
 * format) and paging, ordered by relevance (every term in the title first) then recency. What a
 * caller finds is exactly what the catalog lets it read (resource.repository.ts listResources);
 * the public search (no login) finds only open datasets.
 */
export class SearchService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationDirectory,
    private readonly categories: CategoryService,
  ) {}

  /** Signed-in search over everything the caller may see. */
  async search(by: Principal, query: SearchQuery) {
    return this.run({ public: false, orgId: by.orgId, reviewer: hasAnyRole(by, REVIEWERS) }, query);
  }

  /** Public search (开放数据): open datasets only — published public data whose open type is not 'none'. */
  async publicSearch(query: Omit<SearchQuery, 'type'>) {
    return this.run({ public: true }, { ...query, type: 'resource' });
  }

  /**
   * Rebuilds the whole index from the catalog tables, in one transaction (searches wait for it
   * — it holds the index table's lock — and then see the new index). The platform itself (`by` null, CLI) or a platform administrator.
   */
  async reindex(by: Principal | null, requestId?: string) {
    if (by && !hasAnyRole(by, ['platform_admin'])) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['platform_admin'] }, { roles: 'platform_admin' });
    return this.k.transact(async (tx, emit) => {
      const counts = await reindexAll(tx);
      await emit({ type: 'catalog.search.reindexed', subject: { type: 'search_index', id: 'catalog' }, orgId: by?.orgId, actor: serviceActor(by), requestId, payload: counts });
      return counts;
    });
  }

  private async run(viewer: repo.SearchViewer, query: SearchQuery) {
    const { terms, grams, exact } = parseQuery(query.q);
    if ((query.q?.length ?? 0) > MAX_QUERY_LENGTH || terms.length > MAX_QUERY_TERMS) {
      throw new AppError(CatalogErrors.CATALOG_SEARCH_QUERY_INVALID, { maxLength: MAX_QUERY_LENGTH, maxTerms: MAX_QUERY_TERMS }, { maxLength: MAX_QUERY_LENGTH, maxTerms: MAX_QUERY_TERMS });
    }
    const tree = await this.categories.tree();
    const categoryNames = new Map<string, I18n>();
    const walk = (nodes: CategoryNode[]) => nodes.forEach((n) => (categoryNames.set(n.id, n.name), walk(n.children as CategoryNode[])));
    walk(tree);
    if (query.category && !categoryNames.has(query.category)) throw new AppError(CatalogErrors.CATALOG_CATEGORY_NOT_FOUND);
    const { total, totalExact, facets, hits } = await repo.search(this.k.db, viewer, {
      grams,
      terms,
      exactTerms: exact,
      type: query.type,
      bodies: query.body ? [query.body] : undefined,
      categoryIds: query.category ? await this.categories.subtree(query.category) : undefined,
      level: query.level,
      sharing: query.sharing,
      open: query.open,
      format: query.format,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }, this.k.clock.now());
    const orgNames = await this.orgNames([...new Set([...facets.body.map((f) => f.value), ...hits.map((h) => h.ownerOrgId)])]);
    const label = (names: Map<string, I18n>) => (f: { value: string; count: number }): FacetValue => {
      const l = names.get(f.value);
      return l ? { ...f, label: l } : f;
    };
    return {
      items: hits.map((h) => ({
        type: h.docType,
        id: h.docId,
        version: h.version,
        status: h.status,
        title: { zh: h.titleZh, en: h.titleEn },
        summary: h.summaryZh !== null && h.summaryEn !== null ? { zh: h.summaryZh, en: h.summaryEn } : null,
        code: h.code,
        body: { id: h.ownerOrgId, name: orgNames.get(h.ownerOrgId) ?? null },
        scope: h.scope,
        category: h.categoryId ? { id: h.categoryId, name: categoryNames.get(h.categoryId) ?? null } : null,
        level: h.level,
        sharing: h.sharingType,
        open: h.openType,
        format: h.format,
        relevance: h.score,
        updatedAt: h.updatedAt.toISOString(),
      })),
      total,
      totalExact,
      page: query.page,
      pageSize: query.pageSize,
      facets: {
        type: facets.type,
        body: facets.body.slice(0, 50).map(label(orgNames)),
        category: facets.category.map(label(categoryNames)),
        level: facets.level,
        sharing: facets.sharing,
        open: facets.open,
        format: facets.format,
      },
    };
  }

  /**
   * Names of organisations (unknown ones left out), through identity's service, remembered for a
   * minute: a search names up to ~70 bodies and names change rarely (a rename shows within a minute).
   */
  private async orgNames(ids: string[]): Promise<Map<string, I18n>> {
    const out = new Map<string, I18n>();
    const now = Date.now();
    await Promise.all(
      ids.map(async (id) => {
        const cached = this.names.get(id);
        if (cached && cached.until > now) {
          if (cached.name) out.set(id, cached.name);
          return;
        }
        let name: I18n | null = null;
        try {
          name = (await this.orgs.get(id)).name ?? null;
        } catch {
          // an organisation the directory does not know: shown by id only
        }
        if (this.names.size > 10_000) this.names.clear();
        this.names.set(id, { name, until: now + 60_000 });
        if (name) out.set(id, name);
      }),
    );
    return out;
  }

  private readonly names = new Map<string, { name: I18n | null; until: number }>();
}
