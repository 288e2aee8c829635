import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compactVerify, importJWK } from 'jose';
import { main } from '../../cli/main.js';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.js';
import { createSigner, generateKeyPair } from '../../platform/signing.js';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { signCredential } from './credential.codec.js';
import { decodeList, getBit, verifyCredential, type DidDocument } from './index.js';

// Monday 2026-11-02, 10:00 in Shanghai.
const START = new Date('2026-11-02T02:00:00Z');
const DAY = 86_400_000;
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10'];

describeEachEngine('data asset certificates (数据资产凭证) over HTTP', (engine) => {
  const clock = fixedClock(START);
  const h = useLiutong(engine, { sessionTtlSeconds: 30 * 24 * 3600 }, { clock });
  let bureau: TestOrg;
  let grid: TestOrg;
  let holder: TestOrg;
  let bank: TestOrg;
  let third: TestOrg;
  let holderUscc: string;
  let resource: string;
  let item: string;

  /** A fresh approved 电费贷 authorization of the holder to the bank. */
  const approvedConsent = async (maxUses = 5) => {
    const r = await h().call('POST', '/api/v1/authorization/consents', {
      token: bank.staffToken,
      body: { holderUscc, itemIds: [item], purpose: 'credit_approval', purposeText: '电费贷：审批流动资金贷款', periodFrom: MONTHS[0], periodTo: MONTHS[3], validUntil: new Date(clock.now().getTime() + 30 * DAY).toISOString(), maxUses },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const a = await h().call('POST', `/api/v1/authorization/consents/${r.body.id}/approve`, { token: holder.staffToken });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    return a.body as { id: string; grantIds: string[]; approvalEvent: { eventId: string; payloadDigest: string } };
  };
  const issue = (consentId: string, token = bureau.staffToken) => h().call('POST', '/api/v1/certificates/circulation', { token, body: { consentId } });
  const verify = (credential: string) => h().call('POST', '/api/v1/certificates/verify', { body: { credential } });
  const outcome = (r: { body: { checks: Array<{ check: string; outcome: string; code: string }> } }, name: string) => r.body.checks.find((c) => c.check === name);

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    grid = await h().org(['source_unit'], 'Grid', 'public_enterprise');
    holder = await h().org(['enterprise'], 'Factory');
    bank = await h().org(['enterprise'], 'Bank');
    third = await h().org(['enterprise'], 'Third');
    holderUscc = (await h().call('GET', `/api/v1/orgs/${holder.id}`, { token: holder.staffToken })).body.uscc;
    const G1 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
    resource = await h().publishedTable(grid, bureau, {
      title: { zh: '企业月度用电量（凭证测试）', en: 'Monthly electricity (certificate test)' }, categoryId: 'cat_theme000000000000001',
      sharing: { type: 'conditional', conditions: '企业授权后用于信贷审批' }, open: { type: 'none' },
      fields: [
        { name: 'uscc', label: { zh: '统一社会信用代码', en: 'USCC' }, dataType: 'string', key: true, grade: G1 },
        { name: 'month', label: { zh: '月份', en: 'Month' }, dataType: 'string', key: true, grade: G1 },
        { name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G1 },
      ],
    }, ['uscc,month,kwh', ...MONTHS.map((m, i) => `${holderUscc},${m},${2000 + i}`)].join('\n'));
    const d = await h().call('POST', '/api/v1/authorization/data-items', { token: bureau.staffToken, body: { code: 'ELEC.MONTHLY', name: { zh: '月度用电量', en: 'Monthly electricity usage' }, resourceId: resource, subjectKind: 'legal_person', subjectField: 'uscc', fields: ['kwh'], periodField: 'month' } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    item = d.body.id;
  });
  beforeEach(() => clock.set(START));

  it('电费贷: the bureau issues the circulation certificate, a generic JOSE library verifies it with the DID document, the bank records the loan, revoking the authorization revokes it', async () => {
    const consent = await approvedConsent();
    // Only the data bureau issues; only on an approved authorization; once.
    expect((await issue(consent.id, bank.staffToken)).status).toBe(403);
    const r = await issue(consent.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await issue(consent.id)).body.error.code).toBe('CERTIFICATES_ALREADY_ISSUED');
    const cert = r.body;
    expect(cert).toMatchObject({ type: 'circulation', status: 'active', holderOrgId: holder.id, userOrgId: bank.id, issuerOrgId: bureau.id, source: { kind: 'consent', id: consent.id } });
    const did = (await h().call('GET', `/api/v1/orgs/${bureau.id}`, { token: bureau.staffToken })).body.did as string;
    expect(cert.credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'PublicDataCirculationCredential'], issuer: { id: did },
      validUntil: new Date(START.getTime() + 30 * DAY).toISOString(),
      credentialSubject: {
        dataSubject: { identifier: { scheme: 'USCC', value: holderUscc } }, dataItems: [{ code: 'ELEC.MONTHLY', fields: ['kwh'] }], period: { from: MONTHS[0], to: MONTHS[3] },
        purpose: { code: 'credit_approval' }, authorization: { id: consent.id, revocable: true }, certificateNo: cert.id,
      },
      evidence: [{ eventId: consent.approvalEvent.eventId, payloadDigest: consent.approvalEvent.payloadDigest, eventType: 'authorization.consent.approved' }],
      termsOfUse: [{ type: 'OdrlPolicy' }],
    });
    expect(cert.credential.credentialStatus.map((s: { statusPurpose: string }) => s.statusPurpose)).toEqual(['revocation', 'suspension']);

    // Nothing but `jose` and the issuer's public DID document (did:web → /orgs/{id}/did.json).
    const header = JSON.parse(Buffer.from(cert.jwt.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ typ: 'vc+jwt', alg: 'EdDSA' });
    const doc = (await h().call('GET', `/orgs/${bureau.id}/did.json`)).body as DidDocument;
    expect(doc.id).toBe(did);
    const vm = doc.verificationMethod!.find((m) => m.id === header.kid)!;
    const { payload, protectedHeader } = await compactVerify(cert.jwt, await importJWK(vm.publicKeyJwk as never, 'EdDSA'));
    expect(protectedHeader.typ).toBe('vc+jwt');
    expect(JSON.parse(Buffer.from(payload).toString())).toEqual(cert.credential);

    // The platform's verifier: every check passes once the evidence is in the ledger (pending before).
    const early = await verify(cert.jwt);
    expect(early.body.valid).toBe(true);
    expect(['pending', 'passed']).toContain(outcome(early, 'evidence')!.outcome);
    await h().lt.flush();
    const ok = await verify(cert.jwt);
    expect(ok.body.checks.map((c: { check: string; outcome: string }) => `${c.check}:${c.outcome}`)).toEqual(['format:passed', 'issuer:passed', 'signature:passed', 'validity:passed', 'status:passed', 'evidence:passed']);
    expect(ok.body.checks[0].message['zh-CN']).toContain('W3C');

    // The holder sees it in its wallet, the bank among what it received; nobody else.
    expect((await h().call('GET', '/api/v1/certificates', { token: holder.auditorToken })).body.items.map((c: { id: string }) => c.id)).toContain(cert.id);
    expect((await h().call('GET', '/api/v1/certificates?box=received', { token: bank.auditorToken })).body.items.map((c: { id: string }) => c.id)).toContain(cert.id);
    expect((await h().call('GET', '/api/v1/certificates?box=all', { token: third.auditorToken })).body.items).toEqual([]);
    expect((await h().call('GET', `/api/v1/certificates?box=all&sourceId=${consent.id}`, { token: bureau.auditorToken })).body.items.map((c: { id: string }) => c.id)).toEqual([cert.id]);
    expect((await h().call('GET', `/api/v1/certificates/${cert.id}`, { token: third.staffToken })).status).toBe(404);

    // The bank records the loan decision; the holder sees it; a third party cannot record one.
    const use = await h().call('POST', `/api/v1/certificates/${cert.id}/uses`, { token: bank.staffToken, body: { note: '电费贷审批通过，授信 300 万元', amountFen: '300000000' } });
    expect(use.status, JSON.stringify(use.body)).toBe(201);
    expect((await h().call('POST', `/api/v1/certificates/${cert.id}/uses`, { token: third.staffToken, body: { note: '冒用' } })).status).toBe(404);
    const uses = await h().call('GET', `/api/v1/certificates/${cert.id}/uses`, { token: holder.auditorToken });
    expect(uses.body.items).toEqual([expect.objectContaining({ verifierOrgId: bank.id, amountFen: '300000000', note: '电费贷审批通过，授信 300 万元' })]);

    // The bank reads the data; the holder revokes the authorization: the certificate is revoked and the next read refused.
    const read = await h().call('GET', `/api/v1/data/${resource}/rows?grant=${consent.grantIds[0]}&pageSize=10`, { token: bank.staffToken });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect((await h().call('POST', `/api/v1/authorization/consents/${consent.id}/revoke`, { token: holder.staffToken, body: { reason: '贷款已结清' } })).status).toBe(200);
    expect((await h().call('GET', `/api/v1/data/${resource}/rows?grant=${consent.grantIds[0]}&pageSize=10`, { token: bank.staffToken })).status).toBe(403);
    await h().lt.flush(); // the revocation event reaches the certificates module's handler once sequenced
    await expect.poll(async () => (await h().call('GET', `/api/v1/certificates/${cert.id}`, { token: holder.auditorToken })).body.status, { timeout: 10_000 }).toBe('revoked');
    const revoked = await verify(cert.jwt);
    expect(revoked.body.valid).toBe(false);
    expect(outcome(revoked, 'status')).toMatchObject({ outcome: 'failed', code: 'revoked' });
    expect((await h().call('POST', `/api/v1/certificates/${cert.id}/uses`, { token: bank.staffToken, body: { note: '再次使用' } })).body.error.code).toBe('CERTIFICATES_STATE_CONFLICT');

    // The public status list: the revocation bit is set, cacheable, unchanged lists answer 304.
    const entry = cert.credential.credentialStatus[0];
    const list = await h().call('GET', new URL(entry.statusListCredential).pathname);
    expect(list.status).toBe(200);
    expect(list.headers['content-type']).toContain('application/vc+jwt');
    expect(list.headers['cache-control']).toBe('public, max-age=60');
    const listCredential = JSON.parse(Buffer.from(String(list.body).split('.')[1]!, 'base64url').toString());
    expect(listCredential).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: did, credentialSubject: { statusPurpose: 'revocation', ttl: 60_000 } });
    expect(getBit(decodeList(listCredential.credentialSubject.encodedList), Number(entry.statusListIndex))).toBe(true);
    expect((await h().call('GET', new URL(entry.statusListCredential).pathname, { headers: { 'if-none-match': String(list.headers.etag) } })).status).toBe(304);

    // Evidence on the ledger for every lifecycle step.
    await h().lt.flush();
    const trail = (await h().call('GET', `/api/v1/ledger/entries?subjectId=${cert.id}&order=asc&pageSize=20`, { token: h().adminToken })).body.items.map((e: { entry: { type: string } }) => e.entry.type);
    expect(trail).toEqual(['certificates.certificate.issued', 'certificates.certificate.applied', 'certificates.certificate.revoked']);
  });

  it('suspends and reinstates, expires, and names the failing check of forged, altered, wrong-issuer and unknown-evidence certificates', async () => {
    const consent = await approvedConsent();
    const cert = (await issue(consent.id)).body;
    await h().lt.flush();
    // Suspension: only the issuer; the status check says suspended; reinstating restores it.
    expect((await h().call('POST', `/api/v1/certificates/${cert.id}/suspend`, { token: holder.staffToken, body: { reason: '核查' } })).status).toBe(403);
    expect((await h().call('POST', `/api/v1/certificates/${cert.id}/suspend`, { token: bureau.staffToken, body: { reason: '核查授权材料' } })).body.status).toBe('suspended');
    expect(outcome(await verify(cert.jwt), 'status')).toMatchObject({ outcome: 'failed', code: 'suspended' });
    expect((await h().call('POST', `/api/v1/certificates/${cert.id}/suspend`, { token: bureau.staffToken, body: { reason: '再次' } })).body.error.code).toBe('CERTIFICATES_STATE_CONFLICT');
    expect((await h().call('POST', `/api/v1/certificates/${cert.id}/reinstate`, { token: bureau.staffToken })).body.status).toBe('active');
    expect((await verify(cert.jwt)).body.valid).toBe(true);

    // Altered: one claim changed, the signature kept.
    const [hd, pl, sg] = cert.jwt.split('.');
    const changed = { ...JSON.parse(Buffer.from(pl, 'base64url').toString()), validUntil: '2099-01-01T00:00:00.000Z' };
    const altered = await verify(`${hd}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${sg}`);
    expect(altered.body.valid).toBe(false);
    expect(outcome(altered, 'signature')).toMatchObject({ outcome: 'failed', code: 'bad' });
    // Forged: a key that is not the issuer's, under the issuer's DID.
    const rogue = createSigner('Ed25519', 'key_rogue', generateKeyPair('Ed25519').privateKeyPkcs8Der);
    const issuerDid = cert.credential.issuer.id as string;
    expect(outcome(await verify(signCredential(cert.credential, rogue, issuerDid)), 'issuer')).toMatchObject({ outcome: 'failed', code: 'unknown_key' });
    // Wrong issuer: the bank signs a lookalike with its own real key.
    const bankDid = (await h().call('GET', `/api/v1/orgs/${bank.id}`, { token: bank.staffToken })).body.did as string;
    const bankSigner = await h().lt.identity.keys.signerFor(bank.id);
    const lookalike = await verify(signCredential({ ...cert.credential, issuer: { id: bankDid, name: '银行' } }, bankSigner, bankDid));
    expect(outcome(lookalike, 'issuer')).toMatchObject({ outcome: 'failed', code: 'not_authorized' });
    expect(outcome(lookalike, 'signature')!.outcome).toBe('passed');
    expect(lookalike.body.valid).toBe(false);
    // Evidence citing an event the ledger never had, signed by the real issuer key (a compromised-issuer story): unknown.
    const bureauSigner = await h().lt.identity.keys.signerFor(bureau.id);
    const fakeEvidence = await verify(signCredential({ ...cert.credential, evidence: [{ eventId: 'evt_00000000000000000000', payloadDigest: 'sha256:00', eventType: 'authorization.consent.approved' }] }, bureauSigner, issuerDid));
    expect(outcome(fakeEvidence, 'evidence')).toMatchObject({ outcome: 'failed', code: 'unknown' });
    expect(outcome(fakeEvidence, 'signature')!.outcome).toBe('passed');
    // Not a credential at all.
    expect(outcome(await verify('not.a.jwt'), 'format')).toMatchObject({ outcome: 'failed' });
    expect((await verify('')).status).toBe(400);

    // Offline: the bundle alone verifies it (what `liutong cert verify` does), and the verdict changes with time.
    const bundle = (await h().call('GET', `/api/v1/certificates/${cert.id}/bundle`, { token: holder.auditorToken })).body;
    const ctx = (now: Date) => ({
      now, logKey: bundle.logKey as string,
      didDocument: async (d: string) => (bundle.didDocuments[d] ?? null) as DidDocument | null,
      statusList: async (u: string) => (bundle.statusLists[u] ?? null) as string | null,
      receipt: async (e: string) => bundle.receipts[e] ?? null,
    });
    expect((await verifyCredential(bundle.credential, ctx(clock.now()))).valid).toBe(true);
    const later = await verifyCredential(bundle.credential, ctx(new Date(START.getTime() + 31 * DAY)));
    expect(later.checks.find((c) => c.check === 'validity')).toMatchObject({ outcome: 'failed', code: 'expired' });
    // The same from the command line: `liutong cert verify FILE`.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'liutong-cert-')), 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle));
    const cli = async (...args: string[]) => { const lines: string[] = []; const code = await main(['cert', 'verify', file, ...args], (l) => lines.push(l)); return { code, out: lines.join('\n') }; };
    const good = await cli('--issuer', issuerDid, '--at', clock.now().toISOString());
    expect(good.code, good.out).toBe(0);
    expect(good.out).toMatch(/PASS {2}signature/);
    expect(good.out.split('\n').pop()).toBe('VALID');
    const lateCli = await cli('--at', new Date(START.getTime() + 31 * DAY).toISOString(), '--lang', 'en-US');
    expect(lateCli.code).toBe(1);
    expect(lateCli.out).toContain('INVALID: validity (expired)');
    expect(lateCli.out).toContain('Expired (valid until');
    expect((await cli('--issuer', bankDid, '--at', clock.now().toISOString())).out).toContain('INVALID: issuer (not_authorized)');
    writeFileSync(file, JSON.stringify({ ...bundle, credential: `${hd}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${sg}` }));
    expect((await cli('--at', clock.now().toISOString())).out).toContain('INVALID: signature (bad)');

    // Expiry on the platform: the sweep marks it expired (the authorization expires with it).
    clock.set(new Date(START.getTime() + 31 * DAY));
    await h().relogin(holder);
    await h().relogin(bureau);
    await h().lt.certificates.certificates.sweep();
    expect((await h().call('GET', `/api/v1/certificates/${cert.id}`, { token: holder.auditorToken })).body.status).toBe('expired');
    expect(outcome(await verify(cert.jwt), 'validity')).toMatchObject({ outcome: 'failed', code: 'expired' });
    expect((await h().call('POST', `/api/v1/certificates/${cert.id}/revoke`, { token: bureau.staffToken, body: { reason: '过期后撤销' } })).body.error.code).toBe('CERTIFICATES_STATE_CONFLICT');
  });

  it('draws status indexes at random, never twice, and refuses certificates on authorizations not in force', async () => {
    const certs = [];
    for (let i = 0; i < 6; i++) certs.push((await issue((await approvedConsent()).id)).body);
    const indexes = certs.map((c) => Number(c.credential.credentialStatus[0].statusListIndex));
    expect(new Set(indexes).size).toBe(6);
    const sorted = [...indexes].sort((a, b) => a - b);
    expect(sorted.some((v, i) => i > 0 && v - sorted[i - 1]! > 1)).toBe(true);
    // A pending request has no certificate.
    const pending = await h().call('POST', '/api/v1/authorization/consents', {
      token: bank.staffToken,
      body: { holderUscc, itemIds: [item], purpose: 'credit_approval', purposeText: '待批', periodFrom: MONTHS[0], periodTo: MONTHS[1], validUntil: new Date(clock.now().getTime() + 5 * DAY).toISOString(), maxUses: 1 },
    });
    expect((await issue(pending.body.id)).body.error).toMatchObject({ code: 'CERTIFICATES_SOURCE_NOT_ACTIVE', details: { status: 'pending' } });
  });
});
