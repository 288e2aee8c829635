/**
 * Demo data for `liutong start --demo`: the organisations of the 电费贷 story (a data bureau, a
 * regulator, the power-grid company, a bank, the exchange and two enterprises) with users, all
 * created through the same services the API uses, so every object has its evidence event.
 * Later modules extend this file.
 */
import type { Liutong } from '../liutong.app.js';
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
  { key: 'regulator', name: { zh: '广东省市场监督管理局（演示）', en: 'Guangdong Market Regulation Administration (demo)' }, type: 'government', uscc: makeUscc('11440000MB2C9REGU'), roles: ['regulator'],
    users: [{ username: 'regulator', displayName: '监管员', memberRole: 'org_admin' }] },
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
  await lt.flush();
  return { seeded: true, users };
}
