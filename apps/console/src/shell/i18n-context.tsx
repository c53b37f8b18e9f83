import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { KeyValueStore } from '../api/session';
import { DICTIONARIES, parseLang, type Dictionary, type Lang } from '../i18n/dictionary';
import type { UiKey } from '../i18n/ui.fi';

const LANG_KEY = 'polku.lang';

export interface I18n {
  readonly lang: Lang;
  readonly dict: Dictionary;
  readonly t: (key: UiKey) => string;
  readonly setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

/** Finnish by default; the choice persists in the given store (localStorage in the browser). */
export function I18nProvider({ store, children }: { readonly store: KeyValueStore; readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => parseLang(store.getItem(LANG_KEY)));
  const setLang = useCallback(
    (next: Lang) => {
      store.setItem(LANG_KEY, next);
      setLangState(next);
    },
    [store],
  );
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    return { lang, dict, t: (key) => dict.ui[key], setLang };
  }, [lang, setLang]);
  // The page's language is the user's (WCAG 3.1.1): screen readers pick their voice by it.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
