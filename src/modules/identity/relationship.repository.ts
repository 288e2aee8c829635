import type { Executor } from '../../platform/database/database.js';

/** `org` is the parent of `related`; `org` holds `sharePercent` % of `related`; `org` traded with `related` on `since`. */
export type RelationshipKind = 'parent' | 'shareholder' | 'counterparty';

export interface RelationshipRow {
  id: string;
  orgId: string;
  relatedOrgId: string;
  kind: RelationshipKind;
  sharePercent: string | null;
  since: string;
  until: string | null;
  note: string | null;
  recordedAt: Date;
  recordedBy: string | null;
}

const T = 'identity_org_relationship';
const map = (r: any): RelationshipRow => ({
  id: r.id, orgId: r.org_id, relatedOrgId: r.related_org_id, kind: r.kind, sharePercent: r.share_percent, since: r.since, until: r.until, note: r.note,
  recordedAt: new Date(r.recorded_at), recordedBy: r.recorded_by,
});

export async function insertRelationship(db: Executor, r: RelationshipRow): Promise<void> {
  await db.insertInto(T).values({
    id: r.id, org_id: r.orgId, related_org_id: r.relatedOrgId, kind: r.kind, share_percent: r.sharePercent, since: r.since, until: r.until, note: r.note,
    recorded_at: r.recordedAt, recorded_by: r.recordedBy,
  }).execute();
}

/** Every relationship an organisation has, either side. */
export async function relationshipsOf(db: Executor, orgId: string): Promise<RelationshipRow[]> {
  return (await db.selectFrom(T).selectAll().where((eb) => eb.or([eb('org_id', '=', orgId), eb('related_org_id', '=', orgId)])).orderBy('recorded_at').orderBy('id').execute()).map(map);
}
