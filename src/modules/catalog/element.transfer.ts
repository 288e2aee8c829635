/**
 * CSV/XLSX import and export of the data element standard (census import, 普查导入): one row per
 * element, the same columns both ways, so an exported file can be edited and imported elsewhere.
 * CSV files may be UTF-8 (with or without BOM) or GBK, as Excel on a Chinese Windows writes them;
 * the encoding is detected, never guessed silently: a file that is neither is refused.
 */
import ExcelJS from 'exceljs';
import { validatorCompiler } from '../../platform/http/validation.js';
import { CreateElementBody } from './catalog.schemas.js';
import type { CodeItem, DataType, Format } from './value.validators.js';
import type { NewElement } from './element.service.js';

/** Column keys (first header row) and the Chinese headers accepted for them. */
export const COLUMNS = [
  ['identifier', '标识'],
  ['name_zh', '中文名称'],
  ['name_en', '英文名称'],
  ['definition_zh', '中文定义'],
  ['definition_en', '英文定义'],
  ['data_type', '数据类型'],
  ['format_kind', '格式类型'],
  ['format_value', '格式'],
  ['code_list', '值域'],
  ['unit', '计量单位'],
  ['source_uscc', '权威数源单位统一社会信用代码'],
] as const;
export type Column = (typeof COLUMNS)[number][0];

export const MAX_IMPORT_ROWS = 5_000;

/** The API's own body validation of a new element, applied to each imported row. */
const validateBody = validatorCompiler({ schema: CreateElementBody, httpPart: 'body', method: 'POST', url: '' } as never) as unknown as ((v: unknown) => boolean) & {
  errors?: Array<{ instancePath: string }>;
};

export class TransferFileError extends Error {
  constructor(readonly reason: 'encoding' | 'empty' | 'header' | 'too_many_rows' | 'not_xlsx' | 'csv_quote', readonly detail?: string) {
    super(reason);
  }
}

/** A parsed row: its line in the file (header = 1) and its cells by column. */
export interface SheetRow {
  line: number;
  cells: Partial<Record<Column, string>>;
}

/** A row that could not become an element definition, before any database check. */
export interface RowProblem {
  line: number;
  field: Column | 'row';
  reason: string;
}

// ---- reading ------------------------------------------------------------------------------------

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

async function readXlsx(bytes: Uint8Array): Promise<Array<{ line: number; cells: string[] }>> {
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
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    if (cells.some((v) => v.trim() !== '')) rows.push({ line, cells });
  });
  return rows;
}

/** Reads a CSV or XLSX file into rows keyed by column; the header row names the columns. */
export async function readSheet(bytes: Uint8Array, kind: 'csv' | 'xlsx'): Promise<SheetRow[]> {
  const raw = kind === 'xlsx' ? await readXlsx(bytes) : parseCsv(decodeText(bytes));
  if (!raw.length) throw new TransferFileError('empty');
  const [header, ...body] = raw;
  const byHeader = new Map<string, Column>(COLUMNS.flatMap(([key, zh]) => [[key, key], [zh, key]] as Array<[string, Column]>));
  const columns = header!.cells.map((h) => byHeader.get(h.trim()) ?? null);
  const missing = (['identifier', 'name_zh', 'name_en', 'data_type', 'source_uscc'] as const).filter((k) => !columns.includes(k));
  if (missing.length) throw new TransferFileError('header', missing.join(', '));
  if (body.length > MAX_IMPORT_ROWS) throw new TransferFileError('too_many_rows', String(MAX_IMPORT_ROWS));
  return body.map(({ line, cells }) => {
    const out: Partial<Record<Column, string>> = {};
    columns.forEach((col, i) => {
      if (col) out[col] = (cells[i] ?? '').trim();
    });
    return { line, cells: out };
  });
}

/** `code=中文=English; code=中文=English` → code list. */
export function parseCodeCell(cell: string): CodeItem[] | null {
  const items: CodeItem[] = [];
  for (const part of cell.split(/[;；\n]/)) {
    if (!part.trim()) continue;
    const [code, zh, en] = part.split('=').map((s) => s.trim());
    if (!code || !zh || !en) return null;
    items.push({ code, label: { zh, en } });
  }
  return items;
}

/**
 * Turns sheet rows into element definitions. `sourceOf` resolves a USCC to the organisation id.
 * Checks here are those of the API body schema; the service checks the rest (formats, sources,
 * duplicates) per row afterwards.
 */
export function toDefinitions(rows: SheetRow[], sourceOf: (uscc: string) => string | undefined): { inputs: Array<{ line: number; input: NewElement }>; problems: RowProblem[] } {
  const inputs: Array<{ line: number; input: NewElement }> = [];
  const problems: RowProblem[] = [];
  for (const { line, cells } of rows) {
    const get = (k: Column) => cells[k] ?? '';
    const kind = get('format_kind');
    let format: Format | undefined;
    if (kind === 'validator') format = { kind: 'validator', name: get('format_value') };
    else if (kind === 'regex') format = { kind: 'regex', pattern: get('format_value') };
    else if (kind !== '' && kind !== 'none') {
      problems.push({ line, field: 'format_kind', reason: 'unknown_format_kind' });
      continue;
    }
    const codeList = get('code_list') ? parseCodeCell(get('code_list')) : undefined;
    if (codeList === null) {
      problems.push({ line, field: 'code_list', reason: 'code_list_syntax' });
      continue;
    }
    const sourceOrgId = sourceOf(get('source_uscc'));
    if (!sourceOrgId) {
      problems.push({ line, field: 'source_uscc', reason: 'unknown_organisation' });
      continue;
    }
    const body = {
      identifier: get('identifier'),
      name: { zh: get('name_zh'), en: get('name_en') },
      ...(get('definition_zh') && get('definition_en') ? { definition: { zh: get('definition_zh'), en: get('definition_en') } } : {}),
      dataType: get('data_type') as DataType,
      ...(format ? { format } : {}),
      ...(codeList?.length ? { codeList } : {}),
      ...(get('unit') ? { unit: get('unit') } : {}),
      sourceOrgId,
    };
    const first = validateBody(body) ? undefined : validateBody.errors?.[0];
    if (first) {
      const path = first.instancePath.replace(/^\//, '').split('/')[0] ?? '';
      const field: Column | 'row' = path === 'identifier' ? 'identifier' : path === 'name' ? 'name_zh' : path === 'dataType' ? 'data_type' : path === 'unit' ? 'unit' : path === 'definition' ? 'definition_zh' : path === 'format' ? 'format_value' : 'row';
      problems.push({ line, field, reason: 'invalid' });
      continue;
    }
    inputs.push({ line, input: body as NewElement });
  }
  return { inputs, problems };
}

// ---- writing ------------------------------------------------------------------------------------

export interface ExportElement {
  identifier: string;
  name: { zh: string; en: string };
  definition: { zh: string; en: string } | null;
  dataType: string;
  format: Format | null;
  codeList: CodeItem[] | null;
  unit: string | null;
  sourceUscc: string;
}

function cellsOf(e: ExportElement): string[] {
  return [
    e.identifier, e.name.zh, e.name.en, e.definition?.zh ?? '', e.definition?.en ?? '', e.dataType,
    e.format?.kind ?? '', e.format ? (e.format.kind === 'validator' ? e.format.name : e.format.pattern) : '',
    (e.codeList ?? []).map((c) => `${c.code}=${c.label.zh}=${c.label.en}`).join('; '), e.unit ?? '', e.sourceUscc,
  ];
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** UTF-8 CSV with a BOM (Excel opens it correctly), header = column keys. */
export function writeCsv(elements: ExportElement[]): Buffer {
  const lines = [COLUMNS.map(([k]) => k), ...elements.map(cellsOf)].map((cells) => cells.map(csvCell).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** XLSX with the column keys in row 1 and the Chinese headers as cell notes. */
export async function writeXlsx(elements: ExportElement[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Liutong';
  const sheet = wb.addWorksheet('data_elements');
  sheet.addRow(COLUMNS.map(([k]) => k));
  COLUMNS.forEach(([, zh], i) => {
    sheet.getRow(1).getCell(i + 1).note = zh;
  });
  sheet.getRow(1).font = { bold: true };
  for (const e of elements) sheet.addRow(cellsOf(e));
  sheet.columns.forEach((c) => {
    c.width = 22;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
