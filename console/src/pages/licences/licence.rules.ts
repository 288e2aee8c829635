/**
 * The rules of licences (电子证照) the server applies (src/modules/authorization/licence.rules.ts and
 * licence.service.ts), mirrored for the console: the holder's identifier by the type's holder kind
 * (the console's USCC and resident-ID checks of space.rules.ts), the number by the type's rule, the
 * validity; the file a holder downloads and the verdict of a check in words. Pure;
 * test/console/licence-rules.test.ts checks it against the server's own functions.
 */
import { residentIdProblem, usccProblem } from '../space/space.rules';

export type HolderKind = 'legal_person' | 'natural_person';
export type LicenceState = 'valid' | 'expired' | 'revoked';
export const LICENCE_STATES: readonly LicenceState[] = ['valid', 'expired', 'revoked'];
/** The statuses the issued list filters by (LicenceListQuery.status): not revoked (valid or expired), revoked. */
export const LICENCE_STATUS_FILTERS = ['valid', 'revoked'] as const;
export type LicenceStatusFilter = (typeof LICENCE_STATUS_FILTERS)[number];

/** A licence type as /authorization/licence-types describes it. */
export interface LicenceTypeRule {
  code: string;
  holderKind: HolderKind;
  numberIsHolderId: boolean;
  numberPattern: string | null;
}

/** The signed licence document (licence.service.ts LicenceDocument), as far as the console shows it. */
export interface LicenceDocument {
  type: 'liutong.licence';
  v: number;
  id: string;
  licenceType: { code: string; name: { zh: string; en: string } };
  number: string;
  holder: { kind: HolderKind; identifier: { scheme: string; value: string }; name: string };
  content: Array<{ key: string; label: { zh: string; en: string }; value: string }>;
  validFrom: string;
  validTo: string | null;
  issuer: { orgId: string; name: { zh: string; en: string } };
  issuedAt: string;
}

/**
 * Why a holder identifier is not acceptable for the kind, or null: a USCC (GB 32100-2015, the
 * console's usccProblem: length, charset, division, checksum, shape) or a resident identity number
 * (GB 11643-1999: format, birth_date, checksum). Upper-cased first, as the server does.
 */
export function holderIdProblem(kind: HolderKind, id: string): { kind: 'uscc'; problem: NonNullable<ReturnType<typeof usccProblem>> } | { kind: 'resident_id'; problem: NonNullable<ReturnType<typeof residentIdProblem>> } | null {
  const value = id.trim().toUpperCase();
  if (kind === 'legal_person') {
    const problem = usccProblem(value);
    return problem ? { kind: 'uscc', problem } : null;
  }
  const problem = residentIdProblem(value);
  return problem ? { kind: 'resident_id', problem } : null;
}

/** Why a number is not acceptable for the type, or null: the holder's identifier itself, or the type's pattern. */
export function numberProblem(type: LicenceTypeRule, number: string, holderId: string): 'number_is_holder_id' | 'number_format' | null {
  const n = number.trim().toUpperCase();
  if (type.numberIsHolderId) return n === holderId.trim().toUpperCase() ? null : 'number_is_holder_id';
  if (!type.numberPattern) return n ? null : 'number_format';
  return new RegExp(type.numberPattern).test(n) ? null : 'number_format';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Why a validity is refused, or null: a first day, and a last day not before it unless long-term. */
export function validityProblem(from: string | undefined, to: string | undefined, longTerm: boolean): 'valid_from' | 'valid_to' | 'valid_to_before_from' | null {
  if (!from || !isDate(from)) return 'valid_from';
  if (longTerm) return null;
  if (!to || !isDate(to)) return 'valid_to';
  return to < from ? 'valid_to_before_from' : null;
}

/** A person's identity number as the platform masks it (its first four and last four characters); other numbers as they are. */
export function maskNumber(kind: HolderKind, number: string): string {
  return kind === 'natural_person' && number.length === 18 ? `${number.slice(0, 4)}${'*'.repeat(10)}${number.slice(14)}` : number;
}

/** What a holder downloads and anyone may check: the document and its seal, nothing else. */
export function licenceFile(held: { document: unknown; seal: unknown }): { document: unknown; seal: unknown } {
  return { document: held.document, seal: held.seal };
}

/** `licence-FOOD_BUSINESS_LICENCE-lic_….json` */
export function licenceFileName(doc: { id?: unknown; licenceType?: { code?: unknown } }): string {
  const safe = (v: unknown, fallback: string) => (typeof v === 'string' && /^[A-Za-z0-9_]+$/.test(v) ? v : fallback);
  return `licence-${safe(doc.licenceType?.code, 'unknown')}-${safe(doc.id, 'licence')}.json`;
}

export type FileProblem = 'empty' | 'json' | 'shape';

/** Reads a licence file (pasted or uploaded): `{ document, seal }`, both objects. */
export function parseLicenceFile(text: string): { ok: true; document: Record<string, unknown>; seal: Record<string, unknown> } | { ok: false; problem: FileProblem } {
  if (!text.trim()) return { ok: false, problem: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'json' };
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(parsed) || !isObject(parsed.document) || !isObject(parsed.seal)) return { ok: false, problem: 'shape' };
  return { ok: true, document: parsed.document, seal: parsed.seal };
}

/** The server's answer to a check (LicenceVerification). */
export interface LicenceCheck {
  valid: boolean;
  signature: string;
  registered: boolean;
  issuerMatches: boolean;
  state: LicenceState | 'unknown';
  licenceType: string | null;
  issuer: { orgId: string; name: { zh: string; en: string } } | null;
  validTo: string | null;
  revokedAt: string | null;
}

export type VerdictReason = 'signature' | 'not_registered' | 'issuer_mismatch' | 'revoked' | 'expired';

/** Why a check failed, the first reason that holds (the seal, then the platform's record, the issuer, the state); null when valid. */
export function verdictReason(c: LicenceCheck): VerdictReason | null {
  if (c.valid) return null;
  if (c.signature !== 'valid') return 'signature';
  if (!c.registered) return 'not_registered';
  if (!c.issuerMatches) return 'issuer_mismatch';
  if (c.state === 'revoked') return 'revoked';
  if (c.state === 'expired') return 'expired';
  return 'not_registered';
}
