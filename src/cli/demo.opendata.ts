/**
 * Demo open-data portal (开放广东): a data company registered as a developer with a key for an
 * unconditionally open dataset that has data mounted (an open_key grant), an app on the showcase
 * and one awaiting the bureau's review, and an application for a conditionally open dataset
 * awaiting its source unit. Through the same services as the API.
 */
import type { Liutong } from '../liutong.app.js';

export async function seedOpendata(lt: Liutong, ids: Record<string, string>): Promise<void> {
  const open = await lt.opendata.datasets.all();
  const dev = ids.analytics;
  if (!dev || open.length === 0) return;
  await lt.opendata.developers.register(dev, { contactName: '陈晓（演示）', contactEmail: 'opendata@analytics.example.com', description: '交通与气象数据应用开发 Transport and weather data apps' }, null);
  const unconditional = open.filter((d) => d.openType === 'unconditional' && d.organisation.id !== dev).map((d) => d.resource.id);
  if (unconditional.length) {
    const shown = await lt.opendata.apps.submit(dev, {
      name: { zh: '出行助手', en: 'Trip helper' },
      description: { zh: '结合交通与气象开放数据提示出行路线和天气。', en: 'Suggests routes and warns of weather from open transport and weather data.' },
      url: 'https://trip.analytics.example.com', datasetIds: unconditional.slice(0, 2),
    }, null);
    await lt.opendata.apps.review(null, shown.id, 'approve', undefined);
    await lt.opendata.apps.submit(dev, {
      name: { zh: '气象看板', en: 'Weather board' },
      description: { zh: '城市天气开放数据可视化。', en: 'City weather open data on a dashboard.' },
      url: 'https://weather.analytics.example.com', datasetIds: unconditional.slice(-1),
    }, null);
  }
  for (const d of open.filter((x) => x.openType === 'unconditional' && x.organisation.id !== dev)) {
    if (!(await lt.catalog.mounts.source(d.resource.id))?.mount) continue;
    await lt.opendata.developers.issueKey(dev, d.resource.id, null);
    break;
  }
  const conditional = open.find((d) => d.openType === 'conditional' && d.organisation.id !== dev);
  if (conditional) {
    await lt.opendata.applications.submit(dev, {
      resourceId: conditional.resource.id,
      purpose: '出行规律研究（演示）',
      agreement: '本单位承诺：仅将数据用于出行规律研究；不向第三方提供；不尝试重新识别个人；期满删除数据；接受数源单位和监管部门的监督检查。',
      acceptConditions: true,
    }, null);
  }
}
