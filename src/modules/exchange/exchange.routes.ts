import type { App } from '../../platform/http/server.js';
import { Type } from '@sinclair/typebox';
import { Page } from '../../platform/http/schemas.js';
import { AppError } from '../../platform/errors.js';
import { errors } from '../../platform/http/schemas.js';
import { ExchangeErrors } from './exchange.errors.js';
import * as S from './exchange.schemas.js';
import type { ExchangeService } from './index.js';

/** The exchange's finance staff record members' money (入金/出金). */
const FINANCE = { roles: ['exchange'], memberRoles: ['finance'] } as const;
/** Who may act for an organisation (not an auditor: read-only). */
const ACTING = ['org_admin', 'staff'] as const;
/** The exchange's staff decide memberships. */
const EXCHANGE_STAFF = { roles: ['exchange'], memberRoles: ACTING } as const;
/** The data bureau certifies brokers. */
const BUREAU_STAFF = { roles: ['data_bureau'], memberRoles: ACTING } as const;
/** Bodies of qualification files: 2 MiB as base64, with room. */
const FILE_BODY_LIMIT = 4 * 1024 * 1024;

/** A file's base64 text decoded, refused (EXCHANGE_FILE_INVALID) unless it is base64 throughout. */
function decodeBase64(text: string): Buffer {
  const content = Buffer.from(text, 'base64');
  if (content.toString('base64').replace(/=+$/, '') !== text.replace(/\s/g, '').replace(/=+$/, '')) throw new AppError(ExchangeErrors.EXCHANGE_FILE_INVALID, { reason: 'base64' }, { reason: 'base64' });
  return content;
}

/** /api/v1/exchange routes. Thin: rules live in the services. */
export async function exchangeRoutes(app: App, svc: ExchangeService, members: { get(orgId: string): Promise<{ id: string; status: string }> }): Promise<void> {
  const tags = ['exchange'];
  const member = async (orgId: string) => {
    const o = await members.get(orgId).catch(() => null);
    if (!o || o.status !== 'active') throw new AppError(ExchangeErrors.EXCHANGE_ACCOUNT_NOT_FOUND);
  };

  app.post('/exchange/books/deposits', {
    config: { access: FINANCE, event: 'exchange.books.posted' },
    schema: { tags, summary: "Record a member's deposit received at the exchange's bank (the exchange's finance staff); a reference posted before posts nothing", body: S.MoneyBody, response: { 200: S.Posted, 201: S.Posted, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    await member(req.body.orgId);
    const r = await svc.books.deposit(req.body.orgId, BigInt(req.body.amountFen), req.body.ref, req.body.memo.trim(), req.principal, req.id);
    return reply.code(r.duplicate ? 200 : 201).send({ ...r, availableFen: (await svc.books.balance('member_available', req.body.orgId)).toString() });
  });

  app.post('/exchange/books/withdrawals', {
    config: { access: FINANCE, event: 'exchange.books.posted' },
    schema: { tags, summary: "Record a member's withdrawal (the exchange's finance staff): refused beyond its available money", body: S.MoneyBody, response: { 200: S.Posted, 201: S.Posted, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    await member(req.body.orgId);
    const r = await svc.books.withdraw(req.body.orgId, BigInt(req.body.amountFen), req.body.ref, req.body.memo.trim(), req.principal, req.id);
    return reply.code(r.duplicate ? 200 : 201).send({ ...r, availableFen: (await svc.books.balance('member_available', req.body.orgId)).toString() });
  });

  app.get('/exchange/books/orgs/:orgId/statement', {
    config: { access: { orgParam: 'orgId', crossOrgRoles: ['exchange', 'regulator'] } },
    schema: { tags, summary: "A member's balances and statement (the member itself, the exchange, the regulator)", params: S.OrgParams, querystring: S.StatementQuery, response: { 200: S.Statement, ...errors(400, 401, 403) } },
  }, async (req) => svc.books.statement(req.params.orgId, req.query.page, req.query.pageSize));

  app.get('/exchange/books/exchange', {
    config: { access: { roles: ['exchange', 'regulator'] } },
    schema: { tags, summary: "The exchange's own accounts (bank, fee income, clearing) and their lines (the exchange, the regulator)", querystring: S.StatementQuery, response: { 200: S.Statement, ...errors(400, 401, 403) } },
  }, async (req) => svc.books.statement(null, req.query.page, req.query.pageSize));

  app.get('/exchange/books/reconciliation', {
    config: { access: { roles: ['exchange', 'regulator'] } },
    schema: { tags, summary: 'Reconcile the books now: every journal balances, every balance equals its lines, no forbidden negative balance (the exchange, the regulator)', response: { 200: S.Reconciliation, ...errors(401, 403) } },
  }, async () => svc.books.reconcile());

  // ---- members (会员登记) --------------------------------------------------------------------

  app.post('/exchange/members', {
    config: { access: { memberRoles: ['org_admin'] }, event: 'exchange.member.applied' },
    schema: { tags, summary: "Apply for membership of the exchange as seller, buyer, data merchant, broker or service provider (the organisation's administrator); the exchange decides once qualification files are attached", body: S.MemberBody, response: { 201: S.Member, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.members.apply(req.principal!, req.body, req.id)));

  app.get('/exchange/members', {
    config: { access: {} },
    schema: { tags, summary: 'Memberships: the exchange and the regulator see all, others their own organisation’s', querystring: S.MemberQuery, response: { 200: Page(S.Member), ...errors(400, 401) } },
  }, async (req) => svc.members.list(req.principal!, req.query));

  app.get('/exchange/members/mine', {
    config: { access: {} },
    schema: { tags, summary: "The caller's organisation's memberships that count (applied, active, suspended)", response: { 200: S.Membership, ...errors(401) } },
  }, async (req) => ({ items: await svc.members.memberships(req.principal!.orgId) }));

  app.get('/exchange/members/:memberId', {
    config: { access: {} },
    schema: { tags, summary: 'A membership with its qualification files (its organisation, the exchange, the regulator)', params: S.MemberParams, response: { 200: S.Member, ...errors(400, 401, 404) } },
  }, async (req) => svc.members.get(req.params.memberId, req.principal!));

  app.post('/exchange/members/:memberId/files', {
    bodyLimit: FILE_BODY_LIMIT,
    config: { access: { memberRoles: ACTING }, event: 'exchange.member.file_added' },
    schema: { tags, summary: 'Attach a qualification file (PDF, PNG or JPEG, at most 2 MiB, at most 8) to an open application', params: S.MemberParams, body: S.FileBody, response: { 201: S.AddedFile, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const content = decodeBase64(req.body.contentBase64);
    return reply.code(201).send(await svc.members.addFile(req.params.memberId, req.principal!, { name: req.body.name, mediaType: req.body.mediaType, content }, req.id));
  });

  app.get('/exchange/members/:memberId/files/:fileId', {
    config: { access: {} },
    schema: { tags, summary: 'Download a qualification file (its organisation, the exchange, the regulator)', params: S.MemberFileParams, response: { 200: { description: 'the file', type: 'string', format: 'binary' }, ...errors(400, 401, 404) } },
  }, async (req, reply) => {
    const f = await svc.members.file(req.params.memberId, req.params.fileId, req.principal!);
    return reply.type(f.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).header('x-content-sha256', f.sha256).send(f.content);
  });

  app.post('/exchange/members/:memberId/withdraw', {
    config: { access: { memberRoles: ['org_admin'] }, event: 'exchange.member.changed' },
    schema: { tags, summary: 'Withdraw an open application (its organisation’s administrator)', params: S.MemberParams, response: { 200: S.Member, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.members.act(req.params.memberId, 'withdraw', null, req.principal!, req.id));

  app.post('/exchange/members/:memberId/:action', {
    config: { access: EXCHANGE_STAFF, event: 'exchange.member.changed' },
    schema: { tags, summary: 'The exchange approves (qualification files attached; a broker only with a certificate in force), rejects, suspends, reinstates or terminates a membership — with a reason to reject, suspend or terminate (sanctions are disclosed)', params: S.MemberActionParams, body: S.DecisionBody, response: { 200: S.Member, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.members.act(req.params.memberId, req.params.action, req.body.reason ?? null, req.principal!, req.id));

  // ---- brokers (数据经纪人) and mandates ---------------------------------------------------------

  app.post('/exchange/brokers', {
    config: { access: BUREAU_STAFF, event: 'exchange.broker.certified' },
    schema: { tags, summary: 'The data bureau certifies an organisation holding the broker role as a data broker, for industries and a validity; the certificate gets its number', body: S.BrokerBody, response: { 201: S.Broker, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.members.certify(req.body, req.principal!, req.id)));

  app.post('/exchange/brokers/:brokerId/:action', {
    config: { access: BUREAU_STAFF, event: 'exchange.broker.changed' },
    schema: { tags, summary: "The data bureau suspends, reinstates or revokes a broker's certificate with a reason (a revocation ends its mandates; sanctions are disclosed)", params: S.BrokerActionParams, body: S.ReasonBody, response: { 200: S.Broker, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.members.actOnBroker(req.params.brokerId, req.params.action, req.body.reason, req.principal!, req.id));

  app.post('/exchange/mandates', {
    config: { access: { memberRoles: ['org_admin'] }, event: 'exchange.mandate.created' },
    schema: { tags, summary: 'A member (seller, buyer or data merchant) mandates a certified broker member to act for it: side, scope, commission, validity (its administrator)', body: S.MandateBody, response: { 201: S.Mandate, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.members.mandate(req.principal!, req.body, req.id)));

  app.get('/exchange/mandates', {
    config: { access: {} },
    schema: { tags, summary: "Mandates: the caller's organisation's as broker or client (box), or all for the exchange and the regulator", querystring: S.MandateQuery, response: { 200: Page(S.Mandate), ...errors(400, 401) } },
  }, async (req) => svc.members.mandates(req.principal!, req.query));

  app.get('/exchange/mandates/:mandateId', {
    config: { access: {} },
    schema: { tags, summary: 'A mandate (its broker, its client, the exchange, the regulator)', params: S.MandateParams, response: { 200: S.Mandate, ...errors(400, 401, 404) } },
  }, async (req) => svc.members.getMandate(req.params.mandateId, req.principal!));

  app.post('/exchange/mandates/:mandateId/end', {
    config: { access: { memberRoles: ['org_admin'] }, event: 'exchange.mandate.ended' },
    schema: { tags, summary: 'End a mandate (the broker or the client, its administrator)', params: S.MandateParams, response: { 200: S.Mandate, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.members.endMandate(req.params.mandateId, req.principal!, req.id));

  // ---- listings (挂牌) ------------------------------------------------------------------------

  app.post('/exchange/listings', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.listing.created' },
    schema: {
      tags, summary: 'Draft a listing of a registered asset (the holder, a seller or data merchant member; or its certified broker under a sell mandate): description, sample, delivery methods, pricing, usage policy — refused for an unregistered, revoked, disputed or core-data asset, prohibited data kinds, or a price above the service-fee cap of public data under authorized operation',
      body: S.ListingBody, response: { 201: S.Listing, ...errors(400, 401, 403, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.listings.create(req.principal!, req.body, req.id)));

  app.get('/exchange/listings', {
    config: { access: {} },
    schema: { tags, summary: "Listings: the caller's as seller or broker (mine), those it assesses (assess), those awaiting review (review) or all (the exchange, the regulator)", querystring: S.ListingQuery, response: { 200: Page(S.ListingSummary), ...errors(400, 401, 404) } },
  }, async (req) => svc.listings.list(req.principal!, req.query));

  app.get('/exchange/listings/:listingId', {
    config: { access: {} },
    schema: { tags, summary: 'A listing with its assessments (its seller and broker, its assessor, the exchange, the regulator)', params: S.ListingParams, response: { 200: S.Listing, ...errors(400, 401, 404) } },
  }, async (req) => svc.listings.get(req.params.listingId, req.principal!));

  app.put('/exchange/listings/:listingId', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.listing.updated' },
    schema: { tags, summary: 'Edit a draft listing (its seller or broker); the gates run again', params: S.ListingParams, body: S.ListingContentBody, response: { 200: S.Listing, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.listings.update(req.params.listingId, req.principal!, req.body, req.id));

  app.post('/exchange/listings/:listingId/assessment', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.listing.assessed' },
    schema: {
      tags, summary: 'The named assessor (a compliance service provider or the exchange) records its compliance assessment (合规评估): the checklist and the evidence; it passes only when every item passed',
      params: S.ListingParams, body: S.AssessmentBody, response: { 201: S.Listing, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.listings.assess(req.params.listingId, req.principal!, req.body, req.id)));

  app.post('/exchange/listings/:listingId/review/:action', {
    config: { access: EXCHANGE_STAFF, event: 'exchange.listing.changed' },
    schema: {
      tags, summary: "The exchange approves a submitted listing (published on the market; the gates again), sends it back, suspends, reinstates or delists it — with a reason to send back, suspend or delist",
      params: S.ListingReviewParams, body: S.ListingActBody, response: { 200: S.Listing, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.listings.act(req.params.listingId, req.params.action, req.body, req.principal!, req.id));

  app.post('/exchange/listings/:listingId/:action', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.listing.changed' },
    schema: {
      tags, summary: 'The seller or its broker asks a compliance assessor (assessorOrgId), submits a listing whose current content passed its assessment, withdraws it before listing, or delists it',
      params: S.ListingPartyActionParams, body: S.ListingActBody, response: { 200: S.Listing, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.listings.act(req.params.listingId, req.params.action === 'request-assessment' ? 'request_assessment' : req.params.action, req.body, req.principal!, req.id));

  // ---- negotiations and contracts (撮合 → 成交) --------------------------------------------------

  app.post('/exchange/negotiations', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.negotiation.moved' },
    schema: {
      tags, summary: "Open a negotiation on a listed listing: a buyer's request (or its broker's, naming buyerOrgId under a buy mandate) or the seller's offer to a buyer (DSP REQUESTED / OFFERED), with terms within the listing's policy and fee cap",
      body: S.NegotiationBody, response: { 201: S.Negotiation, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.negotiations.open(req.principal!, req.body, req.id)));

  app.get('/exchange/negotiations', {
    config: { access: {} },
    schema: { tags, summary: "Negotiations and contracts: the caller's as seller, buyer or broker; all for the exchange and the regulator (all=true)", querystring: S.NegotiationQuery, response: { 200: Page(S.NegotiationSummary), ...errors(400, 401) } },
  }, async (req) => svc.negotiations.list(req.principal!, req.query));

  app.get('/exchange/negotiations/:negotiationId', {
    config: { access: {} },
    schema: { tags, summary: 'A negotiation with its moves, seals and (once agreed) the DSP agreement (its parties and brokers, the exchange, the regulator)', params: S.NegotiationParams, response: { 200: S.Negotiation, ...errors(400, 401, 404) } },
  }, async (req) => svc.negotiations.get(req.params.negotiationId, req.principal!));

  app.get('/exchange/negotiations/:negotiationId/contract', {
    config: { access: {} },
    schema: { tags, summary: 'The contract document (数据交易合同, zh-CN text for print) once agreed; its SHA-256 in x-content-sha256', params: S.NegotiationParams, response: { 200: { description: 'the contract text (zh-CN)', content: { 'text/plain': { schema: { type: 'string' } } } }, ...errors(400, 401, 404, 409) } },
  }, async (req, reply) => {
    const d = await svc.negotiations.document(req.params.negotiationId, req.principal!);
    return reply.type('text/plain; charset=utf-8').header('x-content-sha256', d.digest.slice('sha256:'.length)).header('content-disposition', `inline; filename="${d.number}.txt"`).send(d.text);
  });

  app.get('/exchange/negotiations/:negotiationId/seals', {
    config: { access: {} },
    schema: { tags, summary: "Verify each seal on the contract against its document (the parties' and brokers' keys, retired keys included)", params: S.NegotiationParams, response: { 200: S.ContractSeals, ...errors(400, 401, 404, 409) } },
  }, async (req) => svc.negotiations.verifySeals(req.params.negotiationId, req.principal!));

  app.post('/exchange/negotiations/:negotiationId/certificate', {
    config: { access: EXCHANGE_STAFF, event: 'certificates.certificate.issued' },
    schema: { tags, summary: "The exchange issues a contract's transaction certificate (数据交易凭证) again, when issuing it at finalisation failed (refused while one is live)", params: S.NegotiationParams, response: { 201: Type.Object({ id: Type.String() }, { additionalProperties: true }), ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const c = await svc.negotiations.reissueCertificate(req.params.negotiationId, req.principal!, req.id);
    return reply.code(201).send({ id: c.id });
  });

  app.post('/exchange/negotiations/:negotiationId/:move', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.negotiation.moved' },
    schema: {
      tags, summary: 'A move: counter-offer (request / offer, with terms), accept (buyer side), agree (the seller seals the contract), verify (the buyer seals and pays into escrow), seal (a broker), finalize (the seller; every broker sealed), terminate (either side, with a reason; escrow returned)',
      params: S.NegotiationMoveParams, body: S.MoveBody, response: { 200: S.Negotiation, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => (req.params.move === 'seal'
    ? svc.negotiations.seal(req.params.negotiationId, req.principal!, req.id)
    : svc.negotiations.move(req.params.negotiationId, req.params.move, req.principal!, req.body, req.id)));

  // ---- delivery, acceptance, settlement (交付 → 清结算) ------------------------------------------

  app.post('/exchange/negotiations/:negotiationId/deliveries', {
    bodyLimit: 12 * 1024 * 1024,
    config: { access: { memberRoles: ACTING }, event: 'exchange.delivery.made' },
    schema: { tags, summary: 'The seller delivers a file to a contract in force (at most 8 MiB; its SHA-256 is the evidence); the first delivery starts the acceptance period', params: S.NegotiationParams, body: S.DeliveryBody, response: { 201: S.Delivery, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const content = decodeBase64(req.body.contentBase64);
    return reply.code(201).send(await svc.deliveries.deliver(req.params.negotiationId, req.principal!, { name: req.body.name, mediaType: req.body.mediaType, content, note: req.body.note }, req.id));
  });

  app.post('/exchange/negotiations/:negotiationId/deliveries/api', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.delivery.made' },
    schema: {
      tags, summary: "The seller delivers through the API: a gateway grant to the buyer on the asset's catalog resource, bounded by the contract (the policy's fields, the period, the uses, the purposes); per-call pricing is then billed from the gateway's metered calls",
      params: S.NegotiationParams, body: S.ApiDeliveryBody, response: { 201: S.ApiDelivery, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.deliveries.deliverApi(req.params.negotiationId, req.principal!, req.body, req.id)));

  app.get('/exchange/negotiations/:negotiationId/api-usage', {
    config: { access: {} },
    schema: { tags, summary: "A contract's API access as the gateway meters it: the grant, its calls used of the most, and the billing by use (its parties and brokers, the exchange, the regulator)", params: S.NegotiationParams, response: { 200: S.ApiUsage, ...errors(400, 401, 404) } },
  }, async (req) => svc.deliveries.apiUsage(req.params.negotiationId, req.principal!));

  app.get('/exchange/negotiations/:negotiationId/deliveries', {
    config: { access: {} },
    schema: { tags, summary: "A contract's deliveries (its parties and brokers, the exchange, the regulator)", params: S.NegotiationParams, response: { 200: Type.Object({ items: Type.Array(S.Delivery) }), ...errors(400, 401, 404) } },
  }, async (req) => svc.deliveries.list(req.params.negotiationId, req.principal!));

  app.post('/exchange/negotiations/:negotiationId/deliveries/:deliveryId/link', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.delivery.link_issued' },
    schema: { tags, summary: 'The buyer gets an expiring download link for a delivered file (shown once; it ends with the contract at the latest)', params: S.DeliveryParams, response: { 201: S.DownloadLink, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => reply.code(201).send(await svc.deliveries.link(req.params.negotiationId, req.params.deliveryId, req.principal!, req.id)));

  app.get('/exchange/downloads/:token', {
    config: { access: { public: true } },
    schema: { tags, summary: "Download through a link: each download is a use of the contract, refused (and recorded) after the link's or the contract's end or beyond its uses", params: S.DownloadParams, response: { 200: { description: 'the file', type: 'string', format: 'binary' }, ...errors(400, 403, 404) } },
  }, async (req, reply) => {
    const f = await svc.deliveries.download(req.params.token, req.id);
    return reply.type(f.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).header('x-content-sha256', f.sha256)
      .header('x-uses-left', f.usesLeft === null ? 'unlimited' : String(f.usesLeft)).header('cache-control', 'no-store').send(f.content);
  });

  app.post('/exchange/negotiations/:negotiationId/acceptance', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.delivery.accepted' },
    schema: { tags, summary: 'The buyer accepts the delivery (验收): the deal is queued for settlement T+n with its split (seller, exchange fee, brokers, public data’s share); a contract billed by use is queued when it is billed', params: S.NegotiationParams, response: { 200: S.Acceptance, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.deliveries.accept(req.params.negotiationId, req.principal!, req.id));

  app.get('/exchange/negotiations/:negotiationId/settlement', {
    config: { access: {} },
    schema: { tags, summary: "A deal's settlement item: due date, split, status, batch (its parties and brokers, the exchange, the regulator)", params: S.NegotiationParams, response: { 200: S.SettlementItem, ...errors(400, 401, 404) } },
  }, async (req) => {
    await svc.negotiations.get(req.params.negotiationId, req.principal!);
    return { item: await svc.settlements.item(req.params.negotiationId) };
  });

  app.post('/exchange/negotiations/:negotiationId/destruction', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.destruction.attested' },
    schema: { tags, summary: 'The buyer attests destruction (销毁证明) of the data once the contract ended: statement, method, a supporting document’s digest', params: S.NegotiationParams, body: S.DestructionBody, response: { 201: S.Destruction, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.deliveries.attestDestruction(req.params.negotiationId, req.principal!, req.body, req.id)));

  app.get('/exchange/destructions/overdue', {
    config: { access: { roles: ['exchange', 'regulator'] } },
    schema: { tags, summary: 'Contracts whose policy requires destruction, ended more than exchange.destructionDays ago without an attestation (the exchange, the regulator)', querystring: S.StatementQuery, response: { 200: S.OverdueDestructions, ...errors(400, 401, 403) } },
  }, async (req) => svc.deliveries.overdueDestructions(req.query.page, req.query.pageSize));

  app.post('/exchange/negotiations/:negotiationId/ratings', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.rating.given' },
    schema: { tags, summary: 'The buyer or the seller rates the other once the delivery was accepted (1–5 and a comment, once per deal)', params: S.NegotiationParams, body: S.RatingBody, response: { 201: S.Rating, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.deliveries.rate(req.params.negotiationId, req.principal!, req.body, req.id)));

  app.post('/exchange/negotiations/:negotiationId/disputes', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.dispute.raised' },
    schema: { tags, summary: 'The buyer or the seller raises a dispute before an arbitration service-provider member while the money is in escrow; acceptance and settlement wait for the ruling', params: S.NegotiationParams, body: S.DisputeBody, response: { 201: S.Dispute, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.disputes.raise(req.params.negotiationId, req.principal!, req.body, req.id)));

  app.get('/exchange/disputes', {
    config: { access: {} },
    schema: { tags, summary: "Disputes: the caller's as party or arbitrator; all for the exchange and the regulator (all=true)", querystring: S.DisputeQuery, response: { 200: Page(S.Dispute), ...errors(400, 401) } },
  }, async (req) => svc.disputes.list(req.principal!, req.query));

  app.get('/exchange/disputes/:disputeId', {
    config: { access: {} },
    schema: { tags, summary: 'A dispute (its parties, its arbitrator, the exchange, the regulator)', params: S.DisputeParams, response: { 200: S.Dispute, ...errors(400, 401, 404) } },
  }, async (req) => svc.disputes.get(req.params.disputeId, req.principal!));

  app.post('/exchange/disputes/:disputeId/ruling', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.dispute.ruled' },
    schema: { tags, summary: "The arbitrator's ruling, executed at once: the refund from escrow to the buyer, the rest to settlement (T+n)", params: S.DisputeParams, body: S.RulingBody, response: { 200: S.Dispute, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.disputes.rule(req.params.disputeId, req.principal!, req.body, req.id));

  app.post('/exchange/negotiations/:negotiationId/attachments', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.contract.attached' },
    schema: { tags, summary: 'An insurance or custody provider (an active service-provider member offering it, not a party) attaches its policy or custody agreement to a contract in force', params: S.NegotiationParams, body: S.AttachmentBody, response: { 201: S.Attachment, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.attachments.attach(req.params.negotiationId, req.principal!, req.body, req.id)));

  app.get('/exchange/negotiations/:negotiationId/attachments', {
    config: { access: {} },
    schema: { tags, summary: "A contract's insurance and custody (its parties and brokers, the exchange, the regulator; a provider sees its own)", params: S.NegotiationParams, response: { 200: Type.Object({ items: Type.Array(S.Attachment) }), ...errors(400, 401, 404) } },
  }, async (req) => svc.attachments.list(req.params.negotiationId, req.principal!));

  app.get('/exchange/attachments', {
    config: { access: {} },
    schema: { tags, summary: "The caller's attachments as an insurance or custody provider", querystring: S.StatementQuery, response: { 200: Page(S.Attachment), ...errors(400, 401) } },
  }, async (req) => svc.attachments.mine(req.principal!, req.query.page, req.query.pageSize));

  app.post('/exchange/filings', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.filing.filed' },
    schema: { tags, summary: 'File an off-exchange trade for the record (场外交易备案): counterparty, side, the registered asset (its holder sells), amount, date, the contract’s SHA-256', body: S.FilingBody, response: { 201: S.Filing, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.filings.file(req.principal!, req.body, req.id)));

  app.get('/exchange/filings', {
    config: { access: {} },
    schema: { tags, summary: "Off-exchange filings: the caller's (as filer or counterparty); all for the exchange and the regulator (all=true)", querystring: S.FilingQuery, response: { 200: Page(S.Filing), ...errors(400, 401) } },
  }, async (req) => svc.filings.list(req.principal!, req.query));

  app.get('/exchange/filings/:filingId', {
    config: { access: {} },
    schema: { tags, summary: 'An off-exchange filing (its parties, the exchange, the regulator)', params: S.FilingParams, response: { 200: S.Filing, ...errors(400, 401, 404) } },
  }, async (req) => svc.filings.get(req.params.filingId, req.principal!));

  app.post('/exchange/filings/:filingId/confirm', {
    config: { access: { memberRoles: ACTING }, event: 'exchange.filing.confirmed' },
    schema: { tags, summary: 'The counterparty confirms an off-exchange filing', params: S.FilingParams, response: { 200: S.Filing, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.filings.confirm(req.params.filingId, req.principal!, req.id));

  app.post('/exchange/settlements', {
    config: { access: FINANCE, event: 'exchange.settlement.ran' },
    schema: { tags, summary: "Run settlement (the exchange's finance staff): every item due on or before the business date (default today) settled in batches, each one balanced journal, exactly once", body: S.SettlementRunBody, response: { 200: S.SettlementRun, ...errors(400, 401, 403, 409) } },
  }, async (req) => svc.settlements.run(req.principal!, req.body.businessDate, req.id));

  app.get('/exchange/settlements', {
    config: { access: { roles: ['exchange', 'regulator'] } },
    schema: { tags, summary: 'Settlement batches, newest first (the exchange, the regulator)', querystring: S.StatementQuery, response: { 200: Page(S.SettlementBatch), ...errors(400, 401, 403) } },
  }, async (req) => svc.settlements.batches(req.query.page, req.query.pageSize));

  app.get('/exchange/settlements/:batchId', {
    config: { access: {} },
    schema: { tags, summary: 'A settlement batch and its deals — contract, amount, split (the exchange and the regulator all; a member the deals it paid or is credited in)', params: S.BatchParams, response: { 200: S.SettlementBatchDetail, ...errors(400, 401, 404) } },
  }, async (req) => svc.settlements.batch(req.params.batchId, req.principal!));

  // ---- public market pages (信息披露) --------------------------------------------------------

  app.get('/public/exchange/members', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Active members of the exchange: organisation, kind, services', querystring: S.PublicMemberQuery, response: { 200: Page(S.PublicMember), ...errors(400) } },
  }, async (req) => svc.members.publicList(req.query));

  app.get('/public/exchange/brokers', {
    config: { access: { public: true } },
    schema: { tags, summary: 'The register of certified data brokers: number, industries, validity, standing', querystring: S.BrokerQuery, response: { 200: Page(S.Broker), ...errors(400) } },
  }, async (req) => svc.members.brokers(req.query));

  app.get('/public/exchange/brokers/:brokerId', {
    config: { access: { public: true } },
    schema: { tags, summary: 'One broker certificate', params: S.BrokerParams, response: { 200: S.Broker, ...errors(400, 404) } },
  }, async (req) => svc.members.broker(req.params.brokerId));

  app.get('/public/exchange/sanctions', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Sanctions: suspended or terminated members, suspended or revoked brokers, with the reason, newest first', querystring: S.StatementQuery, response: { 200: Page(S.Sanction), ...errors(400) } },
  }, async (req) => svc.members.sanctions(req.query.page, req.query.pageSize));
  app.get('/public/exchange/listings', {
    config: { access: { public: true } },
    schema: { tags, summary: 'The market: listed listings, searched by words (Chinese by characters and pairs) and filtered by category, region, delivery method, pricing model, seller', querystring: S.MarketQuery, response: { 200: S.MarketPage, ...errors(400) } },
  }, async (req) => svc.listings.market(req.query));

  app.get('/public/exchange/listings/:listingId', {
    config: { access: { public: true } },
    schema: { tags, summary: 'A listed listing: the offer, its sample, its usage policy with the ODRL form, the compliance assessment’s outcome', params: S.ListingParams, response: { 200: S.PublicListing, ...errors(400, 404) } },
  }, async (req) => svc.listings.publicListing(req.params.listingId));

  app.get('/public/exchange/disclosure', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Daily deals (contracts in force) and their amounts by category and by region, Asia/Shanghai days (default the last 30, at most 366); cells of fewer than 3 deals merged so that no single trade’s price shows', querystring: S.DisclosureQuery, response: { 200: S.Disclosure, ...errors(400) } },
  }, async (req) => svc.disclosure.daily(req.query));

  app.get('/public/exchange/ratings/:orgId', {
    config: { access: { public: true } },
    schema: { tags, summary: "An organisation's ratings as a counterparty: count, average, the latest", params: S.OrgParams, response: { 200: S.Ratings, ...errors(400) } },
  }, async (req) => svc.deliveries.ratings(req.params.orgId));
}
