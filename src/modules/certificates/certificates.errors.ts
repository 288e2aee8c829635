import { defineErrors } from '../../platform/errors.js';

/** Errors of data asset certificates (数据资产凭证). */
export const CertificatesErrors = defineErrors({
  CERTIFICATES_NOT_FOUND: { status: 404, 'zh-CN': '凭证不存在。', 'en-US': 'Certificate not found.' },
  CERTIFICATES_STATE_CONFLICT: { status: 409, 'zh-CN': '凭证当前状态“{status}”不允许“{action}”。', 'en-US': 'Action "{action}" is not allowed on a certificate in state "{status}".' },
  CERTIFICATES_SOURCE_NOT_ACTIVE: { status: 409, 'zh-CN': '凭证依据（{source}）不在有效状态（{status}），不能签发。', 'en-US': 'The basis of the certificate ({source}) is not in force ({status}); nothing can be issued.' },
  CERTIFICATES_ALREADY_ISSUED: { status: 409, 'zh-CN': '该依据已签发有效凭证 {certificateId}。', 'en-US': 'A certificate in force ({certificateId}) was already issued on this basis.' },
  CERTIFICATES_ISSUER_ROLE: { status: 403, 'zh-CN': '只有数据管理部门可以签发公共数据资产流通凭证。', 'en-US': 'Only the data bureau issues public data circulation certificates.' },
  CERTIFICATES_STATUS_LIST_NOT_FOUND: { status: 404, 'zh-CN': '状态列表不存在。', 'en-US': 'Status list not found.' },
  CERTIFICATES_TRANSFER_INVALID: { status: 400, 'zh-CN': '凭证转移无效（{reason}）。', 'en-US': 'Invalid certificate transfer ({reason}).' },
  CERTIFICATES_USE_INVALID: { status: 400, 'zh-CN': '使用记录无效（{reason}）。', 'en-US': 'Invalid use record ({reason}).' },
});
