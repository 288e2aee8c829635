import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, describeBrowser, fitsWidth, visit } from './browser.harness.js';
import { randomUscc } from '../harness.js';
import { generateNoteKey } from '../../src/modules/ledger/index.js';

describeBrowser('console in a real browser', (env) => {
  it('a data-bureau clerk logs in and registers an organisation through the form', async () => {
    const { url, login, screenshot } = env();
    const page = await (await env().context()).newPage();
    await login(page, 'bureau');
    await screenshot(page, 'workbench-zh');
    await page.goto(`${url}/console/orgs`);
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-name-zh').fill('测试科技有限公司');
    await page.getByTestId('org-name-en').fill('Test Technology Co., Ltd.');
    // A wrong check character is caught in the browser with the server's rule.
    const uscc = randomUscc();
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    await page.getByTestId('org-uscc').fill(wrong);
    await page.getByTestId('org-uscc').blur();
    await page.getByText('校验码不正确，请核对代码').waitFor();
    await page.getByTestId('org-uscc').fill(uscc);
    await page.getByTestId('org-roles').click();
    await page.locator('.ant-select-item-option[title="数据商"]').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('org-submit').click();
    await page.getByTestId('org-title').filter({ hasText: '测试科技有限公司' }).waitFor();
    await expect(page.getByTestId('org-profile').innerText()).resolves.toContain(uscc);
    await screenshot(page, 'org-created');
    // The organisation really exists on the server, created by the bureau.
    const list = await env().lt.identity.organisations.list({ q: uscc, page: 1, pageSize: 5, sort: 'createdAt', order: 'desc' });
    expect(list.total).toBe(1);
    expect(list.items[0]!.roles).toEqual(['data_merchant']);
  });

  it('switches language from the header, and remembers it', async () => {
    const { url, login, screenshot } = env();
    const page = await (await env().context()).newPage();
    await login(page, 'grid');
    await expect(page.getByRole('menuitem', { name: '机构管理' }).count()).resolves.toBe(1);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
    await expect(page.getByTestId('workbench-title').innerText()).resolves.toMatch(/^Hello, /);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-US');
    await screenshot(page, 'workbench-en');
    await page.goto(`${url}/console/orgs`);
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByRole('heading', { name: '机构管理' }).waitFor();
  });

  it('verifies a real ledger receipt in the browser with every /api request blocked, and rejects a tampered one', async () => {
    const { url, lt, screenshot } = env();
    await lt.flush();
    const cp = (await (await fetch(`${url}/api/v1/ledger/checkpoint`)).json()) as { size: number };
    expect(cp.size).toBeGreaterThan(3);
    const receipt = (await (await fetch(`${url}/api/v1/ledger/entries/2/receipt`)).json()) as Record<string, any>;
    const { verifierKey } = (await (await fetch(`${url}/api/v1/ledger/key`)).json()) as { verifierKey: string };
    expect(typeof verifierKey).toBe('string');

    const context = await env().context();
    const blocked: string[] = [];
    await context.route('**/api/**', (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${url}/verify`);
    await page.getByTestId('receipt-input').fill(JSON.stringify(receipt, null, 2));
    await page.getByTestId('key-input').fill(verifierKey);
    await page.getByTestId('verify-button').click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    await expect(result.getAttribute('data-valid')).resolves.toBe('true');
    await screenshot(page, 'receipt-valid');

    const tampered = structuredClone(receipt);
    tampered.entry.type = `${tampered.entry.type}.forged`;
    await page.getByTestId('receipt-input').fill(JSON.stringify(tampered, null, 2));
    await page.getByTestId('verify-button').click();
    await page.locator('[data-testid="verify-result"][data-valid="false"]').waitFor();
    await screenshot(page, 'receipt-tampered');

    // A receipt checked against another log's key is rejected as well.
    await page.getByTestId('receipt-input').fill(JSON.stringify(receipt));
    const otherKey = generateNoteKey(verifierKey.split('+')[0]!).verifierKey;
    await page.getByTestId('key-input').fill(otherKey);
    await page.getByTestId('verify-button').click();
    await page.locator('[data-testid="verify-result"][data-valid="false"]').waitFor();

    // The verdicts were reached with the API unreachable: nothing under /api got through.
    expect(blocked.every((u) => new URL(u).pathname.startsWith('/api/'))).toBe(true);
  });

  it('a data-bureau clerk defines a data element and checks values against it', async () => {
    const { url, login, screenshot } = env();
    const page = await (await env().context()).newPage();
    await login(page, 'bureau');
    await page.goto(`${url}/console/catalog/elements`);
    await page.getByTestId('element-table').getByText('DE.PERSON.ID').waitFor();
    await page.getByTestId('element-create').click();
    await page.getByTestId('element-identifier').fill('DE.TEST.CARD');
    await page.getByTestId('element-name-zh').fill('测试银行卡号');
    await page.getByTestId('element-name-en').fill('Test bank card number');
    // A select's own input is not "visible" to Playwright; its form item is.
    const formItem = (control: ReturnType<Page['locator']>, text: string | RegExp = /./) => page.locator('.ant-form-item').filter({ has: control }).filter({ hasText: text });
    await chooseOption(page.getByLabel('格式约束', { exact: true }), page.locator('.ant-select-item-option[title="命名校验器"]'), formItem(page.getByLabel('校验器', { exact: true })));
    const validator = page.locator('.ant-select-item-option').filter({ hasText: /银行卡/ });
    await chooseOption(page.getByLabel('校验器', { exact: true }), validator, formItem(page.getByLabel('校验器', { exact: true }), /银行卡/));
    await chooseOption(page.getByTestId('element-source'), page.locator('.ant-select-item-option').filter({ hasText: '广东电网' }), formItem(page.getByTestId('element-source'), '广东电网'));
    await page.getByTestId('form-submit').click();
    await page.getByTestId('element-table').getByText('DE.TEST.CARD').waitFor();
    await page.getByTestId('element-table').getByText('DE.TEST.CARD').click();
    await page.getByTestId('element-check-value').fill('6222020200112345678');
    await page.getByTestId('element-check').click();
    const result = page.getByTestId('element-check-result');
    await result.waitFor();
    const luhnOk = (n: string) => [...n].reverse().map(Number).reduce((s, d, i) => s + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0) % 10 === 0;
    await expect(result.getAttribute('data-valid')).resolves.toBe(String(luhnOk('6222020200112345678')));
    await page.getByTestId('element-check-value').fill('6222020200112345670');
    await page.getByTestId('element-check').click();
    await page.locator(`[data-testid="element-check-result"][data-valid="${luhnOk('6222020200112345670')}"]`).waitFor();
    await screenshot(page, 'data-element');
    // The definition is evidence: its event is in the ledger.
    await env().lt.flush();
    const entries = await env().lt.ledger.entries({ type: 'catalog.element.created', page: 1, pageSize: 50, order: 'desc' } as any, null as any);
    expect(JSON.stringify(entries)).toContain('catalog.element.created');
  });

  it('no page scrolls sideways at 1366×768 or 390 px wide', async () => {
    const { url, login, lt, screenshot } = env();
    const orgs = await lt.identity.organisations.list({ q: '', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any);
    const orgId = orgs.items[0]!.id;
    const resources = await lt.catalog.resources.list(null, { q: '企业月度用电量', page: 1, pageSize: 1 });
    const resourceId = resources.items[0]!.id;
    // Every page of the route table without parameters, read from its source, plus pages with a record.
    const table = readFileSync('console/src/app.routes.tsx', 'utf8');
    const plain = [...table.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!).filter((p) => !p.includes(':'));
    expect(plain.length).toBeGreaterThan(20);
    const pages = [...plain, `/console/orgs/${orgId}`, '/console/ledger/entries/1', `/console/catalog/resources/${resourceId}`];
    for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const page = await (await env().context(viewport)).newPage();
      await login(page, 'bureau');
      const seen = new Set<string>();
      for (const p of pages) {
        await visit(page, `${url}${p}`);
        seen.add(await page.locator('.ant-layout-content').first().innerText());
        const fit = await fitsWidth(page);
        expect(fit, `${p} at ${viewport.width}px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
      }
      // Each visit showed its own page (the in-app navigation took), not the previous one again.
      expect(seen.size, 'distinct pages shown').toBeGreaterThan(pages.length * 0.8);
      await screenshot(page, `account-${viewport.width}`);
    }
  }, 240_000); // every page of the route table, twice (in-app navigation: the bundle loads once per width)
});
