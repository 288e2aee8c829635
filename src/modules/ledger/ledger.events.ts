/** The ledger module's domain events and their payloads. */
declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    'ledger.witness.registered': { name: string; verifierKey: string };
    'ledger.checkpoint.cosigned': { size: number; rootHash: string; witness: string; signedAt: string };
    'ledger.attestation.recorded': { digest: string; title: string };
  }
}

export {};
