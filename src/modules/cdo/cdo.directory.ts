/** What the cdo module reads of identity, through its public organisation service (`IdentityService['organisations']`). */
export interface OrgView {
  id: string;
  name: { zh: string; en: string };
  type: string;
  roles: readonly string[];
  status: string;
}
export interface CdoOrganisations {
  get(orgId: string): Promise<OrgView>;
  list(query: { type?: any; page: number; pageSize: number; sort: 'name' | 'createdAt'; order: 'asc' | 'desc' }): Promise<{ items: OrgView[]; total: number }>;
  listUsers(orgId: string, page: number, pageSize: number): Promise<{ items: Array<{ id: string; displayName: string; status: string }>; total: number }>;
}

/** Organisation types whose data is public data (公共数据): the bodies the evaluation covers (as catalog's scope rule). */
export const PUBLIC_BODY_TYPES = ['government', 'public_institution', 'public_enterprise'] as const;
