import { AppError } from '../../platform/errors.js';
import { serviceActor, type Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { Kernel } from '../../platform/kernel.js';
import type { CatalogService } from '../catalog/index.js';
import { AuthorizationErrors } from './authorization.errors.js';
import * as repo from './data-item.repository.js';

export interface NewDataItem {
  code: string;
  name: { zh: string; en: string };
  resourceId: string;
  subjectKind: repo.SubjectKind;
  subjectField: string;
  fields: string[];
  periodField?: string | null | undefined;
}

/**
 * Data items (常用数据) of the digital spaces, defined by the data bureau: which slice of which
 * published resource is "the holder's electricity usage", "its tax credit rating" — the rows whose
 * subject field holds the holder's USCC (or, for persons, resident ID). Requests name items.
 */
export class DataItemService {
  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
  ) {}

  view(d: repo.DataItemRow) {
    return {
      id: d.id, code: d.code, name: { zh: d.nameZh, en: d.nameEn }, resourceId: d.resourceId, sourceOrgId: d.sourceOrgId, subjectKind: d.subjectKind,
      subjectField: d.subjectField, fields: d.fields, periodField: d.periodField, status: d.status, createdAt: d.createdAt.toISOString(),
    };
  }

  async define(input: NewDataItem, by: Principal | null, requestId?: string) {
    const bad = (reason: string) => new AppError(AuthorizationErrors.AUTHORIZATION_DATA_ITEM_INVALID, { reason }, { reason });
    const src = await this.catalog.mounts.source(input.resourceId);
    if (!src || !src.publicData || src.status !== 'published' || !src.mount) throw bad('resource_not_published_public_data_with_data');
    const names = src.fields.map((f) => f.name);
    const fields = [...new Set(input.fields)];
    for (const f of [input.subjectField, ...fields, ...(input.periodField ? [input.periodField] : [])]) {
      if (!names.includes(f)) throw bad(`unknown_field:${f}`);
      if (src.fields.find((x) => x.name === f)!.level === 'core') throw bad(`core_field:${f}`);
    }
    if (await repo.findItemByCode(this.k.db, input.code)) throw bad('code_taken');
    const d: repo.DataItemRow = {
      id: newId('dit'), code: input.code, nameZh: input.name.zh.trim(), nameEn: input.name.en.trim(), resourceId: input.resourceId, sourceOrgId: src.ownerOrgId,
      subjectKind: input.subjectKind, subjectField: input.subjectField, fields, periodField: input.periodField ?? null, status: 'active', createdAt: this.k.clock.now(),
    };
    return this.k.transact(async (tx, emit) => {
      await repo.insertItem(tx, d);
      await emit({
        type: 'authorization.data_item.defined', subject: { type: 'authorization_data_item', id: d.id }, orgId: by?.orgId ?? null, actor: serviceActor(by), requestId,
        payload: { code: d.code, resourceId: d.resourceId, subjectKind: d.subjectKind, subjectField: d.subjectField, fields, periodField: d.periodField },
      });
      return this.view(d);
    });
  }

  async list(q: { subjectKind?: repo.SubjectKind | undefined }) {
    return { items: (await repo.listItems(this.k.db, { subjectKind: q.subjectKind, status: 'active' })).map((d) => this.view(d)) };
  }

  /** Active items by id, in the order asked; unknown or retired ones refused. */
  async active(ids: string[]): Promise<repo.DataItemRow[]> {
    const found = await repo.findItems(this.k.db, ids);
    return ids.map((id) => {
      const d = found.find((x) => x.id === id);
      if (!d || d.status !== 'active') throw new AppError(AuthorizationErrors.AUTHORIZATION_DATA_ITEM_NOT_FOUND, { item: id }, { item: id });
      return d;
    });
  }
}
