import { describe, expect, it } from 'vitest';
import { documentGrams, normalize, parseQuery } from './search.tokenizer.js';

describe('search tokenizer (character bigrams, word prefixes)', () => {
  it('normalizes full-width characters, case and whitespace', () => {
    expect(normalize('  ＡＢＣ　企业\t用电量 ')).toBe('abc 企业 用电量');
  });

  it('indexes every Chinese character and every adjacent pair, without a segmenter', () => {
    const grams = documentGrams('企业用电量');
    expect(grams.sort()).toEqual(['业', '业用', '企', '企业', '用', '用电', '电', '电量', '量'].sort());
    // Pairs never span a non-Chinese character or a space.
    expect(documentGrams('用电 量')).not.toContain('电量');
    expect(documentGrams('用电A量')).not.toContain('电量');
  });

  it('indexes Latin words and digits lower-cased by their prefixes of 2 to 6 characters', () => {
    expect(documentGrams('Electricity').sort()).toEqual(['el', 'ele', 'elec', 'elect', 'electr'].sort());
    expect(documentGrams('DE.PERSON.ID')).toEqual(expect.arrayContaining(['de', 'pe', 'person', 'id']));
    expect(documentGrams('2024年')).toEqual(expect.arrayContaining(['20', '2024', '年']));
    expect(documentGrams('a 企')).toEqual(['企']);
  });

  it('a query: a Chinese term by its bigrams (one character by itself), a word by its prefix; every gram of a match is in the document', () => {
    expect(parseQuery('用电')).toEqual({ terms: ['用电'], grams: ['用电'], exact: ['用电'] });
    expect(parseQuery('电')).toEqual({ terms: ['电'], grams: ['电'], exact: ['电'] });
    expect(parseQuery('企业用电量')).toEqual({ terms: ['企业用电量'], grams: ['企业', '业用', '用电', '电量'], exact: [] });
    expect(parseQuery('Electricity usage')).toEqual({ terms: ['electricity', 'usage'], grams: ['electr', 'usage'], exact: ['usage'] });
    expect(parseQuery('DE.PERSON.ID')).toEqual({ terms: ['de.person.id'], grams: ['de', 'person', 'id'], exact: [] });
    expect(parseQuery('a')).toEqual({ terms: ['a'], grams: [], exact: [] });
    expect(parseQuery('  ')).toEqual({ terms: [], grams: [], exact: [] });
    expect(parseQuery('用电 用电')).toEqual({ terms: ['用电'], grams: ['用电'], exact: ['用电'] });
    const doc = new Set(documentGrams('广州市企业用电量月度统计 Guangzhou enterprise electricity usage'));
    for (const q of ['用电', '电', '企业用电量', '广州 统计', 'elec', 'electricity usage', 'GUANGZHOU']) {
      expect(parseQuery(q).grams.every((g) => doc.has(g)), q).toBe(true);
    }
    expect(parseQuery('用水').grams.every((g) => doc.has(g))).toBe(false);
  });
});
