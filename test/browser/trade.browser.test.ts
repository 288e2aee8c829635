import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, clickUntil, confirmAction, DEMO_PASSWORD, describeBrowser, fitsWidth, visit } from './browser.harness.js';

/*
 * One broker-mediated trade from money in to money out, through the console: the exchange's finance
 * staff record the bank's deposit; the bank asks to buy the factory's one-off energy index (listed by
 * the factory's broker under its sell mandate); the factory seals the contract, the bank seals and
 * pays into escrow, the broker seals, the factory puts it in force; the factory delivers a file, the
 * bank downloads it through a link (the bytes checked) and accepts; finance runs settlement for the
 * due business date (today: the browser harness settles T+0); the statements show the seller's proceeds and the broker's
 * commission, the settlement the exchange's fee, adding up to what the bank paid; the bank's
 * transaction certificate verifies. The broker and finance work in English.
 *
 * Direct service calls: none that change anything. The test reads organisation ids, the listing's id
 * and the broker's mandate from the services only to know what to look for (and what the split must
 * be); everything that moves money or a contract happens in the browser.
 */

const LISTING = '产线能耗指数（一次性买断·历史数据）';
const LISTING_EN = 'Production line energy index (history, one-off)';
/** The exchange's finance user: the demo seeds none, so the exchange's administrator adds one in the console. */
const FINANCE_USER = 'exchange.treasury';

const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const at = (page: Page, state: string) => page.locator(`[data-testid="negotiation"][data-state="${state}"]`).waitFor({ timeout: 20_000 });
const option = (page: Page, text: string) => page.locator('.ant-select-item-option:visible', { hasText: text });
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
/** An instant as the console shows it in Beijing time, without seconds: `2026-12-08 14:03`. */
const beijing = (iso: string) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};
const fen = async (page: Page, selector: string) => (await page.locator(selector).first().getAttribute('data-fen', { timeout: 20_000 }))!;

describeBrowser('one broker-mediated trade to settlement (交付 → 验收 → 清结算) in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const principal = (org: { id: string; roles: readonly string[] }) => ({ kind: 'user', orgId: org.id, orgRoles: [...org.roles], memberRole: 'org_admin', personRoles: [], displayName: 'test' }) as any;
  const FILE = Buffer.from('line,date,kwh_per_unit\nL1,2025-10-01,3.51\nL2,2025-10-01,2.98\nL3,2025-10-01,3.07\n# 产线能耗指数 历史数据（浏览器测试）\n', 'utf8');
  const state = { negotiationId: '', deliveryId: '', dueOn: '', batchId: '', batchJournal: '', amountFen: '', sellerFen: '', brokerFen: '', feeFen: '' };
  let finance: Page;
  let bank: Page;

  it('the exchange adds a finance user, who records the bank’s deposit on the books page (a repeated bank reference posts nothing)', async () => {
    const { url, login } = env();
    const exchangeOrg = await orgByName('数据交易所');
    const bankOrg = await orgByName('商业银行');
    expect(exchangeOrg.name.zh).toBe('广州数据交易所（演示）');

    // The demo has no finance user at the exchange: its administrator adds one (member role finance).
    const admin = await (await env().context()).newPage();
    await login(admin, 'exchange');
    await visit(admin, `${url}/console/orgs/${exchangeOrg.id}`);
    await admin.getByRole('tab', { name: '用户' }).click();
    await clickUntil(admin.getByTestId('user-add'), admin.getByTestId('user-username'));
    await admin.getByTestId('user-username').fill(FINANCE_USER);
    await admin.getByTestId('user-display-name').fill('资金结算岗');
    await admin.getByTestId('user-password').fill(DEMO_PASSWORD);
    await chooseOption(admin.getByTestId('user-member-role'), option(admin, '财务人员'), admin.getByTestId('user-member-role').filter({ hasText: '财务人员' }));
    await clickUntil(admin.getByTestId('form-submit'), admin.locator(`[data-testid="user-${FINANCE_USER}"][data-member-role="finance"]`));

    // Finance opens the books, picks the bank and records ¥50,000 received at the bank.
    finance = await (await env().context()).newPage();
    await login(finance, FINANCE_USER);
    await visit(finance, `${url}/console/exchange/books`);
    await finance.getByTestId('books-title').waitFor();
    await finance.getByTestId('books-reconciliation').waitFor();
    await chooseOption(finance.getByTestId('books-org'), option(finance, '广州某商业银行'), finance.locator(`[data-testid="books"][data-org="${bankOrg.id}"]`));
    const before = BigInt(await fen(finance, `[data-testid="books-available"][data-fen]:not([data-fen=""])`));
    await clickUntil(finance.getByTestId('books-deposit'), finance.getByTestId('money-amount'));
    await expect(finance.getByTestId('money-org').innerText()).resolves.toContain('广州某商业银行');
    await input(finance, 'money-amount').fill('50,000');
    await input(finance, 'money-ref').fill('ICBC-20261201-TRADE-0001');
    await input(finance, 'money-memo').fill('数据采购备付金（浏览器测试）');
    await clickUntil(finance.getByTestId('form-submit'), finance.locator('[data-testid="books-posted"][data-duplicate="false"]'));
    const after = (before + 5_000_000n).toString();
    await finance.locator(`[data-testid="books-posted"][data-available-fen="${after}"]`).waitFor();
    await finance.locator(`[data-testid="books-available"][data-fen="${after}"]`).waitFor({ timeout: 20_000 });
    const journal = (await finance.getByTestId('books-posted').getAttribute('data-journal'))!;
    await finance.locator(`[data-journal="${journal}"][data-kind="deposit"][data-fen="5000000"]`).waitFor();

    // The same bank reference again: nothing is posted twice, and the page says so.
    await clickUntil(finance.getByTestId('books-deposit'), finance.getByTestId('money-amount'));
    await input(finance, 'money-amount').fill('50000');
    await input(finance, 'money-ref').fill('ICBC-20261201-TRADE-0001');
    await clickUntil(finance.getByTestId('form-submit'), finance.locator('[data-testid="books-posted"][data-duplicate="true"]'));
    await finance.locator(`[data-testid="books-posted"][data-available-fen="${after}"]`).waitFor();
    await finance.locator(`[data-testid="books-available"][data-fen="${after}"]`).waitFor();
    await env().screenshot(finance, 'trade-books-deposit');
  });

  it('the bank asks to buy the energy index listed by the factory’s broker; the factory seals, the bank seals and pays into escrow, the broker seals (in English), the factory puts the contract in force', async () => {
    const { url, login, lt, screenshot } = env();
    const listing = (await lt.exchange.listings.market({ page: 1, pageSize: 100 } as any)).items.find((l: { title: { zh: string } }) => l.title.zh === LISTING)!;
    expect(listing).toMatchObject({ status: 'listed', pricing: { model: 'one_off', amountFen: '3000000' } });
    expect(listing.broker?.name.zh).toBe('广州某数据经纪有限公司（演示）');

    bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/market`);
    await bank.getByTestId('market-listings-title').waitFor();
    await input(bank, 'market-search').fill('能耗');
    await input(bank, 'market-search').press('Enter');
    await bank.getByTestId(`market-link-${listing.id}`).click();
    await bank.getByTestId('market-listing-title').filter({ hasText: LISTING }).waitFor();
    await clickUntil(bank.getByTestId('request-to-buy'), bank.getByTestId('terms-form'));
    await expect(input(bank, 'terms-price').inputValue()).resolves.toBe('30000.00');
    await bank.locator('[data-testid="terms-amount"][data-fen="3000000"]').waitFor();
    await bank.getByTestId('terms-note').fill('历史能耗数据用于绿色信贷模型回测（浏览器测试）');
    await clickUntil(bank.getByTestId('form-submit'), bank.locator('[data-testid="negotiation"][data-state="REQUESTED"]'));
    state.negotiationId = bank.url().split('/').pop()!;
    expect(state.negotiationId).toMatch(/^neg_[0-9a-z]{20}$/);
    state.amountFen = (await bank.getByTestId('negotiation-terms').getAttribute('data-amount-fen'))!;
    expect(state.amountFen).toBe('3000000');
    const negPath = `${url}/console/exchange/negotiations/${state.negotiationId}`;

    // The factory (the seller) agrees: its seal on the contract.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await visit(factory, negPath);
    await at(factory, 'REQUESTED');
    await confirmAction(factory, factory.getByTestId('negotiation-agree'), factory.locator('[data-testid="negotiation"][data-state="AGREED"]'));
    await factory.locator('[data-testid="seal-sellerBroker"][data-sealed="false"]').waitFor();

    // The bank seals and pays ¥30,000 into escrow.
    await bank.reload();
    await at(bank, 'AGREED');
    await expect(bank.getByTestId('negotiation-escrow-hint').innerText()).resolves.toContain('¥30,000.00');
    await expect(bank.getByTestId('negotiation-escrow-hint').getAttribute('data-due-fen')).resolves.toBe('3000000'); // escrowDueFen: no buyer's broker, the amount
    await confirmAction(bank, bank.getByTestId('negotiation-verify'), bank.locator('[data-testid="negotiation"][data-state="VERIFIED"]'));
    await bank.locator('[data-testid="negotiation-escrow"][data-fen="3000000"]').waitFor();

    // The factory may not finalise before its broker sealed.
    await factory.reload();
    await at(factory, 'VERIFIED');
    await factory.getByTestId('negotiation-awaiting-brokers').waitFor();
    await expect(factory.getByTestId('negotiation-finalize').count()).resolves.toBe(0);

    // The broker, in English, seals as witness of the seller's side.
    const broker = await (await env().context()).newPage();
    await login(broker, 'broker1');
    await broker.getByTestId('language-switch').getByText('English').click();
    await visit(broker, negPath);
    await at(broker, 'VERIFIED');
    await broker.getByTestId('negotiation-title').filter({ hasText: LISTING_EN }).waitFor();
    await confirmAction(broker, broker.getByTestId('negotiation-seal'), broker.locator('[data-testid="seal-sellerBroker"][data-sealed="true"]'));
    await screenshot(broker, 'trade-broker-sealed-en');

    // The factory puts the contract in force; the delivery section opens for it.
    await factory.reload();
    await at(factory, 'VERIFIED');
    await confirmAction(factory, factory.getByTestId('negotiation-finalize'), factory.locator('[data-testid="negotiation"][data-state="FINALIZED"]'));
    await factory.getByTestId('delivery-form').waitFor();
    await factory.locator('[data-testid="settlement"][data-status="none"]').waitFor();
  });

  it('the factory delivers a file; the bank downloads it through a one-time link (the bytes and their SHA-256 check out) and accepts before the date shown in Beijing time; the split is fixed', async () => {
    const { url, login, lt, screenshot } = env();
    const negPath = `${url}/console/exchange/negotiations/${state.negotiationId}`;
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await visit(factory, negPath);
    await at(factory, 'FINALIZED');
    await factory.getByTestId('delivery-form').locator('input[type=file]').setInputFiles({ name: '产线能耗指数_历史_2025.csv', mimeType: 'text/csv', buffer: FILE });
    await factory.locator(`[data-testid="delivery-chosen"][data-size="${FILE.length}"]`).waitFor();
    await factory.getByTestId('delivery-note').fill('2025 年 10 月全部产线能耗历史数据');
    await clickUntil(factory.getByTestId('delivery-submit'), factory.locator('[data-testid="deliveries"][data-count="1"]'));
    const row = factory.locator('[data-testid="deliveries"] tr[data-sha256]').first();
    await expect(row.getAttribute('data-sha256')).resolves.toBe(sha256(FILE));
    await expect(row.getAttribute('data-size')).resolves.toBe(String(FILE.length));
    state.deliveryId = (await row.getAttribute('data-testid'))!.replace(/^delivery-/, '');
    // Once delivered, the seller may not take the file back from the buyer's link or accept for it.
    await expect(factory.getByTestId(`delivery-link-${state.deliveryId}`).count()).resolves.toBe(0);
    await expect(factory.getByTestId('acceptance-accept').count()).resolves.toBe(0);

    // The bank takes a link and downloads the file through it: one use of the contract.
    await bank.reload();
    await at(bank, 'FINALIZED');
    await bank.locator('[data-testid="delivery-section"][data-delivered="true"]').waitFor();
    await expect(bank.getByTestId('delivery-form').count()).resolves.toBe(0);
    await clickUntil(bank.getByTestId(`delivery-link-${state.deliveryId}`), bank.getByTestId(`delivery-download-${state.deliveryId}`));
    const expires = (await bank.getByTestId(`delivery-link-info-${state.deliveryId}`).getAttribute('data-expires'))!;
    expect(new Date(expires).getTime()).toBeGreaterThan(Date.now());
    const [download] = await Promise.all([bank.waitForEvent('download'), bank.getByTestId(`delivery-download-${state.deliveryId}`).click()]);
    const bytes = readFileSync((await download.path())!);
    expect(Buffer.compare(bytes, FILE)).toBe(0);
    expect(download.suggestedFilename()).toBe('产线能耗指数_历史_2025.csv');
    const fetched = bank.getByTestId(`delivery-fetched-${state.deliveryId}`);
    await expect(fetched.getAttribute('data-match')).resolves.toBe('true');
    await expect(fetched.getAttribute('data-sha256')).resolves.toBe(sha256(FILE));
    await expect(fetched.getAttribute('data-uses-left')).resolves.toBe('unlimited');

    // The acceptance date, in Beijing time whatever the browser's zone (this one is New York's).
    const n = await lt.exchange.negotiations.get(state.negotiationId, principal(await orgByName('商业银行')));
    expect(n.uses).toBe(1);
    await expect(bank.getByTestId('acceptance-due').innerText()).resolves.toContain(beijing(n.acceptanceDue!));
    await bank.reload();
    await bank.locator('[data-testid="delivery-uses"][data-uses="1"]').waitFor({ timeout: 20_000 });
    await expect(bank.getByTestId('acceptance-hint').innerText()).resolves.toContain(beijing(n.acceptanceDue!));
    await screenshot(bank, 'trade-delivered');

    // The bank accepts: the deal's split is fixed, due T+n (exchange.settlementLagDays; the browser
    // harness runs T+0, since nothing may be settled before its day comes): due today in Beijing.
    await confirmAction(bank, bank.getByTestId('acceptance-accept'), bank.locator('[data-testid="settlement"][data-status="pending"]'));
    await bank.locator('[data-testid="acceptance-status"][data-status="accepted"]').waitFor();
    state.dueOn = (await bank.getByTestId('settlement').getAttribute('data-due-on'))!;
    expect(lt.kernel.config.exchange.settlementLagDays).toBe(0);
    expect(state.dueOn).toBe(beijing(new Date().toISOString()).slice(0, 10));
    // The split as the exchange's configuration and the seller's mandate make it: fee, the broker's commission, the rest to the seller.
    const brokerOrg = await orgByName('数据经纪有限公司');
    const mandate = (await lt.exchange.members.mandates(principal(brokerOrg), { box: 'broker', page: 1, pageSize: 50 } as any)).items.find((m: { clientName: { zh: string }; side: string }) => m.side === 'sell' && m.clientName.zh.includes('佛山'))!;
    const amount = BigInt(state.amountFen);
    const feeBp = BigInt(lt.kernel.config.exchange.feeBp);
    const half = (bp: bigint) => (amount * bp + 5_000n) / 10_000n;
    state.feeFen = await fen(bank, '[data-testid="settlement-line-fee"]');
    state.brokerFen = await fen(bank, '[data-testid="settlement-line-sellerBroker"]');
    state.sellerFen = await fen(bank, '[data-testid="settlement-line-seller"]');
    expect(BigInt(state.feeFen)).toBe(half(feeBp));
    expect(BigInt(state.brokerFen)).toBe(half(BigInt(mandate.commissionBp)));
    expect(BigInt(state.sellerFen)).toBe(amount - BigInt(state.feeFen) - BigInt(state.brokerFen));
    await expect(bank.locator('[data-testid="settlement-line-buyerBroker"]').count()).resolves.toBe(0);
    await expect(bank.getByTestId('settlement-lines').getAttribute('data-sum-fen')).resolves.toBe(state.amountFen);
    await expect(bank.getByTestId('settlement-line-sellerBroker').innerText()).resolves.toContain('广州某数据经纪有限公司');
    await screenshot(bank, 'trade-accepted');
  });

  it('finance runs settlement for the due business date (in English); the seller’s proceeds and the broker’s commission reach their statements, the fee and they add up to what the bank paid, the books reconcile', async () => {
    const { url, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const brokerOrg = await orgByName('数据经纪有限公司');

    await finance.getByTestId('language-switch').getByText('English').click();
    await visit(finance, `${url}/console/exchange/settlements`);
    await finance.getByTestId('settlements-title').filter({ hasText: 'Settlement' }).waitFor();
    await finance.getByTestId('settlements-date').fill(state.dueOn);
    await clickUntil(finance.getByTestId('settlements-submit'), finance.locator(`[data-testid="settlements-result"][data-date="${state.dueOn}"]`));
    const result = finance.getByTestId('settlements-result');
    expect(Number(await result.getAttribute('data-items'))).toBeGreaterThanOrEqual(1);
    const batchIds = (await result.getAttribute('data-batches'))!.split(',').filter(Boolean);
    expect(batchIds.length).toBeGreaterThanOrEqual(1);

    // The bank's contract is settled, in one of this run's batches.
    await bank.reload();
    await bank.locator('[data-testid="settlement"][data-status="settled"]').waitFor({ timeout: 20_000 });
    const batchId = (await bank.getByTestId('settlement').getAttribute('data-batch'))!;
    expect(batchIds).toContain(batchId);
    state.batchId = batchId;
    const batchRow = finance.getByTestId(`batch-${batchId}`);
    await batchRow.waitFor({ timeout: 20_000 });
    await expect(batchRow.getAttribute('data-date')).resolves.toBe(state.dueOn);
    state.batchJournal = (await batchRow.getAttribute('data-journal'))!;
    // A second run for the same day settles nothing more.
    await clickUntil(finance.getByTestId('settlements-submit'), finance.locator(`[data-testid="settlements-result"][data-items="0"]`));
    await screenshot(finance, 'trade-settlement-en');

    // The statements: the seller's proceeds and the broker's commission, credited by the batch's journal.
    await visit(finance, `${url}/console/exchange/books`);
    await chooseOption(finance.getByTestId('books-org'), option(finance, 'Foshan Manufacturing'), finance.locator(`[data-testid="books"][data-org="${factoryOrg.id}"]`));
    const sellerLine = finance.locator(`[data-journal="${state.batchJournal}"][data-account="member_available"]`);
    await sellerLine.waitFor({ timeout: 20_000 });
    await expect(sellerLine.getAttribute('data-fen')).resolves.toBe(state.sellerFen);
    await expect(sellerLine.getAttribute('data-kind')).resolves.toBe('settlement');
    await expect(sellerLine.innerText()).resolves.toContain('Settlement');
    await visit(finance, `${url}/console/exchange/books?org=${brokerOrg.id}`);
    const brokerLine = finance.locator(`[data-journal="${state.batchJournal}"][data-account="member_available"]`);
    await brokerLine.waitFor({ timeout: 20_000 });
    await expect(brokerLine.getAttribute('data-fen')).resolves.toBe(state.brokerFen);
    await finance.locator('[data-testid="books-reconciliation"][data-ok="true"]').waitFor({ timeout: 20_000 });
    await screenshot(finance, 'trade-books-broker-en');
    // The exchange's own accounts: the fee income credited by the same journal.
    await chooseOption(finance.getByTestId('books-org'), option(finance, "The exchange's own accounts"), finance.locator('[data-testid="books"][data-org="exchange"]'));
    const feeLine = finance.locator(`[data-journal="${state.batchJournal}"][data-account="fee_income"]`);
    await feeLine.waitFor({ timeout: 20_000 });
    await expect(feeLine.getAttribute('data-fen')).resolves.toBe(state.feeFen);
    await finance.getByTestId('books-account-fee_income').waitFor();
    await expect(finance.getByTestId('books-available').count()).resolves.toBe(0);

    // The bank's own statement: what it paid into escrow for this contract, released by the same journal.
    await visit(bank, `${url}/console/exchange/books`);
    const paid = bank.locator(`[data-ref="escrow:${state.negotiationId}"][data-account="member_available"]`);
    await paid.waitFor({ timeout: 20_000 });
    await expect(paid.getAttribute('data-fen')).resolves.toBe(`-${state.amountFen}`);
    const released = bank.locator(`[data-journal="${state.batchJournal}"][data-account="escrow"]`);
    await expect(released.getAttribute('data-fen')).resolves.toBe(`-${state.amountFen}`);
    await expect(bank.getByTestId(`books-escrow-${state.negotiationId}`).count()).resolves.toBe(0);
    // Seller + broker + the exchange's fee = what the bank paid.
    expect(BigInt(state.sellerFen) + BigInt(state.brokerFen) + BigInt(state.feeFen)).toBe(BigInt(state.amountFen));
    await screenshot(bank, 'trade-books-bank');
    // The settlement line opens its batch: the bank sees its own deal in it, with the split.
    await bank.getByTestId(`books-batch-link-${state.batchId}`).first().click();
    const deal = bank.getByTestId(`batch-deal-${state.negotiationId}`);
    await deal.waitFor({ timeout: 20_000 });
    await expect(bank.getByTestId('batch').getAttribute('data-date')).resolves.toBe(state.dueOn);
    await expect(deal.getAttribute('data-fen')).resolves.toBe(state.amountFen);
    await expect(bank.getByTestId(`batch-lines-${state.negotiationId}`).getAttribute('data-sum-fen')).resolves.toBe(state.amountFen);
    await expect(deal.getAttribute('data-contract')).resolves.toMatch(/\S/);
  });

  it('the bank opens its transaction certificate from the contract and it verifies', async () => {
    const { url, screenshot } = env();
    await visit(bank, `${url}/console/exchange/negotiations/${state.negotiationId}`);
    await bank.locator('[data-testid="trade-certificate-status"][data-status="active"]').waitFor({ timeout: 20_000 });
    const contractNumber = await bank.getByTestId('negotiation-contract-number').innerText();
    await bank.getByTestId('trade-certificate-link').click();
    await bank.locator('[data-testid="cert-detail"][data-status="active"]').waitFor({ timeout: 20_000 });
    await bank.locator('[data-testid="cert-side"][data-side="holder"]').waitFor();
    await bank.locator('[data-testid="cert-verdict"][data-valid="true"]').waitFor({ timeout: 20_000 });
    await expect(bank.getByTestId('cert-field-contract').innerText()).resolves.toContain(contractNumber);
    await expect(bank.getByTestId('cert-field-amount').getAttribute('data-fen')).resolves.toBe(state.amountFen);
    await expect(bank.getByTestId('cert-field-listing').innerText()).resolves.toContain(LISTING);
    await expect(bank.getByTestId('cert-field-seller').innerText()).resolves.toContain('佛山某制造有限公司');
    await expect(bank.getByTestId('cert-field-buyer').innerText()).resolves.toContain('广州某商业银行');
    await expect(bank.getByTestId('cert-field-brokers').innerText()).resolves.toContain('广州某数据经纪有限公司');
    await screenshot(bank, 'trade-certificate');
  });

  it('the new pages fit a 390 px wide screen', async () => {
    const { url, login } = env();
    const phone = await (await env().context({ width: 390, height: 844 })).newPage();
    await login(phone, 'bank');
    for (const [p, ready] of [
      [`/console/exchange/negotiations/${state.negotiationId}`, 'settlement-lines'],
      ['/console/exchange/books', 'books-statement'],
    ] as const) {
      await visit(phone, `${url}${p}`);
      await phone.getByTestId(ready).waitFor({ timeout: 20_000 });
      const fit = await fitsWidth(phone);
      expect(fit, `${p} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    }
    await env().screenshot(phone, 'trade-negotiation-390');
    const desk = await (await env().context({ width: 390, height: 844 })).newPage();
    await login(desk, FINANCE_USER);
    for (const [p, ready] of [
      ['/console/exchange/settlements', 'settlements-batches'],
      ['/console/exchange/books', 'books-reconciliation'],
    ] as const) {
      await visit(desk, `${url}${p}`);
      await desk.getByTestId(ready).waitFor({ timeout: 20_000 });
      const fit = await fitsWidth(desk);
      expect(fit, `${p} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    }
    await env().screenshot(desk, 'trade-settlements-390');
  });
});
