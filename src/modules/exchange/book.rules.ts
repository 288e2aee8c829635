/**
 * The exchange's books (账簿): double-entry in integer fen. Conventions (DESIGN.md §6.7: money is
 * integer fen in bigint): a posting line's amount is debit-positive, credit-negative; a journal's
 * lines sum to zero; an account's balance is the sum of its lines, debit-positive. An account has a
 * normal side — debit for what the exchange holds (its bank account), credit for what it owes (a
 * member's money, escrow, its fee income) — and, unless it is allowed to, never goes below zero on it.
 */

export type NormalSide = 'debit' | 'credit';

/**
 * The chart of accounts. `bank`: the exchange's money at its bank (asset; deposits and withdrawals of
 * members move it — payment rails are out of scope). `member_available`: a member's money it may use.
 * `escrow`: a buyer's payment held for a contract until delivery is accepted. `fee_income`: the
 * exchange's fees. `clearing`: the settlement batch's transit account, zero after each batch.
 */
export const ACCOUNT_KINDS = {
  bank: { side: 'debit', allowNegative: false },
  member_available: { side: 'credit', allowNegative: false },
  escrow: { side: 'credit', allowNegative: false },
  fee_income: { side: 'credit', allowNegative: false },
  clearing: { side: 'credit', allowNegative: true },
} as const satisfies Record<string, { side: NormalSide; allowNegative: boolean }>;
export type AccountKind = keyof typeof ACCOUNT_KINDS;

/** The balance on the account's normal side (what a member sees as its money): debit-positive balance, negated for credit accounts. */
export const onNormalSide = (balanceFen: bigint, side: NormalSide): bigint => (side === 'debit' ? balanceFen : -balanceFen);

/** Why a journal's lines do not make a journal, or null: at least two lines, none zero, summing to zero. */
export function unbalanced(lines: Array<{ amountFen: bigint }>): string | null {
  if (lines.length < 2) return 'lines';
  if (lines.some((l) => l.amountFen === 0n)) return 'zero_line';
  const sum = lines.reduce((s, l) => s + l.amountFen, 0n);
  return sum === 0n ? null : `sum:${sum}`;
}

/** A positive whole number of fen from its wire form (a decimal string), or null. */
export function parseFen(text: string): bigint | null {
  if (!/^[1-9][0-9]{0,17}$/.test(text)) return null;
  return BigInt(text);
}
