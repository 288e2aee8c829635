/**
 * The rules of authorized operation (授权运营) the server applies to an application and a product
 * (src/modules/authorization/agreement.rules.ts), mirrored for the console so the forms show a rule
 * before anything is sent. Pure; test/console/authorization-rules.test.ts checks it against the
 * server's own functions.
 *
 * 公共数据资源授权运营实施规范(试行): modes 整体授权 / 分领域授权 / 依场景授权; the term 原则上不超过5年
 * (the server's `authorization.maxTermYears`, 5 unless configured otherwise). 穗政数〔2024〕44号:
 * 一场景一申请 — a scenario-mode application names exactly one scenario.
 */
export const MODES = ['whole', 'domain', 'scenario'] as const;
export type Mode = (typeof MODES)[number];
export const STATUSES = ['applied', 'reviewed', 'rejected', 'withdrawn', 'signed', 'active', 'suspended', 'terminated', 'expired'] as const;
export type AgreementStatus = (typeof STATUSES)[number];
export const PRODUCT_KINDS = ['dataset', 'api', 'indicator', 'report', 'model', 'application'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const PARTY_ROLES = ['implementing_body', 'operator'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** The longest term the console assumes (the server's default; the server decides). */
export const MAX_TERM_YEARS = 5;
/** At most this many resources in one agreement's scope. */
export const MAX_SCOPE = 50;
/** At most this many scenarios in one application. */
export const MAX_SCENARIOS = 20;
/** An amount of yuan: no leading zeros, at most twelve integer digits and two decimals (the API's pattern). */
export const AMOUNT = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;
/** A field name as the catalog has it. */
export const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Adds whole years to a calendar date (29 February → 28 February when the year has none). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Why a term is not acceptable, or null: real dates, to after from, not over, at most `maxYears` long. */
export function termProblem(from: string, to: string, today: string, maxYears: number): string | null {
  if (!validDate(from) || !validDate(to)) return 'not_a_date';
  if (to <= from) return 'to_not_after_from';
  if (to < today) return 'ended';
  if (to >= addYears(from, maxYears)) return 'too_long';
  return null;
}

/** Why the mode does not fit its content, or null. */
export function modeProblem(mode: Mode, domain: string | null | undefined, scenarios: string[]): string | null {
  if (mode === 'domain' && !domain?.trim()) return 'domain_required';
  if (mode !== 'domain' && domain?.trim()) return 'domain_only_for_domain_mode';
  if (mode === 'scenario' && scenarios.length !== 1) return 'one_scenario_per_application';
  return null;
}

/** The scenarios as the server keeps them: trimmed, without blanks and repeats. */
export const cleanScenarios = (list: ReadonlyArray<string | null | undefined>): string[] => [...new Set(list.map((s) => (s ?? '').trim()).filter(Boolean))];

/** A decimal amount of yuan as text, compared exactly (no floating point). */
export function compareAmounts(a: string, b: string): number {
  const norm = (s: string) => {
    const [i = '0', f = ''] = s.split('.');
    return { i: i.replace(/^0+(?=\d)/, ''), f: f.padEnd(2, '0') };
  };
  const x = norm(a);
  const y = norm(b);
  if (x.i.length !== y.i.length) return x.i.length < y.i.length ? -1 : 1;
  const ai = `${x.i}${x.f}`;
  const bi = `${y.i}${y.f}`;
  return ai < bi ? -1 : ai > bi ? 1 : 0;
}

/** A product's fee is above the agreement's cap (only when both are in the same unit, as the server checks). */
export function feeAboveCap(fee: { amount: string; unit: string } | null, cap: { amount: string; unit: string } | null): boolean {
  return !!fee && !!cap && fee.unit.trim() === cap.unit && AMOUNT.test(fee.amount) && compareAmounts(fee.amount, cap.amount) > 0;
}

/** Today's calendar date in Asia/Shanghai (UTC+8, no daylight saving), `years` later when asked. */
export function shanghaiDate(now: Date = new Date(), years = 0): string {
  const d = new Date(now.getTime() + 8 * 3600_000);
  return years ? addYears(d.toISOString().slice(0, 10), years) : d.toISOString().slice(0, 10);
}

/** The years that have ended (newest first), for the disclosure year pickers. */
export function pastYears(now: Date = new Date(), count = 8): number[] {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return Array.from({ length: count }, (_, i) => year - 1 - i);
}

/** Annual disclosure is due by 31 March of the next year. */
export const disclosureDue = (year: number): string => `${year + 1}-03-31`;
