import { beforeAll, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../platform/uscc.validator.js';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const id = (first17: string) => first17 + residentIdCheckChar(first17);
const ALICE = id('44010619900307002');
const BOB = id('44030419851111003');
const PASSWORD = 'Person-Passw0rd!';

describeEachEngine('licences (电子证照) issued by source units into the digital spaces', (engine) => {
  const h = useLiutong(engine, {}, {});
  let bureau: TestOrg;
  let market: TestOrg;
  let police: TestOrg;
  let factory: TestOrg;
  let other: TestOrg;
  let bank: TestOrg;
  let factoryUscc: string;
  let factoryName: string;
  let aliceToken: string;
  let aliceOrg: string;

  const issue = (token: string, body: Record<string, unknown>) => h().call('POST', '/api/v1/authorization/licences', { token, body });
  const businessLicence = (over: Record<string, unknown> = {}) => ({
    type: 'BUSINESS_LICENCE', number: factoryUscc, holder: { id: factoryUscc, name: factoryName },
    fields: { legal_rep: '陈志明', entity_type: '有限责任公司（自然人投资或控股）', address: '佛山市南海区狮山镇' }, validFrom: '2018-03-01', validTo: null, ...over,
  });
  const count = async () => Number((await h().lt.kernel.db.selectFrom('authorization_licence' as never).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst())?.n);
  const verify = (document: unknown, seal: unknown) => h().call('POST', '/api/v1/public/authorization/licences/verify', { body: { document, seal } });

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    market = await h().org(['source_unit'], 'Market', 'government');
    police = await h().org(['source_unit'], 'Police', 'government');
    factory = await h().org(['enterprise'], 'Factory');
    other = await h().org(['enterprise'], 'Other');
    bank = await h().org(['enterprise'], 'Bank');
    const f = (await h().call('GET', `/api/v1/orgs/${factory.id}`, { token: factory.staffToken })).body;
    factoryUscc = f.uscc;
    factoryName = f.name.zh;
    // A population base to sign Alice up against (Bob has no account).
    const population = await h().publishedTable(police, bureau, {
      title: { zh: '人口库（证照测试）', en: 'Population (licence test)' }, categoryId: 'cat_base0000000000000001', sharing: { type: 'conditional', conditions: '依法履职' }, open: { type: 'none' },
      fields: [
        { name: 'id_number', label: { zh: '身份号码', en: 'ID' }, dataType: 'string', key: true, grade: { level: 'important', personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] } },
        { name: 'name', label: { zh: '姓名', en: 'Name' }, dataType: 'string', grade: { level: 'general', generalLevel: 3, personalInfo: 'personal' } },
      ],
    }, `id_number,name\n${ALICE},张丽\n${BOB},李强\n`);
    expect((await h().call('POST', '/api/v1/authorization/data-items', { token: bureau.staffToken, body: { code: 'PERSON.BASIC', name: { zh: '基本信息', en: 'Basic' }, resourceId: population, subjectKind: 'natural_person', subjectField: 'id_number', fields: ['name'] } })).status).toBe(201);
    const up = await h().call('POST', '/api/v1/public/accounts/individual', { body: { name: '张丽', residentId: ALICE, phone: '13800138001', username: 'zhangli-lic', password: PASSWORD } });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    aliceOrg = up.body.orgId;
    aliceToken = await h().login('zhangli-lic', PASSWORD);
  });

  it('lists the enabled types with their content fields', async () => {
    const r = await h().call('GET', '/api/v1/authorization/licence-types', { token: bank.auditorToken });
    expect(r.status).toBe(200);
    expect(r.body.items.map((t: { code: string }) => t.code)).toEqual(['BUSINESS_LICENCE', 'FOOD_BUSINESS_LICENCE', 'RESIDENT_ID', 'DRIVING_LICENCE']);
    expect(r.body.items[0]).toMatchObject({ name: { zh: '营业执照' }, holderKind: 'legal_person', numberIsHolderId: true });
    expect(r.body.items[1]).toMatchObject({ numberIsHolderId: false, numberPattern: '^JY\\d{14}$' });
  });

  it('refuses bad licences with stable codes and stores nothing; only source units issue', async () => {
    const before = await count();
    expect((await issue(bank.staffToken, businessLicence())).status).toBe(403);
    expect((await issue(market.auditorToken, businessLicence())).status).toBe(403);
    const bad = async (over: Record<string, unknown>, reason: string) => {
      const r = await issue(market.staffToken, businessLicence(over));
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'AUTHORIZATION_LICENCE_INVALID', details: { reason } });
    };
    const wrongCheck = `${factoryUscc.slice(0, 17)}${factoryUscc[17] === '0' ? '1' : '0'}`;
    await bad({ holder: { id: wrongCheck, name: factoryName }, number: wrongCheck }, 'holder_uscc');
    await bad({ number: '91440101MA5C0THER9' }, 'number_is_holder_id');
    await bad({ fields: { colour: '红' } }, 'unknown_field:colour');
    await bad({ fields: { legal_rep: '  ' } }, 'field_value:legal_rep');
    await bad({ validFrom: '2018-02-30' }, 'valid_from');
    await bad({ validTo: '2017-12-31' }, 'valid_to');
    await bad({ type: 'FOOD_BUSINESS_LICENCE', number: 'JY1234', fields: {} }, 'number_format');
    await bad({ type: 'RESIDENT_ID', number: factoryUscc, fields: {} }, 'holder_resident_id_format');
    expect((await issue(market.staffToken, businessLicence({ type: 'PASSPORT' }))).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  it('issues a sealed business licence the holder sees and downloads, anyone verifies, and the issuer revokes', async () => {
    const r = await issue(market.staffToken, businessLicence());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ type: 'BUSINESS_LICENCE', typeName: { zh: '营业执照' }, numberMasked: factoryUscc, holderKind: 'legal_person', holderName: factoryName, issuer: { orgId: market.id }, state: 'valid', validTo: null });
    const licenceId = r.body.id as string;
    // One valid licence per type and number.
    expect((await issue(market.staffToken, businessLicence())).body.error.code).toBe('AUTHORIZATION_LICENCE_DUPLICATE');

    // The factory's space: the document, with the factory's own identifiers, under the issuer's seal.
    const held = await h().call('GET', '/api/v1/authorization/space/licences', { token: factory.auditorToken });
    expect(held.status).toBe(200);
    expect(held.body.items).toHaveLength(1);
    const l = held.body.items[0];
    expect(l).toMatchObject({
      id: licenceId, state: 'valid', seal: { orgId: market.id, alg: 'Ed25519' },
      document: {
        type: 'liutong.licence', id: licenceId, number: factoryUscc, licenceType: { code: 'BUSINESS_LICENCE' }, holder: { kind: 'legal_person', identifier: { scheme: 'USCC', value: factoryUscc }, name: factoryName },
        issuer: { orgId: market.id }, validFrom: '2018-03-01', validTo: null,
      },
    });
    expect(l.document.content.map((c: { key: string }) => c.key)).toEqual(['entity_type', 'legal_rep', 'address']);
    const one = await h().call('GET', `/api/v1/authorization/space/licences/${licenceId}`, { token: factory.staffToken });
    expect(one.body).toEqual(l);
    // Nobody else holds it.
    expect((await h().call('GET', '/api/v1/authorization/space/licences', { token: other.staffToken })).body.items).toEqual([]);
    expect((await h().call('GET', `/api/v1/authorization/space/licences/${licenceId}`, { token: other.staffToken })).status).toBe(404);
    expect((await h().call('GET', '/api/v1/authorization/space/licences', { token: market.staffToken })).status).toBe(403);
    // The holder is told.
    const inbox = (await h().call('GET', '/api/v1/notifications?pageSize=50', { token: factory.auditorToken })).body.items;
    expect(inbox.find((n: { kind: string }) => n.kind === 'licence.issued')).toMatchObject({ subject: { type: 'authorization_licence', id: licenceId }, payload: { licenceType: 'BUSINESS_LICENCE', issuerOrgId: market.id } });

    // Anyone verifies the downloaded document; a changed word or another seal fails.
    const ok = await verify(l.document, l.seal);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, signature: 'valid', registered: true, issuerMatches: true, state: 'valid', licenceType: 'BUSINESS_LICENCE', issuer: { orgId: market.id } });
    const forged = await verify({ ...l.document, holder: { ...l.document.holder, name: '别的公司' } }, l.seal);
    expect(forged.body).toMatchObject({ valid: false, signature: 'digest_mismatch' });
    // A document the police sealed itself, claiming the market regulator issued it, is not this licence.
    const sealedByPolice = await h().lt.identity.seals.sign(police.id, { ...l.document, number: factoryUscc }, null, 'test');
    expect((await verify(l.document, sealedByPolice)).body).toMatchObject({ valid: false, signature: 'valid', issuerMatches: false });
    expect((await verify({ id: 'lic_nothing' }, l.seal)).body).toMatchObject({ valid: false, registered: false, state: 'unknown' });

    // The issuer's list shows it; another source unit neither sees nor revokes it; the bureau oversees.
    expect((await h().call('GET', '/api/v1/authorization/licences?type=BUSINESS_LICENCE', { token: market.auditorToken })).body.items.map((x: { id: string }) => x.id)).toContain(licenceId);
    expect((await h().call('GET', '/api/v1/authorization/licences', { token: police.staffToken })).body.items.map((x: { id: string }) => x.id)).not.toContain(licenceId);
    expect((await h().call('GET', `/api/v1/authorization/licences/${licenceId}`, { token: police.staffToken })).status).toBe(404);
    expect((await h().call('GET', `/api/v1/authorization/licences?issuerOrgId=${market.id}`, { token: bureau.auditorToken })).body.items.map((x: { id: string }) => x.id)).toContain(licenceId);
    expect((await h().call('POST', `/api/v1/authorization/licences/${licenceId}/revoke`, { token: police.staffToken, body: { reason: '越权' } })).status).toBe(404);
    expect((await h().call('POST', `/api/v1/authorization/licences/${licenceId}/revoke`, { token: bureau.staffToken, body: { reason: '越权' } })).status).toBe(404);

    const revoked = await h().call('POST', `/api/v1/authorization/licences/${licenceId}/revoke`, { token: market.staffToken, body: { reason: '企业申请注销登记' } });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'revoked', revokeReason: '企业申请注销登记' });
    expect((await h().call('POST', `/api/v1/authorization/licences/${licenceId}/revoke`, { token: market.staffToken, body: { reason: '再次' } })).body.error.code).toBe('AUTHORIZATION_LICENCE_STATE_CONFLICT');
    expect((await verify(l.document, l.seal)).body).toMatchObject({ valid: false, signature: 'valid', state: 'revoked' });
    expect((await h().call('GET', '/api/v1/authorization/space/licences', { token: factory.auditorToken })).body.items[0]).toMatchObject({ id: licenceId, state: 'revoked' });
    const told = (await h().call('GET', '/api/v1/notifications?pageSize=50', { token: factory.auditorToken })).body.items;
    expect(told.some((n: { kind: string; subject: { id: string } }) => n.kind === 'licence.revoked' && n.subject.id === licenceId)).toBe(true);
    // Once revoked, the number may be licensed again.
    expect((await issue(market.staffToken, businessLicence({ validFrom: '2026-11-01' }))).status).toBe(201);

    // Evidence: issue and revocation on the ledger.
    await h().lt.flush();
    const trail = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${licenceId}&order=asc&pageSize=20`, { token: h().adminToken })).body.items.map((e: { entry: { type: string } }) => e.entry.type);
    expect(trail).toEqual(['authorization.licence.issued', 'authorization.licence.revoked']);
  });

  it("issues a person's identity card and driving licence to her space only; the number is never stored or logged in clear", async () => {
    const card = await issue(police.staffToken, { type: 'RESIDENT_ID', number: ALICE, holder: { id: ALICE, name: '张丽' }, fields: { sex: '女', ethnicity: '汉', birth_date: '1990-03-07', address: '广州市天河区' }, validFrom: '2020-05-01', validTo: '2040-05-01' });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    expect(card.body).toMatchObject({ numberMasked: `4401**********${ALICE.slice(14)}`, holderMasked: `4401**********${ALICE.slice(14)}`, holderKind: 'natural_person' });
    // The driving licence number is the identity number; an expired one shows as expired.
    const old = await issue(police.staffToken, { type: 'DRIVING_LICENCE', number: ALICE, holder: { id: ALICE, name: '张丽' }, fields: { vehicle_class: 'C1' }, validFrom: '2012-06-01', validTo: '2018-06-01' });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(old.body.state).toBe('expired');
    const bobs = await issue(police.staffToken, { type: 'RESIDENT_ID', number: BOB, holder: { id: BOB, name: '李强' }, fields: {}, validFrom: '2020-01-01' });
    expect(bobs.status).toBe(201);
    // An enterprise-only type cannot go to a person, nor a person's to a company.
    expect((await issue(police.staffToken, { type: 'RESIDENT_ID', number: factoryUscc, holder: { id: factoryUscc, name: factoryName }, fields: {}, validFrom: '2020-01-01' })).status).toBe(400);

    const mine = await h().call('GET', '/api/v1/authorization/space/licences', { token: aliceToken });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((l: { document: { licenceType: { code: string } }; state: string }) => [l.document.licenceType.code, l.state]).sort()).toEqual([['DRIVING_LICENCE', 'expired'], ['RESIDENT_ID', 'valid']]);
    expect(mine.body.items.find((l: { id: string }) => l.id === card.body.id).document).toMatchObject({ number: ALICE, holder: { identifier: { scheme: 'RESIDENT_ID', value: ALICE } } });
    expect(JSON.stringify(mine.body)).not.toContain(BOB);
    const expired = mine.body.items.find((l: { id: string }) => l.id === old.body.id);
    expect((await verify(expired.document, expired.seal)).body).toMatchObject({ valid: false, signature: 'valid', state: 'expired' });
    // Her inbox has the two new licences; Bob has no account, so nobody else was told.
    const inbox = (await h().call('GET', '/api/v1/notifications?pageSize=50', { token: aliceToken })).body.items.filter((n: { kind: string }) => n.kind === 'licence.issued');
    expect(inbox).toHaveLength(2);
    expect(aliceOrg).toMatch(/^org_/);

    // Stored and logged only masked or hashed: the document is encrypted.
    const rows = await h().lt.kernel.db.selectFrom('authorization_licence' as never).selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(ALICE);
    expect(JSON.stringify(rows)).not.toContain(BOB);
    await h().lt.flush();
    const events = (await h().call('GET', '/api/v1/ledger/entries?type=authorization.licence.issued&pageSize=50', { token: h().adminToken })).body.items;
    expect(JSON.stringify(events)).not.toContain(ALICE);
    // The police's list masks them too.
    const list = await h().call('GET', '/api/v1/authorization/licences?type=RESIDENT_ID', { token: police.auditorToken });
    expect(list.body.total).toBe(2);
    expect(JSON.stringify(list.body)).not.toContain(ALICE);
  });
});
