import { ASSETS as MARKET_ASSETS } from './demo.market.js';
import { describe, expect, it } from 'vitest';
import { useLiutong } from '../../test/harness.js';
import { seedDemo } from './demo.seed.js';
import { CATALOGUE } from './demo.catalogue.js';
import { DemoData, DEMO_COMPANIES, DEMO_MONTHS, DEMO_RESIDENTS } from './demo.mounts.js';

/** A fiftieth of the demo's datasets: the same code paths, in a fraction of the time. */
const SCALE = 0.02;
/** The published public resources that carry mounted data. */
const MOUNTED = ['人口基础信息', '企业登记信息', '企业月度用电量', '纳税信用等级评价结果', '企业社会保险缴费信息', '个人社会保险缴费信息', '公交站点信息', '地市逐日天气实况'];

describe('demo seed', () => {
  const h = useLiutong('pglite');

  it('defines the data element standard through the service, each element with one source unit and its evidence', async () => {
    const lt = h().lt;
    expect((await seedDemo(lt, 'Demo-Passw0rd-1', { scale: SCALE })).seeded).toBe(true);
    const { items, total } = await lt.catalog.elements.list({ sort: 'identifier', order: 'asc', page: 1, pageSize: 200 });
    expect(total).toBeGreaterThanOrEqual(8);
    expect(items.map((e) => e.identifier)).toEqual(expect.arrayContaining(['DE.PERSON.ID', 'DE.ORG.USCC', 'DE.PERSON.MOBILE', 'DE.ELEC.DEBIT_CARD', 'DE.ELEC.KWH', 'DE.ELEC.MONTH', 'DE.PERSON.SEX', 'DE.ORG.NAME']));
    const owners = new Set(items.map((e) => e.ownerOrgId));
    expect(owners.size).toBe(1);
    expect((await lt.identity.organisations.get([...owners][0]!)).roles).toContain('data_bureau');
    for (const e of items) expect((await lt.identity.organisations.get(e.sourceOrgId)).roles, e.identifier).toContain('source_unit');
    const byId = Object.fromEntries(items.map((e) => [e.identifier, e]));
    expect(await lt.catalog.elements.check(byId['DE.PERSON.ID']!.id, '11010519491231002X')).toEqual({ valid: true });
    expect(await lt.catalog.elements.check(byId['DE.ELEC.KWH']!.id, '3120.5')).toEqual({ valid: true });
    expect(await lt.catalog.elements.check(byId['DE.ELEC.MONTH']!.id, '2026-13')).toEqual({ valid: false, reason: 'pattern_mismatch' });
    const created = await lt.ledger.entries({ type: 'catalog.element.created', order: 'asc', page: 1, pageSize: 200 }, null);
    expect(created.total).toBe(total);
    expect((await seedDemo(lt, 'Demo-Passw0rd-1')).seeded).toBe(false);
  });

  it('catalogues resources through the service: published, submitted, draft, public and social, graded', async () => {
    const lt = h().lt;
    const { items } = await lt.catalog.resources.list(null, { page: 1, pageSize: 200 });
    const byTitle = Object.fromEntries(items.map((r) => [r.title.zh, r]));
    const power = byTitle['企业月度用电量']!;
    expect(power).toMatchObject({ scope: 'public', status: 'published', grading: { level: 'general', generalLevel: 2, personalInfo: 'none' }, sharing: { type: 'conditional' } });
    expect(power.fields.map((f) => f.elementIdentifier)).toEqual(['DE.ORG.USCC', 'DE.ELEC.MONTH', 'DE.ELEC.KWH', 'DE.ELEC.FEE']);
    expect(byTitle['人口基础信息']).toMatchObject({ status: 'published', grading: { level: 'important', personalInfo: 'sensitive' }, sharing: { type: 'conditional' }, open: { type: 'none' } });
    expect(byTitle['企业登记信息']).toMatchObject({ status: 'published', grading: { level: 'general', generalLevel: 2, personalInfo: 'personal' }, sharing: { type: 'unconditional' }, open: { type: 'unconditional' } });
    expect(byTitle['企业电费缴纳明细']!.status).toBe('draft');
    expect(byTitle['企业年度报告']!.status).toBe('submitted');
    expect(byTitle['中小企业经营景气指数']).toMatchObject({ scope: 'social', status: 'published' });
    // A bank sees the published public data, not the drafts, nor the analytics company's social data.
    const bank = (await lt.identity.organisations.list({ q: '商业银行', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0]!;
    const seen = await lt.catalog.resources.list({ kind: 'user', orgId: bank.id, orgRoles: ['enterprise'], memberRole: 'staff', personRoles: [], displayName: 'x' }, { page: 1, pageSize: 200 });
    const seenTitles = seen.items.map((r) => r.title.zh);
    expect(seenTitles).toEqual(expect.arrayContaining(MOUNTED));
    expect(seenTitles).not.toContain('企业电费缴纳明细'); // a draft
    expect(seenTitles).not.toContain('企业年度报告'); // submitted, not yet published
    expect(seenTitles).not.toContain('中小企业经营景气指数'); // another company's social data
    expect(seen.items.every((r) => r.scope === 'public' && r.status === 'published')).toBe(true);
    // The wider catalogue (demo.catalogue.ts): the seven source bodies' published public resources.
    const catalogued = CATALOGUE.filter((c) => c.state === 'published').map((c) => c.title.zh);
    expect(seenTitles).toEqual(expect.arrayContaining(catalogued));
    expect(seen.total).toBe(MOUNTED.length + catalogued.length);
    const published = await lt.ledger.entries({ type: 'catalog.resource.published', order: 'asc', page: 1, pageSize: 200 }, null);
    // …and the analytics company's social data, published by itself, and the market's assets (demo.market.ts).
    expect(published.total).toBe(MOUNTED.length + 1 + MARKET_ASSETS.length + catalogued.length);
  });

  it('mounts the province\'s datasets with quality reports, so they passed the quality gate', async () => {
    const lt = h().lt;
    const data = new DemoData(SCALE);
    const expected: Record<string, number> = {
      人口基础信息: DEMO_RESIDENTS * SCALE,
      企业登记信息: DEMO_COMPANIES * SCALE,
      企业月度用电量: DEMO_COMPANIES * SCALE * DEMO_MONTHS,
      纳税信用等级评价结果: DEMO_COMPANIES * SCALE * 2,
      企业社会保险缴费信息: DEMO_COMPANIES * SCALE * 12,
      公交站点信息: 3000 * SCALE,
      地市逐日天气实况: 21 * 365,
    };
    for (const [title, rows] of Object.entries(expected)) {
      const { items } = await lt.catalog.resources.list(null, { q: title, page: 1, pageSize: 5 });
      const r = items.find((x) => x.title.zh === title)!;
      expect(r, title).toBeDefined();
      expect(r.status, title).toBe('published');
      const src = (await lt.catalog.mounts.source(r.id))!;
      expect(src.mount, title).toMatchObject({ kind: 'table', rowCount: rows });
      const report = await lt.catalog.quality.latest(r.id, null);
      expect(report.overall, title).toBeGreaterThanOrEqual(lt.kernel.config.catalog.qualityThreshold);
    }
    // A key lookup finds a resident exactly as generated (valid check character, sex from the ID).
    const { items } = await lt.catalog.resources.list(null, { q: '人口基础信息', page: 1, pageSize: 5 });
    const pop = items.find((r) => r.title.zh === '人口基础信息')!;
    const first = data.rows('population')[0] as Record<string, string>;
    const one = await lt.catalog.mounts.queryRows(pop.id, { version: (await lt.catalog.mounts.source(pop.id))!.version, filters: { id_number: [first.id_number!] }, offset: 0, limit: 1 });
    expect(one.rows).toEqual([first]);
  });
});
