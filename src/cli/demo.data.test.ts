import { describe, expect, it } from 'vitest';
import { checkValue } from '../modules/catalog/index.js';
import { residentIdCheckChar as residentIdCheck } from '../platform/uscc.validator.js';
import { busStops, companies, debitCards, electricity, luhnComplete, monthsEnding, residents, socialInsurance, taxRatings, toCsv, weather } from './demo.data.js';

const valid = (name: 'resident_id' | 'uscc' | 'mobile' | 'bank_card' | 'date' | 'amount', value: string) =>
  checkValue({ dataType: 'string', format: { kind: 'validator', name }, codeList: null }, value).valid;

describe('demo province data', () => {
  it('makes residents with valid, unique ID numbers whose sex digit agrees, and valid mobiles', () => {
    const list = residents(3000);
    expect(list).toHaveLength(3000);
    expect(new Set(list.map((r) => r.id_number)).size).toBe(3000);
    for (const r of list) {
      expect(valid('resident_id', r.id_number), r.id_number).toBe(true);
      expect(valid('mobile', r.mobile), r.mobile).toBe(true);
      expect(Number(r.id_number[16]) % 2 === 1 ? '1' : '2').toBe(r.sex);
      expect(r.id_number.slice(6, 14)).toBe(r.birth_date.replaceAll('-', ''));
    }
  });

  it('computes the ISO 7064 MOD 11-2 and Luhn check characters (known examples)', () => {
    // GB 11643-1999 example: 11010519491231002X
    expect(residentIdCheck('11010519491231002')).toBe('X');
    expect(luhnComplete('7992739871')).toBe('79927398713');
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(residents(50, 7)).toEqual(residents(50, 7));
    expect(residents(50, 7)).not.toEqual(residents(50, 8));
  });

  it('makes companies with valid, unique USCCs and their monthly data for every month', () => {
    const list = companies(500);
    expect(new Set(list.map((c) => c.uscc)).size).toBe(500);
    for (const c of list) expect(valid('uscc', c.uscc), c.uscc).toBe(true);
    const months = monthsEnding('2026-10', 24);
    expect(months[0]).toBe('2024-11');
    expect(months[23]).toBe('2026-10');
    const usage = electricity(list, months);
    expect(usage).toHaveLength(500 * 24);
    for (const u of usage.slice(0, 2000)) expect(valid('amount', u.fee), u.fee).toBe(true);
    expect(socialInsurance(list, months)).toHaveLength(500 * 24);
    expect(new Set(taxRatings(list, ['2024', '2025']).map((t) => t.rating))).toEqual(new Set(['A', 'B', 'M', 'C', 'D']));
    for (const d of debitCards(list)) expect(valid('bank_card', d.debit_card), d.debit_card).toBe(true);
  });

  it('writes RFC 4180 CSV with quoting', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"' }])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
    expect(busStops(10)).toHaveLength(10);
    const w = weather(['Guangzhou'], '2026-01-01', 31);
    expect(w[30]!.date).toBe('2026-01-31');
    expect(w.every((x) => Number(x.t_max) > Number(x.t_min))).toBe(true);
  });
});
