import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { randomUscc } from '../harness.js';
import { describeBrowser } from './browser.harness.js';

async function book(rows: Record<string, string[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, data] of Object.entries(rows)) {
    const ws = wb.addWorksheet(name);
    for (const r of data) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeBrowser('three lists, census import and the important-data catalogue in a real browser', (env) => {
  it('the bureau reads the lists, imports a census workbook (refused with a report, then accepted) and keeps the important-data catalogue', async () => {
    const { url, login, screenshot } = env();
    const page = await (await env().context()).newPage();
    await login(page, 'bureau');

    // The system list: every body's systems, with the resources declaring them.
    await page.goto(`${url}/console/catalog/systems`);
    await page.getByTestId('system-table').getByText('电力营销系统').waitFor();
    await screenshot(page, 'lists-systems');

    // The overview: the three lists per body.
    await page.goto(`${url}/console/catalog/lists`);
    await page.getByTestId('lists-overview').getByText('广东电网有限责任公司（演示）').waitFor();

    // The demand list: the tax bureau's demand, matched to the grid's electricity usage, with suggestions.
    await page.goto(`${url}/console/catalog/demands`);
    await page.getByTestId('demand-table').getByText('企业用电量数据需求').click();
    await page.getByTestId('demand-matches').getByText('企业月度用电量').waitFor();
    await screenshot(page, 'lists-demand');
    await page.keyboard.press('Escape');

    // Census import: a workbook with a bad row is refused with the row report, nothing imported.
    await page.goto(`${url}/console/catalog/census`);
    const uscc = randomUscc();
    const header = ['name_zh', 'name_en', 'uscc', 'type'];
    const bad = await book({ organisations: [header, ['浏览器普查单位', 'Browser census body', uscc, 'government']], systems: [['org', 'name_zh', 'name_en'], ['没有这个单位', '系统', 'System']] });
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('census-upload-xlsx').click();
    await (await chooser).setFiles({ name: 'census.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    const report = page.getByTestId('census-report');
    await report.getByText('CATALOG_CENSUS_REFERENCE_UNKNOWN').waitFor();
    await expect(report.innerText()).resolves.toContain('没有这个单位');
    await screenshot(page, 'lists-census-report');
    expect((await env().lt.identity.organisations.list({ q: uscc, page: 1, pageSize: 5, sort: 'createdAt', order: 'asc' })).total).toBe(0);
    const good = await book({ organisations: [header, ['浏览器普查单位', 'Browser census body', uscc, 'government']], systems: [['org', 'name_zh', 'name_en'], [uscc, '浏览器系统', 'Browser system']] });
    const chooser2 = page.waitForEvent('filechooser');
    await page.getByTestId('census-upload-xlsx').click();
    await (await chooser2).setFiles({ name: 'census.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await expect(page.getByTestId('census-done').innerText()).resolves.toContain('单位 1、系统 1');
    expect((await env().lt.identity.organisations.list({ q: uscc, page: 1, pageSize: 5, sort: 'createdAt', order: 'asc' })).total).toBe(1);

    // The important-data catalogue: the seeded entry; a new one through the form.
    await page.goto(`${url}/console/catalog/important-data`);
    await page.getByTestId('important-table').getByText('人口户籍数据').waitFor();
    await page.getByTestId('important-create').click();
    await page.getByTestId('important-sector').fill('meteorology');
    await page.getByTestId('important-name-zh').fill('台风路径精细数据');
    await page.getByTestId('important-name-en').fill('Detailed typhoon tracks');
    await page.getByTestId('important-keywords').locator('input').fill('台风路径');
    await page.keyboard.press('Enter');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('important-table').getByText('台风路径精细数据').waitFor();

    // Both languages.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('Important-data catalogue').first().waitFor();
    await screenshot(page, 'lists-important-en');
  });
});
