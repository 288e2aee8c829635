/**
 * opendata — the open-data portal (开放广东): open datasets (published public data whose open type
 * is 无条件开放 or 有条件开放, rules-cn.md §2.3), the CKAN action API subset and a DCAT-AP JSON-LD
 * catalog for harvesters, developer registration and per-dataset developer keys, applications for
 * conditional datasets with a data-use agreement, and the apps showcase. Keys and approved
 * applications are gateway grants, so this module sits to the right of the gateway; it reads
 * catalog and identity through their public services only. The only face other modules may import.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { App } from '../../platform/http/server.js';
import type { CatalogService } from '../catalog/index.js';
import type { GatewayService } from '../gateway/index.js';
import { CkanService } from './ckan.service.js';
import { ckanRoutes } from './ckan.routes.js';
import { DatasetService, type OrganisationReader } from './dataset.service.js';
import { opendataMigrations } from './opendata.migrations.js';
import { portalRoutes } from './portal.routes.js';
import { developerRoutes } from './developer.routes.js';
import { DeveloperService } from './developer.service.js';
import { ApplicationService } from './application.service.js';
import { AppShowcaseService } from './app.service.js';
import './opendata.events.js';

export { OPEN_TYPES, type OpenDataset, type OpenType } from './dataset.service.js';
export { OpendataErrors } from './opendata.errors.js';

export interface OpendataService {
  datasets: DatasetService;
  ckan: CkanService;
  developers: DeveloperService;
  applications: ApplicationService;
  apps: AppShowcaseService;
}

export interface OpendataDeps {
  /** identity's organisation service (`IdentityService['organisations']`). */
  organisations: OrganisationReader;
  catalog: CatalogService;
  gateway: GatewayService;
}

export const opendataModule = {
  name: 'opendata',
  migrations: opendataMigrations,
  create(kernel: Kernel, deps: OpendataDeps): OpendataService {
    const datasets = new DatasetService(kernel, deps.catalog, deps.organisations);
    const developers = new DeveloperService(kernel, datasets, deps.gateway);
    return {
      datasets,
      ckan: new CkanService(datasets),
      developers,
      applications: new ApplicationService(kernel, developers, deps.gateway),
      apps: new AppShowcaseService(kernel, developers, datasets),
    };
  },
  /** Routes under /api/v1. */
  async routes(app: App, svc: OpendataService): Promise<void> {
    await portalRoutes(app, svc);
    await developerRoutes(app, svc);
  },
  /** Routes outside /api/v1: the CKAN action API at /api/3/action. */
  async publicRoutes(app: App, svc: OpendataService, baseUrl: () => string): Promise<void> {
    await ckanRoutes(app, svc.ckan, baseUrl);
  },
};
