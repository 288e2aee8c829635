import type { Migration } from '../../platform/database/migrator.js';

/** The authorization module's tables. Names 20261201T11xx_… */
export const authorizationMigrations: Migration[] = [
  {
    // Authorized operation (授权运营): agreements between an implementing body (实施机构) and an
    // operator (运营机构), the products an operator declares under one, and the annual disclosure
    // reports (年度信息披露). Organisations, resources and gateway grants are referenced by id only
    // (checked through identity's, catalog's and the gateway's services — DESIGN.md §3). The scope
    // keeps each resource's title as authorized. Term dates are ISO calendar dates (Asia/Shanghai) kept as text.
    name: '20261201T1100_authorization_agreements',
    statements: [
      `create table authorization_agreement (
        id text primary key,
        implementing_org_id text not null,
        operator_org_id text not null,
        mode text not null,
        domain text,
        scenarios jsonb not null,
        scope jsonb not null,
        term_from text not null,
        term_to text not null,
        fee_cap jsonb,
        security_obligations text not null,
        status text not null,
        review_note text,
        reason text,
        document_digest text,
        implementing_seal jsonb,
        operator_seal jsonb,
        grant_ids jsonb not null,
        applied_at timestamptz not null,
        reviewed_at timestamptz,
        signed_at timestamptz,
        activated_at timestamptz,
        ended_at timestamptz,
        updated_at timestamptz not null,
        constraint authorization_agreement_mode_check check (mode in ('whole', 'domain', 'scenario')),
        constraint authorization_agreement_status_check check (status in ('applied', 'reviewed', 'rejected', 'withdrawn', 'signed', 'active', 'suspended', 'terminated', 'expired')),
        constraint authorization_agreement_term_check check (term_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and term_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and term_to > term_from),
        constraint authorization_agreement_parties_check check (implementing_org_id <> operator_org_id),
        constraint authorization_agreement_signed_check check (status not in ('signed', 'active', 'suspended') or (implementing_seal is not null and operator_seal is not null))
      )`,
      `create index authorization_agreement_operator on authorization_agreement (operator_org_id, applied_at desc, id)`,
      `create index authorization_agreement_implementing on authorization_agreement (implementing_org_id, applied_at desc, id)`,
      `create index authorization_agreement_due on authorization_agreement (term_to) where status in ('active', 'suspended')`,
      `create table authorization_product (
        id text primary key,
        agreement_id text not null references authorization_agreement (id),
        operator_org_id text not null,
        name_zh text not null,
        name_en text not null,
        kind text not null,
        description text,
        resource_ids jsonb not null,
        scenario text not null,
        fee jsonb,
        status text not null,
        declared_at timestamptz not null,
        withdrawn_at timestamptz,
        constraint authorization_product_kind_check check (kind in ('dataset', 'api', 'indicator', 'report', 'model', 'application')),
        constraint authorization_product_status_check check (status in ('declared', 'withdrawn'))
      )`,
      `create index authorization_product_agreement on authorization_product (agreement_id, declared_at desc, id)`,
      `create index authorization_product_operator on authorization_product (operator_org_id, declared_at desc, id)`,
      `create table authorization_disclosure (
        id text primary key,
        org_id text not null,
        role text not null,
        year integer not null,
        revision integer not null,
        report jsonb not null,
        digest text not null,
        published_at timestamptz not null,
        constraint authorization_disclosure_role_check check (role in ('implementing_body', 'operator')),
        constraint authorization_disclosure_unique unique (org_id, role, year)
      )`,
      `create index authorization_disclosure_year on authorization_disclosure (year, published_at desc, id)`,
    ],
  },
  {
    // Data-subject authorization (数据主体授权, 粤府令第290号): the data items (常用数据) a holder's
    // space shows, each a slice of a catalog resource matched by the holder's identifier; and the
    // authorization requests a requester sends a holder, which on approval carry a consent record
    // (ISO/IEC TS 27560 / Kantara Consent Receipt fields) sealed by the holder and the gateway
    // grants it enforces.
    name: '20261201T1300_authorization_consents',
    statements: [
      `create table authorization_data_item (
        id text primary key,
        code text not null unique,
        name_zh text not null,
        name_en text not null,
        resource_id text not null,
        source_org_id text not null,
        subject_kind text not null,
        subject_field text not null,
        fields jsonb not null,
        period_field text,
        status text not null,
        created_at timestamptz not null,
        constraint authorization_data_item_kind_check check (subject_kind in ('legal_person', 'natural_person')),
        constraint authorization_data_item_status_check check (status in ('active', 'retired'))
      )`,
      `create table authorization_consent (
        id text primary key,
        requester_org_id text not null,
        holder_org_id text not null,
        holder_subject text not null,
        items jsonb not null,
        purpose text not null,
        purpose_text text not null,
        period_from text not null,
        period_to text not null,
        valid_until timestamptz not null,
        max_uses integer not null,
        status text not null,
        reason text,
        record jsonb,
        record_seal jsonb,
        grant_ids jsonb not null,
        created_at timestamptz not null,
        decided_at timestamptz,
        ended_at timestamptz,
        deletion_due_at timestamptz,
        deletion_attested_at timestamptz,
        deletion_statement text,
        deletion_overdue_at timestamptz,
        updated_at timestamptz not null,
        constraint authorization_consent_status_check check (status in ('pending', 'approved', 'rejected', 'withdrawn', 'revoked', 'expired', 'exhausted')),
        constraint authorization_consent_parties_check check (requester_org_id <> holder_org_id),
        constraint authorization_consent_uses_check check (max_uses > 0),
        constraint authorization_consent_record_check check (status not in ('approved', 'revoked', 'expired', 'exhausted') or (record is not null and record_seal is not null))
      )`,
      `create index authorization_consent_holder on authorization_consent (holder_org_id, created_at desc, id)`,
      `create index authorization_consent_requester on authorization_consent (requester_org_id, created_at desc, id)`,
      `create index authorization_consent_due on authorization_consent (valid_until) where status = 'approved'`,
      `create index authorization_consent_deletion on authorization_consent (deletion_due_at) where deletion_attested_at is null and deletion_overdue_at is null`,
    ],
  },
  {
    // Digital spaces (数字空间): the data items a holder hides from requesters.
    name: '20261201T1310_authorization_space',
    statements: [
      `create table authorization_hidden_item (
        holder_org_id text not null,
        item_id text not null references authorization_data_item (id),
        hidden_at timestamptz not null,
        primary key (holder_org_id, item_id)
      )`,
    ],
  },
  {
    // Notifications (通知): an inbox per organisation, and organisation webhooks with their
    // deliveries — written in the same transaction as the change they announce (nothing
    // acknowledged is lost), sent afterwards with retries and backoff.
    name: '20261201T1320_authorization_notifications',
    statements: [
      `create table authorization_notification (
        id text primary key,
        org_id text not null,
        kind text not null,
        subject_type text not null,
        subject_id text not null,
        payload jsonb not null,
        created_at timestamptz not null,
        read_at timestamptz
      )`,
      `create index authorization_notification_inbox on authorization_notification (org_id, created_at desc, id)`,
      `create table authorization_webhook (
        id text primary key,
        org_id text not null,
        url text not null,
        kinds jsonb not null,
        status text not null,
        created_at timestamptz not null,
        constraint authorization_webhook_status_check check (status in ('active', 'deleted'))
      )`,
      `create index authorization_webhook_org on authorization_webhook (org_id) where status = 'active'`,
      `create table authorization_webhook_delivery (
        id text primary key,
        webhook_id text not null references authorization_webhook (id),
        org_id text not null,
        notification_id text not null references authorization_notification (id),
        url text not null,
        body text not null,
        attempts integer not null,
        next_attempt_at timestamptz not null,
        status text not null,
        last_status integer,
        last_error text,
        created_at timestamptz not null,
        delivered_at timestamptz,
        constraint authorization_webhook_delivery_status_check check (status in ('pending', 'delivered', 'failed'))
      )`,
      `create index authorization_webhook_delivery_due on authorization_webhook_delivery (next_attempt_at) where status = 'pending'`,
      `create index authorization_webhook_delivery_hook on authorization_webhook_delivery (webhook_id, created_at desc, id)`,
    ],
  },
  {
    // The legal representative's binding of an enterprise account to its registry record (法人绑定).
    name: '20261201T1330_authorization_binding',
    statements: [
      `create table authorization_space_binding (
        org_id text primary key,
        uscc text not null,
        legal_rep text not null,
        verified_at timestamptz not null,
        verified_by text
      )`,
    ],
  },
  {
    // Individuals' accounts (个人数字空间): a person's resident ID is kept encrypted (secret box,
    // bound to the row) with a keyed hash for lookup; never in clear.
    name: '20261201T1340_authorization_persons',
    statements: [
      `create table authorization_person (
        org_id text primary key,
        id_hash text not null unique,
        id_sealed text not null,
        id_masked text not null,
        name text not null,
        phone text not null,
        verified_at timestamptz not null
      )`,
    ],
  },
  {
    // Licences (电子证照) issued by source units into the digital spaces: the signed document is kept
    // encrypted (secret box, bound to the row: it holds a person's identity number); the holder is
    // found by a keyed hash of its identifier; list columns hold only masked forms.
    name: '20261201T1350_authorization_licences',
    statements: [
      `create table authorization_licence (
        id text primary key,
        type_code text not null,
        number_hash text not null,
        number_masked text not null,
        subject_kind text not null,
        subject_hash text not null,
        subject_masked text not null,
        holder_name text not null,
        issuer_org_id text not null,
        valid_from text not null,
        valid_to text,
        issued_at timestamptz not null,
        document_sealed text not null,
        digest text not null,
        seal jsonb not null,
        status text not null,
        revoked_at timestamptz,
        revoke_reason text,
        constraint authorization_licence_status_check check (status in ('valid', 'revoked')),
        constraint authorization_licence_kind_check check (subject_kind in ('legal_person', 'natural_person'))
      )`,
      `create unique index authorization_licence_number on authorization_licence (type_code, number_hash) where status = 'valid'`,
      `create index authorization_licence_subject on authorization_licence (subject_hash, issued_at desc)`,
      `create index authorization_licence_issuer on authorization_licence (issuer_org_id, issued_at desc, id)`,
    ],
  },
  {
    // The approval's ledger event (id and payload digest), cited as evidence by certificates.
    name: '20261201T1360_authorization_consent_approval_event',
    statements: [`alter table authorization_consent add column approval_event jsonb`],
  },
];
