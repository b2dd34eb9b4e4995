import { text } from './text';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <img className="app-logo" src="/favicon.svg" alt="" width={32} height={32} />
        <h1>{text.appName}</h1>
      </header>
      <main className="app-main">
        <p className="tagline">{text.tagline}</p>
        <p className="intro">{text.intro}</p>
      </main>
      <footer className="app-footer">{text.footer}</footer>
    </div>
  );
}
