import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chooseOption, clickUntil, describeBrowser, fitsWidth, setChecked, visit } from './browser.harness.js';

/**
 * Licences (电子证照) in the console: market regulation issues the Foshan factory a food business
 * licence through the form (a wrong USCC check character is refused in the browser first), the
 * factory finds it in its digital space next to its business licence, opens and downloads it, and
 * anyone verifies the file on the public page; market regulation revokes it, and the same file then
 * verifies as revoked. The citizen's space shows her identity card and driving licence. What the
 * pages show is compared with what the server says.
 */
describeBrowser('licences (电子证照) in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const principal = (org: { id: string; roles: readonly string[] }) => ({ kind: 'user', orgId: org.id, orgRoles: [...org.roles], memberRole: 'org_admin', personRoles: [], displayName: 'test' }) as any;
  /** Today in Asia/Shanghai plus `days`, as YYYY-MM-DD. */
  const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  const NUMBER = 'JY14406050012345';
  const verdict = (page: Page, valid: boolean, reason = '') => page.locator(`[data-testid="licence-verdict"][data-valid="${valid}"][data-reason="${reason}"]`);
  const cards = (page: Page) => page.locator('[data-testid^="space-licence-"][data-type]');

  it('market regulation issues a food business licence; the factory downloads it; anyone verifies it; revoked, it verifies as revoked', async () => {
    const { url, login, lt, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const regulatorOrg = await orgByName('市场监督管理局');
    expect(regulatorOrg.roles).toContain('source_unit');
    const uscc = factoryOrg.uscc!;
    const before = await lt.authorization.licences.list(principal(regulatorOrg), { issuerOrgId: regulatorOrg.id, type: 'FOOD_BUSINESS_LICENCE', page: 1, pageSize: 50 });
    expect(before.total).toBe(0);

    // Market regulation opens its licences and the issue form.
    const reg = await (await env().context()).newPage();
    await login(reg, 'regulator');
    await reg.goto(`${url}/console/authorization/licences`);
    await reg.getByTestId('licence-table').locator('tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    await reg.getByTestId('licence-issue').click();
    await chooseOption(reg.getByTestId('licence-issue-type'), reg.locator('.ant-select-item-option[title="食品经营许可证"]'), reg.getByTestId('licence-issue-holder-id'));
    // One input per content field of the type, labelled in Chinese.
    const modal = reg.locator('.ant-modal').filter({ has: reg.getByTestId('licence-issue-form') });
    for (const label of ['法定代表人（负责人）', '经营场所', '经营项目']) await modal.locator('.ant-form-item-label').filter({ hasText: label }).waitFor();
    await reg.getByTestId('licence-issue-holder-name').fill('佛山某制造有限公司（演示）');
    // A wrong check character of the USCC is refused in the browser, and nothing is sent.
    await reg.getByTestId('licence-issue-holder-id').fill(wrongCheck(uscc));
    await reg.getByTestId('licence-issue-holder-id').blur();
    await modal.getByText('校验码不正确，请核对代码').waitFor();
    // The number follows the type's pattern (JY + 14 digits).
    await reg.getByTestId('licence-issue-number').fill('JY1234');
    await reg.getByTestId('licence-issue-number').blur();
    await modal.getByText('编号格式不正确', { exact: false }).waitFor();
    await reg.getByTestId('form-submit').click();
    await modal.getByText('请填写“经营场所”').waitFor();
    expect((await lt.authorization.licences.list(principal(regulatorOrg), { issuerOrgId: regulatorOrg.id, type: 'FOOD_BUSINESS_LICENCE', page: 1, pageSize: 50 })).total).toBe(0);

    await reg.getByTestId('licence-issue-holder-id').fill(uscc);
    await reg.getByTestId('licence-issue-number').fill(NUMBER);
    await reg.getByTestId('licence-issue-field-legal_rep').fill('陈志明');
    await reg.getByTestId('licence-issue-field-address').fill('佛山市南海区狮山镇科技工业园 8 号食堂');
    await reg.getByTestId('licence-issue-field-business_items').fill('热食类食品制售（单位食堂）');
    await expect(reg.getByTestId('licence-issue-valid-from').inputValue()).resolves.toBe(shanghaiDay(0));
    // 长期 makes the last day unnecessary; unticked, a last day before the first is refused.
    await setChecked(modal.locator('.ant-checkbox-wrapper').filter({ has: reg.getByTestId('licence-issue-long-term') }), true);
    await expect(reg.getByTestId('licence-issue-valid-to').isDisabled()).resolves.toBe(true);
    await setChecked(modal.locator('.ant-checkbox-wrapper').filter({ has: reg.getByTestId('licence-issue-long-term') }), false);
    await reg.getByTestId('licence-issue-valid-to').fill(shanghaiDay(-1));
    await reg.getByTestId('licence-issue-valid-to').blur();
    await modal.getByText('有效期截止日不能早于起始日').waitFor();
    const validTo = shanghaiDay(5 * 365);
    await reg.getByTestId('licence-issue-valid-to').fill(validTo);
    await screenshot(reg, 'licence-issue');
    await reg.getByTestId('form-submit').click();
    await modal.waitFor({ state: 'detached', timeout: 20_000 });

    // On the server: one food business licence, sealed by market regulation, to the factory.
    const issued = await lt.authorization.licences.list(principal(regulatorOrg), { issuerOrgId: regulatorOrg.id, type: 'FOOD_BUSINESS_LICENCE', page: 1, pageSize: 50 });
    expect(issued.total).toBe(1);
    const lic = issued.items[0]!;
    expect(lic).toMatchObject({
      type: 'FOOD_BUSINESS_LICENCE', numberMasked: NUMBER, holderKind: 'legal_person', holderMasked: uscc, holderName: '佛山某制造有限公司（演示）',
      issuer: { orgId: regulatorOrg.id }, validFrom: shanghaiDay(0), validTo, state: 'valid',
    });
    await reg.locator(`[data-testid="licence-state-${lic.id}"][data-state="valid"]`).waitFor({ timeout: 20_000 });
    // Filtered by type on the server: as many rows as the server counts.
    await chooseOption(reg.getByTestId('licence-filter-type'), reg.locator('.ant-select-item-option[title="食品经营许可证"]'), reg.locator('.lt-toolbar .ant-select').filter({ hasText: '食品经营许可证' }));
    const all = await lt.authorization.licences.list(principal(regulatorOrg), { type: 'FOOD_BUSINESS_LICENCE', page: 1, pageSize: 50 });
    await expect.poll(() => reg.getByTestId('licence-table').locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBe(all.total);
    await expect(reg.getByTestId('licence-table').locator('tbody').innerText()).resolves.not.toContain('营业执照');
    await screenshot(reg, 'licence-issued');

    // The factory's space: the demo business licence and the new one, as the server lists them.
    const held = (await lt.authorization.spaces.licences(principal(factoryOrg))).items;
    expect(held.map((l) => (l.document as { licenceType: { code: string } }).licenceType.code).sort()).toEqual(['BUSINESS_LICENCE', 'FOOD_BUSINESS_LICENCE']);
    const mine = held.find((l) => l.id === lic.id)!;
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await factory.goto(`${url}/console/space`);
    await factory.locator('[data-testid="space-licences"][data-count="2"]').waitFor({ timeout: 20_000 });
    await expect(cards(factory).count()).resolves.toBe(2);
    await expect(factory.locator('[data-type="BUSINESS_LICENCE"]').innerText()).resolves.toContain('长期');
    const card = factory.getByTestId(`space-licence-${lic.id}`);
    await expect(card.innerText()).resolves.toContain('食品经营许可证');
    await expect(card.innerText()).resolves.toContain(NUMBER);
    await expect(card.innerText()).resolves.toContain(`${shanghaiDay(0)} 至 ${validTo}`);
    await factory.getByTestId(`space-licence-open-${lic.id}`).click();
    const detail = factory.getByTestId('space-licence-detail');
    await detail.waitFor();
    await factory.getByTestId('space-licence-number').filter({ hasText: NUMBER }).waitFor();
    await factory.getByTestId('space-licence-field-business_items').filter({ hasText: '热食类食品制售（单位食堂）' }).waitFor();
    await detail.locator('.ant-descriptions-item-label').filter({ hasText: '经营项目' }).waitFor();
    await factory.getByTestId('space-licence-issuer').filter({ hasText: '广东省市场监督管理局（演示）' }).waitFor();
    await factory.getByTestId('space-licence-kid').filter({ hasText: mine.seal.kid }).waitFor();
    await factory.getByTestId('space-licence-digest').filter({ hasText: mine.digest }).waitFor();
    await screenshot(factory, 'licence-space-detail');

    // Downloaded: a JSON file holding exactly the document and its seal.
    const [download] = await Promise.all([factory.waitForEvent('download', { timeout: 60_000 }), factory.getByTestId('space-licence-download').click()]);
    expect(download.suggestedFilename()).toBe(`licence-FOOD_BUSINESS_LICENCE-${lic.id}.json`);
    const filePath = path.join(os.tmpdir(), `liutong-${download.suggestedFilename()}`);
    await download.saveAs(filePath);
    const file = JSON.parse(readFileSync(filePath, 'utf8')) as { document: Record<string, unknown>; seal: Record<string, unknown> };
    expect(Object.keys(file).sort()).toEqual(['document', 'seal']);
    expect(file.document).toEqual(mine.document);
    expect(file.seal).toEqual(mine.seal);
    expect(file.document).toMatchObject({ id: lic.id, number: NUMBER, holder: { identifier: { scheme: 'USCC', value: uscc } }, issuer: { orgId: regulatorOrg.id } });
    expect(file.seal).toMatchObject({ alg: 'Ed25519', orgId: regulatorOrg.id, digest: lic.digest });

    // Checked from the dialog with the public API: valid.
    await factory.getByTestId('space-licence-check').click();
    await verdict(factory, true).waitFor({ timeout: 20_000 });

    // Anyone (no login) uploads the file on the public page: valid, issued by market regulation.
    const anyone = await (await env().context()).newPage();
    await anyone.goto(`${url}/verify/licence`);
    await anyone.getByTestId('licence-verify-title').waitFor();
    await anyone.locator('input[type="file"]').setInputFiles(filePath);
    await expect.poll(() => anyone.getByTestId('licence-verify-input').inputValue(), { timeout: 10_000 }).toContain(lic.id);
    await anyone.getByTestId('licence-verify-submit').click();
    await verdict(anyone, true).waitFor({ timeout: 20_000 });
    await anyone.getByTestId('licence-verdict-issuer').filter({ hasText: '广东省市场监督管理局（演示）' }).waitFor();
    await expect(anyone.getByTestId('licence-verdict').innerText()).resolves.toContain('证照有效');
    await expect(lt.authorization.licences.verify(file.document, file.seal)).resolves.toMatchObject({ valid: true, signature: 'valid', registered: true, issuerMatches: true, state: 'valid', licenceType: 'FOOD_BUSINESS_LICENCE' });
    await screenshot(anyone, 'licence-verify-valid');

    // Market regulation revokes it, with a reason (required).
    await reg.getByTestId(`licence-revoke-${lic.id}`).click();
    const revoke = reg.locator('.ant-modal').filter({ has: reg.getByTestId('licence-revoke-reason') });
    await revoke.getByText('吊销/注销后证照立即失效', { exact: false }).waitFor();
    await clickUntil(revoke.getByTestId('form-submit'), revoke.getByText('请填写理由', { exact: false }));
    const reason = '单位食堂停止经营，依申请注销';
    await reg.getByTestId('licence-revoke-reason').fill(reason);
    await reg.getByTestId('form-submit').click();
    await reg.locator(`[data-testid="licence-state-${lic.id}"][data-state="revoked"]`).waitFor({ timeout: 20_000 });
    await expect(lt.authorization.licences.get(principal(regulatorOrg), lic.id)).resolves.toMatchObject({ state: 'revoked', revokeReason: reason });
    await expect(reg.getByTestId(`licence-revoke-${lic.id}`).count()).resolves.toBe(0);
    await reg.getByTestId(`licence-detail-${lic.id}`).click();
    await reg.getByTestId('licence-detail-reason').filter({ hasText: reason }).waitFor();

    // The same file now verifies as revoked, on the page and on the server.
    await anyone.getByTestId('licence-verify-submit').click();
    await verdict(anyone, false, 'revoked').waitFor({ timeout: 20_000 });
    await anyone.locator('[data-testid="licence-verdict-state"][data-state="revoked"]').waitFor();
    await expect(lt.authorization.licences.verify(file.document, file.seal)).resolves.toMatchObject({ valid: false, signature: 'valid', registered: true, state: 'revoked' });
    await screenshot(anyone, 'licence-verify-revoked');

    // …and the factory's space shows it revoked.
    await factory.reload();
    await factory.locator(`[data-testid="space-licence-state-${lic.id}"][data-state="revoked"]`).waitFor({ timeout: 20_000 });

    // A tampered copy is refused by the seal.
    const tampered = JSON.stringify({ ...file, document: { ...file.document, number: 'JY14406059999999' } });
    await anyone.getByTestId('licence-verify-input').fill(tampered);
    await anyone.getByTestId('licence-verify-submit').click();
    await verdict(anyone, false, 'signature').waitFor({ timeout: 20_000 });
    await anyone.locator('[data-testid="licence-verdict-signature"][data-signature="digest_mismatch"]').waitFor();
    await anyone.getByTestId('licence-verify-input').fill('{"document": {}}');
    await anyone.getByTestId('licence-verify-submit').click();
    await verdict(anyone, false, 'input_shape').waitFor();
    rmSync(filePath, { force: true });
  }, 300_000);

  it('the citizen sees her identity card and driving licence from public security', async () => {
    const { url, login, lt, screenshot } = env();
    const citizenOrg = (await lt.identity.organisations.list({ role: 'individual', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
    const policeOrg = await orgByName('公安厅');
    const held = (await lt.authorization.spaces.licences(principal(citizenOrg))).items;
    type Doc = { licenceType: { code: string }; number: string; issuer: { orgId: string }; validTo: string | null };
    expect(held.map((l) => (l.document as Doc).licenceType.code).sort()).toEqual(['DRIVING_LICENCE', 'RESIDENT_ID']);
    expect(held.every((l) => (l.document as Doc).issuer.orgId === policeOrg.id && l.state === 'valid')).toBe(true);
    const card = held.find((l) => (l.document as Doc).licenceType.code === 'RESIDENT_ID')!;
    const doc = card.document as Doc;

    const citizen = await (await env().context()).newPage();
    await login(citizen, 'citizen');
    await citizen.goto(`${url}/console/space`);
    await citizen.locator('[data-testid="space-licences"][data-count="2"]').waitFor({ timeout: 20_000 });
    const names = await cards(citizen).allInnerTexts();
    expect(names.some((n) => n.includes('居民身份证'))).toBe(true);
    expect(names.some((n) => n.includes('机动车驾驶证'))).toBe(true);
    // On the card her number is masked; opened, the licence shows it in full.
    const idCard = citizen.getByTestId(`space-licence-${card.id}`);
    await expect(idCard.innerText()).resolves.toContain(`${doc.number.slice(0, 4)}**********${doc.number.slice(14)}`);
    await expect(idCard.innerText()).resolves.not.toContain(doc.number);
    await expect(idCard.innerText()).resolves.toContain(policeOrg.name.zh);
    await expect(idCard.innerText()).resolves.toContain(doc.validTo!);
    await citizen.getByTestId(`space-licence-open-${card.id}`).click();
    await citizen.getByTestId('space-licence-number').filter({ hasText: doc.number }).waitFor();
    await citizen.getByTestId('space-licence-detail').locator('.ant-descriptions-item-label').filter({ hasText: '民族' }).waitFor();
    await screenshot(citizen, 'licence-citizen');
  }, 120_000);

  it('the licence pages fit a 390 px wide screen', async () => {
    const { url, login } = env();
    const viewport = { width: 390, height: 844 };
    const fits = async (page: Page, what: string) => {
      await page.waitForLoadState('networkidle');
      const fit = await fitsWidth(page);
      expect(fit, `${what} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    };
    const open = async (page: Page, p: string, ready: Locator) => {
      await visit(page, `${url}${p}`);
      await ready.first().waitFor({ timeout: 20_000 });
      await fits(page, p);
    };
    const factory = await (await env().context(viewport)).newPage();
    await login(factory, 'factory');
    await open(factory, '/console/space', factory.locator('[data-testid="space-licences"][data-count]'));
    await cards(factory).first().waitFor();
    await factory.locator('[data-testid^="space-licence-open-"]').first().click();
    await factory.getByTestId('space-licence-detail').waitFor();
    await fits(factory, 'the licence dialog');
    await env().screenshot(factory, 'licence-space-390');

    const reg = await (await env().context(viewport)).newPage();
    await login(reg, 'regulator');
    await open(reg, '/console/authorization/licences', reg.getByTestId('licence-table').locator('tbody tr.ant-table-row'));
    await reg.getByTestId('licence-issue').click();
    await chooseOption(reg.getByTestId('licence-issue-type'), reg.locator('.ant-select-item-option[title="营业执照"]'), reg.getByTestId('licence-issue-holder-id'));
    await reg.getByTestId('licence-issue-field-business_scope').waitFor();
    await fits(reg, 'the issue form');

    const bureau = await (await env().context(viewport)).newPage();
    await login(bureau, 'bureau');
    await open(bureau, '/console/authorization/licences', bureau.getByTestId('licences-overseer-note'));
    await expect(bureau.getByTestId('licence-issue').count()).resolves.toBe(0);
    await expect(bureau.locator('[data-testid^="licence-revoke-"]').count()).resolves.toBe(0);

    const anyone = await (await env().context(viewport)).newPage();
    await open(anyone, '/verify/licence', anyone.getByTestId('licence-verify-title'));
    await anyone.getByTestId('licence-verify-input').fill('{');
    await anyone.getByTestId('licence-verify-submit').click();
    await verdict(anyone, false, 'input_json').waitFor();
    await fits(anyone, '/verify/licence with a verdict');
  }, 180_000);
});
