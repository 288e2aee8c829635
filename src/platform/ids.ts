import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz'; // no l, o: easy to read aloud

/**
 * Prefixed, unguessable ids (DESIGN.md §6.7): `org_` + 20 characters of base-34 from 16 random
 * bytes' worth of entropy (~101 bits).
 */
export function newId(prefix: string): string {
  const bytes = randomBytes(20);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

export function isId(prefix: string, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-z]{20}$`).test(value);
}
