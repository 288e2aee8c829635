import { randomBytes } from 'node:crypto';
import { csvText } from '../../platform/csv.writer.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { CatalogService } from '../catalog/index.js';
import { GatewayErrors } from './gateway.errors.js';
import type { DataSource, SourceCache } from './gateway.source.js';
import type { GrantService, LiveGrant } from './grant.service.js';
import { maskRow, maskingPlan, type MaskingMatrix } from './masking.rules.js';
import { cstDay, filtersDigest, type MeteringService } from './metering.service.js';
import { RateLimiter } from './rate.limiter.js';
import { RowCache } from './row.cache.js';

export interface RowsRequest {
  /** Repeated `where=field:value`: values of one field are alternatives (OR), different fields all apply (AND). */
  where?: string[] | undefined;
  /** `fields=a,b`: projection, within the grant's fields (default: all granted fields). */
  fields?: string | undefined;
  page: number;
  pageSize: number;
  format: 'json' | 'csv';
  /** CSV only: start with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean | undefined;
  /** Which grant, when the organisation holds several for the resource. */
  grant?: string | undefined;
}

export interface RowsResponse {
  callId: string;
  contentType: string;
  body: string;
}

const MAX_UPSTREAM_KEYS = 20;
const MAX_UPSTREAM_BYTES = 16 * 1024 * 1024;

export function toCsv(fields: string[], rows: Array<Record<string, unknown>>, bom: boolean): string {
  return csvText([fields, ...rows.map((r) => fields.map((f) => r[f]))], bom);
}

/** Parses `where=field:value` items into field → values (first colon separates). */
export function parseWhere(items: string[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of items ?? []) {
    const i = item.indexOf(':');
    if (i <= 0) throw new AppError(GatewayErrors.GATEWAY_FILTER_INVALID, { where: item }, { reason: item });
    const f = item.slice(0, i);
    const v = item.slice(i + 1);
    const list = (out[f] ??= []);
    if (!list.includes(v)) list.push(v);
  }
  return out;
}

/** The key values when `filters` are exactly the key fields with one value each; otherwise null. */
function keyLookup(filters: Record<string, string[]>, keyFields: string[]): string[] | null {
  if (keyFields.length === 0 || Object.keys(filters).length !== keyFields.length) return null;
  const values: string[] = [];
  for (const k of keyFields) {
    const v = filters[k];
    if (!v || v.length !== 1) return null;
    values.push(v[0]!);
  }
  return values;
}

/**
 * The data path: `GET /api/v1/data/{resourceId}/rows`. Authorizes by the caller organisation's
 * grant, enforces fields, row scope, validity, revocation, rate and daily row quota, reads the
 * mounted table through catalog (or proxies the mounted API), masks, serialises, and meters
 * every call — refusals included — with a stable code.
 */
/** What `serve` needs of a grant: a real grant, or the open-data scope of an anonymous caller. */
type Scope = Pick<LiveGrant, 'id' | 'status' | 'expiresAt' | 'validFrom' | 'fields' | 'rowFilter' | 'ratePerMinute' | 'dailyRowQuota' | 'maxCalls' | 'masking' | 'salt'> & {
  /** The data subject reading its own data: delivered as held, without desensitisation. */
  unmasked?: boolean;
};

/** The caller organisation recorded for anonymous open-data calls (开放广东 preview and download). */
export const PUBLIC_CALLER = 'public';

export class DataService {
  private readonly limiter = new RateLimiter();
  /**
   * Salt of the hash masking method on anonymous open-data delivery: random per process, so a
   * token is stable while the process runs and never a dictionary lookup away from its value
   * (unconditionally open data holds no sensitive personal information — the grading rules
   * forbid it — so hashing applies only where the masking matrix asks for it).
   */
  private readonly openSalt = randomBytes(32);
  readonly rowCache = new RowCache();

  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
    private readonly sources: SourceCache,
    private readonly grants: GrantService,
    private readonly metering: MeteringService,
    private readonly matrix: MaskingMatrix,
  ) {
    k.bus.subscribe('catalog.*', (event) => {
      if (event.type.startsWith('catalog.mount.') || event.type.startsWith('catalog.resource.')) this.rowCache.dropResource(event.subject.id);
    });
  }

  async rows(by: Principal, resourceId: string, req: RowsRequest): Promise<RowsResponse> {
    const callId = newId('call');
    const at = this.k.clock.now();
    let grant: LiveGrant | null = null;
    const digest = filtersDigest({ where: req.where ?? [], fields: req.fields ?? null, page: req.page, pageSize: req.pageSize, format: req.format });
    const meter = (status: number, code: string | null, rows: number, bytes: number) =>
      this.metering.record({
        id: callId, grantId: grant?.id ?? null, resourceId, callerOrgId: by.orgId, grantorOrgId: grant?.grantorOrgId ?? null,
        userId: by.userId ?? null, apiKeyId: by.apiKeyId ?? null, calledAt: at, filtersDigest: digest, rows, bytes, status, code,
      });
    try {
      grant = await this.resolveGrant(by, resourceId, req.grant);
      const out = await this.serve(grant, resourceId, req, at);
      const body = req.format === 'csv' ? toCsv(out.fields, out.rows, !!req.bom) : JSON.stringify({ callId, grantId: grant.id, resourceId, version: out.version, fields: out.fields, items: out.rows, page: req.page, pageSize: req.pageSize, hasMore: out.hasMore });
      meter(200, null, out.rows.length, Buffer.byteLength(body));
      return { callId, contentType: req.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', body };
    } catch (err) {
      if (err instanceof AppError) meter(err.status, err.code, 0, 0);
      else meter(500, 'INTERNAL_ERROR', 0, 0);
      throw err;
    }
  }

  /**
   * Anonymous delivery of an unconditionally open dataset (无条件开放, the open-data portal's preview
   * and CSV/JSON download): published public data only, every non-core field, masked by the
   * platform's default matrix, rate-limited per client address (`gateway.publicRatePerMinute`) and
   * metered like any call (caller `public`, no grant), so its evidence is committed to the ledger.
   * Conditionally open data needs a key or an approved application (a grant) instead.
   */
  async openRows(client: string, resourceId: string, req: RowsRequest): Promise<RowsResponse> {
    const callId = newId('call');
    const at = this.k.clock.now();
    let grantorOrgId: string | null = null;
    const digest = filtersDigest({ where: req.where ?? [], fields: req.fields ?? null, page: req.page, pageSize: req.pageSize, format: req.format });
    const meter = (status: number, code: string | null, rows: number, bytes: number) =>
      this.metering.record({ id: callId, grantId: null, resourceId, callerOrgId: PUBLIC_CALLER, grantorOrgId, userId: null, apiKeyId: null, calledAt: at, filtersDigest: digest, rows, bytes, status, code });
    try {
      const src = await this.sources.get(resourceId);
      if (!src || !src.publicData || src.status !== 'published' || src.open.type !== 'unconditional') throw new AppError(GatewayErrors.GATEWAY_NOT_OPEN_DATA);
      grantorOrgId = src.ownerOrgId;
      const wait = this.limiter.take(`public:${client}`, this.k.config.gateway.publicRatePerMinute, Date.now());
      if (wait > 0) throw new AppError(GatewayErrors.GATEWAY_RATE_LIMITED, { retryAfter: wait, limit: this.k.config.gateway.publicRatePerMinute }, { limit: this.k.config.gateway.publicRatePerMinute, retryAfter: wait });
      const scope: Scope = {
        id: `public:${resourceId}`, status: 'active', expiresAt: null, validFrom: new Date(0), rowFilter: null, ratePerMinute: null, dailyRowQuota: null, maxCalls: null, masking: null, salt: this.openSalt,
        fields: src.fields.filter((f) => f.level !== 'core').map((f) => f.name),
      };
      const out = await this.serve(scope, resourceId, { ...req, grant: undefined }, at);
      const body = req.format === 'csv' ? toCsv(out.fields, out.rows, !!req.bom) : JSON.stringify({ callId, resourceId, version: out.version, fields: out.fields, items: out.rows, page: req.page, pageSize: req.pageSize, hasMore: out.hasMore });
      meter(200, null, out.rows.length, Buffer.byteLength(body));
      return { callId, contentType: req.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', body };
    } catch (err) {
      if (err instanceof AppError) meter(err.status, err.code, 0, 0);
      else meter(500, 'INTERNAL_ERROR', 0, 0);
      throw err;
    }
  }

  /**
   * A data subject reads its own data (数字空间: the holder's data items, fetched live on its own
   * behalf): only the rows whose `subject.field` holds its identifier (and, with `period`, whose
   * month is in it), only `fields`, unmasked — it is the subject's own data — and metered like
   * any call (caller: the holder; no grant), so the read is evidence too. The authorization module
   * decides who the subject is; this path trusts it.
   */
  async subjectRows(
    holderOrgId: string, resourceId: string, subject: { field: string; value: string }, fields: string[],
    period: { field: string; months: string[] } | null, page: number, pageSize: number,
  ): Promise<{ callId: string; version: number; fields: string[]; rows: Array<Record<string, unknown>>; hasMore: boolean }> {
    const callId = newId('call');
    const at = this.k.clock.now();
    let grantorOrgId: string | null = null;
    const digest = filtersDigest({ subject: subject.field, period: period?.months ?? null, fields, page, pageSize });
    const meter = (status: number, code: string | null, rows: number) =>
      this.metering.record({ id: callId, grantId: null, resourceId, callerOrgId: holderOrgId, grantorOrgId, userId: null, apiKeyId: null, calledAt: at, filtersDigest: digest, rows, bytes: 0, status, code });
    try {
      const src = await this.sources.get(resourceId);
      grantorOrgId = src?.ownerOrgId ?? null;
      const scope: Scope = {
        id: `subject:${holderOrgId}`, status: 'active', expiresAt: null, validFrom: new Date(0), ratePerMinute: null, dailyRowQuota: null, maxCalls: null, masking: null, salt: this.openSalt,
        rowFilter: { [subject.field]: [subject.value], ...(period ? { [period.field]: period.months } : {}) }, fields, unmasked: true,
      };
      const out = await this.serve(scope, resourceId, { page, pageSize, format: 'json' }, at);
      meter(200, null, out.rows.length);
      return { callId, ...out };
    } catch (err) {
      if (err instanceof AppError) meter(err.status, err.code, 0);
      else meter(500, 'INTERNAL_ERROR', 0);
      throw err;
    }
  }

  private async resolveGrant(by: Principal, resourceId: string, grantId: string | undefined): Promise<LiveGrant> {
    if (grantId) {
      const g = await this.grants.cached(grantId);
      // Another organisation's grant is indistinguishable from none (no existence leak).
      if (!g || g.granteeOrgId !== by.orgId || g.resourceId !== resourceId) throw new AppError(GatewayErrors.GATEWAY_NO_GRANT);
      return g;
    }
    const list = await this.grants.forCaller(by.orgId, resourceId);
    if (list.length === 0) throw new AppError(GatewayErrors.GATEWAY_NO_GRANT);
    const now = this.k.clock.now();
    const usable = list.filter((g) => (!g.expiresAt || g.expiresAt > now) && g.validFrom <= now);
    if (usable.length > 1) throw new AppError(GatewayErrors.GATEWAY_GRANT_AMBIGUOUS, { grants: usable.map((g) => g.id) });
    // With none usable, report the first one's state (expired / not yet valid).
    return usable[0] ?? list[0]!;
  }

  private async serve(grant: Scope, resourceId: string, req: RowsRequest, at: Date) {
    if (grant.status === 'revoked') throw new AppError(GatewayErrors.GATEWAY_GRANT_REVOKED);
    if (grant.status === 'expired' || (grant.expiresAt && grant.expiresAt <= at)) throw new AppError(GatewayErrors.GATEWAY_GRANT_EXPIRED, { expiresAt: grant.expiresAt?.toISOString() ?? null });
    if (grant.validFrom > at) throw new AppError(GatewayErrors.GATEWAY_GRANT_NOT_YET_VALID, { validFrom: grant.validFrom.toISOString() }, { validFrom: grant.validFrom.toISOString() });
    const src = await this.sources.get(resourceId);
    if (!src) throw new AppError(GatewayErrors.GATEWAY_RESOURCE_NOT_FOUND);
    // Core data is never delivered, whatever a grant says (数据安全法 Art. 21; rules-cn.md §2).
    if (src.level === 'core') throw new AppError(GatewayErrors.GATEWAY_CORE_DATA, { level: 'core' }, { reason: 'resource level core' });
    if (src.status !== 'published') throw new AppError(GatewayErrors.GATEWAY_RESOURCE_NOT_PUBLISHED, { status: src.status }, { status: src.status });
    if (!src.mount) throw new AppError(GatewayErrors.GATEWAY_RESOURCE_NOT_MOUNTED);

    // Projection: only granted fields (a field the resource no longer has is dropped).
    const granted = grant.fields.filter((f) => src.fields.some((x) => x.name === f && x.level !== 'core'));
    const keyFields = src.fields.filter((f) => f.isKey).map((f) => f.name);
    let fields = granted;
    if (req.fields !== undefined) {
      const asked = [...new Set(req.fields.split(',').map((s) => s.trim()).filter(Boolean))];
      const unknown = asked.filter((f) => !src.fields.some((x) => x.name === f));
      if (unknown.length) throw new AppError(GatewayErrors.GATEWAY_FIELD_UNKNOWN, { fields: unknown }, { field: unknown.join(', ') });
      const notGranted = asked.filter((f) => !granted.includes(f));
      if (notGranted.length) throw new AppError(GatewayErrors.GATEWAY_FIELD_NOT_GRANTED, { fields: notGranted }, { fields: notGranted.join(', ') });
      if (asked.length) fields = asked;
    }
    // Filters: on granted fields or the key fields (lookups); never on other fields (that would
    // reveal their values by probing).
    const where = parseWhere(req.where);
    for (const f of Object.keys(where)) {
      if (!src.fields.some((x) => x.name === f)) throw new AppError(GatewayErrors.GATEWAY_FIELD_UNKNOWN, { fields: [f] }, { field: f });
      if (!granted.includes(f) && !keyFields.includes(f)) throw new AppError(GatewayErrors.GATEWAY_FIELD_NOT_GRANTED, { fields: [f] }, { fields: f });
    }
    // Row scope: the caller's filter is intersected with the grant's — never beyond scope.
    const filters: Record<string, string[]> = { ...where };
    let empty = false;
    for (const [f, allowed] of Object.entries(grant.rowFilter ?? {})) {
      if (filters[f]) {
        filters[f] = filters[f]!.filter((v) => allowed.includes(v));
        if (filters[f]!.length === 0) empty = true;
      } else filters[f] = allowed;
    }

    // Rate and quota.
    if (grant.ratePerMinute) {
      const wait = this.limiter.take(grant.id, grant.ratePerMinute, Date.now());
      if (wait > 0) throw new AppError(GatewayErrors.GATEWAY_RATE_LIMITED, { retryAfter: wait, limit: grant.ratePerMinute }, { limit: grant.ratePerMinute, retryAfter: wait });
    }
    let limit = req.pageSize;
    if (grant.dailyRowQuota) {
      const used = await this.metering.rowsToday(grant.id);
      const left = grant.dailyRowQuota - used;
      if (left <= 0) throw new AppError(GatewayErrors.GATEWAY_QUOTA_EXCEEDED, { quota: grant.dailyRowQuota, day: cstDay(at) }, { quota: grant.dailyRowQuota });
      limit = Math.min(limit, left);
    }
    // A use limit (数据主体授权的最大使用次数): the last check before data leaves, one use per call.
    if (grant.maxCalls && (await this.grants.takeUse(grant.id)) === null) {
      throw new AppError(GatewayErrors.GATEWAY_USES_EXHAUSTED, { max: grant.maxCalls }, { max: grant.maxCalls });
    }

    const offset = (req.page - 1) * req.pageSize;
    let rows: Array<Record<string, unknown>> = [];
    let hasMore = false;
    if (!empty) {
      const lookup = src.mount.kind === 'table' && offset === 0 ? keyLookup(filters, keyFields) : null;
      if (lookup && src.mount.kind === 'table') {
        // A key lookup (exactly the key fields, one value each, nothing else): served from the row
        // cache when it can, else one index probe through catalog; projected here.
        const ck = RowCache.key(resourceId, src.version, src.mount.mountedAt, lookup);
        let row = this.rowCache.get(ck, Date.now());
        if (row === undefined) {
          const r = await this.catalog.mounts.queryRows(resourceId, { version: src.version, filters, offset: 0, limit: 1 });
          row = r.rows[0] ?? null;
          this.rowCache.set(ck, resourceId, row, Date.now());
        }
        const found = row;
        rows = found ? [Object.fromEntries(fields.map((f) => [f, found[f] ?? null]))] : [];
      } else if (src.mount.kind === 'table') {
        // Read the projected fields plus none other: row scope is applied by catalog's filters.
        ({ rows, hasMore } = await this.catalog.mounts.queryRows(resourceId, { version: src.version, filters, fields, offset, limit }));
      } else {
        ({ rows, hasMore } = await this.upstream(src, filters, keyFields, offset, limit));
        rows = rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null])));
      }
      // Cut short by the quota: there may be more.
      if (!lookup && limit < req.pageSize && rows.length === limit) hasMore = true;
    }
    if (grant.unmasked) return { version: src.version, fields, rows, hasMore };
    const plan = maskingPlan(src.fields.filter((f) => fields.includes(f.name)), this.matrix, grant.masking);
    return { version: src.version, fields, rows: rows.map((r) => maskRow(r, plan, grant.salt)), hasMore };
  }

  /**
   * Proxies an API mount: one upstream GET per key value (the key filter as the upstream's key
   * parameter), or one plain GET without a key; the JSON answer (an array, or `items`/`rows`/`data`)
   * is then filtered to the row scope and paged here. Timeouts → 504, anything else → 502.
   */
  private async upstream(src: DataSource, filters: Record<string, string[]>, keyFields: string[], offset: number, limit: number) {
    const mount = src.mount as Extract<NonNullable<DataSource['mount']>, { kind: 'api' }>;
    const keyField = keyFields.length === 1 ? keyFields[0]! : null;
    const keyValues = mount.keyParam && keyField ? filters[keyField] : undefined;
    if (keyValues && keyValues.length > MAX_UPSTREAM_KEYS) throw new AppError(GatewayErrors.GATEWAY_FILTER_INVALID, { max: MAX_UPSTREAM_KEYS }, { reason: `at most ${MAX_UPSTREAM_KEYS} keys per call to an API resource` });
    const urls = keyValues
      ? keyValues.map((v) => {
          const u = new URL(mount.upstreamUrl);
          u.searchParams.set(mount.keyParam!, v);
          return u.toString();
        })
      : [mount.upstreamUrl];
    const all: Array<Record<string, unknown>> = [];
    for (const url of urls) all.push(...(await this.fetchRows(url, mount.timeoutMs)));
    const matching = all.filter((r) => Object.entries(filters).every(([f, values]) => values.includes(r[f] === null || r[f] === undefined ? '' : String(r[f]))));
    return { rows: matching.slice(offset, offset + limit), hasMore: matching.length > offset + limit };
  }

  private async fetchRows(url: string, timeoutMs: number): Promise<Array<Record<string, unknown>>> {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' }, redirect: 'error' });
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_TIMEOUT, { timeoutMs }, { timeoutMs });
      throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_ERROR, { reason: 'unreachable' }, { reason: 'unreachable' });
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return []; // no row for this key
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_ERROR, { reason: `status ${res.status}` }, { reason: `status ${res.status}` });
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_TIMEOUT, { timeoutMs }, { timeoutMs });
      throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_ERROR, { reason: 'read failed' }, { reason: 'read failed' });
    }
    if (text.length > MAX_UPSTREAM_BYTES) throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_ERROR, { reason: 'too large' }, { reason: 'too large' });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_ERROR, { reason: 'not JSON' }, { reason: 'not JSON' });
    }
    const list = Array.isArray(json) ? json : json && typeof json === 'object' ? ((json as any).items ?? (json as any).rows ?? (json as any).data ?? [json]) : null;
    if (!Array.isArray(list) || list.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) throw new AppError(GatewayErrors.GATEWAY_UPSTREAM_ERROR, { reason: 'not rows' }, { reason: 'not rows' });
    return list as Array<Record<string, unknown>>;
  }
}
