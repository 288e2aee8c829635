import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/database/database.js';

const D = 'catalog_search_doc';

export type DocType = 'resource' | 'element';
export type Variant = 'head' | 'live';
/** Facets the search counts, with the column each reads. */
export const FACETS = { type: 'doc_type', body: 'owner_org_id', category: 'category_id', level: 'level', sharing: 'sharing_type', open: 'open_type', format: 'format' } as const;
export type Facet = keyof typeof FACETS;

export interface SearchDoc {
  docType: DocType;
  docId: string;
  variant: Variant;
  version: number | null;
  status: string;
  ownerOrgId: string;
  scope: string | null;
  visOwner: boolean;
  visReviewer: boolean;
  visMember: boolean;
  isOpen: boolean;
  categoryId: string | null;
  level: string | null;
  sharingType: string | null;
  openType: string | null;
  format: string | null;
  /** Element identifier (DE.PERSON.ID); null for resources. */
  code: string | null;
  titleZh: string;
  titleEn: string;
  summaryZh: string | null;
  summaryEn: string | null;
  titleNorm: string;
  body: string;
  grams: string[];
  updatedAt: Date;
}

/** Source rows of a resource for indexing: one per version that is its head or live version. */
export interface ResourceSource {
  id: string;
  sourceOrgId: string;
  scope: string;
  headVersion: number;
  status: string;
  liveVersion: number | null;
  version: number;
  versionStatus: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  categoryId: string;
  systemName: string | null;
  coverage: string | null;
  format: string;
  level: string | null;
  sharingType: string | null;
  openType: string | null;
  updatedAt: Date;
  fields: Array<{ name: string; zh: string; en: string; element: string | null }>;
}

export interface ElementSource {
  id: string;
  identifier: string;
  nameZh: string;
  nameEn: string;
  definitionZh: string | null;
  definitionEn: string | null;
  unit: string | null;
  codeList: Array<{ code: string; label: { zh: string; en: string } }> | null;
  sourceOrgId: string;
  status: string;
  updatedAt: Date;
}

/**
 * Grams that are not text (they start with "~", which the tokenizer never produces), so that the
 * one GIN index answers the facet filters and the recency windows too: `~t` type, `~b` body,
 * `~c` category, `~l` level, `~s` sharing, `~o` open type, `~f` format, `~open` open dataset, and
 * the day, month and year of the last update (`~d20261130`, `~m202611`, `~y2026`).
 */
export function metaGrams(d: Pick<SearchDoc, 'docType' | 'ownerOrgId' | 'categoryId' | 'level' | 'sharingType' | 'openType' | 'format' | 'isOpen' | 'updatedAt'>): string[] {
  const out = [`~t${d.docType}`, `~b${d.ownerOrgId}`];
  if (d.categoryId) out.push(`~c${d.categoryId}`);
  if (d.level) out.push(`~l${d.level}`);
  if (d.sharingType) out.push(`~s${d.sharingType}`);
  if (d.openType) out.push(`~o${d.openType}`);
  if (d.format) out.push(`~f${d.format}`);
  if (d.isOpen) out.push('~open');
  const day = d.updatedAt.toISOString().slice(0, 10).replace(/-/g, '');
  out.push(`~d${day}`, `~m${day.slice(0, 6)}`, `~y${day.slice(0, 4)}`);
  return out;
}

const dayGram = (t: number) => `~d${new Date(t).toISOString().slice(0, 10).replace(/-/g, '')}`;
const monthGram = (y: number, m: number) => `~m${new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7).replace('-', '')}`;

/**
 * Recency windows, newest first, each about three times the one before: every document updated
 * since some moment (the last 3 and 10 days, this and last month, the last 4 and 12 months, this
 * and the last two years),
 * as the bucket grams that cover it; `null` = everything.
 */
export function recencyWindows(now: Date): Array<string[] | null> {
  const t = now.getTime();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const days = (n: number) => Array.from({ length: n }, (_, i) => dayGram(t - i * 86_400_000));
  const months = (n: number) => Array.from({ length: n }, (_, i) => monthGram(y, m - i));
  return [days(3), days(10), months(2), months(4), months(12), [0, 1, 2].map((i) => `~y${y - i}`), null];
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Head and live versions (with their fields) of the given resources. */
export async function resourceSources(db: Executor, ids: string[]): Promise<ResourceSource[]> {
  if (ids.length === 0) return [];
  const rows = await sql<any>`
    select r.id, r.source_org_id, r.scope, r.head_version, r.status as r_status, r.live_version,
      v.version, v.status, v.title_zh, v.title_en, v.description_zh, v.description_en, v.category_id, v.system_name,
      v.coverage, v.format, v.level, v.sharing ->> 'type' as sharing_type, v.open ->> 'type' as open_type, v.updated_at,
      (select coalesce(json_agg(json_build_object('name', f.name, 'zh', f.label_zh, 'en', f.label_en, 'element', f.element_identifier) order by f.position), '[]'::json)
         from catalog_resource_field f where f.resource_id = v.resource_id and f.version = v.version) as fields
    from catalog_resource r
    join catalog_resource_version v on v.resource_id = r.id and (v.version = r.head_version or v.version = r.live_version)
    where r.id in (${sql.join(ids)})`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    sourceOrgId: r.source_org_id,
    scope: r.scope,
    headVersion: Number(r.head_version),
    status: r.r_status,
    liveVersion: r.live_version === null ? null : Number(r.live_version),
    version: Number(r.version),
    versionStatus: r.status,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    categoryId: r.category_id,
    systemName: r.system_name,
    coverage: r.coverage,
    format: r.format,
    level: r.level,
    sharingType: r.sharing_type ?? null,
    openType: r.open_type ?? null,
    updatedAt: new Date(r.updated_at),
    fields: parseJson(r.fields),
  }));
}

export async function elementSources(db: Executor, ids: string[]): Promise<ElementSource[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('catalog_element').selectAll().where('id', 'in', ids).execute();
  return rows.map((r: any) => ({
    id: r.id,
    identifier: r.identifier,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    definitionZh: r.definition_zh,
    definitionEn: r.definition_en,
    unit: r.unit,
    codeList: r.code_list ? parseJson(r.code_list) : null,
    sourceOrgId: r.source_org_id,
    status: r.status,
    updatedAt: new Date(r.updated_at),
  }));
}

/** Ids of `table` after `after` (keyset paging, for a reindex). */
export async function idsAfter(db: Executor, table: 'catalog_resource' | 'catalog_element', after: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom(table).select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
  return rows.map((r: any) => r.id);
}

export async function deleteDocs(db: Executor, docType: DocType, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom(D).where('doc_type', '=', docType).where('doc_id', 'in', ids).execute();
}

/**
 * Empties the index for a rebuild and drops its GIN index (inside the rebuild's transaction, which
 * holds the table lock until commit): building the GIN index once over all documents is many times
 * faster than growing it document by document. `restoreGramIndex` builds it again.
 */
export async function truncateForRebuild(db: Executor): Promise<void> {
  await sql`drop index if exists catalog_search_doc_grams`.execute(db);
  await sql`truncate ${sql.table(D)}`.execute(db);
}

export async function restoreGramIndex(db: Executor): Promise<void> {
  // More memory for this one build (transaction-local): fewer merge passes over ~16M entries per 100,000 documents.
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`create index catalog_search_doc_grams on catalog_search_doc using gin (grams)`.execute(db);
}

/** A PostgreSQL array literal of strings: {"a","b"}. */
const arrayLiteral = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** Inserts documents with one statement (one JSON document of rows; grams as array literals). */
export async function insertDocs(db: Executor, docs: SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  await sql`
    insert into catalog_search_doc (doc_type, doc_id, variant, version, status, owner_org_id, scope, vis_owner, vis_reviewer, vis_member, is_open,
      category_id, level, sharing_type, open_type, format, code, title_zh, title_en, summary_zh, summary_en, title_norm, body, grams, updated_at)
    select x.doc_type, x.doc_id, x.variant, x.version, x.status, x.owner_org_id, x.scope, x.vis_owner, x.vis_reviewer, x.vis_member, x.is_open,
      x.category_id, x.level, x.sharing_type, x.open_type, x.format, x.code, x.title_zh, x.title_en, x.summary_zh, x.summary_en, x.title_norm, x.body,
      x.grams::text[], x.updated_at
    from jsonb_to_recordset(${JSON.stringify(
      docs.map((d) => ({
        doc_type: d.docType, doc_id: d.docId, variant: d.variant, version: d.version, status: d.status, owner_org_id: d.ownerOrgId, scope: d.scope,
        vis_owner: d.visOwner, vis_reviewer: d.visReviewer, vis_member: d.visMember, is_open: d.isOpen, category_id: d.categoryId, level: d.level,
        sharing_type: d.sharingType, open_type: d.openType, format: d.format, code: d.code, title_zh: d.titleZh, title_en: d.titleEn,
        summary_zh: d.summaryZh, summary_en: d.summaryEn, title_norm: d.titleNorm, body: d.body, grams: arrayLiteral(d.grams), updated_at: d.updatedAt.toISOString(),
      })),
    )}::jsonb) as x(doc_type text, doc_id text, variant text, version integer, status text, owner_org_id text, scope text, vis_owner boolean,
      vis_reviewer boolean, vis_member boolean, is_open boolean, category_id text, level text, sharing_type text, open_type text, format text, code text,
      title_zh text, title_en text, summary_zh text, summary_en text, title_norm text, body text, grams text, updated_at timestamptz)`.execute(db);
}

/** Who searches: the public (open datasets only) or a signed-in organisation member. */
export type SearchViewer = { public: true } | { public: false; orgId: string; reviewer: boolean };

export interface SearchParams {
  grams: string[];
  /** Normalized terms; each must be a substring of the document text. */
  terms: string[];
  type?: DocType | undefined;
  bodies?: string[] | undefined;
  categoryIds?: string[] | undefined;
  level?: string | undefined;
  sharing?: string | undefined;
  open?: string | undefined;
  format?: string | undefined;
  /** Terms whose grams alone prove the substring (a 1–2 character Chinese term, a 2–6 letter word): no text check. */
  exactTerms?: string[] | undefined;
  limit: number;
  offset: number;
}

export interface Hit {
  docType: DocType;
  docId: string;
  version: number | null;
  status: string;
  ownerOrgId: string;
  scope: string | null;
  categoryId: string | null;
  level: string | null;
  sharingType: string | null;
  openType: string | null;
  format: string | null;
  code: string | null;
  titleZh: string;
  titleEn: string;
  summaryZh: string | null;
  summaryEn: string | null;
  score: number;
  updatedAt: Date;
}

const likeOf = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const textArray = (values: string[]): RawBuilder<string[]> => sql`array[${sql.join(values.map((v) => sql`${v}::text`))}]::text[]`;

/**
 * Most matching documents a search looks at. A frequent term ("数据", "电") can match most of the
 * catalog; visiting every match to count it would make a search's cost grow with the catalog (at
 * 100,000 resources, hundreds of ms on PGlite). So the matching set is the CAP most recently
 * updated matches: facets and the total count them exactly when fewer match, otherwise the
 * answer says `totalExact: false` ("1,000+") and the facets describe the most recent 1,000.
 */
export const MATCH_CAP = 1000;

/**
 * One search: the documents the viewer may see that have every query gram (GIN) and every term as
 * a substring of their text (checked only where the grams do not already prove it), filtered by
 * the facets. One statement: the matching set (at most MATCH_CAP, most recent first), one
 * grouped count over it (summed into per-facet counts here) and one page ordered by relevance
 * (every term in the title first), then recency.
 */
export async function search(db: Executor, viewer: SearchViewer, p: SearchParams, now: Date): Promise<{ total: number; totalExact: boolean; facets: Record<Facet, Array<{ value: string; count: number }>>; hits: Hit[] }> {
  // The GIN index answers the text grams and the selective facets (body, category); the facets
  // with few values (a posting list of a third of the catalog costs more than it saves) are
  // checked on the narrow heap row.
  const required = [...p.grams];
  if (p.bodies?.length === 1) required.push(`~b${p.bodies[0]}`);
  const where: RawBuilder<unknown>[] = [];
  // The substring check first: it is the cheapest test that drops a candidate.
  const likes = p.terms.map(likeOf);
  const checked = p.terms.filter((t) => !p.exactTerms?.includes(t)).map(likeOf);
  if (checked.length) where.push(sql`d.body like all (${textArray(checked)})`);
  if (required.length) where.push(sql`d.grams @> ${textArray(required)}`);
  if (p.categoryIds) where.push(p.categoryIds.length ? sql`d.grams && ${textArray(p.categoryIds.map((c) => `~c${c}`))}` : sql`false`);
  if (p.bodies && p.bodies.length > 1) where.push(sql`d.owner_org_id in (${sql.join(p.bodies)})`);
  if (viewer.public) where.push(sql`d.is_open`);
  if (p.type) where.push(sql`d.doc_type = ${p.type}`);
  if (p.level) where.push(sql`d.level = ${p.level}`);
  if (p.sharing) where.push(sql`d.sharing_type = ${p.sharing}`);
  if (p.open) where.push(sql`d.open_type = ${p.open}`);
  if (p.format) where.push(sql`d.format = ${p.format}`);
  // The owner sees its head version only; others what vis_member / vis_reviewer allow (listResources).
  if (!viewer.public) where.push(sql`(case when d.owner_org_id = ${viewer.orgId} then d.vis_owner else d.vis_member or (${viewer.reviewer}::boolean and d.vis_reviewer) end)`);
  // The smallest recency window that holds more than MATCH_CAP matches (or everything): the most
  // recent matches are then all inside it, and no search visits many more rows than that. The
  // planner's estimates (array statistics of the grams) choose where to start; a window that turns
  // out to hold too few is widened.
  const windows = recencyWindows(now).map((w) => [...where, ...(w ? [sql`d.grams && ${textArray(w)}`] : [])]);
  let i = 0;
  while (i < windows.length - 1 && (await estimate(db, windows[i]!)) < 2 * MATCH_CAP) i++;
  for (; ; i++) {
    const r = await searchIn(db, windows[i]!, likes, p);
    if (!r.totalExact || i === windows.length - 1) return r;
  }
}

/** The planner's estimate of the rows matching `where` (no rows are read). */
async function estimate(db: Executor, where: RawBuilder<unknown>[]): Promise<number> {
  const r = await sql<any>`explain (format json) select 1 from catalog_search_doc d where ${where.length ? sql.join(where, sql` and `) : sql`true`}`.execute(db);
  const plan = r.rows[0]?.['QUERY PLAN'];
  const parsed = typeof plan === 'string' ? JSON.parse(plan) : plan;
  return Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

async function searchIn(db: Executor, where: RawBuilder<unknown>[], likes: string[], p: SearchParams) {
  if (where.length === 0) where.push(sql`true`);
  const score = likes.length ? sql`case when d.title_norm like all (${textArray(likes)}) then 2 else 1 end` : sql`1`;
  const cols = Object.values(FACETS);
  const names = Object.keys(FACETS) as Facet[];
  const rows = await sql<any>`
    with m as materialized (
      select d.doc_type, d.doc_id, d.variant, ${sql.join(cols.slice(1).map((c) => sql`d.${sql.ref(c)}`))}, d.updated_at, ${score} as score
      from catalog_search_doc d
      where ${sql.join(where, sql` and `)}
      order by d.updated_at desc
      limit ${MATCH_CAP + 1}
    ),
    k as (select * from m order by updated_at desc, doc_id, variant limit ${MATCH_CAP}),
    f as (select ${sql.join(cols.map((c) => sql.ref(c)))}, count(*) as n from k group by ${sql.join(cols.map((c) => sql.ref(c)))}),
    p as (select doc_type, doc_id, variant, score from k order by score desc, updated_at desc, doc_id, variant limit ${p.limit} offset ${p.offset})
    select 'f' as kind, ${sql.join(cols.map((c) => sql`f.${sql.ref(c)}`))}, f.n,
      null::int as score, null::text as doc_id, null::int as version, null::text as status, null::text as scope, null::text as code,
      null::text as title_zh, null::text as title_en, null::text as summary_zh, null::text as summary_en, null::timestamptz as updated_at
    from f
    union all
    select 'n', ${sql.join(cols.map(() => sql`null`))}, (select count(*) from m),
      null, null, null, null, null, null, null, null, null, null, null
    union all
    select 'p', ${sql.join(cols.map((c) => sql`d.${sql.ref(c)}`))}, null,
      p.score, d.doc_id, d.version, d.status, d.scope, d.code, d.title_zh, d.title_en, d.summary_zh, d.summary_en, d.updated_at
    from p join ${sql.table(D)} d on d.doc_type = p.doc_type and d.doc_id = p.doc_id and d.variant = p.variant`.execute(db);
  const counts = names.map(() => new Map<string, number>());
  let total = 0;
  const hits: Hit[] = [];
  for (const r of rows.rows) {
    if (r.kind === 'n') total = Number(r.n);
    else if (r.kind === 'f') {
      const n = Number(r.n);
      cols.forEach((c, i) => {
        if (r[c] !== null) counts[i]!.set(r[c], (counts[i]!.get(r[c]) ?? 0) + n);
      });
    } else {
      hits.push({
        docType: r.doc_type, docId: r.doc_id, version: r.version === null ? null : Number(r.version), status: r.status, ownerOrgId: r.owner_org_id,
        scope: r.scope, categoryId: r.category_id, level: r.level, sharingType: r.sharing_type, openType: r.open_type, format: r.format, code: r.code,
        titleZh: r.title_zh, titleEn: r.title_en, summaryZh: r.summary_zh, summaryEn: r.summary_en, score: Number(r.score), updatedAt: new Date(r.updated_at),
      });
    }
  }
  const totalExact = total <= MATCH_CAP;
  // When more than MATCH_CAP match (the extra row of m tells), pages and counts cover the MATCH_CAP most recent.
  const facets = Object.fromEntries(
    names.map((name, i) => [name, [...counts[i]!].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))]),
  ) as Record<Facet, Array<{ value: string; count: number }>>;
  hits.sort((a, b) => b.score - a.score || b.updatedAt.getTime() - a.updatedAt.getTime() || a.docId.localeCompare(b.docId));
  return { total: Math.min(total, MATCH_CAP), totalExact, facets, hits };
}
