import type { Executor } from '../../platform/database/database.js';

export interface FilingRow {
  id: string;
  filerOrgId: string;
  counterpartyOrgId: string;
  filerRole: 'seller' | 'buyer';
  assetId: string | null;
  registrationNumber: string | null;
  description: string;
  amountFen: bigint;
  tradedOn: string;
  contractSha256: string;
  status: 'filed' | 'confirmed';
  createdAt: Date;
  confirmedAt: Date | null;
}

const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const map = (r: any): FilingRow => ({
  id: r.id, filerOrgId: r.filer_org_id, counterpartyOrgId: r.counterparty_org_id, filerRole: r.filer_role, assetId: r.asset_id ?? null, registrationNumber: r.registration_number ?? null,
  description: r.description, amountFen: BigInt(r.amount_fen), tradedOn: day(r.traded_on), contractSha256: r.contract_sha256, status: r.status, createdAt: new Date(r.created_at),
  confirmedAt: r.confirmed_at == null ? null : new Date(r.confirmed_at),
});

export async function insertFiling(db: Executor, f: FilingRow): Promise<void> {
  await db.insertInto('exchange_filing').values({
    id: f.id, filer_org_id: f.filerOrgId, counterparty_org_id: f.counterpartyOrgId, filer_role: f.filerRole, asset_id: f.assetId, registration_number: f.registrationNumber, description: f.description,
    amount_fen: f.amountFen.toString(), traded_on: f.tradedOn, contract_sha256: f.contractSha256, status: f.status, created_at: f.createdAt, confirmed_at: null,
  }).execute();
}

export async function findFiling(db: Executor, id: string): Promise<FilingRow | undefined> {
  const r = await db.selectFrom('exchange_filing').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function confirmFiling(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('exchange_filing').set({ status: 'confirmed', confirmed_at: at }).where('id', '=', id).where('status', '=', 'filed').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listFilings(db: Executor, f: { partyOrgId?: string; status?: 'filed' | 'confirmed' | undefined; page: number; pageSize: number }): Promise<{ items: FilingRow[]; total: number }> {
  let q = db.selectFrom('exchange_filing');
  if (f.partyOrgId) q = q.where((e) => e.or([e('filer_org_id', '=', f.partyOrgId!), e('counterparty_org_id', '=', f.partyOrgId!)]));
  if (f.status) q = q.where('status', '=', f.status);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(map), total };
}
