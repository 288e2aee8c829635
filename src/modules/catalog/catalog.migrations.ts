import type { Migration } from '../../platform/database/migrator.js';
import { mountLaterMigrations, mountMigrations } from './mount.migrations.js';
import { qualityMigrations } from './quality.migrations.js';
import { searchMigrations } from './search.migrations.js';
import { listMigrations } from './list.migrations.js';

const baseMigrations: Migration[] = [
  {
    // The data element standard (公共数据元). No foreign keys into identity's tables: organisations
    // are checked through identity's service (DESIGN.md §3).
    name: '20261123T1900_catalog_elements',
    statements: [
      `create table catalog_element (
        id text primary key,
        identifier text not null,
        name_zh text not null,
        name_en text not null,
        definition_zh text,
        definition_en text,
        data_type text not null,
        format jsonb,
        code_list jsonb,
        unit text,
        version integer not null,
        source_org_id text not null,
        owner_org_id text not null,
        status text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint catalog_element_data_type_check check (data_type in ('string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'code')),
        constraint catalog_element_status_check check (status in ('active', 'retired')),
        constraint catalog_element_version_check check (version >= 1),
        constraint catalog_element_code_list_check check ((data_type = 'code') = (code_list is not null)),
        constraint catalog_element_definition_check check ((definition_zh is null) = (definition_en is null))
      )`,
      `create unique index catalog_element_identifier_key on catalog_element (identifier)`,
      // 一数一标准: one active element per data item.
      `create unique index catalog_element_name_zh_active_key on catalog_element (lower(name_zh)) where status = 'active'`,
      `create index catalog_element_source_org on catalog_element (source_org_id)`,
      `create index catalog_element_created on catalog_element (created_at, id)`,
    ],
  },
  {
    // The category tree (资源分类), the resource catalog (数据资源目录) with versions and fields, and
    // classification and grading (分类分级, GB/T 43697-2024). The tree is seeded with the base
    // databases (基础库) and theme databases (主题库); the data bureau configures it further.
    // Organisations are referenced by id only (checked through identity's service).
    name: '20261124T1000_catalog_resources',
    statements: [
      `create table catalog_category (
        id text primary key,
        code text not null,
        parent_id text references catalog_category (id),
        name_zh text not null,
        name_en text not null,
        sort_order integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint catalog_category_not_own_parent check (parent_id is null or parent_id <> id)
      )`,
      `create unique index catalog_category_code_key on catalog_category (code)`,
      `create index catalog_category_parent on catalog_category (parent_id)`,
      `insert into catalog_category (id, code, parent_id, name_zh, name_en, sort_order, created_at, updated_at) values
        ('cat_base0000000000000000', 'base', null, '基础库', 'Base databases', 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_base0000000000000001', 'base.population', 'cat_base0000000000000000', '人口', 'Population', 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_base0000000000000002', 'base.legal_person', 'cat_base0000000000000000', '法人', 'Legal persons', 2, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_base0000000000000003', 'base.geospatial', 'cat_base0000000000000000', '空间地理', 'Spatial and geographic', 3, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_base0000000000000004', 'base.e_license', 'cat_base0000000000000000', '电子证照', 'Electronic licences and certificates', 4, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_theme000000000000000', 'theme', null, '主题库', 'Theme databases', 2, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_theme000000000000001', 'theme.credit', 'cat_theme000000000000000', '信用', 'Credit', 1, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_theme000000000000002', 'theme.finance', 'cat_theme000000000000000', '金融', 'Finance', 2, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_theme000000000000003', 'theme.health', 'cat_theme000000000000000', '医疗', 'Health care', 3, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_theme000000000000004', 'theme.transport', 'cat_theme000000000000000', '交通', 'Transport', 4, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_theme000000000000005', 'theme.ecology', 'cat_theme000000000000000', '生态', 'Ecology and environment', 5, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z'),
        ('cat_theme000000000000006', 'theme.market_regulation', 'cat_theme000000000000000', '市场监管', 'Market regulation', 6, '2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z')`,
      `create table catalog_resource (
        id text primary key,
        source_org_id text not null,
        scope text not null,
        head_version integer not null,
        status text not null,
        live_version integer,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint catalog_resource_scope_check check (scope in ('public', 'social')),
        constraint catalog_resource_status_check check (status in ('draft', 'submitted', 'published', 'deprecated'))
      )`,
      `create index catalog_resource_source_org on catalog_resource (source_org_id, created_at)`,
      `create index catalog_resource_scope_status on catalog_resource (scope, status)`,
      `create table catalog_resource_version (
        resource_id text not null references catalog_resource (id),
        version integer not null,
        status text not null,
        title_zh text not null,
        title_en text not null,
        description_zh text,
        description_en text,
        category_id text not null references catalog_category (id),
        system_name text,
        update_frequency text not null,
        time_from date,
        time_to date,
        coverage text,
        format text not null,
        level text,
        general_level integer,
        personal_info text not null,
        sharing jsonb,
        open jsonb,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        submitted_at timestamptz,
        published_at timestamptz,
        primary key (resource_id, version),
        constraint catalog_resource_version_status_check check (status in ('draft', 'submitted', 'published', 'superseded', 'deprecated')),
        constraint catalog_resource_version_frequency_check check (update_frequency in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular')),
        constraint catalog_resource_version_format_check check (format in ('table', 'api', 'file')),
        constraint catalog_resource_version_level_check check (level is null or level in ('core', 'important', 'general')),
        constraint catalog_resource_version_general_check check ((level = 'general') = (general_level is not null)),
        constraint catalog_resource_version_pi_check check (personal_info in ('none', 'personal', 'sensitive')),
        constraint catalog_resource_version_span_check check (time_from is null or time_to is null or time_from <= time_to)
      )`,
      `create index catalog_resource_version_category on catalog_resource_version (category_id)`,
      `create table catalog_resource_field (
        resource_id text not null,
        version integer not null,
        position integer not null,
        name text not null,
        label_zh text not null,
        label_en text not null,
        element_id text,
        element_identifier text,
        data_type text not null,
        format jsonb,
        is_key boolean not null,
        level text,
        general_level integer,
        personal_info text,
        sensitive_categories jsonb,
        primary key (resource_id, version, name),
        foreign key (resource_id, version) references catalog_resource_version (resource_id, version),
        constraint catalog_resource_field_level_check check (level is null or level in ('core', 'important', 'general')),
        constraint catalog_resource_field_general_check check ((level = 'general') = (general_level is not null)),
        constraint catalog_resource_field_pi_check check (personal_info is null or personal_info in ('none', 'personal', 'sensitive'))
      )`,
    ],
  },
];

/**
 * Later parts of the catalogue keep their migrations beside their code; the migrator requires
 * names in increasing order within the module: mount 20261130T10xx, quality T11xx, search T12xx,
 * lists T13xx; later mount changes 20261201T10xx.
 */
export const catalogMigrations: Migration[] = [...baseMigrations, ...mountMigrations, ...qualityMigrations, ...searchMigrations, ...listMigrations, ...mountLaterMigrations];
