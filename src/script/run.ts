// Runs a parsed scenario on a simulator, line by line, and collects what it prints in simulated-time order.
import { Simulator, type OpCompletion, type WatchNotice } from '../sim/simulator';
import type { Line, Script } from './ast';
import { formatCommand } from './format';
import { resolveLeader } from './leader';
import { inEveryLanguage, language, type Multilingual } from './language';
import { scriptText } from './text';
import { resultJson, resultText, watchText } from './output';

/** How long a line may wait for its reply (simulated ms) before the run moves on. */
export const REPLY_BOUND_MS = 60_000;
/** How long `settle` may run (simulated ms). */
export const SETTLE_BOUND_MS = 60_000;

/** One printed item: `text` for the console, `json` for --json. */
export interface OutputRecord {
  readonly t: number;
  readonly line?: number;
  readonly text: readonly string[];
  readonly json: Record<string, unknown>;
  readonly ok: boolean;
  /** A line's own note (the last of `text`, our words, not zkCli's) in every language, for a page that switches. */
  readonly note?: Multilingual;
}

export interface RunOutcome {
  readonly sim: Simulator;
  readonly records: OutputRecord[];
}

function lineCommandText(line: Line): string {
  if (line.kind === 'client') return formatCommand(line.command);
  return line.text.trim();
}

/** Text shown for a line as typed: `c1> get /a` or `kill n2`. */
function echo(line: Line): string {
  return line.kind === 'client' ? `${line.session}> ${formatCommand(line.command)}` : line.text.trim();
}

/** Why `resolveLeader` refuses `line` now (said again per language: the sim has not moved). */
function refusedBy(sim: Simulator, line: Line): string {
  const resolved = resolveLeader(sim, line);
  return resolved.ok ? '' : resolved.error;
}

export interface RunnerState {
  readonly records: number;
  readonly linesByOp: ReadonlyMap<number, Line>;
}

export class ScriptRunner {
  readonly sim: Simulator;
  readonly records: OutputRecord[] = [];
  /** Client lines waiting for their result, by op id. */
  private readonly linesByOp = new Map<number, Line>();

  constructor(script: Script, traceMessages = true) {
    this.sim = new Simulator({ header: script.header, traceMessages });
    this.sim.listener = {
      onComplete: (completion) => this.onComplete(completion),
      onWatch: (notice) => this.onWatch(notice),
    };
  }

  /** What a time-travel snapshot keeps of the runner (the simulator has its own snapshot). */
  saveState(): RunnerState {
    return { records: this.records.length, linesByOp: new Map(this.linesByOp) };
  }

  restoreState(state: RunnerState): void {
    this.records.length = state.records;
    this.linesByOp.clear();
    for (const [opId, line] of state.linesByOp) this.linesByOp.set(opId, line);
  }

  /** The line whose op is being issued right now (its completion may come before invoke returns). */
  private issuing: Extract<Line, { kind: 'client' | 'close' }> | null = null;

  private push(record: OutputRecord): void {
    this.records.push(record);
  }

  private onComplete(completion: OpCompletion): void {
    // An op can complete while it is being issued (a closed or expired session fails it at once).
    const issuing = this.issuing;
    const line =
      this.linesByOp.get(completion.opId) ??
      (issuing !== null && issuing.line === completion.line && issuing.session === completion.session
        ? issuing
        : undefined);
    this.linesByOp.delete(completion.opId);
    if (line === undefined) return;
    const command = line.kind === 'client' ? line.command : null;
    const json = {
      t: completion.t,
      line: line.line,
      session: completion.session,
      cmd: lineCommandText(line),
      ...resultJson(command, completion.result),
    };
    this.push({
      t: completion.t,
      line: line.line,
      ok: completion.result.ok,
      json,
      text: [echo(line), ...resultText(command, completion.result)],
    });
  }

  private onWatch(notice: WatchNotice): void {
    this.push({
      t: notice.t,
      ok: true,
      json: { t: notice.t, session: notice.session, event: notice.type, path: notice.path },
      text: [watchText(notice.session, notice.type, notice.path)],
    });
  }

  /** `say` gives the line's note, if any, in the current language (it is said in each). */
  private lineDone(line: Line, ok: boolean, say?: () => string): void {
    const t = this.sim.now;
    const json: Record<string, unknown> = { t, line: line.line, cmd: lineCommandText(line), ok };
    if (say === undefined) {
      this.push({ t, line: line.line, ok, json, text: [echo(line)] });
      return;
    }
    const note = inEveryLanguage(say);
    json.note = note[language()];
    this.push({ t, line: line.line, ok, json, text: [echo(line), note[language()]], note });
  }

  /** Start a line: faults act at once; client lines are issued. Returns the op to wait for, if any. */
  start(typed: Line): { session: string; opId: number } | null {
    const sim = this.sim;
    // `leader` becomes the server leading now; the output names it.
    const resolved = resolveLeader(sim, typed);
    if (!resolved.ok) {
      this.lineDone(typed, false, () => refusedBy(sim, typed));
      return null;
    }
    const line = resolved.line;
    const leader = resolved.leader;
    const named = leader === null ? undefined : () => scriptText.leaderIs(leader);
    switch (line.kind) {
      case 'client':
      case 'close': {
        this.issuing = line;
        const opId = sim.invoke(
          line.session,
          line.kind === 'client' ? { kind: 'command', command: line.command } : { kind: 'close' },
          line.line,
        );
        this.issuing = null;
        if (sim.isPending(line.session, opId)) this.linesByOp.set(opId, line);
        return line.kind === 'client' && line.background ? null : { session: line.session, opId };
      }
      case 'connect':
        sim.connectSession(line.session, line.server);
        if (named !== undefined) this.lineDone(typed, true, named);
        return null;
      case 'expire': {
        // Only an open session can expire: expiring one never opened (or already gone) would commit a closeSession
        // for nothing.
        const client = sim.clients.get(line.session);
        const status = client?.status;
        const neverOpened =
          status === undefined || status === 'new' || (status === 'connecting' && client?.sessionId === 0);
        if (neverOpened || status === 'closed' || status === 'expired') {
          this.lineDone(line, false, () =>
            scriptText.noSessionToExpire(line.session, status === 'closed' || status === 'expired'),
          );
          return null;
        }
        const ok = sim.expireSession(line.session);
        this.lineDone(line, ok, ok ? undefined : () => scriptText.noServerToExpire());
        return null;
      }
      case 'kill':
        sim.kill(line.server);
        break;
      case 'restart':
        sim.restart(line.server);
        break;
      case 'partition':
        sim.partition(line.groups);
        break;
      case 'cut':
        sim.cut(line.from, line.to);
        if (!line.oneWay) sim.cut(line.to, line.from);
        break;
      case 'heal':
        if (line.from === undefined || line.to === undefined) sim.healAll();
        else {
          sim.heal(line.from, line.to);
          if (!line.oneWay) sim.heal(line.to, line.from);
        }
        break;
      case 'network': {
        sim.setNetwork({
          ...(line.loss === undefined ? {} : { loss: line.loss }),
          ...(line.dup === undefined ? {} : { dup: line.dup }),
          ...(line.latency === undefined ? {} : { latencyMsMin: line.latency.msMin, latencyMsMax: line.latency.msMax }),
        });
        break;
      }
      case 'wait':
      case 'settle':
        return null;
    }
    this.lineDone(typed, true, named);
    return null;
  }

  /** Run one line to its end, as the CLI does: wait for replies, time and settling. */
  runLine(line: Line): void {
    const sim = this.sim;
    if (line.kind === 'connect') {
      const resolved = resolveLeader(sim, line);
      if (!resolved.ok) {
        this.lineDone(line, false, () => refusedBy(sim, line));
        return;
      }
      this.start(resolved.line);
      const connected = sim.runUntilCondition(
        () => sim.clients.get(line.session)?.status !== 'connecting',
        REPLY_BOUND_MS,
      );
      const status = sim.clients.get(line.session)?.status;
      const leader = resolved.leader;
      const named = leader === null ? undefined : () => scriptText.leaderIs(leader);
      this.lineDone(
        line,
        connected && status === 'connected',
        connected && status === 'connected' ? named : () => `session ${line.session} is ${status ?? 'not connected'}`,
      );
      return;
    }
    if (line.kind === 'wait') {
      sim.runUntil(sim.now + line.ms);
      this.lineDone(line, true);
      return;
    }
    if (line.kind === 'settle') {
      const settled = sim.runUntilCondition(() => sim.isSettled(), SETTLE_BOUND_MS);
      this.lineDone(line, settled, settled ? undefined : () => scriptText.settleBound(SETTLE_BOUND_MS));
      return;
    }
    const waitFor = this.start(line);
    if (waitFor === null) return;
    const done = sim.runUntilCondition(() => !sim.isPending(waitFor.session, waitFor.opId), REPLY_BOUND_MS);
    if (!done) {
      const t = sim.now;
      this.push({
        t,
        line: line.line,
        ok: false,
        json: {
          t,
          line: line.line,
          session: waitFor.session,
          cmd: lineCommandText(line),
          ok: false,
          pending: true,
          note: 'no reply yet',
        },
        text: [echo(line), `(no reply after ${REPLY_BOUND_MS / 1000}s; still pending)`],
      });
    }
  }

  /** After the last line: let background ops finish (bounded), so their results are printed too. */
  drain(): void {
    const sim = this.sim;
    sim.runUntilCondition(() => this.linesByOp.size === 0, REPLY_BOUND_MS);
  }

  /**
   * Exact replay: run to the moment as the app's time travel does (to `events` simulator events, or with none every
   * event up to `ms`), then set the clock to `ms`, so the next line acts exactly where the app's did.
   */
  runToMoment(line: Extract<Line, { kind: 'at' }>): void {
    const sim = this.sim;
    const { events } = line;
    if (events === undefined) while (sim.nextEventTime() <= line.ms) sim.stepEvent();
    else while (sim.eventsProcessed < events && sim.nextEventTime() < Infinity) sim.stepEvent();
    if (line.ms > sim.now) sim.now = line.ms;
    this.lineDone(line, true);
  }

  /**
   * A line as the app's console runs it: at once, waiting for no reply. wait and settle let time pass, but never
   * beyond `eventLimit` events: the page may have stopped inside one (then it prints nothing, being unfinished).
   */
  runConsoleLine(line: Line, eventLimit: number): void {
    const sim = this.sim;
    const more = (): boolean => sim.eventsProcessed < eventLimit;
    if (line.kind === 'wait') {
      const target = sim.now + line.ms;
      while (sim.nextEventTime() <= target && more()) sim.stepEvent();
      if (!more()) return;
      if (target > sim.now) sim.now = target;
      this.lineDone(line, true);
    } else if (line.kind === 'settle') {
      const deadline = sim.now + SETTLE_BOUND_MS;
      while (!sim.isSettled() && sim.nextEventTime() <= deadline && more()) sim.stepEvent();
      if (!more() && !sim.isSettled()) return;
      const settled = sim.isSettled();
      if (!settled && deadline > sim.now) sim.now = deadline;
      this.lineDone(line, settled, settled ? undefined : () => scriptText.settleBound(SETTLE_BOUND_MS));
    } else this.start(line);
  }
}

/** The events an exact replay stops at: those of the `at` line just before its `stop`, if it has one. */
function stopEvents(lines: readonly Line[]): number {
  const stop = lines.findIndex((line) => line.kind === 'stop');
  const moment = stop > 0 ? lines[stop - 1] : undefined;
  return moment?.kind === 'at' && moment.events !== undefined ? moment.events : Infinity;
}

/** Run a whole script headless. After an `at` line it replays exactly (see runToMoment); `stop` ends the run. */
export function runScript(
  script: Script,
  options: {
    traceMessages?: boolean;
    /** Called as each line starts (the fuzzer records the moments, so the page can replay the run exactly). */
    onLine?: (line: Line, sim: Simulator) => void;
  } = {},
): RunOutcome {
  const runner = new ScriptRunner(script, options.traceMessages ?? true);
  let exact = false;
  const eventLimit = stopEvents(script.lines);
  for (const line of script.lines) {
    options.onLine?.(line, runner.sim);
    if (line.kind === 'stop') {
      runner.start(line);
      return { sim: runner.sim, records: runner.records };
    }
    if (line.kind === 'at') {
      exact = true;
      runner.runToMoment(line);
    } else if (exact) runner.runConsoleLine(line, eventLimit);
    else runner.runLine(line);
  }
  runner.drain();
  return { sim: runner.sim, records: runner.records };
}
