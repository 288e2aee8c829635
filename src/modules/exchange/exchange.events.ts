/** The exchange module's domain events and their payloads. */
declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    /** A journal posted to the books: every line, debit-positive, summing to zero. */
    'exchange.books.posted': { journalId: string; kind: string; ref: string; lines: Array<{ accountId: string; amountFen: string }> };
  }
}
export {};
