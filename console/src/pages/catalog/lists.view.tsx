/** Shared pieces of the three-lists pages (系统清单, 需求清单, overview, census import, important-data catalogue). */
import type { paths } from '../../api/openapi.schema';
import type { Translate } from '../../i18n/i18n.context';
import type { MessageKey } from '../../locales/index';

type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type System = Ok<'/api/v1/catalog/systems/{systemId}', 'get'>;
export type Demand = Ok<'/api/v1/catalog/demands/{demandId}', 'get'>;
export type Suggestion = Ok<'/api/v1/catalog/demands/{demandId}/suggestions', 'get'>['items'][number];
export type ImportantEntry = Ok<'/api/v1/catalog/important-data/{entryId}', 'get'>;
export type OverviewBody = Ok<'/api/v1/catalog/lists/overview', 'get'>['bodies'][number];

export const SYSTEM_STATUSES = ['in_service', 'retired'] as const;
export const DEMAND_STATUSES = ['open', 'matched', 'closed'] as const;
export const CENSUS_SHEETS = ['organisations', 'systems', 'elements', 'resources'] as const;
export type CensusSheet = (typeof CENSUS_SHEETS)[number];

/** A message whose key is built from a code the server sent. */
export const lmsg = (t: Translate, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);

