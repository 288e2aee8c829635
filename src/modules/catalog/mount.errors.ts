import { defineErrors } from '../../platform/errors.js';

/** Errors of mounting (挂接): the file, its schema check, the API mount, the resource's state and grade. */
export const MountErrors = defineErrors({
  CATALOG_MOUNT_FILE_INVALID: {
    status: 400,
    'zh-CN': '挂接文件无法读取（{reason}）{detail}。CSV 须为 UTF-8 或 GBK 编码，或使用 XLSX、Parquet 文件。',
    'en-US': 'The mounted file cannot be read ({reason}){detail}. A CSV must be UTF-8 or GBK; XLSX and Parquet are accepted too.',
  },
  CATALOG_MOUNT_FORMAT_UNSUPPORTED: {
    status: 415,
    'zh-CN': '不支持的挂接文件类型：请以 text/csv、XLSX 或 Parquet 上传，或用 application/octet-stream 加 ?format=csv|xlsx|parquet。',
    'en-US': 'Unsupported file type: upload text/csv, XLSX or Parquet, or application/octet-stream with ?format=csv|xlsx|parquet.',
  },
  CATALOG_MOUNT_SCHEMA_MISMATCH: {
    status: 422,
    'zh-CN': '文件与数据资源声明的字段不符，共 {count} 处问题（首处：{first}），未挂接任何数据。',
    'en-US': 'The file does not match the declared fields: {count} problem(s) (first: {first}); nothing was mounted.',
  },
  CATALOG_MOUNT_TOO_MANY_ROWS: {
    status: 413,
    'zh-CN': '挂接文件超过 {limit} 行。',
    'en-US': 'The mounted file has more than {limit} rows.',
  },
  CATALOG_MOUNT_CORE_DATA: {
    status: 409,
    'zh-CN': '核心数据不得挂接用于共享、开放或交付（GB/T 43697-2024；数据安全法第二十一条）。',
    'en-US': 'Core data can never be mounted for sharing, opening or delivery (GB/T 43697-2024; Data Security Law Art. 21).',
  },
  CATALOG_MOUNT_STATE_CONFLICT: {
    status: 409,
    'zh-CN': '数据资源当前状态“{status}”不允许挂接数据。',
    'en-US': 'Data cannot be mounted on a data resource in state "{status}".',
  },
  CATALOG_MOUNT_UPSTREAM_INVALID: {
    status: 400,
    'zh-CN': '接口地址无效（{reason}）：须为不含用户信息的 http 或 https 地址。',
    'en-US': 'Invalid upstream URL ({reason}): it must be an http or https URL without user information.',
  },
  CATALOG_MOUNT_FIELDS_MISMATCH: {
    status: 409,
    'zh-CN': '已挂接的数据与修改后的字段不符，共 {count} 处问题（首处：{first}），字段未修改。请先移除已挂接的数据，或按数据调整字段。',
    'en-US': 'The mounted data does not fit the changed fields: {count} problem(s) (first: {first}); the fields were not changed. Remove the mounted data first, or change the fields to fit it.',
  },
  CATALOG_MOUNT_NOT_FOUND: { status: 404, 'zh-CN': '该数据资源尚未挂接数据。', 'en-US': 'No data is mounted on this data resource.' },
});
