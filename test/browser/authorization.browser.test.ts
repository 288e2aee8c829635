import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, confirmAction, describeBrowser, fitsWidth, visit } from './browser.harness.js';

/**
 * Authorized operation (授权运营) in the console: the demo's 依场景 application for 电费贷 waits for
 * the data bureau (its implementing body). The bureau reviews and seals it, the analytics company
 * (the operator) seals it, the bureau puts it in force — the operator's gateway grant is issued —
 * and the operator declares a product under it; an anonymous visitor opens the public disclosures.
 */
describeBrowser('authorized operation in a real browser', (env) => {
  /** Confirms the open Popconfirm. */
  const status = (page: Page, s: string) => page.locator(`[data-testid="agreement-status"][data-status="${s}"]`).waitFor({ timeout: 20_000 });

  it('the bureau reviews and seals the 电费贷 application, the operator seals, the bureau activates it, the operator declares a product', async () => {
    const { url, login, lt, screenshot } = env();
    const bureauOrg = (await lt.identity.organisations.list({ q: '政务服务和数据管理局', page: 1, pageSize: 1, sort: 'name', order: 'asc' } as any)).items[0]!;
    const overseer = { kind: 'user', orgId: bureauOrg.id, orgRoles: ['data_bureau', 'implementing_body'], memberRole: 'org_admin', personRoles: [], displayName: 'test' } as any;
    const pending = (await lt.authorization.agreements.list(overseer, { box: 'all', status: 'applied', page: 1, pageSize: 10 })).items.find((a) => a.scenarios.some((s) => s.includes('电费贷')));
    expect(pending, 'the demo seeds a 电费贷 application waiting for review').toBeTruthy();
    const id = pending!.id;

    // The bureau finds the application in its list and opens it.
    const bureau = await (await env().context()).newPage();
    await login(bureau, 'bureau');
    await bureau.goto(`${url}/console/authorization/agreements`);
    await bureau.getByTestId(`agreement-link-${id}`).click();
    await bureau.getByTestId('agreement-title').filter({ hasText: '电费贷' }).waitFor();
    await status(bureau, 'applied');
    await expect(bureau.getByTestId('agreement-fee-cap').innerText()).resolves.toContain('0.20 元/次');
    await screenshot(bureau, 'authorization-applied');

    // Review with a note: the document to seal is fixed.
    await bureau.getByTestId('agreement-review').click();
    await bureau.getByTestId('review-text').fill('场景明确，安全方案可行，审核通过。');
    await bureau.getByTestId('form-submit').click();
    await bureau.getByTestId('form-submit').waitFor({ state: 'detached' });
    await status(bureau, 'reviewed');
    await bureau.getByTestId('agreement-review-note').filter({ hasText: '审核通过' }).waitFor();
    await bureau.getByTestId('agreement-digest').waitFor();

    // The bureau's org_admin seals it.
    await confirmAction(bureau, bureau.getByTestId('agreement-seal'), bureau.locator('[data-testid="seal-implementingBody"][data-sealed="true"]'));
    await status(bureau, 'reviewed');
    await expect(bureau.getByTestId('agreement-seal').count()).resolves.toBe(0); // once per side

    // The operator's org_admin seals it: both seals make it signed.
    const analytics = await (await env().context()).newPage();
    await login(analytics, 'analytics');
    await analytics.goto(`${url}/console/authorization/agreements/${id}`);
    await status(analytics, 'reviewed');
    await confirmAction(analytics, analytics.getByTestId('agreement-seal'), analytics.locator('[data-testid="agreement-status"][data-status="signed"]'));
    await analytics.locator('[data-testid="seal-operator"][data-sealed="true"]').waitFor();

    // The bureau verifies both seals and puts the agreement in force.
    await bureau.reload();
    await status(bureau, 'signed');
    await bureau.getByTestId('agreement-verify-seals').click();
    await bureau.locator('[data-testid="seal-check-implementingBody"][data-valid="true"]').waitFor();
    await bureau.locator('[data-testid="seal-check-operator"][data-valid="true"]').waitFor();
    await confirmAction(bureau, bureau.getByTestId('agreement-activate'), bureau.locator('[data-testid="agreement-status"][data-status="active"]'));
    await bureau.getByTestId('timeline-activatedAt').waitFor();
    await expect(bureau.getByTestId('agreement-grants').innerText()).resolves.toContain('1');
    await screenshot(bureau, 'authorization-active');

    // The operator declares a product for the one authorized scenario, within the fee cap.
    await analytics.reload();
    await status(analytics, 'active');
    await analytics.getByTestId('product-declare').click();
    await analytics.getByTestId('declare-name-zh').fill('企业用电信用指数');
    await analytics.getByTestId('declare-name-en').fill('Company electricity credit index');
    await analytics.getByTestId('declare-description').fill('按月输出用电指数，不返回原始用电量。');
    await analytics.getByTestId('declare-fee-amount').fill('0.15');
    await screenshot(analytics, 'authorization-declare');
    await analytics.getByTestId('form-submit').click();
    await analytics.getByTestId('form-submit').waitFor({ state: 'detached' });
    await analytics.getByTestId('product-table').getByText('企业用电信用指数').waitFor();

    // The operator's gateway grant says where it came from.
    const agreement = await lt.authorization.agreements.get(id, null);
    await analytics.goto(`${url}/console/gateway/grants`);
    await analytics.getByTestId(`grant-source-${agreement.grantIds[0]}`).filter({ hasText: '授权运营' }).waitFor();

    // On the server: in force with one grant (one resource in scope), and the product declared.
    expect(agreement).toMatchObject({ status: 'active', reviewNote: '场景明确，安全方案可行，审核通过。' });
    expect(agreement.grantIds).toHaveLength(1);
    expect(agreement.seals.implementingBody).not.toBeNull();
    expect(agreement.seals.operator).not.toBeNull();
    const products = await lt.authorization.products.list(overseer, { agreementId: id, page: 1, pageSize: 10 });
    expect(products.items).toHaveLength(1);
    expect(products.items[0]).toMatchObject({ name: { zh: '企业用电信用指数', en: 'Company electricity credit index' }, status: 'declared', fee: { amount: '0.15', unit: '元/次' } });
    expect(products.items[0]!.scenario).toContain('电费贷');
  });

  it('the operator applies through the form: the rules show before sending, the scope is picked from the catalog', async () => {
    const { url, login, lt, screenshot } = env();
    const registry = (await lt.catalog.resources.list(null, { q: '企业登记信息', status: 'published', page: 1, pageSize: 1 })).items[0]!;
    const page = await (await env().context()).newPage();
    await login(page, 'analytics');
    await page.goto(`${url}/console/authorization/agreements`);
    await page.getByTestId('agreement-apply').click();
    await page.getByTestId('apply-rules').waitFor();

    const formItem = (control: ReturnType<Page['locator']>, text: string | RegExp) => page.locator('.ant-form-item').filter({ has: control }).filter({ hasText: text });
    const body = '广东省政务服务和数据管理局（演示）';
    await chooseOption(page.getByTestId('apply-implementing'), page.locator(`.ant-select-item-option[title="${body}"]`), formItem(page.getByTestId('apply-implementing'), body));
    // 依场景授权 with no scenario yet: the rule is shown and the form is not sent.
    await page.getByTestId('apply-mode').getByText('依场景授权').click();
    await page.getByTestId('apply-problems').filter({ hasText: '一场景一申请' }).waitFor();
    await expect(page.getByTestId('apply-submit').isDisabled()).resolves.toBe(true);
    await page.getByTestId('apply-scenario-0').fill('供应链金融：核验供应商登记状态');

    // The scope: search the catalog, add the registry, tick two fields.
    await page.getByTestId('scope-search').locator('input').fill('企业登记信息');
    await page.getByTestId('scope-search').locator('input').press('Enter');
    await page.getByTestId(`scope-add-${registry.id}`).click();
    const fields = page.getByTestId(`scope-fields-${registry.id}`);
    await page.getByTestId('apply-problems').filter({ hasText: '至少一个字段' }).waitFor();
    await fields.locator('label', { hasText: '(uscc)' }).click();
    await fields.locator('label', { hasText: '(name)' }).click();

    await page.getByTestId('apply-fee-amount').fill('0.05');
    await page.getByTestId('apply-fee-unit').locator('input').fill('元/次');
    await page.getByTestId('apply-obligations').fill('仅核验登记状态，不留存原始数据；数据不出域。');
    await page.getByTestId('apply-problems').waitFor({ state: 'detached' });
    await screenshot(page, 'authorization-apply');
    await page.getByTestId('apply-submit').click();

    // Sent: the detail page of the new application.
    await page.getByTestId('agreement-title').filter({ hasText: '供应链金融' }).waitFor({ timeout: 20_000 });
    await status(page, 'applied');
    await page.getByTestId(`scope-resource-${registry.id}`).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const created = await lt.authorization.agreements.get(id, null);
    expect(created).toMatchObject({ status: 'applied', mode: 'scenario', scenarios: ['供应链金融：核验供应商登记状态'], feeCap: { amount: '0.05', unit: '元/次' } });
    expect(created.scope.map((s) => [s.resourceId, s.fields])).toEqual([[registry.id, ['uscc', 'name']]]);
    // The operator may withdraw its own application (confirmed first).
    await confirmAction(page, page.getByTestId('agreement-withdraw'), page.locator('[data-testid="agreement-status"][data-status="withdrawn"]'));
  });

  it("the bureau's disclosure page shows who has not disclosed, and the server's refusal when there is nothing to disclose", async () => {
    const { url, login, screenshot } = env();
    const page = await (await env().context()).newPage();
    await login(page, 'bureau');
    await page.goto(`${url}/console/authorization/disclosures`);
    await page.getByTestId('missing-due').waitFor();
    // The demo's agreements began this year: last year there is nothing to disclose, and the server says so.
    await confirmAction(page, page.getByTestId('disclosure-submit'), page.getByTestId('disclosure-error').filter({ hasText: '无需披露' }));
    await screenshot(page, 'authorization-disclosure-console');
  });

  it('the pages with a record fit a 390 px wide screen', async () => {
    const { url, login, lt } = env();
    const bureauOrg = (await lt.identity.organisations.list({ q: '政务服务和数据管理局', page: 1, pageSize: 1, sort: 'name', order: 'asc' } as any)).items[0]!;
    const overseer = { kind: 'user', orgId: bureauOrg.id, orgRoles: ['data_bureau'], memberRole: 'auditor', personRoles: [], displayName: 'test' } as any;
    const active = (await lt.authorization.agreements.list(overseer, { box: 'all', status: 'active', page: 1, pageSize: 1 })).items[0]!;
    const viewport = { width: 390, height: 844 };
    const check = async (page: Page, path: string, ready: string) => {
      await visit(page, `${url}${path}`);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const fit = await fitsWidth(page);
      expect(fit, `${path} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    };
    const bureau = await (await env().context(viewport)).newPage();
    await login(bureau, 'bureau');
    await check(bureau, `/console/authorization/agreements/${active.id}`, 'agreement-products');
    const analytics = await (await env().context(viewport)).newPage();
    await login(analytics, 'analytics');
    await check(analytics, '/console/authorization/agreements/new', 'apply-rules');
    await check(analytics, '/console/authorization/disclosures', 'disclosure-publish');
  });

  // Last: it moves the platform clock forward (never back) so that this year has ended and can be disclosed.
  it('an anonymous visitor opens the public disclosures: empty at first, then the operator\'s report with its downloads', async () => {
    const { url, lt, screenshot } = env();
    const page = await (await env().context()).newPage();
    await page.goto(`${url}/disclosures`);
    await page.getByTestId('disclosure-portal').waitFor();
    const before = await lt.authorization.disclosures.list({ page: 1, pageSize: 1 });
    if (before.total === 0) await page.getByTestId('disclosure-empty').waitFor();
    else await page.getByTestId(`disclosure-${before.items[0]!.id}`).waitFor();
    await expect(page.getByTestId('portal-login').count()).resolves.toBe(1); // not signed in
    await screenshot(page, 'authorization-disclosures-portal');

    // Mid-January next year (Asia/Shanghai), the operator publishes its report for this year.
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const shift = Date.UTC(year + 1, 0, 15, 2) - Date.now();
    const clock = lt.kernel.clock as { now(): Date };
    const real = clock.now.bind(clock);
    clock.now = () => new Date(real().getTime() + shift);
    const analyticsOrg = (await lt.identity.organisations.list({ q: '数据科技', page: 1, pageSize: 1, sort: 'name', order: 'asc' } as any)).items[0]!;
    const published = await lt.authorization.disclosures.publish(analyticsOrg.id, year, 'operator', null);

    await page.reload();
    await page.getByTestId(`disclosure-${published.id}`).click();
    await page.getByTestId('disclosure-title').filter({ hasText: String(year) }).waitFor();
    await page.getByTestId('disclosure-digest').filter({ hasText: published.digest }).waitFor();
    await page.getByTestId('disclosure-agreements').getByText('广东省政务服务和数据管理局（演示）').first().waitFor();
    await page.getByTestId('disclosure-products').getByText('中小企业信用评分接口').waitFor();
    await expect(page.getByTestId('disclosure-download-json').getAttribute('href')).resolves.toBe(`/api/v1/public/authorization/disclosures/${published.id}`);
    const csvHref = await page.getByTestId('disclosure-download-csv').getAttribute('href');
    const csv = await fetch(`${url}${csvHref}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('中小企业信用评分接口');
    await screenshot(page, 'authorization-disclosure-report');
    const narrow = await (await env().context({ width: 390, height: 844 })).newPage();
    await narrow.goto(`${url}/disclosures/${published.id}`);
    await narrow.getByTestId('disclosure-agreements').waitFor();
    await narrow.waitForLoadState('networkidle');
    const fit = await fitsWidth(narrow);
    expect(fit, `disclosure report at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
  });
});
