import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { serviceActor, type MemberRole, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import { IdentityErrors } from './identity.errors.js';
import * as creds from './credential.repository.js';
import { findOrganisation } from './organisation.repository.js';
import { hashPassword, verifyPassword } from './password.hasher.js';
import { publicUser } from './organisation.service.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Resolved principals are kept for a short time so that authentication is not a query on every
 * request. Logout and key revocation evict at once in this process; other processes sharing the
 * database see a revocation within PRINCIPAL_CACHE_MS. Expiry is always checked.
 */
const PRINCIPAL_CACHE_MS = 2_000;
const PRINCIPAL_CACHE_MAX = 10_000;

/** Session tokens and API keys are 256-bit random strings; only their SHA-256 is stored. */
export class AuthService {
  private dummyHash: Promise<string> | undefined;
  private readonly cache = new Map<string, { principal: Principal; until: number; expiresAt: number | null }>();
  /** /me profiles (user and organisation rows), kept as long as principals: same freshness, no query per call. */
  private readonly profiles = new Map<string, { value: unknown; until: number }>();

  constructor(private readonly k: Kernel) {}

  async login(login: string, password: string, requestId?: string) {
    const user = await creds.findUserByLogin(this.k.db, login);
    // Spend the same time whether or not the user exists.
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'), this.k.config.passwordCostLn);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) throw new AppError(IdentityErrors.IDENTITY_LOGIN_FAILED);
    const owner = await creds.findUser(this.k.db, user.id);
    if (owner?.status !== 'active') throw new AppError(IdentityErrors.IDENTITY_ACCOUNT_DISABLED);
    const token = `lts_${randomBytes(32).toString('base64url')}`;
    const now = this.k.clock.now();
    const expiresAt = new Date(now.getTime() + this.k.config.sessionTtlSeconds * 1000);
    const sessionId = newId('ses');
    await this.k.transact(async (tx, emit) => {
      await creds.insertSession(tx, { id: sessionId, userId: user.id, tokenHash: sha256(token), createdAt: now, expiresAt });
      await emit({
        type: 'identity.session.started',
        subject: { type: 'session', id: sessionId },
        orgId: user.orgId,
        actor: { kind: 'user', userId: user.id, orgId: user.orgId },
        requestId,
        payload: { userId: user.id, expiresAt: expiresAt.toISOString() },
      });
    });
    return { token, expiresAt: expiresAt.toISOString(), user: publicUser(user) };
  }

  async logout(p: Principal, requestId?: string): Promise<void> {
    if (p.kind !== 'user' || !p.sessionId) return;
    this.evict((x) => x.sessionId === p.sessionId);
    await this.k.transact(async (tx, emit) => {
      if (await creds.revokeSession(tx, p.sessionId!, this.k.clock.now())) {
        await emit({
          type: 'identity.session.ended',
          subject: { type: 'session', id: p.sessionId! },
          orgId: p.orgId,
          actor: serviceActor(p),
          requestId,
          payload: { userId: p.userId },
        });
      }
    });
  }

  /** The platform's Authenticator: resolves a bearer token to a principal, or null. */
  authenticate = async (token: string): Promise<Principal | null> => {
    if (token.length > 200) return null;
    const hash = sha256(token);
    const nowMs = this.k.clock.now().getTime();
    const hit = this.cache.get(hash);
    if (hit && hit.until > nowMs && (hit.expiresAt === null || hit.expiresAt > nowMs)) return hit.principal;
    if (hit) this.cache.delete(hash);
    const owner = token.startsWith('lts_')
      ? await creds.findSessionOwner(this.k.db, hash)
      : token.startsWith('ltk_')
        ? await creds.findApiKeyOwner(this.k.db, hash)
        : undefined;
    if (!owner) return null;
    const now = this.k.clock.now();
    if (owner.revokedAt || (owner.expiresAt && owner.expiresAt <= now)) return null;
    if (owner.orgStatus !== 'active' || (owner.userStatus !== null && owner.userStatus !== 'active')) return null;
    const principal: Principal = {
      kind: owner.kind,
      orgId: owner.orgId,
      orgRoles: owner.orgRoles,
      memberRole: owner.memberRole,
      personRoles: owner.personRoles,
      displayName: owner.displayName,
      ...(owner.kind === 'user' ? { userId: owner.userId!, sessionId: owner.credentialId } : { apiKeyId: owner.credentialId }),
    };
    if (this.cache.size >= PRINCIPAL_CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(hash, { principal, until: nowMs + PRINCIPAL_CACHE_MS, expiresAt: owner.expiresAt?.getTime() ?? null });
    return principal;
  };

  private evict(match: (p: Principal) => boolean): void {
    for (const [hash, entry] of this.cache) if (match(entry.principal)) this.cache.delete(hash);
  }

  /**
   * The caller with its organisation, in one query, then cached for PRINCIPAL_CACHE_MS like the
   * principal itself (a profile is at most as stale as the roles that authorize the request).
   */
  async me(p: Principal) {
    const roles = { orgId: p.orgId, orgRoles: p.orgRoles, memberRole: p.memberRole, personRoles: p.personRoles };
    const nowMs = this.k.clock.now().getTime();
    if (p.kind === 'user') {
      const found = await this.profile(`u:${p.userId}`, nowMs, () => creds.findUserWithOrganisation(this.k.db, p.userId!));
      return { kind: 'user' as const, user: found ? publicUser(found.user) : null, ...roles, org: found?.org };
    }
    const org = await this.profile(`o:${p.orgId}`, nowMs, () => findOrganisation(this.k.db, p.orgId));
    return { kind: 'api_key' as const, apiKey: { id: p.apiKeyId!, name: p.displayName }, ...roles, org };
  }

  private async profile<T>(key: string, nowMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.profiles.get(key);
    if (hit && hit.until > nowMs) return hit.value as T;
    const value = await load();
    if (this.profiles.size >= PRINCIPAL_CACHE_MAX) this.profiles.delete(this.profiles.keys().next().value!);
    this.profiles.set(key, { value, until: nowMs + PRINCIPAL_CACHE_MS });
    return value;
  }

  async createApiKey(orgId: string, input: { name: string; memberRole?: MemberRole; expiresAt?: string }, by: Principal | null, requestId?: string) {
    const prefix = randomBytes(4).toString('hex');
    const key = `ltk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const now = this.k.clock.now();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    const row: creds.ApiKeyRow = {
      id: newId('key'),
      orgId,
      name: input.name.trim(),
      prefix,
      keyHash: sha256(key),
      memberRole: input.memberRole ?? 'staff',
      createdBy: by?.userId ?? null,
      createdAt: now,
      expiresAt,
      revokedAt: null,
    };
    await this.k.transact(async (tx, emit) => {
      await creds.insertApiKey(tx, row);
      await emit({
        type: 'identity.api_key.created',
        subject: { type: 'api_key', id: row.id },
        orgId,
        actor: serviceActor(by),
        requestId,
        payload: { name: row.name, prefix, memberRole: row.memberRole, expiresAt: expiresAt?.toISOString() ?? null },
      });
    });
    const { keyHash: _omit, ...visible } = row;
    return { ...apiKeyView(visible), key };
  }

  async listApiKeys(orgId: string) {
    const items = (await creds.listApiKeys(this.k.db, orgId)).map(apiKeyView);
    return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
  }

  async revokeApiKey(orgId: string, keyId: string, by: Principal, requestId?: string): Promise<boolean> {
    return this.k.transact(async (tx, emit) => {
      const done = await creds.revokeApiKey(tx, orgId, keyId, this.k.clock.now());
      this.evict((x) => x.apiKeyId === keyId);
      if (done) {
        await emit({ type: 'identity.api_key.revoked', subject: { type: 'api_key', id: keyId }, orgId, actor: serviceActor(by), requestId, payload: {} });
      }
      return done;
    });
  }
}

function apiKeyView(k: Omit<creds.ApiKeyRow, 'keyHash'>) {
  return {
    id: k.id,
    orgId: k.orgId,
    name: k.name,
    prefix: k.prefix,
    memberRole: k.memberRole,
    createdAt: k.createdAt.toISOString(),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
