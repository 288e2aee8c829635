import { canonicalDigest } from '../../platform/canonical-json.digest.js';
import { AppError } from '../../platform/errors.js';
import { PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, OVERSEER_ROLES, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Signer } from '../../platform/signing.js';
import type { Emit } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import { csvText } from '../../platform/csv.writer.js';
import { shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import type { ConsentService } from '../authorization/index.js';
import type { ApplicationService } from '../registry/index.js';
import { CertificatesErrors } from './certificates.errors.js';
import { signCredential, VC_CONTEXT_V2, type Credential } from './credential.codec.js';
import { verifyCredential, type DidDocument, type Verification } from './credential.verifier.js';
import * as repo from './certificate.repository.js';
import type { StatusListService } from './status-list.service.js';

/** identity's services, as much as certificates need. */
export interface CertificateDirectory {
  get(orgId: string): Promise<{ id: string; type: string; status: string; roles: string[]; name: { zh: string; en: string }; uscc: string | null }>;
  didOf(orgId: string): string;
}
export interface CertificateKeys {
  signerFor(orgId: string): Promise<Signer>;
  didDocument(orgId: string, did: string): Promise<unknown>;
}
/** the ledger's service, as much as verification needs. */
export interface LedgerReader {
  indexOfEvent(eventId: string): Promise<number>;
  entry(index: number, viewer: null): Promise<{ entry: unknown }>;
  receipt(index: number): Promise<unknown>;
  publicKey(): Promise<{ verifierKey: string }>;
}

const digestOf = canonicalDigest;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const MEMO_MS = 5_000;

interface NewCertificate {
  type: repo.CertificateType;
  issuerOrgId: string;
  holderOrgId: string;
  userOrgId: string | null;
  sourceKind: 'consent' | 'registration' | 'contract';
  sourceId: string;
  id: string;
  now: Date;
  validUntil: Date | null;
  replaces?: string;
}
/** The credential type of a transaction certificate (its issuer must be an exchange). */
export const TRANSACTION_TYPE = 'DataTransactionCredential';

/** What the exchange tells the certificates module about a contract in force. */
export interface TransactionFacts {
  negotiationId: string;
  contractNumber: string;
  documentDigest: string;
  exchangeOrgId: string;
  sellerOrgId: string;
  buyerOrgId: string;
  brokerOrgIds: string[];
  listingId: string;
  title: string;
  assetId: string;
  registrationNumber: string;
  amountFen: string;
  terms: Record<string, unknown>;
  policy: Record<string, unknown>;
  startsOn: string;
  endsOn: string;
  finalizedEvent: { eventId: string; payloadDigest: string };
}

const TYPE_NAMES = {
  circulation: { zh: '公共数据资产流通凭证', en: 'Public data asset circulation certificate' },
  registration: { zh: '数据资产登记凭证', en: 'Data asset registration certificate' },
  transaction: { zh: '数据交易凭证', en: 'Data transaction certificate' },
} as const;

/**
 * Data asset certificates (数据资产凭证, "以凭证承载资产、以凭证声明权益、以凭证治理数据、以凭证保障合规"):
 * W3C VC 2.0 credentials secured as vc+jwt, signed by the issuer's organisation key, identified by
 * its did:web; revocation and suspension through Bitstring Status Lists; evidence citing the ledger
 * event of the basis (its id and payload digest — the receipt is fetched when verifying, so issuing
 * never waits for the sequencer). Lifecycle, each an evidence event: issue, suspend, reinstate,
 * revoke, expire, apply (a verifier's recorded use); the holder's wallet lists them.
 *
 * The public data asset circulation certificate (公共数据资产流通凭证, rules-cn.md §6.3 fields) is
 * issued by the data bureau on an approved data-subject authorization: subject, provider(s), user,
 * data items, period, purpose, the authorization and its validity. When the authorization ends
 * (revoked, expired, used up) the certificate is revoked with it.
 */
export class CertificateService {
  private logKey: string | undefined;
  private readonly entries = new Map<string, { id: string; type: string; payloadDigest: string }>();
  private readonly memory = new Map<string, { at: number; value: unknown }>();

  constructor(
    private readonly k: Kernel,
    private readonly orgs: CertificateDirectory,
    private readonly keys: CertificateKeys,
    private readonly consents: Pick<ConsentService, 'get'>,
    private readonly ledger: LedgerReader,
    private readonly lists: StatusListService,
    private readonly registrations: Pick<ApplicationService, 'get'>,
  ) {
    // The basis ended: revoke at once (the sweep catches anything missed, e.g. after a restart).
    k.bus.subscribe('authorization.consent.*', async (event) => {
      if (['authorization.consent.revoked', 'authorization.consent.expired', 'authorization.consent.exhausted'].includes(event.type)) await this.sourceEnded('consent', event.subject.id, event.type.split('.').pop()!);
    });
    // Registered: the certificates of what it supersedes or ends are revoked (a changed, transferred or
    // corrected record; every certificate of a cancelled or revoked asset), then the registrar (the data
    // bureau) issues the new registration certificate at once — to the holder, the new holder or the licensee.
    k.bus.subscribe('registry.application.registered', async (event) => {
      const p = event.payload;
      for (const id of p.ends ?? []) await this.sourceEnded('registration', id, `registry_${p.type ?? 'change'}`);
      if (p.certify === false) return;
      try {
        await this.issueRegistration(event.subject.id, null);
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // already issued (a replay): nothing to do
      }
    });
  }

  private overseer(by: Principal) {
    return hasAnyRole(by, OVERSEER_ROLES);
  }

  view(c: repo.CertificateRow) {
    return {
      id: c.id, type: c.type, typeName: TYPE_NAMES[c.type], issuerOrgId: c.issuerOrgId, holderOrgId: c.holderOrgId, userOrgId: c.userOrgId,
      source: { kind: c.sourceKind, id: c.sourceId }, status: c.status, validFrom: c.validFrom.toISOString(), validUntil: iso(c.validUntil),
      issuedAt: c.issuedAt.toISOString(), endedAt: iso(c.endedAt), reason: c.reason, digest: c.digest, replaces: c.replaces, replacedBy: c.replacedBy,
      credential: c.credential, jwt: c.jwt,
    };
  }

  private async row(id: string, by: Principal | null): Promise<repo.CertificateRow> {
    const c = await repo.findCertificate(this.k.db, id);
    const party = !by || [c?.holderOrgId, c?.userOrgId, c?.issuerOrgId].includes(by.orgId) || this.overseer(by);
    if (!c || !party) throw new AppError(CertificatesErrors.CERTIFICATES_NOT_FOUND);
    return c;
  }

  async get(id: string, by: Principal | null) {
    return this.view(await this.row(id, by));
  }

  /** The caller's certificates: held (its wallet), received as data user, or issued; overseers all. */
  async list(by: Principal, q: { box?: 'held' | 'received' | 'issued' | 'all' | undefined; type?: repo.CertificateType | undefined; status?: repo.CertificateStatus | undefined; sourceId?: string | undefined; page: number; pageSize: number }) {
    const box = q.box ?? 'held';
    const scope: Partial<repo.CertificateQuery> =
      box === 'held' ? { holderOrgId: by.orgId } : box === 'received' ? { userOrgId: by.orgId } : box === 'issued' ? { issuerOrgId: by.orgId } : this.overseer(by) ? {} : { partyOrgId: by.orgId };
    const page = await repo.listCertificates(this.k.db, { ...scope, type: q.type, status: q.status, sourceId: q.sourceId, page: q.page, pageSize: q.pageSize });
    return { items: page.items.map((c) => this.view(c)), total: page.total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * The data bureau issues the circulation certificate of an approved data-subject authorization
   * (电费贷: the enterprise authorized its bank; the certificate binds subject, provider, user, data
   * items, period and purpose). One certificate in force per authorization.
   */
  async issueCirculation(consentId: string, by: Principal, requestId?: string) {
    if (!by.orgRoles.includes('data_bureau')) throw new AppError(CertificatesErrors.CERTIFICATES_ISSUER_ROLE);
    const issuerOrgId = by.orgId;
    const consent = await this.consents.get(consentId, null);
    if (consent.status !== 'approved' || !consent.approvalEvent) {
      throw new AppError(CertificatesErrors.CERTIFICATES_SOURCE_NOT_ACTIVE, { source: consentId, status: consent.status }, { source: consentId, status: consent.status });
    }
    const live = await repo.liveBySource(this.k.db, 'consent', consentId);
    if (live.length) throw new AppError(CertificatesErrors.CERTIFICATES_ALREADY_ISSUED, { certificateId: live[0]!.id }, { certificateId: live[0]!.id });
    const providerIds = [...new Set(consent.items.map((i) => i.sourceOrgId))];
    const [issuer, holder, user, ...providers] = await Promise.all([issuerOrgId, consent.holderOrgId, consent.requesterOrgId, ...providerIds].map((id) => this.org(id)));
    const now = this.k.clock.now();
    const id = newId('crt');
    const validUntil = new Date(consent.validUntil);
    const manifest = { consentId, recordDigest: consent.recordDigest, items: consent.items.map((i) => ({ code: i.code, fields: i.fields, resourceId: i.resourceId })), periodFrom: consent.periodFrom, periodTo: consent.periodTo };
    return this.issue({
      type: 'circulation', issuerOrgId: issuer!.id, holderOrgId: holder!.id, userOrgId: user!.id, sourceKind: 'consent', sourceId: consentId, id, now, validUntil,
    }, by, requestId, (issuerDid, status) => {
      const subjectIdentifier = consent.holderKind === 'legal_person' ? { scheme: 'USCC', value: consent.holderUscc } : { scheme: 'RESIDENT_ID_MASKED', value: consent.holderIdMasked };
      return {
        '@context': [VC_CONTEXT_V2],
        id: `urn:liutong:certificate:${id}`,
        type: ['VerifiableCredential', 'PublicDataCirculationCredential'],
        name: TYPE_NAMES.circulation.zh,
        issuer: { id: issuerDid, name: issuer!.name.zh },
        validFrom: now.toISOString(),
        validUntil: validUntil.toISOString(),
        credentialSubject: {
          id: this.orgs.didOf(holder!.id),
          certificateNo: id,
          certificateType: '公共数据资产流通凭证',
          dataSubject: { id: this.orgs.didOf(holder!.id), name: holder!.name.zh, kind: consent.holderKind, identifier: subjectIdentifier },
          dataProvider: providers.map((p) => ({ id: this.orgs.didOf(p!.id), name: p!.name.zh, uscc: p!.uscc })),
          dataUser: { id: this.orgs.didOf(user!.id), name: user!.name.zh, uscc: user!.uscc },
          dataItems: consent.items.map((i) => ({ code: i.code, name: i.name.zh, fields: i.fields })),
          period: { from: consent.periodFrom, to: consent.periodTo },
          purpose: { code: consent.purpose, text: consent.purposeText },
          authorization: { id: consentId, recordDigest: consent.recordDigest, approvedAt: consent.decidedAt, validUntil: consent.validUntil, maxUses: consent.maxUses, revocable: true },
          manifestDigest: digestOf(manifest),
        },
        credentialStatus: status,
        evidence: [{
          id: `${this.k.baseUrl()}/api/v1/ledger/events/${consent.approvalEvent!.eventId}/receipt`, type: ['LedgerEvidence'],
          eventId: consent.approvalEvent!.eventId, eventType: 'authorization.consent.approved', payloadDigest: consent.approvalEvent!.payloadDigest, subject: consentId,
        }],
        termsOfUse: [{
          type: 'OdrlPolicy', uid: `urn:liutong:policy:${consentId}`,
          permission: [{
            action: 'use', target: consent.items.map((i) => i.code), assignee: this.orgs.didOf(user!.id),
            constraint: [
              { leftOperand: 'purpose', operator: 'eq', rightOperand: consent.purpose },
              { leftOperand: 'dateTime', operator: 'lt', rightOperand: consent.validUntil },
              { leftOperand: 'count', operator: 'lteq', rightOperand: consent.maxUses },
            ],
          }],
          prohibition: [{ action: 'distribute' }, { action: 'reidentify' }],
        }],
      };
    });
  }

  /**
   * The data asset registration certificate (数据资产登记凭证) of a registered application, issued by
   * its registrar (the data bureau that reviewed it) to the applicant: registration number, the asset
   * (bound by the digest of its manifest), scenario, the three rights with their holders, grading.
   * Issued automatically on registration; the data bureau can issue it again by hand after a failure.
   */
  async issueRegistration(applicationId: string, by: Principal | null, requestId?: string) {
    if (by && !by.orgRoles.includes('data_bureau')) throw new AppError(CertificatesErrors.CERTIFICATES_ISSUER_ROLE);
    const a = await this.registrations.get(applicationId, null);
    if (a.status !== 'registered' || !a.registeredEvent || !a.registrationNumber || !a.registeredAt) {
      throw new AppError(CertificatesErrors.CERTIFICATES_SOURCE_NOT_ACTIVE, { source: applicationId, status: a.status }, { source: applicationId, status: a.status });
    }
    const issuerOrgId = by?.orgId ?? a.registrarOrgId;
    if (!issuerOrgId) throw new AppError(CertificatesErrors.CERTIFICATES_ISSUER_ROLE);
    const live = await repo.liveBySource(this.k.db, 'registration', applicationId);
    if (live.length) throw new AppError(CertificatesErrors.CERTIFICATES_ALREADY_ISSUED, { certificateId: live[0]!.id }, { certificateId: live[0]!.id });
    const rights = a.rights as Array<{ kind: string; holderOrgId: string; basis: string; scope: string; termFrom: string; termTo: string | null }>;
    const [issuer, holder, ...holders] = await Promise.all([issuerOrgId, a.certificateHolderOrgId ?? a.applicantOrgId, ...rights.map((r) => r.holderOrgId)].map((id) => this.org(id)));
    if (!issuer!.roles.includes('data_bureau')) throw new AppError(CertificatesErrors.CERTIFICATES_ISSUER_ROLE);
    const now = this.k.clock.now();
    const id = newId('crt');
    const licence = a.type === 'licence' ? (a.licence as { rights: string[]; scope: string; termFrom: string; termTo: string | null; exclusive: boolean } | null) : null;
    const manifest = { applicationId, registrationNumber: a.registrationNumber, title: a.title, objectKind: a.objectKind, resourceId: a.resourceId, productId: a.productId, scenario: a.scenario, sources: a.sources, rights, ...(licence ? { licence } : {}) };
    return this.issue({ type: 'registration', issuerOrgId, holderOrgId: holder!.id, userOrgId: null, sourceKind: 'registration', sourceId: applicationId, id, now, validUntil: licence?.termTo ? new Date(`${licence.termTo}T23:59:59.999+08:00`) : null }, by, requestId, (issuerDid, status) => ({
      '@context': [VC_CONTEXT_V2],
      id: `urn:liutong:certificate:${id}`,
      type: ['VerifiableCredential', 'DataAssetRegistrationCredential'],
      name: TYPE_NAMES.registration.zh,
      issuer: { id: issuerDid, name: issuer!.name.zh },
      validFrom: now.toISOString(),
      ...(licence?.termTo ? { validUntil: new Date(`${licence.termTo}T23:59:59.999+08:00`).toISOString() } : {}),
      credentialSubject: {
        id: this.orgs.didOf(holder!.id),
        certificateNo: id,
        certificateType: '数据资产登记凭证',
        registrationNumber: a.registrationNumber,
        registrationType: a.type,
        assetId: a.assetId,
        registeredAt: a.registeredAt,
        asset: { name: a.title.zh, objectKind: a.objectKind, resourceId: a.resourceId, productId: a.productId, grading: a.grading, manifestDigest: digestOf(manifest) },
        holder: { id: this.orgs.didOf(holder!.id), name: holder!.name.zh, uscc: holder!.uscc },
        scenario: a.scenario,
        rights: rights.map((r, i) => ({ kind: r.kind, holder: { id: this.orgs.didOf(holders[i]!.id), name: holders[i]!.name.zh }, basis: r.basis, scope: r.scope, termFrom: r.termFrom, termTo: r.termTo })),
        ...(licence ? { licence: { licensee: { id: this.orgs.didOf(holder!.id), name: holder!.name.zh }, rights: licence.rights, scope: licence.scope, termFrom: licence.termFrom, termTo: licence.termTo, exclusive: licence.exclusive } } : {}),
      },
      credentialStatus: status,
      evidence: [{
        id: `${this.k.baseUrl()}/api/v1/ledger/events/${a.registeredEvent!.eventId}/receipt`, type: ['LedgerEvidence'],
        eventId: a.registeredEvent!.eventId, eventType: 'registry.application.registered', payloadDigest: a.registeredEvent!.payloadDigest, subject: applicationId,
      }],
    }));
  }

  /**
   * The data transaction certificate (数据交易凭证) of a contract in force, issued by the exchange
   * where the deal was made to the buyer (the seller is its user): contract number and the digest of
   * the sealed contract document, the listing and the registered asset, the parties and brokers, the
   * amount, the usage terms and period; the evidence is the contract's finalisation in the ledger.
   * Issued when the seller finalises; the exchange can issue it again by hand after a failure.
   */
  async issueTransaction(t: TransactionFacts, by: Principal | null, requestId?: string) {
    if (by && !(by.orgRoles.includes('exchange') && by.orgId === t.exchangeOrgId)) throw new AppError(CertificatesErrors.CERTIFICATES_ISSUER_ROLE);
    const live = await repo.liveBySource(this.k.db, 'contract', t.negotiationId);
    if (live.length) throw new AppError(CertificatesErrors.CERTIFICATES_ALREADY_ISSUED, { certificateId: live[0]!.id }, { certificateId: live[0]!.id });
    const [issuer, buyer, seller] = await Promise.all([t.exchangeOrgId, t.buyerOrgId, t.sellerOrgId].map((id) => this.org(id)));
    if (!issuer!.roles.includes('exchange')) throw new AppError(CertificatesErrors.CERTIFICATES_ISSUER_ROLE);
    const brokers = await Promise.all(t.brokerOrgIds.map((id) => this.org(id)));
    const now = this.k.clock.now();
    const id = newId('crt');
    const validUntil = new Date(`${t.endsOn}T23:59:59.999+08:00`);
    const party = (o: { id: string; name: { zh: string }; uscc?: string | null }) => ({ id: this.orgs.didOf(o.id), name: o.name.zh, uscc: o.uscc ?? null });
    return this.issue({ type: 'transaction', issuerOrgId: issuer!.id, holderOrgId: buyer!.id, userOrgId: seller!.id, sourceKind: 'contract', sourceId: t.negotiationId, id, now, validUntil }, by, requestId, (issuerDid, status) => ({
      '@context': [VC_CONTEXT_V2],
      id: `urn:liutong:certificate:${id}`,
      type: ['VerifiableCredential', TRANSACTION_TYPE],
      name: TYPE_NAMES.transaction.zh,
      issuer: { id: issuerDid, name: issuer!.name.zh },
      validFrom: now.toISOString(),
      validUntil: validUntil.toISOString(),
      credentialSubject: {
        id: this.orgs.didOf(buyer!.id),
        certificateNo: id,
        certificateType: '数据交易凭证',
        contractNumber: t.contractNumber,
        contractDigest: t.documentDigest,
        listing: { id: t.listingId, title: t.title },
        asset: { id: t.assetId, registrationNumber: t.registrationNumber },
        seller: party(seller!),
        buyer: party(buyer!),
        brokers: brokers.map((b) => party(b!)),
        amountFen: t.amountFen,
        currency: 'CNY',
        terms: t.terms,
        period: { from: t.startsOn, to: t.endsOn },
      },
      credentialStatus: status,
      termsOfUse: [t.policy],
      evidence: [{
        id: `${this.k.baseUrl()}/api/v1/ledger/events/${t.finalizedEvent.eventId}/receipt`, type: ['LedgerEvidence'],
        eventId: t.finalizedEvent.eventId, eventType: 'exchange.negotiation.moved', payloadDigest: t.finalizedEvent.payloadDigest, subject: t.negotiationId,
      }],
    }));
  }

  /** Issues a credential: status entries allocated, signed by the issuer, stored and an evidence event — one transaction. */
  private async issue(c: NewCertificate, by: Principal | null, requestId: string | undefined, build: (issuerDid: string, status: Array<Record<string, string>>) => Credential) {
    const signer = await this.keys.signerFor(c.issuerOrgId);
    return this.k.transact(async (tx, emit) => this.view(await this.issueIn(tx, emit, signer, c, by, requestId, build)));
  }

  private async issueIn(
    tx: Tx, emit: Emit, signer: Signer, c: NewCertificate, by: Principal | null, requestId: string | undefined,
    build: (issuerDid: string, status: Array<Record<string, string>>) => Credential,
  ): Promise<repo.CertificateRow> {
    const issuerDid = this.orgs.didOf(c.issuerOrgId);
    const revocation = await this.lists.allocate(tx, c.issuerOrgId, 'revocation', c.id);
    const suspension = await this.lists.allocate(tx, c.issuerOrgId, 'suspension', c.id);
    const entry = (purpose: 'revocation' | 'suspension', s: { listId: string; index: number }) => ({
      id: `${this.lists.urlOf(s.listId)}#${s.index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(s.index), statusListCredential: this.lists.urlOf(s.listId),
    });
    const credential = build(issuerDid, [entry('revocation', revocation), entry('suspension', suspension)]);
    const jwt = signCredential(credential, signer, issuerDid);
    const row: repo.CertificateRow = {
      id: c.id, type: c.type, issuerOrgId: c.issuerOrgId, holderOrgId: c.holderOrgId, userOrgId: c.userOrgId, sourceKind: c.sourceKind, sourceId: c.sourceId, jwt, credential,
      digest: digestOf(jwt), status: 'active', revocationListId: revocation.listId, revocationIndex: revocation.index, suspensionListId: suspension.listId,
      suspensionIndex: suspension.index, validFrom: c.now, validUntil: c.validUntil, issuedAt: c.now, updatedAt: c.now, endedAt: null, reason: null, replaces: c.replaces ?? null, replacedBy: null,
    };
    await repo.insertCertificate(tx, row);
    await emit({
      type: 'certificates.certificate.issued', subject: { type: 'certificate', id: c.id }, orgId: c.issuerOrgId, actor: serviceActor(by), requestId,
      payload: { certificateType: c.type, holderOrgId: c.holderOrgId, userOrgId: c.userOrgId, sourceKind: c.sourceKind, sourceId: c.sourceId, digest: row.digest, revocation, suspension, validUntil: iso(c.validUntil) },
    });
    return row;
  }

  /**
   * Transfer (转移) of a registration certificate to a new holder, by its issuer: in one transaction
   * the old certificate is revoked (cause `transfer`, linked to its successor) and a new one issued to
   * the new holder with the same asset and rights content, citing its predecessor.
   */
  async transfer(id: string, toOrgId: string, reason: string, by: Principal, requestId?: string) {
    const c = await this.row(id, by);
    this.issuerOnly(c, by);
    if (c.type !== 'registration') throw new AppError(CertificatesErrors.CERTIFICATES_TRANSFER_INVALID, { reason: 'only_registration_certificates' }, { reason: 'only_registration_certificates' });
    if (c.status !== 'active') throw this.conflict(c, 'transfer');
    if (toOrgId === c.holderOrgId) throw new AppError(CertificatesErrors.CERTIFICATES_TRANSFER_INVALID, { reason: 'same_holder' }, { reason: 'same_holder' });
    const to = await this.orgs.get(toOrgId).catch(() => null);
    if (!to || to.status !== 'active') throw new AppError(CertificatesErrors.CERTIFICATES_TRANSFER_INVALID, { reason: 'new_holder' }, { reason: 'new_holder' });
    const signer = await this.keys.signerFor(c.issuerOrgId);
    const now = this.k.clock.now();
    const newId_ = newId('crt');
    const next = await this.k.transact(async (tx, emit) => {
      if (!(await repo.setStatus(tx, c.id, ['active'], 'revoked', now, reason.trim(), true))) throw this.conflict(c, 'transfer');
      await this.lists.set(tx, c.revocationListId, c.revocationIndex, true);
      await repo.setReplacedBy(tx, c.id, newId_);
      await emit({ type: 'certificates.certificate.revoked', subject: { type: 'certificate', id: c.id }, orgId: c.issuerOrgId, actor: serviceActor(by), requestId, payload: { reason: reason.trim(), cause: 'transfer' } });
      const row = await this.issueIn(tx, emit, signer, {
        type: c.type, issuerOrgId: c.issuerOrgId, holderOrgId: to.id, userOrgId: null, sourceKind: c.sourceKind, sourceId: c.sourceId, id: newId_, now, validUntil: c.validUntil, replaces: c.id,
      }, by, requestId, (issuerDid, status) => {
        const subject = c.credential.credentialSubject as Record<string, unknown>;
        return {
          ...(c.credential as Credential), id: `urn:liutong:certificate:${newId_}`, issuer: { id: issuerDid, name: (c.credential.issuer as { name?: string }).name ?? '' }, validFrom: now.toISOString(),
          credentialSubject: { ...subject, id: this.orgs.didOf(to.id), certificateNo: newId_, holder: { id: this.orgs.didOf(to.id), name: to.name.zh, uscc: to.uscc }, previousCertificate: `urn:liutong:certificate:${c.id}`, transferReason: reason.trim() },
          credentialStatus: status,
        };
      });
      await emit({ type: 'certificates.certificate.transferred', subject: { type: 'certificate', id: c.id }, orgId: c.issuerOrgId, actor: serviceActor(by), requestId, payload: { fromOrgId: c.holderOrgId, toOrgId: to.id, newCertificateId: newId_, reason: reason.trim() } });
      return row;
    });
    return this.view(next);
  }

  /** The caller's certificates (as `list`, all pages up to 10,000) as CSV (UTF-8 with BOM) — the portfolio (资产凭证汇总). */
  async exportCsv(by: Principal, q: { box?: 'held' | 'received' | 'issued' | 'all' | undefined; type?: repo.CertificateType | undefined; status?: repo.CertificateStatus | undefined }): Promise<{ name: string; body: string }> {
    const rows: unknown[][] = [['证书编号 id', '类型 type', '状态 status', '持有方 holder', '使用方 user', '签发方 issuer', '依据 basis', '登记编号 registration number', '生效 valid from', '失效 valid until', '签发时间 issued at', '摘要 digest']];
    for (let page = 1; page <= 50; page++) {
      const p = await this.list(by, { ...q, page, pageSize: 200 });
      for (const c of p.items) {
        const subject = c.credential.credentialSubject as Record<string, unknown>;
        rows.push([c.id, c.typeName.zh, c.status, (await this.org(c.holderOrgId)).name.zh, c.userOrgId ? (await this.org(c.userOrgId)).name.zh : '', (await this.org(c.issuerOrgId)).name.zh,
          `${c.source.kind}:${c.source.id}`, subject.registrationNumber ?? '', c.validFrom, c.validUntil ?? '', c.issuedAt, c.digest]);
      }
      if (p.items.length < 200) break;
    }
    return { name: `certificates-${shanghaiDate(this.k.clock.now())}.csv`, body: csvText(rows, true) };
  }

  private conflict(c: repo.CertificateRow, action: string) {
    return new AppError(CertificatesErrors.CERTIFICATES_STATE_CONFLICT, { status: c.status, action }, { status: c.status, action });
  }

  private issuerOnly(c: repo.CertificateRow, by: Principal | null) {
    if (by && by.orgId !== c.issuerOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
  }

  /** The issuer suspends a certificate in force (its suspension bit set); reinstating clears it. */
  async suspend(id: string, reason: string, by: Principal | null, requestId?: string) {
    const c = await this.row(id, by);
    this.issuerOnly(c, by);
    if (c.status !== 'active') throw this.conflict(c, 'suspend');
    return this.change(c, 'active', 'suspended', reason.trim(), by, requestId, async (tx, emit) => {
      await this.lists.set(tx, c.suspensionListId, c.suspensionIndex, true);
      await emit({ type: 'certificates.certificate.suspended', subject: { type: 'certificate', id }, orgId: c.issuerOrgId, actor: serviceActor(by), requestId, payload: { reason: reason.trim() } });
    });
  }

  async reinstate(id: string, by: Principal | null, requestId?: string) {
    const c = await this.row(id, by);
    this.issuerOnly(c, by);
    if (c.status !== 'suspended') throw this.conflict(c, 'reinstate');
    return this.change(c, 'suspended', 'active', null, by, requestId, async (tx, emit) => {
      await this.lists.set(tx, c.suspensionListId, c.suspensionIndex, false);
      await emit({ type: 'certificates.certificate.reinstated', subject: { type: 'certificate', id }, orgId: c.issuerOrgId, actor: serviceActor(by), requestId, payload: {} });
    });
  }

  /** The issuer revokes a certificate (its revocation bit set for good). */
  async revoke(id: string, reason: string, by: Principal | null, requestId?: string, cause: 'issuer' | 'source_ended' | 'transfer' = 'issuer') {
    const c = await this.row(id, by);
    this.issuerOnly(c, by);
    if (c.status !== 'active' && c.status !== 'suspended') throw this.conflict(c, 'revoke');
    return this.change(c, c.status, 'revoked', reason.trim(), by, requestId, async (tx, emit) => {
      await this.lists.set(tx, c.revocationListId, c.revocationIndex, true);
      await emit({ type: 'certificates.certificate.revoked', subject: { type: 'certificate', id }, orgId: c.issuerOrgId, actor: serviceActor(by), requestId, payload: { reason: reason.trim(), cause } });
    });
  }

  private async change(
    c: repo.CertificateRow, from: repo.CertificateStatus, to: repo.CertificateStatus, reason: string | null, _by: Principal | null, _requestId: string | undefined,
    effects: (tx: Parameters<Parameters<Kernel['transact']>[0]>[0], emit: Parameters<Parameters<Kernel['transact']>[0]>[1]) => Promise<void>,
  ) {
    const now = this.k.clock.now();
    await this.k.transact(async (tx, emit) => {
      if (!(await repo.setStatus(tx, c.id, [from], to, now, reason, to === 'revoked' || to === 'expired'))) throw this.conflict({ ...c, status: (await repo.findCertificate(tx, c.id))?.status ?? c.status }, to);
      await effects(tx, emit);
    });
    return this.view((await repo.findCertificate(this.k.db, c.id))!);
  }

  /** The basis of live certificates ended: each is revoked (system actor). */
  async sourceEnded(kind: 'consent' | 'registration', sourceId: string, why: string): Promise<number> {
    let n = 0;
    for (const c of await repo.liveBySource(this.k.db, kind, sourceId)) {
      try {
        await this.revoke(c.id, `依据已终止（${why}）/ basis ended (${why})`, null, undefined, 'source_ended');
        n++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // a concurrent change: nothing to do
      }
    }
    return n;
  }

  /** A verifier (the data user) records a use of a certificate in force, e.g. a loan decision. */
  async apply(id: string, input: { note: string; amountFen?: string | null | undefined }, by: Principal, requestId?: string) {
    const c = await this.row(id, by);
    if (by.orgId !== c.userOrgId && by.orgId !== c.holderOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (c.status !== 'active') throw this.conflict(c, 'apply');
    const note = input.note.trim();
    if (!note) throw new AppError(CertificatesErrors.CERTIFICATES_USE_INVALID, { reason: 'note' }, { reason: 'note' });
    const use: repo.UseRow = { id: newId('cuse'), certificateId: id, verifierOrgId: by.orgId, note, amountFen: input.amountFen ?? null, usedAt: this.k.clock.now() };
    await this.k.transact(async (tx, emit) => {
      await repo.insertUse(tx, use);
      await emit({ type: 'certificates.certificate.applied', subject: { type: 'certificate', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { verifierOrgId: by.orgId, note, amountFen: use.amountFen } });
    });
    return { id: use.id, verifierOrgId: use.verifierOrgId, note, amountFen: use.amountFen, usedAt: use.usedAt.toISOString() };
  }

  async uses(id: string, by: Principal) {
    await this.row(id, by);
    return { items: (await repo.usesOf(this.k.db, id)).map((u) => ({ id: u.id, verifierOrgId: u.verifierOrgId, note: u.note, amountFen: u.amountFen, usedAt: u.usedAt.toISOString() })) };
  }

  /** Expires certificates past their validity and revokes those whose authorization is no longer approved. */
  async sweep(): Promise<{ expired: number; revoked: number }> {
    let expired = 0;
    const now = this.k.clock.now();
    for (const c of await repo.dueToExpire(this.k.db, now, 500)) {
      await this.k.transact(async (tx, emit) => {
        if (await repo.setStatus(tx, c.id, ['active', 'suspended'], 'expired', now, null, true)) {
          expired++;
          await emit({ type: 'certificates.certificate.expired', subject: { type: 'certificate', id: c.id }, orgId: c.issuerOrgId, actor: { kind: 'system' }, payload: { validUntil: c.validUntil!.toISOString() } });
        }
      });
    }
    let revoked = 0;
    for (let after = ''; ;) {
      const batch = await repo.liveOfKind(this.k.db, 'consent', after, 200);
      if (!batch.length) break;
      for (const c of batch) {
        const consent = await this.consents.get(c.sourceId, null).catch(() => null);
        if (!consent || consent.status !== 'approved') revoked += await this.sourceEnded('consent', c.sourceId, consent?.status ?? 'missing');
      }
      after = batch[batch.length - 1]!.id;
    }
    return { expired, revoked };
  }

  /** What offline verification needs: the credential, the issuer's DID document, its status lists and the evidence receipts. */
  async bundle(id: string, by: Principal) {
    const c = await this.row(id, by);
    const issuerDid = this.orgs.didOf(c.issuerOrgId);
    const [did, revocation, suspension, key] = await Promise.all([
      this.keys.didDocument(c.issuerOrgId, issuerDid), this.lists.credential(c.revocationListId), this.lists.credential(c.suspensionListId), this.ledger.publicKey(),
    ]);
    const receipts: Record<string, unknown> = {};
    for (const e of (c.credential.evidence ?? []) as Array<{ eventId?: string }>) {
      if (e.eventId) receipts[e.eventId] = await this.receiptOf(e.eventId);
    }
    return {
      type: 'liutong.certificate.bundle' as const, v: 1 as const, credential: c.jwt, didDocuments: { [issuerDid]: did },
      statusLists: { [this.lists.urlOf(c.revocationListId)]: revocation.jwt, [this.lists.urlOf(c.suspensionListId)]: suspension.jwt }, receipts, logKey: key.verifierKey,
      generatedAt: this.k.clock.now().toISOString(),
    };
  }

  private async receiptOf(eventId: string): Promise<unknown | 'pending' | null> {
    try {
      return await this.ledger.receipt(await this.ledger.indexOfEvent(eventId));
    } catch {
      return 'pending';
    }
  }

  /**
   * Verifies a certificate (anyone): the same checks as `liutong cert verify`, resolved from this
   * platform — DID documents of its organisations, its status lists (fresh), its ledger.
   */
  async verify(jwt: string): Promise<Verification> {
    const base = `did:web:${encodeURIComponent(new URL(this.k.baseUrl()).host)}:orgs:`;
    const ours = await repo.findByDigest(this.k.db, digestOf(jwt));
    this.logKey ??= (await this.ledger.publicKey()).verifierKey;
    const orgOf = (did: string) => {
      const orgId = did.startsWith(base) ? did.slice(base.length) : '';
      return /^org_[0-9a-z]{20}$/.test(orgId) ? orgId : null;
    };
    return verifyCredential(jwt, {
      now: this.k.clock.now(),
      didDocument: (did) => this.memo(`did:${did}`, async () => {
        const orgId = orgOf(did);
        return orgId ? ((await this.keys.didDocument(orgId, did).catch(() => null)) as DidDocument | null) : null;
      }),
      statusList: async (url) => {
        const id = this.listIdOf(url);
        return id ? ((await this.lists.credential(id).catch(() => null))?.jwt ?? null) : null;
      },
      // The platform's own lists: the bits from its table, re-read only when their version moved.
      statusBits: async (url) => {
        const id = this.listIdOf(url);
        return id ? this.lists.bits(id) : null;
      },
      receipt: async () => null,
      // Its own ledger: the entry itself (an event in the ledger stays there); not yet sequenced is pending for a certificate issued here.
      ledgerEntry: async (eventId) => {
        if (!/^evt_[0-9a-z]{20}$/.test(eventId)) return null;
        const known = this.entries.get(eventId);
        if (known) return known;
        const index = await this.ledger.indexOfEvent(eventId).catch(() => null);
        if (index === null) return ours ? 'pending' : null;
        const e = (await this.ledger.entry(index, null)).entry as { id: string; type: string; payloadDigest: string };
        if (this.entries.size > 10_000) this.entries.clear();
        this.entries.set(eventId, e);
        return e;
      },
      logKey: this.logKey,
      // Certificates are the data bureau's to issue (rules-cn.md §6.3: issuer 省政务服务数据管理局);
      // a transaction certificate (交易凭证) is the exchange's, where the deal was made.
      issuerAuthorized: (did, types) => {
        const role = types.includes(TRANSACTION_TYPE) ? 'exchange' : 'data_bureau';
        return this.memo(`issuer:${role}:${did}`, async () => {
          const orgId = orgOf(did);
          const org = orgId ? await this.orgs.get(orgId).catch(() => null) : null;
          return !!org && org.status === 'active' && org.roles.includes(role);
        });
      },
    });
  }

  private listIdOf(url: string): string | null {
    const m = /\/api\/v1\/public\/certificates\/status\/(stl_[0-9a-z]{20})$/.exec(url);
    return m && this.lists.urlOf(m[1]!) === url ? m[1]! : null;
  }

  /** An organisation's name, USCC and roles, remembered a few seconds (every certificate names three or more). */
  private org(id: string) {
    return this.memo(`org:${id}`, () => this.orgs.get(id));
  }

  /** A few seconds' memory of DID documents and issuer checks (they change with key rotation or roles, rarely). */
  private async memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.memory.get(key);
    if (hit && now - hit.at < MEMO_MS) return hit.value as T;
    const value = await load();
    if (this.memory.size > 10_000) this.memory.clear();
    this.memory.set(key, { at: now, value });
    return value;
  }
}
