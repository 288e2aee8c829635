import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { errors, Strict } from '../../platform/http/schemas.js';
import { readCsvSheets, readWorkbook, SHEETS, templateCsv, templateXlsx, type SheetName } from './census.transfer.js';
import { ElementTransferErrors } from './element-transfer.errors.js';
import { TransferFileError } from './element.transfer.js';
import type { CatalogService } from './index.js';

const BUREAU_WRITERS = { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] } as const;
const Base64 = Type.String({ minLength: 1, maxLength: 8_000_000 });
/** A workbook (or its CSV sheets) may exceed the platform's default body limit: up to 6 MB of file in base64. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
const SheetSchema = Type.Unsafe<SheetName>({ type: 'string', enum: [...SHEETS] });

const ImportBody = Type.Object(
  {
    format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
    contentBase64: Type.Optional(Base64),
    sheets: Type.Optional(Type.Object(Object.fromEntries(SHEETS.map((s) => [s, Type.Optional(Base64)])), { ...Strict, minProperties: 1 })),
  },
  { ...Strict, description: 'xlsx: the workbook in contentBase64 (sheets organisations, systems, elements, resources — or 机构, 系统清单, 数据元, 数据资源); csv: one file per sheet in sheets' },
);
const Imported = Type.Object({ id: Type.String(), organisations: Type.Integer(), systems: Type.Integer(), elements: Type.Integer(), resources: Type.Integer() });

/** /api/v1/catalog/census — census import (普查导入) of the three lists and its templates. */
export async function censusRoutes(app: App, svc: CatalogService): Promise<void> {
  app.post('/catalog/census/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { access: BUREAU_WRITERS, event: 'catalog.census.imported' },
    schema: {
      tags: ['catalog'],
      summary: 'Import bodies, systems, data elements and resources (data bureau): all or nothing; refused with a report by sheet, row and column (CATALOG_CENSUS_ROWS_INVALID, details.rows)',
      body: ImportBody, response: { 201: Imported, ...errors(400, 401, 403) },
    },
  }, async (req, reply) => {
    const b = req.body;
    let sheets;
    try {
      if (b.format === 'xlsx' ? !b.contentBase64 || b.sheets : !b.sheets || b.contentBase64) throw new TransferFileError('empty', b.format === 'xlsx' ? 'contentBase64' : 'sheets');
      sheets = b.format === 'xlsx'
        ? await readWorkbook(Buffer.from(b.contentBase64!, 'base64'))
        : readCsvSheets(Object.fromEntries(Object.entries(b.sheets!).filter(([, v]) => v).map(([k, v]) => [k, Buffer.from(v as string, 'base64')])));
    } catch (err) {
      if (err instanceof TransferFileError) {
        throw new AppError(ElementTransferErrors.CATALOG_IMPORT_FILE_INVALID, { reason: err.reason, ...(err.detail ? { detail: err.detail } : {}) }, { reason: err.reason, detail: err.detail ? `: ${err.detail}` : '' });
      }
      throw err;
    }
    return reply.code(201).send(await svc.census.import(sheets, req.principal!, req.id));
  });

  app.get('/catalog/census/template', {
    config: { access: {} },
    schema: {
      tags: ['catalog'],
      summary: 'The census import template: an XLSX workbook with every sheet, or one sheet as CSV (UTF-8 with BOM)',
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])), sheet: Type.Optional(SheetSchema) }, Strict),
    },
  }, async (req, reply) => {
    if ((req.query.format ?? 'xlsx') === 'xlsx') {
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="census-template.xlsx"')
        .send(await templateXlsx());
    }
    const sheet = req.query.sheet ?? 'organisations';
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="census-${sheet}.csv"`).send(templateCsv(sheet));
  });
}
