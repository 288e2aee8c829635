/**
 * exchange — the data exchange (数据交易所): its books (账簿: double-entry accounts in integer fen,
 * balanced journals posted exactly once per reference, reconciliation), members, brokers and
 * mandates, and listings (挂牌) with their gates and compliance assessments. Negotiation, escrow,
 * delivery, settlement and disclosure build on them (issue #7). The only face other modules may import.
 *
 * Module order: … → gateway → … → registry → certificates → exchange (the exchange issues transaction certificates
 * through certificates and opens API delivery as gateway grants).
 */
import type { Kernel } from '../../platform/kernel.js';
import './exchange.events.js';
import type { App } from '../../platform/http/server.js';
import { exchangeMigrations } from './exchange.migrations.js';
import { exchangeRoutes } from './exchange.routes.js';
import { BookService } from './book.service.js';
import { MemberService } from './member.service.js';
import { ListingService, type ListingSources } from './listing.service.js';
import { NegotiationService } from './negotiation.service.js';
import { DeliveryService } from './delivery.service.js';
import { SettlementService } from './settlement.service.js';
import { DisclosureService } from './disclosure.service.js';
import { DisputeService } from './dispute.service.js';
import { FilingService } from './filing.service.js';
import { AttachmentService } from './attachment.service.js';
import type { ContractSealer, TransactionCertifier } from './contract.seals.js';
import type { ContractGrants } from './delivery.service.js';
import type { ExchangeDirectory } from './organisation.names.js';
export { reconcileBooks } from './book.service.js';

export { ExchangeErrors } from './exchange.errors.js';
export { ACCOUNT_KINDS, onNormalSide, parseFen, unbalanced } from './book.rules.js';
export type { AccountKind } from './book.rules.js';
export type { BookService, JournalInput, ReconcileReport } from './book.service.js';
export type { MemberService } from './member.service.js';
export type { ExchangeDirectory } from './organisation.names.js';
export type { ListingService, ListingSources, NewListing, ListingContent } from './listing.service.js';
export type { NegotiationService, OpenNegotiation } from './negotiation.service.js';
export type { DeliveryService, ContractGrants } from './delivery.service.js';
export type { SettlementService } from './settlement.service.js';
export type { DisclosureService } from './disclosure.service.js';
export type { DisputeService } from './dispute.service.js';
export type { FilingService } from './filing.service.js';
export type { AttachmentService, NewAttachment } from './attachment.service.js';
export { disclose, MIN_DEALS } from './disclosure.rules.js';
export { split, settlementLines } from './settlement.rules.js';
export type { ContractSealer, TransactionCertifier } from './contract.seals.js';
export { NEGOTIATION_STATES, contractText, amountOf } from './negotiation.rules.js';
export type { Terms, NegotiationState } from './negotiation.rules.js';
export { LISTING_CATEGORIES, LISTING_REGIONS, DATA_KINDS, CHECKLIST_ITEMS, odrlOffer, listingTerms, listingDigest } from './listing.rules.js';
export { MEMBER_KINDS, SERVICE_KINDS, brokerStanding, commissionFen, mandateCovers } from './member.rules.js';
export type { MemberKind, ServiceKind } from './member.rules.js';

export interface ExchangeService {
  books: BookService;
  members: MemberService;
  listings: ListingService;
  negotiations: NegotiationService;
  deliveries: DeliveryService;
  settlements: SettlementService;
  disclosure: DisclosureService;
  disputes: DisputeService;
  filings: FilingService;
  attachments: AttachmentService;
}

export interface ExchangeDeps {
  organisations: ExchangeDirectory;
  /** The registry and authorized operation, for listing's gates. */
  listingSources: ListingSources;
  /** identity's electronic seals, for contracts. */
  seals: ContractSealer;
  /** certificates' transaction certificate. */
  certificates: TransactionCertifier;
  /** the gateway's grants, for API delivery of contracts. */
  grants: ContractGrants;
}

export const exchangeModule = {
  name: 'exchange',
  migrations: exchangeMigrations,
  create(kernel: Kernel, deps: ExchangeDeps): ExchangeService {
    const members = new MemberService(kernel, deps.organisations);
    const books = new BookService(kernel);
    const listings = new ListingService(kernel, deps.organisations, members, deps.listingSources);
    const settlements = new SettlementService(kernel, books);
    return {
      books, members, listings, settlements, disclosure: new DisclosureService(kernel),
      negotiations: new NegotiationService(kernel, deps.organisations, members, listings, books, deps.seals, deps.certificates),
      deliveries: new DeliveryService(kernel, listings, settlements, books, deps.grants),
      disputes: new DisputeService(kernel, members, listings, settlements, books, deps.organisations),
      filings: new FilingService(kernel, deps.organisations, members, deps.listingSources),
      attachments: new AttachmentService(kernel, members),
    };
  },
  /** Accepts deliveries whose acceptance period ended (every minute); returns the stop function. */
  startSweeper(kernel: Kernel, svc: ExchangeService): () => void {
    const timer = setInterval(() => {
      svc.deliveries.sweep().catch((err: unknown) => kernel.logger.error({ err }, 'exchange acceptance sweep failed; will retry'));
    }, 60_000);
    timer.unref();
    return () => clearInterval(timer);
  },
  async routes(app: App, svc: ExchangeService, deps: { organisations: { get(orgId: string): Promise<{ id: string; status: string }> } }): Promise<void> {
    await exchangeRoutes(app, svc, deps.organisations);
  },
};
