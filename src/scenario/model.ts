// A scenario as the app shares it: the header, and every user action with exactly when it ran.
// Plain data (no classes, no functions), so it can go through JSON, postMessage and URLs.
import { DEFAULT_HEADER, type Header } from '../sim/config';
import { formatHeader } from '../script/format';
import { formatParseError, parseConsoleLine, parseLine, parseScript } from '../script/parse';
import { scenarioText as m } from './text';

/** One user action (as the live engine's RecordedAction): the line, and exactly when it ran. */
export interface ScenarioAction {
  /** Simulator queue events processed before it ran; -1 when unknown ("as soon as simulated time reaches t"). */
  readonly events: number;
  /** Simulated ms when it ran (may have a fraction: the live clock advances by real time). */
  readonly t: number;
  /** The line as typed into the console (one line: no newline). */
  readonly text: string;
}

/** The moment of the run a link opens at: this many simulator events processed, at this simulated time. */
export interface ScenarioCursor {
  readonly events: number;
  readonly t: number;
  /** How many of the scenario's actions had run at this moment (absent: every action recorded up to it). A moment
   *  in the past can come before actions recorded at the very same point. */
  readonly actions?: number;
}

export interface Scenario {
  readonly header: Header;
  readonly actions: readonly ScenarioAction[];
  /** Where the run stood when it was shared; absent: at the last action. */
  readonly cursor?: ScenarioCursor;
  /** How far the run had gone when it was shared from a past moment (actions after the cursor are its future);
   *  absent: the run ends at the cursor. Needs `cursor`. */
  readonly head?: ScenarioCursor;
}

/** What a shareable scenario may hold (the app's bounds, and what keeps a hostile link cheap). */
export const SCENARIO_LIMITS = {
  /** The browser app runs 3..25 servers (scripts may declare up to 101 for the CLI). */
  minServers: 3,
  maxServers: 25,
  maxActions: 10_000,
  /** Characters per action line. */
  maxActionLength: 2_000,
  maxHeaderLines: 64,
  maxHeaderLineLength: 200,
  /** Latest simulated time an action may run at (about 11.6 simulated days). */
  maxTimeMs: 1_000_000_000,
  /** Most simulator events an action may wait for. */
  maxEvents: 1_000_000_000,
} as const;

/** The servers an unparsed header line asks for (`servers 10000`), or null when it is not one. */
export function serversRequested(line: string): number | null {
  const match = /^\s*servers\s+(\d+)\s*(#.*)?$/.exec(line);
  if (match === null || match[1] === undefined) return null;
  const n = Number(match[1]);
  return Number.isFinite(n) ? n : null;
}

const inAppRange = (servers: number): boolean =>
  servers >= SCENARIO_LIMITS.minServers && servers <= SCENARIO_LIMITS.maxServers;

/**
 * Checks a header given as formatted lines (formatHeader's output): the first problem, or the header.
 * Servers outside the app's 3..25 get their own message, before any other check.
 */
export function headerFromLines(lines: readonly string[]): { header: Header } | { error: string } {
  if (lines.length > SCENARIO_LIMITS.maxHeaderLines)
    return { error: m.tooManyHeaderLines(lines.length, SCENARIO_LIMITS.maxHeaderLines) };
  for (const line of lines) {
    const servers = serversRequested(line);
    if (servers !== null && !inAppRange(servers)) {
      return { error: m.serversOutOfRange(match(line), SCENARIO_LIMITS.minServers, SCENARIO_LIMITS.maxServers) };
    }
  }
  for (const [index, line] of lines.entries()) {
    if (line.length > SCENARIO_LIMITS.maxHeaderLineLength || /[\r\n]/.test(line)) {
      return { error: m.badHeaderLine(index, line, 'a header line is one short line') };
    }
    const r = parseLine(line, index + 1, { context: 'header' });
    if (r.error !== undefined) return { error: m.badHeaderLine(index, line, r.error.message) };
    if (r.line !== undefined) return { error: m.notAHeaderLine(index, line) };
  }
  // The lines are each fine; the whole (duplicates, bug lists) is the parser's to merge.
  const parsed = parseScript(lines.join('\n'));
  const first = parsed.errors[0];
  if (first !== undefined) return { error: m.badHeaderLine(first.line - 1, first.text, first.message) };
  const header = parsed.script.header;
  if (!inAppRange(header.servers)) {
    return { error: m.serversOutOfRange(header.servers, SCENARIO_LIMITS.minServers, SCENARIO_LIMITS.maxServers) };
  }
  return { header };
}

/** The number as written in a `servers N` line (kept as text, so 10000000000000000000 reads as typed). */
function match(line: string): string {
  return /\d+/.exec(line)?.[0] ?? '?';
}

/**
 * Checks actions against a header: each one line that the console parses with the header's servers,
 * in time order, within the limits. The first problem, naming the action, or null.
 */
export function checkActions(header: Header, actions: readonly ScenarioAction[]): string | null {
  if (actions.length > SCENARIO_LIMITS.maxActions) return m.tooManyActions(actions.length, SCENARIO_LIMITS.maxActions);
  let lastT = 0;
  let lastEvents = 0;
  for (const [index, action] of actions.entries()) {
    const { text, t, events } = action;
    if (!(Number.isFinite(t) && t >= 0))
      return m.wrongShape(`action ${index + 1}`, 'its time is not a non-negative number');
    if (!(Number.isSafeInteger(events) && events >= -1)) {
      return m.wrongShape(`action ${index + 1}`, 'its event count is not a whole number of at least -1');
    }
    if (t > SCENARIO_LIMITS.maxTimeMs) return m.timeTooLate(index, SCENARIO_LIMITS.maxTimeMs);
    if (events > SCENARIO_LIMITS.maxEvents) return m.eventsTooMany(index, SCENARIO_LIMITS.maxEvents);
    if (t < lastT) return m.timeGoesBack(index);
    if (events !== -1 && events < lastEvents) return m.eventsGoBack(index);
    lastT = t;
    if (events !== -1) lastEvents = events;
    if (text.length > SCENARIO_LIMITS.maxActionLength)
      return m.actionTooLong(index, text.length, SCENARIO_LIMITS.maxActionLength);
    if (/[\r\n]/.test(text)) return m.actionHasNewline(index);
    const parsed = parseConsoleLine(text, index + 1, header.servers);
    if (parsed.error !== undefined) return m.badAction(index, text, parsed.error.message);
    if (parsed.line === undefined) return m.emptyAction(index);
  }
  return null;
}

/** A network line (`loss 10%`) right after the header would be read back as a header setting. */
function isNetworkLine(text: string, servers: number): boolean {
  return parseConsoleLine(text, 1, servers).line?.kind === 'network';
}

/**
 * A readable script for export: the header lines, then for each action a `wait Nms` line when time
 * passed since the previous one (whole ms), then the action as typed. A recorded `wait` action keeps
 * its own line and counts toward the time. The script is the scenario as text, not a replay: in the
 * CLI a client command without `&`, `connect`, `close` and `settle` wait for their end before the
 * next line runs, which the live console did not; the link (encodeScenario) replays exactly.
 */
export function scenarioToScript(s: Scenario): string {
  const out: string[] = [...formatHeader(s.header)];
  let clock = 0;
  let first = true;
  for (const action of s.actions) {
    const at = Math.round(action.t);
    if (at > clock) {
      out.push(`wait ${at - clock}ms`);
      clock = at;
      first = false;
    }
    const parsed = parseConsoleLine(action.text, 1, s.header.servers).line;
    if (first && isNetworkLine(action.text, s.header.servers)) out.push('wait 0ms');
    out.push(action.text);
    first = false;
    if (parsed?.kind === 'wait') clock += parsed.ms;
  }
  return out.join('\n');
}

/**
 * Reads a script into a scenario: `wait` lines become time offsets, every other line an action at the
 * accumulated time with `events: -1` (run it as soon as simulated time reaches t). Times after a
 * `settle` or a client command without `&` count from when that line started. Errors are one line
 * each, naming the line; the scenario is given only when there are none.
 */
export function scriptToScenario(text: string): { scenario?: Scenario; errors: string[] } {
  const parsed = parseScript(text);
  const errors = parsed.errors.map(formatParseError);
  const header = parsed.script.header;
  if (!inAppRange(header.servers)) {
    const line = text.split(/\r\n|\n|\r/).findIndex((l) => serversRequested(l) !== null) + 1;
    errors.push(
      m.scriptServersOutOfRange(line, header.servers, SCENARIO_LIMITS.minServers, SCENARIO_LIMITS.maxServers),
    );
  }
  const actions: ScenarioAction[] = [];
  let t = 0;
  let late = false;
  for (const line of parsed.script.lines) {
    if (line.kind === 'wait') {
      t += line.ms;
      continue;
    }
    if (line.text.length > SCENARIO_LIMITS.maxActionLength) {
      errors.push(m.scriptLineTooLong(line.line, line.text.length, SCENARIO_LIMITS.maxActionLength));
    }
    if (t > SCENARIO_LIMITS.maxTimeMs && !late) {
      late = true;
      errors.push(m.scriptTooLate(line.line, SCENARIO_LIMITS.maxTimeMs));
    }
    actions.push({ events: -1, t, text: line.text });
  }
  if (actions.length > SCENARIO_LIMITS.maxActions)
    errors.push(m.scriptTooManyActions(actions.length, SCENARIO_LIMITS.maxActions));
  if (errors.length > 0) return { errors };
  return { scenario: { header, actions }, errors };
}

/** An empty scenario with the default header. */
export function emptyScenario(header: Header = DEFAULT_HEADER): Scenario {
  return { header, actions: [] };
}
