import { describe, expect, it } from 'vitest';
import { rollUp } from './dcmm.model.js';
import { indicatorsOf, rank, scoreOf, type Indicator, type Weights } from './evaluation.indicators.js';
import type { IndicatorSources } from './indicator.sources.js';

const W: Weights = { cataloguing: 20, mounting: 15, timeliness: 15, quality: 15, responseTime: 15, approvalRate: 10, openDatasets: 10 };
const NOW = new Date('2026-11-30T00:00:00Z');
const day = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function sources(over: Partial<IndicatorSources> = {}): IndicatorSources {
  return {
    catalogued: async () => ({
      catalogued: 4,
      published: [
        { id: 'r1', version: 1, updateFrequency: 'monthly', open: { type: 'unconditional' } },
        { id: 'r2', version: 1, updateFrequency: 'daily', open: { type: 'none' } },
        { id: 'r3', version: 1, updateFrequency: 'irregular', open: null },
      ],
    }),
    mounts: null,
    quality: null,
    sharing: null,
    ...over,
  };
}
const get = (xs: Indicator[], k: string) => xs.find((x) => x.key === k)!;

describe('evaluation indicators', () => {
  it('reports indicators of missing modules as unavailable and leaves them out of the score', async () => {
    const xs = await indicatorsOf('org_x', sources(), { now: NOW, openDatasetsTarget: 2 });
    expect(get(xs, 'cataloguing')).toMatchObject({ status: 'ok', value: 0.75, score: 75 });
    expect(get(xs, 'openDatasets')).toMatchObject({ status: 'ok', value: 1, score: 50 });
    for (const k of ['mounting', 'timeliness', 'quality', 'responseTime', 'approvalRate']) expect(get(xs, k)).toMatchObject({ status: 'unavailable', score: null });
    // (20·75 + 10·50) / 30
    expect(scoreOf(xs, W)).toBe(66.67);
  });

  it('computes mounting and timeliness from mounts against the declared update frequency', async () => {
    const mounted: Record<string, string> = { r1: day(40), r2: day(0.5) };
    const xs = await indicatorsOf('org_x', sources({ mounts: { source: async (id) => ({ mount: mounted[id] ? { mountedAt: mounted[id] } : null }) } }), { now: NOW, openDatasetsTarget: 10 });
    expect(get(xs, 'mounting')).toMatchObject({ status: 'ok', score: 66.67, detail: { published: 3, mounted: 2 } });
    // r1 monthly, 40 days old: late; r2 daily, half a day: timely.
    expect(get(xs, 'timeliness')).toMatchObject({ status: 'ok', value: 0.5, score: 50 });
  });

  it('scores sharing answers: late answers and overdue pending requests lower the response score', async () => {
    const sharing = (onTime: number, late: number, overdue: number) => ({
      statsForSource: async () => ({ answered: onTime + late, onTime, overduePending: overdue, approved: onTime + late, rejected: 0, meanResponseHours: 10 }),
    });
    const good = await indicatorsOf('org_x', sources({ sharing: sharing(4, 0, 0) }), { now: NOW, openDatasetsTarget: 10 });
    const late = await indicatorsOf('org_x', sources({ sharing: sharing(4, 1, 0) }), { now: NOW, openDatasetsTarget: 10 });
    const overdue = await indicatorsOf('org_x', sources({ sharing: sharing(4, 1, 1) }), { now: NOW, openDatasetsTarget: 10 });
    expect(get(good, 'responseTime').score).toBe(100);
    expect(get(late, 'responseTime').score).toBe(80);
    expect(get(overdue, 'responseTime').score).toBe(66.67);
    expect(scoreOf(late, W)!).toBeLessThan(scoreOf(good, W)!);
    const none = await indicatorsOf('org_x', sources({ sharing: sharing(0, 0, 0) }), { now: NOW, openDatasetsTarget: 10 });
    expect(get(none, 'responseTime')).toMatchObject({ status: 'no_data', score: null });
  });

  it('gives a body with nothing catalogued zero for supply and no score at all when nothing scores', async () => {
    const empty = sources({ catalogued: async () => ({ catalogued: 0, published: [] }) });
    const xs = await indicatorsOf('org_x', empty, { now: NOW, openDatasetsTarget: 10 });
    expect(get(xs, 'cataloguing')).toMatchObject({ status: 'no_data', score: 0 });
    expect(scoreOf(xs, W)).toBe(0);
    expect(scoreOf(xs, { ...W, cataloguing: 0, openDatasets: 0 })).toBeNull();
  });

  it('ranks by score, ties sharing a rank, unscored last without a rank', () => {
    const r = rank([{ id: 'a', score: 50 }, { id: 'b', score: null }, { id: 'c', score: 80 }, { id: 'd', score: 50 }]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([['c', 1], ['a', 2], ['d', 2], ['b', null]]);
  });
});

describe('DCMM roll-up (GB/T 36073-2018)', () => {
  it('takes area means rounded down, and the overall mean capped one level above the weakest area', () => {
    expect(rollUp([{ area: 'strategy', level: 3 }, { area: 'strategy', level: 4 }, { area: 'security', level: 5 }])).toEqual({
      areas: [{ area: 'strategy', score: 3.5, level: 3 }, { area: 'security', score: 5, level: 5 }],
      overallScore: 4.25,
      overallLevel: 4,
    });
    expect(rollUp([{ area: 'strategy', level: 5 }, { area: 'quality', level: 1 }]).overallLevel).toBe(2);
    expect(rollUp([])).toEqual({ areas: [], overallScore: 0, overallLevel: 0 });
  });
});
