/**
 * Desensitisation (脱敏) — pure functions. Each field gets a method from a default matrix by its
 * grade (GB/T 43697-2024 level) and personal-information class (PIPL Art. 28), which a grant may
 * only strengthen. Methods, weakest to strongest:
 *   none < truncate < generalise < mask < hash
 * - truncate: keeps the leading part (a third of the characters; a date's year; a number's
 *   magnitude bucket);
 * - generalise: date → year-month, amount/number → a power-of-ten range, address → its first
 *   segment (province/city), resident ID → its 6-digit region code;
 * - mask: format-aware asterisks (GB/T 35273-2020 §6.2 / GB/T 37964-2019 examples): resident ID
 *   110101********1234, mobile 138****5678, bank card keeps the last 4, others keep first and last
 *   character;
 * - hash: HMAC-SHA256 under the grant's own salt — the same value maps to the same token within a
 *   grant (so rows can still be joined) but not across grants.
 * Sensitive personal information (PIPL Art. 28) is never delivered in clear: its floor is `mask`
 * whatever the configuration says.
 */
import { createHmac } from 'node:crypto';

export const MASK_METHODS = ['none', 'truncate', 'generalise', 'mask', 'hash'] as const;
export type MaskMethod = (typeof MASK_METHODS)[number];
const STRENGTH: Record<MaskMethod, number> = { none: 0, truncate: 1, generalise: 2, mask: 3, hash: 4 };

/** Default methods by grade and personal-information class (config `gateway.masking`). */
export interface MaskingMatrix {
  general: MaskMethod;
  important: MaskMethod;
  personal: MaskMethod;
  sensitive: MaskMethod;
}
export const DEFAULT_MASKING: MaskingMatrix = { general: 'none', important: 'none', personal: 'mask', sensitive: 'hash' };
/** PIPL Art. 28: sensitive personal information is never delivered in clear. */
export const SENSITIVE_FLOOR: MaskMethod = 'mask';

export interface MaskableField {
  name: string;
  dataType: string;
  level: 'core' | 'important' | 'general' | null;
  personalInfo: 'none' | 'personal' | 'sensitive' | null;
  validator: string | null;
  elementIdentifier?: string | null;
}

export const strength = (m: MaskMethod): number => STRENGTH[m];
export const stronger = (a: MaskMethod, b: MaskMethod): MaskMethod => (STRENGTH[b] > STRENGTH[a] ? b : a);
export const isWeaker = (a: MaskMethod, than: MaskMethod): boolean => STRENGTH[a] < STRENGTH[than];

/** The method the platform requires for a field (before any grant-specific strengthening). */
export function requiredMethod(field: MaskableField, matrix: MaskingMatrix): MaskMethod {
  let m: MaskMethod = field.level === 'important' ? matrix.important : matrix.general;
  if (field.personalInfo === 'personal') m = stronger(m, matrix.personal);
  if (field.personalInfo === 'sensitive') m = stronger(stronger(m, matrix.sensitive), SENSITIVE_FLOOR);
  return m;
}

/** The method applied for a field under a grant's masking (which can only add strength). */
export function effectiveMethod(field: MaskableField, matrix: MaskingMatrix, grantMasking: Record<string, MaskMethod> | null | undefined): MaskMethod {
  const required = requiredMethod(field, matrix);
  const asked = grantMasking?.[field.name];
  return asked ? stronger(required, asked) : required;
}

/** A grant's masking entry that would weaken the required method, if any. */
export function weakerEntry(fields: MaskableField[], matrix: MaskingMatrix, grantMasking: Record<string, MaskMethod> | null | undefined): { field: string; method: MaskMethod; required: MaskMethod } | null {
  for (const [name, method] of Object.entries(grantMasking ?? {})) {
    const f = fields.find((x) => x.name === name);
    if (!f) continue;
    const required = requiredMethod(f, matrix);
    if (isWeaker(method, required)) return { field: name, method, required };
  }
  return null;
}

type Kind = 'resident_id' | 'mobile' | 'bank_card' | 'date' | 'number' | 'address' | 'text';

const DATE_RE = /^(\d{4})-(\d{2})(-\d{2})?([T ].*)?$/;

function kindOf(f: MaskableField, value: unknown): Kind {
  const v = f.validator ?? '';
  if (v === 'resident_id') return 'resident_id';
  if (v === 'mobile') return 'mobile';
  if (v === 'bank_card') return 'bank_card';
  if (v === 'date' || f.dataType === 'date' || f.dataType === 'datetime') return 'date';
  if (v === 'amount' || f.dataType === 'integer' || f.dataType === 'decimal' || typeof value === 'number') return 'number';
  if (/ADDRESS|ADDR/i.test(f.elementIdentifier ?? '') || /address|addr|地址|住址/i.test(f.name)) return 'address';
  return 'text';
}

const stars = (n: number) => '*'.repeat(Math.max(0, n));

export function maskValue(kind: Kind, s: string): string {
  const n = [...s].length;
  const chars = [...s];
  switch (kind) {
    case 'resident_id':
      return n > 10 ? `${s.slice(0, 6)}${stars(n - 10)}${s.slice(-4)}` : stars(n);
    case 'mobile':
      return n >= 11 ? `${s.slice(0, 3)}${stars(n - 7)}${s.slice(-4)}` : stars(n);
    case 'bank_card':
      return n > 4 ? `${stars(n - 4)}${s.slice(-4)}` : stars(n);
    default:
      return n <= 2 ? stars(n) : `${chars[0]}${stars(n - 2)}${chars[n - 1]}`;
  }
}

/** Power-of-ten range of a number: 12345 → "10000-99999" (negative: "-99999--10000"). */
export function numberRange(x: number): string {
  if (!Number.isFinite(x)) return '';
  const a = Math.abs(Math.trunc(x));
  const lo = a < 10 ? 0 : 10 ** Math.floor(Math.log10(a));
  const hi = a < 10 ? 9 : lo * 10 - 1;
  return x < 0 ? `-${hi}--${lo}` : `${lo}-${hi}`;
}

/** First segment of a Chinese address (up to the first 省/市/自治区/特别行政区), or before the first separator. */
export function firstAddressSegment(s: string): string {
  const m = /^(.+?(?:自治区|特别行政区|省|市))/.exec(s);
  if (m) return m[1]!;
  const sep = s.split(/[,，\s/]/).find((p) => p.length > 0);
  return sep ?? '';
}

export function generaliseValue(kind: Kind, s: string, raw: unknown): string {
  switch (kind) {
    case 'date': {
      const m = DATE_RE.exec(s);
      return m ? `${m[1]}-${m[2]}` : maskValue('text', s);
    }
    case 'number': {
      const x = typeof raw === 'number' ? raw : Number(s);
      return Number.isFinite(x) ? numberRange(x) : maskValue('text', s);
    }
    case 'address':
      return firstAddressSegment(s);
    case 'resident_id':
      return s.length >= 6 ? `${s.slice(0, 6)}${stars(s.length - 6)}` : stars(s.length);
    case 'mobile':
      return s.length >= 3 ? `${s.slice(0, 3)}${stars(s.length - 3)}` : stars(s.length);
    default:
      return maskValue(kind, s);
  }
}

export function truncateValue(kind: Kind, s: string, raw: unknown): string {
  if (kind === 'date') {
    const m = DATE_RE.exec(s);
    return m ? m[1]! : s.slice(0, 4);
  }
  if (kind === 'number') return generaliseValue(kind, s, raw);
  const chars = [...s];
  return chars.slice(0, Math.max(1, Math.floor(chars.length / 3))).join('');
}

/** HMAC-SHA256 token of a value under a grant's salt: `h_` + 22 base64url characters (132 bits). */
export function hashValue(salt: Uint8Array, s: string): string {
  return `h_${createHmac('sha256', salt).update(s, 'utf8').digest('base64url').slice(0, 22)}`;
}

/** Applies `method` to one value of `field`. Null and undefined stay as they are. */
export function applyMethod(field: MaskableField, method: MaskMethod, value: unknown, salt: Uint8Array): unknown {
  if (method === 'none' || value === null || value === undefined) return value;
  const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const kind = kindOf(field, value);
  switch (method) {
    case 'hash':
      return hashValue(salt, s);
    case 'mask':
      return maskValue(kind, s);
    case 'generalise':
      return generaliseValue(kind, s, value);
    case 'truncate':
      return truncateValue(kind, s, value);
  }
}

/** A compiled plan: field → method, applied to each row (only fields present in the row). */
export function maskingPlan(fields: MaskableField[], matrix: MaskingMatrix, grantMasking: Record<string, MaskMethod> | null | undefined): Array<{ field: MaskableField; method: MaskMethod }> {
  return fields.map((field) => ({ field, method: effectiveMethod(field, matrix, grantMasking) })).filter((p) => p.method !== 'none');
}

export function maskRow(row: Record<string, unknown>, plan: Array<{ field: MaskableField; method: MaskMethod }>, salt: Uint8Array): Record<string, unknown> {
  if (plan.length === 0) return row;
  const out = { ...row };
  for (const { field, method } of plan) if (field.name in out) out[field.name] = applyMethod(field, method, out[field.name], salt);
  return out;
}
