import { AppError } from '../../platform/errors.js';
import { hasAnyRole, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import * as repo from './call.repository.js';
import { GatewayErrors } from './gateway.errors.js';
import { SUPERVISORS } from './grant.service.js';
import { cstDay, type MeteringService } from './metering.service.js';

export type Side = 'grantee' | 'grantor';

const callView = (c: repo.CallRow) => ({
  id: c.id, grantId: c.grantId, resourceId: c.resourceId, callerOrgId: c.callerOrgId, grantorOrgId: c.grantorOrgId,
  userId: c.userId, apiKeyId: c.apiKeyId, calledAt: c.calledAt.toISOString(), filtersDigest: c.filtersDigest, rows: c.rows,
  bytes: c.bytes, status: c.status, code: c.code, recordHash: c.recordHash, commitmentId: c.commitmentId,
});

/**
 * Usage for both sides. Every query is bound to the caller's organisation on the side it asks
 * for: a grantee sees its own calls, a grantor the calls on grants it issued — never a grantee's
 * calls on another grantor's data.
 */
export class UsageService {
  constructor(private readonly k: Kernel, private readonly metering: MeteringService) {}

  private side(by: Principal, role: Side) {
    return role === 'grantor' ? { grantorOrgId: by.orgId } : { callerOrgId: by.orgId };
  }

  async calls(by: Principal, q: { role: Side; grantId?: string | undefined; resourceId?: string | undefined; page: number; pageSize: number }) {
    await this.metering.flush();
    const r = await repo.listCalls(this.k.db, { ...this.side(by, q.role), grantId: q.grantId, resourceId: q.resourceId, page: q.page, pageSize: q.pageSize });
    return { items: r.items.map(callView), total: r.total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Calls on the given grants, for the module that issued them (authorization shows a data
   * subject every use of its data, refusals included); the caller has checked who may see them.
   */
  async callsOfGrants(grantIds: string[], page: number, pageSize: number) {
    await this.metering.flush();
    const r = await repo.listCalls(this.k.db, { grantIds, page, pageSize });
    return { items: r.items.map(callView), total: r.total, page, pageSize };
  }

  /** Per-day totals, per grant and per grantee organisation between two CST days (default: the last 30). */
  async usage(by: Principal, q: { role: Side; grantId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
    await this.metering.flush();
    const now = this.k.clock.now();
    const to = q.to ?? cstDay(now);
    const from = q.from ?? cstDay(new Date(now.getTime() - 29 * 86_400_000));
    const rows = await repo.usage(this.k.db, { ...(q.role === 'grantor' ? { grantorOrgId: by.orgId } : { granteeOrgId: by.orgId }), grantId: q.grantId, from, to });
    const sum = <K extends string>(key: (u: repo.UsageRow) => K, extra: (u: repo.UsageRow) => Record<string, string>) => {
      const m = new Map<K, { calls: number; refused: number; rows: number; bytes: number } & Record<string, unknown>>();
      for (const u of rows) {
        const k = key(u);
        const t = m.get(k) ?? { ...extra(u), calls: 0, refused: 0, rows: 0, bytes: 0 };
        t.calls += u.calls;
        t.refused += u.refused;
        t.rows += u.rows;
        t.bytes += u.bytes;
        m.set(k, t);
      }
      return [...m.values()];
    };
    return {
      from,
      to,
      days: sum((u) => u.day, (u) => ({ day: u.day })) as Array<{ day: string; calls: number; refused: number; rows: number; bytes: number }>,
      grants: sum((u) => u.grantId, (u) => ({ grantId: u.grantId, resourceId: u.resourceId, granteeOrgId: u.granteeOrgId, grantorOrgId: u.grantorOrgId })) as Array<{ grantId: string; resourceId: string; granteeOrgId: string; grantorOrgId: string; calls: number; refused: number; rows: number; bytes: number }>,
      grantees: sum((u) => u.granteeOrgId, (u) => ({ granteeOrgId: u.granteeOrgId })) as Array<{ granteeOrgId: string; calls: number; refused: number; rows: number; bytes: number }>,
    };
  }

  /** A call's record, its inclusion proof and its commitment's ledger event — for the caller, the grantor or a supervisor. */
  async proof(by: Principal, callId: string) {
    await this.metering.flush();
    const call = await repo.findCall(this.k.db, callId);
    if (!call || (call.callerOrgId !== by.orgId && call.grantorOrgId !== by.orgId && !hasAnyRole(by, SUPERVISORS))) throw new AppError(GatewayErrors.GATEWAY_CALL_NOT_FOUND);
    const p = await this.metering.proof(callId);
    return {
      call: callView(p.call),
      record: { ...p.record } as Record<string, unknown>,
      leafHash: p.leafHash,
      leafIndex: p.leafIndex,
      treeSize: p.treeSize,
      proof: p.proof,
      commitment: {
        id: p.commitment.id, grantId: p.commitment.grantId, calls: p.commitment.calls, rows: p.commitment.rows, bytes: p.commitment.bytes,
        root: p.commitment.root, firstAt: p.commitment.firstAt.toISOString(), lastAt: p.commitment.lastAt.toISOString(), eventId: p.commitment.eventId,
      },
    };
  }
}
