// Linearizable writes, live: the history of src/check/linearizable.ts built as events happen, checked at each
// event that can break it (a write's known result, a session txn's first apply). Its violation is the first
// event after which no linearization exists; buildHistory on the trace up to that event gives the same history.
//
// The settled past is never searched again. When no client op is in flight and every op with a known outcome
// returned before now, the history since the last such cut (a segment) is finished: every op called later
// comes after all its required ops. The frontier is every way the finished history can leave the model (its
// state, with the ops of unknown outcome still free to take effect later); a check searches only the open
// segment from each frontier state. Cost per write is the size of its segment (the ops it overlaps).
import type { OpResult, TraceEvent } from '../sim/trace';
import { commandTxn, type ClientCommand } from '../zk/commands';
import type { Txn } from '../zk/types';
import { commandText, resultText, txnText } from './describe';
import { isUnknown, tookEffect } from './linearizable';
import { segmentEnds } from './frontier';
import type { Monitor } from './monitor';
import { searchPartition, type Budget, type Model, type Operation } from './search';
import { involving, OK, okWithNote, violation, type Verdict } from './types';
import { renumbered, resultMatches, stepTxn, znodeModel, type ZnodeState } from './znodeModel';
import { checkText } from './text';

/** Model steps one check (or one cut) may take before the monitor gives up with "unknown". */
export const MONITOR_STEP_LIMIT = 200_000;
/** Frontier states the monitor keeps at most (ops of unknown outcome multiply them). */
export const MONITOR_FRONTIER_LIMIT = 256;

/** A write in the history (see buildHistory): mutable while its outcome is still coming. */
interface LiveOp {
  /** Entry order: names the op in frontier keys. */
  readonly id: number;
  readonly txn: Txn;
  readonly start: number;
  end: number;
  required: boolean;
  expected: OpResult | null;
  readonly label: string;
  /** The trace event that brought it into the history: its invoke (a session txn: its request). */
  readonly enteredAt: number;
}

interface ClientWrite {
  readonly session: string;
  readonly command: ClientCommand;
  readonly invokeT: number;
  readonly invokeIndex: number;
  returned: boolean;
  /** In the history once its (for deleteall: second) request was seen, or at a known result. */
  op: LiveOp | null;
}

interface Config {
  readonly state: ZnodeState;
  /** Ops of earlier segments, unknown outcome, not taken in this state's history. */
  readonly open: readonly LiveOp[];
}

function operation(op: LiveOp, carried: boolean): Operation<Txn, OpResult | null> {
  return {
    input: op.txn,
    output: op.expected,
    // A carried op was called before the cut: it may go anywhere in the segment.
    call: carried ? -Infinity : op.start,
    ret: op.end,
    required: op.required,
    compared: op.expected !== null,
  };
}

type Step = ReturnType<typeof stepTxn>;

/**
 * The steps taken since the last cut, by state (its number table, its key) and txn. Every check until the next cut
 * searches the same segment from the same frontier, so each step is taken once, not once per check.
 */
class StepCache {
  private readonly tables = new WeakMap<object, Map<number, Map<Txn, Step>>>();
  private readonly models = new Map<ZnodeState, Model<ZnodeState, Txn, OpResult | null>>();

  /** The model searches from frontier state `state` use: it starts there and steps through this cache. */
  from(state: ZnodeState): Model<ZnodeState, Txn, OpResult | null> {
    let model = this.models.get(state);
    if (model === undefined) {
      model = {
        ...znodeModel,
        init: () => state,
        partition: undefined,
        step: (s, txn, expected) => this.step(s, txn, expected),
      };
      this.models.set(state, model);
    }
    return model;
  }

  step(state: ZnodeState, txn: Txn, expected: OpResult | null): ZnodeState | undefined {
    let byKey = this.tables.get(state.numbers);
    if (byKey === undefined) {
      byKey = new Map();
      this.tables.set(state.numbers, byKey);
    }
    let byTxn = byKey.get(state.key);
    if (byTxn === undefined) {
      byTxn = new Map();
      byKey.set(state.key, byTxn);
    }
    let step = byTxn.get(txn);
    if (step === undefined) {
      step = stepTxn(state, txn);
      byTxn.set(txn, step);
    }
    return expected !== null && !resultMatches(step.result, expected) ? undefined : step.state;
  }
}

export class LinearizableMonitor implements Monitor {
  readonly kinds: readonly TraceEvent['kind'][] = ['invoke', 'request', 'apply', 'return'];
  private readonly writes = new Map<string, ClientWrite>();
  /** Client request ids (`c1:3:first`, `c1:3:second`) to their write, while it is in flight. */
  private readonly requestIds = new Map<string, ClientWrite>();
  /** Writes of unknown outcome not yet applied anywhere, by the request id whose apply would show them. */
  private readonly limbo = new Map<string, LiveOp>();
  /** Session transactions nobody invoked, by proposal id. */
  private readonly sessionTxns = new Map<string, LiveOp>();
  private inFlight = 0;
  private entered = 0;
  private segment: LiveOp[] = [];
  private frontier: Config[] = [{ state: znodeModel.init(), open: [] }];
  /** Steps from the frontier's states, until the next cut replaces them. */
  private steps = new StepCache();
  /** Why the monitor stopped checking ("unknown: ..."), or null. */
  private gaveUp: string | null = null;

  constructor(
    private readonly stepLimit = MONITOR_STEP_LIMIT,
    private readonly frontierLimit = MONITOR_FRONTIER_LIMIT,
  ) {}

  observe(e: TraceEvent, index: number): ReturnType<Monitor['observe']> {
    switch (e.kind) {
      case 'invoke':
        if (e.write) this.invoke(e.session, e.opId, e.command, e.t, index);
        return null;
      case 'request':
        this.request(e.proposalId, e.txn, e.t, index);
        return null;
      case 'apply': {
        if (!tookEffect(e)) return null;
        const op = this.appliedOp(e.proposalId);
        // A txn takes effect no later than its first apply (see buildHistory).
        if (op === null || op.end <= e.t) return null;
        op.end = e.t;
        op.required = true;
        return this.check(op, index);
      }
      case 'return':
        return this.complete(`${e.session}:${e.opId}`, e.result, e.t, index);
      default:
        return null;
    }
  }

  finish(): Verdict {
    return this.gaveUp === null ? OK : okWithNote(this.gaveUp);
  }

  /** The history op an apply of `proposalId` shows took effect, or null. */
  private appliedOp(proposalId: string): LiveOp | null {
    const session = this.sessionTxns.get(proposalId);
    if (session !== undefined) return session;
    const unknown = this.limbo.get(proposalId);
    if (unknown !== undefined) {
      this.limbo.delete(proposalId);
      return unknown;
    }
    const write = this.requestIds.get(proposalId);
    if (write?.op == null) return null;
    const applies = proposalId.endsWith(':second') === (write.command.kind === 'deleteall');
    return applies ? write.op : null;
  }

  private invoke(session: string, opId: number, command: ClientCommand, t: number, index: number): void {
    this.tryCut(t);
    const write: ClientWrite = { session, command, invokeT: t, invokeIndex: index, returned: false, op: null };
    const key = `${session}:${opId}`;
    this.writes.set(key, write);
    this.requestIds.set(`${key}:first`, write);
    this.requestIds.set(`${key}:second`, write);
    this.inFlight++;
  }

  private request(proposalId: string, txn: Txn, t: number, index: number): void {
    const write = this.requestIds.get(proposalId);
    if (write !== undefined) {
      const second = proposalId.endsWith(':second');
      if (write.op !== null || write.returned || second !== (write.command.kind === 'deleteall')) return;
      write.op = this.enter(second ? txn : commandTxn(write.session, write.command), t, write);
      return;
    }
    if ((txn.op !== 'createSession' && txn.op !== 'closeSession') || this.sessionTxns.has(proposalId)) return;
    this.tryCut(t);
    const op: LiveOp = {
      id: this.entered++,
      txn,
      start: t,
      end: Infinity,
      required: false,
      expected: null,
      label: `${txnText(txn)} (${proposalId})`,
      enteredAt: index,
    };
    this.sessionTxns.set(proposalId, op);
    this.segment.push(op);
  }

  private enter(txn: Txn, start: number, write: ClientWrite): LiveOp {
    const op: LiveOp = {
      id: this.entered++,
      txn,
      start,
      end: Infinity,
      required: false,
      expected: null,
      label: `${write.session} "${commandText(write.command)}"`,
      enteredAt: write.invokeIndex,
    };
    this.segment.push(op);
    return op;
  }

  private complete(key: string, result: OpResult, t: number, index: number): ReturnType<Monitor['observe']> {
    const write = this.writes.get(key);
    if (write === undefined || write.returned) return null;
    write.returned = true;
    this.inFlight--;
    this.writes.delete(key);
    this.requestIds.delete(`${key}:first`);
    this.requestIds.delete(`${key}:second`);
    if (isUnknown(result)) {
      if (write.op !== null && !write.op.required)
        this.limbo.set(`${key}:${write.command.kind === 'deleteall' ? 'second' : 'first'}`, write.op);
      return null;
    }
    // A deleteall whose second stage never went out wrote nothing.
    if (write.op === null && write.command.kind === 'deleteall') return null;
    const op = write.op ?? this.enter(commandTxn(write.session, write.command), write.invokeT, write);
    op.end = Math.min(op.end, t);
    op.required = true;
    op.expected = result;
    return this.check(op, index);
  }

  /** The ops a search from `config` covers: its carried ops, then the open segment. */
  private operations(config: Config): Operation<Txn, OpResult | null>[] {
    return [...config.open.map((op) => operation(op, true)), ...this.segment.map((op) => operation(op, false))];
  }

  private check(op: LiveOp, index: number): ReturnType<Monitor['observe']> {
    if (this.gaveUp !== null) return null;
    const budget: Budget = { used: 0, limit: this.stepLimit };
    let hint = '';
    for (const config of this.frontier) {
      const ops = this.operations(config);
      const outcome = searchPartition(this.steps.from(config.state), ops, budget);
      if (outcome.kind === 'ok') return null;
      if (outcome.kind === 'exhausted') {
        this.gaveUp = 'unknown: search budget exhausted';
        return null;
      }
      const culprit = ops[outcome.culprit];
      if (hint === '' && culprit?.input === op.txn && outcome.placeable) {
        hint = znodeModel.describeAnswer(outcome.state, op.txn);
      }
    }
    const result = op.expected === null ? null : resultText(op.expected);
    return violation(
      index,
      checkText.notLinearizable(op.label, result, hint === '' ? null : hint),
      involving([], [], [op.enteredAt, index]),
    );
  }

  /** At a quiet moment `now`, folds the finished segment into the frontier. */
  private tryCut(now: number): void {
    if (this.gaveUp !== null || this.inFlight > 0) return;
    const settled = (op: LiveOp): boolean => !op.required || op.end < now;
    if (!this.segment.every(settled) || !this.frontier.every((c) => c.open.every(settled))) return;
    if (this.segment.length === 0 && this.frontier.every((c) => c.open.every((op) => !op.required))) return;
    const budget: Budget = { used: 0, limit: this.stepLimit };
    const next = new Map<string, Config>();
    for (const config of this.frontier) {
      const carried = [...config.open, ...this.segment];
      const ends = segmentEnds(this.steps.from(config.state), config.state, this.operations(config), budget);
      if (ends === null) {
        this.gaveUp = 'unknown: search budget exhausted';
        return;
      }
      for (const end of ends) {
        const open = end.skipped.map((k) => carried[k]!);
        next.set(`${end.state.key}\u0004${open.map((op) => op.id).join(',')}`, {
          state: end.state,
          open,
        });
      }
    }
    if (next.size > this.frontierLimit) {
      this.gaveUp = `unknown: more than ${this.frontierLimit} possible states after ops of unknown outcome`;
      return;
    }
    const configs = [...next.values()];
    const states = renumbered(configs.map((c) => c.state));
    this.frontier = configs.map((c, i) => ({ state: states[i]!, open: c.open }));
    this.steps = new StepCache();
    this.segment = [];
  }
}

export function linearizableMonitor(): Monitor {
  return new LinearizableMonitor();
}
