import { defineErrors } from '../../platform/errors.js';

/** Errors of the data exchange (数据交易所). */
export const ExchangeErrors = defineErrors({
  EXCHANGE_JOURNAL_UNBALANCED: { status: 400, 'zh-CN': '记账分录借贷不平衡（{reason}）。', 'en-US': 'The journal does not balance ({reason}).' },
  EXCHANGE_INSUFFICIENT_FUNDS: { status: 409, 'zh-CN': '账户余额不足：{account} 可用 {availableFen} 分，需 {neededFen} 分。', 'en-US': 'Insufficient funds: account {account} has {availableFen} fen available, {neededFen} fen needed.' },
  EXCHANGE_ACCOUNT_NOT_FOUND: { status: 404, 'zh-CN': '账户不存在。', 'en-US': 'Account not found.' },
  EXCHANGE_AMOUNT_INVALID: { status: 400, 'zh-CN': '金额无效（须为正整数分）。', 'en-US': 'Invalid amount (a positive whole number of fen).' },
});
