import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { serviceActor, hasAnyRole, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import { LedgerErrors } from './ledger.errors.js';
import * as repo from './ledger.repository.js';
import type { Sequencer } from './ledger.sequencer.js';
import { addSignatureLines, openNote, parseCosignatureLine, parseVerifierKey, parseWitnessVerifierKey, verifyCosignature } from './signed-note.codec.js';

/** Roles that see every entry's payload; others see payloads of their own organisation only. */
const PAYLOAD_READERS = ['regulator', 'platform_admin'] as const;
const COSIGNATURE_CLOCK_SKEW_S = 600;

export interface Receipt {
  index: number;
  entry: unknown;
  leafHash: string;
  proof: string[];
  checkpoint: string;
}

/** How long the latest checkpoint is reused for receipts (a receipt against it stays valid forever). */
const LATEST_CHECKPOINT_CACHE_MS = 1_000;

export class LedgerService {
  private latest: { size: number; note: string; until: number } | undefined;

  constructor(
    private readonly k: Kernel,
    private readonly seq: Sequencer,
  ) {}

  async publicKey() {
    const key = await this.seq.key();
    const vk = parseVerifierKey(key.verifierKey);
    return { origin: key.origin, keyId: key.id, verifierKey: key.verifierKey, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: vk.publicKey.toString('base64url'), kid: key.id } };
  }

  /** The latest checkpoint with every cosignature it has collected. */
  async checkpoint(size?: number) {
    const cp = size === undefined ? await repo.latestCheckpoint(this.k.db) : await repo.findCheckpoint(this.k.db, size);
    if (!cp) throw size === undefined ? new AppError(LedgerErrors.LEDGER_EMPTY) : new AppError(LedgerErrors.LEDGER_CHECKPOINT_NOT_FOUND, undefined, { size });
    const cosigs = await repo.cosignaturesOf(this.k.db, cp.size);
    return {
      size: cp.size,
      rootHash: cp.rootHash.toString('base64'),
      note: cosigs.length ? addSignatureLines(cp.note, cosigs.map((c) => c.line)) : cp.note,
      createdAt: cp.createdAt.toISOString(),
      cosignatures: cosigs.map((c) => ({ witness: c.witnessName, orgId: c.orgId, signedAt: c.signedAt.toISOString() })),
    };
  }

  private entryView(e: repo.EntryRow, viewer: Principal | null) {
    const mayRead = !!viewer && (hasAnyRole(viewer, PAYLOAD_READERS) || (e.orgId !== null && e.orgId === viewer.orgId));
    return { index: e.index, entry: JSON.parse(e.entry) as unknown, leafHash: e.leafHash.toString('hex'), ...(mayRead ? { payload: e.payload } : {}) };
  }

  async entry(index: number, viewer: Principal | null) {
    const e = await repo.findEntry(this.k.db, index);
    if (!e) throw new AppError(LedgerErrors.LEDGER_ENTRY_NOT_FOUND, undefined, { index });
    return this.entryView(e, viewer);
  }

  async entries(q: repo.EntryQuery, viewer: Principal | null) {
    const { items, total } = await repo.listEntries(this.k.db, q);
    return { items: items.map((e) => this.entryView(e, viewer)), total, page: q.page, pageSize: q.pageSize };
  }

  async indexOfEvent(eventId: string): Promise<number> {
    const e = await repo.findEntryByEvent(this.k.db, eventId);
    if (!e) throw new AppError(LedgerErrors.LEDGER_EVENT_NOT_INTEGRATED);
    return e.index;
  }

  /** Evidence receipt: the entry, its inclusion proof and the signed checkpoint it is proven against. */
  async receipt(index: number, atSize?: number): Promise<Receipt> {
    const cp = atSize === undefined ? await this.latestFor(index) : await this.noteAt(atSize);
    if (!cp) throw new AppError(atSize === undefined ? LedgerErrors.LEDGER_ENTRY_NOT_FOUND : LedgerErrors.LEDGER_CHECKPOINT_NOT_FOUND, undefined, { index, size: atSize ?? 0 });
    if (index >= cp.size) throw new AppError(LedgerErrors.LEDGER_ENTRY_NOT_FOUND, undefined, { index });
    const e = await repo.findEntryText(this.k.db, index);
    if (!e) throw new AppError(LedgerErrors.LEDGER_ENTRY_NOT_FOUND, undefined, { index });
    const tree = await this.seq.treeFor(cp.size);
    return {
      index,
      entry: JSON.parse(e.entry) as unknown,
      leafHash: e.leafHash.toString('hex'),
      proof: tree.inclusionProof(index, cp.size).map((h) => h.toString('hex')),
      checkpoint: cp.note,
    };
  }

  /** A checkpoint note of the given size with its cosignatures. */
  private async noteAt(size: number): Promise<{ size: number; note: string } | undefined> {
    const cp = await repo.findCheckpoint(this.k.db, size);
    if (!cp) return undefined;
    const cosigs = await repo.cosignaturesOf(this.k.db, cp.size);
    return { size: cp.size, note: cosigs.length ? addSignatureLines(cp.note, cosigs.map((c) => c.line)) : cp.note };
  }

  /** The latest checkpoint (briefly cached), re-read when it does not yet cover `index`. */
  private async latestFor(index: number): Promise<{ size: number; note: string } | undefined> {
    const now = Date.now();
    if (this.latest && this.latest.until > now && index < this.latest.size) return this.latest;
    const cp = await repo.latestCheckpoint(this.k.db);
    if (!cp) return undefined;
    const withCosigs = await this.noteAt(cp.size);
    if (!withCosigs) return undefined;
    this.latest = { ...withCosigs, until: now + LATEST_CHECKPOINT_CACHE_MS };
    return this.latest;
  }

  async consistency(from: number, to: number) {
    const latest = await repo.latestCheckpoint(this.k.db);
    const size = latest?.size ?? 0;
    if (!(from >= 0 && from <= to && to <= size)) throw new AppError(LedgerErrors.LEDGER_RANGE_INVALID, { from, to, size }, { size });
    const tree = await this.seq.treeFor(to);
    return { from, to, proof: from === 0 || from === to ? [] : tree.consistencyProof(from, to).map((h) => h.toString('hex')) };
  }

  async listWitnesses() {
    return (await repo.listWitnesses(this.k.db)).map((w) => ({ id: w.id, orgId: w.orgId, name: w.name, verifierKey: w.verifierKey, status: w.status, createdAt: w.createdAt.toISOString() }));
  }

  /** Registers a witness key for the caller's (regulator) organisation. The server never sees its private key. */
  async registerWitness(verifierKey: string, by: Principal, requestId?: string) {
    let parsed;
    try {
      parsed = parseWitnessVerifierKey(verifierKey);
    } catch (err) {
      throw new AppError(LedgerErrors.LEDGER_WITNESS_KEY_INVALID, undefined, { reason: (err as Error).message });
    }
    const row: repo.WitnessRow = { id: newId('wit'), orgId: by.orgId, name: parsed.name, verifierKey, status: 'active', createdAt: this.k.clock.now() };
    return this.k.transact(async (tx, emit) => {
      if (await repo.findWitnessByName(tx, parsed.name)) throw new AppError(LedgerErrors.LEDGER_WITNESS_EXISTS);
      await repo.insertWitness(tx, row);
      await emit({ type: 'ledger.witness.registered', subject: { type: 'witness', id: row.id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { name: row.name, verifierKey } });
      return { id: row.id, orgId: row.orgId, name: row.name, verifierKey, status: row.status, createdAt: row.createdAt.toISOString() };
    });
  }

  /**
   * Accepts a C2SP cosignature/v1 line over checkpoint `size` from a witness registered to the
   * caller's organisation (which the route requires to hold the regulator role). A witness only
   * moves forward: a cosignature over a smaller checkpoint than one it already signed is refused.
   */
  async addCosignature(size: number, line: string, by: Principal, requestId?: string) {
    const cp = await repo.findCheckpoint(this.k.db, size);
    if (!cp) throw new AppError(LedgerErrors.LEDGER_CHECKPOINT_NOT_FOUND, undefined, { size });
    const text = line.endsWith('\n') ? line : `${line}\n`;
    let name: string;
    try {
      name = parseCosignatureLine(text).name;
    } catch (err) {
      throw new AppError(LedgerErrors.LEDGER_COSIGNATURE_INVALID, undefined, { reason: (err as Error).message });
    }
    const witness = await repo.findWitnessByName(this.k.db, name);
    if (!witness || witness.status !== 'active' || witness.orgId !== by.orgId) throw new AppError(LedgerErrors.LEDGER_WITNESS_UNKNOWN, undefined, { name });
    const body = openNote(cp.note, []).text;
    const check = verifyCosignature(body, text, witness.verifierKey);
    if (!check.valid || check.timestamp === null) throw new AppError(LedgerErrors.LEDGER_COSIGNATURE_INVALID, undefined, { reason: check.reason ?? 'signature' });
    const nowS = Math.floor(this.k.clock.now().getTime() / 1000);
    if (check.timestamp > nowS + COSIGNATURE_CLOCK_SKEW_S) throw new AppError(LedgerErrors.LEDGER_COSIGNATURE_INVALID, undefined, { reason: 'timestamp in the future' });
    const result = await this.k.transact(async (tx, emit) => {
      const largest = await repo.largestCosignedSize(tx, witness.id);
      if (largest > size) throw new AppError(LedgerErrors.LEDGER_COSIGNATURE_STALE, { size: largest }, { size: largest });
      const signedAt = new Date(check.timestamp! * 1000);
      await repo.upsertCosignature(tx, { size, witnessId: witness.id, line: text, signedAt }, this.k.clock.now());
      await emit({
        type: 'ledger.checkpoint.cosigned',
        subject: { type: 'checkpoint', id: String(size) },
        orgId: by.orgId,
        actor: serviceActor(by),
        requestId,
        payload: { size, rootHash: cp.rootHash.toString('base64'), witness: witness.name, signedAt: signedAt.toISOString() },
      });
      return { size, witness: witness.name, signedAt: signedAt.toISOString() };
    });
    this.latest = undefined; // the next receipt carries the new cosignature
    return result;
  }

  /** 存证: records the digest of an outside document in the ledger for the caller's organisation. */
  async attest(input: { digest: string; title: string }, by: Principal, requestId?: string) {
    if (!/^sha256:[0-9a-f]{64}$/.test(input.digest)) throw new AppError(LedgerErrors.LEDGER_DIGEST_INVALID);
    const id = newId('att');
    const now = this.k.clock.now();
    const eventId = await this.k.transact(async (tx, emit) => {
      await repo.insertAttestation(tx, { id, orgId: by.orgId, digest: input.digest, title: input.title, createdBy: by.userId ?? by.apiKeyId ?? null, createdAt: now });
      return emit({ type: 'ledger.attestation.recorded', subject: { type: 'attestation', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { digest: input.digest, title: input.title } });
    });
    return { id, eventId, digest: input.digest, title: input.title, createdAt: now.toISOString() };
  }
}
