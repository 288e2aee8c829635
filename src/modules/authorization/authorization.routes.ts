import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './authorization.schemas.js';
import type { AuthorizationService } from './index.js';

/** State changes: the organisation's org_admin or staff (auditors read only). The service checks which organisation. */
const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/authorization routes (授权运营) and the public disclosure routes. Thin: rules live in the services. */
export async function authorizationRoutes(app: App, svc: AuthorizationService): Promise<void> {
  const tags = ['authorization'];
  const agreement = '/authorization/agreements/:agreementId';
  const transitions = [
    ['review', 'authorization.agreement.reviewed', 'The implementing body accepts the application after review; the document to seal is fixed', S.NoteBody],
    ['reject', 'authorization.agreement.rejected', 'The implementing body refuses the application (before signing), with a reason', S.ReasonBody],
    ['withdraw', 'authorization.agreement.withdrawn', 'The operator withdraws its application (before signing)', null],
    ['activate', 'authorization.agreement.activated', 'The implementing body puts a signed agreement in force from its first day: the operator\'s gateway grants are issued', null],
    ['suspend', 'authorization.agreement.suspended', 'The implementing body (or the data bureau) suspends an agreement in force: its grants are revoked', S.ReasonBody],
    ['resume', 'authorization.agreement.resumed', 'The implementing body resumes a suspended agreement: new grants for the rest of the term', null],
    ['terminate', 'authorization.agreement.terminated', 'The implementing body (or the data bureau) ends an agreement before its term: its grants are revoked', S.ReasonBody],
  ] as const;

  app.post('/authorization/agreements', {
    config: { access: { ...WRITERS, roles: ['operator'] }, event: 'authorization.agreement.applied' },
    schema: { tags, summary: 'An operator (运营机构) applies to an implementing body (实施机构) for authorized operation of public data', body: S.ApplyBody, response: { 201: S.Agreement, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.agreements.apply(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/authorization/agreements', {
    config: { access: {} },
    schema: { tags, summary: "The caller's organisation's agreements (either side, or ?role=), or all of them (data bureau, regulator)", querystring: S.AgreementListQuery, response: { 200: Page(S.Agreement), ...errors(400, 401, 403) } },
  }, async (req) => svc.agreements.list(req.principal!, req.query));

  app.get(agreement, {
    config: { access: {} },
    schema: { tags, summary: 'One agreement with the document both parties seal (its parties, the data bureau, the regulator)', params: S.AgreementParams, response: { 200: S.AgreementDetail, ...errors(400, 401, 404) } },
  }, async (req) => svc.agreements.get(req.params.agreementId, req.principal));

  app.get(`${agreement}/seals/verify`, {
    config: { access: {} },
    schema: { tags, summary: "Checks both parties' seals against the agreement document", params: S.AgreementParams, response: { 200: S.SealVerification, ...errors(400, 401, 404) } },
  }, async (req) => svc.agreements.verifySeals(req.params.agreementId, req.principal));

  app.post(`${agreement}/seal`, {
    config: { access: { memberRoles: ['org_admin'] }, event: 'authorization.agreement.sealed' },
    schema: { tags, summary: "Seal the reviewed agreement with the caller's organisation's electronic seal (org_admin); the second seal signs it", params: S.AgreementParams, response: { 200: S.Agreement, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.agreements.seal(req.params.agreementId, req.principal!, req.id));

  for (const [action, event, summary, body] of transitions) {
    app.post(`${agreement}/${action}`, {
      config: { access: WRITERS, event },
      schema: { tags, summary, params: S.AgreementParams, ...(body ? { body } : {}), response: { 200: S.Agreement, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => {
      const id = (req.params as { agreementId: string }).agreementId;
      const b = (req.body ?? {}) as { note?: string | null; reason?: string };
      const a = svc.agreements;
      switch (action) {
        case 'review': return a.review(id, b.note, req.principal, req.id);
        case 'reject': return a.reject(id, b.reason!, req.principal, req.id);
        case 'withdraw': return a.withdraw(id, req.principal, req.id);
        case 'activate': return a.activate(id, req.principal, req.id);
        case 'suspend': return a.suspend(id, b.reason!, req.principal, req.id);
        case 'resume': return a.resume(id, req.principal, req.id);
        case 'terminate': return a.terminate(id, b.reason!, req.principal, req.id);
      }
    });
  }

  app.post(`${agreement}/products`, {
    config: { access: WRITERS, event: 'authorization.product.declared' },
    schema: { tags, summary: 'The operator declares a product or service built under its agreement in force (fee within the cap)', params: S.AgreementParams, body: S.ProductBody, response: { 201: S.Product, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.products.declare(req.params.agreementId, req.body, req.principal, req.id)));

  app.get('/authorization/products', {
    config: { access: {} },
    schema: { tags, summary: "An agreement's products (?agreementId=), the caller's own, or all (box=all: data bureau, regulator)", querystring: S.ProductListQuery, response: { 200: Page(S.Product), ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.products.list(req.principal!, req.query));

  app.get('/authorization/products/:productId', {
    config: { access: {} },
    schema: { tags, summary: 'One product (its operator, the agreement parties, the data bureau, the regulator)', params: S.ProductParams, response: { 200: S.Product, ...errors(400, 401, 404) } },
  }, async (req) => svc.products.get(req.params.productId, req.principal));

  app.post('/authorization/products/:productId/withdraw', {
    config: { access: WRITERS, event: 'authorization.product.withdrawn' },
    schema: { tags, summary: 'The operator withdraws a product', params: S.ProductParams, response: { 200: S.Product, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.products.withdraw(req.params.productId, req.principal, req.id));

  app.post('/authorization/disclosures', {
    config: { access: { ...WRITERS, roles: ['implementing_body', 'operator'] }, event: 'authorization.disclosure.published' },
    schema: { tags, summary: "Generate and publish the caller's organisation's annual disclosure for a year that has ended (due by 31 March)", body: S.PublishBody, response: { 201: S.Disclosure, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.disclosures.publish(req.principal!.orgId, req.body.year, req.body.role, req.principal, req.id)));

  app.get('/authorization/disclosures/missing', {
    config: { access: { roles: ['data_bureau', 'regulator'] } },
    schema: { tags, summary: 'Parties to agreements in force in a year that have not published its disclosure (data bureau, regulator)', querystring: S.MissingQuery, response: { 200: S.Missing, ...errors(400, 401, 403) } },
  }, async (req) => svc.disclosures.missing(req.query.year, req.principal!));

  // ---- data-subject authorization (数据主体授权) ----
  app.post('/authorization/data-items', {
    config: { access: { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] }, event: 'authorization.data_item.defined' },
    schema: { tags, summary: "Define a data item (常用数据) of the digital spaces: a holder's rows of a published resource (data bureau)", body: S.DataItemBody, response: { 201: S.DataItem, ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await svc.dataItems.define(req.body, req.principal, req.id)));

  app.get('/authorization/data-items', {
    config: { access: {} },
    schema: { tags, summary: 'The data items a request may name', querystring: S.DataItemListQuery, response: { 200: S.DataItemList, ...errors(400, 401) } },
  }, async (req) => svc.dataItems.list(req.query));

  app.get('/authorization/purposes', {
    config: { access: {} },
    schema: { tags, summary: 'The purposes a request may name (config authorization.purposes)', response: { 200: S.Purposes, ...errors(401) } },
  }, async () => ({ items: svc.consents.purposes }));

  const consent = '/authorization/consents/:consentId';
  app.post('/authorization/consents', {
    config: { access: WRITERS, event: 'authorization.consent.requested' },
    schema: { tags, summary: 'Ask a holder (by USCC) for data items, with purpose, data period, validity and maximum uses', body: S.ConsentRequestBody, response: { 201: S.Consent, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.consents.request(req.principal!.orgId, req.body, req.principal, req.id)));

  app.get('/authorization/consents', {
    config: { access: {} },
    schema: { tags, summary: "Requests to the caller's organisation as holder (box=holder), its own as requester (box=requester), or all (overseers)", querystring: S.ConsentListQuery, response: { 200: Page(S.Consent), ...errors(400, 401, 403) } },
  }, async (req) => svc.consents.list(req.principal!, req.query));

  app.get(consent, {
    config: { access: {} },
    schema: { tags, summary: 'One authorization with its consent record and seal (its holder, its requester, overseers)', params: S.ConsentParams, response: { 200: S.Consent, ...errors(400, 401, 404) } },
  }, async (req) => svc.consents.get(req.params.consentId, req.principal));

  app.get(`${consent}/usage`, {
    config: { access: {} },
    schema: { tags, summary: 'Access history: every gateway call under the authorization, refusals included, with its record hash', params: S.ConsentParams, querystring: S.UsageQuery, response: { 200: S.ConsentUsage, ...errors(400, 401, 404) } },
  }, async (req) => svc.consents.usage(req.params.consentId, req.principal, req.query.page, req.query.pageSize));

  app.post(`${consent}/approve`, {
    config: { access: WRITERS, event: 'authorization.consent.approved' },
    schema: { tags, summary: "The holder approves: the consent record sealed with its seal, the requester's grants issued", params: S.ConsentParams, response: { 200: S.Consent, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.consents.approve(req.params.consentId, req.principal, req.id));

  app.post(`${consent}/reject`, {
    config: { access: WRITERS, event: 'authorization.consent.rejected' },
    schema: { tags, summary: 'The holder rejects a pending request, with a reason', params: S.ConsentParams, body: S.ReasonBody, response: { 200: S.Consent, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.consents.reject(req.params.consentId, req.body.reason, req.principal, req.id));

  app.post(`${consent}/withdraw`, {
    config: { access: WRITERS, event: 'authorization.consent.withdrawn' },
    schema: { tags, summary: 'The requester withdraws its pending request', params: S.ConsentParams, response: { 200: S.Consent, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.consents.withdraw(req.params.consentId, req.principal, req.id));

  app.post(`${consent}/revoke`, {
    config: { access: WRITERS, event: 'authorization.consent.revoked' },
    schema: { tags, summary: 'The holder revokes an approved authorization: the next gateway call is refused', params: S.ConsentParams, response: { 200: S.Consent, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.consents.revoke(req.params.consentId, req.principal, req.id));

  app.post(`${consent}/deletion`, {
    config: { access: WRITERS, event: 'authorization.consent.deletion_attested' },
    schema: { tags, summary: 'The requester attests it deleted the data retrieved under an ended authorization (销毁记录)', params: S.ConsentParams, body: S.DeletionBody, response: { 200: S.Consent, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.consents.attestDeletion(req.params.consentId, req.body.statement, req.principal, req.id));

  // ---- the legal-person digital space (法人数字空间) of the caller's organisation ----
  app.get('/authorization/space', {
    config: { access: {} },
    schema: { tags, summary: "The caller's enterprise's digital space: its data items, and which are hidden from requesters", response: { 200: S.Space, ...errors(401, 403) } },
  }, async (req) => svc.spaces.space(req.principal!));

  app.post('/authorization/space/binding', {
    config: { access: { memberRoles: ['org_admin'] }, event: 'authorization.space.bound' },
    schema: { tags, summary: "The legal representative binds the enterprise account to its market-regulation registry record (USCC, name and representative checked through the gateway)", body: S.BindBody, response: { 200: S.Binding, ...errors(400, 401, 403, 409) } },
  }, async (req) => svc.spaces.bind(req.principal!, req.body.legalRep, req.id));

  app.get('/authorization/space/items/:itemId/rows', {
    config: { access: {} },
    schema: { tags, summary: "The enterprise's own rows of a data item, fetched live through the gateway on its behalf (metered)", params: S.ItemParams, querystring: S.SpaceRowsQuery, response: { 200: S.SpaceRows, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.spaces.rows(req.principal!, req.params.itemId, req.query));

  app.post('/authorization/space/items/:itemId/hide', {
    config: { access: WRITERS, event: 'authorization.space.item_hidden' },
    schema: { tags, summary: 'Hide a data item from requesters (their requests naming it are refused)', params: S.ItemParams, response: { 200: S.SpaceItemOut, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.spaces.setHidden(req.principal!, req.params.itemId, true, req.id));

  app.post('/authorization/space/items/:itemId/show', {
    config: { access: WRITERS, event: 'authorization.space.item_shown' },
    schema: { tags, summary: 'Show a hidden data item to requesters again', params: S.ItemParams, response: { 200: S.SpaceItemOut, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.spaces.setHidden(req.principal!, req.params.itemId, false, req.id));

  app.get('/authorization/space/licences', {
    config: { access: {} },
    schema: { tags, summary: "The caller's licences (电子证照) issued by source units: each signed document with its seal and today's state", response: { 200: S.HeldLicences, ...errors(401, 403) } },
  }, async (req) => svc.spaces.licences(req.principal!));

  app.get('/authorization/space/licences/:licenceId', {
    config: { access: {} },
    schema: { tags, summary: "One of the caller's licences: the document and its seal, to download and have anyone verify", params: S.LicenceParams, response: { 200: S.HeldLicence, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.spaces.licence(req.principal!, req.params.licenceId));

  app.post('/authorization/space/package', {
    config: { access: WRITERS, event: 'authorization.space.exported' },
    schema: { tags, summary: "Download the enterprise's data as a package sealed by the platform operator, with the ledger event of the export (数据携带)", response: { 200: S.SpacePackage, ...errors(401, 403) } },
  }, async (req) => svc.spaces.exportPackage(req.principal!, req.id));

  // ---- notifications: the organisation's inbox and webhooks ----
  app.get('/notifications', {
    config: { access: {} },
    schema: { tags, summary: "The caller's organisation's inbox (requests, approvals, revocations, expiries…)", querystring: S.InboxQuery, response: { 200: S.Inbox, ...errors(400, 401) } },
  }, async (req) => svc.notifications.inbox(req.principal!, req.query));

  app.post('/notifications/:notificationId/read', {
    config: { access: {} },
    schema: { tags, summary: 'Mark one notification read', params: S.NotificationParams, response: { 200: S.Marked, ...errors(400, 401, 404) } },
  }, async (req) => svc.notifications.markRead(req.principal!, req.params.notificationId));

  app.post('/notifications/read', {
    config: { access: {} },
    schema: { tags, summary: "Mark all of the organisation's notifications read", response: { 200: S.Marked, ...errors(401) } },
  }, async (req) => svc.notifications.markRead(req.principal!, null));

  app.get('/webhooks', {
    config: { access: { memberRoles: ['org_admin'] } },
    schema: { tags, summary: "The organisation's webhooks (org_admin)", response: { 200: S.WebhookList, ...errors(401, 403) } },
  }, async (req) => svc.notifications.webhooks(req.principal!));

  app.post('/webhooks', {
    config: { access: { memberRoles: ['org_admin'] }, event: 'authorization.webhook.registered' },
    schema: { tags, summary: "Register a webhook: notifications are POSTed to it, signed with the platform operator's key (Liutong-Signature), retried with backoff", body: S.WebhookBody, response: { 201: S.Webhook, ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await svc.notifications.registerWebhook(req.principal!, req.body.url, req.body.kinds ?? [], req.id)));

  app.delete('/webhooks/:webhookId', {
    config: { access: { memberRoles: ['org_admin'] }, event: 'authorization.webhook.deleted' },
    schema: { tags, summary: 'Delete a webhook', params: S.WebhookParams, response: { 200: S.Webhook, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.notifications.deleteWebhook(req.principal!, req.params.webhookId, req.id));

  app.get('/webhooks/:webhookId/deliveries', {
    config: { access: { memberRoles: ['org_admin'] } },
    schema: { tags, summary: "A webhook's deliveries: attempts, last status, next attempt", params: S.WebhookParams, querystring: S.UsageQuery, response: { 200: S.Deliveries, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.notifications.deliveries(req.principal!, req.params.webhookId, req.query.page, req.query.pageSize));

  // ---- public (no login): an individual's sign-up, and the portal's disclosure pages ----
  app.post('/public/accounts/individual', {
    config: { access: { public: true }, event: 'authorization.person.registered' },
    schema: { tags, summary: "An individual signs up (个人账户): name and resident ID checked against the population base; an account with one user and the person's digital space", body: S.SignUpBody, response: { 201: S.SignedUp, ...errors(400, 409, 429) } },
  }, async (req, reply) => reply.code(201).send(await svc.accounts.signUp(req.body, req.ip, req.id)));


  // ---- licences (电子证照) issued by source units ----
  app.get('/authorization/licence-types', {
    config: { access: {} },
    schema: { tags, summary: 'The licence types source units may issue (config authorization.licenceTypes), with their content fields', response: { 200: S.LicenceTypes, ...errors(401) } },
  }, async () => svc.licences.typeViews());

  app.post('/authorization/licences', {
    config: { access: { ...WRITERS, roles: ['source_unit'] }, event: 'authorization.licence.issued' },
    schema: { tags, summary: "A source unit issues a licence into a holder's digital space, sealed with its electronic seal", body: S.IssueLicenceBody, response: { 201: S.Licence, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.licences.issue(req.principal!, req.body, req.id)));

  app.get('/authorization/licences', {
    config: { access: {} },
    schema: { tags, summary: "The licences the caller's organisation issued (the data bureau and the regulator: every issuer's), numbers masked", querystring: S.LicenceListQuery, response: { 200: Page(S.Licence), ...errors(400, 401) } },
  }, async (req) => svc.licences.list(req.principal!, req.query));

  app.get('/authorization/licences/:licenceId', {
    config: { access: {} },
    schema: { tags, summary: 'One issued licence (its issuer, the data bureau, the regulator), numbers masked', params: S.LicenceParams, response: { 200: S.Licence, ...errors(400, 401, 404) } },
  }, async (req) => svc.licences.get(req.principal!, req.params.licenceId));

  app.post('/authorization/licences/:licenceId/revoke', {
    config: { access: WRITERS, event: 'authorization.licence.revoked' },
    schema: { tags, summary: 'The issuer revokes a licence (吊销/注销) with its reason; the holder is told', params: S.LicenceParams, body: S.ReasonBody, response: { 200: S.Licence, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.licences.revoke(req.principal!, req.params.licenceId, req.body.reason, req.id));

  app.post('/public/authorization/licences/verify', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Checks a downloaded licence (no login): the seal over the document, the issuer, and its state today', body: S.VerifyLicenceBody, response: { 200: S.LicenceVerification, ...errors(400) } },
  }, async (req) => svc.licences.verify(req.body.document, req.body.seal));

  app.get('/public/authorization/disclosures', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Published annual disclosures of authorized operation (授权运营信息披露; no login)', querystring: S.DisclosureListQuery, response: { 200: Page(S.DisclosureSummary), ...errors(400) } },
  }, async (req) => svc.disclosures.list(req.query));

  app.get('/public/authorization/disclosures/:disclosureId', {
    config: { access: { public: true } },
    schema: { tags, summary: 'One published disclosure report with its digest (no login)', params: S.DisclosureParams, response: { 200: S.Disclosure, ...errors(400, 404) } },
  }, async (req) => svc.disclosures.get(req.params.disclosureId));

  app.get('/public/authorization/disclosures/:disclosureId/csv', {
    config: { access: { public: true } },
    schema: { tags, summary: 'One published disclosure report as CSV (UTF-8 with BOM; no login)', params: S.DisclosureParams, produces: ['text/csv'] },
  }, async (req, reply) => {
    const { name, body } = await svc.disclosures.csv(req.params.disclosureId);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);
  });
}
