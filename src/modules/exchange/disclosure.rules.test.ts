import { describe, expect, it } from 'vitest';
import { disclose } from './disclosure.rules.js';

const cell = (date: string, key: string, deals: number, amountFen: bigint) => ({ date, key, deals, amountFen });

describe('market disclosure (信息披露): no single trade’s price can be read off', () => {
  it('shows cells of three deals or more; merges the rest into “other”, shown only when it holds three', () => {
    const days = disclose([
      cell('2026-12-01', 'finance', 5, 500_000n), cell('2026-12-01', 'energy', 1, 80_000n), cell('2026-12-01', 'commerce', 2, 30_000n),
      cell('2026-12-02', 'finance', 1, 9_000n),
      cell('2026-12-03', 'finance', 3, 300n), cell('2026-12-03', 'energy', 1, 100n),
    ]);
    expect(days).toEqual([
      { date: '2026-12-01', deals: 8, amountFen: '610000', cells: [{ date: '2026-12-01', key: 'finance', deals: 5, amountFen: '500000' }, { date: '2026-12-01', key: 'other', deals: 3, amountFen: '110000', merged: 2 }] },
      // One deal alone: neither its cell nor the day's total shows an amount.
      { date: '2026-12-02', deals: 1, amountFen: null, cells: [{ date: '2026-12-02', key: 'other', deals: 1, amountFen: null, merged: 1 }] },
      // The total would reveal the single energy deal (total − finance): withheld too.
      { date: '2026-12-03', deals: 4, amountFen: null, cells: [{ date: '2026-12-03', key: 'finance', deals: 3, amountFen: '300' }, { date: '2026-12-03', key: 'other', deals: 1, amountFen: null, merged: 1 }] },
    ]);
  });

  it('never publishes an amount made of fewer than three deals, whatever the mix', () => {
    const keys = ['a', 'b', 'c', 'd'];
    for (let seed = 1; seed < 400; seed++) {
      const cells = keys.map((k, i) => cell('2026-12-01', k, (seed * (i + 3)) % 5, BigInt(1000 + i))).filter((c) => c.deals > 0);
      if (cells.length === 0) continue;
      const [day] = disclose(cells);
      for (const c of day!.cells) if (c.amountFen !== null) expect(c.deals).toBeGreaterThanOrEqual(3);
      // Every withheld amount stays withheld: the shown ones and the total never differ by a hidden remainder of fewer than three deals.
      const shown = day!.cells.filter((c) => c.amountFen !== null).reduce((t, c) => t + c.deals, 0);
      if (day!.amountFen !== null) expect(day!.deals - shown === 0 || day!.deals - shown >= 3).toBe(true);
    }
  });
});
