import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { useLiutong, type TestOrg } from '../../../test/harness.js';
import { decodeText, parseCsv } from './element.transfer.js';

/** GBK bytes of a string, from the platform's own GBK decoder (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return Buffer.from(out);
}

describe('element file reading', () => {
  it('reads UTF-8 with or without BOM and GBK, and refuses bytes that are neither', () => {
    expect(decodeText(Buffer.from('\ufeff标识', 'utf8'))).toBe('标识');
    expect(decodeText(Buffer.from('标识', 'utf8'))).toBe('标识');
    expect(decodeText(gbk('公民身份号码'))).toBe('公民身份号码');
    expect(() => decodeText(Buffer.from([0xff, 0xff, 0xff]))).toThrow('encoding');
  });
  it('parses RFC 4180 CSV: quotes, escaped quotes, CRLF, newlines inside quotes', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n').map((r) => r.cells)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', 'z']]);
    expect(() => parseCsv('a,"b\n')).toThrow('csv_quote');
  });
});

describeEachEngine('data element import and export', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let source: TestOrg;
  let sourceUscc: string;
  let enterprise: TestOrg;
  const header = 'identifier,name_zh,name_en,data_type,format_kind,format_value,code_list,unit,source_uscc';
  const count = async () => (await h().call('GET', '/api/v1/catalog/elements?pageSize=1', { token: h().adminToken })).body.total as number;
  const importFile = (bytes: Buffer, format: 'csv' | 'xlsx' = 'csv', token = bureau.staffToken, lang = 'zh-CN') =>
    h().call('POST', '/api/v1/catalog/elements/import', { token, body: { format, contentBase64: bytes.toString('base64') }, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau');
    source = await h().org(['source_unit'], 'Source');
    enterprise = await h().org(['enterprise'], 'Ent');
    sourceUscc = (await h().call('GET', `/api/v1/orgs/${source.id}`, { token: h().adminToken })).body.uscc;
  });

  it('imports a GBK CSV written by Excel, all rows, with an evidence event each', async () => {
    const before = await count();
    const csv = [header, `DE.IMP.ID,公民身份号码,Citizen ID,string,validator,resident_id,,,${sourceUscc}`, `DE.IMP.SEX,性别,Sex,code,,,1=男=Male; 2=女=Female,,${sourceUscc}`, `DE.IMP.KWH,月用电量,Monthly kWh,decimal,regex,"\\d+(\\.\\d{1,2})?",,千瓦时,${sourceUscc}`].join('\r\n');
    const r = await importFile(gbk(csv));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toEqual({ created: 3 });
    expect(await count()).toBe(before + 3);
    const sex = (await h().call('GET', '/api/v1/catalog/elements?q=DE.IMP.SEX', { token: enterprise.staffToken })).body.items[0];
    expect(sex).toMatchObject({ name: { zh: '性别', en: 'Sex' }, dataType: 'code', sourceOrgId: source.id, codeList: [{ code: '1', label: { zh: '男', en: 'Male' } }, { code: '2', label: { zh: '女', en: 'Female' } }] });
    await h().lt.flush();
    const ev = await h().call('GET', `/api/v1/ledger/entries?subjectId=${sex.id}`, { token: h().adminToken });
    expect(ev.body.items.map((e: any) => e.entry.type)).toEqual(['catalog.element.created']);
  });

  it('is all or nothing: one bad row imports nothing, and the report names every bad row in the caller’s language', async () => {
    const before = await count();
    const csv = [
      header,
      `DE.OK.ONE,好的一,Good one,string,,,,,${sourceUscc}`,
      `bad id,坏标识,Bad id,string,,,,,${sourceUscc}`,
      `DE.OK.TWO,好的二,Good two,string,validator,no_such,,,${sourceUscc}`,
      `DE.OK.THREE,好的三,Good three,string,,,,,911111111111111111`,
      `DE.OK.ONE,重复,Duplicate,string,,,,,${sourceUscc}`,
    ].join('\n');
    const r = await importFile(Buffer.from(csv, 'utf8'), 'csv', bureau.staffToken, 'en-US');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CATALOG_IMPORT_ROWS_INVALID');
    expect(r.body.error.message).toMatch(/^2 row\(s\) have errors/);
    expect(r.body.error.details.rows.map((x: any) => [x.line, x.code])).toEqual([
      [3, 'CATALOG_IMPORT_ROW_INVALID'],
      [5, 'CATALOG_IMPORT_ROW_INVALID'],
    ]);
    expect(r.body.error.details.rows[0].message).toBe('Row 3: "identifier" is invalid (invalid).');
    expect(await count()).toBe(before);
    // Once the file-level problems are fixed, the service's own checks report per row too.
    const fixed = [header, `DE.OK.ONE,好的一,Good one,string,,,,,${sourceUscc}`, `DE.OK.TWO,好的二,Good two,string,validator,no_such,,,${sourceUscc}`, `DE.OK.ONE,重复,Duplicate,string,,,,,${sourceUscc}`].join('\n');
    const r2 = await importFile(Buffer.from(fixed, 'utf8'));
    expect(r2.status).toBe(400);
    expect(r2.body.error.details.rows.map((x: any) => [x.line, x.code])).toEqual([
      [3, 'CATALOG_FORMAT_INVALID'],
      [4, 'CATALOG_IDENTIFIER_TAKEN'],
    ]);
    expect(r2.body.error.details.rows[0].message).toContain('数据元格式无效');
    expect(await count()).toBe(before);
  });

  it('refuses unreadable files with a stable reason and writes nothing', async () => {
    const before = await count();
    const cases: Array<[Buffer, 'csv' | 'xlsx', string]> = [
      [Buffer.from([0xff, 0xfe, 0xff, 0x00, 0x81]), 'csv', 'encoding'],
      [Buffer.from('identifier,name_zh\nDE.X,名\n'), 'csv', 'header'],
      [Buffer.from(`${header}\n"DE.X,未闭合\n`), 'csv', 'csv_quote'],
      [Buffer.from(''), 'csv', 'empty'],
      [Buffer.from('not a zip'), 'xlsx', 'not_xlsx'],
    ];
    for (const [bytes, format, reason] of cases) {
      const r = bytes.length ? await importFile(bytes, format) : await h().call('POST', '/api/v1/catalog/elements/import', { token: bureau.staffToken, body: { format, contentBase64: 'IA==' } });
      expect(r.status, reason).toBe(400);
      expect(r.body.error.code, reason).toBe('CATALOG_IMPORT_FILE_INVALID');
      expect(r.body.error.details.reason, reason).toBe(reason);
    }
    expect(await count()).toBe(before);
  });

  it('only a data bureau imports; anyone signed in exports', async () => {
    const csv = Buffer.from(`${header}\nDE.NOPE.X,不行,Nope,string,,,,,${sourceUscc}\n`);
    expect((await importFile(csv, 'csv', enterprise.adminToken)).status).toBe(403);
    expect((await importFile(csv, 'csv', bureau.auditorToken)).status).toBe(403);
    expect((await h().call('GET', '/api/v1/catalog/elements/export')).status).toBe(401);
    expect((await h().call('GET', '/api/v1/catalog/elements/export', { token: enterprise.auditorToken })).status).toBe(200);
  });

  it('exports CSV and XLSX that import again unchanged (after renaming the identifiers)', async () => {
    const csv = await h().lt.app.inject({ method: 'GET', url: '/api/v1/catalog/elements/export?format=csv', headers: { authorization: `Bearer ${enterprise.staffToken}` } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('data-elements.csv');
    const rows = parseCsv(decodeText(csv.rawPayload));
    expect(rows[0]!.cells[0]).toBe('identifier');
    const sexRow = rows.find((r) => r.cells[0] === 'DE.IMP.SEX')!;
    expect(sexRow.cells).toContain('1=男=Male; 2=女=Female');
    expect(sexRow.cells.at(-1)).toBe(sourceUscc);

    const xlsx = await h().lt.app.inject({ method: 'GET', url: '/api/v1/catalog/elements/export?format=xlsx', headers: { authorization: `Bearer ${enterprise.staffToken}` } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const nameCol = (sheet.getRow(1).values as string[]).indexOf('name_zh');
    const idCol = (sheet.getRow(1).values as string[]).indexOf('identifier');
    let renamed = 0;
    sheet.eachRow((row, line) => {
      if (line === 1) return;
      const id = String(row.getCell(idCol).value);
      if (!id.startsWith('DE.IMP.')) {
        row.getCell(idCol).value = null;
        return;
      }
      row.getCell(idCol).value = id.replace('DE.IMP.', 'DE.COPY.');
      row.getCell(nameCol).value = `${row.getCell(nameCol).value}（副本）`;
      renamed++;
    });
    // Rows whose identifier was blanked out are invalid: keep only the renamed ones.
    const out = new ExcelJS.Workbook();
    const s2 = out.addWorksheet('x');
    sheet.eachRow((row, line) => {
      if (line === 1 || row.getCell(idCol).value) s2.addRow((row.values as unknown[]).slice(1));
    });
    const before = await count();
    const r = await importFile(Buffer.from(await out.xlsx.writeBuffer()), 'xlsx');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.created).toBe(renamed);
    expect(await count()).toBe(before + renamed);
    const copy = (await h().call('GET', '/api/v1/catalog/elements?q=DE.COPY.SEX', { token: enterprise.staffToken })).body.items[0];
    expect(copy.codeList).toHaveLength(2);

    const template = await h().lt.app.inject({ method: 'GET', url: '/api/v1/catalog/elements/export?template=true', headers: { authorization: `Bearer ${enterprise.staffToken}` } });
    expect(parseCsv(decodeText(template.rawPayload))).toHaveLength(1);
  });
});
