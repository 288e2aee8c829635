import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './important-data.schemas.js';
import type { CatalogService } from './index.js';

const BUREAU_WRITERS = { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/catalog/important-data — the important-data catalogue (重要数据目录). Thin: rules in important-data.service.ts. */
export async function importantDataRoutes(app: App, svc: CatalogService): Promise<void> {
  app.post('/catalog/important-data', {
    config: { access: BUREAU_WRITERS, event: 'catalog.important.created' },
    schema: {
      tags: ['catalog'], summary: 'Add an entry to the important-data catalogue (data bureau); matching resources are raised to important at once',
      body: S.CreateEntryBody, response: { 201: S.CreatedEntry, ...errors(400, 401, 403) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.importantData.create(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/catalog/important-data', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'The important-data catalogue, by sector', querystring: S.EntryListQuery, response: { 200: Page(S.Entry), ...errors(400, 401) } },
  }, async (req) => svc.importantData.list(req.query));

  app.get('/catalog/important-data/:entryId', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'One important-data catalogue entry', params: S.EntryParams, response: { 200: S.Entry, ...errors(400, 401, 404) } },
  }, async (req) => svc.importantData.get(req.params.entryId));

  app.post('/catalog/important-data/:entryId/retire', {
    config: { access: BUREAU_WRITERS, event: 'catalog.important.retired' },
    schema: {
      tags: ['catalog'], summary: 'Retire an entry (its owner bureau); levels already raised are not lowered',
      params: S.EntryParams, response: { 200: S.Entry, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.importantData.retire(req.params.entryId, req.principal, req.id));
}
