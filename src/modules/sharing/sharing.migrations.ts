import type { Migration } from '../../platform/database/migrator.js';

/** The sharing module's tables. Names 20261130T15xx_… */
export const sharingMigrations: Migration[] = [
  {
    // Sharing requests (共享申请): one body asks a source unit for a published public-data resource.
    // Resources, organisations and grants are referenced by id only (checked through catalog's,
    // identity's and the gateway's services, never their tables — DESIGN.md §3). The resource
    // title and sharing attribute are copied as requested (what the requester saw).
    name: '20261130T1500_sharing_requests',
    statements: [
      `create table sharing_request (
        id text primary key,
        resource_id text not null,
        resource_version integer not null,
        resource_title_zh text not null,
        resource_title_en text not null,
        source_org_id text not null,
        requester_org_id text not null,
        sharing_type text not null,
        sharing_terms text,
        status text not null,
        fields jsonb not null,
        purpose text not null,
        legal_basis text not null,
        valid_from timestamptz not null,
        valid_to timestamptz not null,
        row_filter jsonb,
        rate_per_minute integer,
        granted_fields jsonb,
        granted_row_filter jsonb,
        granted_rate_per_minute integer,
        granted_from timestamptz,
        granted_to timestamptz,
        grant_id text,
        reason text,
        working_days integer,
        deadline_at timestamptz,
        overdue_flagged_at timestamptz,
        decided_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint sharing_request_type_check check (sharing_type in ('unconditional', 'conditional', 'none')),
        constraint sharing_request_status_check check (status in ('pending', 'granted', 'rejected', 'refused', 'withdrawn', 'revoked')),
        constraint sharing_request_period_check check (valid_to > valid_from),
        constraint sharing_request_rate_check check (rate_per_minute is null or rate_per_minute > 0),
        constraint sharing_request_pending_check check (status <> 'pending' or deadline_at is not null),
        constraint sharing_request_grant_check check (status not in ('granted', 'revoked') or grant_id is not null),
        constraint sharing_request_orgs_check check (source_org_id <> requester_org_id)
      )`,
      `create index sharing_request_requester on sharing_request (requester_org_id, created_at desc, id)`,
      `create index sharing_request_source on sharing_request (source_org_id, created_at desc, id)`,
      `create index sharing_request_resource on sharing_request (resource_id)`,
      `create index sharing_request_due on sharing_request (deadline_at) where status = 'pending'`,
    ],
  },
];
