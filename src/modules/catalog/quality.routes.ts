import type { App } from '../../platform/http/server.js';
import { errors } from '../../platform/http/schemas.js';
import type { CatalogService } from './index.js';
import * as S from './quality.schemas.js';
import type { UserRule } from './quality.rules.js';

/** Quality runs and rules: the resource's owner organisation (org_admin or staff; the service checks ownership). */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/catalog/resources/:resourceId/quality — data quality (质量, GB/T 36344-2018). */
export async function qualityRoutes(app: App, svc: CatalogService): Promise<void> {
  app.post('/catalog/resources/:resourceId/quality/run', {
    config: { access: WRITERS, event: 'catalog.quality.reported' },
    schema: {
      tags: ['catalog'], summary: "Profile the head version's mounted data: six GB/T 36344 dimension scores, overall score, failing samples (owner only)",
      params: S.QualityParams, response: { 201: S.Report, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.quality.run(req.params.resourceId, req.principal, req.id)));

  app.get('/catalog/resources/:resourceId/quality', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: 'The latest quality report of the version the caller sees (failing samples for the owner only)',
      params: S.QualityParams, response: { 200: S.Report, ...errors(400, 401, 404) },
    },
  }, async (req) => svc.quality.latest(req.params.resourceId, req.principal));

  app.get('/catalog/resources/:resourceId/quality/rules', {
    config: { access: {} },
    schema: { tags: ['catalog'], summary: 'User quality rules of the resource and the rules derived from its fields', params: S.QualityParams, response: { 200: S.RulesView, ...errors(400, 401, 404) } },
  }, async (req) => svc.quality.rules(req.params.resourceId, req.principal));

  app.put('/catalog/resources/:resourceId/quality/rules', {
    config: { access: WRITERS, event: 'catalog.quality.rules_updated' },
    schema: {
      tags: ['catalog'], summary: 'Replace the user quality rules: required, unique, range, pattern, codes, compare (cross-field), freshness (owner only)',
      params: S.QualityParams, body: S.RulesBody, response: { 200: S.RulesView, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => svc.quality.setRules(req.params.resourceId, req.body.rules as UserRule[], req.principal, req.id));
}
