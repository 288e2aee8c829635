import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './resource.schemas.js';
import type { CatalogService } from './index.js';

/** Configuring the category tree: the data bureau's org_admin or staff. */
const BUREAU_WRITERS = { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] } as const;
/** Cataloguing: any organisation's org_admin or staff, for its own resources (the service checks ownership). */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/**
 * /api/v1/catalog routes: the category tree, the resource catalog (数据资源目录) and its
 * classification and grading (分类分级). Thin: rules live in the services.
 */
export async function resourceRoutes(app: App, svc: CatalogService): Promise<void> {
  app.get('/catalog/categories', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'The resource category tree (基础库, 主题库, …)', response: { 200: S.CategoryTree, ...errors(401) } },
  }, async () => ({ items: await svc.categories.tree() }));

  app.post('/catalog/categories', {
    config: { access: BUREAU_WRITERS, event: 'catalog.category.created' },
    schema: { tags: ['catalog'], summary: 'Add a category (data bureau)', body: S.CreateCategoryBody, response: { 201: S.CategoryNode, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.categories.create(req.body, req.principal, req.id)));

  app.patch('/catalog/categories/:categoryId', {
    config: { access: BUREAU_WRITERS, event: 'catalog.category.updated' },
    schema: {
      tags: ['catalog'], summary: 'Rename, move or reorder a category (data bureau); a move never makes a cycle',
      params: S.CategoryParams, body: S.UpdateCategoryBody, response: { 200: S.CategoryNode, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.categories.update(req.params.categoryId, req.body, req.principal, req.id));

  app.post('/catalog/resources', {
    config: { access: WRITERS, event: 'catalog.resource.created' },
    schema: {
      tags: ['catalog'], summary: "Catalogue a resource of the caller's organisation (a draft; public data for a public body, social data otherwise)",
      body: S.CreateResourceBody, response: { 201: S.Resource, ...errors(400, 401, 403) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.resources.create(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/catalog/resources', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: "Resources the caller may see: everyone's published public data and all of its own organisation's",
      querystring: S.ResourceListQuery, response: { 200: Page(S.Resource), ...errors(400, 401) },
    },
  }, async (req) => svc.resources.list(req.principal, req.query));

  app.get('/catalog/resources/:resourceId', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'One resource, at the version the caller may see', params: S.ResourceParams, response: { 200: S.Resource, ...errors(400, 401, 404) } },
  }, async (req) => svc.resources.get(req.params.resourceId, req.principal));

  app.patch('/catalog/resources/:resourceId', {
    config: { access: WRITERS, event: 'catalog.resource.updated' },
    schema: {
      tags: ['catalog'], summary: 'Edit a draft, or start a new draft version of a published resource (own organisation)',
      params: S.ResourceParams, body: S.UpdateResourceBody, response: { 200: S.Resource, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.resources.update(req.params.resourceId, req.body, req.principal, req.id));

  app.put('/catalog/resources/:resourceId/fields/:field/grade', {
    config: { access: WRITERS, event: 'catalog.resource.graded' },
    schema: {
      tags: ['catalog'], summary: "Grade one field of a draft (GB/T 43697-2024 level, personal information); the resource takes its highest field level",
      params: S.FieldParams, body: S.GradeBody, response: { 200: S.Resource, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.resources.grade(req.params.resourceId, req.params.field, req.body, req.principal, req.id));

  app.post('/catalog/resources/:resourceId/submit', {
    config: { access: WRITERS, event: 'catalog.resource.submitted' },
    schema: { tags: ['catalog'], summary: 'Submit the draft for publication (own organisation)', params: S.ResourceParams, response: { 200: S.Resource, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.resources.submit(req.params.resourceId, req.principal, req.id));

  app.post('/catalog/resources/:resourceId/publish', {
    config: { access: WRITERS, event: 'catalog.resource.published' },
    schema: {
      tags: ['catalog'], summary: 'Publish the submitted version: public data by the data bureau, social data by its own org_admin (grading re-checked)',
      params: S.ResourceParams, response: { 200: S.Resource, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.resources.publish(req.params.resourceId, req.principal, req.id));

  app.post('/catalog/resources/:resourceId/deprecate', {
    config: { access: WRITERS, event: 'catalog.resource.deprecated' },
    schema: {
      tags: ['catalog'], summary: "Deprecate a published resource (its own org_admin, or the data bureau for public data)",
      params: S.ResourceParams, response: { 200: S.Resource, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.resources.deprecate(req.params.resourceId, req.principal, req.id));
}
