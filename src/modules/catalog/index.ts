/**
 * catalog — the primary market's catalogue: the data element standard (公共数据元,
 * 一数一源一标准) with its value validators, the category tree, the resource catalog (数据资源目录)
 * and its classification and grading (分类分级). The only face other modules may import.
 * Depends on identity (organisation lookups through its public service), never on its tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import './catalog.events.js';
import { catalogMigrations } from './catalog.migrations.js';
import { catalogRoutes } from './catalog.routes.js';
import { elementTransferRoutes } from './element-transfer.routes.js';
import type { App } from '../../platform/http/server.js';
import { ElementService, type OrganisationDirectory } from './element.service.js';
import { CategoryService } from './category.service.js';
import { ResourceService } from './resource.service.js';
import { SystemService } from './system.service.js';
import { DemandService } from './demand.service.js';
import { ImportantDataService } from './important-data.service.js';
import { CensusService, type OrganisationRegistrar } from './census.service.js';
import { systemRoutes } from './system.routes.js';
import { demandRoutes } from './demand.routes.js';
import { importantDataRoutes } from './important-data.routes.js';
import { censusRoutes } from './census.routes.js';
import { MountService, type DataSource } from './mount.service.js';
import { mountRoutes } from './mount.routes.js';
import { QualityService } from './quality.service.js';
import { qualityRoutes } from './quality.routes.js';
import { SearchService } from './search.service.js';
import { searchRoutes } from './search.routes.js';
import { ScanService } from './scan.service.js';
import { scanRoutes } from './scan.routes.js';

export { CatalogErrors } from './catalog.errors.js';
export { MountErrors } from './mount.errors.js';
export { QualityErrors } from './quality.errors.js';
export type { QualityService, QualityReport } from './quality.service.js';
export { DIMENSIONS, type Dimension, type UserRule } from './quality.rules.js';
export type { MountService, SourceField, MountInfo, DataSource, RowsQuery, ApiMountInput } from './mount.service.js';
export { checkValue, listValidators, type CodeItem, type DataType, type Format, type ValueCheck, type ValueReason } from './value.validators.js';
export type { ElementService, NewElement, ElementChanges, OrganisationDirectory } from './element.service.js';
export type { CategoryService, CategoryNode, NewCategory, CategoryChanges } from './category.service.js';
export type { ResourceService, NewResource, ResourceChanges, FieldInput, GradeInput, ResourceListQuery } from './resource.service.js';
export type { SearchService, SearchQuery } from './search.service.js';
export { GENERAL_LEVELS, LEVELS, PERSONAL_INFO, SENSITIVE_CATEGORIES, gradingViolation, resourceGrade, type Attribute, type FieldGrade, type Level } from './resource.grading.js';

export interface CatalogService {
  elements: ElementService;
  categories: CategoryService;
  resources: ResourceService;
  /** Three lists (三清单): systems (and the overview), demands; census import; the important-data catalogue. */
  systems: SystemService;
  demands: DemandService;
  census: CensusService;
  importantData: ImportantDataService;
  /** Mounted data (挂接): what the gateway reads (source, queryRows) and the owner's mounts (mount.service.ts). */
  mounts: MountService;
  /**
   * `mounts.source` read on the caller's transaction — for the gateway's grant rules, which run
   * inside another module's unit of work (PGlite has one connection: a read on the pool from
   * inside a transaction would wait for that transaction forever).
   */
  sourceIn(tx: Tx, resourceId: string): Promise<DataSource | null>;
  /** Data quality (质量, GB/T 36344-2018): rules, reports, the publishing gate (quality.service.ts). */
  quality: QualityService;
  /** One search over resources, data elements and open datasets (search.service.ts). */
  search: SearchService;
  /** The classification scanner: suggestions from sampled mounted data (scan.service.ts). */
  scan: ScanService;
}

export interface CatalogDeps {
  /** identity's organisation service (`IdentityService['organisations']`); census import also creates bodies in its transaction. */
  organisations: OrganisationDirectory & OrganisationRegistrar;
}

export const catalogModule = {
  name: 'catalog',
  migrations: catalogMigrations,
  create(kernel: Kernel, deps: CatalogDeps): CatalogService {
    const elements = new ElementService(kernel, deps.organisations);
    const categories = new CategoryService(kernel);
    const resources = new ResourceService(kernel, deps.organisations, elements, categories);
    const systems = new SystemService(kernel, deps.organisations);
    const importantData = new ImportantDataService(kernel, deps.organisations, categories);
    // The lists' hooks in the resource path: a resource's system, the important-data catalogue.
    resources.hooks = { checkSystem: (db, org, id) => systems.checkSystem(db, org, id), importantMatches: (db, v, f) => importantData.importantMatches(db, v, f) };
    const lists = { systems, importantData, demands: new DemandService(kernel, elements), census: new CensusService(kernel, deps.organisations, elements, categories, resources, systems) };
    // Mounting and quality (挂接, 质量): publishing a version with mounted data passes the quality gate.
    const mounts = new MountService(kernel, elements);
    const quality = new QualityService(kernel, mounts);
    resources.publishGate = (db, id, version) => quality.assertPublishable(db, id, version);
    resources.fieldsChanged = (...args) => mounts.fieldsChanged(...args);
    const sourceIn = (tx: Tx, resourceId: string) => mounts.source(resourceId, tx);
    return { ...lists, elements, categories, resources, search: new SearchService(kernel, deps.organisations, categories), mounts, sourceIn, quality, scan: new ScanService(kernel, resources, mounts) };
  },
  async routes(app: App, svc: CatalogService): Promise<void> {
    await catalogRoutes(app, svc);
    await elementTransferRoutes(app, svc);
    await systemRoutes(app, svc);
    await demandRoutes(app, svc);
    await importantDataRoutes(app, svc);
    await censusRoutes(app, svc);
    await mountRoutes(app, svc, svc.mounts.bodyLimit);
    await qualityRoutes(app, svc);
    await searchRoutes(app, svc);
    await scanRoutes(app, svc);
  },
};
