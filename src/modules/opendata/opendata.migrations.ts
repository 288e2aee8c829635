import type { Migration } from '../../platform/database/migrator.js';

/** The open-data portal's tables: developers, developer keys, applications, apps. Names 20261130T16xx_… */
export const opendataMigrations: Migration[] = [
  {
    // Developers are organisations (identity) with a developer profile here; keys and approved
    // applications are gateway grants (referenced by id). Organisations, resources and grants are
    // referenced by id only, never by foreign keys into other modules' tables (DESIGN.md §3).
    name: '20261130T1600_opendata_developers',
    statements: [
      `create table opendata_developer (
        org_id text primary key,
        contact_name text not null,
        contact_email text not null,
        contact_phone text,
        description text,
        status text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint opendata_developer_status_check check (status in ('active', 'suspended'))
      )`,
      `create table opendata_key (
        id text primary key,
        developer_org_id text not null,
        resource_id text not null,
        grantor_org_id text not null,
        grant_id text not null,
        status text not null,
        created_at timestamptz not null,
        revoked_at timestamptz,
        constraint opendata_key_status_check check (status in ('active', 'revoked'))
      )`,
      // One live key per developer and dataset.
      `create unique index opendata_key_active_key on opendata_key (developer_org_id, resource_id) where status = 'active'`,
      `create index opendata_key_developer on opendata_key (developer_org_id, created_at)`,
      `create table opendata_application (
        id text primary key,
        developer_org_id text not null,
        resource_id text not null,
        grantor_org_id text not null,
        purpose text not null,
        agreement text not null,
        fields jsonb not null,
        expires_at timestamptz,
        status text not null,
        reason text,
        grant_id text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        decided_at timestamptz,
        constraint opendata_application_status_check check (status in ('submitted', 'approved', 'rejected', 'withdrawn', 'revoked')),
        constraint opendata_application_grant_check check ((status in ('approved', 'revoked')) = (grant_id is not null))
      )`,
      `create index opendata_application_developer on opendata_application (developer_org_id, created_at)`,
      `create index opendata_application_grantor on opendata_application (grantor_org_id, status, created_at)`,
      `create table opendata_app (
        id text primary key,
        developer_org_id text not null,
        name_zh text not null,
        name_en text not null,
        description_zh text not null,
        description_en text not null,
        url text not null,
        dataset_ids jsonb not null,
        status text not null,
        reason text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        reviewed_at timestamptz,
        constraint opendata_app_status_check check (status in ('submitted', 'approved', 'rejected', 'delisted'))
      )`,
      `create index opendata_app_status on opendata_app (status, created_at)`,
      `create index opendata_app_developer on opendata_app (developer_org_id, created_at)`,
    ],
  },
];
