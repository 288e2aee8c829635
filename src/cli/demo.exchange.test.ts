import { describe, expect, it } from 'vitest';
import { useLiutong } from '../../test/harness.js';
import { seedDemo } from './demo.seed.js';

describe('demo exchange participants', () => {
  const h = useLiutong('pglite');

  it('certifies two brokers, admits the members with their licences, leaves one application for review and records two mandates', async () => {
    const lt = h().lt;
    expect((await seedDemo(lt, 'Demo-Passw0rd-1', { scale: 0.02 })).seeded).toBe(true);
    const brokers = await lt.exchange.members.brokers({ page: 1, pageSize: 10 });
    expect(brokers.items.map((b) => [b.orgName.zh, b.standing]).sort()).toEqual([['广州某数据经纪有限公司（演示）', 'in_force'], ['深圳某数据撮合服务有限公司（演示）', 'in_force']]);
    const active = await lt.exchange.members.publicList({ page: 1, pageSize: 50 });
    expect(active.items.map((m) => m.kind).sort()).toEqual(['broker', 'broker', 'buyer', 'data_merchant', 'seller', 'seller', 'service_provider', 'service_provider', 'service_provider']);
    // The exchange's review desk has the grid company's application, with its licence attached.
    const token = await h().login('exchange', 'Demo-Passw0rd-1');
    const pending = await h().call('GET', '/api/v1/exchange/members?status=applied', { token });
    expect(pending.body.items).toHaveLength(1);
    expect(pending.body.items[0].orgName.zh).toBe('广东电网有限责任公司（演示）');
    const detail = await h().call('GET', `/api/v1/exchange/members/${pending.body.items[0].id}`, { token });
    expect(detail.body.files.map((f: { name: string }) => f.name)).toEqual(['营业执照.pdf']);
    // The first broker holds the factory's and the bank's mandates, and may act on them.
    const broker = await h().login('broker1', 'Demo-Passw0rd-1');
    const mandates = await h().call('GET', '/api/v1/exchange/mandates?box=broker', { token: broker });
    expect(mandates.body.items.map((m: { side: string; commissionBp: number; inForce: boolean }) => [m.side, m.commissionBp, m.inForce]).sort()).toEqual([['buy', 100, true], ['sell', 150, true]]);
  });
});
