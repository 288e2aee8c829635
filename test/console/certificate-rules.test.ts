import { describe, expect, it } from 'vitest';
import { computeAccess, type CurrentUser } from '../../console/src/access';
import { ROUTES } from '../../console/src/app.routes';
import { FEN_PATTERN, formatFen, yuanToFen } from '../../console/src/format/money.format';
import {
  boxesFor, bundleFileName, canIssue, certificateActions, CERTIFICATE_STATUSES, CERTIFICATE_TYPES, CHECKS, defaultBox, orgIdOfDid, parseCertificateInput, readCredential, sideOf,
} from '../../console/src/pages/certificates/certificate.rules';
// The test may read the server's schemas directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import { ApplyBody, CertificateStatusSchema, CertificateTypeSchema } from '../../src/modules/certificates/certificates.schemas';

const user = (orgRoles: string[], memberRole: string | null, orgId = 'org_a'): CurrentUser => ({ orgId, orgRoles, memberRole, personRoles: [] });

describe('money in fen (console/src/format/money.format.ts)', () => {
  it('formats integer fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen('300000000')).toBe('¥3,000,000.00');
    expect(formatFen('0')).toBe('¥0.00');
    expect(formatFen('5')).toBe('¥0.05');
    expect(formatFen('99')).toBe('¥0.99');
    expect(formatFen('100')).toBe('¥1.00');
    expect(formatFen('123456789')).toBe('¥1,234,567.89');
    expect(formatFen('999999999999999999')).toBe('¥9,999,999,999,999,999.99');
    expect(formatFen('-12345')).toBe('-¥123.45');
    expect(formatFen(null)).toBe('—');
    expect(formatFen('abc')).toBe('abc');
  });

  it('reads yuan into fen exactly, by string arithmetic', () => {
    const cases: Array<[string, string | null]> = [
      ['3000000', '300000000'], ['3,000,000', '300000000'], ['3,000,000.00', '300000000'], ['¥ 3,000,000.5', '300000050'], ['￥12.34', '1234'],
      ['0', '0'], ['0.01', '1'], ['0.1', '10'], ['00012.30', '1230'], ['1.', '100'], [' 42 ', '4200'],
      // Beyond what binary floating point can carry to the fen: still exact.
      ['9999999999999999.99', '999999999999999999'], ['1234567890123456.78', '123456789012345678'],
      ['', null], ['  ', null], ['1.234', null], ['-1', null], ['1e6', null], ['abc', null], ['.5', null], ['30,00,000', null], ['3,000,00', null], ['10000000000000000', null], ['1,2', null],
    ];
    for (const [input, fen] of cases) expect(yuanToFen(input), input).toBe(fen);
    // The round trip keeps every fen.
    for (const fen of ['0', '1', '10', '300000000', '123456789012345678']) expect(yuanToFen(formatFen(fen)), fen).toBe(fen);
  });

  it("accepts exactly what the server's amountFen pattern accepts", () => {
    const server = new RegExp((ApplyBody.properties.amountFen.anyOf[0] as { pattern: string }).pattern);
    expect(FEN_PATTERN.source).toBe(server.source);
    for (const y of ['0', '0.01', '3,000,000.00', '9999999999999999.99']) expect(server.test(yuanToFen(y)!), y).toBe(true);
  });
});

describe('certificate rules (pages/certificates/certificate.rules.ts)', () => {
  it('knows the types and statuses the API does', () => {
    expect([...CERTIFICATE_TYPES]).toEqual((CertificateTypeSchema as unknown as { enum: string[] }).enum);
    expect([...CERTIFICATE_STATUSES]).toEqual((CertificateStatusSchema as unknown as { enum: string[] }).enum);
    expect([...CHECKS]).toEqual(['format', 'issuer', 'signature', 'validity', 'status', 'evidence']);
  });

  it('offers the wallet to everyone signed in, issued to the data bureau, all to the overseers', () => {
    expect(computeAccess(null)['certificates.wallet']).toBe(false);
    expect(computeAccess(user(['enterprise'], 'auditor'))['certificates.wallet']).toBe(true);
    expect(boxesFor(user(['enterprise'], 'staff'))).toEqual(['held', 'received']);
    expect(boxesFor(user(['data_bureau', 'implementing_body'], 'org_admin'))).toEqual(['held', 'received', 'issued', 'all']);
    expect(boxesFor(user(['regulator'], 'auditor'))).toEqual(['held', 'received', 'all']);
    expect(boxesFor(null)).toEqual([]);
    expect(defaultBox(user(['enterprise'], 'staff'))).toBe('held');
    expect(defaultBox(user(['data_bureau'], 'auditor'))).toBe('issued');
    expect(defaultBox(user(['regulator'], 'staff'))).toBe('all');
    // Issuing: the data bureau's org_admin or staff (POST /certificates/circulation).
    for (const [roles, member, may] of [[['data_bureau'], 'org_admin', true], [['data_bureau'], 'staff', true], [['data_bureau'], 'auditor', false], [['regulator'], 'org_admin', false], [['enterprise'], 'staff', false]] as const) {
      expect(canIssue(user([...roles], member)), `${roles} ${member}`).toBe(may);
      expect(computeAccess(user([...roles], member))['certificates.issue'], `${roles} ${member}`).toBe(may);
    }
    expect(ROUTES.find((r) => r.path === '/verify/certificate')).toMatchObject({ access: 'public', area: 'portal', menu: true });
    expect(ROUTES.find((r) => r.path === '/console/certificates')).toMatchObject({ access: 'certificates.wallet', area: 'console', menu: true });
  });

  it('offers the issuer suspend, reinstate and revoke, and the data user recording a use, by state', () => {
    const cert = (status: string) => ({ issuerOrgId: 'org_bureau', holderOrgId: 'org_factory', userOrgId: 'org_bank', status });
    const on = (u: CurrentUser | null, c: ReturnType<typeof cert>) => Object.entries(certificateActions(u, c)).filter(([, v]) => v).map(([k]) => k);
    const bureau = user(['data_bureau'], 'staff', 'org_bureau');
    const bank = user(['enterprise'], 'org_admin', 'org_bank');
    const factory = user(['enterprise'], 'org_admin', 'org_factory');
    expect(on(bureau, cert('active'))).toEqual(['suspend', 'revoke']);
    expect(on(bureau, cert('suspended'))).toEqual(['reinstate', 'revoke']);
    expect(on(bureau, cert('revoked'))).toEqual([]);
    expect(on(bureau, cert('expired'))).toEqual([]);
    expect(on(user(['data_bureau'], 'auditor', 'org_bureau'), cert('active'))).toEqual([]);
    expect(on(bank, cert('active'))).toEqual(['apply']);
    expect(on(bank, cert('suspended'))).toEqual([]);
    expect(on(user(['enterprise'], 'finance', 'org_bank'), cert('active'))).toEqual([]);
    expect(on(factory, cert('active'))).toEqual([]);
    expect(on(null, cert('active'))).toEqual([]);
    expect(sideOf(factory, cert('active'))).toBe('holder');
    expect(sideOf(bank, cert('active'))).toBe('user');
    expect(sideOf(bureau, cert('active'))).toBe('issuer');
    expect(sideOf(user(['regulator'], 'staff', 'org_reg'), cert('active'))).toBe('overseer');
  });

  it('reads a circulation credential for display, and tolerates what it lacks', () => {
    const did = (id: string) => `did:web:liutong.test:orgs:${id}`;
    const v = readCredential({
      '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:liutong:certificate:crt_1', type: ['VerifiableCredential', 'PublicDataCirculationCredential'],
      issuer: { id: did('org_00000000000000000001'), name: '数据局' }, validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2026-04-01T00:00:00.000Z',
      credentialSubject: {
        certificateNo: 'crt_1', dataSubject: { id: did('org_00000000000000000002'), name: '工厂', kind: 'legal_person', identifier: { scheme: 'USCC', value: '91440604X' } },
        dataProvider: [{ id: did('org_00000000000000000003'), name: '电网', uscc: '9144' }], dataUser: { id: did('org_00000000000000000004'), name: '银行', uscc: '9144B' },
        dataItems: [{ code: 'ELEC.MONTHLY', name: '月度用电量', fields: ['kwh', 'fee'] }], period: { from: '2025-11', to: '2026-10' }, purpose: { code: 'credit_approval', text: '电费贷' },
        authorization: { id: 'cns_1', recordDigest: 'sha256:ab', approvedAt: '2026-01-01T00:00:00.000Z', validUntil: '2026-04-01T00:00:00.000Z', maxUses: 20, revocable: true },
      },
      credentialStatus: [{ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://x/api/v1/public/certificates/status/stl_1' }],
      evidence: [{ eventId: 'evt_1', eventType: 'authorization.consent.approved', payloadDigest: 'sha256:cd', subject: 'cns_1' }],
    });
    expect(v).toMatchObject({
      certificateNo: 'crt_1', issuer: { name: '数据局' }, dataSubject: { name: '工厂', identifier: { scheme: 'USCC', value: '91440604X' } }, providers: [{ name: '电网', uscc: '9144' }],
      dataUser: { name: '银行' }, dataItems: [{ code: 'ELEC.MONTHLY', fields: ['kwh', 'fee'] }], period: { from: '2025-11', to: '2026-10' }, authorization: { id: 'cns_1', maxUses: 20 },
      status: [{ purpose: 'revocation', index: '7' }], evidence: [{ eventId: 'evt_1', eventType: 'authorization.consent.approved' }],
    });
    expect(orgIdOfDid(v.dataUser!.id)).toBe('org_00000000000000000004');
    expect(orgIdOfDid('did:web:elsewhere.example')).toBeNull();
    const empty = readCredential({ issuer: 'did:web:x', credentialSubject: 'no' });
    expect(empty).toMatchObject({ issuer: { id: 'did:web:x', name: null }, dataSubject: null, providers: [], dataItems: [], status: [], evidence: [], authorization: null });
    expect(readCredential(null).types).toEqual([]);
  });

  it('takes a pasted vc+jwt as it is, and the credential out of a pasted or uploaded bundle', () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJ0eXBlIjpbXX0.c2ln';
    expect(parseCertificateInput(`  ${jwt}\n`)).toEqual({ ok: true, credential: jwt });
    expect(parseCertificateInput(JSON.stringify({ type: 'liutong.certificate.bundle', v: 1, credential: jwt, didDocuments: {} }, null, 2))).toEqual({ ok: true, credential: jwt });
    expect(parseCertificateInput(JSON.stringify(jwt))).toEqual({ ok: true, credential: jwt });
    expect(parseCertificateInput('not a jwt')).toEqual({ ok: true, credential: 'not a jwt' }); // the server explains the format failure
    expect(parseCertificateInput('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseCertificateInput('{ "credential": ')).toEqual({ ok: false, problem: 'json' });
    expect(parseCertificateInput('{ "type": "liutong.certificate.bundle" }')).toEqual({ ok: false, problem: 'shape' });
    expect(parseCertificateInput('x'.repeat(200_001))).toEqual({ ok: false, problem: 'too_long' });
    expect(bundleFileName('crt_abc')).toBe('certificate-crt_abc.bundle.json');
    expect(bundleFileName('../x')).toBe('certificate-certificate.bundle.json');
  });
});
