import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, MESSAGES } from '../../console/src/locales/all';
import { AREA_LOADERS, AREA_PREFIXES, CORE, CORE_AREAS, areaOf, type LocaleArea } from '../../console/src/locales/index';
import { ROUTES } from '../../console/src/app.routes';
import { PERMISSIONS } from '../../console/src/access';

/*
 * The console loads only the core strings up front and every other area with the page that needs
 * it (the route table's `locales`). These tests read the console's source: from each page, the
 * modules it imports statically (what arrives with its chunk), the message keys those modules
 * name — `t('exchange.listings.title')`, a vocabulary prefix such as 'registry.status' or
 * `exchange.status.${s}` — and so the areas the page needs; the route must load every one of them,
 * and the shell (the entry chunk) must need none but the core.
 */

const SRC = path.resolve('console/src');
const KEYS = Object.keys(MESSAGES['zh-CN']);
const PERMISSION_NAMES = new Set<string>(PERMISSIONS);

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The modules a module imports statically (values, not types only), itself included. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue;
      const target = resolve(file, m[2]!);
      if (target) walk(target);
    }
  };
  walk(entry);
  return seen;
}

/** The lazy areas whose keys a module names, exactly or by a prefix of them. */
function areasNamed(file: string): Map<LocaleArea, string> {
  const found = new Map<LocaleArea, string>();
  const rel = path.relative(SRC, file);
  // The locale files hold every key; access.ts and the API schema name permissions and paths, not messages.
  if (rel.startsWith('locales') || rel === 'access.ts' || rel === path.join('api', 'openapi.schema.ts')) return found;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(['"`])([a-z][A-Za-z0-9]*\.[\w.]*)(?=\1|\$\{)/g)) {
    const literal = m[2]!;
    const area = areaOf(literal);
    if (!area || found.has(area)) continue;
    const exact = literal in MESSAGES['zh-CN'];
    // An access.ts permission (access['orgs.create'], a route's access: 'orgs.create') is not a message.
    if (PERMISSION_NAMES.has(literal) && /access(\[|: )$/.test(text.slice(Math.max(0, m.index! - 8), m.index))) continue;
    const prefix = literal.endsWith('.') ? literal : `${literal}.`;
    if (exact || KEYS.some((k) => k.startsWith(prefix))) found.set(area, `${rel}: ${literal}`);
  }
  return found;
}

function areasNeeded(files: Iterable<string>): Map<LocaleArea, string> {
  const needed = new Map<LocaleArea, string>();
  for (const f of files) for (const [a, why] of areasNamed(f)) if (!needed.has(a)) needed.set(a, why);
  return needed;
}

/** Route path → the page module its `load` imports, read from the route table's source. */
function pageFiles(): Map<string, string> {
  const file = path.join(SRC, 'app.routes.tsx');
  const pages = new Map<string, string>();
  for (const m of readFileSync(file, 'utf8').matchAll(/path: '([^']+)'.*?load: \(\) => import\('([^']+)'\)/g)) pages.set(m[1]!, resolve(file, m[2]!)!);
  return pages;
}

describe('console locale areas', () => {
  it('lists every area once: the core ones statically, the others with a loader per language and their key prefixes', () => {
    const lazy = Object.keys(AREA_LOADERS).sort();
    expect([...CORE_AREAS, ...lazy].sort()).toEqual(Object.keys(AREAS).sort());
    expect(Object.keys(AREA_PREFIXES).sort()).toEqual(lazy);
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const core = CORE_AREAS.flatMap((a) => Object.keys(AREAS[a]![locale === 'zh-CN' ? 0 : 1]));
      expect(Object.keys(CORE[locale]).sort(), locale).toEqual(core.sort());
    }
  });

  it('finds the area of every lazy key from its first segment, and of no core key', () => {
    for (const [area, [zh]] of Object.entries(AREAS)) {
      for (const key of Object.keys(zh)) expect(areaOf(key), key).toBe((CORE_AREAS as readonly string[]).includes(area) ? null : area);
    }
  });

  it('loads the same strings on demand as the area files hold', async () => {
    for (const [area, loaders] of Object.entries(AREA_LOADERS)) {
      expect((await loaders['zh-CN']()).default, area).toBe(AREAS[area]![0]);
      expect((await loaders['en-US']()).default, area).toBe(AREAS[area]![1]);
    }
  });

  it('keeps the shell — layouts, route table, session, status pages — to the core strings', () => {
    const needed = areasNeeded(closure(path.join(SRC, 'main.tsx')));
    expect([...needed.values()]).toEqual([]);
  });

  it("loads with each route every area its page's modules name", () => {
    const pages = pageFiles();
    expect(pages.size).toBe(ROUTES.length);
    const problems: string[] = [];
    for (const route of ROUTES) {
      const file = pages.get(route.path);
      if (!file) {
        problems.push(`${route.path}: page module not found`);
        continue;
      }
      const needed = areasNeeded(closure(file));
      for (const [area, why] of needed) if (!route.locales.includes(area)) problems.push(`${route.path} needs ${area} (${why})`);
      for (const area of route.locales) if (!needed.has(area)) problems.push(`${route.path} loads ${area} but names none of its keys`);
    }
    expect(problems).toEqual([]);
  });
});
