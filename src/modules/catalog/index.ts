/**
 * catalog — the primary market's catalogue: the data element standard (公共数据元,
 * 一数一源一标准) with its value validators, the category tree, the resource catalog (数据资源目录)
 * and its classification and grading (分类分级). The only face other modules may import.
 * Depends on identity (organisation lookups through its public service), never on its tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import './catalog.events.js';
import { catalogMigrations } from './catalog.migrations.js';
import { catalogRoutes } from './catalog.routes.js';
import { elementTransferRoutes } from './element-transfer.routes.js';
import type { App } from '../../platform/http/server.js';
import { ElementService, type OrganisationDirectory } from './element.service.js';
import { CategoryService } from './category.service.js';
import { ResourceService } from './resource.service.js';

export { CatalogErrors } from './catalog.errors.js';
export { checkValue, listValidators, type CodeItem, type DataType, type Format, type ValueCheck, type ValueReason } from './value.validators.js';
export type { ElementService, NewElement, ElementChanges, OrganisationDirectory } from './element.service.js';
export type { CategoryService, CategoryNode, NewCategory, CategoryChanges } from './category.service.js';
export type { ResourceService, NewResource, ResourceChanges, FieldInput, GradeInput, ResourceListQuery } from './resource.service.js';
export { GENERAL_LEVELS, LEVELS, PERSONAL_INFO, SENSITIVE_CATEGORIES, gradingViolation, resourceGrade, type Attribute, type FieldGrade, type Level } from './resource.grading.js';

export interface CatalogService {
  elements: ElementService;
  categories: CategoryService;
  resources: ResourceService;
}

export interface CatalogDeps {
  /** identity's organisation service (`IdentityService['organisations']`). */
  organisations: OrganisationDirectory;
}

export const catalogModule = {
  name: 'catalog',
  migrations: catalogMigrations,
  create(kernel: Kernel, deps: CatalogDeps): CatalogService {
    const elements = new ElementService(kernel, deps.organisations);
    const categories = new CategoryService(kernel);
    return { elements, categories, resources: new ResourceService(kernel, deps.organisations, elements, categories) };
  },
  async routes(app: App, svc: CatalogService): Promise<void> {
    await catalogRoutes(app, svc);
    await elementTransferRoutes(app, svc);
  },
};
