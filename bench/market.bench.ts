/**
 * Market search benchmark (issue 7: the portal market's listing search p95 at 50,000 listings,
 * target < 50 ms), on both engines.
 *
 * Set-up: a fresh Liutong; 40 seller organisations through identity's service; then 50,000
 * listings bulk-loaded with SQL into the exchange's listing table (jsonb_to_recordset inserts of
 * 5,000 rows — not the service per listing, whose gates need a registered asset each): 90 % listed,
 * the rest in the other states; titles and descriptions built from a vocabulary of Guangdong cities,
 * subjects and product kinds in Chinese and English; search terms (words and facets) from the same
 * `listingTerms` the service writes. ANALYZE runs.
 *
 * Measured: `lt.exchange.listings.market()` — the public market route's service call, its count
 * and first page — over a fixed mix of Chinese pairs ("用电"), single characters ("电"), longer terms,
 * English words, two-term and filtered queries (category, region, delivery, pricing), a later page
 * and an unfiltered browse, sequentially, latency per call. Reference, same run: the market's own
 * one-listing read (`publicListing`, a primary-key lookup) timed the same way. The rate is
 * 1000 / p95, so the target p95 < 50 ms is a rate ≥ 20/s.
 *
 * Environment: LIUTONG_BENCH_MARKET_SIZE (listings, default 50,000), LIUTONG_BENCH_MARKET_ROUNDS
 * (rounds of the query mix, default 5).
 */
import { sql } from 'kysely';
import type { Engine } from '../src/platform/database/database.js';
import { LISTING_CATEGORIES, LISTING_REGIONS, listingTerms } from '../src/modules/exchange/index.js';
import { benchId, benchUscc, percentile, seededRandom, timeCalls, timeMix } from './fixtures.js';
import { fmtMs, note, report, skip } from './report.js';
import { latencies, perUnit, postgresUnavailable, startPlatform, timeQueries, type BenchPlatform } from './platform.js';

const LISTINGS = Number(process.env.LIUTONG_BENCH_MARKET_SIZE ?? 50_000);
const CHUNK = 5_000;
const ROUNDS = Number(process.env.LIUTONG_BENCH_MARKET_ROUNDS ?? 5);
const TARGET_P95_MS = 50;

const CITIES: Array<[string, string]> = [
  ['广州', 'Guangzhou'], ['深圳', 'Shenzhen'], ['珠海', 'Zhuhai'], ['汕头', 'Shantou'], ['佛山', 'Foshan'], ['韶关', 'Shaoguan'], ['河源', 'Heyuan'], ['梅州', 'Meizhou'],
  ['惠州', 'Huizhou'], ['汕尾', 'Shanwei'], ['东莞', 'Dongguan'], ['中山', 'Zhongshan'], ['江门', 'Jiangmen'], ['阳江', 'Yangjiang'], ['湛江', 'Zhanjiang'], ['茂名', 'Maoming'],
  ['肇庆', 'Zhaoqing'], ['清远', 'Qingyuan'], ['潮州', 'Chaozhou'], ['揭阳', 'Jieyang'], ['云浮', 'Yunfu'],
];
const SUBJECTS: Array<[string, string]> = [
  ['企业用电量', 'enterprise electricity usage'], ['工业用水量', 'industrial water usage'], ['商圈客流', 'shopping district footfall'], ['物流时效', 'logistics lead time'],
  ['港口吞吐量', 'port throughput'], ['产业景气', 'industry climate'], ['小微企业经营', 'small business operations'], ['纳税信用', 'tax credit'], ['社保缴费', 'social insurance payments'],
  ['不动产交易', 'real estate transactions'], ['新能源汽车充电', 'EV charging'], ['空气质量', 'air quality'], ['降雨', 'rainfall'], ['道路拥堵', 'road congestion'],
  ['跨境电商', 'cross-border e-commerce'], ['供应链金融', 'supply chain finance'], ['医疗服务', 'medical services'], ['旅游客流', 'tourist flows'], ['专利转化', 'patent commercialisation'],
  ['设备工况', 'equipment condition'], ['产线能耗', 'production line energy'], ['农产品价格', 'farm produce prices'], ['消费趋势', 'consumption trends'], ['招聘需求', 'hiring demand'],
];
const KINDS: Array<[string, string]> = [['指数', 'index'], ['数据集', 'dataset'], ['接口', 'API'], ['分析报告', 'report'], ['预测模型', 'forecast model'], ['画像', 'profile']];
const PRICING = [
  { model: 'one_off', amountFen: '2000000' }, { model: 'subscription', amountFen: '3600000', period: 'year' }, { model: 'per_call', amountFen: '50' },
  { model: 'tiered', tiers: [{ upTo: 10000, amountFen: '20' }, { upTo: null, amountFen: '10' }] }, { model: 'quote' },
];
const DELIVERY = [['api'], ['file'], ['api', 'file'], ['compute']];
const OTHER_STATES = ['draft', 'assessing', 'submitted', 'suspended', 'delisted'];


async function sellers(p: BenchPlatform): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    const o = await p.lt.identity.organisations.create({ name: { zh: `基准数据商${i + 1}`, en: `Bench data merchant ${i + 1}` }, uscc: benchUscc('91440000'), roles: ['enterprise', 'data_merchant'] }, null);
    out.push(o.id);
  }
  return out;
}

/** Bulk-loads LISTINGS listings; returns one listed id. */
async function load(p: BenchPlatform, orgs: string[]): Promise<string> {
  const db = p.lt.kernel.db;
  const r = seededRandom(7);
  const span = 2 * 365 * 86_400_000;
  const base = p.lt.kernel.clock.now().getTime() - span;
  let sample = '';
  for (let from = 0; from < LISTINGS; from += CHUNK) {
    const rows: object[] = [];
    for (let i = from; i < Math.min(from + CHUNK, LISTINGS); i++) {
      const city = CITIES[r(CITIES.length)]!;
      const subject = SUBJECTS[r(SUBJECTS.length)]!;
      const kind = KINDS[r(KINDS.length)]!;
      const status = r(10) === 0 ? OTHER_STATES[r(OTHER_STATES.length)]! : 'listed';
      const at = new Date(base + Math.floor(((i + 1) * span) / LISTINGS)).toISOString();
      const title = { zh: `${city[0]}${subject[0]}${kind[0]}`, en: `${city[1]} ${subject[1]} ${kind[1]}` };
      const description = { zh: `${city[0]}${subject[0]}的${kind[0]}，按${['日', '周', '月', '季度'][r(4)]}更新，经合规评估后挂牌。`, en: `${kind[1]} of ${subject[1]} in ${city[1]}, assessed for compliance.` };
      const registrationNumber = `GDDA-2026-${String(i + 1).padStart(6, '0')}`;
      const id = benchId('lst');
      const category = LISTING_CATEGORIES[r(LISTING_CATEGORIES.length)]!;
      const region = LISTING_REGIONS[r(LISTING_REGIONS.length)]!;
      const deliveryMethods = DELIVERY[r(DELIVERY.length)]!;
      const pricing = PRICING[r(PRICING.length)]!;
      rows.push({
        id, seller_org_id: orgs[r(orgs.length)]!, asset_id: benchId('rga'), registration_number: registrationNumber, title_zh: title.zh, title_en: title.en,
        description_zh: description.zh, description_en: description.en, category, region,
        data_kinds: ['aggregated'], sample: { kind: 'synthetic', mediaType: 'text/csv', content: 'a,b\n1,2\n' }, delivery_methods: deliveryMethods,
        pricing, policy: { purposes: ['分析'], periodDays: 365, maxUses: null, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: false },
        status, digest: `sha256:${'0'.repeat(64)}`, terms: listingTerms({ title, description, registrationNumber, category, region, deliveryMethods, pricing }),
        created_at: at, updated_at: at, listed_at: status === 'listed' || status === 'suspended' || status === 'delisted' ? at : null,
      });
      if (!sample && status === 'listed') sample = id;
    }
    await sql`insert into exchange_listing (id, seller_org_id, asset_id, registration_number, title_zh, title_en, description_zh, description_en, category, region, data_kinds, sample,
        delivery_methods, pricing, policy, status, digest, terms, created_at, updated_at, listed_at)
      select id, seller_org_id, asset_id, registration_number, title_zh, title_en, description_zh, description_en, category, region, data_kinds, sample,
        delivery_methods, pricing, policy, status, digest, array(select jsonb_array_elements_text(terms)), created_at, updated_at, listed_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, seller_org_id text, asset_id text, registration_number text, title_zh text, title_en text,
        description_zh text, description_en text, category text, region text, data_kinds jsonb, sample jsonb, delivery_methods jsonb, pricing jsonb, policy jsonb,
        status text, digest text, terms jsonb, created_at timestamptz, updated_at timestamptz, listed_at timestamptz)`.execute(db);
  }
  return sample;
}

type Query = { label: string; q?: string; category?: string; region?: string; delivery?: string; pricing?: string; page?: number };
const MIX: Query[] = [
  { label: 'zh-pair', q: '用电' },
  { label: 'zh-pair', q: '客流' },
  { label: 'zh-char', q: '电' },
  { label: 'zh-char', q: '数' },
  { label: 'zh-term', q: '企业用电量指数' },
  { label: 'zh-term', q: '深圳港口吞吐量' },
  { label: 'zh-2terms', q: '广州 物流时效' },
  { label: 'en-word', q: 'electricity' },
  { label: 'en-2words', q: 'shenzhen footfall' },
  { label: 'filtered', q: '指数', category: 'finance', region: 'guangzhou' },
  { label: 'filtered', q: 'index', delivery: 'api', pricing: 'per_call' },
  { label: 'filtered', category: 'energy' },
  { label: 'browse', },
  { label: 'page-5', q: '数据集', page: 5 },
];

async function marketBench(engine: Engine): Promise<void> {
  const name = `market/search-${engine}`;
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return skip(name, why);
  }
  const p = await startPlatform(engine, { startRelay: false, onDisk: engine === 'pglite' });
  try {
    const { lt } = p;
    const orgs = await sellers(p);
    const t0 = performance.now();
    const sample = await load(p, orgs);
    await sql`analyze exchange_listing`.execute(lt.kernel.db);
    note(name, { listings: LISTINGS, 'bulk-loaded': `${LISTINGS.toLocaleString('en-US')} listings by jsonb_to_recordset inserts (+ analyze) in ${fmtMs(performance.now() - t0)}` });

    const run = (q: Query) => lt.exchange.listings.market({ q: q.q, category: q.category, region: q.region, delivery: q.delivery, pricing: q.pricing, page: q.page ?? 1, pageSize: 20 });
    const totals: Record<string, number> = {};
    for (const q of MIX) totals[`${q.q ?? '*'}${q.category || q.region || q.delivery ? '+filter' : ''}`] = (await run(q)).total;
    for (let i = 0; i < 20; i++) await lt.exchange.listings.publicListing(sample);

    const times = timeQueries(lt);
    const { all: lat, byLabel } = await timeMix(MIX, ROUNDS, run);
    times.stop();
    const ref = await timeCalls(200, () => lt.exchange.listings.publicListing(sample));
    const p95 = percentile(lat, 95);
    const refP95 = percentile(ref, 95);
    report({ name, size: ['listings', LISTINGS], rate: 1000 / p95, reference: { label: 'publicListing primary-key read, 1000/p95', rate: 1000 / refP95 }, target: { rate: 1000 / TARGET_P95_MS } });
    note(name, { searches: lat.length, p50: fmtMs(percentile(lat, 50)), p95: fmtMs(p95), max: fmtMs(lat[lat.length - 1]!), 'reference-p50': fmtMs(percentile(ref, 50)), 'reference-p95': fmtMs(refP95), target: `p95<${TARGET_P95_MS}ms` });
    note(`${name} p95-by-kind`, Object.fromEntries([...byLabel].map(([k, v]) => [k, fmtMs(percentile(v, 95))])));
    note(`${name} matches`, totals);
    if (engine === 'pglite') note(`${name} db-time-per-search`, perUnit(times, lat.length));
    else note(`${name} statement-latency`, latencies(times, ['searches', lat.length]));
  } finally {
    await p.close();
  }
}

export const parts = ['pglite', 'postgres'] as const;

export async function run(only: readonly string[] = []): Promise<void> {
  const want = (part: string) => only.length === 0 || only.includes(part);
  if (want('pglite')) await marketBench('pglite');
  if (want('postgres')) await marketBench('postgres');
}
