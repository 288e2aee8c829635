import { describe, expect, it } from 'vitest';
import { allowed, completenessProblems, decide, drawPanel, parseComposition, registrationNumber, TRANSITIONS } from './application.rules.js';

const POOL = [
  { id: 'rvw_a', expertise: ['legal'] }, { id: 'rvw_b', expertise: ['legal', 'audit'] }, { id: 'rvw_c', expertise: ['industry'] },
  { id: 'rvw_d', expertise: ['valuation', 'accounting'] }, { id: 'rvw_e', expertise: ['technical'] }, { id: 'rvw_f', expertise: ['security'] }, { id: 'rvw_g', expertise: ['security', 'technical'] },
];
const COMPOSITION = parseComposition(['legal:1', 'industry:1', 'valuation:1', 'technical:1', 'security:1']);
const SEED = 'a3'.repeat(32);

describe('registration rules', () => {
  it('draws the same panel from the same seed and pool, one reviewer per slot, never twice, and refuses a short pool', () => {
    const panel = drawPanel(SEED, COMPOSITION, POOL)!;
    expect(panel.map((p) => p.expertise)).toEqual(['legal', 'industry', 'valuation', 'technical', 'security']);
    expect(new Set(panel.map((p) => p.reviewerId)).size).toBe(5);
    for (const p of panel) expect(POOL.find((r) => r.id === p.reviewerId)!.expertise).toContain(p.expertise);
    // Reproducible whatever the order the pool is listed in.
    expect(drawPanel(SEED, COMPOSITION, [...POOL].reverse())).toEqual(panel);
    // Different seeds reach different reviewers over many draws (both legal experts get drawn).
    const legal = new Set(Array.from({ length: 40 }, (_, i) => drawPanel(i.toString(16).padStart(64, '0'), COMPOSITION, POOL)![0]!.reviewerId));
    expect(legal).toEqual(new Set(['rvw_a', 'rvw_b']));
    // Without a security expert (both recused), no panel.
    expect(drawPanel(SEED, COMPOSITION, POOL.filter((r) => !r.expertise.includes('security')))).toBeNull();
  });

  it('decides by two thirds exactly, with the security veto', () => {
    const panel = drawPanel(SEED, COMPOSITION, POOL)!;
    const votes = (rejecting: string[]) => panel.map((p) => ({ reviewerId: p.reviewerId, vote: rejecting.includes(p.expertise) ? ('reject' as const) : ('approve' as const) }));
    const rule = { ratio: '2/3', securityVeto: true };
    expect(decide(panel, votes([]).slice(0, 4), rule)).toBeNull();
    expect(decide(panel, votes(['legal']), rule)).toMatchObject({ outcome: 'approved', approvals: 4 });
    // 3 of 5 is below two thirds (9 < 10).
    expect(decide(panel, votes(['legal', 'industry']), rule)).toMatchObject({ outcome: 'rejected', approvals: 3, vetoed: false });
    expect(decide(panel, votes(['security']), rule)).toMatchObject({ outcome: 'rejected', approvals: 4, vetoed: true });
    expect(decide(panel, votes(['security']), { ratio: '2/3', securityVeto: false })).toMatchObject({ outcome: 'approved' });
    expect(decide(panel, votes(['legal', 'industry']), { ratio: '3/5', securityVeto: true })).toMatchObject({ outcome: 'approved' });
  });

  it('names what a draft lacks: no scenario, no registration; all three rights', () => {
    const right = (kind: 'holding' | 'processing' | 'operating') => ({ kind, holderOrgId: 'org_x', basis: '自行采集', scope: '全部字段', termFrom: '2026-01-01', termTo: null });
    expect(completenessProblems({ scenario: null, sources: [], rights: [right('holding')], subject: {} })).toEqual(['scenario_missing', 'subject_missing', 'sources_missing', 'right_missing:processing', 'right_missing:operating']);
    expect(completenessProblems({
      scenario: { users: '银行', purpose: '信贷审批' }, sources: [{ kind: 'own_collection', ref: 'res_x' }],
      rights: [right('holding'), right('processing'), { ...right('operating'), termTo: '2025-01-01' }], subject: { resourceId: 'res_x' },
    })).toEqual(['right_term:operating']);
    expect(completenessProblems({ scenario: { users: ' ', purpose: 'x' }, sources: [{ kind: 'own_collection', ref: 'r' }], rights: [right('holding'), right('processing'), right('operating')], subject: { productId: 'p' } })).toEqual(['scenario_missing']);
  });

  it('numbers registrations from the configured format and allows only listed transitions', () => {
    expect(registrationNumber('GDDA-{yyyy}-{seq6}', 2026, 42)).toBe('GDDA-2026-000042');
    expect(registrationNumber('{yyyy}{seq6}', 2027, 1)).toBe('2027000001');
    expect(allowed('draft', 'submit')).toBe(true);
    expect(allowed('publicity', 'vote')).toBe(false);
    expect(allowed('registered', 'register')).toBe(false);
    expect(Object.keys(TRANSITIONS).sort()).toEqual(['draw', 'object', 'register', 'resolve', 'submit', 'update', 'vote', 'withdraw']);
  });
});
