import { useState } from 'react';
import { bugsOf, isProtocolName, PROTOCOL_NAMES } from '../../protocol';
import { useSim } from '../../store/simStore';
import type { Frame } from '../../worker/ipc';
import { text } from '../../view/text';
import { zabText } from '../../view/zab/text';
import { SpeedSlider } from './SpeedSlider';

type Header = Frame['header'];

const SERVER_CHOICES = Array.from({ length: 23 }, (_, i) => i + 3);

export function ControlsBar() {
  return (
    <section className="controls" aria-label={text.controls.label}>
      <PlayButtons />
      <SpeedControl />
      <RunSetup />
      <Readouts />
    </section>
  );
}

/** Play or pause, Step and Step phase. */
function PlayButtons() {
  const playing = useSim((s) => s.playing);
  const ready = useSim((s) => s.ready);
  const send = useSim((s) => s.send);
  const zab = useSim((s) => s.header.protocol === 'zab');
  return (
    <div className="controls-group">
      <button
        type="button"
        className="btn btn-primary btn-play"
        title={text.controls.playTitle}
        disabled={!ready}
        onClick={() => send({ type: playing ? 'pause' : 'play' })}
      >
        <span aria-hidden="true" className="btn-icon">
          {playing ? '❚❚' : '▶'}
        </span>
        {playing ? text.controls.pause : text.controls.play}
      </button>
      <button
        type="button"
        className="btn"
        title={text.controls.stepTitle}
        disabled={!ready}
        onClick={() => send({ type: 'step' })}
      >
        {text.controls.step}
      </button>
      <button
        type="button"
        className="btn"
        title={zab ? zabText.stepPhaseTitle : text.controls.stepPhaseTitle}
        disabled={!ready}
        onClick={() => send({ type: 'step-phase' })}
      >
        {text.controls.stepPhase}
      </button>
    </div>
  );
}

/** The speed slider on its log scale, and the speed it stands at. */
function SpeedControl() {
  const speed = useSim((s) => s.speed);
  const send = useSim((s) => s.send);
  // While the slider moves, show what was asked for until the worker confirms it.
  const [asked, setAsked] = useState<number | null>(null);
  const shownSpeed = asked ?? speed;
  if (asked !== null && asked === speed) setAsked(null);
  return (
    <SpeedSlider
      id="speed"
      speed={shownSpeed}
      onChange={(next) => {
        setAsked(next);
        send({ type: 'speed', speed: next });
      }}
    />
  );
}

/** Servers and protocol: changing either starts a new run. */
function RunSetup() {
  const header = useSim((s) => s.header);
  const send = useSim((s) => s.send);
  const reload = (next: Header) => {
    send({ type: 'load', header: next, lines: [] });
    // A new run shows n1 first.
    send({ type: 'select', server: 1 });
  };
  return (
    <div className="controls-group">
      <label htmlFor="servers">{text.controls.servers}</label>
      <select
        id="servers"
        value={header.servers}
        onChange={(event) => reload({ ...header, servers: Number(event.currentTarget.value) })}
      >
        {SERVER_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label htmlFor="protocol">{text.controls.protocol}</label>
      <select
        id="protocol"
        value={header.protocol}
        onChange={(event) => {
          const value = event.currentTarget.value;
          // A bug switch of another protocol would do nothing in this one: it is dropped.
          if (isProtocolName(value))
            reload({ ...header, protocol: value, bugs: header.bugs.filter((bug) => bugsOf(value).includes(bug)) });
        }}
      >
        {PROTOCOL_NAMES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Simulated time and event count: the only part of the bar that changes while the run plays. */
function Readouts() {
  const now = useSim((s) => s.now);
  const eventCount = useSim((s) => s.eventCount);
  return (
    <div className="controls-group controls-readouts">
      <label htmlFor="sim-time">{text.controls.time}</label>
      <output id="sim-time" className="readout" aria-live="off">
        {text.controls.timeValue(now)}
      </output>
      <label htmlFor="event-count">{text.controls.events}</label>
      <output id="event-count" className="readout" aria-live="off">
        {text.controls.eventsValue(eventCount)}
      </output>
    </div>
  );
}
