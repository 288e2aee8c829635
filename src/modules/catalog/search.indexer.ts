import type { Executor } from '../../platform/database/database.js';
import * as repo from './search.repository.js';
import { documentGrams, normalize } from './search.tokenizer.js';

/**
 * Builds the search documents of resources and data elements and writes them. Called with the
 * transaction of every change (resource.service.ts, element.service.ts), so the index never lags
 * the catalog; `reindexAll` rebuilds it from scratch.
 */

const text = (...parts: Array<string | null | undefined>) => parts.filter((p): p is string => !!p).join('\n');

function doc(base: Omit<repo.SearchDoc, 'titleNorm' | 'body' | 'grams'>, searchable: string): repo.SearchDoc {
  const body = normalize(searchable);
  return { ...base, titleNorm: normalize(`${base.titleZh} ${base.titleEn}`), body, grams: [...documentGrams(body), ...repo.metaGrams(base)] };
}

/**
 * The documents of one resource, visibility following listResources (resource.repository.ts):
 * - head version: seen by its owner; by reviewers when public and past draft; by everyone signed
 *   in when it is the published version of public data;
 * - live version, when an older published version stays live under a newer draft or submission:
 *   seen by everyone signed in (public data), and by reviewers while the head is a draft.
 * Open dataset (public portal) = the published version of public data whose open type is not 'none'.
 */
export function resourceDocs(sources: repo.ResourceSource[]): repo.SearchDoc[] {
  const out: repo.SearchDoc[] = [];
  for (const s of sources) {
    const isHead = s.version === s.headVersion;
    const isLive = s.version === s.liveVersion && s.versionStatus === 'published';
    if (!isHead && !isLive) continue;
    const pub = s.scope === 'public';
    const visMember = pub && isLive;
    const variant: repo.Variant = isHead ? 'head' : 'live';
    out.push(
      doc(
        {
          docType: 'resource', docId: s.id, variant, version: s.version, status: s.versionStatus, ownerOrgId: s.sourceOrgId, scope: s.scope,
          visOwner: isHead,
          visReviewer: pub && (isHead ? s.status !== 'draft' : s.status === 'draft'),
          visMember,
          isOpen: visMember && !!s.openType && s.openType !== 'none',
          categoryId: s.categoryId, level: s.level, sharingType: s.sharingType, openType: s.openType, format: s.format, code: null,
          titleZh: s.titleZh, titleEn: s.titleEn, summaryZh: s.descriptionZh, summaryEn: s.descriptionEn, updatedAt: s.updatedAt,
        },
        text(
          s.titleZh, s.titleEn, s.descriptionZh, s.descriptionEn, s.systemName, s.coverage,
          ...s.fields.flatMap((f) => [f.name, f.zh, f.en, f.element]),
        ),
      ),
    );
  }
  return out;
}

/** A data element's document: the standard is visible to everyone signed in, never public. */
export function elementDocs(sources: repo.ElementSource[]): repo.SearchDoc[] {
  return sources.map((e) =>
    doc(
      {
        docType: 'element', docId: e.id, variant: 'head', version: null, status: e.status, ownerOrgId: e.sourceOrgId, scope: null,
        visOwner: true, visReviewer: true, visMember: true, isOpen: false,
        categoryId: null, level: null, sharingType: null, openType: null, format: null, code: e.identifier,
        titleZh: e.nameZh, titleEn: e.nameEn, summaryZh: e.definitionZh, summaryEn: e.definitionEn, updatedAt: e.updatedAt,
      },
      text(e.identifier, e.nameZh, e.nameEn, e.definitionZh, e.definitionEn, e.unit, ...(e.codeList ?? []).flatMap((c) => [c.code, c.label.zh, c.label.en])),
    ),
  );
}

/** Re-indexes resources (inside the caller's transaction). */
export async function indexResources(db: Executor, ids: string[]): Promise<void> {
  await repo.deleteDocs(db, 'resource', ids);
  await repo.insertDocs(db, resourceDocs(await repo.resourceSources(db, ids)));
}

/** Re-indexes data elements (inside the caller's transaction). */
export async function indexElements(db: Executor, ids: string[]): Promise<void> {
  await repo.deleteDocs(db, 'element', ids);
  await repo.insertDocs(db, elementDocs(await repo.elementSources(db, ids)));
}

/** Hook for resource.service.ts: re-index one resource in the change's transaction. */
export const indexResource = (tx: Executor, id: string) => indexResources(tx, [id]);
/** Hook for element.service.ts: re-index one element in the change's transaction. */
export const indexElement = (tx: Executor, id: string) => indexElements(tx, [id]);

/** Rebuilds the whole index (in one transaction: searches wait for it and then see the new index). */
export async function reindexAll(tx: Executor, chunk = 1000): Promise<{ resources: number; elements: number; documents: number }> {
  await repo.truncateForRebuild(tx);
  const counts = { resources: 0, elements: 0, documents: 0 };
  for (const table of ['catalog_resource', 'catalog_element'] as const) {
    for (let after = ''; ; ) {
      const ids = await repo.idsAfter(tx, table, after, chunk);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      const docs = table === 'catalog_resource' ? resourceDocs(await repo.resourceSources(tx, ids)) : elementDocs(await repo.elementSources(tx, ids));
      await repo.insertDocs(tx, docs);
      counts.documents += docs.length;
      if (table === 'catalog_resource') counts.resources += ids.length;
      else counts.elements += ids.length;
    }
  }
  await repo.restoreGramIndex(tx);
  return counts;
}
