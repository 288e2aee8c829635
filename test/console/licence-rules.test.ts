import { describe, expect, it } from 'vitest';
import * as client from '../../console/src/pages/licences/licence.rules';
import { computeAccess, PERMISSIONS, type CurrentUser } from '../../console/src/access';
import { ROUTES } from '../../console/src/app.routes';
import { MESSAGES } from '../../console/src/locales/all';
// The test may read the server's pure rules directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import * as server from '../../src/modules/authorization/licence.rules';
import { makeUscc, residentIdCheckChar } from '../../src/platform/uscc.validator';

/** The types as GET /authorization/licence-types describes them (LicenceService.typeViews). */
const views = server.LICENCE_TYPES.map((t) => ({ code: t.code, holderKind: t.holderKind, numberIsHolderId: t.number === 'holder', numberPattern: t.number === 'holder' ? null : t.number.source }));
const user = (orgRoles: string[], memberRole: string | null): CurrentUser => ({ orgId: 'org_a', orgRoles, memberRole, personRoles: [] });

describe('console licence rules mirror the server (licence.rules.ts)', () => {
  const uscc = makeUscc('91440604DEM0FACT0');
  const resident = (() => {
    const first17 = '44010619900307001';
    return first17 + residentIdCheckChar(first17);
  })();
  const wrong = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

  it('accepts and refuses holder identifiers as the server does', () => {
    const cases: Array<[client.HolderKind, string]> = [
      ['legal_person', uscc], ['legal_person', wrong(uscc)], ['legal_person', uscc.slice(0, 17)], ['legal_person', 'x'.repeat(18)],
      ['natural_person', resident], ['natural_person', wrong(resident)], ['natural_person', '44010619901307001X'], ['natural_person', 'abc'], ['natural_person', resident.slice(0, 17) + 'x'],
    ];
    for (const [kind, id] of cases) {
      const s = server.holderIdProblem(kind, id.trim().toUpperCase());
      expect(client.holderIdProblem(kind, id) === null, `${kind} ${id}`).toBe(s === null);
    }
    expect(client.holderIdProblem('legal_person', wrong(uscc))).toEqual({ kind: 'uscc', problem: 'checksum' });
    expect(client.holderIdProblem('natural_person', wrong(resident))).toEqual({ kind: 'resident_id', problem: 'checksum' });
  });

  it('checks the number by the type as the server does', () => {
    for (const view of views) {
      const type = server.LICENCE_TYPES.find((t) => t.code === view.code)!;
      const holder = view.holderKind === 'legal_person' ? uscc : resident;
      for (const n of [holder, 'JY14406040012345', 'JY1440604001234', 'jy14406040012345', 'XY14406040012345', resident]) {
        const s = server.numberProblem(type, n.trim().toUpperCase(), holder);
        expect(client.numberProblem(view, n, holder), `${view.code} ${n}`).toBe(s);
      }
    }
  });

  it('masks a person\'s number as the server does', () => {
    expect(client.maskNumber('natural_person', resident)).toBe(server.maskNumber('natural_person', resident));
    expect(client.maskNumber('legal_person', uscc)).toBe(uscc);
  });

  it('checks the validity: a first day, and a last day not before it unless long-term', () => {
    expect(client.validityProblem('2026-01-01', undefined, true)).toBeNull();
    expect(client.validityProblem('2026-01-01', '2026-01-01', false)).toBeNull();
    expect(client.validityProblem('2026-01-01', undefined, false)).toBe('valid_to');
    expect(client.validityProblem('2026-01-02', '2026-01-01', false)).toBe('valid_to_before_from');
    expect(client.validityProblem('2026-02-30', '2027-01-01', false)).toBe('valid_from');
    expect(client.validityProblem(undefined, '2027-01-01', false)).toBe('valid_from');
  });

  it('reads a licence file and names the download', () => {
    expect(client.parseLicenceFile('')).toEqual({ ok: false, problem: 'empty' });
    expect(client.parseLicenceFile('{')).toEqual({ ok: false, problem: 'json' });
    expect(client.parseLicenceFile('{"document":{}}')).toEqual({ ok: false, problem: 'shape' });
    expect(client.parseLicenceFile('[1]')).toEqual({ ok: false, problem: 'shape' });
    expect(client.parseLicenceFile('{"document":{"id":"lic_1"},"seal":{"v":1}}')).toEqual({ ok: true, document: { id: 'lic_1' }, seal: { v: 1 } });
    expect(client.licenceFileName({ id: 'lic_abc', licenceType: { code: 'FOOD_BUSINESS_LICENCE' } })).toBe('licence-FOOD_BUSINESS_LICENCE-lic_abc.json');
    expect(client.licenceFileName({ id: '../x', licenceType: {} })).toBe('licence-unknown-licence.json');
    expect(client.licenceFile({ document: { a: 1 }, seal: { b: 2 }, ...{ id: 'x', state: 'valid' } } as any)).toEqual({ document: { a: 1 }, seal: { b: 2 } });
  });

  it('says why a check failed, the seal first', () => {
    const ok: client.LicenceCheck = { valid: true, signature: 'valid', registered: true, issuerMatches: true, state: 'valid', licenceType: 'RESIDENT_ID', issuer: null, validTo: null, revokedAt: null };
    expect(client.verdictReason(ok)).toBeNull();
    expect(client.verdictReason({ ...ok, valid: false, signature: 'digest_mismatch', state: 'revoked' })).toBe('signature');
    expect(client.verdictReason({ ...ok, valid: false, registered: false, issuerMatches: false, state: 'unknown' })).toBe('not_registered');
    expect(client.verdictReason({ ...ok, valid: false, issuerMatches: false })).toBe('issuer_mismatch');
    expect(client.verdictReason({ ...ok, valid: false, state: 'revoked' })).toBe('revoked');
    expect(client.verdictReason({ ...ok, valid: false, state: 'expired' })).toBe('expired');
  });

  it('names every licence type the server knows, in both languages', () => {
    for (const t of server.LICENCE_TYPES) {
      expect(MESSAGES['zh-CN'][`licences.type.${t.code}` as keyof (typeof MESSAGES)['zh-CN']]).toBe(t.name.zh);
      expect(MESSAGES['en-US'][`licences.type.${t.code}` as keyof (typeof MESSAGES)['en-US']]).toBe(t.name.en);
    }
  });
});

describe('console access to licences (mirrors the licence routes of authorization.routes.ts)', () => {
  it('offers issuing to source units\' org_admin and staff, the list to source units and the overseers', () => {
    const on = (roles: string[], member: string | null) => {
      const a = computeAccess(user(roles, member));
      return PERMISSIONS.filter((p) => p.startsWith('licences.') && a[p]);
    };
    expect(on(['source_unit'], 'org_admin')).toEqual(['licences.view', 'licences.issue']);
    expect(on(['source_unit'], 'staff')).toEqual(['licences.view', 'licences.issue']);
    expect(on(['source_unit'], 'auditor')).toEqual(['licences.view']);
    expect(on(['regulator', 'source_unit'], 'org_admin')).toEqual(['licences.view', 'licences.issue']);
    expect(on(['regulator'], 'org_admin')).toEqual(['licences.view']);
    expect(on(['data_bureau'], 'staff')).toEqual(['licences.view']);
    expect(on(['enterprise'], 'org_admin')).toEqual([]);
    expect(on(['individual'], 'org_admin')).toEqual([]);
    expect(PERMISSIONS.filter((p) => p.startsWith('licences.') && computeAccess(null)[p])).toEqual([]);
  });

  it('routes the issuer page by licences.view and the verification page publicly', () => {
    expect(ROUTES.find((r) => r.path === '/console/authorization/licences')).toMatchObject({ access: 'licences.view', area: 'console', menu: true });
    expect(ROUTES.find((r) => r.path === '/verify/licence')).toMatchObject({ access: 'public', area: 'portal', menu: true });
  });
});
