import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { errors } from '../../platform/http/schemas.js';
import type { CatalogService } from './index.js';
import { MountErrors } from './mount.errors.js';
import * as S from './mount.schemas.js';
import { MOUNT_MEDIA_TYPES, mountFormatOf } from './mount.service.js';

/** Mounting: the resource's owner organisation (org_admin or staff; the service checks ownership). */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/**
 * /api/v1/catalog/resources/:resourceId/mount — mounting (挂接). Uploads come as the raw request
 * body (text/csv, XLSX, Parquet, or application/octet-stream with ?format=) or, like the element
 * import, as JSON `{ format, contentBase64 }`. Their own body limit (`catalog.mountBodyLimitBytes`).
 */
export async function mountRoutes(app: App, svc: CatalogService, bodyLimit: number): Promise<void> {
  await app.register(async (scope) => {
    const api = scope as App;
    // File bodies are read as bytes in this scope only; the rest of the API stays JSON-only.
    api.addContentTypeParser([...MOUNT_MEDIA_TYPES, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));

    api.post('/catalog/resources/:resourceId/mount', {
      bodyLimit,
      config: { access: WRITERS, event: 'catalog.mount.created' },
      schema: {
        tags: ['catalog'],
        summary: "Mount a table on the resource's head version: CSV (UTF-8 or GBK), XLSX or Parquet, checked against the declared fields; all rows or none (owner only)",
        params: S.MountParams,
        querystring: S.UploadQuery,
        body: S.UploadBody as never,
        response: { 201: S.MountResult, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    }, async (req, reply) => {
      const body = req.body as unknown;
      let bytes: Uint8Array;
      let format;
      if (Buffer.isBuffer(body)) {
        bytes = body;
        format = mountFormatOf(req.headers['content-type'], req.query.format);
      } else {
        const json = body as { format: 'csv' | 'xlsx' | 'parquet'; contentBase64: string };
        bytes = Buffer.from(json.contentBase64, 'base64');
        format = req.query.format === undefined || req.query.format === json.format ? json.format : null;
      }
      if (!format) throw new AppError(MountErrors.CATALOG_MOUNT_FORMAT_UNSUPPORTED);
      return reply.code(201).send(await svc.mounts.upload(req.params.resourceId, bytes, format, req.principal, req.id));
    });
  });

  app.put('/catalog/resources/:resourceId/mount', {
    config: { access: WRITERS, event: 'catalog.mount.api_registered' },
    schema: {
      tags: ['catalog'],
      summary: "Mount an external HTTP API on the resource's head version; the gateway proxies it (owner only)",
      params: S.MountParams, body: S.ApiMountBody, response: { 200: S.MountResult, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.mounts.mountApi(req.params.resourceId, req.body, req.principal, req.id));

  app.delete('/catalog/resources/:resourceId/mount', {
    config: { access: WRITERS, event: 'catalog.mount.removed' },
    schema: {
      tags: ['catalog'],
      summary: "Remove the data mounted on the resource's draft head version; a published version keeps its data (owner only)",
      params: S.MountParams, response: { 200: S.MountState, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.mounts.remove(req.params.resourceId, req.principal, req.id));

  app.get('/catalog/resources/:resourceId/mount', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: 'What is mounted on the version the caller sees (row count, sha256 of the original, or the API)',
      params: S.MountParams, response: { 200: S.MountState, ...errors(400, 401, 404) },
    },
  }, async (req) => svc.mounts.info(req.params.resourceId, req.principal));

  app.get('/catalog/resources/:resourceId/mount/preview', {
    config: { access: {} },
    schema: {
      tags: ['catalog'], summary: "The first rows of the head version's mounted table (owner only)",
      params: S.MountParams, querystring: S.PreviewQuery, response: { 200: S.Preview, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => svc.mounts.preview(req.params.resourceId, req.principal, req.query.limit ?? 20));
}
