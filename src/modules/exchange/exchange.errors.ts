import { defineErrors } from '../../platform/errors.js';

/** Errors of the data exchange (数据交易所). */
export const ExchangeErrors = defineErrors({
  EXCHANGE_JOURNAL_UNBALANCED: { status: 400, 'zh-CN': '记账分录借贷不平衡（{reason}）。', 'en-US': 'The journal does not balance ({reason}).' },
  EXCHANGE_INSUFFICIENT_FUNDS: { status: 409, 'zh-CN': '账户余额不足：{account} 可用 {availableFen} 分，需 {neededFen} 分。', 'en-US': 'Insufficient funds: account {account} has {availableFen} fen available, {neededFen} fen needed.' },
  EXCHANGE_ACCOUNT_NOT_FOUND: { status: 404, 'zh-CN': '账户不存在。', 'en-US': 'Account not found.' },
  EXCHANGE_AMOUNT_INVALID: { status: 400, 'zh-CN': '金额无效（须为正整数分）。', 'en-US': 'Invalid amount (a positive whole number of fen).' },
  EXCHANGE_MEMBER_NOT_FOUND: { status: 404, 'zh-CN': '会员申请或会员不存在。', 'en-US': 'Membership not found.' },
  EXCHANGE_MEMBER_EXISTS: { status: 409, 'zh-CN': '本机构已有该类型的会员申请或会员资格（{kind}）。', 'en-US': 'The organisation already holds or has applied for this membership ({kind}).' },
  EXCHANGE_MEMBER_INVALID: { status: 400, 'zh-CN': '会员申请无效：{reason}。', 'en-US': 'Invalid membership application: {reason}.' },
  EXCHANGE_STATE_CONFLICT: { status: 409, 'zh-CN': '当前状态（{status}）下不能执行此操作（{action}）。', 'en-US': 'Cannot {action} in the current state ({status}).' },
  EXCHANGE_QUALIFICATIONS_MISSING: { status: 409, 'zh-CN': '申请尚未上传资质文件，不能批准。', 'en-US': 'No qualification file uploaded yet: the application cannot be approved.' },
  EXCHANGE_FILE_INVALID: { status: 400, 'zh-CN': '资质文件无效：{reason}。', 'en-US': 'Invalid qualification file: {reason}.' },
  EXCHANGE_FILE_NOT_FOUND: { status: 404, 'zh-CN': '文件不存在。', 'en-US': 'File not found.' },
  EXCHANGE_BROKER_NOT_FOUND: { status: 404, 'zh-CN': '数据经纪人证书不存在。', 'en-US': 'Broker certificate not found.' },
  EXCHANGE_BROKER_INVALID: { status: 400, 'zh-CN': '数据经纪人认证无效：{reason}。', 'en-US': 'Invalid broker certification: {reason}.' },
  EXCHANGE_BROKER_EXISTS: { status: 409, 'zh-CN': '该机构已持有有效的数据经纪人证书。', 'en-US': 'The organisation already holds a broker certificate.' },
  EXCHANGE_BROKER_NOT_CERTIFIED: { status: 409, 'zh-CN': '该机构没有有效的数据经纪人证书（{standing}）。', 'en-US': 'The organisation holds no broker certificate in force ({standing}).' },
  EXCHANGE_NOT_MEMBER: { status: 409, 'zh-CN': '该机构不是交易所的有效会员（{kind}）。', 'en-US': 'The organisation is not an active member of the exchange ({kind}).' },
  EXCHANGE_MANDATE_NOT_FOUND: { status: 404, 'zh-CN': '委托不存在。', 'en-US': 'Mandate not found.' },
  EXCHANGE_MANDATE_INVALID: { status: 400, 'zh-CN': '委托无效：{reason}。', 'en-US': 'Invalid mandate: {reason}.' },
  EXCHANGE_NOT_PARTY: { status: 403, 'zh-CN': '本机构不是该委托的当事方。', 'en-US': 'Your organisation is not a party to this mandate.' },
});
