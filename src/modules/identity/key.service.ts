import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../platform/database/database.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import { createSigner, generateKeyPair, jwkThumbprint, type Signer } from '../../platform/signing.js';
import { IdentityErrors } from './identity.errors.js';
import * as keys from './key.repository.js';
import * as orgs from './organisation.repository.js';

/**
 * Organisation signing keys, held by the platform as an e-seal service holds them: Ed25519,
 * private halves encrypted at rest with the key-encryption secret. Rotation retires the old key
 * (it stays listed in the DID document with its validity so old seals still verify).
 */
export class KeyService {
  private readonly signers = new Map<string, { signer: Signer; at: number }>();

  constructor(private readonly k: Kernel) {}

  async createKey(tx: Executor, orgId: string, now: Date): Promise<keys.OrgKeyRow> {
    const pair = generateKeyPair('Ed25519');
    const id = jwkThumbprint(pair.publicKeyJwk);
    const row: keys.OrgKeyRow = {
      id,
      orgId,
      algorithm: 'Ed25519',
      publicJwk: pair.publicKeyJwk,
      privateKeyEnc: this.k.secretBox.seal(pair.privateKeyPkcs8Der, aad(id)),
      status: 'active',
      createdAt: now,
      retiredAt: null,
    };
    await keys.insertOrgKey(tx, row);
    return row;
  }

  async rotate(orgId: string, by: Principal | null, requestId?: string) {
    if (!(await orgs.findOrganisation(this.k.db, orgId))) throw new AppError(IdentityErrors.IDENTITY_ORG_NOT_FOUND);
    this.signers.delete(orgId);
    const rotated = await this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      const old = await keys.activeOrgKey(tx, orgId);
      if (old) await keys.retireOrgKey(tx, old.id, now);
      const fresh = await this.createKey(tx, orgId, now);
      await emit({
        type: 'identity.key.rotated',
        subject: { type: 'organisation', id: orgId },
        orgId,
        actor: serviceActor(by),
        requestId,
        payload: { retiredKeyId: old?.id ?? null, keyId: fresh.id, publicJwk: fresh.publicJwk },
      });
      return { keyId: fresh.id, retiredKeyId: old?.id ?? null, publicJwk: fresh.publicJwk, createdAt: now.toISOString() };
    });
    this.signers.delete(orgId);
    return rotated;
  }

  /**
   * The organisation's active signing key. Kept for a few seconds (decrypting and importing the key
   * costs more than a signature); a rotation in this process drops it at once, one in another
   * process is seen within SIGNER_TTL_MS.
   */
  async signerFor(orgId: string): Promise<Signer> {
    const cached = this.signers.get(orgId);
    if (cached && this.k.clock.now().getTime() - cached.at < SIGNER_TTL_MS) return cached.signer;
    const key = await keys.activeOrgKey(this.k.db, orgId);
    if (!key) throw new AppError(IdentityErrors.IDENTITY_KEY_NOT_FOUND);
    const signer = createSigner(key.algorithm, key.id, this.k.secretBox.open(key.privateKeyEnc, aad(key.id)));
    if (this.signers.size >= 1_000) this.signers.clear();
    this.signers.set(orgId, { signer, at: this.k.clock.now().getTime() });
    return signer;
  }

  find(keyId: string) {
    return keys.findOrgKey(this.k.db, keyId);
  }

  async list(orgId: string) {
    return (await keys.listOrgKeys(this.k.db, orgId)).map((key) => ({
      keyId: key.id,
      algorithm: key.algorithm,
      status: key.status,
      publicJwk: key.publicJwk,
      validFrom: key.createdAt.toISOString(),
      validUntil: key.retiredAt?.toISOString() ?? null,
    }));
  }

  /** did:web document: every key ever used, current ones as assertion methods. */
  async didDocument(orgId: string, did: string) {
    if (!(await orgs.findOrganisation(this.k.db, orgId))) throw new AppError(IdentityErrors.IDENTITY_ORG_NOT_FOUND);
    const all = await this.list(orgId);
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
      id: did,
      verificationMethod: all.map((key) => ({
        id: `${did}#${key.keyId}`,
        type: 'JsonWebKey',
        controller: did,
        publicKeyJwk: { ...key.publicJwk, kid: key.keyId },
        // Liutong extension: key validity, so seals made before a rotation keep verifying.
        validFrom: key.validFrom,
        ...(key.validUntil ? { validUntil: key.validUntil } : {}),
      })),
      assertionMethod: all.filter((k) => k.status === 'active').map((k) => `${did}#${k.keyId}`),
      authentication: all.filter((k) => k.status === 'active').map((k) => `${did}#${k.keyId}`),
    };
  }
}

const aad = (keyId: string) => `identity_org_key:${keyId}`;
const SIGNER_TTL_MS = 5_000;
