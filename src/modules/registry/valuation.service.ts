import { AppError, PlatformErrors } from '../../platform/errors.js';
import { isDateText } from '../../platform/calendar/working-day.calendar.js';
import { hasAnyRole, OVERSEER_ROLES, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { RegistryErrors } from './registry.errors.js';
import type { RegistryDirectory } from './application.service.js';
import * as apps from './application.repository.js';
import * as repo from './valuation.repository.js';
import {
  costMethod, incomeMethod, marketMethod, reconcile, ValuationError,
  type CostMethodInput, type IncomeMethodInput, type MarketMethodInput, type ValuationMethod,
} from './valuation.rules.js';

/** identity's seal service, as much as valuation reports need. */
export interface ReportSeals {
  sign(orgId: string, payload: unknown, by: Principal | null, purpose?: string, requestId?: string): Promise<{ digest: string; kid: string }>;
  verify(payload: unknown, seal: unknown): Promise<{ valid: boolean }>;
}

export interface NewValuation {
  kind: 'appraisal' | 'self_estimate';
  baseDate: string;
  cost?: CostMethodInput | undefined;
  income?: IncomeMethodInput | undefined;
  market?: MarketMethodInput | undefined;
  /** Weights of the methods used (required when more than one): e.g. { cost: "0.3", income: "0.5", market: "0.2" }. */
  weights?: Partial<Record<ValuationMethod, string>> | undefined;
  opinion?: string | null | undefined;
}

/** bigint fen on the wire as a decimal string (DESIGN.md §6.7), recursively. */
const wire = (v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : Array.isArray(v) ? v.map(wire) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wire(x)])) : v);

/**
 * Valuation reports (价值评估, 中评协〔2023〕17号): a valuer organisation (role service_provider) appraises
 * an asset of a registration application, or its applicant makes a self-estimate, with one or more of
 * the three methods — cost, income, market — and their reconciliation (valuation.rules.ts, exact
 * arithmetic, rounded half up to the fen at each method's value and the reconciled value). The report
 * (inputs, every intermediate figure, the value) is sealed with the valuer's electronic seal and is an
 * evidence event; the applicant, the valuer and the overseers read it.
 */
export class ValuationService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: RegistryDirectory,
    private readonly seals: ReportSeals,
  ) {}

  view(v: repo.ValuationRow) {
    return { id: v.id, applicationId: v.applicationId, holderOrgId: v.holderOrgId, valuerOrgId: v.valuerOrgId, kind: v.kind, baseDate: v.baseDate, valueFen: v.valueFen, report: v.report, seal: v.seal, createdAt: v.createdAt.toISOString() };
  }

  async create(applicationId: string, input: NewValuation, by: Principal, requestId?: string) {
    const a = await apps.findApplication(this.k.db, applicationId);
    if (!a) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    if (input.kind === 'self_estimate' && by.orgId !== a.applicantOrgId) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    if (input.kind === 'appraisal' && !by.orgRoles.includes('service_provider')) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { roles: ['service_provider'] }, { roles: 'service_provider' });
    if (input.kind === 'appraisal' && by.orgId === a.applicantOrgId) throw new AppError(RegistryErrors.REGISTRY_VALUATION_INVALID, { problems: [{ code: 'valuer_is_holder' }] }, { reason: 'valuer_is_holder' });
    if (!isDateText(input.baseDate)) throw new AppError(RegistryErrors.REGISTRY_VALUATION_INVALID, { problems: [{ code: 'base_date' }] }, { reason: 'base_date' });
    let result: Record<string, unknown>;
    let valueFen: bigint;
    try {
      const methods = { ...(input.cost ? { cost: costMethod(input.cost) } : {}), ...(input.income ? { income: incomeMethod(input.income) } : {}), ...(input.market ? { market: marketMethod(input.market) } : {}) };
      const used = Object.values(methods);
      if (used.length === 0) throw new AppError(RegistryErrors.REGISTRY_VALUATION_INVALID, { problems: [{ code: 'no_methods' }] }, { reason: 'no_methods' });
      if (used.length === 1 && !input.weights) {
        result = { methods };
        valueFen = used[0]!.valueFen;
      } else {
        const r = reconcile({ values: used.map((m) => ({ method: m.method, valueExact: m.valueExact })), weights: input.weights ?? {} });
        result = { methods, reconciliation: r };
        valueFen = r.valueFen;
      }
    } catch (err) {
      if (err instanceof ValuationError) throw new AppError(RegistryErrors.REGISTRY_VALUATION_INVALID, { problems: err.problems }, { reason: err.problems.map((p) => `${p.path}: ${p.code}`).join('; ') });
      throw err;
    }
    const [holder, valuer] = await Promise.all([this.orgs.get(a.applicantOrgId), this.orgs.get(by.orgId)]);
    const id = newId('val');
    const report = wire({
      type: 'liutong.valuation.report', v: 1, id, kind: input.kind, basis: '中评协〔2023〕17号《数据资产评估指导意见》',
      asset: { applicationId, title: { zh: a.titleZh, en: a.titleEn }, objectKind: a.objectKind, registrationNumber: a.registrationNumber },
      holder: { orgId: holder.id, name: holder.name }, valuer: { orgId: valuer.id, name: valuer.name }, baseDate: input.baseDate,
      inputs: { cost: input.cost ?? null, income: input.income ?? null, market: input.market ?? null, weights: input.weights ?? null },
      result, valueFen: valueFen.toString(), opinion: input.opinion?.trim() || null, issuedAt: this.k.clock.now().toISOString(),
    }) as Record<string, unknown>;
    const seal = await this.seals.sign(by.orgId, report, by, 'registry.valuation', requestId);
    const v: repo.ValuationRow = { id, applicationId, holderOrgId: a.applicantOrgId, valuerOrgId: by.orgId, kind: input.kind, baseDate: input.baseDate, valueFen: valueFen.toString(), report, seal: { ...seal }, createdAt: this.k.clock.now() };
    return this.k.transact(async (tx, emit) => {
      await repo.insertValuation(tx, v);
      await emit({
        type: 'registry.valuation.issued', subject: { type: 'registry_application', id: applicationId }, orgId: by.orgId, actor: serviceActor(by), requestId,
        payload: { valuationId: id, kind: input.kind, valueFen: v.valueFen, methods: Object.keys((result.methods as object) ?? {}), digest: seal.digest, kid: seal.kid },
      });
      return this.view(v);
    });
  }

  private may(v: { holderOrgId: string; valuerOrgId: string }, by: Principal) {
    return by.orgId === v.holderOrgId || by.orgId === v.valuerOrgId || hasAnyRole(by, OVERSEER_ROLES);
  }

  async get(id: string, by: Principal) {
    const v = await repo.findValuation(this.k.db, id);
    if (!v || !this.may(v, by)) throw new AppError(RegistryErrors.REGISTRY_VALUATION_NOT_FOUND);
    return { ...this.view(v), sealCheck: await this.seals.verify(v.report, v.seal) };
  }

  async list(applicationId: string, by: Principal) {
    const a = await apps.findApplication(this.k.db, applicationId);
    if (!a) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    const rows = (await repo.valuationsOf(this.k.db, applicationId)).filter((v) => this.may(v, by));
    if (rows.length === 0 && !this.may({ holderOrgId: a.applicantOrgId, valuerOrgId: '' }, by)) throw new AppError(RegistryErrors.REGISTRY_APPLICATION_NOT_FOUND);
    return { items: rows.map((v) => this.view(v)) };
  }
}
