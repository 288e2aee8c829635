import { existsSync, readFileSync } from 'node:fs';

/** The package version, found from source (src/platform) or build output (dist/src/platform). */
export const VERSION: string = (() => {
  for (const rel of ['../../package.json', '../../../package.json']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'liutong' && pkg.version) return pkg.version;
    }
  }
  return '0.0.0';
})();
