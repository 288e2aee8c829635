/**
 * In-browser verification of a Liutong evidence receipt `{ index, entry, leafHash, proof,
 * checkpoint }`: the same checks, in the same order and with the same verdicts, as the server's
 * src/modules/ledger/receipt.verifier.ts, rebuilt on Web APIs (TextEncoder, atob/btoa) and
 * @noble/hashes + @noble/curves instead of node:crypto and Buffer, so that it runs in a browser
 * and never calls the server. test/console/receipt-verifier.test.ts compares both verifiers.
 *
 * - leaf = SHA-256(0x00 ‖ UTF-8 RFC 8785 canonical JSON of `entry`), node = SHA-256(0x01 ‖ l ‖ r),
 *   inclusion proofs per RFC 9162 §2.1.3.2;
 * - the checkpoint is a C2SP signed note (c2sp.org/signed-note) carrying a tlog-checkpoint body,
 *   signed by the ledger key (Ed25519, type 0x01), key ID = SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4];
 * - witnesses cosign with c2sp.org/tlog-cosignature `cosignature/v1` (type 0x04): the signed
 *   message is "cosignature/v1\ntime <t>\n" ‖ checkpoint body, the payload key ID ‖ u64 t ‖ sig.
 *
 * Ed25519 is verified in RFC 8032 strict mode (`zip215: false`), as OpenSSL does on the server.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { ed25519 } from '@noble/curves/ed25519.js';
// The server's own RFC 8785 code: pure, no Node APIs on this path.
import { canonicalize } from '../../../src/platform/canonical-json.codec';

export type ReceiptReason = 'malformed' | 'checkpoint_signature' | 'leaf_hash' | 'index_mismatch' | 'inclusion_proof' | 'witness_signature';

/** One signature line of the receipt's checkpoint, as the verifier saw it. */
export interface SignatureLine {
  name: string;
  /** The line's key ID, 8 hex digits. */
  keyHash: string;
  /** `log`: made by the given ledger key; `cosignature`: a cosignature/v1 line; `other`: anything else. */
  kind: 'log' | 'cosignature' | 'other';
  /** True only when checked against a key that was given (the ledger key or a witness key). */
  verified: boolean;
  /** cosignature/v1 time (POSIX seconds), for verified cosignatures. */
  timestamp?: number;
}

/** The server's ReceiptCheck, plus the checkpoint's signature lines when the note could be read. */
export interface ReceiptCheck {
  valid: boolean;
  reason?: ReceiptReason;
  detail?: string;
  index?: number;
  size?: number;
  origin?: string;
  witnesses?: string[];
  signatures?: SignatureLine[];
}

/** A ledger entry, the `entry` of a receipt (src/modules/ledger/ledger.sequencer.ts). */
export interface LedgerEntry {
  v: number;
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

// ---- bytes --------------------------------------------------------------------------------------

const ALG_ED25519 = 0x01;
const ALG_COSIGNATURE_V1 = 0x04;
type NoteAlgorithm = typeof ALG_ED25519 | typeof ALG_COSIGNATURE_V1;
const MAX_SIGNATURES = 100;
const SIG_PREFIX = '\u2014 ';
const COSIG_TIMESTAMP_MAX = 2n ** 63n - 1n;

const encoder = new TextEncoder();
const utf8 = (s: string): Uint8Array => encoder.encode(s);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
function fromHex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}
const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const readU32 = (b: Uint8Array, at = 0): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const readU64 = (b: Uint8Array, at: number): bigint => new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(at, false);

function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Standard base64 (RFC 4648 §4), padded and canonical; null if anything else. */
function decodeBase64(s: string): Uint8Array | null {
  if (!B64_RE.test(s)) return null;
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return encodeBase64(bytes) === s ? bytes : null;
}
/** base64url as in a JWK (lenient about padding, like Buffer's 'base64url'); null if not base64url. */
function decodeBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) return null;
  const std = s.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (std.length % 4 === 1) return null;
  try {
    const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

// ---- signed-note (mirrors src/modules/ledger/signed-note.codec.ts) ------------------------------

class NoteFormatError extends Error {
  override name = 'NoteFormatError';
}
class NoteKeyError extends Error {
  override name = 'NoteKeyError';
}
class InvalidNoteSignatureError extends Error {
  override name = 'InvalidNoteSignatureError';
}

const SPACE_RE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}
const roundTrip = new TextDecoder('utf-8', { ignoreBOM: true });
/** No lone surrogates: the string survives UTF-8 encoding unchanged. */
const isWellFormed = (s: string): boolean => roundTrip.decode(encoder.encode(s)) === s;

function isValidKeyName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && !name.includes('+') && !SPACE_RE.test(name) && !hasControl(name) && isWellFormed(name);
}

function noteKeyHash(name: string, algorithm: number, publicKey: Uint8Array): number {
  return readU32(sha256(concat(utf8(name), new Uint8Array([0x0a, algorithm]), publicKey)));
}

interface VerifierKey {
  readonly name: string;
  readonly keyHash: number;
  readonly algorithm: NoteAlgorithm;
  readonly publicKey: Uint8Array;
}

function splitKey(rest: string, what: string): { name: string; hash: number; alg: number; material: Uint8Array } {
  const [name = '', hash16 = ''] = rest.split('+', 2);
  const key = decodeBase64(rest.slice(name.length + hash16.length + 2));
  if (!isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(hash16) || key === null || key.length === 0) {
    throw new NoteKeyError(`malformed ${what}`);
  }
  return { name, hash: parseInt(hash16, 16), alg: key[0]!, material: key.subarray(1) };
}

/** A C2SP vkey `<name>+<hex8 key ID>+<base64(type ‖ Ed25519 public key)>`, type 0x01 or 0x04. */
function parseVerifierKey(vkey: string): VerifierKey {
  if (typeof vkey !== 'string') throw new NoteKeyError('malformed verifier key');
  const { name, hash, alg, material } = splitKey(vkey, 'verifier key');
  if (alg !== ALG_ED25519 && alg !== ALG_COSIGNATURE_V1) throw new NoteKeyError(`unsupported verifier key algorithm ${alg}`);
  if (material.length !== 32) throw new NoteKeyError('malformed verifier key: public key must be 32 bytes');
  if (noteKeyHash(name, alg, material) !== hash) throw new NoteKeyError('verifier key hash does not match the key');
  return { name, keyHash: hash, algorithm: alg, publicKey: material.slice() };
}

/** A witness key (0x04 or plain 0x01 vkey) used as a cosignature/v1 verifier. */
function parseWitnessVerifierKey(vkey: string): VerifierKey {
  const k = parseVerifierKey(vkey);
  return { ...k, algorithm: ALG_COSIGNATURE_V1, keyHash: noteKeyHash(k.name, ALG_COSIGNATURE_V1, k.publicKey) };
}

function verifierKeyFromPublicKey(name: string, raw: Uint8Array): string {
  if (raw.length !== 32) throw new NoteKeyError('Ed25519 public key must be 32 bytes');
  if (!isValidKeyName(name)) throw new NoteKeyError(`invalid key name ${JSON.stringify(name)}`);
  return `${name}+${hex8(noteKeyHash(name, ALG_ED25519, raw))}+${encodeBase64(concat(new Uint8Array([ALG_ED25519]), raw))}`;
}

function checkText(text: string, what: string): void {
  if (hasControl(text) || !isWellFormed(text)) throw new NoteFormatError(`${what} must be valid UTF-8 without control characters other than newline`);
}

const cosignedMessage = (text: string, timestamp: bigint): Uint8Array => utf8(`cosignature/v1\ntime ${timestamp.toString()}\n${text}`);

interface RawSig {
  line: string;
  name: string;
  keyHash: number;
  sig: Uint8Array;
}

function parseSigLine(line: string): RawSig {
  if (!line.startsWith(SIG_PREFIX)) throw new NoteFormatError('malformed note: signature line must start with "— "');
  const body = line.slice(SIG_PREFIX.length);
  const space = body.indexOf(' ');
  const name = space < 0 ? body : body.slice(0, space);
  const bytes = decodeBase64(space < 0 ? '' : body.slice(space + 1));
  if (!isValidKeyName(name) || bytes === null || bytes.length < 5) throw new NoteFormatError('malformed note: bad signature line');
  return { line, name, keyHash: readU32(bytes), sig: bytes.subarray(4) };
}

function parseNote(msg: string): { text: string; sigs: RawSig[] } {
  checkText(msg, 'note');
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw new NoteFormatError('malformed note: no blank line before the signatures');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new NoteFormatError('malformed note: missing signature lines');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new NoteFormatError(`malformed note: more than ${MAX_SIGNATURES} signatures`);
  return { text, sigs: lines.map(parseSigLine) };
}

function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, sig: Uint8Array): boolean {
  try {
    return sig.length === 64 && ed25519.verify(sig, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function verifyPayload(k: VerifierKey, text: string, sig: Uint8Array): { ok: boolean; timestamp?: number } {
  if (k.algorithm === ALG_ED25519) return { ok: ed25519Verify(k.publicKey, utf8(text), sig) };
  if (sig.length !== 8 + 64) return { ok: false };
  const ts = readU64(sig, 0);
  if (ts > COSIG_TIMESTAMP_MAX || ts > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false };
  return { ok: ed25519Verify(k.publicKey, cosignedMessage(text, ts), sig.subarray(8)), timestamp: Number(ts) };
}

/** signed-note § Signatures with one known key: a failing signature by it throws. */
function openNote(note: string, known: VerifierKey | null): { text: string; sigs: { name: string; keyHash: number; verified: boolean }[] } {
  const { text, sigs } = parseNote(note);
  const seen = new Set<string>();
  const out: { name: string; keyHash: number; verified: boolean }[] = [];
  for (const s of sigs) {
    const k = known && known.name === s.name && known.keyHash === s.keyHash ? known : null;
    const dedupe = k ? `${s.name}+${s.keyHash}` : s.line;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    if (!k) {
      out.push({ name: s.name, keyHash: s.keyHash, verified: false });
      continue;
    }
    if (!verifyPayload(k, text, s.sig).ok) throw new InvalidNoteSignatureError(`invalid signature for key ${s.name}+${hex8(s.keyHash)}`);
    out.push({ name: s.name, keyHash: s.keyHash, verified: true });
  }
  return { text, sigs: out };
}

interface CheckpointBody {
  origin: string;
  size: number;
  rootHash: Uint8Array;
}

function parseCheckpointBody(text: string): CheckpointBody {
  if (typeof text !== 'string' || !text.endsWith('\n')) throw new NoteFormatError('checkpoint must end with a newline');
  checkText(text, 'checkpoint');
  const [origin = '', size = '', root = '', ...extensions] = text.slice(0, -1).split('\n');
  if (origin === '') throw new NoteFormatError('checkpoint origin must be non-empty');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new NoteFormatError('tree size must be a decimal without leading zeros (≤ 2^53-1)');
  }
  const rootHash = decodeBase64(root);
  if (rootHash === null || rootHash.length !== 32) throw new NoteFormatError('root hash must be base64 of 32 bytes');
  if (extensions.some((e) => e === '')) throw new NoteFormatError('extension lines must be non-empty');
  return { origin, size: Number(size), rootHash };
}

function verifyCosignature(body: string, line: string, k: VerifierKey): { valid: boolean; timestamp: number | null } {
  let c: RawSig;
  try {
    parseCheckpointBody(body);
    c = parseSigLine(line.endsWith('\n') ? line.slice(0, -1) : line);
    if (c.sig.length !== 8 + 64) throw new NoteFormatError('cosignature must be key ID ‖ 8-byte timestamp ‖ 64-byte signature');
  } catch {
    return { valid: false, timestamp: null };
  }
  if (c.name !== k.name || c.keyHash !== k.keyHash) return { valid: false, timestamp: null };
  const ts = readU64(c.sig, 0);
  if (ts > COSIG_TIMESTAMP_MAX || ts > BigInt(Number.MAX_SAFE_INTEGER)) return { valid: false, timestamp: null };
  return ed25519Verify(k.publicKey, cosignedMessage(body, ts), c.sig.subarray(8)) ? { valid: true, timestamp: Number(ts) } : { valid: false, timestamp: null };
}

// ---- Merkle tree (mirrors src/modules/ledger/merkle.tree.ts) -----------------------------------

const leafHash = (data: Uint8Array): Uint8Array => sha256(concat(new Uint8Array([0x00]), data));
const nodeHash = (l: Uint8Array, r: Uint8Array): Uint8Array => sha256(concat(new Uint8Array([0x01]), l, r));
const isTreeSize = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** RFC 9162 §2.1.3.2. */
function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (leaf.length !== 32 || root.length !== 32 || !proof.every((p) => p.length === 32)) return false;
  if (!isTreeSize(index) || !isTreeSize(size) || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && sameBytes(r, root);
}

// ---- receipts -----------------------------------------------------------------------------------

function verifyCore(receipt: unknown, logKey: string, witnessKeys: readonly string[]): ReceiptCheck {
  const r = receipt as Record<string, unknown>;
  if (
    typeof r !== 'object' || r === null || !Number.isSafeInteger(r.index) || (r.index as number) < 0 ||
    typeof r.leafHash !== 'string' || !Array.isArray(r.proof) || typeof r.checkpoint !== 'string' ||
    typeof r.entry !== 'object' || r.entry === null || !r.proof.every((p) => typeof p === 'string' && /^[0-9a-f]{64}$/.test(p))
  ) {
    return { valid: false, reason: 'malformed' };
  }
  const index = r.index as number;
  const note = r.checkpoint as string;
  let body: string;
  let checkpoint: CheckpointBody;
  try {
    const key = parseVerifierKey(logKey);
    const opened = openNote(note, key);
    if (!opened.sigs.some((s) => s.verified && s.name === key.name && s.keyHash === key.keyHash)) return { valid: false, reason: 'checkpoint_signature' };
    body = opened.text;
    checkpoint = parseCheckpointBody(body);
  } catch (err) {
    if (err instanceof InvalidNoteSignatureError) return { valid: false, reason: 'checkpoint_signature' };
    return { valid: false, reason: 'malformed', detail: (err as Error).message };
  }
  let leaf: Uint8Array;
  try {
    leaf = leafHash(utf8(canonicalize(r.entry)));
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (toHex(leaf) !== r.leafHash) return { valid: false, reason: 'leaf_hash' };
  if ((r.entry as { index?: unknown }).index !== index) return { valid: false, reason: 'index_mismatch' };
  const proof = (r.proof as string[]).map(fromHex);
  if (!verifyInclusion(leaf, index, checkpoint.size, proof, checkpoint.rootHash)) return { valid: false, reason: 'inclusion_proof', index, size: checkpoint.size };
  const witnesses: string[] = [];
  for (const wk of witnessKeys) {
    let w: VerifierKey;
    try {
      w = parseWitnessVerifierKey(wk);
    } catch (err) {
      // The server throws here; in a browser a bad witness key is a malformed input.
      return { valid: false, reason: 'malformed', detail: `witness key: ${(err as Error).message}` };
    }
    const line = note.split('\n').find((l) => l.startsWith(`${SIG_PREFIX}${w.name} `));
    if (!line || !verifyCosignature(body, `${line}\n`, w).valid) return { valid: false, reason: 'witness_signature', detail: w.name };
    witnesses.push(w.name);
  }
  return { valid: true, index, size: checkpoint.size, origin: checkpoint.origin, witnesses };
}

/**
 * Every signature line of a checkpoint note, checked against the keys given (a line by the
 * ledger key, or a cosignature by one of the witness keys). Never throws; [] if the note is unreadable.
 */
export function listSignatures(note: unknown, logKey?: string, witnessKeys: readonly string[] = []): SignatureLine[] {
  if (typeof note !== 'string') return [];
  let parsed: { text: string; sigs: RawSig[] };
  try {
    parsed = parseNote(note);
  } catch {
    return [];
  }
  let log: VerifierKey | null = null;
  try {
    if (logKey !== undefined) log = parseVerifierKey(logKey);
  } catch {
    /* no usable ledger key */
  }
  const witnesses: VerifierKey[] = [];
  for (const wk of witnessKeys) {
    try {
      witnesses.push(parseWitnessVerifierKey(wk));
    } catch {
      /* skipped */
    }
  }
  const seen = new Set<string>();
  const out: SignatureLine[] = [];
  for (const s of parsed.sigs) {
    if (seen.has(s.line)) continue;
    seen.add(s.line);
    const base = { name: s.name, keyHash: hex8(s.keyHash) };
    if (log && log.name === s.name && log.keyHash === s.keyHash) {
      const v = verifyPayload(log, parsed.text, s.sig);
      out.push({ ...base, kind: log.algorithm === ALG_ED25519 ? 'log' : 'cosignature', verified: v.ok, ...(v.ok && v.timestamp !== undefined ? { timestamp: v.timestamp } : {}) });
      continue;
    }
    const w = witnesses.find((k) => k.name === s.name && k.keyHash === s.keyHash);
    if (w) {
      const c = verifyCosignature(parsed.text, s.line, w);
      out.push({ ...base, kind: 'cosignature', verified: c.valid, ...(c.timestamp !== null ? { timestamp: c.timestamp } : {}) });
      continue;
    }
    out.push({ ...base, kind: s.sig.length === 8 + 64 ? 'cosignature' : 'other', verified: false });
  }
  return out;
}

/**
 * Offline verification of a receipt against the ledger's verifier key (C2SP vkey) and optional
 * witness keys; the verdict (`valid`, `reason`, `index`, `size`, `origin`, `witnesses`) is the
 * server's verifyReceipt's. `signatures` lists the checkpoint's signature lines.
 */
export function verifyReceipt(receipt: unknown, logKey: string, witnessKeys: readonly string[] = []): ReceiptCheck {
  const check = verifyCore(receipt, logKey, witnessKeys);
  const note = typeof receipt === 'object' && receipt !== null ? (receipt as { checkpoint?: unknown }).checkpoint : undefined;
  const signatures = listSignatures(note, logKey, witnessKeys);
  return signatures.length ? { ...check, signatures } : check;
}

// ---- inputs -------------------------------------------------------------------------------------

export type KeyInputProblem = 'empty' | 'unrecognized' | 'no_key' | 'needs_receipt';

/** Why the text given as a verifier key could not be turned into one. */
export class KeyInputError extends Error {
  override name = 'KeyInputError';
  constructor(readonly problem: KeyInputProblem, message?: string) {
    super(message ?? problem);
  }
}

function isVerifierKey(s: unknown): s is string {
  try {
    parseVerifierKey(s as string);
    return true;
  } catch {
    return false;
  }
}

/** The body of a checkpoint note (origin, tree size, base64 root) and its signature lines, unverified; null if unreadable. */
export function readCheckpointNote(note: string): { origin: string; size: number; rootHash: string; signatures: SignatureLine[] } | null {
  try {
    const body = parseCheckpointBody(parseNote(note).text);
    return { origin: body.origin, size: body.size, rootHash: encodeBase64(body.rootHash), signatures: listSignatures(note) };
  } catch {
    return null;
  }
}

/** The origin of a receipt's checkpoint (the ledger key's name), or null. */
export function checkpointOrigin(receipt: unknown): string | null {
  try {
    const note = (receipt as { checkpoint?: unknown }).checkpoint;
    if (typeof note !== 'string') return null;
    return parseCheckpointBody(parseNote(note).text).origin;
  } catch {
    return null;
  }
}

/**
 * Turns what a user pasted into a ledger verifier key, as `liutong receipt verify --key` does
 * (src/cli/log-key.resolver.ts): a C2SP vkey; the JSON of GET /api/v1/ledger/key; or the DID
 * document of /.well-known/did.json, whose verification method carries `liutong:noteVerifierKey`
 * or an Ed25519 JWK (then the key's name is the checkpoint's origin, read from the receipt).
 * Throws KeyInputError.
 */
export function resolveVerifierKey(input: string, receipt?: unknown): string {
  const text = input.trim();
  if (text === '') throw new KeyInputError('empty');
  if (isVerifierKey(text)) return text;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new KeyInputError('unrecognized', 'not a verifier key or JSON');
  }
  if (typeof doc !== 'object' || doc === null) throw new KeyInputError('unrecognized', 'not a verifier key or a JSON object');
  const obj = doc as { verifierKey?: unknown; verificationMethod?: unknown };
  if (isVerifierKey(obj.verifierKey)) return obj.verifierKey;
  const methods = Array.isArray(obj.verificationMethod) ? (obj.verificationMethod as unknown[]).filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null) : [];
  const direct = methods.find((m) => typeof m['liutong:noteVerifierKey'] === 'string');
  if (direct) return direct['liutong:noteVerifierKey'] as string;
  const jwk = methods.map((m) => m.publicKeyJwk as { crv?: unknown; x?: unknown } | undefined).find((j) => j?.crv === 'Ed25519');
  const raw = typeof jwk?.x === 'string' ? decodeBase64Url(jwk.x) : null;
  if (!raw || raw.length !== 32) throw new KeyInputError('no_key', 'no Ed25519 key in the DID document');
  const origin = checkpointOrigin(receipt);
  if (origin === null) throw new KeyInputError('needs_receipt', 'the key name is the checkpoint origin: give a receipt first');
  try {
    return verifierKeyFromPublicKey(origin, raw);
  } catch (err) {
    throw new KeyInputError('no_key', (err as Error).message);
  }
}

/** Witness keys, one C2SP vkey a line (blank lines ignored); the 1-based numbers of lines that are not keys. */
export function parseWitnessKeys(input: string): { keys: string[]; invalidLines: number[] } {
  const keys: string[] = [];
  const invalidLines: number[] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (isVerifierKey(line)) keys.push(line);
    else invalidLines.push(i + 1);
  });
  return { keys, invalidLines };
}
