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
  {
    // Members (会员登记): one row per organisation and kind while it counts, with the exchange's
    // decision; their qualification files; broker certificates issued by the data bureau
    // (数据经纪人), with a yearly number sequence; broker mandates (委托) from a client; and the
    // sanctions disclosed on the market pages.
    name: '20261222T0900_exchange_members',
    statements: [
      `create table exchange_member (
        id text primary key,
        org_id text not null,
        kind text not null,
        services jsonb not null default '[]',
        status text not null,
        contact jsonb not null,
        statement text not null,
        reason text,
        applied_at timestamptz not null,
        decided_at timestamptz,
        decided_by text,
        updated_at timestamptz not null
      )`,
      `create unique index exchange_member_live on exchange_member (org_id, kind) where status in ('applied', 'active', 'suspended')`,
      `create index exchange_member_status on exchange_member (status, kind)`,
      `create table exchange_member_file (
        id text primary key,
        member_id text not null references exchange_member (id),
        name text not null,
        media_type text not null,
        size integer not null,
        sha256 text not null,
        content bytea not null,
        uploaded_at timestamptz not null
      )`,
      `create index exchange_member_file_member on exchange_member_file (member_id)`,
      `create table exchange_broker (
        id text primary key,
        org_id text not null,
        number text not null unique,
        industries jsonb not null,
        valid_from date not null,
        valid_until date not null,
        status text not null,
        reason text,
        issued_by text,
        issued_at timestamptz not null,
        updated_at timestamptz not null
      )`,
      `create unique index exchange_broker_live on exchange_broker (org_id) where status in ('active', 'suspended')`,
      `create table exchange_counter (
        name text primary key,
        value integer not null
      )`,
      `create table exchange_mandate (
        id text primary key,
        broker_org_id text not null,
        client_org_id text not null,
        side text not null,
        scope text not null,
        commission_bp integer not null,
        valid_until date not null,
        status text not null,
        created_by text,
        created_at timestamptz not null,
        ended_at timestamptz,
        ended_by_org text,
        constraint exchange_mandate_commission check (commission_bp between 0 and 10000)
      )`,
      `create index exchange_mandate_broker on exchange_mandate (broker_org_id, status)`,
      `create index exchange_mandate_client on exchange_mandate (client_org_id, status)`,
      `create table exchange_sanction (
        id text primary key,
        subject_type text not null,
        subject_id text not null,
        org_id text not null,
        action text not null,
        reason text not null,
        at timestamptz not null
      )`,
      `create index exchange_sanction_at on exchange_sanction (at desc)`,
    ],
  },
  {
    // Listings (挂牌): a registered asset offered by its holder (or its broker under a mandate), with
    // a sample, delivery methods, pricing and a usage policy; the compliance assessment (合规评估)
    // that binds to the content's digest; the search terms of listed listings (GIN, as the catalog's).
    name: '20261223T0900_exchange_listings',
    statements: [
      `create table exchange_listing (
        id text primary key,
        seller_org_id text not null,
        broker_org_id text,
        mandate_id text,
        asset_id text not null,
        registration_number text not null,
        title_zh text not null,
        title_en text not null,
        description_zh text not null,
        description_en text not null,
        category text not null,
        region text not null,
        data_kinds jsonb not null,
        sample jsonb not null,
        delivery_methods jsonb not null,
        pricing jsonb not null,
        policy jsonb not null,
        public_data jsonb,
        status text not null,
        digest text not null,
        assessor_org_id text,
        assessment_id text,
        exchange_org_id text,
        reason text,
        terms text[] not null,
        created_by text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        submitted_at timestamptz,
        listed_at timestamptz,
        ended_at timestamptz
      )`,
      `create index exchange_listing_seller on exchange_listing (seller_org_id, status)`,
      `create index exchange_listing_broker on exchange_listing (broker_org_id, status)`,
      `create index exchange_listing_assessor on exchange_listing (assessor_org_id, status)`,
      `create index exchange_listing_status on exchange_listing (status, listed_at desc, id desc)`,
      `create index exchange_listing_asset on exchange_listing (asset_id)`,
      `create index exchange_listing_terms on exchange_listing using gin (terms) where status = 'listed'`,
      `create table exchange_assessment (
        id text primary key,
        listing_id text not null references exchange_listing (id),
        assessor_org_id text not null,
        assessor_user text,
        checklist jsonb not null,
        passed boolean not null,
        evidence text not null,
        listing_digest text not null,
        created_at timestamptz not null
      )`,
      `create index exchange_assessment_listing on exchange_assessment (listing_id, created_at)`,
    ],
  },
  {
    // Negotiations (Dataspace Protocol states) and the contracts they become: the terms on the table,
    // each move with its terms, the contract document with its digest and the parties' and brokers'
    // seals, the escrow journal.
    name: '20261224T0900_exchange_negotiations',
    statements: [
      `create table exchange_negotiation (
        id text primary key,
        listing_id text not null references exchange_listing (id),
        seller_org_id text not null,
        buyer_org_id text not null,
        seller_broker_org_id text,
        buyer_broker_org_id text,
        seller_mandate_id text,
        buyer_mandate_id text,
        state text not null,
        terms jsonb not null,
        amount_fen bigint not null,
        round integer not null,
        contract_number text unique,
        document text,
        document_digest text,
        seals jsonb not null,
        escrow_journal_id text,
        escrow_fen bigint not null default 0,
        uses integer not null default 0,
        reason text,
        starts_on date,
        ends_on date,
        delivered_at timestamptz,
        acceptance_due timestamptz,
        accepted_at timestamptz,
        accepted_by text,
        finalized_event jsonb,
        destruction jsonb,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        agreed_at timestamptz,
        verified_at timestamptz,
        finalized_at timestamptz,
        terminated_at timestamptz,
        constraint exchange_negotiation_state check (state in ('REQUESTED', 'OFFERED', 'ACCEPTED', 'AGREED', 'VERIFIED', 'FINALIZED', 'TERMINATED'))
      )`,
      `create index exchange_negotiation_seller on exchange_negotiation (seller_org_id, updated_at desc)`,
      `create index exchange_negotiation_buyer on exchange_negotiation (buyer_org_id, updated_at desc)`,
      `create index exchange_negotiation_brokers on exchange_negotiation (seller_broker_org_id, buyer_broker_org_id)`,
      `create index exchange_negotiation_listing on exchange_negotiation (listing_id)`,
      `create table exchange_negotiation_move (
        negotiation_id text not null references exchange_negotiation (id),
        seq integer not null,
        move text not null,
        from_state text,
        to_state text not null,
        side text not null,
        org_id text not null,
        terms jsonb,
        note text,
        at timestamptz not null,
        primary key (negotiation_id, seq)
      )`,
      `create index exchange_negotiation_acceptance on exchange_negotiation (acceptance_due) where accepted_at is null and acceptance_due is not null`,
      `create index exchange_negotiation_ends on exchange_negotiation (ends_on) where state = 'FINALIZED' and destruction is null`,
      `create table exchange_rating (
        negotiation_id text not null references exchange_negotiation (id),
        rater_org_id text not null,
        ratee_org_id text not null,
        score integer not null,
        comment text not null,
        at timestamptz not null,
        primary key (negotiation_id, rater_org_id),
        constraint exchange_rating_score check (score between 1 and 5)
      )`,
      `create index exchange_rating_ratee on exchange_rating (ratee_org_id, at desc)`,
      `create table exchange_dispute (
        id text primary key,
        negotiation_id text not null references exchange_negotiation (id),
        raised_by_org_id text not null,
        arbitrator_org_id text not null,
        claim text not null,
        claimed_refund_fen bigint not null,
        status text not null,
        ruling text,
        refund_fen bigint,
        created_at timestamptz not null,
        ruled_at timestamptz,
        constraint exchange_dispute_status check (status in ('open', 'ruled'))
      )`,
      `create unique index exchange_dispute_open on exchange_dispute (negotiation_id) where status = 'open'`,
      `create index exchange_dispute_arbitrator on exchange_dispute (arbitrator_org_id, status)`,
      `create table exchange_delivery (
        id text primary key,
        negotiation_id text not null references exchange_negotiation (id),
        method text not null,
        name text not null,
        media_type text not null,
        size integer not null,
        sha256 text not null,
        content bytea not null,
        note text not null,
        created_at timestamptz not null
      )`,
      `create index exchange_delivery_negotiation on exchange_delivery (negotiation_id)`,
      `create table exchange_download_link (
        token_hash text primary key,
        delivery_id text not null references exchange_delivery (id),
        negotiation_id text not null,
        expires_at timestamptz not null,
        created_at timestamptz not null
      )`,
      `create table exchange_settlement_batch (
        id text primary key,
        business_date date not null,
        items integer not null,
        amount_fen bigint not null,
        journal_id text not null,
        settled_at timestamptz not null
      )`,
      `create table exchange_settlement_item (
        negotiation_id text primary key references exchange_negotiation (id),
        buyer_org_id text not null,
        due_on date not null,
        amount_fen bigint not null,
        lines jsonb not null,
        status text not null,
        batch_id text,
        created_at timestamptz not null,
        settled_at timestamptz,
        constraint exchange_settlement_item_status check (status in ('pending', 'held', 'settled'))
      )`,
      `create index exchange_settlement_item_due on exchange_settlement_item (due_on, negotiation_id) where status = 'pending'`,
    ],
  },
];
