import { describe, expect, it } from 'vitest';
import { DecimalError, Rational, dec, isqrt, sqrt } from './decimal.rules.js';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DecimalError ? e.code : `not a DecimalError: ${String(e)}`;
  }
  return undefined;
};

describe('exact rational', () => {
  it('parses decimal strings exactly and normalises by gcd', () => {
    const a = Rational.parse('1684000.00');
    expect([a.num, a.den]).toEqual([1684000n, 1n]);
    const f = Rational.parse('0.892');
    expect([f.num, f.den]).toEqual([223n, 250n]);
    const n = Rational.parse('-0.50');
    expect([n.num, n.den]).toEqual([-1n, 2n]);
    expect(Rational.parse('+3').toString()).toBe('3');
    expect(Rational.parse('007.10').toString()).toBe('71/10');
    expect(Rational.parse('-0').toString()).toBe('0');
    // the lossless fraction form reads back
    expect(Rational.parse('300131578125/268912').toString()).toBe('300131578125/268912');
    expect(Rational.parse('6/4').toString()).toBe('3/2');
    expect(Rational.parse('-6/4').toString()).toBe('-3/2');
    expect(Rational.of(10n, -4n).toString()).toBe('-5/2');
  });

  it('refuses malformed input with DECIMAL_INVALID', () => {
    for (const bad of ['', ' 1', '1 ', '1,000', '1.', '.5', '1e3', 'abc', '--1', '+-1', '0x10', '１２', 'NaN', 'Infinity', '1/0', '1/-2', '1.5/2', '1..2', '¥100']) {
      expect(code(() => Rational.parse(bad)), bad).toBe('DECIMAL_INVALID');
    }
    expect(code(() => Rational.parse(12 as unknown as string))).toBe('DECIMAL_INVALID');
    expect(code(() => Rational.parse('1'.repeat(1001)))).toBe('DECIMAL_INVALID');
    expect(code(() => Rational.of(0.1))).toBe('DECIMAL_INVALID');
    expect(code(() => Rational.parse('1.5'))).toBeUndefined();
  });

  it('adds, subtracts, multiplies and divides without floating-point error', () => {
    expect(dec('0.1').add('0.2').eq('0.3')).toBe(true);
    expect(dec('0.3').sub('0.1').toString()).toBe('1/5');
    expect(dec('1684000').mul('0.892').toString()).toBe('1502128');
    expect(dec('1').div('3').mul(3n).eq(Rational.ONE)).toBe(true);
    expect(dec('3770156.04').div(3n).toString()).toBe('31417967/25') // 1,256,718.68;
    expect(code(() => dec('1').div('0.00'))).toBe('DECIMAL_DIVISION_BY_ZERO');
    expect(Rational.sum(['200000', '1200000', '150000', '50000', '84000']).toString()).toBe('1684000');
    expect(Rational.sum([]).isZero()).toBe(true);
    expect(dec('-2.5').abs().toString()).toBe('5/2');
    expect(dec('2.5').neg().toString()).toBe('-5/2');
  });

  it('raises to integer powers, including negative ones', () => {
    expect(dec('1.12').pow(5).toString()).toBe(dec('1.7623416832').toString());
    expect(dec('1.12').pow(-2).toString()).toBe('625/784');
    expect(dec('0').pow(0).toString()).toBe('1');
    expect(dec('-2').pow(3).toString()).toBe('-8');
    expect(code(() => dec('0').pow(-1))).toBe('DECIMAL_DIVISION_BY_ZERO');
    expect(code(() => dec('2').pow(0.5))).toBe('DECIMAL_EXPONENT_INVALID');
    expect(code(() => dec('2').pow(100_000))).toBe('DECIMAL_EXPONENT_INVALID');
  });

  it('compares exactly', () => {
    expect(Rational.compare('0.1', '0.10')).toBe(0);
    expect(Rational.compare('99.99', '100')).toBe(-1);
    expect(Rational.compare('1/3', '0.333333333333')).toBe(1);
    expect(dec('-1').lt('0')).toBe(true);
    expect(dec('2').gte('2.0')).toBe(true);
    expect(dec('2').gt('2.0')).toBe(false);
    expect(dec('5/3').sign()).toBe(1);
  });

  it('rounds half up (away from zero) to the fen', () => {
    expect(dec('0.005').roundHalfUpToFen()).toBe(1n);
    expect(dec('0.0049999').roundHalfUpToFen()).toBe(0n);
    expect(dec('-0.005').roundHalfUpToFen()).toBe(-1n);
    expect(dec('-0.0049').roundHalfUpToFen()).toBe(0n);
    expect(dec('1/3').roundHalfUpToFen()).toBe(33n);
    expect(dec('2/3').roundHalfUpToFen()).toBe(67n);
    expect(dec('1502128').roundHalfUpToFen()).toBe(150212800n);
    expect(dec('300131578125/268912').roundHalfUpToFen()).toBe(111609589n);
    expect(dec('12.345').roundHalfUp(0)).toBe(12n);
    expect(dec('12.5').roundHalfUp(0)).toBe(13n);
  });

  it('formats for display with a fixed number of decimals', () => {
    expect(dec('2/3').toFixed(6)).toBe('0.666667');
    expect(dec('-1/3').toFixed(2)).toBe('-0.33');
    expect(dec('-0.001').toFixed(2)).toBe('0.00');
    expect(dec('300131578125/268912').toFixed(6)).toBe('1116095.890570');
    expect(dec('0.892').toFixed(6)).toBe('0.892000');
    expect(dec('7').toFixed(0)).toBe('7');
    expect(dec('0.05').toFixed(1)).toBe('0.1');
    expect(JSON.stringify({ v: dec('0.5') })).toBe('{"v":"1/2"}');
  });

  it('takes square roots with integer arithmetic to a stated precision', () => {
    expect(isqrt(0n)).toBe(0n);
    expect(isqrt(15n)).toBe(3n);
    expect(isqrt(16n)).toBe(4n);
    expect(isqrt(10n ** 40n)).toBe(10n ** 20n);
    expect(sqrt('2', 30).toFixed(30)).toBe('1.414213562373095048801688724209');
    expect(sqrt('1.12', 30).toFixed(30)).toBe('1.058300524425836236200646301455');
    expect(sqrt('1.44', 5).toString()).toBe('6/5');
    expect(code(() => sqrt('-1', 5))).toBe('DECIMAL_INVALID');
  });
});
