import vm from 'node:vm';
import { patternRegex, type PatternMatcher, type ValueCheck } from './value.validators.js';

const MISMATCH: ValueCheck = { valid: false, reason: 'pattern_mismatch' };

/**
 * A pattern matcher with a deadline. JavaScript regular expressions cannot be interrupted from
 * the outside, but V8 stops a script run by `node:vm` with a timeout even inside a backtracking
 * match; such a match answers `pattern_timeout` instead of blocking the server. Patterns with
 * obvious catastrophic shapes are already refused when an element is defined.
 */
export function deadlineMatcher(timeoutMs: number): PatternMatcher {
  const context = vm.createContext({ re: null as RegExp | null, value: '' });
  const script = new vm.Script('re.test(value)');
  return (pattern, value) => {
    const re = patternRegex(pattern);
    if (!re) return MISMATCH;
    context.re = re;
    context.value = value;
    try {
      // The deadline is wall-clock time: a busy machine (a GC pause, another process) can stall a
      // trivial match past it, so a timeout is tried once more before it counts. A truly
      // catastrophic match times out again.
      for (let attempt = 1; ; attempt++) {
        try {
          return script.runInContext(context, { timeout: timeoutMs }) === true ? { valid: true } : MISMATCH;
        } catch (err) {
          if ((err as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err;
          if (attempt >= 2) return { valid: false, reason: 'pattern_timeout' };
        }
      }
    } finally {
      context.re = null;
      context.value = '';
    }
  };
}
