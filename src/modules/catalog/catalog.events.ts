/** The catalog module's domain events and their payloads. */
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
  }
}
