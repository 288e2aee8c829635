/** The registry module's domain events and their payloads. Every step is one. */
declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /** A valuation report sealed by its valuer (or the holder's self-estimate). */
    'registry.valuation.issued': { valuationId: string; kind: string; valueFen: string; methods: string[]; digest: string; kid: string };
    /** A registered asset recognised on the enterprise's books (数据资产入表). */
    'registry.accounting.recognised': { accountingId: string; class: string; source: string; capitalizedFen: string; recognizedOn: string; lifeMonths: number | null };
    'registry.reviewer.added': { userId: string; orgId: string; expertise: string[] };
    'registry.reviewer.retired': Record<string, never>;
    'registry.application.created': { type: string; objectKind: string; resourceId: string | null; productId: string | null; assetId: string; basedOn: string | null; counterpartyOrgId: string | null };
    'registry.application.updated': { fields: string[] };
    /** Submitted: the completeness and legality check passed. */
    'registry.application.submitted': { completeness: 'passed'; grading: unknown; sources: Array<{ kind: string; ref: string }>; rights: Array<{ kind: string; holderOrgId: string }>; scenario: unknown };
    'registry.application.withdrawn': Record<string, never>;
    /** The seed and the eligible reviewers, committed before the draw (anyone can reproduce the panel). */
    'registry.review.seed_committed': { seed: string; composition: string[]; eligible: Array<{ id: string; expertise: string[] }>; recused: Array<{ reviewerId: string; reasons: string[] }>; poolDigest: string };
    'registry.review.panel_drawn': { seedEventId: string; panel: Array<{ reviewerId: string; expertise: string }> };
    'registry.review.voted': { reviewerId: string; vote: 'approve' | 'reject'; opinionDigest: string };
    'registry.review.decided': { outcome: 'approved' | 'rejected'; approvals: number; rejections: number; vetoed: boolean; publicityUntil: string | null };
    'registry.objection.filed': { objectionId: string; reason: string };
    'registry.objection.resolved': { objectionId: string; outcome: 'upheld' | 'dismissed'; resolution: string };
    'registry.application.rejected': { reason: string; cause: 'objection_upheld' | 'registrar' };
    /**
     * Registered. `type` and `assetId` say what; `holderOrgId` is whom a certificate goes to; `ends` the
     * applications whose certificates end with it (a superseded record, or all of a cancelled/revoked
     * asset's); `certify` whether a registration certificate is issued for this application.
     */
    'registry.application.registered': {
      registrationNumber: string; objectKind: string; rights: Array<{ kind: string; holderOrgId: string }>; registrarOrgId: string | null;
      type?: string; assetId?: string; holderOrgId?: string; ends?: string[]; certify?: boolean; assetStatus?: string; disputeUntil?: string | null;
    };
  }
}
export {};
