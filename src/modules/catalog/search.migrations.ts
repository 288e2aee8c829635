import type { Migration } from '../../platform/database/migrator.js';

/** The search index (character bigrams). Names 20261130T12xx_… */
export const searchMigrations: Migration[] = [
  {
    // One row per searchable document: a data element, or a resource at a version some viewer may
    // see (its head version, and its live published version while a newer draft or submission is
    // open). Visibility is precomputed from the catalog's rules (resource.repository.ts
    // listResources): the owner sees the head; reviewers (data bureau, regulator) public
    // resources past draft; everyone signed in published public data; the public (no login) only
    // open datasets — published public data whose open type is not 'none'. `grams` holds the
    // tokenizer's character unigrams and bigrams (Chinese) and word prefixes (Latin), searched with
    // a GIN index (`grams @> query grams`, no extension needed); `body` is the normalized text for
    // the final substring check. The same GIN index answers facet filters and recency windows
    // through "~" grams (search.repository.ts metaGrams); there is deliberately no btree on
    // updated_at, so the planner never walks the whole table in date order to find rare matches.
    // Kept up to date in the same transaction as every change.
    name: '20261130T1200_catalog_search',
    statements: [
      `create table catalog_search_doc (
        doc_type text not null,
        doc_id text not null,
        variant text not null,
        version integer,
        status text not null,
        owner_org_id text not null,
        scope text,
        vis_owner boolean not null,
        vis_reviewer boolean not null,
        vis_member boolean not null,
        is_open boolean not null,
        category_id text,
        level text,
        sharing_type text,
        open_type text,
        format text,
        code text,
        title_zh text not null,
        title_en text not null,
        summary_zh text,
        summary_en text,
        title_norm text not null,
        body text not null,
        grams text[] not null,
        updated_at timestamptz not null,
        primary key (doc_type, doc_id, variant),
        constraint catalog_search_doc_type_check check (doc_type in ('resource', 'element')),
        constraint catalog_search_doc_variant_check check (variant in ('head', 'live'))
      )`,
      // Keep the heap narrow (≈ 0.5 kB a row, so 100,000 documents stay in shared buffers): the grams
      // (≈ 1.5 kB) and descriptions live out of line in TOAST. A search never reads the grams from
      // the heap — the GIN answer to `@>` and `&&` is exact — and reads descriptions for one page only.
      `alter table catalog_search_doc set (toast_tuple_target = 512)`,
      `alter table catalog_search_doc alter column grams set storage external`,
      `alter table catalog_search_doc alter column summary_zh set storage external`,
      `alter table catalog_search_doc alter column summary_en set storage external`,
      `create index catalog_search_doc_grams on catalog_search_doc using gin (grams)`,
    ],
  },
];
