import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeList, emptyList, encodeList, getBit, MIN_STATUS_LIST_ENTRIES, setBit, StatusListError } from './status-list.codec.js';

// Bitstring Status List v1.0, §2.1 example (a BitstringStatusListCredential's `encodedList`): 131,072 entries, none set.
const W3C_EXAMPLE = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

describe('Bitstring Status List encoding', () => {
  it('decodes the W3C example to 131,072 clear entries, and our empty list to the same bits', () => {
    const w3c = decodeList(W3C_EXAMPLE);
    expect(w3c.length * 8).toBe(MIN_STATUS_LIST_ENTRIES);
    expect(w3c.every((b) => b === 0)).toBe(true);
    expect(decodeList(encodeList(emptyList()))).toEqual(w3c);
  });

  it('puts index 0 in the most significant bit of the first byte and round-trips set bits', () => {
    const list = emptyList();
    setBit(list, 0, true);
    expect(list[0]).toBe(0x80);
    setBit(list, 7, true);
    setBit(list, 8, true);
    setBit(list, 131_071, true);
    expect([list[0], list[1], list[16_383]]).toEqual([0x81, 0x80, 0x01]);
    const back = decodeList(encodeList(list));
    expect([0, 1, 7, 8, 9, 131_070, 131_071].map((i) => getBit(back, i))).toEqual([true, false, true, true, false, false, true]);
    setBit(back, 7, false);
    expect(back[0]).toBe(0x80);
    // A 1% full list of the minimum size stays small (the spec's estimate: ~16 kB for 2^20 entries at 1%).
    const sparse = emptyList();
    for (let i = 0; i < 1_311; i++) setBit(sparse, (i * 7919) % MIN_STATUS_LIST_ENTRIES, true);
    expect(encodeList(sparse).length).toBeLessThan(6_000);
  });

  it('refuses malformed, short and out-of-range input with stable codes', () => {
    const code = (f: () => unknown) => { try { f(); return null; } catch (e) { return (e as StatusListError).code; } };
    expect(code(() => decodeList(W3C_EXAMPLE.slice(1)))).toBe('STATUS_LIST_MALFORMED');
    expect(code(() => decodeList('uAAAA'))).toBe('STATUS_LIST_MALFORMED');
    expect(code(() => decodeList(`u${gzipSync(new Uint8Array(100)).toString('base64url')}`))).toBe('STATUS_LIST_TOO_SHORT');
    expect(code(() => getBit(emptyList(), MIN_STATUS_LIST_ENTRIES))).toBe('STATUS_LIST_INDEX_RANGE');
    expect(code(() => setBit(emptyList(), -1, true))).toBe('STATUS_LIST_INDEX_RANGE');
  });
});
