import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { CdoErrors } from './cdo.errors.js';
import type { CdoOrganisations } from './cdo.directory.js';
import { DCMM_AREA_NAMES, DCMM_AREAS, DCMM_LEVELS, rollUp, type DcmmArea } from './dcmm.model.js';
import * as repo from './dcmm.repository.js';

type I18n = { zh: string; en: string };

export interface NewItem {
  area: DcmmArea;
  code: string;
  name: I18n;
  sortOrder?: number | undefined;
}
export interface ItemChanges {
  name?: I18n | undefined;
  active?: boolean | undefined;
  sortOrder?: number | undefined;
}
export interface NewAssessment {
  ratings: Array<{ itemId: string; level: number; evidence: string }>;
  note?: string | undefined;
}

/**
 * DCMM self-assessment (GB/T 36073-2018 数据管理能力成熟度评估模型; 行动方案 task 16 "推动数据管理能力
 * 成熟度评估（DCMM）"): any organisation rates every active capability item 1–5 with evidence; the
 * area and overall levels follow the roll-up rule of dcmm.model.ts. The item list is a seeded
 * table the data bureau edits (add, rename, reorder, deactivate); an assessment keeps a copy of
 * the items it rated, so later edits never change history.
 */
export class DcmmService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: CdoOrganisations,
  ) {}

  private viewItem(i: repo.ItemRow) {
    return { id: i.id, area: i.area, code: i.code, name: { zh: i.nameZh, en: i.nameEn }, sortOrder: i.sortOrder, active: i.active, updatedAt: i.updatedAt.toISOString() };
  }

  /** The model: areas with their items, and the levels. */
  async model(includeInactive: boolean) {
    const items = await repo.listItems(this.k.db, !includeInactive);
    return {
      levels: DCMM_LEVELS.map((l) => ({ level: l.level, name: { zh: l.zh, en: l.en } })),
      areas: DCMM_AREAS.map((area) => ({ area, name: DCMM_AREA_NAMES[area], items: items.filter((i) => i.area === area).map((i) => this.viewItem(i)) })),
    };
  }

  async createItem(input: NewItem, by: Principal | null, requestId?: string) {
    const now = this.k.clock.now();
    const row: repo.ItemRow = {
      id: newId('dcm'), area: input.area, code: input.code, nameZh: input.name.zh.trim(), nameEn: input.name.en.trim(), sortOrder: input.sortOrder ?? 1000, active: true, createdAt: now, updatedAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      if (await repo.codeTaken(tx, row.code)) throw new AppError(CdoErrors.CDO_DCMM_ITEM_CODE_TAKEN, { code: row.code }, { code: row.code });
      await repo.insertItem(tx, row);
      await emit({ type: 'cdo.dcmm.item.created', subject: { type: 'cdo_dcmm_item', id: row.id }, orgId: by?.orgId ?? null, actor: serviceActor(by), requestId, payload: { area: row.area, code: row.code, name: { zh: row.nameZh, en: row.nameEn } } });
      return this.viewItem(row);
    });
  }

  async updateItem(id: string, changes: ItemChanges, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const i = await repo.findItem(tx, id, true);
      if (!i) throw new AppError(CdoErrors.CDO_DCMM_ITEM_NOT_FOUND);
      const next: repo.ItemRow = { ...i, updatedAt: this.k.clock.now() };
      if (changes.name) ({ zh: next.nameZh, en: next.nameEn } = { zh: changes.name.zh.trim(), en: changes.name.en.trim() });
      if (changes.active !== undefined) next.active = changes.active;
      if (changes.sortOrder !== undefined) next.sortOrder = changes.sortOrder;
      await repo.saveItem(tx, next);
      const payload: { name?: I18n; active?: boolean; sortOrder?: number } = {};
      if (changes.name) payload.name = { zh: next.nameZh, en: next.nameEn };
      if (changes.active !== undefined) payload.active = changes.active;
      if (changes.sortOrder !== undefined) payload.sortOrder = changes.sortOrder;
      await emit({ type: 'cdo.dcmm.item.updated', subject: { type: 'cdo_dcmm_item', id }, orgId: by?.orgId ?? null, actor: serviceActor(by), requestId, payload: { code: i.code, changes: payload } });
      return this.viewItem(next);
    });
  }

  /** Records a self-assessment of `orgId`: one rating for every active item, nothing else. */
  async assess(orgId: string, input: NewAssessment, by: Principal | null, requestId?: string) {
    try {
      await this.orgs.get(orgId);
    } catch {
      throw new AppError(CdoErrors.CDO_ORG_NOT_FOUND);
    }
    const items = await repo.listItems(this.k.db, true);
    const byId = new Map(items.map((i) => [i.id, i]));
    const bad = (reason: string, ids: string[]) => new AppError(CdoErrors.CDO_DCMM_RATINGS_INVALID, { reason, items: ids }, { reason, items: ids.join(', ') });
    const seen = new Set<string>();
    const dup = input.ratings.filter((r) => (seen.has(r.itemId) ? true : (seen.add(r.itemId), false))).map((r) => r.itemId);
    if (dup.length) throw bad('duplicate', dup);
    const unknown = input.ratings.filter((r) => !byId.has(r.itemId)).map((r) => r.itemId);
    if (unknown.length) throw bad('unknown_or_inactive_item', unknown);
    const missing = items.filter((i) => !seen.has(i.id)).map((i) => i.code);
    if (missing.length) throw bad('missing', missing);
    const noEvidence = input.ratings.filter((r) => !r.evidence.trim()).map((r) => byId.get(r.itemId)!.code);
    if (noEvidence.length) throw bad('evidence_required', noEvidence);
    const id = newId('dca');
    const ratings: repo.RatingRow[] = input.ratings.map((r) => {
      const i = byId.get(r.itemId)!;
      return { assessmentId: id, itemId: i.id, area: i.area, code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, level: r.level, evidence: r.evidence.trim() };
    });
    const { areas, overallScore, overallLevel } = rollUp(ratings);
    const a: repo.AssessmentRow = { id, orgId, overallLevel, overallScore, areas, note: input.note?.trim() || null, assessedAt: this.k.clock.now(), assessedBy: by?.userId ?? by?.apiKeyId ?? 'system' };
    return this.k.transact(async (tx, emit) => {
      await repo.insertAssessment(tx, a, ratings);
      await emit({ type: 'cdo.dcmm.assessed', subject: { type: 'cdo_dcmm_assessment', id }, orgId, actor: serviceActor(by), requestId, payload: { overallLevel, overallScore, areas, items: ratings.length } });
      return this.view(a, ratings);
    });
  }

  private summary(a: repo.AssessmentRow) {
    return {
      id: a.id,
      orgId: a.orgId,
      overallLevel: a.overallLevel,
      overallScore: a.overallScore,
      areas: a.areas,
      note: a.note,
      assessedAt: a.assessedAt.toISOString(),
      assessedBy: a.assessedBy,
    };
  }

  private view(a: repo.AssessmentRow, ratings: repo.RatingRow[]) {
    const order = new Map(DCMM_AREAS.map((x, i) => [x, i]));
    return {
      ...this.summary(a),
      ratings: [...ratings]
        .sort((x, y) => order.get(x.area)! - order.get(y.area)! || x.code.localeCompare(y.code))
        .map((r) => ({ itemId: r.itemId, area: r.area, code: r.code, name: { zh: r.nameZh, en: r.nameEn }, level: r.level, evidence: r.evidence })),
    };
  }

  async history(orgId: string, page: number, pageSize: number) {
    const { items, total } = await repo.listAssessments(this.k.db, orgId, page, pageSize);
    return { items: items.map((a) => this.summary(a)), total, page, pageSize };
  }

  async get(orgId: string, id: string) {
    const a = await repo.findAssessment(this.k.db, id);
    if (!a || a.orgId !== orgId) throw new AppError(CdoErrors.CDO_DCMM_ASSESSMENT_NOT_FOUND);
    return this.view(a, await repo.ratingsOf(this.k.db, id));
  }
}
