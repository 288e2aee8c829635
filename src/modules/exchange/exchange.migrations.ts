import type { Migration } from '../../platform/database/migrator.js';

/** The exchange module's tables. Names 20261220T09xx_… */
export const exchangeMigrations: Migration[] = [
  {
    // The exchange's books (账簿, double-entry, integer fen — distinct from the evidence ledger):
    // accounts (a member's or the exchange's own), journals (one balanced posting set, unique by its
    // reference so that a re-run posts nothing twice) and their lines. An account's balance is kept
    // with it, debit-positive, and checked against its lines by `liutong books reconcile`.
    name: '20261220T0900_exchange_books',
    statements: [
      `create table exchange_account (
        id text primary key,
        org_id text,
        kind text not null,
        ref text,
        normal_side text not null,
        allow_negative boolean not null,
        balance_fen bigint not null default 0,
        created_at timestamptz not null,
        constraint exchange_account_side_check check (normal_side in ('debit', 'credit'))
      )`,
      `create unique index exchange_account_key on exchange_account (coalesce(org_id, ''), kind, coalesce(ref, ''))`,
      `create table exchange_journal (
        id text primary key,
        kind text not null,
        ref text not null unique,
        memo text not null,
        lines integer not null,
        total_debit_fen bigint not null,
        posted_at timestamptz not null
      )`,
      `create table exchange_posting (
        journal_id text not null references exchange_journal (id),
        line integer not null,
        account_id text not null references exchange_account (id),
        amount_fen bigint not null,
        primary key (journal_id, line),
        constraint exchange_posting_nonzero check (amount_fen <> 0)
      )`,
      `create index exchange_posting_account on exchange_posting (account_id)`,
    ],
  },
];
