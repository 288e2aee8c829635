import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, clickUntil, confirmAction, describeBrowser, fitsWidth, setChecked, visit } from './browser.harness.js';

const PORT = '港口集装箱吞吐量预测指数';
const PORT_EN = 'Port container throughput forecast index';
const CHECKLIST = ['source_legality', 'authorizations', 'personal_information', 'grading', 'security', 'scenario'] as const;

/** The text input of an Ant Design field whose data-testid sits on the input or on its wrapper. */
const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
/** A checkbox wrapper of a checkbox group, by its label. */
const box = (page: Page, group: string, label: string) => page.getByTestId(group).locator('.ant-checkbox-wrapper').filter({ hasText: label });

describeBrowser('exchange listings (挂牌) in a real browser', (env) => {
  it('the analytics company lists its port index: a draft (a bad tier order caught in the browser), the compliance centre assesses it, the exchange approves, the market finds it in both languages', async () => {
    const { url, login, lt, screenshot } = env();

    // The seller's administrator opens the form and picks its registered, unlisted asset; the titles follow it.
    const seller = await (await env().context()).newPage();
    await login(seller, 'analytics');
    await seller.goto(`${url}/console/exchange/listings`);
    await seller.getByTestId('listings-title').waitFor();
    await clickUntil(seller.getByTestId('listing-new'), seller.getByTestId('listing-form'));
    const portOption = seller.locator('.ant-select-item-option:visible', { hasText: PORT });
    await chooseOption(seller.getByTestId('listing-asset'), portOption, seller.getByTestId('listing-asset').filter({ hasText: PORT }));
    await expect(seller.getByTestId('listing-title-zh').inputValue()).resolves.toBe(PORT);
    await expect(seller.getByTestId('listing-title-en').inputValue()).resolves.toBe(PORT_EN);
    await seller.getByTestId('listing-description-zh').fill('珠三角主要港口未来四周的集装箱吞吐量预测指数，按港口、按周发布（浏览器测试）。');
    await seller.getByTestId('listing-description-en').fill('Four-week container throughput forecasts for the main Pearl River Delta ports, by port and week.');
    await chooseOption(seller.getByTestId('listing-category'), seller.locator('.ant-select-item-option:visible', { hasText: '交通运输' }), seller.getByTestId('listing-category').filter({ hasText: '交通运输' }));
    await chooseOption(seller.getByTestId('listing-region'), seller.locator('.ant-select-item-option:visible', { hasText: '广州市' }), seller.getByTestId('listing-region').filter({ hasText: '广州市' }));
    await setChecked(box(seller, 'listing-data-kinds', '汇总统计数据'), true);
    await setChecked(box(seller, 'listing-data-kinds', '企业数据'), true);
    await seller.getByTestId('listing-sample-content').fill('port,week,teu_index\n广州港,2026-W01,101.5\n深圳港,2026-W01,98.2\n"珠海港, 高栏",2026-W01,87.0\n');
    await setChecked(box(seller, 'listing-delivery', '接口调用'), true);
    // API delivery: the fields the gateway grant will carry (policy.fields), named as tags.
    await input(seller, 'listing-api-fields').fill('port');
    await seller.keyboard.press('Enter');
    await input(seller, 'listing-api-fields').fill('week');
    await seller.keyboard.press('Enter');
    await seller.getByTestId('listing-pricing-model').getByText('阶梯计价').click();
    await seller.getByTestId('listing-tier-1').waitFor();
    await clickUntil(seller.getByTestId('listing-tier-add'), seller.getByTestId('listing-tier-2'));
    // Tiers in the wrong order: the browser refuses before anything is sent.
    await input(seller, 'listing-tier-0-up-to').fill('10000');
    await seller.getByTestId('listing-tier-0-amount').fill('0.10');
    await input(seller, 'listing-tier-1-up-to').fill('1000');
    await seller.getByTestId('listing-tier-1-amount').fill('0.08');
    await seller.getByTestId('listing-tier-2-amount').fill('0.05');
    await input(seller, 'listing-purposes').fill('航运舱位计划');
    await seller.keyboard.press('Enter');
    await input(seller, 'listing-purposes').fill('外贸库存计划');
    await seller.keyboard.press('Enter');
    await screenshot(seller, 'listing-form');
    await clickUntil(seller.getByTestId('listing-save'), seller.getByTestId('listing-tiers-error').filter({ hasText: '各档“至多次数”须逐档递增' }));
    await expect(seller.getByTestId('listing-tiers-error').innerText()).resolves.toContain('第 2 档');
    expect(seller.url()).toMatch(/\/console\/exchange\/listings\/new$/);
    await input(seller, 'listing-tier-0-up-to').fill('1000');
    await input(seller, 'listing-tier-1-up-to').fill('10000');
    // A kind on the prohibited list passes the browser; the server's refusal shows in the page, and nothing is saved.
    await setChecked(box(seller, 'listing-data-kinds', '生物识别信息'), true);
    await clickUntil(seller.getByTestId('listing-save'), seller.getByTestId('listing-form-error').filter({ hasText: '禁止交易清单' }));
    expect(seller.url()).toMatch(/\/console\/exchange\/listings\/new$/);
    await setChecked(box(seller, 'listing-data-kinds', '生物识别信息'), false);
    await clickUntil(seller.getByTestId('listing-save'), seller.locator('[data-testid="listing-detail"][data-status="draft"]'));
    const listingId = seller.url().split('/').pop()!;
    expect(listingId).toMatch(/^lst_[0-9a-z]{20}$/);
    await expect(seller.getByTestId('listing-price').innerText()).resolves.toContain('¥0.05 / 次起');
    await expect(seller.getByTestId('listing-sample').innerText()).resolves.toContain('珠海港, 高栏');
    await expect(seller.getByTestId('listing-odrl-summary').innerText()).resolves.toContain('航运舱位计划');
    await expect(seller.getByTestId('listing-policy-fields').getAttribute('data-fields')).resolves.toBe('port,week');

    // It asks the compliance centre for an assessment.
    await clickUntil(seller.getByTestId('listing-request-assessment'), seller.getByTestId('assessor-select'));
    const centre = seller.locator('.ant-select-item-option:visible', { hasText: '广东数据资产合规服务中心' });
    await chooseOption(seller.getByTestId('assessor-select'), centre, seller.getByTestId('assessor-select').filter({ hasText: '广东数据资产合规服务中心' }));
    await clickUntil(seller.getByTestId('form-submit'), seller.locator('[data-testid="listing-detail"][data-status="assessing"]'));
    await expect(seller.getByTestId('listing-edit').count()).resolves.toBe(0);
    await screenshot(seller, 'listing-assessing');

    // A staff member of the compliance centre finds it in the "to assess" box and passes every item.
    const expert = await (await env().context()).newPage();
    await login(expert, 'expert.legal');
    await expert.goto(`${url}/console/exchange/listings`);
    await expert.getByTestId('listings-title').waitFor();
    await clickUntil(expert.getByTestId('listings-box-assess'), expert.getByTestId(`listing-link-${listingId}`));
    await expert.getByTestId(`listing-link-${listingId}`).click();
    await expert.getByTestId('assessment-form').waitFor();
    await expert.locator('[data-testid="assessment-outcome"][data-passed="false"]').waitFor();
    for (const item of CHECKLIST) await setChecked(expert.locator('.ant-checkbox-wrapper').filter({ has: expert.getByTestId(`checklist-${item}`) }), true);
    await expert.locator('[data-testid="assessment-outcome"][data-passed="true"]').waitFor();
    await expert.getByTestId('assessment-evidence').fill('核查了登记证书、数据来源采购合同（SHA-256 已核对）与分类分级报告；访谈了数据负责人（浏览器测试）。');
    await clickUntil(expert.getByTestId('assessment-submit'), expert.locator('[data-testid="listing-detail"][data-status="assessed"]'));
    await expert.locator('[data-testid="listing-assessments"][data-count="1"][data-current="1"]').waitFor();
    await expect(expert.getByTestId('listing-submit').count()).resolves.toBe(0);

    // The seller submits it for review.
    await seller.reload();
    await seller.locator('[data-testid="listing-detail"][data-status="assessed"]').waitFor();
    await confirmAction(seller, seller.getByTestId('listing-submit'), seller.locator('[data-testid="listing-detail"][data-status="submitted"]'));

    // The exchange approves it from its review box.
    const exchange = await (await env().context()).newPage();
    await login(exchange, 'exchange');
    await exchange.goto(`${url}/console/exchange/listings`);
    await exchange.locator('[data-testid="listings"][data-box="review"]').waitFor();
    await exchange.getByTestId(`listing-link-${listingId}`).click();
    await exchange.locator('[data-testid="listing-detail"][data-status="submitted"]').waitFor();
    await confirmAction(exchange, exchange.getByTestId('review-approve'), exchange.locator('[data-testid="listing-detail"][data-status="listed"]'));
    await screenshot(exchange, 'listing-listed');

    const listed = await lt.exchange.listings.publicListing(listingId);
    expect(listed).toMatchObject({
      status: 'listed', title: { zh: PORT, en: PORT_EN }, category: 'transport', region: 'guangzhou', deliveryMethods: ['api'],
      pricing: { model: 'tiered', tiers: [{ upTo: 1000, amountFen: '10' }, { upTo: 10000, amountFen: '8' }, { upTo: null, amountFen: '5' }] },
      policy: { purposes: ['航运舱位计划', '外贸库存计划'] }, assessment: { passed: true },
    });

    // The market, without a login, finds it by a word of its title; its page shows the offer, then in English.
    const visitor = await (await env().context()).newPage();
    await visitor.goto(url);
    await clickUntil(visitor.getByTestId('portal-market'), visitor.getByTestId('market-listings-title'));
    await input(visitor, 'market-search').fill('集装箱');
    await input(visitor, 'market-search').press('Enter');
    await visitor.getByTestId(`market-link-${listingId}`).waitFor();
    await expect(visitor.getByTestId(`market-price-${listingId}`).innerText()).resolves.toContain('¥0.05');
    await visitor.getByTestId(`market-link-${listingId}`).click();
    await visitor.getByTestId('market-listing-title').filter({ hasText: PORT }).waitFor();
    await expect(visitor.getByTestId('market-listing-number').innerText()).resolves.toBe(listed.registrationNumber);
    await expect(visitor.getByTestId('market-listing-seller').innerText()).resolves.toContain('深圳某数据科技有限公司');
    await visitor.locator('[data-testid="market-listing-assessment"][data-passed="true"]').waitFor();
    await expect(visitor.getByTestId('market-listing-assessment').innerText()).resolves.toContain('广东数据资产合规服务中心');
    await clickUntil(visitor.getByTestId('market-odrl').getByText('ODRL'), visitor.getByTestId('market-odrl-json'));
    const odrl = JSON.parse(await visitor.getByTestId('market-odrl-json').innerText()) as { '@type': string; uid: string };
    expect(odrl).toMatchObject({ '@type': 'Offer', uid: `urn:liutong:listing:${listingId}` });
    await visitor.getByTestId('language-switch').getByText('English').click();
    await visitor.getByTestId('market-listing-title').filter({ hasText: PORT_EN }).waitFor();
    await expect(visitor.getByTestId('market-listing-price').innerText()).resolves.toContain('from ¥0.05 per call');
    await screenshot(visitor, 'listing-market-page-en');
  });

  it('the market, the listing pages and the console listing pages fit 390 px and 1366 px wide screens', async () => {
    const { url, login, lt, screenshot } = env();
    const listed = (await lt.exchange.listings.market({ page: 1, pageSize: 1 })).items[0]!;
    expect(listed).toBeDefined();
    for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 768 }]) {
      const visitor = await (await env().context(viewport)).newPage();
      for (const p of ['/market', `/market/${listed.id}`]) {
        await visit(visitor, `${url}${p}`);
        const fit = await fitsWidth(visitor);
        expect(fit, `${p} at ${viewport.width}px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
        if (viewport.width === 390) await screenshot(visitor, `listing-${p === '/market' ? 'market' : 'market-page'}-390`);
      }
      const page = await (await env().context(viewport)).newPage();
      await login(page, 'analytics');
      const mine = (await lt.exchange.listings.market({ page: 1, pageSize: 50 })).items.find((l) => l.seller.name.zh.startsWith('深圳某数据科技'))!;
      for (const p of ['/console/exchange/listings', '/console/exchange/listings/new', `/console/exchange/listings/${mine.id}`]) {
        await visit(page, `${url}${p}`);
        const fit = await fitsWidth(page);
        expect(fit, `${p} at ${viewport.width}px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
        if (viewport.width === 390 && p.endsWith('/new')) await screenshot(page, 'listing-form-390');
      }
    }
  });
});
