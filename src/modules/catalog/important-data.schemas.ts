import { Type } from '@sinclair/typebox';
import { PageQuery, Strict } from '../../platform/http/schemas.js';
import { I18n, I18nOut, Text } from './system.schemas.js';
import { lit, Nullable } from '../../platform/http/schemas.js';

export const EntryStatusSchema = lit(['active', 'retired'] as const);
const Sector = Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$', description: 'sector code, e.g. energy, finance, transport, health, public_security' });

export const CreateEntryBody = Type.Object(
  {
    sector: Sector,
    name: I18n(200),
    description: Type.Optional(I18n(4000)),
    elementIdentifiers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'a field bound to one of these data elements' })),
    keywords: Type.Optional(Type.Array(Text(50), { maxItems: 50, description: 'one of these words in the title, description or a field label (≥ 2 characters)' })),
    categoryIds: Type.Optional(Type.Array(Type.String({ pattern: '^cat_[0-9a-z]{20}$' }), { maxItems: 20, description: 'the category or one of its ancestors' })),
  },
  { ...Strict, description: 'at least one criterion; every kind given must match, any value within a kind' },
);
export const Entry = Type.Object({
  id: Type.String(),
  ownerOrgId: Type.String(),
  sector: Type.String(),
  name: I18nOut,
  description: Nullable(I18nOut),
  elementIdentifiers: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
  categoryIds: Type.Array(Type.String()),
  status: EntryStatusSchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const CreatedEntry = Type.Composite([Entry, Type.Object({ regraded: Type.Array(Type.String(), { description: 'resources raised to important by this entry' }) })]);
export const EntryParams = Type.Object({ entryId: Type.String({ pattern: '^imp_[0-9a-z]{20}$' }) }, Strict);
export const EntryListQuery = Type.Object({ sector: Type.Optional(Sector), status: Type.Optional(EntryStatusSchema), ...PageQuery }, Strict);
