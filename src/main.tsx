import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startLanguage, useLanguage } from './store/languageStore';
import { loadChineseFonts } from './ui/chineseFonts';
import './ui/styles.css';
// Chinese glyphs for machines without a CJK font (subsets load only when a page uses their characters).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/fonts.css';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('Paxoscope: #root element missing from index.html');
}

// Before the first render and the worker: every catalogue reads the language chosen here.
const language = startLanguage();

/** The page in the current language: switching remounts it, so every text is read again in the new one. */
function Root() {
  const language = useLanguage((s) => s.language);
  return <App key={language} />;
}

function render(element: HTMLElement): void {
  createRoot(element).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

// A Chinese page waits (briefly) for its font, so that no text is first laid out without it.
if (language === 'zh') void loadChineseFonts().then(() => render(rootElement));
else render(rootElement);
