import { AppError, PlatformErrors } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { GatewayService } from '../gateway/index.js';
import type { DatasetService, OpenDataset } from './dataset.service.js';
import { OpendataErrors } from './opendata.errors.js';
import * as repo from './opendata.repository.js';

export interface NewDeveloper {
  contactName: string;
  contactEmail: string;
  contactPhone?: string | undefined;
  description?: string | undefined;
}

/**
 * Developers and their per-dataset keys. A developer is an organisation (identity) with a
 * developer profile here — identity has no `developer` organisation role, so the profile is the
 * mark; any organisation's org_admin or staff may register it. A developer key for an
 * unconditionally open dataset (无条件开放) is a gateway grant of kind `open_key` issued in the same
 * transaction; the developer then calls `GET /api/v1/data/{resourceId}/rows` with its
 * organisation's API key or session, and the gateway applies the grant (fields, masking, rate, quota).
 */
export class DeveloperService {
  constructor(
    private readonly k: Kernel,
    private readonly datasets: DatasetService,
    private readonly gateway: GatewayService,
  ) {}

  developerView(d: repo.DeveloperRow) {
    return {
      orgId: d.orgId, contactName: d.contactName, contactEmail: d.contactEmail, contactPhone: d.contactPhone, description: d.description,
      status: d.status, createdAt: d.createdAt.toISOString(),
    };
  }

  keyView(k: repo.KeyRow) {
    return {
      id: k.id, developerOrgId: k.developerOrgId, resourceId: k.resourceId, grantorOrgId: k.grantorOrgId, grantId: k.grantId, status: k.status,
      createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null,
      endpoint: `${this.k.baseUrl()}/api/v1/data/${k.resourceId}/rows`,
    };
  }

  /** Registers `orgId` (the caller's own organisation; `by` null = the platform, e.g. the demo seed) as a developer. */
  async register(orgId: string, input: NewDeveloper, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const now = this.k.clock.now();
    const row: repo.DeveloperRow = {
      orgId, contactName: input.contactName.trim(), contactEmail: input.contactEmail.trim().toLowerCase(),
      contactPhone: input.contactPhone?.trim() || null, description: input.description?.trim() || null, status: 'active', createdAt: now, updatedAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      if (await repo.findDeveloper(tx, orgId)) throw new AppError(OpendataErrors.OPENDATA_DEVELOPER_EXISTS);
      await repo.insertDeveloper(tx, row);
      await emit({
        type: 'opendata.developer.registered', subject: { type: 'developer', id: orgId }, orgId, actor: serviceActor(by), requestId,
        payload: { contactName: row.contactName, contactEmail: row.contactEmail },
      });
      return this.developerView(row);
    });
  }

  async me(by: Principal) {
    const d = await repo.findDeveloper(this.k.db, by.orgId);
    if (!d) throw new AppError(OpendataErrors.OPENDATA_DEVELOPER_REQUIRED);
    return this.developerView(d);
  }

  /** The caller's organisation as an active developer, or 403. */
  async requireDeveloper(orgId: string): Promise<repo.DeveloperRow> {
    const d = await repo.findDeveloper(this.k.db, orgId);
    if (!d || d.status !== 'active') throw new AppError(OpendataErrors.OPENDATA_DEVELOPER_REQUIRED);
    return d;
  }

  async openDataset(resourceId: string): Promise<OpenDataset> {
    const d = await this.datasets.get(resourceId);
    if (!d) throw new AppError(OpendataErrors.OPENDATA_DATASET_NOT_FOUND);
    return d;
  }

  /** A key for an unconditionally open dataset: an `open_key` grant on every field, issued with the key. */
  async issueKey(orgId: string, resourceId: string, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    await this.requireDeveloper(orgId);
    const d = await this.openDataset(resourceId);
    if (d.openType !== 'unconditional') {
      throw new AppError(OpendataErrors.OPENDATA_OPEN_TYPE_MISMATCH, { openType: d.openType }, { openType: d.openType, need: 'apply for its use instead (有条件开放需申请)' });
    }
    if (d.organisation.id === orgId) throw new AppError(OpendataErrors.OPENDATA_OWN_DATASET);
    const cfg = this.k.config.opendata;
    return this.k.transact(async (tx, emit) => {
      if (await repo.activeKey(tx, orgId, resourceId)) throw new AppError(OpendataErrors.OPENDATA_KEY_EXISTS);
      const id = newId('odk');
      const now = this.k.clock.now();
      const grant = await this.gateway.grants.issue(tx, emit, {
        kind: 'open_key', sourceRef: id, resourceId, grantorOrgId: d.organisation.id, granteeOrgId: orgId,
        fields: d.resource.fields.map((f) => f.name), purpose: 'open data developer key (无条件开放)', expiresAt: null,
        ratePerMinute: cfg.keyRatePerMinute, dailyRowQuota: cfg.keyDailyRowQuota,
      }, { actor: serviceActor(by), requestId });
      const row: repo.KeyRow = { id, developerOrgId: orgId, resourceId, grantorOrgId: d.organisation.id, grantId: grant.id, status: 'active', createdAt: now, revokedAt: null };
      try {
        await repo.insertKey(tx, row);
      } catch (err) {
        // Two requests for the same key at once: the unique index keeps one (PostgreSQL unique_violation).
        if ((err as { code?: string }).code === '23505') throw new AppError(OpendataErrors.OPENDATA_KEY_EXISTS);
        throw err;
      }
      await emit({
        type: 'opendata.key.issued', subject: { type: 'open_key', id }, orgId, actor: serviceActor(by), requestId,
        payload: { resourceId, grantId: grant.id, grantorOrgId: d.organisation.id },
      });
      return this.keyView(row);
    });
  }

  async listKeys(by: Principal, p: { page: number; pageSize: number }) {
    const { items, total } = await repo.listKeys(this.k.db, by.orgId, p);
    return { items: items.map((k) => this.keyView(k)), total, page: p.page, pageSize: p.pageSize };
  }

  /** Revokes a key of the caller's organisation and its grant, together. Another organisation's key is not found. */
  async revokeKey(by: Principal | null, keyId: string, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const key = await repo.findKey(tx, keyId, true);
      if (!key || (by && key.developerOrgId !== by.orgId)) throw new AppError(OpendataErrors.OPENDATA_KEY_NOT_FOUND);
      if (key.status !== 'active') throw new AppError(OpendataErrors.OPENDATA_KEY_STATE_CONFLICT, { status: key.status }, { status: key.status, action: 'revoke' });
      const now = this.k.clock.now();
      const actor = serviceActor(by);
      await this.gateway.grants.revoke(tx, emit, key.grantId, 'developer key revoked', { actor, requestId });
      await repo.revokeKey(tx, keyId, now);
      await emit({ type: 'opendata.key.revoked', subject: { type: 'open_key', id: keyId }, orgId: key.developerOrgId, actor, requestId, payload: { resourceId: key.resourceId, grantId: key.grantId } });
      return this.keyView({ ...key, status: 'revoked', revokedAt: now });
    });
  }
}
