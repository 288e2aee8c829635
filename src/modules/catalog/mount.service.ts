import { AppError, PlatformErrors } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import type { Executor, Tx } from '../../platform/database/database.js';
import type { Emit, Kernel } from '../../platform/kernel.js';
import { CatalogErrors } from './catalog.errors.js';
import type { ElementService } from './element.service.js';
import { MountErrors } from './mount.errors.js';
import * as mrepo from './mount.repository.js';
import { checkTable, KEY_SEPARATOR, MAX_PROBLEMS, readTable, sha256Hex, type TableField, type TableProblem } from './mount.table.js';
import type { Level, PersonalInfo } from './resource.grading.js';
import * as repo from './resource.repository.js';
import { TransferFileError } from './sheet.reader.js';

/** One declared field as the gateway sees it (grading, personal information, element binding). */
export interface SourceField {
  name: string;
  label: { zh: string; en: string };
  dataType: string;
  isKey: boolean;
  level: Level | null;
  generalLevel: number | null;
  personalInfo: PersonalInfo | null;
  sensitiveCategories: string[];
  elementIdentifier: string | null;
  /** Named validator of the element's format, e.g. 'resident_id'. */
  validator: string | null;
}
export type MountInfo =
  | { kind: 'table'; version: number; rowCount: number; sha256: string; mountedAt: string }
  | { kind: 'api'; version: number; upstreamUrl: string; keyParam: string | null; timeoutMs: number; mountedAt: string };
export interface DataSource {
  resourceId: string;
  /** The version whose data is served: the published (live) one, else the head. */
  version: number;
  ownerOrgId: string;
  /** Resource status ('published' etc.). */
  status: string;
  /** A public body's resource (公共数据) vs social data. */
  publicData: boolean;
  /** Resource level (就高从严). */
  level: Level | null;
  sharing: { type: string; conditions?: string; basis?: string };
  open: { type: string; conditions?: string };
  fields: SourceField[];
  /** The mount serving `version`: its own, or the newest of an earlier version (data carries forward). */
  mount: MountInfo | null;
}
export interface RowsQuery {
  version: number;
  /** field → allowed values; filters on exactly the key fields become index probes on (version, key). */
  filters?: Record<string, string[]> | undefined;
  fields?: string[] | undefined;
  offset: number;
  limit: number;
}
export interface ApiMountInput {
  upstreamUrl: string;
  keyParam?: string | null | undefined;
  timeoutMs?: number | undefined;
}

/** Largest number of keys a filter on the key fields expands to before it is read as a plain filter. */
const MAX_KEY_PROBES = 1_000;
export const MAX_MOUNT_ROWS = 2_000_000;
const FORMAT_TO_MEDIA: Record<mrepo.MountFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};
export const MOUNT_MEDIA_TYPES = Object.values(FORMAT_TO_MEDIA);

/** The file format of an upload: its media type, or `?format=` with application/octet-stream. */
export function mountFormatOf(contentType: string | undefined, format: string | undefined): mrepo.MountFormat | null {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (media === 'application/octet-stream') return format === 'csv' || format === 'xlsx' || format === 'parquet' ? format : null;
  const found = (Object.entries(FORMAT_TO_MEDIA) as Array<[mrepo.MountFormat, string]>).find(([, m]) => m === media);
  if (!found) return null;
  if (format !== undefined && format !== found[0]) return null;
  return found[0];
}

function mountInfo(m: mrepo.MountRow): MountInfo {
  return m.kind === 'table'
    ? { kind: 'table', version: m.version, rowCount: m.rowCount!, sha256: m.fileSha256!, mountedAt: m.mountedAt.toISOString() }
    : { kind: 'api', version: m.version, upstreamUrl: m.upstreamUrl!, keyParam: m.keyParam, timeoutMs: m.timeoutMs!, mountedAt: m.mountedAt.toISOString() };
}

function cartesian(lists: string[][]): string[] {
  let out: string[] = [''];
  lists.forEach((values, i) => {
    out = out.flatMap((prefix) => values.map((v) => (i === 0 ? v : `${prefix}${KEY_SEPARATOR}${v}`)));
  });
  return out;
}

/**
 * Mounting (挂接): attaches data to the head version of a resource — a table uploaded as a CSV
 * (UTF-8 or GBK), XLSX or Parquet file, checked against the declared fields and stored in the one
 * catalog-owned row table, with the original kept content-addressed — or an external HTTP API
 * that the gateway proxies. Only the owner organisation mounts; core data is never mounted for
 * delivery. Re-mounting a version replaces its rows atomically. `source()` and `queryRows()` are
 * what the gateway reads (contract A).
 */
export class MountService {
  constructor(
    private readonly k: Kernel,
    private readonly elements: ElementService,
  ) {}

  /** Largest upload accepted by the mount route (`catalog.mountBodyLimitBytes`). */
  get bodyLimit(): number {
    return this.k.config.catalog.mountBodyLimitBytes;
  }

  // ---- contract A: what the gateway reads --------------------------------------------------------

  /** `db`: the caller's transaction when it has one open (PGlite has a single connection). */
  async source(resourceId: string, db: Executor = this.k.db): Promise<DataSource | null> {
    const r = await repo.findResource(db, resourceId);
    if (!r) return null;
    const version = r.liveVersion ?? r.headVersion;
    const [v, fields, m] = await Promise.all([
      repo.findVersion(db, resourceId, version),
      repo.findFields(db, resourceId, version),
      mrepo.servedMount(db, resourceId, version),
    ]);
    if (!v) return null;
    return {
      resourceId,
      version,
      ownerOrgId: r.sourceOrgId,
      status: r.liveVersion !== null && r.status !== 'deprecated' ? 'published' : r.status,
      publicData: r.scope === 'public',
      level: v.level,
      sharing: v.sharing
        ? { type: v.sharing.type, ...(v.sharing.conditions ? { conditions: v.sharing.conditions } : {}), ...(v.sharing.legalBasis ? { basis: v.sharing.legalBasis } : {}) }
        : { type: 'none' },
      open: v.open ? { type: v.open.type, ...(v.open.conditions ? { conditions: v.open.conditions } : {}) } : { type: 'none' },
      fields: fields.map((f) => ({
        name: f.name,
        label: { zh: f.labelZh, en: f.labelEn },
        dataType: f.dataType,
        isKey: f.key,
        level: f.grade?.level ?? null,
        generalLevel: f.grade?.generalLevel ?? null,
        personalInfo: f.grade?.personalInfo ?? null,
        sensitiveCategories: f.grade?.sensitiveCategories ?? [],
        elementIdentifier: f.elementIdentifier,
        validator: f.format?.kind === 'validator' ? f.format.name : null,
      })),
      mount: m ? mountInfo(m) : null,
    };
  }

  /**
   * Rows of the table mounted for `version` (its own mount or the one carried forward), in key
   * order. Filters on all the key fields become probes of the (resource, version, key) index;
   * other filters compare the stored value's text. An API mount or no mount answers no rows.
   */
  async queryRows(resourceId: string, q: RowsQuery): Promise<{ rows: Array<Record<string, unknown>>; hasMore: boolean }> {
    const m = await mrepo.servedMount(this.k.db, resourceId, q.version);
    if (!m || m.kind !== 'table') return { rows: [], hasMore: false };
    const filters = { ...(q.filters ?? {}) };
    const keyFields = m.keyFields ?? [];
    let keys: string[] | undefined;
    if (keyFields.length && keyFields.every((k) => filters[k] !== undefined)) {
      const lists = keyFields.map((k) => filters[k]!);
      if (lists.reduce((n, l) => n * l.length, 1) <= MAX_KEY_PROBES) {
        keys = cartesian(lists);
        for (const k of keyFields) delete filters[k];
      }
    }
    const { rows, hasMore } = await mrepo.queryRows(this.k.db, resourceId, m.version, { keys, filters, offset: q.offset, limit: q.limit });
    const pick = q.fields;
    return {
      rows: rows.map(({ row }) => (pick ? Object.fromEntries(pick.filter((f) => f in row).map((f) => [f, row[f]])) : row)),
      hasMore,
    };
  }

  // ---- the owner's API ---------------------------------------------------------------------------

  /** The mount serving the version the caller sees (anyone who may see the resource); null when none. */
  async info(resourceId: string, by: Principal | null) {
    const { r, version } = await this.visible(resourceId, by);
    const m = await mrepo.servedMount(this.k.db, resourceId, version);
    return { resourceId, version, mount: m ? { ...mountInfo(m), format: m.fileFormat } : null, owner: !by || by.orgId === r.sourceOrgId };
  }

  /** The first rows of the head version's data, for the owner only. */
  async preview(resourceId: string, by: Principal | null, limit: number) {
    const r = await this.owned(resourceId, by);
    const m = await mrepo.servedMount(this.k.db, resourceId, r.headVersion);
    if (!m) throw new AppError(MountErrors.CATALOG_MOUNT_NOT_FOUND);
    const fields = await repo.findFields(this.k.db, resourceId, r.headVersion);
    const { rows } = m.kind === 'table' ? await mrepo.queryRows(this.k.db, resourceId, m.version, { offset: 0, limit }) : { rows: [] };
    return {
      resourceId,
      version: m.version,
      kind: m.kind,
      columns: fields.map((f) => ({ name: f.name, label: { zh: f.labelZh, en: f.labelEn }, dataType: f.dataType, key: f.key })),
      rowCount: m.rowCount ?? 0,
      rows: rows.map((x) => x.row),
    };
  }

  /**
   * Mounts a file on the head version: read, checked against the declared fields (nothing is
   * stored when any check fails), then — in one transaction — the original kept by its sha256,
   * the version's rows replaced, the mount recorded and `catalog.mount.created` emitted.
   */
  async upload(resourceId: string, bytes: Uint8Array, format: mrepo.MountFormat, by: Principal | null, requestId?: string) {
    const r0 = await this.owned(resourceId, by);
    await this.assertMountable(r0);
    const fields = await this.tableFields(resourceId, r0.headVersion);
    let raw;
    try {
      raw = await readTable(bytes, format);
    } catch (err) {
      if (err instanceof TransferFileError) {
        throw new AppError(MountErrors.CATALOG_MOUNT_FILE_INVALID, { reason: err.reason, ...(err.detail ? { detail: err.detail } : {}) }, { reason: err.reason, detail: err.detail ? `: ${err.detail}` : '' });
      }
      throw err;
    }
    if (raw.length - 1 > MAX_MOUNT_ROWS) throw new AppError(MountErrors.CATALOG_MOUNT_TOO_MANY_ROWS, { limit: MAX_MOUNT_ROWS }, { limit: MAX_MOUNT_ROWS });
    const checked = checkTable(raw, fields);
    if (checked.problemCount) throw this.mismatch(checked.problems, checked.problemCount);
    const sha256 = sha256Hex(bytes);
    const keyFields = fields.filter((f) => f.key).map((f) => f.name);
    return this.k.transact(async (tx, emit) => {
      const { r, head } = await this.forMount(tx, resourceId, by);
      if (r.headVersion !== r0.headVersion) throw new AppError(CatalogErrors.CATALOG_RESOURCE_STATE_CONFLICT, { status: r.status, action: 'mount' }, { status: r.status, action: 'mount' });
      const now = this.k.clock.now();
      const previous = await mrepo.findMount(tx, resourceId, head.version);
      await mrepo.keepFile(tx, { sha256, format, content: bytes, at: now });
      await mrepo.deleteRows(tx, resourceId, head.version);
      await mrepo.insertRows(tx, resourceId, head.version, checked.rows);
      const m: mrepo.MountRow = {
        resourceId, version: head.version, kind: 'table', fileSha256: sha256, fileFormat: format, rowCount: checked.rows.length, keyFields, columns: checked.columns as string[],
        fieldTypes: Object.fromEntries(fields.map((f) => [f.name, f.dataType])),
        upstreamUrl: null, keyParam: null, timeoutMs: null, mountedAt: now, mountedBy: by?.userId ?? by?.apiKeyId ?? null,
      };
      await mrepo.saveMount(tx, m);
      await emit({
        type: 'catalog.mount.created',
        subject: { type: 'resource', id: resourceId },
        orgId: r.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { version: head.version, kind: 'table', format, sha256, rowCount: checked.rows.length, replaced: !!previous && previous.kind !== 'none' },
      });
      return { resourceId, version: head.version, mount: { ...mountInfo(m), format } };
    });
  }

  /**
   * Field-change hook (ResourceService.fieldsChanged, inside the edit's transaction): the table
   * serving `version` is read again from its kept original and checked against the new fields (each
   * column read as the field it was read as when mounted, whatever its header says). Data that no
   * longer fits refuses the edit (CATALOG_MOUNT_FIELDS_MISMATCH, with the problems, nothing
   * changed); data that fits is stored again on the version under the new fields
   * (`catalog.mount.rechecked`), so what the gateway serves always matches what is declared.
   * Changes that do not shape the rows (grades, labels) leave them alone.
   */
  async fieldsChanged(tx: Tx, emit: Emit, r: repo.ResourceRow, version: number, before: repo.FieldRow[], after: repo.FieldRow[], by: Principal | null, requestId?: string): Promise<void> {
    const shape = (fs: repo.FieldRow[]) => JSON.stringify(fs.map((f) => [f.name, f.dataType, f.key, f.elementId]));
    if (shape(before) === shape(after)) return;
    const m = await mrepo.servedMount(tx, r.id, version);
    if (!m || m.kind !== 'table') return;
    const content = await mrepo.fileContent(tx, m.fileSha256!);
    if (!content) throw new Error(`mounted original ${m.fileSha256} of ${r.id}@${m.version} is missing`);
    const raw = await readTable(content, m.fileFormat!);
    const fields = await this.tableFields(r.id, version, tx);
    // Columns are read as the fields they were read as when mounted (labels may have changed since).
    if (raw[0] && m.columns?.length === raw[0].cells.length) raw[0] = { ...raw[0], cells: m.columns };
    const checked = checkTable(raw, fields);
    if (checked.problemCount) throw this.mismatch(checked.problems, checked.problemCount, MountErrors.CATALOG_MOUNT_FIELDS_MISMATCH);
    await mrepo.deleteRows(tx, r.id, version);
    await mrepo.insertRows(tx, r.id, version, checked.rows);
    await mrepo.saveMount(tx, {
      ...m, version, rowCount: checked.rows.length, keyFields: fields.filter((f) => f.key).map((f) => f.name), columns: checked.columns as string[],
      fieldTypes: Object.fromEntries(fields.map((f) => [f.name, f.dataType])), mountedAt: this.k.clock.now(), mountedBy: by?.userId ?? by?.apiKeyId ?? null,
    });
    await emit({
      type: 'catalog.mount.rechecked',
      subject: { type: 'resource', id: r.id },
      orgId: r.sourceOrgId,
      actor: serviceActor(by),
      requestId,
      payload: { version, sha256: m.fileSha256!, rowCount: checked.rows.length, fromVersion: m.version },
    });
  }

  /**
   * Removes the data serving a draft head version (owner only): its own rows go, and a removal
   * mark on the version stops an earlier version's data carrying forward to it. The published
   * version, if any, keeps serving its data. `catalog.mount.removed`.
   */
  async remove(resourceId: string, by: Principal | null, requestId?: string) {
    return this.k.transact(async (tx, emit) => {
      const r = await this.owned(resourceId, by, tx, true);
      if (r.status !== 'draft') throw new AppError(CatalogErrors.CATALOG_RESOURCE_STATE_CONFLICT, { status: r.status, action: 'unmount' }, { status: r.status, action: 'unmount' });
      const m = await mrepo.servedMount(tx, resourceId, r.headVersion);
      if (!m) throw new AppError(MountErrors.CATALOG_MOUNT_NOT_FOUND);
      await mrepo.deleteRows(tx, resourceId, r.headVersion);
      await mrepo.saveMount(tx, {
        resourceId, version: r.headVersion, kind: 'none', fileSha256: null, fileFormat: null, rowCount: null, keyFields: null, fieldTypes: null, columns: null,
        upstreamUrl: null, keyParam: null, timeoutMs: null, mountedAt: this.k.clock.now(), mountedBy: by?.userId ?? by?.apiKeyId ?? null,
      });
      await emit({
        type: 'catalog.mount.removed',
        subject: { type: 'resource', id: resourceId },
        orgId: r.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { version: r.headVersion, kind: m.kind, fromVersion: m.version },
      });
      return { resourceId, version: r.headVersion, owner: true, mount: null };
    });
  }

  /** Registers (or replaces) an external HTTP API on the head version; the gateway proxies it. */
  async mountApi(resourceId: string, input: ApiMountInput, by: Principal | null, requestId?: string) {
    let url: URL;
    try {
      url = new URL(input.upstreamUrl);
    } catch {
      throw new AppError(MountErrors.CATALOG_MOUNT_UPSTREAM_INVALID, { reason: 'not_a_url' }, { reason: 'not_a_url' });
    }
    const bad = (reason: string) => new AppError(MountErrors.CATALOG_MOUNT_UPSTREAM_INVALID, { reason }, { reason });
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('scheme');
    if (url.username || url.password) throw bad('userinfo');
    if (url.hash) throw bad('fragment');
    const timeoutMs = input.timeoutMs ?? 5_000;
    const keyParam = input.keyParam ?? null;
    return this.k.transact(async (tx, emit) => {
      const { r, head } = await this.forMount(tx, resourceId, by);
      const now = this.k.clock.now();
      const previous = await mrepo.findMount(tx, resourceId, head.version);
      // An API replaces a table mounted on this version: its rows go.
      await mrepo.deleteRows(tx, resourceId, head.version);
      const m: mrepo.MountRow = {
        resourceId, version: head.version, kind: 'api', fileSha256: null, fileFormat: null, rowCount: null, keyFields: null, fieldTypes: null, columns: null,
        upstreamUrl: url.toString(), keyParam, timeoutMs, mountedAt: now, mountedBy: by?.userId ?? by?.apiKeyId ?? null,
      };
      await mrepo.saveMount(tx, m);
      await emit({
        type: 'catalog.mount.api_registered',
        subject: { type: 'resource', id: resourceId },
        orgId: r.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { version: head.version, kind: 'api', upstreamUrl: m.upstreamUrl!, keyParam, timeoutMs, replaced: !!previous && previous.kind !== 'none' },
      });
      return { resourceId, version: head.version, mount: { ...mountInfo(m), format: null } };
    });
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** The declared fields of a version with their elements' current rules (the standard is authoritative). */
  async tableFields(resourceId: string, version: number, db: Executor = this.k.db): Promise<TableField[]> {
    const fields = await repo.findFields(db, resourceId, version);
    const out: TableField[] = [];
    for (const f of fields) {
      let spec: TableField['spec'] = null;
      if (f.elementId) {
        try {
          const e = await this.elements.get(f.elementId, db);
          spec = { dataType: e.dataType, format: e.format, codeList: e.codeList };
        } catch {
          spec = { dataType: f.dataType, format: f.format, codeList: null };
        }
      }
      out.push({ name: f.name, label: { zh: f.labelZh, en: f.labelEn }, dataType: f.dataType, key: f.key, spec });
    }
    return out;
  }

  private mismatch(problems: TableProblem[], count: number, code: typeof MountErrors.CATALOG_MOUNT_SCHEMA_MISMATCH | typeof MountErrors.CATALOG_MOUNT_FIELDS_MISMATCH = MountErrors.CATALOG_MOUNT_SCHEMA_MISMATCH): AppError {
    const p = problems[0]!;
    const first = [p.line !== null ? `line ${p.line}` : null, p.column ? `"${p.column}"` : null, p.reason].filter(Boolean).join(' ');
    return new AppError(code, { problems, problemCount: count, listed: Math.min(count, MAX_PROBLEMS) }, { count, first });
  }

  /** The resource, when `by` may see it, with the version it sees. Others' social data is not found. */
  private async visible(resourceId: string, by: Principal | null) {
    const r = await repo.findResource(this.k.db, resourceId);
    if (!r) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    const own = !by || by.orgId === r.sourceOrgId;
    if (own) return { r, version: r.headVersion };
    if (r.scope === 'social' || r.liveVersion === null) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    return { r, version: r.liveVersion };
  }

  /** The resource, when `by` belongs to its owner organisation (others' social data: not found; public: forbidden). */
  private async owned(resourceId: string, by: Principal | null, db = this.k.db, lock = false) {
    const r = await repo.findResource(db, resourceId, lock);
    if (!r) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    if (by && by.orgId !== r.sourceOrgId) {
      if (r.scope === 'social') throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
      throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    }
    return r;
  }

  /**
   * Locks the resource for a mount: the owner's, not deprecated, not core data. "Core data can
   * never be shared, opened or mounted for delivery" (issue 4; GB/T 43697-2024 核心数据).
   */
  private async forMount(tx: Tx, resourceId: string, by: Principal | null) {
    const r = await this.owned(resourceId, by, tx, true);
    return { r, head: await this.assertMountable(r, tx) };
  }

  private async assertMountable(r: repo.ResourceRow, db: Executor = this.k.db): Promise<repo.VersionRow> {
    if (r.status === 'deprecated') throw new AppError(MountErrors.CATALOG_MOUNT_STATE_CONFLICT, { status: r.status }, { status: r.status });
    const head = (await repo.findVersion(db, r.id, r.headVersion))!;
    if (head.level === 'core') throw new AppError(MountErrors.CATALOG_MOUNT_CORE_DATA);
    return head;
  }
}
