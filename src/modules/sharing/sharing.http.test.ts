import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { SHARING, SHARING_FIELDS, sharedResource } from '../../../test/routes/sharing.cases.js';
import { SHARING_TRANSITIONS } from './index.js';

const CREDIT = 'cat_theme000000000000001';

// Tuesday 2026-09-29, 10:00 in Shanghai.
const START = new Date('2026-09-29T02:00:00Z');

describeEachEngine('sharing requests (共享申请) over HTTP', (engine) => {
  const clock = fixedClock(START);
  // Sessions outlive the clock moves below (30 days, the longest allowed).
  const h = useLiutong(engine, { sessionTtlSeconds: 30 * 24 * 3600 }, { clock });
  let bureau: TestOrg;
  let police: TestOrg;
  let tax: TestOrg;
  let third: TestOrg;
  let ent: TestOrg;
  let uncond: string;
  let cond: string;
  let none: string;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;

  const body = (resourceId: string, over: Record<string, unknown> = {}) => ({
    resourceId,
    fields: ['uscc', 'company', 'contact_phone', 'kwh'],
    purpose: '企业信用评价',
    legalBasis: '《广东省社会信用条例》第十二条',
    validTo: '2027-09-30T16:00:00Z',
    ...over,
  });
  const create = (resourceId: string, over: Record<string, unknown> = {}, token = tax.staffToken) => h().call('POST', '/api/v1/sharing/requests', { token, body: body(resourceId, over) });
  const act = (id: string, action: string, token: string, b?: unknown) => h().call('POST', `/api/v1/sharing/requests/${id}/${action}`, { token, ...(b !== undefined ? { body: b } : {}) });
  const get = (id: string, token: string) => h().call('GET', `/api/v1/sharing/requests/${id}`, { token });
  const entries = async (subjectId: string) => {
    await h().lt.flush();
    return (await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&order=asc&pageSize=50`, { token: h().adminToken })).body.items as any[];
  };
  const types = async (subjectId: string) => (await entries(subjectId)).map((e) => e.entry.type);

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    police = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    tax = await h().org(['source_unit'], 'Tax', 'government');
    third = await h().org(['source_unit'], 'Third', 'government');
    ent = await h().org(['enterprise'], 'Ent');
    uncond = await sharedResource(h(), police, bureau, SHARING.unconditional, tag());
    cond = await sharedResource(h(), police, bureau, SHARING.conditional, tag());
    none = await sharedResource(h(), police, bureau, SHARING.none, tag());
  });
  beforeEach(() => clock.set(START));

  describe('the sharing class decides at once', () => {
    it('无条件共享: granted at once, the grant issued in the same transaction', async () => {
      const r = await create(uncond, { fields: ['uscc', 'kwh'], rowFilter: { uscc: ['91440101MA5CXXXX01'] }, ratePerMinute: 60 });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ status: 'granted', sourceOrgId: police.id, requesterOrgId: tax.id, sharing: { type: 'unconditional' }, deadlineAt: null, overdue: false });
      expect(r.body.granted).toMatchObject({ fields: ['uscc', 'kwh'], rowFilter: { uscc: ['91440101MA5CXXXX01'] }, ratePerMinute: 60, validTo: '2027-09-30T16:00:00.000Z' });
      const grant = await h().lt.gateway.grants.get(r.body.grantId);
      expect(grant).toMatchObject({ kind: 'sharing', sourceRef: r.body.id, resourceId: uncond, grantorOrgId: police.id, granteeOrgId: tax.id, fields: ['uscc', 'kwh'], status: 'active', ratePerMinute: 60 });
      expect(await types(r.body.id)).toEqual(['sharing.request.created', 'sharing.request.granted']);
      expect(await types(r.body.grantId)).toEqual(['gateway.grant.issued']);
    });

    it('有条件共享: pending, with a working-day deadline for the source unit', async () => {
      const r = await create(cond);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ status: 'pending', grantId: null, granted: null, workingDays: 5, overdue: false, sharing: { type: 'conditional', terms: SHARING.conditional.conditions } });
      expect(await types(r.body.id)).toEqual(['sharing.request.created']);
    });

    it('不予共享: refused at once with the recorded basis; no grant', async () => {
      const r = await create(none);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ status: 'refused', grantId: null, reason: SHARING.none.legalBasis });
      expect(await types(r.body.id)).toEqual(['sharing.request.created', 'sharing.request.refused']);
      expect((await h().lt.gateway.grants.list({ sourceRef: r.body.id, page: 1, pageSize: 10 })).total).toBe(0);
    });

    it('refuses bad requests with a stable code and keeps nothing', async () => {
      const before = (await h().call('GET', '/api/v1/sharing/requests?pageSize=1', { token: tax.staffToken })).body.total;
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ fields: ['uscc', 'nope'] }, 400, 'SHARING_FIELD_UNKNOWN'],
        [{ rowFilter: { nope: ['x'] } }, 400, 'SHARING_FIELD_UNKNOWN'],
        [{ validTo: '2026-09-01T00:00:00Z' }, 400, 'SHARING_PERIOD_INVALID'],
        [{ validFrom: '2027-01-01T00:00:00Z', validTo: '2026-12-01T00:00:00Z' }, 400, 'SHARING_PERIOD_INVALID'],
        [{ fields: [] }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ purpose: ' ' }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ extra: 1 }, 400, 'REQUEST_VALIDATION_FAILED'],
        [{ resourceId: 'res_00000000000000000000' }, 409, 'SHARING_RESOURCE_UNAVAILABLE'],
      ];
      for (const [over, status, code] of cases) {
        const r = await create(cond, over);
        expect(r.status, JSON.stringify(over)).toBe(status);
        expect(r.body.error.code).toBe(code);
      }
      const { legalBasis: _omit, ...noBasis } = body(cond);
      const missing = await h().call('POST', '/api/v1/sharing/requests', { token: tax.staffToken, body: noBasis });
      expect(missing.status).toBe(400);
      // Its own resource, and a draft one.
      expect((await create(cond, {}, police.staffToken)).body.error).toMatchObject({ code: 'SHARING_RESOURCE_UNAVAILABLE', details: { reason: 'own_resource' } });
      const draft = await h().call('POST', '/api/v1/catalog/resources', { token: police.staffToken, body: { title: { zh: '草稿', en: 'Draft' }, categoryId: CREDIT, fields: SHARING_FIELDS, updateFrequency: 'monthly', format: 'table' } });
      expect((await create(draft.body.id)).body.error.code).toBe('SHARING_RESOURCE_UNAVAILABLE');
      expect((await h().call('GET', '/api/v1/sharing/requests?pageSize=1', { token: tax.staffToken })).body.total).toBe(before);
    });

    it('only public bodies request shared data; auditors do not act', async () => {
      const r = await create(cond, {}, ent.staffToken);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('SHARING_REQUESTER_NOT_PUBLIC_BODY');
      expect((await create(cond, {}, tax.auditorToken)).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
    });
  });

  describe('the state machine', () => {
    const ACTIONS = ['approve', 'reject', 'withdraw', 'narrow', 'revoke'] as const;
    const bodies: Record<(typeof ACTIONS)[number], unknown> = { approve: {}, reject: { reason: '用途不明确' }, withdraw: undefined, narrow: { fields: ['uscc', 'kwh'] }, revoke: { reason: '超范围使用' } };
    const actor = (a: (typeof ACTIONS)[number]) => (a === 'withdraw' ? tax.staffToken : police.staffToken);

    /** A fresh request in `state`. */
    async function inState(state: string): Promise<string> {
      if (state === 'refused') return (await create(none)).body.id;
      const start = state === 'revoked' ? uncond : cond;
      const r = await create(start);
      expect(r.status).toBe(201);
      const id = r.body.id as string;
      const path: Record<string, Array<(typeof ACTIONS)[number]>> = { pending: [], granted: ['approve'], rejected: ['reject'], withdrawn: ['withdraw'], revoked: ['revoke'] };
      for (const a of path[state]!) expect((await act(id, a, actor(a), bodies[a])).status).toBe(200);
      expect((await get(id, tax.staffToken)).body.status).toBe(state);
      return id;
    }

    for (const state of Object.keys(SHARING_TRANSITIONS)) {
      it(`from ${state}: allows exactly ${Object.keys(SHARING_TRANSITIONS[state as keyof typeof SHARING_TRANSITIONS]).join(', ') || 'nothing'}`, async () => {
        for (const a of ACTIONS) {
          const id = await inState(state);
          const to = SHARING_TRANSITIONS[state as keyof typeof SHARING_TRANSITIONS][a];
          const r = await act(id, a, actor(a), bodies[a]);
          if (to) {
            expect(r.status, `${state} --${a}--> ${JSON.stringify(r.body)}`).toBe(200);
            expect(r.body.status).toBe(to);
            expect((await types(id)).at(-1)).toBe(`sharing.request.${{ approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', narrow: 'narrowed', revoke: 'revoked' }[a]}`);
          } else {
            expect(r.status, `${state} --${a}-->`).toBe(409);
            expect(r.body.error).toMatchObject({ code: 'SHARING_REQUEST_STATE_CONFLICT', details: { status: state, action: a } });
            expect((await get(id, tax.staffToken)).body.status).toBe(state);
          }
        }
      });
    }
  });

  describe('approval narrows only; the grant follows the request', () => {
    it('approves with fewer fields, rows, rate and a shorter period; the grant is issued so', async () => {
      const r = await create(cond, { ratePerMinute: 120, rowFilter: { uscc: ['91440101MA5CXXXX01', '91440101MA5CXXXX02'] } });
      const id = r.body.id;
      const approval = { fields: ['uscc', 'company', 'kwh'], rowFilter: { uscc: ['91440101MA5CXXXX02'] }, ratePerMinute: 30, validTo: '2027-03-31T16:00:00Z' };
      const a = await act(id, 'approve', police.staffToken, approval);
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.body).toMatchObject({ status: 'granted', requested: { fields: ['uscc', 'company', 'contact_phone', 'kwh'], ratePerMinute: 120 }, granted: { ...approval, validTo: '2027-03-31T16:00:00.000Z' } });
      const grant = await h().lt.gateway.grants.get(a.body.grantId);
      expect(grant).toMatchObject({ fields: ['uscc', 'company', 'kwh'], rowFilter: { uscc: ['91440101MA5CXXXX02'] }, ratePerMinute: 30, status: 'active' });
      expect(grant!.expiresAt && new Date(grant!.expiresAt).toISOString()).toBe('2027-03-31T16:00:00.000Z');
      const ev = (await entries(id)).find((e) => e.entry.type === 'sharing.request.approved');
      expect(ev.payload.narrowed.sort()).toEqual(['fields', 'ratePerMinute', 'rowFilter', 'validTo']);

      // Narrowed further after the grant; then revoked with it.
      const nr = await act(id, 'narrow', police.staffToken, { fields: ['uscc', 'kwh'] });
      expect(nr.status, JSON.stringify(nr.body)).toBe(200);
      expect(nr.body.granted.fields).toEqual(['uscc', 'kwh']);
      expect((await h().lt.gateway.grants.get(a.body.grantId))!.fields).toEqual(['uscc', 'kwh']);
      const rv = await act(id, 'revoke', police.adminToken, { reason: '数据用途变更' });
      expect(rv.body).toMatchObject({ status: 'revoked', reason: '数据用途变更' });
      expect(await h().lt.gateway.grants.get(a.body.grantId)).toMatchObject({ status: 'revoked', revokeReason: '数据用途变更' });
      expect(await types(a.body.grantId)).toEqual(['gateway.grant.issued', 'gateway.grant.narrowed', 'gateway.grant.revoked']);
    });

    it('refuses any widening (409 SHARING_WIDENING) and changes nothing', async () => {
      const id = (await create(cond, { fields: ['uscc', 'kwh'], ratePerMinute: 60, rowFilter: { uscc: ['91440101MA5CXXXX01'] } })).body.id;
      const wider = [
        { fields: ['uscc', 'kwh', 'company'] },
        { ratePerMinute: 61 },
        { ratePerMinute: null },
        { rowFilter: null },
        { rowFilter: { uscc: ['91440101MA5CXXXX01', '91440101MA5CXXXX02'] } },
        { validTo: '2028-01-01T00:00:00Z' },
        { validFrom: '2026-01-01T00:00:00Z' },
      ];
      for (const w of wider) {
        const r = await act(id, 'approve', police.staffToken, w);
        expect(r.status, JSON.stringify(w)).toBe(409);
        expect(r.body.error.code).toBe('SHARING_WIDENING');
      }
      const after = await get(id, police.staffToken);
      expect(after.body).toMatchObject({ status: 'pending', grantId: null });
      expect((await h().lt.gateway.grants.list({ sourceRef: id, page: 1, pageSize: 5 })).total).toBe(0);
    });

    it('the data bureau may revoke; the requester may not', async () => {
      const id = (await create(uncond)).body.id;
      expect((await act(id, 'revoke', tax.adminToken, { reason: '自行撤销' })).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      const r = await act(id, 'revoke', bureau.staffToken, { reason: '监督检查发现违规' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.status).toBe('revoked');
    });
  });

  describe('granted data through the gateway', () => {
    it('the requester reads the granted rows (personal data masked) until the request is revoked; others read nothing', async () => {
      const r = await create(uncond, { fields: ['uscc', 'contact_phone', 'kwh'] });
      const rows = (token: string) => h().call('GET', `/api/v1/data/${uncond}/rows?grant=${r.body.grantId}&pageSize=10`, { token });
      const ok = await rows(tax.staffToken);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.fields).toEqual(['uscc', 'contact_phone', 'kwh']);
      expect(ok.body.items).toHaveLength(3);
      const first = ok.body.items.find((i: any) => i.uscc === '91440101MA5CXXXX01');
      expect(first).not.toHaveProperty('company');
      expect(first.contact_phone).not.toBe('13800138000');
      expect(first.contact_phone).toContain('*');
      expect((await rows(third.staffToken)).status).toBeGreaterThanOrEqual(400);
      expect((await act(r.body.id, 'revoke', police.staffToken, { reason: '停止共享' })).status).toBe(200);
      const after = await rows(tax.staffToken);
      expect(after.status).toBeGreaterThanOrEqual(400);
      expect(after.status).toBeLessThan(500);
    });
  });

  describe('across organisations', () => {
    it('a third body can neither see nor act on a request; each side acts only on its own part', async () => {
      const id = (await create(cond)).body.id;
      for (const token of [third.staffToken, ent.adminToken]) {
        expect((await get(id, token)).body.error.code).toBe('SHARING_REQUEST_NOT_FOUND');
        for (const a of ['approve', 'reject', 'withdraw', 'revoke'] as const) {
          const r = await act(id, a, token, a === 'reject' || a === 'revoke' ? { reason: 'x' } : a === 'approve' ? {} : undefined);
          expect(r.status).toBe(404);
          expect(r.body.error.code).toBe('SHARING_REQUEST_NOT_FOUND');
        }
        for (const box of ['sent', 'received']) {
          const list = await h().call('GET', `/api/v1/sharing/requests?box=${box}&pageSize=200`, { token });
          expect(list.body.items.map((i: any) => i.id)).not.toContain(id);
        }
      }
      expect((await h().call('GET', '/api/v1/sharing/requests?box=all', { token: third.staffToken })).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await act(id, 'approve', tax.staffToken, {})).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      expect((await act(id, 'withdraw', police.staffToken)).body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
      expect((await act(id, 'approve', police.auditorToken, {})).body.error.code).toBe('AUTH_FORBIDDEN_ROLE');
      expect((await get(id, tax.auditorToken)).status).toBe(200);
      expect((await get(id, police.auditorToken)).status).toBe(200);
      expect((await get(id, bureau.auditorToken)).status).toBe(200);
      const sent = await h().call('GET', `/api/v1/sharing/requests?box=sent&status=pending&pageSize=200`, { token: tax.staffToken });
      expect(sent.body.items.map((i: any) => i.id)).toContain(id);
      const inbox = await h().call('GET', `/api/v1/sharing/requests?box=received&resourceId=${cond}&pageSize=200`, { token: police.staffToken });
      expect(inbox.body.items.map((i: any) => i.id)).toContain(id);
      expect(inbox.body.items.every((i: any) => i.sourceOrgId === police.id)).toBe(true);
      const all = await h().call('GET', `/api/v1/sharing/requests?box=all&pageSize=200`, { token: bureau.staffToken });
      expect(all.body.items.map((i: any) => i.id)).toContain(id);
    });
  });

  describe('working-day deadlines (法定节假日 and 调休)', () => {
    it('counts across National Day and the make-up Saturday; overdue flagged once by the sweep', async () => {
      // Wednesday 2026-09-30, 10:00 Shanghai. 10/1–10/7 off; 10/8, 10/9, Saturday 10/10 (调休), 10/12, 10/13.
      clock.set(new Date('2026-09-30T02:00:00Z'));
      const r = await create(cond);
      const id = r.body.id;
      expect(r.body).toMatchObject({ workingDays: 5, deadlineDate: '2026-10-13', deadlineAt: '2026-10-13T16:00:00.000Z', workingDaysLeft: 5, overdue: false });
      clock.set(new Date('2026-10-10T03:00:00Z')); // the make-up Saturday counts
      expect((await get(id, police.staffToken)).body.workingDaysLeft).toBe(2);
      clock.set(new Date('2026-10-13T15:59:59Z'));
      expect((await get(id, police.staffToken)).body).toMatchObject({ overdue: false, workingDaysLeft: 0 });
      await h().lt.sharing.requests.sweepOverdue(); // flags older requests of this file, not this one
      expect(await types(id)).not.toContain('sharing.request.overdue');
      const due = await h().call('GET', `/api/v1/sharing/requests?box=received&overdue=true&pageSize=200`, { token: police.staffToken });
      expect(due.body.items.map((i: any) => i.id)).not.toContain(id);

      clock.set(new Date('2026-10-13T16:00:00Z'));
      expect((await get(id, police.staffToken)).body).toMatchObject({ overdue: true, workingDaysLeft: 0 });
      const overdue = await h().call('GET', `/api/v1/sharing/requests?box=received&overdue=true&pageSize=200`, { token: police.staffToken });
      expect(overdue.body.items.map((i: any) => i.id)).toContain(id);
      expect(overdue.body.items.every((i: any) => i.overdue && i.status === 'pending')).toBe(true);
      expect(await h().lt.sharing.requests.sweepOverdue()).toBeGreaterThanOrEqual(1);
      expect(await h().lt.sharing.requests.sweepOverdue()).toBe(0);
      const flagged = (await entries(id)).filter((e) => e.entry.type === 'sharing.request.overdue');
      expect(flagged).toHaveLength(1);
      expect(flagged[0].payload).toMatchObject({ deadlineAt: '2026-10-13T16:00:00.000Z', workingDays: 5, sourceOrgId: police.id });
      expect((await get(id, tax.staffToken)).body.overdueFlaggedAt).toBe('2026-10-13T16:00:00.000Z');

      // A late decision is still allowed, and recorded as late; no longer overdue once decided.
      const a = await act(id, 'approve', police.staffToken, {});
      expect(a.body).toMatchObject({ status: 'granted', overdue: false });
      expect((await entries(id)).find((e) => e.entry.type === 'sharing.request.approved').payload.late).toBe(true);
    });

    it('counts across the 2026 Spring Festival with its two make-up Saturdays', async () => {
      // Friday 2026-02-13; Saturday 2/14 worked, 2/15–2/23 off: 2/14, 2/24, 2/25, 2/26, 2/27.
      clock.set(new Date('2026-02-13T01:00:00Z'));
      const r = await create(cond, { validTo: '2026-12-31T16:00:00Z' });
      expect(r.body).toMatchObject({ deadlineDate: '2026-02-27', deadlineAt: '2026-02-27T16:00:00.000Z' });
    });
  });
});

describeEachEngine('sharing deadlines follow the configured calendar and approval period', (engine) => {
  const clock = fixedClock(new Date('2026-11-30T02:00:00Z')); // Monday
  const h = useLiutong(engine, { sessionTtlSeconds: 30 * 24 * 3600, sharing: { approvalWorkingDays: 2 }, calendar: { holidays: ['2026-12-01'], workdays: ['2026-12-05'] } }, { clock });

  it('skips a configured holiday and counts a configured working Saturday', async () => {
    const bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    const owner = await h().org(['source_unit'], 'Owner', 'government');
    const asker = await h().org(['source_unit'], 'Asker', 'government');
    const res = await sharedResource(h(), owner, bureau, SHARING.conditional, 'cfg');
    const ask = (token: string) => h().call('POST', '/api/v1/sharing/requests', { token, body: { resourceId: res, fields: ['uscc'], purpose: '核验', legalBasis: '依职责', validTo: '2027-06-30T16:00:00Z' } });
    // Monday 11/30 → 12/1 holiday (configured) → 12/2, 12/3.
    expect((await ask(asker.staffToken)).body).toMatchObject({ workingDays: 2, deadlineDate: '2026-12-03' });
    // Thursday 12/3 → Friday 12/4, Saturday 12/5 (configured working day).
    clock.set(new Date('2026-12-03T02:00:00Z'));
    expect((await ask(asker.staffToken)).body).toMatchObject({ deadlineDate: '2026-12-05' });
  });
});
