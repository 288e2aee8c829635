import { AppError, PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { DatasetService } from './dataset.service.js';
import type { DeveloperService } from './developer.service.js';
import { OpendataErrors } from './opendata.errors.js';
import * as repo from './opendata.repository.js';

type I18n = { zh: string; en: string };
export interface NewApp {
  name: I18n;
  description: I18n;
  url: string;
  datasetIds: string[];
}

type Action = 'approve' | 'reject' | 'delist';
/** The showcase machine (应用展示): submitted → approved | rejected; approved → delisted. The data bureau reviews. */
const TRANSITIONS: Record<repo.AppStatus, Partial<Record<Action, repo.AppStatus>>> = {
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: { delist: 'delisted' },
  rejected: {},
  delisted: {},
};
const EVENT = { approve: 'opendata.app.approved', reject: 'opendata.app.rejected', delist: 'opendata.app.delisted' } as const;

/** Apps built on open data: developers submit them, the data bureau approves them for public display. */
export class AppShowcaseService {
  constructor(
    private readonly k: Kernel,
    private readonly developers: DeveloperService,
    private readonly datasets: DatasetService,
  ) {}

  view(a: repo.AppRow) {
    return {
      id: a.id, developerOrgId: a.developerOrgId, name: { zh: a.nameZh, en: a.nameEn }, description: { zh: a.descriptionZh, en: a.descriptionEn },
      url: a.url, datasetIds: a.datasetIds, status: a.status, reason: a.reason,
      createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), reviewedAt: a.reviewedAt?.toISOString() ?? null,
    };
  }

  /** A developer (`orgId`, the caller's own organisation; `by` null = the platform) submits an app. */
  async submit(orgId: string, input: NewApp, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    await this.developers.requireDeveloper(orgId);
    const ids = [...new Set(input.datasetIds)];
    const missing: string[] = [];
    for (const id of ids) if (!(await this.datasets.get(id))) missing.push(id);
    if (missing.length) throw new AppError(OpendataErrors.OPENDATA_APP_DATASETS_INVALID, { datasets: missing }, { datasets: missing.join(', ') });
    const now = this.k.clock.now();
    const row: repo.AppRow = {
      id: newId('odp'), developerOrgId: orgId, nameZh: input.name.zh.trim(), nameEn: input.name.en.trim(), descriptionZh: input.description.zh.trim(),
      descriptionEn: input.description.en.trim(), url: input.url, datasetIds: ids, status: 'submitted', reason: null, createdAt: now, updatedAt: now, reviewedAt: null,
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertApp(tx, row);
      await emit({ type: 'opendata.app.submitted', subject: { type: 'open_app', id: row.id }, orgId, actor: serviceActor(by), requestId, payload: { name: input.name, url: row.url, datasetIds: ids } });
      return this.view(row);
    });
  }

  /** The public showcase: approved apps only. */
  async showcase(p: { page: number; pageSize: number }) {
    const { items, total } = await repo.listApps(this.k.db, { status: 'approved', ...p });
    return { items: items.map((a) => this.view(a)), total, page: p.page, pageSize: p.pageSize };
  }

  /** A developer's own apps; the data bureau sees every app (e.g. the ones awaiting review). */
  async list(by: Principal, q: { status?: repo.AppStatus | undefined; page: number; pageSize: number }) {
    const bureau = hasAnyRole(by, ['data_bureau']);
    const { items, total } = await repo.listApps(this.k.db, { ...q, ...(bureau ? {} : { developerOrgId: by.orgId }) });
    return { items: items.map((a) => this.view(a)), total, page: q.page, pageSize: q.pageSize };
  }

  private async forReview(tx: Tx, by: Principal | null, id: string, action: Action): Promise<repo.AppRow> {
    const a = await repo.findApp(tx, id, true);
    if (!a) throw new AppError(OpendataErrors.OPENDATA_APP_NOT_FOUND);
    if (by && !hasAnyRole(by, ['data_bureau'])) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['data_bureau'] }, { roles: 'data_bureau' });
    if (!TRANSITIONS[a.status][action]) throw new AppError(OpendataErrors.OPENDATA_APP_STATE_CONFLICT, { status: a.status, action }, { status: a.status, action });
    return a;
  }

  /** The data bureau (`by` null = the platform) approves, rejects (with a reason) or delists (with a reason) an app. */
  async review(by: Principal | null, id: string, action: Action, reason: string | undefined, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const a = await this.forReview(tx, by, id, action);
      const now = this.k.clock.now();
      const next: repo.AppRow = { ...a, status: TRANSITIONS[a.status][action]!, reason: reason?.trim() || null, updatedAt: now, reviewedAt: now };
      await repo.saveApp(tx, next);
      const subject = { type: 'open_app', id };
      const base = { subject, orgId: a.developerOrgId, actor: serviceActor(by), requestId };
      if (action === 'approve') await emit({ ...base, type: EVENT.approve, payload: { name: { zh: a.nameZh, en: a.nameEn } } });
      else await emit({ ...base, type: EVENT[action], payload: { reason: next.reason ?? '' } });
      return this.view(next);
    });
  }
}
