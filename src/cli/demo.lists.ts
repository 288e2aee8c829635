/**
 * Demo data of the three lists (三清单): each body's information systems (the catalogue's
 * resources declare them), a few demands — one matched, one open, one closed — and one entry of
 * the data bureau's important-data catalogue. Through the same services as the API.
 */
import type { Liutong } from '../liutong.app.js';

const SYSTEMS: Array<{ org: string; zh: string; en: string; department: string; year: number; hosting: string }> = [
  { org: 'grid', zh: '电力营销系统', en: 'Power marketing system', department: '市场营销部', year: 2016, hosting: '企业私有云' },
  { org: 'hrss', zh: '社会保险信息系统', en: 'Social insurance information system', department: '信息中心', year: 2012, hosting: '政务云' },
  { org: 'police', zh: '交通管理信息系统', en: 'Traffic management information system', department: '交通管理局', year: 2010, hosting: '公安专网' },
  { org: 'police', zh: '人口信息管理系统', en: 'Population information system', department: '治安管理局', year: 2008, hosting: '公安专网' },
  { org: 'police', zh: '居民身份证管理系统', en: 'Resident identity card system', department: '治安管理局', year: 2009, hosting: '公安专网' },
  { org: 'regulator', zh: '企业信用信息公示系统', en: 'Enterprise credit information publicity system', department: '信用监督管理处', year: 2014, hosting: '政务云' },
  { org: 'regulator', zh: '市场主体登记系统', en: 'Market entity registration system', department: '登记注册局', year: 2015, hosting: '政务云' },
  { org: 'regulator', zh: '市场监管执法办案系统', en: 'Market enforcement case system', department: '执法稽查局', year: 2019, hosting: '政务云' },
  { org: 'tax', zh: '增值税发票管理系统', en: 'VAT invoice management system', department: '货物和劳务税处', year: 2016, hosting: '税务专网' },
  { org: 'tax', zh: '金税系统', en: 'Golden Tax system', department: '信息中心', year: 2016, hosting: '税务专网' },
  { org: 'transport', zh: '道路运政管理系统', en: 'Road transport administration system', department: '道路运输处', year: 2013, hosting: '政务云' },
  { org: 'transport', zh: '重点营运车辆联网联控系统', en: 'Key commercial vehicle monitoring system', department: '安全监督处', year: 2017, hosting: '政务云' },
  { org: 'weather', zh: '气象业务系统', en: 'Meteorological operations system', department: '气象台', year: 2011, hosting: '自建机房' },
];

/** Creates the systems; returns their ids by `org/Chinese name` for the catalogue's resources to declare. */
export async function seedSystems(lt: Liutong, ids: Record<string, string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const s of SYSTEMS) {
    const created = await lt.catalog.systems.create(ids[s.org]!, { name: { zh: s.zh, en: s.en }, department: s.department, launchYear: s.year, hosting: s.hosting }, null);
    out.set(`${s.org}/${s.zh}`, created.id);
  }
  return out;
}

/** Demands of the bodies (one matched by the bureau, one open, one closed) and the important-data catalogue. */
export async function seedLists(lt: Liutong, ids: Record<string, string>): Promise<void> {
  const usage = (await lt.catalog.resources.list(null, { q: '企业月度用电量', page: 1, pageSize: 1 })).items[0];
  const matched = await lt.catalog.demands.create(ids.tax!, {
    title: { zh: '企业用电量数据需求', en: 'Enterprise electricity usage' }, wantedFields: '统一社会信用代码、月用电量',
    purpose: '结合用电量核验企业经营状况，辅助纳税信用评价。',
  }, null);
  if (usage?.status === 'published') await lt.catalog.demands.match(matched.id, [usage.id], null);
  await lt.catalog.demands.create(ids.hrss!, {
    title: { zh: '灵活就业人员参保线索', en: 'Leads on insurance of flexible workers' }, wantedFields: '公民身份号码、平台接单记录',
    purpose: '发现应参保未参保的灵活就业人员。',
  }, null);
  const closed = await lt.catalog.demands.create(ids.transport!, {
    title: { zh: '台风期间道路积水预警', en: 'Road flooding warnings during typhoons' }, wantedFields: '降雨量、路段',
    purpose: '台风期间提前管制易积水路段。',
  }, null);
  await lt.catalog.demands.close(closed.id, '已通过气象局专线获取。', null);
  // 重要数据目录: population data of the public-security sector (GB/T 43697-2024 Annex G lists large
  // population data among important data). Matching resources are raised to important.
  await lt.catalog.importantData.create(ids.bureau!, {
    sector: 'public_security', name: { zh: '人口户籍数据', en: 'Population and household registration data' },
    description: { zh: '全省范围的人口户籍登记与迁移数据。', en: 'Province-wide population and household registration and transfer data.' },
    keywords: ['户籍'], categoryIds: ['cat_base0000000000000001'],
  }, null);
}
