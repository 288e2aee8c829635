import { describe, expect, it } from 'vitest';
import * as client from '../../console/src/pages/catalog/resource.rules';
// The test may read the server's pure grading rules directly: the console mirrors them.
// eslint-disable-next-line liutong/module-boundary
import * as server from '../../src/modules/catalog/resource.grading';

describe('console grading rules mirror the server (resource.grading.ts)', () => {
  it('has the same vocabularies', () => {
    expect(client.LEVELS).toEqual(server.LEVELS);
    expect(client.GENERAL_LEVELS).toEqual(server.GENERAL_LEVELS);
    expect(client.PERSONAL_INFO).toEqual(server.PERSONAL_INFO);
    expect(client.SENSITIVE_CATEGORIES).toEqual(server.SENSITIVE_CATEGORIES);
    expect(client.ATTRIBUTE_TYPES).toEqual(server.ATTRIBUTE_TYPES);
  });

  it('agrees on every grading violation, attribute problem and grade problem', () => {
    const attrs: Array<server.Attribute | null> = [null];
    for (const type of server.ATTRIBUTE_TYPES) {
      for (const conditions of [undefined, 'c']) for (const legalBasis of [undefined, 'b']) attrs.push({ type, ...(conditions ? { conditions } : {}), ...(legalBasis ? { legalBasis } : {}) });
    }
    for (const level of [null, ...server.LEVELS]) {
      for (const personalInfo of server.PERSONAL_INFO) {
        for (const sharing of attrs) {
          for (const open of attrs) {
            expect(client.gradingViolation({ level, personalInfo }, sharing, open)).toBe(server.gradingViolation({ level, personalInfo }, sharing, open)?.rule ?? null);
          }
        }
      }
    }
    for (const a of attrs) {
      if (!a) continue;
      expect(client.attributeProblem('sharing', a)).toBe(server.attributeProblem('sharing', a));
      expect(client.attributeProblem('open', a)).toBe(server.attributeProblem('open', a));
    }
    for (const level of server.LEVELS) {
      for (const generalLevel of [null, 1, 4, 5]) {
        for (const personalInfo of server.PERSONAL_INFO) {
          for (const sensitiveCategories of [[], ['medical_health']] as server.SensitiveCategory[][]) {
            const g = { level, generalLevel, personalInfo, sensitiveCategories };
            expect(client.gradeProblem(g)).toBe(server.gradeProblem(g));
          }
        }
      }
    }
  });

  it('computes the resource level as the highest field level (就高从严)', () => {
    const grades: server.FieldGrade[] = [
      { level: 'general', generalLevel: 2, personalInfo: 'personal', sensitiveCategories: [] },
      { level: 'general', generalLevel: 4, personalInfo: 'none', sensitiveCategories: [] },
    ];
    expect(client.resourceGrade(grades)).toEqual(server.resourceGrade(grades.map((grade) => ({ grade }))));
    const withImportant = [...grades, { level: 'important' as const, generalLevel: null, personalInfo: 'sensitive' as const, sensitiveCategories: ['biometrics' as const] }];
    expect(client.resourceGrade(withImportant)).toEqual(server.resourceGrade(withImportant.map((grade) => ({ grade }))));
    expect(client.resourceGrade([null])).toEqual(server.resourceGrade([{ grade: null }]));
  });

  it('sends generalLevel only for general data and categories only for sensitive information', () => {
    expect(client.gradeBody({ level: 'important', generalLevel: 3, personalInfo: 'personal', sensitiveCategories: ['biometrics'] })).toEqual({ level: 'important', personalInfo: 'personal' });
    expect(client.gradeBody({ level: 'general', generalLevel: 2, personalInfo: 'sensitive', sensitiveCategories: ['whereabouts'] })).toEqual({ level: 'general', generalLevel: 2, personalInfo: 'sensitive', sensitiveCategories: ['whereabouts'] });
  });
});
