import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChild } from './server.js';

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe('per-request logger without access logs', () => {
  it('drops lines below the level and keeps the request id on the lines it writes', async () => {
    const { logger, lines } = capture('warn');
    const log = lazyChild(logger, { reqId: 'req_abc' });
    log.info('not written');
    log.debug({ x: 1 }, 'not written either');
    log.warn({ code: 'X' }, 'written');
    log.error(new Error('boom'));
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(['written', 'boom']);
    expect(lines.every((l) => l.reqId === 'req_abc')).toBe(true);
    expect(lines[0]!.code).toBe('X');
    expect(log.level).toBe('warn');
    const child = log.child({ part: 'p' });
    child.warn('from child');
    await new Promise((r) => setImmediate(r));
    expect(lines.at(-1)).toMatchObject({ msg: 'from child', reqId: 'req_abc', part: 'p' });
  });
});
