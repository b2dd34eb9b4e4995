// The UI's copy of what the worker sent. Components read it and dispatch commands; nothing here simulates.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { LiveViolation } from '../check/live';
import type { Header } from '../sim/config';
import { DEFAULT_HEADER } from '../sim/config';
import type { PauseFacts } from '../view/lessons/facts';
import {
  PANEL_REFRESH_MS,
  SIM_MS_PER_REAL_MS_AT_1X,
  type Command,
  type DiagramNews,
  type Frame,
  type Update,
} from '../worker/ipc';
import {
  type ConsoleEntry,
  type EventNote,
  type LinkView,
  type QuorumOverlapView,
  type QuorumView,
  type ServerDetail,
  type ServerView,
} from '../view/projections';
import { END_LINGER_MS } from '../view/cluster/paintMessages';
import type { TimerView } from '../view/cluster/timer';
import type { CompareMetrics } from '../view/compare/metrics';
import {
  FRAMES_PER_SECOND,
  absorbMessages,
  absorbQuorums,
  clearFlying,
  createFlying,
  flying,
  type FlyingState,
} from './flying';

const MAX_CONSOLE = 1000;
const MAX_EVENTS = 400;

export interface SimState {
  /** Whether a frame has arrived yet. */
  ready: boolean;
  now: number;
  eventCount: number;
  /** How far the run has gone (the scrubber's end). */
  head: Frame['head'];
  /** Trace index where the last lesson pause point was reached. */
  pausedAt: number | null;
  /** What the run showed at that pause (the lesson narration's facts). */
  pauseFacts: PauseFacts | null;
  /** Simulated ms of heartbeats the running lesson step fast-forwarded through (0 when none). */
  skippedMs: number;
  /** The trace index of the phase mark Step phase stopped at (the event log marks it). */
  phaseStop: number | null;
  /** Each invariant's first violation in the run's history (the live checks in the worker). */
  violations: readonly LiveViolation[];
  playing: boolean;
  speed: number;
  header: Header;
  servers: readonly ServerView[];
  /** Each server's running timer (by id - 1): the ring draws each as an arc that runs down. */
  timers: readonly (TimerView | null)[];
  links: readonly LinkView[];
  quorums: readonly QuorumView[];
  /** The latest reached quorum and the earlier one it shares servers with (the ring shows it on request). */
  quorumOverlap: QuorumOverlapView | null;
  detail: ServerDetail | null;
  selected: number;
  console: readonly ConsoleEntry[];
  /** Console entries dropped from the front since the run began (so lines keep stable keys). */
  consoleDropped: number;
  events: readonly EventNote[];
  network: Frame['network'];
  /** The last command error (role "alert" in the page). */
  error: string | null;
  /** The last notice about a command that was carried out (role "status" in the page). */
  notice: string | null;
  /** The worker died: the page offers a restart. */
  fatal: string | null;
  /** Counts the workers started (0: none yet): the diagram hands its canvases to each new one. */
  worker: number;
  /** Counts the runs the worker started (a load: another size, a lesson, a link); seeks are the same run. */
  runs: number;
  /** The number of the page's Load that started the current run (0: the worker's own first run). */
  runSeq: number;
  /** The compare view's figures for this run (only runs loaded with `metrics` have them). */
  metrics: CompareMetrics | null;
  /** Send a command to the worker; `transfer` hands objects over (the diagram's canvases). */
  send: (command: Command, transfer?: Transferable[]) => void;
  dismissError: () => void;
  dismissNotice: () => void;
}

type Post = (command: Command, transfer?: Transferable[]) => void;
const CLEARS_NOTICE: ReadonlySet<Command['type']> = new Set([
  'step',
  'step-phase',
  'play',
  'line',
  'seek',
  'seek-event',
  'load',
  'advance-to',
]);

type ScenarioUpdate = Extract<Update, { type: 'scenario' }>;
type FingerprintUpdate = Extract<Update, { type: 'fingerprint' }>;
export type DiagramUpdate = DiagramNews | Extract<Update, { type: 'diagram-file' }>;
export type HistoryUpdate = Extract<Update, { type: 'history' | 'history-error' }>;

/** One run's store and what feeds it: the page has one (below), the compare view one per protocol. */
export interface SimInstance {
  readonly useSim: UseBoundStore<StoreApi<SimState>>;
  /** Its ring's messages in flight (outside React: the canvas reads them every animation frame). */
  readonly flying: FlyingState;
  /** Wire the store to a new worker's postMessage (done by the worker client each time it starts one). */
  readonly connect: (send: Post) => void;
  readonly applyUpdate: (update: Update) => void;
  /** The run as a shareable scenario (header, actions so far, this moment). */
  readonly requestScenario: () => Promise<ScenarioUpdate['scenario']>;
  readonly requestFingerprint: () => Promise<FingerprintUpdate>;
  readonly requestTrace: () => Promise<string>;
  readonly onDiagramUpdate: (listener: (update: DiagramUpdate) => void) => () => void;
  readonly onHistoryUpdate: (listener: (update: HistoryUpdate) => void) => () => void;
  /** Called with every frame as it arrives (the compare view's clock waits for both runs). */
  readonly onFrame: (listener: (frame: Frame) => void) => () => void;
  /** The number the last Load sent got (each one gets the next). */
  readonly lastLoadSeq: () => number;
}

/** Clock readouts, the scrubber and the quorum tallies update at most this often while playing. */
const READOUT_MS = 100;

/** A run's store; `post` reaches its worker, `nextSeq` numbers its loads. */
function newStore(post: () => Post, nextSeq: () => number): UseBoundStore<StoreApi<SimState>> {
  return create<SimState>()((set, get) => ({
    ready: false,
    now: 0,
    eventCount: 0,
    head: { t: 0, events: 0 },
    pausedAt: null,
    pauseFacts: null,
    phaseStop: null,
    skippedMs: 0,
    violations: [],
    playing: false,
    speed: 1,
    header: DEFAULT_HEADER,
    servers: [],
    timers: [],
    links: [],
    quorums: [],
    quorumOverlap: null,
    detail: null,
    selected: 1,
    console: [],
    consoleDropped: 0,
    events: [],
    network: {
      latencyMsMin: DEFAULT_HEADER.latency.msMin,
      latencyMsMax: DEFAULT_HEADER.latency.msMax,
      loss: 0,
      dup: 0,
    },
    error: null,
    notice: null,
    fatal: null,
    worker: 0,
    runs: 0,
    runSeq: 0,
    metrics: null,
    send: (command, transfer) => {
      if (command.type === 'select') set({ selected: command.server });
      // Loads are numbered, so the page can tell which run a frame belongs to.
      if (command.type === 'load') command = { ...command, seq: nextSeq() };
      // A notice is about the last step: whatever moves the run on or elsewhere replaces it.
      if (get().notice !== null && CLEARS_NOTICE.has(command.type)) set({ notice: null });
      post()(command, transfer);
    },
    dismissError: () => set({ error: null }),
    dismissNotice: () => set({ notice: null }),
  }));
}

/** What a run's frames do to its store and its ring's messages in flight. */
function frameApplier(useSim: UseBoundStore<StoreApi<SimState>>, wire: FlyingState): (frame: Frame) => void {
  let readoutsAt = 0;

  /** What arrived for the slow panels since they last updated. */
  const slow = {
    console: [] as ConsoleEntry[],
    events: [] as EventNote[],
    detail: undefined as ServerDetail | undefined,
    resetConsole: false,
    resetEvents: false,
    flushedAt: 0,
  };

  function applyFrame(frame: Frame): void {
    const wall = performance.now();
    // A reset frame (or one after a long gap) lists what is on the wire at that moment.
    if (frame.reset || frame.messagesAfresh) clearFlying(wire);
    absorbMessages(frame.sent, frame.ended, frame.now, wire);
    // A reset (a seek, a load) shows tallies as they stand: none of them was just reached.
    absorbQuorums(frame.quorums, wall, !frame.reset, wire);
    wire.simNow = frame.now;
    wire.wallAt = wall;
    wire.rate = frame.playing ? SIM_MS_PER_REAL_MS_AT_1X * frame.speed : 0;
    // At high speeds a frame's worth of time is longer than an ended message is kept: cap the lag.
    wire.lag = Math.min(END_LINGER_MS / 2, (wire.rate * 1000) / FRAMES_PER_SECOND);

    if (frame.reset) {
      slow.console = [...frame.console];
      slow.events = [...frame.events];
      slow.resetConsole = true;
      slow.resetEvents = true;
      slow.detail = frame.detail;
    } else {
      slow.console.push(...frame.console);
      if (frame.eventsAfresh) {
        slow.events = [...frame.events];
        slow.resetEvents = true;
      } else slow.events.push(...frame.events);
      if (frame.detail !== undefined) slow.detail = frame.detail;
    }
    // A server's role changing (an election, a crash) shows at once, with everything else that waited.
    const flushSlow =
      frame.reset ||
      !frame.playing ||
      wall - slow.flushedAt >= PANEL_REFRESH_MS ||
      rolesChanged(useSim.getState().servers, frame.servers);
    // The canvas interpolates the clock every frame from `wire`; the DOM readouts need not follow at 30 Hz.
    const flushReadouts = flushSlow || wall - readoutsAt >= READOUT_MS;
    if (flushReadouts) readoutsAt = wall;

    useSim.setState((state) => {
      const next = nextState(state, frame, flushSlow, flushReadouts);
      if (flushSlow) {
        if (slow.resetConsole) {
          next.console = slow.console;
          next.consoleDropped = 0;
        } else {
          const kept = appendCapped(state.console, slow.console, MAX_CONSOLE);
          next.console = kept;
          next.consoleDropped = state.consoleDropped + state.console.length + slow.console.length - kept.length;
        }
        next.events = slow.resetEvents ? slow.events : appendCapped(state.events, slow.events, MAX_EVENTS);
        if (slow.detail !== undefined) next.detail = slow.detail;
        else if (frame.reset) next.detail = null;
        slow.console = [];
        slow.events = [];
        slow.detail = undefined;
        slow.resetConsole = false;
        slow.resetEvents = false;
        slow.flushedAt = wall;
      }
      return next;
    });
  }
  return applyFrame;
}

/** The store's next state for a frame (the slow panels aside): unchanged objects kept, so nothing re-renders. */
function nextState(state: SimState, frame: Frame, flushSlow: boolean, flushReadouts: boolean): Partial<SimState> {
  return {
    ready: true,
    runs: frame.newRun ? state.runs + 1 : state.runs,
    runSeq: frame.newRun ? (frame.runSeq ?? 0) : state.runSeq,
    now: flushReadouts ? frame.now : state.now,
    eventCount: flushReadouts ? frame.eventCount : state.eventCount,
    head: !flushReadouts || sameJson(state.head, frame.head) ? state.head : frame.head,
    pausedAt: frame.pausedAt ?? (frame.reset ? null : state.pausedAt),
    pauseFacts: frame.pauseFacts ?? (frame.reset ? null : state.pauseFacts),
    phaseStop: frame.phaseStop ?? null,
    skippedMs: frame.skipped === undefined ? 0 : frame.skipped.to - frame.skipped.from,
    violations: frame.violations ?? state.violations,
    playing: frame.playing,
    speed: frame.speed,
    // Keep the old objects when nothing changed, so components that read them do not re-render.
    header: sameJson(state.header, frame.header) ? state.header : frame.header,
    // Server cards (roles, ballots, decided/applied counts) change with every write: while playing they
    // follow the slow panels' pace, which a person can still read; a pause or a step shows them at once.
    servers: flushSlow ? sameItems(state.servers, frame.servers) : state.servers,
    // Every frame: the ring's arcs run on the canvas's clock, and a timer set again shows at once.
    timers: sameItems(state.timers, frame.timers),
    links: frame.links === undefined || sameJson(state.links, frame.links) ? state.links : frame.links,
    // Tallies follow the readouts' pace too (the canvas flashes a reached quorum in the very frame).
    quorums: flushReadouts ? sameItems(state.quorums, frame.quorums) : state.quorums,
    quorumOverlap:
      !flushReadouts || sameJson(state.quorumOverlap, frame.quorumOverlap) ? state.quorumOverlap : frame.quorumOverlap,
    network: sameJson(state.network, frame.network) ? state.network : frame.network,
    metrics:
      frame.metrics === undefined || !flushReadouts || sameJson(state.metrics, frame.metrics)
        ? state.metrics
        : frame.metrics,
  };
}

/** The answers a run's worker sends to requests, and who listens to its diagram, histories and frames. */
function answers(post: () => Post) {
  const waitingForScenario: ((update: ScenarioUpdate['scenario']) => void)[] = [];
  const waitingForFingerprint: ((update: FingerprintUpdate) => void)[] = [];
  const waitingForTrace: ((json: string) => void)[] = [];
  const diagramListeners = new Set<(update: DiagramUpdate) => void>();
  const historyListeners = new Set<(update: HistoryUpdate) => void>();
  const frameListeners = new Set<(frame: Frame) => void>();
  const listen =
    <T>(set: Set<(value: T) => void>) =>
    (listener: (value: T) => void): (() => void) => {
      set.add(listener);
      return () => set.delete(listener);
    };
  return {
    /** Hands an answer to whoever waits for it; false for an update that is not one. */
    route(update: Update): boolean {
      if (update.type === 'scenario') for (const resolve of waitingForScenario.splice(0)) resolve(update.scenario);
      else if (update.type === 'fingerprint') for (const resolve of waitingForFingerprint.splice(0)) resolve(update);
      else if (update.type === 'diagram' || update.type === 'diagram-file')
        for (const listener of diagramListeners) listener(update);
      else if (update.type === 'history' || update.type === 'history-error')
        for (const listener of historyListeners) listener(update);
      else if (update.type === 'trace-file') for (const resolve of waitingForTrace.splice(0)) resolve(update.json);
      else return false;
      return true;
    },
    framed(frame: Frame): void {
      for (const listener of frameListeners) listener(frame);
    },
    requestScenario: (): Promise<ScenarioUpdate['scenario']> =>
      new Promise((resolve) => {
        waitingForScenario.push(resolve);
        post()({ type: 'share' });
      }),
    requestFingerprint: (): Promise<FingerprintUpdate> =>
      new Promise((resolve) => {
        waitingForFingerprint.push(resolve);
        post()({ type: 'fingerprint' });
      }),
    requestTrace: (): Promise<string> =>
      new Promise((resolve) => {
        waitingForTrace.push(resolve);
        post()({ type: 'export-trace' });
      }),
    onDiagramUpdate: listen(diagramListeners),
    onHistoryUpdate: listen(historyListeners),
    onFrame: listen(frameListeners),
  };
}

export function createSimStore(wire: FlyingState = createFlying()): SimInstance {
  let loadsSent = 0;
  let post: Post = () => undefined;
  const useSim = newStore(
    () => post,
    () => ++loadsSent,
  );
  const applyFrame = frameApplier(useSim, wire);
  const replies = answers(() => post);
  return {
    useSim,
    flying: wire,
    connect: (send) => {
      post = send;
      useSim.setState((state) => ({ worker: state.worker + 1 }));
    },
    applyUpdate: (update) => {
      if (replies.route(update)) return;
      if (update.type === 'error') useSim.setState({ error: update.message });
      else if (update.type === 'notice') useSim.setState({ notice: update.message });
      else if (update.type === 'fatal') useSim.setState({ fatal: update.message, playing: false });
      else if (update.type === 'frame') {
        applyFrame(update);
        replies.framed(update);
      }
    },
    requestScenario: replies.requestScenario,
    requestFingerprint: replies.requestFingerprint,
    requestTrace: replies.requestTrace,
    onDiagramUpdate: replies.onDiagramUpdate,
    onHistoryUpdate: replies.onHistoryUpdate,
    onFrame: replies.onFrame,
    lastLoadSeq: () => loadsSent,
  };
}

/** The page's run. */
export const mainSim: SimInstance = createSimStore(flying);
export const useSim = mainSim.useSim;

/** The number the last Load sent got (each one gets the next). */
export function lastLoadSeq(): number {
  return mainSim.lastLoadSeq();
}

/** Wire the store to a new worker's postMessage (done by the worker client each time it starts one). */
export function connectStore(send: Post): void {
  mainSim.connect(send);
}

/** The client history view hears the histories the worker checked (the run's, or a file's) and file errors. */
export function onHistoryUpdate(listener: (update: HistoryUpdate) => void): () => void {
  return mainSim.onHistoryUpdate(listener);
}

/** The diagram (drawn in the worker) hears what the worker says about it: tooltip, summary, view, files. */
export function onDiagramUpdate(listener: (update: DiagramUpdate) => void): () => void {
  return mainSim.onDiagramUpdate(listener);
}

/** The run's whole trace as JSON (the worker keeps it; the page does not). */
export function requestTrace(): Promise<string> {
  return mainSim.requestTrace();
}

/** The run as a shareable scenario (header, actions so far, this moment). */
export function requestScenario(): Promise<ScenarioUpdate['scenario']> {
  return mainSim.requestScenario();
}

/** The trace fingerprint up to now: two runs that are event-for-event equal have equal fingerprints. */
export function requestFingerprint(): Promise<FingerprintUpdate> {
  return mainSim.requestFingerprint();
}

export function applyUpdate(update: Update): void {
  mainSim.applyUpdate(update);
}

function rolesChanged(shown: readonly ServerView[], incoming: readonly ServerView[]): boolean {
  if (shown.length !== incoming.length) return true;
  for (let i = 0; i < shown.length; i++) if (shown[i]!.role !== incoming[i]!.role) return true;
  return false;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The previous array when every item is unchanged, else a new one that reuses unchanged items. */
function sameItems<T>(previous: readonly T[], incoming: readonly T[]): readonly T[] {
  let changed = previous.length !== incoming.length;
  const merged = incoming.map((item, index) => {
    const old = previous[index];
    if (old !== undefined && sameJson(old, item)) return old;
    changed = true;
    return item;
  });
  return changed ? merged : previous;
}

function appendCapped<T>(current: readonly T[], more: readonly T[], cap: number): readonly T[] {
  if (more.length === 0) return current;
  const joined = current.length + more.length > cap ? [...current, ...more].slice(-cap) : [...current, ...more];
  return joined;
}
