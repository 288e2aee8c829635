import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';
import { APPLICATION_TYPES, EXPERTISE, OBJECT_KINDS, RIGHTS, SOURCE_KINDS, STATUSES } from './application.rules.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const I18n = (maxLength: number) => Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, Strict);
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const OrgId = Type.String({ pattern: '^org_[0-9a-z]{20}$' });

export const ApplicationTypeSchema = lit(APPLICATION_TYPES, 'first 首次 | change 变更 | transfer 转移 | licence 许可 | cancel 注销 | revoke 撤销 | objection 异议 | correction 更正 — every type after the first names the asset (assetId)');
export const ObjectKindSchema = lit(OBJECT_KINDS, 'dataset 数据集 | api 服务接口 | indicator 指标 | report 报告 | model 模型算法 | application 应用');
export const StatusSchema = lit(STATUSES, 'draft → submitted → drawing → in_review → publicity → registered; rejected; withdrawn');
export const ExpertiseSchema = lit(EXPERTISE, 'legal 法律 | industry 行业 | valuation 评估 | accounting 会计 | audit 审计 | technical 技术 | security 安全');

const Scenario = Type.Object({ users: Text(200), purpose: Text(500), description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { ...Strict, description: 'who uses it and for what (无场景不登记)' });
const Source = Type.Object(
  {
    kind: lit(SOURCE_KINDS, 'own_collection: a resource of the applicant | authorized_operation: its active agreement | data_subject_authorization: an approved consent it requested | purchase_contract: the contract digest sha256:… and the counterparty'),
    ref: Type.String({ minLength: 1, maxLength: 100 }),
    counterpartyOrgId: Type.Optional(Nullable(OrgId)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  Strict,
);
const Right = Type.Object(
  { kind: lit(RIGHTS, 'holding 数据资源持有权 | processing 数据加工使用权 | operating 数据产品经营权'), holderOrgId: OrgId, basis: Text(1000), scope: Text(1000), termFrom: Day('from'), termTo: Nullable(Day('until; null: no end')) },
  Strict,
);
const Licence = Type.Object(
  {
    rights: Type.Array(lit(['processing', 'operating'] as const), { minItems: 1, maxItems: 2, uniqueItems: true, description: 'the licensed rights (the holding right is not licensed)' }),
    scope: Text(1000), termFrom: Day('from'), termTo: Nullable(Day('until; null: as long as the licensor holds the right')), exclusive: Type.Boolean(),
  },
  { ...Strict, description: 'a licence registration (许可登记): the licensed rights, scope, term (within the licensor\'s own right) and exclusivity' },
);
const LaterFields = {
  counterpartyOrgId: Type.Optional(Nullable(OrgId)),
  licence: Type.Optional(Nullable(Licence)),
  grounds: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'why: a cancellation, revocation, objection or correction' }))),
};
const DraftFields = {
  objectKind: ObjectKindSchema,
  title: I18n(200),
  description: Type.String({ maxLength: 4000 }),
  resourceId: Type.Optional(Nullable(Type.String({ pattern: '^res_[0-9a-z]{20}$' }))),
  productId: Type.Optional(Nullable(Type.String({ pattern: '^aup_[0-9a-z]{20}$' }))),
  scenario: Type.Optional(Nullable(Scenario)),
  sources: Type.Optional(Type.Array(Source, { maxItems: 50 })),
  rights: Type.Optional(Type.Array(Right, { maxItems: 20 })),
};
export const CreateBody = Type.Object(
  {
    type: ApplicationTypeSchema,
    assetId: Type.Optional(Nullable(Type.String({ pattern: '^rga_[0-9a-z]{20}$', description: 'types after the first: the asset (the id of its first registration)' }))),
    ...DraftFields,
    objectKind: Type.Optional(ObjectKindSchema), title: Type.Optional(I18n(200)), description: Type.Optional(Type.String({ maxLength: 4000 })),
    ...LaterFields,
  },
  { ...Strict, description: 'first: the whole record (objectKind, title, description required); later types start from the asset\'s current record — change and correction may edit it; transfer names the new holder (counterpartyOrgId); licence the licensee and the licence; cancel, revoke, objection and correction their grounds' },
);
export const UpdateBody = Type.Partial(Type.Object({ ...DraftFields, ...LaterFields }, Strict), Strict);
export const DecideBody = Type.Object({ outcome: lit(['approved', 'rejected'] as const), reason: Type.String({ maxLength: 2000 }) }, Strict);
export const ApplicationParams = Type.Object({ applicationId: Type.String({ pattern: '^rga_[0-9a-z]{20}$' }) }, Strict);
export const ObjectionParams = Type.Object({ applicationId: Type.String({ pattern: '^rga_[0-9a-z]{20}$' }), objectionId: Type.String({ pattern: '^rgo_[0-9a-z]{20}$' }) }, Strict);
export const ReviewerParams = Type.Object({ reviewerId: Type.String({ pattern: '^rvw_[0-9a-z]{20}$' }) }, Strict);
export const ListQuery = Type.Object(
  {
    box: Type.Optional(lit(['mine', 'assets', 'review', 'all'] as const, "mine (the caller's organisation's applications) | assets (the registered assets it holds now) | review (those on the caller's panel) | all (data bureau, regulator)")),
    status: Type.Optional(StatusSchema), type: Type.Optional(ApplicationTypeSchema), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
  Strict,
);
export const PublicQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })), status: Type.Optional(lit(['registered', 'publicity'] as const)),
  holderOrgId: Type.Optional(Type.String({ pattern: '^org_[0-9a-z]{20}$', description: "registered assets of one holder (e.g. a broker's client)" })), ...PageQuery,
}, Strict);
export const VoteBody = Type.Object({ vote: lit(['approve', 'reject'] as const), opinion: Text(4000) }, Strict);
export const ObjectionBody = Type.Object({ reason: Text(2000) }, Strict);
export const ResolveBody = Type.Object({ outcome: lit(['upheld', 'dismissed'] as const), resolution: Text(2000) }, Strict);
export const ReviewerBody = Type.Object({ userId: Type.String({ pattern: '^usr_[0-9a-z]{20}$' }), expertise: Type.Array(ExpertiseSchema, { minItems: 1, maxItems: 7, uniqueItems: true }) }, Strict);

const Objection = Type.Object({ id: Type.String(), orgId: Type.String(), reason: Type.String(), status: Type.String(), resolution: Nullable(Type.String()), createdAt: Type.String(), resolvedAt: Nullable(Type.String()) });
export const ObjectionOut = Objection;
export const Application = Type.Object({
  id: Type.String(), type: Type.String(), objectKind: Type.String(), applicantOrgId: Type.String(), title: I18nOut, description: Type.String(),
  resourceId: Nullable(Type.String()), productId: Nullable(Type.String()), scenario: Nullable(Type.Unknown()), sources: Type.Array(Type.Unknown()), rights: Type.Array(Type.Unknown()),
  grading: Nullable(Type.Unknown()), status: StatusSchema,
  committee: Nullable(Type.Object({ seed: Type.String(), seedEventId: Nullable(Type.String()), eligible: Nullable(Type.Array(Type.Unknown())), recused: Nullable(Type.Array(Type.Unknown())), panel: Nullable(Type.Array(Type.Unknown())) })),
  decision: Nullable(Type.Unknown()), publicityUntil: Nullable(Type.String()), registrationNumber: Nullable(Type.String()),
  registeredEvent: Nullable(Type.Object({ eventId: Type.String(), payloadDigest: Type.String() })), registrarOrgId: Nullable(Type.String({ description: 'the data bureau that reviewed and registered it' })), reason: Nullable(Type.String()),
  createdAt: Type.String(), submittedAt: Nullable(Type.String()), decidedAt: Nullable(Type.String()), registeredAt: Nullable(Type.String()), updatedAt: Type.String(),
  votes: Type.Optional(Type.Array(Type.Object({ reviewerId: Type.String(), vote: Type.String(), opinion: Type.String(), votedAt: Type.String() }))),
  objections: Type.Optional(Type.Array(Objection)),
  assetId: Type.String({ description: 'the asset: a first registration\'s own id, or the first registration a later one is about' }),
  basedOn: Nullable(Type.String({ description: 'the asset record (application id) a later registration started from' })),
  counterpartyOrgId: Nullable(Type.String()), licence: Nullable(Type.Unknown()), grounds: Nullable(Type.String()),
  path: lit(['committee', 'registrar'] as const, 'committee: 合规会审 and publicity; registrar: decided by the data bureau (registry.reviewedTypes)'),
  certificateHolderOrgId: Nullable(Type.String()),
  asset: Nullable(Type.Object({ status: Type.String(), holderOrgId: Nullable(Type.String()), currentId: Nullable(Type.String()), revision: Type.Integer(), disputeUntil: Nullable(Type.String()) }, { description: 'a registered first registration: the asset\'s state, holder, current record, revisions and running dispute' })),
  viewer: Type.Optional(Type.Object({ reviewerId: Nullable(Type.String()), voted: Type.Boolean() }, { description: 'the caller as a panel member: its reviewer id (null when not on the panel) and whether it voted' })),
});
export const PublicEntry = Type.Object({
  id: Type.String(), registrationNumber: Nullable(Type.String()), title: I18nOut, objectKind: Type.String(), type: Type.String(), status: Type.String(),
  applicant: Type.Object({ orgId: Type.String(), name: I18nOut }), scenario: Nullable(Type.Object({ users: Type.String(), purpose: Type.String() })),
  rights: Type.Array(Type.Object({ kind: Type.String(), holder: Type.Object({ orgId: Type.String(), name: I18nOut }), termFrom: Type.String(), termTo: Nullable(Type.String()) })),
  grading: Nullable(Type.Object({ level: Type.String() })), publicityUntil: Nullable(Type.String()), registeredAt: Nullable(Type.String()),
  assetId: Type.String(), holder: Nullable(Type.Object({ orgId: Type.String(), name: I18nOut })), assetStatus: Nullable(Type.String()), disputed: Type.Boolean(), revision: Type.Integer(),
  history: Type.Optional(Type.Array(Type.Object({ id: Type.String(), type: Type.String(), status: Type.String(), registrationNumber: Nullable(Type.String()), counterpartyOrgId: Nullable(Type.String()), registeredAt: Nullable(Type.String()), publicityUntil: Nullable(Type.String()) }))),
});
export const Reviewer = Type.Object({ id: Type.String(), userId: Type.String(), orgId: Type.String(), name: Type.String(), expertise: Type.Array(Type.String()), status: Type.String(), createdAt: Type.String() });
export const Reviewers = Type.Object({ items: Type.Array(Reviewer) });
export const ReviewerListQuery = Type.Object({ status: Type.Optional(lit(['active', 'retired'] as const)) }, Strict);

export const ValuationParams = Type.Object({ valuationId: Type.String({ pattern: '^val_[0-9a-z]{20}$' }) }, Strict);
const MethodInput = (description: string) => Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description }));
export const ValuationBody = Type.Object(
  {
    kind: lit(['appraisal', 'self_estimate'] as const, 'appraisal: by a valuer organisation (service_provider); self_estimate: by the applicant'),
    baseDate: Day('评估基准日, the valuation base date'),
    cost: MethodInput('cost method: { items: [{ kind: preliminary|direct|indirect|opportunity|taxes, label?, amountYuan }], adjustment: { kind: quality, dimensions: [{ dimension, score, weight }] } | { kind: remaining_life, remainingYears, totalYears } }'),
    income: MethodInput('income method: { variant: direct|royalty|excess|incremental, discountRate, timing?: end|mid, economicLifeYears, lifeBounds?, royaltyRate? (royalty), years: [...] }'),
    market: MethodInput('market method: { comparables: [{ id, priceYuan, coefficients: { quality, supplyDemand, date, volume, other }, weight? }] }'),
    weights: Type.Optional(Type.Object({ cost: Type.Optional(Type.String()), income: Type.Optional(Type.String()), market: Type.Optional(Type.String()) }, { ...Strict, description: 'reconciliation weights of the methods used, summing to 1' })),
    opinion: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { ...Strict, description: 'a valuation per 中评协〔2023〕17号; money in yuan as decimal strings, computed exactly' },
);
export const Valuation = Type.Object({
  id: Type.String(), applicationId: Type.String(), holderOrgId: Type.String(), valuerOrgId: Type.String(), kind: Type.String(), baseDate: Type.String(),
  valueFen: Type.String({ description: 'the (reconciled) value in fen' }), report: Type.Record(Type.String(), Type.Unknown()), seal: Type.Record(Type.String(), Type.Unknown()), createdAt: Type.String(),
  sealCheck: Type.Optional(Type.Object({ valid: Type.Boolean() }, { additionalProperties: true })),
});
export const Valuations = Type.Object({ items: Type.Array(Valuation) });

const Fen = Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', description: 'integer fen as a decimal string' });
export const AccountingBody = Type.Object(
  {
    applicationId: Type.String({ pattern: '^rga_[0-9a-z]{20}$', description: "a registered application of the caller's organisation" }),
    facts: Type.Object({
      holding: lit(['for_sale', 'internal_use'] as const, 'for_sale: held for sale in ordinary activities (CAS 1 存货); internal_use: used by the enterprise (CAS 6 无形资产)'),
      acquisition: lit(['purchased', 'self_developed', 'other'] as const, '外购 / 自行开发 / 其他'),
      meetsRecognition: Type.Boolean({ description: 'meets the definition and recognition conditions of the applicable standard' }),
      rdPhase: Type.Optional(lit(['research', 'development'] as const)),
      readyForIntendedUse: Type.Optional(Type.Boolean()),
    }, Strict),
    costItems: Type.Array(Type.Object({
      kind: Type.String({ minLength: 1, maxLength: 40, description: 'price, taxes, desensitisation, cleaning, labelling, integration, analysis, visualisation, ownership_verification, quality_assessment, registration_settlement, security_management — anything else is expensed for purchased resources' }),
      label: Type.Optional(Type.String({ maxLength: 200 })), amountFen: Fen, directlyAttributable: Type.Optional(Type.Boolean()), afterReadyForUse: Type.Optional(Type.Boolean()),
    }, Strict), { minItems: 1, maxItems: 100 }),
    recognizedOn: Day('the day recognised on the books'),
    lifeYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'intangibles: useful life in years' })),
    startMonth: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'intangibles: first month amortized (default: the month recognised)' })),
    residualFen: Type.Optional(Fen),
  },
  { ...Strict, description: '数据资产入表 per 财会〔2023〕11号' },
);
export const AccountingAsset = Type.Object({
  id: Type.String(), orgId: Type.String(), applicationId: Type.String(), class: Type.String(), classification: Type.Record(Type.String(), Type.Unknown()), source: Type.String(),
  cost: Type.Record(Type.String(), Type.Unknown()), capitalizedFen: Type.String(), recognizedOn: Type.String(), lifeMonths: Nullable(Type.Integer()), residualFen: Type.String(),
  startMonth: Nullable(Type.String()), schedule: Nullable(Type.Record(Type.String(), Type.Unknown())), createdAt: Type.String(),
});
export const AccountingAssets = Type.Object({ items: Type.Array(AccountingAsset) });
export const DisclosureQuery = Type.Object({ year: Type.Integer({ minimum: 2024, maximum: 2100 }), format: Type.Optional(lit(['json', 'xlsx'] as const)) }, Strict);
export const AccountingDisclosure = Type.Object({
  orgId: Type.String(), year: Type.Integer(),
  tables: Type.Array(Type.Object({ class: Type.String(), title: I18nOut, rows: Type.Array(Type.Record(Type.String(), Type.Unknown())) })),
});
