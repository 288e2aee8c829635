import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordPolicy, verifyPassword } from './password.hasher.js';

const b64 = (b: Buffer): string => b.toString('base64').replace(/=+$/, '');

describe('scrypt password hashing', () => {
  it('produces the self-describing format and verifies the right password', async () => {
    const encoded = await hashPassword('Correct-Horse-9');
    expect(encoded).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('Correct-Horse-9', encoded)).toBe(true);
    expect(needsRehash(encoded)).toBe(false);
  });

  it('hashes at a configured cost, verifies by the stored cost, and asks for a rehash only below the wanted cost', async () => {
    const cheap = await hashPassword('Correct-Horse-9', 10);
    expect(cheap).toMatch(/^scrypt\$ln=10,r=8,p=1\$/);
    expect(await verifyPassword('Correct-Horse-9', cheap)).toBe(true);
    expect(await verifyPassword('Correct-Horse-8', cheap)).toBe(false);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(cheap, 10)).toBe(false);
    expect(needsRehash(await hashPassword('Correct-Horse-9'), 10)).toBe(false);
  });

  it('uses a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
  });

  it('rejects a wrong password', async () => {
    const encoded = await hashPassword('Correct-Horse-9');
    expect(await verifyPassword('Correct-Horse-8', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('rejects a tampered hash, salt or parameter', async () => {
    const encoded = await hashPassword('Correct-Horse-9');
    const [scheme, params, salt, hash] = encoded.split('$') as [string, string, string, string];
    const flip = (s: string): string => {
      const buf = Buffer.from(s, 'base64');
      buf[0] = (buf[0] ?? 0) ^ 0x01;
      return b64(buf);
    };
    expect(await verifyPassword('Correct-Horse-9', [scheme, params, salt, flip(hash)].join('$'))).toBe(false);
    expect(await verifyPassword('Correct-Horse-9', [scheme, params, flip(salt), hash].join('$'))).toBe(false);
    expect(await verifyPassword('Correct-Horse-9', [scheme, 'ln=14,r=8,p=1', salt, hash].join('$'))).toBe(false);
  });

  it('returns false, never throws, for malformed encodings', async () => {
    const good = await hashPassword('Correct-Horse-9');
    const [, , salt, hash] = good.split('$') as [string, string, string, string];
    const malformed = [
      '',
      'not a hash',
      'scrypt$ln=15,r=8,p=1$$',
      `bcrypt$ln=15,r=8,p=1$${salt}$${hash}`,
      `scrypt$ln=15,r=8$${salt}$${hash}`,
      `scrypt$ln=15,r=8,p=1$${salt}`,
      `scrypt$ln=15,r=8,p=1$${salt}$${hash}$extra`,
      `scrypt$ln=15,r=8,p=1$${salt}$${hash}==`,
      `scrypt$ln=15,r=8,p=1$${salt}$${hash.slice(0, -1)}!`,
      `scrypt$ln=0,r=8,p=1$${salt}$${hash}`,
      `scrypt$ln=40,r=8,p=1$${salt}$${hash}`, // would need terabytes: refused, not attempted
      `scrypt$ln=20,r=32,p=1$${salt}$${hash}`, // 4 GiB: over the memory ceiling
      `scrypt$ln=15,r=0,p=1$${salt}$${hash}`,
      `scrypt$ln=15,r=8,p=1$${salt}$${hash.slice(0, 8)}`, // hash too short
    ];
    for (const m of malformed) {
      await expect(verifyPassword('Correct-Horse-9', m)).resolves.toBe(false);
      expect(needsRehash(m)).toBe(true);
    }
    await expect(verifyPassword('x', undefined as unknown as string)).resolves.toBe(false);
  });

  it('verifies with the parameters stored in the string and flags old ones for rehash', async () => {
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('legacy password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const legacy = `scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`;
    expect(await verifyPassword('legacy password', legacy)).toBe(true);
    expect(await verifyPassword('legacy passwort', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it('treats canonically equivalent Unicode passwords as equal (NFC)', async () => {
    const encoded = await hashPassword('密码Caf\u00e9-2024');
    expect(await verifyPassword('密码Cafe\u0301-2024', encoded)).toBe(true);
  });
});

describe('password policy', () => {
  it('enforces length bounds', () => {
    expect(passwordPolicy('')).toEqual({ ok: false, reason: 'too_short' });
    expect(passwordPolicy('Ab1!Ab1!A')).toEqual({ ok: false, reason: 'too_short' });
    expect(passwordPolicy('Ab1!Ab1!Ab')).toEqual({ ok: true });
    expect(passwordPolicy('a'.repeat(200))).toEqual({ ok: true });
    expect(passwordPolicy('a'.repeat(201))).toEqual({ ok: false, reason: 'too_long' });
  });

  it('requires three of four character classes below 16 characters', () => {
    expect(passwordPolicy('abcdefghij')).toEqual({ ok: false, reason: 'too_simple' });
    expect(passwordPolicy('abcdefgh12')).toEqual({ ok: false, reason: 'too_simple' });
    expect(passwordPolicy('abcdefGH12')).toEqual({ ok: true });
    expect(passwordPolicy('abcdefgh1!')).toEqual({ ok: true });
    expect(passwordPolicy('ABCDEFGH1!')).toEqual({ ok: true });
    expect(passwordPolicy('abcdefghijklmno')).toEqual({ ok: false, reason: 'too_simple' });
  });

  it('accepts any passphrase of 16 or more characters', () => {
    expect(passwordPolicy('abcdefghijklmnop')).toEqual({ ok: true });
    expect(passwordPolicy('correct horse battery staple')).toEqual({ ok: true });
  });

  it('counts code points, and treats CJK characters as "other"', () => {
    expect(passwordPolicy('数据要素市场流通平台')).toEqual({ ok: false, reason: 'too_simple' }); // 10 chars, 1 class
    expect(passwordPolicy('数据要素市场abc12')).toEqual({ ok: true }); // lower + digit + other
    expect(passwordPolicy('😀'.repeat(9))).toEqual({ ok: false, reason: 'too_short' }); // 18 UTF-16 units
  });
});
