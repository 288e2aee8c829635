import { createHash } from 'node:crypto';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { actorOf, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import type { GatewayService } from '../gateway/index.js';
import type { DeveloperService } from './developer.service.js';
import { OpendataErrors } from './opendata.errors.js';
import * as repo from './opendata.repository.js';

export interface NewApplication {
  resourceId: string;
  purpose: string;
  /** The data-use agreement (数据使用协议) the developer commits to. */
  agreement: string;
  /** The developer accepts the dataset's open conditions (开放条件). */
  acceptConditions: boolean;
  fields?: string[] | undefined;
  expiresAt?: string | undefined;
}
export interface Decision {
  fields?: string[] | undefined;
  expiresAt?: string | undefined;
}

type Action = 'approve' | 'reject' | 'withdraw' | 'revoke';
/**
 * The application machine for conditionally open datasets (有条件开放, rules-cn.md §2.3; 广东省
 * 公共数据开放暂行办法: conditional data is opened to applicants the source unit approves, under a
 * data-use agreement): submitted → approved | rejected | withdrawn; approved → revoked.
 * Approval issues an `open_application` grant and revocation revokes it, in the same transaction.
 */
const TRANSITIONS: Record<repo.ApplicationStatus, Partial<Record<Action, repo.ApplicationStatus>>> = {
  submitted: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { revoke: 'revoked' },
  rejected: {},
  withdrawn: {},
  revoked: {},
};
const DAY = 86_400_000;

export class ApplicationService {
  constructor(
    private readonly k: Kernel,
    private readonly developers: DeveloperService,
    private readonly gateway: GatewayService,
  ) {}

  view(a: repo.ApplicationRow) {
    return {
      id: a.id, developerOrgId: a.developerOrgId, resourceId: a.resourceId, grantorOrgId: a.grantorOrgId, purpose: a.purpose, agreement: a.agreement,
      fields: a.fields, expiresAt: a.expiresAt?.toISOString() ?? null, status: a.status, reason: a.reason, grantId: a.grantId,
      createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), decidedAt: a.decidedAt?.toISOString() ?? null,
    };
  }

  private expiry(iso: string | undefined, now: Date): Date {
    const max = new Date(now.getTime() + this.k.config.opendata.applicationMaxDays * DAY);
    if (iso === undefined) return max;
    const at = new Date(iso);
    if (Number.isNaN(at.getTime()) || at <= now || at > max) {
      throw new AppError(PlatformErrors.REQUEST_VALIDATION_FAILED, { fields: [{ path: 'body.expiresAt', problem: 'range' }] }, { summary: `body.expiresAt must lie between now and ${max.toISOString()}` });
    }
    return at;
  }

  /** A developer applies to use a conditionally open dataset of another organisation. */
  async submit(orgId: string, input: NewApplication, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    await this.developers.requireDeveloper(orgId);
    const d = await this.developers.openDataset(input.resourceId);
    if (d.openType !== 'conditional') {
      throw new AppError(OpendataErrors.OPENDATA_OPEN_TYPE_MISMATCH, { openType: d.openType }, { openType: d.openType, need: 'take a developer key instead (无条件开放可直接获取密钥)' });
    }
    if (d.organisation.id === orgId) throw new AppError(OpendataErrors.OPENDATA_OWN_DATASET);
    if (!input.acceptConditions) throw new AppError(OpendataErrors.OPENDATA_AGREEMENT_REQUIRED);
    const all = d.resource.fields.map((f) => f.name);
    const fields = input.fields ? [...new Set(input.fields)] : all;
    const unknown = fields.filter((f) => !all.includes(f));
    if (unknown.length || fields.length === 0) throw new AppError(OpendataErrors.OPENDATA_FIELDS_INVALID, { fields: unknown }, { fields: unknown.join(', ') || '-' });
    const now = this.k.clock.now();
    const row: repo.ApplicationRow = {
      id: newId('oda'), developerOrgId: orgId, resourceId: d.resource.id, grantorOrgId: d.organisation.id, purpose: input.purpose.trim(), agreement: input.agreement.trim(),
      fields, expiresAt: this.expiry(input.expiresAt, now), status: 'submitted', reason: null, grantId: null, createdAt: now, updatedAt: now, decidedAt: null,
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertApplication(tx, row);
      await emit({
        type: 'opendata.application.submitted', subject: { type: 'open_application', id: row.id }, orgId, actor: serviceActor(by), requestId,
        payload: {
          resourceId: row.resourceId, grantorOrgId: row.grantorOrgId, purpose: row.purpose,
          agreementSha256: createHash('sha256').update(row.agreement).digest('hex'), fields, expiresAt: row.expiresAt?.toISOString() ?? null,
        },
      });
      return this.view(row);
    });
  }

  /** An application the caller may see: its own organisation's (as developer) or one for its dataset (as source unit); otherwise not found. */
  async get(by: Principal, id: string) {
    const a = await repo.findApplication(this.k.db, id);
    if (!a || (a.developerOrgId !== by.orgId && a.grantorOrgId !== by.orgId)) throw new AppError(OpendataErrors.OPENDATA_APPLICATION_NOT_FOUND);
    return this.view(a);
  }

  /** `mine`: the caller's organisation's applications; `incoming`: applications for its datasets. */
  async list(by: Principal, q: { role: 'mine' | 'incoming'; status?: repo.ApplicationStatus | undefined; page: number; pageSize: number }) {
    const { items, total } = await repo.listApplications(this.k.db, {
      ...(q.role === 'mine' ? { developerOrgId: by.orgId } : { grantorOrgId: by.orgId }), status: q.status, page: q.page, pageSize: q.pageSize,
    });
    return { items: items.map((a) => this.view(a)), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * The application (locked), if `by` may take `action` and the machine allows it. Only the source
   * unit of the dataset approves, rejects or revokes; only the applicant withdraws. Others: not found.
   */
  private async forChange(tx: Tx, by: Principal, id: string, action: Action): Promise<repo.ApplicationRow> {
    const a = await repo.findApplication(tx, id, true);
    if (!a || (a.developerOrgId !== by.orgId && a.grantorOrgId !== by.orgId)) throw new AppError(OpendataErrors.OPENDATA_APPLICATION_NOT_FOUND);
    const side = action === 'withdraw' ? a.developerOrgId : a.grantorOrgId;
    if (side !== by.orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (!TRANSITIONS[a.status][action]) throw new AppError(OpendataErrors.OPENDATA_APPLICATION_STATE_CONFLICT, { status: a.status, action }, { status: a.status, action });
    return a;
  }

  /** The source unit approves, possibly narrowing the fields and the period; the grant is issued with it. */
  async approve(by: Principal, id: string, decision: Decision, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const a = await this.forChange(tx, by, id, 'approve');
      const now = this.k.clock.now();
      const fields = decision.fields ? [...new Set(decision.fields)] : a.fields;
      const wider = fields.filter((f) => !a.fields.includes(f));
      if (wider.length || fields.length === 0) throw new AppError(OpendataErrors.OPENDATA_FIELDS_INVALID, { fields: wider }, { fields: wider.join(', ') || '-' });
      const expiresAt = decision.expiresAt ? this.expiry(decision.expiresAt, now) : a.expiresAt!;
      if (a.expiresAt && expiresAt > a.expiresAt) throw new AppError(PlatformErrors.REQUEST_VALIDATION_FAILED, { fields: [{ path: 'body.expiresAt', problem: 'later than applied for' }] }, { summary: 'body.expiresAt is later than applied for' });
      const actor = actorOf(by);
      const grant = await this.gateway.grants.issue(tx, emit, {
        kind: 'open_application', sourceRef: a.id, resourceId: a.resourceId, grantorOrgId: a.grantorOrgId, granteeOrgId: a.developerOrgId,
        fields, purpose: a.purpose, expiresAt,
      }, { actor, requestId });
      const next: repo.ApplicationRow = { ...a, status: 'approved', fields, expiresAt, grantId: grant.id, updatedAt: now, decidedAt: now };
      await repo.saveApplication(tx, next);
      await emit({
        type: 'opendata.application.approved', subject: { type: 'open_application', id }, orgId: a.grantorOrgId, actor, requestId,
        payload: { resourceId: a.resourceId, grantId: grant.id, fields, expiresAt: expiresAt.toISOString() },
      });
      return this.view(next);
    });
  }

  async reject(by: Principal, id: string, reason: string, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const a = await this.forChange(tx, by, id, 'reject');
      const now = this.k.clock.now();
      const next: repo.ApplicationRow = { ...a, status: 'rejected', reason: reason.trim(), updatedAt: now, decidedAt: now };
      await repo.saveApplication(tx, next);
      await emit({ type: 'opendata.application.rejected', subject: { type: 'open_application', id }, orgId: a.grantorOrgId, actor: actorOf(by), requestId, payload: { resourceId: a.resourceId, reason: next.reason! } });
      return this.view(next);
    });
  }

  async withdraw(by: Principal, id: string, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const a = await this.forChange(tx, by, id, 'withdraw');
      const next: repo.ApplicationRow = { ...a, status: 'withdrawn', updatedAt: this.k.clock.now() };
      await repo.saveApplication(tx, next);
      await emit({ type: 'opendata.application.withdrawn', subject: { type: 'open_application', id }, orgId: a.developerOrgId, actor: actorOf(by), requestId, payload: { resourceId: a.resourceId } });
      return this.view(next);
    });
  }

  /** The source unit ends an approved use; its grant is revoked with it. */
  async revoke(by: Principal, id: string, reason: string, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const a = await this.forChange(tx, by, id, 'revoke');
      const actor = actorOf(by);
      await this.gateway.grants.revoke(tx, emit, a.grantId!, reason.trim(), { actor, requestId });
      const next: repo.ApplicationRow = { ...a, status: 'revoked', reason: reason.trim(), updatedAt: this.k.clock.now() };
      await repo.saveApplication(tx, next);
      await emit({ type: 'opendata.application.revoked', subject: { type: 'open_application', id }, orgId: a.grantorOrgId, actor, requestId, payload: { resourceId: a.resourceId, grantId: a.grantId!, reason: next.reason! } });
      return this.view(next);
    });
  }
}
