/** The exchange module's domain events and their payloads. */
declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /**
     * A journal posted to the books: its lines (debit-positive, summing to zero) — listed when at most
     * 100, always their count, total debit and the digest of their canonical JSON (in line order).
     */
    /** A membership applied for, decided, suspended, reinstated, terminated or withdrawn (reason where one is given). */
    'exchange.member.applied': { orgId: string; kind: string; services: string[] };
    'exchange.member.changed': { orgId: string; kind: string; action: string; from: string; to: string; reason: string | null };
    /** A qualification file attached to an application: its digest, not its bytes. */
    'exchange.member.file_added': { memberId: string; name: string; mediaType: string; size: number; sha256: string };
    /** A broker certificate issued by the data bureau, or its standing changed. */
    'exchange.broker.certified': { orgId: string; number: string; industries: string[]; validFrom: string; validUntil: string };
    'exchange.broker.changed': { orgId: string; number: string; action: string; from: string; to: string; reason: string; endedMandates: string[] };
    /** A client's mandate to a broker, and its end. */
    'exchange.mandate.created': { brokerOrgId: string; clientOrgId: string; side: string; scope: string; commissionBp: number; validUntil: string };
    'exchange.mandate.ended': { brokerOrgId: string; clientOrgId: string; endedByOrgId: string };
    /** A listing (挂牌) drafted, edited (new content digest), moved along its states, or assessed for compliance (the checklist's digest). */
    'exchange.listing.created': { sellerOrgId: string; brokerOrgId: string | null; mandateId: string | null; assetId: string; registrationNumber: string; digest: string; publicData: boolean };
    'exchange.listing.updated': { digest: string; previousDigest: string };
    'exchange.listing.changed': { action: string; from: string; to: string; reason: string | null; digest: string; assessorOrgId?: string };
    'exchange.listing.assessed': { assessmentId: string; assessorOrgId: string; passed: boolean; failed: string[]; listingDigest: string; checklistDigest: string };
    /** A move of a negotiation (DSP states) with the terms it put on the table, and a seal on the contract it became. */
    'exchange.negotiation.moved': { listingId: string; move: string; from: string | null; to: string; side: string; round: number; amountFen: string; terms?: unknown; contractNumber?: string; documentDigest?: string | null };
    'exchange.contract.sealed': { party: string; contractNumber: string; documentDigest: string; kid: string; signature: string };
    /** Delivery (a file's digest), a download link issued, a download (a use) or a refused one, the acceptance with the deal's settlement split, a settlement batch. */
    'exchange.delivery.made': { deliveryId: string; contractNumber: string; method: string; name: string; size: number; sha256: string; acceptanceDue: string; grantId?: string; fields?: string[]; expiresAt?: string; maxCalls?: number | null };
    'exchange.delivery.link_issued': { deliveryId: string; expiresAt: string };
    'exchange.delivery.downloaded': { deliveryId: string; sha256: string; use: number };
    'exchange.delivery.refused': { deliveryId: string; reason: string; uses: number };
    'exchange.delivery.accepted': { contractNumber: string; by: string; dueOn: string | null; escrowFen: string; lines: unknown; billing?: 'by_use' };
    /** A per-call contract billed from the gateway's metered calls: the calls used are settled, the rest of the escrow refunded to the buyer. */
    'exchange.contract.billed': { contractNumber: string; grantId: string; uses: number; calls: number; billedFen: string; refundFen: string; dueOn: string | null };
    /** Insurance or custody attached to a contract by its provider (a service-provider member of that kind). */
    'exchange.contract.attached': { attachmentId: string; kind: string; beneficiaryOrgId: string; reference: string; coverageFen: string | null; premiumFen: string | null; validUntil: string | null; documentSha256: string | null };
    /** The buyer's destruction attestation (its statement's digest) and a party's rating of the other. */
    'exchange.destruction.attested': { contractNumber: string; method: string; evidenceSha256: string | null; statementSha256: string };
    'exchange.rating.given': { rateeOrgId: string; score: number };
    /** A dispute raised before an arbitrator, and its ruling as executed (refund from escrow, the rest to settlement). */
    'exchange.dispute.raised': { negotiationId: string; contractNumber: string; arbitratorOrgId: string; claimedRefundFen: string };
    'exchange.dispute.ruled': { negotiationId: string; contractNumber: string; refundFen: string; settlementFen: string; dueOn: string | null; penaltyFen?: string; penaltyPayer?: string | null };
    /** An off-exchange trade filed for the record (场外交易备案) and its confirmation by the counterparty. */
    'exchange.filing.filed': { counterpartyOrgId: string; filerRole: string; assetId: string | null; amountFen: string; tradedOn: string; contractSha256: string };
    'exchange.filing.confirmed': { filerOrgId: string; contractSha256: string };
    'exchange.settlement.ran': { businessDate: string; batches: string[]; items: number; amountFen: string };
    'exchange.settlement.batch_settled': { businessDate: string; items: number; amountFen: string; journalId: string; negotiationIds?: string[] | undefined };
    'exchange.books.posted': { journalId: string; kind: string; ref: string; lineCount: number; totalDebitFen: string; linesDigest: string; lines?: Array<{ accountId: string; amountFen: string }> };
  }
}
export {};
