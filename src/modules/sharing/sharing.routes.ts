import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './sharing.schemas.js';
import type { SharingService } from './index.js';

/** State changes: the organisation's org_admin or staff (auditors read only). The service checks which organisation. */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/sharing routes: sharing requests (共享申请). Thin: rules live in the service. */
export async function sharingRoutes(app: App, svc: SharingService): Promise<void> {
  const tags = ['sharing'];
  app.post('/sharing/requests', {
    config: { access: WRITERS, event: 'sharing.request.created' },
    schema: {
      tags, summary: "Request another body's published public data (无条件 → granted at once, 有条件 → pending the source unit, 不予共享 → refused)",
      body: S.CreateRequestBody, response: { 201: S.SharingRequest, ...errors(400, 401, 403, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.requests.create(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/sharing/requests', {
    config: { access: {} },
    schema: {
      tags, summary: "The caller's organisation's requests (box=sent), its inbox as source unit (box=received), or all (data bureau, regulator)",
      querystring: S.RequestListQuery, response: { 200: Page(S.SharingRequest), ...errors(400, 401, 403) },
    },
  }, async (req) => svc.requests.list(req.principal!, req.query));

  app.get('/sharing/requests/:requestId', {
    config: { access: {} },
    schema: { tags, summary: 'One request (its requester, its source unit, the data bureau, the regulator)', params: S.RequestParams, response: { 200: S.SharingRequest, ...errors(400, 401, 404) } },
  }, async (req) => svc.requests.get(req.params.requestId, req.principal));

  app.post('/sharing/requests/:requestId/approve', {
    config: { access: WRITERS, event: 'sharing.request.approved' },
    schema: {
      tags, summary: 'Approve a pending request (source unit), possibly narrowing it; the grant is issued',
      params: S.RequestParams, body: S.ApproveBody, response: { 200: S.SharingRequest, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.requests.approve(req.params.requestId, req.body, req.principal, req.id));

  app.post('/sharing/requests/:requestId/reject', {
    config: { access: WRITERS, event: 'sharing.request.rejected' },
    schema: { tags, summary: 'Reject a pending request with a reason (source unit)', params: S.RequestParams, body: S.ReasonBody, response: { 200: S.SharingRequest, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.requests.reject(req.params.requestId, req.body.reason, req.principal, req.id));

  app.post('/sharing/requests/:requestId/withdraw', {
    config: { access: WRITERS, event: 'sharing.request.withdrawn' },
    schema: { tags, summary: 'Withdraw a pending request (requester)', params: S.RequestParams, response: { 200: S.SharingRequest, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.requests.withdraw(req.params.requestId, req.principal, req.id));

  app.post('/sharing/requests/:requestId/narrow', {
    config: { access: WRITERS, event: 'sharing.request.narrowed' },
    schema: {
      tags, summary: 'Narrow a granted request further (source unit); the grant follows',
      params: S.RequestParams, body: S.NarrowBody, response: { 200: S.SharingRequest, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.requests.narrowGranted(req.params.requestId, req.body, req.principal, req.id));

  app.post('/sharing/requests/:requestId/revoke', {
    config: { access: WRITERS, event: 'sharing.request.revoked' },
    schema: {
      tags, summary: 'Revoke a granted request (source unit or data bureau); the grant is revoked',
      params: S.RequestParams, body: S.ReasonBody, response: { 200: S.SharingRequest, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.requests.revoke(req.params.requestId, req.body.reason, req.principal, req.id));
}
