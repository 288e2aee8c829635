import type { OutboxEvent } from './outbox.js';

/**
 * Every domain event type and its payload. Each module adds its own entries by declaration
 * merging in its `<module>.events.ts`, e.g.
 *   declare module '../../platform/events/event-bus.js' {
 *     interface DomainEventMap { 'identity.organisation.created': { name: …; uscc: … } }
 *   }
 * so that `subscribe` hands handlers typed payloads and `emit` checks what is written.
 */
export interface DomainEventMap {
  /** A refused attempt at a state-changing route (recorded by the HTTP layer). */
  'platform.request.refused': { intended: string | null; code: string; status: number };
}

export type DomainEventType = keyof DomainEventMap & string;
export type EventHandler<P = unknown> = (event: OutboxEvent<P>) => Promise<void> | void;

/**
 * In-process typed subscription to domain events. Handlers run after an event has been
 * committed and sequenced into the evidence ledger, in ledger order. A failing handler is logged
 * and does not stop the others.
 */
export class EventBus {
  private readonly handlers = new Map<string, EventHandler<any>[]>();

  constructor(private readonly onHandlerError: (err: unknown, event: OutboxEvent) => void = () => {}) {}

  /** `type` is an exact event type (typed payload), a prefix ending in `.*` (e.g. `identity.*`), or `*`. */
  subscribe<K extends DomainEventType>(type: K, handler: EventHandler<DomainEventMap[K]>): () => void;
  subscribe(type: `${string}.*` | '*', handler: EventHandler<unknown>): () => void;
  subscribe(type: string, handler: EventHandler<any>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
    return () => {
      const l = this.handlers.get(type);
      if (l) this.handlers.set(type, l.filter((h) => h !== handler));
    };
  }

  async dispatch(events: OutboxEvent[]): Promise<void> {
    if (this.handlers.size === 0) return;
    for (const event of events) {
      for (const handler of this.matching(event.type)) {
        try {
          await handler(event);
        } catch (err) {
          this.onHandlerError(err, event);
        }
      }
    }
  }

  private *matching(type: string): Iterable<EventHandler<any>> {
    yield* this.handlers.get(type) ?? [];
    const parts = type.split('.');
    for (let i = parts.length - 1; i >= 1; i--) yield* this.handlers.get(`${parts.slice(0, i).join('.')}.*`) ?? [];
    yield* this.handlers.get('*') ?? [];
  }
}
