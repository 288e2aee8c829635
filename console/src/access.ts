/**
 * What the current user may do in the console, derived from their organisation's roles and their
 * member role. Pure and unit-tested (test/console/access.test.ts). It mirrors the access policies
 * the API declares per route (the `*.routes.ts` file of each module); the server still decides every call,
 * this only decides what the console offers.
 */
export type OrgRole =
  | 'platform_admin' | 'data_bureau' | 'source_unit' | 'implementing_body' | 'operator' | 'exchange' | 'data_merchant'
  | 'broker' | 'service_provider' | 'enterprise' | 'regulator' | 'customs_officer';
export type MemberRole = 'org_admin' | 'staff' | 'finance' | 'auditor';

export interface CurrentUser {
  orgId: string;
  orgRoles: readonly string[];
  memberRole: string | null;
  personRoles: readonly string[];
}

export const PERMISSIONS = [
  'public',
  'signedIn',
  'orgs.list',
  'orgs.create',
  'orgs.manageOwnUsers',
  'orgs.manageAnyUsers',
  'orgs.viewApiKeys',
  'orgs.manageApiKeys',
  'orgs.rotateKeys',
  'ledger.explore',
  'ledger.attest',
  'ledger.witnesses',
  'seals.sign',
  'catalog.elements',
  'catalog.defineElements',
  'catalog.resources',
  'catalog.writeResources',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type Access = Record<Permission, boolean>;

export function computeAccess(user: CurrentUser | null): Access {
  const none = Object.fromEntries(PERMISSIONS.map((p) => [p, false])) as Access;
  none.public = true;
  if (!user) return none;
  const has = (r: OrgRole) => user.orgRoles.includes(r);
  const member = user.memberRole;
  const admin = member === 'org_admin';
  const writer = admin || member === 'staff';
  return {
    public: true,
    signedIn: true,
    'orgs.list': true,
    // POST /orgs: platform_admin or data_bureau, as org_admin.
    'orgs.create': admin && (has('platform_admin') || has('data_bureau')),
    // POST /orgs/{orgId}/users: own organisation's org_admin; platform_admin across organisations.
    'orgs.manageOwnUsers': admin,
    'orgs.manageAnyUsers': admin && has('platform_admin'),
    // GET /orgs/{orgId}/api-keys: org_admin or auditor of the organisation.
    'orgs.viewApiKeys': admin || member === 'auditor',
    'orgs.manageApiKeys': admin,
    // POST /orgs/{orgId}/keys/rotate: own org_admin; platform_admin across organisations (see canManageOrg).
    'orgs.rotateKeys': admin,
    'ledger.explore': true,
    // POST /ledger/attestations and /seals/sign: org_admin or staff.
    'ledger.attest': writer,
    'seals.sign': writer,
    // GET /catalog/elements: every signed-in user; POST/PATCH: the data bureau's org_admin or staff.
    'catalog.elements': true,
    'catalog.defineElements': writer && has('data_bureau'),
    // GET /catalog/resources: every signed-in user (the server filters what each may see);
    // POST/PATCH, grade, submit: any organisation's org_admin or staff, for its own resources.
    'catalog.resources': true,
    'catalog.writeResources': writer,
    // POST /ledger/witnesses: a regulator's org_admin.
    'ledger.witnesses': admin && has('regulator'),
  };
}

/** May the user see another organisation's private records (users, keys) in the console? */
export function canManageOrg(access: Access, user: CurrentUser | null, orgId: string): boolean {
  if (!user) return false;
  return user.orgId === orgId ? access['orgs.manageOwnUsers'] : access['orgs.manageAnyUsers'];
}

/**
 * Which lifecycle actions the console offers on a resource (the server still decides): the owner
 * edits, grades and submits; the data bureau publishes public data, the owner's org_admin social
 * data; the owner's org_admin (or the bureau, for public data) deprecates.
 */
export function resourceActions(
  access: Access,
  user: CurrentUser | null,
  r: { sourceOrgId: string; scope: 'public' | 'social'; status: string; version: number; headVersion: number },
): { edit: boolean; grade: boolean; submit: boolean; publish: boolean; deprecate: boolean } {
  const own = !!user && user.orgId === r.sourceOrgId && access['catalog.writeResources'];
  const admin = user?.memberRole === 'org_admin';
  const bureau = !!user && r.scope === 'public' && user.orgRoles.includes('data_bureau') && access['catalog.writeResources'];
  const head = r.version === r.headVersion;
  return {
    edit: own && head && (r.status === 'draft' || r.status === 'published'),
    grade: own && head && r.status === 'draft',
    submit: own && head && r.status === 'draft',
    publish: head && r.status === 'submitted' && (r.scope === 'public' ? bureau : own && admin),
    deprecate: head && r.status === 'published' && (bureau || (own && admin)),
  };
}

export function canSeeOrgPrivate(user: CurrentUser | null, orgId: string): boolean {
  if (!user) return false;
  return user.orgId === orgId || user.orgRoles.includes('platform_admin');
}
