import type { Migration } from '../../platform/database/migrator.js';

/** The certificates module's tables. Names 20261210T1xxx_… */
export const certificatesMigrations: Migration[] = [
  {
    // Data asset certificates (数据资产凭证) as W3C VC 2.0 vc+jwt, their Bitstring Status Lists
    // (revocation and suspension; indexes drawn at random, never reused: the entry table keeps every
    // index ever given) and the uses verifiers record. Organisations and sources are referenced by id.
    name: '20261210T1000_certificates',
    statements: [
      `create table certificates_status_list (
        id text primary key,
        issuer_org_id text not null,
        purpose text not null,
        generation integer not null,
        size integer not null,
        bits text not null,
        version integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint certificates_status_list_purpose_check check (purpose in ('revocation', 'suspension'))
      )`,
      `create unique index certificates_status_list_generation on certificates_status_list (issuer_org_id, purpose, generation)`,
      `create table certificates_status_entry (
        list_id text not null references certificates_status_list (id),
        idx integer not null,
        certificate_id text not null,
        primary key (list_id, idx)
      )`,
      `create table certificates_certificate (
        id text primary key,
        type text not null,
        issuer_org_id text not null,
        holder_org_id text not null,
        user_org_id text,
        source_kind text not null,
        source_id text not null,
        jwt text not null,
        credential jsonb not null,
        digest text not null,
        status text not null,
        revocation_list_id text not null,
        revocation_index integer not null,
        suspension_list_id text not null,
        suspension_index integer not null,
        valid_from timestamptz not null,
        valid_until timestamptz,
        issued_at timestamptz not null,
        updated_at timestamptz not null,
        ended_at timestamptz,
        reason text,
        replaces text,
        replaced_by text,
        constraint certificates_certificate_status_check check (status in ('active', 'suspended', 'revoked', 'expired'))
      )`,
      `create index certificates_certificate_holder on certificates_certificate (holder_org_id, issued_at desc, id)`,
      `create index certificates_certificate_user on certificates_certificate (user_org_id, issued_at desc, id) where user_org_id is not null`,
      `create index certificates_certificate_issuer on certificates_certificate (issuer_org_id, issued_at desc, id)`,
      `create index certificates_certificate_source on certificates_certificate (source_kind, source_id)`,
      `create index certificates_certificate_digest on certificates_certificate (digest)`,
      `create index certificates_certificate_due on certificates_certificate (valid_until) where status in ('active', 'suspended') and valid_until is not null`,
      `create table certificates_use (
        id text primary key,
        certificate_id text not null references certificates_certificate (id),
        verifier_org_id text not null,
        note text not null,
        amount_fen text,
        used_at timestamptz not null
      )`,
      `create index certificates_use_certificate on certificates_use (certificate_id, used_at desc, id)`,
    ],
  },
];
