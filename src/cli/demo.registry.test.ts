import { describe, expect, it } from 'vitest';
import { useLiutong } from '../../test/harness.js';
import { seedDemo } from './demo.seed.js';

describe('demo asset registration', () => {
  const h = useLiutong('pglite');

  it('fills the reviewer pool, leaves one application in publicity after a unanimous panel and one waiting for votes', async () => {
    const lt = h().lt;
    expect((await seedDemo(lt, 'Demo-Passw0rd-1', { scale: 0.02 })).seeded).toBe(true);
    expect((await lt.registry.reviewers.list('active')).items.map((r) => r.name).sort()).toEqual(['安全专家', '技术专家', '法律专家', '行业专家', '评估专家'].sort());
    const bureau = (await lt.identity.organisations.list({ q: '政务服务和数据管理局', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0]!;
    const all = await lt.registry.applications.list({ kind: 'user', orgId: bureau.id, orgRoles: ['data_bureau'], memberRole: 'staff', personRoles: [], displayName: 't' }, { box: 'all', page: 1, pageSize: 50 });
    const byTitle = Object.fromEntries(all.items.map((a) => [a.title.zh, a]));
    expect(byTitle['中小企业信用评分接口']).toMatchObject({ status: 'publicity', objectKind: 'api', decision: { outcome: 'approved', approvals: 5 } });
    expect(byTitle['中小企业经营景气指数']).toMatchObject({ status: 'in_review', objectKind: 'indicator' });
    expect((byTitle['中小企业经营景气指数']!.committee!.panel as unknown[]).length).toBe(5);
    // The publicity list of the public register shows the first.
    expect((await lt.registry.applications.publicRegister({ status: 'publicity', page: 1, pageSize: 10 })).items.map((a) => a.title.zh)).toEqual(['中小企业信用评分接口']);
    // An expert logs in and finds the waiting case in the review box.
    const expert = await h().login('expert.legal', 'Demo-Passw0rd-1');
    const box = await h().call('GET', '/api/v1/registry/applications?box=review&status=in_review', { token: expert });
    expect(box.body.items.map((a: { title: { zh: string } }) => a.title.zh)).toEqual(['中小企业经营景气指数']);
  });
});
