import { AppError, PlatformErrors } from '../../platform/errors.js';
import { hasAnyRole, serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Tx } from '../../platform/database/database.js';
import { CatalogErrors } from './catalog.errors.js';
import type { CategoryService } from './category.service.js';
import type { ElementService, OrganisationDirectory } from './element.service.js';
import { attributeProblem, gradeProblem, gradingViolation, resourceGrade, type Attribute, type FieldGrade, type PersonalInfo, type SensitiveCategory, type Level } from './resource.grading.js';
import * as repo from './resource.repository.js';
import type { DataType } from './value.validators.js';

type I18n = { zh: string; en: string };


/** Organisation types whose data is public data (公共数据); every other type's is social data (社会数据). */
const PUBLIC_ORG_TYPES = ['government', 'public_institution', 'public_enterprise'];
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
  page: number;
  pageSize: number;
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
    const v: repo.VersionRow = {
      resourceId: id,
      version: 1,
      status: 'draft',
      titleZh: '',
      titleEn: '',
      descriptionZh: null,
      descriptionEn: null,
      categoryId: input.categoryId,
      systemName: null,
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
    await this.apply(v, { ...input, fields: undefined });
    this.regrade(v, fields);
    const r: repo.ResourceRow = { id, sourceOrgId: orgId, scope, headVersion: 1, status: 'draft', liveVersion: null, createdAt: now, updatedAt: now };
    return this.k.transact(async (tx, emit) => {
      await repo.insertResource(tx, r);
      await repo.insertVersion(tx, v);
      await repo.replaceFields(tx, id, 1, fields);
      await emit({
        type: 'catalog.resource.created',
        subject: { type: 'resource', id },
        orgId,
        actor: serviceActor(by),
        requestId,
        payload: { scope, version: 1, title: { zh: v.titleZh, en: v.titleEn }, categoryId: v.categoryId, fields: fields.map((f) => f.name), level: v.level },
      });
      return this.view(r, v, fields);
    });
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
      const fields = changes.fields ? await this.resolveFields(changes.fields, oldFields) : oldFields;
      await this.apply(v, { ...changes, fields: undefined });
      this.regrade(v, fields);
      if (newVersion) {
        await repo.insertVersion(tx, v);
        await repo.updateResource(tx, id, { headVersion: v.version, status: 'draft', updatedAt: now });
      } else {
        await repo.saveVersion(tx, v);
        await repo.updateResource(tx, id, { updatedAt: now });
      }
      if (newVersion || changes.fields) await repo.replaceFields(tx, id, v.version, fields);
      const next = { ...r, headVersion: v.version, status: 'draft' as const, updatedAt: now };
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
      this.regrade(v, fields);
      await repo.replaceFields(tx, id, v.version, fields);
      await repo.saveVersion(tx, v);
      await repo.updateResource(tx, id, { updatedAt: now });
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
      const supersedes = r.liveVersion;
      if (supersedes !== null) await repo.setVersionStatus(tx, id, supersedes, 'superseded', now);
      const v: repo.VersionRow = { ...head, status: 'published', publishedAt: now, updatedAt: now };
      await repo.saveVersion(tx, v);
      const next: repo.ResourceRow = { ...r, status: 'published', liveVersion: v.version, updatedAt: now };
      await repo.updateResource(tx, id, { status: 'published', liveVersion: v.version, updatedAt: now });
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
  private async apply(v: repo.VersionRow, c: ResourceChanges): Promise<void> {
    if (c.title) ({ zh: v.titleZh, en: v.titleEn } = trimI18n(c.title));
    if (c.description !== undefined) {
      const d = c.description && trimI18n(c.description);
      v.descriptionZh = d?.zh ?? null;
      v.descriptionEn = d?.en ?? null;
    }
    if (c.categoryId !== undefined) {
      try {
        await this.categories.get(c.categoryId);
      } catch {
        throw new AppError(CatalogErrors.CATALOG_ATTRIBUTE_INVALID, { attribute: 'categoryId', reason: 'not_found' }, { attribute: 'categoryId', reason: 'not_found' });
      }
      v.categoryId = c.categoryId;
    }
    if (c.systemName !== undefined) v.systemName = c.systemName?.trim() || null;
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

  /** Recomputes the resource level from its fields (就高从严) and checks the attributes against it. */
  private regrade(v: repo.VersionRow, fields: repo.FieldRow[]): void {
    const g = resourceGrade(fields);
    v.level = g.level;
    v.generalLevel = g.generalLevel;
    v.personalInfo = g.personalInfo;
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
  private async resolveFields(inputs: FieldInput[], previous: repo.FieldRow[]): Promise<repo.FieldRow[]> {
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
          e = await this.elements.get(f.elementId);
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
