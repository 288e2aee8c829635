import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

export interface AppointmentRow {
  id: string;
  orgId: string;
  userId: string;
  name: string;
  title: string;
  appointedAt: string;
  termEnd: string | null;
  status: 'current' | 'ended';
  endedAt: Date | null;
  endReason: string | null;
  replacedBy: string | null;
  createdAt: Date;
}

const T = 'cdo_appointment';
const dateText = (col: string, as: string) => sql<string | null>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`.as(as);

function map(r: any): AppointmentRow {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    name: r.name,
    title: r.title,
    appointedAt: r.appointed_text,
    termEnd: r.term_end_text ?? null,
    status: r.status,
    endedAt: r.ended_at ? new Date(r.ended_at) : null,
    endReason: r.end_reason,
    replacedBy: r.replaced_by,
    createdAt: new Date(r.created_at),
  };
}

const select = (db: Executor) => db.selectFrom(T).selectAll().select([dateText('appointed_at', 'appointed_text'), dateText('term_end', 'term_end_text')]);

export async function insertAppointment(db: Executor, a: AppointmentRow): Promise<void> {
  await db
    .insertInto(T)
    .values({
      id: a.id, org_id: a.orgId, user_id: a.userId, name: a.name, title: a.title, appointed_at: a.appointedAt, term_end: a.termEnd,
      status: a.status, ended_at: a.endedAt, end_reason: a.endReason, replaced_by: a.replacedBy, created_at: a.createdAt,
    })
    .execute();
}

export async function endAppointment(db: Executor, id: string, endedAt: Date, reason: string, replacedBy: string | null): Promise<void> {
  await db.updateTable(T).set({ status: 'ended', ended_at: endedAt, end_reason: reason, replaced_by: replacedBy }).where('id', '=', id).execute();
}

/** The organisation's current appointment; `forUpdate` locks it. */
export async function findCurrent(db: Executor, orgId: string, forUpdate = false): Promise<AppointmentRow | undefined> {
  let q = select(db).where('org_id', '=', orgId).where('status', '=', 'current');
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

export async function findAppointment(db: Executor, id: string, forUpdate = false): Promise<AppointmentRow | undefined> {
  let q = select(db).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? map(r) : undefined;
}

/** The organisation's appointments, newest first (history). */
export async function listForOrg(db: Executor, orgId: string, page: number, pageSize: number): Promise<{ items: AppointmentRow[]; total: number }> {
  const base = db.selectFrom(T).where('org_id', '=', orgId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await select(db).where('org_id', '=', orgId).orderBy('created_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** Current appointments of every organisation (the data bureau's register). */
export async function listCurrent(db: Executor, page: number, pageSize: number): Promise<{ items: AppointmentRow[]; total: number }> {
  const base = db.selectFrom(T).where('status', '=', 'current');
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await select(db).where('status', '=', 'current').orderBy('created_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(map), total: Number(total?.n ?? 0) };
}

/** Current appointments of the given organisations. */
export async function currentOf(db: Executor, orgIds: string[]): Promise<Map<string, AppointmentRow>> {
  if (orgIds.length === 0) return new Map();
  const rows = await select(db).where('status', '=', 'current').where('org_id', 'in', orgIds).execute();
  return new Map(rows.map((r) => [r.org_id as string, map(r)]));
}
