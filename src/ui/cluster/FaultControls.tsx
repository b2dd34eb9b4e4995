// Partition presets and network sliders. Each control sends one scenario line; the sliders show the
// store's network settings and send only after the user pauses (debounced) or releases them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSim } from '../../store/simStore';
import { text } from '../../view/text';

const t = text.cluster;
import './cluster.css';

const DEBOUNCE_MS = 250;

function partitionLine(groups: readonly (readonly number[])[]): string {
  return `partition ${groups.map((g) => g.map((id) => `n${id}`).join(' ')).join(' | ')}`;
}

export function FaultControls() {
  // Only what these controls need, so the server cards' every change does not re-render them.
  const n = useSim((s) => (s.servers.length > 0 ? s.servers.length : s.header.servers));
  const leader = useSim((s) => s.servers.find((server) => server.up && server.role === 'leader')?.id ?? null);
  const network = useSim((s) => s.network);
  const send = useSim((s) => s.send);
  const minority = Math.floor((n - 1) / 2);
  const run = useCallback((text: string): void => send({ type: 'line', text, source: 'control' }), [send]);

  const isolate = (): void => {
    if (leader === null) return;
    const rest: number[] = [];
    for (let id = 1; id <= n; id++) if (id !== leader) rest.push(id);
    run(partitionLine([[leader], rest]));
  };
  const split = (): void => {
    if (minority < 1) return;
    // The minority holds the leader (if any) and the servers after it around the ring.
    const start = leader ?? n - minority + 1;
    const small: number[] = [];
    for (let k = 0; k < minority; k++) small.push(((start - 1 + k) % n) + 1);
    const rest: number[] = [];
    for (let id = 1; id <= n; id++) if (!small.includes(id)) rest.push(id);
    run(partitionLine([small.sort((a, b) => a - b), rest]));
  };

  return (
    <section className="fault-controls" aria-label={t.faults.title}>
      <div className="fault-buttons">
        <button type="button" onClick={isolate} disabled={leader === null || n < 2} title={t.faults.isolateLeaderTitle}>
          {t.faults.isolateLeader}
        </button>
        <button type="button" onClick={split} disabled={minority < 1} title={t.faults.splitMinorityTitle(minority)}>
          {t.faults.splitMinority}
        </button>
        <button type="button" onClick={() => run('heal')} title={t.faults.healAllTitle}>
          {t.faults.healAll}
        </button>
      </div>
      <div className="fault-network" role="group" aria-label={t.faults.network}>
        <Slider
          label={t.faults.latency}
          min={5}
          max={500}
          step={5}
          value={network.latencyMsMax}
          format={(v) => t.faults.latencyValue(Math.min(network.latencyMsMin, v), v)}
          toLine={(v) => `latency ${Math.min(network.latencyMsMin, v)}..${v}ms`}
          onCommit={run}
        />
        <Slider
          label={t.faults.loss}
          min={0}
          max={50}
          step={1}
          value={Math.round(network.loss * 100)}
          format={t.faults.percent}
          toLine={(v) => `loss ${v}%`}
          onCommit={run}
        />
        <Slider
          label={t.faults.duplication}
          min={0}
          max={50}
          step={1}
          value={Math.round(network.dup * 100)}
          format={t.faults.percent}
          toLine={(v) => `dup ${v}%`}
          onCommit={run}
        />
      </div>
    </section>
  );
}

interface SliderProps {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The store's value. */
  readonly value: number;
  readonly format: (value: number) => string;
  readonly toLine: (value: number) => string;
  readonly onCommit: (line: string) => void;
}

function Slider({ label, min, max, step, value, format, toLine, onCommit }: SliderProps) {
  // What the user is dragging to, until the store reports it (or a moment after sending).
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<number | null>(null);
  const commitRef = useRef({ toLine, onCommit });
  commitRef.current = { toLine, onCommit };

  const flush = (): void => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const v = pending.current;
    pending.current = null;
    if (v === null) return;
    commitRef.current.onCommit(commitRef.current.toLine(v));
    // If the worker never reflects it (refused), fall back to the store's value.
    timer.current = window.setTimeout(() => setDraft(null), 1500);
  };

  useEffect(() => {
    if (draft !== null && pending.current === null && value === draft) setDraft(null);
  }, [value, draft]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const shown = draft ?? Math.min(max, Math.max(min, value));
  return (
    <label className="fault-slider">
      <span className="fault-slider-label">{label}</span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-label={label}
        aria-valuetext={format(shown)}
        onChange={(event) => {
          const v = Number(event.currentTarget.value);
          setDraft(v);
          pending.current = v;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(flush, DEBOUNCE_MS);
        }}
        onPointerUp={flush}
        onKeyUp={flush}
        onBlur={flush}
      />
      <output className="fault-slider-value">{format(shown)}</output>
    </label>
  );
}
