/**
 * The signing abstraction every module uses. Callers name an algorithm and hold keys as
 * PKCS#8 DER (private, sealed at rest by SecretBox) and JWK (public), so a second profile can be
 * added without touching call sites.
 *
 * Supported: 'Ed25519' (RFC 8032 PureEdDSA; JWK form per RFC 8037 §2, kty 'OKP', crv 'Ed25519').
 *
 * Reserved, not implemented: 'SM2-SM3' (国密 SM2 signature with SM3, GB/T 32918.2-2016 /
 * GB/T 35276-2017). node:crypto (OpenSSL 3) can load SM2 keys, but it does not produce standard
 * GB/T 32918 signatures: the signer must prepend Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA)
 * computed with the default distinguishing identifier '1234567812345678' (GB/T 35276 §5.2) to the
 * message, and Node's sign/verify API offers no way to set or pin that ID (OpenSSL's
 * EVP_PKEY_CTX_set1_id is not exposed), so its output cannot be relied on to verify against other
 * 国密 implementations. It will be added as a separate profile (a vetted SM2 implementation or an
 * HSM/KMS) behind this same interface.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

// JsonWebKey is a DOM global, absent with lib ES2023 + @types/node; re-export node:crypto's one.
export type { JsonWebKey };

export type SignatureAlgorithm = 'Ed25519';
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['Ed25519'];

export function isSignatureAlgorithm(value: unknown): value is SignatureAlgorithm {
  return typeof value === 'string' && (SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

export type SigningErrorCode = 'SIGNING_UNSUPPORTED_ALGORITHM' | 'SIGNING_INVALID_KEY';

export class SigningError extends Error {
  readonly code: SigningErrorCode;

  constructor(code: SigningErrorCode, message: string) {
    super(message);
    this.name = 'SigningError';
    this.code = code;
  }
}

export interface Signer {
  readonly algorithm: SignatureAlgorithm;
  readonly keyId: string;
  readonly publicKeyJwk: JsonWebKey;
  sign(data: Uint8Array): Buffer;
}

export interface Verifier {
  readonly algorithm: SignatureAlgorithm;
  readonly keyId: string;
  readonly publicKeyJwk: JsonWebKey;
  /** False (never throws) for a bad signature. */
  verify(data: Uint8Array, signature: Uint8Array): boolean;
}

export interface GeneratedKeyPair {
  privateKeyPkcs8Der: Buffer;
  publicKeyJwk: JsonWebKey;
}

const ED25519_SIGNATURE_BYTES = 64; // RFC 8032 §5.1.6
const ED25519_PUBLIC_KEY_BYTES = 32; // RFC 8032 §5.1.5

function assertAlgorithm(algorithm: unknown): asserts algorithm is SignatureAlgorithm {
  if (!isSignatureAlgorithm(algorithm)) {
    throw new SigningError('SIGNING_UNSUPPORTED_ALGORITHM', `unsupported signature algorithm: ${String(algorithm)}`);
  }
}

/** Keeps only the public members RFC 8037 §2 defines for an Ed25519 public key. */
function ed25519PublicJwk(key: KeyObject): JsonWebKey {
  const jwk = key.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

export function generateKeyPair(algorithm: SignatureAlgorithm): GeneratedKeyPair {
  assertAlgorithm(algorithm);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPkcs8Der: privateKey.export({ format: 'der', type: 'pkcs8' }),
    publicKeyJwk: ed25519PublicJwk(publicKey),
  };
}

/** Loads a PKCS#8 DER private key; throws SigningError if it is not a key of `algorithm`. */
export function createSigner(algorithm: SignatureAlgorithm, keyId: string, privateKeyPkcs8Der: Buffer): Signer {
  assertAlgorithm(algorithm);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new SigningError('SIGNING_INVALID_KEY', 'private key is not valid PKCS#8 DER');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningError('SIGNING_INVALID_KEY', `private key is ${privateKey.asymmetricKeyType ?? 'unknown'}, not ${algorithm}`);
  }
  const publicKeyJwk = ed25519PublicJwk(createPublicKey(privateKey));
  return {
    algorithm,
    keyId,
    publicKeyJwk,
    // Ed25519 hashes internally (RFC 8032 §5.1.6), so no digest is named.
    sign: (data: Uint8Array): Buffer => cryptoSign(null, data, privateKey),
  };
}

/** Parses an Ed25519 public JWK strictly (RFC 8037 §2); undefined if it is anything else. */
function importEd25519PublicJwk(jwk: JsonWebKey): KeyObject | undefined {
  try {
    if (typeof jwk !== 'object' || jwk === null || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return undefined;
    rawPublicKey(jwk);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Imported public keys by their `x` (a bounded cache: importing costs more than verifying). */
const publicKeys = new Map<string, KeyObject | undefined>();
function cachedPublicKey(jwk: JsonWebKey): KeyObject | undefined {
  const x = typeof jwk?.x === 'string' && jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? jwk.x : null;
  if (x === null) return importEd25519PublicJwk(jwk);
  if (publicKeys.has(x)) return publicKeys.get(x);
  const key = importEd25519PublicJwk(jwk);
  if (publicKeys.size >= 10_000) publicKeys.clear();
  publicKeys.set(x, key);
  return key;
}

/** Verifies a signature. Returns false, never throws, for unknown algorithms, bad keys or bad signatures. */
export function verifySignature(
  algorithm: SignatureAlgorithm,
  publicKeyJwk: JsonWebKey,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    if (!isSignatureAlgorithm(algorithm)) return false;
    if (!(data instanceof Uint8Array) || !(signature instanceof Uint8Array)) return false;
    if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
    const key = cachedPublicKey(publicKeyJwk);
    if (!key) return false;
    return cryptoVerify(null, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * Builds a Verifier for a public key; keyId defaults to its RFC 7638 thumbprint.
 * Throws SigningError for an unsupported algorithm or a key that is not of that algorithm.
 */
export function createVerifier(algorithm: SignatureAlgorithm, publicKeyJwk: JsonWebKey, keyId?: string): Verifier {
  assertAlgorithm(algorithm);
  if (!importEd25519PublicJwk(publicKeyJwk)) throw new SigningError('SIGNING_INVALID_KEY', 'not an Ed25519 public JWK');
  const jwk: JsonWebKey = { kty: 'OKP', crv: 'Ed25519', x: publicKeyJwk.x };
  return {
    algorithm,
    keyId: keyId ?? jwkThumbprint(jwk),
    publicKeyJwk: jwk,
    verify: (data, signature) => verifySignature(algorithm, jwk, data, signature),
  };
}

// RFC 7638 §3.2: the required members per key type, which are the only ones hashed.
const THUMBPRINT_MEMBERS: Record<string, readonly string[]> = {
  OKP: ['crv', 'kty', 'x'], // RFC 8037 §2
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  oct: ['k', 'kty'],
};

/**
 * RFC 7638 JWK thumbprint with SHA-256, base64url-encoded (RFC 7638 §3): the required members,
 * in lexicographic order, serialised as JSON with no whitespace. Suitable as a key id.
 * Throws SigningError for an unknown kty or a missing/non-string required member.
 */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const kty = jwk.kty;
  const members = typeof kty === 'string' ? THUMBPRINT_MEMBERS[kty] : undefined;
  if (!members) throw new SigningError('SIGNING_INVALID_KEY', `cannot compute a thumbprint for kty ${String(kty)}`);
  const record = jwk as Record<string, unknown>;
  const body = members
    .map((name) => {
      const value = record[name];
      if (typeof value !== 'string' || value === '') {
        throw new SigningError('SIGNING_INVALID_KEY', `JWK member "${name}" is required for a thumbprint`);
      }
      return `${JSON.stringify(name)}:${JSON.stringify(value)}`;
    })
    .join(',');
  return createHash('sha256').update(`{${body}}`, 'utf8').digest('base64url');
}

/**
 * The raw public key bytes from a public JWK: for Ed25519 the 32-byte encoding of RFC 8032
 * §5.1.5, carried base64url-encoded in "x" (RFC 8037 §2). Throws SigningError otherwise.
 */
export function rawPublicKey(jwk: JsonWebKey): Buffer {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
    throw new SigningError('SIGNING_INVALID_KEY', 'only Ed25519 (kty OKP, crv Ed25519) public keys are supported');
  }
  const x = jwk.x;
  if (typeof x !== 'string' || !/^[A-Za-z0-9_-]+$/.test(x)) {
    throw new SigningError('SIGNING_INVALID_KEY', 'JWK "x" must be unpadded base64url');
  }
  const raw = Buffer.from(x, 'base64url');
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES || raw.toString('base64url') !== x) {
    throw new SigningError('SIGNING_INVALID_KEY', `Ed25519 public key must be ${ED25519_PUBLIC_KEY_BYTES} bytes`);
  }
  return raw;
}
