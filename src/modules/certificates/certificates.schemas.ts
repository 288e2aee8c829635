import { Type } from '@sinclair/typebox';
import { Nullable, PageQuery, Strict } from '../../platform/http/schemas.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const I18nOut = Type.Object({ zh: Type.String(), en: Type.String() });

export const CertificateTypeSchema = lit(['circulation', 'registration', 'transaction'] as const, 'circulation 公共数据资产流通凭证 | registration 数据资产登记凭证 | transaction 数据交易凭证');
export const CertificateStatusSchema = lit(['active', 'suspended', 'revoked', 'expired'] as const, 'active 有效 | suspended 已暂停 | revoked 已撤销 | expired 已过期');
export const CertificateParams = Type.Object({ certificateId: Type.String({ pattern: '^crt_[0-9a-z]{20}$' }) }, Strict);
export const StatusListParams = Type.Object({ listId: Type.String({ pattern: '^stl_[0-9a-z]{20}$' }) }, Strict);

export const Certificate = Type.Object({
  id: Type.String(), type: CertificateTypeSchema, typeName: I18nOut, issuerOrgId: Type.String(), holderOrgId: Type.String(), userOrgId: Nullable(Type.String()),
  source: Type.Object({ kind: Type.String(), id: Type.String() }), status: CertificateStatusSchema, validFrom: Type.String(), validUntil: Nullable(Type.String()),
  issuedAt: Type.String(), endedAt: Nullable(Type.String()), reason: Nullable(Type.String()), digest: Type.String(), replaces: Nullable(Type.String()), replacedBy: Nullable(Type.String()),
  credential: Type.Record(Type.String(), Type.Unknown(), { description: 'the W3C VC 2.0 credential (the JWS payload)' }),
  jwt: Type.String({ description: 'the credential secured as vc+jwt (VC-JOSE-COSE)' }),
});
export const CertificateListQuery = Type.Object(
  { box: Type.Optional(lit(['held', 'received', 'issued', 'all'] as const, 'held (wallet, default) | received (as data user) | issued | all (own parties; overseers: every)')), type: Type.Optional(CertificateTypeSchema), status: Type.Optional(CertificateStatusSchema), sourceId: Type.Optional(Type.String({ pattern: '^(cns|rga|neg)_[0-9a-z]{20}$', description: 'the basis: an authorization (consent), a registration application, or a contract (an exchange negotiation)' })), ...PageQuery },
  Strict,
);
export const IssueCirculationBody = Type.Object({ consentId: Type.String({ pattern: '^cns_[0-9a-z]{20}$', description: 'an approved data-subject authorization' }) }, Strict);
export const IssueRegistrationBody = Type.Object({ applicationId: Type.String({ pattern: '^rga_[0-9a-z]{20}$', description: 'a registered application' }) }, Strict);
export const TransferBody = Type.Object({ toOrgId: Type.String({ pattern: '^org_[0-9a-z]{20}$' }), reason: Text(500) }, Strict);
export const ExportQuery = Type.Object(
  { box: Type.Optional(lit(['held', 'received', 'issued', 'all'] as const)), type: Type.Optional(CertificateTypeSchema), status: Type.Optional(CertificateStatusSchema) },
  Strict,
);
export const ReasonBody = Type.Object({ reason: Text(500) }, Strict);
export const ApplyBody = Type.Object(
  { note: Text(500), amountFen: Type.Optional(Nullable(Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', description: 'an amount in fen, e.g. a loan of ¥3,000,000 = "300000000"' }))) },
  { ...Strict, description: "a verifier's recorded use of the certificate (应用), e.g. a loan decision" },
);
export const Use = Type.Object({ id: Type.String(), verifierOrgId: Type.String(), note: Type.String(), amountFen: Nullable(Type.String()), usedAt: Type.String() });
export const Uses = Type.Object({ items: Type.Array(Use) });
export const VerifyBody = Type.Object({ credential: Type.String({ minLength: 1, maxLength: 200_000, description: 'the certificate as vc+jwt' }) }, Strict);
const Check = Type.Object({
  check: lit(['format', 'issuer', 'signature', 'validity', 'status', 'evidence'] as const), outcome: lit(['passed', 'failed', 'pending'] as const), code: Type.String(),
  message: Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() }), details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export const Verification = Type.Object({
  valid: Type.Boolean({ description: 'no check failed (evidence still being sequenced does not fail)' }),
  checks: Type.Array(Check),
  credential: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export const Bundle = Type.Object({
  type: Type.Literal('liutong.certificate.bundle'), v: Type.Literal(1), credential: Type.String(),
  didDocuments: Type.Record(Type.String(), Type.Unknown()), statusLists: Type.Record(Type.String(), Type.String()), receipts: Type.Record(Type.String(), Type.Unknown()),
  logKey: Type.String(), generatedAt: Type.String(),
}, { description: 'what `liutong cert verify` needs offline: the credential, the issuer DID document, status list credentials, evidence receipts, the ledger key' });
