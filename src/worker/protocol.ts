// The typed messages between the UI and the simulation worker. The UI sends commands; the worker
// answers with at most one Frame per animation frame (what changed since the last one) and with errors
// as messages, never by dying.
import type { Header } from '../sim/config';
import type { Phase } from '../protocol/paxos/types';
import type { Role } from '../protocol/types';
import type { TraceEvent, WireKind } from '../sim/trace';
import type { EventMatcher } from '../scenario/matcher';
import type { Scenario, ScenarioAction, ScenarioCursor } from '../scenario/model';

/** Speeds the UI offers; 1x = one simulated millisecond per four real milliseconds (slow motion). */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
export const SIM_MS_PER_REAL_MS_AT_1X = 0.25;

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
    }
  /** Ask for the run as a shareable scenario (answered by a Scenario update). */
  | { readonly type: 'share' }
  /** Ask for the trace fingerprint up to now (answered by a Fingerprint update). */
  | { readonly type: 'fingerprint' }
  /** Lessons: pause when an event matching this appears (null: no pause point). */
  | { readonly type: 'pause-at'; readonly matcher: EventMatcher | null }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Process events until one that shows in the trace. */
  | { readonly type: 'step' }
  /** Run to the next phase mark: prepare, promise quorum, accept, accepted quorum or decide. */
  | { readonly type: 'step-phase' }
  | { readonly type: 'speed'; readonly speed: number }
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
  | { readonly type: 'export-trace' };

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
  readonly tip?: { readonly title: string; readonly lines: readonly string[] } | null;
}

export interface ServerView {
  readonly id: number;
  readonly up: boolean;
  readonly role: Role | 'crashed';
  /** Ballot this server leads or campaigns with, "-" when none, as "round.nK". */
  readonly ballot: string;
  readonly promised: string;
  readonly leader: number | null;
  /** Slots [0, decidedUpTo) are decided; [0, appliedUpTo) applied. */
  readonly decidedUpTo: number;
  readonly appliedUpTo: number;
  readonly lastZxid: string;
  readonly sessions: readonly string[];
}

export interface MessageView {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly kind: WireKind;
  readonly label: string;
  readonly sentAt: number;
  readonly deliverAt: number;
  /** Will be dropped (loss) when it arrives; cut links and dead servers drop it at arrival too. */
  readonly lost: boolean;
  /** Set on the second copy of a duplicated message. */
  readonly copyOf?: number;
}

export interface MessageEnd {
  readonly id: number;
  readonly outcome: 'delivered' | 'dropped';
  readonly reason?: 'loss' | 'cut' | 'down';
  readonly at: number;
}

/** What a trace event changes on the wire, as the page draws it. */
export function messageChange(event: TraceEvent, sent: MessageView[], ended: MessageEnd[]): void {
  switch (event.kind) {
    case 'send':
      sent.push({
        id: event.id,
        from: event.from,
        to: event.to,
        kind: event.wire,
        label: event.label,
        sentAt: event.t,
        deliverAt: event.deliverAt,
        lost: event.lost,
      });
      return;
    case 'duplicate':
      sent.push({
        id: event.id,
        from: event.from,
        to: event.to,
        kind: event.wire,
        label: event.label,
        sentAt: event.t,
        deliverAt: event.deliverAt,
        lost: false,
        copyOf: event.copyOf,
      });
      return;
    case 'deliver':
      ended.push({ id: event.id, outcome: 'delivered', at: event.t });
      return;
    case 'drop':
      ended.push({ id: event.id, outcome: 'dropped', reason: event.reason, at: event.t });
      return;
    default:
      return;
  }
}

/** A tally's identity: one proposer, one kind of vote, one ballot, one slot. */
export function quorumKey(q: QuorumView): string {
  return `${q.server}:${q.vote}:${q.ballot}:${q.slot ?? ''}`;
}

/** A proposer's running tally of Promise or Accepted votes. */
export interface QuorumView {
  readonly server: number;
  readonly vote: 'promise' | 'accepted';
  readonly ballot: string;
  readonly slot?: number;
  readonly voters: readonly number[];
  readonly needed: number;
  /** Simulated time the quorum was reached, if it was. */
  readonly reachedAt?: number;
}

export interface LogEntryView {
  readonly slot: number;
  /** Accepted ballot as "round.nK", or "-" when nothing accepted. */
  readonly ballot: string;
  readonly text: string;
  readonly chosen: boolean;
  readonly applied: boolean;
  readonly zxid?: string;
}

export interface ZnodeView {
  readonly path: string;
  readonly name: string;
  readonly depth: number;
  readonly data: string;
  readonly version: number;
  readonly cversion: number;
  readonly mzxid: string;
  readonly ephemeralOwner: string | null;
  readonly numChildren: number;
  /** "c1 data", "c2 child", ... */
  readonly watches: readonly string[];
  /** Changed by the most recent transaction this server applied (the UI flashes it). */
  readonly changed: boolean;
}

export interface ServerDetail {
  readonly server: number;
  readonly log: readonly LogEntryView[];
  readonly znodes: readonly ZnodeView[];
  /** Highest decided slot on any server: entries of this server below it that are missing are stale. */
  readonly clusterDecidedUpTo: number;
}

export interface LinkView {
  readonly from: number;
  readonly to: number;
  readonly up: boolean;
}

export type ConsoleEntry =
  | { readonly kind: 'input'; readonly text: string; readonly t: number }
  | {
      readonly kind: 'output';
      readonly text: string;
      readonly t: number;
      readonly session?: string;
      readonly ok: boolean;
    }
  | { readonly kind: 'watch'; readonly text: string; readonly t: number; readonly session: string }
  | { readonly kind: 'error'; readonly text: string; readonly t: number };

/** A short line about one trace event, for the event log and for Step. */
export interface EventNote {
  readonly index: number;
  readonly t: number;
  readonly text: string;
  readonly phase?: Phase;
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
  /** Every directed link; sent when one changed (and on the first frame). */
  readonly links?: readonly LinkView[];
  /** Messages sent and ended since the previous frame; on a reset frame, what is on the wire at that moment. */
  readonly sent: readonly MessageView[];
  readonly ended: readonly MessageEnd[];
  /** `sent` is what is on the wire now, replacing the page's (the page took no frame for a long while). */
  readonly messagesAfresh?: boolean;
  readonly quorums: readonly QuorumView[];
  /** Only when the selected server's log or tree changed. */
  readonly detail?: ServerDetail;
  readonly console: readonly ConsoleEntry[];
  readonly events: readonly EventNote[];
  /** `events` replace the page's list (after a reset, or when the run stops after notes were left out). */
  readonly eventsAfresh?: boolean;
  /** A lesson's pause point was reached at this trace index (reported once). */
  readonly pausedAt?: number;
  /** Set when a Load replaced the run: the UI drops what it kept of the old one. */
  readonly reset: boolean;
  /** The first frame of a run a Load started (a seek is a reset too, but the same run). */
  readonly newRun?: boolean;
  /** With `newRun`: the Load's number, when it had one. */
  readonly runSeq?: number;
  readonly network: {
    readonly latencyMin: number;
    readonly latencyMax: number;
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
  /** The simulation itself failed; the page offers a restart. */
  | { readonly type: 'fatal'; readonly message: string };
