// A model-generic linearizability checker: Wing & Gong's depth-first search over which operation takes effect
// next, with Lowe's cache of (linearized set, model state), after Porcupine (anishathalye/porcupine).
//
// - An operation may be linearized next when no operation that must take effect returned before it was called.
//   Operations with an unknown outcome (required false) may take effect at any point after their call, or never.
// - Candidates are tried in a fixed order: required ones by earliest return, then the others by call.
// - The operations not yet linearized sit in linked lists (by call, and the required ones by return), so a step
//   costs the number of operations in flight, not the length of the history: a finished prefix is never walked
//   again. An operation only becomes a candidate once every required op that returned before it was linearized,
//   so the linearized set is "every op called by time T, minus the ones in flight": the cache key names T's rank
//   and the ops in flight, not a bitset of the whole history.
//   States are interned as small numbers and a configuration is hashed as numbers (no key strings).
// - An operation whose outcome is unknown and that leaves the state as it was is not tried (the same as never).
// - A required read-only op (Model.readOnly) that fits is taken at once, alone: it can move to the front of any
//   order that works, so no other candidate need be tried there.
// - A configuration with the same required ops linearized and the same state as an explored one, and at least its
//   optional ops linearized, is skipped: an optional op could as well have waited (subsumption, not just equality).
// - P-compositionality: a model may split the history into partitions checked one by one.
// - Where no frame below the top has a candidate left, the search can never come back: it settles there, letting
//   go of the frames, caches and states before (and the model rekeys), so a sequential history runs in constant memory.
// When no order fits, the witness is the frame that got furthest: the most compared operations linearized in
// return order; at equal rank, the first frame where the next of them could at least be tried. (The two prunings
// keep that rank, so the culprit, but may show another prefix of it.)

import { calledBy, copy, layout, Links, mix, NONE, type Layout } from './searchLayout';

/** A sequential specification. */
export interface Model<State, Input, Output> {
  init(): State;
  /** The state after `input` answered `output`, or undefined when the model cannot answer that. */
  step(state: State, input: Input, output: Output): State | undefined;
  /** Equal keys if and only if equal states (the cache compares states by key). */
  key(state: State): string | number;
  /**
   * The same state keyed afresh: the search calls it where it will never backtrack, so a model that numbers its
   * states can let go of every one met before. Absent: keys are plain values.
   */
  rekey?(state: State): State;
  /**
   * The op never changes the state, wherever it fits (a read, a cas that failed): the search then takes it as soon
   * as it fits and tries nothing else there. Absent: no op is known to be read-only.
   */
  readOnly?(input: Input, output: Output): boolean;
  /** The output of an op whose outcome is unknown (it fits any state); absent: ops cannot be relaxed so. */
  unknownOutput?(input: Input): Output;
  /** Independent sub-histories (P-compositionality); one partition when absent. */
  partition?(ops: readonly Operation<Input, Output>[]): Operation<Input, Output>[][];
  /** "p3 write 4", "p0 read 2". */
  describeOperation(input: Input, output: Output): string;
  /** What the model answers to `input` in `state`: "reads 3". */
  describeAnswer(state: State, input: Input): string;
}

/** One operation of a history. Times are any totally ordered numbers (trace times, line numbers). */
export interface Operation<Input, Output> {
  readonly input: Input;
  /** What it answered (the model's step decides what fits). */
  readonly output: Output;
  readonly call: number;
  /** Infinity when its outcome is unknown. */
  readonly ret: number;
  /** Must take effect (its outcome is known). */
  readonly required: boolean;
  /** Its output is compared (the witness counts these); false for required ops whose answer is not checked. */
  readonly compared: boolean;
}

/** Model steps a search may take, shared by the partitions of one check. */
export interface Budget {
  used: number;
  readonly limit: number;
}

export type PartitionOutcome<State> =
  | {
      readonly kind: 'ok';
      /** Indices of the ops linearized, in the order found (optional ops left out never took effect). */
      readonly order: readonly number[];
    }
  | { readonly kind: 'exhausted' }
  | {
      readonly kind: 'violation';
      /** Index (in the partition) of the op that cannot follow `prefix`. */
      readonly culprit: number;
      /** Indices of the longest linearizable prefix found, in order. */
      readonly prefix: readonly number[];
      /** The model's state after the prefix. */
      readonly state: State;
      /** Whether the culprit could be tried after the prefix (else some op must come before it). */
      readonly placeable: boolean;
    };

/** Ops linearized for good, as a list from the last one back (what a settled root frame came after). */
interface Settled {
  readonly parent: Settled | null;
  readonly op: number;
}

interface Frame<State> {
  readonly parent: Frame<State> | null;
  /** At a root, the ops settled before it (null at the first root). */
  readonly settled: Settled | null;
  /** The op linearized to reach this frame; -1 at the root. */
  readonly op: number;
  readonly state: State;
  /** The state's number (equal states, equal numbers). */
  readonly stateId: number;
  readonly candidates: readonly number[];
  /** What the frame tries, in order: its candidates, or only a read-only one that fits. */
  order: readonly number[] | null;
  next: number;
  /** Below the top of the stack with candidates still to try (counted in the search's openBelow). */
  open: boolean;
}

interface Best<State> {
  rank: number;
  /** The frame, or once it was settled, its prefix. */
  frame: Frame<State> | null;
  settled: Settled | null;
  /** The frame's state (null until a frame was considered; a state itself may be null). */
  reached: { readonly state: State } | null;
  culprit: number;
  placeable: boolean;
}

/**
 * A configuration as Lowe's cache holds it: the ops called by the first pending return (`called` of them in call
 * order), and of those the required and the optional ones still in flight (call order); the rest are linearized.
 */
interface Config {
  /** The next configuration with the same hash. */
  readonly sameHash: Config | null;
  readonly called: number;
  readonly stateId: number;
  readonly required: readonly number[];
  readonly optional: readonly number[];
}

/** One partition's search: the lists of ops not yet linearized, the caches, and the witness so far. */
class PartitionSearch<S, I, O> {
  private readonly n: number;
  private readonly lay: Layout;
  private readonly byCall: Links;
  private readonly byEnd: Links;
  private readonly comparedByEnd: Links;
  /** Required ops that never change the state (the model's readOnly). */
  private readonly readOnly: Uint8Array;
  private readonly best: Best<S> = {
    rank: -1,
    frame: null,
    settled: null,
    reached: null,
    culprit: -1,
    placeable: false,
  };
  /** Frames below the top that have candidates left: at 0 the search can never come back below the top. */
  private openBelow = 0;
  /** States by number (interned by key), so that a cache entry names a state by a small integer. */
  private readonly stateIds = new Map<string | number, number>();
  private readonly states: S[] = [];
  /** The same op from the same state recurs along other paths: it is stepped once (the next state's number, -1). */
  private readonly steps = new Map<number, number>();
  /**
   * Lowe's cache: configurations already explored, by a hash of (called, state, required ops in flight). A
   * configuration is skipped when one with the same linearized required ops and state, and no more optional ops
   * linearized, was explored: anything that works from it works from that one (an optional op can always wait).
   */
  private readonly visited = new Map<number, Config>();
  /** The ops in flight while a configuration is looked up, before it is known to be new. */
  private readonly scratch: {
    required: Int32Array;
    optional: Int32Array;
    requiredLength: number;
    optionalLength: number;
  };

  constructor(
    private readonly model: Model<S, I, O>,
    private readonly ops: readonly Operation<I, O>[],
  ) {
    this.n = ops.length;
    this.lay = layout(ops);
    this.byCall = new Links(this.lay.byCall, this.n);
    this.byEnd = new Links(this.lay.required, this.n);
    this.comparedByEnd = new Links(this.lay.compared, this.n);
    this.readOnly = new Uint8Array(
      ops.map((op) => (op.required && model.readOnly?.(op.input, op.output) === true ? 1 : 0)),
    );
    const [required, optional] = [new Int32Array(this.n), new Int32Array(this.n)];
    this.scratch = { required, optional, requiredLength: 0, optionalLength: 0 };
  }

  private lift(i: number): void {
    this.byCall.remove(i);
    if (this.lay.endRank[i]! >= 0) this.byEnd.remove(i);
    if (this.lay.comparedRank[i]! >= 0) this.comparedByEnd.remove(i);
  }

  private unlift(i: number): void {
    if (this.lay.comparedRank[i]! >= 0) this.comparedByEnd.restore(i);
    if (this.lay.endRank[i]! >= 0) this.byEnd.restore(i);
    this.byCall.restore(i);
  }

  private stateIdOf(state: S): number {
    const key = this.model.key(state);
    let id = this.stateIds.get(key);
    if (id === undefined) {
      id = this.stateIds.size;
      this.stateIds.set(key, id);
      this.states.push(state);
    }
    return id;
  }

  /**
   * The current configuration, if it is new (it is then in the cache); null when it (or one that subsumes it) was
   * explored already; 'done' when every required op is in.
   */
  private enter(stateId: number): Config | null | 'done' {
    const { ops, byCall, scratch } = this;
    const first = this.byEnd.head;
    if (first === this.byEnd.end) return 'done';
    const minEnd = ops[first]!.ret;
    const called = calledBy(this.lay.calls, minEnd);
    let h = mix(called ^ mix(stateId + 0x9e3779b9));
    let r = 0;
    let o = 0;
    for (let i = byCall.head; i !== byCall.end && ops[i]!.call <= minEnd; i = byCall.next[i]!) {
      if (ops[i]!.required) {
        scratch.required[r++] = i;
        h = mix(h ^ i);
      } else scratch.optional[o++] = i;
    }
    scratch.requiredLength = r;
    scratch.optionalLength = o;
    const head = this.visited.get(h) ?? null;
    for (let old = head; old !== null; old = old.sameHash) if (this.subsumes(old, called, stateId)) return null;
    const config: Config = {
      sameHash: head,
      called,
      stateId,
      required: copy(scratch.required, r),
      optional: o === 0 ? NONE : copy(scratch.optional, o),
    };
    this.visited.set(h, config);
    return config;
  }

  /** `old` has the scratch's required ops linearized and the same state, and no optional op more. */
  private subsumes(old: Config, called: number, stateId: number): boolean {
    const { scratch } = this;
    if (old.called !== called || old.stateId !== stateId) return false;
    const a = old.required;
    if (a.length !== scratch.requiredLength) return false;
    for (let k = 0; k < a.length; k++) if (a[k] !== scratch.required[k]) return false;
    // Every optional op in flight now is in flight in `old` (both lists in call order).
    const { callRank } = this.lay;
    const x = old.optional;
    if (x.length < scratch.optionalLength) return false;
    let k = 0;
    for (let j = 0; j < scratch.optionalLength; j++) {
      const i = scratch.optional[j]!;
      while (k < x.length && callRank[x[k]!]! < callRank[i]!) k++;
      if (k === x.length || x[k] !== i) return false;
      k++;
    }
    return true;
  }

  /** Candidates in the order tried: required ones by return, then the optional ones by call. */
  private candidatesOf(config: Config): readonly number[] {
    const { endRank } = this.lay;
    if (config.required.length < 2 && config.optional.length === 0) return config.required;
    const required =
      config.required.length < 2
        ? [...config.required]
        : [...config.required].sort((a, b) => endRank[a]! - endRank[b]!);
    for (const i of config.optional) required.push(i);
    return required;
  }

  /** Records `frame` as the witness when it gets further than the best so far. */
  private consider(frame: Frame<S>): void {
    const { comparedByEnd, best } = this;
    const head = comparedByEnd.head;
    const rank = head === comparedByEnd.end ? this.lay.compared.length : this.lay.comparedRank[head]!;
    const culprit = head === comparedByEnd.end ? this.byEnd.head : head;
    const placeable = frame.candidates.includes(culprit);
    if (rank > best.rank || (rank === best.rank && best.reached !== null && !best.placeable && placeable)) {
      best.rank = rank;
      best.frame = frame;
      best.settled = null;
      best.reached = { state: frame.state };
      best.culprit = culprit;
      best.placeable = placeable;
    }
  }

  /** The number of the state `i` leads to from `frame`'s, or -1 when the model cannot answer that. */
  private stepOnce(frame: Frame<S>, i: number): number {
    const memo = frame.stateId * this.n + i;
    const known = this.steps.get(memo);
    if (known !== undefined) return known;
    const op = this.ops[i]!;
    const state = this.model.step(frame.state, op.input, op.output);
    const id = state === undefined ? -1 : this.stateIdOf(state);
    this.steps.set(memo, id);
    return id;
  }

  /**
   * A required read-only candidate that fits goes first and alone: any order that works from here still works with
   * it moved to the front (nothing had to precede it, and it changes no state), so nothing else need be tried.
   */
  private orderOf(frame: Frame<S>): readonly number[] {
    if (frame.candidates.length < 2) return frame.candidates;
    for (const i of frame.candidates) if (this.readOnly[i] === 1 && this.stepOnce(frame, i) >= 0) return [i];
    return frame.candidates;
  }

  /** The frame `i` leads to from `frame`, or "ok" when that linearizes every required op, or null. */
  private advance(frame: Frame<S>, i: number): Frame<S> | 'ok' | null {
    const stateId = this.stepOnce(frame, i);
    if (stateId < 0) return null;
    if (!this.ops[i]!.required && stateId === frame.stateId) return null;
    this.lift(i);
    const config = this.enter(stateId);
    if (config === 'done') return 'ok';
    if (config === null) {
      this.unlift(i);
      return null;
    }
    const state = this.states[stateId]!;
    const child: Frame<S> = {
      parent: frame,
      settled: null,
      op: i,
      state,
      stateId,
      candidates: this.candidatesOf(config),
      order: null,
      next: 0,
      open: false,
    };
    this.consider(child);
    return child;
  }

  run(budget: Budget): PartitionOutcome<S> {
    const initial = this.model.init();
    const stateId = this.stateIdOf(initial);
    const rootConfig = this.enter(stateId);
    if (rootConfig === 'done' || rootConfig === null) return { kind: 'ok', order: [] };
    const candidates = this.candidatesOf(rootConfig);
    const root: Frame<S> = {
      parent: null,
      settled: null,
      op: -1,
      state: initial,
      stateId,
      candidates,
      order: null,
      next: 0,
      open: false,
    };
    this.consider(root);
    let stack: Frame<S>[] = [root];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      frame.order ??= this.orderOf(frame);
      if (frame.next >= frame.order.length) {
        stack.pop();
        if (frame.op >= 0) this.unlift(frame.op);
        const top = stack[stack.length - 1];
        if (top?.open === true) {
          top.open = false;
          this.openBelow--;
        }
        continue;
      }
      const i = frame.order[frame.next++]!;
      if (++budget.used > budget.limit) return { kind: 'exhausted' };
      const child = this.advance(frame, i);
      if (child === 'ok') return { kind: 'ok', order: this.orderTo(frame, i) };
      if (child === null) continue;
      if (frame.next < frame.order.length) {
        frame.open = true;
        this.openBelow++;
      }
      if (this.openBelow === 0) stack = [this.settle(child)];
      else stack.push(child);
    }
    return this.witness();
  }

  /**
   * `child` as a new root when nothing below it has a candidate left: the search never comes back below it, so the
   * frames, caches and states before it are let go (a sequential history then checks in constant memory). What a
   * cleared cache forgets can only be explored once more, at most doubling the work done before this point.
   */
  private settle(child: Frame<S>): Frame<S> {
    const chain: Frame<S>[] = [];
    let root = child;
    for (; root.parent !== null; root = root.parent) chain.push(root);
    let settled = root.settled;
    if (this.best.frame === root) this.settleBest(settled);
    for (let k = chain.length - 1; k >= 0; k--) {
      settled = { parent: settled, op: chain[k]!.op };
      if (this.best.frame === chain[k]) this.settleBest(settled);
    }
    this.visited.clear();
    this.steps.clear();
    this.stateIds.clear();
    this.states.length = 0;
    const state = this.model.rekey?.(child.state) ?? child.state;
    const stateId = this.stateIdOf(state);
    return { ...child, parent: null, settled, op: -1, state, stateId };
  }

  /** The ops linearized to reach `frame`, then `last`: the settled ones first, then the stack's. */
  private orderTo(frame: Frame<S>, last: number): number[] {
    const order: number[] = [last];
    let f: Frame<S> = frame;
    for (; f.parent !== null; f = f.parent) order.push(f.op);
    if (f.op >= 0) order.push(f.op);
    for (let settled = f.settled; settled !== null; settled = settled.parent) order.push(settled.op);
    return order.reverse();
  }

  private settleBest(settled: Settled | null): void {
    this.best.frame = null;
    this.best.settled = settled;
  }

  private witness(): PartitionOutcome<S> {
    const { frame, culprit, placeable, reached } = this.best;
    if (reached === null) return { kind: 'ok', order: [] };
    const prefix: number[] = [];
    let f: Frame<S> | null = frame;
    let settled = this.best.settled;
    for (; f !== null; f = f.parent) {
      if (f.op >= 0) prefix.push(f.op);
      if (f.parent === null) settled = f.settled;
    }
    for (; settled !== null; settled = settled.parent) prefix.push(settled.op);
    prefix.reverse();
    return { kind: 'violation', culprit, prefix, state: reached.state, placeable };
  }
}

/** Checks one partition: does some order of its ops fit the model? */
export function searchPartition<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly Operation<I, O>[],
  budget: Budget,
): PartitionOutcome<S> {
  return new PartitionSearch(model, ops).run(budget);
}
