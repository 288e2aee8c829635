import { useSearchParams } from 'react-router-dom';

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
