/**
 * Demo market (挂牌), through the same services as the API. Nine assets registered six weeks ago
 * (the demo runs their application, committee and publicity with the clock set back, then the
 * bureau registers them today): the analytics company's own indices and reports, a product it
 * built on public data under its authorized-operation agreement (priced under the agreement's
 * service-fee cap), and the factory's production data listed by its broker. A dozen listings in
 * every state: listed (the market), one suspended by the exchange, one delisted, one submitted for
 * review, one with the compliance centre for assessment, one sent back by a failed assessment, a
 * draft. The port container forecast index is registered and left unlisted (the browser test lists it).
 * Then trades on them in every negotiation state, one settled in a batch (seedTrades).
 */
import type { Liutong } from '../liutong.app.js';
import type { Clock } from '../platform/clock.js';
import type { Principal } from '../platform/http/access.js';
import { shanghaiDate } from '../platform/calendar/working-day.calendar.js';
import type { ListingContent } from '../modules/exchange/index.js';
import { CHECKLIST_ITEMS } from '../modules/exchange/index.js';
import { principalOf } from './demo.registry.js';

const DAY = 86_400_000;
const CAT_CREDIT = 'cat_theme000000000000001';

interface DemoAsset {
  key: string;
  holder: 'analytics' | 'factory';
  objectKind: 'dataset' | 'indicator' | 'report' | 'api';
  title: { zh: string; en: string };
  description: string;
  scenario: { users: string; purpose: string };
  fields: Array<[string, string, string, 'string' | 'decimal' | 'integer']>;
}

export const ASSETS: DemoAsset[] = [
  { key: 'climate', holder: 'analytics', objectKind: 'indicator', title: { zh: '粤港澳大湾区产业景气指数', en: 'Greater Bay Area industry climate index' },
    description: '按行业、城市和月份编制的产业景气指数，源自企业调查与公开统计。', scenario: { users: '金融机构、地方经济运行部门', purpose: '行业授信投向与景气监测' },
    fields: [['industry', '行业', 'Industry', 'string'], ['city', '城市', 'City', 'string'], ['month', '月份', 'Month', 'string'], ['index', '景气指数', 'Index', 'decimal']] },
  { key: 'footfall', holder: 'analytics', objectKind: 'indicator', title: { zh: '商圈客流热力指数', en: 'Shopping district footfall heat index' },
    description: '重点商圈按小时的客流热力指数（聚合，不含个人信息）。', scenario: { users: '商业地产、零售企业', purpose: '选址与营销排期' },
    fields: [['district', '商圈', 'District', 'string'], ['hour', '时段', 'Hour', 'string'], ['heat', '热力指数', 'Heat index', 'decimal']] },
  { key: 'profile', holder: 'analytics', objectKind: 'report', title: { zh: '小微企业经营画像报告', en: 'Small business profile reports' },
    description: '面向授信的小微企业经营画像报告，按企业出具。', scenario: { users: '商业银行', purpose: '小微企业授信尽调' },
    fields: [['uscc', '统一社会信用代码', 'USCC', 'string'], ['score', '经营评分', 'Score', 'decimal']] },
  { key: 'logistics', holder: 'analytics', objectKind: 'indicator', title: { zh: '物流时效指数', en: 'Logistics lead-time index' },
    description: '主要线路的快递与零担物流时效指数，按周更新。', scenario: { users: '电商、制造企业', purpose: '供应链排产与备货' },
    fields: [['route', '线路', 'Route', 'string'], ['week', '周次', 'Week', 'string'], ['index', '时效指数', 'Index', 'decimal']] },
  { key: 'credit', holder: 'analytics', objectKind: 'dataset', title: { zh: '消费信贷风险特征库', en: 'Consumer credit risk features' },
    description: '去标识化的消费信贷风险特征，用于模型训练。', scenario: { users: '持牌消费金融机构', purpose: '风控模型训练' },
    fields: [['token', '去标识化编号', 'Pseudonym', 'string'], ['feature', '特征值', 'Feature', 'decimal']] },
  { key: 'port', holder: 'analytics', objectKind: 'indicator', title: { zh: '港口集装箱吞吐量预测指数', en: 'Port container throughput forecast index' },
    description: '珠三角主要港口未来四周的集装箱吞吐量预测指数。', scenario: { users: '航运、外贸企业', purpose: '舱位与库存计划' },
    fields: [['port', '港口', 'Port', 'string'], ['week', '周次', 'Week', 'string'], ['teu_index', '吞吐量指数', 'TEU index', 'decimal']] },
  { key: 'energy', holder: 'factory', objectKind: 'dataset', title: { zh: '产线能耗指数', en: 'Production line energy index' },
    description: '脱敏后的产线单位产品能耗指数，按日汇总。', scenario: { users: '节能服务公司、绿色金融机构', purpose: '节能改造评估与绿色信贷' },
    fields: [['line', '产线', 'Line', 'string'], ['date', '日期', 'Date', 'string'], ['kwh_per_unit', '单位能耗', 'kWh per unit', 'decimal']] },
  { key: 'equipment', holder: 'factory', objectKind: 'dataset', title: { zh: '设备运行工况数据集', en: 'Equipment operating condition dataset' },
    description: '数控设备的运行工况（转速、温度、告警），按分钟采集后按小时汇总。', scenario: { users: '设备制造商、工业互联网平台', purpose: '预测性维护模型' },
    fields: [['machine', '设备', 'Machine', 'string'], ['hour', '时段', 'Hour', 'string'], ['temp', '温度', 'Temperature', 'decimal']] },
];

const POLICY = { purposes: ['授信审批', '风险监测'], periodDays: 365, maxUses: null, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true };
const csv = (rows: string[]) => ({ kind: 'masked' as const, mediaType: 'text/csv' as const, content: `${rows.join('\n')}\n` });
const allPassed = (note: string) => Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, { passed: true, note }])) as Parameters<Liutong['exchange']['listings']['assess']>[2]['checklist'];

type Final = 'listed' | 'suspended' | 'delisted' | 'submitted' | 'assessing' | 'failed' | 'draft';

export async function seedMarket(lt: Liutong, ids: Record<string, string>): Promise<void> {
  const need = ['bureau', 'exchange', 'analytics', 'factory', 'compliance', 'broker1'];
  if (need.some((k) => !ids[k])) return;
  const bureau = await principalOf(lt, ids.bureau!);
  const exchange = await principalOf(lt, ids.exchange!);
  const compliance = await principalOf(lt, ids.compliance!);
  const analytics = await principalOf(lt, ids.analytics!);
  const factory = await principalOf(lt, ids.factory!);
  const broker1 = await principalOf(lt, ids.broker1!);
  const holders = { analytics, factory };
  const experts = new Map((await lt.identity.organisations.listUsers(ids.compliance!, 1, 20)).items.map((u) => [u.username, u.id]));
  const agreement = (await lt.authorization.agreements.list(analytics, { role: 'operator', status: 'active', page: 1, pageSize: 1 })).items[0];
  if (!agreement) return;

  // The assets were applied for six weeks ago: the clock is set back while they go through the
  // committee, so that their publicity is over today and the bureau registers them.
  const kernel = lt.kernel as { clock: Clock };
  const real = kernel.clock;
  const registrations = new Map<string, string>();
  const resources = new Map<string, string>();
  kernel.clock = { now: () => new Date(real.now().getTime() - 42 * DAY) };
  try {
    const start = shanghaiDate(kernel.clock.now());
    const vote = async (id: string) => {
      const drawn = await lt.registry.applications.draw(id, bureau, 'demo');
      for (const p of (drawn.committee?.panel ?? []) as Array<{ expertise: string }>) {
        const userId = experts.get(`expert.${p.expertise === 'accounting' ? 'valuation' : p.expertise}`)!;
        await lt.registry.applications.vote(id, { vote: 'approve', opinion: '来源合法，场景明确，权属清晰，安全措施到位，同意登记。' }, await principalOf(lt, ids.compliance!, userId), 'demo');
      }
    };
    const rights = (holder: string, basis: string, termFrom: string, termTo: string | null) =>
      (['holding', 'processing', 'operating'] as const).map((kind) => ({ kind, holderOrgId: holder, basis, scope: '全部字段', termFrom, termTo }));
    for (const a of ASSETS) {
      const holder = holders[a.holder];
      const resource = await lt.catalog.resources.create(holder.orgId, {
        title: a.title, description: { zh: a.description, en: a.title.en }, categoryId: CAT_CREDIT, updateFrequency: 'monthly', format: 'table',
        fields: a.fields.map(([name, zh, en, dataType], i) => ({ name, label: { zh, en }, dataType, key: i === 0, grade: { level: 'general' as const, generalLevel: 2, personalInfo: 'none' as const } })),
      }, null);
      await lt.catalog.resources.submit(resource.id, null);
      await lt.catalog.resources.publish(resource.id, null);
      resources.set(a.key, resource.id);
      const app = await lt.registry.applications.create(holder.orgId, {
        type: 'first', objectKind: a.objectKind, title: a.title, description: a.description, resourceId: resource.id, scenario: a.scenario,
        sources: [{ kind: 'own_collection', ref: resource.id, description: '企业自行采集与加工' }], rights: rights(holder.orgId, '企业自行采集与加工', start, null),
      }, holder, 'demo');
      await lt.registry.applications.submit(app.id, holder, 'demo');
      await vote(app.id);
      registrations.set(a.key, app.id);
    }
    // A product built on public data under the analytics company's agreement (fee cap 0.10 元/次).
    const product = await lt.authorization.products.declare(agreement.id, {
      name: { zh: '企业经营风险预警接口', en: 'Enterprise operating risk alert API' }, kind: 'api', resourceIds: agreement.scope.map((s) => s.resourceId), scenario: '中小企业信用评估',
      description: '基于企业登记与纳税信用的经营风险预警，按次计费。', fee: { amount: '0.09', unit: '元/次' },
    }, null, 'demo');
    const app = await lt.registry.applications.create(ids.analytics!, {
      type: 'first', objectKind: 'api', title: { zh: '企业经营风险预警接口', en: 'Enterprise operating risk alert API' }, description: '基于授权运营公共数据的企业经营风险预警接口。', productId: product.id,
      scenario: { users: '商业银行、融资担保机构', purpose: '贷后风险预警' }, sources: [{ kind: 'authorized_operation', ref: agreement.id, description: '分领域授权运营协议（金融领域）' }],
      rights: [
        ...rights(ids.bureau!, '公共数据由省政务服务数据管理局依法持有', agreement.termFrom, agreement.termTo).filter((r) => r.kind === 'holding'),
        ...rights(ids.analytics!, '授权运营协议约定的加工使用与产品经营', agreement.termFrom, agreement.termTo).filter((r) => r.kind !== 'holding'),
      ],
    }, analytics, 'demo');
    await lt.registry.applications.submit(app.id, analytics, 'demo');
    await vote(app.id);
    registrations.set('risk', app.id);
  } finally {
    kernel.clock = real;
  }
  // Registered, listed and the first deal made ten days ago (so that its T+1 settlement day has come);
  // the other trades are today's.
  kernel.clock = { now: () => new Date(real.now().getTime() - 10 * DAY) };
  for (const id of registrations.values()) await lt.registry.applications.register(id, bureau, 'demo');

  const listings = lt.exchange.listings;
  const list = async (assetKey: string, by: Principal, content: Omit<ListingContent, 'title' | 'description' | 'policy'> & { title?: ListingContent['title']; policy?: ListingContent['policy'] }, final: Final, sellerOrgId?: string) => {
    const asset = ASSETS.find((a) => a.key === assetKey);
    const title = content.title ?? asset?.title ?? { zh: '企业经营风险预警接口', en: 'Enterprise operating risk alert API' };
    const l = await listings.create(by, {
      assetId: registrations.get(assetKey)!, ...(sellerOrgId ? { sellerOrgId } : {}), ...content, title,
      description: { zh: asset?.description ?? '基于授权运营公共数据的企业经营风险预警，按次调用，不返回原始数据。', en: `${title.en}: see the sample and the usage policy.` }, policy: content.policy ?? POLICY,
    }, 'demo');
    if (final === 'draft') return l.id;
    await listings.act(l.id, 'request_assessment', { assessorOrgId: ids.compliance! }, by, 'demo');
    if (final === 'assessing') return l.id;
    if (final === 'failed') {
      await listings.assess(l.id, compliance, {
        checklist: { ...allPassed('符合'), personal_information: { passed: false, note: '去标识化方案未通过重识别风险测试，需补充 k-匿名评估。' } }, evidence: '审阅了去标识化方案与抽样数据（sha256 见附件清单）。',
      }, 'demo');
      return l.id;
    }
    await listings.assess(l.id, compliance, { checklist: allPassed('符合要求'), evidence: '审阅了数据来源说明、授权文件、分类分级清单与安全评估报告。' }, 'demo');
    await listings.act(l.id, 'submit', {}, by, 'demo');
    if (final === 'submitted') return l.id;
    await listings.act(l.id, 'approve', {}, exchange, 'demo');
    if (final === 'suspended') await listings.act(l.id, 'suspend', { reason: '收到买方关于样例与实际数据不一致的投诉，核查期间暂停。' }, exchange, 'demo');
    if (final === 'delisted') await listings.act(l.id, 'delist', {}, by, 'demo');
    return l.id;
  };
  const sample = {
    climate: csv(['industry,city,month,index', '制造业,广州,2026-09,52.3', '批发零售,深圳,2026-09,49.8']),
    footfall: csv(['district,hour,heat', '天河路,2026-10-01T20,0.93', '东门,2026-10-01T20,0.88']),
    profile: { kind: 'synthetic' as const, mediaType: 'application/json' as const, content: JSON.stringify({ uscc: '91440101MA5XXXXXX0', score: 78.5, grade: 'B+', risks: ['应收账款周转放缓'] }, null, 2) },
  };
  const climate = await list('climate', analytics, { category: 'finance', region: 'guangdong', dataKinds: ['aggregated'], sample: sample.climate, deliveryMethods: ['api', 'file'], pricing: { model: 'subscription', amountFen: '3600000', period: 'year' } }, 'listed');
  const climatePerQuery = await list('climate', analytics, { title: { zh: '粤港澳大湾区产业景气指数（按次查询）', en: 'Greater Bay Area industry climate index (per query)' }, category: 'finance', region: 'guangdong', dataKinds: ['aggregated'], sample: sample.climate, deliveryMethods: ['api'], pricing: { model: 'per_call', amountFen: '50' } }, 'listed');
  const footfall = await list('footfall', analytics, { category: 'commerce', region: 'shenzhen', dataKinds: ['aggregated'], sample: sample.footfall, deliveryMethods: ['api'], pricing: { model: 'tiered', tiers: [{ upTo: 10_000, amountFen: '20' }, { upTo: 100_000, amountFen: '15' }, { upTo: null, amountFen: '10' }] } }, 'listed');
  await list('footfall', analytics, { title: { zh: '商圈客流热力指数（月度订阅）', en: 'Shopping district footfall heat index (monthly)' }, category: 'commerce', region: 'shenzhen', dataKinds: ['aggregated'], sample: sample.footfall, deliveryMethods: ['file'], pricing: { model: 'subscription', amountFen: '800000', period: 'month' } }, 'suspended');
  const profile = await list('profile', analytics, { category: 'finance', region: 'guangzhou', dataKinds: ['enterprise'], sample: sample.profile, deliveryMethods: ['file'], pricing: { model: 'quote' } }, 'listed');
  await list('profile', analytics, { title: { zh: '小微企业经营画像报告（单份）', en: 'Small business profile report (single)' }, category: 'finance', region: 'guangzhou', dataKinds: ['enterprise'], sample: sample.profile, deliveryMethods: ['file'], pricing: { model: 'one_off', amountFen: '20000' } }, 'delisted');
  const risk = await list('risk', analytics, { category: 'finance', region: 'guangdong', dataKinds: ['enterprise', 'public_data_product'], sample: csv(['uscc,alert_level,reason', '91440101MA5XXXXXX0,2,纳税信用等级下降']), deliveryMethods: ['api'], pricing: { model: 'per_call', amountFen: '9' } }, 'listed');
  const energy = await list('energy', broker1, { category: 'manufacturing', region: 'foshan', dataKinds: ['enterprise', 'aggregated'], sample: csv(['line,date,kwh_per_unit', 'L1,2026-10-01,3.42', 'L2,2026-10-01,2.97']), deliveryMethods: ['file'], pricing: { model: 'one_off', amountFen: '8000000' } }, 'listed', ids.factory);
  await list('logistics', analytics, { category: 'transport', region: 'guangdong', dataKinds: ['aggregated'], sample: csv(['route,week,index', '广州-上海,2026-W40,96.1']), deliveryMethods: ['api'], pricing: { model: 'per_call', amountFen: '30' } }, 'assessing');
  await list('credit', analytics, { category: 'finance', region: 'guangdong', dataKinds: ['personal_deidentified'], sample: { kind: 'synthetic', mediaType: 'text/csv', content: 'token,feature\nA1B2,0.37\n' }, deliveryMethods: ['compute'], pricing: { model: 'quote' } }, 'failed');
  await list('equipment', broker1, { category: 'manufacturing', region: 'foshan', dataKinds: ['enterprise'], sample: csv(['machine,hour,temp', 'CNC-07,2026-10-01T09,61.5']), deliveryMethods: ['file', 'compute'], pricing: { model: 'subscription', amountFen: '1500000', period: 'quarter' } }, 'submitted', ids.factory);
  const energyListing = await list('energy', broker1, { title: { zh: '产线能耗指数（一次性买断·历史数据）', en: 'Production line energy index (history, one-off)' }, category: 'manufacturing', region: 'foshan', dataKinds: ['enterprise', 'aggregated'], sample: csv(['line,date,kwh_per_unit', 'L1,2025-10-01,3.51']), deliveryMethods: ['file'], pricing: { model: 'one_off', amountFen: '3000000' } }, 'listed', ids.factory);
  await list('energy', factory, { title: { zh: '产线能耗指数（季度订阅）', en: 'Production line energy index (quarterly)' }, category: 'manufacturing', region: 'foshan', dataKinds: ['aggregated'], sample: csv(['line,date,kwh_per_unit', 'L1,2026-10-01,3.42']), deliveryMethods: ['file'], pricing: { model: 'subscription', amountFen: '2500000', period: 'quarter' } }, 'draft');

  // The climate index is served through the gateway (API delivery of its per-query listing): its rows mounted.
  // One row per industry (the resource's key), each with its leading city.
  const climateRows = ['industry,city,month,index', ...[['制造业', '佛山'], ['批发零售', '广州'], ['交通运输', '广州'], ['信息技术', '深圳'], ['金融业', '深圳'], ['建筑业', '东莞']].map(([industry, city], i) => `${industry},${city},2026-10,${(48 + i * 1.3).toFixed(1)}`)];
  await lt.catalog.mounts.upload(resources.get('climate')!, Buffer.from(`${climateRows.join('\n')}\n`), 'csv', null, 'demo');

  try {
    await seedTrades(lt, ids, { climate, climatePerQuery, footfall, profile, risk, energy, energyHistory: energyListing }, resources.get('climate')!, () => {
      kernel.clock = real;
    });
  } finally {
    kernel.clock = real;
  }
}

/**
 * Demo trades on the listings, one in every negotiation state: the bank (a buyer member, funded by a
 * deposit) buys the factory's energy index (through its broker) ten days ago — delivered, accepted and
 * settled in today's batch; the climate index subscription after two counter-offers — in force, delivered, awaiting
 * acceptance; the risk alert API — paid into escrow, awaiting the seller; the footfall index through
 * its broker — agreed, awaiting the bank's seal; the profile report — offered by the seller, and a
 * second offer accepted; a per-query request; the history of the energy index — terminated; 200
 * climate queries delivered through the gateway and billed by use; insurance and custody attached
 * by the insurer; a second energy quarter in dispute before the arbitration centre.
 */
async function seedTrades(lt: Liutong, ids: Record<string, string>, l: Record<string, string>, climateResource: string, today: () => void): Promise<void> {
  if (!ids.bank) return;
  const bank = await principalOf(lt, ids.bank);
  const analytics = await principalOf(lt, ids.analytics!);
  const factory = await principalOf(lt, ids.factory!);
  const broker1 = await principalOf(lt, ids.broker1!);
  const n = lt.exchange.negotiations;
  await lt.exchange.books.deposit(ids.bank, 50_000_000n, 'demo-bank-deposit-0001', '授信数据采购备付金（演示）', null, 'demo');
  const terms = (priceFen: string, purposes: string[], periodDays: number, quantity = 1, maxUses: number | null = null) => ({ priceFen, quantity, purposes, periodDays, maxUses });
  const through = async (id: string, moves: Array<['agree' | 'verify' | 'finalize' | 'accept', Principal]>) => {
    for (const [move, by] of moves) await n.move(id, move, by, {}, 'demo');
  };

  // Settled: the energy index, one-off ¥80,000, the seller's broker sealing; delivered, accepted, settled T+1.
  const settled = (await n.open(bank, { listingId: l.energy!, move: 'request', terms: terms('8000000', ['授信审批'], 365), note: '绿色信贷授信评估所需' }, 'demo')).id;
  await through(settled, [['agree', factory], ['verify', bank]]);
  await n.seal(settled, broker1, 'demo');
  await through(settled, [['finalize', factory]]);
  await lt.exchange.deliveries.deliver(settled, factory, { name: '产线能耗指数_2026Q3.csv', mediaType: 'text/csv', content: Buffer.from('line,date,kwh_per_unit\nL1,2026-07-01,3.40\nL2,2026-07-01,2.95\n'), note: '2026 年第三季度数据' }, 'demo');
  const accepted = await lt.exchange.deliveries.accept(settled, bank, 'demo');
  // Back to today: the deal's settlement day (T+1 working day) has come; the run settles it.
  today();
  if (accepted.settlement!.dueOn <= shanghaiDate(lt.kernel.clock.now())) await lt.exchange.settlements.run(null, undefined, 'demo');

  // In force, delivered, awaiting acceptance: the climate index subscription after counter-offers.
  const subscription = (await n.open(bank, { listingId: l.climate!, move: 'request', terms: terms('3000000', ['授信审批', '风险监测'], 365), note: '年度订阅，请求优惠' }, 'demo')).id;
  await n.move(subscription, 'offer', analytics, { terms: terms('3400000', ['授信审批', '风险监测'], 365) }, 'demo');
  await n.move(subscription, 'accept', bank, {}, 'demo');
  await through(subscription, [['agree', analytics], ['verify', bank], ['finalize', analytics]]);
  await lt.exchange.deliveries.deliver(subscription, analytics, { name: '产业景气指数_2026-10.csv', mediaType: 'text/csv', content: Buffer.from('industry,city,month,index\n制造业,广州,2026-10,52.8\n'), note: '10 月指数' }, 'demo');

  // Paid into escrow, awaiting the seller's finalisation: 10,000 risk alerts at ¥0.09.
  const verified = (await n.open(bank, { listingId: l.risk!, move: 'request', terms: terms('9', ['授信审批'], 365, 10_000, 10_000) }, 'demo')).id;
  await through(verified, [['agree', analytics], ['verify', bank]]);

  // Agreed, awaiting the bank's seal: the footfall index through the bank's broker (buy mandate).
  const agreed = (await n.open(broker1, { listingId: l.footfall!, move: 'request', buyerOrgId: ids.bank, terms: terms('15', ['授信审批'], 180, 50_000, 50_000) }, 'demo')).id;
  await through(agreed, [['agree', analytics]]);

  // Offered by the seller; and a second offer the bank accepted (the seller's agreement is next).
  await n.open(analytics, { listingId: l.profile!, move: 'offer', buyerOrgId: ids.bank, terms: terms('500000', ['授信审批'], 90) }, 'demo');
  const acceptedOffer = (await n.open(analytics, { listingId: l.profile!, move: 'offer', buyerOrgId: ids.bank, terms: terms('450000', ['授信审批'], 60), note: '批量报告优惠价' }, 'demo')).id;
  await n.move(acceptedOffer, 'accept', bank, {}, 'demo');

  // Requested, and terminated.
  await n.open(bank, { listingId: l.climatePerQuery!, move: 'request', terms: terms('40', ['风险监测'], 90, 1000, 1000) }, 'demo');
  const ended = (await n.open(bank, { listingId: l.energyHistory!, move: 'request', terms: terms('2000000', ['授信审批'], 365) }, 'demo')).id;
  await n.move(ended, 'terminate', factory, { reason: '价格未能达成一致' }, 'demo');

  // Delivered through the API, billed by use: 200 climate queries at ¥0.50 — the analytics company
  // opens a gateway grant bounded by the contract, the bank makes three calls and accepts; the calls
  // metered by the gateway are billed when the 90 days end or the 200 calls are used.
  const perQuery = (await n.open(bank, { listingId: l.climatePerQuery!, move: 'request', terms: terms('50', ['风险监测'], 90, 200, 200), note: '按次查询，用于行业风险监测' }, 'demo')).id;
  await through(perQuery, [['agree', analytics], ['verify', bank], ['finalize', analytics]]);
  await lt.exchange.deliveries.deliverApi(perQuery, analytics, { fields: ['industry', 'city', 'month', 'index'], note: '接口已开通：GET /api/v1/data/{resourceId}/rows' }, 'demo');
  for (const where of [['industry:制造业'], ['city:深圳'], ['industry:信息技术', 'city:深圳']]) {
    await lt.gateway.data.rows(bank, climateResource, { where, page: 1, pageSize: 100, format: 'json' } as Parameters<Liutong['gateway']['data']['rows']>[2]);
  }
  await lt.exchange.deliveries.accept(perQuery, bank, 'demo');

  // Insured: the subscription's performance insurance for the bank, and custody of the settled deal's delivered copy.
  if (ids.insurer) {
    const insurer = await principalOf(lt, ids.insurer);
    const day = (days: number) => shanghaiDate(new Date(lt.kernel.clock.now().getTime() + days * DAY));
    await lt.exchange.attachments.attach(subscription, insurer, {
      kind: 'insurance', beneficiary: 'buyer', reference: 'PDAA2026440100000123', description: '数据交易履约保证保险：卖方未按约交付或交付数据与约定严重不符时，赔付买方已付价款。', coverageFen: '3400000', premiumFen: '34000', validUntil: day(400),
    }, 'demo');
    await lt.exchange.attachments.attach(settled, insurer, {
      kind: 'custody', beneficiary: 'seller', reference: 'CUS-2026-0042', description: '交付文件副本（SHA-256 见交付记录）托管至合同期满后 30 日，供争议时核验。', premiumFen: '50000', validUntil: day(400),
    }, 'demo');
  }

  // In dispute: a second quarter of the energy index, delivered; the bank says a production line is
  // missing and asks the arbitration centre for ¥20,000 back (the ruling is the arbitrator's to make).
  if (ids.arbitration) {
    const disputed = (await n.open(bank, { listingId: l.energy!, move: 'request', terms: terms('8000000', ['授信审批'], 365), note: '2026 年第四季度数据' }, 'demo')).id;
    await through(disputed, [['agree', factory], ['verify', bank]]);
    await n.seal(disputed, broker1, 'demo');
    await through(disputed, [['finalize', factory]]);
    await lt.exchange.deliveries.deliver(disputed, factory, { name: '产线能耗指数_2026Q4.csv', mediaType: 'text/csv', content: Buffer.from('line,date,kwh_per_unit\nL1,2026-10-01,3.38\n'), note: '2026 年第四季度数据' }, 'demo');
    await lt.exchange.disputes.raise(disputed, bank, { arbitratorOrgId: ids.arbitration, claim: '交付数据仅含 L1 产线，缺少合同样例所示的 L2 产线数据，请求退还部分价款 ¥20,000。', claimedRefundFen: '2000000' }, 'demo');
  }
}
