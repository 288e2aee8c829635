import { describe, expect, it } from 'vitest';
import { Rational } from './decimal.rules.js';
import {
  type CostMethodInput,
  type IncomeMethodInput,
  type MarketMethodInput,
  type ReconcileInput,
  ValuationError,
  costMethod,
  incomeMethod,
  marketMethod,
  reconcile,
  validateCostMethod,
  validateIncomeMethod,
  validateMarketMethod,
  validateReconcile,
} from './valuation.rules.js';

// Worked examples (中评协〔2023〕17号 methods), copied into the test.
const COST: CostMethodInput = {
  items: [
    { kind: 'preliminary', amountYuan: '200000' },
    { kind: 'direct', amountYuan: '1200000' },
    { kind: 'indirect', amountYuan: '150000' },
    { kind: 'opportunity', amountYuan: '50000' },
    { kind: 'taxes', amountYuan: '84000' },
  ],
  adjustment: {
    kind: 'quality',
    dimensions: [
      { dimension: 'accuracy', score: '92', weight: '0.25' },
      { dimension: 'consistency', score: '88', weight: '0.15' },
      { dimension: 'completeness', score: '95', weight: '0.20' },
      { dimension: 'conformity', score: '90', weight: '0.15' },
      { dimension: 'timeliness', score: '80', weight: '0.15' },
      { dimension: 'accessibility', score: '85', weight: '0.10' },
    ],
  },
};

const REVENUE = ['3000000', '3600000', '4200000', '4500000', '4500000'];
const ROYALTY: IncomeMethodInput = {
  variant: 'royalty',
  royaltyRate: '0.08',
  discountRate: '0.12',
  economicLifeYears: 5,
  years: REVENUE.map((revenueYuan) => ({ revenueYuan })),
};
/** The royalty example's yearly income: 0.08 × revenue. */
const INCOME = ['240000', '288000', '336000', '360000', '360000'];

const MARKET: MarketMethodInput = {
  comparables: [
    { id: 'A', priceYuan: '1200000', coefficients: { quality: '1.05', supplyDemand: '0.98', date: '1.02', volume: '0.95', other: '1.00' } },
    { id: 'B', priceYuan: '1500000', coefficients: { quality: '0.92', supplyDemand: '1.00', date: '0.97', volume: '1.03', other: '0.98' } },
    { id: 'C', priceYuan: '980000', coefficients: { quality: '1.10', supplyDemand: '1.05', date: '1.00', volume: '1.08', other: '1.00' } },
  ],
};

const codes = (problems: { code: string }[]): string[] => problems.map((p) => p.code);

describe('cost method (成本法)', () => {
  it('reproduces the worked example: 1,684,000.00 × 0.892 = 1,502,128.00', () => {
    const r = costMethod(COST);
    expect(r.replacementCostYuan).toBe('1684000.000000');
    expect(r.adjustment.kind).toBe('quality');
    if (r.adjustment.kind !== 'quality') throw new Error('unreachable');
    expect(r.adjustment.compositeScore).toBe('89.200000');
    expect(r.adjustment.factor).toBe('0.892000');
    expect(r.adjustment.dimensions.map((d) => d.weightedScore)).toEqual(['23.000000', '13.200000', '19.000000', '13.500000', '12.000000', '8.500000']);
    expect(r.valueFen).toBe(150212800n);
    expect(r.valueExact).toBe('1502128');
    expect(r.valueYuan).toBe('1502128.000000');
    expect(r.items.map((i) => i.label)).toEqual(['前期费用', '直接成本', '间接成本', '机会成本', '相关税费']);
  });

  it('takes a remaining-life factor instead: remaining / total economic life', () => {
    const r = costMethod({ items: COST.items, adjustment: { kind: 'remaining_life', remainingYears: '3', totalYears: '5' } });
    expect(r.adjustment.factor).toBe('0.600000');
    expect(r.valueFen).toBe(101040000n); // 1,684,000 × 0.6
    const third = costMethod({ items: [{ kind: 'direct', amountYuan: '100' }], adjustment: { kind: 'remaining_life', remainingYears: '1', totalYears: '3' } });
    expect(third.valueExact).toBe('100/3');
    expect(third.valueFen).toBe(3333n);
  });

  it('refuses bad input: weights not summing to 1, scores out of range, negative cost, malformed decimals', () => {
    const dims = COST.adjustment.kind === 'quality' ? COST.adjustment.dimensions : [];
    const badWeights: CostMethodInput = { ...COST, adjustment: { kind: 'quality', dimensions: dims.map((d, i) => (i === 0 ? { ...d, weight: '0.24' } : d)) } };
    expect(codes(validateCostMethod(badWeights))).toEqual(['weights_sum']);
    expect(() => costMethod(badWeights)).toThrow(ValuationError);

    const badScore: CostMethodInput = { ...COST, adjustment: { kind: 'quality', dimensions: dims.map((d, i) => (i === 1 ? { ...d, score: '100.5' } : i === 2 ? { ...d, score: '-1' } : d)) } };
    expect(validateCostMethod(badScore).map((p) => `${p.code}@${p.path}`)).toEqual(['score_range@adjustment.dimensions[1].score', 'score_range@adjustment.dimensions[2].score']);
    expect(validateCostMethod({ ...COST, adjustment: { kind: 'quality', dimensions: dims.map((d, i) => (i === 0 ? { ...d, score: '100' } : d)) } })).toEqual([]);

    const negative: CostMethodInput = { ...COST, items: [...COST.items, { kind: 'taxes', amountYuan: '-0.01' }] };
    expect(codes(validateCostMethod(negative))).toEqual(['amount_negative']);

    const malformed: CostMethodInput = { ...COST, items: [{ kind: 'direct', amountYuan: '1,200,000' }] };
    expect(codes(validateCostMethod(malformed))).toEqual(['decimal_invalid']);
    expect(codes(validateCostMethod({ ...COST, items: [] }))).toEqual(['no_cost_items']);
    expect(codes(validateCostMethod({ ...COST, adjustment: { kind: 'quality', dimensions: [dims[0]!, { ...dims[0]!, weight: '0.75' }] } }))).toEqual(['dimension_duplicate']);
    expect(codes(validateCostMethod({ ...COST, adjustment: { kind: 'remaining_life', remainingYears: '6', totalYears: '5' } }))).toEqual(['life_range']);
    expect(codes(validateCostMethod({ ...COST, adjustment: { kind: 'remaining_life', remainingYears: '0', totalYears: '0' } }))).toEqual(['life_range']);

    try {
      costMethod(badScore);
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ValuationError);
      expect((e as ValuationError).code).toBe('VALUATION_INVALID');
      expect(codes((e as ValuationError).problems)).toEqual(['score_range', 'score_range']);
    }
  });
});

describe('income method (收益法)', () => {
  it('reproduces the royalty-share example: Σ 0.08 × Rₜ / 1.12ᵗ = 1,116,095.89', () => {
    const r = incomeMethod(ROYALTY);
    expect(r.valueFen).toBe(111609589n);
    expect(r.valueExact).toBe('300131578125/268912');
    expect(r.valueYuan).toBe('1116095.890570');
    expect(Rational.parse(r.valueExact).toFixed(10)).toBe('1116095.8905701493');
    expect(r.years.map((y) => y.incomeYuan)).toEqual(INCOME.map((x) => `${x}.000000`));
    expect(r.years.map((y) => y.discountedYuan)).toEqual(['214285.714286', '229591.836735', '239158.163265', '228786.508226', '204273.668059']);
    expect(r.years.map((y) => y.discountFactor)).toEqual(['0.8928571429', '0.7971938776', '0.7117802478', '0.6355180784', '0.5674268557']);
    expect(r.timing).toBe('end');
  });

  it('gives the same value through the direct, excess and incremental variants when their income is the same', () => {
    const common = { discountRate: '0.12', economicLifeYears: 5 };
    const direct = incomeMethod({ ...common, variant: 'direct', years: INCOME.map((netCashFlowYuan) => ({ netCashFlowYuan })) });
    const excess = incomeMethod({
      ...common,
      variant: 'excess',
      years: INCOME.map((x) => ({
        totalEarningsYuan: Rational.parse(x).add('1000000.50').toFixed(2),
        contributoryCharges: [
          { asset: '营运资金', amountYuan: '400000.25' },
          { asset: '固定资产', amountYuan: '600000.25' },
        ],
      })),
    });
    const incremental = incomeMethod({ ...common, variant: 'incremental', years: INCOME.map((x) => ({ withDataYuan: Rational.parse(x).add('5000000').toFixed(2), withoutDataYuan: '5000000.00' })) });
    for (const r of [direct, excess, incremental]) {
      expect(r.valueFen).toBe(111609589n);
      expect(r.valueExact).toBe('300131578125/268912');
    }
    expect(excess.years[0]!.basis.contributoryChargesYuan).toBe('1000000.500000');
    // a one-year direct flow of 112 at 12 % is worth exactly 100
    expect(incomeMethod({ ...common, variant: 'direct', economicLifeYears: 1, years: [{ netCashFlowYuan: '112' }] }).valueFen).toBe(10000n);
  });

  it('discounts mid-year on request: Fₜ / 1.12^(t−0.5)', () => {
    const r = incomeMethod({ ...ROYALTY, timing: 'mid' });
    // 1,181,164.866299909781… (computed independently to 60 digits)
    expect(r.valueFen).toBe(118116487n);
    expect(r.valueYuan).toBe('1181164.866300');
    expect(r.years[0]!.exponent).toBe('1-0.5');
    expect(incomeMethod({ variant: 'direct', discountRate: '0.44', timing: 'mid', economicLifeYears: 1, years: [{ netCashFlowYuan: '120' }] }).valueExact).toBe('100');
  });

  it('refuses a forecast longer than the economic life, a life beyond its legal or contract term, and bad rates', () => {
    const six: IncomeMethodInput = { ...ROYALTY, years: [...REVENUE, '4500000'].map((revenueYuan) => ({ revenueYuan })) };
    expect(codes(validateIncomeMethod(six))).toEqual(['life_exceeded']);
    expect(() => incomeMethod(six)).toThrow(ValuationError);
    // a shorter forecast than the life is allowed (the income ends early; no terminal value)
    expect(validateIncomeMethod({ ...ROYALTY, economicLifeYears: 6 })).toEqual([]);
    expect(codes(validateIncomeMethod({ ...ROYALTY, lifeBounds: [{ basis: 'contract', years: 4 }] }))).toEqual(['life_exceeds_bound']);
    expect(validateIncomeMethod({ ...ROYALTY, lifeBounds: [{ basis: 'legal', years: 5 }, { basis: 'contract', years: 10 }] })).toEqual([]);
    expect(codes(validateIncomeMethod({ ...ROYALTY, economicLifeYears: 2.5 }))).toEqual(['life_invalid']);
    expect(codes(validateIncomeMethod({ ...ROYALTY, royaltyRate: '1.2' }))).toEqual(['rate_range']);
    expect(codes(validateIncomeMethod({ ...ROYALTY, discountRate: '0' }))).toEqual(['discount_rate_range']);
    expect(codes(validateIncomeMethod({ ...ROYALTY, discountRate: '12%' }))).toEqual(['decimal_invalid']);
    expect(codes(validateIncomeMethod({ ...ROYALTY, years: [] }))).toEqual(['no_forecast']);
    expect(codes(validateIncomeMethod({ ...ROYALTY, years: [{ revenueYuan: '-1' }] }))).toEqual(['amount_negative']);
    expect(codes(validateIncomeMethod({ ...ROYALTY, variant: 'licence' } as unknown as IncomeMethodInput))).toEqual(['variant_invalid']);
    expect(codes(validateIncomeMethod({ variant: 'incremental', discountRate: '0.1', economicLifeYears: 1, years: [{ withDataYuan: '10' }] } as unknown as IncomeMethodInput))).toEqual(['field_missing']);
  });
});

describe('market method (市场法)', () => {
  it('reproduces the worked example: mean of the adjusted comparables = 1,256,718.68', () => {
    const r = marketMethod(MARKET);
    expect(r.comparables.map((c) => c.adjustedYuan)).toEqual(['1196521.200000', '1351182.840000', '1222452.000000']);
    expect(r.comparables.map((c) => c.weight)).toEqual(['0.333333', '0.333333', '0.333333']);
    expect(r.comparables[0]!.combinedCoefficient).toBe('0.997101');
    expect(r.weighting).toBe('equal');
    expect(r.valueExact).toBe(Rational.parse('1256718.68').toString());
    expect(r.valueFen).toBe(125671868n);
  });

  it('uses explicit weights when every comparable has one', () => {
    const weights = ['0.5', '0.3', '0.2'];
    const r = marketMethod({ comparables: MARKET.comparables.map((c, i) => ({ ...c, weight: weights[i] })) });
    // 0.5 × 1,196,521.20 + 0.3 × 1,351,182.84 + 0.2 × 1,222,452.00 = 1,248,105.852
    expect(r.valueExact).toBe(Rational.parse('1248105.852').toString());
    expect(r.valueFen).toBe(124810585n);
    expect(r.weighting).toBe('explicit');
  });

  it('refuses no comparables, partial or mis-summed weights, and non-positive coefficients', () => {
    expect(codes(validateMarketMethod({ comparables: [] }))).toEqual(['no_comparables']);
    expect(() => marketMethod({ comparables: [] })).toThrow(ValuationError);
    expect(codes(validateMarketMethod({ comparables: MARKET.comparables.map((c, i) => (i === 0 ? { ...c, weight: '1' } : c)) }))).toEqual(['weights_partial']);
    expect(codes(validateMarketMethod({ comparables: MARKET.comparables.map((c) => ({ ...c, weight: '0.3333' })) }))).toEqual(['weights_sum']);
    expect(codes(validateMarketMethod({ comparables: [{ ...MARKET.comparables[0]!, coefficients: { ...MARKET.comparables[0]!.coefficients, volume: '0' } }] }))).toEqual(['coefficient_range']);
    expect(codes(validateMarketMethod({ comparables: [{ ...MARKET.comparables[0]!, priceYuan: '-5' }] }))).toEqual(['amount_negative']);
  });
});

describe('reconciliation (评估结论)', () => {
  it('weights the UNROUNDED method values: 0.3 cost + 0.5 income + 0.2 market = 1,260,030.08', () => {
    const values = [costMethod(COST), incomeMethod(ROYALTY), marketMethod(MARKET)];
    const r = reconcile({ values, weights: { cost: '0.3', income: '0.5', market: '0.2' } });
    expect(r.valueFen).toBe(126003008n);
    expect(Rational.parse(r.valueExact).toFixed(10)).toBe('1260030.0812850747');
    expect(r.valueExact).toBe(Rational.parse('1502128').mul('0.3').add(Rational.parse('300131578125/268912').mul('0.5')).add(Rational.parse('1256718.68').mul('0.2')).toString());
    expect(r.methods.map((m) => m.weightedYuan)).toEqual(['450638.400000', '558047.945285', '251343.736000']);
  });

  it('refuses weights that do not sum to 1 and methods that are not the ones weighted', () => {
    const values: ReconcileInput['values'] = [
      { method: 'cost', valueExact: '1502128' },
      { method: 'income', valueExact: '300131578125/268912' },
    ];
    expect(codes(validateReconcile({ values, weights: { cost: '0.3', income: '0.6' } }))).toEqual(['weights_sum']);
    expect(() => reconcile({ values, weights: { cost: '0.3', income: '0.6' } })).toThrow(ValuationError);
    expect(codes(validateReconcile({ values, weights: { cost: '1' } }))).toEqual(['method_unweighted']);
    expect(codes(validateReconcile({ values, weights: { cost: '0.3', income: '0.5', market: '0.2' } }))).toEqual(['weight_without_value']);
    expect(codes(validateReconcile({ values: [...values, { method: 'cost', valueExact: '1' }], weights: { cost: '0.5', income: '0.5' } }))).toEqual(['duplicate_method']);
    expect(codes(validateReconcile({ values, weights: { cost: '0', income: '1' } }))).toEqual(['weight_range']);
    expect(codes(validateReconcile({ values: [], weights: {} }))).toEqual(['no_methods']);
    expect(codes(validateReconcile({ values: [{ method: 'cost', valueExact: '1.502.128' }], weights: { cost: '1' } }))).toEqual(['decimal_invalid']);
    expect(reconcile({ values, weights: { cost: '0.5', income: '0.5' } }).valueFen).toBe(Rational.parse('1502128').add('300131578125/268912').div(2n).roundHalfUpToFen());
  });
});
