import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { verifyConsistency } from './merkle.tree.js';
import { generateNoteKey, parseWitnessSignerKey, witnessVerifierKey, cosignCheckpoint, openNote } from './signed-note.codec.js';
import { runWitness, verifyReceipt, verifyStoredLedger, type LedgerVerification } from './index.js';

const digest = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
class Rollback extends Error {}

describeEachEngine('evidence ledger', (engine) => {
  const h = useLiutong(engine);
  let org: TestOrg;
  let logKey: string;

  beforeAll(async () => {
    org = await h().org(['enterprise'], 'Ledger');
    for (let i = 0; i < 5; i++) {
      const r = await h().call('POST', '/api/v1/ledger/attestations', { token: org.staffToken, body: { digest: digest(`doc ${i}`), title: `合同 ${i}` } });
      expect(r.status).toBe(201);
    }
    await h().lt.flush();
    logKey = (await h().call('GET', '/api/v1/ledger/key')).body.verifierKey;
  });

  /** Runs a tampering inside a transaction that is always rolled back, and verifies the log as tampered. */
  async function tampered(fn: (tx: any) => Promise<void>, trusted: Parameters<typeof verifyStoredLedger>[1] = []): Promise<LedgerVerification> {
    let result: LedgerVerification | undefined;
    await h().lt.database.db.transaction().execute(async (tx) => {
      await fn(tx);
      result = await verifyStoredLedger(tx, trusted);
      throw new Rollback();
    }).catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
    return result!;
  }

  describe('receipts', () => {
    it('gives a receipt for an event that verifies offline against the published key', async () => {
      const r = await h().call('POST', '/api/v1/ledger/attestations', { token: org.staffToken, body: { digest: digest('receipt'), title: '存证' } });
      const early = await h().call('GET', `/api/v1/ledger/events/${r.body.eventId}/receipt`);
      expect(early.status).toBe(404);
      expect(early.body.error.code).toBe('LEDGER_EVENT_NOT_INTEGRATED');
      await h().lt.flush();
      const receipt = (await h().call('GET', `/api/v1/ledger/events/${r.body.eventId}/receipt`)).body;
      expect(receipt.entry.type).toBe('ledger.attestation.recorded');
      expect(receipt.entry.id).toBe(r.body.eventId);
      expect(receipt.entry.payloadDigest).toBe(`sha256:${createHash('sha256').update(JSON.stringify({ digest: digest('receipt'), title: '存证' })).digest('hex')}`);
      expect(verifyReceipt(receipt, logKey)).toMatchObject({ valid: true, index: receipt.index });
    });

    it('rejects a receipt whose entry, proof or checkpoint was altered', async () => {
      const receipt = (await h().call('GET', '/api/v1/ledger/entries/2/receipt')).body;
      expect(verifyReceipt(receipt, logKey).valid).toBe(true);
      expect(verifyReceipt({ ...receipt, entry: { ...receipt.entry, org: 'org_someoneelse000000000' } }, logKey).reason).toBe('leaf_hash');
      if (receipt.proof.length) {
        const proof = [...receipt.proof];
        proof[0] = (proof[0][0] === '0' ? '1' : '0') + proof[0].slice(1);
        expect(verifyReceipt({ ...receipt, proof }, logKey).reason).toBe('inclusion_proof');
      }
      const cp: string = receipt.checkpoint;
      const lines = cp.split('\n');
      lines[1] = String(Number(lines[1]) + 1);
      expect(verifyReceipt({ ...receipt, checkpoint: lines.join('\n') }, logKey).reason).toBe('checkpoint_signature');
      const other = generateNoteKey(openNote(cp, []).text.split('\n')[0]!).verifierKey;
      expect(verifyReceipt(receipt, other).reason).toBe('checkpoint_signature');
      expect(verifyReceipt({ nonsense: true }, logKey).reason).toBe('malformed');
    });

    it('shows payloads only to their organisation and regulators', async () => {
      const entries = await h().call('GET', `/api/v1/ledger/entries?type=ledger.attestation.recorded&orgId=${org.id}`, { token: org.auditorToken });
      expect(entries.status).toBe(200);
      expect(entries.body.total).toBeGreaterThanOrEqual(5);
      expect(entries.body.items[0].payload.title).toMatch(/合同|存证/);
      const stranger = await h().org(['enterprise']);
      const seen = await h().call('GET', `/api/v1/ledger/entries/${entries.body.items[0].index}`, { token: stranger.staffToken });
      expect(seen.status).toBe(200);
      expect(seen.body).not.toHaveProperty('payload');
      expect((await h().call('GET', `/api/v1/ledger/entries/${entries.body.items[0].index}`)).status).toBe(401);
    });
  });

  describe('consistency proofs', () => {
    it('proves every earlier checkpoint is a prefix of the latest', async () => {
      const latest = (await h().call('GET', '/api/v1/ledger/checkpoint')).body;
      const sizes = [1, 2, 3, Math.max(1, Math.floor(latest.size / 2)), latest.size - 1].filter((s) => s >= 1 && s < latest.size);
      const latestRoot = Buffer.from(latest.rootHash, 'base64');
      for (const from of sizes) {
        const old = await h().call('GET', `/api/v1/ledger/checkpoints/${from}`);
        if (old.status === 404) continue; // not every size has a checkpoint
        const proof = (await h().call('GET', `/api/v1/ledger/consistency?from=${from}&to=${latest.size}`)).body.proof.map((x: string) => Buffer.from(x, 'hex'));
        expect(verifyConsistency(from, latest.size, proof, Buffer.from(old.body.rootHash, 'base64'), latestRoot), `from ${from}`).toBe(true);
        expect(verifyConsistency(from, latest.size, proof, latestRoot, latestRoot)).toBe(false);
      }
      const bad = await h().call('GET', `/api/v1/ledger/consistency?from=5&to=${latest.size + 10}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('LEDGER_RANGE_INVALID');
    });
  });

  describe('ledger verify detects tampering', () => {
    it('passes on the untouched log', async () => {
      const r = await verifyStoredLedger(h().lt.database.db);
      expect(r.problems).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.size).toBeGreaterThan(10);
    });

    it('an altered entry, naming its index', async () => {
      const r = await tampered(async (tx) => {
        await sql`update ledger_entry set entry = replace(entry, '"type":"ledger.attestation.recorded"', '"type":"ledger.attestation.recordeD"') where idx = (select min(idx) from ledger_entry where type = 'ledger.attestation.recorded')`.execute(tx);
      });
      const first = Number((await sql<{ i: string }>`select min(idx) as i from ledger_entry where type = 'ledger.attestation.recorded'`.execute(h().lt.database.db)).rows[0]!.i);
      expect(r.ok).toBe(false);
      expect(r.firstBadIndex).toBe(first);
    });

    it('an altered entry whose stored leaf hash was recomputed too', async () => {
      const r = await tampered(async (tx) => {
        const row = (await sql<{ entry: string }>`select entry from ledger_entry where idx = 4`.execute(tx)).rows[0]!;
        const changed = row.entry.replace(/"time":"[^"]+"/, '"time":"2020-01-01T00:00:00.000Z"');
        const leaf = createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(changed)])).digest();
        await sql`update ledger_entry set entry = ${changed}, leaf_hash = ${leaf} where idx = 4`.execute(tx);
      });
      expect(r.ok).toBe(false);
      expect(r.firstBadIndex).toBeLessThanOrEqual(4);
      expect(r.problems.join('\n')).toMatch(/root does not match/);
    });

    it('a removed entry', async () => {
      const r = await tampered(async (tx) => {
        await sql`delete from ledger_entry where idx = 3`.execute(tx);
      });
      expect(r.ok).toBe(false);
      expect(r.firstBadIndex, r.problems.join('\n')).toBe(3);
    });

    it('two reordered entries', async () => {
      const r = await tampered(async (tx) => {
        await sql`update ledger_entry set idx = -1 where idx = 5`.execute(tx);
        await sql`update ledger_entry set idx = 5 where idx = 6`.execute(tx);
        await sql`update ledger_entry set idx = 6 where idx = -1`.execute(tx);
      });
      expect(r.ok).toBe(false);
      expect(r.firstBadIndex).toBe(5);
    });

    it('an altered payload', async () => {
      const r = await tampered(async (tx) => {
        await sql`update ledger_entry set payload = '{"forged":true}'::jsonb where idx = 7`.execute(tx);
      });
      expect(r.firstBadIndex).toBe(7);
    });
  });

  describe('witness', () => {
    let baseUrl: string;
    let regulator: TestOrg;
    let apiKey: string;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liutong-witness-'));
    const stateFile = path.join(dir, 'state.json');
    let signerKey: string;
    let witnessVkey: string;

    beforeAll(async () => {
      await h().lt.app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(h().lt.app.server.address() as AddressInfo).port}`;
      regulator = await h().org(['regulator'], 'Regulator');
      apiKey = (await h().call('POST', `/api/v1/orgs/${regulator.id}/api-keys`, { token: regulator.adminToken, body: { name: 'witness' } })).body.key;
      signerKey = generateNoteKey(`witness.${regulator.id}`).signerKey;
      const parsed = parseWitnessSignerKey(signerKey);
      witnessVkey = witnessVerifierKey(parsed.name, parsed.publicKey);
      const reg = await h().call('POST', '/api/v1/ledger/witnesses', { token: regulator.adminToken, body: { verifierKey: witnessVkey } });
      expect(reg.status).toBe(201);
      await h().lt.flush();
    });

    it('only a regulator registers witnesses', async () => {
      const ent = await h().org(['enterprise']);
      const r = await h().call('POST', '/api/v1/ledger/witnesses', { token: ent.adminToken, body: { verifierKey: witnessVerifierKey('w.ent', parseWitnessSignerKey(generateNoteKey('w.ent').signerKey).publicKey) } });
      expect(r.status).toBe(403);
    });

    it('cosigns with its own key, then checks consistency before cosigning again', async () => {
      const first = await runWitness({ url: baseUrl, signerKey, stateFile, apiKey });
      expect(first).toMatchObject({ ok: true });
      await h().lt.flush();
      const cp = (await h().call('GET', '/api/v1/ledger/checkpoint')).body;
      await h().call('POST', '/api/v1/ledger/attestations', { token: org.staffToken, body: { digest: digest('after witness'), title: 'later' } });
      await h().lt.flush();
      const second = await runWitness({ url: baseUrl, signerKey, stateFile, apiKey });
      expect(second).toMatchObject({ ok: true });
      expect((second as any).size).toBeGreaterThan(cp.size);
      // A receipt against the cosigned checkpoint verifies with the witness key too.
      const state = JSON.parse(readFileSync(stateFile, 'utf8'));
      const receipt = (await h().call('GET', `/api/v1/ledger/entries/1/receipt?size=${state.size}`)).body;
      expect(verifyReceipt(receipt, logKey, [witnessVkey])).toMatchObject({ valid: true, witnesses: [`witness.${regulator.id}`] });
      expect(verifyReceipt({ ...receipt, checkpoint: openNote(receipt.checkpoint, []).text + '\n' + receipt.checkpoint.split('\n\n')[1].split('\n')[0] + '\n' }, logKey, [witnessVkey]).reason).toBe('witness_signature');
    });

    it('refuses to cosign a checkpoint inconsistent with the one it signed before', async () => {
      await h().call('POST', '/api/v1/ledger/attestations', { token: org.staffToken, body: { digest: digest('x'), title: 'x' } });
      await h().lt.flush();
      const state = JSON.parse(readFileSync(stateFile, 'utf8'));
      const forged = path.join(dir, 'forged.json');
      writeFileSync(forged, JSON.stringify({ ...state, rootHash: Buffer.alloc(32, 7).toString('base64') }));
      const r = await runWitness({ url: baseUrl, signerKey, stateFile: forged, apiKey });
      expect(r).toMatchObject({ ok: false, reason: 'inconsistent' });
      const bigger = path.join(dir, 'bigger.json');
      writeFileSync(bigger, JSON.stringify({ ...state, size: state.size + 1000 }));
      expect(await runWitness({ url: baseUrl, signerKey, stateFile: bigger, apiKey })).toMatchObject({ ok: false, reason: 'shrunk' });
    });

    it('the server refuses cosignatures from non-regulators, foreign witnesses, bad signatures and rollbacks', async () => {
      const cp = (await h().call('GET', '/api/v1/ledger/checkpoint')).body;
      const body = openNote(cp.note, []).text;
      const line = cosignCheckpoint(body, signerKey, Math.floor(Date.now() / 1000));
      const ent = await h().org(['enterprise']);
      const asEnterprise = await h().call('POST', `/api/v1/ledger/checkpoints/${cp.size}/cosignatures`, { token: ent.adminToken, body: { cosignature: line } });
      expect(asEnterprise.status).toBe(403);
      const otherRegulator = await h().org(['regulator']);
      const foreign = await h().call('POST', `/api/v1/ledger/checkpoints/${cp.size}/cosignatures`, { token: otherRegulator.adminToken, body: { cosignature: line } });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe('LEDGER_WITNESS_UNKNOWN');
      const wrongBody = cosignCheckpoint(body.replace(/\n\d+\n/, '\n1\n'), signerKey, Math.floor(Date.now() / 1000));
      const bad = await h().call('POST', `/api/v1/ledger/checkpoints/${cp.size}/cosignatures`, { token: regulator.adminToken, body: { cosignature: wrongBody } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('LEDGER_COSIGNATURE_INVALID');
      const ok = await h().call('POST', `/api/v1/ledger/checkpoints/${cp.size}/cosignatures`, { token: regulator.adminToken, body: { cosignature: line } });
      expect(ok.status).toBe(201);
      const smallest = Number((await sql<{ s: string }>`select min(size) as s from ledger_checkpoint`.execute(h().lt.database.db)).rows[0]!.s);
      const older = (await h().call('GET', `/api/v1/ledger/checkpoints/${smallest}`)).body;
      const stale = await h().call('POST', `/api/v1/ledger/checkpoints/${smallest}/cosignatures`, { token: regulator.adminToken, body: { cosignature: cosignCheckpoint(openNote(older.note, []).text, signerKey, Math.floor(Date.now() / 1000)) } });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('LEDGER_COSIGNATURE_STALE');
    });

    it('ledger verify detects truncation after a cosigned checkpoint', async () => {
      await h().lt.flush();
      expect((await verifyStoredLedger(h().lt.database.db)).ok).toBe(true);
      const state = JSON.parse(readFileSync(stateFile, 'utf8'));
      const keep = state.size - 2;
      // Truncate the log, keeping the cosignature rows: the cosigned checkpoint is beyond the log.
      const a = await tampered(async (tx) => {
        await sql`delete from ledger_entry where idx >= ${keep}`.execute(tx);
      });
      expect(a.ok).toBe(false);
      expect(a.firstBadIndex).toBe(keep);
      // A thorough attacker removes checkpoints and cosignatures too; the witness's state still catches it.
      const trusted = { size: state.size, rootHash: Buffer.from(state.rootHash, 'base64') };
      const b = await tampered(async (tx) => {
        await sql`delete from ledger_cosignature where size > ${keep}`.execute(tx);
        await sql`delete from ledger_checkpoint where size > ${keep}`.execute(tx);
        await sql`delete from ledger_entry where idx >= ${keep}`.execute(tx);
      }, [trusted]);
      expect(b.ok).toBe(false);
      expect(b.problems.join('\n')).toMatch(/truncated/);
    });
  });
});
