/**
 * cdo — chief data officers (首席数据官): appointments per organisation (public bodies and
 * enterprises), the management evaluation of public bodies (公共数据管理评价: indicators computed
 * from other modules' public services, weighted score, ranking, periodic snapshots, trend) and
 * DCMM self-assessments (GB/T 36073-2018). The only face other modules may import. Depends on
 * identity (organisations), catalog (resources, mounts, quality) and, when present, sharing —
 * always through their public services, never their tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { App } from '../../platform/http/server.js';
import type { CatalogService } from '../catalog/index.js';
import './cdo.events.js';
import { cdoMigrations } from './cdo.migrations.js';
import { cdoRoutes } from './cdo.routes.js';
import { AppointmentService } from './appointment.service.js';
import { EvaluationService } from './evaluation.service.js';
import { DcmmService } from './dcmm.service.js';
import type { CdoOrganisations } from './cdo.directory.js';
import type { SharingService } from '../sharing/index.js';
import { catalogSources, sharingPort } from './indicator.sources.js';

export { CdoErrors } from './cdo.errors.js';
export { DCMM_AREAS, DCMM_LEVELS, rollUp, type DcmmArea } from './dcmm.model.js';
export { INDICATORS, scoreOf, type Indicator, type IndicatorKey, type Weights } from './evaluation.indicators.js';
export type { AppointmentService, NewAppointment } from './appointment.service.js';
export type { EvaluationService } from './evaluation.service.js';
export type { DcmmService, NewAssessment, NewItem, ItemChanges } from './dcmm.service.js';
export type { SharingPort, SharingStats } from './indicator.sources.js';
export { sharingPort } from './indicator.sources.js';

export interface CdoService {
  appointments: AppointmentService;
  evaluations: EvaluationService;
  dcmm: DcmmService;
}

export interface CdoDeps {
  /** identity's organisation service (`IdentityService['organisations']`). */
  organisations: CdoOrganisations;
  catalog: CatalogService;
  /** The sharing module (requests received per source unit); absent → the sharing indicators are `unavailable`. */
  sharing?: SharingService | null | undefined;
}

export const cdoModule = {
  name: 'cdo',
  migrations: cdoMigrations,
  create(kernel: Kernel, deps: CdoDeps): CdoService {
    const appointments = new AppointmentService(kernel, deps.organisations);
    const sources = catalogSources(deps.catalog, deps.sharing ? sharingPort(deps.sharing.requests) : null);
    return {
      appointments,
      evaluations: new EvaluationService(kernel, deps.organisations, appointments, () => sources),
      dcmm: new DcmmService(kernel, deps.organisations),
    };
  },
  async routes(app: App, svc: CdoService): Promise<void> {
    await cdoRoutes(app, svc);
  },
};
