import { isValidUscc } from '../../platform/uscc.validator.js';
import { maskResidentId, residentIdProblem } from './account.service.js';
import type { SubjectKind } from './data-item.repository.js';

/**
 * Licence types (电子证照) the source units issue into the digital spaces. The kinds follow the
 * national e-licence catalogue (全国一体化政务服务平台电子证照目录); which of them a deployment issues is
 * config `authorization.licenceTypes` ([M]). The number rule says what the licence number is:
 * `holder` — the holder's own identifier (the business licence carries the USCC; the resident ID card
 * and, since 2007, the driving licence carry the resident identity number, 公安部令第 123 号),
 * otherwise a pattern (food business licence: "JY" + 14 digits, 《食品经营许可管理办法》第二十七条).
 */
export interface LicenceType {
  code: string;
  name: { zh: string; en: string };
  holderKind: SubjectKind;
  number: 'holder' | RegExp;
  /** The content fields the issuer fills, in display order (labels in both languages). */
  fields: Array<{ key: string; label: { zh: string; en: string } }>;
}

export const LICENCE_TYPES: readonly LicenceType[] = [
  {
    code: 'BUSINESS_LICENCE', name: { zh: '营业执照', en: 'Business licence' }, holderKind: 'legal_person', number: 'holder',
    fields: [
      { key: 'entity_type', label: { zh: '类型', en: 'Entity type' } },
      { key: 'legal_rep', label: { zh: '法定代表人', en: 'Legal representative' } },
      { key: 'registered_capital', label: { zh: '注册资本', en: 'Registered capital' } },
      { key: 'established', label: { zh: '成立日期', en: 'Date of establishment' } },
      { key: 'address', label: { zh: '住所', en: 'Domicile' } },
      { key: 'business_scope', label: { zh: '经营范围', en: 'Business scope' } },
    ],
  },
  {
    code: 'FOOD_BUSINESS_LICENCE', name: { zh: '食品经营许可证', en: 'Food business licence' }, holderKind: 'legal_person', number: /^JY\d{14}$/,
    fields: [
      { key: 'legal_rep', label: { zh: '法定代表人（负责人）', en: 'Legal representative' } },
      { key: 'address', label: { zh: '经营场所', en: 'Business premises' } },
      { key: 'business_items', label: { zh: '经营项目', en: 'Business items' } },
    ],
  },
  {
    code: 'RESIDENT_ID', name: { zh: '居民身份证', en: 'Resident identity card' }, holderKind: 'natural_person', number: 'holder',
    fields: [
      { key: 'sex', label: { zh: '性别', en: 'Sex' } },
      { key: 'ethnicity', label: { zh: '民族', en: 'Ethnicity' } },
      { key: 'birth_date', label: { zh: '出生', en: 'Date of birth' } },
      { key: 'address', label: { zh: '住址', en: 'Address' } },
    ],
  },
  {
    code: 'DRIVING_LICENCE', name: { zh: '机动车驾驶证', en: 'Driving licence' }, holderKind: 'natural_person', number: 'holder',
    fields: [
      { key: 'vehicle_class', label: { zh: '准驾车型', en: 'Vehicle class' } },
      { key: 'first_issue', label: { zh: '初次领证日期', en: 'First issued' } },
      { key: 'address', label: { zh: '住址', en: 'Address' } },
    ],
  },
];

export const LICENCE_TYPE_CODES = LICENCE_TYPES.map((t) => t.code);

/** The licence types enabled by config (unknown codes in config are refused at boot by the schema). */
export function enabledTypes(codes: readonly string[]): LicenceType[] {
  return LICENCE_TYPES.filter((t) => codes.includes(t.code));
}

/** Why a holder identifier is not valid for its kind, or null. */
export function holderIdProblem(kind: SubjectKind, id: string): string | null {
  if (kind === 'legal_person') return isValidUscc(id) ? null : 'holder_uscc';
  const p = residentIdProblem(id);
  return p ? `holder_resident_id_${p}` : null;
}

/** Why a licence number is not valid for its type and holder, or null. */
export function numberProblem(type: LicenceType, number: string, holderId: string): string | null {
  if (type.number === 'holder') return number === holderId ? null : 'number_is_holder_id';
  return type.number.test(number) ? null : 'number_format';
}

/** Why the content fields are not acceptable, or null: only the type's keys, each a short text. */
export function fieldsProblem(type: LicenceType, fields: Record<string, string>): string | null {
  const keys = type.fields.map((f) => f.key);
  for (const [k, v] of Object.entries(fields)) {
    if (!keys.includes(k)) return `unknown_field:${k}`;
    if (typeof v !== 'string' || !v.trim() || v.length > 500) return `field_value:${k}`;
  }
  return null;
}

/** The displayed number: a person's identity number masked (its first four and last four characters). */
export function maskNumber(kind: SubjectKind, number: string): string {
  return kind === 'natural_person' && number.length === 18 ? maskResidentId(number) : number;
}

/** A licence's state on a day (YYYY-MM-DD, Asia/Shanghai): revoked, expired after its last valid day, or valid. */
export function licenceState(l: { status: 'valid' | 'revoked'; validTo: string | null }, today: string): 'valid' | 'revoked' | 'expired' {
  if (l.status === 'revoked') return 'revoked';
  return l.validTo !== null && l.validTo < today ? 'expired' : 'valid';
}
