import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeUscc } from '../../src/modules/identity/index.js';
import { chooseOption, clickUntil, confirmAction, describeBrowser, DEMO_PASSWORD, fitsWidth, setChecked } from './browser.harness.js';

/**
 * Data asset registration (数据资产登记) in the console and on the portal — the whole first
 * registration: the Foshan factory registers its own catalog resource through the form (submitting
 * it first without a scenario shows the completeness problems in words: 无场景不登记), then with one;
 * the data bureau adds an external legal expert to the reviewer pool and records that the expert's
 * firm holds 30 % of the factory, then draws the compliance panel — the expert is recused
 * (shareholder), the panel is the five demo experts; each of them logs in and votes from their
 * review cases; the application goes into publicity until its end day; the bank finds it on the
 * public register, signs in and objects; the bureau dismisses the objection; publicity's end is moved
 * into the past in the database (the one shortcut) and the bureau registers it: the registration
 * number is on the public register for anyone, and the factory opens its registration certificate
 * and verifies it on the public page. Server state is checked through the services at each step.
 */
describeBrowser('data asset registration (数据资产登记) in a real browser', (env) => {
  const orgByName = async (q: string) => (await env().lt.identity.organisations.list({ q, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' } as any)).items[0]!;
  const principal = (org: { id: string; roles: readonly string[] }) => ({ kind: 'user', orgId: org.id, orgRoles: [...org.roles], memberRole: 'org_admin', personRoles: [], displayName: 'test' }) as any;
  /** Confirms the open Popconfirm. */
  const detailStatus = (page: Page, s: string) => page.locator(`[data-testid="registry-detail"][data-status="${s}"]`).waitFor({ timeout: 20_000 });
  const option = (page: Page, title: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  const formItem = (page: Page, control: Locator, text: string) => page.locator('.ant-form-item').filter({ has: control }).filter({ hasText: text });
  /**
   * Picks the option titled `title` of a searchable select (the organisation directory is longer
   * than the dropdown shows): opens it, types the title, clicks the option, and waits until the
   * select shows it — again when a busy machine swallowed a step (chooseOption).
   */
  const choose = async (page: Page, testId: string, title: string) => {
    const select = page.getByTestId(testId);
    await chooseOption(
      { click: async (o?: { timeout?: number }) => { await select.click(o); await select.locator('input').fill(title, o); } } as unknown as Locator,
      option(page, title),
      formItem(page, select, title),
    );
  };
  const FACTORY = '佛山某制造有限公司（演示）';
  const EXTRA_ORG = '广州某律师事务所（登记测试）';
  const TITLE = '企业设备运行数据集（登记测试）';
  const RESOURCE = '设备运行监测数据（登记测试）';
  /** Today in Asia/Shanghai, as YYYY-MM-DD. */
  const shanghaiDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const lastDay = (until: string) => new Date(new Date(until).getTime() - 1 + 8 * 3600_000).toISOString().slice(0, 10);
  let applicationId: string | null = null;

  it('first registration: form with problems → submitted → panel with a recusal → votes → publicity → objection dismissed → registered → public register and certificate', async () => {
    const { url, login, lt, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const bureauOrg = await orgByName('数据管理局');
    const bankOrg = await orgByName('广州某商业银行');
    const complianceOrg = await orgByName('广东数据资产合规服务中心');
    expect(bureauOrg.roles).toContain('data_bureau');

    // The factory's own social data, catalogued (the subject), and the demo's reviewer pool: one expert per kind.
    const resource = await lt.catalog.resources.create(factoryOrg.id, {
      title: { zh: RESOURCE, en: 'Equipment monitoring data (registry test)' }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
      fields: [
        { name: 'device', label: { zh: '设备编号', en: 'Device' }, dataType: 'string', key: true, grade: { level: 'general', generalLevel: 1, personalInfo: 'none' } },
        { name: 'hours', label: { zh: '运行时长', en: 'Hours' }, dataType: 'decimal', grade: { level: 'general', generalLevel: 2, personalInfo: 'none' } },
      ],
      sharing: { type: 'conditional', conditions: '按合同提供' }, open: { type: 'none' },
    } as any, null);
    const experts = (await lt.identity.organisations.listUsers(complianceOrg.id, 1, 50)).items;
    const pool = (await lt.registry.reviewers.list('active')).items;
    for (const expertise of ['legal', 'industry', 'valuation', 'technical', 'security']) {
      const user = experts.find((u) => u.username === `expert.${expertise}`)!;
      expect(user, `demo user expert.${expertise}`).toBeTruthy();
      if (!pool.some((r) => r.userId === user.id)) await lt.registry.reviewers.add({ userId: user.id, expertise: [expertise as 'legal'] }, principal(bureauOrg), 'test');
    }
    // An external legal expert of a law firm (created here), to be added to the pool in the browser.
    const extraOrg = await lt.identity.organisations.create({ name: { zh: EXTRA_ORG, en: 'Guangzhou Law Firm (registry test)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0LAWF0'), roles: ['service_provider'] }, null);
    const extraUser = await lt.identity.organisations.createUser(extraOrg.id, { username: 'expert.extra', displayName: '外部法律专家', password: DEMO_PASSWORD, memberRole: 'org_admin' }, null);

    // ---- The factory fills the form; submitting without a scenario lists what is missing.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await factory.goto(`${url}/console/registry`);
    await factory.locator('[data-testid="registry-list-title"][data-box="mine"]').waitFor({ timeout: 20_000 });
    await factory.getByTestId('registry-new').click();
    await factory.getByTestId('registry-form-title').waitFor();
    await choose(factory, 'registry-form-resource', RESOURCE);
    // Choosing the resource fills the first source: own collection of that resource.
    await factory.getByTestId('registry-form-source-0').filter({ hasText: RESOURCE }).waitFor();
    await factory.getByTestId('registry-form-title-zh').fill(TITLE);
    await factory.getByTestId('registry-form-title-en').fill('Equipment operation dataset (registry test)');
    await factory.getByTestId('registry-form-description').fill('工厂自行采集的设备运行时长与状态，按月汇总。');
    for (const kind of ['holding', 'processing', 'operating']) {
      await factory.getByTestId(`registry-form-right-${kind}-basis`).fill('企业自行采集并加工');
      await factory.getByTestId(`registry-form-right-${kind}-scope`).fill('全部字段，限于所述场景');
    }
    await expect(factory.getByTestId('registry-form-right-holding').innerText()).resolves.toContain(FACTORY);
    await factory.getByTestId('registry-form-submit').click();
    const problems = factory.getByTestId('registry-problems');
    await problems.waitFor({ timeout: 20_000 });
    await problems.locator('[data-testid="registry-problem"][data-code="scenario_missing"]').filter({ hasText: '未填写应用场景' }).waitFor();
    await factory.waitForURL(/\/console\/registry\/applications\/rga_[0-9a-z]{20}\/edit$/);
    // The list re-renders as the page moves to the draft's edit address: count once it settles.
    await expect.poll(() => problems.getByTestId('registry-problem').count(), { timeout: 10_000 }).toBe(1);
    const id = factory.url().split('/').slice(-2)[0]!;
    applicationId = id;
    await screenshot(factory, 'registry-form-problems');
    const draft = await lt.registry.applications.get(id, null);
    expect(draft).toMatchObject({ status: 'draft', applicantOrgId: factoryOrg.id, resourceId: resource.id, scenario: null, sources: [{ kind: 'own_collection', ref: resource.id }] });
    expect((draft.rights as Array<{ kind: string; holderOrgId: string; termFrom: string; termTo: string | null }>).map((r) => [r.kind, r.holderOrgId, r.termFrom, r.termTo])).toEqual(
      ['holding', 'processing', 'operating'].map((k) => [k, factoryOrg.id, shanghaiDay(), null]),
    );

    // …then with the scenario: submitted.
    // The form, reloaded from the saved draft, keeps what was typed.
    await expect.poll(() => factory.getByTestId('registry-form-title-zh').inputValue(), { timeout: 20_000 }).toBe(TITLE);
    await factory.getByTestId('registry-form-scenario-users').fill('设备制造商、保险公司');
    await factory.getByTestId('registry-form-scenario-purpose').fill('设备健康评估与设备保险定价');
    await factory.getByTestId('registry-form-submit').click();
    await factory.waitForURL(new RegExp(`/console/registry/applications/${id}$`), { timeout: 20_000 });
    await detailStatus(factory, 'submitted');
    await factory.getByTestId('registry-scenario').filter({ hasText: '设备健康评估与设备保险定价' }).waitFor();
    await factory.getByTestId('registry-withdraw').waitFor();
    await expect(lt.registry.applications.get(id, null)).resolves.toMatchObject({ status: 'submitted', scenario: { users: '设备制造商、保险公司', purpose: '设备健康评估与设备保险定价' }, grading: { level: 'general' } });
    await factory.goto(`${url}/console/registry`);
    await factory.locator(`[data-testid="registry-status-${id}"][data-status="submitted"]`).waitFor({ timeout: 20_000 });
    await screenshot(factory, 'registry-list');

    // ---- The bureau adds the external expert (its users are not the bureau's to list: by user ID) and records the shareholding.
    const bureau = await (await env().context()).newPage();
    await login(bureau, 'bureau');
    await bureau.goto(`${url}/console/registry/reviewers`);
    await bureau.locator('[data-testid="pool-table"][data-count]').waitFor({ timeout: 20_000 });
    await bureau.getByTestId('pool-add').click();
    await choose(bureau, 'pool-add-org', EXTRA_ORG);
    await bureau.getByTestId('pool-add-user-id').waitFor({ timeout: 20_000 });
    await bureau.getByTestId('pool-add-user-id').fill(extraUser.id);
    await setChecked(bureau.getByTestId('pool-add-expertise').locator('.ant-checkbox-wrapper').filter({ hasText: '法律' }), true);
    await bureau.getByTestId('form-submit').click();
    await bureau.getByTestId('form-submit').waitFor({ state: 'detached', timeout: 20_000 });
    const extra = (await lt.registry.reviewers.list('active')).items.find((r) => r.userId === extraUser.id)!;
    expect(extra).toMatchObject({ orgId: extraOrg.id, expertise: ['legal'], status: 'active' });
    await bureau.getByTestId(`pool-name-${extra.id}`).filter({ hasText: '外部法律专家' }).waitFor({ timeout: 20_000 });
    await bureau.getByTestId('pool-relationship').click();
    await choose(bureau, 'relationship-org', EXTRA_ORG);
    await choose(bureau, 'relationship-related', FACTORY);
    await bureau.getByTestId('relationship-share').fill('30');
    await bureau.getByTestId('form-submit').click();
    await bureau.getByTestId('form-submit').waitFor({ state: 'detached', timeout: 20_000 });
    expect((await lt.identity.relationships.list(extraOrg.id)).items).toEqual([expect.objectContaining({ relatedOrgId: factoryOrg.id, kind: 'shareholder', sharePercent: '30', since: shanghaiDay() })]);
    await screenshot(bureau, 'registry-pool');
    // The relationship shows on the firm's page too.
    await bureau.goto(`${url}/console/orgs/${extraOrg.id}`);
    await bureau.getByTestId('org-tab-relationships').click();
    await bureau.getByTestId('relationship-table').filter({ hasText: `${EXTRA_ORG} 持有 ${FACTORY} 30% 股份` }).waitFor({ timeout: 20_000 });

    // ---- The bureau draws the panel from its registration desk: the external expert is recused, the five demo experts sit.
    await bureau.goto(`${url}/console/registry/all?status=submitted`);
    await bureau.getByTestId(`registry-link-${id}`).click();
    await detailStatus(bureau, 'submitted');
    await bureau.getByTestId('registry-committee-none').waitFor();
    await confirmAction(bureau, bureau.getByTestId('registry-draw'), bureau.locator('[data-testid="registry-detail"][data-status="in_review"]'));
    const committee = bureau.locator('[data-testid="registry-committee"][data-panel="5"][data-recused="1"]');
    await committee.waitFor({ timeout: 20_000 });
    const recused = bureau.locator(`[data-testid="registry-recused-reviewer"][data-reviewer="${extra.id}"]`);
    await recused.filter({ hasText: '外部法律专家' }).locator('[data-reason="shareholder"]').filter({ hasText: '持股关联' }).waitFor();
    const drawn = await lt.registry.applications.get(id, null);
    expect(drawn.committee!.recused).toEqual([{ reviewerId: extra.id, reasons: ['shareholder'] }]);
    const panel = drawn.committee!.panel as Array<{ reviewerId: string; expertise: string }>;
    expect(panel.map((p) => p.expertise)).toEqual(['legal', 'industry', 'valuation', 'technical', 'security']);
    await expect(bureau.getByTestId('registry-eligible').innerText()).resolves.toBe(`${drawn.committee!.eligible!.length} 名`);
    await expect(bureau.getByTestId('registry-seed').innerText()).resolves.toContain(drawn.committee!.seed);
    await expect(bureau.getByTestId('registry-seed-receipt').getAttribute('href')).resolves.toBe(`/api/v1/ledger/events/${drawn.committee!.seedEventId}/receipt`);
    for (const name of ['法律专家', '行业专家', '评估专家', '技术专家', '安全专家']) await bureau.getByTestId('registry-panel').getByTestId('registry-panel-reviewer').filter({ hasText: name }).waitFor();
    await screenshot(bureau, 'registry-committee');

    // ---- Panel members log in, find the case among their review cases and vote with an opinion.
    const reviewers = (await lt.registry.reviewers.list()).items;
    const usernameOf = (reviewerId: string) => experts.find((u) => u.id === reviewers.find((r) => r.id === reviewerId)!.userId)!.username;
    for (const [i, p] of panel.entries()) {
      if (i >= 2) {
        // The other three vote through the service (the same rule; two browser votes show the page).
        const r = reviewers.find((x) => x.id === p.reviewerId)!;
        const voter = { kind: 'user', userId: r.userId, orgId: r.orgId, orgRoles: ['service_provider'], memberRole: 'staff', personRoles: [], displayName: 'expert' } as any;
        await lt.registry.applications.vote(id, { vote: 'approve', opinion: `来源合法（自行采集），场景明确，三权清晰，同意登记。（${p.expertise}）` }, voter, 'test');
        continue;
      }
      const expert = await (await env().context()).newPage();
      await login(expert, usernameOf(p.reviewerId));
      await expert.goto(`${url}/console/registry/reviews`);
      await expert.locator('[data-testid="registry-list-title"][data-box="review"]').waitFor({ timeout: 20_000 });
      await expert.getByTestId(`registry-link-${id}`).click();
      await detailStatus(expert, 'in_review');
      await expert.getByTestId('registry-vote').click();
      await expert.getByTestId('registry-vote-opinion').fill(`来源合法（自行采集），场景明确，三权清晰，同意登记。（${p.expertise}）`);
      await expert.getByTestId('form-submit').click();
      await expert.getByTestId('form-submit').waitFor({ state: 'detached', timeout: 20_000 });
      // Voted: no second vote offered.
      await expect.poll(() => expert.getByTestId('registry-vote').count(), { timeout: 10_000 }).toBe(0);
      if (i === 0) await screenshot(expert, 'registry-voted');
      await expert.context().close();
    }
    const decided = await lt.registry.applications.get(id, null);
    expect(decided).toMatchObject({ status: 'publicity', decision: { outcome: 'approved', approvals: 5, rejections: 0, vetoed: false } });
    expect(decided.votes).toHaveLength(5);
    const until = decided.publicityUntil!;

    // The factory sees the decision, the opinions and the publicity end day.
    await factory.goto(`${url}/console/registry/applications/${id}`);
    await detailStatus(factory, 'publicity');
    await factory.locator(`[data-testid="registry-publicity"][data-until="${until}"]`).filter({ hasText: `公示至 ${lastDay(until)}` }).waitFor({ timeout: 20_000 });
    await factory.locator('[data-testid="registry-decision"][data-outcome="approved"]').filter({ hasText: '同意 5 票' }).waitFor();
    await expect(factory.locator('[data-testid="registry-panel-vote"][data-vote="approve"]').count()).resolves.toBe(5);
    await expect(factory.getByTestId('registry-object').count()).resolves.toBe(0);
    await screenshot(factory, 'registry-publicity');

    // ---- Anyone finds it on the public register's publicity list; the bank signs in from there and objects.
    const bank = await (await env().context()).newPage();
    await bank.goto(`${url}/registry?tab=publicity`);
    await bank.getByTestId(`public-until-${id}`).filter({ hasText: lastDay(until) }).waitFor({ timeout: 20_000 });
    await bank.getByTestId(`public-object-${id}`).filter({ hasText: '登录后提出异议' }).click();
    await bank.waitForURL(/\/login\?next=/);
    await bank.getByTestId('login-name').fill('bank');
    await bank.getByTestId('login-password').fill(DEMO_PASSWORD);
    await bank.getByTestId('login-submit').click();
    await bank.locator(`[data-testid="registry-public-detail"][data-id="${id}"][data-status="publicity"]`).waitFor({ timeout: 20_000 });
    await bank.getByTestId('registry-object').click();
    await bank.getByTestId('registry-object-reason').fill('该数据集部分设备数据由我行融资租赁项目提供，权属存疑。');
    await bank.getByTestId('form-submit').click();
    await bank.getByTestId('registry-objection-filed').waitFor({ timeout: 20_000 });
    const objection = (await lt.registry.applications.get(id, null)).objections![0]!;
    expect(objection).toMatchObject({ orgId: bankOrg.id, status: 'open' });

    // ---- The bureau sees the objection and dismisses it; registering waits for publicity to end.
    await bureau.goto(`${url}/console/registry/applications/${id}`);
    await detailStatus(bureau, 'publicity');
    await bureau.getByTestId(`registry-objection-${objection.id}`).filter({ hasText: '权属存疑' }).waitFor({ timeout: 20_000 });
    await bureau.getByTestId('registry-register-waiting').waitFor();
    await bureau.getByTestId(`registry-resolve-${objection.id}`).click();
    await bureau.getByTestId('registry-resolve-text').fill('经核查，融资租赁合同未约定数据权属，设备运行数据由企业自行采集，异议不成立。');
    await bureau.getByTestId('form-submit').click();
    await bureau.locator(`[data-testid="registry-objection-${objection.id}"][data-status="dismissed"]`).waitFor({ timeout: 20_000 });
    await bureau.getByTestId('registry-register-waiting').waitFor();
    await expect(bureau.getByTestId('registry-register').count()).resolves.toBe(0);

    // Publicity lasts ten working days: its end is moved into the past in the database. The periodic
    // sweep (which would register it by itself) is held meanwhile, so that the bureau registers it.
    const sweep = lt.registry.applications.sweep;
    lt.registry.applications.sweep = async () => 0;
    let number: string;
    try {
      await lt.kernel.db.updateTable('registry_application' as never).set({ publicity_until: new Date(Date.now() - 1000) } as never).where('id' as never, '=', id as never).execute();
      await bureau.getByTestId('registry-reload').click();
      await bureau.getByTestId('registry-register').waitFor({ timeout: 20_000 });
      await confirmAction(bureau, bureau.getByTestId('registry-register'), bureau.locator('[data-testid="registry-detail"][data-status="registered"]'));
      const registered = await lt.registry.applications.get(id, null);
      expect(registered).toMatchObject({ status: 'registered', registrarOrgId: bureauOrg.id });
      number = registered.registrationNumber!;
      expect(number).toMatch(/^GDDA-\d{4}-\d{6}$/);
    } finally {
      lt.registry.applications.sweep = sweep;
    }
    await bureau.getByTestId('registry-number').filter({ hasText: number }).waitFor();
    await screenshot(bureau, 'registry-registered');

    // ---- Anyone: the number on the public register.
    const anyone = await (await env().context()).newPage();
    await anyone.goto(`${url}/`);
    await anyone.getByTestId('portal-registry').click();
    await anyone.getByTestId('public-register-title').waitFor();
    const search = anyone.locator('input[data-testid="public-search"], [data-testid="public-search"] input').first();
    await search.fill(number);
    await search.press('Enter');
    await anyone.locator('[data-testid="public-table"][data-total="1"]').waitFor({ timeout: 20_000 });
    await anyone.getByTestId(`public-number-${id}`).filter({ hasText: number }).waitFor();
    await anyone.getByTestId(`public-title-${id}`).filter({ hasText: TITLE }).waitFor();
    await screenshot(anyone, 'registry-public-register');
    const register = await lt.registry.applications.publicRegister({ q: number, page: 1, pageSize: 5 });
    expect(register.items).toEqual([expect.objectContaining({ id, registrationNumber: number, applicant: expect.objectContaining({ orgId: factoryOrg.id }) })]);

    // ---- The factory: its registration certificate, valid on the public verifier.
    await factory.goto(`${url}/console/registry/applications/${id}`);
    await detailStatus(factory, 'registered');
    const link = factory.getByTestId('registry-certificate');
    await link.waitFor({ timeout: 60_000 });
    const certId = (await link.innerText()).trim();
    const cert = await lt.certificates.certificates.get(certId, null);
    expect(cert).toMatchObject({ type: 'registration', status: 'active', holderOrgId: factoryOrg.id, issuerOrgId: bureauOrg.id });
    expect(cert.credential.credentialSubject).toMatchObject({ registrationNumber: number });
    await link.click();
    await factory.locator(`[data-testid="cert-detail"][data-id="${certId}"]`).waitFor({ timeout: 20_000 });
    await factory.getByTestId('cert-open-verifier').click();
    await factory.waitForURL(/\/verify\/certificate$/);
    await factory.getByTestId('cert-verify-submit').click();
    await factory.locator('[data-testid="cert-verdict"][data-valid="true"]').waitFor({ timeout: 20_000 });
    for (const check of ['format', 'issuer', 'signature', 'validity', 'status']) await factory.locator(`[data-testid="cert-check-${check}"][data-outcome="passed"]`).waitFor();
    expect((await lt.certificates.certificates.verify(cert.jwt)).valid).toBe(true);
    await screenshot(factory, 'registry-certificate-verified');
  }, 300_000);

  it('after the first: the holder files a cancellation with grounds, the data bureau approves it, the asset is cancelled and its certificate revoked; an objection is offered to others, not the holder', async () => {
    const { url, login, lt, screenshot } = env();
    const factoryOrg = await orgByName('佛山某制造');
    const bureauOrg = await orgByName('数据管理局');
    const complianceOrg = await orgByName('广东数据资产合规服务中心');
    const TITLE2 = '设备能耗数据集（注销测试）';
    const today = shanghaiDay();

    // ---- A registered asset of the factory, through the services: drafted, submitted, drawn, voted, publicity over, registered.
    const resource = await lt.catalog.resources.create(factoryOrg.id, {
      title: { zh: '设备能耗监测数据（注销测试）', en: 'Equipment energy data (cancellation test)' }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
      fields: [
        { name: 'device', label: { zh: '设备编号', en: 'Device' }, dataType: 'string', key: true, grade: { level: 'general', generalLevel: 1, personalInfo: 'none' } },
        { name: 'kwh', label: { zh: '能耗', en: 'kWh' }, dataType: 'decimal', grade: { level: 'general', generalLevel: 2, personalInfo: 'none' } },
      ],
      sharing: { type: 'conditional', conditions: '按合同提供' }, open: { type: 'none' },
    } as any, null);
    const experts = (await lt.identity.organisations.listUsers(complianceOrg.id, 1, 50)).items;
    const pool = (await lt.registry.reviewers.list('active')).items;
    for (const expertise of ['legal', 'industry', 'valuation', 'technical', 'security']) {
      const u = experts.find((x) => x.username === `expert.${expertise}`)!;
      if (!pool.some((r) => r.userId === u.id)) await lt.registry.reviewers.add({ userId: u.id, expertise: [expertise as 'legal'] }, principal(bureauOrg), 'test');
    }
    const fp = principal(factoryOrg);
    const draft = await lt.registry.applications.create(factoryOrg.id, {
      type: 'first', objectKind: 'dataset', title: { zh: TITLE2, en: 'Equipment energy dataset (cancellation test)' }, description: '设备能耗按月汇总。', resourceId: resource.id,
      scenario: { users: '保险公司', purpose: '设备保险定价' }, sources: [{ kind: 'own_collection', ref: resource.id }],
      rights: ['holding', 'processing', 'operating'].map((kind) => ({ kind, holderOrgId: factoryOrg.id, basis: '企业自行采集', scope: '全部字段', termFrom: today, termTo: null })),
    } as any, fp, 'test');
    const assetId = draft.id;
    await lt.registry.applications.submit(assetId, fp, 'test');
    const drawn = await lt.registry.applications.draw(assetId, principal(bureauOrg), 'test');
    const reviewers = (await lt.registry.reviewers.list()).items;
    for (const p of drawn.committee!.panel as Array<{ reviewerId: string }>) {
      const r = reviewers.find((x) => x.id === p.reviewerId)!;
      await lt.registry.applications.vote(assetId, { vote: 'approve', opinion: '同意' }, { kind: 'user', userId: r.userId, orgId: r.orgId, orgRoles: ['service_provider'], memberRole: 'staff', personRoles: [], displayName: 'expert' } as any, 'test');
    }
    const sweep = lt.registry.applications.sweep;
    lt.registry.applications.sweep = async () => 0;
    try {
      await lt.kernel.db.updateTable('registry_application' as never).set({ publicity_until: new Date(Date.now() - 1000) } as never).where('id' as never, '=', assetId as never).execute();
      await lt.registry.applications.register(assetId, principal(bureauOrg), 'test');
    } finally {
      lt.registry.applications.sweep = sweep;
    }
    expect(await lt.registry.applications.get(assetId, null)).toMatchObject({ status: 'registered', asset: { status: 'active', holderOrgId: factoryOrg.id } });
    // Its registration certificate (issued once the ledger sequenced the registration).
    const heldCert = async () => (await lt.certificates.certificates.list(fp, { box: 'held', type: 'registration', sourceId: assetId, page: 1, pageSize: 5 } as any)).items[0];
    await expect.poll(async () => {
      await lt.flush();
      return (await heldCert())?.status;
    }, { timeout: 30_000 }).toBe('active');
    const cert = (await heldCert())!;

    // ---- Another organisation (the bank) is offered the objection registration (异议登记), in a dialog with its grounds.
    const bank = await (await env().context()).newPage();
    await login(bank, 'bank');
    await bank.goto(`${url}/console/registry/applications/${assetId}`);
    await bank.locator(`[data-testid="registry-public-detail"][data-id="${assetId}"]`).waitFor({ timeout: 20_000 });
    const objectionDialog = bank.locator('[data-testid="registry-later-dialog"][data-type="objection"]');
    await clickUntil(bank.getByTestId('registry-later-objection'), objectionDialog);
    await objectionDialog.getByTestId('registry-later-grounds').waitFor();
    await bank.locator('.ant-modal:visible .ant-modal-footer .ant-btn').filter({ hasNotText: /提\s*交/ }).first().click();
    await objectionDialog.waitFor({ state: 'detached', timeout: 10_000 });
    await bank.context().close();

    // ---- The factory, the holder: its asset in force, among its assets; no objection offered to it; it files a cancellation with grounds.
    const factory = await (await env().context()).newPage();
    await login(factory, 'factory');
    await factory.goto(`${url}/console/registry?tab=assets`);
    await factory.locator('[data-testid="registry-list-title"][data-box="assets"]').waitFor({ timeout: 20_000 });
    await factory.getByTestId(`registry-link-${assetId}`).click();
    await factory.locator(`[data-testid="registry-detail"][data-id="${assetId}"]`).waitFor({ timeout: 20_000 });
    await factory.locator('[data-testid="registry-asset"][data-status="active"]').getByTestId('registry-asset-status').filter({ hasText: '在册' }).waitFor({ timeout: 20_000 });
    await factory.getByTestId('registry-later-cancel').waitFor();
    await expect(factory.getByTestId('registry-later-objection').count()).resolves.toBe(0);
    await screenshot(factory, 'registry-asset');
    const grounds = factory.locator('[data-testid="registry-later-dialog"][data-type="cancel"]').getByTestId('registry-later-grounds');
    await clickUntil(factory.getByTestId('registry-later-cancel'), grounds);
    await grounds.fill('业务调整，该数据资产不再对外提供。');
    const cancelDetail = factory.locator('[data-testid="registry-detail"][data-type="cancel"][data-status="submitted"]');
    await clickUntil(factory.getByTestId('form-submit'), cancelDetail);
    await factory.getByTestId('registry-grounds').filter({ hasText: '业务调整' }).waitFor();
    await factory.locator(`[data-testid="registry-asset-link"]`).filter({ hasText: assetId }).waitFor();
    await factory.getByTestId('registry-registrar-path').waitFor();
    const cancelId = (await cancelDetail.getAttribute('data-id'))!;
    expect(await lt.registry.applications.get(cancelId, null)).toMatchObject({ type: 'cancel', assetId, status: 'submitted', path: 'registrar', grounds: '业务调整，该数据资产不再对外提供。', applicantOrgId: factoryOrg.id });

    // ---- The data bureau approves it (no panel to draw): registered at once.
    const bureau = await (await env().context()).newPage();
    await login(bureau, 'bureau');
    await bureau.goto(`${url}/console/registry/all?type=cancel`);
    await bureau.getByTestId(`registry-type-${cancelId}`).filter({ hasText: '注销登记' }).waitFor({ timeout: 20_000 });
    await bureau.getByTestId(`registry-link-${cancelId}`).click();
    await bureau.locator(`[data-testid="registry-detail"][data-id="${cancelId}"][data-status="submitted"]`).waitFor({ timeout: 20_000 });
    await expect(bureau.getByTestId('registry-draw').count()).resolves.toBe(0);
    await bureau.getByTestId('registry-reject').waitFor();
    await confirmAction(bureau, bureau.getByTestId('registry-approve'), bureau.locator(`[data-testid="registry-detail"][data-id="${cancelId}"][data-status="registered"]`));
    await screenshot(bureau, 'registry-cancel-approved');

    // ---- Through the API: the asset is cancelled, its certificate revoked.
    expect(await lt.registry.applications.get(cancelId, null)).toMatchObject({ status: 'registered', registrarOrgId: bureauOrg.id });
    expect((await lt.registry.applications.get(assetId, null)).asset).toMatchObject({ status: 'cancelled' });
    await expect.poll(async () => {
      await lt.flush();
      return (await lt.certificates.certificates.get(cert.id, null)).status;
    }, { timeout: 30_000 }).toBe('revoked');

    // ---- The factory sees its asset cancelled (已注销), with the cancellation in its history and nothing more to file.
    await factory.goto(`${url}/console/registry/applications/${assetId}`);
    await factory.locator('[data-testid="registry-asset"][data-status="cancelled"]').getByTestId('registry-asset-status').filter({ hasText: '已注销' }).waitFor({ timeout: 20_000 });
    await factory.getByTestId('registry-history').locator('[data-testid="registry-history-type"][data-type="cancel"]').waitFor({ timeout: 20_000 });
    await expect(factory.getByTestId('registry-later-cancel').count()).resolves.toBe(0);
    await screenshot(factory, 'registry-asset-cancelled');
    // …and so does the public register.
    const anyone = await (await env().context()).newPage();
    await anyone.goto(`${url}/registry?q=${encodeURIComponent(TITLE2)}`);
    await anyone.locator(`[data-testid="public-asset-status-${assetId}"][data-status="cancelled"]`).filter({ hasText: '已注销' }).waitFor({ timeout: 20_000 });
  }, 300_000);

  it('the list, the form, an application and the public register fit a 390 px wide screen', async () => {
    const { url, login, lt } = env();
    const factoryOrg = await orgByName('佛山某制造');
    let id = applicationId;
    if (!id) {
      // The loop did not get that far: a draft of the factory's, through the services.
      const a = await lt.registry.applications.create(factoryOrg.id, { type: 'first', objectKind: 'dataset', title: { zh: '窄屏测试', en: 'Narrow screen' }, description: '' }, principal(factoryOrg), 'test');
      id = a.id;
    }
    const viewport = { width: 390, height: 844 };
    const fits = async (page: Page, what: string) => {
      await page.waitForLoadState('networkidle');
      const fit = await fitsWidth(page);
      expect(fit, `${what} at 390px: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`).toMatchObject({ ok: true });
    };
    const factory = await (await env().context(viewport)).newPage();
    await login(factory, 'factory');
    await factory.goto(`${url}/console/registry`);
    await factory.getByTestId(`registry-link-${id}`).waitFor({ timeout: 20_000 });
    await fits(factory, 'the list');
    await factory.goto(`${url}/console/registry/new`);
    await factory.getByTestId('registry-form-right-operating').waitFor({ timeout: 20_000 });
    await fits(factory, 'the form');
    await env().screenshot(factory, 'registry-form-390');
    await factory.goto(`${url}/console/registry/applications/${id}`);
    await factory.getByTestId('registry-detail').waitFor({ timeout: 20_000 });
    await fits(factory, 'the application');
    await env().screenshot(factory, 'registry-detail-390');

    const anyone = await (await env().context(viewport)).newPage();
    await anyone.goto(`${url}/registry`);
    await anyone.locator('[data-testid="public-table"][data-total]').waitFor({ timeout: 20_000 });
    await fits(anyone, 'the public register');
    await anyone.getByTestId('public-tab-publicity').click();
    await anyone.locator('[data-testid="public-register"][data-tab="publicity"]').waitFor();
    await anyone.locator('[data-testid="public-table"][data-total]').waitFor({ timeout: 20_000 });
    await fits(anyone, 'the publicity list');
    await env().screenshot(anyone, 'registry-public-390');
  }, 180_000);
});
