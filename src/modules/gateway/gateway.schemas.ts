import { Type } from '@sinclair/typebox';
import { PageQuery, Strict } from '../../platform/http/schemas.js';

const Id = (prefix: string) => Type.String({ pattern: `^${prefix}_[0-9a-z]{20}$` });
const FieldName = Type.String({ minLength: 1, maxLength: 64 });
const Method = Type.Union([Type.Literal('none'), Type.Literal('truncate'), Type.Literal('generalise'), Type.Literal('mask'), Type.Literal('hash')]);
const RowFilter = Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 1000 }), { description: 'row scope: allowed values per field' });
const Timestamp = Type.String({ format: 'date-time' });

export const GrantParams = Type.Object({ grantId: Id('gnt') }, Strict);
export const CallParams = Type.Object({ callId: Id('call') }, Strict);
export const ResourceParams = Type.Object({ resourceId: Id('res') }, Strict);

export const Grant = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  sourceRef: Type.String(),
  resourceId: Type.String(),
  grantorOrgId: Type.String(),
  granteeOrgId: Type.String(),
  fields: Type.Array(Type.String()),
  rowFilter: Type.Union([RowFilter, Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  ratePerMinute: Type.Union([Type.Integer(), Type.Null()]),
  dailyRowQuota: Type.Union([Type.Integer(), Type.Null()]),
  maxCalls: Type.Union([Type.Integer(), Type.Null()]),
  callsUsed: Type.Integer(),
  masking: Type.Union([Type.Record(Type.String(), Method), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('expired')]),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
});

export const GrantListQuery = Type.Object(
  {
    role: Type.Union([Type.Literal('grantee'), Type.Literal('grantor')], { default: 'grantee', description: 'grants held by my organisation (grantee) or issued on its resources (grantor)' }),
    resourceId: Type.Optional(Id('res')),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('expired')])),
    ...PageQuery,
  },
  Strict,
);

export const DirectGrantBody = Type.Object(
  {
    resourceId: Id('res'),
    granteeOrgId: Id('org'),
    fields: Type.Array(FieldName, { minItems: 1, maxItems: 500 }),
    rowFilter: Type.Optional(Type.Union([RowFilter, Type.Null()])),
    purpose: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    validFrom: Type.Optional(Timestamp),
    expiresAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
    ratePerMinute: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
    dailyRowQuota: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), Type.Null()])),
    masking: Type.Optional(Type.Union([Type.Record(FieldName, Method), Type.Null()])),
  },
  Strict,
);

export const NarrowBody = Type.Object(
  {
    fields: Type.Optional(Type.Array(FieldName, { minItems: 1, maxItems: 500 })),
    rowFilter: Type.Optional(Type.Union([RowFilter, Type.Null()])),
    expiresAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
    ratePerMinute: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
    dailyRowQuota: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), Type.Null()])),
  },
  { ...Strict, minProperties: 1 },
);

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, Strict);

export const RowsQuery = Type.Object(
  {
    where: Type.Optional(Type.Array(Type.String({ pattern: '^[^:]+:', maxLength: 600 }), { maxItems: 50, description: 'repeatable `field:value`; values of one field are alternatives (OR), different fields all apply (AND)' })),
    fields: Type.Optional(Type.String({ maxLength: 2000, pattern: '^[^,]+(,[^,]+)*$', description: 'comma-separated projection within the granted fields' })),
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    format: Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }),
    bom: Type.Optional(Type.Boolean({ description: 'CSV: begin with a UTF-8 byte-order mark (Excel)' })),
    grant: Type.Optional(Id('gnt')),
  },
  Strict,
);

/** The anonymous open-data delivery: like RowsQuery without a grant, with larger pages for downloads. */
export const PublicRowsQuery = Type.Object(
  {
    where: RowsQuery.properties.where,
    fields: RowsQuery.properties.fields,
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
    format: RowsQuery.properties.format,
    bom: RowsQuery.properties.bom,
  },
  Strict,
);

export const PublicRowsResult = Type.Object({
  callId: Type.String(),
  resourceId: Type.String(),
  version: Type.Integer(),
  fields: Type.Array(Type.String()),
  items: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
});

export const RowsResult = Type.Object({
  callId: Type.String(),
  grantId: Type.String(),
  resourceId: Type.String(),
  version: Type.Integer(),
  fields: Type.Array(Type.String()),
  items: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
});

export const Call = Type.Object({
  id: Type.String(),
  grantId: Type.Union([Type.String(), Type.Null()]),
  resourceId: Type.String(),
  callerOrgId: Type.String(),
  grantorOrgId: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Type.String(), Type.Null()]),
  apiKeyId: Type.Union([Type.String(), Type.Null()]),
  calledAt: Type.String(),
  filtersDigest: Type.String(),
  rows: Type.Integer(),
  bytes: Type.Integer(),
  status: Type.Integer(),
  code: Type.Union([Type.String(), Type.Null()]),
  recordHash: Type.String(),
  commitmentId: Type.Union([Type.String(), Type.Null()]),
});

const Side = Type.Union([Type.Literal('grantee'), Type.Literal('grantor')], { default: 'grantee' });
export const CallListQuery = Type.Object({ role: Side, grantId: Type.Optional(Id('gnt')), resourceId: Type.Optional(Id('res')), ...PageQuery }, Strict);

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const UsageQuery = Type.Object({ role: Side, grantId: Type.Optional(Id('gnt')), from: Type.Optional(Day), to: Type.Optional(Day) }, Strict);
const Totals = { calls: Type.Integer(), refused: Type.Integer(), rows: Type.Integer(), bytes: Type.Integer() };
export const Usage = Type.Object({
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.Object({ day: Type.String(), ...Totals })),
  grants: Type.Array(Type.Object({ grantId: Type.String(), resourceId: Type.String(), granteeOrgId: Type.String(), grantorOrgId: Type.String(), ...Totals })),
  grantees: Type.Array(Type.Object({ granteeOrgId: Type.String(), ...Totals })),
});

export const CallProof = Type.Object({
  call: Call,
  record: Type.Record(Type.String(), Type.Unknown(), { description: 'the hashed call record (RFC 8785 canonical JSON → RFC 9162 leaf)' }),
  leafHash: Type.String(),
  leafIndex: Type.Integer(),
  treeSize: Type.Integer(),
  proof: Type.Array(Type.String(), { description: 'RFC 9162 inclusion path, hex, deepest sibling first' }),
  commitment: Type.Object({
    id: Type.String(), grantId: Type.Union([Type.String(), Type.Null()]), calls: Type.Integer(), rows: Type.Integer(), bytes: Type.Integer(),
    root: Type.String(), firstAt: Type.String(), lastAt: Type.String(), eventId: Type.String({ description: 'the ledger event gateway.calls.committed: fetch its receipt at /api/v1/ledger/events/{eventId}/receipt' }),
  }),
});
