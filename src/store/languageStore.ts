// The language the page is shown in: chosen by ?lang=, else the one remembered, else the browser's. Switching it
// switches every catalogue here and in the worker, sets <html lang>, and remounts the page (main.tsx keys it).
import { create } from 'zustand';
import { isLanguage, setLanguage, type Language } from '../script/language';
import { useCompare } from './compareStore';
import { useSim } from './simStore';

export const LANGUAGE_KEY = 'paxoscope.lang';

/** The document's `lang` for each language. */
export const HTML_LANG: Readonly<Record<Language, string>> = { en: 'en', zh: 'zh-CN' };

/** Which language a page opens in: `?lang=` first, then what this browser chose before, then its own language. */
export function chooseLanguage(search: string, remembered: string | null, browser: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return asked;
  if (isLanguage(remembered)) return remembered;
  const first = browser[0]?.toLowerCase() ?? '';
  return first === 'zh' || first.startsWith('zh-') ? 'zh' : 'en';
}

/** The query without `lang`: links carry the run, not the language (the reader sees their own). */
export function searchWithoutLanguage(search: string): string {
  const params = new URLSearchParams(search);
  if (!params.has('lang')) return search;
  params.delete('lang');
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}

interface LanguageState {
  readonly language: Language;
  /** The switch changed it (so the remounted switch takes the focus back). */
  readonly switched: boolean;
  readonly setLanguage: (language: Language) => void;
}

function remember(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage may be off (a private window): the choice then lasts this page only.
  }
}

function apply(language: Language): void {
  setLanguage(language);
  document.documentElement.lang = HTML_LANG[language];
}

export const useLanguage = create<LanguageState>()((set) => ({
  language: 'en',
  switched: false,
  setLanguage: (language) => {
    apply(language);
    remember(language);
    // The worker formats events, console lines and alerts: it switches too and sends its notes again.
    useSim.getState().send({ type: 'language', language });
    for (const sim of useCompare.getState().sims) sim.useSim.getState().send({ type: 'language', language });
    set({ language, switched: true });
  },
}));

/** At page load, before the first render and before the worker starts: pick the language and drop ?lang=. */
export function startLanguage(): Language {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    remembered = null;
  }
  const browser = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  const language = chooseLanguage(location.search, remembered, browser);
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked !== null) {
    if (isLanguage(asked)) remember(asked);
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${searchWithoutLanguage(location.search)}${location.hash}`,
    );
  }
  apply(language);
  useLanguage.setState({ language });
  return language;
}
