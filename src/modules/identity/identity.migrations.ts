import type { Migration } from '../../platform/database/migrator.js';

export const identityMigrations: Migration[] = [
  {
    name: '20261123T1300_identity',
    statements: [
      `create table identity_organisation (
        id text primary key,
        name_zh text not null,
        name_en text not null,
        type text not null,
        uscc text unique,
        roles text[] not null,
        status text not null default 'active',
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
      `create table identity_user (
        id text primary key,
        org_id text not null references identity_organisation(id),
        username text not null unique,
        email text unique,
        phone text unique,
        display_name text not null,
        password_hash text not null,
        member_role text not null,
        person_roles text[] not null default '{}',
        status text not null default 'active',
        created_at timestamptz not null
      )`,
      `create index identity_user_org on identity_user(org_id)`,
      `create table identity_session (
        id text primary key,
        user_id text not null references identity_user(id),
        token_hash text not null unique,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz
      )`,
      `create table identity_api_key (
        id text primary key,
        org_id text not null references identity_organisation(id),
        name text not null,
        prefix text not null,
        key_hash text not null unique,
        member_role text not null,
        created_by text,
        created_at timestamptz not null,
        expires_at timestamptz,
        revoked_at timestamptz
      )`,
      `create index identity_api_key_org on identity_api_key(org_id)`,
      `create table identity_org_key (
        id text primary key,
        org_id text not null references identity_organisation(id),
        algorithm text not null,
        public_jwk jsonb not null,
        private_key_enc text not null,
        status text not null,
        created_at timestamptz not null,
        retired_at timestamptz
      )`,
      `create index identity_org_key_org on identity_org_key(org_id)`,
    ],
  },
  {
    // Relationships between organisations (关联关系) that make a reviewer's organisation "related" to
    // an applicant: parent / subsidiary, shareholding (percent), counterparty of a trade (with its date).
    name: '20261210T0900_identity_relationships',
    statements: [
      `create table identity_org_relationship (
        id text primary key,
        org_id text not null references identity_organisation(id),
        related_org_id text not null references identity_organisation(id),
        kind text not null,
        share_percent text,
        since text not null,
        until text,
        note text,
        recorded_at timestamptz not null,
        recorded_by text,
        constraint identity_org_relationship_kind_check check (kind in ('parent', 'shareholder', 'counterparty')),
        constraint identity_org_relationship_distinct check (org_id <> related_org_id)
      )`,
      `create index identity_org_relationship_org on identity_org_relationship (org_id)`,
      `create index identity_org_relationship_related on identity_org_relationship (related_org_id)`,
    ],
  },
];
