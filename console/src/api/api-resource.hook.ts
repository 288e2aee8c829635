import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { errorMessage } from './api.errors';

export interface ApiResource<T> {
  /** undefined while the first load runs. */
  data: T | undefined;
  /** The failure in the current language, or null. */
  error: string | null;
  loading: boolean;
  reload(): void;
}

/**
 * Loads something from the API when `key` changes and on reload(), keeping the last good data
 * while reloading and ignoring answers that arrive after a newer request or after unmount.
 */
export function useApiResource<T>(key: string, load: () => Promise<T>): ApiResource<T> {
  const { t } = useI18n();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    loader.current()
      .then((value) => live && setData(value))
      .catch((err) => live && setError(errorMessage(err, t)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key, round, t]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
