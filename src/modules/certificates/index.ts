/**
 * certificates — data asset certificates (数据资产凭证) as W3C Verifiable Credentials 2.0 secured as
 * vc+jwt, signed with the issuer organisation's key (did:web), with Bitstring Status Lists for
 * revocation and suspension, ledger evidence, a lifecycle of evidence events and public
 * verification (also offline: `liutong cert verify`). The only face other modules may import.
 *
 * Module order: … → authorization → registry → certificates → exchange. It depends on identity
 * (organisations, keys, DID documents), the ledger (receipts) and authorization (consents) through
 * their public services, never their tables.
 */
import type { Kernel } from '../../platform/kernel.js';
import type { App } from '../../platform/http/server.js';
import type { ConsentService } from '../authorization/index.js';
import type { ApplicationService } from '../registry/index.js';
import './certificates.events.js';
import { certificatesMigrations } from './certificates.migrations.js';
import { certificatesRoutes } from './certificates.routes.js';
import { CertificateService, type CertificateDirectory, type CertificateKeys, type LedgerReader } from './certificate.service.js';
import { StatusListService } from './status-list.service.js';

export { CertificatesErrors } from './certificates.errors.js';
export { isBundle, verifyBundle, verifyCredential, type CertificateBundle, type Verification, type VerifyContext, type Check, type DidDocument } from './credential.verifier.js';
export { decodeList, encodeList, getBit, MIN_STATUS_LIST_ENTRIES } from './status-list.codec.js';
export type { CertificateService, TransactionFacts } from './certificate.service.js';
export type { StatusListService } from './status-list.service.js';

export interface CertificatesService {
  certificates: CertificateService;
  statusLists: StatusListService;
}

export interface CertificatesDeps {
  organisations: CertificateDirectory;
  keys: CertificateKeys;
  consents: Pick<ConsentService, 'get'>;
  ledger: LedgerReader;
  registrations: Pick<ApplicationService, 'get'>;
}

export const certificatesModule = {
  name: 'certificates',
  migrations: certificatesMigrations,
  create(kernel: Kernel, deps: CertificatesDeps): CertificatesService {
    const statusLists = new StatusListService(kernel, { signerFor: (orgId) => deps.keys.signerFor(orgId), didOf: (orgId) => deps.organisations.didOf(orgId) });
    return { statusLists, certificates: new CertificateService(kernel, deps.organisations, deps.keys, deps.consents, deps.ledger, statusLists, deps.registrations) };
  },
  async routes(app: App, svc: CertificatesService): Promise<void> {
    await certificatesRoutes(app, svc);
  },
  /** Expires certificates and revokes those whose basis ended (config `certificates.sweepMs`); returns the stop function. */
  startSweeper(kernel: Kernel, svc: CertificatesService): () => void {
    const timer = setInterval(() => {
      svc.certificates.sweep().catch((err: unknown) => kernel.logger.error({ err }, 'certificate sweep failed; will retry'));
    }, kernel.config.certificates.sweepMs);
    timer.unref();
    return () => clearInterval(timer);
  },
};
