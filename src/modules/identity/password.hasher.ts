/**
 * Password hashing with scrypt (RFC 7914) via node:crypto.
 *
 * Encoded form (self-describing, so parameters can be raised later without a migration):
 *
 *   scrypt$ln=15,r=8,p=1$<base64 salt>$<base64 hash>
 *
 * ln is log2 of the CPU/memory cost N, r the block size, p the parallelisation (RFC 7914 §2).
 * Base64 is the standard alphabet without padding, as in the PHC string format.
 * Current parameters follow the OWASP Password Storage Cheat Sheet minimum for scrypt
 * (N=2^15, r=8, p=1 → 32 MiB); salt 16 bytes, derived key 32 bytes. The cost (ln) of new hashes
 * is the `passwordCostLn` setting (default 15; the test suite uses 10 — the same scrypt, cheaper,
 * since it creates thousands of users); verification always uses the cost stored in the hash.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const CURRENT = { ln: 15, r: 8, p: 1 } as const;
/** The default cost of new hashes: log2 N = 15. */
export const DEFAULT_PASSWORD_COST_LN = CURRENT.ln;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Hard ceilings on parameters read from a stored string, so a corrupted or hostile row cannot
// make verification allocate gigabytes or spin for minutes.
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

const B64 = /^[A-Za-z0-9+/]+$/;
const ENCODED = /^scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface ParsedHash {
  ln: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function scryptAsync(password: string, salt: Buffer, keyLength: number, ln: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** ln;
  // scrypt needs about 128·N·r bytes (RFC 7914 §2); node's default maxmem is exactly 32 MiB,
  // which N=2^15, r=8 already reaches, so allow twice the requirement.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function decodeB64(s: string): Buffer | undefined {
  if (!B64.test(s)) return undefined;
  const buf = Buffer.from(s, 'base64');
  // Reject non-canonical encodings (stray bits in the last character).
  return encodeB64(buf) === s ? buf : undefined;
}

function encodeB64(buf: Buffer): string {
  return buf.toString('base64').replace(/=+$/, '');
}

function parse(encoded: unknown): ParsedHash | undefined {
  if (typeof encoded !== 'string' || encoded.length > 1024) return undefined;
  const m = ENCODED.exec(encoded);
  if (!m) return undefined;
  const [, lnS, rS, pS, saltS, hashS] = m;
  const ln = Number(lnS);
  const r = Number(rS);
  const p = Number(pS);
  if (ln < 1 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return undefined;
  if (128 * 2 ** ln * r > MAX_MEMORY_BYTES) return undefined;
  const salt = decodeB64(saltS ?? '');
  const hash = decodeB64(hashS ?? '');
  if (!salt || !hash || salt.length < 8 || hash.length < 16 || hash.length > 64) return undefined;
  return { ln, r, p, salt, hash };
}

/** Hashes a password with the current parameters (cost `ln`, default 15) and a fresh random salt. */
export async function hashPassword(password: string, ln: number = CURRENT.ln): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(password, salt, KEY_BYTES, ln, CURRENT.r, CURRENT.p);
  return `scrypt$ln=${ln},r=${CURRENT.r},p=${CURRENT.p}$${encodeB64(salt)}$${encodeB64(hash)}`;
}

/**
 * Verifies a password against an encoded hash using the parameters stored in it.
 * Returns false (never throws) for a wrong password or a malformed/unsupported encoding.
 * Passwords are NFC-normalised before hashing so the same visible password always matches.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (typeof password !== 'string') return false;
  const parsed = parse(encoded);
  if (!parsed) return false;
  try {
    const candidate = await scryptAsync(password, parsed.salt, parsed.hash.length, parsed.ln, parsed.r, parsed.p);
    return timingSafeEqual(candidate, parsed.hash);
  } catch {
    return false;
  }
}

/** True if the encoding is malformed, weaker than cost `ln` (default 15) or made with other parameters. */
export function needsRehash(encoded: string, ln: number = CURRENT.ln): boolean {
  const parsed = parse(encoded);
  if (!parsed) return true;
  return (
    parsed.ln < ln ||
    parsed.r !== CURRENT.r ||
    parsed.p !== CURRENT.p ||
    parsed.salt.length !== SALT_BYTES ||
    parsed.hash.length !== KEY_BYTES
  );
}

export { passwordPolicy, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSPHRASE_LENGTH, type PasswordPolicyResult } from '../../platform/password.policy.js';
