import { createHash } from 'node:crypto';
import { canonicalBytes } from '../../platform/canonical-json.codec.js';
import { AppError } from '../../platform/errors.js';
import { SYSTEM_ACTOR } from '../../platform/events/outbox.js';
import { newId } from '../../platform/ids.js';
import type { Tx } from '../../platform/database/database.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import { MerkleTree, leafHash, rootFromLeafHashes } from '../ledger/index.js';
import { GatewayErrors } from './gateway.errors.js';
import * as repo from './call.repository.js';

/** The fields of a call record that its hash (and so its evidence) covers. */
export interface CallEvidence {
  v: 1;
  id: string;
  grantId: string | null;
  resourceId: string;
  callerOrgId: string;
  grantorOrgId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  at: string;
  filtersDigest: string;
  rows: number;
  bytes: number;
  status: number;
  code: string | null;
}

export const evidenceOf = (c: repo.CallRow): CallEvidence => ({
  v: 1, id: c.id, grantId: c.grantId, resourceId: c.resourceId, callerOrgId: c.callerOrgId, grantorOrgId: c.grantorOrgId,
  userId: c.userId, apiKeyId: c.apiKeyId, at: c.calledAt.toISOString(), filtersDigest: c.filtersDigest, rows: c.rows,
  bytes: c.bytes, status: c.status, code: c.code,
});

/** RFC 9162 leaf hash of a call record's canonical JSON (RFC 8785), hex. */
export const callLeafHash = (e: CallEvidence): string => leafHash(canonicalBytes(e)).toString('hex');

/** SHA-256 of the canonical filter/projection/paging of a call (the digest recorded, never the values). */
export const filtersDigest = (q: unknown): string => createHash('sha256').update(canonicalBytes(q)).digest('hex');

/** The day a call counts towards (China Standard Time, UTC+8, as quotas are read by users there). */
export const cstDay = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export type NewCall = Omit<repo.CallRow, 'recordHash' | 'commitmentId' | 'leafIndex'>;

interface OpenGroup {
  id: string;
  grantId: string | null;
  callerOrgId: string;
  grantorOrgId: string | null;
  hashes: Buffer[];
  rows: number;
  bytes: number;
  firstAt: Date;
  lastAt: Date;
}

const MAX_BUFFER = 200_000;

/**
 * Metering and evidence of data calls.
 *
 * Hot path: `record()` only hashes the record and appends it to an in-memory buffer; the buffer
 * is written every `gateway.flushIntervalMs` (or when `gateway.flushRecords` are waiting, and on
 * close) with one multi-row insert plus one usage upsert. Durability trade-off: records of calls
 * answered in the last flush interval (~100 ms by default) are lost if the process dies before
 * the flush — the data was delivered but its metering row is missing. A deployment that must
 * meter every call before answering sets `gateway.flushRecords` to 1 (one insert per call).
 *
 * Evidence: a record gets its place (commitment id, leaf index) in its grant's commitment of the
 * current interval when it is made; every `gateway.commitIntervalMs` the interval's groups are
 * closed, each becoming one ledger event `gateway.calls.committed` carrying the count, rows,
 * bytes and the RFC 9162 Merkle root over the group's record hashes; any call can then be proven
 * by an inclusion proof to that root, and the root by the ledger's own receipt for the event.
 * Groups left open by a crash are committed from the stored rows at the next start (`recover`).
 * With several processes each commits its own records.
 */
export class MeteringService {
  private buffer: repo.CallRow[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  /** Rows delivered per grant on the current day by this process, including unflushed ones. */
  private readonly dayRows = new Map<string, { day: string; rows: number; loaded: Promise<void> | null }>();
  private committing: Promise<number> | null = null;
  /** This interval's commitments being filled, per grant (or per caller for calls without a grant). */
  private open = new Map<string, OpenGroup>();

  constructor(private readonly k: Kernel) {}

  start(): void {
    if (this.timers.length) return;
    const cfg = this.k.config.gateway;
    const flush = setInterval(() => void this.flush().catch((err) => this.k.logger.error({ err }, 'gateway call records flush failed; will retry')), cfg.flushIntervalMs);
    const commit = setInterval(() => void this.commit().catch((err) => this.k.logger.error({ err }, 'gateway commitment failed; will retry')), cfg.commitIntervalMs);
    flush.unref();
    commit.unref();
    this.timers.push(flush, commit);
    void this.recover().catch((err) => this.k.logger.error({ err }, 'gateway commitment recovery failed'));
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.flush();
    await this.commit();
  }

  /** Records a call (buffered); returns its id. */
  record(call: NewCall): void {
    const row: repo.CallRow = { ...call, recordHash: '', commitmentId: null, leafIndex: null };
    row.recordHash = callLeafHash(evidenceOf(row));
    // The call's place in this interval's commitment of its grant is fixed now, so that writing
    // the record is one insert and committing the interval touches no call row.
    const key = call.grantId ?? `org:${call.callerOrgId}`;
    let group = this.open.get(key);
    if (!group) {
      group = { id: newId('gcm'), grantId: call.grantId, callerOrgId: call.callerOrgId, grantorOrgId: call.grantorOrgId, hashes: [], rows: 0, bytes: 0, firstAt: call.calledAt, lastAt: call.calledAt };
      this.open.set(key, group);
    }
    row.commitmentId = group.id;
    row.leafIndex = group.hashes.length;
    group.hashes.push(Buffer.from(row.recordHash, 'hex'));
    group.rows += call.rows;
    group.bytes += call.bytes;
    if (call.calledAt < group.firstAt) group.firstAt = call.calledAt;
    if (call.calledAt > group.lastAt) group.lastAt = call.calledAt;
    if (this.buffer.length >= MAX_BUFFER) this.k.logger.warn({ buffered: this.buffer.length }, 'gateway call buffer is full; flushing inline');
    this.buffer.push(row);
    if (call.grantId && call.rows > 0) {
      const d = this.dayRows.get(call.grantId);
      const day = cstDay(call.calledAt);
      if (d && d.day === day) d.rows += call.rows;
    }
    if (this.buffer.length >= this.k.config.gateway.flushRecords) void this.flush().catch((err) => this.k.logger.error({ err }, 'gateway call records flush failed; will retry'));
  }

  /** Writes the buffered records (serialised: one flush at a time). */
  flush(): Promise<void> {
    const run = async () => {
      while (this.buffer.length) {
        const batch = this.buffer.splice(0, 1000);
        const usage = new Map<string, repo.UsageDelta>();
        for (const c of batch) {
          if (!c.grantId) continue;
          const day = cstDay(c.calledAt);
          const key = `${c.grantId}|${day}`;
          const u = usage.get(key) ?? { grantId: c.grantId, day, calls: 0, refused: 0, rows: 0, bytes: 0 };
          if (c.status < 400) u.calls += 1;
          else u.refused += 1;
          u.rows += c.rows;
          u.bytes += c.bytes;
          usage.set(key, u);
        }
        try {
          // Metering rows, not domain state: no event of their own (their evidence is the commitment).
          await this.k.db.transaction().execute((tx) => repo.insertCalls(tx, batch, [...usage.values()]));
        } catch (err) {
          this.buffer.unshift(...batch);
          throw err;
        }
      }
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => {});
    return next;
  }

  /** Rows a grant has delivered today (CST) — this process's view: stored usage plus its own unflushed calls. */
  async rowsToday(grantId: string): Promise<number> {
    const day = cstDay(this.k.clock.now());
    let d = this.dayRows.get(grantId);
    if (!d || d.day !== day) {
      d = { day, rows: 0, loaded: null };
      const entry = d;
      this.dayRows.set(grantId, entry);
      entry.loaded = (async () => {
        await this.flush().catch(() => {});
        entry.rows += await repo.rowsOnDay(this.k.db, grantId, day);
      })();
      entry.loaded.catch(() => this.dayRows.delete(grantId));
    }
    if (d.loaded) await d.loaded;
    return d.rows;
  }

  /**
   * Closes this interval: each grant's group of records (already written, with their leaf
   * indexes) becomes one commitment row and one `gateway.calls.committed` event in one
   * transaction. Returns the calls committed.
   */
  commit(): Promise<number> {
    if (this.committing) return this.committing.then(() => this.commit());
    const run = async () => {
      const closed = [...this.open.values()];
      this.open = new Map();
      // The closed groups' records are all in the buffer or written: write them first.
      await this.flush();
      if (!closed.length) return 0;
      try {
        await this.k.transact(async (tx, emit) => {
          for (const g of closed) await this.writeCommitment(tx, emit, g);
        });
      } catch (err) {
        // Put them back: the next interval retries them (their leaf indexes stay valid).
        for (const g of closed) this.open.set(`retry:${g.id}`, g);
        throw err;
      }
      return closed.reduce((n, g) => n + g.hashes.length, 0);
    };
    this.committing = run().finally(() => {
      this.committing = null;
    });
    return this.committing;
  }

  private async writeCommitment(tx: Tx, emit: Emit, g: OpenGroup): Promise<void> {
    const root = rootFromLeafHashes(g.hashes).toString('hex');
    const eventId = await emit({
      type: 'gateway.calls.committed',
      subject: g.grantId ? { type: 'grant', id: g.grantId } : { type: 'organisation', id: g.callerOrgId },
      orgId: g.grantorOrgId ?? g.callerOrgId,
      actor: SYSTEM_ACTOR,
      payload: { commitmentId: g.id, grantId: g.grantId, calls: g.hashes.length, rows: g.rows, bytes: g.bytes, root, firstAt: g.firstAt.toISOString(), lastAt: g.lastAt.toISOString() },
    });
    await repo.insertCommitment(tx, { id: g.id, grantId: g.grantId, firstAt: g.firstAt, lastAt: g.lastAt, calls: g.hashes.length, rows: g.rows, bytes: g.bytes, root, eventId, createdAt: this.k.clock.now() });
  }

  /**
   * After a crash: records written under a commitment that was never closed (the process died
   * within its interval) are committed from the stored rows, so that they can still be proven.
   * Looks back `days` days. Returns the calls committed.
   */
  async recover(days = 7): Promise<number> {
    const since = new Date(this.k.clock.now().getTime() - days * 86_400_000);
    const orphans = await repo.orphanCommitments(this.k.db, since);
    let n = 0;
    for (const id of orphans) {
      const calls = await repo.callsOfCommitment(this.k.db, id);
      if (!calls.length) continue;
      const first = calls[0]!;
      const g: OpenGroup = {
        id, grantId: first.grantId, callerOrgId: first.callerOrgId, grantorOrgId: first.grantorOrgId,
        hashes: calls.map((c) => Buffer.from(c.recordHash, 'hex')), rows: calls.reduce((s, c) => s + c.rows, 0), bytes: calls.reduce((s, c) => s + c.bytes, 0),
        firstAt: calls.reduce((m, c) => (c.calledAt < m ? c.calledAt : m), first.calledAt), lastAt: calls.reduce((m, c) => (c.calledAt > m ? c.calledAt : m), first.calledAt),
      };
      await this.k.transact((tx, emit) => this.writeCommitment(tx, emit, g));
      n += calls.length;
    }
    return n;
  }

  /** A call record with its inclusion proof to its commitment's root and the commitment's ledger event. */
  async proof(callId: string) {
    const call = await repo.findCall(this.k.db, callId);
    if (!call) throw new AppError(GatewayErrors.GATEWAY_CALL_NOT_FOUND);
    const commitment = call.commitmentId ? await repo.findCommitment(this.k.db, call.commitmentId) : undefined;
    if (!commitment || call.leafIndex === null) throw new AppError(GatewayErrors.GATEWAY_CALL_NOT_COMMITTED);
    const leaves = await repo.commitmentLeaves(this.k.db, commitment.id);
    const tree = new MerkleTree();
    tree.appendMany(leaves.map((h) => Buffer.from(h, 'hex')));
    return {
      call,
      record: evidenceOf(call),
      leafHash: call.recordHash,
      leafIndex: call.leafIndex,
      treeSize: leaves.length,
      proof: tree.inclusionProof(call.leafIndex).map((b) => b.toString('hex')),
      commitment,
    };
  }
}
