/**
 * Exact decimal arithmetic for valuation and accounting, pure (no I/O): a tiny rational number over
 * `bigint` (numerator/denominator in lowest terms, denominator > 0). No floating point is used
 * anywhere: amounts are parsed from decimal strings exactly, every operation is exact, and rounding
 * happens only where a caller asks for it (roundHalfUp / roundHalfUpToFen / toFixed).
 *
 * Rounding is 四舍五入 "half up" in the commercial sense: halves go away from zero
 * (0.005 → 0.01, −0.005 → −0.01), as java.math.RoundingMode.HALF_UP.
 *
 * The one operation that cannot be exact is a square root (used for mid-year discounting,
 * (1+r)^(t−0.5)); `sqrt` truncates to a stated number of decimals using integer arithmetic only.
 */

export type DecimalErrorCode = 'DECIMAL_INVALID' | 'DECIMAL_DIVISION_BY_ZERO' | 'DECIMAL_EXPONENT_INVALID';

/** Thrown for malformed input or an undefined operation; `code` is stable, `message` is for people. */
export class DecimalError extends Error {
  readonly code: DecimalErrorCode;
  constructor(code: DecimalErrorCode, message: string) {
    super(message);
    this.name = 'DecimalError';
    this.code = code;
  }
}

/** Anything accepted where a number is expected: a Rational, a decimal/fraction string, or a bigint integer. */
export type RationalLike = Rational | string | bigint;

/** The longest text `Rational.parse` accepts (a guard against pathological input). */
export const MAX_DECIMAL_TEXT = 1000;
/** The largest |exponent| `pow` accepts. */
export const MAX_EXPONENT = 10_000;

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const FRACTION = /^([+-]?)(\d+)\/(\d+)$/;

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);

function checkDecimals(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > 1000) throw new DecimalError('DECIMAL_INVALID', `${what} must be an integer 0..1000, got ${String(n)}`);
}

export class Rational {
  /** Numerator; carries the sign. */
  readonly num: bigint;
  /** Denominator; always > 0 and coprime with the numerator. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    if (den === 0n) throw new DecimalError('DECIMAL_DIVISION_BY_ZERO', 'denominator is zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** num/den from integers (bigint, or a JS number that is a safe integer). */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const toBig = (x: bigint | number, what: string): bigint => {
      if (typeof x === 'bigint') return x;
      if (!Number.isSafeInteger(x)) throw new DecimalError('DECIMAL_INVALID', `${what} must be an integer (no floating point), got ${String(x)}`);
      return BigInt(x);
    };
    return new Rational(toBig(num, 'numerator'), toBig(den, 'denominator'));
  }

  /** An integer amount of fen as yuan (fen / 100). */
  static fromFen(fen: bigint): Rational {
    return new Rational(fen, 100n);
  }

  /**
   * Parses exactly: a plain decimal ("1684000.00", "-0.892", "+3") or a fraction ("300131578125/268912",
   * the lossless form `toString` writes). Anything else — empty, spaces, thousands separators,
   * exponents, "1.", ".5", non-ASCII digits, a zero denominator — throws DECIMAL_INVALID.
   */
  static parse(text: string): Rational {
    if (typeof text !== 'string') throw new DecimalError('DECIMAL_INVALID', `expected a decimal string, got ${typeof text}`);
    if (text.length === 0 || text.length > MAX_DECIMAL_TEXT) throw new DecimalError('DECIMAL_INVALID', `not a decimal: ${JSON.stringify(text.slice(0, 40))}`);
    const d = DECIMAL.exec(text);
    if (d) {
      const [, sign, int = '0', frac = ''] = d;
      const n = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
      return new Rational(n, pow10(frac.length));
    }
    const f = FRACTION.exec(text);
    if (f) {
      const [, sign, n = '0', dd = '0'] = f;
      if (BigInt(dd) === 0n) throw new DecimalError('DECIMAL_INVALID', `zero denominator: ${JSON.stringify(text)}`);
      return new Rational(BigInt(n) * (sign === '-' ? -1n : 1n), BigInt(dd));
    }
    throw new DecimalError('DECIMAL_INVALID', `not a decimal: ${JSON.stringify(text.slice(0, 40))}`);
  }

  /** A Rational from anything `RationalLike`. */
  static from(x: RationalLike): Rational {
    if (x instanceof Rational) return x;
    if (typeof x === 'bigint') return new Rational(x, 1n);
    return Rational.parse(x);
  }

  /** The exact sum of a list (0 for an empty list). */
  static sum(xs: readonly RationalLike[]): Rational {
    return xs.reduce<Rational>((acc, x) => acc.add(x), Rational.ZERO);
  }

  /** −1, 0 or 1 as a < b, a = b, a > b. */
  static compare(a: RationalLike, b: RationalLike): -1 | 0 | 1 {
    return Rational.from(a).cmp(b);
  }

  add(other: RationalLike): Rational {
    const o = Rational.from(other);
    return new Rational(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(other: RationalLike): Rational {
    const o = Rational.from(other);
    return new Rational(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(other: RationalLike): Rational {
    const o = Rational.from(other);
    return new Rational(this.num * o.num, this.den * o.den);
  }

  div(other: RationalLike): Rational {
    const o = Rational.from(other);
    if (o.num === 0n) throw new DecimalError('DECIMAL_DIVISION_BY_ZERO', 'division by zero');
    return new Rational(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** this^n for an integer n (negative n gives the reciprocal's power; 0^0 = 1; 0^−n throws). */
  pow(n: number): Rational {
    if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_EXPONENT) throw new DecimalError('DECIMAL_EXPONENT_INVALID', `exponent must be an integer within ±${MAX_EXPONENT}, got ${String(n)}`);
    if (n < 0) {
      if (this.num === 0n) throw new DecimalError('DECIMAL_DIVISION_BY_ZERO', 'zero to a negative power');
      const e = BigInt(-n);
      return new Rational(this.den ** e, this.num ** e);
    }
    const e = BigInt(n);
    return new Rational(this.num ** e, this.den ** e);
  }

  cmp(other: RationalLike): -1 | 0 | 1 {
    const o = Rational.from(other);
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(other: RationalLike): boolean {
    return this.cmp(other) === 0;
  }
  lt(other: RationalLike): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: RationalLike): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: RationalLike): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: RationalLike): boolean {
    return this.cmp(other) >= 0;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  /** The value rounded half up (away from zero) to `decimals` places, as an integer of 10^−decimals units. */
  roundHalfUp(decimals: number): bigint {
    checkDecimals(decimals, 'decimals');
    const scaled = this.num * pow10(decimals);
    const q = scaled / this.den; // truncates toward zero
    const r = abs(scaled % this.den);
    if (2n * r >= this.den) return scaled < 0n ? q - 1n : q + 1n;
    return q;
  }

  /** Reading this value as yuan: the amount in fen, rounded half up (四舍五入到分). */
  roundHalfUpToFen(): bigint {
    return this.roundHalfUp(2);
  }

  /** Display text with exactly `decimals` places, rounded half up ("0.666667"); never "-0.00". */
  toFixed(decimals: number): string {
    const v = this.roundHalfUp(decimals);
    const negative = v < 0n;
    const digits = abs(v).toString().padStart(decimals + 1, '0');
    const body = decimals === 0 ? digits : `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
    return negative ? `-${body}` : body;
  }

  /** The lossless form: "n" for an integer, otherwise "n/d" in lowest terms (`parse` reads it back). */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Shorthand for `Rational.from`. */
export const dec = (x: RationalLike): Rational => Rational.from(x);

/**
 * √x truncated (toward zero) to `decimals` places, by integer square root on bigint — the only
 * inexact operation here. With 30 places the error is below 10^−30, far below a fen.
 */
export function sqrt(x: RationalLike, decimals: number): Rational {
  checkDecimals(decimals, 'decimals');
  const v = Rational.from(x);
  if (v.sign() < 0) throw new DecimalError('DECIMAL_INVALID', 'square root of a negative number');
  const n = (v.num * pow10(2 * decimals)) / v.den; // floor(x · 10^2k)
  return Rational.of(isqrt(n), pow10(decimals));
}

/** floor(√n) for n ≥ 0 (Newton's method on bigint). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new DecimalError('DECIMAL_INVALID', 'square root of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2)); // ≥ √n
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
