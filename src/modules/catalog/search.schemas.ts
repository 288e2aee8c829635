import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';
import { ATTRIBUTE_TYPES, LEVELS } from './resource.grading.js';
import { MAX_QUERY_LENGTH } from './search.service.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });

const DocTypeSchema = lit(['resource', 'element'] as const, 'resource = data resource (and open dataset); element = data element (数据元)');
const Filters = {
  q: Type.Optional(Type.String({ maxLength: MAX_QUERY_LENGTH, description: 'Chinese or English; terms separated by spaces, all required; Chinese needs no spaces ("用电" finds "企业用电量")' })),
  body: Type.Optional(Type.String({ pattern: '^org_[0-9a-z]{20}$', description: 'source (owner) organisation' })),
  category: Type.Optional(Type.String({ pattern: '^cat_[0-9a-z]{20}$', description: 'category, with its subcategories' })),
  level: Type.Optional(lit(LEVELS, 'grading level (GB/T 43697-2024)')),
  sharing: Type.Optional(lit(ATTRIBUTE_TYPES, 'sharing type')),
  open: Type.Optional(lit(ATTRIBUTE_TYPES, 'open type')),
  format: Type.Optional(lit(['table', 'api', 'file'] as const)),
  ...PageQuery,
};

export const SearchQuery = Type.Object({ ...Filters, type: Type.Optional(DocTypeSchema) }, Strict);
export const PublicSearchQuery = Type.Object(Filters, Strict);

const FacetValue = Type.Object({ value: Type.String(), count: Type.Integer(), label: Type.Optional(I18nOut) });
const FacetList = Type.Array(FacetValue);

export const SearchHit = Type.Object({
  type: DocTypeSchema,
  id: Type.String(),
  version: Nullable(Type.Integer()),
  status: Type.String({ description: 'resource version status or element status' }),
  title: I18nOut,
  summary: Nullable(I18nOut),
  code: Nullable(Type.String({ description: 'data element identifier' })),
  body: Type.Object({ id: Type.String(), name: Nullable(I18nOut) }, { description: 'source (owner) organisation' }),
  scope: Nullable(Type.String()),
  category: Nullable(Type.Object({ id: Type.String(), name: Nullable(I18nOut) })),
  level: Nullable(Type.String()),
  sharing: Nullable(Type.String()),
  open: Nullable(Type.String()),
  format: Nullable(Type.String()),
  relevance: Type.Integer({ description: '2 = every term in the title, 1 = elsewhere' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const SearchResult = Type.Object({
  items: Type.Array(SearchHit),
  total: Type.Integer({ description: 'matches, counted up to 1,000' }),
  totalExact: Type.Boolean({ description: 'false when more than 1,000 match: total and facets then cover the 1,000 most recently updated matches (pages reach that far)' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Object(
    { type: FacetList, body: FacetList, category: FacetList, level: FacetList, sharing: FacetList, open: FacetList, format: FacetList },
    { description: 'counts over the matching set (see totalExact); body lists the 50 largest' },
  ),
});

export const ReindexResult = Type.Object({ resources: Type.Integer(), elements: Type.Integer(), documents: Type.Integer() });
