import { describe, expect, it } from 'vitest';
import { addYears, allowed, compareAmounts, modeProblem, termEnd, termProblem } from './agreement.rules.js';

describe('authorized-operation agreement rules', () => {
  it('keeps a term within the maximum years, counting the last day', () => {
    expect(termProblem('2026-12-01', '2031-11-30', '2026-11-30', 5)).toBeNull();
    expect(termProblem('2026-12-01', '2031-12-01', '2026-11-30', 5)).toBe('too_long');
    expect(termProblem('2026-12-01', '2028-12-01', '2026-11-30', 2)).toBe('too_long');
    expect(termProblem('2026-12-01', '2026-12-01', '2026-11-30', 5)).toBe('to_not_after_from');
    expect(termProblem('2025-01-01', '2026-06-30', '2026-11-30', 5)).toBe('ended');
    expect(termProblem('2026-02-30', '2027-01-01', '2026-11-30', 5)).toBe('not_a_date');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('matches the mode to its content: a domain for 分领域, exactly one scenario for 依场景', () => {
    expect(modeProblem('whole', null, [])).toBeNull();
    expect(modeProblem('domain', '金融', ['信贷审批'])).toBeNull();
    expect(modeProblem('domain', ' ', [])).toBe('domain_required');
    expect(modeProblem('whole', '金融', [])).toBe('domain_only_for_domain_mode');
    expect(modeProblem('scenario', null, ['电费贷', '银税互动'])).toBe('one_scenario_per_application');
    expect(modeProblem('scenario', null, ['电费贷'])).toBeNull();
  });

  it('runs the machine: sealing only once reviewed, products only while active, nothing after the end', () => {
    expect(allowed('applied', 'seal')).toBe(false);
    expect(allowed('reviewed', 'seal')).toBe(true);
    expect(allowed('signed', 'activate')).toBe(true);
    expect(allowed('suspended', 'declare')).toBe(false);
    expect(allowed('active', 'declare')).toBe(true);
    expect(allowed('terminated', 'resume')).toBe(false);
    expect(allowed('expired', 'terminate')).toBe(false);
  });

  it('ends a term at midnight after its last day in Asia/Shanghai and compares amounts exactly', () => {
    expect(termEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(compareAmounts('100', '100.00')).toBe(0);
    expect(compareAmounts('99.99', '100')).toBe(-1);
    expect(compareAmounts('1000.5', '999.99')).toBe(1);
    expect(compareAmounts('0.1', '0.09')).toBe(1);
  });
});
