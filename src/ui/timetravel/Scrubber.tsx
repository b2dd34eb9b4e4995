// The time slider: 0 .. how far the run has gone. Dragging seeks (at most one seek per animation frame);
// the worker pauses the run on a seek.
import { useEffect, useRef, useState } from 'react';
import { useSim } from '../../store/simStore';
import { text } from '../../view/text';

const tt = text.timeTravel;

export function Scrubber() {
  const now = useSim((s) => s.now);
  const head = useSim((s) => s.head);
  const ready = useSim((s) => s.ready);
  const send = useSim((s) => s.send);
  // While the thumb moves, show where it was asked to be until the worker gets there.
  const [asked, setAsked] = useState<number | null>(null);
  const pending = useRef<number | null>(null);
  const frame = useRef(0);

  if (asked !== null && (asked === now || (asked >= head.t && now === head.t))) setAsked(null);

  useEffect(
    () => () => {
      if (frame.current !== 0) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const seek = (t: number) => {
    const target = Math.max(0, Math.min(Math.round(t), head.t));
    setAsked(target);
    pending.current = target;
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const next = pending.current;
      pending.current = null;
      if (next !== null) send({ type: 'seek', t: next });
    });
  };

  const end = Math.max(0, Math.floor(head.t));
  const shown = Math.min(asked ?? now, end);
  const inPast = now < head.t;

  return (
    <div className="tt-scrubber">
      <div className="tt-row">
        <label htmlFor="tt-time" className="tt-label">
          {tt.time}
        </label>
        <input
          id="tt-time"
          className="tt-range"
          type="range"
          min={0}
          max={end}
          step={1}
          value={Math.round(shown)}
          disabled={!ready}
          aria-valuetext={tt.nowOf(tt.nowValue(shown), tt.nowValue(end))}
          onChange={(event) => seek(Number(event.currentTarget.value))}
        />
        <span className="tt-times">
          <output className="tt-now" aria-label={tt.now}>
            {tt.nowValue(shown)}
          </output>
          <span aria-hidden="true"> / </span>
          <output className="tt-head" aria-label={tt.head}>
            {tt.nowValue(head.t)}
          </output>
        </span>
        <button type="button" className="btn btn-small" disabled={!ready || now === 0} onClick={() => seek(0)}>
          {tt.backToStart}
        </button>
        <button type="button" className="btn btn-small" disabled={!ready || !inPast} onClick={() => seek(head.t)}>
          {tt.goToEnd}
        </button>
      </div>
    </div>
  );
}

/** Shown while the cursor is before the end of the run: acting now replaces the kept future. */
export function PastHint() {
  const inPast = useSim((s) => s.now < s.head.t);
  if (!inPast) return null;
  return (
    <p className="tt-past" role="note" title={tt.pastTitle}>
      {tt.past}
    </p>
  );
}
