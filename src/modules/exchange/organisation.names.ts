/** identity's organisations, as much as the exchange needs. */
export interface ExchangeDirectory {
  get(orgId: string): Promise<{ id: string; name: { zh: string; en: string }; status: string; roles: string[]; did: string }>;
  getMany(orgIds: string[]): Promise<Array<{ id: string; name: { zh: string; en: string } }>>;
}

export type OrgName = { zh: string; en: string };

/** The names of organisations, in one lookup (an unknown id stands for itself). */
export async function namesOf(orgs: ExchangeDirectory, orgIds: Iterable<string | null | undefined>): Promise<Map<string, OrgName>> {
  const ids = [...new Set([...orgIds].filter((id): id is string => !!id))];
  const found = new Map((await orgs.getMany(ids)).map((o) => [o.id, o.name]));
  return new Map(ids.map((id) => [id, found.get(id) ?? { zh: id, en: id }]));
}
