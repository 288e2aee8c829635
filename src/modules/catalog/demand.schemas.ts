import { Type } from '@sinclair/typebox';
import { PageQuery, Strict } from '../../platform/http/schemas.js';
import { I18n, I18nOut, OrgId, Text } from './system.schemas.js';
import { lit, Nullable } from '../../platform/http/schemas.js';

export const DemandStatusSchema = lit(['open', 'matched', 'closed'] as const, 'open → matched → closed (or open → closed)');
const ResourceId = Type.String({ pattern: '^res_[0-9a-z]{20}$' });

export const CreateDemandBody = Type.Object(
  {
    title: I18n(200),
    description: Type.Optional(I18n(4000)),
    wantedFields: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'wanted fields in free text, e.g. 统一社会信用代码、月用电量' })),
    elementIds: Type.Optional(Type.Array(Type.String({ pattern: '^del_[0-9a-z]{20}$' }), { maxItems: 50, description: 'wanted data elements' })),
    purpose: Text(2000),
  },
  Strict,
);
export const MatchBody = Type.Object({ resourceIds: Type.Array(ResourceId, { minItems: 1, maxItems: 50, description: 'published public resources' }) }, Strict);
export const CloseBody = Type.Object({ reason: Type.Optional(Text(2000)) }, Strict);

export const Demand = Type.Object({
  id: Type.String(),
  orgId: Type.String({ description: 'the requesting body' }),
  title: I18nOut,
  description: Nullable(I18nOut),
  wantedFields: Nullable(Type.String()),
  elementIds: Type.Array(Type.String()),
  purpose: Type.String(),
  status: DemandStatusSchema,
  closeReason: Nullable(Type.String()),
  matchCount: Type.Integer(),
  matches: Type.Array(Type.Object({ resourceId: Type.String(), matchedByOrgId: Type.String(), matchedAt: Type.String({ format: 'date-time' }) }), { description: 'empty in lists' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  matchedAt: Nullable(Type.String({ format: 'date-time' })),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const Suggestions = Type.Object({
  items: Type.Array(Type.Object({
    resourceId: Type.String(),
    sourceOrgId: Type.String(),
    title: I18nOut,
    score: Type.Integer({ description: '2 per shared data element + 1 per word found' }),
    reasons: Type.Array(Type.Object({ kind: lit(['element', 'word'] as const), value: Type.String() })),
  })),
});
export const DemandParams = Type.Object({ demandId: Type.String({ pattern: '^dmd_[0-9a-z]{20}$' }) }, Strict);
export const DemandListQuery = Type.Object(
  { orgId: Type.Optional(OrgId), status: Type.Optional(DemandStatusSchema), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
  Strict,
);
