import { memo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useSim } from '../../store/simStore';
import { entryText, type ConsoleEntry } from '../../view/projections';
import { text } from '../../view/text';
import { useStickToBottom } from './liveList';

const MAX_HISTORY = 100;
/** Lines kept on screen; older ones scroll out (the store keeps more). */
const SHOWN = 300;

export function ConsolePanel() {
  // The input asks the output to follow its newest line again when a command is sent.
  const followOutput = useRef<() => void>(() => undefined);
  return (
    <section className="panel panel-console" aria-labelledby="console-title">
      <div className="panel-head">
        <h2 id="console-title">{text.console.title}</h2>
      </div>
      <ConsoleOutput followRef={followOutput} />
      <ConsoleInput followRef={followOutput} />
      <p className="console-hint">
        {text.console.hint}{' '}
        {text.console.examples.map((example, i) => (
          <span key={example}>
            {i > 0 && ' · '}
            <code>{example}</code>
          </span>
        ))}
      </p>
    </section>
  );
}

function ConsoleOutput({ followRef }: { followRef: RefObject<() => void> }) {
  const entries = useSim((s) => s.console);
  const dropped = useSim((s) => s.consoleDropped);
  const shown = entries.length > SHOWN ? entries.slice(-SHOWN) : entries;
  // Keys count lines since the run began, so a line keeps its key as older ones drop off.
  const firstKey = dropped + entries.length - shown.length;
  const output = useStickToBottom<HTMLDivElement>(entries);
  followRef.current = output.follow;
  return (
    <div
      className="console-output"
      role="log"
      aria-label={text.console.output}
      ref={output.ref}
      onScroll={output.onScroll}
      tabIndex={0}
    >
      {entries.length === 0 ? (
        <p className="empty">{text.console.empty}</p>
      ) : (
        shown.map((entry, i) => <ConsoleLine key={firstKey + i} entry={entry} />)
      )}
    </div>
  );
}

/** The command line, with history on the arrow keys. Its own component: typing never re-renders the output. */
function ConsoleInput({ followRef }: { followRef: RefObject<() => void> }) {
  const send = useSim((s) => s.send);
  const [draft, setDraft] = useState('');
  const [history, setHistory] = useState<readonly string[]>([]);
  // Position while browsing history: history.length means "the line being typed".
  const [cursor, setCursor] = useState(0);
  const [saved, setSaved] = useState('');

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const line = draft.trim();
      if (line === '') return;
      // The next command's output shows even if the reader had scrolled up.
      followRef.current();
      send({ type: 'line', text: line, source: 'console' });
      const next = history[history.length - 1] === line ? history : [...history, line].slice(-MAX_HISTORY);
      setHistory(next);
      setCursor(next.length);
      setDraft('');
      setSaved('');
    } else if (event.key === 'ArrowUp') {
      if (history.length === 0 || cursor === 0) return;
      event.preventDefault();
      if (cursor === history.length) setSaved(draft);
      setCursor(cursor - 1);
      setDraft(history[cursor - 1]!);
    } else if (event.key === 'ArrowDown') {
      if (cursor >= history.length) return;
      event.preventDefault();
      const next = cursor + 1;
      setCursor(next);
      setDraft(next === history.length ? saved : history[next]!);
    }
  };

  return (
    <div className="console-input">
      <label htmlFor="console-input" className="visually-hidden">
        {text.console.label}
      </label>
      <span className="prompt" aria-hidden="true">
        ›
      </span>
      <input
        id="console-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={text.console.placeholder}
        value={draft}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          setCursor(history.length);
        }}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

const ConsoleLine = memo(function ConsoleLine({ entry }: { entry: ConsoleEntry }) {
  switch (entry.kind) {
    case 'input':
      return entry.control === true ? (
        <div className="cl cl-input cl-control">
          {`> ${entry.text}`} <span className="cl-tag">{text.console.fromControl}</span>
        </div>
      ) : (
        <div className="cl cl-input">{`> ${entry.text}`}</div>
      );
    case 'output': {
      const tone = entry.ok ? 'cl cl-output' : 'cl cl-error';
      const gloss = entry.error === undefined ? '' : text.console.errorGloss[entry.error];
      // ZooKeeper's text stays verbatim in its own element; a gloss (Chinese only) follows it, never replaces it.
      const glossed = gloss === '' ? null : <span className="cl-gloss">{gloss}</span>;
      if (entry.about === undefined)
        return (
          <div className={entry.session === undefined ? tone : `${tone} cl-more`}>
            {glossed === null ? entryText(entry) : <span className="cl-text">{entry.text}</span>}
            {glossed}
          </div>
        );
      return (
        <div className={tone}>
          <span className="cl-about">{entry.about}</span>
          {text.console.arrow}
          <span className="cl-text">{entryText(entry)}</span>
          {glossed}
        </div>
      );
    }
    case 'watch':
      return <div className="cl cl-watch">{entry.text}</div>;
    case 'error':
      return <div className="cl cl-error">{entryText(entry)}</div>;
  }
});
