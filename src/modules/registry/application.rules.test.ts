import { describe, expect, it } from 'vitest';
import { allowed, completenessProblems, decide, drawPanel, effectOf, parseComposition, pathOf, registrationNumber, revisionNumber, subsequentProblems, transferredRights, TRANSITIONS } from './application.rules.js';

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
    expect(Object.keys(TRANSITIONS).sort()).toEqual(['decide', 'draw', 'object', 'register', 'resolve', 'submit', 'update', 'vote', 'withdraw']);
    expect(allowed('submitted', 'decide')).toBe(true);
    expect(allowed('in_review', 'decide')).toBe(false);
    expect(revisionNumber('GDDA-2026-000042', 3)).toBe('GDDA-2026-000042-03');
  });

  it('routes later registrations, says what each does to the asset and checks their own content', () => {
    expect(pathOf('first', [])).toBe('committee');
    expect(pathOf('cancel', ['change', 'transfer', 'licence'])).toBe('registrar');
    expect(pathOf('cancel', ['cancel'])).toBe('committee');
    expect(effectOf('transfer')).toEqual({ record: true, certify: true, ends: 'current', status: null, dispute: false });
    expect(effectOf('revoke')).toMatchObject({ certify: false, ends: 'all', status: 'revoked' });
    expect(effectOf('objection')).toMatchObject({ certify: false, ends: 'none', dispute: true });
    const right = (kind: 'holding' | 'processing' | 'operating', holderOrgId = 'A', termTo: string | null = '2028-12-31') => ({ kind, holderOrgId, basis: 'b', scope: 's', termFrom: '2026-01-01', termTo });
    const current = { titleZh: 't', titleEn: 't', description: 'd', objectKind: 'dataset', resourceId: 'r', productId: null, scenario: { users: 'u', purpose: 'p' }, sources: [], rights: [right('holding'), right('processing'), right('operating')] };
    const base = { ...current, grounds: null, counterpartyOrgId: null, licence: null };
    const asset = { holderOrgId: 'A', current };
    expect(subsequentProblems('change', base, asset)).toEqual(['no_change']);
    expect(subsequentProblems('change', { ...base, description: 'new' }, asset)).toEqual([]);
    expect(subsequentProblems('cancel', base, asset)).toEqual(['grounds_missing']);
    expect(subsequentProblems('transfer', base, asset)).toEqual(['counterparty_missing']);
    expect(subsequentProblems('transfer', { ...base, counterpartyOrgId: 'A' }, asset)).toEqual(['counterparty_is_holder']);
    expect(subsequentProblems('transfer', { ...base, counterpartyOrgId: 'B' }, asset)).toEqual(['transfer_rights']);
    expect(subsequentProblems('transfer', { ...base, counterpartyOrgId: 'B', rights: transferredRights(current.rights, 'A', 'B') }, asset)).toEqual([]);
    const licence = { rights: ['processing' as const], scope: 'x', termFrom: '2026-06-01', termTo: '2027-06-01', exclusive: false };
    expect(subsequentProblems('licence', { ...base, counterpartyOrgId: 'B', licence }, asset)).toEqual([]);
    expect(subsequentProblems('licence', { ...base, counterpartyOrgId: 'B', licence: { ...licence, termTo: null } }, asset)).toEqual(['licence_term_exceeds:processing']);
    expect(subsequentProblems('licence', { ...base, counterpartyOrgId: 'B', licence: { ...licence, termFrom: '2025-01-01' } }, asset)).toEqual(['licence_term_exceeds:processing']);
    expect(subsequentProblems('licence', { ...base, counterpartyOrgId: 'B', licence: { ...licence, rights: ['holding' as const] } }, asset)).toEqual(['licence_rights']);
    expect(subsequentProblems('licence', { ...base, counterpartyOrgId: 'B', licence: { ...licence, termTo: '2026-01-01' } }, asset)).toEqual(['licence_term']);
    expect(subsequentProblems('licence', { ...base, counterpartyOrgId: 'B', licence: { ...licence, rights: ['processing' as const] } }, { ...asset, current: { ...current, rights: [right('processing', 'C')] } })).toEqual(['licence_right_not_held:processing']);
  });
});
