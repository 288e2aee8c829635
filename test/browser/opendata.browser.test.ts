import { expect, it } from 'vitest';
import { describeBrowser } from './browser.harness.js';

/**
 * The open-data portal (开放广东) as an anonymous visitor: the open datasets of the demo province,
 * one dataset's page with its fields and data API, the apps showcase — no login anywhere.
 */
describeBrowser('open-data portal in a real browser', (env) => {
  it('an anonymous visitor browses open datasets, opens one and sees the apps showcase', async () => {
    const { url, screenshot } = env();
    const page = await (await env().context()).newPage();
    await page.goto(`${url}/open-data`);
    const table = page.getByTestId('opendata-table');
    await table.locator('a[data-testid^="dataset-"]').first().waitFor();
    const open = (await env().lt.opendata.datasets.all()).map((d) => d.resource.title.zh);
    expect(open.length).toBeGreaterThan(0);
    await table.getByText(open[0]!, { exact: true }).waitFor();
    await screenshot(page, 'opendata-portal');

    await table.getByText(open[0]!, { exact: true }).click();
    await page.getByTestId('opendata-dataset').waitFor();
    await expect(page.getByTestId('opendata-dataset').innerText()).resolves.toContain('/api/v1/data/');
    await expect(page.getByTestId('opendata-get-key').count()).resolves.toBe(0);
    await screenshot(page, 'opendata-dataset');

    // An unconditionally open dataset with mounted data: a masked preview and a CSV download,
    // read anonymously through the gateway's public delivery.
    const stops = (await env().lt.catalog.resources.list(null, { q: '公交站点信息', page: 1, pageSize: 5 })).items.find((r) => r.title.zh === '公交站点信息')!;
    await page.goto(`${url}/open-data/${stops.id}`);
    const preview = page.getByTestId('opendata-preview-table');
    await preview.locator('tbody tr.ant-table-row').first().waitFor();
    await expect(preview.locator('tbody tr.ant-table-row').count()).resolves.toBe(10);
    await expect(preview.innerText()).resolves.toMatch(/BS0000\d/);
    const href = await page.getByTestId('opendata-download-csv').getAttribute('href');
    const csv = await page.request.get(`${url}${href}`);
    expect(csv.status()).toBe(200);
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toBe('stop_id,name,district,lines,lon,lat');
    const mount = (await env().lt.catalog.mounts.source(stops.id))!.mount;
    expect(mount?.kind).toBe('table');
    expect(text.trim().split(/\r?\n/)).toHaveLength(1 + (mount?.kind === 'table' ? mount.rowCount : -1));
    await screenshot(page, 'opendata-preview');

    await page.goto(`${url}/open-data/apps`);
    await page.getByTestId('opendata-apps').getByText('出行助手').waitFor();
    await screenshot(page, 'opendata-apps');
  });
});
