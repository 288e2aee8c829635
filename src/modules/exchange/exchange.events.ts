/** The exchange module's domain events and their payloads. */
declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /**
     * A journal posted to the books: its lines (debit-positive, summing to zero) — listed when at most
     * 100, always their count, total debit and the digest of their canonical JSON (in line order).
     */
    'exchange.books.posted': { journalId: string; kind: string; ref: string; lineCount: number; totalDebitFen: string; linesDigest: string; lines?: Array<{ accountId: string; amountFen: string }> };
  }
}
export {};
