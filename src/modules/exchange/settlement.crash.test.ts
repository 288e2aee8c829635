import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { cloneDatabase, describeEachEngine } from '../../../test/db.js';
import { randomUscc, testConfig } from '../../../test/harness.js';
import { createLiutong } from '../../liutong.app.js';
import { openDatabase, type Database } from '../../platform/database/database.js';
import { newId } from '../../platform/ids.js';
import { reconcileBooks } from './book.service.js';
import * as lrepo from './listing.repository.js';
import * as nrepo from './negotiation.repository.js';
import * as srepo from './settlement.repository.js';

const DEALS = 600;
const BATCH = 30;
const PRICE = 12_345n;
const SECRET = 'test-key-encryption-secret';

/** Runs `liutong settle` in a child process; `killAfter` batches printed, it is killed with SIGKILL. */
function settle(target: string[], killAfter?: number): Promise<{ code: number | null; signal: string | null; batches: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/liutong.js', 'settle', ...target], {
      env: { ...process.env, LIUTONG_KEY_ENCRYPTION_SECRET: SECRET, LIUTONG_EXCHANGE_SETTLEMENT_BATCH_SIZE: String(BATCH), LIUTONG_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let batches = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`settle did not finish: ${out}`));
    }, 150_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      batches = (out.match(/^batch /gm) ?? []).length;
      if (killAfter !== undefined && batches >= killAfter) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, batches, out });
    });
  });
}

describeEachEngine('settlement survives a crash (SIGKILL mid-run): the books balance, a re-run settles each deal exactly once', (engine) => {
  it(`settles ${DEALS} accepted deals in batches of ${BATCH}, killed after three batches, then completed`, async () => {
    // A store of its own: the CLI opens it in another process.
    let db: Database & { url?: string };
    let target: string[];
    const config = testConfig();
    if (engine === 'pglite') {
      db = await openDatabase({ dataDir: config.dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
      target = ['--data-dir', config.dataDir];
    } else {
      db = await cloneDatabase('postgres');
      target = ['--database-url', db.url!];
    }
    const lt = await createLiutong({ ...config, databaseUrl: db.url }, { database: db, migrated: true, startRelay: false });
    const seller = await lt.identity.organisations.create({ name: { zh: '结算卖方', en: 'Settling seller' }, uscc: randomUscc(), roles: ['enterprise'] }, null);
    const buyer = await lt.identity.organisations.create({ name: { zh: '结算买方', en: 'Settling buyer' }, uscc: randomUscc(), roles: ['enterprise'] }, null);
    // Seeded in the exchange's own tables (the services' gates are tested elsewhere): one listing,
    // DEALS finalised and accepted contracts, their escrow paid in one journal, their items due today.
    const now = lt.kernel.clock.now();
    const listing: lrepo.ListingRow = {
      id: newId('lst'), sellerOrgId: seller.id, brokerOrgId: null, mandateId: null, assetId: 'rga_settlement', registrationNumber: 'GDDA-2026-999999', title: { zh: '结算测试', en: 'Settlement test' },
      description: { zh: '结算', en: 'Settlement' }, category: 'other', region: 'guangdong', dataKinds: ['aggregated'], sample: { kind: 'synthetic', mediaType: 'text/csv', content: 'a\n1\n' },
      deliveryMethods: ['file'], pricing: { model: 'one_off', amountFen: PRICE.toString() }, policy: { purposes: ['测试'], periodDays: 30, maxUses: null, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: false },
      publicData: null, status: 'listed', digest: 'sha256:0', assessorOrgId: null, assessmentId: null, exchangeOrgId: null, reason: null, terms: [], createdBy: null, createdAt: now, updatedAt: now,
      submittedAt: now, listedAt: now, endedAt: null,
    };
    await lt.kernel.db.transaction().execute((tx) => lrepo.insertListing(tx, listing));
    await lt.exchange.books.deposit(buyer.id, PRICE * BigInt(DEALS), 'bank-settlement-seed', '入金', null);
    const available = await lt.exchange.books.account('member_available', buyer.id);
    const deals: nrepo.NegotiationRow[] = [];
    const escrowLines: Array<{ accountId: string; amountFen: bigint }> = [{ accountId: available.id, amountFen: PRICE * BigInt(DEALS) }];
    for (let i = 0; i < DEALS; i++) {
      const n: nrepo.NegotiationRow = {
        id: newId('neg'), listingId: listing.id, sellerOrgId: seller.id, buyerOrgId: buyer.id, sellerBrokerOrgId: null, buyerBrokerOrgId: null, sellerMandateId: null, buyerMandateId: null,
        state: 'FINALIZED', terms: { priceFen: PRICE.toString(), quantity: 1, purposes: ['测试'], periodDays: 30, maxUses: null }, amountFen: PRICE, round: 5, contractNumber: `GDDE-2026-${String(i + 1).padStart(6, '0')}`,
        document: 'x', documentDigest: 'sha256:x', seals: {}, escrowJournalId: null, escrowFen: PRICE, uses: 0, reason: null, startsOn: '2026-01-01', endsOn: '2099-01-01',
        deliveredAt: now, acceptanceDue: now, acceptedAt: now, acceptedBy: 'buyer', finalizedEvent: null, destruction: null, grantId: null, billByUse: false, billedUses: null, billedAt: null, createdAt: now, updatedAt: now, agreedAt: now, verifiedAt: now, finalizedAt: now, terminatedAt: null,
      };
      deals.push(n);
      escrowLines.push({ accountId: (await lt.exchange.books.account('escrow', buyer.id, n.id)).id, amountFen: -PRICE });
    }
    await lt.exchange.books.post({ kind: 'escrow', ref: 'escrow:settlement-seed', memo: '托管', lines: escrowLines }, null);
    const items: srepo.ItemRow[] = [];
    for (const n of deals) items.push({ ...(await lt.exchange.settlements.itemFor(n, listing, now)), dueOn: '2026-01-01' });
    await lt.kernel.db.transaction().execute(async (tx) => {
      for (const n of deals) await nrepo.insertNegotiation(tx, n);
      for (const it of items) await srepo.insertItem(tx, it);
    });
    const sellerShare = BigInt(items[0]!.lines.find((l) => l.to === 'seller')!.amountFen);
    await lt.close();
    if (engine === 'pglite') await db.close();

    // Killed after three committed batches.
    const killed = await settle(target, 3);
    expect(killed.signal, killed.out).toBe('SIGKILL');
    expect(killed.batches).toBeGreaterThanOrEqual(3);

    const reopen = async () => (engine === 'pglite' ? openDatabase({ dataDir: config.dataDir }) : db);
    let check = await reopen();
    expect(await reconcileBooks(check.db)).toMatchObject({ ok: true, problems: [] });
    const settledAfterKill = Number((await sql<{ n: string }>`select count(*) as n from exchange_settlement_item where status = 'settled'`.execute(check.db)).rows[0]!.n);
    expect(settledAfterKill).toBeGreaterThanOrEqual(3 * BATCH);
    expect(settledAfterKill).toBeLessThan(DEALS);
    expect(settledAfterKill % BATCH).toBe(0); // whole batches only
    if (engine === 'pglite') await check.close();

    // The re-run settles the rest, each once.
    const rerun = await settle(target);
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toContain(`OK: ${DEALS - settledAfterKill} deal(s) settled`);
    check = await reopen();
    try {
      expect(await reconcileBooks(check.db)).toMatchObject({ ok: true });
      const q = async (text: string) => (await check.db.executeQuery<{ n: string }>(sql.raw(text).compile(check.db))).rows[0]!.n;
      expect(Number(await q(`select count(*) as n from exchange_settlement_item where status = 'settled'`))).toBe(DEALS);
      expect(Number(await q(`select coalesce(sum(items), 0) as n from exchange_settlement_batch`))).toBe(DEALS);
      expect(Number(await q(`select count(*) as n from exchange_account where kind = 'escrow' and balance_fen <> 0`))).toBe(0);
      expect(BigInt(await q(`select -balance_fen as n from exchange_account where kind = 'member_available' and org_id = '${seller.id}'`))).toBe(sellerShare * BigInt(DEALS));
      // A third run finds nothing to do.
      const again = await settle(target);
      expect(again.out).toContain('OK: 0 deal(s) settled in 0 batch(es)');
    } finally {
      await check.close();
    }
  }, 400_000);
});
