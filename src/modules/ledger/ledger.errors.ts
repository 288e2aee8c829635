import { defineErrors } from '../../platform/errors.js';

export const LedgerErrors = defineErrors({
  LEDGER_ENTRY_NOT_FOUND: { status: 404, 'zh-CN': '存证条目不存在（索引 {index}）。', 'en-US': 'No ledger entry at index {index}.' },
  LEDGER_EVENT_NOT_INTEGRATED: { status: 404, 'zh-CN': '事件尚未写入存证日志（或不存在），请稍后再试。', 'en-US': 'The event is not (yet) in the ledger; retry shortly.' },
  LEDGER_CHECKPOINT_NOT_FOUND: { status: 404, 'zh-CN': '检查点不存在（大小 {size}）。', 'en-US': 'No checkpoint of size {size}.' },
  LEDGER_EMPTY: { status: 404, 'zh-CN': '存证日志为空。', 'en-US': 'The ledger is empty.' },
  LEDGER_RANGE_INVALID: { status: 400, 'zh-CN': '区间无效：需要 0 ≤ from ≤ to ≤ 当前大小 {size}。', 'en-US': 'Invalid range: need 0 ≤ from ≤ to ≤ current size {size}.' },
  LEDGER_WITNESS_KEY_INVALID: { status: 400, 'zh-CN': '见证人公钥格式无效：{reason}', 'en-US': 'Invalid witness verifier key: {reason}' },
  LEDGER_WITNESS_EXISTS: { status: 409, 'zh-CN': '同名见证人已登记。', 'en-US': 'A witness with this name is already registered.' },
  LEDGER_WITNESS_UNKNOWN: { status: 403, 'zh-CN': '见证人“{name}”未登记到调用方机构。', 'en-US': 'Witness "{name}" is not registered to your organisation.' },
  LEDGER_COSIGNATURE_INVALID: { status: 400, 'zh-CN': '见证签名无效：{reason}', 'en-US': 'Invalid cosignature: {reason}' },
  LEDGER_COSIGNATURE_STALE: { status: 409, 'zh-CN': '该见证人已为更大的检查点（{size}）签名。', 'en-US': 'This witness has already cosigned a larger checkpoint ({size}).' },
  LEDGER_DIGEST_INVALID: { status: 400, 'zh-CN': '摘要格式应为 sha256:<64 位十六进制>。', 'en-US': 'Digest must be sha256:<64 hex digits>.' },
});
