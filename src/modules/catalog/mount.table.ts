/**
 * Reading a mounted table (挂接) and checking it against the resource's declared fields, before
 * anything is stored: the header must name every declared field (by name, or its Chinese or
 * English label) and nothing else; every value must parse as its field's data type; values of
 * fields bound to a data element must pass the element's format and code list (checkValue, the
 * same rule the element API applies); key values must be present and unique. Files are CSV
 * (UTF-8 or GBK, see sheet.reader.ts), XLSX (first worksheet) or Parquet (`hyparquet`, pure JS).
 */
import { createHash } from 'node:crypto';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { deadlineMatcher } from './regex.guard.js';
import { matchMany } from './quality.matcher.js';
import { decodeText, parseCsv, readXlsx, TransferFileError } from './sheet.reader.js';
import { checkValue, type DataType, type ElementSpec, type PatternMatcher } from './value.validators.js';
import type { MountFormat } from './mount.repository.js';

/** Separator of composite keys (U+001F INFORMATION SEPARATOR ONE), as the gateway contract says. */
export const KEY_SEPARATOR = '\u001f';
/** Problems reported for a rejected file (the first ones, in file order). */
export const MAX_PROBLEMS = 50;
/** User patterns run under a deadline per match (as in the element API). */
const match = deadlineMatcher(100);
/**
 * Values of one column matched against its element's pattern in one guarded run (quality.matcher.ts):
 * a guarded run per value costs tens of microseconds, which made a 240,000-row file take half a minute.
 */
const MATCH_PAGE = 20_000;

function columnMatches(pattern: string, values: string[]): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let p = 0; p < values.length; p += MATCH_PAGE) out.set(matchMany(pattern, values.slice(p, p + MATCH_PAGE)), p);
  return out;
}

export interface TableField {
  name: string;
  label: { zh: string; en: string };
  dataType: DataType;
  key: boolean;
  /** The bound element's rules (data type, format, code list); null for a freely typed field. */
  spec: ElementSpec | null;
}

/** Why a file does not match: where (line: header = 1; column) and a stable reason. */
export interface TableProblem {
  line: number | null;
  column: string | null;
  reason: string;
  value?: string;
}

export interface CheckedTable {
  rows: Array<{ key: string; json: string }>;
  /** The field each column was read as, in file order (null: not a declared field). */
  columns: Array<string | null>;
  problems: TableProblem[];
  /** All problems found (only the first MAX_PROBLEMS are listed). */
  problemCount: number;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function parquetText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

async function readParquet(bytes: Uint8Array): Promise<Array<{ line: number; cells: string[] }>> {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let header: string[];
  let objects: Array<Record<string, unknown>>;
  try {
    const metadata = parquetMetadata(buf);
    header = parquetSchema(metadata).children.map((c) => c.element.name);
    objects = (await parquetReadObjects({ file: buf, metadata })) as Array<Record<string, unknown>>;
  } catch (err) {
    throw new TransferFileError('not_parquet', err instanceof Error ? err.message.slice(0, 200) : undefined);
  }
  // Line numbers as if the header were line 1, so reports read the same for every format.
  return [{ line: 1, cells: header }, ...objects.map((o, i) => ({ line: i + 2, cells: header.map((h) => parquetText(o[h])) }))];
}

/** Reads the file's rows as text cells, the header first. Throws TransferFileError when unreadable. */
export async function readTable(bytes: Uint8Array, format: MountFormat): Promise<Array<{ line: number; cells: string[] }>> {
  if (format === 'xlsx') return readXlsx(bytes, true);
  if (format === 'parquet') return readParquet(bytes);
  return parseCsv(decodeText(bytes));
}

/** Stored JSON value of a checked cell: integers and booleans typed, decimals kept as exact text, empty = null. */
function toJson(dataType: DataType, text: string): unknown {
  if (text === '') return null;
  if (dataType === 'integer') {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  }
  if (dataType === 'boolean') return text === 'true';
  return text;
}

/**
 * Checks the rows (header first) against the fields and builds the stored rows. The key is the key
 * fields' values joined with U+001F, or the row's ordinal (zero-padded, in file order) when the
 * resource declares no key field.
 */
export function checkTable(raw: Array<{ line: number; cells: string[] }>, fields: TableField[]): CheckedTable {
  const problems: TableProblem[] = [];
  let problemCount = 0;
  const problem = (p: TableProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  if (!raw.length) return { rows: [], columns: [], problems: [{ line: null, column: null, reason: 'empty' }], problemCount: 1 };
  const [head, ...body] = raw;
  const byHeader = new Map<string, TableField>();
  for (const f of fields) for (const h of [f.name, f.label.zh, f.label.en]) if (!byHeader.has(h)) byHeader.set(h, f);
  const columns: Array<TableField | null> = [];
  const seen = new Set<string>();
  head!.cells.forEach((h) => {
    const name = h.trim();
    const f = byHeader.get(name) ?? null;
    if (!f) problem({ line: head!.line, column: name, reason: name === '' ? 'empty_column_name' : 'unknown_column' });
    else if (seen.has(f.name)) problem({ line: head!.line, column: name, reason: 'duplicate_column' });
    if (f) seen.add(f.name);
    columns.push(f && !columns.includes(f) ? f : null);
  });
  for (const f of fields) if (!seen.has(f.name)) problem({ line: head!.line, column: f.name, reason: 'missing_column' });
  const names = columns.map((f) => f?.name ?? null);
  if (problemCount) return { rows: [], columns: names, problems, problemCount };
  if (!body.length) return { rows: [], columns: names, problems: [{ line: null, column: null, reason: 'no_rows' }], problemCount: 1 };

  const keyFields = fields.filter((f) => f.key);
  const keyIdx = keyFields.map((k) => columns.indexOf(k));
  const keys = new Map<string, number>();
  const rows: Array<{ key: string; json: string }> = [];
  const width = Math.max(8, String(body.length).length);
  // Pattern-formatted columns are matched in bulk up front; a value that does not match is checked
  // again on its own so its reason (pattern_mismatch or pattern_timeout) is the element API's.
  let row = 0;
  const matchers: PatternMatcher[] = columns.map((f, i) => {
    const format = f?.spec?.format;
    if (format?.kind !== 'regex') return match;
    const bits = columnMatches(format.pattern, body.map(({ cells }) => (cells[i] ?? '').trim()));
    return (pattern, value) => (bits[row] === 1 ? { valid: true } : match(pattern, value));
  });
  body.forEach(({ line, cells }, n) => {
    row = n;
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim() !== '')) {
      problem({ line, column: null, reason: 'extra_cells' });
      return;
    }
    const doc: Record<string, unknown> = {};
    let ok = true;
    columns.forEach((f, i) => {
      if (!f) return;
      const text = (cells[i] ?? '').trim();
      if (text === '') {
        if (f.key) {
          problem({ line, column: f.name, reason: 'key_missing' });
          ok = false;
        }
        doc[f.name] = null;
        return;
      }
      const check = checkValue(f.spec ?? { dataType: f.dataType, format: null, codeList: null }, text, matchers[i]!);
      if (!check.valid) {
        problem({ line, column: f.name, reason: check.reason, value: text.slice(0, 100) });
        ok = false;
        return;
      }
      doc[f.name] = toJson(f.dataType, text);
    });
    if (!ok) return;
    const key = keyFields.length ? keyIdx.map((i) => (cells[i] ?? '').trim()).join(KEY_SEPARATOR) : String(n + 1).padStart(width, '0');
    const first = keys.get(key);
    if (first !== undefined) {
      problem({ line, column: keyFields.map((k) => k.name).join('+'), reason: 'duplicate_key', value: `${key.split(KEY_SEPARATOR).join(', ').slice(0, 100)} (line ${first})` });
      return;
    }
    keys.set(key, line);
    rows.push({ key, json: JSON.stringify(doc) });
  });
  return { rows, columns: names, problems, problemCount };
}
