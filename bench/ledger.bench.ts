/**
 * Ledger benchmarks.
 *
 * 1. events/s through the real path: 32 concurrent writers call `lt.ledger.attest()` (one
 *    transaction each: attestation row + outbox event) while the background relay sequences them
 *    (Merkle leaves, ledger_entry rows, one signed checkpoint per batch). An event counts once a
 *    signed checkpoint covers it. Reference: SHA-256 leaf hashing of the same ~400-byte entries.
 * 2. receipts/s on a 1,000,000-entry log, bulk-loaded into a fresh database (entries built as the
 *    sequencer builds them, one checkpoint signed with the ledger's own key), then
 *    `lt.ledger.receipt(random index)` sequentially and from 8 concurrent callers. PGlite runs on
 *    disk here: in memory its relation files grow by exact-size copies (Emscripten MEMFS
 *    fallocate → ftruncate), which makes a bulk load quadratic. `receipts-postgres` (not in the
 *    default run, ~1.5 min more) does the same on PostgreSQL.
 *    Reference: MerkleTree.inclusionProof alone on the same tree.
 *
 * Context lines show where the time goes: relay batches, and per statement kind the database
 * time per event/call (PGlite) or the average latency and statements per event (PostgreSQL).
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalize } from '../src/platform/canonical-json.codec.js';
import type { Engine } from '../src/platform/database/database.js';
import { verifyReceipt } from '../src/modules/ledger/index.js';
import { digestOf, formatCheckpointBody, leafHash, MerkleTree, signNote, type LedgerEntry } from './internals.js';
import { fmtMs, note, rateOf, report, skip } from './report.js';
import { benchPrincipal, latencies, perUnit, postgresUnavailable, sleep, startPlatform, timeQueries, type BenchPlatform } from './platform.js';

const WRITERS = 32;
const EVENTS: Record<Engine, number> = { pglite: 20_000, postgres: 50_000 };
const EVENT_TARGET: Record<Engine, number> = { pglite: 2_000, postgres: 5_000 };
const LOG_SIZE = Number(process.env.LIUTONG_BENCH_LOG_SIZE ?? 1_000_000);
const RECEIPT_TARGET = 5_000;
const RECEIPT_MS = 3_000;
const CHECKPOINT_TIMEOUT_MS = 120_000;

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

// Ids in newId()'s format (platform/ids.ts) from a pooled random buffer: the bulk load makes 2M.
const ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';
let pool = Buffer.alloc(0);
let at = 0;
function newId(prefix: string): string {
  if (at + 20 > pool.length) [pool, at] = [randomBytes(1 << 16), 0];
  let out = `${prefix}_`;
  for (let i = 0; i < 20; i++) out += ALPHABET[pool[at++]! % ALPHABET.length];
  return out;
}

/** The entry the sequencer would build for an attestation event (ledger.sequencer.ts `sink`). */
function attestationEntry(index: number, orgId: string, userId: string, time: Date) {
  const id = newId('evt');
  const payload = { digest: `sha256:${sha256hex(String(index))}`, title: `bench document ${index}` };
  const subject = { type: 'attestation', id: newId('att') };
  const actor = { kind: 'user', userId, orgId };
  const entry: LedgerEntry = { v: 1, index, id, type: 'ledger.attestation.recorded', time: time.toISOString(), org: orgId, subject, actor, payloadDigest: digestOf(payload) };
  const text = canonicalize(entry);
  return { entry, text, payload, leaf: leafHash(Buffer.from(text, 'utf8')) };
}

/** Reference: leaf hashes per second over typical canonical entries. */
function leafHashRate(): { rate: number; bytes: number } {
  const now = new Date();
  const texts = Array.from({ length: 1024 }, (_, i) => Buffer.from(attestationEntry(i, newId('org'), newId('usr'), now).text, 'utf8'));
  rateOf((i) => leafHash(texts[i & 1023]!), 200); // warm-up
  return { rate: rateOf((i) => leafHash(texts[i & 1023]!), 1000), bytes: Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length) };
}

async function eventsBench(engine: Engine, refRate: number, refLabel: string): Promise<void> {
  const name = `ledger/${engine}`;
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return skip(name, why);
  }
  const events = EVENTS[engine];
  const p = await startPlatform(engine, { overrides: { 'ledger.intervalMs': 50 } });
  try {
    const { lt } = p;
    const principal = await benchPrincipal(lt);
    await lt.flush();
    const base = (await lt.ledger.checkpoint()).size;
    const times = timeQueries(lt);

    // Phase timing of the relay (a wrapper around its batch method; the code is unchanged).
    const relay = lt.kernel.relay;
    const batch = relay.batch.bind(relay);
    const stats = { batches: 0, moved: 0, ms: 0 };
    relay.batch = async () => {
      const t = performance.now();
      const n = await batch();
      stats.ms += performance.now() - t;
      if (n) stats.batches++;
      else (stats as any).empty = ((stats as any).empty ?? 0) + 1;
      stats.moved += n;
      return n;
    };

    const digests = Array.from({ length: events }, (_, i) => `sha256:${sha256hex(`${engine}:${i}`)}`);
    let next = 0;
    let latency = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let i = next++; i < events; i = next++) {
          const t = performance.now();
          await lt.ledger.attest({ digest: digests[i]!, title: `bench document ${i}` }, principal);
          latency += performance.now() - t;
        }
      }),
    );
    const written = performance.now() - t0;
    for (;;) {
      const size = (await lt.ledger.checkpoint()).size;
      if (size >= base + events) break;
      if (performance.now() - t0 > CHECKPOINT_TIMEOUT_MS) throw new Error(`${name}: checkpoint stuck at ${size - base} of ${events} events`);
      await sleep(5);
    }
    const elapsed = performance.now() - t0;
    relay.batch = batch;
    times.stop();
    report({ name, size: ['events', events], rate: (events * 1000) / elapsed, reference: { label: refLabel, rate: refRate }, target: { rate: EVENT_TARGET[engine] } });
    note(name, {
      writers: WRITERS,
      'all-written': fmtMs(written),
      'all-checkpointed': fmtMs(elapsed),
      'write-rate': `${Math.round((events * 1000) / written).toLocaleString('en-US')}/s`,
      'attest-latency(avg)': fmtMs(latency / events),
      'relay-batches': stats.batches,
      'relay-empty-batches': (stats as any).empty ?? 0,
      'avg-batch': stats.batches ? stats.moved / stats.batches : 0,
      'relay-time(incl. waiting for a connection)': `${fmtMs(stats.ms)} (${fmtMs(stats.batches ? stats.ms / stats.batches : 0)}/batch, ${fmtMs(stats.moved ? (stats.ms * 1000) / stats.moved : 0)}/1000 events)`,
    });
    if (engine === 'pglite') note(`${name} db-time-per-event`, { wall: `${Math.round((elapsed * 1000) / events)}µs`, ...perUnit(times, events) });
    else note(`${name} statement-latency`, latencies(times, ['events', events]));
  } finally {
    await p.close();
  }
}

const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
const COLUMNS = 'idx, event_id, type, org_id, subject_type, subject_id, occurred_at, entry, leaf_hash, payload';

interface EntryRowData {
  idx: number[];
  eventId: string[];
  orgId: string[];
  subjectId: string[];
  time: string[];
  entry: string[];
  leaf: Buffer[];
  payload: string[];
}

/** Inserts rows: COPY from a CSV blob on PGlite, one unnest() insert per chunk on PostgreSQL. */
async function insertRows(p: BenchPlatform, r: EntryRowData): Promise<void> {
  const { lt } = p;
  if (lt.database.pglite) {
    const lines = r.idx.map((idx, i) =>
      [idx, r.eventId[i], 'ledger.attestation.recorded', r.orgId[i], 'attestation', r.subjectId[i], r.time[i], csv(r.entry[i]!), `\\x${r.leaf[i]!.toString('hex')}`, csv(r.payload[i]!)].join(','),
    );
    await lt.database.pglite.query(`copy ledger_entry (${COLUMNS}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([lines.join('\n')]) });
    return;
  }
  const n = r.idx.length;
  await sql`insert into ledger_entry (${sql.raw(COLUMNS)})
    select * from unnest(${r.idx}::bigint[], ${r.eventId}::text[], ${Array(n).fill('ledger.attestation.recorded')}::text[], ${r.orgId}::text[],
      ${Array(n).fill('attestation')}::text[], ${r.subjectId}::text[], ${r.time}::timestamptz[], ${r.entry}::text[], ${r.leaf}::bytea[], ${r.payload}::jsonb[])`.execute(lt.kernel.db);
}

async function receiptsBench(engine: Engine): Promise<void> {
  const name = `ledger/receipts${engine === 'postgres' ? '-postgres' : ''}`;
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return skip(name, why);
  }
  const p = await startPlatform(engine, { startRelay: false, onDisk: true });
  try {
    const { lt } = p;
    const verifierKey = (await lt.ledger.publicKey()).verifierKey; // creates the ledger's signing key
    const key = (await sql<{ id: string; origin: string; signer_key_enc: string }>`select id, origin, signer_key_enc from ledger_key where status = 'active'`.execute(lt.kernel.db)).rows[0]!;
    const signerKey = lt.kernel.secretBox.open(key.signer_key_enc, `ledger_key:${key.id}`).toString('utf8');

    // Bulk load in chunks, building the tree alongside; then the one signed checkpoint.
    const t0 = performance.now();
    const tree = new MerkleTree();
    const orgs = Array.from({ length: 50 }, () => ({ org: newId('org'), user: newId('usr') }));
    const start = Date.now() - LOG_SIZE;
    const chunk = engine === 'pglite' ? 100_000 : 20_000;
    for (let from = 0; from < LOG_SIZE; from += chunk) {
      const r: EntryRowData = { idx: [], eventId: [], orgId: [], subjectId: [], time: [], entry: [], leaf: [], payload: [] };
      for (let i = from; i < Math.min(from + chunk, LOG_SIZE); i++) {
        const o = orgs[i % orgs.length]!;
        const { entry, text, payload, leaf } = attestationEntry(i, o.org, o.user, new Date(start + i));
        tree.append(leaf);
        r.idx.push(i);
        r.eventId.push(entry.id);
        r.orgId.push(o.org);
        r.subjectId.push(entry.subject.id);
        r.time.push(entry.time);
        r.entry.push(text);
        r.leaf.push(leaf);
        r.payload.push(JSON.stringify(payload));
      }
      await insertRows(p, r);
    }
    const cpNote = signNote(formatCheckpointBody({ origin: key.origin, size: LOG_SIZE, rootHash: tree.root() }), [signerKey]);
    await lt.kernel.db.insertInto('ledger_checkpoint').values({ size: LOG_SIZE, root_hash: tree.root(), note: cpNote, created_at: new Date() }).execute();
    await sql`analyze`.execute(lt.kernel.db);
    const built = performance.now() - t0;

    // Warm-up: the first receipt loads the sequencer's in-memory tree from the stored leaves.
    const random = () => Math.floor(Math.random() * LOG_SIZE);
    const t1 = performance.now();
    const first = await lt.ledger.receipt(random());
    const warm = performance.now() - t1;
    const check = verifyReceipt(first, verifierKey);
    if (!check.valid) throw new Error(`${name}: the bulk-loaded log gives an invalid receipt (${check.reason}: ${check.detail ?? ''})`);
    const how = engine === 'pglite' ? 'COPY into PGlite (temporary data directory)' : 'unnest() inserts into PostgreSQL';
    note(name, { entries: LOG_SIZE, 'bulk-loaded': `${how} + 1 signed checkpoint in ${fmtMs(built)}`, 'first-receipt(tree load)': fmtMs(warm), 'receipt-verified': 'yes' });

    rateOf((i) => tree.inclusionProof((i * 7919) % LOG_SIZE), 200);
    const refRate = rateOf(() => tree.inclusionProof(random()), 1000);
    for (const callers of [1, 8]) {
      const label = `${name}/${callers === 1 ? 'sequential' : `concurrent-${callers}`}`;
      let calls = 0;
      const times = timeQueries(lt);
      const deadline = performance.now() + RECEIPT_MS;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: callers }, async () => {
          while (performance.now() < deadline) {
            await lt.ledger.receipt(random());
            calls++;
          }
        }),
      );
      const elapsed = performance.now() - t;
      times.stop();
      report({ name: label, size: ['entries', LOG_SIZE], rate: (calls * 1000) / elapsed, reference: { label: 'MerkleTree.inclusionProof', rate: refRate }, target: { rate: RECEIPT_TARGET } });
      if (engine === 'postgres') note(`${label} statement-latency`, latencies(times, ['calls', calls]));
      else if (callers === 1) note(`${label} db-time-per-call`, { wall: `${Math.round((elapsed * 1000) / calls)}µs`, ...perUnit(times, calls) });
    }
  } finally {
    await p.close();
  }
}

export const parts = ['pglite', 'postgres', 'receipts', 'receipts-postgres'] as const;

/** Runs the ledger benchmarks: the `only` parts, or all but receipts-postgres. */
export async function run(only: readonly string[] = []): Promise<void> {
  const want = (part: string) => (only.length === 0 ? part !== 'receipts-postgres' : only.includes(part));
  const ref = leafHashRate();
  const refLabel = `sha256 leaf hashes of ${ref.bytes}B`;
  if (want('pglite')) await eventsBench('pglite', ref.rate, refLabel);
  if (want('postgres')) await eventsBench('postgres', ref.rate, refLabel);
  if (want('receipts')) await receiptsBench('pglite');
  if (want('receipts-postgres')) await receiptsBench('postgres');
}
