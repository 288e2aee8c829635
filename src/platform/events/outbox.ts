import { sql } from 'kysely';
import { newId } from '../ids.js';
import type { Db, Executor, Tx } from '../database/database.js';
import type { Migration } from '../database/migrator.js';

/** Who caused an event. Secrets (tokens, keys) never appear here. */
export interface Actor {
  kind: 'user' | 'api_key' | 'system' | 'anonymous' | 'witness';
  userId?: string;
  orgId?: string;
  apiKeyId?: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system' };

export interface EventInput<P = Record<string, unknown>> {
  /** `<module>.<entity>.<verb-past>`, e.g. `identity.organisation.created`. */
  type: string;
  subject: { type: string; id: string };
  /** The organisation the event belongs to (for per-organisation views); null = platform-wide. */
  orgId?: string | null;
  actor: Actor;
  payload: P;
  requestId?: string | undefined;
}

export interface OutboxEvent<P = Record<string, unknown>> extends EventInput<P> {
  seq: string;
  id: string;
  occurredAt: Date;
}

export const outboxMigrations: Migration[] = [
  {
    name: '20261123T1300_outbox',
    statements: [
      `create table platform_outbox (
        seq bigserial primary key,
        event_id text not null unique,
        type text not null,
        occurred_at timestamptz not null,
        org_id text,
        subject_type text not null,
        subject_id text not null,
        actor jsonb not null,
        payload jsonb not null,
        request_id text
      )`,
    ],
  },
];

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$/;

/**
 * Writes an event into the outbox inside the caller's transaction (DESIGN.md §4): the event
 * exists if and only if the state change committed.
 */
export async function writeEvent(tx: Executor | Tx, input: EventInput<object>, occurredAt: Date): Promise<string> {
  const id = newEventId();
  await writeEvents(tx, [{ id, input, at: occurredAt }]);
  return id;
}

export const newEventId = (): string => newId('evt');

export function checkEventType(type: string): void {
  if (!EVENT_TYPE.test(type)) throw new Error(`bad event type ${type}`);
}

/** Writes several events in one statement, in the given order (their outbox sequence follows it). */
export async function writeEvents(tx: Executor | Tx, events: Array<{ id: string; input: EventInput<object>; at: Date }>): Promise<void> {
  if (!events.length) return;
  for (const { input } of events) checkEventType(input.type);
  await tx
    .insertInto('platform_outbox')
    .values(
      events.map(({ id, input, at }) => ({
        event_id: id,
        type: input.type,
        occurred_at: at,
        org_id: input.orgId ?? null,
        subject_type: input.subject.type,
        subject_id: input.subject.id,
        actor: JSON.stringify(input.actor),
        payload: JSON.stringify(input.payload),
        request_id: input.requestId ?? null,
      })),
    )
    .execute();
}

export async function readOutboxBatch(tx: Tx, limit: number): Promise<OutboxEvent[]> {
  const rows = await tx.selectFrom('platform_outbox').selectAll().orderBy('seq').limit(limit).execute();
  return rows.map((r: any) => ({
    seq: String(r.seq),
    id: r.event_id,
    type: r.type,
    occurredAt: new Date(r.occurred_at),
    orgId: r.org_id,
    subject: { type: r.subject_type, id: r.subject_id },
    actor: r.actor,
    payload: r.payload,
    requestId: r.request_id ?? undefined,
  }));
}

export async function deleteOutboxUpTo(tx: Tx, seqs: string[]): Promise<void> {
  if (seqs.length) await tx.deleteFrom('platform_outbox').where('seq', 'in', seqs).execute();
}

export async function outboxBacklog(db: Db): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from platform_outbox`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
