import type { Executor } from '../../platform/database/database.js';
import type { FeeCap } from './agreement.repository.js';

export const PRODUCT_KINDS = ['dataset', 'api', 'indicator', 'report', 'model', 'application'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export type ProductStatus = 'declared' | 'withdrawn';

/** A product or service an operator builds under an agreement (used by registration, issue 6). */
export interface ProductRow {
  id: string;
  agreementId: string;
  operatorOrgId: string;
  nameZh: string;
  nameEn: string;
  kind: ProductKind;
  description: string | null;
  resourceIds: string[];
  scenario: string;
  /** What the operator charges, in the agreement cap's terms. */
  fee: FeeCap | null;
  status: ProductStatus;
  declaredAt: Date;
  withdrawnAt: Date | null;
}

const T = 'authorization_product';

function map(r: any): ProductRow {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    operatorOrgId: r.operator_org_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    kind: r.kind,
    description: r.description,
    resourceIds: r.resource_ids,
    scenario: r.scenario,
    fee: r.fee ?? null,
    status: r.status,
    declaredAt: new Date(r.declared_at),
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null,
  };
}

export async function insertProduct(db: Executor, p: ProductRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: p.id, agreement_id: p.agreementId, operator_org_id: p.operatorOrgId, name_zh: p.nameZh, name_en: p.nameEn, kind: p.kind, description: p.description,
      resource_ids: JSON.stringify(p.resourceIds), scenario: p.scenario, fee: p.fee ? JSON.stringify(p.fee) : null, status: p.status, declared_at: p.declaredAt, withdrawn_at: p.withdrawnAt,
    })
    .execute();
}

export async function saveProduct(db: Executor, p: ProductRow): Promise<void> {
  await db.updateTable(T).set({ status: p.status, withdrawn_at: p.withdrawnAt }).where('id', '=', p.id).execute();
}

export async function findProduct(db: Executor, id: string, forUpdate = false): Promise<ProductRow | undefined> {
  let q = db.selectFrom(T).selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

export interface ProductQuery {
  agreementIds?: string[] | undefined;
  operatorOrgId?: string | undefined;
  status?: ProductStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listProducts(db: Executor, q: ProductQuery): Promise<{ items: ProductRow[]; total: number }> {
  if (q.agreementIds && q.agreementIds.length === 0) return { items: [], total: 0 };
  let base = db.selectFrom(T);
  if (q.agreementIds) base = base.where('agreement_id', 'in', q.agreementIds);
  if (q.operatorOrgId) base = base.where('operator_org_id', '=', q.operatorOrgId);
  if (q.status) base = base.where('status', '=', q.status);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('declared_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** Products of the given agreements declared before `until` (for a year's disclosure). */
export async function productsOf(db: Executor, agreementIds: string[], until: Date): Promise<ProductRow[]> {
  if (!agreementIds.length) return [];
  const rows = await db.selectFrom(T).selectAll().where('agreement_id', 'in', agreementIds).where('declared_at', '<', until).orderBy('declared_at').orderBy('id').execute();
  return rows.map(map);
}
