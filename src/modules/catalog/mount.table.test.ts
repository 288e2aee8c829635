import { describe, expect, it } from 'vitest';
import { checkTable, type TableField } from './mount.table.js';

const month: TableField = {
  name: 'month', label: { zh: '月份', en: 'Month' }, dataType: 'string', key: true,
  spec: { dataType: 'string', format: { kind: 'regex', pattern: '[0-9]{4}-(0[1-9]|1[0-2])' }, codeList: null },
};
const kwh: TableField = {
  name: 'kwh', label: { zh: '用电量', en: 'kWh' }, dataType: 'decimal', key: false,
  spec: { dataType: 'decimal', format: { kind: 'regex', pattern: '(0|[1-9][0-9]*)(\\.[0-9]{1,2})?' }, codeList: null },
};

/** `n` rows with distinct months' keys (2000-01 …), line numbers as in a file with a header. */
function table(n: number, bad: Map<number, [string, string]> = new Map()) {
  const rows = Array.from({ length: n }, (_, i) => {
    const m = `${String(1000 + Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
    return { line: i + 2, cells: bad.get(i) ?? [m, `${i}.5`] };
  });
  return [{ line: 1, cells: ['month', 'kwh'] }, ...rows];
}

describe('checking a mounted table against element patterns (matched a column at a time)', () => {
  it('accepts every row of a large table whose values match, beyond one matching page', () => {
    const checked = checkTable(table(45_000), [month, kwh]);
    expect(checked.problemCount).toBe(0);
    expect(checked.rows).toHaveLength(45_000);
    expect(JSON.parse(checked.rows[44_999]!.json)).toEqual({ month: '4749-12', kwh: '44999.5' }); // decimals keep their text
  });

  it('reports each value that breaks its pattern with its own line, column and reason, in every page', () => {
    const bad = new Map<number, [string, string]>([[3, ['2026-13', '1']], [25_000, ['2026-11', '1.234']], [44_000, ['x', '-1']]]);
    const checked = checkTable(table(45_000, bad), [month, kwh]);
    expect(checked.problems).toEqual([
      { line: 5, column: 'month', reason: 'pattern_mismatch', value: '2026-13' },
      { line: 25_002, column: 'kwh', reason: 'pattern_mismatch', value: '1.234' },
      { line: 44_002, column: 'month', reason: 'pattern_mismatch', value: 'x' },
      { line: 44_002, column: 'kwh', reason: 'pattern_mismatch', value: '-1' },
    ]);
    expect(checked.problemCount).toBe(4); // the caller stores nothing when there is any problem
  });
});
