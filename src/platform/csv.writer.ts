/**
 * Writing CSV (RFC 4180): one cell quoted when it holds a comma, a quote, a line break or leading
 * or trailing white space; CRLF line ends. `bom` prefixes U+FEFF so that Excel reads UTF-8.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of cells as CSV text (every line CRLF-terminated). */
export function csvText(rows: ReadonlyArray<readonly unknown[]>, bom = false): string {
  return `${bom ? '\uFEFF' : ''}${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
