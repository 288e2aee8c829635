import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { canonicalBytes, canonicalize } from '../../platform/canonical-json.codec.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import { verifySignature } from '../../platform/signing.js';
import { IdentityErrors } from './identity.errors.js';
import type { KeyService } from './key.service.js';

/**
 * An electronic seal (电子印章): the organisation key's signature over the SHA-256 digest of the
 * payload's RFC 8785 canonical JSON, with signer, time and key id. The signature covers the
 * canonical JSON of every seal field except `signature`. Each seal applied is an evidence event.
 */
export interface Seal {
  v: 1;
  alg: 'Ed25519';
  kid: string;
  orgId: string;
  signer: string;
  signedBy?: string;
  signedAt: string;
  digest: string;
  signature: string;
}

export type SealCheck = { valid: true; orgId: string; kid: string; signedAt: string } | { valid: false; reason: string };

export function payloadDigest(payload: unknown): string {
  try {
    return `sha256:${createHash('sha256').update(canonicalBytes(payload)).digest('hex')}`;
  } catch {
    throw new AppError(IdentityErrors.IDENTITY_PAYLOAD_NOT_CANONICALIZABLE);
  }
}

export class SealService {
  constructor(
    private readonly k: Kernel,
    private readonly keys: KeyService,
    private readonly didOf: (orgId: string) => string,
  ) {}

  /** Seals `payload` for `orgId`. Also used by other modules (contracts, certificates) through the public face. */
  async sign(orgId: string, payload: unknown, by: Principal | null, purpose?: string, requestId?: string): Promise<Seal> {
    const digest = payloadDigest(payload);
    const signer = await this.keys.signerFor(orgId);
    const unsigned: Omit<Seal, 'signature'> = {
      v: 1,
      alg: 'Ed25519',
      kid: signer.keyId,
      orgId,
      signer: `${this.didOf(orgId)}#${signer.keyId}`,
      ...(by?.userId ? { signedBy: by.userId } : {}),
      signedAt: this.k.clock.now().toISOString(),
      digest,
    };
    const seal: Seal = { ...unsigned, signature: signer.sign(canonicalBytes(unsigned)).toString('base64url') };
    await this.k.transact(async (_tx, emit) => {
      await emit({
        type: 'identity.seal.applied',
        subject: { type: 'seal', id: `${seal.kid}:${seal.signedAt}` },
        orgId,
        actor: serviceActor(by),
        requestId,
        payload: { digest, kid: seal.kid, signedAt: seal.signedAt, signature: seal.signature, ...(purpose ? { purpose } : {}) },
      });
    });
    return seal;
  }

  async verify(payload: unknown, seal: unknown): Promise<SealCheck> {
    const shape = checkShape(seal);
    if (shape) return { valid: false, reason: shape };
    const s = seal as Seal;
    let digest: string;
    try {
      digest = `sha256:${createHash('sha256').update(canonicalize(payload)).digest('hex')}`;
    } catch {
      return { valid: false, reason: 'payload_not_canonicalizable' };
    }
    if (digest !== s.digest) return { valid: false, reason: 'digest_mismatch' };
    const key = await this.keys.find(s.kid);
    if (!key) return { valid: false, reason: 'unknown_key' };
    if (key.orgId !== s.orgId) return { valid: false, reason: 'key_not_of_organisation' };
    const at = new Date(s.signedAt);
    if (at < key.createdAt || (key.retiredAt && at > key.retiredAt)) return { valid: false, reason: 'key_not_valid_at_signing_time' };
    const { signature, ...unsigned } = s;
    const ok = verifySignature(key.algorithm, key.publicJwk, canonicalBytes(unsigned), Buffer.from(signature, 'base64url'));
    return ok ? { valid: true, orgId: s.orgId, kid: s.kid, signedAt: s.signedAt } : { valid: false, reason: 'bad_signature' };
  }
}

function checkShape(seal: unknown): string | null {
  if (typeof seal !== 'object' || seal === null || Array.isArray(seal)) return 'malformed';
  const s = seal as Record<string, unknown>;
  const allowed = new Set(['v', 'alg', 'kid', 'orgId', 'signer', 'signedBy', 'signedAt', 'digest', 'signature']);
  if (Object.keys(s).some((k) => !allowed.has(k))) return 'malformed';
  if (s.v !== 1) return 'unsupported_version';
  if (s.alg !== 'Ed25519') return 'unsupported_algorithm';
  for (const f of ['kid', 'orgId', 'signer', 'signedAt', 'digest', 'signature']) if (typeof s[f] !== 'string') return 'malformed';
  if (Number.isNaN(Date.parse(s.signedAt as string))) return 'malformed';
  if (!/^sha256:[0-9a-f]{64}$/.test(s.digest as string)) return 'malformed';
  if (!/^[A-Za-z0-9_-]+$/.test(s.signature as string)) return 'malformed';
  return null;
}
