/** The certificates module's domain events and their payloads. Every lifecycle step is one. */
declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /** A certificate issued (生成): its credential's digest, status list entries and basis. */
    'certificates.certificate.issued': {
      certificateType: string; holderOrgId: string; userOrgId: string | null; sourceKind: string; sourceId: string; digest: string;
      revocation: { listId: string; index: number }; suspension: { listId: string; index: number }; validUntil: string | null;
    };
    'certificates.certificate.suspended': { reason: string };
    'certificates.certificate.reinstated': Record<string, never>;
    /** Revoked by its issuer, or because its basis ended (`cause`). */
    'certificates.certificate.revoked': { reason: string; cause: 'issuer' | 'source_ended' | 'transfer' };
    /** Transferred (转移): the old certificate revoked, a new one issued to the new holder. */
    'certificates.certificate.transferred': { fromOrgId: string; toOrgId: string; newCertificateId: string; reason: string };
    'certificates.certificate.expired': { validUntil: string };
    /** A verifier recorded a use (应用), e.g. a loan decision; visible to the holder. */
    'certificates.certificate.applied': { verifierOrgId: string; note: string; amountFen: string | null };
  }
}
export {};
