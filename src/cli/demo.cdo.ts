/**
 * Demo chief data officers (首席数据官): one per organisation, appointed by its administrator's
 * account as the API would; a DCMM self-assessment of the demo manufacturer; and a first
 * management evaluation snapshot of the public bodies. Synthetic names only.
 */
import type { Liutong } from '../liutong.app.js';

const CDOS: Record<string, { name: string; title: string }> = {
  bureau: { name: '陈立新', title: '副局长、首席数据官' },
  regulator: { name: '黄志明', title: '副局长、首席数据官' },
  police: { name: '李振华', title: '副厅长、首席数据官' },
  tax: { name: '周建国', title: '副局长、首席数据官' },
  hrss: { name: '吴晓梅', title: '副厅长、首席数据官' },
  transport: { name: '郑海涛', title: '副厅长、首席数据官' },
  weather: { name: '林雨晴', title: '副局长、首席数据官' },
  grid: { name: '何光远', title: '数字化部总经理、首席数据官' },
  bank: { name: '罗嘉怡', title: '首席信息官兼首席数据官' },
  exchange: { name: '梁思远', title: '首席数据官' },
  factory: { name: '冯国强', title: '副总经理、首席数据官' },
  analytics: { name: '邓子涵', title: '首席数据官' },
};

/** `ids`: the demo organisations by key. */
export async function seedCdo(lt: Liutong, ids: Record<string, string>): Promise<void> {
  for (const [key, person] of Object.entries(CDOS)) {
    const orgId = ids[key];
    if (!orgId) continue;
    const users = await lt.identity.organisations.listUsers(orgId, 1, 50);
    const admin = users.items.find((u) => u.memberRole === 'org_admin');
    if (!admin) continue;
    await lt.cdo.appointments.appoint(orgId, { userId: admin.id, name: person.name, title: person.title, appointedAt: '2026-01-05', termEnd: '2028-12-31' }, null);
  }
  if (ids.factory) {
    const model = await lt.cdo.dcmm.model(false);
    // 受管理级 in most areas, 稳健级 in data security and standards (the factory's strengths).
    const ratings = model.areas.flatMap((a) => a.items.map((i) => ({
      itemId: i.id,
      level: a.area === 'security' || a.area === 'standards' ? 3 : 2,
      evidence: `《${i.name.zh}管理办法》及 2026 年执行记录`,
    })));
    await lt.cdo.dcmm.assess(ids.factory, { ratings, note: '2026 年度 DCMM 自评估（演示）' }, null);
  }
  const period = new Date().toISOString().slice(0, 7);
  await lt.cdo.evaluations.take({ period, note: '演示数据的首次管理评价' }, null);
}
