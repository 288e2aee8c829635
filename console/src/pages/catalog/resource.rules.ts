/**
 * The catalog's grading vocabulary and the rules the server applies to sharing and open
 * attributes (src/modules/catalog/resource.grading.ts), mirrored for the console so a form shows
 * the rule before it is sent. Pure; test/console/resource-rules.test.ts checks it against the
 * server's own functions on every combination.
 */
export const LEVELS = ['core', 'important', 'general'] as const;
export type Level = (typeof LEVELS)[number];
export const GENERAL_LEVELS = [1, 2, 3, 4] as const;
export const PERSONAL_INFO = ['none', 'personal', 'sensitive'] as const;
export type PersonalInfo = (typeof PERSONAL_INFO)[number];
export const SENSITIVE_CATEGORIES = ['biometrics', 'religious_beliefs', 'specific_identity', 'medical_health', 'financial_accounts', 'whereabouts', 'minors_under_14'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];
export const ATTRIBUTE_TYPES = ['unconditional', 'conditional', 'none'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export const FREQUENCIES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const;
export const RESOURCE_FORMATS = ['table', 'api', 'file'] as const;
export const DATA_TYPES = ['string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'code'] as const;
export const RESOURCE_STATUSES = ['draft', 'submitted', 'published', 'superseded', 'deprecated'] as const;
export const SCOPES = ['public', 'social'] as const;

export interface Grade {
  level: Level;
  generalLevel?: number | null | undefined;
  personalInfo: PersonalInfo;
  sensitiveCategories?: readonly SensitiveCategory[] | undefined;
}
export interface Attribute {
  type: AttributeType;
  conditions?: string | undefined;
  legalBasis?: string | undefined;
}
export type GradingRule = 'core_never_shared' | 'core_never_opened' | 'important_not_opened_unconditionally' | 'sensitive_pi_not_opened_unconditionally';

const rank = (g: Grade | null | undefined): number =>
  !g ? -1 : g.level === 'core' ? 1000 : g.level === 'important' ? 500 : (g.generalLevel ?? 0);

/** The resource level: its highest field level (就高从严), and its highest personal-information class. */
export function resourceGrade(grades: ReadonlyArray<Grade | null | undefined>): { level: Level | null; generalLevel: number | null; personalInfo: PersonalInfo } {
  let best: Grade | null = null;
  let pi: PersonalInfo = 'none';
  for (const g of grades) {
    if (!g) continue;
    if (rank(g) > rank(best)) best = g;
    if (PERSONAL_INFO.indexOf(g.personalInfo) > PERSONAL_INFO.indexOf(pi)) pi = g.personalInfo;
  }
  return { level: best?.level ?? null, generalLevel: best?.level === 'general' ? (best.generalLevel ?? null) : null, personalInfo: pi };
}

/** Why a sharing or open attribute is incomplete, or null (the server's attributeProblem). */
export function attributeProblem(kind: 'sharing' | 'open', a: Attribute): 'conditions_required' | 'conditions_not_allowed' | 'legal_basis_required' | null {
  const conditions = a.conditions?.trim();
  if (a.type === 'conditional' && !conditions) return 'conditions_required';
  if (a.type !== 'conditional' && conditions) return 'conditions_not_allowed';
  if (kind === 'sharing' && a.type === 'none' && !a.legalBasis?.trim()) return 'legal_basis_required';
  return null;
}

/** The grading rule the attributes break, or null (the server's gradingViolation). */
export function gradingViolation(grade: { level: Level | null; personalInfo: PersonalInfo }, sharing: Attribute | null, open: Attribute | null): GradingRule | null {
  if (grade.level === 'core' && sharing && sharing.type !== 'none') return 'core_never_shared';
  if (grade.level === 'core' && open && open.type !== 'none') return 'core_never_opened';
  if (grade.level === 'important' && open?.type === 'unconditional') return 'important_not_opened_unconditionally';
  if (grade.personalInfo === 'sensitive' && open?.type === 'unconditional') return 'sensitive_pi_not_opened_unconditionally';
  return null;
}

/** Why a grade is incoherent, or null (the server's gradeProblem). */
export function gradeProblem(g: Grade): string | null {
  const general = g.generalLevel ?? null;
  if (g.level === 'general') {
    if (general === null) return 'general_level_required';
    if (!(GENERAL_LEVELS as readonly number[]).includes(general)) return 'general_level_unknown';
  } else if (general !== null) return 'general_level_not_allowed';
  const cats = g.sensitiveCategories?.length ?? 0;
  if ((g.personalInfo === 'sensitive') !== cats > 0) return g.personalInfo === 'sensitive' ? 'sensitive_categories_required' : 'sensitive_categories_not_allowed';
  return null;
}

/** The API body of a grade: generalLevel only for general data, categories only for sensitive. */
export function gradeBody(g: Grade): { level: Level; generalLevel?: number; personalInfo: PersonalInfo; sensitiveCategories?: SensitiveCategory[] } {
  return {
    level: g.level,
    ...(g.level === 'general' && g.generalLevel != null ? { generalLevel: g.generalLevel } : {}),
    personalInfo: g.personalInfo,
    ...(g.personalInfo === 'sensitive' ? { sensitiveCategories: [...(g.sensitiveCategories ?? [])] } : {}),
  };
}
