import type { Migration } from '../../platform/database/migrator.js';

export const ledgerMigrations: Migration[] = [
  {
    name: '20261123T1300_ledger',
    statements: [
      `create table ledger_entry (
        idx bigint primary key,
        event_id text not null unique,
        type text not null,
        org_id text,
        subject_type text not null,
        subject_id text not null,
        occurred_at timestamptz not null,
        entry text not null,
        leaf_hash bytea not null,
        payload jsonb not null
      )`,
      `create index ledger_entry_type on ledger_entry(type, idx)`,
      `create index ledger_entry_org on ledger_entry(org_id, idx)`,
      `create index ledger_entry_subject on ledger_entry(subject_type, subject_id)`,
      `create table ledger_checkpoint (
        size bigint primary key,
        root_hash bytea not null,
        note text not null,
        created_at timestamptz not null
      )`,
      `create table ledger_key (
        id text primary key,
        origin text not null,
        verifier_key text not null,
        signer_key_enc text not null,
        status text not null,
        created_at timestamptz not null
      )`,
      `create table ledger_witness (
        id text primary key,
        org_id text not null,
        name text not null unique,
        verifier_key text not null,
        status text not null,
        created_at timestamptz not null
      )`,
      `create table ledger_cosignature (
        size bigint not null references ledger_checkpoint(size),
        witness_id text not null references ledger_witness(id),
        line text not null,
        signed_at timestamptz not null,
        created_at timestamptz not null,
        primary key (size, witness_id)
      )`,
      `create table ledger_attestation (
        id text primary key,
        org_id text not null,
        digest text not null,
        title text not null,
        created_by text,
        created_at timestamptz not null
      )`,
      `create index ledger_attestation_org on ledger_attestation(org_id, created_at)`,
    ],
  },
];
