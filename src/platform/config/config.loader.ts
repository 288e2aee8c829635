import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { ConfigSchema, ENVIRONMENT, type LiutongConfig } from './config.schema.js';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** JSON file with any subset of the config keys; read first. */
  file?: string | undefined;
  /** Environment to read (defaults to process.env). */
  env?: Record<string, string | undefined>;
  /** Highest precedence, e.g. command line flags. */
  overrides?: Record<string, unknown>;
}

/**
 * Builds the configuration: defaults < config file (LIUTONG_CONFIG or `file`) < environment
 * < overrides, and validates the result at boot. Nothing else in Liutong reads process.env.
 */
export function loadConfig(options: LoadConfigOptions = {}): LiutongConfig {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  let raw: Record<string, unknown> = {};
  const file = options.file ?? env.LIUTONG_CONFIG;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
    } catch (err) {
      throw new ConfigError([`config file ${file}: ${(err as Error).message}`]);
    }
  }
  for (const { env: name, key, kind } of ENVIRONMENT) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    let value: unknown = text;
    if (kind === 'int') {
      value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isNaN(value)) problems.push(`${name}: expected an integer, got "${text}"`);
    } else if (kind === 'list') {
      value = text.split(',').map((s) => s.trim()).filter(Boolean);
    } else if (kind === 'bool') {
      value = text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
      if (value === undefined) problems.push(`${name}: expected true or false, got "${text}"`);
    }
    setPath(raw, key, value);
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value !== undefined) setPath(raw, key, value);
  }
  if (problems.length) throw new ConfigError(problems);
  const withDefaults = Value.Default(ConfigSchema, structuredClone(raw)) as unknown;
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length) {
    throw new ConfigError(errors.map((e) => `${e.path || '/'}: ${e.message}${e.value === undefined ? '' : ` (got ${redact(e.path, e.value)})`}`));
  }
  return withDefaults as LiutongConfig;
}

/** The URL under which the platform is reached from outside. */
export function publicBaseUrl(config: LiutongConfig, boundPort?: number): string {
  if (config.publicBaseUrl) return config.publicBaseUrl.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${boundPort ?? config.port}`;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function redact(path: string, value: unknown): string {
  return /secret|password/i.test(path) ? '***' : JSON.stringify(value);
}
