/**
 * Validators for the two national identifiers Liutong accepts at registration:
 *
 * - 统一社会信用代码 (Unified Social Credit Code, USCC) per GB 32100-2015, for organisations;
 * - 居民身份证号码 (citizen identification number) per GB 11643-1999, for natural persons.
 *
 * Nothing is normalised silently: lower-case letters, spaces or full-width characters make the
 * input invalid (reason 'charset') so the caller can decide whether to ask the user again.
 *
 * Pure (no Node APIs): the server's registration and the console's forms use this same file.
 */

// GB 32100-2015 §4.1: the code alphabet is the digits plus 21 upper-case Latin letters; I, O, Z,
// S and V are excluded to avoid confusion with 1, 0, 2, 5 and U. A character's value is its index.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 §5 / Annex: weights W_i = 3^(i-1) mod 31 for positions 1..17.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_CHARSET = /^[0-9A-HJ-NPQRTUWXY]*$/;

export type UsccFailureReason = 'length' | 'charset' | 'division' | 'checksum';
export type UsccValidation = { valid: true } | { valid: false; reason: UsccFailureReason };

/**
 * Computes the 18th (check) character from the first 17 characters.
 * GB 32100-2015 §5: C18 = 31 − (Σ C_i × W_i mod 31); a result of 31 is written as 0.
 * Throws a RangeError if `first17` is not 17 characters of the code alphabet.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17 || !USCC_CHARSET.test(first17)) {
    throw new RangeError('usccCheckChar expects 17 characters of the GB 32100-2015 alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Appends the check character to 17 leading characters (for demo data and fixtures). */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

/**
 * Validates a USCC. Checks, in order: length 18 (§4), alphabet (§4.1), positions 3–8 are a
 * six-digit administrative division code per GB/T 2260 (§4.3), and the §5 check character.
 * Positions 1–2 (registration authority / organisation category, §4.2) are only charset-checked,
 * and the GB 11714 check character at position 17 is deliberately not enforced: registries have
 * issued codes whose embedded organisation code does not satisfy it, while the 18th is always right.
 */
export function validateUscc(code: string): UsccValidation {
  if (typeof code !== 'string' || code.length !== 18) return { valid: false, reason: 'length' };
  if (!USCC_CHARSET.test(code)) return { valid: false, reason: 'charset' };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { valid: false, reason: 'division' };
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { valid: false, reason: 'checksum' };
  return { valid: true };
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).valid;
}

// ---------------------------------------------------------------------------------------------
// 居民身份证号码, GB 11643-1999
// ---------------------------------------------------------------------------------------------

// GB 11643-1999 §7 (ISO 7064:1983 MOD 11-2): W_i = 2^(18-i) mod 11 for positions 1..17,
// and the check character for (Σ a_i × W_i) mod 11 = 0..10.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_MAP = '10X98765432';

export type ResidentIdFailureReason = 'length' | 'charset' | 'birth_date' | 'checksum';
export type ResidentIdValidation =
  | { valid: true; birthDate: string; sex: 'M' | 'F' }
  | { valid: false; reason: ResidentIdFailureReason };

/** Check character (digit or 'X') for the first 17 digits of a citizen identification number. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_MAP.charAt(sum % 11);
}

/**
 * Validates an 18-character citizen identification number (GB 11643-1999 §4):
 * positions 1–6 address code, 7–14 birth date YYYYMMDD (§5.2), 15–17 sequence code whose last
 * digit is odd for men and even for women (§5.3), 18 the MOD 11-2 check character (§5.4), where
 * 10 is written as upper-case 'X' (lower-case 'x' is rejected as 'charset', not normalised).
 * The birth date must be a real Gregorian date not after `now` (UTC calendar day).
 * Returns birthDate as 'YYYY-MM-DD'. The legacy 15-digit form is not accepted.
 */
export function validateResidentId(id: string, now: Date = new Date()): ResidentIdValidation {
  if (typeof id !== 'string' || id.length !== 18) return { valid: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, reason: 'charset' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    year >= 1 &&
    birth.getUTCFullYear() === year &&
    birth.getUTCMonth() === month - 1 &&
    birth.getUTCDate() === day;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (!realDate || birth.getTime() > today) return { valid: false, reason: 'birth_date' };
  if (residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) return { valid: false, reason: 'checksum' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const sex = Number(id.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return { valid: true, birthDate, sex };
}
