/**
 * Money as the API carries it: integer fen (分) in a decimal string, e.g. a loan of ¥3,000,000 is
 * "300000000". Shown and entered in yuan with exactly two decimals; converted by string
 * arithmetic only, never through floating point, so every fen survives the round trip.
 */

/** The API's amount pattern (certificates ApplyBody.amountFen): at most 18 digits, no leading zeros. */
export const FEN_PATTERN = /^(0|[1-9][0-9]{0,17})$/;

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `"300000000"` → `¥3,000,000.00`, `"5"` → `¥0.05`; '—' for nothing; anything not a fen amount as it is. */
export function formatFen(fen: string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  const m = /^(-?)(\d+)$/.exec(fen);
  if (!m) return fen;
  const digits = m[2]!.replace(/^0+(?=\d)/, '').padStart(3, '0');
  const negative = m[1] === '-' && /[1-9]/.test(digits);
  return `${negative ? '-' : ''}¥${group(digits.slice(0, -2))}.${digits.slice(-2)}`;
}

/**
 * Yuan as a person types them → fen: `3000000`, `3,000,000.00`, `¥ 1,234.5`, `0.01`. Thousands
 * separators only where they belong, at most two decimals, not negative, within the API's 18 digits
 * of fen; null when the text is not such an amount (an empty text included).
 */
export function yuanToFen(input: string): string | null {
  let s = input.trim().replace(/^[¥￥]\s*/, '');
  if (/,/.test(s)) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = `${m[1]}${(m[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  return FEN_PATTERN.test(fen) ? fen : null;
}
