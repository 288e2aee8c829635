/**
 * The CKAN action API subset (package_list, package_show, package_search, organization_list)
 * over the open datasets. CKAN's conventions (docs.ckan.org "API guide", ckan/views/api.py,
 * ckan/logic/action/get.py): unknown parameters are ignored, failures are CKAN exceptions that the
 * routes turn into `{ help, success: false, error: { __type, … } }` with CKAN's status codes.
 */
import { ckanOrganization, ckanPackage, searchText, type CkanPackage } from './ckan.mapper.js';
import type { DatasetService, OpenDataset } from './dataset.service.js';

/** A CKAN exception: its `__type`, HTTP status and error body (CKAN's ValidationError carries field lists instead of a message). */
export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? body.__type));
  }
  static notFound(what?: string) {
    return new CkanError(404, { __type: 'Not Found Error', message: what ? `Not found: ${what}` : 'Not found' });
  }
  static validation(fields: Record<string, string[]>) {
    return new CkanError(409, { __type: 'Validation Error', ...fields });
  }
}

/** ckan.search.rows_max default: larger `rows` are cut to it, as CKAN does. */
export const ROWS_MAX = 1000;
type Params = Record<string, unknown>;

/** CKAN's natural_number_validator: a non-negative integer, else a validation error naming the field. */
function natural(params: Params, field: string, fallback: number): number {
  const v = params[field];
  if (v === undefined || v === '') return fallback;
  const s = String(v).trim();
  if (!/^-?\d+$/.test(s)) throw CkanError.validation({ [field]: ['Invalid integer'] });
  const n = Number(s);
  if (n < 0) throw CkanError.validation({ [field]: ['Must be a natural number'] });
  return n;
}

/** CKAN's boolean_validator: true for 'true', 'True', '1', 'yes', 'on'. */
const bool = (v: unknown) => ['true', '1', 'yes', 'on', 'y', 't'].includes(String(v ?? '').trim().toLowerCase());

/**
 * `field:value`, `field:"quoted value"` and `field:[from TO to]` (`*` open) terms of a Solr filter
 * query — the harvester's incremental `metadata_modified:[… TO *]` included; other syntax is ignored.
 */
export function parseFq(fq: string): Array<{ field: string; value: string; range?: [string, string] }> {
  const out: Array<{ field: string; value: string; range?: [string, string] }> = [];
  for (const m of fq.matchAll(/\+?([A-Za-z_][\w.]*):(?:\[(\S+)\s+TO\s+(\S+)\]|"([^"]*)"|(\S+))/g)) {
    if (m[2] !== undefined) out.push({ field: m[1]!, value: '', range: [m[2], m[3]!] });
    else out.push({ field: m[1]!, value: (m[4] ?? m[5] ?? '').trim() });
  }
  return out;
}

/** A timestamp bound as CKAN's naive UTC text (`Z` and the fraction dropped for the comparison). */
const bound = (v: string) => v.replace(/Z$/, '').replace(/\.\d+$/, '');

function matchesFilter(p: CkanPackage, d: OpenDataset, f: { field: string; value: string; range?: [string, string] }): boolean {
  if (f.range) {
    if (f.field !== 'metadata_modified' && f.field !== 'metadata_created') return true;
    const at = bound(p[f.field]);
    const [from, to] = f.range;
    return (from === '*' || at >= bound(from)) && (to === '*' || at <= bound(to));
  }
  const v = f.value.toLowerCase();
  switch (f.field) {
    case 'organization':
    case 'owner_org':
      return p.organization.name.toLowerCase() === v || p.organization.id.toLowerCase() === v;
    case 'tags':
      return p.tags.some((t) => t.name.toLowerCase() === v);
    case 'res_format':
      return p.resources.some((r) => r.format.toLowerCase() === v);
    case 'name':
    case 'id':
      return p.id.toLowerCase() === v;
    case 'license_id':
      return p.license_id.toLowerCase() === v;
    case 'open_type':
      return d.openType === v;
    case 'category':
      return (d.category?.code ?? '').toLowerCase() === v;
    default:
      return true; // unknown filter fields are ignored
  }
}

const SORTS: Record<string, (a: CkanPackage, b: CkanPackage) => number> = {
  metadata_modified: (a, b) => a.metadata_modified.localeCompare(b.metadata_modified),
  metadata_created: (a, b) => a.metadata_created.localeCompare(b.metadata_created),
  title_string: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
  title: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
  name: (a, b) => a.name.localeCompare(b.name),
  id: (a, b) => a.id.localeCompare(b.id),
};

export class CkanService {
  constructor(private readonly datasets: DatasetService) {}

  private async packages(): Promise<Array<{ d: OpenDataset; p: CkanPackage }>> {
    const base = this.datasets.baseUrl();
    return (await this.datasets.all()).map((d) => ({ d, p: ckanPackage(d, base) }));
  }

  /** Names of the open datasets, sorted by name; `limit`, `offset`. */
  async packageList(params: Params): Promise<string[]> {
    const names = (await this.packages()).map((x) => x.p.name).sort();
    const offset = natural(params, 'offset', 0);
    const limit = params.limit === undefined || params.limit === '' ? names.length : natural(params, 'limit', names.length);
    return names.slice(offset, offset + limit);
  }

  async packageShow(params: Params): Promise<CkanPackage> {
    const id = String(params.id ?? params.name_or_id ?? '').trim();
    if (!id) throw CkanError.validation({ id: ['Missing value'] });
    const d = await this.datasets.get(id);
    if (!d) throw CkanError.notFound();
    return ckanPackage(d, this.datasets.baseUrl());
  }

  /** `q` (every word must occur; `*:*` or empty = all), `fq`, `sort`, `rows` (default 10, at most 1000), `start`. */
  async packageSearch(params: Params) {
    const rows = Math.min(natural(params, 'rows', 10), ROWS_MAX);
    const start = natural(params, 'start', 0);
    const q = String(params.q ?? '').trim();
    const words = q === '' || q === '*:*' ? [] : q.toLowerCase().split(/\s+/).filter(Boolean);
    const filters = parseFq(String(params.fq ?? ''));
    let hits = (await this.packages()).filter(({ d, p }) => {
      const text = searchText(d);
      return words.every((w) => text.includes(w)) && filters.every((f) => matchesFilter(p, d, f));
    });
    const sort = String(params.sort ?? '').trim();
    const [field, dir] = sort.split(',')[0]!.trim().split(/\s+/) as [string, string | undefined];
    const cmp = SORTS[field];
    if (cmp) hits = [...hits].sort((a, b) => (dir === 'desc' ? -1 : 1) * cmp(a.p, b.p));
    else hits = [...hits].sort((a, b) => -SORTS.metadata_modified!(a.p, b.p)); // CKAN default: score desc, metadata_modified desc
    return {
      count: hits.length,
      facets: {},
      results: hits.slice(start, start + rows).map((h) => h.p),
      sort: cmp ? sort : 'score desc, metadata_modified desc',
      search_facets: {},
    };
  }

  /** Organisations that publish open datasets: their names, or with `all_fields=true` their dictionaries with package counts. */
  async organizationList(params: Params) {
    const counts = new Map<string, { o: OpenDataset['organisation']; n: number }>();
    for (const { d } of await this.packages()) {
      const e = counts.get(d.organisation.id) ?? { o: d.organisation, n: 0 };
      e.n++;
      counts.set(d.organisation.id, e);
    }
    const sort = String(params.sort ?? 'title asc').trim();
    const [field, dir] = sort.split(/\s+/) as [string, string | undefined];
    let orgs = [...counts.values()].map((e) => ckanOrganization(e.o, e.n));
    const key = (o: (typeof orgs)[number]) => (field === 'package_count' ? String(o.package_count).padStart(12, '0') : field === 'name' ? o.name : o.title);
    orgs = orgs.sort((a, b) => (dir === 'desc' ? -1 : 1) * key(a).localeCompare(key(b), 'zh-CN'));
    const offset = natural(params, 'offset', 0);
    const limit = params.limit === undefined || params.limit === '' ? orgs.length : natural(params, 'limit', orgs.length);
    const page = orgs.slice(offset, offset + limit);
    return bool(params.all_fields) ? page : page.map((o) => o.name);
  }
}
