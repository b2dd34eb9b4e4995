import { bugsOf, PROTOCOL_NAMES, type ProtocolName } from '../../protocol';
import { fuzzCommandLine, FUZZ_PAGE_LIMITS, type FailingSeed } from '../../view/fuzz';
import { text } from '../../view/text';
import {
  cancelFuzz,
  openFailingSeed,
  runFuzz,
  setFuzzBug,
  setFuzzField,
  setFuzzProtocol,
  useFuzz,
  type FuzzState,
} from './fuzzStore';
import './fuzz.css';

const t = text.fuzz;
/** Rows drawn at most: a run with a bug on can fail on nearly every seed. */
const MAX_ROWS = 200;

type NumberField = 'seeds' | 'firstSeed' | 'steps' | 'servers';
const NUMBER_FIELDS: readonly NumberField[] = ['seeds', 'firstSeed', 'steps', 'servers'];

/** "Fuzz": random scenarios checked in workers of their own, the failing seeds listed to open as runs. */
export function FuzzPanel() {
  const error = useFuzz((s) => s.error);
  return (
    <section className="panel fuzz-panel" aria-labelledby="fuzz-title">
      <div className="panel-head">
        <h2 id="fuzz-title">{t.region}</h2>
      </div>
      <div className="fuzz-body">
        <p className="fuzz-intro">{t.intro}</p>
        <FuzzForm />
        {error !== null && (
          <p className="fuzz-error" role="alert">
            {error}
          </p>
        )}
        <FuzzProgress />
        <FailingSeeds />
      </div>
    </section>
  );
}

function FuzzForm() {
  const fields = useFuzz((s) => s.fields);
  const running = useFuzz((s) => s.status === 'running');
  return (
    <form
      className="fuzz-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        runFuzz();
      }}
    >
      <div className="fuzz-fields">
        {NUMBER_FIELDS.map((field) => (
          <label key={field} className="fuzz-field">
            {t[field]}
            <input
              type="number"
              inputMode="numeric"
              min={FUZZ_PAGE_LIMITS[field].min}
              max={FUZZ_PAGE_LIMITS[field].max}
              value={fields[field]}
              disabled={running}
              onChange={(event) => setFuzzField(field, event.currentTarget.value)}
            />
          </label>
        ))}
        <label className="fuzz-field">
          {t.protocol}
          <select
            aria-label={t.protocol}
            value={fields.protocol}
            disabled={running}
            onChange={(event) => setFuzzProtocol(event.currentTarget.value as ProtocolName)}
          >
            {PROTOCOL_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="fuzz-bugs" disabled={running}>
        <legend>{t.bugsGroup}</legend>
        {bugsOf(fields.protocol).map((bug) => (
          <label key={bug} className="fuzz-bug">
            <input
              type="checkbox"
              checked={fields.bugs.includes(bug)}
              onChange={(event) => setFuzzBug(bug, event.currentTarget.checked)}
            />{' '}
            {t.bugLabel(bug)}
          </label>
        ))}
      </fieldset>
      <div className="fuzz-actions">
        <button type="submit" className="btn btn-small btn-primary" disabled={running}>
          {t.run}
        </button>
        <button type="button" className="btn btn-small" disabled={!running} onClick={cancelFuzz}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function statusLine(s: FuzzState): string | null {
  const total = s.plan?.seeds ?? 0;
  const seconds = s.elapsedMs / 1000;
  switch (s.status) {
    case 'idle':
      return null;
    case 'running':
      return t.running(s.done, total, s.failing.length, s.workers);
    case 'cancelled':
      return t.cancelled(s.done, total);
    case 'done':
      return s.failing.length === 0 && s.crashed.length === 0
        ? t.passed(total, seconds, s.events)
        : t.failed(s.failing.length, total, seconds);
  }
}

function FuzzProgress() {
  const state = useFuzz();
  if (state.plan === null) return null;
  const total = state.plan.seeds;
  const line = statusLine(state);
  return (
    <div className="fuzz-progress-block">
      <div
        className="fuzz-progress"
        role="progressbar"
        aria-label={t.progress}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={state.done}
        aria-valuetext={t.progressValue(state.done, total)}
      >
        <div
          className={state.failing.length > 0 ? 'fuzz-progress-fill fuzz-progress-failing' : 'fuzz-progress-fill'}
          style={{ width: `${(100 * state.done) / total}%` }}
        />
      </div>
      {line !== null && (
        <p className="fuzz-status" role="status">
          {line}
        </p>
      )}
      {state.crashed.map((message) => (
        <p key={message} className="fuzz-error">
          {message}
        </p>
      ))}
      <p className="fuzz-cli">
        {t.sameAs} <code>{fuzzCommandLine(state.plan)}</code>
      </p>
    </div>
  );
}

function FailingSeeds() {
  const failing = useFuzz((s) => s.failing);
  const opened = useFuzz((s) => s.opened);
  if (failing.length === 0) return null;
  const shown = failing.slice(0, MAX_ROWS);
  return (
    <>
      <h3 className="fuzz-list-title" id="fuzz-failing-title">
        {t.failingSeeds}
      </h3>
      <ul className="fuzz-failing" aria-labelledby="fuzz-failing-title">
        {shown.map((f) => (
          <FailingRow key={f.seed} failing={f} opened={opened === f.seed} />
        ))}
      </ul>
      {failing.length > shown.length && <p className="fuzz-more">{t.more(failing.length - shown.length)}</p>}
      {opened !== null && (
        <p className="fuzz-opened" role="status">
          {t.opened(opened)}
        </p>
      )}
    </>
  );
}

function FailingRow({ failing, opened }: { failing: FailingSeed; opened: boolean }) {
  const names = [...new Set(failing.findings.map((f) => text.safety.names[f.check]))].join(', ');
  const first = failing.findings[0]!;
  return (
    <li className={opened ? 'fuzz-seed fuzz-seed-opened' : 'fuzz-seed'}>
      <div className="fuzz-seed-text">
        <span className="fuzz-seed-name">{t.failingSeed(failing.seed, names)}</span>
        <span className="fuzz-seed-reason" title={first.reason}>
          {t.firstAt(first.event, first.reason)}
        </span>
      </div>
      <button
        type="button"
        className="btn btn-small"
        title={t.openTitle}
        aria-current={opened ? 'true' : undefined}
        onClick={() => {
          openFailingSeed(failing.seed);
          // The run opens in the cluster view, the monitor and the timeline above this panel.
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      >
        {t.open(failing.seed)}
      </button>
    </li>
  );
}
