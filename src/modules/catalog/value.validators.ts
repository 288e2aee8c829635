/**
 * Value checks of the data element standard (公共数据元): named validators, user regular
 * expressions, code lists and the data types. Pure (no Node APIs, no I/O), so the quality rules,
 * mounting checks and the console can use the same rules later.
 *
 * Every check answers `{ valid: true }` or `{ valid: false, reason }` with a stable reason code
 * (see `ValueReason`); nothing is normalised silently (no trimming, no full-width conversion).
 */
import { validateResidentId, validateUscc } from '../../platform/uscc.validator.js';

export const DATA_TYPES = ['string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'code'] as const;
export type DataType = (typeof DATA_TYPES)[number];

export const VALIDATOR_NAMES = ['uscc', 'resident_id', 'mobile', 'bank_card', 'date', 'amount'] as const;
export type ValidatorName = (typeof VALIDATOR_NAMES)[number];

export type Format = { kind: 'validator'; name: string } | { kind: 'regex'; pattern: string };
export interface CodeItem {
  code: string;
  label: { zh: string; en: string };
}

/**
 * Why a value is invalid. Validator reasons: `length`, `charset`, `division`, `checksum` (USCC,
 * resident ID, bank card), `birth_date` (resident ID), `format` (shape wrong), `calendar` (no such
 * day or time), `scale` (amount with more than two decimals); regex: `pattern_mismatch`, or
 * `pattern_timeout` when a guarded matcher gave up; code
 * list: `not_in_code_list`; data types: `not_integer`, `not_decimal`, `not_boolean` (dates use
 * `format`/`calendar`).
 */
export type ValueReason =
  | 'length' | 'charset' | 'division' | 'checksum' | 'birth_date' | 'format' | 'calendar' | 'scale'
  | 'pattern_mismatch' | 'pattern_timeout' | 'not_in_code_list' | 'not_integer' | 'not_decimal' | 'not_boolean';
export type ValueCheck = { valid: true } | { valid: false; reason: ValueReason };

const OK: ValueCheck = { valid: true };
const fail = (reason: ValueReason): ValueCheck => ({ valid: false, reason });

/** Mainland mobile number: 11 digits, 1 then 3–9. */
export function validateMobile(value: string): ValueCheck {
  return /^1[3-9]\d{9}$/.test(value) ? OK : fail('format');
}

/** Bank card number (ISO/IEC 7812 PAN as issued in China): 12–19 digits with a Luhn check digit. */
export function validateBankCard(value: string): ValueCheck {
  if (!/^\d*$/.test(value)) return fail('charset');
  if (value.length < 12 || value.length > 19) return fail('length');
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let d = value.charCodeAt(value.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0 ? OK : fail('checksum');
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** YYYY-MM-DD, a real Gregorian calendar date (year 0001–9999). */
export function validateDate(value: string): ValueCheck {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return fail('format');
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? OK : fail('calendar');
}

/** ISO 8601 date and time `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`, a real date and time of day. */
export function validateDateTime(value: string): ValueCheck {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return fail('format');
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return fail('calendar');
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return fail('calendar');
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return fail('calendar');
  return OK;
}

/** An amount in yuan: decimal digits, at most two decimals, an optional leading '-', no exponent. */
export function validateAmount(value: string): ValueCheck {
  const m = /^-?(?:0|[1-9]\d*)(?:\.(\d+))?$/.exec(value);
  if (!m) return fail('format');
  return (m[1]?.length ?? 0) <= 2 ? OK : fail('scale');
}

function fromIdentifier(r: { valid: true } | { valid: false; reason: ValueReason }): ValueCheck {
  return r.valid ? OK : fail(r.reason);
}

interface NamedValidator {
  label: { zh: string; en: string };
  /** Data types the validator can be attached to. */
  dataTypes: readonly DataType[];
  check(value: string): ValueCheck;
}

const VALIDATORS: Record<ValidatorName, NamedValidator> = {
  uscc: {
    label: { zh: '统一社会信用代码（GB 32100-2015）', en: 'Unified social credit code (GB 32100-2015)' },
    dataTypes: ['string'],
    check: (v) => fromIdentifier(validateUscc(v)),
  },
  resident_id: {
    label: { zh: '居民身份证号码（GB 11643-1999，18 位）', en: 'Resident identity card number (GB 11643-1999, 18 characters)' },
    dataTypes: ['string'],
    check: (v) => fromIdentifier(validateResidentId(v)),
  },
  mobile: { label: { zh: '手机号码（中国大陆）', en: 'Mobile number (mainland China)' }, dataTypes: ['string'], check: validateMobile },
  bank_card: { label: { zh: '银行卡号（Luhn 校验）', en: 'Bank card number (Luhn check)' }, dataTypes: ['string'], check: validateBankCard },
  date: { label: { zh: '日期（YYYY-MM-DD）', en: 'Date (YYYY-MM-DD)' }, dataTypes: ['string', 'date'], check: validateDate },
  amount: { label: { zh: '金额（元，最多两位小数）', en: 'Amount (yuan, at most two decimals)' }, dataTypes: ['string', 'decimal'], check: validateAmount },
};

export function isValidatorName(name: string): name is ValidatorName {
  return (VALIDATOR_NAMES as readonly string[]).includes(name);
}

/** The named validators, for the API and the console. */
export function listValidators(): Array<{ name: ValidatorName; label: { zh: string; en: string }; dataTypes: DataType[] }> {
  return VALIDATOR_NAMES.map((name) => ({ name, label: VALIDATORS[name].label, dataTypes: [...VALIDATORS[name].dataTypes] }));
}

export function runValidator(name: ValidatorName, value: string): ValueCheck {
  return VALIDATORS[name].check(value);
}

// ---------------------------------------------------------------------------------------------
// User regular expressions
// ---------------------------------------------------------------------------------------------

export const MAX_PATTERN_LENGTH = 500;
export type PatternProblem = 'regex_too_long' | 'regex_invalid' | 'regex_unsafe';
export type PatternCompilation = { ok: true; regex: RegExp } | { ok: false; reason: PatternProblem };

/**
 * Whether a pattern repeats (without bound, or ten times or more) a group that itself contains an
 * unbounded repetition (`(a+)+`, `(\d*,)*`, `(?:x+y?){2,}`, `(a+){1,30}`): the classic shape of
 * catastrophic backtracking. Such patterns are refused when an element is defined. A heuristic
 * (overlapping alternatives such as `(a|a)*` pass): checks also run under a deadline
 * (`checkValue`'s `match` parameter).
 */
export function hasNestedUnboundedRepetition(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: does it contain an unbounded repetition?
  let lastGroupUnbounded = false; // the atom just closed is a group containing one
  let i = 0;
  // `unbounded`: `*`, `+`, `{n,}`; `repeats`: also `{n,m}` with m ≥ 10 (as many ways to split a run).
  const quantifierAt = (j: number): { unbounded: boolean; repeats: boolean; length: number } | null => {
    const c = pattern[j];
    if (c === '*' || c === '+') return { unbounded: true, repeats: true, length: 1 };
    if (c === '?') return { unbounded: false, repeats: false, length: 1 };
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(j));
      if (m) {
        const unbounded = m[2] !== undefined && m[3] === '';
        const max = unbounded ? Infinity : Number(m[3] ?? m[1]);
        return { unbounded, repeats: max >= 10, length: m[0].length };
      }
    }
    return null;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    let atomIsGroup = false;
    if (c === '\\') {
      i += 2;
    } else if (c === '[') {
      i++;
      // In JavaScript `[]` is an empty class and `[^]` any character: a ']' right after '[' closes it.
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      groups.push(false);
      i++;
      if (pattern[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        i++;
        if (pattern[i] === '<' && pattern[i + 1] !== '=' && pattern[i + 1] !== '!') {
          while (i < pattern.length && pattern[i] !== '>') i++;
        } else if (pattern[i] === '<') i++;
        i++;
      }
      continue;
    } else if (c === ')') {
      lastGroupUnbounded = groups.pop() ?? false;
      atomIsGroup = true;
      i++;
    } else {
      i++;
    }
    const q = quantifierAt(i);
    if (q) {
      if (atomIsGroup && lastGroupUnbounded && q.repeats) return true;
      if (q.repeats && groups.length) groups[groups.length - 1] = true;
      i += q.length;
      if (pattern[i] === '?') i++; // lazy
    }
    if (atomIsGroup && lastGroupUnbounded && groups.length) groups[groups.length - 1] = true;
  }
  return false;
}

/**
 * Compiles a user pattern: at most 500 characters, valid on its own as a Unicode-mode regular
 * expression, no nested unbounded repetition; the result is anchored to the whole value
 * (`^(?:pattern)$`), so `\d{6}` does not accept `x123456y`.
 */
export function compilePattern(pattern: string): PatternCompilation {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: 'regex_too_long' };
  try {
    // Alone first: a pattern such as `a)|(b` only compiles once wrapped, and would then escape the anchors.
    new RegExp(pattern, 'u');
  } catch {
    return { ok: false, reason: 'regex_invalid' };
  }
  if (hasNestedUnboundedRepetition(pattern)) return { ok: false, reason: 'regex_unsafe' };
  return { ok: true, regex: new RegExp(`^(?:${pattern})$`, 'u') };
}

const compiled = new Map<string, RegExp>();
const COMPILED_CACHE_SIZE = 500;

/** The anchored regular expression of an acceptable pattern (compiled once, cached); null if refused. */
export function patternRegex(pattern: string): RegExp | null {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  const c = compilePattern(pattern);
  if (!c.ok) return null;
  if (compiled.size >= COMPILED_CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, c.regex);
  return c.regex;
}

/** Matches a value against a user pattern (whole value), without a time limit. */
export function matchPattern(pattern: string, value: string): ValueCheck {
  const regex = patternRegex(pattern);
  return regex && regex.test(value) ? OK : fail('pattern_mismatch');
}

// ---------------------------------------------------------------------------------------------
// Code lists, data types, whole elements
// ---------------------------------------------------------------------------------------------

export function inCodeList(codeList: readonly CodeItem[], value: string): ValueCheck {
  return codeList.some((c) => c.code === value) ? OK : fail('not_in_code_list');
}

export function checkDataType(dataType: DataType, value: string): ValueCheck {
  switch (dataType) {
    case 'string':
    case 'code':
      return OK;
    case 'integer':
      return /^-?(?:0|[1-9]\d*)$/.test(value) ? OK : fail('not_integer');
    case 'decimal':
      return /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(value) ? OK : fail('not_decimal');
    case 'date':
      return validateDate(value);
    case 'datetime':
      return validateDateTime(value);
    case 'boolean':
      return value === 'true' || value === 'false' ? OK : fail('not_boolean');
  }
}

export interface ElementSpec {
  dataType: DataType;
  format: Format | null;
  codeList: readonly CodeItem[] | null;
}

/** Matches a value against a user pattern; the server passes one that runs under a deadline. */
export type PatternMatcher = (pattern: string, value: string) => ValueCheck;

/** Checks a value against an element: its data type, then its format, then its code list. */
export function checkValue(spec: ElementSpec, value: string, match: PatternMatcher = matchPattern): ValueCheck {
  const typed = checkDataType(spec.dataType, value);
  if (!typed.valid) return typed;
  if (spec.format) {
    const formatted =
      spec.format.kind === 'regex'
        ? match(spec.format.pattern, value)
        : isValidatorName(spec.format.name)
          ? runValidator(spec.format.name, value)
          : fail('format');
    if (!formatted.valid) return formatted;
  }
  if (spec.codeList) return inCodeList(spec.codeList, value);
  return OK;
}

export type SpecProblem =
  | { problem: 'format'; reason: PatternProblem | 'unknown_validator' | 'incompatible_type' }
  | { problem: 'code_list_required' }
  | { problem: 'code_list_not_allowed' }
  | { problem: 'code_list'; reason: 'duplicate_code' | 'code_fails_format'; code: string };

/**
 * Whether an element's definition is coherent: a known validator that fits the data type, a
 * compilable and safe pattern (not on booleans), a code list if and only if the type is `code`,
 * with distinct codes that satisfy the format.
 */
export function checkSpec(spec: ElementSpec): SpecProblem | null {
  if (spec.format) {
    if (spec.format.kind === 'validator') {
      if (!isValidatorName(spec.format.name)) return { problem: 'format', reason: 'unknown_validator' };
      if (!VALIDATORS[spec.format.name].dataTypes.includes(spec.dataType)) return { problem: 'format', reason: 'incompatible_type' };
    } else {
      const c = compilePattern(spec.format.pattern);
      if (!c.ok) return { problem: 'format', reason: c.reason };
      if (spec.dataType === 'boolean') return { problem: 'format', reason: 'incompatible_type' };
    }
  }
  if (spec.dataType === 'code' && !spec.codeList) return { problem: 'code_list_required' };
  if (spec.dataType !== 'code' && spec.codeList) return { problem: 'code_list_not_allowed' };
  if (spec.codeList) {
    const seen = new Set<string>();
    for (const item of spec.codeList) {
      if (seen.has(item.code)) return { problem: 'code_list', reason: 'duplicate_code', code: item.code };
      seen.add(item.code);
      if (spec.format && !checkValue({ dataType: 'string', format: spec.format, codeList: null }, item.code).valid) {
        return { problem: 'code_list', reason: 'code_fails_format', code: item.code };
      }
    }
  }
  return null;
}
