import { describe, expect, it } from 'vitest';
import { useLiutong } from '../../test/harness.js';
import { seedDemo } from './demo.seed.js';

describe('demo seed', () => {
  const h = useLiutong('pglite');

  it('defines the data element standard through the service, each element with one source unit and its evidence', async () => {
    const lt = h().lt;
    expect((await seedDemo(lt, 'Demo-Passw0rd-1')).seeded).toBe(true);
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
    expect(power.fields.map((f) => f.elementIdentifier)).toEqual(['DE.ORG.USCC', 'DE.ELEC.MONTH', 'DE.ELEC.KWH']);
    expect(byTitle['人口基础信息']).toMatchObject({ status: 'published', grading: { level: 'important', personalInfo: 'sensitive' }, sharing: { type: 'conditional' }, open: { type: 'none' } });
    expect(byTitle['企业登记信息']).toMatchObject({ status: 'published', grading: { level: 'general', generalLevel: 1 }, sharing: { type: 'unconditional' }, open: { type: 'unconditional' } });
    expect(byTitle['企业电费缴纳明细']!.status).toBe('draft');
    expect(byTitle['企业年度报告']!.status).toBe('submitted');
    expect(byTitle['中小企业经营景气指数']).toMatchObject({ scope: 'social', status: 'published' });
    // A bank sees the published public data, not the drafts, nor the analytics company's social data.
    const bank = (await lt.identity.organisations.list({ q: '商业银行', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0]!;
    const seen = await lt.catalog.resources.list({ kind: 'user', orgId: bank.id, orgRoles: ['enterprise'], memberRole: 'staff', personRoles: [], displayName: 'x' }, { page: 1, pageSize: 200 });
    expect(seen.items.map((r) => r.title.zh).sort()).toEqual(['人口基础信息', '企业月度用电量', '企业登记信息'].sort());
    const published = await lt.ledger.entries({ type: 'catalog.resource.published', order: 'asc', page: 1, pageSize: 200 }, null);
    expect(published.total).toBe(4);
  });
});
