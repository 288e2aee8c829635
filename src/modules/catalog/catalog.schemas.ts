import { Type } from '@sinclair/typebox';
import { PageQuery, Strict } from '../../platform/http/schemas.js';
import { DATA_TYPES, MAX_PATTERN_LENGTH } from './value.validators.js';

const lit = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const DataTypeSchema = lit(DATA_TYPES);
export const ElementStatusSchema = lit(['active', 'retired'] as const);

// Text with at least one non-space character (it is trimmed by the service).
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const I18n = (maxLength: number) => Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, Strict);
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });

/**
 * `{ kind: 'validator', name }` (see GET /catalog/validators) or `{ kind: 'regex', pattern }`
 * (at most 500 characters, JavaScript Unicode syntax, matched against the whole value). Unknown
 * validators and unusable patterns are refused by the service with CATALOG_FORMAT_INVALID.
 */
export const FormatSchema = Type.Union([
  Type.Object({ kind: Type.Literal('validator'), name: Type.String({ minLength: 1, maxLength: 64 }) }, Strict),
  Type.Object({ kind: Type.Literal('regex'), pattern: Type.String({ minLength: 1, maxLength: 4 * MAX_PATTERN_LENGTH, description: `at most ${MAX_PATTERN_LENGTH} characters` }) }, Strict),
]);

const CodeItemSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S(?:.*\\S)?$', description: 'no leading or trailing white space' }),
    label: I18n(200),
  },
  Strict,
);
export const CodeListSchema = Type.Array(CodeItemSchema, { minItems: 1, maxItems: 1000, description: 'the value domain; required iff dataType is code' });

const Unit = Text(40);

export const Element = Type.Object({
  id: Type.String(),
  identifier: Type.String(),
  name: I18nOut,
  definition: Type.Union([I18nOut, Type.Null()]),
  dataType: DataTypeSchema,
  format: Type.Union([
    Type.Object({ kind: Type.Literal('validator'), name: Type.String() }),
    Type.Object({ kind: Type.Literal('regex'), pattern: Type.String() }),
    Type.Null(),
  ]),
  codeList: Type.Union([Type.Array(Type.Object({ code: Type.String(), label: I18nOut })), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  sourceOrgId: Type.String(),
  ownerOrgId: Type.String(),
  status: ElementStatusSchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const CreateElementBody = Type.Object(
  {
    identifier: Type.String({ pattern: '^[A-Z][A-Z0-9_.-]{2,39}$', description: 'unique, e.g. DE.PERSON.ID' }),
    name: I18n(200),
    definition: Type.Optional(I18n(2000)),
    dataType: DataTypeSchema,
    format: Type.Optional(FormatSchema),
    codeList: Type.Optional(CodeListSchema),
    unit: Type.Optional(Unit),
    sourceOrgId: Type.String({ pattern: '^org_[0-9a-z]{20}$', description: 'the one authoritative source unit (一数一源): an active organisation with the source_unit role' }),
  },
  Strict,
);

export const UpdateElementBody = Type.Object(
  {
    name: Type.Optional(I18n(200)),
    definition: Type.Optional(Type.Union([I18n(2000), Type.Null()])),
    format: Type.Optional(Type.Union([FormatSchema, Type.Null()])),
    codeList: Type.Optional(Type.Union([CodeListSchema, Type.Null()])),
    unit: Type.Optional(Type.Union([Unit, Type.Null()])),
  },
  { ...Strict, minProperties: 1, description: 'fields to change; null clears an optional field' },
);

export const ElementParams = Type.Object({ elementId: Type.String({ pattern: '^del_[0-9a-z]{20}$' }) }, Strict);

export const ElementListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the identifier or the Chinese or English name' })),
    sourceOrgId: Type.Optional(Type.String({ maxLength: 40 })),
    dataType: Type.Optional(DataTypeSchema),
    status: Type.Optional(ElementStatusSchema),
    sort: Type.Union([Type.Literal('identifier'), Type.Literal('createdAt')], { default: 'identifier' }),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
    ...PageQuery,
  },
  Strict,
);

export const CheckBody = Type.Object({ value: Type.String({ maxLength: 1000 }) }, Strict);
export const CheckReply = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: 'stable reason code, e.g. checksum, format, calendar, scale, pattern_mismatch, not_in_code_list' })),
});

export const ValidatorList = Type.Object({
  items: Type.Array(Type.Object({ name: Type.String(), label: I18nOut, dataTypes: Type.Array(DataTypeSchema) })),
});
