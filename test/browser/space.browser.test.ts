import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chooseOption, confirmAction, describeBrowser, fitsWidth, setChecked, visit } from './browser.harness.js';

/**
 * Digital spaces and data-subject authorization (数字空间, 数据主体授权) in the console — the 电费贷
 * story: the bank asks the Foshan factory for twelve months of electricity through the form, the
 * factory sees the request in its inbox and approves it in its space, the bank retrieves the rows
 * through the gateway, the factory sees the bank's call in the access history and revokes, and the
 * bank's next retrieval is refused (GATEWAY_GRANT_REVOKED).
 */
describeBrowser('digital spaces and data-subject authorization in a real browser', (env) => {
  /** Confirms the open Popconfirm. */
  const status = (page: Page, s: string) => page.locator(`[data-testid="consent-status"][data-status="${s}"]`).waitFor({ timeout: 20_000 });
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  /** Today in Asia/Shanghai plus `days`, as YYYY-MM-DD. */
  const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

  it('电费贷: request → approve → retrieve → history → revoke → refused', async () => {
    const { url, login, lt, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const bankOrg = await orgByName('广州某商业银行');
    expect(factoryOrg.uscc).toMatch(/^[0-9A-Z]{18}$/);

    // The bank asks the factory through the form: its USCC, electricity, credit approval, twelve months, ~90 days, 20 uses.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/space/requests`);
    await bank.getByTestId('consent-new').click();
    await bank.getByTestId('request-rules').waitFor();
    // A wrong check character is caught before anything is sent.
    const uscc = factoryOrg.uscc!;
    await bank.getByTestId('request-uscc').fill(uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'));
    await bank.getByTestId('request-uscc').blur();
    await bank.getByText('校验码不正确，请核对代码').waitFor();
    await bank.getByTestId('request-uscc').fill(uscc);
    await bank.getByTestId('request-holder').filter({ hasText: '佛山某制造有限公司（演示）' }).waitFor();
    await setChecked(bank.getByTestId('request-items').locator('.ant-checkbox-wrapper').filter({ hasText: '(ELEC.MONTHLY)' }), true);
    const formItem = (control: Locator, text: string) => bank.locator('.ant-form-item').filter({ has: control }).filter({ hasText: text });
    await chooseOption(bank.getByTestId('request-purpose'), bank.locator('.ant-select-item-option[title="信贷审批"]'), formItem(bank.getByTestId('request-purpose'), '信贷审批'));
    await bank.getByTestId('request-purpose-text').fill('电费贷：审批 200 万元流动资金贷款，核验近 12 个月用电');
    // A period the wrong way round is shown as a rule and the form is not sent.
    await bank.getByTestId('request-period-from').fill('2026-10');
    await bank.getByTestId('request-period-to').fill('2025-11');
    await bank.getByTestId('request-problems').filter({ hasText: '截止月份不能早于起始月份' }).waitFor();
    await expect(bank.getByTestId('request-submit').isDisabled()).resolves.toBe(true);
    await bank.getByTestId('request-period-from').fill('2025-11');
    await bank.getByTestId('request-period-to').fill('2026-10');
    await bank.getByTestId('request-valid-until').fill(shanghaiDay(90));
    const uses = bank.locator('input[data-testid="request-max-uses"], [data-testid="request-max-uses"] input').first();
    await uses.fill('20');
    await bank.getByTestId('request-problems').waitFor({ state: 'detached' });
    await screenshot(bank, 'space-request');
    await bank.getByTestId('request-submit').click();

    // Sent: the detail page of the new request, pending.
    await bank.getByTestId('consent-title').filter({ hasText: '月度用电量与电费' }).waitFor({ timeout: 20_000 });
    await status(bank, 'pending');
    await bank.locator('[data-testid="consent-side"]').filter({ hasText: '申请方' }).waitFor();
    const id = new URL(bank.url()).pathname.split('/').pop()!;
    expect(id).toMatch(/^cns_/);
    const created = await lt.authorization.consents.get(id, null);
    expect(created).toMatchObject({ status: 'pending', requesterOrgId: bankOrg.id, holderOrgId: factoryOrg.id, holderUscc: uscc, purpose: 'credit_approval', periodFrom: '2025-11', periodTo: '2026-10', maxUses: 20 });
    expect(created.items.map((i) => i.code)).toEqual(['ELEC.MONTHLY']);

    // The factory finds it in its inbox, in words, and opens its authorizations.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await factory.locator('[data-testid="inbox-bell"]:not([data-unread="0"])').waitFor({ timeout: 20_000 });
    await factory.goto(`${url}/console/notifications`);
    const notice = factory.locator(`[data-testid^="notification-link-"][href$="/${id}"]`);
    await notice.filter({ hasText: '广州某商业银行（演示）请求授权使用您的月度用电量与电费' }).waitFor();
    await screenshot(factory, 'space-notifications');
    await factory.goto(`${url}/console/space/authorizations`);
    const pending = factory.getByTestId('consent-pending');
    await pending.getByTestId(`consent-link-${id}`).waitFor();
    await confirmAction(factory, pending.getByTestId(`consent-approve-${id}`), factory.getByTestId('consent-table').locator(`[data-testid="consent-status-${id}"][data-status="approved"]`));
    await pending.getByTestId(`consent-link-${id}`).waitFor({ state: 'detached', timeout: 20_000 });
    await factory.getByTestId('consent-table').locator(`[data-testid="consent-status-${id}"][data-status="approved"]`).waitFor();
    await screenshot(factory, 'space-authorizations');

    // The bank opens it, approved with the sealed consent record, and retrieves the electricity rows.
    await bank.reload();
    await status(bank, 'approved');
    await bank.locator('[data-testid="consent-seal"][data-sealed="true"]').waitFor();
    await bank.getByTestId('consent-record-fields').filter({ hasText: '佛山某制造有限公司（演示）' }).waitFor();
    await bank.getByTestId('retrieve-ELEC.MONTHLY-run').click();
    const rows = bank.getByTestId('retrieve-ELEC.MONTHLY-rows').locator('tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 20_000 });
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(12);
    expect(texts.every((r) => r.includes(uscc))).toBe(true);
    expect(MONTHS.every((m) => texts.some((r) => r.includes(m)))).toBe(true);
    await screenshot(bank, 'space-retrieved');

    // The factory opens the access history: the bank's call, served.
    await factory.goto(`${url}/console/space/authorizations/${id}`);
    await status(factory, 'approved');
    const history = factory.getByTestId('consent-usage');
    const served = history.locator('tbody tr.ant-table-row').filter({ has: factory.locator('[data-status="200"]') });
    await served.filter({ hasText: '广州某商业银行（演示）' }).first().waitFor({ timeout: 20_000 });
    await expect(served.first().innerText()).resolves.toContain('12');

    // The factory revokes: the next retrieval will be refused.
    await factory.getByTestId('consent-revoke').click();
    await factory.locator('.ant-popover:visible').filter({ hasText: '下一次读取将被拒绝' }).waitFor();
    await confirmAction(factory, factory.getByTestId('consent-revoke'), factory.locator('[data-testid="consent-status"][data-status="revoked"]'));
    await factory.getByTestId('consent-deletion').waitFor();

    // The bank retrieves again and sees the gateway's refusal.
    await bank.reload();
    await status(bank, 'revoked');
    await bank.getByTestId('consent-retrieve-ended').waitFor();
    await bank.getByTestId('retrieve-ELEC.MONTHLY-run').click();
    const refused = bank.getByTestId('retrieve-ELEC.MONTHLY-refused');
    await refused.filter({ hasText: '授权已被撤销' }).waitFor({ timeout: 20_000 });
    await expect(refused.getAttribute('data-code')).resolves.toBe('GATEWAY_GRANT_REVOKED');
    await bank.getByTestId('consent-attest').waitFor(); // the deletion attestation is now due
    await screenshot(bank, 'space-refused');

    // The factory's history shows the refusal in red with its code.
    await factory.getByTestId('consent-usage-reload').click();
    await history.locator('[data-status="403"]').filter({ hasText: 'GATEWAY_GRANT_REVOKED' }).first().waitFor({ timeout: 20_000 });
    await screenshot(factory, 'space-history');

    // On the server: revoked, and the usage lists the served call and the refused one.
    const after = await lt.authorization.consents.get(id, null);
    expect(after.status).toBe('revoked');
    expect(after.deletion).toMatchObject({ attestedAt: null, overdue: false });
    const usage = await lt.authorization.consents.usage(id, null, 1, 50);
    expect(usage.items.map((c) => c.status).sort()).toEqual([200, 403]);
    expect(usage.items.find((c) => c.status === 403)!.code).toBe('GATEWAY_GRANT_REVOKED');
    expect(usage.items.find((c) => c.status === 200)!).toMatchObject({ rows: 12, callerOrgId: bankOrg.id });
  }, 300_000);

  it('the personal case: the bank asks a citizen by resident ID for her social insurance; she approves in her space', async () => {
    const { url, login, lt } = env();
    // The demo citizen is the population base's first resident (demo.authorization.ts).
    const citizenOrg = (await lt.identity.organisations.list({ role: 'individual', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
    const residentId = (await lt.authorization.accounts.residentIdOf(citizenOrg.id))!.residentId;
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/space/requests/new`);
    await bank.getByTestId('request-rules').waitFor();
    await bank.getByTestId('request-holder-kind').getByText('个人（自然人）').click();
    await bank.getByTestId('request-resident-id').fill(residentId.slice(0, 17) + (residentId[17] === '0' ? '1' : '0'));
    await bank.getByTestId('request-resident-id').blur();
    await bank.getByText('公民身份号码校验位不正确').waitFor();
    await bank.getByTestId('request-resident-id').fill(residentId);
    await setChecked(bank.getByTestId('request-items').locator('.ant-checkbox-wrapper').filter({ hasText: '(PERSON.SOCIAL_INSURANCE)' }), true);
    const formItem = (control: Locator, text: string) => bank.locator('.ant-form-item').filter({ has: control }).filter({ hasText: text });
    await chooseOption(bank.getByTestId('request-purpose'), bank.locator('.ant-select-item-option[title="信贷审批"]'), formItem(bank.getByTestId('request-purpose'), '信贷审批'));
    await bank.getByTestId('request-purpose-text').fill('个人消费贷：核验社保缴费');
    await bank.getByTestId('request-problems').waitFor({ state: 'detached' });
    await bank.getByTestId('request-submit').click();
    await bank.getByTestId('consent-title').filter({ hasText: '个人社会保险缴费' }).waitFor({ timeout: 20_000 });
    const id = new URL(bank.url()).pathname.split('/').pop()!;
    const created = await lt.authorization.consents.get(id, null);
    expect(created).toMatchObject({ status: 'pending', holderKind: 'natural_person', holderUscc: null, holderOrgId: citizenOrg.id });
    expect(created.holderIdMasked).toBe(`${residentId.slice(0, 4)}**********${residentId.slice(14)}`);

    // The citizen approves in her space.
    const citizen = await (await env().context()).newPage();
    await login(citizen, 'citizen');
    await citizen.goto(`${url}/console/space/authorizations/${id}`);
    await status(citizen, 'pending');
    await confirmAction(citizen, citizen.getByTestId('consent-approve'), citizen.locator('[data-testid="consent-status"][data-status="approved"]'));
    const approved = await lt.authorization.consents.get(id, null);
    expect(approved.record).toMatchObject({ piiPrincipal: { kind: 'natural_person', identifier: { scheme: 'resident_id', value: created.holderIdMasked } } });
  });

  it("the factory's space: its data live, an item hidden and shown, and its data downloaded as a sealed package", async () => {
    const { url, login, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const page = await (await env().context()).newPage();
    await login(page, 'factory');
    await page.goto(`${url}/console/space`);
    await page.getByTestId('space-holder-uscc').filter({ hasText: factoryOrg.uscc! }).waitFor();
    await page.getByTestId('space-hidden-note').waitFor();

    // The legal representative binds the account: a wrong name is refused by the registry check, the registered one binds it.
    await page.locator('[data-testid="space-binding"][data-bound="false"]').waitFor();
    await page.getByTestId('space-bind').click();
    await page.getByTestId('space-bind-legal-rep').fill('王小明');
    await page.getByTestId('form-submit').click();
    await page.locator('.ant-modal .ant-alert-error').filter({ hasText: '未绑定' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('space-bind-legal-rep').fill('陈志明');
    await page.getByTestId('form-submit').click();
    await page.locator('[data-testid="space-binding"][data-bound="true"]').filter({ hasText: '陈志明' }).waitFor({ timeout: 20_000 });

    // View: the electricity rows, fetched live, the factory's own only.
    await page.getByTestId('space-item-view-ELEC.MONTHLY').click();
    const rows = page.getByTestId('space-rows').locator('tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 20_000 });
    expect((await rows.allInnerTexts()).every((r) => r.includes(factoryOrg.uscc!))).toBe(true);
    await page.getByTestId('space-rows-from').fill('2026-09');
    await page.getByTestId('space-rows-to').fill('2026-10');
    await page.getByTestId('space-rows-apply').click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    await screenshot(page, 'space-rows');
    await page.keyboard.press('Escape');
    await page.getByTestId('space-rows').waitFor({ state: 'detached' });

    // Hide social insurance from requesters, then show it again.
    await page.getByTestId('space-item-switch-SOCIAL.INSURANCE').click();
    await page.getByTestId('space-item-hidden-SOCIAL.INSURANCE').waitFor({ timeout: 20_000 });
    expect(await env().lt.authorization.spaces.isHidden(factoryOrg.id, (await env().lt.authorization.dataItems.list({})).items.find((i) => i.code === 'SOCIAL.INSURANCE')!.id)).toBe(true);
    await page.getByTestId('space-item-switch-SOCIAL.INSURANCE').click();
    await page.getByTestId('space-item-hidden-SOCIAL.INSURANCE').waitFor({ state: 'detached', timeout: 20_000 });

    // Download my data: a JSON file, with the digest, the operator's seal and the evidence link.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('space-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^liutong-space-.+\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { package: { holder: { uscc: string }; items: Array<{ code: string; rows: unknown[] }> }; digest: string; seal: { alg: string } };
    expect(file.package.holder.uscc).toBe(factoryOrg.uscc);
    expect(file.package.items.find((i) => i.code === 'ELEC.MONTHLY')!.rows.length).toBeGreaterThan(0);
    expect(file.seal.alg).toBe('Ed25519');
    await page.getByTestId('space-package-digest').filter({ hasText: file.digest }).waitFor();
    const receipt = await page.getByTestId('space-package-receipt').getAttribute('href');
    expect(receipt).toMatch(/^\/api\/v1\/ledger\/events\/evt_[0-9a-z]{20}\/receipt$/);
    // The export is evidence: its receipt comes once the ledger has sequenced the event.
    await expect.poll(async () => (await fetch(`${url}${receipt}`)).status, { timeout: 30_000 }).toBe(200);
    await screenshot(page, 'space-package');
  }, 180_000);

  it("the factory's org_admin reads its inbox and registers, inspects and deletes a webhook", async () => {
    const { url, login, lt, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const page = await (await env().context()).newPage();
    await login(page, 'factory');
    await page.goto(`${url}/console/notifications`);
    // The inbox shows its unread count once loaded.
    const inbox = page.locator('[data-testid="notifications-inbox"][data-unread]');
    await inbox.waitFor();

    // Every entry read at once: the inbox and the header's badge count none.
    if ((await inbox.getAttribute('data-unread')) !== '0') {
      await page.getByTestId('notifications-read-all').click();
      await page.locator('[data-testid="notifications-inbox"][data-unread="0"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="inbox-bell"][data-unread="0"]').waitFor({ timeout: 20_000 });
    }
    await page.getByTestId('notifications-unread-only').click();
    await page.getByTestId('notifications-inbox').getByText('没有未读通知').waitFor();

    // A webhook for every kind: listed, its deliveries open, then deleted.
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('webhook-url').fill('ftp://hooks.example.test/liutong');
    await page.getByTestId('webhook-url').blur();
    await page.getByText('须为 http:// 或 https:// 开头的地址').waitFor();
    await page.getByTestId('webhook-url').fill('https://hooks.example.test/liutong');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    const hooks = await lt.authorization.notifications.webhooks({ kind: 'user', orgId: factoryOrg.id, orgRoles: ['enterprise'], memberRole: 'org_admin', personRoles: [], displayName: 'test' } as any);
    expect(hooks.items.map((w) => w.url)).toEqual(['https://hooks.example.test/liutong']);
    const hook = hooks.items[0]!;
    await page.getByTestId('webhook-table').getByText('https://hooks.example.test/liutong').waitFor();
    await page.getByTestId('webhook-signature-note').waitFor();
    await screenshot(page, 'space-webhooks');
    await page.getByTestId(`webhook-deliveries-${hook.id}`).click();
    await page.getByTestId('webhook-delivery-table').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('webhook-delivery-table').waitFor({ state: 'detached' });
    await confirmAction(page, page.getByTestId(`webhook-delete-${hook.id}`), page.getByTestId(`webhook-delete-${hook.id}`), 'detached');
  }, 120_000);

  it('the space pages fit a 390 px wide screen', async () => {
    const { url, login, lt } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const principal = { kind: 'user', orgId: factoryOrg.id, orgRoles: ['enterprise'], memberRole: 'org_admin', personRoles: [], displayName: 'test' } as any;
    const one = (await lt.authorization.consents.list(principal, { box: 'holder', page: 1, pageSize: 1 })).items[0]!;
    const viewport = { width: 390, height: 844 };
    const check = async (page: Page, path: string, ready: string) => {
      await visit(page, `${url}${path}`);
      await page.getByTestId(ready).first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      const fit = await fitsWidth(page);
      expect(fit, `${path} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    };
    const factory = await (await env().context(viewport)).newPage();
    await login(factory, 'factory');
    await check(factory, '/console/space', 'space-items');
    await check(factory, '/console/space/authorizations', 'consent-table');
    await check(factory, `/console/space/authorizations/${one.id}`, 'consent-usage');
    await check(factory, '/console/notifications', 'notifications-inbox');
    const bank = await (await env().context(viewport)).newPage();
    await login(bank, 'bank');
    await check(bank, '/console/space/requests', 'consent-table');
    await check(bank, '/console/space/requests/new', 'request-rules');
    await check(bank, '/console/notifications', 'webhooks');
    // The demo citizen's personal digital space: her identity number shown masked.
    const citizen = await (await env().context(viewport)).newPage();
    await login(citizen, 'citizen');
    await check(citizen, '/console/space', 'space-holder-id');
    await expect(citizen.getByTestId('space-holder-id').innerText()).resolves.toMatch(/\*/);
    await check(citizen, '/console/space/authorizations', 'consent-pending');
    await citizen.getByTestId('consent-pending').locator('[data-testid^="consent-link-"]').first().waitFor();
  }, 180_000);
});
