import { describe, expect, it } from 'vitest';
import * as client from '../../console/src/pages/authorization/agreement.rules';
// The test may read the server's pure rules directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import * as server from '../../src/modules/authorization/agreement.rules';
// eslint-disable-next-line liutong/module-boundary
import { PRODUCT_KINDS } from '../../src/modules/authorization/product.repository';

describe('console authorization rules mirror the server (agreement.rules.ts)', () => {
  it('has the same vocabularies and default term', () => {
    expect(client.MODES).toEqual(server.MODES);
    expect(client.STATUSES).toEqual(server.STATUSES);
    expect(client.PRODUCT_KINDS).toEqual(PRODUCT_KINDS);
    expect(client.MAX_TERM_YEARS).toBe(server.DEFAULT_MAX_TERM_YEARS);
  });

  it('agrees on every mode problem', () => {
    for (const mode of client.MODES) {
      for (const domain of [undefined, null, '', '  ', '金融']) {
        for (const scenarios of [[], ['a'], ['a', 'b']]) {
          expect(client.modeProblem(mode, domain, scenarios), `${mode} ${domain} ${scenarios.length}`).toBe(server.modeProblem(mode, domain, scenarios));
        }
      }
    }
  });

  it('agrees on terms: dates, order, past, and at most the longest term', () => {
    const today = '2026-03-15';
    const dates = ['2026-03-14', '2026-03-15', '2026-03-16', '2027-03-15', '2031-03-14', '2031-03-15', '2031-03-16', '2024-02-29', '2029-02-28', '2029-03-01', '2026-02-30', 'x'];
    for (const from of dates) {
      for (const to of dates) {
        for (const years of [1, 5]) expect(client.termProblem(from, to, today, years), `${from} ${to} ${years}`).toBe(server.termProblem(from, to, today, years));
      }
    }
    expect(client.termProblem('2026-03-15', '2031-03-14', today, 5)).toBeNull();
    expect(client.termProblem('2026-03-15', '2031-03-15', today, 5)).toBe('too_long');
    expect(client.addYears('2024-02-29', 1)).toBe(server.addYears('2024-02-29', 1));
  });

  it('compares amounts exactly, and checks a fee against the cap only in the same unit', () => {
    const amounts = ['0', '0.1', '0.10', '0.08', '1', '1.5', '10', '9.99', '100000000000.01'];
    for (const a of amounts) for (const b of amounts) expect(client.compareAmounts(a, b), `${a} ${b}`).toBe(server.compareAmounts(a, b));
    const cap = { amount: '0.20', unit: '元/次' };
    expect(client.feeAboveCap({ amount: '0.21', unit: '元/次' }, cap)).toBe(true);
    expect(client.feeAboveCap({ amount: '0.2', unit: '元/次' }, cap)).toBe(false);
    expect(client.feeAboveCap({ amount: '5', unit: '元/月' }, cap)).toBe(false);
    expect(client.feeAboveCap({ amount: '5', unit: '元/次' }, null)).toBe(false);
    expect(client.AMOUNT.test('0.5')).toBe(true);
    expect(client.AMOUNT.test('01')).toBe(false);
    expect(client.AMOUNT.test('1.234')).toBe(false);
  });

  it('keeps scenarios as the server does, and names the years that have ended in Shanghai time', () => {
    expect(client.cleanScenarios([' a ', '', 'a', undefined, 'b'])).toEqual(['a', 'b']);
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Shanghai: 2026 has ended.
    expect(client.pastYears(new Date('2026-12-31T17:00:00Z'), 2)).toEqual([2026, 2025]);
    expect(client.pastYears(new Date('2026-12-31T15:00:00Z'), 1)).toEqual([2025]);
    expect(client.shanghaiDate(new Date('2026-06-30T16:30:00Z'))).toBe('2026-07-01');
    expect(client.disclosureDue(2025)).toBe('2026-03-31');
  });
});
