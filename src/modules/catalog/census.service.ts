import type { Tx } from '../../platform/database/database.js';
import { AppError, PlatformErrors, type Locale } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type OrgRole, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import { validateUscc, type NewOrganisation } from '../identity/index.js';
import { CatalogErrors } from './catalog.errors.js';
import type { CategoryNode, CategoryService } from './category.service.js';
import { parseFieldsCell, type CensusSheets, type SheetName } from './census.transfer.js';
import { toDefinitions, type SheetRow } from './element.transfer.js';
import type { ElementService, OrganisationDirectory } from './element.service.js';
import type { ElementRow } from './element.repository.js';
import type { FieldRow, Frequency, ResourceFormat } from './resource.repository.js';
import { PUBLIC_ORG_TYPES, type ResourceService } from './resource.service.js';
import type { SystemService } from './system.service.js';
import { nameTaken as systemNameTaken, listSystems } from './system.repository.js';
import type { SystemRow } from './system.repository.js';
import { DATA_TYPES, type DataType } from './value.validators.js';

type I18n = { zh: string; en: string };

/** identity's organisation service as census import uses it: look bodies up, create them inside the import's transaction. */
export interface OrganisationRegistrar {
  list(query: { q: string; page: number; pageSize: number; sort: 'createdAt'; order: 'asc' }): Promise<{ items: Array<{ id: string; uscc: string | null; name: I18n; type: string; roles: readonly string[]; status: string }> }>;
  createIn(tx: Tx, emit: Emit, input: NewOrganisation, by: Principal | null): Promise<{ id: string }>;
}

/** One problem of the report: where (sheet, row, column) and what (stable code, message in both languages). */
export interface CensusProblem {
  sheet: SheetName;
  line: number;
  column: string;
  code: string;
  message: { zh: string; en: string };
}

const ORG_TYPES = ['government', 'public_institution', 'public_enterprise', 'enterprise'] as const;
/** Roles the data bureau may grant (identity's GRANTABLE for data_bureau). */
const BUREAU_GRANTS = ['source_unit', 'implementing_body', 'operator', 'data_merchant', 'service_provider', 'enterprise'];
const FREQUENCIES: Frequency[] = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'];
const FORMATS: ResourceFormat[] = ['table', 'api', 'file'];
const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** The API's own length limits (system.schemas.ts, resource.schemas.ts) for the optional text columns. */
const LIMITS = {
  systems: [['department', 200], ['hosting', 200], ['description_zh', 4000], ['description_en', 4000]],
  resources: [['description_zh', 4000], ['description_en', 4000], ['coverage', 500]],
} as const;

interface PendingOrg {
  /** Stands for the body's id until it is created (an id of the same shape, so rows referring to it pass the API's own checks). */
  key: string;
  line: number;
  name: I18n;
  uscc: string;
  type: (typeof ORG_TYPES)[number];
  roles: string[];
}
interface OrgRef {
  id: string;
  type: string;
  roles: readonly string[];
}

const msg = (code: string, params: Record<string, string | number>) => {
  const e = new AppError(code, undefined, params);
  return { code: e.code, message: { zh: e.localizedMessage('zh-CN' as Locale), en: e.localizedMessage('en-US' as Locale) } };
};

/**
 * Census import (普查导入) of bodies, systems, data elements and resources from one workbook, all
 * or nothing: every row of every sheet is checked first (the answer is a report by sheet, row and
 * column); only a clean workbook is written, in one transaction, each record with its own event
 * plus one `catalog.census.imported`. Bodies named in later sheets (by USCC or Chinese name) must be
 * in the same file or already registered. Only the data bureau imports.
 */
export class CensusService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationDirectory & OrganisationRegistrar,
    private readonly elements: ElementService,
    private readonly categories: CategoryService,
    private readonly resources: ResourceService,
    private readonly systems: SystemService,
  ) {}

  async import(sheets: CensusSheets, by: Principal, requestId?: string) {
    if (!hasAnyRole(by, ['data_bureau'])) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['data_bureau'] }, { roles: 'data_bureau' });
    const problems: CensusProblem[] = [];
    const problem = (sheet: SheetName, line: number, column: string, code: string, params: Record<string, string | number> = {}) =>
      problems.push({ sheet, line, column, ...msg(code, { sheet, line, column, ...params }) });
    const cell = (sheet: SheetName, line: number, column: string, reason: string) => problem(sheet, line, column, CatalogErrors.CATALOG_CENSUS_CELL_INVALID, { reason });
    const fail = (sheet: SheetName, line: number, column: string, reason: string): false => (cell(sheet, line, column, reason), false);

    // ---- bodies
    const pending: PendingOrg[] = [];
    for (const { line, cells } of sheets.organisations ?? []) {
      const c = (k: string) => cells[k] ?? '';
      let ok = true;
      for (const k of ['name_zh', 'name_en'] as const) if (!c(k) || c(k).length > 200) ok = fail('organisations', line, k, c(k) ? 'too_long' : 'required');
      const check = validateUscc(c('uscc'));
      if (!check.valid) ok = fail('organisations', line, 'uscc', `uscc_${check.reason}`);
      const type = c('type') as PendingOrg['type'];
      if (!ORG_TYPES.includes(type)) ok = fail('organisations', line, 'type', 'unknown_type');
      const roles = c('roles') ? [...new Set(c('roles').split(/[;；,，\s]+/).filter(Boolean))] : ['source_unit'];
      if (roles.some((r) => !BUREAU_GRANTS.includes(r))) ok = fail('organisations', line, 'roles', 'role_not_grantable');
      if (!ok) continue;
      if (pending.some((p) => p.uscc === c('uscc')) || (await this.elements.orgIdByUscc(c('uscc')))) {
        problem('organisations', line, 'uscc', CatalogErrors.CATALOG_CENSUS_DUPLICATE, { value: c('uscc') });
        continue;
      }
      if (pending.some((p) => p.name.zh === c('name_zh'))) {
        problem('organisations', line, 'name_zh', CatalogErrors.CATALOG_CENSUS_DUPLICATE, { value: c('name_zh') });
        continue;
      }
      pending.push({ key: newId('org'), line, name: { zh: c('name_zh'), en: c('name_en') }, uscc: c('uscc'), type, roles });
    }

    // Bodies named by USCC or Chinese name: in this file, or registered (and active).
    const refCache = new Map<string, OrgRef | null>();
    const resolveOrg = async (value: string): Promise<OrgRef | null> => {
      const p = pending.find((o) => o.uscc === value || o.name.zh === value);
      if (p) return { id: p.key, type: p.type, roles: p.roles };
      if (refCache.has(value)) return refCache.get(value)!;
      const { items } = value ? await (this.orgs as OrganisationRegistrar).list({ q: value, page: 1, pageSize: 100, sort: 'createdAt', order: 'asc' }) : { items: [] };
      const o = items.find((i) => (i.uscc === value || i.name.zh === value) && i.status === 'active');
      const ref = o ? { id: o.id, type: o.type, roles: o.roles } : null;
      refCache.set(value, ref);
      return ref;
    };
    const directory: Pick<OrganisationDirectory, 'get'> = {
      get: async (id) => {
        const p = pending.find((o) => o.key === id);
        return p ? { id, type: p.type, roles: p.roles, status: 'active', uscc: p.uscc } : this.orgs.get(id);
      },
    };

    // ---- systems
    const systems: Array<{ line: number; orgKey: string; input: Parameters<SystemService['row']>[1] }> = [];
    for (const { line, cells } of sheets.systems ?? []) {
      const c = (k: string) => cells[k] ?? '';
      const org = await resolveOrg(c('org'));
      if (!org) {
        problem('systems', line, 'org', CatalogErrors.CATALOG_CENSUS_REFERENCE_UNKNOWN, { value: c('org') });
        continue;
      }
      let ok = true;
      for (const k of ['name_zh', 'name_en'] as const) if (!c(k) || c(k).length > 200) ok = fail('systems', line, k, c(k) ? 'too_long' : 'required');
      if (!!c('description_zh') !== !!c('description_en')) ok = fail('systems', line, c('description_zh') ? 'description_en' : 'description_zh', 'both_languages_required');
      for (const [k, max] of LIMITS.systems) if (c(k).length > max) ok = fail('systems', line, k, 'too_long');
      const status = (c('status') || 'in_service') as 'in_service' | 'retired';
      if (!['in_service', 'retired'].includes(status)) ok = fail('systems', line, 'status', 'unknown_status');
      const year = c('launch_year') ? Number(c('launch_year')) : undefined;
      if (year !== undefined && (!Number.isInteger(year) || year < 1949 || year > 2200)) ok = fail('systems', line, 'launch_year', 'invalid_year');
      if (!ok) continue;
      const dup = systems.some((s) => s.orgKey === org.id && s.input.name.zh.toLowerCase() === c('name_zh').toLowerCase()) || (!pending.some((p) => p.key === org.id) && (await systemNameTaken(this.k.db, org.id, c('name_zh'))));
      if (dup) {
        problem('systems', line, 'name_zh', CatalogErrors.CATALOG_CENSUS_DUPLICATE, { value: c('name_zh') });
        continue;
      }
      systems.push({
        line, orgKey: org.id,
        input: {
          name: { zh: c('name_zh'), en: c('name_en') }, status,
          ...(c('department') ? { department: c('department') } : {}),
          ...(c('description_zh') ? { description: { zh: c('description_zh'), en: c('description_en') } } : {}),
          ...(year !== undefined ? { launchYear: year } : {}),
          ...(c('hosting') ? { hosting: c('hosting') } : {}),
        },
      });
    }

    // ---- data elements: the element import's own parsing (element.transfer.ts) and checks (ElementService.prepareMany)
    let elementRows: ElementRow[] = [];
    const elementLines: number[] = [];
    if (sheets.elements?.length) {
      const usccs = new Map<string, string | undefined>();
      for (const r of sheets.elements) {
        const u = r.cells.source_uscc ?? '';
        if (!usccs.has(u)) usccs.set(u, pending.find((p) => p.uscc === u)?.key ?? (await this.elements.orgIdByUscc(u)));
      }
      const { inputs, problems: rowProblems } = toDefinitions(sheets.elements as SheetRow[], (u) => usccs.get(u));
      for (const p of rowProblems) {
        if (p.reason === 'unknown_organisation') problem('elements', p.line, p.field, CatalogErrors.CATALOG_CENSUS_REFERENCE_UNKNOWN, { value: sheets.elements.find((r) => r.line === p.line)?.cells.source_uscc ?? '' });
        else cell('elements', p.line, p.field, p.reason);
      }
      const prepared = await this.elements.prepareMany(by.orgId, inputs.map((i) => i.input), by, directory);
      for (const { index, error } of prepared.errors) problems.push({ sheet: 'elements', line: inputs[index]!.line, column: 'row', code: error.code, message: { zh: error.localizedMessage('zh-CN' as Locale), en: error.localizedMessage('en-US' as Locale) } });
      if (!prepared.errors.length) {
        elementRows = prepared.rows;
        elementLines.push(...inputs.map((i) => i.line));
      }
    }

    // ---- resources
    const categories = new Map<string, string>();
    const walk = (nodes: CategoryNode[]) => nodes.forEach((n) => (categories.set(n.code, n.id), categories.set(n.id, n.id), walk(n.children as CategoryNode[])));
    walk(await this.categories.tree());
    const elementCache = new Map<string, { id: string; identifier: string; dataType: DataType; format: ElementRow['format'] } | null>();
    const elementOf = async (identifier: string) => {
      const inFile = elementRows.find((e) => e.identifier === identifier) ?? (sheets.elements ?? []).some((r) => r.cells.identifier === identifier);
      if (inFile && inFile !== true) return { id: inFile.id, identifier, dataType: inFile.dataType, format: inFile.format };
      if (inFile) return { id: '', identifier, dataType: 'string' as DataType, format: null }; // in the file but refused: reported there
      if (!elementCache.has(identifier)) {
        const { items } = await this.elements.list({ q: identifier, status: 'active', sort: 'identifier', order: 'asc', page: 1, pageSize: 50 });
        const e = items.find((i) => i.identifier === identifier);
        elementCache.set(identifier, e ? { id: e.id, identifier, dataType: e.dataType, format: e.format } : null);
      }
      return elementCache.get(identifier)!;
    };
    const resources: Array<{ line: number; org: OrgRef; systemName: string | null; input: { title: I18n; description?: I18n; categoryId: string; updateFrequency: Frequency; format: ResourceFormat; coverage?: string }; fields: FieldRow[] }> = [];
    for (const { line, cells } of sheets.resources ?? []) {
      const c = (k: string) => cells[k] ?? '';
      const org = await resolveOrg(c('org'));
      if (!org) {
        problem('resources', line, 'org', CatalogErrors.CATALOG_CENSUS_REFERENCE_UNKNOWN, { value: c('org') });
        continue;
      }
      let ok = true;
      for (const k of ['title_zh', 'title_en'] as const) if (!c(k) || c(k).length > 200) ok = fail('resources', line, k, c(k) ? 'too_long' : 'required');
      if (!!c('description_zh') !== !!c('description_en')) ok = fail('resources', line, c('description_zh') ? 'description_en' : 'description_zh', 'both_languages_required');
      for (const [k, max] of LIMITS.resources) if (c(k).length > max) ok = fail('resources', line, k, 'too_long');
      const categoryId = categories.get(c('category'));
      if (!categoryId) {
        problem('resources', line, 'category', CatalogErrors.CATALOG_CENSUS_REFERENCE_UNKNOWN, { value: c('category') });
        ok = false;
      }
      if (!FREQUENCIES.includes(c('update_frequency') as Frequency)) ok = fail('resources', line, 'update_frequency', 'unknown_frequency');
      if (!FORMATS.includes(c('format') as ResourceFormat)) ok = fail('resources', line, 'format', 'unknown_format');
      if (c('system')) {
        const inFile = systems.some((s) => s.orgKey === org.id && s.input.name.zh === c('system') && s.input.status !== 'retired');
        const existing = !inFile && !pending.some((p) => p.key === org.id) && (await listSystems(this.k.db, { orgIds: [org.id], q: c('system'), status: 'in_service', page: 1, pageSize: 50 })).items.some((s) => s.nameZh === c('system'));
        if (!inFile && !existing) {
          problem('resources', line, 'system', CatalogErrors.CATALOG_CENSUS_REFERENCE_UNKNOWN, { value: c('system') });
          ok = false;
        }
      }
      const specs = parseFieldsCell(c('fields'));
      const fields: FieldRow[] = [];
      if (!specs) ok = fail('resources', line, 'fields', 'fields_syntax');
      else if (specs.length > 500) ok = fail('resources', line, 'fields', 'too_many_fields');
      for (const f of specs ?? []) {
        if (f.labelZh.length > 200 || f.labelEn.length > 200) {
          ok = fail('resources', line, 'fields', `label_too_long_${f.name}`);
          continue;
        }
        if (!FIELD_NAME.test(f.name) || fields.some((x) => x.name === f.name)) {
          ok = fail('resources', line, 'fields', fields.some((x) => x.name === f.name) ? `duplicate_field_${f.name}` : `field_name_${f.name}`);
          continue;
        }
        const base = { name: f.name, labelZh: f.labelZh, labelEn: f.labelEn, key: f.key, grade: null };
        if ((DATA_TYPES as readonly string[]).includes(f.typeOrElement)) {
          fields.push({ ...base, elementId: null, elementIdentifier: null, dataType: f.typeOrElement as DataType, format: null });
          continue;
        }
        const e = await elementOf(f.typeOrElement);
        if (!e) {
          problem('resources', line, 'fields', CatalogErrors.CATALOG_CENSUS_REFERENCE_UNKNOWN, { value: f.typeOrElement });
          ok = false;
          continue;
        }
        fields.push({ ...base, elementId: e.id, elementIdentifier: e.identifier, dataType: e.dataType, format: e.format });
      }
      if (!ok) continue;
      resources.push({
        line, org, systemName: c('system') || null, fields,
        input: {
          title: { zh: c('title_zh'), en: c('title_en') }, categoryId: categoryId!, updateFrequency: c('update_frequency') as Frequency, format: c('format') as ResourceFormat,
          ...(c('description_zh') ? { description: { zh: c('description_zh'), en: c('description_en') } } : {}),
          ...(c('coverage') ? { coverage: c('coverage') } : {}),
        },
      });
    }

    if (problems.length) return this.refuse(problems);

    // ---- one transaction: bodies, systems, elements, resources (each evented), then the import itself.
    let at: { sheet: SheetName; line: number } = { sheet: 'organisations', line: 0 };
    try {
      return await this.k.transact(async (tx, emit) => {
        const ids = new Map<string, string>();
        for (const p of pending) {
          at = { sheet: 'organisations', line: p.line };
          const o = await this.orgs.createIn(tx, emit, { name: p.name, uscc: p.uscc, type: p.type, roles: p.roles as OrgRole[] }, by);
          ids.set(p.key, o.id);
        }
        const real = (key: string) => ids.get(key) ?? key;
        const systemIds = new Map<string, string>();
        for (const s of systems) {
          at = { sheet: 'systems', line: s.line };
          const row: SystemRow = this.systems.row(real(s.orgKey), s.input);
          await this.systems.insertIn(tx, emit, row, by, requestId);
          systemIds.set(`${row.orgId}\u0000${row.nameZh}`, row.id);
        }
        at = { sheet: 'elements', line: elementLines[0] ?? 0 };
        await this.elements.insertIn(tx, emit, elementRows.map((e) => ({ ...e, sourceOrgId: real(e.sourceOrgId) })), by, requestId);
        for (const r of resources) {
          at = { sheet: 'resources', line: r.line };
          const orgId = real(r.org.id);
          let systemId = r.systemName ? systemIds.get(`${orgId}\u0000${r.systemName}`) : undefined;
          if (r.systemName && !systemId) systemId = (await listSystems(tx, { orgIds: [orgId], q: r.systemName, status: 'in_service', page: 1, pageSize: 50 })).items.find((s) => s.nameZh === r.systemName)?.id;
          const scope = PUBLIC_ORG_TYPES.includes(r.org.type) ? 'public' : 'social';
          await this.resources.createIn(tx, emit, orgId, scope, { ...r.input, ...(systemId ? { systemId } : {}), ...(r.systemName ? { systemName: r.systemName } : {}) }, r.fields, by, requestId);
        }
        const counts = { organisations: pending.length, systems: systems.length, elements: elementRows.length, resources: resources.length };
        const id = newId('cen');
        await emit({ type: 'catalog.census.imported', subject: { type: 'census_import', id }, orgId: by.orgId, actor: serviceActor(by), requestId, payload: counts });
        return { id, ...counts };
      });
    } catch (err) {
      // A conflict found only while writing (a concurrent writer): nothing was written; reported at its row.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return this.refuse([{ sheet: at.sheet, line: at.line, column: 'row', code: err.code, message: { zh: err.localizedMessage('zh-CN' as Locale), en: err.localizedMessage('en-US' as Locale) } }]);
    }
  }

  private refuse(problems: CensusProblem[]): never {
    const order = (s: SheetName) => ['organisations', 'systems', 'elements', 'resources'].indexOf(s);
    problems.sort((a, b) => order(a.sheet) - order(b.sheet) || a.line - b.line);
    throw new AppError(CatalogErrors.CATALOG_CENSUS_ROWS_INVALID, { rows: problems }, { count: problems.length });
  }
}
