import type { Migration } from '../../platform/database/migrator.js';

/** Mounting (挂接): the row store and mounts. Names 20261130T10xx_… */
export const mountMigrations: Migration[] = [
  {
    // Mounted data (挂接). Uploaded originals are kept content-addressed (sha256, deduplicated);
    // every resource's rows live in ONE catalog-owned table keyed by (resource, version, key) —
    // no per-resource DDL. A mount is either a table (rows from a file) or an external HTTP API
    // the gateway proxies. One mount per resource version; re-mounting replaces it.
    name: '20261130T1000_catalog_mounts',
    statements: [
      `create table catalog_mount_file (
        sha256 text primary key,
        format text not null,
        size_bytes integer not null,
        content bytea not null,
        created_at timestamptz not null,
        constraint catalog_mount_file_format_check check (format in ('csv', 'xlsx', 'parquet'))
      )`,
      `create table catalog_mount (
        resource_id text not null,
        version integer not null,
        kind text not null,
        file_sha256 text references catalog_mount_file (sha256),
        file_format text,
        row_count integer,
        key_fields jsonb,
        field_types jsonb,
        upstream_url text,
        key_param text,
        timeout_ms integer,
        mounted_at timestamptz not null,
        mounted_by text,
        primary key (resource_id, version),
        foreign key (resource_id, version) references catalog_resource_version (resource_id, version),
        constraint catalog_mount_kind_check check (kind in ('table', 'api')),
        constraint catalog_mount_table_check check ((kind = 'table') = (file_sha256 is not null and row_count is not null)),
        constraint catalog_mount_api_check check ((kind = 'api') = (upstream_url is not null and timeout_ms is not null))
      )`,
      // The row store: key = the key fields' values joined with U+001F (or the row's ordinal when
      // the resource declares no key). The primary key is the (resource, version, key) index.
      `create table catalog_row (
        resource_id text not null,
        version integer not null,
        key text not null,
        row jsonb not null,
        primary key (resource_id, version, key)
      )`,
    ],
  },
];

/** Later mount migrations (after the lists' T13xx), 20261201T10xx_… */
export const mountLaterMigrations: Migration[] = [
  {
    // Removing the data of a draft version (DELETE …/mount) leaves a tombstone of kind 'none' on
    // that version, so an earlier version's data stops carrying forward to it. A table mount
    // records which field each column of its original was read as, so the original can be checked
    // again when the fields change (labels may have changed since).
    name: '20261201T1000_catalog_mount_removed',
    statements: [
      'alter table catalog_mount add column columns jsonb',
      'alter table catalog_mount drop constraint catalog_mount_kind_check',
      "alter table catalog_mount add constraint catalog_mount_kind_check check (kind in ('table', 'api', 'none'))",
    ],
  },
];
