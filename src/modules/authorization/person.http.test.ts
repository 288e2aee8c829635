import { beforeAll, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../platform/uscc.validator.js';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';

const id = (first17: string) => first17 + residentIdCheckChar(first17);
const ALICE = id('44010619900307002');
const BOB = id('44030419851111003');
const CAROL = id('44060419921212004');
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const PASSWORD = 'Person-Passw0rd!';

describeEachEngine('individuals (个人账户): sign-up against the population base, the personal space and personal authorizations', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let police: TestOrg;
  let bank: TestOrg;
  let social: string;
  let socialItem: string;

  const G = (level: number, pi = 'none') => ({ level: 'general', generalLevel: level, personalInfo: pi });
  const published = (owner: TestOrg, title: string, fields: unknown[], csv: string) =>
    h().publishedTable(owner, bureau, { title: { zh: title, en: title }, categoryId: 'cat_base0000000000000001', sharing: { type: 'conditional', conditions: '依法履职' }, open: { type: 'none' }, fields }, csv);
  const signUp = (body: Record<string, unknown>) => h().call('POST', '/api/v1/public/accounts/individual', { body: { name: '张丽', residentId: ALICE, phone: '13800138001', username: 'zhangli', password: PASSWORD, ...body } });

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    police = await h().org(['source_unit'], 'Police', 'government');
    bank = await h().org(['enterprise'], 'Bank');
    const pi = G(3, 'personal');
    const population = await published(police, '人口库（个人测试）', [
      { name: 'id_number', label: { zh: '身份号码', en: 'ID' }, dataType: 'string', key: true, grade: { level: 'important', personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] } },
      { name: 'name', label: { zh: '姓名', en: 'Name' }, dataType: 'string', grade: pi },
    ], `id_number,name\n${ALICE},张丽\n${BOB},李强\n${CAROL},王芳\n`);
    social = await published(police, '个人社保缴费（个人测试）', [
      { name: 'id_number', label: { zh: '身份号码', en: 'ID' }, dataType: 'string', key: true, grade: { level: 'important', personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] } },
      { name: 'month', label: { zh: '月份', en: 'Month' }, dataType: 'string', key: true, grade: G(1) },
      { name: 'paid', label: { zh: '缴费', en: 'Paid' }, dataType: 'decimal', grade: pi },
    ], ['id_number,month,paid', ...MONTHS.map((m, i) => `${ALICE},${m},${800 + i}`), ...MONTHS.map((m) => `${BOB},${m},500`)].join('\n'));
    const item = (code: string, resourceId: string, fields: string[], periodField: string | null) =>
      h().call('POST', '/api/v1/authorization/data-items', { token: bureau.staffToken, body: { code, name: { zh: code, en: code }, resourceId, subjectKind: 'natural_person', subjectField: 'id_number', fields, periodField } });
    expect((await item('PERSON.BASIC', population, ['name'], null)).status).toBe(201);
    socialItem = (await item('PERSON.SOCIAL', social, ['paid'], 'month')).body.id;
  });

  it('signs a person up only with a valid number that matches the population base, keeps the number sealed, once per person', async () => {
    expect((await signUp({ residentId: `${ALICE.slice(0, 17)}${ALICE[17] === '0' ? '1' : '0'}` })).body.error).toMatchObject({ code: 'AUTHORIZATION_RESIDENT_ID_INVALID', details: { reason: 'checksum' } });
    expect((await signUp({ phone: '12345' })).body.error.code).toBe('REQUEST_VALIDATION_FAILED');
    const wrong = await signUp({ name: '张莉' });
    expect(wrong.body.error).toMatchObject({ code: 'AUTHORIZATION_REAL_NAME_FAILED', details: { reason: 'not_verified' } });
    const ok = await signUp({});
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ username: 'zhangli', name: '张丽', residentIdMasked: `4401**********${ALICE.slice(14)}` });
    const org = await h().lt.identity.organisations.get(ok.body.orgId);
    expect(org).toMatchObject({ type: 'individual', uscc: null, roles: ['individual'] });
    const row = await h().lt.kernel.db.selectFrom('authorization_person' as never).selectAll().executeTakeFirst() as Record<string, string>;
    expect(JSON.stringify(row)).not.toContain(ALICE);
    await h().lt.flush();
    const events = (await h().call('GET', '/api/v1/ledger/entries?type=authorization.person.registered&pageSize=5', { token: h().adminToken })).body.items;
    expect(JSON.stringify(events)).not.toContain(ALICE);
    expect((await signUp({ username: 'zhangli2' })).body.error.code).toBe('AUTHORIZATION_PERSON_EXISTS');
    // The account logs in like any other.
    expect(await h().login('zhangli', PASSWORD)).toMatch(/\S{20,}/);
  });

  it("the person's space shows its own records only; a bank asks by resident ID; the consent record carries the number masked", async () => {
    const alice = await h().login('zhangli', PASSWORD);
    expect((await signUp({ name: '李强', residentId: BOB, username: 'liqiang', phone: '13800138002' })).status).toBe(201);
    const bob = await h().login('liqiang', PASSWORD);
    const space = await h().call('GET', '/api/v1/authorization/space', { token: alice });
    expect(space.status, JSON.stringify(space.body)).toBe(200);
    expect(space.body.holder).toMatchObject({ kind: 'natural_person', uscc: null, idMasked: `4401**********${ALICE.slice(14)}` });
    expect(space.body.items.map((i: any) => i.code).sort()).toEqual(['PERSON.BASIC', 'PERSON.SOCIAL']);
    const mine = await h().call('GET', `/api/v1/authorization/space/items/${socialItem}/rows`, { token: alice });
    expect(mine.body.items.map((r: any) => [r.id_number, r.month])).toEqual(MONTHS.map((m) => [ALICE, m]));
    expect((await h().call('POST', '/api/v1/authorization/space/binding', { token: alice, body: { legalRep: '张丽' } })).body.error.code).toBe('AUTHORIZATION_NOT_A_HOLDER');

    const ask = (residentId: string) => h().call('POST', '/api/v1/authorization/consents', {
      token: bank.staffToken,
      body: { holderResidentId: residentId, itemIds: [socialItem], purpose: 'credit_approval', purposeText: '个人消费贷：核验社保缴费', periodFrom: '2026-01', periodTo: '2026-03', validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), maxUses: 5 },
    });
    expect((await ask(CAROL)).body.error.code).toBe('AUTHORIZATION_HOLDER_NOT_FOUND');
    const r = await ask(ALICE);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ holderKind: 'natural_person', holderUscc: null, holderIdMasked: `4401**********${ALICE.slice(14)}` });
    const stored = await h().lt.kernel.db.selectFrom('authorization_consent' as never).selectAll().where('id' as never, '=', r.body.id as never).executeTakeFirst();
    expect(JSON.stringify(stored)).not.toContain(ALICE);
    // Another person neither sees nor decides it.
    expect((await h().call('GET', `/api/v1/authorization/consents/${r.body.id}`, { token: bob })).status).toBe(404);
    expect((await h().call('POST', `/api/v1/authorization/consents/${r.body.id}/approve`, { token: bob })).status).toBe(404);
    const a = await h().call('POST', `/api/v1/authorization/consents/${r.body.id}/approve`, { token: alice });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.record.piiPrincipal).toMatchObject({ kind: 'natural_person', identifier: { scheme: 'resident_id', value: `4401**********${ALICE.slice(14)}` } });
    expect(JSON.stringify(a.body.record)).not.toContain(ALICE);
    const rows = await h().call('GET', `/api/v1/data/${social}/rows?grant=${a.body.grantIds[0]}`, { token: bank.staffToken });
    expect(rows.status, JSON.stringify(rows.body)).toBe(200);
    expect(rows.body.items).toHaveLength(3);
    expect(rows.body.items.every((x: any) => x.month >= '2026-01')).toBe(true);
  });

  it('limits sign-up attempts that reach the real-name check, per client address', async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await signUp({ name: `不存在${i}`, residentId: CAROL, username: `nobody${i}` })).status;
    expect(last).toBe(429);
  });
});
