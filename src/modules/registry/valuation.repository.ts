import type { Executor } from '../../platform/database/database.js';

export interface ValuationRow {
  id: string;
  applicationId: string;
  holderOrgId: string;
  valuerOrgId: string;
  kind: 'appraisal' | 'self_estimate';
  baseDate: string;
  valueFen: string;
  report: Record<string, unknown>;
  seal: Record<string, unknown>;
  createdAt: Date;
}

const T = 'registry_valuation';
const map = (r: any): ValuationRow => ({
  id: r.id, applicationId: r.application_id, holderOrgId: r.holder_org_id, valuerOrgId: r.valuer_org_id, kind: r.kind, baseDate: r.base_date, valueFen: r.value_fen,
  report: r.report, seal: r.seal, createdAt: new Date(r.created_at),
});

export async function insertValuation(db: Executor, v: ValuationRow): Promise<void> {
  await db.insertInto(T).values({
    id: v.id, application_id: v.applicationId, holder_org_id: v.holderOrgId, valuer_org_id: v.valuerOrgId, kind: v.kind, base_date: v.baseDate, value_fen: v.valueFen,
    report: JSON.stringify(v.report), seal: JSON.stringify(v.seal), created_at: v.createdAt,
  }).execute();
}

export async function findValuation(db: Executor, id: string): Promise<ValuationRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function valuationsOf(db: Executor, applicationId: string): Promise<ValuationRow[]> {
  return (await db.selectFrom(T).selectAll().where('application_id', '=', applicationId).orderBy('created_at', 'desc').orderBy('id').execute()).map(map);
}
