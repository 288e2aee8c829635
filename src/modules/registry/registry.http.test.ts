import { beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { describeEachEngine } from '../../../test/db.js';
import { ADMIN_PASSWORD, USER_PASSWORD, useLiutong, type TestOrg } from '../../../test/harness.js';
import { drawPanel, parseComposition } from './index.js';

// Monday 2026-11-02, 10:00 in Shanghai.
const START = new Date('2026-11-02T02:00:00Z');
const DAY = 86_400_000;
const G = (level: number) => ({ level: 'general', generalLevel: level, personalInfo: 'none' });

describeEachEngine('asset registration (资产登记) with the compliance committee over HTTP', (engine) => {
  const clock = fixedClock(START);
  const h = useLiutong(engine, { sessionTtlSeconds: 30 * 24 * 3600 }, { clock });
  let bureau: TestOrg;
  let applicant: TestOrg;
  let other: TestOrg;
  let objector: TestOrg;
  let experts: Record<string, TestOrg>;
  let reviewerIds: Record<string, string>;
  let ownResource: string;
  let othersResource: string;

  const call = (method: string, url: string, token: string, body?: unknown) => h().call(method, url, { token, ...(body !== undefined ? { body } : {}) });
  const resource = async (owner: TestOrg, title: string, level: Record<string, unknown> = G(2), sharing: Record<string, unknown> = { type: 'conditional', conditions: '按合同提供' }) => {
    const r = await call('POST', '/api/v1/catalog/resources', owner.staffToken, {
      title: { zh: title, en: title }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
      fields: [{ name: 'uscc', label: { zh: '代码', en: 'USCC' }, dataType: 'string', key: true, grade: G(2) }, { name: 'score', label: { zh: '评分', en: 'Score' }, dataType: 'decimal', grade: level }],
      sharing, open: { type: 'none' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const rights = (holder: string) => (['holding', 'processing', 'operating'] as const).map((kind) => ({ kind, holderOrgId: holder, basis: '企业自行采集并加工', scope: '企业信用评分全部字段', termFrom: '2026-11-01', termTo: null }));
  const draft = async (over: Record<string, unknown> = {}) => {
    const r = await call('POST', '/api/v1/registry/applications', applicant.staffToken, {
      type: 'first', objectKind: 'dataset', title: { zh: '中小企业信用评分数据集', en: 'SME credit score dataset' }, description: '基于经营数据的企业信用评分',
      resourceId: ownResource, scenario: { users: '商业银行', purpose: '中小企业授信审批中的风险评估' }, sources: [{ kind: 'own_collection', ref: ownResource }], rights: rights(applicant.id), ...over,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const toReview = async (id: string) => {
    expect((await call('POST', `/api/v1/registry/applications/${id}/submit`, applicant.staffToken)).status).toBe(200);
    const d = await call('POST', `/api/v1/registry/applications/${id}/draw`, bureau.staffToken);
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    return d.body;
  };
  const tokenOf = (reviewerId: string) => experts[Object.keys(reviewerIds).find((k) => reviewerIds[k] === reviewerId)!]!.adminToken;

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    applicant = await h().org(['enterprise'], 'Applicant');
    other = await h().org(['enterprise'], 'Other');
    objector = await h().org(['enterprise'], 'Objector');
    // The pool: one expert per kind, a second legal expert whose firm holds 20 % of the applicant
    // (recused), and a second security expert.
    experts = {};
    reviewerIds = {};
    for (const [key, expertise] of [['legal', ['legal']], ['legal2', ['legal']], ['industry', ['industry']], ['valuation', ['valuation', 'accounting']], ['technical', ['technical']], ['security', ['security']], ['security2', ['security', 'audit']]] as const) {
      experts[key] = await h().org(['service_provider'], `Expert ${key}`);
      const r = await call('POST', '/api/v1/registry/reviewers', bureau.staffToken, { userId: experts[key]!.adminUserId, expertise });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      reviewerIds[key] = r.body.id;
    }
    expect((await call('POST', '/api/v1/registry/reviewers', applicant.staffToken, { userId: applicant.adminUserId, expertise: ['legal'] })).status).toBe(403);
    expect((await call('POST', `/api/v1/orgs/${experts.legal2!.id}/relationships`, bureau.staffToken, { relatedOrgId: applicant.id, kind: 'shareholder', sharePercent: '20', since: '2020-01-01' })).status).toBe(201);
    // A 3 % holding does not make the other legal expert related.
    expect((await call('POST', `/api/v1/orgs/${experts.legal!.id}/relationships`, bureau.staffToken, { relatedOrgId: applicant.id, kind: 'shareholder', sharePercent: '3', since: '2020-01-01' })).status).toBe(201);
    ownResource = await resource(applicant, '企业信用评分（登记测试）');
    othersResource = await resource(other, '他人数据（登记测试）');
  });
  beforeEach(() => clock.set(START));

  it('refuses incomplete, unlawful and core-data applications with stable codes, changing nothing', async () => {
    const id = await draft({ scenario: null, sources: [{ kind: 'own_collection', ref: othersResource }], rights: rights(applicant.id).slice(0, 2) });
    const r = await call('POST', `/api/v1/registry/applications/${id}/submit`, applicant.staffToken);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('REGISTRY_INCOMPLETE');
    expect(r.body.error.details.problems).toEqual(expect.arrayContaining(['scenario_missing', 'right_missing:operating', `source_unverified:${othersResource}`]));
    expect((await call('GET', `/api/v1/registry/applications/${id}`, applicant.auditorToken)).body.status).toBe('draft');
    // Someone else's resource as the subject.
    const theirs = await draft({ resourceId: othersResource });
    expect((await call('POST', `/api/v1/registry/applications/${theirs}/submit`, applicant.staffToken)).body.error.details.problems).toContain('subject_resource_not_yours');
    // Core data is refused.
    const core = await resource(applicant, '核心数据（登记测试）', { level: 'core', personalInfo: 'none' }, { type: 'none', legalBasis: '《数据安全法》第二十一条' });
    const coreApp = await draft({ resourceId: core, sources: [{ kind: 'own_collection', ref: core }] });
    expect((await call('POST', `/api/v1/registry/applications/${coreApp}/submit`, applicant.staffToken)).body.error.code).toBe('REGISTRY_CORE_DATA');
    // A later type needs its asset; other organisations can neither see nor submit it.
    expect((await call('POST', '/api/v1/registry/applications', applicant.staffToken, { type: 'transfer', counterpartyOrgId: other.id })).body.error).toMatchObject({ code: 'REGISTRY_APPLICATION_INVALID', details: { reason: 'asset_missing' } });
    expect((await call('POST', '/api/v1/registry/applications', applicant.staffToken, { type: 'first', objectKind: 'dataset' })).body.error).toMatchObject({ code: 'REGISTRY_APPLICATION_INVALID', details: { reason: 'record_missing' } });
    expect((await call('GET', `/api/v1/registry/applications/${id}`, other.staffToken)).status).toBe(404);
    expect((await call('POST', `/api/v1/registry/applications/${id}/submit`, other.staffToken)).status).toBe(404);
  });

  it('submit → a reproducible panel with recusal → votes → publicity with an objection → registered with its number, on the public register', async () => {
    const id = await draft();
    expect((await call('POST', `/api/v1/registry/applications/${id}/submit`, applicant.staffToken)).body).toMatchObject({ status: 'submitted', grading: { level: 'general' } });
    // Only the data bureau draws.
    expect((await call('POST', `/api/v1/registry/applications/${id}/draw`, applicant.staffToken)).status).toBe(403);
    const drawn = await call('POST', `/api/v1/registry/applications/${id}/draw`, bureau.staffToken);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    const { committee } = drawn.body;
    expect(drawn.body.status).toBe('in_review');
    expect(committee.recused).toEqual([{ reviewerId: reviewerIds.legal2, reasons: ['shareholder'] }]);
    expect(committee.eligible.map((e: { id: string }) => e.id)).not.toContain(reviewerIds.legal2);
    // Anyone reproduces the panel from the seed and the eligible list.
    expect(drawPanel(committee.seed, parseComposition(['legal:1', 'industry:1', 'valuation:1', 'technical:1', 'security:1']), committee.eligible)).toEqual(committee.panel);
    expect(committee.panel.map((p: { reviewerId: string }) => p.reviewerId)).toEqual(expect.arrayContaining([reviewerIds.legal, reviewerIds.industry, reviewerIds.valuation, reviewerIds.technical]));
    // The seed reached the ledger before the panel.
    await h().lt.flush();
    const trail = (await call('GET', `/api/v1/ledger/entries?subjectId=${id}&order=asc&pageSize=50`, h().adminToken)).body.items as Array<{ index: number; entry: { type: string; id: string } }>;
    const seedEntry = trail.find((e) => e.entry.type === 'registry.review.seed_committed')!;
    const panelEntry = trail.find((e) => e.entry.type === 'registry.review.panel_drawn')!;
    expect(seedEntry.entry.id).toBe(committee.seedEventId);
    expect(seedEntry.index).toBeLessThan(panelEntry.index);

    // The recused reviewer cannot vote; panel members vote once each; the reviewer sees the case in its box.
    const vote = (reviewerId: string, v: 'approve' | 'reject') => call('POST', `/api/v1/registry/applications/${id}/votes`, tokenOf(reviewerId), { vote: v, opinion: v === 'approve' ? '来源合法，场景明确，权属清晰。' : '存在合规风险。' });
    expect((await vote(reviewerIds.legal2!, 'approve')).body.error.code).toBe('REGISTRY_NOT_ON_PANEL');
    const panel = committee.panel as Array<{ reviewerId: string }>;
    expect((await call('GET', '/api/v1/registry/applications?box=review', tokenOf(panel[0]!.reviewerId))).body.items.map((a: { id: string }) => a.id)).toContain(id);
    // Each member sees itself on the panel, and whether it voted; the applicant is no reviewer.
    expect((await call('GET', `/api/v1/registry/applications/${id}`, tokenOf(panel[0]!.reviewerId))).body.viewer).toEqual({ reviewerId: panel[0]!.reviewerId, voted: false });
    expect((await call('GET', `/api/v1/registry/applications/${id}`, applicant.auditorToken)).body.viewer).toEqual({ reviewerId: null, voted: false });
    expect((await h().call('GET', `/api/v1/public/registry/assets/${id}`)).status).toBe(404); // not public before publicity
    for (const p of panel.slice(0, 4)) expect((await vote(p.reviewerId, 'approve')).body.status).toBe('in_review');
    expect((await call('GET', `/api/v1/registry/applications/${id}`, tokenOf(panel[0]!.reviewerId))).body.viewer).toEqual({ reviewerId: panel[0]!.reviewerId, voted: true });
    expect((await vote(panel[0]!.reviewerId, 'reject')).body.error.code).toBe('REGISTRY_ALREADY_VOTED');
    const decided = await vote(panel[4]!.reviewerId, 'approve');
    expect(decided.body).toMatchObject({ status: 'publicity', decision: { outcome: 'approved', approvals: 5, vetoed: false } });
    // Ten working days from Monday 2 November: to the end of Monday 16 November (Asia/Shanghai).
    expect(decided.body.publicityUntil).toBe('2026-11-16T16:00:00.000Z');

    // Publicity: on the public register's publicity list; an objection is filed; registering waits.
    const listed = await h().call('GET', '/api/v1/public/registry/assets?status=publicity');
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain('own_collection');
    // An objector reads the one entry without login (public fields only).
    const entry = await h().call('GET', `/api/v1/public/registry/assets/${id}`);
    expect(entry.body).toMatchObject({ id, status: 'publicity', title: { zh: '中小企业信用评分数据集' }, applicant: { orgId: applicant.id } });
    expect(JSON.stringify(entry.body)).not.toContain('own_collection');
    const objection = await call('POST', `/api/v1/registry/applications/${id}/objections`, objector.staffToken, { reason: '该数据集包含我方提供的数据，权属存疑。' });
    expect(objection.status, JSON.stringify(objection.body)).toBe(201);
    expect((await call('POST', `/api/v1/registry/applications/${id}/register`, bureau.staffToken)).body.error.code).toBe('REGISTRY_PUBLICITY_RUNNING');
    clock.set(new Date(START.getTime() + 15 * DAY));
    expect((await call('POST', `/api/v1/registry/applications/${id}/register`, bureau.staffToken)).body.error.code).toBe('REGISTRY_OBJECTION_OPEN');
    expect(await h().lt.registry.applications.sweep()).toBe(0);
    const resolved = await call('POST', `/api/v1/registry/applications/${id}/objections/${objection.body.id}/resolve`, bureau.staffToken, { outcome: 'dismissed', resolution: '经核查，异议方数据系公开采购取得，权属无争议。' });
    expect(resolved.body.status).toBe('publicity');
    expect((await call('POST', `/api/v1/registry/applications/${id}/objections/${objection.body.id}/resolve`, bureau.staffToken, { outcome: 'upheld', resolution: 'x' })).body.error.code).toBe('REGISTRY_OBJECTION_NOT_OPEN');
    const registered = await call('POST', `/api/v1/registry/applications/${id}/register`, bureau.staffToken);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.registrationNumber).toMatch(/^GDDA-2026-\d{6}$/);
    expect((await call('POST', `/api/v1/registry/applications/${id}/register`, bureau.staffToken)).body.error.code).toBe('REGISTRY_STATE_CONFLICT');
    const register = await h().call('GET', `/api/v1/public/registry/assets?q=${encodeURIComponent(registered.body.registrationNumber)}`);
    expect(register.body.items).toEqual([expect.objectContaining({ id, registrationNumber: registered.body.registrationNumber, scenario: { users: '商业银行', purpose: '中小企业授信审批中的风险评估' }, rights: expect.arrayContaining([expect.objectContaining({ kind: 'holding', holder: expect.objectContaining({ orgId: applicant.id }) })]) })]);
    // By holder (a broker picks its client's assets from the public register).
    expect((await h().call('GET', `/api/v1/public/registry/assets?holderOrgId=${applicant.id}`)).body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await h().call('GET', `/api/v1/public/registry/assets?holderOrgId=${bureau.id}`)).body.total).toBe(0);
    // The registration certificate: issued by the bureau to the applicant once the registration is sequenced, and valid.
    await h().lt.flush();
    let cert: { id: string; jwt: string; issuerOrgId: string; credential: { credentialSubject: Record<string, unknown> } } | undefined;
    await expect.poll(async () => {
      cert = (await call('GET', `/api/v1/certificates?box=held&type=registration&sourceId=${id}`, applicant.auditorToken)).body.items[0];
      return cert?.issuerOrgId;
    }, { timeout: 10_000 }).toBe(bureau.id);
    expect(cert!.credential.credentialSubject).toMatchObject({ registrationNumber: registered.body.registrationNumber, asset: { objectKind: 'dataset' }, rights: expect.arrayContaining([expect.objectContaining({ kind: 'operating' })]) });
    const checked = await h().call('POST', '/api/v1/certificates/verify', { body: { credential: cert!.jwt } });
    expect(checked.body.checks.map((c: { check: string; outcome: string }) => `${c.check}:${c.outcome}`)).toEqual(['format:passed', 'issuer:passed', 'signature:passed', 'validity:passed', 'status:passed', 'evidence:passed']);
    expect((await call('POST', '/api/v1/certificates/registration', bureau.staffToken, { applicationId: id })).body.error.code).toBe('CERTIFICATES_ALREADY_ISSUED');
    // The holder's portfolio as CSV.
    const csv = await h().lt.app.inject({ method: 'GET', url: '/api/v1/certificates/export?box=held&type=registration', headers: { authorization: `Bearer ${applicant.auditorToken}` } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF证书编号 id,')).toBe(true);
    expect(csv.body).toContain(`${cert!.id},数据资产登记凭证,active`);
    expect(csv.body).toContain(registered.body.registrationNumber);
    // Transfer (转移) by the issuer: the old certificate revoked, a new one to the new holder, linked.
    expect((await call('POST', `/api/v1/certificates/${cert!.id}/transfer`, applicant.staffToken, { toOrgId: other.id, reason: '资产转让' })).status).toBe(403);
    const moved = await call('POST', `/api/v1/certificates/${cert!.id}/transfer`, bureau.staffToken, { toOrgId: other.id, reason: '资产整体转让，转让合同已备案' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ holderOrgId: other.id, replaces: cert!.id, status: 'active', credential: { credentialSubject: { previousCertificate: `urn:liutong:certificate:${cert!.id}`, registrationNumber: registered.body.registrationNumber } } });
    expect((await call('GET', `/api/v1/certificates/${cert!.id}`, applicant.auditorToken)).body).toMatchObject({ status: 'revoked', replacedBy: moved.body.id });
    expect((await h().call('POST', '/api/v1/certificates/verify', { body: { credential: cert!.jwt } })).body.checks.find((c: { check: string }) => c.check === 'status')).toMatchObject({ outcome: 'failed', code: 'revoked' });
    expect((await h().call('POST', '/api/v1/certificates/verify', { body: { credential: moved.body.jwt } })).body.checks.find((c: { check: string }) => c.check === 'status')).toMatchObject({ outcome: 'passed' });
    expect((await call('POST', `/api/v1/certificates/${cert!.id}/transfer`, bureau.staffToken, { toOrgId: objector.id, reason: '再次' })).body.error.code).toBe('CERTIFICATES_STATE_CONFLICT');
    const types = (await call('GET', `/api/v1/ledger/entries?subjectId=${id}&order=asc&pageSize=50`, h().adminToken)).body.items.map((e: { entry: { type: string } }) => e.entry.type);
    expect(types).toEqual([
      'registry.application.created', 'registry.application.submitted', 'registry.review.seed_committed', 'registry.review.panel_drawn',
      ...Array(5).fill('registry.review.voted'), 'registry.review.decided', 'registry.objection.filed', 'registry.objection.resolved', 'registry.application.registered',
    ]);
  });

  it("a security reviewer's rejection vetoes; an upheld objection ends an application in publicity; numbers never repeat", async () => {
    const vetoed = await toReview(await draft());
    for (const p of vetoed.committee.panel as Array<{ reviewerId: string; expertise: string }>) {
      await call('POST', `/api/v1/registry/applications/${vetoed.id}/votes`, tokenOf(p.reviewerId), { vote: p.expertise === 'security' ? 'reject' : 'approve', opinion: '意见' });
    }
    expect((await call('GET', `/api/v1/registry/applications/${vetoed.id}`, applicant.auditorToken)).body).toMatchObject({ status: 'rejected', decision: { outcome: 'rejected', approvals: 4, vetoed: true } });

    const objected = await toReview(await draft());
    for (const p of objected.committee.panel as Array<{ reviewerId: string }>) await call('POST', `/api/v1/registry/applications/${objected.id}/votes`, tokenOf(p.reviewerId), { vote: 'approve', opinion: '同意' });
    const o = await call('POST', `/api/v1/registry/applications/${objected.id}/objections`, objector.staffToken, { reason: '权属争议' });
    const upheld = await call('POST', `/api/v1/registry/applications/${objected.id}/objections/${o.body.id}/resolve`, bureau.staffToken, { outcome: 'upheld', resolution: '权属存在争议，不予登记。' });
    expect(upheld.body).toMatchObject({ status: 'rejected', reason: '权属存在争议，不予登记。' });
    expect((await call('POST', `/api/v1/registry/applications/${objected.id}/objections`, objector.staffToken, { reason: '再次' })).status).toBe(404);

    // Two registered by the sweep after publicity: distinct numbers.
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const a = await toReview(await draft());
      for (const p of a.committee.panel as Array<{ reviewerId: string }>) await call('POST', `/api/v1/registry/applications/${a.id}/votes`, tokenOf(p.reviewerId), { vote: 'approve', opinion: '同意' });
      ids.push(a.id);
    }
    clock.set(new Date(START.getTime() + 20 * DAY));
    expect(await h().lt.registry.applications.sweep()).toBe(2);
    const numbers = await Promise.all(ids.map(async (id) => (await call('GET', `/api/v1/registry/applications/${id}`, applicant.auditorToken)).body.registrationNumber as string));
    expect(new Set(numbers).size).toBe(2);
    for (const n of numbers) expect(n).toMatch(/^GDDA-2026-\d{6}$/);
  });

  it('values an asset by the three methods and reconciles them to the fen, sealed by the valuer; bad input names its problems', async () => {
    const id = await draft();
    const cost = {
      items: [['preliminary', '200000'], ['direct', '1200000'], ['indirect', '150000'], ['opportunity', '50000'], ['taxes', '84000']].map(([kind, amountYuan]) => ({ kind, amountYuan })),
      adjustment: { kind: 'quality', dimensions: [['accuracy', '92', '0.25'], ['consistency', '88', '0.15'], ['completeness', '95', '0.20'], ['conformity', '90', '0.15'], ['timeliness', '80', '0.15'], ['accessibility', '85', '0.10']].map(([dimension, score, weight]) => ({ dimension, score, weight })) },
    };
    const income = { variant: 'royalty', royaltyRate: '0.08', discountRate: '0.12', economicLifeYears: 5, years: ['3000000', '3600000', '4200000', '4500000', '4500000'].map((revenueYuan) => ({ revenueYuan })) };
    const market = { comparables: [
      { id: 'A', priceYuan: '1200000', coefficients: { quality: '1.05', supplyDemand: '0.98', date: '1.02', volume: '0.95', other: '1.00' } },
      { id: 'B', priceYuan: '1500000', coefficients: { quality: '0.92', supplyDemand: '1.00', date: '0.97', volume: '1.03', other: '0.98' } },
      { id: 'C', priceYuan: '980000', coefficients: { quality: '1.10', supplyDemand: '1.05', date: '1.00', volume: '1.08', other: '1.00' } },
    ] };
    const body = { kind: 'appraisal', baseDate: '2026-10-31', cost, income, market, weights: { cost: '0.3', income: '0.5', market: '0.2' }, opinion: '三种方法加权确定评估值。' };
    // Only a valuer organisation appraises; the applicant only self-estimates.
    expect((await call('POST', `/api/v1/registry/applications/${id}/valuations`, applicant.staffToken, body)).status).toBe(403);
    const bad = await call('POST', `/api/v1/registry/applications/${id}/valuations`, experts.valuation!.adminToken, { ...body, weights: { cost: '0.3', income: '0.5', market: '0.1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('REGISTRY_VALUATION_INVALID');
    expect(JSON.stringify(bad.body.error.details.problems)).toContain('weights_sum');
    const r = await call('POST', `/api/v1/registry/applications/${id}/valuations`, experts.valuation!.adminToken, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.valueFen).toBe('126003008');
    expect(r.body.report.result.methods.cost.valueFen).toBe('150212800');
    expect(r.body.report.result.methods.income.valueFen).toBe('111609589');
    expect(r.body.report.result.methods.market.valueFen).toBe('125671868');
    expect(r.body.report.result.methods.cost.adjustment).toMatchObject({ factor: expect.stringMatching(/^0\.892/) });
    // The applicant, the valuer and the bureau read it with its seal checked; nobody else.
    const read = await call('GET', `/api/v1/registry/valuations/${r.body.id}`, applicant.auditorToken);
    expect(read.body).toMatchObject({ valueFen: '126003008', valuerOrgId: experts.valuation!.id, sealCheck: { valid: true } });
    expect((await call('GET', `/api/v1/registry/valuations/${r.body.id}`, other.staffToken)).status).toBe(404);
    expect((await call('GET', `/api/v1/registry/applications/${id}/valuations`, bureau.auditorToken)).body.items.map((v: { id: string }) => v.id)).toEqual([r.body.id]);
    // A self-estimate by one method needs no weights.
    const self = await call('POST', `/api/v1/registry/applications/${id}/valuations`, applicant.staffToken, { kind: 'self_estimate', baseDate: '2026-10-31', cost });
    expect(self.status, JSON.stringify(self.body)).toBe(201);
    expect(self.body.valueFen).toBe('150212800');
  });

  it('recognises a registered asset on the books (入表): class, capitalized cost, monthly amortization and the disclosure table, also as XLSX', async () => {
    const a = await toReview(await draft());
    for (const p of a.committee.panel as Array<{ reviewerId: string }>) await call('POST', `/api/v1/registry/applications/${a.id}/votes`, tokenOf(p.reviewerId), { vote: 'approve', opinion: '同意' });
    const body = {
      applicationId: a.id, facts: { holding: 'internal_use', acquisition: 'purchased', meetsRecognition: true },
      costItems: [{ kind: 'price', amountFen: '150000000' }, { kind: 'cleaning', amountFen: '18400000' }, { kind: 'training', label: '员工培训', amountFen: '5000000' }],
      recognizedOn: '2026-01-15', lifeYears: 5, startMonth: '2026-01',
    };
    // Not yet registered: refused.
    expect((await call('POST', '/api/v1/registry/accounting/assets', applicant.staffToken, body)).body.error.code).toBe('REGISTRY_STATE_CONFLICT');
    clock.set(new Date(START.getTime() + 20 * DAY));
    await h().relogin(applicant);
    await h().lt.registry.applications.sweep();
    expect((await call('POST', '/api/v1/registry/accounting/assets', other.staffToken, body)).status).toBe(404);
    const r = await call('POST', '/api/v1/registry/accounting/assets', applicant.staffToken, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // Training is not part of a purchased intangible's cost: 1,684,000.00 capitalized, 50,000.00 expensed.
    expect(r.body).toMatchObject({ class: 'intangible', source: 'purchased', capitalizedFen: '168400000', cost: { expensedFen: '5000000' }, schedule: { months: 60, monthlyFen: '2806666', lastMonthFen: '2806706', firstMonth: '2026-01', lastMonth: '2030-12' } });
    expect((await call('POST', '/api/v1/registry/accounting/assets', applicant.staffToken, body)).body.error.details.reason).toBe('already_recognised');
    const d26 = await call('GET', '/api/v1/registry/accounting/disclosure?year=2026', applicant.auditorToken);
    const row = (year: typeof d26, source: string) => year.body.tables.find((t: { class: string }) => t.class === 'intangible').rows.find((x: { source: string }) => x.source === source);
    expect(row(d26, 'purchased')).toMatchObject({ openingCostFen: '0', additionsFen: '168400000', amortizationFen: String(12 * 2806666), closingCarryingFen: String(168400000 - 12 * 2806666) });
    const d27 = await call('GET', '/api/v1/registry/accounting/disclosure?year=2027', applicant.auditorToken);
    expect(row(d27, 'total')).toMatchObject({ openingCostFen: '168400000', additionsFen: '0', openingAccumulatedFen: String(12 * 2806666), amortizationFen: String(12 * 2806666) });
    // Another organisation's disclosure has none of it.
    expect((await call('GET', '/api/v1/registry/accounting/disclosure?year=2026', other.auditorToken)).body.tables).toEqual([]);
    // XLSX: one sheet per class, amounts in yuan.
    const x = await h().lt.app.inject({ method: 'GET', url: '/api/v1/registry/accounting/disclosure?year=2026&format=xlsx', headers: { authorization: `Bearer ${applicant.auditorToken}` } });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const sheet = wb.getWorksheet('intangible')!;
    const purchased = sheet.getRows(3, 4)!.find((rw) => String(rw.getCell(1).value).startsWith('外购'))!;
    expect(purchased.getCell(3).value).toBe(1684000);
  });

  it('after the first: change, objection, licence, transfer and cancellation through their paths, with certificates following; revocation by the registrar', async () => {
    let now = START.getTime();
    let loggedIn = now;
    // Sessions last 30 days here: log in again before they run out.
    const advance = async (days: number) => {
      now += days * DAY;
      clock.set(new Date(now));
      if (now - loggedIn > 20 * DAY) {
        // Only the sessions this test uses (logins hash passwords: slow on purpose).
        for (const o of [bureau, applicant, other, objector]) {
          o.staffToken = await h().login(o.usernames.staff, USER_PASSWORD);
          o.auditorToken = await h().login(o.usernames.auditor, USER_PASSWORD);
        }
        for (const o of Object.values(experts)) o.adminToken = await h().login(o.usernames.org_admin, USER_PASSWORD);
        h().adminToken = await h().login('admin', ADMIN_PASSWORD);
        loggedIn = now;
      }
    };
    const app = (id: string, token = applicant.auditorToken) => call('GET', `/api/v1/registry/applications/${id}`, token);
    const submit = (id: string, token = applicant.staffToken) => call('POST', `/api/v1/registry/applications/${id}/submit`, token);
    // Through the committee: drawn, every member approves, publicity over, registered.
    const committee = async (id: string) => {
      const d = await call('POST', `/api/v1/registry/applications/${id}/draw`, bureau.staffToken);
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      for (const p of d.body.committee.panel as Array<{ reviewerId: string }>) await call('POST', `/api/v1/registry/applications/${id}/votes`, tokenOf(p.reviewerId), { vote: 'approve', opinion: '同意' });
      expect((await app(id, bureau.auditorToken)).body.status).toBe('publicity');
      await advance(16);
      const r = await call('POST', `/api/v1/registry/applications/${id}/register`, bureau.staffToken);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    const heldCert = async (token: string, sourceId: string) => {
      await h().lt.flush();
      let c: { id: string; jwt: string; status: string; holderOrgId: string; credential: { credentialSubject: Record<string, any> } } | undefined;
      await expect.poll(async () => {
        c = (await call('GET', `/api/v1/certificates?box=held&type=registration&sourceId=${sourceId}`, token)).body.items[0];
        return c?.status;
      }, { timeout: 10_000 }).toBe('active');
      return c!;
    };
    const certStatus = async (certId: string, token: string) => {
      await h().lt.flush();
      return (await call('GET', `/api/v1/certificates/${certId}`, token)).body.status as string;
    };
    const later = (type: string, body: Record<string, unknown>, token = applicant.staffToken) => call('POST', '/api/v1/registry/applications', token, { type, ...body });

    // Two registered assets.
    const assetId = await draft();
    const asset2 = await draft({ title: { zh: '企业用电指数', en: 'Business power index' } });
    await submit(assetId);
    await submit(asset2);
    const first = await committee(assetId);
    expect((await call('POST', `/api/v1/registry/applications/${asset2}/draw`, bureau.staffToken)).status).toBe(200);
    for (const p of (await app(asset2, bureau.auditorToken)).body.committee.panel as Array<{ reviewerId: string }>) await call('POST', `/api/v1/registry/applications/${asset2}/votes`, tokenOf(p.reviewerId), { vote: 'approve', opinion: '同意' });
    await advance(16);
    expect((await call('POST', `/api/v1/registry/applications/${asset2}/register`, bureau.staffToken)).status).toBe(200);
    expect(first.asset).toMatchObject({ status: 'active', holderOrgId: applicant.id, currentId: assetId, revision: 0 });
    const cert0 = await heldCert(applicant.auditorToken, assetId);

    // 变更 (change): only the holder; a change that changes nothing is refused; the edited record goes through the committee.
    expect((await later('change', { assetId }, other.staffToken)).body.error.code).toBe('REGISTRY_NOT_HOLDER');
    const change = (await later('change', { assetId })).body;
    expect(change).toMatchObject({ type: 'change', assetId, basedOn: assetId, path: 'committee', status: 'draft', title: { zh: '中小企业信用评分数据集' } });
    expect((await submit(change.id)).body.error.details.problems).toEqual(['no_change']);
    const stale = (await later('change', { assetId, description: '另一项变更' })).body;
    const scenario = { users: '商业银行、融资担保机构', purpose: '中小企业授信与担保审批中的风险评估' };
    expect((await call('PATCH', `/api/v1/registry/applications/${change.id}`, applicant.staffToken, { scenario })).status).toBe(200);
    expect((await submit(change.id)).body.status).toBe('submitted');
    const changed = await committee(change.id);
    expect(changed.registrationNumber).toBe(`${first.registrationNumber}-01`);
    expect((await app(assetId)).body.asset).toMatchObject({ currentId: change.id, revision: 1, holderOrgId: applicant.id });
    // The public register shows the current record; the old certificate is superseded by one for the change.
    const entry = await h().call('GET', `/api/v1/public/registry/assets/${assetId}`);
    expect(entry.body).toMatchObject({ registrationNumber: first.registrationNumber, scenario, assetStatus: 'active', revision: 1, holder: { orgId: applicant.id } });
    expect(entry.body.history.map((x: { type: string }) => x.type)).toEqual(['first', 'change']);
    const cert1 = await heldCert(applicant.auditorToken, change.id);
    expect(cert1.credential.credentialSubject).toMatchObject({ registrationNumber: `${first.registrationNumber}-01`, registrationType: 'change', assetId, scenario });
    expect(await certStatus(cert0.id, applicant.auditorToken)).toBe('revoked');
    // A change started from the old record is stale now.
    expect((await submit(stale.id)).body.error.code).toBe('REGISTRY_ASSET_STALE');

    // 异议登记 (objection): anyone but the holder, decided by the registrar alone; the dispute blocks transfers for registry.objectionDays.
    expect((await later('objection', { assetId, grounds: '权属争议' })).body.error.code).toBe('REGISTRY_NOT_HOLDER');
    const objection = (await later('objection', { assetId }, objector.staffToken)).body;
    expect(objection.path).toBe('registrar');
    expect((await submit(objection.id, objector.staffToken)).body.error.details.problems).toEqual(['grounds_missing']);
    await call('PATCH', `/api/v1/registry/applications/${objection.id}`, objector.staffToken, { grounds: '该数据集的部分字段来源于我方采购数据，已向法院起诉。' });
    expect((await submit(objection.id, objector.staffToken)).body.status).toBe('submitted');
    expect((await app(objection.id)).status).toBe(200); // the holder sees an objection to its asset
    expect((await call('POST', `/api/v1/registry/applications/${objection.id}/draw`, bureau.staffToken)).body.error.code).toBe('REGISTRY_STATE_CONFLICT');
    expect((await call('POST', `/api/v1/registry/applications/${objection.id}/decide`, applicant.staffToken, { outcome: 'approved', reason: '' })).status).toBe(403);
    const recorded = await call('POST', `/api/v1/registry/applications/${objection.id}/decide`, bureau.staffToken, { outcome: 'approved', reason: '异议登记' });
    expect(recorded.body).toMatchObject({ status: 'registered', registrationNumber: `${first.registrationNumber}-02` });
    expect((await app(assetId)).body.asset.disputeUntil).not.toBeNull();
    const blocked = await later('transfer', { assetId, counterpartyOrgId: objector.id });
    expect(blocked.body.error.code).toBe('REGISTRY_ASSET_DISPUTED');
    expect(await certStatus(cert1.id, applicant.auditorToken)).toBe('active'); // a dispute ends no certificate
    await advance(16);
    expect((await app(assetId)).body.asset.disputeUntil).toBeNull();

    // 许可 (licence): the licensee's terms within the licensor's own right; a certificate to the licensee.
    const licence = { rights: ['processing'], scope: '用于授信模型训练', termFrom: '2026-10-01', termTo: '2027-12-31', exclusive: false };
    expect((await later('licence', { assetId, counterpartyOrgId: other.id, licence: { ...licence, rights: ['holding'] } })).status).toBe(400);
    const lic = (await later('licence', { assetId, counterpartyOrgId: other.id, licence })).body;
    expect((await submit(lic.id)).body.error.details.problems).toEqual(['licence_term_exceeds:processing']);
    await call('PATCH', `/api/v1/registry/applications/${lic.id}`, applicant.staffToken, { licence: { ...licence, termFrom: '2026-12-01' } });
    expect((await submit(lic.id)).body.status).toBe('submitted');
    await committee(lic.id);
    const licCert = await heldCert(other.auditorToken, lic.id);
    expect(licCert.credential.credentialSubject.licence).toMatchObject({ licensee: { name: expect.any(String) }, rights: ['processing'], termTo: '2027-12-31' });
    expect(await certStatus(cert1.id, applicant.auditorToken)).toBe('active');

    // 转移 (transfer): the holder's rights pass to the new holder; the certificate follows; the old holder can file no more.
    const transfer = (await later('transfer', { assetId, counterpartyOrgId: objector.id })).body;
    expect(transfer.rights.map((r: { holderOrgId: string }) => r.holderOrgId)).toEqual([objector.id, objector.id, objector.id]);
    expect(transfer.certificateHolderOrgId).toBe(objector.id);
    await submit(transfer.id);
    await committee(transfer.id);
    expect((await app(assetId, objector.auditorToken)).body.asset).toMatchObject({ holderOrgId: objector.id, currentId: transfer.id, revision: 4 });
    const cert3 = await heldCert(objector.auditorToken, transfer.id);
    expect(await certStatus(cert1.id, applicant.auditorToken)).toBe('revoked');
    expect(await certStatus(licCert.id, other.auditorToken)).toBe('active'); // the licence survives the transfer
    expect((await later('change', { assetId, description: 'x' })).body.error.code).toBe('REGISTRY_NOT_HOLDER');
    expect((await call('GET', '/api/v1/registry/applications?box=assets', objector.auditorToken)).body.items.map((x: { id: string }) => x.id)).toEqual([assetId]);
    expect((await call('GET', '/api/v1/registry/applications?box=assets', applicant.auditorToken)).body.items.map((x: { id: string }) => x.id)).not.toContain(assetId);

    // 注销 (cancellation) by the new holder, decided by the registrar: rejected once, then approved — every certificate of the asset ends.
    const cancel1 = (await later('cancel', { assetId, grounds: '业务调整' }, objector.staffToken)).body;
    await submit(cancel1.id, objector.staffToken);
    expect((await call('POST', `/api/v1/registry/applications/${cancel1.id}/decide`, bureau.staffToken, { outcome: 'rejected', reason: '尚有有效许可未终止' })).body).toMatchObject({ status: 'rejected', reason: '尚有有效许可未终止' });
    const cancel2 = (await later('cancel', { assetId, grounds: '业务调整，许可方已同意终止' }, objector.staffToken)).body;
    await submit(cancel2.id, objector.staffToken);
    expect((await call('POST', `/api/v1/registry/applications/${cancel2.id}/decide`, bureau.staffToken, { outcome: 'approved', reason: '' })).body.status).toBe('registered');
    expect((await app(assetId, objector.auditorToken)).body.asset.status).toBe('cancelled');
    expect(await certStatus(cert3.id, objector.auditorToken)).toBe('revoked');
    expect(await certStatus(licCert.id, other.auditorToken)).toBe('revoked');
    expect((await later('revoke', { assetId, grounds: 'x' }, bureau.staffToken)).body.error).toMatchObject({ code: 'REGISTRY_ASSET_NOT_ACTIVE', details: { status: 'cancelled' } });
    expect((await h().call('GET', `/api/v1/public/registry/assets/${assetId}`)).body).toMatchObject({ assetStatus: 'cancelled' });

    // 撤销 (revocation): only the registrar, decided by it; the asset's certificate ends.
    const cert2 = await heldCert(applicant.auditorToken, asset2);
    expect((await later('revoke', { assetId: asset2, grounds: '提供虚假材料' })).body.error.code).toBe('REGISTRY_NOT_HOLDER');
    const revoke = (await later('revoke', { assetId: asset2, grounds: '经核查，申请人提供虚假来源材料' }, bureau.staffToken)).body;
    expect((await app(revoke.id)).status).toBe(200); // the holder sees it
    await submit(revoke.id, bureau.staffToken);
    expect((await call('POST', `/api/v1/registry/applications/${revoke.id}/decide`, bureau.staffToken, { outcome: 'approved', reason: '撤销登记' })).body.status).toBe('registered');
    expect((await app(asset2)).body.asset.status).toBe('revoked');
    expect(await certStatus(cert2.id, applicant.auditorToken)).toBe('revoked');

    // Every step is on the ledger under its application.
    await h().lt.flush();
    const types = (await call('GET', `/api/v1/ledger/entries?subjectId=${cancel2.id}&order=asc&pageSize=50`, h().adminToken)).body.items.map((e: { entry: { type: string } }) => e.entry.type);
    expect(types).toEqual(['registry.application.created', 'registry.application.submitted', 'registry.application.registered']);
  });
});
