/**
 * The one output format of every benchmark. A measurement line:
 *
 *   ledger/pglite  events=20,000  rate=2,345/s  reference(sha256 leaf hashes)=410,000/s  ratio=0.0057  target=≥2,000/s  PASS
 *
 * ratio = rate / reference (both measured in the same run). The target is on the rate or on the
 * ratio. Context lines (setup, phase timings) use the same `name  key=value ...` layout, prefixed
 * by `#`. A FAIL is printed, never thrown: only errors make `npm run bench` exit non-zero.
 */

export interface Measurement {
  name: string;
  /** What the rate counts and how many of them the dataset has, e.g. ['events', 20000]. */
  size: [label: string, count: number];
  /** Per second. */
  rate: number;
  reference: { label: string; rate: number };
  target: { rate: number } | { ratio: number };
}

/** 12345.6 → "12,346". */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Two significant digits, without exponent notation for the usual ranges. */
export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return String(r);
  return r >= 100 ? fmt(r) : String(Number(r.toPrecision(2)));
}

const failures: string[] = [];
const skips: string[] = [];

/** Prints one measurement line; returns whether it met its target. */
export function report(m: Measurement): boolean {
  const ratio = m.rate / m.reference.rate;
  const pass = 'rate' in m.target ? m.rate >= m.target.rate : ratio >= m.target.ratio;
  const target = 'rate' in m.target ? `target=≥${fmt(m.target.rate)}/s` : `target=ratio≥${m.target.ratio}`;
  const parts = [
    m.name,
    `${m.size[0]}=${fmt(m.size[1])}`,
    `rate=${fmt(m.rate)}/s`,
    `reference(${m.reference.label})=${fmt(m.reference.rate)}/s`,
    `ratio=${fmtRatio(ratio)}`,
    target,
    pass ? 'PASS' : 'FAIL',
  ];
  console.log(parts.join('  '));
  if (!pass) failures.push(m.name);
  return pass;
}

/** A size measurement (smaller is better): `name  files=N  size=… kB  reference(…)=… kB  ratio=…  target=≤… kB  PASS`. */
export function reportSize(m: { name: string; files: number; bytes: number; reference: { label: string; bytes: number }; maxBytes: number }): boolean {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
  const pass = m.bytes <= m.maxBytes;
  console.log([m.name, `files=${m.files}`, `size=${kb(m.bytes)}`, `reference(${m.reference.label})=${kb(m.reference.bytes)}`, `ratio=${fmtRatio(m.bytes / m.reference.bytes)}`, `target=≤${kb(m.maxBytes)}`, pass ? 'PASS' : 'FAIL'].join('  '));
  if (!pass) failures.push(m.name);
  return pass;
}

/**
 * A yes/no check with a target that is not a rate (e.g. "revocation visible on the next call"):
 * `name  key=value ...  PASS|FAIL`, counted in the summary like a missed rate target.
 */
export function verdict(name: string, pass: boolean, fields: Record<string, string | number>): boolean {
  const kv = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`);
  console.log([name, ...kv, pass ? 'PASS' : 'FAIL'].join('  '));
  if (!pass) failures.push(name);
  return pass;
}

/** A context line: `# name  key=value  ...` (numbers formatted, strings as given). */
export function note(name: string, fields: Record<string, string | number>): void {
  const kv = Object.entries(fields).map(([k, v]) => (v === '' ? k : `${k}=${typeof v === 'number' ? fmt(v) : v}`));
  console.log(['#', name, ...kv].join('  ').replace(/^# {2}/, '# '));
}

/** A measurement that could not run (e.g. no PostgreSQL): printed, not an error. */
export function skip(name: string, reason: string): void {
  console.log(`${name}  SKIP  (${reason})`);
  skips.push(name);
}

/** The closing line: targets missed and measurements skipped. */
export function summary(): string {
  const parts = [failures.length ? `${failures.length} target(s) missed: ${failures.join(', ')}` : 'all targets met'];
  if (skips.length) parts.push(`skipped: ${skips.join(', ')}`);
  return `# done: ${parts.join('; ')}`;
}

/** Milliseconds → "1.23s" / "45ms". */
export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${ms.toFixed(ms < 10 ? 2 : 0)}ms`;
}

/** Runs `fn` repeatedly for about `ms` milliseconds; returns calls per second. */
export function rateOf(fn: (i: number) => unknown, ms = 500): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let j = 0; j < 256; j++) fn(n++);
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}
