import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { isDateText, shanghaiDate } from '../../platform/calendar/working-day.calendar.js';
import { ExchangeErrors, stateConflict } from './exchange.errors.js';
import type { MemberService } from './member.service.js';
import { oversees } from './organisation.names.js';
import * as nrepo from './negotiation.repository.js';
import * as repo from './attachment.repository.js';

export interface NewAttachment {
  kind: 'insurance' | 'custody';
  /** Whose interest it covers: the buyer or the seller of the contract. */
  beneficiary: 'buyer' | 'seller';
  reference: string;
  description: string;
  coverageFen?: string | undefined;
  premiumFen?: string | undefined;
  validUntil?: string | undefined;
  documentSha256?: string | undefined;
}

/**
 * Data insurance (数据保险) and custody (数据托管) attached to a contract by their providers — the
 * issue's "optional data insurance and custody attached to a contract by those providers"; the white
 * paper's third-party services around the exchange (保险、托管). The provider must be an active
 * service-provider member offering that service and not a party; the contract must be in force
 * (FINALIZED). Its parties, brokers, the exchange and the regulator see the attachments; each is
 * evidence (`exchange.contract.attached`) with the digest of the policy or custody agreement.
 */
export class AttachmentService {
  constructor(
    private readonly k: Kernel,
    private readonly members: MemberService,
  ) {}

  private view(a: repo.AttachmentRow) {
    return {
      id: a.id, negotiationId: a.negotiationId, providerOrgId: a.providerOrgId, kind: a.kind, beneficiaryOrgId: a.beneficiaryOrgId, reference: a.reference, description: a.description,
      coverageFen: a.coverageFen?.toString() ?? null, premiumFen: a.premiumFen?.toString() ?? null, validUntil: a.validUntil, documentSha256: a.documentSha256, createdAt: a.createdAt.toISOString(),
    };
  }

  private invalid(reason: string) {
    return new AppError(ExchangeErrors.EXCHANGE_ATTACHMENT_INVALID, { reason }, { reason });
  }

  /** The provider attaches its policy or custody agreement to a contract in force. */
  async attach(negotiationId: string, by: Principal, input: NewAttachment, requestId?: string) {
    const n = await nrepo.findNegotiation(this.k.db, negotiationId);
    // A provider sees no contract before it attaches: an unknown one and one not in force look alike to it only by state.
    if (!n) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    await this.members.requireService(by.orgId, input.kind);
    if ([n.sellerOrgId, n.buyerOrgId, n.sellerBrokerOrgId, n.buyerBrokerOrgId].includes(by.orgId)) throw this.invalid('provider_is_a_party');
    if (n.state !== 'FINALIZED') throw stateConflict(n.state, 'attach');
    const reference = input.reference.trim();
    const description = input.description.trim();
    if (!reference) throw this.invalid('reference_required');
    if (!description) throw this.invalid('description_required');
    if (input.validUntil !== undefined && (!isDateText(input.validUntil) || input.validUntil < shanghaiDate(this.k.clock.now()))) throw this.invalid('valid_until');
    if (input.kind === 'insurance' && input.coverageFen === undefined) throw this.invalid('coverage_required');
    const a: repo.AttachmentRow = {
      id: newId('att'), negotiationId, providerOrgId: by.orgId, kind: input.kind, beneficiaryOrgId: input.beneficiary === 'buyer' ? n.buyerOrgId : n.sellerOrgId, reference, description,
      coverageFen: input.coverageFen === undefined ? null : BigInt(input.coverageFen), premiumFen: input.premiumFen === undefined ? null : BigInt(input.premiumFen),
      validUntil: input.validUntil ?? null, documentSha256: input.documentSha256 ?? null, createdBy: by.userId ?? null, createdAt: this.k.clock.now(),
    };
    return this.k.transact(async (tx, emit) => {
      if (!(await repo.insertAttachment(tx, a))) throw stateConflict('attached', 'attach');
      await emit({
        type: 'exchange.contract.attached', subject: { type: 'exchange_negotiation', id: negotiationId }, orgId: by.orgId, actor: serviceActor(by), requestId,
        payload: { attachmentId: a.id, kind: a.kind, beneficiaryOrgId: a.beneficiaryOrgId, reference: a.reference, coverageFen: a.coverageFen?.toString() ?? null, premiumFen: a.premiumFen?.toString() ?? null, validUntil: a.validUntil, documentSha256: a.documentSha256 },
      });
      return this.view(a);
    });
  }

  /** A contract's attachments: its parties and brokers, the providers who attached, the exchange and the regulator. */
  async list(negotiationId: string, viewer: Principal) {
    const n = await nrepo.findNegotiation(this.k.db, negotiationId);
    const items = n ? await repo.attachmentsOf(this.k.db, negotiationId) : [];
    const party = n && [n.sellerOrgId, n.buyerOrgId, n.sellerBrokerOrgId, n.buyerBrokerOrgId].includes(viewer.orgId);
    const provider = items.some((a) => a.providerOrgId === viewer.orgId);
    if (!n || !(party || oversees(viewer) || provider)) throw new AppError(ExchangeErrors.EXCHANGE_NEGOTIATION_NOT_FOUND);
    // A provider sees its own attachments only (not another insurer's terms).
    return { items: items.filter((a) => party || oversees(viewer) || a.providerOrgId === viewer.orgId).map((a) => this.view(a)) };
  }

  /** The caller's attachments as a provider. */
  async mine(viewer: Principal, page: number, pageSize: number) {
    const r = await repo.attachmentsBy(this.k.db, viewer.orgId, page, pageSize);
    return { items: r.items.map((a) => this.view(a)), total: r.total, page, pageSize };
  }
}
