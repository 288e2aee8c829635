import { AppError, PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import type { Executor, Tx } from '../../platform/database/database.js';
import { CatalogErrors } from './catalog.errors.js';
import type { CategoryService } from './category.service.js';
import type { ElementService, OrganisationDirectory } from './element.service.js';
import { attributeProblem, gradeProblem, gradingViolation, resourceGrade, type Attribute, type FieldGrade, type PersonalInfo, type SensitiveCategory, type Level } from './resource.grading.js';
import * as repo from './resource.repository.js';
import { indexResource } from './search.indexer.js';
import type { DataType } from './value.validators.js';

type I18n = { zh: string; en: string };


/** Organisation types whose data is public data (公共数据); every other type's is social data (社会数据). */
export const PUBLIC_ORG_TYPES = ['government', 'public_institution', 'public_enterprise'];
/** Who sees public resources under review (submitted) and deprecated ones. */
const REVIEWERS = ['data_bureau', 'regulator'] as const;

export interface GradeInput {
  level: Level;
  generalLevel?: number | undefined;
  personalInfo: PersonalInfo;
  sensitiveCategories?: SensitiveCategory[] | undefined;
}
export interface FieldInput {
  name: string;
  label: I18n;
  /** Bound to a data element: its data type and format come from the element. */
  elementId?: string | undefined;
  /** Or typed freely. */
  dataType?: DataType | undefined;
  key?: boolean | undefined;
  grade?: GradeInput | undefined;
}
export interface NewResource {
  title: I18n;
  description?: I18n | undefined;
  categoryId: string;
  systemName?: string | undefined;
  systemId?: string | undefined;
  fields: FieldInput[];
  updateFrequency: repo.Frequency;
  timeSpan?: { from?: string | undefined; to?: string | undefined } | undefined;
  coverage?: string | undefined;
  format: repo.ResourceFormat;
  sharing?: Attribute | undefined;
  open?: Attribute | undefined;
}
/** PATCH: fields to change; `null` clears an optional one. `fields` replaces the list (a field keeps its grade by name unless one is given). */
export interface ResourceChanges {
  title?: I18n | undefined;
  description?: I18n | null | undefined;
  categoryId?: string | undefined;
  systemName?: string | null | undefined;
  systemId?: string | null | undefined;
  fields?: FieldInput[] | undefined;
  updateFrequency?: repo.Frequency | undefined;
  timeSpan?: { from?: string | undefined; to?: string | undefined } | null | undefined;
  coverage?: string | null | undefined;
  format?: repo.ResourceFormat | undefined;
  sharing?: Attribute | null | undefined;
  open?: Attribute | null | undefined;
}
export interface ResourceListQuery {
  q?: string | undefined;
  category?: string | undefined;
  status?: repo.VersionStatus | undefined;
  sourceOrgId?: string | undefined;
  level?: Level | undefined;
  scope?: repo.Scope | undefined;
  systemId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Hooks of the three lists (三清单) into the resource path, set by index.ts (system.service.ts,
 * important-data.service.ts). Both run on the caller's executor (inside the transaction when there is one).
 */
export interface ResourceHooks {
  /** Refuses (CATALOG_ATTRIBUTE_INVALID systemId) a system that is unknown, retired or not the source unit's own. */
  checkSystem(db: Executor, sourceOrgId: string, systemId: string): Promise<void>;
  /** Ids of the active important-data catalogue entries (重要数据目录) the version matches. */
  importantMatches(db: Executor, v: repo.VersionRow, fields: repo.FieldRow[]): Promise<string[]>;
}

type Action = 'edit' | 'grade' | 'submit' | 'publish' | 'deprecate';
/**
 * The resource machine (DESIGN.md §4), on its head version: draft → submitted → published →
 * deprecated. Editing a published resource starts a new draft version (the published one stays
 * live until the new one is published); grades change only on a draft.
 */
const TRANSITIONS: Record<repo.ResourceStatus, Partial<Record<Action, repo.ResourceStatus>>> = {
  draft: { edit: 'draft', grade: 'draft', submit: 'submitted' },
  submitted: { publish: 'published' },
  published: { edit: 'draft', deprecate: 'deprecated' },
  deprecated: {},
};

const trimI18n = (t: I18n): I18n => ({ zh: t.zh.trim(), en: t.en.trim() });
const trimAttr = (a: Attribute | null | undefined): Attribute | null =>
  a ? { type: a.type, ...(a.conditions?.trim() ? { conditions: a.conditions.trim() } : {}), ...(a.legalBasis?.trim() ? { legalBasis: a.legalBasis.trim() } : {}) } : null;
const validDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * The resource catalog (数据资源目录): any organisation catalogues its own data — a public body's
 * is public data (scope public, shared and opened), an enterprise's social data (scope social,
 * private to it). Versioned; graded per field, the resource taking its highest field level
 * (就高从严); sharing and open attributes checked against the grading. Every change is an event.
 */
export class ResourceService {
  constructor(
    private readonly k: Kernel,
    private readonly orgs: OrganisationDirectory,
    private readonly elements: ElementService,
    private readonly categories: CategoryService,
  ) {}

  /** The three lists' hooks (see ResourceHooks); null until index.ts sets them. */
  hooks: ResourceHooks | null = null;
  /** The quality gate (quality.service.ts): checked in publish's transaction; null until index.ts sets it. */
  publishGate: ((db: Executor, resourceId: string, version: number) => Promise<void>) | null = null;
  /** Mounted data re-checked when a version's fields change (mount.service.ts); null until index.ts sets it. */
  fieldsChanged: ((tx: Tx, emit: Emit, r: repo.ResourceRow, version: number, before: repo.FieldRow[], after: repo.FieldRow[], by: Principal | null, requestId?: string) => Promise<void>) | null = null;

  view(r: repo.ResourceRow, v: repo.VersionRow, fields: repo.FieldRow[]) {
    return {
      id: r.id,
      sourceOrgId: r.sourceOrgId,
      scope: r.scope,
      version: v.version,
      status: v.status,
      headVersion: r.headVersion,
      liveVersion: r.liveVersion,
      title: { zh: v.titleZh, en: v.titleEn },
      description: v.descriptionZh !== null && v.descriptionEn !== null ? { zh: v.descriptionZh, en: v.descriptionEn } : null,
      categoryId: v.categoryId,
      systemName: v.systemName,
      systemId: v.systemId,
      fields: fields.map((f) => ({
        name: f.name,
        label: { zh: f.labelZh, en: f.labelEn },
        elementId: f.elementId,
        elementIdentifier: f.elementIdentifier,
        dataType: f.dataType,
        format: f.format,
        key: f.key,
        grade: f.grade,
      })),
      updateFrequency: v.updateFrequency,
      timeSpan: v.timeFrom !== null || v.timeTo !== null ? { from: v.timeFrom, to: v.timeTo } : null,
      coverage: v.coverage,
      format: v.format,
      grading: { level: v.level, generalLevel: v.generalLevel, personalInfo: v.personalInfo },
      sharing: v.sharing,
      open: v.open,
      createdAt: r.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
      submittedAt: v.submittedAt?.toISOString() ?? null,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    };
  }

  /** Catalogues a resource of `orgId` (the caller's own organisation) as a draft, version 1. */
  async create(orgId: string, input: NewResource, by: Principal | null, requestId?: string) {
    if (by && by.orgId !== orgId) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    const org = await this.orgs.get(orgId);
    if (org.status !== 'active') throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION, { reason: 'inactive' });
    const scope: repo.Scope = PUBLIC_ORG_TYPES.includes(org.type) ? 'public' : 'social';
    const now = this.k.clock.now();
    const id = newId('res');
    const fields = await this.resolveFields(input.fields, []);
    const v = this.draftVersion(id, input, now);
    await this.apply(v, { ...input, fields: undefined }, orgId, this.k.db);
    await this.regrade(v, fields, this.k.db);
    const r: repo.ResourceRow = { id, sourceOrgId: orgId, scope, headVersion: 1, status: 'draft', liveVersion: null, createdAt: now, updatedAt: now };
    return this.k.transact(async (tx, emit) => this.insertDraft(tx, emit, r, v, fields, by, requestId));
  }

  /**
   * `create` inside the caller's transaction, for census import (census.service.ts): the importer
   * has checked the organisation (its scope given), the category and the fields (rows of elements it
   * knows, perhaps created in the same file). Same version rules, hooks (system, important data) and event.
   */
  async createIn(tx: Tx, emit: Emit, orgId: string, scope: repo.Scope, input: Omit<NewResource, 'fields'>, fields: repo.FieldRow[], by: Principal | null, requestId?: string) {
    const now = this.k.clock.now();
    const v = this.draftVersion(newId('res'), input, now);
    await this.apply(v, { ...input, categoryId: undefined }, orgId, tx);
    await this.regrade(v, fields, tx);
    const r: repo.ResourceRow = { id: v.resourceId, sourceOrgId: orgId, scope, headVersion: 1, status: 'draft', liveVersion: null, createdAt: now, updatedAt: now };
    return this.insertDraft(tx, emit, r, v, fields, by, requestId);
  }

  private async insertDraft(tx: Tx, emit: Emit, r: repo.ResourceRow, v: repo.VersionRow, fields: repo.FieldRow[], by: Principal | null, requestId?: string) {
    await repo.insertResource(tx, r);
    await repo.insertVersion(tx, v);
    await repo.replaceFields(tx, r.id, 1, fields);
    await indexResource(tx, r.id); // search index, same transaction (search.indexer.ts)
    await emit({
      type: 'catalog.resource.created',
      subject: { type: 'resource', id: r.id },
      orgId: r.sourceOrgId,
      actor: serviceActor(by),
      requestId,
      payload: { scope: r.scope, version: 1, title: { zh: v.titleZh, en: v.titleEn }, categoryId: v.categoryId, fields: fields.map((f) => f.name), level: v.level },
    });
    return this.view(r, v, fields);
  }

  /** Version 1 of a new resource, before its descriptive fields are applied. */
  private draftVersion(id: string, input: Pick<NewResource, 'categoryId' | 'updateFrequency' | 'format'>, now: Date): repo.VersionRow {
    return {
      resourceId: id,
      version: 1,
      status: 'draft',
      titleZh: '',
      titleEn: '',
      descriptionZh: null,
      descriptionEn: null,
      categoryId: input.categoryId,
      systemName: null,
      systemId: null,
      updateFrequency: input.updateFrequency,
      timeFrom: null,
      timeTo: null,
      coverage: null,
      format: input.format,
      level: null,
      generalLevel: null,
      personalInfo: 'none',
      sharing: null,
      open: null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      publishedAt: null,
    };
  }

  async list(by: Principal | null, query: ResourceListQuery) {
    const categoryIds = query.category ? await this.categories.subtree(query.category) : undefined;
    const { items, total } = await repo.listResources(this.k.db, this.viewer(by), { ...query, categoryIds });
    const fields = await repo.fieldsOf(this.k.db, items.map((i) => ({ resourceId: i.resource.id, version: i.version.version })));
    return { items: items.map((i) => this.view(i.resource, i.version, fields.get(`${i.resource.id}@${i.version.version}`) ?? [])), total, page: query.page, pageSize: query.pageSize };
  }

  /** One resource, at the version the caller may see; 404 when it may see none. */
  async get(id: string, by: Principal | null) {
    const { items } = await repo.listResources(this.k.db, this.viewer(by), { id, page: 1, pageSize: 1 });
    const found = items[0];
    if (!found) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    return this.view(found.resource, found.version, await repo.findFields(this.k.db, id, found.version.version));
  }

  /**
   * Published public data as an anonymous visitor sees it (each at its live version), for the
   * open-data portal (opendata module): never drafts, reviews or social data.
   */
  async listPublished(query: { page: number; pageSize: number; id?: string }) {
    const { items, total } = await repo.listResources(this.k.db, { orgId: null, reviewer: false }, { ...query, scope: 'public', status: 'published' });
    const fields = await repo.fieldsOf(this.k.db, items.map((i) => ({ resourceId: i.resource.id, version: i.version.version })));
    return { items: items.map((i) => this.view(i.resource, i.version, fields.get(`${i.resource.id}@${i.version.version}`) ?? [])), total };
  }

  /** Edits a draft in place, or starts a new draft version from a published resource. Own organisation only. */
  async update(id: string, changes: ResourceChanges, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      const { r, head, fields: oldFields } = await this.forChange(tx, id, by, 'edit', 'owner');
      const newVersion = r.status === 'published';
      const v: repo.VersionRow = newVersion
        ? { ...head, version: r.headVersion + 1, status: 'draft', createdAt: now, submittedAt: null, publishedAt: null }
        : { ...head };
      v.updatedAt = now;
      const fields = changes.fields ? await this.resolveFields(changes.fields, oldFields, tx) : oldFields;
      await this.apply(v, { ...changes, fields: undefined }, r.sourceOrgId, tx);
      await this.regrade(v, fields, tx);
      if (newVersion) {
        await repo.insertVersion(tx, v);
        await repo.updateResource(tx, id, { headVersion: v.version, status: 'draft', updatedAt: now });
      } else {
        await repo.saveVersion(tx, v);
        await repo.updateResource(tx, id, { updatedAt: now });
      }
      if (newVersion || changes.fields) await repo.replaceFields(tx, id, v.version, fields);
      if (changes.fields && this.fieldsChanged) await this.fieldsChanged(tx, emit, r, v.version, oldFields, fields, by, requestId);
      const next = { ...r, headVersion: v.version, status: 'draft' as const, updatedAt: now };
      await indexResource(tx, id); // search index, same transaction (search.indexer.ts)
      await emit({
        type: 'catalog.resource.updated',
        subject: { type: 'resource', id },
        orgId: r.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { version: v.version, newVersion, changed: Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined).sort(), level: v.level },
      });
      return this.view(next, v, fields);
    });
  }

  /** Sets the grade of one field of a draft; the resource level follows (就高从严). Own organisation only. */
  async grade(id: string, fieldName: string, input: GradeInput, by: Principal | null, requestId?: string) {
    const grade = this.toGrade(fieldName, input);
    return this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      const { r, head, fields } = await this.forChange(tx, id, by, 'grade', 'owner');
      const field = fields.find((f) => f.name === fieldName);
      if (!field) throw new AppError(CatalogErrors.CATALOG_FIELD_NOT_FOUND, { field: fieldName }, { field: fieldName });
      field.grade = grade;
      const v = { ...head, updatedAt: now };
      await this.regrade(v, fields, tx);
      await repo.replaceFields(tx, id, v.version, fields);
      await repo.saveVersion(tx, v);
      await repo.updateResource(tx, id, { updatedAt: now });
      await indexResource(tx, id); // search index, same transaction (search.indexer.ts)
      await emit({
        type: 'catalog.resource.graded',
        subject: { type: 'resource', id },
        orgId: r.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { version: v.version, field: fieldName, grade, level: v.level, generalLevel: v.generalLevel, personalInfo: v.personalInfo },
      });
      return this.view({ ...r, updatedAt: now }, v, fields);
    });
  }

  /** Submits the draft for publication. Own organisation only. */
  async submit(id: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      const { r, head, fields } = await this.forChange(tx, id, by, 'submit', 'owner');
      const v: repo.VersionRow = { ...head, status: 'submitted', submittedAt: now, updatedAt: now };
      await repo.saveVersion(tx, v);
      await repo.updateResource(tx, id, { status: 'submitted', updatedAt: now });
      await indexResource(tx, id); // search index, same transaction (search.indexer.ts)
      await emit({ type: 'catalog.resource.submitted', subject: { type: 'resource', id }, orgId: r.sourceOrgId, actor: serviceActor(by), requestId, payload: { version: v.version } });
      return this.view({ ...r, status: 'submitted', updatedAt: now }, v, fields);
    });
  }

  /**
   * Publishes the submitted version: a public resource by the data bureau, a social one by its own
   * org_admin. Re-checks the grading: every field graded, public data with sharing and open
   * attributes, and no attribute the grading forbids. The previously published version is superseded.
   */
  async publish(id: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      const { r, head, fields } = await this.forChange(tx, id, by, 'publish', 'publisher');
      const ungraded = fields.filter((f) => !f.grade).map((f) => f.name);
      if (ungraded.length) throw new AppError(CatalogErrors.CATALOG_GRADING_INCOMPLETE, { fields: ungraded }, { fields: ungraded.join(', ') });
      if (r.scope === 'public' && (!head.sharing || !head.open)) throw new AppError(CatalogErrors.CATALOG_ATTRIBUTES_REQUIRED);
      this.assertGrading(head);
      if (this.publishGate) await this.publishGate(tx, id, head.version);
      const supersedes = r.liveVersion;
      if (supersedes !== null) await repo.setVersionStatus(tx, id, supersedes, 'superseded', now);
      const v: repo.VersionRow = { ...head, status: 'published', publishedAt: now, updatedAt: now };
      await repo.saveVersion(tx, v);
      const next: repo.ResourceRow = { ...r, status: 'published', liveVersion: v.version, updatedAt: now };
      await repo.updateResource(tx, id, { status: 'published', liveVersion: v.version, updatedAt: now });
      await indexResource(tx, id); // search index, same transaction (search.indexer.ts)
      await emit({
        type: 'catalog.resource.published',
        subject: { type: 'resource', id },
        orgId: r.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { version: v.version, supersedes, level: v.level, generalLevel: v.generalLevel, sharing: v.sharing, open: v.open },
      });
      return this.view(next, v, fields);
    });
  }

  /** Deprecates a published resource: its own org_admin, or the data bureau for public data. */
  async deprecate(id: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const now = this.k.clock.now();
      const { r, head, fields } = await this.forChange(tx, id, by, 'deprecate', 'retirer');
      const v: repo.VersionRow = { ...head, status: 'deprecated', updatedAt: now };
      await repo.setVersionStatus(tx, id, v.version, 'deprecated', now);
      await repo.updateResource(tx, id, { status: 'deprecated', updatedAt: now });
      await indexResource(tx, id); // search index, same transaction (search.indexer.ts)
      await emit({ type: 'catalog.resource.deprecated', subject: { type: 'resource', id }, orgId: r.sourceOrgId, actor: serviceActor(by), requestId, payload: { version: v.version } });
      return this.view({ ...r, status: 'deprecated', updatedAt: now }, v, fields);
    });
  }

  private viewer(by: Principal | null): repo.Viewer {
    return by ? { orgId: by.orgId, reviewer: hasAnyRole(by, REVIEWERS) } : { orgId: null, reviewer: true, all: true };
  }

  /**
   * The resource (locked) with its head version and fields, if `by` may take `action` and the
   * machine allows it. Another organisation's social resource is answered as not found.
   * `who`: owner = the source organisation (org_admin or staff); publisher = the data bureau for
   * public data, the owner's org_admin for social data; retirer = the owner's org_admin, or the
   * data bureau for public data.
   */
  private async forChange(tx: Tx, id: string, by: Principal | null, action: Action, who: 'owner' | 'publisher' | 'retirer') {
    const r = await repo.findResource(tx, id, true);
    if (!r) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    if (by) {
      const own = by.orgId === r.sourceOrgId;
      if (!own && r.scope === 'social') throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
      const bureau = r.scope === 'public' && hasAnyRole(by, ['data_bureau']);
      if (who === 'owner' && !own) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
      if (who === 'publisher') {
        if (r.scope === 'public' && !bureau) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['data_bureau'] }, { roles: 'data_bureau' });
        if (r.scope === 'social' && by.memberRole !== 'org_admin') throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['org_admin'] }, { roles: 'org_admin' });
      }
      if (who === 'retirer' && !bureau) {
        if (!own) throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
        if (by.memberRole !== 'org_admin') throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ROLE, { required: ['org_admin'] }, { roles: 'org_admin' });
      }
    }
    if (!TRANSITIONS[r.status][action]) {
      throw new AppError(CatalogErrors.CATALOG_RESOURCE_STATE_CONFLICT, { status: r.status, action }, { status: r.status, action });
    }
    const head = (await repo.findVersion(tx, id, r.headVersion))!;
    return { r, head, fields: await repo.findFields(tx, id, r.headVersion) };
  }

  /** Applies descriptive changes and the sharing/open attributes to a version, validating them. */
  private async apply(v: repo.VersionRow, c: ResourceChanges, sourceOrgId: string, db: Executor): Promise<void> {
    if (c.title) ({ zh: v.titleZh, en: v.titleEn } = trimI18n(c.title));
    if (c.description !== undefined) {
      const d = c.description && trimI18n(c.description);
      v.descriptionZh = d?.zh ?? null;
      v.descriptionEn = d?.en ?? null;
    }
    if (c.categoryId !== undefined) {
      try {
        await this.categories.get(c.categoryId, db);
      } catch {
        throw new AppError(CatalogErrors.CATALOG_ATTRIBUTE_INVALID, { attribute: 'categoryId', reason: 'not_found' }, { attribute: 'categoryId', reason: 'not_found' });
      }
      v.categoryId = c.categoryId;
    }
    if (c.systemName !== undefined) v.systemName = c.systemName?.trim() || null;
    if (c.systemId !== undefined) {
      // 系统清单: the system must be one of the source unit's own, in service.
      if (c.systemId !== null) await this.hooks?.checkSystem(db, sourceOrgId, c.systemId);
      v.systemId = c.systemId;
    }
    if (c.updateFrequency) v.updateFrequency = c.updateFrequency;
    if (c.format) v.format = c.format;
    if (c.coverage !== undefined) v.coverage = c.coverage?.trim() || null;
    if (c.timeSpan !== undefined) {
      const from = c.timeSpan?.from ?? null;
      const to = c.timeSpan?.to ?? null;
      const bad = (reason: string) => new AppError(CatalogErrors.CATALOG_ATTRIBUTE_INVALID, { attribute: 'timeSpan', reason }, { attribute: 'timeSpan', reason });
      if ((from && !validDate(from)) || (to && !validDate(to))) throw bad('invalid_date');
      if (from && to && from > to) throw bad('from_after_to');
      v.timeFrom = from;
      v.timeTo = to;
    }
    for (const kind of ['sharing', 'open'] as const) {
      if (c[kind] === undefined) continue;
      const a = trimAttr(c[kind]);
      const problem = a && attributeProblem(kind, a);
      if (problem) throw new AppError(CatalogErrors.CATALOG_ATTRIBUTE_INVALID, { attribute: kind, reason: problem }, { attribute: kind, reason: problem });
      v[kind] = a;
    }
  }

  /**
   * Recomputes the resource level from its fields (就高从严) and checks the attributes against it.
   * Important-data hook (重要数据目录, GB/T 43697-2024 §6 and Annex G; rules-cn.md §2.1): a version
   * matching an active entry of the data bureau's catalogue is graded at least important — the match
   * only raises (general → important), never lowers (core stays core) — and the sharing/open rules
   * below then apply to the raised level (important data is never opened unconditionally).
   */
  private async regrade(v: repo.VersionRow, fields: repo.FieldRow[], db: Executor): Promise<void> {
    const g = resourceGrade(fields);
    v.level = g.level;
    v.generalLevel = g.generalLevel;
    v.personalInfo = g.personalInfo;
    if (v.level !== 'core' && v.level !== 'important' && this.hooks && (await this.hooks.importantMatches(db, v, fields)).length) {
      v.level = 'important';
      v.generalLevel = null;
    }
    this.assertGrading(v);
  }

  private assertGrading(v: repo.VersionRow): void {
    const violation = gradingViolation({ level: v.level, personalInfo: v.personalInfo }, v.sharing, v.open);
    if (violation) throw new AppError(CatalogErrors.CATALOG_GRADING_CONFLICT, { ...violation }, { rule: violation.rule });
  }

  private toGrade(field: string, g: GradeInput): FieldGrade {
    const grade: FieldGrade = { level: g.level, generalLevel: g.generalLevel ?? null, personalInfo: g.personalInfo, sensitiveCategories: [...new Set(g.sensitiveCategories ?? [])] };
    const problem = gradeProblem(grade, this.k.config.catalog.generalLevels);
    if (problem) throw new AppError(CatalogErrors.CATALOG_FIELD_INVALID, { field, reason: problem }, { field, reason: problem });
    return grade;
  }

  /** Resolves field inputs: element bindings (active elements; type and format from the element) or free types. */
  private async resolveFields(inputs: FieldInput[], previous: repo.FieldRow[], db: Executor = this.k.db): Promise<repo.FieldRow[]> {
    const seen = new Set<string>();
    const out: repo.FieldRow[] = [];
    for (const f of inputs) {
      const bad = (reason: string) => new AppError(CatalogErrors.CATALOG_FIELD_INVALID, { field: f.name, reason }, { field: f.name, reason });
      if (seen.has(f.name)) throw bad('duplicate_name');
      seen.add(f.name);
      if ((f.elementId === undefined) === (f.dataType === undefined)) throw bad(f.elementId ? 'element_and_data_type' : 'data_type_required');
      let row: repo.FieldRow;
      const label = trimI18n(f.label);
      const base = { name: f.name, labelZh: label.zh, labelEn: label.en, key: f.key ?? false };
      if (f.elementId) {
        let e;
        try {
          e = await this.elements.get(f.elementId, db);
        } catch (err) {
          if (err instanceof AppError && err.code === CatalogErrors.CATALOG_ELEMENT_NOT_FOUND) throw bad('element_not_found');
          throw err;
        }
        if (e.status !== 'active') throw bad('element_retired');
        row = { ...base, elementId: e.id, elementIdentifier: e.identifier, dataType: e.dataType, format: e.format, grade: null };
      } else {
        row = { ...base, elementId: null, elementIdentifier: null, dataType: f.dataType!, format: null, grade: null };
      }
      row.grade = f.grade ? this.toGrade(f.name, f.grade) : (previous.find((p) => p.name === f.name)?.grade ?? null);
      out.push(row);
    }
    return out;
  }
}
