import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';
import { DataTypeSchema } from './catalog.schemas.js';
import { ATTRIBUTE_TYPES, MAX_GENERAL_LEVELS, LEVELS, PERSONAL_INFO, SENSITIVE_CATEGORIES } from './resource.grading.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const I18n = (maxLength: number) => Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, Strict);
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });

export const ResourceStatusSchema = lit(['draft', 'submitted', 'published', 'deprecated'] as const);
export const VersionStatusSchema = lit(['draft', 'submitted', 'published', 'superseded', 'deprecated'] as const);
export const ScopeSchema = lit(['public', 'social'] as const, 'public = public data (公共数据) of a public body; social = social data (社会数据) of an enterprise, private to it');
export const FrequencySchema = lit(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const);
export const ResourceFormatSchema = lit(['table', 'api', 'file'] as const);
export const LevelSchema = lit(LEVELS, 'GB/T 43697-2024: core 核心数据 > important 重要数据 > general 一般数据');
const PersonalInfoSchema = lit(PERSONAL_INFO);
const SensitiveSchema = lit(SENSITIVE_CATEGORIES, 'PIPL Art. 28 敏感个人信息');
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

// ---- categories

export const CategoryIdSchema = Type.String({ pattern: '^cat_[0-9a-z]{20}$' });
export const CategoryNode = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: I18nOut,
  parentId: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  children: Type.Array(Type.Any(), { description: 'the child categories, each of this same shape' }),
});
export const CategoryTree = Type.Object({ items: Type.Array(CategoryNode) });
export const CreateCategoryBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$', maxLength: 64, description: 'unique, e.g. theme.credit' }),
    name: I18n(100),
    parentId: Type.Optional(Nullable(CategoryIdSchema)),
  },
  Strict,
);
export const UpdateCategoryBody = Type.Object(
  { name: Type.Optional(I18n(100)), parentId: Type.Optional(Nullable(CategoryIdSchema)), sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })) },
  { ...Strict, minProperties: 1, description: 'rename, move (parentId; null = a root) or reorder' },
);
export const CategoryParams = Type.Object({ categoryId: CategoryIdSchema }, Strict);

// ---- grading and attributes

export const GradeBody = Type.Object(
  {
    level: LevelSchema,
    generalLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_GENERAL_LEVELS, description: 'general data sub-level (GB/T 43697-2024 Annex H); required iff level is general' })),
    personalInfo: PersonalInfoSchema,
    sensitiveCategories: Type.Optional(Type.Array(SensitiveSchema, { maxItems: SENSITIVE_CATEGORIES.length, description: 'required (non-empty) iff personalInfo is sensitive' })),
  },
  Strict,
);
const GradeOut = Type.Object({ level: LevelSchema, generalLevel: Nullable(Type.Integer()), personalInfo: PersonalInfoSchema, sensitiveCategories: Type.Array(SensitiveSchema) });

export const AttributeBody = Type.Object(
  {
    type: lit(ATTRIBUTE_TYPES, 'unconditional 无条件 | conditional 有条件 | none 不予'),
    conditions: Type.Optional(Text(2000)),
    legalBasis: Type.Optional(Text(2000)),
  },
  { ...Strict, description: 'conditional requires conditions; sharing none requires a legal basis' },
);
const AttributeOut = Type.Object({ type: lit(ATTRIBUTE_TYPES), conditions: Type.Optional(Type.String()), legalBasis: Type.Optional(Type.String()) });

// ---- resources

const FieldName = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
const FieldBody = Type.Object(
  {
    name: FieldName,
    label: I18n(200),
    elementId: Type.Optional(Type.String({ pattern: '^del_[0-9a-z]{20}$', description: 'bound to a data element: its data type and format apply' })),
    dataType: Type.Optional(DataTypeSchema),
    key: Type.Optional(Type.Boolean()),
    grade: Type.Optional(GradeBody),
  },
  { ...Strict, description: 'exactly one of elementId and dataType' },
);
const Fields = Type.Array(FieldBody, { minItems: 1, maxItems: 500 });
const TimeSpan = Type.Object({ from: Type.Optional(DateText), to: Type.Optional(DateText) }, Strict);

export const CreateResourceBody = Type.Object(
  {
    title: I18n(200),
    description: Type.Optional(I18n(4000)),
    categoryId: CategoryIdSchema,
    systemName: Type.Optional(Text(200)),
    systemId: Type.Optional(Type.String({ pattern: '^sys_[0-9a-z]{20}$', description: "the information system (系统清单) the data comes from; one of the source unit's own" })),
    fields: Fields,
    updateFrequency: FrequencySchema,
    timeSpan: Type.Optional(TimeSpan),
    coverage: Type.Optional(Text(500)),
    format: ResourceFormatSchema,
    sharing: Type.Optional(AttributeBody),
    open: Type.Optional(AttributeBody),
  },
  Strict,
);

export const UpdateResourceBody = Type.Object(
  {
    title: Type.Optional(I18n(200)),
    description: Type.Optional(Nullable(I18n(4000))),
    categoryId: Type.Optional(CategoryIdSchema),
    systemName: Type.Optional(Nullable(Text(200))),
    systemId: Type.Optional(Nullable(Type.String({ pattern: '^sys_[0-9a-z]{20}$' }))),
    fields: Type.Optional(Fields),
    updateFrequency: Type.Optional(FrequencySchema),
    timeSpan: Type.Optional(Nullable(TimeSpan)),
    coverage: Type.Optional(Nullable(Text(500))),
    format: Type.Optional(ResourceFormatSchema),
    sharing: Type.Optional(Nullable(AttributeBody)),
    open: Type.Optional(Nullable(AttributeBody)),
  },
  { ...Strict, minProperties: 1, description: 'fields to change; null clears an optional one. A published resource gets a new draft version.' },
);

export const Resource = Type.Object({
  id: Type.String(),
  sourceOrgId: Type.String(),
  scope: ScopeSchema,
  version: Type.Integer({ description: 'the version shown: the head for its own organisation, the published one for others' }),
  status: VersionStatusSchema,
  headVersion: Type.Integer(),
  liveVersion: Nullable(Type.Integer()),
  title: I18nOut,
  description: Nullable(I18nOut),
  categoryId: Type.String(),
  systemName: Nullable(Type.String()),
  systemId: Nullable(Type.String()),
  fields: Type.Array(Type.Object({
    name: Type.String(),
    label: I18nOut,
    elementId: Nullable(Type.String()),
    elementIdentifier: Nullable(Type.String()),
    dataType: DataTypeSchema,
    format: Nullable(Type.Object({ kind: Type.String(), name: Type.Optional(Type.String()), pattern: Type.Optional(Type.String()) })),
    key: Type.Boolean(),
    grade: Nullable(GradeOut),
  })),
  updateFrequency: FrequencySchema,
  timeSpan: Nullable(Type.Object({ from: Nullable(Type.String()), to: Nullable(Type.String()) })),
  coverage: Nullable(Type.String()),
  format: ResourceFormatSchema,
  grading: Type.Object({ level: Nullable(LevelSchema), generalLevel: Nullable(Type.Integer()), personalInfo: PersonalInfoSchema }, { description: 'computed: the highest field level (就高从严)' }),
  sharing: Nullable(AttributeOut),
  open: Nullable(AttributeOut),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ResourceParams = Type.Object({ resourceId: Type.String({ pattern: '^res_[0-9a-z]{20}$' }) }, Strict);
export const FieldParams = Type.Object({ resourceId: Type.String({ pattern: '^res_[0-9a-z]{20}$' }), field: FieldName }, Strict);

export const ResourceListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the Chinese or English title' })),
    category: Type.Optional(CategoryIdSchema),
    status: Type.Optional(VersionStatusSchema),
    sourceOrgId: Type.Optional(Type.String({ maxLength: 40 })),
    level: Type.Optional(LevelSchema),
    scope: Type.Optional(ScopeSchema),
    systemId: Type.Optional(Type.String({ pattern: '^sys_[0-9a-z]{20}$', description: 'resources of one information system' })),
    ...PageQuery,
  },
  Strict,
);
