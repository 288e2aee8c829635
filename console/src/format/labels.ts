import { hasMessage, type Translate } from '../i18n/i18n.context';
import type { MessageKey } from '../locales/index';

/** Label of a code from a fixed vocabulary (role.*, member.*, orgType.*); the code itself when unknown. */
export function label(t: Translate, prefix: 'role' | 'member' | 'orgType', code: string | null | undefined): string {
  if (!code) return '—';
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key as MessageKey) : code;
}

export const ORG_ROLE_CODES = [
  'platform_admin', 'data_bureau', 'source_unit', 'implementing_body', 'operator', 'exchange', 'data_merchant',
  'broker', 'service_provider', 'enterprise', 'regulator', 'customs_officer',
] as const;
export const MEMBER_ROLE_CODES = ['org_admin', 'staff', 'finance', 'auditor'] as const;
export const ORG_TYPE_CODES = ['government', 'public_institution', 'public_enterprise', 'enterprise', 'social_organisation', 'platform'] as const;

export function orgName(name: { zh: string; en: string } | null | undefined, locale: string): string {
  if (!name) return '—';
  return locale === 'zh-CN' ? name.zh : name.en;
}
