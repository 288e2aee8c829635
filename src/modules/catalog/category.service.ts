import type { Executor, Tx } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import { CatalogErrors } from './catalog.errors.js';
import * as repo from './category.repository.js';

type I18n = { zh: string; en: string };

export interface NewCategory {
  code: string;
  name: I18n;
  parentId?: string | null | undefined;
}
export interface CategoryChanges {
  name?: I18n | undefined;
  parentId?: string | null | undefined;
  sortOrder?: number | undefined;
}

export interface CategoryNode {
  id: string;
  code: string;
  name: I18n;
  parentId: string | null;
  sortOrder: number;
  children: CategoryNode[];
}

const trim = (t: I18n): I18n => ({ zh: t.zh.trim(), en: t.en.trim() });

/**
 * The resource category tree (资源分类), configured by the data bureau: seeded with the base
 * databases (基础库: 人口, 法人, 空间地理, 电子证照) and theme databases (主题库: 信用, 金融, 医疗,
 * 交通, 生态, 市场监管). Codes are unique; a move never makes a cycle. Platform-wide configuration:
 * any data bureau writer may change it (the route checks the role).
 */
export class CategoryService {
  constructor(private readonly k: Kernel) {}

  private node(c: repo.CategoryRow): CategoryNode {
    return { id: c.id, code: c.code, name: { zh: c.nameZh, en: c.nameEn }, parentId: c.parentId, sortOrder: c.sortOrder, children: [] };
  }

  /** The tree: roots with nested children, each level ordered by sort order then code. */
  async tree(): Promise<CategoryNode[]> {
    const rows = await repo.allCategories(this.k.db);
    const nodes = new Map(rows.map((r) => [r.id, this.node(r)]));
    const roots: CategoryNode[] = [];
    for (const n of nodes.values()) (n.parentId ? nodes.get(n.parentId)!.children : roots).push(n);
    return roots;
  }

  /** `db`: the caller's transaction when it has one open (PGlite has a single connection). */
  async get(id: string, db: Executor = this.k.db): Promise<CategoryNode> {
    const c = await repo.findCategory(db, id);
    if (!c) throw new AppError(CatalogErrors.CATALOG_CATEGORY_NOT_FOUND);
    return this.node(c);
  }

  /** The category and all its descendants (for filtering resources by a subtree). */
  async subtree(id: string): Promise<string[]> {
    const rows = await repo.allCategories(this.k.db);
    const out = [id];
    for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parentId === out[i]) out.push(r.id);
    return out;
  }

  async create(input: NewCategory, by: Principal | null, requestId?: string): Promise<CategoryNode> {
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      const parentId = input.parentId ?? null;
      if (parentId && !(await repo.findCategory(tx, parentId))) throw new AppError(CatalogErrors.CATALOG_CATEGORY_NOT_FOUND, { parentId });
      if (await repo.codeTaken(tx, input.code)) throw this.taken(input.code);
      const name = trim(input.name);
      const row: repo.CategoryRow = { id: newId('cat'), code: input.code, parentId, nameZh: name.zh, nameEn: name.en, sortOrder: await repo.nextSortOrder(tx, parentId), createdAt: now, updatedAt: now };
      await repo.insertCategory(tx, row).catch((err) => {
        throw err instanceof repo.CategoryCodeConflict ? this.taken(input.code) : err;
      });
      await emit({
        type: 'catalog.category.created',
        subject: { type: 'category', id: row.id },
        orgId: by?.orgId ?? null,
        actor: serviceActor(by),
        requestId,
        payload: { code: row.code, name, parentId },
      });
      return this.node(row);
    });
  }

  /** Renames, moves (parentId; null = a root) or reorders a category. A move under itself or a descendant is refused. */
  async update(id: string, changes: CategoryChanges, by: Principal | null, requestId?: string): Promise<CategoryNode> {
    const now = this.k.clock.now();
    return this.k.transact(async (tx, emit) => {
      if (changes.parentId !== undefined) await repo.lockTree(tx);
      const row = await repo.findCategory(tx, id);
      if (!row) throw new AppError(CatalogErrors.CATALOG_CATEGORY_NOT_FOUND);
      const next = { ...row, updatedAt: now };
      const recorded: { name?: I18n; parentId?: string | null; sortOrder?: number } = {};
      if (changes.name) {
        recorded.name = trim(changes.name);
        next.nameZh = recorded.name.zh;
        next.nameEn = recorded.name.en;
      }
      if (changes.parentId !== undefined) {
        await this.assertNoCycle(tx, id, changes.parentId);
        next.parentId = recorded.parentId = changes.parentId;
      }
      if (changes.sortOrder !== undefined) next.sortOrder = recorded.sortOrder = changes.sortOrder;
      await repo.updateCategory(tx, id, { nameZh: next.nameZh, nameEn: next.nameEn, parentId: next.parentId, sortOrder: next.sortOrder, updatedAt: now });
      await emit({
        type: 'catalog.category.updated',
        subject: { type: 'category', id },
        orgId: by?.orgId ?? null,
        actor: serviceActor(by),
        requestId,
        payload: { code: row.code, changes: recorded },
      });
      return this.node(next);
    });
  }

  private async assertNoCycle(tx: Tx, id: string, parentId: string | null): Promise<void> {
    for (let at = parentId; at !== null; ) {
      if (at === id) throw new AppError(CatalogErrors.CATALOG_CATEGORY_CYCLE, { parentId });
      const p = await repo.findCategory(tx, at);
      if (!p) throw new AppError(CatalogErrors.CATALOG_CATEGORY_NOT_FOUND, { parentId: at });
      at = p.parentId;
    }
  }

  private taken(code: string): AppError {
    return new AppError(CatalogErrors.CATALOG_CATEGORY_CODE_TAKEN, { code }, { code });
  }
}
