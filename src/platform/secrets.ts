import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LiutongConfig } from './config/config.schema.js';
import { ConfigError } from './config/config.loader.js';

/**
 * The key-encryption secret: from configuration; with the embedded database and none configured,
 * generated once into the data directory (mode 0600) so that a demo needs no setup. A server on
 * PostgreSQL must be given one: its keys would otherwise be unreadable by a second process.
 */
export function resolveKeyEncryptionSecret(config: LiutongConfig): string {
  if (config.keyEncryptionSecret) return config.keyEncryptionSecret;
  if (config.databaseUrl) throw new ConfigError(['LIUTONG_KEY_ENCRYPTION_SECRET is required when DATABASE_URL is set']);
  const file = path.resolve(config.dataDir, 'key-encryption.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
