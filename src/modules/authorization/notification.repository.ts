import type { Executor } from '../../platform/database/database.js';

export interface NotificationRow {
  id: string;
  orgId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}
export interface WebhookRow {
  id: string;
  orgId: string;
  url: string;
  /** Notification kinds it receives; empty: all. */
  kinds: string[];
  status: 'active' | 'deleted';
  createdAt: Date;
}
export interface DeliveryRow {
  id: string;
  webhookId: string;
  orgId: string;
  notificationId: string;
  url: string;
  body: string;
  attempts: number;
  nextAttemptAt: Date;
  status: 'pending' | 'delivered' | 'failed';
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const N = 'authorization_notification';
const W = 'authorization_webhook';
const D = 'authorization_webhook_delivery';
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

const mapN = (r: any): NotificationRow => ({ id: r.id, orgId: r.org_id, kind: r.kind, subjectType: r.subject_type, subjectId: r.subject_id, payload: r.payload, createdAt: new Date(r.created_at), readAt: date(r.read_at) });
const mapW = (r: any): WebhookRow => ({ id: r.id, orgId: r.org_id, url: r.url, kinds: r.kinds, status: r.status, createdAt: new Date(r.created_at) });
const mapD = (r: any): DeliveryRow => ({
  id: r.id, webhookId: r.webhook_id, orgId: r.org_id, notificationId: r.notification_id, url: r.url, body: r.body, attempts: Number(r.attempts), nextAttemptAt: new Date(r.next_attempt_at),
  status: r.status, lastStatus: r.last_status === null ? null : Number(r.last_status), lastError: r.last_error, createdAt: new Date(r.created_at), deliveredAt: date(r.delivered_at),
});

export async function insertNotification(db: Executor, n: NotificationRow): Promise<void> {
  await db.insertInto(N).values({ id: n.id, org_id: n.orgId, kind: n.kind, subject_type: n.subjectType, subject_id: n.subjectId, payload: JSON.stringify(n.payload), created_at: n.createdAt, read_at: n.readAt }).execute();
}

export async function listNotifications(db: Executor, q: { orgId: string; unread?: boolean | undefined; page: number; pageSize: number }): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  let base = db.selectFrom(N).where('org_id', '=', q.orgId);
  const unread = await db.selectFrom(N).select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', q.orgId).where('read_at', 'is', null).executeTakeFirst();
  if (q.unread) base = base.where('read_at', 'is', null);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(mapN), total: Number(total?.n ?? 0), unread: Number(unread?.n ?? 0) };
}

/** Marks the organisation's notification (or all of them) read; how many changed. */
export async function markRead(db: Executor, orgId: string, id: string | null, at: Date): Promise<number> {
  let q = db.updateTable(N).set({ read_at: at }).where('org_id', '=', orgId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertWebhook(db: Executor, w: WebhookRow): Promise<void> {
  await db.insertInto(W).values({ id: w.id, org_id: w.orgId, url: w.url, kinds: JSON.stringify(w.kinds), status: w.status, created_at: w.createdAt }).execute();
}

export async function findWebhook(db: Executor, id: string): Promise<WebhookRow | undefined> {
  const r = await db.selectFrom(W).selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapW(r) : undefined;
}

export async function setWebhookStatus(db: Executor, id: string, status: 'active' | 'deleted'): Promise<void> {
  await db.updateTable(W).set({ status }).where('id', '=', id).execute();
}

export async function activeWebhooks(db: Executor, orgIds: string[]): Promise<WebhookRow[]> {
  if (!orgIds.length) return [];
  return (await db.selectFrom(W).selectAll().where('org_id', 'in', orgIds).where('status', '=', 'active').execute()).map(mapW);
}

export async function listWebhooks(db: Executor, orgId: string): Promise<WebhookRow[]> {
  return (await db.selectFrom(W).selectAll().where('org_id', '=', orgId).where('status', '=', 'active').orderBy('created_at').execute()).map(mapW);
}

export async function insertDelivery(db: Executor, d: DeliveryRow): Promise<void> {
  await db
    .insertInto(D)
    .values({
      id: d.id, webhook_id: d.webhookId, org_id: d.orgId, notification_id: d.notificationId, url: d.url, body: d.body, attempts: d.attempts, next_attempt_at: d.nextAttemptAt,
      status: d.status, last_status: d.lastStatus, last_error: d.lastError, created_at: d.createdAt, delivered_at: d.deliveredAt,
    })
    .execute();
}

export async function dueDeliveries(db: Executor, now: Date, limit: number): Promise<DeliveryRow[]> {
  return (await db.selectFrom(D).selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit).execute()).map(mapD);
}

/** Claims a due delivery for one attempt (pushes its next attempt out by `lease`); false when another sender took it. */
export async function claim(db: Executor, d: DeliveryRow, until: Date): Promise<boolean> {
  const r = await db.updateTable(D).set({ next_attempt_at: until }).where('id', '=', d.id).where('status', '=', 'pending').where('next_attempt_at', '=', d.nextAttemptAt).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function saveAttempt(db: Executor, d: DeliveryRow): Promise<void> {
  await db
    .updateTable(D)
    .set({ attempts: d.attempts, next_attempt_at: d.nextAttemptAt, status: d.status, last_status: d.lastStatus, last_error: d.lastError, delivered_at: d.deliveredAt })
    .where('id', '=', d.id)
    .execute();
}

export async function listDeliveries(db: Executor, webhookId: string, page: number, pageSize: number): Promise<{ items: DeliveryRow[]; total: number }> {
  const base = db.selectFrom(D).where('webhook_id', '=', webhookId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(mapD), total: Number(total?.n ?? 0) };
}
