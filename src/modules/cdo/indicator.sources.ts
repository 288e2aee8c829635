/**
 * Where the evaluation indicators come from: other modules' public services only (DESIGN.md §3),
 * never their tables. A source a module does not (yet) export is absent, and the indicators that
 * depend on it report `unavailable` instead of a number.
 */
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { CatalogService } from '../catalog/index.js';

/** What the evaluation reads of one published resource. */
export interface PublishedResource {
  id: string;
  version: number;
  updateFrequency: string;
  open: { type: string } | null;
}

/** The mounted data of a resource (catalog `mounts.source()`, contract A). */
export interface MountPort {
  source(resourceId: string): Promise<{ mount: { mountedAt: string } | null } | null>;
}

/** Quality reports of a resource (catalog's quality service): the newest overall score 0–100, or null without a report. */
export interface QualityPort {
  latestScore(resourceId: string): Promise<number | null>;
}

/** Sharing requests a source unit received and how it answered them (sharing module). */
export interface SharingStats {
  /** Requests that needed an answer (有条件共享) and got one. */
  answered: number;
  /** Of those, answered within the working-day deadline. */
  onTime: number;
  /** Pending requests already past their deadline (they count as late). */
  overduePending: number;
  approved: number;
  rejected: number;
  /** Mean hours from request to answer over the answered ones; null when none. */
  meanResponseHours: number | null;
}
export interface SharingPort {
  statsForSource(orgId: string): Promise<SharingStats>;
}

export interface IndicatorSources {
  /** Counts and published resources of a body's public data (always available: catalog). */
  catalogued(orgId: string): Promise<{ catalogued: number; published: PublishedResource[] }>;
  mounts: MountPort | null;
  quality: QualityPort | null;
  sharing: SharingPort | null;
}

/**
 * The catalog reads as the public sees them: a visitor principal of no organisation sees each
 * body's published public resources at their live version (a published resource with a new draft
 * on top still counts as published).
 */
const VISITOR: Principal = { kind: 'api_key', orgId: 'org_cdo_evaluation', orgRoles: [], memberRole: 'auditor', personRoles: [], displayName: 'cdo evaluation' };

export function catalogSources(catalog: CatalogService, sharing: SharingPort | null): IndicatorSources {
  return {
    async catalogued(orgId) {
      // Catalogued = every public resource of the body not deprecated (drafts included).
      const all = await catalog.resources.list(null, { sourceOrgId: orgId, scope: 'public', page: 1, pageSize: 1 });
      const deprecated = await catalog.resources.list(null, { sourceOrgId: orgId, scope: 'public', status: 'deprecated', page: 1, pageSize: 1 });
      const published: PublishedResource[] = [];
      for (let page = 1; ; page++) {
        const r = await catalog.resources.list(VISITOR, { sourceOrgId: orgId, scope: 'public', status: 'published', page, pageSize: 200 });
        for (const i of r.items) published.push({ id: i.id, version: i.version, updateFrequency: i.updateFrequency, open: i.open });
        if (r.items.length < 200) break;
      }
      return { catalogued: all.total - deprecated.total, published };
    },
    // catalog.mounts.source(): the mount serving the live version (contract A).
    mounts: catalog.mounts ? { source: (id) => catalog.mounts.source(id) } : null,
    // catalog.quality.latest(): the newest report of the version a visitor sees (the live one).
    quality: catalog.quality
      ? {
          async latestScore(id) {
            try {
              return (await catalog.quality.latest(id, VISITOR)).overall;
            } catch (err) {
              if (err instanceof AppError && err.status === 404) return null;
              throw err;
            }
          },
        }
      : null,
    sharing,
  };
}

/** What the sharing module's request list gives for one request (SharingRequestService.view). */
interface SharingRequestView {
  sharing: { type: string };
  status: string;
  deadlineAt: string | null;
  decidedAt: string | null;
  overdue: boolean;
  createdAt: string;
}
/** The part of the sharing module's request service the evaluation reads. */
export interface SharingRequestsLike {
  list(by: Principal, q: { box?: 'received'; page: number; pageSize: number }): Promise<{ items: SharingRequestView[]; total: number }>;
}

/**
 * Sharing statistics of a source unit from the sharing module's public service: the requests it
 * received (its inbox, read as that body). Only conditional requests (有条件共享) need an answer;
 * an answer after the working-day deadline is late; a pending request past it counts as late too.
 */
export function sharingPort(requests: SharingRequestsLike): SharingPort {
  return {
    async statsForSource(orgId) {
      const as: Principal = { kind: 'api_key', orgId, orgRoles: [], memberRole: 'auditor', personRoles: [], displayName: 'cdo evaluation' };
      const s: SharingStats = { answered: 0, onTime: 0, overduePending: 0, approved: 0, rejected: 0, meanResponseHours: null };
      let hours = 0;
      for (let page = 1; ; page++) {
        const r = await requests.list(as, { box: 'received', page, pageSize: 200 });
        for (const q of r.items) {
          if (q.sharing.type !== 'conditional') continue;
          if (q.status === 'pending') {
            if (q.overdue) s.overduePending++;
            continue;
          }
          if (!q.decidedAt) continue; // withdrawn before an answer
          s.answered++;
          if (!q.deadlineAt || q.decidedAt <= q.deadlineAt) s.onTime++;
          hours += (new Date(q.decidedAt).getTime() - new Date(q.createdAt).getTime()) / 3_600_000;
          if (q.status === 'rejected') s.rejected++;
          else s.approved++; // granted, and granted then narrowed or revoked
        }
        if (r.items.length < 200) break;
      }
      s.meanResponseHours = s.answered ? hours / s.answered : null;
      return s;
    },
  };
}
