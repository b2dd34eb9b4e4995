// The page's console: runner output turned into entries, echoes and refusals, and what a frame sends of it.
import type { OutputRecord } from '../script/run';
import type { ConsoleEntry } from '../view/projections';
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
  const isWatch = typeof record.json.event === 'string';
  // The echoed command line of a result was already shown as input; show only the output lines.
  const lines = isWatch ? record.text : record.text.slice(1);
  for (const text of lines) {
    if (isWatch && session !== undefined) log.push({ kind: 'watch', text, t: record.t, session });
    else log.push({ kind: 'output', text, t: record.t, ok: record.ok, ...(session === undefined ? {} : { session }) });
  }
  if (!isWatch && lines.length === 0 && session !== undefined && record.line !== undefined) {
    // A silent success (set, delete) still gets an acknowledgement, so the console shows it completed.
    log.push({
      kind: 'output',
      text: workerText.done(session, typeof record.json.cmd === 'string' ? record.json.cmd : ''),
      t: record.t,
      ok: true,
      session,
    });
  }
}

/** What a frame sends: the new entries (after a reset, the latest ones whole) and the refused lines. */
export function drainConsole(state: ConsoleState, reset: boolean): ConsoleEntry[] {
  const from = reset ? Math.max(0, state.log.length - MAX_CONSOLE_RESENT) : state.sent;
  const out = [...state.log.slice(from), ...state.rejected];
  state.sent = state.log.length;
  state.rejected = [];
  return out;
}
