/**
 * `npm run bench -- [ledger|http|console|catalog|quality|gateway|authorization|certificates|settlement|market] [part ...]`: runs the named benchmark (all when none is
 * named); extra words select parts, e.g. `npm run bench -- ledger postgres receipts`.
 * Output: one line per measurement (see report.ts). A missed target prints FAIL; only an error
 * makes the exit status non-zero.
 *
 * Environment: LIUTONG_BENCH_DATABASE_URL (PostgreSQL server for the postgres parts, default
 * postgres://postgres@127.0.0.1:5432/postgres; unreachable = SKIP), LIUTONG_BENCH_LOG_SIZE
 * (entries of the receipts log, default 1,000,000), LIUTONG_BENCH_HOLDERS / LIUTONG_BENCH_CONSENTS
 * (authorization: population, default 1,000,000 / 5,000,000; see authorization.bench.ts),
 * LIUTONG_BENCH_CERTIFICATES / LIUTONG_BENCH_CERT_HOLDERS / LIUTONG_BENCH_CERT_IN_FLIGHT (certificates:
 * approved consents issued on, default 3,000 / 50 holders / 16 in flight; see certificates.bench.ts),
 * LIUTONG_BENCH_SETTLE_TRADES / LIUTONG_BENCH_SETTLE_BATCH (settlement: trades and trades per batch
 * journal, default 5,000 / 1,000; see settlement.bench.ts), LIUTONG_BENCH_MARKET_SIZE / _ROUNDS (market:
 * listings, default 50,000, and rounds of the query mix; see market.bench.ts).
 */
import { summary } from './report.js';

/** Each bench module exports `run(parts)` and the names of its optional `parts`. */
const BENCHES: Record<string, () => Promise<{ parts: readonly string[]; run(only: string[]): Promise<void> }>> = {
  ledger: () => import('./ledger.bench.js'),
  http: () => import('./http.bench.js'),
  console: () => import('./console.bench.js'),
  catalog: () => import('./catalog.bench.js'),
  quality: () => import('./quality.bench.js'),
  gateway: () => import('./gateway.bench.js'),
  authorization: () => import('./authorization.bench.js'),
  certificates: () => import('./certificates.bench.js'),
  settlement: () => import('./settlement.bench.js'),
  market: () => import('./market.bench.js'),
};

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first && !(first in BENCHES)) {
    console.error(`unknown bench "${first}"; choose one of: ${Object.keys(BENCHES).join(', ')}`);
    return 2;
  }
  const names = first ? [first] : Object.keys(BENCHES);
  try {
    for (const name of names) {
      const bench = await BENCHES[name]!();
      const unknown = rest.filter((part) => !bench.parts.includes(part));
      if (unknown.length) {
        console.error(`unknown part(s) of ${name}: ${unknown.join(', ')}; choose from: ${bench.parts.join(', ') || '(none)'}`);
        return 2;
      }
      await bench.run(first ? rest : []);
    }
  } catch (err) {
    console.error('bench error:', err);
    return 1;
  }
  console.log(summary());
  return 0;
}
