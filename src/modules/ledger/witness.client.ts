import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { cosignCheckpoint, openNote, parseCheckpointBody, parseVerifierKey, parseWitnessSignerKey } from './signed-note.codec.js';
import { verifyConsistency } from './merkle.tree.js';

/** What a witness remembers between runs: the log key it pinned and the last checkpoint it cosigned. */
export interface WitnessState {
  logKey: string;
  size: number;
  rootHash: string;
  note: string;
}

export interface WitnessRunOptions {
  url: string;
  /** The witness signer key (C2SP/Go note `PRIVATE+KEY+…` format). */
  signerKey: string;
  stateFile: string;
  apiKey: string;
  /** Ledger verifier key; if absent, pinned from the state file or fetched on first use (trust on first use). */
  logKey?: string;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

export type WitnessResult =
  | { ok: true; size: number; cosigned: boolean; message: string }
  | { ok: false; reason: 'log_signature' | 'inconsistent' | 'shrunk' | 'fork' | 'rejected' | 'unreachable'; message: string };

/**
 * One witness round (C2SP tlog-witness, pull style): fetch the latest checkpoint, check its
 * signature and a consistency proof from the last checkpoint this witness cosigned, cosign it
 * with a key the server never sees, post the cosignature and remember the new state.
 */
export async function runWitness(o: WitnessRunOptions): Promise<WitnessResult> {
  const f = o.fetchImpl ?? fetch;
  const base = o.url.replace(/\/+$/, '');
  const state: WitnessState | undefined = existsSync(o.stateFile) ? (JSON.parse(readFileSync(o.stateFile, 'utf8')) as WitnessState) : undefined;
  const get = async (path: string) => {
    const res = await f(`${base}${path}`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json() as Promise<any>;
  };
  let logKey = o.logKey ?? state?.logKey;
  try {
    if (!logKey) logKey = (await get('/api/v1/ledger/key')).verifierKey as string;
    const cp = await get('/api/v1/ledger/checkpoint');
    const key = parseVerifierKey(logKey);
    const opened = openNote(cp.note as string, [key]);
    if (!opened.sigs.some((s) => s.verified)) return { ok: false, reason: 'log_signature', message: 'checkpoint is not signed by the pinned log key' };
    const body = parseCheckpointBody(opened.text);
    if (state) {
      const oldRoot = Buffer.from(state.rootHash, 'base64');
      if (body.size < state.size) return { ok: false, reason: 'shrunk', message: `log shrank from ${state.size} to ${body.size}` };
      if (body.size === state.size && !body.rootHash.equals(oldRoot)) return { ok: false, reason: 'fork', message: `different root at size ${body.size}` };
      if (body.size > state.size && state.size > 0) {
        const c = await get(`/api/v1/ledger/consistency?from=${state.size}&to=${body.size}`);
        const proof = (c.proof as string[]).map((h) => Buffer.from(h, 'hex'));
        if (!verifyConsistency(state.size, body.size, proof, oldRoot, body.rootHash)) {
          return { ok: false, reason: 'inconsistent', message: `checkpoint ${body.size} is not consistent with ${state.size}` };
        }
      }
    }
    const signer = parseWitnessSignerKey(o.signerKey);
    const line = cosignCheckpoint(opened.text, signer, Math.floor((o.now?.() ?? Date.now()) / 1000));
    const res = await f(`${base}/api/v1/ledger/checkpoints/${body.size}/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${o.apiKey}` },
      body: JSON.stringify({ cosignature: line }),
    });
    if (!res.ok) {
      const err = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      return { ok: false, reason: 'rejected', message: `${res.status} ${err.error?.code ?? ''} ${err.error?.message ?? ''}`.trim() };
    }
    const next: WitnessState = { logKey, size: body.size, rootHash: body.rootHash.toString('base64'), note: cp.note as string };
    writeFileSync(`${o.stateFile}.tmp`, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(`${o.stateFile}.tmp`, o.stateFile);
    return { ok: true, size: body.size, cosigned: true, message: `cosigned checkpoint ${body.size}` };
  } catch (err) {
    return { ok: false, reason: 'unreachable', message: (err as Error).message };
  }
}
