import { Type } from '@sinclair/typebox';
import { lit, Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';

const Fen = Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'a positive whole number of fen as a decimal string' });
const OrgId = Type.String({ pattern: '^org_[0-9a-z]{20}$' });

export const MoneyBody = Type.Object(
  {
    orgId: OrgId,
    amountFen: Fen,
    ref: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$', description: "the bank transaction's reference: posting it again posts nothing" }),
    memo: Type.String({ maxLength: 500 }),
  },
  { ...Strict, description: 'money a member paid in or takes out (the payment itself happens at the bank)' },
);
export const Posted = Type.Object({ journalId: Type.String(), duplicate: Type.Boolean({ description: 'true when this reference was posted before: nothing was posted again' }), availableFen: Type.String() });
export const OrgParams = Type.Object({ orgId: OrgId }, Strict);
export const StatementQuery = Type.Object(PageQuery, Strict);
export const Statement = Type.Object({
  orgId: Type.String(),
  accounts: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), ref: Type.Union([Type.String(), Type.Null()]), balanceFen: Type.String() })),
  items: Type.Array(Type.Object({ journalId: Type.String(), line: Type.Integer(), kind: Type.String(), ref: Type.String(), memo: Type.String(), postedAt: Type.String(), accountKind: Type.String(), amountFen: Type.String({ description: 'money in positive, out negative' }) })),
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
});
export const Reconciliation = Type.Object({ ok: Type.Boolean(), accounts: Type.Integer(), journals: Type.Integer(), postings: Type.Integer(), problems: Type.Array(Type.String()) });

// ---- members, brokers, mandates ------------------------------------------------------------------

const Name = Type.Object({ zh: Type.String(), en: Type.String() });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
export const MemberKindSchema = lit(['seller', 'buyer', 'data_merchant', 'broker', 'service_provider'] as const, 'seller, buyer, data_merchant (数据商), broker (数据经纪人), service_provider (第三方专业服务机构)');
export const ServiceKindSchema = lit(['legal', 'valuation', 'compliance', 'security_assessment', 'insurance', 'custody', 'arbitration'] as const);
const MemberStatusSchema = lit(['applied', 'active', 'rejected', 'withdrawn', 'suspended', 'terminated'] as const);

export const MemberBody = Type.Object(
  {
    kind: MemberKindSchema,
    services: Type.Optional(Type.Array(ServiceKindSchema, { maxItems: 7, description: 'a service provider’s services (required for service_provider, refused otherwise)' })),
    contact: Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), phone: Type.String({ minLength: 5, maxLength: 30, pattern: '^[0-9+() -]+$' }), email: Type.String({ format: 'email', maxLength: 200 }) }, Strict),
    statement: Type.String({ minLength: 1, maxLength: 2000, description: 'what the organisation will trade or offer at the exchange' }),
  },
  Strict,
);
const MemberFile = Type.Object({ id: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer(), sha256: Type.String(), uploadedAt: Type.String() });
export const Member = Type.Object({
  id: Type.String(), orgId: Type.String(), orgName: Name, kind: Type.String(), services: Type.Array(Type.String()), status: MemberStatusSchema,
  contact: Type.Object({ name: Type.String(), phone: Type.String(), email: Type.String() }), statement: Type.String(), reason: Nullable(Type.String()),
  appliedAt: Type.String(), decidedAt: Nullable(Type.String()), updatedAt: Type.String(), files: Type.Optional(Type.Array(MemberFile)),
});
export const MemberParams = Type.Object({ memberId: Type.String({ pattern: '^mbr_[0-9a-z]{20}$' }) }, Strict);
export const MemberFileParams = Type.Object({ memberId: Type.String({ pattern: '^mbr_[0-9a-z]{20}$' }), fileId: Type.String({ pattern: '^mbf_[0-9a-z]{20}$' }) }, Strict);
export const MemberQuery = Type.Object({ ...PageQuery, kind: Type.Optional(MemberKindSchema), status: Type.Optional(MemberStatusSchema), service: Type.Optional(ServiceKindSchema), orgId: Type.Optional(OrgId) }, Strict);
export const PublicMemberQuery = Type.Object({ ...PageQuery, kind: Type.Optional(MemberKindSchema), service: Type.Optional(ServiceKindSchema) }, Strict);
export const PublicMember = Type.Object({ orgId: Type.String(), orgName: Name, kind: Type.String(), services: Type.Array(Type.String()), since: Type.String() });
export const FileBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    mediaType: Type.String({ description: 'application/pdf, image/png or image/jpeg' }),
    contentBase64: Type.String({ minLength: 4, maxLength: 2_900_000, description: 'the file, base64 (at most 2 MiB)' }),
  },
  { ...Strict, description: 'a qualification file (营业执照, 资质证书, …)' },
);
export const AddedFile = MemberFile;
export const DecisionBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000, description: 'required to reject, suspend or terminate' })) }, Strict);
export const MemberActionParams = Type.Object({ memberId: Type.String({ pattern: '^mbr_[0-9a-z]{20}$' }), action: lit(['approve', 'reject', 'suspend', 'reinstate', 'terminate'] as const) }, Strict);

export const BrokerBody = Type.Object(
  {
    orgId: OrgId,
    industries: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: 20, description: 'the industries the broker may act in (e.g. 金融, 能源, 交通)' }),
    validFrom: DateText,
    validUntil: DateText,
  },
  Strict,
);
export const Broker = Type.Object({
  id: Type.String(), orgId: Type.String(), orgName: Name, number: Type.String(), industries: Type.Array(Type.String()), validFrom: Type.String(), validUntil: Type.String(),
  status: Type.String(), standing: Type.String({ description: 'in_force, not_yet, expired, suspended or revoked (today, Asia/Shanghai)' }), reason: Nullable(Type.String()), issuedAt: Type.String(), updatedAt: Type.String(),
});
export const BrokerParams = Type.Object({ brokerId: Type.String({ pattern: '^brk_[0-9a-z]{20}$' }) }, Strict);
export const BrokerActionParams = Type.Object({ brokerId: Type.String({ pattern: '^brk_[0-9a-z]{20}$' }), action: lit(['suspend', 'reinstate', 'revoke'] as const) }, Strict);
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, Strict);
export const BrokerQuery = Type.Object({ ...PageQuery, status: Type.Optional(lit(['active', 'suspended', 'revoked'] as const)), industry: Type.Optional(Type.String({ maxLength: 50 })) }, Strict);

export const MandateBody = Type.Object(
  {
    brokerOrgId: OrgId,
    side: Type.Union([Type.Literal('sell'), Type.Literal('buy'), Type.Literal('both')]),
    scope: Type.String({ minLength: 1, maxLength: 1000, description: 'what the broker may do for the client' }),
    commissionBp: Type.Integer({ minimum: 0, maximum: 3000, description: "the broker's commission in basis points of a deal's amount (100 = 1 %)" }),
    validUntil: DateText,
  },
  Strict,
);
export const Mandate = Type.Object({
  id: Type.String(), brokerOrgId: Type.String(), brokerName: Name, clientOrgId: Type.String(), clientName: Name, side: Type.String(), scope: Type.String(), commissionBp: Type.Integer(),
  validUntil: Type.String(), status: Type.String(), inForce: Type.Boolean(), createdAt: Type.String(), endedAt: Nullable(Type.String()), endedByOrgId: Nullable(Type.String()),
});
export const MandateParams = Type.Object({ mandateId: Type.String({ pattern: '^mdt_[0-9a-z]{20}$' }) }, Strict);
export const MandateQuery = Type.Object({ ...PageQuery, box: Type.Optional(Type.Union([Type.Literal('broker'), Type.Literal('client')])), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('ended')])) }, Strict);
export const Sanction = Type.Object({ id: Type.String(), subjectType: Type.String(), subjectId: Type.String(), orgId: Type.String(), orgName: Name, action: Type.String(), reason: Type.String(), at: Type.String() });
export const Membership = Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), status: Type.String(), services: Type.Array(Type.String()) })) });
