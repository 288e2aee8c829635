import { AppError, PlatformErrors } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../../platform/database/database.js';
import type { Kernel } from '../../platform/kernel.js';
import { CatalogErrors } from './catalog.errors.js';
import type { MountService } from './mount.service.js';
import * as mrepo from './mount.repository.js';
import { KEY_SEPARATOR, type TableField } from './mount.table.js';
import { QualityErrors } from './quality.errors.js';
import * as qrepo from './quality.repository.js';
import {
  agePassRate, COMPARE_OPS, DIMENSION_OF, FREQUENCY_DAYS, rowPassRate, score, type Dimension, type Rule, type RuleResult, type UserRule,
} from './quality.rules.js';
import { deadlineMatcher } from './regex.guard.js';
import { matchMany } from './quality.matcher.js';
import * as repo from './resource.repository.js';
import { checkValue, compilePattern, validateDate, validateDateTime, type ElementSpec } from './value.validators.js';

export const MAX_RULES = 100;
/** Failing samples kept per rule and per report. */
const SAMPLES_PER_RULE = 5;
const SAMPLES_MAX = 100;
/** Values per guarded pattern run. */
const JS_PAGE = 50_000;
const NUMERIC_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const match = deadlineMatcher(100);

export interface Sample {
  key: string | null;
  field: string | null;
  value: string | null;
  rule: string;
  dimension: Dimension;
}
export interface RuleOutcome {
  rule: Rule;
  source: 'derived' | 'user';
  dimension: Dimension;
  checked: number;
  failed: number;
  passRate: number;
}
export interface QualityReport {
  id: string | null;
  resourceId: string;
  version: number;
  dataVersion: number | null;
  rowsProfiled: number;
  scores: Record<Dimension, number>;
  ruleCounts: Record<Dimension, number>;
  overall: number;
  threshold: number;
  passed: boolean;
  rules: RuleOutcome[];
  samples: Sample[];
  createdAt: string;
}

const isNumeric = (t: string) => t === 'integer' || t === 'decimal';
const isTime = (t: string) => t === 'date' || t === 'datetime';
const ruleLabel = (r: Rule) => ('field' in r ? `${r.kind}:${r.field}` : r.kind);
const showKey = (k: string) => k.split(KEY_SEPARATOR).join(', ');

function timeOf(text: string): number | null {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
  return Number.isNaN(t) ? null : t;
}

/**
 * Data quality (质量, GB/T 36344-2018; rules and scoring in quality.rules.ts): user rules per
 * resource plus rules derived from the bound elements, profiled over the mounted rows — counts
 * computed in SQL (one aggregate scan), element formats and patterns in one streamed JavaScript
 * pass over just the columns they need. A report per resource version; the newest gates
 * publishing (`catalog.qualityThreshold`).
 */
export class QualityService {
  constructor(
    private readonly k: Kernel,
    private readonly mounts: MountService,
  ) {}

  get threshold(): number {
    return this.k.config.catalog.qualityThreshold;
  }

  /** The user rules of a resource and the rules derived for its head version (owner, or anyone who sees it). */
  async rules(resourceId: string, by: Principal | null) {
    const { version } = await this.visible(resourceId, by);
    const fields = await this.mounts.tableFields(resourceId, version);
    return { resourceId, version, rules: await qrepo.findRules(this.k.db, resourceId), derived: this.derived(fields, null, 'irregular') };
  }

  /** Replaces the user rules of a resource (owner only); each is checked against the head version's fields. */
  async setRules(resourceId: string, rules: UserRule[], by: Principal | null, requestId?: string) {
    const r0 = await this.owned(resourceId, by);
    const fields = await repo.findFields(this.k.db, resourceId, r0.headVersion);
    const clean = rules.map((rule, i) => this.checkRule(rule, i + 1, fields));
    const derived = this.derived(await this.mounts.tableFields(resourceId, r0.headVersion), null, 'irregular');
    return this.k.transact(async (tx, emit) => {
      const r = await this.owned(resourceId, by, tx, true);
      await qrepo.saveRules(tx, resourceId, clean, this.k.clock.now());
      await emit({ type: 'catalog.quality.rules_updated', subject: { type: 'resource', id: resourceId }, orgId: r.sourceOrgId, actor: serviceActor(by), requestId, payload: { rules: clean.length } });
      return { resourceId, version: r.headVersion, rules: clean, derived };
    });
  }

  /** Profiles the head version's data, stores the report and records its scores as evidence (owner only). */
  async run(resourceId: string, by: Principal | null, requestId?: string): Promise<QualityReport> {
    const r0 = await this.owned(resourceId, by);
    const report = await this.profile(resourceId, r0.headVersion);
    return this.k.transact(async (tx, emit) => {
      const r = await this.owned(resourceId, by, tx, true);
      if (r.headVersion !== r0.headVersion) throw new AppError(CatalogErrors.CATALOG_RESOURCE_STATE_CONFLICT, { status: r.status, action: 'quality' }, { status: r.status, action: 'quality' });
      const id = newId('qr');
      const at = this.k.clock.now();
      await qrepo.insertReport(tx, {
        id, resourceId, version: report.version, dataVersion: report.dataVersion, rowsProfiled: report.rowsProfiled, overall: report.overall,
        scores: report.scores, rules: report.rules, samples: report.samples, threshold: report.threshold, createdAt: at,
      });
      await emit({
        type: 'catalog.quality.reported',
        subject: { type: 'resource', id: resourceId },
        orgId: r.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { reportId: id, version: report.version, dataVersion: report.dataVersion, rowsProfiled: report.rowsProfiled, overall: report.overall, scores: report.scores, threshold: report.threshold },
      });
      return { ...report, id, createdAt: at.toISOString() };
    });
  }

  /** The newest report of the version the caller sees; failing samples (real values) only for the owner. */
  async latest(resourceId: string, by: Principal | null): Promise<QualityReport> {
    const { r, version } = await this.visible(resourceId, by);
    const row = await qrepo.latestReport(this.k.db, resourceId, version);
    if (!row) throw new AppError(QualityErrors.CATALOG_QUALITY_REPORT_NOT_FOUND);
    const own = !by || by.orgId === r.sourceOrgId;
    const rules = row.rules as RuleOutcome[];
    const ruleCounts = {} as Record<Dimension, number>;
    for (const d of Object.keys(row.scores) as Dimension[]) ruleCounts[d] = rules.filter((x) => x.dimension === d).length;
    return {
      id: row.id, resourceId, version: row.version, dataVersion: row.dataVersion, rowsProfiled: row.rowsProfiled, scores: row.scores as Record<Dimension, number>, ruleCounts,
      overall: row.overall, threshold: this.threshold, passed: row.overall >= this.threshold, rules, samples: own ? (row.samples as Sample[]) : [], createdAt: row.createdAt.toISOString(),
    };
  }

  /**
   * The publishing gate (called by ResourceService.publish in its transaction): a version with
   * mounted data needs a report made after the data was mounted that scores at least
   * `catalog.qualityThreshold`. A resource without data publishes as before (目录先行).
   */
  async assertPublishable(db: Executor, resourceId: string, version: number): Promise<void> {
    const m = await mrepo.servedMount(db, resourceId, version);
    if (!m) return;
    const report = await qrepo.latestReport(db, resourceId, version);
    const t = this.threshold;
    const refuse = (reason: string, s: number | null) => new AppError(QualityErrors.CATALOG_QUALITY_GATE, { reason, score: s, threshold: t }, { reason, score: s ?? '-', threshold: t });
    if (!report) throw refuse('no_report', null);
    if (report.createdAt.getTime() < m.mountedAt.getTime()) throw refuse('stale_report', report.overall);
    if (report.overall < t) throw refuse('below_threshold', report.overall);
  }

  // ---- profiling ---------------------------------------------------------------------------------

  /** Profiles the data serving `version` (its own mount or the one carried forward) without storing anything. */
  async profile(resourceId: string, version: number): Promise<QualityReport> {
    const db = this.k.db;
    const v = await repo.findVersion(db, resourceId, version);
    if (!v) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    const fields = await this.mounts.tableFields(resourceId, version);
    const m = (await mrepo.servedMount(db, resourceId, version)) ?? null;
    const userRules = await qrepo.findRules(db, resourceId);
    const byName = new Map(fields.map((f) => [f.name, f]));
    // User rules whose fields no longer exist in this version are skipped (the editor shows them).
    const usable = userRules.filter((r) => byName.has(r.field) && (r.kind !== 'compare' || byName.has(r.other)));
    const rules: Array<{ rule: Rule; source: 'derived' | 'user' }> = [
      ...this.derived(fields, m, v.updateFrequency).map((rule) => ({ rule, source: 'derived' as const })),
      ...usable.map((rule) => ({ rule: rule as Rule, source: 'user' as const })),
    ];
    const now = this.k.clock.now().getTime();
    const results = new Map<number, RuleResult>();
    const samples: Sample[] = [];
    const addSamples = (rule: Rule, list: Array<{ key: string | null; value: string | null }>, field: string | null) => {
      for (const s of list.slice(0, SAMPLES_PER_RULE)) {
        if (samples.length >= SAMPLES_MAX) return;
        samples.push({ key: s.key === null ? null : showKey(s.key), field, value: s.value, rule: ruleLabel(rule), dimension: DIMENSION_OF[rule.kind] });
      }
    };
    const put = (i: number, rule: Rule, checked: number, failed: number, passRate = rowPassRate(checked, failed)) =>
      results.set(i, { rule, dimension: DIMENSION_OF[rule.kind], checked, failed, passRate });

    const table = m?.kind === 'table' ? m : null;
    const dataVersion = table?.version ?? null;
    // 1. SQL: one aggregate scan for counts, distinct counts and maxima.
    const numeric = (f: string) => isNumeric(byName.get(f)?.dataType ?? '');
    // Fields the mount checked as numbers (their stored values always cast).
    const checkedNumeric = (f: string) => isNumeric(m?.fieldTypes?.[f] ?? '');
    const sqlRules: Array<{ i: number; check: qrepo.SqlCheck }> = [];
    // Page tests: 1 = pass. Validators and types run in a loop; patterns in one guarded run per page.
    const jsRules: Array<{ i: number; field: string; test: (values: string[]) => Uint8Array }> = [];
    const each = (f: (x: string) => boolean) => (values: string[]) => Uint8Array.from(values, (x) => (f(x) ? 1 : 0));
    const uniques: Array<{ i: number; field: string }> = [];
    const fresh: Array<{ i: number; field: string; days: number | null }> = [];
    rules.forEach(({ rule }, i) => {
      if (rule.kind === 'unique') uniques.push({ i, field: rule.field });
      else if (rule.kind === 'freshness') fresh.push({ i, field: rule.field, days: rule.maxAgeDays ?? FREQUENCY_DAYS[v.updateFrequency] ?? null });
      else if (rule.kind === 'element') {
        const spec = byName.get(rule.field)!.spec!;
        const format = spec.format;
        if (format?.kind === 'regex') {
          // Type and code list per value, the pattern per page.
          const rest: ElementSpec = { ...spec, format: null };
          jsRules.push({ i, field: rule.field, test: (values) => {
            const out = matchMany(format.pattern, values);
            values.forEach((x, n) => {
              if (out[n] && !checkValue(rest, x).valid) out[n] = 0;
            });
            return out;
          } });
        } else if (format) jsRules.push({ i, field: rule.field, test: each((x) => checkValue(spec, x, match).valid) });
        else sqlRules.push({ i, check: qrepo.sqlCheck(rule, numeric, spec.codeList?.map((c) => c.code), checkedNumeric)! });
      } else if (rule.kind === 'pattern') jsRules.push({ i, field: rule.field, test: (values) => matchMany(rule.pattern, values) });
      else {
        const check = qrepo.sqlCheck(rule, numeric, undefined, checkedNumeric);
        if (check) sqlRules.push({ i, check });
      }
    });
    let rowsProfiled = 0;
    if (table) {
      const all = fields.map((f) => f.name);
      const cols = [...new Set([...jsRules.map((j) => j.field), ...uniques.map((u) => u.field)])];
      const agg = await qrepo.aggregate(db, resourceId, table.version, all, sqlRules.map((s) => s.check), fresh.map((f) => f.field), cols);
      rowsProfiled = agg.rows;
      for (const [n, { i, check }] of sqlRules.entries()) {
        const rule = rules[i]!.rule;
        const checked = check.applies ? agg.checks[n]!.checked : agg.rows;
        put(i, rule, checked, agg.checks[n]!.failed);
        if (agg.checks[n]!.failed > 0 && samples.length < SAMPLES_MAX) addSamples(rule, await qrepo.failingSamples(db, resourceId, table.version, all, check, SAMPLES_PER_RULE), 'field' in rule ? rule.field : null);
      }
      for (const { i, field } of uniques) {
        // A hash set over the collected values: extra occurrences of a value fail.
        const values = agg.values[cols.indexOf(field)]!;
        const seen = new Set<string>();
        const dup: string[] = [];
        let failed = 0;
        for (const x of values) {
          if (!seen.has(x)) seen.add(x);
          else {
            failed++;
            if (dup.length < SAMPLES_PER_RULE && !dup.includes(x)) dup.push(x);
          }
        }
        put(i, rules[i]!.rule, values.length, failed);
        if (dup.length && samples.length < SAMPLES_MAX) addSamples(rules[i]!.rule, await qrepo.rowsWithValues(db, resourceId, table.version, all, field, dup, SAMPLES_PER_RULE), field);
      }
      for (const [n, { i, field, days }] of fresh.entries()) {
        const rule = rules[i]!.rule;
        if (days === null) continue; // irregular updates and no stated allowance: nothing to measure against
        const max = agg.max[n] ?? null;
        const t = max === null ? null : timeOf(max);
        const rate = t === null ? 0 : agePassRate((now - t) / 86_400_000, days);
        put(i, rule, 1, rate < 1 ? 1 : 0, rate);
        if (rate < 1) addSamples(rule, [{ key: null, value: max }], field);
      }
      // 2. JavaScript: element formats and patterns over the values the same scan collected, in
      //    pages; the rows of the first failing values are looked up afterwards for the samples.
      for (const j of jsRules) {
        const values = agg.values[cols.indexOf(j.field)]!;
        let failed = 0;
        const failing: string[] = [];
        for (let start = 0; start < values.length; start += JS_PAGE) {
          const page = values.slice(start, start + JS_PAGE);
          const pass = j.test(page);
          for (let n = 0; n < page.length; n++) {
            if (pass[n]) continue;
            failed++;
            if (failing.length < SAMPLES_PER_RULE && !failing.includes(page[n]!)) failing.push(page[n]!);
          }
        }
        const rule = rules[j.i]!.rule;
        put(j.i, rule, values.length, failed);
        if (failing.length && samples.length < SAMPLES_MAX) addSamples(rule, await qrepo.rowsWithValues(db, resourceId, table.version, all, j.field, failing, SAMPLES_PER_RULE), j.field);
      }
    }
    // 3. Timeliness of the mount and accessibility.
    for (const [i, { rule }] of rules.entries()) {
      if (rule.kind === 'mount_age' && m) {
        const rate = agePassRate((now - m.mountedAt.getTime()) / 86_400_000, rule.maxAgeDays);
        put(i, rule, 1, rate < 1 ? 1 : 0, rate);
        if (rate < 1) addSamples(rule, [{ key: null, value: m.mountedAt.toISOString() }], null);
      } else if (rule.kind === 'mounted') {
        put(i, rule, 1, m ? 0 : 1);
      } else if (rule.kind === 'readable') {
        const ok = m === null ? false : m.kind === 'table' ? rowsProfiled === m.rowCount : await this.answers(m.upstreamUrl!, m.timeoutMs!);
        put(i, rule, 1, ok ? 0 : 1);
        if (!ok && m) addSamples(rule, [{ key: null, value: m.kind === 'api' ? m.upstreamUrl : String(rowsProfiled) }], null);
      } else if (!results.has(i) && rule.kind !== 'freshness' && rule.kind !== 'mount_age') {
        // A row rule over no rows (no table mounted): nothing checked, nothing failed.
        put(i, rule, 0, 0);
      }
    }
    const ordered = rules.flatMap(({ rule, source }, i) => {
      const r = results.get(i);
      return r ? [{ rule, source, dimension: r.dimension, checked: r.checked, failed: r.failed, passRate: Math.round(r.passRate * 10_000) / 10_000 }] : [];
    });
    const s = score([...results.values()]);
    return {
      id: null, resourceId, version, dataVersion, rowsProfiled, scores: s.scores, ruleCounts: s.ruleCounts, overall: s.overall, threshold: this.threshold,
      passed: s.overall >= this.threshold, rules: ordered, samples, createdAt: new Date(now).toISOString(),
    };
  }

  /**
   * Accessibility of an API mount (可访问性): the upstream answers a GET within its timeout with a
   * status below 500 (a 4xx still shows a live service that refused a bare request).
   */
  private async answers(url: string, timeoutMs: number): Promise<boolean> {
    try {
      const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      await res.body?.cancel();
      return res.status < 500;
    } catch {
      return false;
    }
  }

  /** Rules derived from the declared fields, the elements, the mount and the update frequency. */
  private derived(fields: TableField[], m: mrepo.MountRow | null, frequency: string): Rule[] {
    const out: Rule[] = [];
    for (const f of fields) {
      const spec: ElementSpec | null = f.spec;
      if (spec && (spec.format || spec.codeList)) out.push({ kind: 'element', field: f.name, element: spec.format?.kind === 'validator' ? spec.format.name : spec.format ? 'pattern' : 'code_list' });
    }
    for (const f of fields) out.push({ kind: 'filled', field: f.name });
    const days = FREQUENCY_DAYS[frequency] ?? null;
    if (m?.kind === 'table' && days !== null) out.push({ kind: 'mount_age', maxAgeDays: days });
    out.push({ kind: 'mounted' }, { kind: 'readable' });
    return out;
  }

  private checkRule(rule: UserRule, index: number, fields: repo.FieldRow[]): UserRule {
    const bad = (reason: string) => new AppError(QualityErrors.CATALOG_QUALITY_RULE_INVALID, { index, reason, field: rule.field }, { index, reason });
    const f = fields.find((x) => x.name === rule.field);
    if (!f) throw bad('unknown_field');
    switch (rule.kind) {
      case 'required':
      case 'unique':
        return { kind: rule.kind, field: rule.field };
      case 'range': {
        if (rule.min === undefined && rule.max === undefined) throw bad('range_empty');
        const ok = (x: string) => (isNumeric(f.dataType) ? NUMERIC_TEXT.test(x) : f.dataType === 'date' ? validateDate(x).valid : f.dataType === 'datetime' ? validateDateTime(x).valid : false);
        if (!isNumeric(f.dataType) && !isTime(f.dataType)) throw bad('range_type');
        if ((rule.min !== undefined && !ok(rule.min)) || (rule.max !== undefined && !ok(rule.max))) throw bad('range_bound');
        if (rule.min !== undefined && rule.max !== undefined && (isNumeric(f.dataType) ? Number(rule.min) > Number(rule.max) : rule.min > rule.max)) throw bad('range_inverted');
        return { kind: 'range', field: rule.field, ...(rule.min !== undefined ? { min: rule.min } : {}), ...(rule.max !== undefined ? { max: rule.max } : {}) };
      }
      case 'pattern': {
        const c = compilePattern(rule.pattern);
        if (!c.ok) throw bad(c.reason);
        return { kind: 'pattern', field: rule.field, pattern: rule.pattern };
      }
      case 'codes':
        return { kind: 'codes', field: rule.field, values: [...new Set(rule.values)] };
      case 'compare': {
        const o = fields.find((x) => x.name === rule.other);
        if (!o || o.name === f.name) throw bad('unknown_other_field');
        if (!(COMPARE_OPS as readonly string[]).includes(rule.op)) throw bad('operator');
        const comparable = (isNumeric(f.dataType) && isNumeric(o.dataType)) || (isTime(f.dataType) && isTime(o.dataType)) || f.dataType === o.dataType;
        if (!comparable) throw bad('incomparable_types');
        return { kind: 'compare', field: rule.field, op: rule.op, other: rule.other };
      }
      case 'freshness':
        if (!isTime(f.dataType)) throw bad('freshness_type');
        return { kind: 'freshness', field: rule.field, ...(rule.maxAgeDays !== undefined ? { maxAgeDays: rule.maxAgeDays } : {}) };
    }
  }

  private async visible(resourceId: string, by: Principal | null) {
    const r = await repo.findResource(this.k.db, resourceId);
    if (!r) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    if (!by || by.orgId === r.sourceOrgId) return { r, version: r.headVersion };
    if (r.scope === 'social' || r.liveVersion === null) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    return { r, version: r.liveVersion };
  }

  private async owned(resourceId: string, by: Principal | null, db: Executor = this.k.db, lock = false) {
    const r = await repo.findResource(db, resourceId, lock);
    if (!r) throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
    if (by && by.orgId !== r.sourceOrgId) {
      if (r.scope === 'social') throw new AppError(CatalogErrors.CATALOG_RESOURCE_NOT_FOUND);
      throw new AppError(PlatformErrors.AUTH_FORBIDDEN_ORGANISATION);
    }
    return r;
  }
}
