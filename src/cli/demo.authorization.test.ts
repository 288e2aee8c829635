import { describe, expect, it } from 'vitest';
import { useLiutong } from '../../test/harness.js';
import { seedDemo } from './demo.seed.js';

describe('demo authorized operation', () => {
  const h = useLiutong('pglite');

  it('puts one agreement in force with both seals, its grants and a product, and leaves one application to review, through the services', async () => {
    const lt = h().lt;
    expect((await seedDemo(lt, 'Demo-Passw0rd-1', { scale: 0.02 })).seeded).toBe(true);
    const bureau = (await lt.identity.organisations.list({ q: '政务服务和数据管理局', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0]!;
    const { items } = await lt.authorization.agreements.list({ kind: 'user', orgId: bureau.id, orgRoles: ['data_bureau', 'implementing_body'], memberRole: 'staff', personRoles: [], displayName: 't' }, { role: 'implementing_body', page: 1, pageSize: 10 });
    expect(items.map((a) => a.status).sort()).toEqual(['active', 'applied']);
    const active = items.find((a) => a.status === 'active')!;
    expect(active.grantIds).toHaveLength(2);
    const seals = await lt.authorization.agreements.verifySeals(active.id, null);
    expect([seals.implementingBody.valid, seals.operator.valid]).toEqual([true, true]);
    const products = await lt.authorization.products.list({ kind: 'user', orgId: active.operatorOrgId, orgRoles: ['operator'], memberRole: 'staff', personRoles: [], displayName: 't' }, { page: 1, pageSize: 10 });
    // The credit score API, and the risk alert API the demo market lists (demo.market.ts).
    expect(products.items.map((p) => [p.name.zh, p.fee]).sort()).toEqual([['中小企业信用评分接口', { amount: '0.08', unit: '元/次' }], ['企业经营风险预警接口', { amount: '0.09', unit: '元/次' }]]);
    expect(products.items.every((p) => p.agreementId === active.id && p.kind === 'api')).toBe(true);
    await lt.flush();
    const events = await lt.ledger.entries({ type: 'authorization.agreement.activated', order: 'asc', page: 1, pageSize: 10 }, null);
    expect(events.total).toBe(1);
  });

  it('defines the data items and leaves the bank\'s 电费贷 request in the factory\'s space, whose data exists', async () => {
    const lt = h().lt;
    expect((await lt.authorization.dataItems.list({})).items.map((i) => i.code).sort()).toEqual(['ELEC.MONTHLY', 'ORG.REGISTRATION', 'PERSON.BASIC', 'PERSON.SOCIAL_INSURANCE', 'SOCIAL.INSURANCE', 'TAX.CREDIT_RATING']);
    const factory = (await lt.identity.organisations.list({ q: '佛山某制造', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0]!;
    const inbox = await lt.authorization.consents.list({ kind: 'user', orgId: factory.id, orgRoles: ['enterprise'], memberRole: 'staff', personRoles: [], displayName: 't' }, { box: 'holder', page: 1, pageSize: 10 });
    expect(inbox.items).toEqual([expect.objectContaining({ status: 'pending', periodFrom: '2025-11', periodTo: '2026-10', items: [expect.objectContaining({ code: 'ELEC.MONTHLY' }), expect.objectContaining({ code: 'TAX.CREDIT_RATING' })] })]);
    // The factory's legal representative can bind it against the registry; a resident checks against the population base.
    expect(await lt.authorization.verifier.legalPerson(factory.uscc!, '佛山某制造有限公司（演示）', '陈志明')).toEqual({ match: true });
    const resident = (await lt.catalog.mounts.queryRows((await lt.catalog.resources.list(null, { q: '人口基础信息', page: 1, pageSize: 1 })).items[0]!.id, { version: 1, offset: 0, limit: 1 })).rows[0]!;
    expect(await lt.authorization.verifier.naturalPerson(String(resident.id_number), String(resident.name))).toEqual({ match: true });
    expect(await lt.authorization.verifier.naturalPerson(String(resident.id_number), '不是本人')).toEqual({ match: false, reason: 'name_mismatch' });
    // The personal case: the citizen's account and the bank's request by her resident ID.
    const citizen = await h().login('citizen', 'Demo-Passw0rd-1');
    const mine = await h().call('GET', '/api/v1/authorization/consents?box=holder', { token: citizen });
    expect(mine.body.items).toEqual([expect.objectContaining({ status: 'pending', holderKind: 'natural_person', items: [expect.objectContaining({ code: 'PERSON.SOCIAL_INSURANCE' })] })]);
    // Licences: her identity card and driving licence, the factory's business licence, each verifying.
    const held = (await h().call('GET', '/api/v1/authorization/space/licences', { token: citizen })).body.items as Array<{ state: string; document: { licenceType: { code: string } }; seal: unknown }>;
    expect(held.map((l) => [l.document.licenceType.code, l.state]).sort()).toEqual([['DRIVING_LICENCE', 'valid'], ['RESIDENT_ID', 'valid']]);
    const factoryLicences = await lt.authorization.spaces.licences({ kind: 'user', orgId: factory.id, orgRoles: ['enterprise'], memberRole: 'staff', personRoles: [], displayName: 't' });
    expect(factoryLicences.items.map((l) => l.document.licenceType.code)).toEqual(['BUSINESS_LICENCE']);
    for (const l of [...held, ...factoryLicences.items]) expect((await lt.authorization.licences.verify(l.document, l.seal)).valid).toBe(true);
    // Approving works end to end: the factory's own rows exist in both resources.
    const approved = await lt.authorization.consents.approve(inbox.items[0]!.id, null);
    expect(approved.grantIds).toHaveLength(2);
  });
});
