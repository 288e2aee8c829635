import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { AREA_LOADERS, CORE, areaOf, type Locale, type LocaleArea, type MessageKey } from '../locales/index';

export const LOCALES: Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'liutong.locale';

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN';
}

/*
 * The strings loaded so far, per language: the core areas from the start, each other area once a
 * page asked for it (locales/index.ts). One store for the whole page, outside React, so the route
 * table can load a page's areas together with its chunk, before the page renders.
 */
const loaded: Record<Locale, Record<string, string>> = { 'zh-CN': { ...CORE['zh-CN'] }, 'en-US': { ...CORE['en-US'] } };
const present: Record<Locale, Set<LocaleArea>> = { 'zh-CN': new Set(), 'en-US': new Set() };
/** Every area asked for, in any language: a change of language loads them all in the new one. */
const wanted = new Set<LocaleArea>();
const inFlight = new Map<string, Promise<void>>();
/** The language on screen, and the one being switched to while its areas load. */
let shown: Locale = initialLocale();
let switchingTo: Locale | null = null;
let revision = 0;
const listeners = new Set<() => void>();

function loadArea(area: LocaleArea, locale: Locale): Promise<void> {
  if (present[locale].has(area)) return Promise.resolve();
  const id = `${locale}/${area}`;
  let p = inFlight.get(id);
  if (!p) {
    p = AREA_LOADERS[area][locale]()
      .then((m) => {
        Object.assign(loaded[locale], m.default);
        present[locale].add(area);
        revision++;
        listeners.forEach((l) => l());
      })
      .catch((err: unknown) => {
        // The page still opens (with the keys showing); the next t() of the area tries again.
        console.error(`[i18n] could not load the ${locale} strings of ${area}`, err);
      })
      .finally(() => inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

/**
 * Loads the areas' strings in the language on screen (and in the one being switched to, if a
 * switch is under way); resolves when they are there, or could not be had.
 */
export function loadAreas(areas: readonly LocaleArea[], locale: Locale = shown): Promise<void> {
  areas.forEach((a) => wanted.add(a));
  const languages = switchingTo && switchingTo !== locale ? [locale, switchingTo] : [locale];
  return Promise.all(languages.flatMap((l) => areas.map((a) => loadArea(a, l)))).then(() => undefined);
}

/** Whether the areas' strings are loaded in the language. */
export function areasLoaded(areas: readonly LocaleArea[], locale: Locale = shown): boolean {
  return areas.every((a) => present[locale].has(a));
}

/** A key of an area not loaded yet: load it (the page re-renders when it arrives) — a page whose route forgot the area. */
function missing(key: string, locale: Locale): void {
  const area = areaOf(key);
  if (!area || present[locale].has(area) || inFlight.has(`${locale}/${area}`)) return;
  if (import.meta.env?.DEV) console.warn(`[i18n] ${key} needs the ${area} strings, not declared by the page's route`);
  void loadArea(area, locale);
  wanted.add(area);
}

export function translator(locale: Locale): Translate {
  const messages = loaded[locale];
  return (key, params) => {
    const message = messages[key];
    if (message === undefined) missing(key, locale);
    return format(message ?? key, params);
  };
}

/**
 * Whether the console has a string for the key (a code of a vocabulary it knows, say), in the
 * areas loaded so far — the page's own areas are, before it renders.
 */
export function hasMessage(key: string): boolean {
  if (key in loaded[shown]) return true;
  missing(key, shown);
  return false;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

interface I18n {
  locale: Locale;
  /** Switches once the areas loaded so far are there in the new language. */
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(shown);
  const round = useSyncExternalStore(subscribe, () => revision);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage unavailable */
    }
    switchingTo = next;
    void loadAreas([...wanted], next).then(() => {
      if (switchingTo !== next) return; // a later switch took over
      switchingTo = null;
      shown = next;
      setLocaleState(next);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translator(locale)('app.title');
  }, [locale]);
  // `t` keeps its identity within a language (effects depend on it); a newly loaded area renders again through `round`.
  const t = useMemo(() => translator(locale), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t, round]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/**
 * For a component that shows strings of an area its page's route does not load: loads them and
 * says when they are there (render a placeholder until then).
 */
export function useLocaleAreas(...areas: LocaleArea[]): boolean {
  const { locale } = useI18n();
  const ready = areasLoaded(areas, locale);
  const key = areas.join();
  useEffect(() => {
    if (!ready) void loadAreas(key.split(',') as LocaleArea[], locale);
  }, [ready, key, locale]);
  return ready;
}
