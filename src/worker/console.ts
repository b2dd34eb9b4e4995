// The page's console: runner output turned into entries, echoes and refusals, and what a frame sends of it.
import { inEveryLanguage } from '../script/language';
import type { OutputRecord } from '../script/run';
import type { ConsoleEntry } from '../view/projections';
import { isErrorCode } from '../zk/errors';
import type { ErrorCode } from '../zk/types';
import { workerText } from './text';

/** Console entries sent again after a seek. */
const MAX_CONSOLE_RESENT = 1_000;

export interface ConsoleState {
  readonly log: ConsoleEntry[];
  /** Console lines that were refused: shown once, never replayed. */
  rejected: ConsoleEntry[];
  /** Runner records folded into the log so far. */
  recordsSeen: number;
  /** Log entries a frame has sent. */
  sent: number;
}

export function newConsole(): ConsoleState {
  return { log: [], rejected: [], recordsSeen: 0, sent: 0 };
}

/** Turn new runner output (results, watch events) into console entries. */
export function absorbRecords(state: ConsoleState, records: readonly OutputRecord[]): void {
  for (; state.recordsSeen < records.length; state.recordsSeen++) absorbRecord(state.log, records[state.recordsSeen]!);
}

function absorbRecord(log: ConsoleEntry[], record: OutputRecord): void {
  const session = typeof record.json.session === 'string' ? record.json.session : undefined;
  if (typeof record.json.event === 'string') {
    // A watch event names its session itself (WATCHER:: c1 NodeDataChanged /data).
    for (const text of record.text)
      if (session !== undefined) log.push({ kind: 'watch', text, t: record.t, session });
      else log.push({ kind: 'output', text, t: record.t, ok: record.ok });
    return;
  }
  // The first text line echoes the command; the rest is what zkCli prints for it.
  const [echo, ...lines] = record.text;
  const about = resultAbout(session, record.json.cmd, echo);
  const errors = lineErrors(record);
  // A silent success (set, delete) still gets an acknowledgement, so the console shows it completed.
  const silent = lines.length === 0 && session !== undefined && record.line !== undefined;
  if (silent) lines.push(workerText.silentResult);
  // Our own words (a silent success's "done", a line's note) come in every language; zkCli's text in one.
  const said = silent ? inEveryLanguage(() => workerText.silentResult) : record.note;
  lines.forEach((text, i) => {
    log.push({
      kind: 'output',
      text,
      t: record.t,
      ok: record.ok,
      ...(session === undefined ? {} : { session }),
      ...(i === 0 && about !== undefined ? { about } : {}),
      ...(errors[i] === undefined ? {} : { error: errors[i] }),
      ...(said !== undefined && i === lines.length - 1 ? { said } : {}),
    });
  });
}

/** The error code each printed line of a result shows: a multi prints a line per sub-result, any other failed
 *  command one line, its error. */
function lineErrors(record: OutputRecord): (ErrorCode | undefined)[] {
  const results = record.json.results;
  if (Array.isArray(results))
    return results.map((sub: unknown) =>
      typeof sub === 'object' && sub !== null && 'error' in sub && isErrorCode(sub.error) ? sub.error : undefined,
    );
  return !record.ok && isErrorCode(record.json.error) ? [record.json.error] : [];
}

/** What a result answers: "c1 create /y" for a client command, the line itself ("settle") for the rest. */
export function resultAbout(session: string | undefined, cmd: unknown, echo: string | undefined): string | undefined {
  if (session !== undefined && typeof cmd === 'string' && cmd !== '') return workerText.about(session, cmd);
  return echo;
}

/** What a frame sends: the new entries (after a reset, the latest ones whole) and the refused lines. */
export function drainConsole(state: ConsoleState, reset: boolean): ConsoleEntry[] {
  const from = reset ? Math.max(0, state.log.length - MAX_CONSOLE_RESENT) : state.sent;
  const out = [...state.log.slice(from), ...state.rejected];
  state.sent = state.log.length;
  state.rejected = [];
  return out;
}
