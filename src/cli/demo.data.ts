/**
 * Synthetic data for the demo province (issue 4 "Demo"): residents for the population base
 * (人口库), a company registry, 24 months of electricity usage, tax credit ratings, social
 * insurance payments, transport and weather open data. Everything is made up and deterministic
 * (a seeded generator), and every identifier carries a valid check character: resident ID numbers
 * (GB 11643-1999, ISO 7064 MOD 11-2), unified social credit codes (GB 32100-2015), bank cards
 * (Luhn). No real person or company is described.
 */
import { makeUscc, residentIdCheckChar } from '../platform/uscc.validator.js';

/** Mulberry32: a small, fast, seeded PRNG — the same seed gives the same province. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Guangdong county-level division codes (GB/T 2260) with their names. */
export const DISTRICTS: ReadonlyArray<{ code: string; zh: string; en: string; city: string }> = [
  { code: '440103', zh: '广州市荔湾区', en: 'Liwan, Guangzhou', city: 'Guangzhou' },
  { code: '440104', zh: '广州市越秀区', en: 'Yuexiu, Guangzhou', city: 'Guangzhou' },
  { code: '440105', zh: '广州市海珠区', en: 'Haizhu, Guangzhou', city: 'Guangzhou' },
  { code: '440106', zh: '广州市天河区', en: 'Tianhe, Guangzhou', city: 'Guangzhou' },
  { code: '440111', zh: '广州市白云区', en: 'Baiyun, Guangzhou', city: 'Guangzhou' },
  { code: '440113', zh: '广州市番禺区', en: 'Panyu, Guangzhou', city: 'Guangzhou' },
  { code: '440303', zh: '深圳市罗湖区', en: 'Luohu, Shenzhen', city: 'Shenzhen' },
  { code: '440304', zh: '深圳市福田区', en: 'Futian, Shenzhen', city: 'Shenzhen' },
  { code: '440305', zh: '深圳市南山区', en: 'Nanshan, Shenzhen', city: 'Shenzhen' },
  { code: '440604', zh: '佛山市禅城区', en: 'Chancheng, Foshan', city: 'Foshan' },
  { code: '440606', zh: '佛山市顺德区', en: 'Shunde, Foshan', city: 'Foshan' },
  { code: '441900', zh: '东莞市', en: 'Dongguan', city: 'Dongguan' },
  { code: '442000', zh: '中山市', en: 'Zhongshan', city: 'Zhongshan' },
  { code: '440402', zh: '珠海市香洲区', en: 'Xiangzhou, Zhuhai', city: 'Zhuhai' },
  { code: '440703', zh: '江门市蓬江区', en: 'Pengjiang, Jiangmen', city: 'Jiangmen' },
  { code: '441302', zh: '惠州市惠城区', en: 'Huicheng, Huizhou', city: 'Huizhou' },
];

const SURNAMES = '陈李黄张梁林刘吴罗杨郑周何谢叶朱邓钟许冯曾蔡彭苏卢潘'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玲俊峰文斌辉宇浩婷欣怡嘉'.split('');
const MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '177', '180', '186', '188', '189', '199'];
const STREETS = ['中山路', '解放路', '人民路', '建设路', '环市东路', '天河路', '滨江路', '工业大道', '科技园路', '新港路'];

/** Appends the Luhn check digit. */
export function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export interface Resident {
  id_number: string;
  name: string;
  sex: '1' | '2';
  birth_date: string;
  mobile: string;
  district: string;
  address: string;
}

/** `n` residents with unique, valid ID numbers; the sex code agrees with the ID's 17th digit. */
export function residents(n: number, seed = 2026): Resident[] {
  const r = seededRandom(seed);
  const out: Resident[] = [];
  const used = new Set<string>();
  while (out.length < n) {
    const d = pick(r, DISTRICTS);
    const year = int(r, 1950, 2006);
    const month = int(r, 1, 12);
    const day = int(r, 1, 28);
    const seq = int(r, 0, 999);
    const first17 = `${d.code}${year}${pad(month, 2)}${pad(day, 2)}${pad(seq, 3)}`;
    const id = first17 + residentIdCheckChar(first17);
    if (used.has(id)) continue;
    used.add(id);
    const sex = seq % 2 === 1 ? '1' : '2';
    out.push({
      id_number: id,
      name: pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : ''),
      sex,
      birth_date: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      mobile: pick(r, MOBILE_PREFIXES) + pad(int(r, 0, 99_999_999), 8),
      district: d.code,
      address: `${d.zh}${pick(r, STREETS)}${int(r, 1, 999)}号`,
    });
  }
  return out;
}

const INDUSTRIES: ReadonlyArray<{ code: string; zh: string; en: string }> = [
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information and software services' },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Research and technical services' },
];
const NAME_WORDS = '华信达通宏盛兴隆恒泰新源鑫创立丰瑞景和美嘉德远科贸粤南海'.split('');
const NAME_TAILS: Record<string, string> = { C: '制造', F: '贸易', G: '物流', I: '信息科技', E: '建设工程', H: '餐饮管理', M: '技术服务' };
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface Company {
  uscc: string;
  name: string;
  legal_rep: string;
  industry: string;
  district: string;
  registered_capital: string;
  established: string;
  status: '存续' | '注销';
}

/** `n` companies with unique, valid unified social credit codes (enterprises: 91 + division). */
export function companies(n: number, seed = 4401): Company[] {
  const r = seededRandom(seed);
  const out: Company[] = [];
  const used = new Set<string>();
  while (out.length < n) {
    const d = pick(r, DISTRICTS);
    let org = '';
    for (let i = 0; i < 9; i++) org += USCC_CHARS[int(r, 0, USCC_CHARS.length - 1)];
    const uscc = makeUscc(`91${d.code}${org}`);
    if (used.has(uscc)) continue;
    used.add(uscc);
    const ind = pick(r, INDUSTRIES);
    const city = d.zh.slice(0, d.zh.indexOf('市') + 1) || d.zh;
    out.push({
      uscc,
      name: `${city}${pick(r, NAME_WORDS)}${pick(r, NAME_WORDS)}${NAME_TAILS[ind.code]}有限公司`,
      legal_rep: pick(r, SURNAMES) + pick(r, GIVEN) + pick(r, GIVEN),
      industry: ind.code,
      district: d.code,
      registered_capital: `${int(r, 10, 5000) * 10000}.00`,
      established: `${int(r, 1995, 2023)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`,
      status: r() < 0.96 ? '存续' : '注销',
    });
  }
  return out;
}

/** The `count` calendar months ending with `last` (YYYY-MM), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${pad((t % 12) + 1, 2)}`);
  }
  return out;
}

export interface ElectricityRow {
  uscc: string;
  month: string;
  kwh: string;
  fee: string;
}

/** Monthly electricity usage per company: a size per company, a seasonal curve, noise. */
export function electricity(list: readonly Company[], months: readonly string[], seed = 95598): ElectricityRow[] {
  const r = seededRandom(seed);
  const out: ElectricityRow[] = [];
  for (const c of list) {
    const base = c.industry === 'C' ? int(r, 20_000, 400_000) : int(r, 800, 30_000);
    for (const month of months) {
      const mm = Number(month.slice(5));
      const season = 1 + 0.25 * Math.sin(((mm - 4) / 12) * 2 * Math.PI); // summer peak (air conditioning)
      const kwh = c.status === '注销' ? 0 : Math.round(base * season * (0.85 + r() * 0.3) * 100) / 100;
      out.push({ uscc: c.uscc, month, kwh: kwh.toFixed(2), fee: (kwh * 0.68).toFixed(2) });
    }
  }
  return out;
}

export interface TaxRating {
  uscc: string;
  year: string;
  rating: 'A' | 'B' | 'M' | 'C' | 'D';
}

/** 纳税信用等级 (A/B/M/C/D, 国家税务总局公告2014年第48号 and later) per company and year. */
export function taxRatings(list: readonly Company[], years: readonly string[], seed = 12366): TaxRating[] {
  const r = seededRandom(seed);
  const levels = ['A', 'B', 'M', 'C', 'D'] as const;
  const weights = [0.2, 0.45, 0.25, 0.07, 0.03];
  const draw = () => {
    let x = r();
    for (let i = 0; i < levels.length; i++) if ((x -= weights[i]!) < 0) return levels[i]!;
    return 'B';
  };
  return list.flatMap((c) => years.map((year) => ({ uscc: c.uscc, year, rating: draw() })));
}

export interface SocialInsuranceRow {
  uscc: string;
  month: string;
  insured: string;
  paid: string;
}

/** Social insurance payments per company and month: headcount and amount paid (yuan). */
export function socialInsurance(list: readonly Company[], months: readonly string[], seed = 12333): SocialInsuranceRow[] {
  const r = seededRandom(seed);
  const out: SocialInsuranceRow[] = [];
  for (const c of list) {
    const staff = c.industry === 'C' ? int(r, 20, 800) : int(r, 3, 120);
    for (const month of months) {
      const insured = c.status === '注销' ? 0 : Math.max(1, Math.round(staff * (0.95 + r() * 0.1)));
      out.push({ uscc: c.uscc, month, insured: String(insured), paid: (insured * int(r, 1100, 1600)).toFixed(2) });
    }
  }
  return out;
}

export interface PersonalInsuranceRow {
  id_number: string;
  month: string;
  base: string;
  paid: string;
}

/** Each person's monthly social-insurance contributions: a contribution base and the person's share (8 % pension, 2 % medical, 0.2 % unemployment). */
export function personalSocialInsurance(people: ReadonlyArray<{ id_number: string }>, months: readonly string[], seed = 12366): PersonalInsuranceRow[] {
  const r = seededRandom(seed);
  const out: PersonalInsuranceRow[] = [];
  for (const p of people) {
    const base = int(r, 4_588, 26_421); // within Guangdong's 2026 floor and ceiling, roughly
    for (const month of months) out.push({ id_number: p.id_number, month, base: base.toFixed(2), paid: (base * 0.102).toFixed(2) });
  }
  return out;
}

export interface BusStop {
  stop_id: string;
  name: string;
  district: string;
  lines: string;
  lon: string;
  lat: string;
}

/** Bus stops (open transport data): ids, names, lines, WGS-84 coordinates near their district. */
export function busStops(n: number, seed = 96900): BusStop[] {
  const r = seededRandom(seed);
  const out: BusStop[] = [];
  for (let i = 0; i < n; i++) {
    const d = pick(r, DISTRICTS);
    out.push({
      stop_id: `BS${pad(i + 1, 5)}`,
      name: `${pick(r, STREETS)}${pick(r, ['站', '东站', '西站', '北站', '总站'])}`,
      district: d.code,
      lines: Array.from({ length: int(r, 1, 4) }, () => `${int(r, 1, 299)}路`).join(';'),
      lon: (113.0 + r() * 1.6).toFixed(6),
      lat: (22.2 + r() * 1.4).toFixed(6),
    });
  }
  return out;
}

export interface WeatherRow {
  city: string;
  date: string;
  t_max: string;
  t_min: string;
  rain_mm: string;
}

/** Daily weather observations per city (open data), a subtropical annual cycle with noise. */
export function weather(cities: readonly string[], from: string, days: number, seed = 12121): WeatherRow[] {
  const r = seededRandom(seed);
  const start = Date.parse(`${from}T00:00:00Z`);
  const out: WeatherRow[] = [];
  for (const city of cities) {
    for (let i = 0; i < days; i++) {
      const day = new Date(start + i * 86_400_000);
      const doy = Math.floor((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / 86_400_000);
      const mean = 22.5 + 6.5 * Math.sin(((doy - 105) / 365) * 2 * Math.PI);
      const tMax = mean + 3 + r() * 3;
      out.push({ city, date: day.toISOString().slice(0, 10), t_max: tMax.toFixed(1), t_min: (tMax - 5 - r() * 4).toFixed(1), rain_mm: (r() < 0.35 ? r() * 60 : 0).toFixed(1) });
    }
  }
  return out;
}

/** Rows as RFC 4180 CSV (UTF-8, header from the first row's keys). */
export function toCsv(rows: ReadonlyArray<object>): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) => {
    const s = String(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [cols.join(',')];
  for (const row of rows) lines.push(cols.map((c) => cell((row as Record<string, unknown>)[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A direct-debit bank card per company (a made-up 62xxxx UnionPay-style BIN, Luhn-valid). */
export function debitCards(list: readonly Company[], seed = 95588): Array<{ uscc: string; debit_card: string }> {
  const r = seededRandom(seed);
  return list.map((c) => ({ uscc: c.uscc, debit_card: luhnComplete(`622${pad(int(r, 100, 999), 3)}${pad(int(r, 0, 999_999_999), 9)}${pad(int(r, 0, 999), 3)}`) }));
}
