import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickUntil, confirmAction, describeBrowser, fitsWidth, visit } from './browser.harness.js';

const CLIMATE = '粤港澳大湾区产业景气指数';
const CLIMATE_EN = 'Greater Bay Area industry climate index';

/** The text input of an Ant Design field whose data-testid sits on the input or on its wrapper. */
const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
const at = (page: Page, state: string) => page.locator(`[data-testid="negotiation"][data-state="${state}"]`).waitFor({ timeout: 20_000 });

describeBrowser('negotiations and contracts (撮合 → 成交) in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const principal = (org: { id: string; roles: readonly string[] }) => ({ kind: 'user', orgId: org.id, orgRoles: [...org.roles], memberRole: 'org_admin', personRoles: [], displayName: 'test' }) as any;
  let negotiationId = '';

  it('the bank asks for the climate index below the listed price, analytics counters, the bank accepts; analytics seals, the bank seals and pays into escrow, analytics puts the contract in force; the contract and its seals check out', async () => {
    const { url, login, lt, screenshot } = env();
    const bankOrg = await orgByName('商业银行');
    const analyticsOrg = await orgByName('深圳某数据科技');
    expect(bankOrg.name.zh).toBe('广州某商业银行（演示）');
    await lt.exchange.books.deposit(bankOrg.id, 10_000_000n, 'test-deposit-1', '测试入金', null);
    const listing = (await lt.exchange.listings.market({ page: 1, pageSize: 50 } as any)).items.find((l: { title: { zh: string } }) => l.title.zh === CLIMATE)!;
    expect(listing.pricing).toEqual({ model: 'subscription', amountFen: '3600000', period: 'year' });

    // The bank finds the listing on the market and asks to buy it for ¥30,000 a year instead of ¥36,000.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/market`);
    await bank.getByTestId('market-listings-title').waitFor();
    await input(bank, 'market-search').fill('景气');
    await input(bank, 'market-search').press('Enter');
    await bank.getByTestId(`market-link-${listing.id}`).click();
    await bank.getByTestId('market-listing-title').filter({ hasText: CLIMATE }).waitFor();
    await clickUntil(bank.getByTestId('request-to-buy'), bank.getByTestId('terms-form'));
    await expect(input(bank, 'terms-price').inputValue()).resolves.toBe('36000.00');
    await expect(input(bank, 'terms-period').inputValue()).resolves.toBe('365');
    await bank.locator('[data-testid="terms-amount"][data-fen="3600000"]').waitFor();
    await input(bank, 'terms-price').fill('30000');
    await bank.locator('[data-testid="terms-amount"][data-fen="3000000"]').waitFor();
    await expect(bank.getByTestId('terms-amount').innerText()).resolves.toContain('¥30,000.00');
    await bank.getByTestId('terms-note').fill('年度订阅，请求优惠（浏览器测试）');
    await screenshot(bank, 'negotiation-request');
    await clickUntil(bank.getByTestId('form-submit'), bank.locator('[data-testid="negotiation"][data-state="REQUESTED"]'));
    negotiationId = bank.url().split('/').pop()!;
    expect(negotiationId).toMatch(/^neg_[0-9a-z]{20}$/);
    await bank.locator('[data-testid="negotiation-terms"][data-price-fen="3000000"]').waitFor();
    await expect(bank.getByTestId('terms-view-listed').innerText()).resolves.toContain('¥36,000.00');
    await expect(bank.getByTestId('terms-view-listed').innerText()).resolves.toContain('低于挂牌价 ¥6,000.00');
    // The bank waits for the seller: it may only terminate.
    await bank.getByTestId('negotiation-waiting').waitFor();
    await bank.getByTestId('negotiation-terminate').waitFor();
    await expect(bank.getByTestId('negotiation-counter').count()).resolves.toBe(0);
    await expect(bank.getByTestId('negotiation-move-1').innerText()).resolves.toContain('请求优惠');

    // Analytics finds it in its negotiations and counters at ¥33,000.
    const seller = await (await env().context()).newPage();
    await login(seller, 'analytics');
    await seller.goto(`${url}/console/exchange/negotiations`);
    await seller.getByTestId('negotiations-title').waitFor();
    await seller.locator(`[data-testid="negotiation-state-${negotiationId}"][data-state="REQUESTED"]`).waitFor();
    await expect(seller.getByTestId(`negotiation-amount-${negotiationId}`).innerText()).resolves.toBe('¥30,000.00');
    await seller.getByTestId(`negotiation-link-${negotiationId}`).click();
    await at(seller, 'REQUESTED');
    await clickUntil(seller.getByTestId('negotiation-counter'), seller.getByTestId('terms-form'));
    await expect(input(seller, 'terms-price').inputValue()).resolves.toBe('30000.00');
    await input(seller, 'terms-price').fill('33000');
    await clickUntil(seller.getByTestId('form-submit'), seller.locator('[data-testid="negotiation"][data-state="OFFERED"]'));
    await seller.locator('[data-testid="negotiation-terms"][data-price-fen="3300000"]').waitFor();

    // The bank accepts the offer.
    await bank.reload();
    await at(bank, 'OFFERED');
    await bank.locator('[data-testid="negotiation-move-2"][data-move="offer"]').waitFor();
    await confirmAction(bank, bank.getByTestId('negotiation-accept'), bank.locator('[data-testid="negotiation"][data-state="ACCEPTED"]'));

    // Analytics seals the contract: it gets its number and digest.
    await seller.reload();
    await at(seller, 'ACCEPTED');
    await confirmAction(seller, seller.getByTestId('negotiation-agree'), seller.locator('[data-testid="negotiation"][data-state="AGREED"]'));
    const contractNumber = await seller.getByTestId('negotiation-contract-number').innerText();
    expect(contractNumber).toMatch(/^GDDE-\d{4}-\d{6}$/);
    await seller.locator('[data-testid="seal-seller"][data-sealed="true"]').waitFor();
    await seller.locator('[data-testid="seal-buyer"][data-sealed="false"]').waitFor();

    // The bank seals it and pays ¥33,000 into escrow, told so before it confirms.
    await bank.reload();
    await at(bank, 'AGREED');
    await expect(bank.getByTestId('negotiation-escrow-hint').innerText()).resolves.toContain('¥33,000.00');
    await confirmAction(bank, bank.getByTestId('negotiation-verify'), bank.locator('[data-testid="negotiation"][data-state="VERIFIED"]'));
    await bank.locator('[data-testid="negotiation-escrow"][data-fen="3300000"]').waitFor();
    await screenshot(bank, 'negotiation-verified');

    // Analytics puts the contract in force.
    await seller.reload();
    await at(seller, 'VERIFIED');
    await confirmAction(seller, seller.getByTestId('negotiation-finalize'), seller.locator('[data-testid="negotiation"][data-state="FINALIZED"]'));
    await expect(seller.getByTestId('negotiation-actions').count()).resolves.toBe(0);
    const timeline = seller.getByTestId('negotiation-history');
    for (const [seq, move] of [[1, 'request'], [2, 'offer'], [3, 'accept'], [4, 'agree'], [5, 'verify'], [6, 'finalize']] as const) await timeline.locator(`[data-testid="negotiation-move-${seq}"][data-move="${move}"]`).waitFor();

    // Both see it in force; the server agrees.
    await bank.reload();
    await at(bank, 'FINALIZED');
    const n = await lt.exchange.negotiations.get(negotiationId, principal(bankOrg));
    expect(n).toMatchObject({ state: 'FINALIZED', contractNumber, amountFen: '3300000', escrowFen: '3300000', buyer: { orgId: bankOrg.id }, seller: { orgId: analyticsOrg.id } });
    await visit(bank, `${url}/console/exchange/negotiations`);
    await bank.locator(`[data-testid="negotiation-state-${negotiationId}"][data-state="FINALIZED"]`).waitFor();
    await expect(bank.getByTestId(`negotiation-contract-${negotiationId}`).innerText()).resolves.toBe(contractNumber);

    // The contract: the document with its number, its SHA-256 checked in the browser, every seal valid.
    await visit(bank, `${url}/console/exchange/negotiations/${negotiationId}`);
    await clickUntil(bank.getByTestId('negotiation-contract-link'), bank.getByTestId('contract-text'));
    const text = await bank.getByTestId('contract-text').innerText();
    expect(text).toContain('数据交易合同');
    expect(text).toContain(`合同编号：${contractNumber}`);
    expect(text).toContain('广州某商业银行（演示）');
    expect(text).toContain('¥33,000.00');
    await expect(bank.getByTestId('contract-digest').innerText()).resolves.toBe(n.documentDigest!.replace(/^sha256:/, ''));
    await bank.locator('[data-testid="contract-digest-check"][data-match="true"]').waitFor();
    await bank.locator('[data-testid="contract-seals-verdict"][data-valid="true"]').waitFor();
    for (const party of ['seller', 'buyer']) await bank.locator(`[data-testid="contract-seal-${party}"][data-valid="true"]`).waitFor();
    await expect(bank.getByTestId('contract-print').isVisible()).resolves.toBe(true);
    await screenshot(bank, 'negotiation-contract');

    // Once in English.
    await bank.getByTestId('language-switch').getByText('English').click();
    await bank.getByTestId('contract-seals-verdict').filter({ hasText: 'All valid' }).waitFor();
    await visit(bank, `${url}/console/exchange/negotiations/${negotiationId}`);
    await bank.getByTestId('negotiation-state').filter({ hasText: 'In force' }).waitFor();
    await bank.getByTestId('negotiation-title').filter({ hasText: CLIMATE_EN }).waitFor();
    await expect(bank.getByTestId('terms-view-price').innerText()).resolves.toContain('¥33,000.00 / year');
    await screenshot(bank, 'negotiation-finalized-en');
  });

  it('the negotiation pages fit a 390 px wide screen', async () => {
    const { url, login, lt, screenshot } = env();
    const bankOrg = await orgByName('商业银行');
    const id = negotiationId || (await lt.exchange.negotiations.list(principal(bankOrg), { page: 1, pageSize: 1 })).items[0]!.id;
    const page = await (await env().context({ width: 390, height: 844 })).newPage();
    await login(page, 'bank');
    for (const [p, ready] of [
      ['/console/exchange/negotiations', 'negotiations-table'],
      [`/console/exchange/negotiations/${id}`, 'negotiation-history'],
      [`/console/exchange/negotiations/${id}/contract`, 'contract-text'],
    ] as const) {
      await visit(page, `${url}${p}`);
      await page.getByTestId(ready).waitFor();
      const fit = await fitsWidth(page);
      expect(fit, `${p} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    }
    await visit(page, `${url}/console/exchange/negotiations/${id}`);
    await screenshot(page, 'negotiation-390');
  });
});
