/**
 * Data-asset valuation rules, pure (no I/O): the cost, income and market methods and the
 * reconciliation of their results, computed exactly (./decimal.rules.ts) and rounded half up to the
 * fen only at each method's final value and at the reconciled value.
 *
 * Source: 中国资产评估协会《数据资产评估指导意见》(中评协〔2023〕17号, effective 2023-10-01) —
 * the value factors (成本因素 cost, 场景因素 scenario, 市场因素 market, 质量因素 quality — the quality
 * dimensions 准确性、一致性、完整性、规范性、时效性、可访问性, cf. GB/T 36344-2018《信息技术 数据质量评价指标》)
 * and the three basic methods 收益法 / 成本法 / 市场法 and their derived methods.
 *
 * Input convention (every function here): money is YUAN as a decimal string ("1684000.00"); rates,
 * weights, scores and coefficients are decimal strings ("0.12", "0.25", "92", "1.05"); years are
 * JS integers. Strings are parsed exactly — no floating point. Output convention: `valueFen` is the
 * rounded value as bigint fen (serialise it as a decimal string in a `…Fen` field on the wire);
 * `valueExact` is the unrounded value in lossless form ("n" or "n/d", `Rational.parse` reads it
 * back — reconcile uses it); every `…Yuan` / figure string is for display, rounded half up to
 * DISPLAY_DECIMALS places.
 *
 * Each compute function validates first and throws ValuationError (code VALUATION_INVALID, with the
 * problems) on bad input; the `validate…` functions return the problems instead of throwing.
 */
import { DecimalError, Rational, sqrt } from './decimal.rules.js';

/** Decimal places of the display strings in results. */
export const DISPLAY_DECIMALS = 6;
/** Decimal places of the truncated √(1+r) used by mid-year discounting. */
export const SQRT_DECIMALS = 30;

export type ValuationMethod = 'cost' | 'income' | 'market';

// ---------------------------------------------------------------------------------------------
// Problems

export type ProblemCode =
  | 'decimal_invalid' // a string is not a decimal
  | 'field_missing' // a required field is absent
  | 'amount_negative' // a cost item or price is below zero
  | 'no_cost_items'
  | 'no_dimensions'
  | 'dimension_duplicate'
  | 'score_range' // a quality score outside 0..100
  | 'weight_range' // a weight outside its range (quality/comparable: 0..1; reconciliation: (0, 1])
  | 'weights_sum' // weights do not sum to exactly 1
  | 'weights_partial' // some comparables weighted, others not
  | 'life_range' // remaining life < 0, total life ≤ 0 or remaining > total
  | 'life_invalid' // economic life not a positive integer of years
  | 'life_exceeded' // more forecast years than the economic life
  | 'life_exceeds_bound' // economic life longer than a legal / contract / … term
  | 'no_forecast'
  | 'rate_range' // royalty share outside 0..1
  | 'discount_rate_range' // discount rate ≤ 0
  | 'variant_invalid'
  | 'no_comparables'
  | 'coefficient_range' // an adjustment coefficient ≤ 0
  | 'no_methods'
  | 'duplicate_method'
  | 'method_unweighted' // a method's value is given without a weight
  | 'weight_without_value'; // a method is weighted but its value is not given

export interface ValuationProblem {
  code: ProblemCode;
  /** Where in the input, e.g. "quality.dimensions[2].score". */
  path: string;
  message: string;
}

export class ValuationError extends Error {
  readonly code = 'VALUATION_INVALID';
  readonly problems: ValuationProblem[];
  constructor(problems: ValuationProblem[]) {
    super(`invalid valuation input: ${problems.map((p) => `${p.path}: ${p.code}`).join('; ')}`);
    this.name = 'ValuationError';
    this.problems = problems;
  }
}

/** Collects problems while reading decimal strings; a malformed string yields `null` and a problem. */
class Checker {
  readonly problems: ValuationProblem[] = [];
  add(code: ProblemCode, path: string, message: string): void {
    this.problems.push({ code, path, message });
  }
  num(value: unknown, path: string): Rational | null {
    if (value === undefined || value === null) {
      this.add('field_missing', path, 'required');
      return null;
    }
    try {
      return Rational.parse(value as string);
    } catch (e) {
      if (e instanceof DecimalError) {
        this.add('decimal_invalid', path, e.message);
        return null;
      }
      throw e;
    }
  }
}

const show = (r: Rational): string => r.toFixed(DISPLAY_DECIMALS);

function finish<T>(c: Checker, compute: () => T): T {
  if (c.problems.length > 0) throw new ValuationError(c.problems);
  return compute();
}

/** Sums weights and reports `weights_sum` unless exactly 1 (exact comparison, no tolerance). */
function checkWeightSum(c: Checker, weights: (Rational | null)[], path: string): void {
  if (weights.some((w) => w === null)) return;
  const total = Rational.sum(weights as Rational[]);
  if (!total.eq(Rational.ONE)) c.add('weights_sum', path, `weights sum to ${total.toFixed(DISPLAY_DECIMALS)}, not 1`);
}

const P = (x: string): Rational => Rational.parse(x); // for already-validated input

// ---------------------------------------------------------------------------------------------
// Cost method (成本法)

/**
 * 重置成本 components (中评协〔2023〕17号, 成本法: 重置成本包括前期费用、直接成本、间接成本、机会成本和相关税费).
 */
export type CostItemKind = 'preliminary' | 'direct' | 'indirect' | 'opportunity' | 'taxes';
export const COST_ITEM_LABELS: Record<CostItemKind, { zh: string; en: string }> = {
  preliminary: { zh: '前期费用', en: 'preliminary costs' },
  direct: { zh: '直接成本', en: 'direct costs' },
  indirect: { zh: '间接成本', en: 'indirect costs' },
  opportunity: { zh: '机会成本', en: 'opportunity cost' },
  taxes: { zh: '相关税费', en: 'related taxes and fees' },
};

/** 质量因素 dimensions (中评协〔2023〕17号; GB/T 36344). `conformity` is 规范性. */
export type QualityDimension = 'accuracy' | 'consistency' | 'completeness' | 'conformity' | 'timeliness' | 'accessibility';
export const QUALITY_DIMENSION_LABELS: Record<QualityDimension, { zh: string; en: string }> = {
  accuracy: { zh: '准确性', en: 'accuracy' },
  consistency: { zh: '一致性', en: 'consistency' },
  completeness: { zh: '完整性', en: 'completeness' },
  conformity: { zh: '规范性', en: 'conformity' },
  timeliness: { zh: '时效性', en: 'timeliness' },
  accessibility: { zh: '可访问性', en: 'accessibility' },
};

export interface CostItemInput {
  kind: CostItemKind;
  /** e.g. "数据采集人工" — several lines may share a kind. */
  label?: string;
  amountYuan: string;
}

export interface QualityScoreInput {
  dimension: QualityDimension;
  /** 0..100 */
  score: string;
  /** 0..1; the weights of all dimensions sum to exactly 1. */
  weight: string;
}

/**
 * 价值调整系数 (中评协〔2023〕17号, 成本法: 可以结合相应质量因素综合确定调整系数; 对于可以直接确定剩余经济寿命的
 * 数据资产, 也可以结合剩余经济寿命确定调整系数): quality — Σ score × weight / 100; remaining life —
 * remaining / total economic life.
 */
export type CostAdjustmentInput =
  | { kind: 'quality'; dimensions: QualityScoreInput[] }
  | { kind: 'remaining_life'; remainingYears: string; totalYears: string };

export interface CostMethodInput {
  items: CostItemInput[];
  adjustment: CostAdjustmentInput;
}

export interface CostMethodResult {
  method: 'cost';
  items: { kind: CostItemKind; label: string; amountYuan: string }[];
  replacementCostYuan: string;
  adjustment:
    | { kind: 'quality'; dimensions: { dimension: QualityDimension; score: string; weight: string; weightedScore: string }[]; compositeScore: string; factor: string }
    | { kind: 'remaining_life'; remainingYears: string; totalYears: string; factor: string };
  valueYuan: string;
  valueExact: string;
  valueFen: bigint;
}

const COST_KINDS = Object.keys(COST_ITEM_LABELS) as CostItemKind[];
const DIMENSIONS = Object.keys(QUALITY_DIMENSION_LABELS) as QualityDimension[];

function checkCost(input: CostMethodInput): Checker {
  const c = new Checker();
  if (!Array.isArray(input?.items) || input.items.length === 0) c.add('no_cost_items', 'items', 'at least one replacement-cost item is required');
  else
    input.items.forEach((item, i) => {
      if (!COST_KINDS.includes(item.kind)) c.add('field_missing', `items[${i}].kind`, `kind must be one of ${COST_KINDS.join(', ')}`);
      const a = c.num(item.amountYuan, `items[${i}].amountYuan`);
      if (a && a.sign() < 0) c.add('amount_negative', `items[${i}].amountYuan`, 'a cost item cannot be negative');
    });
  const adj = input?.adjustment;
  if (adj?.kind === 'quality') {
    if (!Array.isArray(adj.dimensions) || adj.dimensions.length === 0) c.add('no_dimensions', 'adjustment.dimensions', 'at least one quality dimension is required');
    else {
      const seen = new Set<string>();
      const weights = adj.dimensions.map((d, i) => {
        const p = `adjustment.dimensions[${i}]`;
        if (!DIMENSIONS.includes(d.dimension)) c.add('field_missing', `${p}.dimension`, `dimension must be one of ${DIMENSIONS.join(', ')}`);
        else if (seen.has(d.dimension)) c.add('dimension_duplicate', `${p}.dimension`, `${d.dimension} appears twice`);
        seen.add(d.dimension);
        const s = c.num(d.score, `${p}.score`);
        if (s && (s.sign() < 0 || s.gt(100n))) c.add('score_range', `${p}.score`, 'a quality score is 0..100');
        const w = c.num(d.weight, `${p}.weight`);
        if (w && (w.sign() < 0 || w.gt(1n))) c.add('weight_range', `${p}.weight`, 'a weight is 0..1');
        return w;
      });
      checkWeightSum(c, weights, 'adjustment.dimensions');
    }
  } else if (adj?.kind === 'remaining_life') {
    const rem = c.num(adj.remainingYears, 'adjustment.remainingYears');
    const tot = c.num(adj.totalYears, 'adjustment.totalYears');
    if (tot && tot.sign() <= 0) c.add('life_range', 'adjustment.totalYears', 'the total economic life must be positive');
    if (rem && rem.sign() < 0) c.add('life_range', 'adjustment.remainingYears', 'the remaining life cannot be negative');
    if (rem && tot && tot.sign() > 0 && rem.gt(tot)) c.add('life_range', 'adjustment.remainingYears', 'the remaining life exceeds the total economic life');
  } else c.add('field_missing', 'adjustment.kind', "adjustment.kind must be 'quality' or 'remaining_life'");
  return c;
}

export const validateCostMethod = (input: CostMethodInput): ValuationProblem[] => checkCost(input).problems;

/** 成本法: value = 重置成本 × 价值调整系数 (中评协〔2023〕17号). */
export function costMethod(input: CostMethodInput): CostMethodResult {
  return finish(checkCost(input), () => {
    const amounts = input.items.map((i) => P(i.amountYuan));
    const replacement = Rational.sum(amounts);
    let factor: Rational;
    let adjustment: CostMethodResult['adjustment'];
    const adj = input.adjustment;
    if (adj.kind === 'quality') {
      const dims = adj.dimensions.map((d) => ({ d, weighted: P(d.score).mul(P(d.weight)) }));
      const composite = Rational.sum(dims.map((x) => x.weighted));
      factor = composite.div(100n);
      adjustment = {
        kind: 'quality',
        dimensions: dims.map(({ d, weighted }) => ({ dimension: d.dimension, score: d.score, weight: d.weight, weightedScore: show(weighted) })),
        compositeScore: show(composite),
        factor: show(factor),
      };
    } else {
      factor = P(adj.remainingYears).div(P(adj.totalYears));
      adjustment = { kind: 'remaining_life', remainingYears: adj.remainingYears, totalYears: adj.totalYears, factor: show(factor) };
    }
    const value = replacement.mul(factor);
    return {
      method: 'cost',
      items: input.items.map((i, k) => ({ kind: i.kind, label: i.label ?? COST_ITEM_LABELS[i.kind].zh, amountYuan: show(amounts[k]!) })),
      replacementCostYuan: show(replacement),
      adjustment,
      valueYuan: show(value),
      valueExact: value.toString(),
      valueFen: value.roundHalfUpToFen(),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Income method (收益法)

/**
 * 收益法 forecasting variants (中评协〔2023〕17号: 直接收益预测、分成收益预测、超额收益预测和增量收益预测):
 * - direct (直接收益): the data asset's own net cash flows;
 * - royalty (分成收益): royalty share × revenue of the products that use the data;
 * - excess (超额收益): total earnings − contributory charges of the other assets (贡献资产);
 * - incremental (增量收益): earnings with the data − earnings without it.
 */
export type IncomeVariant = 'direct' | 'royalty' | 'excess' | 'incremental';
export const INCOME_VARIANT_LABELS: Record<IncomeVariant, { zh: string; en: string }> = {
  direct: { zh: '直接收益法', en: 'direct income' },
  royalty: { zh: '分成收益法', en: 'royalty share' },
  excess: { zh: '超额收益法', en: 'excess earnings' },
  incremental: { zh: '增量收益法', en: 'incremental income' },
};

/** End-of-year: year t discounted by (1+r)^t; mid-year: by (1+r)^(t−0.5). */
export type DiscountTiming = 'end' | 'mid';

/**
 * What bounds the economic life (中评协〔2023〕17号: 法律有效期限、相关合同有效期限、数据资产的更新时间、
 * 时效性、权利状况以及相应载体的有效期限).
 */
export type LifeBoundBasis = 'legal' | 'contract' | 'update' | 'timeliness' | 'rights' | 'carrier' | 'other';

interface IncomeCommon {
  /** e.g. "0.12"; > 0. */
  discountRate: string;
  /** Default 'end'. */
  timing?: DiscountTiming;
  /** The economic life / income period in whole years; the forecast may not be longer. */
  economicLifeYears: number;
  /** The terms that bound the life; the life may not exceed any of them. */
  lifeBounds?: { basis: LifeBoundBasis; years: number; note?: string }[];
}

export type IncomeMethodInput =
  | (IncomeCommon & { variant: 'direct'; years: { netCashFlowYuan: string }[] })
  | (IncomeCommon & { variant: 'royalty'; royaltyRate: string; years: { revenueYuan: string }[] })
  | (IncomeCommon & { variant: 'excess'; years: { totalEarningsYuan: string; contributoryCharges: { asset: string; amountYuan: string }[] }[] })
  | (IncomeCommon & { variant: 'incremental'; years: { withDataYuan: string; withoutDataYuan: string }[] });

export interface IncomeYearRow {
  /** 1-based forecast year. */
  year: number;
  /** Variant-specific inputs of the year, as given (yuan strings). */
  basis: Record<string, string>;
  /** The income attributed to the data asset in the year. */
  incomeYuan: string;
  /** The discount exponent: "t" or "t-0.5". */
  exponent: string;
  /** 1 / (1+r)^exponent. */
  discountFactor: string;
  discountedYuan: string;
}

export interface IncomeMethodResult {
  method: 'income';
  variant: IncomeVariant;
  royaltyRate?: string;
  discountRate: string;
  timing: DiscountTiming;
  economicLifeYears: number;
  years: IncomeYearRow[];
  valueYuan: string;
  valueExact: string;
  valueFen: bigint;
}

const VARIANTS = Object.keys(INCOME_VARIANT_LABELS) as IncomeVariant[];

function checkIncome(input: IncomeMethodInput): Checker {
  const c = new Checker();
  if (!VARIANTS.includes(input?.variant)) {
    c.add('variant_invalid', 'variant', `variant must be one of ${VARIANTS.join(', ')}`);
    return c;
  }
  const r = c.num(input.discountRate, 'discountRate');
  if (r && r.sign() <= 0) c.add('discount_rate_range', 'discountRate', 'the discount rate must be positive');
  if (input.timing !== undefined && input.timing !== 'end' && input.timing !== 'mid') c.add('field_missing', 'timing', "timing is 'end' or 'mid'");
  const life = input.economicLifeYears;
  const lifeOk = Number.isSafeInteger(life) && life > 0;
  if (!lifeOk) c.add('life_invalid', 'economicLifeYears', 'the economic life is a positive whole number of years');
  (input.lifeBounds ?? []).forEach((b, i) => {
    if (!Number.isSafeInteger(b.years) || b.years <= 0) c.add('life_invalid', `lifeBounds[${i}].years`, 'a bound is a positive whole number of years');
    else if (lifeOk && life > b.years) c.add('life_exceeds_bound', `lifeBounds[${i}]`, `the economic life ${life} exceeds the ${b.basis} term of ${b.years} years`);
  });
  if (input.variant === 'royalty') {
    const k = c.num(input.royaltyRate, 'royaltyRate');
    if (k && (k.sign() < 0 || k.gt(1n))) c.add('rate_range', 'royaltyRate', 'a royalty share is 0..1');
  }
  const years: unknown[] = Array.isArray(input.years) ? input.years : [];
  if (years.length === 0) c.add('no_forecast', 'years', 'at least one forecast year is required');
  if (lifeOk && years.length > life) c.add('life_exceeded', 'years', `${years.length} forecast years exceed the economic life of ${life}`);
  input.years?.forEach((y, i) => {
    const p = `years[${i}]`;
    switch (input.variant) {
      case 'direct':
        c.num((y as { netCashFlowYuan: string }).netCashFlowYuan, `${p}.netCashFlowYuan`);
        break;
      case 'royalty': {
        const rev = c.num((y as { revenueYuan: string }).revenueYuan, `${p}.revenueYuan`);
        if (rev && rev.sign() < 0) c.add('amount_negative', `${p}.revenueYuan`, 'revenue cannot be negative');
        break;
      }
      case 'excess': {
        const e = y as { totalEarningsYuan: string; contributoryCharges: { asset: string; amountYuan: string }[] };
        c.num(e.totalEarningsYuan, `${p}.totalEarningsYuan`);
        if (!Array.isArray(e.contributoryCharges)) c.add('field_missing', `${p}.contributoryCharges`, 'required (may be empty)');
        else
          e.contributoryCharges.forEach((ch, j) => {
            const a = c.num(ch.amountYuan, `${p}.contributoryCharges[${j}].amountYuan`);
            if (a && a.sign() < 0) c.add('amount_negative', `${p}.contributoryCharges[${j}].amountYuan`, 'a contributory charge cannot be negative');
          });
        break;
      }
      case 'incremental': {
        const e = y as { withDataYuan: string; withoutDataYuan: string };
        c.num(e.withDataYuan, `${p}.withDataYuan`);
        c.num(e.withoutDataYuan, `${p}.withoutDataYuan`);
        break;
      }
    }
  });
  return c;
}

export const validateIncomeMethod = (input: IncomeMethodInput): ValuationProblem[] => checkIncome(input).problems;

/** The year's income attributable to the data asset, and the figures it came from. */
function yearIncome(input: IncomeMethodInput, i: number): { income: Rational; basis: Record<string, string> } {
  switch (input.variant) {
    case 'direct': {
      const y = input.years[i]!;
      return { income: P(y.netCashFlowYuan), basis: { netCashFlowYuan: y.netCashFlowYuan } };
    }
    case 'royalty': {
      const y = input.years[i]!;
      return { income: P(y.revenueYuan).mul(P(input.royaltyRate)), basis: { revenueYuan: y.revenueYuan } };
    }
    case 'excess': {
      const y = input.years[i]!;
      const charges = Rational.sum(y.contributoryCharges.map((ch) => P(ch.amountYuan)));
      return { income: P(y.totalEarningsYuan).sub(charges), basis: { totalEarningsYuan: y.totalEarningsYuan, contributoryChargesYuan: show(charges) } };
    }
    case 'incremental': {
      const y = input.years[i]!;
      return { income: P(y.withDataYuan).sub(P(y.withoutDataYuan)), basis: { withDataYuan: y.withDataYuan, withoutDataYuan: y.withoutDataYuan } };
    }
  }
}

/**
 * 收益法: value = Σ_{t=1..n} Fₜ / (1+r)^t (end-of-year) or Fₜ / (1+r)^(t−0.5) (mid-year), n ≤ the
 * economic life, no terminal value (中评协〔2023〕17号: 收益期限 bounded by 法律有效期限、合同有效期限 etc.).
 * End-of-year discounting is exact; mid-year uses √(1+r) truncated to SQRT_DECIMALS places.
 */
export function incomeMethod(input: IncomeMethodInput): IncomeMethodResult {
  return finish(checkIncome(input), () => {
    const timing: DiscountTiming = input.timing ?? 'end';
    const onePlusR = P(input.discountRate).add(1n);
    const root = timing === 'mid' ? sqrt(onePlusR, SQRT_DECIMALS) : null;
    let value = Rational.ZERO;
    const years: IncomeYearRow[] = input.years.map((_, i) => {
      const t = i + 1;
      const { income, basis } = yearIncome(input, i);
      const divisor = root ? onePlusR.pow(t - 1).mul(root) : onePlusR.pow(t);
      const discounted = income.div(divisor);
      value = value.add(discounted);
      return {
        year: t,
        basis,
        incomeYuan: show(income),
        exponent: root ? `${t}-0.5` : `${t}`,
        discountFactor: Rational.ONE.div(divisor).toFixed(10),
        discountedYuan: show(discounted),
      };
    });
    return {
      method: 'income',
      variant: input.variant,
      ...(input.variant === 'royalty' ? { royaltyRate: input.royaltyRate } : {}),
      discountRate: input.discountRate,
      timing,
      economicLifeYears: input.economicLifeYears,
      years,
      valueYuan: show(value),
      valueExact: value.toString(),
      valueFen: value.roundHalfUpToFen(),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Market method (市场法)

/**
 * 调整系数 (中评协〔2023〕17号, 市场法: 质量差异调整、供求差异调整、期日差异调整、容量差异调整以及其他差异调整).
 * Each is a positive multiplier (1 = no difference).
 */
export type MarketCoefficient = 'quality' | 'supplyDemand' | 'date' | 'volume' | 'other';
export const MARKET_COEFFICIENT_LABELS: Record<MarketCoefficient, { zh: string; en: string }> = {
  quality: { zh: '质量调整系数', en: 'quality' },
  supplyDemand: { zh: '供求调整系数', en: 'supply and demand' },
  date: { zh: '期日调整系数', en: 'date' },
  volume: { zh: '容量调整系数', en: 'volume' },
  other: { zh: '其他调整系数', en: 'other' },
};
const COEFFICIENTS = Object.keys(MARKET_COEFFICIENT_LABELS) as MarketCoefficient[];

export interface ComparableInput {
  id: string;
  priceYuan: string;
  coefficients: Record<MarketCoefficient, string>;
  /** Optional; either every comparable has a weight (summing to 1) or none (equal weights). */
  weight?: string;
}

export interface MarketMethodInput {
  comparables: ComparableInput[];
}

export interface MarketMethodResult {
  method: 'market';
  comparables: { id: string; priceYuan: string; coefficients: Record<MarketCoefficient, string>; combinedCoefficient: string; adjustedYuan: string; weight: string }[];
  /** 'equal' when no weights were given (the value is the mean of the adjusted prices). */
  weighting: 'equal' | 'explicit';
  valueYuan: string;
  valueExact: string;
  valueFen: bigint;
}

function checkMarket(input: MarketMethodInput): Checker {
  const c = new Checker();
  const list = input?.comparables;
  if (!Array.isArray(list) || list.length === 0) {
    c.add('no_comparables', 'comparables', 'at least one comparable transaction is required');
    return c;
  }
  list.forEach((cmp, i) => {
    const p = `comparables[${i}]`;
    const price = c.num(cmp.priceYuan, `${p}.priceYuan`);
    if (price && price.sign() < 0) c.add('amount_negative', `${p}.priceYuan`, 'a price cannot be negative');
    for (const k of COEFFICIENTS) {
      const v = c.num(cmp.coefficients?.[k], `${p}.coefficients.${k}`);
      if (v && v.sign() <= 0) c.add('coefficient_range', `${p}.coefficients.${k}`, 'an adjustment coefficient must be positive');
    }
  });
  const weighted = list.filter((x) => x.weight !== undefined).length;
  if (weighted > 0 && weighted < list.length) c.add('weights_partial', 'comparables', 'give every comparable a weight, or none for equal weights');
  else if (weighted === list.length) {
    const ws = list.map((x, i) => {
      const w = c.num(x.weight, `comparables[${i}].weight`);
      if (w && (w.sign() < 0 || w.gt(1n))) c.add('weight_range', `comparables[${i}].weight`, 'a weight is 0..1');
      return w;
    });
    checkWeightSum(c, ws, 'comparables');
  }
  return c;
}

export const validateMarketMethod = (input: MarketMethodInput): ValuationProblem[] => checkMarket(input).problems;

/**
 * 市场法: each comparable's price × Π its adjustment coefficients; the value is the weighted mean of
 * the adjusted prices (equal weights by default) (中评协〔2023〕17号: 将调整后的结果汇总分析).
 */
export function marketMethod(input: MarketMethodInput): MarketMethodResult {
  return finish(checkMarket(input), () => {
    const explicit = input.comparables.every((x) => x.weight !== undefined);
    const equal = Rational.of(1n, BigInt(input.comparables.length));
    let value = Rational.ZERO;
    const comparables = input.comparables.map((cmp) => {
      const combined = COEFFICIENTS.reduce((acc, k) => acc.mul(P(cmp.coefficients[k])), Rational.ONE);
      const adjusted = P(cmp.priceYuan).mul(combined);
      const weight = explicit ? P(cmp.weight!) : equal;
      value = value.add(adjusted.mul(weight));
      return {
        id: cmp.id,
        priceYuan: cmp.priceYuan,
        coefficients: Object.fromEntries(COEFFICIENTS.map((k) => [k, cmp.coefficients[k]])) as Record<MarketCoefficient, string>,
        combinedCoefficient: show(combined),
        adjustedYuan: show(adjusted),
        weight: show(weight),
      };
    });
    return { method: 'market', comparables, weighting: explicit ? 'explicit' : 'equal', valueYuan: show(value), valueExact: value.toString(), valueFen: value.roundHalfUpToFen() };
  });
}

// ---------------------------------------------------------------------------------------------
// Reconciliation (评估结论)

export interface ReconcileInput {
  /**
   * The methods' UNROUNDED values: pass the method results themselves (their `valueExact`), or
   * `{ method, valueExact }` with a decimal or "n/d" string.
   */
  values: { method: ValuationMethod; valueExact: string }[];
  /** A weight per method used, each in (0, 1], summing to exactly 1. */
  weights: Partial<Record<ValuationMethod, string>>;
}

export interface ReconcileResult {
  methods: { method: ValuationMethod; valueYuan: string; weight: string; weightedYuan: string }[];
  valueYuan: string;
  valueExact: string;
  valueFen: bigint;
}

const METHODS: ValuationMethod[] = ['cost', 'income', 'market'];

function checkReconcile(input: ReconcileInput): Checker {
  const c = new Checker();
  const values = Array.isArray(input?.values) ? input.values : [];
  const weights = input?.weights ?? {};
  if (values.length === 0) c.add('no_methods', 'values', 'at least one method value is required');
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (!METHODS.includes(v.method)) c.add('field_missing', `values[${i}].method`, `method must be one of ${METHODS.join(', ')}`);
    else if (seen.has(v.method)) c.add('duplicate_method', `values[${i}].method`, `${v.method} appears twice`);
    seen.add(v.method);
    c.num(v.valueExact, `values[${i}].valueExact`);
    if (METHODS.includes(v.method) && weights[v.method] === undefined) c.add('method_unweighted', `weights.${v.method}`, `${v.method} has a value but no weight`);
  });
  const ws: (Rational | null)[] = [];
  for (const [m, w] of Object.entries(weights)) {
    if (w === undefined) continue;
    if (!METHODS.includes(m as ValuationMethod)) c.add('field_missing', `weights.${m}`, `unknown method ${m}`);
    else if (!seen.has(m)) c.add('weight_without_value', `weights.${m}`, `${m} is weighted but has no value`);
    const r = c.num(w, `weights.${m}`);
    if (r && (r.sign() <= 0 || r.gt(1n))) c.add('weight_range', `weights.${m}`, 'a method weight is in (0, 1]');
    ws.push(r);
  }
  if (ws.length > 0) checkWeightSum(c, ws, 'weights');
  return c;
}

export const validateReconcile = (input: ReconcileInput): ValuationProblem[] => checkReconcile(input).problems;

/**
 * The conclusion from several methods as a weighted sum of their UNROUNDED values, rounded half up
 * to the fen once (中评协〔2023〕17号: 对所获得的各种测算结果进行分析 … 最终确定评估结论的理由 — the weights are
 * the appraiser's stated reasoning).
 */
export function reconcile(input: ReconcileInput): ReconcileResult {
  return finish(checkReconcile(input), () => {
    let value = Rational.ZERO;
    const methods = input.values.map((v) => {
      const x = P(v.valueExact);
      const w = P(input.weights[v.method]!);
      const weighted = x.mul(w);
      value = value.add(weighted);
      return { method: v.method, valueYuan: show(x), weight: show(w), weightedYuan: show(weighted) };
    });
    return { methods, valueYuan: show(value), valueExact: value.toString(), valueFen: value.roundHalfUpToFen() };
  });
}
