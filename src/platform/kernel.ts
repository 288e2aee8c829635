import type { Logger } from 'pino';
import type { LiutongConfig } from './config/config.schema.js';
import type { Clock } from './clock.js';
import type { Db, Engine, Tx } from './database/database.js';
import type { DomainEventMap, DomainEventType, EventBus } from './events/event-bus.js';
import { writeEvent, type EventInput } from './events/outbox.js';
import type { OutboxRelay } from './events/outbox.relay.js';
import type { SecretBox } from './secret-box.cipher.js';

/** Writes an event in the current transaction; known types must carry their declared payload. */
export type Emit = <K extends string>(event: EventInput<K extends DomainEventType ? DomainEventMap[K] : object> & { type: K }) => Promise<string>;

/**
 * What the platform hands to every module factory (DESIGN.md §6.2): explicit dependencies,
 * no service locator. `transact` is the only way a module changes state: its tables and its
 * events commit together, then the ledger sequencer is nudged.
 */
export interface Kernel {
  readonly config: LiutongConfig;
  readonly engine: Engine;
  readonly db: Db;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly relay: OutboxRelay;
  readonly logger: Logger;
  readonly secretBox: SecretBox;
  /** External base URL (no trailing slash), known once the server is bound. */
  baseUrl(): string;
  transact<T>(fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T>;
}

export function makeTransact(db: Db, clock: Clock, relay: OutboxRelay): Kernel['transact'] {
  return async (fn) => {
    let wrote = false;
    const result = await db.transaction().execute(async (tx) =>
      fn(tx, async (event) => {
        wrote = true;
        return writeEvent(tx, event, clock.now());
      }),
    );
    if (wrote) relay.poke();
    return result;
  };
}
