import type { Kernel } from '../../platform/kernel.js';
import type { CatalogService } from '../catalog/index.js';

type I18n = { zh: string; en: string };

/** What opendata needs of identity's organisation service (`IdentityService['organisations']`). */
export interface OrganisationReader {
  get(orgId: string): Promise<{ id: string; name: I18n; type: string; roles: readonly string[]; status: string; createdAt: string }>;
}

/** A published catalog resource as catalog's service answers it. */
export type PublishedResource = Awaited<ReturnType<CatalogService['resources']['listPublished']>>['items'][number];

/**
 * Open classes (rules-cn.md §2.3; 广东省公共数据开放暂行办法, 广州市公共数据开放管理办法 穗政数规字〔2023〕2号):
 * 无条件开放 (unconditional) and 有条件开放 (conditional) datasets appear on the portal; 不予开放 never.
 */
export const OPEN_TYPES = ['unconditional', 'conditional'] as const;
export type OpenType = (typeof OPEN_TYPES)[number];

export interface OpenDataset {
  resource: PublishedResource;
  openType: OpenType;
  organisation: { id: string; name: I18n; createdAt: string };
  category: { id: string; code: string; name: I18n } | null;
}

const PAGE = 200;

/**
 * The open datasets: catalog resources that are published public data with an open type of
 * unconditional or conditional. Read through catalog's and identity's public services only.
 * The whole (small) set is read per call and filtered here; the search module's index with its
 * open-type facet can replace this when it lands.
 */
export class DatasetService {
  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
    private readonly orgs: OrganisationReader,
  ) {}

  /** Every open dataset, newest first (the catalog's order). */
  async all(): Promise<OpenDataset[]> {
    const out: PublishedResource[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await this.catalog.resources.listPublished({ page, pageSize: PAGE });
      out.push(...items.filter((r) => isOpen(r)));
      if (page * PAGE >= total || items.length === 0) break;
    }
    return this.decorate(out);
  }

  /** One open dataset, or null when it does not exist or is not open. */
  async get(resourceId: string): Promise<OpenDataset | null> {
    const { items } = await this.catalog.resources.listPublished({ id: resourceId, page: 1, pageSize: 1 });
    const r = items[0];
    if (!r || !isOpen(r)) return null;
    return (await this.decorate([r]))[0]!;
  }

  private async decorate(resources: PublishedResource[]): Promise<OpenDataset[]> {
    const orgs = new Map<string, OpenDataset['organisation']>();
    for (const id of new Set(resources.map((r) => r.sourceOrgId))) {
      const o = await this.orgs.get(id);
      orgs.set(id, { id: o.id, name: o.name, createdAt: o.createdAt });
    }
    const categories = new Map<string, OpenDataset['category']>();
    for (const id of new Set(resources.map((r) => r.categoryId))) {
      try {
        const c = await this.catalog.categories.get(id);
        categories.set(id, { id: c.id, code: c.code, name: c.name });
      } catch {
        categories.set(id, null);
      }
    }
    return resources.map((r) => ({ resource: r, openType: r.open!.type as OpenType, organisation: orgs.get(r.sourceOrgId)!, category: categories.get(r.categoryId) ?? null }));
  }

  /** The portal's list: `q` (every word in titles, descriptions, category or publisher, either language), filters, paging. */
  async search(query: { q?: string | undefined; openType?: OpenType | undefined; orgId?: string | undefined; category?: string | undefined; page: number; pageSize: number }) {
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const hits = (await this.all()).filter((d) => {
      const r = d.resource;
      const text = [r.title.zh, r.title.en, r.description?.zh, r.description?.en, d.category?.name.zh, d.category?.name.en, d.organisation.name.zh, d.organisation.name.en].filter(Boolean).join('\n').toLowerCase();
      return words.every((w) => text.includes(w))
        && (!query.openType || d.openType === query.openType)
        && (!query.orgId || d.organisation.id === query.orgId)
        && (!query.category || d.category?.id === query.category || !!d.category?.code.startsWith(`${query.category}.`));
    });
    const start = (query.page - 1) * query.pageSize;
    return { items: hits.slice(start, start + query.pageSize).map((d) => this.view(d)), total: hits.length, page: query.page, pageSize: query.pageSize };
  }

  /** The portal's view of an open dataset: descriptive fields and the field list, never grading internals. */
  view(d: OpenDataset) {
    const r = d.resource;
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      organisation: { id: d.organisation.id, name: d.organisation.name },
      category: d.category,
      openType: d.openType,
      openConditions: r.open?.conditions ?? null,
      updateFrequency: r.updateFrequency,
      format: r.format,
      timeSpan: r.timeSpan,
      coverage: r.coverage,
      version: r.version,
      fields: r.fields.map((f) => ({ name: f.name, label: f.label, dataType: f.dataType, key: f.key })),
      publishedAt: r.publishedAt,
      updatedAt: r.updatedAt,
    };
  }

  baseUrl(): string {
    return this.k.baseUrl();
  }
}

function isOpen(r: PublishedResource): boolean {
  return r.scope === 'public' && r.status === 'published' && !!r.open && (OPEN_TYPES as readonly string[]).includes(r.open.type);
}
