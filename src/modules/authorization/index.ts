/**
 * authorization — authorized operation (授权运营): agreements between implementing bodies (实施机构)
 * and operators (运营机构) with their scope, term, fee cap and seals; the gateway grants they carry
 * while in force; the products operators declare under them; and the annual disclosure reports.
 * Data-subject authorization (数据主体授权) of the digital spaces: data items, requests, consent
 * records, revocation, deletion attestations and access history. The only face other modules may import.
 *
 * Module order: identity → ledger → catalog → gateway → sharing → opendata → cdo → authorization.
 * It depends on identity (organisations, seals), catalog (resources) and the gateway (grants)
 * through their public services, never their tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { App } from '../../platform/http/server.js';
import type { CatalogService } from '../catalog/index.js';
import type { GatewayService } from '../gateway/index.js';
import type { Signer } from '../../platform/signing.js';
import './authorization.events.js';
import { authorizationMigrations } from './authorization.migrations.js';
import { authorizationRoutes } from './authorization.routes.js';
import { AgreementService, type SealApi } from './agreement.service.js';
import { ConsentService, type OrganisationSearch } from './consent.service.js';
import { DataItemService } from './data-item.service.js';
import { SpaceService } from './space.service.js';
import { NotificationService } from './notification.service.js';
import { CatalogSubjectVerifier, type SubjectVerifier } from './subject.verifier.js';
import { AccountService, type AccountDirectory } from './account.service.js';
import { DisclosureService } from './disclosure.service.js';
import { ProductService } from './product.service.js';
import { platformOperatorId } from './authorization.access.js';
import { LicenceService } from './licence.service.js';

export { AuthorizationErrors } from './authorization.errors.js';
export { DEFAULT_MAX_TERM_YEARS, TRANSITIONS as AGREEMENT_TRANSITIONS } from './agreement.rules.js';
export type { AgreementService, NewAgreement } from './agreement.service.js';
export type { ProductService, NewProduct } from './product.service.js';
export type { DisclosureService } from './disclosure.service.js';
export type { ConsentService, NewConsentRequest } from './consent.service.js';
export type { DataItemService, NewDataItem } from './data-item.service.js';
export type { SpaceService } from './space.service.js';
export type { LicenceService, NewLicence, LicenceDocument } from './licence.service.js';
export type { SubjectVerifier, VerifyResult } from './subject.verifier.js';
export { maskResidentId, residentIdProblem, type AccountService } from './account.service.js';
export { NOTIFICATION_KINDS, webhookUrlProblem, type NotificationService } from './notification.service.js';

export interface AuthorizationService {
  agreements: AgreementService;
  products: ProductService;
  disclosures: DisclosureService;
  dataItems: DataItemService;
  consents: ConsentService;
  spaces: SpaceService;
  licences: LicenceService;
  notifications: NotificationService;
  verifier: SubjectVerifier;
  accounts: AccountService;
}

export interface AuthorizationDeps {
  organisations: OrganisationSearch & AccountDirectory;
  seals: SealApi;
  /** identity's keys: the platform operator's key signs webhooks. */
  keys: { signerFor(orgId: string): Promise<Signer> };
  catalog: CatalogService;
  gateway: GatewayService;
  /** A deployment's own real-name checks; default: the catalog's registry and population base through the gateway. */
  verifier?: SubjectVerifier;
}

export const authorizationModule = {
  name: 'authorization',
  migrations: authorizationMigrations,
  create(kernel: Kernel, deps: AuthorizationDeps): AuthorizationService {
    const notifications = new NotificationService(kernel, deps.organisations, deps.keys);
    const agreements = new AgreementService(kernel, deps.organisations, deps.catalog, deps.gateway.grants, deps.seals, notifications);
    const dataItems = new DataItemService(kernel, deps.catalog);
    const verifier = deps.verifier ?? new CatalogSubjectVerifier(kernel, deps.gateway, () => platformOperatorId(deps.organisations));
    const accounts = new AccountService(kernel, deps.organisations, verifier);
    const licences = new LicenceService(kernel, deps.organisations, deps.seals, accounts, notifications);
    return {
      agreements, products: new ProductService(kernel, agreements), disclosures: new DisclosureService(kernel, deps.organisations),
      dataItems, consents: new ConsentService(kernel, deps.organisations, deps.catalog, deps.gateway, deps.seals, dataItems, notifications, accounts),
      spaces: new SpaceService(kernel, deps.organisations, deps.gateway, deps.seals, verifier, accounts, licences), licences, notifications, verifier, accounts,
    };
  },
  async routes(app: App, svc: AuthorizationService): Promise<void> {
    await authorizationRoutes(app, svc);
  },
  /** Starts the periodic expiry sweep (config `authorization.expirySweepMs`); returns the function that stops it. */
  startSweeper(kernel: Kernel, svc: AuthorizationService): () => void {
    const timer = setInterval(() => {
      svc.agreements.sweepExpired().catch((err: unknown) => kernel.logger.error({ err }, 'authorization expiry sweep failed; will retry'));
      svc.consents.sweep().catch((err: unknown) => kernel.logger.error({ err }, 'consent sweep failed; will retry'));
    }, kernel.config.authorization.expirySweepMs);
    timer.unref();
    // Webhooks go out promptly: due deliveries every second (one sender at a time per process).
    let sending = false;
    const hooks = setInterval(() => {
      if (sending) return;
      sending = true;
      svc.notifications.deliverDue().catch((err: unknown) => kernel.logger.error({ err }, 'webhook delivery failed; will retry')).finally(() => { sending = false; });
    }, 1_000);
    hooks.unref();
    return () => {
      clearInterval(timer);
      clearInterval(hooks);
    };
  },
};
