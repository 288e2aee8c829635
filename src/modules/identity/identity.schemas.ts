import { Type } from '@sinclair/typebox';
import { MEMBER_ROLES, ORG_ROLES, PERSON_ROLES } from '../../platform/http/access.js';
import { PageQuery, Strict } from '../../platform/http/schemas.js';

const lit = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const OrgRoleSchema = lit(ORG_ROLES);
export const MemberRoleSchema = lit(MEMBER_ROLES);
export const PersonRoleSchema = lit(PERSON_ROLES);
export const OrgTypeSchema = lit(['government', 'public_institution', 'public_enterprise', 'enterprise', 'social_organisation', 'platform', 'individual'] as const);

const I18nName = Type.Object(
  { zh: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) },
  Strict,
);

export const Organisation = Type.Object({
  id: Type.String(),
  name: Type.Object({ zh: Type.String(), en: Type.String() }),
  type: Type.String(),
  uscc: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  status: Type.String(),
  did: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CreateOrganisationBody = Type.Object(
  {
    name: I18nName,
    uscc: Type.String({ minLength: 1, maxLength: 18, description: '统一社会信用代码 (GB 32100-2015), check character verified' }),
    type: Type.Optional(OrgTypeSchema),
    roles: Type.Array(OrgRoleSchema, { minItems: 1, maxItems: 13, uniqueItems: true }),
  },
  Strict,
);

export const OrgParams = Type.Object({ orgId: Type.String({ pattern: '^org_[0-9a-z]{20}$' }) }, Strict);

export const OrgListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(OrgRoleSchema),
    type: Type.Optional(OrgTypeSchema),
    sort: Type.Union([Type.Literal('name'), Type.Literal('createdAt')], { default: 'createdAt' }),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' }),
    ...PageQuery,
  },
  Strict,
);

export const User = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  memberRole: Type.String(),
  personRoles: Type.Array(Type.String()),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_.-]{2,39}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$', description: 'mainland mobile number' })),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    memberRole: MemberRoleSchema,
    personRoles: Type.Optional(Type.Array(PersonRoleSchema, { uniqueItems: true })),
  },
  Strict,
);

export const Me = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('api_key')]),
  user: Type.Optional(Type.Union([User, Type.Null()])),
  apiKey: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  orgId: Type.String(),
  orgRoles: Type.Array(Type.String()),
  memberRole: Type.String(),
  personRoles: Type.Array(Type.String()),
  organisation: Type.Union([Organisation, Type.Null()]),
});

export const LoginBody = Type.Object(
  { login: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  Strict,
);

export const LoginReply = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: User });

export const ApiKey = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  memberRole: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    memberRole: Type.Optional(MemberRoleSchema),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  Strict,
);

export const KeyInfo = Type.Object({
  keyId: Type.String(),
  algorithm: Type.String(),
  status: Type.String(),
  publicJwk: Type.Any(),
  validFrom: Type.String(),
  validUntil: Type.Union([Type.String(), Type.Null()]),
});

export const SealSchema = Type.Object({
  v: Type.Literal(1),
  alg: Type.String(),
  kid: Type.String(),
  orgId: Type.String(),
  signer: Type.String(),
  signedBy: Type.Optional(Type.String()),
  signedAt: Type.String(),
  digest: Type.String(),
  signature: Type.String(),
});

export const SignBody = Type.Object(
  { payload: Type.Unknown({ description: 'any JSON; its RFC 8785 canonical form is signed' }), purpose: Type.Optional(Type.String({ maxLength: 200 })) },
  Strict,
);
export const VerifyBody = Type.Object({ payload: Type.Unknown(), seal: Type.Unknown() }, Strict);

const RelationshipKind = Type.Unsafe<'parent' | 'shareholder' | 'counterparty'>({ type: 'string', enum: ['parent', 'shareholder', 'counterparty'], description: 'parent: the organisation is the parent of the related one; shareholder: it holds sharePercent % of it; counterparty: they traded (since = the trade date)' });
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
export const RelationshipBody = Type.Object(
  {
    relatedOrgId: Type.String({ pattern: '^org_[0-9a-z]{20}$' }),
    kind: RelationshipKind,
    sharePercent: Type.Optional(Type.Union([Type.String({ description: 'percent of shares held, e.g. "12.5" (shareholder only)' }), Type.Null()])),
    since: Day('from (or the trade date of a counterparty)'),
    until: Type.Optional(Type.Union([Day('until, inclusive'), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { ...Strict, description: 'a relationship between organisations (关联关系), used for recusals' },
);
export const Relationship = Type.Object({
  id: Type.String(), orgId: Type.String(), relatedOrgId: Type.String(), kind: Type.String(), sharePercent: Type.Union([Type.String(), Type.Null()]),
  since: Type.String(), until: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), recordedAt: Type.String(),
});
export const Relationships = Type.Object({ items: Type.Array(Relationship) });
