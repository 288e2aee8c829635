/**
 * Open datasets as CKAN action API dictionaries (CKAN 2.10 default dataset schema: docs.ckan.org
 * "API guide", ckan/logic/action/get.py package_show / package_search / organization_list), so that
 * CKAN harvesters and clients read the portal unchanged. Field names and value conventions are
 * CKAN's, not Liutong's (DESIGN.md §6.5).
 */
import type { OpenDataset } from './dataset.service.js';

/** CKAN writes naive UTC timestamps with microseconds: `2021-04-09T11:39:37.657233`. */
export function ckanTime(iso: string): string {
  return `${iso.replace(/Z$/, '')}000`.replace(/(\.\d{6})\d*$/, '$1');
}

/** The licence every open dataset carries (CKAN's "Other (Attribution)"); the portal's terms name the attribution. */
export const LICENSE = { id: 'other-at', title: 'Other (Attribution)', url: '' } as const;

export function ckanOrganization(o: OpenDataset['organisation'], packageCount?: number) {
  return {
    id: o.id,
    name: o.id,
    title: o.name.zh,
    type: 'organization',
    description: o.name.en,
    image_url: '',
    created: ckanTime(o.createdAt),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount !== undefined ? { display_name: o.name.zh, image_display_url: '', num_followers: 0, package_count: packageCount } : {}),
  };
}

function tag(name: string) {
  return { display_name: name, id: name, name, state: 'active', vocabulary_id: null };
}

export function ckanPackage(d: OpenDataset, baseUrl: string) {
  const r = d.resource;
  const created = ckanTime(r.createdAt);
  const modified = ckanTime(r.publishedAt ?? r.updatedAt);
  const rows = `${baseUrl}/api/v1/data/${r.id}/rows`;
  const resources = [
    { format: 'JSON', mimetype: 'application/json', url: rows, suffix: 'json' },
    { format: 'CSV', mimetype: 'text/csv', url: `${rows}?format=csv`, suffix: 'csv' },
  ].map((x, position) => ({
    cache_last_updated: null,
    cache_url: null,
    created,
    datastore_active: false,
    description: d.openType === 'unconditional' ? 'Rows through the data gateway with a developer key (无条件开放)' : 'Rows through the data gateway after an approved application (有条件开放)',
    format: x.format,
    hash: '',
    id: `${r.id}_${x.suffix}`,
    last_modified: modified,
    metadata_modified: modified,
    mimetype: x.mimetype,
    mimetype_inner: null,
    name: `${r.title.zh} (${x.format})`,
    package_id: r.id,
    position,
    resource_type: 'api',
    size: null,
    state: 'active',
    url: x.url,
    url_type: null,
  }));
  const tags = [...new Set([d.category?.name.zh, d.category?.name.en].filter((t): t is string => !!t))].map(tag);
  const extras = [
    { key: 'title_en', value: r.title.en },
    { key: 'notes_en', value: r.description?.en ?? '' },
    { key: 'open_type', value: d.openType },
    ...(r.open?.conditions ? [{ key: 'open_conditions', value: r.open.conditions }] : []),
    { key: 'update_frequency', value: r.updateFrequency },
    { key: 'category', value: d.category?.code ?? '' },
    { key: 'version', value: String(r.version) },
    { key: 'fields', value: r.fields.map((f) => f.name).join(',') },
  ];
  return {
    author: null,
    author_email: null,
    creator_user_id: null,
    id: r.id,
    isopen: d.openType === 'unconditional',
    license_id: LICENSE.id,
    license_title: LICENSE.title,
    maintainer: null,
    maintainer_email: null,
    metadata_created: created,
    metadata_modified: modified,
    name: r.id,
    notes: r.description?.zh ?? '',
    num_resources: resources.length,
    num_tags: tags.length,
    organization: ckanOrganization(d.organisation),
    owner_org: d.organisation.id,
    private: false,
    state: 'active',
    title: r.title.zh,
    type: 'dataset',
    url: `${baseUrl}/open-data/${r.id}`,
    version: String(r.version),
    extras,
    groups: [],
    resources,
    tags,
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}

export type CkanPackage = ReturnType<typeof ckanPackage>;

/** Text a package matches `q` against (titles, descriptions, tags, organisation names). */
export function searchText(d: OpenDataset): string {
  const r = d.resource;
  return [r.title.zh, r.title.en, r.description?.zh, r.description?.en, d.category?.name.zh, d.category?.name.en, d.organisation.name.zh, d.organisation.name.en, r.id]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}
