import { createHash } from 'node:crypto';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { canonicalize } from '../../platform/canonical-json.codec.js';
import { csvText } from '../../platform/csv.writer.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { AuthorizationErrors } from './authorization.errors.js';
import * as arepo from './agreement.repository.js';
import type { OrganisationLookup } from './agreement.service.js';
import * as repo from './disclosure.repository.js';
import * as prepo from './product.repository.js';
import { OVERSEERS } from './authorization.access.js';

export interface DisclosureListQuery {
  year?: number | undefined;
  orgId?: string | undefined;
  role?: repo.DisclosureRole | undefined;
  page: number;
  pageSize: number;
}

/**
 * Annual disclosure is due by 31 March for the previous year (国家数据局综合司 disclosure notice,
 * 2026-02-10; rules-cn.md §4).
 */
export const DISCLOSURE_DUE = '03-31';

/**
 * Annual disclosure of authorized operation (授权运营年度信息披露): each implementing body discloses
 * its entity information, its authorizations and their service-fee caps (运营服务费上限); each
 * operator its entity information, the resources authorized to it, its products and services and
 * their fees. A report is generated from the agreements in force in the year and the products
 * declared under them, frozen with its sha256 digest (in the ledger event), published on the portal
 * and downloadable as JSON or CSV. Publishing again for the same year publishes a new revision.
 */
export class DisclosureService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationLookup,
  ) {}

  private summary(d: repo.DisclosureRow) {
    const r = d.report as { entity: { name: { zh: string; en: string } }; agreements: unknown[]; products?: unknown[] };
    return {
      id: d.id, orgId: d.orgId, orgName: r.entity.name, role: d.role, year: d.year, revision: d.revision, digest: d.digest,
      agreements: r.agreements.length, products: r.products?.length ?? 0, publishedAt: d.publishedAt.toISOString(),
    };
  }

  /** Generates and publishes the caller's organisation's report for a year that has ended. */
  async publish(orgId: string, year: number, role: repo.DisclosureRole, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const now = this.k.clock.now();
    const thisYear = Number(shanghaiDate(now).slice(0, 4));
    if (year >= thisYear) throw new AppError(AuthorizationErrors.AUTHORIZATION_DISCLOSURE_YEAR_INVALID, { year: thisYear }, { year: thisYear });
    const agreements = await arepo.agreementsInYear(this.k.db, orgId, role, year);
    if (!agreements.length) {
      const [roleZh, roleEn] = role === 'operator' ? ['运营机构', 'operator'] : ['实施机构', 'implementing body'];
      throw new AppError(AuthorizationErrors.AUTHORIZATION_DISCLOSURE_NOTHING, { year, role }, { year, roleZh, roleEn });
    }
    const org = await this.orgs.get(orgId);
    const names = new Map<string, { zh: string; en: string }>();
    const nameOf = async (id: string) => {
      if (!names.has(id)) names.set(id, (await this.orgs.get(id).catch(() => null))?.name ?? { zh: id, en: id });
      return names.get(id)!;
    };
    const yearEnd = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const products = role === 'operator' ? await prepo.productsOf(this.k.db, agreements.map((a) => a.id), yearEnd) : [];
    const report = {
      type: 'liutong.authorization.disclosure',
      v: 1,
      year,
      role,
      entity: { orgId, name: org.name, uscc: org.uscc, type: org.type },
      agreements: await Promise.all(agreements.map(async (a) => {
        const counterparty = role === 'implementing_body' ? a.operatorOrgId : a.implementingOrgId;
        return {
          id: a.id,
          counterparty: { orgId: counterparty, name: await nameOf(counterparty) },
          mode: a.mode, domain: a.domain, scenarios: a.scenarios, termFrom: a.termFrom, termTo: a.termTo, status: a.status,
          feeCap: a.feeCap,
          resources: a.scope.map((s) => ({ resourceId: s.resourceId, title: s.title, fields: s.fields })),
        };
      })),
      ...(role === 'operator'
        ? { products: products.map((p) => ({ id: p.id, agreementId: p.agreementId, name: { zh: p.nameZh, en: p.nameEn }, kind: p.kind, scenario: p.scenario, fee: p.fee, status: p.status, declaredAt: p.declaredAt.toISOString() })) }
        : {}),
    };
    const digest = `sha256:${createHash('sha256').update(canonicalize(report)).digest('hex')}`;
    return this.k.transact(async (tx, emit) => {
      const before = await repo.findDisclosureOf(tx, orgId, role, year, true);
      const d: repo.DisclosureRow = { id: before?.id ?? newId('dis'), orgId, role, year, revision: (before?.revision ?? 0) + 1, report, digest, publishedAt: now };
      await repo.upsertDisclosure(tx, d);
      await emit({
        type: 'authorization.disclosure.published', subject: { type: 'authorization_disclosure', id: d.id }, orgId, actor: serviceActor(by), requestId,
        payload: { year, role, revision: d.revision, digest, agreements: report.agreements.length, products: products.length },
      });
      return { ...this.summary(d), report };
    });
  }

  /** Published reports (public). */
  async list(q: DisclosureListQuery) {
    const { items, total } = await repo.listDisclosures(this.k.db, q);
    return { items: items.map((d) => this.summary(d)), total, page: q.page, pageSize: q.pageSize };
  }

  /** One published report with its digest (public). */
  async get(id: string) {
    const d = await repo.findDisclosure(this.k.db, id);
    if (!d) throw new AppError(AuthorizationErrors.AUTHORIZATION_DISCLOSURE_NOT_FOUND);
    return { ...this.summary(d), report: d.report };
  }

  /** A report as CSV (UTF-8 with BOM): one line per authorized resource, then one per product. */
  async csv(id: string): Promise<{ name: string; body: string }> {
    const d = await this.get(id);
    const r = d.report as {
      entity: { name: { zh: string }; uscc: string | null };
      agreements: Array<{ id: string; counterparty: { name: { zh: string } }; mode: string; domain: string | null; scenarios: string[]; termFrom: string; termTo: string; status: string; feeCap: arepo.FeeCap | null; resources: Array<{ resourceId: string; title: { zh: string }; fields: string[] }> }>;
      products?: Array<{ agreementId: string; name: { zh: string }; kind: string; scenario: string; fee: arepo.FeeCap | null; status: string }>;
    };
    const head = ['记录 record', '单位 entity', '统一社会信用代码 USCC', '年度 year', '协议 agreement', '对方 counterparty', '方式 mode', '领域/场景 domain/scenario', '期限 term', '状态 status', '资源或产品 resource/product', '字段或类型 fields/kind', '费用上限或收费 fee cap/fee'];
    const rows: unknown[][] = [head];
    for (const a of r.agreements) {
      for (const res of a.resources) {
        rows.push(['resource', r.entity.name.zh, r.entity.uscc ?? '', d.year, a.id, a.counterparty.name.zh, a.mode, [a.domain, ...a.scenarios].filter(Boolean).join('；'), `${a.termFrom}~${a.termTo}`, a.status, `${res.title.zh} (${res.resourceId})`, res.fields.join(' '), a.feeCap ? `${a.feeCap.amount} ${a.feeCap.unit}` : '']);
      }
    }
    for (const p of r.products ?? []) {
      rows.push(['product', r.entity.name.zh, r.entity.uscc ?? '', d.year, p.agreementId, '', '', p.scenario, '', p.status, p.name.zh, p.kind, p.fee ? `${p.fee.amount} ${p.fee.unit}` : '']);
    }
    return { name: `disclosure-${d.year}-${d.role}-${d.orgId}.csv`, body: csvText(rows, true) };
  }

  /**
   * Who owed a report for `year` and has not published one (data bureau, regulator): every party
   * to an agreement in force in the year; `pastDue` once 31 March of the next year has passed.
   */
  async missing(year: number, by: Principal) {
    if (!hasAnyRole(by, OVERSEERS)) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: OVERSEERS }, { roles: OVERSEERS.join(', ') });
    const [parties, published] = await Promise.all([arepo.partiesInYear(this.k.db, year), repo.publishedFor(this.k.db, year)]);
    const dueDate = `${year + 1}-${DISCLOSURE_DUE}`;
    const items = [];
    for (const p of parties) {
      if (published.has(`${p.role}:${p.orgId}`)) continue;
      items.push({ orgId: p.orgId, orgName: (await this.orgs.get(p.orgId).catch(() => null))?.name ?? { zh: p.orgId, en: p.orgId }, role: p.role });
    }
    return { year, dueDate, pastDue: shanghaiDate(this.k.clock.now()) > dueDate, items };
  }
}
