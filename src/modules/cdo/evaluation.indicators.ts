/**
 * The management evaluation indicators (公共数据管理评价, 行动方案 task 2 "建立公共数据管理评价机制，
 * 定期开展工作评估"; 首席数据官 duties in 粤办函〔2021〕63号: co-ordinate sharing, opening and use).
 * Each indicator gives a value, a score 0–100 and a status:
 * - `ok`: computed from real data;
 * - `no_data`: the body has nothing to measure — supply indicators (cataloguing, mounting, open
 *   datasets) then score 0 (nothing supplied), the others are left out of the body's score;
 * - `unavailable`: the module it comes from is not available; left out of every body's score.
 * A body's score is the weighted mean of its scored indicators (weights `cdo.weights`,
 * renormalised over the indicators that have a score); null when none has.
 */
import type { IndicatorSources, PublishedResource } from './indicator.sources.js';

export const INDICATORS = ['cataloguing', 'mounting', 'timeliness', 'quality', 'responseTime', 'approvalRate', 'openDatasets'] as const;
export type IndicatorKey = (typeof INDICATORS)[number];
export type Weights = Record<IndicatorKey, number>;

export interface Indicator {
  key: IndicatorKey;
  status: 'ok' | 'no_data' | 'unavailable';
  /** The measured value: a rate 0–1, hours (responseTime) or a count (openDatasets); null unless ok. */
  value: number | null;
  score: number | null;
  /** The counts behind the value. */
  detail: Record<string, number>;
}

/** Declared update frequency → longest acceptable age of the last mount, in days; irregular has none. */
const PERIOD_DAYS: Record<string, number | null> = { realtime: 1, daily: 1, weekly: 7, monthly: 31, quarterly: 92, yearly: 366, irregular: null };
const DAY_MS = 86_400_000;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const SUPPLY: IndicatorKey[] = ['cataloguing', 'mounting', 'openDatasets'];

function ind(key: IndicatorKey, value: number | null, score: number | null, detail: Record<string, number> = {}): Indicator {
  return { key, status: 'ok', value: value === null ? null : round(value, 4), score: score === null ? null : round(score), detail };
}
function noData(key: IndicatorKey, detail: Record<string, number> = {}): Indicator {
  return { key, status: 'no_data', value: null, score: SUPPLY.includes(key) ? 0 : null, detail };
}
const unavailable = (key: IndicatorKey): Indicator => ({ key, status: 'unavailable', value: null, score: null, detail: {} });

export interface IndicatorOptions {
  now: Date;
  /** Open datasets that earn the full score. */
  openDatasetsTarget: number;
}

/** Every indicator of one public body. */
export async function indicatorsOf(orgId: string, src: IndicatorSources, opts: IndicatorOptions): Promise<Indicator[]> {
  const { catalogued, published } = await src.catalogued(orgId);
  const out: Indicator[] = [];
  // 编目发布率: published / catalogued (not deprecated).
  out.push(catalogued === 0 ? noData('cataloguing', { catalogued, published: 0 }) : ind('cataloguing', published.length / catalogued, (100 * published.length) / catalogued, { catalogued, published: published.length }));

  // 挂接率 and 更新及时率: published resources with data mounted; mounts no older than the declared frequency.
  if (!src.mounts) {
    out.push(unavailable('mounting'), unavailable('timeliness'));
  } else {
    let mounted = 0;
    let applicable = 0;
    let timely = 0;
    for (const r of published) {
      const s = await src.mounts.source(r.id);
      if (!s?.mount) continue;
      mounted++;
      const days = PERIOD_DAYS[r.updateFrequency] ?? null;
      if (days === null) continue;
      applicable++;
      if (opts.now.getTime() - new Date(s.mount.mountedAt).getTime() <= days * DAY_MS) timely++;
    }
    out.push(published.length === 0 ? noData('mounting', { published: 0, mounted }) : ind('mounting', mounted / published.length, (100 * mounted) / published.length, { published: published.length, mounted }));
    out.push(applicable === 0 ? noData('timeliness', { mounted, applicable }) : ind('timeliness', timely / applicable, (100 * timely) / applicable, { mounted, applicable, timely }));
  }

  // 数据质量: mean of the newest quality report's overall score (GB/T 36344 dimensions) per published resource.
  if (!src.quality) {
    out.push(unavailable('quality'));
  } else {
    const scores: number[] = [];
    for (const r of published) {
      const q = await src.quality.latestScore(r.id);
      if (q !== null) scores.push(q);
    }
    const mean = scores.reduce((a, b) => a + b, 0) / (scores.length || 1);
    out.push(scores.length === 0 ? noData('quality', { reports: 0 }) : ind('quality', mean, mean, { reports: scores.length }));
  }

  // 共享响应 and 共享通过率: answers to sharing requests within the working-day deadline; approvals among answers.
  if (!src.sharing) {
    out.push(unavailable('responseTime'), unavailable('approvalRate'));
  } else {
    const s = await src.sharing.statsForSource(orgId);
    const due = s.answered + s.overduePending;
    const detail = { answered: s.answered, onTime: s.onTime, overduePending: s.overduePending };
    out.push(due === 0 ? noData('responseTime', detail) : { ...ind('responseTime', s.meanResponseHours, (100 * s.onTime) / due, detail) });
    const decided = s.approved + s.rejected;
    out.push(decided === 0 ? noData('approvalRate', { approved: 0, rejected: 0 }) : ind('approvalRate', s.approved / decided, (100 * s.approved) / decided, { approved: s.approved, rejected: s.rejected }));
  }

  // 开放数据集: published resources opened (无条件 or 有条件开放).
  const opened = published.filter((r: PublishedResource) => r.open && r.open.type !== 'none').length;
  out.push(published.length === 0 ? noData('openDatasets', { opened: 0 }) : ind('openDatasets', opened, Math.min(100, (100 * opened) / opts.openDatasetsTarget), { opened }));
  return out;
}

/** The weighted score 0–100 of scored indicators (weights renormalised over them); null when none is scored. */
export function scoreOf(indicators: Indicator[], weights: Weights): number | null {
  let sum = 0;
  let w = 0;
  for (const i of indicators) {
    const wi = weights[i.key] ?? 0;
    if (i.score === null || wi <= 0) continue;
    sum += wi * i.score;
    w += wi;
  }
  return w === 0 ? null : round(sum / w);
}

/** Ranks scored bodies (1 = best; equal scores share a rank); unscored ones get none. */
export function rank<T extends { score: number | null }>(rows: T[]): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  let last: number | null = null;
  let lastRank = 0;
  return sorted.map((r, i) => {
    if (r.score === null) return { ...r, rank: null };
    if (r.score !== last) {
      lastRank = i + 1;
      last = r.score;
    }
    return { ...r, rank: lastRank };
  });
}
