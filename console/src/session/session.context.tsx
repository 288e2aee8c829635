import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setApiToken, setUnauthorizedHandler, unwrap } from '../api/api.client';
import { computeAccess, type Access, type CurrentUser } from '../access';
import type { Me as ApiMe } from '../api/api.types';

const STORAGE_KEY = 'liutong.session';

export type Me = ApiMe & CurrentUser;

interface Session {
  /** undefined while the stored session is being checked. */
  me: Me | null | undefined;
  access: Access;
  login(login: string, password: string): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function storedToken(): string | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const { token, expiresAt } = JSON.parse(raw) as { token: string; expiresAt: string };
    return Date.parse(expiresAt) > Date.now() ? token : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const clear = useCallback(() => {
    setApiToken(null);
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* storage unavailable */
    }
    setMe(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setMe(await unwrap(api.GET('/api/v1/me')));
    } catch {
      clear();
    }
  }, [clear]);

  useEffect(() => {
    setUnauthorizedHandler(clear);
    const token = storedToken();
    if (!token) {
      setMe(null);
      return;
    }
    setApiToken(token);
    void refresh();
    return () => setUnauthorizedHandler(null);
  }, [clear, refresh]);

  const login = useCallback(
    async (login: string, password: string) => {
      const r = await unwrap(api.POST('/api/v1/auth/login', { body: { login, password } }));
      setApiToken(r.token);
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ token: r.token, expiresAt: r.expiresAt }));
      } catch {
        /* storage unavailable: the session lasts until reload */
      }
      await refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } catch {
      /* already ended */
    }
    clear();
  }, [clear]);

  const value = useMemo(() => ({ me, access: computeAccess(me ?? null), login, logout, refresh }), [me, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
