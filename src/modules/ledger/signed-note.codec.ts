/**
 * C2SP signed notes (c2sp.org/signed-note), checkpoints (c2sp.org/tlog-checkpoint) and Ed25519
 * witness cosignatures (c2sp.org/tlog-cosignature, `cosignature/v1`), byte-compatible with Go's
 * golang.org/x/mod/sumdb/note and github.com/transparency-dev/formats/note. Only node:crypto.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Signature type bytes (signed-note § Signature types). */
export const ALG_ED25519 = 0x01;
export const ALG_COSIGNATURE_V1 = 0x04;
export type NoteAlgorithm = typeof ALG_ED25519 | typeof ALG_COSIGNATURE_V1;
/** Like Go's note.Open: more signature lines than this make a note malformed. */
export const MAX_SIGNATURES = 100;

const SIG_PREFIX = '\u2014 '; // em dash U+2014 + space (signed-note § Format)
const COSIG_TIMESTAMP_MAX = 2n ** 63n - 1n; // tlog-cosignature § Format

export class NoteFormatError extends Error { override name = 'NoteFormatError'; }
export class CheckpointFormatError extends NoteFormatError { override name = 'CheckpointFormatError'; }
export class NoteKeyError extends Error { override name = 'NoteKeyError'; }
/** A known key's signature did not verify; signed-note says clients SHOULD reject the note. */
export class InvalidNoteSignatureError extends Error {
  override name = 'InvalidNoteSignatureError';
  constructor(readonly keyName: string, readonly keyHash: number) {
    super(`invalid signature for key ${keyName}+${hex8(keyHash)}`);
  }
}
/** No known key signed the note (signed-note § Signatures: clients MUST reject it). */
export class UnverifiedNoteError extends Error {
  override name = 'UnverifiedNoteError';
  constructor(readonly note: OpenedNote) {
    super('note has no verifiable signatures');
  }
}

/** A parsed key: `publicKey` is the raw 32-byte Ed25519 key, `keyHash` the note key ID. */
interface NoteKeyBase { readonly name: string; readonly keyHash: number; readonly algorithm: NoteAlgorithm; readonly publicKey: Buffer }
export interface NoteSignerKey extends NoteKeyBase { readonly privateKey: KeyObject }
export interface NoteVerifierKey extends NoteKeyBase { readonly keyObject: KeyObject }
export interface NoteSignature {
  readonly name: string;
  readonly keyHash: number;
  readonly base64: string;
  readonly verified: boolean;
  /** cosignature/v1 timestamp (POSIX seconds), for signatures verified by an 0x04 key. */
  readonly timestamp?: number;
}
export interface OpenedNote { readonly text: string; readonly sigs: NoteSignature[] }
export interface Checkpoint { readonly origin: string; readonly size: number; readonly rootHash: Uint8Array; readonly extensions?: readonly string[] }
export interface CosignatureLine { readonly name: string; readonly keyHash: number; readonly timestamp: bigint; readonly signature: Buffer }
export interface CosignatureCheck { readonly valid: boolean; readonly timestamp: number | null; readonly reason?: string }

// ---- helpers -------------------------------------------------------------------------------

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Go's unicode.IsSpace (White_Space), which Go's note package forbids in key names.
const SPACE_RE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
/** signed-note § Format: no ASCII control characters other than newline. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}

/** Standard base64 (RFC 4648 §4), padded and canonical; null if anything else. */
function decodeBase64(s: string): Buffer | null {
  if (!B64_RE.test(s)) return null;
  const bytes = Buffer.from(s, 'base64');
  return bytes.toString('base64') === s ? bytes : null;
}

const isWellFormed = (s: string): boolean => Buffer.from(s, 'utf8').toString('utf8') === s;

/** signed-note § Format: key names are non-empty, without Unicode spaces or '+'. */
export function isValidKeyName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && !name.includes('+') && !SPACE_RE.test(name) && !hasControl(name) && isWellFormed(name);
}

/** Key ID = SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian (signed-note § Signatures). */
export function noteKeyHash(name: string, algorithm: number, publicKey: Uint8Array): number {
  const digest = createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, algorithm])).update(publicKey).digest();
  return digest.readUInt32BE(0);
}

// ---- node:crypto KeyObject conversions (RFC 8410 DER wrappers) ------------------------------

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

function need32(bytes: Uint8Array, what: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) throw new NoteKeyError(`${what} must be 32 bytes`);
}
function needEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') throw new NoteKeyError(`expected an Ed25519 ${type} KeyObject`);
}
export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  need32(seed, 'Ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
}
export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  need32(raw, 'Ed25519 public key');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
}
export function ed25519SeedFromPrivateKey(key: KeyObject): Buffer {
  needEd25519(key, 'private');
  return key.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length);
}
/** Raw 32-byte public key of an Ed25519 public or private KeyObject. */
export function rawEd25519PublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  needEd25519(pub, 'public');
  return pub.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);
}

// ---- key strings (Go note.GenerateKey / NewSigner / NewVerifier formats) --------------------

function encodeKey(name: string, algorithm: NoteAlgorithm, pub: Uint8Array, material: Uint8Array, prefix = ''): string {
  if (!isValidKeyName(name)) throw new NoteKeyError(`invalid key name ${JSON.stringify(name)}`);
  const hash = hex8(noteKeyHash(name, algorithm, pub));
  return `${prefix}${name}+${hash}+${Buffer.concat([Buffer.from([algorithm]), material]).toString('base64')}`;
}
/** `<name>+<hex8 hash>+<base64(0x01 ‖ pub)>` */
export function verifierKeyFromPublicKey(name: string, rawPublicKey: Uint8Array): string {
  need32(rawPublicKey, 'Ed25519 public key');
  return encodeKey(name, ALG_ED25519, rawPublicKey, rawPublicKey);
}
/** A witness vkey: type 0x04 in both hash and payload (tlog-cosignature § Format). */
export function witnessVerifierKey(name: string, rawPublicKey: Uint8Array): string {
  need32(rawPublicKey, 'Ed25519 public key');
  return encodeKey(name, ALG_COSIGNATURE_V1, rawPublicKey, rawPublicKey);
}
export function verifierKeyFromKeyObject(name: string, publicKey: KeyObject): string {
  return verifierKeyFromPublicKey(name, rawEd25519PublicKey(publicKey));
}
/** `PRIVATE+KEY+<name>+<hex8 hash>+<base64(0x01 ‖ seed)>` */
export function signerKeyFromKeyObject(name: string, privateKey: KeyObject): string {
  const seed = ed25519SeedFromPrivateKey(privateKey);
  return encodeKey(name, ALG_ED25519, rawEd25519PublicKey(privateKey), seed, 'PRIVATE+KEY+');
}
export function generateNoteKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new NoteKeyError(`invalid key name ${JSON.stringify(name)}`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signerKey: signerKeyFromKeyObject(name, privateKey), verifierKey: verifierKeyFromKeyObject(name, publicKey) };
}

/** Splits `name+hash+base64` (the base64 part may itself contain '+'), as Go's chop does. */
function splitKey(rest: string, what: string): { name: string; hash: number; alg: number; material: Buffer } {
  const [name = '', hash16 = ''] = rest.split('+', 2);
  const key = decodeBase64(rest.slice(name.length + hash16.length + 2));
  if (!isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(hash16) || key === null || key.length === 0) {
    throw new NoteKeyError(`malformed ${what}`);
  }
  return { name, hash: parseInt(hash16, 16), alg: key[0]!, material: key.subarray(1) };
}

function parseSigner(skey: string, allowed: readonly number[]): NoteSignerKey {
  if (typeof skey !== 'string' || !skey.startsWith('PRIVATE+KEY+')) throw new NoteKeyError('malformed signer key');
  const { name, hash, alg, material } = splitKey(skey.slice('PRIVATE+KEY+'.length), 'signer key');
  if (!allowed.includes(alg)) throw new NoteKeyError(`unsupported signer key algorithm ${alg}`);
  if (material.length !== 32) throw new NoteKeyError('malformed signer key: seed must be 32 bytes');
  const privateKey = ed25519PrivateKeyFromSeed(material);
  const publicKey = rawEd25519PublicKey(privateKey);
  if (noteKeyHash(name, alg, publicKey) !== hash) throw new NoteKeyError('signer key hash does not match the key');
  return { name, keyHash: hash, algorithm: alg as NoteAlgorithm, privateKey, publicKey };
}

function parseVerifier(vkey: string, allowed: readonly number[]): NoteVerifierKey {
  if (typeof vkey !== 'string') throw new NoteKeyError('malformed verifier key');
  const { name, hash, alg, material } = splitKey(vkey, 'verifier key');
  if (!allowed.includes(alg)) throw new NoteKeyError(`unsupported verifier key algorithm ${alg}`);
  if (material.length !== 32) throw new NoteKeyError('malformed verifier key: public key must be 32 bytes');
  if (noteKeyHash(name, alg, material) !== hash) throw new NoteKeyError('verifier key hash does not match the key');
  const publicKey = Buffer.from(material);
  return { name, keyHash: hash, algorithm: alg as NoteAlgorithm, publicKey, keyObject: ed25519PublicKeyFromRaw(publicKey) };
}

/** An Ed25519 note signer key (type 0x01), as Go's note.NewSigner accepts. */
export function parseSignerKey(skey: string): NoteSignerKey {
  return parseSigner(skey, [ALG_ED25519]);
}
/** A verifier key: type 0x01 (note signatures) or 0x04 (cosignature/v1 signatures). */
export function parseVerifierKey(vkey: string): NoteVerifierKey {
  return parseVerifier(vkey, [ALG_ED25519, ALG_COSIGNATURE_V1]);
}

/** As Go's formats NewSignerForCosignatureV1: a 0x01 or 0x04 skey, used with the 0x04 key ID. */
export function parseWitnessSignerKey(skey: string | NoteSignerKey): NoteSignerKey {
  const k = typeof skey === 'string' ? parseSigner(skey, [ALG_ED25519, ALG_COSIGNATURE_V1]) : skey;
  return { ...k, algorithm: ALG_COSIGNATURE_V1, keyHash: noteKeyHash(k.name, ALG_COSIGNATURE_V1, k.publicKey) };
}
/** A witness public key in 0x04 or plain 0x01 vkey form, as a cosignature/v1 verifier. */
export function parseWitnessVerifierKey(vkey: string | NoteVerifierKey): NoteVerifierKey {
  const k = typeof vkey === 'string' ? parseVerifierKey(vkey) : vkey;
  return { ...k, algorithm: ALG_COSIGNATURE_V1, keyHash: noteKeyHash(k.name, ALG_COSIGNATURE_V1, k.publicKey) };
}

// ---- notes ----------------------------------------------------------------------------------

function checkText(text: string, what: string, E: typeof NoteFormatError = NoteFormatError): void {
  if (hasControl(text) || !isWellFormed(text)) {
    throw new E(`${what} must be valid UTF-8 without control characters other than newline`);
  }
}

/** cosignature/v1 signed message: "cosignature/v1\ntime <t>\n" ‖ note text (tlog-cosignature). */
const cosignedMessage = (text: string, timestamp: bigint): Buffer =>
  Buffer.from(`cosignature/v1\ntime ${timestamp.toString()}\n${text}`, 'utf8');

const signatureLine = (name: string, payload: Uint8Array): string =>
  `${SIG_PREFIX}${name} ${Buffer.from(payload).toString('base64')}\n`;

/** Signs `text` (which must end in "\n") with Ed25519 (type 0x01) keys (signed-note § Format). */
export function signNote(text: string, signers: readonly (NoteSignerKey | string)[]): string {
  if (typeof text !== 'string' || !text.endsWith('\n')) throw new NoteFormatError('note text must end with a newline');
  checkText(text, 'note text');
  let out = `${text}\n`;
  for (const s of signers) {
    const k = typeof s === 'string' ? parseSignerKey(s) : s;
    if (k.algorithm !== ALG_ED25519) throw new NoteKeyError('signNote takes 0x01 keys; use cosignCheckpoint for witnesses');
    if (!isValidKeyName(k.name)) throw new NoteKeyError(`invalid key name ${JSON.stringify(k.name)}`);
    const sig = sign(null, Buffer.from(text, 'utf8'), k.privateKey);
    const payload = Buffer.alloc(4 + sig.length);
    payload.writeUInt32BE(k.keyHash, 0);
    sig.copy(payload, 4);
    out += signatureLine(k.name, payload);
  }
  return out;
}

interface RawSig { line: string; name: string; keyHash: number; base64: string; sig: Buffer }

/** Splits a note at its last blank line and parses the signature lines (signed-note § Format). */
function parseNote(note: string | Uint8Array): { text: string; sigs: RawSig[] } {
  let msg: string;
  if (typeof note === 'string') msg = note;
  else {
    try {
      msg = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(note);
    } catch {
      throw new NoteFormatError('malformed note: not valid UTF-8');
    }
  }
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

function parseSigLine(line: string): RawSig {
  if (!line.startsWith(SIG_PREFIX)) throw new NoteFormatError('malformed note: signature line must start with "— "');
  const body = line.slice(SIG_PREFIX.length);
  const space = body.indexOf(' ');
  const name = space < 0 ? body : body.slice(0, space);
  const base64 = space < 0 ? '' : body.slice(space + 1);
  const bytes = decodeBase64(base64);
  if (!isValidKeyName(name) || bytes === null || bytes.length < 5) {
    throw new NoteFormatError('malformed note: bad signature line');
  }
  return { line, name, keyHash: bytes.readUInt32BE(0), base64, sig: bytes.subarray(4) };
}

function ed25519Verify(key: KeyObject, message: Uint8Array, sig: Uint8Array): boolean {
  try {
    return sig.length === 64 && verify(null, message, key, sig);
  } catch {
    return false;
  }
}

/** Verifies one signature payload (after the key ID); returns the timestamp for cosignatures. */
function verifyPayload(k: NoteVerifierKey, text: string, sig: Buffer): { ok: boolean; timestamp?: number } {
  if (k.algorithm === ALG_ED25519) return { ok: ed25519Verify(k.keyObject, Buffer.from(text, 'utf8'), sig) };
  if (sig.length !== 8 + 64) return { ok: false };
  const ts = sig.readBigUInt64BE(0); // tlog-cosignature: u64 big-endian timestamp ‖ signature
  if (ts > COSIG_TIMESTAMP_MAX || ts > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false };
  return { ok: ed25519Verify(k.keyObject, cosignedMessage(text, ts), sig.subarray(8)), timestamp: Number(ts) };
}

/**
 * Opens a signed note (signed-note § Signatures). Signatures by keys not in `verifiers` are kept
 * with `verified: false`; a known key's failing signature throws InvalidNoteSignatureError.
 * Repeated identical lines are reported once. Malformed notes throw NoteFormatError.
 */
export function openNote(note: string | Uint8Array, verifiers: readonly (NoteVerifierKey | string)[]): OpenedNote {
  const known = new Map<string, NoteVerifierKey>();
  for (const v of verifiers) {
    const k = typeof v === 'string' ? parseVerifierKey(v) : v;
    const id = `${k.name}+${hex8(k.keyHash)}`;
    const prior = known.get(id);
    if (prior && (prior.algorithm !== k.algorithm || !prior.publicKey.equals(k.publicKey))) {
      throw new NoteKeyError(`ambiguous key ${id}`);
    }
    known.set(id, k);
  }
  const { text, sigs } = parseNote(note);
  const seen = new Set<string>();
  const out: NoteSignature[] = [];
  for (const s of sigs) {
    const k = known.get(`${s.name}+${hex8(s.keyHash)}`);
    const dedupeKey = k ? `${s.name}+${s.keyHash}` : s.line; // Go: one verified sig per key
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    if (!k) {
      out.push({ name: s.name, keyHash: s.keyHash, base64: s.base64, verified: false });
      continue;
    }
    const { ok, timestamp } = verifyPayload(k, text, s.sig);
    if (!ok) throw new InvalidNoteSignatureError(s.name, s.keyHash);
    out.push({ name: s.name, keyHash: s.keyHash, base64: s.base64, verified: true, ...(timestamp === undefined ? {} : { timestamp }) });
  }
  return { text, sigs: out };
}

/** openNote, but throws UnverifiedNoteError unless a known key's signature verified. */
export function openNoteStrict(note: string | Uint8Array, verifiers: readonly (NoteVerifierKey | string)[]): OpenedNote {
  const opened = openNote(note, verifiers);
  if (!opened.sigs.some((s) => s.verified)) throw new UnverifiedNoteError(opened);
  return opened;
}

/** Appends signature lines (e.g. witness cosignatures) to a signed note; exact duplicates are skipped. */
export function addSignatureLines(noteText: string, lines: readonly string[]): string {
  const { sigs } = parseNote(noteText);
  const present = new Set(sigs.map((s) => s.line));
  let out = noteText;
  for (const raw of lines) {
    const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (line.includes('\n')) throw new NoteFormatError('a signature line must be a single line');
    checkText(line, 'signature line');
    parseSigLine(line);
    if (present.has(line)) continue;
    present.add(line);
    out += `${line}\n`;
  }
  if (present.size > MAX_SIGNATURES) throw new NoteFormatError(`more than ${MAX_SIGNATURES} signatures`);
  return out;
}

// ---- checkpoints (c2sp.org/tlog-checkpoint § Note text) -------------------------------------

export function formatCheckpointBody(cp: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = cp;
  if (typeof origin !== 'string' || origin === '' || origin.includes('\n')) throw new CheckpointFormatError('origin must be a non-empty single line');
  if (!Number.isSafeInteger(size) || size < 0) throw new CheckpointFormatError('tree size must be a non-negative safe integer');
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== 32) throw new CheckpointFormatError('root hash must be 32 bytes');
  for (const e of extensions) {
    if (typeof e !== 'string' || e === '' || e.includes('\n')) throw new CheckpointFormatError('extension lines must be non-empty single lines');
  }
  const body = [origin, String(size), Buffer.from(rootHash).toString('base64'), ...extensions].join('\n') + '\n';
  checkText(body, 'checkpoint', CheckpointFormatError);
  return body;
}

export function parseCheckpointBody(text: string): Required<Checkpoint> & { rootHash: Buffer } {
  if (typeof text !== 'string' || !text.endsWith('\n')) throw new CheckpointFormatError('checkpoint must end with a newline');
  checkText(text, 'checkpoint', CheckpointFormatError);
  const [origin = '', size = '', root = '', ...extensions] = text.slice(0, -1).split('\n');
  if (origin === '') throw new CheckpointFormatError('checkpoint origin must be non-empty');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new CheckpointFormatError('tree size must be a decimal without leading zeros (≤ 2^53-1)');
  }
  const rootHash = decodeBase64(root);
  if (rootHash === null || rootHash.length !== 32) throw new CheckpointFormatError('root hash must be base64 of 32 bytes');
  if (extensions.some((e) => e === '')) throw new CheckpointFormatError('extension lines must be non-empty');
  return { origin, size: Number(size), rootHash, extensions };
}

// ---- cosignatures (c2sp.org/tlog-cosignature, Ed25519 cosignature/v1) -------------------------

function toTimestamp(t: number | bigint): bigint {
  const ts = typeof t === 'bigint' ? t : Number.isSafeInteger(t) ? BigInt(t) : -1n;
  if (ts < 0n || ts > COSIG_TIMESTAMP_MAX) throw new RangeError('cosignature timestamp must be an integer in [0, 2^63-1]');
  return ts;
}

/** Returns the witness's signature line `— <name> base64(keyID ‖ u64 timestamp ‖ sig)\n`. */
export function cosignCheckpoint(checkpointBody: string, witnessSigner: string | NoteSignerKey, timestampSeconds: number | bigint): string {
  parseCheckpointBody(checkpointBody);
  const k = parseWitnessSignerKey(witnessSigner);
  const ts = toTimestamp(timestampSeconds);
  const payload = Buffer.alloc(4 + 8 + 64);
  payload.writeUInt32BE(k.keyHash, 0);
  payload.writeBigUInt64BE(ts, 4);
  sign(null, cosignedMessage(checkpointBody, ts), k.privateKey).copy(payload, 12);
  return signatureLine(k.name, payload);
}

/** Parses a cosignature line (with or without its final newline); throws NoteFormatError. */
export function parseCosignatureLine(line: string): CosignatureLine {
  const s = parseSigLine(line.endsWith('\n') ? line.slice(0, -1) : line);
  if (s.sig.length !== 8 + 64) throw new NoteFormatError('cosignature must be key ID ‖ 8-byte timestamp ‖ 64-byte signature');
  return { name: s.name, keyHash: s.keyHash, timestamp: s.sig.readBigUInt64BE(0), signature: s.sig.subarray(8) };
}

/**
 * Verifies one cosignature line against a checkpoint body and a witness key (0x04 or 0x01 vkey).
 * Never throws for a bad line; timestamps above 2^53-1 are reported as invalid.
 */
export function verifyCosignature(checkpointBody: string, line: string, witnessVerifier: string | NoteVerifierKey): CosignatureCheck {
  const k = parseWitnessVerifierKey(witnessVerifier);
  let c: CosignatureLine;
  try {
    parseCheckpointBody(checkpointBody);
    c = parseCosignatureLine(line);
  } catch (e) {
    return { valid: false, timestamp: null, reason: (e as Error).message };
  }
  if (c.name !== k.name || c.keyHash !== k.keyHash) return { valid: false, timestamp: null, reason: 'line is not from this witness key' };
  if (c.timestamp > COSIG_TIMESTAMP_MAX || c.timestamp > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { valid: false, timestamp: null, reason: 'timestamp out of range' };
  }
  return ed25519Verify(k.keyObject, cosignedMessage(checkpointBody, c.timestamp), c.signature)
    ? { valid: true, timestamp: Number(c.timestamp) }
    : { valid: false, timestamp: null, reason: 'signature does not verify' };
}
