/**
 * The working-day calendar (DESIGN.md §6.7): statutory deadlines counted in working days (工作日)
 * use China's public holidays (法定节假日) and make-up working days (调休: a Saturday or Sunday
 * worked in exchange for a longer holiday). Dates are civil dates in Asia/Shanghai (China has had
 * no daylight saving time since 1991, so a Shanghai date is the UTC instant shifted by +8 hours).
 *
 * Weekends are days off, weekdays are working days, except the dates listed in a year's schedule.
 * The schedule is published each year by the General Office of the State Council (国务院办公厅
 * 关于部分节假日安排的通知); deployments add further holidays and make-up days (e.g. a province's
 * own days, or next year's schedule before a release has it) through the config keys
 * `calendar.holidays` and `calendar.workdays`.
 */

/** One year's official schedule: the weekdays off and the weekend days worked. */
export interface HolidaySchedule {
  year: number;
  source: string;
  /** Days off that would otherwise be working days (weekdays), and holiday weekend days for completeness. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) out.push(d);
  return out;
};

/**
 * The official schedules. Each year's entry names its notice. The dates were entered from the
 * engineers' knowledge of the State Council's notices; the repository has no copy of them and they
 * could not be checked against the published text here, so an operator should verify them — and
 * any year can be corrected or extended through `calendar.holidays` / `calendar.workdays`.
 */
export const OFFICIAL_SCHEDULES: readonly HolidaySchedule[] = [
  {
    year: 2025,
    // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
    source: '国办发明电〔2024〕12号',
    holidays: [
      '2025-01-01', // 元旦
      ...range('2025-01-28', '2025-02-04'), // 春节
      ...range('2025-04-04', '2025-04-06'), // 清明节
      ...range('2025-05-01', '2025-05-05'), // 劳动节
      ...range('2025-05-31', '2025-06-02'), // 端午节
      ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    // 国务院办公厅关于2026年部分节假日安排的通知 (published in 2025; not verified against the text here).
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节
      ...range('2026-04-04', '2026-04-06'), // 清明节
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午节
      ...range('2026-09-25', '2026-09-27'), // 中秋节
      ...range('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isDateText(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The Asia/Shanghai civil date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai civil date begins (00:00 +08:00). */
export function shanghaiStartOf(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

function nextDate(d: string, step = 1): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10);
}

const toDate = (d: Date | string): string => {
  if (typeof d !== 'string') return shanghaiDate(d);
  if (!isDateText(d)) throw new RangeError(`not a date: ${d}`);
  return d;
};

export interface CalendarOptions {
  /** Extra days off (config `calendar.holidays`). */
  holidays?: readonly string[];
  /** Extra working days, e.g. a weekend worked (config `calendar.workdays`). */
  workdays?: readonly string[];
  /** The official schedules (default: OFFICIAL_SCHEDULES). */
  schedules?: readonly HolidaySchedule[];
}

/** Days in Asia/Shanghai: working or not; deadlines in working days. Pure, no I/O. */
export class WorkingDayCalendar {
  private readonly off = new Set<string>();
  private readonly on = new Set<string>();

  constructor(options: CalendarOptions = {}) {
    for (const s of options.schedules ?? OFFICIAL_SCHEDULES) {
      for (const d of s.holidays) this.off.add(d);
      for (const d of s.workdays) this.on.add(d);
    }
    // Configured days override the official schedule (a configured make-up day wins over a holiday).
    for (const d of options.holidays ?? []) {
      if (!isDateText(d)) throw new RangeError(`calendar.holidays: not a date: ${d}`);
      this.on.delete(d);
      this.off.add(d);
    }
    for (const d of options.workdays ?? []) {
      if (!isDateText(d)) throw new RangeError(`calendar.workdays: not a date: ${d}`);
      this.off.delete(d);
      this.on.add(d);
    }
  }

  /** Whether a date (YYYY-MM-DD, or the Shanghai date of an instant) is a working day. */
  isWorkingDay(day: Date | string): boolean {
    const d = toDate(day);
    if (this.on.has(d)) return true;
    if (this.off.has(d)) return false;
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  }

  /**
   * The date `n` working days after `day` (the start day itself is not counted, as for periods in
   * days under 民法典 Art. 201: 开始的当日不计入). n = 0 is the day itself.
   */
  addWorkingDays(day: Date | string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    let d = toDate(day);
    for (let left = n; left > 0; ) {
      d = nextDate(d);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: Date | string, to: Date | string): number {
    const a = toDate(from);
    const b = toDate(to);
    let n = 0;
    for (let d = nextDate(a); d <= b; d = nextDate(d)) if (this.isWorkingDay(d)) n++;
    return n;
  }

  /**
   * The deadline of something due within `n` working days of `at`: the end of the n-th working day
   * after the Shanghai date of `at` (as an instant: the start of the following day, +08:00).
   */
  deadline(at: Date, n: number): Date {
    return shanghaiStartOf(nextDate(this.addWorkingDays(at, n)));
  }
}
