import type { Executor } from '../../platform/database/database.js';

export interface ReviewerRow {
  id: string;
  userId: string;
  orgId: string;
  name: string;
  expertise: string[];
  status: 'active' | 'retired';
  createdAt: Date;
}

const T = 'registry_reviewer';
const map = (r: any): ReviewerRow => ({ id: r.id, userId: r.user_id, orgId: r.org_id, name: r.name, expertise: r.expertise, status: r.status, createdAt: new Date(r.created_at) });

export async function insertReviewer(db: Executor, r: ReviewerRow): Promise<void> {
  await db.insertInto(T).values({ id: r.id, user_id: r.userId, org_id: r.orgId, name: r.name, expertise: JSON.stringify(r.expertise), status: r.status, created_at: r.createdAt }).execute();
}

export async function findReviewer(db: Executor, id: string): Promise<ReviewerRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function findReviewerByUser(db: Executor, userId: string): Promise<ReviewerRow | undefined> {
  const r = await db.selectFrom(T).selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function listReviewers(db: Executor, status?: 'active' | 'retired'): Promise<ReviewerRow[]> {
  let q = db.selectFrom(T).selectAll();
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('id').execute()).map(map);
}

export async function retireReviewer(db: Executor, id: string): Promise<boolean> {
  const r = await db.updateTable(T).set({ status: 'retired' }).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
