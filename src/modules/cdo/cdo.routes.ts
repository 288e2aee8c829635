import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './cdo.schemas.js';
import type { CdoService } from './index.js';

/** Who oversees every body: the data bureau (管理评价) and the regulator. */
const OVERSIGHT = ['data_bureau', 'regulator'] as const;
/** An organisation's own records, or any organisation's for the data bureau and the regulator. */
const OWN_OR_OVERSIGHT = { orgParam: 'orgId', crossOrgRoles: OVERSIGHT } as const;
/** The data bureau's writers (evaluations, the DCMM item list). */
const BUREAU_WRITERS = { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] } as const;

/**
 * /api/v1/cdo routes: chief data officer appointments (首席数据官), the management evaluation
 * (管理评价) and DCMM self-assessments (GB/T 36073-2018). Thin: rules live in the services.
 */
export async function cdoRoutes(app: App, svc: CdoService): Promise<void> {
  app.post('/cdo/orgs/:orgId/appointments', {
    config: { access: { orgParam: 'orgId', memberRoles: ['org_admin'] }, event: 'cdo.appointment.made' },
    schema: {
      tags: ['cdo'], summary: "Appoint the organisation's chief data officer (its org_admin); the current one, if any, is replaced",
      params: S.OrgParams, body: S.AppointBody, response: { 201: S.Appointment, ...errors(400, 401, 403, 404) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.appointments.appoint(req.params.orgId, req.body, req.principal, req.id)));

  app.post('/cdo/orgs/:orgId/appointments/:appointmentId/end', {
    config: { access: { orgParam: 'orgId', memberRoles: ['org_admin'] }, event: 'cdo.appointment.ended' },
    schema: {
      tags: ['cdo'], summary: 'End the current appointment without a successor (its org_admin)',
      params: S.AppointmentParams, body: S.EndBody, response: { 200: S.Appointment, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.appointments.end(req.params.orgId, req.params.appointmentId, req.body.reason, req.principal, req.id));

  app.get('/cdo/orgs/:orgId/appointments', {
    config: { access: OWN_OR_OVERSIGHT },
    schema: {
      tags: ['cdo'], summary: "The organisation's CDO appointments, newest first (history kept)",
      params: S.OrgParams, querystring: S.PageOnly, response: { 200: Page(S.Appointment), ...errors(400, 401, 403, 404) },
    },
  }, async (req) => svc.appointments.history(req.params.orgId, req.query.page, req.query.pageSize));

  app.get('/cdo/appointments', {
    config: { access: { roles: OVERSIGHT } },
    schema: { tags: ['cdo'], summary: "Every organisation's current CDO (data bureau, regulator)", querystring: S.PageOnly, response: { 200: Page(S.RegisterEntry), ...errors(400, 401, 403) } },
  }, async (req) => svc.appointments.register(req.query.page, req.query.pageSize));

  app.get('/cdo/settings', {
    config: { access: {} },
    schema: { tags: ['cdo'], summary: 'Evaluation weights (cdo.weights) and which indicators are available', response: { 200: S.Settings, ...errors(401) } },
  }, async () => svc.evaluations.settings());

  app.get('/cdo/indicators', {
    config: { access: { roles: OVERSIGHT } },
    schema: { tags: ['cdo'], summary: "Every public body's indicators and score now, ranked (data bureau, regulator)", response: { 200: S.LiveRanking, ...errors(401, 403) } },
  }, async () => svc.evaluations.live());

  app.get('/cdo/orgs/:orgId/indicators', {
    config: { access: OWN_OR_OVERSIGHT },
    schema: { tags: ['cdo'], summary: "A public body's indicators and score now", params: S.OrgParams, response: { 200: S.BodyIndicators, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.evaluations.forBody(req.params.orgId));

  app.get('/cdo/orgs/:orgId/trend', {
    config: { access: OWN_OR_OVERSIGHT },
    schema: { tags: ['cdo'], summary: "A body's score and rank across evaluation snapshots, oldest first", params: S.OrgParams, querystring: S.TrendQuery, response: { 200: S.Trend, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.evaluations.trend(req.params.orgId, req.query.limit));

  app.post('/cdo/evaluations', {
    config: { access: BUREAU_WRITERS, event: 'cdo.evaluation.taken' },
    schema: {
      tags: ['cdo'], summary: "Take the period's evaluation snapshot (管理评价) of every public body (data bureau)",
      body: S.TakeEvaluationBody, response: { 201: S.Evaluation, ...errors(400, 401, 403, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.evaluations.take(req.body, req.principal, req.id)));

  app.get('/cdo/evaluations', {
    config: { access: { roles: OVERSIGHT } },
    schema: { tags: ['cdo'], summary: 'Evaluation snapshots, newest first', querystring: S.PageOnly, response: { 200: Page(S.EvaluationSummary), ...errors(400, 401, 403) } },
  }, async (req) => svc.evaluations.list(req.query.page, req.query.pageSize));

  app.get('/cdo/evaluations/:evaluationId', {
    config: { access: { roles: OVERSIGHT } },
    schema: { tags: ['cdo'], summary: 'One snapshot with its ranking', params: S.EvaluationParams, response: { 200: S.Evaluation, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.evaluations.get(req.params.evaluationId));

  app.get('/cdo/dcmm/model', {
    config: { access: {} },
    schema: { tags: ['cdo'], summary: 'The DCMM model (GB/T 36073-2018): levels, areas and their capability items', querystring: S.DcmmModelQuery, response: { 200: S.DcmmModel, ...errors(400, 401) } },
  }, async (req) => svc.dcmm.model(req.query.all));

  app.post('/cdo/dcmm/items', {
    config: { access: BUREAU_WRITERS, event: 'cdo.dcmm.item.created' },
    schema: { tags: ['cdo'], summary: 'Add a DCMM capability item (data bureau)', body: S.CreateItemBody, response: { 201: S.DcmmItem, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.dcmm.createItem(req.body, req.principal, req.id)));

  app.patch('/cdo/dcmm/items/:itemId', {
    config: { access: BUREAU_WRITERS, event: 'cdo.dcmm.item.updated' },
    schema: {
      tags: ['cdo'], summary: 'Rename, reorder, deactivate or reactivate a DCMM capability item (data bureau)',
      params: S.ItemParams, body: S.UpdateItemBody, response: { 200: S.DcmmItem, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => svc.dcmm.updateItem(req.params.itemId, req.body, req.principal, req.id));

  app.post('/cdo/orgs/:orgId/dcmm-assessments', {
    config: { access: { orgParam: 'orgId', memberRoles: ['org_admin', 'staff'] }, event: 'cdo.dcmm.assessed' },
    schema: {
      tags: ['cdo'], summary: 'Record a DCMM self-assessment of the organisation: a level 1–5 with evidence for every active item',
      params: S.OrgParams, body: S.AssessBody, response: { 201: S.Assessment, ...errors(400, 401, 403, 404) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.dcmm.assess(req.params.orgId, req.body, req.principal, req.id)));

  app.get('/cdo/orgs/:orgId/dcmm-assessments', {
    config: { access: OWN_OR_OVERSIGHT },
    schema: {
      tags: ['cdo'], summary: "The organisation's DCMM self-assessments, newest first",
      params: S.OrgParams, querystring: S.PageOnly, response: { 200: Page(S.AssessmentSummary), ...errors(400, 401, 403) },
    },
  }, async (req) => svc.dcmm.history(req.params.orgId, req.query.page, req.query.pageSize));

  app.get('/cdo/orgs/:orgId/dcmm-assessments/:assessmentId', {
    config: { access: OWN_OR_OVERSIGHT },
    schema: { tags: ['cdo'], summary: 'One DCMM self-assessment with its ratings', params: S.AssessmentParams, response: { 200: S.Assessment, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.dcmm.get(req.params.orgId, req.params.assessmentId));
}
