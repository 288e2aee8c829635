import type { App } from '../../platform/http/server.js';
import { errors } from '../../platform/http/schemas.js';
import * as S from './search.schemas.js';
import type { CatalogService } from './index.js';

/**
 * Search routes: the signed-in catalog search (resources, data elements; what the caller may
 * read), the public open-data search (no login; open datasets only) and the index rebuild. Thin:
 * rules live in search.service.ts.
 */
export async function searchRoutes(app: App, svc: CatalogService): Promise<void> {
  app.get('/catalog/search', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: 'Search resources and data elements the caller may see (Chinese and English), with facets and paging',
      querystring: S.SearchQuery, response: { 200: S.SearchResult, ...errors(400, 401, 404) },
    },
  }, async (req) => svc.search.search(req.principal!, req.query));

  app.get('/public/search', {
    config: { access: { public: true } },
    schema: {
      tags: ['catalog'], summary: 'Search open datasets (开放数据; no login): published public data whose open type is not none',
      querystring: S.PublicSearchQuery, response: { 200: S.SearchResult, ...errors(400, 404) },
    },
  }, async (req) => svc.search.publicSearch(req.query));

  app.post('/catalog/search/reindex', {
    config: { access: { roles: ['platform_admin'], memberRoles: ['org_admin', 'staff'] }, event: 'catalog.search.reindexed' },
    schema: { tags: ['catalog'], summary: 'Rebuild the search index from the catalog (platform administrator)', response: { 200: S.ReindexResult, ...errors(401, 403) } },
  }, async (req) => svc.search.reindex(req.principal, req.id));
}
