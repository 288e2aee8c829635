import type { App } from '../../platform/http/server.js';
import { AppError } from '../../platform/errors.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './gateway.schemas.js';
import type { GatewayService } from './index.js';

/** Changing grants: the grantor's org_admin or staff (the service checks the organisation). */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

const wire = (g: Awaited<ReturnType<GatewayService['grants']['getFor']>>) => ({
  ...g,
  validFrom: g.validFrom.toISOString(),
  expiresAt: g.expiresAt ? g.expiresAt.toISOString() : null,
});

/** /api/v1/gateway (grants, calls, usage, proofs) and /api/v1/data (granted data). Thin: rules live in the services. */
export async function gatewayRoutes(app: App, svc: GatewayService): Promise<void> {
  app.get('/gateway/grants', {
    config: { access: {} },
    schema: { tags: ['gateway'], summary: "Grants my organisation holds (role=grantee) or issued on its resources (role=grantor)", querystring: S.GrantListQuery, response: { 200: Page(S.Grant), ...errors(400, 401) } },
  }, async (req) => {
    const r = await svc.grants.listFor(req.principal!, req.query);
    return { ...r, items: r.items.map(wire) };
  });

  app.get('/gateway/grants/:grantId', {
    config: { access: {} },
    schema: { tags: ['gateway'], summary: 'One grant (its grantee or grantor)', params: S.GrantParams, response: { 200: S.Grant, ...errors(400, 401, 404) } },
  }, async (req) => wire(await svc.grants.getFor(req.params.grantId, req.principal!)));

  app.post('/gateway/grants', {
    config: { access: WRITERS, event: 'gateway.grant.issued' },
    schema: {
      tags: ['gateway'], summary: "Grant another organisation access to one of my organisation's published, mounted resources (direct grant); never core data",
      body: S.DirectGrantBody, response: { 201: S.Grant, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (req, reply) => reply.code(201).send(wire(await svc.grants.issueDirect(req.principal!, req.body, req.id))));

  app.patch('/gateway/grants/:grantId', {
    config: { access: WRITERS, event: 'gateway.grant.narrowed' },
    schema: {
      tags: ['gateway'], summary: 'Narrow a grant (grantor): fewer fields, smaller row scope, earlier expiry, lower rate or quota; widening is 409',
      params: S.GrantParams, body: S.NarrowBody, response: { 200: S.Grant, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => wire(await svc.grants.narrowBy(req.principal!, req.params.grantId, req.body, req.id)));

  app.post('/gateway/grants/:grantId/revoke', {
    config: { access: WRITERS, event: 'gateway.grant.revoked' },
    schema: { tags: ['gateway'], summary: 'Revoke a grant at once (grantor)', params: S.GrantParams, body: S.RevokeBody, response: { 200: S.Grant, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => wire(await svc.grants.revokeBy(req.principal!, req.params.grantId, req.body.reason, req.id)));

  app.get('/gateway/calls', {
    config: { access: {} },
    schema: { tags: ['gateway'], summary: 'Data calls my organisation made (role=grantee) or that were made on its grants (role=grantor)', querystring: S.CallListQuery, response: { 200: Page(S.Call), ...errors(400, 401) } },
  }, async (req) => svc.usage.calls(req.principal!, req.query));

  app.get('/gateway/usage', {
    config: { access: {} },
    schema: { tags: ['gateway'], summary: 'Calls, rows and bytes per day, per grant and per grantee (my side only; days in China Standard Time)', querystring: S.UsageQuery, response: { 200: S.Usage, ...errors(400, 401) } },
  }, async (req) => svc.usage.usage(req.principal!, req.query));

  app.get('/gateway/calls/:callId/proof', {
    config: { access: {} },
    schema: {
      tags: ['gateway'], summary: "A call record with its RFC 9162 inclusion proof to its batch commitment's root and the commitment's ledger event id",
      params: S.CallParams, response: { 200: S.CallProof, ...errors(400, 401, 404, 409) },
    },
  }, async (req) => svc.usage.proof(req.principal!, req.params.callId));

  app.get('/public/data/:resourceId/rows', {
    config: { access: { public: true } },
    schema: {
      tags: ['gateway', 'opendata'],
      summary: 'Rows of an unconditionally open dataset, no login (开放广东 preview and CSV/JSON download): masked by the platform defaults, rate-limited per client, metered',
      params: S.ResourceParams, querystring: S.PublicRowsQuery,
      response: { 200: S.PublicRowsResult, ...errors(400, 404, 409, 422, 429, 502, 504) },
    },
  }, async (req, reply) => {
    try {
      const out = await svc.data.openRows(req.ip, req.params.resourceId, req.query);
      reply.header('x-liutong-call-id', out.callId).type(out.contentType);
      if (req.query.format === 'csv') reply.header('content-disposition', `attachment; filename="${req.params.resourceId}.csv"`);
      return reply.serializer((p: unknown) => p as string).send(out.body as never);
    } catch (err) {
      if (err instanceof AppError && err.code === 'GATEWAY_RATE_LIMITED') reply.header('retry-after', String(err.details?.retryAfter ?? 1));
      throw err;
    }
  });

  app.get('/data/:resourceId/rows', {
    config: { access: {} },
    schema: {
      tags: ['gateway'],
      summary: "Rows of a resource under my organisation's grant: filters `where=field:value` (repeatable), projection `fields=a,b`, paging, JSON or CSV; masked, rate-limited, metered",
      params: S.ResourceParams, querystring: S.RowsQuery,
      response: { 200: S.RowsResult, ...errors(400, 401, 403, 404, 409, 422, 429, 502, 504) },
    },
  }, async (req, reply) => {
    try {
      const out = await svc.data.rows(req.principal!, req.params.resourceId, req.query);
      reply.header('x-liutong-call-id', out.callId).type(out.contentType);
      // The body is serialised by the service (its size is metered); bypass the response serializer.
      return reply.serializer((p: unknown) => p as string).send(out.body as never);
    } catch (err) {
      if (err instanceof AppError && err.code === 'GATEWAY_RATE_LIMITED') reply.header('retry-after', String(err.details?.retryAfter ?? 1));
      throw err;
    }
  });
}
