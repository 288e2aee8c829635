import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './registry.schemas.js';
import type { RegistryService } from './index.js';

const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;
const BUREAU = { ...WRITERS, roles: ['data_bureau'] } as const;

/** /api/v1/registry routes and the public register. Thin: rules live in the services. */
export async function registryRoutes(app: App, svc: RegistryService): Promise<void> {
  const tags = ['registry'];
  const one = '/registry/applications/:applicationId';

  app.get('/registry/reviewers', {
    config: { access: { roles: ['data_bureau', 'regulator'] } },
    schema: { tags, summary: 'The compliance committee reviewer pool (data bureau, regulator)', querystring: S.ReviewerListQuery, response: { 200: S.Reviewers, ...errors(400, 401, 403) } },
  }, async (req) => svc.reviewers.list(req.query.status));

  app.post('/registry/reviewers', {
    config: { access: BUREAU, event: 'registry.reviewer.added' },
    schema: { tags, summary: 'Add an expert (a user of any organisation) to the reviewer pool with their expertise', body: S.ReviewerBody, response: { 201: S.Reviewer, ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await svc.reviewers.add(req.body, req.principal, req.id)));

  app.post('/registry/reviewers/:reviewerId/retire', {
    config: { access: BUREAU, event: 'registry.reviewer.retired' },
    schema: { tags, summary: 'Retire a reviewer from the pool (panels already drawn keep them)', params: S.ReviewerParams, response: { 200: S.Reviewer, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.reviewers.retire(req.params.reviewerId, req.principal, req.id));

  app.post('/registry/applications', {
    config: { access: WRITERS, event: 'registry.application.created' },
    schema: { tags, summary: "Start a registration application (a draft) for the caller's organisation", body: S.CreateBody, response: { 201: S.Application, ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await svc.applications.create(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/registry/applications', {
    config: { access: {} },
    schema: { tags, summary: "The caller's organisation's applications, those on the caller's panel (box=review), or all (data bureau, regulator)", querystring: S.ListQuery, response: { 200: Page(S.Application), ...errors(400, 401, 403) } },
  }, async (req) => svc.applications.list(req.principal!, req.query));

  app.get(one, {
    config: { access: {} },
    schema: { tags, summary: 'One application with its committee, votes and objections (the applicant, its panel, the data bureau, the regulator)', params: S.ApplicationParams, response: { 200: S.Application, ...errors(400, 401, 404) } },
  }, async (req) => svc.applications.get(req.params.applicationId, req.principal!));

  app.patch(one, {
    config: { access: WRITERS, event: 'registry.application.updated' },
    schema: { tags, summary: 'Edit a draft', params: S.ApplicationParams, body: S.UpdateBody, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.update(req.params.applicationId, req.body, req.principal, req.id));

  app.post(`${one}/submit`, {
    config: { access: WRITERS, event: 'registry.application.submitted' },
    schema: { tags, summary: 'Submit: the completeness and legality check (scenario, subject, sources against real records, three rights, no core data); 409 with the problems', params: S.ApplicationParams, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.submit(req.params.applicationId, req.principal, req.id));

  app.post(`${one}/withdraw`, {
    config: { access: WRITERS, event: 'registry.application.withdrawn' },
    schema: { tags, summary: 'The applicant withdraws a draft or a submitted application', params: S.ApplicationParams, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.withdraw(req.params.applicationId, req.principal, req.id));

  app.post(`${one}/draw`, {
    config: { access: BUREAU, event: 'registry.review.panel_drawn' },
    schema: { tags, summary: 'The data bureau draws the compliance panel (合规会审): seed and eligible reviewers committed to the ledger first, related reviewers recused', params: S.ApplicationParams, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.draw(req.params.applicationId, req.principal!, req.id));

  app.post(`${one}/votes`, {
    config: { access: {}, event: 'registry.review.voted' },
    schema: { tags, summary: "A panel member's vote and opinion (once); the last vote decides", params: S.ApplicationParams, body: S.VoteBody, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.vote(req.params.applicationId, req.body, req.principal!, req.id));

  app.post(`${one}/objections`, {
    config: { access: {}, event: 'registry.objection.filed' },
    schema: { tags, summary: 'Object to an application during its publicity (异议), with a reason', params: S.ApplicationParams, body: S.ObjectionBody, response: { 201: S.ObjectionOut, ...errors(400, 401, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.applications.object(req.params.applicationId, req.body.reason, req.principal!, req.id)));

  app.post(`${one}/objections/:objectionId/resolve`, {
    config: { access: BUREAU, event: 'registry.objection.resolved' },
    schema: { tags, summary: 'The data bureau handles an objection: upheld rejects the application, dismissed lets publicity run on', params: S.ObjectionParams, body: S.ResolveBody, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.resolve(req.params.applicationId, req.params.objectionId, req.body, req.principal!, req.id));

  app.post(`${one}/decide`, {
    config: { access: BUREAU, event: 'registry.application.registered' },
    schema: { tags, summary: 'The data bureau decides a registration that needs no committee (registry.reviewedTypes; by default cancel, revoke, objection, correction): approved registers it with its effect on the asset', params: S.ApplicationParams, body: S.DecideBody, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.decideAsRegistrar(req.params.applicationId, req.body, req.principal!, req.id));

  app.post(`${one}/register`, {
    config: { access: BUREAU, event: 'registry.application.registered' },
    schema: { tags, summary: 'Register after publicity with no open objection: a unique registration number (config registry.numberFormat)', params: S.ApplicationParams, response: { 200: S.Application, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.applications.register(req.params.applicationId, req.principal, req.id));

  app.post(`${one}/valuations`, {
    config: { access: WRITERS, event: 'registry.valuation.issued' },
    schema: { tags, summary: "A valuation report (价值评估) of the application's asset: a valuer's appraisal or the applicant's self-estimate, by the cost, income and market methods and their reconciliation, sealed", params: S.ApplicationParams, body: S.ValuationBody, response: { 201: S.Valuation, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => reply.code(201).send(await svc.valuations.create(req.params.applicationId, req.body as never, req.principal!, req.id)));

  app.get(`${one}/valuations`, {
    config: { access: {} },
    schema: { tags, summary: "The application's valuation reports (the applicant, each valuer its own, the data bureau, the regulator)", params: S.ApplicationParams, response: { 200: S.Valuations, ...errors(400, 401, 404) } },
  }, async (req) => svc.valuations.list(req.params.applicationId, req.principal!));

  app.get('/registry/valuations/:valuationId', {
    config: { access: {} },
    schema: { tags, summary: 'One valuation report with its seal checked', params: S.ValuationParams, response: { 200: S.Valuation, ...errors(400, 401, 404) } },
  }, async (req) => svc.valuations.get(req.params.valuationId, req.principal!));

  const ACCOUNTANTS = { memberRoles: ['org_admin', 'staff', 'finance'] } as const;
  app.post('/registry/accounting/assets', {
    config: { access: ACCOUNTANTS, event: 'registry.accounting.recognised' },
    schema: { tags, summary: 'Recognise a registered asset on the books (数据资产入表): class from the facts, capitalized cost, amortization (财会〔2023〕11号)', body: S.AccountingBody, response: { 201: S.AccountingAsset, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.accounting.recognise(req.principal!, req.body, req.id)));

  app.get('/registry/accounting/assets', {
    config: { access: {} },
    schema: { tags, summary: "The caller's organisation's data assets on its books, with their amortization", response: { 200: S.AccountingAssets, ...errors(401) } },
  }, async (req) => svc.accounting.list(req.principal!));

  app.get('/registry/accounting/disclosure', {
    config: { access: {} },
    schema: { tags, summary: "The year's disclosure tables of data resources by class and source (外购/自行开发/其他), JSON or XLSX", querystring: S.DisclosureQuery, response: { 200: S.AccountingDisclosure, ...errors(400, 401) } },
  }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { name, body } = await svc.accounting.disclosureXlsx(req.principal!, req.query.year);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header("content-disposition", `attachment; filename="${name}"`).send(body as never);
    }
    return svc.accounting.disclosure(req.principal!, req.query.year);
  });

  app.get('/public/registry/assets', {
    config: { access: { public: true } },
    schema: { tags, summary: 'The public register of data assets (public fields only; status=publicity: those in publicity, open to objections)', querystring: S.PublicQuery, response: { 200: Page(S.PublicEntry), ...errors(400) } },
  }, async (req) => svc.applications.publicRegister(req.query));

  app.get('/public/registry/assets/:applicationId', {
    config: { access: { public: true } },
    schema: { tags, summary: 'One entry of the public register (registered or in publicity; public fields only)', params: S.ApplicationParams, response: { 200: S.PublicEntry, ...errors(400, 404) } },
  }, async (req) => svc.applications.publicEntry(req.params.applicationId));
}
