import type { App } from '../../platform/http/server.js';
import { AppError } from '../../platform/errors.js';
import { errors, Page } from '../../platform/http/schemas.js';
import { dcatCatalog, dcatDocument } from './dcat.mapper.js';
import { OpendataErrors } from './opendata.errors.js';
import * as S from './opendata.schemas.js';
import type { OpendataService } from './index.js';

const PUBLIC = { access: { public: true } } as const;
const LD = 'application/ld+json; charset=utf-8';

/** The open-data portal's public routes under /api/v1/public (no login): datasets and the DCAT catalog. */
export async function portalRoutes(app: App, svc: OpendataService): Promise<void> {
  const open = async (id: string) => {
    const d = await svc.datasets.get(id);
    if (!d) throw new AppError(OpendataErrors.OPENDATA_DATASET_NOT_FOUND);
    return d;
  };

  app.get('/public/opendata/datasets', {
    config: PUBLIC,
    schema: { tags: ['opendata'], summary: 'Open datasets (无条件开放 and 有条件开放 published public data), searchable, no login', querystring: S.DatasetListQuery, response: { 200: Page(S.Dataset), ...errors(400) } },
  }, async (req) => svc.datasets.search(req.query));

  app.get('/public/opendata/datasets/:resourceId', {
    config: PUBLIC,
    schema: { tags: ['opendata'], summary: 'One open dataset with its fields', params: S.DatasetParams, response: { 200: S.Dataset, ...errors(400, 404) } },
  }, async (req) => svc.datasets.view(await open(req.params.resourceId)));

  app.get('/public/dcat.jsonld', {
    config: PUBLIC,
    schema: { tags: ['opendata'], summary: 'The open datasets as a DCAT (DCAT-AP style) catalog in JSON-LD', response: { 200: S.JsonLd } },
  }, async (_req, reply) => reply.type(LD).send(dcatCatalog(await svc.datasets.all(), svc.datasets.baseUrl())));

  app.get('/public/dcat/datasets/:resourceId', {
    config: PUBLIC,
    schema: { tags: ['opendata'], summary: 'One open dataset as a DCAT dcat:Dataset in JSON-LD', params: S.DatasetParams, response: { 200: S.JsonLd, ...errors(400, 404) } },
  }, async (req, reply) => reply.type(LD).send(dcatDocument(await open(req.params.resourceId), svc.datasets.baseUrl())));
}
