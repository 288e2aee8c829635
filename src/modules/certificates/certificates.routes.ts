import type { App } from '../../platform/http/server.js';
import { errors, Page } from '../../platform/http/schemas.js';
import * as S from './certificates.schemas.js';
import type { CertificatesService } from './index.js';

const WRITERS = { memberRoles: ['org_admin', 'staff'] } as const;

/** /api/v1/certificates routes and the public verification and status list routes. Thin: rules live in the services. */
export async function certificatesRoutes(app: App, svc: CertificatesService): Promise<void> {
  const tags = ['certificates'];
  const one = '/certificates/:certificateId';

  app.get('/certificates', {
    config: { access: {} },
    schema: { tags, summary: "The caller's certificates: its wallet (held), received as data user, issued; the data bureau and the regulator see all", querystring: S.CertificateListQuery, response: { 200: Page(S.Certificate), ...errors(400, 401) } },
  }, async (req) => svc.certificates.list(req.principal!, req.query));

  app.post('/certificates/circulation', {
    config: { access: { ...WRITERS, roles: ['data_bureau'] }, event: 'certificates.certificate.issued' },
    schema: { tags, summary: 'The data bureau issues the public data asset circulation certificate (公共数据资产流通凭证) of an approved data-subject authorization', body: S.IssueCirculationBody, response: { 201: S.Certificate, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.certificates.issueCirculation(req.body.consentId, req.principal!, req.id)));

  app.post('/certificates/registration', {
    config: { access: { ...WRITERS, roles: ['data_bureau'] }, event: 'certificates.certificate.issued' },
    schema: { tags, summary: 'The data bureau issues the data asset registration certificate (数据资产登记凭证) of a registered application (issued automatically on registration; this retries a failed issuance)', body: S.IssueRegistrationBody, response: { 201: S.Certificate, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.certificates.issueRegistration(req.body.applicationId, req.principal!, req.id)));

  app.get(one, {
    config: { access: {} },
    schema: { tags, summary: 'One certificate (its holder, data user, issuer, the data bureau, the regulator)', params: S.CertificateParams, response: { 200: S.Certificate, ...errors(400, 401, 404) } },
  }, async (req) => svc.certificates.get(req.params.certificateId, req.principal!));

  app.get(`${one}/bundle`, {
    config: { access: {} },
    schema: { tags, summary: 'Everything `liutong cert verify` needs to check the certificate offline', params: S.CertificateParams, response: { 200: S.Bundle, ...errors(400, 401, 404) } },
  }, async (req) => svc.certificates.bundle(req.params.certificateId, req.principal!));

  for (const [action, event, summary, body] of [
    ['suspend', 'certificates.certificate.suspended', 'The issuer suspends a certificate in force (its suspension status bit set)', S.ReasonBody],
    ['reinstate', 'certificates.certificate.reinstated', 'The issuer reinstates a suspended certificate', null],
    ['revoke', 'certificates.certificate.revoked', 'The issuer revokes a certificate for good (its revocation status bit set)', S.ReasonBody],
  ] as const) {
    app.post(`${one}/${action}`, {
      config: { access: WRITERS, event },
      schema: { tags, summary, params: S.CertificateParams, ...(body ? { body } : {}), response: { 200: S.Certificate, ...errors(400, 401, 403, 404, 409) } },
    }, async (req) => {
      const id = (req.params as { certificateId: string }).certificateId;
      const reason = (req.body as { reason?: string } | undefined)?.reason ?? '';
      if (action === 'suspend') return svc.certificates.suspend(id, reason, req.principal!, req.id);
      if (action === 'reinstate') return svc.certificates.reinstate(id, req.principal!, req.id);
      return svc.certificates.revoke(id, reason, req.principal!, req.id);
    });
  }

  app.post(`${one}/transfer`, {
    config: { access: WRITERS, event: 'certificates.certificate.transferred' },
    schema: { tags, summary: 'The issuer transfers a registration certificate (转移): the old one revoked, a new one issued to the new holder, linked both ways', params: S.CertificateParams, body: S.TransferBody, response: { 200: S.Certificate, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => svc.certificates.transfer(req.params.certificateId, req.body.toOrgId, req.body.reason, req.principal!, req.id));

  app.get('/certificates/export', {
    config: { access: {} },
    schema: { tags, summary: "The caller's certificates as CSV (UTF-8 with BOM; the same filters as the list): a holder's portfolio", querystring: S.ExportQuery, produces: ['text/csv'] },
  }, async (req, reply) => {
    const { name, body } = await svc.certificates.exportCsv(req.principal!, req.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);
  });

  app.post(`${one}/uses`, {
    config: { access: WRITERS, event: 'certificates.certificate.applied' },
    schema: { tags, summary: 'The data user (or holder) records a use of the certificate (应用), e.g. "loan approved, ¥3,000,000"; the holder sees it', params: S.CertificateParams, body: S.ApplyBody, response: { 201: S.Use, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.certificates.apply(req.params.certificateId, req.body, req.principal!, req.id)));

  app.get(`${one}/uses`, {
    config: { access: {} },
    schema: { tags, summary: 'The recorded uses of a certificate', params: S.CertificateParams, response: { 200: S.Uses, ...errors(400, 401, 404) } },
  }, async (req) => svc.certificates.uses(req.params.certificateId, req.principal!));

  app.post('/certificates/verify', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Verifies a certificate (no login): format, issuer DID, signature, validity window, status lists and ledger evidence, each check explained in zh-CN and en-US', body: S.VerifyBody, response: { 200: S.Verification, ...errors(400) } },
  }, async (req) => svc.certificates.verify(req.body.credential));

  app.get('/public/certificates/status/:listId', {
    config: { access: { public: true } },
    schema: { tags, summary: 'A Bitstring Status List credential (vc+jwt), cacheable for its ttl', params: S.StatusListParams, produces: ['application/vc+jwt'] },
  }, async (req, reply) => {
    const { jwt, version, ttlSeconds } = await svc.statusLists.credential(req.params.listId);
    const etag = `"${req.params.listId}-${version}"`;
    reply.header('cache-control', `public, max-age=${ttlSeconds}`).header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/vc+jwt').send(jwt);
  });
}
