import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './demand.schemas.js';
import type { CatalogService } from './index.js';

const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/catalog/demands — the demand list (需求清单). Thin: rules in demand.service.ts. */
export async function demandRoutes(app: App, svc: CatalogService): Promise<void> {
  app.post('/catalog/demands', {
    config: { access: WRITERS, event: 'catalog.demand.created' },
    schema: { tags: ['catalog'], summary: "Raise a data demand for the caller's body (open)", body: S.CreateDemandBody, response: { 201: S.Demand, ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await svc.demands.create(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/catalog/demands', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: "Demands: the caller's own body's; every body's for the data bureau and the regulator",
      querystring: S.DemandListQuery, response: { 200: Page(S.Demand), ...errors(400, 401) },
    },
  }, async (req) => svc.demands.list(req.principal, req.query));

  app.get('/catalog/demands/:demandId', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'One demand with its matched resources', params: S.DemandParams, response: { 200: S.Demand, ...errors(400, 401, 404) } },
  }, async (req) => svc.demands.get(req.params.demandId, req.principal));

  app.get('/catalog/demands/:demandId/suggestions', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: 'Suggested published resources for a demand, each with its reasons (shared data elements, words in titles or field labels)',
      params: S.DemandParams, response: { 200: S.Suggestions, ...errors(400, 401, 404) },
    },
  }, async (req) => svc.demands.suggestions(req.params.demandId, req.principal));

  app.post('/catalog/demands/:demandId/match', {
    config: { access: WRITERS, event: 'catalog.demand.matched' },
    schema: {
      tags: ['catalog'], summary: 'Link published public resources to the demand (open/matched → matched; the requester or the data bureau)',
      params: S.DemandParams, body: S.MatchBody, response: { 200: S.Demand, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.demands.match(req.params.demandId, req.body.resourceIds, req.principal, req.id));

  app.post('/catalog/demands/:demandId/close', {
    config: { access: WRITERS, event: 'catalog.demand.closed' },
    schema: {
      tags: ['catalog'], summary: 'Close the demand (open/matched → closed, final; the requester or the data bureau)',
      params: S.DemandParams, body: S.CloseBody, response: { 200: S.Demand, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.demands.close(req.params.demandId, req.body.reason, req.principal, req.id));
}
