/** Small helpers the benchmarks share: ids in the platform's form, valid USCCs, a seeded random. */
import { randomBytes } from 'node:crypto';
import { makeUscc } from '../src/modules/identity/index.js';

const ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';
/** An id like the platform's (`prefix_` and 20 characters), for rows a bench loads with SQL. */
export function benchId(prefix: string): string {
  const b = randomBytes(20);
  let out = `${prefix}_`;
  for (let i = 0; i < 20; i++) out += ALPHABET[b[i]! % ALPHABET.length];
  return out;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A random USCC with a correct check character, under the given registration authority and division code. */
export const benchUscc = (head = '91440000'): string => makeUscc(`${head}${[...randomBytes(9)].map((b) => USCC_CHARS[b % USCC_CHARS.length]).join('')}`);

/** Deterministic pseudo-random numbers in [0, n) (the same dataset every run). */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    s = (s ^ (s >>> 13)) >>> 0;
    return s % n;
  };
}

/** The p-th percentile of ascending latencies. */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Runs a query mix `rounds` times in sequence; every latency (ms, ascending) and each label's. */
export async function timeMix<Q extends { label: string }>(mix: readonly Q[], rounds: number, run: (q: Q) => Promise<unknown>): Promise<{ all: number[]; byLabel: Map<string, number[]> }> {
  const all: number[] = [];
  const byLabel = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const q of mix) {
      const t = performance.now();
      await run(q);
      const ms = performance.now() - t;
      all.push(ms);
      byLabel.set(q.label, [...(byLabel.get(q.label) ?? []), ms]);
    }
  }
  for (const v of byLabel.values()) v.sort((a, b) => a - b);
  return { all: all.sort((a, b) => a - b), byLabel };
}

/** `n` sequential calls of `fn`, their latencies (ms, ascending): the same-run reference of a latency bench. */
export async function timeCalls(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}
