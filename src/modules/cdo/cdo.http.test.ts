import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { USER_PASSWORD, useLiutong, type TestOrg } from '../../../test/harness.js';
import { SHARING, SHARING_CSV, SHARING_FIELDS } from '../../../test/routes/sharing.cases.js';
import { fixedClock } from '../../platform/clock.js';

const CREDIT = 'cat_theme000000000000001';
const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };

describeEachEngine('chief data officers: appointments, evaluation, DCMM over HTTP', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let regulator: TestOrg;
  let gov: TestOrg;
  let gov2: TestOrg;
  let ent: TestOrg;
  let other: TestOrg;
  let n = 0;

  const usersOf = async (org: TestOrg) => (await h().call('GET', `/api/v1/orgs/${org.id}/users?pageSize=50`, { token: h().adminToken })).body.items as any[];
  const resource = async (org: TestOrg, open: unknown = { type: 'none' }) => {
    const k = ++n;
    const r = await h().call('POST', '/api/v1/catalog/resources', { token: org.staffToken, body: {
      title: { zh: `评价资源${k}`, en: `Evaluated resource ${k}` }, categoryId: CREDIT, updateFrequency: 'monthly', format: 'table',
      fields: [{ name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G2 }],
      sharing: { type: 'conditional', conditions: '仅用于审批' }, open,
    } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const publish = async (org: TestOrg, id: string) => {
    expect((await h().call('POST', `/api/v1/catalog/resources/${id}/submit`, { token: org.staffToken })).status).toBe(200);
    const p = await h().call('POST', `/api/v1/catalog/resources/${id}/publish`, { token: bureau.staffToken });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  };
  const indicators = async (org: TestOrg) => {
    const r = await h().call('GET', `/api/v1/cdo/orgs/${org.id}/indicators`, { token: org.auditorToken });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { score: number | null; indicators: Array<{ key: string; status: string; value: number | null; score: number | null }> };
  };
  const indicator = (b: Awaited<ReturnType<typeof indicators>>, key: string) => b.indicators.find((i) => i.key === key)!;
  const ledger = async (type: string) => {
    await h().lt.flush();
    return (await h().call('GET', `/api/v1/ledger/entries?type=${type}&order=desc&pageSize=50`, { token: h().adminToken })).body.items as any[];
  };

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    regulator = await h().org(['regulator'], 'Reg');
    gov = await h().org(['source_unit'], 'Gov', 'government');
    gov2 = await h().org(['source_unit'], 'Gov2', 'public_institution');
    ent = await h().org(['enterprise'], 'Ent');
    other = await h().org(['enterprise'], 'Other');
  });

  it('appoints a CDO by the org_admin, replaces it keeping history, and ends it; others are refused', async () => {
    const users = await usersOf(gov);
    const staff = users.find((u) => u.memberRole === 'staff');
    const first = await h().call('POST', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: gov.adminToken, body: { userId: gov.adminUserId, title: '副局长', appointedAt: '2026-01-05', termEnd: '2028-12-31' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ orgId: gov.id, userId: gov.adminUserId, title: '副局长', appointedAt: '2026-01-05', termEnd: '2028-12-31', status: 'current' });
    expect(first.body.name).toMatch(/org_admin/); // the user's display name by default

    // Only the org's own org_admin appoints; a user of another organisation cannot be appointed.
    expect((await h().call('POST', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: gov.staffToken, body: { userId: staff.id, title: 'x' } })).status).toBe(403);
    const cross = await h().call('POST', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: other.adminToken, body: { userId: other.adminUserId, title: 'x' } });
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe('AUTH_FORBIDDEN_ORGANISATION');
    const stranger = await h().call('POST', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: gov.adminToken, body: { userId: other.adminUserId, title: '首席数据官' } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.code).toBe('CDO_PERSON_NOT_MEMBER');
    const badTerm = await h().call('POST', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: gov.adminToken, body: { userId: staff.id, title: 'x', appointedAt: '2026-05-01', termEnd: '2026-04-30' } });
    expect(badTerm.status).toBe(400);
    expect(badTerm.body.error.code).toBe('CDO_DATE_INVALID');

    const second = await h().call('POST', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: gov.adminToken, body: { userId: staff.id, name: '李数据', title: '首席数据官' } });
    expect(second.status).toBe(201);
    const history = await h().call('GET', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: bureau.auditorToken });
    expect(history.status).toBe(200);
    expect(history.body.total).toBe(2);
    const [now, before] = history.body.items;
    expect(now).toMatchObject({ id: second.body.id, name: '李数据', status: 'current' });
    expect(before).toMatchObject({ id: first.body.id, status: 'ended', endReason: 'replaced', replacedBy: second.body.id });
    expect((await h().call('GET', `/api/v1/cdo/orgs/${gov.id}/appointments`, { token: other.adminToken })).status).toBe(403);

    // Enterprises appoint a CDO too; the bureau's register lists every current CDO.
    expect((await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/appointments`, { token: ent.adminToken, body: { userId: ent.adminUserId, title: 'CDO' } })).status).toBe(201);
    const register = await h().call('GET', '/api/v1/cdo/appointments', { token: regulator.auditorToken });
    expect(register.status).toBe(200);
    expect(register.body.items.map((i: any) => i.orgId).sort()).toEqual([gov.id, ent.id].sort());
    expect((await h().call('GET', '/api/v1/cdo/appointments', { token: ent.adminToken })).status).toBe(403);

    const ended = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/appointments/${(await h().call('GET', `/api/v1/cdo/orgs/${ent.id}/appointments`, { token: ent.staffToken })).body.items[0].id}/end`, { token: ent.adminToken, body: { reason: '任期届满' } });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: '任期届满' });
    const again = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/appointments/${ended.body.id}/end`, { token: ent.adminToken, body: { reason: 'x' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CDO_APPOINTMENT_ENDED');
    // Another organisation's appointment id under one's own organisation: not found.
    expect((await h().call('POST', `/api/v1/cdo/orgs/${other.id}/appointments/${second.body.id}/end`, { token: other.adminToken, body: { reason: 'x' } })).status).toBe(404);

    const made = await ledger('cdo.appointment.made');
    expect(made.some((e) => e.entry.subject.id === second.body.id)).toBe(true);
    const endedEvents = await ledger('cdo.appointment.ended');
    expect(endedEvents.some((e) => e.entry.subject.id === first.body.id)).toBe(true);
  });

  it('computes indicators from the catalog; publishing a resource raises the score; snapshots rank and trend', async () => {
    const draft = await resource(gov, { type: 'conditional', conditions: '注册开发者' });
    const before = await indicators(gov);
    expect(indicator(before, 'cataloguing')).toMatchObject({ status: 'ok', value: 0, score: 0 });
    expect(indicator(before, 'openDatasets')).toMatchObject({ status: 'no_data', score: 0 });
    // Indicators whose module is not available report it, never a number.
    for (const i of before.indicators) if (i.status === 'unavailable') expect(i.score).toBeNull();

    const settings = (await h().call('GET', '/api/v1/cdo/settings', { token: ent.staffToken })).body;
    expect(Object.keys(settings.weights).sort()).toEqual(['approvalRate', 'cataloguing', 'mounting', 'openDatasets', 'quality', 'responseTime', 'timeliness']);

    // Snapshot of the first period.
    const first = await h().call('POST', '/api/v1/cdo/evaluations', { token: bureau.staffToken, body: { period: '2026-10', note: '十月评价' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.items.map((i: any) => i.orgId)).toEqual(expect.arrayContaining([gov.id, gov2.id, bureau.id]));
    expect(first.body.items.map((i: any) => i.orgId)).not.toContain(ent.id); // enterprises are not evaluated
    const taken = await h().call('POST', '/api/v1/cdo/evaluations', { token: bureau.staffToken, body: { period: '2026-10' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CDO_EVALUATION_PERIOD_TAKEN');
    expect((await h().call('POST', '/api/v1/cdo/evaluations', { token: gov.adminToken, body: { period: '2026-12' } })).status).toBe(403);

    await publish(gov, draft);
    const after = await indicators(gov);
    expect(indicator(after, 'cataloguing')).toMatchObject({ status: 'ok', value: 1, score: 100 });
    expect(indicator(after, 'openDatasets')).toMatchObject({ status: 'ok', value: 1 });
    expect(after.score!).toBeGreaterThan(before.score ?? 0);

    // gov2 catalogued but published nothing: ranked below gov.
    await resource(gov2);
    const live = await h().call('GET', '/api/v1/cdo/indicators', { token: bureau.auditorToken });
    expect(live.status).toBe(200);
    const rankOf = (items: any[], id: string) => items.find((i) => i.orgId === id).rank as number;
    expect(rankOf(live.body.items, gov.id)).toBe(1);
    expect(rankOf(live.body.items, gov2.id)).toBeGreaterThan(1);
    expect(live.body.items.find((i: any) => i.orgId === gov.id).cdo).toMatchObject({ name: '李数据' });
    expect((await h().call('GET', '/api/v1/cdo/indicators', { token: gov.adminToken })).status).toBe(403);

    const second = await h().call('POST', '/api/v1/cdo/evaluations', { token: bureau.adminToken, body: { period: '2026-11' } });
    expect(second.status).toBe(201);
    const list = await h().call('GET', '/api/v1/cdo/evaluations', { token: regulator.staffToken });
    expect(list.body.items.map((e: any) => e.period)).toEqual(['2026-11', '2026-10']);
    const snap = await h().call('GET', `/api/v1/cdo/evaluations/${second.body.id}`, { token: bureau.auditorToken });
    expect(snap.status).toBe(200);
    expect(snap.body.items[0]).toMatchObject({ orgId: gov.id, rank: 1 });

    const trend = await h().call('GET', `/api/v1/cdo/orgs/${gov.id}/trend`, { token: gov.staffToken });
    expect(trend.status).toBe(200);
    expect(trend.body.items.map((t: any) => t.period)).toEqual(['2026-10', '2026-11']);
    expect(trend.body.items[1].score).toBeGreaterThan(trend.body.items[0].score);
    expect((await h().call('GET', `/api/v1/cdo/orgs/${gov.id}/trend`, { token: gov2.adminToken })).status).toBe(403);
    expect((await h().call('GET', `/api/v1/cdo/orgs/${gov.id}/indicators`, { token: gov2.adminToken })).status).toBe(403);
    const notBody = await h().call('GET', `/api/v1/cdo/orgs/${ent.id}/indicators`, { token: ent.adminToken });
    expect(notBody.status).toBe(400);
    expect(notBody.body.error.code).toBe('CDO_NOT_A_BODY');

    const events = await ledger('cdo.evaluation.taken');
    expect(events.some((e) => e.entry.subject.id === second.body.id)).toBe(true);
  });

  it('records DCMM self-assessments against the configurable item list, with the documented roll-up', async () => {
    const model = (await h().call('GET', '/api/v1/cdo/dcmm/model', { token: ent.staffToken })).body;
    expect(model.areas).toHaveLength(8);
    expect(model.levels.map((l: any) => l.name.zh)).toEqual(['初始级', '受管理级', '稳健级', '量化管理级', '优化级']);
    const items = model.areas.flatMap((a: any) => a.items);
    expect(items).toHaveLength(28);
    const rate = (all: any[], level: (i: any) => number) => all.map((i) => ({ itemId: i.id, level: level(i), evidence: `证据：${i.name.zh}制度文件` }));

    const r = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.staffToken, body: { ratings: rate(items, (i) => (i.area === 'security' ? 1 : 3)), note: '2026 年自评' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // Areas: seven at 3, security at 1; overall mean 2.75 → 2, capped at weakest + 1 = 2.
    expect(r.body.areas.find((a: any) => a.area === 'security')).toEqual({ area: 'security', score: 1, level: 1 });
    expect(r.body).toMatchObject({ overallScore: 2.75, overallLevel: 2 });
    expect(r.body.ratings).toHaveLength(28);

    const high = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.adminToken, body: { ratings: rate(items, (i) => (i.area === 'security' ? 1 : 5)) } });
    expect(high.body).toMatchObject({ overallScore: 4.5, overallLevel: 2 }); // capped by the weakest area (1 + 1)

    // Every active item must be rated, once, with evidence; nothing is recorded otherwise.
    const missing = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.staffToken, body: { ratings: rate(items.slice(1), () => 2) } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'CDO_DCMM_RATINGS_INVALID', details: { reason: 'missing', items: [items[0].code] } });
    const dup = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.staffToken, body: { ratings: [...rate(items, () => 2), rate(items, () => 2)[0]] } });
    expect(dup.body.error.details.reason).toBe('duplicate');
    const badLevel = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.staffToken, body: { ratings: rate(items, () => 6) } });
    expect(badLevel.status).toBe(400);
    expect((await h().call('GET', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.auditorToken })).body.total).toBe(2);

    // Cross-organisation: another enterprise neither assesses nor reads; the bureau reads.
    expect((await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: other.adminToken, body: { ratings: rate(items, () => 2) } })).status).toBe(403);
    expect((await h().call('GET', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: other.adminToken })).status).toBe(403);
    const seen = await h().call('GET', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments/${r.body.id}`, { token: bureau.auditorToken });
    expect(seen.status).toBe(200);
    expect(seen.body.ratings[0]).toMatchObject({ area: 'strategy', level: 3 });
    expect((await h().call('GET', `/api/v1/cdo/orgs/${other.id}/dcmm-assessments/${r.body.id}`, { token: other.adminToken })).status).toBe(404);

    // The bureau edits the item list: a new item is required from then on, a deactivated one no longer.
    const added = await h().call('POST', '/api/v1/cdo/dcmm/items', { token: bureau.staffToken, body: { area: 'security', code: `security.crossborder${++n}`, name: { zh: '数据出境安全', en: 'Cross-border data security' } } });
    expect(added.status).toBe(201);
    expect((await h().call('POST', '/api/v1/cdo/dcmm/items', { token: bureau.staffToken, body: { area: 'security', code: added.body.code, name: { zh: '重复', en: 'Dup' } } })).status).toBe(409);
    expect((await h().call('POST', '/api/v1/cdo/dcmm/items', { token: ent.adminToken, body: { area: 'security', code: 'security.x', name: { zh: '企业', en: 'Ent' } } })).status).toBe(403);
    const stale = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.staffToken, body: { ratings: rate(items, () => 2) } });
    expect(stale.body.error.details).toMatchObject({ reason: 'missing', items: [added.body.code] });
    const off = await h().call('PATCH', `/api/v1/cdo/dcmm/items/${items[27].id}`, { token: bureau.adminToken, body: { active: false } });
    expect(off.status).toBe(200);
    const withNew = [...items.slice(0, 27), added.body];
    const ok = await h().call('POST', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments`, { token: ent.staffToken, body: { ratings: rate(withNew, () => 4) } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ overallLevel: 4, overallScore: 4 });
    // History is unchanged by later edits of the list.
    expect((await h().call('GET', `/api/v1/cdo/orgs/${ent.id}/dcmm-assessments/${r.body.id}`, { token: ent.staffToken })).body.ratings).toHaveLength(28);
    await h().call('PATCH', `/api/v1/cdo/dcmm/items/${items[27].id}`, { token: bureau.adminToken, body: { active: true } });
    await h().call('PATCH', `/api/v1/cdo/dcmm/items/${added.body.id}`, { token: bureau.adminToken, body: { active: false } });

    const events = await ledger('cdo.dcmm.assessed');
    expect(events.some((e) => e.entry.subject.id === ok.body.id)).toBe(true);
    expect(USER_PASSWORD).toBeTruthy();
  });
});

describeEachEngine('CDO evaluation from mounted data and sharing answers', (engine) => {
  const clock = fixedClock(new Date('2026-11-30T02:00:00Z')); // Monday, 10:00 in Shanghai
  // Sessions outlive the clock's jumps of a few weeks.
  const h = useLiutong(engine, { sessionTtlSeconds: 30 * 24 * 3600 }, { clock });

  it('scores mounting, timeliness and quality from catalog, and a late answer to a sharing request lowers the score', async () => {
    const bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    const owner = await h().org(['source_unit'], 'Owner', 'government');
    const asker = await h().org(['source_unit'], 'Asker', 'government');
    // A published public resource with a table mounted and a quality report (the publishing gate).
    const created = await h().call('POST', '/api/v1/catalog/resources', { token: owner.staffToken, body: {
      title: { zh: '企业用电（评价）', en: 'Company electricity (evaluation)' }, categoryId: CREDIT, fields: SHARING_FIELDS, updateFrequency: 'monthly', format: 'table', sharing: SHARING.conditional, open: { type: 'none' },
    } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = created.body.id as string;
    const mounted = await h().call('POST', `/api/v1/catalog/resources/${res}/mount`, { token: owner.staffToken, body: { format: 'csv', contentBase64: Buffer.from(SHARING_CSV).toString('base64') } });
    expect(mounted.status, JSON.stringify(mounted.body)).toBe(201);
    expect((await h().call('POST', `/api/v1/catalog/resources/${res}/quality/run`, { token: owner.staffToken })).status).toBeLessThan(300);
    expect((await h().call('POST', `/api/v1/catalog/resources/${res}/submit`, { token: owner.staffToken })).status).toBe(200);
    const published = await h().call('POST', `/api/v1/catalog/resources/${res}/publish`, { token: bureau.staffToken });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const read = async () => {
      const r = await h().call('GET', `/api/v1/cdo/orgs/${owner.id}/indicators`, { token: bureau.auditorToken });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return { score: r.body.score as number, ind: (k: string) => r.body.indicators.find((i: any) => i.key === k) };
    };
    const fresh = await read();
    expect(fresh.ind('mounting')).toMatchObject({ status: 'ok', value: 1, score: 100 });
    expect(fresh.ind('timeliness')).toMatchObject({ status: 'ok', value: 1, score: 100 });
    expect(fresh.ind('quality')).toMatchObject({ status: 'ok', detail: { reports: 1 } });
    expect(fresh.ind('quality').score).toBeGreaterThanOrEqual(60);
    expect(fresh.ind('responseTime')).toMatchObject({ status: 'no_data', score: null });

    const ask = async () => {
      const r = await h().call('POST', '/api/v1/sharing/requests', { token: asker.staffToken, body: { resourceId: res, fields: ['uscc', 'kwh'], purpose: '企业信用评价', legalBasis: '《广东省社会信用条例》', validTo: '2027-06-30T16:00:00Z' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.status).toBe('pending');
      return r.body.id as string;
    };
    const onTime = await ask();
    const late = await ask();
    clock.set(new Date('2026-12-01T02:00:00Z'));
    // Answers are rejections here: an approval issues a gateway grant, whose catalog lookup inside the
    // approval's transaction stalls on PGlite's single connection (reported; approvals are covered in cdo.rules.test.ts).
    expect((await h().call('POST', `/api/v1/sharing/requests/${onTime}/reject`, { token: owner.staffToken, body: { reason: '请先补充用途说明' } })).status).toBe(200);
    const answered = await read();
    expect(answered.ind('responseTime')).toMatchObject({ status: 'ok', score: 100, detail: { answered: 1, onTime: 1 } });
    expect(answered.ind('approvalRate')).toMatchObject({ status: 'ok', value: 0, score: 0 });

    // Past the working-day deadline, the pending request already counts as late; answering it late keeps it so.
    clock.set(new Date('2026-12-14T02:00:00Z'));
    const overdue = await read();
    expect(overdue.ind('responseTime')).toMatchObject({ score: 50, detail: { overduePending: 1 } });
    expect(overdue.score).toBeLessThan(answered.score);
    const rejected = await h().call('POST', `/api/v1/sharing/requests/${late}/reject`, { token: owner.staffToken, body: { reason: '超出职责范围' } });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const after = await read();
    expect(after.ind('responseTime')).toMatchObject({ score: 50, detail: { answered: 2, onTime: 1, overduePending: 0 } });
    expect(after.ind('approvalRate')).toMatchObject({ value: 0, detail: { approved: 0, rejected: 2 } });
    expect(after.score).toBeLessThan(answered.score);

    // Data not re-mounted within its declared (monthly) frequency is no longer timely.
    clock.set(new Date('2027-01-15T02:00:00Z'));
    const body = await h().lt.cdo.evaluations.forBody(owner.id); // through the service: the sessions have expired by now
    const stale = { score: body.score!, ind: (k: string) => body.indicators.find((i) => i.key === k) };
    expect(stale.ind('timeliness')).toMatchObject({ status: 'ok', value: 0, score: 0 });
    expect(stale.score).toBeLessThan(after.score);
  });
});
