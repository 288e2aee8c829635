/**
 * registry — asset registration (资产登记): applications with scenario, sources and the three rights,
 * the compliance committee (reviewer pool, reproducible random panels with recusal, votes, decision),
 * publicity and objections, registration numbers and the public register; the valuation and
 * accounting rules (valuation.rules.ts, accounting.rules.ts). The only face other modules may import.
 *
 * Module order: … → authorization → registry → certificates. It depends on identity (organisations,
 * users, relationships), catalog (resources) and authorization (agreements, products, consents)
 * through their public services, never their tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { App } from '../../platform/http/server.js';
import type { CatalogService } from '../catalog/index.js';
import type { AuthorizationService } from '../authorization/index.js';
import './registry.events.js';
import { registryMigrations } from './registry.migrations.js';
import { registryRoutes } from './registry.routes.js';
import { ApplicationService, type Relations, type RegistryDirectory } from './application.service.js';
import { ReviewerService, type ReviewerDirectory } from './reviewer.service.js';
import { ValuationService, type ReportSeals } from './valuation.service.js';
import { AccountingService } from './accounting.service.js';

export { RegistryErrors } from './registry.errors.js';
export { drawPanel, decide, registrationNumber, parseComposition } from './application.rules.js';
export type { ApplicationService, Draft } from './application.service.js';
export type { ReviewerService } from './reviewer.service.js';
export type { ValuationService, NewValuation } from './valuation.service.js';
export type { AccountingService, NewAccountingAsset } from './accounting.service.js';

export interface RegistryService {
  applications: ApplicationService;
  reviewers: ReviewerService;
  valuations: ValuationService;
  accounting: AccountingService;
}

export interface RegistryDeps {
  organisations: RegistryDirectory & ReviewerDirectory;
  relationships: Relations;
  seals: ReportSeals;
  catalog: CatalogService;
  authorization: Pick<AuthorizationService, 'agreements' | 'products' | 'consents'>;
}

export const registryModule = {
  name: 'registry',
  migrations: registryMigrations,
  create(kernel: Kernel, deps: RegistryDeps): RegistryService {
    const reviewers = new ReviewerService(kernel, deps.organisations);
    return {
      reviewers, applications: new ApplicationService(kernel, deps.organisations, deps.relationships, deps.catalog, deps.authorization, reviewers),
      valuations: new ValuationService(kernel, deps.organisations, deps.seals),
      accounting: new AccountingService(kernel),
    };
  },
  async routes(app: App, svc: RegistryService): Promise<void> {
    await registryRoutes(app, svc);
  },
  /** Registers applications whose publicity ended (every minute); returns the stop function. */
  startSweeper(kernel: Kernel, svc: RegistryService): () => void {
    const timer = setInterval(() => {
      svc.applications.sweep().catch((err: unknown) => kernel.logger.error({ err }, 'registry sweep failed; will retry'));
    }, 60_000);
    timer.unref();
    return () => clearInterval(timer);
  },
};
