import type { Logger } from 'pino';
import type { LiutongConfig } from './config/config.schema.js';
import type { Clock } from './clock.js';
import type { Db, Engine, Tx } from './database/database.js';
import type { DomainEventMap, DomainEventType, EventBus } from './events/event-bus.js';
import { checkEventType, newEventId, writeEvent, writeEvents, type EventInput } from './events/outbox.js';
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

export interface GroupCommitOptions {
  /** Most units of work in one database transaction (1 = no grouping). */
  maxGroup: number;
  /** Groups that may run at the same time (their own connections). */
  lanes: number;
}

interface Unit {
  fn: (tx: Tx, emit: Emit) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/**
 * `transact` with group commit. Units of work that arrive while a transaction is running wait
 * and then run together, one after the other, in one database transaction whose events are
 * written to the outbox in one statement: one BEGIN/COMMIT (and one fsync) for many writers.
 * Serial execution inside a group gives each unit the same view it would have alone, after the
 * units before it. If anything in a group fails, the whole group is rolled back and every unit
 * runs again in its own transaction, so a failure (a refusal, a conflict, a deadlock) affects
 * only the unit that causes it, exactly as without grouping. Units must therefore keep their
 * effects inside the transaction — which the kernel already demands of every module.
 */
export function makeTransact(db: Db, clock: Clock, relay: OutboxRelay, group: GroupCommitOptions = { maxGroup: 1, lanes: 1 }): Kernel['transact'] {
  const single = async <T>(fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> => {
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
  if (group.maxGroup <= 1) return single;

  const queue: Unit[] = [];
  let running = 0;

  const runAlone = async (u: Unit) => {
    try {
      u.resolve(await single(u.fn));
    } catch (err) {
      u.reject(err);
    }
  };

  const runGroup = async (units: Unit[]): Promise<boolean> => {
    const results: unknown[] = [];
    let events = 0;
    try {
      await db.transaction().execute(async (tx) => {
        const pending: Array<{ id: string; input: EventInput<object>; at: Date }> = [];
        for (const u of units) {
          results.push(
            await u.fn(tx, async (event) => {
              checkEventType(event.type);
              const id = newEventId();
              pending.push({ id, input: event, at: clock.now() });
              return id;
            }),
          );
        }
        events = pending.length;
        await writeEvents(tx, pending);
      });
    } catch {
      return false;
    }
    units.forEach((u, i) => u.resolve(results[i]));
    if (events) relay.poke();
    return true;
  };

  const lane = async () => {
    running++;
    try {
      while (queue.length) {
        const units = queue.splice(0, group.maxGroup);
        if (units.length === 1) await runAlone(units[0]!);
        else if (!(await runGroup(units))) for (const u of units) await runAlone(u);
      }
    } finally {
      running--;
    }
  };

  return <T>(fn: (tx: Tx, emit: Emit) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (running < group.lanes) void lane();
    });
}
