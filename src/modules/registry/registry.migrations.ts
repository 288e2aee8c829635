import type { Migration } from '../../platform/database/migrator.js';

/** The registry module's tables. Names 20261210T11xx_… */
export const registryMigrations: Migration[] = [
  {
    // Asset registration (资产登记): applications with their scenario, sources and three rights; the
    // compliance committee's reviewer pool, panels (seed and eligible list kept for reproduction) and
    // votes; public objections during publicity; per-year registration number counters.
    // Organisations, users, resources, products, agreements and consents are referenced by id only.
    name: '20261210T1100_registry',
    statements: [
      `create table registry_reviewer (
        id text primary key,
        user_id text not null unique,
        org_id text not null,
        name text not null,
        expertise jsonb not null,
        status text not null,
        created_at timestamptz not null,
        constraint registry_reviewer_status_check check (status in ('active', 'retired'))
      )`,
      `create table registry_application (
        id text primary key,
        type text not null,
        object_kind text not null,
        applicant_org_id text not null,
        title_zh text not null,
        title_en text not null,
        description text not null,
        resource_id text,
        product_id text,
        scenario jsonb,
        sources jsonb not null,
        rights jsonb not null,
        grading jsonb,
        status text not null,
        seed text,
        seed_event_id text,
        eligible jsonb,
        recused jsonb,
        panel jsonb,
        decision jsonb,
        decided_by_org_id text,
        publicity_until timestamptz,
        registration_number text unique,
        registered_event jsonb,
        reason text,
        created_at timestamptz not null,
        submitted_at timestamptz,
        decided_at timestamptz,
        registered_at timestamptz,
        updated_at timestamptz not null
      )`,
      `create index registry_application_applicant on registry_application (applicant_org_id, created_at desc, id)`,
      `create index registry_application_status on registry_application (status, updated_at desc, id)`,
      `create table registry_vote (
        application_id text not null references registry_application (id),
        reviewer_id text not null references registry_reviewer (id),
        vote text not null,
        opinion text not null,
        voted_at timestamptz not null,
        primary key (application_id, reviewer_id),
        constraint registry_vote_check check (vote in ('approve', 'reject'))
      )`,
      `create table registry_objection (
        id text primary key,
        application_id text not null references registry_application (id),
        org_id text not null,
        reason text not null,
        status text not null,
        resolution text,
        created_at timestamptz not null,
        resolved_at timestamptz,
        constraint registry_objection_status_check check (status in ('open', 'upheld', 'dismissed'))
      )`,
      `create index registry_objection_application on registry_objection (application_id, created_at)`,
      `create table registry_number_counter (
        year integer primary key,
        seq integer not null
      )`,
    ],
  },
  {
    // Valuation reports (价值评估报告) of registered or pending assets: the methods' inputs and results,
    // the reconciled value in fen, the report document sealed by the valuer (or the holder's self-estimate).
    name: '20261210T1110_registry_valuations',
    statements: [
      `create table registry_valuation (
        id text primary key,
        application_id text not null references registry_application (id),
        holder_org_id text not null,
        valuer_org_id text not null,
        kind text not null,
        base_date text not null,
        value_fen text not null,
        report jsonb not null,
        seal jsonb not null,
        created_at timestamptz not null,
        constraint registry_valuation_kind_check check (kind in ('appraisal', 'self_estimate'))
      )`,
      `create index registry_valuation_application on registry_valuation (application_id, created_at desc, id)`,
    ],
  },
  {
    // Data-asset accounting (数据资产入表, 财会〔2023〕11号): an enterprise's registered assets as recognised
    // on its books — class, source, capitalized cost and its lines, useful life and amortization start.
    name: '20261210T1120_registry_accounting',
    statements: [
      `create table registry_accounting_asset (
        id text primary key,
        org_id text not null,
        application_id text not null unique references registry_application (id),
        class text not null,
        classification jsonb not null,
        source text not null,
        cost jsonb not null,
        capitalized_fen text not null,
        recognized_on text not null,
        life_months integer,
        residual_fen text not null,
        start_month text,
        created_at timestamptz not null,
        constraint registry_accounting_class_check check (class in ('inventory', 'intangible', 'development', 'expensed'))
      )`,
      `create index registry_accounting_org on registry_accounting_asset (org_id, recognized_on)`,
    ],
  },
  {
    // Registrations after the first (变更/转移/许可/注销/撤销/异议/更正) on a registered asset. Every
    // application names its asset (a first registration: its own id); a change-type one holds the
    // asset's whole resulting record and the record it was based on (a stale base is refused). The
    // asset (the first registration's row) keeps its state, current holder, current record, revision
    // count and any running dispute (异议登记).
    name: '20261210T1130_registry_subsequent',
    statements: [
      `alter table registry_application add column asset_id text`,
      `update registry_application set asset_id = id`,
      `alter table registry_application alter column asset_id set not null`,
      `alter table registry_application add column based_on text`,
      `alter table registry_application add column counterparty_org_id text`,
      `alter table registry_application add column licence jsonb`,
      `alter table registry_application add column grounds text`,
      `alter table registry_application add column asset_status text`,
      `alter table registry_application add column holder_org_id text`,
      `alter table registry_application add column current_id text`,
      `alter table registry_application add column revision integer not null default 0`,
      `alter table registry_application add column dispute_until timestamptz`,
      `update registry_application set asset_status = 'active', holder_org_id = applicant_org_id, current_id = id where status = 'registered' and type = 'first'`,
      `alter table registry_application add constraint registry_application_asset_status_check check (asset_status is null or asset_status in ('active', 'cancelled', 'revoked'))`,
      `create index registry_application_asset on registry_application (asset_id, created_at, id)`,
      `create index registry_application_holder on registry_application (holder_org_id, registered_at desc, id) where holder_org_id is not null`,
    ],
  },
];
