import { defineErrors } from '../../platform/errors.js';

export const CatalogErrors = defineErrors({
  CATALOG_ELEMENT_NOT_FOUND: { status: 404, 'zh-CN': '数据元不存在。', 'en-US': 'Data element not found.' },
  CATALOG_IDENTIFIER_TAKEN: { status: 409, 'zh-CN': '数据元标识“{identifier}”已被使用。', 'en-US': 'The data element identifier "{identifier}" is already in use.' },
  CATALOG_NAME_TAKEN: { status: 409, 'zh-CN': '已有名为“{name}”的有效数据元（一数一标准）。', 'en-US': 'An active data element named "{name}" already exists (one standard per data item).' },
  CATALOG_FORMAT_INVALID: { status: 400, 'zh-CN': '数据元格式无效（{reason}）。', 'en-US': 'Invalid data element format ({reason}).' },
  CATALOG_CODE_LIST_REQUIRED: { status: 400, 'zh-CN': '代码型数据元必须给出值域（代码表）。', 'en-US': 'A data element of type code needs a code list.' },
  CATALOG_CODE_LIST_NOT_ALLOWED: { status: 400, 'zh-CN': '只有代码型数据元可以有值域（代码表）。', 'en-US': 'Only data elements of type code may have a code list.' },
  CATALOG_CODE_LIST_INVALID: { status: 400, 'zh-CN': '值域无效（{reason}）：代码“{code}”。', 'en-US': 'Invalid code list ({reason}): code "{code}".' },
  CATALOG_SOURCE_ORG_INVALID: { status: 400, 'zh-CN': '权威数源单位无效（{reason}）：须为已登记、有效且具有数源单位角色的机构。', 'en-US': 'Invalid authoritative source unit ({reason}): it must be a registered, active organisation holding the source_unit role.' },
  CATALOG_OWNER_ORG_INVALID: { status: 400, 'zh-CN': '只有有效的数据管理局机构可以定义数据元（{reason}）。', 'en-US': 'Only an active data bureau may define data elements ({reason}).' },
  CATALOG_ELEMENT_STATE_CONFLICT: { status: 409, 'zh-CN': '数据元当前状态“{status}”不允许“{action}”。', 'en-US': 'Action "{action}" is not allowed on a data element in state "{status}".' },
});
