import { Type } from '@sinclair/typebox';
import { lit, Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';

export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
export const I18n = (maxLength: number) => Type.Object({ zh: Text(maxLength), en: Text(maxLength) }, Strict);
export const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });
export const OrgId = Type.String({ pattern: '^org_[0-9a-z]{20}$' });

export const SystemStatusSchema = lit(['in_service', 'retired'] as const, 'in_service 在用 | retired 已停用');
const Year = Type.Integer({ minimum: 1949, maximum: 2200, description: 'build / launch year' });

export const CreateSystemBody = Type.Object(
  {
    orgId: Type.Optional(Type.Unsafe<string>({ ...OrgId, description: "owning public body; default the caller's own (another body's: the data bureau only)" })),
    name: I18n(200),
    department: Type.Optional(Text(200)),
    description: Type.Optional(I18n(4000)),
    status: Type.Optional(SystemStatusSchema),
    launchYear: Type.Optional(Year),
    hosting: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'e.g. 政务云 (government cloud), 自建机房' })),
  },
  Strict,
);
export const UpdateSystemBody = Type.Object(
  {
    name: Type.Optional(I18n(200)),
    department: Type.Optional(Nullable(Text(200))),
    description: Type.Optional(Nullable(I18n(4000))),
    launchYear: Type.Optional(Nullable(Year)),
    hosting: Type.Optional(Nullable(Text(200))),
  },
  { ...Strict, minProperties: 1, description: 'fields to change; null clears an optional one' },
);
export const System = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  name: I18nOut,
  department: Nullable(Type.String()),
  description: Nullable(I18nOut),
  status: SystemStatusSchema,
  launchYear: Nullable(Type.Integer()),
  hosting: Nullable(Type.String()),
  resourceCount: Type.Integer({ description: 'resources whose head version declares this system' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const SystemParams = Type.Object({ systemId: Type.String({ pattern: '^sys_[0-9a-z]{20}$' }) }, Strict);
export const SystemListQuery = Type.Object(
  { orgId: Type.Optional(OrgId), status: Type.Optional(SystemStatusSchema), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
  Strict,
);

export const OverviewQuery = Type.Object({ orgId: Type.Optional(OrgId) }, Strict);
export const Overview = Type.Object({
  bodies: Type.Array(Type.Object({
    orgId: Type.String(),
    orgName: I18nOut,
    systems: Type.Integer(),
    systemsInService: Type.Integer(),
    resources: Type.Integer({ description: 'public resources (数据清单), any status' }),
    publishedResources: Type.Integer(),
    resourcesWithoutSystem: Type.Integer(),
    demandsOpen: Type.Integer(),
    demandsMatched: Type.Integer(),
    demandsClosed: Type.Integer(),
    systemResources: Type.Array(Type.Object({ systemId: Type.String(), name: I18nOut, status: SystemStatusSchema, resources: Type.Integer() })),
  })),
});
