/**
 * The console's in-browser receipt verifier (console/src/ledger/receipt.verifier.ts) against real
 * receipts of a running Liutong: it accepts what the server's verifyReceipt accepts and rejects
 * every tampering with the same verdict, without node:crypto or Buffer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLiutong, type TestOrg } from '../harness.js';
// The harness reads what the global setup provides; its ProvidedContext types live there.
import type {} from '../global-setup.js';
import {
  cosignCheckpoint, generateNoteKey, openNote, parseWitnessSignerKey, verifierKeyFromPublicKey,
  verifyReceipt as serverVerify, witnessVerifierKey,
} from '../../src/modules/ledger/index.js';
import { canonicalize } from '../../src/platform/canonical-json.codec.js';
import {
  KeyInputError, listSignatures, parseWitnessKeys, resolveVerifierKey, verifyReceipt as consoleVerify, type ReceiptCheck,
} from '../../console/src/ledger/receipt.verifier';

const digest = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const leafOf = (entry: unknown) => createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(canonicalize(entry), 'utf8')])).digest('hex');
const flipHex = (h: string) => (h[0] === '0' ? '1' : '0') + h.slice(1);
const verdict = (c: ReceiptCheck) => ({ valid: c.valid, reason: c.reason, detail: c.detail, index: c.index, size: c.size, origin: c.origin, witnesses: c.witnesses });

/** Runs both verifiers (the console's with Buffer removed from the global scope) and demands the same verdict. */
function both(receipt: unknown, key: string, witnesses: string[] = []): ReceiptCheck {
  const server = serverVerify(receipt, key, witnesses);
  const g = globalThis as { Buffer?: unknown };
  const saved = g.Buffer;
  delete g.Buffer;
  let browser: ReceiptCheck;
  try {
    browser = consoleVerify(receipt, key, witnesses);
  } finally {
    g.Buffer = saved;
  }
  expect(verdict(browser)).toEqual(verdict(server));
  return browser;
}

interface Receipt { index: number; entry: Record<string, unknown>; leafHash: string; proof: string[]; checkpoint: string }

describe('console receipt verifier', () => {
  const h = useLiutong('pglite');
  let org: TestOrg;
  let logKey: string;
  let keyResponse: Record<string, unknown>;
  let did: { verificationMethod: Record<string, unknown>[] } & Record<string, unknown>;
  let size: number;
  const receipts: Receipt[] = [];

  beforeAll(async () => {
    org = await h().org(['enterprise'], 'Verifier');
    for (let i = 0; i < 6; i++) {
      const r = await h().call('POST', '/api/v1/ledger/attestations', { token: org.staffToken, body: { digest: digest(`doc ${i}`), title: `合同 ${i} “存证”` } });
      expect(r.status).toBe(201);
    }
    await h().lt.flush();
    keyResponse = (await h().call('GET', '/api/v1/ledger/key')).body;
    logKey = keyResponse.verifierKey as string;
    const d = await h().call('GET', '/.well-known/did.json');
    expect(d.status).toBe(200);
    did = d.body;
    size = (await h().call('GET', '/api/v1/ledger/checkpoint')).body.size;
    expect(size).toBeGreaterThan(6);
    for (let i = 0; i < size; i++) {
      const r = await h().call('GET', `/api/v1/ledger/entries/${i}/receipt`);
      expect(r.status).toBe(200);
      receipts.push(r.body);
    }
  });

  const some = () => receipts[Math.min(5, receipts.length - 1)]!;

  it('is browser-safe: no node: imports, no Buffer', () => {
    const src = readFileSync(new URL('../../console/src/ledger/receipt.verifier.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/from ['"]node:/);
    expect(src).not.toMatch(/\bBuffer\s*[.(]/);
    expect(src).not.toMatch(/\bprocess\./);
  });

  it('accepts every receipt of the log with the key of GET /api/v1/ledger/key', () => {
    const origin = openNote(receipts[0]!.checkpoint, []).text.split('\n')[0];
    for (const r of receipts) {
      const c = both(r, logKey);
      expect(c).toMatchObject({ valid: true, index: r.index, size, origin, witnesses: [] });
      expect(c.signatures).toEqual([expect.objectContaining({ name: origin, kind: 'log', verified: true })]);
    }
  });

  it('resolves the key from a vkey, the /ledger/key answer and the DID document', () => {
    const r = some();
    expect(resolveVerifierKey(`  ${logKey}\n`)).toBe(logKey);
    expect(resolveVerifierKey(JSON.stringify(keyResponse))).toBe(logKey);
    expect(resolveVerifierKey(JSON.stringify(did, null, 2))).toBe(logKey);
    // A DID document with only the JWK: the key's name is the checkpoint origin.
    const jwkOnly = { ...did, verificationMethod: did.verificationMethod.map(({ 'liutong:noteVerifierKey': _k, ...m }) => m) };
    expect(resolveVerifierKey(JSON.stringify(jwkOnly), r)).toBe(logKey);
    expect(both(r, resolveVerifierKey(JSON.stringify(jwkOnly), r))).toMatchObject({ valid: true, index: r.index });
    expect(both(r, resolveVerifierKey(JSON.stringify(did), r))).toMatchObject({ valid: true, index: r.index });
    const problem = (input: string, receipt?: unknown) => {
      try {
        resolveVerifierKey(input, receipt);
      } catch (err) {
        expect(err).toBeInstanceOf(KeyInputError);
        return (err as KeyInputError).problem;
      }
      return null;
    };
    expect(problem(JSON.stringify(jwkOnly))).toBe('needs_receipt');
    expect(problem('   ')).toBe('empty');
    expect(problem('not a key')).toBe('unrecognized');
    expect(problem('{"verificationMethod":[]}')).toBe('no_key');
  });

  it('rejects a changed entry field (leaf_hash), also with a recomputed leaf (inclusion_proof)', () => {
    const r = some();
    expect(both({ ...r, entry: { ...r.entry, org: 'org_someoneelse000000000' } }, logKey).reason).toBe('leaf_hash');
    expect(both({ ...r, entry: { ...r.entry, time: '2020-01-01T00:00:00.000Z' } }, logKey).reason).toBe('leaf_hash');
    expect(both({ ...r, entry: { ...r.entry, extra: 1 } }, logKey).reason).toBe('leaf_hash');
    expect(both({ ...r, leafHash: flipHex(r.leafHash) }, logKey).reason).toBe('leaf_hash');
    const forged = { ...r.entry, type: 'ledger.attestation.forged' };
    expect(both({ ...r, entry: forged, leafHash: leafOf(forged) }, logKey)).toMatchObject({ valid: false, reason: 'inclusion_proof', index: r.index, size });
    // Key order and whitespace do not matter: the leaf is the canonical JSON.
    const reordered = Object.fromEntries(Object.entries(r.entry).reverse());
    expect(both(JSON.parse(JSON.stringify({ ...r, entry: reordered }, null, 2)), logKey).valid).toBe(true);
  });

  it('rejects a changed index (index_mismatch or inclusion_proof)', () => {
    const r = some();
    expect(both({ ...r, index: r.index + 1 }, logKey).reason).toBe('index_mismatch');
    const entry = { ...r.entry, index: r.index + 1 };
    expect(both({ ...r, index: r.index + 1, entry, leafHash: leafOf(entry) }, logKey).reason).toBe('inclusion_proof');
    // Another receipt's proof for this entry.
    const other = receipts[r.index + 1]!;
    expect(both({ ...r, proof: other.proof }, logKey).reason).toBe('inclusion_proof');
    expect(both({ ...r, index: size + 5, entry: { ...r.entry, index: size + 5 } }, logKey).reason).toBe('leaf_hash');
  });

  it('rejects a truncated, extended or altered proof (inclusion_proof) and a non-hex one (malformed)', () => {
    for (const r of [receipts[0]!, some(), receipts[receipts.length - 1]!]) {
      expect(r.proof.length).toBeGreaterThan(0);
      expect(both({ ...r, proof: r.proof.slice(0, -1) }, logKey).reason).toBe('inclusion_proof');
      expect(both({ ...r, proof: r.proof.slice(1) }, logKey).reason).toBe('inclusion_proof');
      expect(both({ ...r, proof: [...r.proof, r.proof[0]!] }, logKey).reason).toBe('inclusion_proof');
      expect(both({ ...r, proof: [] }, logKey).reason).toBe('inclusion_proof');
      expect(both({ ...r, proof: r.proof.map((p, i) => (i === r.proof.length - 1 ? flipHex(p) : p)) }, logKey).reason).toBe('inclusion_proof');
      expect(both({ ...r, proof: [...r.proof].reverse() }, logKey).valid).toBe(r.proof.length === 1);
      expect(both({ ...r, proof: r.proof.map((p) => p.toUpperCase()) }, logKey).reason).toBe('malformed');
      expect(both({ ...r, proof: [r.proof[0]!.slice(2)] }, logKey).reason).toBe('malformed');
    }
  });

  it('rejects an altered checkpoint (checkpoint_signature) or one that is not a signed note (malformed)', () => {
    const r = some();
    const lines = r.checkpoint.split('\n');
    const withLine = (i: number, v: string) => lines.map((l, j) => (j === i ? v : l)).join('\n');
    expect(both({ ...r, checkpoint: withLine(1, String(Number(lines[1]) + 1)) }, logKey).reason).toBe('checkpoint_signature');
    expect(both({ ...r, checkpoint: withLine(2, Buffer.alloc(32, 7).toString('base64')) }, logKey).reason).toBe('checkpoint_signature');
    expect(both({ ...r, checkpoint: withLine(0, `${lines[0]}x`) }, logKey).reason).toBe('checkpoint_signature');
    const sigLine = lines[4]!;
    expect(sigLine.startsWith('\u2014 ')).toBe(true);
    const b64 = sigLine.slice(sigLine.lastIndexOf(' ') + 1);
    const bytes = Buffer.from(b64, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    expect(both({ ...r, checkpoint: withLine(4, sigLine.replace(b64, bytes.toString('base64'))) }, logKey).reason).toBe('checkpoint_signature');
    // A signature by another key only: no signature of the ledger key.
    const stranger = generateNoteKey('someone.else');
    const foreign = `— someone.else ${Buffer.concat([Buffer.from(stranger.verifierKey.split('+')[1]!, 'hex'), Buffer.alloc(64, 1)]).toString('base64')}`;
    expect(both({ ...r, checkpoint: withLine(4, foreign) }, logKey).reason).toBe('checkpoint_signature');
    // Not a signed note at all.
    expect(both({ ...r, checkpoint: lines.slice(0, 4).join('\n') }, logKey).reason).toBe('malformed');
    expect(both({ ...r, checkpoint: withLine(4, 'x') }, logKey).reason).toBe('malformed');
    expect(both({ ...r, checkpoint: r.checkpoint.replace('\n', '\r\n') }, logKey).reason).toBe('malformed');
    expect(both({ ...r, checkpoint: withLine(1, '01') }, logKey).reason).toBe('checkpoint_signature');
  });

  it('rejects a wrong key (checkpoint_signature) and a malformed key (malformed)', () => {
    const r = some();
    const origin = openNote(r.checkpoint, []).text.split('\n')[0]!;
    expect(both(r, generateNoteKey(origin).verifierKey).reason).toBe('checkpoint_signature');
    expect(both(r, generateNoteKey('another.log').verifierKey).reason).toBe('checkpoint_signature');
    expect(both(r, 'nonsense').reason).toBe('malformed');
    const [name, hash, b64] = [logKey.slice(0, logKey.indexOf('+')), logKey.split('+')[1]!, logKey.slice(logKey.indexOf('+', logKey.indexOf('+') + 1) + 1)];
    expect(both(r, `${name}+${flipHex(hash)}+${b64}`).reason).toBe('malformed');
    expect(both(r, `${name}+${hash}+${b64.slice(4)}`).reason).toBe('malformed');
  });

  it('rejects malformed receipts', () => {
    const r = some();
    for (const bad of [
      null, 'receipt', 42, [], { nonsense: true },
      { ...r, index: -1 }, { ...r, index: 1.5 }, { ...r, index: String(r.index) },
      { ...r, entry: null }, { ...r, entry: 'x' }, { ...r, proof: 'x' }, { ...r, proof: [1] },
      { ...r, leafHash: 1 }, { ...r, checkpoint: 1 }, { ...r, checkpoint: '' },
    ]) {
      expect(both(bad, logKey)).toMatchObject({ valid: false, reason: 'malformed' });
    }
  });

  it('checks witness cosignatures (cosignature/v1)', async () => {
    const regulator = await h().org(['regulator'], 'Witness');
    const signerKey = generateNoteKey(`witness.${regulator.id}`).signerKey;
    const parsed = parseWitnessSignerKey(signerKey);
    const witnessKey = witnessVerifierKey(parsed.name, parsed.publicKey);
    expect((await h().call('POST', '/api/v1/ledger/witnesses', { token: regulator.adminToken, body: { verifierKey: witnessKey } })).status).toBe(201);
    await h().lt.flush();
    const cp = (await h().call('GET', '/api/v1/ledger/checkpoint')).body;
    const line = cosignCheckpoint(openNote(cp.note, []).text, signerKey, 1_790_000_000);
    expect((await h().call('POST', `/api/v1/ledger/checkpoints/${cp.size}/cosignatures`, { token: regulator.adminToken, body: { cosignature: line } })).status).toBe(201);
    const receipt: Receipt = (await h().call('GET', `/api/v1/ledger/entries/3/receipt?size=${cp.size}`)).body;
    expect(receipt.checkpoint).toContain(line);

    const ok = both(receipt, logKey, [witnessKey]);
    expect(ok).toMatchObject({ valid: true, index: 3, size: cp.size, witnesses: [parsed.name] });
    expect(ok.signatures).toEqual([
      expect.objectContaining({ kind: 'log', verified: true }),
      { name: parsed.name, keyHash: parsed.keyHash.toString(16).padStart(8, '0'), kind: 'cosignature', verified: true, timestamp: 1_790_000_000 },
    ]);
    // The witness's plain Ed25519 (0x01) vkey works too, as on the server.
    expect(both(receipt, logKey, [verifierKeyFromPublicKey(parsed.name, parsed.publicKey)]).valid).toBe(true);
    // Without witness keys the cosignature is listed, unverified.
    expect(both(receipt, logKey).signatures?.[1]).toMatchObject({ name: parsed.name, kind: 'cosignature', verified: false });

    // Another key under the witness's name, a missing line, a cosignature over another checkpoint.
    const impostor = parseWitnessSignerKey(generateNoteKey(parsed.name).signerKey);
    expect(both(receipt, logKey, [witnessVerifierKey(impostor.name, impostor.publicKey)])).toMatchObject({ reason: 'witness_signature', detail: parsed.name });
    const other = generateNoteKey('witness.absent');
    expect(both(receipt, logKey, [witnessVerifierKey('witness.absent', parseWitnessSignerKey(other.signerKey).publicKey)])).toMatchObject({ reason: 'witness_signature', detail: 'witness.absent' });
    const withoutCosig = receipt.checkpoint.replace(line, '');
    expect(both({ ...receipt, checkpoint: withoutCosig }, logKey, [witnessKey]).reason).toBe('witness_signature');
    expect(both({ ...receipt, checkpoint: withoutCosig }, logKey).valid).toBe(true);
    const elsewhere = cosignCheckpoint(openNote(receipts[0]!.checkpoint, []).text, signerKey, 1_790_000_000);
    expect(both({ ...receipt, checkpoint: receipt.checkpoint.replace(line, elsewhere) }, logKey, [witnessKey]).reason).toBe('witness_signature');
    // An older receipt has no cosignature.
    expect(both(receipts[0]!, logKey, [witnessKey]).reason).toBe('witness_signature');

    expect(parseWitnessKeys(`${witnessKey}\n\n  nonsense \n${logKey}`)).toEqual({ keys: [witnessKey, logKey], invalidLines: [3] });
    expect(listSignatures('not a note')).toEqual([]);
  });
});
