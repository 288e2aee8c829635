import { serviceActor, type Principal } from '../../platform/http/access.js';
import type { Kernel } from '../../platform/kernel.js';
import type { FieldGrade } from './resource.grading.js';
import type { MountService } from './mount.service.js';
import type { ResourceService } from './resource.service.js';
import { detect, mergeSuggestion, suggestionFor, type Detected } from './scan.rules.js';

export interface FieldScan {
  field: string;
  detected: Detected | null;
  share: number | null;
  current: FieldGrade | null;
  suggested: FieldGrade | null;
  basis: string | null;
  /** The suggestion would raise the field's grade (it never lowers one). */
  raises: boolean;
  applied: boolean;
}

export interface ScanResult {
  resourceId: string;
  version: number;
  sampled: number;
  fields: FieldScan[];
}

/** Default and largest number of mounted rows the scanner samples. */
export const SCAN_SAMPLE_DEFAULT = 200;
export const SCAN_SAMPLE_MAX = 2000;

/**
 * The classification scanner (分类分级 辅助识别): samples the mounted rows of a resource's head
 * version (the owner's preview), recognises identity numbers, phones, bank cards, USCCs, e-mails
 * and addresses (scan.rules.ts) and suggests categories and levels. The scan itself is evidence
 * (`catalog.resource.scanned`, with every suggestion); `apply` raises the grades of a draft
 * through the resource service's own grading (one `catalog.resource.graded` event per field), so
 * the usual rules hold — a suggestion never lowers a grade a person set.
 */
export class ScanService {
  constructor(
    private readonly k: Kernel,
    private readonly resources: ResourceService,
    private readonly mounts: MountService,
  ) {}

  async scan(resourceId: string, by: Principal | null, opts: { apply?: boolean; sampleSize?: number } = {}, requestId?: string): Promise<ScanResult> {
    const sampleSize = Math.min(opts.sampleSize ?? SCAN_SAMPLE_DEFAULT, SCAN_SAMPLE_MAX);
    // Owner only, head version's data; throws CATALOG_MOUNT_NOT_FOUND without data.
    const preview = await this.mounts.preview(resourceId, by, sampleSize);
    const resource = await this.resources.get(resourceId, by);
    const grades = new Map<string, FieldGrade | null>(resource.fields.map((f) => [f.name, f.grade ?? null]));
    const fields: FieldScan[] = preview.columns.map((c) => {
      const current = grades.get(c.name) ?? null;
      const found = detect(preview.rows.map((r) => r[c.name]));
      if (!found) return { field: c.name, detected: null, share: null, current, suggested: null, basis: null, raises: false, applied: false };
      const s = suggestionFor(found.detected);
      const merged = mergeSuggestion(current, s.grade);
      return { field: c.name, detected: found.detected, share: Math.round(found.share * 1000) / 1000, current, suggested: merged.grade, basis: s.basis, raises: merged.raised, applied: false };
    });
    await this.k.transact(async (_tx, emit) => {
      await emit({
        type: 'catalog.resource.scanned',
        subject: { type: 'resource', id: resourceId },
        orgId: resource.sourceOrgId,
        actor: serviceActor(by),
        requestId,
        payload: { version: preview.version, sampled: preview.rows.length, suggestions: fields.filter((f) => f.detected).map((f) => ({ field: f.field, detected: f.detected!, raises: f.raises })) },
      });
    });
    if (opts.apply) {
      for (const f of fields) {
        if (!f.raises || !f.suggested) continue;
        const g = f.suggested;
        await this.resources.grade(resourceId, f.field, { level: g.level, personalInfo: g.personalInfo, sensitiveCategories: g.sensitiveCategories, ...(g.generalLevel !== null ? { generalLevel: g.generalLevel } : {}) }, by, requestId);
        f.applied = true;
      }
    }
    return { resourceId, version: preview.version, sampled: preview.rows.length, fields };
  }
}
