import { describe, expect, it } from 'vitest';
import { detect, mergeSuggestion, suggestionFor } from './scan.rules.js';
import { companies, debitCards, residents } from '../../cli/demo.data.js';

describe('classification scanner rules', () => {
  const people = residents(200);
  it('recognises identity numbers, mobiles, bank cards, USCCs, e-mails and addresses', () => {
    expect(detect(people.map((p) => p.id_number))?.detected).toBe('resident_id');
    expect(detect(people.map((p) => p.mobile))?.detected).toBe('mobile');
    expect(detect(people.map((p) => p.address))?.detected).toBe('address');
    const firms = companies(100);
    expect(detect(firms.map((c) => c.uscc))?.detected).toBe('uscc');
    expect(detect(debitCards(firms).map((d) => d.debit_card))?.detected).toBe('bank_card');
    expect(detect(['a.b@example.cn', 'x@y.com', 'z@q.org'])?.detected).toBe('email');
  });

  it('needs most of the sample to agree, and ignores empty values', () => {
    const ids = people.slice(0, 10).map((p) => p.id_number);
    // 7 of 10 valid: below the share → nothing recognised.
    const mixed = [...ids.slice(0, 7), 'x1', 'x2', 'x3'];
    expect(detect(mixed)).toBeNull();
    expect(detect([...ids, '', null, undefined])?.detected).toBe('resident_id');
    expect(detect(['', null])).toBeNull();
    // a wrong check character is not an ID number
    expect(detect(ids.map((i) => i.slice(0, 17) + (i[17] === '0' ? '1' : '0')))).toBeNull();
    expect(detect(['企业用电量', '12', 'abc'])).toBeNull();
  });

  it('raises a grade but never lowers what a person set', () => {
    const sens = suggestionFor('resident_id').grade;
    const low = { level: 'general' as const, generalLevel: 1, personalInfo: 'none' as const, sensitiveCategories: [] };
    const up = mergeSuggestion(low, sens);
    expect(up.raised).toBe(true);
    expect(up.grade).toEqual({ level: 'general', generalLevel: 4, personalInfo: 'sensitive', sensitiveCategories: ['specific_identity'] });
    // A person graded the field important: the suggestion (general 4) keeps it important.
    const important = { level: 'important' as const, generalLevel: null, personalInfo: 'sensitive' as const, sensitiveCategories: ['specific_identity' as const] };
    expect(mergeSuggestion(important, sens)).toEqual({ grade: important, raised: false });
    // A USCC suggestion (general 1, none) never lowers a general 3 personal field.
    const g3 = { level: 'general' as const, generalLevel: 3, personalInfo: 'personal' as const, sensitiveCategories: [] };
    expect(mergeSuggestion(g3, suggestionFor('uscc').grade)).toEqual({ grade: g3, raised: false });
    expect(mergeSuggestion(null, suggestionFor('mobile').grade).grade.personalInfo).toBe('personal');
  });
});
