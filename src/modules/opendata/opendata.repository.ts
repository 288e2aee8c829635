import type { Executor } from '../../platform/database/database.js';

export interface DeveloperRow {
  orgId: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  description: string | null;
  status: 'active' | 'suspended';
  createdAt: Date;
  updatedAt: Date;
}
export interface KeyRow {
  id: string;
  developerOrgId: string;
  resourceId: string;
  grantorOrgId: string;
  grantId: string;
  status: 'active' | 'revoked';
  createdAt: Date;
  revokedAt: Date | null;
}
export type ApplicationStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'revoked';
export interface ApplicationRow {
  id: string;
  developerOrgId: string;
  resourceId: string;
  grantorOrgId: string;
  purpose: string;
  agreement: string;
  fields: string[];
  expiresAt: Date | null;
  status: ApplicationStatus;
  reason: string | null;
  grantId: string | null;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
}
export type AppStatus = 'submitted' | 'approved' | 'rejected' | 'delisted';
export interface AppRow {
  id: string;
  developerOrgId: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  url: string;
  datasetIds: string[];
  status: AppStatus;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviewedAt: Date | null;
}

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
const json = (v: unknown) => JSON.stringify(v);
const page = <T>(rows: T[], total: unknown) => ({ items: rows, total: Number(total ?? 0) });

// ---- developers

const mapDeveloper = (r: any): DeveloperRow => ({
  orgId: r.org_id, contactName: r.contact_name, contactEmail: r.contact_email, contactPhone: r.contact_phone, description: r.description,
  status: r.status, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
});

export async function insertDeveloper(db: Executor, d: DeveloperRow): Promise<void> {
  await db.insertInto('opendata_developer').values({
    org_id: d.orgId, contact_name: d.contactName, contact_email: d.contactEmail, contact_phone: d.contactPhone, description: d.description,
    status: d.status, created_at: d.createdAt, updated_at: d.updatedAt,
  }).execute();
}

export async function findDeveloper(db: Executor, orgId: string): Promise<DeveloperRow | undefined> {
  const r = await db.selectFrom('opendata_developer').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return r ? mapDeveloper(r) : undefined;
}

// ---- keys

const mapKey = (r: any): KeyRow => ({
  id: r.id, developerOrgId: r.developer_org_id, resourceId: r.resource_id, grantorOrgId: r.grantor_org_id, grantId: r.grant_id,
  status: r.status, createdAt: new Date(r.created_at), revokedAt: date(r.revoked_at),
});

export async function insertKey(db: Executor, k: KeyRow): Promise<void> {
  await db.insertInto('opendata_key').values({
    id: k.id, developer_org_id: k.developerOrgId, resource_id: k.resourceId, grantor_org_id: k.grantorOrgId, grant_id: k.grantId,
    status: k.status, created_at: k.createdAt, revoked_at: k.revokedAt,
  }).execute();
}

export async function findKey(db: Executor, id: string, forUpdate = false): Promise<KeyRow | undefined> {
  let q = db.selectFrom('opendata_key').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapKey(r) : undefined;
}

export async function activeKey(db: Executor, developerOrgId: string, resourceId: string): Promise<KeyRow | undefined> {
  const r = await db.selectFrom('opendata_key').selectAll().where('developer_org_id', '=', developerOrgId).where('resource_id', '=', resourceId).where('status', '=', 'active').executeTakeFirst();
  return r ? mapKey(r) : undefined;
}

export async function revokeKey(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('opendata_key').set({ status: 'revoked', revoked_at: at }).where('id', '=', id).execute();
}

export async function listKeys(db: Executor, developerOrgId: string, p: { page: number; pageSize: number }) {
  const base = db.selectFrom('opendata_key').where('developer_org_id', '=', developerOrgId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(p.pageSize).offset((p.page - 1) * p.pageSize).execute();
  return page(rows.map(mapKey), total?.n);
}

// ---- applications

const mapApplication = (r: any): ApplicationRow => ({
  id: r.id, developerOrgId: r.developer_org_id, resourceId: r.resource_id, grantorOrgId: r.grantor_org_id, purpose: r.purpose, agreement: r.agreement,
  fields: r.fields, expiresAt: date(r.expires_at), status: r.status, reason: r.reason, grantId: r.grant_id,
  createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), decidedAt: date(r.decided_at),
});

export async function insertApplication(db: Executor, a: ApplicationRow): Promise<void> {
  await db.insertInto('opendata_application').values({
    id: a.id, developer_org_id: a.developerOrgId, resource_id: a.resourceId, grantor_org_id: a.grantorOrgId, purpose: a.purpose, agreement: a.agreement,
    fields: json(a.fields), expires_at: a.expiresAt, status: a.status, reason: a.reason, grant_id: a.grantId,
    created_at: a.createdAt, updated_at: a.updatedAt, decided_at: a.decidedAt,
  }).execute();
}

export async function findApplication(db: Executor, id: string, forUpdate = false): Promise<ApplicationRow | undefined> {
  let q = db.selectFrom('opendata_application').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapApplication(r) : undefined;
}

export async function saveApplication(db: Executor, a: ApplicationRow): Promise<void> {
  await db.updateTable('opendata_application')
    .set({ status: a.status, reason: a.reason, grant_id: a.grantId, fields: json(a.fields), expires_at: a.expiresAt, updated_at: a.updatedAt, decided_at: a.decidedAt })
    .where('id', '=', a.id)
    .execute();
}

export async function listApplications(db: Executor, q: { developerOrgId?: string; grantorOrgId?: string; status?: ApplicationStatus | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom('opendata_application');
  if (q.developerOrgId) base = base.where('developer_org_id', '=', q.developerOrgId);
  if (q.grantorOrgId) base = base.where('grantor_org_id', '=', q.grantorOrgId);
  if (q.status) base = base.where('status', '=', q.status);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return page(rows.map(mapApplication), total?.n);
}

// ---- apps

const mapApp = (r: any): AppRow => ({
  id: r.id, developerOrgId: r.developer_org_id, nameZh: r.name_zh, nameEn: r.name_en, descriptionZh: r.description_zh, descriptionEn: r.description_en,
  url: r.url, datasetIds: r.dataset_ids, status: r.status, reason: r.reason, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), reviewedAt: date(r.reviewed_at),
});

export async function insertApp(db: Executor, a: AppRow): Promise<void> {
  await db.insertInto('opendata_app').values({
    id: a.id, developer_org_id: a.developerOrgId, name_zh: a.nameZh, name_en: a.nameEn, description_zh: a.descriptionZh, description_en: a.descriptionEn,
    url: a.url, dataset_ids: json(a.datasetIds), status: a.status, reason: a.reason, created_at: a.createdAt, updated_at: a.updatedAt, reviewed_at: a.reviewedAt,
  }).execute();
}

export async function findApp(db: Executor, id: string, forUpdate = false): Promise<AppRow | undefined> {
  let q = db.selectFrom('opendata_app').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? mapApp(r) : undefined;
}

export async function saveApp(db: Executor, a: AppRow): Promise<void> {
  await db.updateTable('opendata_app').set({ status: a.status, reason: a.reason, updated_at: a.updatedAt, reviewed_at: a.reviewedAt }).where('id', '=', a.id).execute();
}

export async function listApps(db: Executor, q: { developerOrgId?: string | undefined; status?: AppStatus | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom('opendata_app');
  if (q.developerOrgId) base = base.where('developer_org_id', '=', q.developerOrgId);
  if (q.status) base = base.where('status', '=', q.status);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return page(rows.map(mapApp), total?.n);
}
