import { useState } from 'react';
import { bugsOf, type BugName } from '../../protocol';
import { useSim } from '../../store/simStore';
import { text } from '../../view/text';

const t = text.bugs;

/** "Bugs": a button that opens one checkbox per bug switch; toggling one starts a new run with it in the header. */
export function BugSwitches() {
  const [open, setOpen] = useState(false);
  const header = useSim((s) => s.header);
  const send = useSim((s) => s.send);
  // Only the switches that change this protocol are offered (the intro says so for ZAB).
  const offered = bugsOf(header.protocol);
  const toggle = (bug: BugName, on: boolean): void => {
    const bugs = offered.filter((name) => (name === bug ? on : header.bugs.includes(name)));
    send({ type: 'load', header: { ...header, bugs }, lines: [] });
    send({ type: 'select', server: 1 });
  };
  return (
    <div className="bug-switches">
      <button
        type="button"
        className={header.bugs.length > 0 ? 'btn btn-small btn-danger' : 'btn btn-small'}
        aria-expanded={open}
        aria-controls="bug-list"
        title={t.buttonTitle}
        onClick={() => setOpen(!open)}
      >
        {t.button} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset id="bug-list" className="bug-list">
          <legend>{t.group}</legend>
          <p className="bug-intro">{header.protocol === 'zab' ? t.introZab : t.intro}</p>
          {offered.map((bug) => (
            <div key={bug} className="bug-choice">
              <label>
                <input
                  type="checkbox"
                  checked={header.bugs.includes(bug)}
                  aria-describedby={`bug-${bug}`}
                  onChange={(event) => toggle(bug, event.currentTarget.checked)}
                />{' '}
                {t.label(bug)}
              </label>
              <p id={`bug-${bug}`} className="bug-explain">
                {t.explain[bug]}
              </p>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** While any bug switch is on, the page says so, always: a link cannot pass off a broken protocol as Paxos. */
export function BugBanner() {
  const bugs = useSim((s) => s.header.bugs);
  if (bugs.length === 0) return null;
  return (
    <p className="bug-banner" role="status">
      {t.banner(bugs)}
    </p>
  );
}
