/**
 * Browser tests: a real Liutong (PGlite, demo data, the built console) listening on 127.0.0.1 and
 * Debian's Chromium driven by playwright-core. Without a Chromium the suites are skipped with a
 * printed notice; CI installs it and fails when no browser test ran (.test-results/browser-tests.count).
 */
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { createLiutong, type Liutong } from '../../src/liutong.app.js';
import { seedDemo } from '../../src/cli/demo.seed.js';
import { openDatabase, type Database } from '../../src/platform/database/database.js';
import { cloneDatabase } from '../db.js';
import { testConfig } from '../harness.js';

export const DEMO_PASSWORD = 'Demo-Passw0rd-2026';
export const SCREENSHOT_DIR = path.resolve('test-output/screenshots');

export function chromiumPath(): string | null {
  const candidates = [process.env.LIUTONG_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface BrowserEnv {
  lt: Liutong;
  url: string;
  browser: Browser;
  /** A fresh context (own storage) at the given viewport. */
  context(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  /** Logs in through the form and waits for the workbench. */
  login(page: Page, username: string): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * Settlement T+0 (exchange.settlementLagDays, a configurable [M] rule) in the browser tests: the
 * server refuses to settle a business date after today (EXCHANGE_NOT_DUE), so a deal accepted in a
 * test must be due today for the test to settle it — under the default T+1 it would be due on the
 * next working day, which no test can wait for. The demo store is seeded the same way, so the
 * demo's settled trade is due, and settled, on the day it is seeded.
 */
const BROWSER_EXCHANGE = { settlementLagDays: 0 };

/**
 * The demo store every browser suite starts from, seeded once per run (as `liutong start --demo`
 * seeds, then restored as `liutong restore` restores a backup): the first suite to need it builds
 * it under a lock file; the others wait for it. Each suite gets its own copy.
 */
async function demoStore(): Promise<Blob> {
  const file = path.resolve('.test-results/pglite-demo.tgz');
  const lock = path.resolve('.test-results/pglite-demo.lock');
  let mine = false;
  try {
    closeSync(openSync(lock, 'wx'));
    mine = true;
  } catch {
    /* another suite builds it */
  }
  if (mine) {
    const database = await cloneDatabase('pglite');
    const lt = await createLiutong(testConfig({ ledger: { intervalMs: 50 }, exchange: BROWSER_EXCHANGE }), { database, migrated: true });
    // The platform operator's organisation first (it seals space packages, signs webhooks and is
    // the caller of record of the real-name checks the demo's sign-up makes).
    await lt.identity.organisations.bootstrapAdmin(DEMO_PASSWORD);
    await seedDemo(lt, DEMO_PASSWORD, { scale: 0.05 }); // a twentieth of the datasets: same pages, faster start
    await lt.flush();
    await lt.close();
    const dump = Buffer.from(await (await database.pglite!.dumpDataDir('gzip')).arrayBuffer());
    await database.close();
    writeFileSync(`${file}.tmp`, dump);
    renameSync(`${file}.tmp`, file);
    return new Blob([dump]);
  }
  for (let waited = 0; !existsSync(file); waited += 200) {
    if (waited > 100_000) throw new Error('the demo store was not built within 100 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return new Blob([readFileSync(file)]);
}

/** A suite that needs Chromium; skipped with a notice when none is installed. */
export function describeBrowser(name: string, body: (env: () => BrowserEnv) => void): void {
  const exe = chromiumPath();
  if (!exe) {
    console.warn(`\n[liutong] NOTICE: no Chromium found (/usr/bin/chromium): the browser tests "${name}" are SKIPPED. Install it with apt-get install chromium.\n`);
    describe.skip(name, () => body(() => undefined as never));
    return;
  }
  // A browser step takes seconds, and a loaded two-core CI machine makes it several times slower:
  // each test gets three minutes unless it sets its own limit.
  describe(name, { timeout: 180_000 }, () => {
    let env: BrowserEnv | undefined;
    let database: Database | undefined;
    const contexts: BrowserContext[] = [];
    beforeAll(async () => {
      database = await openDatabase({ loadDataDir: await demoStore() });
      const lt = await createLiutong(testConfig({ host: '127.0.0.1', port: 0, ledger: { intervalMs: 50 }, exchange: BROWSER_EXCHANGE }), { database, migrated: true });
      await lt.listen();
      const { port } = lt.app.server.address() as AddressInfo;
      const browser = await chromium.launch({ executablePath: exe, headless: true, args: CHROMIUM_FLAGS });
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      env = {
        lt,
        url: `http://127.0.0.1:${port}`,
        browser,
        async context(viewport = { width: 1366, height: 768 }) {
          // Reduced motion, as a user may ask their system: the console then animates nothing, so a
          // click never lands on a dialog or dropdown still flying in, and a loaded machine draws less.
          const c = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York', reducedMotion: 'reduce' });
          trackRequests(c);
          contexts.push(c);
          return c;
        },
        async login(page, username) {
          await page.goto(`${env!.url}/login`);
          await page.getByTestId('login-name').fill(username);
          await page.getByTestId('login-password').fill(DEMO_PASSWORD);
          await page.getByTestId('login-submit').click();
          await page.getByTestId('workbench-title').waitFor();
        },
        async screenshot(page, name) {
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
        },
      };
    }, 120_000);
    beforeEach(() => {
      appendFileSync(path.resolve('.test-results/browser-tests.count'), '1\n');
    });
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await env?.browser.close();
      await env?.lt.close();
      await database?.close();
    });
    body(() => {
      if (!env) throw new Error('browser environment not ready');
      return env;
    });
  });
}

/** Requests in flight per browser context (fetches, lazily loaded chunks, images), so `visit` knows when a page has settled. */
const inFlight = new WeakMap<BrowserContext, { pending: number; last: number }>();

function trackRequests(c: BrowserContext): void {
  const t = { pending: 0, last: Date.now() };
  inFlight.set(c, t);
  c.on('request', () => { t.pending++; t.last = Date.now(); });
  const done = () => { t.pending = Math.max(0, t.pending - 1); t.last = Date.now(); };
  c.on('requestfinished', done);
  c.on('requestfailed', done);
}

/**
 * Opens `url` as a link inside the console would: once the single-page app is loaded, by
 * history.pushState and a popstate event (no reload, no second parse of the bundle), then waits
 * until no request (API call, lazily loaded page chunk or locale strings) has been in flight for
 * 200 ms and the router's loading spinner is gone. The first visit loads the app.
 */
export async function visit(page: Page, url: string): Promise<void> {
  const target = new URL(url);
  const t = inFlight.get(page.context());
  if (!t || !page.url().startsWith(target.origin)) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    return;
  }
  t.last = Date.now();
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, target.pathname + target.search);
  // Two frames: the router has rendered the new location (and asked for its page's chunk) before the requests are counted.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await quiet(t, url);
  // A busy machine may still be evaluating the page's chunk once its requests are over: the router's
  // spinner (app.shell.tsx PageLoading) shows until the page renders, and then the page asks for its data.
  if (await page.getByTestId('page-loading').count()) {
    await page.getByTestId('page-loading').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => {});
    await quiet(t, url);
  }
}

/** Waits until no request has been in flight for 200 ms (20 s at most). */
async function quiet(t: { pending: number; last: number }, url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(t.pending === 0 && Date.now() - t.last > 200)) {
    if (Date.now() > deadline) throw new Error(`${url}: requests still in flight after 20 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** True when the page does not scroll sideways (scrollWidth ≤ innerWidth). */
export async function fitsWidth(page: Page): Promise<{ ok: boolean; scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    return { ok: scrollWidth <= window.innerWidth, scrollWidth, innerWidth: window.innerWidth };
  });
}

/**
 * Opens an Ant Design select with `open`, clicks `option`, and waits for `settled` — what must show
 * once the choice took. A busy machine can swallow the click while the dropdown is still
 * animating in, or the dropdown closes under it; the choice is then made again (four attempts, each
 * step bounded), so a slow CI run is not a failure
 * while a choice that never takes still is.
 */
export async function chooseOption(open: Locator, option: Locator, settled: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Clicking an open select closes it, so open it only when the option is not showing yet.
      if (!(await option.first().isVisible())) await open.click({ timeout: 10_000 });
      await option.first().click({ timeout: 5_000 });
      await settled.first().waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (await settled.first().isVisible()) return; // the choice took late
      if (attempt >= 4) throw err;
    }
  }
}

/**
 * Sets an Ant Design checkbox (its `.ant-checkbox-wrapper`) to `checked` and waits until it shows so.
 * A click made while a modal is still animating in can be swallowed on a busy machine; the click is
 * then made again (four attempts, each bounded), never when the box already shows the wanted state.
 */
export async function setChecked(wrapper: Locator, checked: boolean): Promise<void> {
  const shows = async () => ((await wrapper.first().getAttribute('class', { timeout: 10_000 })) ?? '').split(/\s+/).includes('ant-checkbox-wrapper-checked') === checked;
  for (let attempt = 1; ; attempt++) {
    if (await shows()) return;
    await wrapper.first().click({ timeout: 10_000 });
    for (let i = 0; i < 20 && !(await shows()); i++) await new Promise((r) => setTimeout(r, 100));
    if (await shows()) return;
    if (attempt >= 4) throw new Error(`checkbox did not become ${checked ? 'checked' : 'unchecked'}: ${await wrapper.first().innerText()}`);
  }
}

/**
 * Clicks `trigger` (a button opening an Ant Design Popconfirm), confirms, and waits for `settled` —
 * what shows once the action took (or, with `until: 'detached'`, what is gone once it took). A
 * click swallowed while the popover animates on a busy machine is made again (three attempts, each
 * step bounded); nothing is clicked again once the action took.
 */
export async function confirmAction(page: Page, trigger: Locator, settled: Locator, until: 'visible' | 'detached' = 'visible'): Promise<void> {
  const ok = page.locator('.ant-popover:visible .ant-btn-primary');
  const took = async () => (until === 'visible' ? settled.first().isVisible() : (await settled.count()) === 0);
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await ok.first().isVisible())) await trigger.click({ timeout: 10_000 });
      await ok.first().click({ timeout: 5_000 });
      await settled.first().waitFor({ state: until, timeout: 15_000 });
      return;
    } catch (err) {
      if (await took()) return;
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * Clicks `trigger` and waits for `settled` — what shows once the click took (a validation message,
 * a new state). A click swallowed while a modal animates in on a busy machine is made again (three
 * attempts, each bounded); nothing is clicked again once `settled` shows.
 */
export async function clickUntil(trigger: Locator, settled: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await trigger.click({ timeout: 10_000 });
      await settled.first().waitFor({ timeout: 8_000 });
      return;
    } catch (err) {
      if (await settled.first().isVisible()) return;
      if (attempt >= 3) throw err;
    }
  }
}
