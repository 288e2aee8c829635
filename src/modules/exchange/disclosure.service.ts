import { sql } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { Kernel } from '../../platform/kernel.js';
import { isDateText, shanghaiDate, shanghaiStartOf } from '../../platform/calendar/working-day.calendar.js';
import { ExchangeErrors } from './exchange.errors.js';
import { disclose, MIN_DEALS, type DealCell } from './disclosure.rules.js';

const DAY = 86_400_000;
/** The longest period one disclosure covers. */
export const MAX_DISCLOSURE_DAYS = 366;

/**
 * The market's public disclosure (信息披露): deals put in force per day (Asia/Shanghai) and their
 * amounts, by category and by region, under the rule of disclosure.rules.ts.
 */
export class DisclosureService {
  constructor(private readonly k: Kernel) {}

  async daily(q: { from?: string | undefined; to?: string | undefined }) {
    const today = shanghaiDate(this.k.clock.now());
    const to = q.to ?? today;
    const from = q.from ?? shanghaiDate(new Date(shanghaiStartOf(to).getTime() - 29 * DAY));
    for (const d of [from, to]) if (!isDateText(d)) throw new AppError(ExchangeErrors.EXCHANGE_DATE_INVALID, { date: d }, { date: d });
    const days = Math.round((shanghaiStartOf(to).getTime() - shanghaiStartOf(from).getTime()) / DAY) + 1;
    if (days < 1 || days > MAX_DISCLOSURE_DAYS) throw new AppError(ExchangeErrors.EXCHANGE_DATE_INVALID, { date: `${from}..${to}`, maxDays: MAX_DISCLOSURE_DAYS }, { date: `${from}..${to}` });
    const start = shanghaiStartOf(from);
    const end = new Date(shanghaiStartOf(to).getTime() + DAY);
    const cells = async (column: 'category' | 'region'): Promise<DealCell[]> => {
      const r = await sql<{ date: string; key: string; deals: string; amount: string }>`
        select to_char(n.finalized_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date, l.${sql.ref(column)} as key, count(*) as deals, sum(n.amount_fen) as amount
        from exchange_negotiation n join exchange_listing l on l.id = n.listing_id
        where n.finalized_at >= ${start} and n.finalized_at < ${end}
        group by 1, 2`.execute(this.k.db);
      return r.rows.map((x) => ({ date: x.date, key: x.key, deals: Number(x.deals), amountFen: BigInt(x.amount) }));
    };
    return { from, to, minDeals: MIN_DEALS, byCategory: disclose(await cells('category')), byRegion: disclose(await cells('region')) };
  }
}
