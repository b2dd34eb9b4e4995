// The compare view: one scenario under two protocols, in two workers, on one clock. Both runs stay paused in their
// workers; this store moves them on together (`advance-to`), so they always stand at the same simulated moment.
import { create } from 'zustand';
import { bugsOf } from '../protocol';
import type { Header } from '../sim/config';
import type { ScenarioAction } from '../scenario/model';
import { DEFAULT_COMPARE, type ComparePair } from '../scenario/url';
import { SIM_MS_PER_REAL_MS_AT_1X, type Command } from '../worker/ipc';
import { FRAMES_PER_SECOND } from './flying';
import { createSimStore, type SimInstance } from './simStore';
import { spawnWorker } from './workerClient';

/** A clock tick never moves the runs on by more than this much wall time (a slow worker does not make them jump). */
const MAX_TICK_WALL_MS = 200;

export interface CompareState {
  on: boolean;
  protocols: ComparePair;
  playing: boolean;
  speed: number;
  /** The simulated moment both runs are sent to. */
  t: number;
  /** The furthest moment both reached (the time slider's end). */
  head: number;
  /** The two runs' stores, in the order of the pair (empty while the view is closed). */
  sims: readonly SimInstance[];
  /** Why a compare link could not be opened (the page shows the normal run instead). */
  linkError: string | null;
}

export const useCompare = create<CompareState>()(() => ({
  on: false,
  protocols: DEFAULT_COMPARE,
  playing: false,
  speed: 1,
  t: 0,
  head: 0,
  sims: [],
  linkError: null,
}));

interface Run {
  readonly sim: SimInstance;
  readonly worker: Worker;
  /** The latest frame's time and next event's time. */
  now: number;
  nextAt: number;
}

let runs: Run[] = [];
let timer: ReturnType<typeof setInterval> | null = null;
let lastWall = 0;

/** What the view opens: a run's header (its protocol is replaced), its actions, and the moment to go to. */
export interface CompareOpen {
  readonly header: Header;
  readonly actions: readonly ScenarioAction[];
  readonly t: number;
}

/** Start both runs from the same scenario; each replays the actions at their simulated times (events unknown). */
export function openCompare(open: CompareOpen, protocols: ComparePair = DEFAULT_COMPARE): void {
  closeRuns();
  const actions = open.actions.map((action) => ({ ...action, events: -1 }));
  runs = protocols.map((protocol) => {
    const sim = createSimStore();
    const header: Header = {
      ...open.header,
      protocol,
      // A bug switch of the other protocol would do nothing here: it is dropped, as the Protocol select does.
      bugs: open.header.bugs.filter((bug) => bugsOf(protocol).includes(bug)),
    };
    const load: Command = { type: 'load', header, lines: [], actions, play: false, metrics: true };
    const worker = spawnWorker(sim, load);
    const run: Run = { sim, worker, now: 0, nextAt: Infinity };
    sim.onFrame((frame) => {
      run.now = frame.now;
      run.nextAt = frame.nextAt ?? Infinity;
    });
    return run;
  });
  useCompare.setState({ on: true, protocols, playing: false, t: 0, head: 0, sims: runs.map((run) => run.sim) });
  if (open.t > 0) moveTo(open.t, false);
}

function closeRuns(): void {
  stopClock();
  for (const run of runs) run.worker.terminate();
  runs = [];
}

export function closeCompare(): void {
  closeRuns();
  useCompare.setState({ on: false, playing: false, t: 0, head: 0, sims: [] });
}

function sendBoth(command: Command): void {
  for (const run of runs) run.sim.useSim.getState().send(command);
}

function moveTo(t: number, playing: boolean): void {
  useCompare.setState((state) => ({ t, head: Math.max(state.head, t) }));
  sendBoth({ type: 'advance-to', t, playing });
}

function stopClock(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}

/** One tick of the shared clock: once both runs stand at the last moment sent, send the next. */
function tick(): void {
  const state = useCompare.getState();
  if (!state.playing) return;
  const wall = performance.now();
  if (!runs.every((run) => run.now >= state.t)) return;
  const elapsed = Math.min(MAX_TICK_WALL_MS, wall - lastWall);
  lastWall = wall;
  moveTo(state.t + elapsed * SIM_MS_PER_REAL_MS_AT_1X * state.speed, true);
}

export function comparePlay(): void {
  if (runs.length === 0) return;
  useCompare.setState({ playing: true });
  lastWall = performance.now();
  stopClock();
  timer = setInterval(tick, 1000 / FRAMES_PER_SECOND);
}

export function comparePause(): void {
  stopClock();
  useCompare.setState({ playing: false });
  // The runs stop where the clock stands, and the page stops drawing their messages moving.
  moveTo(useCompare.getState().t, false);
}

/** Both runs to the earlier of their next events. */
export function compareStep(): void {
  if (useCompare.getState().playing) comparePause();
  const next = Math.min(...runs.map((run) => run.nextAt));
  if (Number.isFinite(next)) moveTo(Math.max(next, useCompare.getState().t), false);
}

export function compareSpeed(speed: number): void {
  useCompare.setState({ speed });
  sendBoth({ type: 'speed', speed });
}

/** Time travel in both runs to the same moment. */
export function compareSeek(t: number): void {
  stopClock();
  const target = Math.max(0, Math.min(t, useCompare.getState().head));
  useCompare.setState({ playing: false, t: target });
  for (const run of runs) run.now = Math.min(run.now, target);
  sendBoth({ type: 'seek', t: target });
}

/** A scenario line for both runs at this moment (`leader` names each run's own leader). */
export function compareLine(text: string, source: 'console' | 'control' = 'control'): void {
  sendBoth({ type: 'line', text, source });
}

/** One line per run (a restart names each run's own crashed servers). */
export function compareLinesEach(lines: (sim: SimInstance) => readonly string[]): void {
  for (const run of runs)
    for (const text of lines(run.sim)) run.sim.useSim.getState().send({ type: 'line', text, source: 'control' });
}
