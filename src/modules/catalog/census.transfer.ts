/**
 * The census workbook (普查导入): one sheet per list — bodies, systems, data elements, resources —
 * read from an XLSX workbook (sheets by name) or from one CSV per sheet (UTF-8 or GBK, detected by
 * element.transfer.ts's decoder), and the downloadable templates. The data element sheet is the
 * element import's own format (element.transfer.ts COLUMNS), so an element export fits in it.
 */
import ExcelJS from 'exceljs';
import { COLUMNS as ELEMENT_COLUMNS, decodeText, MAX_IMPORT_ROWS, parseCsv, TransferFileError } from './element.transfer.js';

export const SHEETS = ['organisations', 'systems', 'elements', 'resources'] as const;
export type SheetName = (typeof SHEETS)[number];

/** Per sheet: column key, Chinese header (accepted too), required. */
export const SHEET_COLUMNS: Record<SheetName, ReadonlyArray<readonly [string, string, boolean]>> = {
  organisations: [
    ['name_zh', '机构中文名称', true],
    ['name_en', '机构英文名称', true],
    ['uscc', '统一社会信用代码', true],
    ['type', '机构类型', true],
    ['roles', '角色', false],
  ],
  systems: [
    ['org', '所属单位', true],
    ['name_zh', '系统中文名称', true],
    ['name_en', '系统英文名称', true],
    ['department', '责任处室', false],
    ['description_zh', '中文描述', false],
    ['description_en', '英文描述', false],
    ['status', '状态', false],
    ['launch_year', '建成年份', false],
    ['hosting', '部署方式', false],
  ],
  elements: ELEMENT_COLUMNS.map(([k, zh]) => [k, zh, ['identifier', 'name_zh', 'name_en', 'data_type', 'source_uscc'].includes(k)] as const),
  resources: [
    ['org', '数源单位', true],
    ['title_zh', '资源中文名称', true],
    ['title_en', '资源英文名称', true],
    ['description_zh', '中文摘要', false],
    ['description_en', '英文摘要', false],
    ['category', '资源分类', true],
    ['system', '所属系统', false],
    ['update_frequency', '更新频率', true],
    ['format', '资源格式', true],
    ['coverage', '覆盖范围', false],
    ['fields', '信息项', true],
  ],
};

/** Chinese sheet names accepted for XLSX sheets. */
const SHEET_ZH: Record<SheetName, string> = { organisations: '机构', systems: '系统清单', elements: '数据元', resources: '数据资源' };

export interface CensusRow {
  line: number;
  cells: Record<string, string>;
}
export type CensusSheets = Partial<Record<SheetName, CensusRow[]>>;

function keyed(sheet: SheetName, raw: Array<{ line: number; cells: string[] }>): CensusRow[] {
  if (!raw.length) return [];
  const [header, ...body] = raw;
  const cols = SHEET_COLUMNS[sheet];
  const byHeader = new Map<string, string>(cols.flatMap(([k, zh]) => [[k, k], [zh, k]] as Array<[string, string]>));
  const columns = header!.cells.map((h) => byHeader.get(h.trim()) ?? null);
  const missing = cols.filter(([k, , required]) => required && !columns.includes(k)).map(([k]) => k);
  if (missing.length) throw new TransferFileError('header', `${sheet}: ${missing.join(', ')}`);
  if (body.length > MAX_IMPORT_ROWS) throw new TransferFileError('too_many_rows', `${sheet}: ${MAX_IMPORT_ROWS}`);
  return body.map(({ line, cells }) => {
    const out: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c) out[c] = (cells[i] ?? '').trim();
    });
    return { line, cells: out };
  });
}

/** Reads an XLSX workbook: sheets named by key or Chinese name; other sheets are ignored. */
export async function readWorkbook(bytes: Uint8Array): Promise<CensusSheets> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new TransferFileError('not_xlsx');
  }
  const out: CensusSheets = {};
  for (const ws of wb.worksheets) {
    const name = SHEETS.find((s) => s === ws.name.trim() || SHEET_ZH[s] === ws.name.trim());
    if (!name) continue;
    const raw: Array<{ line: number; cells: string[] }> = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
      if (cells.some((v) => v.trim() !== '')) raw.push({ line, cells });
    });
    out[name] = keyed(name, raw);
  }
  if (!Object.keys(out).length) throw new TransferFileError('empty', SHEETS.join(', '));
  return out;
}

/** Reads one CSV per sheet (UTF-8 with or without BOM, or GBK; anything else refused). */
export function readCsvSheets(files: Partial<Record<SheetName, Uint8Array>>): CensusSheets {
  const out: CensusSheets = {};
  for (const sheet of SHEETS) {
    const bytes = files[sheet];
    if (!bytes) continue;
    let text: string;
    try {
      text = decodeText(bytes);
    } catch (err) {
      if (err instanceof TransferFileError) throw new TransferFileError(err.reason, sheet);
      throw err;
    }
    out[sheet] = keyed(sheet, parseCsv(text));
  }
  if (!Object.keys(out).length) throw new TransferFileError('empty', SHEETS.join(', '));
  return out;
}

/** A resource's fields cell: `name|中文名|English|type or element identifier[|key]`, one per `;` or line. */
export interface FieldSpec {
  name: string;
  labelZh: string;
  labelEn: string;
  typeOrElement: string;
  key: boolean;
}
export function parseFieldsCell(cell: string): FieldSpec[] | null {
  const out: FieldSpec[] = [];
  for (const part of cell.split(/[;；\n]/)) {
    if (!part.trim()) continue;
    const [name, zh, en, t, key, ...rest] = part.split('|').map((s) => s.trim());
    if (!name || !zh || !en || !t || rest.length || (key !== undefined && key !== '' && key !== 'key')) return null;
    out.push({ name, labelZh: zh, labelEn: en, typeOrElement: t, key: key === 'key' });
  }
  return out.length ? out : null;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The empty template of one sheet as a UTF-8 CSV with BOM (Excel opens it correctly). */
export function templateCsv(sheet: SheetName): Buffer {
  const line = SHEET_COLUMNS[sheet].map(([k]) => csvCell(k)).join(',');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${line}\r\n`, 'utf8')]);
}

/** The empty workbook: one sheet per list, column keys in row 1 with the Chinese header and whether required as notes. */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Liutong';
  for (const sheet of SHEETS) {
    const ws = wb.addWorksheet(sheet);
    const cols = SHEET_COLUMNS[sheet];
    ws.addRow(cols.map(([k]) => k));
    cols.forEach(([, zh, required], i) => {
      ws.getRow(1).getCell(i + 1).note = `${zh}${required ? '（必填 required）' : ''}`;
    });
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => {
      c.width = 22;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
