/**
 * Reading tabular files shared by the catalogue's imports (element census import) and mounting
 * (挂接): CSV in UTF-8 (with or without BOM) or GBK as Excel on a Chinese Windows writes it — the
 * encoding is detected from the byte structure, never guessed silently: a file that is neither is
 * refused — and XLSX (`exceljs`, the first worksheet).
 */
import ExcelJS from 'exceljs';

/** A file that cannot be read, with a stable reason. */
export class TransferFileError extends Error {
  constructor(readonly reason: 'encoding' | 'empty' | 'header' | 'too_many_rows' | 'not_xlsx' | 'not_parquet' | 'csv_quote', readonly detail?: string) {
    super(reason);
  }
}

/** UTF-8 (BOM optional) or GBK; anything else (or a mix) is refused. */
export function decodeText(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    /* not UTF-8: try GBK */
  }
  if (!isGbk(bytes)) throw new TransferFileError('encoding');
  return new TextDecoder('gbk').decode(bytes);
}

/**
 * Byte structure of GBK/GB 18030: ASCII, or a lead byte 0x81–0xFE followed by a trail byte
 * 0x40–0xFE except 0x7F, or a four-byte sequence lead, 0x30–0x39, 0x81–0xFE, 0x30–0x39.
 * (Node's GBK decoder drops invalid bytes instead of failing, so the structure is checked first.)
 */
function isGbk(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    if (c === 0x80 || c === 0xff) return false;
    const t = b[i + 1];
    if (t === undefined) return false;
    if (t >= 0x40 && t <= 0xfe && t !== 0x7f) {
      i++;
      continue;
    }
    const t2 = b[i + 2];
    const t3 = b[i + 3];
    if (t >= 0x30 && t <= 0x39 && t2 !== undefined && t2 >= 0x81 && t2 <= 0xfe && t3 !== undefined && t3 >= 0x30 && t3 <= 0x39) {
      i += 3;
      continue;
    }
    return false;
  }
  return true;
}

/** RFC 4180 CSV: quoted fields with "" escapes, CRLF or LF line ends. Returns rows of cells with their line numbers. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) throw new TransferFileError('csv_quote', `line ${rowLine}`);
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** Text of an XLSX cell: dates as ISO 8601 (a date, or a date and time when it has one) when `isoDates`. */
function cellText(cell: ExcelJS.Cell, isoDates: boolean): string {
  const v = cell.value;
  if (isoDates && v instanceof Date && !Number.isNaN(v.getTime())) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return cell.text ?? '';
}

/** The first worksheet's non-empty rows as text cells, with their row numbers. */
export async function readXlsx(bytes: Uint8Array, isoDates = false): Promise<Array<{ line: number; cells: string[] }>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new TransferFileError('not_xlsx');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new TransferFileError('empty');
  const rows: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c), isoDates));
    if (cells.some((v) => v.trim() !== '')) rows.push({ line, cells });
  });
  return rows;
}
