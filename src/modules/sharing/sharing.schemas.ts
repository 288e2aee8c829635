import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const DateTime = (description: string) => Type.String({ format: 'date-time', description });

export const STATUSES = ['pending', 'granted', 'rejected', 'refused', 'withdrawn', 'revoked'] as const;
export const StatusSchema = lit(STATUSES, 'pending 待审批 → granted 已共享 | rejected 已驳回 | withdrawn 已撤回; granted → revoked 已撤销; refused 不予共享');
const SharingTypeSchema = lit(['unconditional', 'conditional', 'none'] as const, 'the resource sharing class: 无条件 / 有条件 / 不予共享');

const FieldName = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
const FieldList = Type.Array(FieldName, { minItems: 1, maxItems: 500, uniqueItems: true });
const RowFilter = Type.Record(FieldName, Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 1000 }), {
  maxProperties: 20,
  description: 'row scope: allowed values per field (a row must match every listed field)',
});
const Rate = Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'calls per minute' });

export const RequestIdSchema = Type.String({ pattern: '^shr_[0-9a-z]{20}$' });
export const RequestParams = Type.Object({ requestId: RequestIdSchema }, Strict);

export const CreateRequestBody = Type.Object(
  {
    resourceId: Type.String({ pattern: '^res_[0-9a-z]{20}$' }),
    fields: FieldList,
    purpose: Text(2000),
    legalBasis: Text(2000),
    validFrom: Type.Optional(DateTime('start of the period (default now)')),
    validTo: DateTime('end of the period'),
    rowFilter: Type.Optional(Nullable(RowFilter)),
    ratePerMinute: Type.Optional(Nullable(Rate)),
  },
  { ...Strict, description: 'a request for fields of a published public-data resource, with purpose, legal basis (法律依据) and period' },
);

export const ApproveBody = Type.Object(
  {
    fields: Type.Optional(FieldList),
    rowFilter: Type.Optional(Nullable(RowFilter)),
    ratePerMinute: Type.Optional(Nullable(Rate)),
    validFrom: Type.Optional(DateTime('a later start')),
    validTo: Type.Optional(DateTime('an earlier end')),
  },
  { ...Strict, description: 'what to grant; absent = as requested. Narrowing only (fewer fields, fewer rows, lower rate, shorter period).' },
);

export const NarrowBody = Type.Object(
  {
    fields: Type.Optional(FieldList),
    rowFilter: Type.Optional(Nullable(RowFilter)),
    ratePerMinute: Type.Optional(Nullable(Rate)),
    validTo: Type.Optional(DateTime('an earlier end')),
  },
  { ...Strict, minProperties: 1, description: 'narrow a granted request further; the grant follows' },
);

export const ReasonBody = Type.Object({ reason: Text(2000) }, Strict);

export const RequestListQuery = Type.Object(
  {
    box: Type.Optional(lit(['sent', 'received', 'all'] as const, "sent = the caller's organisation's requests (default); received = its inbox as source unit; all = every request (data bureau, regulator)")),
    status: Type.Optional(StatusSchema),
    resourceId: Type.Optional(Type.String({ pattern: '^res_[0-9a-z]{20}$' })),
    overdue: Type.Optional(Type.Boolean({ description: 'true: pending past the working-day deadline' })),
    ...PageQuery,
  },
  Strict,
);

const ScopeOut = Type.Object({
  fields: Type.Array(Type.String()),
  rowFilter: Nullable(Type.Record(Type.String(), Type.Array(Type.String()))),
  ratePerMinute: Nullable(Type.Integer()),
  validFrom: Type.String({ format: 'date-time' }),
  validTo: Type.String({ format: 'date-time' }),
});

export const SharingRequest = Type.Object({
  id: Type.String(),
  resource: Type.Object({ id: Type.String(), version: Type.Integer(), title: Type.Object({ zh: Type.String(), en: Type.String() }) }),
  sourceOrgId: Type.String(),
  requesterOrgId: Type.String(),
  sharing: Type.Object({ type: SharingTypeSchema, terms: Nullable(Type.String({ description: 'conditions (有条件) or legal basis (不予共享) as recorded' })) }),
  status: StatusSchema,
  requested: ScopeOut,
  granted: Nullable(ScopeOut),
  purpose: Type.String(),
  legalBasis: Type.String(),
  grantId: Nullable(Type.String()),
  reason: Nullable(Type.String({ description: 'rejection reason, refusal basis or revocation reason' })),
  workingDays: Nullable(Type.Integer({ description: 'working days the source unit has to answer' })),
  deadlineAt: Nullable(Type.String({ format: 'date-time', description: 'end of the last working day to answer by' })),
  deadlineDate: Nullable(Type.String({ description: 'that day, YYYY-MM-DD in Asia/Shanghai' })),
  workingDaysLeft: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
  overdueFlaggedAt: Nullable(Type.String({ format: 'date-time' })),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
