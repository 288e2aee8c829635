import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { CdoErrors } from './cdo.errors.js';
import { PUBLIC_BODY_TYPES, type CdoOrganisations, type OrgView } from './cdo.directory.js';
import type { AppointmentService } from './appointment.service.js';
import { INDICATORS, indicatorsOf, rank, scoreOf, type Indicator, type IndicatorKey, type Weights } from './evaluation.indicators.js';
import type { IndicatorSources } from './indicator.sources.js';
import * as repo from './evaluation.repository.js';

/**
 * The management evaluation (公共数据管理评价): live indicators and score of every public body,
 * ranking, and periodic snapshots taken by the data bureau, with each body's trend across them.
 */
export class EvaluationService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: CdoOrganisations,
    private readonly appointments: AppointmentService,
    private readonly sources: () => IndicatorSources,
  ) {}

  weights(): Weights {
    return { ...this.k.config.cdo.weights };
  }

  /** The weights and which indicators their source modules make available now. */
  settings() {
    const src = this.sources();
    const unavailable = this.unavailable(src);
    return {
      weights: this.weights(),
      openDatasetsTarget: this.k.config.cdo.openDatasetsTarget,
      indicators: INDICATORS.map((key) => ({ key, available: !unavailable.includes(key) })),
    };
  }

  private unavailable(src: IndicatorSources): IndicatorKey[] {
    const out: IndicatorKey[] = [];
    if (!src.mounts) out.push('mounting', 'timeliness');
    if (!src.quality) out.push('quality');
    if (!src.sharing) out.push('responseTime', 'approvalRate');
    return out;
  }

  /** The public bodies (government, public institutions, public enterprises), active ones, by name. */
  private async bodies(): Promise<OrgView[]> {
    const out: OrgView[] = [];
    for (const type of PUBLIC_BODY_TYPES) {
      for (let page = 1; ; page++) {
        const r = await this.orgs.list({ type, page, pageSize: 200, sort: 'name', order: 'asc' });
        out.push(...r.items.filter((o) => o.status === 'active'));
        if (r.items.length < 200) break;
      }
    }
    return out;
  }

  private async compute(o: OrgView, src: IndicatorSources, weights: Weights) {
    const indicators = await indicatorsOf(o.id, src, { now: this.k.clock.now(), openDatasetsTarget: this.k.config.cdo.openDatasetsTarget });
    return { orgId: o.id, orgName: o.name, score: scoreOf(indicators, weights), indicators };
  }

  /** One body's indicators and score now. */
  async forBody(orgId: string) {
    let o: OrgView;
    try {
      o = await this.orgs.get(orgId);
    } catch {
      throw new AppError(CdoErrors.CDO_ORG_NOT_FOUND);
    }
    if (!(PUBLIC_BODY_TYPES as readonly string[]).includes(o.type)) throw new AppError(CdoErrors.CDO_NOT_A_BODY);
    const weights = this.weights();
    const r = await this.compute(o, this.sources(), weights);
    const cdo = (await this.appointments.currentOf([orgId])).get(orgId) ?? null;
    return { ...r, weights, computedAt: this.k.clock.now().toISOString(), cdo };
  }

  /** Every body's indicators and score now, ranked. */
  async live() {
    const src = this.sources();
    const weights = this.weights();
    const rows = [];
    for (const o of await this.bodies()) rows.push(await this.compute(o, src, weights));
    const cdos = await this.appointments.currentOf(rows.map((r) => r.orgId));
    const ranked = rank(rows).map((r) => ({ ...r, cdo: cdos.get(r.orgId) ?? null }));
    return { computedAt: this.k.clock.now().toISOString(), weights, unavailable: this.unavailable(src), items: ranked };
  }

  /** Takes the snapshot of a period (管理评价): every body's indicators, score and rank, stored and evented. */
  async take(input: { period: string; note?: string | undefined }, by: Principal | null, requestId?: string) {
    if (await repo.periodTaken(this.k.db, input.period)) throw new AppError(CdoErrors.CDO_EVALUATION_PERIOD_TAKEN, { period: input.period }, { period: input.period });
    const snap = await this.live();
    const e: repo.EvaluationRow = {
      id: newId('cev'),
      period: input.period,
      note: input.note?.trim() || null,
      weights: snap.weights,
      unavailable: snap.unavailable,
      bodies: snap.items.length,
      takenAt: this.k.clock.now(),
      takenByOrgId: by?.orgId ?? 'system',
    };
    const results: repo.ResultRow[] = snap.items.map((r) => ({ evaluationId: e.id, orgId: r.orgId, orgName: r.orgName, score: r.score, rank: r.rank, indicators: r.indicators }));
    return this.k.transact(async (tx, emit) => {
      if (await repo.periodTaken(tx, input.period)) throw new AppError(CdoErrors.CDO_EVALUATION_PERIOD_TAKEN, { period: input.period }, { period: input.period });
      await repo.insertEvaluation(tx, e, results);
      await emit({
        type: 'cdo.evaluation.taken',
        subject: { type: 'cdo_evaluation', id: e.id },
        orgId: by?.orgId ?? null,
        actor: serviceActor(by),
        requestId,
        payload: { period: e.period, weights: e.weights, bodies: e.bodies, unavailable: e.unavailable, top: results.filter((r) => r.rank !== null).slice(0, 10).map((r) => ({ orgId: r.orgId, score: r.score })) },
      });
      return { ...this.viewE(e), items: results.map((r) => this.viewR(r)) };
    });
  }

  viewE(e: repo.EvaluationRow) {
    return { id: e.id, period: e.period, note: e.note, weights: e.weights, unavailable: e.unavailable, bodies: e.bodies, takenAt: e.takenAt.toISOString(), takenByOrgId: e.takenByOrgId };
  }
  private viewR(r: repo.ResultRow) {
    return { orgId: r.orgId, orgName: r.orgName, score: r.score, rank: r.rank, indicators: r.indicators as Indicator[] };
  }

  async list(page: number, pageSize: number) {
    const { items, total } = await repo.listEvaluations(this.k.db, page, pageSize);
    return { items: items.map((e) => this.viewE(e)), total, page, pageSize };
  }

  /** A snapshot with its ranking. */
  async get(id: string) {
    const e = await repo.findEvaluation(this.k.db, id);
    if (!e) throw new AppError(CdoErrors.CDO_EVALUATION_NOT_FOUND);
    return { ...this.viewE(e), items: (await repo.resultsOf(this.k.db, id)).map((r) => this.viewR(r)) };
  }

  /** A body's score, rank and indicators across the most recent snapshots, oldest first. */
  async trend(orgId: string, limit: number) {
    try {
      await this.orgs.get(orgId);
    } catch {
      throw new AppError(CdoErrors.CDO_ORG_NOT_FOUND);
    }
    const rows = await repo.trendOf(this.k.db, orgId, limit);
    return {
      orgId,
      items: rows.map((r) => ({ evaluationId: r.evaluationId, period: r.period, takenAt: r.takenAt.toISOString(), bodies: r.bodies, score: r.score, rank: r.rank, indicators: r.indicators as Indicator[] })),
    };
  }
}
