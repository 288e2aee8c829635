/** Route cases: authorized operation (授权运营) — agreements, products, annual disclosures. */
import { expect } from 'vitest';
import { randomUscc, type Reply, type TestOrg } from '../harness.js';
import { deny, PUBLIC, type Case, type Ctx } from './route.cases.js';
import { residentIdCheckChar } from '../../src/platform/uscc.validator.js';
import { SHARING, sharedResource } from './sharing.cases.js';

interface Fixture {
  impl: TestOrg;
  operator: TestOrg;
  resource: string;
}
const fixtures = new WeakMap<Ctx, Promise<Fixture>>();
function fixture(c: Ctx): Promise<Fixture> {
  let f = fixtures.get(c);
  if (!f) {
    f = (async () => ({
      impl: await c.h.org(['implementing_body'], 'Impl', 'government'),
      operator: await c.h.org(['operator', 'enterprise'], 'Operator'),
      resource: await sharedResource(c.h, c.gov, c.dbA, SHARING.conditional, `aut${c.n()}`),
    }))();
    fixtures.set(c, f);
  }
  return f;
}

/** Today in Asia/Shanghai, and a year on (the term of the agreements below). */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const nextYear = () => `${Number(today().slice(0, 4)) + 1}${today().slice(4, 10) === '-02-29' ? '-02-28' : today().slice(4)}`;
const applyBody = (f: Fixture, over: Record<string, unknown> = {}) => ({
  implementingOrgId: f.impl.id, mode: 'whole', scenarios: [], scope: [{ resourceId: f.resource, fields: ['uscc', 'kwh'] }],
  termFrom: today(), termTo: nextYear(), feeCap: { amount: '1.00', unit: '元/次' }, securityObligations: '数据不出域。', ...over,
});

type State = 'applied' | 'reviewed' | 'signed' | 'active' | 'suspended';
const STEPS: Array<[State, (f: Fixture) => [string, string, unknown?]]> = [
  ['reviewed', (f) => ['review', f.impl.staffToken, {}]],
  ['reviewed', (f) => ['seal', f.impl.adminToken]],
  ['signed', (f) => ['seal', f.operator.adminToken]],
  ['active', (f) => ['activate', f.impl.staffToken]],
  ['suspended', (f) => ['suspend', f.impl.staffToken, { reason: '整改' }]],
];
const ORDER: State[] = ['applied', 'reviewed', 'signed', 'active', 'suspended'];

/** A fresh agreement of the fixture's operator, taken to `state`. */
async function agreement(c: Ctx, state: State): Promise<string> {
  const f = await fixture(c);
  const r = await c.h.call('POST', '/api/v1/authorization/agreements', { token: f.operator.staffToken, body: applyBody(f) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  const steps = STEPS.slice(0, [0, 2, 3, 4, 5][ORDER.indexOf(state)]);
  for (const [, step] of steps) {
    const [action, token, body] = step(f);
    const s = await c.h.call('POST', `/api/v1/authorization/agreements/${id}/${action}`, { token, ...(body !== undefined ? { body } : {}) });
    expect(s.status, `${action}: ${JSON.stringify(s.body)}`).toBe(200);
  }
  return id;
}

async function product(c: Ctx): Promise<string> {
  const f = await fixture(c);
  const id = await agreement(c, 'active');
  const r = await c.h.call('POST', `/api/v1/authorization/agreements/${id}/products`, { token: f.operator.staffToken, body: { name: { zh: '用电指数', en: 'Power index' }, kind: 'indicator', resourceIds: [f.resource], scenario: '信贷' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/**
 * A disclosure needs an agreement in force in a year that has ended, which the API cannot create
 * today (a term may not lie in the past): the test writes one signed last year directly.
 */
async function lastYearsAgreement(c: Ctx): Promise<{ f: Fixture; year: number }> {
  const f = await fixture(c);
  const year = Number(today().slice(0, 4)) - 1;
  const id = `aut_${String(c.n()).padStart(20, '0')}`;
  const at = new Date(`${year}-03-01T00:00:00Z`);
  await c.h.lt.kernel.db.insertInto('authorization_agreement' as never).values({
    id, implementing_org_id: f.impl.id, operator_org_id: f.operator.id, mode: 'whole', domain: null, scenarios: '[]',
    scope: JSON.stringify([{ resourceId: f.resource, fields: ['uscc'], title: { zh: '企业用电', en: 'Company electricity' }, sourceOrgId: c.gov.id }]),
    term_from: `${year}-03-01`, term_to: `${year}-12-31`, fee_cap: null, security_obligations: '数据不出域。', status: 'expired',
    implementing_seal: '{}', operator_seal: '{}', grant_ids: '[]', applied_at: at, signed_at: at, updated_at: at,
  } as never).execute();
  return { f, year };
}

const hiddenAgreement = (r: Reply) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe('AUTHORIZATION_AGREEMENT_NOT_FOUND');
};
const url = (id: string, action: string) => `/api/v1/authorization/agreements/${id}/${action}`;
/** A transition: its success from `from`, its refusal (wrong state or wrong party), and a third organisation that does not see it. */
function transition(action: string, from: State, who: (f: Fixture) => string, refused: { from?: State; who?: (f: Fixture) => string }, body?: unknown): Case {
  return {
    success: async (c) => ({ token: who(await fixture(c)), url: url(await agreement(c, from), action), ...(body !== undefined ? { body } : {}) }),
    status: 200,
    refused: async (c) => ({ token: (refused.who ?? who)(await fixture(c)), url: url(await agreement(c, refused.from ?? from), action), ...(body !== undefined ? { body } : {}) }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: url(await agreement(c, from), action), ...(body !== undefined ? { body } : {}), expect: hiddenAgreement }),
  };
}

// ---- data-subject authorization ----
interface ConsentFixture {
  holder: TestOrg;
  bank: TestOrg;
  holderUscc: string;
  item: string;
}
const consentFixtures = new WeakMap<Ctx, Promise<ConsentFixture>>();
export function consentFixture(c: Ctx): Promise<ConsentFixture> {
  let f = consentFixtures.get(c);
  if (!f) {
    f = (async () => {
      const holder = await c.h.org(['enterprise'], 'Holder');
      const bank = await c.h.org(['enterprise'], 'Bank');
      const holderUscc = (await c.h.call('GET', `/api/v1/orgs/${holder.id}`, { token: holder.staffToken })).body.uscc as string;
      const G1 = { level: 'general', generalLevel: 1, personalInfo: 'none' };
      const id = await c.h.publishedTable(c.gov, c.dbA, {
        title: { zh: `用电${c.n()}`, en: `Power ${c.n()}` }, categoryId: 'cat_theme000000000000001', sharing: { type: 'conditional', conditions: '授权后使用' }, open: { type: 'none' },
        fields: [{ name: 'uscc', label: { zh: '代码', en: 'USCC' }, dataType: 'string', key: true, grade: G1 }, { name: 'month', label: { zh: '月份', en: 'Month' }, dataType: 'string', key: true, grade: G1 }, { name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G1 }],
      }, `uscc,month,kwh\n${holderUscc},2026-01,10\n${holderUscc},2026-02,12\n`);
      const d = await c.h.call('POST', '/api/v1/authorization/data-items', { token: c.dbA.staffToken, body: itemBody(id, `ELEC.R${c.n()}`) });
      expect(d.status, JSON.stringify(d.body)).toBe(201);
      // The registry record the legal representative binds against (data item ORG.REGISTRATION).
      const name = (await c.h.call('GET', `/api/v1/orgs/${holder.id}`, { token: holder.staffToken })).body.name.zh as string;
      const rid = await c.h.publishedTable(c.gov, c.dbA, {
        title: { zh: `登记${c.n()}`, en: `Registry ${c.n()}` }, categoryId: 'cat_base0000000000000002', updateFrequency: 'daily', sharing: { type: 'unconditional' }, open: { type: 'none' },
        fields: [{ name: 'uscc', label: { zh: '代码', en: 'USCC' }, dataType: 'string', key: true, grade: G1 }, { name: 'name', label: { zh: '名称', en: 'Name' }, dataType: 'string', grade: G1 }, { name: 'legal_rep', label: { zh: '法定代表人', en: 'Legal rep' }, dataType: 'string', grade: G1 }],
      }, `uscc,name,legal_rep\n${holderUscc},${name},李法人\n`);
      expect((await c.h.call('POST', '/api/v1/authorization/data-items', { token: c.dbA.staffToken, body: { code: 'ORG.REGISTRATION', name: { zh: '登记', en: 'Registration' }, resourceId: rid, subjectKind: 'legal_person', subjectField: 'uscc', fields: ['name', 'legal_rep'] } })).status).toBe(201);
      return { holder, bank, holderUscc, item: d.body.id as string };
    })();
    consentFixtures.set(c, f);
  }
  return f;
}
const itemBody = (resourceId: string, code: string) => ({ code, name: { zh: '月度用电量', en: 'Monthly electricity' }, resourceId, subjectKind: 'legal_person', subjectField: 'uscc', fields: ['kwh'], periodField: 'month' });
const consentBody = (f: ConsentFixture, over: Record<string, unknown> = {}) => ({
  holderUscc: f.holderUscc, itemIds: [f.item], purpose: 'credit_approval', purposeText: '信贷审批', periodFrom: '2026-01', periodTo: '2026-02',
  validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), maxUses: 10, ...over,
});
type ConsentState = 'pending' | 'approved' | 'revoked';
export async function consent(c: Ctx, state: ConsentState): Promise<string> {
  const f = await consentFixture(c);
  const r = await c.h.call('POST', '/api/v1/authorization/consents', { token: f.bank.staffToken, body: consentBody(f) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  if (state !== 'pending') expect((await c.h.call('POST', `/api/v1/authorization/consents/${id}/approve`, { token: f.holder.staffToken })).status).toBe(200);
  if (state === 'revoked') expect((await c.h.call('POST', `/api/v1/authorization/consents/${id}/revoke`, { token: f.holder.staffToken })).status).toBe(200);
  return id;
}
async function webhook(c: Ctx): Promise<string> {
  const r = await c.h.call('POST', '/api/v1/webhooks', { token: (await consentFixture(c)).holder.adminToken, body: { url: 'https://hooks.example.test/liutong' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
const hiddenConsent = (r: Reply) => {
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe('AUTHORIZATION_CONSENT_NOT_FOUND');
};
const curl = (id: string, action: string) => `/api/v1/authorization/consents/${id}/${action}`;
function consentTransition(action: string, from: ConsentState, who: 'holder' | 'bank', refused: { from?: ConsentState; who?: 'holder' | 'bank' }, body?: unknown): Case {
  const token = async (c: Ctx, w: 'holder' | 'bank') => (await consentFixture(c))[w].staffToken;
  return {
    success: async (c) => ({ token: await token(c, who), url: curl(await consent(c, from), action), ...(body !== undefined ? { body } : {}) }),
    status: 200,
    refused: async (c) => ({ token: await token(c, refused.who ?? who), url: curl(await consent(c, refused.from ?? from), action), ...(body !== undefined ? { body } : {}) }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: curl(await consent(c, from), action), ...(body !== undefined ? { body } : {}), expect: hiddenConsent }),
  };
}

/** A population base with two residents and the PERSON.BASIC item (the real-name check's source). */
const personFixtures = new WeakMap<Ctx, Promise<{ residents: Array<{ id: string; name: string }> }>>();
function personFixture(c: Ctx) {
  let f = personFixtures.get(c);
  if (!f) {
    f = (async () => {
      const ids = ['440106199003070028', '440304198511110039'].map((x) => x.slice(0, 17)).map((x) => x + residentIdCheckChar(x));
      const residents = [{ id: ids[0]!, name: '张丽' }, { id: ids[1]!, name: '李强' }];
      const G1 = { level: 'general', generalLevel: 3, personalInfo: 'personal' };
      const rid = await c.h.publishedTable(c.gov, c.dbA, {
        title: { zh: `人口${c.n()}`, en: `Population ${c.n()}` }, categoryId: 'cat_base0000000000000001', updateFrequency: 'daily', sharing: { type: 'conditional', conditions: '依法履职' }, open: { type: 'none' },
        fields: [{ name: 'id_number', label: { zh: '身份号码', en: 'ID' }, dataType: 'string', key: true, grade: G1 }, { name: 'name', label: { zh: '姓名', en: 'Name' }, dataType: 'string', grade: G1 }],
      }, `id_number,name\n${residents.map((x) => `${x.id},${x.name}`).join('\n')}\n`);
      expect((await c.h.call('POST', '/api/v1/authorization/data-items', { token: c.dbA.staffToken, body: { code: 'PERSON.BASIC', name: { zh: '人口', en: 'Population' }, resourceId: rid, subjectKind: 'natural_person', subjectField: 'id_number', fields: ['name'] } })).status).toBe(201);
      return { residents };
    })();
    personFixtures.set(c, f);
  }
  return f;
}

export const AUTHORIZATION_CASES: Record<string, Case> = {
  'POST /api/v1/public/accounts/individual': {
    success: async (c) => {
      const { residents } = await personFixture(c);
      return { url: '/api/v1/public/accounts/individual', body: { name: residents[0]!.name, residentId: residents[0]!.id, phone: '13800138001', username: `person${c.n()}`, password: 'Person-Passw0rd!' } };
    },
    status: 201,
    // The name does not match the population base.
    refused: async (c) => {
      const { residents } = await personFixture(c);
      return { url: '/api/v1/public/accounts/individual', body: { name: '冒名', residentId: residents[1]!.id, phone: '13800138002', username: `person${c.n()}`, password: 'Person-Passw0rd!' } };
    },
    crossOrg: PUBLIC,
  },
  'POST /api/v1/authorization/data-items': {
    success: async (c) => {
      const f = await consentFixture(c);
      const item = await c.h.lt.authorization.dataItems.list({});
      const resourceId = item.items.find((i) => i.id === f.item)!.resourceId;
      return { token: c.dbA.staffToken, url: '/api/v1/authorization/data-items', body: itemBody(resourceId, `ELEC.S${c.n()}`) };
    },
    status: 201,
    // A field the resource does not have.
    refused: async (c) => {
      const f = await consentFixture(c);
      const resourceId = (await c.h.lt.authorization.dataItems.list({})).items.find((i) => i.id === f.item)!.resourceId;
      return { token: c.dbA.staffToken, url: '/api/v1/authorization/data-items', body: { ...itemBody(resourceId, `ELEC.T${c.n()}`), fields: ['nope'] } };
    },
    crossOrg: { notApplicable: 'data items are platform-wide definitions kept by the data bureau; no organisation-private data' },
  },
  'GET /api/v1/authorization/data-items': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/authorization/data-items?subjectKind=legal_person' }),
    status: 200,
    crossOrg: { notApplicable: 'data item definitions are the same for every organisation' },
  },
  'GET /api/v1/authorization/purposes': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/authorization/purposes' }),
    status: 200,
    crossOrg: { notApplicable: 'platform configuration, the same for every organisation' },
  },
  'POST /api/v1/authorization/consents': {
    success: async (c) => {
      const f = await consentFixture(c);
      return { token: f.bank.staffToken, url: '/api/v1/authorization/consents', body: consentBody(f) };
    },
    status: 201,
    refused: async (c) => {
      const f = await consentFixture(c);
      return { token: f.bank.staffToken, url: '/api/v1/authorization/consents', body: consentBody(f, { purpose: 'marketing' }) };
    },
    crossOrg: { notApplicable: "a request is always made by the caller's own organisation; a third organisation's access is denied in the per-authorization cases" },
  },
  'GET /api/v1/authorization/consents': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: '/api/v1/authorization/consents?box=holder&status=pending' }),
    status: 200,
    crossOrg: async (c) => {
      const id = await consent(c, 'pending');
      return { token: c.b.staffToken, url: '/api/v1/authorization/consents?box=holder&pageSize=200', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      } };
    },
  },
  'GET /api/v1/authorization/consents/:consentId': {
    success: async (c) => ({ token: (await consentFixture(c)).bank.auditorToken, url: `/api/v1/authorization/consents/${await consent(c, 'approved')}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/authorization/consents/${await consent(c, 'approved')}`, expect: hiddenConsent }),
  },
  'GET /api/v1/authorization/consents/:consentId/usage': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: curl(await consent(c, 'approved'), 'usage') }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: curl(await consent(c, 'approved'), 'usage'), expect: hiddenConsent }),
  },
  'POST /api/v1/authorization/consents/:consentId/approve': consentTransition('approve', 'pending', 'holder', { who: 'bank' }),
  'POST /api/v1/authorization/consents/:consentId/reject': consentTransition('reject', 'pending', 'holder', { from: 'approved' }, { reason: '不同意' }),
  'POST /api/v1/authorization/consents/:consentId/withdraw': consentTransition('withdraw', 'pending', 'bank', { who: 'holder' }),
  'POST /api/v1/authorization/consents/:consentId/revoke': consentTransition('revoke', 'approved', 'holder', { who: 'bank' }),
  'GET /api/v1/authorization/space': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: '/api/v1/authorization/space' }),
    status: 200,
    crossOrg: { notApplicable: "always the caller's own organisation's space (no organisation parameter)" },
  },
  'POST /api/v1/authorization/space/binding': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: '/api/v1/authorization/space/binding', body: { legalRep: '李法人' } }),
    status: 200,
    refused: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: '/api/v1/authorization/space/binding', body: { legalRep: '张冒名' } }),
    crossOrg: { notApplicable: "always binds the caller's own organisation" },
  },
  'GET /api/v1/authorization/space/items/:itemId/rows': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: `/api/v1/authorization/space/items/${(await consentFixture(c)).item}/rows` }),
    status: 200,
    // Another enterprise reading the same item gets its own rows only: none of the holder's.
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/authorization/space/items/${(await consentFixture(c)).item}/rows`, expect: (r: Reply) => {
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([]);
    } }),
  },
  'POST /api/v1/authorization/space/items/:itemId/hide': {
    success: async (c) => {
      const f = await consentFixture(c);
      await c.h.call('POST', `/api/v1/authorization/space/items/${f.item}/show`, { token: f.holder.staffToken });
      return { token: f.holder.staffToken, url: `/api/v1/authorization/space/items/${f.item}/hide` };
    },
    status: 200,
    // A public body has no legal-person space.
    refused: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/authorization/space/items/${(await consentFixture(c)).item}/hide` }),
    crossOrg: { notApplicable: "always the caller's own organisation's space" },
  },
  'POST /api/v1/authorization/space/items/:itemId/show': {
    success: async (c) => {
      const f = await consentFixture(c);
      await c.h.call('POST', `/api/v1/authorization/space/items/${f.item}/hide`, { token: f.holder.staffToken });
      return { token: f.holder.staffToken, url: `/api/v1/authorization/space/items/${f.item}/show` };
    },
    status: 200,
    refused: async (c) => ({ token: (await consentFixture(c)).holder.staffToken, url: '/api/v1/authorization/space/items/dit_00000000000000000000/show' }),
    crossOrg: { notApplicable: "always the caller's own organisation's space" },
  },
  'POST /api/v1/authorization/space/package': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.staffToken, url: '/api/v1/authorization/space/package' }),
    status: 200,
    refused: (c) => ({ token: c.gov.staffToken, url: '/api/v1/authorization/space/package' }),
    crossOrg: { notApplicable: "always the caller's own organisation's data" },
  },
  'GET /api/v1/authorization/space/licences': {
    success: async (c) => {
      await heldLicence(c);
      return { token: (await consentFixture(c)).holder.auditorToken, url: '/api/v1/authorization/space/licences' };
    },
    status: 200,
    crossOrg: { notApplicable: "always the caller's own organisation's licences (matched by its USCC)" },
  },
  'GET /api/v1/authorization/space/licences/:licenceId': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.auditorToken, url: `/api/v1/authorization/space/licences/${(await heldLicence(c)).id}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/authorization/space/licences/${(await heldLicence(c)).id}`, expect: (r: Reply) => expect([403, 404]).toContain(r.status) }),
  },
  'GET /api/v1/notifications': {
    success: async (c) => {
      await consent(c, 'pending');
      return { token: (await consentFixture(c)).holder.auditorToken, url: '/api/v1/notifications?unread=true' };
    },
    status: 200,
    crossOrg: async (c) => {
      const f = await consentFixture(c);
      const id = await consent(c, 'pending');
      return { token: c.b.staffToken, url: '/api/v1/notifications?pageSize=200', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((n: { subject: { id: string } }) => n.subject.id)).not.toContain(id);
        expect(f.holder.id).not.toBe(c.b.id);
      } };
    },
  },
  'POST /api/v1/notifications/:notificationId/read': {
    success: async (c) => {
      const f = await consentFixture(c);
      await consent(c, 'pending');
      const n = (await c.h.call('GET', '/api/v1/notifications', { token: f.holder.staffToken })).body.items[0];
      return { token: f.holder.staffToken, url: `/api/v1/notifications/${n.id}/read` };
    },
    status: 200,
    crossOrg: async (c) => {
      const f = await consentFixture(c);
      await consent(c, 'pending');
      const n = (await c.h.call('GET', '/api/v1/notifications', { token: f.holder.staffToken })).body.items[0];
      return { token: c.b.staffToken, url: `/api/v1/notifications/${n.id}/read`, expect: (r: Reply) => {
        // Another organisation's notification is not found (or, when it has none at all, nothing is marked).
        expect([200, 404]).toContain(r.status);
        if (r.status === 200) expect(r.body.marked).toBe(0);
      } };
    },
  },
  'POST /api/v1/notifications/read': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.staffToken, url: '/api/v1/notifications/read' }),
    status: 200,
    crossOrg: { notApplicable: "always the caller's own organisation's inbox" },
  },
  'GET /api/v1/webhooks': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: '/api/v1/webhooks' }),
    status: 200,
    crossOrg: { notApplicable: "always the caller's own organisation's webhooks" },
  },
  'POST /api/v1/webhooks': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: '/api/v1/webhooks', body: { url: 'https://hooks.example.test/liutong', kinds: ['consent.requested'] } }),
    status: 201,
    refused: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: '/api/v1/webhooks', body: { url: 'ftp://hooks.example.test/liutong' } }),
    crossOrg: { notApplicable: "a webhook is always registered for the caller's own organisation" },
  },
  'DELETE /api/v1/webhooks/:webhookId': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: `/api/v1/webhooks/${await webhook(c)}` }),
    status: 200,
    refused: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: '/api/v1/webhooks/whk_00000000000000000000' }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/webhooks/${await webhook(c)}`, expect: (r: Reply) => expect(r.status).toBe(404) }),
  },
  'GET /api/v1/webhooks/:webhookId/deliveries': {
    success: async (c) => ({ token: (await consentFixture(c)).holder.adminToken, url: `/api/v1/webhooks/${await webhook(c)}/deliveries` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.adminToken, url: `/api/v1/webhooks/${await webhook(c)}/deliveries`, expect: (r: Reply) => expect(r.status).toBe(404) }),
  },
  'POST /api/v1/authorization/consents/:consentId/deletion': consentTransition('deletion', 'revoked', 'bank', { from: 'approved' }, { statement: '已删除' }),

  'POST /api/v1/authorization/agreements': {
    success: async (c) => {
      const f = await fixture(c);
      return { token: f.operator.staffToken, url: '/api/v1/authorization/agreements', body: applyBody(f) };
    },
    status: 201,
    // 依场景授权 names exactly one scenario.
    refused: async (c) => {
      const f = await fixture(c);
      return { token: f.operator.staffToken, url: '/api/v1/authorization/agreements', body: applyBody(f, { mode: 'scenario', scenarios: [] }) };
    },
    crossOrg: { notApplicable: "an application is always made by the caller's own organisation as operator; a third organisation's access is denied in the per-agreement cases" },
  },
  'GET /api/v1/authorization/agreements': {
    success: async (c) => ({ token: (await fixture(c)).impl.auditorToken, url: '/api/v1/authorization/agreements?role=implementing_body&status=applied' }),
    status: 200,
    crossOrg: async (c) => {
      const id = await agreement(c, 'applied');
      return { token: c.b.staffToken, url: '/api/v1/authorization/agreements?pageSize=200', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      } };
    },
  },
  'GET /api/v1/authorization/agreements/:agreementId': {
    success: async (c) => ({ token: (await fixture(c)).operator.auditorToken, url: `/api/v1/authorization/agreements/${await agreement(c, 'applied')}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/authorization/agreements/${await agreement(c, 'applied')}`, expect: hiddenAgreement }),
  },
  'GET /api/v1/authorization/agreements/:agreementId/seals/verify': {
    success: async (c) => ({ token: (await fixture(c)).impl.auditorToken, url: url(await agreement(c, 'signed'), 'seals/verify') }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: url(await agreement(c, 'signed'), 'seals/verify'), expect: hiddenAgreement }),
  },
  'POST /api/v1/authorization/agreements/:agreementId/seal': {
    success: async (c) => ({ token: (await fixture(c)).operator.adminToken, url: url(await agreement(c, 'reviewed'), 'seal') }),
    status: 200,
    // Not reviewed yet: nothing to seal.
    refused: async (c) => ({ token: (await fixture(c)).operator.adminToken, url: url(await agreement(c, 'applied'), 'seal') }),
    crossOrg: async (c) => ({ token: c.b.adminToken, url: url(await agreement(c, 'reviewed'), 'seal'), expect: hiddenAgreement }),
  },
  'POST /api/v1/authorization/agreements/:agreementId/review': transition('review', 'applied', (f) => f.impl.staffToken, { who: (f) => f.operator.staffToken }, { note: '同意' }),
  'POST /api/v1/authorization/agreements/:agreementId/reject': transition('reject', 'applied', (f) => f.impl.staffToken, { from: 'signed' }, { reason: '材料不全' }),
  'POST /api/v1/authorization/agreements/:agreementId/withdraw': transition('withdraw', 'applied', (f) => f.operator.staffToken, { who: (f) => f.impl.staffToken }),
  'POST /api/v1/authorization/agreements/:agreementId/activate': transition('activate', 'signed', (f) => f.impl.staffToken, { from: 'applied' }),
  'POST /api/v1/authorization/agreements/:agreementId/suspend': transition('suspend', 'active', (f) => f.impl.staffToken, { from: 'signed' }, { reason: '安全检查' }),
  'POST /api/v1/authorization/agreements/:agreementId/resume': transition('resume', 'suspended', (f) => f.impl.staffToken, { from: 'active' }),
  'POST /api/v1/authorization/agreements/:agreementId/terminate': transition('terminate', 'active', (f) => f.impl.staffToken, { who: (f) => f.operator.staffToken }, { reason: '违约' }),
  'POST /api/v1/authorization/agreements/:agreementId/products': {
    success: async (c) => {
      const f = await fixture(c);
      return { token: f.operator.staffToken, url: url(await agreement(c, 'active'), 'products'), body: { name: { zh: '用电指数', en: 'Power index' }, kind: 'indicator', resourceIds: [f.resource], scenario: '信贷' } };
    },
    status: 201,
    // Not in force yet.
    refused: async (c) => {
      const f = await fixture(c);
      return { token: f.operator.staffToken, url: url(await agreement(c, 'signed'), 'products'), body: { name: { zh: '用电指数', en: 'Power index' }, kind: 'indicator', resourceIds: [f.resource], scenario: '信贷' } };
    },
    crossOrg: async (c) => {
      const f = await fixture(c);
      return { token: c.b.staffToken, url: url(await agreement(c, 'active'), 'products'), body: { name: { zh: '指数', en: 'Index' }, kind: 'indicator', resourceIds: [f.resource], scenario: '信贷' }, expect: hiddenAgreement };
    },
  },
  'GET /api/v1/authorization/products': {
    success: async (c) => ({ token: (await fixture(c)).operator.auditorToken, url: '/api/v1/authorization/products?status=declared' }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/authorization/products?agreementId=${await agreement(c, 'active')}`, expect: hiddenAgreement }),
  },
  'GET /api/v1/authorization/products/:productId': {
    success: async (c) => ({ token: (await fixture(c)).impl.auditorToken, url: `/api/v1/authorization/products/${await product(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/authorization/products/${await product(c)}`, expect: (r: Reply) => {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('AUTHORIZATION_PRODUCT_NOT_FOUND');
    } }),
  },
  'POST /api/v1/authorization/products/:productId/withdraw': {
    success: async (c) => ({ token: (await fixture(c)).operator.staffToken, url: `/api/v1/authorization/products/${await product(c)}/withdraw` }),
    status: 200,
    refused: async (c) => ({ token: (await fixture(c)).impl.staffToken, url: `/api/v1/authorization/products/${await product(c)}/withdraw` }),
    crossOrg: async (c) => ({ token: c.b.staffToken, url: `/api/v1/authorization/products/${await product(c)}/withdraw`, expect: (r: Reply) => expect(r.status).toBe(404) }),
  },
  'POST /api/v1/authorization/disclosures': {
    success: async (c) => {
      const { f, year } = await lastYearsAgreement(c);
      return { token: f.operator.staffToken, url: '/api/v1/authorization/disclosures', body: { year, role: 'operator' } };
    },
    status: 201,
    // This year has not ended.
    refused: async (c) => ({ token: (await fixture(c)).operator.staffToken, url: '/api/v1/authorization/disclosures', body: { year: Number(today().slice(0, 4)), role: 'operator' } }),
    crossOrg: { notApplicable: "a report is always published for the caller's own organisation" },
  },
  'GET /api/v1/authorization/disclosures/missing': {
    success: (c) => ({ token: c.dbA.auditorToken, url: `/api/v1/authorization/disclosures/missing?year=${Number(today().slice(0, 4)) - 1}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.a.staffToken, url: `/api/v1/authorization/disclosures/missing?year=${Number(today().slice(0, 4)) - 1}`, expect: (r: Reply) => expect(r.status).toBe(403) }),
  },
  'GET /api/v1/authorization/licence-types': {
    success: (c) => ({ token: c.a.auditorToken, url: '/api/v1/authorization/licence-types' }),
    status: 200,
    crossOrg: { notApplicable: "the platform's list of licence types" },
  },
  'POST /api/v1/authorization/licences': {
    success: (c) => ({ token: c.gov.staffToken, url: '/api/v1/authorization/licences', body: licenceBody(randomUscc()) }),
    status: 201,
    refused: (c) => ({ token: c.gov.staffToken, url: '/api/v1/authorization/licences', body: { ...licenceBody(randomUscc()), number: randomUscc() } }),
    crossOrg: async (c) => ({ token: c.a.staffToken, url: '/api/v1/authorization/licences', body: licenceBody(randomUscc()), expect: deny(403) }),
  },
  'GET /api/v1/authorization/licences': {
    success: (c) => ({ token: c.gov.auditorToken, url: '/api/v1/authorization/licences?type=BUSINESS_LICENCE' }),
    status: 200,
    crossOrg: async (c) => {
      const id = await issuedLicence(c);
      return { token: c.src.staffToken, url: '/api/v1/authorization/licences?pageSize=200', expect: (r: Reply) => {
        expect(r.status).toBe(200);
        expect(r.body.items.map((l: { id: string }) => l.id)).not.toContain(id);
      } };
    },
  },
  'GET /api/v1/authorization/licences/:licenceId': {
    success: async (c) => ({ token: c.gov.auditorToken, url: `/api/v1/authorization/licences/${await issuedLicence(c)}` }),
    status: 200,
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/authorization/licences/${await issuedLicence(c)}`, expect: deny(404) }),
  },
  'POST /api/v1/authorization/licences/:licenceId/revoke': {
    success: async (c) => ({ token: c.gov.staffToken, url: `/api/v1/authorization/licences/${await issuedLicence(c)}/revoke`, body: { reason: '企业申请注销' } }),
    status: 200,
    refused: async (c) => {
      const id = await issuedLicence(c);
      expect((await c.h.call('POST', `/api/v1/authorization/licences/${id}/revoke`, { token: c.gov.staffToken, body: { reason: '注销' } })).status).toBe(200);
      return { token: c.gov.staffToken, url: `/api/v1/authorization/licences/${id}/revoke`, body: { reason: '再次注销' } };
    },
    crossOrg: async (c) => ({ token: c.src.staffToken, url: `/api/v1/authorization/licences/${await issuedLicence(c)}/revoke`, body: { reason: '越权' }, expect: deny(404) }),
  },
  'POST /api/v1/public/authorization/licences/verify': {
    success: async (c) => {
      const l = await heldLicence(c);
      return { url: '/api/v1/public/authorization/licences/verify', body: { document: l.document, seal: l.seal } };
    },
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/authorization/disclosures': {
    success: () => ({ url: '/api/v1/public/authorization/disclosures?role=operator' }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/authorization/disclosures/:disclosureId': {
    success: async (c) => ({ url: `/api/v1/public/authorization/disclosures/${await published(c)}` }),
    status: 200,
    crossOrg: PUBLIC,
  },
  'GET /api/v1/public/authorization/disclosures/:disclosureId/csv': {
    success: async (c) => ({ url: `/api/v1/public/authorization/disclosures/${await published(c)}/csv` }),
    status: 200,
    crossOrg: PUBLIC,
  },
};

async function published(c: Ctx): Promise<string> {
  const { f, year } = await lastYearsAgreement(c);
  const r = await c.h.call('POST', '/api/v1/authorization/disclosures', { token: f.operator.staffToken, body: { year, role: 'operator' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const licenceBody = (uscc: string) => ({
  type: 'BUSINESS_LICENCE', number: uscc, holder: { id: uscc, name: '路由测试有限公司' }, fields: { legal_rep: '李法人', entity_type: '有限责任公司' }, validFrom: today(), validTo: null,
});

/** A fresh business licence issued by the public body to a company without an account. */
async function issuedLicence(c: Ctx): Promise<string> {
  const r = await c.h.call('POST', '/api/v1/authorization/licences', { token: c.gov.staffToken, body: licenceBody(randomUscc()) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const heldLicences = new WeakMap<Ctx, Promise<{ id: string; document: unknown; seal: unknown }>>();
/** The consent fixture's holder's business licence (issued once per context), as its space shows it. */
function heldLicence(c: Ctx): Promise<{ id: string; document: unknown; seal: unknown }> {
  let l = heldLicences.get(c);
  if (!l) {
    l = (async () => {
      const f = await consentFixture(c);
      const r = await c.h.call('POST', '/api/v1/authorization/licences', { token: c.gov.staffToken, body: licenceBody(f.holderUscc) });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const held = await c.h.call('GET', `/api/v1/authorization/space/licences/${r.body.id}`, { token: f.holder.auditorToken });
      expect(held.status, JSON.stringify(held.body)).toBe(200);
      return held.body as { id: string; document: unknown; seal: unknown };
    })();
    heldLicences.set(c, l);
  }
  return l;
}
