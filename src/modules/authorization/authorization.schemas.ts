import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';
import { MODES, STATUSES } from './agreement.rules.js';
import { PRODUCT_KINDS } from './product.repository.js';
import { NOTIFICATION_KINDS } from './notification.service.js';
import { LICENCE_TYPE_CODES } from './licence.rules.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const I18n = (maxLength: number) => Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, Strict);
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });
const CalendarDate = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const OrgId = Type.String({ pattern: '^org_[0-9a-z]{20}$' });
const ResourceId = Type.String({ pattern: '^res_[0-9a-z]{20}$' });
const FieldName = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
const Amount = Type.String({ pattern: '^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?$', description: 'yuan, at most two decimals' });
const Fee = Type.Object({ amount: Amount, unit: Text(20) }, { ...Strict, description: 'an amount of yuan per unit, e.g. { amount: "0.50", unit: "元/次" }' });
const FeeOut = Type.Object({ amount: Type.String(), unit: Type.String() });

export const ModeSchema = lit(MODES, 'whole 整体授权 | domain 分领域授权 | scenario 依场景授权 (one scenario)');
export const AgreementStatusSchema = lit(STATUSES, 'applied 已申请 → reviewed 已审核 → signed 已签章 → active 运营中 ⇄ suspended 已暂停 → terminated 已终止 | expired 已到期; rejected 已驳回; withdrawn 已撤回');
export const ProductKindSchema = lit(PRODUCT_KINDS, 'dataset 数据集 | api 服务接口 | indicator 指标 | report 报告 | model 模型算法 | application 应用');
export const RoleSchema = lit(['implementing_body', 'operator'] as const, 'implementing_body 实施机构 | operator 运营机构');

export const AgreementParams = Type.Object({ agreementId: Type.String({ pattern: '^aut_[0-9a-z]{20}$' }) }, Strict);
export const ProductParams = Type.Object({ productId: Type.String({ pattern: '^aup_[0-9a-z]{20}$' }) }, Strict);
export const DisclosureParams = Type.Object({ disclosureId: Type.String({ pattern: '^dis_[0-9a-z]{20}$' }) }, Strict);

export const ApplyBody = Type.Object(
  {
    implementingOrgId: OrgId,
    mode: ModeSchema,
    domain: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    scenarios: Type.Array(Text(500), { maxItems: 20 }),
    scope: Type.Array(Type.Object({ resourceId: ResourceId, fields: Type.Array(FieldName, { minItems: 1, maxItems: 500, uniqueItems: true }) }, Strict), { minItems: 1, maxItems: 50 }),
    termFrom: CalendarDate('first day of the term (Asia/Shanghai)'),
    termTo: CalendarDate('last day of the term; at most authorization.maxTermYears after the first'),
    feeCap: Type.Optional(Nullable(Fee)),
    securityObligations: Text(4000),
  },
  { ...Strict, description: "an operator's application to an implementing body for authorized operation (授权运营申请)" },
);
export const NoteBody = Type.Object({ note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, Strict);
export const ReasonBody = Type.Object({ reason: Text(2000) }, Strict);

const Seal = Type.Object(
  {
    v: Type.Literal(1), alg: Type.Literal('Ed25519'), kid: Type.String(), orgId: Type.String(), signer: Type.String(), signedBy: Type.Optional(Type.String()),
    signedAt: Type.String(), digest: Type.String(), signature: Type.String(),
  },
  { description: "an organisation's electronic seal over the agreement document (identity seal, Ed25519 over the canonical seal body)" },
);
export const Agreement = Type.Object({
  id: Type.String(),
  implementingOrgId: Type.String(),
  operatorOrgId: Type.String(),
  mode: ModeSchema,
  domain: Nullable(Type.String()),
  scenarios: Type.Array(Type.String()),
  scope: Type.Array(Type.Object({ resourceId: Type.String(), fields: Type.Array(Type.String()), title: I18nOut, sourceOrgId: Type.String() })),
  termFrom: Type.String(),
  termTo: Type.String(),
  feeCap: Nullable(FeeOut),
  securityObligations: Type.String(),
  status: AgreementStatusSchema,
  reviewNote: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  documentDigest: Nullable(Type.String()),
  seals: Type.Object({ implementingBody: Nullable(Seal), operator: Nullable(Seal) }),
  grantIds: Type.Array(Type.String()),
  actions: Type.Array(Type.String(), { description: 'transitions the machine allows now (whether the caller may take them is checked on the call)' }),
  appliedAt: Type.String(),
  reviewedAt: Nullable(Type.String()),
  signedAt: Nullable(Type.String()),
  activatedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export const AgreementDetail = Type.Intersect([Agreement, Type.Object({ document: Type.Record(Type.String(), Type.Unknown(), { description: 'the document both parties seal' }) })]);
export const AgreementListQuery = Type.Object(
  {
    box: Type.Optional(lit(['mine', 'all'] as const, "mine: the caller's organisation's agreements (either side); all: every agreement (data bureau, regulator)")),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(AgreementStatusSchema),
    ...PageQuery,
  },
  Strict,
);
const SealCheck = Type.Object({ valid: Type.Boolean(), orgId: Type.Optional(Type.String()), kid: Type.Optional(Type.String()), signedAt: Type.Optional(Type.String()), reason: Type.Optional(Type.String()) });
export const SealVerification = Type.Object({ documentDigest: Type.String(), implementingBody: SealCheck, operator: SealCheck });

export const ProductBody = Type.Object(
  {
    name: I18n(200),
    kind: ProductKindSchema,
    description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    resourceIds: Type.Array(ResourceId, { minItems: 1, maxItems: 50, uniqueItems: true }),
    scenario: Text(500),
    fee: Type.Optional(Nullable(Fee)),
  },
  { ...Strict, description: 'a product or service built under the agreement (运营产品)' },
);
export const Product = Type.Object({
  id: Type.String(),
  agreementId: Type.String(),
  operatorOrgId: Type.String(),
  name: I18nOut,
  kind: ProductKindSchema,
  description: Nullable(Type.String()),
  resourceIds: Type.Array(Type.String()),
  scenario: Type.String(),
  fee: Nullable(FeeOut),
  status: lit(['declared', 'withdrawn'] as const),
  declaredAt: Type.String(),
  withdrawnAt: Nullable(Type.String()),
});
export const ProductListQuery = Type.Object(
  {
    agreementId: Type.Optional(Type.String({ pattern: '^aut_[0-9a-z]{20}$' })),
    box: Type.Optional(lit(['mine', 'all'] as const)),
    status: Type.Optional(lit(['declared', 'withdrawn'] as const)),
    ...PageQuery,
  },
  Strict,
);

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
export const PublishBody = Type.Object({ year: Year, role: RoleSchema }, { ...Strict, description: "the year (ended) and the role in which the caller's organisation discloses" });
export const DisclosureSummary = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: I18nOut,
  role: RoleSchema,
  year: Type.Integer(),
  revision: Type.Integer(),
  digest: Type.String({ description: 'sha256 of the canonical report (RFC 8785), also in the ledger event' }),
  agreements: Type.Integer(),
  products: Type.Integer(),
  publishedAt: Type.String(),
});
export const Disclosure = Type.Intersect([DisclosureSummary, Type.Object({ report: Type.Record(Type.String(), Type.Unknown()) })]);
export const DisclosureListQuery = Type.Object({ year: Type.Optional(Year), orgId: Type.Optional(OrgId), role: Type.Optional(RoleSchema), ...PageQuery }, Strict);
export const MissingQuery = Type.Object({ year: Year }, Strict);
export const Missing = Type.Object({
  year: Type.Integer(),
  dueDate: Type.String(),
  pastDue: Type.Boolean(),
  items: Type.Array(Type.Object({ orgId: Type.String(), orgName: I18nOut, role: RoleSchema })),
});

// ---- data-subject authorization (数据主体授权) ----
const Code = Type.String({ pattern: '^[A-Z][A-Z0-9_.]{1,62}$', description: 'e.g. ELEC.MONTHLY' });
export const SubjectKindSchema = lit(['legal_person', 'natural_person'] as const, 'legal_person 法人 (matched by USCC) | natural_person 自然人 (matched by resident ID)');
export const DataItemBody = Type.Object(
  {
    code: Code,
    name: I18n(200),
    resourceId: ResourceId,
    subjectKind: SubjectKindSchema,
    subjectField: FieldName,
    fields: Type.Array(FieldName, { minItems: 1, maxItems: 100, uniqueItems: true }),
    periodField: Type.Optional(Nullable(FieldName)),
  },
  { ...Strict, description: "a data item (常用数据) of the digital spaces: the holder's rows of a published resource" },
);
export const DataItem = Type.Object({
  id: Type.String(), code: Type.String(), name: I18nOut, resourceId: Type.String(), sourceOrgId: Type.String(), subjectKind: SubjectKindSchema,
  subjectField: Type.String(), fields: Type.Array(Type.String()), periodField: Nullable(Type.String()), status: Type.String(), createdAt: Type.String(),
});
export const DataItemListQuery = Type.Object({ subjectKind: Type.Optional(SubjectKindSchema) }, Strict);
export const DataItemList = Type.Object({ items: Type.Array(DataItem) });

export const ConsentStatusSchema = lit(['pending', 'approved', 'rejected', 'withdrawn', 'revoked', 'expired', 'exhausted'] as const, 'pending 待授权 → approved 已授权 | rejected 已拒绝 | withdrawn 已撤回; approved → revoked 已撤销 | expired 已到期 | exhausted 次数用完');
export const ConsentParams = Type.Object({ consentId: Type.String({ pattern: '^cns_[0-9a-z]{20}$' }) }, Strict);
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export const ConsentRequestBody = Type.Object(
  {
    holderUscc: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', description: "an enterprise holder's unified social credit code (or holderResidentId)" })),
    holderResidentId: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dXx]$', description: "a person holder's resident identity number (or holderUscc)" })),
    itemIds: Type.Array(Type.String({ pattern: '^dit_[0-9a-z]{20}$' }), { minItems: 1, maxItems: 20, uniqueItems: true }),
    purpose: Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$', description: 'a code of config authorization.purposes' }),
    purposeText: Text(1000),
    periodFrom: Month,
    periodTo: Month,
    validUntil: Type.String({ format: 'date-time', description: 'the authorization ends then (at most five years on)' }),
    maxUses: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'gateway calls allowed per data item' }),
  },
  { ...Strict, description: 'a request to a holder for its data items (数据授权申请)' },
);
export const DeletionBody = Type.Object({ statement: Text(4000) }, { ...Strict, description: 'what was deleted, where and how (销毁记录)' });
export const Consent = Type.Object({
  id: Type.String(),
  requesterOrgId: Type.String(),
  holderOrgId: Type.String(),
  holderKind: SubjectKindSchema,
  holderUscc: Nullable(Type.String({ description: "an enterprise holder's USCC" })),
  holderIdMasked: Nullable(Type.String({ description: "a person holder's identity number, masked" })),
  items: Type.Array(Type.Object({ itemId: Type.String(), code: Type.String(), name: I18nOut, resourceId: Type.String(), sourceOrgId: Type.String(), fields: Type.Array(Type.String()) })),
  purpose: Type.String(),
  purposeText: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  validUntil: Type.String(),
  maxUses: Type.Integer(),
  status: ConsentStatusSchema,
  reason: Nullable(Type.String()),
  record: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'the consent record (ISO/IEC TS 27560 / Kantara Consent Receipt fields)' })),
  recordSeal: Nullable(Seal),
  recordDigest: Nullable(Type.String()),
  approvalEvent: Nullable(Type.Object({ eventId: Type.String(), payloadDigest: Type.String() }, { description: 'the ledger event of the approval; its receipt: GET /api/v1/ledger/events/{eventId}/receipt' })),
  grantIds: Type.Array(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  deletion: Nullable(Type.Object({ dueAt: Type.String(), attestedAt: Nullable(Type.String()), statement: Nullable(Type.String()), overdue: Type.Boolean() })),
  updatedAt: Type.String(),
});
export const ConsentListQuery = Type.Object(
  { box: Type.Optional(lit(['holder', 'requester', 'all'] as const, 'holder: requests to the caller\'s organisation; requester: its own requests; all: overseers')), status: Type.Optional(ConsentStatusSchema), ...PageQuery },
  Strict,
);
export const UsageQuery = Type.Object(PageQuery, Strict);
export const ConsentUsage = Type.Object({
  consentId: Type.String(),
  items: Type.Array(Type.Object({
    id: Type.String(), grantId: Nullable(Type.String()), resourceId: Type.String(), callerOrgId: Type.String(), calledAt: Type.String(),
    rows: Type.Integer(), status: Type.Integer(), code: Nullable(Type.String()), recordHash: Type.String(), commitmentId: Nullable(Type.String()),
  })),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const Purposes = Type.Object({ items: Type.Array(Type.String()) });

// ---- the legal-person digital space (法人数字空间) ----
export const SpaceItemOut = Type.Object({
  id: Type.String(), code: Type.String(), name: I18nOut, resourceId: Type.String(), sourceOrgId: Type.String(), fields: Type.Array(Type.String()),
  periodField: Nullable(Type.String()), hidden: Type.Boolean({ description: 'hidden from requesters: requests naming it are refused' }),
});
export const Binding = Type.Object({ legalRep: Type.String(), verifiedAt: Type.String() }, { description: "the legal representative's binding to the registry record (法人绑定)" });
export const Space = Type.Object({
  holder: Type.Object({ orgId: Type.String(), name: I18nOut, kind: SubjectKindSchema, uscc: Nullable(Type.String()), idMasked: Nullable(Type.String({ description: "a person's identity number, masked" })) }),
  binding: Nullable(Binding),
  items: Type.Array(SpaceItemOut),
});
export const SignUpBody = Type.Object(
  {
    name: Text(50),
    residentId: Type.String({ pattern: '^\\d{17}[\\dXx]$' }),
    phone: Type.String({ pattern: '^\\d{11}$' }),
    username: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_.-]{2,39}$' }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { ...Strict, description: "an individual's sign-up: real-name checked against the population base" },
);
export const SignedUp = Type.Object({ orgId: Type.String(), userId: Type.String(), username: Type.String(), name: Type.String(), residentIdMasked: Type.String() });
export const BindBody = Type.Object({ legalRep: Text(100) }, { ...Strict, description: "the legal representative's name as registered" });
export const ItemParams = Type.Object({ itemId: Type.String({ pattern: '^dit_[0-9a-z]{20}$' }) }, Strict);
export const SpaceRowsQuery = Type.Object({ periodFrom: Type.Optional(Month), periodTo: Type.Optional(Month), ...PageQuery }, Strict);
export const SpaceRows = Type.Object({
  item: SpaceItemOut, callId: Type.String({ description: 'the gateway call that fetched them (metered evidence)' }), fields: Type.Array(Type.String()),
  items: Type.Array(Type.Record(Type.String(), Type.Unknown())), page: Type.Integer(), pageSize: Type.Integer(), hasMore: Type.Boolean(),
});
export const SpacePackage = Type.Object({
  package: Type.Record(Type.String(), Type.Unknown(), { description: 'the holder and every data item with its rows' }),
  digest: Type.String(),
  seal: Seal,
  evidence: Type.Object({ eventId: Type.String(), receiptUrl: Type.String({ description: 'the ledger receipt of the export event, once sequenced' }) }),
});

// ---- licences (电子证照) ----
export const LicenceTypeSchema = lit(LICENCE_TYPE_CODES, 'BUSINESS_LICENCE 营业执照 | FOOD_BUSINESS_LICENCE 食品经营许可证 | RESIDENT_ID 居民身份证 | DRIVING_LICENCE 机动车驾驶证 (config authorization.licenceTypes)');
export const LicenceParams = Type.Object({ licenceId: Type.String({ pattern: '^lic_[0-9a-z]{20}$' }) }, Strict);
export const LicenceTypes = Type.Object({
  items: Type.Array(Type.Object({
    code: Type.String(), name: I18nOut, holderKind: SubjectKindSchema, numberIsHolderId: Type.Boolean({ description: "the number is the holder's USCC or identity number" }),
    numberPattern: Nullable(Type.String()), fields: Type.Array(Type.Object({ key: Type.String(), label: I18nOut })),
  })),
});
export const IssueLicenceBody = Type.Object(
  {
    type: LicenceTypeSchema,
    number: Type.String({ minLength: 1, maxLength: 40, description: "the licence number; for BUSINESS_LICENCE the holder's USCC, for RESIDENT_ID and DRIVING_LICENCE the holder's identity number" }),
    holder: Type.Object({ id: Type.String({ minLength: 18, maxLength: 18, description: 'USCC (legal person) or resident identity number (natural person), by the type' }), name: Text(100) }, Strict),
    fields: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' }), Type.String({ maxLength: 500 }), { maxProperties: 30, description: "the content, by the type's field keys" }),
    validFrom: CalendarDate('first valid day'),
    validTo: Type.Optional(Nullable(CalendarDate('last valid day; null or absent: long-term (长期)'))),
  },
  { ...Strict, description: 'a licence a source unit issues into a holder\'s digital space, sealed with its electronic seal' },
);
export const LicenceStateSchema = lit(['valid', 'expired', 'revoked'] as const, 'valid 有效 | expired 已过期 | revoked 已吊销/注销');
export const Licence = Type.Object({
  id: Type.String(), type: Type.String(), typeName: I18nOut, numberMasked: Type.String(), holderKind: SubjectKindSchema, holderMasked: Type.String(), holderName: Type.String(),
  issuer: Type.Object({ orgId: Type.String(), name: I18nOut }), validFrom: Type.String(), validTo: Nullable(Type.String()), issuedAt: Type.String(), digest: Type.String(),
  state: LicenceStateSchema, revokedAt: Nullable(Type.String()), revokeReason: Nullable(Type.String()),
});
export const LicenceListQuery = Type.Object(
  { issuerOrgId: Type.Optional(OrgId), type: Type.Optional(LicenceTypeSchema), status: Type.Optional(lit(['valid', 'revoked'] as const)), ...PageQuery },
  Strict,
);
const LicenceDocumentOut = Type.Record(Type.String(), Type.Unknown(), { description: 'the signed document (type liutong.licence): licence type, number, holder, content, validity, issuer, issue time' });
export const HeldLicence = Type.Object({ id: Type.String(), state: LicenceStateSchema, revokedAt: Nullable(Type.String()), document: LicenceDocumentOut, seal: Seal, digest: Type.String() });
export const HeldLicences = Type.Object({ items: Type.Array(HeldLicence) });
export const VerifyLicenceBody = Type.Object(
  { document: Type.Record(Type.String(), Type.Unknown()), seal: Type.Record(Type.String(), Type.Unknown()) },
  { ...Strict, description: 'a downloaded licence: its document and its seal' },
);
export const LicenceVerification = Type.Object({
  valid: Type.Boolean({ description: 'signature good, issued here with this document by the sealing organisation, and valid today' }),
  signature: Type.String({ description: 'valid, or why not (digest_mismatch, unknown_key, bad_signature, …)' }),
  registered: Type.Boolean(), issuerMatches: Type.Boolean(), state: lit(['valid', 'expired', 'revoked', 'unknown'] as const),
  licenceType: Nullable(Type.String()), issuer: Nullable(Type.Object({ orgId: Type.String(), name: I18nOut })), validTo: Nullable(Type.String()), revokedAt: Nullable(Type.String()),
});

// ---- notifications (通知) and webhooks ----
export const NotificationKindSchema = lit(NOTIFICATION_KINDS, 'what is announced');
export const InboxQuery = Type.Object({ unread: Type.Optional(Type.Boolean()), ...PageQuery }, Strict);
export const Inbox = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), subject: Type.Object({ type: Type.String(), id: Type.String() }), payload: Type.Record(Type.String(), Type.Unknown()), createdAt: Type.String(), readAt: Nullable(Type.String()) })),
  total: Type.Integer(), unread: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
});
export const NotificationParams = Type.Object({ notificationId: Type.String({ pattern: '^ntf_[0-9a-z]{20}$' }) }, Strict);
export const Marked = Type.Object({ marked: Type.Integer() });
export const WebhookBody = Type.Object(
  { url: Type.String({ maxLength: 2000 }), kinds: Type.Optional(Type.Array(NotificationKindSchema, { maxItems: 20, uniqueItems: true, description: 'empty or absent: every kind' })) },
  Strict,
);
export const Webhook = Type.Object({ id: Type.String(), url: Type.String(), kinds: Type.Array(Type.String()), status: Type.String(), createdAt: Type.String() });
export const WebhookList = Type.Object({ items: Type.Array(Webhook) });
export const WebhookParams = Type.Object({ webhookId: Type.String({ pattern: '^whk_[0-9a-z]{20}$' }) }, Strict);
export const Deliveries = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), notificationId: Type.String(), attempts: Type.Integer(), status: Type.String(), lastStatus: Nullable(Type.Integer()), lastError: Nullable(Type.String()), nextAttemptAt: Type.String(), createdAt: Type.String(), deliveredAt: Nullable(Type.String()) })),
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
});
