import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const TRANSPORT = 'cat_theme000000000000004';
const G1 = { level: 'general', generalLevel: 1, personalInfo: 'none' };
const PERSONAL = { level: 'general', generalLevel: 2, personalInfo: 'personal' };

describeEachEngine('anonymous open-data delivery (preview and download)', (engine) => {
  const h = useLiutong(engine, { gateway: { publicRatePerMinute: 30 } });
  let bureau: TestOrg;
  let body: TestOrg;
  let open: string;
  let conditional: string;

  const resource = async (openAttr: Record<string, unknown>) => {
    const tag = Math.random().toString(36).slice(2, 8);
    const r = await h().call('POST', '/api/v1/catalog/resources', {
      token: body.staffToken,
      body: {
        title: { zh: `公交站点${tag}`, en: `Bus stops ${tag}` }, categoryId: TRANSPORT, updateFrequency: 'monthly', format: 'table',
        sharing: { type: 'unconditional' }, open: openAttr,
        fields: [
          { name: 'stop_id', label: { zh: '站点编号', en: 'Stop' }, dataType: 'string', key: true, grade: G1 },
          { name: 'name', label: { zh: '站点名称', en: 'Name' }, dataType: 'string', grade: G1 },
          { name: 'keeper', label: { zh: '站长', en: 'Keeper' }, dataType: 'string', grade: PERSONAL },
        ],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: body.staffToken })).status).toBe(200);
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: bureau.staffToken })).status).toBe(200);
    const csv = 'stop_id,name,keeper\r\nBS1,中山路站,陈小明\r\nBS2,天河路站,李大华\r\nBS3,"滨江路,东站",张三\r\n';
    const m = await h().lt.app.inject({ method: 'POST', url: `/api/v1/catalog/resources/${id}/mount`, headers: { authorization: `Bearer ${body.staffToken}`, 'content-type': 'text/csv' }, payload: Buffer.from(csv) });
    expect(m.statusCode, m.body).toBe(201);
    return id;
  };
  const get = (url: string) => h().lt.app.inject({ method: 'GET', url, remoteAddress: '10.0.0.7' });

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'OpenBureau', 'government');
    body = await h().org(['source_unit'], 'OpenTransport', 'government');
    open = await resource({ type: 'unconditional' });
    conditional = await resource({ type: 'conditional', conditions: '经申请后开放' });
  });

  it('serves an unconditionally open dataset without login, masked by the defaults, as JSON and CSV', async () => {
    const r = await get(`/api/v1/public/data/${open}/rows?pageSize=2`);
    expect(r.statusCode, r.body).toBe(200);
    const j = JSON.parse(r.body);
    expect(j.fields).toEqual(['stop_id', 'name', 'keeper']);
    expect(j.items).toHaveLength(2);
    expect(j.hasMore).toBe(true);
    expect(j.items[0]).toMatchObject({ stop_id: 'BS1', name: '中山路站' });
    // Personal information is masked by the platform's default matrix, never in clear.
    expect(j.items[0].keeper).not.toBe('陈小明');
    const csv = await get(`/api/v1/public/data/${open}/rows?format=csv&pageSize=100`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`${open}.csv`);
    expect(csv.body.split(/\r?\n/)[0]).toBe('stop_id,name,keeper');
    expect(csv.body).toContain('"滨江路,东站"');
    expect(csv.body).not.toContain('李大华');
    // Every call is metered for the dataset's owner, and provable once committed.
    const callId = r.headers['x-liutong-call-id'] as string;
    const calls = await h().call('GET', `/api/v1/gateway/calls?role=grantor&resourceId=${open}`, { token: body.staffToken });
    expect(calls.status, JSON.stringify(calls.body)).toBe(200);
    expect(calls.body.items.some((c: any) => c.id === callId && c.callerOrgId === 'public' && c.rows === 2)).toBe(true);
    await h().lt.gateway.metering.commit();
    const proof = await h().lt.gateway.metering.proof(callId);
    expect(proof.leafHash).toMatch(/^[0-9a-f]{64}$/);
    expect(proof.commitment).toMatchObject({ grantId: null, eventId: expect.any(String) });
    expect(proof.commitment.calls).toBeGreaterThanOrEqual(1);
    // A key lookup works as on the granted path.
    const one = JSON.parse((await get(`/api/v1/public/data/${open}/rows?where=stop_id:BS2`)).body);
    expect(one.items).toEqual([expect.objectContaining({ stop_id: 'BS2', name: '天河路站' })]);
  });

  it('refuses conditionally open and unknown datasets, and bad input, with codes', async () => {
    const c = await get(`/api/v1/public/data/${conditional}/rows`);
    expect(c.statusCode).toBe(404);
    expect(JSON.parse(c.body).error.code).toBe('GATEWAY_NOT_OPEN_DATA');
    const u = await get(`/api/v1/public/data/${open.slice(0, -1)}${open.endsWith('a') ? 'b' : 'a'}/rows`);
    expect(u.statusCode).toBe(404);
    const bad = await get(`/api/v1/public/data/${open}/rows?pageSize=0`);
    expect(bad.statusCode).toBe(400);
    const grant = await get(`/api/v1/public/data/${open}/rows?grant=gnt_x`);
    expect(grant.statusCode).toBe(400);
  });

  it('limits each client address', async () => {
    for (let i = 0; i < 40; i++) {
      const r = await h().lt.app.inject({ method: 'GET', url: `/api/v1/public/data/${open}/rows?pageSize=1`, remoteAddress: '10.9.9.9' });
      if (r.statusCode === 429) {
        expect(JSON.parse(r.body).error.code).toBe('GATEWAY_RATE_LIMITED');
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        // Another address is not affected.
        expect((await h().lt.app.inject({ method: 'GET', url: `/api/v1/public/data/${open}/rows?pageSize=1`, remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
        return;
      }
      expect(r.statusCode).toBe(200);
    }
    throw new Error('no 429 after 40 calls at 30 per minute');
  });
});
