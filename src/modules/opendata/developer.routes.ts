import type { App } from '../../platform/http/server.js';
import { errors, Page, PageOnlyQuery } from '../../platform/http/schemas.js';
import * as S from './opendata.schemas.js';
import type { OpendataService } from './index.js';

/** Developers act for their organisation: its org_admin or staff (auditors read only). */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;
/** Reviewing showcase apps: the data bureau's org_admin or staff. */
const BUREAU = { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] } as const;
const TAGS = ['opendata'];

/**
 * /api/v1/opendata routes: developer registration, developer keys (open_key grants), applications
 * for conditionally open datasets (open_application grants) and the apps showcase. Thin: the
 * services hold the rules and the organisation checks.
 */
export async function developerRoutes(app: App, svc: OpendataService): Promise<void> {
  app.post('/opendata/developers', {
    config: { access: WRITERS, event: 'opendata.developer.registered' },
    schema: { tags: TAGS, summary: "Register the caller's organisation as an open-data developer", body: S.RegisterDeveloperBody, response: { 201: S.Developer, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.developers.register(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/opendata/developers/me', {
    config: { access: {} },
    schema: { tags: TAGS, summary: "The caller's organisation's developer profile (403 OPENDATA_DEVELOPER_REQUIRED when not registered)", response: { 200: S.Developer, ...errors(401, 403) } },
  }, async (req) => svc.developers.me(req.principal!));

  app.post('/opendata/keys', {
    config: { access: WRITERS, event: 'opendata.key.issued' },
    schema: { tags: TAGS, summary: 'Take a developer key for an unconditionally open dataset (a gateway grant of kind open_key)', body: S.IssueKeyBody, response: { 201: S.DeveloperKey, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.developers.issueKey(req.principal!.orgId, req.body.resourceId, req.principal, req.id)));

  app.get('/opendata/keys', {
    config: { access: {} },
    schema: { tags: TAGS, summary: "The caller's organisation's developer keys", querystring: PageOnlyQuery, response: { 200: Page(S.DeveloperKey), ...errors(400, 401) } },
  }, async (req) => svc.developers.listKeys(req.principal!, req.query));

  app.post('/opendata/keys/:keyId/revoke', {
    config: { access: WRITERS, event: 'opendata.key.revoked' },
    schema: { tags: TAGS, summary: 'Revoke a developer key of your organisation (and its grant)', params: S.KeyParams, response: { 200: S.DeveloperKey, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.developers.revokeKey(req.principal, req.params.keyId, req.id));

  app.post('/opendata/applications', {
    config: { access: WRITERS, event: 'opendata.application.submitted' },
    schema: { tags: TAGS, summary: 'Apply to use a conditionally open dataset, with a data-use agreement', body: S.SubmitApplicationBody, response: { 201: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.applications.submit(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/opendata/applications', {
    config: { access: {} },
    schema: { tags: TAGS, summary: "Applications: your organisation's (role=mine, default) or for your datasets (role=incoming)", querystring: S.ApplicationListQuery, response: { 200: Page(S.Application), ...errors(400, 401) } },
  }, async (req) => svc.applications.list(req.principal!, { ...req.query, role: req.query.role ?? 'mine' }));

  app.get('/opendata/applications/:applicationId', {
    config: { access: {} },
    schema: { tags: TAGS, summary: 'One application (applicant or source unit only)', params: S.ApplicationParams, response: { 200: S.Application, ...errors(400, 401, 404) } },
  }, async (req) => svc.applications.get(req.principal!, req.params.applicationId));

  app.post('/opendata/applications/:applicationId/approve', {
    config: { access: WRITERS, event: 'opendata.application.approved' },
    schema: {
      tags: TAGS, summary: "Approve an application for your dataset (source unit), optionally narrowing fields or period; issues the open_application grant",
      params: S.ApplicationParams, body: S.ApproveApplicationBody, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.applications.approve(req.principal!, req.params.applicationId, req.body, req.id));

  app.post('/opendata/applications/:applicationId/reject', {
    config: { access: WRITERS, event: 'opendata.application.rejected' },
    schema: { tags: TAGS, summary: 'Reject an application for your dataset with a reason (source unit)', params: S.ApplicationParams, body: S.ReasonBody, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.reject(req.principal!, req.params.applicationId, req.body.reason, req.id));

  app.post('/opendata/applications/:applicationId/withdraw', {
    config: { access: WRITERS, event: 'opendata.application.withdrawn' },
    schema: { tags: TAGS, summary: 'Withdraw your own application while it awaits a decision', params: S.ApplicationParams, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.withdraw(req.principal!, req.params.applicationId, req.id));

  app.post('/opendata/applications/:applicationId/revoke', {
    config: { access: WRITERS, event: 'opendata.application.revoked' },
    schema: { tags: TAGS, summary: 'End an approved use of your dataset with a reason (source unit); revokes its grant', params: S.ApplicationParams, body: S.ReasonBody, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.revoke(req.principal!, req.params.applicationId, req.body.reason, req.id));

  app.post('/opendata/apps', {
    config: { access: WRITERS, event: 'opendata.app.submitted' },
    schema: { tags: TAGS, summary: 'Submit an app built on open datasets for the showcase', body: S.SubmitAppBody, response: { 201: S.ShowcaseApp, ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await svc.apps.submit(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/opendata/apps', {
    config: { access: {} },
    schema: { tags: TAGS, summary: "Your organisation's apps (the data bureau: every app)", querystring: S.AppListQuery, response: { 200: Page(S.ShowcaseApp), ...errors(400, 401) } },
  }, async (req) => svc.apps.list(req.principal!, req.query));

  app.post('/opendata/apps/:appId/approve', {
    config: { access: BUREAU, event: 'opendata.app.approved' },
    schema: { tags: TAGS, summary: 'Approve an app for the public showcase (data bureau)', params: S.AppParams, response: { 200: S.ShowcaseApp, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.apps.review(req.principal!, req.params.appId, 'approve', undefined, req.id));

  app.post('/opendata/apps/:appId/reject', {
    config: { access: BUREAU, event: 'opendata.app.rejected' },
    schema: { tags: TAGS, summary: 'Reject an app with a reason (data bureau)', params: S.AppParams, body: S.ReasonBody, response: { 200: S.ShowcaseApp, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.apps.review(req.principal!, req.params.appId, 'reject', req.body.reason, req.id));

  app.post('/opendata/apps/:appId/delist', {
    config: { access: BUREAU, event: 'opendata.app.delisted' },
    schema: { tags: TAGS, summary: 'Take an approved app off the showcase with a reason (data bureau)', params: S.AppParams, body: S.ReasonBody, response: { 200: S.ShowcaseApp, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.apps.review(req.principal!, req.params.appId, 'delist', req.body.reason, req.id));

  app.get('/public/opendata/apps', {
    config: { access: { public: true } },
    schema: { tags: TAGS, summary: 'The apps showcase: approved apps built on open data (no login)', querystring: PageOnlyQuery, response: { 200: Page(S.ShowcaseApp), ...errors(400) } },
  }, async (req) => svc.apps.showcase(req.query));
}
