// Whether a history is linearizable (checkOperations), and why, op by op (explainOperations, which the client
// history view draws), for any model, partition by partition:
// - linearizable: each op's linearization point, the earliest moments in the order the search found;
// - not: the longest linearizable prefix, the op that cannot follow it, and a small set of ops that cannot be
//   ordered whatever the others did. That set is found by relaxing ops one at a time (an op relaxed "may have
//   taken effect at any moment after its call, or never", as an op whose outcome is unknown): an op stays in the
//   set when relaxing it too would let the history be ordered. So the set cannot be ordered even with every other
//   op relaxed, and each op in it is needed.
import { searchPartition, type Budget, type Model, type Operation } from './search';

export type CheckOutcome<S, I, O> =
  | { readonly kind: 'ok' }
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'violation';
      /** The partition's ops, the culprit and prefix as ops of it. */
      readonly partition: readonly Operation<I, O>[];
      readonly culprit: Operation<I, O>;
      readonly prefix: readonly Operation<I, O>[];
      /** What the model answers to the culprit after the prefix; null when the culprit cannot go there. */
      readonly answer: string | null;
      readonly state: S;
    };

/**
 * Checks a whole history against a model: each partition (smallest first) within one budget. The violation
 * reported is the one whose culprit returned first.
 */
export function checkOperations<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly Operation<I, O>[],
  budget: Budget = { used: 0, limit: Number.POSITIVE_INFINITY },
): CheckOutcome<S, I, O> {
  const parts = (model.partition === undefined ? [[...ops]] : model.partition(ops))
    .filter((part) => part.some((op) => op.required))
    .sort((a, b) => a.length - b.length);
  let found: Extract<CheckOutcome<S, I, O>, { kind: 'violation' }> | null = null;
  let exhausted = false;
  for (const part of parts) {
    if (budget.used >= budget.limit) {
      exhausted = true;
      break;
    }
    const outcome = searchPartition(model, part, budget);
    if (outcome.kind === 'exhausted') exhausted = true;
    else if (outcome.kind === 'violation') {
      const culprit = part[outcome.culprit]!;
      if (found === null || culprit.ret < found.culprit.ret) {
        found = {
          kind: 'violation',
          partition: part,
          culprit,
          prefix: outcome.prefix.map((k) => part[k]!),
          answer: outcome.placeable ? model.describeAnswer(outcome.state, culprit.input) : null,
          state: outcome.state,
        };
      }
    }
  }
  if (found !== null) return found;
  return exhausted ? { kind: 'unknown' } : { kind: 'ok' };
}

export type Explanation =
  | {
      readonly kind: 'ok';
      /** By op index: the moment it took effect (between its call and its return), or null when it never did. */
      readonly points: readonly (number | null)[];
    }
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'violation';
      /** Op indices of the longest linearizable prefix found, in order. */
      readonly prefix: readonly number[];
      /** The op that cannot follow it. */
      readonly culprit: number;
      /** Op indices (ascending) that cannot be ordered even with every other op relaxed; the culprit is one. */
      readonly unorderable: readonly number[];
      /** What the model answers to the culprit after the prefix; null when it cannot go there at all. */
      readonly answer: string | null;
    };

/** Model steps one relaxation try may take (more means "keep the op": the set stays correct, only less small). */
const RELAX_TRY_BUDGET = 100_000;
/** Ops before the culprit tried one at a time; those further back are relaxed together, if that keeps it failing. */
const RELAX_ONE_BY_ONE = 48;

export function explainOperations<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly Operation<I, O>[],
  budget: Budget = { used: 0, limit: Number.POSITIVE_INFINITY },
): Explanation {
  const index = new Map<Operation<I, O>, number>(ops.map((op, k) => [op, k]));
  const parts = (model.partition === undefined ? [[...ops]] : model.partition(ops)).filter((part) =>
    part.some((op) => op.required),
  );
  const points: (number | null)[] = ops.map(() => null);
  let worst: {
    part: Operation<I, O>[];
    outcome: Extract<ReturnType<typeof searchPartition<S, I, O>>, { kind: 'violation' }>;
  } | null = null;
  for (const part of parts) {
    const outcome = searchPartition(model, part, budget);
    if (outcome.kind === 'exhausted') return { kind: 'unknown' };
    if (outcome.kind === 'ok') {
      // The earliest moments that keep the order: each op at its call, or at the op before it if that is later.
      let at = Number.NEGATIVE_INFINITY;
      for (const k of outcome.order) {
        const op = part[k]!;
        at = Math.max(at, op.call);
        points[index.get(op)!] = at;
      }
    } else if (worst === null || part[outcome.culprit]!.ret < worst.part[worst.outcome.culprit]!.ret) {
      worst = { part, outcome };
    }
  }
  if (worst === null) return { kind: 'ok', points };
  const { part, outcome } = worst;
  const culprit = part[outcome.culprit]!;
  return {
    kind: 'violation',
    prefix: outcome.prefix.map((k) => index.get(part[k]!)!),
    culprit: index.get(culprit)!,
    unorderable: unorderable(model, part, culprit)
      .map((op) => index.get(op)!)
      .sort((a, b) => a - b),
    answer: outcome.placeable ? model.describeAnswer(outcome.state, culprit.input) : null,
  };
}

/** The ops of `part` that cannot be ordered without one another (see the top of the file). */
function unorderable<S, I, O>(
  model: Model<S, I, O>,
  part: readonly Operation<I, O>[],
  culprit: Operation<I, O>,
): Operation<I, O>[] {
  // Ops called after the culprit returned come after it in any order: they cannot be why it fails.
  const before = part.filter((op) => op === culprit || op.call <= culprit.ret);
  if (model.unknownOutput === undefined) return [culprit];
  const relax = (op: Operation<I, O>): Operation<I, O> => ({
    ...op,
    output: model.unknownOutput!(op.input),
    ret: Number.POSITIVE_INFINITY,
    required: false,
    compared: false,
  });
  const relaxed = new Set<Operation<I, O>>();
  const fails = (): boolean => {
    const ops = before.map((op) => (relaxed.has(op) ? relax(op) : op));
    return searchPartition(model, ops, { used: 0, limit: RELAX_TRY_BUDGET }).kind === 'violation';
  };
  // Latest returns first: the ops nearest the culprit are the likeliest to matter.
  const others = before.filter((op) => op !== culprit).sort((a, b) => b.ret - a.ret);
  const far = others.slice(RELAX_ONE_BY_ONE);
  for (const op of far) relaxed.add(op);
  if (far.length > 0 && !fails()) relaxed.clear();
  for (const op of others.slice(0, RELAX_ONE_BY_ONE)) {
    relaxed.add(op);
    if (!fails()) relaxed.delete(op);
  }
  return before.filter((op) => !relaxed.has(op));
}
