import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { isDateText, shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { ExchangeErrors, stateConflict } from './exchange.errors.js';
import type { ListingSources } from './listing.service.js';
import type { MemberService } from './member.service.js';
import { namesOf, type ExchangeDirectory, oversees } from './organisation.names.js';
import * as repo from './filing.repository.js';

export interface NewFiling {
  counterpartyOrgId: string;
  role: 'seller' | 'buyer';
  assetId?: string | undefined;
  description: string;
  amountFen: string;
  tradedOn: string;
  contractSha256: string;
}

/**
 * Off-exchange trades filed for the record (场外交易备案): a member files a deal made outside the
 * exchange — the counterparty, the asset (when registered: the seller must hold it), the amount, the
 * date and the digest of the contract (the contract itself stays with the parties); the
 * counterparty confirms it. The exchange and the regulator see every filing.
 */
export class FilingService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: ExchangeDirectory,
    private readonly members: MemberService,
    private readonly sources: ListingSources,
  ) {}

  private invalid(reason: string) {
    return new AppError(ExchangeErrors.EXCHANGE_TERMS_INVALID, { reason }, { reason });
  }

  private async view(f: repo.FilingRow) {
    const names = await namesOf(this.orgs, [f.filerOrgId, f.counterpartyOrgId]);
    return {
      id: f.id, filer: { orgId: f.filerOrgId, name: names.get(f.filerOrgId)! }, counterparty: { orgId: f.counterpartyOrgId, name: names.get(f.counterpartyOrgId)! }, filerRole: f.filerRole,
      assetId: f.assetId, registrationNumber: f.registrationNumber, description: f.description, amountFen: f.amountFen.toString(), tradedOn: f.tradedOn, contractSha256: f.contractSha256,
      status: f.status, createdAt: f.createdAt.toISOString(), confirmedAt: f.confirmedAt?.toISOString() ?? null,
    };
  }

  async file(by: Principal, input: NewFiling, requestId?: string) {
    await this.members.requireMember(by.orgId, ['seller', 'buyer', 'data_merchant']);
    if (input.counterpartyOrgId === by.orgId) throw this.invalid('counterparty_is_the_filer');
    const counterparty = await this.orgs.get(input.counterpartyOrgId).catch(() => null);
    if (!counterparty || counterparty.status !== 'active') throw this.invalid('counterparty_unknown');
    if (!isDateText(input.tradedOn) || input.tradedOn > shanghaiDate(this.k.clock.now())) throw this.invalid('traded_on');
    const description = input.description.trim();
    if (!description) throw this.invalid('description_required');
    let registrationNumber: string | null = null;
    if (input.assetId) {
      const basis = await this.sources.tradeBasis(input.assetId);
      if (!basis || basis.status !== 'registered') throw new AppError(ExchangeErrors.EXCHANGE_NOT_REGISTERED, { assetId: input.assetId, reason: 'not_registered' }, { reason: 'not_registered' });
      const sellerOrgId = input.role === 'seller' ? by.orgId : input.counterpartyOrgId;
      if (basis.holderOrgId !== sellerOrgId) throw new AppError(ExchangeErrors.EXCHANGE_NOT_REGISTERED, { assetId: input.assetId, reason: 'not_holder' }, { reason: 'not_holder' });
      registrationNumber = basis.registrationNumber;
    }
    const f: repo.FilingRow = {
      id: newId('fil'), filerOrgId: by.orgId, counterpartyOrgId: input.counterpartyOrgId, filerRole: input.role, assetId: input.assetId ?? null, registrationNumber, description,
      amountFen: BigInt(input.amountFen), tradedOn: input.tradedOn, contractSha256: input.contractSha256, status: 'filed', createdAt: this.k.clock.now(), confirmedAt: null,
    };
    const v = await this.view(f);
    return this.k.transact(async (tx, emit) => {
      await repo.insertFiling(tx, f);
      await emit({ type: 'exchange.filing.filed', subject: { type: 'exchange_filing', id: f.id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { counterpartyOrgId: f.counterpartyOrgId, filerRole: f.filerRole, assetId: f.assetId, amountFen: input.amountFen, tradedOn: f.tradedOn, contractSha256: f.contractSha256 } });
      return v;
    });
  }

  /** The counterparty confirms the filing. */
  async confirm(id: string, by: Principal, requestId?: string) {
    const f = await repo.findFiling(this.k.db, id);
    if (!f || (f.counterpartyOrgId !== by.orgId && f.filerOrgId !== by.orgId)) throw new AppError(ExchangeErrors.EXCHANGE_FILING_NOT_FOUND);
    if (f.counterpartyOrgId !== by.orgId) throw new AppError(ExchangeErrors.EXCHANGE_NOT_PARTY);
    const now = this.k.clock.now();
    const v = await this.view({ ...f, status: 'confirmed', confirmedAt: now });
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.confirmFiling(tx, id, now))) throw stateConflict(f.status, 'confirm');
      await emit({ type: 'exchange.filing.confirmed', subject: { type: 'exchange_filing', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: { filerOrgId: f.filerOrgId, contractSha256: f.contractSha256 } });
      return v;
    });
  }

  async get(id: string, viewer: Principal) {
    const f = await repo.findFiling(this.k.db, id);
    const overseer = oversees(viewer);
    if (!f || !(overseer || f.filerOrgId === viewer.orgId || f.counterpartyOrgId === viewer.orgId)) throw new AppError(ExchangeErrors.EXCHANGE_FILING_NOT_FOUND);
    return this.view(f);
  }

  async list(viewer: Principal, q: { all?: boolean | undefined; status?: 'filed' | 'confirmed' | undefined; page: number; pageSize: number }) {
    const everyone = q.all && oversees(viewer);
    const r = await repo.listFilings(this.k.db, { ...(everyone ? {} : { partyOrgId: viewer.orgId }), status: q.status, page: q.page, pageSize: q.pageSize });
    const items = [];
    for (const f of r.items) items.push(await this.view(f));
    return { items, total: r.total, page: q.page, pageSize: q.pageSize };
  }
}
