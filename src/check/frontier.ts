// Every way a finished stretch of history can leave the model: the states its ops can end in, each with the
// ops of unknown outcome it left for later. The live linearizability monitor carries these past a quiet cut,
// so the settled history before it is never searched again.
import type { Budget, Model, Operation } from './search';

/** One way the stretch can end: the model's state and the ops (indices) of unknown outcome not taken. */
export interface SegmentEnd<S> {
  readonly state: S;
  readonly skipped: readonly number[];
}

/**
 * Every end of `ops` from `start`: all required ops linearized (respecting real time), any subset of the
 * others. Depth-first, with each (linearized set, state) explored once. Null when the budget runs out.
 */
export function segmentEnds<S, I, O>(
  model: Model<S, I, O>,
  start: S,
  ops: readonly Operation<I, O>[],
  budget: Budget,
): SegmentEnd<S>[] | null {
  const n = ops.length;
  const taken = new Uint8Array(n);
  let requiredLeft = ops.filter((op) => op.required).length;
  const seen = new Set<string>();
  const ends = new Map<string, SegmentEnd<S>>();
  const run = { exhausted: false };
  const takenKey = (): string => {
    let key = '';
    for (let i = 0; i < n; i++) if (taken[i] === 1) key += `${i},`;
    return key;
  };
  const visit = (state: S): void => {
    const stateKey = model.key(state);
    if (requiredLeft === 0) {
      const skipped: number[] = [];
      for (let i = 0; i < n; i++) if (taken[i] === 0) skipped.push(i);
      const endKey = `${stateKey}|${skipped.join(',')}`;
      if (!ends.has(endKey)) ends.set(endKey, { state, skipped });
      return;
    }
    const memo = `${takenKey()}|${stateKey}`;
    if (seen.has(memo)) return;
    seen.add(memo);
    let minRet = Infinity;
    for (let i = 0; i < n; i++) if (taken[i] === 0 && ops[i]!.required && ops[i]!.ret < minRet) minRet = ops[i]!.ret;
    for (let i = 0; i < n && !run.exhausted; i++) {
      const op = ops[i]!;
      if (taken[i] === 1 || op.call > minRet) continue;
      if (++budget.used > budget.limit) {
        run.exhausted = true;
        return;
      }
      const next = model.step(state, op.input, op.output);
      if (next === undefined) continue;
      // An op of unknown outcome that changes nothing is the same as that op never happening.
      if (!op.required && model.key(next) === stateKey) continue;
      taken[i] = 1;
      if (op.required) requiredLeft--;
      visit(next);
      taken[i] = 0;
      if (op.required) requiredLeft++;
    }
  };
  visit(start);
  return run.exhausted ? null : [...ends.values()];
}
