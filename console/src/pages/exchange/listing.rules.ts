/**
 * Rules of the listing pages (挂牌), pure and tested in test/console/listing-rules.test.ts against
 * the server's src/modules/exchange/listing.rules.ts and its body schema: the vocabularies, the
 * form's values ↔ the API's body (prices entered in yuan, carried in fen), the checks the server
 * makes that the browser can make first (sample size and JSON, tiers ascending with only the last
 * open), the sample's CSV as rows, and the offered policy as ODRL reads it.
 */
import type { Access } from '../../access';
import { FEN_PATTERN, yuanToFen } from '../../format/money.format';

export const LISTING_CATEGORIES = [
  'finance', 'energy', 'transport', 'healthcare', 'commerce', 'manufacturing', 'agriculture', 'environment', 'geospatial', 'culture_tourism', 'education',
  'telecom', 'government_services', 'other',
] as const;
export const LISTING_REGIONS = [
  'guangdong', 'guangzhou', 'shenzhen', 'zhuhai', 'shantou', 'foshan', 'shaoguan', 'heyuan', 'meizhou', 'huizhou', 'shanwei', 'dongguan', 'zhongshan',
  'jiangmen', 'yangjiang', 'zhanjiang', 'maoming', 'zhaoqing', 'qingyuan', 'chaozhou', 'jieyang', 'yunfu',
] as const;
export const DATA_KINDS = [
  'aggregated', 'enterprise', 'personal_deidentified', 'personal', 'sensitive_personal', 'minors_personal', 'biometric', 'genetic', 'high_precision_geographic',
  'public_data_product', 'other',
] as const;
export const DELIVERY_METHODS = ['api', 'file', 'compute'] as const;
export const PRICING_MODELS = ['one_off', 'subscription', 'per_call', 'tiered', 'quote'] as const;
export const PERIODS = ['month', 'quarter', 'year'] as const;
export const SAMPLE_KINDS = ['masked', 'synthetic'] as const;
export const SAMPLE_MEDIA_TYPES = ['text/csv', 'application/json'] as const;
export const LISTING_STATUSES = ['draft', 'assessing', 'assessed', 'submitted', 'listed', 'suspended', 'delisted', 'withdrawn'] as const;
export const CHECKLIST_ITEMS = ['source_legality', 'authorizations', 'personal_information', 'grading', 'security', 'scenario'] as const;
/** The boxes of GET /exchange/listings. */
export const LISTING_BOXES = ['mine', 'assess', 'review', 'all'] as const;

export type ListingCategory = (typeof LISTING_CATEGORIES)[number];
export type ListingRegion = (typeof LISTING_REGIONS)[number];
export type DataKind = (typeof DATA_KINDS)[number];
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export type PricingModel = (typeof PRICING_MODELS)[number];
export type Period = (typeof PERIODS)[number];
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export type ListingBox = (typeof LISTING_BOXES)[number];

/** The boxes of the listings page a user may open, in order (the first is the default): the exchange and the regulator review first. */
export function listingBoxes(access: Access): ListingBox[] {
  const boxes: ListingBox[] = [];
  if (access['exchange.review']) boxes.push('review', 'all');
  boxes.push('mine');
  if (access['exchange.assess']) boxes.push('assess');
  return boxes;
}

/** The server's limits (exchange.schemas.ts, listing.rules.ts). */
export const LIMITS = { title: 200, description: 4000, purpose: 200, purposes: 10, periodDays: 3650, tiers: 10, note: 1000, evidence: 4000, reason: 1000 } as const;
export const MAX_SAMPLE_BYTES = 64 * 1024;

export type Pricing =
  | { model: 'one_off'; amountFen: string }
  | { model: 'subscription'; amountFen: string; period: Period }
  | { model: 'per_call'; amountFen: string }
  | { model: 'tiered'; tiers: Array<{ upTo: number | null; amountFen: string }> }
  | { model: 'quote' };

export interface UsagePolicy {
  purposes: string[];
  periodDays: number;
  maxUses: number | null;
  noResale: boolean;
  mainlandOnly: boolean;
  noReidentification: boolean;
  destructionRequired: boolean;
  /** The fields an API delivery grants through the gateway; absent: the seller names them when it delivers. */
  fields?: string[];
}

/** The content of a listing as PUT /exchange/listings/{id} takes it (POST adds assetId and sellerOrgId). */
export interface ListingContentBody {
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  category: ListingCategory;
  region: ListingRegion;
  dataKinds: DataKind[];
  sample: { kind: (typeof SAMPLE_KINDS)[number]; mediaType: (typeof SAMPLE_MEDIA_TYPES)[number]; content: string };
  deliveryMethods: DeliveryMethod[];
  pricing: Pricing;
  policy: UsagePolicy;
}

export interface TierValues {
  /** Calls up to which this tier's price applies; empty for the last (open) tier. */
  upTo?: number | null;
  amountYuan?: string;
}

/** The listing form's values. */
export interface ListingFormValues {
  assetId?: string;
  /** A broker lists for its client (empty: for itself). */
  sellerOrgId?: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  category?: ListingCategory;
  region?: ListingRegion;
  dataKinds: DataKind[];
  sampleKind: (typeof SAMPLE_KINDS)[number];
  sampleMediaType: (typeof SAMPLE_MEDIA_TYPES)[number];
  sampleContent: string;
  deliveryMethods: DeliveryMethod[];
  pricingModel: PricingModel;
  amountYuan?: string;
  period?: Period;
  tiers: TierValues[];
  purposes: string[];
  periodDays: number;
  maxUses?: number | null;
  noResale: boolean;
  mainlandOnly: boolean;
  noReidentification: boolean;
  destructionRequired: boolean;
  /** With 'api' delivery: the fields the gateway grant carries (policy.fields); empty: the seller names them at delivery. */
  apiFields?: string[];
}

/** A field name policy.fields accepts (exchange.schemas.ts PolicySchema.fields), and at most 200 of them. */
export const POLICY_FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
export const MAX_POLICY_FIELDS = 200;

/** The API delivery fields as policy.fields takes them (trimmed, de-duplicated), or null for none or without 'api' delivery. */
export function policyFieldsOf(deliveryMethods: readonly string[], apiFields: readonly string[] | undefined): string[] | null {
  if (!deliveryMethods.includes('api')) return null;
  const list = [...new Set((apiFields ?? []).map((f) => f.trim()).filter(Boolean))];
  return list.length ? list : null;
}

/** What the server would refuse in the API delivery fields: a name it does not accept, or too many. */
export function policyFieldsProblem(apiFields: readonly string[] | undefined): 'field_name' | 'too_many' | null {
  const list = (apiFields ?? []).map((f) => f.trim()).filter(Boolean);
  if (list.some((f) => !POLICY_FIELD.test(f))) return 'field_name';
  if (new Set(list).size > MAX_POLICY_FIELDS) return 'too_many';
  return null;
}

export function emptyListingValues(): ListingFormValues {
  return {
    titleZh: '', titleEn: '', descriptionZh: '', descriptionEn: '', dataKinds: [], sampleKind: 'masked', sampleMediaType: 'text/csv', sampleContent: '',
    deliveryMethods: [], pricingModel: 'one_off', tiers: [{ upTo: null, amountYuan: '' }, { upTo: null, amountYuan: '' }], purposes: [], periodDays: 365, maxUses: null,
    noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true,
  };
}

/** fen (a decimal string) → yuan as typed in the form: `"1250"` → `"12.50"`, `"5"` → `"0.05"`. */
export function fenToYuan(fen: string): string {
  if (!/^\d+$/.test(fen)) return fen;
  const digits = fen.replace(/^0+(?=\d)/, '').padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Yuan typed in the form → a positive fen amount the API takes, or null (empty, malformed, zero, too large). */
export function priceFen(yuan: string | undefined | null): string | null {
  const fen = yuanToFen(yuan ?? '');
  return fen !== null && fen !== '0' && FEN_PATTERN.test(fen) ? fen : null;
}

/** UTF-8 length of a text (the server counts the sample's bytes). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** What is wrong with a sample before the server says so: empty, over 64 KiB, JSON that does not parse. */
export function sampleProblem(mediaType: string, content: string | undefined): 'sample_required' | 'sample_too_large' | 'sample_not_json' | null {
  const c = content ?? '';
  if (!c.trim()) return 'sample_required';
  if (utf8Bytes(c) > MAX_SAMPLE_BYTES) return 'sample_too_large';
  if (mediaType === 'application/json') {
    try {
      JSON.parse(c);
    } catch {
      return 'sample_not_json';
    }
  }
  return null;
}

export type TierProblem = 'tiers_at_least_two' | 'tiers_at_most_ten' | 'last_tier_open_only' | 'tiers_ascending' | 'tier_up_to' | 'tier_amount';

/**
 * What is wrong with the tiers (the server's pricingProblem, and the schema's bounds): two to ten
 * tiers, each with a price; every tier but the last with a whole "up to" of at least 1, ascending;
 * the last open. Returns the problem and the tier (0-based) it concerns.
 */
export function tiersProblem(tiers: readonly TierValues[]): { problem: TierProblem; index: number } | null {
  if (tiers.length < 2) return { problem: 'tiers_at_least_two', index: tiers.length };
  if (tiers.length > LIMITS.tiers) return { problem: 'tiers_at_most_ten', index: LIMITS.tiers };
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i]!;
    const last = i === tiers.length - 1;
    const open = t.upTo === null || t.upTo === undefined;
    if (last !== open) return { problem: 'last_tier_open_only', index: i };
    if (!last && !(Number.isInteger(t.upTo) && (t.upTo as number) >= 1)) return { problem: 'tier_up_to', index: i };
    if (!last && i > 0 && (t.upTo as number) <= (tiers[i - 1]!.upTo as number)) return { problem: 'tiers_ascending', index: i };
    if (!priceFen(t.amountYuan)) return { problem: 'tier_amount', index: i };
  }
  return null;
}

/** The pricing the form describes, or null while a price is missing or malformed (the form's rules name it). */
export function pricingOf(v: Pick<ListingFormValues, 'pricingModel' | 'amountYuan' | 'period' | 'tiers'>): Pricing | null {
  switch (v.pricingModel) {
    case 'quote':
      return { model: 'quote' };
    case 'tiered': {
      if (tiersProblem(v.tiers ?? [])) return null;
      return { model: 'tiered', tiers: v.tiers.map((t, i) => ({ upTo: i === v.tiers.length - 1 ? null : (t.upTo as number), amountFen: priceFen(t.amountYuan)! })) };
    }
    case 'subscription': {
      const amountFen = priceFen(v.amountYuan);
      return amountFen && v.period ? { model: 'subscription', amountFen, period: v.period } : null;
    }
    default: {
      const amountFen = priceFen(v.amountYuan);
      return amountFen ? { model: v.pricingModel, amountFen } : null;
    }
  }
}

/** The form's values as the API's content body (texts trimmed, lists de-duplicated); null when the pricing is incomplete. */
export function contentBody(v: ListingFormValues): ListingContentBody | null {
  const pricing = pricingOf(v);
  if (!pricing || !v.category || !v.region) return null;
  const fields = policyFieldsOf(v.deliveryMethods, v.apiFields);
  return {
    title: { zh: v.titleZh.trim(), en: v.titleEn.trim() },
    description: { zh: v.descriptionZh.trim(), en: v.descriptionEn.trim() },
    category: v.category,
    region: v.region,
    dataKinds: [...new Set(v.dataKinds)],
    sample: { kind: v.sampleKind, mediaType: v.sampleMediaType, content: v.sampleContent },
    deliveryMethods: [...new Set(v.deliveryMethods)],
    pricing,
    policy: {
      purposes: [...new Set(v.purposes.map((p) => p.trim()).filter(Boolean))],
      periodDays: v.periodDays,
      maxUses: v.maxUses === undefined || v.maxUses === null ? null : v.maxUses,
      noResale: !!v.noResale,
      mainlandOnly: !!v.mainlandOnly,
      noReidentification: !!v.noReidentification,
      destructionRequired: !!v.destructionRequired,
      ...(fields ? { fields } : {}),
    },
  };
}

/** A listing (as GET returns it) back into the form's values, to edit a draft. */
export function listingValues(l: {
  assetId: string; title: { zh: string; en: string }; description: { zh: string; en: string }; category: string; region: string; dataKinds: string[];
  sample: { kind: string; mediaType: string; content: string }; deliveryMethods: string[]; pricing: Pricing; policy: UsagePolicy;
}): ListingFormValues {
  const p = l.pricing;
  return {
    assetId: l.assetId,
    titleZh: l.title.zh, titleEn: l.title.en, descriptionZh: l.description.zh, descriptionEn: l.description.en,
    category: l.category as ListingCategory, region: l.region as ListingRegion, dataKinds: l.dataKinds as DataKind[],
    sampleKind: l.sample.kind === 'synthetic' ? 'synthetic' : 'masked', sampleMediaType: l.sample.mediaType === 'application/json' ? 'application/json' : 'text/csv', sampleContent: l.sample.content,
    deliveryMethods: l.deliveryMethods as DeliveryMethod[],
    pricingModel: p.model,
    amountYuan: 'amountFen' in p ? fenToYuan(p.amountFen) : undefined,
    period: p.model === 'subscription' ? p.period : undefined,
    tiers: p.model === 'tiered' ? p.tiers.map((t) => ({ upTo: t.upTo, amountYuan: fenToYuan(t.amountFen) })) : emptyListingValues().tiers,
    purposes: l.policy.purposes, periodDays: l.policy.periodDays, maxUses: l.policy.maxUses,
    noResale: l.policy.noResale, mainlandOnly: l.policy.mainlandOnly, noReidentification: l.policy.noReidentification, destructionRequired: l.policy.destructionRequired,
    apiFields: l.policy.fields ?? [],
  };
}

/**
 * A CSV text as rows of cells (RFC 4180: quoted cells with doubled quotes, commas and line breaks
 * inside quotes), at most `maxRows` rows; the sample shows as a small table.
 */
export function parseCsv(text: string, maxRows = 21): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if ((cell !== '' || row.length > 0) && rows.length < maxRows) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** A JSON sample pretty-printed (as it is when it does not parse). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * The offered policy as ODRL reads it (the server's odrlOffer): permission to use under
 * constraints (purpose, period, count, territory), prohibitions (resale, re-identification), the
 * destruction duty at the contract's end.
 */
export function odrlSummary(policy: UsagePolicy, sep = '、'): {
  constraints: Array<{ operand: 'purpose' | 'elapsedTime' | 'count' | 'spatial'; value: string }>;
  prohibitions: Array<'distribute' | 'sell' | 'reidentify'>;
  duties: Array<'delete'>;
} {
  const constraints: Array<{ operand: 'purpose' | 'elapsedTime' | 'count' | 'spatial'; value: string }> = [
    { operand: 'purpose', value: policy.purposes.join(sep) },
    { operand: 'elapsedTime', value: `P${policy.periodDays}D` },
  ];
  if (policy.maxUses !== null) constraints.push({ operand: 'count', value: String(policy.maxUses) });
  if (policy.mainlandOnly) constraints.push({ operand: 'spatial', value: 'CN-mainland' });
  const prohibitions: Array<'distribute' | 'sell' | 'reidentify'> = [...(policy.noResale ? (['distribute', 'sell'] as const) : []), ...(policy.noReidentification ? (['reidentify'] as const) : [])];
  return { constraints, prohibitions, duties: policy.destructionRequired ? ['delete'] : [] };
}
