import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { CkanError, type CkanService } from './ckan.service.js';

/** CKAN ignores unknown parameters (DESIGN.md §6.5: /api/3/action follows CKAN's conventions, not Liutong's). */
const Loose = { additionalProperties: true } as const;
const Text = Type.Optional(Type.String({ maxLength: 2000 }));
const Ok = (result: TSchema, description: string) =>
  Type.Object({ help: Type.String(), success: Type.Literal(true), result }, { description });
const Fail = Type.Object(
  { help: Type.String(), success: Type.Literal(false), error: Type.Object({ __type: Type.String(), message: Type.Optional(Type.String()) }, Loose) },
  { description: "CKAN's error shape: __type 'Not Found Error' (404), 'Validation Error' (409, field lists), 'Authorization Error' (403)" },
);
const PUBLIC = { access: { public: true } } as const;
const TAGS = ['ckan'];

/**
 * The CKAN action API subset at /api/3/action/… (public, no login: open data only). Answers
 * `{ help, success, result }`; failures `{ help, success: false, error: { __type, message } }`
 * with CKAN's status codes (ckan/views/api.py): NotFound 404, ValidationError 409, NotAuthorized
 * 403, an unknown action 400 with the string "Bad request - Action name not known: …".
 */
export async function ckanRoutes(app: App, ckan: CkanService, baseUrl: () => string): Promise<void> {
  const help = (action: string) => `${baseUrl()}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
  const actionOf = (req: FastifyRequest) => (req.routeOptions.url ?? req.url).split('?')[0]!.split('/').pop()!;

  await app.register(async (api) => {
    const r = api as App;
    r.setErrorHandler(async (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const action = actionOf(req);
      if (error instanceof CkanError) return reply.code(error.status).send({ help: help(action), success: false, error: error.body });
      if (error instanceof AppError && error.status === 401) return reply.code(403).send({ help: help(action), success: false, error: { __type: 'Authorization Error', message: 'Access denied' } });
      if (error.validation && error.validationContext === 'body') {
        // The body schema asks only for a JSON object: CKAN answers anything else 400 "Bad request data".
        return reply.code(400).type('application/json; charset=utf-8').send(JSON.stringify('Bad request - Bad request data: Request data JSON decoded but it needs to be a dictionary.'));
      }
      if (error.validation) {
        const fields: Record<string, string[]> = {};
        for (const v of error.validation) fields[v.instancePath.replace(/^\//, '') || 'request'] = [v.message ?? 'Invalid value'];
        return reply.code(409).send({ help: help(action), success: false, error: { __type: 'Validation Error', ...fields } });
      }
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        // CKAN's _finish_bad_request: a JSON string, e.g. for a body that is not a JSON object.
        return reply.code(400).type('application/json; charset=utf-8').send(JSON.stringify(`Bad request - JSON Error: ${error.message}`));
      }
      req.log.error({ err: error }, 'CKAN action failed');
      return reply.code(500).send({ help: help(action), success: false, error: { __type: 'Internal Server Error', message: 'Internal Server Error' } });
    });
    const ok = (action: string, result: unknown) => ({ help: help(action), success: true as const, result });

    r.get('/package_list', {
      config: PUBLIC,
      schema: { tags: TAGS, summary: 'CKAN package_list: names of the open datasets (limit, offset)', querystring: Type.Object({ limit: Text, offset: Text }, Loose), response: { 200: Ok(Type.Array(Type.String()), 'names'), 409: Fail } },
    }, async (req) => ok('package_list', await ckan.packageList(req.query)));

    r.get('/package_show', {
      config: PUBLIC,
      schema: { tags: TAGS, summary: 'CKAN package_show: one open dataset (id)', querystring: Type.Object({ id: Text }, Loose), response: { 200: Ok(Type.Any(), 'a CKAN dataset dictionary'), 404: Fail, 409: Fail } },
    }, async (req) => ok('package_show', await ckan.packageShow(req.query)));

    r.get('/package_search', {
      config: PUBLIC,
      schema: {
        tags: TAGS, summary: 'CKAN package_search: q, fq (organization:, tags:, res_format:, open_type:), sort, rows (≤ 1000), start',
        querystring: Type.Object({ q: Text, fq: Text, sort: Text, rows: Text, start: Text }, Loose),
        response: { 200: Ok(Type.Object({ count: Type.Integer(), facets: Type.Object({}, Loose), results: Type.Array(Type.Any()), sort: Type.String(), search_facets: Type.Object({}, Loose) }), '{ count, results, … }'), 409: Fail },
      },
    }, async (req) => ok('package_search', await ckan.packageSearch(req.query)));

    r.get('/organization_list', {
      config: PUBLIC,
      schema: {
        tags: TAGS, summary: 'CKAN organization_list: organisations publishing open datasets (all_fields, sort, limit, offset)',
        querystring: Type.Object({ all_fields: Text, sort: Text, limit: Text, offset: Text }, Loose),
        response: { 200: Ok(Type.Array(Type.Any()), 'names, or dictionaries with all_fields=true'), 409: Fail },
      },
    }, async (req) => ok('organization_list', await ckan.organizationList(req.query)));

    // CKAN accepts the same actions as POST with a JSON object (ckanapi's RemoteCKAN posts by default).
    const Body = Type.Object({}, { ...Loose, description: 'the action parameters as a JSON object' });
    const post = <R>(name: string, summary: string, result: TSchema, fn: (params: Record<string, unknown>) => Promise<R>) =>
      r.post(`/${name}`, {
        config: PUBLIC,
        schema: { tags: TAGS, summary: `${summary} (POST, JSON body)`, body: Body, response: { 200: Ok(result, summary), 404: Fail, 409: Fail } },
      }, async (req) => ok(name, await fn(req.body as Record<string, unknown>)));
    post('package_list', 'CKAN package_list', Type.Array(Type.String()), (p) => ckan.packageList(p));
    post('package_show', 'CKAN package_show', Type.Any(), (p) => ckan.packageShow(p));
    post('package_search', 'CKAN package_search', Type.Any(), (p) => ckan.packageSearch(p));
    post('organization_list', 'CKAN organization_list', Type.Array(Type.Any()), (p) => ckan.organizationList(p));

    r.get('/:action', {
      config: PUBLIC,
      schema: { tags: TAGS, summary: 'Any other CKAN action: 400 "Bad request - Action name not known"', params: Type.Object({ action: Type.String({ maxLength: 200 }) }), response: { 400: Type.String() } },
    }, async (req, reply) => reply.code(400).type('application/json; charset=utf-8').send(JSON.stringify(`Bad request - Action name not known: ${req.params.action}`)));
  }, { prefix: '/api/3/action' });
}
