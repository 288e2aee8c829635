/**
 * The demo province's wider catalogue (issue 4 "Demo"): the resources the seven source bodies
 * list beyond the few that carry mounted demo data, so that the catalogue, search, facets,
 * grading and the CDO evaluation have a believable spread. Titles follow the naming of
 * Guangdong's 一网共享 catalogue; the fields are typed freely (no data is mounted for these).
 */
import type { GradeInput, NewResource } from '../modules/catalog/index.js';

/** Seeded category ids (catalog migration 20261124T1000_catalog_resources). */
export const CATEGORY = {
  population: 'cat_base0000000000000001',
  legalPerson: 'cat_base0000000000000002',
  geospatial: 'cat_base0000000000000003',
  eLicence: 'cat_base0000000000000004',
  credit: 'cat_theme000000000000001',
  finance: 'cat_theme000000000000002',
  health: 'cat_theme000000000000003',
  transport: 'cat_theme000000000000004',
  ecology: 'cat_theme000000000000005',
  marketRegulation: 'cat_theme000000000000006',
} as const;

type Frequency = NewResource['updateFrequency'];
type Sharing = NonNullable<NewResource['sharing']>;
type Open = NonNullable<NewResource['open']>;

export interface CatalogueEntry {
  org: string;
  state: 'draft' | 'submitted' | 'published';
  title: { zh: string; en: string };
  categoryId: string;
  updateFrequency: Frequency;
  format: 'table' | 'api' | 'file';
  sharing: Sharing;
  open: Open;
  /** name, zh label, en label, data type, general level (1–4) or 'important'. */
  fields: Array<[string, string, string, 'string' | 'integer' | 'decimal' | 'date', number | 'important']>;
  system?: string;
}

const U: Sharing = { type: 'unconditional' };
const C = (zh: string): Sharing => ({ type: 'conditional', conditions: zh });
const N = (basis: string): Sharing => ({ type: 'none', legalBasis: basis });
const OPEN: Open = { type: 'unconditional' };
const OPEN_C = (zh: string): Open => ({ type: 'conditional', conditions: zh });
const CLOSED: Open = { type: 'none' };

export function gradeOf(level: number | 'important'): GradeInput {
  return level === 'important' ? { level: 'important', personalInfo: 'none' } : { level: 'general', generalLevel: level, personalInfo: 'none' };
}

const e = (org: string, state: CatalogueEntry['state'], zh: string, en: string, categoryId: string, updateFrequency: Frequency, format: CatalogueEntry['format'], sharing: Sharing, open: Open, fields: CatalogueEntry['fields'], system?: string): CatalogueEntry =>
  ({ org, state, title: { zh, en }, categoryId, updateFrequency, format, sharing, open, fields, ...(system ? { system } : {}) });

const ORG_KEY: CatalogueEntry['fields'][number] = ['uscc', '统一社会信用代码', 'Unified social credit code', 'string', 1];
const PUB = 'published' as const;

export const CATALOGUE: CatalogueEntry[] = [
  // 公安厅 — population base (人口库) and public security services
  e('police', PUB, '户籍迁移登记信息', 'Household registration transfers', CATEGORY.population, 'daily', 'table', C('仅限政务部门依法办理户籍相关业务。'), CLOSED, [['transfer_id', '迁移编号', 'Transfer number', 'string', 2], ['district', '迁入地区划', 'Destination division', 'string', 1], ['date', '迁移日期', 'Date', 'date', 1]], '人口信息管理系统'),
  e('police', PUB, '居民身份证签发信息', 'Resident identity card issuance', CATEGORY.eLicence, 'daily', 'api', C('仅限身份核验，按最小必要字段共享。'), CLOSED, [['card_no', '证件编号', 'Card number', 'string', 3], ['issued', '签发日期', 'Issued on', 'date', 2]], '居民身份证管理系统'),
  e('police', PUB, '机动车驾驶证信息', "Driving licences", CATEGORY.eLicence, 'daily', 'api', C('仅限交通、保险等依法履职场景。'), CLOSED, [['licence_no', '驾驶证号', 'Licence number', 'string', 3], ['class', '准驾车型', 'Vehicle class', 'string', 1], ['valid_to', '有效期至', 'Valid to', 'date', 1]], '交通管理信息系统'),
  e('police', PUB, '出入境证件办理进度', 'Exit-entry document processing status', CATEGORY.eLicence, 'realtime', 'api', U, CLOSED, [['application_no', '受理编号', 'Application number', 'string', 2], ['status', '办理状态', 'Status', 'string', 1]]),
  e('police', PUB, '派出所辖区范围', 'Police station jurisdictions', CATEGORY.geospatial, 'yearly', 'file', U, OPEN, [['station', '派出所', 'Station', 'string', 1], ['district', '行政区划', 'Division', 'string', 1]]),
  e('police', 'submitted', '流动人口居住登记', 'Residence registrations of the floating population', CATEGORY.population, 'daily', 'table', C('仅限政务部门依法履职。'), CLOSED, [['registration_no', '登记编号', 'Registration number', 'string', 3], ['district', '居住地区划', 'Division', 'string', 1]]),
  e('police', 'draft', '重点场所治安信息', 'Public-order information of key sites', CATEGORY.geospatial, 'irregular', 'table', N('涉及国家安全与公共安全，依《数据安全法》不予共享。'), CLOSED, [['site_id', '场所编号', 'Site', 'string', 'important']]),
  // 市场监管局 — legal persons (法人库) and market regulation
  e('regulator', PUB, '行政许可信息', 'Administrative licences', CATEGORY.marketRegulation, 'daily', 'table', U, OPEN, [ORG_KEY, ['licence', '许可事项', 'Licensed activity', 'string', 1], ['valid_to', '有效期至', 'Valid to', 'date', 1]], '市场主体登记系统'),
  e('regulator', PUB, '行政处罚信息', 'Administrative penalties', CATEGORY.credit, 'daily', 'table', U, OPEN, [ORG_KEY, ['decision_no', '处罚决定书文号', 'Decision number', 'string', 1], ['date', '处罚日期', 'Date', 'date', 1]], '市场监管执法办案系统'),
  e('regulator', PUB, '经营异常名录', 'List of abnormal operations', CATEGORY.credit, 'daily', 'table', U, OPEN, [ORG_KEY, ['reason', '列入原因', 'Reason', 'string', 1], ['listed', '列入日期', 'Listed on', 'date', 1]], '企业信用信息公示系统'),
  e('regulator', PUB, '严重违法失信名单', 'Serious illegal and dishonest list', CATEGORY.credit, 'daily', 'table', U, OPEN, [ORG_KEY, ['listed', '列入日期', 'Listed on', 'date', 1]], '企业信用信息公示系统'),
  e('regulator', PUB, '食品生产许可证', 'Food production licences', CATEGORY.eLicence, 'daily', 'api', U, OPEN, [ORG_KEY, ['licence_no', '许可证编号', 'Licence number', 'string', 1]]),
  e('regulator', PUB, '特种设备登记信息', 'Special equipment registrations', CATEGORY.marketRegulation, 'monthly', 'table', C('仅限安全监管部门使用。'), CLOSED, [['equipment_no', '设备编号', 'Equipment number', 'string', 2], ORG_KEY]),
  e('regulator', PUB, '企业股权出质登记', 'Equity pledge registrations', CATEGORY.finance, 'daily', 'table', C('仅限金融机构贷前核查。'), OPEN_C('经申请并签署数据使用协议后开放。'), [ORG_KEY, ['pledgee', '质权人', 'Pledgee', 'string', 2], ['amount', '出质股权数额', 'Pledged equity', 'decimal', 2]]),
  // 电网 — power-grid company (a public enterprise, 公共企事业单位)
  e('grid', PUB, '企业用电户档案', 'Enterprise electricity accounts', CATEGORY.credit, 'monthly', 'table', C('仅限金融机构在企业授权后使用。'), CLOSED, [ORG_KEY, ['account_no', '用电户号', 'Account number', 'string', 2], ['voltage', '电压等级', 'Voltage class', 'string', 1]], '电力营销系统'),
  e('grid', PUB, '分行业用电量统计', 'Electricity consumption by industry', CATEGORY.ecology, 'monthly', 'table', U, OPEN, [['industry', '行业', 'Industry', 'string', 1], ['month', '月份', 'Month', 'string', 1], ['kwh', '用电量', 'Consumption', 'decimal', 1]]),
  e('grid', PUB, '停电计划公告', 'Planned power outages', CATEGORY.geospatial, 'daily', 'api', U, OPEN, [['area', '停电区域', 'Area', 'string', 1], ['from', '开始时间', 'From', 'date', 1], ['to', '结束时间', 'To', 'date', 1]]),
  e('grid', PUB, '充电桩分布', 'EV charging points', CATEGORY.transport, 'weekly', 'table', U, OPEN, [['pile_id', '充电桩编号', 'Charging point', 'string', 1], ['lon', '经度', 'Longitude', 'decimal', 1], ['lat', '纬度', 'Latitude', 'decimal', 1]]),
  e('grid', 'submitted', '企业欠费停电记录', 'Disconnections for arrears', CATEGORY.credit, 'monthly', 'table', C('仅限金融机构在企业授权后使用。'), CLOSED, [ORG_KEY, ['month', '月份', 'Month', 'string', 1]], '电力营销系统'),
  // 税务局 — tax
  e('tax', PUB, '纳税人登记信息', 'Taxpayer registrations', CATEGORY.legalPerson, 'daily', 'table', C('仅限政务部门依法履职。'), CLOSED, [ORG_KEY, ['taxpayer_type', '纳税人类型', 'Taxpayer type', 'string', 1]], '金税系统'),
  e('tax', PUB, '欠税公告', 'Tax arrears announcements', CATEGORY.credit, 'quarterly', 'table', U, OPEN, [ORG_KEY, ['amount', '欠税金额', 'Arrears', 'decimal', 1]], '金税系统'),
  e('tax', PUB, '重大税收违法失信主体', 'Major tax violators', CATEGORY.credit, 'monthly', 'table', U, OPEN, [ORG_KEY, ['case', '案件性质', 'Nature of case', 'string', 1]], '金税系统'),
  e('tax', PUB, '企业年度纳税额', 'Annual tax paid by enterprises', CATEGORY.finance, 'yearly', 'table', C('仅限金融机构在企业授权后用于信贷审批（银税互动）。'), CLOSED, [ORG_KEY, ['year', '年度', 'Year', 'integer', 1], ['paid', '纳税额', 'Tax paid', 'decimal', 3]], '金税系统'),
  e('tax', PUB, '发票开具汇总', 'Invoicing totals', CATEGORY.finance, 'monthly', 'table', C('仅限金融机构在企业授权后使用。'), CLOSED, [ORG_KEY, ['month', '月份', 'Month', 'string', 1], ['amount', '开票金额', 'Invoiced amount', 'decimal', 3]], '增值税发票管理系统'),
  e('tax', 'draft', '出口退税办理信息', 'Export tax rebates', CATEGORY.finance, 'monthly', 'table', C('仅限海关、商务部门使用。'), CLOSED, [ORG_KEY, ['amount', '退税额', 'Rebate', 'decimal', 3]]),
  // 人社厅 — social insurance and employment
  e('hrss', PUB, '参保单位登记信息', 'Insured employer registrations', CATEGORY.legalPerson, 'daily', 'table', C('仅限政务部门依法履职。'), CLOSED, [ORG_KEY, ['insurance_types', '参保险种', 'Insurance types', 'string', 1]], '社会保险信息系统'),
  e('hrss', PUB, '个人参保证明', 'Personal insurance certificates', CATEGORY.eLicence, 'realtime', 'api', C('本人授权后使用。'), CLOSED, [['id_number', '公民身份号码', 'Citizen identity number', 'string', 'important'], ['months', '累计缴费月数', 'Months paid', 'integer', 3]], '社会保险信息系统'),
  e('hrss', PUB, '职业技能等级证书', 'Vocational skill certificates', CATEGORY.eLicence, 'daily', 'api', C('本人授权后使用。'), CLOSED, [['certificate_no', '证书编号', 'Certificate number', 'string', 2], ['occupation', '职业', 'Occupation', 'string', 1]]),
  e('hrss', PUB, '公共就业服务机构名录', 'Public employment service offices', CATEGORY.geospatial, 'yearly', 'file', U, OPEN, [['name', '机构名称', 'Office', 'string', 1], ['address', '地址', 'Address', 'string', 1]]),
  e('hrss', PUB, '月度招聘岗位统计', 'Monthly job vacancies', CATEGORY.marketRegulation, 'monthly', 'table', U, OPEN, [['industry', '行业', 'Industry', 'string', 1], ['month', '月份', 'Month', 'string', 1], ['vacancies', '岗位数', 'Vacancies', 'integer', 1]]),
  e('hrss', 'submitted', '工伤认定结论', 'Work-injury determinations', CATEGORY.health, 'daily', 'table', C('仅限医保、法院依法使用。'), CLOSED, [['case_no', '认定编号', 'Case number', 'string', 3]]),
  // 交通运输厅 — transport (open data)
  e('transport', PUB, '公交线路信息', 'Bus routes', CATEGORY.transport, 'monthly', 'table', U, OPEN, [['line', '线路', 'Line', 'string', 1], ['first_bus', '首班时间', 'First bus', 'string', 1], ['last_bus', '末班时间', 'Last bus', 'string', 1]], '公交运营监管平台'),
  e('transport', PUB, '道路运输经营许可', 'Road transport operating permits', CATEGORY.eLicence, 'daily', 'table', U, OPEN, [ORG_KEY, ['permit_no', '许可证号', 'Permit number', 'string', 1]], '道路运政管理系统'),
  e('transport', PUB, '高速公路实时路况', 'Expressway traffic conditions', CATEGORY.transport, 'realtime', 'api', U, OPEN, [['section', '路段', 'Section', 'string', 1], ['speed', '平均车速', 'Average speed', 'decimal', 1]]),
  e('transport', PUB, '港口货物吞吐量', 'Port cargo throughput', CATEGORY.transport, 'monthly', 'table', U, OPEN, [['port', '港口', 'Port', 'string', 1], ['month', '月份', 'Month', 'string', 1], ['tonnes', '吞吐量', 'Throughput', 'decimal', 1]]),
  e('transport', PUB, '网约车平台合规率', 'Ride-hailing compliance rates', CATEGORY.transport, 'monthly', 'table', U, OPEN_C('经申请并签署数据使用协议后开放。'), [['platform', '平台', 'Platform', 'string', 1], ['rate', '合规率', 'Compliance rate', 'decimal', 2]]),
  e('transport', PUB, '营运车辆动态监控', 'Commercial vehicle tracking', CATEGORY.transport, 'realtime', 'api', C('仅限交通执法使用。'), CLOSED, [['plate', '车牌号', 'Plate', 'string', 3], ['lon', '经度', 'Longitude', 'decimal', 3], ['lat', '纬度', 'Latitude', 'decimal', 3]], '重点营运车辆联网联控系统'),
  e('transport', 'draft', '港航船舶进出港记录', 'Vessel port calls', CATEGORY.transport, 'realtime', 'api', C('仅限海事、海关使用。'), CLOSED, [['vessel', '船舶识别号', 'Vessel', 'string', 2]]),
  // 气象局 — weather (open data)
  e('weather', PUB, '城市天气预报', 'City weather forecasts', CATEGORY.ecology, 'daily', 'api', U, OPEN, [['city', '城市', 'City', 'string', 1], ['date', '日期', 'Date', 'date', 1], ['forecast', '预报', 'Forecast', 'string', 1]], '气象业务系统'),
  e('weather', PUB, '台风路径', 'Typhoon tracks', CATEGORY.ecology, 'realtime', 'api', U, OPEN, [['typhoon', '台风编号', 'Typhoon', 'string', 1], ['time', '时间', 'Time', 'date', 1], ['lon', '经度', 'Longitude', 'decimal', 1], ['lat', '纬度', 'Latitude', 'decimal', 1]]),
  e('weather', PUB, '气象灾害预警信号', 'Weather warning signals', CATEGORY.ecology, 'realtime', 'api', U, OPEN, [['area', '区域', 'Area', 'string', 1], ['signal', '预警信号', 'Signal', 'string', 1]]),
  e('weather', PUB, '空气质量日报', 'Daily air quality', CATEGORY.ecology, 'daily', 'table', U, OPEN, [['city', '城市', 'City', 'string', 1], ['date', '日期', 'Date', 'date', 1], ['aqi', '空气质量指数', 'AQI', 'integer', 1]]),
  e('weather', PUB, '自动气象站分钟数据', 'Automatic weather station minute data', CATEGORY.ecology, 'realtime', 'api', U, OPEN_C('经申请并签署数据使用协议后开放（科研用途）。'), [['station', '站点', 'Station', 'string', 1], ['time', '时间', 'Time', 'date', 1], ['temp', '气温', 'Temperature', 'decimal', 1]]),
  e('weather', 'submitted', '农业气象服务产品', 'Agro-meteorological products', CATEGORY.ecology, 'weekly', 'file', U, OPEN, [['region', '区域', 'Region', 'string', 1], ['advice', '农事建议', 'Advice', 'string', 1]]),
];
