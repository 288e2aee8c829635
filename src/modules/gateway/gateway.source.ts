/**
 * The catalog's mounted-data API as the gateway sees it (contracts.md §A), and a per-resource
 * cache of `source()` — called on every data call — invalidated by catalog events on the bus
 * (this process) and bounded by a short TTL (other processes' changes).
 */
import type { EventBus } from '../../platform/events/event-bus.js';
import type { CatalogService, DataSource } from '../catalog/index.js';

export type { DataSource, MountInfo, SourceField } from '../catalog/index.js';
export type MountApi = CatalogService['mounts'];

/** The catalog's `mounts` service (contracts.md §A). */
export function mountApi(catalog: CatalogService): MountApi {
  return catalog.mounts;
}

const TTL_MS = 5_000;

export class SourceCache {
  private readonly entries = new Map<string, { at: number; value: Promise<DataSource | null> }>();

  constructor(private readonly catalog: CatalogService, bus: EventBus, private readonly now: () => number) {
    // Any catalog change to a resource (new version, deprecation, grading) or its mount drops it.
    bus.subscribe('catalog.*', (event) => {
      if (event.type.startsWith('catalog.mount.')) this.entries.clear();
      else this.entries.delete(event.subject.id);
    });
  }

  get(resourceId: string): Promise<DataSource | null> {
    const hit = this.entries.get(resourceId);
    const t = this.now();
    if (hit && t - hit.at < TTL_MS) return hit.value;
    const value = mountApi(this.catalog).source(resourceId);
    this.entries.set(resourceId, { at: t, value });
    value.catch(() => this.entries.delete(resourceId));
    return value;
  }

  invalidate(resourceId?: string): void {
    if (resourceId) this.entries.delete(resourceId);
    else this.entries.clear();
  }
}
