/**
 * The composition root: builds the kernel, runs every module's migrations, creates the modules
 * in dependency order (DESIGN.md §3) and mounts their routes. Used by `liutong start`, the CLI
 * commands that need services, the tests and the benchmarks.
 */
import type { Logger } from 'pino';
import type { LiutongConfig } from './platform/config/config.schema.js';
import { publicBaseUrl } from './platform/config/config.loader.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase, type Database } from './platform/database/database.js';
import { consoleRoutes } from './platform/http/console.static.js';
import { runMigrations, type ModuleMigrations } from './platform/database/migrator.js';
import { EventBus } from './platform/events/event-bus.js';
import { outboxMigrations, writeEvent } from './platform/events/outbox.js';
import { OutboxRelay } from './platform/events/outbox.relay.js';
import { actorOf } from './platform/http/access.js';
import { createHttpServer, type App, type RouteRecord } from './platform/http/server.js';
import { makeTransact, type Kernel } from './platform/kernel.js';
import { createLogger } from './platform/logger.js';
import { SecretBox } from './platform/secret-box.cipher.js';
import { resolveKeyEncryptionSecret } from './platform/secrets.js';
import { VERSION } from './platform/version.js';
import { identityModule, type IdentityService } from './modules/identity/index.js';
import { ledgerModule, type LedgerService } from './modules/ledger/index.js';
import { catalogModule, type CatalogService } from './modules/catalog/index.js';
import { gatewayModule, type GatewayService } from './modules/gateway/index.js';
import { sharingModule, type SharingService } from './modules/sharing/index.js';
import { opendataModule, type OpendataService } from './modules/opendata/index.js';
import { cdoModule, type CdoService } from './modules/cdo/index.js';
import { authorizationModule, type AuthorizationService } from './modules/authorization/index.js';
import { registryModule, type RegistryService } from './modules/registry/index.js';
import { certificatesModule, type CertificatesService } from './modules/certificates/index.js';
import { exchangeModule, type ExchangeService } from './modules/exchange/index.js';

export const MODULE_MIGRATIONS: ModuleMigrations[] = [
  { module: 'platform', migrations: outboxMigrations },
  { module: identityModule.name, migrations: identityModule.migrations },
  { module: ledgerModule.name, migrations: ledgerModule.migrations },
  { module: catalogModule.name, migrations: catalogModule.migrations },
  { module: gatewayModule.name, migrations: gatewayModule.migrations },
  { module: sharingModule.name, migrations: sharingModule.migrations },
  { module: opendataModule.name, migrations: opendataModule.migrations },
  { module: cdoModule.name, migrations: cdoModule.migrations },
  { module: authorizationModule.name, migrations: authorizationModule.migrations },
  { module: registryModule.name, migrations: registryModule.migrations },
  { module: certificatesModule.name, migrations: certificatesModule.migrations },
  { module: exchangeModule.name, migrations: exchangeModule.migrations },
];

export interface Liutong {
  kernel: Kernel;
  database: Database;
  app: App;
  routes: RouteRecord[];
  identity: IdentityService;
  ledger: LedgerService;
  catalog: CatalogService;
  gateway: GatewayService;
  sharing: SharingService;
  opendata: OpendataService;
  cdo: CdoService;
  authorization: AuthorizationService;
  registry: RegistryService;
  certificates: CertificatesService;
  exchange: ExchangeService;
  /** Integrates every committed event into the ledger now. */
  flush(): Promise<void>;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface CreateOptions {
  /** An already open database (tests pass a cloned one); otherwise opened from the config. */
  database?: Database;
  logger?: Logger;
  clock?: Clock;
  /** Start the background sequencer (default true). */
  startRelay?: boolean;
  /** Where the built console is (default: console/dist of this installation). */
  consoleDir?: string;
  /** Skip migrations (the database is a migrated template clone). */
  migrated?: boolean;
}

export async function createLiutong(config: LiutongConfig, options: CreateOptions = {}): Promise<Liutong> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const secret = resolveKeyEncryptionSecret(config);
  const database = options.database ?? (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      onPoolError: (err) => logger.warn({ err }, 'database connection lost; the pool replaces it'),
    }));
  if (!options.migrated) await runMigrations(database.db, MODULE_MIGRATIONS);
  const clock = options.clock ?? systemClock;
  const bus = new EventBus((err, event) => logger.error({ err, eventType: event.type }, 'event handler failed'));
  const relay = new OutboxRelay(database.db, database.engine, bus, {
    batchSize: config.ledger.batchSize,
    intervalMs: config.ledger.intervalMs,
    onError: (err) => logger.error({ err }, 'ledger sequencer batch failed; will retry'),
  });
  let boundPort: number | undefined;
  const kernel: Kernel = {
    config,
    engine: database.engine,
    db: database.db,
    clock,
    bus,
    relay,
    logger,
    secretBox: new SecretBox(secret),
    baseUrl: () => publicBaseUrl(config, boundPort),
    // Group commit (DESIGN.md §8: batch hot paths). PGlite has one connection, so one lane.
    transact: makeTransact(database.db, clock, relay, {
      maxGroup: config.groupCommit.maxGroup,
      lanes: database.engine === 'pglite' ? 1 : config.groupCommit.lanes,
    }),
  };

  const identity = identityModule.create(kernel);
  const ledger = ledgerModule.create(kernel);
  const catalog = catalogModule.create(kernel, { organisations: identity.organisations });
  const gateway = gatewayModule.create(kernel, { catalog, organisations: identity.organisations });
  const sharing = sharingModule.create(kernel, { organisations: identity.organisations, catalog, gateway });
  const opendata = opendataModule.create(kernel, { organisations: identity.organisations, catalog, gateway });
  const cdo = cdoModule.create(kernel, { organisations: identity.organisations, catalog, sharing });
  const authorization = authorizationModule.create(kernel, { organisations: identity.organisations, seals: identity.seals, keys: identity.keys, catalog, gateway });
  const registry = registryModule.create(kernel, { organisations: identity.organisations, relationships: identity.relationships, seals: identity.seals, catalog, authorization });
  const certificates = certificatesModule.create(kernel, { organisations: identity.organisations, keys: identity.keys, consents: authorization.consents, ledger: ledger.service, registrations: registry.applications });
  const exchange = exchangeModule.create(kernel, {
    organisations: identity.organisations,
    seals: identity.seals,
    certificates: certificates.certificates,
    grants: gateway.grants,
    listingSources: {
      tradeBasis: (assetId) => registry.applications.tradeBasis(assetId),
      // A product declared under an authorized-operation agreement: the agreement's parties and service-fee cap.
      publicDataTerms: async (productId) => {
        const p = await authorization.products.get(productId, null).catch(() => null);
        const a = p ? await authorization.agreements.get(p.agreementId, null).catch(() => null) : null;
        return p && a ? { productId: p.id, agreementId: a.id, implementingOrgId: a.implementingOrgId, operatorOrgId: a.operatorOrgId, feeCap: a.feeCap } : null;
      },
    },
  });

  const { app, routes } = await createHttpServer({
    logger,
    bodyLimit: config.bodyLimitBytes,
    corsOrigins: config.corsOrigins,
    authenticate: identity.auth.authenticate,
    version: VERSION,
    ready: async () => {
      await database.db.selectFrom('platform_migration').select('name').limit(1).execute();
    },
    // Refused attempts at state-changing routes are evidence too (DESIGN.md §6.8).
    recordRefusal: async (request, code, status) => {
      await database.db.transaction().execute(async (tx) => {
        await writeEvent(
          tx,
          {
            type: 'platform.request.refused',
            subject: { type: 'route', id: `${request.method} ${request.routeOptions.url ?? request.url}` },
            orgId: request.principal?.orgId ?? null,
            actor: actorOf(request.principal ?? null),
            requestId: request.id,
            payload: { intended: request.routeOptions.config?.event ?? null, code, status },
          },
          clock.now(),
        );
      });
      relay.poke();
    },
  });
  await app.register(
    async (api) => {
      await identityModule.routes(api as App, identity);
      await ledgerModule.routes(api as App, ledger.service);
      await catalogModule.routes(api as App, catalog);
      await gatewayModule.routes(api as App, gateway);
      await sharingModule.routes(api as App, sharing);
      await opendataModule.routes(api as App, opendata);
      await cdoModule.routes(api as App, cdo);
      await authorizationModule.routes(api as App, authorization);
      await registryModule.routes(api as App, registry);
      await certificatesModule.routes(api as App, certificates);
      await exchangeModule.routes(api as App, exchange, { organisations: identity.organisations });
    },
    { prefix: '/api/v1' },
  );
  await identityModule.publicRoutes(app, identity);
  await opendataModule.publicRoutes(app, opendata, () => kernel.baseUrl());
  await ledgerModule.publicRoutes(app, ledger.service, () => `did:web:${encodeURIComponent(new URL(kernel.baseUrl()).host)}`);
  // Last: the console and public portal take whatever GET path the server's own routes left.
  await consoleRoutes(app, options.consoleDir);
  await app.ready();

  if (options.startRelay !== false) relay.start();
  // Flags overdue sharing requests periodically while the server runs (tests sweep directly).
  const stopSharingSweep = options.startRelay !== false ? sharingModule.startSweeper(kernel, sharing) : () => {};
  // Marks agreements whose term ended as expired (授权运营), likewise.
  const stopAuthorizationSweep = options.startRelay !== false ? authorizationModule.startSweeper(kernel, authorization) : () => {};
  const stopRegistrySweep = options.startRelay !== false ? registryModule.startSweeper(kernel, registry) : () => {};
  const stopCertificatesSweep = options.startRelay !== false ? certificatesModule.startSweeper(kernel, certificates) : () => {};
  const stopExchangeSweep = options.startRelay !== false ? exchangeModule.startSweeper(kernel, exchange) : () => {};
  let closed = false;
  return {
    kernel,
    database,
    app,
    routes,
    identity,
    ledger: ledger.service,
    catalog,
    gateway,
    sharing,
    opendata,
    cdo,
    authorization,
    registry,
    certificates,
    exchange,
    flush: () => relay.flush(),
    async listen() {
      const address = await app.listen({ port: config.port, host: config.host });
      boundPort = Number(new URL(address).port);
      return kernel.baseUrl();
    },
    async close() {
      if (closed) return;
      closed = true;
      stopSharingSweep();
      stopAuthorizationSweep();
      stopCertificatesSweep();
      stopExchangeSweep();
      stopRegistrySweep();
      await app.close();
      await relay.stop();
      await relay.flush().catch((err) => logger.error({ err }, 'final ledger flush failed'));
      if (!options.database) await database.close();
    },
  };
}
