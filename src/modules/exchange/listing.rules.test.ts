import { describe, expect, it } from 'vitest';
import {
  assessmentPassed, CHECKLIST_ITEMS, feeCapProblem, LISTING_TRANSITIONS, odrlOffer, pricingProblem, prohibitedKinds, queryTerms, registrationProblem, searchTerms,
  type Checklist, type TradeBasis,
} from './listing.rules.js';

const basis = (over: Partial<TradeBasis> = {}): TradeBasis => ({
  assetId: 'rap_1', registrationNumber: 'GDDA-2026-000001', status: 'registered', assetStatus: 'active', holderOrgId: 'org_seller', disputed: false, gradingLevel: 'general', ...over,
});

describe('listing rules (挂牌)', () => {
  it('no registration, no trade: registered, in force, undisputed, held by the seller, not core data', () => {
    expect(registrationProblem(basis(), 'org_seller')).toBeNull();
    expect(registrationProblem(null, 'org_seller')).toBe('not_registered');
    expect(registrationProblem(basis({ status: 'publicity', registrationNumber: null }), 'org_seller')).toBe('not_registered');
    expect(registrationProblem(basis({ assetStatus: 'cancelled' }), 'org_seller')).toBe('not_active');
    expect(registrationProblem(basis({ assetStatus: 'revoked' }), 'org_seller')).toBe('not_active');
    expect(registrationProblem(basis({ disputed: true }), 'org_seller')).toBe('disputed');
    expect(registrationProblem(basis(), 'org_other')).toBe('not_holder');
    expect(registrationProblem(basis({ gradingLevel: 'core' }), 'org_seller')).toBe('core_data');
    expect(registrationProblem(basis({ gradingLevel: 'important' }), 'org_seller')).toBeNull();
  });

  it('the service-fee cap binds in its own unit, to the fen, tier by tier; a quote cannot be checked', () => {
    const cap = { amount: '0.5', unit: '元/次' };
    expect(feeCapProblem({ model: 'per_call', amountFen: '50' }, cap)).toBeNull();
    expect(feeCapProblem({ model: 'per_call', amountFen: '51' }, cap)).toEqual({ reason: 'above_cap', amountFen: '51', capFen: '50' });
    expect(feeCapProblem({ model: 'tiered', tiers: [{ upTo: 1000, amountFen: '50' }, { upTo: null, amountFen: '40' }] }, cap)).toBeNull();
    expect(feeCapProblem({ model: 'tiered', tiers: [{ upTo: 1000, amountFen: '60' }, { upTo: null, amountFen: '40' }] }, cap)).toMatchObject({ reason: 'above_cap', amountFen: '60' });
    expect(feeCapProblem({ model: 'subscription', amountFen: '100', period: 'year' }, cap)).toEqual({ reason: 'unit_differs', unit: '元/次' });
    expect(feeCapProblem({ model: 'subscription', amountFen: '1200000', period: 'year' }, { amount: '12000.00', unit: '元/年' })).toBeNull();
    expect(feeCapProblem({ model: 'subscription', amountFen: '1200001', period: 'year' }, { amount: '12000', unit: '元/年' })?.reason).toBe('above_cap');
    expect(feeCapProblem({ model: 'quote' }, cap)).toEqual({ reason: 'quote_under_cap', unit: '元/次' });
    expect(feeCapProblem({ model: 'quote' }, null)).toBeNull();
    expect(feeCapProblem({ model: 'one_off', amountFen: '99999999' }, null)).toBeNull();
    // A cap with a fraction of a fen rounds up in the seller's favour only by that fraction.
    expect(feeCapProblem({ model: 'per_call', amountFen: '1' }, { amount: '0.005', unit: '元/次' })).toBeNull();
    expect(feeCapProblem({ model: 'per_call', amountFen: '2' }, { amount: '0.005', unit: '元/次' })?.reason).toBe('above_cap');
  });

  it('tiers ascend with one open last tier', () => {
    expect(pricingProblem({ model: 'tiered', tiers: [{ upTo: 100, amountFen: '5' }, { upTo: null, amountFen: '4' }] })).toBeNull();
    expect(pricingProblem({ model: 'tiered', tiers: [{ upTo: 100, amountFen: '5' }, { upTo: 50, amountFen: '4' }, { upTo: null, amountFen: '3' }] })).toBe('tiers_ascending');
    expect(pricingProblem({ model: 'tiered', tiers: [{ upTo: null, amountFen: '5' }, { upTo: 100, amountFen: '4' }] })).toBe('last_tier_open_only');
    expect(pricingProblem({ model: 'tiered', tiers: [{ upTo: 10, amountFen: '5' }, { upTo: 100, amountFen: '4' }] })).toBe('last_tier_open_only');
    expect(pricingProblem({ model: 'per_call', amountFen: '5' })).toBeNull();
  });

  it('the prohibited list (禁止交易清单) catches declared kinds', () => {
    expect(prohibitedKinds(['aggregated', 'biometric', 'genetic'], ['genetic', 'biometric'])).toEqual(['genetic', 'biometric']);
    expect(prohibitedKinds(['aggregated', 'enterprise'], ['genetic', 'biometric'])).toEqual([]);
  });

  it('an assessment passes only when every checklist item passed', () => {
    const all = Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, { passed: true, note: '' }])) as Checklist;
    expect(assessmentPassed(all)).toBe(true);
    for (const k of CHECKLIST_ITEMS) expect(assessmentPassed({ ...all, [k]: { passed: false, note: 'x' } })).toBe(false);
  });

  it('the state machine: editing only in draft, submission only after a passed assessment, listing only by approval', () => {
    expect(LISTING_TRANSITIONS.submit.from).toEqual(['assessed']);
    expect(LISTING_TRANSITIONS.approve.from).toEqual(['submitted']);
    expect(LISTING_TRANSITIONS.assess_fail.to).toBe('draft');
    expect(LISTING_TRANSITIONS.reject.to).toBe('draft');
    expect(LISTING_TRANSITIONS.withdraw.from).not.toContain('listed');
    const reachListed = Object.entries(LISTING_TRANSITIONS).filter(([, r]) => r.to === 'listed').map(([a]) => a).sort();
    expect(reachListed).toEqual(['approve', 'reinstate']);
  });

  it('search terms: words, Chinese characters and pairs; a query needs all its terms', () => {
    const terms = searchTerms('企业用电量指数', 'Electricity Index 2026');
    for (const t of ['企', '用电', '电量', 'electricity', 'index', '2026']) expect(terms).toContain(t);
    expect(terms).not.toContain('企业用');
    expect(queryTerms('用电量 Index')).toEqual(['用电', '电量', 'index']);
    expect(queryTerms('电')).toEqual(['电']);
    expect(queryTerms('  ')).toEqual([]);
    expect(queryTerms('用电量').every((t) => terms.includes(t))).toBe(true);
    expect(queryTerms('用水').every((t) => terms.includes(t))).toBe(false);
  });

  it('the offer as ODRL: constraints for purpose, period, count, place; prohibitions; the destruction duty', () => {
    const o = odrlOffer('lst_1', 'rap_1', 'did:web:x:orgs:org_1', {
      purposes: ['授信审批'], periodDays: 365, maxUses: 1000, noResale: true, mainlandOnly: true, noReidentification: true, destructionRequired: true,
    });
    expect(o).toMatchObject({ '@type': 'Offer', assigner: 'did:web:x:orgs:org_1', target: 'urn:liutong:asset:rap_1' });
    expect(o.permission[0]!.constraint).toEqual([
      { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['授信审批'] },
      { leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P365D' },
      { leftOperand: 'count', operator: 'lteq', rightOperand: 1000 },
      { leftOperand: 'spatial', operator: 'eq', rightOperand: 'CN-mainland' },
    ]);
    expect(o.prohibition.map((p) => p.action)).toEqual(['distribute', 'sell', 'reidentify']);
    expect(o.permission[0]).toHaveProperty('duty');
    const loose = odrlOffer('lst_1', 'rap_1', 'did', { purposes: ['x'], periodDays: 30, maxUses: null, noResale: false, mainlandOnly: false, noReidentification: false, destructionRequired: false });
    expect(loose.permission[0]!.constraint).toHaveLength(2);
    expect(loose.prohibition).toEqual([]);
    expect(loose.permission[0]).not.toHaveProperty('duty');
  });
});
