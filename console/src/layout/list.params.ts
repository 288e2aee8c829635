import { useSearchParams } from 'react-router-dom';
import type { Translate } from '../i18n/i18n.context';

/** Changes a list page's address: `next`'s keys set (removed when empty, undefined or `clear`), the others kept, the page back to 1 unless it is what changes. */
export type SetListParams = (next: Record<string, string | number | undefined>) => void;

/**
 * A list page's filters and page in its address (shareable, kept on reload): the search parameters
 * and `set`, which changes some of them and starts again from page 1 unless the page is what
 * changes. `clear` is a value meaning "no filter" (a select's "all").
 */
export function useListParams(clear?: string): [URLSearchParams, SetListParams] {
  const [params, setParams] = useSearchParams();
  const set: SetListParams = (next) => {
    const p = new URLSearchParams(params);
    if (!('page' in next)) p.delete('page');
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || (clear !== undefined && v === clear)) p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };
  return [params, set];
}

/** A list page's pager: the page and total from the server, hidden on a single page, the total named. */
export function listPagination(t: Translate, page: number, pageSize: number, total: number, onChange: (page: number) => void) {
  return { current: page, pageSize, total, onChange, hideOnSinglePage: true, showTotal: (n: number) => t('common.total', { total: n }) };
}
