import { createHash, createPublicKey, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { canonicalize } from '../../platform/canonical-json.codec.js';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { webhookUrlProblem } from './index.js';

// Monday 2026-11-02, 10:00 in Shanghai.
const START = new Date('2026-11-02T02:00:00Z');
const DAY = 86_400_000;
const MONTHS = Array.from({ length: 14 }, (_, i) => { const d = new Date(Date.UTC(2025, 8 + i, 1)); return d.toISOString().slice(0, 7); }); // 2025-09 … 2026-10

describeEachEngine('data-subject authorization (数据主体授权) over HTTP', (engine) => {
  const clock = fixedClock(START);
  // Webhooks to a local receiver, retried quickly, given up after three attempts.
  const h = useLiutong(engine, { sessionTtlSeconds: 30 * 24 * 3600, 'authorization.webhookAllowPrivate': true, 'authorization.webhookBackoffMs': 10, 'authorization.webhookMaxAttempts': 3 }, { clock });
  let bureau: TestOrg;
  let grid: TestOrg;
  let holder: TestOrg;
  let bank: TestOrg;
  let third: TestOrg;
  let holderUscc: string;
  let otherUscc: string;
  let resource: string;
  let item: string;

  const ask = (over: Record<string, unknown> = {}, token = bank.staffToken) =>
    h().call('POST', '/api/v1/authorization/consents', {
      token,
      body: {
        holderUscc, itemIds: [item], purpose: 'credit_approval', purposeText: '电费贷：审批流动资金贷款', periodFrom: '2025-10', periodTo: '2026-09',
        validUntil: new Date(clock.now().getTime() + 30 * DAY).toISOString(), maxUses: 3, ...over,
      },
    });
  const act = (id: string, action: string, token: string, body?: unknown) => h().call('POST', `/api/v1/authorization/consents/${id}/${action}`, { token, ...(body !== undefined ? { body } : {}) });
  const rows = (grantId: string, query = '') => h().call('GET', `/api/v1/data/${resource}/rows?grant=${grantId}&pageSize=50${query}`, { token: bank.staffToken });
  const approved = async (over: Record<string, unknown> = {}) => {
    const r = await ask(over);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const a = await act(r.body.id, 'approve', holder.staffToken);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    return a.body;
  };

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    grid = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    holder = await h().org(['enterprise'], 'Factory');
    bank = await h().org(['enterprise'], 'Bank');
    third = await h().org(['enterprise'], 'Third');
    holderUscc = (await h().call('GET', `/api/v1/orgs/${holder.id}`, { token: holder.staffToken })).body.uscc;
    otherUscc = (await h().call('GET', `/api/v1/orgs/${third.id}`, { token: third.staffToken })).body.uscc;
    const G1 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
    // The holder and one other company, 14 months each; a third company (`third`) has no rows.
    const csv = ['uscc,month,kwh', ...MONTHS.map((m, i) => `${holderUscc},${m},${1000 + i}`), ...MONTHS.map((m) => `91440101MA5C0THER9,${m},1`)].join('\n');
    resource = await h().publishedTable(grid, bureau, {
      title: { zh: '企业月度用电量（授权测试）', en: 'Monthly electricity (consent test)' }, categoryId: 'cat_theme000000000000001',
      sharing: { type: 'conditional', conditions: '企业授权后用于信贷审批' }, open: { type: 'none' },
      fields: [
        { name: 'uscc', label: { zh: '统一社会信用代码', en: 'USCC' }, dataType: 'string', key: true, grade: G1 },
        { name: 'month', label: { zh: '月份', en: 'Month' }, dataType: 'string', key: true, grade: G1 },
        { name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G1 },
      ],
    }, csv);
    const body = { code: 'ELEC.MONTHLY', name: { zh: '月度用电量', en: 'Monthly electricity usage' }, resourceId: resource, subjectKind: 'legal_person', subjectField: 'uscc', fields: ['kwh'], periodField: 'month' };
    expect((await h().call('POST', '/api/v1/authorization/data-items', { token: grid.staffToken, body })).status).toBe(403);
    const d = await h().call('POST', '/api/v1/authorization/data-items', { token: bureau.staffToken, body });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    item = d.body.id;
  });
  beforeEach(() => clock.set(START));

  it('电费贷: the bank asks, the factory approves with a sealed consent record, the bank reads only the factory\'s months, up to its uses', async () => {
    const r = await ask();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', holderOrgId: holder.id, requesterOrgId: bank.id, items: [{ code: 'ELEC.MONTHLY', fields: ['kwh'] }], record: null });
    const inbox = await h().call('GET', '/api/v1/authorization/consents?box=holder&status=pending', { token: holder.auditorToken });
    expect(inbox.body.items.map((c: any) => c.id)).toContain(r.body.id);
    // Only the holder approves.
    expect((await act(r.body.id, 'approve', bank.staffToken)).status).toBe(403);
    expect((await act(r.body.id, 'approve', third.staffToken)).status).toBe(404);
    const a = await act(r.body.id, 'approve', holder.staffToken);
    expect(a.body.status, JSON.stringify(a.body)).toBe('approved');
    const record = a.body.record;
    expect(record).toMatchObject({
      consentId: r.body.id, piiPrincipal: { id: holder.id, identifier: { scheme: 'USCC', value: holderUscc } }, piiControllers: [{ id: bank.id }],
      purposes: [{ purpose: 'credit_approval', description: '电费贷：审批流动资金贷款', legalBasis: 'consent' }], dataCategories: [{ code: 'ELEC.MONTHLY', fields: ['kwh'], source: { orgId: grid.id, resourceId: resource } }],
      dataPeriod: { from: '2025-10', to: '2026-09' }, maxUses: 3, withdrawal: { effect: 'the next gateway call is refused' },
    });
    expect(record.timestamp).toBe(START.toISOString());
    expect(a.body.recordDigest).toBe(`sha256:${createHash('sha256').update(canonicalize(record)).digest('hex')}`);
    expect(await h().lt.identity.seals.verify(record, a.body.recordSeal)).toMatchObject({ valid: true, orgId: holder.id });
    expect(await h().lt.identity.seals.verify({ ...record, maxUses: 300 }, a.body.recordSeal)).toMatchObject({ valid: false });

    const grantId = a.body.grantIds[0];
    const first = await rows(grantId);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toHaveLength(12);
    expect(new Set(first.body.items.map((x: any) => x.uscc))).toEqual(new Set([holderUscc]));
    expect(first.body.items.map((x: any) => x.month).sort()).toEqual(MONTHS.slice(1, 13));
    // Another company's rows are outside the scope whatever the filter says.
    expect((await rows(grantId, '&where=uscc:91440101MA5C0THER9')).body.items).toEqual([]);
    expect((await rows(grantId, '&where=month:2026-10')).body.items).toEqual([]);
    // Three uses: the fourth call is refused, and the sweep ends the authorization as used up.
    const fourth = await rows(grantId);
    expect(fourth.body.error.code).toBe('GATEWAY_USES_EXHAUSTED');
    expect(await h().lt.authorization.consents.sweep()).toMatchObject({ exhausted: 1 });
    const ended = (await h().call('GET', `/api/v1/authorization/consents/${r.body.id}`, { token: holder.staffToken })).body;
    expect(ended).toMatchObject({ status: 'exhausted', deletion: { attestedAt: null, overdue: false } });
  });

  it('the holder revokes and the very next call is refused; the holder sees every use; the bank attests deletion once', async () => {
    const a = await approved({ maxUses: 100 });
    const grantId = a.grantIds[0];
    expect((await rows(grantId)).status).toBe(200);
    expect((await act(a.id, 'revoke', bank.staffToken)).status).toBe(403);
    const revoked = await act(a.id, 'revoke', holder.staffToken);
    expect(revoked.body).toMatchObject({ status: 'revoked', deletion: { dueAt: new Date(START.getTime() + 30 * DAY).toISOString() } });
    expect((await rows(grantId)).body.error.code).toBe('GATEWAY_GRANT_REVOKED');
    // Access history: both calls, the refusal with its code; the bank sees its own; a third organisation nothing.
    const history = await h().call('GET', `/api/v1/authorization/consents/${a.id}/usage`, { token: holder.auditorToken });
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    expect(history.body.items.map((c: any) => [c.status, c.code]).sort()).toEqual([[200, null], [403, 'GATEWAY_GRANT_REVOKED']]);
    expect(history.body.items.every((c: any) => c.callerOrgId === bank.id && /^[0-9a-f]{64}$/.test(c.recordHash))).toBe(true);
    expect((await h().call('GET', `/api/v1/authorization/consents/${a.id}/usage`, { token: bank.staffToken })).status).toBe(200);
    expect((await h().call('GET', `/api/v1/authorization/consents/${a.id}/usage`, { token: third.staffToken })).status).toBe(404);
    // Deletion attestation: the requester, once.
    expect((await act(a.id, 'deletion', holder.staffToken, { statement: 'x' })).status).toBe(403);
    const attested = await act(a.id, 'deletion', bank.staffToken, { statement: '已于信贷系统及备份中删除 2025-10 至 2026-09 用电数据。' });
    expect(attested.body.deletion).toMatchObject({ overdue: false, statement: '已于信贷系统及备份中删除 2025-10 至 2026-09 用电数据。' });
    expect((await act(a.id, 'deletion', bank.staffToken, { statement: 'again' })).body.error.code).toBe('AUTHORIZATION_CONSENT_STATE_CONFLICT');
    await h().lt.flush();
    const types = ((await h().call('GET', `/api/v1/ledger/entries?subjectId=${a.id}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[]).map((e) => e.entry.type);
    expect(types).toEqual(['authorization.consent.requested', 'authorization.consent.approved', 'authorization.consent.revoked', 'authorization.consent.deletion_attested']);
  });

  it('expires with its validity; an attestation not made in time is flagged to the holder', async () => {
    const a = await approved({ validUntil: new Date(START.getTime() + DAY).toISOString() });
    clock.set(new Date(START.getTime() + DAY + 1000));
    expect((await rows(a.grantIds[0])).body.error.code).toBe('GATEWAY_GRANT_EXPIRED');
    expect(await h().lt.authorization.consents.sweep()).toMatchObject({ expired: 1, overdue: 0 });
    clock.set(new Date(START.getTime() + 32 * DAY));
    // (Authorizations ended by the other tests fall due too.)
    expect((await h().lt.authorization.consents.sweep()).overdue).toBeGreaterThanOrEqual(1);
    const c = await h().lt.authorization.consents.get(a.id, null);
    expect(c).toMatchObject({ status: 'expired', deletion: { overdue: true, attestedAt: null } });
    expect(await h().lt.authorization.consents.sweep()).toMatchObject({ overdue: 0 });
  });

  it('refuses what a holder cannot or need not consent to, with stable codes, and keeps holders apart', async () => {
    const before = (await h().call('GET', '/api/v1/authorization/consents?box=requester', { token: bank.staffToken })).body.total;
    expect((await ask({ holderUscc: otherUscc })).body.error.code).toBe('AUTHORIZATION_ITEM_NOT_HELD');
    expect((await ask({ holderUscc: '91440101MA5C0THER9' })).body.error.code).toBe('AUTHORIZATION_HOLDER_NOT_FOUND');
    expect((await ask({ purpose: 'marketing' })).body.error.code).toBe('AUTHORIZATION_PURPOSE_UNKNOWN');
    expect((await ask({ periodFrom: '2026-09', periodTo: '2025-10' })).body.error.code).toBe('AUTHORIZATION_CONSENT_INVALID');
    expect((await ask({ validUntil: new Date(START.getTime() - DAY).toISOString() })).body.error.code).toBe('AUTHORIZATION_CONSENT_INVALID');
    expect((await ask({ itemIds: ['dit_00000000000000000000'] })).body.error.code).toBe('AUTHORIZATION_DATA_ITEM_NOT_FOUND');
    expect((await ask({}, holder.staffToken)).body.error.code).toBe('AUTHORIZATION_CONSENT_INVALID');
    expect((await h().call('GET', '/api/v1/authorization/consents?box=requester', { token: bank.staffToken })).body.total).toBe(before);
    // Another company neither sees a holder's requests nor acts on them.
    const r = await ask();
    expect((await h().call('GET', `/api/v1/authorization/consents/${r.body.id}`, { token: third.staffToken })).status).toBe(404);
    expect((await h().call('GET', '/api/v1/authorization/consents?box=holder', { token: third.staffToken })).body.items.map((c: any) => c.id)).not.toContain(r.body.id);
    expect((await h().call('GET', '/api/v1/authorization/consents?box=all', { token: third.staffToken })).status).toBe(403);
    expect((await act(r.body.id, 'reject', third.staffToken, { reason: 'x' })).status).toBe(404);
    const rejected = await act(r.body.id, 'reject', holder.staffToken, { reason: '贷款已结清，无需提供。' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '贷款已结清，无需提供。', grantIds: [] });
    expect((await act(r.body.id, 'approve', holder.staffToken)).body.error.code).toBe('AUTHORIZATION_CONSENT_STATE_CONFLICT');
  });

  it("the factory's space: its items live and unmasked, hiding one from requesters, and a sealed package of all of it", async () => {
    const space = await h().call('GET', '/api/v1/authorization/space', { token: holder.auditorToken });
    expect(space.status, JSON.stringify(space.body)).toBe(200);
    expect(space.body.holder).toMatchObject({ orgId: holder.id, uscc: holderUscc });
    expect(space.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: item, code: 'ELEC.MONTHLY', hidden: false })]));
    const all = await h().call('GET', `/api/v1/authorization/space/items/${item}/rows?pageSize=50`, { token: holder.auditorToken });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items).toHaveLength(14);
    expect(all.body.items.every((r: any) => r.uscc === holderUscc)).toBe(true);
    const some = await h().call('GET', `/api/v1/authorization/space/items/${item}/rows?periodFrom=2026-01&periodTo=2026-03`, { token: holder.auditorToken });
    expect(some.body.items.map((r: any) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    // Another enterprise's space holds its own rows only (none here); a public body has no legal-person space.
    expect((await h().call('GET', `/api/v1/authorization/space/items/${item}/rows`, { token: third.staffToken })).body.items).toEqual([]);
    expect((await h().call('GET', '/api/v1/authorization/space', { token: bureau.staffToken })).body.error.code).toBe('AUTHORIZATION_NOT_A_HOLDER');

    // Hidden from requesters: a request naming it is refused like an item the holder lacks; shown again, it is not.
    expect((await h().call('POST', `/api/v1/authorization/space/items/${item}/hide`, { token: holder.staffToken })).body.hidden).toBe(true);
    expect((await ask()).body.error.code).toBe('AUTHORIZATION_ITEM_NOT_HELD');
    expect((await h().call('POST', `/api/v1/authorization/space/items/${item}/show`, { token: holder.staffToken })).body.hidden).toBe(false);
    expect((await ask()).status).toBe(201);

    // 数据携带: the package, its digest, the platform operator's seal and the export's ledger receipt.
    const pkg = await h().call('POST', '/api/v1/authorization/space/package', { token: holder.staffToken });
    expect(pkg.status, JSON.stringify(pkg.body).slice(0, 300)).toBe(200);
    expect(pkg.body.digest).toBe(`sha256:${createHash('sha256').update(canonicalize(pkg.body.package)).digest('hex')}`);
    expect(pkg.body.package.items.find((i: any) => i.code === 'ELEC.MONTHLY').rows).toHaveLength(14);
    const sealCheck = await h().lt.identity.seals.verify(pkg.body.package, pkg.body.seal);
    expect(sealCheck.valid).toBe(true);
    expect((await h().lt.identity.organisations.get((sealCheck as { orgId: string }).orgId)).roles).toContain('platform_admin');
    await h().lt.flush();
    const receipt = await h().call('GET', pkg.body.evidence.receiptUrl, { token: holder.staffToken });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
  });

  it('tells the parties: an inbox entry in the same transaction, and a signed webhook retried until the receiver recovers or given up', async () => {
    // A receiver that fails twice and then recovers (/ok), and one that always fails (/down).
    const got: Array<{ path: string; headers: Record<string, string | string[] | undefined>; body: string }> = [];
    let okCalls = 0;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push({ path: req.url ?? '', headers: req.headers, body });
        if (req.url === '/ok' && ++okCalls > 2) res.writeHead(204).end();
        else res.writeHead(503).end('busy');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(webhookUrlProblem(`${base}/ok`, false)).toBe('private_host');
      expect(webhookUrlProblem('https://hooks.bank.example/liutong', false)).toBeNull();
      expect((await h().call('POST', '/api/v1/webhooks', { token: holder.adminToken, body: { url: 'ftp://x.example/' } })).body.error.code).toBe('AUTHORIZATION_WEBHOOK_URL_INVALID');
      expect((await h().call('POST', '/api/v1/webhooks', { token: holder.staffToken, body: { url: `${base}/ok` } })).status).toBe(403);
      const ok = await h().call('POST', '/api/v1/webhooks', { token: holder.adminToken, body: { url: `${base}/ok`, kinds: ['consent.requested'] } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      const down = await h().call('POST', '/api/v1/webhooks', { token: holder.adminToken, body: { url: `${base}/down` } });
      await h().call('POST', '/api/v1/notifications/read', { token: holder.staffToken });

      const r = await ask();
      const inbox = await h().call('GET', '/api/v1/notifications?unread=true', { token: holder.auditorToken });
      expect(inbox.body).toMatchObject({ unread: 1, items: [{ kind: 'consent.requested', subject: { type: 'authorization_consent', id: r.body.id }, payload: { requesterOrgId: bank.id } }] });
      expect((await h().call('GET', '/api/v1/notifications?unread=true', { token: third.staffToken })).body.items.some((n: any) => n.subject.id === r.body.id)).toBe(false);

      const n = h().lt.authorization.notifications;
      expect(await n.deliverDue()).toEqual({ delivered: 0, retried: 2, failed: 0 });
      expect(await n.deliverDue()).toEqual({ delivered: 0, retried: 0, failed: 0 }); // not due yet: backoff
      clock.set(new Date(START.getTime() + 10));
      expect(await n.deliverDue()).toEqual({ delivered: 0, retried: 2, failed: 0 });
      clock.set(new Date(START.getTime() + 30));
      expect(await n.deliverDue()).toEqual({ delivered: 1, retried: 0, failed: 1 });

      const toOk = got.filter((g) => g.path === '/ok');
      expect(toOk).toHaveLength(3);
      expect(new Set(toOk.map((g) => g.body)).size).toBe(1);
      const body = JSON.parse(toOk[2]!.body);
      expect(body).toMatchObject({ kind: 'consent.requested', orgId: holder.id, subject: { id: r.body.id } });
      // Signed by the platform operator: verify with its public key.
      const sig = Object.fromEntries(String(toOk[2]!.headers['liutong-signature']).split(',').map((p) => p.trim().split('=') as [string, string]));
      const key = (await h().lt.identity.keys.find(sig.kid!))!;
      const publicKey = createPublicKey({ key: key.publicJwk as never, format: 'jwk' });
      expect(verify(null, Buffer.from(`${sig.t}.${toOk[2]!.body}`), publicKey, Buffer.from(sig.sig!, 'base64url'))).toBe(true);
      expect(verify(null, Buffer.from(`${sig.t}.${toOk[2]!.body.replace(holder.id, bank.id)}`), publicKey, Buffer.from(sig.sig!, 'base64url'))).toBe(false);
      expect((await h().lt.identity.organisations.get(key.orgId)).roles).toContain('platform_admin');

      const deliveries = await h().call('GET', `/api/v1/webhooks/${ok.body.id}/deliveries`, { token: holder.adminToken });
      expect(deliveries.body.items[0]).toMatchObject({ attempts: 3, status: 'delivered', lastStatus: 204 });
      const failed = await h().call('GET', `/api/v1/webhooks/${down.body.id}/deliveries`, { token: holder.adminToken });
      expect(failed.body.items[0]).toMatchObject({ attempts: 3, status: 'failed', lastStatus: 503 });
      await h().lt.flush();
      expect((await h().call('GET', `/api/v1/ledger/entries?type=authorization.webhook.failed&pageSize=5`, { token: h().adminToken })).body.total).toBeGreaterThanOrEqual(1);
      expect((await h().call('GET', `/api/v1/webhooks/${ok.body.id}/deliveries`, { token: bank.adminToken })).status).toBe(404);
      expect((await h().call('POST', `/api/v1/notifications/${inbox.body.items[0].id}/read`, { token: holder.staffToken })).body.marked).toBe(1);
      expect((await h().call('GET', '/api/v1/notifications?unread=true', { token: holder.staffToken })).body.unread).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("binds the factory's account to its registry record through the gateway: USCC, name and legal representative must agree", async () => {
    const me = (await h().call('GET', `/api/v1/orgs/${holder.id}`, { token: holder.staffToken })).body;
    const G1 = { level: 'general', generalLevel: 1, personalInfo: 'none' };
    const bind = (legalRep: string, token = holder.adminToken) => h().call('POST', '/api/v1/authorization/space/binding', { token, body: { legalRep } });
    // Without the registry item the check cannot run: refused, nothing bound.
    expect((await bind('陈志明')).body.error).toMatchObject({ code: 'AUTHORIZATION_BINDING_MISMATCH', details: { reason: 'source_unavailable' } });
    const id = await h().publishedTable(grid, bureau, {
      title: { zh: '企业登记（绑定测试）', en: 'Registry (binding test)' }, categoryId: 'cat_base0000000000000002', updateFrequency: 'daily',
      sharing: { type: 'unconditional' }, open: { type: 'none' },
      fields: [
        { name: 'uscc', label: { zh: '代码', en: 'USCC' }, dataType: 'string', key: true, grade: G1 },
        { name: 'name', label: { zh: '名称', en: 'Name' }, dataType: 'string', grade: G1 },
        { name: 'legal_rep', label: { zh: '法定代表人', en: 'Legal representative' }, dataType: 'string', grade: { level: 'general', generalLevel: 2, personalInfo: 'personal' } },
      ],
    }, `uscc,name,legal_rep\n${holderUscc},${me.name.zh},陈志明\n`);
    const item = await h().call('POST', '/api/v1/authorization/data-items', { token: bureau.staffToken, body: { code: 'ORG.REGISTRATION', name: { zh: '企业登记信息', en: 'Registration' }, resourceId: id, subjectKind: 'legal_person', subjectField: 'uscc', fields: ['name', 'legal_rep'] } });
    expect(item.status, JSON.stringify(item.body)).toBe(201);

    expect((await bind('陈志明', holder.staffToken)).status).toBe(403);
    expect((await bind('王大明')).body.error).toMatchObject({ code: 'AUTHORIZATION_BINDING_MISMATCH', details: { reason: 'legal_rep_mismatch' } });
    expect((await h().call('GET', '/api/v1/authorization/space', { token: holder.staffToken })).body.binding).toBeNull();
    const ok = await bind(' 陈志明 ');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await h().call('GET', '/api/v1/authorization/space', { token: holder.staffToken })).body.binding).toMatchObject({ legalRep: '陈志明' });
    // Another enterprise is not in the registry under that record.
    expect((await bind('陈志明', third.adminToken)).body.error.details.reason).toBe('not_found');
    expect(await h().lt.authorization.verifier.legalPerson(holderUscc, '另一家公司', '陈志明')).toEqual({ match: false, reason: 'name_mismatch' });
  });
});
