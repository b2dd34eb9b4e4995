// The client history view's data, framework-free: every client op as a bar on its session's (or process's)
// lane, from invocation to response, with what the linearizability check made of it: the point where it took
// effect, or (no order exists) the op that cannot follow the longest linearizable prefix and the set of ops that
// cannot be ordered. Reads in a run are not part of that check (ZooKeeper reads may be stale: sequential
// consistency per session); a read that missed a write completed before it was called is marked stale.
import { explainOperations, type Explanation } from '../check/explain';
import { HistoryError, parseKvHistory, parseRegisterHistory, detectModel, type HistoryModel } from '../check/histories';
import { kvModel } from '../check/kv';
import { buildHistory, explainHistory, type HistoryOp } from '../check/linearizable';
import { commandText, resultText } from '../check/describe';
import { registerModel } from '../check/register';
import type { Model, Operation } from '../check/search';
import type { OpResult, TraceEvent } from '../sim/trace';
import type { ClientCommand } from '../zk/commands';
import { text } from './text';

export type BarMark = 'point' | 'culprit' | 'unorderable' | 'plain';

export interface HistoryBar {
  readonly id: number;
  readonly lane: string;
  /** "set /x 2", "write 4". */
  readonly label: string;
  /** "ok /x (version 1)", "-> 3"; empty while it has no answer. */
  readonly result: string;
  readonly call: number;
  /** Null: no answer (still pending, or its outcome is unknown). */
  readonly ret: number | null;
  /** Where the check placed it (a linearizable history), or null. */
  readonly point: number | null;
  readonly mark: BarMark;
  /** A read that missed a write completed before it was called (allowed in ZooKeeper). */
  readonly stale: boolean;
  /** Trace index of its invocation (a run's ops), or null. */
  readonly invokeEvent: number | null;
  /** Its row within the lane: ops of one session that overlap in time (async calls) go on separate rows. */
  readonly row: number;
}

export type HistoryVerdictKind = 'linearizable' | 'not-linearizable' | 'unknown';

export interface ClientHistoryView {
  /** The file it came from; null for the run's own history. */
  readonly file: string | null;
  readonly model: 'znode' | HistoryModel;
  /** What `call`, `ret` and `point` count: simulated ms, or the file's lines. */
  readonly unit: 'ms' | 'line';
  readonly lanes: readonly string[];
  /** Rows per lane (by lane index). */
  readonly rows: readonly number[];
  readonly bars: readonly HistoryBar[];
  /** Client ops in the whole history (the bars may show only the last of them). */
  readonly total: number;
  readonly start: number;
  readonly end: number;
  readonly verdict: HistoryVerdictKind;
  /** The longest linearizable prefix, described (not linearizable only). */
  readonly prefix: readonly string[];
  readonly culprit: string | null;
  /** What the model answers to the culprit after the prefix. */
  readonly answer: string | null;
}

/** Bars drawn at most: the latest ones (the check still covers the whole history). */
export const MAX_BARS = 200;

const t = text.history;

function markOf(id: number, explanation: { culprit: number; unorderable: readonly number[] } | null): BarMark {
  if (explanation === null) return 'plain';
  if (explanation.culprit === id) return 'culprit';
  return explanation.unorderable.includes(id) ? 'unorderable' : 'plain';
}

function verdictOf(kind: 'ok' | 'unknown' | 'violation'): HistoryVerdictKind {
  return kind === 'ok' ? 'linearizable' : kind === 'unknown' ? 'unknown' : 'not-linearizable';
}

function span(bars: readonly HistoryBar[]): { start: number; end: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const bar of bars) {
    start = Math.min(start, bar.call);
    end = Math.max(end, bar.ret ?? bar.call, bar.point ?? bar.call);
  }
  return start > end ? { start: 0, end: 1 } : { start, end: Math.max(end, start + 1) };
}

type Unplaced = Omit<HistoryBar, 'row'>;

/** The lanes in order, each bar on the first row of its lane that is free from its call on. */
function laidOut(unplaced: readonly Unplaced[]): {
  lanes: string[];
  rows: number[];
  bars: HistoryBar[];
} {
  const lanes = [...new Set(unplaced.map((bar) => bar.lane))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const busyUntil = new Map<string, number[]>(lanes.map((lane) => [lane, []]));
  const bars = unplaced.map((bar): HistoryBar => {
    const rows = busyUntil.get(bar.lane)!;
    let row = rows.findIndex((until) => until < bar.call);
    if (row < 0) row = rows.length;
    rows[row] = bar.ret ?? Number.POSITIVE_INFINITY;
    return { ...bar, row };
  });
  return { lanes, rows: lanes.map((lane) => Math.max(1, busyUntil.get(lane)!.length)), bars };
}

// ------------------------------------------------------------------------------------------ a run's history

interface Call {
  readonly index: number;
  readonly t: number;
  readonly session: string;
  readonly command: ClientCommand;
  readonly write: boolean;
  answer: { readonly t: number; readonly index: number; readonly result: OpResult } | null;
}

function callsOf(trace: readonly TraceEvent[]): Call[] {
  const calls: Call[] = [];
  const open = new Map<string, Call>();
  trace.forEach((e, index) => {
    if (e.kind === 'invoke') {
      const call: Call = { index, t: e.t, session: e.session, command: e.command, write: e.write, answer: null };
      calls.push(call);
      open.set(`${e.session}:${e.opId}`, call);
    } else if (e.kind === 'return') {
      const call = open.get(`${e.session}:${e.opId}`);
      if (call !== undefined && call.answer === null) call.answer = { t: e.t, index, result: e.result };
    }
  });
  return calls;
}

const parentOf = (path: string): string => (path.lastIndexOf('/') <= 0 ? '/' : path.slice(0, path.lastIndexOf('/')));

/** A write that returned ok: the path it changed, how, its zxid and where the client heard back. */
interface DoneWrite {
  readonly path: string;
  readonly kind: 'create' | 'delete' | 'set';
  readonly zxid: number;
  /** Trace index of its return. */
  readonly heard: number;
}

function doneWrites(calls: readonly Call[]): DoneWrite[] {
  const done: DoneWrite[] = [];
  for (const call of calls) {
    const answer = call.answer;
    const { command } = call;
    if (answer === null || !answer.result.ok || answer.result.zxid === undefined) continue;
    if (command.kind === 'create')
      done.push({ path: answer.result.path ?? command.path, kind: 'create', ...stamp(answer) });
    else if (command.kind === 'delete') done.push({ path: command.path, kind: 'delete', ...stamp(answer) });
    else if (command.kind === 'set') done.push({ path: command.path, kind: 'set', ...stamp(answer) });
  }
  return done;
}

function stamp(answer: { readonly index: number; readonly result: OpResult }): { zxid: number; heard: number } {
  return { zxid: answer.result.zxid ?? 0, heard: answer.index };
}

/** The latest (by zxid) of the writes that match and had returned before trace index `index`. */
function latestBefore(writes: readonly DoneWrite[], index: number, match: (w: DoneWrite) => boolean): DoneWrite | null {
  let latest: DoneWrite | null = null;
  for (const w of writes) if (w.heard < index && match(w) && (latest === null || w.zxid > latest.zxid)) latest = w;
  return latest;
}

/** A read that shows the znode (or its children) older than a write some client had already heard back from. */
function isStaleRead(call: Call, writes: readonly DoneWrite[]): boolean {
  const { command, answer } = call;
  if (answer === null) return false;
  const result = answer.result;
  if (command.kind !== 'get' && command.kind !== 'stat' && command.kind !== 'ls') return false;
  const path = command.path;
  if (command.kind === 'ls' && result.ok) {
    const latest = latestBefore(
      writes,
      call.index,
      (w) => w.kind !== 'set' && parentOf(w.path) === path && w.path !== path,
    );
    return latest !== null && result.stat !== undefined && latest.zxid > result.stat.pzxid;
  }
  const latest = latestBefore(writes, call.index, (w) => w.path === path);
  if (latest === null) return false;
  if (result.ok) return result.stat !== undefined && latest.zxid > result.stat.mzxid;
  return result.error === 'NONODE' && latest.kind !== 'delete';
}

/** The run's client ops (the last MAX_BARS drawn) and what the check made of its writes. */
export function runHistoryView(trace: readonly TraceEvent[]): ClientHistoryView {
  const calls = callsOf(trace);
  const history = buildHistory(trace);
  const explained = explainHistory(history);
  const byInvoke = new Map<number, HistoryOp>();
  for (const op of history) if (op.invokeEvent >= 0) byInvoke.set(op.invokeEvent, op);
  const writes = doneWrites(calls);
  const violation = explained.kind === 'violation' ? explained : null;
  const unplaced: Unplaced[] = calls.slice(-MAX_BARS).map((call) => {
    const op = byInvoke.get(call.index);
    const point = op !== undefined && explained.kind === 'ok' ? (explained.points.get(op.id) ?? null) : null;
    return {
      id: call.index,
      lane: call.session,
      label: commandText(call.command),
      result: call.answer === null ? '' : resultText(call.answer.result),
      call: call.t,
      ret: call.answer?.t ?? null,
      point,
      mark:
        op === undefined ? 'plain' : violation !== null ? markOf(op.id, violation) : point === null ? 'plain' : 'point',
      stale: !call.write && isStaleRead(call, writes),
      invokeEvent: call.index,
    };
  });
  const { lanes, rows, bars } = laidOut(unplaced);
  const label = (id: number): string => history[id]?.label ?? '';
  return {
    file: null,
    model: 'znode',
    unit: 'ms',
    lanes,
    rows,
    bars,
    total: calls.length,
    ...span(bars),
    verdict: verdictOf(explained.kind),
    prefix: violation?.prefix.map(label) ?? [],
    culprit: violation === null ? null : label(violation.culprit),
    answer: violation?.answer ?? null,
  };
}

// ------------------------------------------------------------------------------------------ a history file

function fileView<S, I extends { readonly process: number }, O>(
  file: string,
  model: HistoryModel,
  spec: Model<S, I, O>,
  ops: readonly Operation<I, O>[],
): ClientHistoryView {
  const explained: Explanation = explainOperations(spec, ops);
  const violation = explained.kind === 'violation' ? explained : null;
  const describe = (k: number): string => spec.describeOperation(ops[k]!.input, ops[k]!.output);
  const all: Unplaced[] = ops.map((op, k) => {
    const [head, answer] = describe(k).split(' -> ');
    return {
      id: k,
      lane: `p${op.input.process}`,
      label: head!.replace(/^p\d+ /, ''),
      result: answer ?? (Number.isFinite(op.ret) ? 'ok' : ''),
      call: op.call,
      ret: Number.isFinite(op.ret) ? op.ret : null,
      point: explained.kind === 'ok' ? (explained.points[k] ?? null) : null,
      mark:
        violation !== null
          ? markOf(k, violation)
          : explained.kind === 'ok' && explained.points[k] !== null
            ? 'point'
            : 'plain',
      stale: false,
      invokeEvent: null,
    };
  });
  const { lanes, rows, bars } = laidOut(all.slice(-MAX_BARS));
  return {
    file,
    model,
    unit: 'line',
    lanes,
    rows,
    bars,
    total: ops.length,
    ...span(bars),
    verdict: verdictOf(explained.kind),
    prefix: violation?.prefix.map(describe) ?? [],
    culprit: violation === null ? null : describe(violation.culprit),
    answer: violation?.answer ?? null,
  };
}

/** A Jepsen-style register or kv history (the formats of `npm run check`), or the error naming its line. */
export function fileHistoryView(file: string, body: string): { view: ClientHistoryView } | { error: string } {
  try {
    const model = detectModel(body);
    if (model === null) return { error: t.fileNoOps(file) };
    const parsed = model === 'register' ? parseRegisterHistory(body) : parseKvHistory(body);
    if (parsed.ops.length === 0) return { error: t.fileNoOps(file) };
    return {
      view:
        parsed.model === 'register'
          ? fileView(file, 'register', registerModel, parsed.ops)
          : fileView(file, 'kv', kvModel, parsed.ops),
    };
  } catch (error) {
    if (error instanceof HistoryError) return { error: t.fileError(file, error.line, error.message) };
    throw error;
  }
}
