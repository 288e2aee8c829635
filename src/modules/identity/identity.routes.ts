import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { errors, Page, PageOnlyQuery, Strict } from '../../platform/http/schemas.js';
import { IdentityErrors } from './identity.errors.js';
import * as S from './identity.schemas.js';
import type { IdentityService } from './index.js';

const ORG_ADMINS = ['org_admin'] as const;
const WRITERS = ['org_admin', 'staff'] as const;

/** /api/v1 routes of the identity module. Thin: validation by schema, rules in the services. */
export async function identityRoutes(app: App, svc: IdentityService): Promise<void> {
  app.post('/auth/login', {
    config: { access: { public: true }, event: 'identity.session.started' },
    schema: { tags: ['identity'], summary: 'Log in with user name, email or phone', body: S.LoginBody, response: { 200: S.LoginReply, ...errors(400, 401, 403) } },
  }, async (req) => svc.auth.login(req.body.login, req.body.password, req.id));

  app.post('/auth/logout', {
    config: { access: {}, event: 'identity.session.ended' },
    schema: { tags: ['identity'], summary: 'End the current session', response: { 204: Type.Null(), ...errors(401) } },
  }, async (req, reply) => {
    await svc.auth.logout(req.principal!, req.id);
    return reply.code(204).send(null);
  });

  app.get('/me', {
    config: { access: {} },
    schema: { tags: ['identity'], summary: 'The caller: user or API key, organisation and roles', response: { 200: S.Me, ...errors(401) } },
  }, async (req) => {
    const { org, ...me } = await svc.auth.me(req.principal!);
    return { ...me, organisation: org ? svc.organisations.view(org) : null };
  });

  app.post('/orgs', {
    config: { access: { roles: ['platform_admin', 'data_bureau'], memberRoles: ORG_ADMINS }, event: 'identity.organisation.created' },
    schema: { tags: ['identity'], summary: 'Register an organisation (USCC check character verified)', body: S.CreateOrganisationBody, response: { 201: S.Organisation, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.organisations.create(req.body, req.principal, undefined, req.id)));

  app.get('/orgs', {
    config: { access: {} },
    schema: { tags: ['identity'], summary: 'Directory of organisations (public profile fields)', querystring: S.OrgListQuery, response: { 200: Page(S.Organisation), ...errors(400, 401) } },
  }, async (req) => svc.organisations.list(req.query));

  app.get('/orgs/:orgId', {
    config: { access: {} },
    schema: { tags: ['identity'], summary: 'Public profile of an organisation', params: S.OrgParams, response: { 200: S.Organisation, ...errors(401, 404) } },
  }, async (req) => svc.organisations.get(req.params.orgId));

  app.post('/orgs/:orgId/relationships', {
    config: { access: { roles: ['platform_admin', 'data_bureau'] }, event: 'identity.relationship.recorded' },
    schema: { tags: ['identity'], summary: 'Record a relationship of the organisation with another (parent, shareholder, counterparty): the basis of recusals', params: S.OrgParams, body: S.RelationshipBody, response: { 201: S.Relationship, ...errors(400, 401, 403, 404) } },
  }, async (req, reply) => reply.code(201).send(await svc.relationships.record(req.params.orgId, req.body, req.principal, req.id)));

  app.get('/orgs/:orgId/relationships', {
    config: { access: { orgParam: 'orgId', crossOrgRoles: ['platform_admin', 'data_bureau', 'regulator'] } },
    schema: { tags: ['identity'], summary: "The organisation's recorded relationships, either side (the organisation itself, the platform, the data bureau, the regulator)", params: S.OrgParams, response: { 200: S.Relationships, ...errors(400, 401, 403, 404) } },
  }, async (req) => svc.relationships.list(req.params.orgId));

  app.get('/orgs/:orgId/users', {
    config: { access: { orgParam: 'orgId', crossOrgRoles: ['platform_admin'] } },
    schema: { tags: ['identity'], summary: "An organisation's users (own organisation only)", params: S.OrgParams, querystring: PageOnlyQuery, response: { 200: Page(S.User), ...errors(401, 403, 404) } },
  }, async (req) => svc.organisations.listUsers(req.params.orgId, req.query.page, req.query.pageSize));

  app.post('/orgs/:orgId/users', {
    config: { access: { orgParam: 'orgId', crossOrgRoles: ['platform_admin'], memberRoles: ORG_ADMINS }, event: 'identity.user.created' },
    schema: { tags: ['identity'], summary: 'Add a user to an organisation', params: S.OrgParams, body: S.CreateUserBody, response: { 201: S.User, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.organisations.createUser(req.params.orgId, req.body, req.principal, req.id)));

  app.get('/orgs/:orgId/api-keys', {
    config: { access: { orgParam: 'orgId', memberRoles: ['org_admin', 'auditor'] } },
    schema: { tags: ['identity'], summary: "An organisation's API keys (never the secrets)", params: S.OrgParams, response: { 200: Page(S.ApiKey), ...errors(401, 403) } },
  }, async (req) => svc.auth.listApiKeys(req.params.orgId));

  app.post('/orgs/:orgId/api-keys', {
    config: { access: { orgParam: 'orgId', memberRoles: ORG_ADMINS }, event: 'identity.api_key.created' },
    schema: { tags: ['identity'], summary: 'Create an API key; the key is shown once', params: S.OrgParams, body: S.CreateApiKeyBody, response: { 201: Type.Intersect([S.ApiKey, Type.Object({ key: Type.String() })]), ...errors(400, 401, 403) } },
  }, async (req, reply) => reply.code(201).send(await svc.auth.createApiKey(req.params.orgId, req.body, req.principal, req.id)));

  app.delete('/orgs/:orgId/api-keys/:keyId', {
    config: { access: { orgParam: 'orgId', memberRoles: ORG_ADMINS }, event: 'identity.api_key.revoked' },
    schema: { tags: ['identity'], summary: 'Revoke an API key', params: Type.Object({ orgId: Type.String(), keyId: Type.String({ maxLength: 40 }) }, Strict), response: { 204: Type.Null(), ...errors(401, 403, 404) } },
  }, async (req, reply) => {
    if (!(await svc.auth.revokeApiKey(req.params.orgId, req.params.keyId, req.principal!, req.id))) throw new AppError(IdentityErrors.IDENTITY_KEY_NOT_FOUND);
    return reply.code(204).send(null);
  });

  app.get('/orgs/:orgId/keys', {
    config: { access: {} },
    schema: { tags: ['identity'], summary: "An organisation's public signing keys, current and retired", params: S.OrgParams, response: { 200: Type.Object({ items: Type.Array(S.KeyInfo) }), ...errors(401, 404) } },
  }, async (req) => {
    await svc.organisations.get(req.params.orgId);
    return { items: await svc.keys.list(req.params.orgId) };
  });

  app.post('/orgs/:orgId/keys/rotate', {
    config: { access: { orgParam: 'orgId', crossOrgRoles: ['platform_admin'], memberRoles: ORG_ADMINS }, event: 'identity.key.rotated' },
    schema: { tags: ['identity'], summary: "Rotate the organisation's signing key (old seals stay verifiable)", params: S.OrgParams, response: { 200: Type.Any(), ...errors(401, 403, 404) } },
  }, async (req) => svc.keys.rotate(req.params.orgId, req.principal, req.id));

  app.post('/seals/sign', {
    config: { access: { memberRoles: WRITERS }, event: 'identity.seal.applied' },
    schema: { tags: ['identity'], summary: "Apply the caller's organisation seal (电子印章) to a JSON payload", body: S.SignBody, response: { 200: Type.Object({ seal: S.SealSchema }), ...errors(400, 401, 403) } },
  }, async (req) => ({ seal: await svc.seals.sign(req.principal!.orgId, req.body.payload, req.principal, req.body.purpose, req.id) }));

  app.post('/seals/verify', {
    config: { access: { public: true } },
    schema: { tags: ['identity'], summary: 'Verify an electronic seal over a payload', body: S.VerifyBody, response: { 200: Type.Object({ valid: Type.Boolean(), reason: Type.Optional(Type.String()), orgId: Type.Optional(Type.String()), kid: Type.Optional(Type.String()), signedAt: Type.Optional(Type.String()) }), ...errors(400) } },
  }, async (req) => svc.seals.verify(req.body.payload, req.body.seal));
}

/** Routes outside /api: did:web documents. */
export async function identityPublicRoutes(app: App, svc: IdentityService): Promise<void> {
  app.get('/orgs/:orgId/did.json', {
    config: { access: { public: true } },
    schema: { tags: ['identity'], summary: 'did:web DID document of an organisation', params: S.OrgParams },
  }, async (req, reply) => {
    reply.type('application/did+json');
    return svc.keys.didDocument(req.params.orgId, svc.organisations.didOf(req.params.orgId));
  });
}
