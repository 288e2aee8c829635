/**
 * sharing — sharing requests (共享申请) between public bodies: a body requests another body's
 * published public-data resource; by its sharing class (无条件 / 有条件 / 不予共享) it is granted at
 * once, decided by the source unit within a working-day deadline, or refused with the recorded
 * basis. The only face other modules may import.
 *
 * A departure from DESIGN.md §3, which places sharing requests in catalog: a granted request is a
 * gateway grant, issued, narrowed and revoked through the gateway's service in the same
 * transaction, and the gateway sits to catalog's right (catalog → gateway). So sharing is a module
 * of its own to the gateway's right: identity → ledger → catalog → gateway → sharing. It depends
 * on identity (organisations), catalog (resources) and gateway (grants) through their public
 * services, never their tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { App } from '../../platform/http/server.js';
import type { CatalogService } from '../catalog/index.js';
import type { GatewayService } from '../gateway/index.js';
import './sharing.events.js';
import { sharingMigrations } from './sharing.migrations.js';
import { sharingRoutes } from './sharing.routes.js';
import { SharingRequestService, type OrganisationLookup } from './sharing-request.service.js';

export { SharingErrors } from './sharing.errors.js';
export { DEFAULT_APPROVAL_WORKING_DAYS, TRANSITIONS as SHARING_TRANSITIONS } from './sharing-request.rules.js';
export type { SharingRequestService, NewRequest, ScopeInput, RequestListQuery } from './sharing-request.service.js';

export interface SharingService {
  requests: SharingRequestService;
}

export interface SharingDeps {
  /** identity's organisation service (`IdentityService['organisations']`). */
  organisations: OrganisationLookup;
  catalog: CatalogService;
  /** The gateway's service; sharing issues, narrows and revokes grants through it. */
  gateway: GatewayService;
}

export const sharingModule = {
  name: 'sharing',
  migrations: sharingMigrations,
  create(kernel: Kernel, deps: SharingDeps): SharingService {
    return { requests: new SharingRequestService(kernel, deps.organisations, deps.catalog, deps.gateway.grants) };
  },
  async routes(app: App, svc: SharingService): Promise<void> {
    await sharingRoutes(app, svc);
  },
  /**
   * Starts the periodic overdue sweep (config `sharing.overdueSweepMs`) for a running server;
   * returns the function that stops it. Tests call `requests.sweepOverdue()` directly.
   */
  startSweeper(kernel: Kernel, svc: SharingService): () => void {
    const timer = setInterval(() => {
      svc.requests.sweepOverdue().catch((err: unknown) => kernel.logger.error({ err }, 'sharing overdue sweep failed; will retry'));
    }, kernel.config.sharing.overdueSweepMs);
    timer.unref();
    return () => clearInterval(timer);
  },
};
