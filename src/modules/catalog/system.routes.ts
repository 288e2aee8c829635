import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './system.schemas.js';
import type { CatalogService } from './index.js';

/** Keeping a body's lists: its org_admin or staff (the data bureau's for any body). */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/catalog/systems — the system list (系统清单) — and the three-lists overview. Thin: rules in system.service.ts. */
export async function systemRoutes(app: App, svc: CatalogService): Promise<void> {
  app.post('/catalog/systems', {
    config: { access: WRITERS, event: 'catalog.system.created' },
    schema: {
      tags: ['catalog'], summary: "Add an information system to a body's system list (own body; any body for the data bureau)",
      body: S.CreateSystemBody, response: { 201: S.System, ...errors(400, 401, 403, 409) },
    },
  }, async (req, reply) => {
    const { orgId, ...input } = req.body;
    return reply.code(201).send(await svc.systems.create(orgId ?? req.principal!.orgId, input, req.principal, req.id));
  });

  app.get('/catalog/systems', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: "Systems: the caller's own body's; every body's for the data bureau and the regulator",
      querystring: S.SystemListQuery, response: { 200: Page(S.System), ...errors(400, 401) },
    },
  }, async (req) => svc.systems.list(req.principal, req.query));

  app.get('/catalog/systems/:systemId', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'One information system (its body, the data bureau, the regulator)', params: S.SystemParams, response: { 200: S.System, ...errors(400, 401, 404) } },
  }, async (req) => svc.systems.get(req.params.systemId, req.principal));

  app.patch('/catalog/systems/:systemId', {
    config: { access: WRITERS, event: 'catalog.system.updated' },
    schema: {
      tags: ['catalog'], summary: 'Change an information system in service (its body or the data bureau)',
      params: S.SystemParams, body: S.UpdateSystemBody, response: { 200: S.System, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.systems.update(req.params.systemId, req.body, req.principal, req.id));

  app.post('/catalog/systems/:systemId/retire', {
    config: { access: WRITERS, event: 'catalog.system.retired' },
    schema: {
      tags: ['catalog'], summary: 'Retire an information system (in service → retired)',
      params: S.SystemParams, response: { 200: S.System, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.systems.retire(req.params.systemId, req.principal, req.id));

  app.get('/catalog/lists/overview', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: 'The three lists (三清单) per body: systems, resources, demands; resources per system (every body for the data bureau and the regulator)',
      querystring: S.OverviewQuery, response: { 200: S.Overview, ...errors(400, 401, 403) },
    },
  }, async (req) => svc.systems.overview(req.principal, req.query.orgId));
}
