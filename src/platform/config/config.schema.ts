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
export const ENVIRONMENT: ReadonlyArray<{ env: string; key: string; kind: 'string' | 'int' | 'list'; doc: string }> = [
  { env: 'LIUTONG_PORT', key: 'port', kind: 'int', doc: 'HTTP port (default 8080; 0 picks a free port)' },
  { env: 'LIUTONG_HOST', key: 'host', kind: 'string', doc: 'address to listen on (default 127.0.0.1)' },
  { env: 'LIUTONG_DATA_DIR', key: 'dataDir', kind: 'string', doc: 'data directory of the embedded database and local secrets (default ./data)' },
  { env: 'DATABASE_URL', key: 'databaseUrl', kind: 'string', doc: 'PostgreSQL URL; unset = embedded PGlite in the data directory' },
  { env: 'LIUTONG_LOG_LEVEL', key: 'logLevel', kind: 'string', doc: 'fatal | error | warn | info | debug | trace | silent (default info)' },
  { env: 'LIUTONG_PUBLIC_BASE_URL', key: 'publicBaseUrl', kind: 'string', doc: 'external URL of the platform, used for did:web and the ledger origin (default http://<host>:<port>)' },
  { env: 'LIUTONG_KEY_ENCRYPTION_SECRET', key: 'keyEncryptionSecret', kind: 'string', doc: 'secret (≥ 16 chars) that encrypts signing keys at rest; required with PostgreSQL, generated into the data directory otherwise' },
  { env: 'LIUTONG_ADMIN_PASSWORD', key: 'adminPassword', kind: 'string', doc: "password for the bootstrap user 'admin' (default: generated and printed once)" },
  { env: 'LIUTONG_SESSION_TTL_SECONDS', key: 'sessionTtlSeconds', kind: 'int', doc: 'login session lifetime (default 28800)' },
  { env: 'LIUTONG_BODY_LIMIT_BYTES', key: 'bodyLimitBytes', kind: 'int', doc: 'largest accepted request body (default 1 MiB)' },
  { env: 'LIUTONG_CORS_ORIGINS', key: 'corsOrigins', kind: 'list', doc: 'comma-separated origins allowed by CORS (default none: CORS off)' },
  { env: 'LIUTONG_LEDGER_ORIGIN', key: 'ledger.origin', kind: 'string', doc: 'checkpoint origin line (default <public host>/ledger)' },
  { env: 'LIUTONG_LEDGER_BATCH_SIZE', key: 'ledger.batchSize', kind: 'int', doc: 'events integrated per ledger batch (default 1000)' },
  { env: 'LIUTONG_CATALOG_GENERAL_LEVELS', key: 'catalog.generalLevels', kind: 'int', doc: 'number of sub-levels of general data, 1..N (GB/T 43697-2024 Annex H; default 4)' },
  { env: 'LIUTONG_GROUP_COMMIT_MAX', key: 'groupCommit.maxGroup', kind: 'int', doc: 'most units of work committed together in one transaction (default 64; 1 turns group commit off)' },
  { env: 'LIUTONG_GROUP_COMMIT_LANES', key: 'groupCommit.lanes', kind: 'int', doc: 'group transactions running at once on PostgreSQL (default 4; PGlite always 1)' },
  { env: 'LIUTONG_LEDGER_INTERVAL_MS', key: 'ledger.intervalMs', kind: 'int', doc: 'ledger sequencer polling interval (default 500)' },
];
