import { defineErrors } from '../../platform/errors.js';

/** Errors of asset registration (资产登记). */
export const RegistryErrors = defineErrors({
  REGISTRY_APPLICATION_NOT_FOUND: { status: 404, 'zh-CN': '登记申请不存在。', 'en-US': 'Registration application not found.' },
  REGISTRY_APPLICATION_INVALID: { status: 400, 'zh-CN': '登记申请无效（{reason}）。', 'en-US': 'Invalid registration application ({reason}).' },
  REGISTRY_TYPE_UNSUPPORTED: { status: 400, 'zh-CN': '暂不受理“{type}”类登记申请。', 'en-US': 'Applications of type "{type}" are not accepted yet.' },
  REGISTRY_STATE_CONFLICT: { status: 409, 'zh-CN': '登记申请当前状态“{status}”不允许“{action}”。', 'en-US': 'Action "{action}" is not allowed on an application in state "{status}".' },
  REGISTRY_INCOMPLETE: { status: 409, 'zh-CN': '登记申请未通过完整性与合法性核验：{problems}。无场景不登记。', 'en-US': 'The application failed the completeness and legality check: {problems}. No scenario, no registration.' },
  REGISTRY_CORE_DATA: { status: 409, 'zh-CN': '核心数据不予登记。', 'en-US': 'Core data cannot be registered.' },
  REGISTRY_POOL_INSUFFICIENT: { status: 409, 'zh-CN': '回避后评审专家库不足以组成合规会审小组（{composition}）。', 'en-US': 'After recusals the reviewer pool cannot form the compliance panel ({composition}).' },
  REGISTRY_NOT_ON_PANEL: { status: 403, 'zh-CN': '您不是该申请合规会审小组成员（或已回避），不能投票。', 'en-US': 'You are not on this application\'s compliance panel (or are recused) and cannot vote.' },
  REGISTRY_ALREADY_VOTED: { status: 409, 'zh-CN': '您已就该申请投票，不能重复投票。', 'en-US': 'You have already voted on this application.' },
  REGISTRY_OBJECTION_NOT_OPEN: { status: 409, 'zh-CN': '该异议不存在或已处理。', 'en-US': 'The objection does not exist or was already handled.' },
  REGISTRY_OBJECTION_OPEN: { status: 409, 'zh-CN': '尚有未处理的异议，不能登记。', 'en-US': 'An objection is still open; the asset cannot be registered yet.' },
  REGISTRY_PUBLICITY_RUNNING: { status: 409, 'zh-CN': '公示期至 {until} 方结束。', 'en-US': 'Publicity runs until {until}.' },
  REGISTRY_ASSET_NOT_ACTIVE: { status: 409, 'zh-CN': '该数据资产未登记或已注销/撤销（{status}），不能办理此项登记。', 'en-US': 'The data asset is not registered or was cancelled/revoked ({status}); this registration is not possible.' },
  REGISTRY_ASSET_DISPUTED: { status: 409, 'zh-CN': '该数据资产存在异议登记（至 {until}），暂不能办理变更、转移、许可或更正登记。', 'en-US': 'An objection is registered against the asset (until {until}); no change, transfer, licence or correction until then.' },
  REGISTRY_ASSET_STALE: { status: 409, 'zh-CN': '该数据资产的登记信息已在本申请提交后发生变化，请基于最新登记信息重新申请。', 'en-US': "The asset's registered record changed since this application was started; start again from the current record." },
  REGISTRY_NOT_HOLDER: { status: 403, 'zh-CN': '只有该数据资产的现持有方可以申请此类登记（撤销由登记机构办理，异议登记由其他主体申请）。', 'en-US': 'Only the asset\'s current holder may apply for this registration (the registrar revokes; others register objections).' },
  REGISTRY_VALUATION_INVALID: { status: 400, 'zh-CN': '评估输入无效：{reason}。', 'en-US': 'Invalid valuation input: {reason}.' },
  REGISTRY_VALUATION_NOT_FOUND: { status: 404, 'zh-CN': '评估报告不存在。', 'en-US': 'Valuation report not found.' },
  REGISTRY_ACCOUNTING_INVALID: { status: 400, 'zh-CN': '入表信息无效（{reason}）。', 'en-US': 'Invalid accounting entry ({reason}).' },
  REGISTRY_REVIEWER_INVALID: { status: 400, 'zh-CN': '评审专家无效（{reason}）。', 'en-US': 'Invalid reviewer ({reason}).' },
  REGISTRY_REVIEWER_NOT_FOUND: { status: 404, 'zh-CN': '评审专家不存在。', 'en-US': 'Reviewer not found.' },
});
