import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';
import { DCMM_AREAS } from './dcmm.model.js';
import { INDICATORS } from './evaluation.indicators.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const I18n = (maxLength: number) => Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, Strict);
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const OrgId = Type.String({ pattern: '^org_[0-9a-z]{20}$' });

// ---- appointments

export const OrgParams = Type.Object({ orgId: OrgId }, Strict);
export const AppointmentParams = Type.Object({ orgId: OrgId, appointmentId: Type.String({ pattern: '^cdo_[0-9a-z]{20}$' }) }, Strict);
export const AppointBody = Type.Object(
  {
    userId: Type.String({ pattern: '^usr_[0-9a-z]{20}$', description: 'a user of the organisation' }),
    name: Type.Optional(Text(100)),
    title: Text(200),
    appointedAt: Type.Optional(DateText),
    termEnd: Type.Optional(DateText),
  },
  Strict,
);
export const EndBody = Type.Object({ reason: Text(500) }, Strict);
export const Appointment = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  appointedAt: Type.String(),
  termEnd: Nullable(Type.String()),
  status: lit(['current', 'ended'] as const),
  endedAt: Nullable(Type.String()),
  endReason: Nullable(Type.String()),
  replacedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const RegisterEntry = Type.Intersect([Appointment, Type.Object({ orgName: I18nOut, orgType: Type.String() })]);
export const PageOnly = Type.Object(PageQuery, Strict);

// ---- evaluation

const IndicatorKey = lit(INDICATORS);
export const IndicatorSchema = Type.Object({
  key: IndicatorKey,
  status: lit(['ok', 'no_data', 'unavailable'] as const, 'unavailable = the source module is not available; no_data = nothing to measure'),
  value: Nullable(Type.Number()),
  score: Nullable(Type.Number()),
  detail: Type.Record(Type.String(), Type.Number()),
});
export const Weights = Type.Record(Type.String(), Type.Number());
export const Settings = Type.Object({
  weights: Weights,
  openDatasetsTarget: Type.Integer(),
  indicators: Type.Array(Type.Object({ key: IndicatorKey, available: Type.Boolean() })),
});
const BodyScore = {
  orgId: Type.String(),
  orgName: I18nOut,
  score: Nullable(Type.Number()),
  indicators: Type.Array(IndicatorSchema),
};
export const BodyIndicators = Type.Object({ ...BodyScore, weights: Weights, computedAt: Type.String(), cdo: Nullable(Appointment) });
export const LiveRanking = Type.Object({
  computedAt: Type.String(),
  weights: Weights,
  unavailable: Type.Array(IndicatorKey),
  items: Type.Array(Type.Object({ ...BodyScore, rank: Nullable(Type.Integer()), cdo: Nullable(Appointment) })),
});
export const TakeEvaluationBody = Type.Object(
  {
    period: Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$', description: 'YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn; one evaluation per period' }),
    note: Type.Optional(Text(500)),
  },
  Strict,
);
const EvaluationFields = {
  id: Type.String(),
  period: Type.String(),
  note: Nullable(Type.String()),
  weights: Weights,
  unavailable: Type.Array(Type.String()),
  bodies: Type.Integer(),
  takenAt: Type.String(),
  takenByOrgId: Type.String(),
};
export const EvaluationSummary = Type.Object(EvaluationFields);
export const Evaluation = Type.Object({ ...EvaluationFields, items: Type.Array(Type.Object({ ...BodyScore, rank: Nullable(Type.Integer()) })) });
export const EvaluationParams = Type.Object({ evaluationId: Type.String({ pattern: '^cev_[0-9a-z]{20}$' }) }, Strict);
export const TrendQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 24 }) }, Strict);
export const Trend = Type.Object({
  orgId: Type.String(),
  items: Type.Array(Type.Object({
    evaluationId: Type.String(), period: Type.String(), takenAt: Type.String(), bodies: Type.Integer(), score: Nullable(Type.Number()), rank: Nullable(Type.Integer()), indicators: Type.Array(IndicatorSchema),
  })),
});

// ---- DCMM

const Area = lit(DCMM_AREAS, 'GB/T 36073-2018 capability area');
export const DcmmItem = Type.Object({ id: Type.String(), area: Area, code: Type.String(), name: I18nOut, sortOrder: Type.Integer(), active: Type.Boolean(), updatedAt: Type.String() });
export const DcmmModel = Type.Object({
  levels: Type.Array(Type.Object({ level: Type.Integer(), name: I18nOut })),
  areas: Type.Array(Type.Object({ area: Area, name: I18nOut, items: Type.Array(DcmmItem) })),
});
export const DcmmModelQuery = Type.Object({ all: Type.Boolean({ default: false, description: 'include deactivated items' }) }, Strict);
export const CreateItemBody = Type.Object(
  {
    area: Area,
    code: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$', maxLength: 64 }),
    name: I18n(100),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  Strict,
);
export const UpdateItemBody = Type.Object(
  { name: Type.Optional(I18n(100)), active: Type.Optional(Type.Boolean()), sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })) },
  { ...Strict, minProperties: 1 },
);
export const ItemParams = Type.Object({ itemId: Type.String({ pattern: '^dcm_[0-9a-z]{20}$' }) }, Strict);
export const AssessBody = Type.Object(
  {
    ratings: Type.Array(
      Type.Object({ itemId: Type.String({ pattern: '^dcm_[0-9a-z]{20}$' }), level: Type.Integer({ minimum: 1, maximum: 5 }), evidence: Text(2000) }, Strict),
      { minItems: 1, maxItems: 500 },
    ),
    note: Type.Optional(Text(1000)),
  },
  Strict,
);
const AreaResult = Type.Object({ area: Area, score: Type.Number(), level: Type.Integer() });
const AssessmentFields = {
  id: Type.String(),
  orgId: Type.String(),
  overallLevel: Type.Integer(),
  overallScore: Type.Number(),
  areas: Type.Array(AreaResult),
  note: Nullable(Type.String()),
  assessedAt: Type.String(),
  assessedBy: Type.String(),
};
export const AssessmentSummary = Type.Object(AssessmentFields);
export const Assessment = Type.Object({
  ...AssessmentFields,
  ratings: Type.Array(Type.Object({ itemId: Type.String(), area: Area, code: Type.String(), name: I18nOut, level: Type.Integer(), evidence: Type.String() })),
});
export const AssessmentParams = Type.Object({ orgId: OrgId, assessmentId: Type.String({ pattern: '^dca_[0-9a-z]{20}$' }) }, Strict);
