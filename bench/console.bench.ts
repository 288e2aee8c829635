/**
 * Console bundle sizes (`npm run bench -- console`): builds the console, then reads Vite's
 * manifest to find what a visitor of the login page downloads before it shows: the entry chunk
 * with its static imports, the login page chunk with its static imports, and the CSS. Sizes are
 * gzipped (level 9, as a server or CDN would send them). Reference, measured in the same run:
 * the gzipped production build of react-dom's client, the floor of any React page.
 * Target: the login page's initial JavaScript ≤ 400 kB gzipped (issue #3).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { note, reportSize } from './report.js';

export const parts = [] as const;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const DIST = path.resolve('console/dist');
const TARGET = 400 * 1024;

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export async function run(): Promise<void> {
  const { build } = await import('vite');
  const started = performance.now();
  await build({ configFile: path.resolve('console/vite.config.ts'), logLevel: 'warn' });
  note('console/build', { seconds: ((performance.now() - started) / 1000).toFixed(1) });
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const walk = (k: string) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k]!.imports ?? []) walk(i);
    };
    keys.forEach(walk);
    return seen;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const login = Object.keys(manifest).find((k) => k.endsWith('pages/auth/login.page.tsx'));
  if (!login) throw new Error('login page chunk not found in the manifest');
  const initial = closure([entry, login]);
  const js = [...initial].map((k) => path.join(DIST, manifest[k]!.file));
  const css = [...new Set([...initial].flatMap((k) => manifest[k]!.css ?? []))].map((f) => path.join(DIST, f));

  const require = createRequire(import.meta.url);
  const reactDom = path.join(path.dirname(require.resolve('react-dom/package.json')), 'cjs', 'react-dom-client.production.js');
  const reference = { label: 'react-dom client, gzip', bytes: gz(reactDom) };
  reportSize({ name: 'console/login-initial-js', files: js.length, bytes: js.reduce((n, f) => n + gz(f), 0), reference, maxBytes: TARGET });
  note('console/login-initial-css', { files: css.length, gzipKB: (css.reduce((n, f) => n + gz(f), 0) / 1024).toFixed(1) });

  const all = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
  const sizes = all.map((c) => ({ name: c.src ?? c.file, gzip: gz(path.join(DIST, c.file)) })).sort((a, b) => b.gzip - a.gzip);
  note('console/all-js', { chunks: all.length, gzipKB: (sizes.reduce((n, s) => n + s.gzip, 0) / 1024).toFixed(1) });
  for (const s of sizes.slice(0, 8)) note('console/chunk', { src: s.name, gzipKB: (s.gzip / 1024).toFixed(1) });
}
