import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { randomUscc, useLiutong, type TestOrg } from '../../../test/harness.js';
import { SHEET_COLUMNS } from './census.transfer.js';

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
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
  return Buffer.from(out);
}

type Sheets = Record<string, Array<Record<string, string>>>;
/** A workbook with the given sheets (name → rows keyed by column); row 1 = the column keys of the template. */
async function workbook(sheets: Sheets, names: Record<string, string> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const cols = SHEET_COLUMNS[sheet as keyof typeof SHEET_COLUMNS].map(([k]) => k);
    const ws = wb.addWorksheet(names[sheet] ?? sheet);
    ws.addRow(cols);
    for (const r of rows) ws.addRow(cols.map((c) => r[c] ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describeEachEngine('census import (普查导入) of bodies, systems, elements and resources', (engine) => {
  const h = useLiutong(engine);
  let bureau: TestOrg;
  let existing: TestOrg;
  let existingUscc: string;
  let n = 0;
  const tag = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;
  const send = (body: unknown, token = bureau.staffToken) => h().call('POST', '/api/v1/catalog/census/import', { token, body });
  const orgByUscc = async (uscc: string) => (await h().call('GET', `/api/v1/orgs?q=${uscc}`, { token: h().adminToken })).body.items.filter((o: any) => o.uscc === uscc);
  const systemsOf = async (orgId: string) => (await h().call('GET', `/api/v1/catalog/systems?orgId=${orgId}&pageSize=200`, { token: bureau.staffToken })).body.total as number;

  beforeAll(async () => {
    bureau = await h().org(['data_bureau'], 'Bureau', 'government');
    existing = await h().org(['source_unit'], 'Existing', 'government');
    existingUscc = (await h().call('GET', `/api/v1/orgs/${existing.id}`, { token: h().adminToken })).body.uscc;
  });

  it('imports a whole workbook in one transaction: bodies first, then what names them; every record evented', async () => {
    const k = tag();
    const uscc = randomUscc();
    const ident = `DE.CENSUS.NODE${k.toUpperCase()}`;
    const body = {
      format: 'xlsx',
      contentBase64: await workbook({
        organisations: [{ name_zh: `普查电网${k}`, name_en: `Census grid ${k}`, uscc, type: 'public_enterprise', roles: 'source_unit' }],
        systems: [
          { org: uscc, name_zh: `调度系统${k}`, name_en: `Dispatch ${k}`, department: '调度中心', status: 'in_service', launch_year: '2018', hosting: '政务云' },
          { org: existingUscc, name_zh: `户籍系统${k}`, name_en: `Household ${k}` },
        ],
        elements: [{ identifier: ident, name_zh: `普查节点${k}`, name_en: `Census node ${k}`, data_type: 'string', source_uscc: uscc }],
        resources: [
          { org: `普查电网${k}`, title_zh: `电网节点${k}`, title_en: `Grid nodes ${k}`, category: 'theme.credit', system: `调度系统${k}`, update_frequency: 'daily', format: 'table', fields: `node|节点|Node|${ident}|key; kwh|用电量|kWh|decimal` },
          { org: existingUscc, title_zh: `户籍${k}`, title_en: `Household ${k}`, category: 'base.population', update_frequency: 'monthly', format: 'api', fields: 'pid|身份号码|ID|string' },
        ],
      }, { organisations: '机构' }),
    };
    const r = await send(body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ id: expect.stringMatching(/^cen_/), organisations: 1, systems: 2, elements: 1, resources: 2 });
    const [org] = await orgByUscc(uscc);
    expect(org).toMatchObject({ type: 'public_enterprise', roles: ['source_unit'], name: { zh: `普查电网${k}` } });
    const el = (await h().call('GET', `/api/v1/catalog/elements?q=${ident}`, { token: bureau.staffToken })).body.items[0];
    expect(el).toMatchObject({ identifier: ident, sourceOrgId: org.id, ownerOrgId: bureau.id });
    // Drafts are visible to their own body only: read through the platform's service.
    const all = await h().lt.catalog.resources.list(null, { sourceOrgId: org.id, page: 1, pageSize: 10 });
    expect(all.items).toHaveLength(1);
    const [resource] = all.items;
    expect(resource).toMatchObject({ scope: 'public', status: 'draft', systemName: `调度系统${k}`, systemId: expect.stringMatching(/^sys_/) });
    expect(resource!.fields.map((f) => [f.name, f.elementIdentifier, f.key])).toEqual([['node', ident, true], ['kwh', null, false]]);
    expect(await systemsOf(existing.id)).toBe(1);
    await h().lt.flush();
    const types = async (subjectId: string) => (await h().call('GET', `/api/v1/ledger/entries?subjectId=${subjectId}&pageSize=10`, { token: h().adminToken })).body.items.map((e: any) => e.entry.type);
    expect(await types(r.body.id)).toEqual(['catalog.census.imported']);
    expect(await types(org.id)).toContain('identity.organisation.created');
    expect(await types(resource!.id)).toEqual(['catalog.resource.created']);
  });

  it('reads GBK CSVs, one per sheet', async () => {
    const k = tag();
    const uscc = randomUscc();
    const orgs = `name_zh,name_en,uscc,type\n广州普查局${k},Census office ${k},${uscc},government\n`;
    const systems = `所属单位,系统中文名称,系统英文名称,部署方式\n广州普查局${k},政务服务系统${k},Services ${k},政务云\n`;
    const r = await send({ format: 'csv', sheets: { organisations: gbk(orgs).toString('base64'), systems: gbk(systems).toString('base64') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [org] = await orgByUscc(uscc);
    expect(org.name.zh).toBe(`广州普查局${k}`);
    const s = (await h().call('GET', `/api/v1/catalog/systems?orgId=${org.id}`, { token: bureau.staffToken })).body.items;
    expect(s.map((x: any) => [x.name.zh, x.hosting])).toEqual([[`政务服务系统${k}`, '政务云']]);
  });

  it('refuses a workbook with any bad row — a report by sheet, row and column in both languages — and writes nothing', async () => {
    const k = tag();
    const uscc = randomUscc();
    const before = await systemsOf(existing.id);
    const r = await send({
      format: 'xlsx',
      contentBase64: await workbook({
        organisations: [
          { name_zh: `好机构${k}`, name_en: `Good ${k}`, uscc, type: 'government' },
          { name_zh: `坏代码${k}`, name_en: `Bad ${k}`, uscc: '91440101MA5XXXXXX0', type: 'government' },
          { name_zh: `重复${k}`, name_en: `Dup ${k}`, uscc: existingUscc, type: 'government' },
          { name_zh: `越权${k}`, name_en: `Role ${k}`, uscc: randomUscc(), type: 'government', roles: 'data_bureau' },
        ],
        systems: [
          { org: uscc, name_zh: `好系统${k}`, name_en: `Good system ${k}` },
          { org: '不存在的单位', name_zh: `系统${k}`, name_en: `System ${k}` },
          { org: existingUscc, name_zh: `年份${k}`, name_en: `Year ${k}`, launch_year: '1800' },
        ],
        resources: [
          { org: uscc, title_zh: `资源${k}`, title_en: `R ${k}`, category: 'theme.nope', update_frequency: 'daily', format: 'table', fields: 'a|甲|A|string' },
          { org: uscc, title_zh: `资源二${k}`, title_en: `R2 ${k}`, category: 'theme.credit', update_frequency: 'hourly', format: 'table', fields: 'a|甲|A|DE.NO.SUCH' },
          { org: uscc, title_zh: `资源三${k}`, title_en: `R3 ${k}`, category: 'theme.credit', update_frequency: 'daily', format: 'table', fields: 'broken', system: `没有的系统${k}` },
        ],
      }),
    }, bureau.adminToken);
    expect([r.status, r.body.error.code], JSON.stringify(r.body)).toEqual([400, 'CATALOG_CENSUS_ROWS_INVALID']);
    const rows = r.body.error.details.rows.map((x: any) => [x.sheet, x.line, x.column, x.code]);
    expect(rows).toEqual([
      ['organisations', 3, 'uscc', 'CATALOG_CENSUS_CELL_INVALID'],
      ['organisations', 4, 'uscc', 'CATALOG_CENSUS_DUPLICATE'],
      ['organisations', 5, 'roles', 'CATALOG_CENSUS_CELL_INVALID'],
      ['systems', 3, 'org', 'CATALOG_CENSUS_REFERENCE_UNKNOWN'],
      ['systems', 4, 'launch_year', 'CATALOG_CENSUS_CELL_INVALID'],
      ['resources', 2, 'category', 'CATALOG_CENSUS_REFERENCE_UNKNOWN'],
      ['resources', 3, 'update_frequency', 'CATALOG_CENSUS_CELL_INVALID'],
      ['resources', 3, 'fields', 'CATALOG_CENSUS_REFERENCE_UNKNOWN'],
      ['resources', 4, 'system', 'CATALOG_CENSUS_REFERENCE_UNKNOWN'],
      ['resources', 4, 'fields', 'CATALOG_CENSUS_CELL_INVALID'],
    ]);
    const first = r.body.error.details.rows[3];
    expect(first.message.zh).toContain('不存在的单位');
    expect(first.message.en).toContain('row 3');
    expect(await orgByUscc(uscc)).toEqual([]);
    expect(await systemsOf(existing.id)).toBe(before);
  });

  it('refuses malformed files, unknown encodings, missing columns and callers other than the data bureau', async () => {
    const bad = async (body: unknown, reason: string) => {
      const r = await send(body);
      expect([r.status, r.body.error.code, r.body.error.details?.reason], JSON.stringify(r.body)).toEqual([400, 'CATALOG_IMPORT_FILE_INVALID', reason]);
    };
    await bad({ format: 'xlsx', contentBase64: Buffer.from('not a zip').toString('base64') }, 'not_xlsx');
    await bad({ format: 'csv', sheets: { organisations: Buffer.from([0x6e, 0x61, 0xff, 0xfe, 0x0a]).toString('base64') } }, 'encoding');
    await bad({ format: 'csv', sheets: { systems: Buffer.from('org,name_zh\nx,y\n').toString('base64') } }, 'header');
    await bad({ format: 'xlsx', contentBase64: await workbook({}) }, 'empty');
    await bad({ format: 'csv', contentBase64: Buffer.from('x').toString('base64') }, 'empty');
    // Larger than the platform's default 1 MiB body: still read, and answered row by row.
    const big = await send({ format: 'csv', sheets: { organisations: Buffer.from(`name_zh,name_en,uscc,type\n${'长'.repeat(400_000)},x,${randomUscc()},government\n`).toString('base64') } });
    expect([big.status, big.body.error.code, big.body.error.details.rows[0].column]).toEqual([400, 'CATALOG_CENSUS_ROWS_INVALID', 'name_zh']);
    const other = await h().org(['source_unit'], 'Other', 'government');
    const r = await send({ format: 'csv', sheets: { organisations: Buffer.from('name_zh,name_en,uscc,type\n').toString('base64') } }, other.adminToken);
    expect([r.status, r.body.error.code]).toEqual([403, 'AUTH_FORBIDDEN_ROLE']);
  });

  it('serves the templates: the workbook with every sheet, one sheet as CSV', async () => {
    const x = await h().lt.app.inject({ method: 'GET', url: '/api/v1/catalog/census/template?format=xlsx', headers: { authorization: `Bearer ${bureau.auditorToken}` } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['organisations', 'systems', 'elements', 'resources']);
    expect(wb.getWorksheet('resources')!.getRow(1).getCell(11).text).toBe('fields');
    const c = await h().call('GET', '/api/v1/catalog/census/template?format=csv&sheet=systems', { token: bureau.auditorToken });
    expect(c.status).toBe(200);
    expect(String(c.body).replace(/^\ufeff/, '').trim()).toBe('org,name_zh,name_en,department,description_zh,description_en,status,launch_year,hosting');
  });
});
