import { describe, expect, it } from 'vitest';
import { canManageOrg, canSeeOrgPrivate, computeAccess, PERMISSIONS, resourceActions, type CurrentUser } from '../../console/src/access';
import { ROUTES } from '../../console/src/app.routes';

const user = (orgRoles: string[], memberRole: string | null, orgId = 'org_a'): CurrentUser => ({ orgId, orgRoles, memberRole, personRoles: [] });

describe('console access', () => {
  it('gives an anonymous visitor only public pages', () => {
    const a = computeAccess(null);
    expect(PERMISSIONS.filter((p) => a[p])).toEqual(['public']);
  });

  it('lets only admins of the platform or the data bureau register organisations (POST /orgs policy)', () => {
    expect(computeAccess(user(['platform_admin'], 'org_admin'))['orgs.create']).toBe(true);
    expect(computeAccess(user(['data_bureau'], 'org_admin'))['orgs.create']).toBe(true);
    expect(computeAccess(user(['data_bureau'], 'staff'))['orgs.create']).toBe(false);
    expect(computeAccess(user(['enterprise'], 'org_admin'))['orgs.create']).toBe(false);
    expect(computeAccess(user(['regulator'], 'org_admin'))['orgs.create']).toBe(false);
  });

  it('follows member roles for keys, seals and attestations', () => {
    const auditor = computeAccess(user(['enterprise'], 'auditor'));
    expect(auditor['orgs.viewApiKeys']).toBe(true);
    expect(auditor['orgs.manageApiKeys']).toBe(false);
    expect(auditor['seals.sign']).toBe(false);
    const staff = computeAccess(user(['enterprise'], 'staff'));
    expect(staff['orgs.viewApiKeys']).toBe(false);
    expect(staff['seals.sign']).toBe(true);
    expect(staff['ledger.attest']).toBe(true);
    expect(computeAccess(user(['enterprise'], 'finance'))['ledger.attest']).toBe(false);
  });

  it('lets every signed-in user browse the resource catalog, and org_admin or staff catalogue (POST /catalog/resources policy)', () => {
    expect(computeAccess(null)['catalog.resources']).toBe(false);
    for (const member of ['org_admin', 'staff', 'finance', 'auditor']) expect(computeAccess(user(['enterprise'], member))['catalog.resources']).toBe(true);
    expect(computeAccess(user(['source_unit'], 'org_admin'))['catalog.writeResources']).toBe(true);
    expect(computeAccess(user(['enterprise'], 'staff'))['catalog.writeResources']).toBe(true);
    expect(computeAccess(user(['enterprise'], 'finance'))['catalog.writeResources']).toBe(false);
    expect(computeAccess(user(['data_bureau'], 'auditor'))['catalog.writeResources']).toBe(false);
    expect(computeAccess(null)['catalog.writeResources']).toBe(false);
  });

  it('offers resource actions by state and role: owner submits, bureau publishes public data, owner admin social data', () => {
    const grid = user(['source_unit'], 'staff', 'org_grid');
    const bureau = user(['data_bureau'], 'org_admin', 'org_bureau');
    const bank = user(['enterprise'], 'org_admin', 'org_bank');
    const bankStaff = user(['enterprise'], 'staff', 'org_bank');
    const pub = (status: string) => ({ sourceOrgId: 'org_grid', scope: 'public' as const, status, version: 1, headVersion: 1 });
    const soc = (status: string) => ({ sourceOrgId: 'org_bank', scope: 'social' as const, status, version: 1, headVersion: 1 });
    const on = (u: CurrentUser, r: Parameters<typeof resourceActions>[2]) => Object.entries(resourceActions(computeAccess(u), u, r)).filter(([, v]) => v).map(([k]) => k);
    expect(on(grid, pub('draft'))).toEqual(['edit', 'grade', 'submit']);
    expect(on(bureau, pub('draft'))).toEqual([]);
    expect(on(grid, pub('submitted'))).toEqual([]);
    expect(on(bureau, pub('submitted'))).toEqual(['publish']);
    expect(on(grid, pub('published'))).toEqual(['edit']);
    expect(on(bureau, pub('published'))).toEqual(['deprecate']);
    expect(on(bank, pub('published'))).toEqual([]);
    expect(on(bank, soc('submitted'))).toEqual(['publish']);
    expect(on(bankStaff, soc('submitted'))).toEqual([]);
    expect(on(bureau, soc('submitted'))).toEqual([]);
    expect(on(bank, soc('published'))).toEqual(['edit', 'deprecate']);
    expect(on(grid, { ...pub('published'), version: 1, headVersion: 2 })).toEqual([]);
  });

  it('lets only a regulator admin register witnesses', () => {
    expect(computeAccess(user(['regulator'], 'org_admin'))['ledger.witnesses']).toBe(true);
    expect(computeAccess(user(['regulator'], 'staff'))['ledger.witnesses']).toBe(false);
    expect(computeAccess(user(['data_bureau'], 'org_admin'))['ledger.witnesses']).toBe(false);
  });

  it("never offers another organisation's users or keys, except to the platform administrator", () => {
    const admin = user(['enterprise'], 'org_admin', 'org_a');
    const a = computeAccess(admin);
    expect(canManageOrg(a, admin, 'org_a')).toBe(true);
    expect(canManageOrg(a, admin, 'org_b')).toBe(false);
    expect(canSeeOrgPrivate(admin, 'org_b')).toBe(false);
    const platform = user(['platform_admin'], 'org_admin', 'org_p');
    expect(canManageOrg(computeAccess(platform), platform, 'org_b')).toBe(true);
    expect(canSeeOrgPrivate(platform, 'org_b')).toBe(true);
    expect(canManageOrg(computeAccess(null), null, 'org_a')).toBe(false);
  });

  it('route table: every entry names a known permission, and console pages need a signed-in user', () => {
    const paths = new Set<string>();
    for (const r of ROUTES) {
      expect(PERMISSIONS).toContain(r.access);
      expect(paths.has(r.path)).toBe(false);
      paths.add(r.path);
      if (r.area === 'console') expect(r.access).not.toBe('public');
    }
  });
});
