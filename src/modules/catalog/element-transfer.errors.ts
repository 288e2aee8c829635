import { defineErrors } from '../../platform/errors.js';

/** Errors of the element import (census import): the file, or its rows with a row-by-row report. */
export const ElementTransferErrors = defineErrors({
  CATALOG_IMPORT_FILE_INVALID: {
    status: 400,
    'zh-CN': '导入文件无法读取（{reason}）{detail}。请使用模板，CSV 须为 UTF-8 或 GBK 编码。',
    'en-US': 'The import file cannot be read ({reason}){detail}. Use the template; a CSV must be UTF-8 or GBK.',
  },
  CATALOG_IMPORT_ROWS_INVALID: {
    status: 400,
    'zh-CN': '{count} 行有错误，未导入任何数据元（全部成功才导入）。',
    'en-US': '{count} row(s) have errors; no data element was imported (all rows must pass).',
  },
  CATALOG_IMPORT_ROW_INVALID: {
    status: 400,
    'zh-CN': '第 {line} 行“{field}”无效（{reason}）。',
    'en-US': 'Row {line}: "{field}" is invalid ({reason}).',
  },
});
