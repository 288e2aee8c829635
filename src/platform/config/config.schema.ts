import { Type, type Static } from '@sinclair/typebox';

/** The one typed configuration of a Liutong process (DESIGN.md §6.6). */
export const ConfigSchema = Type.Object(
  {
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
    host: Type.String({ minLength: 1, default: '127.0.0.1' }),
    dataDir: Type.String({ minLength: 1, default: './data' }),
    databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
    logLevel: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
      { default: 'info' },
    ),
    publicBaseUrl: Type.Optional(Type.String({ pattern: '^https?://[^/]+' })),
    keyEncryptionSecret: Type.Optional(Type.String({ minLength: 16 })),
    adminPassword: Type.Optional(Type.String({ minLength: 10 })),
    sessionTtlSeconds: Type.Integer({ minimum: 60, maximum: 30 * 24 * 3600, default: 8 * 3600 }),
    // scrypt cost (log2 N) of new password hashes; 15 is the OWASP minimum (identity/password.hasher.ts).
    passwordCostLn: Type.Integer({ minimum: 10, maximum: 20, default: 15 }),
    bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
    corsOrigins: Type.Array(Type.String(), { default: [] }),
    ledger: Type.Object(
      {
        origin: Type.Optional(Type.String({ minLength: 1, pattern: '^[^\\s+]+$' })),
        batchSize: Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 }),
        intervalMs: Type.Integer({ minimum: 10, maximum: 60_000, default: 500 }),
      },
      { default: {}, additionalProperties: false },
    ),
    catalog: Type.Object(
      {
        // GB/T 43697-2024 Annex H sub-levels of general data; rules-cn.md §2.1 marks it [M].
        generalLevels: Type.Integer({ minimum: 1, maximum: 10, default: 4 }),
        // Quality gate (质量, GB/T 36344-2018): a resource with mounted data is published only when its
        // latest quality report for the version scores at least this (0–100).
        qualityThreshold: Type.Integer({ minimum: 0, maximum: 100, default: 60 }),
        // Largest mounted file (挂接) accepted by the upload route (its own body limit).
        mountBodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 512 * 1024 * 1024, default: 64 * 1024 * 1024 }),
      },
      { default: {}, additionalProperties: false },
    ),
    calendar: Type.Object(
      {
        // Extra days off and make-up working days (调休) on top of the official State Council
        // schedules in src/platform/calendar/working-day.calendar.ts (DESIGN.md §6.7).
        holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { default: [] }),
        workdays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { default: [] }),
      },
      { default: {}, additionalProperties: false },
    ),
    sharing: Type.Object(
      {
        // Working days a source unit has to answer a conditional sharing request (有条件共享);
        // 广东省公共数据管理办法 (粤府令第290号) — see src/modules/sharing/sharing.rules.ts.
        approvalWorkingDays: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
        // How often the server sweeps for overdue sharing requests.
        overdueSweepMs: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 600_000 }),
      },
      { default: {}, additionalProperties: false },
    ),
    registry: Type.Object(
      {
        // The compliance committee panel (合规会审) drawn per application: expertise:count, in draw order [M].
        panel: Type.Array(Type.String({ pattern: '^(legal|industry|valuation|accounting|audit|technical|security):[1-9]$' }), {
          default: ['legal:1', 'industry:1', 'valuation:1', 'technical:1', 'security:1'], minItems: 1,
        }),
        // Share of approving votes needed, as a fraction [M] (default two thirds), and whether a security reviewer's rejection is a veto.
        approvalRatio: Type.String({ pattern: '^[1-9][0-9]*/[1-9][0-9]*$', default: '2/3' }),
        securityVeto: Type.Boolean({ default: true }),
        // Publicity (公示) in working days before registration [M] (no Guangdong text verified; Shenzhen practice cited in registry/application.rules.ts).
        publicityWorkingDays: Type.Integer({ minimum: 1, maximum: 60, default: 10 }),
        // Registration number format [M]: {yyyy} the year, {seq6} a per-year sequence padded to 6 digits.
        numberFormat: Type.String({ pattern: '^[A-Z0-9-]*\\{yyyy\\}[A-Z0-9-]*\\{seq6\\}[A-Z0-9-]*$', default: 'GDDA-{yyyy}-{seq6}' }),
        // A shareholding from this percent makes organisations related (recusal).
        relatedSharePercent: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
        // Registrations after the first that go through the committee and publicity [M] (the others are
        // decided by the registrar alone); `first` always is.
        reviewedTypes: Type.Array(Type.Union([Type.Literal('change'), Type.Literal('transfer'), Type.Literal('licence'), Type.Literal('cancel'), Type.Literal('objection'), Type.Literal('correction')]), {
          default: ['change', 'transfer', 'licence'],
        }),
        // How long an objection registration (异议登记) blocks changes of the asset, in days [M]: by analogy
        // with 民法典 第220条 (an objection lapses when no suit is brought within 15 days).
        objectionDays: Type.Integer({ minimum: 1, maximum: 365, default: 15 }),
      },
      { default: {}, additionalProperties: false },
    ),
    exchange: Type.Object(
      {
        // The prohibited list (禁止交易清单) of data kinds the exchange refuses to list [M]: the
        // Guangdong drafts (2023-04-04) keep such a list without publishing it; the default is in
        // exchange/listing.rules.ts (DEFAULT_PROHIBITED_DATA_KINDS) with its sources.
        prohibitedDataKinds: Type.Array(Type.String({ pattern: '^[a-z_]+$' }), { default: ['biometric', 'genetic', 'minors_personal', 'high_precision_geographic'] }),
        // The exchange's fee on a deal, in basis points of its amount [M]: no Guangdong exchange's fee
        // schedule is in the sources; 1 % stands in. Charged to the seller's proceeds at settlement.
        feeBp: Type.Integer({ minimum: 0, maximum: 3000, default: 100 }),
        // The revenue share of public data under authorized operation (谁投入、谁贡献、谁受益, 数据二十条)
        // paid to the implementing body, in basis points of the deal [M] (no rate in the sources).
        publicDataShareBp: Type.Integer({ minimum: 0, maximum: 5000, default: 1000 }),
        // Days the buyer has to accept a delivery before it is accepted automatically [M].
        acceptanceDays: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
        // Settlement after acceptance in working days: T+1 by default (the "T+1").
        settlementLagDays: Type.Integer({ minimum: 0, maximum: 10, default: 1 }),
        // Deals settled per batch journal (one transaction each).
        settlementBatchSize: Type.Integer({ minimum: 1, maximum: 10_000, default: 500 }),
        // How long a delivery's download link lives, in minutes.
        downloadLinkMinutes: Type.Integer({ minimum: 1, maximum: 10_080, default: 1440 }),
        // Days after a contract's end by which the buyer attests destruction (销毁证明) where the policy
        // requires it; later it is flagged as overdue [M].
        destructionDays: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
      },
      { default: {}, additionalProperties: false },
    ),
    certificates: Type.Object(
      {
        // How long verifiers may cache a status list credential (Bitstring Status List `ttl`; Cache-Control max-age).
        statusListTtlSeconds: Type.Integer({ minimum: 0, maximum: 86_400, default: 60 }),
        // Interval of the sweep that expires certificates and revokes those whose basis ended.
        sweepMs: Type.Integer({ minimum: 1_000, default: 60_000 }),
      },
      { default: {}, additionalProperties: false },
    ),
    authorization: Type.Object(
      {
        // Longest term of an authorized-operation agreement in years: 公共数据资源授权运营实施规范(试行)
        // (发改数据规〔2025〕27号) "原则上不超过5年" — marked [M] in rules-cn.md §4.
        maxTermYears: Type.Integer({ minimum: 1, maximum: 30, default: 5 }),
        // How often the server marks agreements and data-subject authorizations whose time ended.
        expirySweepMs: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 600_000 }),
        // Days a requester has, once an authorization ends, to attest it deleted the data (销毁记录) [M].
        deletionDays: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
        // Webhooks: first retry after webhookBackoffMs, doubling up to an hour; given up after webhookMaxAttempts.
        webhookBackoffMs: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 5_000 }),
        webhookMaxAttempts: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
        webhookTimeoutMs: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
        // Webhook URLs on loopback or private networks are refused unless allowed (SSRF guard); a
        // single-host demo or test setup allows them.
        webhookAllowPrivate: Type.Boolean({ default: false }),
        // Data items (codes) the default real-name checks read: the market-regulation registry
        // (fields name, legal_rep) and the population base, 人口库 (field name).
        registryItem: Type.String({ minLength: 1, default: 'ORG.REGISTRATION' }),
        populationItem: Type.String({ minLength: 1, default: 'PERSON.BASIC' }),
        // Purposes a data-subject authorization request may name (with free text besides) [M].
        purposes: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' }), {
          default: ['credit_approval', 'post_loan_management', 'insurance_underwriting', 'employment_screening', 'tender_qualification', 'public_service', 'other'],
        }),
        // Licence types (电子证照) source units may issue into the digital spaces [M] (the types themselves: authorization/licence.rules.ts).
        licenceTypes: Type.Array(Type.Union([Type.Literal('BUSINESS_LICENCE'), Type.Literal('FOOD_BUSINESS_LICENCE'), Type.Literal('RESIDENT_ID'), Type.Literal('DRIVING_LICENCE')]), {
          default: ['BUSINESS_LICENCE', 'FOOD_BUSINESS_LICENCE', 'RESIDENT_ID', 'DRIVING_LICENCE'],
        }),
      },
      { default: {}, additionalProperties: false },
    ),
    opendata: Type.Object(
      {
        // Limits of an open-data developer key (开放数据开发者密钥) on an unconditionally open dataset.
        keyRatePerMinute: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 60 }),
        keyDailyRowQuota: Type.Integer({ minimum: 1, maximum: 1_000_000_000, default: 100_000 }),
        // Longest period an approved application for a conditionally open dataset (有条件开放) runs.
        applicationMaxDays: Type.Integer({ minimum: 1, maximum: 3650, default: 365 }),
      },
      { default: {}, additionalProperties: false },
    ),
    gateway: Type.Object(
      {
        // Default desensitisation (脱敏) methods by grade and personal-information class; a grant
        // may only strengthen them. Sensitive personal information (PIPL Art. 28) is never
        // delivered in clear: 'none' is refused for it, and the gateway's floor is 'mask'.
        masking: Type.Object(
          {
            general: Type.Union(['none', 'truncate', 'generalise', 'mask', 'hash'].map((m) => Type.Literal(m)), { default: 'none' }),
            important: Type.Union(['none', 'truncate', 'generalise', 'mask', 'hash'].map((m) => Type.Literal(m)), { default: 'none' }),
            personal: Type.Union(['none', 'truncate', 'generalise', 'mask', 'hash'].map((m) => Type.Literal(m)), { default: 'mask' }),
            sensitive: Type.Union(['mask', 'hash'].map((m) => Type.Literal(m)), { default: 'hash' }),
          },
          { default: {}, additionalProperties: false },
        ),
        // One ledger commitment per grant per interval (Merkle root over the interval's call records).
        commitIntervalMs: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 10_000 }),
        // Call records are buffered in memory and written in multi-row inserts this often (or at flushRecords).
        flushIntervalMs: Type.Integer({ minimum: 10, maximum: 60_000, default: 100 }),
        flushRecords: Type.Integer({ minimum: 1, maximum: 10_000, default: 500 }),
        // Anonymous open-data delivery (portal preview and download): calls per minute per client address.
        publicRatePerMinute: Type.Integer({ minimum: 1, maximum: 100_000, default: 120 }),
      },
      { default: {}, additionalProperties: false },
    ),
    cdo: Type.Object(
      {
        // Weights of the CDO management evaluation indicators (公共数据管理评价, src/modules/cdo/
        // evaluation.indicators.ts); renormalised over the indicators that have a score.
        weights: Type.Object(
          {
            cataloguing: Type.Number({ minimum: 0, maximum: 100, default: 20 }),
            mounting: Type.Number({ minimum: 0, maximum: 100, default: 15 }),
            timeliness: Type.Number({ minimum: 0, maximum: 100, default: 15 }),
            quality: Type.Number({ minimum: 0, maximum: 100, default: 15 }),
            responseTime: Type.Number({ minimum: 0, maximum: 100, default: 15 }),
            approvalRate: Type.Number({ minimum: 0, maximum: 100, default: 10 }),
            openDatasets: Type.Number({ minimum: 0, maximum: 100, default: 10 }),
          },
          { default: {}, additionalProperties: false },
        ),
        // Open datasets that earn a body the full open-datasets score.
        openDatasetsTarget: Type.Integer({ minimum: 1, maximum: 100_000, default: 10 }),
      },
      { default: {}, additionalProperties: false },
    ),
    groupCommit: Type.Object(
      {
        maxGroup: Type.Integer({ minimum: 1, maximum: 1000, default: 64 }),
        lanes: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
      },
      { default: {}, additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type LiutongConfig = Static<typeof ConfigSchema>;

/** Environment variables and the config keys they set. `DATABASE_URL` keeps its usual name. */
export const ENVIRONMENT: ReadonlyArray<{ env: string; key: string; kind: 'string' | 'int' | 'list' | 'bool'; doc: string }> = [
  { env: 'LIUTONG_PORT', key: 'port', kind: 'int', doc: 'HTTP port (default 8080; 0 picks a free port)' },
  { env: 'LIUTONG_HOST', key: 'host', kind: 'string', doc: 'address to listen on (default 127.0.0.1)' },
  { env: 'LIUTONG_DATA_DIR', key: 'dataDir', kind: 'string', doc: 'data directory of the embedded database and local secrets (default ./data)' },
  { env: 'DATABASE_URL', key: 'databaseUrl', kind: 'string', doc: 'PostgreSQL URL; unset = embedded PGlite in the data directory' },
  { env: 'LIUTONG_LOG_LEVEL', key: 'logLevel', kind: 'string', doc: 'fatal | error | warn | info | debug | trace | silent (default info)' },
  { env: 'LIUTONG_PUBLIC_BASE_URL', key: 'publicBaseUrl', kind: 'string', doc: 'external URL of the platform, used for did:web and the ledger origin (default http://<host>:<port>)' },
  { env: 'LIUTONG_KEY_ENCRYPTION_SECRET', key: 'keyEncryptionSecret', kind: 'string', doc: 'secret (≥ 16 chars) that encrypts signing keys at rest; required with PostgreSQL, generated into the data directory otherwise' },
  { env: 'LIUTONG_ADMIN_PASSWORD', key: 'adminPassword', kind: 'string', doc: "password for the bootstrap user 'admin' (default: generated and printed once)" },
  { env: 'LIUTONG_SESSION_TTL_SECONDS', key: 'sessionTtlSeconds', kind: 'int', doc: 'login session lifetime (default 28800)' },
  { env: 'LIUTONG_PASSWORD_COST_LN', key: 'passwordCostLn', kind: 'int', doc: 'scrypt cost (log2 N) of new password hashes (default 15, the OWASP minimum; lower only for tests)' },
  { env: 'LIUTONG_BODY_LIMIT_BYTES', key: 'bodyLimitBytes', kind: 'int', doc: 'largest accepted request body (default 1 MiB)' },
  { env: 'LIUTONG_CORS_ORIGINS', key: 'corsOrigins', kind: 'list', doc: 'comma-separated origins allowed by CORS (default none: CORS off)' },
  { env: 'LIUTONG_LEDGER_ORIGIN', key: 'ledger.origin', kind: 'string', doc: 'checkpoint origin line (default <public host>/ledger)' },
  { env: 'LIUTONG_LEDGER_BATCH_SIZE', key: 'ledger.batchSize', kind: 'int', doc: 'events integrated per ledger batch (default 1000)' },
  { env: 'LIUTONG_CATALOG_GENERAL_LEVELS', key: 'catalog.generalLevels', kind: 'int', doc: 'number of sub-levels of general data, 1..N (GB/T 43697-2024 Annex H; default 4)' },
  { env: 'LIUTONG_CATALOG_QUALITY_THRESHOLD', key: 'catalog.qualityThreshold', kind: 'int', doc: 'least overall quality score (0-100) for publishing a resource with mounted data (default 60)' },
  { env: 'LIUTONG_CATALOG_MOUNT_BODY_LIMIT_BYTES', key: 'catalog.mountBodyLimitBytes', kind: 'int', doc: 'largest file accepted by the mount upload route (default 64 MiB)' },
  { env: 'LIUTONG_CALENDAR_HOLIDAYS', key: 'calendar.holidays', kind: 'list', doc: 'comma-separated extra days off (YYYY-MM-DD) on top of the official holiday schedule' },
  { env: 'LIUTONG_CALENDAR_WORKDAYS', key: 'calendar.workdays', kind: 'list', doc: 'comma-separated extra working days (YYYY-MM-DD), e.g. make-up weekend days (调休)' },
  { env: 'LIUTONG_OPENDATA_KEY_RATE_PER_MINUTE', key: 'opendata.keyRatePerMinute', kind: 'int', doc: 'calls per minute of an open-data developer key (default 60)' },
  { env: 'LIUTONG_OPENDATA_KEY_DAILY_ROW_QUOTA', key: 'opendata.keyDailyRowQuota', kind: 'int', doc: 'rows per day of an open-data developer key (default 100000)' },
  { env: 'LIUTONG_OPENDATA_APPLICATION_MAX_DAYS', key: 'opendata.applicationMaxDays', kind: 'int', doc: 'longest period of an approved open-data application, in days (default 365)' },
  { env: 'LIUTONG_SHARING_APPROVAL_WORKING_DAYS', key: 'sharing.approvalWorkingDays', kind: 'int', doc: 'working days a source unit has to answer a conditional sharing request (default 5)' },
  { env: 'LIUTONG_SHARING_OVERDUE_SWEEP_MS', key: 'sharing.overdueSweepMs', kind: 'int', doc: 'interval of the sweep that flags overdue sharing requests (default 600000)' },
  { env: 'LIUTONG_AUTHORIZATION_MAX_TERM_YEARS', key: 'authorization.maxTermYears', kind: 'int', doc: 'longest term of an authorized-operation agreement in years (default 5)' },
  { env: 'LIUTONG_AUTHORIZATION_EXPIRY_SWEEP_MS', key: 'authorization.expirySweepMs', kind: 'int', doc: 'interval of the sweep that marks agreements whose term ended as expired (default 600000)' },
  { env: 'LIUTONG_AUTHORIZATION_DELETION_DAYS', key: 'authorization.deletionDays', kind: 'int', doc: 'days a requester has to attest deletion once a data-subject authorization ends (default 30)' },
  { env: 'LIUTONG_AUTHORIZATION_WEBHOOK_BACKOFF_MS', key: 'authorization.webhookBackoffMs', kind: 'int', doc: 'first webhook retry delay, doubling per attempt up to an hour (default 5000)' },
  { env: 'LIUTONG_AUTHORIZATION_WEBHOOK_MAX_ATTEMPTS', key: 'authorization.webhookMaxAttempts', kind: 'int', doc: 'webhook delivery attempts before giving up (default 10)' },
  { env: 'LIUTONG_AUTHORIZATION_WEBHOOK_ALLOW_PRIVATE', key: 'authorization.webhookAllowPrivate', kind: 'bool', doc: 'allow webhook URLs on loopback or private networks (default false)' },
  { env: 'LIUTONG_AUTHORIZATION_PURPOSES', key: 'authorization.purposes', kind: 'list', doc: 'comma-separated purpose codes a data-subject authorization request may name' },
  { env: 'LIUTONG_AUTHORIZATION_LICENCE_TYPES', key: 'authorization.licenceTypes', kind: 'list', doc: 'comma-separated licence types source units may issue (BUSINESS_LICENCE, FOOD_BUSINESS_LICENCE, RESIDENT_ID, DRIVING_LICENCE; default all)' },
  { env: 'LIUTONG_REGISTRY_PANEL', key: 'registry.panel', kind: 'list', doc: 'compliance committee composition, comma-separated expertise:count (default legal:1,industry:1,valuation:1,technical:1,security:1)' },
  { env: 'LIUTONG_REGISTRY_APPROVAL_RATIO', key: 'registry.approvalRatio', kind: 'string', doc: 'share of approving votes needed, a fraction (default 2/3)' },
  { env: 'LIUTONG_REGISTRY_SECURITY_VETO', key: 'registry.securityVeto', kind: 'bool', doc: "a security reviewer's rejection vetoes the application (default true)" },
  { env: 'LIUTONG_REGISTRY_PUBLICITY_WORKING_DAYS', key: 'registry.publicityWorkingDays', kind: 'int', doc: 'publicity (公示) period in working days (default 10)' },
  { env: 'LIUTONG_REGISTRY_NUMBER_FORMAT', key: 'registry.numberFormat', kind: 'string', doc: 'registration number format with {yyyy} and {seq6} (default GDDA-{yyyy}-{seq6})' },
  { env: 'LIUTONG_REGISTRY_REVIEWED_TYPES', key: 'registry.reviewedTypes', kind: 'list', doc: 'registrations after the first that go through the committee and publicity, comma-separated (default change,transfer,licence; the rest the registrar decides)' },
  { env: 'LIUTONG_REGISTRY_OBJECTION_DAYS', key: 'registry.objectionDays', kind: 'int', doc: 'days an objection registration (异议登记) blocks changes of the asset (default 15)' },
  { env: 'LIUTONG_REGISTRY_RELATED_SHARE_PERCENT', key: 'registry.relatedSharePercent', kind: 'int', doc: 'shareholding percent from which organisations are related for recusal (default 5)' },
  { env: 'LIUTONG_EXCHANGE_PROHIBITED_DATA_KINDS', key: 'exchange.prohibitedDataKinds', kind: 'list', doc: 'data kinds the exchange refuses to list (禁止交易清单), comma-separated (default biometric,genetic,minors_personal,high_precision_geographic)' },
  { env: 'LIUTONG_EXCHANGE_FEE_BP', key: 'exchange.feeBp', kind: 'int', doc: "the exchange's fee in basis points of a deal (default 100)" },
  { env: 'LIUTONG_EXCHANGE_PUBLIC_DATA_SHARE_BP', key: 'exchange.publicDataShareBp', kind: 'int', doc: "public data's revenue share to the implementing body, basis points (default 1000)" },
  { env: 'LIUTONG_EXCHANGE_ACCEPTANCE_DAYS', key: 'exchange.acceptanceDays', kind: 'int', doc: 'days before a delivery is accepted automatically (default 7)' },
  { env: 'LIUTONG_EXCHANGE_SETTLEMENT_LAG_DAYS', key: 'exchange.settlementLagDays', kind: 'int', doc: 'working days from acceptance to settlement (default 1: T+1)' },
  { env: 'LIUTONG_EXCHANGE_SETTLEMENT_BATCH_SIZE', key: 'exchange.settlementBatchSize', kind: 'int', doc: 'deals per settlement batch journal (default 500)' },
  { env: 'LIUTONG_EXCHANGE_DOWNLOAD_LINK_MINUTES', key: 'exchange.downloadLinkMinutes', kind: 'int', doc: "minutes a delivery's download link lives (default 1440)" },
  { env: 'LIUTONG_EXCHANGE_DESTRUCTION_DAYS', key: 'exchange.destructionDays', kind: 'int', doc: "days after a contract's end to attest destruction before it is flagged (default 30)" },
  { env: 'LIUTONG_CERTIFICATES_STATUS_LIST_TTL_SECONDS', key: 'certificates.statusListTtlSeconds', kind: 'int', doc: 'seconds verifiers may cache a status list credential (default 60)' },
  { env: 'LIUTONG_CERTIFICATES_SWEEP_MS', key: 'certificates.sweepMs', kind: 'int', doc: 'interval of the sweep that expires certificates and revokes those whose basis ended (default 60000)' },
  { env: 'LIUTONG_GROUP_COMMIT_MAX', key: 'groupCommit.maxGroup', kind: 'int', doc: 'most units of work committed together in one transaction (default 64; 1 turns group commit off)' },
  { env: 'LIUTONG_GROUP_COMMIT_LANES', key: 'groupCommit.lanes', kind: 'int', doc: 'group transactions running at once on PostgreSQL (default 4; PGlite always 1)' },
  { env: 'LIUTONG_GATEWAY_COMMIT_INTERVAL_MS', key: 'gateway.commitIntervalMs', kind: 'int', doc: 'interval of the gateway\'s batched ledger commitments over call records (default 10000)' },
  { env: 'LIUTONG_GATEWAY_FLUSH_INTERVAL_MS', key: 'gateway.flushIntervalMs', kind: 'int', doc: 'how often buffered gateway call records are written (default 100)' },
  { env: 'LIUTONG_GATEWAY_PUBLIC_RATE_PER_MINUTE', key: 'gateway.publicRatePerMinute', kind: 'int', doc: 'anonymous open-data preview/download calls per minute per client address (default 120)' },
  { env: 'LIUTONG_LEDGER_INTERVAL_MS', key: 'ledger.intervalMs', kind: 'int', doc: 'ledger sequencer polling interval (default 500)' },
];
