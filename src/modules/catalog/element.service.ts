import type { Executor, Tx } from '../../platform/database/database.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import { IdentityErrors } from '../identity/index.js';
import { CatalogErrors } from './catalog.errors.js';
import type { ElementChangesPayload } from './catalog.events.js';
import * as repo from './element.repository.js';
import { indexElement } from './search.indexer.js';
import { deadlineMatcher } from './regex.guard.js';
import { checkSpec, checkValue, listValidators, type CodeItem, type DataType, type ElementSpec, type Format, type ValueCheck } from './value.validators.js';

type I18n = { zh: string; en: string };

/** What the catalog needs from identity: an organisation's roles and status (its public service). */
export interface OrganisationDirectory {
  get(orgId: string): Promise<{ id: string; type: string; roles: readonly string[]; status: string; uscc?: string | null; name?: { zh: string; en: string } }>;
  /** Search by name or USCC (identity's directory); used to resolve USCCs in imported files. */
  list(query: { q: string; page: number; pageSize: number; sort: 'createdAt'; order: 'asc' }): Promise<{ items: Array<{ id: string; uscc: string | null }> }>;
}

/** A refused row of a bulk definition: its position in the input and the error. */
export interface RowError {
  index: number;
  error: AppError;
}

export interface NewElement {
  identifier: string;
  name: I18n;
  definition?: I18n | null | undefined;
  dataType: DataType;
  format?: Format | null | undefined;
  codeList?: CodeItem[] | null | undefined;
  unit?: string | null | undefined;
  sourceOrgId: string;
}

/** Fields PATCH may change; `null` clears an optional one. */
export type ElementChanges = ElementChangesPayload;

type Action = 'update' | 'retire';
/** The element's states and allowed transitions (DESIGN.md §4): only an active element changes. */
const TRANSITIONS: Record<repo.ElementStatus, Partial<Record<Action, repo.ElementStatus>>> = {
  active: { update: 'active', retire: 'retired' },
  retired: {},
};

/** How long one regular-expression match may run before the check answers `pattern_timeout`. */
const REGEX_DEADLINE_MS = 100;

const trimI18n = (t: I18n): I18n => ({ zh: t.zh.trim(), en: t.en.trim() });
const trimCodes = (list: CodeItem[] | null): CodeItem[] | null => list && list.map((c) => ({ code: c.code, label: trimI18n(c.label) }));

/** Refuses an incoherent definition: format, code list, and how they fit the data type. */
function assertSpec(spec: ElementSpec): void {
  const p = checkSpec(spec);
  if (!p) return;
  switch (p.problem) {
    case 'format':
      throw new AppError(CatalogErrors.CATALOG_FORMAT_INVALID, { reason: p.reason }, { reason: p.reason });
    case 'code_list_required':
      throw new AppError(CatalogErrors.CATALOG_CODE_LIST_REQUIRED);
    case 'code_list_not_allowed':
      throw new AppError(CatalogErrors.CATALOG_CODE_LIST_NOT_ALLOWED);
    case 'code_list':
      throw new AppError(CatalogErrors.CATALOG_CODE_LIST_INVALID, { reason: p.reason, code: p.code }, { reason: p.reason, code: p.code });
  }
}

/**
 * The data element standard (公共数据元, 一数一源一标准): one element per data item (unique
 * identifier, unique Chinese name among active elements), exactly one authoritative source unit,
 * defined and maintained by the data bureau that owns it. Every change is an evidence event.
 */
export class ElementService {
  private readonly match = deadlineMatcher(REGEX_DEADLINE_MS);

  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationDirectory,
  ) {}

  view(e: repo.ElementRow) {
    return {
      id: e.id,
      identifier: e.identifier,
      name: { zh: e.nameZh, en: e.nameEn },
      definition: e.definitionZh !== null && e.definitionEn !== null ? { zh: e.definitionZh, en: e.definitionEn } : null,
      dataType: e.dataType,
      format: e.format,
      codeList: e.codeList,
      unit: e.unit,
      version: e.version,
      sourceOrgId: e.sourceOrgId,
      ownerOrgId: e.ownerOrgId,
      status: e.status,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }

  validators() {
    return listValidators();
  }

  /**
   * Defines an element owned by `ownerOrgId` (an active data bureau). `by` null = the platform
   * itself (demo seed); otherwise the caller must belong to the owner organisation.
   */
  async create(ownerOrgId: string, input: NewElement, by: Principal | null, requestId?: string) {
    const row = await this.prepare(ownerOrgId, input, by);
    return this.k.transact(async (tx, emit) => this.insertPrepared(tx, emit, row, by, requestId));
  }

  /**
   * Defines many elements at once, all or nothing (census import): every row is checked first and
   * the answer lists each failing row with its error code; only when none fails are all written,
   * in one transaction (a conflict found there still writes nothing).
   */
  async createMany(ownerOrgId: string, inputs: NewElement[], by: Principal | null, requestId?: string): Promise<{ created: number; errors: RowError[] }> {
    if (by && by.orgId !== ownerOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const { rows, errors } = await this.prepareMany(ownerOrgId, inputs, by);
    if (errors.length || !rows.length) return { created: 0, errors };
    await this.k.transact(async (tx, emit) => this.insertIn(tx, emit, rows, by, requestId));
    return { created: rows.length, errors: [] };
  }

  /**
   * Checks many definitions as createMany does (duplicates within the input included) without
   * writing. `orgs` answers for the organisations: census import (census.service.ts) passes one that
   * also knows the bodies created earlier in the same file, then writes the rows with `insertIn`
   * inside its own transaction.
   */
  async prepareMany(ownerOrgId: string, inputs: NewElement[], by: Principal | null, orgs: Pick<OrganisationDirectory, 'get'> = this.orgs): Promise<{ rows: repo.ElementRow[]; errors: RowError[] }> {
    const rows: repo.ElementRow[] = [];
    const errors: RowError[] = [];
    const identifiers = new Map<string, number>();
    const names = new Map<string, number>();
    for (const [i, input] of inputs.entries()) {
      try {
        const row = await this.prepare(ownerOrgId, input, by, orgs);
        const seenId = identifiers.get(row.identifier);
        const seenName = names.get(row.nameZh.toLowerCase());
        if (seenId !== undefined) throw new AppError(CatalogErrors.CATALOG_IDENTIFIER_TAKEN, { identifier: row.identifier, sameAsRow: seenId }, { identifier: row.identifier });
        if (seenName !== undefined) throw new AppError(CatalogErrors.CATALOG_NAME_TAKEN, { name: row.nameZh, sameAsRow: seenName }, { name: row.nameZh });
        if (await repo.identifierTaken(this.k.db, row.identifier)) throw this.conflict('identifier', row);
        if (await repo.activeNameTaken(this.k.db, row.nameZh)) throw this.conflict('name', row);
        identifiers.set(row.identifier, i);
        names.set(row.nameZh.toLowerCase(), i);
        rows.push(row);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        errors.push({ index: i, error: err });
      }
    }
    return { rows, errors };
  }

  /** Writes prepared rows (prepareMany) inside the caller's transaction, one event each. */
  async insertIn(tx: Tx, emit: Emit, rows: repo.ElementRow[], by: Principal | null, requestId?: string): Promise<void> {
    for (const row of rows) await this.insertPrepared(tx, emit, row, by, requestId);
  }

  /** Checks an element definition and builds its row; throws the AppError that refuses it. */
  private async prepare(ownerOrgId: string, input: NewElement, by: Principal | null, orgs: Pick<OrganisationDirectory, 'get'> = this.orgs): Promise<repo.ElementRow> {
    if (by && by.orgId !== ownerOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const spec: ElementSpec = { dataType: input.dataType, format: input.format ?? null, codeList: trimCodes(input.codeList ?? null) };
    assertSpec(spec);
    await this.assertOrg(ownerOrgId, 'data_bureau', CatalogErrors.CATALOG_OWNER_ORG_INVALID, orgs);
    await this.assertOrg(input.sourceOrgId, 'source_unit', CatalogErrors.CATALOG_SOURCE_ORG_INVALID, orgs);
    const now = this.k.clock.now();
    const name = trimI18n(input.name);
    const definition = input.definition ? trimI18n(input.definition) : null;
    return {
      id: newId('del'),
      identifier: input.identifier,
      nameZh: name.zh,
      nameEn: name.en,
      definitionZh: definition?.zh ?? null,
      definitionEn: definition?.en ?? null,
      dataType: spec.dataType,
      format: spec.format,
      codeList: spec.codeList as CodeItem[] | null,
      unit: input.unit?.trim() ?? null,
      version: 1,
      sourceOrgId: input.sourceOrgId,
      ownerOrgId,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
  }

  private async insertPrepared(tx: Tx, emit: Emit, row: repo.ElementRow, by: Principal | null, requestId?: string) {
    if (await repo.identifierTaken(tx, row.identifier)) throw this.conflict('identifier', row);
    if (await repo.activeNameTaken(tx, row.nameZh)) throw this.conflict('name', row);
    await repo.insertElement(tx, row).catch((err) => this.rethrow(err, row));
    await indexElement(tx, row.id); // search index, same transaction (search.indexer.ts)
    await emit({
      type: 'catalog.element.created',
      subject: { type: 'data_element', id: row.id },
      orgId: row.ownerOrgId,
      actor: serviceActor(by),
      requestId,
      payload: {
        identifier: row.identifier,
        name: { zh: row.nameZh, en: row.nameEn },
        definition: row.definitionZh !== null && row.definitionEn !== null ? { zh: row.definitionZh, en: row.definitionEn } : null,
        dataType: row.dataType,
        format: row.format,
        codeList: row.codeList,
        unit: row.unit,
        version: row.version,
        sourceOrgId: row.sourceOrgId,
      },
    });
    return this.view(row);
  }

  /** The organisation id of a USCC, for files that name organisations by their code. */
  async orgIdByUscc(uscc: string): Promise<string | undefined> {
    if (!/^[0-9A-Z]{18}$/.test(uscc)) return undefined;
    const { items } = await this.orgs.list({ q: uscc, page: 1, pageSize: 5, sort: 'createdAt', order: 'asc' });
    return items.find((o) => o.uscc === uscc)?.id;
  }

  /** The USCC of an organisation ('' when it has none). */
  async usccOf(orgId: string): Promise<string> {
    try {
      return (await this.orgs.get(orgId)).uscc ?? '';
    } catch {
      return '';
    }
  }

  /** `db`: the caller's transaction when it has one open (PGlite has a single connection). */
  async get(elementId: string, db: Executor = this.k.db) {
    return this.view(await this.find(elementId, db));
  }

  async list(query: repo.ElementQuery) {
    const { items, total } = await repo.listElements(this.k.db, query);
    return { items: items.map((e) => this.view(e)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Changes name, definition, format, code list or unit; the version goes up by one. Owner bureau only. */
  async update(elementId: string, changes: ElementChanges, by: Principal | null, requestId?: string) {
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      const row = await this.findForChange(tx, elementId, by, 'update');
      const next: repo.ElementRow = { ...row, version: row.version + 1, updatedAt: now };
      const recorded: ElementChanges = {};
      if (changes.name !== undefined) {
        recorded.name = trimI18n(changes.name);
        next.nameZh = recorded.name.zh;
        next.nameEn = recorded.name.en;
      }
      if (changes.definition !== undefined) {
        recorded.definition = changes.definition && trimI18n(changes.definition);
        next.definitionZh = recorded.definition?.zh ?? null;
        next.definitionEn = recorded.definition?.en ?? null;
      }
      if (changes.format !== undefined) next.format = recorded.format = changes.format;
      if (changes.codeList !== undefined) next.codeList = recorded.codeList = trimCodes(changes.codeList);
      if (changes.unit !== undefined) next.unit = recorded.unit = changes.unit?.trim() ?? null;
      assertSpec({ dataType: next.dataType, format: next.format, codeList: next.codeList });
      if (recorded.name && (await repo.activeNameTaken(tx, next.nameZh, row.id))) throw this.conflict('name', next);
      await repo
        .updateElement(tx, row.id, {
          nameZh: next.nameZh,
          nameEn: next.nameEn,
          definitionZh: next.definitionZh,
          definitionEn: next.definitionEn,
          format: next.format,
          codeList: next.codeList,
          unit: next.unit,
          version: next.version,
          updatedAt: now,
        })
        .catch((err) => this.rethrow(err, next));
      await indexElement(tx, row.id); // search index, same transaction (search.indexer.ts)
      await emit({
        type: 'catalog.element.updated',
        subject: { type: 'data_element', id: row.id },
        orgId: row.ownerOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { identifier: row.identifier, version: next.version, changes: recorded },
      });
      return this.view(next);
    });
  }

  /** Retires an active element (it stays readable; its Chinese name becomes free for a successor). */
  async retire(elementId: string, by: Principal | null, requestId?: string) {
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      const row = await this.findForChange(tx, elementId, by, 'retire');
      const next: repo.ElementRow = { ...row, status: TRANSITIONS[row.status].retire!, updatedAt: now };
      await repo.updateElement(tx, row.id, { status: next.status, updatedAt: now });
      await indexElement(tx, row.id); // search index, same transaction (search.indexer.ts)
      await emit({
        type: 'catalog.element.retired',
        subject: { type: 'data_element', id: row.id },
        orgId: row.ownerOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { identifier: row.identifier, version: row.version },
      });
      return this.view(next);
    });
  }

  /** Checks a value against the element's data type, format and code list. Changes nothing. */
  async check(elementId: string, value: string): Promise<ValueCheck> {
    const e = await this.find(elementId);
    return checkValue({ dataType: e.dataType, format: e.format, codeList: e.codeList }, value, this.match);
  }

  private async find(elementId: string, db: Executor = this.k.db): Promise<repo.ElementRow> {
    const e = await repo.findElement(db, elementId);
    if (!e) throw new AppError(CatalogErrors.CATALOG_ELEMENT_NOT_FOUND);
    return e;
  }

  /** The element, locked for the transaction, if `by` belongs to its owner and `action` is allowed in its state. */
  private async findForChange(tx: Tx, elementId: string, by: Principal | null, action: Action) {
    const row = await repo.findElement(tx, elementId, true);
    if (!row) throw new AppError(CatalogErrors.CATALOG_ELEMENT_NOT_FOUND);
    if (by && by.orgId !== row.ownerOrgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    if (!TRANSITIONS[row.status][action]) {
      throw new AppError(CatalogErrors.CATALOG_ELEMENT_STATE_CONFLICT, { status: row.status, action }, { status: row.status, action });
    }
    return row;
  }

  /** The organisation must exist, be active and hold `role` (checked through identity's service). */
  private async assertOrg(orgId: string, role: string, code: string, orgs: Pick<OrganisationDirectory, 'get'> = this.orgs): Promise<void> {
    let org;
    try {
      org = await orgs.get(orgId);
    } catch (err) {
      if (err instanceof AppError && err.code === IdentityErrors.IDENTITY_ORG_NOT_FOUND) throw new AppError(code, { orgId, reason: 'not_found' }, { reason: 'not_found' });
      throw err;
    }
    const reason = org.status !== 'active' ? 'inactive' : !org.roles.includes(role) ? `not_${role}` : null;
    if (reason) throw new AppError(code, { orgId, reason }, { reason });
  }

  private conflict(on: 'identifier' | 'name', row: repo.ElementRow): AppError {
    return on === 'identifier'
      ? new AppError(CatalogErrors.CATALOG_IDENTIFIER_TAKEN, { identifier: row.identifier }, { identifier: row.identifier })
      : new AppError(CatalogErrors.CATALOG_NAME_TAKEN, { name: row.nameZh }, { name: row.nameZh });
  }

  /** A concurrent writer won the race for a unique identifier or name: the same answer as the pre-check. */
  private rethrow(err: unknown, row: repo.ElementRow): never {
    if (err instanceof repo.ElementConflict) throw this.conflict(err.on, row);
    throw err;
  }
}
