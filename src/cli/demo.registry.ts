/**
 * Demo asset registration (资产登记), through the same services as the API: the compliance
 * committee's pool — five experts of 广东数据资产合规服务中心 (legal, industry, valuation, technical,
 * security) — and two applications of the analytics company: its product 中小企业信用评分接口 (built
 * under its authorized-operation agreement) reviewed by a panel that approved it unanimously, now in
 * publicity (公示; the sweep registers it, and its registration certificate is issued, when the
 * publicity ends), and its own social data 中小企业经营景气指数 with a panel drawn, waiting for votes.
 */
import type { Liutong } from '../liutong.app.js';
import type { Principal } from '../platform/http/access.js';
import { shanghaiDate } from '../platform/calendar/working-day.calendar.js';

/** An organisation's administrator as the demo acts for it (optionally a named user). */
export const principalOf = async (lt: Liutong, orgId: string, userId?: string): Promise<Principal> => {
  const org = await lt.identity.organisations.get(orgId);
  return { kind: 'user', orgId, orgRoles: org.roles as Principal['orgRoles'], memberRole: 'org_admin', personRoles: [], displayName: 'demo', ...(userId ? { userId } : {}) };
};

export async function seedRegistry(lt: Liutong, ids: Record<string, string>): Promise<void> {
  if (!ids.compliance || !ids.analytics || !ids.bureau) return;
  const bureau = await principalOf(lt, ids.bureau);
  const analytics = await principalOf(lt, ids.analytics);
  const experts = (await lt.identity.organisations.listUsers(ids.compliance, 1, 20)).items;
  const reviewerUsers = new Map<string, string>();
  for (const expertise of ['legal', 'industry', 'valuation', 'technical', 'security'] as const) {
    const user = experts.find((u) => u.username === `expert.${expertise}`);
    if (!user) return;
    await lt.registry.reviewers.add({ userId: user.id, expertise: expertise === 'valuation' ? ['valuation', 'accounting'] : [expertise] }, bureau, 'demo');
    reviewerUsers.set(expertise, user.id);
  }
  const today = shanghaiDate(lt.kernel.clock.now());
  const agreement = (await lt.authorization.agreements.list(analytics, { role: 'operator', status: 'active', page: 1, pageSize: 1 })).items[0];
  const product = (await lt.authorization.products.list(analytics, { page: 1, pageSize: 5 })).items.find((p) => p.name.zh === '中小企业信用评分接口');
  if (!agreement || !product) return;
  const rights = (holding: string, basis: string) => [
    { kind: 'holding' as const, holderOrgId: holding, basis, scope: '产品所用数据资源', termFrom: agreement.termFrom, termTo: agreement.termTo },
    { kind: 'processing' as const, holderOrgId: ids.analytics!, basis: '授权运营协议约定的加工使用', scope: '在可信环境内加工，不输出原始数据', termFrom: agreement.termFrom, termTo: agreement.termTo },
    { kind: 'operating' as const, holderOrgId: ids.analytics!, basis: '授权运营协议约定的产品经营', scope: '按次计费的评分接口服务', termFrom: agreement.termFrom, termTo: agreement.termTo },
  ];
  const a = await lt.registry.applications.create(ids.analytics, {
    type: 'first', objectKind: 'api', title: { zh: '中小企业信用评分接口', en: 'SME credit score API' },
    description: '基于企业登记信息与纳税信用等级的中小企业信用评分服务接口，按次调用，不返回原始数据。', productId: product.id,
    scenario: { users: '商业银行、融资担保机构', purpose: '中小企业授信审批与贷后风险监测', description: '银行在授信审批时按次调用评分，辅助确定授信额度与利率。' },
    sources: [{ kind: 'authorized_operation', ref: agreement.id, description: '与省政务服务数据管理局签订的分领域授权运营协议（金融领域）' }],
    rights: rights(ids.bureau, '公共数据由省政务服务数据管理局依法持有'),
  }, analytics, 'demo');
  await lt.registry.applications.submit(a.id, analytics, 'demo');
  const drawn = await lt.registry.applications.draw(a.id, bureau, 'demo');
  for (const p of (drawn.committee?.panel ?? []) as Array<{ reviewerId: string; expertise: string }>) {
    const userId = reviewerUsers.get(p.expertise === 'accounting' ? 'valuation' : p.expertise)!;
    await lt.registry.applications.vote(a.id, { vote: 'approve', opinion: '数据来源为授权运营协议范围内的公共数据，场景明确，三权界定清晰，安全措施符合要求，同意登记。' }, await principalOf(lt, ids.compliance, userId), 'demo');
  }

  const climate = (await lt.catalog.resources.list(analytics, { q: '中小企业经营景气指数', page: 1, pageSize: 1 })).items[0];
  if (!climate) return;
  const b = await lt.registry.applications.create(ids.analytics, {
    type: 'first', objectKind: 'indicator', title: { zh: '中小企业经营景气指数', en: 'SME business climate index' },
    description: '本公司自行采集并加工的行业月度景气指数。', resourceId: climate.id,
    scenario: { users: '地方政府经济运行部门、金融机构', purpose: '行业景气监测与信贷投向参考' },
    sources: [{ kind: 'own_collection', ref: climate.id, description: '企业自行调查采集' }],
    rights: rights(ids.analytics, '企业自行采集').map((r) => ({ ...r, termFrom: today, termTo: null })),
  }, analytics, 'demo');
  await lt.registry.applications.submit(b.id, analytics, 'demo');
  await lt.registry.applications.draw(b.id, bureau, 'demo');
}
