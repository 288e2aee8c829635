import { describe, expect, it } from 'vitest';
import { canonicalize, CanonicalJsonError } from './canonical-json.codec.js';

describe('RFC 8785 canonical JSON', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    // RFC 8785 §3.2.3 sorting example: keys of mixed scripts.
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const keys = Object.keys(JSON.parse(canonicalize(input)) as object);
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(keys.length).toBe(7);
  });

  it('serialises numbers like ECMAScript (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalize({ n: [1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5, 2e-3] })).toBe(
      '{"n":[1e+21,1e-7,0.000001,0,333333333.3333333,4.5,0.002]}',
    );
  });

  it('nests and keeps array order; omits undefined members', () => {
    expect(canonicalize({ b: [3, { z: 1, a: 'x' }], a: null, u: undefined })).toBe('{"a":null,"b":[3,{"a":"x","z":1}]}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalize({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ a: 1n })).toThrow(CanonicalJsonError);
  });
});
