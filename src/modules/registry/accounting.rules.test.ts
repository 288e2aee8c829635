import { describe, expect, it } from 'vitest';
import {
  AccountingError,
  type ClassificationFacts,
  addMonths,
  amortizationSchedule,
  classifyDataResource,
  disclosureTables,
  purchasedIntangibleCost,
  toFen,
} from './accounting.rules.js';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof AccountingError ? e.code : `not an AccountingError: ${String(e)}`;
  }
  return undefined;
};

describe('classification (财会〔2023〕11号)', () => {
  const cls = (facts: ClassificationFacts) => classifyDataResource(facts).class;

  it('maps the declared facts to inventory, intangible, development expenditure or expense', () => {
    expect(cls({ holding: 'for_sale', acquisition: 'purchased', meetsRecognition: true })).toBe('inventory');
    expect(cls({ holding: 'for_sale', acquisition: 'self_developed', meetsRecognition: true })).toBe('inventory');
    expect(cls({ holding: 'for_sale', acquisition: 'purchased', meetsRecognition: false })).toBe('expensed');
    expect(cls({ holding: 'internal_use', acquisition: 'purchased', meetsRecognition: true })).toBe('intangible');
    expect(cls({ holding: 'internal_use', acquisition: 'other', meetsRecognition: false })).toBe('expensed');
    expect(cls({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true, rdPhase: 'research' })).toBe('expensed');
    expect(cls({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true, rdPhase: 'development', readyForIntendedUse: false })).toBe('development');
    expect(cls({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true, rdPhase: 'development', readyForIntendedUse: true })).toBe('intangible');
    expect(cls({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: false, rdPhase: 'development', readyForIntendedUse: true })).toBe('expensed');
  });

  it('gives its basis in Chinese and English and the balance-sheet line', () => {
    const inv = classifyDataResource({ holding: 'for_sale', acquisition: 'purchased', meetsRecognition: true });
    expect(inv.isAsset).toBe(true);
    expect(inv.balanceSheetLine?.zh).toBe('存货——其中：数据资源');
    expect(inv.basis.zh).toContain('企业会计准则第1号——存货');
    expect(inv.basis.en).toContain('CAS 1');
    const research = classifyDataResource({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true, rdPhase: 'research' });
    expect(research.isAsset).toBe(false);
    expect(research.balanceSheetLine).toBeNull();
    expect(research.basis.zh).toContain('研究阶段');
    const dev = classifyDataResource({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true, rdPhase: 'development', readyForIntendedUse: false });
    expect(dev.balanceSheetLine?.zh).toBe('开发支出——其中：数据资源');
  });

  it('refuses incomplete facts for internal development', () => {
    expect(code(() => classifyDataResource({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true }))).toBe('FACTS_INCOMPLETE');
    expect(code(() => classifyDataResource({ holding: 'internal_use', acquisition: 'self_developed', meetsRecognition: true, rdPhase: 'development' }))).toBe('FACTS_INCOMPLETE');
  });
});

describe('cost of a purchased data intangible', () => {
  it('capitalises the listed items and expenses the rest', () => {
    const r = purchasedIntangibleCost([
      { kind: 'price', amountFen: 100_000_000n },
      { kind: 'taxes', amountFen: '6000000' },
      { kind: 'desensitisation', amountFen: 1_000_000n },
      { kind: 'cleaning', amountFen: 2_000_000n },
      { kind: 'labelling', amountFen: 3_000_000n },
      { kind: 'integration', amountFen: 1_500_000n },
      { kind: 'analysis', amountFen: 500_000n },
      { kind: 'visualisation', amountFen: 250_000n },
      { kind: 'ownership_verification', amountFen: 800_000n },
      { kind: 'quality_assessment', amountFen: 700_000n },
      { kind: 'registration_settlement', amountFen: 300_000n },
      { kind: 'security_management', amountFen: 400_000n },
      { kind: 'training', label: '员工培训', amountFen: 900_000n },
      { kind: 'cleaning', label: '上线后例行清洗', amountFen: 120_000n, afterReadyForUse: true },
      { kind: 'analysis', label: '其他项目分析', amountFen: 50_000n, directlyAttributable: false },
    ]);
    expect(r.capitalizedFen).toBe(116_450_000n);
    expect(r.expensedFen).toBe(1_070_000n);
    expect(r.lines.filter((l) => !l.capitalizable).map((l) => `${l.label}:${l.reason}`)).toEqual(['员工培训:not_listed', '上线后例行清洗:after_ready_for_use', '其他项目分析:not_directly_attributable']);
    expect(r.lines[2]!.label).toBe('数据脱敏');
    // 'directlyAttributable: false' does not expense a non-processing item such as the price
    expect(purchasedIntangibleCost([{ kind: 'price', amountFen: 5n, directlyAttributable: false }]).capitalizedFen).toBe(5n);
  });

  it('refuses negative or malformed amounts', () => {
    expect(code(() => purchasedIntangibleCost([{ kind: 'price', amountFen: -1n }]))).toBe('AMOUNT_INVALID');
    expect(code(() => purchasedIntangibleCost([{ kind: 'price', amountFen: '1000.50' }]))).toBe('AMOUNT_INVALID');
    expect(code(() => toFen(12 as unknown as bigint))).toBe('AMOUNT_INVALID');
  });
});

describe('straight-line amortization (CAS 6)', () => {
  it('reproduces the worked example: 168,400,000 fen over 60 months', () => {
    const s = amortizationSchedule({ costFen: '168400000', lifeYears: 5, startMonth: '2024-01' });
    expect(s.months).toBe(60);
    expect(s.monthlyFen).toBe(2_806_666n);
    expect(s.lastMonthFen).toBe(2_806_706n);
    expect(s.rows.slice(0, 59).every((r) => r.amountFen === 2_806_666n)).toBe(true);
    expect(s.rows[59]!.amountFen).toBe(2_806_706n);
    expect(s.rows.reduce((a, r) => a + r.amountFen, 0n)).toBe(168_400_000n);
    expect(s.rows[0]).toEqual({ month: '2024-01', amountFen: 2_806_666n, accumulatedFen: 2_806_666n, carryingFen: 165_593_334n });
    expect(s.rows[11]!.month).toBe('2024-12');
    expect(s.rows[12]!.month).toBe('2025-01');
    expect(s.rows[58]).toEqual({ month: '2028-11', amountFen: 2_806_666n, accumulatedFen: 165_593_294n, carryingFen: 2_806_706n });
    expect(s.rows[59]).toEqual({ month: '2028-12', amountFen: 2_806_706n, accumulatedFen: 168_400_000n, carryingFen: 0n });
  });

  it('amortizes down to a residual value', () => {
    const s = amortizationSchedule({ costFen: 1_000_000n, residualFen: 100_001n, lifeMonths: 7, startMonth: '2024-11' });
    expect(s.amortizableFen).toBe(899_999n);
    expect(s.monthlyFen).toBe(128_571n);
    expect(s.lastMonthFen).toBe(128_573n);
    expect(s.rows.map((r) => r.month)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(s.rows[6]!.carryingFen).toBe(100_001n);
  });

  it('always sums exactly to cost − residual, the last month taking the remainder (property check)', () => {
    let seed = 20240101n;
    const next = (mod: bigint) => {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
      return (seed >> 16n) % mod;
    };
    const cases: [bigint, bigint, number][] = [
      [0n, 0n, 12],
      [1n, 0n, 60],
      [59n, 0n, 60],
      [168_400_000n, 0n, 60],
      [168_400_000n, 400_000n, 61],
      [99_999_999_999n, 1n, 120],
      [123_456_789n, 123_456_789n, 36],
    ];
    for (let i = 0; i < 40; i++) {
      const cost = next(10n ** 12n);
      cases.push([cost, next(cost + 1n), Number(next(240n)) + 1]);
    }
    for (const [cost, residual, months] of cases) {
      const s = amortizationSchedule({ costFen: cost, residualFen: residual, lifeMonths: months, startMonth: '2023-07' });
      const label = `${cost}/${residual}/${months}`;
      expect(s.rows.length, label).toBe(months);
      expect(s.rows.reduce((a, r) => a + r.amountFen, 0n), label).toBe(cost - residual);
      const last = s.rows[months - 1]!;
      expect(last.amountFen, label).toBe(cost - residual - s.monthlyFen * BigInt(months - 1));
      expect(last.amountFen >= s.monthlyFen && last.amountFen - s.monthlyFen < BigInt(months), label).toBe(true);
      expect(s.rows.slice(0, -1).every((r) => r.amountFen === (cost - residual) / BigInt(months)), label).toBe(true);
      expect(last.carryingFen, label).toBe(residual);
      expect(last.accumulatedFen, label).toBe(cost - residual);
      expect(last.month, label).toBe(addMonths('2023-07', months - 1));
    }
  });

  it('refuses a negative cost, a residual above cost, a bad life or month', () => {
    expect(code(() => amortizationSchedule({ costFen: -1n, lifeYears: 5, startMonth: '2024-01' }))).toBe('AMOUNT_INVALID');
    expect(code(() => amortizationSchedule({ costFen: '-168400000', lifeYears: 5, startMonth: '2024-01' }))).toBe('AMOUNT_INVALID');
    expect(code(() => amortizationSchedule({ costFen: 100n, residualFen: 101n, lifeYears: 5, startMonth: '2024-01' }))).toBe('RESIDUAL_EXCEEDS_COST');
    expect(code(() => amortizationSchedule({ costFen: 100n, lifeYears: 0, startMonth: '2024-01' }))).toBe('LIFE_INVALID');
    expect(code(() => amortizationSchedule({ costFen: 100n, lifeMonths: 1.5, startMonth: '2024-01' }))).toBe('LIFE_INVALID');
    expect(code(() => amortizationSchedule({ costFen: 100n, lifeYears: 1, lifeMonths: 12, startMonth: '2024-01' }))).toBe('LIFE_INVALID');
    expect(code(() => amortizationSchedule({ costFen: 100n, startMonth: '2024-01' }))).toBe('LIFE_INVALID');
    expect(code(() => amortizationSchedule({ costFen: 100n, lifeYears: 1, startMonth: '2024-13' }))).toBe('MONTH_INVALID');
    expect(code(() => amortizationSchedule({ costFen: 100n, lifeYears: 1, startMonth: '2024-1' }))).toBe('MONTH_INVALID');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
  });
});

describe('disclosure tables (财会〔2023〕11号 三(二))', () => {
  it('aggregates per class by source: opening, additions, amortization, closing', () => {
    const tables = disclosureTables([
      { class: 'intangible', source: 'purchased', openingCostFen: '168400000', additionsFen: 0n, openingAccumulatedFen: 33_679_992n, amortizationFen: 33_679_992n },
      { class: 'intangible', source: 'purchased', openingCostFen: 0n, additionsFen: 12_000_000n, amortizationFen: 1_000_000n },
      { class: 'intangible', source: 'self_developed', openingCostFen: 50_000_000n, additionsFen: 0n, openingAccumulatedFen: 10_000_000n, amortizationFen: 10_000_000n },
      { class: 'inventory', source: 'self_developed', openingCostFen: 3_000_000n, additionsFen: 2_000_000n },
      { class: 'development', source: 'self_developed', openingCostFen: 0n, additionsFen: 7_000_000n },
    ]);
    expect(tables.map((t) => t.class)).toEqual(['intangible', 'inventory', 'development']);
    const intangible = tables[0]!;
    expect(intangible.rows.map((r) => r.source)).toEqual(['purchased', 'self_developed', 'other', 'total']);
    expect(intangible.rows[0]).toMatchObject({
      openingCostFen: 168_400_000n,
      additionsFen: 12_000_000n,
      closingCostFen: 180_400_000n,
      openingAccumulatedFen: 33_679_992n,
      amortizationFen: 34_679_992n,
      closingAccumulatedFen: 68_359_984n,
      openingCarryingFen: 134_720_008n,
      closingCarryingFen: 112_040_016n,
    });
    expect(intangible.rows[2]!.closingCarryingFen).toBe(0n);
    expect(intangible.rows[3]).toMatchObject({ openingCostFen: 218_400_000n, closingCostFen: 230_400_000n, amortizationFen: 44_679_992n, closingCarryingFen: 142_040_016n });
    expect(intangible.rows[0]!.label.zh).toBe('外购的数据资源无形资产');
    const inventory = tables[1]!;
    expect(inventory.rows[1]).toMatchObject({ label: { zh: '自行加工的数据资源存货', en: 'self-processed' }, closingCostFen: 5_000_000n, closingCarryingFen: 5_000_000n, amortizationFen: 0n });
    expect(tables[2]!.rows[3]!.closingCostFen).toBe(7_000_000n);
    expect(disclosureTables([])).toEqual([]);
  });

  it('refuses amortization outside intangibles, accumulated above cost, and expensed items', () => {
    expect(code(() => disclosureTables([{ class: 'inventory', source: 'purchased', openingCostFen: 10n, additionsFen: 0n, amortizationFen: 1n }]))).toBe('NOT_AMORTIZED');
    expect(code(() => disclosureTables([{ class: 'intangible', source: 'purchased', openingCostFen: 10n, additionsFen: 0n, openingAccumulatedFen: 8n, amortizationFen: 3n }]))).toBe('ACCUMULATED_EXCEEDS_COST');
    expect(code(() => disclosureTables([{ class: 'expensed' as 'intangible', source: 'purchased', openingCostFen: 10n, additionsFen: 0n }]))).toBe('NOT_AN_ASSET');
    expect(code(() => disclosureTables([{ class: 'intangible', source: 'purchased', openingCostFen: -10n, additionsFen: 0n }]))).toBe('AMOUNT_INVALID');
  });
});
