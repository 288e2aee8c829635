/**
 * identity — organisations (USCC-checked), users, sessions, API keys, organisation signing keys,
 * did:web documents and electronic seals. The only face other modules may import.
 */
import type { Kernel } from '../../platform/kernel.js';
import { AuthService } from './auth.service.js';
import './identity.events.js';
import { identityMigrations } from './identity.migrations.js';
import { identityPublicRoutes, identityRoutes } from './identity.routes.js';
import { KeyService } from './key.service.js';
import { OrganisationService } from './organisation.service.js';
import { SealService } from './seal.service.js';
import { RelationshipService } from './relationship.service.js';

export { IdentityErrors } from './identity.errors.js';
export { isValidUscc, makeUscc, validateUscc, validateResidentId } from '../../platform/uscc.validator.js';
export type { Seal, SealCheck } from './seal.service.js';
export type { NewOrganisation, NewUser } from './organisation.service.js';
export type { NewRelationship, RelationReason, RelationshipService } from './relationship.service.js';

export interface IdentityService {
  organisations: OrganisationService;
  auth: AuthService;
  keys: KeyService;
  seals: SealService;
  relationships: RelationshipService;
}

export const identityModule = {
  name: 'identity',
  migrations: identityMigrations,
  create(kernel: Kernel): IdentityService {
    const keys = new KeyService(kernel);
    const organisations = new OrganisationService(kernel, keys);
    return {
      organisations,
      auth: new AuthService(kernel),
      keys,
      seals: new SealService(kernel, keys, (orgId) => organisations.didOf(orgId)),
      relationships: new RelationshipService(kernel),
    };
  },
  routes: identityRoutes,
  publicRoutes: identityPublicRoutes,
};
