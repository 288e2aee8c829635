import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/server.js';
import { errors } from '../../platform/http/schemas.js';
import { DETECTORS } from './scan.rules.js';
import { SCAN_SAMPLE_MAX } from './scan.service.js';
import type { CatalogService } from './index.js';

const Strict = { additionalProperties: false } as const;
const Grade = Type.Object({
  level: Type.String(),
  generalLevel: Type.Union([Type.Integer(), Type.Null()]),
  personalInfo: Type.String(),
  sensitiveCategories: Type.Array(Type.String()),
});
const ScanBody = Type.Object(
  {
    apply: Type.Optional(Type.Boolean({ description: 'Raise the draft\'s field grades to the suggestions (never lowers a grade)' })),
    sampleSize: Type.Optional(Type.Integer({ minimum: 10, maximum: SCAN_SAMPLE_MAX })),
  },
  Strict,
);
const ScanResult = Type.Object({
  resourceId: Type.String(),
  version: Type.Integer(),
  sampled: Type.Integer(),
  fields: Type.Array(
    Type.Object({
      field: Type.String(),
      detected: Type.Union([Type.Union(DETECTORS.map((d) => Type.Literal(d))), Type.Null()]),
      share: Type.Union([Type.Number(), Type.Null()]),
      current: Type.Union([Grade, Type.Null()]),
      suggested: Type.Union([Grade, Type.Null()]),
      basis: Type.Union([Type.String(), Type.Null()]),
      raises: Type.Boolean(),
      applied: Type.Boolean(),
    }),
  ),
});

/** The classification scanner: POST /catalog/resources/:resourceId/scan (the owner's org_admin or staff). */
export async function scanRoutes(app: App, svc: CatalogService): Promise<void> {
  app.post('/catalog/resources/:resourceId/scan', {
    config: { access: { memberRoles: ['org_admin', 'staff'] }, event: 'catalog.resource.scanned' },
    schema: {
      tags: ['catalog'],
      summary: 'Sample the mounted data and suggest categories and levels (分类分级 辅助识别); optionally raise the draft\'s grades',
      params: Type.Object({ resourceId: Type.String() }, Strict),
      body: ScanBody,
      response: { 200: ScanResult, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.scan.scan(req.params.resourceId, req.principal, req.body ?? {}, req.id));
}
