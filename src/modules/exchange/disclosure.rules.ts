/**
 * Rules of market disclosure (信息披露), pure and tested in disclosure.rules.test.ts: daily deals
 * (成交: contracts put in force) and their amounts by category and by region, published so that no
 * single trade's price can be read off. A cell (day × category, or day × region) with fewer than
 * `MIN_DEALS` deals shows no amount of its own: such cells of a day are merged into one "other" cell,
 * whose amount shows only if it holds at least `MIN_DEALS` deals; the day's total amount shows only
 * when every amount it contains is shown or the merged remainder is itself large enough — otherwise
 * total minus the shown cells would reveal the hidden ones.
 */

/** The fewest deals whose summed amount may be published (the issue: fewer than 3 are aggregated). */
export const MIN_DEALS = 3;

export interface DealCell {
  date: string;
  key: string;
  deals: number;
  amountFen: bigint;
}

export interface DisclosedCell {
  date: string;
  /** The category or region; `other` for the merged small cells. */
  key: string;
  deals: number;
  /** Null when withheld. */
  amountFen: string | null;
  /** How many keys were merged into `other`. */
  merged?: number;
}

export interface DisclosedDay {
  date: string;
  deals: number;
  amountFen: string | null;
  cells: DisclosedCell[];
}

/** Applies the threshold to one dimension's cells, day by day (days ascending, cells by deals then key). */
export function disclose(cells: DealCell[], min = MIN_DEALS): DisclosedDay[] {
  const byDay = new Map<string, DealCell[]>();
  for (const c of cells) byDay.set(c.date, [...(byDay.get(c.date) ?? []), c]);
  return [...byDay.keys()].sort().map((date) => {
    const day = byDay.get(date)!;
    const big = day.filter((c) => c.deals >= min).sort((a, b) => b.deals - a.deals || a.key.localeCompare(b.key));
    const small = day.filter((c) => c.deals < min);
    const out: DisclosedCell[] = big.map((c) => ({ date, key: c.key, deals: c.deals, amountFen: c.amountFen.toString() }));
    const smallDeals = small.reduce((t, c) => t + c.deals, 0);
    const smallShown = smallDeals >= min;
    if (small.length) {
      out.push({ date, key: 'other', deals: smallDeals, amountFen: smallShown ? small.reduce((t, c) => t + c.amountFen, 0n).toString() : null, merged: small.length });
    }
    const deals = day.reduce((t, c) => t + c.deals, 0);
    const total = day.reduce((t, c) => t + c.amountFen, 0n);
    return { date, deals, amountFen: small.length === 0 || smallShown ? total.toString() : null, cells: out };
  });
}
