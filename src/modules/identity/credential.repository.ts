import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { MemberRole, OrgRole, PersonRole } from '../../platform/http/access.js';
import { mapOrganisation, type OrganisationRow } from './organisation.repository.js';

export interface UserRow {
  id: string;
  orgId: string;
  username: string;
  email: string | null;
  phone: string | null;
  displayName: string;
  passwordHash: string;
  memberRole: MemberRole;
  personRoles: PersonRole[];
  status: 'active' | 'disabled';
  createdAt: Date;
}

function mapUser(r: any): UserRow {
  return {
    id: r.id,
    orgId: r.org_id,
    username: r.username,
    email: r.email,
    phone: r.phone,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    memberRole: r.member_role,
    personRoles: r.person_roles,
    status: r.status,
    createdAt: new Date(r.created_at),
  };
}

export async function insertUser(db: Executor, u: UserRow): Promise<void> {
  await db
    .insertInto('identity_user')
    .values({
      id: u.id,
      org_id: u.orgId,
      username: u.username,
      email: u.email,
      phone: u.phone,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      member_role: u.memberRole,
      person_roles: sql`${sql.val(u.personRoles)}::text[]`,
      status: u.status,
      created_at: u.createdAt,
    })
    .execute();
}

export async function findUserByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  const r = await db
    .selectFrom('identity_user')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', login), eb('email', '=', login.toLowerCase()), eb('phone', '=', login)]))
    .executeTakeFirst();
  return r ? mapUser(r) : undefined;
}

export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('identity_user').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapUser(r) : undefined;
}

export async function findUserWithOrganisation(db: Executor, id: string): Promise<{ user: UserRow; org: OrganisationRow } | undefined> {
  const r: any = await db
    .selectFrom('identity_user as u')
    .innerJoin('identity_organisation as o', 'o.id', 'u.org_id')
    .selectAll('u')
    .select(['o.name_zh', 'o.name_en', 'o.type', 'o.uscc', 'o.roles', 'o.status as org_status', 'o.created_at as org_created_at', 'o.updated_at as org_updated_at'])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    user: mapUser(r),
    org: mapOrganisation({ id: r.org_id, name_zh: r.name_zh, name_en: r.name_en, type: r.type, uscc: r.uscc, roles: r.roles, status: r.org_status, created_at: r.org_created_at, updated_at: r.org_updated_at }),
  };
}

export async function userConflicts(db: Executor, u: { username: string; email: string | null; phone: string | null }): Promise<boolean> {
  const r = await db
    .selectFrom('identity_user')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('username', '=', u.username),
        ...(u.email ? [eb('email', '=', u.email)] : []),
        ...(u.phone ? [eb('phone', '=', u.phone)] : []),
      ]),
    )
    .executeTakeFirst();
  return !!r;
}

export async function listUsers(db: Executor, orgId: string, page: number, pageSize: number): Promise<{ items: UserRow[]; total: number }> {
  const base = db.selectFrom('identity_user').where('org_id', '=', orgId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('created_at').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(mapUser), total: Number(total?.n ?? 0) };
}

export async function insertSession(db: Executor, s: { id: string; userId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('identity_session')
    .values({ id: s.id, user_id: s.userId, token_hash: s.tokenHash, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

export async function revokeSession(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('identity_session').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A principal's raw material: the session or key joined with its user and organisation. */
export interface TokenOwner {
  kind: 'user' | 'api_key';
  credentialId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  userId: string | null;
  userStatus: string | null;
  displayName: string;
  memberRole: MemberRole;
  personRoles: PersonRole[];
  orgId: string;
  orgRoles: OrgRole[];
  orgStatus: string;
}

export async function findSessionOwner(db: Executor, tokenHash: string): Promise<TokenOwner | undefined> {
  const r: any = await db
    .selectFrom('identity_session as s')
    .innerJoin('identity_user as u', 'u.id', 's.user_id')
    .innerJoin('identity_organisation as o', 'o.id', 'u.org_id')
    .select([
      's.id as sid', 's.expires_at', 's.revoked_at', 'u.id as uid', 'u.status as ustatus', 'u.display_name',
      'u.member_role', 'u.person_roles', 'o.id as oid', 'o.roles', 'o.status as ostatus',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    kind: 'user',
    credentialId: r.sid,
    expiresAt: new Date(r.expires_at),
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
    userId: r.uid,
    userStatus: r.ustatus,
    displayName: r.display_name,
    memberRole: r.member_role,
    personRoles: r.person_roles,
    orgId: r.oid,
    orgRoles: r.roles,
    orgStatus: r.ostatus,
  };
}

export interface ApiKeyRow {
  id: string;
  orgId: string;
  name: string;
  prefix: string;
  keyHash: string;
  memberRole: MemberRole;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export async function insertApiKey(db: Executor, k: ApiKeyRow): Promise<void> {
  await db
    .insertInto('identity_api_key')
    .values({
      id: k.id, org_id: k.orgId, name: k.name, prefix: k.prefix, key_hash: k.keyHash, member_role: k.memberRole,
      created_by: k.createdBy, created_at: k.createdAt, expires_at: k.expiresAt, revoked_at: k.revokedAt,
    })
    .execute();
}

export async function listApiKeys(db: Executor, orgId: string): Promise<Omit<ApiKeyRow, 'keyHash'>[]> {
  const rows = await db.selectFrom('identity_api_key').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').execute();
  return rows.map((r: any) => ({
    id: r.id, orgId: r.org_id, name: r.name, prefix: r.prefix, memberRole: r.member_role, createdBy: r.created_by,
    createdAt: new Date(r.created_at), expiresAt: r.expires_at ? new Date(r.expires_at) : null, revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
  }));
}

export async function revokeApiKey(db: Executor, orgId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('identity_api_key')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findApiKeyOwner(db: Executor, keyHash: string): Promise<TokenOwner | undefined> {
  const r: any = await db
    .selectFrom('identity_api_key as k')
    .innerJoin('identity_organisation as o', 'o.id', 'k.org_id')
    .select(['k.id as kid', 'k.name', 'k.expires_at', 'k.revoked_at', 'k.member_role', 'o.id as oid', 'o.roles', 'o.status as ostatus'])
    .where('k.key_hash', '=', keyHash)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    kind: 'api_key',
    credentialId: r.kid,
    expiresAt: r.expires_at ? new Date(r.expires_at) : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
    userId: null,
    userStatus: null,
    displayName: r.name,
    memberRole: r.member_role,
    personRoles: [],
    orgId: r.oid,
    orgRoles: r.roles,
    orgStatus: r.ostatus,
  };
}
