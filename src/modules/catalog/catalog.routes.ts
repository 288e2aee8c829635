import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './catalog.schemas.js';
import type { CatalogService } from './index.js';
import { resourceRoutes } from './resource.routes.js';

/** Defining the standard: the data bureau's org_admin or staff (the service also requires the owner bureau). */
const BUREAU_WRITERS = { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/catalog routes: the data element standard (公共数据元), then categories and resources (resource.routes.ts). Thin: rules live in the services. */
export async function catalogRoutes(app: App, svc: CatalogService): Promise<void> {
  app.get('/catalog/validators', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'Named value validators a data element format may use', response: { 200: S.ValidatorList, ...errors(401) } },
  }, async () => ({ items: svc.elements.validators() }));

  app.post('/catalog/elements', {
    config: { access: BUREAU_WRITERS, event: 'catalog.element.created' },
    schema: {
      tags: ['catalog'], summary: "Define a data element (一数一源一标准), owned by the caller's data bureau",
      body: S.CreateElementBody, response: { 201: S.Element, ...errors(400, 401, 403, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.elements.create(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/catalog/elements', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'The data element standard: search, filter, sort, page', querystring: S.ElementListQuery, response: { 200: Page(S.Element), ...errors(400, 401) } },
  }, async (req) => svc.elements.list(req.query));

  app.get('/catalog/elements/:elementId', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'One data element', params: S.ElementParams, response: { 200: S.Element, ...errors(400, 401, 404) } },
  }, async (req) => svc.elements.get(req.params.elementId));

  app.patch('/catalog/elements/:elementId', {
    config: { access: BUREAU_WRITERS, event: 'catalog.element.updated' },
    schema: {
      tags: ['catalog'], summary: 'Change a data element (owner bureau only); its version goes up by one',
      params: S.ElementParams, body: S.UpdateElementBody, response: { 200: S.Element, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.elements.update(req.params.elementId, req.body, req.principal, req.id));

  app.post('/catalog/elements/:elementId/retire', {
    config: { access: BUREAU_WRITERS, event: 'catalog.element.retired' },
    schema: { tags: ['catalog'], summary: 'Retire a data element (owner bureau only)', params: S.ElementParams, response: { 200: S.Element, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.elements.retire(req.params.elementId, req.principal, req.id));

  app.post('/catalog/elements/:elementId/check', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: "Check a value against the element's data type, format and code list (changes nothing)",
      params: S.ElementParams, body: S.CheckBody, response: { 200: S.CheckReply, ...errors(400, 401, 404) },
    },
  }, async (req) => svc.elements.check(req.params.elementId, req.body.value));

  await resourceRoutes(app, svc);
}
