import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, PlatformErrors } from '../errors.js';
import type { App } from './server.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The console needs nothing from other origins; antd's CSS-in-JS writes <style> elements.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** console/dist of this installation (from src/ when run with tsx, from dist/src/ when built). */
export function defaultConsoleDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'liutong') return path.join(dir, 'console', 'dist');
    dir = path.dirname(dir);
  }
  return path.resolve('console/dist');
}

/**
 * Serves the built console and public portal at `/`. The server's own routes (API, DID documents,
 * health, metrics) are registered first and take precedence: this is a catch-all GET for what is
 * left. A path with a file extension is a file or a 404; any other path is a page of the
 * single-page application and gets index.html. Unknown /api paths stay API errors.
 */
export async function consoleRoutes(app: App, consoleDir: string = defaultConsoleDir()): Promise<void> {
  const root = path.resolve(consoleDir);
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const urlPath = decodeURIComponentSafe(request.url.split('?')[0]!);
    if (urlPath === null || urlPath.startsWith('/api/') || urlPath === '/api') {
      throw new AppError(PlatformErrors.ROUTE_NOT_FOUND, undefined, { method: request.method, url: request.url.split('?')[0]! });
    }
    const target = path.resolve(root, `.${path.posix.normalize(urlPath)}`);
    if (target !== root && !target.startsWith(root + path.sep)) {
      throw new AppError(PlatformErrors.ROUTE_NOT_FOUND, undefined, { method: request.method, url: urlPath });
    }
    const ext = path.extname(target);
    if (ext && isFile(target)) {
      const immutable = urlPath.startsWith('/assets/');
      return reply
        .type(TYPES[ext] ?? 'application/octet-stream')
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(createReadStream(target));
    }
    if (ext) throw new AppError(PlatformErrors.ROUTE_NOT_FOUND, undefined, { method: request.method, url: urlPath });
    const index = path.join(root, 'index.html');
    if (!isFile(index)) throw new AppError(PlatformErrors.CONSOLE_NOT_BUILT);
    return reply
      .type(TYPES['.html']!)
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'same-origin')
      .send(createReadStream(index));
  });
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function decodeURIComponentSafe(s: string): string | null {
  try {
    const d = decodeURIComponent(s);
    return d.includes('\0') ? null : d;
  } catch {
    return null;
  }
}
