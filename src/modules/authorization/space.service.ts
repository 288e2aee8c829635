import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { canonicalize } from '../../platform/canonical-json.codec.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import type { GatewayService } from '../gateway/index.js';
import { AuthorizationErrors } from './authorization.errors.js';
import type { SealApi } from './agreement.service.js';
import type { OrganisationSearch } from './consent.service.js';
import { monthsBetween } from './consent.rules.js';
import * as repo from './data-item.repository.js';
import type { SubjectVerifier } from './subject.verifier.js';
import type { AccountService } from './account.service.js';
import { platformOperatorId } from './authorization.access.js';
import type { LicenceService } from './licence.service.js';

/** Rows per item in a downloaded package (数据携带). */
const PACKAGE_ROWS_PER_ITEM = 10_000;
const PAGE = 200;

/**
 * The digital spaces (法人和个人数字空间): what public bodies hold about an enterprise or a person — its
 * data items, fetched live through the gateway on its own behalf (metered, unmasked: its own data)
 * — and its self-management: hiding items from requesters, and downloading all of it as a package
 * sealed by the platform operator with the ledger event that records the export (数据携带).
 */
export class SpaceService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationSearch,
    private readonly gateway: Pick<GatewayService, 'data'>,
    private readonly seals: SealApi,
    private readonly verifier: SubjectVerifier,
    private readonly accounts: AccountService,
    private readonly licenceService: LicenceService,
  ) {}

  /**
   * The caller's organisation as a holder: an enterprise by its USCC (法人数字空间), or an
   * individual's account by its resident ID (个人数字空间); anyone else has no space.
   */
  private async holder(by: Principal): Promise<{ id: string; name: { zh: string; en: string }; kind: repo.SubjectKind; subject: string; uscc: string | null; idMasked: string | null }> {
    const org = await this.orgs.get(by.orgId);
    if (org.type === 'individual') {
      const person = await this.accounts.residentIdOf(org.id);
      if (!person) throw new AppError(AuthorizationErrors.AUTHORIZATION_NOT_A_HOLDER);
      return { id: org.id, name: org.name, kind: 'natural_person', subject: person.residentId, uscc: null, idMasked: person.masked };
    }
    if (!org.uscc || !['enterprise', 'public_enterprise'].includes(org.type)) throw new AppError(AuthorizationErrors.AUTHORIZATION_NOT_A_HOLDER);
    return { id: org.id, name: org.name, kind: 'legal_person', subject: org.uscc, uscc: org.uscc, idMasked: null };
  }

  private itemView(d: repo.DataItemRow, hidden: boolean) {
    return { id: d.id, code: d.code, name: { zh: d.nameZh, en: d.nameEn }, resourceId: d.resourceId, sourceOrgId: d.sourceOrgId, fields: d.fields, periodField: d.periodField, hidden };
  }

  /** The holder's space: who it is and its data items, each with whether it is hidden from requesters. */
  async space(by: Principal) {
    const h = await this.holder(by);
    const [items, hidden, binding] = await Promise.all([repo.listItems(this.k.db, { subjectKind: h.kind, status: 'active' }), repo.hiddenItems(this.k.db, h.id), repo.findBinding(this.k.db, h.id)]);
    return {
      holder: { orgId: h.id, name: h.name, kind: h.kind, uscc: h.uscc, idMasked: h.idMasked },
      binding: binding && binding.uscc === h.uscc ? { legalRep: binding.legalRep, verifiedAt: binding.verifiedAt.toISOString() } : null,
      items: items.map((d) => this.itemView(d, hidden.has(d.id))),
    };
  }

  /**
   * The legal representative binds the enterprise account to its registry record (法人绑定): the
   * organisation's USCC and name and the representative's name are checked against the
   * market-regulation registry through the gateway (SubjectVerifier). Organisation administrators only.
   */
  async bind(by: Principal, legalRep: string, requestId?: string) {
    const h = await this.holder(by);
    const uscc = h.uscc;
    if (h.kind !== 'legal_person' || !uscc) throw new AppError(AuthorizationErrors.AUTHORIZATION_NOT_A_HOLDER);
    const result = await this.verifier.legalPerson(uscc, h.name.zh, legalRep.trim());
    if (!result.match) throw new AppError(AuthorizationErrors.AUTHORIZATION_BINDING_MISMATCH, { reason: result.reason }, { reason: result.reason });
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      await repo.saveBinding(tx, { orgId: h.id, uscc, legalRep: legalRep.trim(), verifiedAt: now, verifiedBy: by.userId ?? null });
      await emit({ type: 'authorization.space.bound', subject: { type: 'organisation', id: h.id }, orgId: h.id, actor: serviceActor(by), requestId, payload: { uscc, method: 'registry' } });
      return { legalRep: legalRep.trim(), verifiedAt: now.toISOString() };
    });
  }

  /** The holder's own rows of one item (optionally of a period of months), live through the gateway. */
  async rows(by: Principal, itemId: string, q: { periodFrom?: string | undefined; periodTo?: string | undefined; page: number; pageSize: number }) {
    const h = await this.holder(by);
    const d = await this.item(itemId, h.kind);
    let period: { field: string; months: string[] } | null = null;
    if (d.periodField && (q.periodFrom || q.periodTo)) {
      const months = monthsBetween(q.periodFrom ?? q.periodTo!, q.periodTo ?? q.periodFrom!);
      if (!months) throw new AppError(AuthorizationErrors.AUTHORIZATION_CONSENT_INVALID, { reason: 'period' }, { reason: 'period' });
      period = { field: d.periodField, months };
    }
    const fields = [...new Set([d.subjectField, ...(d.periodField ? [d.periodField] : []), ...d.fields])];
    const out = await this.gateway.data.subjectRows(h.id, d.resourceId, { field: d.subjectField, value: h.subject }, fields, period, q.page, q.pageSize);
    return { item: this.itemView(d, false), callId: out.callId, fields: out.fields, items: out.rows, page: q.page, pageSize: q.pageSize, hasMore: out.hasMore };
  }

  /** The holder's licences (电子证照) with their sealed documents, newest first. */
  async licences(by: Principal) {
    const h = await this.holder(by);
    return { items: await this.licenceService.ofHolder(h.kind, h.subject) };
  }

  /** One of the holder's licences: the document and its seal, to download and show anyone. */
  async licence(by: Principal, licenceId: string) {
    const h = await this.holder(by);
    const found = (await this.licenceService.ofHolder(h.kind, h.subject)).find((l) => l.id === licenceId);
    if (!found) throw new AppError(AuthorizationErrors.AUTHORIZATION_LICENCE_NOT_FOUND);
    return found;
  }

  /** Hides an item from requesters (their requests naming it are refused) or shows it again. */
  async setHidden(by: Principal, itemId: string, hidden: boolean, requestId?: string) {
    const h = await this.holder(by);
    const d = await this.item(itemId, h.kind);
    return this.k.transact(async (tx, emit) => {
      const changed = await repo.setHidden(tx, h.id, d.id, hidden, this.k.clock.now());
      if (changed) {
        await emit({
          type: hidden ? 'authorization.space.item_hidden' : 'authorization.space.item_shown', subject: { type: 'organisation', id: h.id }, orgId: h.id, actor: serviceActor(by), requestId,
          payload: { itemId: d.id, code: d.code },
        });
      }
      return this.itemView(d, hidden);
    });
  }

  /** Whether the holder hides the item (consent requests naming it are refused). */
  async isHidden(holderOrgId: string, itemId: string): Promise<boolean> {
    return (await repo.hiddenItems(this.k.db, holderOrgId)).has(itemId);
  }

  /**
   * 数据携带: every item's rows (up to 10,000 each), as a package sealed by the platform operator,
   * and a ledger event with the package digest (its receipt: GET /api/v1/ledger/events/{eventId}/receipt).
   */
  async exportPackage(by: Principal, requestId?: string) {
    const h = await this.holder(by);
    const items = await repo.listItems(this.k.db, { subjectKind: h.kind, status: 'active' });
    const parts: Array<{ code: string; name: { zh: string; en: string }; source: { orgId: string; resourceId: string }; fields: string[]; rows: Array<Record<string, unknown>> }> = [];
    let total = 0;
    for (const d of items) {
      const fields = [...new Set([d.subjectField, ...(d.periodField ? [d.periodField] : []), ...d.fields])];
      const rows: Array<Record<string, unknown>> = [];
      for (let page = 1; rows.length < PACKAGE_ROWS_PER_ITEM; page++) {
        const out = await this.gateway.data.subjectRows(h.id, d.resourceId, { field: d.subjectField, value: h.subject }, fields, null, page, PAGE);
        rows.push(...out.rows);
        if (!out.hasMore) break;
      }
      total += rows.length;
      parts.push({ code: d.code, name: { zh: d.nameZh, en: d.nameEn }, source: { orgId: d.sourceOrgId, resourceId: d.resourceId }, fields, rows });
    }
    const pkg = { type: 'liutong.space.package', v: 1, holder: { orgId: h.id, name: h.name, kind: h.kind, uscc: h.uscc, idMasked: h.idMasked }, generatedAt: this.k.clock.now().toISOString(), items: parts };
    const digest = `sha256:${createHash('sha256').update(canonicalize(pkg)).digest('hex')}`;
    const seal = await this.seals.sign(await platformOperatorId(this.orgs), pkg, null, 'authorization.space.package', requestId);
    const eventId = await this.k.transact(async (_tx, emit) =>
      emit({
        type: 'authorization.space.exported', subject: { type: 'organisation', id: h.id }, orgId: h.id, actor: serviceActor(by), requestId,
        payload: { digest, items: parts.map((p) => p.code), rows: total, sealKid: seal.kid },
      }),
    );
    return { package: pkg, digest, seal, evidence: { eventId, receiptUrl: `/api/v1/ledger/events/${eventId}/receipt` } };
  }

  private async item(itemId: string, kind: repo.SubjectKind): Promise<repo.DataItemRow> {
    const d = (await repo.findItems(this.k.db, [itemId]))[0];
    if (!d || d.status !== 'active' || d.subjectKind !== kind) throw new AppError(AuthorizationErrors.AUTHORIZATION_DATA_ITEM_NOT_FOUND, { item: itemId }, { item: itemId });
    return d;
  }
}
