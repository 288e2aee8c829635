import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { ADMIN_PASSWORD, randomUscc, useLiutong, USER_PASSWORD } from '../../../test/harness.js';
import { fixedClock } from '../../platform/clock.js';

describeEachEngine('identity over HTTP', (engine) => {
  const h = useLiutong(engine);

  describe('login, me, logout', () => {
    it('logs in by user name and answers the documented shape', async () => {
      const r = await h().call('POST', '/api/v1/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } });
      expect(r.status).toBe(200);
      expect(r.body.token).toMatch(/^lts_/);
      expect(Date.parse(r.body.expiresAt)).toBeGreaterThan(Date.now());
      expect(r.body.user.username).toBe('admin');
      expect(r.body.user).not.toHaveProperty('passwordHash');
      const me = await h().call('GET', '/api/v1/me', { token: r.body.token });
      expect(me.status).toBe(200);
      expect(me.body.orgRoles).toEqual(['platform_admin']);
    });

    it('refuses a wrong password with a stable code, in the requested language', async () => {
      const zh = await h().call('POST', '/api/v1/auth/login', { body: { login: 'admin', password: 'nope-nope-nope' } });
      expect(zh.status).toBe(401);
      expect(zh.body.error.code).toBe('IDENTITY_LOGIN_FAILED');
      expect(zh.body.error.message).toBe('用户名或密码错误。');
      expect(zh.body.error.requestId).toMatch(/^req_/);
      const en = await h().call('POST', '/api/v1/auth/login', { body: { login: 'admin', password: 'nope-nope-nope' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(en.body.error.message).toBe('Wrong login or password.');
    });

    it('logs in by email and phone; logout revokes the token', async () => {
      const org = await h().org(['enterprise']);
      const u = await h().call('POST', `/api/v1/orgs/${org.id}/users`, {
        token: org.adminToken,
        body: { username: 'zhangsan' + Date.now().toString(36), displayName: '张三', email: `z${Date.now()}@example.cn`, phone: `139${String(Date.now()).slice(-8)}`, password: USER_PASSWORD, memberRole: 'staff' },
      });
      expect(u.status).toBe(201);
      const byEmail = await h().login(u.body.email.toUpperCase(), USER_PASSWORD);
      const byPhone = await h().login(u.body.phone, USER_PASSWORD);
      expect((await h().call('GET', '/api/v1/me', { token: byPhone })).status).toBe(200);
      expect((await h().call('POST', '/api/v1/auth/logout', { token: byEmail })).status).toBe(204);
      const after = await h().call('GET', '/api/v1/me', { token: byEmail });
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('AUTH_INVALID_TOKEN');
      expect((await h().call('GET', '/api/v1/me', { token: byPhone })).status).toBe(200);
    });
  });

  describe('organisations', () => {
    it('creates an organisation with a checked USCC, a DID and a signing key', async () => {
      const uscc = randomUscc();
      const r = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, body: { name: { zh: '广州某科技有限公司', en: 'Guangzhou Tech Co.' }, uscc, roles: ['enterprise'] } });
      expect(r.status).toBe(201);
      expect(r.body.id).toMatch(/^org_[0-9a-z]{20}$/);
      expect(r.body.did).toBe(`did:web:liutong.test:orgs:${r.body.id}`);
      const did = await h().call('GET', `/orgs/${r.body.id}/did.json`);
      expect(did.status).toBe(200);
      expect(did.body.id).toBe(r.body.did);
      expect(did.body.verificationMethod).toHaveLength(1);
      expect(did.body.verificationMethod[0].publicKeyJwk.crv).toBe('Ed25519');
      const dup = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, body: { name: { zh: '重复', en: 'Dup' }, uscc, roles: ['enterprise'] } });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('IDENTITY_USCC_TAKEN');
    });

    it('rejects a USCC with a wrong check character and changes nothing', async () => {
      const good = randomUscc();
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const before = await h().call('GET', '/api/v1/orgs?pageSize=200', { token: h().adminToken });
      const r = await h().call('POST', '/api/v1/orgs', { token: h().adminToken, body: { name: { zh: '错', en: 'Bad' }, uscc: bad, roles: ['enterprise'] } });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('IDENTITY_USCC_INVALID');
      expect(r.body.error.details.reason).toBe('checksum');
      const after = await h().call('GET', '/api/v1/orgs?pageSize=200', { token: h().adminToken });
      expect(after.body.total).toBe(before.body.total);
    });

    it('lets only platform admins and the data bureau register organisations, within their grant', async () => {
      const ent = await h().org(['enterprise']);
      const r = await h().call('POST', '/api/v1/orgs', { token: ent.adminToken, body: { name: { zh: 'x', en: 'x' }, uscc: randomUscc(), roles: ['enterprise'] } });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      const bureau = await h().org(['data_bureau']);
      const ok = await h().call('POST', '/api/v1/orgs', { token: bureau.adminToken, body: { name: { zh: '某局', en: 'A body' }, uscc: randomUscc(), roles: ['source_unit'], type: 'government' } });
      expect(ok.status).toBe(201);
      const escalate = await h().call('POST', '/api/v1/orgs', { token: bureau.adminToken, body: { name: { zh: 'x', en: 'x' }, uscc: randomUscc(), roles: ['regulator'] } });
      expect(escalate.status).toBe(403);
      expect(escalate.body.error.code).toBe('IDENTITY_ROLE_NOT_GRANTABLE');
    });

    it('pages, sorts and filters the directory', async () => {
      await h().org(['source_unit'], '检索');
      const r = await h().call('GET', '/api/v1/orgs?role=source_unit&pageSize=1&sort=name&order=asc', { token: h().adminToken });
      expect(r.status).toBe(200);
      expect(r.body.pageSize).toBe(1);
      expect(r.body.items).toHaveLength(1);
      expect(r.body.items[0].roles).toContain('source_unit');
      expect(r.body.total).toBeGreaterThanOrEqual(1);
      const q = await h().call('GET', `/api/v1/orgs?q=${encodeURIComponent('检索')}`, { token: h().adminToken });
      expect(q.body.items.every((o: any) => o.name.zh.includes('检索'))).toBe(true);
    });
  });

  describe('cross-organisation isolation', () => {
    it("never shows or changes another organisation's users, keys or API keys", async () => {
      const a = await h().org(['enterprise']);
      const b = await h().org(['enterprise']);
      for (const [method, url, body] of [
        ['GET', `/api/v1/orgs/${b.id}/users`, undefined],
        ['POST', `/api/v1/orgs/${b.id}/users`, { username: 'intruder1', displayName: 'x', password: USER_PASSWORD, memberRole: 'org_admin' }],
        ['GET', `/api/v1/orgs/${b.id}/api-keys`, undefined],
        ['POST', `/api/v1/orgs/${b.id}/api-keys`, { name: 'steal' }],
        ['POST', `/api/v1/orgs/${b.id}/keys/rotate`, undefined],
      ] as const) {
        const r = await h().call(method, url, { token: a.adminToken, ...(body ? { body } : {}) });
        expect(r.status, `${method} ${url}`).toBe(403);
        expect(r.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      }
      const users = await h().call('GET', `/api/v1/orgs/${b.id}/users`, { token: b.adminToken });
      expect(users.body.items.map((u: any) => u.username)).not.toContain('intruder1');
    });
  });

  describe('API keys', () => {
    it('shows a key once, stores it hashed, authenticates with it and stops after revocation', async () => {
      const org = await h().org(['enterprise']);
      const created = await h().call('POST', `/api/v1/orgs/${org.id}/api-keys`, { token: org.adminToken, body: { name: 'ERP 对接' } });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^ltk_[0-9a-f]{8}_/);
      const list = await h().call('GET', `/api/v1/orgs/${org.id}/api-keys`, { token: org.adminToken });
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);
      const me = await h().call('GET', '/api/v1/me', { token: created.body.key });
      expect(me.status).toBe(200);
      expect(me.body.kind).toBe('api_key');
      expect(me.body.orgId).toBe(org.id);
      expect((await h().call('DELETE', `/api/v1/orgs/${org.id}/api-keys/${created.body.id}`, { token: org.adminToken })).status).toBe(204);
      expect((await h().call('GET', '/api/v1/me', { token: created.body.key })).status).toBe(401);
    });

    it('an auditor cannot create keys', async () => {
      const org = await h().org(['enterprise']);
      const r = await h().call('POST', `/api/v1/orgs/${org.id}/api-keys`, { token: org.auditorToken, body: { name: 'x' } });
      expect(r.status).toBe(403);
    });
  });

  describe('seals and key rotation', () => {
    it('signs a payload, verifies it, detects tampering, and keeps old seals valid after rotation', async () => {
      const org = await h().org(['enterprise']);
      const payload = { contract: '数据交易合同', amountFen: '300000000', parties: ['甲', '乙'] };
      const signed = await h().call('POST', '/api/v1/seals/sign', { token: org.staffToken, body: { payload } });
      expect(signed.status).toBe(200);
      const seal = signed.body.seal;
      expect(seal.orgId).toBe(org.id);
      expect(seal.signer).toBe(`${org.did}#${seal.kid}`);
      const ok = await h().call('POST', '/api/v1/seals/verify', { body: { payload: { parties: ['甲', '乙'], amountFen: '300000000', contract: '数据交易合同' }, seal } });
      expect(ok.body).toMatchObject({ valid: true, orgId: org.id });
      const tampered = await h().call('POST', '/api/v1/seals/verify', { body: { payload: { ...payload, amountFen: '300000001' }, seal } });
      expect(tampered.body).toEqual({ valid: false, reason: 'digest_mismatch' });
      const forged = await h().call('POST', '/api/v1/seals/verify', { body: { payload, seal: { ...seal, signedAt: new Date(Date.parse(seal.signedAt) + 1).toISOString() } } });
      expect(forged.body.valid).toBe(false);

      const rotated = await h().call('POST', `/api/v1/orgs/${org.id}/keys/rotate`, { token: org.adminToken });
      expect(rotated.status).toBe(200);
      expect(rotated.body.retiredKeyId).toBe(seal.kid);
      const still = await h().call('POST', '/api/v1/seals/verify', { body: { payload, seal } });
      expect(still.body.valid).toBe(true);
      const fresh = await h().call('POST', '/api/v1/seals/sign', { token: org.staffToken, body: { payload } });
      expect(fresh.body.seal.kid).toBe(rotated.body.keyId);
      const did = await h().call('GET', `/orgs/${org.id}/did.json`);
      expect(did.body.verificationMethod).toHaveLength(2);
      expect(did.body.assertionMethod).toEqual([`${org.did}#${rotated.body.keyId}`]);
      expect(did.body.verificationMethod.find((m: any) => m.id.endsWith(seal.kid)).validUntil).toBeTruthy();
    });

    it('an auditor may not seal', async () => {
      const org = await h().org(['enterprise']);
      expect((await h().call('POST', '/api/v1/seals/sign', { token: org.auditorToken, body: { payload: 1 } })).status).toBe(403);
    });
  });
});

describe('session expiry', () => {
  const clock = fixedClock(new Date('2026-11-23T08:00:00Z'));
  const h = useLiutong('pglite', { sessionTtlSeconds: 600 }, { clock });
  it('a session stops working when it expires, even right after it was used', async () => {
    const token = await h().login('admin', ADMIN_PASSWORD);
    expect((await h().call('GET', '/api/v1/me', { token })).status).toBe(200);
    clock.advance(599_000);
    expect((await h().call('GET', '/api/v1/me', { token })).status).toBe(200);
    clock.advance(2_000);
    const r = await h().call('GET', '/api/v1/me', { token });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('AUTH_INVALID_TOKEN');
  });
});
