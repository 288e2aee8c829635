import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });

export const ResourceIdSchema = Type.String({ pattern: '^res_[0-9a-z]{20}$' });
export const OpenTypeSchema = lit(['unconditional', 'conditional'] as const, 'unconditional 无条件开放 | conditional 有条件开放');

export const DatasetParams = Type.Object({ resourceId: ResourceIdSchema }, Strict);
export const DatasetListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'words in the Chinese or English title, description, category or publisher' })),
    openType: Type.Optional(OpenTypeSchema),
    orgId: Type.Optional(Type.String({ maxLength: 40 })),
    category: Type.Optional(Type.String({ pattern: '^cat_[0-9a-z]{20}$' })),
    ...PageQuery,
  },
  Strict,
);

export const Dataset = Type.Object({
  id: Type.String(),
  title: I18nOut,
  description: Nullable(I18nOut),
  organisation: Type.Object({ id: Type.String(), name: I18nOut }),
  category: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: I18nOut })),
  openType: OpenTypeSchema,
  openConditions: Nullable(Type.String()),
  updateFrequency: Type.String(),
  format: Type.String(),
  timeSpan: Nullable(Type.Object({ from: Nullable(Type.String()), to: Nullable(Type.String()) })),
  coverage: Nullable(Type.String()),
  version: Type.Integer(),
  fields: Type.Array(Type.Object({ name: Type.String(), label: I18nOut, dataType: Type.String(), key: Type.Boolean() })),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** A JSON-LD document (DCAT): free-form by nature, checked by tests rather than by this schema. */
export const JsonLd = Type.Object({ '@context': Type.Any(), '@id': Type.String(), '@type': Type.String() }, { additionalProperties: true });

// ---- developers, keys, applications, apps

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const I18n = (maxLength: number) => Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, Strict);
const FieldName = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
const When = Type.String({ format: 'date-time' });

export const RegisterDeveloperBody = Type.Object(
  {
    contactName: Text(100),
    contactEmail: Type.String({ format: 'email', maxLength: 200 }),
    contactPhone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 -]{5,20}$' })),
    description: Type.Optional(Text(2000)),
  },
  Strict,
);
export const Developer = Type.Object({
  orgId: Type.String(), contactName: Type.String(), contactEmail: Type.String(), contactPhone: Nullable(Type.String()), description: Nullable(Type.String()),
  status: lit(['active', 'suspended'] as const), createdAt: When,
});

export const IssueKeyBody = Type.Object({ resourceId: ResourceIdSchema }, Strict);
export const KeyParams = Type.Object({ keyId: Type.String({ pattern: '^odk_[0-9a-z]{20}$' }) }, Strict);
export const DeveloperKey = Type.Object({
  id: Type.String(), developerOrgId: Type.String(), resourceId: Type.String(), grantorOrgId: Type.String(), grantId: Type.String({ description: 'the gateway grant (kind open_key)' }),
  status: lit(['active', 'revoked'] as const), createdAt: When, revokedAt: Nullable(When),
  endpoint: Type.String({ description: "GET it with your organisation's API key (Authorization: Bearer …)" }),
});

const ApplicationStatusSchema = lit(['submitted', 'approved', 'rejected', 'withdrawn', 'revoked'] as const);
export const ApplicationParams = Type.Object({ applicationId: Type.String({ pattern: '^oda_[0-9a-z]{20}$' }) }, Strict);
export const SubmitApplicationBody = Type.Object(
  {
    resourceId: ResourceIdSchema,
    purpose: Text(2000),
    agreement: Type.String({ minLength: 20, maxLength: 20_000, pattern: '\\S', description: 'the data-use agreement (数据使用协议) the developer commits to' }),
    acceptConditions: Type.Boolean({ description: "must be true: the developer accepts the dataset's open conditions" }),
    fields: Type.Optional(Type.Array(FieldName, { minItems: 1, maxItems: 500 })),
    expiresAt: Type.Optional(When),
  },
  Strict,
);
export const ApproveApplicationBody = Type.Object(
  { fields: Type.Optional(Type.Array(FieldName, { minItems: 1, maxItems: 500 })), expiresAt: Type.Optional(When) },
  { ...Strict, description: 'optionally narrow the fields or shorten the period applied for' },
);
export const ReasonBody = Type.Object({ reason: Text(2000) }, Strict);
export const ApplicationListQuery = Type.Object(
  { role: Type.Optional(lit(['mine', 'incoming'] as const, "mine: your organisation's applications; incoming: applications for your datasets")), status: Type.Optional(ApplicationStatusSchema), ...PageQuery },
  Strict,
);
export const Application = Type.Object({
  id: Type.String(), developerOrgId: Type.String(), resourceId: Type.String(), grantorOrgId: Type.String(), purpose: Type.String(), agreement: Type.String(),
  fields: Type.Array(Type.String()), expiresAt: Nullable(When), status: ApplicationStatusSchema, reason: Nullable(Type.String()),
  grantId: Nullable(Type.String({ description: 'the gateway grant (kind open_application) once approved' })), createdAt: When, updatedAt: When, decidedAt: Nullable(When),
});

const AppStatusSchema = lit(['submitted', 'approved', 'rejected', 'delisted'] as const);
export const AppParams = Type.Object({ appId: Type.String({ pattern: '^odp_[0-9a-z]{20}$' }) }, Strict);
export const SubmitAppBody = Type.Object(
  {
    name: I18n(100),
    description: I18n(2000),
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    datasetIds: Type.Array(ResourceIdSchema, { minItems: 1, maxItems: 50 }),
  },
  Strict,
);
export const AppListQuery = Type.Object({ status: Type.Optional(AppStatusSchema), ...PageQuery }, Strict);
export const ShowcaseApp = Type.Object({
  id: Type.String(), developerOrgId: Type.String(), name: I18nOut, description: I18nOut, url: Type.String(), datasetIds: Type.Array(Type.String()),
  status: AppStatusSchema, reason: Nullable(Type.String()), createdAt: When, updatedAt: When, reviewedAt: Nullable(When),
});
