import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser } from './browser.harness.js';

/** Opens an antd Select (by test id) and picks the visible option containing `text`. */
async function pick(page: Page, testId: string, text: string | RegExp, search?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (search) await page.getByTestId(testId).locator('input').fill(search);
  await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click();
  // The dropdown closes with an animation (and stays open for multiple choice): wait until it is
  // gone, so that it cannot cover the next button.
  const open = page.locator('.ant-select-dropdown:visible');
  if (await open.count()) await page.keyboard.press('Escape');
  await open.first().waitFor({ state: 'hidden' }).catch(() => {});
}

/** Confirms the open Popconfirm. */
async function confirm(page: Page): Promise<void> {
  await page.locator('.ant-popover:visible .ant-btn-primary').click();
}

describeBrowser('resource catalog in a real browser', (env) => {
  it('the grid company catalogues, grades and submits a resource; the bureau publishes it; the bank then sees it', async () => {
    const { url, login, screenshot } = env();
    const title = '企业季度用电量（浏览器测试）';

    // The grid company (a public enterprise: its data is public data) catalogues through the form.
    const grid = await (await env().context()).newPage();
    await login(grid, 'grid');
    await grid.goto(`${url}/console/catalog/resources`);
    await grid.getByTestId('resource-table').getByText('企业月度用电量').waitFor();
    await grid.getByTestId('resource-create').click();
    await grid.getByTestId('resource-title-zh').fill(title);
    await grid.getByTestId('resource-title-en').fill('Quarterly electricity usage (browser test)');
    await grid.getByTestId('resource-category').click();
    await grid.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: '信用' }).first().click();
    await grid.getByTestId('field-0-name').fill('kwh');
    await grid.getByTestId('field-0-label-zh').fill('季度用电量');
    await grid.getByTestId('field-0-label-en').fill('Quarterly consumption');
    await pick(grid, 'field-0-element', 'DE.ELEC.KWH', 'KWH');
    await pick(grid, 'field-0-grade-general', '一般数据 2 级');

    // The form shows the grading rule before anything is sent: important data is never opened unconditionally.
    await pick(grid, 'field-0-grade-level', '重要数据');
    await pick(grid, 'resource-open-type', '无条件开放');
    const alert = grid.getByTestId('resource-rule-alert');
    await expect(alert.innerText()).resolves.toContain('重要数据不得无条件开放');
    await expect(grid.getByTestId('resource-submit-form').isDisabled()).resolves.toBe(true);
    await screenshot(grid, 'resource-form-rule');
    await pick(grid, 'field-0-grade-level', '一般数据');
    await pick(grid, 'field-0-grade-general', '一般数据 2 级');
    await pick(grid, 'resource-open-type', '不予开放');

    // Conditional sharing needs its conditions.
    await pick(grid, 'resource-sharing-type', '有条件共享');
    await expect(alert.innerText()).resolves.toContain('须写明条件');
    await grid.getByTestId('resource-sharing-conditions').fill('仅限金融机构在企业授权后用于信贷审批。');
    await alert.waitFor({ state: 'detached' });
    await expect(grid.getByTestId('resource-level-preview').innerText()).resolves.toContain('一般-2');
    await grid.getByTestId('resource-submit-form').click();
    await grid.getByTestId('resource-title').filter({ hasText: title }).waitFor();
    const detailUrl = grid.url();
    const resourceId = detailUrl.split('/').pop()!;
    expect(resourceId).toMatch(/^res_[0-9a-z]{20}$/);
    await grid.locator('[data-status="draft"]').first().waitFor();
    await expect(grid.getByTestId('resource-fields').innerText()).resolves.toContain('DE.ELEC.KWH');
    await expect(grid.getByTestId('resource-sharing').innerText()).resolves.toBe('有条件共享');
    // The owner grades a field of the draft inline: the field carries personal information.
    await grid.getByTestId('grade-kwh').click();
    await pick(grid, 'grade-pi', /^个人信息$/);
    await grid.getByTestId('form-submit').click();
    await grid.getByTestId('resource-fields').locator('tbody tr', { hasText: 'kwh' }).getByText('个人信息', { exact: true }).waitFor();
    // The owner submits; it may not publish public data itself.
    await grid.getByTestId('resource-submit').click();
    await confirm(grid);
    await grid.locator('[data-status="submitted"]').first().waitFor();
    await expect(grid.getByTestId('resource-publish').count()).resolves.toBe(0);
    await screenshot(grid, 'resource-submitted');

    // The server holds what the form sent: bound to the element, graded general-2, conditional sharing.
    const stored = await env().lt.catalog.resources.get(resourceId, null);
    expect(stored.status).toBe('submitted');
    expect(stored.scope).toBe('public');
    expect(stored.fields[0]).toMatchObject({ name: 'kwh', elementIdentifier: 'DE.ELEC.KWH', grade: { level: 'general', generalLevel: 2, personalInfo: 'personal' } });
    expect(stored.sharing).toMatchObject({ type: 'conditional' });
    expect(stored.open).toMatchObject({ type: 'none' });

    // Before publication the bank does not see it.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/catalog/resources`);
    await bank.getByTestId('resource-table').getByText('企业月度用电量').waitFor();
    await expect(bank.getByTestId('resource-table').getByText(title).count()).resolves.toBe(0);

    // The data bureau publishes public data.
    const bureau = await (await env().context()).newPage();
    await login(bureau, 'bureau');
    await bureau.goto(detailUrl);
    await bureau.getByTestId('resource-title').filter({ hasText: title }).waitFor();
    await expect(bureau.getByTestId('resource-submit').count()).resolves.toBe(0);
    await bureau.getByTestId('resource-publish').click();
    await confirm(bureau);
    await bureau.locator('[data-status="published"]').first().waitFor();
    await screenshot(bureau, 'resource-published');

    // Now the bank sees it in the list, with its level, and opens it.
    await bank.goto(`${url}/console/catalog/resources`);
    await bank.getByTestId('resource-search').locator('input').fill('季度用电量');
    await bank.getByTestId('resource-search').locator('input').press('Enter');
    const row = bank.getByTestId('resource-table').locator('tr', { hasText: title });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('一般-2');
    await expect(bank.getByTestId('resource-create').count()).resolves.toBe(1);
    await screenshot(bank, 'resource-list-bank');
    await row.getByRole('link', { name: title }).click();
    await bank.getByTestId('resource-title').filter({ hasText: title }).waitFor();
    await expect(bank.getByTestId('resource-actions').locator('button').count()).resolves.toBe(0);
  });

  it("another enterprise cannot see the analytics company's social resource", async () => {
    const { url, login, lt, screenshot } = env();
    const all = await lt.catalog.resources.list(null, { q: '景气指数', page: 1, pageSize: 5 });
    const social = all.items[0]!;
    expect(social.scope).toBe('social');

    // Its own company sees it.
    const analytics = await (await env().context()).newPage();
    await login(analytics, 'analytics');
    await analytics.goto(`${url}/console/catalog/resources`);
    await analytics.getByTestId('resource-table').getByText('中小企业经营景气指数').waitFor();

    // The bank neither lists it nor opens it by its URL; the refusal is in the current language.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/catalog/resources`);
    await bank.getByTestId('resource-table').getByText('企业月度用电量').waitFor();
    await expect(bank.getByTestId('resource-table').getByText('中小企业经营景气指数').count()).resolves.toBe(0);
    await bank.goto(`${url}/console/catalog/resources/${social.id}`);
    await expect(bank.getByTestId('resource-error').innerText()).resolves.toContain('数据资源不存在');
    await bank.getByTestId('language-switch').getByText('English').click();
    await bank.getByTestId('resource-error').filter({ hasText: 'Data resource not found' }).waitFor();
    await screenshot(bank, 'resource-social-hidden');
  });
});
