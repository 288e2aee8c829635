/**
 * exchange — the data exchange (数据交易所). So far its books (账簿): double-entry accounts in
 * integer fen, balanced journals posted exactly once per reference, reconciliation. Membership,
 * listing, negotiation, escrow, delivery, settlement and disclosure build on them (issue #7). The
 * only face other modules may import.
 *
 * Module order: … → registry → certificates → exchange.
 */
import type { Kernel } from '../../platform/kernel.js';
import './exchange.events.js';
import { exchangeMigrations } from './exchange.migrations.js';
import { BookService } from './book.service.js';
export { reconcileBooks } from './book.service.js';

export { ExchangeErrors } from './exchange.errors.js';
export { ACCOUNT_KINDS, onNormalSide, parseFen, unbalanced } from './book.rules.js';
export type { AccountKind } from './book.rules.js';
export type { BookService, JournalInput, ReconcileReport } from './book.service.js';

export interface ExchangeService {
  books: BookService;
}

export const exchangeModule = {
  name: 'exchange',
  migrations: exchangeMigrations,
  create(kernel: Kernel): ExchangeService {
    return { books: new BookService(kernel) };
  },
};
