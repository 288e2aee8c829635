import { randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { serviceActor, hasAnyRole, type MemberRole, type OrgRole, type PersonRole, type Principal } from '../../platform/http/access.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { Actor } from '../../platform/events/outbox.js';
import { IdentityErrors } from './identity.errors.js';
import * as orgs from './organisation.repository.js';
import * as creds from './credential.repository.js';
import { hashPassword, passwordPolicy } from './password.hasher.js';
import { validateUscc } from '../../platform/uscc.validator.js';
import type { KeyService } from './key.service.js';

/** Which roles an organisation holding a role may grant to a new organisation. */
const GRANTABLE: Partial<Record<OrgRole, readonly OrgRole[]>> = {
  platform_admin: [
    'platform_admin', 'data_bureau', 'source_unit', 'implementing_body', 'operator', 'exchange', 'data_merchant',
    'broker', 'service_provider', 'enterprise', 'regulator', 'customs_officer',
  ],
  // The data bureau registers public bodies and market participants (it certifies brokers later).
  data_bureau: ['source_unit', 'implementing_body', 'operator', 'data_merchant', 'service_provider', 'enterprise'],
};

export interface NewOrganisation {
  name: { zh: string; en: string };
  uscc?: string | null;
  type?: orgs.OrgType;
  roles: OrgRole[];
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  password: string;
  memberRole: MemberRole;
  personRoles?: PersonRole[];
}

export function publicUser(u: creds.UserRow) {
  return {
    id: u.id,
    orgId: u.orgId,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    memberRole: u.memberRole,
    personRoles: u.personRoles,
    status: u.status,
    createdAt: u.createdAt.toISOString(),
  };
}

export class OrganisationService {
  constructor(
    private readonly k: Kernel,
    private readonly keys: KeyService,
  ) {}

  didOf(orgId: string): string {
    const url = new URL(this.k.baseUrl());
    return `did:web:${encodeURIComponent(url.host)}:orgs:${orgId}`;
  }

  view(o: orgs.OrganisationRow) {
    return {
      id: o.id,
      name: { zh: o.nameZh, en: o.nameEn },
      type: o.type,
      uscc: o.uscc,
      roles: o.roles,
      status: o.status,
      did: this.didOf(o.id),
      createdAt: o.createdAt.toISOString(),
    };
  }

  /** Creates an organisation with its first signing key. `by` null = platform bootstrap / demo seed. */
  async create(input: NewOrganisation, by: Principal | null, actor: Actor = serviceActor(by), requestId?: string) {
    return this.k.transact(async (tx, emit) => this.createIn(tx, emit, input, by, actor, requestId));
  }

  /**
   * `create` inside the caller's transaction (catalog's census import creates bodies together with
   * their systems and resources, all or nothing). Same checks, same event.
   */
  async createIn(tx: Tx, emit: Emit, input: NewOrganisation, by: Principal | null, actor: Actor = serviceActor(by), requestId?: string) {
    const roles = [...new Set(input.roles)];
    if (roles.length === 0) throw new AppError(IdentityErrors.IDENTITY_ROLES_INVALID, undefined, { reason: 'at least one role' });
    if (by) {
      for (const role of roles) {
        const allowed = by.orgRoles.some((r) => GRANTABLE[r]?.includes(role));
        if (!allowed) throw new AppError(IdentityErrors.IDENTITY_ROLE_NOT_GRANTABLE, { role }, { role });
      }
    }
    const type = input.type ?? 'enterprise';
    // Only the platform operator itself and individuals' accounts (a person's digital space, whose
    // identifier is kept by the authorization module) may have no USCC.
    const uscc: string | null = input.uscc ?? null;
    if ((type !== 'platform' && type !== 'individual') || uscc !== null) {
      const check = validateUscc(uscc ?? '');
      if (!check.valid) throw new AppError(IdentityErrors.IDENTITY_USCC_INVALID, { reason: check.reason }, { reason: check.reason });
    }
    const now = this.k.clock.now();
    const row: orgs.OrganisationRow = {
      id: newId('org'),
      nameZh: input.name.zh.trim(),
      nameEn: input.name.en.trim(),
      type,
      uscc,
      roles,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    if (uscc && (await orgs.findOrganisationByUscc(tx, uscc))) throw new AppError(IdentityErrors.IDENTITY_USCC_TAKEN);
    await orgs.insertOrganisation(tx, row);
    const key = await this.keys.createKey(tx, row.id, now);
    await emit({
      type: 'identity.organisation.created',
      subject: { type: 'organisation', id: row.id },
      orgId: row.id,
      actor,
      requestId,
      payload: { name: input.name, uscc, type, roles, did: this.didOf(row.id), keyId: key.id, publicJwk: key.publicJwk },
    });
    return this.view(row);
  }

  async get(orgId: string) {
    const o = await orgs.findOrganisation(this.k.db, orgId);
    if (!o) throw new AppError(IdentityErrors.IDENTITY_ORG_NOT_FOUND);
    return this.view(o);
  }

  /** Several organisations at once (unknown ids are left out), for pages that name many. */
  async getMany(orgIds: string[]) {
    return (await orgs.findOrganisations(this.k.db, [...new Set(orgIds)])).map((o) => this.view(o));
  }

  async exists(orgId: string): Promise<boolean> {
    return !!(await orgs.findOrganisation(this.k.db, orgId));
  }

  async list(query: orgs.OrganisationQuery) {
    const { items, total } = await orgs.listOrganisations(this.k.db, query);
    return { items: items.map((o) => this.view(o)), total, page: query.page, pageSize: query.pageSize };
  }

  async createUser(orgId: string, input: NewUser, by: Principal | null, requestId?: string) {
    const org = await orgs.findOrganisation(this.k.db, orgId);
    if (!org) throw new AppError(IdentityErrors.IDENTITY_ORG_NOT_FOUND);
    const user = await this.prepareUser(orgId, input, by);
    return this.k.transact(async (tx, emit) => this.insertUserIn(tx, emit, user, by, requestId));
  }

  /**
   * A user created inside the caller's transaction, with an organisation created in it too
   * (authorization's individual sign-up: the person's account, user and record all or nothing).
   * The password is checked and hashed before the transaction.
   */
  async createUserIn(tx: Tx, emit: Emit, orgId: string, input: NewUser, by: Principal | null, requestId?: string) {
    return this.insertUserIn(tx, emit, await this.prepareUser(orgId, input, by), by, requestId);
  }

  /** Checks a new user's password and roles and hashes the password (no transaction: hashing is slow). */
  async prepareUser(orgId: string, input: NewUser, by: Principal | null): Promise<creds.UserRow> {
    if (by && (input.personRoles?.length ?? 0) > 0 && by.orgId !== orgId && !hasAnyRole(by, ['platform_admin'])) {
      throw new AppError(IdentityErrors.IDENTITY_ROLE_NOT_GRANTABLE, undefined, { role: input.personRoles!.join(',') });
    }
    const policy = passwordPolicy(input.password);
    if (!policy.ok) throw new AppError(IdentityErrors.IDENTITY_PASSWORD_WEAK, { reason: policy.reason }, { reason: policy.reason });
    return {
      id: newId('usr'),
      orgId,
      username: input.username,
      email: input.email ? input.email.toLowerCase() : null,
      phone: input.phone ?? null,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password, this.k.config.passwordCostLn),
      memberRole: input.memberRole,
      personRoles: [...new Set(input.personRoles ?? [])],
      status: 'active',
      createdAt: this.k.clock.now(),
    };
  }

  private async insertUserIn(tx: Tx, emit: Emit, user: creds.UserRow, by: Principal | null, requestId?: string) {
    if (await creds.userConflicts(tx, user)) throw new AppError(IdentityErrors.IDENTITY_USER_EXISTS);
    await creds.insertUser(tx, user);
    // No password material in evidence.
    await emit({
      type: 'identity.user.created',
      subject: { type: 'user', id: user.id },
      orgId: user.orgId,
      actor: serviceActor(by),
      requestId,
      payload: { username: user.username, memberRole: user.memberRole, personRoles: user.personRoles },
    });
    return publicUser(user);
  }

  /** One user's public profile (with its organisation), or null. */
  async findUser(userId: string) {
    const u = await creds.findUser(this.k.db, userId);
    return u ? publicUser(u) : null;
  }

  async listUsers(orgId: string, page: number, pageSize: number) {
    if (!(await orgs.findOrganisation(this.k.db, orgId))) throw new AppError(IdentityErrors.IDENTITY_ORG_NOT_FOUND);
    const { items, total } = await creds.listUsers(this.k.db, orgId, page, pageSize);
    return { items: items.map(publicUser), total, page, pageSize };
  }

  /** On an empty database: the platform organisation and its administrator `admin`. */
  async bootstrapAdmin(password: string | undefined): Promise<{ created: boolean; password?: string }> {
    if ((await orgs.countOrganisations(this.k.db)) > 0) return { created: false };
    const generated = password ?? `Lt-${randomBytes(12).toString('base64url')}`;
    const platform = await this.create(
      { name: { zh: '流通平台运营方', en: 'Liutong platform operator' }, type: 'platform', uscc: null, roles: ['platform_admin'] },
      null,
      { kind: 'system' },
    );
    await this.createUser(platform.id, { username: 'admin', displayName: '平台管理员 Administrator', password: generated, memberRole: 'org_admin' }, null);
    return { created: true, ...(password ? {} : { password: generated }) };
  }
}
