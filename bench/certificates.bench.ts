/**
 * Data asset certificate benchmark (数据资产凭证: the public data asset circulation certificate,
 * 公共数据资产流通凭证), on PostgreSQL only.
 *
 * Set-up, through the real API and services (as authorization.bench): a data bureau, a source unit
 * (the grid) whose resource "monthly electricity" is mounted, quality-checked, submitted and
 * published, the data item ELEC.MONTHLY defined by the bureau, a bank, LIUTONG_BENCH_CERT_HOLDERS
 * holder enterprises (identity organisations with their rows mounted) and LIUTONG_BENCH_CERTIFICATES
 * consents requested by the bank and approved by a holder through `lt.authorization.consents` (real
 * consent records, seals, grants and approval events in the ledger).
 *
 * Measured:
 * 1. issuance: certificates/s of `lt.certificates.certificates.issueCirculation(consentId, bureau)`
 *    over every consent, LIUTONG_BENCH_CERT_IN_FLIGHT (default 16) at a time, after the bureau's
 *    first certificate was issued alone (it creates the issuer's two status lists; see 4): the reads of the
 *    consent and the four organisations, the issuer's signer, then in one transaction (group
 *    commit) two random status-list indexes, the certificate row and the evidence event; the vc+jwt
 *    is signed in it. Target ≥ 1,000/s (absolute). Reference, context only: node:crypto Ed25519
 *    signs/s of the same signing inputs; also a bare autocommit INSERT rate of rows of the same size
 *    at the same concurrency. Statement latencies and counts per certificate show where time goes.
 * 2. verification: `lt.certificates.certificates.verify(jwt)`/s over every issued certificate, same
 *    concurrency, after the ledger is flushed (so every evidence receipt exists) and a warm-up (the
 *    status list credentials are then built and cached by StatusListService). Reference: node:crypto
 *    Ed25519 verifies/s of the same JWS signing inputs with an imported key. Target: ratio ≥ 0.5.
 *    Where time goes: verifyCredential with in-memory resolvers (pure CPU), its parts timed alone,
 *    and the service's statements per verification.
 * 3. sanity: every issued certificate verified valid with its evidence passed (PASS/FAIL); one
 *    certificate revoked through the service fails with `revoked` on the next verify while another
 *    on the same list still verifies (PASS/FAIL).
 * 4. first issuance (PASS/FAIL): a second bureau's first 32 certificates issued at once must all
 *    succeed and leave one status list per purpose (StatusListService: "one list per issuer and
 *    purpose"); concurrent first issuances each find no committed list and create their own.
 * Observation without target: one certificate sweep (expiry + basis check) over all live certificates.
 * Failed issuances are counted (and fail the sanity check), not thrown.
 *
 * Environment: LIUTONG_BENCH_DATABASE_URL (the server; the bench creates and drops its own database
 * liutong_bench_*; unreachable = SKIP), LIUTONG_BENCH_CERTIFICATES (default 3,000),
 * LIUTONG_BENCH_CERT_HOLDERS (default 50), LIUTONG_BENCH_CERT_IN_FLIGHT (default 16).
 * The periodic certificate sweep is off for the run (certificates.sweepMs = 1 day; it reads the
 * consent of every live certificate, one query each): it is timed once instead.
 */
import { createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import type { Liutong } from '../src/liutong.app.js';
import type { Principal } from '../src/platform/http/access.js';
import { verifySignature, type JsonWebKey } from '../src/platform/signing.js';
import { makeUscc } from '../src/modules/identity/index.js';
import { decodeList, verifyCredential, type DidDocument, type Verification, type VerifyContext } from '../src/modules/certificates/index.js';
import { parseVerifierKey, verifyReceipt } from '../src/modules/ledger/index.js';
import { fmt, fmtMs, note, rateOf, report, skip, verdict } from './report.js';
import { latencies, postgresUnavailable, startPlatform, timeQueries, type QueryTimes } from './platform.js';
import { api, percentile } from './gateway.bench.js';

const NAME = 'certificates';
const ISSUE_TARGET = 1_000;
const VERIFY_TARGET_RATIO = 0.5;
const SETUP_CONCURRENCY = 8;
/** Consents kept for the first-issuance check: a second bureau's first certificates, all at once. */
const COLD_START = 32;
/** Verifications of the in-memory breakdown (each needs its receipt fetched first). */
const BREAKDOWN_SAMPLE = 500;
const ADMIN_PASSWORD = 'Bench-Admin-Passw0rd!';
const PASSWORD = 'Bench-Passw0rd!';
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function envInt(name: string, fallback: number, min = 1): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name}: expected an integer ≥ ${min}, got "${text}"`);
  return n;
}

/** Runs `fn` over `items`, `n` at a time; the results in the order of `items`. */
async function pool<T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  }));
  return out;
}

const loadavg = () => os.loadavg()[0]!.toFixed(1);
const randomUscc = () => makeUscc(`91440101${Array.from({ length: 9 }, () => USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)]).join('')}`);
const us = (ms: number) => `${fmt(ms * 1000)}µs`;
/** The parts of a compact JWS, as the verifier splits them. */
const jwsParts = (jws: string) => {
  const [h, p, s] = jws.split('.');
  return { input: Buffer.from(`${h}.${p}`, 'ascii'), payload: JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, any>, signature: Buffer.from(s!, 'base64url') };
};
/** Statements per unit of the kinds that ran, e.g. "select:certificates_status_list=2.0". */
function perUnitCounts(times: QueryTimes, units: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [kind, s] of [...times.byKind].sort((a, b) => b[1].n - a[1].n)) out[kind.replace(/ /g, ':')] = (s.n / units).toFixed(2);
  out.total = ([...times.byKind.values()].reduce((sum, s) => sum + s.n, 0) / units).toFixed(1);
  return out;
}

export const parts: readonly string[] = [];

export async function run(): Promise<void> {
  const why = await postgresUnavailable();
  if (why) return skip(NAME, why);
  const size = {
    certificates: envInt('LIUTONG_BENCH_CERTIFICATES', 3_000),
    holders: envInt('LIUTONG_BENCH_CERT_HOLDERS', 50),
    inFlight: envInt('LIUTONG_BENCH_CERT_IN_FLIGHT', 16),
  };
  const started = performance.now();
  const p = await startPlatform('postgres', { overrides: { 'certificates.sweepMs': 86_400_000 } });
  try {
    const { lt } = p;
    const dbName = new URL(lt.kernel.config.databaseUrl!).pathname.slice(1);
    const gc = lt.kernel.config.groupCommit;
    note(NAME, {
      engine: 'postgres', database: dbName, certificates: size.certificates, holders: size.holders, 'in-flight': size.inFlight,
      'group-commit': `max ${gc.maxGroup}, lanes ${gc.lanes}`, cores: os.cpus().length, 'load-average(1min)': loadavg(),
    });

    // ---- set-up through the API and the services ------------------------------------------------
    const t0 = performance.now();
    const s = await setUp(lt, size);
    note(`${NAME} set-up`, {
      'through-the-services': `bureau, grid, bank + ${size.holders} holder organisations, resource mounted with ${fmt(size.holders * MONTHS.length)} rows, data item ELEC.MONTHLY, ${fmt(size.certificates + 1 + COLD_START)} consents requested and approved (sealed, one grant and one approval event each; none bulk-loaded)`,
      time: fmtMs(performance.now() - t0), 'consents/s': fmt((size.certificates + 1 + COLD_START) / ((performance.now() - s.consentsFrom) / 1000)),
    });
    await lt.flush();

    // ---- 1. issuance ---------------------------------------------------------------------------------
    const certs = lt.certificates.certificates;
    // The issuer's first certificate, alone: it creates the issuer's two status lists. Concurrent
    // first issuances race to create them (see the first-issuance check at the end).
    const tf0 = performance.now();
    const firstCert = await certs.issueCirculation(s.first, s.bureau);
    const firstMs = performance.now() - tf0;
    const issueErrors = new Map<string, number>();
    const times = timeQueries(lt);
    const cpu0 = process.cpuUsage();
    const ti = performance.now();
    let loadDuring = loadavg();
    const la = setInterval(() => (loadDuring = loadavg()), 1_000);
    const issueLatency: number[] = [];
    const attempts = await pool(s.consents, size.inFlight, async (consentId) => {
      const t = performance.now();
      try {
        const c = await certs.issueCirculation(consentId, s.bureau);
        issueLatency.push(performance.now() - t);
        return c;
      } catch (err) {
        const code = String((err as { code?: unknown }).code ?? (err as Error).message.slice(0, 60)).replace(/\s+/g, '_');
        issueErrors.set(code, (issueErrors.get(code) ?? 0) + 1);
        return null;
      }
    });
    const issueMs = performance.now() - ti;
    clearInterval(la);
    const issueCpu = process.cpuUsage(cpu0);
    times.stop();
    const ok = attempts.filter((c) => c !== null);
    // Issue rate: certificates issued in the measured run (a failed issuance does not count).
    const issueRate = (ok.length * 1000) / issueMs;
    const issued = [firstCert, ...ok].map((c) => ({ id: c.id, jwt: c.jwt, eventId: (c.credential.evidence as Array<{ eventId: string }>)[0]!.eventId }));
    const failedIssues = [...issueErrors.values()].reduce((a, b) => a + b, 0);
    const parsed = issued.map((c) => jwsParts(c.jwt));
    const signRef = ed25519SignRate(parsed.map((x) => x.input));
    const issuePass = report({
      name: `${NAME}/issue`, size: ['certificates', ok.length], rate: issueRate, reference: { label: 'node:crypto Ed25519 signs of the same inputs, context only', rate: signRef }, target: { rate: ISSUE_TARGET },
    });
    const sortedIssue = issueLatency.sort((a, b) => a - b);
    const bare = await bareInsertRate(lt, size.inFlight, issued[0]!.jwt, parsed[0]!.payload);
    const counts = Object.fromEntries([...times.byKind].map(([k, v]) => [k, v.n]));
    const groups = counts.commit ?? 0;
    const listsOf = async (orgId: string) => (await lt.kernel.db.selectFrom('certificates_status_list as l')
      .select(['l.purpose', sql<number>`(select count(*) from certificates_status_entry e where e.list_id = l.id)`.as('allocated')]).where('l.issuer_org_id', '=', orgId).execute())
      .map((l) => `${l.purpose}:${fmt(Number(l.allocated))}`);
    note(`${NAME}/issue`, {
      'first-certificate(alone,creates-the-lists)': fmtMs(firstMs), time: fmtMs(issueMs), errors: failedIssues ? [...issueErrors].map(([k, v]) => `${k}×${v}`).join(',') : 0,
      'status-lists(purpose:allocated)': (await listsOf(s.bureauId)).join(','), p50: fmtMs(percentile(sortedIssue, 50)), p99: fmtMs(percentile(sortedIssue, 99)),
      'jwt-bytes': fmt(issued.reduce((n, c) => n + c.jwt.length, 0) / issued.length),
      'transactions(commits)': `${fmt(groups)} (${(ok.length / Math.max(1, groups)).toFixed(1)} certificates per commit, group commit)`,
      'process-cpu': `${(((issueCpu.user + issueCpu.system) / 1000 / issueMs) * 100).toFixed(0)}% of one core, ${fmt((issueCpu.user + issueCpu.system) / ok.length)}µs per certificate`,
      'bare-insert': `${fmt(bare)}/s (autocommit INSERT of a row with the same jwt and credential, ${size.inFlight} in flight, same pool: context)`,
      'machine-load-average(1min)': loadDuring,
    });
    note(`${NAME}/issue statements-per-certificate`, perUnitCounts(times, ok.length));
    note(`${NAME}/issue statement-latency`, latencies(times, ['certificates', ok.length], 10));
    const stmt = await statementCost(lt, size.inFlight, ok[0]!.id);
    note(`${NAME} statement-cost`, {
      'primary-key-SELECT-through-the-pool': `${fmt(stmt.rate)}/s at ${size.inFlight} in flight, ${fmt(stmt.cpuUs)}µs of this process's CPU each (Kysely + pg + socket)`,
      note: 'context for the statements-per-certificate/verification lines',
    });
    if (!issuePass) await issueBreakdown(lt, s, times, ok.length, issueMs, issueCpu, stmt);

    // ---- 2. verification -------------------------------------------------------------------------------
    const tf = performance.now();
    await lt.flush();
    const flushMs = performance.now() - tf;
    // Warm-up: the status list credentials are built (signed) once per list version and cached.
    for (const c of issued.slice(0, 32)) await certs.verify(c.jwt);
    const vtimes = timeQueries(lt);
    const vcpu0 = process.cpuUsage();
    const tv = performance.now();
    loadDuring = loadavg();
    const lv = setInterval(() => (loadDuring = loadavg()), 1_000);
    const verifyLatency: number[] = [];
    const results = await pool(issued, size.inFlight, async (c) => {
      const t = performance.now();
      const v = await certs.verify(c.jwt);
      verifyLatency.push(performance.now() - t);
      return v;
    });
    const verifyMs = performance.now() - tv;
    clearInterval(lv);
    const verifyCpu = process.cpuUsage(vcpu0);
    vtimes.stop();
    const verifyRate = (issued.length * 1000) / verifyMs;
    const bureauDoc = (await lt.identity.keys.didDocument(s.bureauId, lt.identity.organisations.didOf(s.bureauId))) as DidDocument;
    const jwk = bureauDoc.verificationMethod![0]!.publicKeyJwk!;
    const publicKey = createPublicKey({ key: jwk as never, format: 'jwk' });
    const verifyRef = rateOf((i) => edVerify(null, parsed[i % parsed.length]!.input, publicKey, parsed[i % parsed.length]!.signature), 1_000);
    report({
      name: `${NAME}/verify`, size: ['certificates', issued.length], rate: verifyRate, reference: { label: 'node:crypto Ed25519 verifies of the same signing inputs', rate: verifyRef }, target: { ratio: VERIFY_TARGET_RATIO },
    });
    const sortedVerify = verifyLatency.sort((a, b) => a - b);
    note(`${NAME}/verify`, {
      time: fmtMs(verifyMs), p50: fmtMs(percentile(sortedVerify, 50)), p99: fmtMs(percentile(sortedVerify, 99)), 'ledger-flush-before': fmtMs(flushMs),
      'process-cpu': `${(((verifyCpu.user + verifyCpu.system) / 1000 / verifyMs) * 100).toFixed(0)}% of one core, ${fmt((verifyCpu.user + verifyCpu.system) / issued.length)}µs per verification`,
      'machine-load-average(1min)': loadDuring,
    });
    note(`${NAME}/verify statements-per-verification`, perUnitCounts(vtimes, issued.length));
    note(`${NAME}/verify statement-latency`, latencies(vtimes, ['verifications', issued.length], 10));
    await verifyBreakdown(lt, { issued, parsed, bureauDoc, jwk, publicKey, serviceRate: verifyRate, verifyCpuUs: (verifyCpu.user + verifyCpu.system) / issued.length, stmt, statements: [...vtimes.byKind.values()].reduce((n, k) => n + k.n, 0) / issued.length });

    // ---- 3. sanity -------------------------------------------------------------------------------------
    const outcome = (v: Verification, check: string) => v.checks.find((c) => c.check === check);
    const invalid = results.filter((v) => !v.valid);
    const evidencePassed = results.filter((v) => outcome(v, 'evidence')?.outcome === 'passed').length;
    const firstBad = invalid[0]?.checks.filter((c) => c.outcome !== 'passed').map((c) => `${c.check}:${c.code}`).join(',') ?? '';
    verdict(`${NAME}/all-valid`, failedIssues === 0 && invalid.length === 0 && evidencePassed === results.length, {
      consents: s.consents.length + 1, issued: issued.length, 'issue-errors': failedIssues, verified: results.length, valid: results.length - invalid.length, invalid: invalid.length, 'evidence-passed': evidencePassed, ...(firstBad ? { 'first-invalid': firstBad } : {}),
      target: 'a-certificate-for-every-consent,every-one-valid-with-evidence-passed',
    });

    const tw = performance.now();
    const swept = await certs.sweep();
    note(`${NAME} observations`, {
      'certificate-sweep': `${fmtMs(performance.now() - tw)} over ${fmt(issued.length)} live certificates (expired ${swept.expired}, revoked ${swept.revoked}; one consents.get per live certificate, every certificates.sweepMs, default 60 s)`,
    });

    const [victim, neighbour] = [issued[0]!, issued[1 % issued.length]!];
    const before = await certs.verify(victim.jwt);
    const tr = performance.now();
    const revoked = await certs.revoke(victim.id, 'bench: revocation check', s.bureau);
    const revokeMs = performance.now() - tr;
    const tn = performance.now();
    const after = await certs.verify(victim.jwt);
    const nextMs = performance.now() - tn;
    const other = await certs.verify(neighbour.jwt);
    const status = outcome(after, 'status');
    verdict(`${NAME}/revocation`, before.valid && revoked.status === 'revoked' && !after.valid && status?.outcome === 'failed' && status.code === 'revoked' && (neighbour === victim || other.valid), {
      'verify-before': before.valid ? 'valid' : 'invalid', revoke: `${revoked.status} in ${fmtMs(revokeMs)}`,
      'next-verify': `${after.valid ? 'valid' : 'invalid'} status=${status?.outcome}:${status?.code} in ${fmtMs(nextMs)} (new list version built)`,
      'other-certificate-same-list': other.valid ? 'valid' : 'invalid', target: 'next-verify status=failed:revoked',
    });

    // A second bureau's first certificates, all issued at once: StatusListService keeps one list per
    // issuer and purpose; openList finds none until one is committed.
    const coldErrors = new Map<string, number>();
    const tc = performance.now();
    const cold = await pool(s.cold, size.inFlight, (consentId) => certs.issueCirculation(consentId, s.bureau2.principal).catch((err: unknown) => {
      const code = String((err as { code?: unknown }).code ?? (err as Error).message.slice(0, 60)).replace(/\s+/g, '_');
      coldErrors.set(code, (coldErrors.get(code) ?? 0) + 1);
      return null;
    }));
    const coldMs = performance.now() - tc;
    const coldLists = await listsOf(s.bureau2.id);
    const coldFailed = [...coldErrors.values()].reduce((a, b) => a + b, 0);
    verdict(`${NAME}/first-issuance`, coldFailed === 0 && coldLists.length === 2, {
      issued: cold.filter(Boolean).length, errors: coldFailed ? [...coldErrors].map(([k, v]) => `${k}×${v}`).join(',') : 0, time: fmtMs(coldMs),
      'status-lists(purpose:allocated)': coldLists.join(','), target: `a-new-issuer's-${s.cold.length}-first-certificates-${size.inFlight}-in-flight:no-error,one-list-per-purpose`,
    });
    note(NAME, { 'run-time': fmtMs(performance.now() - started) });
  } finally {
    await p.close();
  }
}

interface SetUp {
  bureau: Principal;
  bureauId: string;
  /** A second data bureau, for the first-issuance check. */
  bureau2: { id: string; principal: Principal };
  /** The consent of the bureau's first certificate, issued alone. */
  first: string;
  /** The consents of the measured issuance. */
  consents: string[];
  /** The consents of the first-issuance check. */
  cold: string[];
  /** When the consents began (performance.now()). */
  consentsFrom: number;
}

/** The bureau, the grid's published resource, the data item, the bank, the holders and the approved consents. */
async function setUp(lt: Liutong, size: { certificates: number; holders: number }): Promise<SetUp> {
  await lt.identity.organisations.bootstrapAdmin(ADMIN_PASSWORD);
  const base = await lt.listen();
  const admin = (await api(base, 'POST', '/api/v1/auth/login', null, { login: 'admin', password: ADMIN_PASSWORD })).token as string;
  const org = async (label: string, roles: string[], type?: string) => {
    const o = await api(base, 'POST', '/api/v1/orgs', admin, { name: { zh: `${label}（基准）`, en: `${label} (bench)` }, uscc: randomUscc(), roles, ...(type ? { type } : {}) });
    const username = `bench_${label.toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
    await api(base, 'POST', `/api/v1/orgs/${o.id}/users`, admin, { username, displayName: label, password: PASSWORD, memberRole: 'org_admin' });
    const token = (await api(base, 'POST', '/api/v1/auth/login', null, { login: username, password: PASSWORD })).token as string;
    const key = await lt.identity.auth.createApiKey(o.id as string, { name: 'bench', memberRole: 'staff' }, null);
    return { id: o.id as string, token, principal: (await lt.identity.auth.authenticate(key.key)) as Principal };
  };
  const bureau = await org('Bureau', ['data_bureau'], 'government');
  const grid = await org('Grid', ['source_unit'], 'public_enterprise');
  const bank = await org('Bank', ['enterprise']);
  const holders = await pool(Array.from({ length: size.holders }, (_, i) => i), SETUP_CONCURRENCY, async (i) => {
    const uscc = randomUscc();
    const o = await lt.identity.organisations.create({ name: { zh: `基准持有企业${i + 1}`, en: `Bench holder ${i + 1}` }, uscc, roles: ['enterprise'] }, null);
    const key = await lt.identity.auth.createApiKey(o.id, { name: 'bench', memberRole: 'staff' }, null);
    return { uscc, principal: (await lt.identity.auth.authenticate(key.key)) as Principal };
  });
  const G1 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
  const resource = (await api(base, 'POST', '/api/v1/catalog/resources', grid.token, {
    title: { zh: '企业月度用电量（凭证基准）', en: 'Monthly electricity usage (certificate bench)' }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
    sharing: { type: 'conditional', conditions: '企业授权后用于信贷审批' }, open: { type: 'none' },
    fields: [
      { name: 'uscc', label: { zh: '统一社会信用代码', en: 'USCC' }, dataType: 'string', key: true, grade: G1 },
      { name: 'month', label: { zh: '月份', en: 'Month' }, dataType: 'string', key: true, grade: G1 },
      { name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', grade: G1 },
    ],
  })).id as string;
  const csv = ['uscc,month,kwh', ...holders.flatMap((h, i) => MONTHS.map((m, j) => `${h.uscc},${m},${1000 + ((i * 31 + j * 17) % 9000)}.5`))].join('\n');
  await api(base, 'POST', `/api/v1/catalog/resources/${resource}/mount`, grid.token, { format: 'csv', contentBase64: Buffer.from(csv).toString('base64') });
  await api(base, 'POST', `/api/v1/catalog/resources/${resource}/quality/run`, grid.token);
  await api(base, 'POST', `/api/v1/catalog/resources/${resource}/submit`, grid.token);
  await api(base, 'POST', `/api/v1/catalog/resources/${resource}/publish`, bureau.token);
  const item = (await api(base, 'POST', '/api/v1/authorization/data-items', bureau.token, {
    code: 'ELEC.MONTHLY', name: { zh: '月度用电量', en: 'Monthly electricity usage' }, resourceId: resource, subjectKind: 'legal_person', subjectField: 'uscc', fields: ['kwh'], periodField: 'month',
  })).id as string;

  const consentsFrom = performance.now();
  const validUntil = new Date(lt.kernel.clock.now().getTime() + 180 * 86_400_000).toISOString();
  const consents = await pool(Array.from({ length: size.certificates + 1 + COLD_START }, (_, i) => i), SETUP_CONCURRENCY, async (i) => {
    const h = holders[i % holders.length]!;
    const r = await lt.authorization.consents.request(bank.id, {
      holderUscc: h.uscc, itemIds: [item], purpose: 'credit_approval', purposeText: '电费贷：审批流动资金贷款', periodFrom: MONTHS[0]!, periodTo: MONTHS[MONTHS.length - 1]!, validUntil, maxUses: 12,
    }, bank.principal);
    const a = await lt.authorization.consents.approve(r.id, h.principal);
    if (a.status !== 'approved' || !a.approvalEvent) throw new Error(`consent ${r.id} not approved: ${JSON.stringify(a).slice(0, 300)}`);
    return a.id;
  });
  const b2 = await lt.identity.organisations.create({ name: { zh: '第二数据局（基准）', en: 'Second bureau (bench)' }, uscc: randomUscc(), roles: ['data_bureau'], type: 'government' }, null);
  const b2key = await lt.identity.auth.createApiKey(b2.id, { name: 'bench', memberRole: 'staff' }, null);
  const bureau2 = { id: b2.id, principal: (await lt.identity.auth.authenticate(b2key.key)) as Principal };
  return { bureau: bureau.principal, bureauId: bureau.id, bureau2, first: consents[0]!, consents: consents.slice(1, size.certificates + 1), cold: consents.slice(size.certificates + 1), consentsFrom };
}

/** node:crypto Ed25519 signs/s over the given signing inputs (a fresh key; the same sizes). */
function ed25519SignRate(inputs: Buffer[]): number {
  const { privateKey } = generateKeyPairSync('ed25519');
  rateOf((i) => edSign(null, inputs[i % inputs.length]!, privateKey), 200);
  return rateOf((i) => edSign(null, inputs[i % inputs.length]!, privateKey), 1_000);
}

/** Autocommit INSERTs/s of rows with the certificate's jwt and credential, `inFlight` at a time, for about 2 s. */
async function bareInsertRate(lt: Liutong, inFlight: number, jwt: string, credential: unknown): Promise<number> {
  const db = lt.kernel.db;
  await sql`create table bench_bare_insert (id text primary key, jwt text not null, credential jsonb not null)`.execute(db);
  const text = JSON.stringify(credential);
  let n = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (performance.now() - t < 2_000) await sql`insert into bench_bare_insert values (${`b${n++}`}, ${jwt}, ${text}::jsonb)`.execute(db);
  }));
  const rate = (n * 1000) / (performance.now() - t);
  await sql`drop table bench_bare_insert`.execute(db);
  return rate;
}

/** A primary-key SELECT through the platform's pool, `inFlight` at a time for about 1 s: rate and this process's CPU per statement. */
async function statementCost(lt: Liutong, inFlight: number, id: string): Promise<{ rate: number; cpuUs: number }> {
  const db = lt.kernel.db;
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (performance.now() - t < 1_000) {
      await db.selectFrom('certificates_certificate').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
      n++;
    }
  }));
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  return { rate: (n * 1000) / ms, cpuUs: (cpu.user + cpu.system) / n };
}

/** Issuance missed its target: the pre-transaction reads timed alone, the statement budget, and the status-list row lock. */
async function issueBreakdown(lt: Liutong, s: SetUp, times: QueryTimes, issued: number, issueMs: number, cpu: NodeJS.CpuUsage, stmt: { cpuUs: number }): Promise<void> {
  const n = 200;
  const time = async (fn: (i: number) => Promise<unknown>) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn(i);
    return (performance.now() - t) / n;
  };
  const consentGet = await time((i) => lt.authorization.consents.get(s.consents[i % s.consents.length]!, null));
  const orgGet = await time(() => lt.identity.organisations.get(s.bureauId));
  const signer = await time(() => lt.identity.keys.signerFor(s.bureauId));
  const list = lt.kernel.db.selectFrom('certificates_status_list as l').select(['l.id', 'l.purpose', 'l.version', sql<number>`(select count(*) from certificates_status_entry e where e.list_id = l.id)`.as('allocated'), sql<number>`length(l.bits)`.as('bytes')]);
  const lists = await list.execute();
  // (platform.ts names an UPDATE "update": takeIndex's counter bump is the only UPDATE of issuance)
  const upd = times.byKind.get('update');
  const wall = issueMs / issued;
  const statements = [...times.byKind.values()].reduce((sum, k) => sum + k.n, 0) / issued;
  const cpuUs = (cpu.user + cpu.system) / issued;
  note(`${NAME}/issue where-the-time-goes`, {
    'per-certificate-wall': us(wall), 'per-certificate-cpu(this-process)': `${fmt(cpuUs)}µs (target 1,000/s leaves ≤${fmt(1_000_000 / ISSUE_TARGET)}µs wall per certificate for the whole 2-core machine)`,
    'statements': `${statements.toFixed(1)} per certificate × ~${fmt(stmt.cpuUs)}µs client CPU each ≈ ${fmt(statements * stmt.cpuUs)}µs (PostgreSQL's own CPU on the same cores comes on top)`,
    'reads-before-the-transaction(sequential,alone)': `consents.get=${us(consentGet)} + 4×organisations.get=${us(4 * orgGet)} + keys.signerFor=${us(signer)} (select + AES-GCM open + PKCS#8 import)`,
    'status-list-rows': lists.map((l) => `${l.purpose}:${fmt(Number(l.allocated))}-allocated,bits=${fmt(Number(l.bytes))}B`).join(';'),
    'status-list-UPDATE-latency': upd ? `${(upd.ms / upd.n).toFixed(2)}ms×${fmt(upd.n)} (set/clear of a bit: revocations and suspensions only; issuing locks no list row)` : 'n/a',
  });
}

interface VerifyInput {
  issued: Array<{ id: string; jwt: string; eventId: string }>;
  parsed: Array<ReturnType<typeof jwsParts>>;
  bureauDoc: DidDocument;
  jwk: JsonWebKey;
  publicKey: KeyObject;
  serviceRate: number;
  verifyCpuUs: number;
  stmt: { cpuUs: number };
  /** Statements per verification (all kinds). */
  statements: number;
}

/**
 * Where a verification's time goes: verifyCredential with every resolver an in-memory map (the same
 * DID document, status list credentials and receipts the service resolves) is the pure CPU cost;
 * its parts are timed alone; the rest of the service's cost is its resolvers' database reads.
 */
async function verifyBreakdown(lt: Liutong, input: VerifyInput): Promise<void> {
  const { bureauDoc } = input;
  const issued = input.issued.slice(0, BREAKDOWN_SAMPLE);
  const parsed = input.parsed.slice(0, BREAKDOWN_SAMPLE);
  const lists = new Map<string, string>();
  for (const entry of parsed.slice(0, 64).flatMap((x) => x.payload.credentialStatus as Array<{ statusListCredential: string }>)) {
    const url = entry.statusListCredential;
    if (!lists.has(url)) lists.set(url, (await lt.certificates.statusLists.credential(url.slice(url.lastIndexOf('/') + 1))).jwt);
  }
  const receipts = new Map<string, unknown>();
  for (const c of issued) receipts.set(c.eventId, await lt.ledger.receipt(await lt.ledger.indexOfEvent(c.eventId)));
  const logKey = (await lt.ledger.publicKey()).verifierKey;
  const ctx: VerifyContext = {
    now: lt.kernel.clock.now(), logKey,
    didDocument: async (did) => (did === bureauDoc.id ? bureauDoc : null),
    statusList: async (url) => lists.get(url) ?? null,
    receipt: async (eventId) => receipts.get(eventId) ?? null,
    issuerAuthorized: async () => true,
  };
  let valid = 0;
  const t = performance.now();
  for (const c of issued) if ((await verifyCredential(c.jwt, ctx)).valid) valid++;
  const inMemory = (performance.now() - t) / issued.length;
  if (valid !== issued.length) throw new Error(`in-memory verification: ${issued.length - valid} of ${issued.length} invalid`);

  // Its parts, each timed alone (µs per call) and how often one verification does it.
  const per = (rate: number) => 1000 / rate;
  const listJwts = [...lists.values()].map((j) => jwsParts(j));
  const rcpts = [...receipts.values()];
  const raw = per(rateOf((i) => edVerify(null, parsed[i % parsed.length]!.input, input.publicKey, parsed[i % parsed.length]!.signature), 300));
  const platformSig = per(rateOf((i) => verifySignature('Ed25519', input.jwk, parsed[i % parsed.length]!.input, parsed[i % parsed.length]!.signature), 300));
  const decode = per(rateOf((i) => jwsParts(issued[i % issued.length]!.jwt), 300));
  const listDecode = per(rateOf((i) => {
    const l = jwsParts([...lists.values()][i % lists.size]!);
    return decodeList(l.payload.credentialSubject.encodedList as string);
  }, 300));
  const receipt = per(rateOf((i) => verifyReceipt(rcpts[i % rcpts.length], logKey), 300));
  const parseKey = per(rateOf(() => parseVerifierKey(logKey), 300));
  const tk = performance.now();
  for (let i = 0; i < 500; i++) await lt.ledger.publicKey();
  const publicKeyCall = (performance.now() - tk) / 500;
  const service = 1000 / input.serviceRate;
  const listBytes = listJwts.map((l) => String(l.payload.credentialSubject.encodedList).length);
  note(`${NAME}/verify where-the-time-goes`, {
    'service-wall-per-verification': us(service), 'service-cpu-per-verification(this-process)': `${fmt(input.verifyCpuUs)}µs`,
    'verifyCredential-in-memory-resolvers': `${us(inMemory)} over ${fmt(issued.length)}, (${fmt(1000 / inMemory)}/s, ratio ${(1000 / inMemory / (1000 / raw)).toPrecision(2)})`,
    'ed25519-verifies-per-verification': '4 (credential; revocation list; suspension list; ledger checkpoint note): the ratio to one raw verify cannot exceed 0.25 however fast the rest',
    'raw-ed25519-verify': us(raw), 'verifySignature(JWK-imported-per-call)': us(platformSig),
    'status-list-decode(base64+JSON+gunzip)': `${us(listDecode)}×2 (encodedList ${listBytes.join('/')} chars)`,
    'verifyReceipt(checkpoint-signature+inclusion-proof)': `${us(receipt)}×1, of which parseVerifierKey(logKey)=${us(parseKey)} (an Ed25519 key import per call)`,
    'ledger.publicKey()': `${us(publicKeyCall)}×1 per verify (cached signer, but re-parses the verifier key into a KeyObject and JWK each call; verify uses only .verifierKey)`,
    'credential-decode(base64+JSON)': `${us(decode)}×1`,
    'statements': `${input.statements.toFixed(1)} per verification × ~${fmt(input.stmt.cpuUs)}µs client CPU each ≈ ${fmt(input.statements * input.stmt.cpuUs)}µs`,
    'database-and-resolvers(service-minus-in-memory,wall)': us(Math.max(0, service - inMemory)),
  });
}
