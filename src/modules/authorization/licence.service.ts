import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { isDateText as isCalendarDate, shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { AuthorizationErrors } from './authorization.errors.js';
import { OVERSEERS } from './authorization.access.js';
import type { SealApi } from './agreement.service.js';
import type { AccountService } from './account.service.js';
import type { OrganisationSearch } from './consent.service.js';
import type { SubjectKind } from './data-item.repository.js';
import type { NotificationService } from './notification.service.js';
import * as repo from './licence.repository.js';
import { enabledTypes, fieldsProblem, holderIdProblem, licenceState, maskNumber, numberProblem, type LicenceType } from './licence.rules.js';

export interface NewLicence {
  type: string;
  number: string;
  holder: { id: string; name: string };
  fields: Record<string, string>;
  validFrom: string;
  validTo?: string | null | undefined;
}

/** The signed licence document (canonical JSON, RFC 8785, under the issuer's electronic seal). */
export type LicenceDocument = {
  type: 'liutong.licence';
  v: 1;
  id: string;
  licenceType: { code: string; name: { zh: string; en: string } };
  number: string;
  holder: { kind: SubjectKind; identifier: { scheme: 'USCC' | 'RESIDENT_ID'; value: string }; name: string };
  content: Array<{ key: string; label: { zh: string; en: string }; value: string }>;
  validFrom: string;
  validTo: string | null;
  issuer: { orgId: string; name: { zh: string; en: string } };
  issuedAt: string;
};

const SUBJECT_MAC = 'authorization.licence.subject';
const NUMBER_MAC = 'authorization.licence.number';

/**
 * Licences (电子证照) in the digital spaces: a source unit (源头单位) issues a licence to an enterprise
 * (by USCC) or a person (by resident identity number) as a document sealed with the unit's electronic
 * seal; the holder sees and downloads it in its space, anyone can check a downloaded document
 * (signature, and whether the issuer still holds it valid), and the issuer revokes it. Issue and
 * revocation are evidence events and reach the holder's inbox. A person's number is never stored or
 * logged in clear outside the encrypted document.
 */
export class LicenceService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationSearch,
    private readonly seals: SealApi,
    private readonly accounts: Pick<AccountService, 'findByResidentId'>,
    private readonly notifications: NotificationService,
  ) {}

  /** The types a source unit may issue here (config `authorization.licenceTypes`). */
  get types(): LicenceType[] {
    return enabledTypes(this.k.config.authorization.licenceTypes);
  }

  typeViews() {
    return { items: this.types.map((t) => ({ code: t.code, name: t.name, holderKind: t.holderKind, numberIsHolderId: t.number === 'holder', numberPattern: t.number === 'holder' ? null : t.number.source, fields: t.fields })) };
  }

  private subjectHash(kind: SubjectKind, id: string): string {
    return this.k.secretBox.mac(`${kind}:${id}`, SUBJECT_MAC);
  }

  private open(l: repo.LicenceRow): LicenceDocument {
    return JSON.parse(this.k.secretBox.open(l.documentSealed, `licence:${l.id}`).toString('utf8')) as LicenceDocument;
  }

  private today(): string {
    return shanghaiDate(this.k.clock.now());
  }

  private async issuerName(orgId: string) {
    return (await this.orgs.get(orgId)).name;
  }

  /** The issuer's and overseers' view: numbers and holders masked. (Never inside a transaction: it reads the issuer's name.) */
  async view(l: repo.LicenceRow) {
    const type = this.types.find((t) => t.code === l.typeCode);
    return {
      id: l.id, type: l.typeCode, typeName: type?.name ?? { zh: l.typeCode, en: l.typeCode }, numberMasked: l.numberMasked, holderKind: l.subjectKind,
      holderMasked: l.subjectMasked, holderName: l.holderName, issuer: { orgId: l.issuerOrgId, name: await this.issuerName(l.issuerOrgId) }, validFrom: l.validFrom,
      validTo: l.validTo, issuedAt: l.issuedAt.toISOString(), digest: l.digest, state: licenceState(l, this.today()), revokedAt: l.revokedAt?.toISOString() ?? null,
      revokeReason: l.revokeReason,
    };
  }

  /** The holder's account (an enterprise by USCC, a person by identity number), if it has one. */
  private async holderOrgId(kind: SubjectKind, id: string): Promise<string | null> {
    if (kind === 'natural_person') return (await this.accounts.findByResidentId(id))?.orgId ?? null;
    const found = (await this.orgs.list({ q: id, page: 1, pageSize: 5, sort: 'createdAt', order: 'asc' })).items.find((o) => o.uscc === id && o.status === 'active' && o.type !== 'individual');
    return found?.id ?? null;
  }

  async issue(by: Principal, input: NewLicence, requestId?: string) {
    if (!by.orgRoles.includes('source_unit')) throw new AppError(AuthorizationErrors.AUTHORIZATION_PARTY_ROLE, { party: 'issuer', role: 'source_unit' }, { party: 'issuer', role: 'source_unit' });
    const type = this.types.find((t) => t.code === input.type);
    if (!type) throw new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_TYPE_UNKNOWN, { type: input.type, types: this.types.map((t) => t.code) }, { type: input.type });
    const bad = (reason: string) => new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_INVALID, { reason }, { reason });
    const holderId = input.holder.id.trim().toUpperCase();
    const number = input.number.trim().toUpperCase();
    const holderName = input.holder.name.trim();
    if (!holderName) throw bad('holder_name');
    const idProblem = holderIdProblem(type.holderKind, holderId);
    if (idProblem) throw bad(idProblem);
    const nProblem = numberProblem(type, number, holderId);
    if (nProblem) throw bad(nProblem);
    const fProblem = fieldsProblem(type, input.fields);
    if (fProblem) throw bad(fProblem);
    if (!isCalendarDate(input.validFrom)) throw bad('valid_from');
    const validTo = input.validTo ?? null;
    if (validTo !== null && (!isCalendarDate(validTo) || validTo < input.validFrom)) throw bad('valid_to');
    const numberHash = this.k.secretBox.mac(`${type.code}:${number}`, NUMBER_MAC);
    if (await repo.findValidByNumber(this.k.db, type.code, numberHash)) throw new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_DUPLICATE, { type: type.code }, { type: type.code });

    const issuer = await this.orgs.get(by.orgId);
    const now = this.k.clock.now();
    const id = newId('lic');
    const doc: LicenceDocument = {
      type: 'liutong.licence', v: 1, id, licenceType: { code: type.code, name: type.name }, number,
      holder: { kind: type.holderKind, identifier: { scheme: type.holderKind === 'legal_person' ? 'USCC' : 'RESIDENT_ID', value: holderId }, name: holderName },
      content: type.fields.filter((f) => input.fields[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label, value: input.fields[f.key]!.trim() })),
      validFrom: input.validFrom, validTo, issuer: { orgId: issuer.id, name: issuer.name }, issuedAt: now.toISOString(),
    };
    // The seal is applied in identity's own transaction (its `identity.seal.applied` event), then the licence is stored.
    const seal = await this.seals.sign(by.orgId, doc, by, 'authorization.licence', requestId);
    const row: repo.LicenceRow = {
      id, typeCode: type.code, numberHash, numberMasked: maskNumber(type.holderKind, number), subjectKind: type.holderKind, subjectHash: this.subjectHash(type.holderKind, holderId),
      subjectMasked: maskNumber(type.holderKind, holderId), holderName, issuerOrgId: by.orgId, validFrom: input.validFrom, validTo, issuedAt: now,
      documentSealed: this.k.secretBox.seal(Buffer.from(JSON.stringify(doc), 'utf8'), `licence:${id}`), digest: seal.digest, seal, status: 'valid', revokedAt: null, revokeReason: null,
    };
    const holderOrgId = await this.holderOrgId(type.holderKind, holderId);
    await this.k.transact(async (tx, emit) => {
      try {
        await repo.insertLicence(tx, row);
      } catch (err) {
        // The same number issued twice at once: the partial unique index keeps one.
        if ((err as { code?: string }).code === '23505') throw new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_DUPLICATE, { type: type.code }, { type: type.code });
        throw err;
      }
      await emit({
        type: 'authorization.licence.issued', subject: { type: 'authorization_licence', id }, orgId: by.orgId, actor: serviceActor(by), requestId,
        payload: { licenceType: type.code, numberMasked: row.numberMasked, holderKind: type.holderKind, holderMasked: row.subjectMasked, validFrom: row.validFrom, validTo, digest: seal.digest, kid: seal.kid },
      });
      if (holderOrgId) await this.notifications.notify(tx, [holderOrgId], 'licence.issued', { type: 'authorization_licence', id }, { licenceId: id, licenceType: type.code, issuerOrgId: by.orgId });
    });
    return this.view(row);
  }

  private async mine(by: Principal, id: string): Promise<repo.LicenceRow> {
    const l = await repo.findLicence(this.k.db, id);
    const overseer = by.orgRoles.some((r) => (OVERSEERS as readonly string[]).includes(r));
    if (!l || (l.issuerOrgId !== by.orgId && !overseer)) throw new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_NOT_FOUND);
    return l;
  }

  async get(by: Principal, id: string) {
    return this.view(await this.mine(by, id));
  }

  /** The caller's issued licences; the data bureau and the regulator see every issuer's (or one's). */
  async list(by: Principal, q: { issuerOrgId?: string | undefined; type?: string | undefined; status?: 'valid' | 'revoked' | undefined; page: number; pageSize: number }) {
    const overseer = by.orgRoles.some((r) => (OVERSEERS as readonly string[]).includes(r));
    const page = await repo.listLicences(this.k.db, { issuerOrgId: overseer ? q.issuerOrgId : by.orgId, typeCode: q.type, status: q.status, page: q.page, pageSize: q.pageSize });
    return { items: await Promise.all(page.items.map((l) => this.view(l))), total: page.total, page: q.page, pageSize: q.pageSize };
  }

  /** The issuer revokes a licence (吊销/注销), with its reason; the holder is told. */
  async revoke(by: Principal, id: string, reason: string, requestId?: string) {
    const l = await this.mine(by, id);
    if (l.issuerOrgId !== by.orgId) throw new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_NOT_FOUND);
    const conflict = () => new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_STATE_CONFLICT, { status: l.status, action: 'revoke' }, { status: l.status, action: 'revoke' });
    if (l.status !== 'valid') throw conflict();
    const now = this.k.clock.now();
    const doc = this.open(l);
    const holderOrgId = await this.holderOrgId(l.subjectKind, doc.holder.identifier.value);
    await this.k.transact(async (tx, emit) => {
      if (!(await repo.revokeLicence(tx, id, now, reason.trim()))) throw conflict();
      await emit({ type: 'authorization.licence.revoked', subject: { type: 'authorization_licence', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { reason: reason.trim(), digest: l.digest } });
      if (holderOrgId) await this.notifications.notify(tx, [holderOrgId], 'licence.revoked', { type: 'authorization_licence', id }, { licenceId: id, licenceType: l.typeCode, issuerOrgId: by.orgId });
    });
    return this.view({ ...l, status: 'revoked', revokedAt: now, revokeReason: reason.trim() });
  }

  /** The holder's licences with their documents (its own, unmasked), newest first. */
  async ofHolder(kind: SubjectKind, subject: string) {
    const rows = await repo.licencesOfSubject(this.k.db, kind, this.subjectHash(kind, subject));
    const today = this.today();
    return rows.map((l) => ({ id: l.id, state: licenceState(l, today), revokedAt: l.revokedAt?.toISOString() ?? null, document: this.open(l), seal: l.seal, digest: l.digest }));
  }

  /**
   * Checks a licence document with its seal (anyone, no login): the seal's signature over the document,
   * the issuer named in it being the sealing organisation, the licence being one this platform issued
   * with this very document, and its state today (valid, expired, revoked).
   */
  async verify(document: unknown, seal: unknown) {
    const check = await this.seals.verify(document, seal);
    const doc = (document && typeof document === 'object' ? document : {}) as Partial<LicenceDocument>;
    const row = typeof doc.id === 'string' && /^lic_[0-9a-z]{1,40}$/.test(doc.id) ? await repo.findLicence(this.k.db, doc.id) : undefined;
    const sealDigest = (seal as { digest?: unknown } | null)?.digest;
    const registered = !!row && row.digest === sealDigest;
    const issuerMatches = check.valid && !!row && check.orgId === row.issuerOrgId && doc.issuer?.orgId === row.issuerOrgId;
    const state = registered ? licenceState(row, this.today()) : ('unknown' as const);
    return {
      valid: check.valid && registered && issuerMatches && state === 'valid',
      signature: check.valid ? 'valid' : check.reason,
      registered,
      issuerMatches,
      state,
      licenceType: registered ? row.typeCode : null,
      issuer: registered ? { orgId: row.issuerOrgId, name: await this.issuerName(row.issuerOrgId) } : null,
      validTo: registered ? row.validTo : null,
      revokedAt: registered ? (row.revokedAt?.toISOString() ?? null) : null,
    };
  }
}
