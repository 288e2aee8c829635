import type { Migration } from '../../platform/database/migrator.js';

export const catalogMigrations: Migration[] = [
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
];
