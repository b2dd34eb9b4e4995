// The live run behind the page: one simulator, paced by the caller, turned into Frames.
// Free of worker globals and timers, so Node tests drive it directly; sim.worker.ts adds the pacing.
import { formatBallot } from '../protocol/paxos/ballot';
import type { Line } from '../script/ast';
import type { Header } from '../sim/config';
import { formatParseError, parseConsoleLine } from '../script/parse';
import { ScriptRunner, SETTLE_BOUND_MS, type RunnerState } from '../script/run';
import { describeTxn as describeTxnText } from '../sim/describe';
import type { WorldSnapshot, Simulator } from '../sim/simulator';
import type { TraceEvent } from '../sim/trace';
import { traceFingerprint } from '../sim/fingerprint';
import { formatZxid } from '../zk/format';
import { matchesEvent, type EventMatcher } from '../scenario/matcher';
import type { ScenarioCursor } from '../scenario/model';
import { describeEvent } from '../view/events/text';
import type {
  ConsoleEntry,
  EventNote,
  LinkView,
  LogEntryView,
  MessageEnd,
  MessageView,
  QuorumView,
  ServerDetail,
  ServerView,
  ZnodeView,
} from '../view/projections';
import { MAX_SPEED, MIN_SPEED, SIM_MS_PER_REAL_MS_AT_1X, type Frame } from './ipc';
import { workerText } from './text';

/** A user action as the scenario records it: the line, and exactly when it ran. */
export interface RecordedAction {
  /** Queue events processed before it ran; -1 when unknown (an imported script): then it runs once time reaches t. */
  events: number;
  readonly t: number;
  readonly text: string;
}

interface Snapshot {
  readonly events: number;
  readonly now: number;
  readonly sim: WorldSnapshot;
  readonly runner: RunnerState;
  readonly nextAction: number;
  readonly consoleLength: number;
  readonly quorums: Map<string, QuorumView>;
}

const MAX_NOTES_PER_FRAME = 200;
/** While playing the page shows only the newest few notes: a frame carries at most this many (the rest is the
 *  bulk of a frame at 25 servers). When the run stops, the next frame sends the latest notes whole again. */
const NOTES_PER_FRAME_PLAYING = 40;
/** Trace events a frame reads messages from: further behind (the page stopped taking frames, a hidden tab), the
 *  frame lists what is on the wire now instead, as a reset does. */
const MAX_MESSAGE_EVENTS_PER_FRAME = 20_000;
const MAX_LOG_ENTRIES = 300;
/** How long a reached quorum stays on screen (simulated ms). */
const QUORUM_LINGER_MS = 400;
/** How far `step` may run looking for what it steps to (simulated ms). */
const STEP_BOUND_MS = 60_000;
const PHASE_BOUND_MS = 10_000;
/** Queue events between time-travel snapshots: a seek replays at most this many (about 1,000 trace events). */
export const SNAPSHOT_EVERY = 1_000;
/** Console entries sent again after a seek. */
const MAX_CONSOLE_RESENT = 1_000;
/** The longest shared run a link may ask the page to replay (simulator events). */
export const MAX_REPLAY_EVENTS = 3_000_000;
/** The most trace events a run keeps (about 250 MB in the worker with its snapshots): play stops there, so a
 *  tab left running at 100x does not run out of memory. Seeking back and acting (a fork) frees room again. */
export const MAX_HISTORY_EVENTS = 1_000_000;

export class LiveRun {
  readonly header: Header;
  private runner: ScriptRunner;
  playing = false;
  speed = 1;
  selected = 1;
  /** Every user action of this run, past and (after a seek back) future; acting in the past drops the future. */
  readonly actions: RecordedAction[] = [];
  private nextAction = 0;
  /** The latest simulated time this run's history reaches. */
  private headT = 0;
  /** Simulator events processed at the furthest point this run reached (a link made in the past carries it). */
  private headEvents = 0;
  /** A lesson's pause point, and the trace index where it was reached (reported once in a frame). */
  private pauseAt: EventMatcher | null = null;
  private matchSeen = 0;
  private pausedAt: number | null = null;
  private seeking = false;
  /** Fraction of a simulated millisecond that play has owed since the last whole one. */
  private timeCarry = 0;
  /** The longest trace known: after a seek back it still holds the future, until a fork replaces it. */
  private history: TraceEvent[] = [];
  private traceSeen = 0;
  /** Trace events folded into quorums and applied zxids so far. */
  private stateSeen = 0;
  private recordsSeen = 0;
  private consoleLines = 0;
  private readonly consoleLog: ConsoleEntry[] = [];
  /** Console lines that were refused: shown once, never replayed. */
  private rejected: ConsoleEntry[] = [];
  private consoleSent = 0;
  private quorums = new Map<string, QuorumView>();
  private linksDirty = true;
  private detailSignature = '';
  /** Notes were left out of a frame while playing (the page's list has gaps until it gets them afresh). */
  private notesLeftOut = false;
  private resetPending = true;
  private snapshots: Snapshot[] = [];

  /** The most trace events this run keeps (MAX_HISTORY_EVENTS; tests use less). */
  private readonly historyLimit: number;

  /** A run from time 0: `actions` are replayed at their recorded moments (plain lines run at once). */
  constructor(header: Header, actions: readonly (RecordedAction | string)[] = [], historyLimit = MAX_HISTORY_EVENTS) {
    this.header = header;
    this.historyLimit = historyLimit;
    this.runner = new ScriptRunner({ header, lines: [] }, true);
    for (const action of actions) {
      this.actions.push(typeof action === 'string' ? { events: 0, t: 0, text: action } : { ...action });
    }
    this.noteProgress();
    this.forwardTo(0);
  }

  get sim(): Simulator {
    return this.runner.sim;
  }

  get snapshotCount(): number {
    return this.snapshots.length;
  }

  /** For memory measurements (npm run bench): keep only the first snapshot; seeks then replay from the start. */
  forgetSnapshots(): void {
    this.snapshots.length = Math.min(1, this.snapshots.length);
  }

  /** The longest trace known, the future included after a seek back (the space-time diagram draws it). */
  get fullTrace(): readonly TraceEvent[] {
    return this.history;
  }

  /** The furthest simulated time and trace length this run has reached. */
  get head(): { t: number; events: number } {
    // headT holds the furthest time once the clock has gone back (a seek); live play is ahead of it.
    return { t: Math.max(this.headT, this.sim.now), events: this.history.length };
  }

  setSpeed(speed: number): string | null {
    if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED)
      return workerText.badSpeed(speed, MIN_SPEED, MAX_SPEED);
    this.speed = speed;
    return null;
  }

  select(server: number): string | null {
    if (!Number.isInteger(server) || server < 1 || server > this.header.servers)
      return workerText.noSuchServer(server, this.header.servers);
    this.selected = server;
    this.detailSignature = '';
    return null;
  }

  /** Advance by `realMs` of wall time at the current speed, stopping early when `outOfTime()` says so. */
  advance(realMs: number, outOfTime: () => boolean): void {
    if (!this.playing) return;
    // Whole simulated milliseconds only, so recorded action times stay short in links; the rest carries over.
    this.timeCarry += realMs * SIM_MS_PER_REAL_MS_AT_1X * this.speed;
    const whole = Math.floor(this.timeCarry);
    this.timeCarry -= whole;
    if (whole > 0) this.forwardTo(this.sim.now + whole, outOfTime);
  }

  /**
   * Run to simulated time `target`: recorded actions at their moments, events in order, snapshots on the way.
   * A time box ends only between instants, so that actions recorded at the stopping point replay exactly.
   */
  private forwardTo(target: number, outOfTime?: () => boolean, applyActions = true): void {
    const sim = this.sim;
    for (;;) {
      if (applyActions && this.applyDueAction(target)) continue;
      const at = sim.nextEventTime();
      if (at > target) break;
      this.stepOne();
      // Only play stops at the history limit: a wait or a replay runs whole, so it replays the same.
      if (this.pauseReached() || (outOfTime !== undefined && this.stopAtLimit())) return;
      if (outOfTime !== undefined && sim.nextEventTime() !== at && this.dueAction() === null && outOfTime()) return;
    }
    if (target > sim.now && Number.isFinite(target)) sim.now = target;
  }

  /** Pause where a lesson asked to (only while playing or stepping; seeks replay straight through). */
  setPauseAt(matcher: EventMatcher | null): void {
    this.pauseAt = matcher;
    this.matchSeen = this.sim.trace.length;
  }

  private pauseReached(): boolean {
    const matcher = this.pauseAt;
    if (matcher === null || this.seeking) return false;
    const trace = this.sim.trace;
    for (; this.matchSeen < trace.length; this.matchSeen++) {
      if (matchesEvent(trace[this.matchSeen]!, matcher)) {
        this.pausedAt = this.matchSeen;
        this.matchSeen++;
        this.pauseAt = null;
        this.playing = false;
        return true;
      }
    }
    return false;
  }

  /** Why the run cannot go further (its history is full and the cursor is at its end), or null. */
  historyFull(): string | null {
    const full = this.history.length >= this.historyLimit && this.sim.trace.length >= this.history.length;
    return full ? workerText.historyFull(this.historyLimit) : null;
  }

  /** Play stops when the history is full (seeks replay what is kept, so they never reach it). */
  private stopAtLimit(): boolean {
    if (this.seeking) return false;
    const full = this.historyFull();
    if (full === null) return false;
    this.consoleLog.push({ kind: 'error', text: full, t: this.sim.now });
    this.playing = false;
    return true;
  }

  private stepOne(): void {
    this.sim.stepEvent();
    this.noteProgress();
  }

  private noteProgress(): void {
    const sim = this.sim;
    if (sim.eventsProcessed > this.headEvents) this.headEvents = sim.eventsProcessed;
    this.absorbRecords();
    for (; this.stateSeen < sim.trace.length; this.stateSeen++) this.absorbState(sim.trace[this.stateSeen]!);
    const last = this.snapshots[this.snapshots.length - 1];
    if (last === undefined || sim.eventsProcessed - last.events >= SNAPSHOT_EVERY) this.takeSnapshot();
    // Running past the known history (new ground) extends it.
    if (sim.trace.length > this.history.length) {
      for (let i = this.history.length; i < sim.trace.length; i++) this.history.push(sim.trace[i]!);
    }
  }

  private takeSnapshot(): void {
    const sim = this.sim;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last !== undefined && last.events >= sim.eventsProcessed) return;
    // Tallies that are done are dropped here too, not only when a frame is drawn (a fast replay draws none).
    this.expireQuorums();
    this.snapshots.push({
      events: sim.eventsProcessed,
      now: sim.now,
      sim: sim.snapshot(),
      runner: this.runner.saveState(),
      nextAction: this.nextAction,
      consoleLength: this.consoleLogLength(),
      quorums: structuredClone(this.quorums),
    });
    this.thinSnapshots();
  }

  /**
   * Keep about 4·√(events / SNAPSHOT_EVERY) snapshots: when there are more, every second one in the older half
   * goes. Memory then grows with the square root of the run, and a seek replays at most a few thousand events.
   */
  private thinSnapshots(): void {
    const limit = Math.ceil(4 * Math.sqrt(this.sim.eventsProcessed / SNAPSHOT_EVERY)) + 8;
    if (this.snapshots.length <= limit) return;
    const half = Math.floor(this.snapshots.length / 2);
    this.snapshots = this.snapshots.filter((_, index) => index === 0 || index >= half || index % 2 === 0);
  }

  /** The next recorded action if it is due now (before the next event), else null. */
  private dueAction(): RecordedAction | null {
    const action = this.actions[this.nextAction];
    if (action === undefined) return null;
    const sim = this.sim;
    const due = action.events >= 0 ? action.events <= sim.eventsProcessed : sim.nextEventTime() > action.t;
    return due ? action : null;
  }

  private applyDueAction(limit: number): boolean {
    const action = this.dueAction();
    if (action === null || action.t > limit) return false;
    const sim = this.sim;
    if (action.t > sim.now) sim.now = action.t;
    if (action.events < 0) action.events = sim.eventsProcessed;
    this.nextAction++;
    this.execute(action.text, 'console');
    return true;
  }

  /** One event that shows in the trace. */
  step(): void {
    const sim = this.sim;
    const before = sim.trace.length;
    const deadline = sim.now + STEP_BOUND_MS;
    while (sim.trace.length === before && sim.nextEventTime() <= deadline && this.historyFull() === null) {
      if (this.applyDueAction(deadline)) continue;
      this.stepOne();
    }
    this.pauseReached();
  }

  /** Up to the next phase mark (prepare, promise quorum, accept, accepted quorum, decide); when none comes
   *  within PHASE_BOUND_MS, says so (nothing is being agreed on: only heartbeats went by). */
  stepPhase(): string | null {
    const sim = this.sim;
    let scanned = sim.trace.length;
    const start = sim.now;
    const deadline = start + PHASE_BOUND_MS;
    while (sim.nextEventTime() <= deadline) {
      if (!this.applyDueAction(deadline)) this.stepOne();
      if (this.pauseReached() || this.stopAtLimit()) return null;
      for (; scanned < sim.trace.length; scanned++) if (sim.trace[scanned]!.kind === 'phase') return null;
    }
    return workerText.noPhase(Math.round(sim.now - start));
  }

  /** Go to simulated time `t` (clamped to the run so far): the nearest snapshot, then replay. */
  seekTime(t: number): void {
    const target = Math.max(0, Math.min(t, this.head.t));
    this.restoreBefore((snapshot) => snapshot.now <= target);
    this.seeking = true;
    this.forwardTo(target);
    this.seeking = false;
    this.afterSeek();
  }

  /** Go to just after trace event `index` (clamped to the run so far). */
  seekEvent(index: number): void {
    const target = Math.max(0, Math.min(index, this.history.length - 1));
    this.restoreBefore((snapshot) => snapshot.sim.trace.length <= target);
    this.seeking = true;
    const sim = this.sim;
    while (sim.trace.length <= target && sim.nextEventTime() < Infinity) {
      if (!this.applyDueAction(Infinity)) this.stepOne();
    }
    this.seeking = false;
    this.afterSeek();
  }

  /**
   * Replay to a shared moment: `events` simulator events processed, clock at `t` (the run's recorded actions on the way).
   * Returns an error for a moment too far away to replay here.
   */
  runTo(cursor: { events: number; t: number }): string | null {
    if (cursor.events > MAX_REPLAY_EVENTS) return workerText.tooLongToReplay(cursor.events, MAX_REPLAY_EVENTS);
    this.replayTo(cursor);
    this.afterSeek();
    return null;
  }

  /**
   * Open a shared run: replay as far as it went (`head`, when it was shared from a past moment), then go to the
   * moment it was shared at, so its future is there to scrub into. Returns an error for a run too long to replay.
   */
  openAt(cursor: ScenarioCursor, head?: ScenarioCursor): string | null {
    const error = this.runTo(head ?? cursor);
    if (error !== null || head === undefined) return error;
    this.restoreBefore((snapshot) => snapshot.events <= cursor.events && snapshot.now <= cursor.t);
    this.replayTo(cursor);
    this.afterSeek();
    return null;
  }

  private replayTo(cursor: ScenarioCursor): void {
    const sim = this.sim;
    this.seeking = true;
    while (sim.eventsProcessed < cursor.events && sim.nextEventTime() < Infinity) {
      if (!this.applyDueAction(Infinity)) this.stepOne();
    }
    // Actions recorded at exactly this point ran before the link was made (as many as the cursor says, if it does).
    while ((cursor.actions === undefined || this.nextAction < cursor.actions) && this.applyDueAction(cursor.t))
      continue;
    if (cursor.t > sim.now) sim.now = cursor.t;
    this.seeking = false;
  }

  /** The run as a shareable scenario: its header, its actions (up to now; from a past moment, all of them), this
   *  moment, and (from a past moment) how far the run went. */
  scenario(): { header: Header; actions: RecordedAction[]; cursor: ScenarioCursor; head?: ScenarioCursor } {
    const sim = this.sim;
    // In the past, the future goes too: the link opens at this moment, with as many actions run as here (an action
    // recorded at this very point may still be ahead), and the rest of the run to come.
    const inPast = sim.trace.length < this.history.length || this.headT > sim.now;
    return {
      header: this.header,
      actions: (inPast ? this.actions : this.actions.slice(0, this.nextAction)).map((a) => ({ ...a })),
      cursor: { events: sim.eventsProcessed, t: sim.now, ...(inPast ? { actions: this.nextAction } : {}) },
      ...(inPast ? { head: { events: this.headEvents, t: this.head.t } } : {}),
    };
  }

  /** A fingerprint of the trace up to now: equal runs give equal fingerprints. */
  fingerprint(): string {
    return traceFingerprint(this.sim.trace);
  }

  private restoreBefore(fits: (snapshot: Snapshot) => boolean): void {
    this.headT = Math.max(this.headT, this.sim.now);
    let chosen = this.snapshots[0]!;
    for (const snapshot of this.snapshots) if (fits(snapshot)) chosen = snapshot;
    this.sim.restore(chosen.sim, this.history);
    this.runner.restoreState(chosen.runner);
    this.nextAction = chosen.nextAction;
    this.consoleLog.length = chosen.consoleLength;
    this.recordsSeen = chosen.runner.records;
    this.quorums = structuredClone(chosen.quorums);
    this.stateSeen = chosen.sim.trace.length;
  }

  private afterSeek(): void {
    this.traceSeen = this.sim.trace.length;
    this.matchSeen = this.sim.trace.length;
    this.consoleSent = 0;
    this.linksDirty = true;
    this.detailSignature = '';
    this.resetPending = true;
  }

  /** Run a console or control line now. Returns an error message, or null when it ran. */
  runLine(text: string, source: 'console' | 'control'): string | null {
    // At the end of a full history nothing more can happen (a wait would run past the limit).
    const error = this.check(text) ?? this.historyFull();
    if (error !== null) return this.reject(text, source, error);
    const sim = this.sim;
    if (this.nextAction < this.actions.length || sim.trace.length < this.history.length) this.fork();
    this.actions.push({ events: sim.eventsProcessed, t: sim.now, text: text.trim() });
    this.nextAction = this.actions.length;
    this.execute(text, source);
    return null;
  }

  /** Acting at a past moment replaces the future: later actions, trace and snapshots go. */
  private fork(): void {
    const sim = this.sim;
    this.headT = sim.now;
    this.headEvents = sim.eventsProcessed;
    this.actions.length = this.nextAction;
    this.history.length = sim.trace.length;
    while (this.snapshots.length > 1 && this.snapshots[this.snapshots.length - 1]!.events > sim.eventsProcessed)
      this.snapshots.pop();
  }

  /** Why a line cannot run now, or null. */
  private check(text: string): string | null {
    const parsed = parseConsoleLine(text, this.consoleLines + 1, this.header.servers);
    if (parsed.error !== undefined) return formatParseError(parsed.error).replace(/^line \d+: /, '');
    return parsed.line === undefined ? null : this.refuse(parsed.line);
  }

  /** Carry out a line that passed `check` (or a recorded one being replayed). */
  private execute(text: string, source: 'console' | 'control'): void {
    const sim = this.sim;
    this.consoleLines++;
    const line = parseConsoleLine(text, this.consoleLines, this.header.servers).line;
    if (source === 'console') this.consoleLog.push({ kind: 'input', text: text.trim(), t: sim.now });
    if (line === undefined) return;
    if (line.kind === 'cut' || line.kind === 'heal' || line.kind === 'partition') this.linksDirty = true;
    // wait and settle run here and now, through the same stepping as play, so snapshots fall inside them too.
    if (line.kind === 'wait') this.forwardTo(sim.now + line.ms, undefined, false);
    else if (line.kind === 'settle') {
      const deadline = sim.now + SETTLE_BOUND_MS;
      while (!sim.isSettled() && sim.nextEventTime() <= deadline) this.stepOne();
      if (!sim.isSettled()) {
        if (deadline > sim.now) sim.now = deadline;
        this.consoleLog.push({ kind: 'error', text: workerText.settleBound(SETTLE_BOUND_MS), t: sim.now });
      }
    } else this.runner.start(line);
    this.noteProgress();
  }

  private reject(text: string, source: 'console' | 'control', message: string): string {
    // A rejected line is shown where it was typed, but it is not part of the run (nothing changed).
    if (source === 'console') {
      this.rejected.push(
        { kind: 'input', text: text.trim(), t: this.sim.now },
        { kind: 'error', text: message, t: this.sim.now },
      );
    }
    return message;
  }

  /** Lines that parse but make no sense now: a command to a dead server, killing the dead. */
  private refuse(line: Line): string | null {
    const sim = this.sim;
    const up = (id: number): boolean => sim.server(id).up;
    switch (line.kind) {
      case 'kill':
        return up(line.server) ? null : workerText.alreadyDown(line.server);
      case 'restart':
        return up(line.server) ? workerText.alreadyUp(line.server) : null;
      case 'connect':
        return up(line.server) ? null : workerText.serverDown(line.server);
      default:
        return null;
    }
  }

  /** What changed since the previous frame. `withDetail` false leaves out the selected server's log and tree
   *  (hundreds of rows): a playing run sends them only as often as the page shows them. */
  frame(withDetail = true): Frame {
    const sim = this.sim;
    const reset = this.resetPending;
    // Notes were left out while playing: once stopped, the page gets the latest ones whole, replacing its list.
    const notesAfresh = reset || (this.notesLeftOut && !this.playing);
    const notesLimit = this.playing && !notesAfresh ? NOTES_PER_FRAME_PLAYING : MAX_NOTES_PER_FRAME;
    const sent: MessageView[] = [];
    const ended: MessageEnd[] = [];
    const notes: EventNote[] = [];
    const trace = sim.trace;
    const messagesAfresh = reset || trace.length - this.traceSeen > MAX_MESSAGE_EVENTS_PER_FRAME;
    if (messagesAfresh) {
      // After a load or a seek (or a long gap) the page starts over from what is on the wire now.
      for (const m of sim.inFlight())
        sent.push({
          id: m.id,
          from: m.from,
          to: m.to,
          kind: m.wire,
          label: m.label,
          sentAt: m.sentAt,
          deliverAt: m.deliverAt,
          lost: m.lost,
        });
    } else {
      for (let index = this.traceSeen; index < trace.length; index++) messageChange(trace[index]!, sent, ended);
    }
    const firstNote = notesAfresh
      ? Math.max(0, trace.length - notesLimit)
      : Math.max(this.traceSeen, trace.length - notesLimit);
    if (!notesAfresh && firstNote > this.traceSeen) this.notesLeftOut = true;
    if (notesAfresh) this.notesLeftOut = false;
    for (let index = firstNote; index < trace.length; index++) {
      const event = trace[index]!;
      const text = describeEvent(event);
      if (text !== null)
        notes.push({ index, t: event.t, text, ...(event.kind === 'phase' ? { phase: event.phase } : {}) });
    }
    this.traceSeen = trace.length;
    this.expireQuorums();
    const consoleEntries = this.drainConsole(reset);
    const servers = sim.servers.map((server): ServerView => {
      // A crashed server still has its durable log: what it decided shows; it applies nothing until restarted.
      const view = sim.viewOf(server.id);
      return {
        id: server.id,
        up: server.up,
        role: view.role ?? 'crashed',
        ballot: view.ballot,
        promised: view.promised,
        leader: view.leader,
        decidedUpTo: view.decidedUpTo,
        appliedUpTo: view.appliedUpTo,
        lastZxid: formatZxid(sim.replicaOf(server.id).lastZxid),
        sessions: [...server.clients].sort(),
      };
    });
    const detail = withDetail || reset ? this.detail() : null;
    const frame: Frame = {
      type: 'frame',
      now: sim.now,
      eventCount: trace.length,
      head: this.head,
      playing: this.playing,
      speed: this.speed,
      header: this.header,
      servers,
      ...(this.linksDirty ? { links: this.links() } : {}),
      sent,
      ended,
      ...(messagesAfresh && !reset ? { messagesAfresh: true } : {}),
      quorums: [...this.quorums.values()],
      ...(detail === null ? {} : { detail }),
      console: consoleEntries,
      events: notes,
      ...(notesAfresh ? { eventsAfresh: true } : {}),
      ...(this.pausedAt === null ? {} : { pausedAt: this.pausedAt }),
      reset,
      network: { ...sim.network },
    };
    this.linksDirty = false;
    this.resetPending = false;
    this.pausedAt = null;
    return frame;
  }

  /** Keep the derived state (quorum tallies) in step with the trace, so snapshots carry it. */
  private absorbState(event: TraceEvent): void {
    switch (event.kind) {
      case 'vote': {
        const ballot = formatBallot(event.ballot);
        const key = `${event.server}:${event.vote}:${ballot}:${event.slot ?? ''}`;
        const known = this.quorums.get(key);
        const voters = known === undefined ? [event.voter] : [...known.voters, event.voter];
        const reached = known?.reachedAt ?? (event.votes >= event.needed ? event.t : undefined);
        this.quorums.set(key, {
          server: event.server,
          vote: event.vote,
          ballot,
          ...(event.slot === undefined ? {} : { slot: event.slot }),
          voters,
          needed: event.needed,
          ...(reached === undefined ? {} : { reachedAt: reached }),
        });
        return;
      }
      case 'role':
        // A proposer that steps down or starts a new round drops its older tallies.
        for (const [key, q] of this.quorums)
          if (q.server === event.server && q.ballot !== formatBallot(event.ballot)) this.quorums.delete(key);
        return;
      case 'crash':
        for (const [key, q] of this.quorums) if (q.server === event.server) this.quorums.delete(key);
        return;
      case 'cut':
      case 'heal':
        this.linksDirty = true;
        return;
      default:
        return;
    }
  }

  private expireQuorums(): void {
    const now = this.sim.now;
    for (const [key, q] of this.quorums)
      if (q.reachedAt !== undefined && now - q.reachedAt > QUORUM_LINGER_MS) this.quorums.delete(key);
  }

  /** Turn new runner output (results, watch events) into console entries. */
  private absorbRecords(): void {
    const records = this.runner.records;
    for (; this.recordsSeen < records.length; this.recordsSeen++) {
      const record = records[this.recordsSeen]!;
      const session = typeof record.json.session === 'string' ? record.json.session : undefined;
      const isWatch = typeof record.json.event === 'string';
      // The echoed command line of a result was already shown as input; show only the output lines.
      const lines = isWatch ? record.text : record.text.slice(1);
      for (const text of lines) {
        if (isWatch && session !== undefined) this.consoleLog.push({ kind: 'watch', text, t: record.t, session });
        else
          this.consoleLog.push({
            kind: 'output',
            text,
            t: record.t,
            ok: record.ok,
            ...(session === undefined ? {} : { session }),
          });
      }
      if (!isWatch && lines.length === 0 && session !== undefined && record.line !== undefined) {
        // A silent success (set, delete) still gets an acknowledgement, so the console shows it completed.
        this.consoleLog.push({
          kind: 'output',
          text: workerText.done(session, typeof record.json.cmd === 'string' ? record.json.cmd : ''),
          t: record.t,
          ok: true,
          session,
        });
      }
    }
  }

  private consoleLogLength(): number {
    this.absorbRecords();
    return this.consoleLog.length;
  }

  private drainConsole(reset: boolean): ConsoleEntry[] {
    this.absorbRecords();
    const from = reset ? Math.max(0, this.consoleLog.length - MAX_CONSOLE_RESENT) : this.consoleSent;
    const out = [...this.consoleLog.slice(from), ...this.rejected];
    this.consoleSent = this.consoleLog.length;
    this.rejected = [];
    return out;
  }

  private links(): LinkView[] {
    const sim = this.sim;
    const links: LinkView[] = [];
    for (let from = 1; from <= this.header.servers; from++) {
      for (let to = 1; to <= this.header.servers; to++)
        if (from !== to) links.push({ from, to, up: !sim.isCut(from, to) });
    }
    return links;
  }

  private detail(): ServerDetail | null {
    const sim = this.sim;
    const server = sim.server(this.selected);
    const view = sim.viewOf(server.id);
    const appliedUpTo = view.appliedUpTo;
    let clusterDecidedUpTo = 0;
    for (const s of sim.servers)
      if (s.up) clusterDecidedUpTo = Math.max(clusterDecidedUpTo, sim.viewOf(s.id).decidedUpTo);
    const replica = sim.replicaOf(server.id);
    let watchCount = 0;
    for (const keys of replica.watches.bySession.values()) watchCount += keys.size;
    const signature = [
      server.id,
      server.up,
      view.revision,
      appliedUpTo,
      replica.lastZxid,
      watchCount,
      clusterDecidedUpTo,
    ].join(':');
    if (signature === this.detailSignature) return null;
    this.detailSignature = signature;
    const length = view.logLength;
    const zxids = server.zxids;
    const log: LogEntryView[] = [];
    for (let slot = Math.max(0, length - MAX_LOG_ENTRIES); slot < length; slot++) {
      const { ballot, proposal, chosen } = view.entry(slot);
      const zxid = zxids[slot];
      log.push({
        slot,
        ballot,
        text: proposal === undefined ? '' : proposal.payload === null ? 'noop' : describeTxnText(proposal.payload),
        chosen,
        applied: slot < appliedUpTo,
        ...(zxid === undefined || zxid === 0 ? {} : { zxid: formatZxid(zxid) }),
      });
    }
    const znodes: ZnodeView[] = [];
    const paths = [...replica.nodes.keys()].sort(comparePaths);
    for (const path of paths) {
      const node = replica.nodes.get(path)!;
      const watches: string[] = [];
      for (const [kind, table] of [
        ['data', replica.watches.data],
        ['exist', replica.watches.exist],
        ['child', replica.watches.child],
      ] as const) {
        const sessions = table.get(path);
        if (sessions !== undefined) for (const session of [...sessions].sort()) watches.push(`${session} ${kind}`);
      }
      const depth = path === '/' ? 0 : path.split('/').length - 1;
      znodes.push({
        path,
        name: path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1),
        depth,
        data: node.data,
        version: node.version,
        cversion: 2 * node.childCreates - node.children.size,
        mzxid: formatZxid(node.mzxid),
        ephemeralOwner: node.ephemeralOwner === 0 ? null : node.ephemeralOwner,
        numChildren: node.children.size,
        watches,
        changed:
          replica.lastZxid !== 0 &&
          (node.mzxid === replica.lastZxid || node.pzxid === replica.lastZxid || node.czxid === replica.lastZxid),
      });
    }
    // Exists watches on missing paths show too: they wait for a create.
    for (const [path, sessions] of replica.watches.exist) {
      if (replica.nodes.has(path)) continue;
      znodes.push({
        path,
        name: `${path} (missing)`,
        depth: path.split('/').length - 1,
        data: '',
        version: -1,
        cversion: 0,
        mzxid: '-',
        ephemeralOwner: null,
        numChildren: 0,
        watches: [...sessions].sort().map((s) => `${s} exist`),
        changed: false,
      });
    }
    return { server: server.id, log, znodes, clusterDecidedUpTo };
  }
}

/** Tree order: a parent right before its children, siblings by name. */
function comparePaths(a: string, b: string): number {
  const pa = a === '/' ? [] : a.split('/').slice(1);
  const pb = b === '/' ? [] : b.split('/').slice(1);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
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
