import { createDecipheriv, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from './secret-box.cipher.js';

const SECRET = 'correct horse battery staple';
const box = new SecretBox(SECRET);
const plaintext = Buffer.from('-----BEGIN PRIVATE KEY----- not really -----END PRIVATE KEY-----');

function expectCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SecretBoxError);
  expect((caught as SecretBoxError).code).toBe(code);
}

/** Flips one bit in the decoded bytes of part `index` and re-encodes it canonically. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const buf = Buffer.from(parts[index] ?? '', 'base64url');
  buf[buf.length - 1] = (buf[buf.length - 1] ?? 0) ^ 0x01;
  parts[index] = buf.toString('base64url');
  return parts.join('.');
}

describe('SecretBox (AES-256-GCM, HKDF-SHA256 key)', () => {
  it('round-trips, with and without aad', () => {
    const sealed = box.seal(plaintext);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(box.open(sealed)).toEqual(plaintext);
    const bound = box.seal(plaintext, 'key:abc');
    expect(box.open(bound, 'key:abc')).toEqual(plaintext);
    expect(new SecretBox(SECRET).open(sealed)).toEqual(plaintext);
  });

  it('round-trips empty and binary plaintexts', () => {
    expect(box.open(box.seal(Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
    const bin = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(box.open(box.seal(bin))).toEqual(bin);
  });

  it('uses a random IV, so sealing twice differs', () => {
    expect(box.seal(plaintext)).not.toBe(box.seal(plaintext));
  });

  it('matches the documented construction (HKDF salt, empty info, GCM)', () => {
    const sealed = box.seal(plaintext, 'ctx');
    const [, iv, ct, tag] = sealed.split('.') as [string, string, string, string];
    const key = Buffer.from(hkdfSync('sha256', SECRET, 'liutong/secret-box/v1', '', 32));
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    d.setAAD(Buffer.from('ctx'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    expect(Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()])).toEqual(plaintext);
  });

  it('fails authentication with the wrong secret', () => {
    const sealed = box.seal(plaintext);
    expectCode(() => new SecretBox('another secret of length').open(sealed), 'SECRET_BOX_AUTH_FAILED');
  });

  it('fails authentication when the iv, ciphertext or tag is tampered with', () => {
    const sealed = box.seal(plaintext);
    for (const index of [1, 2, 3]) expectCode(() => box.open(tamper(sealed, index)), 'SECRET_BOX_AUTH_FAILED');
  });

  it('fails authentication on aad mismatch', () => {
    const sealed = box.seal(plaintext, 'key:abc');
    expectCode(() => box.open(sealed, 'key:abd'), 'SECRET_BOX_AUTH_FAILED');
    expectCode(() => box.open(sealed), 'SECRET_BOX_AUTH_FAILED');
    expectCode(() => box.open(box.seal(plaintext), 'key:abc'), 'SECRET_BOX_AUTH_FAILED');
  });

  it('rejects malformed sealed values', () => {
    const sealed = box.seal(plaintext);
    const [, iv, ct, tag] = sealed.split('.') as [string, string, string, string];
    const malformed = [
      '',
      'garbage',
      `v2.${iv}.${ct}.${tag}`,
      `${iv}.${ct}.${tag}`,
      `v1.${iv}.${ct}.${tag}.extra`,
      `v1.${iv}.${ct}.${tag}=`, // padding is not canonical
      `v1.${iv.replace(/^./, '+')}.${ct}.${tag}`, // not base64url
      `v1.${iv.slice(0, 12)}.${ct}.${tag}`, // short IV
      `v1.${iv}.${ct}.${tag.slice(0, 16)}`, // truncated tag
      `v1.${iv}.${ct}.`,
    ];
    for (const m of malformed) expectCode(() => box.open(m), 'SECRET_BOX_MALFORMED');
    expectCode(() => box.open(undefined as unknown as string), 'SECRET_BOX_MALFORMED');
  });

  it('refuses a secret shorter than 16 characters', () => {
    expectCode(() => new SecretBox('short'), 'SECRET_BOX_WEAK_SECRET');
    expectCode(() => new SecretBox('a'.repeat(15)), 'SECRET_BOX_WEAK_SECRET');
    expect(() => new SecretBox('a'.repeat(16))).not.toThrow();
  });
});

describe('secret box lookup hashes', () => {
  it('are stable per secret and purpose, and differ across secrets and purposes', () => {
    const a = new SecretBox('a-secret-of-sixteen-chars');
    const b = new SecretBox('another-secret-of-sixteen');
    expect(a.mac('440106198102110019', 'person')).toBe(a.mac('440106198102110019', 'person'));
    expect(a.mac('440106198102110019', 'person')).toMatch(/^[0-9a-f]{64}$/);
    expect(a.mac('440106198102110019', 'person')).not.toBe(b.mac('440106198102110019', 'person'));
    expect(a.mac('440106198102110019', 'person')).not.toBe(a.mac('440106198102110019', 'other'));
    expect(a.mac('440106198102110019', 'person')).not.toBe(a.mac('440106198102110027', 'person'));
  });
});
