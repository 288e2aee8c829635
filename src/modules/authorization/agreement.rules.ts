/**
 * The authorized-operation agreement's rules, pure (no I/O): the state machine, the modes and the term.
 *
 * Sources (../shared/reference/rules-cn.md §4): 公共数据资源授权运营实施规范(试行) (发改数据规〔2025〕27号)
 * — modes 整体授权 / 分领域授权 / 依场景授权; roles 实施机构 (implementing body) and 运营机构
 * (operator); the agreement's term "原则上不超过5年" [M: config `authorization.maxTermYears`].
 * 广州市公共数据授权运营管理暂行办法 (穗政数〔2024〕44号): "一场景一申请" — a scenario-mode
 * application names exactly one scenario.
 */

export const MODES = ['whole', 'domain', 'scenario'] as const;
export type Mode = (typeof MODES)[number];
export const STATUSES = ['applied', 'reviewed', 'rejected', 'withdrawn', 'signed', 'active', 'suspended', 'terminated', 'expired'] as const;
export type AgreementStatus = (typeof STATUSES)[number];
export type Action = 'review' | 'reject' | 'withdraw' | 'seal' | 'activate' | 'suspend' | 'resume' | 'terminate' | 'expire' | 'declare';

/** Default longest term in years (实施规范: 原则上不超过5年). */
export const DEFAULT_MAX_TERM_YEARS = 5;

/**
 * applied → reviewed (the implementing body) | rejected | withdrawn (the operator);
 * reviewed → sealed by both parties → signed (sealing is allowed while reviewed; the second seal
 * completes it) | rejected | withdrawn; signed → active (from the term's first day) | terminated;
 * active ⇄ suspended; active/suspended → terminated | expired. Products are declared while active.
 * Terminal: rejected, withdrawn, terminated, expired. An illegal transition is 409.
 */
export const TRANSITIONS: Record<AgreementStatus, Partial<Record<Action, AgreementStatus>>> = {
  applied: { review: 'reviewed', reject: 'rejected', withdraw: 'withdrawn' },
  reviewed: { seal: 'reviewed', reject: 'rejected', withdraw: 'withdrawn' },
  rejected: {},
  withdrawn: {},
  signed: { activate: 'active', terminate: 'terminated' },
  active: { suspend: 'suspended', terminate: 'terminated', expire: 'expired', declare: 'active' },
  suspended: { resume: 'active', terminate: 'terminated', expire: 'expired' },
  terminated: {},
  expired: {},
};

export const allowed = (status: AgreementStatus, action: Action): boolean => TRANSITIONS[status][action] !== undefined;

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
  // The term runs from `from` through `to`: at most maxYears years means ending before the anniversary.
  if (to >= addYears(from, maxYears)) return 'too_long';
  return null;
}

/** Why the mode does not fit its content, or null (实施规范; 穗政数〔2024〕44号 一场景一申请). */
export function modeProblem(mode: Mode, domain: string | null | undefined, scenarios: string[]): string | null {
  if (mode === 'domain' && !domain?.trim()) return 'domain_required';
  if (mode !== 'domain' && domain?.trim()) return 'domain_only_for_domain_mode';
  if (mode === 'scenario' && scenarios.length !== 1) return 'one_scenario_per_application';
  return null;
}

/** The instant a term ends: midnight after its last day, Asia/Shanghai (UTC+8, no daylight saving). */
export const termEnd = (to: string): Date => new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
/** The instant a term starts: its first day's midnight, Asia/Shanghai. */
export const termStart = (from: string): Date => new Date(`${from}T00:00:00+08:00`);

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
