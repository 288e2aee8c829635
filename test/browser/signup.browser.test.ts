import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, fitsWidth, setChecked } from './browser.harness.js';

/**
 * An individual signs up (个人注册) in the console: a resident of the demo population base (人口基础信息)
 * who has no account yet fills the public sign-up page on a phone-sized screen, sees the masked
 * identity number and the user name, signs in with the new account and lands in the personal
 * digital space. Refusals: a wrong check character is caught in the browser before anything is
 * sent; a name that does not match the population base is refused by the server, its message shown
 * in the console's language, and no account is made; past the sign-up rate limit the server's 429
 * is shown.
 *
 * The server limits sign-up attempts to 5 an hour per client address, and the tests of this file
 * share one server (the browser and this test's fetch both come from 127.0.0.1): the first two
 * tests make one attempt each, and the rate-limit test, which uses up the rest, must stay last.
 */
describeBrowser('individual sign-up in a real browser', (env) => {
  const SIGNUP = '/api/v1/public/accounts/individual';
  const PASSWORD = 'Signup-Passw0rd-2026';
  const phoneSized = { width: 390, height: 844 };

  /** The population base's rows, as the demo mounted them. */
  const populationRows = async (limit: number) => {
    const { lt } = env();
    const resource = (await lt.catalog.resources.list(null, { q: '人口基础信息', page: 1, pageSize: 1 })).items[0]!;
    const source = (await lt.catalog.mounts.source(resource.id))!;
    return (await lt.catalog.mounts.queryRows(resource.id, { version: source.version, offset: 0, limit })).rows;
  };
  const taken = new Set<string>();
  /** A resident of the population base who has no individual account yet (nor was used by an earlier test here). */
  const freshResident = async () => {
    for (const r of await populationRows(50)) {
      const id = String(r.id_number);
      if (taken.has(id) || (await env().lt.authorization.accounts.findByResidentId(id))) continue;
      taken.add(id);
      return { residentId: id, name: String(r.name), phone: String(r.mobile) };
    }
    throw new Error('no resident without an account among the first 50');
  };
  const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(14)}`;
  let uniq = 0;
  const username = () => `person${Date.now().toString(36)}${uniq++}`;

  /** Counts the sign-up requests the page sends. */
  const signUpRequests = (page: Page) => {
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === SIGNUP) sent.push(r.url());
    });
    return sent;
  };

  const fill = async (page: Page, v: { name: string; residentId: string; phone: string; username: string }) => {
    await page.getByTestId('signup-name').fill(v.name);
    await page.getByTestId('signup-resident-id').fill(v.residentId);
    await page.getByTestId('signup-phone').fill(v.phone);
    await page.getByTestId('signup-username').fill(v.username);
    await page.getByTestId('signup-password').fill(PASSWORD);
    await page.getByTestId('signup-confirm').fill(PASSWORD);
    await setChecked(page.locator('.ant-checkbox-wrapper').filter({ has: page.getByTestId('signup-agree') }), true);
  };

  const fits = async (page: Page, what: string) => {
    await page.waitForLoadState('networkidle');
    const fit = await fitsWidth(page);
    expect(fit, `${what} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
  };

  it('a resident without an account signs up on a phone, signs in and sees the personal space', async () => {
    const { url, lt, screenshot } = env();
    const person = await freshResident();
    expect(person.phone).toMatch(/^1[3-9]\d{9}$/);
    const name = username();
    const page = await (await env().context(phoneSized)).newPage();
    const sent = signUpRequests(page);

    // From the portal's home to the sign-up page: it fits the narrow screen.
    await page.goto(url);
    await page.getByTestId('portal-title').waitFor();
    await fits(page, 'home');
    await page.getByTestId('portal-signup').click();
    await page.getByTestId('signup-title').waitFor();
    await page.getByTestId('signup-notice').filter({ hasText: '人口基础信息' }).waitFor();
    await fits(page, '/signup');

    // The agreement must be accepted and the passwords must agree before anything is sent.
    await fill(page, { ...person, username: name });
    await setChecked(page.locator('.ant-checkbox-wrapper').filter({ has: page.getByTestId('signup-agree') }), false);
    await page.getByTestId('signup-confirm').fill(`${PASSWORD}x`);
    await page.getByTestId('signup-submit').click();
    await page.getByText('请阅读并同意个人信息处理告知').waitFor();
    await page.getByText('两次输入的密码不一致').waitFor();
    expect(sent).toHaveLength(0);
    await page.getByTestId('signup-confirm').fill(PASSWORD);
    await setChecked(page.locator('.ant-checkbox-wrapper').filter({ has: page.getByTestId('signup-agree') }), true);
    await screenshot(page, 'signup-form-390');
    await page.getByTestId('signup-submit').click();

    // Signed up: the masked number and the user name to sign in with.
    await page.getByTestId('signup-done').waitFor({ timeout: 30_000 });
    expect(sent).toHaveLength(1);
    await expect(page.getByTestId('signup-done-resident-id').innerText()).resolves.toBe(masked(person.residentId));
    await expect(page.getByTestId('signup-done-username').innerText()).resolves.toBe(name);
    await expect(page.getByTestId('signup-done-name').innerText()).resolves.toBe(person.name);
    await expect(page.locator('body').innerText()).resolves.not.toContain(person.residentId);
    await fits(page, 'the sign-up result');
    await screenshot(page, 'signup-done-390');

    // On the server: the person's account, holding this number.
    const account = await lt.authorization.accounts.findByResidentId(person.residentId);
    expect(account).toMatchObject({ masked: masked(person.residentId), name: person.name });

    // Sign in with the new account: the personal digital space, the number masked.
    await page.getByTestId('signup-to-login').click();
    await page.getByTestId('login-name').fill(name);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('space-title').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('space-holder-id').innerText()).resolves.toBe(masked(person.residentId));
    await page.getByTestId('space-holder').filter({ hasText: person.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/space');
    await fits(page, '/console/space of the new account');
    await screenshot(page, 'signup-space-390');
  }, 120_000);

  it('refuses a wrong check character in the browser and a name that does not match on the server, in the chosen language', async () => {
    const { url, lt, screenshot } = env();
    const person = await freshResident();
    const page = await (await env().context()).newPage();
    const sent = signUpRequests(page);

    // From the login page.
    await page.goto(`${url}/login`);
    await page.getByTestId('login-signup').click();
    await page.getByTestId('signup-title').waitFor();

    // A wrong check character: refused by the form, nothing sent.
    const wrong = person.residentId.slice(0, 17) + (person.residentId[17] === '0' ? '1' : '0');
    await fill(page, { ...person, residentId: wrong, username: username() });
    await page.getByTestId('signup-resident-id').blur();
    await page.getByText('公民身份号码校验位不正确').waitFor();
    await page.getByTestId('signup-submit').click();
    await page.waitForTimeout(300);
    expect(sent).toHaveLength(0);

    // In English, the right number with a name that is not the resident's: the server refuses, in English.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('signup-title').filter({ hasText: 'Sign up as an individual' }).waitFor();
    await page.getByTestId('signup-resident-id').fill(person.residentId);
    const otherName = `${person.name}某`;
    await page.getByTestId('signup-name').fill(otherName);
    await page.getByTestId('signup-submit').click();
    const error = page.getByTestId('signup-error');
    await error.filter({ hasText: 'The real-name check failed' }).waitFor({ timeout: 30_000 });
    await expect(error.getAttribute('data-code')).resolves.toBe('AUTHORIZATION_REAL_NAME_FAILED');
    expect(sent).toHaveLength(1);
    await screenshot(page, 'signup-mismatch-en');

    // No account was made for this number.
    expect(await lt.authorization.accounts.findByResidentId(person.residentId)).toBeNull();
    await expect(page.getByTestId('signup-done').count()).resolves.toBe(0);
  }, 120_000);

  // Uses up this address's sign-up attempts: keep it the last test of the file.
  it("shows the server's rate-limit refusal once this address has used up its attempts", async () => {
    const { url, lt } = env();
    // The demo citizen's number: already signed up, so each of these attempts is refused cheaply (409) and counted.
    const citizenOrg = (await lt.identity.organisations.list({ role: 'individual', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
    const citizenId = (await lt.authorization.accounts.residentIdOf(citizenOrg.id))!.residentId;
    const person = await freshResident();
    const codes: string[] = [];
    for (let i = 0; i < 6 && codes.at(-1) !== 'AUTHORIZATION_SIGNUP_RATE_LIMITED'; i++) {
      const r = await fetch(`${url}${SIGNUP}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '某某', residentId: citizenId, phone: person.phone, username: username(), password: PASSWORD }),
      });
      codes.push(((await r.json()) as { error: { code: string } }).error.code);
    }
    expect(codes.at(-1)).toBe('AUTHORIZATION_SIGNUP_RATE_LIMITED');
    expect(new Set(codes.slice(0, -1))).toEqual(new Set(['AUTHORIZATION_PERSON_EXISTS']));

    // A good sign-up from the browser is now refused with the server's message, and makes no account.
    const page = await (await env().context()).newPage();
    await page.goto(`${url}/signup`);
    await page.getByTestId('signup-title').waitFor();
    await fill(page, { ...person, username: username() });
    await page.getByTestId('signup-submit').click();
    const error = page.getByTestId('signup-error');
    await error.filter({ hasText: '注册尝试过于频繁' }).waitFor({ timeout: 30_000 });
    await expect(error.getAttribute('data-code')).resolves.toBe('AUTHORIZATION_SIGNUP_RATE_LIMITED');
    expect(await lt.authorization.accounts.findByResidentId(person.residentId)).toBeNull();
  }, 120_000);
});
