import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, MESSAGES } from '../../console/src/locales/all';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console locales', () => {
  it('zh-CN and en-US have the same keys in every area', () => {
    for (const [area, [zh, en]] of Object.entries(AREAS)) {
      expect(Object.keys(en).sort(), area).toEqual(Object.keys(zh).sort());
    }
  });

  it('no key is defined in two areas, and every message is non-empty with the same placeholders', () => {
    const seen = new Map<string, string>();
    for (const [area, [zh, en]] of Object.entries(AREAS)) {
      for (const key of Object.keys(zh)) {
        expect(seen.get(key), `${key} in ${area} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, area);
        expect(zh[key]!.trim(), key).not.toBe('');
        expect(en[key]!.trim(), key).not.toBe('');
        expect(placeholders(en[key]!), key).toEqual(placeholders(zh[key]!));
      }
    }
    expect(Object.keys(MESSAGES['zh-CN']).length).toBe(seen.size);
  });

  it('every key the console source passes to t() exists', () => {
    const missing: string[] = [];
    for (const file of sources(path.resolve('console/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        if (!(m[1]! in MESSAGES['zh-CN'])) missing.push(`${path.relative('.', file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
