import type { Principal } from '../../platform/http/access.js';

/** identity's organisations, as much as the exchange needs. */
export interface ExchangeDirectory {
  get(orgId: string): Promise<{ id: string; name: { zh: string; en: string }; status: string; roles: string[]; did: string; uscc?: string | null }>;
  getMany(orgIds: string[]): Promise<Array<{ id: string; name: { zh: string; en: string }; did: string }>>;
}

export type OrgName = { zh: string; en: string };

/** The names and DIDs of organisations, in one lookup (an unknown id stands for itself). */
export async function partiesOf(orgs: ExchangeDirectory, orgIds: Iterable<string | null | undefined>): Promise<Map<string, { name: OrgName; did: string }>> {
  const ids = [...new Set([...orgIds].filter((id): id is string => !!id))];
  const found = new Map((await orgs.getMany(ids)).map((o) => [o.id, { name: o.name, did: o.did }]));
  return new Map(ids.map((id) => [id, found.get(id) ?? { name: { zh: id, en: id }, did: id }]));
}

/** The names of organisations, in one lookup (an unknown id stands for itself). */
export async function namesOf(orgs: ExchangeDirectory, orgIds: Iterable<string | null | undefined>): Promise<Map<string, OrgName>> {
  const ids = [...new Set([...orgIds].filter((id): id is string => !!id))];
  const found = new Map((await orgs.getMany(ids)).map((o) => [o.id, o.name]));
  return new Map(ids.map((id) => [id, found.get(id) ?? { zh: id, en: id }]));
}

/** The exchange and the regulator see every member's records at the exchange. */
export const oversees = (p: Principal): boolean => p.orgRoles.includes('exchange') || p.orgRoles.includes('regulator');
