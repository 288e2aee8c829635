import { describe, expect, it } from 'vitest';
import { INITIAL, TRANSITIONS, narrow, normalise, type Scope } from './sharing-request.rules.js';

const base: Scope = {
  fields: ['a', 'b', 'c'],
  rowFilter: { city: ['gz', 'sz'] },
  ratePerMinute: 100,
  validFrom: new Date('2026-12-01T00:00:00Z'),
  validTo: new Date('2027-12-01T00:00:00Z'),
};

describe('sharing request rules', () => {
  it('lands by sharing class and leaves only the listed transitions', () => {
    expect(INITIAL).toEqual({ unconditional: 'granted', conditional: 'pending', none: 'refused' });
    expect(TRANSITIONS.pending).toEqual({ approve: 'granted', reject: 'rejected', withdraw: 'withdrawn' });
    expect(TRANSITIONS.granted).toEqual({ narrow: 'granted', revoke: 'revoked' });
    for (const s of ['rejected', 'refused', 'withdrawn', 'revoked'] as const) expect(TRANSITIONS[s]).toEqual({});
  });

  it('narrows fields, rows, rate and period and says what changed', () => {
    const out = narrow(base, { fields: ['c', 'a'], rowFilter: { city: ['gz'], year: ['2026'] }, ratePerMinute: 10, validFrom: new Date('2027-01-01T00:00:00Z'), validTo: new Date('2027-06-01T00:00:00Z') });
    expect(out).toEqual({
      scope: { fields: ['a', 'c'], rowFilter: { city: ['gz'], year: ['2026'] }, ratePerMinute: 10, validFrom: new Date('2027-01-01T00:00:00Z'), validTo: new Date('2027-06-01T00:00:00Z') },
      narrowed: ['fields', 'rowFilter', 'ratePerMinute', 'validFrom', 'validTo'],
    });
    expect(narrow(base, {})).toEqual({ scope: base, narrowed: [] });
    expect(narrow({ ...base, rowFilter: null, ratePerMinute: null }, { rowFilter: { city: ['gz'] }, ratePerMinute: 5 })).toMatchObject({ narrowed: ['rowFilter', 'ratePerMinute'] });
  });

  it('names the first widening', () => {
    expect(narrow(base, { fields: ['a', 'd'] })).toEqual({ widening: 'fields: d' });
    expect(narrow(base, { rowFilter: null })).toEqual({ widening: 'rowFilter' });
    expect(narrow(base, { rowFilter: { year: ['2026'] } })).toEqual({ widening: 'rowFilter: city' });
    expect(narrow(base, { rowFilter: { city: ['gz', 'fs'] } })).toEqual({ widening: 'rowFilter: city=fs' });
    expect(narrow(base, { ratePerMinute: 101 })).toEqual({ widening: 'ratePerMinute' });
    expect(narrow(base, { ratePerMinute: null })).toEqual({ widening: 'ratePerMinute' });
    expect(narrow(base, { validFrom: new Date('2026-11-30T00:00:00Z') })).toEqual({ widening: 'validFrom' });
    expect(narrow(base, { validTo: new Date('2028-01-01T00:00:00Z') })).toEqual({ widening: 'validTo' });
  });

  it('normalises row filters', () => {
    expect(normalise({ b: ['2', '1', '2'], a: ['x'] })).toEqual({ a: ['x'], b: ['1', '2'] });
    expect(normalise({})).toBeNull();
    expect(normalise(null)).toBeNull();
  });
});
