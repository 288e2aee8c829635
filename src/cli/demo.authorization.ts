/**
 * Demo authorized operation (授权运营), through the same services as the API: the data bureau (an
 * implementing body, 实施机构) has authorized the analytics company (an operator, 运营机构) to run
 * the enterprise registry and tax credit ratings in the finance domain — reviewed, sealed by both,
 * in force, with one declared product — and the same company's 依场景 application for 电费贷 on the
 * grid's electricity data waits for the bureau's review. For the digital spaces, the bureau defines
 * the data items (常用数据) — monthly electricity, tax credit rating, social insurance — and the bank
 * has asked the Foshan factory for twelve months of electricity and its tax rating for a 电费贷 loan;
 * the request waits in the factory's space. The personal case: the first resident of the population
 * base has signed up as `citizen` (real-name checked), and the bank asks her for twelve months of
 * social-insurance contributions. Licences (电子证照): market regulation has issued the factory's
 * business licence, public security the citizen's identity card and driving licence.
 */
import type { Liutong } from '../liutong.app.js';
import { shanghaiDate } from '../platform/calendar/working-day.calendar.js';
import type { Principal } from '../platform/http/access.js';
import { DEMO_FACTORY, DEMO_LAST_MONTH, type DemoData } from './demo.mounts.js';
import { DISTRICTS } from './demo.data.js';

/** The first of the twelve months the bank's 电费贷 request covers (ending with DEMO_LAST_MONTH). */
const DEMO_FIRST_LOAN_MONTH = '2025-11';

/** An organisation administrator acting for the demo (sealing needs one). */
const adminOf = async (lt: Liutong, orgId: string): Promise<Principal> => {
  const org = await lt.identity.organisations.get(orgId);
  return { kind: 'user', orgId, orgRoles: org.roles as Principal['orgRoles'], memberRole: 'org_admin', personRoles: [], displayName: 'demo' };
};

export async function seedAuthorization(lt: Liutong, ids: Record<string, string>, data?: DemoData, password?: string): Promise<void> {
  const find = async (title: string) => (await lt.catalog.resources.list(null, { q: title, status: 'published', page: 1, pageSize: 1 })).items[0];
  const companies = await find('企业登记信息');
  const tax = await find('纳税信用等级评价结果');
  const electricity = await find('企业月度用电量');
  if (!companies || !tax || !electricity) return;
  const today = shanghaiDate(lt.kernel.clock.now());
  const inYears = (n: number) => `${Number(today.slice(0, 4)) + n}${today.slice(4) === '-02-29' ? '-02-28' : today.slice(4)}`;
  const a = await lt.authorization.agreements.apply(ids.analytics!, {
    implementingOrgId: ids.bureau!, mode: 'domain', domain: '金融', scenarios: ['中小企业信用评估'],
    scope: [{ resourceId: companies.id, fields: ['uscc', 'name', 'industry', 'district', 'registered_capital', 'established', 'status'] }, { resourceId: tax.id, fields: ['uscc', 'year', 'rating'] }],
    termFrom: today, termTo: inYears(3), feeCap: { amount: '0.10', unit: '元/次' },
    securityObligations: '数据在运营机构的可信环境内加工，原始数据不出域；按网络安全等级保护第三级要求存储与传输；不得向第三方提供原始数据；每年接受实施机构安全审计。',
  }, null, 'demo');
  await lt.authorization.agreements.review(a.id, '运营机构资质、场景与安全方案审核通过。', null, 'demo');
  await lt.authorization.agreements.seal(a.id, await adminOf(lt, ids.bureau!), 'demo');
  await lt.authorization.agreements.seal(a.id, await adminOf(lt, ids.analytics!), 'demo');
  await lt.authorization.agreements.activate(a.id, null, 'demo');
  await lt.authorization.products.declare(a.id, {
    name: { zh: '中小企业信用评分接口', en: 'SME credit score API' }, kind: 'api', resourceIds: [companies.id, tax.id], scenario: '中小企业信用评估',
    description: '基于企业登记与纳税信用等级的评分，按次计费，不返回原始数据。', fee: { amount: '0.08', unit: '元/次' },
  }, null, 'demo');
  await lt.authorization.agreements.apply(ids.analytics!, {
    implementingOrgId: ids.bureau!, mode: 'scenario', scenarios: ['电费贷：银行凭企业授权审批信用贷款'],
    scope: [{ resourceId: electricity.id, fields: ['uscc', 'month', 'kwh'] }], termFrom: today, termTo: inYears(2), feeCap: { amount: '0.20', unit: '元/次' },
    securityObligations: '仅输出用电指数，不输出逐月原始用电量；数据不出域。',
  }, null, 'demo');

  // Digital spaces: the data items, and the bank's 电费贷 request to the factory.
  const social = await find('企业社会保险缴费信息');
  const item = (code: string, zh: string, en: string, resourceId: string, fields: string[], periodField: string | null) =>
    lt.authorization.dataItems.define({ code, name: { zh, en }, resourceId, subjectKind: 'legal_person', subjectField: 'uscc', fields, periodField }, null, 'demo');
  const power = await item('ELEC.MONTHLY', '月度用电量与电费', 'Monthly electricity usage and charges', electricity.id, ['kwh', 'fee'], 'month');
  const rating = await item('TAX.CREDIT_RATING', '纳税信用等级', 'Tax credit rating', tax.id, ['year', 'rating'], null);
  if (social) await item('SOCIAL.INSURANCE', '社会保险缴费', 'Social insurance payments', social.id, ['insured', 'paid'], 'month');
  // The real-name checks' sources (SubjectVerifier): the registry for a legal representative's
  // binding, the population base (人口库) for individuals.
  await item('ORG.REGISTRATION', '企业登记信息', 'Enterprise registration', companies.id, ['name', 'legal_rep'], null);
  const population = await find('人口基础信息');
  if (population) {
    await lt.authorization.dataItems.define({ code: 'PERSON.BASIC', name: { zh: '人口基础信息', en: 'Population base information' }, resourceId: population.id, subjectKind: 'natural_person', subjectField: 'id_number', fields: ['name'], periodField: null }, null, 'demo');
  }
  const factory = await lt.identity.organisations.get(ids.factory!);
  // Licences (电子证照) in the factory's space: its business licence from market regulation.
  if (ids.regulator) {
    await lt.authorization.licences.issue(await adminOf(lt, ids.regulator), {
      type: 'BUSINESS_LICENCE', number: factory.uscc!, holder: { id: factory.uscc!, name: DEMO_FACTORY.name },
      fields: {
        entity_type: '有限责任公司（自然人投资或控股）', legal_rep: DEMO_FACTORY.legal_rep, registered_capital: '人民币叁仟万元整', established: DEMO_FACTORY.established,
        address: `${DISTRICTS.find((d) => d.code === DEMO_FACTORY.district)?.zh ?? '佛山市'}狮山镇科技工业园 8 号`, business_scope: '通用设备制造；金属制品加工；货物进出口（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
      },
      validFrom: DEMO_FACTORY.established, validTo: null,
    }, 'demo');
  }
  await lt.authorization.consents.request(ids.bank!, {
    holderUscc: factory.uscc!, itemIds: [power.id, rating.id], purpose: 'credit_approval', purposeText: '电费贷：审批 300 万元流动资金贷款，核验近 12 个月用电与纳税信用',
    periodFrom: DEMO_FIRST_LOAN_MONTH, periodTo: DEMO_LAST_MONTH, validUntil: new Date(lt.kernel.clock.now().getTime() + 90 * 86_400_000).toISOString(), maxUses: 20,
  }, null, 'demo');

  // The personal case (个人数字空间): a citizen, her social-insurance item, the bank's request.
  const personal = await find('个人社会保险缴费信息');
  const citizen = data?.residents()[0];
  if (!personal || !citizen || !password) return;
  const item2 = await lt.authorization.dataItems.define({ code: 'PERSON.SOCIAL_INSURANCE', name: { zh: '个人社会保险缴费', en: 'Personal social insurance contributions' }, resourceId: personal.id, subjectKind: 'natural_person', subjectField: 'id_number', fields: ['base', 'paid'], periodField: 'month' }, null, 'demo');
  await lt.authorization.accounts.signUp({ name: citizen.name, residentId: citizen.id_number, phone: citizen.mobile, username: 'citizen', password }, 'demo', 'demo');
  // Her resident identity card and driving licence, from public security.
  if (ids.police) {
    const police = await adminOf(lt, ids.police);
    const holder = { id: citizen.id_number, name: citizen.name };
    const issued = `${Number(today.slice(0, 4)) - 3}${today.slice(4, 10) === '-02-29' ? '-02-28' : today.slice(4, 10)}`;
    await lt.authorization.licences.issue(police, {
      type: 'RESIDENT_ID', number: citizen.id_number, holder, fields: { sex: citizen.sex === '1' ? '男' : '女', ethnicity: '汉', birth_date: citizen.birth_date, address: citizen.address },
      validFrom: issued, validTo: `${Number(issued.slice(0, 4)) + 20}${issued.slice(4)}`,
    }, 'demo');
    await lt.authorization.licences.issue(police, {
      type: 'DRIVING_LICENCE', number: citizen.id_number, holder, fields: { vehicle_class: 'C1', first_issue: issued, address: citizen.address },
      validFrom: issued, validTo: `${Number(issued.slice(0, 4)) + 6}${issued.slice(4)}`,
    }, 'demo');
  }
  await lt.authorization.consents.request(ids.bank!, {
    holderResidentId: citizen.id_number, itemIds: [item2.id], purpose: 'credit_approval', purposeText: '个人消费贷款：核验近 12 个月社保缴费',
    periodFrom: DEMO_FIRST_LOAN_MONTH, periodTo: DEMO_LAST_MONTH, validUntil: new Date(lt.kernel.clock.now().getTime() + 60 * 86_400_000).toISOString(), maxUses: 10,
  }, null, 'demo');
}
