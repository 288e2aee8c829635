/**
 * HTTP benchmark: requests/s of the authenticated `GET /api/v1/me` of the real platform
 * (createLiutong on in-memory PGlite, bound to 127.0.0.1:0, admin logged in) against a bare
 * Fastify hello-world server in the same process, both loaded by the same generator
 * (loadgen.worker.js: 32 keep-alive connections in a worker thread, 1 s warm-up, 5 s measured).
 * Target: me / hello ≥ 0.5, i.e. authentication, authorization and the handler's queries cost
 * at most as much as Fastify's own request handling.
 */
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { fmtMs, note, report } from './report.js';
import { perUnit, startPlatform, timeQueries } from './platform.js';

const CONNECTIONS = 32;
const WARMUP_MS = 1_000;
const DURATION_MS = 5_000;
const TARGET_RATIO = 0.5;
const ADMIN_PASSWORD = 'Bench-Admin-Passw0rd!';

interface LoadResult {
  count: number;
  /** Responses including the warm-up. */
  total: number;
  elapsedMs: number;
  statuses: Record<string, number>;
}

/** Loads `url` with GETs for WARMUP_MS + DURATION_MS; throws unless every answer was a 200. */
function load(url: string, headers: Record<string, string> = {}): Promise<LoadResult & { rate: number }> {
  const u = new URL(url);
  const workerData = { host: u.hostname, port: Number(u.port), path: u.pathname, headers, connections: CONNECTIONS, warmupMs: WARMUP_MS, durationMs: DURATION_MS };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./loadgen.worker.js', import.meta.url), { workerData });
    worker.once('error', reject);
    worker.once('message', (m: LoadResult & { error?: string }) => {
      void worker.terminate();
      if (m.error) return reject(new Error(`load generator: ${m.error}`));
      const other = Object.entries(m.statuses).filter(([s]) => s !== '200');
      if (other.length || m.count === 0) return reject(new Error(`${url}: non-200 answers ${JSON.stringify(m.statuses)}`));
      resolve({ ...m, rate: (m.count * 1000) / m.elapsedMs });
    });
  });
}

async function helloServer() {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${url}/hello`, close: () => app.close() };
}

export const parts: readonly string[] = [];

export async function run(): Promise<void> {
  const p = await startPlatform('pglite');
  const hello = await helloServer();
  try {
    const { lt } = p;
    await lt.identity.organisations.bootstrapAdmin(ADMIN_PASSWORD);
    const base = await lt.listen();
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }) });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status}: ${await me.text()}`);
    const meBytes = (await me.arrayBuffer()).byteLength;

    const ref = await load(hello.url);
    const times = timeQueries(lt);
    const res = await load(`${base}/api/v1/me`, { authorization: `Bearer ${token}` });
    times.stop();
    report({ name: 'http/me', size: ['requests', res.count], rate: res.rate, reference: { label: 'fastify hello-world', rate: ref.rate }, target: { ratio: TARGET_RATIO } });
    note('http/me', {
      connections: CONNECTIONS,
      measured: fmtMs(DURATION_MS),
      'warm-up': fmtMs(WARMUP_MS),
      'latency(avg)': fmtMs((CONNECTIONS * 1000) / res.rate),
      'hello-latency(avg)': fmtMs((CONNECTIONS * 1000) / ref.rate),
      'me-body': `${meBytes}B`,
      engine: 'pglite (in memory)',
      'log-level': lt.kernel.config.logLevel,
    });
    note('http/me db-time-per-request', perUnit(times, res.total));
  } finally {
    await hello.close();
    await p.close();
  }
}
