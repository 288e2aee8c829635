import { canonicalize } from '../../platform/canonical-json.codec.js';
import type { Db } from '../../platform/database/database.js';
import { leafHash, MerkleTree } from './merkle.tree.js';
import * as repo from './ledger.repository.js';
import { digestOf } from './ledger.sequencer.js';
import { openNote, parseCheckpointBody, parseVerifierKey, verifyCosignature } from './signed-note.codec.js';

export interface LedgerVerification {
  ok: boolean;
  size: number;
  checkpoints: number;
  cosignatures: number;
  /** The first index at which the stored log is wrong (or, when only a root disagrees, the first index not covered by a good checkpoint). */
  firstBadIndex?: number;
  problems: string[];
}

/** A checkpoint obtained outside the database (a witness state, an old receipt): the log must still contain it. */
export interface TrustedCheckpoint {
  size: number;
  rootHash: Buffer;
}

/**
 * Recomputes the whole log from the stored entries (not from stored hashes) and checks every
 * stored checkpoint's signature and root, every cosignature, and any trusted checkpoints given.
 * Altered, removed, inserted or reordered entries, and truncation or rewriting after a cosigned
 * or trusted checkpoint, all fail.
 */
export async function verifyStoredLedger(db: Db, trusted: TrustedCheckpoint[] = []): Promise<LedgerVerification> {
  const problems: string[] = [];
  // An entry-level finding names the exact index; a checkpoint whose root disagrees only bounds it
  // (the first index not covered by an earlier good checkpoint). The exact one wins when known.
  let exact: number | undefined;
  let bound: number | undefined;
  const note = (message: string) => {
    if (problems.length < 50) problems.push(message);
  };
  const bad = (index: number, message: string) => {
    if (exact === undefined || index < exact) exact = index;
    note(message);
  };
  const badFrom = (index: number, message: string) => {
    if (bound === undefined || index < bound) bound = index;
    note(message);
  };
  const keys = (await repo.allKeys(db)).map((k) => parseVerifierKey(k.verifierKey));
  const tree = new MerkleTree();
  let expected = 0;
  for (;;) {
    const chunk = await repo.entryChunk(db, expected - 1, 5000);
    if (!chunk.length) break;
    for (const row of chunk) {
      if (row.index !== expected) {
        bad(expected, `entry ${expected} is missing (next stored index is ${row.index})`);
        expected = row.index; // keep going to report further damage, hashing what is there
      }
      const data = Buffer.from(row.entry, 'utf8');
      const leaf = leafHash(data);
      tree.append(leaf);
      let parsed: Record<string, unknown> | undefined;
      try {
        parsed = JSON.parse(row.entry) as Record<string, unknown>;
      } catch {
        bad(row.index, `entry ${row.index} is not JSON`);
      }
      if (parsed) {
        if (canonicalize(parsed) !== row.entry) bad(row.index, `entry ${row.index} is not in canonical form`);
        if (parsed.index !== row.index) bad(row.index, `entry stored at ${row.index} names index ${String(parsed.index)} (reordered)`);
        if (parsed.id !== row.eventId || parsed.type !== row.type) bad(row.index, `entry ${row.index}: columns disagree with the entry`);
        if (parsed.payloadDigest !== digestOf(row.payload)) bad(row.index, `entry ${row.index}: payload does not match its digest`);
      }
      if (!leaf.equals(row.leafHash)) bad(row.index, `entry ${row.index}: stored leaf hash does not match the entry`);
      expected++;
    }
  }
  const size = tree.size;
  const checkpoints = await repo.allCheckpoints(db);
  let lastGood = 0;
  for (const cp of checkpoints) {
    let body: ReturnType<typeof parseCheckpointBody> | undefined;
    try {
      const opened = openNote(cp.note, keys);
      if (!opened.sigs.some((s) => s.verified)) badFrom(lastGood, `checkpoint ${cp.size}: no valid ledger signature`);
      body = parseCheckpointBody(opened.text);
    } catch (err) {
      badFrom(lastGood, `checkpoint ${cp.size}: ${(err as Error).message}`);
    }
    if (body && (body.size !== cp.size || !body.rootHash.equals(cp.rootHash))) badFrom(lastGood, `checkpoint ${cp.size}: note disagrees with its columns`);
    if (cp.size > size) {
      bad(size, `checkpoint ${cp.size} covers more entries than the log holds (${size}): log truncated`);
      continue;
    }
    if (!tree.root(cp.size).equals(cp.rootHash)) badFrom(lastGood, `checkpoint ${cp.size}: root does not match the entries (an entry in [${lastGood}, ${cp.size}) was changed)`);
    else lastGood = cp.size;
  }
  const latest = checkpoints[checkpoints.length - 1];
  if (latest && latest.size < size) bad(latest.size, `entries ${latest.size}..${size - 1} are not covered by any checkpoint`);
  if (!latest && size > 0) bad(0, 'entries exist but no checkpoint');
  const cosigs = await repo.allCosignatures(db);
  for (const c of cosigs) {
    const cp = checkpoints.find((x) => x.size === c.size);
    if (!cp) continue;
    const check = verifyCosignature(openNote(cp.note, []).text, c.line, c.verifierKey);
    if (!check.valid) badFrom(Math.min(c.size, size), `cosignature on checkpoint ${c.size} does not verify`);
  }
  for (const t of trusted) {
    if (t.size > size) bad(size, `trusted checkpoint ${t.size} is beyond the log (${size}): log truncated`);
    else if (!tree.root(t.size).equals(t.rootHash)) badFrom(0, `trusted checkpoint ${t.size}: the log was rewritten`);
  }
  return { ok: problems.length === 0, size, checkpoints: checkpoints.length, cosignatures: cosigs.length, ...(exact !== undefined || bound !== undefined ? { firstBadIndex: exact ?? bound } : {}), problems };
}
