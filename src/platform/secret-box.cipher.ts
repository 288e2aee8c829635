/**
 * At-rest encryption of small secrets (e.g. PKCS#8 private keys) under the configured
 * key-encryption secret.
 *
 * - Key: HKDF-SHA256 (RFC 5869) over the UTF-8 secret, salt 'liutong/secret-box/v1', empty info,
 *   32 bytes → AES-256.
 * - Cipher: AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV (SP 800-38D §8.2.2, random IV
 *   construction) and a 128-bit tag. The optional `aad` binds the ciphertext to its context
 *   (e.g. the key id it belongs to) so a sealed value cannot be swapped between rows.
 *   No aad and aad '' are the same.
 * - Format: `v1.<b64url iv>.<b64url ciphertext>.<b64url tag>` (base64url per RFC 4648 §5, unpadded).
 * - `mac(value, purpose)`: a keyed lookup hash — HMAC-SHA256 under a key derived per purpose
 *   (HKDF info = purpose) from the same secret — for identifiers kept sealed but looked up by
 *   equality (e.g. a person's resident ID); without the secret it cannot be recomputed.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export type SecretBoxErrorCode = 'SECRET_BOX_MALFORMED' | 'SECRET_BOX_AUTH_FAILED' | 'SECRET_BOX_WEAK_SECRET';

export class SecretBoxError extends Error {
  readonly code: SecretBoxErrorCode;

  constructor(code: SecretBoxErrorCode, message: string) {
    super(message);
    this.name = 'SecretBoxError';
    this.code = code;
  }
}

const VERSION = 'v1';
const HKDF_SALT = 'liutong/secret-box/v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_BOX_MIN_SECRET_LENGTH = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

function decodePart(part: string, name: string): Buffer {
  const buf = Buffer.from(part, 'base64url');
  // Node's decoder is lenient; insist on the canonical unpadded encoding.
  if (!B64URL.test(part) || buf.toString('base64url') !== part) {
    throw new SecretBoxError('SECRET_BOX_MALFORMED', `sealed value has an invalid ${name} encoding`);
  }
  return buf;
}

export class SecretBox {
  readonly #key: Buffer;
  readonly #secret: Buffer;

  /** Throws SecretBoxError('SECRET_BOX_WEAK_SECRET') if the secret is shorter than 16 characters. */
  constructor(secret: string) {
    if (typeof secret !== 'string' || [...secret].length < SECRET_BOX_MIN_SECRET_LENGTH) {
      throw new SecretBoxError(
        'SECRET_BOX_WEAK_SECRET',
        `key-encryption secret must be at least ${SECRET_BOX_MIN_SECRET_LENGTH} characters`,
      );
    }
    this.#secret = Buffer.from(secret, 'utf8');
    this.#key = Buffer.from(hkdfSync('sha256', this.#secret, Buffer.from(HKDF_SALT, 'utf8'), Buffer.alloc(0), 32));
  }

  /** A keyed lookup hash of `value` for `purpose` (hex HMAC-SHA256; see the header). */
  mac(value: string, purpose: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.#secret, Buffer.from(HKDF_SALT, 'utf8'), Buffer.from(`mac:${purpose}`, 'utf8'), 32));
    return createHmac('sha256', key).update(value, 'utf8').digest('hex');
  }

  seal(plaintext: Buffer, aad = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
  }

  /**
   * Decrypts a value produced by `seal`. Throws SecretBoxError with code
   * 'SECRET_BOX_MALFORMED' (not a v1 sealed value) or 'SECRET_BOX_AUTH_FAILED'
   * (wrong secret, wrong aad, or any modification of IV, ciphertext or tag).
   */
  open(sealed: string, aad = ''): Buffer {
    if (typeof sealed !== 'string') throw new SecretBoxError('SECRET_BOX_MALFORMED', 'sealed value must be a string');
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new SecretBoxError('SECRET_BOX_MALFORMED', 'sealed value is not in v1.<iv>.<ciphertext>.<tag> form');
    }
    const iv = decodePart(parts[1] ?? '', 'iv');
    const ciphertext = decodePart(parts[2] ?? '', 'ciphertext');
    const tag = decodePart(parts[3] ?? '', 'tag');
    if (iv.length !== IV_BYTES) throw new SecretBoxError('SECRET_BOX_MALFORMED', `iv must be ${IV_BYTES} bytes`);
    // A truncated tag would weaken authentication (SP 800-38D §5.2.1.2): demand the full 128 bits.
    if (tag.length !== TAG_BYTES) throw new SecretBoxError('SECRET_BOX_MALFORMED', `tag must be ${TAG_BYTES} bytes`);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new SecretBoxError('SECRET_BOX_AUTH_FAILED', 'sealed value failed authentication (wrong secret, aad or tampered data)');
    }
  }
}
