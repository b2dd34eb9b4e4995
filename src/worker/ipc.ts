// The typed messages between the UI and the simulation worker. The UI sends commands; the worker
// answers with at most one Frame per animation frame (what changed since the last one) and with errors
// as messages, never by dying.
import type { LiveViolation } from '../check/live';
import type { Header } from '../sim/config';
import type { Language } from '../script/language';
import type { PausePoint } from '../scenario/matcher';
import type { ClientHistoryView } from '../view/clientHistory';
import type { CompareMetrics } from '../view/compare/metrics';
import type { PauseFacts } from '../view/lessons/facts';
import type { Tip } from '../view/diagram/paint';
import type { TimerView } from '../view/cluster/timer';
import type { Scenario, ScenarioAction, ScenarioCursor } from '../scenario/model';
import type {
  ConsoleEntry,
  EventNote,
  LinkView,
  MessageEnd,
  MessageView,
  QuorumOverlapView,
  QuorumView,
  ServerDetail,
  ServerView,
} from '../view/projections';

/** Speeds the UI offers; 1x = one simulated millisecond per four real milliseconds (slow motion). */
export { MAX_SPEED, MIN_SPEED, SIM_MS_PER_REAL_MS_AT_1X } from '../scenario/timeline/pacing';

/** While playing, the side panels and server cards refresh at most this often (wall ms): the page flushes them
 *  at this pace, and the worker sends the selected server's log and tree no more often. */
export const PANEL_REFRESH_MS = 250;

export type Command =
  /**
   * Start over with this header. `lines` run in order at time 0; `actions` replay at their recorded moments;
   * with `cursor` the run goes to that moment and pauses (a shared link).
   */
  | {
      readonly type: 'load';
      readonly header: Header;
      readonly lines: readonly string[];
      readonly actions?: readonly ScenarioAction[];
      readonly cursor?: ScenarioCursor;
      /** With `cursor`: how far the shared run went; it is replayed that far, then the cursor is sought. */
      readonly head?: ScenarioCursor;
      /** Play from the start (default: keep playing if it was). */
      readonly play?: boolean;
      /** The page numbers its loads (rising): the run's first frame carries the number back as `runSeq`. */
      readonly seq?: number;
      /** The compare view's run: frames carry its figures (`metrics`) and its next event's time (`nextAt`). */
      readonly metrics?: boolean;
    }
  /** The language the page shows: the worker's messages and notes follow it, and the notes it sent come again. */
  | { readonly type: 'language'; readonly language: Language }
  /** Ask for the run as a shareable scenario (answered by a Scenario update). */
  | { readonly type: 'share' }
  /** Ask for the trace fingerprint up to now (answered by a Fingerprint update). */
  | { readonly type: 'fingerprint' }
  /** Lessons: pause when an event matching this appears (null: no pause point). */
  | { readonly type: 'pause-at'; readonly matcher: PausePoint | null }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Process events until one that shows in the trace. */
  | { readonly type: 'step' }
  /** Run to the next phase mark: prepare, promise quorum, accept, accepted quorum or decide. */
  | { readonly type: 'step-phase' }
  | { readonly type: 'speed'; readonly speed: number }
  /**
   * The compare view's clock: run to simulated time `t` exactly (both runs go to the same moments); `playing` says
   * whether the view is playing, so the page draws the messages moving between two such moments.
   */
  | { readonly type: 'advance-to'; readonly t: number; readonly playing: boolean }
  /** A scenario line (console input or a control such as "kill n2"); it runs now and is recorded. */
  | { readonly type: 'line'; readonly text: string; readonly source: 'console' | 'control' }
  /** Time travel: go to a simulated time, or to just after a trace event. */
  | { readonly type: 'seek'; readonly t: number }
  | { readonly type: 'seek-event'; readonly index: number }
  /** Whose log and znode tree the frames describe. */
  | { readonly type: 'select'; readonly server: number }
  /** The UI drew the last frame: the worker may post the next one. */
  | { readonly type: 'frame-ack' }
  /** The space-time diagram's canvases, handed to the worker (transferred), which draws the diagram on them. */
  | { readonly type: 'diagram-attach'; readonly canvas: OffscreenCanvas; readonly overlay: OffscreenCanvas }
  /** The diagram went from the page: stop drawing it. */
  | { readonly type: 'diagram-detach' }
  | { readonly type: 'diagram-view'; readonly view: DiagramViewRequest }
  /** Where the pointer is over the diagram (css px), null when it left: the worker highlights what is under it. */
  | { readonly type: 'diagram-pointer'; readonly point: { readonly x: number; readonly y: number } | null }
  /** A click in the diagram: go to the event under it, or to that moment. */
  | { readonly type: 'diagram-click'; readonly x: number; readonly y: number }
  /** Ask for the visible diagram as a file (answered by a DiagramFile update). */
  | { readonly type: 'diagram-export'; readonly format: 'svg' | 'png' }
  /** Ask for the run's whole trace as JSON (answered by a TraceFile update). */
  | { readonly type: 'export-trace' }
  /** The client history view of the run up to now (it follows seeks). */
  | { readonly type: 'history' }
  /** A Jepsen-style history file to check and draw. */
  | { readonly type: 'history-file'; readonly file: string; readonly body: string };

/** How the page shows the diagram: its size in css px and device pixels per px, the time axis (x = tx + k·t). */
export interface DiagramViewRequest {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly tx: number;
  readonly k: number;
  /** Keep the cursor in view (the worker moves tx as the run goes). */
  readonly follow: boolean;
  readonly showHeartbeats: boolean;
  /** Counts the page's view requests: news carries the last one it saw, so the page can ignore stale views. */
  readonly seq: number;
}

/** What the diagram tells the page after painting: where following moved the view, its text summary for
 *  screen readers, and what the tooltip says about the thing under the pointer (null: nothing). */
export interface DiagramNews {
  readonly type: 'diagram';
  /** Where following moved the view, as of the page's view request `viewSeq`. */
  readonly tx?: number;
  readonly k?: number;
  readonly viewSeq?: number;
  readonly summary?: string;
  readonly tip?: Tip | null;
  /** The pointer the hover now answers (sent after every pointer the worker looked at, tip changed or not). */
  readonly hovered?: { readonly x: number; readonly y: number } | null;
}

export interface Frame {
  readonly type: 'frame';
  readonly now: number;
  /** Trace events up to now (the cursor in the run). */
  readonly eventCount: number;
  /** How far the run has gone: after a seek back, the future up to here is kept until an action forks it. */
  readonly head: { readonly t: number; readonly events: number };
  readonly playing: boolean;
  readonly speed: number;
  readonly header: Header;
  readonly servers: readonly ServerView[];
  /** Each server's running timer, by id - 1 (null while down or idle); apart from `servers`, whose cards change
   *  far less often than timers are set. */
  readonly timers: readonly (TimerView | null)[];
  /** Every directed link; sent when one changed (and on the first frame). */
  readonly links?: readonly LinkView[];
  /** Messages sent and ended since the previous frame; on a reset frame, what is on the wire at that moment. */
  readonly sent: readonly MessageView[];
  readonly ended: readonly MessageEnd[];
  /** `sent` is what is on the wire now, replacing the page's (the page took no frame for a long while). */
  readonly messagesAfresh?: boolean;
  readonly quorums: readonly QuorumView[];
  /** The latest reached quorum and the earlier one it shares servers with, if any. */
  readonly quorumOverlap: QuorumOverlapView | null;
  /** Only when the selected server's log or tree changed. */
  readonly detail?: ServerDetail;
  readonly console: readonly ConsoleEntry[];
  readonly events: readonly EventNote[];
  /** `events` replace the page's list (after a reset, or when the run stops after notes were left out). */
  readonly eventsAfresh?: boolean;
  /** A lesson's pause point was reached at this trace index (reported once). */
  readonly pausedAt?: number;
  /** With `pausedAt`: what the run shows there, for the lesson step's narration (see view/lessons/facts). */
  readonly pauseFacts?: PauseFacts;
  /** The idle wait (only heartbeats) a lesson's play fast-forwarded through last, in simulated ms. */
  readonly skipped?: { readonly from: number; readonly to: number };
  /** The trace index of the phase mark Step phase stopped at, while the run stays there. */
  readonly phaseStop?: number;
  /** Each invariant's first violation in the run's history; sent when the list changed (and on a reset). */
  readonly violations?: readonly LiveViolation[];
  /** The compare view's figures for this run (runs loaded with `metrics` only). */
  readonly metrics?: CompareMetrics;
  /** With `metrics`: the simulated time of the run's next event (the compare view's Step goes to the earlier). */
  readonly nextAt?: number;
  /** Set when a Load replaced the run: the UI drops what it kept of the old one. */
  readonly reset: boolean;
  /** The first frame of a run a Load started (a seek is a reset too, but the same run). */
  readonly newRun?: boolean;
  /** With `newRun`: the Load's number, when it had one. */
  readonly runSeq?: number;
  readonly network: {
    readonly latencyMsMin: number;
    readonly latencyMsMax: number;
    readonly loss: number;
    readonly dup: number;
  };
}

export type Update =
  | Frame
  /** A command that could not be carried out; nothing changed. */
  | { readonly type: 'error'; readonly message: string }
  /** Something a command did that a person should know (it was carried out). */
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'scenario'; readonly scenario: Scenario & { readonly cursor: ScenarioCursor } }
  | { readonly type: 'fingerprint'; readonly fingerprint: string; readonly events: number; readonly t: number }
  | DiagramNews
  | { readonly type: 'diagram-file'; readonly format: 'svg' | 'png'; readonly blob: Blob }
  | { readonly type: 'trace-file'; readonly json: string }
  | { readonly type: 'history'; readonly view: ClientHistoryView }
  /** A history file that could not be read: the message names the file and the line. */
  | { readonly type: 'history-error'; readonly message: string }
  /** The simulation itself failed; the page offers a restart. */
  | { readonly type: 'fatal'; readonly message: string };
