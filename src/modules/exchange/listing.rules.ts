/**
 * Rules of listing (挂牌) at the exchange, pure and tested in listing.rules.test.ts.
 *
 * Sources (../shared/reference/rules-cn.md §3 and the white paper §二(三)): the exchange's rule
 * "无场景不登记、无登记不交易、不合规不挂牌" — no registration, no trade; not compliant, not
 * listed; the Guangdong drafts (2023-04-04): register before entering an exchange, the province
 * keeps an admitted list and a prohibited list (进场交易清单 / 禁止交易清单); 深圳市数据产权登记管理
 * 暂行办法: core data is refused (核心数据); 公共数据资源授权运营实施规范(试行) and the 2026-02-10
 * disclosure notice: products built on public data under authorized operation respect the
 * agreement's service-fee cap (运营服务费上限). ODRL as the anchors describe it (EDC's use:
 * permissions with constraints, prohibitions, duties).
 */
import { canonicalDigest } from '../../platform/canonical-json.digest.js';

/** Industry categories of listings (for the market's filters and the daily disclosure by category). */
export const LISTING_CATEGORIES = [
  'finance', 'energy', 'transport', 'healthcare', 'commerce', 'manufacturing', 'agriculture', 'environment', 'geospatial', 'culture_tourism', 'education',
  'telecom', 'government_services', 'other',
] as const;
export type ListingCategory = (typeof LISTING_CATEGORIES)[number];

/** Regions: the 21 prefecture-level cities of Guangdong and the province as a whole (disclosure by region). */
export const LISTING_REGIONS = [
  'guangdong', 'guangzhou', 'shenzhen', 'zhuhai', 'shantou', 'foshan', 'shaoguan', 'heyuan', 'meizhou', 'huizhou', 'shanwei', 'dongguan', 'zhongshan',
  'jiangmen', 'yangjiang', 'zhanjiang', 'maoming', 'zhaoqing', 'qingyuan', 'chaozhou', 'jieyang', 'yunfu',
] as const;
export type ListingRegion = (typeof LISTING_REGIONS)[number];

/**
 * What kinds of data a listing contains, declared by the seller and checked against the exchange's
 * prohibited list (禁止交易清单, config `exchange.prohibitedDataKinds` [M]).
 */
export const DATA_KINDS = [
  'aggregated', 'enterprise', 'personal_deidentified', 'personal', 'sensitive_personal', 'minors_personal', 'biometric', 'genetic', 'high_precision_geographic',
  'public_data_product', 'other',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/**
 * The default prohibited list [M]: no Guangdong list text is published in the sources; these are
 * the kinds whose trading the national rules single out — 个人信息保护法 第28条 (biometric,
 * minors' information as sensitive personal information), 人类遗传资源管理条例 (genetic data), 测绘法
 * and 地图管理条例 (high-precision geographic data). Configurable.
 */
export const DEFAULT_PROHIBITED_DATA_KINDS: DataKind[] = ['biometric', 'genetic', 'minors_personal', 'high_precision_geographic'];

/** How a buyer receives the data: API through the gateway, file download through expiring links, compute only (privacy computing). */
export const DELIVERY_METHODS = ['api', 'file', 'compute'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export type Pricing =
  | { model: 'one_off'; amountFen: string }
  | { model: 'subscription'; amountFen: string; period: 'month' | 'quarter' | 'year' }
  | { model: 'per_call'; amountFen: string }
  | { model: 'tiered'; tiers: Array<{ upTo: number | null; amountFen: string }> }
  | { model: 'quote' };

/** The usage policy a listing offers (ODRL: permission with constraints, prohibitions, duties). */
export interface UsagePolicy {
  purposes: string[];
  /** How long the buyer may use the data from signing, in days. */
  periodDays: number;
  /** Most uses (calls or downloads) in the period; null: unbounded. */
  maxUses: number | null;
  noResale: boolean;
  mainlandOnly: boolean;
  noReidentification: boolean;
  /** The buyer attests destruction (销毁证明) when the contract ends. */
  destructionRequired: boolean;
  /** The fields an API delivery grants through the gateway (absent: the seller names them when it delivers). */
  fields?: string[] | undefined;
}

export interface ListingSample {
  /** masked (脱敏) real rows, or synthetic (合成) rows. */
  kind: 'masked' | 'synthetic';
  mediaType: 'text/csv' | 'application/json';
  content: string;
}

export const MAX_SAMPLE_BYTES = 64 * 1024;

export type ListingStatus = 'draft' | 'assessing' | 'assessed' | 'submitted' | 'listed' | 'suspended' | 'delisted' | 'withdrawn';
export type ListingAction = 'request_assessment' | 'assess_pass' | 'assess_fail' | 'submit' | 'approve' | 'reject' | 'suspend' | 'reinstate' | 'delist' | 'withdraw';

/**
 * Listing's state machine. The seller (or its broker) drafts, asks a compliance assessor, submits
 * once the assessment passed; the exchange approves (published on the market) or sends it back;
 * a failed assessment sends it back to draft. Editing only in draft, so a passed assessment always
 * covers the content the exchange reviews.
 */
export const LISTING_TRANSITIONS: Record<ListingAction, { from: ListingStatus[]; to: ListingStatus }> = {
  request_assessment: { from: ['draft'], to: 'assessing' },
  assess_pass: { from: ['assessing'], to: 'assessed' },
  assess_fail: { from: ['assessing'], to: 'draft' },
  submit: { from: ['assessed'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'listed' },
  reject: { from: ['submitted'], to: 'draft' },
  suspend: { from: ['listed'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'listed' },
  delist: { from: ['listed', 'suspended'], to: 'delisted' },
  withdraw: { from: ['draft', 'assessing', 'assessed', 'submitted'], to: 'withdrawn' },
};

/** The compliance assessment's checklist (合规评估): every item must pass for the listing to pass. */
export const CHECKLIST_ITEMS = ['source_legality', 'authorizations', 'personal_information', 'grading', 'security', 'scenario'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export type Checklist = Record<ChecklistItem, { passed: boolean; note: string }>;

/** Passed only when every checklist item passed. */
export const assessmentPassed = (c: Checklist): boolean => CHECKLIST_ITEMS.every((k) => c[k]?.passed === true);

/** The registration as the exchange needs it (from the registry). */
export interface TradeBasis {
  assetId: string;
  registrationNumber: string | null;
  status: string;
  assetStatus: string | null;
  holderOrgId: string | null;
  disputed: boolean;
  gradingLevel: string | null;
}

/**
 * No registration, no trade (无登记不交易): the asset is registered, in force, not under an
 * objection, held by the seller, and not core data. Returns the reason it may not be listed, or null.
 */
export function registrationProblem(b: TradeBasis | null, sellerOrgId: string): 'not_registered' | 'not_active' | 'disputed' | 'not_holder' | 'core_data' | null {
  if (!b || b.status !== 'registered' || !b.registrationNumber) return 'not_registered';
  if (b.assetStatus !== 'active') return 'not_active';
  if (b.disputed) return 'disputed';
  if (b.holderOrgId !== sellerOrgId) return 'not_holder';
  if (b.gradingLevel === 'core') return 'core_data';
  return null;
}

/** The unit a fee cap (元/次, 元/月, …) must be in to bound a pricing model; null: the model states no price. */
export function capUnitOf(p: Pricing): string | null {
  switch (p.model) {
    case 'per_call':
    case 'tiered':
      return '元/次';
    case 'subscription':
      return p.period === 'month' ? '元/月' : p.period === 'quarter' ? '元/季' : '元/年';
    case 'one_off':
      return '元/份';
    case 'quote':
      return null;
  }
}

/** fen as a decimal string → yuan as exact hundredths, compared as integers of fen. */
const yuanToFen = (yuan: string): bigint => {
  const [whole, frac = ''] = yuan.split('.');
  return BigInt(whole!) * 100n + BigInt((frac + '00').slice(0, 2)) + (frac.length > 2 && /[1-9]/.test(frac.slice(2)) ? 1n : 0n);
};

/**
 * The service-fee cap of an authorized-operation agreement (运营服务费上限) bounds a listing built on
 * its public data: the pricing must be in the cap's unit and no price above it. Returns the problem or null.
 */
export function feeCapProblem(p: Pricing, cap: { amount: string; unit: string } | null): { reason: 'quote_under_cap' | 'unit_differs'; unit: string } | { reason: 'above_cap'; amountFen: string; capFen: string } | null {
  if (!cap) return null;
  const unit = capUnitOf(p);
  if (!unit) return { reason: 'quote_under_cap', unit: cap.unit };
  if (unit !== cap.unit.replace(/\s/g, '')) return { reason: 'unit_differs', unit: cap.unit };
  const capFen = yuanToFen(cap.amount);
  const prices = p.model === 'tiered' ? p.tiers.map((t) => t.amountFen) : p.model === 'quote' ? [] : [p.amountFen];
  const over = prices.find((f) => BigInt(f) > capFen);
  return over ? { reason: 'above_cap', amountFen: over, capFen: capFen.toString() } : null;
}

/** A pricing's shape problem (tiers ascending with one open last tier), or null. */
export function pricingProblem(p: Pricing): string | null {
  if (p.model !== 'tiered') return null;
  if (p.tiers.length < 2) return 'tiers_at_least_two';
  for (let i = 0; i < p.tiers.length; i++) {
    const t = p.tiers[i]!;
    const last = i === p.tiers.length - 1;
    if (last !== (t.upTo === null)) return 'last_tier_open_only';
    if (!last && i > 0 && t.upTo! <= p.tiers[i - 1]!.upTo!) return 'tiers_ascending';
  }
  return null;
}

/** The prohibited kinds a listing declares (禁止交易清单), in the list's order. */
export const prohibitedKinds = (kinds: readonly string[], prohibited: readonly string[]): string[] => prohibited.filter((k) => kinds.includes(k));

/** The content an assessment covers and the exchange reviews: its digest binds the assessment to it. */
export function listingDigest(l: {
  assetId: string; title: { zh: string; en: string }; description: { zh: string; en: string }; category: string; region: string; dataKinds: string[];
  sample: ListingSample; deliveryMethods: string[]; pricing: Pricing; policy: UsagePolicy;
}): string {
  return canonicalDigest({
    assetId: l.assetId, title: l.title, description: l.description, category: l.category, region: l.region, dataKinds: l.dataKinds,
    sample: { kind: l.sample.kind, mediaType: l.sample.mediaType, content: l.sample.content }, deliveryMethods: l.deliveryMethods, pricing: l.pricing, policy: l.policy,
  });
}

/**
 * The listing's offer as an ODRL policy (odrl:Offer): permission to use the target, constrained
 * by purpose, period, count and spatial scope; prohibitions (resale, re-identification); the
 * destruction duty. Every permission constraint must hold and any matching prohibition fails.
 */
export function odrlOffer(listingId: string, assetId: string, assignerDid: string, policy: UsagePolicy) {
  const constraint: Array<{ leftOperand: string; operator: string; rightOperand: unknown }> = [
    { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: policy.purposes },
    { leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: `P${policy.periodDays}D` },
  ];
  if (policy.maxUses !== null) constraint.push({ leftOperand: 'count', operator: 'lteq', rightOperand: policy.maxUses });
  if (policy.mainlandOnly) constraint.push({ leftOperand: 'spatial', operator: 'eq', rightOperand: 'CN-mainland' });
  const prohibition = [
    ...(policy.noResale ? [{ action: 'distribute' }, { action: 'sell' }] : []),
    ...(policy.noReidentification ? [{ action: 'reidentify' }] : []),
  ];
  return {
    '@context': 'http://www.w3.org/ns/odrl.jsonld',
    '@type': 'Offer',
    uid: `urn:liutong:listing:${listingId}`,
    assigner: assignerDid,
    target: `urn:liutong:asset:${assetId}`,
    permission: [{
      action: 'use', constraint,
      ...(policy.destructionRequired ? { duty: [{ action: 'delete', constraint: [{ leftOperand: 'event', operator: 'eq', rightOperand: 'contractEnd' }] }] } : {}),
    }],
    prohibition,
  };
}

/**
 * Search terms of a listing: lower-cased words and, for Chinese text, every character and every
 * bigram, so that "用电" and "电" both match (as the catalog's search does).
 */
export function searchTerms(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of text.toLowerCase().matchAll(/[a-z0-9]+|[\u3400-\u9fff]+/g)) {
      const w = m[0];
      if (/^[a-z0-9]/.test(w)) {
        out.add(w);
        continue;
      }
      for (let i = 0; i < w.length; i++) {
        out.add(w[i]!);
        if (i + 1 < w.length) out.add(w.slice(i, i + 2));
      }
    }
  }
  return [...out];
}

/**
 * The market's filters as search terms of their own (category, region, delivery methods, pricing
 * model), so that a filtered search is one GIN containment like a text search. Words never start
 * with '~'.
 */
export function facetTerms(l: { category?: string | undefined; region?: string | undefined; deliveryMethods?: readonly string[] | undefined; pricingModel?: string | undefined }): string[] {
  return [
    ...(l.category ? [`~c:${l.category}`] : []),
    ...(l.region ? [`~r:${l.region}`] : []),
    ...(l.deliveryMethods ?? []).map((d) => `~d:${d}`),
    ...(l.pricingModel ? [`~p:${l.pricingModel}`] : []),
  ];
}

/** A listing's search terms: its words and its facets. */
export function listingTerms(l: { title: { zh: string; en: string }; description: { zh: string; en: string }; registrationNumber: string; category: string; region: string; deliveryMethods: readonly string[]; pricing: { model: string } }): string[] {
  return [
    ...searchTerms(l.title.zh, l.title.en, l.description.zh, l.description.en, l.registrationNumber),
    ...facetTerms({ category: l.category, region: l.region, deliveryMethods: l.deliveryMethods, pricingModel: l.pricing.model }),
  ];
}

/** The terms a query must all match: its words, and its Chinese runs as bigrams (a single character alone). */
export function queryTerms(q: string): string[] {
  const out = new Set<string>();
  for (const m of q.toLowerCase().matchAll(/[a-z0-9]+|[\u3400-\u9fff]+/g)) {
    const w = m[0];
    if (/^[a-z0-9]/.test(w) || w.length === 1) out.add(w);
    else for (let i = 0; i + 1 < w.length; i++) out.add(w.slice(i, i + 2));
  }
  return [...out];
}
