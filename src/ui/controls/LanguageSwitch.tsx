import { useEffect, useRef } from 'react';
import { LANGUAGES, isLanguage } from '../../script/language';
import { useLanguage } from '../../store/languageStore';
import { text } from '../../view/text';
import { loadChineseFonts } from '../chineseFonts';

/** English or 中文: the whole page, the worker's messages and the lessons switch at once. */
export function LanguageSwitch() {
  const language = useLanguage((s) => s.language);
  const switched = useLanguage((s) => s.switched);
  const setLanguage = useLanguage((s) => s.setLanguage);
  const select = useRef<HTMLSelectElement>(null);
  // The page remounts in the new language: the switch that did it keeps the focus.
  useEffect(() => {
    if (switched) select.current?.focus();
  }, [switched]);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{text.language.label}</span>
      <select
        ref={select}
        value={language}
        onChange={(event) => {
          const chosen = event.target.value;
          if (!isLanguage(chosen)) return;
          // Chinese text is laid out only once its font is in (see chineseFonts.ts).
          if (chosen === 'zh') void loadChineseFonts().then(() => setLanguage(chosen));
          else setLanguage(chosen);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option === 'zh' ? 'zh-CN' : 'en'}>
            {text.language.names[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
