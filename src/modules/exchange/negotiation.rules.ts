/**
 * Rules of contract negotiation at the exchange, pure and tested in negotiation.rules.test.ts.
 *
 * Source: the Dataspace Protocol's contract negotiation (../shared/reference/anchors.md,
 * "Exchange"): states REQUESTED, OFFERED, ACCEPTED, AGREED, VERIFIED, FINALIZED, TERMINATED;
 * the consumer moves [*]→REQUESTED, OFFERED→REQUESTED|ACCEPTED, AGREED→VERIFIED; the provider
 * moves [*]→OFFERED, REQUESTED→OFFERED|AGREED, ACCEPTED→AGREED, VERIFIED→FINALIZED; either
 * terminates a non-final negotiation. An agreement names target, assigner, assignee and time.
 * At the exchange: the provider's agreement is its seal on the contract document, the consumer's
 * verification is its seal (and its payment into escrow, Dawex's lesson: the buyer's money is held
 * until delivery), the provider's finalisation puts the contract in force once every broker sealed.
 */
import type { Pricing, UsagePolicy } from './listing.rules.js';

export const NEGOTIATION_STATES = ['REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED', 'VERIFIED', 'FINALIZED', 'TERMINATED'] as const;
export type NegotiationState = (typeof NEGOTIATION_STATES)[number];
export type Side = 'consumer' | 'provider';

export type NegotiationMove = 'request' | 'offer' | 'accept' | 'agree' | 'verify' | 'finalize' | 'terminate';

/** Who may make each move from which states (`null`: a new negotiation). */
export const MOVES: Record<NegotiationMove, { side: Side | 'either'; from: Array<NegotiationState | null>; to: NegotiationState }> = {
  request: { side: 'consumer', from: [null, 'OFFERED'], to: 'REQUESTED' },
  offer: { side: 'provider', from: [null, 'REQUESTED'], to: 'OFFERED' },
  accept: { side: 'consumer', from: ['OFFERED'], to: 'ACCEPTED' },
  agree: { side: 'provider', from: ['REQUESTED', 'ACCEPTED'], to: 'AGREED' },
  verify: { side: 'consumer', from: ['AGREED'], to: 'VERIFIED' },
  finalize: { side: 'provider', from: ['VERIFIED'], to: 'FINALIZED' },
  terminate: { side: 'either', from: ['REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED', 'VERIFIED'], to: 'TERMINATED' },
};

/** Whether `side` may make `move` from `state`. */
export const mayMove = (move: NegotiationMove, side: Side, state: NegotiationState | null): boolean => {
  const m = MOVES[move];
  return (m.side === 'either' || m.side === side) && m.from.includes(state);
};

/** The terms on the table: a price in the listing's pricing unit, a quantity of units, and the usage. */
export interface Terms {
  /** Per call (per_call, tiered), per period (subscription), or the whole (one_off, quote). */
  priceFen: string;
  /** Calls, periods, or 1. */
  quantity: number;
  purposes: string[];
  periodDays: number;
  maxUses: number | null;
}

/** The contract's amount (paid into escrow at signing): price × quantity, in fen. */
export const amountOf = (t: Pick<Terms, 'priceFen' | 'quantity'>): bigint => BigInt(t.priceFen) * BigInt(t.quantity);

/** The pricing model the terms are in (a quote is agreed as a one-off price). */
export const modelOf = (p: Pricing): 'one_off' | 'subscription' | 'per_call' | 'tiered' => (p.model === 'quote' ? 'one_off' : p.model);

/** The listed price per unit for these terms (the tier the quantity falls in), or null for a quote. */
export function listedPriceFen(p: Pricing, quantity: number): string | null {
  if (p.model === 'quote') return null;
  if (p.model === 'tiered') return (p.tiers.find((t) => t.upTo === null || quantity <= t.upTo) ?? p.tiers[p.tiers.length - 1]!).amountFen;
  return p.amountFen;
}

/**
 * Why the terms do not fit the listing, or null: purposes among those offered, a period and uses
 * within the policy's, a quantity that matches the model (calls within the uses for per-call
 * pricing; one for a one-off), a positive price.
 */
export function termsProblem(t: Terms, pricing: Pricing, policy: UsagePolicy): string | null {
  if (!/^[1-9][0-9]{0,15}$/.test(t.priceFen)) return 'price';
  if (!Number.isInteger(t.quantity) || t.quantity < 1) return 'quantity';
  if (t.purposes.length === 0 || t.purposes.some((p) => !policy.purposes.includes(p))) return 'purposes_outside_the_policy';
  if (t.periodDays < 1 || t.periodDays > policy.periodDays) return 'period_beyond_the_policy';
  if (policy.maxUses !== null && (t.maxUses === null || t.maxUses > policy.maxUses)) return 'uses_beyond_the_policy';
  const model = modelOf(pricing);
  if (model === 'one_off' && t.quantity !== 1) return 'one_off_quantity_is_one';
  if ((model === 'per_call' || model === 'tiered') && (t.maxUses === null || t.quantity !== t.maxUses)) return 'calls_are_the_uses';
  if (amountOf(t) > 9_000_000_000_000_000n) return 'amount';
  return null;
}

/**
 * Whether a contract is billed by use: per-call or tiered pricing delivered by API through the
 * gateway, which meters the calls (the issue: "Per-call pricing bills from the gateway's metering").
 */
export const billsByUse = (l: { pricing: Pricing; deliveryMethods: readonly string[] }): boolean => {
  const model = modelOf(l.pricing);
  return (model === 'per_call' || model === 'tiered') && l.deliveryMethods.includes('api');
};

/**
 * What a by-use contract bills at its end: the calls used (at most the calls paid for) at the
 * agreed price; the rest of the amount goes back to the buyer.
 */
export function billByUse(t: Pick<Terms, 'priceFen' | 'quantity'>, callsUsed: number): { uses: number; billedFen: bigint; unusedFen: bigint } {
  const uses = Math.max(0, Math.min(callsUsed, t.quantity));
  const billedFen = BigInt(t.priceFen) * BigInt(uses);
  return { uses, billedFen, unusedFen: amountOf(t) - billedFen };
}

/** A moment in Beijing time for documents: 2026-12-01 14:05:09（北京时间）. */
export function beijingTime(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}（北京时间）`;
}

/** The contract number: GDDE-yyyy-nnnnnn (广东数据交易 + year + per-year sequence). */
export const contractNumber = (year: number, seq: number): string => `GDDE-${year}-${String(seq).padStart(6, '0')}`;

/** fen → "¥1,234.56" (exact). */
export function yuan(fen: bigint | string): string {
  const f = BigInt(fen);
  const neg = f < 0n;
  const a = neg ? -f : f;
  const whole = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${whole}.${(a % 100n).toString().padStart(2, '0')}`;
}

const MODEL_ZH: Record<string, string> = { one_off: '一次性买断', subscription: '订阅', per_call: '按次计费', tiered: '阶梯按次计费' };
const PERIOD_ZH: Record<string, string> = { month: '月', quarter: '季度', year: '年' };
const DELIVERY_ZH: Record<string, string> = { api: '通过平台数据网关以接口方式交付', file: '通过限时下载链接交付文件', compute: '仅在隐私计算环境中使用（可用不可见）' };

export interface ContractParties {
  seller: { name: string; uscc: string | null };
  buyer: { name: string; uscc: string | null };
  sellerBroker: { name: string } | null;
  buyerBroker: { name: string } | null;
  exchange: string;
}

/**
 * The contract document (数据交易合同), zh-CN plain text for print: parties, brokers, the target
 * (listing and registration), price and escrow, the usage policy, delivery, destruction, disputes.
 * Its SHA-256 is what every seal signs.
 */
export function contractText(c: {
  number: string; parties: ContractParties; listing: { id: string; title: string; registrationNumber: string; assetId: string; pricing: Pricing; deliveryMethods: string[] };
  policy: UsagePolicy; terms: Terms; agreedAt: string;
}): string {
  const model = modelOf(c.listing.pricing);
  const unit = model === 'subscription' && c.listing.pricing.model === 'subscription' ? `每${PERIOD_ZH[c.listing.pricing.period]}` : model === 'one_off' ? '' : '每次';
  const p = c.parties;
  const restrictions = [
    c.policy.noResale ? '不得转售、转让或以任何形式向第三方提供' : null,
    c.policy.mainlandOnly ? '仅限在中华人民共和国境内（不含港澳台地区）存储和使用，不得出境' : null,
    c.policy.noReidentification ? '不得对数据进行重新识别或与其他数据关联以识别特定自然人' : null,
  ].filter(Boolean);
  return [
    '数据交易合同',
    '',
    `合同编号：${c.number}`,
    `签订方式：${p.exchange}场内交易，电子签章`,
    `协议达成时间：${c.agreedAt}`,
    '',
    `卖方（甲方）：${p.seller.name}${p.seller.uscc ? `（统一社会信用代码：${p.seller.uscc}）` : ''}`,
    `买方（乙方）：${p.buyer.name}${p.buyer.uscc ? `（统一社会信用代码：${p.buyer.uscc}）` : ''}`,
    ...(p.sellerBroker ? [`卖方数据经纪人：${p.sellerBroker.name}`] : []),
    ...(p.buyerBroker ? [`买方数据经纪人：${p.buyerBroker.name}`] : []),
    '',
    `第一条 交易标的：${c.listing.title}（挂牌编号 ${c.listing.id}，数据资产登记编号 ${c.listing.registrationNumber}，资产标识 ${c.listing.assetId}）。`,
    `第二条 价款：计价方式为${MODEL_ZH[model]}，单价${unit}${yuan(c.terms.priceFen)}，数量 ${c.terms.quantity}，合同总价 ${yuan(amountOf(c.terms))}（人民币）。乙方在签署本合同时将合同总价存入${p.exchange}托管账户；交付经乙方验收（或验收期届满）后，由交易所按结算规则向甲方划付，扣除交易服务费及经纪佣金。${billsByUse(c.listing) ? '通过接口交付的，按平台网关计量的实际调用次数结算，使用期限届满或次数用尽时未使用部分的价款退回乙方。' : ''}`,
    `第三条 使用范围：用途限于${c.terms.purposes.join('、')}；使用期限自合同生效之日起 ${c.terms.periodDays} 日；${c.terms.maxUses === null ? '使用次数不限' : `使用次数不超过 ${c.terms.maxUses} 次`}${restrictions.length ? `；${restrictions.join('；')}` : ''}。超出上述范围的使用将被平台拒绝。`,
    `第四条 交付方式：${c.listing.deliveryMethods.map((d) => DELIVERY_ZH[d] ?? d).join('；')}${c.policy.fields?.length ? `；接口交付的字段限于 ${c.policy.fields.join('、')}` : ''}。交付与验收均记入平台存证。`,
    `第五条 数据销毁：${c.policy.destructionRequired ? '合同终止后，乙方应停止使用并销毁所获数据及其副本，并在平台提交销毁证明。' : '本合同不要求销毁证明，乙方仍应在使用期限届满后停止使用。'}`,
    `第六条 争议解决：因本合同产生的争议，双方可通过${p.exchange}提交其认可的仲裁服务机构裁决，裁决确定的退款或违约金由交易所在托管与结算中执行。`,
    '第七条 生效：本合同经甲乙双方（及数据经纪人）以电子印章签署，并由卖方确认后生效。各方电子印章所签内容为本合同文本的 SHA-256 摘要。',
  ].join('\n');
}
