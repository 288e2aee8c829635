/**
 * Rules of exchange membership (会员登记), broker certification (数据经纪人认证) and broker
 * mandates (委托), pure and tested in member.rules.test.ts.
 *
 * Sources (../shared/reference/rules-cn.md §3): the Guangzhou exchange's flow starts with 会员登记;
 * its participants are 供需双方 (sellers and buyers), 数据服务商 / 数据商 (data merchants),
 * 数据经纪人 (brokers) and 第三方专业服务机构; the province certifies 数据经纪人 (Guangdong drafts
 * 2023-04-04, 数据经纪人管理规则); the 第三方 service catalogue of 数据二十条 (中发 2022) lists
 * 合规认证, 安全审计, 数据公证, 数据保险, 数据托管, 资产评估, 争议仲裁 among others.
 */

/** What an organisation may be at the exchange; one organisation may hold several kinds. */
export const MEMBER_KINDS = ['seller', 'buyer', 'data_merchant', 'broker', 'service_provider'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** Services a third-party service provider member offers (数据二十条's catalogue, as the exchange uses it). */
export const SERVICE_KINDS = ['legal', 'valuation', 'compliance', 'security_assessment', 'insurance', 'custody', 'arbitration'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export type MemberStatus = 'applied' | 'active' | 'rejected' | 'withdrawn' | 'suspended' | 'terminated';
export type MemberAction = 'approve' | 'reject' | 'withdraw' | 'suspend' | 'reinstate' | 'terminate';

/** Membership's state machine: who acts is checked by the routes (the exchange decides; the applicant withdraws). */
export const MEMBER_TRANSITIONS: Record<MemberAction, { from: MemberStatus[]; to: MemberStatus }> = {
  approve: { from: ['applied'], to: 'active' },
  reject: { from: ['applied'], to: 'rejected' },
  withdraw: { from: ['applied'], to: 'withdrawn' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  terminate: { from: ['active', 'suspended'], to: 'terminated' },
};

/** A membership that still counts (one per organisation and kind). */
export const LIVE_MEMBER_STATUSES: MemberStatus[] = ['applied', 'active', 'suspended'];

/** Sanctions are disclosed on the market pages (信息披露): a suspension, a termination, a broker's suspension or revocation. */
export const SANCTION_ACTIONS = ['suspend', 'terminate', 'revoke'] as const;

export type BrokerStatus = 'active' | 'suspended' | 'revoked';
export type BrokerAction = 'suspend' | 'reinstate' | 'revoke';
export const BROKER_TRANSITIONS: Record<BrokerAction, { from: BrokerStatus[]; to: BrokerStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
};

/** Where a broker's certificate stands on a day (YYYY-MM-DD, Asia/Shanghai): in force only while active and within its validity. */
export function brokerStanding(c: { status: BrokerStatus; validFrom: string; validUntil: string }, day: string): 'in_force' | 'not_yet' | 'expired' | 'suspended' | 'revoked' {
  if (c.status === 'revoked') return 'revoked';
  if (c.status === 'suspended') return 'suspended';
  if (day < c.validFrom) return 'not_yet';
  if (day > c.validUntil) return 'expired';
  return 'in_force';
}

/** A broker certificate's number: `GDDB-{yyyy}-{seq4}` (粤数经 — the province's register of brokers). */
export function brokerNumber(year: number, seq: number): string {
  return `GDDB-${year}-${String(seq).padStart(4, '0')}`;
}

export type MandateSide = 'sell' | 'buy' | 'both';
export type MandateStatus = 'active' | 'ended';

/** The most a mandate's commission may be, in basis points of the deal's amount (30 %): a sanity bound, not a rule found in the sources. */
export const MAX_COMMISSION_BP = 3000;

/** Whether a mandate covers acting for its client on `side` of a trade on `day`. */
export function mandateCovers(m: { status: MandateStatus; side: MandateSide; validUntil: string }, side: 'sell' | 'buy', day: string): boolean {
  return m.status === 'active' && (m.side === 'both' || m.side === side) && day <= m.validUntil;
}

/** Commission on an amount in fen at `bp` basis points, rounded half up to the fen. */
export function commissionFen(amountFen: bigint, bp: number): bigint {
  return (amountFen * BigInt(bp) + 5000n) / 10000n;
}

/** Qualification files (营业执照, 资质证书, …): what the exchange accepts. */
export const QUALIFICATION_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MAX_QUALIFICATION_BYTES = 2 * 1024 * 1024;
export const MAX_QUALIFICATION_FILES = 8;

/** Whether the bytes are what the media type says (magic numbers), so a renamed file is refused. */
export function looksLike(mediaType: string, bytes: Uint8Array): boolean {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (mediaType === 'application/pdf') return starts(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
  if (mediaType === 'image/png') return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  if (mediaType === 'image/jpeg') return starts(0xff, 0xd8, 0xff);
  return false;
}
