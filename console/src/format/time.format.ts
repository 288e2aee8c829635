/** Dates are shown in Asia/Shanghai time whatever the browser's zone (the market's legal time). */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withSeconds}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    cache.set(key, f);
  }
  return f;
}

/** `2026-11-23 18:02:43` style, in Asia/Shanghai; '—' for nothing, the input itself if unparsable. */
export function formatTime(value: string | number | Date | null | undefined, locale: string, withSeconds = true): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = value instanceof Date ? value : new Date(typeof value === 'number' ? value : value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = Object.fromEntries(formatter(locale, withSeconds).formatToParts(d).map((p) => [p.type, p.value]));
  const time = `${parts.hour}:${parts.minute}${withSeconds ? `:${parts.second}` : ''}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time}`;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day `2026-11-24`: a date the server keeps as a day (YYYY-MM-DD, already Asia/Shanghai)
 * as it is, an instant as its day in Asia/Shanghai; '—' for nothing, the input itself if unparsable.
 */
export function formatDate(value: string | number | Date | null | undefined, locale: string): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return value;
  const full = formatTime(value, locale, false);
  return /^\d{4}-\d{2}-\d{2} /.test(full) ? full.slice(0, 10) : full;
}
