/**
 * Catalog search benchmark (issue 4: search p95 at 100,000 resources on both engines, target
 * < 50 ms).
 *
 * Set-up: a fresh Liutong; 24 organisations through identity's service (20 public bodies, 4
 * enterprises); then 100,000 resources bulk-loaded with SQL into the catalog's tables (resource,
 * version, 6 fields each; jsonb_to_recordset inserts of 5,000 rows — not the service per
 * resource): mostly published public data with sharing and open types, some drafts, some social
 * data, titles and descriptions built from a vocabulary of Guangdong cities, subjects and kinds in
 * Chinese and English. The search index is then built by the service's own `reindex` (the same
 * code the transactions use), and ANALYZE runs.
 *
 * Measured: `lt.catalog.search.search()` as a public body's staff member and
 * `publicSearch()` (open datasets) — a fixed mix of Chinese bigram queries ("用电"), single
 * characters ("电"), longer Chinese terms, English words and prefixes, multi-term and faceted
 * queries (category, level, open type, format, body), each with its facet counts and first page —
 * sequentially, latency per call (p50, p95). Reference, same run: the catalog's own one-resource
 * read (`lt.catalog.resources.get`, a primary-key lookup) timed the same way. The report line's
 * rate is 1000 / p95 (calls per second at the p95 latency), so the target p95 < 50 ms is
 * rate ≥ 20/s; a context line gives the latencies in ms.
 *
 * PGlite runs on disk (a temporary directory), as in the ledger bench: in memory its relation
 * files grow by exact-size copies, which makes a bulk load quadratic.
 *
 * Environment: LIUTONG_BENCH_CATALOG_SIZE (resources, default 100,000), LIUTONG_BENCH_CATALOG_ROUNDS
 * (rounds of the query mix, default 5), LIUTONG_BENCH_CATALOG_EXPLAIN=<query> (PGlite: prints the
 * plan of that search's statements first). Context lines give the database time per search.
 */
import { sql } from 'kysely';
import type { Engine } from '../src/platform/database/database.js';
import type { Principal } from '../src/platform/http/access.js';
import { benchId, benchUscc, percentile, seededRandom, timeCalls, timeMix } from './fixtures.js';
import { fmtMs, note, report, skip } from './report.js';
import { latencies, perUnit, postgresUnavailable, startPlatform, timeQueries, type BenchPlatform } from './platform.js';

const RESOURCES = Number(process.env.LIUTONG_BENCH_CATALOG_SIZE ?? 100_000);
const CHUNK = 5_000;
const ROUNDS = Number(process.env.LIUTONG_BENCH_CATALOG_ROUNDS ?? 5);
const TARGET_P95_MS = 50;

const CITIES: Array<[string, string]> = [
  ['广州市', 'Guangzhou'], ['深圳市', 'Shenzhen'], ['珠海市', 'Zhuhai'], ['汕头市', 'Shantou'], ['佛山市', 'Foshan'], ['韶关市', 'Shaoguan'],
  ['河源市', 'Heyuan'], ['梅州市', 'Meizhou'], ['惠州市', 'Huizhou'], ['汕尾市', 'Shanwei'], ['东莞市', 'Dongguan'], ['中山市', 'Zhongshan'],
  ['江门市', 'Jiangmen'], ['阳江市', 'Yangjiang'], ['湛江市', 'Zhanjiang'], ['茂名市', 'Maoming'], ['肇庆市', 'Zhaoqing'], ['清远市', 'Qingyuan'],
  ['潮州市', 'Chaozhou'], ['揭阳市', 'Jieyang'], ['云浮市', 'Yunfu'],
];
const SUBJECTS: Array<[string, string]> = [
  ['企业用电量', 'enterprise electricity usage'], ['居民用电量', 'household electricity usage'], ['工业用水量', 'industrial water usage'],
  ['户籍人口', 'registered population'], ['流动人口', 'floating population'], ['出生登记', 'birth registrations'], ['婚姻登记', 'marriage registrations'],
  ['企业注册登记', 'company registrations'], ['个体工商户', 'individual businesses'], ['纳税信用等级', 'tax credit ratings'], ['社会保险缴费', 'social insurance payments'],
  ['医疗机构', 'medical institutions'], ['门诊就诊', 'outpatient visits'], ['药品经营许可', 'drug trading licences'], ['公交客流', 'bus ridership'],
  ['地铁客流', 'metro ridership'], ['道路拥堵指数', 'road congestion index'], ['停车场泊位', 'parking spaces'], ['空气质量', 'air quality'],
  ['水质监测', 'water quality monitoring'], ['降雨量', 'rainfall'], ['气温观测', 'temperature observations'], ['不动产登记', 'real estate registrations'],
  ['土地出让', 'land transfers'], ['建设工程许可', 'construction permits'], ['食品抽检', 'food sampling inspections'], ['特种设备', 'special equipment'],
  ['行政处罚', 'administrative penalties'], ['信用承诺', 'credit commitments'], ['失信被执行人', 'dishonest judgement debtors'], ['专利授权', 'patent grants'],
  ['高新技术企业', 'high-tech enterprises'], ['进出口贸易', 'import and export trade'], ['港口吞吐量', 'port throughput'], ['旅游接待', 'tourist arrivals'],
  ['学校名录', 'school directory'], ['学籍信息', 'student records'], ['就业登记', 'employment registrations'], ['最低生活保障', 'minimum living allowance'],
  ['养老服务机构', 'elderly care institutions'],
];
const KINDS: Array<[string, string]> = [
  ['月度统计', 'monthly statistics'], ['明细', 'details'], ['汇总', 'summary'], ['信息', 'information'], ['目录', 'directory'], ['台账', 'ledger'],
  ['年度报表', 'annual report'], ['实时数据', 'real-time data'],
];
const FIELDS: Array<[string, string, string]> = [
  ['uscc', '统一社会信用代码', 'unified social credit code'], ['name', '名称', 'name'], ['region', '行政区划', 'administrative division'],
  ['period', '统计期', 'period'], ['amount', '数量', 'amount'], ['updated', '更新时间', 'updated at'], ['address', '地址', 'address'],
  ['phone', '联系电话', 'phone number'], ['id_no', '身份证号', 'resident ID number'], ['status', '状态', 'status'],
];
const CATEGORIES = [
  'cat_base0000000000000001', 'cat_base0000000000000002', 'cat_base0000000000000003', 'cat_base0000000000000004', 'cat_theme000000000000001',
  'cat_theme000000000000002', 'cat_theme000000000000003', 'cat_theme000000000000004', 'cat_theme000000000000005', 'cat_theme000000000000006',
];
const ATTR = ['unconditional', 'conditional', 'none'] as const;


interface Orgs {
  publics: string[];
  socials: string[];
  viewer: Principal;
}

async function makeOrgs(p: BenchPlatform): Promise<Orgs> {
  const { lt } = p;
  const publics: string[] = [];
  for (const [zh, en] of CITIES.slice(0, 20)) {
    const o = await lt.identity.organisations.create({ name: { zh: `${zh}政务服务数据管理局`, en: `${en} Government Services and Data Administration` }, uscc: benchUscc('11440000'), type: 'government', roles: ['source_unit'] }, null);
    publics.push(o.id);
  }
  const socials: string[] = [];
  for (let i = 0; i < 4; i++) {
    const o = await lt.identity.organisations.create({ name: { zh: `基准企业${i + 1}`, en: `Bench enterprise ${i + 1}` }, uscc: benchUscc('11440000'), roles: ['enterprise'] }, null);
    socials.push(o.id);
  }
  const viewer: Principal = { kind: 'user', orgId: publics[0]!, orgRoles: ['source_unit'], memberRole: 'staff', personRoles: [], userId: benchId('usr'), displayName: 'bench' };
  return { publics, socials, viewer };
}

/** Bulk-loads RESOURCES resources (one version, 6 fields each) with set-based inserts; returns one published id. */
async function load(p: BenchPlatform, orgs: Orgs): Promise<string> {
  const db = p.lt.kernel.db;
  const r = seededRandom(42);
  // Updated uniformly over the last three years, the newest now.
  const span = 3 * 365 * 86_400_000;
  const base = p.lt.kernel.clock.now().getTime() - span;
  let sample = '';
  for (let from = 0; from < RESOURCES; from += CHUNK) {
    const res: object[] = [];
    const ver: object[] = [];
    const fld: object[] = [];
    for (let i = from; i < Math.min(from + CHUNK, RESOURCES); i++) {
      const id = benchId('res');
      const roll = r(100);
      const social = roll < 8;
      const draft = !social && roll < 16;
      const org = social ? orgs.socials[r(orgs.socials.length)]! : orgs.publics[r(orgs.publics.length)]!;
      const status = draft ? 'draft' : 'published';
      const at = new Date(base + Math.floor(((i + 1) * span) / RESOURCES)).toISOString();
      const city = CITIES[r(CITIES.length)]!;
      const subject = SUBJECTS[r(SUBJECTS.length)]!;
      const kind = KINDS[r(KINDS.length)]!;
      const level = ['general', 'general', 'general', 'important'][r(4)]!;
      const open = social ? null : level === 'important' ? ATTR[1 + r(2)]! : ATTR[r(3)]!;
      const sharing = social ? null : ATTR[r(2)]!;
      res.push({ id, source_org_id: org, scope: social ? 'social' : 'public', head_version: 1, status, live_version: draft ? null : 1, created_at: at, updated_at: at });
      ver.push({
        resource_id: id, version: 1, status,
        title_zh: `${city[0]}${subject[0]}${kind[0]}`,
        title_en: `${city[1]} ${subject[1]} ${kind[1]}`,
        description_zh: `${city[0]}范围内的${subject[0]}${kind[0]}，按${['日', '月', '季度', '年'][r(4)]}更新，供政务共享与开放使用。`,
        description_en: `${kind[1]} of ${subject[1]} in ${city[1]}, updated regularly for government sharing and open use.`,
        category_id: CATEGORIES[r(CATEGORIES.length)]!, update_frequency: 'monthly', format: ['table', 'table', 'api', 'file'][r(4)]!,
        level, general_level: level === 'general' ? 1 + r(4) : null, personal_info: 'none',
        sharing: sharing && { type: sharing, ...(sharing === 'conditional' ? { conditions: '仅限政务用途' } : {}) },
        open: open && { type: open, ...(open === 'conditional' ? { conditions: '须签署数据利用协议' } : {}) },
        created_at: at, updated_at: at, published_at: draft ? null : at,
      });
      for (let k = 0; k < 6; k++) {
        // (i + 3k) mod 10 for k = 0..5: six distinct fields
        const f = FIELDS[(i + k * 3) % FIELDS.length]!;
        fld.push({ resource_id: id, version: 1, position: k, name: f[0], label_zh: f[1], label_en: f[2], data_type: 'string', is_key: k === 0, level: 'general', general_level: 1, personal_info: 'none' });
      }
      if (!sample && !draft && !social) sample = id;
    }
    await sql`insert into catalog_resource (id, source_org_id, scope, head_version, status, live_version, created_at, updated_at)
      select * from jsonb_to_recordset(${JSON.stringify(res)}::jsonb) as x(id text, source_org_id text, scope text, head_version int, status text, live_version int, created_at timestamptz, updated_at timestamptz)`.execute(db);
    await sql`insert into catalog_resource_version (resource_id, version, status, title_zh, title_en, description_zh, description_en, category_id, update_frequency, format, level, general_level, personal_info, sharing, open, created_at, updated_at, published_at)
      select * from jsonb_to_recordset(${JSON.stringify(ver)}::jsonb) as x(resource_id text, version int, status text, title_zh text, title_en text, description_zh text, description_en text,
        category_id text, update_frequency text, format text, level text, general_level int, personal_info text, sharing jsonb, open jsonb, created_at timestamptz, updated_at timestamptz, published_at timestamptz)`.execute(db);
    await sql`insert into catalog_resource_field (resource_id, version, position, name, label_zh, label_en, data_type, is_key, level, general_level, personal_info)
      select * from jsonb_to_recordset(${JSON.stringify(fld)}::jsonb) as x(resource_id text, version int, position int, name text, label_zh text, label_en text, data_type text, is_key boolean, level text, general_level int, personal_info text)`.execute(db);
  }
  return sample;
}

type Query = { label: string; public?: boolean; q?: string; category?: string; level?: string; open?: string; format?: string; body?: string; page?: number };

function queries(orgs: Orgs): Query[] {
  return [
    { label: 'zh-bigram', q: '用电' },
    { label: 'zh-bigram', q: '客流' },
    { label: 'zh-bigram', q: '登记' },
    { label: 'zh-char', q: '电' },
    { label: 'zh-char', q: '水' },
    { label: 'zh-term', q: '企业用电量' },
    { label: 'zh-term', q: '深圳市纳税信用等级' },
    { label: 'zh-2terms', q: '广州 空气质量' },
    { label: 'en-word', q: 'electricity' },
    { label: 'en-prefix', q: 'regist' },
    { label: 'en-2words', q: 'shenzhen ridership' },
    { label: 'faceted', q: '人口', category: 'cat_base0000000000000001' },
    { label: 'faceted', q: '许可', level: 'general', format: 'table' },
    { label: 'faceted', q: 'quality', open: 'unconditional', body: orgs.publics[1] },
    { label: 'page-3', q: '统计', page: 3 },
    { label: 'public', public: true, q: '用电' },
    { label: 'public', public: true, q: 'air quality' },
    { label: 'public', public: true, q: '信用', open: 'unconditional' },
  ];
}

async function catalogBench(engine: Engine): Promise<void> {
  const name = `catalog/search-${engine}`;
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return skip(name, why);
  }
  const p = await startPlatform(engine, { startRelay: false, onDisk: engine === 'pglite' });
  try {
    const { lt } = p;
    const orgs = await makeOrgs(p);
    const t0 = performance.now();
    const sample = await load(p, orgs);
    const loaded = performance.now() - t0;
    const t1 = performance.now();
    const counts = await lt.catalog.search.reindex(null);
    await sql`analyze`.execute(lt.kernel.db);
    const indexed = performance.now() - t1;
    note(name, {
      resources: RESOURCES,
      'bulk-loaded': `${RESOURCES.toLocaleString('en-US')} resources (+ versions, ${(RESOURCES * 6).toLocaleString('en-US')} fields) by jsonb_to_recordset inserts in ${fmtMs(loaded)}`,
      'index-built': `reindex → ${counts.documents.toLocaleString('en-US')} documents in ${fmtMs(indexed)}`,
    });

    if (process.env.LIUTONG_BENCH_CATALOG_EXPLAIN) {
      // Diagnostics: the plan of one search statement (LIUTONG_BENCH_CATALOG_EXPLAIN=<query>).
      const pglite = lt.database.pglite;
      const original = pglite?.query.bind(pglite);
      if (pglite && original) {
        (pglite as any).query = async (text: string, params: unknown[], opts: unknown) => {
          if (text.includes('with m as')) console.log(((await original(`explain (analyze, buffers) ${text}`, params as any[], opts as any)).rows as any[]).map((r) => r['QUERY PLAN']).join('\n'));
          return original(text, params as any[], opts as any);
        };
      }
      await lt.catalog.search.search(orgs.viewer, { q: process.env.LIUTONG_BENCH_CATALOG_EXPLAIN, page: 1, pageSize: 20 });
      if (pglite) delete (pglite as any).query;
    }
    const mix = queries(orgs);
    const run = (q: Query) => {
      const query = { q: q.q, category: q.category, level: q.level, open: q.open, format: q.format, body: q.body, page: q.page ?? 1, pageSize: 20 };
      return q.public ? lt.catalog.search.publicSearch(query) : lt.catalog.search.search(orgs.viewer, query);
    };
    // Warm-up (caches, org names), and the hit counts for the context line.
    const totals: Record<string, number> = {};
    for (const q of mix) totals[`${q.public ? 'public:' : ''}${q.q}${q.category || q.level || q.open ? '+facet' : ''}`] = (await run(q)).total;
    for (let i = 0; i < 20; i++) await lt.catalog.resources.get(sample, orgs.viewer);

    const times = timeQueries(lt);
    const { all: lat, byLabel } = await timeMix(mix, ROUNDS, run);
    times.stop();
    const ref = await timeCalls(200, () => lt.catalog.resources.get(sample, orgs.viewer));
    const p95 = percentile(lat, 95);
    const refP95 = percentile(ref, 95);
    report({ name, size: ['resources', RESOURCES], rate: 1000 / p95, reference: { label: 'resources.get primary-key read, 1000/p95', rate: 1000 / refP95 }, target: { rate: 1000 / TARGET_P95_MS } });
    note(name, {
      queries: lat.length,
      p50: fmtMs(percentile(lat, 50)),
      p95: fmtMs(p95),
      max: fmtMs(lat[lat.length - 1]!),
      'reference-p50': fmtMs(percentile(ref, 50)),
      'reference-p95': fmtMs(refP95),
      target: `p95<${TARGET_P95_MS}ms`,
    });
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
  if (want('pglite')) await catalogBench('pglite');
  if (want('postgres')) await catalogBench('postgres');
}
