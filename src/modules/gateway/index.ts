/**
 * gateway — delivery of data to a grantee (可控可计量): grants (owned here; sharing, open data,
 * authorizations and contracts create, narrow and revoke them through this service), scoped
 * row/field access, desensitisation (脱敏), rate limits, quotas, metering and per-call evidence.
 * Reads mounted rows through catalog's public service; never calls back into its callers.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { App } from '../../platform/http/server.js';
import type { CatalogService, OrganisationDirectory } from '../catalog/index.js';
import './gateway.events.js';
import { gatewayMigrations } from './gateway.migrations.js';
import { DataService } from './data.service.js';
import { gatewayRoutes } from './gateway.routes.js';
import { SourceCache } from './gateway.source.js';
import { GrantService } from './grant.service.js';
import type { MaskingMatrix } from './masking.rules.js';
import { MeteringService } from './metering.service.js';
import { UsageService } from './usage.service.js';

export { GatewayErrors } from './gateway.errors.js';
export type { Grant, GrantInput, GrantChanges, GrantListQuery, ChangeMeta } from './grant.service.js';
export type { GrantService } from './grant.service.js';
export { MASK_METHODS, applyMethod, effectiveMethod, maskRow, maskingPlan, requiredMethod, type MaskMethod, type MaskingMatrix } from './masking.rules.js';

export interface GatewayService {
  /** Contract B: grants, issued, narrowed and revoked inside the caller's transaction. */
  grants: GrantService;
  data: DataService;
  metering: MeteringService;
  usage: UsageService;
  /** Writes buffered call records and commits them to the ledger now (tests, benchmarks, shutdown). */
  flush(): Promise<void>;
}

export interface GatewayDeps {
  catalog: CatalogService;
  /** identity's organisations, to check a direct grant's grantee. */
  organisations?: OrganisationDirectory;
}

export const gatewayModule = {
  name: 'gateway',
  migrations: gatewayMigrations,
  create(kernel: Kernel, deps: GatewayDeps): GatewayService {
    const matrix = kernel.config.gateway.masking as MaskingMatrix;
    const grants = new GrantService(kernel, deps.catalog, matrix, deps.organisations);
    const sources = new SourceCache(deps.catalog, kernel.bus, () => Date.now());
    const metering = new MeteringService(kernel);
    const data = new DataService(kernel, deps.catalog, sources, grants, metering, matrix);
    const usage = new UsageService(kernel, metering);
    return {
      grants, data, metering, usage,
      async flush() {
        await metering.commit();
      },
    };
  },
  async routes(app: App, svc: GatewayService): Promise<void> {
    await gatewayRoutes(app, svc);
    // Buffered call records are written and committed every interval and once more on close.
    svc.metering.start();
    // Expired grants are refused by the clock at call time; this sweep records the fact (evidence).
    const sweep = setInterval(() => void svc.grants.expireDue().catch((err) => app.log.error({ err }, 'gateway grant expiry sweep failed')), 60_000);
    sweep.unref();
    app.addHook('onClose', async () => {
      clearInterval(sweep);
      await svc.metering.stop().catch((err) => app.log.error({ err }, 'final gateway metering flush failed'));
    });
  },
};
