import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startLanguage, useLanguage } from './store/languageStore';
import './ui/styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('Paxoscope: #root element missing from index.html');
}

// Before the first render and the worker: every catalogue reads the language chosen here.
startLanguage();

/** The page in the current language: switching remounts it, so every text is read again in the new one. */
function Root() {
  const language = useLanguage((s) => s.language);
  return <App key={language} />;
}

createRoot(rootElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
