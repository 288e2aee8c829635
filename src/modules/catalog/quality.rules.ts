/**
 * Data quality rules and scoring (质量), after GB/T 36344-2018 《信息技术 数据质量评价指标》: six
 * dimensions — 规范性 conformity, 完整性 completeness, 准确性 accuracy, 一致性 consistency,
 * 时效性 timeliness, 可访问性 accessibility. Pure (no I/O).
 *
 * Rule kinds and the dimension each measures (GB/T 36344-2018 §5 indicators in brackets):
 *
 * | rule                         | source                          | dimension     | indicator (GB/T 36344)            |
 * |------------------------------|---------------------------------|---------------|-----------------------------------|
 * | element (format, code list)  | derived from the bound element  | conformity    | 数据标准 / 权威参考数据            |
 * | pattern, codes               | user                            | conformity    | 业务规则                            |
 * | filled (every field)         | derived                         | completeness  | 数据元素完整性                      |
 * | required                     | user                            | completeness  | 数据记录完整性                      |
 * | unique                       | user                            | accuracy      | 数据唯一性 / 数据重复率              |
 * | range (min/max)              | user                            | accuracy      | 数据内容正确性                      |
 * | compare (cross-field)        | user                            | consistency   | 关联数据一致性                      |
 * | freshness (a date's maximum) | user                            | timeliness    | 基于时间点的及时性                  |
 * | mount age (update frequency) | derived                         | timeliness    | 时间周期性                          |
 * | mounted, readable/answering  | derived                         | accessibility | 可访问 / 可用                       |
 *
 * Scoring: each rule has a pass rate in [0, 1] — for row rules 1 − failing / checked rows (a rule
 * checks only rows where its field has a value, except `required`/`filled`); for the freshness
 * and mount-age checks 1 while the age is within the allowance, falling linearly to 0 at twice the
 * allowance; for accessibility checks 1 or 0. A dimension's score is 100 × the mean pass rate of
 * its rules (100 when it has none: nothing was found wrong; the report says how many rules it
 * had). The overall score is the unweighted mean of the six dimension scores (the standard gives
 * no weights). Scores are rounded to two decimals.
 */

export const DIMENSIONS = ['accuracy', 'consistency', 'completeness', 'conformity', 'timeliness', 'accessibility'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const COMPARE_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** Rules a user adds to a resource (kept per resource, applied to every version's data). */
export type UserRule =
  | { kind: 'required'; field: string }
  | { kind: 'unique'; field: string }
  | { kind: 'range'; field: string; min?: string | undefined; max?: string | undefined }
  | { kind: 'pattern'; field: string; pattern: string }
  | { kind: 'codes'; field: string; values: string[] }
  | { kind: 'compare'; field: string; op: CompareOp; other: string }
  | { kind: 'freshness'; field: string; maxAgeDays?: number | undefined };
export const USER_RULE_KINDS = ['required', 'unique', 'range', 'pattern', 'codes', 'compare', 'freshness'] as const;

/** Rules the platform derives. */
export type DerivedRule =
  | { kind: 'element'; field: string; element: string }
  | { kind: 'filled'; field: string }
  | { kind: 'mount_age'; maxAgeDays: number }
  | { kind: 'mounted' }
  | { kind: 'readable' };

export type Rule = UserRule | DerivedRule;

export const DIMENSION_OF: Record<Rule['kind'], Dimension> = {
  element: 'conformity',
  pattern: 'conformity',
  codes: 'conformity',
  filled: 'completeness',
  required: 'completeness',
  unique: 'accuracy',
  range: 'accuracy',
  compare: 'consistency',
  freshness: 'timeliness',
  mount_age: 'timeliness',
  mounted: 'accessibility',
  readable: 'accessibility',
};

/** Days of data a declared update frequency allows (realtime: a day; irregular: no check). */
export const FREQUENCY_DAYS: Record<string, number | null> = {
  realtime: 1, daily: 1, weekly: 7, monthly: 31, quarterly: 92, yearly: 366, irregular: null,
};

/** Pass rate of an age check: 1 within the allowance, linearly down to 0 at twice the allowance. */
export function agePassRate(ageDays: number, allowedDays: number): number {
  if (ageDays <= allowedDays) return 1;
  return Math.max(0, 1 - (ageDays - allowedDays) / allowedDays);
}

export interface RuleResult {
  rule: Rule;
  dimension: Dimension;
  /** Rows (or checks) the rule applied to and how many failed; `passRate` in [0, 1]. */
  checked: number;
  failed: number;
  passRate: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Dimension scores (0–100) and the overall score, per the formula above. */
export function score(results: RuleResult[]): { scores: Record<Dimension, number>; ruleCounts: Record<Dimension, number>; overall: number } {
  const scores = {} as Record<Dimension, number>;
  const ruleCounts = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) {
    const mine = results.filter((r) => r.dimension === d);
    ruleCounts[d] = mine.length;
    scores[d] = mine.length ? round2((100 * mine.reduce((s, r) => s + r.passRate, 0)) / mine.length) : 100;
  }
  const overall = round2(DIMENSIONS.reduce((s, d) => s + scores[d], 0) / DIMENSIONS.length);
  return { scores, ruleCounts, overall };
}

export const rowPassRate = (checked: number, failed: number) => (checked === 0 ? 1 : 1 - failed / checked);
