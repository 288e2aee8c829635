import { createHash } from 'node:crypto';
import { canonicalBytes, canonicalize } from '../../platform/canonical-json.codec.js';
import type { Executor, Tx } from '../../platform/database/database.js';
import type { OutboxEvent } from '../../platform/events/outbox.js';
import type { Kernel } from '../../platform/kernel.js';
import { leafHash, MerkleTree } from './merkle.tree.js';
import * as repo from './ledger.repository.js';
import { formatCheckpointBody, generateNoteKey, parseSignerKey, parseVerifierKey, signNote, type NoteSignerKey } from './signed-note.codec.js';

/** The evidence entry whose RFC 8785 canonical JSON bytes are the Merkle leaf (DESIGN.md §6.8). */
export interface LedgerEntry {
  v: 1;
  index: number;
  id: string;
  type: string;
  time: string;
  org: string | null;
  subject: { type: string; id: string };
  actor: Record<string, unknown>;
  payloadDigest: string;
  requestId?: string;
}

export function digestOf(payload: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalBytes(payload)).digest('hex')}`;
}

/** A simple async mutex for the in-memory tree. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/**
 * The ledger sequencer and its in-memory Merkle tree. The tree mirrors the committed log so that
 * proofs cost O(log n) hashes and no queries beyond the entry itself; it is extended from the
 * database when another process has appended, and rebuilt if it ever disagrees with the latest
 * signed checkpoint (e.g. after a rolled-back batch).
 */
export class Sequencer {
  private tree = new MerkleTree();
  private readonly lock = new Mutex();
  private signer: { key: NoteSignerKey; origin: string; verifierKey: string; id: string } | undefined;

  constructor(private readonly k: Kernel) {}

  /** The ledger signing key, created on first use. The origin is fixed when the key is made. */
  async key(db: Executor = this.k.db) {
    if (this.signer) return this.signer;
    let row = await repo.activeKey(db);
    if (!row) {
      const origin = this.k.config.ledger.origin ?? `${new URL(this.k.baseUrl()).host}/ledger`;
      const { signerKey, verifierKey } = generateNoteKey(origin);
      const parsed = parseVerifierKey(verifierKey);
      const id = parsed.keyHash.toString(16).padStart(8, '0');
      await repo.insertKey(db, {
        id,
        origin,
        verifierKey,
        signerKeyEnc: this.k.secretBox.seal(Buffer.from(signerKey, 'utf8'), `ledger_key:${id}`),
        status: 'active',
        createdAt: this.k.clock.now(),
      });
      row = (await repo.activeKey(db))!;
    }
    const signerKey = this.k.secretBox.open(row.signerKeyEnc, `ledger_key:${row.id}`).toString('utf8');
    this.signer = { key: parseSignerKey(signerKey), origin: row.origin, verifierKey: row.verifierKey, id: row.id };
    return this.signer;
  }

  /** The relay's sink: integrates a batch of events and signs a checkpoint, in the relay's transaction. */
  sink = async (tx: Tx, events: OutboxEvent[]): Promise<void> => {
    await this.lock.run(async () => {
      const signer = await this.key(tx);
      const latest = await repo.latestCheckpoint(tx);
      await this.syncLocked(tx, latest);
      const start = latest?.size ?? 0;
      const rows: repo.EntryRow[] = events.map((e, i) => {
        const entry: LedgerEntry = {
          v: 1,
          index: start + i,
          id: e.id,
          type: e.type,
          time: e.occurredAt.toISOString(),
          org: e.orgId ?? null,
          subject: e.subject,
          actor: e.actor as unknown as Record<string, unknown>,
          payloadDigest: digestOf(e.payload),
          ...(e.requestId ? { requestId: e.requestId } : {}),
        };
        const text = canonicalize(entry);
        return {
          index: entry.index,
          eventId: e.id,
          type: e.type,
          orgId: e.orgId ?? null,
          subjectType: e.subject.type,
          subjectId: e.subject.id,
          occurredAt: e.occurredAt,
          entry: text,
          leafHash: leafHash(Buffer.from(text, 'utf8')),
          payload: e.payload,
        };
      });
      await repo.insertEntries(tx, rows);
      this.tree.appendMany(rows.map((r) => r.leafHash));
      const size = this.tree.size;
      const rootHash = this.tree.root(size);
      const note = signNote(formatCheckpointBody({ origin: signer.origin, size, rootHash }), [signer.key]);
      await repo.insertCheckpoint(tx, { size, rootHash, note, createdAt: this.k.clock.now() });
    });
  };

  /** A tree covering at least `size` committed leaves (for proofs). */
  async treeFor(size: number): Promise<MerkleTree> {
    if (this.tree.size >= size) return this.tree;
    return this.lock.run(async () => {
      if (this.tree.size < size) this.tree.appendMany(await repo.leafHashes(this.k.db, this.tree.size, size));
      return this.tree;
    });
  }

  private async syncLocked(db: Executor, latest: repo.CheckpointRow | undefined): Promise<void> {
    const size = latest?.size ?? 0;
    if (this.tree.size > size) this.tree = new MerkleTree();
    if (this.tree.size < size) this.tree.appendMany(await repo.leafHashes(db, this.tree.size, size));
    if (latest && !this.tree.root(size).equals(latest.rootHash)) {
      // Rebuild once from the stored leaves; if the stored log still disagrees with its own signed
      // checkpoint, refuse to extend it: `liutong ledger verify` will say where it breaks.
      this.tree = new MerkleTree();
      this.tree.appendMany(await repo.leafHashes(db, 0, size));
      if (!this.tree.root(size).equals(latest.rootHash)) {
        throw new Error(`ledger integrity failure: stored leaves do not match checkpoint ${size}; run liutong ledger verify`);
      }
    }
  }
}
