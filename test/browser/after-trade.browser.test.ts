import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, clickUntil, confirmAction, describeBrowser, fitsWidth, visit } from './browser.harness.js';

/*
 * After the trade, in the console: disputes (the bank raises one on its climate subscription before
 * the arbitration centre; the centre rules on the demo's open dispute about the energy index's
 * fourth quarter — a refund and a penalty, executed at once in the books and the rest settled in the
 * usual split), off-exchange filings (the factory files, the bank confirms, the exchange sees all)
 * and the public trade disclosure (charts and tables as the server discloses them, withheld amounts
 * explained, in both languages), and a 390 px fit.
 *
 * The test reads organisation ids, negotiation ids and the server's own answers (the disclosure, a
 * dispute) from the services only to know what to look for; every change is made in the browser.
 */

const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const option = (page: Page, text: string) => page.locator('.ant-select-item-option:visible', { hasText: text });

describeBrowser('after the trade: disputes, off-exchange filings and the trade disclosure in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const principal = (org: { id: string; roles: readonly string[] }) => ({ kind: 'user', orgId: org.id, orgRoles: [...org.roles], memberRole: 'org_admin', personRoles: [], displayName: 'test' }) as any;

  it('the bank raises a dispute on its climate subscription before the arbitration centre; acceptance then waits', async () => {
    const { url, login, lt, screenshot } = env();
    const bankOrg = await orgByName('商业银行');
    const mine = (await lt.exchange.negotiations.list(principal(bankOrg), { page: 1, pageSize: 100, state: 'FINALIZED' } as any)).items;
    const subscription = mine.find((n: { listingTitle: { zh: string }; acceptedAt?: string | null }) => n.listingTitle.zh === '粤港澳大湾区产业景气指数')!;
    expect(subscription).toBeTruthy();

    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await visit(bank, `${url}/console/exchange/negotiations/${subscription.id}`);
    await bank.locator('[data-testid="delivery-section"][data-delivered="true"][data-accepted="false"]').waitFor({ timeout: 20_000 });
    await bank.getByTestId('acceptance-accept').waitFor();
    await clickUntil(bank.getByTestId('dispute-raise'), bank.getByTestId('dispute-claim'));
    await chooseOption(bank.getByTestId('dispute-arbitrator'), option(bank, '仲裁中心'), bank.getByTestId('dispute-arbitrator').filter({ hasText: '仲裁中心' }));
    await bank.getByTestId('dispute-claim').fill('10 月指数缺少深圳、东莞两市的数据，与合同约定的覆盖范围不符（浏览器测试）。');
    // A refund above the contract amount is caught before anything is sent.
    await input(bank, 'dispute-refund').fill('40000');
    await clickUntil(bank.getByTestId('form-submit'), bank.locator('.ant-form-item-explain-error', { hasText: '退款不得超过合同金额' }));
    await input(bank, 'dispute-refund').fill('5000');
    await clickUntil(bank.getByTestId('form-submit'), bank.locator('[data-testid="trade-disputes"][data-count="1"]'));
    await expect(bank.getByTestId('acceptance-accept').count()).resolves.toBe(0);
    await expect(bank.getByTestId('dispute-raise').count()).resolves.toBe(0);
    const disputes = (await lt.exchange.disputes.list(principal(bankOrg), { page: 1, pageSize: 50 } as any)).items.filter((d: { negotiationId: string }) => d.negotiationId === subscription.id);
    expect(disputes).toHaveLength(1);
    expect(disputes[0]).toMatchObject({ status: 'open', claimedRefundFen: '500000' });
    await bank.locator(`[data-testid="trade-dispute-${disputes[0]!.id}"]`).waitFor();
    await screenshot(bank, 'after-dispute-raised');
  });

  it('the arbitration centre rules on the open energy dispute: a refund and a penalty, executed at once; the rest settles in the usual split', async () => {
    const { url, login, lt, screenshot } = env();
    const arbitration = await orgByName('仲裁中心');
    const factoryOrg = await orgByName('佛山某制造');
    const open = (await lt.exchange.disputes.list(principal(arbitration), { page: 1, pageSize: 50, status: 'open' } as any)).items;
    const energy = open.find((d: { claimedRefundFen: string }) => d.claimedRefundFen === '2000000')!;
    expect(energy).toBeTruthy();

    const arbitrator = await (await env().context()).newPage();
    await login(arbitrator, 'arbitrator');
    await visit(arbitrator, `${url}/console/exchange/disputes`);
    await arbitrator.getByTestId('disputes-title').waitFor();
    await arbitrator.locator(`[data-testid="dispute-status-${energy.id}"][data-status="open"]`).waitFor();
    // The list names the contract and its parties.
    await expect(arbitrator.getByTestId(`dispute-contract-${energy.id}`).getAttribute('data-contract')).resolves.toMatch(/\S/);
    await expect(arbitrator.getByTestId(`dispute-parties-${energy.id}`).innerText()).resolves.toContain('佛山某制造');
    await arbitrator.getByTestId(`dispute-link-${energy.id}`).click();
    await arbitrator.locator('[data-testid="dispute"][data-status="open"]').waitFor();
    await expect(arbitrator.getByTestId('dispute-claimed').getAttribute('data-fen')).resolves.toBe('2000000');
    await arbitrator.getByTestId('dispute-arbitrator').filter({ hasText: '仲裁中心' }).waitFor();
    await arbitrator.getByTestId('dispute-seller').filter({ hasText: '佛山某制造' }).waitFor();
    await arbitrator.getByTestId('dispute-buyer').filter({ hasText: '商业银行' }).waitFor();
    // The arbitrator reads the contract it rules on.
    await arbitrator.locator('a[data-testid="dispute-contract"]').waitFor({ timeout: 20_000 });
    await arbitrator.getByTestId('ruling-text').fill('经审理，交付数据缺少 L2 产线，卖方部分违约：退还价款 ¥20,000，并支付违约金 ¥1,000（浏览器测试）。');
    await input(arbitrator, 'ruling-refund').fill('20000');
    await input(arbitrator, 'ruling-penalty').fill('1000');
    await arbitrator.getByTestId('ruling-penalty-payer').getByText('卖方').click();
    await confirmAction(arbitrator, arbitrator.getByTestId('ruling-submit'), arbitrator.locator('[data-testid="dispute"][data-status="ruled"]'));
    await expect(arbitrator.getByTestId('dispute-refund').getAttribute('data-fen')).resolves.toBe('2000000');
    await expect(arbitrator.getByTestId('dispute-penalty').getAttribute('data-fen')).resolves.toBe('100000');
    await expect(arbitrator.getByTestId('dispute-penalty').getAttribute('data-payer')).resolves.toBe('seller');
    // The rest (¥80,000 − ¥20,000) settles in the usual split, the lines adding up to it.
    const lines = arbitrator.getByTestId('dispute-settlement-lines');
    await expect(lines.getAttribute('data-sum-fen')).resolves.toBe('6000000');
    const fee = BigInt((await arbitrator.locator('[data-testid="settlement-line-fee"]').getAttribute('data-fen'))!);
    expect(fee).toBe((6_000_000n * BigInt(lt.kernel.config.exchange.feeBp) + 5_000n) / 10_000n);
    await screenshot(arbitrator, 'after-dispute-ruled');

    // The bank sees the ruling on the contract, accepted by it, and the refund and the penalty in its books.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await visit(bank, `${url}/console/exchange/disputes/${energy.id}`);
    await bank.locator('[data-testid="dispute"][data-status="ruled"]').waitFor({ timeout: 20_000 });
    await expect(bank.getByTestId('ruling-form').count()).resolves.toBe(0);
    // The contract's link once the contract loaded (before, its number shows as text).
    await bank.locator('a[data-testid="dispute-contract"]').click({ timeout: 20_000 });
    await bank.locator('[data-testid="settlement"][data-status="pending"][data-amount-fen="6000000"]').waitFor({ timeout: 20_000 });
    await bank.locator('[data-testid="acceptance"][data-accepted-by="ruling"]').waitFor();
    await visit(bank, `${url}/console/exchange/books`);
    const refund = bank.locator(`[data-ref="refund:${energy.id}"][data-account="member_available"]`);
    await refund.waitFor({ timeout: 20_000 });
    await expect(refund.getAttribute('data-fen')).resolves.toBe('2000000');
    await expect(bank.locator(`[data-ref="penalty:${energy.id}"][data-account="member_available"]`).getAttribute('data-fen')).resolves.toBe('100000');
    // …and the factory paid the penalty.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await visit(factory, `${url}/console/exchange/books`);
    await factory.locator(`[data-testid="books"][data-org="${factoryOrg.id}"]`).waitFor();
    await expect(factory.locator(`[data-ref="penalty:${energy.id}"]`).getAttribute('data-fen', { timeout: 20_000 })).resolves.toBe('-100000');
  });

  it('the factory files an off-exchange trade with the contract’s SHA-256 computed in the browser; the bank confirms it; the exchange sees every filing', async () => {
    const { url, login, screenshot } = env();
    const contract = Buffer.from('数据交易合同（场外）\n甲方：佛山某制造有限公司\n乙方：广州某商业银行\n金额：¥12,345.67\n', 'utf8');
    const digest = createHash('sha256').update(contract).digest('hex');

    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await visit(factory, `${url}/console/exchange/filings`);
    await factory.getByTestId('filings-title').waitFor();
    await clickUntil(factory.getByTestId('filing-new'), factory.getByTestId('filing-description'));
    // Many organisations: the select searches as one types.
    await factory.getByTestId('filing-counterparty').click();
    await input(factory, 'filing-counterparty').fill('商业银行');
    await chooseOption(factory.getByTestId('filing-counterparty'), option(factory, '广州某商业银行'), factory.getByTestId('filing-counterparty').filter({ hasText: '广州某商业银行' }));
    await factory.getByTestId('filing-description').fill('2025 年产线能耗月度数据，一次性转让（场外，浏览器测试）');
    await input(factory, 'filing-amount').fill('12,345.67');
    const [chooser] = await Promise.all([factory.waitForEvent('filechooser'), factory.getByTestId('filing-hash-file').click()]);
    await chooser.setFiles({ name: '场外合同.txt', mimeType: 'text/plain', buffer: contract });
    await expect.poll(() => input(factory, 'filing-sha256').inputValue(), { timeout: 10_000 }).toBe(digest);
    await clickUntil(factory.getByTestId('form-submit'), factory.locator('[data-testid="filing-detail"][data-status="filed"]'));
    const filingId = (await factory.getByTestId('filing-detail').getAttribute('data-id'))!;
    expect(filingId).toMatch(/^fil_[0-9a-z]{20}$/);
    await expect(factory.getByTestId('filing-detail-sha256').innerText()).resolves.toBe(digest);
    // The filer may not confirm its own filing.
    await expect(factory.getByTestId(`filing-confirm-${filingId}`).count()).resolves.toBe(0);
    await factory.keyboard.press('Escape');
    const row = factory.getByTestId(`filing-${filingId}`);
    await expect(row.getAttribute('data-fen')).resolves.toBe('1234567');
    await expect(row.getAttribute('data-sha256')).resolves.toBe(digest);

    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await visit(bank, `${url}/console/exchange/filings`);
    await bank.locator(`[data-testid="filing-${filingId}"][data-status="filed"]`).waitFor({ timeout: 20_000 });
    await confirmAction(bank, bank.getByTestId(`filing-confirm-${filingId}`), bank.locator(`[data-testid="filing-${filingId}"][data-status="confirmed"]`));
    await screenshot(bank, 'after-filing-confirmed');

    const exchange = await (await env().context()).newPage();
    await login(exchange, 'exchange');
    await visit(exchange, `${url}/console/exchange/filings?all=1`);
    await exchange.locator('[data-testid="filings"][data-all="true"]').waitFor();
    await exchange.locator(`[data-testid="filing-${filingId}"][data-status="confirmed"]`).waitFor({ timeout: 20_000 });
  });

  it('the portal discloses daily deals and amounts by category and by region as the server does, withheld amounts explained, in both languages', async () => {
    const { url, lt, screenshot } = env();
    const visitor = await (await env().context()).newPage();
    await visitor.goto(`${url}/market/disclosure`);
    await visitor.getByTestId('disclosure-title').waitFor();
    const disclosure = visitor.locator('[data-testid="disclosure"][data-from]:not([data-from=""])');
    await disclosure.waitFor({ timeout: 20_000 });
    const from = (await disclosure.getAttribute('data-from'))!;
    const to = (await disclosure.getAttribute('data-to'))!;
    const server = await lt.exchange.disclosure.daily({ from, to });
    expect(Number(await disclosure.getAttribute('data-min-deals'))).toBe(server.minDeals);
    const deals = server.byCategory.reduce((s, d) => s + d.deals, 0);
    expect(deals).toBeGreaterThan(0);
    await visitor.locator(`[data-testid="disclosure-deals"][data-deals="${deals}"]`).waitFor();
    const shown = server.byCategory.filter((d) => d.amountFen !== null).reduce((s, d) => s + BigInt(d.amountFen!), 0n);
    await visitor.locator(`[data-testid="disclosure-amount"][data-fen="${shown}"]`).waitFor();
    await visitor.getByTestId('disclosure-rule').waitFor();
    // Every day's cells as the server disclosed them: a withheld amount shows as withheld, never as a number.
    for (const day of server.byCategory) {
      for (const cell of day.cells) {
        const row = visitor.getByTestId(`disclosure-category-cell-${day.date}-${cell.key}`);
        await expect(row.getAttribute('data-deals')).resolves.toBe(String(cell.deals));
        await expect(row.getAttribute('data-fen')).resolves.toBe(cell.amountFen ?? '');
        if (cell.amountFen === null) await row.locator('[data-withheld="true"]').waitFor();
      }
    }
    const perKey = new Map<string, number>();
    for (const day of server.byCategory) for (const c of day.cells) perKey.set(c.key, (perKey.get(c.key) ?? 0) + c.deals);
    for (const [key, n] of perKey) await expect(visitor.getByTestId(`disclosure-category-total-${key}`).getAttribute('data-deals')).resolves.toBe(String(n));
    await visitor.locator('canvas').first().waitFor({ timeout: 20_000 });
    await screenshot(visitor, 'after-disclosure');

    // By region, in English.
    await visitor.evaluate(() => localStorage.setItem('liutong.locale', 'en-US'));
    await visitor.reload();
    await visitor.getByTestId('disclosure-title').filter({ hasText: 'Trade disclosure' }).waitFor();
    await visitor.getByRole('tab', { name: 'By region' }).click();
    for (const day of server.byRegion) {
      const row = visitor.getByTestId(`disclosure-region-day-${day.date}`);
      await expect(row.getAttribute('data-deals')).resolves.toBe(String(day.deals));
      await expect(row.getAttribute('data-fen')).resolves.toBe(day.amountFen ?? '');
    }
    if (server.byRegion.some((d) => d.cells.some((c) => c.amountFen === null))) await visitor.getByTestId('disclosure-region-cells').getByText('Withheld').first().waitFor();
    await screenshot(visitor, 'after-disclosure-en');
  });

  it('the disputes, filings and disclosure pages fit a 390 px wide screen', async () => {
    const { url, login } = env();
    const page = await (await env().context({ width: 390, height: 844 })).newPage();
    await login(page, 'bank');
    for (const [p, ready] of [
      ['/console/exchange/disputes', 'disputes-table'],
      ['/console/exchange/filings', 'filings-table'],
      ['/market/disclosure', 'disclosure-category-totals'],
    ] as const) {
      await visit(page, `${url}${p}`);
      await page.getByTestId(ready).waitFor({ timeout: 20_000 });
      const fit = await fitsWidth(page);
      expect(fit, `${p} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    }
    const disputes = (await env().lt.exchange.disputes.list(principal(await orgByName('商业银行')), { page: 1, pageSize: 1 } as any)).items;
    await visit(page, `${url}/console/exchange/disputes/${disputes[0]!.id}`);
    await page.getByTestId('dispute-claim').waitFor({ timeout: 20_000 });
    const fit = await fitsWidth(page);
    expect(fit, `dispute at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
  });
});
