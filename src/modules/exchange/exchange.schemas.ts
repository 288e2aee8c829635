import { Type } from '@sinclair/typebox';
import { lit, Nullable, Page, PageQuery, Strict } from '../../platform/http/schemas.js';
import { CHECKLIST_ITEMS, DATA_KINDS, DELIVERY_METHODS, LISTING_CATEGORIES, LISTING_REGIONS } from './listing.rules.js';

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
  orgId: Nullable(Type.String({ description: "the member; null: the exchange's own accounts" })),
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

// ---- listings (挂牌) ----------------------------------------------------------------------------

const LangText = (max: number) => Type.Object({ zh: Type.String({ minLength: 1, maxLength: max }), en: Type.String({ minLength: 1, maxLength: max }) }, Strict);
export const ListingCategorySchema = lit(LISTING_CATEGORIES, 'industry category');
export const ListingRegionSchema = lit(LISTING_REGIONS, 'Guangdong city, or guangdong for the province');
const DataKindSchema = lit(DATA_KINDS, 'what the data contains (checked against the prohibited list)');
const DeliverySchema = lit(DELIVERY_METHODS, 'api (through the gateway), file (expiring download links), compute (privacy computing)');
const PricingSchema = Type.Union([
  Type.Object({ model: Type.Literal('one_off'), amountFen: Fen }, Strict),
  Type.Object({ model: Type.Literal('subscription'), amountFen: Fen, period: lit(['month', 'quarter', 'year'] as const) }, Strict),
  Type.Object({ model: Type.Literal('per_call'), amountFen: Fen }, Strict),
  Type.Object({ model: Type.Literal('tiered'), tiers: Type.Array(Type.Object({ upTo: Nullable(Type.Integer({ minimum: 1 })), amountFen: Fen }, Strict), { minItems: 2, maxItems: 10, description: 'price per call by volume: ascending upTo, the last open (null)' }) }, Strict),
  Type.Object({ model: Type.Literal('quote') }, Strict),
], { description: 'one-off, subscription per period, per call, tiered per call, or quote on request (prices in fen)' });
const PolicySchema = Type.Object(
  {
    purposes: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 10 }),
    periodDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    maxUses: Nullable(Type.Integer({ minimum: 1 })),
    noResale: Type.Boolean(),
    mainlandOnly: Type.Boolean(),
    noReidentification: Type.Boolean(),
    destructionRequired: Type.Boolean({ description: 'the buyer attests destruction (销毁证明) when the contract ends' }),
    fields: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,62}$' }), { minItems: 1, maxItems: 200, uniqueItems: true, description: 'the fields an API delivery grants through the gateway; absent: the seller names them when it delivers' })),
  },
  { ...Strict, description: 'the usage policy offered (ODRL: purposes, period, uses, prohibitions, duties)' },
);
const SampleSchema = Type.Object(
  { kind: lit(['masked', 'synthetic'] as const), mediaType: lit(['text/csv', 'application/json'] as const), content: Type.String({ minLength: 1, maxLength: 65_536 }) },
  { ...Strict, description: 'a masked (脱敏) or synthetic (合成) sample, at most 64 KiB' },
);
const contentFields = {
  title: LangText(200),
  description: LangText(4000),
  category: ListingCategorySchema,
  region: ListingRegionSchema,
  dataKinds: Type.Array(DataKindSchema, { minItems: 1, maxItems: 11 }),
  sample: SampleSchema,
  deliveryMethods: Type.Array(DeliverySchema, { minItems: 1, maxItems: 3 }),
  pricing: PricingSchema,
  policy: PolicySchema,
};
export const ListingContentBody = Type.Object(contentFields, Strict);
export const ListingBody = Type.Object(
  {
    assetId: Type.String({ minLength: 1, maxLength: 40, description: 'the registered asset (its first registration’s id)' }),
    sellerOrgId: Type.Optional(Type.String({ pattern: '^org_[0-9a-z]{20}$', description: 'a broker listing for its client under a sell mandate names the client' })),
    ...contentFields,
  },
  Strict,
);
const Party = Type.Object({ orgId: Type.String(), name: Name });
const PricingOut = PricingSchema;
export const ListingSummary = Type.Object({
  id: Type.String(), title: Name, category: Type.String(), region: Type.String(), status: Type.String(), assetId: Type.String(), registrationNumber: Type.String(),
  seller: Party, broker: Nullable(Party), deliveryMethods: Type.Array(Type.String()), pricing: PricingOut,
  publicData: Nullable(Type.Object({ agreementId: Type.String(), productId: Type.String(), feeCap: Nullable(Type.Object({ amount: Type.String(), unit: Type.String() })) })),
  assessorOrgId: Nullable(Type.String()), assessorName: Nullable(Name), updatedAt: Type.String(), listedAt: Nullable(Type.String()),
});
const ChecklistEntry = Type.Object({ passed: Type.Boolean(), note: Type.String({ maxLength: 1000 }) }, Strict);
const ChecklistSchema = Type.Object(Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, ChecklistEntry])) as Record<(typeof CHECKLIST_ITEMS)[number], typeof ChecklistEntry>, { ...Strict, description: 'every item, each passed or not with a note (required when not passed)' });
const Assessment = Type.Object({
  id: Type.String(), assessorOrgId: Type.String(), assessorName: Name, checklist: Type.Unsafe<Record<string, { passed: boolean; note: string }>>({ type: 'object', additionalProperties: { type: 'object', properties: { passed: { type: 'boolean' }, note: { type: 'string' } } } }), passed: Type.Boolean(),
  evidence: Type.String(), listingDigest: Type.String(), current: Type.Boolean({ description: 'it assessed the listing’s current content' }), createdAt: Type.String(),
});
const PolicyOut = PolicySchema;
const SampleOut = Type.Object({ kind: Type.String(), mediaType: Type.String(), content: Type.String() });
export const Listing = Type.Intersect([ListingSummary, Type.Object({
  description: Name, dataKinds: Type.Array(Type.String()), sample: SampleOut, policy: PolicyOut, digest: Type.String(), reason: Nullable(Type.String()), mandateId: Nullable(Type.String()),
  assessmentId: Nullable(Type.String()), createdAt: Type.String(), submittedAt: Nullable(Type.String()), endedAt: Nullable(Type.String()),
  publicDataTerms: Nullable(Type.Object({ productId: Type.String(), agreementId: Type.String(), implementingOrgId: Type.String(), operatorOrgId: Type.String(), feeCap: Nullable(Type.Object({ amount: Type.String(), unit: Type.String() })) })),
  assessments: Type.Array(Assessment), viewerRole: Type.String({ description: 'party, assessor, exchange or regulator' }),
})]);
export const PublicListing = Type.Intersect([ListingSummary, Type.Object({
  description: Name, dataKinds: Type.Array(Type.String()), sample: SampleOut, policy: PolicyOut,
  odrl: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: 'the offer as an ODRL policy (odrl:Offer)' }),
  assessment: Nullable(Type.Object({ assessorOrgId: Type.String(), assessorName: Name, passed: Type.Boolean(), at: Type.String() })),
})]);
const ListingStatusSchema = lit(['draft', 'assessing', 'assessed', 'submitted', 'listed', 'suspended', 'delisted', 'withdrawn'] as const);
export const ListingParams = Type.Object({ listingId: Type.String({ pattern: '^lst_[0-9a-z]{20}$' }) }, Strict);
export const ListingPartyActionParams = Type.Object({ listingId: Type.String({ pattern: '^lst_[0-9a-z]{20}$' }), action: lit(['request-assessment', 'submit', 'withdraw', 'delist'] as const) }, Strict);
export const ListingReviewParams = Type.Object({ listingId: Type.String({ pattern: '^lst_[0-9a-z]{20}$' }), action: lit(['approve', 'reject', 'suspend', 'reinstate', 'delist'] as const) }, Strict);
export const ListingActBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000, description: 'required to send back, suspend or delist (the exchange)' })), assessorOrgId: Type.Optional(OrgId) },
  Strict,
);
export const AssessmentBody = Type.Object(
  { checklist: ChecklistSchema, evidence: Type.String({ minLength: 1, maxLength: 4000, description: 'what was examined: documents, their digests, interviews' }) },
  Strict,
);
export const ListingQuery = Type.Object({ ...PageQuery, box: Type.Optional(lit(['mine', 'assess', 'review', 'all'] as const)), status: Type.Optional(ListingStatusSchema) }, Strict);
export const MarketQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100, description: 'words; Chinese matched by characters and pairs of characters' })),
    category: Type.Optional(ListingCategorySchema),
    region: Type.Optional(ListingRegionSchema),
    delivery: Type.Optional(DeliverySchema),
    pricing: Type.Optional(lit(['one_off', 'subscription', 'per_call', 'tiered', 'quote'] as const)),
    sellerOrgId: Type.Optional(OrgId),
  },
  Strict,
);
export const MarketPage = Type.Intersect([Page(ListingSummary), Type.Object({ capped: Type.Boolean({ description: 'true when more listings matched than counted: total is then a lower bound (1,000)' }) })]);

// ---- negotiations and contracts ------------------------------------------------------------------

const TermsSchema = Type.Object(
  {
    priceFen: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'the price in the listing’s unit: per call (per_call, tiered), per period (subscription), or the whole (one_off, quote), in fen' }),
    quantity: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'calls (equal to maxUses), periods, or 1' }),
    purposes: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 10, description: 'among the listing’s purposes' }),
    periodDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    maxUses: Nullable(Type.Integer({ minimum: 1 })),
  },
  { ...Strict, description: 'the terms on the table; the amount is price × quantity' },
);
export const NegotiationBody = Type.Object(
  {
    listingId: Type.String({ pattern: '^lst_[0-9a-z]{20}$' }),
    move: lit(['request', 'offer'] as const, 'request: the buyer (or its broker) asks; offer: the seller (or its broker) offers to buyerOrgId'),
    buyerOrgId: Type.Optional(OrgId),
    terms: TermsSchema,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  Strict,
);
export const MoveBody = Type.Object({ terms: Type.Optional(TermsSchema), reason: Type.Optional(Type.String({ maxLength: 1000, description: 'required to terminate' })) }, Strict);
export const NegotiationParams = Type.Object({ negotiationId: Type.String({ pattern: '^neg_[0-9a-z]{20}$' }) }, Strict);
export const NegotiationMoveParams = Type.Object({ negotiationId: Type.String({ pattern: '^neg_[0-9a-z]{20}$' }), move: lit(['request', 'offer', 'accept', 'agree', 'verify', 'finalize', 'terminate', 'seal'] as const) }, Strict);
const NegotiationStateSchema = lit(['REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED', 'VERIFIED', 'FINALIZED', 'TERMINATED'] as const);
export const NegotiationQuery = Type.Object({ ...PageQuery, all: Type.Optional(Type.Boolean({ description: 'every negotiation (the exchange, the regulator)' })), state: Type.Optional(NegotiationStateSchema), listingId: Type.Optional(Type.String({ pattern: '^lst_[0-9a-z]{20}$' })) }, Strict);
const TermsOut = Type.Object({ priceFen: Type.String(), quantity: Type.Integer(), purposes: Type.Array(Type.String()), periodDays: Type.Integer(), maxUses: Nullable(Type.Integer()) });
export const NegotiationSummary = Type.Object({
  id: Type.String(), listingId: Type.String(), listingTitle: Name, state: NegotiationStateSchema, round: Type.Integer(), terms: TermsOut, amountFen: Type.String(),
  seller: Party, buyer: Party, sellerBroker: Nullable(Party), buyerBroker: Nullable(Party), contractNumber: Nullable(Type.String()), startsOn: Nullable(Type.String()), endsOn: Nullable(Type.String()),
  updatedAt: Type.String(), viewerSide: Type.String({ description: 'provider, consumer or overseer' }),
});
export const Negotiation = Type.Intersect([NegotiationSummary, Type.Object({
  listedPriceFen: Nullable(Type.String()), pricing: PricingSchema, policy: PolicySchema, documentDigest: Nullable(Type.String()), reason: Nullable(Type.String()),
  seals: Type.Array(Type.Object({ party: Type.String(), orgId: Type.String(), kid: Type.String(), signedAt: Type.String() })), sealsNeeded: Type.Array(Type.String()),
  escrowJournalId: Nullable(Type.String()), escrowFen: Type.String({ description: 'held in escrow: the amount and the buyer’s broker’s commission' }), uses: Type.Integer(),
  deliveredAt: Nullable(Type.String()), acceptanceDue: Nullable(Type.String()), acceptedAt: Nullable(Type.String()), acceptedBy: Nullable(Type.String()), createdAt: Type.String(), agreedAt: Nullable(Type.String()), verifiedAt: Nullable(Type.String()), finalizedAt: Nullable(Type.String()), terminatedAt: Nullable(Type.String()),
  agreement: Nullable(Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: 'the DSP agreement: target, assigner, assignee, timestamp, ODRL policy' })),
  moves: Type.Array(Type.Object({ seq: Type.Integer(), move: Type.String(), from: Nullable(Type.String()), to: Type.String(), side: Type.String(), orgId: Type.String(), terms: Nullable(TermsOut), note: Nullable(Type.String()), at: Type.String() })),
  viewerParty: Nullable(Type.String()), viewerMoves: Type.Array(Type.String()),
  grantId: Nullable(Type.String({ description: 'the gateway grant of an API delivery' })),
  destruction: Nullable(Type.Object({ statement: Type.String(), method: Type.String(), evidenceSha256: Nullable(Type.String()), attestedAt: Type.String(), attestedBy: Nullable(Type.String()) }, { description: 'the buyer’s destruction attestation (销毁证明)' })),
  viewerRated: Type.Optional(Type.Boolean({ description: 'whether the viewer’s organisation rated the other party' })),
  escrowDueFen: Type.Optional(Nullable(Type.String({ description: 'before the buyer verifies: what it will pay into escrow (the amount and its broker’s commission)' }))),
  billing: Nullable(Type.Object({ byUse: Type.Boolean(), billedUses: Nullable(Type.Integer()), billedAt: Nullable(Type.String()) }, { description: 'per-call pricing delivered by API: billed from the gateway’s metered calls when the calls are used up or the period ended' })),
})]);
export const ContractSeals = Type.Object({
  contractNumber: Type.String(), documentDigest: Type.String(),
  seals: Type.Array(Type.Object({ party: Type.String(), orgId: Type.String(), valid: Type.Boolean(), reason: Nullable(Type.String()), signedAt: Type.String(), kid: Type.String() })),
});

// ---- delivery, acceptance, settlement --------------------------------------------------------------

export const DeliveryBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    mediaType: Type.String({ minLength: 3, maxLength: 100, pattern: '^[a-z]+/[a-z0-9.+-]+$' }),
    contentBase64: Type.String({ minLength: 4, maxLength: 11_200_000, description: 'the file, base64 (at most 8 MiB)' }),
    note: Type.String({ maxLength: 1000 }),
  },
  { ...Strict, description: 'a file delivered to the buyer under the contract' },
);
export const Delivery = Type.Object({ id: Type.String(), method: Type.String(), name: Type.String(), mediaType: Type.String(), size: Type.Integer(), sha256: Type.String(), note: Type.String(), createdAt: Type.String(), acceptanceDue: Type.Optional(Type.String()) });
export const DeliveryParams = Type.Object({ negotiationId: Type.String({ pattern: '^neg_[0-9a-z]{20}$' }), deliveryId: Type.String({ pattern: '^dlv_[0-9a-z]{20}$' }) }, Strict);
export const DownloadLink = Type.Object({ url: Type.String(), expiresAt: Type.String() });
export const DownloadParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }, Strict);
const SettlementLineOut = Type.Object({ to: Type.String(), orgId: Nullable(Type.String()), amountFen: Type.String() });
export const Acceptance = Type.Object({
  acceptedAt: Type.String(), acceptedBy: Type.String(),
  settlement: Nullable(Type.Object({ dueOn: Type.String(), amountFen: Type.String(), lines: Type.Array(SettlementLineOut) }, { description: 'null for a contract billed by use (its item is made when it is billed)' })),
  billing: lit(['amount', 'by_use'] as const),
});
export const ApiDeliveryBody = Type.Object(
  {
    fields: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,62}$' }), { minItems: 1, maxItems: 200, uniqueItems: true, description: "the fields granted; must be the policy's when the listing names them" })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { ...Strict, description: 'API delivery: a gateway grant to the buyer bounded by the contract' },
);
const GrantOut = Type.Object({ id: Type.String(), resourceId: Type.String(), fields: Type.Array(Type.String()), expiresAt: Nullable(Type.String()), maxCalls: Nullable(Type.Integer()) });
export const ApiDelivery = Type.Intersect([Delivery, Type.Object({ grant: Type.Intersect([GrantOut, Type.Object({ billing: lit(['amount', 'by_use'] as const) })]) })]);
export const ApiUsage = Type.Object({
  grant: Nullable(Type.Intersect([GrantOut, Type.Object({ status: Type.String(), callsUsed: Type.Integer() })])),
  billing: Type.Optional(Type.Object({ byUse: Type.Boolean(), billedUses: Nullable(Type.Integer()), billedAt: Nullable(Type.String()) })),
});
export const SettlementItem = Type.Object({ item: Nullable(Type.Object({ dueOn: Type.String(), amountFen: Type.String(), lines: Type.Array(SettlementLineOut), status: Type.String(), batchId: Nullable(Type.String()), settledAt: Nullable(Type.String()) })) });
export const SettlementRunBody = Type.Object({ businessDate: Type.Optional(DateText) }, Strict);
export const SettlementRun = Type.Object({ businessDate: Type.String(), batches: Type.Array(Type.Object({ id: Type.String(), items: Type.Integer(), amountFen: Type.String(), journalId: Type.String() })), items: Type.Integer(), amountFen: Type.String() });
export const SettlementBatch = Type.Object({ id: Type.String(), businessDate: Type.String(), items: Type.Integer(), amountFen: Type.String(), journalId: Type.String(), settledAt: Type.String() });
export const BatchParams = Type.Object({ batchId: Type.String({ pattern: '^stb_[0-9a-z]{20}$' }) }, Strict);
export const SettlementBatchDetail = Type.Intersect([SettlementBatch, Type.Object({
  deals: Type.Array(Type.Object({ negotiationId: Type.String(), contractNumber: Nullable(Type.String()), buyerOrgId: Type.String(), amountFen: Type.String(), lines: Type.Array(SettlementLineOut) }), { description: 'the deals settled (a member sees those it paid or is credited in)' }),
})]);

// ---- disclosure (信息披露) -------------------------------------------------------------------------

export const DisclosureQuery = Type.Object({ from: Type.Optional(DateText), to: Type.Optional(DateText) }, Strict);
const DisclosedDay = Type.Object({
  date: Type.String(), deals: Type.Integer(), amountFen: Nullable(Type.String({ description: 'withheld (null) when it would reveal an amount of fewer than minDeals deals' })),
  cells: Type.Array(Type.Object({ date: Type.String(), key: Type.String({ description: 'the category or region; other = the merged cells of fewer than minDeals deals' }), deals: Type.Integer(), amountFen: Nullable(Type.String()), merged: Type.Optional(Type.Integer()) })),
});
export const Disclosure = Type.Object({ from: Type.String(), to: Type.String(), minDeals: Type.Integer(), byCategory: Type.Array(DisclosedDay), byRegion: Type.Array(DisclosedDay) });

// ---- after the trade ---------------------------------------------------------------------------------

export const DestructionBody = Type.Object(
  {
    statement: Type.String({ minLength: 1, maxLength: 2000, description: 'what was destroyed, where, by whom' }),
    method: lit(['deletion', 'overwrite', 'physical_destruction', 'crypto_erase'] as const),
    evidenceSha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'the digest of a supporting document (a destruction record, an audit report)' })),
  },
  Strict,
);
export const Destruction = Type.Object({ statement: Type.String(), method: Type.String(), evidenceSha256: Nullable(Type.String()), attestedAt: Type.String(), attestedBy: Nullable(Type.String()) });
export const OverdueDestructions = Type.Object({
  items: Type.Array(Type.Object({ negotiationId: Type.String(), contractNumber: Nullable(Type.String()), buyerOrgId: Type.String(), sellerOrgId: Type.String(), endsOn: Nullable(Type.String()), listingTitle: Name })),
  page: Type.Integer(), pageSize: Type.Integer(),
});
export const RatingBody = Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.String({ maxLength: 1000 }) }, Strict);
export const Rating = Type.Object({ negotiationId: Type.String(), raterOrgId: Type.String(), rateeOrgId: Type.String(), score: Type.Integer(), comment: Type.String(), at: Type.String() });
export const Ratings = Type.Object({ orgId: Type.String(), count: Type.Integer(), average: Nullable(Type.Number()), latest: Type.Array(Type.Object({ score: Type.Integer(), comment: Type.String(), at: Type.String() })) });

export const DisputeBody = Type.Object(
  {
    arbitratorOrgId: OrgId,
    claim: Type.String({ minLength: 1, maxLength: 4000, description: 'what went wrong and what is asked' }),
    claimedRefundFen: Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', description: 'the refund asked, in fen (at most the amount)' }),
  },
  Strict,
);
export const RulingBody = Type.Object(
  {
    ruling: Type.String({ minLength: 1, maxLength: 4000 }), refundFen: Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', description: 'refunded to the buyer from escrow, in fen (at most the amount)' }),
    penaltyFen: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', description: 'a penalty (违约金) beyond the refund, in fen (at most the amount), paid by penaltyPayer to the other party from its available money' })),
    penaltyPayer: Type.Optional(lit(['seller', 'buyer'] as const)),
  },
  Strict,
);
export const Dispute = Type.Object({
  id: Type.String(), negotiationId: Type.String(), raisedByOrgId: Type.String(), arbitratorOrgId: Type.String(), claim: Type.String(), claimedRefundFen: Type.String(), status: Type.String(),
  ruling: Nullable(Type.String()), refundFen: Nullable(Type.String()), penaltyFen: Nullable(Type.String()), penaltyPayer: Nullable(Type.String()), createdAt: Type.String(), ruledAt: Nullable(Type.String()),
  settlement: Type.Optional(Type.Object({ dueOn: Type.String(), amountFen: Type.String(), lines: Type.Array(Type.Object({ to: Type.String(), orgId: Nullable(Type.String()), amountFen: Type.String() })), status: Type.Optional(Type.String()) })),
  contractNumber: Type.Optional(Nullable(Type.String())), listingTitle: Type.Optional(Name), amountFen: Type.Optional(Type.String({ description: 'the contract amount' })),
  buyer: Type.Optional(Type.Object({ orgId: Type.String(), name: Name })), seller: Type.Optional(Type.Object({ orgId: Type.String(), name: Name })), arbitratorName: Type.Optional(Name),
});
export const DisputeParams = Type.Object({ disputeId: Type.String({ pattern: '^dsp_[0-9a-z]{20}$' }) }, Strict);
export const DisputeQuery = Type.Object({ ...PageQuery, all: Type.Optional(Type.Boolean()), status: Type.Optional(lit(['open', 'ruled'] as const)), negotiationId: Type.Optional(Type.String({ pattern: '^neg_[0-9a-z]{20}$' })) }, Strict);

export const FilingBody = Type.Object(
  {
    counterpartyOrgId: OrgId,
    role: lit(['seller', 'buyer'] as const, 'the filer’s side of the deal'),
    assetId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'the registered asset traded (the seller must hold it)' })),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    amountFen: Fen,
    tradedOn: DateText,
    contractSha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'the SHA-256 of the signed contract (the contract stays with the parties)' }),
  },
  Strict,
);
export const Filing = Type.Object({
  id: Type.String(), filer: Party, counterparty: Party, filerRole: Type.String(), assetId: Nullable(Type.String()), registrationNumber: Nullable(Type.String()), description: Type.String(),
  amountFen: Type.String(), tradedOn: Type.String(), contractSha256: Type.String(), status: Type.String(), createdAt: Type.String(), confirmedAt: Nullable(Type.String()),
});
export const FilingParams = Type.Object({ filingId: Type.String({ pattern: '^fil_[0-9a-z]{20}$' }) }, Strict);
export const FilingQuery = Type.Object({ ...PageQuery, all: Type.Optional(Type.Boolean()), status: Type.Optional(lit(['filed', 'confirmed'] as const)) }, Strict);

// ---- insurance and custody attached to contracts ---------------------------------------------------

export const AttachmentBody = Type.Object(
  {
    kind: lit(['insurance', 'custody'] as const),
    beneficiary: lit(['buyer', 'seller'] as const, 'whose interest it covers'),
    reference: Type.String({ minLength: 1, maxLength: 100, description: 'the policy or custody agreement number' }),
    description: Type.String({ minLength: 1, maxLength: 2000, description: 'what is covered or held, on which terms' }),
    coverageFen: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'the sum insured, in fen (required for insurance)' })),
    premiumFen: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', description: 'the premium or custody fee, in fen' })),
    validUntil: Type.Optional(DateText),
    documentSha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'the digest of the policy or agreement document' })),
  },
  { ...Strict, description: 'data insurance (数据保险) or custody (数据托管) attached to a contract by its provider' },
);
export const Attachment = Type.Object({
  id: Type.String(), negotiationId: Type.String(), providerOrgId: Type.String(), kind: Type.String(), beneficiaryOrgId: Type.String(), reference: Type.String(), description: Type.String(),
  coverageFen: Nullable(Type.String()), premiumFen: Nullable(Type.String()), validUntil: Nullable(Type.String()), documentSha256: Nullable(Type.String()), createdAt: Type.String(),
});
