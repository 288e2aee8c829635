/**
 * Open datasets as a DCAT catalog in JSON-LD (W3C DCAT v3, DCAT-AP style): dcat:Catalog →
 * dcat:Dataset → dcat:Distribution, with EU Publications Office authority tables for the update
 * frequency, access rights and file types, as DCAT-AP recommends. Titles and descriptions carry
 * both languages (`@language` zh and en).
 */
import type { OpenDataset } from './dataset.service.js';

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';
/** Liutong's update frequencies → the EU frequency authority table (dct:accrualPeriodicity). */
export const FREQUENCY: Record<string, string> = {
  realtime: `${EU}/frequency/UPDATE_CONT`,
  daily: `${EU}/frequency/DAILY`,
  weekly: `${EU}/frequency/WEEKLY`,
  monthly: `${EU}/frequency/MONTHLY`,
  quarterly: `${EU}/frequency/QUARTERLY`,
  yearly: `${EU}/frequency/ANNUAL`,
  irregular: `${EU}/frequency/IRREG`,
};

type I18n = { zh: string; en: string };
const text = (t: I18n) => [
  { '@value': t.zh, '@language': 'zh' },
  { '@value': t.en, '@language': 'en' },
];
const dateTime = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });

export function catalogIri(baseUrl: string): string {
  return `${baseUrl}/api/v1/public/dcat.jsonld`;
}
export function datasetIri(baseUrl: string, resourceId: string): string {
  return `${baseUrl}/api/v1/public/dcat/datasets/${resourceId}`;
}
/** The portal's open-data terms (dct:license of every dataset). */
export const licenseIri = (baseUrl: string) => `${baseUrl}/open-data/terms`;

export function dcatDataset(d: OpenDataset, baseUrl: string) {
  const r = d.resource;
  const rows = `${baseUrl}/api/v1/data/${r.id}/rows`;
  const license = { '@id': licenseIri(baseUrl) };
  const distribution = [
    { suffix: 'json', title: { zh: 'JSON 数据接口', en: 'JSON API' }, url: rows, format: 'JSON', media: 'application/json' },
    { suffix: 'csv', title: { zh: 'CSV 数据接口', en: 'CSV API' }, url: `${rows}?format=csv`, format: 'CSV', media: 'text/csv' },
  ].map((x) => ({
    '@id': `${datasetIri(baseUrl, r.id)}#${x.suffix}`,
    '@type': 'dcat:Distribution',
    'dct:title': text(x.title),
    'dcat:accessURL': { '@id': x.url },
    // Unconditional datasets are downloadable with a developer key; conditional ones after an approved application.
    ...(d.openType === 'unconditional' ? { 'dcat:downloadURL': { '@id': x.url } } : {}),
    'dct:format': { '@id': `${EU}/file-type/${x.format}` },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${x.media}` },
    'dct:license': license,
  }));
  return {
    '@id': datasetIri(baseUrl, r.id),
    '@type': 'dcat:Dataset',
    'dct:identifier': r.id,
    'dct:title': text(r.title),
    'dct:description': text(r.description ?? r.title),
    'dct:publisher': { '@id': `${baseUrl}/orgs/${d.organisation.id}/did.json`, '@type': 'foaf:Organization', 'foaf:name': text(d.organisation.name) },
    'dct:issued': dateTime(r.createdAt),
    'dct:modified': dateTime(r.publishedAt ?? r.updatedAt),
    ...(d.category
      ? { 'dcat:theme': { '@id': `${baseUrl}/api/v1/catalog/categories#${d.category.code}`, '@type': 'skos:Concept', 'skos:prefLabel': text(d.category.name) } }
      : {}),
    'dcat:keyword': d.category ? text(d.category.name) : [],
    'dct:accrualPeriodicity': { '@id': FREQUENCY[r.updateFrequency] ?? `${EU}/frequency/UNKNOWN` },
    // 无条件开放 → public; 有条件开放 → restricted (rules-cn.md §2.3).
    'dct:accessRights': { '@id': `${EU}/access-right/${d.openType === 'unconditional' ? 'PUBLIC' : 'RESTRICTED'}` },
    'dct:license': license,
    'dcat:landingPage': { '@id': `${baseUrl}/open-data/${r.id}` },
    'dcat:distribution': distribution,
  };
}

export function dcatCatalog(datasets: OpenDataset[], baseUrl: string) {
  const modified = datasets.map((d) => d.resource.publishedAt ?? d.resource.updatedAt).sort().pop();
  return {
    '@context': DCAT_CONTEXT,
    '@id': catalogIri(baseUrl),
    '@type': 'dcat:Catalog',
    'dct:title': text({ zh: '流通公共数据开放目录', en: 'Liutong open public data catalogue' }),
    'dct:description': text({ zh: '无条件开放和有条件开放的公共数据集', en: 'Public datasets opened unconditionally or on conditions' }),
    'dct:publisher': { '@id': baseUrl, '@type': 'foaf:Organization', 'foaf:name': text({ zh: '流通平台', en: 'Liutong platform' }) },
    'foaf:homepage': { '@id': `${baseUrl}/open-data` },
    'dct:license': { '@id': licenseIri(baseUrl) },
    'dct:language': [{ '@id': `${EU}/language/ZHO` }, { '@id': `${EU}/language/ENG` }],
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': datasets.map((d) => dcatDataset(d, baseUrl)),
  };
}

export function dcatDocument(d: OpenDataset, baseUrl: string) {
  return { '@context': DCAT_CONTEXT, ...dcatDataset(d, baseUrl), 'dct:isPartOf': { '@id': catalogIri(baseUrl) } };
}
