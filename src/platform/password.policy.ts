/** Pure (no Node APIs): the server's user registration and the console's forms share this rule. */
export type PasswordPolicyResult = { ok: true } | { ok: false; reason: 'too_short' | 'too_long' | 'too_simple' };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSPHRASE_LENGTH = 16;

/**
 * Password policy: 10–200 characters (counted as Unicode code points), and either at least 16
 * characters of anything (a passphrase, per NIST SP 800-63B §5.1.1 favouring length) or at least
 * three of the four classes lower case, upper case, digit, other (GB/T 22239-2019 等保 2.0
 * "口令应有复杂度要求"). Letters and digits are judged by Unicode category, so Chinese characters
 * count as "other".
 */
export function passwordPolicy(password: string): PasswordPolicyResult {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, reason: 'too_short' };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  if (length >= PASSPHRASE_LENGTH) return { ok: true };
  let classes = 0;
  if (/\p{Ll}/u.test(password)) classes++;
  if (/\p{Lu}/u.test(password)) classes++;
  if (/\p{Nd}/u.test(password)) classes++;
  if (/[^\p{Ll}\p{Lu}\p{Nd}]/u.test(password)) classes++;
  return classes >= 3 ? { ok: true } : { ok: false, reason: 'too_simple' };
}
