import { AppError } from '../../platform/errors.js';
import { isDateText } from '../../platform/calendar/working-day.calendar.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { IdentityErrors } from './identity.errors.js';
import * as orgs from './organisation.repository.js';
import * as repo from './relationship.repository.js';

export interface NewRelationship {
  relatedOrgId: string;
  kind: repo.RelationshipKind;
  sharePercent?: string | null | undefined;
  since: string;
  until?: string | null | undefined;
  note?: string | null | undefined;
}

/** Why two organisations are related on a day, for recusal (回避); empty when they are not. */
export type RelationReason = 'same_organisation' | 'parent' | 'subsidiary' | 'shareholder' | 'counterparty';

/**
 * Relationships between organisations (关联关系), recorded by the platform or the data bureau: a
 * parent and its subsidiary, a shareholder and its holding (percent), two counterparties of a trade
 * (the exchange records these too). `related` answers whether two organisations are related for a
 * recusal: the same organisation, parent or subsidiary either way, a shareholding of at least the
 * threshold (default 5 %) either way, or a counterparty relationship within the last 12 months.
 */
export class RelationshipService {
  constructor(private readonly k: Kernel) {}

  view(r: repo.RelationshipRow) {
    return { id: r.id, orgId: r.orgId, relatedOrgId: r.relatedOrgId, kind: r.kind, sharePercent: r.sharePercent, since: r.since, until: r.until, note: r.note, recordedAt: r.recordedAt.toISOString() };
  }

  async record(orgId: string, input: NewRelationship, by: Principal | null, requestId?: string) {
    const bad = (reason: string) => new AppError(IdentityErrors.IDENTITY_RELATIONSHIP_INVALID, { reason }, { reason });
    if (orgId === input.relatedOrgId) throw bad('same_organisation');
    if (!(await orgs.findOrganisation(this.k.db, orgId)) || !(await orgs.findOrganisation(this.k.db, input.relatedOrgId))) throw new AppError(IdentityErrors.IDENTITY_ORG_NOT_FOUND);
    if (!isDateText(input.since)) throw bad('since');
    if (input.until != null && (!isDateText(input.until) || input.until < input.since)) throw bad('until');
    const share = input.sharePercent ?? null;
    if (input.kind === 'shareholder' && (share === null || !/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/.test(share) || Number(share) <= 0)) throw bad('share_percent');
    if (input.kind !== 'shareholder' && share !== null) throw bad('share_percent_only_for_shareholder');
    const r: repo.RelationshipRow = {
      id: newId('rel'), orgId, relatedOrgId: input.relatedOrgId, kind: input.kind, sharePercent: share, since: input.since, until: input.until ?? null,
      note: input.note?.trim() || null, recordedAt: this.k.clock.now(), recordedBy: by?.userId ?? null,
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertRelationship(tx, r);
      await emit({
        type: 'identity.relationship.recorded', subject: { type: 'organisation', id: orgId }, orgId, actor: serviceActor(by), requestId,
        payload: { relationshipId: r.id, relatedOrgId: r.relatedOrgId, kind: r.kind, sharePercent: share, since: r.since, until: r.until },
      });
      return this.view(r);
    });
  }

  async list(orgId: string) {
    if (!(await orgs.findOrganisation(this.k.db, orgId))) throw new AppError(IdentityErrors.IDENTITY_ORG_NOT_FOUND);
    return { items: (await repo.relationshipsOf(this.k.db, orgId)).map((r) => this.view(r)) };
  }

  /** Why `a` and `b` are related on `day` (YYYY-MM-DD); shareholdings count from `sharePercent` %. */
  async related(a: string, b: string, day: string, sharePercent = 5): Promise<RelationReason[]> {
    if (a === b) return ['same_organisation'];
    const yearAgo = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    const reasons = new Set<RelationReason>();
    for (const r of await repo.relationshipsOf(this.k.db, a)) {
      const other = r.orgId === a ? r.relatedOrgId : r.orgId;
      if (other !== b || r.since > day) continue;
      if (r.kind === 'counterparty') {
        if ((r.until ?? r.since) >= yearAgo) reasons.add('counterparty');
        continue;
      }
      if (r.until !== null && r.until < day) continue;
      if (r.kind === 'parent') reasons.add(r.orgId === a ? 'parent' : 'subsidiary');
      if (r.kind === 'shareholder' && Number(r.sharePercent) >= sharePercent) reasons.add('shareholder');
    }
    return [...reasons];
  }
}
