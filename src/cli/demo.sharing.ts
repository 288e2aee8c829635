/**
 * Demo sharing requests (共享申请) between the demo's public bodies, through the same service as
 * the API: one pending, one rejected with its reason, one withdrawn. (Granted and revoked requests
 * need mounted data, which the demo's catalogue does not carry yet.)
 */
import type { Liutong } from '../liutong.app.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

export async function seedSharing(lt: Liutong, ids: Record<string, string>): Promise<void> {
  const find = async (title: string) => (await lt.catalog.resources.list(null, { q: title, status: 'published', page: 1, pageSize: 1 })).items[0];
  const electricity = await find('企业月度用电量');
  const population = await find('人口基础信息');
  if (!electricity || !population) return;
  const validTo = new Date(lt.kernel.clock.now().getTime() + YEAR_MS).toISOString();
  const ask = (org: string, resourceId: string, fields: string[], purpose: string, legalBasis: string) =>
    lt.sharing.requests.create(ids[org]!, { resourceId, fields, purpose, legalBasis, validTo }, null, 'demo');
  await ask('tax', electricity.id, ['uscc', 'month', 'kwh'], '纳税信用评价中核对企业生产经营情况', '《中华人民共和国税收征收管理法》第六条');
  const rejected = await ask('hrss', population.id, ['id_number', 'sex', 'mobile'], '社保待遇资格认证', '《社会保险法》第七十五条');
  await lt.sharing.requests.reject(rejected.id, '申请字段超出最小必要范围：社保资格认证无需手机号码，请调整字段后重新申请。', null, 'demo');
  const withdrawn = await ask('transport', electricity.id, ['uscc', 'kwh'], '物流企业能耗监测', '《广东省公共数据管理办法》');
  await lt.sharing.requests.withdraw(withdrawn.id, null, 'demo');
}
