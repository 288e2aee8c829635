import vm from 'node:vm';
import { deadlineMatcher } from './regex.guard.js';
import { patternRegex } from './value.validators.js';

/**
 * Matching a whole column page against a user pattern, under a deadline. Running every value
 * through `node:vm` on its own (regex.guard.ts) costs tens of microseconds a value — too slow for
 * profiling a million rows — so a page of values is matched in ONE guarded script run, with a
 * deadline for the page. Patterns are already screened for catastrophic shapes when they are
 * defined; if a page still runs out of time, it is matched again value by value with the
 * per-value deadline, so a slow value fails alone (`pattern_timeout`) instead of blocking.
 */
const context = vm.createContext({ re: null as RegExp | null, values: null as string[] | null, out: null as Uint8Array | null });
const script = new vm.Script('for (let i = 0; i < values.length; i++) out[i] = re.test(values[i]) ? 1 : 0;');
const single = deadlineMatcher(100);

/** 1 where `values[i]` matches the whole pattern, 0 where not (an unusable pattern matches nothing). */
export function matchMany(pattern: string, values: string[], pageDeadlineMs = 2_000): Uint8Array {
  const out = new Uint8Array(values.length);
  const re = patternRegex(pattern);
  if (!re) return out;
  context.re = re;
  context.values = values;
  context.out = out;
  try {
    script.runInContext(context, { timeout: pageDeadlineMs });
    return out;
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err;
  } finally {
    context.re = null;
    context.values = null;
    context.out = null;
  }
  values.forEach((v, i) => {
    out[i] = single(pattern, v).valid ? 1 : 0;
  });
  return out;
}
