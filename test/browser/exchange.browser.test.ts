import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, clickUntil, confirmAction, describeBrowser, fitsWidth, visit } from './browser.harness.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describeBrowser('exchange membership (会员登记) in a real browser', (env) => {
  it('the factory (already a seller) applies as a buyer and attaches its licence; the exchange approves, then suspends it with a reason the portal discloses', async () => {
    const { url, login, lt, screenshot } = env();

    // The factory's administrator applies through the form.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await factory.goto(`${url}/console/exchange/membership`);
    await factory.getByTestId('membership-title').waitFor();
    await clickUntil(factory.getByTestId('membership-apply'), factory.getByTestId('apply-kind'));
    await chooseOption(factory.getByTestId('apply-kind'), factory.locator('.ant-select-item-option:visible', { hasText: '买方' }), factory.getByTestId('apply-kind').filter({ hasText: '买方' }));
    await factory.getByTestId('apply-contact-name').fill('王经理');
    await factory.getByTestId('apply-phone').fill('0757-12345678');
    await factory.getByTestId('apply-email').fill('wang@factory.example.cn');
    // An empty statement is caught before anything is sent.
    await clickUntil(factory.getByTestId('form-submit'), factory.locator('.ant-form-item-explain-error', { hasText: '必填' }));
    await factory.getByTestId('apply-statement').fill('采购上游供应商的物流时效数据产品。');
    await clickUntil(factory.getByTestId('form-submit'), factory.getByTestId('member-title'));
    await factory.locator('[data-testid="member-detail"][data-status="applied"]').waitFor();
    const memberId = factory.url().split('/').pop()!;
    expect(memberId).toMatch(/^mbr_[0-9a-z]{20}$/);

    // A renamed file is refused by the server, named in the page; the real PDF is attached.
    const chooser = async (page: Page, name: string, buffer: Buffer, mimeType: string) => {
      const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('member-attach').click()]);
      await fc.setFiles({ name, mimeType, buffer });
    };
    await chooser(factory, '营业执照.pdf', Buffer.from('GIF89a not a pdf'), 'application/pdf');
    await factory.getByTestId('member-error').filter({ hasText: '资质文件无效' }).waitFor();
    await chooser(factory, '营业执照.pdf', PDF, 'application/pdf');
    await factory.locator('[data-testid="member-files"][data-count="1"]').waitFor();
    await screenshot(factory, 'exchange-member-applied');
    await expect(factory.getByTestId('member-approve').count()).resolves.toBe(0);

    // The exchange reviews the list (the grid company's demo application waits there too), opens it and approves.
    const exchange = await (await env().context()).newPage();
    await login(exchange, 'exchange');
    await exchange.goto(`${url}/console/exchange/members`);
    await exchange.locator('[data-testid="members-table"] tbody tr', { hasText: '广东电网' }).first().waitFor();
    await exchange.getByTestId(`member-link-${memberId}`).click();
    await exchange.locator('[data-testid="member-files"][data-count="1"]').waitFor();
    await confirmAction(exchange, exchange.getByTestId('member-approve'), exchange.locator('[data-testid="member-detail"][data-status="active"]'));
    // A suspension needs a reason.
    await clickUntil(exchange.getByTestId('member-suspend'), exchange.getByTestId('reason-input'));
    await clickUntil(exchange.getByTestId('form-submit'), exchange.locator('.ant-form-item-explain-error', { hasText: '请填写理由' }));
    await exchange.getByTestId('reason-input').fill('未按期提交交易备案材料（浏览器测试）');
    await clickUntil(exchange.getByTestId('form-submit'), exchange.locator('[data-testid="member-detail"][data-status="suspended"]'));
    await expect(exchange.getByTestId('member-reason').innerText()).resolves.toBe('未按期提交交易备案材料（浏览器测试）');
    await screenshot(exchange, 'exchange-member-suspended');
    const stored = await lt.exchange.members.get(memberId, null);
    expect(stored).toMatchObject({ status: 'suspended', kind: 'buyer', reason: '未按期提交交易备案材料（浏览器测试）' });

    // The factory sees the suspension; the public portal discloses it, in both languages.
    await factory.reload();
    await factory.locator('[data-testid="member-detail"][data-status="suspended"]').waitFor();
    const visitor = await (await env().context()).newPage();
    await visitor.goto(`${url}/exchange`);
    await visitor.getByTestId('market-title').waitFor();
    await visitor.getByRole('tab', { name: '处理公示' }).click();
    await visitor.getByTestId('market-sanctions').getByText('未按期提交交易备案材料（浏览器测试）').waitFor();
    await expect(visitor.getByTestId('market-sanctions').innerText()).resolves.toContain('暂停');
    await visitor.evaluate(() => localStorage.setItem('liutong.locale', 'en-US'));
    await visitor.reload();
    await visitor.getByRole('tab', { name: 'Sanctions' }).click();
    await visitor.getByTestId('market-sanctions').getByText('Suspend').first().waitFor();
  });

  it('the data bureau suspends a broker with a reason; the factory sees its mandate and the register shows the standing', async () => {
    const { url, login, lt } = env();
    const broker2 = (await lt.exchange.members.brokers({ page: 1, pageSize: 10 })).items.find((b) => b.orgName.zh.startsWith('深圳某数据撮合'))!;
    const bureau = await (await env().context()).newPage();
    await login(bureau, 'bureau');
    await bureau.goto(`${url}/console/exchange/brokers`);
    await bureau.getByTestId(`broker-standing-${broker2.orgId}`).filter({ hasText: '有效' }).waitFor();
    await clickUntil(bureau.getByTestId(`broker-suspend-${broker2.orgId}`), bureau.getByTestId('reason-input'));
    await bureau.getByTestId('reason-input').fill('年度检查发现超范围经营（浏览器测试）');
    await clickUntil(bureau.getByTestId('form-submit'), bureau.locator(`[data-testid="broker-standing-${broker2.orgId}"][data-standing="suspended"]`));
    expect((await lt.exchange.members.broker(broker2.id)).status).toBe('suspended');
    // The factory's administrator reads its mandate to the first broker, and offers only brokers in force.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await factory.goto(`${url}/console/exchange/mandates`);
    await factory.getByTestId('mandates-table').getByText('代理挂牌产线能耗指数', { exact: false }).waitFor();
    await expect(factory.getByTestId('mandates-table').innerText()).resolves.toContain('1.5 %');
    await clickUntil(factory.getByTestId('mandate-create'), factory.getByTestId('mandate-broker'));
    await factory.getByTestId('mandate-broker').click();
    await factory.locator('.ant-select-item-option:visible', { hasText: '广州某数据经纪' }).waitFor();
    await expect(factory.locator('.ant-select-item-option:visible', { hasText: '深圳某数据撮合' }).count()).resolves.toBe(0);
  });

  it('the membership pages and the market page fit a 390 px wide screen', async () => {
    const { url, login } = env();
    const viewport = { width: 390, height: 844 };
    const page = await (await env().context(viewport)).newPage();
    await login(page, 'exchange');
    for (const p of ['/console/exchange/members', '/console/exchange/membership', '/console/exchange/brokers', '/console/exchange/mandates', '/exchange']) {
      await visit(page, `${url}${p}`);
      const fit = await fitsWidth(page);
      expect(fit, `${p} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    }
  });
});
