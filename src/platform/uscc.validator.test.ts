import { describe, expect, it } from 'vitest';
import {
  isValidUscc,
  makeUscc,
  residentIdCheckChar,
  usccCheckChar,
  validateResidentId,
  validateUscc,
} from './uscc.validator.js';

// Publicly registered codes (national enterprise credit information publicity system). Each one's
// check character was recomputed independently before being added here.
const PUBLISHED_USCCS = [
  '914403001922038216', // 华为技术有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '91110108551385082Q', // 北京小米科技有限责任公司
];

describe('USCC (GB 32100-2015)', () => {
  it.each(PUBLISHED_USCCS)('accepts published code %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true });
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes check characters, including the 31 → 0 case', () => {
    expect(usccCheckChar('91440300708461136')).toBe('T');
    expect(usccCheckChar('91440300192203821')).toBe('6');
    // Find a prefix whose weighted sum is ≡ 0 (mod 31): its check character must be '0'.
    const base = '9144030000000000';
    const zero = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').map((c) => base + c).find((p) => usccCheckChar(p) === '0');
    expect(zero).toBeDefined();
    expect(isValidUscc(`${zero}0`)).toBe(true);
  });

  it('makeUscc appends a valid check character', () => {
    const code = makeUscc('91440101MA5ABCDE1');
    expect(code).toHaveLength(18);
    expect(validateUscc(code)).toEqual({ valid: true });
  });

  it('usccCheckChar rejects bad input', () => {
    expect(() => usccCheckChar('9144030070846113')).toThrow(RangeError);
    expect(() => usccCheckChar('91440300708461I36')).toThrow(RangeError);
  });

  it('rejects wrong length', () => {
    expect(validateUscc('')).toEqual({ valid: false, reason: 'length' });
    expect(validateUscc('91440300708461136')).toEqual({ valid: false, reason: 'length' });
    expect(validateUscc('91440300708461136TT')).toEqual({ valid: false, reason: 'length' });
  });

  it('rejects characters outside the alphabet, including lower case (no normalisation)', () => {
    expect(validateUscc('9144030071526726xg')).toEqual({ valid: false, reason: 'charset' });
    for (const bad of ['I', 'O', 'Z', 'S', 'V', ' ', '-']) {
      expect(validateUscc(`9144030071526726X${bad}`)).toEqual({ valid: false, reason: 'charset' });
    }
    expect(validateUscc('９144030071526726XG')).toEqual({ valid: false, reason: 'charset' });
  });

  it('rejects a non-numeric administrative division code', () => {
    const code = makeUscc('9144A300715267260');
    expect(validateUscc(code)).toEqual({ valid: false, reason: 'division' });
  });

  it('rejects a wrong check character and single-character typos', () => {
    expect(validateUscc('9144030071526726XH')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateUscc('9144030071526727XG')).toEqual({ valid: false, reason: 'checksum' });
    // Transposition of adjacent characters.
    expect(validateUscc('9144030071526762XG')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('does not enforce the GB 11714 check character at position 17', () => {
    // Same 8-character organisation body as Tencent, different (wrong) 9th char, correct 18th.
    const lenient = makeUscc('91440300715267260');
    expect(isValidUscc(lenient)).toBe(true);
  });
});

describe('citizen identification number (GB 11643-1999)', () => {
  const now = new Date('2025-06-15T12:00:00Z');

  it('accepts the example from the standard', () => {
    expect(validateResidentId('11010519491231002X', now)).toEqual({ valid: true, birthDate: '1949-12-31', sex: 'F' });
  });

  it('accepts the second example from the standard (male, born 1880)', () => {
    expect(validateResidentId('440524188001010014', now)).toEqual({ valid: true, birthDate: '1880-01-01', sex: 'M' });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });

  it('rejects wrong length', () => {
    expect(validateResidentId('110105491231002', now)).toEqual({ valid: false, reason: 'length' });
    expect(validateResidentId('11010519491231002X1', now)).toEqual({ valid: false, reason: 'length' });
  });

  it('rejects lower-case x and non-digits', () => {
    expect(validateResidentId('11010519491231002x', now)).toEqual({ valid: false, reason: 'charset' });
    expect(validateResidentId('1101051949123100XX', now)).toEqual({ valid: false, reason: 'charset' });
    expect(validateResidentId('11010519491231002 ', now)).toEqual({ valid: false, reason: 'charset' });
  });

  it('rejects impossible and future birth dates', () => {
    const withDate = (date: string): string => {
      const first17 = `110105${date}002`;
      return first17 + residentIdCheckChar(first17);
    };
    expect(validateResidentId(withDate('19490230'), now)).toEqual({ valid: false, reason: 'birth_date' });
    expect(validateResidentId(withDate('19491301'), now)).toEqual({ valid: false, reason: 'birth_date' });
    expect(validateResidentId(withDate('19490000'), now)).toEqual({ valid: false, reason: 'birth_date' });
    expect(validateResidentId(withDate('19000229'), now)).toEqual({ valid: false, reason: 'birth_date' });
    expect(validateResidentId(withDate('20000229'), now)).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    expect(validateResidentId(withDate('20250616'), now)).toEqual({ valid: false, reason: 'birth_date' });
    expect(validateResidentId(withDate('20250615'), now)).toMatchObject({ valid: true });
  });

  it('rejects a wrong check character', () => {
    expect(validateResidentId('110105194912310020', now)).toEqual({ valid: false, reason: 'checksum' });
    expect(validateResidentId('11010519491231003X', now)).toEqual({ valid: false, reason: 'checksum' });
  });
});
