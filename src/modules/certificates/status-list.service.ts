import { createHash, randomInt } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Executor } from '../../platform/database/database.js';
import type { Signer } from '../../platform/signing.js';
import { CertificatesErrors } from './certificates.errors.js';
import { signCredential, VC_CONTEXT_V2 } from './credential.codec.js';
import { emptyList, encodeList, MIN_STATUS_LIST_ENTRIES, setBit } from './status-list.codec.js';
import * as repo from './status-list.repository.js';

/**
 * Random draws on a list before it counts as full and the next generation is opened: all 24 draws
 * hit taken indexes with probability 0.5^24 at half full and about 8 % at 90 % full, so lists fill
 * to roughly 90 % while a draw stays cheap. No counter is kept: issuing locks no list row.
 */
const DRAWS = 24;

/** The id of an issuer's list of a purpose and generation: derived, so concurrent creators converge on one row. */
function listId(issuerOrgId: string, purpose: repo.StatusPurpose, generation: number): string {
  const n = BigInt(`0x${createHash('sha256').update(`${issuerOrgId}:${purpose}:${generation}`).digest('hex')}`);
  return `stl_${n.toString(36).padStart(20, '0').slice(-20)}`;
}

export interface IssuerKeys {
  signerFor(orgId: string): Promise<Signer>;
  didOf(orgId: string): string;
}

/**
 * Bitstring Status Lists (W3C, 2025): one list per issuer and purpose (revocation, suspension) of
 * 131,072 entries; a certificate's index is drawn at random (herd privacy, §6.5) and never given
 * again (every index ever taken is kept). Setting a bit bumps the list's version; the list
 * credential — a vc+jwt signed by the issuer — is built once per version and served publicly with
 * cache headers (`ttl`, config `certificates.statusListTtlSeconds`).
 */
export class StatusListService {
  private readonly built = new Map<string, { version: number; jwt: string }>();
  private readonly bitsCache = new Map<string, { version: number; bits: Uint8Array }>();

  constructor(
    private readonly k: Kernel,
    private readonly keys: IssuerKeys,
  ) {}

  urlOf(listId: string): string {
    return `${this.k.baseUrl()}/api/v1/public/certificates/status/${listId}`;
  }

  /** A fresh random index on the issuer's newest list for the purpose, in the caller's transaction. */
  async allocate(tx: Executor, issuerOrgId: string, purpose: repo.StatusPurpose, certificateId: string): Promise<{ listId: string; index: number }> {
    const latest = await repo.latestList(tx, issuerOrgId, purpose);
    let list = latest ?? (await this.open(tx, issuerOrgId, purpose, 0));
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < DRAWS; i++) {
        const index = randomInt(list.size);
        if (await repo.takeIndex(tx, list.id, index, certificateId)) return { listId: list.id, index };
      }
      list = await this.open(tx, issuerOrgId, purpose, list.generation + 1);
    }
    throw new Error('no free status list index after many draws');
  }

  /** Opens (or finds, when another transaction just did) the issuer's list of this generation. */
  private async open(tx: Executor, issuerOrgId: string, purpose: repo.StatusPurpose, generation: number): Promise<{ id: string; generation: number; size: number }> {
    const now = this.k.clock.now();
    const id = listId(issuerOrgId, purpose, generation);
    await repo.insertList(tx, { id, issuerOrgId, purpose, generation, size: MIN_STATUS_LIST_ENTRIES, bits: Buffer.from(emptyList()).toString('base64'), version: 1, createdAt: now, updatedAt: now });
    return { id, generation, size: MIN_STATUS_LIST_ENTRIES };
  }

  /** A list's bits for the platform's own verifier: re-read only when its version moved (one small query otherwise). */
  async bits(listIdValue: string): Promise<Uint8Array | null> {
    const cached = this.bitsCache.get(listIdValue);
    const r = await repo.bitsIfNewer(this.k.db, listIdValue, cached?.version ?? -1);
    if (!r) return null;
    if (r === 'same') return cached!.bits;
    const bits = new Uint8Array(Buffer.from(r.bits, 'base64'));
    if (this.bitsCache.size > 1_000) this.bitsCache.clear();
    this.bitsCache.set(listIdValue, { version: r.version, bits });
    return bits;
  }

  /** Sets or clears a certificate's bit, in the caller's transaction (the list row is locked). */
  async set(tx: Executor, listId: string, index: number, value: boolean): Promise<void> {
    const list = await repo.findList(tx, listId, true);
    if (!list) throw new AppError(CertificatesErrors.CERTIFICATES_STATUS_LIST_NOT_FOUND);
    const bits = new Uint8Array(Buffer.from(list.bits, 'base64'));
    setBit(bits, index, value);
    await repo.saveBits(tx, listId, Buffer.from(bits).toString('base64'), this.k.clock.now());
  }

  /** The list as a BitstringStatusListCredential, signed by its issuer (built once per version). */
  async credential(listId: string): Promise<{ jwt: string; version: number; ttlSeconds: number }> {
    const list = await repo.findList(this.k.db, listId);
    if (!list) throw new AppError(CertificatesErrors.CERTIFICATES_STATUS_LIST_NOT_FOUND);
    const ttlSeconds = this.k.config.certificates.statusListTtlSeconds;
    const cached = this.built.get(listId);
    if (cached && cached.version === list.version) return { jwt: cached.jwt, version: list.version, ttlSeconds };
    const did = this.keys.didOf(list.issuerOrgId);
    const url = this.urlOf(list.id);
    const jwt = signCredential({
      '@context': [VC_CONTEXT_V2],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: did,
      validFrom: list.createdAt.toISOString(),
      credentialSubject: {
        id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: list.purpose,
        encodedList: encodeList(new Uint8Array(Buffer.from(list.bits, 'base64'))), ttl: ttlSeconds * 1000,
      },
    }, await this.keys.signerFor(list.issuerOrgId), did);
    if (this.built.size > 1_000) this.built.clear();
    this.built.set(listId, { version: list.version, jwt });
    return { jwt, version: list.version, ttlSeconds };
  }
}
