import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { canonicalBytes } from '../../platform/canonical-json.codec.js';
import { leafHash, verifyInclusion } from '../ledger/index.js';

const POPULATION = 'cat_base0000000000000001';
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
const PERSONAL = { level: 'general', generalLevel: 3, personalInfo: 'personal' };
const SENSITIVE = { level: 'general', generalLevel: 4, personalInfo: 'sensitive', sensitiveCategories: ['medical_health'] };
const HOUR = 3600_000;

/** A valid 18-digit resident ID (GB 11643-1999, ISO 7064 MOD 11-2 check character). */
function rid(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}
const IDS = ['44010619810211001', '44010619820312002', '44010419850101003', '44010419900505004', '44010519751212005', '44010519880808006'].map(rid);
const DISTRICTS = ['天河区', '天河区', '越秀区', '越秀区', '海珠区', '海珠区'];
const CSV = ['id,name,district,income,born,health', ...IDS.map((id, i) => `${id},张三${i},${DISTRICTS[i]},${1000 * (i + 1)}.50,198${i}-0${i + 1}-11,${i % 2 ? '高血压' : '糖尿病'}`)].join('\n');

/** A clock the tests can move forward (expiry). */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

describeEachEngine('data gateway over HTTP', (engine) => {
  const h = useLiutong(engine, { gateway: { commitIntervalMs: 3_600_000 } }, { clock });
  let bureau: TestOrg;
  let police: TestOrg;
  let tax: TestOrg;
  let b: TestOrg;
  let c: TestOrg;
  let ridElement: string;
  let resource: string;
  let taxResource: string;
  let grantB: any;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;

  const newResource = async (org: TestOrg, fields: unknown[], over: Record<string, unknown> = {}) => {
    const k = tag();
    const r = await h().call('POST', '/api/v1/catalog/resources', {
      token: org.staffToken,
      body: { title: { zh: `网关样本${k}`, en: `Gateway sample ${k}` }, categoryId: POPULATION, fields, updateFrequency: 'monthly', format: 'table', sharing: { type: 'conditional', conditions: '仅用于政务服务' }, open: { type: 'none' }, ...over },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const publish = async (id: string, org: TestOrg) => {
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: org.staffToken })).status).toBe(200);
    const p = await h().call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: bureau.staffToken });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  };
  const mountCsv = async (id: string, org: TestOrg, csv: string) => {
    const res = await h().lt.app.inject({ method: 'POST', url: `/api/v1/catalog/resources/${id}/mount`, headers: { authorization: `Bearer ${org.staffToken}`, 'content-type': 'text/csv' }, payload: Buffer.from(csv) });
    expect(res.statusCode, res.body).toBe(201);
  };
  const residentFields = () => [
    { name: 'id', label: { zh: '身份证号', en: 'ID number' }, elementId: ridElement, key: true, grade: PERSONAL },
    { name: 'name', label: { zh: '姓名', en: 'Name' }, dataType: 'string', grade: PERSONAL },
    { name: 'district', label: { zh: '区', en: 'District' }, dataType: 'string', grade: G2 },
    { name: 'income', label: { zh: '月收入', en: 'Income' }, dataType: 'decimal', grade: G2 },
    { name: 'born', label: { zh: '出生日期', en: 'Born' }, dataType: 'date', grade: G2 },
    { name: 'health', label: { zh: '健康状况', en: 'Health' }, dataType: 'string', grade: SENSITIVE },
  ];
  const grant = (token: string, body: Record<string, unknown>) => h().call('POST', '/api/v1/gateway/grants', { token, body });
  const rows = (token: string, id: string, query = '') => h().call('GET', `/api/v1/data/${id}/rows${query}`, { token });
  const entries = async (subjectId: string) => {
    await h().lt.flush();
    return (await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[];
  };

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    police = await h().org(['source_unit'], 'Police', 'government');
    tax = await h().org(['source_unit'], 'Tax', 'government');
    b = await h().org(['enterprise'], 'Bank');
    c = await h().org(['enterprise'], 'Other');
    const e = await h().call('POST', '/api/v1/catalog/elements', {
      token: bureau.staffToken,
      body: { identifier: `DE.GW.RID${tag().toUpperCase()}`, name: { zh: `网关身份证号${tag()}`, en: 'Resident ID' }, dataType: 'string', format: { kind: 'validator', name: 'resident_id' }, sourceOrgId: police.id },
    });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    ridElement = e.body.id;
    resource = await newResource(police, residentFields());
    // Published first, then mounted (the quality gate asks a mounted draft for a quality report).
    await publish(resource, police);
    await mountCsv(resource, police, CSV);
    taxResource = await newResource(tax, [{ name: 'code', label: { zh: '代码', en: 'Code' }, dataType: 'string', key: true, grade: G2 }, { name: 'rating', label: { zh: '评级', en: 'Rating' }, dataType: 'string', grade: G2 }]);
    await publish(taxResource, tax);
    await mountCsv(taxResource, tax, 'code,rating\nA1,A\nB2,B\n');
  });

  describe('grants (contract B) and their rules', () => {
    it('the owner issues a direct grant; the event is evidence', async () => {
      const r = await grant(police.staffToken, {
        resourceId: resource, granteeOrgId: b.id, fields: ['id', 'name', 'district', 'income', 'health'],
        rowFilter: { district: ['天河区', '越秀区'] }, masking: { income: 'generalise' }, purpose: '信贷审批',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      grantB = r.body;
      expect(grantB).toMatchObject({ kind: 'direct', status: 'active', grantorOrgId: police.id, granteeOrgId: b.id, fields: ['id', 'name', 'district', 'income', 'health'] });
      expect((await entries(grantB.id)).map((e) => e.entry.type)).toEqual(['gateway.grant.issued']);
    });

    it('refuses unknown fields, weaker masking, a non-owner, core data and a grant to oneself, leaving nothing behind', async () => {
      const before = (await h().call('GET', '/api/v1/gateway/grants?role=grantor', { token: police.staffToken })).body.total;
      const unknown = await grant(police.staffToken, { resourceId: resource, granteeOrgId: b.id, fields: ['nope'] });
      expect([unknown.status, unknown.body.error.code]).toEqual([400, 'GATEWAY_FIELD_UNKNOWN']);
      const weaker = await grant(police.staffToken, { resourceId: resource, granteeOrgId: b.id, fields: ['name'], masking: { name: 'none' } });
      expect([weaker.status, weaker.body.error.code]).toEqual([400, 'GATEWAY_MASKING_WEAKER']);
      const notOwner = await grant(tax.staffToken, { resourceId: resource, granteeOrgId: b.id, fields: ['district'] });
      expect([notOwner.status, notOwner.body.error.code]).toEqual([403, 'GATEWAY_GRANTOR_NOT_OWNER']);
      const self = await grant(police.staffToken, { resourceId: resource, granteeOrgId: police.id, fields: ['district'] });
      expect([self.status, self.body.error.code]).toEqual([400, 'GATEWAY_GRANT_INVALID']);
      const core = await newResource(police, [{ name: 'k', label: { zh: '键', en: 'Key' }, dataType: 'string', key: true, grade: { level: 'core', personalInfo: 'none' } }], { sharing: { type: 'none', legalBasis: '核心数据不予共享' } });
      const coreGrant = await grant(police.staffToken, { resourceId: core, granteeOrgId: b.id, fields: ['k'] });
      expect([coreGrant.status, coreGrant.body.error.code]).toEqual([422, 'GATEWAY_CORE_DATA']);
      // The same rule holds for callers of the service (sharing, open data).
      await expect(h().lt.kernel.transact((tx, emit) => h().lt.gateway.grants.issue(tx, emit, { kind: 'sharing', sourceRef: 'shr_x', resourceId: core, grantorOrgId: police.id, granteeOrgId: b.id, fields: ['k'], expiresAt: null }))).rejects.toMatchObject({ code: 'GATEWAY_CORE_DATA' });
      expect((await h().call('GET', '/api/v1/gateway/grants?role=grantor', { token: police.staffToken })).body.total).toBe(before);
    });

    it('lists grants for both sides and hides them from third parties', async () => {
      const mine = await h().call('GET', '/api/v1/gateway/grants?role=grantee', { token: b.auditorToken });
      expect(mine.body.items.map((g: any) => g.id)).toContain(grantB.id);
      const issued = await h().call('GET', `/api/v1/gateway/grants?role=grantor&resourceId=${resource}`, { token: police.auditorToken });
      expect(issued.body.items.map((g: any) => g.id)).toContain(grantB.id);
      expect((await h().call('GET', `/api/v1/gateway/grants/${grantB.id}`, { token: b.staffToken })).status).toBe(200);
      const other = await h().call('GET', `/api/v1/gateway/grants/${grantB.id}`, { token: c.staffToken });
      expect([other.status, other.body.error.code]).toEqual([404, 'GATEWAY_GRANT_NOT_FOUND']);
      expect((await h().call('GET', '/api/v1/gateway/grants?role=grantor', { token: c.staffToken })).body.total).toBe(0);
    });
  });

  describe('granted data', () => {
    it('serves only the row scope, masked by grade and personal information, with a call id', async () => {
      const r = await rows(b.staffToken, resource);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.headers['x-liutong-call-id']).toBe(r.body.callId);
      expect(r.body.fields).toEqual(['id', 'name', 'district', 'income', 'health']);
      expect(r.body.items).toHaveLength(4);
      expect(new Set(r.body.items.map((x: any) => x.district))).toEqual(new Set(['天河区', '越秀区']));
      const first = r.body.items.find((x: any) => x.id.endsWith(IDS[0]!.slice(-4)));
      expect(first.id).toBe(`${IDS[0]!.slice(0, 6)}********${IDS[0]!.slice(-4)}`);
      expect(first.name).toBe('张*0');
      expect(first.income).toBe('1000-9999');
      expect(first.health).toMatch(/^h_/);
      expect(first).not.toHaveProperty('born');
      // Same value → same token within the grant.
      const diabetes = r.body.items.filter((x: any, i: number) => i % 2 === 0).map((x: any) => x.health);
      expect(new Set(diabetes).size).toBe(1);
    });

    it('filters by key and by field, never beyond scope; projects; refuses fields outside the grant', async () => {
      const byKey = await rows(b.staffToken, resource, `?where=id:${IDS[2]}`);
      expect(byKey.body.items).toHaveLength(1);
      expect(byKey.body.items[0].district).toBe('越秀区');
      const outside = await rows(b.staffToken, resource, `?where=id:${IDS[4]}`);
      expect(outside.body.items).toHaveLength(0);
      const outDistrict = await rows(b.staffToken, resource, `?where=district:${encodeURIComponent('海珠区')}`);
      expect(outDistrict.body.items).toHaveLength(0);
      const two = await rows(b.staffToken, resource, `?where=district:${encodeURIComponent('天河区')}&where=district:${encodeURIComponent('海珠区')}&fields=district,income`);
      expect(two.body.items).toHaveLength(2);
      expect(Object.keys(two.body.items[0])).toEqual(['district', 'income']);
      const notGranted = await rows(b.staffToken, resource, '?fields=district,born');
      expect([notGranted.status, notGranted.body.error.code]).toEqual([403, 'GATEWAY_FIELD_NOT_GRANTED']);
      const filterNotGranted = await rows(b.staffToken, resource, '?where=born:1980-01-11');
      expect([filterNotGranted.status, filterNotGranted.body.error.code]).toEqual([403, 'GATEWAY_FIELD_NOT_GRANTED']);
      const bad = await rows(b.staffToken, resource, '?where=nocolon');
      expect([bad.status, bad.body.error.code]).toEqual([400, 'REQUEST_VALIDATION_FAILED']);
      const paged = await rows(b.staffToken, resource, '?pageSize=3&page=2');
      expect([paged.body.items.length, paged.body.hasMore]).toEqual([1, false]);
    });

    it('answers CSV with a header row (optionally with a BOM)', async () => {
      const r = await rows(b.staffToken, resource, `?format=csv&fields=district,income&bom=true&where=id:${IDS[0]}`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/csv/);
      expect(r.body).toBe('\uFEFFdistrict,income\r\n天河区,1000-9999\r\n');
    });

    it('refuses other organisations, even naming the grant; they see neither the grant nor its calls', async () => {
      const none = await rows(c.staffToken, resource);
      expect([none.status, none.body.error.code]).toEqual([403, 'GATEWAY_NO_GRANT']);
      const named = await rows(c.staffToken, resource, `?grant=${grantB.id}`);
      expect([named.status, named.body.error.code]).toEqual([403, 'GATEWAY_NO_GRANT']);
      expect(none.body.error.message).toBe('本机构没有该数据资源的有效授权。');
      const en = await h().call('GET', `/api/v1/data/${resource}/rows`, { token: c.staffToken, headers: { 'accept-language': 'en-US' } });
      expect(en.body.error.message).toBe('Your organisation holds no valid grant for this data resource.');
      const cCalls = await h().call('GET', '/api/v1/gateway/calls?role=grantee', { token: c.staffToken });
      expect(cCalls.body.items.every((x: any) => x.callerOrgId === c.id)).toBe(true);
      expect(cCalls.body.items.some((x: any) => x.grantId === grantB.id)).toBe(false);
      // Tax is a grantor too, but not of this resource: it sees none of B's calls or usage on police data.
      const taxCalls = await h().call('GET', '/api/v1/gateway/calls?role=grantor', { token: tax.staffToken });
      expect(taxCalls.body.total).toBe(0);
      const taxUsage = await h().call('GET', '/api/v1/gateway/usage?role=grantor', { token: tax.staffToken });
      expect(taxUsage.body.grants).toEqual([]);
      const bOnTax = await h().call('GET', `/api/v1/gateway/calls?role=grantor&grantId=${grantB.id}`, { token: tax.staffToken });
      expect(bOnTax.body.total).toBe(0);
    });

    it('hash tokens differ across grants for the same value', async () => {
      const g = await grant(police.staffToken, { resourceId: resource, granteeOrgId: c.id, fields: ['id', 'health'] });
      expect(g.status, JSON.stringify(g.body)).toBe(201);
      const mine = await rows(b.staffToken, resource, `?where=id:${IDS[0]}&fields=health`);
      const theirs = await rows(c.staffToken, resource, `?where=id:${IDS[0]}&fields=health`);
      expect(theirs.status).toBe(200);
      expect(theirs.body.items[0].health).toMatch(/^h_/);
      expect(theirs.body.items[0].health).not.toBe(mine.body.items[0].health);
    });
  });

  describe('narrowing, revocation, expiry, rate and quota', () => {
    it('the grantor narrows (never widens); the grantee and others cannot change the grant', async () => {
      const widen = await h().call('PATCH', `/api/v1/gateway/grants/${grantB.id}`, { token: police.staffToken, body: { fields: ['id', 'born'] } });
      expect([widen.status, widen.body.error.code]).toEqual([409, 'GATEWAY_GRANT_WIDENING']);
      const widenRows = await h().call('PATCH', `/api/v1/gateway/grants/${grantB.id}`, { token: police.staffToken, body: { rowFilter: { district: ['天河区', '海珠区'] } } });
      expect([widenRows.status, widenRows.body.error.code]).toEqual([409, 'GATEWAY_GRANT_WIDENING']);
      const byGrantee = await h().call('PATCH', `/api/v1/gateway/grants/${grantB.id}`, { token: b.staffToken, body: { fields: ['id'] } });
      expect([byGrantee.status, byGrantee.body.error.code]).toEqual([403, 'AUTH_FORBIDDEN_ORGANISATION']);
      const byOther = await h().call('PATCH', `/api/v1/gateway/grants/${grantB.id}`, { token: c.staffToken, body: { fields: ['id'] } });
      expect(byOther.status).toBe(404);
      const ok = await h().call('PATCH', `/api/v1/gateway/grants/${grantB.id}`, { token: police.staffToken, body: { fields: ['id', 'district', 'income'], rowFilter: { district: ['天河区'] } } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.fields).toEqual(['id', 'district', 'income']);
      const after = await rows(b.staffToken, resource);
      expect(after.body.fields).toEqual(['id', 'district', 'income']);
      expect(after.body.items).toHaveLength(2);
      const health = await rows(b.staffToken, resource, '?fields=health');
      expect([health.status, health.body.error.code]).toEqual([403, 'GATEWAY_FIELD_NOT_GRANTED']);
      expect((await entries(grantB.id)).map((e) => e.entry.type)).toEqual(['gateway.grant.issued', 'gateway.grant.narrowed']);
    });

    it('limits the rate per grant with 429 and Retry-After', async () => {
      const g = await grant(tax.staffToken, { resourceId: taxResource, granteeOrgId: b.id, fields: ['code', 'rating'], ratePerMinute: 2 });
      expect(g.status).toBe(201);
      expect((await rows(b.staffToken, taxResource, `?grant=${g.body.id}`)).status).toBe(200);
      expect((await rows(b.staffToken, taxResource, `?grant=${g.body.id}`)).status).toBe(200);
      const third = await rows(b.staffToken, taxResource, `?grant=${g.body.id}`);
      expect([third.status, third.body.error.code]).toEqual([429, 'GATEWAY_RATE_LIMITED']);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      const revoked = await h().call('POST', `/api/v1/gateway/grants/${g.body.id}/revoke`, { token: tax.staffToken, body: { reason: '测试结束' } });
      expect(revoked.status).toBe(200);
    });

    it('enforces the daily row quota: a partial page, then 429', async () => {
      const g = await grant(tax.staffToken, { resourceId: taxResource, granteeOrgId: c.id, fields: ['code', 'rating'], dailyRowQuota: 3 });
      expect(g.status).toBe(201);
      const one = await rows(c.staffToken, taxResource, '?pageSize=2');
      expect(one.body.items).toHaveLength(2);
      const two = await rows(c.staffToken, taxResource, '?pageSize=2');
      expect([two.body.items.length, two.body.hasMore]).toEqual([1, true]);
      const three = await rows(c.staffToken, taxResource, '?pageSize=2');
      expect([three.status, three.body.error.code]).toEqual([429, 'GATEWAY_QUOTA_EXCEEDED']);
    });

    it('refuses an expired grant at call time and records its expiry', async () => {
      const g = await grant(tax.staffToken, { resourceId: taxResource, granteeOrgId: b.id, fields: ['code'], expiresAt: new Date(clock.now().getTime() + HOUR).toISOString() });
      expect(g.status, JSON.stringify(g.body)).toBe(201);
      expect((await rows(b.staffToken, taxResource)).status).toBe(200);
      clock.offset += 2 * HOUR;
      try {
        const late = await rows(b.staffToken, taxResource);
        expect([late.status, late.body.error.code]).toEqual([403, 'GATEWAY_GRANT_EXPIRED']);
        expect(await h().lt.gateway.grants.expireDue()).toBeGreaterThanOrEqual(1);
        expect((await h().call('GET', `/api/v1/gateway/grants/${g.body.id}`, { token: b.staffToken })).body.status).toBe('expired');
        expect((await entries(g.body.id)).map((e) => e.entry.type)).toEqual(['gateway.grant.issued', 'gateway.grant.expired']);
        const narrowExpired = await h().call('PATCH', `/api/v1/gateway/grants/${g.body.id}`, { token: tax.staffToken, body: { ratePerMinute: 1 } });
        expect([narrowExpired.status, narrowExpired.body.error.code]).toEqual([409, 'GATEWAY_GRANT_STATE_CONFLICT']);
      } finally {
        clock.offset -= 2 * HOUR;
      }
    });

    it('refuses a revoked grant at once; revoking twice is a state conflict', async () => {
      const g = await grant(tax.staffToken, { resourceId: taxResource, granteeOrgId: b.id, fields: ['code'] });
      expect((await rows(b.staffToken, taxResource)).status).toBe(200);
      const r = await h().call('POST', `/api/v1/gateway/grants/${g.body.id}/revoke`, { token: tax.staffToken, body: { reason: '用途已结束' } });
      expect([r.status, r.body.status, r.body.revokeReason]).toEqual([200, 'revoked', '用途已结束']);
      const after = await rows(b.staffToken, taxResource, `?grant=${g.body.id}`);
      expect([after.status, after.body.error.code]).toEqual([403, 'GATEWAY_GRANT_REVOKED']);
      const again = await h().call('POST', `/api/v1/gateway/grants/${g.body.id}/revoke`, { token: tax.staffToken, body: { reason: 'x' } });
      expect([again.status, again.body.error.code]).toEqual([409, 'GATEWAY_GRANT_STATE_CONFLICT']);
    });
  });

  describe('metering and evidence', () => {
    it('records every call, aggregates usage for both sides, and proves any call against its ledger commitment', async () => {
      const r = await rows(b.staffToken, resource, '?fields=district');
      expect(r.status).toBe(200);
      await h().lt.gateway.flush();
      const calls = await h().call('GET', `/api/v1/gateway/calls?role=grantee&grantId=${grantB.id}&pageSize=100`, { token: b.staffToken });
      const mine = calls.body.items.find((x: any) => x.id === r.body.callId);
      expect(mine).toMatchObject({ grantId: grantB.id, callerOrgId: b.id, grantorOrgId: police.id, rows: 2, status: 200 });
      expect(mine.bytes).toBe(Buffer.byteLength(JSON.stringify(r.body)));
      expect(calls.body.items.some((x: any) => x.status === 403 && x.code === 'GATEWAY_FIELD_NOT_GRANTED')).toBe(true);

      const usageB = await h().call('GET', '/api/v1/gateway/usage?role=grantee', { token: b.staffToken });
      const ofGrant = usageB.body.grants.find((g: any) => g.grantId === grantB.id);
      expect(ofGrant.rows).toBeGreaterThan(0);
      const usageP = await h().call('GET', '/api/v1/gateway/usage?role=grantor', { token: police.staffToken });
      expect(usageP.body.grantees.map((g: any) => g.granteeOrgId)).toContain(b.id);
      expect(usageP.body.grants.every((g: any) => g.grantorOrgId === police.id)).toBe(true);

      const p = await h().call('GET', `/api/v1/gateway/calls/${r.body.callId}/proof`, { token: b.staffToken });
      expect(p.status, JSON.stringify(p.body)).toBe(200);
      const leaf = leafHash(canonicalBytes(p.body.record));
      expect(leaf.toString('hex')).toBe(p.body.leafHash);
      const hex = (s: string) => Buffer.from(s, 'hex');
      expect(verifyInclusion(leaf, p.body.leafIndex, p.body.treeSize, p.body.proof.map(hex), hex(p.body.commitment.root))).toBe(true);
      const tampered = leafHash(canonicalBytes({ ...p.body.record, rows: p.body.record.rows + 1 }));
      expect(verifyInclusion(tampered, p.body.leafIndex, p.body.treeSize, p.body.proof.map(hex), hex(p.body.commitment.root))).toBe(false);
      // The commitment is a ledger event carrying the root.
      await h().lt.flush();
      const receipt = await h().call('GET', `/api/v1/ledger/events/${p.body.commitment.eventId}/receipt`);
      expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
      expect(receipt.body.entry.type).toBe('gateway.calls.committed');
      // The grantor may prove it too; a third party may not.
      expect((await h().call('GET', `/api/v1/gateway/calls/${r.body.callId}/proof`, { token: police.auditorToken })).status).toBe(200);
      expect((await h().call('GET', `/api/v1/gateway/calls/${r.body.callId}/proof`, { token: c.staffToken })).status).toBe(404);
    });
  });

  describe('crash recovery of commitments', () => {
    it('commits, from the stored rows, the records of an interval its process never closed', async () => {
      const r = await rows(b.staffToken, resource, '?fields=district');
      expect(r.status).toBe(200);
      const metering = h().lt.gateway.metering;
      await metering.flush();
      // Simulate a crash within the interval: the open commitment is lost with the process.
      (metering as unknown as { open: Map<string, unknown> }).open = new Map();
      const before = await h().call('GET', `/api/v1/gateway/calls/${r.body.callId}/proof`, { token: b.staffToken });
      expect([before.status, before.body.error.code]).toEqual([409, 'GATEWAY_CALL_NOT_COMMITTED']);
      expect(await metering.recover()).toBeGreaterThanOrEqual(1);
      const after = await h().call('GET', `/api/v1/gateway/calls/${r.body.callId}/proof`, { token: b.staffToken });
      expect(after.status, JSON.stringify(after.body)).toBe(200);
      const hex = (x: string) => Buffer.from(x, 'hex');
      expect(verifyInclusion(leafHash(canonicalBytes(after.body.record)), after.body.leafIndex, after.body.treeSize, after.body.proof.map(hex), hex(after.body.commitment.root))).toBe(true);
      expect(await metering.recover()).toBe(0);
    });
  });

  describe('external API mounts', () => {
    let server: Server;
    let mode: 'ok' | 'slow' | 'fail' = 'ok';
    const seen: string[] = [];
    let apiResource: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        const url = new URL(req.url!, 'http://x');
        seen.push(url.searchParams.get('code') ?? '');
        if (mode === 'fail') {
          res.writeHead(500).end('boom');
          return;
        }
        const send = () => {
          const code = url.searchParams.get('code');
          const all = [{ code: 'A1', rating: 'A', secret: 'x' }, { code: 'B2', rating: 'B', secret: 'y' }];
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(code ? all.filter((r) => r.code === code) : all));
        };
        if (mode === 'slow') setTimeout(send, 1500);
        else send();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      apiResource = await newResource(tax, [{ name: 'code', label: { zh: '代码', en: 'Code' }, dataType: 'string', key: true, grade: G2 }, { name: 'rating', label: { zh: '评级', en: 'Rating' }, dataType: 'string', grade: PERSONAL }], { format: 'api' });
      await publish(apiResource, tax);
      const m = await h().call('PUT', `/api/v1/catalog/resources/${apiResource}/mount`, { token: tax.staffToken, body: { upstreamUrl: `http://127.0.0.1:${port}/ratings`, keyParam: 'code', timeoutMs: 300 } });
      expect(m.status, JSON.stringify(m.body)).toBe(200);
      const g = await grant(tax.staffToken, { resourceId: apiResource, granteeOrgId: c.id, fields: ['code', 'rating'], rowFilter: { code: ['A1'] } });
      expect(g.status, JSON.stringify(g.body)).toBe(201);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('proxies the key lookup as the upstream key parameter, applying projection, scope and masking', async () => {
      const r = await rows(c.staffToken, apiResource, '?where=code:A1');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.items).toEqual([{ code: 'A1', rating: '*' }]);
      expect(seen.at(-1)).toBe('A1');
      const outOfScope = await rows(c.staffToken, apiResource, '?where=code:B2');
      expect(outOfScope.body.items).toEqual([]);
      const all = await rows(c.staffToken, apiResource);
      expect(all.body.items.map((x: any) => x.code)).toEqual(['A1']);
    });

    it('turns upstream errors into 502 and timeouts into 504, with codes', async () => {
      mode = 'fail';
      const fail = await rows(c.staffToken, apiResource, '?where=code:A1');
      expect([fail.status, fail.body.error.code]).toEqual([502, 'GATEWAY_UPSTREAM_ERROR']);
      mode = 'slow';
      const slow = await rows(c.staffToken, apiResource, '?where=code:A1');
      expect([slow.status, slow.body.error.code]).toEqual([504, 'GATEWAY_UPSTREAM_TIMEOUT']);
      mode = 'ok';
    });
  });
});
