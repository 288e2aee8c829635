/**
 * CSV/XLSX import and export of the data element standard (census import, 普查导入): one row per
 * element, the same columns both ways, so an exported file can be edited and imported elsewhere.
 * CSV files may be UTF-8 (with or without BOM) or GBK, as Excel on a Chinese Windows writes them;
 * the encoding is detected, never guessed silently: a file that is neither is refused.
 */
import { csvText } from '../../platform/csv.writer.js';
import ExcelJS from 'exceljs';
import { decodeText, parseCsv, readXlsx, TransferFileError } from './sheet.reader.js';
import { validatorCompiler } from '../../platform/http/validation.js';
import { CreateElementBody } from './catalog.schemas.js';
import type { CodeItem, DataType, Format } from './value.validators.js';
import type { NewElement } from './element.service.js';

export { decodeText, parseCsv, TransferFileError };

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

/** UTF-8 CSV with a BOM (Excel opens it correctly), header = column keys. */
export function writeCsv(elements: ExportElement[]): Buffer {
  return Buffer.from(csvText([COLUMNS.map(([k]) => k), ...elements.map(cellsOf)], true), 'utf8');
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
