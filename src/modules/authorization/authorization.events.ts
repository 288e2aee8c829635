/** The authorization module's domain events and their payloads. Every transition is one. */
interface Terms {
  implementingOrgId: string;
  operatorOrgId: string;
  mode: 'whole' | 'domain' | 'scenario';
  domain: string | null;
  scenarios: string[];
  scope: Array<{ resourceId: string; fields: string[] }>;
  termFrom: string;
  termTo: string;
  feeCap: { amount: string; unit: string } | null;
}

declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /** An operator applies to an implementing body (授权运营申请). */
    'authorization.agreement.applied': Terms;
    'authorization.agreement.reviewed': { note: string | null; documentDigest: string };
    'authorization.agreement.rejected': { reason: string };
    'authorization.agreement.withdrawn': Record<string, never>;
    /** One party sealed the agreement document; `complete` once both have. */
    'authorization.agreement.sealed': { party: 'implementing_body' | 'operator'; documentDigest: string; kid: string; signature: string; complete: boolean };
    /** In force: the operator's gateway grants issued (one per resource in scope). */
    'authorization.agreement.activated': { grantIds: string[]; termTo: string };
    'authorization.agreement.suspended': { reason: string; revokedGrantIds: string[] };
    'authorization.agreement.resumed': { grantIds: string[] };
    'authorization.agreement.terminated': { reason: string; revokedGrantIds: string[] };
    /** The term ended (the sweep); the grants expired with it. */
    'authorization.agreement.expired': { termTo: string; revokedGrantIds: string[] };
    'authorization.product.declared': { agreementId: string; kind: string; name: { zh: string; en: string }; resourceIds: string[]; scenario: string; fee: { amount: string; unit: string } | null };
    'authorization.product.withdrawn': { agreementId: string };
    /** An annual disclosure report published (年度信息披露); `digest` is the report's sha256. */
    'authorization.disclosure.published': { year: number; role: 'implementing_body' | 'operator'; revision: number; digest: string; agreements: number; products: number };
    'authorization.data_item.defined': { code: string; resourceId: string; subjectKind: 'legal_person' | 'natural_person'; subjectField: string; fields: string[]; periodField: string | null };
    /** A requester asks a holder for named data items (数据授权申请). */
    'authorization.consent.requested': { requesterOrgId: string; holderOrgId: string; items: string[]; purpose: string; periodFrom: string; periodTo: string; validUntil: string; maxUses: number };
    /** The holder approves: the consent record (its digest) sealed by the holder; the requester's grants. */
    'authorization.consent.approved': { recordDigest: string; kid: string; signature: string; grantIds: string[] };
    'authorization.consent.rejected': { reason: string };
    'authorization.consent.withdrawn': Record<string, never>;
    /** The holder revokes: the grants are revoked with it; the next gateway call is refused. */
    'authorization.consent.revoked': { revokedGrantIds: string[]; deletionDueAt: string };
    'authorization.consent.expired': { revokedGrantIds: string[]; deletionDueAt: string };
    'authorization.consent.exhausted': { revokedGrantIds: string[]; deletionDueAt: string };
    /** The requester attests it deleted the data it retrieved (销毁记录); `statementDigest` of its text. */
    'authorization.consent.deletion_attested': { statementDigest: string; late: boolean };
    /** No deletion attestation by its due time (flagged once, to the holder). */
    'authorization.consent.deletion_overdue': { dueAt: string; holderOrgId: string };
    /** A holder hides a data item from requesters, or shows it again. */
    'authorization.space.item_hidden': { itemId: string; code: string };
    'authorization.space.item_shown': { itemId: string; code: string };
    /** The legal representative bound the enterprise account to its registry record (checked through the gateway). */
    'authorization.space.bound': { uscc: string; method: 'registry' };
    /** An individual signed up, real-name checked against the population base (the ID only masked here). */
    'authorization.person.registered': { idMasked: string; method: 'population_base' | 'verifier' };
    /** A holder downloaded its data as a sealed package (数据携带); `digest` of the package. */
    'authorization.space.exported': { digest: string; items: string[]; rows: number; sealKid: string };
    /** A source unit issued a licence (电子证照) into a holder's space, sealed; identifiers only masked here. */
    'authorization.licence.issued': { licenceType: string; numberMasked: string; holderKind: 'legal_person' | 'natural_person'; holderMasked: string; validFrom: string; validTo: string | null; digest: string; kid: string };
    'authorization.licence.revoked': { reason: string; digest: string };
    'authorization.webhook.registered': { url: string; kinds: string[] };
    'authorization.webhook.deleted': { url: string };
    /** A webhook delivery given up after its last attempt (delivered ones are counted, not logged one by one). */
    'authorization.webhook.failed': { webhookId: string; notificationId: string; attempts: number; lastStatus: number | null; lastError: string | null };
  }
}

export {};
