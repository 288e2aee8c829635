import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { RegistryErrors } from './registry.errors.js';
import type { Expertise } from './application.rules.js';
import * as repo from './reviewer.repository.js';

/** identity's user lookup, as much as the reviewer pool needs. */
export interface ReviewerDirectory {
  findUser(userId: string): Promise<{ id: string; orgId: string; displayName: string; status: string } | null>;
}

/**
 * The compliance committee's reviewer pool (数据资产登记合规委员会): experts — users of any
 * organisation, typically third-party service providers — each with one or more kinds of expertise
 * (legal, industry, valuation, accounting, audit, technical, security). Kept by the data bureau.
 */
export class ReviewerService {
  constructor(
    private readonly k: Kernel,
    private readonly users: ReviewerDirectory,
  ) {}

  view(r: repo.ReviewerRow) {
    return { id: r.id, userId: r.userId, orgId: r.orgId, name: r.name, expertise: r.expertise, status: r.status, createdAt: r.createdAt.toISOString() };
  }

  async add(input: { userId: string; expertise: Expertise[] }, by: Principal | null, requestId?: string) {
    const user = await this.users.findUser(input.userId);
    if (!user || user.status !== 'active') throw new AppError(RegistryErrors.REGISTRY_REVIEWER_INVALID, { reason: 'user' }, { reason: 'user' });
    if (await repo.findReviewerByUser(this.k.db, user.id)) throw new AppError(RegistryErrors.REGISTRY_REVIEWER_INVALID, { reason: 'already_in_pool' }, { reason: 'already_in_pool' });
    const r: repo.ReviewerRow = { id: newId('rvw'), userId: user.id, orgId: user.orgId, name: user.displayName, expertise: [...new Set(input.expertise)], status: 'active', createdAt: this.k.clock.now() };
    return this.k.transact(async (tx, emit) => {
      await repo.insertReviewer(tx, r);
      await emit({ type: 'registry.reviewer.added', subject: { type: 'registry_reviewer', id: r.id }, orgId: by?.orgId ?? null, actor: serviceActor(by), requestId, payload: { userId: r.userId, orgId: r.orgId, expertise: r.expertise } });
      return this.view(r);
    });
  }

  async retire(id: string, by: Principal | null, requestId?: string) {
    const r = await repo.findReviewer(this.k.db, id);
    if (!r) throw new AppError(RegistryErrors.REGISTRY_REVIEWER_NOT_FOUND);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.retireReviewer(tx, id))) throw new AppError(RegistryErrors.REGISTRY_STATE_CONFLICT, { status: r.status, action: 'retire' }, { status: r.status, action: 'retire' });
      await emit({ type: 'registry.reviewer.retired', subject: { type: 'registry_reviewer', id }, orgId: by?.orgId ?? null, actor: serviceActor(by), requestId, payload: {} });
      return this.view({ ...r, status: 'retired' });
    });
  }

  async list(status?: 'active' | 'retired') {
    return { items: (await repo.listReviewers(this.k.db, status)).map((r) => this.view(r)) };
  }

  active() {
    return repo.listReviewers(this.k.db, 'active');
  }

  byUser(userId: string) {
    return repo.findReviewerByUser(this.k.db, userId);
  }
}
