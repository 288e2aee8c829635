import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import * as repo from './appointment.repository.js';
import { CdoErrors } from './cdo.errors.js';
import type { CdoOrganisations } from './cdo.directory.js';

export interface NewAppointment {
  userId: string;
  /** Defaults to the user's display name. */
  name?: string | undefined;
  title: string;
  /** YYYY-MM-DD; defaults to today (UTC). */
  appointedAt?: string | undefined;
  termEnd?: string | undefined;
}

const validDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * Chief data officers (首席数据官; 粤办函〔2021〕63号 pilot, extended to enterprises by
 * 《广东省企业首席数据官建设指南》 2022): one current CDO per organisation — a public body or an
 * enterprise — appointed by its own org_admin; a new appointment ends the current one
 * (replaced), history is kept, and the data bureau and the regulator see every register.
 */
export class AppointmentService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: CdoOrganisations,
  ) {}

  view(a: repo.AppointmentRow) {
    return {
      id: a.id,
      orgId: a.orgId,
      userId: a.userId,
      name: a.name,
      title: a.title,
      appointedAt: a.appointedAt,
      termEnd: a.termEnd,
      status: a.status,
      endedAt: a.endedAt?.toISOString() ?? null,
      endReason: a.endReason,
      replacedBy: a.replacedBy,
      createdAt: a.createdAt.toISOString(),
    };
  }

  async appoint(orgId: string, input: NewAppointment, by: Principal | null, requestId?: string) {
    const org = await this.org(orgId);
    if (org.status !== 'active') throw new AppError(CdoErrors.CDO_ORG_NOT_FOUND);
    const user = await this.member(orgId, input.userId);
    const now = this.k.clock.now();
    const appointedAt = input.appointedAt ?? now.toISOString().slice(0, 10);
    if (!validDate(appointedAt)) throw new AppError(CdoErrors.CDO_DATE_INVALID, { field: 'appointedAt' }, { reason: 'appointedAt' });
    if (input.termEnd !== undefined && !validDate(input.termEnd)) throw new AppError(CdoErrors.CDO_DATE_INVALID, { field: 'termEnd' }, { reason: 'termEnd' });
    if (input.termEnd !== undefined && input.termEnd < appointedAt) throw new AppError(CdoErrors.CDO_DATE_INVALID, { field: 'termEnd', reason: 'before_appointment' }, { reason: 'termEnd < appointedAt' });
    const row: repo.AppointmentRow = {
      id: newId('cdo'),
      orgId,
      userId: user.id,
      name: input.name?.trim() || user.displayName,
      title: input.title.trim(),
      appointedAt,
      termEnd: input.termEnd ?? null,
      status: 'current',
      endedAt: null,
      endReason: null,
      replacedBy: null,
      createdAt: now,
    };
    return this.k.transact(async (tx, emit) => {
      const current = await repo.findCurrent(tx, orgId, true);
      if (current) {
        await repo.endAppointment(tx, current.id, now, 'replaced', row.id);
        await emit({ type: 'cdo.appointment.ended', subject: { type: 'cdo_appointment', id: current.id }, orgId, actor: serviceActor(by), requestId, payload: { userId: current.userId, reason: 'replaced' } });
      }
      await repo.insertAppointment(tx, row);
      await emit({
        type: 'cdo.appointment.made',
        subject: { type: 'cdo_appointment', id: row.id },
        orgId,
        actor: serviceActor(by),
        requestId,
        payload: { userId: row.userId, name: row.name, title: row.title, appointedAt: row.appointedAt, termEnd: row.termEnd, replaces: current?.id ?? null },
      });
      return this.view(row);
    });
  }

  /** Ends the current appointment without a successor (dismissal, resignation, term over). */
  async end(orgId: string, appointmentId: string, reason: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const a = await repo.findAppointment(tx, appointmentId, true);
      if (!a || a.orgId !== orgId) throw new AppError(CdoErrors.CDO_APPOINTMENT_NOT_FOUND);
      if (a.status !== 'current') throw new AppError(CdoErrors.CDO_APPOINTMENT_ENDED);
      const now = this.k.clock.now();
      await repo.endAppointment(tx, a.id, now, reason.trim(), null);
      await emit({ type: 'cdo.appointment.ended', subject: { type: 'cdo_appointment', id: a.id }, orgId, actor: serviceActor(by), requestId, payload: { userId: a.userId, reason: reason.trim() } });
      return this.view({ ...a, status: 'ended', endedAt: now, endReason: reason.trim() });
    });
  }

  async history(orgId: string, page: number, pageSize: number) {
    await this.org(orgId);
    const { items, total } = await repo.listForOrg(this.k.db, orgId, page, pageSize);
    return { items: items.map((a) => this.view(a)), total, page, pageSize };
  }

  /** Every organisation's current CDO, with the organisation's name (the data bureau's register). */
  async register(page: number, pageSize: number) {
    const { items, total } = await repo.listCurrent(this.k.db, page, pageSize);
    const out = [];
    for (const a of items) {
      const o = await this.orgs.get(a.orgId).catch(() => null);
      out.push({ ...this.view(a), orgName: o?.name ?? { zh: a.orgId, en: a.orgId }, orgType: o?.type ?? 'unknown' });
    }
    return { items: out, total, page, pageSize };
  }

  async currentOf(orgIds: string[]) {
    const m = await repo.currentOf(this.k.db, orgIds);
    return new Map([...m].map(([k, v]) => [k, this.view(v)]));
  }

  private async org(orgId: string) {
    try {
      return await this.orgs.get(orgId);
    } catch {
      throw new AppError(CdoErrors.CDO_ORG_NOT_FOUND);
    }
  }

  private async member(orgId: string, userId: string) {
    for (let page = 1; ; page++) {
      const r = await this.orgs.listUsers(orgId, page, 200);
      const u = r.items.find((x) => x.id === userId);
      if (u) {
        if (u.status !== 'active') break;
        return u;
      }
      if (r.items.length < 200) break;
    }
    throw new AppError(CdoErrors.CDO_PERSON_NOT_MEMBER, { userId });
  }
}
