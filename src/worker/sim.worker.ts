/// <reference lib="webworker" />
// The Web Worker that owns the live run: it paces simulated time to the requested speed in small
// time-boxed chunks and posts at most one Frame per animation frame (after the page acks the last).
import { fileHistoryView, runHistoryView } from '../view/clientHistory';
import { breakingFocus } from '../view/safety';
import { DEFAULT_HEADER } from '../sim/config';
import { isLanguage, setLanguage } from '../script/language';
import { DiagramHost, type DiagramSource } from './diagram';
import { LiveRun } from './engine';
import { workerText } from './text';
import { PANEL_REFRESH_MS, type Command, type Frame, type Update } from './ipc';
import { absorbTrace, metricsOf, newMetricsState, type MetricsState } from '../view/compare/metrics';

declare const self: DedicatedWorkerGlobalScope;

/** Wall-clock budget for simulating per chunk, so the worker stays responsive to commands. */
const CHUNK_BUDGET_MS = 6;
const TICK_MS = 8;
/** A frame unanswered this long means the page is not drawing. */
const PAGE_GONE_MS = 1_000;

let run = new LiveRun(DEFAULT_HEADER);
const diagram = new DiagramHost();
let lastTick = performance.now();
let detailSentAt = 0;
let canPost = true;
/** When the last frame went out unanswered: a page that stopped acking (a hidden tab) is not drawing either. */
let postedAt = 0;
let dirty = true;
/** A Load started another run: its first frame says so, with the Load's number. (The worker's own first run is
 *  not a Load.) */
let newRun = false;
let runSeq: number | undefined;
let failed = false;
/** The compare view's run: its figures, folded as the trace grows. */
let metrics: MetricsState | null = null;
/** The compare view is playing (it moves this run on by `advance-to`; the run itself stays paused). */
let driven = false;

function post(update: Update): void {
  self.postMessage(update);
}

function diagramSource(): DiagramSource {
  return {
    events: run.fullTrace,
    servers: run.header.servers,
    now: run.sim.now,
    head: run.head.t,
    playing: run.playing,
    payloadOf: run.payloadOf,
    marked: breakingFocus(run.violations, run.sim.trace.length)?.events,
  };
}

async function exportDiagram(format: 'svg' | 'png'): Promise<void> {
  const blob =
    format === 'svg'
      ? new Blob([diagram.exportSvg(diagramSource())], { type: 'image/svg+xml' })
      : await diagram.exportPng();
  if (blob !== null) post({ type: 'diagram-file', format, blob });
}

function loadRun(command: Extract<Command, { type: 'load' }>): boolean {
  const playing = command.play ?? run.playing;
  const speed = run.speed;
  run = new LiveRun(command.header, [...command.lines, ...(command.actions ?? [])]);
  metrics = command.metrics === true ? newMetricsState() : null;
  driven = false;
  newRun = true;
  runSeq = command.seq;
  run.speed = speed;
  if (command.cursor !== undefined) {
    const error = run.openAt(command.cursor, command.head);
    if (error !== null) post({ type: 'error', message: error });
    run.playing = false;
  } else run.playing = playing;
  return true;
}

function play(): boolean {
  const full = run.historyFull();
  if (full !== null) {
    post({ type: 'error', message: full });
    return false;
  }
  run.playing = true;
  lastTick = performance.now();
  return true;
}

function step(command: Extract<Command, { type: 'step' | 'step-phase' }>): boolean {
  run.playing = false;
  const full = run.historyFull();
  if (full !== null) post({ type: 'error', message: full });
  else if (command.type === 'step') run.step();
  else {
    const notice = run.stepPhase();
    if (notice !== null) post({ type: 'notice', message: notice });
  }
  return true;
}

/** Posts a refusal, if there is one; the page gets a new frame either way. */
function refusal(error: string | null): boolean {
  if (error !== null) post({ type: 'error', message: error });
  return true;
}

function exportDiagramOrSay(format: 'svg' | 'png'): boolean {
  // A failed export is a refused command, not a broken simulation.
  void exportDiagram(format).catch((error: unknown) =>
    post({ type: 'error', message: workerText.exportFailed(error instanceof Error ? error.message : String(error)) }),
  );
  return false;
}

/** One handler per command; each says whether the page must get a new frame. */
const handlers: { readonly [K in Command['type']]: (command: Extract<Command, { type: K }>) => boolean } = {
  load: loadRun,
  language: (command) => {
    if (!isLanguage(command.language)) return refusal(workerText.badCommand());
    setLanguage(command.language);
    run.relabel();
    return true;
  },
  share: () => {
    post({ type: 'scenario', scenario: run.scenario() });
    return false;
  },
  fingerprint: () => {
    post({ type: 'fingerprint', fingerprint: run.fingerprint(), events: run.sim.trace.length, t: run.sim.now });
    return false;
  },
  'pause-at': (command) => {
    run.setPauseAt(command.matcher);
    return false;
  },
  play,
  pause: () => {
    run.playing = false;
    driven = false;
    return true;
  },
  'advance-to': (command) => {
    run.playing = false;
    driven = command.playing;
    if (Number.isFinite(command.t)) run.runUntil(command.t);
    return true;
  },
  step,
  'step-phase': step,
  speed: (command) => refusal(run.setSpeed(command.speed)),
  line: (command) => {
    const error = run.runLine(command.text, command.source);
    if (error !== null && command.source === 'control') post({ type: 'error', message: error });
    return true;
  },
  seek: (command) => {
    run.playing = false;
    driven = false;
    run.seekTime(command.t);
    return true;
  },
  'seek-event': (command) => {
    run.playing = false;
    run.seekEvent(command.index);
    return true;
  },
  select: (command) => refusal(run.select(command.server)),
  'frame-ack': () => {
    canPost = true;
    return false;
  },
  'diagram-attach': (command) => {
    diagram.attach(command.canvas, command.overlay);
    return false;
  },
  'diagram-detach': () => {
    diagram.detach();
    return false;
  },
  'diagram-view': (command) => {
    diagram.setView(command.view);
    return false;
  },
  'diagram-pointer': (command) => {
    diagram.setPointer(command.point);
    return false;
  },
  'diagram-click': (command) => {
    const target = diagram.click(diagramSource(), command.x, command.y);
    if (target !== null) handle(target);
    return false;
  },
  'diagram-export': (command) => exportDiagramOrSay(command.format),
  'export-trace': () => {
    post({ type: 'trace-file', json: JSON.stringify(run.fullTrace) });
    return false;
  },
  history: () => {
    post({ type: 'history', view: runHistoryView(run.sim.trace) });
    return false;
  },
  'history-file': (command) => {
    const read = fileHistoryView(command.file, command.body);
    post('view' in read ? { type: 'history', view: read.view } : { type: 'history-error', message: read.error });
    return false;
  },
};

function handle(command: Command): void {
  // The page is trusted but checked: an unknown command is refused (own keys only, never Object's).
  if (!Object.hasOwn(handlers, command.type)) {
    post({ type: 'error', message: workerText.badCommand() });
    return;
  }
  const handler = handlers[command.type] as (command: Command) => boolean;
  if (handler(command)) dirty = true;
}

self.onmessage = (event: MessageEvent<Command>) => {
  if (failed) return;
  try {
    handle(event.data);
  } catch (error) {
    fail(error);
  }
};

function fail(error: unknown): void {
  failed = true;
  post({ type: 'fatal', message: workerText.workerCrashed(error instanceof Error ? error.message : String(error)) });
}

/** The compare view's additions to a frame: the run's figures, and whether the view is playing. */
function withMetrics(frame: Frame): Frame {
  if (metrics === null) return frame;
  metrics = absorbTrace(metrics, run.sim.trace);
  return { ...frame, playing: frame.playing || driven, metrics: metricsOf(metrics), nextAt: run.sim.nextEventTime() };
}

function tick(): void {
  if (failed) return;
  try {
    const start = performance.now();
    const wasPlaying = run.playing;
    run.advance(start - lastTick, () => performance.now() - start > CHUNK_BUDGET_MS);
    lastTick = start;
    // A lesson's pause point stopped the run: the page must still get the frame that says so.
    if (wasPlaying && !run.playing) dirty = true;
    if (canPost && (dirty || run.playing)) {
      const detailDue = dirty || !run.playing || start - detailSentAt >= PANEL_REFRESH_MS;
      if (detailDue) detailSentAt = start;
      const frame = withMetrics(run.frame(detailDue));
      post(newRun ? { ...frame, newRun: true, ...(runSeq === undefined ? {} : { runSeq }) } : frame);
      newRun = false;
      postedAt = start;
      canPost = false;
      dirty = false;
    }
    // The diagram is painted only while the page is drawing (a hidden tab stops acking frames).
    if (canPost || start - postedAt < PAGE_GONE_MS) {
      const news = diagram.tick(diagramSource(), performance.now());
      if (news !== null) post(news);
    }
  } catch (error) {
    fail(error);
    return;
  }
  setTimeout(tick, TICK_MS);
}

tick();
