import { describe, expect, it } from 'vitest';
import * as client from '../../console/src/pages/space/space.rules';
import { ENDED_CONSENT_STATES } from '../../console/src/access';
// The test may read the server's pure rules directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import * as server from '../../src/modules/authorization/consent.rules';
import { NOTIFICATION_KINDS } from '../../src/modules/authorization/index.js';
import { makeUscc } from '../../src/platform/uscc.validator';
import { loadConfig } from '../../src/platform/config/config.loader';

describe('console digital-space rules mirror the server (consent.rules.ts)', () => {
  it('has the same vocabularies', () => {
    expect(client.CONSENT_STATUSES).toEqual(server.CONSENT_STATUSES);
    expect(client.NOTIFICATION_KINDS).toEqual(NOTIFICATION_KINDS);
    expect(client.MAX_PERIOD_MONTHS).toBe(server.MAX_PERIOD_MONTHS);
    // The states after approval that owe a deletion attestation: those that accept "attest".
    expect([...ENDED_CONSENT_STATES].sort()).toEqual(server.CONSENT_STATUSES.filter((s) => server.consentAllowed(s, 'attest')).sort());
  });

  it('knows every purpose the platform ships with', () => {
    expect([...client.KNOWN_PURPOSES]).toEqual(loadConfig({ env: {} }).authorization.purposes);
  });

  it('counts months as the server does', () => {
    const cases = [['2025-11', '2026-10'], ['2026-01', '2026-01'], ['2026-02', '2026-01'], ['2016-01', '2025-12'], ['2016-01', '2026-01'], ['2026-13', '2027-01'], ['x', '2026-01']] as const;
    for (const [from, to] of cases) expect(client.monthsBetween(from, to), `${from}..${to}`).toEqual(server.monthsBetween(from, to));
    expect(client.monthsBetween('2025-11', '2026-10')).toHaveLength(12);
    expect(client.periodProblem('2025-11', '2026-10')).toBeNull();
    expect(client.periodProblem('2026-10', '2025-11')).toBe('to_before_from');
    expect(client.periodProblem('2016-01', '2026-01')).toBe('too_long');
    expect(client.periodProblem(undefined, '2026-01')).toBe('not_a_month');
  });

  it('checks a holder USCC by GB 32100-2015 and the request shape', () => {
    const factory = makeUscc('91440604DEM0FACT0');
    expect(client.usccProblem(factory)).toBeNull();
    expect(client.USCC_SHAPE.test(factory)).toBe(true);
    expect(client.usccProblem(factory.slice(0, 17))).toBe('length');
    expect(client.usccProblem(factory.slice(0, 17) + (factory[17] === '0' ? '1' : '0'))).toBe('checksum');
    expect(client.usccProblem(factory.toLowerCase())).toBe('charset');
  });

  it('ends a validity date at the end of that day in Asia/Shanghai, at most five years on', () => {
    expect(client.endOfShanghaiDay('2026-03-01')).toBe('2026-03-01T15:59:59.999Z');
    const now = new Date('2026-03-01T10:00:00Z'); // 18:00 in Shanghai
    expect(client.shanghaiDay(now)).toBe('2026-03-01');
    expect(client.shanghaiDay(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(client.validityProblem('2026-03-01', now)).toBeNull();
    expect(client.validityProblem('2026-02-28', now)).toBe('not_in_future');
    expect(client.validityProblem('2031-03-01', now)).toBeNull();
    expect(client.validityProblem('2031-03-07', now)).toBe('too_far');
    expect(client.validityProblem('2026-02-30', now)).toBe('not_a_date');
    expect(client.shanghaiMonth(now, -12)).toBe('2025-03');
    expect(client.shanghaiMonth(now, -1)).toBe('2026-02');
    expect(client.shanghaiMonth(new Date('2026-01-15T00:00:00Z'), -1)).toBe('2025-12');
  });
});

describe('console resident-ID check mirrors the server (account.service.ts)', () => {
  it('agrees on format, birth date and check character', async () => {
    const { residentIdProblem } = await import('../../src/modules/authorization/index.js');
    for (const id of ['11010519491231002X', '11010519491231002x', '110105194912310021', '11010519490231002X', '1101051949123100', 'ABCDEFGHIJKLMNOPQR', '440106198102110019']) {
      expect(client.residentIdProblem(id), id).toEqual(residentIdProblem(id.toUpperCase()));
    }
    expect(client.residentIdProblem('11010519491231002X')).toBeNull();
  });
});
