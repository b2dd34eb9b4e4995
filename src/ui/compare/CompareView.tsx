// The compare view: one scenario under two protocols on one clock: its controls, both rings, and the table.
import { useState } from 'react';
import { useStore } from 'zustand';
import {
  compareLine,
  compareLinesEach,
  comparePause,
  comparePlay,
  compareSeek,
  compareSpeed,
  compareStep,
  useCompare,
} from '../../store/compareStore';
import type { SimInstance } from '../../store/simStore';
import type { ProtocolName } from '../../protocol';
import type { CompareMetrics } from '../../view/compare/metrics';
import { compareText as t } from '../../view/compare/text';
import { text } from '../../view/text';
import { ClusterView } from '../cluster/ClusterView';
import { SimContext } from '../cluster/simContext';
import { SpeedSlider } from '../controls/SpeedSlider';
import './compare.css';

export function CompareView() {
  const sims = useCompare((s) => s.sims);
  const protocols = useCompare((s) => s.protocols);
  return (
    <section className="compare" aria-label={t.region}>
      <h2 className="visually-hidden">{t.region}</h2>
      <CompareControls />
      <CompareFaults />
      <RunErrors sims={sims} protocols={protocols} />
      <div className="compare-body">
        <div className="compare-rings">
          {sims.map((sim, index) => (
            <CompareRing key={index} sim={sim} protocol={protocols[index]!} />
          ))}
        </div>
        <CompareTable sims={sims} protocols={protocols} />
      </div>
    </section>
  );
}

function CompareRing({ sim, protocol }: { sim: SimInstance; protocol: ProtocolName }) {
  const id = `compare-ring-${protocol}`;
  return (
    <section className="panel compare-ring" aria-labelledby={id}>
      <h3 id={id} className="compare-ring-title">
        {t.protocolName[protocol]}
      </h3>
      <SimContext.Provider value={sim}>
        <ClusterView side={false} />
      </SimContext.Provider>
    </section>
  );
}

/** Play or pause, Step, the speed and the time slider: both runs, one clock. */
function CompareControls() {
  const playing = useCompare((s) => s.playing);
  const speed = useCompare((s) => s.speed);
  const now = useCompare((s) => s.t);
  const head = useCompare((s) => s.head);
  return (
    <div className="controls compare-controls" role="group" aria-label={t.controls}>
      <div className="controls-group">
        <button
          type="button"
          className="btn btn-primary btn-play"
          title={text.controls.playTitle}
          onClick={() => (playing ? comparePause() : comparePlay())}
        >
          <span aria-hidden="true" className="btn-icon">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? text.controls.pause : text.controls.play}
        </button>
        <button type="button" className="btn" title={text.controls.stepTitle} onClick={compareStep}>
          {text.controls.step}
        </button>
      </div>
      <SpeedSlider id="compare-speed" speed={speed} onChange={compareSpeed} />
      <div className="controls-group compare-time">
        <label htmlFor="compare-time">{t.time}</label>
        <input
          id="compare-time"
          type="range"
          min={0}
          max={Math.max(1, Math.round(head))}
          step={1}
          value={Math.round(now)}
          aria-valuetext={text.controls.timeValue(now)}
          onChange={(event) => compareSeek(Number(event.currentTarget.value))}
        />
        <output htmlFor="compare-time" className="readout" aria-live="off">
          {text.controls.timeValue(now)}
        </output>
      </div>
    </div>
  );
}

/** The Write button's session: at n2, a follower under both protocols' first elections (Paxos n1 leads, ZAB the
 *  highest id), so that killing the leader leaves the writer's server up. Before the first election ends n2
 *  refuses clients and w1 takes the next server, perhaps the leader: the table then names the failed write. */
const WRITER = 'w1';

function compareWrite(): void {
  const sims = useCompare.getState().sims;
  const open = sims.some((sim) => sim.useSim.getState().servers.some((server) => server.sessions.includes(WRITER)));
  if (!open) compareLine(`${WRITER} connect n2`);
  compareLine(`${WRITER}> create -s /w- x`);
}

/** Faults and lines for both runs: each goes to both at the same moment (`leader` is each run's own). */
function CompareFaults() {
  const [line, setLine] = useState('');
  const run = (): void => {
    const typed = line.trim();
    if (typed === '') return;
    compareLine(typed, 'console');
    setLine('');
  };
  return (
    <div className="compare-faults" role="group" aria-label={t.faults}>
      <button type="button" className="btn" title={t.writeTitle} onClick={compareWrite}>
        {t.write}
      </button>
      <button type="button" className="btn" title={t.killLeaderTitle} onClick={() => compareLine('kill leader')}>
        {t.killLeader}
      </button>
      <button
        type="button"
        className="btn"
        title={t.restartAllTitle}
        onClick={() =>
          compareLinesEach((sim) =>
            sim.useSim
              .getState()
              .servers.filter((server) => !server.up)
              .map((server) => `restart n${server.id}`),
          )
        }
      >
        {t.restartAll}
      </button>
      <button
        type="button"
        className="btn"
        title={text.cluster.faults.healAllTitle}
        onClick={() => compareLine('heal')}
      >
        {text.cluster.faults.healAll}
      </button>
      <form
        className="compare-line"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <label htmlFor="compare-line">{t.line}</label>
        <input
          id="compare-line"
          type="text"
          value={line}
          spellCheck={false}
          autoComplete="off"
          placeholder={t.linePlaceholder}
          onChange={(event) => setLine(event.currentTarget.value)}
        />
        <button type="submit" className="btn">
          {t.run}
        </button>
      </form>
    </div>
  );
}

function RunErrors({ sims, protocols }: { sims: readonly SimInstance[]; protocols: readonly ProtocolName[] }) {
  return (
    <>
      {sims.map((sim, index) => (
        <RunError key={index} sim={sim} protocol={protocols[index]!} />
      ))}
    </>
  );
}

function RunError({ sim, protocol }: { sim: SimInstance; protocol: ProtocolName }) {
  const error = useStore(sim.useSim, (s) => s.error ?? s.fatal);
  const dismiss = useStore(sim.useSim, (s) => s.dismissError);
  if (error === null) return null;
  return (
    <div role="alert" className="alert alert-error compare-error">
      <div>{t.runError(t.protocolName[protocol], error)}</div>
      <button type="button" className="btn" onClick={dismiss}>
        {t.dismiss}
      </button>
    </div>
  );
}

type Row = { readonly name: string; readonly value: (m: CompareMetrics) => string };

const ROWS: readonly Row[] = [
  {
    name: t.rows.messagesPerWrite,
    value: (m) => (m.messagesPerWrite === null ? t.none : t.perWrite(m.messagesPerWrite)),
  },
  { name: t.rows.writeLatency, value: (m) => (m.writeLatencyMs === null ? t.none : t.ms(m.writeLatencyMs)) },
  {
    name: t.rows.recoveryMs,
    value: (m) => (m.recovering ? t.recovering : m.recoveryMs === null ? t.none : t.ms(m.recoveryMs)),
  },
  {
    name: t.rows.recoveryMessages,
    value: (m) => (m.recovering ? t.recovering : m.recoveryMessages === null ? t.none : t.count(m.recoveryMessages)),
  },
];

function CompareTable({ sims, protocols }: { sims: readonly SimInstance[]; protocols: readonly ProtocolName[] }) {
  return (
    <div className="panel compare-table-panel">
      <table className="compare-table" aria-label={t.table}>
        <thead>
          <tr>
            <th scope="col">{t.measure}</th>
            {protocols.map((protocol) => (
              <th key={protocol} scope="col">
                {t.protocolName[protocol]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              {sims.map((sim, index) => (
                <MetricCell key={index} sim={sim} row={row} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="compare-writes">
        {sims.map((sim, index) => (
          <Writes key={index} sim={sim} protocol={protocols[index]!} />
        ))}
      </p>
      <p className="compare-footnote">{t.footnote}</p>
    </div>
  );
}

function MetricCell({ sim, row }: { sim: SimInstance; row: Row }) {
  const metrics = useStore(sim.useSim, (s) => s.metrics);
  return <td>{metrics === null ? t.none : row.value(metrics)}</td>;
}

function Writes({ sim, protocol }: { sim: SimInstance; protocol: ProtocolName }) {
  const writes = useStore(sim.useSim, (s) => s.metrics?.writes ?? 0);
  const failure = useStore(sim.useSim, (s) => s.metrics?.lastWriteFailure ?? null);
  return (
    <span>
      {`${t.protocolName[protocol]}: ${t.writes(writes)}`}
      {failure !== null && <span className="compare-write-failed">{t.lastWriteFailed(failure)}</span>}
    </span>
  );
}
