/** identity's organisations, as much as the exchange needs. */
export interface ExchangeDirectory {
  get(orgId: string): Promise<{ id: string; name: { zh: string; en: string }; status: string; roles: string[]; did: string }>;
}

export type OrgName = { zh: string; en: string };

/** The names of organisations, each looked up once (an unknown id stands for itself). */
export async function namesOf(orgs: ExchangeDirectory, orgIds: Iterable<string | null | undefined>): Promise<Map<string, OrgName>> {
  const out = new Map<string, OrgName>();
  for (const id of new Set(orgIds)) {
    if (!id) continue;
    const o = await orgs.get(id).catch(() => null);
    out.set(id, o?.name ?? { zh: id, en: id });
  }
  return out;
}
