import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

export interface DisputeRow {
  id: string;
  negotiationId: string;
  raisedByOrgId: string;
  arbitratorOrgId: string;
  claim: string;
  claimedRefundFen: bigint;
  status: 'open' | 'ruled';
  ruling: string | null;
  refundFen: bigint | null;
  /** A penalty (违约金) the ruling orders one party to pay the other, beyond the refund. */
  penaltyFen: bigint | null;
  penaltyPayer: 'seller' | 'buyer' | null;
  createdAt: Date;
  ruledAt: Date | null;
}

const map = (r: any): DisputeRow => ({
  id: r.id, negotiationId: r.negotiation_id, raisedByOrgId: r.raised_by_org_id, arbitratorOrgId: r.arbitrator_org_id, claim: r.claim, claimedRefundFen: BigInt(r.claimed_refund_fen),
  status: r.status, ruling: r.ruling ?? null, refundFen: r.refund_fen == null ? null : BigInt(r.refund_fen),
  penaltyFen: r.penalty_fen == null ? null : BigInt(r.penalty_fen), penaltyPayer: r.penalty_payer ?? null, createdAt: new Date(r.created_at), ruledAt: r.ruled_at == null ? null : new Date(r.ruled_at),
});

/** Inserts an open dispute; false when the contract has one open already. */
export async function insertDispute(db: Executor, d: DisputeRow): Promise<boolean> {
  const r = await sql`insert into exchange_dispute (id, negotiation_id, raised_by_org_id, arbitrator_org_id, claim, claimed_refund_fen, status, created_at)
    values (${d.id}, ${d.negotiationId}, ${d.raisedByOrgId}, ${d.arbitratorOrgId}, ${d.claim}, ${d.claimedRefundFen.toString()}, 'open', ${d.createdAt})
    on conflict (negotiation_id) where status = 'open' do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function findDispute(db: Executor, id: string): Promise<DisputeRow | undefined> {
  const r = await db.selectFrom('exchange_dispute').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function openDisputeOf(db: Executor, negotiationId: string): Promise<DisputeRow | undefined> {
  const r = await db.selectFrom('exchange_dispute').selectAll().where('negotiation_id', '=', negotiationId).where('status', '=', 'open').executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function rule(db: Executor, id: string, ruling: string, refundFen: bigint, penalty: { fen: bigint; payer: 'seller' | 'buyer' } | null, at: Date): Promise<boolean> {
  const r = await db.updateTable('exchange_dispute').set({ status: 'ruled', ruling, refund_fen: refundFen.toString(), penalty_fen: penalty?.fen.toString() ?? null, penalty_payer: penalty?.payer ?? null, ruled_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listDisputes(db: Executor, f: { arbitratorOrgId?: string; partyOrgIds?: { orgId: string }; status?: 'open' | 'ruled' | undefined; negotiationId?: string | undefined; page: number; pageSize: number }): Promise<{ items: DisputeRow[]; total: number }> {
  let q = db.selectFrom('exchange_dispute as d');
  if (f.negotiationId) q = q.where('d.negotiation_id', '=', f.negotiationId);
  if (f.arbitratorOrgId) q = q.where('d.arbitrator_org_id', '=', f.arbitratorOrgId);
  if (f.partyOrgIds) {
    const o = f.partyOrgIds.orgId;
    q = q.where((e) => e.or([e('d.arbitrator_org_id', '=', o), e.exists(e.selectFrom('exchange_negotiation as n').select('n.id').whereRef('n.id', '=', 'd.negotiation_id').where((x) => x.or([x('n.seller_org_id', '=', o), x('n.buyer_org_id', '=', o)])))]));
  }
  if (f.status) q = q.where('d.status', '=', f.status);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll('d').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(map), total };
}

/** Whether an organisation arbitrates a dispute on a contract (it may then read the contract). */
export async function arbitrates(db: Executor, negotiationId: string, orgId: string): Promise<boolean> {
  return !!(await db.selectFrom('exchange_dispute').select('id').where('negotiation_id', '=', negotiationId).where('arbitrator_org_id', '=', orgId).executeTakeFirst());
}
