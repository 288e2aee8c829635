import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, publicBaseUrl } from './config/config.loader.js';
import { defineErrors, defineParamLabels, localeFromHeader, AppError, PlatformErrors } from './errors.js';
import { isId, newId } from './ids.js';
import { EventBus } from './events/event-bus.js';
import type { OutboxEvent } from './events/outbox.js';

describe('config', () => {
  it('layers defaults < file < environment < overrides and validates', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, 'liutong.json');
    writeFileSync(file, JSON.stringify({ port: 9000, host: '0.0.0.0', ledger: { batchSize: 10 } }));
    const c = loadConfig({ file, env: { LIUTONG_PORT: '9100', DATABASE_URL: 'postgres://u@h/db', LIUTONG_CORS_ORIGINS: 'https://a.cn, https://b.cn' }, overrides: { host: '127.0.0.2' } });
    expect(c.port).toBe(9100);
    expect(c.host).toBe('127.0.0.2');
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(c.corsOrigins).toEqual(['https://a.cn', 'https://b.cn']);
    expect(c.ledger.batchSize).toBe(10);
    expect(c.ledger.intervalMs).toBe(500);
    expect(c.logLevel).toBe('info');
  });

  it('names every bad value and never echoes secrets', () => {
    try {
      loadConfig({ env: { LIUTONG_PORT: 'eighty', LIUTONG_LOG_LEVEL: 'loud' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join('\n')).toMatch(/LIUTONG_PORT/);
    }
    try {
      loadConfig({ env: { LIUTONG_KEY_ENCRYPTION_SECRET: 'short-secret' } });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/keyEncryptionSecret/);
      expect((err as Error).message).not.toContain('short-secret');
    }
    expect(() => loadConfig({ env: { DATABASE_URL: 'mysql://x' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, overrides: { unknownKey: 1 } })).toThrow(ConfigError);
  });

  it('derives the public base URL', () => {
    expect(publicBaseUrl(loadConfig({ env: {} }))).toBe('http://127.0.0.1:8080');
    expect(publicBaseUrl(loadConfig({ env: { LIUTONG_HOST: '0.0.0.0' } }), 1234)).toBe('http://localhost:1234');
    expect(publicBaseUrl(loadConfig({ env: { LIUTONG_PUBLIC_BASE_URL: 'https://data.gd.gov.cn/' } }))).toBe('https://data.gd.gov.cn');
  });
});

describe('locale and errors', () => {
  it('picks zh-CN by default and en-US when preferred, honouring q-values', () => {
    expect(localeFromHeader(undefined)).toBe('zh-CN');
    expect(localeFromHeader('en-US,en;q=0.9')).toBe('en-US');
    expect(localeFromHeader('fr-FR, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(localeFromHeader('de, en-GB;q=0.7')).toBe('en-US');
    expect(localeFromHeader('zh-TW')).toBe('zh-CN');
  });

  it('interpolates parameters into localized messages', () => {
    const e = new AppError(PlatformErrors.STATE_CONFLICT, undefined, { from: 'draft', action: 'publish' });
    expect(e.status).toBe(409);
    expect(e.localizedMessage('en-US')).toBe('Action "publish" is not allowed in state "draft".');
    expect(e.localizedMessage('zh-CN')).toContain('draft');
    expect(() => new AppError('NO_SUCH_CODE')).toThrow();
  });

  it('words a module’s placeholder values in each language, keeping the raw values in the details', () => {
    defineErrors({ LABELTEST_CONFLICT: { status: 409, 'zh-CN': '当前状态（{status}）下不能{action}。', 'en-US': 'Cannot {action} when {status}.' } });
    defineParamLabels('LABELTEST', 'status', { accepted: { 'zh-CN': '已验收', 'en-US': 'accepted' } });
    defineParamLabels('LABELTEST', 'action', { deliver: { 'zh-CN': '交付', 'en-US': 'deliver' } });
    const e = new AppError('LABELTEST_CONFLICT', { status: 'accepted', action: 'deliver' }, { status: 'accepted', action: 'deliver' });
    expect(e.localizedMessage('zh-CN')).toBe('当前状态（已验收）下不能交付。');
    expect(e.localizedMessage('en-US')).toBe('Cannot deliver when accepted.');
    expect(e.details).toEqual({ status: 'accepted', action: 'deliver' });
    // A value without words, or another module's words, is shown as it is.
    expect(new AppError('LABELTEST_CONFLICT', {}, { status: 'odd_state', action: 'deliver' }).localizedMessage('zh-CN')).toBe('当前状态（odd_state）下不能交付。');
    defineParamLabels('OTHERTEST', 'status', { odd_state: { 'zh-CN': '别处的词', 'en-US': 'elsewhere' } });
    expect(new AppError('LABELTEST_CONFLICT', {}, { status: 'odd_state', action: 'x' }).localizedMessage('en-US')).toBe('Cannot x when odd_state.');
  });
});

describe('ids', () => {
  it('are prefixed, unguessable and checkable', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('org')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isId('org', id)).toBe(true);
    expect(isId('org', 'org_short')).toBe(false);
    expect(isId('res', [...ids][0]!)).toBe(false);
  });
});

describe('event bus', () => {
  const ev = (type: string): OutboxEvent => ({ seq: '1', id: 'evt_x', type, occurredAt: new Date(), subject: { type: 't', id: 'i' }, actor: { kind: 'system' }, payload: {} });
  it('delivers by exact type, prefix and wildcard; a failing handler does not stop the others', async () => {
    const seen: string[] = [];
    const errors: string[] = [];
    const bus = new EventBus((_e, event) => errors.push(event.type));
    bus.subscribe('identity.organisation.created', () => void seen.push('exact'));
    bus.subscribe('identity.*', () => {
      throw new Error('boom');
    });
    bus.subscribe('*', () => void seen.push('all'));
    const off = bus.subscribe('ledger.*', () => void seen.push('ledger'));
    await bus.dispatch([ev('identity.organisation.created'), ev('ledger.witness.registered')]);
    expect(seen).toEqual(['exact', 'all', 'ledger', 'all']);
    expect(errors).toEqual(['identity.organisation.created']);
    off();
    // Payloads are typed by event type (modules declare theirs in <module>.events.ts).
    bus.subscribe('platform.request.refused', (e) => {
      const status: number = e.payload.status;
      // @ts-expect-error — no such field on this event's payload
      void e.payload.nonexistent;
      void status;
    });
    await bus.dispatch([ev('ledger.witness.registered')]);
    expect(seen.filter((s) => s === 'ledger')).toHaveLength(1);
  });
});
