/**
 * The classification scanner's rules (分类分级 辅助识别): from sampled values of a mounted field,
 * recognise what the field holds (resident ID numbers, mobile numbers, bank cards, USCCs,
 * e-mail addresses, postal addresses) and suggest its category and level. Pure functions; the
 * service samples rows and records the suggestions.
 *
 * Suggested grades follow GB/T 43697-2024 (数据安全技术 数据分类分级规则) Annex A–H and GB/T
 * 35273-2020 Annex B (个人敏感信息 examples: 身份证件号码, 银行账户): an identity number and a bank
 * card are sensitive personal information (PIPL Art. 28), a mobile number or an address is
 * personal information, an organisation's USCC is public registration data. A suggestion never
 * lowers a grade a person has set (`mergeSuggestion`).
 */
import { runValidator } from './value.validators.js';
import type { FieldGrade, PersonalInfo, SensitiveCategory } from './resource.grading.js';

export const DETECTORS = ['resident_id', 'bank_card', 'mobile', 'uscc', 'email', 'address'] as const;
export type Detected = (typeof DETECTORS)[number];

/** Share of non-empty sampled values that must match before a field is said to hold a kind. */
export const MATCH_SHARE = 0.8;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[A-Za-z]{2,}$/;
// A Chinese postal address: an administrative unit then a street-level part and a number.
const ADDRESS = /(省|市|区|县|镇|乡).*(路|街|道|巷|村|大道|号)/;

const TESTS: Record<Detected, (v: string) => boolean> = {
  resident_id: (v) => runValidator('resident_id', v).valid,
  bank_card: (v) => v.length >= 16 && runValidator('bank_card', v).valid,
  mobile: (v) => runValidator('mobile', v).valid,
  uscc: (v) => runValidator('uscc', v).valid,
  email: (v) => EMAIL.test(v),
  address: (v) => v.length >= 6 && ADDRESS.test(v),
};

export interface Suggestion {
  detected: Detected;
  grade: FieldGrade;
  basis: string;
}

const SUGGESTED: Record<Detected, { grade: FieldGrade; basis: string }> = {
  resident_id: { grade: { level: 'general', generalLevel: 4, personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] }, basis: 'GB/T 35273-2020 附录B：身份证件号码属个人敏感信息；PIPL 第二十八条' },
  bank_card: { grade: { level: 'general', generalLevel: 4, personalInfo: 'sensitive', sensitiveCategories: ['financial_accounts'] }, basis: 'PIPL 第二十八条：金融账户属敏感个人信息' },
  mobile: { grade: { level: 'general', generalLevel: 3, personalInfo: 'personal', sensitiveCategories: [] }, basis: 'PIPL 第四条；GB/T 35273-2020 附录A：个人电话号码属个人信息' },
  email: { grade: { level: 'general', generalLevel: 3, personalInfo: 'personal', sensitiveCategories: [] }, basis: 'GB/T 35273-2020 附录A：个人电子邮件地址属个人信息' },
  address: { grade: { level: 'general', generalLevel: 3, personalInfo: 'personal', sensitiveCategories: [] }, basis: 'GB/T 35273-2020 附录A：个人住址属个人信息' },
  uscc: { grade: { level: 'general', generalLevel: 1, personalInfo: 'none', sensitiveCategories: [] }, basis: 'GB 32100-2015：统一社会信用代码为公示登记信息' },
};

/** What the sampled values of one field hold, if at least MATCH_SHARE of the non-empty ones agree. */
export function detect(values: readonly unknown[]): { detected: Detected; share: number } | null {
  const sample = values.map((v) => (v === null || v === undefined ? '' : String(v).trim())).filter((v) => v !== '');
  if (sample.length === 0) return null;
  // Most specific first: an 18-character ID would not pass as a bank card, but order makes it explicit.
  for (const kind of DETECTORS) {
    const share = sample.filter(TESTS[kind]).length / sample.length;
    if (share >= MATCH_SHARE) return { detected: kind, share };
  }
  return null;
}

export function suggestionFor(kind: Detected): Suggestion {
  return { detected: kind, ...SUGGESTED[kind], grade: { ...SUGGESTED[kind].grade, sensitiveCategories: [...(SUGGESTED[kind].grade.sensitiveCategories ?? [])] } };
}

const LEVEL_RANK = { general: 0, important: 1, core: 2 } as const;
const PI_RANK: Record<PersonalInfo, number> = { none: 0, personal: 1, sensitive: 2 };

/**
 * The grade after a suggestion: each dimension (level, general sub-level, personal information,
 * sensitive categories) takes the stricter of the person's grade and the suggestion, so a
 * suggestion can raise but never lower what a person set (就高从严).
 */
export function mergeSuggestion(current: FieldGrade | null, suggested: FieldGrade): { grade: FieldGrade; raised: boolean } {
  if (!current) return { grade: suggested, raised: true };
  const level = LEVEL_RANK[suggested.level] > LEVEL_RANK[current.level] ? suggested.level : current.level;
  const generalLevel = level === 'general' ? Math.max(current.generalLevel ?? 1, suggested.generalLevel ?? 1) : null;
  const personalInfo = PI_RANK[suggested.personalInfo] > PI_RANK[current.personalInfo] ? suggested.personalInfo : current.personalInfo;
  const cats = new Set<SensitiveCategory>([...(current.sensitiveCategories ?? []), ...(personalInfo === 'sensitive' ? (suggested.sensitiveCategories ?? []) : [])]);
  const grade: FieldGrade = { level, generalLevel, personalInfo, sensitiveCategories: [...cats].sort() };
  const raised = level !== current.level || generalLevel !== current.generalLevel || personalInfo !== current.personalInfo || cats.size !== (current.sensitiveCategories ?? []).length;
  return { grade, raised };
}
