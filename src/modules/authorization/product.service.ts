import { AppError, PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import { AuthorizationErrors } from './authorization.errors.js';
import type { FeeCap } from './agreement.repository.js';
import { allowed, compareAmounts } from './agreement.rules.js';
import type { AgreementService } from './agreement.service.js';
import * as repo from './product.repository.js';
import { OVERSEERS } from './authorization.access.js';

export interface NewProduct {
  name: { zh: string; en: string };
  kind: repo.ProductKind;
  description?: string | null | undefined;
  resourceIds: string[];
  scenario: string;
  fee?: FeeCap | null | undefined;
}
export interface ProductListQuery {
  agreementId?: string | undefined;
  box?: 'mine' | 'all' | undefined;
  status?: repo.ProductStatus | undefined;
  page: number;
  pageSize: number;
}


/**
 * Products and services an operator builds under an agreement in force (运营产品和服务): what they
 * are, which authorized resources they use, for which scenario, and what they charge — within the
 * agreement's service-fee cap (运营服务费上限) when the cap is in the same unit. Registration
 * (issue 6) registers them; the annual disclosure lists them.
 */
export class ProductService {
  constructor(
    private readonly k: Kernel,
    private readonly agreements: AgreementService,
  ) {}

  view(p: repo.ProductRow) {
    return {
      id: p.id,
      agreementId: p.agreementId,
      operatorOrgId: p.operatorOrgId,
      name: { zh: p.nameZh, en: p.nameEn },
      kind: p.kind,
      description: p.description,
      resourceIds: p.resourceIds,
      scenario: p.scenario,
      fee: p.fee,
      status: p.status,
      declaredAt: p.declaredAt.toISOString(),
      withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
    };
  }

  /** The operator declares a product under its agreement in force. */
  async declare(agreementId: string, input: NewProduct, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const a = await this.agreements.row(agreementId, by, tx, true);
      if (by && by.orgId !== a.operatorOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
      if (!allowed(a.status, 'declare')) throw new AppError(AuthorizationErrors.AUTHORIZATION_AGREEMENT_STATE_CONFLICT, { status: a.status, action: 'declare' }, { status: a.status, action: 'declare' });
      const resourceIds = [...new Set(input.resourceIds)];
      for (const id of resourceIds) {
        if (!a.scope.some((s) => s.resourceId === id)) throw new AppError(AuthorizationErrors.AUTHORIZATION_PRODUCT_OUT_OF_SCOPE, { resourceId: id }, { resourceId: id });
      }
      const scenario = input.scenario.trim();
      // 一场景一申请: a product serves one of the scenarios the agreement authorizes, when it names any.
      if (a.scenarios.length && !a.scenarios.includes(scenario)) {
        throw new AppError(AuthorizationErrors.AUTHORIZATION_MODE_INVALID, { reason: 'scenario_not_authorized', scenarios: a.scenarios }, { reason: 'scenario_not_authorized' });
      }
      const fee = input.fee ? { amount: input.fee.amount, unit: input.fee.unit.trim() } : null;
      if (fee && a.feeCap && fee.unit === a.feeCap.unit && compareAmounts(fee.amount, a.feeCap.amount) > 0) {
        throw new AppError(AuthorizationErrors.AUTHORIZATION_FEE_ABOVE_CAP, { amount: fee.amount, cap: a.feeCap.amount, unit: fee.unit }, { amount: fee.amount, cap: a.feeCap.amount, unit: fee.unit });
      }
      const p: repo.ProductRow = {
        id: newId('aup'), agreementId, operatorOrgId: a.operatorOrgId, nameZh: input.name.zh.trim(), nameEn: input.name.en.trim(), kind: input.kind,
        description: input.description?.trim() || null, resourceIds, scenario, fee, status: 'declared', declaredAt: this.k.clock.now(), withdrawnAt: null,
      };
      await repo.insertProduct(tx, p);
      await emit({
        type: 'authorization.product.declared', subject: { type: 'authorization_product', id: p.id }, orgId: p.operatorOrgId, actor: serviceActor(by), requestId,
        payload: { agreementId, kind: p.kind, name: { zh: p.nameZh, en: p.nameEn }, resourceIds, scenario, fee },
      });
      return this.view(p);
    });
  }

  /** The operator withdraws a product (it stays on record, e.g. in disclosures of its years). */
  async withdraw(productId: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const p = await repo.findProduct(tx, productId, true);
      if (!p || (by && !(await this.canSee(p, by, tx)))) throw new AppError(AuthorizationErrors.AUTHORIZATION_PRODUCT_NOT_FOUND);
      if (by && by.orgId !== p.operatorOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
      if (p.status !== 'declared') throw new AppError(AuthorizationErrors.AUTHORIZATION_PRODUCT_STATE_CONFLICT, { status: p.status, action: 'withdraw' }, { status: p.status, action: 'withdraw' });
      Object.assign(p, { status: 'withdrawn', withdrawnAt: this.k.clock.now() });
      await repo.saveProduct(tx, p);
      await emit({ type: 'authorization.product.withdrawn', subject: { type: 'authorization_product', id: p.id }, orgId: p.operatorOrgId, actor: serviceActor(by), requestId, payload: { agreementId: p.agreementId } });
      return this.view(p);
    });
  }

  async get(productId: string, by: Principal | null) {
    const p = await repo.findProduct(this.k.db, productId);
    if (!p || (by && !(await this.canSee(p, by)))) throw new AppError(AuthorizationErrors.AUTHORIZATION_PRODUCT_NOT_FOUND);
    return this.view(p);
  }

  /** An agreement's products (its parties, overseers), the caller's own (box=mine), or all (overseers). */
  async list(by: Principal, q: ProductListQuery) {
    let query: repo.ProductQuery;
    if (q.agreementId) {
      await this.agreements.row(q.agreementId, by);
      query = { agreementIds: [q.agreementId], status: q.status, page: q.page, pageSize: q.pageSize };
    } else if (q.box === 'all') {
      if (!hasAnyRole(by, OVERSEERS)) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: OVERSEERS }, { roles: OVERSEERS.join(', ') });
      query = { status: q.status, page: q.page, pageSize: q.pageSize };
    } else {
      query = { operatorOrgId: by.orgId, status: q.status, page: q.page, pageSize: q.pageSize };
    }
    const { items, total } = await repo.listProducts(this.k.db, query);
    return { items: items.map((p) => this.view(p)), total, page: q.page, pageSize: q.pageSize };
  }

  private async canSee(p: repo.ProductRow, by: Principal, tx?: Tx): Promise<boolean> {
    if (by.orgId === p.operatorOrgId || hasAnyRole(by, OVERSEERS)) return true;
    try {
      await this.agreements.row(p.agreementId, by, tx);
      return true;
    } catch {
      return false;
    }
  }
}
