import { Type } from '@sinclair/typebox';
import { AppError, localeFromHeader } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { errors, Strict } from '../../platform/http/schemas.js';
import { ElementTransferErrors } from './element-transfer.errors.js';
import { readSheet, toDefinitions, TransferFileError, writeCsv, writeXlsx, type ExportElement } from './element.transfer.js';
import type { CatalogService } from './index.js';

const BUREAU_WRITERS = { roles: ['data_bureau'], memberRoles: ['org_admin', 'staff'] } as const;
const FileFormat = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]);

/** CSV/XLSX import (all or nothing, with a row-by-row report) and export of the data element standard. */
export async function elementTransferRoutes(app: App, svc: CatalogService): Promise<void> {
  app.post('/catalog/elements/import', {
    config: { access: BUREAU_WRITERS, event: 'catalog.element.created' },
    schema: {
      tags: ['catalog'],
      summary: 'Import data elements from a CSV (UTF-8 or GBK) or XLSX file: all rows or none',
      body: Type.Object({ format: FileFormat, contentBase64: Type.String({ minLength: 1, maxLength: 8_000_000 }) }, Strict),
      response: { 201: Type.Object({ created: Type.Integer() }), ...errors(400, 401, 403) },
    },
  }, async (req, reply) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    const bytes = Buffer.from(req.body.contentBase64, 'base64');
    let rows;
    try {
      rows = await readSheet(bytes, req.body.format);
    } catch (err) {
      if (err instanceof TransferFileError) {
        throw new AppError(ElementTransferErrors.CATALOG_IMPORT_FILE_INVALID, { reason: err.reason, ...(err.detail ? { detail: err.detail } : {}) }, { reason: err.reason, detail: err.detail ? `: ${err.detail}` : '' });
      }
      throw err;
    }
    const usccs = new Map<string, string | undefined>();
    for (const r of rows) {
      const u = r.cells.source_uscc ?? '';
      if (!usccs.has(u)) usccs.set(u, await svc.elements.orgIdByUscc(u));
    }
    const { inputs, problems } = toDefinitions(rows, (u) => usccs.get(u));
    const report: Array<{ line: number; field: string; code: string; message: string }> = problems.map((p) => {
      const e = new AppError(ElementTransferErrors.CATALOG_IMPORT_ROW_INVALID, undefined, { line: p.line, field: p.field, reason: p.reason });
      return { line: p.line, field: p.field, code: e.code, message: e.localizedMessage(locale) };
    });
    let created = 0;
    if (!report.length) {
      const result = await svc.elements.createMany(req.principal!.orgId, inputs.map((i) => i.input), req.principal, req.id);
      for (const { index, error } of result.errors) {
        report.push({ line: inputs[index]!.line, field: 'row', code: error.code, message: error.localizedMessage(locale) });
      }
      created = result.created;
    }
    if (report.length) {
      report.sort((a, b) => a.line - b.line);
      throw new AppError(ElementTransferErrors.CATALOG_IMPORT_ROWS_INVALID, { rows: report }, { count: new Set(report.map((r) => r.line)).size });
    }
    return reply.code(201).send({ created });
  });

  app.get('/catalog/elements/export', {
    config: { access: {} },
    schema: {
      tags: ['catalog'],
      summary: 'The active data element standard as CSV (UTF-8) or XLSX; `template=true` gives the empty import template',
      querystring: Type.Object({ format: Type.Optional(FileFormat), template: Type.Optional(Type.Boolean()) }, Strict),
    },
  }, async (req, reply) => {
    const format = req.query.format ?? 'csv';
    const elements: ExportElement[] = [];
    if (!req.query.template) {
      const usccs = new Map<string, string>();
      for (let page = 1; ; page++) {
        const r = await svc.elements.list({ status: 'active', sort: 'identifier', order: 'asc', page, pageSize: 200 } as never);
        for (const e of r.items) {
          if (!usccs.has(e.sourceOrgId)) usccs.set(e.sourceOrgId, await svc.elements.usccOf(e.sourceOrgId));
          elements.push({ ...e, sourceUscc: usccs.get(e.sourceOrgId)! });
        }
        if (page * 200 >= r.total) break;
      }
    }
    const name = req.query.template ? 'data-elements-template' : 'data-elements';
    if (format === 'xlsx') {
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await writeXlsx(elements));
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(writeCsv(elements));
  });
}
