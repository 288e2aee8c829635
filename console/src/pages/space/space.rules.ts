/**
 * The rules of data-subject authorization (数据主体授权) the server applies to a request
 * (src/modules/authorization/consent.rules.ts, consent.service.ts and the request schema), mirrored
 * for the console so the request form shows them before anything is sent. Pure;
 * test/console/space-rules.test.ts checks it against the server's own functions.
 */
import { validateUscc } from '../../../../src/platform/uscc.validator';

export const CONSENT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'revoked', 'expired', 'exhausted'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
/** The purposes the platform ships with (config `authorization.purposes`); the form asks the API for the live list. */
export const KNOWN_PURPOSES = ['credit_approval', 'post_loan_management', 'insurance_underwriting', 'employment_screening', 'tender_qualification', 'public_service', 'other'] as const;
export const NOTIFICATION_KINDS = [
  'consent.requested', 'consent.approved', 'consent.rejected', 'consent.withdrawn', 'consent.revoked', 'consent.expired', 'consent.exhausted',
  'consent.deletion_attested', 'consent.deletion_overdue',
  'agreement.applied', 'agreement.reviewed', 'agreement.rejected', 'agreement.withdrawn', 'agreement.sealed', 'agreement.activated', 'agreement.suspended',
  'agreement.resumed', 'agreement.terminated', 'agreement.expired',
  'licence.issued', 'licence.revoked',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Longest data period a request may cover, in months (consent.rules.ts MAX_PERIOD_MONTHS). */
export const MAX_PERIOD_MONTHS = 120;
/** The validity ends at most this many days on (consent.service.ts: five years of 366 days). */
export const MAX_VALIDITY_DAYS = 5 * 366;
export const MAX_USES = 1_000_000;
export const MAX_ITEMS = 20;
/** The shape the API accepts for a holder's USCC (ConsentRequestBody.holderUscc). */
export const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Why a USCC is not acceptable (length, charset, division, checksum, shape), or null. */
export function usccProblem(value: string): 'length' | 'charset' | 'division' | 'checksum' | 'shape' | null {
  const r = validateUscc(value);
  if (!r.valid) return r.reason;
  return USCC_SHAPE.test(value) ? null : 'shape';
}

/** The months from `from` to `to` inclusive (YYYY-MM), or null when not a valid range (as the server counts them). */
export function monthsBetween(from: string, to: string): string[] | null {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b || to < from) return null;
  const out: string[] = [];
  let y = Number(a[1]);
  let m = Number(a[2]);
  while (`${y}-${String(m).padStart(2, '0')}` <= to) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (out.length > MAX_PERIOD_MONTHS) return null;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Why a data period is refused ('not_a_month', 'to_before_from', 'too_long'), or null. */
export function periodProblem(from: string | undefined, to: string | undefined): 'not_a_month' | 'to_before_from' | 'too_long' | null {
  if (!from || !to || !MONTH.test(from) || !MONTH.test(to)) return 'not_a_month';
  if (to < from) return 'to_before_from';
  return monthsBetween(from, to) ? null : 'too_long';
}

/** The end of a calendar day in Asia/Shanghai (UTC+8) as an ISO instant: an authorization valid "until 2026-03-01" lasts that whole day. */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();
}

/** Why a validity date is refused ('not_a_date', 'not_in_future', 'too_far'), or null. */
export function validityProblem(date: string | undefined, now: Date = new Date()): 'not_a_date' | 'not_in_future' | 'too_far' | null {
  if (!date || !DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return 'not_a_date';
  const until = Date.parse(endOfShanghaiDay(date));
  if (until <= now.getTime()) return 'not_in_future';
  if (until - now.getTime() > MAX_VALIDITY_DAYS * DAY_MS) return 'too_far';
  return null;
}

/** Calendar date in Asia/Shanghai, `days` later when asked. */
export function shanghaiDay(now: Date = new Date(), days = 0): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10);
}

/** A month (YYYY-MM) `delta` months from the month of `now` in Asia/Shanghai. */
export function shanghaiMonth(now: Date = new Date(), delta = 0): string {
  const d = new Date(now.getTime() + 8 * 3600_000);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** A consent record as the server writes it (consent.rules.ts consentRecord), as far as the console shows it. */
export interface ConsentRecord {
  schema?: string;
  version?: string;
  consentId?: string;
  timestamp?: string;
  jurisdiction?: string;
  piiPrincipal?: { id: string; kind?: string; name?: { zh: string; en: string }; identifier?: { scheme: string; value: string | null } };
  piiControllers?: Array<{ id: string; name?: { zh: string; en: string }; identifier?: { scheme: string; value: string | null } }>;
  purposes?: Array<{ purpose: string; description?: string; legalBasis?: string; legalBasisReference?: string }>;
  dataCategories?: Array<{ code: string; name?: { zh: string; en: string }; fields?: string[]; source?: { orgId: string; resourceId: string } }>;
  dataPeriod?: { from: string; to: string };
  validUntil?: string;
  maxUses?: number;
  delivery?: string;
  withdrawal?: { method?: string; url?: string; effect?: string };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Why a resident identity number is not valid, or null — the server's rule
 * (src/modules/authorization/account.service.ts, GB 11643-1999): 18 characters, a real birth date,
 * the ISO 7064 MOD 11-2 check character.
 */
export function residentIdProblem(value: string): 'format' | 'birth_date' | 'checksum' | null {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || id.slice(6, 10) < '1900') return 'birth_date';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17] ? null : 'checksum';
}
