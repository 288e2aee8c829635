import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Bitstring Status List v1.0 (W3C Recommendation 2025-05-15) encoding: the list is a bitstring of
 * at least 131,072 entries (16 KB, for herd privacy, §2.1), GZIP-compressed and multibase-encoded
 * as base64url without padding with the prefix `u` (§2.1 `encodedList`). Index 0 is the left-most
 * bit: the most significant bit of the first byte (§3.2 validate algorithm, step 9).
 */
export const MIN_STATUS_LIST_ENTRIES = 131_072;
/** A decoded list larger than this is refused (a "zip bomb" guard: 16 MiB = 134 million entries). */
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

export class StatusListError extends Error {
  constructor(readonly code: 'STATUS_LIST_MALFORMED' | 'STATUS_LIST_TOO_SHORT' | 'STATUS_LIST_INDEX_RANGE', message: string) {
    super(message);
    this.name = 'StatusListError';
  }
}

/** An all-zero list of `entries` bits (rounded up to whole bytes), at least the minimum. */
export function emptyList(entries = MIN_STATUS_LIST_ENTRIES): Uint8Array {
  return new Uint8Array(Math.ceil(Math.max(entries, MIN_STATUS_LIST_ENTRIES) / 8));
}

export function getBit(list: Uint8Array, index: number): boolean {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length * 8) throw new StatusListError('STATUS_LIST_INDEX_RANGE', `status index ${index} outside a list of ${list.length * 8}`);
  return (list[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

export function setBit(list: Uint8Array, index: number, value: boolean): void {
  getBit(list, index); // range check
  if (value) list[index >> 3]! |= 0x80 >> (index & 7);
  else list[index >> 3]! &= ~(0x80 >> (index & 7)) & 0xff;
}

/** `u` + base64url(gzip(list)). The gzip header carries no time (mtime 0), so equal lists encode equally. */
export function encodeList(list: Uint8Array): string {
  return `u${gzipSync(list, { level: 9 }).toString('base64url')}`;
}

/** The bitstring of an `encodedList`; malformed or too short lists are refused. */
export function decodeList(encoded: string): Uint8Array {
  if (typeof encoded !== 'string' || !encoded.startsWith('u') || !/^u[A-Za-z0-9_-]+$/.test(encoded)) throw new StatusListError('STATUS_LIST_MALFORMED', 'encodedList must be multibase base64url (prefix "u")');
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: MAX_DECODED_BYTES });
  } catch {
    throw new StatusListError('STATUS_LIST_MALFORMED', 'encodedList is not a GZIP-compressed bitstring');
  }
  if (bits.length * 8 < MIN_STATUS_LIST_ENTRIES) throw new StatusListError('STATUS_LIST_TOO_SHORT', `a status list has at least ${MIN_STATUS_LIST_ENTRIES} entries`);
  return new Uint8Array(bits);
}
