import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, PlatformErrors } from '../errors.js';
import type { Actor } from '../events/outbox.js';

/** Organisation roles (DESIGN.md §2). */
export const ORG_ROLES = [
  'platform_admin', 'data_bureau', 'source_unit', 'implementing_body', 'operator', 'exchange', 'data_merchant',
  'broker', 'service_provider', 'enterprise', 'regulator', 'customs_officer', 'individual',
] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
/** Roles held by a person inside an organisation. */
/** Who oversees every organisation's records of a kind: the data bureau and the regulator. */
export const OVERSEER_ROLES = ['data_bureau', 'regulator'] as const satisfies readonly OrgRole[];

export const PERSON_ROLES = ['cdo', 'compliance_reviewer'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** Member roles inside an organisation. */
export const MEMBER_ROLES = ['org_admin', 'staff', 'finance', 'auditor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The authenticated caller. */
export interface Principal {
  kind: 'user' | 'api_key';
  orgId: string;
  orgRoles: OrgRole[];
  memberRole: MemberRole;
  personRoles: PersonRole[];
  userId?: string;
  apiKeyId?: string;
  sessionId?: string;
  displayName: string;
}

/** Resolves a bearer token (session token or organisation API key) to a principal. */
export type Authenticator = (token: string) => Promise<Principal | null>;

/**
 * Every route declares who may call it (DESIGN.md §4). Evaluated before validation:
 * - `public`: anyone; a token, if sent, is still checked and becomes the principal.
 * - `roles`: organisation roles of which the caller's organisation must hold one (absent: any).
 * - `memberRoles`: the caller's role inside the organisation must be one of these (absent: any;
 *   `auditor` is read-only, so state-changing routes should list the roles they allow).
 * - `orgParam`: name of the route parameter naming an organisation; the caller must belong to it
 *   unless its organisation holds one of `crossOrgRoles`.
 */
export interface AccessPolicy {
  public?: boolean;
  roles?: readonly OrgRole[];
  memberRoles?: readonly MemberRole[];
  orgParam?: string;
  crossOrgRoles?: readonly OrgRole[];
}

export interface RouteMeta {
  access: AccessPolicy;
  /** Event type a successful call emits; marks the route as state-changing. */
  event?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: AccessPolicy;
    event?: string;
  }
}

/** The actor of a request: anonymous when no principal (used for refused attempts). */
export function actorOf(p: Principal | null): Actor {
  if (!p) return { kind: 'anonymous' };
  return p.kind === 'user'
    ? { kind: 'user', userId: p.userId!, orgId: p.orgId }
    : { kind: 'api_key', apiKeyId: p.apiKeyId!, orgId: p.orgId };
}

/** The actor of a service call: `null` means the platform itself (bootstrap, demo seed, jobs). */
export function serviceActor(p: Principal | null): Actor {
  return p ? actorOf(p) : { kind: 'system' };
}

export function bearerToken(request: FastifyRequest): string | null | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

export function authHook(authenticate: Authenticator) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = null;
    const access = request.routeOptions.config?.access;
    if (!access) return; // unknown route or non-API route: the not-found handler answers
    const token = bearerToken(request);
    if (token === null) throw new AppError(PlatformErrors.AUTH_INVALID_TOKEN);
    if (token !== undefined) {
      request.principal = await authenticate(token);
      if (!request.principal) throw new AppError(PlatformErrors.AUTH_INVALID_TOKEN);
    }
    authorize(access, request.principal, request.params as Record<string, string> | undefined);
  };
}

export function authorize(access: AccessPolicy, p: Principal | null, params: Record<string, string> | undefined): void {
  if (access.public) return;
  if (!p) throw new AppError(PlatformErrors.AUTH_REQUIRED);
  if (access.roles && !access.roles.some((r) => p.orgRoles.includes(r))) {
    throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: access.roles }, { roles: access.roles.join(', ') });
  }
  if (access.memberRoles && !access.memberRoles.includes(p.memberRole)) {
    throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: access.memberRoles }, { roles: access.memberRoles.join(', ') });
  }
  if (access.orgParam) {
    const orgId = params?.[access.orgParam];
    const crossOk = access.crossOrgRoles?.some((r) => p.orgRoles.includes(r)) ?? false;
    if (orgId !== p.orgId && !crossOk) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
  }
}

/** For services: whether a principal may see another organisation's private records. */
export function hasAnyRole(p: Principal | null, roles: readonly OrgRole[]): boolean {
  return !!p && roles.some((r) => p.orgRoles.includes(r));
}
