import { expect, it } from 'vitest';
import { describeBrowser, DEMO_PASSWORD, setChecked } from './browser.harness.js';
import { SHARING, SHARING_FIELDS, SHARING_CSV } from '../routes/sharing.cases.js';

/**
 * A sharing request (共享申请) from request to granted data: the tax service requests the grid
 * company's conditionally shared electricity table, the grid company approves it with a narrowed
 * field set, and the tax service reads the granted rows through the data gateway, with the
 * personal contact phone masked.
 */
describeBrowser('sharing requests in a real browser', (env) => {
  /** Calls the API as a demo user (the data is set up through the API, as a source unit would). */
  async function apiAs(username: string) {
    const inject = async (method: string, url: string, body?: unknown, token?: string) => {
      const r = await env().lt.app.inject({ method: method as 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
    };
    const login = await inject('POST', '/api/v1/auth/login', { login: username, password: DEMO_PASSWORD });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    return (method: string, url: string, body?: unknown) => inject(method, url, body, login.body.token as string);
  }

  it('the tax service requests conditional data, the grid company approves a narrowed field set, the tax service reads masked rows', async () => {
    const { url, login, screenshot } = env();
    const title = '企业用电与联系方式（共享浏览器测试）';

    // The grid company catalogues, mounts and submits the table; the data bureau publishes it.
    const grid = await apiAs('grid');
    const created = await grid('POST', '/api/v1/catalog/resources', {
      title: { zh: title, en: 'Company electricity and contacts (sharing browser test)' }, categoryId: 'cat_theme000000000000001',
      fields: SHARING_FIELDS, updateFrequency: 'monthly', format: 'table', sharing: SHARING.conditional, open: { type: 'none' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const resourceId = created.body.id as string;
    expect((await grid('POST', `/api/v1/catalog/resources/${resourceId}/mount`, { format: 'csv', contentBase64: Buffer.from(SHARING_CSV).toString('base64') })).status).toBe(201);
    expect((await grid('POST', `/api/v1/catalog/resources/${resourceId}/quality/run`)).status).toBe(201);
    expect((await grid('POST', `/api/v1/catalog/resources/${resourceId}/submit`)).status).toBe(200);
    const bureau = await apiAs('bureau');
    const published = await bureau('POST', `/api/v1/catalog/resources/${resourceId}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    // The tax service (a public body) requests it from the resource's page.
    const tax = await (await env().context()).newPage();
    await login(tax, 'tax');
    await tax.goto(`${url}/console/catalog/resources/${resourceId}`);
    await tax.getByTestId('resource-title').filter({ hasText: title }).waitFor();
    await tax.getByTestId('resource-request-sharing').click();
    await expect(tax.getByTestId('sharing-form-class').innerText()).resolves.toContain('有条件共享');
    await tax.getByTestId('sharing-form-purpose').fill('纳税信用评价中核对企业经营状况');
    await tax.getByTestId('sharing-form-basis').fill('《中华人民共和国税收征收管理法》第六条');
    await screenshot(tax, 'sharing-request-form');
    await tax.getByTestId('form-submit').click();
    await tax.getByTestId('form-submit').waitFor({ state: 'detached' });

    await tax.goto(`${url}/console/sharing/requests`);
    const mine = tax.getByTestId('sharing-table').locator('tr', { hasText: title });
    await mine.waitFor();
    await mine.locator('[data-status="pending"]').waitFor();
    // The working-day deadline is shown to the requester too.
    await expect(mine.innerText()).resolves.toMatch(/\d{4}-\d{2}-\d{2}/);
    const [request] = (await env().lt.sharing.requests.list({ kind: 'user', orgId: created.body.sourceOrgId, orgRoles: ['source_unit'], memberRole: 'org_admin', personRoles: [], displayName: 'grid' }, { box: 'received', resourceId, page: 1, pageSize: 5 })).items;
    expect(request).toMatchObject({ status: 'pending', requested: { fields: ['uscc', 'company', 'contact_phone', 'kwh'] }, legalBasis: '《中华人民共和国税收征收管理法》第六条' });

    // The grid company approves from its inbox, without the company name.
    const gridPage = await (await env().context()).newPage();
    await login(gridPage, 'grid');
    await gridPage.goto(`${url}/console/sharing/approvals`);
    const row = gridPage.getByTestId('sharing-table').locator('tr', { hasText: title });
    await row.waitFor();
    await row.getByTestId(`deadline-${request!.id}`).waitFor();
    await row.getByTestId(`approve-${request!.id}`).click();
    await setChecked(gridPage.getByTestId('approve-fields').locator('.ant-checkbox-wrapper').filter({ hasText: /^company$/ }), false);
    await screenshot(gridPage, 'sharing-approve');
    await gridPage.getByTestId('form-submit').click();
    await gridPage.getByTestId('form-submit').waitFor({ state: 'detached' });
    const granted = await env().lt.sharing.requests.get(request!.id, null);
    expect(granted).toMatchObject({ status: 'granted', granted: { fields: ['uscc', 'contact_phone', 'kwh'] } });

    // The tax service opens the granted data: rows through the gateway, the phone masked, no company name.
    await tax.goto(`${url}/console/sharing/requests`);
    await mine.locator('[data-status="granted"]').waitFor();
    await mine.getByTestId(`view-data-${request!.id}`).click();
    const rows = tax.getByTestId('granted-rows');
    await rows.locator('tbody tr', { hasText: '91440101MA5CXXXX01' }).waitFor();
    const text = await rows.innerText();
    expect(text).toContain('contact_phone');
    expect(text).not.toContain('company');
    expect(text).not.toContain('13800138000');
    expect(text).toContain('1*********0'); // masked (personal information): first and last character kept
    expect(text).toContain('1200.5');
    await screenshot(tax, 'sharing-granted-data');
  });
});
