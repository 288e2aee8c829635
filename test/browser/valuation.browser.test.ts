import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatFen } from '../../console/src/format/money.format';
import { chooseOption, clickUntil, describeBrowser, fitsWidth } from './browser.harness.js';

/**
 * Valuation reports (价值评估报告) and data assets on the books (数据资产入表) in the console. The
 * demo's analytics company has 中小企业信用评分接口 in publicity; its publicity's end is moved into the
 * past and the sweep registers it (set up through the services). In the browser the company makes a
 * self-estimate by the cost method from the application's page — a remaining life longer than the
 * total life first, which the API refuses with the problem named — then sees the sealed report with
 * the value the API computed, to the fen, its seal checked valid, and prints it (the print style shows
 * the report alone); the bank cannot see the report (404: the not-found message). Then the company
 * recognises the registered asset as a purchased intangible asset (a training cost expensed), sees its
 * monthly amortization and carrying amount, and downloads the year's disclosure tables as XLSX.
 */
describeBrowser('valuation reports and data assets on the books (价值评估 · 数据资产入表) in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const principal = (org: { id: string; roles: readonly string[] }) => ({ kind: 'user', orgId: org.id, orgRoles: [...org.roles], memberRole: 'org_admin', personRoles: [], displayName: 'test' }) as any;
  const option = (page: Page, title: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  /**
   * Picks the option titled `title` of a searchable select whose list is longer than the dropdown
   * shows: opens it, types the title, clicks the option and waits until the select shows it — again
   * when a busy machine swallowed a step (chooseOption).
   */
  const choose = async (page: Page, testId: string, title: string) => {
    const select = page.getByTestId(testId);
    await chooseOption(
      { click: async (o?: { timeout?: number }) => { await select.click(o); await select.locator('input').fill(title, o); } } as unknown as Locator,
      option(page, title),
      select.filter({ hasText: title }),
    );
  };
  const TITLE = '中小企业信用评分接口';
  /** Today in Asia/Shanghai. */
  const shanghaiDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let valuationId: string | null = null;

  /** The analytics company's application in publicity, registered through the services (its publicity's end moved into the past, then the sweep). */
  const registeredApplication = async () => {
    const { lt } = env();
    const analytics = await orgByName('深圳某数据科技');
    const mine = await lt.registry.applications.list(principal(analytics), { box: 'mine', page: 1, pageSize: 50 } as any);
    const a = mine.items.find((x: { title: { zh: string } }) => x.title.zh === TITLE)!;
    expect(a, 'the demo application in publicity').toBeTruthy();
    if (a.status !== 'registered') {
      expect(a.status).toBe('publicity');
      await lt.kernel.db.updateTable('registry_application' as never).set({ publicity_until: new Date(Date.now() - 1000) } as never).where('id' as never, '=', a.id as never).execute();
      await lt.registry.applications.sweep();
    }
    const registered = await lt.registry.applications.get(a.id, null);
    expect(registered).toMatchObject({ status: 'registered', applicantOrgId: analytics.id });
    expect(registered.registrationNumber).toMatch(/^GDDA-\d{4}-\d{6}$/);
    return { analytics, id: a.id as string, number: registered.registrationNumber as string };
  };

  it('the applicant self-estimates by the cost method, sees the sealed report with its exact value and prints it; another organisation cannot see it', async () => {
    const { url, login, lt, screenshot } = env();
    const { analytics, id, number } = await registeredApplication();

    const page = await (await env().context()).newPage();
    await login(page, 'analytics');
    await page.goto(`${url}/console/registry/applications/${id}`);
    await page.locator(`[data-testid="registry-detail"][data-status="registered"]`).waitFor({ timeout: 20_000 });
    const panel = page.locator('[data-testid="valuation-panel"][data-count="0"]');
    await panel.waitFor({ timeout: 20_000 });
    await panel.getByTestId('valuation-new').click();
    await page.waitForURL(new RegExp(`/console/registry/applications/${id}/valuations/new$`));
    await page.getByTestId('valuation-form').waitFor({ timeout: 20_000 });
    await expect(page.getByText(`登记编号：${number}`).count()).resolves.toBe(1);
    // The applicant may only self-estimate; the base date is today; the cost method is chosen.
    await expect(page.getByTestId('valuation-form-kind').innerText()).resolves.toContain('持有方自评估');
    await expect(page.getByTestId('valuation-form-base-date').inputValue()).resolves.toBe(shanghaiDay());
    await page.getByTestId('valuation-form-base-date').fill('2026-10-31');

    // Replacement cost: direct costs 1,200,000 and preliminary costs 284,000.50.
    await page.getByTestId('valuation-form-cost-amount-0').fill('1,200,000');
    await page.getByTestId('valuation-form-cost-label-0').fill('数据采集与加工人工');
    await clickUntil(page.getByTestId('valuation-form-cost-add'), page.getByTestId('valuation-form-cost-amount-1'));
    await chooseOption(page.getByTestId('valuation-form-cost-kind-1'), option(page, '前期费用'), page.getByTestId('valuation-form-cost-kind-1').filter({ hasText: '前期费用' }));
    await page.getByTestId('valuation-form-cost-amount-1').fill('284000.50');
    // Adjusted by the remaining economic life: first longer than the total life — the API names the problem.
    await clickUntil(page.getByTestId('valuation-form-adjustment-remaining_life'), page.getByTestId('valuation-form-remaining-years'));
    await page.getByTestId('valuation-form-remaining-years').fill('5');
    await page.getByTestId('valuation-form-total-years').fill('4');
    await page.getByTestId('valuation-form-opinion').fill('以重置成本为基础，按剩余经济寿命确定价值调整系数。');
    await page.getByTestId('valuation-form-submit').click();
    const error = page.getByTestId('valuation-form-error');
    await error.waitFor({ timeout: 20_000 });
    await error.locator('[data-testid="valuation-problem"][data-code="life_range"][data-path="adjustment.remainingYears"]').filter({ hasText: '剩余不得超过总经济寿命' }).waitFor();
    await expect(error.innerText()).resolves.toContain('评估输入无效');
    await screenshot(page, 'valuation-form-problems');
    expect((await lt.registry.valuations.list(id, principal(analytics))).items).toEqual([]);

    // …then three years of four: 1,484,000.50 × 3/4 = 1,113,000.375 → ¥1,113,000.38.
    await page.getByTestId('valuation-form-remaining-years').fill('3');
    await page.getByTestId('valuation-form-submit').click();
    await page.waitForURL(/\/console\/registry\/valuations\/val_[0-9a-z]{20}$/, { timeout: 20_000 });
    valuationId = page.url().split('/').pop()!;
    const v = await lt.registry.valuations.get(valuationId, principal(analytics));
    expect(v).toMatchObject({ applicationId: id, kind: 'self_estimate', holderOrgId: analytics.id, valuerOrgId: analytics.id, baseDate: '2026-10-31', valueFen: '111300038', sealCheck: { valid: true } });
    const report = page.locator(`[data-testid="valuation-report"][data-value-fen="${v.valueFen}"]`);
    await report.waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('valuation-value').innerText()).resolves.toBe('¥1,113,000.38');
    await expect(page.getByTestId('valuation-method-value-cost').innerText()).resolves.toBe('¥1,113,000.38');
    await expect(page.getByTestId('valuation-replacement-cost').innerText()).resolves.toBe('¥1,484,000.50');
    await expect(page.getByTestId('valuation-cost-factor').innerText()).resolves.toBe('0.75');
    await expect(page.getByTestId('valuation-cost-items').innerText()).resolves.toContain('数据采集与加工人工');
    await expect(page.getByTestId('valuation-asset').innerText()).resolves.toBe(TITLE);
    await expect(page.getByTestId('valuation-base-date').innerText()).resolves.toBe('2026-10-31');
    await expect(page.getByTestId('valuation-valuer').innerText()).resolves.toBe(analytics.name.zh);
    await expect(page.getByTestId('valuation-opinion').innerText()).resolves.toContain('剩余经济寿命');
    // The seal: its algorithm, key and digest as sealed, checked valid.
    const seal = v.seal as { alg: string; kid: string; digest: string };
    await page.locator('[data-testid="valuation-seal-check"][data-valid="true"]').filter({ hasText: '印章有效' }).waitFor();
    await expect(page.getByTestId('valuation-seal-alg').innerText()).resolves.toBe('Ed25519');
    await expect(page.getByTestId('valuation-seal-kid').innerText()).resolves.toBe(seal.kid);
    await expect(page.getByTestId('valuation-seal-digest').innerText()).resolves.toBe(seal.digest);
    const wide = await fitsWidth(page);
    expect(wide, `the report at 1366px: scrollWidth ${wide.scrollWidth}`).toMatchObject({ ok: true });
    await screenshot(page, 'valuation-report');

    // Print: window.print(), and the print style shows the report alone.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByTestId('valuation-print').click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.lt-sider').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('.lt-console-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('valuation-print').isVisible()).resolves.toBe(false);
    await expect(report.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('valuation-value').isVisible()).resolves.toBe(true);
    await screenshot(page, 'valuation-report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('valuation-print').waitFor();

    // The application's page lists it.
    await page.getByTestId('valuation-to-application').click();
    await page.locator('[data-testid="valuation-panel"][data-count="1"]').getByTestId(`valuation-link-${valuationId}`).filter({ hasText: '¥1,113,000.38' }).waitFor({ timeout: 20_000 });

    // The bank is no party: the API answers 404 and the page says so.
    const bankOrg = await orgByName('广州某商业银行');
    await expect(lt.registry.valuations.get(valuationId, principal(bankOrg))).rejects.toMatchObject({ code: 'REGISTRY_VALUATION_NOT_FOUND' });
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/registry/valuations/${valuationId}`);
    await bank.getByTestId('valuation-not-found').filter({ hasText: '评估报告不存在' }).waitFor({ timeout: 20_000 });
    await expect(bank.getByTestId('valuation-report').count()).resolves.toBe(0);
    await screenshot(bank, 'valuation-not-found');
  }, 300_000);

  it('the enterprise recognises its registered asset as a purchased intangible asset, sees its amortization and downloads the disclosure XLSX', async () => {
    const { login, lt, screenshot } = env();
    const { analytics, id, number } = await registeredApplication();
    const year = Number(shanghaiDay().slice(0, 4));

    const page = await (await env().context()).newPage();
    await login(page, 'analytics');
    await page.getByRole('menuitem', { name: '数据资产入表' }).click();
    await page.waitForURL(/\/console\/registry\/accounting$/);
    await page.getByTestId('accounting-empty').waitFor({ timeout: 20_000 });
    await page.locator(`[data-testid="accounting-disclosure"][data-year="${year}"]`).getByTestId('accounting-disclosure-empty').waitFor({ timeout: 20_000 });
    await clickUntil(page.getByTestId('accounting-recognise'), page.getByTestId('accounting-form-application'));
    const select = page.getByTestId('accounting-form-application');
    await chooseOption(select, option(page, `${TITLE} · ${number}`), select.filter({ hasText: TITLE }));
    // Used by the enterprise, purchased, meeting the CAS 6 conditions: an intangible asset.
    await page.locator('[data-testid="accounting-form-class"][data-class="intangible"]').filter({ hasText: '无形资产' }).waitFor();
    // The price 1,000,000, related taxes 60,000 (capitalized) and staff training 5,000 (expensed).
    await page.getByTestId('accounting-form-cost-amount-0').fill('1000000');
    await clickUntil(page.getByTestId('accounting-form-cost-add'), page.getByTestId('accounting-form-cost-amount-1'));
    await expect(page.getByTestId('accounting-form-cost-kind-1').innerText()).resolves.toContain('相关税费');
    await page.getByTestId('accounting-form-cost-amount-1').fill('60,000.00');
    await clickUntil(page.getByTestId('accounting-form-cost-add'), page.getByTestId('accounting-form-cost-amount-2'));
    await choose(page, 'accounting-form-cost-kind-2', '员工培训');
    await page.getByTestId('accounting-form-cost-amount-2').fill('5000');
    await expect(page.getByTestId('accounting-form-recognized-on').inputValue()).resolves.toBe(shanghaiDay());
    await expect(page.getByTestId('accounting-form-life').inputValue()).resolves.toBe('5');
    await screenshot(page, 'accounting-form');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached', timeout: 20_000 });

    // On the books: 1,060,000.00 over 60 months — ¥17,666.66 a month, ¥17,667.06 the last.
    const asset = (await lt.registry.accounting.list(principal(analytics))).items.find((a) => a.applicationId === id)!;
    expect(asset).toMatchObject({ class: 'intangible', source: 'purchased', capitalizedFen: '106000000', cost: { expensedFen: '500000' }, recognizedOn: shanghaiDay(), lifeMonths: 60, schedule: { months: 60, monthlyFen: '1766666', lastMonthFen: '1766706' } });
    const row = page.locator(`[data-testid="accounting-asset-${id}"][data-class="intangible"]`);
    await row.waitFor({ timeout: 20_000 });
    await expect(page.getByTestId(`accounting-class-${id}`).innerText()).resolves.toBe('无形资产');
    await expect(page.getByTestId(`accounting-capitalized-${id}`).innerText()).resolves.toBe('¥1,060,000.00');
    const monthly = page.locator(`[data-testid="accounting-monthly-${id}"][data-monthly-fen="1766666"]`);
    await expect(monthly.innerText()).resolves.toContain('¥17,666.66');
    await expect(monthly.innerText()).resolves.toContain('末月 ¥17,667.06');
    // This month is the first amortized: the carrying amount is the cost less one month.
    await expect(page.getByTestId(`accounting-carrying-${id}`).innerText()).resolves.toBe('¥1,042,333.34');
    await expect(row.innerText()).resolves.toContain('外购');
    // The row's details: the basis and the training expensed.
    await row.locator('.ant-table-row-expand-icon').click();
    const details = page.getByTestId(`accounting-details-${id}`);
    await details.filter({ hasText: '财会〔2023〕11号' }).waitFor({ timeout: 10_000 });
    await expect(details.innerText()).resolves.toContain('不属于可资本化支出，计入当期损益');

    // The year's disclosure: the purchased row of the intangible assets table.
    const purchased = page.getByTestId('accounting-disclosure-row-intangible-purchased');
    await purchased.filter({ hasText: '¥1,060,000.00' }).waitFor({ timeout: 20_000 });
    // The year's amortization: every month of the schedule in the year, from this month to December.
    const monthsThisYear = 13 - Number(shanghaiDay().slice(5, 7));
    await expect(purchased.innerText()).resolves.toContain(formatFen(String(1766666 * monthsThisYear)));
    const wide = await fitsWidth(page);
    expect(wide, `the books at 1366px: scrollWidth ${wide.scrollWidth}`).toMatchObject({ ok: true });
    await screenshot(page, 'accounting');

    // Export XLSX: the API's workbook, downloaded with the session.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByTestId('accounting-export').click()]);
    expect(download.suggestedFilename()).toBe(`data-resources-disclosure-${year}.xlsx`);
    const file = readFileSync((await download.path())!);
    expect(file.length).toBeGreaterThan(1000);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK'); // an OOXML zip
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const sheet = wb.getWorksheet('intangible')!;
    const bought = sheet.getRows(3, 4)!.find((r) => String(r.getCell(1).value).startsWith('外购'))!;
    expect(bought.getCell(3).value).toBe(1060000);
  }, 300_000);

  it('the form, the report and the books fit a 390 px wide screen', async () => {
    const { url, login } = env();
    const { id } = await registeredApplication();
    const viewport = { width: 390, height: 844 };
    const fits = async (page: Page, what: string, ready: Locator) => {
      await ready.waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      const fit = await fitsWidth(page);
      expect(fit, `${what} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    };
    const page = await (await env().context(viewport)).newPage();
    await login(page, 'analytics');
    await page.goto(`${url}/console/registry/applications/${id}/valuations/new`);
    await page.getByTestId('valuation-form-method-income').click();
    await page.getByTestId('valuation-form-method-market').click();
    await fits(page, 'the valuation form', page.getByTestId('valuation-form-weight-method-market'));
    await env().screenshot(page, 'valuation-form-390');
    if (valuationId) {
      await page.goto(`${url}/console/registry/valuations/${valuationId}`);
      await fits(page, 'the report', page.getByTestId('valuation-seal-check'));
      await env().screenshot(page, 'valuation-report-390');
    }
    await page.goto(`${url}/console/registry/accounting`);
    await fits(page, 'the books', page.locator('[data-testid="accounting-disclosure"][data-year]:not([data-year=""])'));
    await env().screenshot(page, 'accounting-390');
  }, 180_000);
});
