import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { clickUntil, confirmAction, describeBrowser, fitsWidth } from './browser.harness.js';

/**
 * Data asset certificates (数据资产凭证) in the console — the whole 电费贷 loop: the factory approves
 * the bank's pending request for twelve months of electricity in its space, the data bureau issues
 * the public data asset circulation certificate from its wallet's "issued" tab, the bank finds it
 * among what it received, verifies it on the public page (valid, check by check), retrieves the
 * data through the authorization's retrieve panel and records its loan decision (¥3,000,000 —
 * 300000000 fen); the factory sees the certificate in its wallet with the bank's use, then revokes
 * the authorization: once the ledger has sequenced the revocation the certificate shows revoked,
 * anyone's verification (pasted, or from the downloaded bundle) fails on its status, and the bank's
 * next retrieval is refused. What the pages show is compared with what the server says.
 */
describeBrowser('data asset certificates (数据资产凭证) in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const principal = (org: { id: string; roles: readonly string[] }) => ({ kind: 'user', orgId: org.id, orgRoles: [...org.roles], memberRole: 'org_admin', personRoles: [], displayName: 'test' }) as any;
  /** Confirms the open Popconfirm. */
  const consentStatus = (page: Page, s: string) => page.locator(`[data-testid="consent-status"][data-status="${s}"]`).waitFor({ timeout: 20_000 });
  const verdict = (page: Page, valid: boolean) => page.locator(`[data-testid="cert-verdict"][data-valid="${valid}"]`);
  const check = (scope: Page | Locator, name: string, outcome: string) => scope.locator(`[data-testid="cert-check-${name}"][data-outcome="${outcome}"]`);
  const FACTORY = '佛山某制造有限公司（演示）';
  const BANK = '广州某商业银行（演示）';
  const NOTE = '电费贷审批通过，授信 300 万元流动资金贷款';
  /** The certificate the loop issued, for the narrow-screen test (which issues its own when the loop did not get that far). */
  let issued: string | null = null;

  it('电费贷: approve → the bureau issues → the bank verifies, retrieves and records the loan → the factory sees it and revokes → revoked, refused', async () => {
    const { url, login, lt, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const bankOrg = await orgByName('广州某商业银行');
    const bureauOrg = await orgByName('数据管理局');
    expect(bureauOrg.roles).toContain('data_bureau');

    // The demo's pending request: the bank asks the factory for twelve months of electricity (and its tax rating) for a 电费贷 loan.
    const pendingList = await lt.authorization.consents.list(principal(factoryOrg), { box: 'holder', status: 'pending', page: 1, pageSize: 50 });
    const request = pendingList.items.find((c) => c.requesterOrgId === bankOrg.id && c.items.some((i) => i.code === 'ELEC.MONTHLY'))!;
    expect(request, 'the demo seeds the bank\'s pending 电费贷 request').toBeTruthy();
    expect(request).toMatchObject({ status: 'pending', holderOrgId: factoryOrg.id, purpose: 'credit_approval' });
    const consentId = request.id;

    // The factory approves it in its space.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await factory.goto(`${url}/console/space/authorizations/${consentId}`);
    await consentStatus(factory, 'pending');
    await confirmAction(factory, factory.getByTestId('consent-approve'), factory.locator('[data-testid="consent-status"][data-status="approved"]'));
    await consentStatus(factory, 'approved');
    await expect(lt.authorization.consents.get(consentId, null)).resolves.toMatchObject({ status: 'approved' });

    // The data bureau finds it among the approved authorizations on its wallet's "issued" tab and issues the circulation certificate.
    const bureau = await (await env().context()).newPage();
    await login(bureau, 'bureau');
    await bureau.goto(`${url}/console/certificates`);
    await bureau.locator('[data-testid="cert-box-intro"][data-box="issued"]').waitFor({ timeout: 20_000 });
    const pendingRow = bureau.getByTestId(`cert-pending-${consentId}`);
    await pendingRow.waitFor({ timeout: 20_000 });
    await screenshot(bureau, 'certificate-bureau-pending');
    await clickUntil(pendingRow.getByTestId(`cert-issue-${consentId}`), bureau.locator('.ant-popover:visible').filter({ hasText: '签发公共数据资产流通凭证' }));
    await clickUntil(bureau.getByTestId('cert-issue-ok'), bureau.locator('[data-testid="cert-detail"]'));
    await bureau.waitForURL(/\/console\/certificates\/crt_[0-9a-z]{20}$/, { timeout: 20_000 });
    const certId = new URL(bureau.url()).pathname.split('/').pop()!;
    issued = certId;
    await bureau.locator('[data-testid="cert-detail"][data-status="active"]').waitFor({ timeout: 20_000 });
    await bureau.locator('[data-testid="cert-side"][data-side="issuer"]').waitFor();

    // On the server: the certificate binds the subject, provider, user, items, period and purpose of the authorization.
    const cert = await lt.certificates.certificates.get(certId, null);
    expect(cert).toMatchObject({ type: 'circulation', status: 'active', holderOrgId: factoryOrg.id, userOrgId: bankOrg.id, issuerOrgId: bureauOrg.id, source: { kind: 'consent', id: consentId } });
    const subject = cert.credential.credentialSubject as { dataSubject: { name: string; identifier: { value: string } }; dataUser: { name: string }; dataItems: Array<{ code: string }>; period: { from: string; to: string }; authorization: { id: string } };
    expect(subject.dataSubject.identifier.value).toBe(factoryOrg.uscc);
    expect(subject.dataItems.map((i) => i.code).sort()).toEqual(request.items.map((i) => i.code).sort());
    expect(subject.period).toEqual({ from: request.periodFrom, to: request.periodTo });
    expect(subject.authorization.id).toBe(consentId);
    // …and the page says so in words.
    await bureau.getByTestId('cert-field-number').filter({ hasText: certId }).waitFor();
    await bureau.getByTestId('cert-field-subject').filter({ hasText: FACTORY }).waitFor();
    await bureau.getByTestId('cert-field-subject-id').filter({ hasText: factoryOrg.uscc! }).waitFor();
    await bureau.getByTestId('cert-field-user').filter({ hasText: BANK }).waitFor();
    await bureau.getByTestId('cert-field-period').filter({ hasText: `${request.periodFrom} – ${request.periodTo}` }).waitFor();
    await bureau.getByTestId('cert-field-purpose').filter({ hasText: '信贷审批' }).waitFor();
    await bureau.getByTestId('cert-field-items').filter({ hasText: 'ELEC.MONTHLY' }).waitFor();
    const evidenceEvent = (cert.credential.evidence as Array<{ eventId: string }>)[0]!.eventId;
    await expect(bureau.getByTestId('cert-evidence-receipt').getAttribute('href')).resolves.toBe(`/api/v1/ledger/events/${evidenceEvent}/receipt`);
    await expect(bureau.getByTestId('cert-jwt').innerText()).resolves.toContain(cert.jwt);
    // The issuer may suspend and revoke it; nobody records a use but its data user.
    await bureau.getByTestId('cert-suspend').waitFor();
    await bureau.getByTestId('cert-revoke').waitFor();
    await expect(bureau.getByTestId('cert-use-record').count()).resolves.toBe(0);
    await verdict(bureau, true).waitFor({ timeout: 20_000 });
    await screenshot(bureau, 'certificate-issued');
    // The authorization's page now shows the bureau its certificate in force instead of the issue action.
    await bureau.goto(`${url}/console/space/authorizations/${consentId}`);
    await bureau.getByTestId('consent-certificate').getByTestId(`cert-live-${certId}`).waitFor({ timeout: 20_000 });
    await expect(bureau.getByTestId(`cert-issue-${consentId}`).count()).resolves.toBe(0);

    // The bank finds it among what it received and opens it.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/certificates?box=received`);
    await bank.locator(`[data-testid="cert-status-${certId}"][data-status="active"]`).waitFor({ timeout: 20_000 });
    await screenshot(bank, 'certificate-wallet-received');
    await bank.getByTestId(`cert-link-${certId}`).click();
    await bank.locator('[data-testid="cert-side"][data-side="user"]').waitFor({ timeout: 20_000 });
    await verdict(bank, true).waitFor({ timeout: 20_000 });
    await expect(bank.getByTestId('cert-suspend').count()).resolves.toBe(0);

    // The bank downloads the verification bundle (for its files, or `liutong cert verify`).
    const [download] = await Promise.all([bank.waitForEvent('download', { timeout: 60_000 }), bank.getByTestId('cert-bundle').click()]);
    expect(download.suggestedFilename()).toBe(`certificate-${certId}.bundle.json`);
    const bundlePath = path.join(os.tmpdir(), `liutong-${download.suggestedFilename()}`);
    await download.saveAs(bundlePath);
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { type: string; credential: string; statusLists: Record<string, string> };
    expect(bundle.type).toBe('liutong.certificate.bundle');
    expect(bundle.credential).toBe(cert.jwt);
    expect(Object.keys(bundle.statusLists)).toHaveLength(2);

    // …and verifies it on the public page: valid, each check explained.
    await bank.getByTestId('cert-open-verifier').click();
    await bank.waitForURL(/\/verify\/certificate$/);
    await expect(bank.getByTestId('cert-verify-input').inputValue()).resolves.toBe(cert.jwt);
    await bank.getByTestId('cert-verify-submit').click();
    await verdict(bank, true).waitFor({ timeout: 20_000 });
    for (const name of ['format', 'issuer', 'signature', 'validity', 'status']) await check(bank, name, 'passed').waitFor();
    await bank.locator('[data-testid="cert-check-evidence"][data-outcome="passed"], [data-testid="cert-check-evidence"][data-outcome="pending"]').waitFor();
    await bank.getByTestId('cert-check-signature-message').filter({ hasText: '签名有效（Ed25519）' }).waitFor();
    const serverVerdict = await lt.certificates.certificates.verify(cert.jwt);
    expect(serverVerdict.valid).toBe(true);
    expect(serverVerdict.checks.find((c) => c.check === 'status')).toMatchObject({ outcome: 'passed', code: 'ok' });
    await bank.getByTestId('cert-content').getByTestId('cert-field-subject').filter({ hasText: FACTORY }).waitFor();
    await screenshot(bank, 'certificate-verify-valid');

    // The bank retrieves the data through the authorization's retrieve panel: twelve months of the factory's electricity.
    await bank.goto(`${url}/console/certificates/${certId}`);
    await bank.getByTestId('cert-field-authorization').click();
    await bank.waitForURL(new RegExp(`/console/space/authorizations/${consentId}$`));
    await consentStatus(bank, 'approved');
    await bank.getByTestId('retrieve-ELEC.MONTHLY-run').click();
    const rows = bank.getByTestId('retrieve-ELEC.MONTHLY-rows').locator('tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 20_000 });
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(12);
    expect(texts.every((r) => r.includes(factoryOrg.uscc!))).toBe(true);

    // The bank records its loan decision: an amount with three decimals is refused in the form, ¥3,000,000 is 300000000 fen.
    await bank.goto(`${url}/console/certificates/${certId}`);
    await clickUntil(bank.getByTestId('cert-use-record'), bank.getByTestId('cert-use-note-input'));
    await bank.getByTestId('cert-use-note-input').fill(NOTE);
    await bank.getByTestId('cert-use-amount-input').fill('3,000,000.001');
    await clickUntil(bank.getByTestId('form-submit'), bank.getByText('请输入不小于 0 的金额，最多两位小数'));
    await bank.getByTestId('cert-use-amount-input').fill('3,000,000');
    await bank.getByTestId('form-submit').click();
    await bank.getByTestId('form-submit').waitFor({ state: 'detached', timeout: 20_000 });
    const useRow = bank.getByTestId('cert-uses-table').locator('tbody tr.ant-table-row').filter({ hasText: NOTE });
    await useRow.waitFor({ timeout: 20_000 });
    await expect(useRow.getByTestId('cert-use-amount').innerText()).resolves.toBe('¥3,000,000.00');
    const uses = await lt.certificates.certificates.uses(certId, principal(bankOrg));
    expect(uses.items).toEqual([expect.objectContaining({ verifierOrgId: bankOrg.id, note: NOTE, amountFen: '300000000' })]);
    await screenshot(bank, 'certificate-use-recorded');

    // The factory opens its wallet from its digital space: the certificate, with the bank's use.
    // Its registration certificates from the demo market are in force too: the card counts them all.
    const heldByFactory = (await lt.certificates.certificates.list(principal(factoryOrg), { box: 'held', status: 'active', page: 1, pageSize: 1 })).total;
    expect(heldByFactory).toBeGreaterThanOrEqual(1);
    await factory.goto(`${url}/console/space`);
    await factory.locator(`[data-testid="space-certificates"][data-count="${heldByFactory}"]`).waitFor({ timeout: 20_000 });
    await factory.getByTestId('space-certificates-open').click();
    await factory.locator('[data-testid="cert-box-intro"][data-box="held"]').waitFor({ timeout: 20_000 });
    await factory.locator(`[data-testid="cert-status-${certId}"][data-status="active"]`).waitFor({ timeout: 20_000 });
    await screenshot(factory, 'certificate-wallet-held');
    await factory.getByTestId(`cert-link-${certId}`).click();
    await factory.locator('[data-testid="cert-side"][data-side="holder"]').waitFor({ timeout: 20_000 });
    const seen = factory.getByTestId('cert-uses-table').locator('tbody tr.ant-table-row').filter({ hasText: NOTE });
    await seen.waitFor({ timeout: 20_000 });
    await seen.getByTestId('cert-use-verifier').filter({ hasText: BANK }).waitFor();
    await expect(seen.getByTestId('cert-use-amount').innerText()).resolves.toBe('¥3,000,000.00');
    await expect(factory.getByTestId('cert-use-record').count()).resolves.toBe(0);
    await expect(factory.getByTestId('cert-revoke').count()).resolves.toBe(0);

    // The factory revokes the authorization from its page.
    await factory.getByTestId('cert-field-authorization').click();
    await consentStatus(factory, 'approved');
    await confirmAction(factory, factory.getByTestId('consent-revoke'), factory.locator('[data-testid="consent-status"][data-status="revoked"]'));
    await consentStatus(factory, 'revoked');

    // The revocation reaches the certificate once the ledger has sequenced the event: wait for it, bounded.
    await expect.poll(async () => (await lt.certificates.certificates.get(certId, null)).status, { timeout: 30_000, interval: 250 }).toBe('revoked');
    await factory.goto(`${url}/console/certificates/${certId}`);
    const revokedPage = factory.locator('[data-testid="cert-detail"][data-status="revoked"]');
    const deadline = Date.now() + 30_000;
    while (!(await revokedPage.isVisible()) && Date.now() < deadline) {
      await factory.waitForTimeout(500);
      await factory.getByTestId('cert-reload').click();
    }
    await revokedPage.waitFor({ timeout: 5_000 });
    const after = await lt.certificates.certificates.get(certId, null);
    await factory.getByTestId('cert-detail-reason').filter({ hasText: after.reason! }).waitFor();
    await verdict(factory, false).waitFor({ timeout: 20_000 });
    await factory.locator('[data-testid="cert-check-status"][data-outcome="failed"][data-code="revoked"]').waitFor();
    await screenshot(factory, 'certificate-revoked');

    // Anyone: the pasted certificate fails on its status, and so does the bundle uploaded as a file.
    const anyone = await (await env().context()).newPage();
    await anyone.goto(`${url}/`);
    await anyone.getByTestId('portal-certificate-verify').click();
    await anyone.getByTestId('cert-verify-title').waitFor();
    await anyone.getByTestId('cert-verify-input').fill(cert.jwt);
    await anyone.getByTestId('cert-verify-submit').click();
    await verdict(anyone, false).waitFor({ timeout: 20_000 });
    await anyone.locator('[data-testid="cert-check-status"][data-outcome="failed"][data-code="revoked"]').waitFor();
    await anyone.getByTestId('cert-check-status-message').filter({ hasText: '凭证已被撤销' }).waitFor();
    await check(anyone, 'signature', 'passed').waitFor();
    await expect(anyone.getByTestId('cert-verdict').getAttribute('data-failed')).resolves.toBe('status');
    const revokedVerdict = await lt.certificates.certificates.verify(cert.jwt);
    expect(revokedVerdict.valid).toBe(false);
    expect(revokedVerdict.checks.find((c) => c.check === 'status')).toMatchObject({ outcome: 'failed', code: 'revoked' });
    await anyone.getByTestId('cert-verify-input').fill('');
    await anyone.locator('input[type="file"]').setInputFiles(bundlePath);
    await expect.poll(() => anyone.getByTestId('cert-verify-input').inputValue(), { timeout: 10_000 }).toContain('liutong.certificate.bundle');
    await anyone.getByTestId('cert-verify-submit').click();
    await verdict(anyone, false).waitFor({ timeout: 20_000 });
    await anyone.locator('[data-testid="cert-check-status"][data-outcome="failed"][data-code="revoked"]').waitFor();
    await screenshot(anyone, 'certificate-verify-revoked');
    rmSync(bundlePath, { force: true });

    // The bank: no more uses on a revoked certificate, and its next retrieval is refused by the gateway.
    await bank.goto(`${url}/console/certificates/${certId}`);
    await bank.locator('[data-testid="cert-detail"][data-status="revoked"]').waitFor({ timeout: 20_000 });
    await expect(bank.getByTestId('cert-use-record').count()).resolves.toBe(0);
    await bank.goto(`${url}/console/space/authorizations/${consentId}`);
    await consentStatus(bank, 'revoked');
    await bank.getByTestId('retrieve-ELEC.MONTHLY-run').click();
    const refused = bank.getByTestId('retrieve-ELEC.MONTHLY-refused');
    await refused.waitFor({ timeout: 20_000 });
    await expect(refused.getAttribute('data-code')).resolves.toBe('GATEWAY_GRANT_REVOKED');
    const usage = await lt.authorization.consents.usage(consentId, null, 1, 50);
    expect(usage.items.map((c) => c.status).sort()).toEqual([200, 403]);
  }, 300_000);

  it('the wallet, a certificate and the verification page fit a 390 px wide screen', async () => {
    const { url, login, lt } = env();
    const bankOrg = await orgByName('广州某商业银行');
    // The loop's certificate, or one issued here through the services when the loop did not get that far.
    let certId = issued;
    if (!certId) {
      const factoryOrg = await orgByName('佛山某制造');
      const bureauOrg = await orgByName('数据管理局');
      const items = (await lt.authorization.dataItems.list({})).items.filter((i) => i.code === 'ELEC.MONTHLY');
      const c = await lt.authorization.consents.request(bankOrg.id, {
        holderUscc: factoryOrg.uscc!, itemIds: items.map((i) => i.id), purpose: 'credit_approval', purposeText: '电费贷', periodFrom: '2025-11', periodTo: '2026-10',
        validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), maxUses: 5,
      } as any, null, 'test');
      await lt.authorization.consents.approve(c.id, principal(factoryOrg), 'test');
      certId = (await lt.certificates.certificates.issueCirculation(c.id, principal(bureauOrg), 'test')).id;
    }
    const viewport = { width: 390, height: 844 };
    const fits = async (page: Page, what: string) => {
      await page.waitForLoadState('networkidle');
      const fit = await fitsWidth(page);
      expect(fit, `${what} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    };
    const bank = await (await env().context(viewport)).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/certificates?box=received`);
    await bank.getByTestId(`cert-link-${certId}`).waitFor({ timeout: 20_000 });
    await fits(bank, 'the wallet');
    await bank.goto(`${url}/console/certificates/${certId}`);
    await bank.locator('[data-testid="cert-verdict"][data-valid]').waitFor({ timeout: 20_000 });
    await bank.locator('[data-testid="cert-uses"][data-count]').waitFor({ timeout: 20_000 });
    await fits(bank, 'the certificate page');
    await env().screenshot(bank, 'certificate-detail-390');

    const anyone = await (await env().context(viewport)).newPage();
    await anyone.goto(`${url}/verify/certificate`);
    await anyone.getByTestId('cert-verify-title').waitFor();
    await anyone.getByTestId('cert-verify-input').fill((await lt.certificates.certificates.get(certId, null)).jwt);
    await anyone.getByTestId('cert-verify-submit').click();
    await anyone.locator('[data-testid="cert-verdict"][data-valid]').waitFor({ timeout: 20_000 });
    await anyone.getByTestId('cert-content').waitFor();
    await fits(anyone, '/verify/certificate with a verdict');
    await env().screenshot(anyone, 'certificate-verify-390');
    await anyone.getByTestId('cert-verify-input').fill('{');
    await anyone.getByTestId('cert-verify-submit').click();
    await anyone.locator('[data-testid="cert-verdict"][data-reason="input_json"]').waitFor();
  }, 180_000);
});
