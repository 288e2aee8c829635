import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../platform/uscc.validator.js';
import { deadlineMatcher } from './regex.guard.js';
import {
  checkDataType,
  checkSpec,
  checkValue,
  compilePattern,
  hasNestedUnboundedRepetition,
  listValidators,
  matchPattern,
  runValidator,
  validateAmount,
  validateBankCard,
  validateDate,
  validateDateTime,
  validateMobile,
  VALIDATOR_NAMES,
} from './value.validators.js';

const invalid = (reason: string) => ({ valid: false, reason });
const valid = { valid: true };

describe('named validators', () => {
  it('uscc reuses the GB 32100-2015 check', () => {
    const code = makeUscc('91440101MA5CXXXX0');
    expect(runValidator('uscc', code)).toEqual(valid);
    expect(runValidator('uscc', code.slice(0, 17) + (code[17] === '0' ? '1' : '0'))).toEqual(invalid('checksum'));
    expect(runValidator('uscc', code.toLowerCase())).toEqual(invalid('charset'));
    expect(runValidator('uscc', code.slice(1))).toEqual(invalid('length'));
  });

  it('resident_id: 18 characters, real birth date, ISO 7064 MOD 11-2 check character', () => {
    expect(runValidator('resident_id', '11010519491231002X')).toEqual(valid);
    expect(runValidator('resident_id', '440106199003071231')).toEqual(valid);
    expect(runValidator('resident_id', '440106200002290016')).toEqual(valid); // 29 Feb 2000
    expect(runValidator('resident_id', '440106199003071232')).toEqual(invalid('checksum'));
    expect(runValidator('resident_id', '11010519491231002x')).toEqual(invalid('charset'));
    expect(runValidator('resident_id', '440106199002301231')).toEqual(invalid('birth_date'));
    expect(runValidator('resident_id', '44010619900307123')).toEqual(invalid('length'));
  });

  it('mobile: mainland 1[3-9] and nine digits', () => {
    expect(validateMobile('13800138000')).toEqual(valid);
    expect(validateMobile('19912345678')).toEqual(valid);
    for (const bad of ['12800138000', '1380013800', '138001380001', '+8613800138000', '138 0013 8000', '１３８００１３８０００']) {
      expect(validateMobile(bad), bad).toEqual(invalid('format'));
    }
  });

  it('bank_card: 12–19 digits with a Luhn check digit', () => {
    expect(validateBankCard('4111111111111111')).toEqual(valid);
    expect(validateBankCard('6217001234567890122')).toEqual(valid); // 19 digits
    expect(validateBankCard('621483123454')).toEqual(valid); // 12 digits
    expect(validateBankCard('4111111111111112')).toEqual(invalid('checksum'));
    expect(validateBankCard('79927398713')).toEqual(invalid('length')); // Luhn-valid but 11 digits
    expect(validateBankCard('62170012345678901220')).toEqual(invalid('length'));
    expect(validateBankCard('4111-1111-1111-1111')).toEqual(invalid('charset'));
  });

  it('date: YYYY-MM-DD and a real calendar date', () => {
    expect(validateDate('2024-02-29')).toEqual(valid);
    expect(validateDate('2000-02-29')).toEqual(valid);
    expect(validateDate('0001-01-01')).toEqual(valid);
    expect(validateDate('2023-02-29')).toEqual(invalid('calendar'));
    expect(validateDate('1900-02-29')).toEqual(invalid('calendar'));
    expect(validateDate('2024-04-31')).toEqual(invalid('calendar'));
    expect(validateDate('2024-13-01')).toEqual(invalid('calendar'));
    expect(validateDate('0000-01-01')).toEqual(invalid('calendar'));
    for (const bad of ['2024-2-29', '20240229', '2024/02/29', '2024-02-29T00:00:00Z', ' 2024-02-29']) expect(validateDate(bad), bad).toEqual(invalid('format'));
  });

  it('amount: yuan with at most two decimals, optional minus, no exponent', () => {
    for (const ok of ['0', '0.5', '12.30', '-7', '-0.01', '123456789012.99']) expect(validateAmount(ok), ok).toEqual(valid);
    expect(validateAmount('1.234')).toEqual(invalid('scale'));
    for (const bad of ['1e3', '+1', '01', '1.', '.5', '1,000.00', '¥1', '', '--1', ' 1']) expect(validateAmount(bad), bad).toEqual(invalid('format'));
  });

  it('lists every validator with labels in both languages and the data types it fits', () => {
    const list = listValidators();
    expect(list.map((v) => v.name)).toEqual([...VALIDATOR_NAMES]);
    for (const v of list) {
      expect(v.label.zh).toBeTruthy();
      expect(v.label.en).toBeTruthy();
      expect(v.label.zh).not.toBe(v.label.en);
      expect(v.dataTypes).toContain('string');
    }
  });
});

describe('user patterns', () => {
  it('are anchored to the whole value', () => {
    expect(matchPattern('\\d{6}', '510000')).toEqual(valid);
    expect(matchPattern('\\d{6}', 'x510000y')).toEqual(invalid('pattern_mismatch'));
    expect(matchPattern('a|b', 'ab')).toEqual(invalid('pattern_mismatch'));
    expect(matchPattern('[\\u4e00-\\u9fa5]{2,4}', '张三')).toEqual(valid);
  });

  it('are refused when too long, not compilable, or shaped for catastrophic backtracking', () => {
    expect(compilePattern('a'.repeat(500)).ok).toBe(true);
    expect(compilePattern('a'.repeat(501))).toEqual({ ok: false, reason: 'regex_too_long' });
    for (const bad of ['(', '[a-', 'a{2,1}', '\\', '(?<n>a)\\k<m>', '\\-']) expect(compilePattern(bad), bad).toEqual({ ok: false, reason: 'regex_invalid' });
    // Compiles only once wrapped, and would then escape the anchors.
    expect(compilePattern('a)|(b')).toEqual({ ok: false, reason: 'regex_invalid' });
    for (const bad of ['(a+)+', '(a*)*b', '(?:\\d+,)*', '(x+y?){2,}', '(a+){1,30}', '((a)+)+', '(?<w>\\w+\\s?)+$', '(?:[^"]+)*']) {
      expect(compilePattern(bad), bad).toEqual({ ok: false, reason: 'regex_unsafe' });
    }
    for (const ok of ['(\\d{3}-)+\\d{4}', '(\\d+\\.){3}\\d+', '(a+)?', '[(+)]+', '\\(a+\\)+', '(a|b)+', '\\d+(?:\\.\\d{1,2})?', '[]|x', '\\p{Script=Han}+']) {
      expect(hasNestedUnboundedRepetition(ok), ok).toBe(false);
      expect(compilePattern(ok).ok, ok).toBe(true);
    }
  });

  it('a deadline stops a runaway match instead of blocking the server', () => {
    const match = deadlineMatcher(50);
    // Overlapping alternatives pass the shape check but backtrack exponentially.
    expect(compilePattern('(a|a)*b').ok).toBe(true);
    const started = Date.now();
    expect(match('(a|a)*b', 'a'.repeat(40))).toEqual(invalid('pattern_timeout'));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(match('(a|a)*b', 'aab')).toEqual(valid);
    expect(match('\\d{6}', '12345')).toEqual(invalid('pattern_mismatch'));
  });
});

describe('data types and whole elements', () => {
  it('checks the data types', () => {
    expect(checkDataType('integer', '-42')).toEqual(valid);
    expect(checkDataType('integer', '4.2')).toEqual(invalid('not_integer'));
    expect(checkDataType('integer', '007')).toEqual(invalid('not_integer'));
    expect(checkDataType('decimal', '-0.125')).toEqual(valid);
    expect(checkDataType('decimal', '1e5')).toEqual(invalid('not_decimal'));
    expect(checkDataType('date', '2024-02-30')).toEqual(invalid('calendar'));
    expect(checkDataType('boolean', 'true')).toEqual(valid);
    expect(checkDataType('boolean', 'yes')).toEqual(invalid('not_boolean'));
    expect(checkDataType('string', '')).toEqual(valid);
  });

  it('checks datetimes with or without an offset, and real times', () => {
    expect(validateDateTime('2026-11-23T08:00:00Z')).toEqual(valid);
    expect(validateDateTime('2026-11-23T08:00:00.123+08:00')).toEqual(valid);
    expect(validateDateTime('2026-11-23T08:00:00')).toEqual(valid);
    expect(validateDateTime('2026-11-23T24:00:00Z')).toEqual(invalid('calendar'));
    expect(validateDateTime('2026-02-30T08:00:00Z')).toEqual(invalid('calendar'));
    expect(validateDateTime('2026-11-23 08:00:00')).toEqual(invalid('format'));
  });

  it('applies data type, then format, then code list', () => {
    const gender = { dataType: 'code' as const, format: null, codeList: [{ code: '1', label: { zh: '男', en: 'Male' } }, { code: '2', label: { zh: '女', en: 'Female' } }] };
    expect(checkValue(gender, '1')).toEqual(valid);
    expect(checkValue(gender, '3')).toEqual(invalid('not_in_code_list'));
    const kwh = { dataType: 'decimal' as const, format: { kind: 'validator' as const, name: 'amount' }, codeList: null };
    expect(checkValue(kwh, '1024.50')).toEqual(valid);
    expect(checkValue(kwh, 'abc')).toEqual(invalid('not_decimal'));
    expect(checkValue(kwh, '1.125')).toEqual(invalid('scale'));
    const month = { dataType: 'string' as const, format: { kind: 'regex' as const, pattern: '\\d{4}-(0[1-9]|1[0-2])' }, codeList: null };
    expect(checkValue(month, '2026-11')).toEqual(valid);
    expect(checkValue(month, '2026-13')).toEqual(invalid('pattern_mismatch'));
  });

  it('refuses incoherent definitions', () => {
    const code = (format: any, codeList: any) => checkSpec({ dataType: 'code', format, codeList });
    expect(checkSpec({ dataType: 'string', format: { kind: 'validator', name: 'uscc' }, codeList: null })).toBeNull();
    expect(checkSpec({ dataType: 'string', format: { kind: 'validator', name: 'passport' }, codeList: null })).toEqual({ problem: 'format', reason: 'unknown_validator' });
    expect(checkSpec({ dataType: 'integer', format: { kind: 'validator', name: 'mobile' }, codeList: null })).toEqual({ problem: 'format', reason: 'incompatible_type' });
    expect(checkSpec({ dataType: 'boolean', format: { kind: 'regex', pattern: 'true' }, codeList: null })).toEqual({ problem: 'format', reason: 'incompatible_type' });
    expect(checkSpec({ dataType: 'string', format: { kind: 'regex', pattern: '(' }, codeList: null })).toEqual({ problem: 'format', reason: 'regex_invalid' });
    expect(code(null, null)).toEqual({ problem: 'code_list_required' });
    expect(checkSpec({ dataType: 'string', format: null, codeList: [{ code: 'a', label: { zh: '甲', en: 'A' } }] })).toEqual({ problem: 'code_list_not_allowed' });
    const dup = [{ code: '1', label: { zh: '男', en: 'Male' } }, { code: '1', label: { zh: '女', en: 'Female' } }];
    expect(code(null, dup)).toEqual({ problem: 'code_list', reason: 'duplicate_code', code: '1' });
    expect(code({ kind: 'regex', pattern: '\\d' }, [{ code: '1', label: { zh: '一', en: 'One' } }, { code: 'X', label: { zh: '叉', en: 'X' } }])).toEqual({ problem: 'code_list', reason: 'code_fails_format', code: 'X' });
    expect(code({ kind: 'regex', pattern: '\\d' }, [{ code: '1', label: { zh: '一', en: 'One' } }])).toBeNull();
  });
});
