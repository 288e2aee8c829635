/**
 * Data-subject authorization (数据主体授权), pure rules: the state machine, the data period and the
 * consent record.
 *
 * Sources: 广东省公共数据管理办法 (粤府令第290号) — sensitive public data or licences go to an
 * authorized third party only with the data subject's consent (rules-cn.md §4); the record carries
 * the fields of ISO/IEC TS 27560:2023 / the Kantara Consent Receipt (../shared/reference/anchors.md):
 * controller, purposes, data categories, legal basis, time, expiry, withdrawal method.
 */
export const CONSENT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'revoked', 'expired', 'exhausted'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type ConsentAction = 'approve' | 'reject' | 'withdraw' | 'revoke' | 'expire' | 'exhaust' | 'attest';

/**
 * pending → approved (the holder) | rejected (the holder) | withdrawn (the requester);
 * approved → revoked (the holder, any time) | expired (its validity ended) | exhausted (its uses
 * used up); once ended (revoked, expired, exhausted) the requester attests deletion once.
 */
export const CONSENT_TRANSITIONS: Record<ConsentStatus, Partial<Record<ConsentAction, ConsentStatus>>> = {
  pending: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { revoke: 'revoked', expire: 'expired', exhaust: 'exhausted' },
  rejected: {},
  withdrawn: {},
  revoked: { attest: 'revoked' },
  expired: { attest: 'expired' },
  exhausted: { attest: 'exhausted' },
};

export const consentAllowed = (status: ConsentStatus, action: ConsentAction): boolean => CONSENT_TRANSITIONS[status][action] !== undefined;

/** Longest data period a request may cover, in months. */
export const MAX_PERIOD_MONTHS = 120;

/** The months from `from` to `to` inclusive (YYYY-MM), or null when not a valid range. */
export function monthsBetween(from: string, to: string): string[] | null {
  const re = /^(\d{4})-(0[1-9]|1[0-2])$/;
  const a = re.exec(from);
  const b = re.exec(to);
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

export interface RecordInput {
  consentId: string;
  at: Date;
  principal: { orgId: string; kind: 'legal_person' | 'natural_person'; name: { zh: string; en: string }; identifier: { scheme: 'USCC' | 'resident_id'; value: string | null } };
  controller: { orgId: string; name: { zh: string; en: string }; uscc: string | null };
  purpose: string;
  purposeText: string;
  items: Array<{ code: string; name: { zh: string; en: string }; fields: string[]; resourceId: string; sourceOrgId: string }>;
  periodFrom: string;
  periodTo: string;
  validUntil: Date;
  maxUses: number;
  withdrawalUrl: string;
}

/**
 * The consent record (授权记录) in the fields of ISO/IEC TS 27560:2023 and the Kantara Consent
 * Receipt v1.1: who consents (PII principal), to whom (controller), for which purpose and data
 * categories, on which legal basis, when, until when, how many uses, and how to withdraw.
 */
export function consentRecord(i: RecordInput) {
  return {
    schema: 'ISO/IEC TS 27560:2023; Kantara Consent Receipt v1.1',
    version: 'liutong.consent/1',
    consentId: i.consentId,
    timestamp: i.at.toISOString(),
    jurisdiction: 'CN-44',
    language: 'zh-CN',
    // A person's identity number appears masked only (PIPL Art. 6, minimum necessary).
    piiPrincipal: { id: i.principal.orgId, kind: i.principal.kind, name: i.principal.name, identifier: i.principal.identifier },
    piiControllers: [{ id: i.controller.orgId, name: i.controller.name, identifier: { scheme: 'USCC', value: i.controller.uscc } }],
    purposes: [{ purpose: i.purpose, description: i.purposeText, legalBasis: 'consent', legalBasisReference: '《个人信息保护法》第十三条第一款第一项；《广东省公共数据管理办法》（粤府令第290号）：经数据主体授权同意后提供给被授权的第三方使用' }],
    dataCategories: i.items.map((x) => ({ code: x.code, name: x.name, fields: x.fields, source: { orgId: x.sourceOrgId, resourceId: x.resourceId } })),
    dataPeriod: { from: i.periodFrom, to: i.periodTo },
    validUntil: i.validUntil.toISOString(),
    maxUses: i.maxUses,
    delivery: 'Liutong data gateway (GET /api/v1/data/{resourceId}/rows), metered per call',
    withdrawal: { method: 'the holder revokes in its digital space or through the API', url: i.withdrawalUrl, effect: 'the next gateway call is refused' },
  };
}
