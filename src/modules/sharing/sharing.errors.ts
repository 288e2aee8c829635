import { defineErrors } from '../../platform/errors.js';

export const SharingErrors = defineErrors({
  SHARING_REQUEST_NOT_FOUND: { status: 404, 'zh-CN': '共享申请不存在。', 'en-US': 'Sharing request not found.' },
  SHARING_REQUEST_STATE_CONFLICT: { status: 409, 'zh-CN': '共享申请当前状态“{status}”不允许“{action}”。', 'en-US': 'Action "{action}" is not allowed on a sharing request in state "{status}".' },
  SHARING_RESOURCE_UNAVAILABLE: { status: 409, 'zh-CN': '该数据资源不可申请共享（{reason}）：须为其他单位已发布的公共数据资源。', 'en-US': "The resource cannot be requested ({reason}): it must be another body's published public data resource." },
  SHARING_REQUESTER_NOT_PUBLIC_BODY: { status: 403, 'zh-CN': '只有公共管理和服务机构可以申请共享公共数据（社会主体请使用数据开放）。', 'en-US': 'Only public bodies may request shared public data (others use open data).' },
  SHARING_CORE_DATA: { status: 409, 'zh-CN': '核心数据不得共享。', 'en-US': 'Core data is never shared.' },
  SHARING_FIELD_UNKNOWN: { status: 400, 'zh-CN': '数据资源没有字段“{field}”。', 'en-US': 'The resource has no field "{field}".' },
  SHARING_PERIOD_INVALID: { status: 400, 'zh-CN': '共享期限无效（{reason}）。', 'en-US': 'Invalid sharing period ({reason}).' },
  SHARING_WIDENING: { status: 409, 'zh-CN': '审批只能收窄申请范围，不能扩大（{what}）。', 'en-US': 'An approval may only narrow the request, never widen it ({what}).' },
});
