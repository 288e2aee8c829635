import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiutong, type Liutong } from '../liutong.app.js';
import { openDatabase } from '../platform/database/database.js';
import { lockDataDir, DataDirLockedError } from '../platform/database/data-dir.lock.js';
import { testConfig } from '../../test/harness.js';
import { main, UsageError } from './main.js';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), `liutong-cli-${p}-`));

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('liutong CLI on an embedded store', () => {
  const dir = tmp('data');
  const env = { LIUTONG_KEY_ENCRYPTION_SECRET: 'cli-test-secret-0123456789' };
  let lt: Liutong;
  let receiptFile: string;
  let vkeyFile: string;
  let didFile: string;

  beforeAll(async () => {
    Object.assign(process.env, env);
    const config = testConfig({ dataDir: dir, keyEncryptionSecret: env.LIUTONG_KEY_ENCRYPTION_SECRET });
    lt = await createLiutong(config, { startRelay: false });
    await lt.identity.organisations.bootstrapAdmin('Admin-Passw0rd!');
    const org = await lt.identity.organisations.create({ name: { zh: '命令行测试', en: 'CLI test' }, uscc: '91440300708461136T', roles: ['enterprise'] }, null);
    await lt.identity.seals.sign(org.id, { hello: '世界' }, null);
    await lt.exchange.books.deposit(org.id, 12_345n, 'cli-dep-1', '入金', null);
    await lt.flush();
    const receipt = await lt.ledger.receipt(2);
    receiptFile = path.join(dir, 'receipt.json');
    writeFileSync(receiptFile, JSON.stringify(receipt));
    const key = await lt.ledger.publicKey();
    vkeyFile = path.join(dir, 'ledger.vkey');
    writeFileSync(vkeyFile, `${key.verifierKey}\n`);
    didFile = path.join(dir, 'did.json');
    writeFileSync(didFile, JSON.stringify({ id: 'did:web:liutong.test', verificationMethod: [{ id: 'did:web:liutong.test#l', type: 'JsonWebKey', publicKeyJwk: key.publicJwk }] }));
    await lt.close();
  }, 120_000);

  afterAll(() => {
    for (const k of Object.keys(env)) delete process.env[k];
  });

  it('verifies the ledger it wrote', async () => {
    const r = await run(['ledger', 'verify', '--data-dir', dir]);
    expect(r.out).toMatch(/^OK: \d+ entries/);
    expect(r.code).toBe(0);
  });

  it('verifies a receipt offline with a key file or a DID document, and rejects a tampered one', async () => {
    expect((await run(['receipt', 'verify', receiptFile, '--key', vkeyFile])).code).toBe(0);
    const viaDid = await run(['receipt', 'verify', receiptFile, '--key', didFile]);
    expect(viaDid.out).toMatch(/^VALID: entry 2/);
    const receipt = JSON.parse(readFileSync(receiptFile, 'utf8'));
    receipt.entry.time = '2020-01-01T00:00:00.000Z';
    const bad = path.join(dir, 'bad-receipt.json');
    writeFileSync(bad, JSON.stringify(receipt));
    const r = await run(['receipt', 'verify', bad, '--key', vkeyFile]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('INVALID: leaf_hash');
  });

  it('backs up, restores into an empty directory, and the restored ledger verifies; tampering is caught', async () => {
    const file = path.join(tmp('backup'), 'liutong.tgz');
    const b = await run(['backup', file, '--data-dir', dir]);
    expect(b.code).toBe(0);
    const target = tmp('restore');
    expect((await run(['restore', file, '--data-dir', target])).code).toBe(0);
    const verified = await run(['ledger', 'verify', '--data-dir', target]);
    expect(verified.code).toBe(0);
    await expect(run(['restore', file, '--data-dir', target])).rejects.toThrow(UsageError);

    const db = await openDatabase({ dataDir: target });
    await sql`update ledger_entry set entry = replace(entry, '"v":1', '"v":2') where idx = 1`.execute(db.db);
    await db.close();
    const tampered = await run(['ledger', 'verify', '--data-dir', target]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/first bad index 1\b/);
  });

  it("reconciles the exchange's books, and names a tampered balance", async () => {
    const ok = await run(['books', 'reconcile', '--data-dir', dir]);
    expect(ok.out).toBe('OK: the books balance — 1 journals, 2 postings, 2 accounts.');
    expect(ok.code).toBe(0);
    const target = tmp('books');
    const file = path.join(tmp('books-backup'), 'liutong.tgz');
    expect((await run(['backup', file, '--data-dir', dir])).code).toBe(0);
    expect((await run(['restore', file, '--data-dir', target])).code).toBe(0);
    const db = await openDatabase({ dataDir: target });
    await sql`update exchange_account set balance_fen = balance_fen + 100 where kind = 'bank'`.execute(db.db);
    await db.close();
    const bad = await run(['books', 'reconcile', '--data-dir', target]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^FAILED: 2 problem\(s\)/);
    expect(bad.out).toMatch(/account acc_[0-9a-z]{20}: balance 12445 but lines sum to 12345/);
    await expect(run(['books', 'check'])).rejects.toThrow(UsageError);
  });

  it('refuses to open a data directory another live process holds', () => {
    const d = tmp('lock');
    writeFileSync(path.join(d, 'liutong.lock'), String(process.ppid));
    expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    writeFileSync(path.join(d, 'liutong.lock'), '999999999');
    const release = lockDataDir(d); // stale lock taken over
    release();
  });

  it('makes witness keys and prints the verifier key', async () => {
    const out = path.join(tmp('w'), 'witness.key');
    const r = await run(['witness', 'keygen', '--name', 'witness.gd', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^witness\.gd\+[0-9a-f]{8}\+/);
    expect(readFileSync(out, 'utf8')).toMatch(/^PRIVATE\+KEY\+witness\.gd\+/);
    await expect(run(['witness', 'keygen', '--name', 'witness.gd', '--out', out])).rejects.toThrow(/exists/);
  });

  it('creates another platform administrator who can log in', async () => {
    const r = await run(['admin', 'create', '--username', 'ops', '--password', 'Ops-Passw0rd-2026', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("'ops'");
    const lt2 = await createLiutong(testConfig({ dataDir: dir, keyEncryptionSecret: env.LIUTONG_KEY_ENCRYPTION_SECRET }), { startRelay: false });
    try {
      const session = await lt2.identity.auth.login('ops', 'Ops-Passw0rd-2026');
      const principal = await lt2.identity.auth.authenticate(session.token);
      expect(principal?.orgRoles).toEqual(['platform_admin']);
    } finally {
      await lt2.close();
    }
    expect((await run(['ledger', 'verify', '--data-dir', dir])).code).toBe(0);
  });

  it('reports usage errors', async () => {
    await expect(run(['frobnicate'])).rejects.toThrow(UsageError);
    await expect(run(['ledger', 'verify', '--bogus'])).rejects.toThrow(UsageError);
    expect((await run(['version'])).out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the installed binary starts, answers /healthz and stops on SIGTERM', async () => {
    const data = tmp('start');
    const child = spawn(process.execPath, ['bin/liutong.js', 'start', '--port', '0', '--data-dir', data], {
      env: { ...process.env, LIUTONG_ADMIN_PASSWORD: 'Start-Passw0rd!', LIUTONG_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 90_000);
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /running at (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'Start-Passw0rd!' }) });
    expect(login.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const v = await run(['ledger', 'verify', '--data-dir', data]);
    expect(v.code).toBe(0);
  }, 120_000);
});
