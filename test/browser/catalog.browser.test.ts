import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickUntil, confirmAction, describeBrowser } from './browser.harness.js';
import { residents, toCsv } from '../../src/cli/demo.data.js';

/** Opens an antd Select (by test id) and picks the visible option containing `text`. */
async function pick(page: Page, testId: string, text: string | RegExp, search?: string): Promise<void> {
  // What the select shows once the choice took (anchors dropped: a multiple choice shows several).
  const shown = typeof text === 'string' ? text : new RegExp(text.source.replace(/^\^|\$$/g, ''));
  const option = page.locator('.ant-select-item-option:visible', { hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    // A busy machine can swallow the click while the dropdown animates in, or close the dropdown
    // under it: every step is bounded and the choice is made again (four attempts).
    try {
      if (!(await option.isVisible())) {
        await page.getByTestId(testId).click({ timeout: 10_000 });
        if (search) await page.getByTestId(testId).locator('input').fill(search, { timeout: 5_000 });
      }
      await option.click({ timeout: 5_000 });
      // A single choice closes by itself; only a multiple choice needs Escape — pressed blindly, an
      // Escape that arrives after the dropdown has closed would close the surrounding dialog instead.
      const open = page.locator('.ant-select-dropdown:visible');
      await open.first().waitFor({ state: 'hidden', timeout: 3000 }).catch(async () => {
        await page.keyboard.press('Escape');
        await open.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      });
      await page.getByTestId(testId).filter({ hasText: shown }).first().waitFor({ timeout: 3000 });
      return;
    } catch (err) {
      // The choice may have taken late: choosing again would undo a multiple choice.
      if (await page.getByTestId(testId).filter({ hasText: shown }).first().isVisible()) return;
      if (attempt >= 4) throw err;
    }
  }
}

/** Searches the resource list (the demo catalogue spans several pages) and waits for `title` in it. */
async function findInList(page: Page, title: string): Promise<void> {
  const box = page.locator('input[data-testid="resource-search"], [data-testid="resource-search"] input').first();
  await box.fill(title);
  await box.press('Enter');
  await page.getByTestId('resource-table').getByText(title).first().waitFor();
}

/** Searches the resource list for `title` and waits for the empty result. */
async function expectNotInList(page: Page, title: string): Promise<void> {
  const box = page.locator('input[data-testid="resource-search"], [data-testid="resource-search"] input').first();
  await box.fill(title);
  await box.press('Enter');
  await page.getByTestId('resource-table').locator('.ant-empty').waitFor();
  await expect(page.getByTestId('resource-table').getByText(title).count()).resolves.toBe(0);
}

describeBrowser('resource catalog in a real browser', (env) => {
  it('the grid company catalogues, grades and submits a resource; the bureau publishes it; the bank then sees it', async () => {
    const { url, login, screenshot } = env();
    const title = '企业季度用电量（浏览器测试）';

    // The grid company (a public enterprise: its data is public data) catalogues through the form.
    const grid = await (await env().context()).newPage();
    await login(grid, 'grid');
    await grid.goto(`${url}/console/catalog/resources`);
    await findInList(grid, '企业月度用电量');
    await grid.getByTestId('resource-create').click();
    await grid.getByTestId('resource-title-zh').fill(title);
    await grid.getByTestId('resource-title-en').fill('Quarterly electricity usage (browser test)');
    await grid.getByTestId('resource-category').click();
    await grid.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: '信用' }).first().click();
    // The tree's dropdown must be gone before the next field: on a busy machine it lingers over it.
    await grid.locator('.ant-select-tree-dropdown:visible').waitFor({ state: 'hidden', timeout: 10_000 }).catch(async () => { await grid.keyboard.press('Escape'); });
    // 系统清单: the data comes from one of the grid company's own systems; its name fills in.
    await pick(grid, 'resource-system', '电力营销系统');
    await expect(grid.getByTestId('resource-system-name').inputValue()).resolves.toBe('电力营销系统');
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
    await clickUntil(grid.getByTestId('resource-submit-form'), grid.getByTestId('resource-title').filter({ hasText: title }));
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
    await grid.getByTestId('form-submit').waitFor({ state: 'detached' });
    await grid.getByTestId('resource-fields').locator('tbody tr', { hasText: 'kwh' }).getByText('个人信息', { exact: true }).waitFor();
    // The owner submits; it may not publish public data itself.
    await confirmAction(grid, grid.getByTestId('resource-submit'), grid.locator('[data-status="submitted"]'));
    await expect(grid.getByTestId('resource-publish').count()).resolves.toBe(0);
    await screenshot(grid, 'resource-submitted');

    // The server holds what the form sent: bound to the element, graded general-2, conditional sharing.
    const stored = await env().lt.catalog.resources.get(resourceId, null);
    expect(stored.status).toBe('submitted');
    expect(stored.scope).toBe('public');
    const systems = await env().lt.catalog.systems.list(null, { orgId: stored.sourceOrgId, q: '电力营销系统', page: 1, pageSize: 5 });
    expect(stored.systemId).toBe(systems.items[0]!.id);
    expect(stored.fields[0]).toMatchObject({ name: 'kwh', elementIdentifier: 'DE.ELEC.KWH', grade: { level: 'general', generalLevel: 2, personalInfo: 'personal' } });
    expect(stored.sharing).toMatchObject({ type: 'conditional' });
    expect(stored.open).toMatchObject({ type: 'none' });

    // Before publication the bank does not see it.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/catalog/resources`);
    await findInList(bank, '企业月度用电量');
    await expectNotInList(bank, title);

    // The data bureau publishes public data.
    const bureau = await (await env().context()).newPage();
    await login(bureau, 'bureau');
    await bureau.goto(detailUrl);
    await bureau.getByTestId('resource-title').filter({ hasText: title }).waitFor();
    await expect(bureau.getByTestId('resource-submit').count()).resolves.toBe(0);
    await confirmAction(bureau, bureau.getByTestId('resource-publish'), bureau.locator('[data-status="published"]'));
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

  it('public security mounts a file on a draft, has the scanner suggest grades, applies them and removes the data', async () => {
    const { url, login, lt, screenshot } = env();
    const police = (await lt.identity.organisations.list({ q: '公安厅', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0]!;
    const plain = { level: 'general', generalLevel: 1, personalInfo: 'none' } as const;
    const draft = await lt.catalog.resources.create(police.id, {
      title: { zh: '流动人口登记（浏览器测试）', en: 'Floating population register (browser test)' }, categoryId: 'cat_base0000000000000001', updateFrequency: 'monthly', format: 'table',
      sharing: { type: 'conditional', conditions: '仅限政务部门依法履职使用。' }, open: { type: 'none', legalBasis: '含个人信息，不予开放。' },
      fields: [
        { name: 'id_number', label: { zh: '身份号码', en: 'ID number' }, dataType: 'string', key: true, grade: plain },
        { name: 'mobile', label: { zh: '联系电话', en: 'Phone' }, dataType: 'string', grade: plain },
        { name: 'district', label: { zh: '区划', en: 'District' }, dataType: 'string', grade: plain },
      ],
    }, null);
    const csv = toCsv(residents(40, 7).map(({ id_number, mobile, district }) => ({ id_number, mobile, district })));

    const page = await (await env().context()).newPage();
    await login(page, 'police');
    await page.goto(`${url}/console/catalog/resources/${draft.id}`);
    await page.getByTestId('mount-none').waitFor();
    await page.getByTestId('resource-mount').locator('input[type=file]').setInputFiles({ name: 'floating.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('mount-rows').filter({ hasText: '40' }).waitFor();
    await page.getByTestId('mount-preview').waitFor();

    // The scanner recognises ID numbers and mobiles and would raise both; the district stays as it is.
    await page.getByTestId('resource-scan').click();
    await page.getByTestId('scan-detected-id_number').filter({ hasText: '公民身份号码' }).waitFor();
    await expect(page.getByTestId('scan-detected-mobile').innerText()).resolves.toContain('手机号码');
    await expect(page.getByTestId('scan-detected-district').count()).resolves.toBe(0);
    await expect(page.getByTestId('scan-result').innerText()).resolves.toContain('GB/T 35273-2020');
    await screenshot(page, 'resource-scan');
    await page.getByTestId('scan-apply').click();
    await page.getByTestId('scan-result').waitFor({ state: 'detached' });
    await page.getByTestId('resource-fields').locator('tbody tr', { hasText: 'id_number' }).getByText('敏感个人信息', { exact: true }).waitFor();
    const graded = await lt.catalog.resources.get(draft.id, null);
    expect(graded.fields.find((f) => f.name === 'id_number')!.grade).toMatchObject({ personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] });
    expect(graded.fields.find((f) => f.name === 'mobile')!.grade).toMatchObject({ personalInfo: 'personal', generalLevel: 3 });
    expect(graded.fields.find((f) => f.name === 'district')!.grade).toMatchObject(plain);

    // The owner removes the draft's data: nothing is served for it any more, with evidence.
    await confirmAction(page, page.getByTestId('mount-remove'), page.getByTestId('mount-none'));
    expect((await lt.catalog.mounts.queryRows(draft.id, { version: 1, offset: 0, limit: 5 })).rows).toHaveLength(0);
    await lt.flush();
    const removed = await lt.ledger.entries({ type: 'catalog.mount.removed', order: 'asc', page: 1, pageSize: 10 }, null);
    expect(removed.items.some((e) => (e.entry as { subject: { id: string } }).subject.id === draft.id)).toBe(true);
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
    await findInList(analytics, '中小企业经营景气指数');

    // The bank neither lists it nor opens it by its URL; the refusal is in the current language.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/catalog/resources`);
    await findInList(bank, '企业月度用电量');
    await expectNotInList(bank, '中小企业经营景气指数');
    await bank.goto(`${url}/console/catalog/resources/${social.id}`);
    await expect(bank.getByTestId('resource-error').innerText()).resolves.toContain('数据资源不存在');
    await bank.getByTestId('language-switch').getByText('English').click();
    await bank.getByTestId('resource-error').filter({ hasText: 'Data resource not found' }).waitFor();
    await screenshot(bank, 'resource-social-hidden');
  });
});
