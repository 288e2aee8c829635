import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.js';
import { useLiutong, type TestOrg } from '../../test/harness.js';
import { publishOpen } from '../../test/opendata/opendata.helpers.js';
import { seedOpendata } from './demo.opendata.js';

describeEachEngine('demo open-data seed', (engine) => {
  const h = useLiutong(engine);
  let gov: TestOrg;
  let analytics: TestOrg;

  beforeAll(async () => {
    const bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    gov = await h().org(['source_unit'], 'Transport', 'government');
    analytics = await h().org(['enterprise'], 'Analytics');
    await publishOpen(h(), gov, bureau, 'unconditional', undefined, true);
    await publishOpen(h(), gov, bureau, 'conditional');
  });

  it('registers the developer with a key, shows one app, leaves one for review and one application for the source unit', async () => {
    await seedOpendata(h().lt, { analytics: analytics.id });
    const keys = await h().call('GET', '/api/v1/opendata/keys', { token: analytics.auditorToken });
    expect(keys.body.items).toHaveLength(1);
    expect((await h().call('GET', `/api/v1/data/${keys.body.items[0].resourceId}/rows`, { token: analytics.staffToken })).status).toBe(200);
    const shown = await h().call('GET', '/api/v1/public/opendata/apps');
    expect(shown.body.items.map((a: any) => a.developerOrgId)).toEqual([analytics.id]);
    const mine = await h().call('GET', '/api/v1/opendata/apps', { token: analytics.auditorToken });
    expect(mine.body.items.map((a: any) => a.status).sort()).toEqual(['approved', 'submitted']);
    const incoming = await h().call('GET', '/api/v1/opendata/applications?role=incoming', { token: gov.auditorToken });
    expect(incoming.body.items).toHaveLength(1);
    expect(incoming.body.items[0]).toMatchObject({ developerOrgId: analytics.id, status: 'submitted' });
  });
});
