/**
 * Gateway benchmark: granted, metered key-lookup calls per second
 * (`GET /api/v1/data/{resourceId}/rows?where=code:<key>` under a direct grant, authenticated by the
 * grantee's API key, each call authorized, masked, serialised and recorded) against a bare
 * Fastify route in the same process, both loaded by the same generator (an inline worker thread:
 * 32 keep-alive connections, 1 s warm-up, 5 s measured, keys rotating over a working set of 1,000
 * of the 10,000 mounted rows, looked up once before — the gateway's row cache is warm).
 * Target: gateway / bare ≥ 0.4. Also reported: p50/p99 latency at that load, and the same load on
 * 1,000 other keys (uncached: each call probes the row store through catalog), without a target.
 * Afterwards every call must have been recorded and committed, and the stored ledger must verify.
 */
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { verifyStoredLedger } from '../src/modules/ledger/index.js';
import { fmtMs, note, report } from './report.js';
import { perUnit, startPlatform, timeQueries } from './platform.js';

export const CONNECTIONS = 32;
export const WARMUP_MS = 1_000;
export const DURATION_MS = 5_000;
const TARGET_RATIO = 0.4;
const ROWS = 10_000;
const ADMIN_PASSWORD = 'Bench-Admin-Passw0rd!';
const PASSWORD = 'Bench-Passw0rd!';

/**
 * The load generator (plain JavaScript, run with eval: workers get no tsx). Like loadgen.worker.js,
 * plus: rotates over `paths`, and keeps every measured request's latency for percentiles.
 */
const WORKER = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const { host, port, paths, headers, connections, warmupMs, durationMs } = workerData;
const extra = Object.entries(headers).map(([k, v]) => k + ': ' + v + '\\r\\n').join('');
const requests = paths.map((p) => Buffer.from('GET ' + p + ' HTTP/1.1\\r\\nHost: ' + host + ':' + port + '\\r\\n' + extra + '\\r\\n', 'latin1'));
let measuring = false, finished = false, count = 0, total = 0, next = 0;
const statuses = {};
const latencies = [];
function connection() {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    socket.setNoDelay(true);
    let buf = Buffer.alloc(0), need = -1, status = 0, sentAt = 0;
    const send = () => { sentAt = performance.now(); socket.write(requests[next++ % requests.length]); };
    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        if (need < 0) {
          const end = buf.indexOf('\\r\\n\\r\\n');
          if (end < 0) return;
          const head = buf.toString('latin1', 0, end);
          const length = /\\r\\ncontent-length:\\s*(\\d+)/i.exec(head);
          if (!length) { socket.destroy(); reject(new Error('response without content-length: ' + head.split('\\r\\n')[0])); return; }
          status = Number(head.slice(9, 12));
          need = end + 4 + Number(length[1]);
        }
        if (buf.length < need) return;
        buf = buf.subarray(need);
        need = -1;
        total++;
        if (measuring) { count++; statuses[status] = (statuses[status] || 0) + 1; latencies.push(performance.now() - sentAt); }
        if (finished) { socket.end(); resolve(); return; }
        send();
      }
    });
  });
}
let started = 0, elapsedMs = 0;
setTimeout(() => { measuring = true; started = performance.now(); }, warmupMs);
setTimeout(() => { measuring = false; elapsedMs = performance.now() - started; finished = true; }, warmupMs + durationMs);
Promise.all(Array.from({ length: connections }, connection)).then(
  () => parentPort.postMessage({ count, total, elapsedMs, statuses, latencies }),
  (err) => parentPort.postMessage({ error: String((err && err.stack) || err) }),
);
`;

export interface LoadResult {
  count: number;
  total: number;
  elapsedMs: number;
  statuses: Record<string, number>;
  latencies: number[];
  rate: number;
}

export function load(base: string, paths: string[], headers: Record<string, string> = {}): Promise<LoadResult> {
  const u = new URL(base);
  const workerData = { host: u.hostname, port: Number(u.port), paths, headers, connections: CONNECTIONS, warmupMs: WARMUP_MS, durationMs: DURATION_MS };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    worker.once('error', reject);
    worker.once('message', (m: Omit<LoadResult, 'rate'> & { error?: string }) => {
      void worker.terminate();
      if (m.error) return reject(new Error(`load generator: ${m.error}`));
      const other = Object.entries(m.statuses).filter(([s]) => s !== '200');
      if (other.length || m.count === 0) return reject(new Error(`${base}${paths[0]}: non-200 answers ${JSON.stringify(m.statuses)}`));
      resolve({ ...m, rate: (m.count * 1000) / m.elapsedMs });
    });
  });
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function bareServer() {
  const app = Fastify({ logger: false });
  app.get('/bare/:id', async (req) => ({ items: [{ code: (req.params as { id: string }).id }] }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

export async function api(base: string, method: string, path: string, token: string | null, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** A USCC with its GB 32100-2015 check character. */
async function uscc(): Promise<string> {
  const { makeUscc } = await import('../src/modules/identity/index.js');
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let s = '';
  for (let i = 0; i < 9; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return makeUscc(`91440101${s}`);
}

export const parts: readonly string[] = [];

export async function run(): Promise<void> {
  // Commitments every second during the run, so that the ledger is exercised under load.
  const p = await startPlatform('pglite', { overrides: { gateway: { commitIntervalMs: 1_000 } } });
  const bare = await bareServer();
  try {
    const { lt } = p;
    await lt.identity.organisations.bootstrapAdmin(ADMIN_PASSWORD);
    const base = await lt.listen();
    const admin = (await api(base, 'POST', '/api/v1/auth/login', null, { login: 'admin', password: ADMIN_PASSWORD })).token as string;
    const org = async (name: string) => {
      const o = await api(base, 'POST', '/api/v1/orgs', admin, { name: { zh: `${name}企业`, en: `${name} Co.` }, uscc: await uscc(), roles: ['enterprise'] });
      const username = `bench_${name.toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
      await api(base, 'POST', `/api/v1/orgs/${o.id}/users`, admin, { username, displayName: name, password: PASSWORD, memberRole: 'org_admin' });
      const token = (await api(base, 'POST', '/api/v1/auth/login', null, { login: username, password: PASSWORD })).token as string;
      return { id: o.id as string, token };
    };
    const owner = await org('Owner');
    const grantee = await org('Grantee');
    // Social data of the owner: a rating table keyed by code, published, then mounted.
    const G2 = { level: 'general', generalLevel: 2, personalInfo: 'none' };
    const res = await api(base, 'POST', '/api/v1/catalog/resources', owner.token, {
      title: { zh: '信用评级', en: 'Credit ratings' }, categoryId: 'cat_theme000000000000001', updateFrequency: 'monthly', format: 'table',
      fields: [
        { name: 'code', label: { zh: '代码', en: 'Code' }, dataType: 'string', key: true, grade: G2 },
        { name: 'rating', label: { zh: '评级', en: 'Rating' }, dataType: 'string', grade: G2 },
        { name: 'amount', label: { zh: '金额', en: 'Amount' }, dataType: 'decimal', grade: G2 },
        { name: 'contact', label: { zh: '联系人', en: 'Contact' }, dataType: 'string', grade: { level: 'general', generalLevel: 3, personalInfo: 'personal' } },
      ],
    });
    await api(base, 'POST', `/api/v1/catalog/resources/${res.id}/submit`, owner.token);
    await api(base, 'POST', `/api/v1/catalog/resources/${res.id}/publish`, owner.token);
    const keys = Array.from({ length: ROWS }, (_, i) => `K${String(i).padStart(6, '0')}`);
    const csv = ['code,rating,amount,contact', ...keys.map((k, i) => `${k},${'ABCD'[i % 4]},${(i * 13.7).toFixed(2)},联系人${i}`)].join('\n');
    await api(base, 'POST', `/api/v1/catalog/resources/${res.id}/mount`, owner.token, csv, 'text/csv');
    const grant = await api(base, 'POST', '/api/v1/gateway/grants', owner.token, { resourceId: res.id, granteeOrgId: grantee.id, fields: ['code', 'rating', 'amount', 'contact'], ratePerMinute: 1_000_000 });
    const key = (await api(base, 'POST', `/api/v1/orgs/${grantee.id}/api-keys`, grantee.token, { name: 'bench', memberRole: 'staff' })).key as string;
    const check = await api(base, 'GET', `/api/v1/data/${res.id}/rows?where=code:${keys[42]}`, key);
    if (check.items.length !== 1 || check.items[0].contact === '联系人42') throw new Error(`unexpected answer: ${JSON.stringify(check)}`);

    const pathOf = (k: string) => `/api/v1/data/${res.id}/rows?where=code:${k}`;
    // Working set: 1,000 of the 10,000 keys, looked up once before the run (row cache warm); the
    // other keys are measured separately, uncached (every call probes the database through catalog).
    const hot = keys.filter((_, i) => i % 10 === 0);
    const cold = keys.filter((_, i) => i % 10 === 5);
    const warmStart = performance.now();
    for (let i = 0; i < hot.length; i += CONNECTIONS) {
      await Promise.all(hot.slice(i, i + CONNECTIONS).map((k) => api(base, 'GET', pathOf(k), key)));
    }
    const warmMs = performance.now() - warmStart;
    const ref = await load(bare.url, hot.map((k) => `/bare/${k}`));
    const times = timeQueries(lt);
    const gw = await load(base, hot.map(pathOf), { authorization: `Bearer ${key}` });
    times.stop();
    const paths = hot;
    const cache = lt.gateway.data.rowCache;
    const [hits, misses] = [cache.hits, cache.misses];
    const coldRun = await load(base, cold.map(pathOf), { authorization: `Bearer ${key}` });
    const sorted = gw.latencies.sort((a, b) => a - b);
    const refSorted = ref.latencies.sort((a, b) => a - b);
    report({ name: 'gateway/key-lookup', size: ['rows', ROWS], rate: gw.rate, reference: { label: 'bare fastify route', rate: ref.rate }, target: { ratio: TARGET_RATIO } });
    note('gateway/key-lookup', {
      calls: gw.count, connections: CONNECTIONS, measured: fmtMs(DURATION_MS), 'warm-up': fmtMs(WARMUP_MS),
      'p50': fmtMs(percentile(sorted, 50)), 'p99': fmtMs(percentile(sorted, 99)),
      'bare-p50': fmtMs(percentile(refSorted, 50)), 'bare-p99': fmtMs(percentile(refSorted, 99)),
      engine: 'pglite (in memory)', 'log-level': lt.kernel.config.logLevel,
    });
    note('gateway/key-lookup db-time-per-call', perUnit(times, gw.total));
    note('gateway/key-lookup row-cache', { 'working-set': paths.length, 'hits(incl. warm-up)': hits, 'misses(incl. warm-up)': misses, 'warm-up-pass': fmtMs(warmMs) });
    const coldSorted = coldRun.latencies.sort((a, b) => a - b);
    note('gateway/key-lookup-uncached', {
      calls: coldRun.count, rate: `${Math.round(coldRun.rate)}/s`, ratio: (coldRun.rate / ref.rate).toPrecision(2),
      p50: fmtMs(percentile(coldSorted, 50)), p99: fmtMs(percentile(coldSorted, 99)), note: 'no-target:every-call-probes-catalog(2-queries-on-one-PGlite-connection)',
    });

    // Afterwards: every call recorded, every record committed, the ledger consistent.
    await lt.gateway.flush();
    await lt.flush();
    const expected = gw.total + coldRun.total + hot.length + 1; // both loads, the warm-up pass and the check call
    const counted = await sql<{ n: string; u: string; c: string }>`select count(*) as n, count(*) filter (where commitment_id is null) as u,
      (select coalesce(sum(calls), 0) from gateway_commitment where grant_id = ${grant.id}) as c from gateway_call where grant_id = ${grant.id}`.execute(lt.kernel.db);
    const row = counted.rows[0]!;
    const [recorded, uncommitted, committed] = [Number(row.n), Number(row.u), Number(row.c)];
    const verification = await verifyStoredLedger(lt.kernel.db);
    const allRecorded = recorded === expected && uncommitted === 0 && committed === expected;
    console.log(
      ['gateway/evidence', `calls=${expected}`, `recorded=${recorded}`, `committed=${committed}`, `uncommitted=${uncommitted}`, `ledger-size=${verification.size}`, `ledger=${verification.ok ? 'verified' : `BAD ${verification.problems.slice(0, 3).join('; ')}`}`, allRecorded && verification.ok ? 'PASS' : 'FAIL'].join('  '),
    );
    // A lost record or a broken ledger is an error, not a missed target.
    if (!(allRecorded && verification.ok)) throw new Error('gateway evidence incomplete or ledger inconsistent (see the line above)');
  } finally {
    await bare.close();
    await p.close();
  }
}
