import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { shanghaiDate } from '../../platform/calendar/working-day.calendar.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const application = (kind: string, extra: Record<string, unknown> = {}) => ({
  kind, contact: { name: '张经理', phone: '020-12345678', email: 'contact@example.cn' }, statement: '拟在交易所挂牌或采购数据产品。', ...extra,
});

describeEachEngine('exchange members (会员登记), data brokers (数据经纪人) and mandates over HTTP', (engine) => {
  const h = useLiutong(engine);
  let exchange: TestOrg;
  let bureau: TestOrg;
  let regulator: TestOrg;
  const api = (method: string, url: string, token: string, body?: unknown) => h().call(method, `/api/v1${url}`, { token, body });
  const file = (memberId: string, token: string, name = '营业执照.pdf', content = PDF, mediaType = 'application/pdf') =>
    api('POST', `/exchange/members/${memberId}/files`, token, { name, mediaType, contentBase64: content.toString('base64') });
  /** An organisation admitted as an active member of `kind` (applied, a file, approved). */
  const admitted = async (org: TestOrg, kind: string) => {
    const a = await api('POST', '/exchange/members', org.adminToken, application(kind, kind === 'service_provider' ? { services: ['compliance'] } : {}));
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect((await file(a.body.id, org.staffToken)).status).toBe(201);
    const ok = await api('POST', `/exchange/members/${a.body.id}/approve`, exchange.staffToken, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    return a.body.id as string;
  };
  const today = () => shanghaiDate(new Date());
  const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * 86_400_000));

  it('applies, attaches a checked file, is approved by the exchange only; sanctions are disclosed; others see nothing', async () => {
    exchange = await h().org(['exchange'], 'Exchange');
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    regulator = await h().org(['regulator'], 'Regulator', 'government');
    const seller = await h().org(['enterprise'], 'Seller');
    const other = await h().org(['enterprise'], 'Other');

    // Bad input changes nothing: services only for service providers; staff may not apply.
    expect((await api('POST', '/exchange/members', seller.adminToken, application('seller', { services: ['legal'] }))).body.error.code).toBe('EXCHANGE_MEMBER_INVALID');
    expect((await api('POST', '/exchange/members', seller.adminToken, application('service_provider'))).body.error.details).toEqual({ reason: 'services_required' });
    expect((await api('POST', '/exchange/members', seller.staffToken, application('seller'))).status).toBe(403);
    expect((await api('GET', '/exchange/members', seller.adminToken)).body.total).toBe(0);

    const applied = await api('POST', '/exchange/members', seller.adminToken, application('seller'));
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ kind: 'seller', status: 'applied', orgId: seller.id, files: [] });
    const id = applied.body.id as string;
    expect((await api('POST', '/exchange/members', seller.adminToken, application('seller'))).body.error).toMatchObject({ code: 'EXCHANGE_MEMBER_EXISTS' });

    // Approval needs a qualification file; a file must be what it says, within bounds.
    expect((await api('POST', `/exchange/members/${id}/approve`, exchange.staffToken, {})).body.error.code).toBe('EXCHANGE_QUALIFICATIONS_MISSING');
    expect((await file(id, seller.staffToken, 'licence.pdf', Buffer.from('GIF89a....'))).body.error).toMatchObject({ code: 'EXCHANGE_FILE_INVALID', details: { reason: 'content_does_not_match_media_type' } });
    expect((await file(id, seller.staffToken, 'a.txt', Buffer.from('hello'), 'text/plain')).body.error.details).toEqual({ reason: 'media_type' });
    expect((await file(id, seller.staffToken, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]))).body.error.details).toEqual({ reason: 'size' });
    expect((await file(id, other.staffToken)).status).toBe(404);
    expect((await file(id, seller.auditorToken)).status).toBe(403);
    const added = await file(id, seller.staffToken);
    expect(added.status).toBe(201);
    expect(added.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Who sees it: the seller, the exchange, the regulator — not another company.
    expect((await api('GET', `/exchange/members/${id}`, other.adminToken)).status).toBe(404);
    expect((await api('GET', `/exchange/members/${id}`, regulator.auditorToken)).body.files).toHaveLength(1);
    const download = await h().call('GET', `/api/v1/exchange/members/${id}/files/${added.body.id}`, { token: exchange.auditorToken });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.headers['x-content-sha256']).toBe(added.body.sha256);
    expect((await h().call('GET', `/api/v1/exchange/members/${id}/files/${added.body.id}`, { token: other.adminToken })).status).toBe(404);
    expect((await api('GET', '/exchange/members?status=applied', other.adminToken)).body.total).toBe(0);
    expect((await api('GET', `/exchange/members?status=applied&orgId=${seller.id}`, exchange.auditorToken)).body.total).toBe(1);

    // Only the exchange's acting staff decide.
    expect((await api('POST', `/exchange/members/${id}/approve`, seller.adminToken, {})).status).toBe(403);
    expect((await api('POST', `/exchange/members/${id}/approve`, exchange.auditorToken, {})).status).toBe(403);
    expect((await api('POST', `/exchange/members/${id}/approve`, regulator.staffToken, {})).status).toBe(403);
    const approved = await api('POST', `/exchange/members/${id}/approve`, exchange.staffToken, {});
    expect(approved.body).toMatchObject({ status: 'active' });
    expect(approved.body.decidedAt).not.toBeNull();
    expect((await api('POST', `/exchange/members/${id}/approve`, exchange.staffToken, {})).body.error).toMatchObject({ code: 'EXCHANGE_STATE_CONFLICT', details: { status: 'active', action: 'approve' } });
    expect((await file(id, seller.staffToken)).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    expect((await api('GET', '/exchange/members/mine', seller.auditorToken)).body.items).toEqual([{ id, kind: 'seller', status: 'active', services: [] }]);
    const market = await h().call('GET', '/api/v1/public/exchange/members?kind=seller&pageSize=200');
    expect(market.body.items.some((m: { orgId: string }) => m.orgId === seller.id)).toBe(true);
    expect(JSON.stringify(market.body)).not.toContain('contact@example.cn');

    // A suspension needs a reason, is disclosed, and is lifted; a termination ends it.
    expect((await api('POST', `/exchange/members/${id}/suspend`, exchange.staffToken, {})).body.error.details).toEqual({ reason: 'reason_required' });
    expect((await api('POST', `/exchange/members/${id}/suspend`, exchange.staffToken, { reason: '未按期提交交易备案材料' })).body.status).toBe('suspended');
    const sanctions = await h().call('GET', '/api/v1/public/exchange/sanctions?pageSize=50');
    expect(sanctions.body.items.find((s: { subjectId: string }) => s.subjectId === id)).toMatchObject({ subjectType: 'member', action: 'suspend', reason: '未按期提交交易备案材料', orgId: seller.id });
    expect((await h().call('GET', '/api/v1/public/exchange/members?kind=seller&pageSize=200')).body.items.some((m: { orgId: string }) => m.orgId === seller.id)).toBe(false);
    expect((await api('POST', `/exchange/members/${id}/reinstate`, exchange.staffToken, {})).body.status).toBe('active');
    expect((await api('POST', `/exchange/members/${id}/terminate`, exchange.staffToken, { reason: '严重违规' })).body.status).toBe('terminated');
    // Terminated, the organisation may apply again; an open application may be withdrawn by its own administrator only.
    const again = await api('POST', '/exchange/members', seller.adminToken, application('seller'));
    expect(again.status).toBe(201);
    expect((await api('POST', `/exchange/members/${again.body.id}/withdraw`, other.adminToken)).status).toBe(404);
    expect((await api('POST', `/exchange/members/${again.body.id}/withdraw`, seller.adminToken)).body.status).toBe('withdrawn');

    // Evidence for every change.
    await h().lt.flush();
    const entries = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${id}&pageSize=50&order=asc`, { token: h().adminToken })).body.items;
    expect(entries.map((e: { entry: { type: string }; payload: { action?: string } }) => `${e.entry.type}${e.payload.action ? `:${e.payload.action}` : ''}`)).toEqual([
      'exchange.member.applied', 'exchange.member.file_added', 'exchange.member.changed:approve', 'exchange.member.changed:suspend', 'exchange.member.changed:reinstate', 'exchange.member.changed:terminate',
    ]);
  });

  it('the bureau certifies brokers; a broker member needs a certificate in force; a client mandates it; suspension and revocation bite', async () => {
    const brokerOrg = await h().org(['broker'], 'Broker');
    const plain = await h().org(['enterprise'], 'NotBroker');
    const client = await h().org(['enterprise'], 'Client');
    const outsider = await h().org(['enterprise'], 'Outsider');

    // Certification: the bureau only; an organisation with the broker role; a validity.
    const body = { orgId: brokerOrg.id, industries: ['能源', '金融'], validFrom: today(), validUntil: inDays(365) };
    expect((await api('POST', '/exchange/brokers', exchange.staffToken, body)).status).toBe(403);
    expect((await api('POST', '/exchange/brokers', bureau.staffToken, { ...body, orgId: plain.id })).body.error.details).toEqual({ reason: 'organisation_lacks_broker_role' });
    expect((await api('POST', '/exchange/brokers', bureau.staffToken, { ...body, validUntil: inDays(-400), validFrom: inDays(-800) })).body.error.details).toEqual({ reason: 'validity_in_the_past' });

    // Without a certificate the broker's membership cannot be approved.
    const applied = await api('POST', '/exchange/members', brokerOrg.adminToken, application('broker'));
    await file(applied.body.id, brokerOrg.staffToken);
    expect((await api('POST', `/exchange/members/${applied.body.id}/approve`, exchange.staffToken, {})).body.error).toMatchObject({ code: 'EXCHANGE_BROKER_NOT_CERTIFIED', details: { standing: 'none' } });

    const cert = await api('POST', '/exchange/brokers', bureau.staffToken, body);
    expect(cert.status).toBe(201);
    expect(cert.body).toMatchObject({ status: 'active', standing: 'in_force', industries: ['能源', '金融'] });
    expect(cert.body.number).toMatch(new RegExp(`^GDDB-${today().slice(0, 4)}-\\d{4}$`));
    expect((await api('POST', '/exchange/brokers', bureau.staffToken, body)).body.error.code).toBe('EXCHANGE_BROKER_EXISTS');
    expect((await api('POST', `/exchange/members/${applied.body.id}/approve`, exchange.staffToken, {})).body.status).toBe('active');
    const register = await h().call('GET', '/api/v1/public/exchange/brokers?industry=能源&pageSize=200');
    expect(register.body.items.find((b: { id: string }) => b.id === cert.body.id)).toMatchObject({ number: cert.body.number, standing: 'in_force' });

    // A mandate: the client must be an active member; the broker certified and a broker member; bounds checked.
    const mandate = { brokerOrgId: brokerOrg.id, side: 'sell', scope: '代理挂牌企业用电数据产品并撮合交易', commissionBp: 150, validUntil: inDays(180) };
    expect((await api('POST', '/exchange/mandates', client.adminToken, mandate)).body.error).toMatchObject({ code: 'EXCHANGE_NOT_MEMBER' });
    await admitted(client, 'seller');
    expect((await api('POST', '/exchange/mandates', client.adminToken, { ...mandate, brokerOrgId: plain.id })).body.error.code).toBe('EXCHANGE_BROKER_NOT_CERTIFIED');
    expect((await api('POST', '/exchange/mandates', client.adminToken, { ...mandate, validUntil: inDays(400) })).body.error.details).toEqual({ reason: 'beyond_the_broker_certificate' });
    expect((await api('POST', '/exchange/mandates', client.adminToken, { ...mandate, commissionBp: 3001 })).status).toBe(400);
    expect((await api('POST', '/exchange/mandates', client.staffToken, mandate)).status).toBe(403);
    const made = await api('POST', '/exchange/mandates', client.adminToken, mandate);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'active', inForce: true, commissionBp: 150, clientOrgId: client.id, brokerOrgId: brokerOrg.id });
    expect((await api('GET', `/exchange/mandates/${made.body.id}`, outsider.adminToken)).status).toBe(404);
    expect((await api('GET', '/exchange/mandates?box=broker', brokerOrg.auditorToken)).body.items.map((m: { id: string }) => m.id)).toEqual([made.body.id]);
    expect((await api('GET', '/exchange/mandates', outsider.adminToken)).body.total).toBe(0);
    const members = h().lt.exchange.members;
    await expect(members.mandateFor(brokerOrg.id, client.id, 'sell')).resolves.toMatchObject({ id: made.body.id });
    await expect(members.mandateFor(brokerOrg.id, client.id, 'buy')).rejects.toMatchObject({ code: 'EXCHANGE_MANDATE_INVALID', details: { reason: 'no_mandate' } });

    // A suspended broker cannot act; reinstated it can; revoked, its mandates end.
    const act = (action: string, reason = '检查发现超范围经营') => api('POST', `/exchange/brokers/${cert.body.id}/${action}`, bureau.staffToken, { reason });
    expect((await api('POST', `/exchange/brokers/${cert.body.id}/suspend`, bureau.staffToken, { reason: '' })).status).toBe(400);
    expect((await act('suspend')).body).toMatchObject({ status: 'suspended', standing: 'suspended' });
    await expect(members.mandateFor(brokerOrg.id, client.id, 'sell')).rejects.toMatchObject({ code: 'EXCHANGE_BROKER_NOT_CERTIFIED', details: { standing: 'suspended' } });
    expect((await act('reinstate', '整改完成')).body.standing).toBe('in_force');
    await expect(members.mandateFor(brokerOrg.id, client.id, 'sell')).resolves.toMatchObject({ id: made.body.id });
    expect((await act('revoke', '出借资质')).body.status).toBe('revoked');
    expect((await api('GET', `/exchange/mandates/${made.body.id}`, client.auditorToken)).body).toMatchObject({ status: 'ended', inForce: false, endedByOrgId: bureau.id });
    expect((await act('reinstate')).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
    const sanctions = (await h().call('GET', '/api/v1/public/exchange/sanctions?pageSize=50')).body.items.filter((s: { subjectId: string }) => s.subjectId === cert.body.id);
    expect(sanctions.map((s: { action: string }) => s.action)).toEqual(['revoke', 'suspend']);

    // Either party ends a mandate; a stranger cannot.
    const second = await api('POST', '/exchange/brokers', bureau.staffToken, { ...body, validUntil: inDays(200) });
    expect(second.status).toBe(201);
    const m2 = await api('POST', '/exchange/mandates', client.adminToken, { ...mandate, side: 'both' });
    expect(m2.status).toBe(201);
    expect((await api('POST', `/exchange/mandates/${m2.body.id}/end`, outsider.adminToken)).status).toBe(404);
    expect((await api('POST', `/exchange/mandates/${m2.body.id}/end`, exchange.adminToken)).body.error.code).toBe('EXCHANGE_NOT_PARTY');
    expect((await api('POST', `/exchange/mandates/${m2.body.id}/end`, brokerOrg.adminToken)).body).toMatchObject({ status: 'ended', endedByOrgId: brokerOrg.id });
    expect((await api('POST', `/exchange/mandates/${m2.body.id}/end`, client.adminToken)).body.error.code).toBe('EXCHANGE_STATE_CONFLICT');
  });
});
