import { Type } from '@sinclair/typebox';
import { Nullable, Strict } from '../../platform/http/schemas.js';
import { COMPARE_OPS, DIMENSIONS } from './quality.rules.js';

const FieldName = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
const Bound = Type.String({ minLength: 1, maxLength: 40, description: 'a number for integer/decimal fields, YYYY-MM-DD (or a date-time) for date fields' });

export const QualityParams = Type.Object({ resourceId: Type.String({ pattern: '^res_[0-9a-z]{20}$' }) }, Strict);

/** User rules (quality.rules.ts maps each kind to a GB/T 36344-2018 dimension). */
export const UserRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('required'), field: FieldName }, { ...Strict, description: 'completeness: the field has a value in every row' }),
  Type.Object({ kind: Type.Literal('unique'), field: FieldName }, { ...Strict, description: 'accuracy: no value occurs twice' }),
  Type.Object({ kind: Type.Literal('range'), field: FieldName, min: Type.Optional(Bound), max: Type.Optional(Bound) }, { ...Strict, description: 'accuracy: values within [min, max]' }),
  Type.Object({ kind: Type.Literal('pattern'), field: FieldName, pattern: Type.String({ minLength: 1, maxLength: 500 }) }, { ...Strict, description: 'conformity: values match the regular expression (whole value)' }),
  Type.Object({ kind: Type.Literal('codes'), field: FieldName, values: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 1000 }) }, { ...Strict, description: 'conformity: values among the listed codes' }),
  Type.Object({ kind: Type.Literal('compare'), field: FieldName, op: Type.Union(COMPARE_OPS.map((o) => Type.Literal(o))), other: FieldName }, { ...Strict, description: 'consistency: field op other, e.g. end >= start' }),
  Type.Object({ kind: Type.Literal('freshness'), field: FieldName, maxAgeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) }, { ...Strict, description: "timeliness: the field's newest date is at most maxAgeDays old (default: the declared update frequency)" }),
]);
export const RulesBody = Type.Object({ rules: Type.Array(UserRuleSchema, { maxItems: 100 }) }, Strict);

const RuleOut = Type.Record(Type.String(), Type.Unknown());
export const RulesView = Type.Object({ resourceId: Type.String(), version: Type.Integer(), rules: Type.Array(RuleOut), derived: Type.Array(RuleOut) });

const Scores = Type.Object(Object.fromEntries(DIMENSIONS.map((d) => [d, Type.Number({ minimum: 0, maximum: 100 })])));
const Counts = Type.Object(Object.fromEntries(DIMENSIONS.map((d) => [d, Type.Integer()])));
export const Report = Type.Object({
  id: Nullable(Type.String()),
  resourceId: Type.String(),
  version: Type.Integer(),
  dataVersion: Nullable(Type.Integer({ description: 'the version whose mounted rows were profiled' })),
  rowsProfiled: Type.Integer(),
  scores: Scores,
  ruleCounts: Counts,
  overall: Type.Number(),
  threshold: Type.Integer(),
  passed: Type.Boolean(),
  rules: Type.Array(Type.Object({
    rule: RuleOut, source: Type.Union([Type.Literal('derived'), Type.Literal('user')]), dimension: Type.String(), checked: Type.Integer(), failed: Type.Integer(), passRate: Type.Number(),
  })),
  samples: Type.Array(Type.Object({ key: Nullable(Type.String()), field: Nullable(Type.String()), value: Nullable(Type.String()), rule: Type.String(), dimension: Type.String() }), { description: "failing samples (the owner's view only)" }),
  createdAt: Type.String({ format: 'date-time' }),
});
