/** Shapes of API answers, taken from the generated schema so they follow the server. */
import type { paths } from './openapi.schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Organisation = Json<'/api/v1/orgs/{orgId}', 'get'>;
export type Me = Json<'/api/v1/me', 'get'>;
export type DataElement = Json<'/api/v1/catalog/elements/{elementId}', 'get'>;
export type CatalogResource = Json<'/api/v1/catalog/resources/{resourceId}', 'get'>;
export type ResourceField = CatalogResource['fields'][number];
export type CategoryNode = Json<'/api/v1/catalog/categories', 'get'>['items'][number];
