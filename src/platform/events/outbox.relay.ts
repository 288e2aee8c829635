import { sql } from 'kysely';
import type { Db, Engine, Tx } from '../database/database.js';
import type { EventBus } from './event-bus.js';
import { deleteOutboxUpTo, readOutboxBatch, type OutboxEvent } from './outbox.js';

/** Consumes a batch of committed events inside the relay's transaction (the ledger sequencer). */
export type EventSink = (tx: Tx, events: OutboxEvent[]) => Promise<void>;

const SEQUENCER_LOCK = 0x4c54_5351; // 'LTSQ'

export interface RelayOptions {
  batchSize: number;
  intervalMs: number;
  /**
   * Least time between the end of one batch and the start of the next when woken by commits:
   * under load, events gather into larger batches (one checkpoint, one signature, one insert for
   * many events) instead of a batch per commit. Default 100 ms; 0 = as soon as woken.
   */
  minGapMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * Moves outbox events to the sink (the evidence ledger) in batches and then to in-process
 * subscribers. With several processes on one PostgreSQL exactly one sequences at a time: each
 * batch takes a transaction-scoped advisory lock, so when a process dies another takes over at
 * its next tick. Events are deleted from the outbox in the same transaction that integrates
 * them, so none is lost or integrated twice.
 */
export class OutboxRelay {
  private sink: EventSink | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private lastEnd = 0;
  private delayed: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
    private readonly bus: EventBus,
    private readonly options: RelayOptions,
  ) {}

  setSink(sink: EventSink): void {
    this.sink = sink;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.poke(), this.options.intervalMs);
    this.timer.unref();
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.delayed) clearTimeout(this.delayed);
    await this.running;
  }

  /** Ask for a pass soon (called after every commit that wrote events). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // Within the gap: wait for it, by timer when the process is idle, or by the next commit's
    // poke under load (a stream of database promises can keep timers from firing for seconds).
    const wait = this.lastEnd + (this.options.minGapMs ?? 100) - Date.now();
    if (wait > 0) {
      if (!this.delayed) {
        this.delayed = setTimeout(() => {
          this.delayed = undefined;
          this.poke();
        }, wait);
        this.delayed.unref();
      }
      return;
    }
    if (this.delayed) {
      clearTimeout(this.delayed);
      this.delayed = undefined;
    }
    this.running = this.drain()
      .catch((err) => this.options.onError?.(err))
      .finally(() => {
        this.running = undefined;
        this.lastEnd = Date.now();
        if (this.again && !this.stopped) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Processes until the outbox is empty; resolves when everything committed so far is integrated. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const n = await this.batch();
      if (n < this.options.batchSize) return;
    }
  }

  /** One batch; returns how many events it moved (0 also when another process holds the lock). */
  async batch(): Promise<number> {
    if (!this.sink) throw new Error('outbox relay has no sink');
    const sink = this.sink;
    let events: OutboxEvent[] = [];
    await this.db.transaction().execute(async (tx) => {
      if (this.engine === 'postgres') {
        const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as ok`.execute(tx);
        if (!r.rows[0]?.ok) return;
      }
      events = await readOutboxBatch(tx, this.options.batchSize);
      if (!events.length) return;
      await sink(tx, events);
      await deleteOutboxUpTo(tx, events.map((e) => e.seq));
    });
    if (events.length) await this.bus.dispatch(events);
    return events.length;
  }
}
