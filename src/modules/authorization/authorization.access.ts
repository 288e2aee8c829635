import type { OrganisationSearch } from './consent.service.js';

/** Who oversees every agreement, authorization and disclosure: the data bureau and the regulator. */
export { OVERSEER_ROLES as OVERSEERS } from '../../platform/http/access.js';

/**
 * The platform operator's organisation (created by `liutong start` before anything else): it seals
 * data packages, signs webhooks and is the caller of record of real-name checks.
 */
export async function platformOperatorId(orgs: Pick<OrganisationSearch, 'list'>): Promise<string> {
  const op = (await orgs.list({ role: 'platform_admin', page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' })).items[0];
  if (!op) throw new Error('no platform operator organisation');
  return op.id;
}
