import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { BrokerStatus, MandateSide, MandateStatus, MemberKind, MemberStatus } from './member.rules.js';

export interface MemberRow {
  id: string;
  orgId: string;
  kind: MemberKind;
  services: string[];
  status: MemberStatus;
  contact: { name: string; phone: string; email: string };
  statement: string;
  reason: string | null;
  appliedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  updatedAt: Date;
}

export interface MemberFileRow {
  id: string;
  memberId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

export interface BrokerRow {
  id: string;
  orgId: string;
  number: string;
  industries: string[];
  validFrom: string;
  validUntil: string;
  status: BrokerStatus;
  reason: string | null;
  issuedBy: string | null;
  issuedAt: Date;
  updatedAt: Date;
}

export interface MandateRow {
  id: string;
  brokerOrgId: string;
  clientOrgId: string;
  side: MandateSide;
  scope: string;
  commissionBp: number;
  validUntil: string;
  status: MandateStatus;
  createdBy: string | null;
  createdAt: Date;
  endedAt: Date | null;
  endedByOrg: string | null;
}

export interface SanctionRow {
  id: string;
  subjectType: 'member' | 'broker';
  subjectId: string;
  orgId: string;
  action: string;
  reason: string;
  at: Date;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));

const mapMember = (r: any): MemberRow => ({
  id: r.id, orgId: r.org_id, kind: r.kind, services: json(r.services), status: r.status, contact: json(r.contact), statement: r.statement, reason: r.reason ?? null,
  appliedAt: new Date(r.applied_at), decidedAt: date(r.decided_at), decidedBy: r.decided_by ?? null, updatedAt: new Date(r.updated_at),
});
const mapFile = (r: any): MemberFileRow => ({ id: r.id, memberId: r.member_id, name: r.name, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256, uploadedAt: new Date(r.uploaded_at) });
const mapBroker = (r: any): BrokerRow => ({
  id: r.id, orgId: r.org_id, number: r.number, industries: json(r.industries), validFrom: day(r.valid_from), validUntil: day(r.valid_until), status: r.status, reason: r.reason ?? null,
  issuedBy: r.issued_by ?? null, issuedAt: new Date(r.issued_at), updatedAt: new Date(r.updated_at),
});
const mapMandate = (r: any): MandateRow => ({
  id: r.id, brokerOrgId: r.broker_org_id, clientOrgId: r.client_org_id, side: r.side, scope: r.scope, commissionBp: Number(r.commission_bp), validUntil: day(r.valid_until),
  status: r.status, createdBy: r.created_by ?? null, createdAt: new Date(r.created_at), endedAt: date(r.ended_at), endedByOrg: r.ended_by_org ?? null,
});
const mapSanction = (r: any): SanctionRow => ({ id: r.id, subjectType: r.subject_type, subjectId: r.subject_id, orgId: r.org_id, action: r.action, reason: r.reason, at: new Date(r.at) });

/** Inserts a membership application; false when the organisation already holds a live membership of that kind. */
export async function insertMember(db: Executor, m: MemberRow): Promise<boolean> {
  const r = await sql`insert into exchange_member (id, org_id, kind, services, status, contact, statement, reason, applied_at, decided_at, decided_by, updated_at)
    values (${m.id}, ${m.orgId}, ${m.kind}, ${JSON.stringify(m.services)}, ${m.status}, ${JSON.stringify(m.contact)}, ${m.statement}, null, ${m.appliedAt}, null, null, ${m.updatedAt})
    on conflict (org_id, kind) where status in ('applied', 'active', 'suspended') do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function findMember(db: Executor, id: string, lock = false): Promise<MemberRow | undefined> {
  let q = db.selectFrom('exchange_member').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapMember(r) : undefined;
}

/** The organisation's live memberships (applied, active or suspended). */
export async function liveMembers(db: Executor, orgId: string): Promise<MemberRow[]> {
  return (await db.selectFrom('exchange_member').selectAll().where('org_id', '=', orgId).where('status', 'in', ['applied', 'active', 'suspended']).orderBy('kind').execute()).map(mapMember);
}

export async function updateMemberStatus(db: Executor, id: string, from: MemberStatus[], to: MemberStatus, reason: string | null, by: string | null, at: Date, decided: boolean): Promise<boolean> {
  const set: Record<string, unknown> = { status: to, reason, updated_at: at };
  if (decided) Object.assign(set, { decided_at: at, decided_by: by });
  const r = await db.updateTable('exchange_member').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface MemberFilter {
  orgId?: string;
  kind?: MemberKind;
  status?: MemberStatus;
  service?: string;
  orgIds?: string[];
  page: number;
  pageSize: number;
}

export async function listMembers(db: Executor, f: MemberFilter): Promise<{ items: MemberRow[]; total: number }> {
  let q = db.selectFrom('exchange_member');
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.orgIds) q = q.where('org_id', 'in', f.orgIds.length ? f.orgIds : ['']);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.service) q = q.where(sql<boolean>`services @> ${JSON.stringify([f.service])}::jsonb`);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('applied_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(mapMember), total };
}

export async function insertFile(db: Executor, f: MemberFileRow & { content: Uint8Array }): Promise<void> {
  await db.insertInto('exchange_member_file').values({ id: f.id, member_id: f.memberId, name: f.name, media_type: f.mediaType, size: f.size, sha256: f.sha256, content: Buffer.from(f.content), uploaded_at: f.uploadedAt }).execute();
}

export async function memberFiles(db: Executor, memberId: string): Promise<MemberFileRow[]> {
  return (await db.selectFrom('exchange_member_file').select(['id', 'member_id', 'name', 'media_type', 'size', 'sha256', 'uploaded_at']).where('member_id', '=', memberId).orderBy('uploaded_at').orderBy('id').execute()).map(mapFile);
}

export async function fileContent(db: Executor, memberId: string, fileId: string): Promise<(MemberFileRow & { content: Buffer }) | undefined> {
  const r = await db.selectFrom('exchange_member_file').selectAll().where('id', '=', fileId).where('member_id', '=', memberId).executeTakeFirst();
  return r ? { ...mapFile(r), content: Buffer.from(r.content as Uint8Array) } : undefined;
}

/** The next value of a named counter (a per-year number sequence), in the caller's transaction. */
export async function nextCounter(db: Executor, name: string): Promise<number> {
  const r = await sql<{ value: number }>`insert into exchange_counter (name, value) values (${name}, 1)
    on conflict (name) do update set value = exchange_counter.value + 1 returning value`.execute(db);
  return Number(r.rows[0]!.value);
}

/** Inserts a broker certificate; false when the organisation already holds one in force or suspended. */
export async function insertBroker(db: Executor, b: BrokerRow): Promise<boolean> {
  const r = await sql`insert into exchange_broker (id, org_id, number, industries, valid_from, valid_until, status, reason, issued_by, issued_at, updated_at)
    values (${b.id}, ${b.orgId}, ${b.number}, ${JSON.stringify(b.industries)}, ${b.validFrom}, ${b.validUntil}, ${b.status}, null, ${b.issuedBy}, ${b.issuedAt}, ${b.updatedAt})
    on conflict (org_id) where status in ('active', 'suspended') do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function findBroker(db: Executor, id: string): Promise<BrokerRow | undefined> {
  const r = await db.selectFrom('exchange_broker').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapBroker(r) : undefined;
}

/** The organisation's broker certificate that counts (active or suspended), if any. */
export async function liveBroker(db: Executor, orgId: string): Promise<BrokerRow | undefined> {
  const r = await db.selectFrom('exchange_broker').selectAll().where('org_id', '=', orgId).where('status', 'in', ['active', 'suspended']).executeTakeFirst();
  return r ? mapBroker(r) : undefined;
}

export async function updateBrokerStatus(db: Executor, id: string, from: BrokerStatus[], to: BrokerStatus, reason: string | null, at: Date): Promise<boolean> {
  const r = await db.updateTable('exchange_broker').set({ status: to, reason, updated_at: at }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listBrokers(db: Executor, f: { status?: BrokerStatus; industry?: string; page: number; pageSize: number }): Promise<{ items: BrokerRow[]; total: number }> {
  let q = db.selectFrom('exchange_broker');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.industry) q = q.where(sql<boolean>`industries @> ${JSON.stringify([f.industry])}::jsonb`);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('number', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(mapBroker), total };
}

export async function insertMandate(db: Executor, m: MandateRow): Promise<void> {
  await db.insertInto('exchange_mandate').values({
    id: m.id, broker_org_id: m.brokerOrgId, client_org_id: m.clientOrgId, side: m.side, scope: m.scope, commission_bp: m.commissionBp, valid_until: m.validUntil,
    status: m.status, created_by: m.createdBy, created_at: m.createdAt, ended_at: null, ended_by_org: null,
  }).execute();
}

export async function findMandate(db: Executor, id: string): Promise<MandateRow | undefined> {
  const r = await db.selectFrom('exchange_mandate').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? mapMandate(r) : undefined;
}

export async function endMandate(db: Executor, id: string, byOrg: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('exchange_mandate').set({ status: 'ended', ended_at: at, ended_by_org: byOrg }).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Ends every active mandate of a broker (its certificate revoked), returning their ids. */
export async function endBrokerMandates(db: Executor, brokerOrgId: string, byOrg: string, at: Date): Promise<string[]> {
  const rows = await db.updateTable('exchange_mandate').set({ status: 'ended', ended_at: at, ended_by_org: byOrg }).where('broker_org_id', '=', brokerOrgId).where('status', '=', 'active').returning('id').execute();
  return rows.map((r) => r.id as string);
}

export async function listMandates(db: Executor, f: { brokerOrgId?: string; clientOrgId?: string; eitherOrgId?: string; status?: MandateStatus; page: number; pageSize: number }): Promise<{ items: MandateRow[]; total: number }> {
  let q = db.selectFrom('exchange_mandate');
  if (f.brokerOrgId) q = q.where('broker_org_id', '=', f.brokerOrgId);
  if (f.clientOrgId) q = q.where('client_org_id', '=', f.clientOrgId);
  if (f.eitherOrgId) q = q.where((e) => e.or([e('broker_org_id', '=', f.eitherOrgId!), e('client_org_id', '=', f.eitherOrgId!)]));
  if (f.status) q = q.where('status', '=', f.status);
  const total = Number((await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.map(mapMandate), total };
}

/** The active mandates between a broker and a client. */
export async function activeMandates(db: Executor, brokerOrgId: string, clientOrgId: string): Promise<MandateRow[]> {
  return (await db.selectFrom('exchange_mandate').selectAll().where('broker_org_id', '=', brokerOrgId).where('client_org_id', '=', clientOrgId).where('status', '=', 'active').execute()).map(mapMandate);
}

export async function insertSanction(db: Executor, s: SanctionRow): Promise<void> {
  await db.insertInto('exchange_sanction').values({ id: s.id, subject_type: s.subjectType, subject_id: s.subjectId, org_id: s.orgId, action: s.action, reason: s.reason, at: s.at }).execute();
}

export async function listSanctions(db: Executor, page: number, pageSize: number): Promise<{ items: SanctionRow[]; total: number }> {
  const total = Number((await db.selectFrom('exchange_sanction').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await db.selectFrom('exchange_sanction').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(mapSanction), total };
}
