// The recorded run: one simulator and the user's actions at their moments, with snapshots to seek, fork and
// replay. Below the worker, so the CLI bench drives it; the worker's LiveRun adds what the page is sent.
import { LiveChecks, type LiveViolation } from '../../check/live';
import type { Header } from '../../sim/config';
import { inEveryLanguage } from '../../script/language';
import { parseConsoleLine } from '../../script/parse';
import { ScriptRunner, SETTLE_BOUND_MS } from '../../script/run';
import type { LineSource, RecordedAction, TimelineObserver } from './observer';
import { traceFingerprint } from '../../sim/fingerprint';
import type { Simulator } from '../../sim/simulator';
import type { TraceEvent } from '../../sim/trace';
import type { PausePoint } from '../matcher';
import type { ScenarioCursor } from '../model';
import { activitySince, extendSkip, IDLE_FAST_FORWARD, newIdleState, quietFor } from './idle';
import { queueMarks, takeQueuedPhase, type PhaseStops } from './phases';
import { lineError } from './lines';
import { paceMs, type Pacing } from './pacing';
import { pauseReached, violationReached, type PauseWatch } from './pause';
import { latestFitting, SNAPSHOT_EVERY, thinSnapshots, type Snapshot } from './snapshots';
import { timelineText } from './text';

export type { LineSource, RecordedAction, TimelineObserver } from './observer';
export { NO_OBSERVER } from './observer';

/** How far `step` may run looking for what it steps to (simulated ms). */
const STEP_BOUND_MS = 60_000;
const PHASE_BOUND_MS = 10_000;
/** The longest shared run a link may ask the page to replay (simulator events). */
export const MAX_REPLAY_EVENTS = 3_000_000;
/** The most trace events a run keeps (about 250 MB in the worker with its snapshots): play stops there, so a
 *  tab left running at 100x does not run out of memory. Seeking back and acting (a fork) frees room again. */
export const MAX_HISTORY_EVENTS = 1_000_000;

export class Timeline<Derived = null> {
  readonly header: Header;
  private readonly runner: ScriptRunner;
  private readonly observer: TimelineObserver<Derived>;
  playing = false;
  private readonly pacing: Pacing = { speed: 1, carryMs: 0 };
  /** Every user action of this run, past and (after a seek back) future; acting in the past drops the future. */
  readonly actions: RecordedAction[] = [];
  private nextAction = 0;
  /** The latest simulated time this run's history reaches. */
  private headT = 0;
  /** Simulator events processed at the furthest point this run reached (a link made in the past carries it). */
  private headEvents = 0;
  private readonly pause: PauseWatch = { matcher: null, seen: 0, pausedAt: null };
  private seeking = false;
  /** The longest trace known: after a seek back it still holds the future, until a fork replaces it. */
  private readonly history: TraceEvent[] = [];
  private snapshots: Snapshot<Derived>[] = [];
  private consoleLines = 0;
  /** The most trace events this run keeps (MAX_HISTORY_EVENTS; tests use less). */
  private readonly historyLimit: number;
  /** Every checker, live over `history`: play stops at the event that breaks an invariant. */
  private checks: LiveChecks;
  /** The last event run revealed a violation, or passed the one that did (play stops after it). */
  private caught = false;
  /** Trace length when the checks last looked (crossing a violation's event stops play, replays too). */
  private checkedLength = 0;
  /** Lessons' idle waits fast-forwarded (./idle); where Step phase stopped and the marks still to stop at. */
  readonly idle = newIdleState();
  readonly phases: PhaseStops = { stop: null, marks: [], length: -1, events: -1 };
  /** Bumped whenever the list of violations changes (a new one, or a fork dropped some). */
  violationsVersion = 0;

  /** A run from time 0: `actions` are replayed at their recorded moments (plain lines run at once). */
  constructor(
    header: Header,
    observer: TimelineObserver<Derived>,
    actions: readonly (RecordedAction | string)[] = [],
    historyLimit = MAX_HISTORY_EVENTS,
    /** Off only to measure what the live checks cost (npm run bench). */
    private readonly liveChecks = true,
  ) {
    this.header = header;
    this.observer = observer;
    this.historyLimit = historyLimit;
    this.checks = new LiveChecks(header.servers);
    this.runner = new ScriptRunner({ header, lines: [] }, true);
    const sent = observer.sent?.bind(observer);
    if (sent !== undefined) this.sim.listener = { ...this.sim.listener, onSend: sent };
    for (const action of actions) {
      this.actions.push(typeof action === 'string' ? { events: 0, t: 0, text: action } : { ...action });
    }
    this.noteProgress();
    this.forwardTo(0);
  }

  get sim(): Simulator {
    return this.runner.sim;
  }

  get speed(): number {
    return this.pacing.speed;
  }

  set speed(speed: number) {
    this.pacing.speed = speed;
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

  /** Advance by `realMs` of wall time at the current speed, stopping early when `outOfTime()` says so; a lesson's
   *  idle wait goes IDLE_FAST_FORWARD times faster, up to the next event that is not chatter (see ./idle). */
  advance(realMs: number, outOfTime: () => boolean): void {
    if (!this.playing) return;
    const idle = this.idleWait();
    const whole = paceMs(this.pacing, idle ? realMs * IDLE_FAST_FORWARD : realMs);
    if (whole <= 0) return;
    const from = this.sim.now;
    this.forwardTo(from + whole, outOfTime, true, idle);
    if (idle) this.idle.skipped = extendSkip(this.idle.skipped, from, this.sim.now);
  }

  /** A lesson waits for its pause point, and nothing but chatter happened for a while. */
  private idleWait(): boolean {
    return (
      this.idle.enabled && this.pause.matcher !== null && quietFor(this.idle.activity, this.sim.trace, this.sim.now)
    );
  }

  /**
   * Run to simulated time `target`: recorded actions at their moments, events in order, snapshots on the way.
   * A time box ends only between instants, so that actions recorded at the stopping point replay exactly.
   */
  private forwardTo(target: number, outOfTime?: () => boolean, applyActions = true, untilActivity = false): void {
    const sim = this.sim;
    for (;;) {
      if (applyActions && this.applyDueAction(target)) continue;
      const at = sim.nextEventTime();
      if (at > target) break;
      const before = sim.trace.length;
      this.stepOne(); // an idle wait's fast-forward ends with the instant something other than chatter happens
      if (untilActivity && activitySince(sim.trace, before)) target = at;
      // Only play stops at the history limit: a wait or a replay runs whole, so it replays the same.
      if (this.pauseReached() || (outOfTime !== undefined && (this.stopAtLimit() || this.stopAtViolation()))) return;
      if (outOfTime !== undefined && sim.nextEventTime() !== at && this.dueAction() === null && outOfTime()) return;
    }
    if (target > sim.now && Number.isFinite(target)) sim.now = target;
  }

  /** Pause where a lesson asked to (only while playing or stepping; seeks replay straight through). */
  setPauseAt(matcher: PausePoint | null): void {
    this.idle.skipped = null;
    this.pause.matcher = matcher;
    this.pause.seen = this.sim.trace.length;
  }

  /** The trace index where a lesson's pause was reached since the last call, or null. */
  takePausedAt(): number | null {
    const at = this.pause.pausedAt;
    this.pause.pausedAt = null;
    return at;
  }

  private pauseReached(): boolean {
    if (this.seeking || !pauseReached(this.pause, this.sim.trace)) return false;
    this.playing = false;
    return true;
  }

  /** Each invariant's first violation in the run's history (the future included after a seek back). */
  get violations(): LiveViolation[] {
    return this.checks.violations();
  }

  /** Every checker's verdict on the whole history so far. */
  get verdicts(): ReturnType<LiveChecks['verdicts']> {
    return this.checks.verdicts();
  }

  /** Feeds the checks what the history gained; a fork that cut it makes them start over. */
  private feedChecks(): void {
    if (!this.liveChecks) return;
    if (this.checks.fed > this.history.length) {
      this.checks = new LiveChecks(this.header.servers);
      this.violationsVersion++;
    }
    if (this.checks.catchUp(this.history).length > 0) this.violationsVersion++;
    const before = this.checkedLength;
    const after = this.sim.trace.length;
    this.checkedLength = after;
    if (after > before && this.checks.revealedIn(before, after)) this.caught = true;
  }

  /** Why the run cannot go further (its history is full and the cursor is at its end), or null. */
  historyFull(): string | null {
    const full = this.history.length >= this.historyLimit && this.sim.trace.length >= this.history.length;
    return full ? timelineText.historyFull(this.historyLimit) : null;
  }

  /** Play and stepping stop after the event that reveals (or, replaying, that passes) a violation. A wait or a
   *  settle runs whole, so that a run replays the same. */
  private stopAtViolation(): boolean {
    if (!this.caught) return false;
    this.caught = false;
    if (this.seeking) return false;
    this.playing = false;
    violationReached(this.pause, this.sim.trace.length - 1);
    return true;
  }

  /** Play stops when the history is full (seeks replay what is kept, so they never reach it). */
  private stopAtLimit(): boolean {
    if (this.seeking) return false;
    const full = this.historyFull();
    if (full === null) return false;
    this.observer.error(
      inEveryLanguage(() => this.historyFull() ?? full),
      this.sim.now,
    );
    this.playing = false;
    return true;
  }

  private stepOne(): void {
    this.sim.stepEvent();
    this.noteProgress();
  }

  private noteProgress(): void {
    const sim = this.sim;
    this.phases.stop = null; // the run moved on: the mark Step phase stopped at is behind it
    if (sim.eventsProcessed > this.headEvents) this.headEvents = sim.eventsProcessed;
    this.observer.progress(sim, this.runner.records);
    const last = this.snapshots[this.snapshots.length - 1];
    if (last === undefined || sim.eventsProcessed - last.events >= SNAPSHOT_EVERY) this.takeSnapshot();
    // Running past the known history (new ground) extends it.
    if (sim.trace.length > this.history.length) {
      for (let i = this.history.length; i < sim.trace.length; i++) this.history.push(sim.trace[i]!);
    }
    this.feedChecks();
  }

  private takeSnapshot(): void {
    const sim = this.sim;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last !== undefined && last.events >= sim.eventsProcessed) return;
    this.snapshots.push({
      events: sim.eventsProcessed,
      now: sim.now,
      sim: sim.snapshot(),
      runner: this.runner.saveState(),
      nextAction: this.nextAction,
      derived: this.observer.save(sim),
    });
    this.snapshots = thinSnapshots(this.snapshots, sim.eventsProcessed);
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
    this.execute(action.text, action.control === true ? 'control' : 'console');
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
    this.stopAtViolation();
  }

  /** Up to the next phase mark (prepare, promise quorum, accept, accepted quorum, decide; each of one instant's marks
   *  is a stop, see ./phases); when none comes within PHASE_BOUND_MS, says so (only heartbeats went by). */
  stepPhase(): string | null {
    const sim = this.sim;
    if (takeQueuedPhase(this.phases, sim)) return null;
    let scanned = sim.trace.length;
    const start = sim.now;
    const deadline = start + PHASE_BOUND_MS;
    while (sim.nextEventTime() <= deadline) {
      if (!this.applyDueAction(deadline)) this.stepOne();
      if (this.pauseReached() || this.stopAtLimit() || this.stopAtViolation()) return null;
      if (queueMarks(this.phases, sim, scanned)) return null;
      scanned = sim.trace.length;
    }
    const waited = Math.round(sim.now - start);
    return sim.header.protocol === 'zab' ? timelineText.noPhaseZab(waited) : timelineText.noPhase(waited);
  }

  /** Run on to simulated time `t` (the compare view's shared clock; earlier than now does nothing). */
  runUntil(t: number): void {
    if (!(t > this.sim.now) || this.historyFull() !== null) return;
    this.forwardTo(t);
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
    if (cursor.events > MAX_REPLAY_EVENTS) return timelineText.tooLongToReplay(cursor.events, MAX_REPLAY_EVENTS);
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
      actions: (inPast ? this.actions : this.actions.slice(0, this.nextAction)).map(({ events, t, text }) => ({
        events,
        t,
        text,
      })),
      cursor: { events: sim.eventsProcessed, t: sim.now, ...(inPast ? { actions: this.nextAction } : {}) },
      ...(inPast ? { head: { events: this.headEvents, t: this.head.t } } : {}),
    };
  }

  /** A fingerprint of the trace up to now: equal runs give equal fingerprints. */
  fingerprint(): string {
    return traceFingerprint(this.sim.trace);
  }

  private restoreBefore(fits: (snapshot: Snapshot<Derived>) => boolean): void {
    this.headT = Math.max(this.headT, this.sim.now);
    const chosen = latestFitting(this.snapshots, fits);
    this.sim.restore(chosen.sim, this.history);
    this.runner.restoreState(chosen.runner);
    this.nextAction = chosen.nextAction;
    this.observer.restore(chosen.derived, chosen.sim.trace.length, chosen.runner.records);
  }

  /** After a seek the driver starts over from here (subclasses add what they send afresh). */
  protected afterSeek(): void {
    this.phases.stop = null;
    this.pause.seen = this.sim.trace.length;
    this.checkedLength = this.sim.trace.length;
    this.caught = false;
  }

  /** Run a console or control line now. Returns an error message, or null when it ran. */
  runLine(text: string, source: LineSource): string | null {
    // At the end of a full history nothing more can happen (a wait would run past the limit).
    const sim = this.sim;
    const error = lineError(sim, text, this.consoleLines + 1, this.header.servers) ?? this.historyFull();
    if (error !== null) {
      // A rejected line is shown where it was typed, but it is not part of the run (nothing changed).
      if (source === 'console') {
        const said = inEveryLanguage(
          () => lineError(sim, text, this.consoleLines + 1, this.header.servers) ?? this.historyFull() ?? error,
        );
        this.observer.refused(text.trim(), said, sim.now);
      }
      return error;
    }
    if (this.nextAction < this.actions.length || sim.trace.length < this.history.length) this.fork();
    this.actions.push({
      events: sim.eventsProcessed,
      t: sim.now,
      text: text.trim(),
      ...(source === 'control' ? { control: true as const } : {}),
    });
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
    this.feedChecks();
    while (this.snapshots.length > 1 && this.snapshots[this.snapshots.length - 1]!.events > sim.eventsProcessed)
      this.snapshots.pop();
  }

  /** Carry out a line that passed `lineError` (or a recorded one being replayed). */
  private execute(text: string, source: LineSource): void {
    const sim = this.sim;
    this.consoleLines++;
    const line = parseConsoleLine(text, this.consoleLines, this.header.servers).line;
    // A button's line is echoed too: the console is the record of everything that was done to the run.
    this.observer.input(text.trim(), sim.now, source);
    if (line === undefined) return;
    if (line.kind === 'cut' || line.kind === 'heal' || line.kind === 'partition') this.observer.linksChanged();
    // wait and settle run here and now, through the same stepping as play, so snapshots fall inside them too.
    if (line.kind === 'wait') this.forwardTo(sim.now + line.ms, undefined, false);
    else if (line.kind === 'settle') this.settle();
    else this.runner.start(line);
    this.noteProgress();
  }

  private settle(): void {
    const sim = this.sim;
    const deadline = sim.now + SETTLE_BOUND_MS;
    while (!sim.isSettled() && sim.nextEventTime() <= deadline) this.stepOne();
    if (!sim.isSettled()) {
      if (deadline > sim.now) sim.now = deadline;
      this.observer.error(
        inEveryLanguage(() => timelineText.settleBound(SETTLE_BOUND_MS)),
        sim.now,
      );
    }
  }
}
