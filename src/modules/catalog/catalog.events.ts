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
    // The classification scanner's suggestions (scan.service.ts): what it recognised, whether it would raise a grade.
    'catalog.resource.scanned': { version: number; sampled: number; suggestions: Array<{ field: string; detected: string; raises: boolean }> };
    // Mounting (挂接): a table from a file (sha256 of the original, row count) or an external API.
    'catalog.mount.created': { version: number; kind: 'table'; format: 'csv' | 'xlsx' | 'parquet'; sha256: string; rowCount: number; replaced: boolean };
    'catalog.mount.rechecked': { version: number; sha256: string; rowCount: number; fromVersion: number };
    'catalog.mount.removed': { version: number; kind: 'table' | 'api'; fromVersion: number };
    'catalog.mount.api_registered': { version: number; kind: 'api'; upstreamUrl: string; keyParam: string | null; timeoutMs: number; replaced: boolean };
    // Quality (质量, GB/T 36344-2018): user rules replaced; a report with its six dimension scores.
    'catalog.quality.rules_updated': { rules: number };
    'catalog.quality.reported': { reportId: string; version: number; dataVersion: number | null; rowsProfiled: number; overall: number; scores: Record<string, number>; threshold: number };
    // Three lists (三清单), census import and the important-data catalogue (list.migrations.ts).
    'catalog.system.created': { name: I18n; status: 'in_service' | 'retired'; department: string | null };
    'catalog.system.updated': { changed: string[] };
    'catalog.system.retired': { name: I18n };
    'catalog.demand.created': { title: I18n; elementIds: string[]; purpose: string };
    'catalog.demand.matched': { resourceIds: string[]; status: 'matched' };
    'catalog.demand.closed': { from: 'open' | 'matched'; reason: string | null };
    'catalog.important.created': { sector: string; name: I18n; elementIdentifiers: string[]; keywords: string[]; categoryIds: string[]; regraded: number };
    'catalog.important.retired': { sector: string };
    /** A resource version raised to important by the important-data catalogue; never lowered. `conflict`: a sharing/open rule the raised level now breaks. */
    'catalog.resource.regraded': { versions: number[]; level: 'important'; entryIds: string[]; conflict: string | null };
    'catalog.census.imported': { organisations: number; systems: number; elements: number; resources: number };
    // Search (search.service.ts): the index rebuilt from scratch.
    'catalog.search.reindexed': { resources: number; elements: number; documents: number };
  }
}
