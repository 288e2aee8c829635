import type { Migration } from '../../platform/database/migrator.js';

/** Quality rules and reports. Names 20261130T11xx_… */
export const qualityMigrations: Migration[] = [
  {
    // Data quality (质量, GB/T 36344-2018): user rules per resource (one list, replaced as a
    // whole) and reports per resource version (the newest is the one that gates publishing).
    name: '20261130T1100_catalog_quality',
    statements: [
      `create table catalog_quality_rules (
        resource_id text primary key references catalog_resource (id),
        rules jsonb not null,
        updated_at timestamptz not null
      )`,
      `create table catalog_quality_report (
        id text primary key,
        resource_id text not null references catalog_resource (id),
        version integer not null,
        data_version integer,
        rows_profiled integer not null,
        overall numeric(5, 2) not null,
        scores jsonb not null,
        rules jsonb not null,
        samples jsonb not null,
        threshold integer not null,
        created_at timestamptz not null
      )`,
      `create index catalog_quality_report_version on catalog_quality_report (resource_id, version, created_at desc)`,
    ],
  },
];
