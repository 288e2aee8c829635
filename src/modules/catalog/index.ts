/**
 * catalog — the primary market's catalogue. First slice: the data element standard (公共数据元,
 * 一数一源一标准) with its value validators. The only face other modules may import.
 * Depends on identity (organisation lookups through its public service), never on its tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import './catalog.events.js';
import { catalogMigrations } from './catalog.migrations.js';
import { catalogRoutes } from './catalog.routes.js';
import { elementTransferRoutes } from './element-transfer.routes.js';
import type { App } from '../../platform/http/server.js';
import { ElementService, type OrganisationDirectory } from './element.service.js';

export { CatalogErrors } from './catalog.errors.js';
export { checkValue, listValidators, type CodeItem, type DataType, type Format, type ValueCheck, type ValueReason } from './value.validators.js';
export type { ElementService, NewElement, ElementChanges, OrganisationDirectory } from './element.service.js';

export interface CatalogService {
  elements: ElementService;
}

export interface CatalogDeps {
  /** identity's organisation service (`IdentityService['organisations']`). */
  organisations: OrganisationDirectory;
}

export const catalogModule = {
  name: 'catalog',
  migrations: catalogMigrations,
  create(kernel: Kernel, deps: CatalogDeps): CatalogService {
    return { elements: new ElementService(kernel, deps.organisations) };
  },
  async routes(app: App, svc: CatalogService): Promise<void> {
    await catalogRoutes(app, svc);
    await elementTransferRoutes(app, svc);
  },
};
