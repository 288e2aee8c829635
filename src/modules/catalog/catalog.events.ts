/** The catalog module's domain events and their payloads. */
import type { Attribute, FieldGrade, Level, PersonalInfo } from './resource.grading.js';
import type { CodeItem, DataType, Format } from './value.validators.js';

type I18n = { zh: string; en: string };

export interface ElementChangesPayload {
  name?: I18n;
  definition?: I18n | null;
  format?: Format | null;
  codeList?: CodeItem[] | null;
  unit?: string | null;
}

declare module '../../platform/events/event-bus.js' {
  interface DomainEventMap {
    'catalog.element.created': {
      identifier: string;
      name: I18n;
      definition: I18n | null;
      dataType: DataType;
      format: Format | null;
      codeList: CodeItem[] | null;
      unit: string | null;
      version: number;
      sourceOrgId: string;
    };
    'catalog.element.updated': { identifier: string; version: number; changes: ElementChangesPayload };
    'catalog.element.retired': { identifier: string; version: number };
    'catalog.category.created': { code: string; name: I18n; parentId: string | null };
    'catalog.category.updated': { code: string; changes: { name?: I18n; parentId?: string | null; sortOrder?: number } };
    'catalog.resource.created': { scope: 'public' | 'social'; version: number; title: I18n; categoryId: string; fields: string[]; level: Level | null };
    'catalog.resource.updated': { version: number; newVersion: boolean; changed: string[]; level: Level | null };
    'catalog.resource.graded': { version: number; field: string; grade: FieldGrade; level: Level | null; generalLevel: number | null; personalInfo: PersonalInfo };
    'catalog.resource.submitted': { version: number };
    'catalog.resource.published': { version: number; supersedes: number | null; level: Level | null; generalLevel: number | null; sharing: Attribute | null; open: Attribute | null };
    'catalog.resource.deprecated': { version: number };
  }
}
