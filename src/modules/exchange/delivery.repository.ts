import type { Executor } from '../../platform/database/database.js';

export interface DeliveryRow {
  id: string;
  negotiationId: string;
  /** A file for download, or the gateway grant of an API delivery (its descriptor as the content). */
  method: 'file' | 'api';
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  note: string;
  createdAt: Date;
}

export interface LinkRow {
  tokenHash: string;
  deliveryId: string;
  negotiationId: string;
  expiresAt: Date;
  createdAt: Date;
}

const mapDelivery = (r: any): DeliveryRow => ({
  id: r.id, negotiationId: r.negotiation_id, method: r.method, name: r.name, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256, note: r.note, createdAt: new Date(r.created_at),
});

export const deliveryView = (d: DeliveryRow) => ({ id: d.id, method: d.method, name: d.name, mediaType: d.mediaType, size: d.size, sha256: d.sha256, note: d.note, createdAt: d.createdAt.toISOString() });

export async function insertDelivery(db: Executor, d: DeliveryRow, content: Uint8Array): Promise<void> {
  await db.insertInto('exchange_delivery').values({
    id: d.id, negotiation_id: d.negotiationId, method: d.method, name: d.name, media_type: d.mediaType, size: d.size, sha256: d.sha256, content: Buffer.from(content), note: d.note, created_at: d.createdAt,
  }).execute();
}

export async function deliveriesOf(db: Executor, negotiationId: string): Promise<DeliveryRow[]> {
  return (await db.selectFrom('exchange_delivery').select(['id', 'negotiation_id', 'method', 'name', 'media_type', 'size', 'sha256', 'note', 'created_at']).where('negotiation_id', '=', negotiationId).orderBy('created_at').orderBy('id').execute()).map(mapDelivery);
}

export async function deliveryContent(db: Executor, id: string): Promise<(DeliveryRow & { content: Buffer }) | undefined> {
  const r = await db.selectFrom('exchange_delivery').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { ...mapDelivery(r), content: Buffer.from(r.content as Uint8Array) } : undefined;
}

/** The first delivery starts the acceptance period. */
export async function markDelivered(db: Executor, negotiationId: string, deliveredAt: Date, acceptanceDue: Date): Promise<void> {
  await db.updateTable('exchange_negotiation').set({ delivered_at: deliveredAt, acceptance_due: acceptanceDue }).where('id', '=', negotiationId).execute();
}

/** Accepts once (false when already accepted). */
export async function markAccepted(db: Executor, negotiationId: string, at: Date, by: 'buyer' | 'auto' | 'ruling'): Promise<boolean> {
  const r = await db.updateTable('exchange_negotiation').set({ accepted_at: at, accepted_by: by, updated_at: at }).where('id', '=', negotiationId).where('accepted_at', 'is', null).where('state', '=', 'FINALIZED').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertLink(db: Executor, l: LinkRow): Promise<void> {
  await db.insertInto('exchange_download_link').values({ token_hash: l.tokenHash, delivery_id: l.deliveryId, negotiation_id: l.negotiationId, expires_at: l.expiresAt, created_at: l.createdAt }).execute();
}

export async function findLink(db: Executor, tokenHash: string): Promise<LinkRow | undefined> {
  const r = await db.selectFrom('exchange_download_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return r ? { tokenHash: r.token_hash, deliveryId: r.delivery_id, negotiationId: r.negotiation_id, expiresAt: new Date(r.expires_at), createdAt: new Date(r.created_at) } : undefined;
}

/** Records the contract's API grant once (false when one exists or the contract is no longer in force). */
export async function setGrant(db: Executor, negotiationId: string, grantId: string, billByUse: boolean): Promise<boolean> {
  const r = await db.updateTable('exchange_negotiation').set({ grant_id: grantId, bill_by_use: billByUse }).where('id', '=', negotiationId).where('grant_id', 'is', null).where('state', '=', 'FINALIZED').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Contracts billed by use, accepted and not yet billed (the sweep bills those whose calls or period ended). */
export async function billingCandidates(db: Executor, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('exchange_negotiation').select('id').where('bill_by_use', '=', true).where('billed_at', 'is', null).where('accepted_at', 'is not', null).orderBy('ends_on').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id as string);
}

/** Marks a by-use contract billed once (false when it was already). */
export async function markBilled(db: Executor, negotiationId: string, uses: number, at: Date): Promise<boolean> {
  const r = await db.updateTable('exchange_negotiation').set({ billed_uses: uses, billed_at: at, updated_at: at }).where('id', '=', negotiationId).where('billed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
