import { describe, expect, it } from 'vitest';
import { computeAccess, type CurrentUser } from '../../console/src/access';

const user = (orgRoles: string[], memberRole: string | null): CurrentUser => ({ orgId: 'org_a', orgRoles, memberRole, personRoles: [] });

describe('console access to the three lists (mirrors the catalog system/demand/census/important-data routes)', () => {
  it('lets every signed-in user read, org_admin and staff write their own lists, and keeps census import and the catalogue for the bureau', () => {
    const auditor = computeAccess(user(['source_unit'], 'auditor'));
    expect([auditor['lists.systems'], auditor['lists.demands'], auditor['lists.importantData']]).toEqual([true, true, true]);
    expect([auditor['lists.writeSystems'], auditor['lists.writeDemands']]).toEqual([false, false]);
    const staff = computeAccess(user(['source_unit'], 'staff'));
    expect([staff['lists.writeSystems'], staff['lists.writeDemands'], staff['lists.census'], staff['lists.writeImportantData'], staff['lists.overview']]).toEqual([true, true, false, false, false]);
    const bureau = computeAccess(user(['data_bureau'], 'staff'));
    expect([bureau['lists.census'], bureau['lists.writeImportantData'], bureau['lists.overview']]).toEqual([true, true, true]);
    expect(computeAccess(user(['data_bureau'], 'auditor'))['lists.census']).toBe(false);
    expect(computeAccess(user(['regulator'], 'auditor'))['lists.overview']).toBe(true);
  });
});
