// Jepsen-style histories from elsewhere, as Porcupine reads them: a register's Jepsen log lines, or a key-value
// store's EDN maps, one op event a line. Time is the line order.
// - A process has one op at a time; `ok` completes it.
// - A `fail` cas ran and found another value (its answer is "false"); a `fail` read (`:timed-out`) read something
//   unknown (any value fits); any other `fail` did not happen.
// - `info`, and an invoke never completed, may have taken effect at any moment after the invoke, or never.
import { kvModel, type KvInput, type KvOutput } from './kv';
import { registerModel, type RegisterInput, type RegisterOutput, type RegisterValue } from './register';
import { checkOperations } from './explain';
import type { Budget, Operation } from './search';
import { checkText } from './text';

export type HistoryModel = 'register' | 'kv';
export const HISTORY_MODELS: readonly HistoryModel[] = ['register', 'kv'];

export class HistoryError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export type ParsedHistory =
  | { readonly model: 'register'; readonly ops: Operation<RegisterInput, RegisterOutput>[]; readonly invoked: number }
  | { readonly model: 'kv'; readonly ops: Operation<KvInput, KvOutput>[]; readonly invoked: number };

const REGISTER_LINE = /^INFO\s+jepsen\.util\s+-\s+\d+\s+:/;

/** The format of a history text: the first line that is a register op line or an EDN map decides; null if none. */
export function detectModel(text: string): HistoryModel | null {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{')) return 'kv';
    if (REGISTER_LINE.test(trimmed)) return 'register';
  }
  return null;
}

type EventType = 'invoke' | 'ok' | 'fail' | 'info';

interface Pending<I> {
  readonly input: I;
  readonly call: number;
}

/** Pairs each process's invoke with its completion; the op list keeps invoke order. */
class Pairing<I, O> {
  private readonly pending = new Map<number, Pending<I> & { index: number }>();
  private readonly slots: (Operation<I, O> | null | undefined)[] = [];
  invoked = 0;

  invoke(process: number, input: I, line: number): void {
    if (this.pending.has(process)) throw new HistoryError(line, checkText.historyPending(process));
    this.pending.set(process, { input, call: line, index: this.slots.length });
    this.slots.push(undefined);
    this.invoked++;
  }

  /** The pending op of `process`, removed, checked to be the same function. */
  complete(process: number, f: string, fOf: (input: I) => string, line: number): Pending<I> & { index: number } {
    const op = this.pending.get(process);
    if (op === undefined) throw new HistoryError(line, checkText.historyNeverInvoked(process));
    if (fOf(op.input) !== f) throw new HistoryError(line, checkText.historyOtherF(process, f, fOf(op.input)));
    this.pending.delete(process);
    return op;
  }

  /** Sets what became of an op: an operation, or null when it did not happen. */
  settle(index: number, op: Operation<I, O> | null): void {
    this.slots[index] = op;
  }

  /** The ops, those still pending as unknown (`unknown` builds one). */
  finish(unknown: (p: Pending<I>) => Operation<I, O>): Operation<I, O>[] {
    for (const p of this.pending.values()) this.slots[p.index] = unknown(p);
    return this.slots.filter((op): op is Operation<I, O> => op !== null && op !== undefined);
  }
}

const UNKNOWN: RegisterOutput = { kind: 'unknown' };

function unknownOp<I, O>(p: Pending<I>, output: O): Operation<I, O> {
  return { input: p.input, output, call: p.call, ret: Infinity, required: false, compared: false };
}

function known<I, O>(p: Pending<I>, output: O, ret: number): Operation<I, O> {
  return { input: p.input, output, call: p.call, ret, required: true, compared: true };
}

const REGISTER_OP = /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s+(.+?)\s*$/;
const INTEGER = /^-?\d+$/;
const PAIR = /^\[\s*(-?\d+)\s+(-?\d+)\s*\]$/;

function registerInput(process: number, f: string, value: string, line: number): RegisterInput {
  if (f === 'read') {
    if (value !== 'nil') throw new HistoryError(line, checkText.historyReadInvoke(value));
    return { f: 'read', process };
  }
  if (f === 'write') {
    if (!INTEGER.test(value)) throw new HistoryError(line, checkText.historyWriteValue(value));
    return { f: 'write', process, value: Number(value) };
  }
  const pair = PAIR.exec(value);
  if (pair === null) throw new HistoryError(line, checkText.historyCasValue(value));
  return { f: 'cas', process, from: Number(pair[1]), to: Number(pair[2]) };
}

function readValue(value: string, line: number): RegisterValue {
  if (value === 'nil') return null;
  if (!INTEGER.test(value)) throw new HistoryError(line, checkText.historyReadResult(value));
  return Number(value);
}

/** Parses a register history (Jepsen log lines; other lines are ignored). */
export function parseRegisterHistory(text: string): ParsedHistory {
  const pairing = new Pairing<RegisterInput, RegisterOutput>();
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = k + 1;
    const raw = lines[k]!.trim();
    if (!REGISTER_LINE.test(raw)) continue;
    const m = REGISTER_OP.exec(raw);
    if (m === null) throw new HistoryError(line, checkText.historyNotRegisterLine(raw));
    const [, processText, type, f, value] = m as unknown as [string, string, EventType, string, string];
    const process = Number(processText);
    if (type === 'invoke') {
      pairing.invoke(process, registerInput(process, f, value, line), line);
      continue;
    }
    const p = pairing.complete(process, f, (input) => input.f, line);
    pairing.settle(p.index, registerCompletion(p, type, value, line));
  }
  const ops = pairing.finish((p) => unknownOp(p, UNKNOWN));
  return { model: 'register', ops, invoked: pairing.invoked };
}

function registerCompletion(
  p: Pending<RegisterInput>,
  type: Exclude<EventType, 'invoke'>,
  value: string,
  line: number,
): Operation<RegisterInput, RegisterOutput> | null {
  const f = p.input.f;
  if (type === 'info') return unknownOp(p, UNKNOWN);
  if (type === 'fail') {
    if (f === 'cas') return known(p, { kind: 'cas', swapped: false }, line);
    // A failed read read something unknown: it constrains nothing. A failed write did not happen.
    return f === 'read' ? unknownOp(p, UNKNOWN) : null;
  }
  if (f === 'read') return known(p, { kind: 'read', value: readValue(value, line) }, line);
  if (f === 'write') return known(p, { kind: 'written' }, line);
  return known(p, { kind: 'cas', swapped: true }, line);
}

// ------------------------------------------------------------------------------------------ EDN (kv)

type EdnValue = string | number | null;

const EDN_BLANK = /\s*/y;
const EDN_TOKEN = /\s*(?:,\s*)?(?::([A-Za-z][\w.*+!?-]*)|"((?:[^"\\]|\\.)*)"|(-?\d+)|(nil))/y;

/** One flat EDN map of keyword keys to strings, integers, keywords or nil. */
function parseEdnMap(text: string, line: number): Map<string, EdnValue> {
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) throw new HistoryError(line, checkText.historyNotEdn(body));
  const inner = body.slice(1, -1);
  const out = new Map<string, EdnValue>();
  const tokens: EdnValue[] = [];
  const kinds: ('keyword' | 'value')[] = [];
  let at = 0;
  for (;;) {
    // Only whitespace left: done (skipped with a sticky regex, not by slicing the rest of the line per token).
    EDN_BLANK.lastIndex = at;
    EDN_BLANK.exec(inner);
    if (EDN_BLANK.lastIndex >= inner.length) break;
    EDN_TOKEN.lastIndex = at;
    const m = EDN_TOKEN.exec(inner);
    if (m === null) throw new HistoryError(line, checkText.historyEdnNear(inner.slice(at).trim()));
    at = EDN_TOKEN.lastIndex;
    if (m[1] !== undefined) {
      tokens.push(`:${m[1]}`);
      kinds.push('keyword');
    } else {
      const text = m[2];
      const string = text === undefined || !text.includes('\\') ? text : (JSON.parse(`"${text}"`) as string);
      tokens.push(string !== undefined ? string : m[3] !== undefined ? Number(m[3]) : null);
      kinds.push('value');
    }
  }
  if (tokens.length % 2 !== 0) throw new HistoryError(line, checkText.historyEdnOdd);
  for (let k = 0; k < tokens.length; k += 2) {
    if (kinds[k] !== 'keyword') throw new HistoryError(line, 'EDN map keys must be keywords');
    out.set((tokens[k] as string).slice(1), tokens[k + 1]!);
  }
  return out;
}

function field(map: Map<string, EdnValue>, name: string, line: number): EdnValue {
  if (!map.has(name)) throw new HistoryError(line, checkText.historyMissingKey(name));
  return map.get(name)!;
}

function kvEvent(
  map: Map<string, EdnValue>,
  line: number,
): { process: number; type: EventType; f: KvInput['f']; key: string; value: EdnValue } {
  const process = field(map, 'process', line);
  const type = field(map, 'type', line);
  const f = field(map, 'f', line);
  const key = field(map, 'key', line);
  if (typeof process !== 'number') throw new HistoryError(line, ':process must be an integer');
  if (type !== ':invoke' && type !== ':ok' && type !== ':fail' && type !== ':info')
    throw new HistoryError(line, ':type must be :invoke, :ok, :fail or :info');
  if (f !== ':get' && f !== ':put' && f !== ':append') throw new HistoryError(line, ':f must be :get, :put or :append');
  if (typeof key !== 'string') throw new HistoryError(line, ':key must be a string');
  return {
    process,
    type: type.slice(1) as EventType,
    f: f.slice(1) as KvInput['f'],
    key,
    value: field(map, 'value', line),
  };
}

/** Parses a key-value history (one EDN map a line; blank lines are skipped). */
export function parseKvHistory(text: string): ParsedHistory {
  const pairing = new Pairing<KvInput, KvOutput>();
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = k + 1;
    if (lines[k]!.trim() === '') continue;
    const e = kvEvent(parseEdnMap(lines[k]!, line), line);
    if (e.type === 'invoke') {
      let input: KvInput;
      if (e.f === 'get') input = { f: 'get', process: e.process, key: e.key };
      else if (typeof e.value === 'string') input = { f: e.f, process: e.process, key: e.key, value: e.value };
      else throw new HistoryError(line, checkText.historyStringValue(e.f));
      pairing.invoke(e.process, input, line);
      continue;
    }
    const p = pairing.complete(e.process, e.f, (input) => input.f, line);
    if (p.input.key !== e.key) throw new HistoryError(line, checkText.historyOtherKey(e.process, e.key, p.input.key));
    if (e.type === 'info') pairing.settle(p.index, unknownOp(p, null));
    else if (e.type === 'fail') pairing.settle(p.index, null);
    else if (e.f !== 'get') pairing.settle(p.index, known(p, null, line));
    else if (typeof e.value === 'string') pairing.settle(p.index, known(p, e.value, line));
    else throw new HistoryError(line, checkText.historyGetResult);
  }
  const ops = pairing.finish((p) => unknownOp(p, null));
  return { model: 'kv', ops, invoked: pairing.invoked };
}

// ------------------------------------------------------------------------------------------ verdicts

/** Model steps one history's check may take before it says "unknown". */
export const HISTORY_BUDGET = 50_000_000;

export type HistoryVerdict =
  | { readonly linearizable: true }
  | { readonly linearizable: null }
  | {
      readonly linearizable: false;
      /** The longest linearizable prefix found (of the culprit's partition), described. */
      readonly prefix: readonly string[];
      /** The op that cannot follow it. */
      readonly op: string;
      /** What the model answers to that op after the prefix; null when the op cannot come next at all. */
      readonly answer: string | null;
    };

/** Parses (as `model`, or the format detected) and checks one history text; throws HistoryError. */
export function checkHistoryText(
  text: string,
  model: HistoryModel | null,
  budget: Budget = { used: 0, limit: HISTORY_BUDGET },
): { model: HistoryModel; ops: number; verdict: HistoryVerdict } {
  const chosen = model ?? detectModel(text);
  if (chosen === null) throw new HistoryError(1, checkText.historyNoOps);
  const parsed = chosen === 'register' ? parseRegisterHistory(text) : parseKvHistory(text);
  return { model: chosen, ops: parsed.invoked, verdict: verdictOf(parsed, budget) };
}

function verdictOf(parsed: ParsedHistory, budget: Budget): HistoryVerdict {
  if (parsed.model === 'register') {
    const outcome = checkOperations(registerModel, parsed.ops, budget);
    if (outcome.kind === 'ok') return { linearizable: true };
    if (outcome.kind === 'unknown') return { linearizable: null };
    const describe = (op: Operation<RegisterInput, RegisterOutput>): string =>
      registerModel.describeOperation(op.input, op.output);
    return {
      linearizable: false,
      prefix: outcome.prefix.map(describe),
      op: describe(outcome.culprit),
      answer: outcome.answer,
    };
  }
  const outcome = checkOperations(kvModel, parsed.ops, budget);
  if (outcome.kind === 'ok') return { linearizable: true };
  if (outcome.kind === 'unknown') return { linearizable: null };
  const describe = (op: Operation<KvInput, KvOutput>): string => kvModel.describeOperation(op.input, op.output);
  return {
    linearizable: false,
    prefix: outcome.prefix.map(describe),
    op: describe(outcome.culprit),
    answer: outcome.answer,
  };
}
