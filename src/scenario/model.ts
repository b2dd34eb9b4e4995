// A scenario as the app shares it: the header, and every user action with exactly when it ran.
// Plain data (no classes, no functions), so it can go through JSON, postMessage and URLs.
import { DEFAULT_HEADER, type Header } from '../sim/config';
import { formatHeader, formatMoment } from '../script/format';
import type { Line } from '../script/ast';
import { formatParseError, parseConsoleLine, parseLine, parseScript } from '../script/parse';
import { scenarioText as m } from './text';

/** One user action (as the timeline's RecordedAction, src/scenario/timeline): the line, and exactly when it ran. */
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
      return { error: m.badHeaderLine(index, line, m.shape.oneShortLine) };
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
    if (!(Number.isFinite(t) && t >= 0)) return m.wrongShape(m.shape.action(index + 1), m.shape.badTime);
    if (!(Number.isSafeInteger(events) && events >= -1)) {
      return m.wrongShape(m.shape.action(index + 1), m.shape.badEvents);
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
 * The run as an exact replay: the header, then each action after an `at` line naming the moment it ran (only when
 * it moved), then the scenario's moment and `stop`. `npm run sim` replays it as the app's time travel does, so it
 * reaches the same trace, and the same Fingerprint, as the page at that moment. Actions after the moment (a run
 * shared from the past holds its future) are left out: the file ends where the page stood.
 */
export function scenarioToExactScript(s: Scenario): string {
  const out: string[] = [...formatHeader(s.header), ...m.exactReplayComment()];
  let last = '';
  for (const action of s.actions.slice(0, s.cursor?.actions ?? s.actions.length)) {
    const moment = formatMoment(action.t, action.events >= 0 ? action.events : undefined);
    if (moment !== last) out.push(moment);
    last = moment;
    out.push(action.text);
  }
  if (s.cursor !== undefined) out.push(formatMoment(s.cursor.t, s.cursor.events), 'stop');
  return out.join('\n');
}

interface ReadActions {
  readonly actions: { readonly action: ScenarioAction; readonly line: number }[];
  readonly cursor?: ScenarioCursor;
  /** The line of a `stop` with no exact moment before it. */
  readonly stopWithoutEvents?: number;
}

/** The lines of a script as actions: `wait` lines are time offsets until the first `at` line; after it, each line
 *  is an action at the moment of the `at` before it, and `stop` gives the cursor. */
function linesToActions(lines: readonly Line[]): ReadActions {
  const actions: { action: ScenarioAction; line: number }[] = [];
  let t = 0;
  let moment: { t: number; events: number } | null = null;
  for (const line of lines) {
    if (line.kind === 'at') moment = { t: line.ms, events: line.events ?? -1 };
    else if (line.kind === 'stop') {
      if (moment === null || moment.events < 0) return { actions, stopWithoutEvents: line.line };
      return { actions, cursor: { events: moment.events, t: moment.t, actions: actions.length } };
    } else if (moment !== null) actions.push({ action: { ...moment, text: line.text }, line: line.line });
    else if (line.kind === 'wait') t += line.ms;
    else actions.push({ action: { events: -1, t, text: line.text }, line: line.line });
  }
  return { actions };
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
  const read = linesToActions(parsed.script.lines);
  if (read.stopWithoutEvents !== undefined) errors.push(m.stopNeedsEvents(read.stopWithoutEvents));
  for (const { action, line } of read.actions) {
    if (action.text.length > SCENARIO_LIMITS.maxActionLength)
      errors.push(m.scriptLineTooLong(line, action.text.length, SCENARIO_LIMITS.maxActionLength));
  }
  const late = read.actions.find(({ action }) => action.t > SCENARIO_LIMITS.maxTimeMs);
  if (late !== undefined) errors.push(m.scriptTooLate(late.line, SCENARIO_LIMITS.maxTimeMs));
  const actions = read.actions.map(({ action }) => action);
  if (actions.length > SCENARIO_LIMITS.maxActions)
    errors.push(m.scriptTooManyActions(actions.length, SCENARIO_LIMITS.maxActions));
  if (errors.length > 0) return { errors };
  // Moments read from a file get the checks a link's actions get (bounds, order).
  const bad = checkActions(header, actions);
  if (bad !== null) return { errors: [bad] };
  const { cursor } = read;
  return { scenario: { header, actions, ...(cursor === undefined ? {} : { cursor }) }, errors };
}

/** An empty scenario with the default header. */
export function emptyScenario(header: Header = DEFAULT_HEADER): Scenario {
  return { header, actions: [] };
}
