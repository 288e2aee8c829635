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
});
