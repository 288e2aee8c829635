import { AppError, defineErrors, defineParamLabels } from '../../platform/errors.js';

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
  EXCHANGE_LISTING_NOT_FOUND: { status: 404, 'zh-CN': '挂牌不存在。', 'en-US': 'Listing not found.' },
  EXCHANGE_LISTING_INVALID: { status: 400, 'zh-CN': '挂牌信息无效：{reason}。', 'en-US': 'Invalid listing: {reason}.' },
  EXCHANGE_LISTING_NOT_LISTED: { status: 409, 'zh-CN': '该标的未在挂牌中（{status}）。', 'en-US': 'The listing is not listed ({status}).' },
  EXCHANGE_NOT_REGISTERED: { status: 409, 'zh-CN': '无登记不交易：该资产不能挂牌（{reason}）。', 'en-US': 'No registration, no trade: the asset cannot be listed ({reason}).' },
  EXCHANGE_CORE_DATA: { status: 409, 'zh-CN': '核心数据不得挂牌交易。', 'en-US': 'Core data may not be listed or traded.' },
  EXCHANGE_PROHIBITED: { status: 409, 'zh-CN': '属于禁止交易清单的数据类别：{kinds}。', 'en-US': 'Data kinds on the prohibited list: {kinds}.' },
  EXCHANGE_FEE_ABOVE_CAP: { status: 409, 'zh-CN': '定价不符合授权运营协议的运营服务费上限（{cap}）。', 'en-US': "The pricing does not respect the authorized-operation agreement's service-fee cap ({cap})." },
  EXCHANGE_ASSESSMENT_REQUIRED: { status: 409, 'zh-CN': '不合规不挂牌：需要针对当前内容的合规评估且评估通过。', 'en-US': 'Not compliant, not listed: a passed compliance assessment of the current content is required.' },
  EXCHANGE_NEGOTIATION_NOT_FOUND: { status: 404, 'zh-CN': '磋商或合同不存在。', 'en-US': 'Negotiation or contract not found.' },
  EXCHANGE_TERMS_INVALID: { status: 400, 'zh-CN': '交易条款无效：{reason}。', 'en-US': 'Invalid terms: {reason}.' },
  EXCHANGE_PARTY_MUST_SEAL: { status: 403, 'zh-CN': '此步骤须由当事方本身以其电子印章签署（卖方确认、买方签署；经纪人签署本方见证）。', 'en-US': 'This step is sealed by the party itself (the seller agrees, the buyer verifies; a broker seals as witness of its side).' },
  EXCHANGE_SEALS_MISSING: { status: 409, 'zh-CN': '合同尚缺以下签章：{missing}。', 'en-US': 'The contract still lacks these seals: {missing}.' },
  EXCHANGE_USE_REFUSED: { status: 403, 'zh-CN': '超出合同约定的使用范围，已拒绝（{reason}）。', 'en-US': "Refused: outside the contract's usage policy ({reason})." },
  EXCHANGE_NOT_DUE: { status: 409, 'zh-CN': '营业日 {date} 尚未到来（今天是 {today}），不能提前结算。', 'en-US': 'Business day {date} has not come yet (today is {today}): nothing is settled early.' },
  EXCHANGE_DATE_INVALID: { status: 400, 'zh-CN': '日期无效：{date}。', 'en-US': 'Invalid date: {date}.' },
  EXCHANGE_DISPUTE_NOT_FOUND: { status: 404, 'zh-CN': '争议不存在。', 'en-US': 'Dispute not found.' },
  EXCHANGE_API_UNAVAILABLE: { status: 409, 'zh-CN': '该合同不能通过接口交付（{reason}）。', 'en-US': 'The contract cannot be delivered through the API ({reason}).' },
  EXCHANGE_ATTACHMENT_INVALID: { status: 400, 'zh-CN': '合同附加服务无效：{reason}。', 'en-US': 'Invalid contract attachment: {reason}.' },
  EXCHANGE_BATCH_NOT_FOUND: { status: 404, 'zh-CN': '结算批次不存在。', 'en-US': 'Settlement batch not found.' },
  EXCHANGE_FILING_NOT_FOUND: { status: 404, 'zh-CN': '场外交易备案不存在。', 'en-US': 'Off-exchange filing not found.' },
});

type Words = Record<string, { 'zh-CN': string; 'en-US': string }>;
const w = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

/** The states, steps and reasons the exchange's messages name, in words (the details keep the codes). */
const STATUS: Words = {
  REQUESTED: w('已请求', 'requested'), OFFERED: w('已报价', 'offered'), ACCEPTED: w('已接受', 'accepted'), AGREED: w('卖方已签章', 'agreed'), VERIFIED: w('买方已签章并托管', 'verified'),
  FINALIZED: w('合同生效', 'in force'), TERMINATED: w('已终止', 'terminated'),
  draft: w('草稿', 'draft'), assessing: w('合规评估中', 'under assessment'), assessed: w('评估通过', 'assessed'), submitted: w('待交易所审核', 'submitted for review'), listed: w('挂牌中', 'listed'),
  suspended: w('已暂停', 'suspended'), delisted: w('已摘牌', 'delisted'), withdrawn: w('已撤回', 'withdrawn'), applied: w('已申请', 'applied'), active: w('有效', 'active'), rejected: w('已驳回', 'rejected'),
  terminated: w('已终止', 'terminated'), ended: w('已结束', 'ended'), accepted: w('已验收', 'accepted'), nothing_delivered: w('尚无交付', 'nothing delivered yet'), disputed: w('争议处理中', 'in dispute'),
  granted: w('已开通接口', 'API access already granted'), in_force: w('合同履行期内', 'the contract still in force'), attested: w('已提交销毁证明', 'destruction already attested'),
  rated: w('已评价', 'already rated'), not_accepted: w('尚未验收', 'not accepted yet'), billing_pending: w('按量计费尚未结算', 'billing by use still pending'), settled: w('已结算', 'settled'),
  ruled: w('已裁决', 'ruled'), open: w('处理中', 'open'), attached: w('已附加', 'already attached'), changed: w('已被他人更新', 'changed meanwhile'), filed: w('已备案', 'filed'),
  confirmed: w('已确认', 'confirmed'), pending: w('待结算', 'pending'), held: w('暂缓结算', 'held'),
};
const ACTION: Words = {
  request: w('请求', 'request'), offer: w('报价', 'offer'), accept: w('接受或验收', 'accept'), agree: w('确认签章', 'agree'), verify: w('签章并托管', 'verify'), finalize: w('确认生效', 'finalize'),
  terminate: w('终止', 'terminate'), seal: w('经纪人签章', 'seal'), deliver: w('交付', 'deliver'), rate: w('评价', 'rate'), attest_destruction: w('提交销毁证明', 'attest destruction'),
  dispute: w('提出争议', 'raise a dispute'), rule: w('裁决', 'rule'), attach: w('附加保险或托管', 'attach insurance or custody'), verify_seals: w('核验签章', 'verify the seals'),
  certify: w('签发交易凭证', 'issue the transaction certificate'), document: w('查看合同', 'view the contract'), update: w('修改', 'edit'), assess: w('合规评估', 'assess'), add_file: w('上传资质文件', 'add a file'),
  end: w('结束', 'end'), confirm: w('确认', 'confirm'), request_assessment: w('申请合规评估', 'request an assessment'), submit: w('提交审核', 'submit'), approve: w('批准', 'approve'),
  reject: w('驳回', 'reject'), suspend: w('暂停', 'suspend'), reinstate: w('恢复', 'reinstate'), delist: w('摘牌', 'delist'), withdraw: w('撤回', 'withdraw'),
};
const REASON: Words = {
  price: w('价格须为正整数分', 'the price must be a positive number of fen'), quantity: w('数量须为正整数', 'the quantity must be a positive whole number'),
  purposes_outside_the_policy: w('用途超出挂牌的使用范围', "purposes outside the listing's policy"), period_beyond_the_policy: w('期限超出挂牌的使用范围', "a period beyond the listing's policy"),
  uses_beyond_the_policy: w('次数超出挂牌的使用范围', "uses beyond the listing's policy"), one_off_quantity_is_one: w('一次性买断的数量为 1', 'a one-off purchase has quantity 1'),
  calls_are_the_uses: w('按次计价时数量即使用次数', 'with per-call pricing the quantity is the number of uses'), amount: w('金额超出上限', 'the amount is too large'),
  fields_required: w('须列明接口交付的字段', 'name the fields the API delivers'), fields_outside_the_policy: w('字段须与挂牌约定的字段一致', "the fields must be the listing policy's"),
  api_not_offered: w('该挂牌不提供接口交付', 'the listing offers no API delivery'), no_catalog_resource: w('该资产未关联可通过网关提供的目录资源', 'the asset stands on no catalog resource the gateway serves'),
  statement_required: w('须填写销毁说明', 'a statement is required'), refund_above_amount: w('退款超过合同金额', 'the refund exceeds the amount'), claim_required: w('须说明争议请求', 'state the claim'),
  arbitrator_is_a_party: w('仲裁机构不能是合同当事方', 'the arbitrator cannot be a party'), ruling_required: w('须填写裁决内容', 'the ruling is required'),
  penalty_payer_required: w('须指明违约金支付方', 'name who pays the penalty'), penalty_above_amount: w('违约金超过合同金额', 'the penalty exceeds the amount'),
  provider_is_a_party: w('服务机构不能是合同当事方', 'the provider cannot be a party'), reference_required: w('须填写保单或协议编号', 'the policy or agreement number is required'),
  description_required: w('须说明保障或托管内容', 'describe the cover or custody'), valid_until: w('有效期无效或已过', 'the validity is invalid or past'), coverage_required: w('保险须列明保险金额', 'an insurance names its sum insured'),
  link_expired: w('下载链接已过期', 'the link expired'), contract_ended: w('合同已到期', 'the contract ended'), not_in_force: w('合同未生效', 'the contract is not in force'), uses_exhausted: w('使用次数已用尽', 'the uses are spent'),
  size: w('文件为空或超过大小上限', 'the file is empty or too large'), reason_required: w('须填写理由', 'a reason is required'), not_registered: w('未登记', 'not registered'),
  not_active: w('登记未生效', 'the registration is not in force'), not_holder: w('卖方不是登记持有人', 'the seller is not the registered holder'), core_data: w('核心数据', 'core data'),
  assessment_failed: w('合规评估未通过', 'the compliance assessment failed'), deductions_exceed_amount: w('扣费超过成交金额', 'the deductions exceed the amount'),
};
defineParamLabels('EXCHANGE', 'status', STATUS);
defineParamLabels('EXCHANGE', 'action', ACTION);
defineParamLabels('EXCHANGE', 'reason', REASON);

/** A step refused in the current state (EXCHANGE_STATE_CONFLICT): the state and the step, in the details and, worded, in the message. */
export const stateConflict = (status: string, action: string): AppError => new AppError(ExchangeErrors.EXCHANGE_STATE_CONFLICT, { status, action }, { status, action });
