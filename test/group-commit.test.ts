import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { makeTransact } from '../src/platform/kernel.js';
import { systemClock } from '../src/platform/clock.js';
import type { OutboxRelay } from '../src/platform/events/outbox.relay.js';
import { describeEachEngine, useDatabase } from './db.js';

describeEachEngine('group commit', (engine) => {
  const db = useDatabase(engine);
  let pokes = 0;
  const relay = { poke: () => void pokes++ } as unknown as OutboxRelay;

  const setup = async () => {
    await sql`create table if not exists test_gc (id text primary key, n int not null)`.execute(db().db);
    await sql`truncate test_gc`.execute(db().db);
    await sql`delete from platform_outbox`.execute(db().db);
    pokes = 0;
  };
  const event = (id: string) => ({ type: 'test.unit.done', subject: { type: 'unit', id }, actor: { kind: 'system' as const }, payload: { id } });

  it('commits many concurrent units with their events, in order, in few transactions', async () => {
    await setup();
    const transact = makeTransact(db().db, systemClock, relay, { maxGroup: 16, lanes: 2 });
    const ids = Array.from({ length: 100 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    const results = await Promise.all(
      ids.map((id, i) =>
        transact(async (tx, emit) => {
          await tx.insertInto('test_gc').values({ id, n: i }).execute();
          const eventId = await emit(event(id));
          return { id, eventId };
        }),
      ),
    );
    expect(results.map((r) => r.id)).toEqual(ids);
    const rows = await db().db.selectFrom('test_gc').select(['id']).orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(ids);
    const events = await db().db.selectFrom('platform_outbox').select(['event_id', 'subject_id']).orderBy('seq').execute();
    expect(events.map((e) => e.event_id).sort()).toEqual(results.map((r) => r.eventId).sort());
    expect(new Set(events.map((e) => e.subject_id)).size).toBe(100);
    // One poke per committed transaction: far fewer than 100 means the units were grouped.
    expect(pokes).toBeGreaterThan(0);
    expect(pokes).toBeLessThan(30);
  });

  it('a unit that fails is refused alone: its writes and events vanish, the others commit', async () => {
    await setup();
    const transact = makeTransact(db().db, systemClock, relay, { maxGroup: 64, lanes: 1 });
    let attempts = 0;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        transact(async (tx, emit) => {
          const id = `v${i}`;
          await tx.insertInto('test_gc').values({ id, n: i }).execute();
          await emit(event(id));
          if (i === 7) {
            attempts++;
            throw new Error('refused');
          }
          return id;
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(['refused']);
    expect(outcomes[7]!.status).toBe('rejected');
    expect(attempts).toBeGreaterThanOrEqual(1);
    const rows = await db().db.selectFrom('test_gc').select('id').execute();
    expect(rows.map((r) => r.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`).filter((v) => v !== 'v7').sort());
    const events = await db().db.selectFrom('platform_outbox').select('subject_id').execute();
    expect(events.map((e) => e.subject_id)).not.toContain('v7');
    expect(events).toHaveLength(19);
  });

  it('a conflict between two units of one group fails only the later one, as serial execution would', async () => {
    await setup();
    const transact = makeTransact(db().db, systemClock, relay, { maxGroup: 64, lanes: 1 });
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'a', 'c'].map((id, i) =>
        transact(async (tx, emit) => {
          await tx.insertInto('test_gc').values({ id, n: i }).execute();
          await emit(event(`${id}${i}`));
          return i;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const rows = await db().db.selectFrom('test_gc').select(['id', 'n']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, Number(r.n)])).toEqual([['a', 0], ['b', 1], ['c', 3]]);
    expect(await db().db.selectFrom('platform_outbox').select('subject_id').execute()).toHaveLength(3);
  });

  it('refuses a bad event type at emit, as without grouping', async () => {
    await setup();
    const transact = makeTransact(db().db, systemClock, relay, { maxGroup: 8, lanes: 1 });
    const [bad, good] = await Promise.allSettled([
      transact(async (_tx, emit) => emit({ ...event('x'), type: 'Bad Type' })),
      transact(async (_tx, emit) => emit(event('y'))),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
  });
});
