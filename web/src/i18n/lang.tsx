// The UI language (Arabic by default, English on toggle), remembered in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CODE_NAMES, countNoun, LABELS, type CountNoun, type Lang, type LabelKey } from './labels.js';

export interface LangContextValue {
  lang: Lang;
  /** The label for `key` in the current language. */
  t: (key: LabelKey) => string;
  /** The readable name of a code (PROTEST, PER, reported, read-also); the code itself when it has none. */
  code: (value: string) => string;
  /** The noun for `count` things, in the right plural form. */
  noun: (noun: CountNoun, count: number) => string;
  toggle: () => void;
}

const STORAGE_KEY = 'marsad.lang';

function initialLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    // Storage can be disabled (private mode, sandboxed frames): Arabic is the default anyway.
    return 'ar';
  }
}

const LangContext = createContext<LangContextValue | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const toggle = useCallback(() => {
    setLang((current) => {
      const next: Lang = current === 'ar' ? 'en' : 'ar';
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered across visits, but the toggle still works for this one.
      }
      return next;
    });
  }, []);
  useEffect(() => {
    // Labels switch language; the layout stays right-to-left for the Arabic content it frames.
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LangContextValue>(
    () => ({
      lang,
      t: (key) => LABELS[lang][key],
      code: (value) => CODE_NAMES[lang][value] ?? value,
      noun: (noun, count) => countNoun(lang, noun, count),
      toggle,
    }),
    [lang, toggle],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang outside LangProvider');
  return value;
}
