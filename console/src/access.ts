/**
 * What the current user may do in the console, derived from their organisation's roles and their
 * member role. Pure and unit-tested (test/console/access.test.ts). It mirrors the access policies
 * the API declares per route (the `*.routes.ts` file of each module); the server still decides every call,
 * this only decides what the console offers.
 */
export type OrgRole =
  | 'platform_admin' | 'data_bureau' | 'source_unit' | 'implementing_body' | 'operator' | 'exchange' | 'data_merchant'
  | 'broker' | 'service_provider' | 'enterprise' | 'regulator' | 'customs_officer' | 'individual';
export type MemberRole = 'org_admin' | 'staff' | 'finance' | 'auditor';

export interface CurrentUser {
  orgId: string;
  orgRoles: readonly string[];
  memberRole: string | null;
  personRoles: readonly string[];
  /** The user's organisation as /me returns it (its type tells a public body from an enterprise). */
  organisation?: { type: string } | null;
}

/** Organisation types whose data is public data (公共数据) and which may request sharing (mirrors the server). */
export const PUBLIC_ORG_TYPES: readonly string[] = ['government', 'public_institution', 'public_enterprise'];
/** Organisation types that hold a legal-person digital space (法人数字空间; mirrors space.service.ts). */
export const LEGAL_HOLDER_ORG_TYPES: readonly string[] = ['enterprise', 'public_enterprise'];
/** …and every holder of a digital space: the enterprises, and individuals' accounts (个人数字空间). */
export const HOLDER_ORG_TYPES: readonly string[] = [...LEGAL_HOLDER_ORG_TYPES, 'individual'];

export const PERMISSIONS = [
  'public',
  'signedIn',
  'orgs.list',
  'orgs.create',
  'orgs.manageOwnUsers',
  'orgs.manageAnyUsers',
  'orgs.viewApiKeys',
  'orgs.manageApiKeys',
  'orgs.rotateKeys',
  'ledger.explore',
  'ledger.attest',
  'ledger.witnesses',
  'seals.sign',
  'catalog.elements',
  'catalog.defineElements',
  'catalog.resources',
  'catalog.writeResources',
  'sharing.requests',
  'sharing.request',
  'sharing.decide',
  'lists.systems',
  'lists.writeSystems',
  'lists.demands',
  'lists.writeDemands',
  'lists.overview',
  'lists.census',
  'lists.importantData',
  'lists.writeImportantData',
  'cdo.appointments',
  'cdo.appoint',
  'cdo.oversight',
  'cdo.evaluate',
  'cdo.indicators',
  'cdo.dcmm',
  'cdo.assess',
  'cdo.editItems',
  'opendata.developer',
  'opendata.write',
  'opendata.decide',
  'opendata.reviewApps',
  'gateway.grants',
  'gateway.manage',
  'authorization.agreements',
  'authorization.apply',
  'authorization.decide',
  'authorization.seal',
  'authorization.intervene',
  'authorization.disclose',
  'authorization.oversee',
  'space.holder',
  'space.manage',
  'space.bind',
  'space.consents',
  'space.request',
  'licences.view',
  'licences.issue',
  'notifications.inbox',
  'notifications.webhooks',
  'certificates.wallet',
  'certificates.issue',
  'registry.applications',
  'registry.apply',
  'registry.review',
  'registry.oversee',
  'registry.accounting',
  'registry.recognise',
  'exchange.membership',
  'exchange.apply',
  'exchange.review',
  'exchange.brokers',
  'exchange.certify',
  'exchange.mandates',
  'exchange.listings',
  'exchange.list',
  'exchange.assess',
  'exchange.listingReview',
  'exchange.negotiations',
  'exchange.negotiate',
  'exchange.books',
  'exchange.finance',
  'exchange.settlements',
  'exchange.disputes',
  'exchange.filings',
  'exchange.file',
  'exchange.attachments',
  'exchange.attach',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type Access = Record<Permission, boolean>;

export function computeAccess(user: CurrentUser | null): Access {
  const none = Object.fromEntries(PERMISSIONS.map((p) => [p, false])) as Access;
  none.public = true;
  if (!user) return none;
  const has = (r: OrgRole) => user.orgRoles.includes(r);
  const member = user.memberRole;
  const admin = member === 'org_admin';
  const writer = admin || member === 'staff';
  const publicBody = PUBLIC_ORG_TYPES.includes(user.organisation?.type ?? '');
  const holder = HOLDER_ORG_TYPES.includes(user.organisation?.type ?? '');
  const individual = user.organisation?.type === 'individual' || has('individual');
  return {
    public: true,
    signedIn: true,
    'orgs.list': true,
    // POST /orgs: platform_admin or data_bureau, as org_admin.
    'orgs.create': admin && (has('platform_admin') || has('data_bureau')),
    // POST /orgs/{orgId}/users: own organisation's org_admin; platform_admin across organisations.
    'orgs.manageOwnUsers': admin,
    'orgs.manageAnyUsers': admin && has('platform_admin'),
    // GET /orgs/{orgId}/api-keys: org_admin or auditor of the organisation.
    'orgs.viewApiKeys': admin || member === 'auditor',
    'orgs.manageApiKeys': admin,
    // POST /orgs/{orgId}/keys/rotate: own org_admin; platform_admin across organisations (see canManageOrg).
    'orgs.rotateKeys': admin,
    'ledger.explore': true,
    // POST /ledger/attestations and /seals/sign: org_admin or staff.
    'ledger.attest': writer,
    'seals.sign': writer,
    // GET /catalog/elements: every signed-in user; POST/PATCH: the data bureau's org_admin or staff.
    'catalog.elements': true,
    'catalog.defineElements': writer && has('data_bureau'),
    // GET /catalog/resources: every signed-in user (the server filters what each may see);
    // POST/PATCH, grade, submit: any organisation's org_admin or staff, for its own resources.
    'catalog.resources': true,
    'catalog.writeResources': writer,
    // GET /sharing/requests: every signed-in user (own organisation's requests and inbox; the server
    // checks each request); POST (request, approve, reject, withdraw, revoke): org_admin or staff.
    // Only public bodies may request (the server decides; the console offers it to them only).
    'sharing.requests': true,
    'sharing.request': writer && publicBody,
    'sharing.decide': writer,
    // Three lists (catalog system/demand/census/important-data routes): every signed-in user reads
    // (the server shows a body its own systems and demands, the data bureau and the regulator all);
    // org_admin or staff write their own body's; the overview is the data bureau's and the
    // regulator's; census import and the important-data catalogue are the data bureau's.
    'lists.systems': true,
    'lists.writeSystems': writer,
    'lists.demands': true,
    'lists.writeDemands': writer,
    'lists.overview': has('data_bureau') || has('regulator'),
    'lists.census': writer && has('data_bureau'),
    'lists.importantData': true,
    'lists.writeImportantData': writer && has('data_bureau'),
    // POST /ledger/witnesses: a regulator's org_admin.
    'ledger.witnesses': admin && has('regulator'),
    // GET /cdo/orgs/{orgId}/appointments: own organisation; POST: its org_admin. GET /cdo/appointments,
    // /cdo/indicators, /cdo/evaluations: data bureau and regulator; POST /cdo/evaluations and the DCMM
    // item list: the data bureau's org_admin or staff. DCMM self-assessment: own org_admin or staff.
    'cdo.appointments': true,
    'cdo.appoint': admin,
    'cdo.oversight': has('data_bureau') || has('regulator'),
    'cdo.evaluate': writer && has('data_bureau'),
    'cdo.indicators': true,
    'cdo.dcmm': true,
    'cdo.assess': writer,
    'cdo.editItems': writer && has('data_bureau'),
    // /opendata: every signed-in organisation may register as a developer and see its keys,
    // applications and apps; org_admin or staff act (register, keys, apply, submit apps). Source
    // units decide applications for their own datasets (the server checks ownership); the data
    // bureau reviews the apps showcase.
    'opendata.developer': true,
    'opendata.write': writer,
    'opendata.decide': has('source_unit') || has('data_bureau'),
    'opendata.reviewApps': has('data_bureau'),
    // GET /gateway/grants, /calls, /usage: any signed-in member, for its own organisation's side.
    'gateway.grants': true,
    // PATCH /gateway/grants/{id}, POST …/revoke: the grantor's org_admin or staff (the server checks the organisation).
    'gateway.manage': writer,
    // Authorized operation (授权运营, authorization.routes.ts). GET /authorization/agreements: every
    // signed-in user, for its own organisation's side — offered to the parties (implementing bodies,
    // operators) and the overseers (data bureau, regulator: box=all). POST /agreements: an operator's
    // org_admin or staff. Review, reject, activate, suspend, resume, terminate: org_admin or staff
    // (the server checks the implementing body's side; the data bureau may suspend and terminate).
    // POST …/seal: the party's org_admin. POST /disclosures: org_admin or staff of an implementing body
    // or operator; GET /disclosures/missing: data bureau and regulator.
    'authorization.agreements': has('implementing_body') || has('operator') || has('data_bureau') || has('regulator'),
    'authorization.apply': writer && has('operator'),
    'authorization.decide': writer && has('implementing_body'),
    'authorization.seal': admin && (has('implementing_body') || has('operator')),
    'authorization.intervene': writer && has('data_bureau'),
    'authorization.disclose': writer && (has('implementing_body') || has('operator')),
    'authorization.oversee': has('data_bureau') || has('regulator'),
    // Data-subject authorization (数据主体授权, authorization.routes.ts). GET /authorization/space, its
    // rows: any member of an enterprise (or public enterprise) — the holder of a legal-person digital
    // space — or of an individual's account (the server refuses others with
    // AUTHORIZATION_NOT_A_HOLDER); hide, show, package and the
    // holder's approve, reject, revoke: its org_admin or staff. GET /authorization/consents (either
    // box) and one authorization with its usage: every signed-in user, for its own side (the server
    // answers 404 otherwise). POST /authorization/consents, withdraw, deletion: org_admin or staff of
    // any organisation (a bank is the usual requester).
    'space.holder': holder,
    'space.manage': holder && writer,
    // POST /authorization/space/binding: an enterprise's org_admin (the legal representative binds the account).
    'space.bind': admin && LEGAL_HOLDER_ORG_TYPES.includes(user.organisation?.type ?? ''),
    'space.consents': true,
    'space.request': writer,
    // Licences (电子证照, authorization.routes.ts). POST /authorization/licences: a source unit's
    // org_admin or staff (revoke: the same, for its own licences — the server checks the issuer).
    // GET /authorization/licences: every signed-in user, its own organisation's issued licences and,
    // for the data bureau and the regulator, every issuer's — offered to source units and those overseers.
    'licences.view': has('source_unit') || has('data_bureau') || has('regulator'),
    'licences.issue': writer && has('source_unit'),
    // GET /notifications and marking read: every signed-in user, its own organisation's inbox;
    // /webhooks (list, register, delete, deliveries): org_admin.
    'notifications.inbox': true,
    'notifications.webhooks': admin,
    // Data asset certificates (数据资产凭证, certificates.routes.ts). GET /certificates and one
    // certificate: every signed-in user, its own wallet (held), what it received as data user and
    // what it issued (the data bureau and the regulator: all). POST /certificates/circulation: the
    // data bureau's org_admin or staff. Suspend, reinstate, revoke (the issuer) and uses (the data
    // user): org_admin or staff — pages/certificates/certificate.rules.ts certificateActions.
    'certificates.wallet': true,
    'certificates.issue': writer && has('data_bureau'),
    // Asset registration (资产登记, registry.routes.ts). GET /registry/applications (box=mine) and one
    // application: every signed-in user, for its own organisation's (the server answers 404
    // otherwise) — offered to organisations, not individuals. POST, PATCH, submit, withdraw: org_admin
    // or staff. box=review: any user on a compliance panel (the server knows who; the console offers
    // it to organisations). box=all and GET /registry/reviewers: the data bureau and the regulator;
    // draw, resolve, register, the pool's add and retire: the data bureau's org_admin or staff
    // (pages/registry/registry.rules.ts applicationActions).
    'registry.applications': !individual,
    'registry.apply': writer && !individual,
    'registry.review': !individual,
    'registry.oversee': has('data_bureau') || has('regulator'),
    // Data assets on the books (数据资产入表, 财会〔2023〕11号, registry.routes.ts): GET
    // /registry/accounting/assets and /disclosure: every signed-in user, its own organisation's books —
    // offered to enterprises (an enterprise or public enterprise, or an organisation with the
    // enterprise role; not public bodies or individuals). POST /registry/accounting/assets: their
    // org_admin, staff or finance.
    'registry.accounting': !individual && (LEGAL_HOLDER_ORG_TYPES.includes(user.organisation?.type ?? '') || has('enterprise')),
    'registry.recognise': !individual && (LEGAL_HOLDER_ORG_TYPES.includes(user.organisation?.type ?? '') || has('enterprise')) && (writer || member === 'finance'),
    // The exchange (exchange.routes.ts). GET /exchange/members/mine and POST /exchange/members (the
    // organisation's administrator); GET /exchange/members in full and the decisions: the exchange
    // (its org_admin or staff decide), the regulator reads; GET /public/exchange/brokers: anyone,
    // POST /exchange/brokers: the data bureau's org_admin or staff; mandates: any organisation
    // (POST by the client's administrator, checked by the server against membership).
    'exchange.membership': !individual,
    'exchange.apply': admin && !individual,
    'exchange.review': has('exchange') || has('regulator'),
    'exchange.brokers': true,
    'exchange.certify': writer && has('data_bureau'),
    'exchange.mandates': !individual,
    // Listings (挂牌, exchange.routes.ts). GET /exchange/listings (box=mine, assess) and one listing:
    // every signed-in user, for its own organisation's side (the server answers 404 otherwise) —
    // offered to organisations. POST, PUT and the party's steps: org_admin or staff (the server
    // checks the seller or data-merchant membership, or the broker's mandate). The assessment: the
    // named assessor, a service provider with the compliance service (the server checks the
    // naming). box=review and all: the exchange and the regulator (exchange.review); the review's
    // decisions: the exchange's org_admin or staff.
    'exchange.listings': !individual,
    'exchange.list': writer && !individual,
    'exchange.assess': has('service_provider'),
    'exchange.listingReview': writer && has('exchange'),
    // Negotiations and contracts (撮合 → 成交, exchange.routes.ts). GET /exchange/negotiations and one
    // negotiation: every signed-in user, its own organisation's as seller, buyer or broker (the server
    // answers 404 otherwise), all of them (all=true) for the exchange and the regulator — offered to
    // organisations. POST /exchange/negotiations and the moves: org_admin or staff (the server checks
    // the buyer's or seller's membership, the broker's mandate, and org_admin for the seals —
    // negotiationActions).
    'exchange.negotiations': !individual,
    'exchange.negotiate': writer && !individual,
    // Books, settlement and after the trade (exchange.routes.ts). GET /exchange/books/orgs/{orgId}/statement:
    // the organisation itself (any member role), the exchange and the regulator for any — offered to
    // organisations. POST /exchange/books/deposits, /withdrawals and /exchange/settlements: the
    // exchange's users with the finance member role. GET /exchange/books/reconciliation and
    // /exchange/settlements: the exchange and the regulator. GET /exchange/disputes and /filings:
    // every signed-in user, its own (all=true for the exchange and the regulator); POST /filings and
    // a dispute's ruling: org_admin or staff (the server checks the membership and the arbitrator).
    'exchange.books': !individual,
    'exchange.finance': member === 'finance' && has('exchange'),
    'exchange.settlements': has('exchange') || has('regulator'),
    'exchange.disputes': !individual,
    'exchange.filings': !individual,
    'exchange.file': writer && !individual,
    // Insurance and custody (exchange.routes.ts): GET /exchange/attachments is a provider's own, POST
    // /exchange/negotiations/{id}/attachments its org_admin or staff (the server checks an active
    // service-provider membership offering insurance or custody) — offered to service providers.
    'exchange.attachments': has('service_provider'),
    'exchange.attach': writer && has('service_provider'),
  };
}

/**
 * Which steps the console offers on an exchange membership (mirrors member.rules.ts): the exchange's
 * org_admin or staff approve or reject an application, suspend an active membership, reinstate a
 * suspended one and terminate either; the applicant's administrator withdraws an open application
 * and its org_admin or staff attach qualification files to it.
 */
export function memberActions(user: CurrentUser | null, m: { orgId: string; status: string }): { approve: boolean; reject: boolean; suspend: boolean; reinstate: boolean; terminate: boolean; withdraw: boolean; attach: boolean } {
  const writer = user?.memberRole === 'org_admin' || user?.memberRole === 'staff';
  const exchange = !!user && writer && user.orgRoles.includes('exchange');
  const own = !!user && user.orgId === m.orgId;
  return {
    approve: exchange && m.status === 'applied',
    reject: exchange && m.status === 'applied',
    suspend: exchange && m.status === 'active',
    reinstate: exchange && m.status === 'suspended',
    terminate: exchange && (m.status === 'active' || m.status === 'suspended'),
    withdraw: own && user?.memberRole === 'org_admin' && m.status === 'applied',
    attach: own && writer && m.status === 'applied',
  };
}

export type ListingViewerRole = 'party' | 'assessor' | 'exchange' | 'regulator';
export interface ListingSteps {
  /** The seller or its broker: edit the draft, ask a compliance assessor, submit, withdraw, delist. */
  edit: boolean;
  requestAssessment: boolean;
  submit: boolean;
  withdraw: boolean;
  delist: boolean;
  /** The named assessor records its assessment. */
  assess: boolean;
  /** The exchange reviews and sanctions. */
  approve: boolean;
  reject: boolean;
  suspend: boolean;
  reinstate: boolean;
  exchangeDelist: boolean;
}

/**
 * Which steps the console offers on a listing (mirrors listing.rules.ts LISTING_TRANSITIONS and
 * the routes' access; the server still decides): `viewerRole` is the listing's own answer (party,
 * assessor, exchange, regulator); only org_admin or staff act. The party edits and asks for an
 * assessment while draft, submits once assessed, withdraws before listing, delists while listed or
 * suspended; the assessor assesses while assessing; the exchange approves or sends back a
 * submitted listing, suspends a listed one, reinstates a suspended one and delists either; the
 * regulator only reads.
 */
export function listingActions(viewerRole: string, status: string, memberRole: string | null): ListingSteps {
  const writer = memberRole === 'org_admin' || memberRole === 'staff';
  const party = writer && viewerRole === 'party';
  const assessor = writer && viewerRole === 'assessor';
  const exchange = writer && viewerRole === 'exchange';
  const live = status === 'listed' || status === 'suspended';
  return {
    edit: party && status === 'draft',
    requestAssessment: party && status === 'draft',
    submit: party && status === 'assessed',
    withdraw: party && ['draft', 'assessing', 'assessed', 'submitted'].includes(status),
    delist: party && live,
    assess: assessor && status === 'assessing',
    approve: exchange && status === 'submitted',
    reject: exchange && status === 'submitted',
    suspend: exchange && status === 'listed',
    reinstate: exchange && status === 'suspended',
    exchangeDelist: exchange && live,
  };
}

export interface NegotiationSteps {
  /** Counter-offers: the consumer side's request, the provider side's offer (with new terms). */
  request: boolean;
  offer: boolean;
  /** The consumer side accepts the offer on the table. */
  accept: boolean;
  /** The seller seals the contract (its administrator). */
  agree: boolean;
  /** The buyer seals the contract and pays the escrow (its administrator). */
  verify: boolean;
  /** A broker of the negotiation seals as witness of its side (its administrator), once agreed. */
  seal: boolean;
  /** The provider side puts the contract in force (its administrator), once every broker sealed. */
  finalize: boolean;
  /** Finalising waits for a broker's seal. */
  awaitingBrokers: boolean;
  /** Either side ends the negotiation before it is in force, with a reason. */
  terminate: boolean;
}

/**
 * Which moves the console offers on a negotiation (mirrors negotiation.service.ts; the server still
 * decides): `viewerMoves` is the negotiation's own answer for the caller's side and its state; only
 * org_admin or staff move, and the seals — agree (the seller itself), verify (the buyer itself), a
 * broker's seal, finalize — take the organisation's administrator. Finalising is offered once every
 * broker sealed (the server refuses it before).
 */
export function negotiationActions(
  memberRole: string | null,
  n: { state: string; viewerParty: string | null; viewerMoves: readonly string[]; sealsNeeded: readonly string[] },
): NegotiationSteps {
  const writer = memberRole === 'org_admin' || memberRole === 'staff';
  const admin = memberRole === 'org_admin';
  const may = (m: string) => n.viewerMoves.includes(m);
  const broker = n.viewerParty === 'sellerBroker' || n.viewerParty === 'buyerBroker';
  const brokersMissing = n.sealsNeeded.some((p) => p === 'sellerBroker' || p === 'buyerBroker');
  return {
    request: writer && may('request'),
    offer: writer && may('offer'),
    accept: writer && may('accept'),
    agree: admin && may('agree') && n.viewerParty === 'seller',
    verify: admin && may('verify') && n.viewerParty === 'buyer',
    seal: admin && broker && (n.state === 'AGREED' || n.state === 'VERIFIED') && n.sealsNeeded.includes(n.viewerParty!),
    finalize: admin && may('finalize') && !brokersMissing,
    awaitingBrokers: admin && may('finalize') && brokersMissing,
    terminate: writer && may('terminate'),
  };
}

export interface TradeSteps {
  /** The seller delivers a file to the contract in force, before acceptance. */
  deliver: boolean;
  /** The buyer takes a download link for a delivered file while the contract is in force. */
  link: boolean;
  /** The buyer accepts what was delivered (none accepted yet, no dispute open). */
  accept: boolean;
  /** The buyer or the seller rates the other once the delivery was accepted, once (viewerRated). */
  rate: boolean;
  /** The buyer or the seller raises a dispute while the money is still in escrow (one open at a time). */
  dispute: boolean;
  /** The buyer attests destruction once the contract's period is over, once (destruction). */
  attestDestruction: boolean;
  /** The seller opens API access (a gateway grant to the buyer) once, when the listing offers 'api', before acceptance. */
  deliverApi: boolean;
}

/**
 * Which steps the console offers on a contract after it is in force (mirrors delivery.service.ts and
 * dispute.service.ts; the server still decides): the viewer's party on the negotiation, its state,
 * period, delivery and acceptance, today in Beijing, the settlement item's status and whether a
 * dispute was raised. Only org_admin or staff act (not finance staff or auditors); brokers and the
 * overseers read.
 */
export function tradeActions(
  memberRole: string | null,
  n: { state: string; viewerParty: string | null; endsOn: string | null; deliveredAt: string | null; acceptedAt: string | null; grantId?: string | null; viewerRated?: boolean; destruction?: unknown },
  ctx: { today: string; settlementStatus: string | null; openDispute: boolean; apiOffered?: boolean },
): TradeSteps {
  const writer = memberRole === 'org_admin' || memberRole === 'staff';
  const final = n.state === 'FINALIZED';
  const inForce = final && !!n.endsOn && ctx.today <= n.endsOn;
  const seller = writer && n.viewerParty === 'seller';
  const buyer = writer && n.viewerParty === 'buyer';
  return {
    deliver: seller && inForce && !n.acceptedAt,
    link: buyer && inForce && !!n.deliveredAt,
    accept: buyer && final && !!n.deliveredAt && !n.acceptedAt && !ctx.openDispute,
    rate: (seller || buyer) && final && !!n.acceptedAt && !n.viewerRated,
    dispute: (seller || buyer) && final && ctx.settlementStatus !== 'settled' && !ctx.openDispute,
    attestDestruction: buyer && final && !!n.endsOn && ctx.today > n.endsOn && !n.destruction,
    deliverApi: seller && inForce && !n.acceptedAt && !n.grantId && !!ctx.apiOffered,
  };
}

/**
 * Which steps the console offers on a dispute (mirrors dispute.service.ts rule; the server still
 * decides): the named arbitration provider's org_admin or staff rule on an open dispute; the
 * parties and the overseers read.
 */
export function disputeActions(user: CurrentUser | null, d: { arbitratorOrgId: string; status: string }): { rule: boolean } {
  const writer = user?.memberRole === 'org_admin' || user?.memberRole === 'staff';
  return { rule: !!user && writer && user.orgId === d.arbitratorOrgId && d.status === 'open' };
}

/**
 * Which steps the console offers on an off-exchange filing (mirrors filing.service.ts confirm): the
 * counterparty's org_admin or staff confirm a filing awaiting it; the filer and the overseers read.
 */
export function filingActions(user: CurrentUser | null, f: { counterparty: { orgId: string }; status: string }): { confirm: boolean } {
  const writer = user?.memberRole === 'org_admin' || user?.memberRole === 'staff';
  return { confirm: !!user && writer && user.orgId === f.counterparty.orgId && f.status === 'filed' };
}

/** The states of a data-subject authorization (mirrors consent.rules.ts). */
export type ConsentState = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'revoked' | 'expired' | 'exhausted';
/** States in which an authorization has ended after approval: the requester owes a deletion attestation. */
export const ENDED_CONSENT_STATES: readonly string[] = ['revoked', 'expired', 'exhausted'];

/**
 * Which steps the console offers on a data-subject authorization (the server still decides): the
 * holder's org_admin or staff approve or reject a pending request and revoke an approved one; the
 * requester's org_admin or staff withdraw a pending request and, once an approved authorization has
 * ended, attest once that they deleted what they retrieved. The requester retrieves data through
 * the gateway with the authorization's grants (every member may read; the gateway decides).
 */
export function consentActions(
  user: CurrentUser | null,
  c: { holderOrgId: string; requesterOrgId: string; status: string; grantIds: readonly string[]; deletion: { attestedAt: string | null } | null },
): { approve: boolean; reject: boolean; revoke: boolean; withdraw: boolean; attest: boolean; retrieve: boolean } {
  const writer = user?.memberRole === 'org_admin' || user?.memberRole === 'staff';
  const holder = !!user && user.orgId === c.holderOrgId;
  const requester = !!user && user.orgId === c.requesterOrgId;
  return {
    approve: holder && writer && c.status === 'pending',
    reject: holder && writer && c.status === 'pending',
    revoke: holder && writer && c.status === 'approved',
    withdraw: requester && writer && c.status === 'pending',
    attest: requester && writer && ENDED_CONSENT_STATES.includes(c.status) && !!c.deletion && c.deletion.attestedAt === null,
    retrieve: requester && c.grantIds.length > 0,
  };
}

/**
 * Which steps the console offers on an authorized-operation agreement (the server still decides):
 * `actions` are the transitions its state machine allows now (from the API); the implementing
 * body's org_admin or staff review, reject, activate, suspend, resume and terminate; the
 * operator's withdraw and declare products; each party's org_admin seals once, while reviewed;
 * the data bureau's org_admin or staff may also suspend and terminate.
 */
export function agreementActions(
  access: Access,
  user: CurrentUser | null,
  a: { implementingOrgId: string; operatorOrgId: string; actions: readonly string[]; seals: { implementingBody: unknown; operator: unknown } },
): { review: boolean; reject: boolean; withdraw: boolean; seal: boolean; activate: boolean; suspend: boolean; resume: boolean; terminate: boolean; declare: boolean } {
  const allowed = (action: string) => a.actions.includes(action);
  const writer = user?.memberRole === 'org_admin' || user?.memberRole === 'staff';
  const implementing = !!user && writer && user.orgId === a.implementingOrgId;
  const operator = !!user && writer && user.orgId === a.operatorOrgId;
  const bureau = access['authorization.intervene'];
  const ownSeal = !user ? undefined : user.orgId === a.implementingOrgId ? a.seals.implementingBody : user.orgId === a.operatorOrgId ? a.seals.operator : undefined;
  return {
    review: implementing && allowed('review'),
    reject: implementing && allowed('reject'),
    withdraw: operator && allowed('withdraw'),
    seal: user?.memberRole === 'org_admin' && ownSeal === null && allowed('seal'),
    activate: implementing && allowed('activate'),
    suspend: (implementing || bureau) && allowed('suspend'),
    resume: implementing && allowed('resume'),
    terminate: (implementing || bureau) && allowed('terminate'),
    declare: operator && allowed('declare'),
  };
}

/** May the user see another organisation's private records (users, keys) in the console? */
export function canManageOrg(access: Access, user: CurrentUser | null, orgId: string): boolean {
  if (!user) return false;
  return user.orgId === orgId ? access['orgs.manageOwnUsers'] : access['orgs.manageAnyUsers'];
}

/**
 * Which lifecycle actions the console offers on a resource (the server still decides): the owner
 * edits, grades and submits; the data bureau publishes public data, the owner's org_admin social
 * data; the owner's org_admin (or the bureau, for public data) deprecates.
 */
export function resourceActions(
  access: Access,
  user: CurrentUser | null,
  r: { sourceOrgId: string; scope: 'public' | 'social'; status: string; version: number; headVersion: number },
): { edit: boolean; grade: boolean; submit: boolean; publish: boolean; deprecate: boolean } {
  const own = !!user && user.orgId === r.sourceOrgId && access['catalog.writeResources'];
  const admin = user?.memberRole === 'org_admin';
  const bureau = !!user && r.scope === 'public' && user.orgRoles.includes('data_bureau') && access['catalog.writeResources'];
  const head = r.version === r.headVersion;
  return {
    edit: own && head && (r.status === 'draft' || r.status === 'published'),
    grade: own && head && r.status === 'draft',
    submit: own && head && r.status === 'draft',
    publish: head && r.status === 'submitted' && (r.scope === 'public' ? bureau : own && admin),
    deprecate: head && r.status === 'published' && (bureau || (own && admin)),
  };
}

export function canSeeOrgPrivate(user: CurrentUser | null, orgId: string): boolean {
  if (!user) return false;
  return user.orgId === orgId || user.orgRoles.includes('platform_admin');
}

/** Whether the console offers to withdraw an operator's product: its operator's org_admin or staff, while declared. */
export function productActions(user: CurrentUser | null, p: { operatorOrgId: string; status: string }): { withdraw: boolean } {
  const writer = user?.memberRole === 'org_admin' || user?.memberRole === 'staff';
  return { withdraw: !!user && writer && user.orgId === p.operatorOrgId && p.status === 'declared' };
}
