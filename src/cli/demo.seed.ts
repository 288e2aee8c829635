/**
 * Demo data for `liutong start --demo`: the organisations of the 电费贷 story (a data bureau, a
 * regulator, the power-grid company, a bank, the exchange and two enterprises, plus public
 * security as the source of population data) with users, and the bureau's data element standard
 * (公共数据元), all created through the same services the API uses, so every object has its
 * evidence event. Later modules extend this file.
 */
import type { Liutong } from '../liutong.app.js';
import type { NewElement } from '../modules/catalog/index.js';
import { makeUscc, type NewOrganisation } from '../modules/identity/index.js';
import type { MemberRole } from '../platform/http/access.js';

export const DEMO_PASSWORD_DEFAULT = 'Liutong-Demo-2026';

interface DemoOrg extends NewOrganisation {
  key: string;
  users: Array<{ username: string; displayName: string; memberRole: MemberRole; phone?: string; email?: string }>;
}

// The first 17 characters are made up (division codes are real Guangdong ones); the 18th is the
// GB 32100-2015 check character computed by makeUscc, so every code validates.
const ORGS: DemoOrg[] = [
  { key: 'bureau', name: { zh: '广东省政务服务和数据管理局（演示）', en: 'Guangdong Government Services and Data Administration (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9DEM0'), roles: ['data_bureau', 'implementing_body'],
    users: [{ username: 'bureau', displayName: '数据局管理员', memberRole: 'org_admin', email: 'bureau@demo.liutong.cn' }, { username: 'bureau.clerk', displayName: '目录编目员', memberRole: 'staff' }] },
  // Market regulation supervises, and keeps the enterprise registry: the source unit of enterprise data.
  { key: 'regulator', name: { zh: '广东省市场监督管理局（演示）', en: 'Guangdong Market Regulation Administration (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9REGU'), roles: ['regulator', 'source_unit'],
    users: [{ username: 'regulator', displayName: '监管员', memberRole: 'org_admin' }] },
  { key: 'police', name: { zh: '广东省公安厅（演示）', en: 'Guangdong Public Security Department (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9GAT0'), roles: ['source_unit'],
    users: [{ username: 'police', displayName: '人口库管理员', memberRole: 'org_admin' }] },
  { key: 'grid', name: { zh: '广东电网有限责任公司（演示）', en: 'Guangdong Power Grid Co., Ltd. (demo)' }, type: 'public_enterprise', uscc: makeUscc('91440000DEM0GR1D0'), roles: ['source_unit'],
    users: [{ username: 'grid', displayName: '电网数据管理员', memberRole: 'org_admin' }] },
  { key: 'bank', name: { zh: '广州某商业银行（演示）', en: 'Guangzhou Commercial Bank (demo)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0BANK0'), roles: ['enterprise'],
    users: [{ username: 'bank', displayName: '信贷经理', memberRole: 'org_admin', phone: '13800000001' }] },
  { key: 'exchange', name: { zh: '广州数据交易所（演示）', en: 'Guangzhou Data Exchange (demo)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0EXCH0'), roles: ['exchange'],
    users: [{ username: 'exchange', displayName: '交易所运营', memberRole: 'org_admin' }] },
  { key: 'factory', name: { zh: '佛山某制造有限公司（演示）', en: 'Foshan Manufacturing Co., Ltd. (demo)' }, type: 'enterprise', uscc: makeUscc('91440604DEM0FACT0'), roles: ['enterprise'],
    users: [{ username: 'factory', displayName: '企业法人代表', memberRole: 'org_admin' }, { username: 'factory.finance', displayName: '财务', memberRole: 'finance' }] },
  { key: 'analytics', name: { zh: '深圳某数据科技有限公司（演示）', en: 'Shenzhen Data Analytics Co., Ltd. (demo)' }, type: 'enterprise', uscc: makeUscc('91440300DEM0ANLY0'), roles: ['enterprise', 'data_merchant'],
    users: [{ username: 'analytics', displayName: '数据产品经理', memberRole: 'org_admin' }] },
];

const kwh = '(0|[1-9][0-9]*)(\\.[0-9]{1,2})?';

/** The bureau's data element standard: who is the one authoritative source of each data item. */
const ELEMENTS: Array<Omit<NewElement, 'sourceOrgId'> & { source: string }> = [
  { identifier: 'DE.PERSON.ID', source: 'police', dataType: 'string', format: { kind: 'validator', name: 'resident_id' },
    name: { zh: '公民身份号码', en: 'Citizen identity number' },
    definition: { zh: '居民身份证上的 18 位公民身份号码（GB 11643-1999），末位为 ISO 7064 MOD 11-2 校验码。', en: 'The 18-character citizen identity number on the resident identity card (GB 11643-1999); the last character is an ISO 7064 MOD 11-2 check character.' } },
  { identifier: 'DE.PERSON.SEX', source: 'police', dataType: 'code',
    name: { zh: '性别', en: 'Sex' },
    definition: { zh: '人的性别，代码取自 GB/T 2261.1-2003。', en: "A person's sex, coded per GB/T 2261.1-2003." },
    codeList: [
      { code: '0', label: { zh: '未知的性别', en: 'Unknown' } },
      { code: '1', label: { zh: '男性', en: 'Male' } },
      { code: '2', label: { zh: '女性', en: 'Female' } },
      { code: '9', label: { zh: '未说明的性别', en: 'Not stated' } },
    ] },
  { identifier: 'DE.PERSON.MOBILE', source: 'police', dataType: 'string', format: { kind: 'validator', name: 'mobile' },
    name: { zh: '手机号码', en: 'Mobile number' },
    definition: { zh: '实名登记的中国大陆 11 位手机号码。', en: 'A real-name registered 11-digit mainland China mobile number.' } },
  { identifier: 'DE.ORG.USCC', source: 'regulator', dataType: 'string', format: { kind: 'validator', name: 'uscc' },
    name: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    definition: { zh: '法人和其他组织的 18 位统一社会信用代码（GB 32100-2015）。', en: 'The 18-character unified social credit code of a legal person or other organisation (GB 32100-2015).' } },
  { identifier: 'DE.ORG.NAME', source: 'regulator', dataType: 'string',
    name: { zh: '企业名称', en: 'Enterprise name' },
    definition: { zh: '企业登记机关核准登记的企业名称。', en: 'The enterprise name as registered by the registration authority.' } },
  { identifier: 'DE.ELEC.MONTH', source: 'grid', dataType: 'string', format: { kind: 'regex', pattern: '[0-9]{4}-(0[1-9]|1[0-2])' },
    name: { zh: '用电账期月份', en: 'Electricity billing month' },
    definition: { zh: '电费结算的自然月，格式 YYYY-MM。', en: 'The calendar month an electricity bill covers, as YYYY-MM.' } },
  { identifier: 'DE.ELEC.KWH', source: 'grid', dataType: 'decimal', format: { kind: 'regex', pattern: kwh }, unit: 'kWh',
    name: { zh: '月用电量', en: 'Monthly electricity consumption' },
    definition: { zh: '一个用电户在一个账期内的有功用电量，最多两位小数。', en: 'Active energy used by one account in one billing month, at most two decimals.' } },
  { identifier: 'DE.ELEC.FEE', source: 'grid', dataType: 'decimal', format: { kind: 'validator', name: 'amount' }, unit: '元',
    name: { zh: '电费金额', en: 'Electricity charge' },
    definition: { zh: '一个账期应缴的电费，单位元，最多两位小数。', en: 'The electricity charge due for one billing month, in yuan, at most two decimals.' } },
  { identifier: 'DE.ELEC.DEBIT_CARD', source: 'grid', dataType: 'string', format: { kind: 'validator', name: 'bank_card' },
    name: { zh: '电费代扣银行卡号', en: 'Direct-debit bank card number' },
    definition: { zh: '用电户签约代扣电费的银行卡号（Luhn 校验）。', en: 'The bank card number an account pays its electricity bills from by direct debit (Luhn check).' } },
];

export interface DemoSeedResult {
  seeded: boolean;
  users: Array<{ username: string; organisation: string; memberRole: MemberRole }>;
}

export async function seedDemo(lt: Liutong, password: string): Promise<DemoSeedResult> {
  const existing = await lt.identity.organisations.list({ q: ORGS[0]!.uscc!, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' });
  const users = ORGS.flatMap((o) => o.users.map((u) => ({ username: u.username, organisation: o.name.zh, memberRole: u.memberRole })));
  if (existing.total > 0) return { seeded: false, users };
  const system = { kind: 'system' as const };
  const ids: Record<string, string> = {};
  for (const o of ORGS) {
    const org = await lt.identity.organisations.create(o, null, system);
    ids[o.key] = org.id;
    for (const u of o.users) {
      await lt.identity.organisations.createUser(org.id, { ...u, password }, null);
    }
  }
  // A first seal, so the ledger explorer has a document to show: the grid company seals its
  // electricity-data service description.
  await lt.identity.seals.sign(ids.grid!, { service: '企业用电数据查询', serviceEn: 'Enterprise electricity usage query', fields: ['uscc', 'month', 'kwh'] }, null, 'demo');
  // The data bureau's element standard, each element with its one authoritative source unit.
  for (const { source, ...element } of ELEMENTS) {
    await lt.catalog.elements.create(ids.bureau!, { ...element, sourceOrgId: ids[source]! }, null);
  }
  await lt.flush();
  return { seeded: true, users };
}
