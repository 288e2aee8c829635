import { createHash } from 'node:crypto';
import { verifySignature, type JsonWebKey } from '../../platform/signing.js';
import { verifyReceipt } from '../ledger/index.js';
import { decodeJws, VC_CONTEXT_V2, VC_JWT_TYPE, type DecodedJws } from './credential.codec.js';
import { decodeList, getBit } from './status-list.codec.js';

/**
 * Verifies a certificate (a `vc+jwt`) and explains every check in both languages. Pure: what it
 * needs from outside comes through the context — the issuer's DID document, the status list
 * credentials, the evidence receipts and the ledger's key — so the same code runs on the server
 * (from its own tables) and in `liutong cert verify` (from a downloaded bundle, offline).
 */
export type CheckName = 'format' | 'issuer' | 'signature' | 'validity' | 'status' | 'evidence';
export type CheckOutcome = 'passed' | 'failed' | 'pending';

export interface Check {
  check: CheckName;
  outcome: CheckOutcome;
  /** A stable code: `ok`, or why not (`expired`, `revoked`, `unknown_key`, …). */
  code: string;
  message: { 'zh-CN': string; 'en-US': string };
  details?: Record<string, unknown>;
}

export interface DidDocument {
  id: string;
  verificationMethod?: Array<{ id: string; type?: string; controller?: string; publicKeyJwk?: JsonWebKey; validFrom?: string; validUntil?: string }>;
  assertionMethod?: string[];
}

export interface VerifyContext {
  now: Date;
  didDocument(did: string): Promise<DidDocument | null>;
  /** The status list credential (a vc+jwt) at a URL, or null when it cannot be had. */
  statusList(url: string): Promise<string | null>;
  /** The ledger receipt of an event, 'pending' when not sequenced yet, null when unknown. */
  receipt(eventId: string): Promise<unknown | 'pending' | null>;
  /** The ledger's note verifier key, to check receipts; null when unknown. */
  logKey: string | null;
  /**
   * Trusted shortcuts for the issuing platform itself: the list's bits straight from its own table
   * (instead of fetching and verifying the list credential), and the ledger entry of an event
   * (instead of a receipt to verify). Offline verification never has them.
   */
  statusBits?: (url: string) => Promise<Uint8Array | null>;
  ledgerEntry?: (eventId: string) => Promise<{ id: string; type: string; payloadDigest: string } | 'pending' | null>;
  /** Whether the issuer may issue credentials of these types (e.g. only the data bureau issues certificates); absent: any issuer. */
  issuerAuthorized?: (did: string, types: string[]) => Promise<boolean>;
}

export interface Verification {
  valid: boolean;
  checks: Check[];
  credential: Record<string, unknown> | null;
}

const M: Record<string, [string, string]> = {
  'format.ok': ['格式正确：W3C 可验证凭证 2.0（vc+jwt）。', 'Well formed: a W3C Verifiable Credential 2.0 (vc+jwt).'],
  'format.not_jws': ['不是紧凑 JWS 格式的凭证。', 'Not a compact JWS credential.'],
  'format.header': ['JWS 头部须为 typ=vc+jwt、alg=EdDSA 并带 kid。', 'The JWS header must be typ=vc+jwt, alg=EdDSA with a kid.'],
  'format.credential': ['载荷不是 VC 2.0 凭证（@context、type、issuer、credentialSubject）。', 'The payload is not a VC 2.0 credential (@context, type, issuer, credentialSubject).'],
  'issuer.ok': ['签发方 {issuer} 的 DID 文档已解析，签名密钥 {kid} 属于签发方。', "The issuer {issuer}'s DID document resolved; the signing key {kid} is the issuer's."],
  'issuer.not_did_web': ['签发方须以 did:web 标识。', 'The issuer must be identified by a did:web.'],
  'issuer.kid_mismatch': ['签名密钥 {kid} 不属于签发方 {issuer}。', 'The signing key {kid} does not belong to the issuer {issuer}.'],
  'issuer.unresolved': ['无法解析签发方 {issuer} 的 DID 文档。', "The issuer {issuer}'s DID document could not be resolved."],
  'issuer.unknown_key': ['签发方 DID 文档中没有密钥 {kid}。', "The issuer's DID document has no key {kid}."],
  'issuer.not_authorized': ['{issuer} 不是此类凭证的授权签发方。', '{issuer} is not an authorized issuer of this kind of credential.'],
  'issuer.key_not_valid': ['密钥 {kid} 在签发时不是签发方的有效签名密钥。', "The key {kid} was not a valid signing key of the issuer when the credential was issued."],
  'signature.ok': ['签名有效（Ed25519）。', 'The signature is valid (Ed25519).'],
  'signature.bad': ['签名无效：凭证被篡改或不是该密钥所签。', 'The signature is invalid: the credential was altered or not signed by this key.'],
  'signature.skipped': ['未能核验签名（签发方检查未通过）。', 'The signature could not be checked (the issuer check failed).'],
  'validity.ok': ['在有效期内。', 'Within its validity period.'],
  'validity.not_yet': ['尚未生效（生效时间 {validFrom}）。', 'Not yet valid (valid from {validFrom}).'],
  'validity.expired': ['已过期（有效期至 {validUntil}）。', 'Expired (valid until {validUntil}).'],
  'status.ok': ['状态正常：未被撤销或暂停。', 'Status good: neither revoked nor suspended.'],
  'status.revoked': ['凭证已被撤销。', 'The credential has been revoked.'],
  'status.suspended': ['凭证已被暂停。', 'The credential is suspended.'],
  'status.unavailable': ['无法取得或核验状态列表 {url}。', 'The status list {url} could not be had or verified.'],
  'status.malformed': ['状态条目格式不正确。', 'A status entry is malformed.'],
  'status.none': ['凭证未声明状态列表。', 'The credential declares no status list.'],
  'evidence.ok': ['存证已上链：证据事件 {eventId} 的收据核验通过。', 'Evidence anchored: the receipt of evidence event {eventId} verifies.'],
  'evidence.pending': ['证据事件 {eventId} 尚待存证账本排序，稍后可取得收据。', 'Evidence event {eventId} is not sequenced into the ledger yet; its receipt comes shortly.'],
  'evidence.unknown': ['账本中没有证据事件 {eventId}。', 'The ledger has no evidence event {eventId}.'],
  'evidence.receipt_invalid': ['证据事件 {eventId} 的收据无效（{reason}）。', 'The receipt of evidence event {eventId} is invalid ({reason}).'],
  'evidence.mismatch': ['账本记录的事件内容与凭证所引证据不符。', 'The ledger entry does not match the evidence the credential cites.'],
  'evidence.none': ['凭证未引用账本证据。', 'The credential cites no ledger evidence.'],
  'evidence.no_key': ['不知道账本公钥，无法核验收据。', 'The ledger key is unknown; receipts cannot be checked.'],
};

function check(name: CheckName, outcome: CheckOutcome, code: string, vars: Record<string, unknown> = {}, details?: Record<string, unknown>): Check {
  const [zh, en] = M[`${name}.${code}`] ?? [code, code];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  return { check: name, outcome, code, message: { 'zh-CN': fill(zh), 'en-US': fill(en) }, ...(details ? { details } : {}) };
}

const issuerId = (c: Record<string, unknown>): string | null => {
  const i = c.issuer;
  if (typeof i === 'string') return i;
  if (i && typeof i === 'object' && typeof (i as { id?: unknown }).id === 'string') return (i as { id: string }).id;
  return null;
};

function isCredential(p: Record<string, unknown>): boolean {
  const ctx = p['@context'];
  const type = p.type;
  return Array.isArray(ctx) && ctx[0] === VC_CONTEXT_V2 && Array.isArray(type) && type.includes('VerifiableCredential') && issuerId(p) !== null
    && !!p.credentialSubject && typeof p.credentialSubject === 'object';
}

/** The key of the issuer that signed a JWS, checked against its DID document; or why not. */
async function issuerKey(jws: DecodedJws, ctx: VerifyContext, signedAt: Date): Promise<{ ok: true; jwk: JsonWebKey; issuer: string; kid: string } | { ok: false; code: string; issuer: string; kid: string }> {
  const issuer = issuerId(jws.payload) ?? '';
  const kid = String(jws.header.kid ?? '');
  if (!issuer.startsWith('did:web:')) return { ok: false, code: 'not_did_web', issuer, kid };
  if (!kid.startsWith(`${issuer}#`)) return { ok: false, code: 'kid_mismatch', issuer, kid };
  const doc = await ctx.didDocument(issuer).catch(() => null);
  if (!doc || doc.id !== issuer) return { ok: false, code: 'unresolved', issuer, kid };
  const vm = doc.verificationMethod?.find((m) => m.id === kid && (m.controller === undefined || m.controller === issuer));
  if (!vm?.publicKeyJwk) return { ok: false, code: 'unknown_key', issuer, kid };
  // A current assertion key, or a retired one that was valid when the credential was signed (a
  // minute's tolerance either way: issuers cache their signer for a few seconds, clocks drift).
  const current = doc.assertionMethod?.includes(kid) ?? false;
  const from = vm.validFrom ? new Date(vm.validFrom) : null;
  const until = vm.validUntil ? new Date(vm.validUntil) : null;
  const wasValid = (!from || from.getTime() <= signedAt.getTime() + 60_000) && (!until || signedAt.getTime() < until.getTime() + 60_000);
  if (!current && !wasValid) return { ok: false, code: 'key_not_valid', issuer, kid };
  if (current && from && from.getTime() > signedAt.getTime() + 60_000) return { ok: false, code: 'key_not_valid', issuer, kid };
  return { ok: true, jwk: vm.publicKeyJwk, issuer, kid };
}

function signatureOk(jws: DecodedJws, jwk: JsonWebKey): boolean {
  try {
    return verifySignature('Ed25519', jwk, Buffer.from(jws.signingInput, 'ascii'), jws.signature);
  } catch {
    return false;
  }
}

const dateOf = (v: unknown): Date | null => {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** The status list bit of one `BitstringStatusListEntry`: set, clear, or why it cannot be told. */
async function statusBit(entry: Record<string, unknown>, issuer: string, ctx: VerifyContext, cache: Map<string, Uint8Array | null>): Promise<boolean | 'unavailable' | 'malformed'> {
  const url = entry.statusListCredential;
  const index = Number(entry.statusListIndex);
  if (entry.type !== 'BitstringStatusListEntry' || typeof url !== 'string' || typeof entry.statusListIndex !== 'string' || !/^\d+$/.test(entry.statusListIndex) || !Number.isSafeInteger(index)) return 'malformed';
  if (!cache.has(url) && ctx.statusBits) cache.set(url, await ctx.statusBits(url).catch(() => null));
  if (!cache.has(url)) {
    let bits: Uint8Array | null = null;
    const jwt = await ctx.statusList(url).catch(() => null);
    const jws = jwt ? decodeJws(jwt) : null;
    if (jws && jws.header.typ === VC_JWT_TYPE && isCredential(jws.payload) && issuerId(jws.payload) === issuer && (jws.payload.type as string[]).includes('BitstringStatusListCredential')) {
      const key = await issuerKey(jws, ctx, dateOf(jws.payload.validFrom) ?? ctx.now);
      const subject = jws.payload.credentialSubject as Record<string, unknown>;
      if (key.ok && signatureOk(jws, key.jwk) && subject.statusPurpose === entry.statusPurpose && typeof subject.encodedList === 'string') {
        try {
          bits = decodeList(subject.encodedList);
        } catch {
          bits = null;
        }
      }
    }
    cache.set(url, bits);
  }
  const bits = cache.get(url);
  if (!bits) return 'unavailable';
  if (index >= bits.length * 8) return 'malformed';
  return getBit(bits, index);
}

export async function verifyCredential(jwt: unknown, ctx: VerifyContext): Promise<Verification> {
  const checks: Check[] = [];
  const jws = decodeJws(jwt);
  if (!jws) return { valid: false, checks: [check('format', 'failed', 'not_jws')], credential: null };
  if (jws.header.typ !== VC_JWT_TYPE || jws.header.alg !== 'EdDSA' || typeof jws.header.kid !== 'string') {
    return { valid: false, checks: [check('format', 'failed', 'header')], credential: jws.payload };
  }
  if (!isCredential(jws.payload)) return { valid: false, checks: [check('format', 'failed', 'credential')], credential: jws.payload };
  checks.push(check('format', 'passed', 'ok'));
  const c = jws.payload;
  const validFrom = dateOf(c.validFrom);
  const validUntil = dateOf(c.validUntil);

  // Issuer and signature.
  const key = await issuerKey(jws, ctx, validFrom ?? ctx.now);
  if (!key.ok) {
    checks.push(check('issuer', 'failed', key.code, { issuer: key.issuer, kid: key.kid }));
    checks.push(check('signature', 'failed', 'skipped'));
  } else {
    const authorized = ctx.issuerAuthorized ? await ctx.issuerAuthorized(key.issuer, c.type as string[]).catch(() => false) : true;
    checks.push(authorized ? check('issuer', 'passed', 'ok', { issuer: key.issuer, kid: key.kid }) : check('issuer', 'failed', 'not_authorized', { issuer: key.issuer, kid: key.kid }));
    checks.push(signatureOk(jws, key.jwk) ? check('signature', 'passed', 'ok') : check('signature', 'failed', 'bad'));
  }

  // Validity window.
  if (validFrom && ctx.now < validFrom) checks.push(check('validity', 'failed', 'not_yet', { validFrom: c.validFrom }));
  else if (validUntil && ctx.now >= validUntil) checks.push(check('validity', 'failed', 'expired', { validUntil: c.validUntil }));
  else checks.push(check('validity', 'passed', 'ok'));

  // Status (revocation, suspension).
  const entries = (Array.isArray(c.credentialStatus) ? c.credentialStatus : c.credentialStatus ? [c.credentialStatus] : []) as Array<Record<string, unknown>>;
  if (entries.length === 0) checks.push(check('status', 'failed', 'none'));
  else {
    const cache = new Map<string, Uint8Array | null>();
    let outcome: Check = check('status', 'passed', 'ok');
    for (const entry of entries) {
      const bit = await statusBit(entry, issuerId(c)!, ctx, cache);
      if (bit === 'malformed') { outcome = check('status', 'failed', 'malformed'); break; }
      if (bit === 'unavailable') { outcome = check('status', 'failed', 'unavailable', { url: entry.statusListCredential }); break; }
      if (bit) { outcome = check('status', 'failed', entry.statusPurpose === 'suspension' ? 'suspended' : 'revoked', {}, { purpose: entry.statusPurpose }); break; }
    }
    checks.push(outcome);
  }

  // Evidence anchored in the ledger: each cited event's receipt, its entry matching the citation.
  const evidence = (Array.isArray(c.evidence) ? c.evidence : []) as Array<Record<string, unknown>>;
  const ledgerEvidence = evidence.filter((e) => typeof e.eventId === 'string' && typeof e.payloadDigest === 'string');
  if (ledgerEvidence.length === 0) checks.push(check('evidence', 'failed', 'none'));
  else if (ctx.ledgerEntry) {
    let outcome: Check | null = null;
    for (const e of ledgerEvidence) {
      const eventId = e.eventId as string;
      const entry = await ctx.ledgerEntry(eventId).catch(() => null);
      if (entry === 'pending') { outcome ??= check('evidence', 'pending', 'pending', { eventId }); continue; }
      if (!entry) { outcome = check('evidence', 'failed', 'unknown', { eventId }); break; }
      if (entry.id !== eventId || entry.payloadDigest !== e.payloadDigest || (typeof e.eventType === 'string' && entry.type !== e.eventType)) { outcome = check('evidence', 'failed', 'mismatch', { eventId }); break; }
    }
    checks.push(outcome ?? check('evidence', 'passed', 'ok', { eventId: ledgerEvidence.map((e) => e.eventId).join(', ') }));
  } else if (!ctx.logKey) checks.push(check('evidence', 'failed', 'no_key'));
  else {
    let outcome: Check | null = null;
    for (const e of ledgerEvidence) {
      const eventId = e.eventId as string;
      const receipt = await ctx.receipt(eventId).catch(() => null);
      if (receipt === 'pending') { outcome ??= check('evidence', 'pending', 'pending', { eventId }); continue; }
      if (!receipt) { outcome = check('evidence', 'failed', 'unknown', { eventId }); break; }
      const r = verifyReceipt(receipt, ctx.logKey);
      if (!r.valid) { outcome = check('evidence', 'failed', 'receipt_invalid', { eventId, reason: r.reason }); break; }
      const entry = (receipt as { entry: Record<string, unknown> }).entry;
      if (entry.id !== eventId || entry.payloadDigest !== e.payloadDigest || (typeof e.eventType === 'string' && entry.type !== e.eventType)) { outcome = check('evidence', 'failed', 'mismatch', { eventId }); break; }
    }
    checks.push(outcome ?? check('evidence', 'passed', 'ok', { eventId: ledgerEvidence.map((e) => e.eventId).join(', ') }));
  }
  // Valid when nothing failed; evidence still being sequenced does not make a certificate invalid.
  return { valid: checks.every((x) => x.outcome !== 'failed'), checks, credential: c };
}

/** The digest a credential subject cites for an asset: sha256 over its manifest's canonical JSON. */
export const manifestDigest = (canonicalJson: string) => `sha256:${createHash('sha256').update(canonicalJson).digest('hex')}`;

/** A certificate with what verifying it offline needs (GET /api/v1/certificates/{id}/bundle). */
export interface CertificateBundle {
  type: 'liutong.certificate.bundle';
  v: 1;
  credential: string;
  didDocuments: Record<string, unknown>;
  statusLists: Record<string, string>;
  receipts: Record<string, unknown>;
  logKey: string;
}

export function isBundle(v: unknown): v is CertificateBundle {
  const b = v as Partial<CertificateBundle> | null;
  return !!b && typeof b === 'object' && b.type === 'liutong.certificate.bundle' && typeof b.credential === 'string' && typeof b.logKey === 'string'
    && !!b.didDocuments && typeof b.didDocuments === 'object' && !!b.statusLists && typeof b.statusLists === 'object' && !!b.receipts && typeof b.receipts === 'object';
}

/**
 * Verifies a bundle with nothing else (no network): the DID documents, status lists and receipts it
 * carries; `issuers`, when given, are the only DIDs trusted to issue (e.g. the data bureau's).
 */
export function verifyBundle(bundle: CertificateBundle, options: { now: Date; issuers?: string[] }): Promise<Verification> {
  return verifyCredential(bundle.credential, {
    now: options.now,
    logKey: bundle.logKey,
    didDocument: async (did) => (bundle.didDocuments[did] ?? null) as DidDocument | null,
    statusList: async (url) => bundle.statusLists[url] ?? null,
    receipt: async (eventId) => (bundle.receipts[eventId] === 'pending' ? 'pending' : (bundle.receipts[eventId] ?? null)),
    ...(options.issuers?.length ? { issuerAuthorized: async (did: string) => options.issuers!.includes(did) } : {}),
  });
}
