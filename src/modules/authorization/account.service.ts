import { AppError } from '../../platform/errors.js';
import { residentIdCheckChar } from '../../platform/uscc.validator.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { NewOrganisation, NewUser } from '../identity/index.js';
import { AuthorizationErrors } from './authorization.errors.js';
import * as repo from './person.repository.js';
import type { SubjectVerifier } from './subject.verifier.js';

/** identity's organisation service, as much as an individual's sign-up needs (all in one transaction). */
export interface AccountDirectory {
  createIn(tx: Tx, emit: Emit, input: NewOrganisation, by: null): Promise<{ id: string; name: { zh: string; en: string } }>;
  createUserIn(tx: Tx, emit: Emit, orgId: string, input: NewUser, by: null, requestId?: string): Promise<{ id: string; username: string }>;
}

export interface SignUp {
  name: string;
  residentId: string;
  phone: string;
  username: string;
  password: string;
}

const MAC_PURPOSE = 'authorization.person.resident_id';
/** Sign-up attempts per client address per window (the real-name check is not an oracle to farm). */
const ATTEMPTS = 5;
const WINDOW_MS = 3_600_000;

/** Why a resident identity number is not valid, or null: 18 characters, a real birth date, the ISO 7064 MOD 11-2 check character (GB 11643-1999). */
export function residentIdProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || id.slice(6, 10) < '1900') return 'birth_date';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** 4401**********0019: the division's first four and the last four characters. */
export const maskResidentId = (id: string) => `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`;

/**
 * Individuals' accounts (个人账户): a person signs up with name, resident identity number (check
 * character verified), mobile number, user name and password; the real-name check matches name and
 * number against the population base through the SubjectVerifier (default: the catalog's 人口库
 * through the gateway). The account is an organisation of type `individual` holding the person's
 * digital space, with one user; the number is kept sealed with a keyed lookup hash, shown masked.
 * Everything is created in one transaction. Attempts are limited per client address, and a failed
 * check never says which of name or number was wrong.
 */
export class AccountService {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly k: Kernel,
    private readonly identity: AccountDirectory,
    private readonly verifier: SubjectVerifier,
  ) {}

  hashOf(residentId: string): string {
    return this.k.secretBox.mac(residentId.toUpperCase(), MAC_PURPOSE);
  }

  /** The person's resident ID, unsealed (for matching its rows); null for other organisations. */
  async residentIdOf(orgId: string): Promise<{ residentId: string; masked: string; name: string } | null> {
    const p = await repo.findPerson(this.k.db, orgId);
    return p ? { residentId: this.k.secretBox.open(p.idSealed, `person:${orgId}`).toString('utf8'), masked: p.idMasked, name: p.name } : null;
  }

  /** The individual's account holding this resident ID, if any. */
  async findByResidentId(residentId: string): Promise<{ orgId: string; masked: string; name: string } | null> {
    const p = await repo.findPersonByHash(this.k.db, this.hashOf(residentId));
    return p ? { orgId: p.orgId, masked: p.idMasked, name: p.name } : null;
  }

  private limit(client: string): void {
    const now = Date.now();
    const recent = (this.attempts.get(client) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= ATTEMPTS) {
      const retryAfter = Math.ceil((WINDOW_MS - (now - recent[0]!)) / 1000);
      throw new AppError(AuthorizationErrors.AUTHORIZATION_SIGNUP_RATE_LIMITED, { retryAfter }, { retryAfter });
    }
    recent.push(now);
    this.attempts.set(client, recent);
  }

  async signUp(input: SignUp, client: string, requestId?: string) {
    const residentId = input.residentId.trim().toUpperCase();
    const name = input.name.trim();
    const problem = residentIdProblem(residentId);
    if (problem) throw new AppError(AuthorizationErrors.AUTHORIZATION_RESIDENT_ID_INVALID, { reason: problem }, { reason: problem });
    if (!/^1[3-9]\d{9}$/.test(input.phone)) throw new AppError(AuthorizationErrors.AUTHORIZATION_MOBILE_INVALID);
    this.limit(client);
    const idHash = this.hashOf(residentId);
    if (await repo.findPersonByHash(this.k.db, idHash)) throw new AppError(AuthorizationErrors.AUTHORIZATION_PERSON_EXISTS);
    const check = await this.verifier.naturalPerson(residentId, name);
    if (!check.match) throw new AppError(AuthorizationErrors.AUTHORIZATION_REAL_NAME_FAILED, { reason: check.reason === 'source_unavailable' ? 'source_unavailable' : 'not_verified' });
    const masked = maskResidentId(residentId);
    return this.k.transact(async (tx, emit) => {
      const org = await this.identity.createIn(tx, emit, { name: { zh: name, en: name }, type: 'individual', uscc: null, roles: ['individual'] }, null);
      const user = await this.identity.createUserIn(tx, emit, org.id, { username: input.username, displayName: name, phone: input.phone, password: input.password, memberRole: 'org_admin' }, null, requestId);
      await repo.insertPerson(tx, {
        orgId: org.id, idHash, idSealed: this.k.secretBox.seal(Buffer.from(residentId, 'utf8'), `person:${org.id}`), idMasked: masked, name, phone: input.phone, verifiedAt: this.k.clock.now(),
      });
      await emit({ type: 'authorization.person.registered', subject: { type: 'organisation', id: org.id }, orgId: org.id, actor: { kind: 'system' }, requestId, payload: { idMasked: masked, method: 'verifier' } });
      return { orgId: org.id, userId: user.id, username: user.username, name, residentIdMasked: masked };
    });
  }
}
