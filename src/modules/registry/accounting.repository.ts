import type { Executor } from '../../platform/database/database.js';

export interface AccountingRow {
  id: string;
  orgId: string;
  applicationId: string;
  class: 'inventory' | 'intangible' | 'development' | 'expensed';
  classification: Record<string, unknown>;
  source: 'purchased' | 'self_developed' | 'other';
  cost: Record<string, unknown>;
  capitalizedFen: string;
  recognizedOn: string;
  lifeMonths: number | null;
  residualFen: string;
  startMonth: string | null;
  createdAt: Date;
}

const T = 'registry_accounting_asset';
const map = (r: any): AccountingRow => ({
  id: r.id, orgId: r.org_id, applicationId: r.application_id, class: r.class, classification: r.classification, source: r.source, cost: r.cost,
  capitalizedFen: r.capitalized_fen, recognizedOn: r.recognized_on, lifeMonths: r.life_months === null ? null : Number(r.life_months), residualFen: r.residual_fen,
  startMonth: r.start_month, createdAt: new Date(r.created_at),
});

export async function insertAccounting(db: Executor, a: AccountingRow): Promise<void> {
  await db.insertInto(T).values({
    id: a.id, org_id: a.orgId, application_id: a.applicationId, class: a.class, classification: JSON.stringify(a.classification), source: a.source, cost: JSON.stringify(a.cost),
    capitalized_fen: a.capitalizedFen, recognized_on: a.recognizedOn, life_months: a.lifeMonths, residual_fen: a.residualFen, start_month: a.startMonth, created_at: a.createdAt,
  }).execute();
}

export async function accountingOfOrg(db: Executor, orgId: string): Promise<AccountingRow[]> {
  return (await db.selectFrom(T).selectAll().where('org_id', '=', orgId).orderBy('recognized_on').orderBy('id').execute()).map(map);
}

export async function accountingOfApplication(db: Executor, applicationId: string): Promise<AccountingRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  return r ? map(r) : undefined;
}
