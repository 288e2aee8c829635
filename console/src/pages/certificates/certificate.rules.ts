/**
 * The rules of data asset certificates (数据资产凭证) the console applies: which box (凭证夹 tab) a
 * user may open, which steps it may take on a certificate (src/modules/certificates/
 * certificate.service.ts decides: the issuer suspends, reinstates and revokes; the data user
 * records uses of a certificate in force), the credential read into a view (the W3C VC 2.0
 * payload, defensively: a field it lacks is null), and what a person pastes or uploads on the
 * public verification page. Pure; test/console/certificate-rules.test.ts.
 */
import type { CurrentUser } from '../../access';

export const CERTIFICATE_TYPES = ['circulation', 'registration', 'transaction'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const BOXES = ['held', 'received', 'issued', 'all'] as const;
export type Box = (typeof BOXES)[number];
export const CHECKS = ['format', 'issuer', 'signature', 'validity', 'status', 'evidence'] as const;
/** The most the public verify API accepts (VerifyBody.credential maxLength). */
export const MAX_CREDENTIAL_LENGTH = 200_000;
/** Overseers see every certificate (certificate.service.ts OVERSEERS). */
const OVERSEERS = ['data_bureau', 'regulator'];

const writer = (u: CurrentUser | null) => u?.memberRole === 'org_admin' || u?.memberRole === 'staff';
export const isOverseer = (u: CurrentUser | null) => !!u && u.orgRoles.some((r) => OVERSEERS.includes(r));
/** The data bureau's org_admin or staff issue circulation certificates (POST /certificates/circulation). */
export const canIssue = (u: CurrentUser | null) => !!u && writer(u) && u.orgRoles.includes('data_bureau');

/** The tabs of the wallet: held and received for everyone; issued for the data bureau; all for the overseers. */
export function boxesFor(u: CurrentUser | null): Box[] {
  if (!u) return [];
  return BOXES.filter((b) => (b === 'issued' ? u.orgRoles.includes('data_bureau') : b === 'all' ? isOverseer(u) : true));
}

/** The tab a user lands on: the bureau its issued certificates, the regulator all, everyone else its wallet. */
export function defaultBox(u: CurrentUser | null): Box {
  if (u?.orgRoles.includes('data_bureau')) return 'issued';
  return isOverseer(u) ? 'all' : 'held';
}

/** The caller's side of a certificate, for the label on its page. */
export function sideOf(u: CurrentUser | null, c: { holderOrgId: string; userOrgId: string | null; issuerOrgId: string }): 'holder' | 'user' | 'issuer' | 'overseer' {
  if (u?.orgId === c.holderOrgId) return 'holder';
  if (u?.orgId === c.userOrgId) return 'user';
  if (u?.orgId === c.issuerOrgId) return 'issuer';
  return 'overseer';
}

/**
 * Which steps the console offers on a certificate (the server still decides): the issuer's
 * org_admin or staff suspend one in force, reinstate a suspended one, revoke either; the data
 * user's org_admin or staff record a use while it is in force.
 */
export function certificateActions(
  u: CurrentUser | null,
  c: { issuerOrgId: string; userOrgId: string | null; status: string },
): { apply: boolean; suspend: boolean; reinstate: boolean; revoke: boolean } {
  const issuer = !!u && writer(u) && u.orgId === c.issuerOrgId;
  return {
    apply: !!u && writer(u) && c.userOrgId !== null && u.orgId === c.userOrgId && c.status === 'active',
    suspend: issuer && c.status === 'active',
    reinstate: issuer && c.status === 'suspended',
    revoke: issuer && (c.status === 'active' || c.status === 'suspended'),
  };
}

/** The organisation id in a platform DID (`did:web:host:orgs:org_…`), or null. */
export function orgIdOfDid(did: string | null | undefined): string | null {
  const m = /:orgs:(org_[0-9a-z]{20})$/.exec(did ?? '');
  return m ? m[1]! : null;
}

export interface Party {
  id: string | null;
  name: string | null;
  uscc: string | null;
}
export interface CredentialView {
  id: string | null;
  types: string[];
  name: string | null;
  issuer: { id: string | null; name: string | null };
  validFrom: string | null;
  validUntil: string | null;
  certificateNo: string | null;
  dataSubject: (Party & { kind: string | null; identifier: { scheme: string | null; value: string | null } | null }) | null;
  providers: Party[];
  dataUser: Party | null;
  dataItems: Array<{ code: string | null; name: string | null; fields: string[] }>;
  period: { from: string | null; to: string | null } | null;
  purpose: { code: string | null; text: string | null } | null;
  authorization: { id: string | null; recordDigest: string | null; approvedAt: string | null; validUntil: string | null; maxUses: number | null } | null;
  manifestDigest: string | null;
  /** A data transaction certificate's deal (数据交易凭证, DataTransactionCredential), else null. */
  transaction: {
    contractNumber: string | null;
    contractDigest: string | null;
    listing: { id: string | null; title: string | null };
    asset: { id: string | null; registrationNumber: string | null };
    seller: Party | null;
    buyer: Party | null;
    brokers: Party[];
    amountFen: string | null;
    currency: string | null;
    terms: { purposes: string[]; periodDays: number | null; maxUses: number | null; quantity: number | null } | null;
  } | null;
  status: Array<{ purpose: string | null; index: string | null; list: string | null }>;
  evidence: Array<{ eventId: string | null; eventType: string | null; payloadDigest: string | null; subject: string | null }>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const party = (v: unknown): Party | null => {
  const o = obj(v);
  return o ? { id: str(o.id), name: str(o.name), uscc: str(o.uscc) } : null;
};

/** A credential (the vc+jwt payload) read for display; what it lacks is null or empty. */
export function readCredential(credential: unknown): CredentialView {
  const c = obj(credential) ?? {};
  const issuer = typeof c.issuer === 'string' ? { id: c.issuer, name: null } : { id: str(obj(c.issuer)?.id), name: str(obj(c.issuer)?.name) };
  const s = obj(c.credentialSubject) ?? {};
  const subject = obj(s.dataSubject);
  const identifier = obj(subject?.identifier);
  const period = obj(s.period);
  const purpose = obj(s.purpose);
  const auth = obj(s.authorization);
  const types = arr(c.type).filter((x): x is string => typeof x === 'string');
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const terms = obj(s.terms);
  return {
    id: str(c.id),
    types,
    name: str(c.name),
    issuer,
    validFrom: str(c.validFrom),
    validUntil: str(c.validUntil),
    certificateNo: str(s.certificateNo),
    dataSubject: subject ? { ...party(subject)!, kind: str(subject.kind), identifier: identifier ? { scheme: str(identifier.scheme), value: str(identifier.value) } : null } : null,
    providers: arr(s.dataProvider).map(party).filter((p): p is Party => p !== null),
    dataUser: party(s.dataUser),
    dataItems: arr(s.dataItems).map(obj).filter((i): i is Obj => i !== null).map((i) => ({ code: str(i.code), name: str(i.name), fields: arr(i.fields).filter((f): f is string => typeof f === 'string') })),
    period: period ? { from: str(period.from), to: str(period.to) } : null,
    purpose: purpose ? { code: str(purpose.code), text: str(purpose.text) } : null,
    authorization: auth ? { id: str(auth.id), recordDigest: str(auth.recordDigest), approvedAt: str(auth.approvedAt), validUntil: str(auth.validUntil), maxUses: typeof auth.maxUses === 'number' ? auth.maxUses : null } : null,
    manifestDigest: str(s.manifestDigest),
    transaction: types.includes('DataTransactionCredential')
      ? {
        contractNumber: str(s.contractNumber),
        contractDigest: str(s.contractDigest),
        listing: { id: str(obj(s.listing)?.id), title: str(obj(s.listing)?.title) },
        asset: { id: str(obj(s.asset)?.id), registrationNumber: str(obj(s.asset)?.registrationNumber) },
        seller: party(s.seller),
        buyer: party(s.buyer),
        brokers: arr(s.brokers).map(party).filter((p): p is Party => p !== null),
        amountFen: typeof s.amountFen === 'string' && /^\d+$/.test(s.amountFen) ? s.amountFen : null,
        currency: str(s.currency),
        terms: terms ? { purposes: arr(terms.purposes).filter((x): x is string => typeof x === 'string'), periodDays: num(terms.periodDays), maxUses: num(terms.maxUses), quantity: num(terms.quantity) } : null,
      }
      : null,
    status: arr(c.credentialStatus).map(obj).filter((e): e is Obj => e !== null).map((e) => ({ purpose: str(e.statusPurpose), index: str(e.statusListIndex), list: str(e.statusListCredential) })),
    evidence: arr(c.evidence).map(obj).filter((e): e is Obj => e !== null).map((e) => ({ eventId: str(e.eventId), eventType: str(e.eventType), payloadDigest: str(e.payloadDigest), subject: str(e.subject) })),
  };
}

/** The ledger receipt of an evidence event on this platform (public, GET /api/v1/ledger/events/{id}/receipt). */
export const receiptPath = (eventId: string) => `/api/v1/ledger/events/${encodeURIComponent(eventId)}/receipt`;

export type InputProblem = 'empty' | 'json' | 'shape' | 'too_long';

/**
 * What was pasted or uploaded on the verification page: a vc+jwt as it is (the server says what is
 * wrong with it), or a verification bundle (`liutong.certificate.bundle`, GET …/bundle) whose
 * `credential` is taken — any JSON object with a string `credential` will do.
 */
export function parseCertificateInput(text: string): { ok: true; credential: string } | { ok: false; problem: InputProblem } {
  const s = text.trim();
  if (!s) return { ok: false, problem: 'empty' };
  let credential = s;
  if (s.startsWith('{') || s.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch {
      return { ok: false, problem: 'json' };
    }
    const inner = typeof parsed === 'string' ? parsed : obj(parsed)?.credential;
    if (typeof inner !== 'string' || !inner.trim()) return { ok: false, problem: 'shape' };
    credential = inner.trim();
  }
  if (credential.length > MAX_CREDENTIAL_LENGTH) return { ok: false, problem: 'too_long' };
  return { ok: true, credential };
}

/** `certificate-crt_….bundle.json` */
export const bundleFileName = (id: string) => `certificate-${/^[A-Za-z0-9_]+$/.test(id) ? id : 'certificate'}.bundle.json`;
