import type { Migration } from '../../platform/database/migrator.js';

/** The gateway's tables: grants, call records, usage, commitments. Names 20261130T14xx_… */
export const gatewayMigrations: Migration[] = [
  {
    // Grants: what a grantee organisation may read of a resource (fields, rows, period, rate,
    // quota, masking). Resources and organisations are referenced by id only (checked through
    // catalog's and identity's services, never their tables — DESIGN.md §3).
    name: '20261130T1400_gateway_grants',
    statements: [
      `create table gateway_grant (
        id text primary key,
        kind text not null,
        source_ref text not null,
        resource_id text not null,
        grantor_org_id text not null,
        grantee_org_id text not null,
        fields jsonb not null,
        row_filter jsonb,
        purpose text,
        valid_from timestamptz not null,
        expires_at timestamptz,
        rate_per_minute integer,
        daily_row_quota bigint,
        masking jsonb,
        salt_sealed text not null,
        status text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        revoked_at timestamptz,
        revoke_reason text,
        constraint gateway_grant_kind_check check (kind in ('sharing', 'open_key', 'open_application', 'direct', 'authorization', 'contract')),
        constraint gateway_grant_status_check check (status in ('active', 'revoked', 'expired')),
        constraint gateway_grant_period_check check (expires_at is null or expires_at > valid_from),
        constraint gateway_grant_rate_check check (rate_per_minute is null or rate_per_minute > 0),
        constraint gateway_grant_quota_check check (daily_row_quota is null or daily_row_quota > 0),
        constraint gateway_grant_revoked_check check ((status = 'revoked') = (revoked_at is not null))
      )`,
      `create index gateway_grant_grantee on gateway_grant (grantee_org_id, resource_id, created_at)`,
      `create index gateway_grant_grantor on gateway_grant (grantor_org_id, created_at)`,
      `create index gateway_grant_resource on gateway_grant (resource_id)`,
      `create index gateway_grant_source_ref on gateway_grant (source_ref)`,
    ],
  },
  {
    // Metering and evidence: one row per data call (written in batches), usage per grant per day,
    // and commitments — one ledger event per grant per interval carrying the RFC 9162 Merkle root
    // over that interval's call-record hashes, so any call can be proven.
    name: '20261130T1410_gateway_metering',
    statements: [
      `create table gateway_call (
        id text primary key,
        grant_id text,
        resource_id text not null,
        caller_org_id text not null,
        grantor_org_id text,
        user_id text,
        api_key_id text,
        called_at timestamptz not null,
        filters_digest text not null,
        rows integer not null,
        bytes bigint not null,
        status integer not null,
        code text,
        record_hash text not null,
        commitment_id text,
        leaf_index integer
      )`,
      `create index gateway_call_grant on gateway_call (grant_id, called_at)`,
      `create index gateway_call_caller on gateway_call (caller_org_id, called_at)`,
      `create index gateway_call_grantor on gateway_call (grantor_org_id, called_at)`,
      `create index gateway_call_time on gateway_call (called_at)`,
      `create index gateway_call_commitment on gateway_call (commitment_id, leaf_index)`,
      `create table gateway_usage (
        grant_id text not null,
        day date not null,
        calls bigint not null,
        refused bigint not null,
        rows bigint not null,
        bytes bigint not null,
        primary key (grant_id, day)
      )`,
      `create table gateway_commitment (
        id text primary key,
        grant_id text,
        first_at timestamptz not null,
        last_at timestamptz not null,
        calls integer not null,
        rows bigint not null,
        bytes bigint not null,
        root text not null,
        event_id text not null,
        created_at timestamptz not null
      )`,
      `create index gateway_commitment_grant on gateway_commitment (grant_id, created_at)`,
    ],
  },
  {
    // Grants that count uses (a data subject's authorization, 数据主体授权: "maximum number of
    // uses"): every delivered call takes one use in the same statement that checks the limit,
    // so concurrent calls never overshoot. Kind 'consent' is such a grant.
    name: '20261201T1200_gateway_grant_uses',
    statements: [
      'alter table gateway_grant drop constraint gateway_grant_kind_check',
      "alter table gateway_grant add constraint gateway_grant_kind_check check (kind in ('sharing', 'open_key', 'open_application', 'direct', 'authorization', 'consent', 'contract'))",
      'alter table gateway_grant add column max_calls bigint',
      'alter table gateway_grant add column calls_used bigint not null default 0',
      'alter table gateway_grant add constraint gateway_grant_max_calls_check check (max_calls is null or max_calls > 0)',
    ],
  },
  {
    // The expiry sweep and the used-up check read active grants by expiry and by use count; with
    // millions of grants (data-subject authorizations) they need their own partial indexes.
    name: '20261201T1210_gateway_grant_sweep_indexes',
    statements: [
      `create index gateway_grant_active_expiry on gateway_grant (expires_at) where status = 'active' and expires_at is not null`,
      `create index gateway_grant_used_up on gateway_grant (kind, source_ref) where status = 'active' and max_calls is not null and calls_used >= max_calls`,
    ],
  },
];
