/**
 * Data-resource accounting rules (数据资源入表), pure (no I/O): classification, the capitalizable cost
 * of a purchased data intangible, straight-line amortization, and the disclosure tables.
 *
 * Source: 财政部《企业数据资源相关会计处理暂行规定》(财会〔2023〕11号, effective 2024-01-01), with the
 * standards it applies: 《企业会计准则第1号——存货》(CAS 1) and 《企业会计准则第6号——无形资产》(CAS 6).
 *
 * Money convention (every function here): integer FEN. Inputs are `FenInput` — a bigint, or the wire
 * form, a string of ASCII digits ("168400000"); negative amounts are refused. Outputs are bigint fen;
 * serialise them as decimal strings in `…Fen` fields. Bad input throws AccountingError with a stable
 * `code`.
 */

export type AccountingErrorCode = 'AMOUNT_INVALID' | 'LIFE_INVALID' | 'MONTH_INVALID' | 'RESIDUAL_EXCEEDS_COST' | 'FACTS_INCOMPLETE' | 'NOT_AMORTIZED' | 'NOT_AN_ASSET' | 'ACCUMULATED_EXCEEDS_COST';

export class AccountingError extends Error {
  readonly code: AccountingErrorCode;
  constructor(code: AccountingErrorCode, message: string) {
    super(message);
    this.name = 'AccountingError';
    this.code = code;
  }
}

/** Integer fen: a bigint, or a string of ASCII digits (the wire form of a `…Fen` field). */
export type FenInput = bigint | string;

/** Parses a non-negative amount of fen; anything else throws AMOUNT_INVALID. */
export function toFen(x: FenInput, what = 'amount'): bigint {
  let v: bigint;
  if (typeof x === 'bigint') v = x;
  else if (typeof x === 'string' && /^-?\d{1,30}$/.test(x)) v = BigInt(x);
  else throw new AccountingError('AMOUNT_INVALID', `${what} must be integer fen (bigint or digit string), got ${JSON.stringify(String(x))}`);
  if (v < 0n) throw new AccountingError('AMOUNT_INVALID', `${what} cannot be negative`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Classification (财会〔2023〕11号 二、关于数据资源会计处理适用的准则)

/** How the resource is acquired; also the disclosure tables' columns (外购 / 自行开发·自行加工 / 其他方式). */
export type AcquisitionSource = 'purchased' | 'self_developed' | 'other';

export interface ClassificationFacts {
  /** `for_sale`: held in ordinary activities, ultimately for sale (日常活动中持有、最终目的用于出售); `internal_use`: used by the enterprise (企业使用). */
  holding: 'for_sale' | 'internal_use';
  acquisition: AcquisitionSource;
  /**
   * Meets the definition and recognition conditions of the applicable standard — CAS 1 存货 for
   * `for_sale`; CAS 6 无形资产 for `internal_use` (for an internal development project: the CAS 6
   * 第九条 conditions for capitalising development expenditure).
   */
  meetsRecognition: boolean;
  /** Internal research and development only (internal_use + self_developed): research (研究阶段) or development (开发阶段). */
  rdPhase?: 'research' | 'development';
  /** Internal development only: the resource has reached its intended use (达到预定用途). */
  readyForIntendedUse?: boolean;
}

export type DataResourceClass = 'inventory' | 'intangible' | 'development' | 'expensed';

export interface Classification {
  class: DataResourceClass;
  /** False for `expensed`: recognised in profit or loss (计入当期损益), not an asset. */
  isAsset: boolean;
  /** The balance-sheet line (财会〔2023〕11号 三(一): "其中：数据资源" under 存货 / 无形资产 / 开发支出), or null. */
  balanceSheetLine: { zh: string; en: string } | null;
  basis: { zh: string; en: string };
}

const LINE: Record<Exclude<DataResourceClass, 'expensed'>, { zh: string; en: string }> = {
  inventory: { zh: '存货——其中：数据资源', en: 'Inventories — of which: data resources' },
  intangible: { zh: '无形资产——其中：数据资源', en: 'Intangible assets — of which: data resources' },
  development: { zh: '开发支出——其中：数据资源', en: 'Development expenditure — of which: data resources' },
};

const classified = (cls: DataResourceClass, zh: string, en: string): Classification => ({
  class: cls,
  isAsset: cls !== 'expensed',
  balanceSheetLine: cls === 'expensed' ? null : LINE[cls],
  basis: { zh, en },
});

/** Classifies a data resource from a few declared facts (财会〔2023〕11号 二(一)、二(二); CAS 1; CAS 6 第七至九条). */
export function classifyDataResource(facts: ClassificationFacts): Classification {
  if (facts.holding === 'for_sale') {
    // 财会〔2023〕11号 二(二): 企业日常活动中持有、最终目的用于出售的数据资源，符合存货准则规定的定义和确认条件的，确认为存货。
    return facts.meetsRecognition
      ? classified('inventory', '日常活动中持有、最终目的用于出售，且符合《企业会计准则第1号——存货》规定的定义和确认条件，确认为存货（财会〔2023〕11号 二(二)）。', 'Held in ordinary activities ultimately for sale and meets the definition and recognition conditions of CAS 1 Inventories: recognised as inventory (Cai Kuai [2023] No. 11, II(2)).')
      : classified('expensed', '持有待售但不符合存货准则规定的定义和确认条件，不确认为资产，相关支出计入当期损益（财会〔2023〕11号 二(二)）。', 'Held for sale but does not meet the CAS 1 definition and recognition conditions: not an asset; the expenditure goes to profit or loss (Cai Kuai [2023] No. 11, II(2)).');
  }
  if (facts.holding !== 'internal_use') throw new AccountingError('FACTS_INCOMPLETE', "holding must be 'for_sale' or 'internal_use'");
  if (facts.acquisition === 'self_developed') {
    // 财会〔2023〕11号 二(一): 内部数据资源研究开发项目的支出，应当区分研究阶段支出与开发阶段支出 (CAS 6 第七条).
    if (facts.rdPhase === 'research')
      return classified('expensed', '内部数据资源研究开发项目研究阶段的支出，于发生时计入当期损益（财会〔2023〕11号 二(一)；《企业会计准则第6号——无形资产》第八条）。', 'Research-phase expenditure of an internal data-resource R&D project is expensed when incurred (Cai Kuai [2023] No. 11, II(1); CAS 6 art. 8).');
    if (facts.rdPhase !== 'development') throw new AccountingError('FACTS_INCOMPLETE', "an internally developed resource needs rdPhase 'research' or 'development'");
    if (!facts.meetsRecognition)
      return classified('expensed', '开发阶段的支出不满足《企业会计准则第6号——无形资产》第九条规定的条件，计入当期损益（财会〔2023〕11号 二(一)）。', 'Development-phase expenditure that does not meet the CAS 6 art. 9 conditions is expensed (Cai Kuai [2023] No. 11, II(1)).');
    if (facts.readyForIntendedUse === undefined) throw new AccountingError('FACTS_INCOMPLETE', 'a development-phase resource needs readyForIntendedUse');
    return facts.readyForIntendedUse
      ? classified('intangible', '开发阶段的支出满足《企业会计准则第6号——无形资产》第九条规定的条件，且已达到预定用途，确认为无形资产（财会〔2023〕11号 二(一)）。', 'Development-phase expenditure meeting the CAS 6 art. 9 conditions, ready for its intended use: recognised as an intangible asset (Cai Kuai [2023] No. 11, II(1)).')
      : classified('development', '开发阶段的支出满足《企业会计准则第6号——无形资产》第九条规定的条件，尚未达到预定用途，在"开发支出"项目列示（财会〔2023〕11号 二(一)、三(一)）。', 'Development-phase expenditure meeting the CAS 6 art. 9 conditions, not yet ready for its intended use: presented as development expenditure (Cai Kuai [2023] No. 11, II(1), III(1)).');
  }
  // 财会〔2023〕11号 二(一): 企业使用的数据资源，符合无形资产准则规定的定义和确认条件的，应当确认为无形资产。
  return facts.meetsRecognition
    ? classified('intangible', '企业使用的数据资源，符合《企业会计准则第6号——无形资产》规定的定义和确认条件，确认为无形资产（财会〔2023〕11号 二(一)）。', 'A data resource used by the enterprise that meets the CAS 6 definition and recognition conditions: recognised as an intangible asset (Cai Kuai [2023] No. 11, II(1)).')
    : classified('expensed', '不符合无形资产准则规定的定义和确认条件，相关支出根据用途计入当期损益（财会〔2023〕11号 二(一)）。', 'Does not meet the CAS 6 definition and recognition conditions: the expenditure goes to profit or loss according to its use (Cai Kuai [2023] No. 11, II(1)).');
}

// ---------------------------------------------------------------------------------------------
// Cost of a purchased data intangible (财会〔2023〕11号 二(一))

/**
 * 外购方式取得确认为无形资产的数据资源，其成本包括购买价款、相关税费，直接归属于使该项无形资产达到预定用途所发生的
 * 数据脱敏、清洗、标注、整合、分析、可视化等加工过程所发生的有关支出，以及数据权属鉴证、质量评估、登记结算、
 * 安全管理等费用 (财会〔2023〕11号 二(一)).
 */
export const CAPITALIZABLE_PURCHASE_COSTS = {
  price: { zh: '购买价款', en: 'purchase price' },
  taxes: { zh: '相关税费', en: 'related taxes' },
  desensitisation: { zh: '数据脱敏', en: 'desensitisation' },
  cleaning: { zh: '清洗', en: 'cleaning' },
  labelling: { zh: '标注', en: 'labelling' },
  integration: { zh: '整合', en: 'integration' },
  analysis: { zh: '分析', en: 'analysis' },
  visualisation: { zh: '可视化', en: 'visualisation' },
  ownership_verification: { zh: '数据权属鉴证', en: 'ownership verification' },
  quality_assessment: { zh: '质量评估', en: 'quality assessment' },
  registration_settlement: { zh: '登记结算', en: 'registration and settlement' },
  security_management: { zh: '安全管理', en: 'security management' },
} as const;
export type CapitalizableCostKind = keyof typeof CAPITALIZABLE_PURCHASE_COSTS;
/** The processing kinds, capitalised only when directly attributable to bringing the asset to its intended use. */
export const PROCESSING_COSTS: readonly CapitalizableCostKind[] = ['desensitisation', 'cleaning', 'labelling', 'integration', 'analysis', 'visualisation'];

export interface PurchaseCostItem {
  /** A capitalizable kind, or any other text (e.g. 'training', 'advertising', 'administration') — not capitalizable. */
  kind: CapitalizableCostKind | (string & {});
  label?: string;
  amountFen: FenInput;
  /** Default true. A processing cost not directly attributable to the intended use is expensed. */
  directlyAttributable?: boolean;
  /** Default false. Costs after the asset is ready for its intended use are not part of its cost. */
  afterReadyForUse?: boolean;
}

export type PurchaseCostReason = 'capitalizable' | 'not_listed' | 'not_directly_attributable' | 'after_ready_for_use';

export interface PurchaseCostResult {
  capitalizedFen: bigint;
  expensedFen: bigint;
  lines: { kind: string; label: string; amountFen: bigint; capitalizable: boolean; reason: PurchaseCostReason }[];
}

const isCapitalizableKind = (k: string): k is CapitalizableCostKind => Object.prototype.hasOwnProperty.call(CAPITALIZABLE_PURCHASE_COSTS, k);

/** Splits the costs of purchasing a data intangible into its capitalised cost and the expensed rest (财会〔2023〕11号 二(一)). */
export function purchasedIntangibleCost(items: PurchaseCostItem[]): PurchaseCostResult {
  let capitalizedFen = 0n;
  let expensedFen = 0n;
  const lines = items.map((item, i) => {
    const amountFen = toFen(item.amountFen, `items[${i}].amountFen`);
    let reason: PurchaseCostReason = 'capitalizable';
    if (!isCapitalizableKind(item.kind)) reason = 'not_listed';
    else if (item.afterReadyForUse === true) reason = 'after_ready_for_use';
    else if (PROCESSING_COSTS.includes(item.kind) && item.directlyAttributable === false) reason = 'not_directly_attributable';
    const capitalizable = reason === 'capitalizable';
    if (capitalizable) capitalizedFen += amountFen;
    else expensedFen += amountFen;
    const label = item.label ?? (isCapitalizableKind(item.kind) ? CAPITALIZABLE_PURCHASE_COSTS[item.kind].zh : item.kind);
    return { kind: item.kind, label, amountFen, capitalizable, reason };
  });
  return { capitalizedFen, expensedFen, lines };
}

// ---------------------------------------------------------------------------------------------
// Straight-line amortization (CAS 6 第十七条、第十八条)

export interface AmortizationInput {
  costFen: FenInput;
  /** Default 0: CAS 6 第十八条 — 使用寿命有限的无形资产，其残值应当视为零 unless a third party commits to buy it or an active market gives it. */
  residualFen?: FenInput;
  /** Exactly one of lifeYears / lifeMonths, a positive whole number. */
  lifeYears?: number;
  lifeMonths?: number;
  /** 'YYYY-MM': the first month amortized — the month the asset becomes available for use (CAS 6 第十七条: 自无形资产可供使用时起). */
  startMonth: string;
}

export interface AmortizationRow {
  month: string;
  amountFen: bigint;
  accumulatedFen: bigint;
  /** Cost − accumulated amortization at the month's end. */
  carryingFen: bigint;
}

export interface AmortizationSchedule {
  costFen: bigint;
  residualFen: bigint;
  /** cost − residual. */
  amortizableFen: bigint;
  months: number;
  /** Every month but the last: floor(amortizable / months). */
  monthlyFen: bigint;
  /** The last month: the remainder, so the schedule sums exactly to `amortizableFen`. */
  lastMonthFen: bigint;
  rows: AmortizationRow[];
}

/** Longest accepted life (100 years). */
export const MAX_LIFE_MONTHS = 1200;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Adds n months to 'YYYY-MM'. */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new AccountingError('MONTH_INVALID', `month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Straight-line monthly amortization (CAS 6 第十七条: 无法可靠确定预期实现方式的，应当采用直线法摊销; 应摊销金额 =
 * 成本 − 预计残值): each month floor((cost − residual) / months) fen, the last month the remainder.
 */
export function amortizationSchedule(input: AmortizationInput): AmortizationSchedule {
  const costFen = toFen(input.costFen, 'costFen');
  const residualFen = input.residualFen === undefined ? 0n : toFen(input.residualFen, 'residualFen');
  if (residualFen > costFen) throw new AccountingError('RESIDUAL_EXCEEDS_COST', 'the residual value exceeds the cost');
  if ((input.lifeYears === undefined) === (input.lifeMonths === undefined)) throw new AccountingError('LIFE_INVALID', 'give exactly one of lifeYears and lifeMonths');
  const months = input.lifeMonths ?? input.lifeYears! * 12;
  if (!Number.isSafeInteger(months) || months <= 0 || months > MAX_LIFE_MONTHS) throw new AccountingError('LIFE_INVALID', `the useful life must be a whole number of months 1..${MAX_LIFE_MONTHS}`);
  addMonths(input.startMonth, 0); // validates the month
  const amortizableFen = costFen - residualFen;
  const monthlyFen = amortizableFen / BigInt(months);
  const lastMonthFen = amortizableFen - monthlyFen * BigInt(months - 1);
  const rows: AmortizationRow[] = [];
  let accumulatedFen = 0n;
  for (let i = 0; i < months; i++) {
    const amountFen = i === months - 1 ? lastMonthFen : monthlyFen;
    accumulatedFen += amountFen;
    rows.push({ month: addMonths(input.startMonth, i), amountFen, accumulatedFen, carryingFen: costFen - accumulatedFen });
  }
  return { costFen, residualFen, amortizableFen, months, monthlyFen, lastMonthFen, rows };
}

// ---------------------------------------------------------------------------------------------
// Disclosure tables (财会〔2023〕11号 三(二))

/** One recognised data resource over the reporting period. */
export interface DisclosureAsset {
  class: Exclude<DataResourceClass, 'expensed'>;
  source: AcquisitionSource;
  /** Book cost (账面原值) at the period's start; 0 for a resource acquired in the period. */
  openingCostFen: FenInput;
  /** Cost added in the period (本期增加). */
  additionsFen: FenInput;
  /** Accumulated amortization (累计摊销) at the period's start — intangibles only, else 0. */
  openingAccumulatedFen?: FenInput;
  /** Amortization charged in the period (本期计提) — intangibles only, else 0. */
  amortizationFen?: FenInput;
}

/**
 * A row per source (always purchased, self_developed, other, then total), all in fen:
 * cost opening + additions = closing; accumulated opening + amortization = closing;
 * carrying = cost − accumulated, at opening and at closing.
 */
export interface DisclosureRow {
  source: AcquisitionSource | 'total';
  label: { zh: string; en: string };
  openingCostFen: bigint;
  additionsFen: bigint;
  closingCostFen: bigint;
  openingAccumulatedFen: bigint;
  amortizationFen: bigint;
  closingAccumulatedFen: bigint;
  openingCarryingFen: bigint;
  closingCarryingFen: bigint;
}

/** One table per class present, in the order intangible, inventory, development. */
export interface DisclosureTable {
  class: Exclude<DataResourceClass, 'expensed'>;
  title: { zh: string; en: string };
  rows: DisclosureRow[];
}

const SOURCES: AcquisitionSource[] = ['purchased', 'self_developed', 'other'];
const CLASS_ORDER: DisclosureTable['class'][] = ['intangible', 'inventory', 'development'];
const TITLES: Record<DisclosureTable['class'], { zh: string; en: string }> = {
  intangible: { zh: '确认为无形资产的数据资源', en: 'Data resources recognised as intangible assets' },
  inventory: { zh: '确认为存货的数据资源', en: 'Data resources recognised as inventories' },
  development: { zh: '开发支出中的数据资源', en: 'Data resources in development expenditure' },
};
const SOURCE_LABELS: Record<DisclosureTable['class'], Record<AcquisitionSource | 'total', { zh: string; en: string }>> = {
  intangible: { purchased: { zh: '外购的数据资源无形资产', en: 'purchased' }, self_developed: { zh: '自行开发的数据资源无形资产', en: 'self-developed' }, other: { zh: '其他方式取得的数据资源无形资产', en: 'other' }, total: { zh: '合计', en: 'total' } },
  inventory: { purchased: { zh: '外购的数据资源存货', en: 'purchased' }, self_developed: { zh: '自行加工的数据资源存货', en: 'self-processed' }, other: { zh: '其他方式取得的数据资源存货', en: 'other' }, total: { zh: '合计', en: 'total' } },
  development: { purchased: { zh: '外购', en: 'purchased' }, self_developed: { zh: '自行开发', en: 'self-developed' }, other: { zh: '其他方式', en: 'other' }, total: { zh: '合计', en: 'total' } },
};

/**
 * Aggregates recognised data resources into the disclosure tables (财会〔2023〕11号 三(二): 按外购、自行开发
 * 等类别披露 — 账面原值、累计摊销、账面价值). Only intangibles are amortized: amortization on an inventory
 * or development item throws NOT_AMORTIZED; an accumulated amortization above the cost throws
 * ACCUMULATED_EXCEEDS_COST. Disposals and impairment are not modelled.
 */
export function disclosureTables(assets: DisclosureAsset[]): DisclosureTable[] {
  const zeroRow = (cls: DisclosureTable['class'], source: DisclosureRow['source']): DisclosureRow => ({
    source,
    label: SOURCE_LABELS[cls][source],
    openingCostFen: 0n,
    additionsFen: 0n,
    closingCostFen: 0n,
    openingAccumulatedFen: 0n,
    amortizationFen: 0n,
    closingAccumulatedFen: 0n,
    openingCarryingFen: 0n,
    closingCarryingFen: 0n,
  });
  const tables = new Map<DisclosureTable['class'], Map<AcquisitionSource, DisclosureRow>>();
  assets.forEach((a, i) => {
    const p = `assets[${i}]`;
    if ((a.class as string) === 'expensed') throw new AccountingError('NOT_AN_ASSET', `${p}: an expensed item is not a recognised asset`);
    if (!CLASS_ORDER.includes(a.class)) throw new AccountingError('FACTS_INCOMPLETE', `${p}.class must be one of ${CLASS_ORDER.join(', ')}`);
    if (!SOURCES.includes(a.source)) throw new AccountingError('FACTS_INCOMPLETE', `${p}.source must be one of ${SOURCES.join(', ')}`);
    const openingCost = toFen(a.openingCostFen, `${p}.openingCostFen`);
    const additions = toFen(a.additionsFen, `${p}.additionsFen`);
    const openingAcc = a.openingAccumulatedFen === undefined ? 0n : toFen(a.openingAccumulatedFen, `${p}.openingAccumulatedFen`);
    const amortization = a.amortizationFen === undefined ? 0n : toFen(a.amortizationFen, `${p}.amortizationFen`);
    if (a.class !== 'intangible' && (openingAcc !== 0n || amortization !== 0n)) throw new AccountingError('NOT_AMORTIZED', `${p}: only intangible assets are amortized`);
    if (openingAcc > openingCost || openingAcc + amortization > openingCost + additions) throw new AccountingError('ACCUMULATED_EXCEEDS_COST', `${p}: accumulated amortization exceeds the cost`);
    let bySource = tables.get(a.class);
    if (!bySource) tables.set(a.class, (bySource = new Map(SOURCES.map((s) => [s, zeroRow(a.class, s)]))));
    const row = bySource.get(a.source)!;
    row.openingCostFen += openingCost;
    row.additionsFen += additions;
    row.openingAccumulatedFen += openingAcc;
    row.amortizationFen += amortization;
  });
  return CLASS_ORDER.filter((cls) => tables.has(cls)).map((cls) => {
    const rows = SOURCES.map((s) => tables.get(cls)!.get(s)!);
    const total = zeroRow(cls, 'total');
    for (const r of rows) {
      r.closingCostFen = r.openingCostFen + r.additionsFen;
      r.closingAccumulatedFen = r.openingAccumulatedFen + r.amortizationFen;
      r.openingCarryingFen = r.openingCostFen - r.openingAccumulatedFen;
      r.closingCarryingFen = r.closingCostFen - r.closingAccumulatedFen;
      for (const k of ['openingCostFen', 'additionsFen', 'closingCostFen', 'openingAccumulatedFen', 'amortizationFen', 'closingAccumulatedFen', 'openingCarryingFen', 'closingCarryingFen'] as const) total[k] += r[k];
    }
    return { class: cls, title: TITLES[cls], rows: [...rows, total] };
  });
}
