/**
 * Classification and grading (分类分级) and the sharing/open attributes it constrains. Pure rules,
 * no I/O. Sources: ../shared/reference/rules-cn.md §2 — GB/T 43697-2024 《数据安全技术 数据分类分级
 * 规则》 (levels, 就高从严), PIPL Art. 28 (sensitive personal information), the Guangdong public-data
 * sharing and opening classes (无条件 / 有条件 / 不予).
 */

/** GB/T 43697-2024 levels, highest first: 核心数据 > 重要数据 > 一般数据. */
export const LEVELS = ['core', 'important', 'general'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Sub-levels of general data (一般数据), GB/T 43697-2024 Annex H (informative; rules-cn.md §2.1
 * marks it [M], so it is configurable: `catalog.generalLevels`, default 4): 4 especially serious
 * harm (sensitive personal information typically ≥ 4), 3 serious, 2 ordinary, 1 none / publishable.
 * GENERAL_LEVELS is the default set; the API schema accepts up to MAX_GENERAL_LEVELS and the
 * service checks the configured number.
 */
export const GENERAL_LEVELS = [1, 2, 3, 4] as const;
export const MAX_GENERAL_LEVELS = 10;

/** Personal-information category of a field (GB/T 43697-2024 Annex A: 个人信息; PIPL). */
export const PERSONAL_INFO = ['none', 'personal', 'sensitive'] as const;
export type PersonalInfo = (typeof PERSONAL_INFO)[number];

/** PIPL Art. 28 sensitive personal information (敏感个人信息) categories. */
export const SENSITIVE_CATEGORIES = ['biometrics', 'religious_beliefs', 'specific_identity', 'medical_health', 'financial_accounts', 'whereabouts', 'minors_under_14'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** A field's grade, set by a person. `generalLevel` only (and always) for general data. */
export interface FieldGrade {
  level: Level;
  generalLevel: number | null;
  personalInfo: PersonalInfo;
  sensitiveCategories: SensitiveCategory[];
}

/** Sharing (无条件/有条件/不予共享) and open (无条件/有条件/不予开放) classes. */
export const ATTRIBUTE_TYPES = ['unconditional', 'conditional', 'none'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export interface Attribute {
  type: AttributeType;
  /** Required for conditional. */
  conditions?: string | undefined;
  /** Required for a resource not shared (不予共享); optional for not opened. */
  legalBasis?: string | undefined;
}

const rank = (level: Level | null, general: number | null): number =>
  level === 'core' ? 1000 : level === 'important' ? 500 : level === 'general' ? (general ?? 0) : -1;

/** The resource level: its highest field level (就高从严); null while no field is graded. */
export function resourceGrade(fields: Array<{ grade: FieldGrade | null }>): { level: Level | null; generalLevel: number | null; personalInfo: PersonalInfo } {
  let best: FieldGrade | null = null;
  let pi: PersonalInfo = 'none';
  for (const f of fields) {
    if (!f.grade) continue;
    if (!best || rank(f.grade.level, f.grade.generalLevel) > rank(best.level, best.generalLevel)) best = f.grade;
    if (PERSONAL_INFO.indexOf(f.grade.personalInfo) > PERSONAL_INFO.indexOf(pi)) pi = f.grade.personalInfo;
  }
  return { level: best?.level ?? null, generalLevel: best?.generalLevel ?? null, personalInfo: pi };
}

/** Why a grade is incoherent, or null. */
export function gradeProblem(g: FieldGrade, generalLevels: number = GENERAL_LEVELS.length): string | null {
  if (g.level === 'general') {
    if (g.generalLevel === null) return 'general_level_required';
    if (!Number.isInteger(g.generalLevel) || g.generalLevel < 1 || g.generalLevel > generalLevels) return 'general_level_unknown';
  } else if (g.generalLevel !== null) return 'general_level_not_allowed';
  if ((g.personalInfo === 'sensitive') !== g.sensitiveCategories.length > 0) return g.personalInfo === 'sensitive' ? 'sensitive_categories_required' : 'sensitive_categories_not_allowed';
  return null;
}

/** Why a sharing or open attribute is incomplete, or null. */
export function attributeProblem(kind: 'sharing' | 'open', a: Attribute): string | null {
  if (a.type === 'conditional' && !a.conditions) return 'conditions_required';
  if (a.type !== 'conditional' && a.conditions) return 'conditions_not_allowed';
  if (kind === 'sharing' && a.type === 'none' && !a.legalBasis) return 'legal_basis_required';
  return null;
}

/** A grading rule the sharing/open attributes break, with its basis. */
export interface GradingViolation {
  rule: 'core_never_shared' | 'core_never_opened' | 'important_not_opened_unconditionally' | 'sensitive_pi_not_opened_unconditionally';
  basis: string;
}

/** Checks the sharing/open attributes against the resource's grade. */
export function gradingViolation(grade: { level: Level | null; personalInfo: PersonalInfo }, sharing: Attribute | null, open: Attribute | null): GradingViolation | null {
  const core = 'GB/T 43697-2024: 核心数据 (core data) is never shared, opened or delivered';
  if (grade.level === 'core' && sharing && sharing.type !== 'none') return { rule: 'core_never_shared', basis: core };
  if (grade.level === 'core' && open && open.type !== 'none') return { rule: 'core_never_opened', basis: core };
  if (grade.level === 'important' && open?.type === 'unconditional') {
    return { rule: 'important_not_opened_unconditionally', basis: 'GB/T 43697-2024: 重要数据 (important data) is not opened unconditionally' };
  }
  if (grade.personalInfo === 'sensitive' && open?.type === 'unconditional') {
    return { rule: 'sensitive_pi_not_opened_unconditionally', basis: 'PIPL Art. 28-29: 敏感个人信息 (sensitive personal information) needs separate consent; never 无条件开放' };
  }
  return null;
}
