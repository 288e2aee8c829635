import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { isDateText, shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { ExchangeErrors, stateConflict } from './exchange.errors.js';
import {
  BROKER_TRANSITIONS, brokerNumber, brokerStanding, looksLike, mandateCovers, MAX_COMMISSION_BP, MAX_QUALIFICATION_BYTES, MAX_QUALIFICATION_FILES,
  MEMBER_TRANSITIONS, QUALIFICATION_MEDIA_TYPES, type BrokerAction, type MandateSide, type MemberAction, type MemberKind, type MemberStatus, type ServiceKind,
} from './member.rules.js';
import * as repo from './member.repository.js';
import { namesOf, type ExchangeDirectory, oversees } from './organisation.names.js';

export type { ExchangeDirectory };


export interface NewMember {
  kind: MemberKind;
  services?: ServiceKind[];
  contact: { name: string; phone: string; email: string };
  statement: string;
}

export interface NewBroker {
  orgId: string;
  industries: string[];
  validFrom: string;
  validUntil: string;
}

export interface NewMandate {
  brokerOrgId: string;
  side: MandateSide;
  scope: string;
  commissionBp: number;
  validUntil: string;
}

const KINDS_A_CLIENT_MAY_BE: MemberKind[] = ['seller', 'buyer', 'data_merchant'];

/**
 * Who takes part in the exchange: members (会员登记) applied for by an organisation and decided by
 * the exchange with qualification files; data brokers (数据经纪人) certified by the data bureau;
 * the mandates (委托) under which a broker acts for a client; and the sanctions disclosed on the
 * market pages. Later parts of the exchange ask `requireMember`, `requireBroker` and `mandateFor`.
 */
export class MemberService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: ExchangeDirectory,
  ) {}

  private today(): string {
    return shanghaiDate(this.k.clock.now());
  }

  private names(orgIds: string[]) {
    return namesOf(this.orgs, orgIds);
  }

  private memberView(m: repo.MemberRow, name: { zh: string; en: string }, files?: repo.MemberFileRow[]) {
    return {
      id: m.id, orgId: m.orgId, orgName: name, kind: m.kind, services: m.services, status: m.status, contact: m.contact, statement: m.statement, reason: m.reason,
      appliedAt: m.appliedAt.toISOString(), decidedAt: m.decidedAt?.toISOString() ?? null, updatedAt: m.updatedAt.toISOString(),
      ...(files ? { files: files.map((f) => ({ id: f.id, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, uploadedAt: f.uploadedAt.toISOString() })) } : {}),
    };
  }

  private brokerView(b: repo.BrokerRow, name: { zh: string; en: string }) {
    return {
      id: b.id, orgId: b.orgId, orgName: name, number: b.number, industries: b.industries, validFrom: b.validFrom, validUntil: b.validUntil, status: b.status,
      standing: brokerStanding(b, this.today()), reason: b.reason, issuedAt: b.issuedAt.toISOString(), updatedAt: b.updatedAt.toISOString(),
    };
  }

  private mandateView(m: repo.MandateRow, names: Map<string, { zh: string; en: string }>) {
    return {
      id: m.id, brokerOrgId: m.brokerOrgId, brokerName: names.get(m.brokerOrgId)!, clientOrgId: m.clientOrgId, clientName: names.get(m.clientOrgId)!,
      side: m.side, scope: m.scope, commissionBp: m.commissionBp, validUntil: m.validUntil, status: m.status,
      inForce: m.status === 'active' && this.today() <= m.validUntil,
      createdAt: m.createdAt.toISOString(), endedAt: m.endedAt?.toISOString() ?? null, endedByOrgId: m.endedByOrg,
    };
  }

  // ---- members ------------------------------------------------------------------------------

  /** An organisation applies for a kind of membership; a service provider names its services. */
  async apply(by: Principal, input: NewMember, requestId?: string) {
    const org = await this.orgs.get(by.orgId);
    const services = [...new Set(input.services ?? [])];
    if (input.kind === 'service_provider' && services.length === 0) throw new AppError(ExchangeErrors.EXCHANGE_MEMBER_INVALID, { reason: 'services_required' }, { reason: 'services_required' });
    if (input.kind !== 'service_provider' && services.length > 0) throw new AppError(ExchangeErrors.EXCHANGE_MEMBER_INVALID, { reason: 'services_only_for_service_providers' }, { reason: 'services_only_for_service_providers' });
    const now = this.k.clock.now();
    const m: repo.MemberRow = {
      id: newId('mbr'), orgId: org.id, kind: input.kind, services, status: 'applied', contact: { name: input.contact.name.trim(), phone: input.contact.phone.trim(), email: input.contact.email.trim() },
      statement: input.statement.trim(), reason: null, appliedAt: now, decidedAt: null, decidedBy: null, updatedAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.insertMember(tx, m))) throw new AppError(ExchangeErrors.EXCHANGE_MEMBER_EXISTS, { kind: m.kind }, { kind: m.kind });
      await emit({ type: 'exchange.member.applied', subject: { type: 'exchange_member', id: m.id }, orgId: m.orgId, actor: serviceActor(by), requestId, payload: { orgId: m.orgId, kind: m.kind, services } });
      return this.memberView(m, org.name, []);
    });
  }

  /** A membership as its organisation, the exchange or the regulator sees it (others: not found). */
  async get(id: string, viewer: Principal | null) {
    const m = await repo.findMember(this.k.db, id);
    if (!m || (viewer && !oversees(viewer) && viewer.orgId !== m.orgId)) throw new AppError(ExchangeErrors.EXCHANGE_MEMBER_NOT_FOUND);
    const names = await this.names([m.orgId]);
    return this.memberView(m, names.get(m.orgId)!, await repo.memberFiles(this.k.db, m.id));
  }

  /** The exchange (and the regulator) list every membership; anyone else its own organisation's. */
  async list(viewer: Principal, f: Omit<repo.MemberFilter, 'orgIds'>) {
    const filter = oversees(viewer) ? f : { ...f, orgId: viewer.orgId };
    const r = await repo.listMembers(this.k.db, filter);
    const names = await this.names(r.items.map((m) => m.orgId));
    return { items: r.items.map((m) => this.memberView(m, names.get(m.orgId)!)), total: r.total, page: f.page, pageSize: f.pageSize };
  }

  /** Active members for the public market pages: organisation, kind and services only. */
  async publicList(f: { kind?: MemberKind; service?: ServiceKind; page: number; pageSize: number }) {
    const r = await repo.listMembers(this.k.db, { ...f, status: 'active' });
    const names = await this.names(r.items.map((m) => m.orgId));
    return {
      items: r.items.map((m) => ({ orgId: m.orgId, orgName: names.get(m.orgId)!, kind: m.kind, services: m.services, since: (m.decidedAt ?? m.appliedAt).toISOString() })),
      total: r.total, page: f.page, pageSize: f.pageSize,
    };
  }

  /** Attaches a qualification file (PDF, PNG or JPEG, checked by its first bytes) to an application still open. */
  async addFile(id: string, by: Principal, file: { name: string; mediaType: string; content: Uint8Array }, requestId?: string) {
    const m = await repo.findMember(this.k.db, id);
    if (!m || m.orgId !== by.orgId) throw new AppError(ExchangeErrors.EXCHANGE_MEMBER_NOT_FOUND);
    if (m.status !== 'applied') throw stateConflict(m.status, 'add_file');
    const bad = (reason: string) => new AppError(ExchangeErrors.EXCHANGE_FILE_INVALID, { reason }, { reason });
    if (!(QUALIFICATION_MEDIA_TYPES as readonly string[]).includes(file.mediaType)) throw bad('media_type');
    if (file.content.length === 0 || file.content.length > MAX_QUALIFICATION_BYTES) throw bad('size');
    if (!looksLike(file.mediaType, file.content)) throw bad('content_does_not_match_media_type');
    const row = {
      id: newId('mbf'), memberId: m.id, name: file.name.trim(), mediaType: file.mediaType, size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'), uploadedAt: this.k.clock.now(), content: file.content,
    };
    return this.k.transact(async (tx, emit) => {
      const locked = await repo.findMember(tx, id, true);
      if (locked?.status !== 'applied') throw stateConflict(locked?.status ?? 'none', 'add_file');
      if ((await repo.memberFiles(tx, id)).length >= MAX_QUALIFICATION_FILES) throw bad('too_many_files');
      await repo.insertFile(tx, row);
      await emit({ type: 'exchange.member.file_added', subject: { type: 'exchange_member', id }, orgId: m.orgId, actor: serviceActor(by), requestId, payload: { memberId: id, name: row.name, mediaType: row.mediaType, size: row.size, sha256: row.sha256 } });
      return { id: row.id, name: row.name, mediaType: row.mediaType, size: row.size, sha256: row.sha256, uploadedAt: row.uploadedAt.toISOString() };
    });
  }

  /** A qualification file's bytes, for its organisation, the exchange and the regulator. */
  async file(id: string, fileId: string, viewer: Principal) {
    await this.get(id, viewer);
    const f = await repo.fileContent(this.k.db, id, fileId);
    if (!f) throw new AppError(ExchangeErrors.EXCHANGE_FILE_NOT_FOUND);
    return f;
  }

  /**
   * Moves a membership along its state machine. The exchange approves (only with a qualification
   * file; a broker only with a certificate in force), rejects, suspends, reinstates and terminates
   * — rejections and sanctions with a reason; the applicant withdraws its own open application.
   * Suspensions and terminations are disclosed as sanctions.
   */
  async act(id: string, action: MemberAction, reason: string | null, by: Principal, requestId?: string) {
    const m = await repo.findMember(this.k.db, id);
    const applicant = action === 'withdraw';
    if (!m || (applicant && m.orgId !== by.orgId)) throw new AppError(ExchangeErrors.EXCHANGE_MEMBER_NOT_FOUND);
    const rule = MEMBER_TRANSITIONS[action];
    const needsReason = action === 'reject' || action === 'suspend' || action === 'terminate';
    const why = reason?.trim() || null;
    if (needsReason && !why) throw new AppError(ExchangeErrors.EXCHANGE_MEMBER_INVALID, { reason: 'reason_required' }, { reason: 'reason_required' });
    if (!rule.from.includes(m.status)) throw stateConflict(m.status, action);
    if (action === 'approve') {
      if ((await repo.memberFiles(this.k.db, id)).length === 0) throw new AppError(ExchangeErrors.EXCHANGE_QUALIFICATIONS_MISSING);
      if (m.kind === 'broker') await this.requireBroker(m.orgId);
    }
    const now = this.k.clock.now();
    const names = await this.names([m.orgId]); // read before the transaction: PGlite has one connection
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.updateMemberStatus(tx, id, rule.from, rule.to, why, by.userId ?? by.apiKeyId ?? null, now, action === 'approve' || action === 'reject'))) {
        const cur = await repo.findMember(tx, id);
        throw stateConflict(cur?.status ?? 'none', action);
      }
      if (action === 'suspend' || action === 'terminate') {
        await repo.insertSanction(tx, { id: newId('snc'), subjectType: 'member', subjectId: id, orgId: m.orgId, action, reason: why!, at: now });
      }
      await emit({ type: 'exchange.member.changed', subject: { type: 'exchange_member', id }, orgId: m.orgId, actor: serviceActor(by), requestId, payload: { orgId: m.orgId, kind: m.kind, action, from: m.status, to: rule.to, reason: why } });
      return this.memberView({ ...m, status: rule.to, reason: why, updatedAt: now, ...(action === 'approve' || action === 'reject' ? { decidedAt: now } : {}) }, names.get(m.orgId)!);
    });
  }

  /** The organisation's memberships that count (applied, active, suspended). */
  async memberships(orgId: string) {
    return (await repo.liveMembers(this.k.db, orgId)).map((m) => ({ id: m.id, kind: m.kind, status: m.status as MemberStatus, services: m.services }));
  }

  /** Refused (EXCHANGE_NOT_MEMBER) unless the organisation is an active member of one of `kinds`. */
  async requireMember(orgId: string, kinds: MemberKind[]): Promise<void> {
    const live = await repo.liveMembers(this.k.db, orgId);
    if (!live.some((m) => m.status === 'active' && kinds.includes(m.kind))) throw new AppError(ExchangeErrors.EXCHANGE_NOT_MEMBER, { orgId, kinds }, { kind: kinds.join('/') });
  }

  /** Refused (EXCHANGE_NOT_MEMBER) unless the organisation is an active service-provider member offering `service`. */
  async requireService(orgId: string, service: ServiceKind): Promise<void> {
    const live = await repo.liveMembers(this.k.db, orgId);
    if (!live.some((m) => m.status === 'active' && m.kind === 'service_provider' && m.services.includes(service))) {
      throw new AppError(ExchangeErrors.EXCHANGE_NOT_MEMBER, { orgId, kinds: ['service_provider'], service }, { kind: `service_provider:${service}` });
    }
  }

  // ---- brokers ------------------------------------------------------------------------------

  /** The data bureau certifies an organisation holding the broker role as a data broker (数据经纪人), for industries and a validity. */
  async certify(input: NewBroker, by: Principal, requestId?: string) {
    const org = await this.orgs.get(input.orgId).catch(() => null);
    const bad = (reason: string) => new AppError(ExchangeErrors.EXCHANGE_BROKER_INVALID, { reason }, { reason });
    if (!org || org.status !== 'active') throw bad('organisation_not_active');
    if (!org.roles.includes('broker')) throw bad('organisation_lacks_broker_role');
    if (!isDateText(input.validFrom) || !isDateText(input.validUntil) || input.validUntil < input.validFrom) throw bad('validity');
    if (input.validUntil < this.today()) throw bad('validity_in_the_past');
    const industries = [...new Set(input.industries.map((s) => s.trim()).filter(Boolean))];
    if (industries.length === 0) throw bad('industries_required');
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      if (await repo.liveBroker(tx, org.id)) throw new AppError(ExchangeErrors.EXCHANGE_BROKER_EXISTS);
      const year = Number(shanghaiDate(now).slice(0, 4));
      const b: repo.BrokerRow = {
        id: newId('brk'), orgId: org.id, number: brokerNumber(year, await repo.nextCounter(tx, `broker:${year}`)), industries, validFrom: input.validFrom, validUntil: input.validUntil,
        status: 'active', reason: null, issuedBy: by.userId ?? null, issuedAt: now, updatedAt: now,
      };
      if (!(await repo.insertBroker(tx, b))) throw new AppError(ExchangeErrors.EXCHANGE_BROKER_EXISTS);
      await emit({ type: 'exchange.broker.certified', subject: { type: 'exchange_broker', id: b.id }, orgId: b.orgId, actor: serviceActor(by), requestId, payload: { orgId: b.orgId, number: b.number, industries, validFrom: b.validFrom, validUntil: b.validUntil } });
      return this.brokerView(b, org.name);
    });
  }

  /** The bureau suspends, reinstates or revokes a certificate, with a reason; a revocation ends the broker's mandates. */
  async actOnBroker(id: string, action: BrokerAction, reason: string, by: Principal, requestId?: string) {
    const b = await repo.findBroker(this.k.db, id);
    if (!b) throw new AppError(ExchangeErrors.EXCHANGE_BROKER_NOT_FOUND);
    const why = reason.trim();
    if (!why) throw new AppError(ExchangeErrors.EXCHANGE_BROKER_INVALID, { reason: 'reason_required' }, { reason: 'reason_required' });
    const rule = BROKER_TRANSITIONS[action];
    if (!rule.from.includes(b.status)) throw stateConflict(b.status, action);
    const now = this.k.clock.now();
    const names = await this.names([b.orgId]);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.updateBrokerStatus(tx, id, rule.from, rule.to, why, now))) throw stateConflict('changed', action);
      const ended = action === 'revoke' ? await repo.endBrokerMandates(tx, b.orgId, by.orgId, now) : [];
      if (action !== 'reinstate') await repo.insertSanction(tx, { id: newId('snc'), subjectType: 'broker', subjectId: id, orgId: b.orgId, action, reason: why, at: now });
      await emit({ type: 'exchange.broker.changed', subject: { type: 'exchange_broker', id }, orgId: b.orgId, actor: serviceActor(by), requestId, payload: { orgId: b.orgId, number: b.number, action, from: b.status, to: rule.to, reason: why, endedMandates: ended } });
      return this.brokerView({ ...b, status: rule.to, reason: why, updatedAt: now }, names.get(b.orgId)!);
    });
  }

  async broker(id: string) {
    const b = await repo.findBroker(this.k.db, id);
    if (!b) throw new AppError(ExchangeErrors.EXCHANGE_BROKER_NOT_FOUND);
    return this.brokerView(b, (await this.names([b.orgId])).get(b.orgId)!);
  }

  /** Broker certificates (public: the register of certified brokers, 信息披露). */
  async brokers(f: { status?: 'active' | 'suspended' | 'revoked'; industry?: string; page: number; pageSize: number }) {
    const r = await repo.listBrokers(this.k.db, f);
    const names = await this.names(r.items.map((b) => b.orgId));
    return { items: r.items.map((b) => this.brokerView(b, names.get(b.orgId)!)), total: r.total, page: f.page, pageSize: f.pageSize };
  }

  /** Refused (EXCHANGE_BROKER_NOT_CERTIFIED) unless the organisation's broker certificate is in force today. */
  async requireBroker(orgId: string): Promise<repo.BrokerRow> {
    const b = await repo.liveBroker(this.k.db, orgId);
    const standing = b ? brokerStanding(b, this.today()) : 'none';
    if (!b || standing !== 'in_force') throw new AppError(ExchangeErrors.EXCHANGE_BROKER_NOT_CERTIFIED, { orgId, standing }, { standing });
    return b;
  }

  // ---- mandates -----------------------------------------------------------------------------

  /**
   * A client (an active seller, buyer or data merchant) mandates a certified broker who is an
   * active broker member, for a side of its trades, a scope, a commission and a validity.
   */
  async mandate(by: Principal, input: NewMandate, requestId?: string) {
    const bad = (reason: string) => new AppError(ExchangeErrors.EXCHANGE_MANDATE_INVALID, { reason }, { reason });
    if (input.brokerOrgId === by.orgId) throw bad('own_organisation');
    if (!Number.isInteger(input.commissionBp) || input.commissionBp < 0 || input.commissionBp > MAX_COMMISSION_BP) throw bad('commission');
    if (!isDateText(input.validUntil) || input.validUntil < this.today()) throw bad('validity');
    if (!input.scope.trim()) throw bad('scope_required');
    await this.requireMember(by.orgId, KINDS_A_CLIENT_MAY_BE);
    const cert = await this.requireBroker(input.brokerOrgId);
    await this.requireMember(input.brokerOrgId, ['broker']);
    if (input.validUntil > cert.validUntil) throw bad('beyond_the_broker_certificate');
    const m: repo.MandateRow = {
      id: newId('mdt'), brokerOrgId: input.brokerOrgId, clientOrgId: by.orgId, side: input.side, scope: input.scope.trim(), commissionBp: input.commissionBp, validUntil: input.validUntil,
      status: 'active', createdBy: by.userId ?? null, createdAt: this.k.clock.now(), endedAt: null, endedByOrg: null,
    };
    const names = await this.names([m.brokerOrgId, m.clientOrgId]);
    return this.k.transact(async (tx, emit) => {
      await repo.insertMandate(tx, m);
      await emit({ type: 'exchange.mandate.created', subject: { type: 'exchange_mandate', id: m.id }, orgId: m.clientOrgId, actor: serviceActor(by), requestId, payload: { brokerOrgId: m.brokerOrgId, clientOrgId: m.clientOrgId, side: m.side, scope: m.scope, commissionBp: m.commissionBp, validUntil: m.validUntil } });
      return this.mandateView(m, names);
    });
  }

  /** Either party ends a mandate. */
  async endMandate(id: string, by: Principal, requestId?: string) {
    const m = await repo.findMandate(this.k.db, id);
    if (!m || (m.brokerOrgId !== by.orgId && m.clientOrgId !== by.orgId && !oversees(by))) throw new AppError(ExchangeErrors.EXCHANGE_MANDATE_NOT_FOUND);
    if (m.brokerOrgId !== by.orgId && m.clientOrgId !== by.orgId) throw new AppError(ExchangeErrors.EXCHANGE_NOT_PARTY);
    const now = this.k.clock.now();
    const names = await this.names([m.brokerOrgId, m.clientOrgId]);
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.endMandate(tx, id, by.orgId, now))) throw stateConflict(m.status, 'end');
      await emit({ type: 'exchange.mandate.ended', subject: { type: 'exchange_mandate', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { brokerOrgId: m.brokerOrgId, clientOrgId: m.clientOrgId, endedByOrgId: by.orgId } });
      return this.mandateView({ ...m, status: 'ended', endedAt: now, endedByOrg: by.orgId }, names);
    });
  }

  async getMandate(id: string, viewer: Principal) {
    const m = await repo.findMandate(this.k.db, id);
    if (!m || (m.brokerOrgId !== viewer.orgId && m.clientOrgId !== viewer.orgId && !oversees(viewer))) throw new AppError(ExchangeErrors.EXCHANGE_MANDATE_NOT_FOUND);
    return this.mandateView(m, await this.names([m.brokerOrgId, m.clientOrgId]));
  }

  /** Mandates: a party sees its own (as broker, as client, or both); the exchange and the regulator see all. */
  async mandates(viewer: Principal, f: { box?: 'broker' | 'client'; status?: 'active' | 'ended'; page: number; pageSize: number }) {
    const scope = oversees(viewer) && !f.box ? {} : f.box === 'broker' ? { brokerOrgId: viewer.orgId } : f.box === 'client' ? { clientOrgId: viewer.orgId } : { eitherOrgId: viewer.orgId };
    const r = await repo.listMandates(this.k.db, { ...scope, status: f.status, page: f.page, pageSize: f.pageSize });
    const names = await this.names(r.items.flatMap((m) => [m.brokerOrgId, m.clientOrgId]));
    return { items: r.items.map((m) => this.mandateView(m, names)), total: r.total, page: f.page, pageSize: f.pageSize };
  }

  /**
   * The mandate under which `brokerOrgId` acts for `clientOrgId` on `side` today, with the broker's
   * certificate in force — or EXCHANGE_BROKER_NOT_CERTIFIED / EXCHANGE_MANDATE_INVALID (no_mandate).
   */
  async mandateFor(brokerOrgId: string, clientOrgId: string, side: 'sell' | 'buy'): Promise<repo.MandateRow> {
    await this.requireBroker(brokerOrgId);
    const day = this.today();
    const m = (await repo.activeMandates(this.k.db, brokerOrgId, clientOrgId)).find((x) => mandateCovers(x, side, day));
    if (!m) throw new AppError(ExchangeErrors.EXCHANGE_MANDATE_INVALID, { reason: 'no_mandate' }, { reason: 'no_mandate' });
    return m;
  }

  // ---- disclosure ---------------------------------------------------------------------------

  /** Sanctions (suspensions, terminations, broker suspensions and revocations), newest first, public. */
  async sanctions(page: number, pageSize: number) {
    const r = await repo.listSanctions(this.k.db, page, pageSize);
    const names = await this.names(r.items.map((s) => s.orgId));
    return { items: r.items.map((s) => ({ id: s.id, subjectType: s.subjectType, subjectId: s.subjectId, orgId: s.orgId, orgName: names.get(s.orgId)!, action: s.action, reason: s.reason, at: s.at.toISOString() })), total: r.total, page, pageSize };
  }
}
