/**
 * Demo data for `liutong start --demo`: the organisations of the 电费贷 story (a data bureau, a
 * regulator, the power-grid company, a bank, the exchange and two enterprises, plus public
 * security as the source of population data) with users, the bureau's data element standard
 * (公共数据元) and a first resource catalog with its grading (分类分级), all created through the
 * same services the API uses, so every object has its evidence event. Later modules extend this file.
 */
import type { Liutong } from '../liutong.app.js';
import type { FieldInput, GradeInput, NewElement, NewResource } from '../modules/catalog/index.js';
import { makeUscc, type NewOrganisation } from '../modules/identity/index.js';
import type { MemberRole } from '../platform/http/access.js';
import { CATALOGUE, gradeOf } from './demo.catalogue.js';
import { seedLists, seedSystems } from './demo.lists.js';
import { seedCdo } from './demo.cdo.js';
import { seedSharing } from './demo.sharing.js';
import { seedOpendata } from './demo.opendata.js';
import { seedRegistry } from './demo.registry.js';
import { seedExchange } from './demo.exchange.js';
import { seedMarket } from './demo.market.js';
import { seedAuthorization } from './demo.authorization.js';
import { DemoData, seedResourceData, type DemoDataset } from './demo.mounts.js';

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
  { key: 'tax', name: { zh: '国家税务总局广东省税务局（演示）', en: 'Guangdong Provincial Tax Service, STA (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9TAX0'), roles: ['source_unit'],
    users: [{ username: 'tax', displayName: '税务数据管理员', memberRole: 'org_admin' }] },
  { key: 'hrss', name: { zh: '广东省人力资源和社会保障厅（演示）', en: 'Guangdong Human Resources and Social Security Department (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9HRL0'), roles: ['source_unit'],
    users: [{ username: 'hrss', displayName: '社保数据管理员', memberRole: 'org_admin' }] },
  { key: 'transport', name: { zh: '广东省交通运输厅（演示）', en: 'Guangdong Transport Department (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9JTT0'), roles: ['source_unit'],
    users: [{ username: 'transport', displayName: '交通数据管理员', memberRole: 'org_admin' }] },
  { key: 'weather', name: { zh: '广东省气象局（演示）', en: 'Guangdong Meteorological Service (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9QXJ0'), roles: ['source_unit'],
    users: [{ username: 'weather', displayName: '气象数据管理员', memberRole: 'org_admin' }] },
  { key: 'grid', name: { zh: '广东电网有限责任公司（演示）', en: 'Guangdong Power Grid Co., Ltd. (demo)' }, type: 'public_enterprise', uscc: makeUscc('91440000DEM0GR1D0'), roles: ['source_unit'],
    users: [{ username: 'grid', displayName: '电网数据管理员', memberRole: 'org_admin' }] },
  { key: 'bank', name: { zh: '广州某商业银行（演示）', en: 'Guangzhou Commercial Bank (demo)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0BANK0'), roles: ['enterprise'],
    users: [{ username: 'bank', displayName: '信贷经理', memberRole: 'org_admin', phone: '13800000001' }] },
  { key: 'exchange', name: { zh: '广州数据交易所（演示）', en: 'Guangzhou Data Exchange (demo)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0EXCH0'), roles: ['exchange'],
    users: [{ username: 'exchange', displayName: '交易所运营', memberRole: 'org_admin' }, { username: 'exchange.finance', displayName: '交易所清算岗', memberRole: 'finance' }] },
  { key: 'factory', name: { zh: '佛山某制造有限公司（演示）', en: 'Foshan Manufacturing Co., Ltd. (demo)' }, type: 'enterprise', uscc: makeUscc('91440604DEM0FACT0'), roles: ['enterprise'],
    users: [{ username: 'factory', displayName: '企业法人代表', memberRole: 'org_admin' }, { username: 'factory.finance', displayName: '财务', memberRole: 'finance' }] },
  { key: 'analytics', name: { zh: '深圳某数据科技有限公司（演示）', en: 'Shenzhen Data Analytics Co., Ltd. (demo)' }, type: 'enterprise', uscc: makeUscc('91440300DEM0ANLY0'), roles: ['enterprise', 'data_merchant', 'operator'],
    users: [{ username: 'analytics', displayName: '数据产品经理', memberRole: 'org_admin' }] },
  // Two data brokers (数据经纪人), certified by the data bureau and members of the exchange (demo.exchange.ts).
  { key: 'broker1', name: { zh: '广州某数据经纪有限公司（演示）', en: 'Guangzhou Data Brokerage Co., Ltd. (demo)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0BRK10'), roles: ['broker'],
    users: [{ username: 'broker1', displayName: '持证经纪人', memberRole: 'org_admin' }] },
  { key: 'broker2', name: { zh: '深圳某数据撮合服务有限公司（演示）', en: 'Shenzhen Data Matching Services Co., Ltd. (demo)' }, type: 'enterprise', uscc: makeUscc('91440300DEM0BRK20'), roles: ['broker'],
    users: [{ username: 'broker2', displayName: '持证经纪人', memberRole: 'org_admin' }] },
  // Experts of the compliance committee's reviewer pool (数据资产登记合规委员会), one per kind of expertise.
  { key: 'compliance', name: { zh: '广东数据资产合规服务中心（演示）', en: 'Guangdong Data Asset Compliance Services (demo)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0CMPL0'), roles: ['service_provider'],
    users: [
      { username: 'expert.legal', displayName: '法律专家', memberRole: 'staff' }, { username: 'expert.industry', displayName: '行业专家', memberRole: 'staff' },
      { username: 'expert.valuation', displayName: '评估专家', memberRole: 'staff' }, { username: 'expert.technical', displayName: '技术专家', memberRole: 'staff' },
      { username: 'expert.security', displayName: '安全专家', memberRole: 'org_admin' },
    ] },
  // Third-party service providers of the exchange (demo.exchange.ts): arbitration of trade disputes; data insurance and custody.
  { key: 'arbitration', name: { zh: '广州仲裁委员会数据交易仲裁中心（演示）', en: 'Guangzhou Arbitration Commission Data Trade Centre (demo)' }, type: 'public_institution', uscc: makeUscc('12440100DEM0ARB00'), roles: ['service_provider'],
    users: [{ username: 'arbitrator', displayName: '仲裁员', memberRole: 'org_admin' }] },
  { key: 'insurer', name: { zh: '某财产保险股份有限公司广东分公司（演示）', en: 'Property Insurance Co., Guangdong Branch (demo)' }, type: 'enterprise', uscc: makeUscc('91440101DEM0PNC10'), roles: ['service_provider'],
    users: [{ username: 'insurer', displayName: '数据保险与托管业务经理', memberRole: 'org_admin' }] },
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

// Seeded category ids (catalog migration 20261124T1000_catalog_resources).
const CAT = { population: 'cat_base0000000000000001', legalPerson: 'cat_base0000000000000002', geospatial: 'cat_base0000000000000003', credit: 'cat_theme000000000000001', finance: 'cat_theme000000000000002', transport: 'cat_theme000000000000004', ecology: 'cat_theme000000000000005', marketRegulation: 'cat_theme000000000000006' };
const free = (name: string, zh: string, en: string, dataType: 'string' | 'integer' | 'decimal' | 'date', grade: GradeInput, key = false) => ({ name, label: { zh, en }, dataType, grade, key });
const general = (generalLevel: number, personalInfo: GradeInput['personalInfo'] = 'none'): GradeInput => ({ level: 'general', generalLevel, personalInfo });
const el = (name: string, zh: string, en: string, element: string, grade: GradeInput, key = false) => ({ name, label: { zh, en }, element, grade, key });

/**
 * The resource catalog (数据资源目录): who catalogues what, how far it has got, and its grading
 * (分类分级) with sharing and open attributes. `element` names a data element by identifier.
 */
const RESOURCES: Array<{ org: string; state: 'draft' | 'submitted' | 'published'; resource: Omit<NewResource, 'fields'>; fields: Array<Omit<FieldInput, 'elementId'> & { element?: string }>; data?: DemoDataset }> = [
  { org: 'grid', state: 'published',
    resource: { title: { zh: '企业月度用电量', en: 'Monthly electricity usage of enterprises' }, description: { zh: '全省用电企业按月的有功用电量，按统一社会信用代码归集。', en: 'Monthly active energy used by each enterprise in the province, keyed by its unified social credit code.' },
      categoryId: CAT.credit, systemName: '电力营销系统', updateFrequency: 'monthly', timeSpan: { from: '2024-11-01', to: '2026-10-31' }, coverage: '广东省', format: 'table',
      sharing: { type: 'conditional', conditions: '仅限金融机构在企业授权后用于信贷审批（电费贷）。' }, open: { type: 'none' } },
    fields: [el('uscc', '统一社会信用代码', 'Unified social credit code', 'DE.ORG.USCC', general(1), true), el('month', '账期月份', 'Billing month', 'DE.ELEC.MONTH', general(1), true), el('kwh', '月用电量', 'Monthly consumption', 'DE.ELEC.KWH', general(2)), el('fee', '电费金额', 'Electricity charge', 'DE.ELEC.FEE', general(2))],
    data: 'electricity' },
  { org: 'police', state: 'published',
    resource: { title: { zh: '人口基础信息', en: 'Population base information' }, description: { zh: '人口库的户籍人口基础信息。', en: 'Basic information on registered residents from the population base.' },
      categoryId: CAT.population, systemName: '人口信息管理系统', updateFrequency: 'daily', coverage: '广东省', format: 'table',
      sharing: { type: 'conditional', conditions: '仅限政务部门依法履职核验身份，按最小必要字段共享。' }, open: { type: 'none', legalBasis: '《个人信息保护法》第二十八条：含敏感个人信息，不予开放。' } },
    fields: [el('id_number', '公民身份号码', 'Citizen identity number', 'DE.PERSON.ID', { level: 'important', personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] }, true),
      free('name', '姓名', 'Name', 'string', general(3, 'personal')), el('sex', '性别', 'Sex', 'DE.PERSON.SEX', general(2, 'personal')), free('birth_date', '出生日期', 'Date of birth', 'date', general(3, 'personal')),
      el('mobile', '手机号码', 'Mobile number', 'DE.PERSON.MOBILE', general(3, 'personal')), free('address', '户籍地址', 'Registered address', 'string', general(3, 'personal'))],
    data: 'population' },
  { org: 'regulator', state: 'published',
    resource: { title: { zh: '企业登记信息', en: 'Enterprise registration information' }, description: { zh: '市场主体登记的企业名称与统一社会信用代码。', en: 'Names and unified social credit codes of registered enterprises.' },
      categoryId: CAT.legalPerson, systemName: '市场主体登记系统', updateFrequency: 'daily', coverage: '广东省', format: 'table',
      sharing: { type: 'unconditional' }, open: { type: 'unconditional' } },
    fields: [el('uscc', '统一社会信用代码', 'Unified social credit code', 'DE.ORG.USCC', general(1), true), el('name', '企业名称', 'Enterprise name', 'DE.ORG.NAME', general(1)),
      // 法定代表人 is disclosed under 企业信息公示暂行条例 Art. 8: personal information, openly published.
      free('legal_rep', '法定代表人', 'Legal representative', 'string', general(2, 'personal')), free('industry', '行业门类', 'Industry (GB/T 4754)', 'string', general(1)),
      free('district', '登记机关区划', 'Registration division', 'string', general(1)), free('registered_capital', '注册资本（元）', 'Registered capital (yuan)', 'decimal', general(1)),
      free('established', '成立日期', 'Established', 'date', general(1)), free('status', '登记状态', 'Status', 'string', general(1))],
    data: 'companies' },
  { org: 'tax', state: 'published',
    resource: { title: { zh: '纳税信用等级评价结果', en: 'Tax credit ratings' }, description: { zh: '企业年度纳税信用等级（A/B/M/C/D）。', en: 'Annual tax credit rating of each enterprise (A/B/M/C/D).' },
      categoryId: CAT.credit, systemName: '金税系统', updateFrequency: 'yearly', coverage: '广东省', format: 'table',
      sharing: { type: 'conditional', conditions: '仅限金融机构在企业授权后用于信贷审批（银税互动）。' }, open: { type: 'none' } },
    fields: [el('uscc', '统一社会信用代码', 'Unified social credit code', 'DE.ORG.USCC', general(1), true), free('year', '评价年度', 'Year', 'string', general(1), true), free('rating', '纳税信用等级', 'Rating', 'string', general(2))],
    data: 'tax' },
  { org: 'hrss', state: 'published',
    resource: { title: { zh: '企业社会保险缴费信息', en: 'Social insurance payments of enterprises' }, description: { zh: '参保单位按月的参保人数与缴费金额。', en: 'Monthly insured headcount and contributions paid by each employer.' },
      categoryId: CAT.finance, systemName: '社会保险信息系统', updateFrequency: 'monthly', coverage: '广东省', format: 'table',
      sharing: { type: 'conditional', conditions: '仅限政务部门依法履职及金融机构在企业授权后使用。' }, open: { type: 'none' } },
    fields: [el('uscc', '统一社会信用代码', 'Unified social credit code', 'DE.ORG.USCC', general(1), true), free('month', '缴费月份', 'Month', 'string', general(1), true),
      free('insured', '参保人数', 'Insured headcount', 'integer', general(2)), free('paid', '缴费金额（元）', 'Contributions (yuan)', 'decimal', general(2))],
    data: 'social_insurance' },
  { org: 'hrss', state: 'published',
    resource: { title: { zh: '个人社会保险缴费信息', en: 'Personal social insurance contributions' }, description: { zh: '参保人按月的缴费基数与个人缴费额。', en: "Each insured person's monthly contribution base and personal contribution." },
      categoryId: CAT.population, systemName: '社会保险信息系统', updateFrequency: 'monthly', coverage: '广东省', format: 'table',
      sharing: { type: 'conditional', conditions: '仅限政务部门依法履职，或经本人授权后提供给被授权方。' }, open: { type: 'none', legalBasis: '《个人信息保护法》第二十八条：含敏感个人信息，不予开放。' } },
    fields: [el('id_number', '公民身份号码', 'Citizen identity number', 'DE.PERSON.ID', { level: 'important', personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] }, true),
      free('month', '缴费月份', 'Month', 'string', general(1), true), free('base', '缴费基数（元）', 'Contribution base (yuan)', 'decimal', { ...general(4, 'sensitive'), sensitiveCategories: ['financial_accounts'] }),
      free('paid', '个人缴费（元）', 'Personal contribution (yuan)', 'decimal', { ...general(4, 'sensitive'), sensitiveCategories: ['financial_accounts'] })],
    data: 'personal_insurance' },
  { org: 'transport', state: 'published',
    resource: { title: { zh: '公交站点信息', en: 'Bus stops' }, description: { zh: '全省公交站点名称、途经线路与坐标（WGS-84）。', en: 'Bus stop names, lines and WGS-84 coordinates across the province.' },
      categoryId: CAT.transport, systemName: '公交运营监管平台', updateFrequency: 'monthly', coverage: '广东省', format: 'table',
      sharing: { type: 'unconditional' }, open: { type: 'unconditional' } },
    fields: [free('stop_id', '站点编号', 'Stop id', 'string', general(1), true), free('name', '站点名称', 'Name', 'string', general(1)), free('district', '所在区划', 'Division', 'string', general(1)),
      free('lines', '途经线路', 'Lines', 'string', general(1)), free('lon', '经度', 'Longitude', 'decimal', general(1)), free('lat', '纬度', 'Latitude', 'decimal', general(1))],
    data: 'bus_stops' },
  { org: 'weather', state: 'published',
    resource: { title: { zh: '地市逐日天气实况', en: 'Daily weather by city' }, description: { zh: '全省21个地级以上市逐日最高、最低气温与降水量。', en: 'Daily maximum and minimum temperature and rainfall in the 21 prefecture-level cities.' },
      categoryId: CAT.ecology, systemName: '气象业务系统', updateFrequency: 'daily', coverage: '广东省', format: 'table',
      sharing: { type: 'unconditional' }, open: { type: 'unconditional' } },
    fields: [free('city', '城市', 'City', 'string', general(1), true), free('date', '日期', 'Date', 'date', general(1), true), free('t_max', '最高气温（℃）', 'Max temperature (°C)', 'decimal', general(1)),
      free('t_min', '最低气温（℃）', 'Min temperature (°C)', 'decimal', general(1)), free('rain_mm', '降水量（毫米）', 'Rainfall (mm)', 'decimal', general(1))],
    data: 'weather' },
  { org: 'grid', state: 'draft',
    resource: { title: { zh: '企业电费缴纳明细', en: 'Electricity bill payments of enterprises' }, categoryId: CAT.credit, systemName: '电力营销系统', updateFrequency: 'monthly', format: 'table' },
    fields: [el('uscc', '统一社会信用代码', 'Unified social credit code', 'DE.ORG.USCC', general(1), true), el('fee', '电费金额', 'Electricity charge', 'DE.ELEC.FEE', general(2)),
      el('debit_card', '代扣银行卡号', 'Direct-debit bank card', 'DE.ELEC.DEBIT_CARD', { ...general(4, 'sensitive'), sensitiveCategories: ['financial_accounts'] })] },
  { org: 'regulator', state: 'submitted',
    resource: { title: { zh: '企业年度报告', en: 'Enterprise annual reports' }, categoryId: CAT.marketRegulation, systemName: '企业信用信息公示系统', updateFrequency: 'yearly', format: 'file',
      sharing: { type: 'unconditional' }, open: { type: 'conditional', conditions: '经申请并签署数据使用协议后开放。' } },
    fields: [el('uscc', '统一社会信用代码', 'Unified social credit code', 'DE.ORG.USCC', general(1), true), { name: 'year', label: { zh: '年度', en: 'Year' }, dataType: 'integer', grade: general(1) }] },
  { org: 'analytics', state: 'published',
    resource: { title: { zh: '中小企业经营景气指数', en: 'SME business climate index' }, description: { zh: '本公司自有的社会数据，按行业和月份汇总。', en: "The company's own social data, aggregated by industry and month." },
      categoryId: CAT.credit, updateFrequency: 'monthly', format: 'file' },
    fields: [{ name: 'industry', label: { zh: '行业', en: 'Industry' }, dataType: 'string', key: true, grade: general(1) }, { name: 'month', label: { zh: '月份', en: 'Month' }, dataType: 'string', key: true, grade: general(1) }, { name: 'index', label: { zh: '景气指数', en: 'Index' }, dataType: 'decimal', grade: general(2) }] },
];

export interface DemoSeedResult {
  seeded: boolean;
  users: Array<{ username: string; organisation: string; memberRole: MemberRole }>;
}

export interface DemoSeedOptions {
  /** Share of the full demo datasets to mount (1 = 50,000 residents, 10,000 companies, …). */
  scale?: number;
}

export async function seedDemo(lt: Liutong, password: string, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const existing = await lt.identity.organisations.list({ q: ORGS[0]!.uscc!, page: 1, pageSize: 1, sort: 'createdAt', order: 'asc' });
  const users = [
    ...ORGS.flatMap((o) => o.users.map((u) => ({ username: u.username, organisation: o.name.zh, memberRole: u.memberRole }))),
    // A resident of the population base who signed up (demo.authorization.ts): her personal space.
    { username: 'citizen', organisation: '个人账户（演示居民）', memberRole: 'org_admin' as MemberRole },
  ];
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
  const elementIds: Record<string, string> = {};
  for (const { source, ...element } of ELEMENTS) {
    elementIds[element.identifier] = (await lt.catalog.elements.create(ids.bureau!, { ...element, sourceOrgId: ids[source]! }, null)).id;
  }
  // The resource catalog: catalogued by each source, submitted, and published (public data by the
  // bureau, social data by its own organisation — here the platform acts for both).
  const data = new DemoData(options.scale ?? 1);
  for (const { org, state, resource, fields, data: dataset } of RESOURCES) {
    const created = await lt.catalog.resources.create(ids[org]!, { ...resource, fields: fields.map(({ element, ...f }) => (element ? { ...f, elementId: elementIds[element]! } : f)) }, null);
    // Mounted data and its quality report (demo.mounts.ts), before publishing passes the quality gate.
    if (dataset) await seedResourceData(lt, created.id, data, dataset);
    if (state === 'draft') continue;
    await lt.catalog.resources.submit(created.id, null);
    if (state === 'published') await lt.catalog.resources.publish(created.id, null);
  }
  // The wider catalogue of the seven source bodies (metadata only, see demo.catalogue.ts), each
  // resource declaring its body's information system (系统清单, demo.lists.ts).
  const systemIds = await seedSystems(lt, ids);
  for (const c of CATALOGUE) {
    const created = await lt.catalog.resources.create(ids[c.org]!, {
      title: c.title, categoryId: c.categoryId, updateFrequency: c.updateFrequency, format: c.format, sharing: c.sharing, open: c.open,
      ...(c.system ? { systemName: c.system, systemId: systemIds.get(`${c.org}/${c.system}`) } : {}),
      fields: c.fields.map(([name, zh, en, dataType, level], i) => ({ name, label: { zh, en }, dataType, key: i === 0, grade: gradeOf(level) })),
    }, null);
    if (c.state === 'draft') continue;
    await lt.catalog.resources.submit(created.id, null);
    if (c.state === 'published') await lt.catalog.resources.publish(created.id, null);
  }
  await seedLists(lt, ids);
  await seedCdo(lt, ids);
  await seedSharing(lt, ids);
  await seedOpendata(lt, ids);
  await seedAuthorization(lt, ids, data, password);
  await seedRegistry(lt, ids);
  await seedExchange(lt, ids);
  await seedMarket(lt, ids);
  await lt.flush();
  return { seeded: true, users };
}
