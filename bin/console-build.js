#!/usr/bin/env node
// Builds the web console (console/ → console/dist) with Vite when the build is missing or older
// than its sources, so `npm start` and `npm test` on a fresh clone serve the current console.
// `--force` always builds (npm run build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../console/', import.meta.url));
const marker = path.join(root, 'dist', 'index.html');
const shared = fileURLToPath(new URL('../src/platform/', import.meta.url));

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const force = process.argv.includes('--force');
const stale = force || !existsSync(marker) || statSync(marker).mtimeMs < Math.max(newest(root), newest(shared));
if (!stale) {
  console.log('[console] build is up to date (console/dist)');
} else {
  console.log('[console] building the web console (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('[console] built into console/dist');
}
