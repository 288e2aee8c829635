import type { Migration } from '../../platform/database/migrator.js';

/**
 * Three lists (三清单): the system list (信息系统清单) and the demand list (需求清单) — the data list
 * is the resource catalog itself — and the important-data catalogue (重要数据目录, GB/T 43697-2024).
 * Organisations are referenced by id only (checked through identity's service). Names 20261130T13xx_…
 */
export const listMigrations: Migration[] = [
  {
    name: '20261130T1300_catalog_systems',
    statements: [
      `create table catalog_system (
        id text primary key,
        org_id text not null,
        name_zh text not null,
        name_en text not null,
        department text,
        description_zh text,
        description_en text,
        status text not null,
        launch_year integer,
        hosting text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint catalog_system_status_check check (status in ('in_service', 'retired')),
        constraint catalog_system_year_check check (launch_year is null or launch_year between 1949 and 2200),
        constraint catalog_system_description_check check ((description_zh is null) = (description_en is null))
      )`,
      `create unique index catalog_system_name_key on catalog_system (org_id, lower(name_zh))`,
      `create index catalog_system_org on catalog_system (org_id, created_at)`,
      // A resource version declares the information system it comes from (the system must belong to
      // the resource's source unit; checked by the service). system_name stays as free text.
      `alter table catalog_resource_version add column system_id text references catalog_system (id)`,
      `create index catalog_resource_version_system on catalog_resource_version (system_id) where system_id is not null`,
    ],
  },
  {
    name: '20261130T1310_catalog_demands',
    statements: [
      `create table catalog_demand (
        id text primary key,
        org_id text not null,
        title_zh text not null,
        title_en text not null,
        description_zh text,
        description_en text,
        wanted_fields text,
        element_ids jsonb not null,
        purpose text not null,
        status text not null,
        close_reason text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        matched_at timestamptz,
        closed_at timestamptz,
        constraint catalog_demand_status_check check (status in ('open', 'matched', 'closed')),
        constraint catalog_demand_description_check check ((description_zh is null) = (description_en is null))
      )`,
      `create index catalog_demand_org on catalog_demand (org_id, created_at)`,
      `create index catalog_demand_status on catalog_demand (status, created_at)`,
      `create table catalog_demand_match (
        demand_id text not null references catalog_demand (id),
        resource_id text not null references catalog_resource (id),
        matched_by_org_id text not null,
        created_at timestamptz not null,
        primary key (demand_id, resource_id)
      )`,
      `create index catalog_demand_match_resource on catalog_demand_match (resource_id)`,
    ],
  },
  {
    name: '20261130T1320_catalog_important_data',
    statements: [
      `create table catalog_important_entry (
        id text primary key,
        owner_org_id text not null,
        sector text not null,
        name_zh text not null,
        name_en text not null,
        description_zh text,
        description_en text,
        element_identifiers jsonb not null,
        keywords jsonb not null,
        category_ids jsonb not null,
        status text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint catalog_important_entry_status_check check (status in ('active', 'retired')),
        constraint catalog_important_entry_description_check check ((description_zh is null) = (description_en is null))
      )`,
      `create index catalog_important_entry_sector on catalog_important_entry (sector, created_at)`,
    ],
  },
];
