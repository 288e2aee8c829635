/**
 * The search tokenizer: no Chinese word segmenter (and no database extension such as zhparser or
 * pg_trgm) is available, so text is indexed by what both engines can look up with a plain GIN
 * index on a `text[]` column:
 * - Chinese (CJK) runs: every character (for one-character queries) and every pair of adjacent
 *   characters (bigrams), so "用电" finds "企业用电量" without segmentation;
 * - Latin letters and digits: each word, lower-cased, by its prefixes of 2 to 6 characters (a
 *   longer word by its first 6: "electricity" → el, ele, elec, elect, electr), so "elec" and
 *   "electricity" both find it.
 * A query's grams must all be in a document's grams (`grams @> query`); the repository then checks
 * every query term as a substring of the normalized text, which drops the false positives grams
 * alone let through (e.g. "用电" and "电量" both present but apart).
 */

/** NFKC (full-width letters and digits become ASCII), lower case, whitespace collapsed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Han ideographs (CJK Unified, Extension A, Compatibility) — the characters indexed by bigrams. */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;
export const PREFIX_MIN = 2;
export const PREFIX_MAX = 6;

function cjkGrams(run: string, out: Set<string>, unigrams: boolean): void {
  const chars = [...run];
  if (chars.length === 1 || unigrams) for (const c of chars) out.add(c);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
}

/** The grams of a document's text (already normalized or not). */
export function documentGrams(text: string): string[] {
  const out = new Set<string>();
  for (const [run] of normalize(text).matchAll(RUNS)) {
    if (CJK.test(run[0]!)) cjkGrams(run, out, true);
    else {
      const chars = [...run];
      if (chars.length < PREFIX_MIN) continue;
      for (let n = PREFIX_MIN; n <= Math.min(PREFIX_MAX, chars.length); n++) out.add(chars.slice(0, n).join(''));
    }
  }
  return [...out];
}

export interface ParsedQuery {
  /** Normalized terms (split on whitespace); each must occur as a substring of the document text. */
  terms: string[];
  /** Grams every matching document has (empty when the query has nothing indexable, e.g. "a"). */
  grams: string[];
  /**
   * Terms the grams alone prove present — a Chinese term of one or two characters (its unigram or
   * bigram), a Latin word of 2–6 letters (its own prefix gram) — which need no substring check.
   */
  exact: string[];
}

/**
 * A query: whitespace-separated terms, all required. Grams: a one-character Chinese run gives that
 * character, a longer one its bigrams; a Latin word its prefix of up to 6 characters (a
 * one-letter word none: it is only checked as a substring).
 */
export function parseQuery(q: string | undefined): ParsedQuery {
  const terms = [...new Set(normalize(q ?? '').split(' ').filter(Boolean))];
  const out = new Set<string>();
  const exact: string[] = [];
  for (const term of terms) {
    const runs = [...term.matchAll(RUNS)].map((m) => m[0]);
    const n = [...term].length;
    if (runs.length === 1 && runs[0] === term && (CJK.test(term[0]!) ? n <= 2 : n >= PREFIX_MIN && n <= PREFIX_MAX)) exact.push(term);
    for (const run of runs) {
      if (CJK.test(run[0]!)) cjkGrams(run, out, false);
      else {
        const chars = [...run];
        if (chars.length >= PREFIX_MIN) out.add(chars.slice(0, PREFIX_MAX).join(''));
      }
    }
  }
  return { terms, grams: [...out], exact };
}
