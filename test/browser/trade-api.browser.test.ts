import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickUntil, describeBrowser, fitsWidth, visit } from './browser.harness.js';
import { principalOf } from '../../src/cli/demo.registry.js';

/*
 * API delivery, escrow due and insurance in the console: the demo's 200 climate queries (delivered
 * through the gateway, three calls made, billed by use) read by both sides — the grant with its calls
 * used of the most and its expiry in Beijing time, how the buyer calls the gateway, the billing by
 * use explained; a new per-query contract on which the seller opens API access with fields it picks
 * from the asset's catalog resource, the buyer's call then counted; what verifying pays into escrow
 * when the buyer has a broker (the amount and the broker's commission); the insurer's page with its
 * policies and custody agreements, a custody agreement attached to a contract named by its link
 * with the document's SHA-256 computed in the browser, then shown to the buyer on the contract.
 *
 * Service calls that change something: the new per-query contract is negotiated to force through
 * the services (the negotiation pages have their own browser test), and the buyer's gateway call is
 * made through the gateway's service (what its own client would call). Everything the new pages do
 * happens in the browser.
 */

const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
/** An instant as the console shows it in Beijing time, without seconds. */
const beijing = (iso: string) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

describeBrowser('API delivery, escrow due, insurance and custody in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const state = { contractId: '', resourceId: '' };

  it('both sides read the demo’s API delivery: the grant, its calls used of the most, its expiry in Beijing time, the billing by use; the buyer sees how to call the gateway', async () => {
    const { url, login, lt, screenshot } = env();
    const bankOrg = await orgByName('商业银行');
    const bank = await principalOf(lt, bankOrg.id);
    const mine = (await lt.exchange.negotiations.list(bank, { page: 1, pageSize: 100, state: 'FINALIZED' } as any)).items;
    const perQuery = mine.find((n: { listingTitle: { zh: string }; terms: { maxUses: number | null } }) => n.listingTitle.zh.includes('按次查询') && n.terms.maxUses === 200)!;
    expect(perQuery).toBeTruthy();
    const usage = await lt.exchange.deliveries.apiUsage(perQuery.id, bank);
    expect(usage.grant).toMatchObject({ callsUsed: 3, maxCalls: 200 });
    state.resourceId = usage.grant!.resourceId;

    const page = await (await env().context()).newPage();
    await login(page, 'bank');
    await visit(page, `${url}/console/exchange/negotiations/${perQuery.id}`);
    const grant = page.locator(`[data-testid="api-grant"][data-grant-id="${usage.grant!.id}"]`);
    await grant.waitFor({ timeout: 20_000 });
    await expect(grant.getAttribute('data-calls-used')).resolves.toBe('3');
    await expect(grant.getAttribute('data-max-calls')).resolves.toBe('200');
    await expect(page.getByTestId('api-calls').innerText()).resolves.toContain('已用 3 / 最多 200 次');
    await expect(page.getByTestId('api-expires').innerText()).resolves.toContain(beijing(usage.grant!.expiresAt!));
    await expect(page.getByTestId('api-expires').innerText()).resolves.toContain('北京时间');
    // Billed by use, not billed yet: explained.
    await page.locator('[data-testid="api-billing"][data-billed-uses=""]').waitFor();
    await expect(page.getByTestId('api-billing').innerText()).resolves.toContain('按实际调用量计费');
    // How the buyer calls: the gateway path with the resource and the grant; its grants page.
    const path = await page.getByTestId('api-call-path').innerText();
    expect(path).toContain(`/api/v1/data/${state.resourceId}/rows`);
    expect(path).toContain(`grant=${usage.grant!.id}`);
    await expect(page.getByTestId('api-my-grants').getAttribute('href')).resolves.toBe('/console/gateway/grants');
    // Accepted and billed by use: no settlement item until billed, and it says so.
    await page.getByTestId('settlement-none').waitFor();
    await screenshot(page, 'trade-api-buyer');

    // The seller sees the same grant (no call hint: it is the buyer's to call), in English.
    const seller = await (await env().context()).newPage();
    await login(seller, 'analytics');
    await seller.getByTestId('language-switch').getByText('English').click();
    await visit(seller, `${url}/console/exchange/negotiations/${perQuery.id}`);
    await seller.locator(`[data-testid="api-grant"][data-calls-used="3"]`).waitFor({ timeout: 20_000 });
    await expect(seller.getByTestId('api-calls').innerText()).resolves.toContain('3 used of at most 200');
    await expect(seller.getByTestId('api-expires').innerText()).resolves.toContain('Beijing time');
    await expect(seller.getByTestId('api-call-hint').count()).resolves.toBe(0);
    await expect(seller.getByTestId('api-form').count()).resolves.toBe(0);
  });

  it('the seller opens API access on a new per-query contract with fields picked from the catalog resource; the buyer’s call is counted', async () => {
    const { url, login, lt, screenshot } = env();
    const bankOrg = await orgByName('商业银行');
    const analyticsOrg = await orgByName('深圳某数据科技');
    const bank = await principalOf(lt, bankOrg.id);
    const analytics = await principalOf(lt, analyticsOrg.id);
    const n = lt.exchange.negotiations;
    const listingId = (await n.list(bank, { page: 1, pageSize: 100, state: 'FINALIZED' } as any)).items.find((x: { listingTitle: { zh: string } }) => x.listingTitle.zh.includes('按次查询'))!.listingId;
    const id = (await n.open(bank, { listingId, move: 'request', terms: { priceFen: '50', quantity: 20, purposes: ['风险监测'], periodDays: 30, maxUses: 20 } } as any, 'test')).id;
    for (const [move, by] of [['agree', analytics], ['verify', bank], ['finalize', analytics]] as const) await n.move(id, move, by, {}, 'test');
    state.contractId = id;

    const seller = await (await env().context()).newPage();
    await login(seller, 'analytics');
    await visit(seller, `${url}/console/exchange/negotiations/${id}`);
    await seller.getByTestId('api-form').waitFor({ timeout: 20_000 });
    await expect(seller.getByTestId('api-fields').getAttribute('data-locked')).resolves.toBe('false');
    // The resource's fields, none chosen: nothing is sent.
    await seller.getByTestId('api-field-industry').waitFor({ timeout: 20_000 });
    await clickUntil(seller.getByTestId('api-submit'), seller.locator('.ant-form-item-explain-error', { hasText: '请至少选择一个字段' }));
    await seller.getByTestId('api-field-industry').click();
    await seller.getByTestId('api-field-index').click();
    await seller.getByTestId('api-note').fill('接口已开通（浏览器测试）');
    await clickUntil(seller.getByTestId('api-submit'), seller.locator('[data-testid="api-grant"][data-calls-used="0"]'));
    const grant = seller.getByTestId('api-grant');
    await expect(grant.getAttribute('data-fields')).resolves.toBe('industry,index');
    await expect(grant.getAttribute('data-max-calls')).resolves.toBe('20');
    await expect(seller.getByTestId('api-form').count()).resolves.toBe(0);
    // The grant's descriptor is the delivery's evidence; billed by use (per call).
    await seller.locator('[data-testid="deliveries"][data-count="1"]').waitFor();
    await seller.locator('[data-testid="api-access"][data-by-use="true"]').waitFor();
    await screenshot(seller, 'trade-api-opened');

    // The buyer calls the gateway under the grant: one call of 20.
    const grantId = (await grant.getAttribute('data-grant-id'))!;
    await lt.gateway.data.rows(bank, state.resourceId, { grant: grantId, page: 1, pageSize: 10, format: 'json', fields: 'industry,index' } as any);
    const buyer = await (await env().context()).newPage();
    await login(buyer, 'bank');
    await visit(buyer, `${url}/console/exchange/negotiations/${id}`);
    await buyer.locator(`[data-testid="api-grant"][data-grant-id="${grantId}"][data-calls-used="1"]`).waitFor({ timeout: 20_000 });
    await expect(buyer.getByTestId('api-calls').innerText()).resolves.toContain('已用 1 / 最多 20 次');
  });

  it('verifying through a broker shows what it pays into escrow: the amount and the broker’s commission', async () => {
    const { url, login, lt } = env();
    const bankOrg = await orgByName('商业银行');
    const bank = await principalOf(lt, bankOrg.id);
    const agreed = (await lt.exchange.negotiations.list(bank, { page: 1, pageSize: 100, state: 'AGREED' } as any)).items.find((x: { buyerBroker: unknown }) => x.buyerBroker)!;
    expect(agreed).toBeTruthy();
    const view = await lt.exchange.negotiations.get(agreed.id, bank);
    expect(BigInt(view.escrowDueFen!)).toBeGreaterThan(BigInt(view.amountFen));
    const yuan = (fen: bigint) => `¥${(Number(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

    const page = await (await env().context()).newPage();
    await login(page, 'bank');
    await visit(page, `${url}/console/exchange/negotiations/${agreed.id}`);
    const hint = page.getByTestId('negotiation-escrow-hint');
    await hint.waitFor({ timeout: 20_000 });
    await expect(hint.getAttribute('data-due-fen')).resolves.toBe(view.escrowDueFen);
    const text = await hint.innerText();
    expect(text).toContain(yuan(BigInt(view.escrowDueFen!)));
    expect(text).toContain(yuan(BigInt(view.amountFen)));
    expect(text).toContain(yuan(BigInt(view.escrowDueFen!) - BigInt(view.amountFen)));
  });

  it('the insurer lists its policies and custody agreements and attaches custody to the new contract by its link, the document hashed in the browser; the buyer sees it on the contract', async () => {
    const { url, login, screenshot } = env();
    const document = Buffer.from('数据托管协议（浏览器测试）\n托管标的：接口授权描述文件\n', 'utf8');
    const digest = createHash('sha256').update(document).digest('hex');

    const insurer = await (await env().context()).newPage();
    await login(insurer, 'insurer');
    await visit(insurer, `${url}/console/exchange/attachments`);
    await insurer.getByTestId('attachments-title').waitFor();
    // The demo's two: the subscription's insurance and the settled deal's custody.
    await insurer.locator('[data-testid="attachments-list"] [data-kind="insurance"][data-reference="PDAA2026440100000123"]').waitFor({ timeout: 20_000 });
    await insurer.locator('[data-testid="attachments-list"] [data-kind="custody"][data-reference="CUS-2026-0042"]').waitFor();

    await clickUntil(insurer.getByTestId('attachment-new'), insurer.getByTestId('attachment-contract'));
    // Not a contract: caught before sending.
    await input(insurer, 'attachment-contract').fill('合同 123');
    await clickUntil(insurer.getByTestId('form-submit'), insurer.locator('.ant-form-item-explain-error', { hasText: '请输入磋商编号' }));
    await input(insurer, 'attachment-contract').fill(`${url}/console/exchange/negotiations/${state.contractId}/contract`);
    await insurer.getByTestId('attachment-kind').getByText('数据托管').click();
    await insurer.getByTestId('attachment-beneficiary').getByText('买方').click();
    await input(insurer, 'attachment-reference').fill('CUS-2026-BROWSER');
    await insurer.getByTestId('attachment-description').fill('接口授权描述文件托管至合同期满后 30 日（浏览器测试）');
    await input(insurer, 'attachment-premium').fill('500');
    const [chooser] = await Promise.all([insurer.waitForEvent('filechooser'), insurer.getByTestId('attachment-hash-file').click()]);
    await chooser.setFiles({ name: '托管协议.txt', mimeType: 'text/plain', buffer: document });
    await expect.poll(() => input(insurer, 'attachment-sha256').inputValue(), { timeout: 10_000 }).toBe(digest);
    const row = insurer.locator(`[data-testid="attachments-list"] [data-reference="CUS-2026-BROWSER"]`);
    await clickUntil(insurer.getByTestId('form-submit'), row);
    await expect(row.getAttribute('data-negotiation')).resolves.toBe(state.contractId);
    await expect(row.getAttribute('data-sha256')).resolves.toBe(digest);
    await expect(row.getAttribute('data-premium-fen')).resolves.toBe('50000');
    await screenshot(insurer, 'trade-attachments');

    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await visit(bank, `${url}/console/exchange/negotiations/${state.contractId}`);
    const seen = bank.locator('[data-testid="trade-attachments"] [data-reference="CUS-2026-BROWSER"]');
    await seen.waitFor({ timeout: 20_000 });
    await expect(seen.getAttribute('data-kind')).resolves.toBe('custody');
    await expect(seen.innerText()).resolves.toContain('数据托管');
    await expect(seen.getAttribute('data-sha256')).resolves.toBe(digest);
  });

  it('the new pages fit a 390 px wide screen', async () => {
    const { url, login } = env();
    const phone = await (await env().context({ width: 390, height: 844 })).newPage();
    await login(phone, 'insurer');
    await visit(phone, `${url}/console/exchange/attachments`);
    await phone.locator('[data-testid="attachments-list"][data-count]:not([data-count="0"])').waitFor({ timeout: 20_000 });
    expect((await fitsWidth(phone)).ok).toBe(true);
    const bank = await (await env().context({ width: 390, height: 844 })).newPage();
    await login(bank, 'bank');
    await visit(bank, `${url}/console/exchange/negotiations/${state.contractId}`);
    await bank.getByTestId('api-grant').waitFor({ timeout: 20_000 });
    expect((await fitsWidth(bank)).ok).toBe(true);
  });
});
