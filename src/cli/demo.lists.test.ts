import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.js';
import { useLiutong } from '../../test/harness.js';
import { seedLists, seedSystems } from './demo.lists.js';

describeEachEngine('demo data of the three lists', (engine) => {
  const h = useLiutong(engine);

  it('seeds systems per body, demands in each state and an important-data entry, through the services', async () => {
    const ids: Record<string, string> = {};
    for (const key of ['grid', 'hrss', 'police', 'regulator', 'tax', 'transport', 'weather']) ids[key] = (await h().org(['source_unit'], key, 'government')).id;
    ids.bureau = (await h().org(['data_bureau'], 'bureau', 'government')).id;
    const systems = await seedSystems(h().lt, ids);
    expect(systems.size).toBe(13);
    expect(systems.get('grid/电力营销系统')).toMatch(/^sys_/);
    await seedLists(h().lt, ids);
    const demands = await h().lt.catalog.demands.list(null, { page: 1, pageSize: 10 });
    expect(demands.items.map((d) => d.status).sort()).toEqual(['closed', 'open', 'open']);
    expect((await h().lt.catalog.importantData.list({ sector: 'public_security', page: 1, pageSize: 5 })).total).toBe(1);
  });
});
