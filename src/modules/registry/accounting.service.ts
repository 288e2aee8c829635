import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { isDateText } from '../../platform/calendar/working-day.calendar.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { RegistryErrors } from './registry.errors.js';
import * as apps from './application.repository.js';
import * as repo from './accounting.repository.js';
import {
  AccountingError, amortizationSchedule, classifyDataResource, disclosureTables, purchasedIntangibleCost, toFen,
  type ClassificationFacts, type DisclosureAsset, type PurchaseCostItem,
} from './accounting.rules.js';

export interface NewAccountingAsset {
  applicationId: string;
  facts: ClassificationFacts;
  /** Cost lines in fen ("…Fen" decimal strings); for purchased resources split into capitalized and expensed. */
  costItems: Array<{ kind: string; label?: string | undefined; amountFen: string; directlyAttributable?: boolean | undefined; afterReadyForUse?: boolean | undefined }>;
  /** The day the asset is recognised on the books (YYYY-MM-DD). */
  recognizedOn: string;
  /** Intangibles: useful life in years and the first month amortized (default: the month recognised). */
  lifeYears?: number | undefined;
  startMonth?: string | undefined;
  residualFen?: string | undefined;
}

const fen = (v: bigint) => v.toString();

/**
 * Data-asset accounting (数据资产入表, 财会〔2023〕11号, effective 2024-01-01, prospective): an enterprise
 * recognises one of its registered assets — classified from declared facts as inventory (存货),
 * intangible asset (无形资产) or development expenditure (开发支出), or expensed; its cost from the
 * cost lines (for purchased resources only the capitalizable ones); intangibles amortized straight
 * line by month. The annual disclosure table is split by source (外购 / 自行开发 / 其他), as JSON or XLSX.
 */
export class AccountingService {
  constructor(private readonly k: Kernel) {}

  private bad(err: unknown): never {
    if (err instanceof AccountingError) throw new AppError(RegistryErrors.REGISTRY_ACCOUNTING_INVALID, { reason: err.code, message: err.message }, { reason: err.code });
    throw err;
  }

  view(a: repo.AccountingRow) {
    let schedule = null;
    if (a.class === 'intangible' && a.lifeMonths && a.startMonth) {
      const s = amortizationSchedule({ costFen: a.capitalizedFen, residualFen: a.residualFen, lifeMonths: a.lifeMonths, startMonth: a.startMonth });
      schedule = { months: s.months, monthlyFen: fen(s.monthlyFen), lastMonthFen: fen(s.lastMonthFen), firstMonth: s.rows[0]!.month, lastMonth: s.rows[s.rows.length - 1]!.month };
    }
    return {
      id: a.id, orgId: a.orgId, applicationId: a.applicationId, class: a.class, classification: a.classification, source: a.source, cost: a.cost,
      capitalizedFen: a.capitalizedFen, recognizedOn: a.recognizedOn, lifeMonths: a.lifeMonths, residualFen: a.residualFen, startMonth: a.startMonth, schedule, createdAt: a.createdAt.toISOString(),
    };
  }

  async recognise(by: Principal, input: NewAccountingAsset, requestId?: string) {
    const app = await apps.findApplication(this.k.db, input.applicationId);
    if (!app || app.applicantOrgId !== by.orgId) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    if (app.status !== 'registered') throw new AppError(RegistryErrors.REGISTRY_STATE_CONFLICT, { status: app.status, action: 'recognise' }, { status: app.status, action: 'recognise' });
    if (await repo.accountingOfApplication(this.k.db, app.id)) throw new AppError(RegistryErrors.REGISTRY_ACCOUNTING_INVALID, { reason: 'already_recognised' }, { reason: 'already_recognised' });
    if (!isDateText(input.recognizedOn)) throw new AppError(RegistryErrors.REGISTRY_ACCOUNTING_INVALID, { reason: 'recognized_on' }, { reason: 'recognized_on' });
    let row: repo.AccountingRow;
    try {
      const classification = classifyDataResource(input.facts);
      const items: PurchaseCostItem[] = input.costItems.map((c) => ({ ...c, amountFen: c.amountFen }));
      const cost = input.facts.acquisition === 'purchased'
        ? purchasedIntangibleCost(items)
        : { capitalizedFen: items.reduce((n, c) => n + toFen(c.amountFen), 0n), expensedFen: 0n, lines: items.map((c) => ({ kind: c.kind, label: c.label ?? c.kind, amountFen: toFen(c.amountFen), capitalizable: true, reason: 'capitalizable' })) };
      const capitalized = classification.isAsset ? cost.capitalizedFen : 0n;
      const intangible = classification.class === 'intangible';
      const startMonth = intangible ? (input.startMonth ?? input.recognizedOn.slice(0, 7)) : null;
      const lifeMonths = intangible ? (input.lifeYears ?? 0) * 12 : null;
      if (intangible) amortizationSchedule({ costFen: capitalized, residualFen: input.residualFen ?? '0', lifeMonths: lifeMonths!, startMonth: startMonth! }); // validates
      row = {
        id: newId('acc'), orgId: by.orgId, applicationId: app.id, class: classification.class, classification: classification as unknown as Record<string, unknown>, source: input.facts.acquisition,
        cost: { capitalizedFen: fen(cost.capitalizedFen), expensedFen: fen(cost.expensedFen), lines: cost.lines.map((l) => ({ ...l, amountFen: fen(l.amountFen) })) },
        capitalizedFen: fen(capitalized), recognizedOn: input.recognizedOn, lifeMonths, residualFen: fen(toFen(input.residualFen ?? '0')), startMonth, createdAt: this.k.clock.now(),
      };
    } catch (err) {
      this.bad(err);
    }
    return this.k.transact(async (tx, emit) => {
      await repo.insertAccounting(tx, row);
      await emit({
        type: 'registry.accounting.recognised', subject: { type: 'registry_application', id: app.id }, orgId: by.orgId, actor: serviceActor(by), requestId,
        payload: { accountingId: row.id, class: row.class, source: row.source, capitalizedFen: row.capitalizedFen, recognizedOn: row.recognizedOn, lifeMonths: row.lifeMonths },
      });
      return this.view(row);
    });
  }

  async list(by: Principal) {
    return { items: (await repo.accountingOfOrg(this.k.db, by.orgId)).map((a) => this.view(a)) };
  }

  /** The year's disclosure tables (附注披露) of the caller's organisation, by class and source, in fen. */
  async disclosure(by: Principal, year: number) {
    const assets: DisclosureAsset[] = [];
    for (const a of await repo.accountingOfOrg(this.k.db, by.orgId)) {
      if (a.class === 'expensed') continue;
      const recognizedYear = Number(a.recognizedOn.slice(0, 4));
      if (recognizedYear > year) continue;
      let openingAccumulatedFen = 0n;
      let amortizationFen = 0n;
      if (a.class === 'intangible' && a.lifeMonths && a.startMonth) {
        for (const r of amortizationSchedule({ costFen: a.capitalizedFen, residualFen: a.residualFen, lifeMonths: a.lifeMonths, startMonth: a.startMonth }).rows) {
          if (r.month < `${year}-01`) openingAccumulatedFen += r.amountFen;
          else if (r.month <= `${year}-12`) amortizationFen += r.amountFen;
        }
      }
      const opening = recognizedYear < year;
      assets.push({ class: a.class, source: a.source, openingCostFen: opening ? a.capitalizedFen : '0', additionsFen: opening ? '0' : a.capitalizedFen, openingAccumulatedFen, amortizationFen });
    }
    const tables = disclosureTables(assets).map((t) => ({ class: t.class, title: t.title, rows: t.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? fen(v) : v]))) }));
    return { orgId: by.orgId, year, tables };
  }

  /** The disclosure tables as a workbook: one sheet per class, amounts in yuan with two decimals. */
  async disclosureXlsx(by: Principal, year: number): Promise<{ name: string; body: Buffer }> {
    const d = await this.disclosure(by, year);
    const wb = new ExcelJS.Workbook();
    const cols: Array<[string, string]> = [
      ['label', '来源 Source'], ['openingCostFen', '期初原值 Opening cost'], ['additionsFen', '本期增加 Additions'], ['closingCostFen', '期末原值 Closing cost'],
      ['openingAccumulatedFen', '期初累计摊销 Opening accumulated amortization'], ['amortizationFen', '本期摊销 Amortization'], ['closingAccumulatedFen', '期末累计摊销 Closing accumulated amortization'],
      ['openingCarryingFen', '期初账面价值 Opening carrying amount'], ['closingCarryingFen', '期末账面价值 Closing carrying amount'],
    ];
    const yuan = (f: string) => Number(BigInt(f) / 100n) + Number(BigInt(f) % 100n) / 100;
    for (const t of d.tables) {
      const sheet = wb.addWorksheet(t.class);
      sheet.addRow([`${t.title.zh} ${t.title.en} — ${year}`]);
      sheet.addRow(cols.map(([, h]) => h));
      for (const r of t.rows) {
        const label = r.label as { zh: string; en: string };
        sheet.addRow(cols.map(([k]) => (k === 'label' ? `${label.zh} ${label.en}` : yuan(String(r[k])))));
      }
      sheet.columns.forEach((c, i) => { c.width = i === 0 ? 24 : 20; if (i > 0) c.numFmt = '#,##0.00'; });
    }
    if (d.tables.length === 0) wb.addWorksheet('none').addRow([`${year}: 无数据资源入表 / no data resources recognised`]);
    return { name: `data-resources-disclosure-${year}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
}
