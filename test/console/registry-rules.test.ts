import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { computeAccess, type CurrentUser } from '../../console/src/access';
import { ROUTES } from '../../console/src/app.routes';
import { MESSAGES } from '../../console/src/locales/all';
import * as client from '../../console/src/pages/registry/registry.rules';
// The test may read the server's rules and schemas directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import * as server from '../../src/modules/registry/application.rules';
// eslint-disable-next-line liutong/module-boundary
import { CreateBody, UpdateBody } from '../../src/modules/registry/registry.schemas';

const user = (orgRoles: string[], memberRole: string | null, orgId = 'org_a', type = 'enterprise'): CurrentUser => ({ orgId, orgRoles, memberRole, personRoles: [], organisation: { type } });
const ORG = 'org_aaaaaaaaaaaaaaaaaaaa';
const RES = 'res_aaaaaaaaaaaaaaaaaaaa';
/** The server's body schemas, checked as Fastify checks them (Ajv; TypeBox's own checker does not know Type.Unsafe). */
const ajv = new Ajv({ strict: false });
const Value = { Check: (schema: object, value: unknown) => ajv.validate(schema, value) };

describe('console registration rules mirror the server (application.rules.ts)', () => {
  it('has the same vocabularies', () => {
    expect([...client.STATUSES]).toEqual([...server.STATUSES]);
    expect([...client.OBJECT_KINDS]).toEqual([...server.OBJECT_KINDS]);
    expect([...client.SOURCE_KINDS]).toEqual([...server.SOURCE_KINDS]);
    expect([...client.RIGHTS]).toEqual([...server.RIGHTS]);
    expect([...client.EXPERTISE]).toEqual([...server.EXPERTISE]);
  });

  it('names every vocabulary entry and every completeness reason in both languages', () => {
    for (const [prefix, codes] of [
      ['registry.status', client.STATUSES], ['registry.objectKind', client.OBJECT_KINDS], ['registry.sourceKind', client.SOURCE_KINDS], ['registry.right', client.RIGHTS],
      ['registry.expertise', client.EXPERTISE], ['registry.recusal', client.RECUSAL_REASONS], ['registry.relationship.kind', client.RELATIONSHIP_KINDS],
      ['registry.problem', client.PROBLEM_REASONS], ['registry.type', server.APPLICATION_TYPES],
    ] as const) {
      for (const code of codes) {
        expect(`${prefix}.${code}` in MESSAGES['zh-CN'], `${prefix}.${code}`).toBe(true);
        expect(`${prefix}.${code}` in MESSAGES['en-US'], `${prefix}.${code}`).toBe(true);
      }
    }
  });

  it('reads every reason the completeness check gives, with its argument; unknown codes stay whole', () => {
    const problems = server.completenessProblems({ scenario: null, sources: [], rights: [{ kind: 'holding', holderOrgId: ORG, basis: ' ', scope: 'x', termFrom: '2026-02-01', termTo: '2026-01-01' }], subject: {} });
    expect(problems).toEqual(['scenario_missing', 'subject_missing', 'sources_missing', 'right_incomplete:holding', 'right_term:holding', 'right_missing:processing', 'right_missing:operating']);
    for (const p of problems) expect(client.parseProblem(p).known, p).toBe(true);
    expect(client.parseProblem('right_missing:operating')).toEqual({ reason: 'right_missing', arg: 'operating', known: true });
    expect(client.parseProblem(`source_unverified:sha256:${'0'.repeat(64)}`)).toEqual({ reason: 'source_unverified', arg: `sha256:${'0'.repeat(64)}`, known: true });
    expect(client.parseProblem('core_data')).toEqual({ reason: 'core_data', arg: null, known: true });
    expect(client.parseProblem('something_new:x')).toMatchObject({ known: false });
    expect(client.problemsOf({ body: { code: 'REGISTRY_INCOMPLETE', details: { problems: ['scenario_missing', 3] } } })).toEqual(['scenario_missing']);
    expect(client.problemsOf({ body: { code: 'REGISTRY_CORE_DATA' } })).toBeNull();
    expect(client.problemsOf(new Error('x'))).toBeNull();
  });

  it('turns the form into a body the server accepts, leaving out what is incomplete so that submitting names it', () => {
    const empty = client.emptyDraft(ORG, '2026-11-02');
    const body = client.draftBody({ ...empty, titleZh: ' 信用评分 ', titleEn: 'Score', resourceId: RES });
    expect(body).toEqual({ objectKind: 'dataset', title: { zh: '信用评分', en: 'Score' }, description: '', resourceId: RES, productId: null, scenario: null, sources: [], rights: [] });
    expect(Value.Check(CreateBody, { type: 'first', ...body })).toBe(true);
    const problems = server.completenessProblems({ scenario: body.scenario, sources: body.sources, rights: body.rights, subject: body });
    expect(problems).toEqual(['scenario_missing', 'sources_missing', 'right_missing:holding', 'right_missing:processing', 'right_missing:operating']);

    const full: client.DraftValues = {
      ...empty, titleZh: '信用评分', titleEn: 'Score', resourceId: RES, scenarioUsers: '商业银行', scenarioPurpose: '授信审批', scenarioDescription: '',
      sources: [{ kind: 'own_collection', ref: RES }, { kind: 'purchase_contract', ref: `sha256:${'a'.repeat(64)}`, counterpartyOrgId: ORG, description: '采购' }, { kind: 'own_collection', ref: ' ' }],
      rights: empty.rights.map((r) => ({ ...r, basis: '自行采集', scope: '全部字段', termTo: r.kind === 'operating' ? '2027-11-01' : '' })),
    };
    const fb = client.draftBody(full);
    expect(fb.scenario).toEqual({ users: '商业银行', purpose: '授信审批' });
    expect(fb.sources).toEqual([{ kind: 'own_collection', ref: RES }, { kind: 'purchase_contract', ref: `sha256:${'a'.repeat(64)}`, counterpartyOrgId: ORG, description: '采购' }]);
    expect(fb.rights.map((r) => [r.kind, r.termTo])).toEqual([['holding', null], ['processing', null], ['operating', '2027-11-01']]);
    expect(Value.Check(CreateBody, { type: 'first', ...fb })).toBe(true);
    expect(Value.Check(UpdateBody, fb)).toBe(true);
    expect(server.completenessProblems({ scenario: fb.scenario, sources: fb.sources, rights: fb.rights, subject: fb })).toEqual([]);
    // A counterparty only goes with a purchase contract; a product subject clears the resource.
    expect(client.sourceOf({ kind: 'own_collection', ref: RES, counterpartyOrgId: ORG })).toEqual({ kind: 'own_collection', ref: RES });
    expect(client.draftBody({ ...full, subjectKind: 'product', productId: 'aup_aaaaaaaaaaaaaaaaaaaa' })).toMatchObject({ resourceId: null, productId: 'aup_aaaaaaaaaaaaaaaaaaaa' });
    expect(client.incompleteRows(full)).toEqual({ sources: [2], rights: [] });
    expect(client.incompleteRows({ ...full, rights: [{ kind: 'holding', holderOrgId: ORG, basis: 'x', termFrom: '2026-01-01' }] })).toEqual({ sources: [2], rights: ['holding'] });

    // …and back: a saved draft fills the form again.
    const saved = { objectKind: 'dataset', title: fb.title, description: fb.description, resourceId: RES, productId: null, scenario: fb.scenario, sources: fb.sources, rights: fb.rights };
    const again = client.draftValues(saved, ORG, '2026-11-02');
    expect(client.draftBody(again)).toEqual(fb);
  });

  it('offers steps by role and state (the server still decides)', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const applicant = user(['enterprise'], 'staff', 'org_app');
    const auditor = user(['enterprise'], 'auditor', 'org_app');
    const bureau = user(['data_bureau'], 'staff', 'org_bureau', 'government');
    const regulator = user(['regulator'], 'org_admin', 'org_reg', 'government');
    const other = user(['enterprise'], 'auditor', 'org_other');
    const a = (status: string, extra: Partial<{ publicityUntil: string | null; objections: Array<{ status: string }> }> = {}) => ({ applicantOrgId: 'org_app', status, publicityUntil: null, objections: [], ...extra });
    const on = (u: CurrentUser | null, app: ReturnType<typeof a>, ctx: Partial<{ onPanel: boolean; voted: boolean }> = {}) =>
      Object.entries(client.applicationActions(u, app, { onPanel: false, voted: false, now, ...ctx })).filter(([, v]) => v).map(([k]) => k);
    expect(on(applicant, a('draft'))).toEqual(['edit', 'submit', 'withdraw']);
    expect(on(auditor, a('draft'))).toEqual([]);
    expect(on(applicant, a('submitted'))).toEqual(['withdraw']);
    expect(on(bureau, a('submitted'))).toEqual(['draw']);
    expect(on(bureau, a('drawing'))).toEqual(['draw']);
    expect(on(regulator, a('submitted'))).toEqual([]);
    expect(on(other, a('in_review'), { onPanel: true })).toEqual(['vote']);
    expect(on(other, a('in_review'), { onPanel: true, voted: true })).toEqual([]);
    expect(on(other, a('publicity', { publicityUntil: '2026-11-30T16:00:00.000Z' }))).toEqual(['object']);
    expect(on(applicant, a('publicity', { publicityUntil: '2026-11-30T16:00:00.000Z' }))).toEqual([]);
    expect(on(bureau, a('publicity', { publicityUntil: '2026-11-30T16:00:00.000Z' }))).toEqual(['object', 'registerWaiting']);
    expect(on(bureau, a('publicity', { publicityUntil: '2026-11-16T16:00:00.000Z', objections: [{ status: 'open' }] }))).toEqual(['object', 'resolve', 'registerWaiting']);
    expect(on(bureau, a('publicity', { publicityUntil: '2026-11-16T16:00:00.000Z', objections: [{ status: 'dismissed' }] }))).toEqual(['object', 'register']);
    expect(on(bureau, a('registered'))).toEqual([]);
    expect(on(null, a('publicity'))).toEqual([]);
  });

  it('shows the last day of publicity in Asia/Shanghai', () => {
    // Ten working days from Monday 2 November 2026: to the end of Monday 16 November (registry.http.test.ts).
    expect(client.publicityLastDay('2026-11-16T16:00:00.000Z')).toBe('2026-11-16');
    expect(client.publicityLastDay('2026-11-16T16:00:00.001Z')).toBe('2026-11-17');
    expect(client.publicityLastDay(null)).toBeNull();
    expect(client.publicityOver('2026-11-16T16:00:00.000Z', new Date('2026-11-16T16:00:00.000Z'))).toBe(true);
    expect(client.publicityOver('2026-11-16T16:00:00.000Z', new Date('2026-11-16T15:59:59.999Z'))).toBe(false);
  });

  it('offers the pages by role: organisations apply, overseers see all and the pool, individuals none', () => {
    const route = (path: string) => ROUTES.find((r) => r.path === path)!;
    const can = (u: CurrentUser | null, path: string) => computeAccess(u)[route(path).access];
    const enterprise = user(['enterprise'], 'staff');
    const auditor = user(['enterprise'], 'auditor');
    const bureau = user(['data_bureau'], 'staff', 'org_b', 'government');
    const regulator = user(['regulator'], 'auditor', 'org_r', 'government');
    const person = user(['individual'], 'org_admin', 'org_p', 'individual');
    expect(can(null, '/registry')).toBe(true);
    expect(can(null, '/console/registry')).toBe(false);
    expect(can(enterprise, '/console/registry')).toBe(true);
    expect(can(enterprise, '/console/registry/new')).toBe(true);
    expect(can(auditor, '/console/registry')).toBe(true);
    expect(can(auditor, '/console/registry/new')).toBe(false);
    expect(can(enterprise, '/console/registry/reviews')).toBe(true);
    expect(can(enterprise, '/console/registry/all')).toBe(false);
    expect(can(enterprise, '/console/registry/reviewers')).toBe(false);
    expect(can(bureau, '/console/registry/all')).toBe(true);
    expect(can(regulator, '/console/registry/reviewers')).toBe(true);
    expect(can(person, '/console/registry')).toBe(false);
    expect(can(person, '/console/registry/applications/:applicationId')).toBe(true);
    expect(client.boxesFor(enterprise)).toEqual(['mine', 'review']);
    expect(client.boxesFor(regulator)).toEqual(['mine', 'review', 'all']);
    expect(client.isRegistrar(bureau)).toBe(true);
    expect(client.isRegistrar(user(['data_bureau'], 'auditor'))).toBe(false);
  });
  it('mirrors the registrations after the first: types, filers, dispute blocks, problem reasons and dialog bodies', () => {
    expect([...client.APPLICATION_TYPES]).toEqual([...server.APPLICATION_TYPES]);
    expect(client.FILERS).toEqual(server.FILERS);
    expect([...client.BLOCKED_BY_DISPUTE]).toEqual([...server.BLOCKED_BY_DISPUTE]);
    for (const s of client.ASSET_STATUSES) for (const l of ['zh-CN', 'en-US'] as const) expect(`registry.assetStatus.${s}` in MESSAGES[l], s).toBe(true);
    for (const type of server.APPLICATION_TYPES.filter((x) => x !== 'first')) {
      for (const l of ['zh-CN', 'en-US'] as const) expect(`registry.later.${type}` in MESSAGES[l], type).toBe(true);
    }
    // Every reason subsequentProblems gives is read, with its argument.
    const record = { titleZh: 'a', titleEn: 'a', description: '', objectKind: 'dataset', resourceId: RES, productId: null, scenario: null, sources: [], rights: [{ kind: 'processing' as const, holderOrgId: ORG, basis: 'x', scope: 'x', termFrom: '2026-01-01', termTo: '2026-12-31' }] };
    const asset = { holderOrgId: ORG, current: record };
    const none = { grounds: null, counterpartyOrgId: null, licence: null, ...record };
    const codes = [
      ...server.subsequentProblems('cancel', none, asset), ...server.subsequentProblems('change', none, asset), ...server.subsequentProblems('licence', none, asset),
      ...server.subsequentProblems('transfer', { ...none, counterpartyOrgId: ORG }, asset), ...server.subsequentProblems('transfer', { ...none, counterpartyOrgId: 'org_bbbbbbbbbbbbbbbbbbbb' }, asset),
      ...server.subsequentProblems('licence', { ...none, counterpartyOrgId: 'org_bbbbbbbbbbbbbbbbbbbb', licence: { rights: [], scope: ' ', termFrom: '2026-02-01', termTo: '2026-01-01', exclusive: false } }, asset),
      ...server.subsequentProblems('licence', { ...none, counterpartyOrgId: 'org_bbbbbbbbbbbbbbbbbbbb', licence: { rights: ['processing', 'operating'], scope: 'x', termFrom: '2026-02-01', termTo: null, exclusive: false } }, asset),
      'counterparty_unknown',
    ];
    expect(new Set(codes.map((c) => client.parseProblem(c).reason))).toEqual(new Set([
      'grounds_missing', 'no_change', 'counterparty_missing', 'licence_missing', 'counterparty_is_holder', 'transfer_rights', 'licence_rights', 'licence_scope', 'licence_term',
      'licence_term_exceeds', 'licence_right_not_held', 'counterparty_unknown',
    ]));
    for (const c of codes) expect(client.parseProblem(c).known, c).toBe(true);

    // The dialogs' bodies are what the server accepts (create with type and asset; PATCH without).
    const ASSET = 'rga_aaaaaaaaaaaaaaaaaaaa';
    const cancel = client.laterBody('cancel', { grounds: ' 业务调整 ' }, ASSET);
    expect(cancel).toEqual({ type: 'cancel', assetId: ASSET, grounds: '业务调整' });
    expect(Value.Check(CreateBody, cancel)).toBe(true);
    expect(client.laterBody('objection', { grounds: ' ' })).toEqual({ grounds: null });
    const lic = client.laterBody('licence', { counterpartyOrgId: ORG, licenceRights: ['processing', 'holding'], licenceScope: ' 模型训练 ', termFrom: '2026-12-01', termTo: '', exclusive: true }, ASSET);
    expect(lic).toEqual({ type: 'licence', assetId: ASSET, counterpartyOrgId: ORG, licence: { rights: ['processing'], scope: '模型训练', termFrom: '2026-12-01', termTo: null, exclusive: true } });
    expect(Value.Check(CreateBody, lic)).toBe(true);
    expect(Value.Check(UpdateBody, client.laterBody('licence', { counterpartyOrgId: ORG, licenceRights: ['operating'], licenceScope: 'x', termFrom: '2026-12-01', termTo: '2027-01-01' }))).toBe(true);
    expect(Value.Check(CreateBody, client.laterBody('transfer', { counterpartyOrgId: ORG }, ASSET))).toBe(true);
  });

  it('offers the registrations after the first by who may file them, and the registrar decides its own', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const holder = user(['enterprise'], 'staff', 'org_app');
    const holderAuditor = user(['enterprise'], 'auditor', 'org_app');
    const bureau = user(['data_bureau'], 'staff', 'org_bureau', 'government');
    const other = user(['enterprise'], 'org_admin', 'org_other');
    const asset = (status = 'active', disputeUntil: string | null = null) => ({ type: 'first', status: 'registered', asset: { status, holderOrgId: 'org_app', disputeUntil } });
    expect(client.assetActions(holder, asset(), now)).toEqual(['change', 'transfer', 'licence', 'cancel', 'correction']);
    expect(client.assetActions(holderAuditor, asset(), now)).toEqual([]);
    expect(client.assetActions(bureau, asset(), now)).toEqual(['revoke', 'objection']);
    expect(client.assetActions(other, asset(), now)).toEqual(['objection']);
    expect(client.assetActions(null, asset(), now)).toEqual([]);
    // A registered objection blocks change, transfer, licence and correction until it ends.
    expect(client.assetActions(holder, asset('active', '2026-12-01T00:00:00Z'), now)).toEqual(['cancel']);
    expect(client.assetActions(holder, asset('active', '2026-11-01T00:00:00Z'), now)).toEqual(['change', 'transfer', 'licence', 'cancel', 'correction']);
    expect(client.assetActions(holder, asset('cancelled'), now)).toEqual([]);
    expect(client.assetActions(holder, { ...asset(), type: 'change' }, now)).toEqual([]);

    const app = (type: string, path: string, status: string) => ({ applicantOrgId: 'org_app', status, publicityUntil: null, objections: [], type, path });
    const on = (u: CurrentUser, a: ReturnType<typeof app>) => Object.entries(client.applicationActions(u, a, { onPanel: false, voted: false, now })).filter(([, v]) => v).map(([k]) => k);
    expect(on(bureau, app('cancel', 'registrar', 'submitted'))).toEqual(['decide']);
    expect(on(bureau, app('transfer', 'committee', 'submitted'))).toEqual(['draw']);
    expect(on(holder, app('cancel', 'registrar', 'submitted'))).toEqual(['withdraw']);
    expect(on(holder, app('transfer', 'committee', 'draft'))).toEqual(['submit', 'withdraw']);
    expect(on(holder, app('correction', 'registrar', 'draft'))).toEqual(['edit', 'submit', 'withdraw']);
    expect(server.pathOf('cancel', ['change', 'transfer', 'licence'])).toBe('registrar');
  });
});
