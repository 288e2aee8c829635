import { canonicalBytes } from '../../platform/canonical-json.codec.js';
import { leafHash, verifyInclusion } from './merkle.tree.js';
import { InvalidNoteSignatureError, openNote, parseCheckpointBody, parseVerifierKey, parseWitnessVerifierKey, verifyCosignature } from './signed-note.codec.js';

export interface ReceiptCheck {
  valid: boolean;
  reason?: 'malformed' | 'checkpoint_signature' | 'leaf_hash' | 'index_mismatch' | 'inclusion_proof' | 'witness_signature';
  detail?: string;
  index?: number;
  size?: number;
  origin?: string;
  witnesses?: string[];
}

/**
 * Offline verification of an evidence receipt `{ index, entry, leafHash, proof, checkpoint }`
 * against the ledger's verifier key (C2SP vkey): the checkpoint must be signed by that key, the
 * entry's canonical JSON must hash to the leaf, the entry must name its own index, and the
 * inclusion proof must lead to the checkpoint's root (RFC 9162 §2.1.3.2). Witness keys, if
 * given, must each have cosigned the checkpoint.
 */
export function verifyReceipt(receipt: unknown, logKey: string, witnessKeys: string[] = []): ReceiptCheck {
  const r = receipt as Record<string, unknown>;
  if (
    typeof r !== 'object' || r === null || !Number.isSafeInteger(r.index) || (r.index as number) < 0 ||
    typeof r.leafHash !== 'string' || !Array.isArray(r.proof) || typeof r.checkpoint !== 'string' ||
    typeof r.entry !== 'object' || r.entry === null || !r.proof.every((p) => typeof p === 'string' && /^[0-9a-f]{64}$/.test(p))
  ) {
    return { valid: false, reason: 'malformed' };
  }
  const index = r.index as number;
  let body: string;
  let checkpoint: ReturnType<typeof parseCheckpointBody>;
  try {
    const key = parseVerifierKey(logKey);
    const opened = openNote(r.checkpoint as string, [key]);
    if (!opened.sigs.some((s) => s.verified && s.name === key.name && s.keyHash === key.keyHash)) return { valid: false, reason: 'checkpoint_signature' };
    body = opened.text;
    checkpoint = parseCheckpointBody(body);
  } catch (err) {
    // A signature line from the log key that does not verify: the checkpoint was altered.
    if (err instanceof InvalidNoteSignatureError) return { valid: false, reason: 'checkpoint_signature' };
    return { valid: false, reason: 'malformed', detail: (err as Error).message };
  }
  let leaf: Buffer;
  try {
    leaf = leafHash(canonicalBytes(r.entry));
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (leaf.toString('hex') !== r.leafHash) return { valid: false, reason: 'leaf_hash' };
  if ((r.entry as { index?: unknown }).index !== index) return { valid: false, reason: 'index_mismatch' };
  const proof = (r.proof as string[]).map((h) => Buffer.from(h, 'hex'));
  if (!verifyInclusion(leaf, index, checkpoint.size, proof, checkpoint.rootHash)) return { valid: false, reason: 'inclusion_proof', index, size: checkpoint.size };
  const witnesses: string[] = [];
  for (const wk of witnessKeys) {
    const w = parseWitnessVerifierKey(wk);
    const line = (r.checkpoint as string).split('\n').find((l) => l.startsWith(`\u2014 ${w.name} `));
    if (!line || !verifyCosignature(body, `${line}\n`, w).valid) return { valid: false, reason: 'witness_signature', detail: w.name };
    witnesses.push(w.name);
  }
  return { valid: true, index, size: checkpoint.size, origin: checkpoint.origin, witnesses };
}
