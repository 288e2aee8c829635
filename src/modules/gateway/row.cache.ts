/**
 * Key-lookup cache of mounted rows (the gateway's hot path: one row by its key). Entries are keyed
 * by resource, served version and mount time, so a new version or a re-mount — which changes the
 * source that SourceCache hands out (5 s TTL, dropped at once on a catalog event in this process)
 * — never serves old rows; catalog events also drop a resource's entries here. Bounded in size
 * (oldest entries go first) and in age. Stores the whole stored row (or its absence): projection,
 * row scope and masking are applied per call after the lookup.
 */
const MAX_ENTRIES = 50_000;
const TTL_MS = 60_000;

export class RowCache {
  private readonly entries = new Map<string, { at: number; resourceId: string; row: Record<string, unknown> | null }>();
  hits = 0;
  misses = 0;

  static key(resourceId: string, version: number, mountedAt: string, values: string[]): string {
    return JSON.stringify([resourceId, version, mountedAt, values]);
  }

  get(key: string, now: number): Record<string, unknown> | null | undefined {
    const e = this.entries.get(key);
    if (!e || now - e.at >= TTL_MS) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return e.row;
  }

  set(key: string, resourceId: string, row: Record<string, unknown> | null, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { at: now, resourceId, row });
  }

  dropResource(resourceId: string): void {
    for (const [k, e] of this.entries) if (e.resourceId === resourceId) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
