/// <reference lib="webworker" />
// The Web Worker that owns the live run: it paces simulated time to the requested speed in small
// time-boxed chunks and posts at most one Frame per animation frame (after the page acks the last).
import { DEFAULT_HEADER } from '../sim/config';
import { DiagramHost, type DiagramSource } from './diagram';
import { LiveRun } from './engine';
import { workerText } from './text';
import { PANEL_REFRESH_MS, type Command, type Update } from './ipc';

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
  };
}

async function exportDiagram(format: 'svg' | 'png'): Promise<void> {
  const blob =
    format === 'svg'
      ? new Blob([diagram.exportSvg(diagramSource())], { type: 'image/svg+xml' })
      : await diagram.exportPng();
  if (blob !== null) post({ type: 'diagram-file', format, blob });
}

function handle(command: Command): void {
  switch (command.type) {
    case 'load': {
      const playing = command.play ?? run.playing;
      const speed = run.speed;
      run = new LiveRun(command.header, [...command.lines, ...(command.actions ?? [])]);
      newRun = true;
      runSeq = command.seq;
      run.speed = speed;
      if (command.cursor !== undefined) {
        const error = run.openAt(command.cursor, command.head);
        if (error !== null) post({ type: 'error', message: error });
        run.playing = false;
      } else run.playing = playing;
      break;
    }
    case 'share': {
      post({ type: 'scenario', scenario: run.scenario() });
      return;
    }
    case 'fingerprint':
      post({ type: 'fingerprint', fingerprint: run.fingerprint(), events: run.sim.trace.length, t: run.sim.now });
      return;
    case 'pause-at':
      run.setPauseAt(command.matcher);
      return;
    case 'play': {
      const full = run.historyFull();
      if (full !== null) {
        post({ type: 'error', message: full });
        return;
      }
      run.playing = true;
      lastTick = performance.now();
      break;
    }
    case 'pause':
      run.playing = false;
      break;
    case 'step':
    case 'step-phase': {
      run.playing = false;
      const full = run.historyFull();
      if (full !== null) post({ type: 'error', message: full });
      else if (command.type === 'step') run.step();
      else {
        const notice = run.stepPhase();
        if (notice !== null) post({ type: 'notice', message: notice });
      }
      break;
    }
    case 'speed': {
      const error = run.setSpeed(command.speed);
      if (error !== null) post({ type: 'error', message: error });
      break;
    }
    case 'line': {
      const error = run.runLine(command.text, command.source);
      if (error !== null && command.source === 'control') post({ type: 'error', message: error });
      break;
    }
    case 'seek':
      run.playing = false;
      run.seekTime(command.t);
      break;
    case 'seek-event':
      run.playing = false;
      run.seekEvent(command.index);
      break;
    case 'select': {
      const error = run.select(command.server);
      if (error !== null) post({ type: 'error', message: error });
      break;
    }
    case 'frame-ack':
      canPost = true;
      return;
    case 'diagram-attach':
      diagram.attach(command.canvas, command.overlay);
      return;
    case 'diagram-detach':
      diagram.detach();
      return;
    case 'diagram-view':
      diagram.setView(command.view);
      return;
    case 'diagram-pointer':
      diagram.setPointer(command.point);
      return;
    case 'diagram-click': {
      const target = diagram.click(diagramSource(), command.x, command.y);
      if (target !== null) handle(target);
      return;
    }
    case 'diagram-export':
      // A failed export is a refused command, not a broken simulation.
      void exportDiagram(command.format).catch((error: unknown) =>
        post({
          type: 'error',
          message: workerText.exportFailed(error instanceof Error ? error.message : String(error)),
        }),
      );
      return;
    case 'export-trace':
      post({ type: 'trace-file', json: JSON.stringify(run.fullTrace) });
      return;
    default:
      post({ type: 'error', message: workerText.badCommand() });
      return;
  }
  dirty = true;
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
      const frame = run.frame(detailDue);
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
