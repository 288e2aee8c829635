import { defineErrors } from '../../platform/errors.js';

export const CdoErrors = defineErrors({
  CDO_ORG_NOT_FOUND: { status: 404, 'zh-CN': '机构不存在。', 'en-US': 'Organisation not found.' },
  CDO_PERSON_NOT_MEMBER: { status: 400, 'zh-CN': '首席数据官须为本机构的有效用户。', 'en-US': 'The chief data officer must be an active user of the organisation.' },
  CDO_DATE_INVALID: { status: 400, 'zh-CN': '日期无效（{reason}）。', 'en-US': 'Invalid date ({reason}).' },
  CDO_APPOINTMENT_NOT_FOUND: { status: 404, 'zh-CN': '首席数据官任命记录不存在。', 'en-US': 'Chief data officer appointment not found.' },
  CDO_APPOINTMENT_ENDED: { status: 409, 'zh-CN': '该任命已结束。', 'en-US': 'The appointment has already ended.' },
  CDO_NOT_A_BODY: { status: 400, 'zh-CN': '只有公共机构参与首席数据官管理评价。', 'en-US': 'Only public bodies take part in the chief data officer evaluation.' },
  CDO_EVALUATION_NOT_FOUND: { status: 404, 'zh-CN': '管理评价不存在。', 'en-US': 'Evaluation not found.' },
  CDO_EVALUATION_PERIOD_TAKEN: { status: 409, 'zh-CN': '评价期“{period}”已有管理评价。', 'en-US': 'An evaluation for period "{period}" already exists.' },
  CDO_DCMM_ITEM_NOT_FOUND: { status: 404, 'zh-CN': 'DCMM 能力项不存在。', 'en-US': 'DCMM capability item not found.' },
  CDO_DCMM_ITEM_CODE_TAKEN: { status: 409, 'zh-CN': 'DCMM 能力项编码“{code}”已被使用。', 'en-US': 'The DCMM item code "{code}" is already in use.' },
  CDO_DCMM_RATINGS_INVALID: { status: 400, 'zh-CN': 'DCMM 自评无效（{reason}）：{items}', 'en-US': 'Invalid DCMM self-assessment ({reason}): {items}' },
  CDO_DCMM_ASSESSMENT_NOT_FOUND: { status: 404, 'zh-CN': 'DCMM 自评记录不存在。', 'en-US': 'DCMM self-assessment not found.' },
});
